"""Clinical records: a client's timeline, amendments, and the visit summary of a session.

Records are read-only history. The only way to correct one is an amendment that names it
(its kind and id), says what is corrected and why, and shows who wrote it and when.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from hydreight_desktop.documents.visit_summary import (
    ClientVisit,
    MseSummary,
    VialLine,
    VisitSummary,
    build_visit_summary,
)
from hydreight_desktop.domain.clinical.session_rules import (
    AmendableKind,
    ClientState,
    check_session_actor,
    validate_amendment,
)
from hydreight_desktop.domain.clinical.vials import Route
from hydreight_desktop.domain.clock import utcnow
from hydreight_desktop.domain.contact import format_phone
from hydreight_desktop.domain.errors import NotFound, PermissionDenied
from hydreight_desktop.domain.roles import Permission, Role
from hydreight_desktop.services.clients import ClientListRow, client_rows, search_client_ids
from hydreight_desktop.services.clinical_common import (
    actor_csp_id,
    csp_name,
    get_csp,
    load_session,
    mse_views,
)
from hydreight_desktop.services.clinical_timeline import (
    MODE_LABELS,
    amendment_view,
)
from hydreight_desktop.services.clinical_timeline import (
    client_timeline as client_timeline,  # the records API in one module
)
from hydreight_desktop.services.clinical_types import (
    AmendmentView,
    MseView,
)
from hydreight_desktop.services.context import Actor
from hydreight_desktop.services.sessions import build_session_view
from hydreight_desktop.store.models import (
    Business,
    Client,
    ClinicalAmendment,
    ClinicalSession,
    MseRecord,
    PsfRequest,
    SessionClient,
    Treatment,
    Vial,
)
from hydreight_desktop.store.uow import UnitOfWork

# --- search ------------------------------------------------------------------

def find_clients(uow: UnitOfWork, actor: Actor, text: str, limit: int = 50) -> list[ClientListRow]:
    """Clients matching the search box (name, email or phone), via the clients service."""
    actor.require(Permission.VIEW_CLINICAL_RECORDS)
    return client_rows(uow, actor, search_client_ids(uow, actor, text)[:limit])


# --- timeline ----------------------------------------------------------------

def _client(s: Session, actor: Actor, client_id: str) -> Client:
    client = s.get(Client, client_id)
    if client is None or client.business_id != actor.business_id:
        raise NotFound("That client no longer exists.")
    return client


# --- amendments --------------------------------------------------------------

def _target_owner(s: Session, biz: str, kind: AmendableKind, target_id: str) -> tuple[set[str], str | None]:
    """The client ids a record concerns and its session (if any); NotFound when it is not ours."""
    def session_of(sc_id: str | None) -> tuple[str | None, str | None]:
        sc = s.get(SessionClient, sc_id) if sc_id else None
        return (sc.session_id, sc.client_id) if sc else (None, None)

    if kind is AmendableKind.SESSION:
        row = s.get(ClinicalSession, target_id)
        if row and row.business_id == biz:
            clients = set(s.scalars(select(SessionClient.client_id).where(SessionClient.session_id == row.id)))
            return clients, row.id
    elif kind is AmendableKind.MSE:
        row = s.get(MseRecord, target_id)
        if row and row.business_id == biz:
            return {row.client_id}, session_of(row.session_client_id)[0]
    elif kind is AmendableKind.TREATMENT:
        row = s.get(Treatment, target_id)
        if row and row.business_id == biz:
            return {row.client_id}, session_of(row.session_client_id)[0]
    elif kind is AmendableKind.VIAL:
        row = s.get(Vial, target_id)
        if row and row.business_id == biz:
            treatment = s.get(Treatment, row.treatment_id)
            return {row.client_id}, session_of(treatment.session_client_id)[0]
    elif kind is AmendableKind.PSF_APPROVAL:
        row = s.get(PsfRequest, target_id)
        if row and row.business_id == biz:
            return {row.client_id}, None
    raise NotFound("The record to amend no longer exists.")


def amend(
    uow: UnitOfWork, actor: Actor, client_id: str, target_kind: str, target_id: str,
    correction: str, reason: str,
) -> AmendmentView:
    """Correct a clinical record by an amendment that references it; the record stays as it was."""
    kind, correction, reason = validate_amendment(target_kind, target_id, correction, reason)
    now = utcnow()
    with uow.write(actor, "clinical.amend") as s:
        _client(s, actor, client_id)
        clients, session_id = _target_owner(s, actor.business_id, kind, target_id)
        if client_id not in clients:
            raise NotFound("That record does not belong to this client.")
        if actor.role == Role.HCP:
            if kind not in (AmendableKind.MSE, AmendableKind.PSF_APPROVAL):
                raise PermissionDenied(
                    "A Healthcare Provider can amend screenings and approvals; the CSP or an "
                    "admin amends session records."
                )
        elif actor.role == Role.CSP:
            if kind is AmendableKind.PSF_APPROVAL:
                raise PermissionDenied("Only an HCP or an admin can amend an approval.")
            session = s.get(ClinicalSession, session_id) if session_id else None
            if session is not None:
                csp = get_csp(s, actor.business_id, session.csp_id)
                check_session_actor(actor.role, actor_csp_id(s, actor), csp.id, csp_name(csp))
        elif actor.role != Role.ADMIN:
            raise PermissionDenied("Your role cannot amend clinical records.")
        row = ClinicalAmendment(
            business_id=actor.business_id,
            client_id=client_id,
            session_id=session_id,
            target_kind=kind.value,
            target_id=target_id,
            correction=correction,
            reason=reason,
            amended_at=now,
            amended_by_id=actor.user_id,
            amended_by_name=actor.name,
            amended_by_role=str(actor.role),
        )
        s.add(row)
        s.flush()
        return amendment_view(row)


# --- visit summary -----------------------------------------------------------

def _visit_mse(s: Session, session_client_id: str) -> MseView | None:
    """The screening of this visit: the latest taken in it, else the clearance the treatment used."""
    row = s.scalars(
        select(MseRecord).where(MseRecord.session_client_id == session_client_id)
        .order_by(MseRecord.examined_at.desc()).limit(1)
    ).first()
    if row is None:
        mse_id = s.scalar(select(Treatment.mse_id).where(Treatment.session_client_id == session_client_id))
        row = s.get(MseRecord, mse_id) if mse_id else None
    return mse_views(s, [row])[0] if row else None


def client_sessions(uow: UnitOfWork, actor: Actor, client_id: str) -> list[tuple[str, datetime, str]]:
    """(session id, started at, CSP name) of a client's sessions, newest first: for printing."""
    actor.require(Permission.VIEW_CLINICAL_RECORDS)
    with uow.read() as s:
        _client(s, actor, client_id)
        rows = s.execute(
            select(ClinicalSession)
            .join(SessionClient, and_(SessionClient.session_id == ClinicalSession.id,
                                      SessionClient.client_id == client_id))
            .order_by(ClinicalSession.started_at.desc())
        ).scalars().all()
        return [(r.id, r.started_at, csp_name(get_csp(s, actor.business_id, r.csp_id))) for r in rows]


def visit_summary(uow: UnitOfWork, actor: Actor, session_id: str) -> VisitSummary:
    """The data of the visit summary PDF for one session."""
    actor.require(Permission.VIEW_CLINICAL_RECORDS)
    now = utcnow()
    with uow.read() as s:
        row = load_session(s, actor, session_id)
        view = build_session_view(s, row, now)
        business = s.get(Business, actor.business_id)
        amendments = s.scalars(
            select(ClinicalAmendment).where(ClinicalAmendment.session_id == row.id)
            .order_by(ClinicalAmendment.amended_at)
        ).all()
        visits = []
        for c in view.clients:
            m = _visit_mse(s, c.id)
            mse = None
            if m is not None:
                decision = ""
                if m.hcp_decision is not None:
                    decision = f"{m.hcp_decision.label} by {m.hcp_name}"
                    if m.hcp_reason:
                        decision += f": {m.hcp_reason}"
                elif m.outcome.value == "referred":
                    decision = "Waiting for an HCP decision"
                mse = MseSummary(
                    outcome=m.effective_outcome.value, outcome_label=m.outcome_text,
                    examined_at=m.examined_at, examiner_name=m.examiner_name,
                    vitals=m.vitals.summary(), findings=m.findings, consent_name=m.consent_name,
                    consent_at=m.consent_at, valid_until=m.valid_until,
                    outcome_reason=m.outcome_reason, hcp_decision=decision,
                    from_earlier_visit=m.examined_at < row.started_at,
                )
            t = c.treatment
            client_amendments = [
                f"{a.amended_at:%Y-%m-%d %H:%M} UTC by {a.amended_by_name} — "
                f"{AmendableKind(a.target_kind).label}: {a.correction} (reason: {a.reason})"
                for a in amendments if a.client_id == c.client_id
            ]
            visits.append(ClientVisit(
                name=c.name,
                date_of_birth=c.date_of_birth,
                state_label=ClientState(c.state).label,
                not_treated_reason=c.not_treated_reason,
                mse=mse,
                services=t.service_names if t else tuple(svc.name for svc in c.services),
                vials=tuple(
                    VialLine(v.medication, v.lot_number, v.expiry_date, v.amount_text,
                             Route(v.route).label, v.site)
                    for v in (t.vials if t else ())
                ),
                notes=t.notes if t else "",
                adverse_events=t.adverse_events if t else "",
                performed_by=t.performed_by_name if t else "",
                performed_at=t.performed_at if t else None,
                amendments=tuple(client_amendments),
            ))
        return VisitSummary(
            business_name=business.name,
            business_phone=format_phone(business.phone) if business.phone else "",
            business_address=business.address or "",
            time_zone=business.time_zone,
            locale=business.locale,
            csp_name=view.csp_name,
            booking_start=view.start_at,
            mode_label=MODE_LABELS.get(view.mode, view.mode),
            address=view.address,
            status_label="Finished" if view.is_finished else "In progress",
            started_at=view.started_at,
            started_by=view.started_by_name,
            finished_at=view.finished_at,
            finished_by=view.finished_by_name,
            clients=tuple(visits),
            printed_at=now,
        )


def visit_summary_pdf(uow: UnitOfWork, actor: Actor, session_id: str) -> bytes:
    """The printable visit summary of one session (made here, off the UI thread)."""
    return build_visit_summary(visit_summary(uow, actor, session_id))
