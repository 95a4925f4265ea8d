"""Pledges as other publishers write them, and the sums that are rightly not pledges.

Every readout here is written for these tests in the manner of one publisher: a foreign
ministry's aid release ("The Government of Japan has decided to extend Emergency Grant Aid of
..."), a development bank's approval, a donor conference, a minister's announcement with a list
of what the money buys. The pledge stage alone is run (no people are given), so each test speaks
of what it decides: is a sum a pledge, whose, in what money, and what it is a part of.
"""

from __future__ import annotations

import pytest

from pledge_helpers import by_amount, pledges_of
from readout_browser.model import Source

JAPAN = Source(
    url="https://www.mofa.go.jp/press/release/pr_000123.html",
    publisher="Ministry of Foreign Affairs of Japan",
)
GERMANY = Source(
    url="https://www.auswaertiges-amt.de/en/newsroom/news/aid", publisher="Federal Foreign Office"
)
NORWAY = Source(
    url="https://www.regjeringen.no/en/aktuelt/support/id1", publisher="Ministry of Foreign Affairs"
)
CANADA = Source(
    url="https://www.canada.ca/en/global-affairs/news/2024/aid.html", publisher="Global Affairs Canada"
)
AUSTRALIA = Source(
    url="https://www.foreignminister.gov.au/minister/media-release/aid", publisher="Foreign Minister"
)
IMF = Source(url="https://www.imf.org/en/News/Articles/2024/pr24101", publisher="International Monetary Fund")
WORLD_BANK = Source(url="https://www.worldbank.org/en/news/press-release/2024/credit", publisher="World Bank")
EU = Source(
    url="https://ec.europa.eu/commission/presscorner/detail/en/ip_24_1", publisher="European Commission"
)
SWEDEN = Source(
    url="https://www.government.se/press-releases/2024/support", publisher="Government Offices of Sweden"
)


@pytest.mark.parametrize(
    ("source", "text", "donor", "amount", "currency"),
    [
        (
            GERMANY,
            "Germany announced a further €500 million for humanitarian relief in Sudan.",
            "Germany",
            5e8,
            "EUR",
        ),
        (
            NORWAY,
            "Norway will contribute NOK 2 billion to rebuild the water network of Gaza.",
            "Norway",
            2e9,
            "NOK",
        ),
        (
            IMF,
            "The IMF Executive Board approved a Fund arrangement of about US$1 billion for Moldova.",
            "International Monetary Fund",
            1e9,
            "USD",
        ),
        (
            WORLD_BANK,
            "The World Bank approved a $300 million credit to Kenya for rural roads.",
            "World Bank",
            3e8,
            "USD",
        ),
        (
            JAPAN,
            "Japan handed over to Ukraine medical equipment worth 150 million yen for hospitals in Kharkiv.",
            "Japan",
            1.5e8,
            "JPY",
        ),
        (
            JAPAN,
            "The Government of Japan has decided to extend grant aid of 200 million yen to Moldova.",
            "Japan",
            2e8,
            "JPY",
        ),
        (
            EU,
            "The European Investment Bank will lend €400 million to Morocco for desalination plants.",
            "European Investment Bank",
            4e8,
            "EUR",
        ),
        (
            CANADA,
            "At the conference in Brussels, the international community pledged $2 billion for Sudan.",
            "Donors",
            2e9,
            None,
        ),
    ],
)
def test_given_a_publishers_own_phrasing_the_sum_is_a_pledge_of_its_giver(
    source: Source, text: str, donor: str, amount: float, currency: str | None
) -> None:
    (pledge,) = pledges_of(text, source)
    assert (pledge.donor, pledge.amount) == (donor, amount)
    if currency:
        assert pledge.currency == currency


def test_given_a_minister_who_made_funds_available_under_a_title_with_trade_in_it_the_sum_is_a_pledge() -> (
    None
):
    text = (
        "The Minister for Foreign Trade and Development Cooperation has made €15 million available for "
        "people fleeing the fighting in Sudan."
    )
    (pledge,) = pledges_of(
        text, Source(url="https://www.government.nl/latest/news/aid", publisher="Government")
    )
    assert (pledge.donor, pledge.amount, pledge.currency) == ("Netherlands", 15e6, "EUR")


def test_given_a_sum_for_a_purpose_and_no_receiving_party_it_is_still_a_pledge() -> None:
    text = "Canada will provide $30 million in support of humanitarian organizations working with refugees."
    (pledge,) = pledges_of(text, CANADA)
    assert (pledge.donor, pledge.recipient, pledge.amount) == ("Canada", None, 3e7)


def test_given_a_sum_that_no_word_gives_and_no_party_receives_it_is_not_a_pledge() -> None:
    text = (
        "The Prime Minister welcomed the $2 billion investment by a Canadian pension fund in Chilean ports."
    )
    assert pledges_of(text, CANADA) == ()


def test_given_a_government_spending_its_own_money_at_home_it_is_not_a_pledge() -> None:
    text = "The Government has allocated 4 billion rubles to build a new hospital in Kazan."
    assert (
        pledges_of(text, Source(url="http://en.kremlin.ru/events/president/news/1", publisher="Kremlin"))
        == ()
    )


@pytest.mark.parametrize(
    "text",
    [
        "Sudan needs $2.7 billion to cover its humanitarian response this year, the United Nations said.",
        "The United Nations launched a flash appeal for $400 million for Haiti on Monday.",
        "Bilateral trade between Japan and Viet Nam reached US$50 billion last year, the leaders noted.",
        "Canada's defence budget will grow to $60 billion by 2030, the Prime Minister told the President.",
        "Allies committed to spending 3.5 percent of GDP, or about €1 trillion a year, on defence.",
        "The World Bank estimates the damage to housing in Gaza at $15 billion.",
        "Ukrainian Railways signed a contract for 130 locomotives worth 900 million euros.",
        "The leaders agreed to raise the limit on duty-free parcels to 1,000 euros.",
    ],
)
def test_given_a_need_appeal_trade_budget_gdp_damage_or_contract_no_pledge_is_read(text: str) -> None:
    assert [p for p in pledges_of(text, CANADA) if p.amount is not None] == []


def test_given_a_sum_in_another_currency_in_brackets_it_is_one_pledge() -> None:
    text = (
        "The Government of Japan announced Emergency Grant Aid of 1 billion yen (over 7 million US dollars) "
        "to Nepal. This 200 million JPY (App. 3 million AUD) grant will support Fiji."
    )
    assert sorted(p.amount for p in pledges_of(text, JAPAN)) == [2e8, 1e9]


def test_given_a_sum_named_again_rounded_or_as_this_additional_sum_it_is_one_pledge() -> None:
    text = (
        "Australia will provide an additional $10 million in humanitarian assistance to Gaza.\n"
        "Since October, Australia has committed $72.5 million in humanitarian assistance to Gaza.\n"
        "“This additional $10 million will help the World Food Programme reach civilians in Gaza.”\n"
        "“Australia has committed more than $70 million in humanitarian assistance to Gaza.”"
    )
    assert sorted(p.amount for p in pledges_of(text, AUSTRALIA)) == [1e7, 7.25e7]


class TestPartsAcrossSentences:
    """A sum broken down in later sentences, in a list, or before its total."""

    def test_of_the_sum_opening_a_sentence_makes_its_amount_a_part(self) -> None:
        text = (
            "The G7 agreed to provide Ukraine with $50 billion in loans. "
            "Of the $50 billion, $20 billion will come from the United States."
        )
        found = by_amount(pledges_of(text, CANADA))
        assert found[2e10].parent == found[5e10].id
        assert found[5e10].parent is None

    def test_this_includes_makes_every_amount_of_the_sentence_a_part(self) -> None:
        text = (
            "Australia will provide $25 million in humanitarian assistance to Myanmar. This includes "
            "$10 million for food through the World Food Programme and $5 million for emergency shelter."
        )
        found = by_amount(pledges_of(text, AUSTRALIA))
        assert found[1e7].parent == found[2.5e7].id and found[5e6].parent == found[2.5e7].id

    def test_a_sentence_that_points_back_to_the_aid_holds_its_parts(self) -> None:
        text = (
            "Sweden has decided on a new support package worth SEK 1.5 billion for Ukraine. "
            "The assistance comprises SEK 1 billion for air defence and SEK 500 million for demining."
        )
        found = by_amount(pledges_of(text, SWEDEN))
        assert found[1e9].parent == found[1.5e9].id and found[5e8].parent == found[1.5e9].id

    def test_parts_that_add_up_to_more_than_the_earlier_pledge_are_not_its_parts(self) -> None:
        text = (
            "Norway will give NOK 100 million to Moldova. "
            "The funds come on top of NOK 300 million and NOK 200 million given to Moldova last year."
        )
        assert [p.parent for p in pledges_of(text, NORWAY) if p.amount] == [None, None, None]

    def test_the_items_of_a_list_after_a_total_are_its_parts(self) -> None:
        text = (
            "Japan decided to provide the following assistance (USD 12 million in total):\n"
            "(1) Emergency Grant Aid: USD 8 million\n"
            "(2) Relief goods: USD 1 million\n"
            "(3) Assistance through Japanese NGOs: USD 3 million\n"
        )
        found = by_amount(pledges_of(text, JAPAN))
        assert {found[v].parent for v in (8e6, 1e6, 3e6)} == {found[1.2e7].id}

    def test_the_items_of_a_list_opened_by_the_funds_are_parts_of_the_pledge_before(self) -> None:
        text = (
            "The Federal Foreign Office is increasing its humanitarian aid for Sudan by 15 million euros.\n"
            "The funds will be used for the following projects:\n"
            "- eight million euros for the World Food Programme\n"
            "- seven million euros for UNICEF\n"
        )
        found = by_amount(pledges_of(text, GERMANY))
        assert found[8e6].parent == found[1.5e7].id and found[7e6].parent == found[1.5e7].id
        assert found[8e6].donor == "Germany"

    def test_a_list_that_a_need_opens_holds_no_pledges(self) -> None:
        text = (
            "Japan noted that Sudan needs the following:\n- food: USD 2 billion\n- shelter: USD 1 billion\n"
        )
        assert [p for p in pledges_of(text, JAPAN) if p.amount] == []

    def test_a_total_named_after_its_parts_is_their_parent(self) -> None:
        text = (
            "On 12 May, the Government of Japan decided to extend additional Emergency Grant Aid of "
            "USD 4 million to Sri Lanka. With the aid of USD 2 million announced in April, USD 6 million "
            "in total will be provided for humanitarian assistance."
        )
        found = by_amount(pledges_of(text, JAPAN))
        assert found[4e6].parent == found[6e6].id and found[2e6].parent == found[6e6].id
        assert found[6e6].parent is None

    def test_with_this_announcement_names_the_total_of_the_pledges_before(self) -> None:
        text = (
            "Canada will provide $20 million for food assistance in Haiti. "
            "With this announcement, Canada has committed $95 million to Haiti since 2022."
        )
        found = by_amount(pledges_of(text, CANADA))
        assert found[2e7].parent == found[9.5e7].id

    def test_a_later_pledge_is_not_part_of_an_earlier_one_that_is_not_named_as_a_total(self) -> None:
        text = (
            "Australia will provide $10 million to the World Food Programme for Gaza. "
            "Since October, Australia has committed $72.5 million in humanitarian assistance to Gaza."
        )
        assert [p.parent for p in pledges_of(text, AUSTRALIA)] == [None, None]

    def test_a_part_named_in_its_own_sentence_keeps_its_own_giver(self) -> None:
        text = (
            "Donors pledged a total of $1.2 billion for the people of Yemen at the conference. "
            "Canada pledged $40 million of that total."
        )
        found = by_amount(pledges_of(text, CANADA))
        assert found[1.2e9].donor == "Donors" and found[4e7].donor == "Canada"
        assert found[4e7].parent == found[1.2e9].id


def test_given_the_bank_named_by_its_short_name_it_is_the_giver() -> None:
    text = (
        "The World Bank's Board of Executive Directors met the Minister of Finance of Kenya today. "
        "The Bank approved a $300 million credit for rural roads in Kenya."
    )
    (pledge,) = pledges_of(text, WORLD_BANK)
    assert (pledge.donor, pledge.recipient, pledge.amount) == ("World Bank", "Kenya", 3e8)


def test_given_a_sum_in_us_dollars_the_currency_names_no_party_and_the_republic_receives() -> None:
    text = (
        "On 3 June, the Government of Japan decided to extend Emergency Grant Aid of 3 million US dollars "
        "(approximately 450 million yen) to the Republic of Türkiye in response to the earthquake."
    )
    (pledge,) = pledges_of(text, JAPAN)
    assert (pledge.donor, pledge.recipient, pledge.amount, pledge.currency) == (
        "Japan",
        "Türkiye",
        3e6,
        "USD",
    )


def test_given_refugees_from_a_country_that_country_gives_nothing() -> None:
    text = (
        "The Federal Government is supporting Jordan with 50 million euros to help it host refugees from "
        "Syria. Of this amount, 30 million euros will go to schools and 20 million euros to health centres."
    )
    found = by_amount(pledges_of(text, GERMANY))
    assert {p.donor for p in found.values()} == {"Germany"}
    assert found[3e7].parent == found[5e7].id and found[2e7].parent == found[5e7].id


def test_given_a_running_total_after_a_pledge_the_total_holds_the_new_pledge() -> None:
    text = (
        "The Prime Minister announced £100 million of new humanitarian funding for Sudan, taking total UK "
        "support this year to £250 million."
    )
    gov_uk = Source(url="https://www.gov.uk/government/news/sudan", publisher="Prime Minister's Office")
    found = by_amount(pledges_of(text, gov_uk))
    assert set(found) == {1e8, 2.5e8}
    assert (found[1e8].parent, found[2.5e8].parent) == (found[2.5e8].id, None)


def test_given_money_that_congress_appropriated_it_is_a_us_pledge_with_its_part() -> None:
    text = (
        "The President noted that Congress appropriated $61 billion for Ukraine in April, of which "
        "$14 billion is for replenishing U.S. stocks."
    )
    white_house = Source(url="https://www.whitehouse.gov/briefing-room/readout", publisher="The White House")
    found = by_amount(pledges_of(text, white_house))
    assert found[6.1e10].donor == "United States" and found[1.4e10].parent == found[6.1e10].id
