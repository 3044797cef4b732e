"""Pick a time zone by typing part of its name ("new york", "london", "-05")."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from hydreight_desktop.domain.clock import known_zones, utcnow, zone


def zone_label(name: str, moment: datetime | None = None) -> str:
    """'America / New York  (UTC-05:00)': readable, searchable, with today's offset."""
    local = (moment or utcnow()).astimezone(zone(name))
    offset = local.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset else 0
    sign = "+" if minutes >= 0 else "-"
    pretty = name.replace("_", " ").replace("/", " / ")
    return f"{pretty}  (UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d})"


class ZoneCombo(QComboBox):
    """An editable combo over every IANA zone; ``value()`` is the zone name or what was typed."""

    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(16)
        now = utcnow()
        for name in known_zones():
            self.addItem(zone_label(name, now), name)
        completer = QCompleter(self.model(), self)
        completer.setCompletionColumn(0)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.lineEdit().setPlaceholderText("Type a city, e.g. New York")
        self.setMinimumContentsLength(28)
        self.currentTextChanged.connect(lambda _text: self.changed.emit(self.value()))

    def value(self) -> str:
        """The zone name chosen, or the raw text (the domain rule then explains what is wrong)."""
        text = self.currentText().strip()
        index = self.findText(text, Qt.MatchFlag.MatchExactly)
        if index >= 0:
            return self.itemData(index)
        candidate = text.replace(" / ", "/").replace(" ", "_")
        index = self.findData(candidate)
        return self.itemData(index) if index >= 0 else text

    def set_value(self, name: str) -> None:
        index = self.findData(name)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(name)

    def set_read_only(self, read_only: bool) -> None:
        self.setEnabled(not read_only)
