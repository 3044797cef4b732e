"""Session rules: who may work on a session, when a client may be treated, when it may finish.

A session is conducted client by client. Each client ends treated, or not treated with a
reason; only then can the session finish. A finished session, and every clinical record in
it, is never edited again: a correction is an amendment that references it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from hydreight_desktop.domain.errors import DomainError, PermissionDenied, ValidationError
from hydreight_desktop.domain.roles import Role


class SessionStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    FINISHED = "finished"


class ClientState(StrEnum):
    CHECKED_IN = "checked_in"
    TREATED = "treated"
    NOT_TREATED = "not_treated"

    @property
    def label(self) -> str:
        return {
            ClientState.CHECKED_IN: "Checked in",
            ClientState.TREATED: "Treated",
            ClientState.NOT_TREATED: "Not treated",
        }[self]


NOT_TREATED_REASONS = (
    "Not cleared at the MSE",
    "Waiting for an HCP decision",
    "Client declined",
    "Client not present",
    "No valid PSF approval",
    "Unable to establish IV access",
)


def check_session_actor(
    role: Role | str, actor_csp_id: str | None, booking_csp_id: str, booking_csp_name: str
) -> None:
    """The booking's own CSP, or an admin acting on their behalf; nobody else."""
    role = Role(role)
    if role is Role.ADMIN:
        return
    if role is Role.CSP:
        if actor_csp_id == booking_csp_id:
            return
        raise PermissionDenied(
            f"This session belongs to {booking_csp_name}. Only they or an admin can work on it."
        )
    raise PermissionDenied("Only the booking's provider or an admin can run a session.")


def check_open(status: SessionStatus | str) -> None:
    """Finished sessions are closed records: corrections go through an amendment."""
    if SessionStatus(status) is SessionStatus.FINISHED:
        raise DomainError(
            "This session is finished and its records are closed. "
            "To correct something, add an amendment in Records."
        )


def check_client_open(state: ClientState | str, client_name: str) -> None:
    """A client already treated or marked not treated is closed within the session."""
    state = ClientState(state)
    if state is not ClientState.CHECKED_IN:
        raise DomainError(
            f"{client_name} is already marked {state.label.lower()}. "
            "To correct it, add an amendment in Records."
        )


@dataclass(frozen=True, slots=True)
class TreatmentCheck:
    """What must hold before a client's services are performed."""

    client_name: str
    mse_needed: bool  # a service performed needs an MSE
    mse_cleared: bool  # a valid clearance covers every such service
    mse_pending_referral: bool = False
    psf_refusals: Sequence[str] = ()  # sentences from psf.refusal_to_perform


def check_can_treat(check: TreatmentCheck, services_performed: Iterable[str]) -> None:
    """Refuse treatment before a required MSE is cleared or without a valid PSF approval."""
    if not list(services_performed):
        raise ValidationError("Please tick the services performed.", field="services")
    if check.mse_needed and not check.mse_cleared:
        if check.mse_pending_referral:
            raise DomainError(
                f"{check.client_name} was referred to an HCP at the MSE. "
                "Treatment waits for the HCP's decision."
            )
        raise DomainError(
            f"{check.client_name} needs a cleared MSE before this treatment. "
            "Complete the MSE first."
        )
    if check.psf_refusals:
        raise DomainError(check.psf_refusals[0])


def validate_not_treated_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Please give the reason the client was not treated.", field="reason")
    return reason


@dataclass(frozen=True, slots=True)
class ClientProgress:
    name: str
    state: ClientState
    not_treated_reason: str = ""


def check_can_finish(clients: Sequence[ClientProgress]) -> None:
    """Every client treated, or not treated with a reason."""
    if not clients:
        raise DomainError("This session has no clients to finish.")
    waiting = [c.name for c in clients if c.state is ClientState.CHECKED_IN]
    if waiting:
        names = waiting[0] if len(waiting) == 1 else ", ".join(waiting[:-1]) + " and " + waiting[-1]
        verb = "has" if len(waiting) == 1 else "have"
        raise DomainError(
            f"{names} {verb} not been treated yet. Record the treatment, or mark "
            "not treated with a reason, before finishing the session."
        )
    for c in clients:
        if c.state is ClientState.NOT_TREATED and not c.not_treated_reason.strip():
            raise DomainError(
                f"{c.name} is marked not treated without a reason. Please give the reason."
            )


class AmendableKind(StrEnum):
    SESSION = "session"
    MSE = "mse"
    TREATMENT = "treatment"
    VIAL = "vial"
    PSF_APPROVAL = "psf_approval"

    @property
    def label(self) -> str:
        return {
            AmendableKind.SESSION: "Session",
            AmendableKind.MSE: "MSE",
            AmendableKind.TREATMENT: "Treatment",
            AmendableKind.VIAL: "Vial",
            AmendableKind.PSF_APPROVAL: "PSF approval",
        }[self]


def validate_amendment(target_kind: str, target_id: str, correction: str, reason: str) -> tuple[
    AmendableKind, str, str
]:
    """An amendment references the record it corrects and says what and why."""
    try:
        kind = AmendableKind(target_kind)
    except ValueError:
        raise ValidationError("Choose the record this amendment corrects.", field="target") from None
    if not (target_id or "").strip():
        raise ValidationError("Choose the record this amendment corrects.", field="target")
    correction = (correction or "").strip()
    if not correction:
        raise ValidationError("Please write the correction.", field="correction")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Please give the reason for the correction.", field="reason")
    return kind, correction, reason
