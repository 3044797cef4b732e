"""slot_search: all slots of one CSP over 30 days in a store holding 200,000 bookings, against
the bare indexed SQL fetch of that CSP's bookings in the same range (same run, interleaved).

The store is generated once with bulk Core inserts and cached under the temp folder
(``cache_dir()``); its file name carries the schema heads, so a new migration rebuilds it.
"""

from __future__ import annotations

import hashlib
import random
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from alembic.script import ScriptDirectory
from sqlalchemy import insert, select

from bench.common import BenchResult, cache_dir, interleaved_medians
from hydreight_desktop.domain.ids import new_id
from hydreight_desktop.domain.roles import Role
from hydreight_desktop.services import scheduling as sched
from hydreight_desktop.services.context import Actor
from hydreight_desktop.store.engine import alembic_config, open_store
from hydreight_desktop.store.models import (
    Booking,
    BookingClient,
    BookingService,
    Business,
    Client,
    CspHoursRange,
    CspProfile,
    Service,
    StaffAccount,
)
from hydreight_desktop.store.uow import UnitOfWork

BOOKINGS = 200_000
CSPS = 50
CLIENTS = 5_000
PER_DAY = 6  # bookings per CSP per working day: every two hours from 8 AM
ZONE = "America/New_York"
DAYS = 30
GOAL = 5.0
SEED = 20261203


def _store_path() -> Path:
    heads = ScriptDirectory.from_config(alembic_config(Path("x.sqlite"))).get_heads()
    key = hashlib.sha1(",".join(sorted(heads)).encode()).hexdigest()[:10]
    return cache_dir() / f"slot-search-{BOOKINGS}-{key}.sqlite"


def _chunks(rows: list[dict], size: int = 20_000):
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def _people(conn, business_id: str) -> tuple[list[str], str, list[str]]:
    """50 live CSPs working 8 AM to 8 PM every day in both modes, an admin, 5,000 clients.

    Only the columns that matter are given; the models' defaults fill in the rest.
    """
    owned = {"business_id": business_id}
    staff = [
        dict(id=new_id(), email=f"csp{i}@bench.example.com", email_key=f"csp{i}@bench.example.com",
             full_name=f"CSP {i:03d}", role=Role.CSP.value, password_hash="-", **owned)
        for i in range(CSPS)
    ]  # fmt: skip
    admin_id = new_id()
    staff.append(dict(id=admin_id, email="admin@bench.example.com",
                      email_key="admin@bench.example.com", full_name="Bench Admin",
                      role=Role.ADMIN.value, password_hash="-", **owned))  # fmt: skip
    csps = [
        dict(id=new_id(), staff_id=row["id"], default_time_zone=ZONE, is_live=True,
             callout_advance_minutes=0, facility_advance_minutes=0, **owned)
        for row in staff[:CSPS]
    ]  # fmt: skip
    hours = [
        dict(csp_id=c["id"], mode=mode, weekday=d, start_minute=8 * 60, end_minute=20 * 60,
             **owned)
        for c in csps for mode in ("callout", "facility") for d in range(7)
    ]  # fmt: skip
    clients = [
        dict(id=new_id(), first_name=f"First{i}", last_name=f"Last{i}", first_name_key=f"first{i}",
             last_name_key=f"last{i}", email=f"client{i}@bench.example.com",
             email_key=f"client{i}@bench.example.com", **owned)
        for i in range(CLIENTS)
    ]  # fmt: skip
    for table, rows in (
        (StaffAccount, staff), (CspProfile, csps), (CspHoursRange, hours), (Client, clients)
    ):  # fmt: skip
        conn.execute(insert(table), rows)
    return [c["id"] for c in csps], admin_id, [c["id"] for c in clients]


def _bookings(conn, business_id: str, csp_ids, admin_id, client_ids, service_id) -> None:
    """200,000 bookings: six a day per CSP, every two hours from 8 AM, two thirds of them in
    the past; each with one client and one service, as the booking service would write them."""
    rng = random.Random(SEED)
    tz = ZoneInfo(ZONE)
    per_csp = BOOKINGS // CSPS
    span_days = per_csp // PER_DAY + 1
    first_day = datetime.now(tz).date() - timedelta(days=span_days * 2 // 3)
    owned = {"business_id": business_id}
    bookings, links, lines = [], [], []
    for csp_id in csp_ids:
        for n in range(per_csp):
            day, k = first_day + timedelta(days=n // PER_DAY), n % PER_DAY
            start = datetime.combine(day, time(8 + 2 * k, rng.choice((0, 15, 30))), tzinfo=tz)
            minutes = rng.choice((45, 60, 75))
            booking_id, link_id = new_id(), new_id()
            bookings.append(
                dict(id=booking_id, csp_id=csp_id, mode=rng.choice(("callout", "facility")),
                     start_at=start, end_at=start + timedelta(minutes=minutes),
                     status=rng.choice(("booked",) * 8 + ("cancelled", "completed")),
                     address="1 Main St", booked_by_id=admin_id, **owned)
            )  # fmt: skip
            links.append(dict(id=link_id, booking_id=booking_id,
                              client_id=rng.choice(client_ids), position=1, **owned))  # fmt: skip
            lines.append(dict(booking_client_id=link_id, service_id=service_id,
                              price_cents=15000, duration_minutes=minutes, **owned))  # fmt: skip
    for table, rows in ((Booking, bookings), (BookingClient, links), (BookingService, lines)):
        for chunk in _chunks(rows):
            conn.execute(insert(table), chunk)


def generate(path: Path) -> None:
    """Fill a fresh store with bulk Core inserts in one transaction (about 15 s)."""
    tmp = path.with_suffix(".partial")
    tmp.unlink(missing_ok=True)
    store = open_store(tmp)
    try:
        business_id = new_id()
        with store.write_engine.begin() as conn:
            conn.execute(
                insert(Business),
                [dict(id=business_id, name="Bench Clinic", time_zone=ZONE,
                      travel_buffer_minutes=30, booking_window_days=730)],
            )  # fmt: skip
            csp_ids, admin_id, client_ids = _people(conn, business_id)
            service_id = new_id()
            conn.execute(
                insert(Service),
                [dict(id=service_id, business_id=business_id, name="Energy IV", category="IV",
                      price_cents=15000, duration_minutes=60)],
            )  # fmt: skip
            _bookings(conn, business_id, csp_ids, admin_id, client_ids, service_id)
    finally:
        store.close()
    tmp.replace(path)


def bench_store() -> Path:
    path = _store_path()
    if not path.exists():
        for stale in cache_dir().glob(f"slot-search-{BOOKINGS}-*.sqlite"):
            stale.unlink()  # built for an older schema
        generate(path)
    return path


def run() -> BenchResult:
    store = open_store(bench_store())
    try:
        uow = UnitOfWork(store)
        with store.read_engine.connect() as conn:
            business_id, tz = conn.execute(select(Business.id, Business.time_zone)).one()
            admin_id = conn.execute(
                select(StaffAccount.id).where(StaffAccount.role == Role.ADMIN.value)
            ).scalar_one()
            csp_id = conn.execute(
                select(CspProfile.id).order_by(CspProfile.id).limit(1)
            ).scalar_one()
        actor = Actor(admin_id, business_id, Role.ADMIN, "Bench", "bench@bench.example.com")
        first: date = datetime.now(ZoneInfo(tz)).date() + timedelta(days=1)
        last = first + timedelta(days=DAYS - 1)
        lo = datetime.combine(first, time(0), tzinfo=ZoneInfo(tz)).astimezone(UTC)
        hi = datetime.combine(last + timedelta(days=1), time(0), tzinfo=ZoneInfo(tz)).astimezone(
            UTC
        )
        bare = select(Booking.id, Booking.start_at, Booking.end_at, Booking.mode).where(
            Booking.csp_id == csp_id, Booking.start_at >= lo, Booking.start_at < hi
        )

        def measured() -> None:
            slots = sched.find_slots(uow, actor, csp_id, "callout", 60, first, last)
            assert slots

        def baseline() -> None:
            with store.read_engine.connect() as conn:
                rows = conn.execute(bare).all()
            assert rows

        value, base = interleaved_medians(measured, baseline, repeat=15)
        return BenchResult("slot_search", value, base, GOAL, "s")
    finally:
        store.close()


if __name__ == "__main__":
    print(run().as_dict())
