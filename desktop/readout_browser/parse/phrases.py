"""The one grammar of the phrases in the data files (written out for users in resources/PHRASES.md).

Every list of words a user may edit (topic terms, pledge words, speech verbs, meeting words,
participation phrases) is read by the same rules, so what a user learns in one file holds in
all of them:

- a phrase matches whole words, with spaces or a hyphen between its words;
- case never matters;
- the last word also matches with a plural ending (-s, -es);
- `word*` matches the word with any ending; a lone `*` stands for up to three words, and only
  between two words;
- a hyphenated word may also be written as one ("co-production", "coproduction").

The matchers that read the lists differ (a trie over words for the taxonomy, a scan by first
letters for pledge words, a table of spellings for speech verbs), because each is fastest for
its own list; they all take the phrases apart here, into the same steps.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import product
from typing import Literal

StepKind = Literal["word", "stem", "gap"]
Step = tuple[StepKind, str]
WORD: StepKind = "word"
STEM: StepKind = "stem"
GAP: StepKind = "gap"

GAP_WORDS = 3
"""How many words a lone * may stand for."""
PLURAL_ENDINGS = ("s", "es")

_PIECE = re.compile(r"[^\W_]+")  # a text's words split at apostrophes too: "d’Ivoire" is two
# What may stand between two words of one phrase in a text: spaces (never a line break),
# hyphens, apostrophes ("leaders’ dialogue") and slashes ("SAMP/T").
JOINERS = frozenset(" \t\u00a0\u202f-‐‑'’/")
JOIN = r"[ \t\u00a0\u202f\-‐‑'’/]+"
"""A regex for what may stand between two words of a phrase in a text."""
_ANY_WORD = r"[^\W_]+(?:['’-][^\W_]+)*"


class PhraseError(ValueError):
    """A phrase the grammar cannot read; the message says what is wrong with it."""


def problem(phrase: str) -> str | None:
    """What is wrong with a phrase, or None when the grammar reads it."""
    words = phrase.split()
    if not words:
        return "it is empty"
    if "*" in (words[0], words[-1]):
        return "a lone * may only stand between two words"
    for w in words:
        if w != "*" and "*" in w.rstrip("*"):
            return f"in {w!r} a * may only end the word"
    return None


def check(phrases: Iterable[object], where: str) -> list[str]:
    """The phrases of one list of a data file; `PhraseError` naming the list and the phrase when
    one is not a string the grammar reads."""
    out = []
    for p in phrases:
        if not isinstance(p, str):
            raise PhraseError(f"{where}: {p!r} is not a phrase in quotes")
        wrong = problem(p)
        if wrong:
            raise PhraseError(f"{where}: the phrase {p!r} cannot be read: {wrong}")
        out.append(p)
    return out


def steps(phrase: str) -> list[tuple[Step, ...]]:
    """The ways a phrase can be written, each as steps over words in small letters.

    A hyphenated word is two words, or one written together ("co-production", "coproduction").
    """
    wrong = problem(phrase)
    if wrong:
        raise PhraseError(f"the phrase {phrase!r} cannot be read: {wrong}")
    choices: list[list[tuple[Step, ...]]] = []
    for word in phrase.lower().split():
        if word == "*":
            choices.append([((GAP, ""),)])
            continue
        stem = word.endswith("*")
        pieces = _PIECE.findall(word)
        ways = [pieces]
        if len(pieces) > 1 and "-" in word:
            ways.append(["".join(pieces)])
        choices.append(
            [tuple((STEM if stem and n == len(w) - 1 else WORD, p) for n, p in enumerate(w)) for w in ways]
        )
    return [tuple(s for part in combo for s in part) for combo in product(*choices)]


def _word_regex(word: str, last: bool) -> str:
    """One word of a phrase as written in a data file (its letters, and any marks it holds)."""
    if word == "*":
        return "(?:" + _ANY_WORD + JOIN + "){0," + str(GAP_WORDS) + "}"
    stem = word.endswith("*")
    core = word.rstrip("*").lower()
    ways = [re.escape(core)]
    if "-" in core.strip("-"):  # "co-production": also "co production" and "coproduction"
        pieces = [re.escape(p) for p in core.split("-")]
        ways += [JOIN.join(pieces), "".join(pieces)]
    body = ways[0] if len(ways) == 1 else "(?:" + "|".join(ways) + ")"
    if stem:
        return body + r"[\w'’-]*"
    if last and core[-1].isalpha():
        return body + "(?:e?s)?"
    return body


def regex(phrase: str) -> str:
    """A regex (to be compiled with re.IGNORECASE, no capturing groups) that matches the phrase as
    the grammar reads it; it does not check the word edge before the phrase. A word may hold
    marks besides its letters ("contact:", "tel."), which then stand as written."""
    wrong = problem(phrase)
    if wrong:
        raise PhraseError(f"the phrase {phrase!r} cannot be read: {wrong}")
    words = phrase.split()
    body = ""
    for i, word in enumerate(words):
        if i and words[i - 1] != "*":
            body += JOIN
        body += _word_regex(word, i == len(words) - 1)
    # A phrase that ends in a letter or digit ends a word; one that ends in a mark ends there.
    return body + (r"(?![\w-])" if words[-1].rstrip("*")[-1:].isalnum() or words[-1].endswith("*") else "")


def forms(phrases: Iterable[str]) -> set[str]:
    """Every spelling of the phrases in small letters, for matchers that ignore case."""
    return {s for p in phrases for s in spellings(p) if s == s.lower()}


def all_spellings(written: Iterable[str]) -> set[str]:
    """Every spelling of every phrase of a list, for a matcher that heeds case."""
    return {s for phrase in written for s in spellings(phrase)}


def spellings(phrase: str) -> set[str]:
    """Every way a phrase of plain words can stand in a text, for the matchers that look spellings
    up rather than run a regex: each word as written and a hyphenated word also as two words or
    one, the last word also with a plural ending; the whole in small letters, with a capital first
    letter, with every word capitalised and in capitals (the cases texts write). Words are parted
    by one space, for which a matcher lets `JOIN` stand. A phrase with a * has no such list
    (`PhraseError`).
    """
    wrong = problem(phrase)
    if wrong:
        raise PhraseError(f"the phrase {phrase!r} cannot be read: {wrong}")
    choices: list[set[str]] = []
    words = phrase.lower().split()
    for n, word in enumerate(words, 1):
        if "*" in word:
            raise PhraseError(f"the phrase {phrase!r} cannot be listed as spellings: it holds a *")
        forms = {word}
        if "-" in word:
            forms |= {word.replace("-", " "), word.replace("-", "")}
        endings = ("", *PLURAL_ENDINGS) if n == len(words) else ("",)
        choices.append({f + ending for f in forms for ending in endings})
    out: set[str] = set()
    for combo in product(*choices):
        small = " ".join(combo)
        title = " ".join(w[:1].upper() + w[1:] for w in combo)
        out.update({small, small[0].upper() + small[1:], title, small.upper()})
    return out
