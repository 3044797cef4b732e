"""Behaviour every back-office screen shares."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


class ReloadWhenShownAgain(QWidget):
    """Coming back to a screen reloads it (another screen may have changed its data).

    The first show is skipped: the screen loads itself when it is built. Subclasses define
    ``refresh()``, which must keep what the user is typing.
    """

    _shown_before = False

    def showEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().showEvent(event)
        if self._shown_before and not event.spontaneous():
            self.refresh()
        self._shown_before = True

    def refresh(self) -> None:
        raise TypeError(f"{type(self).__name__} must define refresh()")  # a hook each subclass fills
