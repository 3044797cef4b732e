"""New booking: mode, address, CSP (or first available), day, free times, clients, price, confirm.

Everything is reachable from the keyboard: each field has a mnemonic, services are ticked
with the space bar, the free times are a list navigated with the arrows, and Ctrl+Enter books.
The scheduling service does every check; the dialog shows its messages as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hydreight_desktop.domain.clock import utcnow, zone
from hydreight_desktop.services import scheduling
from hydreight_desktop.services.scheduling_records import (
    BookingClientForm,
    BookingForm,
    BookingQuote,
    BookingRecord,
    CspChoice,
    ServiceChoice,
    SlotRecord,
    SlotTakenError,
)
from hydreight_desktop.ui.context import AppContext
from hydreight_desktop.ui.icons import icon
from hydreight_desktop.ui.widgets.messages import error_text

from .client_row import PSF_NOTE, ClientRow
from .message_strip import MessageStrip

FIRST_AVAILABLE = ""
REFRESH_DELAY_MS = 250


class NewBookingDialog(QDialog):
    """Book one or more clients with a CSP; ``booking`` holds the result once accepted."""

    whyRequested = Signal(str, str, object)  # csp_id, mode, day

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        csp_id: str | None = None,
        start: datetime | None = None,
        mode: str = "facility",
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tz = zone(ctx.business.time_zone)
        self._wanted_start = start
        self._wanted_csp = csp_id
        self._services: list[ServiceChoice] = []
        self._csps: list[CspChoice] = []
        self._slots: list[SlotRecord] = []
        self._request = 0
        self.booking: BookingRecord | None = None
        self.setWindowTitle("New booking")
        self.setObjectName("newBookingDialog")
        self.message = MessageStrip()
        self._build_form(mode, start)
        self._build_right()
        self._build_buttons()
        body = QHBoxLayout()
        body.addLayout(self._left, 3)
        body.addLayout(self._right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh_now)
        self.resize(980, 680)
        self._on_mode()
        self._load_choices()

    # ----- building --------------------------------------------------------------------------
    def _build_form(self, mode: str, start: datetime | None) -> None:
        self.facility_radio = QRadioButton("&Facility (client comes in)")
        self.callout_radio = QRadioButton("Call&out (CSP travels)")
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.facility_radio)
        self.mode_group.addButton(self.callout_radio)
        (self.callout_radio if mode == "callout" else self.facility_radio).setChecked(True)
        modes = QHBoxLayout()
        modes.addWidget(self.facility_radio)
        modes.addWidget(self.callout_radio)
        modes.addStretch(1)
        self.address = QLineEdit()
        self.address.setPlaceholderText("Street, city, ZIP: where the CSP goes")
        self.address.setAccessibleName("Address")
        self.csp_box = QComboBox()
        self.csp_box.setAccessibleName("CSP")
        self.csp_box.addItem(icon("fa5s.bolt"), "First available", FIRST_AVAILABLE)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.date_edit.setAccessibleName("Day")
        day = (start.astimezone(self._tz).date() if start else self._today())
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.date_edit.setMinimumDate(QDate(self._today().year, self._today().month,
                                            self._today().day))
        form = QFormLayout()
        form.addRow("Mode", modes)
        self.address_label = QLabel("&Address")
        self.address_label.setBuddy(self.address)
        form.addRow(self.address_label, self.address)
        csp_label = QLabel("&CSP")
        csp_label.setBuddy(self.csp_box)
        form.addRow(csp_label, self.csp_box)
        date_label = QLabel("&Day")
        date_label.setBuddy(self.date_edit)
        form.addRow(date_label, self.date_edit)
        self.rows_host = QWidget()
        self.rows_layout = QVBoxLayout(self.rows_host)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.rows_host)
        self.add_client_button = QPushButton("Add &another client")
        self.add_client_button.setIcon(icon("fa5s.plus"))
        self.add_client_button.setAutoDefault(False)
        clients_title = QLabel("Clients and their services")
        clients_title.setObjectName("sectionTitle")
        self._left = QVBoxLayout()
        self._left.addLayout(form)
        self._left.addWidget(clients_title)
        self._left.addWidget(scroll, 1)
        self._left.addWidget(self.add_client_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.rows: list[ClientRow] = []
        self.facility_radio.toggled.connect(self._on_mode)
        self.address.textChanged.connect(self._update_ready)
        self.csp_box.currentIndexChanged.connect(self.schedule_refresh)
        self.date_edit.dateChanged.connect(self.schedule_refresh)
        self.add_client_button.clicked.connect(self.add_client_row)

    def _build_right(self) -> None:
        slots_label = QLabel("Free &times")
        self.slot_list = QListWidget()
        self.slot_list.setAccessibleName("Free times")
        slots_label.setBuddy(self.slot_list)
        self.slot_hint = QLabel()
        self.slot_hint.setWordWrap(True)
        self.slot_hint.setObjectName("hint")
        self.why_button = QPushButton("Why can't I book this CSP?")
        self.why_button.setIcon(icon("fa5s.question-circle"))
        self.why_button.setVisible(False)
        self.why_button.setAutoDefault(False)
        self.summary = QLabel()
        self.summary.setObjectName("infoBox")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._right = QVBoxLayout()
        self._right.addWidget(slots_label)
        self._right.addWidget(self.slot_list, 1)
        self._right.addWidget(self.slot_hint)
        self._right.addWidget(self.why_button, 0, Qt.AlignmentFlag.AlignLeft)
        summary_title = QLabel("Summary")
        summary_title.setObjectName("sectionTitle")
        self._right.addWidget(summary_title)
        self._right.addWidget(self.summary)
        self.slot_list.currentRowChanged.connect(self._update_ready)
        self.slot_list.itemActivated.connect(lambda _i: self.book())
        self.why_button.clicked.connect(self._ask_why)

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.book_button = self.buttons.addButton("&Book", QDialogButtonBox.ButtonRole.AcceptRole)
        self.book_button.setIcon(icon("fa5s.calendar-check", "#FFFFFF"))
        self.book_button.setObjectName("primary")
        self.book_button.setToolTip("Book (Ctrl+Enter)")
        self.book_button.setDefault(True)
        self.buttons.accepted.connect(self.book)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.book)

    # ----- choices ---------------------------------------------------------------------------
    def _today(self) -> date:
        return utcnow().astimezone(self._tz).date()

    def _load_choices(self) -> None:
        self._ctx.call(scheduling.list_csps_for_booking, on_result=self._set_csps,
                       on_error=self._failed)
        self._ctx.call(scheduling.bookable_services, on_result=self._set_services,
                       on_error=self._failed)

    def _set_csps(self, csps: Sequence[CspChoice]) -> None:
        self._csps = list(csps)
        self.csp_box.blockSignals(True)
        for csp in self._csps:
            self.csp_box.addItem(csp.name, csp.id)
        self._label_csps()
        if self._wanted_csp:
            index = self.csp_box.findData(self._wanted_csp)
            if index >= 0:
                self.csp_box.setCurrentIndex(index)
        self.csp_box.blockSignals(False)
        self.schedule_refresh()

    def _label_csps(self) -> None:
        """Say in the picker which CSPs cannot take this mode (they stay pickable: ask why)."""
        mode = self.mode
        for index, csp in enumerate(self._csps, start=1):
            notes = []
            if not csp.is_live:
                notes.append("not live")
            if mode not in {m.value for m in csp.modes}:
                notes.append(f"no {mode} hours")
            self.csp_box.setItemText(index, f"{csp.name} ({', '.join(notes)})" if notes
                                     else csp.name)

    def _set_services(self, services: Sequence[ServiceChoice]) -> None:
        self._services = list(services)  # the service lists active ones only
        for row in self.rows:
            row.set_services(self._services)
        if not self.rows:
            self.add_client_row()
            self.rows[0].search.setFocus()

    # ----- clients ---------------------------------------------------------------------------
    def add_client_row(self) -> ClientRow:
        row = ClientRow(self._ctx, len(self.rows) + 1, self._services)
        row.changed.connect(self.schedule_refresh)
        row.changed.connect(self._fill_address)
        row.removeRequested.connect(self.remove_client_row)
        self.rows.append(row)
        self.rows_layout.insertWidget(self.rows_layout.count() - 1, row)
        self._renumber()
        row.search.setFocus()
        self.schedule_refresh()
        return row

    def remove_client_row(self, row: ClientRow) -> None:
        if len(self.rows) <= 1:
            return
        self.rows.remove(row)
        row.deleteLater()
        self._renumber()
        self.schedule_refresh()

    def _renumber(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            row.set_number(number)
            row.set_removable(len(self.rows) > 1)
        self._chain_tab_order()

    def _chain_tab_order(self) -> None:
        """Tab walks the form top to bottom: day, each client row, add client, free times."""
        chain: list[QWidget] = [self.date_edit]
        for row in self.rows:
            chain += [row.search, row.new_button, row.services, row.remove_button]
        chain += [self.add_client_button, self.slot_list, self.why_button, self.book_button]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def _fill_address(self) -> None:
        """A callout goes to the first client's default address unless one was typed."""
        if self.mode != "callout" or self.address.text().strip():
            return
        first = self.rows[0].client if self.rows else None
        if first is not None and first.address:
            self.address.setText(first.address)

    def client_forms(self) -> tuple[BookingClientForm, ...]:
        return tuple(
            BookingClientForm(row.client.id, row.service_ids())
            for row in self.rows
            if row.client is not None
        )

    # ----- state -----------------------------------------------------------------------------
    @property
    def mode(self) -> str:
        return "callout" if self.callout_radio.isChecked() else "facility"

    @property
    def csp_id(self) -> str | None:
        return self.csp_box.currentData() or None

    @property
    def day(self) -> date:
        return self.date_edit.date().toPython()

    def selected_slot(self) -> SlotRecord | None:
        row = self.slot_list.currentRow()
        return self._slots[row] if 0 <= row < len(self._slots) else None

    def _on_mode(self, *_args) -> None:
        callout = self.mode == "callout"
        self.address.setEnabled(callout)
        self.address_label.setEnabled(callout)
        if callout:
            self._fill_address()
        self._label_csps()
        self.schedule_refresh()

    def _missing(self) -> str:
        """What still has to be filled in before booking, in plain words ('' when ready)."""
        if not self.rows or all(r.client is None for r in self.rows):
            return "Pick or add a client."
        for row in self.rows:
            if row.client is None:
                return f"Pick or add client {row.number}, or remove that row."
            if not row.service_ids():
                return f"Tick at least one service for {row.client.name}."
        if self.mode == "callout" and not self.address.text().strip():
            return "Enter the address the CSP travels to."
        if self.selected_slot() is None:
            return "Pick a free time."
        return ""

    def _update_ready(self, *_args) -> None:
        missing = self._missing()
        self.book_button.setEnabled(not missing)
        self.book_button.setToolTip(missing or "Book (Ctrl+Enter)")

    # ----- slots and price -------------------------------------------------------------------
    def schedule_refresh(self, *_args) -> None:
        self._update_ready()
        self._timer.start()

    def refresh_now(self) -> None:
        self._timer.stop()
        clients = self.client_forms()
        complete = bool(clients) and all(c.service_ids for c in clients)
        self._request += 1
        ticket = self._request
        if not complete:
            self._show_slots(ticket, [])
            self.slot_hint.setText("Free times appear once each client has a service.")
            self.summary.setText(self._summary_placeholder())
            return
        self.slot_hint.setText("Looking for free times…")
        self._ctx.call(
            scheduling.quote_booking, clients,
            on_result=lambda quote: self._show_quote(ticket, quote),
            on_error=lambda error: self._slots_failed(ticket, error),
        )

    def _request_slots(self, ticket: int, minutes: int) -> None:
        on_result = lambda slots: self._show_slots(ticket, slots)  # noqa: E731
        on_error = lambda error: self._slots_failed(ticket, error)  # noqa: E731
        if self.csp_id is None:
            self._ctx.call(slots_with_any_csp, self.mode, minutes, self.day,
                           on_result=on_result, on_error=on_error)
        else:
            self._ctx.call(scheduling.find_slots, self.csp_id, self.mode, minutes, self.day,
                           on_result=on_result, on_error=on_error)

    def _slot_text(self, slot: SlotRecord) -> str:
        fmt = self._ctx.fmt
        text = f"{fmt.time(slot.start_at, with_zone=False)} – {fmt.time(slot.end_at)}"
        if self.csp_id is None:
            text += f"  ·  {slot.csp_name}"
        return text

    def _show_slots(self, ticket: int, slots: Sequence[SlotRecord]) -> None:
        if ticket != self._request:
            return
        self._slots = list(slots)
        self.slot_list.clear()
        wanted_row = -1
        for index, slot in enumerate(self._slots):
            self.slot_list.addItem(QListWidgetItem(self._slot_text(slot)))
            if self._wanted_start is not None and slot.start_at == self._wanted_start:
                wanted_row = index
        if wanted_row >= 0:
            self.slot_list.setCurrentRow(wanted_row)
        elif self._slots:
            self.slot_list.setCurrentRow(0)
        self.why_button.setVisible(self.csp_id is not None)
        if self._slots:
            self.slot_hint.setText(self._slots_hint(wanted_row))
        elif self.client_forms():
            who = self.csp_box.currentText() if self.csp_id else "No CSP"
            self.slot_hint.setText(
                f"{who} has no free {self.mode} time that day for this booking. "
                "Try another day" + (" or ask why." if self.csp_id else ".")
            )
        self._update_ready()

    def _slots_hint(self, wanted_row: int) -> str:
        count = len(self._slots)
        text = f"{count} free time{'s' if count != 1 else ''}, shown in clinic time."
        if self._wanted_start is not None and wanted_row < 0:
            text = (
                f"{self._ctx.fmt.time(self._wanted_start)} is not free for this booking; "
                "the nearest free times are listed. " + text
            )
        return text

    def _slots_failed(self, ticket: int, error: BaseException) -> None:
        if ticket != self._request:
            return
        self._slots = []
        self.slot_list.clear()
        self.slot_hint.setText(error_text(error))
        self.why_button.setVisible(self.csp_id is not None)
        self._update_ready()

    def _summary_placeholder(self) -> str:
        return "The price and length appear here once every client row has a client and a service."

    def _show_quote(self, ticket: int, quote: BookingQuote) -> None:
        if ticket != self._request:
            return
        self.summary.setText(summary_html(quote, self._ctx.fmt.money))
        self._request_slots(ticket, quote.duration_minutes)

    # ----- actions ---------------------------------------------------------------------------
    def _ask_why(self) -> None:
        if self.csp_id:
            self.whyRequested.emit(self.csp_id, self.mode, self.day)

    def form(self) -> BookingForm | None:
        slot = self.selected_slot()
        if slot is None:
            return None
        return BookingForm(
            csp_id=slot.csp_id,
            mode=self.mode,
            start_at=slot.start_at,
            clients=self.client_forms(),
            address=self.address.text().strip() or None if self.mode == "callout" else None,
        )

    def book(self) -> None:
        missing = self._missing()
        if missing:
            self.message.show_error(missing)
            return
        self.book_button.setEnabled(False)
        self.message.clear()
        self._ctx.call(scheduling.create_booking, self.form(), on_result=self._booked,
                       on_error=self._book_failed)

    def _booked(self, record: BookingRecord) -> None:
        self.booking = record
        self.accept()

    def _book_failed(self, error: BaseException) -> None:
        self.message.show_error(error_text(error))
        if isinstance(error, SlotTakenError):
            # Someone else took the time a moment ago: offer the next free ones right here.
            self._request += 1
            self._wanted_start = None
            self._show_slots(self._request, error.next_slots)
        self._update_ready()

    def _failed(self, error: BaseException) -> None:
        self.message.show_error(error_text(error))


def slots_with_any_csp(uow, actor, mode: str, minutes: int, day: date) -> list[SlotRecord]:
    """“First available”: every free start that day with any live CSP (earliest CSP per start).

    Runs on the DB worker; it only combines two scheduling service calls.
    """
    found: dict[datetime, SlotRecord] = {}
    for csp in scheduling.list_csps_for_booking(uow, actor, mode, live_only=True):
        for slot in scheduling.find_slots(uow, actor, csp.id, mode, minutes, day):
            found.setdefault(slot.start_at, slot)
    return [found[start] for start in sorted(found)]


def summary_html(quote: BookingQuote, money) -> str:
    """Per-client services and prices, the total with its currency, the length and PSF flags."""
    rows = []
    for client in quote.clients:
        rows.append(f"<tr><td colspan='2'><b>{_esc(client.client_name)}</b></td></tr>")
        for service in client.services:
            name = _esc(service.name)
            if service.patient_specific:
                name += f" <span style='color:#B7791F'>({PSF_NOTE})</span>"
            rows.append(
                f"<tr><td>&nbsp;&nbsp;{name}</td><td align='right'>{money(service.price_cents)}</td></tr>"
            )
    rows.append(
        f"<tr><td><b>Total</b></td><td align='right'><b>{money(quote.total_cents)}</b></td></tr>"
    )
    timing = "one after another" if quote.timing == "sequential" else "side by side"
    length = f"{quote.duration_minutes} minutes"
    if len(quote.clients) > 1:
        length += f" ({len(quote.clients)} clients {timing})"
    html = f"<table width='100%' cellspacing='2'>{''.join(rows)}</table><p>Length: {length}</p>"
    if quote.psf_service_names:
        names = ", ".join(_esc(n) for n in quote.psf_service_names)
        html += (
            f"<p style='color:#8A5A00'>{names}: patient-specific, {PSF_NOTE} before the "
            "session.</p>"
        )
    return html


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
