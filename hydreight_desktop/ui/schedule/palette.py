"""Colours and marks of the schedule, shared by the grid and its legend."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import qtawesome as qta
from PySide6.QtGui import QColor, QIcon, QPixmap


@dataclass(frozen=True, slots=True)
class StatusStyle:
    fill: str
    border: str
    text: str
    strike: bool = False
    dashed: bool = False


STATUS_STYLES: dict[str, StatusStyle] = {
    "booked": StatusStyle("#2F6FDE", "#1F4FA8", "#FFFFFF"),
    "checked_in": StatusStyle("#0B8793", "#066069", "#FFFFFF"),
    "in_session": StatusStyle("#F4B23E", "#B87A12", "#2B1D00"),
    "completed": StatusStyle("#2E8B57", "#1D6440", "#FFFFFF"),
    "cancelled": StatusStyle("#E3E6EA", "#9AA1A9", "#50575E", strike=True, dashed=True),
    "no_show": StatusStyle("#C73E3E", "#8E2424", "#FFFFFF"),
}

OUTSIDE_HOURS = QColor("#E6EAEF")
WORKING_HOURS = QColor("#FFFFFF")
HOUR_LINE = QColor("#D3D8DE")
HALF_HOUR_LINE = QColor("#E8EBEF")
COLUMN_LINE = QColor("#C4CAD1")
DAY_LINE = QColor("#8E97A1")
BLOCKED_FILL = QColor("#F6E7E7")
BLOCKED_HATCH = QColor("#C98F8F")
BLOCKED_TEXT = QColor("#7A3434")
NOW_LINE = QColor("#E0262B")
GUTTER_BG = QColor("#F8F9FB")
GUTTER_TEXT = QColor("#4A525A")
HEADER_BG = QColor("#F8F9FB")
HEADER_TEXT = QColor("#1E252B")
HEADER_SUBTEXT = QColor("#5F6870")
TODAY_ACCENT = QColor("#1F5FCC")
SELECTION = QColor("#FFB000")

MODE_ICONS: dict[str, str] = {"callout": "fa5s.car", "facility": "fa5s.clinic-medical"}
MODE_LETTERS: dict[str, str] = {"callout": "C", "facility": "F"}


@cache
def mode_icon(mode: str, color: str) -> QIcon:
    return qta.icon(MODE_ICONS[mode], color=color)


@cache
def mode_pixmap(mode: str, color: str, size: int) -> QPixmap:
    return mode_icon(mode, color).pixmap(size, size)


def style_for(status: str) -> StatusStyle:
    return STATUS_STYLES.get(status, STATUS_STYLES["booked"])
