"""A user's whole collection of readouts, in a database the window and the command line query.

`open_library` opens (or starts) one; the rest of the app talks to the `LibraryStore`
interface it returns, so a different store (a team's shared server) can stand in for
the SQLite file. The parsing core knows nothing of this package, and importing the
package loads no database: the worker processes that parse an import never need one.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from readout_browser.library.sqlite_store import SqliteStore

LIBRARY_FILE = "library.sqlite3"
LIBRARY_ENV = "READOUT_BROWSER_LIBRARY"
"""Names another library than the user's own (`readout-browser --library PATH` sets it for the window)."""


def default_library_path() -> Path:
    """The library READOUT_BROWSER_LIBRARY names, else the one in the user's data folder (AppDataLocation)."""
    if os.environ.get(LIBRARY_ENV):
        return Path(os.environ[LIBRARY_ENV]).expanduser()
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    from readout_browser.ui.settings import APPLICATION, ORGANISATION

    if QCoreApplication.instance() is None:  # the command line: name the app as the window does
        QCoreApplication.setOrganizationName(ORGANISATION)
        QCoreApplication.setApplicationName(APPLICATION)
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder) / LIBRARY_FILE


def open_library(path: str | Path | None = None) -> SqliteStore:
    """The library at `path` (the user's own when None), made if missing; see `SqliteStore`."""
    from readout_browser.library.sqlite_store import SqliteStore

    return SqliteStore(default_library_path() if path is None else path)


def __getattr__(name: str) -> Any:
    """`LibraryError` and `SqliteStore`, loaded (with sqlite3) on first use."""
    if name in ("LibraryError", "SqliteStore"):
        from readout_browser.library import sqlite_store

        return getattr(sqlite_store, name)
    raise AttributeError(name)


__all__ = [
    "LIBRARY_ENV",
    "LIBRARY_FILE",
    "LibraryError",
    "SqliteStore",
    "default_library_path",
    "open_library",
]
