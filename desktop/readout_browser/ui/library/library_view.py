"""The Library view: every readout of the library in a table, sortable and filterable, from the keyboard.

Type in a filter field and the table narrows (publisher, a participant's country, a
person, a date range); click a column heading to sort. Enter (or a double click) on a
row opens that readout in the window's panes.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from readout_browser.library.records import LibraryFilter, LibraryStore
from readout_browser.ui.library.table_model import LibraryTableModel

_ALL_PUBLISHERS = "All publishers"


class _Table(QTableView):
    """The table; Enter opens the current row (the view's own Enter only starts editing)."""

    activated_by_key = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_by_key.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class LibraryView(QWidget):
    """Filters above the lazy table of readouts, and a line that says how many are kept."""

    readout_chosen = Signal(int)
    """The id of the readout the user opened."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryView")
        self.model = LibraryTableModel(None, self)
        self.publisher = QComboBox()
        self.publisher.setAccessibleName("Publisher")
        self.country = _field("Country", "Country…")
        self.person = _field("Person", "Person…")
        self.date_from = _field("From date", "From (YYYY-MM-DD)")
        self.date_to = _field("To date", "To (YYYY-MM-DD)")
        self.table = _Table()
        self.table.setObjectName("libraryTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 90)
        header.resizeSection(1, 180)
        header.resizeSection(3, 220)
        self.count_label = QLabel()
        filters = QHBoxLayout()
        for w in (self.publisher, self.country, self.person, self.date_from, self.date_to):
            filters.addWidget(w)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(self._apply)
        for edit in (self.country, self.person, self.date_from, self.date_to):
            edit.textChanged.connect(self._debounce.start)
            edit.returnPressed.connect(self._apply)
        self.publisher.currentIndexChanged.connect(self._apply)
        self.table.activated_by_key.connect(self._open)
        self.table.doubleClicked.connect(self._open)
        self.setFocusProxy(self.table)
        self._update_count()

    def set_store(self, store: LibraryStore | None) -> None:
        """Show a library (after it opened, or after an import added to it)."""
        current = self.publisher.currentText()
        self.publisher.blockSignals(True)
        self.publisher.clear()
        self.publisher.addItem(_ALL_PUBLISHERS)
        if store is not None:
            self.publisher.addItems(store.publishers())
        self.publisher.setCurrentIndex(max(0, self.publisher.findText(current)))
        self.publisher.blockSignals(False)
        self.model.set_store(store)
        self._apply()

    def current_filter(self) -> LibraryFilter:
        """What the filter fields say."""
        publisher = self.publisher.currentText() if self.publisher.currentIndex() > 0 else ""
        return LibraryFilter(
            publisher=publisher,
            country=self.country.text().strip(),
            person=self.person.text().strip(),
            date_from=self.date_from.text().strip(),
            date_to=self.date_to.text().strip(),
        )

    def _apply(self) -> None:
        self._debounce.stop()
        self.model.set_filter(self.current_filter())
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self._update_count()

    def _update_count(self) -> None:
        n = self.model.total
        self.count_label.setText(f"{n:,} readout{'s' if n != 1 else ''}")

    def _open(self, index: QModelIndex) -> None:
        row = self.model.row(index.row())
        if row is not None:
            self.readout_chosen.emit(row.id)


def _field(name: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    return edit
