"""Sessions: start at the booking, treat client by client, finish.

Starting checks every booking client in and moves the booking to "in session"; finishing
needs every client treated or not treated with a reason, completes the booking and stamps
who finished it and when. Only the booking's CSP, or an admin on their behalf, may act.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from hydreight_desktop.domain.booking_status import BookingStatus
from hydreight_desktop.domain.clinical.contraindications import ServiceKind
from hydreight_desktop.domain.clinical.outcome import MseOutcome
from hydreight_desktop.domain.clinical.psf import refusal_to_perform
from hydreight_desktop.domain.clinical.session_rules import (
    ClientProgress,
    ClientState,
    SessionStatus,
    TreatmentCheck,
    check_can_finish,
    check_can_treat,
    check_client_open,
    check_open,
    validate_not_treated_reason,
)
from hydreight_desktop.domain.clinical.vials import decimal_text, validate_vial
from hydreight_desktop.domain.clock import utcnow, zone
from hydreight_desktop.domain.errors import DomainError, NotFound, ValidationError
from hydreight_desktop.domain.roles import Permission, Role
from hydreight_desktop.services.bookings import transition_booking
from hydreight_desktop.services.clinical_common import (
    actor_csp_id,
    business_mse_days,
    checklist_kinds,
    csp_name,
    get_csp,
    latest_mse,
    load_session,
    mse_state,
    on_behalf,
    psf_status,
    require_session_actor,
    service_line,
    valid_psf_request_id,
)
from hydreight_desktop.services.clinical_types import (
    SessionBookingRow,
    SessionClientView,
    SessionView,
    TreatmentForm,
    TreatmentView,
    VialView,
)
from hydreight_desktop.services.context import Actor
from hydreight_desktop.store.models import (
    Booking,
    BookingService,
    Business,
    Client,
    ClinicalSession,
    CspProfile,
    Service,
    SessionClient,
    Treatment,
    TreatmentService,
    Vial,
)
from hydreight_desktop.store.uow import UnitOfWork

HIDDEN_FROM_DAY_LIST = (BookingStatus.CANCELLED.value, BookingStatus.NO_SHOW.value)


# --- reading -----------------------------------------------------------------

def booked_services(s: Session, booking_client_id: str) -> list[Service]:
    return list(
        s.scalars(
            select(Service)
            .join(BookingService, BookingService.service_id == Service.id)
            .where(BookingService.booking_client_id == booking_client_id)
            .order_by(BookingService.created_at)
        )
    )


def _treatment_view(s: Session, treatment: Treatment) -> TreatmentView:
    services = s.scalars(
        select(TreatmentService).where(TreatmentService.treatment_id == treatment.id)
        .order_by(TreatmentService.created_at)
    ).all()
    vials = s.scalars(
        select(Vial).where(Vial.treatment_id == treatment.id).order_by(Vial.position)
    ).all()
    return TreatmentView(
        id=treatment.id,
        performed_at=treatment.performed_at,
        performed_by_name=treatment.performed_by_name,
        recorded_by_name=treatment.recorded_by_name,
        service_ids=tuple(ts.service_id for ts in services),
        service_names=tuple(ts.service_name for ts in services),
        notes=treatment.notes,
        adverse_events=treatment.adverse_events,
        vials=tuple(vial_view(v) for v in vials),
    )


def vial_view(v: Vial) -> VialView:
    return VialView(v.id, v.medication, v.lot_number, v.expiry_date, v.amount, v.unit, v.route,
                    v.site, v.service_id)


def _client_view(
    s: Session, row: ClinicalSession, sc: SessionClient, business_days: int, now: datetime
) -> SessionClientView:
    client = s.get(Client, sc.client_id)
    services = booked_services(s, sc.booking_client_id)
    lines = tuple(
        service_line(svc, psf_status(s, row.business_id, sc.client_id, svc.id, now)
                     if svc.patient_specific else None)
        for svc in services
    )
    latest = latest_mse(s, row.business_id, sc.client_id)
    treatment = s.scalars(select(Treatment).where(Treatment.session_client_id == sc.id)).first()
    return SessionClientView(
        id=sc.id,
        client_id=sc.client_id,
        first_name=client.first_name,
        last_name=client.last_name,
        date_of_birth=client.date_of_birth,
        allergies_on_file=client.allergies,
        state=sc.state,
        not_treated_reason=sc.not_treated_reason,
        services=lines,
        mse_state=mse_state(latest, services, business_days, now, row.started_at),
        checklist_kinds=checklist_kinds(services) or frozenset({ServiceKind.OTHER}),
        latest_mse=latest,
        treatment=_treatment_view(s, treatment) if treatment else None,
        closed_by_name=sc.closed_by_name or "",
    )


def build_session_view(s: Session, row: ClinicalSession, now: datetime | None = None) -> SessionView:
    """Everything the session screen shows, computed inside the caller's transaction."""
    now = now or utcnow()
    booking = s.get(Booking, row.booking_id)
    csp = get_csp(s, row.business_id, row.csp_id)
    days = business_mse_days(s, row.business_id)
    clients = s.scalars(
        select(SessionClient).where(SessionClient.session_id == row.id).order_by(SessionClient.position)
    ).all()
    return SessionView(
        id=row.id,
        booking_id=row.booking_id,
        csp_id=row.csp_id,
        csp_name=csp_name(csp),
        csp_time_zone=csp.default_time_zone,
        status=row.status,
        booking_status=booking.status,
        mode=booking.mode,
        address=booking.address or "",
        start_at=booking.start_at,
        end_at=booking.end_at,
        started_at=row.started_at,
        started_by_name=row.started_by_name,
        finished_at=row.finished_at,
        finished_by_name=row.finished_by_name or "",
        clients=tuple(_client_view(s, row, sc, days, now) for sc in clients),
    )


def get_session(uow: UnitOfWork, actor: Actor, session_id: str) -> SessionView:
    """A session as its CSP (or an admin) sees it."""
    with uow.read() as s:
        row = load_session(s, actor, session_id)
        require_session_actor(s, actor, get_csp(s, actor.business_id, row.csp_id))
        return build_session_view(s, row)


def session_for_booking(uow: UnitOfWork, actor: Actor, booking_id: str) -> SessionView | None:
    with uow.read() as s:
        row = s.scalars(
            select(ClinicalSession).where(
                ClinicalSession.business_id == actor.business_id,
                ClinicalSession.booking_id == booking_id,
            )
        ).first()
        if row is None:
            return None
        require_session_actor(s, actor, get_csp(s, actor.business_id, row.csp_id))
        return build_session_view(s, row)


def working_zone(s: Session, actor: Actor) -> str:
    """A CSP's day runs in their own zone (a San Francisco nurse's 'today'); others the clinic's."""
    if actor.role == Role.CSP:
        tz = s.scalar(select(CspProfile.default_time_zone).where(CspProfile.staff_id == actor.user_id))
        if tz:
            return tz
    return s.scalar(select(Business.time_zone).where(Business.id == actor.business_id))


def _local_day_bounds(tz_name: str, day: date | None) -> tuple[datetime, datetime]:
    tz = zone(tz_name)
    day = day or utcnow().astimezone(tz).date()
    start = datetime.combine(day, time(0), tzinfo=tz)
    return start, datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz)


def working_today(uow: UnitOfWork, actor: Actor) -> date:
    """Today's date where the actor works (their own zone for a CSP), for the day list."""
    with uow.read() as s:
        return utcnow().astimezone(zone(working_zone(s, actor))).date()


def day_bookings(
    uow: UnitOfWork, actor: Actor, day: date | None = None, csp_id: str | None = None
) -> list[SessionBookingRow]:
    """The bookings of a day (today by default) that a session can be run for.

    A CSP sees their own; an admin sees every CSP's, or one CSP's when ``csp_id`` is given.
    """
    actor.require(Permission.CONDUCT_SESSIONS)
    now = utcnow()
    with uow.read() as s:
        start, end = _local_day_bounds(working_zone(s, actor), day)
        query = select(Booking).where(
            Booking.business_id == actor.business_id,
            Booking.start_at >= start,
            Booking.start_at < end,
            Booking.status.not_in(HIDDEN_FROM_DAY_LIST),
        )
        if actor.role == Role.CSP:
            own = actor_csp_id(s, actor)
            query = query.where(Booking.csp_id == (own or ""))
        elif csp_id:
            query = query.where(Booking.csp_id == csp_id)
        rows = []
        for booking in s.scalars(query.order_by(Booking.start_at)):
            rows.append(_booking_row(s, booking, now))
        return rows


def _booking_row(s: Session, booking: Booking, now: datetime) -> SessionBookingRow:
    csp = get_csp(s, booking.business_id, booking.csp_id)
    names, services, flags = [], [], []
    for bc in booking.clients:
        client = s.get(Client, bc.client_id)
        name = f"{client.first_name} {client.last_name}"
        names.append(name)
        for svc in booked_services(s, bc.id):
            services.append(svc.name)
            if svc.patient_specific:
                status = psf_status(s, booking.business_id, bc.client_id, svc.id, now)
                if refusal_to_perform(status, svc.name, name):
                    label = status.label if status else "Not requested"
                    flags.append(f"PSF approval — {label}: {svc.name} for {name}")
    session = s.scalars(
        select(ClinicalSession).where(ClinicalSession.booking_id == booking.id)
    ).first()
    return SessionBookingRow(
        booking_id=booking.id,
        start_at=booking.start_at,
        end_at=booking.end_at,
        mode=booking.mode,
        status=booking.status,
        address=booking.address or "",
        csp_id=booking.csp_id,
        csp_name=csp_name(csp),
        csp_time_zone=csp.default_time_zone,
        client_names=tuple(names),
        service_names=tuple(services),
        session_id=session.id if session else None,
        session_status=session.status if session else None,
        flags=tuple(flags),
    )


# --- writing -----------------------------------------------------------------

def start_session(uow: UnitOfWork, actor: Actor, booking_id: str) -> SessionView:
    """Start (or resume) the session of a booking: every client checked in, booking in session."""
    now = utcnow()
    with uow.write(actor, "session.start") as s:
        booking = s.get(Booking, booking_id)
        if booking is None or booking.business_id != actor.business_id:
            raise NotFound("That booking no longer exists.")
        csp = get_csp(s, actor.business_id, booking.csp_id)
        require_session_actor(s, actor, csp)
        existing = s.scalars(
            select(ClinicalSession).where(ClinicalSession.booking_id == booking.id)
        ).first()
        if existing is not None:
            return build_session_view(s, existing, now)
        start_day, _ = _local_day_bounds(csp.default_time_zone, None)
        if booking.start_at >= start_day + timedelta(days=1):
            raise DomainError(
                "This booking is on a later day. A session can be started on the day of the booking."
            )
        row = add_session(s, actor, booking, csp, now)
        return build_session_view(s, row, now)


def add_session(
    s: Session, actor: Actor, booking: Booking, csp: CspProfile, now: datetime
) -> ClinicalSession:
    """Inside a write: the booking goes in session (via check-in) and every client is checked in."""
    if BookingStatus(booking.status) is BookingStatus.BOOKED:
        transition_booking(s, actor, booking.id, BookingStatus.CHECKED_IN)
    transition_booking(s, actor, booking.id, BookingStatus.IN_SESSION)
    clients = list(booking.clients)
    if not clients:
        raise DomainError("This booking has no clients to see.")
    row = ClinicalSession(
        business_id=actor.business_id,
        booking_id=booking.id,
        csp_id=csp.id,
        status=SessionStatus.IN_PROGRESS.value,
        started_at=now,
        started_by_id=actor.user_id,
        started_by_name=on_behalf(actor, csp),
    )
    s.add(row)
    s.flush()
    for bc in clients:
        s.add(SessionClient(
            business_id=actor.business_id,
            session_id=row.id,
            booking_client_id=bc.id,
            client_id=bc.client_id,
            position=bc.position,
            state=ClientState.CHECKED_IN.value,
            checked_in_at=now,
            checked_in_by_id=actor.user_id,
        ))
    s.flush()
    return row


def open_session_client(
    s: Session, actor: Actor, session_client_id: str
) -> tuple[ClinicalSession, SessionClient, Client]:
    """The session client to work on, after the actor, session-open and client-open checks."""
    sc = s.get(SessionClient, session_client_id)
    if sc is None or sc.business_id != actor.business_id:
        raise NotFound("That client is not in this session any more.")
    row = load_session(s, actor, sc.session_id)
    require_session_actor(s, actor, get_csp(s, actor.business_id, row.csp_id))
    check_open(row.status)
    client = s.get(Client, sc.client_id)
    check_client_open(sc.state, f"{client.first_name} {client.last_name}")
    return row, sc, client


def _treatment_date(s: Session, business_id: str, now: datetime) -> date:
    tz = zone(s.scalar(select(Business.time_zone).where(Business.id == business_id)))
    return now.astimezone(tz).date()


def record_treatment(
    uow: UnitOfWork, actor: Actor, session_client_id: str, form: TreatmentForm
) -> SessionView:
    """Record the services performed, vials, notes and adverse events; the client is treated."""
    now = utcnow()
    with uow.write(actor, "session.treat") as s:
        row, sc, client = open_session_client(s, actor, session_client_id)
        add_treatment(s, actor, row, sc, client, form, now)
        return build_session_view(s, row, now)


def add_treatment(
    s: Session, actor: Actor, row: ClinicalSession, sc: SessionClient, client: Client,
    form: TreatmentForm, now: datetime,
) -> Treatment:
    """Inside a write: check the gates (MSE, PSF, vials) and record the treatment at ``now``."""
    csp = get_csp(s, actor.business_id, row.csp_id)
    name = f"{client.first_name} {client.last_name}"
    booked = {svc.id: svc for svc in booked_services(s, sc.booking_client_id)}
    performed_ids = list(dict.fromkeys(form.service_ids))
    unknown = [sid for sid in performed_ids if sid not in booked]
    if unknown:
        raise ValidationError(
            f"Only services booked for {name} can be recorded as performed.", field="services"
        )
    performed = [booked[sid] for sid in performed_ids]
    days = business_mse_days(s, actor.business_id)
    latest = latest_mse(s, actor.business_id, sc.client_id)
    state = mse_state(latest, performed, days, now, row.started_at)
    if (latest is not None and latest.examined_at >= row.started_at
            and latest.effective_outcome is MseOutcome.NOT_CLEARED):
        raise DomainError(
            f"{name} was not cleared at today's MSE: no treatment today, not even services "
            "that need no screening. Mark the client as not treated."
        )
    psf_refusals = []
    psf_requests: dict[str, str | None] = {}
    for svc in performed:
        if svc.patient_specific:
            status = psf_status(s, actor.business_id, sc.client_id, svc.id, now)
            refusal = refusal_to_perform(status, svc.name, name)
            if refusal:
                psf_refusals.append(refusal)
            psf_requests[svc.id] = valid_psf_request_id(
                s, actor.business_id, sc.client_id, svc.id, now
            )
    check_can_treat(
        TreatmentCheck(
            client_name=name,
            mse_needed=state not in ("not_needed", "cleared"),
            mse_cleared=state == "cleared",
            mse_pending_referral=state == "referred",
            psf_refusals=psf_refusals,
        ),
        performed_ids,
    )
    day = _treatment_date(s, actor.business_id, now)
    vials = [validate_vial(v, treatment_date=day) for v in form.vials]
    kinds = {service_line(svc).kind for svc in performed}
    if not vials and kinds - {ServiceKind.OTHER}:
        raise ValidationError(
            "Please record the vials used: medication, lot number, expiry and amount.",
            field="vials",
        )
    for v in vials:
        if v.service_id and v.service_id not in performed_ids:
            raise ValidationError("Each vial must belong to a service performed.", field="vials")
    treatment = Treatment(
        business_id=actor.business_id,
        session_client_id=sc.id,
        client_id=sc.client_id,
        mse_id=latest.id if latest and state == "cleared" else None,
        performed_at=now,
        performed_by_id=csp.staff_id,
        performed_by_name=csp_name(csp),
        recorded_by_id=actor.user_id,
        recorded_by_name=on_behalf(actor, csp),
        notes=(form.notes or "").strip(),
        adverse_events=(form.adverse_events or "").strip(),
    )
    s.add(treatment)
    s.flush()
    for svc in performed:
        s.add(TreatmentService(
            business_id=actor.business_id, treatment_id=treatment.id, service_id=svc.id,
            service_name=svc.name, psf_request_id=psf_requests.get(svc.id),
        ))
    for i, v in enumerate(vials):
        s.add(Vial(
            business_id=actor.business_id, treatment_id=treatment.id, client_id=sc.client_id,
            service_id=v.service_id, medication=v.medication, lot_number=v.lot_number,
            expiry_date=v.expiry_date, amount=decimal_text(v.amount),
            unit=str(v.unit), route=str(v.route), site=v.site, position=i,
        ))
    sc.state = ClientState.TREATED.value
    _close_client(sc, actor, csp, now)
    s.flush()
    return treatment


def mark_not_treated(
    uow: UnitOfWork, actor: Actor, session_client_id: str, reason: str
) -> SessionView:
    """The client is not treated today, and why (declined, not cleared, waiting for an HCP…)."""
    reason = validate_not_treated_reason(reason)
    now = utcnow()
    with uow.write(actor, "session.not_treated") as s:
        row, sc, _client = open_session_client(s, actor, session_client_id)
        csp = get_csp(s, actor.business_id, row.csp_id)
        sc.state = ClientState.NOT_TREATED.value
        sc.not_treated_reason = reason
        _close_client(sc, actor, csp, now)
        s.flush()
        return build_session_view(s, row, now)


def _close_client(sc: SessionClient, actor: Actor, csp: CspProfile, now: datetime) -> None:
    sc.closed_at = now
    sc.closed_by_id = actor.user_id
    sc.closed_by_name = on_behalf(actor, csp)


def finish_session(uow: UnitOfWork, actor: Actor, session_id: str) -> SessionView:
    """Finish: every client treated or not treated with a reason; the booking is completed."""
    now = utcnow()
    with uow.write(actor, "session.finish") as s:
        row = load_session(s, actor, session_id)
        csp = get_csp(s, actor.business_id, row.csp_id)
        require_session_actor(s, actor, csp)
        close_session(s, actor, row, csp, now)
        return build_session_view(s, row, now)


def close_session(
    s: Session, actor: Actor, row: ClinicalSession, csp: CspProfile, now: datetime
) -> None:
    """Inside a write: the finishing rule, the booking completed, the session stamped."""
    check_open(row.status)
    progress = []
    for sc in s.scalars(
        select(SessionClient).where(SessionClient.session_id == row.id).order_by(SessionClient.position)
    ):
        client = s.get(Client, sc.client_id)
        progress.append(ClientProgress(
            f"{client.first_name} {client.last_name}", ClientState(sc.state), sc.not_treated_reason
        ))
    check_can_finish(progress)
    transition_booking(s, actor, row.booking_id, BookingStatus.COMPLETED)
    row.status = SessionStatus.FINISHED.value
    row.finished_at = now
    row.finished_by_id = actor.user_id
    row.finished_by_name = on_behalf(actor, csp)
    s.flush()

