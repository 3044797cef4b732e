"""Overview: the business at a glance, with the next step for a new clinic."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from hydreight_desktop.services.overview import Overview, overview
from hydreight_desktop.ui.context import AppContext

CARDS = (
    ("clients", "Clients"),
    ("csps_live", "Live CSPs"),
    ("csps_onboarding", "CSPs onboarding"),
    ("hcps", "HCPs"),
    ("active_services", "Active services"),
    ("staff_accounts", "Staff accounts"),
)


class HomeSection(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        title = QLabel(f"Welcome, {ctx.actor.name}")
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        subtitle = QLabel(
            f"{ctx.business.name} · {ctx.actor.role.label} · times shown in {ctx.business.time_zone}"
        )
        subtitle.setObjectName("pageSubtitle")
        layout.addWidget(subtitle)
        grid = QGridLayout()
        grid.setSpacing(16)
        self.values: dict[str, QLabel] = {}
        for i, (key, label) in enumerate(CARDS):
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
        layout.addStretch(1)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.refresh()

    def refresh(self) -> None:
        self.ctx.call(overview, on_result=self._show)

    def _show(self, data: Overview) -> None:
        for key, label in self.values.items():
            label.setText(f"{getattr(data, key):,}")
        if data.csps_live == 0:
            self.hint.setText(
                "No CSP is live yet, so nobody can be booked. Open Providers, add a CSP, enter "
                "their Callout and Facility hours and switch their account to live."
            )
        elif data.active_services == 0:
            self.hint.setText("Add the services you offer under Services before taking bookings.")
        else:
            self.hint.setText("")
