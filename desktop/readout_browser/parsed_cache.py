"""Parsed readouts kept on disk, so a readout opened before opens again at once.

People reopen the same readouts all day, and a library holds thousands of them; parsing
each again on every start wastes their time. A parsed readout is stored as `readout/1`
JSON in the user's cache folder under a key made of the file's bytes and everything the
parse depends on: this version of the parser's code and the resource files it reads
(shipped or edited by the user). Change any of those and the readout is parsed afresh.

Beside the entries, a note per file remembers which entry holds the file as it was
last opened: its size and time of change, and those of the parser's files and the
resources. Opening a file that has not changed since reads the note and the entry, and
neither reads nor hashes the file (hashing needs OpenSSL, slow to load at start-up).
The cache is only ever a shortcut: a missing, stale or damaged entry or note means a
new parse, and a cache folder that cannot be written to is no error.
"""

from __future__ import annotations

import dataclasses
import json
import os
import zlib
from functools import cache
from pathlib import Path

from readout_browser import jsonform
from readout_browser.errors import ReadoutError
from readout_browser.model import Readout
from readout_browser.paths import resource, user_config_dir

_PARSER_DIR = Path(__file__).resolve().parent / "parse"
_MAX_BYTES = 5 * 1024 * 1024
_NOTES = "by-file"
"""The sub-folder of the cache that holds the notes."""


def cache_dir() -> Path:
    """The folder of parsed readouts, under the user's cache folder."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "readout-browser" / "parsed"


def _files_state(folder: Path, suffix: str) -> list[str]:
    """A line per file of `folder` ending in `suffix`: its name, size and time of last change."""
    try:
        with os.scandir(folder) as entries:
            stats = [(e.name, e.stat()) for e in entries if e.name.endswith(suffix) and e.is_file()]
    except OSError:
        return []
    return [f"{name}\0{info.st_size}\0{info.st_mtime_ns}" for name, info in sorted(stats)]


@cache
def _parser_state() -> str:
    """The parser's code and the shipped resources it reads, as they are on disk.

    Each file counts by its name, size and time of last change, as Python itself tells
    stale bytecode: an installed or edited file changes them. Reading every file instead
    would cost a repeat start more than the rest of opening a cached readout.
    """
    shipped = resource("countries.toml").parent
    return "\n".join(_files_state(_PARSER_DIR, ".py") + _files_state(shipped, ".toml"))


def _overrides_state() -> str:
    """The resource files the user has edited, as they are on disk."""
    return "\n".join(_files_state(user_config_dir(), ".toml"))


def _key(content: bytes) -> str:
    """The cache key of a file: its bytes, the parser, and the user's edited resources."""
    import hashlib  # only when a file's bytes must be hashed: OpenSSL is slow to load

    digest = hashlib.sha256(_parser_state().encode())
    overrides = user_config_dir()
    if overrides.is_dir():
        for data in sorted(overrides.glob("*.toml")):
            digest.update(data.name.encode())
            digest.update(data.read_bytes())
    digest.update(content)
    return digest.hexdigest()


def _parse(path: Path) -> Readout:
    from readout_browser.parse.pipeline import parse_file  # only on a miss: the parser is slow to import

    return parse_file(path)


def open_readout(path: str | Path) -> Readout:
    """The readout in a file, from the cache when this exact file was parsed before.

    Raises `ReadoutError` (naming the file and the reason) like the parser does.
    """
    path = Path(path)
    try:
        info = path.stat()
    except OSError:
        return _parse(path)  # the parser words the refusal (missing, no permission)
    if path.suffix.lower() == ".json" or info.st_size > _MAX_BYTES:
        return _parse(path)  # readout JSON is loaded as it is; oversized files get the parser's refusal
    stamp = _stamp(path, info)
    remembered = _recall(path, stamp)
    readout = _load(remembered, path) if remembered is not None else None
    if readout is not None:
        return readout
    try:
        content = path.read_bytes()
    except OSError:
        return _parse(path)  # a directory, say: the parser words the refusal
    entry = cache_dir() / f"{_key(content)}.json"
    readout = _load(entry, path)
    if readout is None:
        readout = _parse(path)
        _store(entry, readout)
    if _unchanged(path, stamp):  # a file that changed while it was read gets no note
        _write(_note(path), json.dumps({"file": stamp, "entry": entry.name}))
    return readout


def _load(entry: Path, path: Path) -> Readout | None:
    """The readout in a cache entry, as read from `path`; None when the entry is missing or damaged."""
    try:
        readout = jsonform.from_dict(json.loads(entry.read_text(encoding="utf-8")), str(entry))
    except (OSError, ValueError, ReadoutError):
        return None
    return dataclasses.replace(readout, source=dataclasses.replace(readout.source, path=str(path)))


def _stamp(path: Path, info: os.stat_result) -> str:
    """A file as it is now, with the parser and resources it would be parsed with."""
    file = f"{os.path.abspath(path)}\0{info.st_size}\0{info.st_mtime_ns}"
    return "\n\n".join((file, _parser_state(), _overrides_state()))


def _unchanged(path: Path, stamp: str) -> bool:
    try:
        return _stamp(path, path.stat()) == stamp
    except OSError:
        return False


def _note(path: Path) -> Path:
    """Where the note on a file is kept (files whose paths share a checksum share it)."""
    return cache_dir() / _NOTES / f"{zlib.crc32(os.fsencode(os.path.abspath(path))):08x}.json"


def _recall(path: Path, stamp: str) -> Path | None:
    """The entry the note on `path` names, if the note was written for the file as it is now."""
    try:
        note = json.loads(_note(path).read_text(encoding="utf-8"))
        name = note["entry"]
        if note["file"] != stamp or not isinstance(name, str) or Path(name).name != name:
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return cache_dir() / name


def _store(entry: Path, readout: Readout) -> None:
    """Write an entry; a cache that cannot be written is skipped silently."""
    _write(entry, jsonform.dumps(readout, indent=None))


def _write(target: Path, text: str) -> None:
    """Write a cache file atomically; one that cannot be written is skipped silently."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(f".{os.getpid()}.part")
        partial.write_text(text, encoding="utf-8")
        partial.replace(target)
    except OSError:
        return
