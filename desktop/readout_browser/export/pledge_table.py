"""The pledge table as a report and a spreadsheet lay it out: rows, sub-allocations, totals.

Each pledge is followed by its sub-allocations ("Of this, 800 million ..."), numbered
"2", "2.1", ... A sub-allocation whose parent is filtered out stands on its own. The
figures come from `summaries`, as in the window's pledge table, so paper and screen
agree: totals never count a sub-allocation twice, and each amount is converted at the
ECB rate of its pledge's day (else the readout's), with the day of the rate it used.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from readout_browser.model import Pledge, Readout
from readout_browser.rates import Conversion, Rates
from readout_browser.selection import pledge_ancestors
from readout_browser.summaries import (
    ConvertedTotal,
    Converter,
    convert_pledges,
    converted_total,
    counted_pledges,
    totals_by_currency,
)

DEFAULT_CURRENCY = "EUR"


@cache
def shared_rates() -> Rates:
    """One set of rates for every export of this process (loading them takes about half a second)."""
    return Rates()


@dataclass(frozen=True)
class PledgeRow:
    """A pledge as a row: `number` is its place ("2", or "2.1" under pledge 2); `counted` says
    whether its amount goes into the totals (False for a part of a pledge already counted)."""

    pledge: Pledge
    number: str
    depth: int
    counted: bool
    conversion: Conversion | None


@dataclass(frozen=True)
class PledgeTable:
    """The rows in reading order (each parent followed by its sub-allocations) and the totals.

    `totals` maps each currency (None: not stated) to the sum of its counted amounts;
    `converted` sums them in `currency`; `unquantified` counts the pledges with no amount.
    """

    rows: tuple[PledgeRow, ...]
    totals: dict[str | None, float]
    converted: ConvertedTotal
    currency: str
    unquantified: int


def _shown_parent(readout: Readout, pledge: Pledge, kept: set[str]) -> str | None:
    """The nearest ancestor that is in the table, under which the pledge is shown."""
    return next((a.id for a in pledge_ancestors(readout, pledge) if a.id in kept), None)


def _reachable(tops: list[Pledge], kept: list[Pledge], parent_of: dict[str, str | None]) -> set[str]:
    """The ids that hang, at any depth, under one of `tops`."""
    seen = {p.id for p in tops}
    frontier = list(seen)
    while frontier:
        parent = frontier.pop()
        for c in kept:
            if parent_of[c.id] == parent and c.id not in seen:
                seen.add(c.id)
                frontier.append(c.id)
    return seen


def pledge_table(
    readout: Readout,
    currency: str = DEFAULT_CURRENCY,
    pledge_ids: Collection[str] | None = None,
    rates: Converter | None = None,
) -> PledgeTable:
    """The table of the readout's pledges (or only of `pledge_ids`), converted into `currency`."""
    kept = [p for p in readout.pledges if pledge_ids is None or p.id in pledge_ids]
    kept_ids = {p.id for p in kept}
    parent_of = {p.id: _shown_parent(readout, p, kept_ids) for p in kept}
    counted = {p.id for p in counted_pledges(readout, kept)}
    conversions = convert_pledges(readout, rates or shared_rates(), currency)

    rows: list[PledgeRow] = []
    placed: set[str] = set()

    def add(p: Pledge, number: str, depth: int) -> None:
        placed.add(p.id)
        rows.append(PledgeRow(p, number, depth, p.id in counted, conversions.get(p.id)))
        children = [c for c in kept if parent_of[c.id] == p.id and c.id not in placed]
        for i, child in enumerate(children, 1):
            add(child, f"{number}.{i}", depth + 1)

    tops = [p for p in kept if parent_of[p.id] is None]
    # Pledges caught in a cycle of parents (bad data) have no top; they stand on their own.
    reachable = _reachable(tops, kept, parent_of)
    tops += [p for p in kept if p.id not in reachable]
    for top in tops:
        if top.id not in placed:
            add(top, str(sum(1 for r in rows if r.depth == 0) + 1), 0)
    return PledgeTable(
        rows=tuple(rows),
        totals=totals_by_currency(readout, kept),
        converted=converted_total(readout, kept, conversions, currency),
        currency=currency,
        unquantified=sum(1 for p in kept if p.amount is None),
    )
