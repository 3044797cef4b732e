"""A client's clinical timeline, read in a fixed number of queries however long the history.

One query per kind of record (sessions with their bookings, provider names, screenings and
decisions, treatments, their services, vials, approvals, amendments), then assembled in
memory newest first. A regular client with years of weekly visits opens as fast as a new one.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from hydreight_desktop.domain.clinical.psf import PsfStatus
from hydreight_desktop.domain.clinical.session_rules import AmendableKind, ClientState
from hydreight_desktop.domain.clinical.vials import Route
from hydreight_desktop.domain.clock import utcnow
from hydreight_desktop.domain.errors import NotFound
from hydreight_desktop.domain.roles import Permission
from hydreight_desktop.services.clinical_common import mse_views
from hydreight_desktop.services.clinical_types import (
    AmendmentView,
    ClientTimeline,
    MseView,
    TimelineEntry,
)
from hydreight_desktop.services.context import Actor
from hydreight_desktop.store.models import (
    Booking,
    Client,
    ClinicalAmendment,
    ClinicalSession,
    CspProfile,
    MseRecord,
    PsfDecision,
    PsfRequest,
    Service,
    SessionClient,
    StaffAccount,
    Treatment,
    TreatmentService,
    Vial,
)
from hydreight_desktop.store.uow import UnitOfWork

MODE_LABELS = {"callout": "Callout (at the client's address)", "facility": "At the clinic"}


def amendment_view(a: ClinicalAmendment) -> AmendmentView:
    return AmendmentView(a.id, a.target_kind, a.target_id, a.correction, a.reason, a.amended_at,
                         a.amended_by_name)


def _mse_detail(m: MseView) -> str:
    lines = [m.vitals.summary(), *m.findings]
    if m.outcome_reason:
        lines.append(f"Reason: {m.outcome_reason}")
    lines.append(f"Consent: “{m.consent_name}”")
    return "\n".join(lines)


def _who(done_by: str, entered_by: str) -> str:
    return done_by if entered_by == done_by else f"{done_by} (entered by {entered_by})"


class _Builder:
    """Collects the entries of one client's timeline from batched reads."""

    def __init__(self, s: Session, business_id: str, client_id: str) -> None:
        self.s, self.biz, self.client_id = s, business_id, client_id
        self.entries: list[TimelineEntry] = []
        self.amendments = s.scalars(
            select(ClinicalAmendment)
            .where(ClinicalAmendment.business_id == business_id,
                   ClinicalAmendment.client_id == client_id)
            .order_by(ClinicalAmendment.amended_at)
        ).all()
        self.by_target: dict[tuple[str, str], list[AmendmentView]] = defaultdict(list)
        for a in self.amendments:
            self.by_target[(a.target_kind, a.target_id)].append(amendment_view(a))
        self.session_of_sc: dict[str, str] = {}

    def amended(self, kind: AmendableKind, target_id: str) -> tuple[AmendmentView, ...]:
        return tuple(self.by_target.get((kind.value, target_id), ()))

    def add(self, *args, **kwargs) -> None:
        self.entries.append(TimelineEntry(*args, **kwargs))

    def sessions(self) -> None:
        rows = self.s.execute(
            select(
                SessionClient.id, SessionClient.state, SessionClient.closed_at,
                SessionClient.closed_by_name, SessionClient.not_treated_reason,
                ClinicalSession.id, ClinicalSession.csp_id, ClinicalSession.started_at,
                ClinicalSession.started_by_name, ClinicalSession.finished_at,
                ClinicalSession.finished_by_name, Booking.mode, Booking.address,
            )
            .join(ClinicalSession, ClinicalSession.id == SessionClient.session_id)
            .join(Booking, Booking.id == ClinicalSession.booking_id)
            .where(SessionClient.business_id == self.biz, SessionClient.client_id == self.client_id)
        ).all()
        csp_ids = {r[6] for r in rows}
        names = {
            csp_id: f"{full_name}, {title}" if title else full_name
            for csp_id, title, full_name in self.s.execute(
                select(CspProfile.id, CspProfile.title, StaffAccount.full_name)
                .join(StaffAccount, StaffAccount.id == CspProfile.staff_id)
                .where(CspProfile.id.in_(csp_ids))
            )
        } if csp_ids else {}
        kind = AmendableKind.SESSION
        for (sc_id, state, closed_at, closed_by, reason, session_id, csp_id, started_at, started_by,
             finished_at, finished_by, mode, address) in rows:
            self.session_of_sc[sc_id] = session_id
            detail = MODE_LABELS.get(mode, mode) + (f" · {address}" if address else "")
            self.add(started_at, "session", f"Session with {names.get(csp_id, '')}", detail,
                     started_by, kind.value, session_id, session_id, self.amended(kind, session_id))
            if state == ClientState.NOT_TREATED.value and closed_at:
                self.add(closed_at, "session", "Not treated", reason, closed_by or "", kind.value,
                         session_id, session_id)
            if finished_at:
                self.add(finished_at, "session", "Session finished", "", finished_by or "",
                         kind.value, session_id, session_id)

    def screenings(self) -> None:
        rows = self.s.scalars(
            select(MseRecord).where(MseRecord.business_id == self.biz,
                                    MseRecord.client_id == self.client_id)
        ).all()
        kind = AmendableKind.MSE
        for row, m in zip(rows, mse_views(self.s, rows), strict=True):
            session_id = self.session_of_sc.get(row.session_client_id)
            self.add(m.examined_at, "mse", f"MSE: {m.outcome.label}", _mse_detail(m),
                     _who(m.examiner_name, m.recorded_by_name), kind.value, m.id, session_id,
                     self.amended(kind, m.id))
            if m.hcp_decision is not None and m.decided_at is not None:
                self.add(m.decided_at, "mse_decision",
                         f"HCP decision on referral: {m.hcp_decision.label}", m.hcp_reason,
                         m.hcp_name, kind.value, m.id, session_id)

    def treatments(self) -> None:
        service_names: dict[str, list[str]] = defaultdict(list)
        for treatment_id, name in self.s.execute(
            select(TreatmentService.treatment_id, TreatmentService.service_name)
            .join(Treatment, Treatment.id == TreatmentService.treatment_id)
            .where(Treatment.client_id == self.client_id)
            .order_by(TreatmentService.created_at)
        ):
            service_names[treatment_id].append(name)
        vials: dict[str, list] = defaultdict(list)
        for v in self.s.execute(
            select(Vial.id, Vial.treatment_id, Vial.medication, Vial.amount, Vial.unit,
                   Vial.lot_number, Vial.expiry_date, Vial.route, Vial.site)
            .where(Vial.business_id == self.biz, Vial.client_id == self.client_id)
            .order_by(Vial.position)
        ):
            vials[v.treatment_id].append(v)
        for t in self.s.execute(
            select(Treatment.id, Treatment.session_client_id, Treatment.performed_at,
                   Treatment.performed_by_name, Treatment.recorded_by_name, Treatment.notes,
                   Treatment.adverse_events)
            .where(Treatment.business_id == self.biz, Treatment.client_id == self.client_id)
        ):
            session_id = self.session_of_sc.get(t.session_client_id)
            detail = "\n".join((
                f"Notes: {t.notes}" if t.notes else "No notes",
                f"Adverse events: {t.adverse_events}" if t.adverse_events else "No adverse events",
            ))
            self.add(t.performed_at, "treatment", f"Treatment: {', '.join(service_names[t.id])}",
                     detail, _who(t.performed_by_name, t.recorded_by_name),
                     AmendableKind.TREATMENT.value, t.id, session_id,
                     self.amended(AmendableKind.TREATMENT, t.id))
            for v in vials[t.id]:
                self.add(t.performed_at, "vial", f"Vial: {v.medication} {v.amount} {v.unit}",
                         f"Lot {v.lot_number} · expires {v.expiry_date.isoformat()} · "
                         f"{Route(v.route).label}" + (f" · {v.site}" if v.site else ""),
                         t.performed_by_name, AmendableKind.VIAL.value, v.id, session_id,
                         self.amended(AmendableKind.VIAL, v.id))

    def approvals(self) -> None:
        now = utcnow()
        kind = AmendableKind.PSF_APPROVAL
        for req, dec, service_name in self.s.execute(
            select(PsfRequest, PsfDecision, Service.name)
            .join(Service, Service.id == PsfRequest.service_id)
            .outerjoin(PsfDecision, PsfDecision.request_id == PsfRequest.id)
            .where(PsfRequest.business_id == self.biz, PsfRequest.client_id == self.client_id)
        ).all():
            self.add(req.requested_at, "psf_request", f"PSF approval requested: {service_name}",
                     req.note, req.requested_by_name, kind.value, req.id, None,
                     self.amended(kind, req.id))
            if dec is None:
                continue
            if dec.decision == PsfStatus.APPROVED.value:
                expired = dec.valid_until is not None and dec.valid_until <= now
                title = f"PSF {'approval expired' if expired else 'approved'}: {service_name}"
                detail = f"Protocol/dose: {dec.protocol}\nValid until {dec.valid_until:%Y-%m-%d}"
                if dec.reason:
                    detail += f"\n{dec.reason}"
            else:
                title, detail = f"PSF refused: {service_name}", f"Reason: {dec.reason}"
            self.add(dec.decided_at, "psf_decision", title, detail, dec.hcp_name, kind.value,
                     req.id, None)

    def amendment_lines(self) -> None:
        for a in self.amendments:
            self.add(a.amended_at, "amendment", f"Amendment to {AmendableKind(a.target_kind).label}",
                     f"{a.correction}\nReason: {a.reason}", a.amended_by_name, None, a.target_id,
                     a.session_id)


def client_timeline(uow: UnitOfWork, actor: Actor, client_id: str) -> ClientTimeline:
    """Sessions, MSEs, treatments, vials, approvals and amendments, newest first."""
    actor.require(Permission.VIEW_CLINICAL_RECORDS)
    with uow.read() as s:
        client = s.get(Client, client_id)
        if client is None or client.business_id != actor.business_id:
            raise NotFound("That client no longer exists.")
        builder = _Builder(s, actor.business_id, client_id)
        builder.sessions()
        builder.screenings()
        builder.treatments()
        builder.approvals()
        builder.amendment_lines()
        entries = sorted(builder.entries, key=lambda e: e.at, reverse=True)
        return ClientTimeline(
            client.id, f"{client.first_name} {client.last_name}", client.date_of_birth,
            client.email, tuple(entries),
        )
