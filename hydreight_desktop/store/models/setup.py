"""Back-office set-up: the business, staff, providers, clients and the service catalogue."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hydreight_desktop.store.base import Base, BusinessOwnedMixin, SyncedMixin, UTCDateTime


class Business(SyncedMixin, Base):
    """The tenant. Its settings drive time zones, money and booking rules."""

    __tablename__ = "businesses"

    name: Mapped[str] = mapped_column(String(200))
    time_zone: Mapped[str] = mapped_column(String(64), default="America/New_York")
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    locale: Mapped[str] = mapped_column(String(16), default="en_US")
    booking_link_base: Mapped[str] = mapped_column(
        String(500), default="https://booking.hydreight.com/widget-business/"
    )
    phone: Mapped[str | None] = mapped_column(String(32))
    address: Mapped[str | None] = mapped_column(Text)
    # Scheduling settings (issue 3)
    travel_buffer_minutes: Mapped[int] = mapped_column(Integer, default=30)
    booking_window_days: Mapped[int] = mapped_column(Integer, default=90)
    multi_client_timing: Mapped[str] = mapped_column(String(16), default="sequential")
    extra_client_setup_minutes: Mapped[int] = mapped_column(Integer, default=10)
    slot_step_minutes: Mapped[int] = mapped_column(Integer, default=15)
    # Clinical settings (issue 4)
    mse_validity_days: Mapped[int] = mapped_column(Integer, default=365)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)

    def owner_business_id(self) -> str:
        return self.id


class StaffAccount(BusinessOwnedMixin, Base):
    """A person who signs in. The email is the identity: unique per business, never changed."""

    __tablename__ = "staff_accounts"
    __table_args__ = (UniqueConstraint("business_id", "email_key"),)

    email: Mapped[str] = mapped_column(String(320))
    email_key: Mapped[str] = mapped_column(String(320))
    full_name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(32))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class CspProfile(BusinessOwnedMixin, Base):
    """A Clinical Service Provider's profile: Details, Available Hours, Settings, Vacations."""

    __tablename__ = "csp_profiles"

    staff_id: Mapped[str] = mapped_column(
        ForeignKey("staff_accounts.id", ondelete="CASCADE"), unique=True
    )
    title: Mapped[str] = mapped_column(String(60), default="RN")
    default_time_zone: Mapped[str] = mapped_column(String(64))
    is_live: Mapped[bool] = mapped_column(Boolean, default=False)
    callout_advance_minutes: Mapped[int] = mapped_column(Integer, default=120)
    facility_advance_minutes: Mapped[int] = mapped_column(Integer, default=60)
    cash_payments_allowed: Mapped[bool] = mapped_column(Boolean, default=False)
    commission_rate_bp: Mapped[int] = mapped_column(Integer, default=3000)

    staff: Mapped[StaffAccount] = relationship(lazy="joined")
    hours: Mapped[list[CspHoursRange]] = relationship(
        back_populates="csp", cascade="all, delete-orphan", order_by="CspHoursRange.weekday"
    )
    vacations: Mapped[list[CspVacation]] = relationship(
        back_populates="csp", cascade="all, delete-orphan", order_by="CspVacation.starts_at"
    )


class CspHoursRange(BusinessOwnedMixin, Base):
    """One weekly range of a CSP's hours for one mode, in the CSP's own time zone."""

    __tablename__ = "csp_hours"
    __table_args__ = (
        CheckConstraint("end_minute > start_minute", name="range_order"),
        Index("ix_csp_hours_csp_mode", "csp_id", "mode", "weekday"),
    )

    csp_id: Mapped[str] = mapped_column(ForeignKey("csp_profiles.id", ondelete="CASCADE"))
    mode: Mapped[str] = mapped_column(String(16))  # callout | facility
    weekday: Mapped[int] = mapped_column(Integer)  # 0 = Monday
    start_minute: Mapped[int] = mapped_column(Integer)  # minutes after local midnight
    end_minute: Mapped[int] = mapped_column(Integer)

    csp: Mapped[CspProfile] = relationship(back_populates="hours")


class CspVacation(BusinessOwnedMixin, Base):
    """A vacation or block time: the CSP cannot be booked between the two instants."""

    __tablename__ = "csp_vacations"
    __table_args__ = (Index("ix_csp_vacations_csp_start", "csp_id", "starts_at"),)

    csp_id: Mapped[str] = mapped_column(ForeignKey("csp_profiles.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(String(200), default="")

    csp: Mapped[CspProfile] = relationship(back_populates="vacations")


class HcpProfile(BusinessOwnedMixin, Base):
    """A Healthcare Provider (MD/NP/PA): consultations, clearances, patient-specific approvals."""

    __tablename__ = "hcp_profiles"

    staff_id: Mapped[str] = mapped_column(
        ForeignKey("staff_accounts.id", ondelete="CASCADE"), unique=True
    )
    credentials: Mapped[str] = mapped_column(String(30))  # MD, NP, PA, DO
    npi_number: Mapped[str | None] = mapped_column(String(10))
    licensed_states: Mapped[str] = mapped_column(String(400), default="")  # "CA,NV,TX"
    time_zone: Mapped[str] = mapped_column(String(64), default="America/New_York")

    staff: Mapped[StaffAccount] = relationship(lazy="joined")


class Client(BusinessOwnedMixin, Base):
    """A client (patient). Email is the identity and never changes; *_key columns serve search."""

    __tablename__ = "clients"
    __table_args__ = (
        UniqueConstraint("business_id", "email_key"),
        Index("ix_clients_first_key", "business_id", "first_name_key"),
        Index("ix_clients_last_key", "business_id", "last_name_key"),
        Index("ix_clients_phone_digits", "business_id", "phone_digits"),
        # Covers the list's default order with the id, so 100,000 ids come straight off the index.
        Index("ix_clients_sort", "business_id", "last_name_key", "first_name_key", "id"),
    )

    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    first_name_key: Mapped[str] = mapped_column(String(100))
    last_name_key: Mapped[str] = mapped_column(String(100))
    email: Mapped[str] = mapped_column(String(320))
    email_key: Mapped[str] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(32))  # E.164
    phone_digits: Mapped[str | None] = mapped_column(String(20))  # national digits, for search
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    allergies: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    addresses: Mapped[list[ClientAddress]] = relationship(
        back_populates="client", cascade="all, delete-orphan", order_by="ClientAddress.created_at"
    )


class ClientAddress(BusinessOwnedMixin, Base):
    """Where a callout CSP goes."""

    __tablename__ = "client_addresses"

    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(60), default="Home")
    line1: Mapped[str] = mapped_column(String(200))
    line2: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(100))
    state: Mapped[str] = mapped_column(String(60), default="")
    postal_code: Mapped[str] = mapped_column(String(20), default="")
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)

    client: Mapped[Client] = relationship(back_populates="addresses")


class Service(BusinessOwnedMixin, Base):
    """Something the clinic sells: price in cents, duration, clinical gates."""

    __tablename__ = "services"
    __table_args__ = (
        UniqueConstraint("business_id", "name"),
        CheckConstraint("price_cents >= 0", name="price_not_negative"),
        CheckConstraint("duration_minutes > 0", name="duration_positive"),
    )

    name: Mapped[str] = mapped_column(String(120))
    category: Mapped[str] = mapped_column(String(60))
    description: Mapped[str] = mapped_column(Text, default="")
    price_cents: Mapped[int] = mapped_column(Integer)
    duration_minutes: Mapped[int] = mapped_column(Integer)
    needs_mse: Mapped[bool] = mapped_column(Boolean, default=False)
    patient_specific: Mapped[bool] = mapped_column(Boolean, default=False)
    commission_rate_bp: Mapped[int | None] = mapped_column(Integer)  # overrides the CSP's rate
    mse_validity_days: Mapped[int | None] = mapped_column(Integer)  # overrides the business's
    active: Mapped[bool] = mapped_column(Boolean, default=True)
