"""The readout's quotes as a table: who spoke, the words, the verb that cues them, and the kind.

Rows keep the reading order; sorting and filtering are the proxy's job (quote_filter).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QObject, Qt
from PySide6.QtGui import QGuiApplication

from readout_browser.model import Quote, Readout
from readout_browser.ui.formatting import capitalised, person_name, plain_tooltip
from readout_browser.ui.highlight import Mark, colour
from readout_browser.ui.models.roles import TOP, Index, Role

SPEAKER, WORDS, CUE, KIND = range(4)
_MARKS = {"direct": Mark.DIRECT, "reported": Mark.REPORTED}


class QuoteModel(QAbstractTableModel):
    """One row per quote, in the order they appear in the readout."""

    HEADERS = ("Speaker", "Words", "Cue", "Kind")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._readout: Readout | None = None
        self._quotes: tuple[Quote, ...] = ()

    def set_readout(self, readout: Readout | None) -> None:
        """Show the quotes of another readout (or none)."""
        self.beginResetModel()
        self._readout = readout
        self._quotes = tuple(sorted(readout.quotes, key=lambda q: q.span)) if readout else ()
        self.endResetModel()

    def rowCount(self, parent: Index = TOP) -> int:
        return 0 if parent.isValid() else len(self._quotes)

    def columnCount(self, parent: Index = TOP) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def quote(self, row: int) -> Quote:
        """The quote shown in a row."""
        return self._quotes[row]

    def row_of(self, quote_id: str) -> int | None:
        """The row of a quote, or None when this readout has no such quote."""
        return next((row for row, q in enumerate(self._quotes) if q.id == quote_id), None)

    def _speaker(self, quote: Quote) -> tuple[str, str]:
        """The speaker's name and title, or a note that the readout does not say who spoke."""
        person = self._readout.person(quote.speaker) if self._readout else None
        if person is None:
            return ("Unattributed", "")
        title = person.title if person.name and person.title else ""
        return (person_name(person), title)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._quotes):
            return None
        quote = self._quotes[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(quote, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(quote, column))
        if role == Qt.ItemDataRole.AccessibleTextRole and column == SPEAKER:
            # The quote list shows this column only: a screen reader needs the whole card.
            name, _title = self._speaker(quote)
            return f"{name}, {quote.kind}, {quote.cue or 'no cue'}: {quote.text}"
        if role == Qt.ItemDataRole.DecorationRole and column == KIND:
            return colour(_MARKS[quote.kind], QGuiApplication.palette())
        if role == Role.ITEM:
            return quote
        if role == Role.SORT:
            if column == WORDS:
                return quote.span[0]
            return self._display(quote, column).casefold()
        return None

    def _display(self, quote: Quote, column: int) -> str:
        if column == SPEAKER:
            name, title = self._speaker(quote)
            return f"{name}\n{title}" if title else name
        if column == WORDS:
            return f"“{quote.text}”" if quote.kind == "direct" else quote.text
        if column == CUE:
            return quote.cue or "—"
        return capitalised(quote.kind)

    def _tooltip(self, quote: Quote, column: int) -> str:
        if column == SPEAKER:
            person = self._readout.person(quote.speaker) if self._readout else None
            if person is None:
                return "The readout does not say who said this."
            return "\n".join(x for x in (person.name, person.title, person.country) if x)
        if column == KIND:
            if quote.kind == "direct":
                return "Direct: the speaker's own words, inside quotation marks"
            return "Reported: the speaker's words as the readout tells them"
        if column == CUE:
            return f"Cue verb: {quote.cue}" if quote.cue else "No speech verb introduces these words."
        return quote.text

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        return None
