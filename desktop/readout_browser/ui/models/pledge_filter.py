"""Narrows the pledge tree to a topic's sentences and a search filter; sorts numbers as numbers.

A sub-allocation that matches keeps its parent in view (recursive filtering), so it is
never shown out of context; whether a pledge matches is `selection.pledge_matches`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import QObject, QSortFilterProxyModel

from readout_browser.model import Pledge, Span
from readout_browser.selection import pledge_matches
from readout_browser.ui.models.filter_change import rows_filter_change
from readout_browser.ui.models.roles import Index, Role


class PledgeFilter(QSortFilterProxyModel):
    """Sorts with `Role.SORT` (amounts as numbers) and hides pledges outside the chosen topic."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sentences: tuple[Span, ...] | None = None
        self._kept: frozenset[str] | None = None
        self.setSortRole(Role.SORT)
        self.setDynamicSortFilter(True)
        self.setRecursiveFilteringEnabled(True)

    def set_sentences(self, sentences: Sequence[Span] | None) -> None:
        """Show only pledges in these sentences (None: every pledge)."""
        chosen = None if sentences is None else tuple(sentences)
        if chosen != self._sentences:
            with rows_filter_change(self):
                self._sentences = chosen

    def set_kept(self, kept: Collection[str] | None) -> None:
        """Show only the pledges with these ids, the ones a search filter keeps (None: no filter)."""
        chosen = None if kept is None else frozenset(kept)
        if chosen != self._kept:
            with rows_filter_change(self):
                self._kept = chosen

    def accepts(self, pledge: Pledge) -> bool:
        """Whether the pledge itself matches (its parent may still show for context)."""
        return pledge_matches(pledge, self._sentences, self._kept)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        pledge = self.sourceModel().index(source_row, 0, source_parent).data(Role.ITEM)
        return isinstance(pledge, Pledge) and self.accepts(pledge)
