"""Which item a hit puts the user on, so stepping through hits moves the selection with them.

A hit in a topic's label is that topic. A hit in the text is the narrowest item it
falls in: a pledge before the quote it was announced in, a quote before plain text.
Several pledges often share one stretch of evidence (a quote that announces three
sums); the hit then belongs to the pledge whose amount stands in the same sentence,
and of those to the nearest amount before it, because readouts name the money first
and what it is for after it ("165 million dollars for strengthening drone
capabilities"). A hit in no quote or pledge puts the user on nothing.
"""

from __future__ import annotations

from readout_browser.model import Pledge, Readout, Span
from readout_browser.search.matching import Hit, ItemRef


def _pledge_key(readout: Readout, span: Span, pledge: Pledge) -> tuple[bool, bool, int]:
    """Sorts the pledges a hit falls in: same sentence first, then amounts before it, then nearest."""
    sentence = readout.sentence_at(span[0])
    same = sentence is not None and sentence[0] <= pledge.span[0] < sentence[1]
    before = pledge.span[0] <= span[0]
    distance = span[0] - pledge.span[1] if before else pledge.span[0] - span[1]
    return (not same, not before, max(0, distance))


def hit_target(readout: Readout, hit: Hit) -> ItemRef | None:
    """The topic, pledge or quote that a hit selects, or None for a hit in plain text."""
    if hit.span is None:
        return next((i for i in hit.items if i.kind == "topic"), None)
    span = hit.span
    pledges = [p for i in hit.items if i.kind == "pledge" and (p := readout.pledge(i.id)) is not None]
    if pledges:
        best = min(pledges, key=lambda p: _pledge_key(readout, span, p))
        return ItemRef("pledge", best.id)
    quotes = [q for q in readout.quotes if any(i.kind == "quote" and i.id == q.id for i in hit.items)]
    if quotes:
        narrowest = min(quotes, key=lambda q: q.span[1] - q.span[0])
        return ItemRef("quote", narrowest.id)
    return None
