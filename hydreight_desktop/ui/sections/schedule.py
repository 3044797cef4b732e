"""The schedule section: day/week grid of CSPs, booking from free time, drag to reschedule."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hydreight_desktop.domain.clock import utcnow, zone
from hydreight_desktop.domain.roles import Permission, can
from hydreight_desktop.services import scheduling
from hydreight_desktop.services.scheduling_records import BookingRecord
from hydreight_desktop.services.scheduling_records import ScheduleView as ScheduleRecord
from hydreight_desktop.ui.context import AppContext
from hydreight_desktop.ui.icons import icon
from hydreight_desktop.ui.schedule.adapt import schedule_data
from hydreight_desktop.ui.schedule.booking_details import BookingDetailsDialog
from hydreight_desktop.ui.schedule.booking_dialog import NewBookingDialog
from hydreight_desktop.ui.schedule.view import ScheduleView
from hydreight_desktop.ui.schedule.why_dialog import WhyDialog
from hydreight_desktop.ui.schedule.zone_selector import ZoneSelector
from hydreight_desktop.ui.widgets.messages import error_text

ALL_CSPS = ""


def week_start(day: date) -> date:
    """The Monday of the week `day` is in."""
    return day - timedelta(days=day.weekday())


class ScheduleSection(QWidget):
    """Toolbar (day/week, dates, CSP filter, zone, new booking) over the schedule view."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._clinic_zone = ctx.business.time_zone
        self._anchor = self._today()
        self._loading = 0
        self._wanted_filter: str | None = None
        self._may_book = can(ctx.actor.role, Permission.MANAGE_BOOKINGS)
        self.view = ScheduleView()
        self._build_toolbar()
        self.status = QLabel()
        self.status.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addLayout(self._toolbar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.view.freeTimeClicked.connect(self._on_free_time)
        self.view.rescheduleRequested.connect(self._on_reschedule)
        self.view.bookingActivated.connect(self.open_booking)
        self.view.set_display_zone(self._clinic_zone)
        self.view.set_editable(self._may_book)
        self.refresh()

    # ----- toolbar ---------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        self.day_button = QToolButton()
        self.day_button.setText("&Day")
        self.week_button = QToolButton()
        self.week_button.setText("&Week")
        group = QButtonGroup(self)
        for button in (self.day_button, self.week_button):
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            group.addButton(button)
        self.day_button.setChecked(True)
        group.buttonToggled.connect(lambda _b, on: on and self.refresh())
        self.prev_button = QToolButton()
        self.prev_button.setIcon(icon("fa5s.chevron-left"))
        self.prev_button.setToolTip("Previous (Alt+Left)")
        self.prev_button.setShortcut(QKeySequence("Alt+Left"))
        self.today_button = QPushButton("&Today")
        self.next_button = QToolButton()
        self.next_button.setIcon(icon("fa5s.chevron-right"))
        self.next_button.setToolTip("Next (Alt+Right)")
        self.next_button.setShortcut(QKeySequence("Alt+Right"))
        self.prev_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.today_button.clicked.connect(lambda: self.show_day(self._today()))
        self.range_label = QLabel()
        self.range_label.setObjectName("pageTitle")
        self.csp_filter = QComboBox()
        self.csp_filter.setAccessibleName("Show CSP")
        self.csp_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.csp_filter.setMinimumContentsLength(14)
        self.csp_filter.addItem("All CSPs", ALL_CSPS)
        self.csp_filter.currentIndexChanged.connect(self._on_filter)
        self.zone_selector = ZoneSelector()
        self.zone_selector.zoneChanged.connect(self._on_zone)
        self.why_button = QPushButton(icon("fa5s.question-circle"), "Why can't I book?")
        self.why_button.clicked.connect(lambda: self.open_why())
        self.new_button = QPushButton(icon("fa5s.plus", "#FFFFFF"), "&New booking")
        self.new_button.setObjectName("primary")
        self.new_button.setToolTip("New booking (Ctrl+N)")
        self.new_button.clicked.connect(lambda: self.new_booking())
        self.new_button.setVisible(self._may_book)
        shortcut = QShortcut(QKeySequence("Ctrl+N"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda: self.new_booking())
        bar = QHBoxLayout()
        bar.addWidget(self.day_button)
        bar.addWidget(self.week_button)
        bar.addSpacing(8)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.today_button)
        bar.addWidget(self.next_button)
        bar.addSpacing(8)
        bar.addWidget(self.range_label, 1)
        bar.addWidget(self.new_button)
        filters = QHBoxLayout()
        show_label = QLabel("&Show:")
        show_label.setBuddy(self.csp_filter)
        zone_label = QLabel("Times &in:")
        zone_label.setBuddy(self.zone_selector)
        filters.addWidget(show_label)
        filters.addWidget(self.csp_filter)
        filters.addSpacing(12)
        filters.addWidget(zone_label)
        filters.addWidget(self.zone_selector)
        filters.addStretch(1)
        filters.addWidget(self.why_button)
        rows = QVBoxLayout()
        rows.addLayout(bar)
        rows.addLayout(filters)
        bar = rows
        self._toolbar = bar

    # ----- range -----------------------------------------------------------------------------
    def _today(self) -> date:
        shown = self.view.display_zone if hasattr(self, "view") else self._clinic_zone
        return utcnow().astimezone(zone(shown)).date()

    @property
    def week_mode(self) -> bool:
        return self.week_button.isChecked()

    def days(self) -> list[date]:
        if self.week_mode:
            first = week_start(self._anchor)
            return [first + timedelta(days=n) for n in range(7)]
        return [self._anchor]

    def show_day(self, day: date, *, week: bool | None = None) -> None:
        self._anchor = day
        if week is not None:
            (self.week_button if week else self.day_button).setChecked(True)
        self.refresh()

    def _step(self, direction: int) -> None:
        self.show_day(self._anchor + timedelta(days=direction * (7 if self.week_mode else 1)))

    def _range_text(self) -> str:
        days = self.days()
        fmt = self.ctx.fmt
        if len(days) == 1:
            return f"{days[0]:%A} {fmt.date(days[0])}"
        return f"{fmt.date(days[0])} – {fmt.date(days[-1])}"

    # ----- loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        days = self.days()
        self.range_label.setText(self._range_text())
        self._loading += 1
        ticket = self._loading
        self.status.setText("Loading…")
        self.ctx.call(
            scheduling.list_schedule, days[0], len(days),
            time_zone=self.view.display_zone, include_cancelled=True,
            on_result=lambda record: self._show(ticket, record, days),
            on_error=lambda error: self._load_failed(ticket, error),
        )

    def _show(self, ticket: int, record: ScheduleRecord, days: list[date]) -> None:
        if ticket != self._loading:
            return
        data = schedule_data(record, self._clinic_zone, self.ctx.business.name)
        self._fill_filter(data)
        self.zone_selector.blockSignals(True)
        self.zone_selector.set_choices(self._clinic_zone, data.csps, days[0])
        self.zone_selector.select_zone(self.view.display_zone)
        self.zone_selector.blockSignals(False)
        self.view.set_data(data)
        self.view.set_days(days)
        self._apply_filter()

    def _load_failed(self, ticket: int, error: BaseException) -> None:
        if ticket == self._loading:
            self.status.setText("")
            self.view.show_message(error_text(error))

    def _fill_filter(self, data) -> None:
        current = self._wanted_filter or self.csp_filter.currentData()
        self._wanted_filter = None
        self.csp_filter.blockSignals(True)
        self.csp_filter.clear()
        self.csp_filter.addItem("All CSPs", ALL_CSPS)
        for csp in data.csps:
            self.csp_filter.addItem(csp.name, csp.csp_id)
        index = self.csp_filter.findData(current)
        self.csp_filter.setCurrentIndex(max(index, 0))
        self.csp_filter.blockSignals(False)

    def _on_filter(self, _index: int) -> None:
        self._apply_filter()

    def _apply_filter(self) -> None:
        chosen = self.csp_filter.currentData()
        self.view.set_csp_filter([chosen] if chosen else None)
        booked = [
            b for b in self.view.canvas.data.bookings
            if b.status not in ("cancelled", "no_show") and (not chosen or b.csp_id == chosen)
        ]
        self.status.setText(
            f"{len(booked)} booking{'s' if len(booked) != 1 else ''} · "
            + ("click free time to book, drag a booking to move it" if self._may_book
               else "click a booking for details")
        )

    def _on_zone(self, zone_name: str) -> None:
        if zone_name and zone_name != self.view.display_zone:
            self.view.set_display_zone(zone_name)
            self.refresh()

    # ----- booking ---------------------------------------------------------------------------
    def new_booking(self, csp_id: str | None = None, start: datetime | None = None) -> None:
        if not self._may_book:
            self.view.show_message("Your role cannot make or change bookings.")
            return
        dialog = NewBookingDialog(self.ctx, self, csp_id=csp_id, start=start)
        dialog.whyRequested.connect(lambda c, m, d: self.open_why(c, m, d))
        if dialog.exec() and dialog.booking is not None:
            self._booked(dialog.booking)

    def _booked(self, record: BookingRecord) -> None:
        self.view.message.show_info(
            f"Booked {record.client_names} with {record.csp_name} on "
            f"{self.ctx.fmt.datetime(record.start_at)}."
        )
        local_day = record.start_at.astimezone(zone(self.view.display_zone)).date()
        if local_day not in self.days():
            self._anchor = local_day
        self.refresh()

    def _on_free_time(self, csp_id: str, start: datetime) -> None:
        self.new_booking(csp_id, start)

    def _on_reschedule(self, booking_id: str, csp_id: str, start: datetime) -> None:
        if not self._may_book:
            self.view.refuse_reschedule(booking_id, "Your role cannot make or change bookings.")
            return
        original = self.view.canvas.data.booking(booking_id)
        if original is not None and original.csp_id != csp_id:
            fn, args = scheduling.change_booking_csp, (booking_id, csp_id, start)
        else:
            fn, args = scheduling.reschedule_booking, (booking_id, start)
        self.ctx.call(
            fn, *args,
            on_result=lambda record: self._moved(booking_id, record),
            on_error=lambda error: self.view.refuse_reschedule(booking_id, error_text(error)),
        )

    def _moved(self, booking_id: str, record: BookingRecord) -> None:
        self.view.confirm_reschedule(booking_id)
        self.view.message.show_info(
            f"Moved {record.client_names} to {self.ctx.fmt.datetime(record.start_at)} "
            f"with {record.csp_name}."
        )
        self.refresh()

    def open_booking(self, booking_id: str) -> None:
        dialog = BookingDetailsDialog(self.ctx, booking_id, self)
        dialog.changed.connect(lambda _r: self.refresh())
        dialog.exec()

    def open_why(self, csp_id: str | None = None, mode: str = "facility",
                 day: date | None = None) -> None:
        dialog = WhyDialog(self.ctx, self)
        chosen = csp_id or self.csp_filter.currentData() or None
        if chosen:
            dialog.ask(chosen, mode, day or self._anchor)
        dialog.exec()

    # ----- navigation ------------------------------------------------------------------------
    def navigate_to(self, csp_id: str | None = None, day: date | None = None,
                    booking_id: str | None = None, **_ignored) -> None:
        """Open at a day and/or CSP (e.g. from the why-panel's 'fully booked' button)."""
        if csp_id:
            self._wanted_filter = csp_id
            index = self.csp_filter.findData(csp_id)
            if index >= 0:
                self.csp_filter.setCurrentIndex(index)
        if day is not None:
            self.show_day(day)
        elif csp_id:
            self.refresh()
        if booking_id:
            self.open_booking(booking_id)
