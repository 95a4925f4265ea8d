"""Countries and organisations: finding them in text and naming them one way.

Country names and their currencies come from CLDR (through Babel), so every country is
known without a hand-typed list; `resources/countries.toml` adds the short forms,
adjectives ("Canadian") and organisations that readouts use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from babel import Locale
from babel.numbers import get_territory_currencies

from readout_browser.parse import datafiles

PlaceKind = Literal["country", "organisation"]

# CLDR territories that are not countries a readout would name as a party.
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "UM", "AC", "DG", "EA", "IC", "CP", "TA"}


_POSSESSIVE = re.compile(r"['’]")  # "Canada's": look the name up without the ending
# A capitalised word, "the" as a word, or the first word of givers named together ("donors
# pledged", "development partners", "international partners", "participants").
# Written to open with one class of characters (the capitals, "t", "d", "i" and "p"), which lets
# the regex engine skip from one candidate to the next at once.
_WORD = re.compile(
    r"[A-Z\u00C0-\u024Ftdip](?:(?<=[A-Z\u00C0-\u024F])[\w.’'&-]*|(?<=t)(?<!\wt)he\b"
    r"|(?<=d)(?<!\wd)(?:onors|onor|evelopment)\b|(?<=i)(?<!\wi)nternational\b|(?<=p)(?<!\wp)articipants\b)"
)


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

    def __init__(self, data: dict[str, Any]) -> None:
        territories = Locale("en").territories
        self._code: dict[str, str] = {}
        self._currency: dict[str, str | None] = {}
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
        by_first = self._by_first
        for m in _WORD.finditer(text, start, stop):
            word = m.group()
            if word[-1] == ".":
                word = word.rstrip(".")
            entry = by_first.get(word)
            if entry is None and ("'" in word or "’" in word):
                entry = by_first.get(_POSSESSIVE.split(word, 1)[0])
            i = m.start()
            if entry is None or i < pos:
                continue
            before = text[i - 1] if i > 0 else " "
            if before.isalnum() or before in "._":
                continue
            lengths, candidates = entry
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
        """The ISO 4217 code of the currency a country uses today, if known (asked of CLDR
        once per country)."""
        if country not in self._currency:
            code = self._code.get(country)
            found = get_territory_currencies(code, tender=True) if code else []
            self._currency[country] = found[0] if found else None
        return self._currency[country]


def places() -> Places:
    """The gazetteer, built once per version of its file."""
    return datafiles.compiled("countries.toml", Places)
