"""Figures a reader wants about a readout: pledge totals, converted amounts, who the counterpart is.

Totals never count money twice: a sub-allocation ("of this, 800 million ...") is part
of its parent's amount, so it is only added when no pledge above it in the same set has
an amount of its own. Conversions use the ECB reference rate of the day the pledge was
made, else of the readout's date, and say "not convertible" rather than guess.
Free of Qt; `rates` is imported only when a conversion is asked for, because loading
the ECB data is slow.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from readout_browser.model import Person, Pledge, Readout
from readout_browser.selection import pledge_ancestors

if TYPE_CHECKING:
    from readout_browser.rates import Conversion


class Converter(Protocol):
    """What converting needs of `rates.Rates`."""

    def convert(self, amount: float, currency: str | None, to: str, on: dt.date) -> Conversion | None: ...


@dataclass(frozen=True)
class ConvertedTotal:
    """The sum of the converted amounts, and how many amounts could not be converted."""

    value: float
    currency: str
    converted: int
    not_convertible: int


def counted_pledges(readout: Readout, pledges: Iterable[Pledge]) -> tuple[Pledge, ...]:
    """The pledges whose amounts add up to the total of `pledges` without double counting.

    A pledge with an amount counts unless one of its ancestors within `pledges` has an
    amount too (then the ancestor already holds it). A sub-allocation whose parent is
    absent from the set, or unquantified, counts on its own.
    """
    chosen = list(pledges)
    ids = {p.id for p in chosen}
    counted = []
    for pledge in chosen:
        if pledge.amount is None:
            continue
        covering = [a for a in pledge_ancestors(readout, pledge) if a.id in ids and a.amount is not None]
        if not covering:
            counted.append(pledge)
    return tuple(counted)


def totals_by_currency(readout: Readout, pledges: Iterable[Pledge]) -> dict[str | None, float]:
    """The total of each currency (None for amounts of unknown currency), in order of first use."""
    totals: dict[str | None, float] = {}
    for pledge in counted_pledges(readout, pledges):
        if pledge.amount is not None:
            totals[pledge.currency] = totals.get(pledge.currency, 0.0) + pledge.amount
    return totals


def readout_date(readout: Readout) -> str | None:
    """The day of the meeting as the readout gives it, else the day it was published."""
    return readout.meeting.date or readout.source.date


def conversion_day(readout: Readout, pledge: Pledge) -> dt.date | None:
    """The day whose exchange rate applies to a pledge.

    Its own date; else, for a sub-allocation, the date of the pledge it is part of (a share
    of a package converts at the package's rate); else the readout's date.
    """
    from readout_browser.rates import parse_date

    for dated in (pledge, *pledge_ancestors(readout, pledge)):
        day = parse_date(dated.when)
        if day:
            return day
    return parse_date(readout_date(readout))


def convert_pledges(readout: Readout, rates: Converter, to: str) -> dict[str, Conversion | None]:
    """Each quantified pledge's amount in `to`, or None where no rate (or no date) allows it."""
    converted: dict[str, Conversion | None] = {}
    for pledge in readout.pledges:
        if pledge.amount is None:
            continue
        day = conversion_day(readout, pledge)
        converted[pledge.id] = None if day is None else rates.convert(pledge.amount, pledge.currency, to, day)
    return converted


def converted_total(
    readout: Readout,
    pledges: Iterable[Pledge],
    conversions: Mapping[str, Conversion | None],
    currency: str,
) -> ConvertedTotal:
    """The counted pledges summed in one currency; unconvertible amounts are counted, not guessed."""
    value = 0.0
    converted = missing = 0
    for pledge in counted_pledges(readout, pledges):
        conversion = conversions.get(pledge.id)
        if conversion is None or conversion.currency != currency:
            missing += 1
        else:
            value += conversion.value
            converted += 1
    return ConvertedTotal(value=value, currency=currency, converted=converted, not_convertible=missing)


def host(readout: Readout) -> Person | None:
    """The person on whose behalf the readout is published, as the parser found them; a readout
    saved before the parser recorded its host falls back on the person it introduces first."""
    found = readout.person(readout.host)
    if found is not None:
        return found
    return readout.people[0] if readout.people else None


def counterpart(readout: Readout) -> Person | None:
    """The other side of the meeting: the first person from another country than the host's."""
    first = host(readout)
    if first is None:
        return None
    others = [p for p in readout.people if p.id != first.id]
    foreign = [p for p in others if p.country and p.country != first.country]
    if foreign:
        return foreign[0]
    return others[0] if others else None
