"""Quotation marks paired into quoted stretches, paragraph by paragraph.

Readouts mix straight and curly marks, open with one kind and close with the other,
nest a term in marks inside a quotation (the "Large Construction" program) and now and
then carry a stray mark. Each mark is read as opening or closing from what stands on
either side of it, the glyph deciding only where the context does not; marks are then
paired so that one bad mark spoils at most the stretch it sits in, never the
quotations after it. Sentence segmentation and the quote finder both read these
stretches.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from readout_browser.model import Span

_MARK = re.compile(r"[\"“”„‟«»]")
_OPEN_GLYPHS = "“„‟«"
_CLOSE_GLYPHS = "”»"
_BEFORE_OPEN = " \t\n([{—–-/:"
_AFTER_CLOSE = " \t\n)]}.,;:!?…—–-/"
_SENTENCE_END = re.compile(r"[.!?…][)\]]?\s*$")
_NAIVE_BOUNDARY = re.compile(r"[.!?…][\"”»]?\s+(?=[\"“„«]?[A-Z0-9\u00C0-\u024F\u0400-\u04FF])")
_FIRST_PERSON = re.compile(r"\bI\b|\b(?:[Ww]e|[Oo]ur|[Uu]s|[Mm]y|[Mm]e|[Yy]ou|[Yy]our)\b")
_ATTRIBUTION_AFTER = re.compile(r"\s*,?\s*(?:[—–-]\s*)?[a-z]")
# A paragraph this long with no line breaks is a scraper's join of many paragraphs.
_JOINED_PARAGRAPH = 1500
# Single marks quote a whole paragraph in some house styles (‘We will help where we can.’); inside
# a paragraph they are too often apostrophes to be read as quotation marks.
_SINGLE_OPEN = "‘"
_SINGLE_CLOSE = "’"
# The marks a paragraph of quoted words may open with, plain and curly.
_PARAGRAPH_OPENERS = "\"“„«‘'"
# A label line over quote paragraphs ("Minister for X, the Hon Jane Doe MP:") is no longer than this.
_LABEL_CHARS = 200


@dataclass(frozen=True)
class Stretch:
    """Text between an opening and a closing mark.

    `open_mark` / `close_mark` are the offsets of the marks themselves, or None where the
    text has no such mark: a quotation never opened (it runs from the start of its
    paragraph), or one left open (it ends at its paragraph's end or where the next
    quotation opens). `inner` is what stands between.
    """

    inner: Span
    open_mark: int | None
    close_mark: int | None
    paragraph: int


def _role(text: str, pos: int, start: int, end: int) -> str:
    """'O' (opening), 'C' (closing) or '?' for the mark at `pos`, read from its neighbours."""
    before = text[pos - 1] if pos > start else " "
    after = text[pos + 1] if pos + 1 < end else " "
    open_ctx = before in _BEFORE_OPEN or before in _OPEN_GLYPHS
    close_ctx = after in _AFTER_CLOSE or after in _CLOSE_GLYPHS
    if open_ctx and not close_ctx:
        return "O"
    if close_ctx and not open_ctx:
        return "C"
    if not open_ctx and before in ".!?;" and (after.isalnum()):
        return "O"  # two paragraphs joined without a space: `friendly."I hope`
    ch = text[pos]
    if ch in _OPEN_GLYPHS:
        return "O"
    if ch in _CLOSE_GLYPHS:
        return "C"
    return "?"


def _opens_sentence(text: str, pos: int, start: int) -> bool:
    head = text[max(start, pos - 8) : pos]
    return pos <= start or not text[start:pos].strip() or bool(_SENTENCE_END.search(head))


def _pair(
    text: str, start: int, end: int, marks: list[tuple[int, str]]
) -> list[tuple[int | None, int | None, int | None]]:
    """(open, close, cut) triples for one paragraph; `cut` ends a stretch left open early."""
    out: list[tuple[int | None, int | None, int | None]] = []
    stack: list[int] = []
    inner_opens: list[int] = []  # indexes into `marks` of openings nested in the open stretch
    opened_since_close = False
    for i, (pos, role) in enumerate(marks):
        if role == "?":
            role = "C" if stack else "O"
        if role == "O":
            if stack:
                inner_opens.append(i)
            stack.append(pos)
            opened_since_close = True
            continue
        if stack:
            bottom = stack[0]
            stack.pop()
            if not stack:
                out.append((bottom, pos, None))
                inner_opens = []
                opened_since_close = False
            continue
        # A closing mark with nothing open.
        last = out[-1] if out else None
        if (
            last is not None
            and last[1] is not None
            and not opened_since_close
            and text[last[1] - 1] in ".!?…"
            and not _ATTRIBUTION_AFTER.match(text, last[1] + 1, pos)
        ):
            # A stray mark inside a quotation ("...prevail?" Will ... war," she said):
            # the quotation runs on to this mark.
            out[-1] = (last[0], pos, None)
        else:
            out.append((None, pos, None))
        opened_since_close = False
    if stack:
        split = next((k for k in inner_opens if _opens_sentence(text, marks[k][0], start)), None)
        if split is None:
            out.append((stack[0], None, None))
        else:
            # Left open; a new quotation opens at a sentence start and ends this one.
            out.append((stack[0], None, marks[split][0]))
            out.extend(_pair(text, start, end, marks[split:]))
    return out


def _orphan_start(text: str, para: Span, lower: int, close: int, joined: bool) -> int:
    """Where a quotation that was never opened begins.

    In a real paragraph, at its start (or after the quotation before it). In a body whose
    paragraphs were joined into one line, at the earliest of the sentences before the
    closing mark that still speak in the first or second person.
    """
    if not joined:
        return lower
    starts = [lower] + [m.end() for m in _NAIVE_BOUNDARY.finditer(text, lower, close)]
    begin = starts[-1]
    for s, e in zip(reversed(starts[:-1]), reversed(starts[1:]), strict=True):
        if not _FIRST_PERSON.search(text, s, e):
            break
        begin = s
    return begin


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraph_stretches(text: str, index: int, para: Span, joined: bool) -> list[Stretch]:
    start, end = para
    marks = [(m.start(), _role(text, m.start(), start, end)) for m in _MARK.finditer(text, start, end)]
    if not marks and end - start > 2 and text[start] == _SINGLE_OPEN and text[end - 1] == _SINGLE_CLOSE:
        return [Stretch(_strip(text, start + 1, end - 1), start, end - 1, index)]
    out: list[Stretch] = []
    previous_end = start
    for open_mark, close_mark, cut in _pair(text, start, end, marks):
        if open_mark is None:
            assert close_mark is not None
            lower = previous_end
            if out and out[-1].close_mark is not None:
                m = re.compile(r"[.!?…]\s").search(text, out[-1].close_mark, close_mark)
                lower = m.end() if m else out[-1].close_mark + 1
            inner = _strip(text, _orphan_start(text, para, lower, close_mark, joined), close_mark)
        else:
            stop = close_mark if close_mark is not None else (cut if cut is not None else end)
            inner = _strip(text, open_mark + 1, stop)
        out.append(Stretch(inner, open_mark, close_mark, index))
        previous_end = (close_mark + 1) if close_mark is not None else inner[1]
    return out


def stretches(text: str, paragraphs: tuple[Span, ...]) -> tuple[Stretch, ...]:
    """Every quoted stretch of the body, in reading order."""
    out: list[Stretch] = []
    for i, para in enumerate(paragraphs):
        joined = len(paragraphs) == 1 and para[1] - para[0] > _JOINED_PARAGRAPH
        out.extend(_paragraph_stretches(text, i, para, joined))
    return tuple(out)


class QuoteIndex:
    """The quoted stretches of a body, for asking whether an offset lies inside one."""

    def __init__(self, found: tuple[Stretch, ...]) -> None:
        self.stretches = found
        self._starts = [s.inner[0] for s in self.stretches]

    def holding(self, pos: int) -> Stretch | None:
        """The stretch whose text (or marks) holds `pos`, if any."""
        i = bisect.bisect_right(self._starts, pos + 1) - 1
        while i >= 0:
            s = self.stretches[i]
            low = s.open_mark if s.open_mark is not None else s.inner[0]
            high = s.close_mark + 1 if s.close_mark is not None else s.inner[1]
            if low <= pos < high:
                return s
            if high <= pos:
                return None
            i -= 1
        return None


def opens_with_mark(text: str, para: Span) -> bool:
    """Whether a paragraph begins with a quotation mark: a paragraph of someone's words."""
    a, b = para
    return a < b and text[a] in _PARAGRAPH_OPENERS


def label_line(text: str, para: Span) -> bool:
    """Whether a paragraph is short and ends in a colon: a label for the paragraphs under it."""
    a, b = para
    return 0 < b - a <= _LABEL_CHARS and text[b - 1] == ":"
