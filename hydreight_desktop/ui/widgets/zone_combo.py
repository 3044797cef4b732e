"""A time-zone picker with type-to-search over every IANA zone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter

from hydreight_desktop.domain.clock import known_zones

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


class ZoneCombo(QComboBox):
    """Common US/Canada zones first, then all the others; typing filters."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        others = [z for z in known_zones() if z not in COMMON_ZONES]
        self.addItems(list(COMMON_ZONES))
        self.insertSeparator(len(COMMON_ZONES))
        self.addItems(others)
        completer = QCompleter([*COMMON_ZONES, *others], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)

    def zone_name(self) -> str:
        return self.currentText().strip()

    def set_zone(self, name: str) -> None:
        index = self.findText(name)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(name)
