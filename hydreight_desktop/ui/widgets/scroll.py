"""A scrolling page whose content always gets its full preferred height and minimum width.

``QScrollArea(widgetResizable=True)`` gives a form only its *minimum* height when the window
is short, squeezing line edits and clipping hints; this area sizes the content to its size
hint at the viewport's width instead, and scrolls the rest.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

MAX_HINT_HEIGHT = 700
HINT_SLACK = 28


class PageScrollArea(QScrollArea):
    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setWidget(content)
        content.setAutoFillBackground(False)  # setWidget turned it on: keep the page's colour
        self.viewport().setAutoFillBackground(False)
        content.installEventFilter(self)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt name
        """As big as the content (so dialogs open fitting their form), at most MAX_HINT_HEIGHT."""
        content = self.widget()
        if content is None:
            return super().sizeHint()
        hint = content.sizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        # slack: wrapped notes may take a line more at the final width than in the hint
        return QSize(hint.width() + bar, min(hint.height() + HINT_SLACK, MAX_HINT_HEIGHT))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit()
            self.updateGeometry()  # our size hint follows the content's
        return super().eventFilter(watched, event)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        content = self.widget()
        if content is None:
            return
        # never narrower than the content can be (then it scrolls sideways instead of overlapping)
        width = max(self.viewport().width(), content.minimumSizeHint().width())
        layout = content.layout()
        if layout is not None and layout.hasHeightForWidth():
            wanted = layout.totalHeightForWidth(width)
        else:
            wanted = content.sizeHint().height()
        height = max(self.viewport().height(), wanted, content.minimumSizeHint().height())
        if content.width() != width or content.height() != height:
            content.resize(width, height)
