"""The find bar's query language: text to find, field filters, and messages for what is malformed."""

from __future__ import annotations

import pytest

from readout_browser.search.fold import fold, folded
from readout_browser.search.query import parse_amount, parse_query


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Zelenskyy", "zelenskyy"),
        ("Maroš Šefčovič", "maros sefcovic"),
        ("Jonas Gahr STØRE", "jonas gahr store"),
        ("Ukraine’s  energy\nsystem", "ukraine's energy system"),
        ("peace – with dignity", "peace - with dignity"),
        ("“Coalition of the Willing”", '"coalition of the willing"'),
        ("Straße", "strasse"),
    ],
)
def test_folding_ignores_case_diacritics_typography_and_spacing(typed: str, expected: str) -> None:
    assert fold(typed) == expected


@pytest.mark.parametrize(
    ("text", "needle", "found"),
    [
        ("President Zelenskyy said", "zelensky", ["Zelensky"]),
        ("Šefčovič and ŠEFČOVIČ", "sefcovic", ["Šefčovič", "ŠEFČOVIČ"]),
        ("Ukraine’s  energy", "ukraine's energy", ["Ukraine’s  energy"]),
        ("Die Straße", "strasse", ["Straße"]),
        ("no match here", "zelensky", []),
    ],
)
def test_a_folded_match_maps_back_to_the_original_characters(
    text: str, needle: str, found: list[str]
) -> None:
    assert [text[s:e] for s, e in folded(text).find_all(needle)] == found


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("100m", 1e8),
        ("1.5bn", 1.5e9),
        ("2b", 2e9),
        ("750k", 7.5e5),
        ("2,000", 2000.0),
        ("2,000.5k", 2_000_500.0),
        ("3 million", 3e6),
        ("12", 12.0),
        ("abc", None),
        ("100x", None),
        ("", None),
        ("1,00", None),
    ],
)
def test_amounts_are_read_with_their_suffixes(typed: str, amount: float | None) -> None:
    assert parse_amount(typed) == amount


@pytest.mark.parametrize(
    ("typed", "terms", "filters"),
    [
        ("", [], []),
        ("zelensky", ["zelensky"], []),
        ("Mark  Carney", ["mark carney"], []),
        ("speaker:carney", [], [("speaker", ":", "carney")]),
        ("SPEAKER:Carney", [], [("speaker", ":", "carney")]),
        ('speaker:"Mark Carney" peace', ["peace"], [("speaker", ":", "mark carney")]),
        ("donor:canada topic:energy", [], [("donor", ":", "canada"), ("topic", ":", "energy")]),
        ("recipient:ukraine currency:CAD", [], [("recipient", ":", "ukraine"), ("currency", ":", "cad")]),
        ("kind:direct", [], [("kind", ":", "direct")]),
        ("kind:rep", [], [("kind", ":", "reported")]),
        ("category:hum", [], [("category", ":", "humanitarian")]),
        ("status:under", [], [("status", ":", "under_consideration")]),
        ("status:under_consideration", [], [("status", ":", "under_consideration")]),
        ("amount>100m", [], [("amount", ">", "100m")]),
        ("amount>=1.5bn amount<3b", [], [("amount", ">=", "1.5bn"), ("amount", "<", "3b")]),
        ("amount:2b", [], [("amount", "=", "2b")]),
        (
            "security guarantees speaker:carney peace",
            ["security guarantees", "peace"],
            [("speaker", ":", "carney")],
        ),
        ('"speaker: carney"', ["speaker: carney"], []),
        ('"security gua', ["security gua"], []),
        ("10:30 meeting", ["10:30 meeting"], []),
    ],
)
def test_a_query_splits_into_text_to_find_and_filters(
    typed: str, terms: list[str], filters: list[tuple[str, str, str]]
) -> None:
    q = parse_query(typed)
    assert q.errors == ()
    assert [t.folded for t in q.terms] == terms
    assert [(f.field, f.op, f.value) for f in q.filters] == filters


def test_amount_filters_hold_the_number() -> None:
    (f,) = parse_query("amount>100m").filters
    assert f.amount == 1e8


def test_terms_and_filters_know_where_they_stand_in_the_query() -> None:
    q = parse_query("peace speaker:carney")
    assert q.terms[0].span == (0, 5)
    assert q.filters[0].span == (6, 20)


@pytest.mark.parametrize(
    ("typed", "bad", "message_has"),
    [
        ("foo:bar", "foo:bar", "unknown filter"),
        ("speaker:", "speaker:", "needs a value"),
        ("amount>", "amount>", "needs a value"),
        ("amount>abc", "amount>abc", "not an amount"),
        ("amount>100x", "amount>100x", "not an amount"),
        ("speaker>carney", "speaker>carney", "takes a colon"),
        ("kind:quoted", "kind:quoted", "direct, reported"),
        ("status:promised", "status:promised", "committed"),
        ("category:xyz", "category:xyz", "military"),
    ],
)
def test_a_malformed_filter_is_reported_with_its_place_and_a_hint(
    typed: str, bad: str, message_has: str
) -> None:
    q = parse_query(f"peace {typed} donor:canada")
    (error,) = q.errors
    assert q.text[error.span[0] : error.span[1]] == bad
    assert message_has in error.message
    assert [f.field for f in q.filters] == ["donor"]
    assert [t.folded for t in q.terms] == ["peace"]


def test_several_malformed_terms_are_all_reported_in_order() -> None:
    q = parse_query("kind:x amount>? colour:red")
    assert [q.text[e.span[0] : e.span[1]] for e in q.errors] == ["kind:x", "amount>?", "colour:red"]


def test_an_empty_query_is_empty_and_a_filter_is_not() -> None:
    assert parse_query("   ").is_empty
    assert not parse_query("kind:direct").is_empty
