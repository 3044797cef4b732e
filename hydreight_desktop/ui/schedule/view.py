"""ScheduleView: header, scrolling grid, message strip and legend in one widget.

The caller (the schedule section) feeds it `ScheduleData` and listens to three
signals; it never draws anything itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from .canvas import Clock, ScheduleCanvas
from .header import ScheduleHeader
from .legend import ScheduleLegend
from .message_strip import MessageStrip
from .timeaxis import span_on_day
from .view_model import ScheduleData


class ScheduleView(QWidget):
    """Day or week schedule of CSPs; emits what the user asks for, shows what it is told."""

    freeTimeClicked = Signal(str, object)  # csp_id, start (aware UTC datetime)
    rescheduleRequested = Signal(str, str, object)  # booking_id, csp_id, new start (UTC)
    bookingActivated = Signal(str)  # booking_id

    def __init__(self, parent: QWidget | None = None, now: Clock | None = None) -> None:
        super().__init__(parent)
        self.canvas = ScheduleCanvas(now=now)
        self.header = ScheduleHeader(self.canvas)
        self.message = MessageStrip()
        self.legend = ScheduleLegend()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.canvas)
        self.scroll.setAccessibleName("Schedule")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.message)
        layout.addWidget(self.header)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.legend)
        self._data = ScheduleData(clinic_zone="UTC")
        self._days: list[date] = [self.canvas.now().date()]
        self._filter: list[str] | None = None
        self._zone = ZoneInfo("UTC")
        self._scrolled_for: tuple | None = None
        hbar = self.scroll.horizontalScrollBar()
        hbar.valueChanged.connect(self.header.set_offset)
        hbar.valueChanged.connect(self.canvas.set_gutter_offset)
        # Blocked-time labels follow the top edge, so repaint everything on vertical scroll.
        self.scroll.verticalScrollBar().valueChanged.connect(lambda _v: self.canvas.update())
        self.canvas.freeTimeClicked.connect(self.freeTimeClicked)
        self.canvas.rescheduleRequested.connect(self._on_reschedule)
        self.canvas.bookingActivated.connect(self.bookingActivated)
        self._tick = QTimer(self)
        self._tick.setInterval(30_000)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start()

    # ----- what to show ------------------------------------------------------------------------
    def set_data(self, data: ScheduleData) -> None:
        self._data = data
        if self._zone.key == "UTC" and data.clinic_zone != "UTC":
            self._zone = ZoneInfo(data.clinic_zone)
        self._refresh()

    def set_days(self, days: Sequence[date]) -> None:
        """One day gives the day view (a column per CSP); several the week view."""
        self._days = list(days) or [self.canvas.now().date()]
        self._refresh()

    def set_csp_filter(self, csp_ids: Sequence[str] | None) -> None:
        """Show only these CSPs (None: every CSP in the data)."""
        self._filter = list(csp_ids) if csp_ids is not None else None
        self._refresh()

    def set_display_zone(self, zone: str) -> None:
        self._zone = ZoneInfo(zone)
        self._refresh()

    @property
    def display_zone(self) -> str:
        return self._zone.key

    @property
    def days(self) -> list[date]:
        return list(self._days)

    def _refresh(self) -> None:
        ids = self._filter if self._filter is not None else [c.csp_id for c in self._data.csps]
        self.canvas.set_content(self._data, self._days, ids, self._zone)
        self.header.updateGeometry()
        self.header.update()
        self._scroll_to_work_once()

    def _scroll_to_work_once(self) -> None:
        """Bring the start of the working day into view when the range or zone changes."""
        key = (tuple(self._days), self._zone.key)
        if key == self._scrolled_for or not self._data.csps:
            return
        self._scrolled_for = key
        starts = [
            span[0]
            for csp in self._data.csps
            for block in csp.working
            for day in self._days
            if (span := span_on_day(block.start_utc, block.end_utc, day, self._zone))
        ]
        first = min(starts) if starts else 8 * 60
        y = self.canvas.grid.y_for(max(0, first - 30))
        self.scroll.verticalScrollBar().setValue(int(y))

    # ----- reschedule round trip -----------------------------------------------------------------
    def _on_reschedule(self, booking_id: str, csp_id: str, start) -> None:
        self.message.clear()
        self.rescheduleRequested.emit(booking_id, csp_id, start)

    def confirm_reschedule(self, booking_id: str) -> None:
        """The service accepted the move; fresh data (set_data) shows it for good."""
        self.canvas.settle_move(booking_id)

    def refuse_reschedule(self, booking_id: str, message: str) -> None:
        """The service refused: the block goes back where it was and the reason is shown."""
        self.canvas.settle_move(booking_id, refused=True)
        self.message.show_error(message)

    def set_editable(self, editable: bool) -> None:
        """False for roles that may look but not book: no drags, free time does nothing."""
        self.canvas.set_editable(editable)

    def show_message(self, text: str) -> None:
        self.message.show_error(text)

    def _on_tick(self) -> None:
        self.canvas.update()
        self.header.update()
