"""The library's part of the window: the Library dock (readouts, search, people, pledge tracker), import."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from readout_browser.ui.library.controller import LibraryController


def install(window: QMainWindow) -> LibraryController:
    """Add the library to a main window that has built its menus; the controller it made."""
    from readout_browser.ui.library.controller import LibraryController

    controller = LibraryController(window)
    controller.add_to_menus(window.file_menu, window.edit_menu, window.view_menu)
    return controller
