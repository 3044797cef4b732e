"""A thin 'working…' bar: shown while a screen waits for the DB worker, hidden otherwise."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar, QWidget


class BusyBar(QProgressBar):
    """Counts outstanding requests; visible (indeterminate) while any is pending."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 0)
        self.setTextVisible(False)
        self.setFixedHeight(3)
        self.setAccessibleName("Loading")
        self._pending = 0
        self.setVisible(False)

    def begin(self) -> None:
        self._pending += 1
        self.setVisible(True)

    def end(self) -> None:
        self._pending = max(0, self._pending - 1)
        self.setVisible(self._pending > 0)

    @property
    def busy(self) -> bool:
        return self._pending > 0
