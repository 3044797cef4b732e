"""A screen's title line and its quiet notes (read-only reasons, tips)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from hydreight_desktop.ui.icons import icon
from hydreight_desktop.ui.widgets.wrap_label import WrapLabel


class PageHeader(QWidget):
    """Title, one line saying what the screen is for, and room for buttons on the right."""

    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(title)
        self.title.setObjectName("pageTitle")
        self.subtitle = WrapLabel(subtitle)
        self.subtitle.setObjectName("pageSubtitle")
        self.subtitle.setVisible(bool(subtitle))
        self.actions = QHBoxLayout()
        self.actions.setSpacing(6)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addLayout(self.actions)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.subtitle)


class InfoNote(QFrame):
    """A quiet note: why a form is read-only (info) or what to double-check (warning)."""

    KINDS = {  # background, border, text, icon colour, glyph
        "info": ("#eff4ff", "#c7d7fe", "#1d3a8a", "#3559c7", "fa5s.info-circle"),
        "warning": ("#fffaeb", "#fedf89", "#7a2e0e", "#dc6803", "fa5s.exclamation-triangle"),
    }

    def __init__(self, text: str = "", kind: str = "info", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        background, border, color, icon_color, icon_name = self.KINDS[kind]
        self.setObjectName("infoNote")
        self.setStyleSheet(
            f"#infoNote {{ background: {background}; border: 1px solid {border}; border-radius: 4px; }}"
            f"#infoNote QLabel {{ color: {color}; }}"
        )
        glyph = QLabel()
        glyph.setPixmap(icon(icon_name, color=icon_color).pixmap(16, 16))
        self.text = WrapLabel(text)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 7, 10, 7)
        layout.addWidget(glyph, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        self.setVisible(bool(text))

    def set_text(self, text: str) -> None:
        self.text.setText(text)
        self.setVisible(bool(text))
