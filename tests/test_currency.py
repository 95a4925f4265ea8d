"""Currencies resolve to ISO 4217 codes from CLDR's names and symbols; the forms several
currencies share ("$", "dollars", "¥", "kr") are inferred from the publisher and the donor."""

from __future__ import annotations

import pytest

from readout_browser.model import Source
from readout_browser.parse.currency import infer, lexicon, source_country

UKRAINE = Source(
    url="https://www.president.gov.ua/en/news/some-readout", publisher="Office of the President of Ukraine"
)
WHITE_HOUSE = Source(url="https://www.whitehouse.gov/briefing-room/readout", publisher="The White House")
CANADA = Source(url="https://www.pm.gc.ca/en/news/readouts/2023/06/10/readout")


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Canadian dollars", "CAD"),
        ("canadian dollar", "CAD"),
        ("euros", "EUR"),
        ("euro", "EUR"),
        ("€", "EUR"),
        ("EUR", "EUR"),
        ("£", "GBP"),
        ("British pounds", "GBP"),
        ("pounds sterling", "GBP"),
        ("US dollars", "USD"),
        ("U.S. dollars", "USD"),
        ("US$", "USD"),
        ("CA$", "CAD"),
        ("hryvnias", "UAH"),
        ("hryvnia", "UAH"),
        ("Ukrainian hryvnias", "UAH"),
        ("₴", "UAH"),
        ("UAH", "UAH"),
        ("Norwegian kroner", "NOK"),
        ("Swedish kronor", "SEK"),
        ("Polish zlotys", "PLN"),
        ("Brazilian reals", "BRL"),
        ("South African rand", "ZAR"),
        ("Japanese yen", "JPY"),
        ("roubles", "RUB"),
        ("Swiss francs", "CHF"),
    ],
)
def test_a_written_currency_names_its_code(written: str, code: str) -> None:
    form = lexicon().form(written)
    assert form is not None and not form.ambiguous
    assert form.code == code


def test_every_code_in_use_today_is_known_without_a_hand_typed_list() -> None:
    codes = lexicon().codes
    assert {"USD", "EUR", "UAH", "CAD", "GBP", "JPY", "NOK", "KZT", "GEL", "MDL"} <= codes
    assert len(codes) > 140


@pytest.mark.parametrize("written", ["$", "dollars", "dollar", "¥", "kr", "crowns", "pounds", "francs"])
def test_shared_forms_leave_the_currency_to_be_inferred(written: str) -> None:
    form = lexicon().form(written)
    assert form is not None and form.ambiguous


# (written, donor, publisher's country, code, inferred)
INFERENCE = [
    ("$", "Canada", "Ukraine", "CAD", True),  # the donor's own dollar
    ("dollars", "Canada", "Ukraine", "CAD", True),
    ("$", "Australia", "Ukraine", "AUD", True),
    ("$", "New Zealand", None, "NZD", True),
    ("$", "Japan", "Ukraine", "USD", True),  # no dollar of its own: US dollars
    ("$", "European Union", "Ukraine", "USD", True),
    ("$", "World Bank", "Ukraine", "USD", True),
    ("$", None, None, "USD", True),
    ("$", "Canada", "United States", "USD", True),  # a US source writes "$" for US dollars
    ("$", "United States", "Canada", "CAD", True),  # a Canadian source writes it for its own
    ("¥", "Japan", None, "JPY", True),
    ("¥", "China", None, "CNY", True),
    ("¥", None, None, "JPY", True),
    ("kr", "Norway", None, "NOK", True),
    ("kr", "Denmark", "Ukraine", "DKK", True),
    ("crowns", "Czech Republic", None, "CZK", True),
    ("kr", None, None, None, True),  # no way to tell which crown
    ("pounds", "United Kingdom", "Ukraine", "GBP", True),
    ("pounds", "Egypt", None, "EGP", True),
    ("pounds", None, None, "GBP", True),
    ("Canadian dollars", "Australia", "United States", "CAD", False),  # a named currency stays
    ("€", "Canada", None, "EUR", False),
    ("UAH", "Germany", "Ukraine", "UAH", False),
]


@pytest.mark.parametrize(("written", "donor", "publisher", "code", "inferred"), INFERENCE)
def test_inference(
    written: str, donor: str | None, publisher: str | None, code: str | None, inferred: bool
) -> None:
    form = lexicon().form(written)
    assert form is not None
    assert infer(form, donor, publisher) == (code, inferred)


@pytest.mark.parametrize(
    ("source", "country"),
    [
        (UKRAINE, "Ukraine"),
        (WHITE_HOUSE, "United States"),
        (CANADA, "Canada"),
        (Source(url="https://www.gov.uk/government/news/pm-call"), "United Kingdom"),
        (Source(url="http://en.kremlin.ru/events/president/news/1"), "Russia"),
        (Source(url="https://www.elysee.fr/en/emmanuel-macron/2022/06/16"), "France"),
        (Source(url="https://ec.europa.eu/commission/presscorner/detail/en/1"), "European Union"),
        (Source(publisher="The White House"), "United States"),
        (Source(publisher="Prime Minister's Office, 10 Downing Street"), "United Kingdom"),
        (Source(publisher="Office of the President of Ukraine"), "Ukraine"),
        (Source(publisher="President of Russia"), "Russia"),
        (Source(), None),
    ],
)
def test_the_publishers_country_comes_from_the_address_or_the_name(
    source: Source, country: str | None
) -> None:
    assert source_country(source) == country
