"""Pick a time zone by typing part of its name ("new york", "london", "-05").

Common US/Canada zones come first; every entry shows today's UTC offset. ``value()`` is the
IANA name chosen (or the raw text, so the domain rule can explain what is wrong).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from hydreight_desktop.domain.clock import known_zones, utcnow, zone

COMMON_ZONES = (
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "America/Anchorage",
    "Pacific/Honolulu",
    "America/Toronto",
    "America/Vancouver",
    "Europe/London",
)


def zone_label(name: str, moment: datetime | None = None) -> str:
    """'America / New York  (UTC-05:00)': readable, searchable, with today's offset."""
    local = (moment or utcnow()).astimezone(zone(name))
    offset = local.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset else 0
    sign = "+" if minutes >= 0 else "-"
    pretty = name.replace("_", " ").replace("/", " / ")
    return f"{pretty}  (UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d})"


class ZoneCombo(QComboBox):
    """An editable combo over every IANA zone; typing filters by any part of the name."""

    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(16)
        now = utcnow()
        others = [z for z in known_zones() if z not in COMMON_ZONES]
        labels = []
        for name in (*COMMON_ZONES, *others):
            labels.append(zone_label(name, now))
            self.addItem(labels[-1], name)
        self.insertSeparator(len(COMMON_ZONES))
        # Row -> zone name, kept here: PySide 6.12's itemData() breaks None's reference count
        # for rows without data (the separator), which crashes the interpreter at exit.
        self._names: list[str | None] = [*COMMON_ZONES, None, *others]
        self._rows = {name: row for row, name in enumerate(self._names) if name}
        completer = QCompleter(labels, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.lineEdit().setPlaceholderText("Type a city, e.g. New York")
        self.setMinimumContentsLength(28)
        self.currentTextChanged.connect(lambda _text: self.changed.emit(self.value()))

    def value(self) -> str:
        text = self.currentText().strip()
        index = self.findText(text, Qt.MatchFlag.MatchExactly) if text else -1
        if index >= 0 and self._names[index]:
            return self._names[index]
        candidate = text.replace(" / ", "/").replace(" ", "_")
        return candidate if candidate in self._rows else text

    def set_value(self, name: str) -> None:
        if name in self._rows:
            self.setCurrentIndex(self._rows[name])
        else:
            self.setEditText(name)

    # the names the first-run dialog uses
    zone_name = value
    set_zone = set_value

    def set_read_only(self, read_only: bool) -> None:
        self.setEnabled(not read_only)
