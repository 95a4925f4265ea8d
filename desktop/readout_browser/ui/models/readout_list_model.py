"""The readouts open in the window, for the side list the user switches between them with.

Each row shows a short title made of the meeting and its counterpart ("Meeting with
Mark Carney": publishers' own titles often share a long prefix such as "President of
Ukraine met ..."), and under it the date and the publisher, so two calls with the same
leader on different days tell apart at a glance. Rows stand in date order, the latest
last, whatever order the files were named in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt

from readout_browser.model import Readout
from readout_browser.summaries import counterpart, readout_date
from readout_browser.ui.formatting import capitalised, date, person_line, person_name, plain_tooltip
from readout_browser.ui.models.roles import TOP, Index, Role


def _key(path: str | Path) -> Path:
    return Path(path).resolve()


def _same_bytes(a: Path, b: Path) -> bool:
    """Whether two files hold the same bytes (sizes first: most files differ there)."""
    try:
        return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()
    except OSError:
        return False


class ReadoutListModel(QAbstractListModel):
    """One row per open readout, by date (undated ones last, in the order opened)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._readouts: list[Readout] = []
        self._files: list[Path | None] = []  # what was opened: a readout/1 file names its source, not itself

    def rowCount(self, parent: Index = TOP) -> int:
        return 0 if parent.isValid() else len(self._readouts)

    def readouts(self) -> tuple[Readout, ...]:
        """The open readouts, in list order."""
        return tuple(self._readouts)

    def readout(self, row: int) -> Readout | None:
        """The readout in a row, or None outside the list."""
        return self._readouts[row] if 0 <= row < len(self._readouts) else None

    def row_of_file(self, path: str | Path) -> int | None:
        """The row of the readout opened from a file, or None when that file is not open."""
        key = _key(path)
        return next((row for row, f in enumerate(self._files) if f == key), None)

    def row_of_copy(self, path: str | Path) -> int | None:
        """The row of a readout read from a file of the same bytes: a copy of an open file is that readout."""
        key = _key(path)
        return next((row for row, f in enumerate(self._files) if f is not None and _same_bytes(f, key)), None)

    def files(self) -> tuple[Path, ...]:
        """The files the open readouts were read from, in list order."""
        return tuple(f for f in self._files if f is not None)

    def add(self, readout: Readout, path: str | Path | None = None) -> int:
        """Insert a readout (opened from `path`, if given) at its place by date; returns its row."""
        key = _order(readout)
        row = next((r for r, other in enumerate(self._readouts) if _order(other) > key), len(self._readouts))
        self.beginInsertRows(QModelIndex(), row, row)
        self._readouts.insert(row, readout)
        self._files.insert(row, None if path is None else _key(path))
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        """Drop the readout in a row."""
        if not 0 <= row < len(self._readouts):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._readouts[row]
        del self._files[row]
        self.endRemoveRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        readout = self.readout(index.row()) if index.isValid() else None
        if readout is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return short_title(readout)
        opened = self._files[index.row()]
        if role == Role.SECONDARY:
            # Without a date or a publisher, the file name still tells two readouts apart.
            return self._secondary(readout) or (opened.name if opened else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            other = counterpart(readout)
            lines = [readout.display_title, self._secondary(readout), person_line(other) if other else ""]
            if opened is not None:
                lines.append(str(opened))
            return plain_tooltip("\n".join(line for line in lines if line))
        if role == Role.ITEM:
            return readout
        return None

    @staticmethod
    def _secondary(readout: Readout) -> str:
        parts = [date(readout_date(readout)), readout.source.publisher or ""]
        return " · ".join(p for p in parts if p)


def short_title(readout: Readout) -> str:
    """The meeting and its counterpart ("Phone call with Keir Starmer"), else the readout's title."""
    other = counterpart(readout)
    if other is None:
        return readout.display_title
    kind = readout.meeting.kind
    what = capitalised(kind) if kind != "other" else "Readout"
    return f"{what} with {person_name(other)}"


def _order(readout: Readout) -> tuple[bool, str]:
    """Sorts by date, the undated after the dated."""
    day = readout_date(readout) or ""
    return (not day, day)
