"""Demo clinical records: yesterday's visits as they were recorded, and an HCP queue with work.

Yesterday's completed bookings get their sessions (screening, treatment, vials) written through
the same in-transaction steps the Sessions screen uses, at the times they happened; one client
was referred to the HCP and waits for the decision. Patient-specific services booked for the
coming days get approval requests, one of which the HCP has already approved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from hydreight_desktop.domain.booking_status import BookingStatus
from hydreight_desktop.domain.clinical.contraindications import ServiceKind, checklist_for
from hydreight_desktop.domain.clinical.mse import MseForm
from hydreight_desktop.domain.clinical.outcome import MseOutcome
from hydreight_desktop.domain.clinical.session_rules import ClientState, SessionStatus
from hydreight_desktop.domain.clinical.vials import VialEntry
from hydreight_desktop.domain.clinical.vitals import TemperatureUnit, Vitals
from hydreight_desktop.domain.clock import utcnow
from hydreight_desktop.domain.errors import DomainError
from hydreight_desktop.domain.roles import Role
from hydreight_desktop.services import psf as psf_service
from hydreight_desktop.services.clinical_common import (
    checklist_kinds,
    csp_name,
    on_behalf,
    service_line,
)
from hydreight_desktop.services.clinical_types import TreatmentForm
from hydreight_desktop.services.context import Actor
from hydreight_desktop.services.mse import add_mse
from hydreight_desktop.services.sessions import add_treatment, booked_services
from hydreight_desktop.store.models import (
    Booking,
    BookingClient,
    BookingService,
    Client,
    ClinicalSession,
    CspProfile,
    Service,
    SessionClient,
    StaffAccount,
)
from hydreight_desktop.store.uow import UnitOfWork

VIALS = {
    ServiceKind.IV: ("Lactated Ringer's 1000 mL bag", "LR24-0915", "1000", "mL", "IV", "Left antecubital"),
    ServiceKind.INJECTION: ("Methylcobalamin 1 mg/mL", "MB12-4471", "1", "mL", "IM", "Right deltoid"),
    ServiceKind.GLP1: ("Semaglutide 2.5 mg/mL", "SG25-1187", "0.25", "mg", "SC", "Abdomen"),
}


@dataclass(frozen=True, slots=True)
class DemoClinical:
    sessions: int
    referrals_waiting: int
    psf_requests: int
    psf_approved: int


def _actor_for(s: Session, business_id: str, staff_id: str, role: Role) -> Actor:
    staff = s.get(StaffAccount, staff_id)
    return Actor(staff.id, business_id, role, staff.full_name, staff.email)


def _hcp(uow: UnitOfWork, business_id: str) -> Actor | None:
    with uow.read() as s:
        row = s.scalars(
            select(StaffAccount).where(
                StaffAccount.business_id == business_id,
                StaffAccount.role == Role.HCP.value,
                StaffAccount.active.is_(True),
            ).order_by(StaffAccount.created_at)
        ).first()
        return Actor(row.id, business_id, Role.HCP, row.full_name, row.email) if row else None


def _screening(client: Client, kinds: frozenset[ServiceKind], referred: bool, at: datetime) -> MseForm:
    vitals = Vitals(164, 98, 84, 98.7, TemperatureUnit.F, 97, 182) if referred else Vitals(
        118, 76, 68, 98.2, TemperatureUnit.F, 99, 146)
    return MseForm(
        medical_history="Hypertension, diagnosed 2019" if referred else "None",
        current_medications="Lisinopril 10 mg daily (missed this week)" if referred else "None",
        allergies=client.allergies or "No known allergies",
        checklist={item.key: False for item in checklist_for(kinds)},
        vitals=vitals,
        consent_name=f"{client.first_name} {client.last_name}",
        outcome=MseOutcome.REFERRED if referred else MseOutcome.CLEARED,
        outcome_reason="BP high today and medication missed; HCP to decide." if referred else "",
        consent_at=at,
    )


def _vials(services: list[Service], day: date) -> tuple[VialEntry, ...]:
    out = []
    for svc in services:
        spec = VIALS.get(service_line(svc).kind)
        if spec:
            name, lot, amount, unit, route, site = spec
            out.append(VialEntry(name, lot, day + timedelta(days=240), amount, unit, route, site, svc.id))
    return tuple(out)


def _record_visit(s: Session, booking: Booking, referred: bool) -> bool:
    """Write the session of a completed booking at the times it happened."""
    csp = s.get(CspProfile, booking.csp_id)
    actor = _actor_for(s, booking.business_id, csp.staff_id, Role.CSP)
    start = booking.start_at
    row = ClinicalSession(
        business_id=booking.business_id, booking_id=booking.id, csp_id=csp.id,
        status=SessionStatus.IN_PROGRESS.value, started_at=start + timedelta(minutes=2),
        started_by_id=actor.user_id, started_by_name=csp_name(csp),
    )
    s.add(row)
    s.flush()
    for bc in booking.clients:
        sc = SessionClient(
            business_id=booking.business_id, session_id=row.id, booking_client_id=bc.id,
            client_id=bc.client_id, position=bc.position, state=ClientState.CHECKED_IN.value,
            checked_in_at=row.started_at, checked_in_by_id=actor.user_id,
        )
        s.add(sc)
        s.flush()
        client = s.get(Client, bc.client_id)
        services = booked_services(s, bc.id)
        at = start + timedelta(minutes=8)
        if any(svc.needs_mse for svc in services):
            add_mse(s, actor, row, sc, client, _screening(client, checklist_kinds(services), referred, at), at)
        if referred:
            sc.state = ClientState.NOT_TREATED.value
            sc.not_treated_reason = "Waiting for an HCP decision"
            sc.closed_at, sc.closed_by_id, sc.closed_by_name = at, actor.user_id, on_behalf(actor, csp)
            s.flush()  # before the session is stamped finished, which locks its clients
            continue
        performable = [svc for svc in services if not svc.patient_specific]
        form = TreatmentForm(
            tuple(svc.id for svc in performable),
            _vials(performable, at.date()),
            notes="Access on first attempt; tolerated well. Advised to hydrate today.",
        )
        add_treatment(s, actor, row, sc, client, form, start + timedelta(minutes=20))
    row.status = SessionStatus.FINISHED.value
    row.finished_at = start + timedelta(minutes=55)
    row.finished_by_id = actor.user_id
    row.finished_by_name = csp_name(csp)
    s.flush()
    return True


def seed_demo(uow: UnitOfWork, actor: Actor) -> DemoClinical:
    """Add the demo clinic's clinical history and HCP queue (after the demo bookings exist)."""
    now = utcnow()
    sessions = referrals = 0
    with uow.write(actor, "demo.clinical_history") as s:
        done = s.scalars(
            select(Booking).where(
                Booking.business_id == actor.business_id,
                Booking.status == BookingStatus.COMPLETED.value,
                Booking.start_at < now,
                ~Booking.id.in_(select(ClinicalSession.booking_id)),
            ).order_by(Booking.start_at)
        ).all()
        for index, booking in enumerate(done):
            referred = index == len(done) - 1 and len(done) > 1
            try:
                with s.begin_nested():
                    _record_visit(s, booking, referred)
            except DomainError:
                continue  # a visit the rules would refuse (e.g. only PSF services) stays unrecorded
            sessions += 1
            referrals += int(referred)
        wanted = s.execute(
            select(BookingClient.client_id, Service.id, CspProfile.staff_id)
            .join(Booking, Booking.id == BookingClient.booking_id)
            .join(CspProfile, CspProfile.id == Booking.csp_id)
            .join(BookingService, BookingService.booking_client_id == BookingClient.id)
            .join(Service, Service.id == BookingService.service_id)
            .where(
                Booking.business_id == actor.business_id,
                Booking.start_at >= now,
                Service.patient_specific.is_(True),
                Booking.status.in_((BookingStatus.BOOKED.value, BookingStatus.CHECKED_IN.value)),
            )
            .distinct()
        ).all()
        requesters = {staff_id: _actor_for(s, actor.business_id, staff_id, Role.CSP)
                      for _c, _s, staff_id in wanted}
    requested = []
    for client_id, service_id, staff_id in wanted:
        try:  # the booking's CSP asks, as they would before the visit
            requested.append(psf_service.request_approval(
                uow, requesters[staff_id], client_id, service_id, "Booked for the coming week"))
        except DomainError:
            continue  # already requested for an earlier booking of the same client
    approved = 0
    hcp = _hcp(uow, actor.business_id)
    if hcp is not None and requested:
        first = requested[0]
        psf_service.approve(uow, hcp, first.id, "Semaglutide 0.25 mg SC once weekly for 4 weeks",
                            now + timedelta(days=90), "Recheck weight and GI symptoms at check-in")
        approved = 1
    return DemoClinical(sessions, referrals, len(requested), approved)

