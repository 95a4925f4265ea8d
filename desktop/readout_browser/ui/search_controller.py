"""Runs the find bar's queries on the readout shown and shows the answers in every pane.

One query drives every pane and every control that shows it: typing narrows the topic
tree, the quotes and the pledges to what the filters keep, plain words narrow the quotes
and pledges further to those they are found in (as `speaker:zelenskyy security` keeps
his quotes on security), the Speaker box shows the speaker a `speaker:` filter names
(and choosing one there writes the filter, opening the bar if need be), and every match
is highlighted in the text. Enter or F3 steps to the next match and Shift+Enter
or Shift+F3 to the previous one, moving the selection to the item the match falls in
(`search.focus`) and scrolling the text to it. Closing the bar lifts the filters and the
highlights and gives the keyboard back to the pane that had it. What a query keeps and
where it matches is `search`'s business; this only passes the answers on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from readout_browser.model import Pledge, Quote, Readout
from readout_browser.ui.find_bar import FindBar
from readout_browser.ui.formatting import person_name
from readout_browser.ui.pane_linker import PaneLinker
from readout_browser.ui.pledge_view import PledgeView
from readout_browser.ui.quote_view import QuoteView
from readout_browser.ui.source_view import SourceView
from readout_browser.ui.topic_view import TopicView

if TYPE_CHECKING:  # `search` loads with the first query, not when the window opens
    from readout_browser.search.matching import Hit, SearchResult, Selection


class SearchController(QObject):
    """The find bar's actions and what follows from them in the panes."""

    filter_changed = Signal()
    """A search filter narrowed the panes, or was lifted."""

    def __init__(
        self,
        bar: FindBar,
        linker: PaneLinker,
        topics: TopicView,
        source: SourceView,
        quotes: QuoteView,
        pledges: PledgeView,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._bar, self._linker = bar, linker
        self._topics, self._source, self._quotes, self._pledges = topics, source, quotes, pledges
        self._result: SearchResult | None = None
        self._kept: Selection | None = None  # what the filters and the words keep, together
        self._position = 0  # the current hit, counted from 1; 0 before the first step
        self._chose_topic = False  # the current hit chose a topic, to be let go on the next step
        self._return_focus: QWidget | None = None

        self.find_action = QAction("&Find…", self)
        self.find_action.setShortcuts(QKeySequence.StandardKey.Find)
        self.find_action.setStatusTip("Find text in the readout, its quotes, pledges and topics; filter them")
        self.next_action = QAction("Find &Next", self)
        self.next_action.setShortcuts(QKeySequence.StandardKey.FindNext)
        self.next_action.setStatusTip("Go to the next match and select what it falls in")
        self.previous_action = QAction("Find Pre&vious", self)
        self.previous_action.setShortcuts(QKeySequence.StandardKey.FindPrevious)
        self.previous_action.setStatusTip("Go to the previous match and select what it falls in")
        self.close_action = QAction("Close Find &Bar", self)
        self.close_action.setShortcuts(QKeySequence.StandardKey.Cancel)
        self.close_action.setStatusTip("Close the find bar and show everything again")
        self.close_action.setEnabled(False)  # Escape is left to the panes while the bar is closed

        self.find_action.triggered.connect(self.open)
        self.next_action.triggered.connect(self.next)
        self.previous_action.triggered.connect(self.previous)
        self.close_action.triggered.connect(bar.close_bar)
        bar.query_changed.connect(lambda _query: self._run())
        bar.next_requested.connect(self.next)
        bar.previous_requested.connect(self.previous)
        bar.closed.connect(self._bar_closed)
        quotes.speaker_box.activated.connect(self._speaker_picked)
        bar.hide()

    def actions(self) -> tuple[QAction, ...]:
        """Find, Find Next, Find Previous and Close Find Bar, for the menu and the window."""
        return (self.find_action, self.next_action, self.previous_action, self.close_action)

    # -- what the window asks -----------------------------------------------------------

    def is_open(self) -> bool:
        """Whether the find bar is open (its query then narrows the panes)."""
        return not self._bar.isHidden()

    def active_selection(self) -> Selection | None:
        """What the open bar's filters and words keep, or None when nothing narrows the panes."""
        return self._kept if self.is_open() else None

    def filter_text(self) -> str | None:
        """What narrows the panes, as typed (malformed terms left out), or None."""
        if self.active_selection() is None:
            return None
        query = self._bar.query()
        terms = sorted([*query.filters, *query.terms], key=lambda t: t.span)
        return " ".join(query.text[t.span[0] : t.span[1]] for t in terms)

    def hits(self) -> tuple[Hit, ...]:
        """The matches of the open bar's query, in reading order."""
        return self._result.hits if self._result is not None and self.is_open() else ()

    def refresh(self) -> None:
        """Search again: another readout is shown."""
        self._chose_topic = False
        if self.is_open():
            self._run()

    # -- the user's keys ----------------------------------------------------------------

    def open(self) -> None:
        """Show the bar with the keyboard in it and apply its query (kept from the last time)."""
        self._remember_focus()
        self._bar.open()
        self.close_action.setEnabled(True)
        self._run()

    def next(self) -> None:
        """Step to the next match (after the last, the first)."""
        self._step(1)

    def previous(self) -> None:
        """Step to the previous match (before the first, the last)."""
        self._step(-1)

    def _remember_focus(self) -> None:
        focus = QApplication.focusWidget()
        if focus is not None and focus is not self._bar and not self._bar.isAncestorOf(focus):
            self._return_focus = focus

    def _step(self, step: int) -> None:
        if not self.is_open():  # F3 with the bar closed searches again for what it last held
            self._remember_focus()
            self._bar.show()
            self.close_action.setEnabled(True)
            self._run()
        hits = self.hits()
        if not hits:
            return
        if self._position == 0:
            self._position = 1 if step > 0 else len(hits)
        else:
            self._position = (self._position - 1 + step) % len(hits) + 1
        self._go_to(hits[self._position - 1])
        self._bar.show_count(self._position, len(hits))

    def _go_to(self, hit: Hit) -> None:
        readout = self._source.readout()
        if readout is None:
            return
        from readout_browser.search.focus import hit_target

        target = hit_target(readout, hit)
        if target is not None and target.kind == "topic":
            self._linker.clear_items()
            self._chose_topic = self._topics.select_topic(target.id)
        else:
            if self._chose_topic:
                self._topics.clear()
                self._chose_topic = False
            item = _item(readout, target.kind, target.id) if target is not None else None
            if item is None or not self._linker.select_item(item):
                self._linker.clear_items()
        self._show_hits(current=hit)

    def _show_hits(self, current: Hit | None) -> None:
        spans = [h.span for h in self.hits() if h.span is not None]
        self._source.show_hits(spans, current.span if current is not None else None)
        if current is not None and current.span is None:
            self._source.scroll_to_offset(current.anchor)

    # -- answering a query --------------------------------------------------------------

    def _run(self) -> None:
        from readout_browser.search.matching import search

        readout = self._source.readout()
        query = self._bar.query()
        self._position = 0
        self._result = None if readout is None or query.is_empty else search(readout, query)
        self._kept = _kept(self._result, bool(query.terms))
        kept = self.active_selection()
        self._topics.set_kept(kept.topics if kept else None)
        self._quotes.set_kept(kept.quotes if kept else None)
        self._pledges.set_kept(kept.pledges if kept else None)
        self._show_speaker(readout)
        self._show_hits(current=None)
        hits = self.hits()
        if hits:
            self._source.scroll_to_offset(hits[0].anchor)  # where the first match is, before any step
        self._bar.show_count(0, len(hits))
        self.filter_changed.emit()

    def _show_speaker(self, readout: Readout | None) -> None:
        """The Speaker box names whom the query's `speaker:` filters keep (Everyone without one)."""
        values = [f.value for f in self._bar.query().fields("speaker")] if self.is_open() else []
        if readout is None or not values:
            self._quotes.show_speakers(None, "")
            return
        from readout_browser.search.matching import person_matches

        ids = [p.id for p in readout.people if all(person_matches(p, v) for v in values)]
        self._quotes.show_speakers(ids, " ".join(f"speaker:{v}" for v in values))

    def _speaker_picked(self, _index: int) -> None:
        """A speaker chosen in the box: the query's `speaker:` filter becomes that person (none for Everyone).

        The query is the one state every pane and control shows, so the box writes its choice
        there, opening the bar (the keyboard stays in the box) when no query was on.
        """
        readout = self._source.readout()
        chosen = self._quotes.speaker_box.currentData()
        person = readout.person(chosen) if readout is not None and chosen is not None else None
        if readout is None or (chosen is not None and person is None):
            return  # the box's entry for the query's own filter: nothing new was chosen
        query = self._bar.query() if self.is_open() else None
        text, fields = (query.text, query.fields("speaker")) if query is not None else ("", [])
        for f in sorted(fields, key=lambda f: f.span, reverse=True):
            text = (text[: f.span[0]] + text[f.span[1] :]).strip()
        if person is not None:
            text = f'speaker:"{person_name(person)}" {text}'.strip()
        if query is None:
            if person is None:
                return  # Everyone, and no query to change
            self._remember_focus()
            self._bar.show()
            self.close_action.setEnabled(True)
        if self._bar.edit.text() == text:
            self._run()  # the bar held this query already: apply it
        else:
            self._bar.edit.setText(text)

    def _bar_closed(self) -> None:
        self.close_action.setEnabled(False)
        self._result = None
        self._kept = None
        self._position = 0
        if self._chose_topic:  # the search's own choice of topic goes with it
            self._topics.clear()
        self._chose_topic = False
        self._topics.set_kept(None)
        self._quotes.set_kept(None)
        self._pledges.set_kept(None)
        self._quotes.show_speakers(None, "")
        self._source.show_hits(())
        self.filter_changed.emit()
        back = self._return_focus
        if back is None or not back.isVisible():
            back = self._source
        back.setFocus(Qt.FocusReason.OtherFocusReason)


def _kept(result: SearchResult | None, by_words: bool) -> Selection | None:
    """What the panes keep: the filters' selection, narrowed by words to the quotes and pledges they are in.

    Topics are narrowed by the filters only: the tree stays a map of the readout while words are typed.
    """
    if result is None:
        return None
    selection = result.selection
    if not by_words:
        return selection if selection.filtered else None
    from readout_browser.search.matching import Selection

    found = {(ref.kind, ref.id) for hit in result.hits for ref in hit.items}
    return Selection(
        quotes=frozenset(q for q in selection.quotes if ("quote", q) in found),
        pledges=frozenset(p for p in selection.pledges if ("pledge", p) in found),
        topics=selection.topics,
        people=selection.people,
        filtered=True,
    )


def _item(readout: Readout, kind: str, item_id: str) -> Quote | Pledge | None:
    if kind == "pledge":
        return readout.pledge(item_id)
    if kind == "quote":
        return next((q for q in readout.quotes if q.id == item_id), None)
    return None
