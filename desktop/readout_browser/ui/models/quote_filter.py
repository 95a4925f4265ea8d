"""Narrows the quote table to one speaker, one kind, the sentences of one topic and a search filter.

The rule for what passes is `selection.quote_matches`; this proxy only keeps the
choices and asks it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import QObject, QSortFilterProxyModel

from readout_browser.model import Quote, Span
from readout_browser.selection import quote_matches
from readout_browser.ui.models.filter_change import rows_filter_change
from readout_browser.ui.models.roles import Index, Role


class QuoteFilter(QSortFilterProxyModel):
    """Sorts with `Role.SORT` and hides the quotes the current choices exclude."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._speaker: str | None = None
        self._kind: str | None = None
        self._sentences: tuple[Span, ...] | None = None
        self._kept: frozenset[str] | None = None
        self.setSortRole(Role.SORT)
        self.setDynamicSortFilter(True)

    def set_speaker(self, speaker: str | None) -> None:
        """Show only what one person said (None: everyone)."""
        if speaker != self._speaker:
            with rows_filter_change(self):
                self._speaker = speaker

    def set_kind(self, kind: str | None) -> None:
        """Show only direct quotes or only reported statements (None: both)."""
        if kind != self._kind:
            with rows_filter_change(self):
                self._kind = kind

    def set_sentences(self, sentences: Sequence[Span] | None) -> None:
        """Show only quotes in these sentences (None: the whole readout)."""
        chosen = None if sentences is None else tuple(sentences)
        if chosen != self._sentences:
            with rows_filter_change(self):
                self._sentences = chosen

    def set_kept(self, kept: Collection[str] | None) -> None:
        """Show only the quotes with these ids, the ones a search filter keeps (None: no filter)."""
        chosen = None if kept is None else frozenset(kept)
        if chosen != self._kept:
            with rows_filter_change(self):
                self._kept = chosen

    def accepts(self, quote: Quote) -> bool:
        """Whether the current choices let a quote through."""
        return quote_matches(quote, self._speaker, self._kind, self._sentences, self._kept)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        quote = self.sourceModel().index(source_row, 0, source_parent).data(Role.ITEM)
        return isinstance(quote, Quote) and self.accepts(quote)
