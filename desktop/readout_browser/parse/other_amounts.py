"""The sums of money in a readout that are not pledges: contracts, trade, needs, budgets, damage.

A reader who sees "130 locomotives worth 900 million euros" left out of the pledges should
still find it, marked as what it is, so every amount `money.find_amounts` reads is either a
pledge or one of these. Its kind is the kind of the word nearest to it in its sentence
(`[other_amounts]` of `resources/pledges.toml`): "trade reached $1 billion" is trade, "Ukraine
needs $5 billion" a need. An amount that only names a pledge again ("the $800 million" after
"$800 million") belongs to that pledge and is not listed twice.
"""

from __future__ import annotations

from typing import Any, cast

from readout_browser.model import Amount, AmountKind, Pledge
from readout_browser.parse import datafiles
from readout_browser.parse.amount_context import CLAUSE_END, ROUNDING
from readout_browser.parse.currency import infer, source_country
from readout_browser.parse.document import Document
from readout_browser.parse.money import Amount as Money
from readout_browser.parse.pledge_words import PhraseSet

_KINDS: tuple[AmountKind, ...] = ("contract", "trade", "need", "budget", "damage")


def _kind_words() -> PhraseSet:
    return datafiles.compiled("pledges.toml", _compile_kind_words)


def _compile_kind_words(data: dict[str, Any]) -> PhraseSet:
    table = data.get("other_amounts", {})
    labelled: dict[str, str] = {}
    for kind in _KINDS:  # a phrase listed under two kinds counts for the first
        for phrase in table.get(kind, []):
            labelled.setdefault(phrase, kind)
    return PhraseSet(labelled)


def find_other_amounts(doc: Document, pledges: tuple[Pledge, ...]) -> tuple[Amount, ...]:
    """Every amount of money that is not a pledge, in reading order, with ids "a1", "a2", ...

    A bare number ("800 million") is money only when an amount with a currency stands in its
    sentence or the one before in the paragraph, whose currency it takes; otherwise it counts
    things ("29 million have been vaccinated").
    """
    text = doc.text
    named = [p for p in pledges if p.amount is not None]
    taken = {p.span for p in named}
    words = _kind_words()
    found: dict[int, list[tuple[int, int, str]]] = {}  # sentence -> its kind words, found once
    sentences = doc.sentences or ((0, len(text)),)
    starts = [s for s, _ in sentences]
    out: list[Amount] = []
    publisher = source_country(doc.source)  # "R90 million" in a South African readout is rand
    last: tuple[Money, int] | None = None  # the last amount with a currency, and its sentence
    k = 0
    for a in doc.amounts:
        while k + 1 < len(starts) and starts[k + 1] <= a.span[0]:
            k += 1
        if a.form is not None:
            source: Money | None = a
            last = (a, k)
        elif last is not None and k - last[1] <= 1 and _same_paragraph(doc, last[0].span[0], a.span[0]):
            source = last[0]
        else:
            source = None
        if a.span in taken or source is None:
            continue
        if k not in found:
            found[k] = words.finditer(text, *sentences[k])
        kind = _nearest_kind(text, found[k], a)
        currency = source.currency
        if source.form is not None and source.form.ambiguous:
            currency = infer(source.form, None, publisher)[0]
        if kind == "other" and any(_names_again(a, currency, p) for p in named):
            continue  # the pledge named again
        out.append(
            Amount(
                id=f"a{len(out) + 1}",
                span=a.span,
                amount=a.value,
                kind=kind,
                currency=currency,
                currency_text=a.currency_text,
                currency_inferred=source.currency_inferred or source is not a,
                evidence=sentences[k],
            )
        )
    return tuple(out)


def _same_paragraph(doc: Document, a: int, b: int) -> bool:
    return doc.paragraph_index(a) == doc.paragraph_index(b)


def _names_again(a: Money, currency: str | None, p: Pledge) -> bool:
    """Whether an amount names a pledge again: the same sum ("This additional $10 million" once
    the $10 million is read), or a rounded one ("over 200 million euros" after "€201 million"),
    in its currency (a "$" may be the pledge's dollar)."""
    if p.amount is None or not (currency == p.currency or a.currency_inferred or currency is None):
        return False
    if a.qualifier == "exact":
        return a.value == p.amount
    return abs(p.amount - a.value) <= a.value * ROUNDING


def _nearest_kind(text: str, hits: list[tuple[int, int, str]], a: Money) -> AmountKind:
    """The kind of the nearest word before the amount in its sentence, or after it in its clause
    ("trade reached $1 billion", "$65 billion from energy sales")."""
    best: tuple[int, str] | None = None
    clause = CLAUSE_END.search(text, a.span[1])
    clause_end = clause.start() if clause else len(text)
    for s, e, kind in hits:
        if e <= a.start:
            distance = a.start - e
        elif s >= a.span[1] and e <= clause_end:
            distance = s - a.span[1]
        else:
            continue
        if best is None or distance < best[0]:
            best = (distance, kind)
    return cast(AmountKind, best[1]) if best else "other"
