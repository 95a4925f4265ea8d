"""Reading a readout off the GUI thread, with a busy indicator and Cancel.

A hostile or merely huge file can take seconds to parse; parsed on the GUI thread it
freezes the window, which then cannot even be closed. The parse runs on a worker thread
instead (one at a time, since the parser's word lists are loaded lazily and shared) while
the window keeps painting; after a moment a busy dialog appears whose Cancel gives the
window back at once. A cancelled parse runs on to its end in the background and its result
is dropped: Python cannot stop a thread, and a parse holds nothing that needs undoing.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")

SHOW_AFTER_MS = 400
"""A parse quicker than this shows no dialog at all."""
_POLL_MS = 25

_pool: ThreadPoolExecutor | None = None


def _worker() -> ThreadPoolExecutor:
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="readout-parse")
    return _pool


def run_in_background(parent: QWidget | None, label: str, work: Callable[[], T]) -> T | None:
    """The result of `work`, run on the parse thread while the event loop turns; None if cancelled.

    An exception raised by `work` is raised here, on the GUI thread.
    """
    future: Future[T] = _worker().submit(work)
    dialog = QProgressDialog(label, "Cancel", 0, 0, parent)  # no range: a busy indicator
    dialog.setWindowTitle("Reading")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.hide()  # until the parse has taken a moment (a busy dialog gets no value to show it)
    QTimer.singleShot(SHOW_AFTER_MS, dialog, lambda: dialog.show() if not future.done() else None)
    loop = QEventLoop()
    cancelled: list[bool] = []
    dialog.canceled.connect(lambda: (cancelled.append(True), loop.quit()))
    poll = QTimer()
    poll.setInterval(_POLL_MS)
    poll.timeout.connect(lambda: loop.quit() if future.done() or dialog.wasCanceled() else None)
    poll.start()
    try:
        if not future.done():
            loop.exec()
    finally:
        poll.stop()
        dialog.canceled.disconnect()
        if dialog.wasCanceled():
            cancelled.append(True)
        dialog.close()
        dialog.deleteLater()
    if cancelled or not future.done():
        future.cancel()  # one still waiting its turn behind another parse never starts
        return None
    return future.result()
