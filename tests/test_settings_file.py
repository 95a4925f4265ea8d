"""What the window remembers is written to the settings file only when it changed."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QApplication

from readout_browser.ui.settings import APPLICATION, ORGANISATION, Settings


def settings_file() -> Path:
    return Path(QSettings(ORGANISATION, APPLICATION).fileName())


def test_an_unchanged_layout_leaves_the_settings_file_alone_and_a_changed_one_is_written(
    qapp: QApplication,
) -> None:
    settings = Settings()
    settings.set_geometry(QByteArray(b"geometry"))
    settings.set_window_state(QByteArray(b"docks"))
    settings.sync()
    path = settings_file()
    os.utime(path, ns=(0, 0))
    settings.set_geometry(QByteArray(b"geometry"))
    settings.set_window_state(QByteArray(b"docks"))
    settings.sync()
    assert path.stat().st_mtime_ns == 0
    settings.set_window_state(QByteArray(b"docks moved"))
    settings.sync()
    assert path.stat().st_mtime_ns != 0
    assert Settings().window_state() == QByteArray(b"docks moved")
