"""The why-panel in its own window, asking the scheduling service for each question."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from hydreight_desktop.domain.clock import utcnow, zone
from hydreight_desktop.services import scheduling
from hydreight_desktop.services.scheduling_records import CspChoice
from hydreight_desktop.ui.context import AppContext
from hydreight_desktop.ui.widgets.messages import error_text

from .why_panel import WhyPanel


class WhyDialog(QDialog):
    """“Why can't I book this CSP?” for a CSP, mode and day; fix buttons close it and navigate."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._pending: tuple[str, str, date] | None = None
        self.setWindowTitle("Why can't I book this CSP?")
        self.panel = WhyPanel(self._navigate)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
        self.panel.queryChanged.connect(self._ask)
        self.resize(760, 560)
        ctx.call(scheduling.list_csps_for_booking, on_result=self._set_csps,
                 on_error=lambda e: self.panel.show_error(error_text(e)))

    def ask(self, csp_id: str, mode: str, day: date) -> None:
        """Show the answer for this question (once the CSP list is there)."""
        self._pending = (csp_id, mode, day)
        if self.panel.csp_box.count():
            self.panel.ask(csp_id, mode, day)

    def _set_csps(self, csps: list[CspChoice]) -> None:
        self.panel.set_csps([(c.id, c.name) for c in csps])
        if self._pending:
            self.panel.ask(*self._pending)
        elif csps:
            self.panel.ask(csps[0].id, "facility", self._ctx_today())

    def _ctx_today(self) -> date:
        return utcnow().astimezone(zone(self._ctx.business.time_zone)).date()

    def _ask(self, csp_id: str, mode: str, day: date) -> None:
        self._ctx.call(scheduling.why_not_bookable, csp_id, mode, day,
                       on_result=self.panel.show_report,
                       on_error=lambda e: self.panel.show_error(error_text(e)))

    def _navigate(self, key: str, **params) -> None:
        self.accept()
        self._ctx.navigate(key, **params)
