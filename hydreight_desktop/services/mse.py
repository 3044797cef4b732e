"""Medical screening exams: recorded at the client's side, referrals decided by an HCP.

An MSE is recorded once and never edited (corrections are amendments). A referral is
decided by an HCP in a separate record; until then the client cannot be treated for a
service that needs an MSE.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from hydreight_desktop.domain.clinical.mse import MseForm, valid_until, validate_mse, validity_days
from hydreight_desktop.domain.clinical.mse import validate_referral_decision as _validate_decision
from hydreight_desktop.domain.clinical.outcome import MseOutcome
from hydreight_desktop.domain.clock import utcnow
from hydreight_desktop.domain.errors import ConflictError, NotFound
from hydreight_desktop.domain.roles import Permission
from hydreight_desktop.services.clinical_common import (
    business_mse_days,
    checklist_kinds,
    csp_name,
    get_csp,
    mse_view,
    mse_views,
    on_behalf,
    require_hcp,
)
from hydreight_desktop.services.clinical_types import MseView, ReferralView, SessionView
from hydreight_desktop.services.context import Actor
from hydreight_desktop.services.sessions import (
    booked_services,
    build_session_view,
    open_session_client,
)
from hydreight_desktop.store.models import (
    Client,
    ClinicalSession,
    MseDecision,
    MseRecord,
    SessionClient,
)
from hydreight_desktop.store.uow import UnitOfWork


def record_mse(uow: UnitOfWork, actor: Actor, session_client_id: str, form: MseForm) -> SessionView:
    """Record a complete screening for a checked-in client; returns the refreshed session."""
    now = utcnow()
    with uow.write(actor, "mse.record") as s:
        row, sc, client = open_session_client(s, actor, session_client_id)
        add_mse(s, actor, row, sc, client, form, now)
        return build_session_view(s, row, now)


def add_mse(
    s: Session, actor: Actor, row: ClinicalSession, sc: SessionClient, client: Client,
    form: MseForm, now: datetime,
) -> MseRecord:
    """Inside a write: validate the screening against the client's services and record it."""
    csp = get_csp(s, actor.business_id, row.csp_id)
    services = booked_services(s, sc.booking_client_id)
    kinds = checklist_kinds(services)
    clean, assessment = validate_mse(
        form,
        client_first_name=client.first_name,
        client_last_name=client.last_name,
        kinds=kinds,
        now=now,
    )
    v = clean.vitals
    mse = MseRecord(
        business_id=actor.business_id,
        client_id=client.id,
        session_client_id=sc.id,
        examiner_id=csp.staff_id,
        examiner_name=csp_name(csp),
        recorded_by_id=actor.user_id,
        recorded_by_name=on_behalf(actor, csp),
        examined_at=now,
        medical_history=clean.medical_history,
        current_medications=clean.current_medications,
        allergies=clean.allergies,
        checklist_json=json.dumps(dict(clean.checklist), sort_keys=True),
        service_kinds=",".join(sorted(k.value for k in kinds)),
        systolic=v.systolic,
        diastolic=v.diastolic,
        heart_rate=v.heart_rate,
        temperature=v.temperature,
        temperature_unit=v.temperature_unit.value,
        spo2=v.spo2,
        weight=v.weight,
        weight_unit=v.weight_unit.value,
        consent_name=clean.consent_name,
        consent_at=clean.consent_at,
        outcome=MseOutcome(clean.outcome).value,
        outcome_reason=clean.outcome_reason,
        findings_text="\n".join(f.message for f in assessment.findings),
        valid_until=valid_until(now, validity_days(business_mse_days(s, actor.business_id))),
        notes=clean.notes,
    )
    s.add(mse)
    s.flush()
    return mse


def decide_referral(
    uow: UnitOfWork, actor: Actor, mse_id: str, decision: MseOutcome | str, reason: str = ""
) -> MseView:
    """An HCP clears, or does not clear, a client referred at the MSE."""
    outcome, reason = _validate_decision(decision, reason)
    now = utcnow()
    with uow.write(actor, "mse.decide_referral") as s:
        hcp_name = require_hcp(s, actor)
        row = s.get(MseRecord, mse_id)
        if row is None or row.business_id != actor.business_id:
            raise NotFound("That screening no longer exists.")
        if row.outcome != MseOutcome.REFERRED.value:
            raise ConflictError("Only a screening referred to an HCP waits for a decision.")
        if s.scalar(select(MseDecision.id).where(MseDecision.mse_id == row.id)):
            raise ConflictError("This referral has already been decided.")
        decision_row = MseDecision(
            business_id=actor.business_id,
            mse_id=row.id,
            decision=outcome.value,
            reason=reason,
            hcp_id=actor.user_id,
            hcp_name=hcp_name,
            decided_at=now,
        )
        s.add(decision_row)
        s.flush()
        return mse_view(row, decision_row)


def pending_referrals(uow: UnitOfWork, actor: Actor) -> list[ReferralView]:
    """Referred screenings without an HCP decision, oldest first."""
    actor.require(Permission.APPROVE_CLINICAL)
    with uow.read() as s:
        rows = s.scalars(
            select(MseRecord)
            .outerjoin(MseDecision, MseDecision.mse_id == MseRecord.id)
            .where(
                MseRecord.business_id == actor.business_id,
                MseRecord.outcome == MseOutcome.REFERRED.value,
                MseDecision.id.is_(None),
            )
            .order_by(MseRecord.examined_at)
        ).all()
        out = []
        for row, view in zip(rows, mse_views(s, rows), strict=True):
            client = s.get(Client, row.client_id)
            services: tuple[str, ...] = ()
            csp = ""
            if row.session_client_id:
                sc = s.get(SessionClient, row.session_client_id)
                services = tuple(svc.name for svc in booked_services(s, sc.booking_client_id))
                session = s.get(ClinicalSession, sc.session_id)
                csp = csp_name(get_csp(s, actor.business_id, session.csp_id))
            out.append(ReferralView(
                mse=view,
                client_name=f"{client.first_name} {client.last_name}",
                client_date_of_birth=client.date_of_birth,
                csp_name=csp or row.examiner_name,
                service_names=services,
            ))
        return out
