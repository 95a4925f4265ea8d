"""Parsed readouts kept on disk, so a readout opened before opens again at once.

People reopen the same readouts all day, and a library holds thousands of them; parsing
each again on every start wastes their time. A parsed readout is stored as `readout/1`
JSON in the user's cache folder under a key made of the file's bytes and everything the
parse depends on: this version of the parser's code and the resource files it reads
(shipped or edited by the user). Change any of those and the readout is parsed afresh.
The cache is only ever a shortcut: a missing, stale or damaged entry means a new parse,
and a cache folder that cannot be written to is no error.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from functools import cache
from pathlib import Path

from readout_browser import jsonform
from readout_browser.errors import ReadoutError
from readout_browser.model import Readout
from readout_browser.paths import resource, user_config_dir

_PARSER_DIR = Path(__file__).resolve().parent / "parse"
_MAX_BYTES = 5 * 1024 * 1024


def cache_dir() -> Path:
    """The folder of parsed readouts, under the user's cache folder."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "readout-browser" / "parsed"


@cache
def _parser_fingerprint() -> str:
    """A digest of the parser's code and the shipped resources it reads."""
    digest = hashlib.sha256()
    for source in sorted(_PARSER_DIR.glob("*.py")):
        digest.update(source.name.encode())
        digest.update(source.read_bytes())
    for data in sorted(resource("countries.toml").parent.glob("*.toml")):
        digest.update(data.name.encode())
        digest.update(data.read_bytes())
    return digest.hexdigest()


def _key(content: bytes) -> str:
    """The cache key of a file: its bytes, the parser, and the user's edited resources."""
    digest = hashlib.sha256(_parser_fingerprint().encode())
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
        if path.suffix.lower() == ".json" or path.stat().st_size > _MAX_BYTES:
            return _parse(path)  # readout JSON is loaded as it is; oversized files get the parser's refusal
        content = path.read_bytes()
    except OSError:
        return _parse(path)  # the parser words the refusal (missing, a directory, no permission)
    entry = cache_dir() / f"{_key(content)}.json"
    try:
        readout = jsonform.from_dict(json.loads(entry.read_text(encoding="utf-8")), str(entry))
        return dataclasses.replace(readout, source=dataclasses.replace(readout.source, path=str(path)))
    except (OSError, ValueError, ReadoutError):
        pass
    readout = _parse(path)
    _store(entry, readout)
    return readout


def _store(entry: Path, readout: Readout) -> None:
    """Write an entry atomically; a cache that cannot be written is skipped silently."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial = entry.with_suffix(f".{os.getpid()}.part")
        partial.write_text(jsonform.dumps(readout, indent=None), encoding="utf-8")
        partial.replace(entry)
    except OSError:
        return
