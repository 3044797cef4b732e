"""A CSP's profile, laid out the way the clinic's text describes it: four tabs.

Details (name, phone, default time zone, live), Available Hours (Callout and Facility weekly
hours, separately), Settings (advance booking time per mode, cash payments, commission), and
Vacations/Block Time. Admins edit everything; the CSP themselves edits only hours and
vacations; everyone else reads.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hydreight_desktop.domain.clock import zone
from hydreight_desktop.domain.contact import format_phone, require_text
from hydreight_desktop.domain.errors import ValidationError
from hydreight_desktop.domain.providers import (
    MAX_ADVANCE_MINUTES,
    HoursRange,
    Mode,
    validate_week,
)
from hydreight_desktop.domain.roles import Permission
from hydreight_desktop.services.providers import (
    CspDetails,
    CspProfileRecord,
    CspSettings,
    add_vacation,
    remove_vacation,
    set_csp_hours,
    update_csp_details,
    update_csp_settings,
)
from hydreight_desktop.ui.context import AppContext
from hydreight_desktop.ui.icons import icon
from hydreight_desktop.ui.widgets.account_fields import add_fixed_email, phone_field
from hydreight_desktop.ui.widgets.forms import ErrorBanner, Form, Saver, required, rule
from hydreight_desktop.ui.widgets.header import InfoNote
from hydreight_desktop.ui.widgets.hours_editor import WeeklyHoursEditor
from hydreight_desktop.ui.widgets.inputs import PercentEdit, minutes_spin
from hydreight_desktop.ui.widgets.messages import error_text
from hydreight_desktop.ui.widgets.scroll import PageScrollArea
from hydreight_desktop.ui.widgets.vacations_editor import VacationsEditor
from hydreight_desktop.ui.widgets.zone_combo import ZoneCombo

TABS = ("details", "hours", "settings", "vacations")
ADMIN_ONLY = "Only a Business Admin can change this tab."


def live_badge(is_live: bool) -> str:
    return "Live" if is_live else "Not live (onboarding)"


def readiness(r: CspProfileRecord) -> str:
    """What stops this CSP from being booked, in the clinic's checklist order ('' when nothing)."""
    blockers = []
    if not r.active:
        blockers.append("the staff account is deactivated (Staff screen)")
    if not r.is_live:
        blockers.append("the account is not live (Details tab)")
    no_hours = [m for m in Mode if not r.hours_for(m)]
    blockers += [f"no {m.label} hours (Available Hours tab)" for m in no_hours]
    if not blockers:
        return ""
    if r.active and r.is_live and len(no_hours) < len(Mode):
        modes = " or ".join(m.label for m in no_hours)
        return f"{r.full_name} cannot be booked for {modes} yet: " + "; ".join(blockers) + "."
    return f"{r.full_name} cannot be booked yet: " + "; ".join(blockers) + "."


def week_check(weekday_ranges: list[tuple[int, int]]) -> str | None:
    """The domain's weekly-hours rule applied to one day, so the screen says what the service says."""
    try:
        validate_week(HoursRange(0, start, end) for start, end in weekday_ranges)
    except ValidationError as exc:
        return str(exc).removeprefix("Monday: ")
    return None


def _save_bar(button: QPushButton, status: QLabel) -> QHBoxLayout:
    bar = QHBoxLayout()
    bar.addWidget(status, 1)
    bar.addWidget(button)
    return bar


class _TabForm(QWidget):
    """A tab holding a form, an error banner and its own Save button."""

    saved = Signal(object)

    def __init__(self, ctx: AppContext, save_text: str, editable: bool, note: str = "") -> None:
        super().__init__()
        self.ctx = ctx
        self.editable = editable
        self.form = Form()
        self.banner = ErrorBanner()
        self.note = InfoNote("" if editable else note)
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.save_button = QPushButton(icon("fa5s.check", color="white"), save_text)
        self.save_button.setObjectName("primary")
        self.save_button.setToolTip(f"{save_text} (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        self.save_button.setVisible(editable)
        page = QWidget()
        page.setMaximumWidth(760)
        body = QVBoxLayout(page)
        body.setContentsMargins(16, 14, 16, 8)
        body.addWidget(self.note)
        body.addWidget(self.banner)
        body.addWidget(self.form)
        body.addStretch(1)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(page, 1)
        row.addStretch(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.addWidget(PageScrollArea(holder), 1)
        bar = _save_bar(self.save_button, self.status)
        bar.setContentsMargins(16, 0, 16, 0)
        layout.addLayout(bar)
        self.saver = Saver(ctx, self)
        self.saver.saved.connect(self._saved)
        self.saver.refused.connect(self._refused)
        self.form.validityChanged.connect(lambda ok: self.save_button.setEnabled(ok))
        if editable:
            QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)
        self.form.edited.connect(self._edited)
        self.dirty = False
        self.shown_id = ""

    def _edited(self) -> None:
        self.dirty = True
        self.banner.clear()
        self.status.setText("Unsaved changes.")

    def keeps_edits(self, r: CspProfileRecord) -> bool:
        """True when showing ``r`` would throw away what the user is typing on this tab."""
        return self.dirty and self.shown_id == r.id

    def shown(self, r: CspProfileRecord) -> None:
        self.shown_id = r.id
        self.dirty = False
        self.form.revalidate()
        self.status.clear()

    def save_call(self) -> tuple:
        raise TypeError(f"{type(self).__name__} must define save_call()")  # a hook each subclass fills

    def save(self) -> None:
        if not self.editable or self.saver.pending:
            return
        if not self.form.is_valid:
            self.form.touch_all()
            self.banner.show_message(
                self.form.first_problem() or "Please check the fields marked in red."
            )
            return
        self.banner.clear()
        self.status.setText("Saving…")
        self.saver.run(*self.save_call())

    def _saved(self, record) -> None:
        self.dirty = False
        self.saved.emit(record)
        self.status.setText("Saved.")

    def _refused(self, error: BaseException) -> None:
        self.status.clear()
        self.form.show_refusal(error)
        self.banner.show_message(error_text(error))


class DetailsTab(_TabForm):
    def __init__(self, ctx: AppContext, editable: bool) -> None:
        super().__init__(ctx, "Save details", editable, ADMIN_ONLY)
        self.csp_id = ""
        f = self.form
        self.name = QLineEdit()
        f.add_row("Full name", self.name, "full_name", checks=[required(self.name, "full name")])
        self.title = QLineEdit()
        self.title.setPlaceholderText("RN, LPN, Paramedic…")
        self.title.setMaxLength(60)
        f.add_row(
            "Title",
            self.title,
            "title",
            checks=[rule(lambda: require_text(self.title.text(), "title (e.g. RN)", "title", 60))],
        )
        self.email = add_fixed_email(f, "")
        self.phone = phone_field(ctx, f)
        self.zone = ZoneCombo()
        f.add_row(
            "Default time zone",
            self.zone,
            "default_time_zone",
            checks=[rule(lambda: zone(self.zone.value()))],
            caption="The CSP's hours and bookings are read in this zone.",
        )
        self.live = QCheckBox("Account is live (clients and staff can book this CSP)")
        f.add_row(
            "Live",
            self.live,
            "is_live",
            caption="Keep it off while onboarding; only live CSPs appear when booking.",
        )
        f.set_read_only(not editable)

    def show_record(self, r: CspProfileRecord) -> None:
        if self.keeps_edits(r):
            return
        self.csp_id = r.id
        self.name.setText(r.full_name)
        self.title.setText(r.title)
        self.email.setText(r.email)
        self.phone.setText(format_phone(r.phone) if r.phone else "")
        self.zone.set_value(r.default_time_zone)
        self.live.setChecked(r.is_live)
        self.shown(r)

    def save_call(self) -> tuple:
        details = CspDetails(
            full_name=self.name.text(),
            phone=self.phone.text(),
            default_time_zone=self.zone.value(),
            is_live=self.live.isChecked(),
            title=self.title.text(),
        )
        return (update_csp_details, self.csp_id, details)


class SettingsTab(_TabForm):
    def __init__(self, ctx: AppContext, editable: bool) -> None:
        super().__init__(ctx, "Save settings", editable, ADMIN_ONLY)
        self.csp_id = ""
        f = self.form
        f.add_section("Advance booking time")
        self.callout = minutes_spin(MAX_ADVANCE_MINUTES, " min", 15)
        self.facility = minutes_spin(MAX_ADVANCE_MINUTES, " min", 15)
        f.add_row(
            "Callout",
            self.callout,
            "callout_advance_minutes",
            caption="Minimum notice before a callout booking (the CSP travels to the client).",
        )
        f.add_row(
            "Facility",
            self.facility,
            "facility_advance_minutes",
            caption="Minimum notice before a facility booking (the client comes in).",
        )
        f.add_section("Payments")
        self.cash = QCheckBox("May take cash payments from clients")
        f.add_row(
            "Cash",
            self.cash,
            "cash_payments_allowed",
            caption="Cash the CSP collects lowers the commission balance until it is lodged.",
        )
        self.commission = PercentEdit()
        f.add_row(
            "Commission rate",
            self.commission,
            "commission_rate_bp",
            caption="Share of each completed service's price the CSP earns (a service can override it).",
        )
        f.set_read_only(not editable)

    def show_record(self, r: CspProfileRecord) -> None:
        if self.keeps_edits(r):
            return
        self.csp_id = r.id
        s = r.settings
        self.callout.setValue(s.callout_advance_minutes)
        self.facility.setValue(s.facility_advance_minutes)
        self.cash.setChecked(s.cash_payments_allowed)
        self.commission.set_bp(s.commission_rate_bp)
        self.shown(r)

    def save_call(self) -> tuple:
        settings = CspSettings(
            callout_advance_minutes=self.callout.value(),
            facility_advance_minutes=self.facility.value(),
            cash_payments_allowed=self.cash.isChecked(),
            commission_rate_bp=self.commission.bp(),
        )
        return (update_csp_settings, self.csp_id, settings)


class ModeHours(QWidget):
    """One mode's weekly hours with its own Save button (each mode saves on its own)."""

    saved = Signal(object)

    def __init__(self, ctx: AppContext, mode: Mode, editable: bool) -> None:
        super().__init__()
        self.ctx = ctx
        self.mode = mode
        self.csp_id = ""
        self.loaded: list[tuple[int, int, int]] = []
        self.editor = WeeklyHoursEditor(f"{mode.label} hours", day_check=week_check)
        self.editor.set_read_only(not editable)
        self.banner = ErrorBanner()
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.save_button = QPushButton(
            icon("fa5s.check", color="white"), f"Save {mode.label.lower()} hours"
        )
        self.save_button.setObjectName("primary")
        self.save_button.setVisible(editable)
        self.save_button.clicked.connect(self.save)
        self.editor.changed.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        layout.addWidget(self.banner)
        layout.addLayout(_save_bar(self.save_button, self.status))
        self.saver = Saver(ctx, self)
        self.saver.saved.connect(self._saved)
        self.saver.refused.connect(self._refused)
        self._changed()

    def show_record(self, r: CspProfileRecord) -> None:
        same = r.id == self.csp_id
        keep = same and self.is_dirty()
        self.csp_id = r.id
        self.loaded = [(h.weekday, h.start_minute, h.end_minute) for h in r.hours_for(self.mode)]
        if keep:  # another mode was saved: keep what the user is typing here
            self._changed()
            return
        self.editor.set_value(self.loaded)
        self.status.setText(
            ""
            if self.loaded
            else f"No {self.mode.label.lower()} hours: not bookable for {self.mode.label.lower()}."
        )
        self._changed()

    def is_dirty(self) -> bool:
        return self.editor.value() != sorted(self.loaded)

    def ranges(self) -> list[HoursRange]:
        return [HoursRange(*r) for r in self.editor.value()]

    def save(self) -> None:
        if self.saver.pending or not self.editor.is_valid:
            return
        self.status.setText("Saving…")
        self.saver.run(set_csp_hours, self.csp_id, self.mode, self.ranges())

    def _changed(self) -> None:
        self.banner.clear()
        self.save_button.setEnabled(
            self.editor.is_valid and self.is_dirty() and not self.saver.pending
        )
        if self.is_dirty():
            self.status.setText("Unsaved changes.")

    def _saved(self, record: CspProfileRecord) -> None:
        self.show_record(record)
        self.saved.emit(record)  # the whole profile shows the new record...
        self.status.setText(f"{self.mode.label} hours saved.")  # ...then this line says so

    def _refused(self, error: BaseException) -> None:
        self._changed()
        self.banner.show_message(error_text(error))
        self.status.setText("Not saved.")


class HoursTab(QWidget):
    saved = Signal(object)

    def __init__(self, ctx: AppContext, editable: bool) -> None:
        super().__init__()
        self.zone_hint = (
            "change it on the Details tab"
            if ctx.actor.can(Permission.MANAGE_PROVIDERS)
            else "a Business Admin can change it"
        )
        self.zone_note = InfoNote()
        self.modes = {mode: ModeHours(ctx, mode, editable) for mode in Mode}
        page = QWidget()
        body = QVBoxLayout(page)
        body.setContentsMargins(16, 14, 16, 14)
        body.setSpacing(18)
        body.addWidget(self.zone_note)
        for hours in self.modes.values():
            hours.saved.connect(self.saved)
            body.addWidget(hours)
        if editable:
            QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save_changed)
        body.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(PageScrollArea(page))

    def save_changed(self) -> None:
        """Ctrl+S: save every mode with unsaved, valid hours."""
        for hours in self.modes.values():
            if hours.is_dirty():
                hours.save()

    def show_record(self, r: CspProfileRecord) -> None:
        self.zone_note.set_text(
            f"Hours are in {r.full_name}'s default time zone, {r.default_time_zone.replace('_', ' ')} "
            f"({self.zone_hint}). Enter both Callout and Facility hours for every mode "
            "the CSP works; several ranges a day are fine."
        )
        for hours in self.modes.values():
            hours.show_record(r)


class CspProfileView(QWidget):
    """Header (name, live badge) and the four tabs. ``show_tab("hours")`` etc."""

    changed = Signal(object)  # a saved CspProfileRecord
    backRequested = Signal()

    def __init__(
        self, ctx: AppContext, *, own: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.record: CspProfileRecord | None = None
        manage = ctx.actor.can(Permission.MANAGE_PROVIDERS)
        self.own_hours = own and ctx.actor.can(Permission.EDIT_OWN_AVAILABILITY)
        availability = manage or self.own_hours
        self.back = QPushButton(icon("fa5s.arrow-left"), "All providers")
        self.back.setVisible(not own)
        self.back.clicked.connect(self.backRequested)
        self.name = QLabel()
        self.name.setObjectName("pageTitle")
        self.badge = QLabel()
        self.subtitle = QLabel()
        self.subtitle.setObjectName("pageSubtitle")
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addSpacing(8)
        top.addWidget(self.name)
        top.addWidget(self.badge)
        top.addStretch(1)
        self.details = DetailsTab(ctx, manage)
        self.hours = HoursTab(ctx, availability)
        self.settings = SettingsTab(ctx, manage)
        self.vacations = VacationsEditor(
            ctx,
            add_call=lambda start, end, reason: (add_vacation, self.record.id, start, end, reason),
            remove_call=lambda v: (remove_vacation, self.record.id, v.id),
        )
        self.vacations.set_read_only(not availability)
        vac_page = QWidget()
        vac_layout = QVBoxLayout(vac_page)
        vac_layout.setContentsMargins(16, 14, 16, 14)
        vac_layout.addWidget(self.vacations)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(False)
        self.tabs.addTab(self.details, icon("fa5s.id-card"), "Details")
        self.tabs.addTab(self.hours, icon("fa5s.clock"), "Available Hours")
        self.tabs.addTab(self.settings, icon("fa5s.cog"), "Settings")
        self.tabs.addTab(vac_page, icon("fa5s.umbrella-beach"), "Vacations/Block Time")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.readiness = InfoNote(kind="warning")
        layout.addLayout(top)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.readiness)
        layout.addWidget(self.tabs, 1)
        for tab in (self.details, self.settings, self.hours):
            tab.saved.connect(self._saved)
        self.vacations.changed.connect(lambda: self.changed.emit(None))

    def show_tab(self, tab: str) -> None:
        self.tabs.setCurrentIndex(TABS.index(tab) if tab in TABS else 0)

    def current_tab(self) -> str:
        return TABS[self.tabs.currentIndex()]

    def show_record(self, r: CspProfileRecord) -> None:
        self.record = r
        self.name.setText(f"{r.full_name}, {r.title}" if r.title else r.full_name)
        color = "#067647" if r.is_live else "#b54708"
        background = "#ecfdf3" if r.is_live else "#fffaeb"
        self.badge.setText(live_badge(r.is_live))
        self.badge.setStyleSheet(
            f"background: {background}; color: {color}; border-radius: 9px; padding: 2px 10px; font-weight: 600;"
        )
        self.subtitle.setText(f"{r.email} · {r.default_time_zone.replace('_', ' ')}")
        self.readiness.set_text(readiness(r))
        self.details.show_record(r)
        self.hours.show_record(r)
        self.settings.show_record(r)
        self.vacations.set_records(r.vacations, r.default_time_zone)

    def _saved(self, record: CspProfileRecord) -> None:
        self.show_record(record)
        self.changed.emit(record)
        self.ctx.status_message(f"Profile of {record.full_name} saved.")
