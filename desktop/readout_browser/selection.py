"""Which items of a readout a choice of the user points at: a topic, a speaker, a place in the text.

The browsing window narrows its lists and finds the item under the mouse with these
rules, so they live here, free of Qt, where they can be tested on their own. A topic is
a set of sentences; an item belongs to it when the item's span touches one of them
(a direct quote may run over several sentences, and any one of them files it).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from readout_browser.model import Person, Pledge, Quote, Readout, Span, Topic


def subtopics(readout: Readout, topic_id: str) -> tuple[Topic, ...]:
    """The topics beneath a topic, at any depth, in the readout's order."""
    found: list[Topic] = []
    frontier = [topic_id]
    seen = {topic_id}
    while frontier:
        parent = frontier.pop()
        for topic in readout.topics:
            if topic.parent == parent and topic.id not in seen:
                seen.add(topic.id)
                found.append(topic)
                frontier.append(topic.id)
    order = {t.id: i for i, t in enumerate(readout.topics)}
    return tuple(sorted(found, key=lambda t: order[t.id]))


def topic_sentences(readout: Readout, topic_id: str) -> tuple[Span, ...]:
    """The sentences filed under a topic or any theme beneath it, each once, in reading order."""
    topic = readout.topic(topic_id)
    if topic is None:
        return ()
    spans = set(topic.spans)
    for sub in subtopics(readout, topic_id):
        spans.update(sub.spans)
    return tuple(sorted(spans))


def touches(span: Span, sentences: Iterable[Span]) -> bool:
    """Whether a span shares at least one character with any of the sentences.

    An empty span counts as the point where it starts.
    """
    start, end = span
    if end <= start:
        return any(s <= start < e for s, e in sentences)
    return any(start < e and s < end for s, e in sentences)


def quote_matches(
    quote: Quote,
    speaker: str | None = None,
    kind: str | None = None,
    sentences: Sequence[Span] | None = None,
    kept: Collection[str] | None = None,
) -> bool:
    """Whether a quote passes the filters; a None filter lets everything through.

    `kept` holds the ids a search filter keeps (`search.select`).
    """
    if kept is not None and quote.id not in kept:
        return False
    if speaker is not None and quote.speaker != speaker:
        return False
    if kind is not None and quote.kind != kind:
        return False
    return sentences is None or touches(quote.span, sentences)


def pledge_matches(
    pledge: Pledge, sentences: Sequence[Span] | None = None, kept: Collection[str] | None = None
) -> bool:
    """Whether a pledge's amount stands in one of the sentences and a search filter keeps it.

    None lets every pledge through, for either test.
    """
    if kept is not None and pledge.id not in kept:
        return False
    return sentences is None or touches(pledge.span, sentences)


def speakers(readout: Readout) -> tuple[Person, ...]:
    """The people who speak in the readout, in the order they first do."""
    order: list[str] = []
    for quote in sorted(readout.quotes, key=lambda q: q.span):
        if quote.speaker is not None and quote.speaker not in order:
            order.append(quote.speaker)
    people = (readout.person(pid) for pid in order)
    return tuple(p for p in people if p is not None)


def item_at(readout: Readout, offset: int) -> Quote | Pledge | None:
    """The quote or pledge at a character offset: the innermost one when they nest.

    A pledge spoken inside a quote is narrower than the quote, so a click on the amount
    picks the pledge and a click elsewhere in the quote picks the quote.
    """
    items: list[Quote | Pledge] = [*readout.quotes, *readout.pledges]
    under = [i for i in items if i.span[0] <= offset < i.span[1]]
    if not under:
        return None
    return min(under, key=lambda i: (i.span[1] - i.span[0], isinstance(i, Quote)))


def pledge_ancestors(readout: Readout, pledge: Pledge) -> tuple[Pledge, ...]:
    """The pledges that a pledge is part of, nearest first (a cycle in the data stops the walk)."""
    chain: list[Pledge] = []
    seen = {pledge.id}
    current = readout.pledge(pledge.parent)
    while current is not None and current.id not in seen:
        chain.append(current)
        seen.add(current.id)
        current = readout.pledge(current.parent)
    return tuple(chain)
