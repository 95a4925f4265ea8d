"""Starting the desktop app: the QApplication, then one window with the files asked for (or the seed).

`run` is the whole launch; its steps are separate functions so other start-up
behaviour (handing files to a running instance, say) slots in between them.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from functools import partial

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

import readout_browser
from readout_browser.paths import default_seed
from readout_browser.ui.app_icon import app_icon
from readout_browser.ui.main_window import MainWindow
from readout_browser.ui.settings import APPLICATION, ORGANISATION
from readout_browser.ui.single_instance import SingleInstance, bring_to_front


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The application object, named so settings, the desktop and the window manager know it."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(readout_browser.__version__)
    QGuiApplication.setDesktopFileName(readout_browser.APP_ID)
    app.setWindowIcon(app_icon())
    return app


def open_window(paths: Sequence[str]) -> MainWindow:
    """A shown window with `paths` open, or the seed readout when no path is given."""
    window = MainWindow()
    if paths:
        window.open_paths(paths)
    else:
        window.open_paths([default_seed()], remember=False)
    window.show()
    return window


def _open_in(window: MainWindow, paths: list[str]) -> None:
    """Files from a later launch: opened in this window, which comes to the front."""
    window.open_paths(paths)
    bring_to_front(window)


def run(paths: Sequence[str]) -> int:
    """Open the window and run until it closes; the exit status of the event loop.

    When the app is already running, the files go to its window instead and this launch ends.
    """
    instance = SingleInstance()
    if instance.try_forward(paths):
        return 0
    app = create_application()
    window = open_window(paths)
    instance.listen(partial(_open_in, window))
    app.aboutToQuit.connect(instance.close)
    status = app.exec()
    del window
    return status
