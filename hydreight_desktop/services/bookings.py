"""Making and changing bookings. Every change re-checks availability inside its own write
transaction (which holds SQLite's write lock), so two front desks can never both take one slot.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from hydreight_desktop.domain.availability import (
    BookingRules,
    CspCalendar,
    Mode,
    check_start,
    describe_moment,
    describe_time,
    next_free_slots,
    parse_mode,
)
from hydreight_desktop.domain.booking_length import booking_minutes
from hydreight_desktop.domain.booking_status import BookingStatus, check_transition, parse_status
from hydreight_desktop.domain.clock import utcnow
from hydreight_desktop.domain.errors import ConflictError, NotFound, ValidationError
from hydreight_desktop.domain.roles import Permission
from hydreight_desktop.services.context import Actor
from hydreight_desktop.services.scheduling_records import (
    BookingClientForm,
    BookingForm,
    BookingRecord,
    SlotRecord,
    SlotTakenError,
)
from hydreight_desktop.services.scheduling_store import (
    MAX_BOOKING_MINUTES,
    booking_record,
    check_clients_free,
    get_booking_row,
    load_calendar,
    load_rules,
)
from hydreight_desktop.store.models import (
    Booking,
    BookingClient,
    BookingService,
    Client,
    CspProfile,
    Service,
)
from hydreight_desktop.store.uow import UnitOfWork

MAX_NOTES = 2000
MAX_REASON = 500


# ----------------------------------------------------------------------------- checks


def _aware(start: datetime) -> datetime:
    if not isinstance(start, datetime) or start.tzinfo is None or start.utcoffset() is None:
        raise ValidationError("Pick a date and a time for the booking.", field="start")
    return start


def _clean_address(mode: Mode, address: str | None) -> str | None:
    text = (address or "").strip()
    if mode is Mode.CALLOUT and not text:
        raise ValidationError(
            "A callout needs the address the CSP travels to. Please enter it.", field="address"
        )
    if len(text) > 500:
        raise ValidationError("The address is too long (500 characters at most).", field="address")
    return text if mode is Mode.CALLOUT else None


def _clean_notes(notes: str | None) -> str:
    text = (notes or "").strip()
    if len(text) > MAX_NOTES:
        raise ValidationError(f"Notes can be {MAX_NOTES} characters at most.", field="notes")
    return text


def check_client_forms(clients: Sequence[BookingClientForm]) -> None:
    if not clients:
        raise ValidationError("Add at least one client to the booking.", field="clients")
    seen: set[str] = set()
    for position, c in enumerate(clients, start=1):
        if c.client_id in seen:
            raise ValidationError(
                "The same client is in the booking twice. Remove the extra line.", field="clients"
            )
        seen.add(c.client_id)
        if not c.service_ids:
            raise ValidationError(
                f"Client {position} has no service. Pick at least one service for each client.",
                field="services",
            )


def load_clients(s: Session, business_id: str, ids: Sequence[str]) -> dict[str, Client]:
    rows = {
        c.id: c
        for c in s.scalars(
            select(Client).where(Client.business_id == business_id, Client.id.in_(list(ids)))
        )
    }
    if len(rows) < len(set(ids)):
        raise NotFound(
            "One of the clients is no longer in this business (it may have been removed).",
        )
    return rows


def load_services(s: Session, business_id: str, ids: Sequence[str]) -> dict[str, Service]:
    rows = {
        x.id: x
        for x in s.scalars(
            select(Service).where(Service.business_id == business_id, Service.id.in_(list(ids)))
        )
    }
    if len(rows) < len(set(ids)):
        raise NotFound("One of the services is no longer in the catalogue.", field="services")
    inactive = sorted(x.name for x in rows.values() if not x.active)
    if inactive:
        raise ValidationError(
            f"{', '.join(inactive)} {'is' if len(inactive) == 1 else 'are'} no longer offered "
            "(inactive). Pick another service.",
            field="services",
        )
    return rows


def booking_length(settings: Row, minutes_per_client: Sequence[Sequence[int]]) -> int:
    """A booking's minutes under the business's settings row (from ``load_rules``)."""
    minutes = booking_minutes(
        minutes_per_client, settings.multi_client_timing, settings.extra_client_setup_minutes
    )
    if minutes > MAX_BOOKING_MINUTES:
        raise ValidationError(
            f"This booking would last {minutes // 60} h {minutes % 60:02d} min; one booking can "
            f"last at most {MAX_BOOKING_MINUTES // 60} hours. Split it into two bookings.",
            field="services",
        )
    return minutes


def _check_csp_slot(
    cal: CspCalendar,
    mode: Mode,
    start: datetime,
    minutes: int,
    rules: BookingRules,
    *,
    ignore_booking_id: str | None = None,
    enforce_notice: bool = True,
) -> None:
    """The domain check; a clash becomes ``SlotTakenError`` naming the next free slots."""
    now = utcnow()
    try:
        check_start(
            cal,
            mode,
            start,
            minutes,
            now,
            rules,
            ignore_booking_id=ignore_booking_id,
            enforce_notice=enforce_notice,
        )
    except ConflictError as clash:
        free = next_free_slots(
            cal, mode, minutes, start, now, rules, count=3, ignore_booking_id=ignore_booking_id
        )
        records = tuple(SlotRecord(cal.csp_id, cal.name, mode, x.start, x.end) for x in free)
        if records:
            day = describe_moment(records[0].start_at, rules.clinic_time_zone)
            more = ", ".join(describe_time(r.start_at, rules.clinic_time_zone) for r in records[1:])
            hint = f" Next free times with {cal.name}: {day}" + (f", {more}." if more else ".")
        else:
            hint = f" {cal.name} has no free time in the two weeks after that."
        raise SlotTakenError(str(clash) + hint, records) from None


def _calendar_around(
    s: Session, actor: Actor, csp_id: str, start: datetime, minutes: int, rules: BookingRules
) -> CspCalendar:
    end = start + timedelta(minutes=minutes)
    return load_calendar(
        s, actor.business_id, csp_id, start - timedelta(days=1), end + timedelta(days=15), rules
    )


def _open_booking(s: Session, actor: Actor, booking_id: str, doing: str) -> Booking:
    row = get_booking_row(s, actor.business_id, booking_id)
    status = BookingStatus(row.status)
    if not status.is_open:
        raise ValidationError(
            f"This booking is {status.label.lower()}, so it can no longer be {doing}."
        )
    return row


def _service_minutes(row: Booking) -> list[list[int]]:
    return [[bs.duration_minutes for bs in bc.services] for bc in row.clients]


# ----------------------------------------------------------------------------- create


def create_booking(uow: UnitOfWork, actor: Actor, form: BookingForm) -> BookingRecord:
    """Book one or more clients, each with their services, with a CSP at a start time.

    Clients are picked from existing clients (a client created in place is saved first by the
    client service). Patient-specific services are booked and flagged for approval.
    """
    actor.require(Permission.MANAGE_BOOKINGS)
    mode = parse_mode(form.mode)
    start = _aware(form.start_at)
    address = _clean_address(mode, form.address)
    check_client_forms(form.clients)
    notes = _clean_notes(form.notes)
    link_code = (form.link_code or "").strip() or None
    if link_code is not None and len(link_code) > 64:
        raise ValidationError("The booking link code is too long.", field="link_code")
    with uow.write(actor, "booking.create") as s:
        rules, business = load_rules(s, actor.business_id)
        clients = load_clients(s, actor.business_id, [c.client_id for c in form.clients])
        services = load_services(
            s, actor.business_id, [sid for c in form.clients for sid in c.service_ids]
        )
        minutes = booking_length(
            business,
            [[services[sid].duration_minutes for sid in c.service_ids] for c in form.clients],
        )
        profile = s.get(CspProfile, form.csp_id)
        if profile is None or profile.business_id != actor.business_id:
            raise NotFound("That provider is not in this business (it may have been removed).")
        cal = _calendar_around(s, actor, form.csp_id, start, minutes, rules)
        _check_csp_slot(cal, mode, start, minutes, rules)
        end = start + timedelta(minutes=minutes)
        check_clients_free(s, actor.business_id, clients, start, end, rules.clinic_time_zone)
        row = Booking(
            business_id=actor.business_id,
            csp_id=form.csp_id,
            mode=mode.value,
            start_at=start,
            end_at=end,
            status=BookingStatus.BOOKED.value,
            address=address,
            notes=notes,
            link_code=link_code,
            booked_by_id=actor.user_id,
        )
        for position, c in enumerate(form.clients, start=1):
            row.clients.append(_booking_client(actor, c, position, services))
        s.add(row)
        s.flush()
        return booking_record(s, row)


def _booking_client(
    actor: Actor, form: BookingClientForm, position: int, services: dict[str, Service]
) -> BookingClient:
    bc = BookingClient(business_id=actor.business_id, client_id=form.client_id, position=position)
    for sid in form.service_ids:
        svc = services[sid]
        bc.services.append(
            BookingService(
                business_id=actor.business_id,
                service_id=sid,
                price_cents=svc.price_cents,
                duration_minutes=svc.duration_minutes,
            )
        )
    return bc


# ----------------------------------------------------------------------------- changes


def reschedule_booking(
    uow: UnitOfWork, actor: Actor, booking_id: str, new_start: datetime
) -> BookingRecord:
    """Move a booking to another start with the same CSP (same checks as a new booking)."""
    actor.require(Permission.MANAGE_BOOKINGS)
    start = _aware(new_start)
    with uow.write(actor, "booking.reschedule") as s:
        row = _open_booking(s, actor, booking_id, "moved")
        _move(s, actor, row, row.csp_id, start)
        return booking_record(s, row)


def change_booking_csp(
    uow: UnitOfWork,
    actor: Actor,
    booking_id: str,
    csp_id: str,
    new_start: datetime | None = None,
) -> BookingRecord:
    """Give a booking to another CSP (at the same start unless ``new_start`` is given)."""
    actor.require(Permission.MANAGE_BOOKINGS)
    with uow.write(actor, "booking.change_csp") as s:
        row = _open_booking(s, actor, booking_id, "given to another provider")
        if csp_id == row.csp_id and new_start is None:
            raise ValidationError("The booking is already with this provider.", field="csp")
        start = _aware(new_start) if new_start is not None else row.start_at
        _move(s, actor, row, csp_id, start)
        return booking_record(s, row)


def _move(s: Session, actor: Actor, row: Booking, csp_id: str, start: datetime) -> None:
    """Put the booking (same length) with ``csp_id`` at ``start`` after the checks a new
    booking gets: the CSP's slot, then every client's other bookings."""
    rules, _ = load_rules(s, actor.business_id)
    minutes = int((row.end_at - row.start_at).total_seconds() // 60)
    cal = _calendar_around(s, actor, csp_id, start, minutes, rules)
    _check_csp_slot(cal, Mode(row.mode), start, minutes, rules, ignore_booking_id=row.id)
    end = start + timedelta(minutes=minutes)
    check_clients_free(
        s,
        actor.business_id,
        [c.client_id for c in row.clients],
        start,
        end,
        rules.clinic_time_zone,
        ignore_booking_id=row.id,
    )
    row.csp_id, row.start_at, row.end_at = csp_id, start, end
    s.flush()


def add_booking_client(
    uow: UnitOfWork, actor: Actor, booking_id: str, client: BookingClientForm
) -> BookingRecord:
    """Add a client (with services) to a booking; it grows, so the new length is re-checked."""
    actor.require(Permission.MANAGE_BOOKINGS)
    check_client_forms([client])
    with uow.write(actor, "booking.add_client") as s:
        rules, business = load_rules(s, actor.business_id)
        row = _open_booking(s, actor, booking_id, "changed")
        if any(c.client_id == client.client_id for c in row.clients):
            raise ValidationError("This client is already in the booking.", field="clients")
        load_clients(s, actor.business_id, [client.client_id])
        services = load_services(s, actor.business_id, list(client.service_ids))
        minutes = booking_length(
            business,
            [
                *_service_minutes(row),
                [services[sid].duration_minutes for sid in client.service_ids],
            ],
        )
        cal = _calendar_around(s, actor, row.csp_id, row.start_at, minutes, rules)
        _check_csp_slot(
            cal,
            Mode(row.mode),
            row.start_at,
            minutes,
            rules,
            ignore_booking_id=row.id,
            enforce_notice=False,
        )
        end = row.start_at + timedelta(minutes=minutes)
        # The booking now ends later: none of its clients may be elsewhere until then.
        check_clients_free(
            s,
            actor.business_id,
            [client.client_id, *(c.client_id for c in row.clients)],
            row.start_at,
            end,
            rules.clinic_time_zone,
            ignore_booking_id=row.id,
        )
        position = max((c.position for c in row.clients), default=0) + 1
        row.clients.append(_booking_client(actor, client, position, services))
        row.end_at = end
        s.flush()
        return booking_record(s, row)


def remove_booking_client(
    uow: UnitOfWork, actor: Actor, booking_id: str, booking_client_id: str
) -> BookingRecord:
    """Take one client out of a booking (it gets shorter). The last client cannot be removed."""
    actor.require(Permission.MANAGE_BOOKINGS)
    with uow.write(actor, "booking.remove_client") as s:
        _, business = load_rules(s, actor.business_id)
        row = _open_booking(s, actor, booking_id, "changed")
        target = next((c for c in row.clients if c.id == booking_client_id), None)
        if target is None:
            raise NotFound("That client is no longer in this booking.")
        if len(row.clients) == 1:
            raise ValidationError(
                "A booking needs at least one client. Cancel the booking instead.",
                field="clients",
            )
        row.clients.remove(target)
        for position, bc in enumerate(row.clients, start=1):
            bc.position = position
        row.end_at = row.start_at + timedelta(
            minutes=booking_length(business, _service_minutes(row))
        )
        s.flush()
        return booking_record(s, row)


def update_booking_details(
    uow: UnitOfWork, actor: Actor, booking_id: str, *, notes: str, address: str | None = None
) -> BookingRecord:
    """Change a booking's notes and, for a callout, the address the CSP travels to."""
    actor.require(Permission.MANAGE_BOOKINGS)
    clean_notes = _clean_notes(notes)
    with uow.write(actor, "booking.update_details") as s:
        row = _open_booking(s, actor, booking_id, "changed")
        row.address = _clean_address(Mode(row.mode), address)
        row.notes = clean_notes
        s.flush()
        return booking_record(s, row)


# ----------------------------------------------------------------------------- status


def transition_booking(
    s: Session, actor: Actor, booking_id: str, new_status: BookingStatus | str
) -> Booking:
    """Move a booking to ``new_status`` inside the caller's write transaction (sessions use this
    for in_session / completed); the workflow rule refuses impossible moves."""
    row = get_booking_row(s, actor.business_id, booking_id)
    row.status = check_transition(row.status, new_status).value
    return row


def cancel_booking(uow: UnitOfWork, actor: Actor, booking_id: str, reason: str) -> BookingRecord:
    """Cancel with a reason (kept on the booking); the time becomes free again."""
    actor.require(Permission.MANAGE_BOOKINGS)
    text = (reason or "").strip()
    if not text:
        raise ValidationError("Please say why the booking is cancelled.", field="reason")
    if len(text) > MAX_REASON:
        raise ValidationError(f"The reason can be {MAX_REASON} characters at most.", field="reason")
    with uow.write(actor, "booking.cancel") as s:
        row = transition_booking(s, actor, booking_id, BookingStatus.CANCELLED)
        row.cancel_reason = text
        s.flush()
        return booking_record(s, row)


def mark_no_show(uow: UnitOfWork, actor: Actor, booking_id: str) -> BookingRecord:
    """The client did not come (or was not home): only once the start time has passed."""
    actor.require(Permission.MANAGE_BOOKINGS)
    with uow.write(actor, "booking.no_show") as s:
        row = get_booking_row(s, actor.business_id, booking_id)
        if row.start_at > utcnow() and BookingStatus(row.status).is_open:
            raise ValidationError(
                "A booking can be marked as a no-show only once its start time has passed."
            )
        transition_booking(s, actor, booking_id, BookingStatus.NO_SHOW)
        s.flush()
        return booking_record(s, row)


def check_in_booking(uow: UnitOfWork, actor: Actor, booking_id: str) -> BookingRecord:
    """The client has arrived (facility) or the CSP is at the door (callout).

    The front desk can check anyone in; a CSP can check in their own bookings.
    """
    with uow.write(actor, "booking.check_in") as s:
        row = get_booking_row(s, actor.business_id, booking_id)
        if not actor.can(Permission.MANAGE_BOOKINGS):
            actor.require(Permission.CONDUCT_SESSIONS)
            profile = s.get(CspProfile, row.csp_id)
            if profile is None or profile.staff_id != actor.user_id:
                raise ValidationError("You can only check in your own bookings.")
        transition_booking(s, actor, booking_id, BookingStatus.CHECKED_IN)
        s.flush()
        return booking_record(s, row)


def set_booking_status(
    uow: UnitOfWork, actor: Actor, booking_id: str, status: str, reason: str | None = None
) -> BookingRecord:
    """One entry point for the status menu: routes to the action that owns each status."""
    target = parse_status(status)
    if target is BookingStatus.CANCELLED:
        return cancel_booking(uow, actor, booking_id, reason or "")
    if target is BookingStatus.NO_SHOW:
        return mark_no_show(uow, actor, booking_id)
    if target is BookingStatus.CHECKED_IN:
        return check_in_booking(uow, actor, booking_id)
    raise ValidationError("Sessions are started and finished from the Sessions screen.")
