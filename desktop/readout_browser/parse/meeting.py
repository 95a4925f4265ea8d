"""What kind of encounter a readout reports, where, when, and in which formats.

The kind comes from the title and the lead sentences: a call (video or phone) wins
wherever it is named, since a call's readout also speaks of "talks" and "meetings";
otherwise the first of talks, meeting or visit that the lead names. The place is the
name after "In" that opens the lead ("In Kyiv, ...") or after "in" following the word
for the encounter ("talks in Paris"); the date is the readout's own. Cue words are data
(resources/meeting.toml).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from readout_browser.model import Meeting, MeetingKind
from readout_browser.parse.document import Document
from readout_browser.parse.places import places
from readout_browser.parse.wordlists import first_phrase, word_tree
from readout_browser.paths import resource

_CALLS = ("video call", "phone call")
_LEAD_SENTENCES = 2
_UPPER = r"A-Z\u00C0-\u00DE\u0100-\u017F\u0400-\u042F"


@dataclass(frozen=True)
class _Cues:
    kinds: tuple[tuple[str, tuple[str, ...]], ...]  # lower-case phrases per kind
    formats: tuple[tuple[str, tuple[str, ...]], ...]
    place: re.Pattern[str]
    not_places: frozenset[str]


@cache
def _cues() -> _Cues:
    data = tomllib.loads(resource("meeting.toml").read_text(encoding="utf-8"))
    kinds = tuple((k, tuple(w.lower() for w in words)) for k, words in data.get("kinds", {}).items())
    formats = tuple((f, tuple(w.lower() for w in words)) for f, words in data.get("formats", {}).items())
    place = data.get("place", {})
    name = rf"[{_UPPER}][\w’'-]+(?:\s+(?:de\s+|del\s+|la\s+)?[{_UPPER}][\w’'-]+)*"
    before = word_tree(place.get("before", ["in"]))
    pattern = re.compile(r"(?<![\w-])(?:" + before + r")\s+(" + name + ")")
    return _Cues(kinds, formats, pattern, frozenset(place.get("not_places", [])))


def _kind(texts: list[str]) -> MeetingKind:
    """A call named anywhere in `texts`; else the first encounter word they name."""
    found: list[tuple[int, int, int, str]] = []  # (not a call, text, position, kind)
    lowered = [t.lower() for t in texts]
    for order, (kind, phrases) in enumerate(_cues().kinds):
        for n, text in enumerate(lowered):
            at = first_phrase(text, phrases)
            if at >= 0:
                found.append((0, order, 0, kind) if kind in _CALLS else (1, n, at, kind))
                break
    return min(found)[3] if found else "other"  # type: ignore[return-value]


def _place(lead: str) -> str | None:
    cues = _cues()
    for m in cues.place.finditer(lead):
        name = m.group(1)
        first = name.split()[0]
        if first in cues.not_places or re.match(r"\d", first):
            continue
        if places().canonical(name) and places().kind(places().canonical(name) or "") == "organisation":
            continue
        return name
    return None


def describe_meeting(doc: Document) -> Meeting:
    """The kind, place, date and formats of the encounter a readout reports."""
    text = doc.text
    lead = " ".join(text[s:e] for s, e in doc.sentences[:_LEAD_SENTENCES])
    texts = [t for t in (doc.source.title or "", lead) if t]
    kind = _kind(texts)
    if kind == "other" and doc.paragraphs:
        first_para = text[doc.paragraphs[0][0] : doc.paragraphs[0][1]]
        kind = _kind([first_para[:2000]])
    place = None if kind in _CALLS else _place(lead)
    low = text.lower()
    formats = tuple(name for name, phrases in _cues().formats if first_phrase(low, phrases) >= 0)
    return Meeting(kind=kind, place=place, date=doc.source.date, formats=formats)
