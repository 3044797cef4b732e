"""A word-wrapping label whose height follows its width, even inside forms and scroll areas.

Qt's height-for-width does not survive QFormLayout inside a resizable QScrollArea (two-line
hints get clipped); this label instead sets its own minimum height after every resize.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class WrapLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(False)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt name; QLabel re-enables it on setText
        return False

    def minimumSizeHint(self) -> QSize:
        return QSize(60, max(self.minimumHeight(), self.fontMetrics().height()))

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(min(hint.width(), 400), max(self.minimumHeight(), self.fontMetrics().height()))

    def text_height(self, width: int) -> int:
        """The height the wrapped text needs at ``width`` (QLabel's own answer is unreliable
        once a minimum height is set)."""
        if not self.text():
            return 0
        margins = self.contentsMargins()
        inner = max(10, width - margins.left() - margins.right() - 2 * self.margin())
        bounds = self.fontMetrics().boundingRect(
            QRect(0, 0, inner, 100_000), int(Qt.TextFlag.TextWordWrap), self.text()
        )
        return bounds.height() + margins.top() + margins.bottom() + 2 * self.margin()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt name
        super().setText(text)
        self._fit()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        height = self.text_height(max(self.width(), 60))
        if height > 0 and height != self.minimumHeight():
            self.setMinimumHeight(height)
            self.updateGeometry()
