"""Patient-specific services (PSF): performed only under an HCP's approval for that client.

An approval names the client, the service, the HCP, the protocol/dose and the date it is
valid until. A request waits in the HCP's queue until approved or refused; both are
recorded with their reasons. Booking a PSF service without an approval is allowed but
flagged; performing it is refused.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from hydreight_desktop.domain.errors import ValidationError

MAX_APPROVAL = timedelta(days=366)


class PsfStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REFUSED = "refused"
    EXPIRED = "expired"  # approved, but its date has passed (derived, never stored)

    @property
    def label(self) -> str:
        return {
            PsfStatus.PENDING: "Waiting for HCP",
            PsfStatus.APPROVED: "Approved",
            PsfStatus.REFUSED: "Refused",
            PsfStatus.EXPIRED: "Expired",
        }[self]


@dataclass(frozen=True, slots=True)
class PsfApprovalState:
    """What the rules need to know about one request and its decision."""

    client_id: str
    service_id: str
    requested_at: datetime
    decision: PsfStatus | None = None  # approved / refused, None while pending
    valid_until: datetime | None = None
    decided_at: datetime | None = None
    hcp_id: str | None = None

    def status_at(self, at: datetime) -> PsfStatus:
        if self.decision is None:
            return PsfStatus.PENDING
        if self.decision is PsfStatus.APPROVED and self.valid_until is not None and at >= self.valid_until:
            return PsfStatus.EXPIRED
        return self.decision

    def covers(self, client_id: str, service_id: str, at: datetime) -> bool:
        return (
            self.client_id == client_id
            and self.service_id == service_id
            and self.status_at(at) is PsfStatus.APPROVED
            and self.decided_at is not None
            and self.decided_at <= at + timedelta(minutes=2)
        )


def current_status(
    approvals: Iterable[PsfApprovalState], client_id: str, service_id: str, at: datetime
) -> PsfStatus | None:
    """What counts for performing at ``at``: a valid approval, else a pending request,
    else the latest decision (refused or expired); ``None`` when nothing was ever asked."""
    relevant = [a for a in approvals if a.client_id == client_id and a.service_id == service_id]
    if any(a.covers(client_id, service_id, at) for a in relevant):
        return PsfStatus.APPROVED
    if any(a.decision is None for a in relevant):
        return PsfStatus.PENDING
    decided = [a for a in relevant if a.decided_at is not None and a.decided_at <= at]
    if not decided:
        return None
    return max(decided, key=lambda a: a.decided_at).status_at(at)


def refusal_to_perform(status: PsfStatus | None, service_name: str, client_name: str) -> str | None:
    """The sentence refusing to perform a PSF service; ``None`` when an approval is valid."""
    if status is PsfStatus.APPROVED:
        return None
    tail = {
        None: "Request an HCP approval in Approvals first.",
        PsfStatus.PENDING: "The approval request is still waiting for an HCP.",
        PsfStatus.REFUSED: "An HCP refused it; it cannot be performed.",
        PsfStatus.EXPIRED: "The approval has expired; request a new one.",
    }[status]
    return (
        f"{service_name} is a patient-specific service and needs a valid HCP approval "
        f"for {client_name}. {tail}"
    )


def validate_approval(protocol: str, valid_until: datetime | None, *, now: datetime) -> str:
    """An approval needs the protocol/dose and an end date in the future, at most a year away."""
    protocol = (protocol or "").strip()
    if not protocol:
        raise ValidationError(
            "Please write the protocol or dose being approved, e.g. “Semaglutide 0.25 mg weekly”.",
            field="protocol",
        )
    if valid_until is None:
        raise ValidationError("Please choose the date the approval is valid until.", field="valid_until")
    if valid_until <= now:
        raise ValidationError("The approval must be valid until a date in the future.",
                              field="valid_until")
    if valid_until > now + MAX_APPROVAL:
        raise ValidationError("An approval can be valid for one year at most.", field="valid_until")
    return protocol


def validate_refusal(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Please give the reason for refusing.", field="reason")
    return reason
