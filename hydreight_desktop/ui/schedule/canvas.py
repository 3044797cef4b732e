"""The painted body of the schedule: lanes, hours, blocked time, bookings, now-line.

It lives inside a QScrollArea; the hour gutter stays pinned on the left while the
lanes scroll sideways. Clicks on free time and drags of bookings are turned into
signals in UTC; the caller decides (through the scheduling service) whether a
move stands.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QVariantAnimation, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from hydreight_desktop.domain.clock import utcnow

from . import palette
from .geometry import ScheduleLayout, pack_side_by_side
from .labels import clock, time_range
from .timeaxis import (
    MINUTES_PER_DAY,
    hour_label,
    snap_down,
    snap_nearest,
    span_on_day,
    utc_at,
)
from .view_model import MODE_LABELS, STATUS_LABELS, BookingBlock, ScheduleData

Clock = Callable[[], datetime]


def _system_now() -> datetime:
    return utcnow()


@dataclass(slots=True)
class _Press:
    pos: QPointF
    booking_id: str | None
    grab_minutes: float = 0.0  # where in the block the mouse grabbed it


@dataclass(slots=True)
class _Drag:
    booking_id: str
    csp_id: str
    start_utc: datetime


@dataclass(frozen=True, slots=True)
class PlacedBlock:
    """A booking and the rectangle it is painted in (one per lane it touches)."""

    booking: BookingBlock
    rect: QRectF
    pending: bool


class ScheduleCanvas(QWidget):
    """Paints one schedule range and turns mouse gestures into scheduling requests."""

    freeTimeClicked = Signal(str, object)  # csp_id, start (aware UTC datetime)
    rescheduleRequested = Signal(str, str, object)  # booking_id, csp_id, new start (UTC)
    bookingActivated = Signal(str)  # booking_id

    def __init__(self, parent: QWidget | None = None, now: Clock | None = None) -> None:
        super().__init__(parent)
        self._now = now or _system_now
        self._data = ScheduleData(clinic_zone="UTC")
        self._days: list[date] = [self._now().date()]
        self._csp_ids: list[str] = []
        self._tz = ZoneInfo("UTC")
        self._pending: dict[str, tuple[str, datetime]] = {}
        self._press: _Press | None = None
        self._drag: _Drag | None = None
        self._gutter_x = 0.0
        self._editable = True
        self._refused: BookingBlock | None = None
        self._refused_opacity = 0.0
        self._fade = QVariantAnimation(self)
        self._fade.setStartValue(1.0)
        self._fade.setEndValue(0.0)
        self._fade.setDuration(700)
        self._fade.valueChanged.connect(self._on_fade)
        self._placed: list[PlacedBlock] | None = None
        self._layout = ScheduleLayout.build(self._days, self._csp_ids, 800)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._block_font = QFont(self.font())
        self._block_font.setPointSizeF(max(7.5, self.font().pointSizeF() - 1))
        self._block_bold = QFont(self._block_font)
        self._block_bold.setBold(True)

    # ----- content -------------------------------------------------------------------------
    def set_content(
        self, data: ScheduleData, days: Sequence[date], csp_ids: Sequence[str], tz: ZoneInfo
    ) -> None:
        """Show `days` (one = day view) for `csp_ids` in wall-clock time of `tz`."""
        self._data = data
        self._days = list(days)
        self._csp_ids = [c for c in csp_ids if data.csp(c) is not None]
        self._tz = tz
        # A move the service has not answered yet stays visible until it does.
        self._pending = {bid: mv for bid, mv in self._pending.items() if data.booking(bid)}
        self._drag = None
        self._press = None
        self._relayout()

    def now(self) -> datetime:
        """The current instant (injectable so tests and screenshots are repeatable)."""
        return self._now()

    @property
    def data(self) -> ScheduleData:
        return self._data

    @property
    def display_zone(self) -> ZoneInfo:
        return self._tz

    @property
    def days(self) -> list[date]:
        return list(self._days)

    @property
    def csp_ids(self) -> list[str]:
        return list(self._csp_ids)

    @property
    def grid(self) -> ScheduleLayout:
        return self._layout

    def set_editable(self, editable: bool) -> None:
        """Read-only schedules (roles that cannot book) open bookings but never move or add."""
        self._editable = editable

    def set_gutter_offset(self, x: float) -> None:
        """Keep the hour gutter pinned at the left edge of the visible area."""
        if x != self._gutter_x:
            self._gutter_x = x
            self.update()

    # ----- pending moves ------------------------------------------------------------------
    def pending_move(self, booking_id: str) -> tuple[str, datetime] | None:
        return self._pending.get(booking_id)

    def settle_move(self, booking_id: str, *, refused: bool = False) -> None:
        """Forget a pending move (the service answered: new data follows, or it snaps back).

        A refused move leaves a fading outline where it was dropped, so the eye follows
        the block back to its place.
        """
        move = self._pending.pop(booking_id, None)
        if move is None:
            return
        original = self._data.booking(booking_id)
        if refused and original is not None:
            self._refused = original.moved(*move)
            self._fade.stop()
            self._fade.start()
        self._changed()

    def _on_fade(self, value: float) -> None:
        self._refused_opacity = float(value)
        if value <= 0:
            self._refused = None
        self.update()

    # ----- geometry -------------------------------------------------------------------------
    def _relayout(self) -> None:
        self._layout = ScheduleLayout.build(self._days, self._csp_ids, max(1, self.width()))
        self._placed = None
        self.updateGeometry()
        self.update()

    def _changed(self) -> None:
        self._placed = None
        self.update()

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint()

    def minimumSizeHint(self) -> QSize:
        narrow = ScheduleLayout.build(self._days, self._csp_ids, 0)
        return QSize(int(narrow.width), int(narrow.height))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def _shown_position(self, booking: BookingBlock) -> BookingBlock:
        move = self._pending.get(booking.booking_id)
        return booking.moved(*move) if move else booking

    def placed_blocks(self) -> list[PlacedBlock]:
        """Every booking's rectangle(s) as painted now (cached until something changes)."""
        if self._placed is not None:
            return self._placed
        placed: list[PlacedBlock] = []
        bookings = [self._shown_position(b) for b in self._data.bookings]
        for lane in self._layout.lanes:
            spans = []
            for booking in bookings:
                if booking.csp_id != lane.csp_id:
                    continue
                span = span_on_day(booking.start_utc, booking.end_utc, lane.day, self._tz)
                if span:
                    spans.append((booking, span))
            slots = pack_side_by_side([(b.booking_id, top, bot) for b, (top, bot) in spans])
            inner = lane.width - 6
            for booking, (top, bottom) in spans:
                index, count = slots[booking.booking_id]
                width = inner / count
                y0 = self._layout.y_for(top)
                height = max(self._layout.y_for(bottom) - y0, 14.0)
                rect = QRectF(lane.x + 3 + index * width, y0 + 1, width - 2, height - 2)
                placed.append(PlacedBlock(booking, rect, booking.booking_id in self._pending))
        self._placed = placed
        return placed

    def booking_at(self, pos: QPointF) -> str | None:
        if self._in_gutter(pos):
            return None
        for item in reversed(self.placed_blocks()):
            if item.rect.contains(pos):
                return item.booking.booking_id
        return None

    def slot_at(self, pos: QPointF, *, snap: Callable[[float], int] = snap_down):
        """(csp_id, start_utc) of the grid cell under `pos`, or None over the gutter."""
        if self._in_gutter(pos):
            return None
        lane = self._layout.lane_at(pos.x())
        if lane is None:
            return None
        minutes = snap(self._layout.minutes_at(pos.y()))
        return lane.csp_id, utc_at(lane.day, minutes, self._tz)

    def point_for(self, csp_id: str, instant: datetime) -> QPointF | None:
        """Centre of the lane of `csp_id` at `instant` (the inverse of slot_at)."""
        local_day = instant.astimezone(self._tz).date()
        lane = self._layout.lane_for(csp_id, local_day)
        if lane is None:
            return None
        span = span_on_day(instant, instant + timedelta(minutes=1), local_day, self._tz)
        if span is None:
            return None
        return QPointF(lane.x + lane.width / 2, self._layout.y_for(span[0]))

    def _in_gutter(self, pos: QPointF) -> bool:
        return pos.x() < self._gutter_x + self._layout.gutter

    # ----- painting -------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(event.rect(), palette.OUTSIDE_HOURS)
        visible = QRectF(event.rect())
        for lane in self._layout.lanes:
            if lane.x > visible.right() or lane.x + lane.width < visible.left():
                continue
            self._paint_lane_background(painter, lane)
        self._paint_grid_lines(painter)
        top_visible = float(self.visibleRegion().boundingRect().top())
        for lane in self._layout.lanes:
            self._paint_blocked(painter, lane, top_visible)
        for item in self.placed_blocks():
            if item.rect.intersects(visible):
                self._paint_booking(painter, item)
        self._paint_drag(painter)
        self._paint_now_line(painter)
        self._paint_gutter(painter, visible)
        painter.end()

    def _paint_lane_background(self, painter: QPainter, lane) -> None:
        csp = self._data.csp(lane.csp_id)
        if csp is None:
            return
        for span in csp.working:
            part = span_on_day(span.start_utc, span.end_utc, lane.day, self._tz)
            if part:
                top, bottom = (self._layout.y_for(m) for m in part)
                painter.fillRect(QRectF(lane.x, top, lane.width, bottom - top), palette.WORKING_HOURS)

    def _paint_grid_lines(self, painter: QPainter) -> None:
        left = self._layout.gutter
        right = self._layout.width
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for half_hour in range(1, 48):
            y = self._layout.y_for(half_hour * 30)
            painter.setPen(QPen(palette.HOUR_LINE if half_hour % 2 == 0 else palette.HALF_HOUR_LINE))
            painter.drawLine(QPointF(left, y), QPointF(right, y))
        height = self._layout.height
        for column in self._layout.columns:
            for lane in column.lanes[1:]:
                painter.setPen(QPen(palette.HALF_HOUR_LINE))
                painter.drawLine(QPointF(lane.x, 0), QPointF(lane.x, height))
            painter.setPen(QPen(palette.DAY_LINE if len(self._days) > 1 else palette.COLUMN_LINE))
            painter.drawLine(QPointF(column.x, 0), QPointF(column.x, height))
        painter.setPen(QPen(palette.COLUMN_LINE))
        painter.drawLine(QPointF(right - 1, 0), QPointF(right - 1, height))
        painter.restore()

    def _paint_blocked(self, painter: QPainter, lane, top_visible: float = 0.0) -> None:
        """Hatch vacations and block times; their label stays in view while scrolling."""
        csp = self._data.csp(lane.csp_id)
        if csp is None:
            return
        for span in csp.blocked:
            part = span_on_day(span.start_utc, span.end_utc, lane.day, self._tz)
            if not part:
                continue
            top, bottom = (self._layout.y_for(m) for m in part)
            rect = QRectF(lane.x + 1, top, lane.width - 2, bottom - top)
            painter.fillRect(rect, palette.BLOCKED_FILL)
            painter.fillRect(rect, QBrush(palette.BLOCKED_HATCH, Qt.BrushStyle.BDiagPattern))
            label = span.label or "Blocked"
            painter.setFont(self._block_bold)
            metrics = QFontMetricsF(self._block_bold)
            text = _fit(label, self._block_bold, rect.width() - 10)
            label_top = max(rect.top(), top_visible) + 3
            if text and rect.bottom() - label_top >= metrics.height() + 1:
                box = QRectF(rect.left() + 3, label_top, metrics.horizontalAdvance(text) + 6,
                             metrics.height() + 2)
                painter.fillRect(box, palette.BLOCKED_FILL)
                painter.setPen(palette.BLOCKED_TEXT)
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_booking(self, painter: QPainter, item: PlacedBlock) -> None:
        booking, rect = item.booking, item.rect
        style = palette.style_for(booking.status)
        dragging = self._drag is not None and self._drag.booking_id == booking.booking_id
        painter.save()
        if item.pending or dragging:
            painter.setOpacity(0.45)
        pen = QPen(QColor(style.border), 1.2)
        if style.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QColor(style.fill))
        painter.drawRoundedRect(rect, 5, 5)
        self._paint_booking_text(painter, booking, rect, style)
        painter.restore()

    def _paint_booking_text(self, painter: QPainter, booking: BookingBlock, rect: QRectF,
                            style: palette.StatusStyle) -> None:
        """Time, client(s) and services, as much as fits; narrow blocks get the short form."""
        metrics = QFontMetricsF(self._block_font)
        line = metrics.height()
        inner = rect.adjusted(3, 1, -2, -1)
        badge = min(13.0, inner.height() - 1)
        show_badge = inner.width() >= 56 and badge >= 9
        if show_badge:
            icon = palette.mode_pixmap(booking.mode, style.text, int(badge))
            painter.drawPixmap(QPointF(inner.right() - badge, inner.top() + 1), icon)
        first_width = inner.width() - (badge + 3 if show_badge else 0)
        title = booking.title
        narrow = inner.width() < 90
        start_text = clock(booking.start_utc, self._tz, with_suffix=not narrow)
        tiny = inner.width() < 48
        if tiny:
            title = _initials(title)
            start_text = clock(booking.start_utc, self._tz, with_suffix=False)
        if inner.height() < line * 2:
            lines = [(self._block_bold, title if tiny else f"{start_text} {title}", False)]
        elif tiny:
            lines = [(self._block_bold, title, True), (self._block_font, start_text, False)]
        elif narrow:
            lines = [(self._block_font, start_text, False), (self._block_bold, title, True)]
        else:
            when = time_range(booking.start_utc, booking.end_utc, self._tz)
            lines = [(self._block_font, when, False), (self._block_bold, title, True)]
        if booking.detail and inner.height() >= line * 3 and not tiny:
            lines.append((self._block_font, booking.detail, False))
        painter.setPen(QColor(style.text))
        y = inner.top()
        for index, (base_font, text, is_title) in enumerate(lines):
            if index > 0 and y + line > inner.bottom() + 1:
                break
            width = first_width if index == 0 else inner.width()
            font = QFont(base_font)
            font.setStrikeOut(style.strike and (is_title or len(lines) == 1))
            shown = _fit(text, font, width)
            if shown:
                painter.setFont(font)
                painter.drawText(QRectF(inner.left(), y, width, line),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
            y += line

    def _paint_drag(self, painter: QPainter) -> None:
        if self._refused is not None and self._refused_opacity > 0:
            painter.save()
            painter.setOpacity(self._refused_opacity)
            self._paint_ghost(painter, self._refused, palette.NOW_LINE)
            painter.restore()
        if self._drag is None:
            return
        original = self._data.booking(self._drag.booking_id)
        if original is None:
            return
        self._paint_ghost(painter, original.moved(self._drag.csp_id, self._drag.start_utc),
                          palette.SELECTION)

    def _paint_ghost(self, painter: QPainter, ghost: BookingBlock, outline: QColor) -> None:
        """A dashed copy of a booking at another place (while dragging, or just refused)."""
        style = palette.style_for(ghost.status)
        for lane in self._layout.lanes:
            if lane.csp_id != ghost.csp_id:
                continue
            span = span_on_day(ghost.start_utc, ghost.end_utc, lane.day, self._tz)
            if not span:
                continue
            y0 = self._layout.y_for(span[0])
            rect = QRectF(lane.x + 3, y0 + 1, lane.width - 6,
                          max(self._layout.y_for(span[1]) - y0, 14.0) - 2)
            painter.save()
            painter.setPen(QPen(outline, 2, Qt.PenStyle.DashLine))
            fill = QColor(style.fill)
            fill.setAlpha(200)
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 5, 5)
            self._paint_booking_text(painter, ghost, rect, style)
            painter.restore()

    def _paint_now_line(self, painter: QPainter) -> None:
        now = self._now()
        today = now.astimezone(self._tz).date()
        span = span_on_day(now, now + timedelta(seconds=1), today, self._tz)
        if span is None:
            return
        y = self._layout.y_for(span[0])
        lanes = [ln for ln in self._layout.lanes if ln.day == today]
        if not lanes:
            return
        left = min(ln.x for ln in lanes)
        right = max(ln.x + ln.width for ln in lanes)
        painter.save()
        painter.setPen(QPen(palette.NOW_LINE, 2))
        painter.drawLine(QPointF(left, y), QPointF(right, y))
        painter.setBrush(palette.NOW_LINE)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QPointF(left + 1, y), 4, 4)
        painter.restore()

    def _now_y(self) -> float | None:
        """Height of the now-line, when today is on screen."""
        now = self._now()
        today = now.astimezone(self._tz).date()
        if today not in self._days:
            return None
        span = span_on_day(now, now + timedelta(seconds=1), today, self._tz)
        return self._layout.y_for(span[0]) if span else None

    def _paint_gutter(self, painter: QPainter, visible: QRectF) -> None:
        gutter = QRectF(self._gutter_x, visible.top(), self._layout.gutter, visible.height())
        painter.save()
        painter.fillRect(gutter, palette.GUTTER_BG)
        painter.setPen(QPen(palette.COLUMN_LINE))
        painter.drawLine(gutter.topRight(), gutter.bottomRight())
        painter.setFont(self.font())
        metrics = QFontMetricsF(self.font())
        now_y = self._now_y()
        painter.setPen(palette.GUTTER_TEXT)
        for hour in range(24):
            y = self._layout.y_for(hour * 60)
            if now_y is not None and abs(y - now_y) < metrics.height():
                continue  # the now label takes this place
            box = QRectF(self._gutter_x, y - metrics.height() / 2, self._layout.gutter - 8,
                         metrics.height())
            if hour == 0:
                box.moveTop(y + 1)
            painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             hour_label(hour))
        if now_y is not None:
            label = clock(self._now(), self._tz)
            width = metrics.horizontalAdvance(label) + 10
            pill = QRectF(self._gutter_x + self._layout.gutter - width - 3,
                          now_y - metrics.height() / 2 - 1, width, metrics.height() + 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.NOW_LINE)
            painter.drawRoundedRect(pill, 4, 4)
            painter.setPen(QColor("#FFFFFF"))
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)
        painter.restore()

    # ----- mouse ---------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        pos = event.position()
        booking_id = self.booking_at(pos)
        grab = 0.0
        if booking_id:
            booking = self._shown_position(self._data.booking(booking_id))
            lane = self._layout.lane_at(pos.x())
            if lane is not None:
                top = span_on_day(booking.start_utc, booking.end_utc, lane.day, self._tz)
                if top:
                    grab = self._layout.minutes_at(pos.y()) - top[0]
        self._press = _Press(pos, booking_id, grab)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        press = self._press
        if press is None or not press.booking_id:
            self._update_cursor(pos)
            return
        booking = self._data.booking(press.booking_id)
        if (
            booking is None
            or not booking.movable
            or not self._editable
            or press.booking_id in self._pending
        ):
            return
        if self._drag is None:
            distance = (pos - press.pos).manhattanLength()
            if distance < QApplication.startDragDistance():
                return
        lane = self._layout.lane_at(pos.x())
        if lane is None:
            return
        duration = booking.duration.total_seconds() / 60
        minutes = snap_nearest(self._layout.minutes_at(pos.y()) - press.grab_minutes)
        minutes = max(0, min(minutes, MINUTES_PER_DAY - max(15, int(duration))))
        start = utc_at(lane.day, minutes, self._tz)
        self._drag = _Drag(booking.booking_id, lane.csp_id, start)
        self.setCursor(Qt.CursorShape.ClosedHandCursor)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return super().mouseReleaseEvent(event)
        press, drag = self._press, self._drag
        self._press, self._drag = None, None
        self._update_cursor(event.position())
        if drag is not None:
            original = self._data.booking(drag.booking_id)
            moved = original is not None and (
                drag.csp_id != original.csp_id or drag.start_utc != original.start_utc
            )
            if moved:
                self._pending[drag.booking_id] = (drag.csp_id, drag.start_utc)
                self._changed()
                self.rescheduleRequested.emit(drag.booking_id, drag.csp_id, drag.start_utc)
            else:
                self.update()
            return
        if press.booking_id:
            self.bookingActivated.emit(press.booking_id)
            return
        slot = self.slot_at(press.pos) if self._editable else None
        if slot is not None:
            self.freeTimeClicked.emit(*slot)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._drag is not None:
            self._drag, self._press = None, None
            self.unsetCursor()
            self.update()
            return
        super().keyPressEvent(event)

    def _update_cursor(self, pos: QPointF) -> None:
        booking_id = self.booking_at(pos)
        booking = self._data.booking(booking_id) if booking_id else None
        if booking is not None and booking.movable and self._editable:
            self.setCursor(Qt.CursorShape.OpenHandCursor)
        elif booking is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.unsetCursor()

    # ----- tooltips ------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            help_event: QHelpEvent = event  # type: ignore[assignment]
            text = self.tooltip_at(QPointF(help_event.pos()))
            if text:
                QToolTip.showText(help_event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tooltip_at(self, pos: QPointF) -> str:
        """What hovering explains: the booking, or the blocked time, under `pos`."""
        booking_id = self.booking_at(pos)
        if booking_id:
            b = self._shown_position(self._data.booking(booking_id))
            csp = self._data.csp(b.csp_id)
            lines = [
                f"<b>{_escape(b.title)}</b>"
                + (f" ({b.client_count} clients)" if b.client_count > 1 else ""),
                f"{time_range(b.start_utc, b.end_utc, self._tz)} "
                f"{b.start_utc.astimezone(self._tz).tzname()}",
                f"{STATUS_LABELS[b.status]} · {MODE_LABELS[b.mode]}"
                + (f" · {_escape(csp.name)}" if csp else ""),
            ]
            if b.detail:
                lines.append(_escape(b.detail))
            if b.movable and self._editable:
                lines.append("<i>Drag to reschedule, click for details</i>")
            return "<br>".join(lines)
        slot = self.slot_at(pos)
        if slot is None:
            return ""
        lane = self._layout.lane_at(pos.x())
        csp = self._data.csp(slot[0])
        if csp is None or lane is None:
            return ""
        for span in csp.blocked:
            if span.start_utc <= slot[1] < span.end_utc:
                return f"{_escape(span.label or 'Blocked')}: {_escape(csp.name)} is not available"
        if not self._editable:
            return ""
        return f"Book {_escape(csp.name)} at {clock(slot[1], self._tz)}"


def _initials(title: str) -> str:
    """'Anna Smith' -> 'AS' (the first client of a group): enough to tell blocks apart."""
    first = title.split(",")[0].split(" + ")[0]
    return "".join(word[0] for word in first.split()[:2] if word).upper()


def _fit(text: str, font: QFont, width: float) -> str:
    """`text` elided to `width`, or "" when too little of it would be left to read."""
    if width <= 0:
        return ""
    shown = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, width)
    if shown != text and len(shown.rstrip("…").strip()) < 2:
        return ""
    return shown


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
