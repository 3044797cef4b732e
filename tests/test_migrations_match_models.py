"""The Alembic migrations build exactly the schema the models describe."""

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from hydreight_desktop.store.base import Base


def test_migrated_schema_has_no_difference_from_the_models(store):
    with store.write_engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_store_uses_wal_foreign_keys_and_full_sync(store):
    with store.read_engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_quick_head_check_agrees_with_alembic():
    from alembic.script import ScriptDirectory

    from hydreight_desktop.store.engine import alembic_config, script_heads

    cfg = alembic_config(Path("unused.sqlite"))
    assert script_heads() == set(ScriptDirectory.from_config(cfg).get_heads())


def test_every_migration_can_be_undone_and_redone(tmp_path):
    from alembic import command

    from hydreight_desktop.store.engine import alembic_config, open_store

    path = tmp_path / "roundtrip.sqlite"
    open_store(path).close()
    cfg = alembic_config(path)
    command.downgrade(cfg, "base")
    command.upgrade(cfg, "heads")
    store = open_store(path)
    try:
        with store.write_engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
    finally:
        store.close()
