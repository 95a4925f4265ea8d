"""Quit a Qt program right after its main window first paints, and say what it had imported by then.

Imported by the two start-up drivers (`app_first_paint.py`, `minimal_window.py`) so both
stop at the same moment: the first paint of the window, once its pass of painting has
finished. Prints one JSON line: seconds from interpreter start to that paint, the slow
libraries already imported, and whatever else the driver measured.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

WATCHED = ("trafilatura", "currency_converter", "charset_normalizer", "babel", "lxml")
"""Libraries that should not load before the window is on screen."""


class _QuitOnFirstPaint(QObject):
    def __init__(self, app: QApplication, started: float, extra: Callable[[], dict[str, Any]]) -> None:
        super().__init__(app)
        self._app = app
        self._started = started
        self._extra = extra
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            QTimer.singleShot(0, self._finish)  # after the rest of this paint pass
        return False

    def _finish(self) -> None:
        elapsed = time.perf_counter() - self._started
        loaded = sorted({m.split(".")[0] for m in sys.modules} & set(WATCHED))
        print(json.dumps({"first_paint_s": elapsed, "slow_imports": loaded, **self._extra()}))
        sys.stdout.flush()
        self._app.quit()


def quit_after_first_paint(
    app: QApplication, window: QWidget, started: float, extra: Callable[[], dict[str, Any]] = dict
) -> None:
    """Arrange for `app` to print its figures (and `extra()`'s) and quit once `window` has painted."""
    window.installEventFilter(_QuitOnFirstPaint(app, started, extra))
