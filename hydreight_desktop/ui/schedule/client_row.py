"""One client of a new booking: who (search or add) and which services they will have."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QWidget,
)

from hydreight_desktop.services.scheduling_records import ServiceChoice
from hydreight_desktop.ui.context import AppContext
from hydreight_desktop.ui.icons import icon

from .client_picker import ClientSearchBox, NewClientDialog, PickedClient

PSF_NOTE = "needs HCP approval"


def service_label(service: ServiceChoice, money: str) -> str:
    """'Energy IV · $150.00 · 45 min' (+ ' · needs HCP approval' for patient-specific ones)."""
    text = f"{service.name} · {money} · {service.duration_minutes} min"
    return f"{text} · {PSF_NOTE}" if service.patient_specific else text


class ClientRow(QFrame):
    """Search box, 'New client' button, remove button and a checklist of services."""

    changed = Signal()
    removeRequested = Signal(object)  # self

    def __init__(self, ctx: AppContext, number: int, services: Sequence[ServiceChoice],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("clientRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.search = ClientSearchBox(ctx)
        self.new_button = QPushButton("New client…")
        self.new_button.setIcon(icon("fa5s.user-plus"))
        self.new_button.setToolTip("Add a client who is not in the list yet")
        self.new_button.setAutoDefault(False)
        self.remove_button = QToolButton()
        self.remove_button.setIcon(icon("fa5s.times"))
        self.remove_button.setAutoRaise(True)
        self.remove_button.setAccessibleName("Remove this client")
        self.services = QListWidget()
        self.services.setAccessibleName("Services")
        self.services.setMinimumHeight(90)
        self.set_services(services)
        layout = QGridLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.addWidget(self.title, 0, 0)
        layout.addWidget(self.remove_button, 0, 2, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.search, 1, 0, 1, 2)
        layout.addWidget(self.new_button, 1, 2)
        layout.addWidget(self.services, 2, 0, 1, 3)
        layout.setColumnStretch(0, 1)
        self.set_number(number)
        self.search.clientChosen.connect(lambda _c: self.changed.emit())
        self.search.textEdited.connect(lambda _t: self.changed.emit())
        self.services.itemChanged.connect(lambda _i: self.changed.emit())
        self.new_button.clicked.connect(self.add_new_client)
        self.remove_button.clicked.connect(lambda: self.removeRequested.emit(self))

    def set_number(self, number: int) -> None:
        self.number = number
        self.title.setText(f"Client {number}")
        self.search.setAccessibleName(f"Client {number} search")

    def set_removable(self, removable: bool) -> None:
        self.remove_button.setVisible(removable)

    def set_services(self, services: Sequence[ServiceChoice]) -> None:
        checked = set(self.service_ids())
        self.services.blockSignals(True)
        self.services.clear()
        for service in services:
            item = QListWidgetItem(service_label(service, self._ctx.fmt.money(service.price_cents)))
            item.setData(Qt.ItemDataRole.UserRole, service.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if service.id in checked else Qt.CheckState.Unchecked
            )
            if service.patient_specific:
                item.setForeground(QColor("#8A5A00"))
                item.setToolTip(
                    "Patient-specific service: an HCP must approve it for this client before "
                    "the CSP can perform it. It can be booked now and is flagged for approval."
                )
            self.services.addItem(item)
        self.services.blockSignals(False)

    @property
    def client(self) -> PickedClient | None:
        return self.search.chosen

    def set_client(self, client: PickedClient) -> None:
        self.search.set_chosen(client)

    def service_ids(self) -> tuple[str, ...]:
        ids = []
        for i in range(self.services.count()):
            item = self.services.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(item.data(Qt.ItemDataRole.UserRole))
        return tuple(ids)

    def check_service(self, service_id: str, checked: bool = True) -> None:
        for i in range(self.services.count()):
            item = self.services.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == service_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def add_new_client(self) -> None:
        dialog = NewClientDialog(self._ctx, self, name_hint=self.search.text())
        if dialog.exec() and dialog.created is not None:
            self.set_client(PickedClient.from_record(dialog.created))
            self.services.setFocus()
