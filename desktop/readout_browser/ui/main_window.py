"""The browsing window: open readouts on the left, the text in the middle, quotes and pledges beside it.

It wires the views together and holds no domain rules of its own: which items a
topic holds and what lies under a click come from `selection`, the money figures
from `summaries`, what the find bar keeps and finds from `search`. The find bar
(`search_controller`), printing and the exports (`print_actions`) and the list of
keys (`shortcuts_dialog`) live in modules of their own. Other parts of the app build
on its public surface: `open_paths`, `current_readout`, `views`, and the menus
`file_menu`, `edit_menu`, `view_menu`, `help_menu`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QLabel,
    QListView,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

import readout_browser
from readout_browser.errors import ReadoutError
from readout_browser.model import Readout, Topic
from readout_browser.parsed_cache import open_readout
from readout_browser.summaries import convert_pledges
from readout_browser.ui.dialogs import show_error
from readout_browser.ui.find_bar import FindBar
from readout_browser.ui.legend import Legend
from readout_browser.ui.meeting_header import MeetingHeader
from readout_browser.ui.models.readout_list_model import ReadoutListModel
from readout_browser.ui.pane_linker import PaneLinker
from readout_browser.ui.pledge_view import PledgeView
from readout_browser.ui.print_actions import PrintActions, ReportContext
from readout_browser.ui.quote_view import QuoteView
from readout_browser.ui.rates_service import RatesService
from readout_browser.ui.readout_delegate import ReadoutDelegate
from readout_browser.ui.recent_menu import RecentMenu
from readout_browser.ui.search_controller import SearchController
from readout_browser.ui.settings import LAYOUT_VERSION, Settings
from readout_browser.ui.source_view import SourceView
from readout_browser.ui.topic_view import TopicView

if TYPE_CHECKING:  # dialogs load when first opened, not at start-up
    from readout_browser.rates import Rates
    from readout_browser.ui.shortcuts_dialog import ShortcutsDialog

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

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.settings = settings or Settings()
        self._readouts = ReadoutListModel(self)
        self._painted = False
        self._layout_pending = True
        self._rates = RatesService.instance()
        self._loaded_rates: Rates | None = None
        self._rates_error: str | None = None

        self.views = self._build_views()
        self._build_docks()
        views = self.views
        self.linker = PaneLinker(views.topics, views.source, views.quotes, views.pledges, self._reveal, self)
        self.search = SearchController(
            views.find, self.linker, views.topics, views.source, views.quotes, views.pledges, self
        )
        self.printing = PrintActions(self, self._report_context, self.settings)
        self._shortcuts_dialog: ShortcutsDialog | None = None
        self._build_actions()
        self._build_menus()
        self.count_label = QLabel()
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.count_label)
        self._connect()
        self._set_tab_order()
        self._restore_settings()
        self._show(None)

    # -- construction -------------------------------------------------------------

    def _build_views(self) -> Views:
        readouts = QListView()
        readouts.setObjectName("readoutList")
        readouts.setAccessibleName("Open readouts")
        readouts.setModel(self._readouts)
        readouts.setItemDelegate(ReadoutDelegate(readouts))
        readouts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        readouts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        readouts.setUniformItemSizes(True)
        readouts.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        source = SourceView()
        source.setAcceptDrops(False)  # dropped files go to the window, which opens them
        source.setPlaceholderText("Open a readout with File ▸ Open, or drop one on the window.")
        header = MeetingHeader()
        find = FindBar()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(header)
        layout.addWidget(find)
        layout.addWidget(source, 1)
        layout.addWidget(Legend())
        self.setCentralWidget(central)
        return Views(
            readouts=readouts,
            topics=TopicView(),
            header=header,
            source=source,
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
        self.readouts_dock = self._dock("Readouts", "readoutsDock", self.views.readouts, left)
        self.topics_dock = self._dock("Topics", "topicsDock", self.views.topics, left)
        self.quotes_dock = self._dock("Quotes", "quotesDock", self.views.quotes, right)
        self.pledges_dock = self._dock("Pledges", "pledgesDock", self.views.pledges, bottom)

    def _build_actions(self) -> None:
        self.open_action = QAction("&Open…", self)
        self.open_action.setShortcuts(QKeySequence.StandardKey.Open)
        self.open_action.setStatusTip("Open readouts: text, saved web pages or readout JSON")
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
            *self.search.actions(),
            *self.printing.actions(),
        ):
            self.addAction(action)  # shortcuts work even with the menu bar hidden

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&File")
        self.file_menu.setObjectName("fileMenu")
        self.recent_menu = RecentMenu(self.settings, self)
        self.file_menu.addAction(self.open_action)
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
        self.edit_menu = bar.addMenu("&Edit")
        self.edit_menu.setObjectName("editMenu")
        self.edit_menu.addAction(self.copy_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addActions(list(self.search.actions()))
        self.view_menu = bar.addMenu("&View")
        self.view_menu.setObjectName("viewMenu")
        panes = self.view_menu.addMenu("&Panes")
        for dock in (self.readouts_dock, self.topics_dock, self.quotes_dock, self.pledges_dock):
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
        self.help_menu = bar.addMenu("&Help")
        self.help_menu.setObjectName("helpMenu")
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

    def _connect(self) -> None:
        self.open_action.triggered.connect(self._choose_files)
        self.close_action.triggered.connect(self.close_current)
        self.quit_action.triggered.connect(self.close)
        self.copy_action.triggered.connect(self._copy)
        self.show_all_action.triggered.connect(self.views.topics.clear)
        self.next_action.triggered.connect(lambda: self._step_readout(1))
        self.previous_action.triggered.connect(lambda: self._step_readout(-1))
        self.about_action.triggered.connect(self._about)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.search.filter_changed.connect(self._filter_changed)
        self.printing.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.recent_menu.file_chosen.connect(self._open_recent)
        self.views.readouts.selectionModel().selectionChanged.connect(self._readout_selected)
        self.linker.topic_changed.connect(self._update_counts)
        self.views.pledges.currency_changed.connect(self._currency_changed)
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

    def _restore_settings(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self._default_geometry()
        state = self.settings.window_state()
        self._layout_pending = state is None or not self.restoreState(state, LAYOUT_VERSION)
        self.views.pledges.set_currency(self.settings.currency())

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

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._layout_pending:
            self._layout_pending = False
            self._default_layout()

    def save_settings(self) -> None:
        """Remember the geometry and layout; the currency and recent files are saved as they change."""
        self.settings.set_geometry(self.saveGeometry())
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
        """Open files as readouts and show the last one opened; returns the readouts read.

        A file already open is shown rather than read again. A file that cannot be read
        gets a message naming it and the reason; what was open stays open. `remember`
        puts the files in File ▸ Open Recent.
        """
        opened: list[Readout] = []
        last_row: int | None = None
        for path in paths:
            row = self._readouts.row_of_file(path)
            if row is None:
                readout = self._read(Path(path))
                if readout is None:
                    continue
                row = self._readouts.add(readout, path)
                opened.append(readout)
            last_row = row
            if remember:
                self.settings.add_recent_file(path)
        if last_row is not None:
            self.views.readouts.setCurrentIndex(self._readouts.index(last_row))
        return opened

    def receive_files(self, paths: list[str]) -> None:
        """Files handed to the running app (by a later launch, or the Finder on macOS).

        They open here, and the window comes to the front so the user sees them.
        """
        from readout_browser.ui.single_instance import bring_to_front  # with QtNetwork, which start-up skips

        self.open_paths(paths)
        bring_to_front(self)

    def _read(self, path: Path) -> Readout | None:
        """Parse a file, telling the user (and returning None) when it cannot be read.

        While the window is on screen a wait cursor and a status line show that it reads;
        before it is shown (the files it opens with) nobody could see them.
        """
        busy = self.isVisible()
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            self.statusBar().showMessage(f"Reading {path.name}…")
        try:
            return open_readout(path)
        except ReadoutError as exc:
            reason = exc.reason
        except Exception as exc:  # a parser fault must not take the open readouts down with it
            reason = f"it could not be read as a readout ({type(exc).__name__}: {exc})"
        finally:
            if busy:
                QApplication.restoreOverrideCursor()
                self.statusBar().clearMessage()
        show_error(self, "Cannot Open Readout", f"“{path.name}” could not be opened: {reason}\n\n{path}")
        return None

    def close_current(self) -> None:
        """Close the readout shown; the next one in the list (if any) is shown instead."""
        row = self.views.readouts.currentIndex().row()
        if row < 0:
            return
        self._readouts.remove(row)
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

    def _reveal(self, pane: QWidget) -> None:
        """Show and raise the dock that holds a pane."""
        for dock in (self.readouts_dock, self.topics_dock, self.quotes_dock, self.pledges_dock):
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
        name = readout_browser.APP_NAME
        self.setWindowTitle(f"{name} — {readout.display_title}" if readout else name)
        self.close_action.setEnabled(readout is not None)
        self.search.refresh()
        self._filter_changed()
        self._convert()

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
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._rates.load)  # the rates load only once the window is on screen
        return super().event(event)

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
        focus = QApplication.focusWidget()
        source = self.views.source
        if focus is source or not isinstance(focus, QAbstractItemView):
            source.copy()
            return
        index: QModelIndex = focus.currentIndex()
        if not index.isValid():
            return
        row = index.siblingAtColumn(0)
        cells = []
        for column in range(index.model().columnCount(row.parent())):
            text = row.siblingAtColumn(column).data()
            if text:
                cells.append(str(text).replace("\n", ", "))
        QGuiApplication.clipboard().setText("\t".join(cells))

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
