"""Providers: CSPs (with their four-tab profile) and HCPs (credentials, NPI, licensed states).

Admins and front desk see every provider; a CSP signed in sees only their own profile (their
"Set Up"), where only hours and vacations can be changed.
``navigate_to(csp_id=..., tab="details"|"hours"|"settings"|"vacations")`` opens a CSP on a tab.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hydreight_desktop.domain.clock import zone
from hydreight_desktop.domain.contact import format_phone
from hydreight_desktop.domain.providers import HCP_CREDENTIALS, Mode, parse_states, validate_npi
from hydreight_desktop.domain.roles import Permission, Role
from hydreight_desktop.services.providers import (
    CspListRow,
    CspProfileRecord,
    HcpDetails,
    HcpRecord,
    NewCspForm,
    NewHcpForm,
    create_csp,
    create_hcp,
    get_csp_profile,
    list_csps,
    list_hcps,
    own_csp_profile,
    update_hcp,
)
from hydreight_desktop.ui.context import AppContext
from hydreight_desktop.ui.icons import icon
from hydreight_desktop.ui.sections.csp_profile import TABS, CspProfileView, live_badge
from hydreight_desktop.ui.widgets.account_fields import (
    NewEmailFields,
    NewPasswordFields,
    add_fixed_email,
    phone_field,
)
from hydreight_desktop.ui.widgets.forms import ErrorBanner, FormDialog, required, rule
from hydreight_desktop.ui.widgets.header import PageHeader
from hydreight_desktop.ui.widgets.messages import error_text
from hydreight_desktop.ui.widgets.record_list import RecordList
from hydreight_desktop.ui.widgets.section import ReloadWhenShownAgain
from hydreight_desktop.ui.widgets.table_model import Column
from hydreight_desktop.ui.widgets.zone_combo import ZoneCombo


def status_icon(is_live: bool):
    return icon("fa5s.circle", color="#12b76a" if is_live else "#f79009")


def modes_text(row: CspListRow) -> str:
    modes = row.modes
    return ", ".join(m.label for m in modes) if modes else "No hours yet"


def _zone_combo(form, key: str, caption: str, value: str) -> ZoneCombo:
    combo = ZoneCombo()
    combo.set_value(value)
    form.add_row(
        "Time zone", combo, key, checks=[rule(lambda: zone(combo.value()))], caption=caption
    )
    return combo


class NewCspDialog(FormDialog):
    """A CSP's sign-in account and profile, made together; hours come next on the profile."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "New Clinical Service Provider", parent, save_text="Add CSP")
        f = self.form
        self.name = QLineEdit()
        f.add_row("Full name", self.name, "full_name", checks=[required(self.name, "full name")])
        self.title = QLineEdit("RN")
        f.add_row("Title", self.title, "title", checks=[required(self.title, "title (e.g. RN)")])
        self.email = NewEmailFields(f)
        self.phone = phone_field(ctx, f)
        self.zone = _zone_combo(
            f,
            "default_time_zone",
            "The CSP's hours are entered in this zone.",
            ctx.business.time_zone,
        )
        self.password = NewPasswordFields(f)
        self.live = QCheckBox("Live now (bookable as soon as hours are entered)")
        f.add_row(
            "Live", self.live, "is_live", caption="Usually left off until onboarding is done."
        )

    def save_call(self) -> tuple:
        return (
            create_csp,
            NewCspForm(
                email=self.email.value(),
                full_name=self.name.text(),
                phone=self.phone.text(),
                password=self.password.value(),
                default_time_zone=self.zone.value(),
                title=self.title.text(),
                is_live=self.live.isChecked(),
            ),
        )


class HcpFields:
    """Credentials, NPI, licensed states and zone: shared by the new and edit HCP dialogs."""

    def __init__(self, ctx: AppContext, form, record: HcpRecord | None = None) -> None:
        self.credentials = QComboBox()
        self.credentials.addItems(HCP_CREDENTIALS)
        form.add_row("Credentials", self.credentials, "credentials")
        self.npi = QLineEdit()
        self.npi.setPlaceholderText("10 digits")
        self.npi.setMaxLength(12)
        form.add_row(
            "NPI number",
            self.npi,
            "npi_number",
            checks=[rule(lambda: validate_npi(self.npi.text()))],
            caption="National Provider Identifier, from the provider's licence (optional).",
        )
        self.states = QLineEdit()
        self.states.setPlaceholderText("e.g. FL, NY, CA")
        form.add_row(
            "Licensed states",
            self.states,
            "licensed_states",
            checks=[rule(lambda: parse_states(self.states.text()))],
            caption="Two-letter codes of the states where the provider may practise.",
        )
        self.zone = _zone_combo(
            form, "time_zone", "", record.time_zone if record else ctx.business.time_zone
        )
        if record is not None:
            if record.credentials:
                self.credentials.setCurrentText(record.credentials)
            self.npi.setText(record.npi_number or "")
            self.states.setText(", ".join(record.licensed_states))

    def details(self, full_name: str, phone: str) -> HcpDetails:
        return HcpDetails(
            full_name=full_name,
            phone=phone,
            credentials=self.credentials.currentText(),
            npi_number=self.npi.text(),
            licensed_states=self.states.text(),
            time_zone=self.zone.value(),
        )


class NewHcpDialog(FormDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "New Healthcare Provider", parent, save_text="Add HCP")
        f = self.form
        self.name = QLineEdit()
        f.add_row("Full name", self.name, "full_name", checks=[required(self.name, "full name")])
        self.email = NewEmailFields(f)
        self.phone = phone_field(ctx, f)
        self.fields = HcpFields(ctx, f)
        self.password = NewPasswordFields(f)

    def save_call(self) -> tuple:
        details = self.fields.details(self.name.text(), self.phone.text())
        return (create_hcp, NewHcpForm(self.email.value(), self.password.value(), details))


class HcpDialog(FormDialog):
    """An HCP's profile; read-only for everyone but admins."""

    def __init__(self, ctx: AppContext, record: HcpRecord, parent: QWidget | None = None) -> None:
        super().__init__(ctx, f"Healthcare Provider: {record.display_name}", parent)
        self.record = record
        f = self.form
        self.name = QLineEdit(record.full_name)
        f.add_row("Full name", self.name, "full_name", checks=[required(self.name, "full name")])
        add_fixed_email(f, record.email)
        self.phone = phone_field(ctx, f, record.phone)
        self.fields = HcpFields(ctx, f, record)
        if not ctx.actor.can(Permission.MANAGE_PROVIDERS):
            self.set_read_only(True, "Only a Business Admin can change provider profiles.")

    def save_call(self) -> tuple:
        return (
            update_hcp,
            self.record.id,
            self.fields.details(self.name.text(), self.phone.text()),
        )


class ProvidersSection(ReloadWhenShownAgain):
    """The Providers screen: lists (CSPs, HCPs) and the CSP profile page."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.own_only = ctx.actor.role == Role.CSP
        self.can_add = ctx.actor.can(Permission.MANAGE_STAFF)
        self.pending_tab: str | None = None
        self.banner = ErrorBanner()
        self.profile = CspProfileView(ctx, own=self.own_only)
        self.profile.backRequested.connect(self.show_lists)
        self.profile.changed.connect(self._profile_changed)
        self.stack = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)

        if self.own_only:
            self.empty = QLabel(
                "Your account has no CSP profile yet. Ask a Business Admin to set it up."
            )
            self.empty.setObjectName("hint")
            self.stack.addWidget(self.profile)
            self.stack.addWidget(self.empty)
            self.refresh()
            return

        self.csps = RecordList(
            ctx,
            [
                Column("Name", lambda r: r.full_name),
                Column("Title", lambda r: r.title),
                Column(
                    "Status",
                    lambda r: "Live" if r.is_live else "Onboarding",
                    icon=lambda r: status_icon(r.is_live),
                    tooltip=lambda r: live_badge(r.is_live),
                ),
                Column("Time zone", lambda r: r.default_time_zone.replace("_", " ")),
                Column("Hours for", modes_text, tooltip=_hours_tooltip),
                Column("Phone", lambda r: format_phone(r.phone) if r.phone else ""),
                Column("Email", lambda r: r.email),
            ],
            lambda: (list_csps,),
            noun=("CSP", "CSPs"),
            new_text="New CSP" if self.can_add else None,
            empty_hint=(
                "No Clinical Service Providers yet.\nClick “New CSP” (Ctrl+N), then enter their "
                "Callout and Facility hours and make the account live."
                if self.can_add
                else "No Clinical Service Providers yet."
            ),
            export_name="csps",
            column_widths={0: 180},
        )
        self.hcps = RecordList(
            ctx,
            [
                Column("Name", lambda r: r.full_name),
                Column("Credentials", lambda r: r.credentials or "—"),
                Column("NPI", lambda r: r.npi_number or "—"),
                Column("Licensed states", lambda r: ", ".join(r.licensed_states) or "—"),
                Column("Time zone", lambda r: r.time_zone.replace("_", " ")),
                Column("Email", lambda r: r.email),
            ],
            lambda: (list_hcps,),
            noun=("HCP", "HCPs"),
            new_text="New HCP" if self.can_add else None,
            empty_hint="No Healthcare Providers yet."
            + ("\nClick “New HCP” (Ctrl+N) to add a doctor, NP or PA." if self.can_add else ""),
            export_name="hcps",
            column_widths={0: 180},
        )
        self.csps.panel.openRequested.connect(
            lambda row: self.open_csp(self.csps.model.record(row).id)
        )
        self.csps.panel.newRequested.connect(self.new_csp)
        self.hcps.panel.openRequested.connect(
            lambda row: self.open_hcp(self.hcps.model.record(row))
        )
        self.hcps.panel.newRequested.connect(self.new_hcp)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.csps, icon("fa5s.user-nurse"), "Clinical Service Providers")
        self.tabs.addTab(self.hcps, icon("fa5s.user-md"), "Healthcare Providers")
        lists = QWidget()
        lists_layout = QVBoxLayout(lists)
        lists_layout.setContentsMargins(0, 0, 0, 0)
        lists_layout.addWidget(
            PageHeader(
                "Providers",
                "Double-click a CSP (or press Enter) to set their details, available hours, settings "
                "and vacations.",
            )
        )
        lists_layout.addWidget(self.tabs, 1)
        self.lists = lists
        self.stack.addWidget(lists)
        self.stack.addWidget(self.profile)
        self.refresh()

    # --- loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.own_only:
            self.ctx.call(own_csp_profile, on_result=self._own_loaded, on_error=self._failed)
            return
        self.csps.reload()
        self.hcps.reload()
        if self.stack.currentWidget() is self.profile and self.profile.record is not None:
            self.open_csp(self.profile.record.id, self.profile.current_tab())

    def _own_loaded(self, record: CspProfileRecord | None) -> None:
        if record is None:
            self.stack.setCurrentWidget(self.empty)
            return
        self._show_profile(record)

    def _failed(self, error: BaseException) -> None:
        self.banner.show_message(error_text(error))

    # --- navigation ------------------------------------------------------------------------
    def navigate_to(self, csp_id: str | None = None, tab: str | None = None, **_: object) -> None:
        """Open a CSP's profile on a tab (the CONTRACTS navigation); a CSP only their own."""
        if self.own_only:
            if tab:
                self.profile.show_tab(tab)
            return
        if csp_id:
            self.open_csp(csp_id, tab)
        elif tab:
            self.profile.show_tab(tab)

    def open_csp(self, csp_id: str, tab: str | None = None) -> None:
        self.pending_tab = tab if tab in TABS else None
        self.banner.clear()
        self.csps.panel.busy.begin()
        self.ctx.call(
            get_csp_profile, csp_id, on_result=self._csp_loaded, on_error=self._csp_failed
        )

    def _csp_loaded(self, record: CspProfileRecord) -> None:
        self.csps.panel.busy.end()
        first_time = self.profile.record is None or self.profile.record.id != record.id
        self._show_profile(record)
        if self.pending_tab:
            self.profile.show_tab(self.pending_tab)
        elif first_time:
            self.profile.show_tab("details")
        self.pending_tab = None

    def _csp_failed(self, error: BaseException) -> None:
        self.csps.panel.busy.end()
        self._failed(error)

    def _show_profile(self, record: CspProfileRecord) -> None:
        self.banner.clear()
        self.profile.show_record(record)
        self.stack.setCurrentWidget(self.profile)

    def show_lists(self) -> None:
        if not self.own_only:
            self.stack.setCurrentWidget(self.lists)
            self.csps.reload()

    def _profile_changed(self, record: CspProfileRecord | None) -> None:
        """A tab saved: vacations come back without the profile, so reload it then."""
        if record is None and self.profile.record is not None:
            if self.own_only:
                self.refresh()
            else:
                self.open_csp(self.profile.record.id, self.profile.current_tab())

    # --- dialogs ---------------------------------------------------------------------------
    def new_csp(self) -> NewCspDialog | None:
        if not self.can_add:
            return None
        dialog = NewCspDialog(self.ctx, self)
        dialog.accepted.connect(lambda: self._csp_created(dialog.result_record))
        dialog.open()
        return dialog

    def _csp_created(self, record: CspProfileRecord) -> None:
        self.csps.reload(record.id)
        self.ctx.status_message(f"{record.full_name} added. Enter their hours next.")
        self._show_profile(record)
        self.profile.show_tab("hours")

    def new_hcp(self) -> NewHcpDialog | None:
        if not self.can_add:
            return None
        dialog = NewHcpDialog(self.ctx, self)
        dialog.accepted.connect(lambda: self._hcp_saved(dialog.result_record))
        dialog.open()
        return dialog

    def open_hcp(self, record: HcpRecord) -> HcpDialog:
        dialog = HcpDialog(self.ctx, record, self)
        dialog.accepted.connect(lambda: self._hcp_saved(dialog.result_record))
        dialog.open()
        return dialog

    def _hcp_saved(self, record: HcpRecord | None) -> None:
        if record is not None:
            self.hcps.put(record)
            self.ctx.status_message(f"{record.display_name} saved.")


def _hours_tooltip(row: CspListRow) -> str:
    lines = []
    for mode in Mode:
        ranges = row.hours.get(mode, ())
        days = sorted(
            {r.day_name[:3] for r in ranges}, key=lambda d: "MonTueWedThuFriSatSun".index(d)
        )
        lines.append(f"{mode.label}: {', '.join(days) if days else 'no hours'}")
    return "\n".join(lines)
