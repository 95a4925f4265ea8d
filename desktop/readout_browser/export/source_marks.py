"""The readout's text cut into runs, each knowing which kinds of item it belongs to.

Direct and reported quotes, pledges and the mentions of people overlap (a pledge inside a quote, a name
inside both), so the text is cut at every boundary and each run carries the set of
kinds that cover it; a renderer then gives each kind its own colour.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Literal

from readout_browser.model import Readout, Span
from readout_browser.search.matching import Selection

MarkKind = Literal["direct", "reported", "pledge", "person"]


@dataclass(frozen=True)
class Run:
    """A stretch of text `[start, end)` and the kinds of item that cover it."""

    start: int
    end: int
    kinds: frozenset[MarkKind]


def marked_spans(readout: Readout, selection: Selection | None = None) -> list[tuple[Span, MarkKind]]:
    """The spans to mark: the quotes, pledges and mentions of people the selection keeps."""
    sel = selection or Selection.everything(readout)
    marks: list[tuple[Span, MarkKind]] = []
    marks += [(q.span, q.kind) for q in readout.quotes if q.id in sel.quotes]
    marks += [(p.span, "pledge") for p in readout.pledges if p.id in sel.pledges]
    marks += [(m, "person") for p in readout.people if p.id in sel.people for m in p.mentions]
    return [(s, k) for s, k in marks if s[0] < s[1]]


def runs(span: Span, marks: list[tuple[Span, MarkKind]]) -> list[Run]:
    """The runs of `span` (a paragraph, say), cut wherever a mark starts or ends."""
    start, end = span
    inside = [(max(s[0], start), min(s[1], end), k) for s, k in marks if s[0] < end and start < s[1]]
    cuts = sorted({start, end} | {a for a, _, _ in inside} | {b for _, b, _ in inside})
    out: list[Run] = []
    for a, b in itertools.pairwise(cuts):
        kinds = frozenset(k for s, e, k in inside if s <= a and b <= e)
        out.append(Run(a, b, kinds))
    return out
