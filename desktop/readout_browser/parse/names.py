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
    """Whether two names (as word lists) name one person: surnames agree, given names agree.

    A full name of three words or more may be cut short before its last word: "Minister
    Rodríguez" is "Bruno Rodríguez Parrilla" (the first of two surnames), "Josep Borrell" is
    "Josep Borrell Fontelles", and a popular name ("Lula") may be any word after the first.
    """
    if not a or not b:
        return False
    short, full = sorted((a, b), key=len)
    if similar_surname(short[-1], full[-1]):
        return len(short) == 1 or similar_given(short[0], full[0])
    if len(full) < 3 or len(short) > 2:
        return False
    if len(short) == 1:
        return any(short[0].casefold() == w.casefold() for w in full[1:-1])
    return short[-1].casefold() == full[-2].casefold() and similar_given(short[0], full[0])
