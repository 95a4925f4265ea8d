"""Text folded for matching the way a reader expects, with a way back to the original.

A reader who types "zelensky" wants "Zelenskyy", "Zelenskyy’s" and "ZELENSKYY";
one who types "sefcovic" wants "Šefčovič", and "store" finds "Støre". Folding
lower-cases (casefold), drops diacritics (NFKD, then the combining marks go, and
the few stroked letters such as ø and ł lose their stroke), treats the
typographic apostrophes, quotation marks and dashes as their plain forms, and
turns every run of white space into one space. Each folded character remembers
which characters of the original it came from, so a match in the folded text
becomes a span of the original text that can be highlighted.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from readout_browser.model import Span
from readout_browser.search.forms import occurrences

# Typographic punctuation a keyboard does not type, mapped to what it does.
_PLAIN = str.maketrans(
    {
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u02bc": "'",  # ʼ (modifier apostrophe, common in Ukrainian transliteration)
        "\u201a": "'",  # ‚
        "\u201b": "'",  # ‛
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u00ab": '"',  # «
        "\u00bb": '"',  # »
        "\u2010": "-",  # ‐
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # ‒
        "\u2013": "-",  # –
        "\u2014": "-",  # —
        "\u2212": "-",  # minus sign
    }
)

# Letters with a stroke or ligatures that NFKD leaves whole, spelled the way English text does.
_UNSTROKED = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"}
)


def _fold_char(ch: str) -> str:
    """One character folded: plain punctuation, no marks, case-folded (may be 0..n characters)."""
    decomposed = unicodedata.normalize("NFKD", ch.translate(_PLAIN))
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return kept.casefold().translate(_UNSTROKED)


_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """`text` folded for comparison (see the module docstring); no way back to the original."""
    return _SPACES.sub(" ", "".join(_fold_char(c) for c in text))


@dataclass(frozen=True)
class Folded:
    """A folded text and, for each of its characters, the original span it came from."""

    text: str
    origin: tuple[Span, ...]

    def original_span(self, start: int, end: int) -> Span:
        """The span of the original text that the folded `[start, end)` covers (end > start)."""
        return (self.origin[start][0], self.origin[end - 1][1])

    def find_all(self, needle: str, word_end: bool = False) -> list[Span]:
        """Every non-overlapping occurrence of an already folded `needle`, as original spans.

        With `word_end`, only occurrences that end a word count.
        """
        return [self.original_span(at, at + len(needle)) for at in occurrences(self.text, needle, word_end)]


@lru_cache(maxsize=8)
def folded(text: str) -> Folded:
    """`text` folded, keeping the map back to it (cached: a readout is searched on every key)."""
    chars: list[str] = []
    origin: list[Span] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            j = i + 1
            while j < n and text[j].isspace():
                j += 1
            chars.append(" ")
            origin.append((i, j))
            i = j
            continue
        for c in _fold_char(text[i]):
            chars.append(c)
            origin.append((i, i + 1))
        i += 1
    return Folded("".join(chars), tuple(origin))
