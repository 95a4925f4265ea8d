"""What the window remembers between runs: its geometry and layout, the currency, recent files
and the folder exports went to.

Stored with QSettings under the organisation and application "Readout Browser", in
the platform's usual place (an INI file under ~/.config on Linux).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "Readout Browser"
APPLICATION = "Readout Browser"
DEFAULT_CURRENCY = "EUR"
MAX_RECENT = 10
ZOOM_LIMIT = 8
"""The most points the text grows or shrinks by from the desktop's size."""
LAYOUT_VERSION = 1
"""Bump when docks are added or renamed, so an old saved layout is not applied to a new window."""


class Settings:
    """Typed access to the stored preferences; every getter has a sensible default."""

    def __init__(self) -> None:
        self._store = QSettings(ORGANISATION, APPLICATION)

    def sync(self) -> None:
        """Write pending changes to disk now."""
        self._store.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def geometry(self) -> QByteArray | None:
        """The main window's saved geometry, if any."""
        return self._bytes("window/geometry")

    def set_geometry(self, data: QByteArray) -> None:
        self._set_bytes("window/geometry", data)

    def window_state(self) -> QByteArray | None:
        """The saved arrangement of docks and toolbars, if any."""
        return self._bytes("window/state")

    def set_window_state(self, data: QByteArray) -> None:
        self._set_bytes("window/state", data)

    def _set_bytes(self, key: str, data: QByteArray) -> None:
        """Store `data` unless it is there already.

        The window saves its layout on every close; an unchanged layout need not rewrite the file.
        """
        if self._bytes(key) != data:
            self._store.setValue(key, data)

    def currency(self) -> str:
        """The currency pledges are converted into (EUR until the user picks another)."""
        value = self._store.value("pledges/currency", DEFAULT_CURRENCY)
        return value if isinstance(value, str) and len(value) == 3 and value.isalpha() else DEFAULT_CURRENCY

    def set_currency(self, currency: str) -> None:
        self._store.setValue("pledges/currency", currency)

    def export_folder(self) -> str | None:
        """The folder the user last exported into, if any."""
        value = self._store.value("files/exportFolder")
        return value if isinstance(value, str) and value else None

    def set_export_folder(self, folder: str | Path) -> None:
        self._store.setValue("files/exportFolder", str(folder))

    def recent_files(self) -> list[str]:
        """Files opened lately, the latest first."""
        value = self._store.value("files/recent", [])
        if isinstance(value, str):  # a one-item list reads back as a plain string
            value = [value]
        if not isinstance(value, list):
            return []
        return [v for v in value if isinstance(v, str) and v][:MAX_RECENT]

    def add_recent_file(self, path: str | Path) -> None:
        """Put a file at the top of the recent files (once)."""
        full = str(Path(path).resolve())
        files = [full, *(f for f in self.recent_files() if f != full)]
        self._store.setValue("files/recent", files[:MAX_RECENT])

    def remove_recent_file(self, path: str | Path) -> None:
        """Take a file off the recent files (one that is no longer there, say)."""
        gone = {str(path), str(Path(path).resolve())}
        self._store.setValue("files/recent", [f for f in self.recent_files() if f not in gone])

    def session(self) -> list[str]:
        """The files open when the window last closed, in list order."""
        value = self._store.value("files/session", [])
        if isinstance(value, str):
            value = [value]
        return [v for v in value if isinstance(v, str) and v] if isinstance(value, list) else []

    def set_session(self, files: list[str]) -> None:
        self._store.setValue("files/session", files)

    def zoom(self) -> int:
        """Steps of one point the panes' text is zoomed in by (negative: out)."""
        value = self._store.value("view/zoom", 0)
        try:
            return max(-ZOOM_LIMIT, min(ZOOM_LIMIT, int(value)))
        except (TypeError, ValueError):
            return 0

    def set_zoom(self, steps: int) -> None:
        self._store.setValue("view/zoom", steps)

    def clear_recent_files(self) -> None:
        self._store.setValue("files/recent", [])
