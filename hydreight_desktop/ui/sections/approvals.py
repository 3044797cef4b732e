"""Approvals: the HCP's queue of patient-specific approval requests and MSE referrals.

An HCP approves (protocol/dose, valid until) or refuses (reason); clears or does not clear
a referred client. An admin sees the same queue to follow up, but only an HCP decides.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hydreight_desktop.domain.clinical.contraindications import ITEMS_BY_KEY
from hydreight_desktop.domain.clinical.outcome import MseOutcome
from hydreight_desktop.domain.clock import utcnow, zone
from hydreight_desktop.domain.roles import Role
from hydreight_desktop.services import mse as mse_service
from hydreight_desktop.services import psf as psf_service
from hydreight_desktop.services.clinical_types import PsfApprovalView, ReferralView
from hydreight_desktop.ui.context import AppContext
from hydreight_desktop.ui.icons import icon
from hydreight_desktop.ui.widgets.messages import error_text, show_error
from hydreight_desktop.ui.widgets.scroll import PageScrollArea

DEFAULT_APPROVAL_DAYS = 90
NOT_HCP_HINT = "Only a Healthcare Provider can decide. You can follow the queue here."

STYLE = """
#approvalDetail QLabel { font-size: 11pt; }
#approvalDetail #detailTitle { font-size: 15pt; font-weight: 600; }
#approvalDetail QPushButton { min-height: 38px; font-size: 11pt; padding: 4px 16px; }
QPushButton#primary:disabled { background: #e2e8f0; color: #94a3b8; border-color: #e2e8f0; }
"""


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _records_button(tab: PsfTab | ReferralTab) -> QPushButton:
    """Open the selected client's clinical timeline before deciding."""
    button = QPushButton(icon("fa5s.notes-medical"), "Client's clinical records")

    def open_records() -> None:
        item = tab.selected()
        if item is not None:
            client_id = item.client_id if isinstance(item, PsfApprovalView) else item.mse.client_id
            tab.ctx.navigate("records", client_id=client_id)

    button.clicked.connect(open_records)
    return button


def _side_panel(split: QSplitter, detail: QWidget, empty_text: str) -> tuple[QWidget, QLabel]:
    """The decision panel scrolls on short screens; with an empty queue a hint stands in for it."""
    detail.ensurePolished()
    area = PageScrollArea(detail)
    # the splitter must leave the form its width; only the height scrolls on short screens
    area.setMinimumWidth(detail.minimumSizeHint().width() + area.verticalScrollBar().sizeHint().width())
    split.addWidget(area)
    empty = QLabel(empty_text)
    empty.setObjectName("hint")
    empty.setWordWrap(True)
    empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
    empty.hide()
    split.addWidget(empty)
    return area, empty


def _show_queue(tab: PsfTab | ReferralTab, has_items: bool) -> None:
    tab.detail_area.setVisible(has_items)
    tab.detail.setVisible(has_items)
    tab.empty.setVisible(not has_items)


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for i, values in enumerate(rows):
        for col, text in enumerate(values):
            table.setItem(i, col, QTableWidgetItem(text))
    table.resizeRowsToContents()
    if rows:
        table.selectRow(0)


class _QueueTab(QWidget):
    """A queue on the left; the selected item's details and the HCP's decision on the right.

    Subclasses add their decision boxes (``_decision_boxes``) and name the inputs only an HCP
    may use (``_hcp_inputs``).
    """

    def __init__(
        self,
        section: ApprovalsSection,
        headers: list[str],
        empty_text: str,
        stretch: tuple[int, int, int],
        sizes: list[int],
        rich_info: bool = False,
    ) -> None:
        super().__init__()
        self.section = section
        self.ctx = section.ctx
        self.items: list = []
        layout = QHBoxLayout(self)
        split = QSplitter()
        self.table = _table(headers)
        self.table.itemSelectionChanged.connect(self._show_selected)
        split.addWidget(self.table)
        detail = QWidget()
        detail.setObjectName("approvalDetail")
        detail.setStyleSheet(STYLE)
        dl = QVBoxLayout(detail)
        self.title = QLabel("")
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        dl.addWidget(self.title)
        self.info = QLabel("")
        self.info.setWordWrap(True)
        if rich_info:
            self.info.setTextFormat(Qt.TextFormat.RichText)
            self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        dl.addWidget(self.info)
        dl.addWidget(_records_button(self), 0, Qt.AlignmentFlag.AlignLeft)
        for box in self._decision_boxes():
            dl.addWidget(box)
        self.error = QLabel("")
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        dl.addWidget(self.error)
        self.hint = QLabel(NOT_HCP_HINT)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        dl.addWidget(self.hint)
        dl.addStretch(1)
        self.detail = detail
        self.detail_area, self.empty = _side_panel(split, detail, empty_text)
        for index, factor in enumerate(stretch):
            split.setStretchFactor(index, factor)
        split.setSizes(sizes)
        layout.addWidget(split)
        is_hcp = self.ctx.actor.role == Role.HCP
        self.hint.setVisible(not is_hcp)
        for widget in self._hcp_inputs():
            widget.setEnabled(is_hcp)

    def _decision_boxes(self) -> list[QWidget]:
        return []

    def _hcp_inputs(self) -> list[QWidget]:
        return []

    def _show_selected(self) -> None:
        """Fill the detail panel for the selected item (each queue shows its own fields)."""

    def selected(self):
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None


class PsfTab(_QueueTab):
    def __init__(self, section: ApprovalsSection) -> None:
        super().__init__(
            section,
            ["Client", "Service", "Requested", "By"],
            "No approval requests are waiting. Requests for patient-specific services appear "
            "here as CSPs book or ask for them.",
            stretch=(3, 2, 2),
            sizes=[700, 500, 500],  # the queue table wide enough for its four columns
        )

    def _decision_boxes(self) -> list[QWidget]:
        approve_box = QGroupBox("Approve")
        form = QFormLayout(approve_box)
        self.protocol = QLineEdit()
        self.protocol.setObjectName("protocol")
        self.protocol.setPlaceholderText("e.g. Semaglutide 0.25 mg SC weekly × 4 weeks")
        self.valid_until = QDateEdit()
        self.valid_until.setCalendarPopup(True)
        self.valid_until.setDisplayFormat("MMM d, yyyy")
        self.note = QLineEdit()
        self.note.setPlaceholderText("Optional note for the CSP")
        self.approve = QPushButton(icon("fa5s.check", "white"), "Approve")
        self.approve.setObjectName("primary")
        self.approve.clicked.connect(self._approve)
        form.addRow("Protocol / dose", self.protocol)
        form.addRow("Valid until", self.valid_until)
        form.addRow("Note", self.note)
        form.addRow("", self.approve)
        refuse_box = QGroupBox("Refuse")
        rl = QVBoxLayout(refuse_box)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText("Reason for refusing (shown to the CSP and kept in the record)")
        self.reason.setMaximumHeight(70)
        self.refuse = QPushButton(icon("fa5s.times"), "Refuse")
        self.refuse.clicked.connect(self._refuse)
        rl.addWidget(self.reason)
        rl.addWidget(self.refuse, 0, Qt.AlignmentFlag.AlignRight)
        return [approve_box, refuse_box]

    def _hcp_inputs(self) -> list[QWidget]:
        return [self.protocol, self.valid_until, self.note, self.approve, self.reason, self.refuse]

    def refresh(self) -> None:
        self.ctx.call(psf_service.pending_approvals, on_result=self._show,
                      on_error=lambda e: show_error(self, e, "Could not load"))

    def _show(self, items: list[PsfApprovalView]) -> None:
        self.items = items
        fmt = self.ctx.fmt
        _fill(self.table, [[i.client_name, i.service_name, fmt.datetime(i.requested_at),
                            i.requested_by_name] for i in items])
        _show_queue(self, bool(items))
        self.section.update_counts()


    def _show_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        fmt = self.ctx.fmt
        self.title.setText(f"{item.service_name} for {item.client_name}")
        self.info.setText(
            f"Requested {fmt.datetime(item.requested_at)} by {item.requested_by_name}."
            + (f"\nNote: {item.note}" if item.note else "")
        )
        today = utcnow().astimezone(zone(self.ctx.business.time_zone)).date()
        default = today + timedelta(days=DEFAULT_APPROVAL_DAYS)
        self.valid_until.setMinimumDate(QDate(today.year, today.month, today.day).addDays(1))
        self.valid_until.setDate(QDate(default.year, default.month, default.day))
        self.protocol.clear()
        self.note.clear()
        self.reason.clear()
        self.error.clear()

    def _valid_until(self) -> datetime:
        d = self.valid_until.date()
        local_end = datetime.combine(
            datetime(d.year(), d.month(), d.day()).date(), time(23, 59),
            tzinfo=zone(self.ctx.business.time_zone),
        )
        return local_end

    def _approve(self) -> None:
        item = self.selected()
        if item is None:
            return
        self.ctx.call(psf_service.approve, item.id, self.protocol.text(), self._valid_until(),
                      self.note.text(), on_result=self._decided, on_error=self._failed)

    def _refuse(self) -> None:
        item = self.selected()
        if item is None:
            return
        self.ctx.call(psf_service.refuse, item.id, self.reason.toPlainText(),
                      on_result=self._decided, on_error=self._failed)

    def _decided(self, result: PsfApprovalView) -> None:
        self.ctx.status_message(f"{result.service_name} for {result.client_name}: {result.status.label}.")
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self.error.setText(error_text(error))


class ReferralTab(_QueueTab):
    def __init__(self, section: ApprovalsSection) -> None:
        super().__init__(
            section,
            ["Client", "Examined", "CSP", "Services"],
            "No MSE referrals are waiting. When a CSP's exam needs an HCP's decision, the "
            "client appears here.",
            stretch=(2, 3, 3),
            sizes=[560, 640, 640],
            rich_info=True,
        )

    def _decision_boxes(self) -> list[QWidget]:
        box = QGroupBox("Decision")
        bl = QVBoxLayout(box)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("referralReason")
        self.reason.setPlaceholderText("Reason / instructions (required when not cleared)")
        self.reason.setMaximumHeight(80)
        bl.addWidget(self.reason)
        row = QHBoxLayout()
        self.clear_button = QPushButton(icon("fa5s.check", "white"), "Clear for treatment")
        self.clear_button.setObjectName("primary")
        self.clear_button.clicked.connect(lambda: self._decide(MseOutcome.CLEARED))
        self.not_clear_button = QPushButton(icon("fa5s.times"), "Not cleared")
        self.not_clear_button.clicked.connect(lambda: self._decide(MseOutcome.NOT_CLEARED))
        row.addStretch(1)
        row.addWidget(self.not_clear_button)
        row.addWidget(self.clear_button)
        bl.addLayout(row)
        return [box]

    def _hcp_inputs(self) -> list[QWidget]:
        return [self.reason, self.clear_button, self.not_clear_button]

    def refresh(self) -> None:
        self.ctx.call(mse_service.pending_referrals, on_result=self._show,
                      on_error=lambda e: show_error(self, e, "Could not load"))

    def _show(self, items: list[ReferralView]) -> None:
        self.items = items
        fmt = self.ctx.fmt
        _fill(self.table, [[i.client_name, fmt.datetime(i.mse.examined_at), i.csp_name,
                            ", ".join(i.service_names)] for i in items])
        _show_queue(self, bool(items))
        self.section.update_counts()


    def _show_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        m = item.mse
        fmt = self.ctx.fmt
        self.title.setText(f"Referral: {item.client_name}")
        yes = [ITEMS_BY_KEY[k].question for k, v in m.checklist.items() if v and k in ITEMS_BY_KEY]

        def esc(text: str) -> str:
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

        rows = [
            ("Examined", f"{fmt.datetime(m.examined_at)} by {m.examiner_name}"),
            ("Born", fmt.date(item.client_date_of_birth) if item.client_date_of_birth else "—"),
            ("Services", ", ".join(item.service_names) or "—"),
            ("Vitals", m.vitals.summary()),
            ("Findings", "<br>".join(esc(f) for f in m.findings) or "None"),
            ("Answered yes", "<br>".join(esc(q) for q in yes) or "None"),
            ("History", esc(m.medical_history)),
            ("Medications", esc(m.current_medications)),
            ("Allergies", esc(m.allergies)),
            ("CSP's reason", esc(m.outcome_reason) or "—"),
        ]
        if m.notes:
            rows.append(("Notes", esc(m.notes)))
        self.info.setText(
            "<table cellspacing=4>" + "".join(
                f"<tr><td style='color:#64748b;padding-right:10px' valign=top>{k}</td><td>{v}</td></tr>"
                for k, v in rows
            ) + "</table>"
        )
        self.reason.clear()
        self.error.clear()

    def _decide(self, decision: MseOutcome) -> None:
        item = self.selected()
        if item is None:
            return
        self.ctx.call(mse_service.decide_referral, item.mse.id, decision, self.reason.toPlainText(),
                      on_result=self._decided, on_error=lambda e: self.error.setText(error_text(e)))

    def _decided(self, result) -> None:
        self.ctx.status_message(f"Referral decided: {result.outcome_text}.")
        self.refresh()


class ApprovalsSection(QWidget):
    """Section key ``approvals``."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        title = QLabel("Approvals")
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        subtitle = QLabel("Patient-specific service requests and MSE referrals waiting for an HCP.")
        subtitle.setObjectName("pageSubtitle")
        layout.addWidget(subtitle)
        self.tabs = QTabWidget()
        self.psf = PsfTab(self)
        self.referrals = ReferralTab(self)
        self.tabs.addTab(self.psf, icon("fa5s.prescription-bottle-alt"), "PSF approvals")
        self.tabs.addTab(self.referrals, icon("fa5s.stethoscope"), "MSE referrals")
        layout.addWidget(self.tabs, 1)
        self.refresh()

    def refresh(self) -> None:
        self.psf.refresh()
        self.referrals.refresh()

    def update_counts(self) -> None:
        self.tabs.setTabText(0, f"PSF approvals ({len(self.psf.items)})")
        self.tabs.setTabText(1, f"MSE referrals ({len(self.referrals.items)})")

    def navigate_to(self, tab: str | None = None, **_params) -> None:
        if tab == "referrals":
            self.tabs.setCurrentWidget(self.referrals)
        elif tab == "psf":
            self.tabs.setCurrentWidget(self.psf)
