"""Paragraphs and sentences with character offsets.

Readouts arrive either with one paragraph per line or, from scrapers, with every
paragraph joined into one line (sometimes with no space at the joins:
`friendly."I hope`, `decades.They`). A sentence ends at `.`, `!` or `?` (and any
closing marks after it) before a capital, a digit or an opening mark, except after
an abbreviation or an initial (Mr., Dr., U.S., S.A.S., Joseph R. Biden) and except
inside a quotation: a full stop inside a quote does not end the sentence that
carries its attribution.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from readout_browser.model import Source, Span
from readout_browser.parse import datafiles
from readout_browser.parse.document import Document
from readout_browser.parse.marks import Stretch, stretches


def _abbreviations() -> frozenset[str]:
    """Titles and abbreviations after which a full stop does not end a sentence (resources/text.toml)."""
    return datafiles.compiled("text.toml", _compile_abbreviations)


def _compile_abbreviations(data: dict[str, Any]) -> frozenset[str]:
    return frozenset(w.lower().rstrip(".") for w in data.get("sentences", {}).get("abbreviations", []))


_UPPER = r"A-Z\u00C0-\u00DE\u0100-\u017F\u0400-\u042F"
# A full stop (or ! ? …) with its closing marks, then space and what may open a sentence.
# A match starts only where a run of marks starts, and never gives back what it took: a run of
# thousands of full stops is then read once, not once from each of its characters.
_BOUNDARY = re.compile(rf"(?<![.!?…])[.!?…]++[”»\"’)\]]*+(?=\s++[\"“„«‘(\[]?[{_UPPER}0-9])")
# Paragraphs joined with no space: `word."Next` or `word.Next` (a lowercase word before).
# (The mark is read first and what stands before it checked after: the engine then skips ahead
# from one mark to the next instead of checking every character of the text.)
_JOINED = re.compile(
    rf"[.!?](?<=[a-z\u00DF-\u00FF)]{{2}}[.!?])[.!?]*(?=[\"“„«][{_UPPER}]|[{_UPPER}][a-z]{{2,}}\s)"
)
_INITIALISM = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
_INITIAL = re.compile(rf"(?:^|[\s(])[{_UPPER}]\.$")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)\.$")
# After an initialism such as "U.S.", these words show that a new sentence began.
_SENTENCE_OPENERS = frozenset(
    [
        "The",
        "This",
        "That",
        "These",
        "Those",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "In",
        "On",
        "At",
        "As",
        "During",
        "Both",
        "According",
        "However",
        "Also",
        "Moreover",
        "Furthermore",
        "Meanwhile",
        "Separately",
        "Earlier",
        "Later",
        "Today",
        "Yesterday",
    ]
)


def _paragraph_spans(text: str) -> list[Span]:
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        start, end = m.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def _abbreviation_before(text: str, start: int, dot: int) -> bool:
    """True when the full stop at `dot` closes an abbreviation or an initial, not a sentence."""
    head = text[max(start, dot - 24) : dot + 1]
    if _INITIALISM.search(head):
        nxt = re.match(r"\s+([A-Za-z]+)", text[dot + 1 : dot + 20])
        # "U.S." ends a sentence only when a sentence plainly begins after it.
        return not (nxt and nxt.group(1) in _SENTENCE_OPENERS)
    if _INITIAL.search(head):
        return True
    word = _WORD_BEFORE.search(head)
    return bool(word) and word.group(1).lower() in _abbreviations()


class _QuoteSpans:
    """The closed quotations of the body, for asking whether an offset lies inside one."""

    def __init__(self, found: tuple[Stretch, ...]) -> None:
        closed = [s for s in found if s.close_mark is not None]
        self._starts = [s.inner[0] for s in closed]
        self._closes = [s.close_mark for s in closed]

    def holds(self, pos: int) -> int | None:
        """The closing-mark offset of the quotation whose text holds `pos`, if any."""
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and self._closes[i] is not None and pos < self._closes[i]:
            return self._closes[i]
        return None


def _sentence_spans(text: str, para: Span, quotes: _QuoteSpans) -> list[Span]:
    start, end = para
    out: list[Span] = []
    cur = start
    cuts: list[tuple[int, int]] = [(m.start(), m.end()) for m in _BOUNDARY.finditer(text, start, end)]
    cuts += [(m.start(), m.end()) for m in _JOINED.finditer(text, start, end)]
    cuts.sort()
    for dot, stop in cuts:
        if stop <= cur:
            continue
        if text[dot] == "." and stop - dot == 1 and _abbreviation_before(text, cur, dot):
            continue
        close = quotes.holds(dot)
        if close is not None and close >= stop:
            # A full stop inside a quotation that closes further on.
            continue
        out.append((cur, stop))
        cur = stop
        while cur < end and text[cur].isspace():
            cur += 1
    if cur < end:
        out.append((cur, end))
    return out


def segment(text: str, source: Source) -> Document:
    """Cut a body into paragraphs and sentences."""
    paragraphs = tuple(_paragraph_spans(text))
    quoted = stretches(text, paragraphs)
    quotes = _QuoteSpans(quoted)
    sentences = tuple(s for p in paragraphs for s in _sentence_spans(text, p, quotes))
    return Document(text=text, source=source, paragraphs=paragraphs, sentences=sentences, quoted=quoted)
