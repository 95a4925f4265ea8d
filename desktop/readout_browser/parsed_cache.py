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
new parse, and a cache folder that cannot be written to is no error. Nor is it trusted:
each entry carries the checksum of the file it was parsed from (and the note the same),
so an entry that does not hold this file's readout is parsed afresh and replaced; and
since readouts can be confidential, its folders are the user's alone (0700, files 0600).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import stat
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
_CHECKSUM = "cache_sha256"
"""The field of an entry (and a note) that holds the checksum of the file's bytes it was parsed from."""
_PRIVATE_FOLDER, _PRIVATE_FILE = 0o700, 0o600


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


def _key(content: bytes, data: str) -> str:
    """The cache key of a file: its bytes, the parser, the version of every data file the parse
    uses (`data`, from `datafiles.fingerprint`) and the bytes of the user's edited ones."""
    import hashlib  # only when a file's bytes must be hashed: OpenSSL is slow to load

    digest = hashlib.sha256(_parser_state().encode())
    digest.update(data.encode())
    overrides = user_config_dir()
    if overrides.is_dir():
        for edited in sorted(overrides.glob("*.toml")):
            digest.update(edited.name.encode())
            digest.update(edited.read_bytes())
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
    if path.suffix.lower() == ".json" or info.st_size > _MAX_BYTES or not stat.S_ISREG(info.st_mode):
        # Readout JSON is loaded as it is; oversized files, folders, pipes and devices get the
        # parser's refusal (which never waits on a pipe).
        return _parse(path)
    stamp = _stamp(path, info)
    remembered = _recall(path, stamp)
    readout = _load(remembered[0], path, remembered[1]) if remembered is not None else None
    if readout is not None:
        return readout
    content = _content(path)
    if content is None:
        return _parse(path)  # the parser words the refusal
    import hashlib  # only when a file's bytes must be hashed: OpenSSL is slow to load

    checksum = hashlib.sha256(content).hexdigest()
    from readout_browser.parse import datafiles  # small: no data file is read here

    datafiles.refresh()
    entry = cache_dir() / f"{_key(content, datafiles.fingerprint())}.json"
    readout = _load(entry, path, checksum)
    if readout is None:
        readout = _parse(path)
        # Stored under the data the parse used, which a file edited meanwhile may have changed.
        entry = cache_dir() / f"{_key(content, datafiles.fingerprint())}.json"
        _store(entry, readout, checksum)
    if _unchanged(path, stamp):  # a file that changed while it was read gets no note
        _write(_note(path), json.dumps({"file": stamp, "entry": entry.name, _CHECKSUM: checksum}))
    return readout


def _content(path: Path) -> bytes | None:
    """The bytes of a regular file of at most the cap, read without waiting; None when not one."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with os.fdopen(os.dup(fd), "rb") as f:
            data = f.read(_MAX_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return data if len(data) <= _MAX_BYTES else None


def _load(entry: Path, path: Path, checksum: str) -> Readout | None:
    """The readout in a cache entry, as read from `path`; None when the entry is missing, damaged
    or was not parsed from a file with these bytes (`checksum`)."""
    try:
        data = json.loads(entry.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get(_CHECKSUM) != checksum:
            return None
        readout = jsonform.from_dict(data, str(entry))
    except (OSError, ValueError, RecursionError, ReadoutError):
        return None  # an entry that cannot be read is as good as none: parsed afresh and replaced
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


def _recall(path: Path, stamp: str) -> tuple[Path, str] | None:
    """The entry the note on `path` names and the checksum of the file it was written for, if the
    note was written for the file as it is now."""
    try:
        note = json.loads(_note(path).read_text(encoding="utf-8"))
        name, checksum = note["entry"], note[_CHECKSUM]
        if note["file"] != stamp or not isinstance(name, str) or Path(name).name != name:
            return None
        if not isinstance(checksum, str):
            return None
    except (OSError, ValueError, RecursionError, KeyError, TypeError):
        return None
    return cache_dir() / name, checksum


def _store(entry: Path, readout: Readout, checksum: str) -> None:
    """Write an entry that names the bytes it was parsed from; a cache that cannot be written is skipped."""
    data = jsonform.to_dict(readout)
    data[_CHECKSUM] = checksum
    _write(entry, json.dumps(data, ensure_ascii=False, allow_nan=False))


def _private_folder(folder: Path) -> None:
    """Make `folder`, and the cache folders above it up to the app's own, the user's alone."""
    top = cache_dir().parent
    for p in reversed([folder, *(p for p in folder.parents if p == top or top in p.parents)]):
        with contextlib.suppress(FileExistsError):
            p.mkdir(mode=_PRIVATE_FOLDER)
        if p.is_symlink() or not p.is_dir():
            raise NotADirectoryError(p)
        if stat.S_IMODE(p.stat().st_mode) != _PRIVATE_FOLDER:
            os.chmod(p, _PRIVATE_FOLDER)  # made by an older version, open to others


def _write(target: Path, text: str) -> None:
    """Write a cache file atomically, for the user alone; one that cannot be written is skipped."""
    from readout_browser import atomic  # only when writing: a readout opened from the cache writes nothing

    try:
        cache_dir().parent.parent.mkdir(parents=True, exist_ok=True)  # the user's cache folder
        _private_folder(target.parent)
        atomic.write_text(target, text, permissions=_PRIVATE_FILE)
    except OSError:
        return
