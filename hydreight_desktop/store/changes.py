"""Change capture: every flush of a synced row writes its outbox and audit rows.

Hooked on the Session class, so services never have to remember it and nothing
synced can change without a trace. Rows are written with Core inserts on the
flush's own connection: same transaction, committed or rolled back together.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import event, insert, inspect, text, update
from sqlalchemy.orm import Session

from hydreight_desktop.domain.clock import utcnow
from hydreight_desktop.domain.errors import DomainError
from hydreight_desktop.store.models.infra import AuditEntry, DeviceState, OutboxEntry


@dataclass(frozen=True, slots=True)
class Change:
    entity: str
    entity_id: str
    business_id: str
    op: str
    fields: dict[str, Any]
    base_version: int


def to_json_value(value: Any) -> Any:
    """A column value as JSON: instants and dates in ISO form, enums by value."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    return value


def _is_synced(obj: object) -> bool:
    return getattr(type(obj), "__synced__", False)


def _column_values(obj: object, only_changed: bool) -> dict[str, Any]:
    state = inspect(obj)
    values: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if only_changed and not state.attrs[key].history.has_changes():
            continue
        values[key] = to_json_value(getattr(obj, key))
    return values


def _collect_changes(session: Session) -> list[Change]:
    changes: list[Change] = []
    for obj in session.new:
        if _is_synced(obj):
            changes.append(_change(obj, "insert", _column_values(obj, only_changed=False)))
    for obj in session.dirty:
        if _is_synced(obj) and session.is_modified(obj, include_collections=False):
            fields = _column_values(obj, only_changed=True)
            fields.pop("updated_at", None)
            if fields:
                fields["updated_at"] = to_json_value(obj.updated_at)
                changes.append(_change(obj, "update", fields))
    for obj in session.deleted:
        if _is_synced(obj):
            changes.append(_change(obj, "delete", {}))
    return changes


def _change(obj: Any, op: str, fields: dict[str, Any]) -> Change:
    return Change(
        entity=obj.__tablename__,
        entity_id=obj.id,
        business_id=obj.owner_business_id(),
        op=op,
        fields=fields,
        base_version=obj.server_version or 0,
    )


def _refuse_ledger_edits(session: Session, flush_context, instances) -> None:
    for obj in list(session.dirty) + list(session.deleted):
        if getattr(type(obj), "__append_only__", False) and (
            obj in session.deleted or session.is_modified(obj, include_collections=False)
        ):
            raise DomainError(
                "This record is part of a permanent ledger and cannot be changed or deleted. "
                "Add a correcting entry instead."
            )


def _write_outbox_and_audit(session: Session, flush_context) -> None:
    changes = _collect_changes(session)
    if not changes:
        return
    actor = session.info.get("actor")
    if actor is None:
        raise RuntimeError("synced rows may only be written inside UnitOfWork.write(actor, action)")
    device_id = session.info["device_id"]
    action = session.info.get("action", "")
    conn = session.connection()
    last = conn.execute(
        update(DeviceState)
        .where(DeviceState.device_id == device_id)
        .values(last_seq=DeviceState.last_seq + len(changes))
        .returning(DeviceState.last_seq)
    ).scalar_one()
    first_seq = last - len(changes) + 1
    now = utcnow()
    conn.execute(
        insert(OutboxEntry),
        [
            {
                "device_id": device_id,
                "seq": first_seq + i,
                "business_id": c.business_id,
                "entity": c.entity,
                "entity_id": c.entity_id,
                "op": c.op,
                "fields": json.dumps(c.fields, separators=(",", ":")),
                "base_version": c.base_version,
                "created_at": now,
            }
            for i, c in enumerate(changes)
        ],
    )
    conn.execute(
        insert(AuditEntry),
        [
            {
                "business_id": c.business_id,
                "at": now,
                "actor_id": actor.user_id,
                "actor_name": actor.name,
                "actor_role": str(actor.role),
                "action": action,
                "entity": c.entity,
                "entity_id": c.entity_id,
                "op": c.op,
                "changed_fields": ",".join(k for k in c.fields if k != "updated_at"),
            }
            for c in changes
        ],
    )


def install_change_capture(session_class: type[Session]) -> None:
    """Attach the hooks to a Session class (idempotent)."""
    if not event.contains(session_class, "after_flush", _write_outbox_and_audit):
        event.listen(session_class, "before_flush", _refuse_ledger_edits)
        event.listen(session_class, "after_flush", _write_outbox_and_audit)


def ensure_device(session: Session, device_id: str) -> str:
    """Make sure the device row exists and return this store's device id."""
    existing = session.execute(text("SELECT device_id FROM device_state LIMIT 1")).scalar()
    if existing:
        return existing
    session.add(DeviceState(device_id=device_id, last_seq=0, sync_cursor=0))
    session.flush()
    return device_id
