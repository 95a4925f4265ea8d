"""The smallest PySide6 program with the same kinds of widgets as the browsing window, all empty.

    .venv/bin/python bench/minimal_window.py

A main window with a menu bar, a status bar, a central text view under a header, and
four docks (two lists and two trees): the floor a Qt app of that shape cannot start
below. Stops at first paint, like `app_first_paint.py`; used by `bench_startup.py`.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QDockWidget,
    QLabel,
    QListView,
    QMainWindow,
    QTextEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from first_paint import quit_after_first_paint  # noqa: E402


def build() -> QMainWindow:
    window = QMainWindow()
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.addWidget(QLabel("Title"))
    layout.addWidget(QTextEdit(), 1)
    window.setCentralWidget(central)
    for title, view, area in (
        ("Readouts", QListView(), Qt.DockWidgetArea.LeftDockWidgetArea),
        ("Topics", QTreeView(), Qt.DockWidgetArea.LeftDockWidgetArea),
        ("Quotes", QListView(), Qt.DockWidgetArea.RightDockWidgetArea),
        ("Pledges", QTreeView(), Qt.DockWidgetArea.BottomDockWidgetArea),
    ):
        dock = QDockWidget(title, window)
        dock.setObjectName(title)
        dock.setWidget(view)
        window.addDockWidget(area, dock)
    for menu in ("&File", "&Edit", "&View", "&Help"):
        window.menuBar().addMenu(menu).addAction("Item")
    window.statusBar().showMessage("Ready")
    window.resize(1280, 800)
    return window


def main() -> int:
    app = QApplication([])
    window = build()
    window.show()
    quit_after_first_paint(app, window, STARTED)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
