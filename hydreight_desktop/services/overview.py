"""The Overview screen's figures: what the clinic has set up, at a glance."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from hydreight_desktop.services.context import Actor
from hydreight_desktop.store.models import Client, CspProfile, HcpProfile, Service, StaffAccount
from hydreight_desktop.store.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class Overview:
    clients: int
    csps_live: int
    csps_onboarding: int
    hcps: int
    active_services: int
    staff_accounts: int


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
        return Overview(
            clients=count(Client),
            csps_live=count(CspProfile, CspProfile.is_live.is_(True)),
            csps_onboarding=count(CspProfile, CspProfile.is_live.is_(False)),
            hcps=count(HcpProfile),
            active_services=count(Service, Service.active.is_(True)),
            staff_accounts=count(StaffAccount, StaffAccount.active.is_(True)),
        )
