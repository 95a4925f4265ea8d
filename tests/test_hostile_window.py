"""Given a file that takes long to parse, or one that is no file at all, the window stays live."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from readout_browser.ui.parse_worker import SHOW_AFTER_MS, run_in_background


def _busy_dialog() -> QProgressDialog | None:
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()), None
    )


def test_a_slow_parse_runs_off_the_gui_thread_and_its_result_comes_back(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    threads: list[threading.Thread] = []

    def slow() -> str:
        threads.append(threading.current_thread())
        time.sleep(0.5)
        return "the readout"

    assert run_in_background(parent, "Reading slow.txt…", slow) == "the readout"
    timer.stop()
    assert threads[0] is not threading.main_thread()
    assert len(ticks) >= 10  # the event loop kept turning while the parse ran


def test_cancel_gives_the_window_back_before_the_parse_ends(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    release = threading.Event()
    seen: list[QProgressDialog | None] = []

    def press_cancel() -> None:
        dialog = _busy_dialog()
        seen.append(dialog)
        button = dialog.findChild(QPushButton) if dialog is not None else None
        if button is not None:
            button.click()

    QTimer.singleShot(SHOW_AFTER_MS + 400, press_cancel)
    started = time.monotonic()
    assert run_in_background(parent, "Reading endless.txt…", lambda: release.wait(30)) is None
    assert time.monotonic() - started < 10
    assert seen and seen[0] is not None and seen[0].labelText() == "Reading endless.txt…"
    release.set()


def test_a_refusal_raised_on_the_parse_thread_reaches_the_caller(qtbot: QtBot) -> None:
    from readout_browser.errors import ReadoutError

    def refuse() -> None:
        raise ReadoutError("x.txt", "the file is empty")

    with pytest.raises(ReadoutError, match="empty"):
        run_in_background(None, "Reading x.txt…", refuse)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_fifo_opened_in_the_window_is_refused_without_hanging(
    qtbot: QtBot, tmp_path: Path, message_boxes: list[tuple[str, str]]
) -> None:
    from readout_browser.ui.main_window import MainWindow

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    started = time.monotonic()
    assert window.open_paths([fifo], remember=False) == []
    assert time.monotonic() - started < 10
    assert any("not a regular file" in text for _, text in message_boxes)
