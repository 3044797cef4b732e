"""What the status bar says about sync: changes waiting to be sent and the last successful sync."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from hydreight_desktop.services.context import Actor
from hydreight_desktop.store.models import DeviceState, OutboxEntry
from hydreight_desktop.store.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class SyncStatus:
    pending_changes: int
    server_url: str | None
    last_synced_at: datetime | None

    @property
    def configured(self) -> bool:
        return bool(self.server_url)


def sync_status(uow: UnitOfWork, actor: Actor) -> SyncStatus:
    with uow.read() as s:
        pending = s.scalar(
            select(func.count())
            .select_from(OutboxEntry)
            .where(OutboxEntry.pushed_at.is_(None), OutboxEntry.business_id == actor.business_id)
        )
        device = s.scalars(select(DeviceState).limit(1)).first()
        return SyncStatus(
            pending_changes=pending or 0,
            server_url=device.server_url if device else None,
            last_synced_at=device.last_synced_at if device else None,
        )
