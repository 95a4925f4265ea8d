"""The one error a user sees when a file cannot be opened as a readout."""

from __future__ import annotations

import re
from pathlib import Path

# Control characters (C0, DEL, C1) and the marks that reorder a line: what a terminal acts on;
# and the lone surrogates that no encoding writes (but U+DC80-U+DCFF, a file name's raw bytes).
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udc7f\udd00-\udfff]")


class ReadoutError(Exception):
    """A file that cannot be read as a readout; the message names the file and the reason."""

    def __init__(self, path: str | Path | None, reason: str) -> None:
        self.path = str(path) if path is not None else None
        self.reason = reason
        super().__init__(f"{self.path}: {reason}" if self.path else reason)


def printable(text: str, keep: str = "") -> str:
    """Text safe to print: control characters escaped (but those in `keep`), and the bytes of a
    file name that are not UTF-8 shown as \\xNN, so no name or readout can drive the terminal."""
    text = _UNSAFE.sub(lambda m: m.group() if m.group() in keep else ascii(m.group())[1:-1], text)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
