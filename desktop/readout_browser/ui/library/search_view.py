"""Search across the library, in the find bar's own language, with a list of hits to open.

The query goes to the store as the user types (after a pause); each hit shows its
sentence, the readout's title and date. Enter on a hit opens its readout at that sentence.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readout_browser.library.records import LibraryStore, SearchHit
from readout_browser.search.query import parse_query

LIMIT = 200


class HitList(QTreeWidget):
    """Hits, one a row; Enter or a double click opens the one under the cursor."""

    hit_chosen = Signal(object)
    """The `SearchHit` to open."""

    def __init__(self, columns: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels(list(columns))
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.itemActivated.connect(
            lambda item, _col: self.hit_chosen.emit(item.data(0, Qt.ItemDataRole.UserRole))
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            self.hit_chosen.emit(item.data(0, Qt.ItemDataRole.UserRole))
            return
        super().keyPressEvent(event)


class LibrarySearchView(QWidget):
    """A query field above the hits across the whole library."""

    hit_chosen = Signal(object)
    """The `SearchHit` the user opened."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("librarySearch")
        self._store: LibraryStore | None = None
        self.query = QLineEdit()
        self.query.setObjectName("librarySearchField")
        self.query.setPlaceholderText("Search the library: words, speaker:, donor:, topic:, amount>100m …")
        self.query.setClearButtonEnabled(True)
        self.query.setAccessibleName("Search the library")
        self.hits = HitList(("Sentence", "Readout", "Date", "Kind"))
        self.hits.setObjectName("libraryHits")
        self.hits.setColumnWidth(0, 420)
        self.hits.setColumnWidth(1, 260)
        self.status = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.query)
        layout.addWidget(self.hits, 1)
        layout.addWidget(self.status)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.run)
        self.query.textChanged.connect(self._debounce.start)
        self.query.returnPressed.connect(self._enter)
        self.hits.hit_chosen.connect(self.hit_chosen)
        self.setFocusProxy(self.query)

    def set_store(self, store: LibraryStore | None) -> None:
        self._store = store
        self.run()

    def run(self) -> None:
        """Ask the library and list what it answers."""
        self._debounce.stop()
        self.hits.clear()
        text = self.query.text()
        query = parse_query(text)
        if query.errors:
            self.status.setText(query.errors[0].message)
            return
        if self._store is None or query.is_empty:
            self.status.setText("" if self._store is not None else "The library is empty: File ▸ Import…")
            return
        answer = self._store.search(query, LIMIT)
        items = []
        for hit in answer.hits:
            item = QTreeWidgetItem([" ".join(hit.text.split()), hit.title, hit.date or "", hit.kind])
            item.setData(0, Qt.ItemDataRole.UserRole, hit)
            item.setToolTip(0, hit.text)
            items.append(item)
        self.hits.addTopLevelItems(items)
        if items:
            self.hits.setCurrentItem(items[0])
        more = f"; the first {LIMIT} are shown" if answer.more else ""
        self.status.setText(f"{len(items)} hit{'s' if len(items) != 1 else ''}{more}")

    def _enter(self) -> None:
        """Enter in the field: search now, then go to the hit list."""
        self.run()
        if self.hits.topLevelItemCount():
            self.hits.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_hit(self) -> SearchHit | None:
        item = self.hits.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
