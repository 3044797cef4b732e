"""Column headings above the schedule grid and the zone corner above the hour gutter."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from . import palette
from .canvas import ScheduleCanvas
from .timeaxis import zone_abbreviation, zone_abbreviations, zone_city


class ScheduleHeader(QWidget):
    """Paints CSP names (day view) or days with CSP initials (week view), scrolled with the grid."""

    def __init__(self, canvas: ScheduleCanvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._canvas = canvas
        self._offset = 0.0
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(7.5, self.font().pointSizeF() - 1))

    def set_offset(self, x: float) -> None:
        self._offset = x
        self.update()

    def _line(self, font: QFont) -> float:
        return QFontMetricsF(font).height()

    def _shows_lanes(self) -> bool:
        return len(self._canvas.days) > 1 and len(self._canvas.csp_ids) > 1

    def sizeHint(self) -> QSize:
        height = 10 + self._line(self._bold) + self._line(self._small)
        if self._shows_lanes():
            height += self._line(self._small) + 2
        return QSize(400, int(height))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def corner_text(self) -> tuple[str, str]:
        """(abbreviation, city) of the zone the grid is drawn in, e.g. ('EST', 'New York')."""
        tz = self._canvas.display_zone
        return zone_abbreviations(tz, self._canvas.days), zone_city(tz.key)

    def column_texts(self) -> list[tuple[str, str]]:
        """(title, subtitle) of each column as painted."""
        canvas = self._canvas
        tz = canvas.display_zone
        texts = []
        for column in canvas.grid.columns:
            if column.csp_id is not None:
                csp = canvas.data.csp(column.csp_id)
                name = csp.name if csp else "?"
                if csp and csp.time_zone != tz.key:
                    home = ZoneInfo(csp.time_zone)
                    sub = f"Home zone {zone_abbreviation(home, column.day)} · {zone_city(csp.time_zone)}"
                else:
                    sub = zone_city(csp.time_zone) if csp else ""
                texts.append((name, sub))
            else:
                texts.append((column.day.strftime("%a %-d"), column.day.strftime("%b %Y")))
        return texts

    def paintEvent(self, event: QPaintEvent) -> None:
        canvas = self._canvas
        grid = canvas.grid
        painter = QPainter(self)
        painter.fillRect(self.rect(), palette.HEADER_BG)
        today = canvas.now().astimezone(canvas.display_zone).date()
        line_bold, line_small = self._line(self._bold), self._line(self._small)
        painter.save()
        painter.translate(-self._offset, 0)
        for column, (title, sub) in zip(grid.columns, self.column_texts(), strict=True):
            is_today = column.day == today and len(canvas.days) > 1
            box = QRectF(column.x + 6, 4, column.width - 12, line_bold)
            painter.setFont(self._bold)
            painter.setPen(palette.TODAY_ACCENT if is_today else palette.HEADER_TEXT)
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             QFontMetricsF(self._bold).elidedText(
                                 title, Qt.TextElideMode.ElideRight, box.width()))
            painter.setFont(self._small)
            painter.setPen(palette.HEADER_SUBTEXT)
            sub_box = QRectF(box.left(), box.bottom(), box.width(), line_small)
            painter.drawText(sub_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             QFontMetricsF(self._small).elidedText(
                                 sub, Qt.TextElideMode.ElideRight, sub_box.width()))
            if is_today:
                painter.fillRect(QRectF(column.x, 0, column.width, 3), palette.TODAY_ACCENT)
            if self._shows_lanes():
                for lane in column.lanes:
                    csp = canvas.data.csp(lane.csp_id)
                    lane_box = QRectF(lane.x, sub_box.bottom() + 2, lane.width, line_small)
                    painter.drawText(lane_box, Qt.AlignmentFlag.AlignCenter,
                                     csp.initials if csp else "?")
            painter.setPen(QPen(palette.DAY_LINE if len(canvas.days) > 1 else palette.COLUMN_LINE))
            painter.drawLine(QPointF(column.x, 0), QPointF(column.x, self.height()))
        painter.restore()
        # The corner above the gutter stays put and names the zone the hours are in.
        corner = QRectF(0, 0, grid.gutter, self.height())
        painter.fillRect(corner, palette.HEADER_BG)
        abbr, city = self.corner_text()
        painter.setFont(self._bold)
        painter.setPen(palette.HEADER_TEXT)
        fm_bold = QFontMetricsF(self._bold)
        painter.drawText(QRectF(2, 4, grid.gutter - 4, line_bold), Qt.AlignmentFlag.AlignCenter,
                         fm_bold.elidedText(abbr, Qt.TextElideMode.ElideRight, grid.gutter - 4))
        painter.setFont(self._small)
        painter.setPen(palette.HEADER_SUBTEXT)
        painter.drawText(QRectF(2, 4 + line_bold, grid.gutter - 4, line_small),
                         Qt.AlignmentFlag.AlignCenter,
                         QFontMetricsF(self._small).elidedText(
                             city, Qt.TextElideMode.ElideRight, grid.gutter - 4))
        painter.setPen(QPen(palette.COLUMN_LINE))
        painter.drawLine(QPointF(grid.gutter, 0), QPointF(grid.gutter, self.height()))
        painter.drawLine(QPointF(0, self.height() - 1), QPointF(self.width(), self.height() - 1))
        painter.end()
