"""The library in the window: File ▸ Import, View ▸ Library, Edit ▸ Search Library, and the Library dock.

It opens the user's library when the window starts (only if there is one: a user who
never imported gets no file), shows the readout they last had open from it, parses
stale readouts again in the background, and runs imports in a thread with a progress
dialog. Folders dropped on the window are imported rather than opened.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow, QTabWidget

from readout_browser.library import LibraryError, default_library_path
from readout_browser.library.records import SearchHit
from readout_browser.library.sqlite_store import SqliteStore
from readout_browser.ui.dialogs import show_error
from readout_browser.ui.library.library_view import LibraryView
from readout_browser.ui.library.people_view import PeopleView
from readout_browser.ui.library.search_view import LibrarySearchView

if TYPE_CHECKING:
    from readout_browser.ui.library.import_dialog import ImportDialog, ImportThread, ReparseThread
    from readout_browser.ui.library.tracker_view import TrackerView

IMPORT_FILTERS = ";;".join(
    (
        "Readouts and archives (*.txt *.html *.htm *.json *.jsonl *.ndjson)",
        "JSON Lines archives (*.jsonl *.ndjson)",
        "All files (*)",
    )
)
_LAST_READOUT = "library/lastReadout"


class LibraryController(QObject):
    """Everything the library adds to one main window."""

    store_changed = Signal()

    def __init__(self, window: QMainWindow, location: str | Path | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.location = Path(location) if location is not None else default_library_path()
        self.store: SqliteStore | None = None
        self._import: ImportThread | None = None
        self._dialog: ImportDialog | None = None
        self._reparse: ReparseThread | None = None
        self.tracker: TrackerView | None = None
        self._build_actions()
        self._build_dock()
        window.installEventFilter(self)
        QTimer.singleShot(0, self.reopen)

    # -- construction ------------------------------------------------------------------

    def _build_actions(self) -> None:
        w = self.window
        self.import_action = QAction("&Import…", w)
        self.import_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.import_action.setStatusTip("Add readouts and JSON Lines archives to the library")
        self.import_folder_action = QAction("Import Fo&lder…", w)
        self.import_folder_action.setStatusTip(
            "Add every readout in a folder and its sub-folders to the library"
        )
        self.library_action = QAction("&Library", w)
        self.library_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.library_action.setStatusTip("Every readout of the library, sortable and filterable")
        self.search_action = QAction("Search &Library…", w)
        self.search_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.search_action.setStatusTip("Search every readout of the library")
        self.people_action = QAction("P&eople", w)
        self.people_action.setStatusTip("Everyone across the library, with what they said")
        self.tracker_action = QAction("Pledge &Tracker", w)
        self.tracker_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.tracker_action.setStatusTip("Every pledge across the library, with totals, export and a chart")
        self.import_action.triggered.connect(self.choose_files)
        self.import_folder_action.triggered.connect(self.choose_folder)
        self.library_action.triggered.connect(lambda: self.show_tab(self.library_view))
        self.search_action.triggered.connect(lambda: self.show_tab(self.search_view))
        self.people_action.triggered.connect(lambda: self.show_tab(self.people_view))
        self.tracker_action.triggered.connect(self.show_tracker)
        for action in (self.import_action, self.library_action, self.search_action, self.tracker_action):
            w.addAction(action)

    def _build_dock(self) -> None:
        self.library_view = LibraryView()
        self.search_view = LibrarySearchView()
        self.people_view = PeopleView()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("libraryTabs")
        self.tabs.addTab(self.library_view, "&Readouts")
        self.tabs.addTab(self.search_view, "&Search")
        self.tabs.addTab(self.people_view, "P&eople")
        self.dock = QDockWidget("Library", self.window)
        self.dock.setObjectName("libraryDock")
        self.dock.setWidget(self.tabs)
        self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self.library_view.readout_chosen.connect(lambda rid: self.open_readout(rid))
        self.search_view.hit_chosen.connect(self.open_hit)
        self.people_view.hit_chosen.connect(self.open_hit)

    def add_to_menus(self, file_menu, edit_menu, view_menu) -> None:
        """Put the actions in the window's menus: File ▸ Import, Edit ▸ Search Library, View ▸ Library."""
        first = file_menu.actions()[2] if len(file_menu.actions()) > 2 else None
        file_menu.insertActions(first, [self.import_action, self.import_folder_action])
        file_menu.insertSeparator(first)
        edit_menu.addSeparator()
        edit_menu.addAction(self.search_action)
        view_menu.addSeparator()
        view_menu.addActions([self.library_action, self.people_action, self.tracker_action])

    # -- the library --------------------------------------------------------------------

    def open_store(self) -> SqliteStore | None:
        """The library, opened (and made, if need be) on first use; None when it cannot be opened."""
        if self.store is not None:
            return self.store
        try:
            self.store = SqliteStore(self.location)
        except (LibraryError, OSError) as e:
            show_error(self.window, "Cannot Open the Library", str(e))
            return None
        if self.store.recovered_from is not None:
            show_error(
                self.window,
                "The Library Was Damaged",
                f"The library file could not be read, so it was moved aside (not deleted) and a new, empty "
                f"library was started.\n\nThe damaged file is now:\n{self.store.recovered_from}",
            )
        self._refresh_views()
        self._start_reparse()
        return self.store

    def reopen(self) -> None:
        """At launch: open the library if the user has one, and show the readout they last had open."""
        if not self.location.exists() or self.open_store() is None:
            return
        last = QSettings().value(_LAST_READOUT)
        try:
            readout_id = int(last) if last is not None else None
        except (TypeError, ValueError):
            readout_id = None
        if readout_id is not None:
            self.open_readout(readout_id, quiet=True)

    def _refresh_views(self) -> None:
        for view in (self.library_view, self.search_view, self.people_view):
            view.set_store(self.store)
        if self.tracker is not None:
            self.tracker.set_store(self.store)
        self.store_changed.emit()

    def _start_reparse(self) -> None:
        from readout_browser.library.version import parser_version
        from readout_browser.ui.library.import_dialog import ReparseThread

        if self.store is None or self._reparse is not None or not self.store.stale(parser_version(), 1):
            return
        self._reparse = ReparseThread(str(self.location), self)
        self._reparse.done.connect(self._reparsed)
        self._reparse.start(QThread.Priority.LowPriority)

    def _reparsed(self, count: int) -> None:
        self._reparse = None
        if count:
            self.window.statusBar().showMessage(
                f"{count:,} library readouts parsed again with this version", 8000
            )
            self._refresh_views()

    def shutdown(self) -> None:
        """Stop background work and close the library (the window is closing)."""
        for thread in (self._import, self._reparse):
            if thread is not None:
                thread.cancel.set()
                thread.wait()
        if self.store is not None:
            self.store.close()
            self.store = None

    # -- showing -------------------------------------------------------------------------

    def show_tab(self, widget) -> None:
        """Show the Library dock at one of its tabs, with the keyboard in it."""
        self.open_store()
        self.dock.show()
        self.dock.raise_()
        self.tabs.setCurrentWidget(widget)
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_tracker(self) -> None:
        """The pledge tracker, a tab of the dock made on first use."""
        from readout_browser.ui.library.tracker_view import TrackerView

        if self.tracker is None:
            self.tracker = TrackerView()
            self.tracker.hit_chosen.connect(self.open_hit)
            self.tabs.addTab(self.tracker, "Pledge &Tracker")
            self.tracker.set_store(self.open_store())
        self.show_tab(self.tracker)

    def open_readout(self, readout_id: int, span: tuple[int, int] | None = None, quiet: bool = False) -> bool:
        """Show a library readout in the window's panes (at `span`, if given)."""
        store = self.open_store()
        if store is None:
            return False
        try:
            readout = store.readout(readout_id)
        except KeyError:
            if not quiet:
                show_error(self.window, "Not in the Library", "That readout is no longer in the library.")
            return False
        readout = dataclasses.replace(readout, source=dataclasses.replace(readout.source, path=None))
        self.window.show_library_readout(readout)
        if span is not None:
            self.window.views.source.show_item(span)
        QSettings().setValue(_LAST_READOUT, readout_id)
        return True

    def open_hit(self, hit: SearchHit) -> None:
        """Open the readout of a hit at its sentence."""
        self.open_readout(hit.readout_id, (hit.start, hit.end))

    # -- importing ------------------------------------------------------------------------

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.window, "Import Readouts", "", IMPORT_FILTERS)
        if paths:
            self.import_paths(paths)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Import a Folder of Readouts")
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: list[str]) -> ImportThread | None:
        """Import in the background with a progress dialog; the report comes when it is done."""
        from readout_browser.ui.library.import_dialog import ImportDialog, ImportThread

        if self._import is not None or self.open_store() is None:
            return None
        self._import = ImportThread(str(self.location), paths, self)
        self._dialog = ImportDialog(self._import, self.window)
        self._import.done.connect(self._imported)
        self._import.start()
        return self._import

    def _imported(self, outcome: object) -> None:
        from readout_browser.ui.library.import_dialog import report_box

        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
        if self._import is not None:
            self._import.wait()
        self._import = None
        self._dialog = None
        self._refresh_views()
        box = report_box(self.window, outcome)  # type: ignore[arg-type]
        box.exec()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Folders dropped on the window are imported into the library; files still open as before."""
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.shutdown()
        elif watched is self.window and event.type() == QEvent.Type.Drop:
            drop: QDropEvent = event  # type: ignore[assignment]
            paths = [u.toLocalFile() for u in drop.mimeData().urls() if u.isLocalFile()]
            folders = [p for p in paths if Path(p).is_dir()]
            if folders and len(folders) == len(paths):
                drop.acceptProposedAction()
                QTimer.singleShot(0, lambda: self.import_paths(folders))
                return True
        return super().eventFilter(watched, event)
