"""Message boxes that show a readout's file name and the reason as plain text, never as markup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    """A modal error box; `text` shows exactly as given (a file name may hold "<" or "&")."""
    from PySide6.QtWidgets import QMessageBox  # its class is made when first needed, not at start-up

    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
