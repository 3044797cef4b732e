"""Every model, imported so that ``Base.metadata`` knows all tables (Alembic and tests rely on it)."""

from hydreight_desktop.store.models.clinical import (
    ClinicalAmendment,
    ClinicalSession,
    MseDecision,
    MseRecord,
    PsfDecision,
    PsfRequest,
    SessionClient,
    Treatment,
    TreatmentService,
    Vial,
)
from hydreight_desktop.store.models.handouts import LinkCode
from hydreight_desktop.store.models.infra import AuditEntry, DeviceState, OutboxEntry
from hydreight_desktop.store.models.scheduling import Booking, BookingClient, BookingService
from hydreight_desktop.store.models.setup import (
    Business,
    Client,
    ClientAddress,
    CspHoursRange,
    CspProfile,
    CspVacation,
    HcpProfile,
    Service,
    StaffAccount,
)

__all__ = [
    "ClinicalAmendment",
    "ClinicalSession",
    "MseDecision",
    "MseRecord",
    "PsfDecision",
    "PsfRequest",
    "SessionClient",
    "Treatment",
    "TreatmentService",
    "Vial",
    "AuditEntry",
    "Booking",
    "BookingClient",
    "BookingService",
    "Business",
    "Client",
    "ClientAddress",
    "CspHoursRange",
    "CspProfile",
    "CspVacation",
    "DeviceState",
    "HcpProfile",
    "LinkCode",
    "OutboxEntry",
    "Service",
    "StaffAccount",
]
