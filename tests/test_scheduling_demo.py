"""The demo clinic's week of bookings."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from hydreight_desktop.domain.availability import Mode
from hydreight_desktop.domain.booking_status import BookingStatus
from hydreight_desktop.domain.clock import utcnow, zone
from hydreight_desktop.services import demo
from hydreight_desktop.services import scheduling as sched
from hydreight_desktop.services.context import system_actor
from hydreight_desktop.services.demo_scheduling import seed_demo


def test_demo_week_has_group_bookings_in_both_modes_and_a_little_history(uow, monkeypatch):
    monkeypatch.setattr(demo, "CAPABILITY_SEEDERS", ())  # seed the bookings once, here
    info = demo.build_demo_clinic(uow)
    actor = system_actor(info.business_id)
    result = seed_demo(uow, actor)
    assert len(result.bookings) >= 15
    assert {b.mode for b in result.bookings} == {Mode.CALLOUT, Mode.FACILITY}
    assert max(len(b.clients) for b in result.bookings) >= 3
    assert all(b.start_at > utcnow() for b in result.bookings)
    assert all(b.booked_by_name == "Jamie Rivera" for b in result.bookings)
    assert result.cancelled == 2 and result.history == 3
    start = utcnow().astimezone(zone("America/New_York")).date() - timedelta(days=1)
    view = sched.list_schedule(uow, actor, start, 10, include_cancelled=True)
    statuses = Counter(b.status for c in view.columns for b in c.bookings)
    assert statuses[BookingStatus.COMPLETED] == 2 and statuses[BookingStatus.NO_SHOW] == 1
    assert statuses[BookingStatus.CANCELLED] == 2 and statuses[BookingStatus.CHECKED_IN] == 1
    not_live = [c for c in view.columns if not c.is_live]
    assert not_live and all(not c.bookings for c in not_live)
