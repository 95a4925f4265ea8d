"""Every readout of the library as a table that loads as it scrolls.

A library may hold a hundred thousand readouts; the model never holds them all. It
knows how many the filter keeps (one COUNT), loads the first page, and loads the next
page each time the view asks (`canFetchMore`/`fetchMore`) because the user scrolled to
the end. Sorting and filtering ask the store again and start from the first page.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from readout_browser.library.records import SORT_KEYS, LibraryFilter, LibraryStore, ReadoutRow
from readout_browser.ui.models.roles import TOP, Index, Role

COLUMNS = ("Date", "Publisher", "Title", "Participants", "Quotes", "Pledges")
PAGE = 200


class LibraryTableModel(QAbstractTableModel):
    """The Library view's rows, fetched from a `LibraryStore` a page at a time."""

    def __init__(self, store: LibraryStore | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._filter = LibraryFilter()
        self._sort = 0
        self._descending = True  # the latest readouts first
        self._rows: list[ReadoutRow] = []
        self._total = 0
        self.reload()

    # -- what is shown ---------------------------------------------------------------

    def set_store(self, store: LibraryStore | None) -> None:
        """Show another library (or none)."""
        self._store = store
        self.reload()

    def set_filter(self, where: LibraryFilter) -> None:
        """Keep only the readouts the filter keeps."""
        self._filter = where
        self.reload()

    def reload(self) -> None:
        """Count again and start from the first page (after an import, a filter, a sort)."""
        self.beginResetModel()
        self._rows = []
        self._total = 0
        if self._store is not None:
            self._total = self._store.count(self._filter)
            self._rows = self._page(0)  # the first page comes with the reset, not as an insertion
        self.endResetModel()

    @property
    def total(self) -> int:
        """How many readouts the filter keeps, loaded or not."""
        return self._total

    def row(self, row: int) -> ReadoutRow | None:
        """The readout in a loaded row, or None."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # -- Qt's model interface -----------------------------------------------------------

    def rowCount(self, parent: Index = TOP) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = TOP) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self._store is None:
            return
        start = len(self._rows)
        page = self._page(start)
        if not page:
            self._total = start  # the library shrank under us: stop asking
            return
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def _page(self, start: int) -> list[ReadoutRow]:
        assert self._store is not None
        page = self._store.page(self._filter, SORT_KEYS[self._sort], self._descending, start, PAGE)
        return page[: self._total - start]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(COLUMNS):
            return None
        r = self._rows[index.row()]
        values = (r.date or "", r.publisher or "", r.title, r.participants, r.quotes, r.pledges)
        if role == Qt.ItemDataRole.DisplayRole:
            return values[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (2, 3):
            return values[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Role.ITEM:
            return r
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()
