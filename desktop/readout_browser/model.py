"""The domain of a parsed readout: frozen dataclasses that every layer shares.

Nothing here parses or draws; the parser builds these objects, the JSON form
(`jsonform`) writes and reads them, and the Qt models adapt them for the views.
Every extracted item carries a `Span`, `[start, end)` in characters of
`Readout.text`, so the user can always be shown the evidence.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

Span = tuple[int, int]

MeetingKind = Literal["meeting", "phone call", "video call", "talks", "visit", "other"]
QuoteKind = Literal["direct", "reported"]
Qualifier = Literal["exact", "over", "at_least", "up_to", "about", "under"]
Category = Literal["military", "financial", "humanitarian", "energy", "reconstruction", "other"]
Status = Literal["delivered", "committed", "planned", "under_consideration"]
# What a sum of money in the text is when it is not a pledge: a contract or purchase, a trade
# volume, a need or appeal, a budget or target, damage or losses, or some other figure.
AmountKind = Literal["contract", "trade", "need", "budget", "damage", "other"]

MEETING_KINDS: tuple[str, ...] = ("meeting", "phone call", "video call", "talks", "visit", "other")
QUALIFIERS: tuple[str, ...] = ("exact", "over", "at_least", "up_to", "about", "under")
CATEGORIES: tuple[str, ...] = ("military", "financial", "humanitarian", "energy", "reconstruction", "other")
STATUSES: tuple[str, ...] = ("delivered", "committed", "planned", "under_consideration")
AMOUNT_KINDS: tuple[str, ...] = ("contract", "trade", "need", "budget", "damage", "other")


def span_index(spans: tuple[Span, ...], offset: int) -> int | None:
    """Index of the span (sorted, not overlapping) that holds a character offset, if any."""
    i = bisect_right(spans, (offset, float("inf"))) - 1
    return i if i >= 0 and spans[i][0] <= offset < spans[i][1] else None


@dataclass(frozen=True)
class Source:
    """Where the readout came from: the file and what its metadata said."""

    path: str | None = None
    url: str | None = None
    title: str | None = None
    date: str | None = None
    publisher: str | None = None
    # Paragraphs of the text that the saved web page set as headings (its subheadings), so the
    # source pane can show them as the page did; empty for plain text.
    headings: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Meeting:
    """What kind of encounter the readout reports, where, when and in which formats."""

    kind: MeetingKind = "other"
    place: str | None = None
    date: str | None = None
    formats: tuple[str, ...] = ()


@dataclass(frozen=True)
class Person:
    """A participant or speaker, with every place the text refers to them."""

    id: str
    name: str
    title: str | None = None
    country: str | None = None
    mentions: tuple[Span, ...] = ()
    # The name was not in the text: it comes from the dated roster of office holders, by the
    # office, the publisher and the readout's date (the window says so).
    from_roster: bool = False


@dataclass(frozen=True)
class Quote:
    """A direct quotation (words inside marks) or a reported statement (narrator's words)."""

    id: str
    kind: QuoteKind
    text: str
    span: Span
    speaker: str | None = None
    cue: str | None = None
    cue_span: Span | None = None


@dataclass(frozen=True)
class Pledge:
    """Money a donor has given or committed; `amount` is None for an unquantified pledge."""

    id: str
    span: Span
    donor: str | None = None
    recipient: str | None = None
    amount: float | None = None
    currency: str | None = None
    currency_text: str | None = None
    currency_inferred: bool = False
    qualifier: Qualifier = "exact"
    purpose: str | None = None
    category: Category = "other"
    status: Status = "committed"
    when: str | None = None
    parent: str | None = None
    speaker: str | None = None
    evidence: Span | None = None


@dataclass(frozen=True)
class Amount:
    """A sum of money in the text that is not a pledge (a contract, a trade volume, a need ...),
    kept so that every amount the readout mentions is accounted for and one click away."""

    id: str
    span: Span
    amount: float
    kind: AmountKind = "other"
    currency: str | None = None
    currency_text: str | None = None
    currency_inferred: bool = False
    evidence: Span | None = None  # the sentence it stands in


@dataclass(frozen=True)
class Topic:
    """A theme of the taxonomy that this readout touches, with the sentences filed under it."""

    id: str
    label: str
    parent: str | None = None
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Readout:
    """One parsed readout: its body text and everything found in it."""

    source: Source
    text: str
    meeting: Meeting = field(default_factory=Meeting)
    people: tuple[Person, ...] = ()
    quotes: tuple[Quote, ...] = ()
    pledges: tuple[Pledge, ...] = ()
    topics: tuple[Topic, ...] = ()
    paragraphs: tuple[Span, ...] = ()
    sentences: tuple[Span, ...] = ()
    amounts: tuple[Amount, ...] = ()  # sums of money that are not pledges
    host: str | None = None  # id of the person on whose behalf the readout is published

    def person(self, person_id: str | None) -> Person | None:
        """The person with this id, or None (also for a None id)."""
        return next((p for p in self.people if p.id == person_id), None)

    def pledge(self, pledge_id: str | None) -> Pledge | None:
        """The pledge with this id, or None."""
        return next((p for p in self.pledges if p.id == pledge_id), None)

    def topic(self, topic_id: str | None) -> Topic | None:
        """The topic with this id, or None."""
        return next((t for t in self.topics if t.id == topic_id), None)

    def children(self, pledge_id: str) -> tuple[Pledge, ...]:
        """The sub-allocations of a pledge, in reading order."""
        return tuple(p for p in self.pledges if p.parent == pledge_id)

    def snippet(self, span: Span) -> str:
        """The text a span points at."""
        return self.text[span[0] : span[1]]

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence that holds a character offset, if any."""
        i = span_index(self.sentences, offset)
        return None if i is None else self.sentences[i]

    @property
    def display_title(self) -> str:
        """A title for lists and window captions: the page title, else the lead sentence."""
        if self.source.title:
            return self.source.title
        lead = self.text.split("\n", 1)[0].strip()
        return lead if len(lead) <= 90 else lead[:87].rstrip() + "…"
