"""The business (tenant): creating it with its first admin, reading and changing its settings."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from sqlalchemy import func, select

from hydreight_desktop.domain.clock import zone
from hydreight_desktop.domain.contact import parse_email, parse_phone, require_text
from hydreight_desktop.domain.errors import NotFound, ValidationError
from hydreight_desktop.domain.ids import new_id
from hydreight_desktop.domain.link_codes import validate_base_url
from hydreight_desktop.domain.roles import Permission, Role
from hydreight_desktop.services.context import Actor, system_actor
from hydreight_desktop.services.passwords import check_password_strength, hash_password
from hydreight_desktop.store.models import Business, StaffAccount
from hydreight_desktop.store.uow import UnitOfWork

CURRENCIES = ("USD", "CAD", "GBP", "EUR", "AUD")
MULTI_CLIENT_TIMINGS = ("sequential", "side_by_side")


@dataclass(frozen=True, slots=True)
class BusinessSettings:
    """Everything an admin can set on the Business screen."""

    name: str
    time_zone: str = "America/New_York"
    currency: str = "USD"
    locale: str = "en_US"
    booking_link_base: str = "https://booking.hydreight.com/widget-business/"
    phone: str | None = None
    address: str | None = None
    travel_buffer_minutes: int = 30
    booking_window_days: int = 90
    multi_client_timing: str = "sequential"
    extra_client_setup_minutes: int = 10
    slot_step_minutes: int = 15
    mse_validity_days: int = 365


@dataclass(frozen=True, slots=True)
class BusinessRecord:
    id: str
    settings: BusinessSettings
    is_demo: bool

    @property
    def name(self) -> str:
        return self.settings.name

    @property
    def time_zone(self) -> str:
        return self.settings.time_zone

    @property
    def currency(self) -> str:
        return self.settings.currency

    @property
    def locale(self) -> str:
        return self.settings.locale

    @staticmethod
    def from_row(row: Business) -> BusinessRecord:
        values = {f.name: getattr(row, f.name) for f in fields(BusinessSettings)}
        return BusinessRecord(id=row.id, settings=BusinessSettings(**values), is_demo=row.is_demo)


def _bounded(value: int, low: int, high: int, label: str, field: str) -> int:
    if not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(f"The {label} must be between {low} and {high}.", field=field)
    return value


def validate_settings(settings: BusinessSettings) -> BusinessSettings:
    """Check every setting; return them cleaned (trimmed text, normalised phone)."""
    zone(settings.time_zone)
    if settings.currency not in CURRENCIES:
        raise ValidationError(
            f"Pick a currency from the list ({', '.join(CURRENCIES)}).", field="currency"
        )
    if settings.multi_client_timing not in MULTI_CLIENT_TIMINGS:
        raise ValidationError("Pick how several clients in one booking are served.")
    phone = parse_phone(settings.phone)
    return replace(
        settings,
        name=require_text(settings.name, "business name", "name"),
        booking_link_base=validate_base_url(settings.booking_link_base),
        phone=phone.e164 if phone else None,
        address=(settings.address or "").strip() or None,
        travel_buffer_minutes=_bounded(
            settings.travel_buffer_minutes,
            0,
            240,
            "travel buffer (minutes)",
            "travel_buffer_minutes",
        ),
        booking_window_days=_bounded(
            settings.booking_window_days, 1, 730, "booking window (days)", "booking_window_days"
        ),
        extra_client_setup_minutes=_bounded(
            settings.extra_client_setup_minutes,
            0,
            120,
            "set-up time per extra client",
            "extra_client_setup_minutes",
        ),
        slot_step_minutes=_bounded(
            settings.slot_step_minutes, 5, 60, "slot step (minutes)", "slot_step_minutes"
        ),
        mse_validity_days=_bounded(
            settings.mse_validity_days, 1, 730, "MSE validity (days)", "mse_validity_days"
        ),
    )


@dataclass(frozen=True, slots=True)
class NewBusiness:
    settings: BusinessSettings
    admin_name: str
    admin_email: str
    admin_password: str


def count_businesses(uow: UnitOfWork) -> int:
    with uow.read() as s:
        return s.scalar(select(func.count()).select_from(Business)) or 0


def create_business(uow: UnitOfWork, form: NewBusiness, *, is_demo: bool = False) -> BusinessRecord:
    """Set up a new business and its first Business Admin in one transaction."""
    settings = validate_settings(form.settings)
    email = parse_email(form.admin_email)
    admin_name = require_text(form.admin_name, "admin's name", "admin_name")
    check_password_strength(form.admin_password)
    business_id = new_id()
    with uow.write(system_actor(business_id), "business.create") as s:
        row = Business(
            id=business_id,
            is_demo=is_demo,
            **{f.name: getattr(settings, f.name) for f in fields(BusinessSettings)},
        )
        s.add(row)
        s.flush()
        s.add(
            StaffAccount(
                business_id=business_id,
                email=email.address,
                email_key=email.key,
                full_name=admin_name,
                role=Role.ADMIN.value,
                password_hash=hash_password(form.admin_password),
            )
        )
        return BusinessRecord.from_row(row)


def get_business(uow: UnitOfWork, actor: Actor) -> BusinessRecord:
    with uow.read() as s:
        row = s.get(Business, actor.business_id)
        if row is None:
            raise NotFound("This business no longer exists on this computer.")
        return BusinessRecord.from_row(row)


def first_business(uow: UnitOfWork) -> BusinessRecord | None:
    """The business this store serves (a desktop store holds one), or None when empty."""
    with uow.read() as s:
        row = s.scalars(select(Business).order_by(Business.created_at).limit(1)).first()
        return BusinessRecord.from_row(row) if row else None


def update_business(uow: UnitOfWork, actor: Actor, settings: BusinessSettings) -> BusinessRecord:
    """Change the business settings (admins only)."""
    actor.require(Permission.MANAGE_BUSINESS)
    clean = validate_settings(settings)
    with uow.write(actor, "business.update") as s:
        row = s.get(Business, actor.business_id)
        if row is None:
            raise NotFound("This business no longer exists on this computer.")
        for f in fields(BusinessSettings):
            setattr(row, f.name, getattr(clean, f.name))
        s.flush()
        return BusinessRecord.from_row(row)
