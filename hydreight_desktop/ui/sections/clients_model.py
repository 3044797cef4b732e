"""The clients table over ids: 100,000 rows without loading 100,000 rows.

``search(text)`` asks the service for every matching id (one indexed SQL query, on the DB
worker); rows are then fetched in pages of ``PAGE_SIZE`` through ``client_rows`` only when the
view asks for them. Until a page arrives its cells say "Loading…". Every search bumps a
generation number: answers to an older search (ids or pages) are dropped, so fast typing never
shows stale rows.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from hydreight_desktop.domain.contact import format_phone
from hydreight_desktop.services.clients import ClientListRow, client_rows, search_client_ids

PAGE_SIZE = 200
MAX_PAGES_KEPT = 60  # 12,000 rows in memory at most; older pages are fetched again if needed
LOADING = "Loading…"
COLUMNS = ("Name", "Email", "Phone", "Date of birth")
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


class ClientTableModel(QAbstractTableModel):
    """Rows are client ids in display order; their text arrives page by page."""

    searchStarted = Signal()
    idsLoaded = Signal(int)  # how many clients match
    pageLoaded = Signal(int)  # page number
    failed = Signal(object)

    def __init__(self, ctx, date_text: Callable, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.date_text = date_text
        self.region = (
            ctx.business.locale.split("_")[-1].upper() if "_" in ctx.business.locale else "US"
        )
        self.ids: list[str] = []
        self.query = ""
        self.sort = "name"
        self.generation = 0
        self.pages: OrderedDict[int, dict[str, ClientListRow]] = OrderedDict()
        self.requested: set[int] = set()
        self.searching = False

    # --- asking ----------------------------------------------------------------------------
    def search(self, text: str, sort: str | None = None) -> None:
        """Start a search; the previous one's answers will be ignored."""
        self.query = text
        self.sort = sort or self.sort
        self.generation += 1
        generation = self.generation
        self.searching = True
        self.searchStarted.emit()
        self.ctx.call(
            search_client_ids,
            text,
            self.sort,
            on_result=lambda ids: self._ids_arrived(generation, ids),
            on_error=lambda error: self._failed(generation, error),
        )

    def fetch_page(self, page: int) -> None:
        if page in self.requested or page < 0 or page * PAGE_SIZE >= len(self.ids):
            return
        self.requested.add(page)
        generation = self.generation
        ids = self.ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        self.ctx.call(
            client_rows,
            ids,
            on_result=lambda rows: self._page_arrived(generation, page, rows),
            on_error=lambda error: self._page_failed(generation, page, error),
        )

    # --- answers ---------------------------------------------------------------------------
    def _ids_arrived(self, generation: int, ids: list[str]) -> None:
        if generation != self.generation:
            return  # an older search: the user has typed more since
        self.beginResetModel()
        self.ids = ids
        self.pages.clear()
        self.requested.clear()
        self.searching = False
        self.endResetModel()
        self.idsLoaded.emit(len(ids))
        self.fetch_page(0)

    def _page_arrived(self, generation: int, page: int, rows: list[ClientListRow]) -> None:
        if generation != self.generation:
            return
        self.pages[page] = {row.id: row for row in rows}
        while len(self.pages) > MAX_PAGES_KEPT:
            old, _ = self.pages.popitem(last=False)
            self.requested.discard(old)
        first = page * PAGE_SIZE
        last = min(first + PAGE_SIZE, len(self.ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        self.pageLoaded.emit(page)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self.generation:
            self.searching = False
            self.failed.emit(error)

    def _page_failed(self, generation: int, page: int, error: BaseException) -> None:
        if generation == self.generation:
            self.requested.discard(page)
            self.failed.emit(error)

    # --- reading ---------------------------------------------------------------------------
    def row_record(self, row: int) -> ClientListRow | None:
        """The row's record if its page is here (asks for the page otherwise)."""
        if not 0 <= row < len(self.ids):
            return None
        page = row // PAGE_SIZE
        loaded = self.pages.get(page)
        if loaded is None:
            self.fetch_page(page)
            return None
        self.pages.move_to_end(page)
        return loaded.get(self.ids[row])

    def id_at(self, row: int) -> str:
        return self.ids[row]

    def is_row_loaded(self, row: int) -> bool:
        return (row // PAGE_SIZE) in self.pages

    # --- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            RECORD_ROLE,
            Qt.ItemDataRole.ForegroundRole,
        ):
            return None
        record = self.row_record(index.row())
        if role == Qt.ItemDataRole.ForegroundRole:
            return None if record is not None else Qt.GlobalColor.gray
        if role == RECORD_ROLE:
            return record
        if record is None:
            if self.is_row_loaded(index.row()):
                return "(removed)" if index.column() == 0 else ""
            return LOADING if index.column() == 0 else ""
        column = index.column()
        if column == 0:
            return f"{record.last_name}, {record.first_name}"
        if column == 1:
            return record.email
        if column == 2:
            return format_phone(record.phone, self.region) if record.phone else ""
        return self.date_text(record.date_of_birth) if record.date_of_birth else ""
