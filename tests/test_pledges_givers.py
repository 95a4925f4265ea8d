"""Who gives, and what is not given at all: a group of givers, a second giver joined by ", and",
an official named again by a word of their title, a domestic budget, an appeal, and a part
named in the sentence after its whole by the whole's own noun.

Every readout is written for these tests, in the styles of several publishers.
"""

from __future__ import annotations

import pytest

from pledge_helpers import others_of, pledges_of
from readout_browser.model import Person, Source

MOZAMBIQUE = Source(url="https://www.portaldogoverno.gov.mz/en/news/1", publisher="Government of Mozambique")
UNICEF = Source(url="https://www.unicef.org/press-releases/sahel", publisher="UNICEF")
INDONESIA = Source(
    url="https://setkab.go.id/en/president-receives-commissioner/", publisher="Cabinet Secretariat"
)
PHILIPPINES = Source(
    url="https://pco.gov.ph/news-releases/visit/", publisher="Presidential Communications Office"
)
ROMANIA = Source(url="https://gov.ro/en/news/flood-works", publisher="Government of Romania")
KENYA = Source(url="https://www.president.go.ke/drought-response/", publisher="State House Kenya")
MOLDOVA = Source(url="https://gov.md/en/content/support", publisher="Government of Moldova")
PAKISTAN = Source(url="https://pmo.gov.pk/news/imf-mission", publisher="Prime Minister's Office")


def person(pid: str, name: str, title: str, country: str | None, text: str, *named: str) -> Person:
    """A person with a mention at every place the text names them by one of `named`."""
    spans = []
    for words in named:
        at = text.find(words)
        while at >= 0:
            spans.append((at, at + len(words)))
            at = text.find(words, at + 1)
    return Person(id=pid, name=name, title=title, country=country, mentions=tuple(sorted(spans)))


@pytest.mark.parametrize(
    "text",
    [
        "International partners pledged a total of $2 billion for the reconstruction of Mozambique.",
        "At the Maputo conference, development partners committed 300 million euros to Mozambique.",
        "Participants pledged $450 million in grants for Mozambique's cyclone recovery.",
        "The donor community promised $75 million to Mozambique for flood defences.",
    ],
)
def test_given_a_group_of_givers_pledging_together_the_group_gives(text: str) -> None:
    (pledge,) = pledges_of(text, MOZAMBIQUE)
    assert pledge.donor == "Donors"


@pytest.mark.parametrize(
    ("text", "donors"),
    [
        (
            "Sweden has already contributed €3 million to UNICEF's nutrition work in Mali, "
            "and Denmark recently announced a grant worth $2 million.",
            ["Sweden", "Denmark"],
        ),
        (
            "Japan donated $5 million to UNICEF in Niger last month, and the United Kingdom will "
            "provide £1 million for clean water.",
            ["Japan", "United Kingdom"],
        ),
    ],
)
def test_given_a_second_giver_after_a_comma_and_it_gives_its_own_share(text: str, donors: list[str]) -> None:
    assert [p.donor for p in pledges_of(text, UNICEF)] == donors


def test_given_an_official_named_again_by_their_title_their_institution_gives() -> None:
    text = (
        "President Joko Widodo received European Commissioner for Health Maria Kovacs in Jakarta.\n"
        "They discussed vaccine production and the health of mothers and children.\n"
        "Indonesia could apply for support from the regional vaccine window next year.\n"
        "The Commissioner announced an additional 4 million euros for vaccine production."
    )
    people = (
        person("p1", "Joko Widodo", "President", "Indonesia", text, "Joko Widodo"),
        person("p2", "Maria Kovacs", "European Commissioner for Health", None, text, "Maria Kovacs"),
    )
    (pledge,) = pledges_of(text, INDONESIA, people)
    assert (pledge.donor, pledge.amount) == ("European Union", 4e6)


def test_given_a_visiting_minister_named_again_by_their_title_their_country_gives() -> None:
    text = (
        "President Ferdinand Marcos Jr. met Foreign Minister Kenji Sato of Japan in Manila on Monday.\n"
        "The Minister pledged $10 million for the recovery of typhoon-hit provinces."
    )
    people = (
        person("p1", "Ferdinand Marcos Jr.", "President", "Philippines", text, "Ferdinand Marcos Jr."),
        person("p2", "Kenji Sato", "Foreign Minister", "Japan", text, "Kenji Sato"),
    )
    (pledge,) = pledges_of(text, PHILIPPINES, people)
    assert pledge.donor == "Japan"


@pytest.mark.parametrize(
    ("source", "text"),
    [
        (ROMANIA, "The state budget for next year provides 2 billion lei for the repair of river dykes."),
        (ROMANIA, "The national budget for 2027 allocates 800 million lei to county hospitals."),
        (
            KENYA,
            "The President said the government had set aside $30 million in the national budget for water.",
        ),
        (KENYA, "Treasury has earmarked KSh 4 billion in the 2026 national budget for relief food."),
    ],
)
def test_given_money_a_domestic_budget_spends_at_home_it_is_a_budget_amount(
    source: Source, text: str
) -> None:
    assert pledges_of(text, source) == ()
    assert [a.kind for a in others_of(text, source)] == ["budget"]


def test_given_a_giver_paying_from_its_own_budget_to_another_country_it_still_pledges() -> None:
    text = "Germany will provide €50 million from its federal budget to Moldova for energy security."
    (pledge,) = pledges_of(text, MOLDOVA)
    assert (pledge.donor, pledge.amount) == ("Germany", 5e7)


@pytest.mark.parametrize(
    "text",
    [
        "UNICEF is appealing for $80 million to provide water and nutrition to children in Chad.",
        "The agency appeals for $15 million to deliver food to families in the Sahel.",
        "UNICEF is calling for $40 million to provide vaccines for children in Mali.",
    ],
)
def test_given_an_appeal_for_money_it_is_a_need_not_a_pledge(text: str) -> None:
    assert pledges_of(text, UNICEF) == ()
    assert [a.kind for a in others_of(text, UNICEF)] == ["need"]


def test_given_the_next_sentence_naming_the_whole_by_its_noun_its_sum_is_a_part() -> None:
    text = (
        "The IMF Executive Board approved a 37-month facility of about $7 billion for Pakistan.\n"
        "The facility allows an immediate drawdown of about $1 billion, with the rest paid in tranches."
    )
    whole, part = pledges_of(text, PAKISTAN)
    assert (whole.amount, part.amount, part.parent) == (7e9, 1e9, whole.id)


def test_given_a_share_of_a_group_total_from_a_named_giver_that_giver_gives_it() -> None:
    text = (
        "So far, donors have pledged $90 million towards the appeal for Sudanese refugees in Chad, "
        "including $25 million from Norway."
    )
    whole, part = pledges_of(text, UNICEF)
    assert (whole.donor, part.donor, part.parent) == ("Donors", "Norway", whole.id)


def test_given_a_members_contribution_to_an_organisations_own_budget_it_is_not_a_pledge() -> None:
    text = "Kenya's contribution to the IGAD budget as a member state is set at $1.5 million for 2027."
    assert pledges_of(text, KENYA) == ()
    assert [a.kind for a in others_of(text, KENYA)] == ["budget"]


def test_given_a_country_named_again_as_the_kingdom_it_is_thanked_as_the_giver() -> None:
    text = (
        "The Executive Director met the Minister of Foreign Affairs of Jordan in Amman and thanked "
        "the Kingdom for its contribution of $12 million to UNICEF's work with refugee children."
    )
    (pledge,) = pledges_of(text, UNICEF)
    assert pledge.donor == "Jordan"
