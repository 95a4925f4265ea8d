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
from collections.abc import Callable

from readout_browser.model import Person, Pledge, Quote
from readout_browser.parse.amount_context import (
    CLAUSE_END,
    COORDINATION,
    FULL_STOP,
    REACH,
    ROUNDING,
    Candidate,
    last_deciding,
)
from readout_browser.parse.currency import infer
from readout_browser.parse.document import Document
from readout_browser.parse.donors import DonorReader
from readout_browser.parse.money import Amount
from readout_browser.parse.places import places
from readout_browser.parse.pledge_details import DetailReader
from readout_browser.parse.pledge_parts import PartReader

_LEADING_CONJUNCTION = re.compile(r"[\s\"“]*(?:(?P<conj>And|But|So|Also|Plus|As well as)\s+)?")
# In "Of the new funds, ...": the parts belong to the sum just given, not to a running total.
_FRESH = re.compile(r"(?i)(?<![\w-])(?:new|additional|further|latest)(?![\w-])")
_NEW_ITEM = re.compile(r"[,;]\s+(?:and|as well as|plus)\s")
_OF_THE = re.compile(r"(?i)\s+(?:of|out of|from)\s+(?:the|this|that|a total of|its)\s+(?:[\w-]+\s+){0,3}?$")
# Words that can tie a tranche to the programme it belongs to: long, lower-case, not generic.
_SIGNIFICANT = re.compile(r"(?<![\w-])[a-z][\w-]{5,}")
_GENERIC = frozenset(
    {"assistance", "support", "program", "programme", "package", "amount", "financial", "funding"}
)


class _Reader(DonorReader, DetailReader, PartReader):
    """Reads the pledges of one readout."""

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
        lead_from = self.lead_start(a, i)
        if joined:
            # "..., and a further €10 million to X" opens a new item of a list of pledges: the
            # words of the item before it ("to pay salaries") are not its own.
            for m in _NEW_ITEM.finditer(self.text, lead_from, a.start):
                lead_from = m.end()
        if self._blocked(a, i, lead_from):
            return False
        if after and after[0].kind == "block" and not before:
            return False
        if any(c.kind not in ("block", "modal") for c in before + after):
            return True
        if follows_pledge and (a.increment or self.goes_on(i) or self.part_of_previous(a, i)):
            return True
        if a.bare:
            return False
        return any(
            c.kind not in ("block", "modal") for c in self.cues_between(i, a.start - REACH, a.span[1] + REACH)
        )

    def listed(self, a: Amount, i: int, cands: list[Candidate]) -> bool:
        """Whether an amount is an item of a list that a giving paragraph opens ("Japan decided
        to provide the following assistance: (1) Emergency Grant Aid: 30 million USD ...") and
        no word of its own makes it something else."""
        head = self.list_head_of(a.span[0])
        if head is None or not self.head_gives(head, cands):
            return False
        return not self._blocked(a, i, self.lead_start(a, i))

    def _blocked(self, a: Amount, i: int, lead_from: int) -> bool:
        """Whether the last deciding word between `lead_from` and an amount, or the words right
        after it, make it something other than money given ("frozen assets, worth £25 billion")."""
        deciding = last_deciding(self.cues_between(i, lead_from, a.start))
        if deciding is not None and deciding.kind == "block":
            return True
        return self.words.block_after.match(self.text, a.span[1]) is not None

    def part_of_previous(self, a: Amount, i: int) -> bool:
        """Whether an amount is named as a part of the one before it ("..., including 1.5
        billion for air defence")."""
        previous = self.amount_before(a.start, i)
        return (
            previous is not None
            and self.words.inside.search(self.text, previous.span[1], a.start) is not None
        )

    def goes_on(self, i: int) -> bool:
        """Whether sentence `i` goes on from the last one: "Of this, ...", "And another ..."."""
        s, e = self.sentence_span(i)
        lead = _LEADING_CONJUNCTION.match(self.text, s, e)
        return bool(lead and lead.group("conj")) or self.words.opening.match(self.text, s, e) is not None

    def link_parts(self, cands: list[Candidate]) -> None:
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
                if whole.sentence != c.sentence or FULL_STOP.search(text, whole.amount.span[1], a.start):
                    break
                if self.words.inside.search(text, whole.amount.span[1], a.start):
                    c.parent = j
                    break
            if c.parent is not None:
                continue
            # "Of this, 800 million ...": a sentence that opens by naming a part.
            opening = self.words.opening.match(text, _LEADING_CONJUNCTION.match(text, s).end())  # type: ignore[union-attr]
            if opening and opening[1] <= a.start:
                fresh = _FRESH.search(text, opening[0], opening[1]) is not None
                for j in reversed(earlier):
                    if cands[j].sentence == c.sentence:
                        continue  # a larger part named before it in the sentence is not the whole
                    if fresh and self.is_total(cands[j]):
                        continue  # "Of the new funding, ..." after "bringing its total to ...": the new sum
                    if c.sentence - cands[j].sentence <= 2:
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

    def carried_currency(self, cands: list[Candidate], k: int) -> Amount | None:
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

    def unquantified(self, cands: list[Candidate]) -> list[Candidate]:
        """Commitments of money with no amount: "as well as additional funds for humanitarian
        assistance", "the decision to provide significant additional financial assistance"."""
        out = []
        text = self.text
        by_sentence: dict[int, list[Candidate]] = {}
        for c in cands:
            by_sentence.setdefault(c.sentence, []).append(c)
        for s, e in self.words.unquantified(text, 0, len(text)):
            i = self.sentence_of(s)
            ss = max(self.sentence_span(i)[0], s - REACH)
            previous = self.amount_before(s, i)
            if previous is not None and s < self.purpose_end(previous.span[1], i):
                continue  # "$500 million in additional funding" is the amount's own noun
            following = self.amount_after(e, i)
            if following is not None and not CLAUSE_END.search(text, e, following.start):
                continue  # "a new contribution ... in the amount of DKK 600,000" has its amount
            if self.words.not_committed.search(text, ss, s):
                continue
            clause = ss
            for b in CLAUSE_END.finditer(text, ss, s):
                clause = b.end()
            if any(c.kind == "block" for c in self.cues_between(i, clause, s)):
                continue
            joined = next(
                (
                    c
                    for c in reversed(by_sentence.get(i, []))
                    if c.amount.span[1] <= s and COORDINATION.search(text, c.amount.span[1], s)
                ),
                None,
            )
            committing = any(c.kind not in ("give", "noun", "block") for c in self.cues_between(i, ss, s))
            if joined is None and not committing:
                continue
            cand = Candidate(amount=Amount(span=(s, e), value=0.0), sentence=i, span=(s, e))
            if joined is not None:
                cand.donor, cand.status = joined.donor, joined.status
            out.append(cand)
        return out


def find_pledges(doc: Document, people: tuple[Person, ...], quotes: tuple[Quote, ...]) -> tuple[Pledge, ...]:
    """Every pledge in a readout, in reading order, with ids "m1", "m2", ..."""
    r = _Reader(doc, people, quotes)
    cands: list[Candidate] = []
    verdict: tuple[int, int, bool] | None = None  # sentence, end and verdict of the last amount
    for a in r.amounts:
        i = r.sentence_of(a.span[0])
        joined = None
        if verdict and verdict[0] == i and not FULL_STOP.search(r.text, verdict[1], a.start):
            joined = verdict[2]
        follows = bool(cands) and i - cands[-1].sentence <= 1
        pledged = r.is_pledge(a, i, joined, follows) or r.listed(a, i, cands)
        verdict = (i, a.span[1], pledged)
        if pledged:
            cands.append(Candidate(amount=a, sentence=i))
    r.link_parts(cands)
    r.link_nested(cands)
    kept: list[Candidate] = []
    for k, c in enumerate(cands):
        if c.amount.bare:
            source = r.carried_currency(cands, k) or _named_before(kept, c)
            if source is None or not (source.currency or source.form):
                continue
            c.currency, c.currency_inferred = source.currency, True
        else:
            c.currency, c.currency_inferred = c.amount.currency, c.amount.currency_inferred
        kept.append(c)
    cands = _reindex(cands, kept)
    r.link_totals(cands)
    sentences = {
        j for c in cands for j in (c.sentence - 1, c.sentence, c.sentence + 1) if 0 <= j < len(r.starts)
    }
    doc_recipient = r.document_recipient(sentences) if sentences else None
    _resolve(r, cands, doc_recipient)
    extra = r.unquantified(cands)
    _resolve(r, extra, doc_recipient, cands)
    everything = sorted(_without_repeats(r.text, cands) + extra, key=lambda c: (c.span or c.amount.span)[0])
    return _pledges(r, everything, cands)


def _named_before(kept: list[Candidate], c: Candidate) -> Amount | None:
    """An earlier amount with a currency that a bare one names again ("... 52.1 million USD in
    total." and later "the following assistance (52.1 million in total)")."""
    same = (k.amount for k in kept[-60:][::-1] if k.amount.value == c.amount.value and k.amount.form)
    return next(same, None)


# Before "additional": a word that points back to an amount named before ("This additional $10 million").
_POINTS_BACK = re.compile(r"(?i)(?<![\w-])(?:this|that|these|those|the)\s+$")
# How close a rounded amount of another giver must stand to be the same sum named again.
_CLOSE = 0.02


def _restates(c: Candidate, earlier: Candidate) -> bool:
    """Whether a rounded amount names an earlier one again: "over 200 million euros" after
    "€201 million", "more than $70 million" after "$72.5 million" (the same giver), in one currency."""
    a, b = c.amount.value, earlier.amount.value
    if c.currency != earlier.currency or not a or c.amount.qualifier == "exact":
        return False
    reach = ROUNDING if c.donor == earlier.donor else _CLOSE
    if c.amount.qualifier in ("over", "at_least"):
        return a <= b <= a * (1 + reach)
    if c.amount.qualifier in ("under", "up_to"):
        return a * (1 - reach) <= b <= a
    return abs(b - a) <= a * reach


def _without_repeats(text: str, cands: list[Candidate]) -> list[Candidate]:
    """The pledges less those the readout names a second time ("the $800 million" in the
    narration after "$800 million" in a quote, "more than $70 million" after "$72.5 million"):
    same donor, sum and currency, another sentence, not "another" and not a part of anything
    else. What the second naming says of the whole it belongs to, and of its own parts, goes
    to the first."""
    seen: dict[tuple[str | None, float, str | None], int] = {}
    first_of: dict[int, int] = {}  # a repeat -> the candidate it names again
    index = {id(c): k for k, c in enumerate(cands)}

    def root(k: int | None) -> int | None:
        while k is not None and k in first_of:
            k = first_of[k]
        return k

    out = []
    for c in cands:
        k = index[id(c)]
        key = (c.donor, c.amount.value, c.currency)
        first = seen.get(key)
        if first is None and c.span is None:
            first = next((index[id(e)] for e in out[-60:] if _restates(c, e)), None)
        back = _POINTS_BACK.search(text, max(0, c.amount.start - 8), c.amount.start)
        fresh = c.amount.increment and not back
        if first is not None and cands[first].sentence != c.sentence and not fresh:
            whole, earlier_whole = root(c.parent), root(cands[first].parent)
            if whole is None or whole in (first, earlier_whole):
                first_of[k] = first
                continue
            if earlier_whole is None and not _within(cands, whole, first, root):
                cands[first].parent = whole
                first_of[k] = first
                continue
        seen.setdefault(key, k)
        out.append(c)
    for c in cands:
        parent = root(c.parent)
        c.parent = None if parent == index[id(c)] else parent
    return out


def _within(cands: list[Candidate], k: int, whole: int, root: Callable[[int | None], int | None]) -> bool:
    """Whether candidate `k` is `whole` or one of its parts, at any depth."""
    seen: set[int] = set()
    at: int | None = k
    while at is not None and at not in seen:
        if at == whole:
            return True
        seen.add(at)
        at = root(cands[at].parent)
    return False


def _nearest(near: list[tuple[int, str]], pos: int) -> str | None:
    """The party of the sorted mentions named nearest `pos`, the earlier on a tie.

    Found by halving, not by measuring every mention: one sentence may name thousands.
    """
    j = bisect_left(near, pos, key=lambda m: m[0])
    if j == 0:
        return near[0][1] if near else None
    before = near[j - 1][0]
    if j < len(near) and near[j][0] - pos < pos - before:
        return near[j][1]
    return near[bisect_left(near, before, key=lambda m: m[0])][1]


def _reindex(old: list[Candidate], kept: list[Candidate]) -> list[Candidate]:
    where = {id(c): n for n, c in enumerate(kept)}
    for c in kept:
        if c.parent is not None:
            parent = old[c.parent]
            c.parent = where.get(id(parent))
    return kept


def _resolve(
    r: _Reader, cands: list[Candidate], doc_recipient: str | None, context: list[Candidate] | None = None
) -> None:
    """Donor, recipient, status, category, purpose and date of each candidate, in reading order."""
    previous: Candidate | None = None
    pool = [p for p in context or [] if p.donor]
    pool_ends = [p.amount.span[1] for p in pool]
    last_status: dict[int, str] = {}  # sentence -> status of its last resolved pledge
    for c in cands:
        pos = c.amount.start if c.span is None else c.span[0]
        k = bisect_right(pool_ends, pos) - 1
        if k >= 0:
            previous = pool[k]
        near = r.recipient_mentions_in(c.sentence)
        explicit = _nearest(near, pos)
        exclude = {x for x in (explicit or doc_recipient,) if x}
        parent = cands[c.parent] if c.parent is not None and context is None else None
        gapped = r.gapped_party(c.amount, c.sentence) if c.span is None and c.donor is None else None
        if gapped:
            c.donor, c.donor_rule = gapped, "sentence"
        elif parent is not None and parent.donor:
            # A part named in a sentence of its own may name its own giver ("Donors pledged a
            # total of $1.2 billion. Canada pledged $40 million of that total.").
            s = r.before_start(c.amount, c.sentence)
            own = r.agent_after(c, exclude)
            if own is None and parent.sentence != c.sentence:
                own = r.acting_party(s, c.amount.start, exclude)
            c.donor, c.donor_rule = (own, "sentence") if own else (parent.donor, parent.donor_rule)
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


def _pledges(r: _Reader, everything: list[Candidate], quantified: list[Candidate]) -> tuple[Pledge, ...]:
    """The pledges kept, with ids "m1", "m2", ... in reading order and parents by those ids."""
    kept = [c for c in everything if _kept(r, c, quantified)]
    ids = {id(c): f"m{n}" for n, c in enumerate(kept, start=1)}
    out = []
    for c in kept:
        parent = quantified[c.parent] if c.span is None and c.parent is not None else None
        a = c.amount
        out.append(
            Pledge(
                id=ids[id(c)],
                span=c.span or a.span,
                donor=c.donor,
                # A sum kept for what it is for goes to the party the headline is about.
                recipient=c.recipient or r.headline_party(c.donor),
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
    return tuple(out)


def _kept(r: _Reader, c: Candidate, quantified: list[Candidate], depth: int = 0) -> bool:
    if c.donor is None or c.donor == c.recipient:
        return False  # money a government spends at home, or whose giver the text does not say
    if c.recipient is None:
        # Given, for a purpose the text names rather than a party ("$75.4 million in support of
        # projects in health"), unless it is written in the giver's own money: "We have allocated
        # 4.2 billion rubles to build a neighbourhood" is spent at home.
        # A sum in its own money that the giver "contributes" or "donates" goes abroad all the same.
        shared = c.amount.form is not None and c.amount.form.ambiguous  # "$": maybe not its own dollar
        own = c.currency == places().currency(c.donor) and not shared
        if c.span is not None:
            return False
        abroad = own and _gives_abroad(r, c)
        if own and not abroad:
            # ... or as a part of a whole that is given, or as the total of a part that is.
            if c.parent is not None and depth < 8 and _kept(r, quantified[c.parent], quantified, depth + 1):
                return True
            return depth == 0 and _totals_a_gift(r, c, quantified)
        if c.parent is not None and depth < 8 and not abroad:  # a part of a whole that is given is given too
            return _kept(r, quantified[c.parent], quantified, depth + 1)
        if c.donor_rule not in ("sentence", "publisher"):
            return False
        # ... and a word before it gives it ("announced $75.4 million", "will provide $45 million"):
        # "welcomed the $2 billion investment by a pension fund" gives nothing.
        before = r.cues_between(c.sentence, r.lead_start(c.amount, c.sentence), c.amount.start)
        return any(cue.kind not in ("noun", "modal", "block") for cue in before)
    # A sum in the receiver's own money that no one in the sentence is said to give is not kept either.
    return not (c.donor_rule != "sentence" and c.currency and c.currency == places().currency(c.recipient))


def _totals_a_gift(r: _Reader, c: Candidate, quantified: list[Candidate]) -> bool:
    """Whether a running total holds a part its giver sends abroad ("will contribute a further
    NZ$3 million, bringing its total support to NZ$7 million")."""
    k = next((n for n, q in enumerate(quantified) if q is c), None)
    return r.is_total(c) and any(q.parent == k and _gives_abroad(r, q) for q in quantified)


def _gives_abroad(r: _Reader, c: Candidate) -> bool:
    """Whether a giver named in the sentence gives the sum with a word that takes money abroad
    ("Germany will contribute €6 million to the recovery", "a grant worth ...")."""
    if c.donor_rule != "sentence":
        return False
    return r.words.outward.search(r.text, r.lead_start(c.amount, c.sentence), c.amount.start) is not None
