"""The application icon for windows and dialogs: the same artwork the launcher installs."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from readout_browser import APP_ID
from readout_browser.paths import resource

_HICOLOR = "icons/hicolor"


def icon_sizes() -> list[int]:
    """The square sizes the icon ships in, read from the folder names of the icon theme ("48x48")."""
    sizes = []
    for png in resource(_HICOLOR).glob(f"*/apps/{APP_ID}.png"):
        width, _, height = png.parent.parent.name.partition("x")
        if width.isdigit() and width == height:
            sizes.append(int(width))
    return sorted(sizes)


def app_icon() -> QIcon:
    """The icon at every shipped size, so title bars, task bars and docks each get a crisp one."""
    icon = QIcon()
    for size in icon_sizes():
        icon.addFile(str(resource(f"{_HICOLOR}/{size}x{size}/apps/{APP_ID}.png")), QSize(size, size))
    return icon
