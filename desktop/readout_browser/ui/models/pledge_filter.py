"""Narrows the pledge tree to a topic's sentences and a search filter; sorts numbers as numbers.

A sub-allocation that matches keeps its parent in view (recursive filtering), so it is
never shown out of context; whether a pledge matches is `selection.pledge_matches`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from readout_browser.model import Pledge
from readout_browser.selection import pledge_matches
from readout_browser.ui.models.item_filter import ItemFilter


class PledgeFilter(ItemFilter):
    """Sorts with `Role.SORT` (amounts as numbers) and hides pledges outside the chosen topic."""

    ITEM_TYPE = Pledge

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)

    def accepts(self, pledge: Pledge) -> bool:
        """Whether the pledge itself matches (its parent may still show for context)."""
        return pledge_matches(pledge, self._sentences, self._kept)
