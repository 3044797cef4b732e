"""Overview: the business at a glance, today's bookings, and the next step for a new clinic."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hydreight_desktop.domain.roles import Role
from hydreight_desktop.services.overview import Overview, TodayRow, overview
from hydreight_desktop.ui.context import AppContext
from hydreight_desktop.ui.widgets.header import PageHeader
from hydreight_desktop.ui.widgets.table_model import Column, RecordTableModel

CARDS = (
    ("bookings_today", "Bookings today"),
    ("still_to_come", "Still to come today"),
    ("clients", "Clients"),
    ("csps_live", "Live CSPs"),
    ("csps_onboarding", "CSPs onboarding"),
    ("active_services", "Active services"),
)
# An HCP's first question is what waits for their decision.
HCP_CARDS = (
    ("psf_waiting", "PSF approvals waiting"),
    ("referrals_waiting", "MSE referrals waiting"),
    ("bookings_today", "Bookings today"),
    ("still_to_come", "Still to come today"),
    ("clients", "Clients"),
    ("csps_live", "Live CSPs"),
)


class HomeSection(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addWidget(
            PageHeader(
                f"Welcome, {ctx.actor.name}",
                f"{ctx.business.name} · {ctx.actor.role.label} · "
                f"times shown in {ctx.business.time_zone.replace('_', ' ')}",
            )
        )
        grid = QGridLayout()
        grid.setSpacing(14)
        self.values: dict[str, QLabel] = {}
        cards = HCP_CARDS if ctx.actor.role == Role.HCP else CARDS
        for i, (key, label) in enumerate(cards):
            card = QFrame()
            card.setObjectName("statCard")
            inner = QVBoxLayout(card)
            value = QLabel("…")
            value.setObjectName("statValue")
            caption = QLabel(label)
            caption.setObjectName("statCaption")
            inner.addWidget(value)
            inner.addWidget(caption)
            self.values[key] = value
            grid.addWidget(card, i // 3, i % 3)
        layout.addLayout(grid)
        self.hint = QLabel("")
        self.hint.setWordWrap(True)
        self.hint.setObjectName("hint")
        layout.addWidget(self.hint)
        title = QLabel("Today at the clinic")
        title.setObjectName("sectionTitle")
        layout.addWidget(title)
        fmt = ctx.fmt
        self.model = RecordTableModel(
            [
                Column(
                    "Time",
                    lambda r: f"{fmt.time(r.start_at, with_zone=False)} – {fmt.time(r.end_at)}",
                    sort_key=lambda r: r.start_at,
                ),
                Column("CSP", lambda r: r.csp_name),
                # long lists are cut to the column: the tooltip gives them whole
                Column("Clients", lambda r: r.clients, tooltip=lambda r: r.clients),
                Column("Services", lambda r: r.services, tooltip=lambda r: r.services),
                Column("Where", lambda r: r.mode.value.capitalize()),
                Column("Status", lambda r: r.status.label),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(120)  # names and services stay readable in narrow windows
        for column in range(self.model.columnCount()):
            stretch = self.model.columns[column].title in ("Clients", "Services")
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Stretch
                if stretch
                else QHeaderView.ResizeMode.ResizeToContents,
            )
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(self._open_schedule)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        self.ctx.call(overview, on_result=self._show)

    def _open_schedule(self, *_args) -> None:
        self.ctx.navigate("schedule")

    def _show(self, data: Overview) -> None:
        for key, label in self.values.items():
            value = getattr(data, key)
            label.setText("—" if value is None else f"{value:,}")
        self.model.set_records(data.today)
        if data.csps_live == 0:
            self.hint.setText(
                "No CSP is live yet, so nobody can be booked. Open Providers, add a CSP, enter "
                "their Callout and Facility hours and switch their account to live."
            )
        elif data.active_services == 0:
            self.hint.setText("Add the services you offer under Services before taking bookings.")
        elif not data.today:
            self.hint.setText("No bookings today yet. Press Ctrl+N on the Schedule to book one.")
        else:
            self.hint.setText("Double-click a booking to open the schedule.")
        self.hint.setVisible(bool(self.hint.text()))


__all__ = ["HomeSection", "TodayRow"]
