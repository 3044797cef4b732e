"""Every committed change of a synced row leaves an outbox entry and an audit entry, atomically."""

import json
import shutil

import pytest
from sqlalchemy import select

from hydreight_desktop.domain.errors import DomainError
from hydreight_desktop.store.engine import open_store
from hydreight_desktop.store.models import AuditEntry, OutboxEntry, Service


def _outbox(uow):
    with uow.read() as s:
        return list(s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))


def test_insert_update_delete_each_write_an_outbox_entry_with_the_changed_fields(uow, admin):
    before = len(_outbox(uow))
    with uow.write(admin, "service.create") as s:
        row = Service(
            business_id=admin.business_id,
            name="Energy IV",
            category="IV",
            price_cents=15000,
            duration_minutes=45,
        )
        s.add(row)
    with uow.write(admin, "service.update") as s:
        s.get(Service, row.id).price_cents = 17500
    with uow.write(admin, "service.delete") as s:
        s.delete(s.get(Service, row.id))

    entries = _outbox(uow)[before:]
    assert [e.op for e in entries] == ["insert", "update", "delete"]
    assert all(e.entity == "services" and e.entity_id == row.id for e in entries)
    assert json.loads(entries[0].fields)["price_cents"] == 15000
    update_fields = json.loads(entries[1].fields)
    assert update_fields["price_cents"] == 17500 and "name" not in update_fields
    seqs = [e.seq for e in entries]
    assert seqs == list(range(seqs[0], seqs[0] + 3)), "per-device sequence has no gaps"
    assert {e.device_id for e in entries} == {uow.store.device_id}


def test_audit_records_who_did_what_to_which_record(uow, admin):
    with uow.write(admin, "service.create") as s:
        row = Service(
            business_id=admin.business_id,
            name="B12",
            category="Shot",
            price_cents=3500,
            duration_minutes=15,
        )
        s.add(row)
    with uow.read() as s:
        audit = s.scalars(select(AuditEntry).where(AuditEntry.entity_id == row.id)).one()
    assert (audit.actor_id, audit.actor_name, audit.action) == (
        admin.user_id,
        admin.name,
        "service.create",
    )
    assert audit.op == "insert" and "price_cents" in audit.changed_fields


def test_a_failed_action_leaves_neither_row_nor_outbox_nor_audit(uow, admin):
    before = len(_outbox(uow))
    with pytest.raises(RuntimeError), uow.write(admin, "service.create") as s:
        s.add(
            Service(
                business_id=admin.business_id,
                name="Hangover IV",
                category="IV",
                price_cents=1,
                duration_minutes=30,
            )
        )
        s.flush()
        raise RuntimeError("boom")
    assert len(_outbox(uow)) == before
    with uow.read() as s:
        assert s.scalars(select(Service).where(Service.name == "Hangover IV")).first() is None


def test_append_only_rows_refuse_updates(uow, admin, monkeypatch):
    monkeypatch.setattr(Service, "__append_only__", True)
    with uow.write(admin, "service.create") as s:
        row = Service(
            business_id=admin.business_id,
            name="Ledger-like",
            category="X",
            price_cents=1,
            duration_minutes=5,
        )
        s.add(row)
    with pytest.raises(DomainError, match="cannot be changed"), uow.write(admin, "x") as s:
        s.get(Service, row.id).price_cents = 2


def test_opening_a_store_that_needs_migrating_backs_it_up_first(
    tmp_path, template_store_path, monkeypatch
):
    import sqlite3

    from hydreight_desktop.store import engine

    path = tmp_path / "old.sqlite"
    shutil.copyfile(template_store_path, path)
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE marker (note TEXT)")
    con.execute("INSERT INTO marker VALUES ('kept')")
    con.commit()
    con.close()
    monkeypatch.setattr(engine, "script_heads", lambda: {"a-newer-revision"})
    store = open_store(path)
    try:
        assert store.backup_path is not None and store.backup_path.exists()
        assert store.backup_path.name.startswith("old.backup-")
        backup = sqlite3.connect(store.backup_path)
        assert backup.execute("SELECT note FROM marker").fetchone() == ("kept",)
        backup.close()
    finally:
        store.close()
