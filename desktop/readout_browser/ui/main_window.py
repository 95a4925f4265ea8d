"""The browsing window: open readouts on the left, the text in the middle, quotes and pledges beside it.

It wires the views together and holds no domain rules of its own: which items a
topic holds and what lies under a click come from `selection`, the money figures
from `summaries`, what the find bar keeps and finds from `search`. The find bar
(`search_controller`), printing and the exports (`print_actions`) and the list of
keys (`shortcuts_dialog`) live in modules of their own. Other parts of the app build
on its public surface: `open_paths`, `current_readout`, `views`, and the menus
`file_menu`, `edit_menu`, `view_menu`, `help_menu`.

The app's launch builds it in two steps (`deferred`): first only what the first paint
shows (the readout's header and text, the docks, the menu titles), and the rest (the
other panes and their models, the menus' items, the rates and the library) as soon as
that has painted, so the window is on screen sooner. Anything that asks for the rest
before then has it built on the spot.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QVBoxLayout, QWidget

import readout_browser
from readout_browser.errors import ReadoutError
from readout_browser.parsed_cache import open_readout
from readout_browser.ui.dialogs import show_error
from readout_browser.ui.formatting import person_name
from readout_browser.ui.library import install as install_library
from readout_browser.ui.meeting_header import MeetingHeader
from readout_browser.ui.settings import LAYOUT_VERSION, ZOOM_LIMIT, Settings
from readout_browser.ui.source_view import SourceView

if TYPE_CHECKING:  # the other panes load once the first paint is done; dialogs when first opened
    from PySide6.QtCore import QItemSelection, QModelIndex
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
    from PySide6.QtWidgets import QAbstractItemView, QListView

    from readout_browser.model import Amount, Quote, Readout, Topic
    from readout_browser.rates import Rates
    from readout_browser.ui.find_bar import FindBar
    from readout_browser.ui.pledge_view import PledgeView
    from readout_browser.ui.print_actions import ReportContext
    from readout_browser.ui.quote_view import QuoteView
    from readout_browser.ui.shortcuts_dialog import ShortcutsDialog
    from readout_browser.ui.topic_view import TopicView

OPEN_FILTERS = ";;".join(
    (
        "Readouts (*.txt *.html *.htm *.json)",
        "Text (*.txt)",
        "Saved web pages (*.html *.htm)",
        "Readout JSON (*.json)",
        "All files (*)",
    )
)


_LIST_HEIGHT = 130
"""Pixels the side list of open readouts gets on a first run: two readouts and a half."""


@dataclass(frozen=True)
class Views:
    """The window's panes, for the parts of the app that add to them (find, print, export)."""

    readouts: QListView
    topics: TopicView
    header: MeetingHeader
    source: SourceView
    quotes: QuoteView
    pledges: PledgeView
    find: FindBar


class MainWindow(QMainWindow):
    """One window over any number of open readouts, one shown at a time."""

    def __init__(
        self, settings: Settings | None = None, parent: QWidget | None = None, *, deferred: bool = False
    ) -> None:
        """`deferred`: build the rest of the window only once the first paint is done (see `complete`)."""
        super().__init__(parent)
        self._built = self._building = False
        self._when_complete: list[Callable[[], object]] = []
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.settings = settings or Settings()
        self._painted = False
        self._layout_pending = True
        self._loaded_rates: Rates | None = None
        self._pledges_height: int | None = None  # the pledge pane's height before it shrank to a note
        self._quotes_width: int | None = None  # the quote pane's width before it gave way to a note
        self._rates_error: str | None = None
        self._preread: dict[Path, Readout] = {}  # files the shell showed, read once
        self._build_shell()
        self._restore_layout()
        if not deferred:
            self.complete()

    def __getattr__(self, name: str) -> object:
        """A part built by `complete` that is asked for while the window is still a shell: built now.

        (Python asks here only for attributes not set yet.)
        """
        if name.startswith("__") or self.__dict__.get("_built", True) or self.__dict__.get("_building"):
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        self.complete()
        return object.__getattribute__(self, name)

    def complete(self) -> None:
        """Build the rest of the window: the other panes and their models, the menus' items, the rates
        and the library; then run what waited for them (`when_complete`). Once only."""
        if self._built or self._building:
            return
        self._building = True
        from readout_browser.ui.models.readout_list_model import ReadoutListModel
        from readout_browser.ui.pane_linker import PaneLinker
        from readout_browser.ui.print_actions import PrintActions
        from readout_browser.ui.rates_service import RatesService
        from readout_browser.ui.search_controller import SearchController

        self._readouts = ReadoutListModel(self)
        self._rates = RatesService.instance()
        self.views = views = self._build_views()
        panes = (views.readouts, views.topics, views.quotes, views.pledges)
        for dock, pane in zip(self._docks(), panes, strict=True):
            placeholder = dock.widget()
            dock.setWidget(pane)
            placeholder.deleteLater()
        self.linker = PaneLinker(views.topics, views.source, views.quotes, views.pledges, self._reveal, self)
        self.search = SearchController(
            views.find, self.linker, views.topics, views.source, views.quotes, views.pledges, self
        )
        self.printing = PrintActions(self, self._report_context, self.settings)
        self._shortcuts_dialog: ShortcutsDialog | None = None
        self._build_actions()
        self._build_menus()
        self._connect()
        self._set_tab_order()
        self._restore_settings()
        self._show(None)
        self._built, self._building = True, False
        if self._painted:
            QTimer.singleShot(0, self._rates.load)
        waiting, self._when_complete = self._when_complete, []
        for callback in waiting:
            callback()

    def when_complete(self, callback: Callable[[], object]) -> None:
        """Run `callback` once the whole window is built (at once if it is)."""
        if self._built:
            callback()
        else:
            self._when_complete.append(callback)

    def is_complete(self) -> bool:
        """Whether the whole window is built, not only what its first paint shows."""
        return self._built

    def preview(self, path: str | Path) -> None:
        """Show a file's readout in the shell (header, text, title) before the rest is built.

        It is listed once `open_paths` opens it, which reuses what was read here; a file
        that cannot be read shows nothing now, and opening it says why.
        """
        try:
            readout = open_readout(path)
        except Exception:  # reported by `open_paths`, with the other files that failed
            return
        self._preread[Path(path)] = readout
        self._header.set_readout(readout)
        self._source.set_readout(readout)
        self.setWindowTitle(f"{readout_browser.APP_NAME} — {readout.display_title}")

    # -- construction -------------------------------------------------------------

    def _build_shell(self) -> None:
        """What the first paint shows: the header and the text, the docks (their panes come later),
        the menu titles and the status bar."""
        self._header = MeetingHeader()
        self._source = source = SourceView()
        source.setAcceptDrops(False)  # dropped files go to the window, which opens them
        source.setPlaceholderText("Open a readout with File ▸ Open, or drop one on the window.")
        central = QWidget()
        self._central = layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self._header)
        layout.addWidget(source, 1)
        self.setCentralWidget(central)
        self._build_docks()
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&File")
        self.file_menu.setObjectName("fileMenu")
        self.edit_menu = bar.addMenu("&Edit")
        self.edit_menu.setObjectName("editMenu")
        self.view_menu = bar.addMenu("&View")
        self.view_menu.setObjectName("viewMenu")
        self.help_menu = bar.addMenu("&Help")
        self.help_menu.setObjectName("helpMenu")
        self.count_label = QLabel()
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.count_label)
        self.setWindowTitle(readout_browser.APP_NAME)

    def _build_views(self) -> Views:
        from PySide6.QtWidgets import QAbstractItemView, QListView

        from readout_browser.ui.find_bar import FindBar
        from readout_browser.ui.legend import Legend
        from readout_browser.ui.pledge_view import PledgeView
        from readout_browser.ui.quote_view import QuoteView
        from readout_browser.ui.readout_delegate import ReadoutDelegate
        from readout_browser.ui.topic_view import TopicView

        readouts = QListView()
        readouts.setObjectName("readoutList")
        readouts.setAccessibleName("Open readouts")
        readouts.setModel(self._readouts)
        readouts.setItemDelegate(ReadoutDelegate(readouts))
        readouts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        readouts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        readouts.setUniformItemSizes(True)
        readouts.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        find = FindBar()
        self._central.insertWidget(1, find)  # between the header and the text
        # A readout with no quotes: one line under the text instead of a column beside it.
        self.quotes_note = QLabel("No quotes in this readout.")
        self.quotes_note.setObjectName("quotesNote")
        self.quotes_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.quotes_note.setToolTip("View ▸ Panes ▸ Quotes shows the Quotes pane all the same")
        self.quotes_note.hide()
        self._central.addWidget(self.quotes_note)
        self._central.addWidget(Legend())
        return Views(
            readouts=readouts,
            topics=TopicView(),
            header=self._header,
            source=self._source,
            quotes=QuoteView(),
            pledges=PledgeView(),
            find=find,
        )

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
        left, right, bottom = (
            Qt.DockWidgetArea.LeftDockWidgetArea,
            Qt.DockWidgetArea.RightDockWidgetArea,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        # Empty until `complete` puts the panes in; the layout is restored around them meanwhile.
        self.readouts_dock = self._dock("Readouts", "readoutsDock", QWidget(), left)
        self.topics_dock = self._dock("Topics", "topicsDock", QWidget(), left)
        self.quotes_dock = self._dock("Quotes", "quotesDock", QWidget(), right)
        self.pledges_dock = self._dock("Pledges", "pledgesDock", QWidget(), bottom)

    def _build_actions(self) -> None:
        from PySide6.QtGui import QAction, QKeySequence

        self.open_action = QAction("&Open…", self)
        self.open_action.setShortcuts(QKeySequence.StandardKey.Open)
        self.open_action.setStatusTip("Open readouts: text, saved web pages or readout JSON")
        self.open_folder_action = QAction("Op&en Folder…", self)
        self.open_folder_action.setStatusTip("Open every readout in a folder")
        self.close_action = QAction("&Close", self)
        self.close_action.setShortcuts(QKeySequence.StandardKey.Close)
        self.close_action.setStatusTip("Close the readout shown")
        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.copy_action = QAction("&Copy", self)
        self.copy_action.setShortcuts(QKeySequence.StandardKey.Copy)
        self.copy_action.setStatusTip("Copy the selected text, quote or pledge")
        self.show_all_action = QAction("Show &All Topics", self)
        self.show_all_action.setStatusTip("Show every sentence, quote and pledge again")
        self.next_action = QAction("&Next Readout", self)
        self.next_action.setShortcut(QKeySequence("Ctrl+PgDown"))
        self.previous_action = QAction("Pre&vious Readout", self)
        self.previous_action.setShortcut(QKeySequence("Ctrl+PgUp"))
        self.zoom_in_action = QAction("Zoom &In", self)
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.zoom_in_action.setStatusTip("Larger text in every pane")
        self.zoom_out_action = QAction("Zoom &Out", self)
        self.zoom_out_action.setShortcut(QKeySequence("Ctrl+-"))
        self.zoom_out_action.setStatusTip("Smaller text in every pane")
        self.zoom_reset_action = QAction("&Reset Zoom", self)
        self.zoom_reset_action.setShortcut(QKeySequence("Ctrl+0"))
        self.zoom_reset_action.setStatusTip("The desktop's text size in every pane")
        self.about_action = QAction(f"&About {readout_browser.APP_NAME}", self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.shortcuts_action = QAction("&Keyboard Shortcuts", self)
        self.shortcuts_action.setStatusTip("List every key the window answers")
        for action in (
            self.open_action,
            self.close_action,
            self.quit_action,
            self.copy_action,
            self.next_action,
            self.previous_action,
            self.zoom_in_action,
            self.zoom_out_action,
            self.zoom_reset_action,
            *self.search.actions(),
            *self.printing.actions(),
        ):
            self.addAction(action)  # shortcuts work even with the menu bar hidden

    def _build_menus(self) -> None:
        from PySide6.QtGui import QKeySequence

        from readout_browser.ui.recent_menu import RecentMenu

        self.recent_menu = RecentMenu(self.settings, self)
        self.file_menu.addAction(self.open_action)
        self.file_menu.addAction(self.open_folder_action)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        printing = self.printing
        self.file_menu.addActions([printing.print_action, printing.preview_action])
        self.file_menu.addSeparator()
        self.file_menu.addActions(
            [printing.export_pdf_action, printing.export_csv_action, printing.export_json_action]
        )
        self.file_menu.addAction(printing.filtered_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.close_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu.addAction(self.copy_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addActions(list(self.search.actions()))
        panes = self.view_menu.addMenu("&Panes")
        for dock in self._docks():
            toggle = dock.toggleViewAction()
            toggle.setText(f"&{dock.windowTitle()}")
            panes.addAction(toggle)
        go_to = self.view_menu.addMenu("&Go To")
        for n, (text, dock, widget) in enumerate(
            (
                ("&Topics", self.topics_dock, self.views.topics.tree),
                ("Te&xt", None, self.views.source),
                ("&Quotes", self.quotes_dock, self.views.quotes.list),
                ("&Pledges", self.pledges_dock, self.views.pledges.tree),
                ("&Readouts", self.readouts_dock, self.views.readouts),
            ),
            start=1,
        ):
            action = go_to.addAction(text)
            action.setShortcut(QKeySequence(f"Ctrl+{n}"))
            action.triggered.connect(lambda _checked=False, d=dock, w=widget: self._focus_pane(d, w))
            self.addAction(action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.show_all_action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.next_action)
        self.view_menu.addAction(self.previous_action)
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action])
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)
        self.library = install_library(self)  # File ▸ Import, View ▸ Library and the Library dock

    def _connect(self) -> None:
        self.open_action.triggered.connect(self._choose_files)
        self.open_folder_action.triggered.connect(self._choose_folder)
        self.close_action.triggered.connect(self.close_current)
        self.quit_action.triggered.connect(self.close)
        self.copy_action.triggered.connect(self._copy)
        self.show_all_action.triggered.connect(self.views.topics.clear)
        self.next_action.triggered.connect(lambda: self._step_readout(1))
        self.previous_action.triggered.connect(lambda: self._step_readout(-1))
        self.zoom_in_action.triggered.connect(lambda: self.set_zoom(self._zoom + 1))
        self.zoom_out_action.triggered.connect(lambda: self.set_zoom(self._zoom - 1))
        self.zoom_reset_action.triggered.connect(lambda: self.set_zoom(0))
        self.views.pledges.amount_chosen.connect(self._amount_chosen)
        self.about_action.triggered.connect(self._about)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.search.filter_changed.connect(self._filter_changed)
        self.printing.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.recent_menu.file_chosen.connect(self._open_recent)
        self.views.readouts.selectionModel().selectionChanged.connect(self._readout_selected)
        self.linker.topic_changed.connect(self._update_counts)
        self.views.pledges.currency_changed.connect(self._currency_changed)
        self.quotes_dock.visibilityChanged.connect(self._quotes_shown)
        self._rates.ready.connect(self._rates_ready)
        self._rates.failed.connect(self._rates_failed)

    def _set_tab_order(self) -> None:
        """Tab walks the panes as the eye does: list, topics, find box (when open), text, quotes, pledges."""
        views = self.views
        chain: list[QWidget] = [
            views.readouts,
            views.topics.tree,
            views.find.edit,
            views.source,
            views.quotes.speaker_box,
            views.quotes.kind_box,
            views.quotes.list,
            views.pledges.tree,
            views.pledges.currency_box,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _restore_layout(self) -> None:
        """The size, place and dock layout of last time (the shell's part of the settings)."""
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self._default_geometry()
        state = self.settings.window_state()
        self._layout_pending = state is None or not self.restoreState(state, LAYOUT_VERSION)
        if self.settings.zoom():  # the text the first paint shows is at the size it will keep
            self._source.setFont(_zoomed(self._source, self.settings.zoom()))

    def _restore_settings(self) -> None:
        self.views.pledges.set_currency(self.settings.currency())
        self._zoom = 0
        if self.settings.zoom():  # the desktop's size needs no new fonts (and start-up no relayout)
            self.set_zoom(self.settings.zoom())

    def _default_geometry(self) -> None:
        """Most of the screen on a first run: the panes need room, and a tiny window hides that."""
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1280, 800)
            return
        available = screen.availableGeometry()
        self.resize(min(1680, int(available.width() * 0.85)), min(1050, int(available.height() * 0.85)))

    def _default_layout(self) -> None:
        """Share the window out among the panes, in proportion to its size (first run only)."""
        width, height = self.width(), self.height()
        side = max(240, min(360, int(width * 0.22)))
        quotes = max(380, min(640, int(width * 0.36)))
        pledges = max(220, min(320, int(height * 0.3)))
        vertical, horizontal = Qt.Orientation.Vertical, Qt.Orientation.Horizontal
        self.resizeDocks([self.pledges_dock], [pledges], vertical)
        column = self.readouts_dock.height() + self.topics_dock.height()
        listed = min(column // 3, _LIST_HEIGHT)
        self.resizeDocks([self.readouts_dock, self.topics_dock], [listed, column - listed], vertical)
        self.resizeDocks([self.readouts_dock, self.quotes_dock], [side, quotes], horizontal)

    def zoom(self) -> int:
        """Points the panes' text is zoomed by, from the desktop's size (negative: smaller)."""
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        """Zoom every pane's text by `steps` points (kept within bounds, and in the settings)."""
        self._zoom = max(-ZOOM_LIMIT, min(ZOOM_LIMIT, steps))
        panes: list[QWidget] = [self.views.source, *(d.widget() for d in self._docks())]
        for pane in panes:
            pane.setFont(_zoomed(pane, self._zoom))
        self.zoom_out_action.setEnabled(self._zoom > -ZOOM_LIMIT)
        self.zoom_in_action.setEnabled(self._zoom < ZOOM_LIMIT)
        if self.settings.zoom() != self._zoom:
            self.settings.set_zoom(self._zoom)

    def _docks(self) -> tuple[QDockWidget, ...]:
        return (self.readouts_dock, self.topics_dock, self.quotes_dock, self.pledges_dock)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._layout_pending:
            self._layout_pending = False
            self._default_layout()
            if self._built:  # else the list is fitted when `complete` opens the files
                self._fit_list()

    def save_settings(self) -> None:
        """Remember the geometry and layout; the currency and recent files are saved as they change.

        A Quotes pane put away for a readout with no quotes is saved as shown: the user did not close it.
        """
        self.settings.set_geometry(self.saveGeometry())
        if self._built:
            self._put_back_quotes()
        self.settings.set_window_state(self.saveState(LAYOUT_VERSION))
        self.settings.sync()

    # -- opening and closing readouts --------------------------------------------

    def current_readout(self) -> Readout | None:
        """The readout shown, or None when none is open."""
        return self.views.source.readout()

    def open_readouts(self) -> tuple[Readout, ...]:
        """Every open readout, in the order of the side list."""
        return self._readouts.readouts()

    def open_paths(self, paths: Iterable[str | Path], remember: bool = True) -> list[Readout]:
        """Open files (and the readouts in folders) and show the last one opened; returns the readouts read.

        A file already open, or a copy of one (the same bytes), is shown rather than listed
        twice. Files that cannot be read are named, with the reasons, in one message at
        the end; what was open stays open. `remember` puts the files in File ▸ Open Recent.
        """
        self.complete()
        opened: list[Readout] = []
        failed: list[tuple[Path, str]] = []
        last: Readout | None = None
        for path in _expand(paths):
            row = self._readouts.row_of_file(path)
            if row is None:
                row = self._readouts.row_of_copy(path)
            if row is None:
                readout = self._read(path, failed)
                if readout is None:
                    continue
                row = self._readouts.add(readout, path)
                opened.append(readout)
            last = self._readouts.readout(row)
            if remember:
                self.settings.add_recent_file(path)
        if last is not None:  # found by identity: two files may hold equal readouts (a text and its JSON)
            row = next(r for r, x in enumerate(self._readouts.readouts()) if x is last)
            self.views.readouts.setCurrentIndex(self._readouts.index(row))
        if failed:
            self._report_unreadable(failed)
        self._remember_session()
        self._fit_list()
        return opened

    def _report_unreadable(self, failed: list[tuple[Path, str]]) -> None:
        """One message for every file that could not be opened, however many there were."""
        if len(failed) == 1:
            path, reason = failed[0]
            show_error(self, "Cannot Open Readout", f"“{path.name}” could not be opened: {reason}\n\n{path}")
            return
        lines = "\n".join(f"• {path.name}: {reason}" for path, reason in failed)
        show_error(self, "Cannot Open Readouts", f"{len(failed)} files could not be opened:\n\n{lines}")

    def _remember_session(self) -> None:
        """Keep the open files, so the next launch opens them again."""
        self.settings.set_session([str(f) for f in self._readouts.files()])

    def receive_files(self, paths: list[str]) -> None:
        """Files handed to the running app (by a later launch, or the Finder on macOS).

        They open here, and the window comes to the front so the user sees them.
        """
        from readout_browser.ui.single_instance import bring_to_front  # with QtNetwork, which start-up skips

        self.open_paths(paths)
        bring_to_front(self)

    def show_library_readout(self, readout: Readout) -> None:
        """Show a readout from the library (`ui.library`), listed once however often it is opened."""
        row = next((r for r, other in enumerate(self._readouts.readouts()) if other == readout), None)
        if row is None:
            row = self._readouts.add(readout)
        self.views.readouts.setCurrentIndex(self._readouts.index(row))

    def _read(self, path: Path, failed: list[tuple[Path, str]]) -> Readout | None:
        """Parse a file; one that cannot be read goes into `failed` with the reason (and None comes back).

        While the window is on screen a wait cursor and a status line show that it reads;
        before it is shown (the files it opens with) nobody could see them.
        """
        if path in self._preread:
            return self._preread.pop(path)
        busy = self.isVisible()
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            self.statusBar().showMessage(f"Reading {path.name}…")
        try:
            if busy:  # parsed on a worker thread, so the window stays live (None: the user cancelled)
                from readout_browser.ui.parse_worker import run_in_background

                return run_in_background(self, f"Reading {path.name}…", lambda: open_readout(path))
            return open_readout(path)
        except ReadoutError as exc:
            reason = exc.reason
        except Exception as exc:  # a parser fault must not take the open readouts down with it
            reason = f"it could not be read as a readout ({type(exc).__name__}: {exc})"
        finally:
            if busy:
                QApplication.restoreOverrideCursor()
                self.statusBar().clearMessage()
        failed.append((path, reason))
        return None

    def close_current(self) -> None:
        """Close the readout shown; the next one in the list (if any) is shown instead."""
        row = self.views.readouts.currentIndex().row()
        if row < 0:
            return
        self._readouts.remove(row)
        self._remember_session()
        remaining = self._readouts.rowCount()
        if remaining:
            self.views.readouts.setCurrentIndex(self._readouts.index(min(row, remaining - 1)))
        else:
            self._show(None)

    def _open_recent(self, path: str) -> None:
        """Open a file chosen from File ▸ Open Recent; one that is no longer there leaves the list."""
        if not self.open_paths([path]) and _missing(Path(path)):
            self.settings.remove_recent_file(path)

    def _choose_files(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        recent = self.settings.recent_files()
        start = str(Path(recent[0]).parent) if recent else ""
        paths, _ = QFileDialog.getOpenFileNames(self, "Open Readouts", start, OPEN_FILTERS)
        if paths:
            self.open_paths(paths)

    def _choose_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        recent = self.settings.recent_files()
        start = str(Path(recent[0]).parent) if recent else ""
        folder = QFileDialog.getExistingDirectory(self, "Open Readouts in Folder", start)
        if folder:
            self.open_paths([folder])

    def _reveal(self, pane: QWidget) -> None:
        """Show and raise the dock that holds a pane."""
        for dock in self._docks():
            if dock.widget() is pane:
                dock.show()
                dock.raise_()

    def _focus_pane(self, dock: QDockWidget | None, widget: QWidget) -> None:
        """Put the keyboard in a pane, showing the pane first if it was closed."""
        if dock is not None:
            dock.show()
            dock.raise_()
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _step_readout(self, step: int) -> None:
        count = self._readouts.rowCount()
        if count > 1:
            row = (self.views.readouts.currentIndex().row() + step) % count
            self.views.readouts.setCurrentIndex(self._readouts.index(row))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.open_paths(paths))  # let the drag finish before any dialog

    # -- showing a readout ----------------------------------------------------------

    def _readout_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.views.readouts.selectionModel().selectedRows()
        if rows:
            self._show(self._readouts.readout(rows[0].row()))

    def _show(self, readout: Readout | None) -> None:
        self.linker.reset()
        self.views.header.set_readout(readout)
        self.views.source.set_readout(readout)
        self.views.topics.set_readout(readout)
        self.views.quotes.set_readout(readout)
        self.views.pledges.set_readout(readout)
        self._fit_empty_panes(readout)
        name = readout_browser.APP_NAME
        self.setWindowTitle(f"{name} — {readout.display_title}" if readout else name)
        self.close_action.setEnabled(readout is not None)
        self.search.refresh()
        self._filter_changed()
        self._convert()

    def _fit_empty_panes(self, readout: Readout | None) -> None:
        """A pane with nothing for this readout shrinks to its one-line note; the text gets the room."""
        unbounded = 16_777_215  # Qt's QWIDGETSIZE_MAX
        pledges = self.views.pledges
        vertical, horizontal = Qt.Orientation.Vertical, Qt.Orientation.Horizontal
        dock = self.quotes_dock
        if readout is not None and not readout.quotes:
            if self._quotes_width is None and not dock.isHidden() and not dock.isFloating():
                self._quotes_width = dock.width()  # put away for this readout, not closed by the user
                dock.hide()
            self.quotes_note.setVisible(self._quotes_width is not None)
        else:
            width = self._quotes_width
            self._put_back_quotes()
            if width is not None:
                self.resizeDocks([dock], [width], horizontal)
            self._quotes_width = None
        if pledges.is_empty():
            if self._pledges_height is None:
                self._pledges_height = self.pledges_dock.height()
            pledges.setMaximumHeight(pledges.minimumSizeHint().height())
        elif self._pledges_height is not None:  # the pane had shrunk: it gets its room back
            pledges.setMaximumHeight(unbounded)
            # The dock takes in that its pane may grow again at its next layout: let that be now, or the
            # height asked for is cut to the old limit.
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            self.resizeDocks([self.pledges_dock], [self._pledges_height], vertical)
            self._pledges_height = None

    def _put_back_quotes(self) -> None:
        """The Quotes pane back where it was put away for a readout with no quotes (its width is kept)."""
        self.quotes_note.hide()
        if self._quotes_width is not None and self.quotes_dock.isHidden():
            self.quotes_dock.show()

    def _quotes_shown(self, visible: bool) -> None:
        """The user showed the Quotes pane (or went to it) while it was put away: it stays."""
        if visible and self._quotes_width is not None:
            self._quotes_width = None
            self.quotes_note.hide()

    def _fit_list(self) -> None:
        """Let the side list show every open readout, up to half the column (the topics keep the rest)."""
        view = self.views.readouts
        rows = self._readouts.rowCount()
        if not rows or not self.isVisible():
            return
        row = view.sizeHintForRow(0)
        chrome = self.readouts_dock.height() - view.viewport().height()
        column = self.readouts_dock.height() + self.topics_dock.height()
        wanted = min(rows * row + chrome + 2, column // 2)
        if self.readouts_dock.height() < wanted:
            self.resizeDocks(
                [self.readouts_dock, self.topics_dock], [wanted, column - wanted], Qt.Orientation.Vertical
            )

    def _amount_chosen(self, chosen: Amount) -> None:
        """An amount that is no pledge: shown where the text says it, nothing else chosen."""
        self.linker.clear_items()
        self.views.source.show_item(chosen.span)

    def _filter_changed(self) -> None:
        filtering = self.search.active_selection() is not None
        self.printing.update_state(self.current_readout() is not None, filtering)
        self._update_counts()

    def _update_counts(self, _topic: Topic | None = None) -> None:
        readout = self.current_readout()
        topic = self.views.topics.current_topic()
        narrowed_by = [x for x in (topic.label if topic else None, self.search.filter_text()) if x]
        if readout is None:
            self.count_label.setText("No readout open")
        elif narrowed_by:
            quotes = len(self.views.quotes.visible_quotes())
            pledges = len(self.views.pledges.visible_pledges())
            self.count_label.setText(
                f"{' · '.join(narrowed_by)}: {quotes} of {_count(len(readout.quotes), 'quote', 'quotes')}, "
                f"{pledges} of {_count(len(readout.pledges), 'pledge', 'pledges')}"
            )
        else:
            parts = [
                _count(len(readout.people), "person", "people"),
                _count(len(readout.quotes), "quote", "quotes"),
                _count(len(readout.pledges), "pledge", "pledges"),
                _count(len(readout.topics), "topic", "topics"),
            ]
            self.count_label.setText(" · ".join(parts))

    # -- currency conversion ---------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.__dict__.get("_painted", True):
            self._painted = True
            QTimer.singleShot(0, self._first_painted)
        return super().event(event)

    def _first_painted(self) -> None:
        """Once the window is on screen: the rest of it (if still a shell), then the rates."""
        if self._built:
            self._rates.load()
        else:
            self.complete()  # which loads the rates, now that the window has painted

    def _rates_ready(self, rates: Rates) -> None:
        self._loaded_rates = rates
        self.views.pledges.set_currencies(rates.currencies())
        self._convert()

    def _rates_failed(self, message: str) -> None:
        self._rates_error = message
        self._convert()
        self.statusBar().showMessage(message, 10000)

    def _currency_changed(self, currency: str) -> None:
        self.settings.set_currency(currency)
        self._convert()

    def _convert(self) -> None:
        from readout_browser.summaries import convert_pledges

        rates = self._loaded_rates
        readout = self.current_readout()
        if readout is None:
            return
        if self._rates_error is not None:
            self.views.pledges.set_rates_unavailable(self._rates_error)
            return
        if rates is None:
            return  # they are loading; `_rates_ready` converts
        currency = self.views.pledges.currency()
        self.views.pledges.set_conversions(currency, convert_pledges(readout, rates, currency))

    def _report_context(self) -> ReportContext | None:
        """What print and export work on: the readout shown, the filter, the currency, the rates."""
        from readout_browser.ui.print_actions import ReportContext

        readout = self.current_readout()
        if readout is None:
            return None
        return ReportContext(
            readout=readout,
            filtered=self.search.active_selection(),
            filter_text=self.search.filter_text(),
            currency=self.views.pledges.currency(),
            rates=self._loaded_rates,
        )

    # -- edit and help -------------------------------------------------------------

    def _copy(self) -> None:
        """Copy what the pane with the keyboard has selected: text as text, quotes as citations,
        rows of a table as tab-separated lines under a line of column titles."""
        from PySide6.QtWidgets import QAbstractItemView

        focus = QApplication.focusWidget()
        source = self.views.source
        if focus is source or not isinstance(focus, QAbstractItemView):
            source.copy()
            return
        readout = self.current_readout()
        if focus is self.views.quotes.list and readout is not None:
            quotes = self.views.quotes.selected_quotes() or tuple(
                q for q in (self.views.quotes.current_quote(),) if q is not None
            )
            if quotes:
                QGuiApplication.clipboard().setText("\n\n".join(citation(readout, q) for q in quotes))
            return
        text = _rows_text(focus)
        if text:
            QGuiApplication.clipboard().setText(text)

    def show_shortcuts(self) -> ShortcutsDialog:
        """Help ▸ Keyboard Shortcuts: the list of keys, read from the window's actions (not modal)."""
        if self._shortcuts_dialog is None:
            from readout_browser.ui.shortcuts_dialog import ShortcutsDialog

            self._shortcuts_dialog = ShortcutsDialog(self)
        self._shortcuts_dialog.open_list()
        return self._shortcuts_dialog

    def _about(self) -> None:
        from readout_browser.ui.about import AboutDialog  # not needed until asked for

        AboutDialog(self).exec()

    # -- closing -----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        super().closeEvent(event)


READOUT_SUFFIXES = (".txt", ".html", ".htm", ".json")
"""What a folder's readouts are called; other files in it are left alone."""


def _expand(paths: Iterable[str | Path]) -> list[Path]:
    """The files named, with a folder standing for the readouts in it (by name, not in subfolders)."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(f for f in path.iterdir() if f.suffix.lower() in READOUT_SUFFIXES and f.is_file())
        else:
            files.append(path)
    return files


def citation(readout: Readout, quote: Quote) -> str:
    """A quote as one cites it: who, the words, and where and when it was published."""
    from readout_browser.summaries import readout_date

    person = readout.person(quote.speaker)
    who = person_name(person) if person else "Unattributed"
    if person is not None and person.name and person.title:
        who += f", {person.title}"
    words = f"“{quote.text}”" if quote.kind == "direct" else f"{quote.text} (reported speech)"
    source = readout.source
    where = [x for x in (source.publisher, readout_date(readout), source.url) if x]
    return f"{who}: {words}" + (f" — {', '.join(where)}" if where else "")


def _rows_text(view: QAbstractItemView) -> str:
    """The selected rows of a view (the current one when none is), tab-separated under the column titles."""
    model = view.model()
    if model is None:
        return ""
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    if not rows and view.currentIndex().isValid():
        rows = [view.currentIndex().siblingAtColumn(0)]
    if not rows:
        return ""
    header = getattr(view, "header", None)
    columns = [
        c
        for c in range(model.columnCount(rows[0].parent()))
        if header is None or not header().isSectionHidden(c)
    ]
    titles = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns]
    rows.sort(key=lambda i: view.visualRect(i).top())

    def cell(row: QModelIndex, column: int) -> str:
        value = row.siblingAtColumn(column).data()
        return " ".join(str(value).split()) if value is not None else ""

    lines = ["\t".join(titles)] if any(titles) else []
    lines += ["\t".join(cell(r, c) for c in columns) for r in rows]
    return "\n".join(lines)


def _zoomed(pane: QWidget, steps: int) -> QFont:
    """The pane's font at the desktop's size plus `steps` points."""
    font = QFont(pane.font())
    font.setPointSizeF(max(4.0, QApplication.font().pointSizeF() + steps))
    return font


def _missing(path: Path) -> bool:
    """Whether nothing is at `path` any more (a file that cannot be read for another reason is there)."""
    try:
        path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False
    return False


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
