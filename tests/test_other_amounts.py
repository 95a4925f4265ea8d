"""Other amounts: every sum of money in a readout that is not a pledge, kept with what it is.

The readouts are written for these tests. A contract, a trade volume, a need, a budget or
damage is listed with its kind, so that every amount the text names is either a pledge or one
of these; a pledge is not listed again, and a number that counts things is not money.
"""

from __future__ import annotations

import pytest

from pledge_helpers import others_of
from readout_browser.model import Amount, Source
from readout_browser.parse.money import find_amounts
from readout_browser.parse.other_amounts import find_other_amounts
from readout_browser.parse.pledges import find_pledges
from readout_browser.parse.segment import segment

UKRAINE = Source(
    url="https://www.president.gov.ua/en/news/meeting", publisher="Office of the President of Ukraine"
)
KREMLIN = Source(url="http://en.kremlin.ru/events/president/news/1", publisher="Kremlin")
CANADA = Source(
    url="https://www.canada.ca/en/global-affairs/news/2024/aid.html", publisher="Global Affairs Canada"
)


def other_amounts(text: str, source: Source = UKRAINE) -> tuple[Amount, ...]:
    return others_of(text, source)


@pytest.mark.parametrize(
    ("text", "kind", "amount", "currency"),
    [
        (
            "The railway company signed a contract for 130 locomotives worth 900 million euros.",
            "contract",
            9e8,
            "EUR",
        ),
        (
            "Bilateral trade between our countries reached a record $4.5 billion last year.",
            "trade",
            4.5e9,
            "USD",
        ),
        (
            "The President said that Ukraine needs $5 billion a month to keep the state running.",
            "need",
            5e9,
            "USD",
        ),
        ("The flash appeal for Sudan seeks $2.7 billion for the year.", "need", 2.7e9, "USD"),
        ("The monthly deficit of the state budget is about 5 billion US dollars.", "budget", 5e9, "USD"),
        (
            "Allies agreed to spend 3.5 percent of GDP, some €1 trillion a year, on defence.",
            "budget",
            1e12,
            "EUR",
        ),
        (
            "The damage to the energy system is estimated by the World Bank at $11 billion.",
            "damage",
            1.1e10,
            "USD",
        ),
        ("EU member states have frozen €210 billion of the central bank's assets.", "other", 2.1e11, "EUR"),
    ],
)
def test_given_a_sum_that_is_not_a_pledge_it_is_listed_with_its_kind(
    text: str, kind: str, amount: float, currency: str
) -> None:
    (found,) = other_amounts(text)
    assert (found.kind, found.amount, found.currency) == (kind, amount, currency)
    assert text[found.span[0] : found.span[1]] in text and found.evidence is not None


def test_given_a_readout_every_amount_is_a_pledge_or_an_other_amount() -> None:
    text = (
        "Canada will provide $40 million in humanitarian assistance to Sudan. Trade between Canada and "
        "Kenya reached $1.2 billion last year. The United Nations said Sudan needs $2.7 billion in 2025, "
        "and the fighting has caused damage of $6 billion to roads and bridges."
    )
    doc = segment(text, CANADA)
    pledges = find_pledges(doc, (), ())
    others = find_other_amounts(doc, pledges)
    assert [p.amount for p in pledges] == [4e7]
    assert [(a.kind, a.amount) for a in others] == [("trade", 1.2e9), ("need", 2.7e9), ("damage", 6e9)]
    assert len(pledges) + len(others) == len(find_amounts(text))
    assert [a.id for a in others] == ["a1", "a2", "a3"]


def test_given_a_pledge_named_again_it_is_not_listed_as_another_amount() -> None:
    text = (
        "Australia will provide an additional $10 million in humanitarian assistance to Gaza.\n"
        "“This additional $10 million will help the World Food Programme reach civilians in Gaza.”"
    )
    source = Source(url="https://www.foreignminister.gov.au/minister/media-release/aid", publisher="Minister")
    assert other_amounts(text, source) == ()


def test_given_a_bare_number_far_from_any_currency_it_counts_things_and_is_not_listed() -> None:
    text = "Trade reached $3 billion.\n\nSome 29 million have been vaccinated, and 105 thousand recovered."
    assert [a.amount for a in other_amounts(text)] == [3e9]


def test_given_a_bare_number_after_an_amount_in_its_sentence_it_takes_that_currency() -> None:
    text = "Our trade has reached nearly US$40 billion, and we aim at 50 billion by 2030."
    found = other_amounts(text, KREMLIN)
    assert [(a.amount, a.currency, a.currency_inferred) for a in found] == [
        (4e10, "USD", False),
        (5e10, "USD", True),
    ]


def test_given_money_a_government_spends_at_home_it_is_a_budget_amount_not_a_pledge() -> None:
    text = "We have allocated 4.2 billion rubles to build a new neighbourhood for the miners."
    doc = segment(text, KREMLIN)
    assert find_pledges(doc, (), ()) == ()
    (found,) = find_other_amounts(doc, ())
    assert (found.kind, found.currency) == ("budget", "RUB")
