"""Pledges: money a donor has given or promised, for whom, for what, and what it is part of.

Every amount of money in the readout (`money.find_amounts`) is weighed against the words
around it (`resources/pledges.toml`): "Canada provided ... worth 2 billion" is a pledge,
"trade reached $1 billion" and "frozen $225 billion" are not. A pledge then gets its donor
(the party that gives: the subject, the party thanked, the speaker of "we will allocate"),
its recipient, status, category, purpose and date, and its parent when it is a part of an
earlier amount ("Of this, 800 million ..."). Commitments with no amount ("as well as
additional funds for humanitarian assistance") are pledges with no amount.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, replace

from readout_browser.model import Person, Pledge, Quote, Span
from readout_browser.parse.currency import infer
from readout_browser.parse.document import Document
from readout_browser.parse.money import Amount, find_amounts
from readout_browser.parse.parties import Parties, person_party
from readout_browser.parse.places import places
from readout_browser.parse.pledge_words import Cue, pledge_words

# How far from an amount (in characters) the words that govern it are looked for.
_REACH = 400
# Where a clause ends: what a cue on one side says does not carry to an amount on the other.
_CLAUSE_END = re.compile(r"[,;:(]|[.!?][\"”’]?\s|\s[–—-]\s")
_LEADING_CONJUNCTION = re.compile(r"[\s\"“]*(?:(?P<conj>And|But|So|Also|Plus|As well as)\s+)?")
_FULL_STOP = re.compile(r"[.!?][\"”’]?\s")
_COORDINATION = re.compile(r"(?i)(?<![\w-])(?:and|as well as|plus|while)(?![\w-])")
_PURPOSE_END = re.compile(
    r"(?i)[;]|[.!?][\"”’]?(?:\s|$)|,\s+(?:as well as|which|while|of which|in particular|but|when|where|"
    r"in addition|[a-z]+ing|the|a|an|he|she|they|it|we|this|these)\b"
    r"|\s(?:as well as|and another|and additional|and an additional)\s|[\"”]"
    r"|\s+and\s+(?:[a-z]+ed\s+)?(?:the|a|an|its|their|our|his|her|this|that|to|also)\s"
)
# Where a purpose phrase turns into a new clause ("... projects in Ukraine is a manifestation").
_PURPOSE_VERB = re.compile(
    r"(?i)\s(?:already|is|are|was|were|has|have|had|will|would|can|could|should|must|which|that|who)\s"
    r"|\s(?:[a-z]+ed|given|sent|paid)\s+by\s"
)
_THANKED_TO = re.compile(
    r"(?i)(?:gratitude|grateful|thanks|thank you|appeal|address|visit|trip|call|speech|letter|message|"
    r"congratulations|condolences|invitation)\s+to\s+(?:the\s+)?$"
)
_THANKS = re.compile(
    r"(?i)(?<![\w-])(?:thank(?:ed|s|ing)?|grateful to|gratitude to|appreciat(?:e|es|ed|ion to))"
    r"\s+(?P<obj>[^.;:]{0,160}?)\s+for(?![\w-])"
)
_GRATEFUL = re.compile(r"(?i)(?<![\w-])(?:thank|grateful|gratitude|appreciat|prais|welcom|commend)")
_WE = re.compile(r"[\s\"“]*We\s+(?!agreed|discussed)|.*?(?:[,;:]|\bthat)\s+we\s+(?!agreed|discussed)")
_POSSESSIVE = re.compile(r"['’]s?(?![\w])")
_OBJECT_PRONOUN = re.compile(r"(?i)(?:him|her|them)(?:\s+personally)?")
_PRONOUN_SUBJECT = re.compile(r"[\"“]?(?:[A-Z][\w ,]{0,40}?,\s+)?(?:He|She|They)\s")
_PREPOSITION_BEFORE = re.compile(
    r"(?i)(?<![\w-])(?:to|for|in|into|against|towards?|on|at|with|about|than|between|among|across|"
    r"throughout|visit(?:ed|ing)?|within|inside|and)\s+(?:the\s+)?$"
)
_AGENT_BEFORE = re.compile(r"(?i)(?<![\w-])(?:by|from)\s+(?:the\s+)?$")
_RECIPIENT_BEFORE = re.compile(
    r"(?i)(?<![\w-])(?:to|for|provid(?:e|es|ed|ing)|giv(?:e|es|en|ing)|gave|grant(?:s|ed|ing)?|"
    r"help(?:s|ed|ing)?|support(?:s|ed|ing)?|assist(?:s|ed|ing)?|towards?)\s+(?:the\s+)?$"
)
_RECIPIENT_AFTER = re.compile(
    r"(?i)\s+(?:is|are|was|were|has been|will be)\s+provided|\s+(?:has\s+|will\s+)?receiv"
)
_NP_CONNECTOR = re.compile(
    r"(?i)\s+(?:worth|in the amount of|in the sum of|amounting to|totall?ing|valued at|of|at)[\s,]*$"
)
_WORD = re.compile(r"[\w'’-]+")
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
_NAMED_PROGRAMME = re.compile(
    r"(?:[A-Z][\w’'.-]*\s+)*[A-Z][\w’'.-]*\s+(?:program|programme|initiative|mechanism|fund|facility|plan|"
    r"platform|coalition|package)\b"
)
_THIS_PROGRAMME = re.compile(
    r"(?i)^(?:under|within|through|via|for)\s+(?:this|that|the same)\s+(?:program|programme|initiative|"
    r"mechanism|fund|facility|plan|platform|framework)"
)
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_DATE = re.compile(
    r"(?i)(?<![\w-])(?:in|on|since|during|by|as of|from)\s+(?:(?P<d1>\d{1,2})\s+)?(?P<month>"
    + "|".join(m.capitalize() for m in _MONTHS)
    + r")(?:\s+(?P<d2>\d{1,2})(?!\d))?(?:,?\s+(?P<year>(?:19|20)\d{2}))?(?![\w-])"
    r"|(?<![\w-])in\s+(?P<only_year>(?:19|20)\d{2})(?![\w-])"
)
_OF_THE = re.compile(r"(?i)\s+(?:of|out of|from)\s+(?:the|this|that|a total of|its)\s+(?:[\w-]+\s+){0,3}?$")
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
_SIGNIFICANT = re.compile(r"[\w-]{6,}")
_GENERIC = frozenset(
    [
        "assistance",
        "support",
        "program",
        "programme",
        "package",
        "amount",
        "ukraine",
        "ukrainian",
        "financial",
        "funding",
        "tranche",
        "first",
        "second",
        "third",
        "second",
    ]
)


@dataclass
class _Candidate:
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
    donor_rule: str = ""  # which rule named the donor: "sentence", "earlier" or "counterpart"


class _Reader:
    """Reads the pledges of one readout."""

    def __init__(self, doc: Document, people: tuple[Person, ...], quotes: tuple[Quote, ...]) -> None:
        self.doc = doc
        self.text = doc.text
        self.words = pledge_words()
        self.parties = Parties(doc, people)
        self.people = {p.id: p for p in people}
        self.direct = [q for q in quotes if q.kind == "direct"]
        self.reported = [q for q in quotes if q.kind == "reported"]
        self.starts = [s for s, _ in doc.sentences]
        self.amounts = find_amounts(self.text)
        self._amount_leads = [a.start for a in self.amounts]
        self._amount_ends = [a.span[1] for a in self.amounts]
        self._cues: dict[int, tuple[list[Cue], list[int]]] = {}
        self._categories: dict[int, dict[str, float]] = {}
        self._recipients: dict[int, list[tuple[int, str]]] = {}
        year = (doc.source.date or "")[:4]
        self.year = year if year.isdigit() else None

    # -- where things are ------------------------------------------------------------------

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
        return next((q for q in quotes if q.span[0] <= pos < q.span[1]), None)

    def before_start(self, a: Amount, i: int) -> int:
        """Where the words that govern an amount begin: the start of its clause, and after an
        earlier amount of the same sentence, after the "and" that joins them."""
        start = max(self.sentence_span(i)[0], a.start - _REACH)
        for m in _CLAUSE_END.finditer(self.text, start, a.start):
            start = m.end()
        previous = self.amount_before(a.start, i)
        if previous is not None:
            start = max(start, previous.span[1])
            for m in _COORDINATION.finditer(self.text, start, a.start):
                start = m.end()
        return start

    def after_end(self, a: Amount, i: int) -> int:
        """Where the words that an amount governs end: its clause, or the next amount."""
        e = min(self.sentence_span(i)[1], a.span[1] + 160)
        m = _CLAUSE_END.search(self.text, a.span[1], e)
        end = m.start() if m else e
        following = self.amount_after(a.span[1], i)
        return min(end, following.start) if following is not None else end

    def cues_between(self, i: int, start: int, end: int) -> list[Cue]:
        found, starts = self._sentence_cues(i)
        lo = bisect_left(starts, start)
        hi = bisect_left(starts, end)
        return [c for c in found[lo:hi] if c.end <= end]

    # -- is it a pledge --------------------------------------------------------------------

    def is_pledge(self, a: Amount, i: int, joined: bool | None, follows_pledge: bool) -> bool:
        """Whether an amount is money given or promised: a giving word governs it and nothing
        makes it trade, a need, a loss, frozen assets and the like.

        `joined` is the verdict on an earlier amount of the sentence that this one is listed
        with ("a salary of UAH 20 thousand, and nurses - UAH 13.5 thousand"), None when there
        is none; `follows_pledge` says a pledge was read in this or the last sentence, which
        "Of this, ...", "This includes ..." and "And another ..." go on with.
        """
        start = self.before_start(a, i)
        before = self.cues_between(i, start, a.start)
        after = self.cues_between(i, a.span[1], self.after_end(a, i))
        if not before and joined is False:
            return False
        if self.words.conditional.match(self.text, start):
            return False
        # Of the words since the sentence (or the last amount) began, the last one that decides
        # says what the money is: "Russia's frozen assets, worth £25 billion" is not a pledge.
        lead = self.cues_between(i, self.lead_start(a, i), a.start)
        deciding = [c for c in lead if c.kind not in ("noun", "modal")]
        if deciding and deciding[-1].kind == "block":
            return False
        if self.words.block_after.match(self.text, a.span[1]):
            return False
        if after and after[0].kind == "block" and not before:
            return False
        if any(c.kind not in ("block", "modal") for c in before + after):
            return True
        if follows_pledge and (a.increment or self.goes_on(i)):
            return True
        if a.bare:
            return False
        return any(
            c.kind not in ("block", "modal")
            for c in self.cues_between(i, a.start - _REACH, a.span[1] + _REACH)
        )

    def lead_start(self, a: Amount, i: int) -> int:
        """Where the words before an amount begin: its sentence, or the last amount or full stop
        inside the sentence (a quotation of several sentences is one sentence)."""
        start = max(self.sentence_span(i)[0], a.start - _REACH)
        for m in _FULL_STOP.finditer(self.text, start, a.start):
            start = m.end()
        previous = self.amount_before(a.start, i)
        return max(start, previous.span[1]) if previous is not None else start

    def goes_on(self, i: int) -> bool:
        """Whether sentence `i` goes on from the last one: "Of this, ...", "And another ..."."""
        s, e = self.sentence_span(i)
        lead = _LEADING_CONJUNCTION.match(self.text, s, e)
        return bool(lead and lead.group("conj")) or self.words.opening.match(self.text, s, e) is not None

    # -- parts -----------------------------------------------------------------------------

    def link_parts(self, cands: list[_Candidate]) -> None:
        """Set each candidate's parent: the earlier, larger pledge it is said to be part of."""
        text = self.text
        for k, c in enumerate(cands):
            a = c.amount
            s, _ = self.sentence_span(c.sentence)
            earlier = [j for j in range(max(0, k - 60), k) if cands[j].amount.value > a.value]
            # "X of the Y": the amount right after names the whole.
            for j in range(k + 1, len(cands)):
                whole = cands[j].amount
                between = text[a.span[1] : whole.start]
                if (
                    cands[j].sentence == c.sentence
                    and whole.value > a.value
                    and (_OF_THE.fullmatch(between) or between.strip() in ("of", "out of"))
                ):
                    c.parent = j
                break
            if c.parent is not None:
                continue
            # "..., of which 120 million ...": a part named after the whole in one sentence.
            for j in reversed(earlier):
                whole = cands[j]
                if whole.sentence != c.sentence or _FULL_STOP.search(text, whole.amount.span[1], a.start):
                    break
                if self.words.inside.search(text, whole.amount.span[1], a.start):
                    c.parent = j
                    break
            if c.parent is not None:
                continue
            # "Of this, 800 million ...": a sentence that opens by naming a part.
            opening = self.words.opening.match(text, _LEADING_CONJUNCTION.match(text, s).end())  # type: ignore[union-attr]
            if opening and opening[1] <= a.start:
                for j in reversed(earlier):
                    if cands[j].sentence < c.sentence and c.sentence - cands[j].sentence <= 2:
                        c.parent = j
                    break
            if c.parent is not None:
                continue
            # "the first tranche of macro-financial assistance": part of a programme named earlier.
            tranche = self.words.tranche.search(text, self.before_start(a, c.sentence), a.start)
            if tranche:
                named = {w.casefold() for w in _SIGNIFICANT.findall(text, tranche[1], a.start)} - _GENERIC
                for j in reversed(earlier):
                    other = cands[j]
                    if other.sentence == c.sentence:
                        continue
                    os_, oe = self.sentence_span(other.sentence)
                    words = {w.casefold() for w in _SIGNIFICANT.findall(text, os_, oe)}
                    if named & words and (a.form is None or other.amount.currency == a.currency):
                        c.parent = j
                        break

    # -- currency --------------------------------------------------------------------------

    def carried_currency(self, cands: list[_Candidate], k: int) -> Amount | None:
        """The amount whose currency a bare amount takes: its parent's, else the last amount
        with a currency in the same or the previous sentence of the paragraph."""
        c = cands[k]
        if c.parent is not None:
            return cands[c.parent].amount
        a = self.last_amount_with_currency(c.amount.span[0])
        if a is not None:
            i = self.sentence_of(a.span[0])
            if c.sentence - i <= 1 and self.same_paragraph(a.span[0], c.amount.span[0]):
                return a
        return None

    # -- who gives, who receives -----------------------------------------------------------

    def recipient_mentions_in(self, i: int) -> list[tuple[int, str]]:
        """The parties named as receiving in sentence `i`, found once."""
        if i not in self._recipients:
            self._recipients[i] = self.recipient_mentions(*self.sentence_span(i))
        return self._recipients[i]

    def recipient_mentions(self, start: int, end: int) -> list[tuple[int, str]]:
        """Parties named as receiving between `start` and `end`: "to Ukraine", "provided Ukraine
        with", "our country" (the speaker's, or in the narration the publisher's)."""
        text = self.text
        out: list[tuple[int, str]] = []
        for m in self.parties.in_span(start, end):
            head = text[max(0, m.span[0] - 30) : m.span[0]]
            if _THANKED_TO.search(head):
                continue
            if _RECIPIENT_BEFORE.search(head) or _RECIPIENT_AFTER.match(text, m.span[1]):
                out.append((m.span[0], m.party))
        for s, e in self.parties.our(start, end):
            head = text[max(0, s - 30) : s]
            if not (_RECIPIENT_BEFORE.search(head) or _RECIPIENT_AFTER.match(text, e)):
                continue
            quote = self.quote_at(s, self.direct)
            party = None
            if quote and quote.speaker and quote.speaker in self.people:
                party = self._party_of_person(quote.speaker)
            elif not quote:
                party = self.parties.host
            if party:
                out.append((s, party))
        return sorted(out)

    def _party_of_person(self, person_id: str) -> str | None:
        person = self.people.get(person_id)
        return person_party(person) if person else None

    def document_recipient(self, sentences: set[int]) -> str | None:
        """The party the readout's money goes to: the one most often named as receiving it,
        else the publisher when its side does the thanking."""
        votes: Counter[str] = Counter()
        for i in sentences:
            s, e = self.sentence_span(i)
            for _, party in self.recipient_mentions_in(i):
                votes[party] += 2
            host = self.parties.host
            if host:
                for m in _THANKS.finditer(self.text, s, e):
                    subject = [p for p in self.parties.in_span(s, m.start()) if p.party == host]
                    if subject:
                        votes[host] += 1
        return votes.most_common(1)[0][0] if votes else None

    def donor(self, c: _Candidate, exclude: set[str]) -> str | None:
        """The party that gives, by the first rule that names one."""
        text = self.text
        i = c.sentence
        pos = c.amount.start if c.span is None else c.span[0]
        s = max(self.sentence_span(i)[0], pos - _REACH)
        e = min(self.sentence_span(i)[1], pos + _REACH)
        # The party thanked for it: "The President thanked Canada for its readiness to allocate ..."
        thanked = None
        for m in _THANKS.finditer(text, s, pos):
            named = [p for p in self.parties.in_span(m.start("obj"), m.end("obj")) if p.party not in exclude]
            if named:
                thanked = named[0].party
            elif _OBJECT_PRONOUN.fullmatch(m.group("obj")):
                person = self.parties.last_person_before(s, exclude)
                thanked = person.party if person else None
        if thanked:
            return thanked
        # The party whose giving word follows its name: "Canada provided", "the EU to allocate",
        # "Germany's intention", "David Malpass has confirmed the provision".
        actor = self.acting_party(s, pos, exclude)
        if actor:
            return actor
        # The agent: "provided by the United States", "help from the UK".
        for m in self.parties.in_span(s, e):
            if m.party not in exclude and _AGENT_BEFORE.search(text[max(0, m.span[0] - 12) : m.span[0]]):
                return m.party
        # The speaker: "We will allocate ...", or a reported "He announced ...".
        for quotes in (self.direct, self.reported):
            q = self.quote_at(pos, quotes)
            if q and q.speaker:
                party = self._party_of_person(q.speaker)
                if party and party not in exclude:
                    return party
        # "We will allocate ..." in the narration: the publisher speaks.
        host = self.parties.host
        opens = self.sentence_span(i)[0]
        if (
            host
            and host not in exclude
            and not self.quote_at(pos, self.direct)
            and _WE.match(text, opens, pos)
        ):
            return host
        if _PRONOUN_SUBJECT.match(text, self.sentence_span(i)[0]):
            m = self.parties.last_person_before(self.sentence_span(i)[0], exclude)
            if m and i - self.sentence_of(m.span[0]) <= 3:
                return m.party
        return None

    def acting_party(self, start: int, end: int, exclude: set[str]) -> str | None:
        """The nearest party before `end` that a giving word follows within a few words, else
        the first that one follows in its clause ("Canada became the first country to send")."""
        return self._acting(start, end, exclude, 3) or self._acting(start, end, exclude, 8, first=True)

    def _acting(self, start: int, end: int, exclude: set[str], reach: int, first: bool = False) -> str | None:
        text = self.text
        best = None
        for m in self.parties.in_span(max(start, end - _REACH), end):
            if m.party in exclude or _PREPOSITION_BEFORE.search(text[max(0, m.span[0] - 20) : m.span[0]]):
                continue
            if _POSSESSIVE.match(text, m.span[1]) and len(_WORD.findall(text, m.span[1], end)) <= 4:
                best = m.party  # "the EU's €18 billion package"
                continue
            following = self.words.find(text, m.span[1], min(end, m.span[1] + 60))
            if not following:
                continue
            gap = text[m.span[1] : following[0].start]
            if _GRATEFUL.search(gap):
                continue  # "The President thanked for the support": the thanking side receives
            if (
                len(_WORD.findall(gap)) <= reach
                and following[0].kind != "block"
                and not _CLAUSE_END.search(gap)
            ):
                best = m.party
                if first:
                    return best
        return best

    def fallback_donor(
        self, c: _Candidate, exclude: set[str], previous: _Candidate | None
    ) -> tuple[str | None, str]:
        """When the sentence names no giver: the earlier sentence's, else the counterpart."""
        if previous is not None and previous.donor and previous.donor not in exclude:
            close = c.sentence - previous.sentence <= 1 or c.amount.increment
            if close and self.same_paragraph(
                self.sentence_span(previous.sentence)[0], self.sentence_span(c.sentence)[0]
            ):
                return previous.donor, "earlier"
        if c.sentence > 0:
            ps, pe = self.sentence_span(c.sentence - 1)
            actor = self.acting_party(ps, pe, exclude)
            if actor:
                return actor, "earlier"
            for m in self.parties.in_span(ps, pe):
                if m.party not in exclude and _AGENT_BEFORE.search(
                    self.text[max(0, m.span[0] - 12) : m.span[0]]
                ):
                    return m.party, "earlier"
        other = self.sole_other_party(*exclude)
        if other:
            return other, "counterpart"
        host = self.parties.host
        if not self.people and host and host not in exclude:
            return host, "publisher"  # a statement that names no one: the publisher speaks
        return None, ""

    def sole_other_party(self, *exclude: str | None) -> str | None:
        """The one party of a two-sided readout that is not excluded, if there is exactly one.

        Only people the readout is about count: named in its opening sentences or more than
        once (a passing mention of "the US President" in a long speech makes no counterpart).
        """
        opening = self.sentence_span(min(1, len(self.starts) - 1))[1] if self.starts else 0
        others = {
            self._party_of_person(pid)
            for pid, p in self.people.items()
            if len(p.mentions) > 1 or any(m[0] < opening for m in p.mentions)
        }
        others -= set(exclude) | {None}
        return others.pop() if len(others) == 1 else None

    def party_nearby(self, i: int, donor: str | None) -> str | None:
        """The party other than the donor named most in sentence `i`: who a host's own pledge
        goes to when the text does not say "to ..."."""
        counts = Counter(m.party for m in self.parties.in_span(*self.sentence_span(i)) if m.party != donor)
        return counts.most_common(1)[0][0] if counts else None

    # -- what it is ------------------------------------------------------------------------

    def status(self, c: _Candidate) -> str | None:
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

    def lead_status(self, c: _Candidate) -> str | None:
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
            if len(_WORD.findall(self.text[prior.end : cue.start])) > 3:
                break
            if prior.kind == "modal":
                return prior.modal
            if prior.kind in ("planned", "under_consideration", "committed"):
                return prior.kind
        return None if cue.kind in ("give", "noun") else cue.kind

    def category(self, c: _Candidate) -> str | None:
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

    def purpose_end(self, pos: int, i: int) -> int:
        e = min(self.sentence_span(i)[1], pos + _REACH)
        following = self.amount_after(pos, i)
        m = _PURPOSE_END.search(self.text, pos, e)
        end = m.start() if m else e
        return min(end, following.start) if following is not None else end

    def purpose(self, c: _Candidate) -> str | None:
        """A short phrase of the text that says what the money is for."""
        text = self.text
        pos = c.amount.span[1] if c.span is None else c.span[1]
        if c.span is not None:
            phrase = text[c.span[0] : self.purpose_end(pos, c.sentence)]
            return _trim(phrase)
        after = text[pos : self.purpose_end(pos, c.sentence)]
        if _THIS_PROGRAMME.match(after.strip()):
            named = self.named_programme(c.sentence, c.amount.start)
            if named:
                return named
        m = _PURPOSE_AFTER.match(after)
        if m and not (
            m.group("prep").casefold() in ("to", "for")
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
        words = list(_WORD.finditer(head))
        phrase: list[re.Match[str]] = []
        k = len(words) - 1
        while k >= 0 and len(phrase) < 8:
            w = words[k].group().casefold()
            if w in self.words.phrase_stops:
                if k > 0 and words[k - 1].group().casefold() in ("to", "for"):
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
        words = _WORD.findall(self.text[start:end])
        named = self.parties.in_span(start, end)
        return bool(named) and len(words) <= 4

    def named_programme(self, i: int, pos: int) -> str | None:
        """The programme that "this initiative" points back to, named in the last sentences."""
        for j in (i, i - 1, i - 2):
            if j < 0:
                break
            s, e = self.sentence_span(j)
            found = list(_NAMED_PROGRAMME.finditer(self.text, s, min(e, pos)))
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
            or _DATE.search(self.text, max(s, a.start - _REACH), min(e, a.span[1] + _REACH))
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

    # -- pledges with no amount ------------------------------------------------------------

    def unquantified(self, cands: list[_Candidate]) -> list[_Candidate]:
        """Commitments of money with no amount: "as well as additional funds for humanitarian
        assistance", "the decision to provide significant additional financial assistance"."""
        out = []
        text = self.text
        by_sentence: dict[int, list[_Candidate]] = {}
        for c in cands:
            by_sentence.setdefault(c.sentence, []).append(c)
        for s, e in self.words.unquantified(text, 0, len(text)):
            i = self.sentence_of(s)
            ss = max(self.sentence_span(i)[0], s - _REACH)
            previous = self.amount_before(s, i)
            if previous is not None and s < self.purpose_end(previous.span[1], i):
                continue  # "$500 million in additional funding" is the amount's own noun
            following = self.amount_after(e, i)
            if following is not None and not _CLAUSE_END.search(text, e, following.start):
                continue  # "a new contribution ... in the amount of DKK 600,000" has its amount
            if self.words.not_committed.search(text, ss, s):
                continue
            clause = ss
            for b in _CLAUSE_END.finditer(text, ss, s):
                clause = b.end()
            if any(c.kind == "block" for c in self.cues_between(i, clause, s)):
                continue
            joined = next(
                (
                    c
                    for c in reversed(by_sentence.get(i, []))
                    if c.amount.span[1] <= s and _COORDINATION.search(text, c.amount.span[1], s)
                ),
                None,
            )
            committing = any(c.kind not in ("give", "noun", "block") for c in self.cues_between(i, ss, s))
            if joined is None and not committing:
                continue
            cand = _Candidate(amount=Amount(span=(s, e), value=0.0), sentence=i, span=(s, e))
            if joined is not None:
                cand.donor, cand.status = joined.donor, joined.status
            out.append(cand)
        return out


_ORDER = {
    name: k
    for k, name in enumerate(("military", "financial", "humanitarian", "energy", "reconstruction", "other"))
}


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


def find_pledges(doc: Document, people: tuple[Person, ...], quotes: tuple[Quote, ...]) -> tuple[Pledge, ...]:
    """Every pledge in a readout, in reading order, with ids "m1", "m2", ..."""
    r = _Reader(doc, people, quotes)
    cands: list[_Candidate] = []
    verdict: tuple[int, int, bool] | None = None  # sentence, end and verdict of the last amount
    for a in r.amounts:
        i = r.sentence_of(a.span[0])
        joined = None
        if verdict and verdict[0] == i and not _FULL_STOP.search(r.text, verdict[1], a.start):
            joined = verdict[2]
        follows = bool(cands) and i - cands[-1].sentence <= 1
        pledged = r.is_pledge(a, i, joined, follows)
        verdict = (i, a.span[1], pledged)
        if pledged:
            cands.append(_Candidate(amount=a, sentence=i))
    r.link_parts(cands)
    kept: list[_Candidate] = []
    for k, c in enumerate(cands):
        if c.amount.bare:
            source = r.carried_currency(cands, k)
            if source is None or not (source.currency or source.form):
                continue
            c.currency, c.currency_inferred = source.currency, True
        else:
            c.currency, c.currency_inferred = c.amount.currency, c.amount.currency_inferred
        kept.append(c)
    cands = _reindex(cands, kept)
    sentences = {
        j for c in cands for j in (c.sentence - 1, c.sentence, c.sentence + 1) if 0 <= j < len(r.starts)
    }
    doc_recipient = r.document_recipient(sentences) if sentences else None
    _resolve(r, cands, doc_recipient)
    extra = r.unquantified(cands)
    _resolve(r, extra, doc_recipient, cands)
    everything = sorted(_without_repeats(cands) + extra, key=lambda c: (c.span or c.amount.span)[0])
    return _pledges(r, everything, cands)


def _without_repeats(cands: list[_Candidate]) -> list[_Candidate]:
    """The pledges less those the readout names a second time ("the $800 million" in the
    narration after "$800 million" in a quote): same donor, sum and currency, another sentence,
    not "another" and not a part of anything."""
    seen: dict[tuple[str | None, float, str | None], int] = {}
    out = []
    for c in cands:
        key = (c.donor, c.amount.value, c.currency)
        first = seen.get(key)
        if first is not None and first != c.sentence and not c.amount.increment and c.parent is None:
            continue
        seen.setdefault(key, c.sentence)
        out.append(c)
    return out


def _reindex(old: list[_Candidate], kept: list[_Candidate]) -> list[_Candidate]:
    where = {id(c): n for n, c in enumerate(kept)}
    for c in kept:
        if c.parent is not None:
            parent = old[c.parent]
            c.parent = where.get(id(parent))
    return kept


def _resolve(
    r: _Reader, cands: list[_Candidate], doc_recipient: str | None, context: list[_Candidate] | None = None
) -> None:
    """Donor, recipient, status, category, purpose and date of each candidate, in reading order."""
    previous: _Candidate | None = None
    pool = [p for p in context or [] if p.donor]
    pool_ends = [p.amount.span[1] for p in pool]
    last_status: dict[int, str] = {}  # sentence -> status of its last resolved pledge
    for c in cands:
        pos = c.amount.start if c.span is None else c.span[0]
        k = bisect_right(pool_ends, pos) - 1
        if k >= 0:
            previous = pool[k]
        near = r.recipient_mentions_in(c.sentence)
        explicit = min(near, key=lambda m: abs(m[0] - pos))[1] if near else None
        exclude = {x for x in (explicit or doc_recipient,) if x}
        parent = cands[c.parent] if c.parent is not None and context is None else None
        if parent is not None and parent.donor:
            c.donor, c.donor_rule = parent.donor, parent.donor_rule
        if c.donor is None:
            c.donor, c.donor_rule = r.donor(c, exclude), "sentence"
        if (
            c.donor is None
            and (c.amount.increment or c.amount.bare)
            and previous is not None
            and (c.sentence - previous.sentence <= 2)
        ):
            c.donor, c.donor_rule = previous.donor, "earlier"
        if c.donor is None:
            c.donor, c.donor_rule = r.fallback_donor(c, exclude, previous)
        earlier_recipient = previous.recipient if previous is not None and previous.donor == c.donor else None
        c.recipient = (
            next(
                (
                    x
                    for x in (explicit, doc_recipient, r.parties.host, earlier_recipient)
                    if x and x != c.donor
                ),
                None,
            )
            or r.sole_other_party(c.donor)
            or r.party_nearby(c.sentence, c.donor)
        )
        if c.span is None and c.amount.form is not None and c.amount.form.ambiguous:
            c.currency, c.currency_inferred = infer(c.amount.form, c.donor, r.parties.host)
        elif c.span is None and c.amount.bare and parent is None:
            source = r.last_amount_with_currency(c.amount.span[0])
            if source is not None and source.form is not None and source.form.ambiguous:
                c.currency = infer(source.form, c.donor, r.parties.host)[0]
        elif c.span is None and c.amount.bare and parent is not None:
            c.currency = parent.currency
        status = r.status(c)
        if status is None and parent is not None:
            status = parent.status
        if status is None:
            status = r.lead_status(c)
        if status is None and c.status is None:
            if c.sentence in last_status:
                status = last_status[c.sentence]
            elif (c.amount.increment or r.goes_on(c.sentence)) and previous is not None and previous.status:
                status = previous.status
        c.status = status or c.status or "committed"
        last_status[c.sentence] = c.status
        c.category = r.category(c)
        c.purpose = r.purpose(c)
        c.when = r.when(c.amount, c.sentence) if c.span is None else None
        quote = r.quote_at(pos, r.direct)
        c.speaker = quote.speaker if quote else None
        if c.donor:
            previous = c
    # A whole that says nothing of its kind takes its parts' kind, and a part its whole's.
    parts: dict[int, list[str]] = {}
    for c in cands:
        if c.parent is not None and c.category:
            parts.setdefault(c.parent, []).append(c.category)
    for k, c in enumerate(cands):
        if c.category is None and context is None and k in parts:
            c.category = Counter(parts[k]).most_common(1)[0][0]
    for c in cands:
        if c.category is None and c.parent is not None and context is None:
            c.category = cands[c.parent].category
        if c.category is None:
            c.category = r.category_near(c.sentence) or "other"


def _pledges(r: _Reader, everything: list[_Candidate], quantified: list[_Candidate]) -> tuple[Pledge, ...]:
    ids = {id(c): f"m{n}" for n, c in enumerate(everything, start=1)}
    out = []
    for c in everything:
        if c.donor is None or c.recipient is None or c.donor == c.recipient:
            continue  # money a government spends at home, or whose giver the text does not say
        if c.donor_rule != "sentence" and c.currency and c.currency == places().currency(c.recipient):
            continue  # a sum in the receiver's own money that no one in the sentence is said to give
        parent = quantified[c.parent] if c.span is None and c.parent is not None else None
        a = c.amount
        out.append(
            Pledge(
                id=ids[id(c)],
                span=c.span or a.span,
                donor=c.donor,
                recipient=c.recipient,
                amount=None if c.span is not None else a.value,
                currency=None if c.span is not None else c.currency,
                currency_text=None if c.span is not None else a.currency_text,
                currency_inferred=c.currency_inferred if c.span is None else False,
                qualifier=a.qualifier if c.span is None else "exact",
                purpose=c.purpose,
                category=c.category,  # type: ignore[arg-type]
                status=c.status,  # type: ignore[arg-type]
                when=c.when,
                parent=ids.get(id(parent)) if parent is not None else None,
                speaker=c.speaker,
                evidence=r.sentence_span(c.sentence),
            )
        )
    return _renumber(out)


def _renumber(pledges: list[Pledge]) -> tuple[Pledge, ...]:
    """Ids "m1", "m2", ... in reading order, with parents following their new ids."""
    new = {p.id: f"m{n}" for n, p in enumerate(pledges, start=1)}
    return tuple(replace(p, id=new[p.id], parent=new.get(p.parent) if p.parent else None) for p in pledges)
