"""What a choice of topic, speaker or place in the text picks out, and how pledges add up.

These rules sit under the browsing window (selection.py, summaries.py) and need no Qt.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

import pytest

from readout_browser.model import Meeting, Person, Pledge, Quote, Readout, Source, Span, Topic
from readout_browser.rates import Conversion
from readout_browser.selection import (
    item_at,
    pledge_ancestors,
    pledge_matches,
    quote_matches,
    speakers,
    subtopics,
    topic_sentences,
    touches,
)
from readout_browser.summaries import (
    conversion_day,
    convert_pledges,
    converted_total,
    counted_pledges,
    counterpart,
    totals_by_currency,
)

SENTENCES = (
    "President Alpha of Freedonia met Prime Minister Beta of Sylvania.",
    "“We stand together.",
    "We will not waver,” said Alpha.",
    "Beta noted that Sylvania will allocate 2 billion euros for air defence.",
    "Of this, 500 million euros will go to ammunition.",
    "Beta also pledged 30 million hryvnias for energy repairs.",
)
TEXT = " ".join(SENTENCES)


def at(fragment: str) -> Span:
    start = TEXT.index(fragment)
    return (start, start + len(fragment))


def sentence(n: int) -> Span:
    return at(SENTENCES[n])


@pytest.fixture
def readout() -> Readout:
    """A meeting with two speakers, a two-sentence quote, a pledge with a part, and a topic tree."""
    return Readout(
        source=Source(path="sylvania.txt", date="2024-03-04", publisher="Office of the President"),
        text=TEXT,
        meeting=Meeting(kind="meeting", date="2024-03-01"),
        people=(
            Person("alpha", "Alpha", "President of Freedonia", "Freedonia", (at("Alpha"),)),
            Person("beta", "Beta", "Prime Minister of Sylvania", "Sylvania", (at("Beta"),)),
        ),
        quotes=(
            Quote(
                "q1",
                "direct",
                "We stand together. We will not waver",
                at("We stand together. We will not waver"),
                speaker="alpha",
                cue="said",
            ),
            Quote(
                "q2",
                "reported",
                "Sylvania will allocate 2 billion euros for air defence",
                at("Sylvania will allocate 2 billion euros for air defence"),
                speaker="beta",
                cue="noted",
            ),
        ),
        pledges=(
            Pledge("p1", at("2 billion euros"), donor="Sylvania", amount=2e9, currency="EUR", when="2024-02"),
            Pledge("p2", at("500 million euros"), donor="Sylvania", amount=5e8, currency="EUR", parent="p1"),
            Pledge("p3", at("30 million hryvnias"), donor="Sylvania", amount=3e7, currency="UAH"),
        ),
        topics=(
            Topic("diplomacy", "Diplomacy", None, (sentence(0), sentence(2))),
            Topic("military", "Military aid", None, (sentence(3),)),
            Topic("ammunition", "Ammunition", "military", (sentence(4),)),
            Topic("shells", "Shells", "ammunition", (sentence(4),)),
            Topic("energy", "Energy", None, (sentence(5),)),
        ),
        sentences=tuple(sentence(n) for n in range(len(SENTENCES))),
    )


# -- topics ---------------------------------------------------------------------------------


def test_a_topic_holds_its_own_sentences_and_those_of_every_theme_beneath_it_once(readout: Readout) -> None:
    assert [t.id for t in subtopics(readout, "military")] == ["ammunition", "shells"]
    assert topic_sentences(readout, "military") == (sentence(3), sentence(4))
    assert topic_sentences(readout, "shells") == (sentence(4),)
    assert topic_sentences(readout, "no-such-topic") == ()


def test_a_quote_over_two_sentences_belongs_to_a_topic_that_files_either_of_them(readout: Readout) -> None:
    quote = readout.quotes[0]
    diplomacy = topic_sentences(readout, "diplomacy")
    assert touches(quote.span, diplomacy)  # filed under its second sentence only
    assert quote_matches(quote, sentences=diplomacy)
    assert not quote_matches(quote, sentences=topic_sentences(readout, "energy"))


def test_a_span_that_merely_ends_where_a_sentence_starts_does_not_touch_it() -> None:
    assert not touches((0, 10), [(10, 20)])
    assert touches((9, 11), [(10, 20)])
    assert touches((12, 12), [(10, 20)])  # an empty span counts as a point
    assert not touches((20, 20), [(10, 20)])


def test_quotes_are_narrowed_by_speaker_kind_and_topic_together(readout: Readout) -> None:
    direct, reported = readout.quotes
    assert quote_matches(direct)
    assert quote_matches(direct, speaker="alpha") and not quote_matches(direct, speaker="beta")
    assert quote_matches(reported, kind="reported") and not quote_matches(reported, kind="direct")
    military = topic_sentences(readout, "military")
    assert quote_matches(reported, speaker="beta", kind="reported", sentences=military)
    assert not quote_matches(reported, speaker="alpha", sentences=military)


def test_pledges_are_narrowed_to_the_sentences_of_a_topic(readout: Readout) -> None:
    ammunition = topic_sentences(readout, "ammunition")
    assert [p.id for p in readout.pledges if pledge_matches(p, ammunition)] == ["p2"]
    assert all(pledge_matches(p, None) for p in readout.pledges)


def test_speakers_are_listed_in_the_order_they_first_speak(readout: Readout) -> None:
    assert [p.id for p in speakers(readout)] == ["alpha", "beta"]


# -- the place the user clicks ---------------------------------------------------------------


def test_a_click_on_an_amount_inside_a_reported_statement_picks_the_pledge(readout: Readout) -> None:
    start, _ = at("2 billion euros")
    assert item_at(readout, start + 2) == readout.pledges[0]


def test_a_click_elsewhere_in_a_quote_picks_the_quote(readout: Readout) -> None:
    assert item_at(readout, TEXT.index("will not waver")) == readout.quotes[0]
    assert item_at(readout, TEXT.index("air defence")) == readout.quotes[1]


def test_a_click_outside_every_quote_and_pledge_picks_nothing(readout: Readout) -> None:
    assert item_at(readout, 3) is None
    start, end = at("30 million hryvnias")
    assert item_at(readout, end) is None  # spans are half-open
    assert item_at(readout, start) == readout.pledges[2]


# -- totals ---------------------------------------------------------------------------------


def test_a_sub_allocation_is_part_of_its_parent_and_is_not_added_again(readout: Readout) -> None:
    assert [p.id for p in counted_pledges(readout, readout.pledges)] == ["p1", "p3"]
    assert totals_by_currency(readout, readout.pledges) == {"EUR": 2e9, "UAH": 3e7}


def test_a_sub_allocation_counts_when_its_parent_is_not_among_the_pledges_shown(readout: Readout) -> None:
    shown = [p for p in readout.pledges if p.id == "p2"]
    assert totals_by_currency(readout, shown) == {"EUR": 5e8}


def test_a_sub_allocation_counts_when_its_parent_states_no_amount() -> None:
    parent = Pledge("a", (0, 5), amount=None)
    part = Pledge("b", (6, 9), amount=1e6, currency="CAD", parent="a")
    readout = Readout(source=Source(), text="funds and 1m", pledges=(parent, part))
    assert totals_by_currency(readout, readout.pledges) == {"CAD": 1e6}


def test_amounts_in_an_unknown_currency_are_totalled_apart() -> None:
    pledges = (Pledge("a", (0, 1), amount=5.0), Pledge("b", (1, 2), amount=7.0, currency="USD"))
    readout = Readout(source=Source(), text="ab", pledges=pledges)
    assert totals_by_currency(readout, pledges) == {None: 5.0, "USD": 7.0}


def test_parents_that_form_a_cycle_do_not_hang_the_walk_up_the_tree() -> None:
    pledges = (Pledge("a", (0, 1), amount=1.0, parent="b"), Pledge("b", (1, 2), amount=2.0, parent="a"))
    readout = Readout(source=Source(), text="ab", pledges=pledges)
    assert [p.id for p in pledge_ancestors(readout, pledges[0])] == ["b"]
    assert counted_pledges(readout, pledges) == ()


# -- conversion -----------------------------------------------------------------------------


class FakeRates:
    """Converts EUR and USD at fixed rates and records the day it was asked for; knows no UAH."""

    RATES: ClassVar[dict[tuple[str, str], float]] = {
        ("EUR", "USD"): 1.1,
        ("USD", "USD"): 1.0,
        ("EUR", "EUR"): 1.0,
        ("USD", "EUR"): 0.9,
    }

    def __init__(self) -> None:
        self.days: list[dt.date] = []

    def convert(self, amount: float, currency: str | None, to: str, on: dt.date) -> Conversion | None:
        self.days.append(on)
        rate = self.RATES.get((currency or "", to))
        return None if rate is None else Conversion(value=amount * rate, currency=to, rate=rate, rate_date=on)


def test_a_pledge_converts_at_the_rate_of_its_own_date_else_its_packages_else_the_meeting_date(
    readout: Readout,
) -> None:
    assert conversion_day(readout, readout.pledges[0]) == dt.date(2024, 2, 1)  # "2024-02"
    assert conversion_day(readout, readout.pledges[1]) == dt.date(2024, 2, 1)  # a share of that package
    assert conversion_day(readout, readout.pledges[2]) == dt.date(2024, 3, 1)  # the meeting's day


def test_without_a_meeting_date_the_publication_date_applies_and_without_any_none() -> None:
    pledge = Pledge("a", (0, 1), amount=1.0, currency="USD")
    published = Readout(source=Source(date="2023-12-24"), text="a", pledges=(pledge,))
    undated = Readout(source=Source(), text="a", pledges=(pledge,))
    assert conversion_day(published, pledge) == dt.date(2023, 12, 24)
    assert conversion_day(undated, pledge) is None
    assert convert_pledges(undated, FakeRates(), "EUR") == {"a": None}


def test_every_quantified_pledge_is_converted_and_uncovered_currencies_not_guessed(readout: Readout) -> None:
    rates = FakeRates()
    conversions = convert_pledges(readout, rates, "USD")
    assert conversions["p1"] is not None and conversions["p1"].value == pytest.approx(2.2e9)
    assert conversions["p2"] is not None and conversions["p2"].value == pytest.approx(5.5e8)
    assert conversions["p3"] is None  # hryvnias: no reference rate
    assert rates.days == [dt.date(2024, 2, 1), dt.date(2024, 2, 1), dt.date(2024, 3, 1)]


def test_the_converted_total_counts_parts_once_and_reports_what_is_not_convertible(readout: Readout) -> None:
    conversions = convert_pledges(readout, FakeRates(), "USD")
    total = converted_total(readout, readout.pledges, conversions, "USD")
    assert total.value == pytest.approx(2.2e9)
    assert (total.converted, total.not_convertible, total.currency) == (1, 1, "USD")


def test_conversions_into_another_currency_than_the_total_asks_for_are_not_added(readout: Readout) -> None:
    conversions = convert_pledges(readout, FakeRates(), "EUR")
    total = converted_total(readout, readout.pledges, conversions, "USD")
    assert total.value == 0 and total.not_convertible == 2


# -- the other side -------------------------------------------------------------------------


def test_the_counterpart_is_the_first_person_from_another_country_than_the_host(readout: Readout) -> None:
    other = counterpart(readout)
    assert other is not None and other.id == "beta"


def test_with_everyone_from_one_country_the_counterpart_is_the_second_person_named() -> None:
    people = (Person("a", "A", country="X"), Person("b", "B", country="X"), Person("c", "C", country="X"))
    assert counterpart(Readout(source=Source(), text="", people=people)) == people[1]
    assert counterpart(Readout(source=Source(), text="", people=people[:1])) is None
    assert counterpart(Readout(source=Source(), text="")) is None
