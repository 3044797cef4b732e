"""The list every back-office screen starts from: search as you type, sort, export, count.

Small lists filter in memory through ``SearchProxy``; large lists (clients) set
``server_search=True`` and receive the debounced text through ``searchChanged`` to query in SQL.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hydreight_desktop.ui.icons import icon
from hydreight_desktop.ui.widgets.busy import BusyBar
from hydreight_desktop.ui.widgets.table_model import SORT_ROLE

SEARCH_DEBOUNCE_MS = 200
COLUMN_SLACK = 16  # room for the style sheet's cell padding and a sort arrow
ExportRows = list[list[str]]


class SearchProxy(QSortFilterProxyModel):
    """Keeps rows whose cells, together, contain every word typed (any order, any case)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        cells = " ".join(
            str(model.index(source_row, col, source_parent).data() or "")
            for col in range(model.columnCount(source_parent))
        ).casefold()
        return all(word in cells for word in self._words)


def pluralize(count: int, noun: tuple[str, str]) -> str:
    return f"{count:,} {noun[0] if count == 1 else noun[1]}"


class ListPanel(QWidget):
    """Search box, action buttons, a sortable table, a count, an empty-state hint, CSV export.

    Signals: ``newRequested`` (Ctrl+N or the New button), ``openRequested(row)`` with the
    *source* model row (Enter or double-click), ``searchChanged(text)`` after a short pause
    (server-side search only), ``selectionChanged(row)`` (-1 when nothing is selected).
    """

    newRequested = Signal()
    openRequested = Signal(int)
    searchChanged = Signal(str)
    selectionChanged = Signal(int)

    def __init__(
        self,
        model: QAbstractItemModel,
        *,
        noun: tuple[str, str],
        new_text: str | None = None,
        empty_hint: str = "",
        search_placeholder: str | None = None,
        server_search: bool = False,
        export_name: str = "export",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.source = model
        self.noun = noun
        self.empty_hint = empty_hint
        self.server_search = server_search
        self.export_name = export_name
        self.export_provider: Callable[[Callable[[ExportRows], None]], None] | None = None
        self._total_override: int | None = None

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.addAction(
            icon("fa5s.search", color="#8a8f98"), QLineEdit.ActionPosition.LeadingPosition
        )
        self.search.setPlaceholderText(search_placeholder or f"Search {noun[1]}…  (Ctrl+F)")
        self.search.setAccessibleName(f"Search {noun[1]}")
        self.search.textChanged.connect(self._on_text)
        self.search.returnPressed.connect(self._open_first)
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(lambda: self.searchChanged.emit(self.search.text().strip()))

        self.search.setMinimumWidth(180)
        self.toolbar = QHBoxLayout()
        self.toolbar.addWidget(self.search, 1)
        # Buttons live in their own bar: a screen may move it into its header line.
        self.actions_bar = QWidget()
        self.actions = QHBoxLayout(self.actions_bar)
        self.actions.setContentsMargins(0, 0, 0, 0)
        self.actions.setSpacing(6)
        self.export_button = QPushButton(icon("fa5s.file-csv"), "Export")
        self.export_button.setToolTip(f"Save the {noun[1]} shown as a spreadsheet (CSV) file")
        self.export_button.clicked.connect(self.export_csv)
        self.actions.addWidget(self.export_button)
        self.new_button: QPushButton | None = None
        if new_text:
            self.new_button = QPushButton(icon("fa5s.plus", color="white"), new_text)
            self.new_button.setObjectName("primary")
            self.new_button.setToolTip(f"{new_text} (Ctrl+N)")
            self.new_button.clicked.connect(self.newRequested)
            self.actions.addWidget(self.new_button)
        self.toolbar.addWidget(self.actions_bar)

        if server_search:
            self.proxy = None
            shown: QAbstractItemModel = model
        else:
            self.proxy = SearchProxy(self)
            self.proxy.setSourceModel(model)
            shown = self.proxy

        self.table = QTableView()
        self.table.setModel(shown)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        self.table.setSortingEnabled(not server_search)
        if not server_search:
            self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.selectionChanged.emit(self.source_row(current))
        )

        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #6b7280; font-size: 11pt; padding: 24px;")
        stack_host = QWidget()
        self._stack = QStackedLayout(stack_host)
        self._stack.addWidget(self.table)
        self._stack.addWidget(self.empty_label)

        self.busy = BusyBar()
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #4b5563;")
        self.footer = QHBoxLayout()
        self.footer.addWidget(self.count_label)
        self.footer.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.busy)
        layout.addWidget(stack_host, 1)
        layout.addLayout(self.footer)

        for signal in (
            model.modelReset,
            model.rowsInserted,
            model.rowsRemoved,
            model.layoutChanged,
        ):
            signal.connect(self.refresh_state)
        if self.proxy is not None:
            self.proxy.modelReset.connect(self.refresh_state)
            self.proxy.layoutChanged.connect(self.refresh_state)
            self.proxy.rowsInserted.connect(self.refresh_state)
            self.proxy.rowsRemoved.connect(self.refresh_state)

        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.focus_search)
        if new_text:
            QShortcut(QKeySequence("Ctrl+N"), self, activated=self._new_if_enabled)
        self.refresh_state()

    # --- public ----------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def source_row(self, index: QModelIndex) -> int:
        if not index.isValid():
            return -1
        if self.proxy is not None:
            index = self.proxy.mapToSource(index)
        return index.row()

    def current_row(self) -> int:
        """The selected row in the source model, or -1."""
        return self.source_row(self.table.currentIndex())

    def select_source_row(self, row: int) -> None:
        index = self.source.index(row, 0)
        if self.proxy is not None:
            index = self.proxy.mapFromSource(index)
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)

    def visible_rows(self) -> int:
        return self.table.model().rowCount()

    def set_total(self, total: int | None) -> None:
        """For server-side lists: how many records exist before searching (for 'x of y')."""
        self._total_override = total
        self.refresh_state()

    def add_filter(self, widget: QWidget) -> None:
        """A filter beside the search box (e.g. 'Show retired', a sort order)."""
        self.toolbar.insertWidget(self.toolbar.indexOf(self.actions_bar), widget)

    def add_action(self, widget: QWidget) -> None:
        """A button acting on the selected row, placed before Export and New."""
        self.actions.insertWidget(0, widget)

    def set_can_create(self, allowed: bool) -> None:
        if self.new_button is not None:
            self.new_button.setVisible(allowed)

    def refresh_state(self, *_: Any) -> None:
        shown = self.visible_rows()
        total = self._total_override if self._total_override is not None else self.source.rowCount()
        query = self.search.text().strip()
        if query and total != shown:
            self.count_label.setText(f"{shown:,} of {pluralize(total, self.noun)}")
        else:
            self.count_label.setText(pluralize(shown, self.noun))
        if shown == 0 and not self.busy.busy:
            if query:
                self.empty_label.setText(
                    f"No {self.noun[1]} match “{query}”.\nCheck the spelling or clear the search."
                )
            else:
                self.empty_label.setText(self.empty_hint or f"No {self.noun[1]} yet.")
            self._stack.setCurrentWidget(self.empty_label)
        else:
            self._stack.setCurrentWidget(self.table)

    def fit_columns(self, widths: dict[int, int] | None = None) -> None:
        """Size columns to their content once data arrived, then apply fixed widths given."""
        self.table.ensurePolished()  # measure with the style sheet's font, even before first show
        self.table.resizeColumnsToContents()
        for col in range(self.table.model().columnCount() - 1):
            self.table.setColumnWidth(col, self.table.columnWidth(col) + COLUMN_SLACK)
        for col, width in (widths or {}).items():
            self.table.setColumnWidth(col, width)

    # --- export ----------------------------------------------------------------------------
    def rows_for_export(self) -> ExportRows:
        """The header and every row shown, in the order shown."""
        model = self.table.model()
        columns = range(model.columnCount())
        rows = [[str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns]]
        for r in range(model.rowCount()):
            rows.append([str(model.index(r, c).data() or "") for c in columns])
        return rows

    def export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, f"Export {self.noun[1]}", f"{self.export_name}.csv", "CSV files (*.csv)"
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path, done: Callable[[Path], None] | None = None) -> None:
        """Write the CSV (through ``export_provider`` when the rows must be fetched first)."""

        def write(rows: ExportRows) -> None:
            with path.open("w", newline="", encoding="utf-8-sig") as handle:
                csv.writer(handle).writerows(rows)
            self.count_label.setText(f"Exported {len(rows) - 1:,} {self.noun[1]} to {path.name}")
            if done:
                done(path)

        if self.export_provider is not None:
            self.export_provider(write)
        else:
            write(self.rows_for_export())

    # --- private ---------------------------------------------------------------------------
    def _on_text(self, text: str) -> None:
        if self.proxy is not None:
            self.proxy.set_query(text)
            self.refresh_state()
        else:
            self._debounce.start()

    def _activated(self, index: QModelIndex) -> None:
        row = self.source_row(index)
        if row >= 0:
            self.openRequested.emit(row)

    def _open_first(self) -> None:
        """Enter in the search box opens the selected row, or the only/first match."""
        if self._debounce.isActive():  # the list still shows the previous search: search now
            self._debounce.stop()
            self.searchChanged.emit(self.search.text().strip())
            return
        index = self.table.currentIndex()
        if not index.isValid() and self.visible_rows():
            index = self.table.model().index(0, 0)
        if index.isValid():
            self._activated(index)

    def _new_if_enabled(self) -> None:
        if (
            self.new_button is not None
            and self.new_button.isVisible()
            and self.new_button.isEnabled()
        ):
            self.newRequested.emit()
