"""Showing a refusal or a failure the way a receptionist can act on it."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from hydreight_desktop.domain.errors import DomainError, PermissionDenied

log = logging.getLogger(__name__)

UNEXPECTED = (
    "Something went wrong and nothing was saved. Please try again; if it happens again, "
    "note the time and contact support."
)


def error_text(error: BaseException) -> str:
    """The sentence to show: the service's own message, or a calm generic one."""
    if isinstance(error, DomainError):
        return str(error)
    log.error("unexpected error", exc_info=error)
    return UNEXPECTED


_sink: Callable[[str, str], None] | None = None


def redirect_messages(sink: Callable[[str, str], None] | None) -> None:
    """Send message boxes to ``sink(title, text)`` instead of showing them (smoke runs, tests)."""
    global _sink
    _sink = sink


def show_error(parent: QWidget | None, error: BaseException, title: str = "Not saved") -> None:
    if isinstance(error, PermissionDenied):
        title = "Not allowed"
    text = error_text(error)
    if _sink is not None:
        _sink(title, text)
        return
    QMessageBox.warning(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str, yes: str = "Continue") -> bool:
    """Ask before something that cannot be undone; with messages redirected, answer yes."""
    if _sink is not None:
        _sink(title, text)
        return True
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Cancel", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is ok
