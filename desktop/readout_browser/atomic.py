"""Writing a file so that it is either wholly the old one or wholly the new one.

An export or a cache entry written in place is lost if the app is killed or the disk fills
half-way: the old report is gone and a truncated one stands in its name. Everything is
written to a temporary file in the same folder (so the rename stays on one file system),
flushed to the disk, and only then renamed over the target, which POSIX and Windows both
do in one step.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


def _default_mode(target: Path) -> int:
    """The mode a replaced file keeps, or what the user's umask gives a new one."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        # Reading the umask means setting it: set a strict one meanwhile, so a file another
        # thread makes in that instant is only ever too private, never too open.
        umask = os.umask(0o077)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def sibling(path: str | os.PathLike[str], permissions: int | None = None) -> Iterator[Path]:
    """A temporary path beside `path` for a writer that wants a file name (Qt's PDF printer, say).

    When the block ends without an error, what was written there is flushed to the disk and
    renamed over `path`; otherwise it is removed and `path` is left as it was. The file gets
    `permissions`, by default those of the file it replaces, else what the umask allows.
    """
    target = Path(path)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as e:  # named after the file the user asked for, not the temporary one
        raise OSError(e.errno, e.strerror, str(target)) from None
    os.close(fd)
    partial = Path(name)
    try:
        yield partial
        os.chmod(partial, _default_mode(target) if permissions is None else permissions)
        with open(partial, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    _sync_folder(target.parent)


@contextlib.contextmanager
def replacing(
    path: str | os.PathLike[str],
    encoding: str = "utf-8",
    newline: str | None = None,
    permissions: int | None = None,
) -> Iterator[IO[str]]:
    """A text file to write that replaces `path` in one step when the block ends without an error."""
    with sibling(path, permissions) as partial, open(partial, "w", encoding=encoding, newline=newline) as f:
        yield f


def write_text(
    path: str | os.PathLike[str], text: str, encoding: str = "utf-8", permissions: int | None = None
) -> Path:
    """Replace `path` with `text` in one step."""
    with replacing(path, encoding=encoding, permissions=permissions) as f:
        f.write(text)
    return Path(path)


def write_bytes(path: str | os.PathLike[str], data: bytes, permissions: int | None = None) -> Path:
    """Replace `path` with `data` in one step."""
    with sibling(path, permissions) as partial:
        partial.write_bytes(data)
    return Path(path)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself survive a crash (where the system lets a folder be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
