"""Who held an office on a date: the dated roster of office holders (resources/roster.toml).

Readouts often never name their own principal: a gov.uk readout says "The Prime Minister", a
State Department one "The Secretary", a UN one "the Secretary-General". The publisher gives
the office and the readout's date gives the term, so the roster gives the name. It is read
only when a readout has such a person, so a parse that needs no name costs nothing here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from readout_browser.parse import datafiles
from readout_browser.paths import resource

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Term:
    """One person's term in one office."""

    holder: str
    office: str
    country: str  # a country or organisation, by its canonical name (countries.toml)
    start: dt.date
    end: dt.date | None  # the last day in office; None while still in office
    roles: tuple[str, ...] = ()  # "head of state", "head of government", "foreign minister"
    acting: bool = False
    overlap: bool = False  # may overlap another term of the office (co-holders, disputed terms)

    def holds_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


def office_key(office: str) -> str:
    """An office for lookups: small letters, hyphens as spaces ("Secretary-General" = "secretary general")."""
    return " ".join(office.casefold().replace("-", " ").split())


def as_day(value: str | dt.date | None) -> dt.date | None:
    """A date from a readout's metadata ("2022-10-25", "2022-10-25T09:00"), None if it has none."""
    if isinstance(value, dt.datetime):
        return value.date()
    if value is None or isinstance(value, dt.date):
        return value
    m = _ISO_DAY.match(value.strip())
    if m is None:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


class DatedRoster:
    """resources/roster.toml, indexed by country and office (and by its other names and roles)."""

    def __init__(self, data: dict[str, Any]) -> None:
        terms: list[Term] = []
        self._index: dict[tuple[str, str], list[Term]] = {}
        for n, table in enumerate(data.get("office", []), 1):
            try:
                own, keys = _office(table)
            except (KeyError, TypeError, ValueError, AttributeError) as e:
                raise datafiles.DataFileError(
                    resource("roster.toml"), f"[[office]] table {n} is not a roster office: {e!r}"
                ) from None
            terms += own
            for key in keys:
                self._index.setdefault(key, []).extend(own)
        for found in self._index.values():
            found.sort(key=lambda t: t.start)
        self.terms = tuple(terms)
        self.not_current = frozenset(w.casefold() for w in data.get("not_current", []))

    def holder(
        self, country: str | None, office: str | None, on: str | dt.date | None, title: str | None = None
    ) -> Term | None:
        """Who held `office` of `country` on day `on`; None when the roster does not know, or
        when the `title` the text uses speaks of another holder ("the former Prime Minister").

        On a day of handover (one term ends and the next begins) the incoming holder is named:
        a readout of that day is almost always about the new holder's first acts.
        """
        day = as_day(on)
        if country is None or office is None or day is None:
            return None
        if title and any(w.casefold() in self.not_current for w in _WORD.findall(title)):
            return None
        found = [t for t in self._index.get((country, office_key(office)), ()) if t.holds_on(day)]
        return max(found, key=lambda t: t.start) if found else None


def _office(table: dict[str, Any]) -> tuple[list[Term], set[tuple[str, str]]]:
    """One [[office]] table: its terms, and the keys (country, office name) it is found by."""
    country, office, roles = table["country"], table["office"], tuple(table.get("roles", []))
    own = [
        Term(
            holder=t["holder"],
            office=office,
            country=country,
            start=_day(t["start"]),
            end=_day(t["end"]) if "end" in t else None,
            roles=roles,
            acting=bool(t.get("acting", False)),
            overlap=bool(t.get("overlap", False)),
        )
        for t in table.get("terms", [])
    ]
    return own, {(country, office_key(o)) for o in (office, *table.get("also", []), *roles)}


def _day(value: Any) -> dt.date:
    """A roster date: a TOML date (or date and time), or text "2019-07-24"."""
    day = as_day(value)
    if day is None:
        raise ValueError(f"not a date: {value!r}")
    return day


def dated_roster() -> DatedRoster:
    """The roster, read on first use (and again when the file changes)."""
    return datafiles.compiled("roster.toml", DatedRoster)


def holder_on(
    country: str | None, office: str | None, on: str | dt.date | None, title: str | None = None
) -> Term | None:
    """Who held `office` of `country` on day `on`, without reading the roster when there is no day."""
    if country is None or office is None or as_day(on) is None:
        return None
    return dated_roster().holder(country, office, on, title)
