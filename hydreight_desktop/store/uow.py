"""Unit of work: one transaction per action, with the actor recorded for audit and outbox."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from hydreight_desktop.store.engine import Store

if TYPE_CHECKING:
    from hydreight_desktop.services.context import Actor


class UnitOfWork:
    """Hands out sessions: ``write`` commits (or rolls back) as a whole; ``read`` never writes."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @contextmanager
    def write(self, actor: Actor, action: str) -> Iterator[Session]:
        """A write transaction holding SQLite's write lock from its first statement.

        Checks done inside it (availability, uniqueness) cannot be raced by another writer.
        Any exception rolls everything back.
        """
        with self.store.write_sessions() as session, session.begin():
            session.info.update(actor=actor, action=action, device_id=self.store.device_id)
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only snapshot. Closing it rolls back anything written by mistake; loaded
        objects stay readable (not expired) after the block."""
        with self.store.read_sessions() as session:
            yield session
