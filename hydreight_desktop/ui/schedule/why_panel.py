"""“Why can't I book this CSP?”: every reason, in the clinic's checklist order, with a fix button.

The panel only shows a report the scheduling service produced; each reason's button
opens the exact place where it is fixed (a CSP profile tab, the business settings, or
the schedule) through the app's navigation.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

import qtawesome as qta
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hydreight_desktop.domain.why_not_bookable import BookabilityReport, NotBookableReason

Navigate = Callable[..., None]

_REASON_ICON = "fa5s.exclamation-triangle"
_OK_ICON = "fa5s.check-circle"


class ReasonCard(QFrame):
    """One reason: number, title, the service's own sentence, and where to fix it."""

    def __init__(self, number: int, reason: NotBookableReason, on_fix: Callable[[], None] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reason = reason
        self.setObjectName("reasonCard")
        self.setStyleSheet(
            "#reasonCard { background: #FFF8E8; border: 1px solid #E9C46A; border-radius: 6px; }"
        )
        icon = QLabel()
        icon.setPixmap(qta.icon(_REASON_ICON, color="#B7791F").pixmap(18, 18))
        title = QLabel(f"{number}. {reason.title}")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        message = QLabel(reason.message)
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(title)
        text.addWidget(message)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 8, 10, 8)
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        self.fix_button: QPushButton | None = None
        if on_fix is not None and reason.fix_label:
            self.fix_button = QPushButton(reason.fix_label)
            self.fix_button.setIcon(qta.icon("fa5s.arrow-right"))
            self.fix_button.setToolTip(f"Go where “{reason.title}” is fixed")
            self.fix_button.clicked.connect(on_fix)
            row.addWidget(self.fix_button, 0, Qt.AlignmentFlag.AlignVCenter)


class WhyPanel(QWidget):
    """Pick a CSP, a mode and a day; the reasons the service gives appear below."""

    queryChanged = Signal(str, str, object)  # csp_id, mode, day (date)

    def __init__(self, navigate: Navigate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._navigate = navigate
        self._report: BookabilityReport | None = None
        self.csp_box = QComboBox()
        self.csp_box.setAccessibleName("Provider")
        self.csp_box.setMinimumContentsLength(16)
        self.mode_box = QComboBox()
        self.mode_box.setAccessibleName("Mode")
        self.mode_box.addItem("Callout", "callout")
        self.mode_box.addItem("Facility", "facility")
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.date_edit.setAccessibleName("Day")
        heading = QLabel("Why can't I book this CSP?")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() + 2)
        font.setBold(True)
        heading.setFont(font)
        pickers = QHBoxLayout()
        for label, widget in (("CSP", self.csp_box), ("Mode", self.mode_box),
                              ("Day", self.date_edit)):
            caption = QLabel(label + ":")
            caption.setBuddy(widget)
            pickers.addWidget(caption)
            pickers.addWidget(widget, 1 if widget is self.csp_box else 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self._cards_host = QWidget()
        self._cards = QVBoxLayout(self._cards_host)
        self._cards.setContentsMargins(0, 0, 0, 0)
        self._cards.setSpacing(8)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._cards_host)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(pickers)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        self.csp_box.currentIndexChanged.connect(self._emit_query)
        self.mode_box.currentIndexChanged.connect(self._emit_query)
        self.date_edit.dateChanged.connect(self._emit_query)
        self._quiet = False

    # ----- the question -------------------------------------------------------------------
    def set_csps(self, csps: Sequence[tuple[str, str]]) -> None:
        """(csp_id, name) pairs to choose from; keeps the current pick when it is still there."""
        current = self.csp_box.currentData()
        self._quiet = True
        try:
            self.csp_box.clear()
            for csp_id, name in csps:
                self.csp_box.addItem(name, csp_id)
            index = self.csp_box.findData(current)
            self.csp_box.setCurrentIndex(max(index, 0))
        finally:
            self._quiet = False

    def ask(self, csp_id: str, mode: str, day: date) -> None:
        """Set the question (e.g. from the booking dialog) and ask it."""
        self._show_question(csp_id, mode, day)
        self._emit_query()

    def _show_question(self, csp_id: str, mode: str, day: date) -> None:
        self._quiet = True
        try:
            index = self.csp_box.findData(csp_id)
            if index >= 0:
                self.csp_box.setCurrentIndex(index)
            self.mode_box.setCurrentIndex(max(self.mode_box.findData(mode), 0))
            self.date_edit.setDate(QDate(day.year, day.month, day.day))
        finally:
            self._quiet = False

    def query(self) -> tuple[str, str, date] | None:
        csp_id = self.csp_box.currentData()
        if not csp_id:
            return None
        return csp_id, self.mode_box.currentData(), self.date_edit.date().toPython()

    def _emit_query(self, *_args) -> None:
        if self._quiet:
            return
        query = self.query()
        if query is not None:
            self.summary.setText("Checking…")
            self.queryChanged.emit(*query)

    # ----- the answer ---------------------------------------------------------------------
    def show_error(self, text: str) -> None:
        self._clear_cards()
        self.summary.setText(text)

    def show_report(self, report: BookabilityReport) -> None:
        self._report = report
        self._show_question(report.csp_id, report.mode.value, report.day)
        self._clear_cards()
        when = f"{report.day:%A} {report.day.day} {report.day:%B}"
        mode = report.mode.label.lower()
        if report.bookable and not report.reasons:
            self.summary.setText(
                f"{report.csp_name} can be booked for {mode} on {when}: "
                f"{len(report.slots)} start time{'s' if len(report.slots) != 1 else ''} free."
            )
        elif report.bookable:
            self.summary.setText(
                f"{report.csp_name} has {len(report.slots)} free {mode} start time"
                f"{'s' if len(report.slots) != 1 else ''} on {when}. Some time is not bookable:"
            )
        elif report.reasons:
            count = len(report.reasons)
            self.summary.setText(
                f"{report.csp_name} cannot be booked for {mode} on {when}. "
                f"{count} reason{'s' if count != 1 else ''}, in the order to check them:"
            )
        else:
            self.summary.setText(f"{report.csp_name} has no free {mode} time on {when}.")
        for number, reason in enumerate(report.reasons, start=1):
            card = ReasonCard(number, reason, self._fix_action(report, reason))
            self._cards.addWidget(card)
        self._cards.addStretch(1)

    def cards(self) -> list[ReasonCard]:
        return [
            w for i in range(self._cards.count())
            if isinstance(w := self._cards.itemAt(i).widget(), ReasonCard)
        ]

    def _fix_action(self, report: BookabilityReport,
                    reason: NotBookableReason) -> Callable[[], None] | None:
        section = reason.section
        if section is None:
            return None
        if section == "providers":
            return lambda: self._navigate("providers", csp_id=report.csp_id, tab=reason.tab)
        if section == "schedule":
            return lambda: self._navigate("schedule", csp_id=report.csp_id, day=report.day)
        return lambda: self._navigate(section)

    def _clear_cards(self) -> None:
        while self._cards.count():
            item = self._cards.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
