"""Providers: CSP profiles (Details, Available Hours, Settings, Vacations) and HCP profiles.

Admins manage every profile. A CSP changes only their own hours and vacations (and their own
advance booking times, as the clinic's app allows); commission and cash rights stay with admins.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from hydreight_desktop.domain.clock import zone
from hydreight_desktop.domain.contact import parse_phone, require_text
from hydreight_desktop.domain.errors import NotFound, PermissionDenied, ValidationError
from hydreight_desktop.domain.providers import (
    HoursRange,
    Mode,
    parse_mode,
    parse_states,
    validate_advance_minutes,
    validate_commission_bp,
    validate_credentials,
    validate_npi,
    validate_vacation,
    validate_week,
)
from hydreight_desktop.domain.roles import Permission, Role, refusal_message
from hydreight_desktop.services.context import Actor
from hydreight_desktop.services.staff import NewStaffForm, add_account, business_region
from hydreight_desktop.store.models import (
    CspHoursRange,
    CspProfile,
    CspVacation,
    HcpProfile,
    StaffAccount,
)
from hydreight_desktop.store.uow import UnitOfWork

NOT_YOUR_PROFILE = (
    "Only a Business Admin or the provider themselves can change a provider's hours and vacations."
)
REASON_MAX = 200

# ---------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class CspSettings:
    """The Settings tab: minimum notice per mode, cash rights, commission (basis points)."""

    callout_advance_minutes: int
    facility_advance_minutes: int
    cash_payments_allowed: bool
    commission_rate_bp: int  # 3000 = 30%

    def advance_minutes(self, mode: Mode | str) -> int:
        return (
            self.callout_advance_minutes
            if Mode(mode) is Mode.CALLOUT
            else self.facility_advance_minutes
        )


@dataclass(frozen=True, slots=True)
class CspDetails:
    """The Details tab."""

    full_name: str
    phone: str | None
    default_time_zone: str
    is_live: bool
    title: str = "RN"


@dataclass(frozen=True, slots=True)
class VacationRecord:
    id: str
    csp_id: str
    starts_at: datetime
    ends_at: datetime
    reason: str

    @staticmethod
    def from_row(row: CspVacation) -> VacationRecord:
        return VacationRecord(row.id, row.csp_id, row.starts_at, row.ends_at, row.reason)


def _hours_by_mode(rows: Iterable[CspHoursRange]) -> dict[Mode, tuple[HoursRange, ...]]:
    grouped: dict[Mode, list[HoursRange]] = {m: [] for m in Mode}
    for r in rows:
        grouped[Mode(r.mode)].append(HoursRange(r.weekday, r.start_minute, r.end_minute))
    return {m: tuple(sorted(v)) for m, v in grouped.items()}


@dataclass(frozen=True, slots=True)
class CspProfileRecord:
    """Everything on a CSP's profile, the way the four tabs show it."""

    id: str
    staff_id: str
    email: str
    full_name: str
    phone: str | None
    title: str
    default_time_zone: str
    is_live: bool
    active: bool
    settings: CspSettings
    hours: Mapping[Mode, tuple[HoursRange, ...]]
    vacations: tuple[VacationRecord, ...]

    @property
    def details(self) -> CspDetails:
        return CspDetails(
            self.full_name, self.phone, self.default_time_zone, self.is_live, self.title
        )

    def hours_for(self, mode: Mode | str) -> tuple[HoursRange, ...]:
        return self.hours.get(Mode(mode), ())

    @staticmethod
    def from_row(row: CspProfile) -> CspProfileRecord:
        return CspProfileRecord(
            id=row.id,
            staff_id=row.staff_id,
            email=row.staff.email,
            full_name=row.staff.full_name,
            phone=row.staff.phone,
            title=row.title,
            default_time_zone=row.default_time_zone,
            is_live=row.is_live,
            active=row.staff.active,
            settings=CspSettings(
                row.callout_advance_minutes,
                row.facility_advance_minutes,
                row.cash_payments_allowed,
                row.commission_rate_bp,
            ),
            hours=_hours_by_mode(row.hours),
            vacations=tuple(VacationRecord.from_row(v) for v in row.vacations),
        )


@dataclass(frozen=True, slots=True)
class CspListRow:
    """One line of the providers list: who, where (zone), live or not, hours per mode."""

    id: str
    staff_id: str
    full_name: str
    email: str
    phone: str | None
    title: str
    default_time_zone: str
    is_live: bool
    active: bool
    hours: Mapping[Mode, tuple[HoursRange, ...]]

    @property
    def modes(self) -> tuple[Mode, ...]:
        """The modes this CSP has hours for (bookable ones, when live)."""
        return tuple(m for m in Mode if self.hours.get(m))


@dataclass(frozen=True, slots=True)
class NewCspForm:
    email: str
    full_name: str
    phone: str | None
    password: str
    default_time_zone: str
    title: str = "RN"
    is_live: bool = False


@dataclass(frozen=True, slots=True)
class HcpDetails:
    full_name: str
    phone: str | None
    credentials: str  # MD, DO, NP, PA
    npi_number: str | None
    licensed_states: str | tuple[str, ...]  # "CA, NV" or ("CA", "NV")
    time_zone: str


@dataclass(frozen=True, slots=True)
class NewHcpForm:
    email: str
    password: str
    details: HcpDetails


@dataclass(frozen=True, slots=True)
class HcpRecord:
    id: str
    staff_id: str
    email: str
    full_name: str
    phone: str | None
    credentials: str
    npi_number: str | None
    licensed_states: tuple[str, ...]
    time_zone: str
    active: bool

    @property
    def display_name(self) -> str:
        return f"{self.full_name}, {self.credentials}" if self.credentials else self.full_name

    @staticmethod
    def from_row(row: HcpProfile) -> HcpRecord:
        states = tuple(s for s in row.licensed_states.split(",") if s)
        return HcpRecord(
            id=row.id,
            staff_id=row.staff_id,
            email=row.staff.email,
            full_name=row.staff.full_name,
            phone=row.staff.phone,
            credentials=row.credentials,
            npi_number=row.npi_number,
            licensed_states=states,
            time_zone=row.time_zone,
            active=row.staff.active,
        )


# ---------------------------------------------------------------- helpers


def _load_csp(s: Session, actor: Actor, csp_id: str) -> CspProfile:
    row = s.get(CspProfile, csp_id)
    if row is None or row.business_id != actor.business_id:
        raise NotFound("That provider's profile no longer exists.")
    return row


def _require_own_or_manage(
    actor: Actor, profile: CspProfile, others_message: str = NOT_YOUR_PROFILE
) -> None:
    """Admins change any CSP's availability; a CSP only their own; other roles get
    ``others_message``."""
    if actor.can(Permission.MANAGE_PROVIDERS):
        return
    if actor.can(Permission.EDIT_OWN_AVAILABILITY):
        if profile.staff_id == actor.user_id:
            return
        raise PermissionDenied(refusal_message(Permission.EDIT_OWN_AVAILABILITY))
    raise PermissionDenied(others_message)


def _clean_details(s: Session, actor: Actor, details: CspDetails) -> dict:
    zone(details.default_time_zone)
    phone = parse_phone(details.phone, business_region(s, actor.business_id))
    return {
        "full_name": require_text(details.full_name, "full name", "full_name"),
        "phone": phone.e164 if phone else None,
        "default_time_zone": details.default_time_zone,
        "is_live": bool(details.is_live),
        "title": require_text(details.title, "title (e.g. RN)", "title", max_length=60),
    }


# ---------------------------------------------------------------- CSPs


def create_csp(uow: UnitOfWork, actor: Actor, form: NewCspForm) -> CspProfileRecord:
    """Add a CSP: their sign-in account (role CSP) and their profile, together."""
    actor.require(Permission.MANAGE_STAFF)
    details = CspDetails(
        form.full_name, form.phone, form.default_time_zone, form.is_live, form.title
    )
    with uow.write(actor, "csp.create") as s:
        clean = _clean_details(s, actor, details)
        account = add_account(
            s,
            actor,
            NewStaffForm(form.email, form.full_name, form.phone, Role.CSP, form.password),
        )
        row = CspProfile(
            business_id=actor.business_id,
            staff_id=account.id,
            title=clean["title"],
            default_time_zone=clean["default_time_zone"],
            is_live=clean["is_live"],
        )
        s.add(row)
        s.flush()
        return CspProfileRecord.from_row(row)


def get_csp_profile(uow: UnitOfWork, actor: Actor, csp_id: str) -> CspProfileRecord:
    actor.require(Permission.VIEW_PROVIDERS)
    with uow.read() as s:
        return CspProfileRecord.from_row(_load_csp(s, actor, csp_id))


def own_csp_profile(uow: UnitOfWork, actor: Actor) -> CspProfileRecord | None:
    """The signed-in CSP's own profile (their Set Up screen), or None for other roles."""
    with uow.read() as s:
        row = s.scalars(
            select(CspProfile).where(
                CspProfile.business_id == actor.business_id, CspProfile.staff_id == actor.user_id
            )
        ).first()
        return CspProfileRecord.from_row(row) if row else None


def list_csps(
    uow: UnitOfWork, actor: Actor, *, live_only: bool = False, include_inactive: bool = False
) -> list[CspListRow]:
    """CSPs by name, with zone, live flag and hours per mode. Only CSP-role accounts."""
    actor.require(Permission.VIEW_PROVIDERS)
    query = (
        select(CspProfile)
        .join(StaffAccount, StaffAccount.id == CspProfile.staff_id)
        .where(CspProfile.business_id == actor.business_id, StaffAccount.role == Role.CSP.value)
        .options(selectinload(CspProfile.hours))
        .order_by(func.lower(StaffAccount.full_name))
    )
    if live_only:
        query = query.where(CspProfile.is_live.is_(True))
    if not include_inactive:
        query = query.where(StaffAccount.active.is_(True))
    with uow.read() as s:
        return [
            CspListRow(
                id=row.id,
                staff_id=row.staff_id,
                full_name=row.staff.full_name,
                email=row.staff.email,
                phone=row.staff.phone,
                title=row.title,
                default_time_zone=row.default_time_zone,
                is_live=row.is_live,
                active=row.staff.active,
                hours=_hours_by_mode(row.hours),
            )
            for row in s.scalars(query).unique()
        ]


def update_csp_details(
    uow: UnitOfWork, actor: Actor, csp_id: str, details: CspDetails
) -> CspProfileRecord:
    """Name, phone, default time zone, title and live flag (admins)."""
    actor.require(Permission.MANAGE_PROVIDERS)
    with uow.write(actor, "csp.update_details") as s:
        row = _load_csp(s, actor, csp_id)
        clean = _clean_details(s, actor, details)
        if clean["is_live"] and not row.staff.active:
            raise ValidationError(
                f"{row.staff.full_name}'s account is deactivated. Reactivate it on the Staff "
                "screen before making them live.",
                field="is_live",
            )
        row.staff.full_name = clean["full_name"]
        row.staff.phone = clean["phone"]
        row.default_time_zone = clean["default_time_zone"]
        row.is_live = clean["is_live"]
        row.title = clean["title"]
        s.flush()
        return CspProfileRecord.from_row(row)


def set_csp_hours(
    uow: UnitOfWork, actor: Actor, csp_id: str, mode: Mode | str, ranges: Iterable[HoursRange]
) -> CspProfileRecord:
    """Replace one mode's weekly hours (several ranges a day allowed, never overlapping)."""
    the_mode = parse_mode(mode)
    clean = validate_week(ranges)
    with uow.write(actor, f"csp.set_hours.{the_mode.value}") as s:
        row = _load_csp(s, actor, csp_id)
        _require_own_or_manage(actor, row)
        current = [h for h in row.hours if h.mode == the_mode.value]
        if tuple(_hours_by_mode(current)[the_mode]) == clean:
            return CspProfileRecord.from_row(row)  # unchanged: nothing to write or sync
        for old in current:
            row.hours.remove(old)
        for rng in clean:
            row.hours.append(
                CspHoursRange(
                    business_id=row.business_id,
                    mode=the_mode.value,
                    weekday=rng.weekday,
                    start_minute=rng.start_minute,
                    end_minute=rng.end_minute,
                )
            )
        s.flush()
        s.refresh(row, ["hours"])
        return CspProfileRecord.from_row(row)


def update_csp_settings(
    uow: UnitOfWork, actor: Actor, csp_id: str, settings: CspSettings
) -> CspProfileRecord:
    """Advance booking times, cash payments, commission.

    Admins change all of it. A CSP may change their own advance booking times (the clinic's app
    lets them) but not their cash rights or commission.
    """
    callout = validate_advance_minutes(settings.callout_advance_minutes, Mode.CALLOUT)
    facility = validate_advance_minutes(settings.facility_advance_minutes, Mode.FACILITY)
    commission = validate_commission_bp(settings.commission_rate_bp)
    with uow.write(actor, "csp.update_settings") as s:
        row = _load_csp(s, actor, csp_id)
        _require_own_or_manage(actor, row, refusal_message(Permission.MANAGE_PROVIDERS))
        money_changed = (
            bool(settings.cash_payments_allowed) != row.cash_payments_allowed
            or commission != row.commission_rate_bp
        )
        if money_changed:
            actor.require(Permission.MANAGE_PROVIDERS)
        row.callout_advance_minutes = callout
        row.facility_advance_minutes = facility
        row.cash_payments_allowed = bool(settings.cash_payments_allowed)
        row.commission_rate_bp = commission
        s.flush()
        return CspProfileRecord.from_row(row)


def add_vacation(
    uow: UnitOfWork,
    actor: Actor,
    csp_id: str,
    starts_at: datetime,
    ends_at: datetime,
    reason: str = "",
) -> VacationRecord:
    """Block a CSP's time (vacation, training...): no bookings between the two instants."""
    validate_vacation(starts_at, ends_at)
    text = (reason or "").strip()
    if len(text) > REASON_MAX:
        raise ValidationError(
            f"The reason is too long (at most {REASON_MAX} characters).", field="reason"
        )
    with uow.write(actor, "csp.add_vacation") as s:
        row = _load_csp(s, actor, csp_id)
        _require_own_or_manage(actor, row)
        vacation = CspVacation(
            business_id=row.business_id,
            csp_id=row.id,
            starts_at=starts_at,
            ends_at=ends_at,
            reason=text,
        )
        s.add(vacation)
        s.flush()
        return VacationRecord.from_row(vacation)


def remove_vacation(uow: UnitOfWork, actor: Actor, csp_id: str, vacation_id: str) -> None:
    with uow.write(actor, "csp.remove_vacation") as s:
        row = _load_csp(s, actor, csp_id)
        _require_own_or_manage(actor, row)
        vacation = s.get(CspVacation, vacation_id)
        if vacation is None or vacation.csp_id != row.id:
            raise NotFound("That vacation was already removed.")
        s.delete(vacation)


# ---------------------------------------------------------------- HCPs


def _clean_hcp(s: Session, actor: Actor, details: HcpDetails) -> dict:
    zone(details.time_zone)
    phone = parse_phone(details.phone, business_region(s, actor.business_id))
    return {
        "full_name": require_text(details.full_name, "full name", "full_name"),
        "phone": phone.e164 if phone else None,
        "credentials": validate_credentials(details.credentials),
        "npi_number": validate_npi(details.npi_number),
        "licensed_states": ",".join(parse_states(details.licensed_states)),
        "time_zone": details.time_zone,
    }


def _load_hcp(s: Session, actor: Actor, hcp_id: str) -> HcpProfile:
    row = s.get(HcpProfile, hcp_id)
    if row is None or row.business_id != actor.business_id:
        raise NotFound("That healthcare provider's profile no longer exists.")
    return row


def create_hcp(uow: UnitOfWork, actor: Actor, form: NewHcpForm) -> HcpRecord:
    """Add an HCP: sign-in account (role HCP) and profile with credentials and licences."""
    actor.require(Permission.MANAGE_STAFF)
    d = form.details
    with uow.write(actor, "hcp.create") as s:
        clean = _clean_hcp(s, actor, d)
        account = add_account(
            s, actor, NewStaffForm(form.email, d.full_name, d.phone, Role.HCP, form.password)
        )
        row = HcpProfile(
            business_id=actor.business_id,
            staff_id=account.id,
            credentials=clean["credentials"],
            npi_number=clean["npi_number"],
            licensed_states=clean["licensed_states"],
            time_zone=clean["time_zone"],
        )
        s.add(row)
        s.flush()
        return HcpRecord.from_row(row)


def update_hcp(uow: UnitOfWork, actor: Actor, hcp_id: str, details: HcpDetails) -> HcpRecord:
    actor.require(Permission.MANAGE_PROVIDERS)
    with uow.write(actor, "hcp.update") as s:
        row = _load_hcp(s, actor, hcp_id)
        clean = _clean_hcp(s, actor, details)
        row.staff.full_name = clean["full_name"]
        row.staff.phone = clean["phone"]
        row.credentials = clean["credentials"]
        row.npi_number = clean["npi_number"]
        row.licensed_states = clean["licensed_states"]
        row.time_zone = clean["time_zone"]
        s.flush()
        return HcpRecord.from_row(row)


def get_hcp(uow: UnitOfWork, actor: Actor, hcp_id: str) -> HcpRecord:
    actor.require(Permission.VIEW_PROVIDERS)
    with uow.read() as s:
        return HcpRecord.from_row(_load_hcp(s, actor, hcp_id))


def list_hcps(uow: UnitOfWork, actor: Actor, *, include_inactive: bool = False) -> list[HcpRecord]:
    actor.require(Permission.VIEW_PROVIDERS)
    query = (
        select(HcpProfile)
        .join(StaffAccount, StaffAccount.id == HcpProfile.staff_id)
        .where(HcpProfile.business_id == actor.business_id, StaffAccount.role == Role.HCP.value)
        .order_by(func.lower(StaffAccount.full_name))
    )
    if not include_inactive:
        query = query.where(StaffAccount.active.is_(True))
    with uow.read() as s:
        return [HcpRecord.from_row(r) for r in s.scalars(query).unique()]
