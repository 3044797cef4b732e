"""Sessions: the CSP's bookings for the day, and the session screen, client by client.

Page 1 lists the day's bookings with Start / Resume. Page 2 is the session: the clients on
the left; on the right the selected client's next step (MSE, treatment, or not treated with
a reason), and Finish at the top. Every action goes to the service through the task runner;
a refusal is shown as the service wrote it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hydreight_desktop.domain.booking_status import BookingStatus
from hydreight_desktop.domain.clinical.session_rules import NOT_TREATED_REASONS, ClientState
from hydreight_desktop.domain.clock import zone
from hydreight_desktop.services import mse as mse_service
from hydreight_desktop.services import psf as psf_service
from hydreight_desktop.services import sessions as session_service
from hydreight_desktop.services.clinical_records import visit_summary_pdf
from hydreight_desktop.services.clinical_types import (
    SessionBookingRow,
    SessionClientView,
    SessionView,
)
from hydreight_desktop.ui.context import AppContext
from hydreight_desktop.ui.icons import icon
from hydreight_desktop.ui.widgets.messages import confirm, error_text, show_error
from hydreight_desktop.ui.widgets.mse_form import MseFormWidget
from hydreight_desktop.ui.widgets.pdf_output import preview_pdf
from hydreight_desktop.ui.widgets.treatment_form import TreatmentFormWidget

MODE_LABELS = {"callout": "Callout", "facility": "Facility"}
MSE_STATE_TEXT = {
    "not_needed": ("No MSE needed for these services", "#475569"),
    "needed": ("MSE needed before treatment", "#b45309"),
    "cleared": ("Cleared by MSE", "#15803d"),
    "referred": ("Referred to an HCP — waiting for the decision", "#b45309"),
    "not_cleared": ("Not cleared at the MSE", "#b91c1c"),
}
#: Amber text for a booking that needs attention (olive "dark yellow" was hard to read on white).
FLAG_COLOUR = "#b45309"
SHORT_STATE = {"needed": "MSE needed", "referred": "Waiting for HCP", "not_cleared": "Not cleared"}
STATE_ICONS = {
    "checked_in": ("fa5s.user-clock", "#0369a1"),
    "treated": ("fa5s.check-circle", "#15803d"),
    "not_treated": ("fa5s.minus-circle", "#b91c1c"),
}

PAGE_STYLE = """
#clientPanel QLabel { font-size: 11pt; }
#clientPanel #clientName { font-size: 18pt; font-weight: 600; }
#clientPanel #mseState { font-size: 12pt; font-weight: 600; }
#clientPanel QPushButton { min-height: 40px; font-size: 12pt; padding: 4px 18px; }
#clientList { font-size: 12pt; }
#clientList::item { padding: 10px 6px; }
#sessionHeader #pageTitle { font-size: 15pt; }
QPushButton#finish { min-height: 38px; font-size: 12pt; padding: 4px 18px; }
QPushButton#primary:disabled { background: #e2e8f0; color: #94a3b8; border-color: #e2e8f0; }
"""


class DayListPage(QWidget):
    """The day's bookings, with Start session / Resume session."""

    def __init__(self, section: SessionsSection) -> None:
        super().__init__()
        self.section = section
        self.ctx = section.ctx
        self.rows: list[SessionBookingRow] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        head = QHBoxLayout()
        title = QLabel("Sessions")
        title.setObjectName("pageTitle")
        head.addWidget(title)
        head.addStretch(1)
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd MMM d, yyyy")
        self.today_date = self._clinic_today()
        self.day.setDate(self.today_date)
        self.day.dateChanged.connect(lambda _d: self.refresh())
        today = QPushButton("Today")
        today.clicked.connect(lambda: self.day.setDate(self.today_date))
        head.addWidget(self.day)
        head.addWidget(today)
        layout.addLayout(head)
        self.subtitle = QLabel("")
        self.subtitle.setObjectName("pageSubtitle")
        layout.addWidget(self.subtitle)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("dayTable")
        self.table.setHorizontalHeaderLabels(["Time", "Clients", "Services", "Where", "CSP", "Status"])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.start.click())
        layout.addWidget(self.table, 1)
        self.empty = QLabel("")
        self.empty.setObjectName("hint")
        layout.addWidget(self.empty)
        actions = QHBoxLayout()
        actions.addStretch(1)
        self.start = QPushButton(icon("fa5s.play", "white"), "Start session")
        self.start.setObjectName("primary")
        self.start.setMinimumHeight(40)
        self.start.setEnabled(False)
        self.start.clicked.connect(self._start)
        actions.addWidget(self.start)
        layout.addLayout(actions)

    def _clinic_today(self) -> QDate:
        today = datetime.now(UTC).astimezone(zone(self.ctx.business.time_zone)).date()
        return QDate(today.year, today.month, today.day)

    def load_today(self) -> None:
        """Start on today where the user works (a CSP's own zone), then load the list."""
        def show(today: date) -> None:
            self.today_date = QDate(today.year, today.month, today.day)
            if self.day.date() == self.today_date:
                self.refresh()
            else:
                self.day.setDate(self.today_date)  # dateChanged refreshes

        self.ctx.call(session_service.working_today, on_result=show,
                      on_error=lambda e: show_error(self, e, "Could not load"))

    def refresh(self) -> None:
        qd = self.day.date()
        self.ctx.call(session_service.day_bookings, date(qd.year(), qd.month(), qd.day()),
                      on_result=self._show, on_error=lambda e: show_error(self, e, "Could not load"))

    def _show(self, rows: list[SessionBookingRow]) -> None:
        self.rows = rows
        fmt = self.ctx.fmt
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            services = ", ".join(row.service_names)
            if row.flags:
                services += "\n⚠ " + "\n⚠ ".join(row.flags)
            where = MODE_LABELS.get(row.mode, row.mode) + (f" · {row.address}" if row.address else "")
            status = BookingStatus(row.status).label
            if row.session_status == "in_progress":
                status = "Session in progress"
            when = fmt.time(row.start_at, row.csp_time_zone)
            if row.csp_time_zone != self.ctx.business.time_zone:
                # the list runs in clinic order: say the clinic's time too, or 8:15 PST reads as early
                when += f"\n{fmt.time(row.start_at)} clinic"
            values = [when, "\n".join(row.client_names), services, where,
                      row.csp_name, status]
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                if col == 2 and row.flags:
                    item.setForeground(QColor(FLAG_COLOUR))
                self.table.setItem(i, col, item)
        self.table.resizeRowsToContents()
        count = len(rows)
        self.subtitle.setText(
            f"{count} booking{'s' if count != 1 else ''} · times in each provider's own zone"
        )
        self.empty.setText("" if rows else "No bookings on this day.")
        if rows and not self.table.selectedItems():
            self.table.selectRow(0)
        self._selection_changed()

    def selected(self) -> SessionBookingRow | None:
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) and self.table.selectedItems() else None

    def _selection_changed(self) -> None:
        row = self.selected()
        if row is None:
            self.start.setEnabled(False)
            self.start.setText("Start session")
            return
        if row.session_id:
            self.start.setText("View session" if row.session_status == "finished" else "Resume session")
            self.start.setEnabled(True)
        else:
            self.start.setText("Start session")
            self.start.setEnabled(row.status in (BookingStatus.BOOKED, BookingStatus.CHECKED_IN))

    def _start(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.start.setEnabled(False)
        self.ctx.call(session_service.start_session, row.booking_id,
                      on_result=self.section.open_session, on_error=self._refused)

    def _refused(self, error: BaseException) -> None:
        self._selection_changed()
        show_error(self, error, "Session not started")


class ClientPanel(QWidget):
    """The selected client: services, MSE state, what was done, and the next step."""

    def __init__(self, page: SessionPage) -> None:
        super().__init__()
        self.page = page
        self.setObjectName("clientPanel")
        self.client: SessionClientView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        self.name = QLabel("")
        self.name.setObjectName("clientName")
        layout.addWidget(self.name)
        self.facts = QLabel("")
        self.facts.setWordWrap(True)
        layout.addWidget(self.facts)
        self.services = QLabel("")
        self.services.setWordWrap(True)
        self.services.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.services)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(line)
        self.mse_state = QLabel("")
        self.mse_state.setObjectName("mseState")
        layout.addWidget(self.mse_state)
        self.mse_detail = QLabel("")
        self.mse_detail.setWordWrap(True)
        layout.addWidget(self.mse_detail)
        self.done = QLabel("")
        self.done.setWordWrap(True)
        self.done.setObjectName("infoBox")
        layout.addWidget(self.done)
        actions = QHBoxLayout()
        self.mse_button = QPushButton(icon("fa5s.stethoscope"), "Start MSE")
        self.mse_button.setObjectName("startMse")
        self.mse_button.clicked.connect(lambda: self.page.open_mse(self.client))
        self.treat_button = QPushButton(icon("fa5s.syringe", "white"), "Record treatment")
        self.treat_button.setObjectName("primary")
        self.treat_button.clicked.connect(lambda: self.page.open_treatment(self.client))
        actions.addWidget(self.mse_button)
        actions.addWidget(self.treat_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.not_treated_box = QFrame()
        nl = QHBoxLayout(self.not_treated_box)
        nl.setContentsMargins(0, 8, 0, 0)
        nl.addWidget(QLabel("Not treated today:"))
        self.reason = QComboBox()
        self.reason.setObjectName("notTreatedReason")
        self.reason.setEditable(True)
        self.reason.addItems(["", *NOT_TREATED_REASONS])
        self.reason.lineEdit().setPlaceholderText("Reason (pick or type)")
        # sized by a short reason, not the longest one: the panel must fit a 1024-wide laptop
        self.reason.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.reason.setMinimumContentsLength(18)
        self.reason.setMinimumWidth(200)
        nl.addWidget(self.reason, 1)
        self.not_treated = QPushButton("Mark not treated")
        self.not_treated.setObjectName("markNotTreated")
        self.not_treated.clicked.connect(self._mark_not_treated)
        nl.addWidget(self.not_treated)
        layout.addWidget(self.not_treated_box)
        records = QPushButton(icon("fa5s.notes-medical"), "Open clinical records")
        records.clicked.connect(
            lambda: self.client and self.page.ctx.navigate("records", client_id=self.client.client_id)
        )
        layout.addWidget(records, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def show_client(self, client: SessionClientView, session: SessionView) -> None:
        self.client = client
        fmt = self.page.ctx.fmt
        self.name.setText(client.name)
        facts = []
        if client.date_of_birth:
            facts.append(f"Born {fmt.date(client.date_of_birth)}")
        facts.append(f"Allergies on file: {client.allergies_on_file or 'none recorded'}")
        self.facts.setText(" · ".join(facts))
        parts = []
        for line in client.services:
            text = line.name
            tags = []
            if line.needs_mse:
                tags.append("needs MSE")
            if line.patient_specific:
                status = line.psf_status.label if line.psf_status else "not requested"
                colour = "#15803d" if line.psf_status and line.psf_status.value == "approved" else "#b45309"
                tags.append(f"<span style='color:{colour}'>PSF approval: {status}</span>")
            if tags:
                text += f" <span style='color:#64748b'>({', '.join(tags)})</span>"
            parts.append(f"• {text}")
        self.services.setText("<b>Services</b><br>" + "<br>".join(parts))
        label, colour = MSE_STATE_TEXT[client.mse_state]
        self.mse_state.setVisible(client.state != ClientState.NOT_TREATED)
        self.mse_state.setText(label)
        self.mse_state.setStyleSheet(f"color: {colour};")
        m = client.latest_mse
        if m is not None and client.mse_state != "not_needed":
            detail = (f"Last MSE {fmt.datetime(m.examined_at, session.csp_time_zone)} by "
                      f"{m.examiner_name}: {m.outcome_text}")
            detail += f"\n{m.vitals.summary()}"
            if m.hcp_reason:
                detail += f"\nHCP: {m.hcp_reason}"
            self.mse_detail.setText(detail)
        else:
            self.mse_detail.setText("")
        open_ = client.state == ClientState.CHECKED_IN and not session.is_finished
        if client.treatment is not None:
            t = client.treatment
            vials = "; ".join(f"{v.medication} {v.amount_text} (lot {v.lot_number})" for v in t.vials)
            self.done.setText(
                f"Treated {fmt.time(t.performed_at, session.csp_time_zone)} by {t.performed_by_name}: "
                f"{', '.join(t.service_names)}" + (f"\nVials: {vials}" if vials else "")
                + (f"\nAdverse events: {t.adverse_events}" if t.adverse_events else "")
            )
        elif client.state == ClientState.NOT_TREATED:
            self.done.setText(f"Not treated: {client.not_treated_reason} ({client.closed_by_name})")
        self.done.setVisible(not open_)
        self.mse_button.setVisible(open_ and client.mse_state != "not_needed")
        self.mse_button.setText("Start MSE" if client.mse_state == "needed" else "New MSE")
        self.treat_button.setVisible(open_)
        self.treat_button.setEnabled(client.ready_to_treat)
        self.treat_button.setToolTip("" if client.ready_to_treat else label)
        self.not_treated_box.setVisible(open_)
        self.reason.setCurrentIndex(0)
        if client.mse_state == "referred":
            self.reason.setEditText("Waiting for an HCP decision")
        elif client.mse_state == "not_cleared":
            self.reason.setEditText("Not cleared at the MSE")

    def _mark_not_treated(self) -> None:
        if self.client is None:
            return
        self.page.call(session_service.mark_not_treated, self.client.id, self.reason.currentText())


class SessionPage(QWidget):
    def __init__(self, section: SessionsSection) -> None:
        super().__init__()
        self.section = section
        self.ctx = section.ctx
        self.view: SessionView | None = None
        self.setStyleSheet(PAGE_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        header = QFrame()
        header.setObjectName("sessionHeader")
        hl = QHBoxLayout(header)
        hl.setContentsMargins(0, 0, 0, 0)
        back = QPushButton(icon("fa5s.arrow-left"), "Day list")
        back.clicked.connect(section.show_day_list)
        hl.addWidget(back)
        titles = QVBoxLayout()
        self.title = QLabel("")
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)  # wraps rather than widening the window on a laptop
        self.subtitle = QLabel("")
        self.subtitle.setObjectName("pageSubtitle")
        self.subtitle.setWordWrap(True)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        hl.addLayout(titles, 1)
        self.summary = QPushButton(icon("fa5s.print"), "Visit summary")
        self.summary.clicked.connect(self._print_summary)
        hl.addWidget(self.summary)
        self.finish = QPushButton(icon("fa5s.flag-checkered", "white"), "Finish session")
        self.finish.setObjectName("finish")
        self.finish.setProperty("class", "primary")
        self.finish.setStyleSheet("background:#0f766e;color:white;border-color:#0f766e;")
        self.finish.clicked.connect(self._finish)
        hl.addWidget(self.finish)
        layout.addWidget(header)
        self.banner = QLabel("")
        self.banner.setObjectName("infoBox")
        self.banner.setWordWrap(True)
        layout.addWidget(self.banner)
        split = QSplitter()
        self.clients = QListWidget()
        self.clients.setObjectName("clientList")
        self.clients.setMinimumWidth(220)
        self.clients.setMaximumWidth(320)
        self.clients.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.clients.setWordWrap(True)
        self.clients.currentRowChanged.connect(self._client_changed)
        split.addWidget(self.clients)
        self.right = QStackedWidget()
        self.panel = ClientPanel(self)
        self.mse_form = MseFormWidget()
        self.mse_form.submitted.connect(self._save_mse)
        self.mse_form.cancelled.connect(lambda: self.right.setCurrentWidget(self.panel))
        self.treatment_form = TreatmentFormWidget()
        self.treatment_form.submitted.connect(self._save_treatment)
        self.treatment_form.cancelled.connect(lambda: self.right.setCurrentWidget(self.panel))
        self.treatment_form.request_approval.connect(self._request_approval)
        for w in (self.panel, self.mse_form, self.treatment_form):
            self.right.addWidget(w)
        split.addWidget(self.right)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)

    # -- showing --------------------------------------------------------------------------
    def show_session(self, view: SessionView, keep_client: str | None = None) -> None:
        self.view = view
        fmt = self.ctx.fmt
        tz = view.csp_time_zone
        self.title.setText(f"Session · {fmt.datetime(view.start_at, tz)}")
        where = MODE_LABELS.get(view.mode, view.mode) + (f" · {view.address}" if view.address else "")
        self.subtitle.setText(f"{view.csp_name} · {where} · started {fmt.time(view.started_at, tz)} "
                              f"by {view.started_by_name}")
        if view.is_finished:
            self.banner.setText(f"Finished {fmt.datetime(view.finished_at, tz)} by {view.finished_by_name}. "
                                "The records are closed; corrections are amendments in Records.")
        else:
            waiting = sum(1 for c in view.clients if c.state == ClientState.CHECKED_IN)
            self.banner.setText(
                f"{waiting} of {len(view.clients)} client(s) still to treat or mark not treated."
                if waiting else "Every client is done. Finish the session to complete the booking."
            )
        self.finish.setVisible(not view.is_finished)
        current = keep_client or (self.panel.client.id if self.panel.client else None)
        self.clients.blockSignals(True)
        self.clients.clear()
        row_to_select = 0
        for i, c in enumerate(view.clients):
            state_text = ClientState(c.state).label
            if c.state == ClientState.CHECKED_IN:
                state_text = SHORT_STATE.get(c.mse_state, "Ready to treat")
            item = QListWidgetItem(icon(*STATE_ICONS[c.state]), f"{c.name}\n{state_text}")
            self.clients.addItem(item)
            if c.id == current:
                row_to_select = i
        self.clients.blockSignals(False)
        self.clients.setCurrentRow(row_to_select)
        self._client_changed(row_to_select)
        self.right.setCurrentWidget(self.panel)

    def _client_changed(self, row: int) -> None:
        if self.view is None or not 0 <= row < len(self.view.clients):
            return
        self.panel.show_client(self.view.clients[row], self.view)
        self.right.setCurrentWidget(self.panel)

    def open_mse(self, client: SessionClientView | None) -> None:
        if client is None:
            return
        tz = self.view.csp_time_zone if self.view else None
        self.mse_form.set_client(client, self.ctx.business.name, lambda t: self.ctx.fmt.time(t, tz))
        self.right.setCurrentWidget(self.mse_form)

    def open_treatment(self, client: SessionClientView | None) -> None:
        if client is None:
            return
        today = datetime.now(UTC).astimezone(zone(self.ctx.business.time_zone)).date()
        self.treatment_form.set_client(client, today)
        self.right.setCurrentWidget(self.treatment_form)

    # -- actions --------------------------------------------------------------------------
    def call(self, fn, *args, on_error=None) -> None:
        """Run a session action; the refreshed session comes back and is shown."""
        keep = self.panel.client.id if self.panel.client else None
        self.ctx.call(fn, *args, on_result=lambda v: self.show_session(v, keep),
                      on_error=on_error or (lambda e: show_error(self, e)))

    def _save_mse(self, form) -> None:
        self.mse_form.save.setEnabled(False)

        def failed(error: BaseException) -> None:
            self.mse_form.save.setEnabled(True)
            self.mse_form.show_error(error_text(error))

        def done(view: SessionView) -> None:
            self.mse_form.save.setEnabled(True)
            self.show_session(view, self.mse_form.client.id if self.mse_form.client else None)

        self.ctx.call(mse_service.record_mse, self.mse_form.client.id, form,
                      on_result=done, on_error=failed)

    def _save_treatment(self, form) -> None:
        client = self.treatment_form.client

        def failed(error: BaseException) -> None:
            self.treatment_form.show_error(error_text(error))

        self.ctx.call(session_service.record_treatment, client.id, form,
                      on_result=lambda v: self.show_session(v, client.id), on_error=failed)

    def _request_approval(self, service_id: str) -> None:
        client = self.treatment_form.client
        if client is None:
            return

        def done(_result) -> None:
            self.ctx.status_message("Approval requested: it is now in the HCP's queue.")
            self.section.reload_session(client.id)

        self.ctx.call(psf_service.request_approval, client.client_id, service_id,
                      f"Requested during the session of {self.view.csp_name}",
                      on_result=done, on_error=lambda e: show_error(self, e, "Not requested"))

    def _finish(self) -> None:
        if self.view is None:
            return
        if not confirm(self, "Finish session",
                       "Finish this session? The booking is completed and the records are closed.",
                       "Finish session"):
            return
        self.call(session_service.finish_session, self.view.id,
                  on_error=lambda e: show_error(self, e, "Session not finished"))

    def _print_summary(self) -> None:
        if self.view is None:
            return
        self.ctx.call(visit_summary_pdf, self.view.id,
                      on_result=lambda data: preview_pdf(self, data, "Visit summary"),
                      on_error=lambda e: show_error(self, e, "Could not print"))


class SessionsSection(QStackedWidget):
    """Section key ``sessions``."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.day_list = DayListPage(self)
        self.session_page = SessionPage(self)
        self.addWidget(self.day_list)
        self.addWidget(self.session_page)
        self.day_list.load_today()

    def refresh(self) -> None:
        if self.currentWidget() is self.session_page and self.session_page.view is not None:
            self.reload_session()
        else:
            self.day_list.refresh()

    def reload_session(self, keep_client: str | None = None) -> None:
        view = self.session_page.view
        if view is None:
            return
        self.ctx.call(session_service.get_session, view.id,
                      on_result=lambda v: self.session_page.show_session(v, keep_client),
                      on_error=lambda e: show_error(self, e, "Could not load"))

    def open_session(self, view: SessionView) -> None:
        self.session_page.show_session(view)
        self.setCurrentWidget(self.session_page)

    def show_day_list(self) -> None:
        self.setCurrentWidget(self.day_list)
        self.day_list.refresh()

    def navigate_to(self, booking_id: str | None = None, **_params) -> None:
        """``navigate("sessions", booking_id=...)`` opens (or starts) that booking's session."""
        if booking_id:
            self.ctx.call(session_service.start_session, booking_id, on_result=self.open_session,
                          on_error=lambda e: show_error(self, e, "Session not started"))
