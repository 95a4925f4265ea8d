"""Given a readout, the meeting tells what kind of encounter it was, where, when and in which formats."""

from __future__ import annotations

import pytest

from readout_browser.model import Meeting, Source
from readout_browser.parse.meeting import describe_meeting
from readout_browser.parse.segment import segment


def meeting(text: str, title: str | None = None, date: str | None = "2025-08-24") -> Meeting:
    return describe_meeting(segment(text, Source(title=title, date=date)))


@pytest.mark.parametrize(
    ("lead", "kind"),
    [
        (
            "President of Ukraine Volodymyr Zelenskyy held a meeting with Prime Minister Mark Carney.",
            "meeting",
        ),
        ("President of Ukraine Volodymyr Zelenskyy met with Prime Minister Mark Carney.", "meeting"),
        ("President of Ukraine Volodymyr Zelenskyy had a phone conversation with Mark Carney.", "phone call"),
        ("Vladimir Putin had a telephone conversation with Emmanuel Macron.", "phone call"),
        ("The Prime Minister spoke to President Zelenskyy this morning.", "phone call"),
        ("Volodymyr Zelenskyy held a video conference with Kristalina Georgieva.", "video call"),
        ("Volodymyr Zelenskyy held talks with Olaf Scholz.", "talks"),
        ("Olaf Scholz arrived in Kyiv on a visit.", "visit"),
        ("The Cabinet approved the budget.", "other"),
    ],
)
def test_the_kind_comes_from_the_lead(lead: str, kind: str) -> None:
    assert meeting(lead + " The leaders discussed energy.").kind == kind


def test_a_call_named_in_the_title_wins_over_the_talks_it_reports() -> None:
    text = "During the talks, the leaders discussed energy and the meeting of ministers."
    assert meeting(text, title="PM call with President Zelenskyy: 1 March 2022").kind == "phone call"


def test_place_date_and_formats() -> None:
    text = (
        "In Kyiv, President of Ukraine Volodymyr Zelenskyy held a meeting with Prime Minister of Canada "
        "Mark Carney in a one-on-one format and in an expanded format.\nThe leaders discussed energy."
    )
    m = meeting(text)
    assert (m.kind, m.place, m.date, m.formats) == (
        "meeting",
        "Kyiv",
        "2025-08-24",
        ("one-on-one", "expanded"),
    )


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Federal Chancellor Olaf Scholz received Jens Stoltenberg in Berlin on Monday.", "Berlin"),
        ("The talks in Brussels lasted two hours.", "Brussels"),
        ("In June, the leaders met in Madrid.", "Madrid"),
        ("The President had a phone conversation with Emmanuel Macron in Kyiv.", None),
    ],
)
def test_the_place_is_where_an_in_person_encounter_happened(text: str, place: str | None) -> None:
    assert meeting(text).place == place


def test_a_tete_a_tete_and_delegations() -> None:
    text = (
        "The Presidents held a tête-à-tête meeting, followed by talks with delegations of the two countries."
    )
    assert meeting(text).formats == ("tete-a-tete", "delegations")
