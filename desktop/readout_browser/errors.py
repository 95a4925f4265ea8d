"""The one error a user sees when a file cannot be opened as a readout."""

from __future__ import annotations

from pathlib import Path


class ReadoutError(Exception):
    """A file that cannot be read as a readout; the message names the file and the reason."""

    def __init__(self, path: str | Path | None, reason: str) -> None:
        self.path = str(path) if path is not None else None
        self.reason = reason
        super().__init__(f"{self.path}: {reason}" if self.path else reason)
