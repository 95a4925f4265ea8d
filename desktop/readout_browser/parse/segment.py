"""Paragraphs and sentences with character offsets.

Readouts arrive either with one paragraph per line or, from scrapers, with every
paragraph joined into one line. Sentences end at `.`, `!` or `?` followed by space
and a capital, digit or opening mark, except after an abbreviation (Mr., Dr., U.S.,
S.A.S.) and except inside quotation marks: a full stop inside a quote does not end
the sentence that carries its attribution.
"""

from __future__ import annotations

import re

from readout_browser.model import Source, Span
from readout_browser.parse.document import Document

OPENING_MARKS = "“„«\"‘"
CLOSING_MARKS = "”»\"’"

# Titles and abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr gen col lt capt sgt adm gov sen rep no nos vs etc approx dept est fig inc ltd co "
    "corp jan feb mar apr jun jul aug sep sept oct nov dec h.e e.g i.e".split()
)
_BOUNDARY = re.compile(r"[.!?…]+[”»\"’)]*(?=\s+[\"“„«‘(]?[A-Z0-9\u0400-\u04FF])")
_INITIALISM = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
_QUOTE_TOGGLE = re.compile(r"[“”„«»\"]")


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


def _ends_in_abbreviation(text: str, start: int, dot: int) -> bool:
    """True when the full stop at `dot` closes an abbreviation, not a sentence."""
    head = text[start : dot + 1]
    if _INITIALISM.search(head):
        # "U.S." ends a sentence only when the next word could not go on it; keep it joined.
        return True
    word = re.search(r"([A-Za-z.]+)\.$", head)
    return bool(word) and word.group(1).lower() in _ABBREVIATIONS


def _inside_quote(text: str, start: int, pos: int) -> bool:
    """Whether `pos` lies inside an open quotation that started in this paragraph.

    Curly marks say which way they face; a straight mark toggles. A quotation that
    is still open at `pos` keeps its full stops from ending the sentence, so long as
    it closes later in the paragraph (a mark left open never shifts later text).
    """
    depth = False
    for m in _QUOTE_TOGGLE.finditer(text, start, pos):
        ch = m.group()
        if ch in "“„«":
            depth = True
        elif ch in "”»":
            depth = False
        else:
            depth = not depth
    return depth


def _sentence_spans(text: str, para: Span) -> list[Span]:
    start, end = para
    out: list[Span] = []
    cur = start
    closes_later = {m.start() for m in _QUOTE_TOGGLE.finditer(text, start, end)}
    for m in _BOUNDARY.finditer(text, start, end):
        stop = m.end()
        dot = m.start()
        if text[dot] == "." and m.end() - m.start() == 1 and _ends_in_abbreviation(text, cur, dot):
            continue
        if _inside_quote(text, cur, dot) and any(p >= dot for p in closes_later):
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
    paragraphs = _paragraph_spans(text)
    sentences = [s for p in paragraphs for s in _sentence_spans(text, p)]
    return Document(text=text, source=source, paragraphs=tuple(paragraphs), sentences=tuple(sentences))
