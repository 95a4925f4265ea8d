"""A plural the reader types also finds the singular: "drones" finds "drone capabilities" too.

Readers type the form they have in mind, and readouts use both ("modern drones",
"strengthening drone capabilities"). A typed singular already finds the plural,
because matching looks for the text anywhere; the other way round needs a rule. The
rule is small and predictable, English plurals only: the last word of what was typed,
when it is at least five letters long and ends in -s (not -ss, -us or -is), also
stands for its singular (-s, -es after s, x, z, ch or sh, -ies as -y). The singular
must end a word, so "forces" finds "force" but not "forceful".
"""

from __future__ import annotations

from collections.abc import Iterator

_MIN_PLURAL = 5
_NOT_PLURAL_ENDINGS = ("ss", "us", "is")
_ES_AFTER = ("s", "x", "z", "ch", "sh")


def _singulars(word: str) -> list[str]:
    """The singular forms a plural word may stand for (none when it does not look plural)."""
    if len(word) < _MIN_PLURAL or not word.endswith("s") or word.endswith(_NOT_PLURAL_ENDINGS):
        return []
    if not word[-2].isalpha():
        return []  # "zelenskyy's" is a possessive, not a plural
    forms = [word[:-1]]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    elif word.endswith("es") and word[:-2].endswith(_ES_AFTER):
        forms.append(word[:-2])
    return forms


def needles(term: str) -> tuple[tuple[str, bool], ...]:
    """What to look for in folded text for a folded `term`: (needle, must end a word) pairs.

    The term itself comes first and may end anywhere; its singular forms must end a word.
    """
    head, _, last = term.rpartition(" ")
    prefix = f"{head} " if head else ""
    return ((term, False), *((prefix + s, True) for s in _singulars(last)))


def ends_word(text: str, end: int) -> bool:
    """Whether `text[end - 1]` is the last character of a word (no letter or digit follows)."""
    return end >= len(text) or not text[end].isalnum()


def occurrences(text: str, needle: str, word_end: bool = False) -> Iterator[int]:
    """Where a needle starts in `text`, left to right, without overlaps.

    With `word_end`, only the places where the needle ends a word count.
    """
    if not needle:
        return
    at = text.find(needle)
    while at != -1:
        end = at + len(needle)
        if not word_end or ends_word(text, end):
            yield at
            at = text.find(needle, end)
        else:
            at = text.find(needle, at + 1)


def holds(text: str, term: str) -> bool:
    """Whether folded `text` holds a folded `term` or, where it is a plural, its singular."""
    return any(next(occurrences(text, n, w), None) is not None for n, w in needles(term))
