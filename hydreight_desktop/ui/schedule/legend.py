"""The key under the schedule: status colours, callout/facility marks, shading."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from . import palette
from .view_model import MODE_LABELS, STATUS_LABELS, STATUSES

_SWATCH = 12.0
_GAP = 14.0


class ScheduleLegend(QWidget):
    """One painted line of keys; wraps onto a second line when the window is narrow."""

    def entries(self) -> list[tuple[str, str]]:
        """(kind, label) of every key in paint order."""
        items = [("status:" + s, STATUS_LABELS[s]) for s in STATUSES]
        items += [("mode:" + m, MODE_LABELS[m]) for m in MODE_LABELS]
        items += [("working", "Working hours"), ("blocked", "Vacation / block"), ("now", "Now")]
        return items

    def _item_width(self, label: str) -> float:
        return _SWATCH + 5 + QFontMetricsF(self.font()).horizontalAdvance(label) + _GAP

    def _rows(self, width: float) -> list[list[tuple[str, str]]]:
        rows: list[list[tuple[str, str]]] = [[]]
        used = 8.0
        for kind, label in self.entries():
            needed = self._item_width(label)
            if rows[-1] and used + needed > width:
                rows.append([])
                used = 8.0
            rows[-1].append((kind, label))
            used += needed
        return rows

    def _row_height(self) -> float:
        return max(_SWATCH, QFontMetricsF(self.font()).height()) + 6

    def sizeHint(self) -> QSize:
        width = 8 + sum(self._item_width(label) for _, label in self.entries())
        return QSize(int(width), int(self._row_height() + 4))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, int(self._row_height() + 4))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return int(len(self._rows(width)) * self._row_height() + 4)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        metrics = QFontMetricsF(self.font())
        row_h = self._row_height()
        for row_index, row in enumerate(self._rows(self.width())):
            x = 8.0
            y = 2 + row_index * row_h
            for kind, label in row:
                swatch = QRectF(x, y + (row_h - _SWATCH) / 2, _SWATCH, _SWATCH)
                self._paint_swatch(painter, kind, swatch)
                painter.setPen(palette.HEADER_TEXT)
                text_box = QRectF(swatch.right() + 5, y, metrics.horizontalAdvance(label) + 2, row_h)
                painter.drawText(text_box, Qt.AlignmentFlag.AlignVCenter, label)
                x += self._item_width(label)
        painter.end()

    def _paint_swatch(self, painter: QPainter, kind: str, box: QRectF) -> None:
        painter.save()
        if kind.startswith("status:"):
            style = palette.style_for(kind.split(":", 1)[1])
            pen = QPen(QColor(style.border), 1)
            if style.dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(QColor(style.fill))
            painter.drawRoundedRect(box, 3, 3)
        elif kind.startswith("mode:"):
            mode = kind.split(":", 1)[1]
            painter.drawPixmap(box.topLeft(), palette.mode_pixmap(mode, "#3A4249", int(box.width())))
        elif kind == "working":
            painter.setPen(QPen(palette.COLUMN_LINE))
            painter.setBrush(palette.WORKING_HOURS)
            painter.drawRect(box)
        elif kind == "blocked":
            painter.fillRect(box, palette.BLOCKED_FILL)
            painter.fillRect(box, QBrush(palette.BLOCKED_HATCH, Qt.BrushStyle.BDiagPattern))
            painter.setPen(QPen(palette.BLOCKED_HATCH))
            painter.drawRect(box)
        elif kind == "now":
            painter.setPen(QPen(palette.NOW_LINE, 2))
            mid = box.center().y()
            painter.drawLine(QPointF(box.left(), mid), QPointF(box.right(), mid))
        painter.restore()
