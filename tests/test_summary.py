"""The plain-text summary: given a readout, a person at a terminal sees who, what was said, money, themes."""

from __future__ import annotations

from readout_browser.model import Meeting, Person, Pledge, Quote, Readout, Source, Topic
from readout_browser.summary import format_number, render

TEXT = (
    "President Alar Karis met Chancellor Anna Berg in Tallinn.\n"
    "“We stand together,” said Alar Karis.\n"
    "Anna Berg noted that Germany will provide up to 1.5 billion euros, of which 300 million for drones.\n"
    "It was said that more help would come."
)


def at(fragment: str) -> tuple[int, int]:
    start = TEXT.index(fragment)
    return start, start + len(fragment)


READOUT = Readout(
    source=Source(path="talks.txt", title="Talks in Tallinn", date="2025-05-01"),
    text=TEXT,
    meeting=Meeting(kind="talks", place="Tallinn", date="2025-05-01", formats=("one-on-one",)),
    people=(
        Person("p1", "Alar Karis", "President of Estonia", "Estonia", (at("Alar Karis"),)),
        Person("p2", "Anna Berg", "Chancellor", "Germany", (at("Anna Berg"),)),
    ),
    quotes=(
        Quote("q1", "direct", "We stand together", at("We stand together"), "p1", "said"),
        Quote("q2", "reported", "Germany will provide", at("Germany will provide"), "p2", "noted"),
        Quote("q3", "reported", "more help would come", at("more help would come"), None, "said"),
    ),
    pledges=(
        Pledge("g1", at("1.5 billion euros"), "Germany", "Estonia", 1.5e9, "EUR", qualifier="up_to"),
        Pledge(
            "g2", at("300 million"), "Germany", "Estonia", 3e8, "EUR",
            currency_inferred=True, purpose="drones", category="military", parent="g1",
        ),
        Pledge("g3", at("more help"), "Germany", None, None, None, category="humanitarian", status="planned"),
    ),
    topics=(
        Topic("military-aid", "Military aid", None, (at("Anna Berg noted"),)),
        Topic("military-aid/drones", "Drones", "military-aid", (at("Anna Berg noted"),)),
        Topic("diplomacy", "Diplomacy", None, (at("President Alar Karis"), at("“We stand"))),
    ),
)


def test_the_heading_names_the_readout_its_source_and_the_meeting() -> None:
    lines = render(READOUT).splitlines()
    assert lines[0] == "Talks in Tallinn"
    assert lines[1] == "  2025-05-01 · talks.txt"
    assert lines[2] == "Meeting: talks in Tallinn on 2025-05-01 (one-on-one)"


def test_participants_show_title_country_and_mentions() -> None:
    text = render(READOUT)
    assert "  Alar Karis — President of Estonia, 1 mention\n" in text
    assert "  Anna Berg — Chancellor (Germany), 1 mention\n" in text


def test_quotes_are_grouped_by_speaker_direct_first() -> None:
    text = render(READOUT)
    assert "Quotes (1 direct, 2 reported)" in text
    karis = text.index("\n  Alar Karis\n")
    berg = text.index("\n  Anna Berg\n")
    nobody = text.index("\n  Speaker not stated\n")
    assert karis < text.index("“We stand together” (said)") < berg
    assert berg < text.index("[noted] Germany will provide") < nobody < text.index("[said] more help")


def test_the_pledge_table_indents_parts_under_their_whole() -> None:
    lines = render(READOUT).splitlines()
    whole = next(line for line in lines if "up to 1.5 billion EUR" in line)
    part = lines[lines.index(whole) + 1]
    assert part.strip().startswith("└ Germany") and "300 million EUR*" in part and "drones" in part
    assert any("not stated" in line and "planned" in line for line in lines)
    assert "  * currency not stated in the text: inferred" in lines


def test_the_topic_tree_counts_sentences() -> None:
    text = render(READOUT)
    assert "Topics\n  Military aid (1 sentence)\n    Drones (1 sentence)\n  Diplomacy (2 sentences)\n" in text


def test_an_empty_readout_says_none_found() -> None:
    text = render(Readout(source=Source(), text="Nothing happened."))
    assert text.startswith("Nothing happened.\nMeeting: other")
    assert text.count("none found") == 4


def test_a_loop_of_parents_in_a_loaded_file_does_not_hang_the_summary() -> None:
    looped = Readout(
        source=Source(),
        text=TEXT,
        pledges=(Pledge("a", (0, 1), amount=1.0, parent="b"), Pledge("b", (0, 1), amount=2.0, parent="a")),
        topics=(Topic("x", "X", "y", ((0, 1),)), Topic("y", "Y", "x", ((0, 1),))),
    )
    assert "Pledges (2)" in render(looped)


def test_large_amounts_are_written_in_words() -> None:
    assert format_number(2e9) == "2 billion"
    assert format_number(1.5e9) == "1.5 billion"
    assert format_number(39.6e9) == "39.6 billion"
    assert format_number(165e6) == "165 million"
    assert format_number(1_700_000) == "1.7 million"
    assert format_number(250_000) == "250,000"
    assert format_number(1234.5) == "1,234.50"
