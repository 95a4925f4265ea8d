"""The words around an amount that make it a pledge, and say its status, kind and parts.

They live in `resources/pledges.toml` so that a user can extend them; this module compiles
them once. Phrases are looked up word by word (by their first letters) rather than through
one large alternation, which keeps a readout's scan to a fraction of a millisecond.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from readout_browser.model import CATEGORIES, STATUSES
from readout_browser.parse import datafiles
from readout_browser.parse import phrases as phrase_grammar
from readout_browser.parse.wordlists import small_letters, word_tree

_TOKEN = re.compile(r"[\w'’-]+")
_SPACES = re.compile(r"[\s\u00a0\"“”«»(]*")
_RUNS_ON = re.compile(r"[\w-]")  # what a whole word may not run on into
_WORD_RUN = re.compile(r"[\w-]*")


def _word_pattern(word: str) -> str:
    """A phrase's first word as the grammar of `phrases` reads it (for the scan for first words)."""
    star = word.endswith("*")
    return re.escape(word.rstrip("*").lower()) + (r"[\w-]*" if star else "(?:e?s)?")


def phrase_pattern(phrases: Iterable[str]) -> str:
    """One regex alternative per phrase (to be compiled with re.IGNORECASE), longest first, each
    read by the grammar of `phrases`.

    The phrases' first letters are checked first, so that the engine passes over every
    other place in the text at once instead of trying each phrase there.
    """

    def one(phrase: str) -> str:
        return phrase_grammar.regex(phrase)

    unique = sorted(set(phrases), key=lambda p: (len(p.rstrip("*")), p), reverse=True)
    if not unique:
        return "(?:)"
    firsts = {(p.split() or [""])[0] for p in unique}
    lead = ""
    if "" not in firsts and "*" not in firsts:
        lead = "(?=[" + re.escape("".join(sorted({f[0] for f in firsts}))) + "])"
    return "(?:" + lead + r"(?<![\w-])(?:" + "|".join(one(p) for p in unique) + "))"


def _receivers_and_programmes(data: dict[str, Any]) -> dict[str, re.Pattern[str]]:
    """The patterns of [recipients] and [programmes]: who receives, and which scheme is meant."""
    rec, prog = data.get("recipients", {}), data.get("programmes", {})
    people_of = _names_pattern(rec.get("people_of", []))
    nouns = phrase_pattern(prog.get("nouns", []))
    pointers = phrase_pattern(prog.get("pointers", []))
    determiners = phrase_pattern(prog.get("pointer_determiners", []))
    return {
        "receiver_before": re.compile(
            r"(?i)(?<![\w-])" + phrase_pattern(rec.get("before", [])) + r"\s+(?:the\s+)?"
            r"(?:(?-i:" + people_of + r")\s+(?:of|in|from)\s+(?:the\s+)?)?$"
        ),
        "named_programme": re.compile(r"(?:[A-Z][\w’'.-]*\s+)*[A-Z][\w’'.-]*\s+(?i:" + nouns + r")"),
        "this_programme": re.compile(r"(?i)^" + pointers + r"\s+" + determiners + r"\s+" + nouns),
    }


def _names_pattern(names: Iterable[str]) -> str:
    """Names matched as written, whole words, the longest first: "Facility" of "the Ukraine Facility"."""
    unique = sorted(set(names), key=len, reverse=True)
    if not unique:
        return "(?!)"
    return r"(?:" + "|".join(r"\s+".join(map(re.escape, n.split())) for n in unique) + r")(?![\w-])"


def _first_words(word: str) -> set[str]:
    """How a phrase's first word may begin in a text: "co-production" also as "co production" and
    "coproduction"."""
    if "-" not in word.strip("-*"):
        return {word}
    return {word, word.split("-", 1)[0], word.replace("-", "")}


def _key(word: str) -> str:
    return word.rstrip("*")[:3].casefold()


_APOSTROPHES = "'’"
# How many different first words a phrase set may have and still be looked for by one regex.
_FEW_FIRSTS = 40


def _plain_first(word: str) -> bool:
    """Whether a first word is found by its first letters alone: word characters (apostrophes
    after its third letter), then maybe a "*" after three letters or more."""
    literal = word.rstrip("*")
    return (
        bool(literal)
        and _TOKEN.fullmatch(literal) is not None
        and not any(c in _APOSTROPHES for c in literal[:3])
        and (literal == word or len(literal) >= 3)
    )


# The phrases that begin with some letters: one-word phrases by the word (with their place in
# the list and label), and the others (place, regex or plain word, label).
_Compiled = tuple[dict[str, tuple[int, str]], list[tuple[int, "re.Pattern[str] | str", str]]]


class PhraseSet:
    """Phrases with a label each, found as whole words, the longest where several start at a word.

    Candidate starts are found by a scan for the phrases' first three letters at the start of
    a word when there are few first words, else word by word; each candidate is then tried
    against the phrases that begin with those letters only, compiled the first time a word with
    those letters turns up. (A scan for every first word in full would find the same phrases
    but takes far longer to compile.)
    """

    def __init__(self, labelled: dict[str, str]) -> None:
        # Per first letters: (regex, label, the phrase in small letters when it is one plain word).
        phrases: dict[str, list[tuple[str, str, str | None]]] = {}
        firsts = set()
        for phrase in sorted(labelled, key=lambda p: len(p), reverse=True):
            words = phrase.split()
            body = phrase_grammar.regex(phrase)
            one_word = len(words) == 1 and "*" not in words[0] and words[0].isascii() and "-" not in words[0]
            plain = words[0].lower() if one_word else None
            for first in _first_words(words[0]):
                firsts.add(first)
                phrases.setdefault(_key(first), []).append((body, labelled[phrase], plain))
        self._phrases = phrases
        self.keys = frozenset(phrases)
        self._index: dict[str, _Compiled] = {}
        self._whole_words = len({_word_pattern(f) for f in firsts}) > _FEW_FIRSTS
        self.by_letters = not self._whole_words and all(_plain_first(f) for f in firsts)
        if self._whole_words:
            self._scan_pattern = _TOKEN.pattern  # every word, read one by one
        elif self.by_letters:
            # Where the phrases' first letters begin a word (a tree of them: quick to compile).
            self._scan_pattern = r"(?<![\w'’-])(?:" + word_tree(phrases) + ")"
        else:  # a first word that may run past a word of the text: all of them, longest first
            initials = "".join(sorted({c for f in labelled for c in (f[0].lower(), f[0].upper())}))
            self._scan_pattern = (
                f"(?=[{re.escape(initials)}])"
                + r"(?<![\w'’-])(?:"
                + "|".join(sorted({_word_pattern(f) for f in firsts}, key=len, reverse=True))
                + r")"
            )

    @classmethod
    def of(cls, phrases: Iterable[str], label: str = "") -> PhraseSet:
        return cls({p: label for p in phrases})

    def at(self, text: str, pos: int, end: int, key: str) -> tuple[int, str] | None:
        """(end, label) of the longest phrase at `pos` that begins with the first letters `key`,
        the first listed where several are as long."""
        words, others = self._index.get(key) or self._compile(key)
        best: tuple[int, int, str] | None = None  # end, place in the list, label
        if words:
            stop = _WORD_RUN.match(text, pos, end).end()  # type: ignore[union-attr]
            found = words.get(small_letters(text[pos:stop]))
            if found is not None:
                best = (stop, found[0], found[1])
        for order, matcher, label in others:
            if isinstance(matcher, str):
                stop = pos + len(matcher)
                if stop > end or small_letters(text[pos:stop]) != matcher:
                    continue
                if stop < end and _RUNS_ON.match(text, stop):
                    continue
            else:
                m = matcher.match(text, pos, end)
                if m is None:
                    continue
                stop = m.end()
            if best is None or stop > best[0] or (stop == best[0] and order < best[1]):
                best = (stop, order, label)
        return (best[0], best[2]) if best else None

    def _compile(self, key: str) -> _Compiled:
        """The phrases that begin with `key`: one-word phrases of word characters by the word (a
        dict look-up finds them), the others as regexes, or plain words to compare letter for letter
        (most phrases are one word, and comparing costs less than compiling and running a regex)."""
        words: dict[str, tuple[int, str]] = {}
        others: list[tuple[int, re.Pattern[str] | str, str]] = []
        for order, (body, label, plain) in enumerate(self._phrases.get(key, ())):
            if plain is not None and _WORD_RUN.fullmatch(plain):
                for ending in ("", *phrase_grammar.PLURAL_ENDINGS):
                    words.setdefault(plain + ending, (order, label))
            else:
                others.append((order, plain or re.compile(body, re.IGNORECASE), label))
        self._index[key] = (words, others)
        return words, others

    def _starts(self, text: str, start: int, end: int) -> list[tuple[int, str]]:
        """(position, first letters) of every word between `start` and `end` that may begin
        one of the phrases, in order."""
        scan = _compiled(self._scan_pattern, 0 if self._whole_words else re.IGNORECASE)
        keys = self.keys
        return [
            (m.start(), key)
            for m in scan.finditer(text, start, end)
            if (key := m.group()[:3].casefold()) in keys
        ]

    def finditer(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, label) of every phrase between `start` and `end`, left to right."""
        out = []
        last = start
        for pos, key in self._starts(text, start, end):
            if pos < last:
                continue
            hit = self.at(text, pos, end, key)
            if hit:
                out.append((pos, hit[0], hit[1]))
                last = hit[0]
        return out

    def search(self, text: str, start: int, end: int) -> tuple[int, int, str] | None:
        """The first phrase between `start` and `end`."""
        for pos, key in self._starts(text, start, end):
            hit = self.at(text, pos, end, key)
            if hit:
                return pos, hit[0], hit[1]
        return None

    def match(self, text: str, pos: int, end: int | None = None) -> tuple[int, int, str] | None:
        """A phrase that starts at `pos`, after spaces, quotation marks and brackets."""
        stop = len(text) if end is None else end
        at = _SPACES.match(text, pos, stop).end()  # type: ignore[union-attr]
        word = _TOKEN.match(text, at, stop)
        hit = self.at(text, at, stop, word.group()[:3].casefold()) if word else None
        return (at, hit[0], hit[1]) if hit else None


@lru_cache(maxsize=64)
def _compiled(pattern: str, flags: int) -> re.Pattern[str]:
    """A regex compiled the first time it is needed: most phrase sets are only ever matched at
    one place, never looked for along a text."""
    return re.compile(pattern, flags)


class PhraseGroup:
    """Several phrase sets looked for along a text in one scan, each finding what it would alone.

    Sets found by their first letters share one scan for all their letters; others scan alone.
    """

    def __init__(self, sets: Iterable[PhraseSet]) -> None:
        self.sets = tuple(sets)
        together = all(s.by_letters for s in self.sets)
        letters = frozenset().union(*(s.keys for s in self.sets))
        self._scan_pattern = r"(?<![\w'’-])(?:" + word_tree(letters) + ")" if together else None

    def finditer(self, text: str, start: int, end: int) -> list[list[tuple[int, int, str]]]:
        """For each set, what its `finditer` gives."""
        if self._scan_pattern is None:
            return [s.finditer(text, start, end) for s in self.sets]
        found: list[list[tuple[int, int, str]]] = [[] for _ in self.sets]
        last = [start] * len(self.sets)
        for m in _compiled(self._scan_pattern, re.IGNORECASE).finditer(text, start, end):
            pos, key = m.start(), m.group().casefold()
            for k, s in enumerate(self.sets):
                if pos < last[k] or key not in s.keys:
                    continue
                hit = s.at(text, pos, end, key)
                if hit:
                    found[k].append((pos, hit[0], hit[1]))
                    last[k] = hit[0]
        return found


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


_NAME_WORD_BEFORE = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:of|for|and|&))?\s+$")


def _in_name(text: str, start: int, end: int) -> bool:
    """Whether a capitalised word (not an acronym such as "GDP") goes on a name begun before it:
    "the Minister for Foreign Trade" names an office, it says nothing of trade."""
    before = _NAME_WORD_BEFORE.search(text, max(0, start - 40), start)
    return not text[start:end].isupper() and before is not None


@dataclass(frozen=True)
class PledgeWords:
    """The compiled cue words of pledges.toml."""

    cues: PhraseSet
    block_after: PhraseSet
    conditional: PhraseSet
    opening: PhraseSet
    inside: PhraseSet
    tranche: PhraseSet
    after_whole: PhraseSet
    totals_after: PhraseSet
    totals_before: PhraseSet
    total_openings: PhraseSet
    back_reference: re.Pattern[str]  # "This aid", "The newly provided funds" opening a sentence
    categories: tuple[tuple[str, PhraseSet], ...]
    category_words: PhraseGroup  # the categories' phrase sets, looked for in one scan
    increments: PhraseSet
    unquantified_noun: re.Pattern[str]
    not_committed: PhraseSet
    adjective_nouns: PhraseSet
    programme_words: re.Pattern[str]
    short_name: re.Pattern[str]  # "the Bank": an organisation by a later word of its name
    state_name: re.Pattern[str]  # "the Kingdom": the country last named, by the kind of state it is
    thanks: re.Pattern[str]
    receiving: re.Pattern[str]
    addressed: re.Pattern[str]
    implementer: re.Pattern[str]  # "projects implemented by | UN agencies": who spends it, not who gives
    outward: re.Pattern[str]  # "contribute", "donate": giving that leaves the giver's country
    phrase_stops: frozenset[str]
    receiver_before: re.Pattern[str]  # "to | Ukraine", "help the people of | Syria": the party receives
    named_programme: re.Pattern[str]  # "NATO's PURL program": a scheme by its name
    this_programme: re.Pattern[str]  # "under this initiative": a scheme named before

    def find(self, text: str, start: int, end: int) -> list[Cue]:
        """Every cue between `start` and `end`, in order."""
        out = []
        for s, e, label in self.cues.finditer(text, start, end):
            kind, _, modal = label.partition(":")
            named = kind != "block" or _in_name(text, s, e)
            if named and text[s].isupper() and not _opens_sentence(text, s):
                continue  # a capitalised word inside a sentence is part of a name ("the Peace Fund")
            out.append(Cue(s, e, kind, modal or None))
        return out

    def category_scores(self, text: str, start: int, end: int) -> dict[str, float]:
        """How strongly the words between `start` and `end` speak for each category."""
        scores: dict[str, float] = {}
        found = self.category_words.finditer(text, start, end)
        for (name, _), hits in zip(self.categories, found, strict=True):
            score = sum(1.0 if label == "strong" else 0.5 for _, _, label in hits)
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


def pledge_words() -> PledgeWords:
    """The pledge cue words, compiled once per version of their file."""
    return datafiles.compiled("pledges.toml", _compile_pledge_words)


def _compile_pledge_words(data: dict[str, Any]) -> PledgeWords:
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
        after_whole=PhraseSet.of(parts.get("after_whole", [])),
        totals_after=PhraseSet.of(parts.get("totals_after", [])),
        totals_before=PhraseSet.of(parts.get("totals_before", [])),
        total_openings=PhraseSet.of(parts.get("total_openings", [])),
        back_reference=re.compile(
            r"(?i)[\s\"“]*(?:\(?\d{1,2}[.)]\s*)?(?:this|these|that|those|the|such|said)\s+(?:[\w-]+\s+){0,3}?"
            + phrase_pattern(parts.get("back_nouns", []))
        ),
        categories=tuple(categories),
        category_words=PhraseGroup(words for _, words in categories),
        increments=PhraseSet.of(unq.get("increments", [])),
        unquantified_noun=re.compile(
            r"\s+(?:[\w-]+\s+){0,2}?" + phrase_pattern(unq.get("nouns", [])), re.IGNORECASE
        ),
        not_committed=PhraseSet.of(unq.get("not_committed", [])),
        adjective_nouns=PhraseSet.of(data.get("parties", {}).get("adjective_nouns", [])),
        phrase_stops=frozenset(w.casefold() for w in data.get("purpose", {}).get("stops", [])),
        **_receivers_and_programmes(data),
        thanks=re.compile(
            phrase_pattern(parties.get("thanks", [])) + r"\s+(?P<obj>[^.;:]{0,160}?)\s+for(?![\w-])", re.I
        ),
        receiving=re.compile(phrase_pattern(parties.get("receiving", [])), re.I),
        addressed=re.compile(phrase_pattern(parties.get("addressed", [])) + r"\s+to\s+(?:the\s+)?$", re.I),
        outward=re.compile(phrase_pattern(give.get("outward", [])), re.I),
        implementer=re.compile(phrase_pattern(parties.get("implementers", [])) + r"\s+(?:the\s+)?$", re.I),
        short_name=re.compile(
            r"(?<![\w-])[Tt]he\s+("
            + "|".join(re.escape(w) for w in parties.get("short_names", []))
            + r")(?![\w-])"
            r"(?!\s+[A-Z])"
            if parties.get("short_names")
            else r"(?!)"
        ),
        state_name=re.compile(
            r"(?<![\w-])[Tt]he\s+(?:"
            + "|".join(re.escape(w) for w in parties.get("state_words", []))
            + r")(?![\w-])(?!\s+of\b)(?!\s+[A-Z])"
            if parties.get("state_words")
            else r"(?!)"
        ),
        programme_words=re.compile(
            r"\s+" + _names_pattern(data.get("parties", {}).get("programme_words", []))
        ),
    )
