"""What kind of encounter a readout reports, where, when, and in which formats.

The kind comes from the title and the lead sentences: a call (video or phone) wins
wherever it is named, since a call's readout also speaks of "talks" and "meetings";
otherwise the first of talks, meeting or visit that the lead names. The place is where
the encounter was held: a dateline ("KYIV, 24 August -"), else a name after "in" (or
"at") in the title, else in the lead ("In Kyiv, ...", "talks in Paris", "held in Rome").
A name that is an institution ("Thales International", a ministry) or that stands in a
person's title ("Vice President at Acme Group") is never a place. The date is the
readout's own. Cue words are data (resources/meeting.toml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from readout_browser.model import Meeting, MeetingKind
from readout_browser.parse import datafiles, phrases
from readout_browser.parse.document import Document
from readout_browser.parse.places import places
from readout_browser.parse.wordlists import first_phrase, word_tree

_CALLS = ("video call", "phone call")
_LEAD_SENTENCES = 2
_TITLE_LINKS = frozenset({"of", "for", "the", "and", "de"})  # the small words inside an office
_UPPER = r"A-Z\u00C0-\u00DE\u0100-\u017F\u0400-\u042F"


@dataclass(frozen=True)
class _Cues:
    kinds: tuple[tuple[str, tuple[str, ...]], ...]  # lower-case phrases per kind
    formats: tuple[tuple[str, tuple[str, ...]], ...]
    place: re.Pattern[str]
    not_places: frozenset[str]
    institution_words: frozenset[str]  # a name holding one of these is a body, not a place
    title_words: frozenset[str]  # "at"/"in" shortly after one of these belongs to a person's title
    dateline: re.Pattern[str]


def _cues() -> _Cues:
    return datafiles.compiled("meeting.toml", _compile_cues)


def _compile_cues(data: dict[str, Any]) -> _Cues:
    # The texts are searched in small letters, so the phrases are listed in small letters.
    kinds = tuple((k, tuple(sorted(phrases.forms(words)))) for k, words in data.get("kinds", {}).items())
    formats = tuple((f, tuple(sorted(phrases.forms(words)))) for f, words in data.get("formats", {}).items())
    place = data.get("place", {})
    name = rf"[{_UPPER}][\w’'-]+(?:\s+(?:de\s+|del\s+|la\s+)?[{_UPPER}][\w’'-]+)*"
    before = word_tree(phrases.all_spellings(place.get("before", ["in"])))
    pattern = re.compile(r"(?<![\w-])(" + before + r")\s+(" + name + ")")
    months = "|".join(place.get("months", []))
    dateline = re.compile(
        rf"\A\s*([{_UPPER}][\w’'-]+(?:\s+[{_UPPER}][\w’'-]+)?)\s*(?:,\s*(?:\d|(?:{months})\b)|\s+[—–-]\s)"
    )
    return _Cues(
        kinds,
        formats,
        pattern,
        frozenset(place.get("not_places", [])),
        frozenset(w.lower() for w in place.get("institution_words", [])),
        frozenset(w.lower() for w in place.get("title_words", [])),
        dateline,
    )


def _kind(texts: list[str]) -> MeetingKind:
    """A call named anywhere in `texts`; else the first encounter word they name."""
    found: list[tuple[int, int, int, str]] = []  # (not a call, text, position, kind)
    lowered = [t.lower() for t in texts]
    for order, (kind, written) in enumerate(_cues().kinds):
        for n, text in enumerate(lowered):
            at = first_phrase(text, written)
            if at >= 0:
                found.append((0, order, 0, kind) if kind in _CALLS else (1, n, at, kind))
                break
    return min(found)[3] if found else "other"  # type: ignore[return-value]


def _is_place(name: str) -> bool:
    """Whether a capitalised name after "in"/"at" may be where a meeting was held."""
    cues = _cues()
    first = name.split()[0]
    if first in cues.not_places or re.match(r"\d", first):
        return False
    if any(w.strip(".,").lower() in cues.institution_words for w in name.split()):
        return False
    canonical = places().canonical(name)
    return not (canonical and places().kind(canonical) == "organisation")


def _in_title(text: str, at: int) -> bool:
    """Whether the place word at `at` ends a person's title ("Vice President for Eurasia at ...").

    Walking back over the words of an office ("Director of Sales"), a title word means a
    title; any other lower-case word (a verb: "met ... in") means the sentence goes on.
    """
    words = _cues().title_words
    for word in reversed(re.findall(r"[\w’'-]+", text[max(0, at - 80) : at])):
        if word.lower() in words:
            return True
        if not (word[0].isupper() or word in _TITLE_LINKS):
            return False
    return False


def _place_in(text: str) -> str | None:
    """The first name after "in" (preferred) or "at" in `text` that is a place of meeting."""
    found: list[tuple[int, int, str]] = []  # (an "at", position, name)
    for m in _cues().place.finditer(text):
        name = m.group(2)
        at = m.group(1).lower() == "at"  # an office names its employer with "at", never with "in"
        if _is_place(name) and not (at and _in_title(text, m.start())):
            found.append((at, m.start(), name))
    return min(found)[2] if found else None


def _dateline(text: str) -> str | None:
    """The place of a dateline that opens the text ("KYIV, 24 August", "Rome - The ...")."""
    m = _cues().dateline.match(text)
    if m is None:
        return None
    name = m.group(1)
    if not name.isupper() and "," in text[m.end(1) : m.end()]:
        return None  # "On Tuesday, July 21": a dateline's place is in capitals, or stands before a dash
    name = name.title() if name.isupper() else name
    return name if _is_place(name) else None


def _place(title: str, lead: str) -> str | None:
    """A dateline's place, else the title's (when it names the encounter), else the lead's."""
    from_title = _place_in(title) if title and _kind([title]) != "other" else None
    return _dateline(lead) or from_title or _place_in(lead)


def describe_meeting(doc: Document) -> Meeting:
    """The kind, place, date and formats of the encounter a readout reports."""
    text = doc.text
    lead = " ".join(text[s:e] for s, e in doc.sentences[:_LEAD_SENTENCES])
    texts = [t for t in (doc.source.title or "", lead) if t]
    kind = _kind(texts)
    if kind == "other" and doc.paragraphs:
        first_para = text[doc.paragraphs[0][0] : doc.paragraphs[0][1]]
        kind = _kind([first_para[:2000]])
    place = None if kind in _CALLS else _place(doc.source.title or "", lead)
    low = text.lower()
    formats = tuple(name for name, phrases in _cues().formats if first_phrase(low, phrases) >= 0)
    return Meeting(kind=kind, place=place, date=doc.source.date, formats=formats)
