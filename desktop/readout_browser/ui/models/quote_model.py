"""The readout's quotes as a table: who spoke, the words, the verb that cues them, and the kind.

Rows keep the reading order; sorting and filtering are the proxy's job (quote_filter).
The cells are worked out once per readout and kept in Qt's own item model, so laying out
and painting the cards never call back into Python for them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication, QStandardItem, QStandardItemModel

from readout_browser.model import Quote, Readout
from readout_browser.ui.formatting import ROSTER_MARK, ROSTER_TIP, capitalised, person_label, plain_tooltip
from readout_browser.ui.highlight import Mark, colour
from readout_browser.ui.models.cells import READ_ONLY, signals_held
from readout_browser.ui.models.roles import Role

SPEAKER, WORDS, CUE, KIND = range(4)
_MARKS = {"direct": Mark.DIRECT, "reported": Mark.REPORTED}
_SWATCH = Qt.ItemDataRole.DecorationRole


class QuoteModel(QStandardItemModel):
    """One row per quote, in the order they appear in the readout."""

    HEADERS = ("Speaker", "Words", "Cue", "Kind")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, len(self.HEADERS), parent)
        self._readout: Readout | None = None
        self._quotes: tuple[Quote, ...] = ()
        self.invisibleRootItem().setFlags(Qt.ItemFlag.NoItemFlags)
        for section, title in enumerate(self.HEADERS):
            self.setHeaderData(section, Qt.Orientation.Horizontal, title)

    def set_readout(self, readout: Readout | None) -> None:
        """Show the quotes of another readout (or none)."""
        self.beginResetModel()
        with signals_held(self):  # one reset for the views, not a signal per row
            self._readout = readout
            self._quotes = tuple(sorted(readout.quotes, key=lambda q: q.span)) if readout else ()
            self.setRowCount(0)
            for quote in self._quotes:
                self.appendRow([self._cell(quote, column) for column in range(len(self.HEADERS))])
        self.endResetModel()

    def _cell(self, quote: Quote, column: int) -> QStandardItem:
        item = QStandardItem(self._display(quote, column))
        item.setFlags(READ_ONLY)
        item.setData(quote, Role.ITEM)
        item.setData(plain_tooltip(self._tooltip(quote, column)), Qt.ItemDataRole.ToolTipRole)
        item.setData(quote.span[0] if column == WORDS else self._display(quote, column).casefold(), Role.SORT)
        if column == SPEAKER:
            # The quote list shows this column only: a screen reader needs the whole card.
            name, _title = self._speaker(quote)
            card = f"{name}, {quote.kind}, {quote.cue or 'no cue'}: {quote.text}"
            item.setData(card, Qt.ItemDataRole.AccessibleTextRole)
        if column == KIND:
            item.setData(colour(_MARKS[quote.kind], QGuiApplication.palette()), _SWATCH)
        return item

    def recolour(self) -> None:
        """Take the kinds' colour swatches from the application's palette again (light or dark)."""
        palette = QGuiApplication.palette()
        swatches = [colour(_MARKS[quote.kind], palette) for quote in self._quotes]
        if all(self.item(row, KIND).data(_SWATCH) == c for row, c in enumerate(swatches)):
            return  # the same shades: nothing to draw again
        with signals_held(self):
            for row, swatch in enumerate(swatches):
                self.item(row, KIND).setData(swatch, _SWATCH)
        if self._quotes:
            self.dataChanged.emit(self.index(0, KIND), self.index(len(self._quotes) - 1, KIND))

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
        return (person_label(person), title)

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
            lines = [x for x in (person.name, person.title, person.country) if x]
            if person.from_roster:
                lines.append(f"{ROSTER_MARK} {ROSTER_TIP}")
            return "\n".join(lines)
        if column == KIND:
            if quote.kind == "direct":
                return "Direct: the speaker's own words, inside quotation marks"
            return "Reported: the speaker's words as the readout tells them"
        if column == CUE:
            return f"Cue verb: {quote.cue}" if quote.cue else "No speech verb introduces these words."
        return quote.text
