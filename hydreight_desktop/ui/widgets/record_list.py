"""A list of records loaded through a service, shown in a ``ListPanel`` (load, reload, select).

Staff, CSPs, HCPs, services and vacations all work this way; the clients list (100,000 rows)
has its own paged model instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from hydreight_desktop.ui.widgets.forms import ErrorBanner
from hydreight_desktop.ui.widgets.list_panel import ListPanel
from hydreight_desktop.ui.widgets.messages import error_text
from hydreight_desktop.ui.widgets.table_model import Column, RecordTableModel


class RecordList(QWidget):
    """``loader()`` returns ``(service_fn, *args)``; records arrive on the UI thread."""

    loaded = Signal()

    def __init__(
        self,
        ctx,
        columns: Sequence[Column],
        loader: Callable[[], tuple],
        *,
        noun: tuple[str, str],
        new_text: str | None = None,
        empty_hint: str = "",
        export_name: str = "export",
        muted: Callable[[Any], bool] | None = None,
        column_widths: dict[int, int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loader = loader
        self.column_widths = column_widths or {}
        self.model = RecordTableModel(columns, muted=muted)
        self.panel = ListPanel(
            self.model,
            noun=noun,
            new_text=new_text,
            empty_hint=empty_hint,
            export_name=export_name,
        )
        self.banner = ErrorBanner()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.panel, 1)
        self._select_after_load: str | None = None
        self._fitted = False

    def reload(self, select_id: str | None = None) -> None:
        self._select_after_load = select_id or self.current_id()
        fn, *args = self.loader()
        self.panel.busy.begin()
        self.ctx.call(fn, *args, on_result=self._loaded, on_error=self._failed)

    def current(self) -> Any | None:
        row = self.panel.current_row()
        return self.model.record(row) if row >= 0 else None

    def current_id(self) -> str | None:
        record = self.current()
        return getattr(record, "id", None) if record is not None else None

    def select_id(self, record_id: str) -> bool:
        row = self.model.row_of(record_id)
        if row >= 0:
            self.panel.select_source_row(row)
        return row >= 0

    def put(self, record: Any) -> None:
        """Show a record just saved (added or changed) and select it."""
        self.panel.select_source_row(self.model.upsert(record))

    def _loaded(self, records: Sequence[Any]) -> None:
        self.panel.busy.end()
        self.banner.clear()
        self.model.set_records(records)
        if not self._fitted and records:
            self.panel.fit_columns(self.column_widths)
            self._fitted = True
        if self._select_after_load:
            self.select_id(self._select_after_load)
        # a reset clears the selection silently: tell the row buttons what is selected now
        self.panel.selectionChanged.emit(self.panel.current_row())
        self.panel.refresh_state()
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.panel.busy.end()
        self.panel.refresh_state()
        self.banner.show_message(error_text(error))
