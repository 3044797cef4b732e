"""The demo clinic a newcomer opens in one click, and a generator of large client lists.

Everything in ``build_demo_clinic`` goes through the real service functions, so the demo obeys
the same rules (and leaves the same audit trail) as a clinic's own data.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, insert, select

from hydreight_desktop.domain.clients import search_key
from hydreight_desktop.domain.clock import utcnow, zone
from hydreight_desktop.domain.ids import new_id
from hydreight_desktop.domain.providers import HoursRange, Mode
from hydreight_desktop.domain.roles import Role
from hydreight_desktop.services import catalog, clients, providers, staff
from hydreight_desktop.services.business import BusinessSettings, NewBusiness, create_business
from hydreight_desktop.services.context import Actor, system_actor
from hydreight_desktop.services.demo_accounts import (
    DEMO_ADMIN,
    DEMO_FRONT_DESK,
    DEMO_HCP,
    DEMO_PASSWORD,
)
from hydreight_desktop.services.demo_data import (
    DEMO_CLIENTS,
    DEMO_CSPS,
    DEMO_SERVICES,
    EMAIL_DOMAINS,
    FIRST_NAMES,
    LAST_NAMES,
    PHONE_AREAS,
    DemoCsp,
)
from hydreight_desktop.store.models import Client
from hydreight_desktop.store.uow import UnitOfWork

DEMO_BUSINESS_NAME = "Hydreight Demo Clinic"
ADMIN_EMAIL = DEMO_ADMIN.email
FRONT_DESK_EMAIL = DEMO_FRONT_DESK.email
HCP_EMAIL = DEMO_HCP.email
HCP_NPI = "1234567893"


@dataclass(frozen=True, slots=True)
class DemoLogin:
    """A sign-in the demo's login screen shows, so a newcomer is inside in one click."""

    role: Role
    name: str
    email: str
    password: str


@dataclass(frozen=True, slots=True)
class DemoInfo:
    business_id: str
    business_name: str
    logins: tuple[DemoLogin, ...]
    csp_ids: tuple[str, ...]
    hcp_id: str
    client_ids: tuple[str, ...]
    service_ids: dict[str, str] = field(default_factory=dict)  # name -> id

    def login_for(self, role: Role) -> DemoLogin:
        return next(login for login in self.logins if login.role == role)

    @property
    def admin(self) -> DemoLogin:
        return self.login_for(Role.ADMIN)

    @property
    def front_desk(self) -> DemoLogin:
        return self.login_for(Role.FRONT_DESK)


def _hours(days: tuple[int, ...], *spans: tuple[float, float]) -> list[HoursRange]:
    """Ranges on each day: spans in hours (9.5 = 9:30 AM)."""
    return [HoursRange(d, int(a * 60), int(b * 60)) for d in days for a, b in spans]


def _next_week_vacation(tz: str, today: date) -> tuple[datetime, datetime]:
    """Monday to Wednesday of next week, whole days in the CSP's zone."""
    monday = today + timedelta(days=7 - today.weekday())
    start = datetime.combine(monday, time(0, 0), zone(tz))
    return start, datetime.combine(monday + timedelta(days=3), time(0, 0), zone(tz))


def _add_csp(uow: UnitOfWork, actor: Actor, spec: DemoCsp, today: date) -> str:
    record = providers.create_csp(
        uow,
        actor,
        providers.NewCspForm(
            spec.email, spec.name, spec.phone, DEMO_PASSWORD, spec.time_zone, spec.title, spec.live
        ),
    )
    for mode, groups in ((Mode.CALLOUT, spec.callout), (Mode.FACILITY, spec.facility)):
        ranges = [r for days, spans in groups for r in _hours(days, *spans)]
        providers.set_csp_hours(uow, actor, record.id, mode, ranges)
    providers.update_csp_settings(
        uow,
        actor,
        record.id,
        providers.CspSettings(
            spec.callout_advance, spec.facility_advance, spec.cash, spec.commission_bp
        ),
    )
    if spec.vacation_reason:
        start, end = _next_week_vacation(spec.time_zone, today)
        providers.add_vacation(uow, actor, record.id, start, end, spec.vacation_reason)
    return record.id


# Each capability adds its demo rows after the set-up above, in this order (bookings first:
# later seeders credit or conduct them).
CAPABILITY_SEEDERS = (
    "hydreight_desktop.services.demo_scheduling",
    "hydreight_desktop.services.demo_clinical",
    "hydreight_desktop.services.demo_handouts",
)


def capability_seeders():
    """The ``seed_demo(uow, actor)`` functions of the capabilities, in order."""
    import importlib

    return [importlib.import_module(name).seed_demo for name in CAPABILITY_SEEDERS]


def build_demo_clinic(uow: UnitOfWork, today: date | None = None) -> DemoInfo:
    """A complete demo business: staff, 4 CSPs in two zones, an HCP, services, 30 clients."""
    business = create_business(
        uow,
        NewBusiness(
            settings=BusinessSettings(
                name=DEMO_BUSINESS_NAME,
                time_zone="America/New_York",
                phone="(305) 555-0100",
                address="1200 Brickell Ave, Suite 300, Miami, FL 33131",
            ),
            admin_name="Alex Morgan",
            admin_email=ADMIN_EMAIL,
            admin_password=DEMO_PASSWORD,
        ),
        is_demo=True,
    )
    actor = system_actor(business.id)
    today = today or utcnow().astimezone(zone(business.time_zone)).date()
    staff.create_staff(
        uow,
        actor,
        staff.NewStaffForm(
            FRONT_DESK_EMAIL, "Jamie Rivera", "(305) 555-0101", Role.FRONT_DESK, DEMO_PASSWORD
        ),
    )
    csp_ids = tuple(_add_csp(uow, actor, spec, today) for spec in DEMO_CSPS)
    hcp = providers.create_hcp(
        uow,
        actor,
        providers.NewHcpForm(
            HCP_EMAIL,
            DEMO_PASSWORD,
            providers.HcpDetails(
                "Sarah Patel", "(305) 555-0150", "MD", HCP_NPI, "FL, NY, CA, NV, TX",
                "America/New_York",
            ),
        ),
    )  # fmt: skip
    service_ids = {}
    for spec in DEMO_SERVICES:
        record = catalog.create_service(uow, actor, spec)
        service_ids[record.name] = record.id
    client_ids = tuple(clients.create_client(uow, actor, form).id for form in DEMO_CLIENTS)
    logins = (
        DemoLogin(Role.ADMIN, "Alex Morgan", ADMIN_EMAIL, DEMO_PASSWORD),
        DemoLogin(Role.FRONT_DESK, "Jamie Rivera", FRONT_DESK_EMAIL, DEMO_PASSWORD),
        *(DemoLogin(Role.CSP, c.name, c.email, DEMO_PASSWORD) for c in DEMO_CSPS),
        DemoLogin(Role.HCP, "Sarah Patel", HCP_EMAIL, DEMO_PASSWORD),
    )
    for seed in capability_seeders():
        seed(uow, actor)
    return DemoInfo(
        business_id=business.id,
        business_name=business.name,
        logins=logins,
        csp_ids=csp_ids,
        hcp_id=hcp.id,
        client_ids=client_ids,
        service_ids=service_ids,
    )


# ---------------------------------------------------------------- large stores

GENERATE_BATCH = 10_000


def _generated_rows(
    business_id: str, count: int, start: int, seed: int
) -> Iterator[dict[str, object]]:
    rng = random.Random(seed)
    keys = {name: search_key(name) for name in (*FIRST_NAMES, *LAST_NAMES)}
    now = utcnow()
    first_birthday = date(1945, 1, 1).toordinal()
    for n in range(start, start + count):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        local = f"{keys[first]}.{keys[last]}.{n}".replace(" ", "").replace("'", "")
        email = f"{local}@{rng.choice(EMAIL_DOMAINS)}"
        digits = f"{rng.choice(PHONE_AREAS)}{rng.randint(201, 989)}{rng.randint(0, 9999):04d}"
        yield {
            "id": new_id(),
            "business_id": business_id,
            "created_at": now,
            "updated_at": now,
            "server_version": 0,
            "first_name": first,
            "last_name": last,
            "first_name_key": keys[first],
            "last_name_key": keys[last],
            "email": email,
            "email_key": email,
            "phone": f"+1{digits}",
            "phone_digits": digits,
            "date_of_birth": date.fromordinal(first_birthday + rng.randint(0, 60 * 365)),
            "allergies": "",
            "notes": "",
        }


def generate_clients(uow: UnitOfWork, business_id: str, count: int, seed: int = 2026) -> int:
    """Add ``count`` made-up clients quickly (``--demo-scale N``, benchmarks, load tests).

    Rows go in with Core bulk inserts in batches inside one transaction: about 100,000 clients
    in a few seconds. These generated rows are local demo data and deliberately skip the outbox
    and audit trail (change capture hooks the ORM flush, which bulk inserts bypass), so they
    are never pushed to a server. Emails carry a running number, so they stay unique even when
    called again on the same business. Returns how many clients were added.
    """
    if count <= 0:
        return 0
    table = Client.__table__
    with uow.write(system_actor(business_id), "demo.generate_clients") as s:
        start = s.scalar(
            select(func.count()).select_from(Client).where(Client.business_id == business_id)
        )
        conn = s.connection()
        batch: list[dict[str, object]] = []
        for row in _generated_rows(business_id, count, start or 0, seed):
            batch.append(row)
            if len(batch) == GENERATE_BATCH:
                conn.execute(insert(table), batch)
                batch = []
        if batch:
            conn.execute(insert(table), batch)
    return count
