"""Clients: the fast list (search as you type over 100,000 clients) and the client's record.

The list searches in SQL through the service (never on this thread); the record dialog edits
name, phone, date of birth, allergies and notes, and the addresses a callout CSP drives to.
A new client's email is typed twice: it is the client's identity and never changes.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hydreight_desktop.domain.clients import validate_birth_date
from hydreight_desktop.domain.clock import utcnow, zone
from hydreight_desktop.domain.contact import require_text
from hydreight_desktop.domain.roles import Permission, refusal_message
from hydreight_desktop.services.clients import (
    AddressForm,
    AddressRecord,
    ClientForm,
    ClientRecord,
    ClientUpdate,
    add_address,
    client_rows,
    count_clients,
    create_client,
    get_client,
    remove_address,
    update_address,
    update_client,
)
from hydreight_desktop.ui.context import AppContext
from hydreight_desktop.ui.icons import icon
from hydreight_desktop.ui.sections.clients_model import COLUMNS, ClientTableModel
from hydreight_desktop.ui.widgets.account_fields import NewEmailFields, add_fixed_email, phone_field
from hydreight_desktop.ui.widgets.forms import ErrorBanner, FormDialog, Saver, rule
from hydreight_desktop.ui.widgets.header import InfoNote, PageHeader
from hydreight_desktop.ui.widgets.list_panel import ListPanel
from hydreight_desktop.ui.widgets.messages import confirm, error_text, show_error
from hydreight_desktop.ui.widgets.table_model import Column, RecordTableModel

NO_DATE = QDate(1900, 1, 1)
SORT_CHOICES = {
    "name": "Last name",
    "first_name": "First name",
    "email": "Email",
    "newest": "Newest first",
}
EXPORT_CHUNK = 500


def _text(label: str, placeholder: str, height: int = 64) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setFixedHeight(height)
    edit.setTabChangesFocus(True)
    edit.setAccessibleName(label)
    return edit


class BirthDateEdit(QDateEdit):
    """A date of birth that may be left blank ("Not given")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("MMM d, yyyy")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText("Not given")
        self.setDate(NO_DATE)
        self.setMaximumWidth(200)

    def value(self) -> date | None:
        d = self.date()
        return None if d == NO_DATE else date(d.year(), d.month(), d.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)


class _PersonFields:
    """First/last name, phone, date of birth, allergies, notes: shared by new and edit."""

    def __init__(self, dialog: FormDialog, ctx: AppContext, record: ClientRecord | None) -> None:
        f = dialog.form
        self.first = QLineEdit(record.first_name if record else "")
        self.last = QLineEdit(record.last_name if record else "")
        for edit, label, key in (
            (self.first, "first name", "first_name"),
            (self.last, "last name", "last_name"),
        ):
            edit.setMaxLength(100)
            f.add_row(
                label.capitalize(),
                edit,
                key,
                checks=[rule(lambda e=edit, lab=label, k=key: require_text(e.text(), lab, k, 100))],
            )
        self.dialog = dialog
        self.ctx = ctx
        self.record = record

    def add_rest(self) -> None:
        f, ctx, record = self.dialog.form, self.ctx, self.record
        self.phone = phone_field(ctx, f, record.phone if record else None)
        self.dob = BirthDateEdit()
        self.dob.set_value(record.date_of_birth if record else None)
        today = utcnow().astimezone(zone(ctx.business.time_zone)).date()
        f.add_row(
            "Date of birth",
            self.dob,
            "date_of_birth",
            checks=[rule(lambda: validate_birth_date(self.dob.value(), today))],
        )
        self.allergies = _text(
            "Allergies", "Known allergies (medications, latex, foods…), or leave empty"
        )
        self.allergies.setPlainText(record.allergies if record else "")
        f.add_row("Allergies", self.allergies, "allergies")
        self.notes = _text("Notes", "Anything staff should know (parking, preferences…)", 80)
        self.notes.setPlainText(record.notes if record else "")
        f.add_row("Notes", self.notes, "notes")


class AddressFields:
    """Street, city, state, ZIP. ``optional``: an all-empty address is fine (new client)."""

    def __init__(
        self,
        form,
        record: AddressRecord | None = None,
        with_label: bool = True,
        optional: bool = False,
    ) -> None:
        self.optional = optional
        self.label = QLineEdit(record.label if record else "Home")
        self.line1 = QLineEdit(record.line1 if record else "")
        self.line1.setPlaceholderText("Street and number")
        self.line2 = QLineEdit(record.line2 if record else "")
        self.line2.setPlaceholderText("Apartment, suite, gate code (optional)")
        self.city = QLineEdit(record.city if record else "")
        self.state = QLineEdit(record.state if record else "")
        self.state.setPlaceholderText("FL")
        self.state.setMaxLength(20)
        self.zip = QLineEdit(record.postal_code if record else "")
        self.zip.setPlaceholderText("33139")
        self.zip.setMaxLength(10)
        if with_label:
            form.add_row("Label", self.label, "label")
        form.add_row(
            "Street", self.line1, "line1", checks=[self._needed(self.line1, "street address")]
        )
        form.add_row("", self.line2, "line2")
        form.add_row("City", self.city, "city", checks=[self._needed(self.city, "city")])
        state_zip = QWidget()
        row = QHBoxLayout(state_zip)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.state)
        row.addWidget(QLabel("ZIP"))
        row.addWidget(self.zip)
        form.add_row("State", state_zip, "state", aliases=("postal_code",))

    def _needed(self, edit: QLineEdit, label: str):
        def check() -> str | None:
            if edit.text().strip() or (self.optional and self.is_empty()):
                return None
            return f"Please enter the {label}."

        return check

    def is_empty(self) -> bool:
        return not any(
            e.text().strip() for e in (self.line1, self.line2, self.city, self.state, self.zip)
        )

    def value(self, is_default: bool = False) -> AddressForm:
        return AddressForm(
            line1=self.line1.text(),
            city=self.city.text(),
            state=self.state.text(),
            postal_code=self.zip.text(),
            line2=self.line2.text(),
            label=self.label.text() or "Home",
            is_default=is_default,
        )


class NewClientDialog(FormDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "New client", parent, save_text="Add client")
        self.person = _PersonFields(self, ctx, None)
        self.email = NewEmailFields(self.form, "client@example.com")
        self.person.add_rest()
        self.form.add_section("Address for callouts (optional)")
        self.address = AddressFields(self.form, with_label=False, optional=True)

    def save_call(self) -> tuple:
        p = self.person
        return (
            create_client,
            ClientForm(
                first_name=p.first.text(),
                last_name=p.last.text(),
                email=self.email.value(),
                phone=p.phone.text(),
                date_of_birth=p.dob.value(),
                allergies=p.allergies.toPlainText(),
                notes=p.notes.toPlainText(),
                address=None if self.address.is_empty() else self.address.value(True),
            ),
        )


class AddressDialog(FormDialog):
    def __init__(
        self,
        ctx: AppContext,
        client_id: str,
        record: AddressRecord | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, "Edit address" if record else "Add address", parent)
        self.client_id = client_id
        self.record = record
        self.fields = AddressFields(self.form, record)
        self.default = QCheckBox("Use for new callout bookings")
        self.default.setChecked(record.is_default if record else False)
        self.form.add_row("Default", self.default, "is_default")

    def save_call(self) -> tuple:
        form = self.fields.value(self.default.isChecked())
        if self.record is None:
            return (add_address, self.client_id, form)
        return (update_address, self.client_id, self.record.id, form)


class ClientDialog(FormDialog):
    """A client's record: details (email fixed), allergies, notes, and addresses."""

    def __init__(
        self, ctx: AppContext, record: ClientRecord, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, f"Client: {record.full_name}", parent)
        self.record = record
        self.person = _PersonFields(self, ctx, record)
        add_fixed_email(self.form, record.email)
        self.person.add_rest()
        self.form.add_section("Addresses")
        self.addresses = RecordTableModel(
            [
                Column("Label", lambda a: a.label),
                Column("Address", lambda a: a.one_line),
                Column("Default", lambda a: "Default" if a.is_default else ""),
            ]
        )
        self.address_panel = ListPanel(
            self.addresses,
            noun=("address", "addresses"),
            new_text="Add address",
            empty_hint="No address yet. Add one before booking a callout.",
            export_name="addresses",
        )
        self.address_panel.search.hide()
        self.address_panel.export_button.hide()
        self.address_panel.setMinimumHeight(170)
        self.remove_button = QPushButton(icon("fa5s.trash-alt"), "Remove")
        self.address_panel.toolbar.insertStretch(0, 1)
        self.address_panel.add_action(self.remove_button)
        self.address_panel.newRequested.connect(lambda: self.edit_address(None))
        self.address_panel.openRequested.connect(
            lambda row: self.edit_address(self.addresses.record(row))
        )
        self.remove_button.clicked.connect(self.remove_selected)
        self.remove_button.setEnabled(False)
        self.address_panel.selectionChanged.connect(
            lambda row: self.remove_button.setEnabled(row >= 0)
        )
        self.form.add_widget(self.address_panel)
        self.address_saver = Saver(ctx, self)
        self.address_saver.saved.connect(self._show_addresses)
        self.address_saver.refused.connect(lambda e: show_error(self, e))
        self._show_addresses(record)
        self.can_edit = ctx.actor.can(Permission.MANAGE_CLIENTS)
        if not self.can_edit:
            self.set_read_only(True, refusal_message(Permission.MANAGE_CLIENTS))
            self.address_panel.set_can_create(False)
            self.remove_button.hide()

    def _show_addresses(self, record: ClientRecord) -> None:
        self.record = record
        self.addresses.set_records(record.addresses)
        self.remove_button.setEnabled(False)  # the reset cleared the selection
        self.address_panel.fit_columns({1: 330})

    def edit_address(self, address: AddressRecord | None) -> AddressDialog | None:
        if not self.can_edit:
            return None
        dialog = AddressDialog(self.ctx, self.record.id, address, self)
        dialog.accepted.connect(lambda: self._show_addresses(dialog.result_record))
        dialog.open()
        return dialog

    def remove_selected(self) -> None:
        row = self.address_panel.current_row()
        if row < 0:
            return
        address = self.addresses.record(row)
        if confirm(self, "Remove address", f"Remove {address.one_line}?", yes="Remove"):
            self.address_saver.run(remove_address, self.record.id, address.id)

    def save_call(self) -> tuple:
        p = self.person
        return (
            update_client,
            self.record.id,
            ClientUpdate(
                first_name=p.first.text(),
                last_name=p.last.text(),
                phone=p.phone.text(),
                date_of_birth=p.dob.value(),
                allergies=p.allergies.toPlainText(),
                notes=p.notes.toPlainText(),
            ),
        )


def _all_rows(uow, actor, ids: list[str]) -> list:
    """Every row for the export, fetched in chunks on the DB worker (SQLite limits parameters)."""
    rows = []
    for start in range(0, len(ids), EXPORT_CHUNK):
        rows.extend(client_rows(uow, actor, ids[start : start + EXPORT_CHUNK]))
    return rows


class ClientsSection(QWidget):
    """The Clients screen."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_edit = ctx.actor.can(Permission.MANAGE_CLIENTS)
        self.model = ClientTableModel(ctx, lambda day: ctx.fmt.date(day), self)
        self.panel = ListPanel(
            self.model,
            noun=("client", "clients"),
            new_text="New client" if self.can_edit else None,
            empty_hint=(
                "No clients yet.\nClick “New client” (Ctrl+N) to add the first one."
                if self.can_edit
                else "No clients yet."
            ),
            search_placeholder="Search by name, email or phone…  (Ctrl+F)",
            server_search=True,
            export_name="clients",
        )
        self.sort = QComboBox()
        for key, label in SORT_CHOICES.items():
            self.sort.addItem(f"Sort: {label}", key)
        self.sort.currentIndexChanged.connect(
            lambda _i: self.search(self.panel.search.text().strip())
        )
        self.panel.add_filter(self.sort)
        self.panel.searchChanged.connect(self.search)
        self.panel.newRequested.connect(self.new_client)
        self.panel.openRequested.connect(lambda row: self.open_client(self.model.id_at(row)))
        self.panel.export_provider = self._export
        self._search_busy = False
        self.model.searchStarted.connect(self._search_started)
        self.model.idsLoaded.connect(self._ids_loaded)
        self.model.failed.connect(self._failed)
        self.banner = ErrorBanner()
        header = PageHeader(
            "Clients",
            "Find a client by name, email or phone; double-click one (or press Enter) to open "
            "their record.",
        )
        header.actions.addWidget(self.panel.actions_bar)  # buttons on the title line
        note = InfoNote(
            ""
            if self.can_edit
            else refusal_message(Permission.MANAGE_CLIENTS)
            + " You can still find clients and open their records."
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(header)
        layout.addWidget(note)
        layout.addWidget(self.banner)
        layout.addWidget(self.panel, 1)
        self._columns_fitted = False
        self.refresh()

    # --- list ------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.ctx.call(count_clients, on_result=self.panel.set_total, on_error=lambda _e: None)
        self.search(self.panel.search.text().strip())

    def search(self, text: str) -> None:
        self.model.search(text, self.sort.currentData())

    def _search_started(self) -> None:
        if not self._search_busy:  # one busy mark however many searches overlap
            self._search_busy = True
            self.panel.busy.begin()

    def _search_done(self) -> None:
        if self._search_busy:
            self._search_busy = False
            self.panel.busy.end()

    def _ids_loaded(self, _count: int) -> None:
        self._search_done()
        self.banner.clear()
        if not self._columns_fitted:
            for column, width in enumerate((240, 300, 160)):
                self.panel.table.setColumnWidth(column, width)
            self._columns_fitted = True
        self.panel.refresh_state()

    def _failed(self, error: BaseException) -> None:
        self._search_done()
        self.banner.show_message(error_text(error))

    def _export(self, write) -> None:
        ids = list(self.model.ids)
        fmt = self.ctx.fmt

        def rows_ready(rows) -> None:
            table = [list(COLUMNS)]
            for r in rows:
                table.append(
                    [
                        f"{r.last_name}, {r.first_name}",
                        r.email,
                        r.phone_display,
                        fmt.date(r.date_of_birth) if r.date_of_birth else "",
                    ]
                )
            write(table)

        self.panel.busy.begin()
        self.ctx.call(
            _all_rows,
            ids,
            on_result=lambda rows: (self.panel.busy.end(), rows_ready(rows)),
            on_error=lambda e: (self.panel.busy.end(), show_error(self, e, "Export failed")),
        )

    # --- records ---------------------------------------------------------------------------
    def navigate_to(self, client_id: str | None = None, **_: object) -> None:
        if client_id:
            self.open_client(client_id)

    def open_client(self, client_id: str) -> None:
        self.panel.busy.begin()
        self.ctx.call(
            get_client, client_id, on_result=self._client_loaded, on_error=self._client_failed
        )

    def _client_loaded(self, record: ClientRecord) -> None:
        self.panel.busy.end()
        self.dialog = ClientDialog(self.ctx, record, self)
        self.dialog.accepted.connect(lambda: self._show_client(self.dialog.result_record))
        self.dialog.open()

    def _client_failed(self, error: BaseException) -> None:
        self.panel.busy.end()
        show_error(self, error, "Client not found")

    def new_client(self) -> NewClientDialog | None:
        if not self.can_edit:
            return None
        dialog = NewClientDialog(self.ctx, self)
        dialog.accepted.connect(lambda: self._show_client(dialog.result_record))
        dialog.open()
        self.dialog = dialog
        return dialog

    def _show_client(self, record: ClientRecord | None) -> None:
        if record is None:
            return
        self.ctx.status_message(f"Client {record.full_name} saved.")
        self.ctx.call(count_clients, on_result=self.panel.set_total, on_error=lambda _e: None)
        self.search(self.panel.search.text().strip())
