"""When two written names name one person.

A readout may spell a name two ways ("Zelensky" / "Zelenskyy", "Anthony" / "Antony
Blinken"), give it with or without a middle initial or a suffix, or use the surname
alone. Two names are one person when their surnames are the same or a near spelling of
each other and their given names, where both have one, agree.
"""

from __future__ import annotations

from readout_browser.parse.tokens import WORD


def name_words(name: str, suffixes: frozenset[str] = frozenset()) -> list[str]:
    """The capitalised words of a name ("el-Sisi" counts), without suffixes such as "Jr."."""
    return [
        w
        for w in WORD.findall(name)
        if (w[0].isupper() or w.partition("-")[2][:1].isupper()) and w.rstrip(".") not in suffixes
    ]


def distance(a: str, b: str, limit: int = 2) -> int:
    """Edit distance between two words, stopping early once past `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def similar_surname(a: str, b: str) -> bool:
    """Two spellings of one surname: "Zelensky" / "Zelenskyy", "Zelenskiy" / "Zelenskyy"."""
    a, b = a.casefold(), b.casefold()
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[:3] != b[:3]:
        return False
    return distance(a, b) <= (1 if min(len(a), len(b)) < 7 else 2)


def similar_given(a: str, b: str) -> bool:
    """Two given names that agree: equal, an initial of the other, or one letter apart."""
    a, b = a.casefold().rstrip("."), b.casefold().rstrip(".")
    if a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return True
    return min(len(a), len(b)) >= 4 and distance(a, b, 1) <= 1


def same_name(a: list[str], b: list[str]) -> bool:
    """Whether two names (as word lists) name one person: surnames agree, given names agree."""
    if not a or not b or not similar_surname(a[-1], b[-1]):
        return False
    return len(a) == 1 or len(b) == 1 or similar_given(a[0], b[0])
