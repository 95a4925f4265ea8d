"""What the quote and pledge proxies share: the chosen topic's sentences and a search filter.

Each proxy keeps its choices and asks `selection` whether an item passes; a choice that
really changes filters the rows again, one that does not leaves the views alone.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from PySide6.QtCore import QObject, QSortFilterProxyModel

from readout_browser.model import Span
from readout_browser.ui.models.filter_change import rows_filter_change
from readout_browser.ui.models.roles import Index, Role


class ItemFilter(QSortFilterProxyModel):
    """Sorts with `Role.SORT` and passes the items `accepts` lets through."""

    ITEM_TYPE: type = object
    """The domain objects of the source model's rows (`Role.ITEM`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sentences: tuple[Span, ...] | None = None
        self._kept: frozenset[str] | None = None
        self.setSortRole(Role.SORT)
        self.setDynamicSortFilter(True)

    def _choose(self, name: str, value: Any) -> None:
        """Set one choice, filtering the rows again only when it changes."""
        if value != getattr(self, name):
            with rows_filter_change(self):
                setattr(self, name, value)

    def set_sentences(self, sentences: Sequence[Span] | None) -> None:
        """Show only items in these sentences (None: the whole readout)."""
        self._choose("_sentences", None if sentences is None else tuple(sentences))

    def set_kept(self, kept: Collection[str] | None) -> None:
        """Show only the items with these ids, the ones a search filter keeps (None: no filter)."""
        self._choose("_kept", None if kept is None else frozenset(kept))

    def accepts(self, item: Any) -> bool:
        """Whether the current choices let an item through."""
        raise NotImplementedError

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        item = self.sourceModel().index(source_row, 0, source_parent).data(Role.ITEM)
        return isinstance(item, self.ITEM_TYPE) and self.accepts(item)
