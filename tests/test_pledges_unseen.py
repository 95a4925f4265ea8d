"""Pledges written in ways the rest of the suite does not use: letter signs for currencies, a
pledge that names only its purpose, a list that leaves out its verb, a development bank or a UN
agency as the giver, an agency that only carries the money out, a national aid budget.

Every readout is written for these tests; the pledge stage alone is run (no people are given).
"""

from __future__ import annotations

import pytest

from pledge_helpers import by_amount, others_of, pledges_of
from readout_browser.model import Source
from readout_browser.parse.money import find_amounts

SOUTH_AFRICA = Source(url="https://www.dirco.gov.za/media/statement-01.htm", publisher="DIRCO")
PAPUA = Source(url="https://www.pm.gov.pg/news/aid", publisher="Office of the Prime Minister")
INDIA = Source(
    url="https://www.mea.gov.in/press-releases.htm?dtl/1", publisher="Ministry of External Affairs"
)
INDONESIA = Source(
    url="https://kemlu.go.id/portal/en/read/1/berita/x", publisher="Ministry of Foreign Affairs"
)
PAKISTAN = Source(url="https://mofa.gov.pk/press-releases/aid", publisher="Ministry of Foreign Affairs")
KENYA = Source(url="https://www.mfa.go.ke/statement/aid", publisher="Ministry of Foreign Affairs")
GERMANY = Source(url="https://www.auswaertiges-amt.de/en/newsroom/aid", publisher="Federal Foreign Office")
NORWAY = Source(
    url="https://www.regjeringen.no/en/aktuelt/somalia/id2", publisher="Ministry of Foreign Affairs"
)
JAPAN = Source(
    url="https://www.mofa.go.jp/press/release/pr_000456.html", publisher="Ministry of Foreign Affairs"
)
CANADA = Source(
    url="https://www.canada.ca/en/global-affairs/news/2025/aid.html", publisher="Global Affairs Canada"
)
IRELAND = Source(
    url="https://www.gov.ie/en/press-release/aid-2026", publisher="Department of Foreign Affairs"
)
UNICEF = Source(url="https://www.unicef.org/press-releases/floods", publisher="UNICEF")
SPAIN = Source(url="https://www.lamoncloa.gob.es/lang/en/presidente/news/1", publisher="La Moncloa")
DENMARK = Source(url="https://um.dk/en/news/aid-yemen", publisher="Ministry of Foreign Affairs of Denmark")


@pytest.mark.parametrize(
    ("source", "text", "currency"),
    [
        (SOUTH_AFRICA, "South Africa will donate R45 million to Malawi for school feeding.", "ZAR"),
        (PAPUA, "Papua New Guinea will contribute K2 million to Tonga for shelters.", "PGK"),
        (INDIA, "India will extend a grant of Rs 80 crore to Nepal for a new hospital.", "INR"),
        (INDONESIA, "Indonesia will donate Rp 3 billion to Vanuatu for water tanks.", "IDR"),
        (PAKISTAN, "Pakistan will donate Rs 200 million to Afghanistan for wheat.", "PKR"),
        (KENYA, "Kenya will contribute KSh 50 million to Somalia for drought relief.", "KES"),
    ],
)
def test_given_a_letter_sign_that_the_publishers_country_uses_the_sum_is_in_its_money(
    source: Source, text: str, currency: str
) -> None:
    (pledge,) = pledges_of(text, source)
    assert pledge.currency == currency


def test_given_a_letter_sign_the_sum_is_money_only_before_a_number() -> None:
    assert find_amounts("Some 2 million Kenyans and 3 million Rwandans voted in the elections.") == []


def test_given_a_trade_figure_with_the_rand_sign_it_is_an_other_amount_in_rand() -> None:
    (amount,) = others_of(
        "Trade between South Africa and Ghana stood at about R700 million last year.", SOUTH_AFRICA
    )
    assert (amount.kind, amount.amount, amount.currency) == ("trade", 7e8, "ZAR")


@pytest.mark.parametrize(
    "text",
    [
        "Germany will donate EUR 6 million for capacity building in the region.",
        "Germany will contribute EUR 4 million to the reconstruction effort after the floods.",
    ],
)
def test_given_a_giver_that_names_only_a_purpose_in_its_own_money_it_is_still_a_pledge(text: str) -> None:
    (pledge,) = pledges_of(text, GERMANY)
    assert (pledge.donor, pledge.currency) == ("Germany", "EUR")


def test_given_a_purpose_only_pledge_the_party_of_the_headline_receives_it() -> None:
    source = Source(
        url="https://www.foreignminister.gov.au/minister/media-release/vanuatu",
        publisher="Foreign Minister",
        title="More Australian help for Vanuatu after the earthquake",
    )
    (pledge,) = pledges_of(
        "Australia will contribute an additional A$4 million to the relief effort.", source
    )
    assert (pledge.donor, pledge.recipient, pledge.currency) == ("Australia", "Vanuatu", "AUD")


def test_given_a_list_that_leaves_out_its_verb_each_giver_has_its_own_share() -> None:
    text = (
        "Participants pledged USD 60 million in total. Of this sum, Japan pledged USD 8 million, "
        "Canada USD 3 million and the United Kingdom USD 1.5 million."
    )
    pledges = by_amount(pledges_of(text, JAPAN))
    assert {a: p.donor for a, p in pledges.items() if a < 6e7} == {
        8e6: "Japan",
        3e6: "Canada",
        1.5e6: "United Kingdom",
    }


def test_given_donors_pledging_at_a_conference_a_country_hosted_the_donors_give() -> None:
    text = (
        "At the meeting, which was chaired by the Prime Minister of Norway, "
        "donors pledged USD 900 million for Sudan."
    )
    (pledge,) = pledges_of(text, CANADA)
    assert pledge.donor == "Donors"


@pytest.mark.parametrize(
    ("text", "donor"),
    [
        (
            "Separately, the Inter-American Development Bank has approved a loan of US$120 million to Peru.",
            "Inter-American Development Bank",
        ),
        ("The IsDB will finance US$40 million of the new power line to Guinea.", "Islamic Development Bank"),
    ],
)
def test_given_a_development_bank_that_lends_the_bank_gives(text: str, donor: str) -> None:
    (pledge,) = pledges_of(text, CANADA)
    assert pledge.donor == donor


def test_given_an_agency_releasing_money_from_its_own_fund_it_is_its_pledge() -> None:
    text = "UNICEF will release an additional US$5 million from its emergency reserve for the flood response."
    (pledge,) = pledges_of(text, UNICEF)
    assert (pledge.donor, pledge.amount, pledge.currency) == ("UNICEF", 5e6, "USD")


def test_given_an_agency_that_carries_the_projects_out_it_is_not_the_giver() -> None:
    text = (
        "The Ministry has allocated NOK 30 million for water projects "
        "implemented by United Nations agencies in Somalia."
    )
    (pledge,) = pledges_of(text, NORWAY)
    assert pledge.donor == "Norway"


def test_given_a_giver_and_its_verb_parted_by_an_aside_the_giver_gives() -> None:
    text = (
        "The Minister added that the Government of Japan, through the Japan International Cooperation Agency "
        "and its partners on the ground, will provide a grant worth US$9 million to Laos for rural clinics."
    )
    (pledge,) = pledges_of(text, CANADA)
    assert pledge.donor == "Japan"


def test_given_a_party_that_owns_the_support_it_is_thanked_for_it_does_not_receive() -> None:
    text = (
        "The Foreign Minister of Laos expressed appreciation for Japan's steady support. "
        "Japan will provide a grant of JPY 500 million for rural clinics."
    )
    (pledge,) = pledges_of(text, JAPAN)
    assert pledge.recipient != "Japan"


def test_given_a_national_aid_budget_it_is_a_budget_amount_not_a_pledge() -> None:
    text = (
        "Ireland will provide €20 million to Sierra Leone next year. "
        "The Government's overall allocation for official development assistance "
        "next year will be €900 million."
    )
    assert [p.amount for p in pledges_of(text, IRELAND)] == [2e7]
    assert [(a.kind, a.amount) for a in others_of(text, IRELAND)] == [("budget", 9e8)]


def test_given_a_further_sum_listed_after_a_pledge_for_salaries_it_is_a_pledge_too() -> None:
    text = (
        "Spain will contribute 30 million euros to the Lebanese Government to help pay teachers' salaries, "
        "and a further 5 million euros to UNRWA."
    )
    pledges = by_amount(pledges_of(text, SPAIN))
    assert set(pledges) == {3e7, 5e6}
    assert pledges[5e6].recipient == "UNRWA"


def test_given_the_new_funds_shared_out_in_the_next_sentence_they_are_parts_of_the_new_pledge() -> None:
    text = (
        "Denmark will give a further DKK 75 million in humanitarian aid to Yemen.\n\n"
        "Of the new funds, DKK 30 million will go to the World Food Programme, while DKK 20 million "
        "will support UNICEF.\n\n"
        "With the new contribution, Danish humanitarian aid to Yemen totals DKK 310 million since 2020."
    )
    pledges = by_amount(pledges_of(text, DENMARK))
    new, food, children, total = pledges[7.5e7], pledges[3e7], pledges[2e7], pledges[3.1e8]
    assert (food.parent, children.parent) == (new.id, new.id)
    assert (new.parent, total.parent) == (total.id, None)


def test_given_new_funds_shared_out_after_a_running_total_they_are_parts_of_the_new_sum() -> None:
    text = (
        "Canada will provide an additional $8 million to Haiti, bringing its total support "
        "since the hurricane to $20 million. Of the new funding, $5 million will go to shelters "
        "and $3 million to clean water."
    )
    pledges = by_amount(pledges_of(text, CANADA))
    new, total = pledges[8e6], pledges[2e7]
    assert (new.parent, total.parent) == (total.id, None)
    assert (pledges[5e6].parent, pledges[3e6].parent) == (new.id, new.id)


def test_given_a_gift_abroad_in_the_givers_own_money_its_total_and_parts_are_kept_too() -> None:
    source = Source(
        url="https://www.foreignminister.gov.au/minister/media-release/fiji",
        publisher="Foreign Minister",
        title="Australian help for Fiji after the cyclone",
    )
    text = (
        "Australia is donating a further A$3 million for the clean-up, which takes Australia's total "
        "support since the storm to A$7 million. Of the new money, A$2 million will fund temporary "
        "classrooms and A$1 million water purification."
    )
    pledges = by_amount(pledges_of(text, source))
    assert set(pledges) == {3e6, 7e6, 2e6, 1e6}
    assert {p.recipient for p in pledges.values()} == {"Fiji"}
    assert (pledges[3e6].parent, pledges[2e6].parent, pledges[1e6].parent) == (
        pledges[7e6].id,
        pledges[3e6].id,
        pledges[3e6].id,
    )
