"""The words around an amount that make it a pledge, and say its status, kind and parts.

They live in `resources/pledges.toml` so that a user can extend them; this module compiles
them once. Phrases are looked up word by word (by their first letters) rather than through
one large alternation, which keeps a readout's scan to a fraction of a millisecond.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from readout_browser.model import CATEGORIES, STATUSES
from readout_browser.paths import resource

_TOKEN = re.compile(r"[\w'’-]+")
_SPACES = re.compile(r"[\s\u00a0\"“”«»(]*")


def _word_pattern(word: str) -> str:
    if word == "*":
        return r"[\w'’-]+"
    star = word.endswith("*")
    return re.escape(word.rstrip("*")) + (r"[\w-]*" if star else "")


def phrase_pattern(phrases: Iterable[str]) -> str:
    """One regex alternative per phrase, longest first, each matched as whole words; "*" ends a
    word with any ending, and stands alone for any one word."""

    def one(phrase: str) -> str:
        body = r"\s+".join(_word_pattern(w) for w in phrase.split())
        return r"(?<![\w-])" + body + r"(?![\w-])"

    unique = sorted(set(phrases), key=lambda p: (len(p.rstrip("*")), p), reverse=True)
    return "(?:" + "|".join(one(p) for p in unique) + ")"


def _key(word: str) -> str:
    return word.rstrip("*")[:3].casefold()


class PhraseSet:
    """Phrases with a label each, found as whole words, the longest where several start at a word.

    Candidate starts are found by a scan for the phrases' first words when there are few of
    them, else word by word; each candidate is then tried against the phrases that begin
    with its first letters only, compiled the first time a word with those letters turns up.
    """

    def __init__(self, labelled: dict[str, str]) -> None:
        phrases: dict[str, list[tuple[str, str]]] = {}
        firsts = set()
        for phrase in sorted(labelled, key=lambda p: len(p), reverse=True):
            first = phrase.split()[0]
            firsts.add(_word_pattern(first))
            body = r"\s+".join(_word_pattern(w) for w in phrase.split()) + r"(?![\w-])"
            phrases.setdefault(_key(first), []).append((body, labelled[phrase]))
        self._phrases = phrases
        self._index: dict[str, list[tuple[re.Pattern[str], str]]] = {}
        initials = "".join(sorted({c for f in labelled for c in (f[0].lower(), f[0].upper())}))
        self._scan = (
            re.compile(
                f"(?=[{re.escape(initials)}])"  # a leading character class lets the engine skip ahead
                + r"(?<![\w'’-])(?:"
                + "|".join(sorted(firsts, key=len, reverse=True))
                + r")",
                re.IGNORECASE,
            )
            if len(firsts) <= 40
            else _TOKEN
        )

    @classmethod
    def of(cls, phrases: Iterable[str], label: str = "") -> PhraseSet:
        return cls({p: label for p in phrases})

    def _at(self, text: str, pos: int, end: int, word: str) -> tuple[int, str] | None:
        best: tuple[int, str] | None = None
        key = word[:3].casefold()
        if key not in self._index:
            self._index[key] = [
                (re.compile(b, re.IGNORECASE), label) for b, label in self._phrases.get(key, ())
            ]
        for pattern, label in self._index[key]:
            m = pattern.match(text, pos, end)
            if m and (best is None or m.end() > best[0]):
                best = (m.end(), label)
        return best

    def finditer(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, label) of every phrase between `start` and `end`, left to right."""
        out = []
        last = start
        for word in self._scan.finditer(text, start, end):
            if word.start() < last:
                continue
            hit = self._at(text, word.start(), end, word.group())
            if hit:
                out.append((word.start(), hit[0], hit[1]))
                last = hit[0]
        return out

    def search(self, text: str, start: int, end: int) -> tuple[int, int, str] | None:
        """The first phrase between `start` and `end`."""
        for word in self._scan.finditer(text, start, end):
            hit = self._at(text, word.start(), end, word.group())
            if hit:
                return word.start(), hit[0], hit[1]
        return None

    def match(self, text: str, pos: int, end: int | None = None) -> tuple[int, int, str] | None:
        """A phrase that starts at `pos`, after spaces, quotation marks and brackets."""
        stop = len(text) if end is None else end
        at = _SPACES.match(text, pos, stop).end()  # type: ignore[union-attr]
        word = _TOKEN.match(text, at, stop)
        hit = self._at(text, at, stop, word.group()) if word else None
        return (at, hit[0], hit[1]) if hit else None


@dataclass(frozen=True)
class Cue:
    """A cue word found in the text: where, and what it says."""

    start: int
    end: int
    kind: str  # "give" (a verb), "noun", a status, "modal" or "block"
    modal: str | None = None  # for a modal ("will", "can be"): the status it gives the next word


def _opens_sentence(text: str, pos: int) -> bool:
    head = text[max(0, pos - 4) : pos].rstrip(" \u00a0\"“”'‘’«»(")
    return not head or head[-1] in ".!?:;\n"


@dataclass(frozen=True)
class PledgeWords:
    """The compiled cue words of pledges.toml."""

    cues: PhraseSet
    block_after: PhraseSet
    conditional: PhraseSet
    opening: PhraseSet
    inside: PhraseSet
    tranche: PhraseSet
    categories: tuple[tuple[str, PhraseSet], ...]
    increments: PhraseSet
    unquantified_noun: re.Pattern[str]
    not_committed: PhraseSet
    adjective_nouns: PhraseSet
    programme_words: re.Pattern[str]
    thanks: re.Pattern[str]
    receiving: re.Pattern[str]
    addressed: re.Pattern[str]
    phrase_stops: frozenset[str]

    def find(self, text: str, start: int, end: int) -> list[Cue]:
        """Every cue between `start` and `end`, in order."""
        out = []
        for s, e, label in self.cues.finditer(text, start, end):
            kind, _, modal = label.partition(":")
            if kind != "block" and text[s].isupper() and not _opens_sentence(text, s):
                continue  # a capitalised word inside a sentence is part of a name ("the Peace Fund")
            out.append(Cue(s, e, kind, modal or None))
        return out

    def category_scores(self, text: str, start: int, end: int) -> dict[str, float]:
        """How strongly the words between `start` and `end` speak for each category."""
        scores: dict[str, float] = {}
        for name, words in self.categories:
            score = sum(1.0 if label == "strong" else 0.5 for _, _, label in words.finditer(text, start, end))
            if score:
                scores[name] = score
        return scores

    def unquantified(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Spans of "additional funds", "a new untied financial loan" and the like."""
        out = []
        for s, e, _ in self.increments.finditer(text, start, end):
            noun = self.unquantified_noun.match(text, e, end)
            if noun:
                out.append((s, noun.end()))
        return out


@cache
def pledge_words() -> PledgeWords:
    """The pledge cue words, read and compiled once."""
    data = tomllib.loads(resource("pledges.toml").read_text(encoding="utf-8"))
    give = data.get("give", {})
    blocks = data.get("not_pledge", {})
    labelled: dict[str, str] = {}
    labelled.update({p: "noun" for p in give.get("nouns", [])})
    labelled.update({p: "give" for p in give.get("verbs", [])})
    labelled.update({p: "block" for p in blocks.get("before", [])})
    for status in STATUSES:
        labelled.update({p: status for p in give.get(status, [])})
    labelled.update({p: f"modal:{status}" for p, status in give.get("modals", {}).items()})
    parts = data.get("parts", {})
    categories = []
    for name in CATEGORIES:
        entry = data.get("categories", {}).get(name) or {}
        words = {p: "weak" for p in entry.get("weak", [])} | {p: "strong" for p in entry.get("words", [])}
        if words:
            categories.append((name, PhraseSet(words)))
    unq = data.get("unquantified", {})
    parties = data.get("parties", {})
    return PledgeWords(
        cues=PhraseSet(labelled),
        block_after=PhraseSet.of(blocks.get("after", [])),
        conditional=PhraseSet.of(blocks.get("conditional", [])),
        opening=PhraseSet.of(parts.get("opening", [])),
        inside=PhraseSet.of(parts.get("inside", [])),
        tranche=PhraseSet.of(parts.get("tranche", [])),
        categories=tuple(categories),
        increments=PhraseSet.of(unq.get("increments", [])),
        unquantified_noun=re.compile(
            r"\s+(?:[\w-]+\s+){0,2}?" + phrase_pattern(unq.get("nouns", [])), re.IGNORECASE
        ),
        not_committed=PhraseSet.of(unq.get("not_committed", [])),
        adjective_nouns=PhraseSet.of(data.get("parties", {}).get("adjective_nouns", [])),
        phrase_stops=frozenset(w.casefold() for w in data.get("purpose", {}).get("stops", [])),
        thanks=re.compile(
            phrase_pattern(parties.get("thanks", [])) + r"\s+(?P<obj>[^.;:]{0,160}?)\s+for(?![\w-])", re.I
        ),
        receiving=re.compile(phrase_pattern(parties.get("receiving", [])), re.I),
        addressed=re.compile(phrase_pattern(parties.get("addressed", [])) + r"\s+to\s+(?:the\s+)?$", re.I),
        programme_words=re.compile(
            r"\s+" + phrase_pattern(data.get("parties", {}).get("programme_words", []))
        ),
    )
