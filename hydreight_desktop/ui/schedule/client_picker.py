"""Finding a client as you type, or adding one on the spot (with the email double-check)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hydreight_desktop.domain.contact import EMAIL_DOUBLE_CHECK_WARNING
from hydreight_desktop.services.clients import (
    ClientForm,
    ClientListRow,
    ClientRecord,
    client_rows,
    create_client,
    get_client,
    search_client_ids,
)
from hydreight_desktop.services.context import Actor
from hydreight_desktop.store.uow import UnitOfWork
from hydreight_desktop.ui.context import AppContext
from hydreight_desktop.ui.widgets.messages import error_text

from .message_strip import MessageStrip

SEARCH_LIMIT = 8
SEARCH_DELAY_MS = 200


@dataclass(frozen=True, slots=True)
class PickedClient:
    """The client a booking row holds: enough to show and to book."""

    id: str
    name: str
    email: str
    address: str = ""

    @staticmethod
    def from_row(row: ClientListRow) -> PickedClient:
        return PickedClient(row.id, row.full_name, row.email)

    @staticmethod
    def from_record(record: ClientRecord) -> PickedClient:
        address = record.default_address
        text = ""
        if address is not None:
            parts = [address.line1, address.line2, address.city, address.state, address.postal_code]
            text = ", ".join(p for p in parts if p)
        return PickedClient(record.id, record.full_name, record.email, text)

    @property
    def label(self) -> str:
        return f"{self.name} <{self.email}>"


def client_matches(uow: UnitOfWork, actor: Actor, text: str, limit: int = SEARCH_LIMIT):
    """The first few clients matching ``text`` (runs on the DB worker: two service calls)."""
    return client_rows(uow, actor, search_client_ids(uow, actor, text)[:limit])


class ClientSearchBox(QLineEdit):
    """Type a name, email or phone; pick from the list that follows the typing."""

    clientChosen = Signal(object)  # PickedClient

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._rows: dict[str, ClientListRow] = {}
        self._chosen: PickedClient | None = None
        self._latest = 0
        self.setPlaceholderText("Search clients by name, email or phone…")
        self.setClearButtonEnabled(True)
        self.setAccessibleName("Client search")
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(SEARCH_LIMIT)
        completer.activated[str].connect(self._on_activated)
        self.setCompleter(completer)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.textEdited.connect(self._on_edited)

    @property
    def chosen(self) -> PickedClient | None:
        return self._chosen

    def set_chosen(self, client: PickedClient | None) -> None:
        self._chosen = client
        self.setText(client.label if client else "")
        if client is not None:
            self.clientChosen.emit(client)

    def _on_edited(self, _text: str) -> None:
        self._chosen = None
        self._timer.start()

    def search_now(self) -> None:
        text = self.text().strip()
        if len(text) < 2:
            self._model.setStringList([])
            return
        self._latest += 1
        ticket = self._latest
        self._ctx.call(
            client_matches, text,
            on_result=lambda rows: self._show_matches(ticket, rows),
            on_error=lambda error: self.setToolTip(error_text(error)),
        )

    def _show_matches(self, ticket: int, rows: list[ClientListRow]) -> None:
        if ticket != self._latest:
            return  # an older search answered after a newer one was typed
        self._rows = {PickedClient.from_row(r).label: r for r in rows}
        labels = list(self._rows)
        self._model.setStringList(labels)
        if labels and self.hasFocus():
            self.completer().complete()

    def _on_activated(self, label: str) -> None:
        row = self._rows.get(label)
        if row is not None:
            # Fetch the full record so a callout can take the client's default address.
            self._ctx.call(get_client, row.id,
                           on_result=lambda rec: self.set_chosen(PickedClient.from_record(rec)),
                           on_error=lambda _e: self.set_chosen(PickedClient.from_row(row)))


class NewClientDialog(QDialog):
    """Add a client without leaving the booking; the email is typed twice and compared."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, name_hint: str = "") -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.created: ClientRecord | None = None
        self.setWindowTitle("New client")
        self.message = MessageStrip()
        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.email = QLineEdit()
        self.email_again = QLineEdit()
        self.phone = QLineEdit()
        self.email.setPlaceholderText("name@example.com")
        self.email_again.setPlaceholderText("Type the email again")
        self.phone.setPlaceholderText("Optional")
        words = name_hint.split()
        if words and "@" not in name_hint and not any(c.isdigit() for c in name_hint):
            self.first_name.setText(words[0].title())
            self.last_name.setText(" ".join(words[1:]).title())
        warning = QLabel(EMAIL_DOUBLE_CHECK_WARNING)
        warning.setObjectName("warningBox")
        warning.setWordWrap(True)
        self.mismatch = QLabel("")
        self.mismatch.setObjectName("errorLabel")
        form = QFormLayout()
        form.addRow("&First name", self.first_name)
        form.addRow("&Last name", self.last_name)
        form.addRow("&Email", self.email)
        form.addRow("Email a&gain", self.email_again)
        form.addRow("", self.mismatch)
        form.addRow("&Phone", self.phone)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("Add client")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(warning)
        layout.addWidget(buttons)
        for edit in (self.email, self.email_again):
            edit.textChanged.connect(self._check_emails)
        self._check_emails()
        self.resize(460, self.sizeHint().height())

    def _emails_match(self) -> bool:
        return self.email.text().strip().casefold() == self.email_again.text().strip().casefold()

    def _check_emails(self) -> None:
        typed_both = bool(self.email.text().strip() and self.email_again.text().strip())
        mismatch = typed_both and not self._emails_match()
        self.mismatch.setText("The two emails are different. Check both." if mismatch else "")
        self.email_again.setProperty("invalid", mismatch)
        self.email_again.style().unpolish(self.email_again)
        self.email_again.style().polish(self.email_again)

    def form(self) -> ClientForm:
        return ClientForm(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            email=self.email.text(),
            phone=self.phone.text().strip() or None,
        )

    def save(self) -> None:
        if not self.email_again.text().strip():
            self.message.show_error("Please type the email a second time to double-check it.")
            self.email_again.setFocus()
            return
        if not self._emails_match():
            self.message.show_error("The two emails are different. Check both before adding.")
            self.email_again.setFocus()
            return
        self.save_button.setEnabled(False)
        self._ctx.call(create_client, self.form(), on_result=self._saved, on_error=self._failed)

    def _saved(self, record: ClientRecord) -> None:
        self.created = record
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.message.show_error(error_text(error))
