"""What a pledge is: how far along (status), for what (category and purpose) and when.

Each is read from the words nearest the amount first, then from the rest of its sentence:
"Of this, 800 million will be allocated for the procurement of ..." is committed, military,
for "procurement of ...". The words are data (`resources/pledges.toml`).
"""

from __future__ import annotations

import re
from collections import Counter

from readout_browser.parse.amount_context import REACH, WORD, AmountContext, Candidate
from readout_browser.parse.money import Amount
from readout_browser.parse.pledge_words import Cue, pledge_words

# Where a purpose phrase turns into a new clause ("... projects in Ukraine is a manifestation").
_PURPOSE_VERB = re.compile(
    r"(?i)\s(?:already|is|are|was|were|has|have|had|will|would|can|could|should|must|which|that|who)\s"
    r"|\s(?:[a-z]+ed|given|sent|paid)\s+by\s"
)
_NP_CONNECTOR = re.compile(
    r"(?i)\s+(?:worth|in the amount of|in the sum of|amounting to|totall?ing|valued at|of|at)[\s,]*$"
)
_PURPOSE_AFTER = re.compile(
    r"(?i)\s*(?:(?:(?:will|shall|would|is|are|was|were|has|have|had|be|been|being|also|already|to|then)\s+)+"
    r"[a-z]+\s+|[a-z]+(?:ed|en)\s+)?"
    r"(?P<prep>for the purposes? of|for|towards?|aimed at|intended for|to|in|of|from|under|on)\s+(?P<p>\S.*)",
    re.S,
)
_PURPOSE_NOUN = re.compile(
    r"(?i)\s*(?:(?:is|are|was|were)\s+)?(?!(?:will|shall|would|is|are|was|were|has|have|had|be|been|to|and|or|"
    r"which|that|as|but|so|then|also|already|while|when)\b)(?P<p>[a-z][\w'’ -]*[\w'’])"
)
_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
)  # fmt: skip
_DATE = re.compile(
    r"(?i)(?=[abdfios])"  # the first letters of the words below: a quick test for the rest
    r"(?:(?<![\w-])(?:in|on|since|during|by|as of|from)\s+(?:(?P<d1>\d{1,2})\s+)?(?P<month>"
    + "|".join(m.capitalize() for m in _MONTHS)
    + r")(?:\s+(?P<d2>\d{1,2})(?!\d))?(?:,?\s+(?P<year>(?:19|20)\d{2}))?(?![\w-])"
    r"|(?<![\w-])in\s+(?P<only_year>(?:19|20)\d{2})(?![\w-]))"
)
_POSSESSIVE_DETERMINERS = frozenset({"our", "its", "their", "his", "her", "your", "my"})
_EDGES = " ,.;:\"“”'’()–—-"
_TRAILING_JOINER = re.compile(r"(?i)\s+(?:and|or|as well as|of|to|for|with|after|before)$")
# A time phrase that ends a purpose ("military aid this year") or is all there is ("2024").
_DATE_ONLY = re.compile(
    r"(?i)(?:^|\s+)(?:(?:in|during|for|by|until|from|since|between|after|before)\s+)?"
    r"(?:this|next|last|the coming)?\s*(?:year|month|week"
    r"|(?:19|20)\d{2}(?:\s*(?:and|-|–|to)\s*(?:19|20)\d{2})?"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+(?:19|20)\d{2})?)s?$"
)
_ORDER = {
    name: k
    for k, name in enumerate(("military", "financial", "humanitarian", "energy", "reconstruction", "other"))
}


class DetailReader(AmountContext):
    """Reads the status, category, purpose and date of pledges."""

    def status(self, c: Candidate) -> str | None:
        """How far the giving has gone, from the nearest word that says so."""
        a, i = c.amount, c.sentence
        start = self.before_start(a, i) if c.span is None else self.sentence_span(i)[0]
        pos = a.start if c.span is None else c.span[0]
        before = self.cues_between(i, start, pos)
        for k in range(len(before) - 1, -1, -1):
            said = self._status_of(before, k)
            if said:
                return said
        if c.span is None:
            after = self.cues_between(i, a.span[1], self.after_end(a, i))
            for k in range(len(after)):
                said = self._status_of(after, k)
                if said:
                    return said
        return None

    def lead_status(self, c: Candidate) -> str | None:
        """The status said earlier in the sentence: "urged Congress to pass his request, which
        includes $61 billion"."""
        if c.span is not None:
            return None
        a, i = c.amount, c.sentence
        lead = self.cues_between(i, self.lead_start(a, i), self.before_start(a, i))
        for k in range(len(lead) - 1, -1, -1):
            said = self._status_of(lead, k)
            if said:
                return said
        return None

    def _status_of(self, cues: list[Cue], k: int) -> str | None:
        cue = cues[k]
        if cue.kind in ("block", "modal"):
            return None
        # A modal or planning word just before the giving word decides: "will be allocated".
        for j in range(k - 1, -1, -1):
            prior = cues[j]
            if len(WORD.findall(self.text[prior.end : cue.start])) > 3:
                break
            if prior.kind == "modal":
                return prior.modal
            if prior.kind in ("planned", "under_consideration", "committed"):
                return prior.kind
        return None if cue.kind in ("give", "noun") else cue.kind

    def category(self, c: Candidate) -> str | None:
        """What the money is for, from the words around it (None when they say nothing)."""
        if c.span is not None:
            s, e = c.span[0], self.purpose_end(c.span[1], c.sentence)
        else:
            s, e = self.before_start(c.amount, c.sentence), self.purpose_end(c.amount.span[1], c.sentence)
        scores = self.words.category_scores(self.text, s, e)
        if scores:
            return max(scores, key=lambda k: (scores[k], -_ORDER[k]))
        return None

    def category_near(self, i: int) -> str | None:
        """The category that a sentence and its neighbours speak for, if any."""
        for sentences in ([i], [j for j in (i - 1, i + 1) if 0 <= j < len(self.starts)]):
            scores: Counter[str] = Counter()
            for j in sentences:
                if j not in self._categories:
                    self._categories[j] = self.words.category_scores(self.text, *self.sentence_span(j))
                scores.update(self._categories[j])
            if scores:
                return max(scores, key=lambda k: (scores[k], -_ORDER[k]))
        return None

    def purpose(self, c: Candidate) -> str | None:
        """A short phrase of the text that says what the money is for."""
        text = self.text
        pos = c.amount.span[1] if c.span is None else c.span[1]
        if c.span is not None:
            phrase = text[c.span[0] : self.purpose_end(pos, c.sentence)]
            return _trim(phrase)
        after = text[pos : self.purpose_end(pos, c.sentence)]
        if pledge_words().this_programme.match(after.strip()):
            named = self.named_programme(c.sentence, c.amount.start)
            if named:
                return named
        m = _PURPOSE_AFTER.match(after)
        if m and not (
            m.group("prep").casefold() in ("to", "for", "from", "by")
            and self._only_party(pos + m.start("p"), pos + len(after))
        ):
            return _trim(_PURPOSE_VERB.split(m.group("p"), maxsplit=1)[0])
        if not m:
            noun = _PURPOSE_NOUN.match(after)
            if noun:
                return _trim(_PURPOSE_VERB.split(noun.group("p"), maxsplit=1)[0])
        start = self.before_start(c.amount, c.sentence)
        head = text[start : c.amount.start]
        connector = _NP_CONNECTOR.search(head)
        if not connector:
            return None
        head = head[: connector.start()]
        words = list(WORD.finditer(head))
        phrase: list[re.Match[str]] = []
        k = len(words) - 1
        while k >= 0 and len(phrase) < 8:
            w = words[k].group().casefold()
            if w in self.words.phrase_stops or w.endswith(("'s", "’s")):
                if (
                    w in _POSSESSIVE_DETERMINERS
                    and k > 0
                    and words[k - 1].group().casefold() in ("to", "for")
                ):
                    phrase, k = [], k - 2  # "support to our state": the recipient is not the purpose
                    continue
                break
            phrase.insert(0, words[k])
            k -= 1
        while phrase and phrase[0].group().casefold() in ("and", "of", "to"):
            phrase.pop(0)
        if phrase and phrase[-1].group().casefold() not in ("of", "to", "and"):
            return _trim(head[phrase[0].start() : phrase[-1].end()])
        return None

    def _only_party(self, start: int, end: int) -> bool:
        words = WORD.findall(self.text[start:end])
        named = self.parties.in_span(start, end)
        return bool(named) and len(words) <= 4

    def named_programme(self, i: int, pos: int) -> str | None:
        """The programme that "this initiative" points back to, named in the last sentences."""
        for j in (i, i - 1, i - 2):
            if j < 0:
                break
            s, e = self.sentence_span(j)
            found = list(pledge_words().named_programme.finditer(self.text, s, min(e, pos)))
            if found:
                return found[-1].group()
        return None

    def when(self, a: Amount, i: int) -> str | None:
        """The date the text gives for an amount, as an ISO partial date ("In June" -> "2025-06"):
        right after it ("€1.7 billion in 2022"), else in its clause, else in its sentence."""
        s, e = self.sentence_span(i)
        m = (
            _DATE.search(self.text, a.span[1], self.after_end(a, i))
            or _DATE.search(self.text, self.before_start(a, i), a.start)
            or _DATE.search(self.text, max(s, a.start - REACH), min(e, a.span[1] + REACH))
        )
        if not m:
            return None
        if m.group("only_year"):
            return m.group("only_year")
        year = m.group("year") or self.year
        if not year:
            return None
        month = _MONTHS.index(m.group("month").casefold()) + 1
        day = m.group("d1") or m.group("d2")
        return f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "")


def _trim(phrase: str) -> str | None:
    """A purpose phrase without its article, trailing joining words, dates and punctuation."""
    phrase = re.sub(r"\s+", " ", phrase)
    phrase = re.sub(r"(?i)^(?:the|a|an)\s+", "", phrase.strip(_EDGES))
    before = None
    while before != phrase:
        before = phrase
        phrase = _TRAILING_JOINER.sub("", phrase).strip(_EDGES)
        phrase = _DATE_ONLY.sub("", phrase).strip(_EDGES)
    words = phrase.split(" ")
    if len(words) > 16:
        phrase = " ".join(words[:16])
    return phrase or None
