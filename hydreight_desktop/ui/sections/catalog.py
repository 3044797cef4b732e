"""Services: what the clinic sells, at what price and length, and which clinical checks apply.

Everyone sees the list (front desk needs prices); only a Business Admin adds, edits, retires.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hydreight_desktop.domain.roles import Permission, refusal_message
from hydreight_desktop.services.catalog import (
    CATEGORIES,
    MAX_DURATION_MINUTES,
    ServiceForm,
    ServiceRecord,
    create_service,
    list_categories,
    list_services,
    set_active,
    update_service,
    validate_service,
)
from hydreight_desktop.ui.context import AppContext
from hydreight_desktop.ui.icons import icon
from hydreight_desktop.ui.widgets.forms import FormDialog, Saver
from hydreight_desktop.ui.widgets.header import InfoNote, PageHeader
from hydreight_desktop.ui.widgets.inputs import OptionalValue, PercentEdit, minutes_spin
from hydreight_desktop.ui.widgets.messages import show_error
from hydreight_desktop.ui.widgets.money import MoneyEdit
from hydreight_desktop.ui.widgets.record_list import RecordList
from hydreight_desktop.ui.widgets.section import ReloadWhenShownAgain
from hydreight_desktop.ui.widgets.table_model import Column

YES = "Yes"


def duration_text(minutes: int) -> str:
    hours, mins = divmod(minutes, 60)
    if hours and mins:
        return f"{hours} h {mins} min"
    return f"{hours} h" if hours else f"{mins} min"


class ServiceDialog(FormDialog):
    """Add or edit one service (read-only for roles that may not change services)."""

    def __init__(
        self,
        ctx: AppContext,
        record: ServiceRecord | None = None,
        categories: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = f"Service: {record.name}" if record else "New service"
        super().__init__(ctx, title, parent, save_text="Save service" if record else "Add service")
        self.record = record
        self.name = QLineEdit()
        self.name.setMaxLength(120)
        self.name.setPlaceholderText("e.g. Athlete Recovery IV")
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.addItems(categories or list(CATEGORIES))
        self.category.setCurrentIndex(-1)
        self.category.lineEdit().setPlaceholderText("Pick or type a category")
        self.price = MoneyEdit(ctx.business.currency, ctx.business.locale)
        self.price.setMaximumWidth(200)
        self.duration = minutes_spin(MAX_DURATION_MINUTES)
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText("What the client gets (shown on the booking page)")
        self.description.setFixedHeight(70)
        self.description.setTabChangesFocus(True)
        self.needs_mse = QCheckBox("Needs a cleared MSE")
        self.psf = QCheckBox("Patient-specific (PSF)")
        self.commission = OptionalValue(PercentEdit(), "Own rate:")
        self.mse_days = OptionalValue(minutes_spin(730, " days", 30), "Own validity:")
        self.active = QCheckBox("Offered: clients and staff can book it")
        self.active.setChecked(True)

        f = self.form
        f.add_row("Name", self.name, "name")
        f.add_row("Category", self.category, "category")
        f.add_row("Price", self.price, "price_cents", aliases=("price",))
        f.add_row("Duration", self.duration, "duration_minutes")
        f.add_row("Description", self.description, "description")
        f.add_section("Clinical checks")
        f.add_row(
            "MSE",
            self.needs_mse,
            "needs_mse",
            caption="A medical screening exam must be cleared before the treatment.",
        )
        f.add_row(
            "MSE valid for",
            self.mse_days,
            "mse_validity_days",
            caption="Unchecked: the business setting applies.",
        )
        f.add_row(
            "Approval",
            self.psf,
            "patient_specific",
            caption="An HCP must approve it for each client (with an expiry) before it is performed.",
        )
        f.add_section("Commission and availability")
        f.add_row(
            "CSP commission",
            self.commission,
            "commission_rate_bp",
            caption="Unchecked: each CSP's own commission rate applies.",
        )
        f.add_row("Status", self.active, "active")
        f.add_rule(lambda: validate_service(self.value()))

        if record is not None:
            self._show(record)
        else:
            self.duration.setValue(60)
        if not ctx.actor.can(Permission.MANAGE_SERVICES):
            self.set_read_only(True, refusal_message(Permission.MANAGE_SERVICES))

    def _show(self, r: ServiceRecord) -> None:
        self.name.setText(r.name)
        self.category.setEditText(r.category)
        self.price.set_cents(r.price_cents)
        self.duration.setValue(r.duration_minutes)
        self.description.setPlainText(r.description)
        self.needs_mse.setChecked(r.needs_mse)
        self.psf.setChecked(r.patient_specific)
        self.commission.set_value(r.commission_rate_bp, default=3000)
        self.mse_days.set_value(
            r.mse_validity_days, default=self.ctx.business.settings.mse_validity_days
        )
        self.active.setChecked(r.active)
        self.form.revalidate()

    def value(self) -> ServiceForm:
        return ServiceForm(
            name=self.name.text(),
            category=self.category.currentText(),
            price_cents=self.price.cents(),
            duration_minutes=self.duration.value(),
            description=self.description.toPlainText(),
            needs_mse=self.needs_mse.isChecked(),
            patient_specific=self.psf.isChecked(),
            commission_rate_bp=self.commission.value(),
            mse_validity_days=self.mse_days.value(),
            active=self.active.isChecked(),
        )

    def save_call(self) -> tuple:
        if self.record is None:
            return (create_service, self.value())
        return (update_service, self.record.id, self.value())


class ServicesSection(ReloadWhenShownAgain):
    """The Services screen."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_edit = ctx.actor.can(Permission.MANAGE_SERVICES)
        self.categories: list[str] = list(CATEGORIES)
        columns = [
            Column("Service", lambda r: r.name),
            Column("Category", lambda r: r.category),
            Column(
                "Price",
                lambda r: ctx.fmt.money(r.price_cents),
                lambda r: r.price_cents,
                align_right=True,
            ),
            Column(
                "Duration",
                lambda r: duration_text(r.duration_minutes),
                lambda r: r.duration_minutes,
                align_right=True,
            ),
            Column(
                "MSE",
                lambda r: YES if r.needs_mse else "",
                tooltip=lambda r: "Needs a cleared MSE" if r.needs_mse else "",
            ),
            Column(
                "PSF",
                lambda r: YES if r.patient_specific else "",
                tooltip=lambda r: (
                    "Needs an HCP's approval per client" if r.patient_specific else ""
                ),
            ),
            Column(
                "Commission",
                lambda r: (
                    f"{r.commission_rate_bp / 100:g} %"
                    if r.commission_rate_bp is not None
                    else "CSP's rate"
                ),
                lambda r: -1 if r.commission_rate_bp is None else r.commission_rate_bp,
            ),
            Column("Status", lambda r: "Offered" if r.active else "Retired"),
        ]
        self.list = RecordList(
            ctx,
            columns,
            lambda: (list_services, None if self.show_retired.isChecked() else True),
            noun=("service", "services"),
            new_text="New service" if self.can_edit else None,
            empty_hint=(
                "No services yet.\nClick “New service” (Ctrl+N) to add what the clinic offers."
                if self.can_edit
                else "No services yet. A Business Admin adds them here."
            ),
            export_name="services",
            muted=lambda r: not r.active,
            column_widths={0: 210},  # leaves room for Status at 1280 without a sideways scroll
        )
        self.panel = self.list.panel
        self.show_retired = QCheckBox("Show retired")
        self.show_retired.setToolTip("Also list services no longer offered")
        self.show_retired.toggled.connect(lambda _on: self.list.reload())
        self.panel.add_filter(self.show_retired)
        self.toggle_button = QPushButton(icon("fa5s.toggle-off"), "Retire")
        self.toggle_button.setEnabled(False)
        self.toggle_button.clicked.connect(self.toggle_active)
        if self.can_edit:
            self.panel.add_action(self.toggle_button)
        self.panel.newRequested.connect(self.new_service)
        self.panel.openRequested.connect(lambda row: self.open_service(self.list.model.record(row)))
        self.panel.selectionChanged.connect(self._selection)

        header = PageHeader(
            "Services",
            "What the clinic offers: price, length, and the clinical checks before treatment. "
            "Double-click a service to see or change it.",
        )
        header.actions.addWidget(self.panel.actions_bar)  # buttons on the title line
        note = InfoNote(
            ""
            if self.can_edit
            else refusal_message(Permission.MANAGE_SERVICES) + " You can look at every service."
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(header)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        self.saver = Saver(ctx, self)
        self.saver.saved.connect(self._saved)
        self.saver.refused.connect(lambda e: show_error(self, e))
        self.refresh()

    def refresh(self) -> None:
        self.list.reload()
        self.ctx.call(list_categories, on_result=self._categories, on_error=lambda _e: None)

    def _categories(self, names: list[str]) -> None:
        self.categories = names

    def new_service(self) -> ServiceDialog | None:
        if not self.can_edit:
            return None
        return self._open(ServiceDialog(self.ctx, None, self.categories, self))

    def open_service(self, record: ServiceRecord) -> ServiceDialog:
        return self._open(ServiceDialog(self.ctx, record, self.categories, self))

    def _open(self, dialog: ServiceDialog) -> ServiceDialog:
        dialog.accepted.connect(lambda: self._saved(dialog.result_record))
        dialog.open()
        return dialog

    def toggle_active(self) -> None:
        record = self.list.current()
        if record is not None and self.can_edit:
            self.saver.run(set_active, record.id, not record.active)

    def _saved(self, record: ServiceRecord | None) -> None:
        if record is None:
            return
        if record.active or self.show_retired.isChecked():
            self.list.put(record)
        else:
            self.list.reload()
        self._selection(self.panel.current_row())
        verb = "offered" if record.active else "retired"
        self.ctx.status_message(f"Service “{record.name}” saved ({verb}).")

    def _selection(self, row: int) -> None:
        record = self.list.model.record(row) if row >= 0 else None
        self.toggle_button.setEnabled(record is not None)
        if record is not None:
            self.toggle_button.setText("Retire" if record.active else "Offer again")
            self.toggle_button.setIcon(
                icon("fa5s.toggle-off" if record.active else "fa5s.toggle-on")
            )
