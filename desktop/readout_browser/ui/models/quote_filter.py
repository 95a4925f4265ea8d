"""Narrows the quote table to one speaker, one kind, the sentences of one topic and a search filter.

The rule for what passes is `selection.quote_matches`; this proxy only keeps the
choices and asks it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from readout_browser.model import Quote
from readout_browser.selection import quote_matches
from readout_browser.ui.models.item_filter import ItemFilter


class QuoteFilter(ItemFilter):
    """Sorts with `Role.SORT` and hides the quotes the current choices exclude."""

    ITEM_TYPE = Quote

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._speaker: str | None = None
        self._kind: str | None = None

    def set_speaker(self, speaker: str | None) -> None:
        """Show only what one person said (None: everyone)."""
        self._choose("_speaker", speaker)

    def set_kind(self, kind: str | None) -> None:
        """Show only direct quotes or only reported statements (None: both)."""
        self._choose("_kind", kind)

    def accepts(self, quote: Quote) -> bool:
        """Whether the current choices let a quote through."""
        return quote_matches(quote, self._speaker, self._kind, self._sentences, self._kept)
