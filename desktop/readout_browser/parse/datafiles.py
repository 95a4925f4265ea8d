"""The one loader of the data files the parser reads (`resources/*.toml`).

A user teaches the parser by editing a copy of a data file (a new office, a speech verb, a
currency spelling); the next readout opened must use the edit, in a window that has been open
all day as in a fresh command. So every file is read through here: it is read and compiled
once, kept while it stays as it is on disk, and read again when `refresh` (called before each
parse) sees that it changed or that the user's copy appeared or went away. A file that is not
valid TOML is refused with a `DataFileError` naming the file, the line and the column.

`fingerprint` tells which version of every data file a parse used, so that a parsed readout kept
in the cache is never served after the data it was made with has changed.
"""

from __future__ import annotations

import os
import stat
import threading
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from readout_browser.errors import ReadoutError
from readout_browser.parse.phrases import PhraseError
from readout_browser.paths import resource, resource_folders

T = TypeVar("T")

Version = tuple[str, int, int]
"""A data file as it is on disk: its path, size and time of last change."""


class DataFileError(ReadoutError):
    """A data file that cannot be used: missing, unreadable or not valid TOML."""


@dataclass
class _Loaded:
    version: Version
    table: dict[str, Any]
    built: dict[Callable[[dict[str, Any]], Any], Any] = field(default_factory=dict)


_loaded: dict[str, _Loaded] = {}
_lock = threading.RLock()


def _current(name: str, folders: tuple[str, ...]) -> Version | None:
    """The version of data file `name` that `resource` would give now: the first folder's that is a
    file. (Plain `os` calls: this runs before every parse, for every file read so far.)"""
    for folder in folders:
        path = os.path.join(folder, name)
        try:
            info = os.stat(path)
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode):
            return (path, info.st_size, info.st_mtime_ns)
    return None


def _folders() -> tuple[str, ...]:
    return tuple(str(f) for f in resource_folders())


def _read(name: str) -> _Loaded:
    path = resource(name)
    try:
        with path.open("rb") as f:
            info = os.fstat(f.fileno())
            raw = f.read()
    except OSError as e:
        raise DataFileError(path, f"the data file cannot be read ({e.strerror or e})") from None
    try:
        table = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as e:
        raise DataFileError(path, f"the data file is not UTF-8 text (byte {e.start})") from None
    except tomllib.TOMLDecodeError as e:
        # tomllib words its errors "... (at line 3, column 5)": the place is part of the message.
        raise DataFileError(path, f"the data file is not valid TOML: {e}") from None
    return _Loaded((str(path), info.st_size, info.st_mtime_ns), table)


def _entry(name: str) -> _Loaded:
    entry = _loaded.get(name)
    if entry is None:
        with _lock:
            entry = _loaded.get(name)
            if entry is None:
                entry = _loaded[name] = _read(name)
    return entry


def table(name: str) -> dict[str, Any]:
    """The contents of data file `name` (the user's copy if there is one)."""
    return _entry(name).table


def compiled(name: str, build: Callable[[dict[str, Any]], T]) -> T:
    """What `build` makes of data file `name`, made once per version of the file."""
    entry = _entry(name)
    found = entry.built.get(build)
    if found is None:
        with _lock:
            found = entry.built.get(build)
            if found is None:
                found = entry.built[build] = _build(entry, build)
    return found  # type: ignore[no-any-return]


def _build(entry: _Loaded, build: Callable[[dict[str, Any]], T]) -> T:
    """What `build` makes of a file, with any fault of the file's reported as the file's."""
    path = entry.version[0]
    try:
        return build(entry.table)
    except DataFileError:
        raise
    except PhraseError as e:
        raise DataFileError(path, str(e)) from None
    except (TypeError, ValueError, KeyError, AttributeError, IndexError) as e:
        # A value of the wrong kind in an edited file (a word where a list belongs, say).
        raise DataFileError(path, f"the data file holds something Readout Browser cannot use ({e})") from None


def refresh() -> None:
    """Forget every data file that changed on disk since it was read, so its next use reads it again."""
    folders = _folders()
    with _lock:
        for name, entry in list(_loaded.items()):
            if _current(name, folders) != entry.version:
                del _loaded[name]


def fingerprint() -> str:
    """Every data file as the parser has it: the version read, or for one not read yet, the one on disk."""
    names: set[str] = set(_loaded)
    folders = _folders()
    for folder in folders:
        try:
            with os.scandir(folder) as found:
                names.update(e.name for e in found if e.name.endswith(".toml"))
        except OSError:
            continue
    lines = []
    for name in sorted(names):
        entry = _loaded.get(name)
        version = entry.version if entry is not None else _current(name, folders)
        lines.append(f"{name}\0{version}")
    return "\n".join(lines)
