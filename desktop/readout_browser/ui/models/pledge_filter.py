"""Narrows the pledge tree to the sentences of one topic, and sorts it by number where it should.

A sub-allocation that matches keeps its parent in view (recursive filtering), so it is
never shown out of context; whether a pledge matches is `selection.pledge_matches`.
"""

from __future__ import annotations

from collections.abc import Sequence

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
        self.setSortRole(Role.SORT)
        self.setDynamicSortFilter(True)
        self.setRecursiveFilteringEnabled(True)

    def set_sentences(self, sentences: Sequence[Span] | None) -> None:
        """Show only pledges in these sentences (None: every pledge)."""
        with rows_filter_change(self):
            self._sentences = None if sentences is None else tuple(sentences)

    def accepts(self, pledge: Pledge) -> bool:
        """Whether the pledge itself matches the topic (its parent may still show for context)."""
        return pledge_matches(pledge, self._sentences)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        pledge = self.sourceModel().index(source_row, 0, source_parent).data(Role.ITEM)
        return isinstance(pledge, Pledge) and self.accepts(pledge)
