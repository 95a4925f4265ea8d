"""A query applied to a readout: which items the filters keep, and where the text is found.

Filters narrow every pane at once, through the evidence that links the items: each
item sits on a stretch of the readout's text, so a filter on a field that one kind of
item lacks passes the items that share text with items that have it.

- `speaker:` keeps quotes and pledges whose speaker's name, title or country holds
  the value; `kind:` keeps quotes of that kind.
- `donor:`, `recipient:`, `currency:`, `category:`, `status:` and `amount` keep
  pledges; a quote is kept when a kept pledge stands inside it (`donor:canada`
  shows the quotes in which Canada's pledges were announced); `kind:direct` keeps
  the pledges announced inside direct quotes.
- `topic:` keeps the topics whose label, or an ancestor's label, holds the value,
  and the quotes and pledges on sentences filed under them.
- Other filters keep the topics whose sentences hold a kept quote or pledge, and
  the ancestors of every kept topic, so the topic tree keeps its shape.
- People: everyone when nothing is filtered, else the speakers of the kept quotes
  and pledges and the people a `speaker:` filter names.

Text to find does not filter: it gives hits, in reading order, each with the span of
the text to highlight and the items it falls in; a topic whose label holds the text is
a hit too (with no span), placed where the topic's first sentence stands. When the
query also filters, only hits inside the kept items count. A plural typed finds the
singular as well (`forms`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from readout_browser.model import Person, Pledge, Quote, Readout, Span, Topic
from readout_browser.search.fold import fold, folded
from readout_browser.search.forms import holds, needles
from readout_browser.search.query import FieldFilter, Query

ItemKind = Literal["quote", "pledge", "topic", "person"]

_QUOTE_FIELDS = frozenset({"kind"})
_PLEDGE_FIELDS = frozenset({"donor", "recipient", "currency", "category", "status", "amount"})
_SHARED_FIELDS = frozenset({"speaker"})
_TOPIC_FIELDS = frozenset({"topic"})


@dataclass(frozen=True)
class ItemRef:
    """One item of a readout: its kind and its id (ids are unique within a kind)."""

    kind: ItemKind
    id: str


@dataclass(frozen=True)
class Selection:
    """The ids of the items a query keeps, per kind; `filtered` is False when it keeps everything."""

    quotes: frozenset[str]
    pledges: frozenset[str]
    topics: frozenset[str]
    people: frozenset[str]
    filtered: bool = False

    @classmethod
    def everything(cls, readout: Readout) -> Selection:
        """A selection of every item of the readout."""
        return cls(
            quotes=frozenset(q.id for q in readout.quotes),
            pledges=frozenset(p.id for p in readout.pledges),
            topics=frozenset(t.id for t in readout.topics),
            people=frozenset(p.id for p in readout.people),
        )

    def holds(self, item: ItemRef) -> bool:
        """Whether the item is kept."""
        ids = {"quote": self.quotes, "pledge": self.pledges, "topic": self.topics, "person": self.people}
        return item.id in ids[item.kind]


@dataclass(frozen=True)
class Hit:
    """One place where the text to find was found.

    `span` is the stretch of `Readout.text` to highlight, or None for a hit in a
    topic's label; `anchor` is the offset in the text that orders hits (and where
    to scroll); `items` are the items the hit falls in.
    """

    span: Span | None
    anchor: int
    items: tuple[ItemRef, ...]


@dataclass(frozen=True)
class SearchResult:
    """Both answers to a query: what the panes keep and the hits to step through."""

    selection: Selection
    hits: tuple[Hit, ...]


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _any_overlap(span: Span, others: Iterable[Span]) -> bool:
    return any(_overlaps(span, o) for o in others)


def _holds(value: str, *texts: str | None) -> bool:
    return any(value in fold(t) for t in texts if t)


def _speaker_matches(readout: Readout, speaker: str | None, value: str) -> bool:
    if not speaker:
        return False
    person = readout.person(speaker)
    if person is None:
        return _holds(value, speaker)
    return person_matches(person, value)


def person_matches(person: Person, value: str) -> bool:
    """Whether a person's name, title or country holds a (folded) filter value."""
    return _holds(value, person.name, person.title, person.country)


def _party_matches(readout: Readout, party: str | None, value: str) -> bool:
    """A donor or recipient: a country or body by name, or a person by id."""
    if not party:
        return False
    person = readout.person(party)
    return _holds(value, party) or (person is not None and person_matches(person, value))


def _amount_passes(amount: float | None, f: FieldFilter) -> bool:
    if amount is None or f.amount is None:
        return False
    target = f.amount
    return {
        ">": amount > target,
        "<": amount < target,
        ">=": amount >= target,
        "<=": amount <= target,
        "=": abs(amount - target) <= 1e-9 * max(abs(target), 1.0),
    }[f.op]


def _pledge_passes(readout: Readout, p: Pledge, f: FieldFilter) -> bool:
    tests: dict[str, Callable[[], bool]] = {
        "speaker": lambda: _speaker_matches(readout, p.speaker, f.value),
        "donor": lambda: _party_matches(readout, p.donor, f.value),
        "recipient": lambda: _party_matches(readout, p.recipient, f.value),
        "currency": lambda: (
            bool(p.currency) and (fold(p.currency or "") == f.value or _holds(f.value, p.currency_text))
        ),
        "category": lambda: p.category == f.value,
        "status": lambda: p.status == f.value,
        "amount": lambda: _amount_passes(p.amount, f),
    }
    return tests[f.field]()


def _quote_passes(readout: Readout, q: Quote, f: FieldFilter) -> bool:
    if f.field == "kind":
        return q.kind == f.value
    return _speaker_matches(readout, q.speaker, f.value)


def _topic_lineage(readout: Readout, topic: Topic) -> list[Topic]:
    """The topic and its ancestors, nearest first (a cycle in bad data stops the walk)."""
    chain, seen = [topic], {topic.id}
    while chain[-1].parent and chain[-1].parent not in seen:
        parent = readout.topic(chain[-1].parent)
        if parent is None:
            break
        chain.append(parent)
        seen.add(parent.id)
    return chain


def _topics_by_label(readout: Readout, filters: tuple[FieldFilter, ...]) -> list[Topic]:
    """Topics whose own or an ancestor's label holds every `topic:` value."""
    return [
        t
        for t in readout.topics
        if all(any(f.value in fold(a.label) for a in _topic_lineage(readout, t)) for f in filters)
    ]


def select(readout: Readout, query: Query) -> Selection:
    """The items the query's filters keep (everything when it has none)."""
    if not query.filters:
        return Selection.everything(readout)
    by_field = {f.field for f in query.filters}
    pledge_filters = [f for f in query.filters if f.field in _PLEDGE_FIELDS | _SHARED_FIELDS]
    quote_filters = [f for f in query.filters if f.field in _QUOTE_FIELDS | _SHARED_FIELDS]
    topic_filters = query.fields("topic")

    pledges = [p for p in readout.pledges if all(_pledge_passes(readout, p, f) for f in pledge_filters)]
    quotes = [q for q in readout.quotes if all(_quote_passes(readout, q, f) for f in quote_filters)]
    if by_field & _QUOTE_FIELDS:
        quote_spans = [q.span for q in quotes]
        pledges = [p for p in pledges if _any_overlap(p.span, quote_spans)]
    if by_field & _PLEDGE_FIELDS:
        pledge_spans = [p.span for p in pledges]
        quotes = [q for q in quotes if _any_overlap(q.span, pledge_spans)]

    topics = list(readout.topics)
    if topic_filters:
        topics = _topics_by_label(readout, topic_filters)
        filed = [s for t in topics for s in t.spans]
        quotes = [q for q in quotes if _any_overlap(q.span, filed)]
        pledges = [p for p in pledges if _any_overlap(p.span, filed)]
    if by_field - _TOPIC_FIELDS:
        kept_spans = [q.span for q in quotes] + [p.span for p in pledges]
        topics = [t for t in topics if any(_any_overlap(s, kept_spans) for s in t.spans)]
    topic_ids = {a.id for t in topics for a in _topic_lineage(readout, t)}

    people = {q.speaker for q in quotes} | {p.speaker for p in pledges}
    for f in query.fields("speaker"):
        people |= {p.id for p in readout.people if person_matches(p, f.value)}
    return Selection(
        quotes=frozenset(q.id for q in quotes),
        pledges=frozenset(p.id for p in pledges),
        topics=frozenset(topic_ids),
        people=frozenset(pid for pid in people if pid and readout.person(pid) is not None),
        filtered=True,
    )


def _items_at(readout: Readout, span: Span, selection: Selection) -> tuple[ItemRef, ...]:
    """The kept items whose evidence overlaps `span`, quotes first, then pledges, topics, people."""
    refs: list[ItemRef] = []
    refs += [ItemRef("quote", q.id) for q in readout.quotes if _overlaps(span, q.span)]
    refs += [ItemRef("pledge", p.id) for p in readout.pledges if _overlaps(span, p.evidence or p.span)]
    refs += [ItemRef("topic", t.id) for t in readout.topics if _any_overlap(span, t.spans)]
    refs += [ItemRef("person", p.id) for p in readout.people if _any_overlap(span, p.mentions)]
    return tuple(r for r in refs if selection.holds(r))


def _search_area(readout: Readout, query: Query, selection: Selection) -> list[Span] | None:
    """The stretches of text that hits must fall in, or None for the whole text."""
    if not selection.filtered:
        return None
    if {f.field for f in query.filters} - _TOPIC_FIELDS:
        return [q.span for q in readout.quotes if q.id in selection.quotes] + [
            p.evidence or p.span for p in readout.pledges if p.id in selection.pledges
        ]
    return [s for t in readout.topics if t.id in selection.topics for s in t.spans]


def find_hits(readout: Readout, query: Query, selection: Selection | None = None) -> tuple[Hit, ...]:
    """Every place the query's text is found, in reading order, within what its filters keep."""
    if not query.terms:
        return ()
    selection = selection or select(readout, query)
    area = _search_area(readout, query, selection)
    body = folded(readout.text)
    spans = sorted(
        {
            s
            for term in query.terms
            for needle, word_end in needles(term.folded)
            for s in body.find_all(needle, word_end)
        }
    )
    hits = [
        Hit(span=s, anchor=s[0], items=_items_at(readout, s, selection))
        for s in spans
        if area is None or _any_overlap(s, area)
    ]
    for t in readout.topics:
        if t.id in selection.topics and any(holds(fold(t.label), term.folded) for term in query.terms):
            anchor = t.spans[0][0] if t.spans else len(readout.text)
            hits.append(Hit(span=None, anchor=anchor, items=(ItemRef("topic", t.id),)))
    hits.sort(key=lambda h: (h.anchor, h.span is None))
    return tuple(hits)


def search(readout: Readout, query: Query) -> SearchResult:
    """The selection and the hits of a query on a readout."""
    selection = select(readout, query)
    return SearchResult(selection, find_hits(readout, query, selection))
