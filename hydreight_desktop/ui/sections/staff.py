"""Staff: who can sign in, with which role. Business Admins add, edit, reset passwords, deactivate.

A new account's email is typed twice (it can never change); the edit form shows it read-only.
CSP and HCP accounts get their provider profile automatically (filled in under Providers).
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPushButton, QVBoxLayout, QWidget

from hydreight_desktop.domain.contact import format_phone
from hydreight_desktop.domain.roles import Role
from hydreight_desktop.services.staff import (
    NewStaffForm,
    StaffRecord,
    StaffUpdate,
    create_staff,
    list_staff,
    reset_password,
    update_staff,
)
from hydreight_desktop.ui.context import AppContext
from hydreight_desktop.ui.icons import icon
from hydreight_desktop.ui.widgets.account_fields import (
    NewEmailFields,
    NewPasswordFields,
    add_fixed_email,
    business_region,
    phone_field,
)
from hydreight_desktop.ui.widgets.forms import CAPTION_STYLE, FormDialog, Saver, required
from hydreight_desktop.ui.widgets.header import PageHeader
from hydreight_desktop.ui.widgets.messages import confirm, show_error
from hydreight_desktop.ui.widgets.record_list import RecordList
from hydreight_desktop.ui.widgets.section import ReloadWhenShownAgain
from hydreight_desktop.ui.widgets.table_model import Column
from hydreight_desktop.ui.widgets.wrap_label import WrapLabel

ROLE_HELP = {
    Role.ADMIN: "Everything, including set-up, prices, staff and commission.",
    Role.FRONT_DESK: "Clients, bookings, payments, memberships and handouts.",
    Role.CSP: "Their own bookings and sessions, hours and vacations. Set up under Providers.",
    Role.HCP: "Consultations, MSE referrals and patient-specific approvals.",
}


def role_combo() -> QComboBox:
    combo = QComboBox()
    for role in Role:
        combo.addItem(role.label, role.value)
        combo.setItemData(combo.count() - 1, ROLE_HELP[role], 3)  # tooltip role
    return combo


def _name_edit(form, value: str = "") -> QLineEdit:
    edit = QLineEdit(value)
    edit.setMaxLength(200)
    edit.setPlaceholderText("First and last name")
    form.add_row("Full name", edit, "full_name", checks=[required(edit, "full name")])
    return edit


class NewStaffDialog(FormDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "New staff account", parent, save_text="Create account")
        self.name = _name_edit(self.form)
        self.email = NewEmailFields(self.form, "name@yourclinic.com")
        self.role = role_combo()
        self.role.setCurrentIndex(self.role.findData(Role.FRONT_DESK.value))
        self.role_help = WrapLabel()
        self.role_help.setStyleSheet(CAPTION_STYLE)
        role_box = QWidget()
        box = QVBoxLayout(role_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.role)
        box.addWidget(self.role_help)
        self.form.add_row("Role", role_box, "role")
        self.phone = phone_field(ctx, self.form)
        self.password = NewPasswordFields(self.form, "Password")
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()

    def _role_changed(self, *_: object) -> None:
        self.role.setToolTip(ROLE_HELP[Role(self.role.currentData())])
        self.set_intro(
            f"{Role(self.role.currentData()).label}: {ROLE_HELP[Role(self.role.currentData())]}"
        )

    def save_call(self) -> tuple:
        return (
            create_staff,
            NewStaffForm(
                email=self.email.value(),
                full_name=self.name.text(),
                phone=self.phone.text(),
                role=self.role.currentData(),
                password=self.password.value(),
            ),
        )


class EditStaffDialog(FormDialog):
    def __init__(self, ctx: AppContext, record: StaffRecord, parent: QWidget | None = None) -> None:
        super().__init__(ctx, f"Staff account: {record.full_name}", parent)
        self.record = record
        self.email = add_fixed_email(self.form, record.email)
        self.name = _name_edit(self.form, record.full_name)
        self.role = role_combo()
        self.role.setCurrentIndex(self.role.findData(record.role.value))
        self.form.add_row("Role", self.role, "role")
        self.phone = phone_field(ctx, self.form, record.phone)
        self.active = QCheckBox("Can sign in")
        self.active.setChecked(record.active)
        self.form.add_row(
            "Active",
            self.active,
            "active",
            caption="A deactivated account keeps its history but can no longer sign in.",
        )

    def save_call(self) -> tuple:
        return (
            update_staff,
            self.record.id,
            StaffUpdate(
                full_name=self.name.text(),
                phone=self.phone.text(),
                role=self.role.currentData(),
                active=self.active.isChecked(),
            ),
        )


class ResetPasswordDialog(FormDialog):
    def __init__(self, ctx: AppContext, record: StaffRecord, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "Reset password", parent, save_text="Set new password")
        self.record = record
        self.set_intro(
            f"Set a new password for {record.full_name} ({record.email}). "
            "Their old password stops working at once."
        )
        self.password = NewPasswordFields(self.form, "New password")

    def save_call(self) -> tuple:
        return (reset_password, self.record.id, self.password.value())


class StaffSection(ReloadWhenShownAgain):
    """The Staff screen (Business Admins only: the sidebar hides it from other roles)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        columns = [
            Column("Name", lambda r: r.full_name),
            Column("Email", lambda r: r.email, tooltip=lambda r: r.email),
            Column("Role", lambda r: r.role_label),
            Column("Phone", lambda r: _phone(ctx, r.phone)),
            Column(
                "Last sign-in",
                lambda r: ctx.fmt.datetime(r.last_login_at) if r.last_login_at else "Never",
                lambda r: r.last_login_at.timestamp() if r.last_login_at else 0,
            ),
            # short, so last: the last column gets what width is left and must not lose its zone
            Column("Status", lambda r: "Active" if r.active else "Deactivated"),
        ]
        self.list = RecordList(
            ctx,
            columns,
            lambda: (list_staff,),
            noun=("account", "accounts"),
            new_text="New account",
            empty_hint="No staff accounts yet. Click “New account” (Ctrl+N).",
            export_name="staff",
            muted=lambda r: not r.active,
            column_widths={0: 160, 1: 230},  # long emails shorten (full in the tooltip)
        )
        self.panel = self.list.panel
        self.reset_button = QPushButton(icon("fa5s.key"), "Reset password")
        self.active_button = QPushButton(icon("fa5s.user-slash"), "Deactivate")
        for button in (self.active_button, self.reset_button):
            button.setEnabled(False)
            self.panel.add_action(button)
        self.reset_button.clicked.connect(self.reset_selected)
        self.active_button.clicked.connect(self.toggle_selected)
        self.panel.newRequested.connect(self.new_account)
        self.panel.openRequested.connect(lambda row: self.edit(self.list.model.record(row)))
        self.panel.selectionChanged.connect(self._selection)
        header = PageHeader(
            "Staff",
            "Everyone who signs in and what their role lets them do; double-click an account to "
            "change it. CSP and HCP profiles are under Providers.",
        )
        header.actions.addWidget(self.panel.actions_bar)  # buttons on the title line
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(header)
        layout.addWidget(self.list, 1)
        self.saver = Saver(ctx, self)
        self.saver.saved.connect(self._saved)
        self.saver.refused.connect(lambda e: show_error(self, e))
        self.refresh()

    def refresh(self) -> None:
        self.list.reload()

    def new_account(self) -> NewStaffDialog:
        return self._open(NewStaffDialog(self.ctx, self))

    def edit(self, record: StaffRecord) -> EditStaffDialog:
        return self._open(EditStaffDialog(self.ctx, record, self))

    def reset_selected(self) -> ResetPasswordDialog | None:
        record = self.list.current()
        if record is None:
            return None
        dialog = ResetPasswordDialog(self.ctx, record, self)
        dialog.accepted.connect(
            lambda: self.ctx.status_message(f"New password set for {record.full_name}.")
        )
        dialog.open()
        return dialog

    def toggle_selected(self) -> None:
        record = self.list.current()
        if record is None:
            return
        if record.active and not confirm(
            self,
            "Deactivate account",
            f"{record.full_name} will no longer be able to sign in. Their history stays. Continue?",
            yes="Deactivate",
        ):
            return
        update = StaffUpdate(record.full_name, record.phone, record.role, active=not record.active)
        self.saver.run(update_staff, record.id, update)

    def _open(self, dialog: FormDialog) -> FormDialog:
        dialog.accepted.connect(lambda: self._saved(dialog.result_record))
        dialog.open()
        return dialog

    def _saved(self, record: StaffRecord | None) -> None:
        if record is None:
            return
        self.list.put(record)
        self._selection(self.panel.current_row())
        self.ctx.status_message(f"Account of {record.full_name} saved.")

    def _selection(self, row: int) -> None:
        record = self.list.model.record(row) if row >= 0 else None
        self.reset_button.setEnabled(record is not None)
        self.active_button.setEnabled(record is not None)
        if record is not None:
            self.active_button.setText("Deactivate" if record.active else "Reactivate")
            self.active_button.setIcon(
                icon("fa5s.user-slash" if record.active else "fa5s.user-check")
            )


def _phone(ctx: AppContext, e164: str | None) -> str:
    return format_phone(e164, business_region(ctx)) if e164 else ""
