"""The Overview screen's figures: what the clinic has set up, and today's bookings at a glance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from hydreight_desktop.domain.availability import Mode
from hydreight_desktop.domain.booking_status import BookingStatus
from hydreight_desktop.domain.clock import utcnow, zone
from hydreight_desktop.domain.roles import Permission
from hydreight_desktop.services.context import Actor
from hydreight_desktop.services.mse import pending_referrals
from hydreight_desktop.services.psf import pending_approvals
from hydreight_desktop.services.schedule_views import list_schedule
from hydreight_desktop.store.models import (
    Business,
    Client,
    CspProfile,
    HcpProfile,
    Service,
    StaffAccount,
)
from hydreight_desktop.store.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class TodayRow:
    """One of today's bookings, as the Overview lists them."""

    id: str
    start_at: datetime
    end_at: datetime
    csp_name: str
    csp_time_zone: str
    mode: Mode
    status: BookingStatus
    clients: str
    services: str


@dataclass(frozen=True, slots=True)
class Overview:
    clients: int
    csps_live: int
    csps_onboarding: int
    hcps: int
    active_services: int
    staff_accounts: int
    today: tuple[TodayRow, ...] = ()
    psf_waiting: int | None = None  # only for roles that decide them (HCPs, admins)
    referrals_waiting: int | None = None

    @property
    def bookings_today(self) -> int:
        return len(self.today)

    @property
    def still_to_come(self) -> int:
        now = utcnow()
        return sum(1 for row in self.today if row.end_at > now and row.status.holds_time)


def overview(uow: UnitOfWork, actor: Actor) -> Overview:
    bid = actor.business_id

    def count(model, *conditions) -> int:
        return (
            s.scalar(
                select(func.count()).select_from(model).where(model.business_id == bid, *conditions)
            )
            or 0
        )

    with uow.read() as s:
        clinic_zone = s.scalar(select(Business.time_zone).where(Business.id == bid))
        figures = dict(
            clients=count(Client),
            csps_live=count(CspProfile, CspProfile.is_live.is_(True)),
            csps_onboarding=count(CspProfile, CspProfile.is_live.is_(False)),
            hcps=count(HcpProfile),
            active_services=count(Service, Service.active.is_(True)),
            staff_accounts=count(StaffAccount, StaffAccount.active.is_(True)),
        )
    today = utcnow().astimezone(zone(clinic_zone)).date()
    view = list_schedule(uow, actor, today, 1)
    rows = sorted(
        (
            TodayRow(
                b.id,
                b.start_at,
                b.end_at,
                column.name,
                column.time_zone,
                b.mode,
                b.status,
                ", ".join(b.client_names),
                ", ".join(b.service_names),
            )
            for column in view.columns
            for b in column.bookings
        ),
        key=lambda r: r.start_at,
    )
    if actor.can(Permission.APPROVE_CLINICAL):
        figures["psf_waiting"] = len(pending_approvals(uow, actor))
        figures["referrals_waiting"] = len(pending_referrals(uow, actor))
    return Overview(**figures, today=tuple(rows))
