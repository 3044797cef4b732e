"""Demo rows for handouts: every provider's code, and some demo bookings credited to them."""

from __future__ import annotations

from sqlalchemy import select

from hydreight_desktop.services.context import Actor
from hydreight_desktop.services.link_codes import ACTIVE, ensure_link_codes
from hydreight_desktop.store.models import LinkCode
from hydreight_desktop.store.models.scheduling import Booking
from hydreight_desktop.store.uow import UnitOfWork

CREDIT_EVERY = 3  # one demo booking in three came through the provider's QR code


def seed_demo(uow: UnitOfWork, actor: Actor) -> int:
    """Give the demo business and CSPs their codes and credit a share of the demo bookings
    to them, so the Handouts screen shows real counts. Returns bookings credited."""
    ensure_link_codes(uow, actor)
    with uow.write(actor, "demo.link_codes") as s:
        codes = {
            row.csp_id: row.code
            for row in s.scalars(select(LinkCode).where(LinkCode.business_id == actor.business_id,
                                                        LinkCode.status == ACTIVE,
                                                        LinkCode.csp_id.is_not(None)))
        }
        bookings = s.scalars(
            select(Booking).where(Booking.business_id == actor.business_id,
                                  Booking.link_code.is_(None))
            .order_by(Booking.start_at)
        ).all()
        credited = 0
        for index, booking in enumerate(bookings):
            if index % CREDIT_EVERY == 0 and booking.csp_id in codes:
                booking.link_code = codes[booking.csp_id]
                credited += 1
        return credited
