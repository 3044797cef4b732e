"""Clinical records: sessions, MSEs, treatments, vials, PSF approvals and amendments.

Clinical rows are kept forever. MSEs, decisions, treatments, vials, PSF requests and
amendments are append-only (``__append_only__``): a mistake is corrected by an amendment
that references the record. A session and its client rows change while the session is in
progress and are locked the moment it is finished (see ``_lock_finished_sessions``).
Who did each thing is stored by id and by name, because an admin may act on a CSP's behalf
and the record must show who pressed the button.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
    inspect,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hydreight_desktop.domain.errors import DomainError
from hydreight_desktop.store.base import Base, BusinessOwnedMixin, UTCDateTime


class ClinicalSession(BusinessOwnedMixin, Base):
    """The visit a CSP conducts for one booking."""

    __tablename__ = "clinical_sessions"

    booking_id: Mapped[str] = mapped_column(
        ForeignKey("bookings.id", ondelete="RESTRICT"), unique=True
    )
    csp_id: Mapped[str] = mapped_column(ForeignKey("csp_profiles.id", ondelete="RESTRICT"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="in_progress")
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    started_by_id: Mapped[str] = mapped_column(String(36))
    started_by_name: Mapped[str] = mapped_column(String(200))
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_by_id: Mapped[str | None] = mapped_column(String(36))
    finished_by_name: Mapped[str | None] = mapped_column(String(200))

    clients: Mapped[list[SessionClient]] = relationship(
        back_populates="session", order_by="SessionClient.position"
    )


class SessionClient(BusinessOwnedMixin, Base):
    """One booking client in the session: checked in, then treated or not treated (with reason)."""

    __tablename__ = "session_clients"
    __table_args__ = (UniqueConstraint("session_id", "booking_client_id"),)

    session_id: Mapped[str] = mapped_column(
        ForeignKey("clinical_sessions.id", ondelete="RESTRICT"), index=True
    )
    booking_client_id: Mapped[str] = mapped_column(
        ForeignKey("booking_clients.id", ondelete="RESTRICT")
    )
    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    state: Mapped[str] = mapped_column(String(16), default="checked_in")
    checked_in_at: Mapped[datetime] = mapped_column(UTCDateTime)
    checked_in_by_id: Mapped[str] = mapped_column(String(36))
    not_treated_reason: Mapped[str] = mapped_column(Text, default="")
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_by_id: Mapped[str | None] = mapped_column(String(36))
    closed_by_name: Mapped[str | None] = mapped_column(String(200))

    session: Mapped[ClinicalSession] = relationship(back_populates="clients")


class MseRecord(BusinessOwnedMixin, Base):
    """A medical screening exam as recorded at the client's side. Never edited."""

    __tablename__ = "mses"
    __append_only__ = True
    __table_args__ = (Index("ix_mses_client_examined", "business_id", "client_id", "examined_at"),)

    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id", ondelete="RESTRICT"))
    session_client_id: Mapped[str | None] = mapped_column(
        ForeignKey("session_clients.id", ondelete="RESTRICT"), index=True
    )
    examiner_id: Mapped[str] = mapped_column(String(36))  # the CSP's staff id
    examiner_name: Mapped[str] = mapped_column(String(200))
    recorded_by_id: Mapped[str] = mapped_column(String(36))  # differs when an admin enters it
    recorded_by_name: Mapped[str] = mapped_column(String(200))
    examined_at: Mapped[datetime] = mapped_column(UTCDateTime)
    medical_history: Mapped[str] = mapped_column(Text)
    current_medications: Mapped[str] = mapped_column(Text)
    allergies: Mapped[str] = mapped_column(Text)
    checklist_json: Mapped[str] = mapped_column(Text)  # {"pregnancy": false, ...}
    service_kinds: Mapped[str] = mapped_column(String(60), default="")  # "iv,glp1"
    systolic: Mapped[int] = mapped_column(Integer)
    diastolic: Mapped[int] = mapped_column(Integer)
    heart_rate: Mapped[int] = mapped_column(Integer)
    temperature: Mapped[float] = mapped_column(Float)
    temperature_unit: Mapped[str] = mapped_column(String(2))
    spo2: Mapped[int] = mapped_column(Integer)
    weight: Mapped[float | None] = mapped_column(Float)
    weight_unit: Mapped[str] = mapped_column(String(4), default="lb")
    consent_name: Mapped[str] = mapped_column(String(200))
    consent_at: Mapped[datetime] = mapped_column(UTCDateTime)
    outcome: Mapped[str] = mapped_column(String(16))
    outcome_reason: Mapped[str] = mapped_column(Text, default="")
    findings_text: Mapped[str] = mapped_column(Text, default="")  # one finding per line
    valid_until: Mapped[datetime] = mapped_column(UTCDateTime)
    notes: Mapped[str] = mapped_column(Text, default="")


class MseDecision(BusinessOwnedMixin, Base):
    """An HCP's decision on a referred MSE: cleared or not cleared, with the reason."""

    __tablename__ = "mse_decisions"
    __append_only__ = True

    mse_id: Mapped[str] = mapped_column(ForeignKey("mses.id", ondelete="RESTRICT"), unique=True)
    decision: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")
    hcp_id: Mapped[str] = mapped_column(String(36))
    hcp_name: Mapped[str] = mapped_column(String(200))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Treatment(BusinessOwnedMixin, Base):
    """What was done for one client in a session: services, notes, adverse events."""

    __tablename__ = "treatments"
    __append_only__ = True

    session_client_id: Mapped[str] = mapped_column(
        ForeignKey("session_clients.id", ondelete="RESTRICT"), unique=True
    )
    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id", ondelete="RESTRICT"), index=True)
    mse_id: Mapped[str | None] = mapped_column(ForeignKey("mses.id", ondelete="RESTRICT"))
    performed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    performed_by_id: Mapped[str] = mapped_column(String(36))  # the CSP's staff id
    performed_by_name: Mapped[str] = mapped_column(String(200))
    recorded_by_id: Mapped[str] = mapped_column(String(36))
    recorded_by_name: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str] = mapped_column(Text, default="")
    adverse_events: Mapped[str] = mapped_column(Text, default="")  # empty: none


class TreatmentService(BusinessOwnedMixin, Base):
    """One service performed in a treatment (with the PSF approval it relied on)."""

    __tablename__ = "treatment_services"
    __append_only__ = True

    treatment_id: Mapped[str] = mapped_column(
        ForeignKey("treatments.id", ondelete="RESTRICT"), index=True
    )
    service_id: Mapped[str] = mapped_column(ForeignKey("services.id", ondelete="RESTRICT"))
    service_name: Mapped[str] = mapped_column(String(120))
    psf_request_id: Mapped[str | None] = mapped_column(
        ForeignKey("psf_requests.id", ondelete="RESTRICT")
    )


class Vial(BusinessOwnedMixin, Base):
    """A vial given: medication, lot and expiry (for recalls), amount, route, site."""

    __tablename__ = "vials"
    __append_only__ = True
    __table_args__ = (Index("ix_vials_lot", "business_id", "lot_number"),)

    treatment_id: Mapped[str] = mapped_column(
        ForeignKey("treatments.id", ondelete="RESTRICT"), index=True
    )
    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id", ondelete="RESTRICT"), index=True)
    service_id: Mapped[str | None] = mapped_column(ForeignKey("services.id", ondelete="RESTRICT"))
    medication: Mapped[str] = mapped_column(String(200))
    lot_number: Mapped[str] = mapped_column(String(40))
    expiry_date: Mapped[date] = mapped_column(Date)
    amount: Mapped[str] = mapped_column(String(20))  # exact decimal text, e.g. "0.25"
    unit: Mapped[str] = mapped_column(String(8))
    route: Mapped[str] = mapped_column(String(8))
    site: Mapped[str] = mapped_column(String(120), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class PsfRequest(BusinessOwnedMixin, Base):
    """A request for an HCP's approval to perform a patient-specific service for a client."""

    __tablename__ = "psf_requests"
    __append_only__ = True
    __table_args__ = (Index("ix_psf_requests_client_service", "business_id", "client_id", "service_id"),)

    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id", ondelete="RESTRICT"))
    service_id: Mapped[str] = mapped_column(ForeignKey("services.id", ondelete="RESTRICT"))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    requested_by_id: Mapped[str] = mapped_column(String(36))
    requested_by_name: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text, default="")


class PsfDecision(BusinessOwnedMixin, Base):
    """The HCP's answer: approved (protocol/dose, valid until) or refused (reason)."""

    __tablename__ = "psf_decisions"
    __append_only__ = True

    request_id: Mapped[str] = mapped_column(
        ForeignKey("psf_requests.id", ondelete="RESTRICT"), unique=True
    )
    decision: Mapped[str] = mapped_column(String(16))  # approved | refused
    protocol: Mapped[str] = mapped_column(Text, default="")
    valid_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(Text, default="")
    hcp_id: Mapped[str] = mapped_column(String(36))
    hcp_name: Mapped[str] = mapped_column(String(200))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ClinicalAmendment(BusinessOwnedMixin, Base):
    """A correction of a clinical record; the record itself is never changed."""

    __tablename__ = "clinical_amendments"
    __append_only__ = True
    __table_args__ = (Index("ix_amendments_target", "target_kind", "target_id"),)

    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id", ondelete="RESTRICT"), index=True)
    session_id: Mapped[str | None] = mapped_column(
        ForeignKey("clinical_sessions.id", ondelete="RESTRICT")
    )
    target_kind: Mapped[str] = mapped_column(String(16))
    target_id: Mapped[str] = mapped_column(String(36))
    correction: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    amended_at: Mapped[datetime] = mapped_column(UTCDateTime)
    amended_by_id: Mapped[str] = mapped_column(String(36))
    amended_by_name: Mapped[str] = mapped_column(String(200))
    amended_by_role: Mapped[str] = mapped_column(String(16))


FINISHED_MESSAGE = (
    "This session is finished and its records are closed. "
    "To correct something, add an amendment in Records."
)


def _was_finished(target: ClinicalSession) -> bool:
    history = inspect(target).attrs.status.history
    before = history.deleted[0] if history.deleted else target.status
    return before == "finished"


@event.listens_for(ClinicalSession, "before_update")
def _lock_finished_session(mapper, connection, target: ClinicalSession) -> None:
    """A finished session is a closed record, whoever tries to change it."""
    if _was_finished(target):
        raise DomainError(FINISHED_MESSAGE)


@event.listens_for(SessionClient, "before_update")
def _lock_finished_session_client(mapper, connection, target: SessionClient) -> None:
    status = connection.execute(
        select(ClinicalSession.status).where(ClinicalSession.id == target.session_id)
    ).scalar()
    if status == "finished":
        raise DomainError(FINISHED_MESSAGE)


@event.listens_for(ClinicalSession, "before_delete")
@event.listens_for(SessionClient, "before_delete")
def _refuse_delete(mapper, connection, target) -> None:
    raise DomainError("Clinical records are kept and cannot be deleted.")
