"""Patient-specific service approvals: request, the HCP queue, approve or refuse.

Requests and decisions are separate append-only rows: the queue is the requests without a
decision, and nothing an HCP decided is ever overwritten.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from hydreight_desktop.domain.clinical.psf import (
    PsfStatus,
    validate_approval,
    validate_refusal,
)
from hydreight_desktop.domain.clock import utcnow
from hydreight_desktop.domain.errors import (
    ConflictError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from hydreight_desktop.domain.roles import Permission
from hydreight_desktop.services.clinical_common import psf_status, require_hcp
from hydreight_desktop.services.clinical_types import PsfApprovalView
from hydreight_desktop.services.context import Actor
from hydreight_desktop.store.models import Client, PsfDecision, PsfRequest, Service
from hydreight_desktop.store.uow import UnitOfWork


def has_valid_psf_approval(
    session: Session, business_id: str, client_id: str, service_id: str, at: datetime
) -> bool:
    """True when an HCP approval for this client and service is valid at ``at``.

    For the scheduling code: booking a PSF service without one is allowed but flagged.
    Runs inside the caller's own session (read or write).
    """
    return psf_status(session, business_id, client_id, service_id, at) is PsfStatus.APPROVED


def psf_status_for(
    session: Session, business_id: str, client_id: str, service_id: str, at: datetime
) -> PsfStatus | None:
    """Approved / pending / refused / expired, or ``None`` when never requested (for flags)."""
    return psf_status(session, business_id, client_id, service_id, at)


def _may_request(actor: Actor) -> None:
    if not (
        actor.can(Permission.CONDUCT_SESSIONS)
        or actor.can(Permission.MANAGE_BOOKINGS)
        or actor.can(Permission.APPROVE_CLINICAL)
    ):
        raise PermissionDenied("Your role cannot request patient-specific approvals.")


def _view(s: Session, req: PsfRequest, dec: PsfDecision | None, at: datetime) -> PsfApprovalView:
    client = s.get(Client, req.client_id)
    service = s.get(Service, req.service_id)
    if dec is None:
        status = PsfStatus.PENDING
    elif dec.decision == PsfStatus.APPROVED and dec.valid_until and dec.valid_until <= at:
        status = PsfStatus.EXPIRED
    else:
        status = PsfStatus(dec.decision)
    return PsfApprovalView(
        id=req.id,
        client_id=req.client_id,
        client_name=f"{client.first_name} {client.last_name}",
        service_id=req.service_id,
        service_name=service.name,
        requested_at=req.requested_at,
        requested_by_name=req.requested_by_name,
        note=req.note,
        status=status,
        protocol=dec.protocol if dec else "",
        valid_until=dec.valid_until if dec else None,
        reason=dec.reason if dec else "",
        hcp_name=dec.hcp_name if dec else "",
        decided_at=dec.decided_at if dec else None,
    )


def request_approval(
    uow: UnitOfWork, actor: Actor, client_id: str, service_id: str, note: str = ""
) -> PsfApprovalView:
    """Put a client's patient-specific service in the HCP queue."""
    _may_request(actor)
    now = utcnow()
    with uow.write(actor, "psf.request") as s:
        client = s.get(Client, client_id)
        service = s.get(Service, service_id)
        if client is None or client.business_id != actor.business_id:
            raise NotFound("That client no longer exists.")
        if service is None or service.business_id != actor.business_id:
            raise NotFound("That service no longer exists.")
        if not service.patient_specific:
            raise ValidationError(
                f"{service.name} is not a patient-specific service; it needs no HCP approval.",
                field="service",
            )
        status = psf_status(s, actor.business_id, client_id, service_id, now)
        name = f"{client.first_name} {client.last_name}"
        if status is PsfStatus.PENDING:
            raise ConflictError(f"{service.name} for {name} is already waiting for an HCP.")
        if status is PsfStatus.APPROVED:
            raise ConflictError(f"{service.name} for {name} already has a valid HCP approval.")
        req = PsfRequest(
            business_id=actor.business_id,
            client_id=client_id,
            service_id=service_id,
            requested_at=now,
            requested_by_id=actor.user_id,
            requested_by_name=actor.name,
            note=(note or "").strip(),
        )
        s.add(req)
        s.flush()
        return _view(s, req, None, now)


def _pending_request(s: Session, actor: Actor, request_id: str) -> PsfRequest:
    req = s.get(PsfRequest, request_id)
    if req is None or req.business_id != actor.business_id:
        raise NotFound("That approval request no longer exists.")
    if s.scalar(select(PsfDecision.id).where(PsfDecision.request_id == request_id)):
        raise ConflictError("This request has already been decided.")
    return req


def approve(
    uow: UnitOfWork, actor: Actor, request_id: str, protocol: str, valid_until: datetime,
    note: str = "",
) -> PsfApprovalView:
    """The HCP approves: protocol/dose and the date the approval is valid until."""
    now = utcnow()
    protocol = validate_approval(protocol, valid_until, now=now)
    with uow.write(actor, "psf.approve") as s:
        hcp_name = require_hcp(s, actor)
        req = _pending_request(s, actor, request_id)
        dec = PsfDecision(
            business_id=actor.business_id,
            request_id=req.id,
            decision=PsfStatus.APPROVED.value,
            protocol=protocol,
            valid_until=valid_until,
            reason=(note or "").strip(),
            hcp_id=actor.user_id,
            hcp_name=hcp_name,
            decided_at=now,
        )
        s.add(dec)
        s.flush()
        return _view(s, req, dec, now)


def refuse(uow: UnitOfWork, actor: Actor, request_id: str, reason: str) -> PsfApprovalView:
    """The HCP refuses, with the reason."""
    now = utcnow()
    reason = validate_refusal(reason)
    with uow.write(actor, "psf.refuse") as s:
        hcp_name = require_hcp(s, actor)
        req = _pending_request(s, actor, request_id)
        dec = PsfDecision(
            business_id=actor.business_id,
            request_id=req.id,
            decision=PsfStatus.REFUSED.value,
            reason=reason,
            hcp_id=actor.user_id,
            hcp_name=hcp_name,
            decided_at=now,
        )
        s.add(dec)
        s.flush()
        return _view(s, req, dec, now)


def pending_approvals(uow: UnitOfWork, actor: Actor) -> list[PsfApprovalView]:
    """The HCP queue: requests not yet decided, oldest first."""
    actor.require(Permission.APPROVE_CLINICAL)
    now = utcnow()
    with uow.read() as s:
        rows = s.scalars(
            select(PsfRequest)
            .outerjoin(PsfDecision, PsfDecision.request_id == PsfRequest.id)
            .where(PsfRequest.business_id == actor.business_id, PsfDecision.id.is_(None))
            .order_by(PsfRequest.requested_at)
        ).all()
        return [_view(s, r, None, now) for r in rows]


def approvals_for_client(uow: UnitOfWork, actor: Actor, client_id: str) -> list[PsfApprovalView]:
    """Every request for a client with its decision, newest first."""
    actor.require(Permission.VIEW_CLIENTS)
    now = utcnow()
    with uow.read() as s:
        rows = s.execute(
            select(PsfRequest, PsfDecision)
            .outerjoin(PsfDecision, PsfDecision.request_id == PsfRequest.id)
            .where(PsfRequest.business_id == actor.business_id, PsfRequest.client_id == client_id)
            .order_by(PsfRequest.requested_at.desc())
        ).all()
        return [_view(s, req, dec, now) for req, dec in rows]
