"""Narrows the topic tree to the topics a search filter keeps.

`search.select` already keeps the ancestors of every kept topic, so the tree keeps
its shape by accepting exactly the ids it is given.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QObject, QSortFilterProxyModel

from readout_browser.model import Topic
from readout_browser.ui.models.filter_change import rows_filter_change
from readout_browser.ui.models.roles import Index, Role


class TopicFilter(QSortFilterProxyModel):
    """Passes every topic until `set_kept` names the ones to show."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kept: frozenset[str] | None = None

    def set_kept(self, kept: Collection[str] | None) -> None:
        """Show only the topics with these ids (None: every topic)."""
        chosen = None if kept is None else frozenset(kept)
        if chosen != self._kept:
            with rows_filter_change(self):
                self._kept = chosen

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        topic = self.sourceModel().index(source_row, 0, source_parent).data(Role.ITEM)
        return isinstance(topic, Topic) and (self._kept is None or topic.id in self._kept)
