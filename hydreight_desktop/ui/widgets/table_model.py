"""A table model over a list of plain records, described by columns: the kit's small-list model.

Large lists (clients) use their own model over ids; everything with at most a few thousand rows
(staff, providers, services) shows its records through this one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2
MUTED = QColor("#8a8f98")

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column: its title, the text a record shows, and optionally how it sorts."""

    title: str
    text: Callable[[Any], str]
    sort_key: Callable[[Any], Any] | None = None
    icon: Callable[[Any], QIcon | None] | None = None
    tooltip: Callable[[Any], str] | None = None
    align_right: bool = False


class RecordTableModel(QAbstractTableModel):
    """Rows are records (frozen dataclasses with an ``id``); columns say how to show them."""

    def __init__(
        self,
        columns: Sequence[Column],
        muted: Callable[[Any], bool] | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._records: list[Any] = []
        self._muted = muted

    # --- records -------------------------------------------------------------------------
    @property
    def records(self) -> list[Any]:
        return list(self._records)

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._records[row]

    def row_of(self, record_id: str) -> int:
        """The row holding the record with that id, or -1."""
        for row, rec in enumerate(self._records):
            if getattr(rec, "id", None) == record_id:
                return row
        return -1

    def upsert(self, record: Any) -> int:
        """Replace the record with the same id (or append it); returns its row."""
        row = self.row_of(record.id)
        if row < 0:
            self.beginInsertRows(QModelIndex(), len(self._records), len(self._records))
            self._records.append(record)
            self.endInsertRows()
            return len(self._records) - 1
        self._records[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        return row

    # --- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        rec = self._records[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(rec)
        if role == SORT_ROLE:
            key = col.sort_key(rec) if col.sort_key else col.text(rec)
            return key.casefold() if isinstance(key, str) else key
        if role == RECORD_ROLE:
            return rec
        if role == Qt.ItemDataRole.DecorationRole and col.icon:
            return col.icon(rec)
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip:
            return col.tooltip(rec)
        if role == Qt.ItemDataRole.ForegroundRole and self._muted and self._muted(rec):
            return MUTED
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
