"""What the user typed in the find bar, understood: text to find and fields to filter by.

The language is small and forgiving, the way mail and issue trackers search:

- plain words are text to find; consecutive words form one phrase ("mark carney"),
  and quotation marks keep a phrase together even where it holds a colon;
- `field:value` narrows the panes: speaker, donor, recipient, topic, currency,
  kind, category, status (a value with spaces goes in quotes: `speaker:"mark carney"`;
  kind, category and status take one of their values or an unambiguous beginning
  of one: `kind:dir`, `status:under`);
- `amount` compares a pledge's amount, in its own currency, with a number and an
  optional suffix: `amount>100m`, `amount>=1.5bn`, `amount<750k`, `amount=2b`
  (`amount:2b` means the same as `amount=2b`).

Terms combine with AND. Nothing is silently dropped: a term that looks like a filter
but is not a valid one lands in `Query.errors` with its position and a message that
says how to write it, so the bar can show the user what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from readout_browser.model import CATEGORIES, STATUSES, Span
from readout_browser.search.fold import fold

TEXT_FIELDS: tuple[str, ...] = ("speaker", "donor", "recipient", "topic", "currency")
CHOICE_FIELDS: dict[str, tuple[str, ...]] = {
    "kind": ("direct", "reported"),
    "category": CATEGORIES,
    "status": STATUSES,
}
AMOUNT_FIELD = "amount"
FIELDS: tuple[str, ...] = (*TEXT_FIELDS, *CHOICE_FIELDS, AMOUNT_FIELD)

_MULTIPLIERS = {
    "": 1.0,
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "t": 1e12,
    "tn": 1e12,
    "trillion": 1e12,
}
_NUMBER = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*([a-z]*)", re.IGNORECASE)
_FILTER = re.compile(r"([A-Za-z_]+)(>=|<=|>|<|=|:)")
_QUOTES = '"“”„«»'
AMOUNT_OPS: tuple[str, ...] = (">", "<", ">=", "<=", "=")


@dataclass(frozen=True)
class Term:
    """Text to find: `text` as typed, `folded` as matched, `span` where it stands in the query."""

    text: str
    folded: str
    span: Span


@dataclass(frozen=True)
class FieldFilter:
    """One `field:value` or `amount<op><number>` term.

    `value` is folded; for kind, category and status it is the full value the
    beginning stood for. `amount` holds the number for the amount field.
    """

    field: str
    op: str
    value: str
    span: Span
    amount: float | None = None


@dataclass(frozen=True)
class QueryError:
    """A term that could not be understood, where it stands in the query, and why."""

    span: Span
    message: str


@dataclass(frozen=True)
class Query:
    """A parsed query; `errors` is empty when every term was understood."""

    text: str
    terms: tuple[Term, ...] = ()
    filters: tuple[FieldFilter, ...] = ()
    errors: tuple[QueryError, ...] = ()

    @property
    def is_empty(self) -> bool:
        """Nothing to find and nothing to filter by."""
        return not self.terms and not self.filters

    def fields(self, name: str) -> tuple[FieldFilter, ...]:
        """The filters on one field, in the order typed."""
        return tuple(f for f in self.filters if f.field == name)


def parse_amount(text: str) -> float | None:
    """A number written the way readouts and users write amounts ("100m", "1.5bn", "2,000"), or None."""
    m = _NUMBER.fullmatch(text.strip())
    if not m:
        return None
    suffix = m.group(3).lower()
    if suffix not in _MULTIPLIERS:
        return None
    return float(m.group(1).replace(",", "") + (m.group(2) or "")) * _MULTIPLIERS[suffix]


def _normal_choice(text: str) -> str:
    return fold(text).replace("_", " ").replace("-", " ").strip()


def _choose(field: str, value: str) -> str | None:
    """The one allowed value that `value` is, or begins, or None."""
    typed = _normal_choice(value)
    allowed = CHOICE_FIELDS[field]
    exact = [a for a in allowed if _normal_choice(a) == typed]
    fits = exact or [a for a in allowed if _normal_choice(a).startswith(typed)]
    return fits[0] if len(fits) == 1 else None


class _Scanner:
    """Splits a query into words, quoted phrases and filters, keeping positions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.terms: list[Term] = []
        self.filters: list[FieldFilter] = []
        self.errors: list[QueryError] = []
        self._phrase: list[tuple[int, int]] = []

    def run(self) -> Query:
        text, i = self.text, 0
        while i < len(text):
            if text[i].isspace():
                i += 1
            elif text[i] in _QUOTES:
                self._close_phrase()
                end = self._quoted_end(i)
                inner = (
                    text[i + 1 : end - 1] if end - 1 > i and text[end - 1] in _QUOTES else text[i + 1 : end]
                )
                self._add_term(inner, (i, end))
                i = end
            else:
                i = self._word(i)
        self._close_phrase()
        return Query(self.text, tuple(self.terms), tuple(self.filters), tuple(self.errors))

    def _quoted_end(self, start: int) -> int:
        """The end of a quoted stretch opening at `start` (the end of the query if never closed)."""
        close = next((j for j in range(start + 1, len(self.text)) if self.text[j] in _QUOTES), None)
        return len(self.text) if close is None else close + 1

    def _word(self, start: int) -> int:
        text = self.text
        m = _FILTER.match(text, start)
        if m is None:
            end = start
            while end < len(text) and not text[end].isspace():
                end += 1
            self._phrase.append((start, end))
            return end
        self._close_phrase()
        value_start = m.end()
        if value_start < len(text) and text[value_start] in _QUOTES:
            end = self._quoted_end(value_start)
            raw = text[value_start:end].strip(_QUOTES)
        else:
            end = value_start
            while end < len(text) and not text[end].isspace():
                end += 1
            raw = text[value_start:end]
        self._add_filter(m.group(1), m.group(2), raw, (start, end))
        return end

    def _add_filter(self, name: str, op: str, raw: str, span: Span) -> None:
        field = name.lower()
        if field not in FIELDS:
            self.errors.append(QueryError(span, f"unknown filter “{name}”; filters are {', '.join(FIELDS)}"))
            return
        if not raw.strip():
            example = "amount>100m" if field == AMOUNT_FIELD else f"{field}:{_EXAMPLES[field]}"
            self.errors.append(QueryError(span, f"{name}{op} needs a value, e.g. {example}"))
            return
        if field == AMOUNT_FIELD:
            self._add_amount(op, raw, span)
            return
        if op != ":":
            self.errors.append(QueryError(span, f"{field} takes a colon, e.g. {field}:{_EXAMPLES[field]}"))
            return
        if field in CHOICE_FIELDS:
            chosen = _choose(field, raw)
            if chosen is None:
                choices = ", ".join(CHOICE_FIELDS[field])
                self.errors.append(QueryError(span, f"{field}:{raw} is not a {field}; use one of {choices}"))
                return
            self.filters.append(FieldFilter(field, ":", chosen, span))
            return
        self.filters.append(FieldFilter(field, ":", fold(raw).strip(), span))

    def _add_amount(self, op: str, raw: str, span: Span) -> None:
        op = "=" if op == ":" else op
        value = parse_amount(raw)
        if value is None:
            self.errors.append(
                QueryError(
                    span, f"“{raw}” is not an amount; write a number with k, m or bn, e.g. amount>100m"
                )
            )
            return
        self.filters.append(FieldFilter(AMOUNT_FIELD, op, raw.strip(), span, amount=value))

    def _add_term(self, raw: str, span: Span) -> None:
        folded = fold(raw).strip()
        if folded:
            self.terms.append(Term(raw.strip(), folded, span))

    def _close_phrase(self) -> None:
        if self._phrase:
            start, end = self._phrase[0][0], self._phrase[-1][1]
            self._add_term(self.text[start:end], (start, end))
            self._phrase = []


_EXAMPLES = {
    "speaker": "carney",
    "donor": "canada",
    "recipient": "ukraine",
    "topic": "energy",
    "currency": "cad",
    "kind": "direct",
    "category": "military",
    "status": "committed",
}


def parse_query(text: str) -> Query:
    """The query `text` stands for; malformed terms are reported in `errors`, never dropped silently."""
    return _Scanner(text).run()
