"""The task runner: all database work runs on one worker thread; results come back by signal.

The window never waits for the store. One worker (not a pool) because SQLite has one writer
and ordering matters: a save submitted before a reload is applied before it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)

ResultCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class _Worker(QObject):
    done = Signal(int, object, object)  # ticket, result, error

    @Slot(int, object, object, object)
    def run(self, ticket: int, fn: Callable[..., Any], args: tuple, kwargs: dict) -> None:
        try:
            result = fn(*args, **kwargs)
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the caller
            self.done.emit(ticket, None, exc)
        else:
            self.done.emit(ticket, result, None)


class TaskRunner(QObject):
    """Submit callables to the DB worker; callbacks run on the UI thread."""

    _request = Signal(int, object, object, object)
    busyChanged = Signal(bool)
    errorOccurred = Signal(object)  # errors nobody handled: the main window shows them

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("db-worker")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._request.connect(self._worker.run)
        self._worker.done.connect(self._finished)
        self._callbacks: dict[int, tuple[ResultCallback | None, ErrorCallback | None]] = {}
        self._next_ticket = 0
        self._thread.start()

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
        **kwargs: Any,
    ) -> int:
        """Queue ``fn(*args, **kwargs)`` on the DB worker and return its ticket."""
        self._next_ticket += 1
        ticket = self._next_ticket
        self._callbacks[ticket] = (on_result, on_error)
        if len(self._callbacks) == 1:
            self.busyChanged.emit(True)
        self._request.emit(ticket, fn, args, kwargs)
        return ticket

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    @Slot(int, object, object)
    def _finished(self, ticket: int, result: Any, error: BaseException | None) -> None:
        on_result, on_error = self._callbacks.pop(ticket, (None, None))
        if not self._callbacks:
            self.busyChanged.emit(False)
        if error is None:
            if on_result is not None:
                on_result(result)
            return
        if on_error is not None:
            on_error(error)
        else:
            if not _is_expected(error):
                log.error("task failed", exc_info=error)
            self.errorOccurred.emit(error)

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """Process events until every submitted task has reported back (tests, smoke, shutdown)."""
        timer = QElapsedTimer()
        timer.start()
        while self._callbacks and timer.elapsed() < timeout_ms:
            QCoreApplication.processEvents()
            QThread.msleep(2)
        QCoreApplication.processEvents()
        return not self._callbacks

    def shutdown(self) -> None:
        self._thread.quit()
        self._thread.wait(5000)


def _is_expected(error: BaseException) -> bool:
    from hydreight_desktop.domain.errors import DomainError

    return isinstance(error, DomainError)
