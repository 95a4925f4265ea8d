"""The gazetteer: countries and organisations by name, short form and adjective."""

from __future__ import annotations

import pytest

from readout_browser.parse.places import places


@pytest.mark.parametrize(
    ("text", "name", "adjective"),
    [
        ("the Prime Minister of Canada", "Canada", False),
        ("the Canadian Prime Minister", "Canada", True),
        ("talks with the U.S. delegation", "United States", False),
        ("the UK will provide", "United Kingdom", False),
        ("President of the European Commission", "European Commission", False),
        ("support from the EU", "European Union", False),
        ("the Federal Republic of Germany and German partners", "Germany", False),
        ("Canada's support", "Canada", False),
        ("Ukraine’s independence", "Ukraine", False),
        ("the EU's package", "European Union", False),
        ("Côte d’Ivoire", "Côte d’Ivoire", False),
    ],
)
def test_a_place_is_found_under_its_one_name(text: str, name: str, adjective: bool) -> None:
    found = places().find(text)
    assert found, text
    assert found[0].name == name
    assert found[0].adjective is adjective
    assert text[found[0].span[0] : found[0].span[1]]


def test_words_inside_other_words_are_not_places() -> None:
    assert places().find("Chadwick usually") == []


@pytest.mark.parametrize(("country", "code"), [("Canada", "CAD"), ("Ukraine", "UAH"), ("Japan", "JPY")])
def test_a_country_has_its_current_currency(country: str, code: str) -> None:
    assert places().currency(country) == code


def test_names_are_canonical_whatever_form_is_given() -> None:
    assert places().canonical("Britain") == "United Kingdom"
    assert places().canonical("the United States") == "United States"
    assert places().canonical("Atlantis") is None
