"""Given a readout, reported statements are the speech acts the narrator tells in its own words."""

from __future__ import annotations

import pytest

from readout_browser.model import Quote, Source
from readout_browser.parse.people import Roster, find_people
from readout_browser.parse.quotes import find_direct_quotes
from readout_browser.parse.reported import find_reported
from readout_browser.parse.segment import segment

UKRAINE = "Office of the President of Ukraine"
LEAD = "President of Ukraine Volodymyr Zelenskyy met with Prime Minister of Canada Mark Carney.\n"
Z, C = "Volodymyr Zelenskyy", "Mark Carney"


def reported(text: str, publisher: str | None = UKRAINE) -> tuple[tuple[Quote, ...], Roster]:
    doc = segment(text, Source(publisher=publisher))
    roster = find_people(doc)
    return find_reported(doc, roster, find_direct_quotes(doc, roster)), roster


def told(body: str, publisher: str | None = UKRAINE) -> list[tuple[str | None, str | None, str]]:
    """(speaker, cue, reported clause) for every reported statement after the lead."""
    text = LEAD + body
    found, roster = reported(text, publisher)
    out = []
    for q in found:
        assert text[q.span[0] : q.span[1]] == q.text
        person = roster.person(q.speaker)
        out.append((person.name if person else None, q.cue, q.text))
    return out


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Mark Carney noted that Canada is expanding sanctions against Russia.",
            [(C, "noted", "Canada is expanding sanctions against Russia")],
        ),
        (
            "The President thanked Canada for its readiness to allocate funds.",
            [(Z, "thanked", "Canada for its readiness to allocate funds")],
        ),
        (
            "Volodymyr Zelenskyy stressed that security guarantees are vital.",
            [(Z, "stressed", "security guarantees are vital")],
        ),
        (
            "In particular, the President briefed on cooperation with the United States.",
            [(Z, "briefed", "cooperation with the United States")],
        ),
        (
            "The President invited Canada to join energy projects.",
            [(Z, "invited", "Canada to join energy projects")],
        ),
        (
            "The President welcomed the decision of the Canadian government.",
            [(Z, "welcomed", "the decision of the Canadian government")],
        ),
        (
            "The Head of State called for the preservation of unity.",
            [(Z, "called for", "the preservation of unity")],
        ),
        (
            "Mark Carney, for his part, assured that support will continue.",
            [(C, "assured", "support will continue")],
        ),
        (
            "Volodymyr Zelenskyy spoke, in particular, about the blockade of ports.",
            [(Z, "spoke, in particular, about", "the blockade of ports")],
        ),
        (
            "According to Mark Carney, Canada will train more soldiers.",
            [(C, None, "Canada will train more soldiers")],
        ),
        (
            "The President also met with Prime Minister of Canada Mark Carney "
            "and informed him about the front.",
            [(Z, "informed", "him about the front")],
        ),
        (
            "Canada has frozen the assets of Russian banks, Mark Carney said.",
            [(C, "said", "Canada has frozen the assets of Russian banks")],
        ),
        (
            "“We will win,” Volodymyr Zelenskyy said, adding that the army is strong.",
            [(Z, "adding", "the army is strong")],
        ),
        (
            "Ukraine needs energy guarantees. This was stated by the President during a press conference.",
            [(Z, None, "Ukraine needs energy guarantees")],
        ),
        (
            "Canada will help rebuild Ukraine. The Prime Minister made this statement in Kyiv.",
            [(C, None, "Canada will help rebuild Ukraine")],
        ),
        (
            "Mark Carney noted that sanctions work and stressed that more will come.",
            [(C, "noted", "sanctions work and stressed that more will come")],
        ),
    ],
)
def test_a_speech_act_told_in_the_narrators_words(
    body: str, expected: list[tuple[str | None, str | None, str]]
) -> None:
    assert told(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "The leaders discussed diplomatic steps and coordination with partners.",
        "The parties agreed to continue the dialogue and noted the progress made.",
        "Both sides stressed the importance of the talks.",
        "The two presidents emphasized the need for peace.",
        "Volodymyr Zelenskyy and Mark Carney praised the new agreement.",
        "The President of Ukraine and the Prime Minister of Canada welcomed the decision.",
        "It was emphasized that the ceasefire must hold.",
        "The readiness to deepen cooperation was noted.",
        "“We must continue to exert pressure on Russia,” said the Head of State.",
        "The President said: “We will rebuild every city.”",
        "The Kremlin said the call lasted an hour.",
        "The President welcomed Mark Carney to Kyiv.",
    ],
)
def test_joint_acts_passives_and_quote_attributions_are_no_reported_statement(body: str) -> None:
    assert told(body) == []


def test_one_statement_per_sentence_and_its_span_starts_inside_it() -> None:
    text = (
        LEAD
        + "The President thanked Canada and noted that aid matters. Mark Carney added that more will come."
    )
    found, _ = reported(text)
    doc = segment(text, Source(publisher=UKRAINE))
    assert [q.id for q in found] == ["r1", "r2"]
    for q in found:
        assert q.kind == "reported"
        assert any(a <= q.span[0] < b for a, b in doc.sentences)
        assert q.cue_span is not None and text[q.cue_span[0] : q.cue_span[1]] == q.cue


@pytest.mark.parametrize(
    ("publisher", "text", "expected"),
    [
        (
            "Prime Minister's Office, 10 Downing Street",
            "The Prime Minister spoke to President Zelenskyy of Ukraine. "
            "The Prime Minister condemned Russia's attacks. President Zelenskyy updated the Prime Minister "
            "on the situation on the ground.",
            [("Prime Minister", "condemned"), ("Zelenskyy", "updated")],
        ),
        (
            "The White House",
            "President Joseph R. Biden, Jr. spoke today with President Volodymyr Zelenskyy of Ukraine. "
            "President Biden reaffirmed the support of the United States. "
            "He announced new security assistance.",
            [("Biden", "reaffirmed"), ("Biden", "announced")],
        ),
        (
            "President of Russia",
            "Vladimir Putin had a telephone conversation with President of the French Republic "
            "Emmanuel Macron. "
            "Emmanuel Macron expressed concern over the plant. The Russian leader stressed that shelling "
            "must stop.",
            [("Emmanuel Macron", "expressed"), ("Vladimir Putin", "stressed")],
        ),
        (
            "Die Bundesregierung",
            "Federal Chancellor Olaf Scholz received NATO Secretary General Jens Stoltenberg. "
            "Chancellor Scholz said Germany would meet its obligations. "
            "Mr. Stoltenberg welcomed the decision.",
            [("Olaf Scholz", "said"), ("Jens Stoltenberg", "welcomed")],
        ),
    ],
)
def test_readouts_of_other_governments(publisher: str, text: str, expected: list[tuple[str, str]]) -> None:
    found, roster = reported(text, publisher)
    got = []
    for q in found:
        person = roster.person(q.speaker)
        assert person is not None
        got.append((person.name, q.cue))
    assert len(got) == len(expected)
    for (name, cue), (want_name, want_cue) in zip(got, expected, strict=True):
        assert want_name in name and cue == want_cue
