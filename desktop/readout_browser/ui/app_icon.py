"""The application icon for windows and dialogs: the same artwork the launcher installs."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from readout_browser import APP_ID
from readout_browser.desktop_integration import ICON_SIZES
from readout_browser.paths import resource


def app_icon() -> QIcon:
    """The icon at every shipped size, so title bars, task bars and docks each get a crisp one."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource(f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png")), QSize(size, size))
    return icon
