"""Weekly hours for one mode: seven days, each with any number of ranges (9–12, 13–17).

Values are ``(weekday, start_minute, end_minute)`` triples, Monday = 0, minutes after local
midnight; an end of 12:00 AM means midnight at the end of the day (1440).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hydreight_desktop.ui.icons import icon
from hydreight_desktop.ui.widgets.forms import ERROR_COLOR

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DAY_MINUTES = 24 * 60
Range = tuple[int, int, int]
DayCheck = Callable[[list[tuple[int, int]]], str | None]


def minutes_text(minute: int) -> str:
    time = QTime(0, 0).addSecs(minute * 60) if minute < DAY_MINUTES else QTime(0, 0)
    return time.toString("h:mm AP")


def default_day_check(ranges: list[tuple[int, int]]) -> str | None:
    """The clinic's rule as the screen shows it: each range ends after it starts, none overlap."""
    for start, end in ranges:
        if end <= start:
            return f"The range {minutes_text(start)}–{minutes_text(end)} ends before it starts."
    ordered = sorted(ranges)
    for (s1, e1), (s2, e2) in zip(ordered, ordered[1:], strict=False):
        if s2 < e1:
            return (
                f"{minutes_text(s1)}–{minutes_text(e1)} and {minutes_text(s2)}–{minutes_text(e2)} "
                "overlap. Join them into one range or change the times."
            )
    return None


class QuarterTimeEdit(QTimeEdit):
    """A time whose minutes step by 15 with the arrows (typing any minute still works)."""

    STEP_MINUTES = 15

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt name
        if self.currentSection() == QTimeEdit.Section.MinuteSection:
            self.setTime(self.time().addSecs(steps * self.STEP_MINUTES * 60))
        else:
            super().stepBy(steps)


class TimeRangeEdit(QWidget):
    """'9:00 AM – 5:00 PM  ✕'."""

    changed = Signal()
    removeRequested = Signal(object)

    def __init__(self, start: int, end: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start_edit = self._time_edit(start)
        self.end_edit = self._time_edit(end)
        self.end_edit.setToolTip("12:00 AM as an end time means midnight at the end of the day")
        remove = QToolButton()
        remove.setIcon(icon("fa5s.times", color="#6b7280"))
        remove.setToolTip("Remove this range")
        remove.setAutoRaise(True)
        remove.clicked.connect(lambda: self.removeRequested.emit(self))
        self.remove_button = remove
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.start_edit)
        layout.addWidget(QLabel("–"))
        layout.addWidget(self.end_edit)
        layout.addWidget(remove)

    def _time_edit(self, minute: int) -> QTimeEdit:
        edit = QuarterTimeEdit(QTime(0, 0).addSecs((minute % DAY_MINUTES) * 60))
        edit.setDisplayFormat("h:mm AP")
        edit.setMinimumWidth(96)
        edit.timeChanged.connect(lambda _t: self.changed.emit())
        return edit

    def value(self) -> tuple[int, int]:
        start = self.start_edit.time()
        end = self.end_edit.time()
        end_minute = end.hour() * 60 + end.minute()
        return start.hour() * 60 + start.minute(), end_minute or DAY_MINUTES

    def set_read_only(self, read_only: bool) -> None:
        for edit in (self.start_edit, self.end_edit):
            edit.setReadOnly(read_only)
            edit.setButtonSymbols(
                QTimeEdit.ButtonSymbols.NoButtons
                if read_only
                else QTimeEdit.ButtonSymbols.UpDownArrows
            )
        self.remove_button.setVisible(not read_only)


class _DayRow:
    """One weekday: its ranges, an Add button, and its hint line."""

    def __init__(self, editor: WeeklyHoursEditor, weekday: int) -> None:
        self.editor = editor
        self.weekday = weekday
        self.ranges: list[TimeRangeEdit] = []
        self.label = QLabel(DAY_NAMES[weekday])
        self.label.setMinimumWidth(90)
        self.closed = QLabel("Not available")
        self.closed.setStyleSheet("color: #8a8f98;")
        self.host = QWidget()
        self.flow = QHBoxLayout(self.host)
        self.flow.setContentsMargins(0, 0, 0, 0)
        self.flow.setSpacing(14)
        self.flow.addWidget(self.closed)
        self.flow.addStretch(1)
        self.add_button = QPushButton(icon("fa5s.plus", color="#374151"), "Add hours")
        self.add_button.setToolTip(f"Add a range of hours on {DAY_NAMES[weekday]}")
        self.add_button.clicked.connect(self.add_default)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {ERROR_COLOR}; font-size: 9pt;")
        self.hint.hide()

    def add(self, start: int, end: int) -> TimeRangeEdit:
        edit = TimeRangeEdit(start, end)
        edit.set_read_only(self.editor.read_only)
        edit.changed.connect(self.editor.on_change)
        edit.removeRequested.connect(self.remove)
        self.ranges.append(edit)
        self.flow.insertWidget(len(self.ranges) - 1, edit)
        self.closed.setVisible(False)
        return edit

    def add_default(self) -> None:
        """A new range starts where the day's last one ended (or at 9 AM) and lasts 3 hours."""
        last_end = max((r.value()[1] for r in self.ranges), default=9 * 60 - 60)
        start = min(last_end + 60, DAY_MINUTES - 60)
        self.add(start, min(start + 180, DAY_MINUTES))
        self.editor.on_change()

    def remove(self, edit: TimeRangeEdit) -> None:
        self.ranges.remove(edit)
        edit.setParent(None)
        edit.deleteLater()
        self.closed.setVisible(not self.ranges)
        self.editor.on_change()

    def clear(self) -> None:
        for edit in list(self.ranges):
            edit.setParent(None)
            edit.deleteLater()
        self.ranges.clear()
        self.closed.setVisible(True)

    def values(self) -> list[tuple[int, int]]:
        return [r.value() for r in self.ranges]


class WeeklyHoursEditor(QWidget):
    """Seven days of ranges for one mode, checked as they change (``problems()``/``is_valid``)."""

    changed = Signal()

    def __init__(
        self,
        title: str = "",
        day_check: DayCheck = default_day_check,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.day_check = day_check
        self.read_only = False
        self._loading = False
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        self.days = [_DayRow(self, d) for d in range(7)]
        for d, day in enumerate(self.days):
            grid.addWidget(day.label, 2 * d, 0, Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(day.host, 2 * d, 1)
            grid.addWidget(day.add_button, 2 * d, 2)
            grid.addWidget(day.hint, 2 * d + 1, 1, 1, 2)
        self.copy_button = QPushButton(icon("fa5s.copy", color="#374151"), "Copy Monday to Tue–Fri")
        self.copy_button.setToolTip("Give Tuesday to Friday the same hours as Monday")
        self.copy_button.clicked.connect(self.copy_monday_to_weekdays)
        self.clear_button = QPushButton("Clear all")
        self.clear_button.clicked.connect(lambda: (self.set_value([]), self.on_change()))
        top = QHBoxLayout()
        if title:
            heading = QLabel(title)
            heading.setStyleSheet("font-weight: 600; font-size: 10.5pt;")
            top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.copy_button)
        top.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(grid)

    # --- values ----------------------------------------------------------------------------
    def value(self) -> list[Range]:
        return sorted((d.weekday, s, e) for d in self.days for s, e in d.values())

    def set_value(self, ranges: Iterable[Range]) -> None:
        self._loading = True
        for day in self.days:
            day.clear()
        for weekday, start, end in sorted(ranges):
            self.days[weekday].add(start, end)
        self._loading = False
        self._paint()

    def copy_monday_to_weekdays(self) -> None:
        monday = self.days[0].values()
        self._loading = True
        for day in self.days[1:5]:
            day.clear()
            for start, end in monday:
                day.add(start, end)
        self._loading = False
        self.on_change()

    # --- checks ----------------------------------------------------------------------------
    def problems(self) -> dict[int, str]:
        found = {}
        for day in self.days:
            message = self.day_check(day.values())
            if message:
                found[day.weekday] = message
        return found

    @property
    def is_valid(self) -> bool:
        return not self.problems()

    def show_refusal(self, message: str, weekday: int | None = None) -> None:
        """A refusal from the service: under its day when known."""
        if weekday is not None and 0 <= weekday < 7:
            self.days[weekday].hint.setText(message)
            self.days[weekday].hint.show()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for day in self.days:
            day.add_button.setVisible(not read_only)
            for edit in day.ranges:
                edit.set_read_only(read_only)
        self.copy_button.setVisible(not read_only)
        self.clear_button.setVisible(not read_only)

    def on_change(self) -> None:
        if self._loading:
            return
        self._paint()
        self.changed.emit()

    def _paint(self) -> None:
        problems = self.problems()
        for day in self.days:
            message = problems.get(day.weekday)
            day.hint.setText(message or "")
            day.hint.setVisible(bool(message))
