"""Importing from the window: the work in a thread (and its worker processes), progress in a dialog.

The thread opens a connection of its own to the library and runs `import_paths`; the
window keeps reading the library meanwhile (WAL). The dialog shows how many, how fast
and how long is left, and Cancel stops the import after the readouts in flight (what
was stored stays). Files that could not be read are listed once, at the end.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from readout_browser.library.importer import Progress, import_paths, reparse_stale
from readout_browser.library.records import ImportReport
from readout_browser.library.sqlite_store import SqliteStore


class ImportThread(QThread):
    """Runs one import; `progressed` and `done` are delivered in the GUI thread."""

    progressed = Signal(object)  # Progress
    done = Signal(object)  # ImportReport, or an Exception when the import could not run

    def __init__(self, location: str, paths: Sequence[str | Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.location = location
        self.paths = list(paths)
        self.cancel = threading.Event()

    def run(self) -> None:
        try:
            store = SqliteStore(self.location)
            try:
                report = import_paths(store, self.paths, progress=self.progressed.emit, cancel=self.cancel)
            finally:
                store.close()
        except Exception as e:  # a full disk, a locked file: shown to the user, never a crash
            self.done.emit(e)
            return
        self.done.emit(report)


class ReparseThread(QThread):
    """Parses again, in the background, the readouts an older parser made."""

    done = Signal(int)

    def __init__(self, location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.location = location
        self.cancel = threading.Event()

    def run(self) -> None:
        try:
            store = SqliteStore(self.location)
            try:
                redone = reparse_stale(store, cancel=self.cancel)
            finally:
                store.close()
        except Exception:  # the old parses stay usable; the next launch tries again
            redone = 0
        self.done.emit(redone)


class ImportDialog(QProgressDialog):
    """Progress of an import: count, rate, time left, and Cancel."""

    def __init__(self, thread: ImportThread, parent: QWidget | None = None) -> None:
        super().__init__("Counting readouts…", "Cancel", 0, 0, parent)
        self.setObjectName("importDialog")
        self.setWindowTitle("Import Readouts")
        self.setMinimumDuration(300)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.thread = thread
        self.canceled.connect(thread.cancel.set)
        thread.progressed.connect(self.show_progress)

    def show_progress(self, p: Progress) -> None:
        self.setMaximum(max(p.total, 1))
        self.setValue(min(p.done, p.total))
        left = "" if p.remaining is None else f", about {_duration(p.remaining)} left"
        self.setLabelText(
            f"{p.done:,} of {p.total:,} readouts ({p.rate:.0f}/s{left})\n"
            f"{p.added:,} added, {p.duplicates:,} already in the library, {p.problems:,} could not be read"
        )


def report_box(parent: QWidget, outcome: ImportReport | Exception) -> QMessageBox:
    """The one message at the end of an import, with the unreadable files listed in its details."""
    box = QMessageBox(parent)
    box.setWindowTitle("Import Finished")
    if isinstance(outcome, Exception):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(f"The import could not run: {outcome}")
        return box
    box.setIcon(QMessageBox.Icon.Warning if outcome.problems else QMessageBox.Icon.Information)
    box.setText(outcome.summary().capitalize() + ".")
    if outcome.problems:
        box.setInformativeText("The files that could not be read are listed under Show Details.")
        box.setDetailedText("\n".join(f"{p.where}: {p.reason}" for p in outcome.problems))
    return box


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"
