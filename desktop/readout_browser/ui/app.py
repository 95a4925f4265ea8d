"""Starting the desktop app: the QApplication, then one window with the files asked for (or the seed).

`run` is the whole launch; its steps are separate functions so other start-up
behaviour (handing files to a running instance, say) slots in between them.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFileOpenEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

import readout_browser
from readout_browser.paths import default_seed
from readout_browser.ui.main_window import MainWindow
from readout_browser.ui.settings import APPLICATION, ORGANISATION


class ReadoutApplication(QApplication):
    """The application object, which passes on the files the desktop asks the running app to open.

    On macOS a readout opened from the Finder (or dropped on the Dock icon) while the app
    runs, or that started it, arrives as a FileOpen event on the application rather than
    on the command line. When the event loop ends the process is about to: whatever is
    still alive is then frozen out of the garbage collector, so the interpreter's shutdown
    does not walk and tear down the many thousand objects PySide and the window made (the
    memory goes back with the process; the window saved its settings when it closed).
    """

    files_requested = Signal(list)
    """The desktop asked to open these files (a list of paths)."""

    def __init__(self, argv: Sequence[str]) -> None:
        super().__init__(list(argv))
        self.aboutToQuit.connect(gc.freeze)

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QFileOpenEvent) and event.file():
            self.files_requested.emit([event.file()])
            return True
        return super().event(event)


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The application object, named so settings, the desktop and the window manager know it.

    Its icon is set once the window has painted (`open_window`).
    """
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = ReadoutApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(readout_browser.__version__)
    QGuiApplication.setDesktopFileName(readout_browser.APP_ID)
    return app


def open_window(paths: Sequence[str]) -> MainWindow:
    """A shown window with `paths` open; with no path, what was open last time (the seed on a first start).

    The window goes on screen as a shell showing the readout that will be shown (the
    last file named), and builds the rest and opens the files once that has painted:
    what a person waits for is the text, not the panes around it. Files the desktop
    hands the running app later (`ReadoutApplication.files_requested`) open in this
    window too.
    """
    window = MainWindow(deferred=True)
    session = [] if paths else [p for p in window.settings.session() if Path(p).is_file()]
    shown = Path((list(paths) or session or [default_seed()])[-1])
    if shown.is_file():
        window.preview(shown)
    window.when_complete(lambda: _open_files(window, paths, session))
    # The icon in every size costs a window's first show more than the rest of its shell: it follows.
    window.when_complete(_set_icon)
    window.show()
    app = QApplication.instance()
    if isinstance(app, ReadoutApplication):
        app.files_requested.connect(window.receive_files)
    return window


def _set_icon() -> None:
    from readout_browser.ui.app_icon import app_icon

    QApplication.setWindowIcon(app_icon())


def _open_files(window: MainWindow, paths: Sequence[str], session: list[str]) -> None:
    """Open the files named, else what was open last time if it is still there (else the seed)."""
    if paths:
        window.open_paths(paths)
    elif not session or not window.open_paths(session, remember=False):
        window.open_paths([default_seed()], remember=False)


def run(paths: Sequence[str]) -> int:
    """Open the window and run until it closes; the exit status of the event loop.

    When the app is already running, the files go to its window instead and this launch ends.
    """
    from readout_browser.ui.single_instance import SingleInstance  # QtNetwork: only a real launch needs it

    instance = SingleInstance()
    if instance.try_forward(paths):
        return 0
    app = create_application()
    window = open_window(paths)
    receive = window.receive_files
    window.when_complete(lambda: instance.listen(receive))  # once the window is on screen, like the rest
    app.aboutToQuit.connect(instance.close)
    status = app.exec()
    del window
    return status
