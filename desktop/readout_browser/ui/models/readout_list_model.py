"""The readouts open in the window, for the side list the user switches between them with.

Each row shows the readout's title, and under it the date and the counterpart (the
other side of the meeting), so two calls with the same leader on different days tell
apart at a glance.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt

from readout_browser.model import Readout
from readout_browser.summaries import counterpart, readout_date
from readout_browser.ui.formatting import date, person_line, plain_tooltip
from readout_browser.ui.models.roles import TOP, Index, Role


def _key(path: str | Path) -> Path:
    return Path(path).resolve()


class ReadoutListModel(QAbstractListModel):
    """One row per open readout, in the order they were opened."""

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

    def add(self, readout: Readout, path: str | Path | None = None) -> int:
        """Append a readout (opened from `path`, if given); returns its row."""
        row = len(self._readouts)
        self.beginInsertRows(QModelIndex(), row, row)
        self._readouts.append(readout)
        self._files.append(None if path is None else _key(path))
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
            return readout.display_title
        opened = self._files[index.row()]
        if role == Role.SECONDARY:
            # Without a date or a counterpart, the file name still tells two readouts apart.
            return self._secondary(readout) or (opened.name if opened else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [readout.display_title, self._secondary(readout)]
            if opened is not None:
                lines.append(str(opened))
            return plain_tooltip("\n".join(line for line in lines if line))
        if role == Role.ITEM:
            return readout
        return None

    @staticmethod
    def _secondary(readout: Readout) -> str:
        other = counterpart(readout)
        parts = [date(readout_date(readout)), f"with {person_line(other)}" if other else ""]
        return " · ".join(p for p in parts if p)
