"""Files the desktop asks the running app to open: on macOS the Finder sends a FileOpen event."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from readout_browser.ui.app import ReadoutApplication
from readout_browser.ui.main_window import MainWindow

CALL = (
    "The Prime Minister spoke with the President of France today about support for Ukraine.\n\n"
    "They agreed to stay in close contact in the coming weeks.\n"
)


@pytest.fixture
def window(app_window: MainWindow) -> MainWindow:
    """The window as the app opens it, showing the seed."""
    return app_window


def test_the_app_is_the_readout_application(qapp: QApplication) -> None:
    assert isinstance(qapp, ReadoutApplication)


def test_a_file_opened_from_the_desktop_while_the_app_runs_opens_in_the_window_which_comes_forward(
    qtbot: QtBot, qapp: QApplication, window: MainWindow, message_boxes: list[tuple[str, str]], tmp_path: Path
) -> None:
    call = tmp_path / "call.txt"
    call.write_text(CALL, encoding="utf-8")
    window.showMinimized()
    QApplication.postEvent(qapp, QFileOpenEvent(str(call)))
    qtbot.waitUntil(lambda: window.views.readouts.model().rowCount() == 2)
    readout = window.current_readout()
    assert readout is not None and Path(readout.source.path or "").name == "call.txt"
    assert "President of France" in window.views.source.toPlainText()
    assert not window.windowState() & Qt.WindowState.WindowMinimized
    assert window.isVisible()
    assert message_boxes == []
    assert [Path(f).name for f in window.settings.recent_files()] == ["call.txt"]


def test_a_file_url_from_the_desktop_opens_too(
    qtbot: QtBot, qapp: QApplication, window: MainWindow, tmp_path: Path
) -> None:
    call = tmp_path / "by url.txt"
    call.write_text(CALL, encoding="utf-8")
    QApplication.postEvent(qapp, QFileOpenEvent(QUrl.fromLocalFile(str(call))))
    qtbot.waitUntil(lambda: window.views.readouts.model().rowCount() == 2)
    readout = window.current_readout()
    assert readout is not None and Path(readout.source.path or "").name == "by url.txt"


def test_a_file_from_the_desktop_that_cannot_be_read_gets_a_message_and_the_seed_stays(
    qtbot: QtBot, qapp: QApplication, window: MainWindow, message_boxes: list[tuple[str, str]], tmp_path: Path
) -> None:
    seed = window.current_readout()
    missing = tmp_path / "moved away.txt"
    QApplication.postEvent(qapp, QFileOpenEvent(str(missing)))
    qtbot.waitUntil(lambda: len(message_boxes) == 1)
    assert "moved away.txt" in message_boxes[0][1]
    assert window.current_readout() == seed
    assert window.views.readouts.model().rowCount() == 1
