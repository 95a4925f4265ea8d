"""Shared test set-up: Qt runs headless, and no test touches the user's real settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Must be set before any Qt module creates the application. The offscreen platform's own
# screen is 800x800; a desktop-sized one lets windows keep the sizes users give them.
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    screen = Path(__file__).with_name("offscreen-screen.json")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"


@pytest.fixture(scope="session")
def qapp_cls() -> type:
    """Tests run under the app's own application class, which hands on files the desktop opens."""
    from readout_browser.ui.app import ReadoutApplication

    return ReadoutApplication


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets its own config and data folders, so settings never leak in or out."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    from readout_browser.parse import datafiles

    datafiles.refresh()  # data files a test before this one copied into its own config folder are gone


@pytest.fixture(autouse=True)
def _private_qsettings(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests that start Qt get a QSettings folder of their own.

    Qt reads the settings folder once per process, so the XDG variables above are not
    enough once the first Qt test has run; `QSettings.setPath` moves it for real.
    """
    if not {"qtbot", "qapp", "qtmodeltester"} & set(request.fixturenames):
        return
    from PySide6.QtCore import QSettings

    folder = str(tmp_path_factory.mktemp("qsettings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Modal message boxes record (title, text) here instead of waiting for a click."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def record_exec(box: QMessageBox) -> int:
        shown.append((box.windowTitle(), box.text()))
        return QMessageBox.StandardButton.Ok.value

    def record_static(_parent: object, title: str, text: str, *_args: object, **_kwargs: object) -> object:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", record_exec)
    for name in ("critical", "warning", "information", "question", "about"):
        monkeypatch.setattr(QMessageBox, name, record_static)
    return shown


@pytest.fixture
def app_window(qtbot, message_boxes: list[tuple[str, str]]):
    """The window as the app opens it with no file named: showing the seed."""
    from readout_browser.ui.app import open_window

    win = open_window([])
    qtbot.addWidget(win)
    qtbot.waitExposed(win)
    qtbot.waitUntil(win.is_complete)  # its panes are built once it has painted
    yield win
    win.close()


@pytest.fixture
def seed_window_at(qtbot, message_boxes: list[tuple[str, str]]):
    """Builds a window with the seed open, shown at the size given (width, height); closed after the test."""
    from readout_browser.paths import default_seed
    from readout_browser.ui.main_window import MainWindow

    built = []

    def build(width: int, height: int):
        win = MainWindow()
        qtbot.addWidget(win)
        win.resize(width, height)
        win.open_paths([default_seed()], remember=False)
        win.show()
        qtbot.waitExposed(win)
        built.append(win)
        return win

    yield build
    for win in built:
        win.close()


@pytest.fixture
def active_seed_window(qtbot, seed_window_at):
    """The window with the seed open, shown at a common laptop size and active (keys reach it)."""
    from PySide6.QtWidgets import QApplication

    win = seed_window_at(1280, 800)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win
