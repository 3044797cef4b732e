"""Booking details: who, when, where, what it costs, and the actions its status allows.

Every action goes to the scheduling service; its answer (the updated booking or its
message) is shown here. ``changed`` tells the schedule to reload.
"""

from __future__ import annotations

from datetime import datetime, time

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from hydreight_desktop.domain.booking_status import BookingStatus
from hydreight_desktop.domain.clock import utcnow, zone
from hydreight_desktop.services import scheduling
from hydreight_desktop.services.scheduling_records import (
    BookingClientForm,
    BookingRecord,
    CspChoice,
)
from hydreight_desktop.ui.context import AppContext
from hydreight_desktop.ui.icons import icon
from hydreight_desktop.ui.widgets.messages import confirm, error_text

from . import palette
from .client_row import PSF_NOTE, ClientRow
from .message_strip import MessageStrip


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def details_html(record: BookingRecord, fmt) -> str:
    """The booking as a short, readable page (times in clinic time and the CSP's own)."""
    style = palette.style_for(record.status.value)
    when = f"{fmt.datetime(record.start_at)} – {fmt.time(record.end_at)}"
    if record.csp_time_zone != fmt.time_zone:
        when += f"<br><span style='color:#5F6870'>{fmt.datetime(record.start_at, record.csp_time_zone)} " \
                f"for {_esc(record.csp_name)}</span>"
    parts = [
        f"<p><span style='background:{style.fill};color:{style.text};padding:2px 6px'>"
        f"&nbsp;{record.status.label}&nbsp;</span>&nbsp; <b>{record.mode.label}</b> with "
        f"<b>{_esc(record.csp_name)}</b></p>",
        f"<p>{when} ({record.duration_minutes} minutes)</p>",
    ]
    if record.address:
        parts.append(f"<p>Address: {_esc(record.address)}</p>")
    rows = []
    for client in record.clients:
        rows.append(f"<tr><td colspan='2'><b>{client.position}. {_esc(client.name)}</b> "
                    f"<span style='color:#5F6870'>{_esc(client.email)}</span></td></tr>")
        for service in client.services:
            flag = (f" <span style='color:#8A5A00'>({PSF_NOTE})</span>"
                    if service.psf_needs_approval else "")
            rows.append(f"<tr><td>&nbsp;&nbsp;{_esc(service.name)}{flag}</td>"
                        f"<td align='right'>{fmt.money(service.price_cents)}</td></tr>")
    rows.append(f"<tr><td><b>Total</b></td><td align='right'><b>{fmt.money(record.total_cents)}"
                "</b></td></tr>")
    parts.append(f"<table width='100%' cellspacing='2'>{''.join(rows)}</table>")
    if record.cancel_reason:
        parts.append(f"<p>Cancelled because: {_esc(record.cancel_reason)}</p>")
    if record.notes:
        parts.append(f"<p>Notes: {_esc(record.notes)}</p>")
    parts.append(f"<p style='color:#5F6870'>Booked by {_esc(record.booked_by_name)} on "
                 f"{fmt.datetime(record.created_at)}</p>")
    return "".join(parts)


class BookingDetailsDialog(QDialog):
    """Shows one booking; check in, cancel, no-show, reschedule, change CSP, add/remove client."""

    changed = Signal(object)  # the updated BookingRecord

    def __init__(self, ctx: AppContext, booking_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.booking_id = booking_id
        self.record: BookingRecord | None = None
        self.setWindowTitle("Booking")
        self.message = MessageStrip()
        self.page = QTextBrowser()
        self.page.setOpenLinks(False)
        self.check_in_button = QPushButton(icon("fa5s.user-check"), "Check &in")
        self.reschedule_button = QPushButton(icon("fa5s.clock"), "&Reschedule…")
        self.change_csp_button = QPushButton(icon("fa5s.exchange-alt"), "Change &CSP…")
        self.add_client_button = QPushButton(icon("fa5s.user-plus"), "&Add client…")
        self.remove_client_button = QPushButton(icon("fa5s.user-minus"), "Re&move client…")
        self.no_show_button = QPushButton(icon("fa5s.user-slash"), "&No-show")
        self.cancel_button = QPushButton(icon("fa5s.ban"), "Cance&l booking…")
        actions = QHBoxLayout()
        for button in (self.check_in_button, self.reschedule_button, self.change_csp_button,
                       self.add_client_button, self.remove_client_button, self.no_show_button,
                       self.cancel_button):
            button.setAutoDefault(False)
            actions.addWidget(button)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.page, 1)
        layout.addLayout(actions)
        layout.addWidget(close)
        self.check_in_button.clicked.connect(
            lambda: self._run(scheduling.check_in_booking, self.booking_id))
        self.no_show_button.clicked.connect(self._no_show)
        self.cancel_button.clicked.connect(self._cancel)
        self.reschedule_button.clicked.connect(self._reschedule)
        self.change_csp_button.clicked.connect(self._change_csp)
        self.add_client_button.clicked.connect(self._add_client)
        self.remove_client_button.clicked.connect(self._remove_client)
        self._set_enabled(False)
        self.resize(820, 440)
        self.reload()

    def reload(self) -> None:
        self._ctx.call(scheduling.get_booking, self.booking_id, on_result=self.show_record,
                       on_error=self._failed)

    def show_record(self, record: BookingRecord) -> None:
        self.record = record
        self.setWindowTitle(f"Booking: {record.client_names}")
        self.page.setHtml(details_html(record, self._ctx.fmt))
        self._set_enabled(True)

    def _set_enabled(self, loaded: bool) -> None:
        status = self.record.status if (loaded and self.record) else None
        is_open = bool(status and status.is_open)
        self.check_in_button.setEnabled(status is BookingStatus.BOOKED)
        for button in (self.reschedule_button, self.change_csp_button, self.add_client_button,
                       self.cancel_button):
            button.setEnabled(is_open)
        started = self.record is not None and self.record.start_at <= utcnow()
        self.no_show_button.setEnabled(is_open and started)
        self.no_show_button.setToolTip(
            "" if started else "A booking can be marked as a no-show once its start time has passed."
        )
        self.remove_client_button.setEnabled(
            is_open and self.record is not None and len(self.record.clients) > 1
        )

    # ----- actions ---------------------------------------------------------------------------
    def _run(self, fn, *args) -> None:
        self.message.clear()
        self._ctx.call(fn, *args, on_result=self._done, on_error=self._failed)

    def _done(self, record: BookingRecord) -> None:
        self.show_record(record)
        self.message.show_info(f"Saved. The booking is now {record.status.label.lower()}.")
        self.changed.emit(record)

    def _failed(self, error: BaseException) -> None:
        self.message.show_error(error_text(error))

    def _no_show(self) -> None:
        if confirm(self, "Mark as no-show", "Mark this booking as a no-show? This cannot be undone.",
                   "Mark no-show"):
            self._run(scheduling.mark_no_show, self.booking_id)

    def _cancel(self) -> None:
        dialog = _AskDialog(self, "Cancel booking", "Why is the booking cancelled?",
                            QLineEdit(), "Cancel booking")
        dialog.field.setPlaceholderText("e.g. Client is unwell")
        if dialog.exec():
            self._run(scheduling.cancel_booking, self.booking_id, dialog.field.text())

    def _reschedule(self) -> None:
        if self.record is None:
            return
        dialog = RescheduleDialog(self._ctx, self.record, self)
        if dialog.exec():
            self._run(scheduling.reschedule_booking, self.booking_id, dialog.start())

    def _change_csp(self) -> None:
        if self.record is None:
            return
        record = self.record

        def offer(csps: list[CspChoice]) -> None:
            box = QComboBox()
            for csp in csps:
                if csp.id != record.csp_id:
                    box.addItem(csp.name if csp.is_live else f"{csp.name} (not live)", csp.id)
            dialog = _AskDialog(self, "Change CSP", f"Give this {record.mode.value} booking to:",
                                box, "Change CSP")
            if box.count() and dialog.exec():
                self._run(scheduling.change_booking_csp, self.booking_id, box.currentData())
            elif not box.count():
                self.message.show_error("There is no other CSP to give this booking to.")

        self._ctx.call(scheduling.list_csps_for_booking, record.mode.value, on_result=offer,
                       on_error=self._failed)

    def _add_client(self) -> None:
        def offer(services) -> None:
            row = ClientRow(self._ctx, len(self.record.clients) + 1, services)
            row.set_removable(False)
            dialog = _AskDialog(self, "Add client", "Who joins this booking, and for what?", row,
                                "Add client")
            if dialog.exec():
                if row.client is None or not row.service_ids():
                    self.message.show_error("Pick a client and at least one service to add.")
                    return
                form = BookingClientForm(row.client.id, row.service_ids())
                self._run(scheduling.add_booking_client, self.booking_id, form)

        self._ctx.call(scheduling.bookable_services, on_result=offer, on_error=self._failed)

    def _remove_client(self) -> None:
        if self.record is None:
            return
        box = QComboBox()
        for client in self.record.clients:
            box.addItem(client.name, client.id)
        dialog = _AskDialog(self, "Remove client", "Take this client out of the booking:", box,
                            "Remove client")
        if dialog.exec():
            self._run(scheduling.remove_booking_client, self.booking_id, box.currentData())


class _AskDialog(QDialog):
    """A small question with one field and a clearly named confirm button."""

    def __init__(self, parent: QWidget, title: str, question: str, field: QWidget,
                 confirm_text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.field = field
        label = QLabel(question)
        label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.addButton(confirm_text, QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(field)
        layout.addWidget(buttons)
        field.setFocus()


class RescheduleDialog(QDialog):
    """A new day and start time (clinic time, quarter hours) for the same CSP."""

    def __init__(self, ctx: AppContext, record: BookingRecord, parent: QWidget | None = None):
        super().__init__(parent)
        self._tz = zone(ctx.business.time_zone)
        self.setWindowTitle("Reschedule")
        local = record.start_at.astimezone(self._tz)
        self.date_edit = QDateEdit(QDate(local.year, local.month, local.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.time_edit = QTimeEdit(QTime(local.hour, local.minute))
        self.time_edit.setDisplayFormat("h:mm AP")
        form = QFormLayout()
        form.addRow("&Day", self.date_edit)
        form.addRow(f"&Start ({local.tzname()})", self.time_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.addButton("Reschedule", QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def start(self) -> datetime:
        chosen = self.time_edit.time()
        minute = chosen.minute() - chosen.minute() % 5
        local = datetime.combine(self.date_edit.date().toPython(), time(chosen.hour(), minute),
                                 tzinfo=self._tz)
        return local
