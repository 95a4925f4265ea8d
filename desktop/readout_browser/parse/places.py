"""Countries and organisations: finding them in text and naming them one way.

Country names and their currencies come from CLDR (through Babel), so every country is
known without a hand-typed list; `resources/countries.toml` adds the short forms,
adjectives ("Canadian") and organisations that readouts use.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from typing import Literal

from babel import Locale
from babel.numbers import get_territory_currencies

from readout_browser.paths import resource

PlaceKind = Literal["country", "organisation"]

# CLDR territories that are not countries a readout would name as a party.
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "UM", "AC", "DG", "EA", "IC", "CP", "TA"}


_POSSESSIVE = re.compile(r"['’]")  # "Canada's": look the name up without the ending
_WORD = re.compile(r"[A-Z\u00C0-\u024F][\w.’'&-]*|\bthe\b")
_INNER = re.compile(r"[\w.’'&-]")  # what a word of `_WORD` runs on with


def _continues(text: str, j: int) -> bool:
    """Whether the word at `j` runs on past a name that ends there ("Chadwick", "U.S.A")."""
    if j >= len(text):
        return False
    ch = text[j]
    return ch.isalnum() or ch == "_" or (ch == "." and j + 1 < len(text) and text[j + 1].isalnum())


@dataclass(frozen=True)
class PlaceMention:
    """A country or organisation named in the text, by name or by adjective."""

    span: tuple[int, int]
    name: str
    kind: PlaceKind
    adjective: bool


class Places:
    """The gazetteer: every name, alias and adjective mapped to one canonical name."""

    def __init__(self) -> None:
        data = tomllib.loads(resource("countries.toml").read_text(encoding="utf-8"))
        territories = Locale("en").territories
        self._code: dict[str, str] = {}
        names: dict[str, tuple[str, PlaceKind, bool]] = {}
        aliases = data.get("aliases", {})
        renamed = {alt: canon for canon, alts in aliases.items() for alt in alts}
        for code, cldr_name in territories.items():
            if not code.isalpha() or code in _NOT_COUNTRIES:
                continue
            name = cldr_name.replace(" & ", " and ").replace("St. ", "Saint ")
            name = re.sub(r" SAR China$", "", name)
            canon = renamed.get(name, renamed.get(cldr_name, name))
            self._code[canon] = code
            names[name] = (canon, "country", False)
            names[cldr_name] = (canon, "country", False)
        for canon, alts in aliases.items():
            names[canon] = (canon, "country", False)
            for alt in alts:
                names[alt] = (canon, "country", False)
        for adj, canon in data.get("demonyms", {}).items():
            names[adj] = (canon, "country", True)
        for canon, alts in data.get("organisations", {}).items():
            names[canon] = (canon, "organisation", False)
            for alt in alts:
                names[alt] = (canon, "organisation", False)
        for adj, canon in data.get("organisation_adjectives", {}).items():
            names[adj] = (canon, "organisation", True)
        self._names = names
        # Index the names by their first word, and under it by length, so that finding them
        # costs a dict lookup per capitalised word of the text and per length of the names that
        # begin with it (one regex of every name takes a quarter second to compile).
        by_first: dict[str, dict[int, set[str]]] = {}
        for n in names:
            by_first.setdefault(n.split(" ", 1)[0].rstrip("."), {}).setdefault(len(n), set()).add(n)
        self._by_first = {
            first: (tuple(sorted(by_length, reverse=True)), frozenset().union(*by_length.values()))
            for first, by_length in by_first.items()
        }

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[PlaceMention]:
        """Every country or organisation named between `start` and `end`, in order."""
        stop = len(text) if end is None else end
        out = []
        pos = start
        for m in _WORD.finditer(text, start, stop):
            before = text[m.start() - 1] if m.start() > 0 else " "
            if m.start() < pos or before.isalnum() or before in "._":
                continue
            word = m.group().rstrip(".")
            entry = self._by_first.get(word) or self._by_first.get(_POSSESSIVE.split(word, 1)[0])
            if entry is None:
                continue
            lengths, candidates = entry
            i = m.start()
            for n in lengths:  # the longest name that stands here wins
                j = i + n
                if j <= stop and text[i:j] in candidates and not _continues(text, j):
                    canon, kind, adjective = self._names[text[i:j]]
                    out.append(PlaceMention((i, j), canon, kind, adjective))
                    pos = j
                    break
        return out

    def canonical(self, name: str) -> str | None:
        """The one name of a country or organisation given any of its names or adjectives."""
        hit = self._names.get(name.strip()) or self._names.get(re.sub(r"^the\s+", "", name.strip()))
        return hit[0] if hit else None

    def kind(self, canonical: str) -> PlaceKind | None:
        """Whether a canonical name is a country or an organisation."""
        hit = self._names.get(canonical)
        return hit[1] if hit else None

    def currency(self, country: str) -> str | None:
        """The ISO 4217 code of the currency a country uses today, if known."""
        code = self._code.get(country)
        if not code:
            return None
        found = get_territory_currencies(code, tender=True)
        return found[0] if found else None


class PlaceIndex:
    """The places of one text, found in one pass, then asked for range by range.

    `between(start, end)` gives what `Places.find(text, start, end)` gives. Where a range
    cuts through a word or a name, the names at its edges may read differently (a name
    that runs past the end gives way to a shorter one), so such a range is read afresh.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.mentions = places().find(text)
        self._starts = [m.span[0] for m in self.mentions]

    def between(self, start: int, end: int) -> list[PlaceMention]:
        """Every country or organisation named between `start` and `end`, in order."""
        if self._clean_cut(start) and self._clean_cut(end):
            return self.mentions[bisect_left(self._starts, start) : bisect_left(self._starts, end)]
        return places().find(self.text, start, end)

    def _clean_cut(self, pos: int) -> bool:
        """Whether `pos` falls between two words and outside every name."""
        text = self.text
        if 0 < pos < len(text) and _INNER.match(text, pos - 1) and _INNER.match(text, pos):
            return False
        k = bisect_left(self._starts, pos) - 1  # the last name that starts before `pos`
        return k < 0 or self.mentions[k].span[1] <= pos


@cache
def places() -> Places:
    """The gazetteer, built once per process."""
    return Places()
