"""Business settings: identity, region, booking link, scheduling and clinical defaults.

Everyone may read them; only a Business Admin may change them (the service refuses otherwise,
and the screen says so up front instead of letting a receptionist type in vain).
"""

from __future__ import annotations

from dataclasses import replace

from babel import Locale
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hydreight_desktop.domain.booking_length import ClientTiming
from hydreight_desktop.domain.clock import zone
from hydreight_desktop.domain.contact import format_phone, parse_phone, require_text
from hydreight_desktop.domain.link_codes import validate_base_url
from hydreight_desktop.domain.roles import Permission, refusal_message
from hydreight_desktop.services.business import (
    CURRENCIES,
    BusinessRecord,
    BusinessSettings,
    get_business,
    update_business,
    validate_settings,
)
from hydreight_desktop.ui.context import AppContext
from hydreight_desktop.ui.icons import icon
from hydreight_desktop.ui.widgets.busy import BusyBar
from hydreight_desktop.ui.widgets.forms import ErrorBanner, Form, Saver, rule
from hydreight_desktop.ui.widgets.header import InfoNote, PageHeader
from hydreight_desktop.ui.widgets.messages import error_text
from hydreight_desktop.ui.widgets.scroll import PageScrollArea
from hydreight_desktop.ui.widgets.section import ReloadWhenShownAgain
from hydreight_desktop.ui.widgets.zone_combo import ZoneCombo

LOCALES = ("en_US", "en_CA", "fr_CA", "es_US", "en_GB", "en_AU", "en_IE", "fr_FR", "de_DE", "es_ES")
TIMINGS = {  # short enough for the combo at any window width; the caption says the rest
    timing.value: timing.label for timing in ClientTiming
}


def _spin(low: int, high: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    spin.setMaximumWidth(160)
    spin.setAccelerated(True)
    return spin


def _combo(items: dict[str, str]) -> QComboBox:
    combo = QComboBox()
    for value, label in items.items():
        combo.addItem(label, value)
    return combo


class BusinessSection(ReloadWhenShownAgain):
    """The Business screen."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.record: BusinessRecord | None = None
        self.can_edit = ctx.actor.can(Permission.MANAGE_BUSINESS)

        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("(555) 123-4567")
        self.address = QPlainTextEdit()
        self.address.setPlaceholderText("Street, city, state and ZIP of the clinic")
        self.address.setFixedHeight(64)
        self.address.setTabChangesFocus(True)
        self.time_zone = ZoneCombo()
        self.currency = _combo({c: c for c in CURRENCIES})
        self.currency.setMaximumWidth(160)
        self.locale = _combo({code: Locale.parse(code).get_display_name("en") for code in LOCALES})
        self.booking_link = QLineEdit()
        self.booking_link.setPlaceholderText("https://booking.hydreight.com/widget-business/")
        self.travel = _spin(0, 999, " min")
        self.window = _spin(0, 9999, " days")
        self.timing = _combo(TIMINGS)
        self.setup = _spin(0, 999, " min")
        self.step = _spin(0, 999, " min")
        self.mse = _spin(0, 9999, " days")

        form = self.form = Form()
        form.add_section("Business")
        form.add_row(
            "Business name",
            self.name,
            "name",
            checks=[rule(lambda: require_text(self.name.text(), "business name", "name"))],
        )
        form.add_row(
            "Phone", self.phone, "phone", checks=[rule(lambda: parse_phone(self.phone.text()))]
        )
        form.add_row("Address", self.address, "address")
        form.add_section("Region")
        form.add_row(
            "Time zone",
            self.time_zone,
            "time_zone",
            checks=[rule(lambda: zone(self.time_zone.value()))],
            caption="The clinic's clock. Each CSP has their own default time zone for their hours.",
        )
        form.add_row("Currency", self.currency, "currency")
        form.add_row("Language and formats", self.locale, "locale")
        form.add_section("Booking link")
        form.add_row(
            "Booking link base",
            self.booking_link,
            "booking_link_base",
            checks=[rule(lambda: validate_base_url(self.booking_link.text()))],
            caption="Every booking link, QR code and widget starts with this address.",
        )
        form.add_section("Scheduling")
        form.add_row(
            "Travel buffer",
            self.travel,
            "travel_buffer_minutes",
            caption="Time kept free between two callout bookings for the CSP to travel.",
        )
        form.add_row(
            "Booking window",
            self.window,
            "booking_window_days",
            caption="How far ahead clients and staff can book.",
        )
        form.add_row(
            "Several clients in one booking",
            self.timing,
            "multi_client_timing",
            caption="One after another: the booking lasts everyone's services added up. "
            "Side by side: the longest client's services plus the set-up time below.",
        )
        form.add_row(
            "Set-up time per extra client",
            self.setup,
            "extra_client_setup_minutes",
            caption="Added to a booking for each client after the first.",
        )
        form.add_row(
            "Slot step",
            self.step,
            "slot_step_minutes",
            caption="Start times offered are this many minutes apart (e.g. 9:00, 9:15, 9:30).",
        )
        form.add_section("Clinical")
        form.add_row(
            "MSE valid for",
            self.mse,
            "mse_validity_days",
            caption="A cleared medical screening exam stays valid this long (a service can shorten it).",
        )
        form.add_rule(lambda: validate_settings(self.settings()))
        form.validityChanged.connect(self._update_buttons)
        form.edited.connect(self._update_buttons)

        self.header = PageHeader(
            "Business settings", "How the clinic appears, books and keeps time."
        )
        self.note = InfoNote("" if self.can_edit else refusal_message(Permission.MANAGE_BUSINESS))
        self.banner = ErrorBanner()
        self.busy = BusyBar()
        self.save_button = QPushButton(icon("fa5s.check"), "Save changes")
        self.save_button.setToolTip("Save changes (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(icon("fa5s.undo"), "Discard changes")
        self.revert_button.clicked.connect(self.revert)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        page = QWidget()
        page.setMaximumWidth(820)
        body = QVBoxLayout(page)
        body.setContentsMargins(0, 0, 12, 0)
        body.addWidget(self.note)
        body.addWidget(self.banner)
        body.addWidget(form)
        body.addStretch(1)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(page, 1)
        row.addStretch(0)
        scroll = PageScrollArea(holder)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addWidget(self.header)
        layout.addWidget(self.busy)
        layout.addWidget(scroll, 1)
        if self.can_edit:
            layout.addLayout(buttons)
        else:
            self.save_button.hide()
            self.revert_button.hide()
        form.set_read_only(not self.can_edit)

        self.saver = Saver(ctx, self)
        self.saver.saved.connect(self._saved)
        self.saver.refused.connect(self._refused)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)
        self._update_buttons()
        self.reload()

    # --- data ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """F5 in the main window: read the settings again (unsaved edits are kept only if none)."""
        if not self.is_dirty():
            self.reload()

    def reload(self) -> None:
        self.busy.begin()
        self.ctx.call(get_business, on_result=self._loaded, on_error=self._load_failed)

    def _loaded(self, record: BusinessRecord) -> None:
        self.busy.end()
        self.record = record
        self._show(record.settings)

    def _load_failed(self, error: BaseException) -> None:
        self.busy.end()
        self.banner.show_message(error_text(error))

    def _show(self, s: BusinessSettings) -> None:
        self.name.setText(s.name)
        self.phone.setText(format_phone(s.phone))
        self.address.setPlainText(s.address or "")
        self.time_zone.set_value(s.time_zone)
        self.currency.setCurrentIndex(max(0, self.currency.findData(s.currency)))
        index = self.locale.findData(s.locale)
        if index < 0:
            self.locale.addItem(s.locale, s.locale)
            index = self.locale.count() - 1
        self.locale.setCurrentIndex(index)
        self.booking_link.setText(s.booking_link_base)
        self.travel.setValue(s.travel_buffer_minutes)
        self.window.setValue(s.booking_window_days)
        self.timing.setCurrentIndex(max(0, self.timing.findData(s.multi_client_timing)))
        self.setup.setValue(s.extra_client_setup_minutes)
        self.step.setValue(s.slot_step_minutes)
        self.mse.setValue(s.mse_validity_days)
        self.form.revalidate()
        self.banner.clear()
        self._update_buttons()

    def settings(self) -> BusinessSettings:
        """What the form says now."""
        base = self.record.settings if self.record else BusinessSettings(name="")
        return replace(
            base,
            name=self.name.text(),
            phone=self.phone.text(),
            address=self.address.toPlainText(),
            time_zone=self.time_zone.value(),
            currency=self.currency.currentData(),
            locale=self.locale.currentData(),
            booking_link_base=self.booking_link.text(),
            travel_buffer_minutes=self.travel.value(),
            booking_window_days=self.window.value(),
            multi_client_timing=self.timing.currentData(),
            extra_client_setup_minutes=self.setup.value(),
            slot_step_minutes=self.step.value(),
            mse_validity_days=self.mse.value(),
        )

    def is_dirty(self) -> bool:
        if self.record is None:
            return False
        try:
            return validate_settings(self.settings()) != self.record.settings
        except Exception:  # noqa: BLE001 - an invalid form is a changed form
            return True

    # --- actions ---------------------------------------------------------------------------
    def save(self) -> None:
        if not self.can_edit or self.record is None or self.saver.pending:
            return
        if not self.form.is_valid:
            self.form.touch_all()
            self.banner.show_message(
                self.form.first_problem() or "Please check the fields marked in red."
            )
            return
        self.banner.clear()
        self.busy.begin()
        self.saver.run(update_business, self.settings())
        self._update_buttons()

    def revert(self) -> None:
        if self.record is not None:
            self._show(self.record.settings)

    def _saved(self, record: BusinessRecord) -> None:
        self.busy.end()
        self.record = record
        self.ctx.business = record
        self._show(record.settings)
        self.ctx.status_message("Business settings saved.")

    def _refused(self, error: BaseException) -> None:
        self.busy.end()
        self.form.show_refusal(error)
        self.banner.show_message(error_text(error))
        self._update_buttons()

    def _update_buttons(self, *_: object) -> None:
        dirty = self.is_dirty()
        self.save_button.setEnabled(self.form.is_valid and dirty and not self.saver.pending)
        self.revert_button.setEnabled(dirty and not self.saver.pending)
