"""The `readout/1` JSON form of a readout (shared schema), written and read back.

Writing then reading gives an identical `Readout`; reading checks the shape and
raises `ReadoutError` naming the file and the first thing that is wrong.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from readout_browser.errors import ReadoutError
from readout_browser.model import (
    AMOUNT_KINDS,
    CATEGORIES,
    MEETING_KINDS,
    QUALIFIERS,
    STATUSES,
    Amount,
    Meeting,
    Person,
    Pledge,
    Quote,
    Readout,
    Source,
    Span,
    Topic,
)

SCHEMA = "readout/1"
MAX_DEPTH = 64
"""Deepest chain of sub-allocations or sub-topics read: a readout nests a few levels, never dozens."""


def _span(s: Span | None) -> list[int] | None:
    return None if s is None else [s[0], s[1]]


def _number(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x


def to_dict(r: Readout) -> dict[str, Any]:
    """The readout as a `readout/1` object (plain JSON types)."""
    return {
        "schema": SCHEMA,
        "source": {
            "path": r.source.path,
            "url": r.source.url,
            "title": r.source.title,
            "date": r.source.date,
            "publisher": r.source.publisher,
            # Only a saved web page has headings; a text's source stays as it always was.
            **({"headings": [_span(s) for s in r.source.headings]} if r.source.headings else {}),
        },
        "text": r.text,
        "meeting": {
            "kind": r.meeting.kind,
            "place": r.meeting.place,
            "date": r.meeting.date,
            "formats": list(r.meeting.formats),
        },
        "people": [
            {
                "id": p.id,
                "name": p.name,
                "title": p.title,
                "country": p.country,
                "mentions": [_span(m) for m in p.mentions],
                "from_roster": p.from_roster,
            }
            for p in r.people
        ],
        "quotes": [
            {
                "id": q.id,
                "kind": q.kind,
                "text": q.text,
                "span": _span(q.span),
                "speaker": q.speaker,
                "cue": q.cue,
                "cue_span": _span(q.cue_span),
            }
            for q in r.quotes
        ],
        "pledges": [
            {
                "id": p.id,
                "donor": p.donor,
                "recipient": p.recipient,
                "amount": _number(p.amount),
                "currency": p.currency,
                "currency_text": p.currency_text,
                "currency_inferred": p.currency_inferred,
                "qualifier": p.qualifier,
                "purpose": p.purpose,
                "category": p.category,
                "status": p.status,
                "when": p.when,
                "parent": p.parent,
                "speaker": p.speaker,
                "span": _span(p.span),
                "evidence": _span(p.evidence),
            }
            for p in r.pledges
        ],
        "topics": [
            {"id": t.id, "label": t.label, "parent": t.parent, "spans": [_span(s) for s in t.spans]}
            for t in r.topics
        ],
        "paragraphs": [_span(s) for s in r.paragraphs],
        "sentences": [_span(s) for s in r.sentences],
        "amounts": [
            {
                "id": a.id,
                "amount": _number(a.amount),
                "kind": a.kind,
                "currency": a.currency,
                "currency_text": a.currency_text,
                "currency_inferred": a.currency_inferred,
                "span": _span(a.span),
                "evidence": _span(a.evidence),
            }
            for a in r.amounts
        ],
        "host": r.host,
    }


def dumps(r: Readout, indent: int | None = 2) -> str:
    """The readout as `readout/1` JSON text."""
    return json.dumps(to_dict(r), ensure_ascii=False, indent=indent, allow_nan=False)


class _Reader:
    """Reads one object with messages that say where a field is wrong."""

    def __init__(self, path: str | None, text_len: int) -> None:
        self.path = path
        self.text_len = text_len

    def fail(self, where: str, what: str) -> ReadoutError:
        return ReadoutError(self.path, f"not a valid readout/1 file: {where} {what}")

    def obj(self, d: Any, where: str) -> Mapping[str, Any]:
        if not isinstance(d, Mapping):
            raise self.fail(where, "is not an object")
        return d

    def items(self, d: Mapping[str, Any], key: str, where: str) -> list[Any]:
        v = d.get(key, [])
        if not isinstance(v, list):
            raise self.fail(f"{where}.{key}", "is not a list")
        return v

    def str_(self, d: Mapping[str, Any], key: str, where: str, required: bool = False) -> str | None:
        v = d.get(key)
        if v is None and not required:
            return None
        if not isinstance(v, str):
            raise self.fail(f"{where}.{key}", "is not a string")
        return v

    def enum(self, d: Mapping[str, Any], key: str, where: str, allowed: tuple[str, ...], default: str) -> Any:
        v = d.get(key, default)
        if v not in allowed:
            raise self.fail(f"{where}.{key}", f"is {v!r}, not one of {', '.join(allowed)}")
        return v

    def number(self, v: Any, where: str) -> float:
        """A finite number: NaN, infinity or more than a float holds is no amount of money."""
        if isinstance(v, bool) or not isinstance(v, int | float):
            raise self.fail(where, "is not a number")
        try:
            value = float(v)
        except OverflowError:
            value = math.inf
        if not math.isfinite(value):
            raise self.fail(where, "is not a finite number")
        return value

    def nesting(self, items: tuple[Any, ...], where: str) -> None:
        """Refuse parents chained deeper than any readout nests them: every tree is walked by recursion."""
        parent_of = {x.id: x.parent for x in items}
        for i, x in enumerate(items):
            seen, parent = {x.id}, x.parent
            while parent in parent_of and parent not in seen:  # a loop of parents ends the walk
                if len(seen) > MAX_DEPTH:
                    raise self.fail(f"{where}[{i}].parent", f"nests {where} more than {MAX_DEPTH} deep")
                seen.add(parent)
                parent = parent_of[parent]

    def span(self, v: Any, where: str, optional: bool = False) -> Span | None:
        if v is None and optional:
            return None
        if (
            not isinstance(v, list)
            or len(v) != 2
            or not all(isinstance(x, int) and not isinstance(x, bool) for x in v)
            or not 0 <= v[0] <= v[1] <= self.text_len
        ):
            raise self.fail(where, f"is not a span [start, end) inside the text: {v!r}")
        return (v[0], v[1])

    def spans(self, d: Mapping[str, Any], key: str, where: str) -> tuple[Span, ...]:
        out: list[Span] = []
        for i, v in enumerate(self.items(d, key, where)):
            s = self.span(v, f"{where}.{key}[{i}]")
            assert s is not None
            out.append(s)
        return tuple(out)

    def many(self, d: Mapping[str, Any], key: str, build: Callable[[Mapping[str, Any], str], Any]) -> tuple:
        found = self.items(d, key, "")
        return tuple(build(self.obj(x, f"{key}[{i}]"), f"{key}[{i}]") for i, x in enumerate(found))


def from_dict(d: Any, path: str | None = None) -> Readout:
    """A `Readout` from a `readout/1` object; `ReadoutError` when it is not one."""
    if not isinstance(d, Mapping) or d.get("schema") != SCHEMA:
        raise ReadoutError(path, f'not a readout JSON file (expected "schema": "{SCHEMA}")')
    text = d.get("text")
    if not isinstance(text, str):
        raise ReadoutError(path, "not a valid readout/1 file: text is missing or not a string")
    rd = _Reader(path, len(text))
    src = rd.obj(d.get("source", {}), "source")
    mt = rd.obj(d.get("meeting", {}), "meeting")

    def person(p: Mapping[str, Any], w: str) -> Person:
        return Person(
            id=rd.str_(p, "id", w, True) or "",
            name=rd.str_(p, "name", w, True) or "",
            title=rd.str_(p, "title", w),
            country=rd.str_(p, "country", w),
            mentions=rd.spans(p, "mentions", w),
            from_roster=bool(p.get("from_roster", False)),
        )

    def quote(q: Mapping[str, Any], w: str) -> Quote:
        return Quote(
            id=rd.str_(q, "id", w, True) or "",
            kind=rd.enum(q, "kind", w, ("direct", "reported"), "direct"),
            text=rd.str_(q, "text", w, True) or "",
            span=rd.span(q.get("span"), f"{w}.span") or (0, 0),
            speaker=rd.str_(q, "speaker", w),
            cue=rd.str_(q, "cue", w),
            cue_span=rd.span(q.get("cue_span"), f"{w}.cue_span", optional=True),
        )

    def pledge(p: Mapping[str, Any], w: str) -> Pledge:
        amount = p.get("amount")
        if amount is not None:
            amount = rd.number(amount, f"{w}.amount")
        return Pledge(
            id=rd.str_(p, "id", w, True) or "",
            span=rd.span(p.get("span"), f"{w}.span") or (0, 0),
            donor=rd.str_(p, "donor", w),
            recipient=rd.str_(p, "recipient", w),
            amount=amount,
            currency=rd.str_(p, "currency", w),
            currency_text=rd.str_(p, "currency_text", w),
            currency_inferred=bool(p.get("currency_inferred", False)),
            qualifier=rd.enum(p, "qualifier", w, QUALIFIERS, "exact"),
            purpose=rd.str_(p, "purpose", w),
            category=rd.enum(p, "category", w, CATEGORIES, "other"),
            status=rd.enum(p, "status", w, STATUSES, "committed"),
            when=rd.str_(p, "when", w),
            parent=rd.str_(p, "parent", w),
            speaker=rd.str_(p, "speaker", w),
            evidence=rd.span(p.get("evidence"), f"{w}.evidence", optional=True),
        )

    def amount(a: Mapping[str, Any], w: str) -> Amount:
        return Amount(
            id=rd.str_(a, "id", w, True) or "",
            span=rd.span(a.get("span"), f"{w}.span") or (0, 0),
            amount=rd.number(a.get("amount"), f"{w}.amount"),
            kind=rd.enum(a, "kind", w, AMOUNT_KINDS, "other"),
            currency=rd.str_(a, "currency", w),
            currency_text=rd.str_(a, "currency_text", w),
            currency_inferred=bool(a.get("currency_inferred", False)),
            evidence=rd.span(a.get("evidence"), f"{w}.evidence", optional=True),
        )

    def topic(t: Mapping[str, Any], w: str) -> Topic:
        return Topic(
            id=rd.str_(t, "id", w, True) or "",
            label=rd.str_(t, "label", w, True) or "",
            parent=rd.str_(t, "parent", w),
            spans=rd.spans(t, "spans", w),
        )

    pledges = rd.many(d, "pledges", pledge)
    topics = rd.many(d, "topics", topic)
    rd.nesting(pledges, "pledges")
    rd.nesting(topics, "topics")
    formats = rd.items(mt, "formats", "meeting")
    if not all(isinstance(f, str) for f in formats):
        raise rd.fail("meeting.formats", "holds something other than strings")
    return Readout(
        source=Source(
            path=rd.str_(src, "path", "source"),
            url=rd.str_(src, "url", "source"),
            title=rd.str_(src, "title", "source"),
            date=rd.str_(src, "date", "source"),
            publisher=rd.str_(src, "publisher", "source"),
            headings=rd.spans(src, "headings", "source"),
        ),
        text=text,
        meeting=Meeting(
            kind=rd.enum(mt, "kind", "meeting", MEETING_KINDS, "other"),
            place=rd.str_(mt, "place", "meeting"),
            date=rd.str_(mt, "date", "meeting"),
            formats=tuple(formats),
        ),
        people=rd.many(d, "people", person),
        quotes=rd.many(d, "quotes", quote),
        pledges=pledges,
        topics=topics,
        paragraphs=rd.spans(d, "paragraphs", ""),
        sentences=rd.spans(d, "sentences", ""),
        amounts=rd.many(d, "amounts", amount),
        host=rd.str_(d, "host", ""),
    )


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def load(path: str | Path, text: str) -> Readout:
    """A readout from the text of a `readout/1` file."""
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as e:
        raise ReadoutError(path, f"not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})") from None
    except RecursionError:
        raise ReadoutError(path, "not a readout/1 file: its JSON is nested too deeply to read") from None
    except ValueError as e:  # NaN or Infinity, or an integer of thousands of digits
        raise ReadoutError(path, f"not valid JSON ({e})") from None
    return from_dict(data, str(path))
