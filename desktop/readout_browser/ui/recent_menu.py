"""File ▸ Open Recent: the files opened lately, rebuilt each time the menu opens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

from readout_browser.ui.settings import Settings


class RecentMenu(QMenu):
    """Lists `Settings.recent_files()`; choosing one asks the window to open it."""

    file_chosen = Signal(str)
    """The user picked this file from the menu."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__("Open &Recent", parent)
        self.setObjectName("recentMenu")
        self._settings = settings
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        """Fill the menu from the stored list (numbered 1–9, 0 for keyboard use)."""
        self.clear()
        files = self._settings.recent_files()
        if not files:
            self.addAction("No Recent Files").setEnabled(False)
            return
        for number, path in enumerate(files, start=1):
            key = f"&{number % 10} " if number <= 10 else ""
            name = Path(path).name.replace("&", "&&")
            action = self.addAction(f"{key}{name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setData(path)
            action.triggered.connect(lambda _checked=False, p=path: self.file_chosen.emit(p))
        self.addSeparator()
        self.addAction("&Clear Menu", self._clear)

    def _clear(self) -> None:
        self._settings.clear_recent_files()
        self.rebuild()
