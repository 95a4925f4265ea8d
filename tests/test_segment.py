"""Given a readout body, it is cut into the paragraphs and sentences a reader sees."""

from __future__ import annotations

import pytest

from readout_browser.model import Source
from readout_browser.parse.segment import segment


def sentences(text: str) -> list[str]:
    doc = segment(text, Source())
    return [text[a:b] for a, b in doc.sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Mr. Johnson met Dr. Smith in London. They talked.",
            ["Mr. Johnson met Dr. Smith in London.", "They talked."],
            id="titles Mr. and Dr. do not end a sentence",
        ),
        pytest.param(
            "Aid from the U.S. Congress was approved. It arrived in May.",
            ["Aid from the U.S. Congress was approved.", "It arrived in May."],
            id="an initialism inside a sentence does not end it",
        ),
        pytest.param(
            "The deal was signed with the U.S. The President welcomed it.",
            ["The deal was signed with the U.S.", "The President welcomed it."],
            id="an initialism ends a sentence when a new one plainly begins",
        ),
        pytest.param(
            "Vice President at Thales International S.A.S. Christoph Lanowski signed a memorandum.",
            ["Vice President at Thales International S.A.S. Christoph Lanowski signed a memorandum."],
            id="a company suffix like S.A.S. does not end the sentence",
        ),
        pytest.param(
            "The app is part of Diya.City. It grows.",
            ["The app is part of Diya.City.", "It grows."],
            id="a name with a dot inside is not a join of two paragraphs",
        ),
        pytest.param(
            "President Joseph R. Biden spoke today. He condemned the attacks.",
            ["President Joseph R. Biden spoke today.", "He condemned the attacks."],
            id="a middle initial does not end a sentence",
        ),
        pytest.param(
            '"We will win. We must go on," the President said. The talks ended.',
            ['"We will win. We must go on," the President said.', "The talks ended."],
            id="a full stop inside a quote does not end the sentence of its attribution",
        ),
        pytest.param(
            "“We will win.” The talks ended.",
            ["“We will win.”", "The talks ended."],
            id="a quote that closes after its full stop ends the sentence",
        ),
        pytest.param(
            "The talks went on and on.... They ended at dawn!!! Nobody slept.",
            ["The talks went on and on....", "They ended at dawn!!!", "Nobody slept."],
            id="a run of full stops or exclamation marks ends one sentence, once",
        ),
        pytest.param(
            "Is that all?!” she asked.). Then he left.",
            ["Is that all?!” she asked.).", "Then he left."],
            id="marks that close after a run of stops belong to the sentence they end",
        ),
        pytest.param(
            'Relations were traditionally friendly."I hope that we continue," the leader wrote.',
            ["Relations were traditionally friendly.", '"I hope that we continue," the leader wrote.'],
            id="paragraphs joined with no space are split at the join",
        ),
        pytest.param(
            "Ukraine will not give in.They still can't recognise this.",
            ["Ukraine will not give in.", "They still can't recognise this."],
            id="a join with no space between two sentences is a boundary",
        ),
        pytest.param(
            "Trade reached $ 1.2 billion in 2021. Both sides want more.",
            ["Trade reached $ 1.2 billion in 2021.", "Both sides want more."],
            id="decimal points are not boundaries",
        ),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_one_paragraph_per_line() -> None:
    text = "First paragraph. Still first.\n\n  Second paragraph.  \nThird."
    doc = segment(text, Source())
    assert [text[a:b] for a, b in doc.paragraphs] == [
        "First paragraph. Still first.",
        "Second paragraph.",
        "Third.",
    ]
    assert [text[a:b] for a, b in doc.sentences] == [
        "First paragraph.",
        "Still first.",
        "Second paragraph.",
        "Third.",
    ]


def test_a_body_joined_into_one_line_still_has_its_sentences() -> None:
    text = (
        'The President met the Prime Minister. "We agreed on much. We will meet again," he said. '
        "The leaders discussed energy.The parties agreed to continue."
    )
    assert sentences(text) == [
        "The President met the Prime Minister.",
        '"We agreed on much. We will meet again," he said.',
        "The leaders discussed energy.",
        "The parties agreed to continue.",
    ]


def test_a_stray_mark_does_not_swallow_the_rest_of_the_readout() -> None:
    text = 'He spoke of "holes in sanctions. Trade grew. "We are ready," she said. Talks ended.'
    assert sentences(text)[-1] == "Talks ended."


def test_every_sentence_lies_inside_its_paragraph_and_covers_no_gap() -> None:
    text = "A first line. With two sentences.\nA second line!\n“Quoted. Still quoted,” he said."
    doc = segment(text, Source())
    for a, b in doc.sentences:
        assert any(p0 <= a < b <= p1 for p0, p1 in doc.paragraphs)
        assert text[a:b] == text[a:b].strip()
