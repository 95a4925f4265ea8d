"""Amounts of money as readouts write them: every form is read to a value, a currency and a
qualifier, and years, percentages and counts of things are not money."""

from __future__ import annotations

import pytest

from readout_browser.parse.money import find_amounts, parse_amount

# (text, the amount as written, value, ISO code, currency as written, inferred, qualifier, increment)
FORMS = [
    (
        "2 billion Canadian dollars",
        "2 billion Canadian dollars",
        2e9,
        "CAD",
        "Canadian dollars",
        False,
        "exact",
        False,
    ),
    ("$ 1 billion", "$ 1 billion", 1e9, "USD", "$", True, "exact", False),
    ("$500m", "$500m", 5e8, "USD", "$", True, "exact", False),
    ("€1.5bn", "€1.5bn", 1.5e9, "EUR", "€", False, "exact", False),
    ("EUR 300 million", "EUR 300 million", 3e8, "EUR", "EUR", False, "exact", False),
    ("£40m", "£40m", 4e7, "GBP", "£", False, "exact", False),
    ("USD 1.2 billion", "USD 1.2 billion", 1.2e9, "USD", "USD", False, "exact", False),
    ("CAD 2 billion", "CAD 2 billion", 2e9, "CAD", "CAD", False, "exact", False),
    ("USD34.6 million", "USD34.6 million", 3.46e7, "USD", "USD", False, "exact", False),
    ("NOK 10 billion", "NOK 10 billion", 1e10, "NOK", "NOK", False, "exact", False),
    ("¥10 billion", "¥10 billion", 1e10, "JPY", "¥", True, "exact", False),
    ("100 million hryvnias", "100 million hryvnias", 1e8, "UAH", "hryvnias", False, "exact", False),
    ("UAH 3 billion", "UAH 3 billion", 3e9, "UAH", "UAH", False, "exact", False),
    ("1,5 billion euros", "1,5 billion euros", 1.5e9, "EUR", "euros", False, "exact", False),
    ("1.7 million euros", "1.7 million euros", 1.7e6, "EUR", "euros", False, "exact", False),
    ("200 million US dollars", "200 million US dollars", 2e8, "USD", "US dollars", False, "exact", False),
    ("12 MUSD", "12 MUSD", 1.2e7, "USD", "USD", False, "exact", False),
    ("MEUR 5", "MEUR 5", 5e6, "EUR", "MEUR", False, "exact", False),
    ("DKK 600,000", "DKK 600,000", 6e5, "DKK", "DKK", False, "exact", False),
    ("€ 120 million", "€ 120 million", 1.2e8, "EUR", "€", False, "exact", False),
    ("a $1.2-billion package", "$1.2-billion", 1.2e9, "USD", "$", True, "exact", False),
    ("C$500 million", "C$500 million", 5e8, "CAD", "C$", False, "exact", False),
    ("A$1bn", "A$1bn", 1e9, "AUD", "A$", False, "exact", False),
    ("US$ 3 million", "US$ 3 million", 3e6, "USD", "US$", False, "exact", False),
    ("₴2 billion", "₴2 billion", 2e9, "UAH", "₴", False, "exact", False),
    ("30 billion roubles", "30 billion roubles", 3e10, "RUB", "roubles", False, "exact", False),
    ("500 Danish crowns", "500 Danish crowns", 500, "DKK", "Danish crowns", False, "exact", False),
    ("2 million Swiss francs", "2 million Swiss francs", 2e6, "CHF", "Swiss francs", False, "exact", False),
    ("€40k", "€40k", 4e4, "EUR", "€", False, "exact", False),
    ("approximately 400.000 Euros", "400.000 Euros", 4e5, "EUR", "Euros", False, "about", False),
    # number words
    ("two billion euros", "two billion euros", 2e9, "EUR", "euros", False, "exact", False),
    ("half a billion dollars", "half a billion dollars", 5e8, "USD", "dollars", True, "exact", False),
    (
        "one and a half billion euros",
        "one and a half billion euros",
        1.5e9,
        "EUR",
        "euros",
        False,
        "exact",
        False,
    ),
    (
        "twenty-five million dollars",
        "twenty-five million dollars",
        2.5e7,
        "USD",
        "dollars",
        True,
        "exact",
        False,
    ),
    (
        "a quarter of a billion US dollars",
        "a quarter of a billion US dollars",
        2.5e8,
        "USD",
        "US dollars",
        False,
        "exact",
        False,
    ),
    # qualifiers and increments
    ("over 200 million dollars", "200 million dollars", 2e8, "USD", "dollars", True, "over", False),
    ("more than €2 billion", "€2 billion", 2e9, "EUR", "€", False, "over", False),
    ("exceeding $5 billion", "$5 billion", 5e9, "USD", "$", True, "over", False),
    ("at least $5 billion", "$5 billion", 5e9, "USD", "$", True, "at_least", False),
    ("$5 billion or more", "$5 billion", 5e9, "USD", "$", True, "at_least", False),
    ("up to $500 million", "$500 million", 5e8, "USD", "$", True, "up_to", False),
    ("about €1 billion", "€1 billion", 1e9, "EUR", "€", False, "about", False),
    ("around £100m", "£100m", 1e8, "GBP", "£", False, "about", False),
    ("some 50 million euros", "50 million euros", 5e7, "EUR", "euros", False, "about", False),
    ("nearly 2 billion euros", "2 billion euros", 2e9, "EUR", "euros", False, "about", False),
    ("almost $ 1 billion", "$ 1 billion", 1e9, "USD", "$", True, "about", False),
    ("less than €10 million", "€10 million", 1e7, "EUR", "€", False, "under", False),
    ("under £5m", "£5m", 5e6, "GBP", "£", False, "under", False),
    ("another 165 million dollars", "165 million dollars", 1.65e8, "USD", "dollars", True, "exact", True),
    ("an additional $ 500 million", "$ 500 million", 5e8, "USD", "$", True, "exact", True),
    ("a further €50m", "€50m", 5e7, "EUR", "€", False, "exact", True),
]


@pytest.mark.parametrize(("text", "written", "value", "code", "currency_text", "inferred", "qualifier",
                          "increment"),
                         FORMS, ids=[f[0] for f in FORMS])  # fmt: skip
def test_every_written_form_is_read(
    text: str,
    written: str,
    value: float,
    code: str,
    currency_text: str,
    inferred: bool,
    qualifier: str,
    increment: bool,
) -> None:
    (amount,) = find_amounts(text)
    assert text[amount.span[0] : amount.span[1]] == written
    assert amount.value == pytest.approx(value)
    assert amount.currency == code
    assert amount.currency_text == currency_text
    assert amount.currency_inferred is inferred
    assert amount.qualifier == qualifier
    assert amount.increment is increment


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Of this, 800 million will be allocated for drones.", 8e8),
        ("500 thousand", 5e5),
        ("2 trillion.", 2e12),
    ],
)
def test_a_bare_scaled_number_is_an_amount_without_a_currency(text: str, value: float) -> None:
    amount = parse_amount(text)
    assert amount is not None and amount.bare
    assert amount.value == value
    assert amount.currency is None and amount.currency_text is None


NOT_MONEY = [
    "Canada was one of the first countries to recognize Ukraine's independence in 1991.",
    "Trade grew by 50% last year.",
    "Luxembourg has allocated 15 percent of its defense budget.",
    "More than 5 million people have left their homes.",
    "The number of troops is about 150 thousand people.",
    "There are more than 40 million of us.",
    "Some 12 million Ukrainians were displaced.",
    "It lies 500 m from the border.",
    "The meeting takes place on June 23-24.",
    "The army grew by another 100,000 servicemen.",
    "Ukraine received 30 F-16 aircraft and a million doses of vaccine.",
    "More than 1 million 600 thousand vaccinations were carried out.",
]


@pytest.mark.parametrize("text", NOT_MONEY)
def test_years_percentages_and_counts_are_not_money(text: str) -> None:
    assert find_amounts(text) == []


def test_an_increase_is_one_amount_at_its_final_value() -> None:
    text = "The package increased from $33 billion to $39.6 billion."
    (amount,) = find_amounts(text)
    assert amount.value == pytest.approx(39.6e9)
    assert amount.low == pytest.approx(33e9)
    assert amount.qualifier == "exact"
    assert text[amount.span[0] : amount.span[1]] == "$33 billion to $39.6 billion"


@pytest.mark.parametrize(
    ("text", "low", "value"),
    [("a turnover of USD 800-900 million", 8e8, 9e8), ("between $1 billion and $2 billion", 1e9, 2e9)],
)
def test_a_range_is_one_amount_up_to_its_top(text: str, low: float, value: float) -> None:
    (amount,) = find_amounts(text)
    assert (amount.low, amount.value, amount.qualifier) == (pytest.approx(low), pytest.approx(value), "up_to")


def test_a_conversion_in_brackets_is_not_a_second_amount() -> None:
    (amount,) = find_amounts("The UK will provide £2.26 billion ($2.9 billion) this year.")
    assert (amount.value, amount.currency) == (pytest.approx(2.26e9), "GBP")


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("Emergency Grant Aid of 1 billion yen (over 7 million US dollars) was extended.", 1e9, "JPY"),
        ("This 200 million JPY (App. 3 million AUD) grant will buy trucks.", 2e8, "JPY"),
        ("Food aid: USD 2 million [approximately 300 million yen].", 2e6, "USD"),
    ],
)
def test_a_conversion_in_brackets_after_a_qualifier_is_not_a_second_amount(
    text: str, value: float, currency: str
) -> None:
    (amount,) = find_amounts(text)
    assert (amount.value, amount.currency) == (value, currency)


def test_a_bare_amount_keeps_its_place_before_a_conversion_in_brackets() -> None:
    (amount,) = find_amounts("the following assistance (52.1 million (5.21 billion JPY) in total);")
    assert (amount.value, amount.bare) == (pytest.approx(5.21e7), True)


def test_app_before_an_amount_makes_it_approximate() -> None:
    (amount,) = find_amounts("Japan extends app. 52.1 million USD in total.")
    assert (amount.value, amount.qualifier) == (pytest.approx(5.21e7), "about")


@pytest.mark.parametrize("text", ["preparations for COP28 in Dubai", "ahead of COP 29 in Baku"])
def test_a_currency_code_before_a_small_number_names_a_thing_not_money(text: str) -> None:
    assert find_amounts(text) == []


def test_amounts_are_found_in_reading_order_with_their_spans() -> None:
    text = (
        "She recalled 1 billion euros of aid, of which 120 million euros are budget support and 330 million."
    )
    amounts = find_amounts(text)
    assert [text[a.span[0] : a.span[1]] for a in amounts] == [
        "1 billion euros",
        "120 million euros",
        "330 million",
    ]
    assert [a.bare for a in amounts] == [False, False, True]


def test_a_window_of_the_text_can_be_searched() -> None:
    text = "Norway gave NOK 1 billion. Sweden gave SEK 2 billion."
    start = text.index("Sweden")
    (amount,) = find_amounts(text, start)
    assert amount.currency == "SEK" and amount.span[0] > start
