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


def generate(path: Path) -> None:
    """Fill a fresh store: one business, 50 CSPs, 5,000 clients, 200,000 bookings."""
    rng = random.Random(SEED)
    tmp = path.with_suffix(".partial")
    tmp.unlink(missing_ok=True)
    store = open_store(tmp)
    now = datetime.now(UTC).replace(microsecond=0)
    stamp = dict(created_at=now, updated_at=now, server_version=0)
    business_id = new_id()
    with store.write_engine.begin() as conn:
        conn.execute(
            insert(Business),
            [
                dict(
                    id=business_id,
                    name="Bench Clinic",
                    time_zone=ZONE,
                    currency="USD",
                    locale="en_US",
                    booking_link_base="https://booking.hydreight.com/widget-business/",
                    travel_buffer_minutes=30,
                    booking_window_days=730,
                    multi_client_timing="sequential",
                    extra_client_setup_minutes=10,
                    slot_step_minutes=15,
                    mse_validity_days=365,
                    is_demo=False,
                    **stamp,
                )
            ],
        )
        owned = dict(business_id=business_id, **stamp)
        staff, csps, hours = [], [], []
        for i in range(CSPS + 1):
            staff_id = new_id()
            staff.append(
                dict(
                    id=staff_id,
                    email=f"csp{i}@bench.example.com",
                    email_key=f"csp{i}@bench.example.com",
                    full_name=f"CSP {i:03d}",
                    role=(Role.ADMIN if i == CSPS else Role.CSP).value,
                    password_hash="-",
                    active=True,
                    **owned,
                )
            )
            if i == CSPS:
                break
            csp_id = new_id()
            csps.append(
                dict(
                    id=csp_id,
                    staff_id=staff_id,
                    title="RN",
                    default_time_zone=ZONE,
                    is_live=True,
                    callout_advance_minutes=0,
                    facility_advance_minutes=0,
                    cash_payments_allowed=False,
                    commission_rate_bp=3000,
                    **owned,
                )
            )
            for mode in ("callout", "facility"):
                hours.extend(
                    dict(
                        id=new_id(),
                        csp_id=csp_id,
                        mode=mode,
                        weekday=d,
                        start_minute=8 * 60,
                        end_minute=20 * 60,
                        **owned,
                    )
                    for d in range(7)
                )
        conn.execute(insert(StaffAccount), staff)
        conn.execute(insert(CspProfile), csps)
        conn.execute(insert(CspHoursRange), hours)
        clients = [
            dict(
                id=new_id(),
                first_name=f"First{i}",
                last_name=f"Last{i}",
                first_name_key=f"first{i}",
                last_name_key=f"last{i}",
                email=f"client{i}@bench.example.com",
                email_key=f"client{i}@bench.example.com",
                allergies="",
                notes="",
                **owned,
            )
            for i in range(CLIENTS)
        ]
        conn.execute(insert(Client), clients)
        service = dict(
            id=new_id(),
            name="Energy IV",
            category="IV",
            description="",
            price_cents=15000,
            duration_minutes=60,
            needs_mse=False,
            patient_specific=False,
            active=True,
            **owned,
        )
        conn.execute(insert(Service), [service])
        tz = ZoneInfo(ZONE)
        per_csp = BOOKINGS // CSPS
        span_days = per_csp // PER_DAY + 1
        first_day = now.astimezone(tz).date() - timedelta(days=span_days * 2 // 3)
        bookings, links, lines = [], [], []
        for csp in csps:
            made = 0
            day = first_day
            while made < per_csp:
                for k in range(PER_DAY):
                    if made >= per_csp:
                        break
                    start = datetime.combine(
                        day, time(8 + 2 * k, rng.choice((0, 15, 30))), tzinfo=tz
                    )
                    minutes = rng.choice((45, 60, 75))
                    booking_id, link_id = new_id(), new_id()
                    bookings.append(
                        dict(
                            id=booking_id,
                            csp_id=csp["id"],
                            mode=rng.choice(("callout", "facility")),
                            start_at=start,
                            end_at=start + timedelta(minutes=minutes),
                            status=rng.choice(("booked",) * 8 + ("cancelled", "completed")),
                            address="1 Main St",
                            notes="",
                            booked_by_id=staff[-1]["id"],
                            **owned,
                        )
                    )
                    links.append(
                        dict(
                            id=link_id,
                            booking_id=booking_id,
                            client_id=rng.choice(clients)["id"],
                            position=1,
                            **owned,
                        )
                    )
                    lines.append(
                        dict(
                            id=new_id(),
                            booking_client_id=link_id,
                            service_id=service["id"],
                            price_cents=15000,
                            duration_minutes=minutes,
                            **owned,
                        )
                    )
                    made += 1
                day += timedelta(days=1)
        for table, rows in ((Booking, bookings), (BookingClient, links), (BookingService, lines)):
            for chunk in _chunks(rows):
                conn.execute(insert(table), chunk)
    store.close()
    tmp.replace(path)


def bench_store() -> Path:
    path = _store_path()
    if not path.exists():
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
