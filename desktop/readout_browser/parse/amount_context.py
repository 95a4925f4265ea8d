"""The words around an amount of money: where its clause begins and ends, what cue words
stand there, and which amounts come before and after it in its sentence.

The pledge stage asks these questions of every amount; they are answered here once per
readout, with indexes so that a long readout costs no more per amount than a short one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate, pairwise

from readout_browser.model import Person, Quote, Span
from readout_browser.parse.document import Document
from readout_browser.parse.money import Amount
from readout_browser.parse.parties import Parties, person_party
from readout_browser.parse.pledge_words import Cue, pledge_words

# How far from an amount (in characters) the words that govern it are looked for.
REACH = 400
# Where a clause ends: what a cue on one side says does not carry to an amount on the other
# (",", ";", ":", "(", a full stop and space, or a dash between spaces). The first character is
# read before the branches, which lets the regex engine skip to the next candidate at once.
CLAUSE_END = re.compile(r"[,;:(.!?\s](?:(?<=[,;:(])|(?<=[.!?])[\"”’]?\s|(?<=\s)[–—-]\s)")
FULL_STOP = re.compile(r"[.!?][\"”’]?\s")
COORDINATION = re.compile(r"(?i)(?<![\w-])(?:and|as well as|plus|while)(?![\w-])")
PURPOSE_END = re.compile(
    r"(?i)(?=[;.!?,\"”\s])"  # (every branch opens with one of these: a quick test for the rest)
    r"(?:[;]|[.!?][\"”’]?(?:\s|$)|,\s+(?:as well as|which|while|of which|in particular|but|when|where|"
    r"in addition|[a-z]+ing|the|a|an|he|she|they|it|we|this|these)\b"
    r"|\s(?:as well as|and another|and additional|and an additional)\s|[\"”]"
    r"|\s+and\s+(?:[a-z]+ed\s+)?(?:the|a|an|its|their|our|his|her|this|that|to|also|for)\s)"
)
WORD = re.compile(r"[\w'’-]+")
# How far a rounded amount ("more than $70 million") may stand from the one it names again.
ROUNDING = 0.1


def last_deciding(cues: list[Cue]) -> Cue | None:
    """The last of `cues` that says what money is: a noun or a modal only goes with such a word."""
    return next((c for c in reversed(cues) if c.kind not in ("noun", "modal")), None)


@dataclass
class Candidate:
    """An amount being read as a pledge; filled in step by step."""

    amount: Amount
    sentence: int
    currency: str | None = None
    currency_inferred: bool = False
    parent: int | None = None  # index into the candidate list
    donor: str | None = None
    recipient: str | None = None
    status: str | None = None
    category: str | None = None
    purpose: str | None = None
    when: str | None = None
    speaker: str | None = None
    span: Span | None = None  # for pledges with no amount: the words that commit
    donor_rule: str = ""  # the rule that named the donor: sentence, earlier, publisher, counterpart


class AmountContext:
    """One readout's text, amounts, cue words, people, parties and quotes, indexed."""

    def __init__(self, doc: Document, people: tuple[Person, ...], quotes: tuple[Quote, ...]) -> None:
        self.doc = doc
        self.text = doc.text
        self.words = pledge_words()
        self.parties = Parties(doc, people)
        self.people = {p.id: p for p in people}
        self.direct = [q for q in quotes if q.kind == "direct"]
        self.reported = [q for q in quotes if q.kind == "reported"]
        self.starts = [s for s, _ in doc.sentences]
        self.amounts = list(doc.amounts)
        self._amount_leads = [a.start for a in self.amounts]
        self._amount_ends = [a.span[1] for a in self.amounts]
        self._cues: dict[int, tuple[list[Cue], list[int]]] = {}
        self._categories: dict[int, dict[str, float]] = {}
        self._recipients: dict[int, list[tuple[int, str]]] = {}
        self._before_start: dict[tuple[int, int], int] = {}
        self._quote_index: dict[int, tuple[list[Quote], list[int], list[int]] | None] = {}
        self._heads: dict[int, int] | None = None  # list item paragraph -> the paragraph opening the list
        year = (doc.source.date or "")[:4]
        self.year = year if year.isdigit() else None

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence holding `pos` (the last one starting at or before it)."""
        return max(0, bisect_right(self.starts, pos) - 1)

    def sentence_span(self, i: int) -> Span:
        return self.doc.sentences[i] if self.doc.sentences else (0, len(self.text))

    def cues(self, i: int) -> list[Cue]:
        """The cue words of sentence `i`, found once."""
        return self._sentence_cues(i)[0]

    def _sentence_cues(self, i: int) -> tuple[list[Cue], list[int]]:
        if i not in self._cues:
            s, e = self.sentence_span(i)
            found = self.words.find(self.text, s, e)
            self._cues[i] = (found, [c.start for c in found])
        return self._cues[i]

    def amount_before(self, pos: int, i: int) -> Amount | None:
        """The last amount of sentence `i` that ends at or before `pos`."""
        k = bisect_right(self._amount_ends, pos) - 1
        if k >= 0 and self.amounts[k].span[0] >= self.sentence_span(i)[0]:
            return self.amounts[k]
        return None

    def amount_after(self, pos: int, i: int) -> Amount | None:
        """The first amount of sentence `i` whose words start at or after `pos`."""
        k = bisect_left(self._amount_leads, pos)
        if k < len(self.amounts) and self.amounts[k].start < self.sentence_span(i)[1]:
            return self.amounts[k]
        return None

    def last_amount_with_currency(self, pos: int) -> Amount | None:
        """The last amount that names a currency and ends at or before `pos`."""
        k = bisect_right(self._amount_ends, pos) - 1
        while k >= 0 and self.amounts[k].form is None:
            k -= 1
        return self.amounts[k] if k >= 0 else None

    def same_paragraph(self, a: int, b: int) -> bool:
        return self.doc.paragraph_index(a) == self.doc.paragraph_index(b)

    def quote_at(self, pos: int, quotes: list[Quote]) -> Quote | None:
        """The first of `quotes` whose span holds `pos`.

        Found by halving over the starts and the farthest end reached so far, not by trying
        every quote: a long readout has thousands, and this is asked of every amount.
        """
        if id(quotes) not in self._quote_index:
            starts = [q.span[0] for q in quotes]
            in_order = all(a <= b for a, b in pairwise(starts))
            reach = list(accumulate((q.span[1] for q in quotes), max))
            self._quote_index[id(quotes)] = (quotes, starts, reach) if in_order else None
        index = self._quote_index[id(quotes)]
        if index is None or index[0] is not quotes:  # not in reading order: try each
            return next((q for q in quotes if q.span[0] <= pos < q.span[1]), None)
        _, starts, reach = index
        k = bisect_right(starts, pos)  # the quotes that start at or before pos
        j = bisect_right(reach, pos, 0, k)  # the first of them whose end passes pos
        return quotes[j] if j < k else None

    def before_start(self, a: Amount, i: int) -> int:
        """Where the words that govern an amount begin: the start of its clause, and after an
        earlier amount of the same sentence, after the "and" that joins them (found once per
        amount: every question asked of an amount begins here)."""
        key = (a.start, i)
        if key not in self._before_start:
            self._before_start[key] = self._clause_start(a, i)
        return self._before_start[key]

    def _clause_start(self, a: Amount, i: int) -> int:
        start = max(self.sentence_span(i)[0], a.start - REACH)
        for m in CLAUSE_END.finditer(self.text, start, a.start):
            start = m.end()
        previous = self.amount_before(a.start, i)
        if previous is not None:
            start = max(start, previous.span[1])
            for m in COORDINATION.finditer(self.text, start, a.start):
                start = m.end()
        return start

    def after_end(self, a: Amount, i: int) -> int:
        """Where the words that an amount governs end: its clause, or the next amount."""
        e = min(self.sentence_span(i)[1], a.span[1] + 160)
        m = CLAUSE_END.search(self.text, a.span[1], e)
        end = m.start() if m else e
        following = self.amount_after(a.span[1], i)
        return min(end, following.start) if following is not None else end

    def lead_start(self, a: Amount, i: int) -> int:
        """Where the words before an amount begin: its sentence, or the last amount or full stop
        inside the sentence (a quotation of several sentences is one sentence)."""
        start = max(self.sentence_span(i)[0], a.start - REACH)
        for m in FULL_STOP.finditer(self.text, start, a.start):
            start = m.end()
        previous = self.amount_before(a.start, i)
        return max(start, previous.span[1]) if previous is not None else start

    def purpose_end(self, pos: int, i: int) -> int:
        e = min(self.sentence_span(i)[1], pos + REACH)
        following = self.amount_after(pos, i)
        m = PURPOSE_END.search(self.text, pos, e)
        end = m.start() if m else e
        return min(end, following.start) if following is not None else end

    def cues_between(self, i: int, start: int, end: int) -> list[Cue]:
        found, starts = self._sentence_cues(i)
        lo = bisect_left(starts, start)
        hi = bisect_left(starts, end)
        return [c for c in found[lo:hi] if c.end <= end]

    def party_of_person(self, person_id: str) -> str | None:
        person = self.people.get(person_id)
        return person_party(person) if person else None
