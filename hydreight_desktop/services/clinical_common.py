"""Helpers shared by the clinical services: names, the session actor rule, MSE and PSF look-ups.

Kept in one place so the session screen, the HCP queue, the records timeline and the
visit summary all compute "is this client cleared?" and "who did this?" the same way.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from hydreight_desktop.domain.clinical.contraindications import ServiceKind, service_kind
from hydreight_desktop.domain.clinical.mse import Clearance, clearance_covers
from hydreight_desktop.domain.clinical.outcome import MseOutcome
from hydreight_desktop.domain.clinical.psf import PsfApprovalState, PsfStatus, current_status
from hydreight_desktop.domain.clinical.session_rules import check_session_actor
from hydreight_desktop.domain.clinical.vitals import TemperatureUnit, Vitals, WeightUnit
from hydreight_desktop.domain.errors import NotFound, PermissionDenied
from hydreight_desktop.domain.roles import Permission, Role, refusal_message
from hydreight_desktop.services.clinical_types import MseView, ServiceLine
from hydreight_desktop.services.context import Actor
from hydreight_desktop.store.models import (
    Business,
    ClinicalSession,
    CspProfile,
    HcpProfile,
    MseDecision,
    MseRecord,
    PsfDecision,
    PsfRequest,
    Service,
    StaffAccount,
)


def csp_name(csp: CspProfile) -> str:
    """'Ana Ruiz, RN'."""
    return f"{csp.staff.full_name}, {csp.title}" if csp.title else csp.staff.full_name


def get_csp(s: Session, business_id: str, csp_id: str) -> CspProfile:
    csp = s.get(CspProfile, csp_id)
    if csp is None or csp.business_id != business_id:
        raise NotFound("That provider no longer exists.")
    return csp


def actor_csp_id(s: Session, actor: Actor) -> str | None:
    """The CSP profile of the signed-in user, if they are a CSP."""
    return s.scalar(
        select(CspProfile.id).where(
            CspProfile.business_id == actor.business_id, CspProfile.staff_id == actor.user_id
        )
    )


def require_session_actor(s: Session, actor: Actor, csp: CspProfile) -> None:
    """The booking's CSP, or an admin acting on their behalf."""
    actor.require(Permission.CONDUCT_SESSIONS)
    check_session_actor(actor.role, actor_csp_id(s, actor), csp.id, csp_name(csp))


def on_behalf(actor: Actor, csp: CspProfile) -> str:
    """How the record names who pressed the button: 'Olivia Owner (admin, for Ana Ruiz, RN)'."""
    if actor.user_id == csp.staff_id:
        return csp_name(csp)
    return f"{actor.name} (admin, for {csp_name(csp)})"


def require_hcp(s: Session, actor: Actor) -> str:
    """Only a Healthcare Provider decides clinical requests; returns their display name."""
    if actor.role != Role.HCP:
        raise PermissionDenied(refusal_message(Permission.APPROVE_CLINICAL))
    credentials = s.scalar(select(HcpProfile.credentials).where(HcpProfile.staff_id == actor.user_id))
    return f"{actor.name}, {credentials}" if credentials else actor.name


def staff_name(s: Session, staff_id: str) -> str:
    return s.scalar(select(StaffAccount.full_name).where(StaffAccount.id == staff_id)) or ""


def load_session(s: Session, actor: Actor, session_id: str) -> ClinicalSession:
    row = s.get(ClinicalSession, session_id)
    if row is None or row.business_id != actor.business_id:
        raise NotFound("That session no longer exists.")
    return row


def business_mse_days(s: Session, business_id: str) -> int:
    return s.scalar(select(Business.mse_validity_days).where(Business.id == business_id)) or 365


def service_line(service: Service, psf_status: PsfStatus | None = None) -> ServiceLine:
    return ServiceLine(
        service_id=service.id,
        name=service.name,
        kind=service_kind(service.category, service.name),
        needs_mse=service.needs_mse,
        patient_specific=service.patient_specific,
        psf_status=psf_status if service.patient_specific else None,
    )


# --- MSE -------------------------------------------------------------------

def mse_view(row: MseRecord, decision: MseDecision | None) -> MseView:
    return MseView(
        id=row.id,
        client_id=row.client_id,
        session_id=None,
        examined_at=row.examined_at,
        examiner_name=row.examiner_name,
        recorded_by_name=row.recorded_by_name,
        medical_history=row.medical_history,
        current_medications=row.current_medications,
        allergies=row.allergies,
        checklist=json.loads(row.checklist_json),
        vitals=Vitals(
            systolic=row.systolic,
            diastolic=row.diastolic,
            heart_rate=row.heart_rate,
            temperature=row.temperature,
            temperature_unit=TemperatureUnit(row.temperature_unit),
            spo2=row.spo2,
            weight=row.weight,
            weight_unit=WeightUnit(row.weight_unit),
        ),
        consent_name=row.consent_name,
        consent_at=row.consent_at,
        outcome=MseOutcome(row.outcome),
        outcome_reason=row.outcome_reason,
        findings=tuple(line for line in row.findings_text.splitlines() if line),
        valid_until=row.valid_until,
        notes=row.notes,
        hcp_decision=MseOutcome(decision.decision) if decision else None,
        hcp_name=decision.hcp_name if decision else "",
        hcp_reason=decision.reason if decision else "",
        decided_at=decision.decided_at if decision else None,
    )


def mse_views(s: Session, rows: Iterable[MseRecord]) -> list[MseView]:
    rows = list(rows)
    decisions = {
        d.mse_id: d
        for d in s.scalars(select(MseDecision).where(MseDecision.mse_id.in_([r.id for r in rows])))
    } if rows else {}
    return [mse_view(r, decisions.get(r.id)) for r in rows]


def latest_mse(s: Session, business_id: str, client_id: str) -> MseView | None:
    """The client's most recent screening: a newer result outweighs an older clearance."""
    row = s.scalars(
        select(MseRecord)
        .where(MseRecord.business_id == business_id, MseRecord.client_id == client_id)
        .order_by(MseRecord.examined_at.desc(), MseRecord.created_at.desc())
        .limit(1)
    ).first()
    return mse_views(s, [row])[0] if row else None


def mse_covers(mse: MseView | None, service: Service, business_days: int, at: datetime) -> bool:
    if mse is None:
        return False
    clearance = Clearance(mse.examined_at, mse.outcome, mse.hcp_decision)
    return clearance_covers(
        clearance, business_days=business_days, service_days=service.mse_validity_days, at=at
    )


def mse_state(
    mse: MseView | None, services: Iterable[Service], business_days: int, at: datetime,
    session_started_at: datetime | None = None,
) -> str:
    """not_needed | cleared | referred | not_cleared | needed, for the services booked."""
    gated = [svc for svc in services if svc.needs_mse]
    if not gated:
        return "not_needed"
    if all(mse_covers(mse, svc, business_days, at) for svc in gated):
        return "cleared"
    if mse is None:
        return "needed"
    recent = session_started_at is None or mse.examined_at >= session_started_at
    if mse.effective_outcome is MseOutcome.REFERRED and recent:
        return "referred"
    if mse.effective_outcome is MseOutcome.NOT_CLEARED and recent:
        return "not_cleared"
    return "needed"


def checklist_kinds(services: Iterable[Service]) -> frozenset[ServiceKind]:
    return frozenset(service_kind(svc.category, svc.name) for svc in services)


# --- PSF -------------------------------------------------------------------

def psf_states(s: Session, business_id: str, client_id: str) -> list[PsfApprovalState]:
    rows = s.execute(
        select(PsfRequest, PsfDecision)
        .outerjoin(PsfDecision, PsfDecision.request_id == PsfRequest.id)
        .where(PsfRequest.business_id == business_id, PsfRequest.client_id == client_id)
    ).all()
    return [
        PsfApprovalState(
            client_id=req.client_id,
            service_id=req.service_id,
            requested_at=req.requested_at,
            decision=PsfStatus(dec.decision) if dec else None,
            valid_until=dec.valid_until if dec else None,
            decided_at=dec.decided_at if dec else None,
            hcp_id=dec.hcp_id if dec else None,
        )
        for req, dec in rows
    ]


def psf_status(
    s: Session, business_id: str, client_id: str, service_id: str, at: datetime
) -> PsfStatus | None:
    """Approved, pending, refused, expired, or ``None`` when never requested."""
    return current_status(psf_states(s, business_id, client_id), client_id, service_id, at)


def valid_psf_request_id(
    s: Session, business_id: str, client_id: str, service_id: str, at: datetime
) -> str | None:
    """The request whose approval covers this client and service at ``at``."""
    rows = s.execute(
        select(PsfRequest, PsfDecision)
        .join(PsfDecision, PsfDecision.request_id == PsfRequest.id)
        .where(
            PsfRequest.business_id == business_id,
            PsfRequest.client_id == client_id,
            PsfRequest.service_id == service_id,
            PsfDecision.decision == PsfStatus.APPROVED.value,
        )
        .order_by(PsfDecision.valid_until.desc())
    ).all()
    for req, dec in rows:
        state = PsfApprovalState(
            req.client_id, req.service_id, req.requested_at, PsfStatus.APPROVED,
            dec.valid_until, dec.decided_at, dec.hcp_id,
        )
        if state.covers(client_id, service_id, at):
            return req.id
    return None
