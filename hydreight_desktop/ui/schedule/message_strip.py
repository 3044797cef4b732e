"""A dismissible strip that repeats what the service said (e.g. why a move was refused)."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

_STYLES = {
    "error": ("#FDECEC", "#C73E3E", "#5C1616", "fa5s.exclamation-circle"),
    "info": ("#EAF2FD", "#2F6FDE", "#12305F", "fa5s.info-circle"),
}


class MessageStrip(QFrame):
    """Hidden until there is something to say; the text is shown exactly as given."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageStrip")
        self._icon = QLabel()
        self._text = QLabel()
        self._text.setWordWrap(True)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setIcon(qta.icon("fa5s.times"))
        close.setAutoRaise(True)
        close.setToolTip("Dismiss")
        close.setAccessibleName("Dismiss message")
        close.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self._text, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def text(self) -> str:
        return self._text.text() if self.isVisibleTo(self.parentWidget() or self) else ""

    def show_error(self, text: str) -> None:
        self._show(text, "error")

    def show_info(self, text: str) -> None:
        self._show(text, "info")

    def _show(self, text: str, kind: str) -> None:
        background, border, color, icon = _STYLES[kind]
        self.setStyleSheet(
            f"#messageStrip {{ background: {background}; border: 1px solid {border};"
            f" border-radius: 4px; }} #messageStrip QLabel {{ color: {color}; }}"
        )
        self._icon.setPixmap(qta.icon(icon, color=border).pixmap(16, 16))
        self._text.setText(text)
        self._text.setTextFormat(Qt.TextFormat.PlainText)
        self.show()

    def clear(self) -> None:
        self._text.clear()
        self.hide()
