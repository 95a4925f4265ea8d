"""The words of a text with their offsets, for readers that step word by word.

Initialisms stay whole ("U.S.", "S.A.S."), hyphenated and apostrophed names stay whole
("Poupart-Lafarge", "O'Brien"), a possessive "'s" is split off, and every other
punctuation mark is a token of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# (The opening check for a non-space lets the regex engine pass over spaces without trying
# each kind of word there.)
WORD = re.compile(r"(?=\S)(?:(?:[^\W\d_]\.){2,}|[^\W_]+(?:-[^\W_]+)*(?:[’'](?![sS]\b)[^\W_]+)*|[^\s\w])")


@dataclass(frozen=True)
class Tokens:
    """A text cut into words; `capitals` indexes the words that begin with a capital."""

    text: str
    words: list[str]
    starts: list[int]
    ends: list[int]
    capitals: list[int]

    @classmethod
    def of(cls, text: str) -> Tokens:
        spans = [m.span() for m in WORD.finditer(text)]
        words = [text[a:b] for a, b in spans]
        capitals = [i for i, w in enumerate(words) if w[0].isupper()]
        return cls(text, words, [a for a, _ in spans], [b for _, b in spans], capitals)

    def cap(self, i: int) -> bool:
        """Whether word i exists and begins with a capital."""
        return 0 <= i < len(self.words) and self.words[i][0].isupper()

    def word(self, i: int) -> str:
        """Word i, or "" past either end."""
        return self.words[i] if 0 <= i < len(self.words) else ""


def words_of(phrase: str) -> tuple[str, ...]:
    """The words of a short phrase, as `Tokens` would cut them."""
    return tuple(WORD.findall(phrase))
