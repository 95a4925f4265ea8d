"""Given a readout, a query keeps the right items in every pane and finds its text in reading order."""

from __future__ import annotations

import pytest

from readout_browser.search import ItemRef, parse_query, search, select
from sample_readouts import norway_call

READOUT = norway_call()
ALL_QUOTES = {"q1", "q2", "q3", "q4", "q5"}
ALL_PLEDGES = {"p1", "p2", "p3", "p4"}
ALL_TOPICS = {"diplomacy", "military-aid", "air-defence", "energy", "recovery"}


def test_without_filters_every_item_is_kept() -> None:
    sel = select(READOUT, parse_query("norway"))
    assert not sel.filtered
    assert (sel.quotes, sel.pledges, sel.topics) == (ALL_QUOTES, ALL_PLEDGES, ALL_TOPICS)
    assert sel.people == {"zelenskyy", "store", "sefcovic"}


@pytest.mark.parametrize(
    ("typed", "quotes", "pledges", "topics", "people"),
    [
        # speaker: by name (with or without diacritics), by title, by country
        ("speaker:store", {"q2", "q3"}, {"p1", "p2"}, {"military-aid", "air-defence", "energy"}, {"store"}),
        ("speaker:Støre", {"q2", "q3"}, {"p1", "p2"}, {"military-aid", "air-defence", "energy"}, {"store"}),
        ("speaker:sefcovic", {"q4"}, set(), {"energy", "recovery"}, {"sefcovic"}),
        ("speaker:president", {"q1", "q5"}, set(), {"diplomacy"}, {"zelenskyy"}),
        ("speaker:zelensky", {"q1", "q5"}, set(), {"diplomacy"}, {"zelenskyy"}),
        # kind: keeps quotes of the kind, and the pledges announced inside them
        (
            "kind:direct",
            {"q2", "q5"},
            {"p1", "p2"},
            {"diplomacy", "military-aid", "air-defence"},
            {"store", "zelenskyy"},
        ),
        (
            "kind:reported",
            {"q1", "q3", "q4"},
            {"p3", "p4"},
            {"energy", "recovery"},
            {"zelenskyy", "store", "sefcovic"},
        ),
        # pledge fields keep pledges, and the quotes those pledges stand in
        ("donor:eu", {"q4"}, {"p4"}, {"energy", "recovery"}, {"sefcovic"}),
        (
            "donor:norway",
            {"q2", "q3"},
            {"p1", "p2", "p3"},
            {"military-aid", "air-defence", "energy"},
            {"store"},
        ),
        (
            "recipient:ukraine",
            {"q2", "q3", "q4"},
            ALL_PLEDGES,
            ALL_TOPICS - {"diplomacy"},
            {"store", "sefcovic"},
        ),
        ("currency:nok", {"q2"}, {"p1", "p2"}, {"military-aid", "air-defence"}, {"store"}),
        ("currency:kroner", {"q2"}, {"p1", "p2"}, {"military-aid", "air-defence"}, {"store"}),
        ("category:energy", {"q3", "q4"}, {"p3", "p4"}, {"energy", "recovery"}, {"store", "sefcovic"}),
        ("status:planned", {"q3"}, {"p3"}, {"energy"}, {"store"}),
        ("amount>1bn", {"q2"}, {"p1"}, {"military-aid", "air-defence"}, {"store"}),
        (
            "amount<=500m",
            {"q2", "q4"},
            {"p2", "p4"},
            {"military-aid", "air-defence", "energy", "recovery"},
            {"store", "sefcovic"},
        ),
        ("amount=300m", {"q4"}, {"p4"}, {"energy", "recovery"}, {"sefcovic"}),
        ("amount<1", set(), set(), set(), set()),
        # topic: by label, keeping the topic's descendants and the items on its sentences
        ("topic:energy", {"q3", "q4"}, {"p3", "p4"}, {"energy"}, {"store", "sefcovic"}),
        ("topic:military", {"q2"}, {"p1", "p2"}, {"military-aid", "air-defence"}, {"store"}),
        ("topic:air", {"q2"}, {"p1", "p2"}, {"military-aid", "air-defence"}, {"store"}),
        # several terms combine with AND
        ("speaker:store topic:energy", {"q3"}, set(), {"energy"}, {"store"}),
        ("donor:norway amount>100m", {"q2"}, {"p1", "p2"}, {"military-aid", "air-defence"}, {"store"}),
        ("donor:norway kind:reported", {"q3"}, {"p3"}, {"energy"}, {"store"}),
        ("speaker:carney", set(), set(), set(), set()),
    ],
)
def test_filters_narrow_every_pane(
    typed: str, quotes: set[str], pledges: set[str], topics: set[str], people: set[str]
) -> None:
    q = parse_query(typed)
    assert q.errors == ()
    sel = select(READOUT, q)
    assert sel.filtered
    assert sel.quotes == quotes
    assert sel.pledges == pledges
    assert sel.topics == topics
    assert sel.people == people


def _hit_texts(typed: str) -> list[str | None]:
    return [
        None if h.span is None else READOUT.snippet(h.span) for h in search(READOUT, parse_query(typed)).hits
    ]


@pytest.mark.parametrize(
    ("typed", "texts"),
    [
        ("zelensky", ["Zelensky"]),
        ("støre", ["Støre", "Støre", "Støre"]),
        ("STORE", ["Støre", "Støre", "Støre"]),
        ("sefcovic", ["Šefčovič"]),
        ("ukraine's energy", ["Ukraine’s energy"]),
        ("norway", ["Norway", "Norway", "Norway", "Norway"]),
        ("kroner", ["kroner", "kroner"]),
        ("nothing like this", []),
        # topic labels are searched too; a label hit stands at the start of the topic's first sentence
        ("air defence", [None, "air defence"]),
        ("recovery", [None, "recovery"]),
        ("reconstruction", [None]),
        # several phrases: hits of either, in reading order
        ('"gahr" "head of state"', ["Gahr", "Head of State", "Gahr", "Gahr"]),
    ],
)
def test_text_is_found_in_reading_order_ignoring_case_and_diacritics(
    typed: str, texts: list[str | None]
) -> None:
    assert _hit_texts(typed) == texts


def test_filters_limit_the_hits_to_the_kept_items() -> None:
    assert _hit_texts("norway speaker:store") == ["Norway", "Norway"]
    assert _hit_texts("norway topic:diplomacy") == ["Norway"]
    assert _hit_texts("energy kind:direct") == []
    assert _hit_texts("energy topic:military") == []


def test_a_hit_names_the_items_it_falls_in() -> None:
    hits = search(READOUT, parse_query("ammunition")).hits
    (hit,) = hits
    assert hit.items == (
        ItemRef("quote", "q2"),
        ItemRef("pledge", "p1"),
        ItemRef("pledge", "p2"),
        ItemRef("topic", "air-defence"),
    )
    (name_hit,) = search(READOUT, parse_query("Volodymyr")).hits
    assert ItemRef("person", "zelenskyy") in name_hit.items


def test_a_topic_label_hit_stands_where_the_topic_first_sentence_does() -> None:
    hits = search(READOUT, parse_query("reconstruction")).hits
    (hit,) = hits
    assert hit.span is None
    assert hit.items == (ItemRef("topic", "recovery"),)
    assert hit.anchor == READOUT.topic("recovery").spans[0][0]


def test_a_query_of_filters_alone_has_no_hits() -> None:
    assert search(READOUT, parse_query("speaker:store")).hits == ()


def test_a_malformed_filter_does_not_stop_the_rest_of_the_query() -> None:
    q = parse_query("norway kind:quoted speaker:store")
    assert len(q.errors) == 1
    result = search(READOUT, q)
    assert result.selection.quotes == {"q2", "q3"}
    assert len(result.hits) == 2
