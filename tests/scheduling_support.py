"""Shared builders for the scheduling rule tests: a CSP calendar and New York times."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from hydreight_desktop.domain.availability import (
    Block,
    BookingRules,
    BusyBooking,
    CspCalendar,
    Mode,
    WeeklyHours,
    find_slots,
)
from hydreight_desktop.services.context import Actor

NY = ZoneInfo("America/New_York")
LA = ZoneInfo("America/Los_Angeles")
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)  # Tue 1 Dec 2026, 7:00 AM in New York
RULES = BookingRules(clinic_time_zone="America/New_York", travel_buffer_minutes=30)


def every_day(mode: Mode, start_h: int, end_h: int) -> tuple[WeeklyHours, ...]:
    return tuple(WeeklyHours(mode, d, start_h * 60, end_h * 60) for d in range(7))


def calendar(**overrides) -> CspCalendar:
    values = dict(
        csp_id="csp-1",
        name="Jane Rivera",
        time_zone="America/New_York",
        is_live=True,
        hours=every_day(Mode.CALLOUT, 9, 17) + every_day(Mode.FACILITY, 9, 17),
        callout_advance_minutes=0,
        facility_advance_minutes=0,
    )
    values.update(overrides)
    return CspCalendar(**values)


def ny(day: int, hour: int, minute: int = 0, month: int = 12, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=NY).astimezone(UTC)


def local_starts(slots, tz=NY) -> list[str]:
    return [s.start.astimezone(tz).strftime("%H:%M") for s in slots]


def slots_on(cal, day, duration=60, mode=Mode.CALLOUT, rules=RULES, now=NOW, month=12, year=2026):
    start = datetime(year, month, day, tzinfo=NY)
    return find_slots(
        cal,
        mode,
        duration,
        start.astimezone(UTC),
        (start + timedelta(days=1)).astimezone(UTC),
        now,
        rules,
    )


# --------------------------------------------------------------------------- a clinic in a store


@dataclass(frozen=True)
class SchedulingClinic:
    """A clinic set up through the back-office services, ready for booking tests."""

    admin: Actor
    desk: Actor
    jane: str  # live CSP in New York, callout and facility 8 AM to 8 PM every day
    leo: str  # live CSP in Los Angeles, callout 8 AM to 5 PM every day
    sam: str  # CSP still onboarding (not live)
    jane_actor: Actor
    clients: tuple[str, ...]  # five clients
    iv: str  # 60 min, $150
    nad: str  # 90 min, $300
    b12: str  # 15 min, $35
    glp1: str  # 30 min, $250, patient-specific
    retired: str  # inactive service
    day: date  # a clinic day three days ahead


def clinic_at(clinic: SchedulingClinic, hour: int, minute: int = 0, days: int = 0) -> datetime:
    """An instant on the clinic's test day, in New York time."""
    return datetime.combine(clinic.day + timedelta(days=days), time(hour, minute), tzinfo=NY)


def build_scheduling_clinic(uow, admin: Actor) -> SchedulingClinic:
    from hydreight_desktop.domain.providers import HoursRange
    from hydreight_desktop.domain.roles import Role
    from hydreight_desktop.services.catalog import ServiceForm, create_service, set_active
    from hydreight_desktop.services.clients import ClientForm, create_client
    from hydreight_desktop.services.providers import NewCspForm, create_csp, set_csp_hours
    from hydreight_desktop.services.staff import NewStaffForm, create_staff

    def csp(name, email, tz, live, modes, start_h, end_h):
        rec = create_csp(
            uow, admin, NewCspForm(email, name, None, "long-enough-pass-42", tz, "RN", live)
        )
        for mode in modes:
            set_csp_hours(
                uow,
                admin,
                rec.id,
                mode,
                [HoursRange(d, start_h * 60, end_h * 60) for d in range(7)],
            )
        return rec

    jane = csp(
        "Jane Rivera",
        "jane@glowclinic.com",
        "America/New_York",
        True,
        ["callout", "facility"],
        8,
        20,
    )
    leo = csp("Leo Park", "leo@glowclinic.com", "America/Los_Angeles", True, ["callout"], 8, 17)
    sam = csp("Sam Onboarding", "sam@glowclinic.com", "America/New_York", False, ["callout"], 8, 20)
    desk_rec = create_staff(
        uow,
        admin,
        NewStaffForm(
            "desk@glowclinic.com", "Dana Desk", None, Role.FRONT_DESK, "long-enough-pass-42"
        ),
    )
    desk = Actor(
        desk_rec.id, admin.business_id, Role.FRONT_DESK, "Dana Desk", "desk@glowclinic.com"
    )
    jane_actor = Actor(
        jane.staff_id, admin.business_id, Role.CSP, "Jane Rivera", "jane@glowclinic.com"
    )
    names = [
        ("Maria", "Lopez"),
        ("Tom", "Lopez"),
        ("Ana", "Lopez"),
        ("Ben", "Lopez"),
        ("Ivy", "Chen"),
    ]
    clients = tuple(
        create_client(
            uow, admin, ClientForm(first, last, f"{first.lower()}.{last.lower()}@example.com")
        ).id
        for first, last in names
    )

    def service(name, minutes, cents, psf=False):
        return create_service(
            uow, admin, ServiceForm(name, "IV Therapy", cents, minutes, patient_specific=psf)
        ).id

    retired = service("Old Drip", 45, 9000)
    set_active(uow, admin, retired, False)
    today = datetime.now(NY).date()
    return SchedulingClinic(
        admin=admin,
        desk=desk,
        jane=jane.id,
        leo=leo.id,
        sam=sam.id,
        jane_actor=jane_actor,
        clients=clients,
        iv=service("Energy IV", 60, 15000),
        nad=service("NAD+ IV", 90, 30000),
        b12=service("B12 Shot", 15, 3500),
        glp1=service("GLP-1 Start", 30, 25000, psf=True),
        retired=retired,
        day=today + timedelta(days=3),
    )


# --------------------------------------------------------------------------- hypothesis

quarter_hours = st.integers(min_value=0, max_value=14 * 24 * 4)


@st.composite
def busy_calendars(draw):
    base = ny(2, 0)
    bookings = []
    for i, (q, length, mode) in enumerate(
        draw(
            st.lists(
                st.tuples(quarter_hours, st.integers(1, 16), st.sampled_from(Mode)), max_size=25
            )
        )
    ):
        start = base + timedelta(minutes=15 * q)
        bookings.append(BusyBooking(f"b{i}", start, start + timedelta(minutes=15 * length), mode))
    blocks = []
    for q, length in draw(st.lists(st.tuples(quarter_hours, st.integers(1, 200)), max_size=4)):
        start = base + timedelta(minutes=7 * q)
        blocks.append(Block(start, start + timedelta(minutes=15 * length)))
    zone_name = draw(st.sampled_from(["America/New_York", "America/Los_Angeles", "Europe/London"]))
    hours = tuple(
        WeeklyHours(draw(st.sampled_from(Mode)), d, s * 30, s * 30 + n * 30)
        for d, s, n in draw(
            st.lists(
                st.tuples(st.integers(0, 6), st.integers(0, 40), st.integers(1, 8)), max_size=10
            )
        )
    )
    return calendar(
        time_zone=zone_name, hours=hours, bookings=tuple(bookings), blocks=tuple(blocks)
    )
