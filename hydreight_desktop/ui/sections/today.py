"""Today: one CSP's bookings for the day, in the CSP's own time zone.

A CSP sees their own day; the front desk and admins pick the CSP. Enter or a double
click opens the booking; "Check in" works straight from the list, and staff who run
sessions go from a booking straight to its session screen.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
)

from hydreight_desktop.domain.booking_status import BookingStatus
from hydreight_desktop.domain.clock import utcnow, zone
from hydreight_desktop.domain.roles import Permission, Role
from hydreight_desktop.services import scheduling
from hydreight_desktop.services.scheduling_records import BookingRecord, CspChoice, TodayList
from hydreight_desktop.ui.context import AppContext
from hydreight_desktop.ui.icons import icon
from hydreight_desktop.ui.schedule import palette
from hydreight_desktop.ui.schedule.booking_details import BookingDetailsDialog
from hydreight_desktop.ui.schedule.client_row import PSF_NOTE
from hydreight_desktop.ui.schedule.message_strip import MessageStrip
from hydreight_desktop.ui.widgets.messages import error_text
from hydreight_desktop.ui.widgets.section import ReloadWhenShownAgain

COLUMNS = ("Time", "Clients", "Services", "Where", "Status")

#: Bookings whose session can still be started (or is running and can be reopened).
SESSION_STATUSES = (BookingStatus.BOOKED, BookingStatus.CHECKED_IN, BookingStatus.IN_SESSION)


class TodaySection(ReloadWhenShownAgain):
    """The day list of one CSP with a picker for staff who look after several CSPs.

    Coming back to it reloads the day: a session started or a booking checked in elsewhere
    shows at once, so the buttons offer what the booking allows now.
    """

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.is_csp = ctx.actor.role == Role.CSP
        self.day: date | None = None
        self.today: TodayList | None = None
        self.title = QLabel("Today")
        self.title.setObjectName("pageTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("pageSubtitle")
        self.csp_box = QComboBox()
        self.csp_box.setAccessibleName("CSP")
        self.csp_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.csp_box.setMinimumContentsLength(16)
        self.csp_box.setVisible(not self.is_csp)
        self.csp_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.prev_button = QToolButton()
        self.prev_button.setIcon(icon("fa5s.chevron-left"))
        self.prev_button.setToolTip("Previous day (Alt+Left)")
        self.prev_button.setShortcut(QKeySequence("Alt+Left"))
        self.today_button = QPushButton("&Today")
        self.next_button = QToolButton()
        self.next_button.setIcon(icon("fa5s.chevron-right"))
        self.next_button.setToolTip("Next day (Alt+Right)")
        self.next_button.setShortcut(QKeySequence("Alt+Right"))
        self.prev_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.today_button.clicked.connect(self._go_today)
        self.message = MessageStrip()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(lambda _item: self.open_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.empty = QLabel()
        self.empty.setObjectName("hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.open_button = QPushButton(icon("fa5s.folder-open"), "&Open")
        self.check_in_button = QPushButton(icon("fa5s.user-check"), "Check &in")
        self.session_button = QPushButton(icon("fa5s.stethoscope"), "&Start session")
        self.session_button.setVisible(ctx.actor.can(Permission.CONDUCT_SESSIONS))
        self.open_button.clicked.connect(self.open_selected)
        self.check_in_button.clicked.connect(self.check_in_selected)
        self.session_button.clicked.connect(self.session_for_selected)
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        top.addLayout(titles, 1)
        top.addWidget(self.csp_box)
        top.addWidget(self.prev_button)
        top.addWidget(self.today_button)
        top.addWidget(self.next_button)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.open_button)
        actions.addWidget(self.check_in_button)
        actions.addWidget(self.session_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(actions)
        self._update_buttons()
        if self.is_csp:
            self.refresh()
        else:
            ctx.call(scheduling.list_csps_for_booking, on_result=self._set_csps,
                     on_error=self._failed)

    # ----- loading ---------------------------------------------------------------------------
    def _set_csps(self, csps: list[CspChoice]) -> None:
        self.csp_box.blockSignals(True)
        self.csp_box.clear()
        for csp in csps:
            self.csp_box.addItem(csp.name, csp.id)
        self.csp_box.blockSignals(False)
        if not csps:
            self.empty.setText("No CSPs yet. Add a provider first.")
            return
        self.refresh()

    def csp_id(self) -> str | None:
        return None if self.is_csp else self.csp_box.currentData()

    def refresh(self) -> None:
        if not self.is_csp and self.csp_id() is None:
            return
        self.ctx.call(scheduling.today_for_csp, self.csp_id(), self.day, on_result=self.show_list,
                      on_error=self._failed)

    def _step(self, days: int) -> None:
        if self.today is not None:
            self.day = self.today.day + timedelta(days=days)
            self.refresh()

    def _go_today(self) -> None:
        self.day = None
        self.refresh()

    def navigate_to(self, csp_id: str | None = None, day: date | None = None, **_ignored) -> None:
        if csp_id and not self.is_csp:
            index = self.csp_box.findData(csp_id)
            if index >= 0:
                self.csp_box.setCurrentIndex(index)
        if day is not None:
            self.day = day
            self.refresh()

    # ----- showing ---------------------------------------------------------------------------
    def show_list(self, today: TodayList) -> None:
        self.today = today
        fmt = self.ctx.fmt
        self.title.setText(f"{today.csp_name}: {today.day:%A} {fmt.date(today.day)}")
        active = [b for b in today.bookings if b.status.holds_time]
        self.subtitle.setText(
            f"{len(active)} booking{'s' if len(active) != 1 else ''} · times in "
            f"{today.time_zone.rsplit('/', 1)[-1].replace('_', ' ')} time"
        )
        self.table.setRowCount(len(today.bookings))
        for row, booking in enumerate(today.bookings):
            self._fill_row(row, booking, today.time_zone)
        self.table.resizeRowsToContents()
        self.empty.setText("" if today.bookings else "No bookings on this day.")
        self.empty.setVisible(not today.bookings)
        self._update_buttons()

    def _fill_row(self, row: int, booking: BookingRecord, tz: str) -> None:
        fmt = self.ctx.fmt
        def listed(client) -> str:
            return ", ".join(
                s.name + (f" — {PSF_NOTE}" if s.psf_needs_approval else "") for s in client.services
            )

        if len(booking.clients) == 1:
            services = listed(booking.clients[0])
        else:
            services = "; ".join(f"{c.name.split()[0]}: {listed(c)}" for c in booking.clients)
        where = booking.mode.label + (f": {booking.address}" if booking.address else "")
        values = (
            f"{fmt.time(booking.start_at, tz, with_zone=False)} – {fmt.time(booking.end_at, tz)}",
            booking.client_names,
            services,
            where,
            booking.status.label,
        )
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setData(Qt.ItemDataRole.UserRole, booking.id)
            item.setToolTip(value)
            if column == 4:
                style = palette.style_for(booking.status.value)
                item.setBackground(QColor(style.fill))
                item.setForeground(QColor(style.text))
            self.table.setItem(row, column, item)

    def selected(self) -> BookingRecord | None:
        if self.today is None:
            return None
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        index = rows[0].row()
        return self.today.bookings[index] if index < len(self.today.bookings) else None

    def _update_buttons(self) -> None:
        booking = self.selected()
        self.open_button.setEnabled(booking is not None)
        self.check_in_button.setEnabled(
            booking is not None and booking.status is BookingStatus.BOOKED
        )
        running = booking is not None and booking.status is BookingStatus.IN_SESSION
        self.session_button.setText("Open &session" if running else "&Start session")
        later = self._is_later_day()
        self.session_button.setEnabled(
            self.ctx.actor.can(Permission.CONDUCT_SESSIONS)
            and booking is not None
            and booking.status in SESSION_STATUSES
            and not later
        )
        self.session_button.setToolTip(
            "A session can be started on the day of the booking." if later
            else "Open this booking's session: vitals, MSE, services and notes."
        )

    def _is_later_day(self) -> bool:
        """Whether the list shows a day after today in the CSP's own zone (sessions wait)."""
        if self.today is None:
            return False
        return self.today.day > utcnow().astimezone(zone(self.today.time_zone)).date()

    # ----- actions ---------------------------------------------------------------------------
    def open_selected(self) -> None:
        booking = self.selected()
        if booking is None:
            return
        dialog = BookingDetailsDialog(self.ctx, booking.id, self)
        dialog.changed.connect(lambda _r: self.refresh())
        dialog.exec()

    def check_in_selected(self) -> None:
        booking = self.selected()
        if booking is None:
            return
        self.ctx.call(
            scheduling.check_in_booking, booking.id,
            on_result=lambda r: (self.message.show_info(f"{r.client_names} checked in."),
                                 self.refresh()),
            on_error=self._failed,
        )

    def session_for_selected(self) -> None:
        """Hand the booking to the Sessions screen, which starts or reopens its session."""
        booking = self.selected()
        if booking is None or not self.session_button.isEnabled():
            return
        self.ctx.navigate("sessions", booking_id=booking.id)

    def _failed(self, error: BaseException) -> None:
        self.message.show_error(error_text(error))
