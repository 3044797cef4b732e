"""Opening the local store: SQLite pragmas, migrations with a backup first, session factories."""

from __future__ import annotations

import ast
import logging
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import platformdirs
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from hydreight_desktop.domain.ids import new_id
from hydreight_desktop.store.changes import ensure_device, install_change_capture

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 10_000


def default_store_path() -> Path:
    """The store in the platform's user data folder (created when missing)."""
    folder = Path(platformdirs.user_data_dir("HydreightDesktop", "Hydreight"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "hydreight.sqlite"


class AppSession(Session):
    """The session class every unit of work uses; change capture is attached to it."""


install_change_capture(AppSession)


def _make_engine(path: Path, *, immediate: bool) -> Engine:
    """One engine per transaction kind: writers take the write lock at BEGIN (no upgrade races)."""
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        pool_size=4,
        max_overflow=4,
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: sqlite3.Connection, _record) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves, below
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA synchronous=FULL")
        cur.close()

    begin_sql = "BEGIN IMMEDIATE" if immediate else "BEGIN"

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql(begin_sql)

    return engine


def alembic_config(path: Path):
    """Alembic's configuration for the store at ``path`` (alembic is imported only when needed)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    return cfg


_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*(?::[^=]+)?=\s*(.+)$", re.MULTILINE)


def script_heads() -> set[str]:
    """The newest revisions, read from the migration files without importing Alembic.

    Opening an up-to-date store is the common case and must stay quick; Alembic itself is
    loaded only when a migration has to run.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for file in (MIGRATIONS_DIR / "versions").glob("*.py"):
        values = dict(_ASSIGNMENT.findall(file.read_text("utf-8")))
        if "revision" not in values:
            continue
        revisions.add(ast.literal_eval(values["revision"]))
        down = ast.literal_eval(values.get("down_revision", "None"))
        parents.update(down if isinstance(down, tuple | list) else [down] if down else [])
    return revisions - parents


def _current_heads(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        has_table = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).first()
        if not has_table:
            return set()
        return set(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())


def backup_store(path: Path) -> Path:
    """Copy the store (consistently, even in WAL mode) to a timestamped file beside it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{stamp}{path.suffix}")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def migrate(path: Path, engine: Engine) -> Path | None:
    """Bring the store to the newest schema; back it up first when it already holds data.

    Returns the backup path when one was made.
    """
    current = _current_heads(engine)
    if current == script_heads():
        return None
    from alembic import command

    cfg = alembic_config(path)
    backup = backup_store(path) if current else None
    if backup:
        log.info("store backed up to %s before migrating", backup)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")
    return backup


@dataclass
class Store:
    """An open store: where it is, its engines and this device's id."""

    path: Path
    write_engine: Engine
    read_engine: Engine
    device_id: str
    backup_path: Path | None = None

    def __post_init__(self) -> None:
        self.write_sessions = sessionmaker(
            self.write_engine, class_=AppSession, expire_on_commit=False
        )
        self.read_sessions = sessionmaker(
            self.read_engine, class_=AppSession, expire_on_commit=False
        )

    def close(self) -> None:
        self.write_engine.dispose()
        self.read_engine.dispose()


def open_store(path: Path | str | None = None, *, run_migrations: bool = True) -> Store:
    """Open (creating and migrating when needed) the store at ``path``."""
    path = Path(path) if path else default_store_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_engine = _make_engine(path, immediate=True)
    read_engine = _make_engine(path, immediate=False)
    backup = migrate(path, write_engine) if run_migrations else None
    with Session(write_engine) as s, s.begin():
        device_id = ensure_device(s, new_id())
    return Store(path, write_engine, read_engine, device_id, backup)
