"""Bookings: one CSP, one mode, one start, and one or more clients each with their services."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hydreight_desktop.store.base import Base, BusinessOwnedMixin, UTCDateTime


class Booking(BusinessOwnedMixin, Base):
    """A booking with a CSP. Times are UTC; ``status`` follows ``domain/booking_status.py``."""

    __tablename__ = "bookings"
    __table_args__ = (
        CheckConstraint("end_at > start_at", name="time_order"),
        CheckConstraint("mode IN ('callout', 'facility')", name="mode_known"),
        Index("ix_bookings_csp_start", "csp_id", "start_at"),
        Index("ix_bookings_business_start", "business_id", "start_at"),
    )

    csp_id: Mapped[str] = mapped_column(ForeignKey("csp_profiles.id", ondelete="RESTRICT"))
    mode: Mapped[str] = mapped_column(String(16))
    start_at: Mapped[datetime] = mapped_column(UTCDateTime)
    end_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16), default="booked")
    address: Mapped[str | None] = mapped_column(Text)
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    link_code: Mapped[str | None] = mapped_column(String(64))
    notes: Mapped[str] = mapped_column(Text, default="")
    booked_by_id: Mapped[str] = mapped_column(String(36))

    clients: Mapped[list[BookingClient]] = relationship(
        back_populates="booking",
        cascade="all, delete-orphan",
        order_by="BookingClient.position",
    )


class BookingClient(BusinessOwnedMixin, Base):
    """One client in a booking; ``position`` orders them (1 = the person who booked)."""

    __tablename__ = "booking_clients"
    __table_args__ = (
        Index("ix_booking_clients_booking", "booking_id", "position"),
        Index("ix_booking_clients_client", "client_id", "booking_id"),
    )

    booking_id: Mapped[str] = mapped_column(ForeignKey("bookings.id", ondelete="CASCADE"))
    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id", ondelete="RESTRICT"))
    position: Mapped[int] = mapped_column(Integer)

    booking: Mapped[Booking] = relationship(back_populates="clients")
    services: Mapped[list[BookingService]] = relationship(
        back_populates="booking_client",
        cascade="all, delete-orphan",
        order_by="BookingService.created_at",
    )


class BookingService(BusinessOwnedMixin, Base):
    """A service booked for one client; price and duration are kept as they were when booked."""

    __tablename__ = "booking_services"
    __table_args__ = (
        CheckConstraint("price_cents >= 0", name="price_not_negative"),
        CheckConstraint("duration_minutes > 0", name="duration_positive"),
        Index("ix_booking_services_booking_client", "booking_client_id"),
    )

    booking_client_id: Mapped[str] = mapped_column(
        ForeignKey("booking_clients.id", ondelete="CASCADE")
    )
    service_id: Mapped[str] = mapped_column(
        ForeignKey("services.id", ondelete="RESTRICT"), index=True
    )
    price_cents: Mapped[int] = mapped_column(Integer)
    duration_minutes: Mapped[int] = mapped_column(Integer)

    booking_client: Mapped[BookingClient] = relationship(back_populates="services")
