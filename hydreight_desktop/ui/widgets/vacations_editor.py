"""Vacations and block times: a table of ranges (shown in the provider's zone) with Add/Remove.

The editor does not know the service: the screen hands it ``add_call(start, end, reason)`` and
``remove_call(record)`` returning ``(service_fn, *args)``; it runs them through the DB worker,
shows refusals, and emits ``changed`` after each success so the screen reloads.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hydreight_desktop.domain.clock import utcnow, zone
from hydreight_desktop.ui.icons import icon
from hydreight_desktop.ui.widgets.forms import FormDialog, Saver
from hydreight_desktop.ui.widgets.list_panel import ListPanel
from hydreight_desktop.ui.widgets.messages import confirm, show_error
from hydreight_desktop.ui.widgets.table_model import Column, RecordTableModel

CallFactory = Callable[..., tuple]


def to_local_qt(moment: datetime, tz: str) -> QDateTime:
    local = moment.astimezone(zone(tz))
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def from_local_qt(value: QDateTime, tz: str) -> datetime:
    """A wall-clock time in ``tz`` as an aware datetime (the store converts it to UTC)."""
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=zone(tz))


class VacationDialog(FormDialog):
    """From / To (in the provider's zone), whole days or times, and a reason."""

    def __init__(self, ctx, tz: str, add_call: CallFactory, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "Add vacation or block time", parent, save_text="Add")
        self.tz = tz
        self.add_call = add_call
        start = utcnow().astimezone(zone(tz)).replace(
            hour=9, minute=0, second=0, microsecond=0
        ) + timedelta(days=1)
        self.all_day = QCheckBox(
            "Whole days (from the start of the first day to the end of the last)"
        )
        self.starts = QDateTimeEdit(to_local_qt(start, tz))
        self.ends = QDateTimeEdit(to_local_qt(start + timedelta(hours=8), tz))
        for edit in (self.starts, self.ends):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("ddd MMM d, yyyy  h:mm AP")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("e.g. Vacation, Training day, Doctor's appointment")
        self.reason.setMaxLength(200)
        self.set_intro(
            f"Times are in {tz.replace('_', ' ')}. Nobody can book this provider in this period."
        )
        self.form.add_widget(self.all_day)
        self.form.add_row("From", self.starts, "starts_at")
        self.form.add_row("To", self.ends, "ends_at", checks=[self._order_check])
        self.form.add_row("Reason", self.reason, "reason")
        self.all_day.toggled.connect(self._all_day_toggled)

    def _all_day_toggled(self, whole: bool) -> None:
        fmt = "ddd MMM d, yyyy" if whole else "ddd MMM d, yyyy  h:mm AP"
        for edit in (self.starts, self.ends):
            edit.setDisplayFormat(fmt)
        self.form.revalidate()

    def period(self) -> tuple[datetime, datetime]:
        start = from_local_qt(self.starts.dateTime(), self.tz)
        end = from_local_qt(self.ends.dateTime(), self.tz)
        if self.all_day.isChecked():
            start = start.replace(hour=0, minute=0)
            end = end.replace(hour=0, minute=0) + timedelta(days=1)
        return start, end

    def _order_check(self) -> str | None:
        start, end = self.period()
        return None if end > start else "The end must be after the start."

    def save_call(self) -> tuple:
        start, end = self.period()
        return self.add_call(start, end, self.reason.text().strip())


class VacationsEditor(QWidget):
    """The provider's vacations/block times with Add and Remove."""

    changed = Signal()

    def __init__(
        self,
        ctx,
        add_call: CallFactory,
        remove_call: CallFactory,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tz = ctx.business.time_zone
        self.add_call = add_call
        self.remove_call = remove_call
        self.read_only = False
        self.model = RecordTableModel(
            [
                Column(
                    "From", lambda v: ctx.fmt.datetime(v.starts_at, self.tz), lambda v: v.starts_at
                ),
                Column("To", lambda v: ctx.fmt.datetime(v.ends_at, self.tz), lambda v: v.ends_at),
                Column(
                    "Length",
                    lambda v: _length(v.starts_at, v.ends_at),
                    lambda v: v.ends_at - v.starts_at,
                ),
                Column("Reason", lambda v: v.reason or "—"),
            ],
            muted=lambda v: v.ends_at < utcnow(),
        )
        self.panel = ListPanel(
            self.model,
            noun=("vacation or block time", "vacations and block times"),
            new_text="Add vacation",
            empty_hint="No vacations or block times.\nClick “Add vacation” (Ctrl+N) when this provider is away.",
            export_name="vacations",
        )
        self.remove_button = QPushButton(icon("fa5s.trash-alt"), "Remove")
        self.remove_button.setEnabled(False)
        self.panel.add_action(self.remove_button)
        self.panel.newRequested.connect(self.add)
        self.panel.selectionChanged.connect(
            lambda row: self.remove_button.setEnabled(row >= 0 and not self.read_only)
        )
        self.remove_button.clicked.connect(self.remove_selected)
        self.zone_note = QLabel()
        self.zone_note.setStyleSheet("color: #6b7280;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.zone_note)
        layout.addLayout(top)
        layout.addWidget(self.panel, 1)
        self.saver = Saver(ctx, self)
        self.saver.saved.connect(lambda _r: self.changed.emit())
        self.saver.refused.connect(lambda e: show_error(self, e))

    def set_records(self, records: Sequence[Any], tz: str) -> None:
        self.tz = tz
        self.zone_note.setText(f"Times shown in {tz.replace('_', ' ')}; past periods are greyed.")
        self.model.set_records(records)
        self.panel.fit_columns()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.panel.set_can_create(not read_only)
        self.remove_button.setVisible(not read_only)

    def add(self) -> VacationDialog | None:
        if self.read_only:
            return None
        dialog = VacationDialog(self.ctx, self.tz, self.add_call, self)
        dialog.accepted.connect(self.changed.emit)
        dialog.open()
        return dialog

    def remove_selected(self) -> None:
        row = self.panel.current_row()
        if row < 0 or self.read_only:
            return
        record = self.model.record(row)
        when = self.ctx.fmt.datetime(record.starts_at, self.tz)
        if confirm(
            self, "Remove block time", f"Remove the block time starting {when}?", yes="Remove"
        ):
            self.saver.run(*self.remove_call(record))


def _length(start: datetime, end: datetime) -> str:
    minutes = int((end - start).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = [f"{days} day{'s' if days != 1 else ''}"] if days else []
    if hours:
        parts.append(f"{hours} h")
    if mins:
        parts.append(f"{mins} min")
    return " ".join(parts) or "0 min"
