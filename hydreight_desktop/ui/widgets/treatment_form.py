"""The treatment form: services performed, vials (medication, lot, expiry, amount, route, site),
notes and adverse events. A vial is checked when it is added, so an expired vial or a
missing lot number is caught while the vial is still in hand."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hydreight_desktop.domain.clinical.psf import PsfStatus
from hydreight_desktop.domain.clinical.vials import (
    COMMON_SITES,
    DoseUnit,
    Route,
    VialEntry,
    format_amount,
    validate_vial,
)
from hydreight_desktop.domain.errors import DomainError
from hydreight_desktop.services.clinical_types import ServiceLine, SessionClientView, TreatmentForm
from hydreight_desktop.ui.widgets.form_footer import add_form_footer

NO_DATE = QDate(2000, 1, 1)

FORM_STYLE = """
#treatmentForm QWidget { font-size: 11pt; }
#treatmentForm QLineEdit, #treatmentForm QComboBox, #treatmentForm QDateEdit { min-height: 32px; font-size: 12pt; }
#treatmentForm QCheckBox { font-size: 12pt; spacing: 8px; }
#treatmentForm QCheckBox::indicator { width: 20px; height: 20px; }
#treatmentForm QPushButton#primary { min-height: 44px; font-size: 13pt; padding: 6px 24px; }
#treatmentForm #psfNote { color: #b45309; font-size: 10pt; }
QPushButton#primary:disabled { background: #e2e8f0; color: #94a3b8; border-color: #e2e8f0; }
"""


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class TreatmentFormWidget(QScrollArea):
    """Emits ``submitted(TreatmentForm)`` and ``request_approval(service_id)``."""

    submitted = Signal(object)
    cancelled = Signal()
    request_approval = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("treatmentForm")
        body.setStyleSheet(FORM_STYLE)
        self.setWidget(body)
        self.client: SessionClientView | None = None
        self.vials: list[VialEntry] = []
        self.service_checks: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(12)
        self.title = QLabel("Treatment")
        self.title.setObjectName("pageTitle")
        layout.addWidget(self.title)

        self.services_box = QGroupBox("Services performed")
        self.services_layout = QVBoxLayout(self.services_box)
        layout.addWidget(self.services_box)

        vial_box = QGroupBox("Vials")
        vl = QVBoxLayout(vial_box)
        grid = QGridLayout()
        self.medication = QLineEdit()
        self.medication.setObjectName("vialMedication")
        self.medication.setPlaceholderText("e.g. Normal saline 0.9%")
        self.lot = QLineEdit()
        self.lot.setObjectName("vialLot")
        self.lot.setPlaceholderText("As printed on the vial")
        self.expiry = QDateEdit()
        self.expiry.setObjectName("vialExpiry")
        self.expiry.setCalendarPopup(True)
        self.expiry.setDisplayFormat("MMM d, yyyy")
        self.expiry.setMinimumDate(NO_DATE)
        self.expiry.setSpecialValueText("Choose date")
        self.amount = QLineEdit()
        self.amount.setObjectName("vialAmount")
        self.amount.setPlaceholderText("e.g. 1000")
        self.unit = QComboBox()
        self.unit.addItems([u.value for u in DoseUnit])
        self.route = QComboBox()
        for route in Route:
            self.route.addItem(route.label, route.value)
        self.site = QComboBox()
        self.site.setEditable(True)
        self.site.setObjectName("vialSite")
        self.route.currentIndexChanged.connect(self._route_changed)
        self.for_service = QComboBox()
        for col, (label, widget) in enumerate([
            ("Medication", self.medication), ("Lot number", self.lot), ("Expiry", self.expiry),
        ]):
            grid.addWidget(QLabel(label), 0, col)
            grid.addWidget(widget, 1, col)
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount, 1)
        amount_row.addWidget(self.unit)
        for col, (label, widget) in enumerate([
            ("Amount", amount_row), ("Route", self.route), ("Site", self.site),
        ]):
            grid.addWidget(QLabel(label), 2, col)
            if isinstance(widget, QHBoxLayout):
                grid.addLayout(widget, 3, col)
            else:
                grid.addWidget(widget, 3, col)
        grid.addWidget(QLabel("For service"), 4, 0)
        grid.addWidget(self.for_service, 5, 0, 1, 2)
        self.add_vial = QPushButton("Add vial")
        self.add_vial.setObjectName("addVial")
        self.add_vial.clicked.connect(self._add_vial)
        grid.addWidget(self.add_vial, 5, 2)
        vl.addLayout(grid)
        self.vial_error = QLabel("")
        self.vial_error.setObjectName("errorLabel")
        self.vial_error.setWordWrap(True)
        vl.addWidget(self.vial_error)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(["Medication", "Lot", "Expiry", "Amount", "Route", "Site", ""])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setMinimumHeight(110)
        vl.addWidget(self.table)
        layout.addWidget(vial_box)

        notes_box = QGroupBox("Notes and adverse events")
        nl = QGridLayout(notes_box)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText("How it went: access, tolerance, advice given…")
        self.notes.setMaximumHeight(90)
        self.adverse = QPlainTextEdit()
        self.adverse.setPlaceholderText("Leave empty when there were none")
        self.adverse.setMaximumHeight(90)
        nl.addWidget(QLabel("Notes"), 0, 0)
        nl.addWidget(self.notes, 1, 0)
        nl.addWidget(QLabel("Adverse events"), 0, 1)
        nl.addWidget(self.adverse, 1, 1)
        layout.addWidget(notes_box)

        self.error, self.save = add_form_footer(
            layout, "Save treatment", self._submit, self.cancelled.emit
        )
        self._route_changed()

    def set_client(self, client: SessionClientView, today: date) -> None:
        self.client = client
        self.today = today
        self.title.setText(f"Treatment — {client.name}")
        for check in self.service_checks.values():
            check.parentWidget().deleteLater()
        self.service_checks = {}
        self.for_service.clear()
        self.for_service.addItem("—", None)
        for line in client.services:
            self._add_service_row(line)
            self.for_service.addItem(line.name, line.service_id)
        self.vials = []
        self._refresh_table()
        for edit in (self.medication, self.lot, self.amount):
            edit.clear()
        self.expiry.setDate(NO_DATE)
        self.notes.clear()
        self.adverse.clear()
        self.error.clear()
        self.vial_error.clear()

    def _add_service_row(self, line: ServiceLine) -> None:
        row = QWidget()
        rl = QHBoxLayout(row)
        rl.setContentsMargins(0, 0, 0, 0)
        check = QCheckBox(line.name)
        check.setObjectName(f"service_{line.service_id}")
        rl.addWidget(check)
        blocked = line.patient_specific and line.psf_status is not PsfStatus.APPROVED
        if line.patient_specific:
            status = line.psf_status.label if line.psf_status else "not requested"
            note = QLabel(f"Patient-specific · HCP approval: {status}")
            note.setObjectName("psfNote")
            rl.addWidget(note)
            if blocked and line.psf_status is not PsfStatus.PENDING:
                ask = QPushButton("Request approval" if line.psf_status is None else "Request again")
                ask.clicked.connect(lambda _=False, sid=line.service_id: self.request_approval.emit(sid))
                rl.addWidget(ask)
        rl.addStretch(1)
        check.setChecked(not blocked)
        check.setEnabled(not blocked)
        if blocked:
            check.setToolTip("Cannot be performed without a valid HCP approval")
        self.services_layout.addWidget(row)
        self.service_checks[line.service_id] = check

    def _route_changed(self) -> None:
        route = Route(self.route.currentData())
        current = self.site.currentText()
        sites = list(COMMON_SITES.get(route, ()))
        self.site.clear()
        self.site.addItems(sites)
        self.site.setEditText(current if current in sites else "")
        self.site.lineEdit().setPlaceholderText("Pick or type the site" if route.needs_site else "—")
        self.site.setEnabled(route.needs_site)

    def entry(self) -> VialEntry:
        expiry = self.expiry.date()
        return VialEntry(
            medication=self.medication.text(),
            lot_number=self.lot.text(),
            expiry_date=None if expiry == NO_DATE else date(expiry.year(), expiry.month(), expiry.day()),
            amount=self.amount.text(),
            unit=self.unit.currentText(),
            route=self.route.currentData(),
            site=self.site.currentText(),
            service_id=self.for_service.currentData(),
        )

    def _add_vial(self) -> None:
        try:
            vial = validate_vial(self.entry(), treatment_date=self.today)
        except DomainError as exc:
            self.vial_error.setText(str(exc))
            return
        self.vial_error.clear()
        self.vials.append(vial)
        self._refresh_table()
        self.lot.clear()
        self.amount.clear()
        self.expiry.setDate(NO_DATE)
        self.medication.setFocus()

    def _remove_vial(self, index: int) -> None:
        del self.vials[index]
        self._refresh_table()

    def _refresh_table(self) -> None:
        self.table.setRowCount(len(self.vials))
        for i, v in enumerate(self.vials):
            values = [v.medication, v.lot_number, f"{v.expiry_date:%b %d, %Y}",
                      format_amount(v.amount, str(v.unit)), Route(v.route).value, v.site]
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(i, col, item)
            remove = QPushButton("Remove")
            remove.clicked.connect(lambda _=False, idx=i: self._remove_vial(idx))
            self.table.setCellWidget(i, 6, remove)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def form(self) -> TreatmentForm:
        return TreatmentForm(
            service_ids=tuple(sid for sid, c in self.service_checks.items() if c.isChecked()),
            vials=tuple(self.vials),
            notes=self.notes.toPlainText(),
            adverse_events=self.adverse.toPlainText(),
        )

    def _submit(self) -> None:
        if self.lot.text().strip() or self.amount.text().strip():
            self.show_error("A vial is typed in but not added. Press “Add vial” or clear the fields.")
            return
        self.error.clear()
        self.submitted.emit(self.form())

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.ensureWidgetVisible(self.error)
