"""Plain records the clinical services return (never ORM objects): what screens and PDFs show."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from hydreight_desktop.domain.clinical.contraindications import ServiceKind
from hydreight_desktop.domain.clinical.outcome import MseOutcome
from hydreight_desktop.domain.clinical.psf import PsfStatus
from hydreight_desktop.domain.clinical.vials import VialEntry
from hydreight_desktop.domain.clinical.vitals import Vitals


@dataclass(frozen=True, slots=True)
class ServiceLine:
    """A booked service as the session sees it: its clinical gates and PSF state."""

    service_id: str
    name: str
    kind: ServiceKind
    needs_mse: bool
    patient_specific: bool
    psf_status: PsfStatus | None = None  # for patient-specific services only


@dataclass(frozen=True, slots=True)
class MseView:
    id: str
    client_id: str
    session_id: str | None
    examined_at: datetime
    examiner_name: str
    recorded_by_name: str
    medical_history: str
    current_medications: str
    allergies: str
    checklist: Mapping[str, bool]
    vitals: Vitals
    consent_name: str
    consent_at: datetime
    outcome: MseOutcome
    outcome_reason: str
    findings: tuple[str, ...]
    valid_until: datetime
    notes: str
    hcp_decision: MseOutcome | None = None
    hcp_name: str = ""
    hcp_reason: str = ""
    decided_at: datetime | None = None

    @property
    def effective_outcome(self) -> MseOutcome:
        if self.outcome is MseOutcome.REFERRED and self.hcp_decision is not None:
            return self.hcp_decision
        return self.outcome

    @property
    def outcome_text(self) -> str:
        """'Cleared', 'Referred to HCP (waiting…)', 'Referred, then not cleared by Kim Lee, MD'."""
        if self.outcome is not MseOutcome.REFERRED:
            return self.outcome.label
        if self.hcp_decision is None:
            return "Referred to HCP (waiting for decision)"
        return f"Referred, then {self.hcp_decision.label.lower()} by {self.hcp_name}"


@dataclass(frozen=True, slots=True)
class VialView:
    id: str
    medication: str
    lot_number: str
    expiry_date: date
    amount: str
    unit: str
    route: str
    site: str
    service_id: str | None = None

    @property
    def amount_text(self) -> str:
        return f"{self.amount} {self.unit}"


@dataclass(frozen=True, slots=True)
class TreatmentView:
    id: str
    performed_at: datetime
    performed_by_name: str
    recorded_by_name: str
    service_ids: tuple[str, ...]
    service_names: tuple[str, ...]
    notes: str
    adverse_events: str
    vials: tuple[VialView, ...]


@dataclass(frozen=True, slots=True)
class SessionClientView:
    """One client in a session, with everything the CSP needs to decide the next step."""

    id: str
    client_id: str
    first_name: str
    last_name: str
    date_of_birth: date | None
    allergies_on_file: str
    state: str  # ClientState value
    not_treated_reason: str
    services: tuple[ServiceLine, ...]
    mse_state: str  # not_needed | needed | cleared | referred | not_cleared
    checklist_kinds: frozenset[ServiceKind]
    latest_mse: MseView | None = None
    treatment: TreatmentView | None = None
    closed_by_name: str = ""

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def mse_needed(self) -> bool:
        return self.mse_state in ("needed", "not_cleared")

    @property
    def ready_to_treat(self) -> bool:
        return self.state == "checked_in" and self.mse_state in ("not_needed", "cleared")


@dataclass(frozen=True, slots=True)
class SessionView:
    id: str
    booking_id: str
    csp_id: str
    csp_name: str
    csp_time_zone: str  # the session's times are shown in it
    status: str  # SessionStatus value
    booking_status: str
    mode: str
    address: str
    start_at: datetime
    end_at: datetime
    started_at: datetime
    started_by_name: str
    finished_at: datetime | None
    finished_by_name: str
    clients: tuple[SessionClientView, ...]

    @property
    def is_finished(self) -> bool:
        return self.status == "finished"

    def client(self, session_client_id: str) -> SessionClientView:
        return next(c for c in self.clients if c.id == session_client_id)


@dataclass(frozen=True, slots=True)
class SessionBookingRow:
    """A booking on the CSP's day list, with its session if one was started."""

    booking_id: str
    start_at: datetime
    end_at: datetime
    mode: str
    status: str
    address: str
    csp_id: str
    csp_name: str
    csp_time_zone: str
    client_names: tuple[str, ...]
    service_names: tuple[str, ...]
    session_id: str | None = None
    session_status: str | None = None
    flags: tuple[str, ...] = ()  # e.g. "PSF approval missing: Semaglutide for Maria Lopez"


@dataclass(frozen=True, slots=True)
class TreatmentForm:
    """What the CSP records for a treated client."""

    service_ids: tuple[str, ...]
    vials: tuple[VialEntry, ...] = ()
    notes: str = ""
    adverse_events: str = ""


@dataclass(frozen=True, slots=True)
class PsfApprovalView:
    id: str  # the request's id
    client_id: str
    client_name: str
    service_id: str
    service_name: str
    requested_at: datetime
    requested_by_name: str
    note: str
    status: PsfStatus
    protocol: str = ""
    valid_until: datetime | None = None
    reason: str = ""
    hcp_name: str = ""
    decided_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ReferralView:
    """A referred MSE waiting in the HCP queue."""

    mse: MseView
    client_name: str
    client_date_of_birth: date | None
    csp_name: str
    service_names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    at: datetime
    kind: str  # session | mse | mse_decision | treatment | vial | psf_request | psf_decision | amendment
    title: str
    detail: str
    who: str
    target_kind: str | None = None  # AmendableKind value when the entry can be amended
    target_id: str | None = None
    session_id: str | None = None
    amendments: tuple[AmendmentView, ...] = ()


@dataclass(frozen=True, slots=True)
class ClientTimeline:
    client_id: str
    client_name: str
    date_of_birth: date | None
    email: str
    entries: tuple[TimelineEntry, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class AmendmentView:
    id: str
    target_kind: str
    target_id: str
    correction: str
    reason: str
    amended_at: datetime
    amended_by_name: str
