"""The window's icon: the artwork the launcher installs, at every size it ships in."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from readout_browser.desktop_integration import ICON_SIZES
from readout_browser.ui.app_icon import app_icon, icon_sizes


def test_the_window_icon_comes_in_every_size_the_launcher_installs(qapp: QApplication) -> None:
    assert icon_sizes() == sorted(ICON_SIZES)
    icon = app_icon()
    assert sorted(size.width() for size in icon.availableSizes()) == sorted(ICON_SIZES)
    assert not icon.pixmap(QSize(48, 48)).isNull()
