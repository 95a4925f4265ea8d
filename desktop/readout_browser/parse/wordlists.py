"""Word lists turned into fast regular expressions.

A plain alternation of a few hundred words ("said|says|stressed|...") makes the regex
engine try every word at every position of the text; the same words arranged as a
prefix tree ("s(?:a(?:id|ys)|tressed)") fail at the first letter almost everywhere,
which keeps a pass over a readout well under a millisecond.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""
# Letters that case-insensitive regex matching takes for another ("ſ" for "s", "ı" for "i"),
# besides the pairs str.lower makes.
_SAME_LETTER = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def small_letters(text: str) -> str:
    """`text` in small letters, letter for letter, the way a regex that ignores case compares
    it with a word of plain (ASCII) letters: equal here is a match there."""
    return text.translate(_SAME_LETTER).lower()


def word_tree(words: Iterable[str], space: str = r"\s+") -> str:
    """A regex (no groups that capture) matching exactly the given words.

    Spaces inside a word become `space`, so "pointed out" can also match
    "pointed, in particular, out" when `space` allows an aside. Longer matches win
    over their own prefixes.
    """
    root: dict = {}
    for w in words:
        if not w:
            continue
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[_END] = {}
    tree = _emit(root, space) or "(?!)"
    initials = sorted(ch for ch in root if ch not in (_END, " "))
    if len(initials) > 1 and " " not in root:
        # A quick test of the first letter spares the engine the branches wherever none fits.
        tree = "(?=[" + re.escape("".join(initials)) + "])" + tree
    return tree


def _emit(node: dict, space: str) -> str:
    branches = []
    for ch in sorted(k for k in node if k != _END):
        head = space if ch == " " else re.escape(ch)
        branches.append(head + _emit(node[ch], space))
    optional = _END in node
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
        return "(?:" + body + ")?"
    return body


def has_phrase(text: str, phrase: str) -> int:
    """Where `phrase` first stands in `text` as whole words (-1 if nowhere).

    A plain substring search runs at memory speed; only its hits are checked for word
    edges. For a handful of phrases this beats any regular expression by far.
    """
    start = 0
    n = len(phrase)
    while True:
        i = text.find(phrase, start)
        if i < 0:
            return -1
        before = text[i - 1] if i > 0 else " "
        after = text[i + n] if i + n < len(text) else " "
        if not (before.isalnum() or before in "-_") and not (after.isalnum() or after in "-_"):
            return i
        start = i + 1


def first_phrase(text: str, phrases: Iterable[str]) -> int:
    """Where the earliest of `phrases` stands in `text` as whole words (-1 if none does)."""
    found = [i for i in (has_phrase(text, p) for p in phrases) if i >= 0]
    return min(found) if found else -1
