"""Given a readout, a plural finds its singular, each match puts the user on the right item, and a
filtered readout is cut down to what the filter keeps."""

from __future__ import annotations

from dataclasses import replace

import pytest

from readout_browser.export.subset import readout_subset
from readout_browser.model import Person, Pledge, Quote, Readout, Source, Topic
from readout_browser.search import ItemRef, parse_query, search, select
from readout_browser.search.focus import hit_target
from readout_browser.search.forms import needles
from readout_browser.selection import pledge_matches, quote_matches
from sample_readouts import span_of

TEXT = (
    "The Prime Minister met the President of Ukraine in Kyiv.\n"
    "“We will allocate 200 million dollars for joint production, including modern drones. "
    "And another 165 million dollars for strengthening drone capabilities, as well as additional "
    "funds for civilians,” the Prime Minister said.\n"
    "The leaders discussed forceful diplomacy and the countries of the region.\n"
    "The Prime Minister praised the country’s armed forces."
)


def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    starts = [0]
    for marker in (" And another", "\nThe leaders", "\nThe Prime Minister praised"):
        starts.append(text.index(marker) + 1)
    ends = [*starts[1:], len(text)]
    return tuple((s, e - 1 if text[e - 1] in " \n" else e) for s, e in zip(starts, ends, strict=True))


def _readout() -> Readout:
    t = TEXT
    quote = span_of(t, "We will allocate 200 million dollars")[0], span_of(t, "for civilians")[1]
    evidence = (quote[0] - 1, span_of(t, "the Prime Minister said.")[1])
    return Readout(
        source=Source(path="sample.txt"),
        text=t,
        people=(
            Person(
                "pm", "Mark Carney", "Prime Minister", "Canada", mentions=(span_of(t, "The Prime Minister"),)
            ),
            Person("zelenskyy", "Volodymyr Zelenskyy", "President of Ukraine", "Ukraine"),
        ),
        quotes=(Quote("q1", "direct", t[quote[0] : quote[1]], quote, speaker="pm"),),
        pledges=(
            Pledge(
                "m1", span_of(t, "200 million dollars"), "Canada", "Ukraine", 2e8, "USD", evidence=evidence
            ),
            Pledge(
                "m2", span_of(t, "165 million dollars"), "Canada", "Ukraine", 1.65e8, "USD", evidence=evidence
            ),
            Pledge(
                "m3",
                span_of(t, "additional funds"),
                "Canada",
                "Ukraine",
                None,
                parent="m1",
                evidence=evidence,
            ),
        ),
        topics=(
            Topic("military-aid", "Military aid", spans=(_sentences(t)[1],)),
            Topic(
                "military-aid/drones", "Drones", "military-aid", spans=(_sentences(t)[1], _sentences(t)[2])
            ),
            Topic("diplomacy", "Diplomacy", spans=(_sentences(t)[3],)),
        ),
        sentences=_sentences(t),
    )


READOUT = _readout()


def found(typed: str) -> list[str]:
    return [READOUT.snippet(h.span) for h in search(READOUT, parse_query(typed)).hits if h.span]


@pytest.mark.parametrize(
    ("typed", "texts"),
    [
        ("drones", ["drones", "drone"]),  # the plural finds the singular that ends a word
        ("drone", ["drone", "drone"]),  # the singular already finds the plural
        ("forces", ["forces"]),  # "forceful" is not "force"
        ("countries", ["countries", "country"]),
        ("modern drones", ["modern drones"]),
        ("ministers", ["Minister", "Minister", "Minister"]),
    ],
)
def test_a_plural_typed_also_finds_the_singular(typed: str, texts: list[str]) -> None:
    assert found(typed) == texts


@pytest.mark.parametrize("word", ["gas", "news", "process", "status", "analysis", "zelenskyy's"])
def test_words_that_only_look_plural_are_searched_as_typed(word: str) -> None:
    assert needles(word) == ((word, False),)


def test_a_plural_finds_a_topic_labelled_in_the_singular() -> None:
    hits = search(READOUT, parse_query("diplomacies")).hits
    assert ItemRef("topic", "diplomacy") in [i for h in hits if h.span is None for i in h.items]


def test_a_match_in_a_quote_that_announces_several_sums_selects_the_sum_it_describes() -> None:
    hits = search(READOUT, parse_query("drones")).hits
    targets = {READOUT.snippet(h.span): hit_target(READOUT, h) for h in hits if h.span}
    assert targets == {"drones": ItemRef("pledge", "m1"), "drone": ItemRef("pledge", "m2")}


def test_a_match_in_a_quote_outside_every_pledge_selects_the_quote() -> None:
    lone = replace(READOUT, pledges=())
    (hit,) = search(lone, parse_query("joint production")).hits
    assert hit_target(lone, hit) == ItemRef("quote", "q1")


def test_a_match_in_plain_text_selects_nothing_and_one_in_a_topic_label_selects_the_topic() -> None:
    plain = next(h for h in search(READOUT, parse_query("kyiv")).hits)
    assert hit_target(READOUT, plain) is None
    label = next(h for h in search(READOUT, parse_query("military aid")).hits if h.span is None)
    assert hit_target(READOUT, label) == ItemRef("topic", "military-aid")


def test_the_panes_keep_only_the_ids_a_search_filter_keeps() -> None:
    quote, pledge = READOUT.quotes[0], READOUT.pledges[0]
    assert quote_matches(quote, kept=None) and not quote_matches(quote, kept=set())
    assert pledge_matches(pledge, kept={"m1"}) and not pledge_matches(pledge, kept={"m2"})


def test_a_filtered_readout_keeps_its_text_and_only_the_kept_items() -> None:
    selection = select(READOUT, parse_query("amount<190m"))
    cut = readout_subset(READOUT, selection)
    assert cut.text == READOUT.text
    assert [p.id for p in cut.pledges] == ["m2"]
    assert [q.id for q in cut.quotes] == ["q1"]
    assert [p.id for p in cut.people] == ["pm"], "the speaker of the kept quote"
    unquantified = readout_subset(READOUT, replace(selection, pledges=frozenset({"m3"})))
    assert unquantified.pledges[0].parent is None, "a part whose whole is dropped stands on its own"
