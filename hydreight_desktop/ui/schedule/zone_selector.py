"""Pick the time zone the schedule is drawn in: the clinic's, or a CSP's home zone."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from .timeaxis import zone_abbreviation, zone_city
from .view_model import CspLane


def zone_choices(
    clinic_zone: str, csps: list[CspLane] | tuple[CspLane, ...], day: date
) -> list[tuple[str, str]]:
    """(label, zone name) pairs: the clinic's zone first, then each other CSP home zone once."""
    def describe(zone: str) -> str:
        return f"{zone_city(zone)} ({zone_abbreviation(ZoneInfo(zone), day)})"

    choices = [(f"Clinic time: {describe(clinic_zone)}", clinic_zone)]
    names_by_zone: dict[str, list[str]] = {}
    for csp in csps:
        names_by_zone.setdefault(csp.time_zone, []).append(csp.name)
    for zone, names in names_by_zone.items():
        if zone == clinic_zone:
            continue
        who = ", ".join(names[:2]) + (f" +{len(names) - 2}" if len(names) > 2 else "")
        choices.append((f"{describe(zone)}: {who}", zone))
    return choices


class ZoneSelector(QComboBox):
    """A combo box of zone choices that keeps the user's pick across refreshes."""

    zoneChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setToolTip("Show the schedule's hours in this time zone")
        self.setAccessibleName("Time zone")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.currentIndexChanged.connect(self._emit)
        self._filling = False

    def set_choices(self, clinic_zone: str, csps, day: date) -> None:
        current = self.current_zone() or clinic_zone
        self._filling = True
        try:
            self.clear()
            for label, zone in zone_choices(clinic_zone, csps, day):
                self.addItem(label, zone)
            index = self.findData(current)
            self.setCurrentIndex(index if index >= 0 else 0)
        finally:
            self._filling = False
        if self.current_zone() != current:
            self.zoneChanged.emit(self.current_zone())

    def current_zone(self) -> str:
        return self.currentData() or ""

    def select_zone(self, zone: str) -> None:
        index = self.findData(zone)
        if index >= 0:
            self.setCurrentIndex(index)

    def _emit(self, _index: int) -> None:
        if not self._filling and self.current_zone():
            self.zoneChanged.emit(self.current_zone())
