"""The pledge stage run alone on a readout written for a test, shared by the pledge test modules."""

from __future__ import annotations

from readout_browser.model import Amount, Person, Pledge, Quote, Source
from readout_browser.parse.other_amounts import find_other_amounts
from readout_browser.parse.pledges import find_pledges
from readout_browser.parse.segment import segment


def pledges_of(
    text: str, source: Source, people: tuple[Person, ...] = (), quotes: tuple[Quote, ...] = ()
) -> tuple[Pledge, ...]:
    return find_pledges(segment(text, source), people, quotes)


def others_of(text: str, source: Source) -> tuple[Amount, ...]:
    """The sums that are not pledges, found after the pledges as the pipeline does."""
    doc = segment(text, source)
    return find_other_amounts(doc, find_pledges(doc, (), ()))


def by_amount(pledges: tuple[Pledge, ...]) -> dict[float, Pledge]:
    return {p.amount: p for p in pledges if p.amount is not None}
