"""People across the library: everyone, merged by name, with their quotes and statements in date order."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLineEdit, QSplitter, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from readout_browser.library.records import LibraryStore, SearchHit
from readout_browser.ui.library.search_view import HitList

LIMIT = 1000


class PeopleView(QWidget):
    """A filterable list of people beside the statements of the one chosen."""

    hit_chosen = Signal(object)
    """A `SearchHit` for the statement the user opened."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPeople")
        self._store: LibraryStore | None = None
        self._stale = False
        self.name = QLineEdit()
        self.name.setPlaceholderText("Name…")
        self.name.setClearButtonEnabled(True)
        self.name.setAccessibleName("Filter people by name")
        self.people = QTreeWidget()
        self.people.setObjectName("peopleList")
        self.people.setHeaderLabels(["Name", "Readouts", "Quotes"])
        self.people.setRootIsDecorated(False)
        self.people.setColumnWidth(0, 220)
        self.statements = HitList(("Statement", "Date", "Kind", "Readout"))
        self.statements.setObjectName("peopleStatements")
        self.statements.setColumnWidth(0, 420)
        split = QSplitter()
        split.addWidget(self.people)
        split.addWidget(self.statements)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.name)
        layout.addWidget(split, 1)
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(self.refresh)
        self.name.textChanged.connect(self._debounce.start)
        self.people.currentItemChanged.connect(lambda item, _old: self._show(item))
        self.statements.hit_chosen.connect(self.hit_chosen)
        self.setFocusProxy(self.name)

    def set_store(self, store: LibraryStore | None) -> None:
        """Show a library; the list is made when the view is first shown (it groups every name)."""
        self._store = store
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """List the people whose name holds what was typed."""
        self._stale = False
        self.people.clear()
        self.statements.clear()
        if self._store is None:
            return
        for person in self._store.people(self.name.text().strip(), 0, LIMIT):
            item = QTreeWidgetItem([person.name, str(person.readouts), str(person.quotes)])
            item.setData(0, Qt.ItemDataRole.UserRole, person.key)
            self.people.addTopLevelItem(item)

    def _show(self, item: QTreeWidgetItem | None) -> None:
        self.statements.clear()
        if item is None or self._store is None:
            return
        for s in self._store.statements(item.data(0, Qt.ItemDataRole.UserRole)):
            row = QTreeWidgetItem([" ".join(s.text.split()), s.date or "", s.kind, s.title])
            row.setData(
                0,
                Qt.ItemDataRole.UserRole,
                SearchHit(s.readout_id, "quote", s.start, s.end, s.text, s.title, s.date, None),
            )
            row.setToolTip(0, s.text)
            self.statements.addTopLevelItem(row)
