"""Pledges: money a donor has given or promised, read from readouts written for these tests.

People and quotes are given by hand (as the earlier stages would find them), so each test
speaks only of what the pledge stage decides: is an amount a pledge, whose, for whom, how
far along, for what, and what it is part of.
"""

from __future__ import annotations

import pytest

from readout_browser.model import Person, Pledge, Quote, Source
from readout_browser.parse.pledges import find_pledges
from readout_browser.parse.segment import segment

UKRAINE = Source(
    url="https://www.president.gov.ua/en/news/readout",
    publisher="Office of the President of Ukraine",
    date="2025-07-01",
)
WHITE_HOUSE = Source(
    url="https://www.whitehouse.gov/briefing-room/readout", publisher="The White House", date="2022-08-24"
)
GOV_UK = Source(
    url="https://www.gov.uk/government/news/pm-call", publisher="Prime Minister's Office", date="2023-05-15"
)

ZELENSKYY = (
    "p1",
    "Volodymyr Zelenskyy",
    "President of Ukraine",
    "Ukraine",
    ["Volodymyr Zelenskyy", "The President"],
)


def people(text: str, *specs: tuple[str, str, str | None, str | None, list[str]]) -> tuple[Person, ...]:
    """People with every occurrence of each of their written forms as a mention."""
    out = []
    for pid, name, title, country, forms in specs:
        mentions = []
        for form in forms:
            at = text.find(form)
            while at >= 0:
                mentions.append((at, at + len(form)))
                at = text.find(form, at + 1)
        out.append(Person(pid, name, title, country, tuple(sorted(mentions))))
    return tuple(out)


def direct(text: str, words: str, speaker: str, n: int = 1) -> Quote:
    at = text.index(words)
    return Quote(f"q{n}", "direct", words, (at, at + len(words)), speaker)


def pledges_of(
    text: str, source: Source = UKRAINE, persons: tuple[Person, ...] = (), quotes: tuple[Quote, ...] = ()
) -> tuple[Pledge, ...]:
    return find_pledges(segment(text, source), persons, quotes)


def quantified(pledges: tuple[Pledge, ...]) -> list[Pledge]:
    return [p for p in pledges if p.amount is not None]


def only(pledges: tuple[Pledge, ...]) -> Pledge:
    (p,) = quantified(pledges)
    return p


def written(text: str, p: Pledge) -> str:
    return text[p.span[0] : p.span[1]]


# --- a whole readout ------------------------------------------------------------------------------

CALL = (
    "President of Ukraine Volodymyr Zelenskyy held a phone call with Prime Minister of Australia "
    "Anthony Albanese.\n"
    "In May, Australia provided Ukraine with a military assistance package worth "
    "300 million Australian dollars. "
    "Of this, 120 million will go to armoured vehicles and ammunition.\n"
    "The President thanked Australia for its readiness to allocate 50 million dollars for demining.\n"
    "“We will also provide more than 20 million dollars for generators and the repair of the power grid. "
    "And another 10 million dollars for food and medicine, as well as additional funds for humanitarian "
    "assistance to displaced families,” said the Prime Minister of Australia.\n"
    "The leaders also discussed trade, which reached $1 billion last year."
)
QUOTED = (
    "We will also provide more than 20 million dollars for generators and the repair of the power grid. "
    "And another 10 million dollars for food and medicine, as well as additional funds for humanitarian "
    "assistance to displaced families"
)


@pytest.fixture(scope="module")
def call() -> dict[float | None, Pledge]:
    persons = people(
        CALL, ZELENSKYY, ("p2", "Anthony Albanese", "Prime Minister of Australia", "Australia",
                          ["Anthony Albanese", "the Prime Minister of Australia"]),
    )  # fmt: skip
    found = pledges_of(CALL, UKRAINE, persons, (direct(CALL, QUOTED, "p2"),))
    return {p.amount: p for p in found}


def test_a_call_gives_five_sums_and_one_unquantified_commitment(call: dict[float | None, Pledge]) -> None:
    assert sorted(call, key=lambda a: a or 0) == [None, 1e7, 2e7, 5e7, 1.2e8, 3e8]
    assert all(p.donor == "Australia" and p.recipient == "Ukraine" for p in call.values())
    assert 1e9 not in call, "trade is not a pledge"


def test_ids_run_in_reading_order(call: dict[float | None, Pledge]) -> None:
    ordered = sorted(call.values(), key=lambda p: p.span[0])
    assert [p.id for p in ordered] == ["m1", "m2", "m3", "m4", "m5", "m6"]


def test_the_package_is_delivered_military_and_dated(call: dict[float | None, Pledge]) -> None:
    package = call[3e8]
    assert (package.currency, package.currency_inferred, package.qualifier) == ("AUD", False, "exact")
    assert (package.status, package.category, package.when) == ("delivered", "military", "2025-05")
    assert CALL[package.span[0] : package.span[1]] == "300 million Australian dollars"
    assert CALL[package.evidence[0] : package.evidence[1]].startswith("In May, Australia provided")
    assert package.purpose == "military assistance package"


def test_of_this_makes_a_part_that_inherits_the_currency(call: dict[float | None, Pledge]) -> None:
    part = call[1.2e8]
    assert part.parent == call[3e8].id
    assert (part.currency, part.currency_inferred, part.currency_text) == ("AUD", True, None)
    assert (part.status, part.category) == ("committed", "military")
    assert part.when is None


def test_bare_dollars_are_the_donors_own_dollars(call: dict[float | None, Pledge]) -> None:
    for amount in (5e7, 2e7, 1e7):
        assert (call[amount].currency, call[amount].currency_inferred) == ("AUD", True)
        assert call[amount].parent is None


def test_the_party_thanked_for_its_readiness_is_the_donor(call: dict[float | None, Pledge]) -> None:
    demining = call[5e7]
    assert (demining.status, demining.category, demining.speaker) == ("committed", "military", None)


def test_we_will_provide_in_a_quote_is_the_speakers_country(call: dict[float | None, Pledge]) -> None:
    energy, food = call[2e7], call[1e7]
    assert (energy.qualifier, energy.status, energy.category, energy.speaker) == (
        "over",
        "committed",
        "energy",
        "p2",
    )
    assert (food.qualifier, food.status, food.category, food.speaker) == (
        "exact",
        "committed",
        "humanitarian",
        "p2",
    )
    assert food.purpose == "food and medicine"


def test_additional_funds_without_a_sum_are_an_unquantified_pledge(call: dict[float | None, Pledge]) -> None:
    funds = call[None]
    assert (funds.currency, funds.category, funds.status, funds.speaker) == (
        None,
        "humanitarian",
        "committed",
        "p2",
    )
    assert CALL[funds.span[0] : funds.span[1]] == "additional funds"
    assert funds.purpose is not None and "humanitarian assistance" in funds.purpose


# --- not pledges ----------------------------------------------------------------------------------

NOT_PLEDGES = [
    "Trade between the two countries reached a record high of almost $ 1 billion.",
    "We expect to reach a turnover of USD 800-900 million this year.",
    "The monthly deficit of the state budget is about 5 billion US dollars.",
    "EU member states have frozen $225 billion of Russian assets.",
    "Ukraine needs $5 billion to get through the winter.",
    "The World Bank estimates the damage at $97 billion.",
    "The war has caused $100 billion in damage to infrastructure.",
    "Ukraine's GDP was $200 billion before the war.",
    "The region has attracted $2 billion in investment.",
    "Ukraine requested a loan of $2 billion from the Fund.",
    "The European Union has paid about $800 million daily for Russian oil and gas.",
    "If the G7 provided fifty billion dollars in new financing, the deficit would be covered.",
    "All doctors will receive a salary of at least UAH 20 thousand, and nurses - at least UAH 13.5 thousand.",
    "This proves that our goal of USD 10 billion in trade is realistic.",
    "Ukraine spends $5 billion a month on defence.",
    "The contracts cover the supply of 130 locomotives worth 900 million euros.",
]


@pytest.mark.parametrize("sentence", NOT_PLEDGES)
def test_amounts_that_are_not_pledges(sentence: str) -> None:
    text = "President of Ukraine Volodymyr Zelenskyy met Prime Minister of Canada Mark Carney.\n" + sentence
    persons = people(
        text, ZELENSKYY, ("p2", "Mark Carney", "Prime Minister of Canada", "Canada", ["Mark Carney"])
    )
    assert quantified(pledges_of(text, UKRAINE, persons)) == []


def test_a_readout_with_no_money_has_no_pledges() -> None:
    text = "President of Ukraine Volodymyr Zelenskyy met Prime Minister of Canada Mark Carney.\nThey spoke."
    assert pledges_of(text, UKRAINE, people(text, ZELENSKYY)) == ()


# --- parts ----------------------------------------------------------------------------------------


def test_of_which_gives_three_parts_of_one_package() -> None:
    text = (
        "The European Commission has provided Ukraine with a package of 1 billion euros, "
        "of which 120 million "
        "euros went to budget support, 330 million euros will come from the emergency reserve and another "
        "600 million euros are macro-financial assistance."
    )
    found = quantified(pledges_of(text))
    whole = next(p for p in found if p.amount == 1e9)
    parts = [p for p in found if p.parent == whole.id]
    assert sorted(p.amount for p in parts) == [1.2e8, 3.3e8, 6e8]
    assert whole.parent is None and whole.donor == "European Commission"
    assert all(p.donor == "European Commission" and p.currency == "EUR" for p in parts)
    assert next(p for p in parts if p.amount == 1.2e8).category == "financial"


def test_this_includes_names_a_part_of_the_last_pledge() -> None:
    text = (
        "President Biden announced a $1.3 billion security package for Ukraine. "
        "This includes $500 million for air defence."
    )
    persons = people(
        text, ("p1", "Joseph Biden", "President of the United States", "United States", ["President Biden"])
    )
    whole, part = quantified(pledges_of(text, WHITE_HOUSE, persons))
    assert part.parent == whole.id
    assert (whole.donor, part.donor, part.currency, part.category) == (
        "United States", "United States", "USD", "military",
    )  # fmt: skip


def test_a_sum_of_the_package_is_part_of_it() -> None:
    text = "Japan will provide $300 million of the $1 billion package for energy projects in Ukraine."
    part, whole = quantified(pledges_of(text))
    assert (part.amount, whole.amount) == (3e8, 1e9)
    assert part.parent == whole.id and whole.parent is None


def test_a_tranche_is_part_of_the_programme_named_earlier() -> None:
    text = (
        "The President thanked the European Union for the new macro-financial assistance programme worth "
        "1.2 billion euros.\n"
        "The first tranche of macro-financial assistance in the amount of 600 million euros "
        "will be paid in March."
    )
    programme, tranche = quantified(pledges_of(text, UKRAINE, people(text, ZELENSKYY)))
    assert tranche.parent == programme.id
    assert tranche.donor == programme.donor == "European Union"


def test_another_sum_is_not_a_part() -> None:
    text = (
        "Canada will provide 100 million dollars for drones, including interceptors. "
        "And another 50 million dollars for demining."
    )
    assert [p.parent for p in quantified(pledges_of(text))] == [None, None]


# --- the hard cases -------------------------------------------------------------------------------


def test_equipment_worth_a_sum_is_a_pledge_of_that_value() -> None:
    text = (
        "The Head of State thanked the Slovak government for the decision to hand over two demining systems "
        "and medical equipment worth 1.7 million euros to Ukraine."
    )
    p = only(pledges_of(text, UKRAINE, people(text, ZELENSKYY)))
    assert (p.amount, p.currency, p.donor, p.recipient, p.status) == (
        1.7e6,
        "EUR",
        "Slovakia",
        "Ukraine",
        "committed",
    )


def test_an_increased_package_is_one_pledge_at_its_final_sum() -> None:
    text = (
        "The President hoped that the US Senate will soon approve a package of additional funding, which the "
        "House of Representatives has considered and increased from $33 billion to $39.6 billion."
    )
    p = only(pledges_of(text, UKRAINE, people(text, ZELENSKYY)))
    assert (p.amount, p.currency, p.donor, p.qualifier) == (39.6e9, "USD", "United States", "exact")
    assert p.status == "under_consideration"


# --- who gives ------------------------------------------------------------------------------------

DONORS = [
    ("Canada provided 100 million dollars to Ukraine.", "Canada"),
    ("Mark Carney announced 100 million dollars for Ukraine.", "Canada"),
    ("The President thanked Canada for its readiness to allocate 100 million dollars.", "Canada"),
    ("The President thanked Mark Carney for the decision to allocate 100 million dollars.", "Canada"),
    ("The EU will mobilise €1.5bn in macro-financial assistance.", "European Union"),
    ("The World Bank will provide $350 million in emergency support.", "World Bank"),
    (
        "The President noted the $3.4 billion in defence support already provided by the United States.",
        "United States",
    ),
    (
        "The President thanked for the support to Ukraine from the European Union worth €1 billion.",
        "European Union",
    ),
    ("The President welcomed Japan's decision to extend $100 million in loans.", "Japan"),
    ("Germany has contributed €120 million to the European Peace Facility.", "Germany"),
    ("The UK will provide £2.26 billion in military support to Ukraine this year.", "United Kingdom"),
]


@pytest.mark.parametrize(("sentence", "donor"), DONORS, ids=[d[0][:40] for d in DONORS])
def test_the_donor(sentence: str, donor: str) -> None:
    text = "President of Ukraine Volodymyr Zelenskyy met Prime Minister of Canada Mark Carney.\n" + sentence
    persons = people(
        text, ZELENSKYY, ("p2", "Mark Carney", "Prime Minister of Canada", "Canada", ["Mark Carney"])
    )
    p = only(pledges_of(text, UKRAINE, persons))
    assert p.donor == donor
    assert p.recipient == "Ukraine"


def test_he_announced_is_the_last_person_who_gives() -> None:
    text = (
        "President of Ukraine Volodymyr Zelenskyy met Federal Chancellor of Germany Olaf Scholz.\n"
        "The President stressed that Ukraine needs energy security guarantees. "
        "For his part, the Federal Chancellor noted that Germany will continue to help. "
        "He announced an immediate payment of 150 million euros of the current loan."
    )
    persons = people(
        text, ZELENSKYY, ("p2", "Olaf Scholz", "Federal Chancellor of Germany", "Germany",
                          ["Olaf Scholz", "the Federal Chancellor"]),
    )  # fmt: skip
    p = only(pledges_of(text, UKRAINE, persons))
    assert (p.donor, p.amount, p.category, p.status) == ("Germany", 1.5e8, "financial", "committed")


def test_a_hosts_own_pledge_goes_to_the_other_party() -> None:
    text = (
        "The Prime Minister spoke to President Zelenskyy this afternoon.\n"
        "The Prime Minister confirmed a further £50m of humanitarian aid."
    )
    persons = people(
        text, ("p1", "Prime Minister", "Prime Minister", "United Kingdom", ["The Prime Minister"]),
        ("p2", "Volodymyr Zelenskyy", "President of Ukraine", "Ukraine", ["President Zelenskyy"]),
    )  # fmt: skip
    p = only(pledges_of(text, GOV_UK, persons))
    assert (p.donor, p.recipient, p.amount, p.currency, p.currency_inferred) == (
        "United Kingdom", "Ukraine", 5e7, "GBP", False,
    )  # fmt: skip
    assert p.category == "humanitarian"


def test_dollars_in_a_us_readout_are_us_dollars_whoever_gives() -> None:
    text = (
        "President Biden spoke with Prime Minister Trudeau of Canada.\n"
        "President Biden welcomed Canada's decision to provide $500 million in military aid to Ukraine."
    )
    persons = people(
        text, ("p1", "Joseph Biden", "President", "United States", ["President Biden"]),
        ("p2", "Justin Trudeau", "Prime Minister of Canada", "Canada", ["Prime Minister Trudeau"]),
    )  # fmt: skip
    p = only(pledges_of(text, WHITE_HOUSE, persons))
    assert (p.donor, p.recipient, p.currency, p.currency_inferred) == ("Canada", "Ukraine", "USD", True)


def test_an_additional_sum_announced_by_the_host() -> None:
    text = (
        "President Biden spoke with President Zelenskyy of Ukraine.\n"
        "President Biden announced an additional $800 million in security assistance."
    )
    persons = people(
        text, ("p1", "Joseph Biden", "President", "United States", ["President Biden"]),
        ("p2", "Volodymyr Zelenskyy", "President of Ukraine", "Ukraine", ["President Zelenskyy"]),
    )  # fmt: skip
    p = only(pledges_of(text, WHITE_HOUSE, persons))
    assert (p.donor, p.recipient, p.amount, p.currency, p.category) == (
        "United States", "Ukraine", 8e8, "USD", "military",
    )  # fmt: skip


# --- how far, and for what ------------------------------------------------------------------------

STATUSES = [
    ("Norway provided NOK 1 billion to Ukraine.", "delivered"),
    ("Norway has given NOK 1 billion to Ukraine.", "delivered"),
    ("Norway transferred NOK 1 billion to Ukraine.", "delivered"),
    ("Norway will allocate NOK 1 billion to Ukraine.", "committed"),
    ("Norway is ready to allocate NOK 1 billion to Ukraine.", "committed"),
    ("Norway decided to allocate NOK 1 billion to Ukraine.", "committed"),
    ("Norway pledged NOK 1 billion to Ukraine.", "committed"),
    ("Norway announced NOK 1 billion for Ukraine.", "committed"),
    ("Norway plans to allocate NOK 1 billion to Ukraine.", "planned"),
    ("Norway intends to provide NOK 1 billion to Ukraine.", "planned"),
    ("Norway is preparing a package of NOK 1 billion for Ukraine.", "planned"),
    ("Norway is considering allocating NOK 1 billion to Ukraine.", "under_consideration"),
]


@pytest.mark.parametrize(("sentence", "status"), STATUSES)
def test_the_status(sentence: str, status: str) -> None:
    p = only(pledges_of(sentence))
    assert (p.donor, p.recipient, p.currency, p.status) == ("Norway", "Ukraine", "NOK", status)


CATEGORIES = [
    ("for weapons and ammunition", "military"),
    ("for air defence", "military"),
    ("for drones", "military"),
    ("for the defence industry", "military"),
    ("in budget support", "financial"),
    ("in loans", "financial"),
    ("in grants", "financial"),
    ("in macro-financial assistance", "financial"),
    ("for food and medicine", "humanitarian"),
    ("to help civilians", "humanitarian"),
    ("for generators", "energy"),
    ("to repair the energy system", "energy"),
    ("for the rebuilding of schools", "reconstruction"),
    ("for recovery", "reconstruction"),
    ("for cultural heritage", "other"),
]


@pytest.mark.parametrize(("words", "category"), CATEGORIES)
def test_the_category(words: str, category: str) -> None:
    p = only(pledges_of(f"Sweden will provide SEK 500 million {words}."))
    assert p.category == category


def test_the_purpose_is_a_phrase_of_the_text() -> None:
    p = only(pledges_of("Japan will extend $100 million in loans to Ukraine, the Prime Minister said."))
    assert (p.donor, p.currency, p.category, p.purpose) == ("Japan", "USD", "financial", "loans to Ukraine")


def test_this_initiative_is_the_programme_named_before() -> None:
    text = (
        "The leaders discussed Canada’s involvement in NATO’s PURL initiative. "
        "The President thanked Canada for its readiness to allocate 500 million dollars "
        "under this initiative."
    )
    p = only(pledges_of(text, UKRAINE, people(text, ZELENSKYY)))
    assert p.purpose == "NATO’s PURL initiative"


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        ("In June, Norway provided NOK 1 billion to Ukraine.", "2025-06"),
        ("On 5 March 2024, Norway provided NOK 1 billion to Ukraine.", "2024-03-05"),
        ("In 2023, Norway provided NOK 1 billion to Ukraine.", "2023"),
        ("Norway provided NOK 1 billion to Ukraine.", None),
    ],
)
def test_the_date_the_text_gives(sentence: str, when: str | None) -> None:
    assert only(pledges_of(sentence)).when == when


def test_spans_point_at_the_amount_and_evidence_at_its_sentence() -> None:
    text = "The leaders met in Kyiv. Norway will provide over NOK 2 billion for air defence. They spoke."
    p = only(pledges_of(text))
    assert written(text, p) == "NOK 2 billion"
    assert text[p.evidence[0] : p.evidence[1]] == "Norway will provide over NOK 2 billion for air defence."
    assert p.qualifier == "over"
