"""Amounts of money in running text: where each is, how much, in what, and how exact.

Readouts write money every way there is: "2 billion Canadian dollars", "$ 1 billion",
"€1.5bn", "EUR 300 million", "USD34.6 million", "half a billion", "1,5 billion", "12 MUSD",
"increased from $33 billion to $39.6 billion". This module reads them all into `Amount`s and
keeps what general number parsers drop: the qualifier ("over", "up to"), the increment
("another"), and a bare "800 million" whose currency an earlier amount gave. It does not decide
whether an amount is a pledge; `pledges` does.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from readout_browser.model import Qualifier, Span
from readout_browser.parse import datafiles
from readout_browser.parse.currency import CurrencyForm, lexicon, own_currency
from readout_browser.parse.places import places
from readout_browser.parse.wordlists import word_tree

_SPACE = "\u0020\u00a0\u202f\u2009"
_NEXT_WORDS = re.compile(r"[\s\u00a0]*(\w+)(?:\s+(\w+))?")


@dataclass(frozen=True)
class Amount:
    """One amount of money as written.

    `value` is in units of the currency (2 billion is 2e9). `currency` is the ISO code when the
    text names one currency; for a shared form ("$", "dollars") it is that form's usual code
    with `currency_inferred` set, and `form` keeps what is needed to infer it better once the
    donor is known. A `bare` amount ("800 million") names no currency at all. `low` is the
    start of a range ("from $33 billion to $39.6 billion" has value 39.6e9, low 33e9).
    """

    span: Span
    value: float
    currency: str | None = None
    currency_text: str | None = None
    currency_inferred: bool = False
    form: CurrencyForm | None = None
    qualifier: Qualifier = "exact"
    increment: bool = False
    low: float | None = None
    lead: int | None = None  # where the qualifier or increment words before the amount begin

    @property
    def bare(self) -> bool:
        """True when no currency is written with the amount."""
        return self.form is None

    @property
    def start(self) -> int:
        """The first character of the amount and the words that qualify it."""
        return self.span[0] if self.lead is None else self.lead


@dataclass(frozen=True)
class _Grammar:
    number: re.Pattern[str]
    scale_word: re.Pattern[str]
    words_before: re.Pattern[str]
    scale: re.Pattern[str]
    scales: dict[str, float]
    qualifiers_before: re.Pattern[str]
    qualifiers_after: re.Pattern[str]
    qualifier_of: dict[str, str]
    followers: frozenset[str]
    code_after: re.Pattern[str]
    adjective_unit: re.Pattern[str]
    joiner: re.Pattern[str]
    conversion: re.Pattern[str]
    word_values: dict[str, int]  # "seven" -> 7, "seventy" -> 70


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _tree(words: list[str]) -> str:
    """The words as a prefix tree, for a regex that ignores case: the same matches as
    `_alternation`, found without trying every word at every place."""
    return word_tree({w.lower() for w in words}, space=r"\ ") if words else ""


def _grammar() -> _Grammar:
    return datafiles.compiled("currencies.toml", _compile_grammar)


def _compile_grammar(data: dict[str, Any]) -> _Grammar:
    scales = {k.casefold(): float(v) for k, v in data.get("scales", {}).items()}
    numbers = data.get("number_words", {})
    units, teens, tens = (list(numbers.get(k, [])) for k in ("units", "teens", "tens"))
    word_scales = list(numbers.get("scales", []))
    word_values = (
        {w: i + 1 for i, w in enumerate(units)}
        | {w: i + 10 for i, w in enumerate(teens)}
        | {w: (i + 2) * 10 for i, w in enumerate(tens)}
    )
    word = rf"(?:(?:{'|'.join(tens)})(?:[- ](?:{'|'.join(units)}))?|{'|'.join(teens)}|{'|'.join(units)})"
    word_number = (
        rf"(?:(?:{word}|an?)(?: hundred(?: (?:and )?{word})?)?(?: and an? (?:half|quarter))?"
        rf"|half an?|a quarter of an?)"
    )
    # A number in figures after its first digit: "1 000 000", "2.5", "1,500".
    more_digits = rf"(?:\d{{0,2}}(?:[{_SPACE}]\d{{3}}(?!\d))+(?![.,]\d)|\d*(?:[,.]\d+)*)"
    digits = rf"\d{more_digits}"
    # Both open with a class of characters (the first digit; the first letter of a scale word in
    # either case) and check what stands before it after, which lets the regex engine skip from
    # one candidate to the next instead of checking every character.
    number = re.compile(rf"(?P<digits>\d(?<![\d.,]\d){more_digits})")
    initials = "".join(sorted({c for w in word_scales for c in (w[0], w[0].upper())}))
    scale_word = re.compile(
        rf"[{initials}](?<![\w-][{initials}])"
        + "(?i:"
        + "|".join(rf"(?<=[{w[0]}{w[0].upper()}]){w[1:]}" for w in word_scales)
        + r")(?i:s)?(?![\w-])"
    )
    words_before = re.compile(rf"(?i)(?<![\w-])(?P<words>{word_number})[ -]$")
    scale = re.compile(
        rf"(?:[-–]\s?(?P<to>{digits}))?(?P<gap>[{_SPACE}-]?)(?i:(?P<scale>{_alternation(list(scales))}))"
        r"(?![\w$€£¥])|[ ]?(?P<mscale>[Mk])(?=[A-Z]{3}\b)"
    )
    qualifier_of: dict[str, str] = {}
    before: list[str] = []
    after: list[str] = []
    for key, phrases in data.get("qualifiers", {}).items():
        for phrase in phrases:
            qualifier_of[phrase.casefold()] = key
            (after if phrase.split()[0] in ("or", "and") else before).append(phrase)
    increments = [w.casefold() for w in data.get("increments", {}).get("words", [])]
    q, i = _tree(before), _tree(increments)
    return _Grammar(
        word_values=word_values,
        number=number,
        scale_word=scale_word,
        words_before=words_before,
        scale=scale,
        scales=scales,
        # Every group opens at a word's start, so only a word's start (or the end) can open a match.
        qualifiers_before=re.compile(
            rf"(?i)(?=\b|$)(?:\b(?P<q1>{q})\s+)?(?:\b(?P<inc>{i})\s+)?(?:\b(?P<q2>{q})\s+)?$"
        ),
        qualifiers_after=re.compile(rf"(?i)\s+(?P<q>{_alternation(after)})\b"),
        qualifier_of=qualifier_of,
        followers=frozenset(w.casefold() for w in data.get("bare_followers", {}).get("words", [])),
        code_after=re.compile(r"[A-Z]{3}(?![\w$])"),
        adjective_unit=re.compile(r"(?P<adj>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?) (?=\w)"),
        joiner=re.compile(r"(?i)\s*(?:(?P<to>(?:up )?to|until|through)|(?P<and>and)|(?P<dash>[-–—]))\s*$"),
        # "£2bn ($2.5bn)", "1 billion yen (over 8 million US dollars)", "20 million USD [app. 2 billion JPY]".
        conversion=re.compile(rf"(?i)\s*[(\[]\s*(?:(?:{q}|c\.|ca\.|~|≈)\s*)?$"),
    )


def _digits_value(s: str, thousands_dot: bool = False) -> Decimal | None:
    """A written number, with thousands separators or a decimal comma where that is unambiguous.

    A single dot before three digits is a thousands separator when no scale word follows
    ("400.000 euros"), a decimal point otherwise ("1.500 billion")."""
    s = re.sub(f"[{_SPACE}]", "", s)
    commas, dots = s.count(","), s.count(".")
    if commas and dots:
        decimal_mark = "," if s.rfind(",") > s.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        s = s.replace(thousands, "").replace(decimal_mark, ".")
    elif commas:
        groups = s.split(",")
        if all(len(g) == 3 for g in groups[1:]):
            s = s.replace(",", "")
        elif commas == 1:
            s = s.replace(",", ".")  # "1,5 billion": a decimal comma
        else:
            return None
    elif dots > 1 or (dots == 1 and thousands_dot and len(s.split(".")[1]) == 3):
        if not all(len(g) == 3 for g in s.split(".")[1:]):
            return None
        s = s.replace(".", "")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _words_value(s: str) -> Decimal:
    """ "two", "twenty-five", "two hundred and fifty", "half a", "one and a half" as a number."""
    words = re.split(r"[\s-]+", s.casefold())
    if words[0] == "half":
        return Decimal("0.5")
    if words[:2] == ["a", "quarter"]:
        return Decimal("0.25")
    fraction = Decimal(0)
    if words[-2:] in (["a", "half"], ["an", "half"]):
        fraction, words = Decimal("0.5"), words[:-3]
    elif words[-2:] in (["a", "quarter"], ["an", "quarter"]):
        fraction, words = Decimal("0.25"), words[:-3]
    current = Decimal(0)
    values = _grammar().word_values
    for w in words:
        if w in ("a", "an"):
            current += 1
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in values:
            current += values[w]
    return current + fraction


def _prefix(text: str, start: int) -> tuple[int, str, CurrencyForm | None, float]:
    """A currency symbol or code written just before a number: (its start, text, form, scale)."""
    lex = lexicon()
    head_start = max(0, start - 8)
    head = text[head_start:start]
    trimmed = head[:-1] if head[-1:] and head[-1] in _SPACE else head
    for k in range(min(6, len(trimmed)), 0, -1):
        cand = trimmed[-k:]
        pos = head_start + len(trimmed) - k
        before = text[pos - 1] if pos > 0 else " "
        form = lex.symbols.get(cand) or lex.signs.get(cand)
        if form is not None and not (cand[0].isalnum() and before.isalnum()):
            return pos, cand, form, 1.0
        if k == 3 and cand in lex.codes:
            if not before.isalnum():
                return pos, cand, CurrencyForm(cand), 1.0
            if before in "Mk" and (pos < 2 or not text[pos - 2].isalnum()):
                return (
                    pos - 1,
                    text[pos - 1 : start].rstrip(),
                    CurrencyForm(cand),
                    1e6 if before == "M" else 1e3,
                )
    return start, "", None, 1.0


def _suffix(text: str, pos: int) -> tuple[int, str, CurrencyForm | None]:
    """A currency name, symbol or code written just after a number: (its end, text, form)."""
    lex, g = lexicon(), _grammar()
    at = pos + 1 if pos < len(text) and text[pos] in _SPACE else pos
    written = lex.written_at(text, at)
    if written:
        return at + len(written), written, lex.form(written)
    m = g.code_after.match(text, at)
    if m and m.group() in lex.codes:
        return m.end(), m.group(), CurrencyForm(m.group())
    m = g.adjective_unit.match(text, at)
    if m and at > pos:
        unit = lex.written_at(text, m.end())
        form = lex.form(unit) if unit else None
        if unit and form and form.ambiguous:
            country = places().canonical(m.group("adj"))
            code = own_currency(country, form.units)
            if code:
                unit_end = m.end() + len(unit)
                return unit_end, text[at:unit_end], CurrencyForm(code)
    return pos, "", None


def _counts_things(text: str, pos: int) -> bool:
    """Whether a bare scaled number is followed by what it counts ("5 million people")."""
    m = _NEXT_WORDS.match(text, pos)
    if not m or (pos < len(text) and text[pos] in ',;:.!?)–—"”’'):
        return False
    followers = _grammar().followers
    first = m.group(1).casefold()
    if first in followers:
        return False
    two = f"{first} {(m.group(2) or '').casefold()}"
    return two not in followers


def _fold(word: str) -> str:
    """A matched word as the grammar's tables spell it.

    The patterns ignore case the way `re` does, where dotless ı and dotted İ match i; casefold
    keeps them apart, so they are folded to i here.
    """
    return word.casefold().replace("i\u0307", "i").replace("\u0131", "i")


def _read(text: str, m: re.Match[str], end: int) -> Amount | None:
    """The amount whose number `m` matched (a `digits` or a `words` group), if it is money."""
    g = _grammar()
    num_start = m.start()
    digits = m.groupdict().get("digits")
    if digits is not None:
        number = _digits_value(digits, thousands_dot=not g.scale.match(text, m.end(), end))
    else:
        number = _words_value(m.group("words"))
    if number is None:
        return None
    pos = m.end() if digits is not None else m.end("words")
    pre_start, pre_text, pre_form, multiplier = _prefix(text, num_start)
    if pre_form is None and num_start > 0 and text[num_start - 1].isalpha():
        return None  # part of a name such as "Su25" or "F16"
    s = g.scale.match(text, pos, end)
    scale_word = ""
    low_number: Decimal | None = None
    if s and s.group("mscale"):
        multiplier = 1e6 if s.group("mscale") == "M" else 1e3
        pos = s.end()
    elif s:
        scale_word = s.group("scale")
        if len(scale_word) == 1 and s.group("gap") == "-":
            s = None
        else:
            multiplier = g.scales[_fold(scale_word)]
            if s.group("to"):
                low_number, number = number, _digits_value(s.group("to"))
                if number is None:
                    return None
            pos = s.end()
    elif digits is None:
        return None
    if pre_text.isalpha() and not scale_word and multiplier == 1.0 and number < 100:
        return None  # a code before a small number names a thing, not money ("COP28", "COP 26")
    suf_end, suf_text, suf_form = _suffix(text, pos)
    form = pre_form if pre_form and (not pre_form.ambiguous or not suf_form) else suf_form
    written = pre_text if form is pre_form else suf_text
    if form is None:
        if not scale_word or len(scale_word) == 1 or scale_word == "MM" or _counts_things(text, pos):
            return None
        span_start, span_end = num_start, pos
    else:
        if len(scale_word) == 1 and s and s.group("gap") and not pre_form:
            return None  # "500 m euros" reads as metres more often than money
        span_start = pre_start if pre_form else num_start
        span_end = suf_end if suf_form else pos
    value = float(number * Decimal(str(multiplier)))
    low = float(low_number * Decimal(str(multiplier))) if low_number is not None else None
    if not math.isfinite(value) or (low is not None and not math.isfinite(low)):
        return None  # more than any float holds: a string of digits, not a sum of money
    qualifier: str = "exact"
    increment = False
    lead = None
    q = g.qualifiers_before.search(text, max(0, span_start - 40), span_start)
    if q and q.start() < span_start:
        lead = q.start()
        word = q.group("q1") or q.group("q2")
        qualifier = g.qualifier_of[_fold(word)] if word else "exact"
        increment = bool(q.group("inc"))
    after = g.qualifiers_after.match(text, span_end)
    if after:
        qualifier = g.qualifier_of[_fold(after.group("q"))]
    if low is not None and qualifier == "exact":
        qualifier = "up_to"
    return Amount(
        span=(span_start, span_end),
        value=value,
        currency=(form.code or form.default) if form else None,
        currency_text=written or None,
        currency_inferred=bool(form and form.ambiguous),
        form=form,
        qualifier=qualifier,  # type: ignore[arg-type]
        increment=increment,
        low=low,
        lead=lead,
    )


def _merge(text: str, amounts: list[Amount]) -> list[Amount]:
    """Join ranges and increases ("from $33 billion to $39.6 billion") and drop conversions
    in brackets ("£2bn ($2.5bn)"), so each sum of money is one `Amount`."""
    g = _grammar()
    out: list[Amount] = []
    for a in amounts:
        prev = out[-1] if out else None
        if prev is not None:
            between = text[prev.span[1] : a.span[0]]
            joint = g.joiner.match(between) if len(between) < 12 else None
            if g.conversion.fullmatch(between) and not a.bare:
                continue  # the same sum in another currency; a bare one before it keeps its own
            rising = _opens(text, prev, "from")
            ranged = joint and (joint.group("and") is None or _opens(text, prev, "between"))
            if ranged and (prev.form or a.form) and (rising or a.value > prev.value):
                form = a.form or prev.form
                low = prev.value
                out[-1] = Amount(
                    span=(prev.span[0], a.span[1]),
                    value=a.value,
                    currency=a.currency if a.form else prev.currency,
                    currency_text=a.currency_text or prev.currency_text,
                    currency_inferred=bool(form and form.ambiguous),
                    form=form,
                    qualifier="exact"
                    if rising
                    else (prev.qualifier if prev.qualifier != "exact" else "up_to"),
                    increment=prev.increment,
                    low=low,
                    lead=prev.lead,
                )
                continue
        out.append(a)
    return out


def _opens(text: str, amount: Amount, word: str) -> bool:
    head = text[max(0, amount.start - 16) : amount.start]
    return re.search(rf"(?i)\b{word}\s+$", head) is not None


def find_amounts(text: str, start: int = 0, end: int | None = None) -> list[Amount]:
    """Every amount of money between `start` and `end`, in reading order.

    Years, percentages and counts ("5 million people") are not money; a bare scaled number
    ("800 million will be allocated") is returned with no currency, for the caller to give
    it the currency of the amount it belongs to.
    """
    stop = len(text) if end is None else end
    return _find(text, start, stop, _grammar())


def _find(text: str, start: int, stop: int, g: _Grammar) -> list[Amount]:
    numbers: list[re.Match[str]] = list(g.number.finditer(text, start, stop))
    for scale in g.scale_word.finditer(text, start, stop):
        words = g.words_before.search(text, max(start, scale.start() - 40), scale.start())
        if words:
            numbers.append(words)
    numbers.sort(key=lambda m: m.start())
    found: list[Amount] = []
    last_end = start
    for m in numbers:
        if m.start() < last_end:
            continue
        amount = _read(text, m, stop)
        if amount is not None and amount.span[0] >= last_end:
            found.append(amount)
            last_end = amount.span[1]
    return _merge(text, found)


def parse_amount(text: str) -> Amount | None:
    """The first amount of money in a short text ("over $500m"), or None."""
    found = find_amounts(text)
    return found[0] if found else None
