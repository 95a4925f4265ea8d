"""Keeps the panes in step: a topic narrows the lists and marks the text, an item shows where it was said.

- choosing a topic narrows the quotes and pledges to its sentences and marks them in the text;
- choosing a quote or a pledge scrolls the text to it and marks it (and clears the other list's choice);
- clicking in the text chooses the quote or pledge there, widening the topic if it hid it.

What lies at a place in the text is `selection.item_at`'s call; this only passes choices on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from readout_browser.model import Pledge, Quote, Readout, Span, Topic
from readout_browser.selection import item_at
from readout_browser.ui.pledge_view import PledgeView
from readout_browser.ui.quote_view import QuoteView
from readout_browser.ui.source_view import SourceView
from readout_browser.ui.topic_view import TopicView


class PaneLinker(QObject):
    """Connects the topic tree, the source text, the quote viewer and the pledge table."""

    topic_changed = Signal(object)
    """The topic the panes are narrowed to (a `Topic`), or None for the whole readout."""

    def __init__(
        self,
        topics: TopicView,
        source: SourceView,
        quotes: QuoteView,
        pledges: PledgeView,
        reveal: Callable[[QWidget], None],
        parent: QObject | None = None,
    ) -> None:
        """`reveal` brings a pane into view (its dock shown and raised) when a click chooses in it."""
        super().__init__(parent)
        self._topics, self._source, self._quotes, self._pledges = topics, source, quotes, pledges
        self._reveal = reveal
        self._current: Quote | Pledge | None = None
        topics.topic_chosen.connect(self._topic_chosen)
        quotes.quote_chosen.connect(self._quote_chosen)
        pledges.pledge_chosen.connect(self._pledge_chosen)
        source.offset_chosen.connect(self._offset_chosen)

    def reset(self) -> None:
        """Forget the chosen item (another readout is shown)."""
        self._current = None

    def _topic_chosen(self, topic: Topic | None, sentences: Sequence[Span] | None) -> None:
        self._quotes.set_topic(sentences)
        self._pledges.set_topic(sentences)
        self._source.show_topic(sentences)
        self.topic_changed.emit(topic)

    def _quote_chosen(self, quote: Quote | None) -> None:
        if quote is None:
            if isinstance(self._current, Quote):
                self._set_current(None)
            return
        self._set_current(quote)
        self._pledges.clear_selection()

    def _pledge_chosen(self, pledge: Pledge | None) -> None:
        if pledge is None:
            if isinstance(self._current, Pledge):
                self._set_current(None)
            return
        self._set_current(pledge)
        self._quotes.clear_selection()

    def _set_current(self, item: Quote | Pledge | None) -> None:
        self._current = item
        self._source.show_item(item.span if item else None)

    def _offset_chosen(self, offset: int) -> None:
        readout: Readout | None = self._source.readout()
        item = item_at(readout, offset) if readout else None
        if item is None:
            self.clear_items()
            return
        self.select_item(item)

    def select_item(self, item: Quote | Pledge) -> bool:
        """Select a quote or pledge in its pane and show it in the text, as a click on it would.

        When the chosen topic hides the item, the panes widen to the whole readout first.
        False when the item cannot be shown (a search filter hides it).
        """
        if self._select(item):
            return True
        self._topics.clear()  # the chosen topic hides the item: widen to the whole readout
        return self._select(item)

    def clear_items(self) -> None:
        """Select no quote and no pledge."""
        self._quotes.clear_selection()
        self._pledges.clear_selection()

    def _select(self, item: Quote | Pledge) -> bool:
        if isinstance(item, Quote):
            found, pane = self._quotes.select_quote(item.id), self._quotes
        else:
            found, pane = self._pledges.select_pledge(item.id), self._pledges
        if found:
            self._reveal(pane)
        return found
