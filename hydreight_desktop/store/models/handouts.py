"""Booking-link codes: the business's code and each CSP's own code (issue 5).

A code is never deleted: regenerating retires the old one (it stops being
printed or offered) but it still resolves, so bookings made with an old
handout keep their credit.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from hydreight_desktop.domain.clock import utcnow
from hydreight_desktop.store.base import Base, BusinessOwnedMixin, UTCDateTime


class LinkCode(BusinessOwnedMixin, Base):
    """One booking-link code: the business's (``csp_id`` empty) or a CSP's."""

    __tablename__ = "link_codes"
    __table_args__ = (Index("ix_link_codes_owner", "business_id", "csp_id", "status"),)

    code: Mapped[str] = mapped_column(String(16), unique=True)
    csp_id: Mapped[str | None] = mapped_column(
        ForeignKey("csp_profiles.id", ondelete="CASCADE"), nullable=True
    )
    status: Mapped[str] = mapped_column(String(16), default="active")  # active | retired
    activated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    retired_by_id: Mapped[str | None] = mapped_column(String(36))
