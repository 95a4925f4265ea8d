"""Given a readout, the direct quotes are the words in marks that a person is said to have spoken."""

from __future__ import annotations

import pytest

from readout_browser.model import Quote, Source
from readout_browser.parse.people import Roster, find_people
from readout_browser.parse.quotes import find_direct_quotes
from readout_browser.parse.segment import segment

UKRAINE = "Office of the President of Ukraine"
LEAD = "President of Ukraine Volodymyr Zelenskyy met with Prime Minister of Canada Mark Carney.\n"


def quotes(text: str, publisher: str | None = UKRAINE) -> tuple[tuple[Quote, ...], Roster]:
    doc = segment(text, Source(publisher=publisher))
    roster = find_people(doc)
    return find_direct_quotes(doc, roster), roster


def said(text: str, publisher: str | None = UKRAINE) -> list[tuple[str | None, str]]:
    """(speaker name, quote text) for every direct quote."""
    found, roster = quotes(text, publisher)
    out = []
    for q in found:
        person = roster.person(q.speaker)
        out.append((person.name if person else None, q.text))
    return out


Z, C = "Volodymyr Zelenskyy", "Mark Carney"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("“We must go on,” said the Head of State.", [(Z, "We must go on")], id="curly marks"),
        pytest.param('"We must go on," said the Head of State.', [(Z, "We must go on")], id="straight marks"),
        pytest.param(
            '"We must go on,” said the Head of State.', [(Z, "We must go on")], id="straight closed by curly"
        ),
        pytest.param("«We must go on», said the Head of State.", [(Z, "We must go on")], id="guillemets"),
        pytest.param("„We must go on“, said the Head of State.", [(Z, "We must go on")], id="low-high marks"),
        pytest.param(
            "“Canada stands with you. We will help,” the Prime Minister said.",
            [(C, "Canada stands with you. We will help")],
            id="the text is what stands in the marks, without the trailing comma",
        ),
        pytest.param(
            "“We must,” he said, “go on.”",
            [(Z, "We must"), (Z, "go on.")],
            id="a quote split by its attribution gives one quote per segment, same speaker",
        ),
        pytest.param(
            "The President said: “We will rebuild every city.”",
            [(Z, "We will rebuild every city.")],
            id="attribution before the quote",
        ),
        pytest.param(
            "According to Mark Carney, “Canada will be there for as long as it takes.”",
            [(C, "Canada will be there for as long as it takes.")],
            id="according to X before the quote",
        ),
        pytest.param(
            "Mark Carney stressed:\n“Canada will be there for as long as it takes.”",
            [(C, "Canada will be there for as long as it takes.")],
            id="a quote paragraph after a paragraph that ends 'X stressed:'",
        ),
        pytest.param(
            "“We thank Canada for its help,” Zelenskyy said.\n“Every drone saves lives.”",
            [(Z, "We thank Canada for its help"), (Z, "Every drone saves lives.")],
            id="a follow-up quote paragraph continues the same speaker",
        ),
        pytest.param(
            "“We thank Canada. We count on more help.\n“Every drone saves lives,” the President said.",
            [(Z, "We thank Canada. We count on more help."), (Z, "Every drone saves lives")],
            id="a quotation over two paragraphs, each opening with a mark, gives one quote each",
        ),
        pytest.param(
            "We thank Canada. We count on more help,” the President said.",
            [(Z, "We thank Canada. We count on more help")],
            id="a paragraph that closes a quote it never opened is quoted from its start",
        ),
        pytest.param(
            "The President said: “We will rebuild every city, every village\n"
            "The leaders then discussed energy.",
            [(Z, "We will rebuild every city, every village")],
            id="a quote left open ends with its paragraph",
        ),
        pytest.param(
            "The leaders discussed the “Coalition of the Willing” and the “Ramstein” format.",
            [],
            id="marks around a name or a term make no quote",
        ),
        pytest.param(
            "He said sanctions had “holes” in them. The parties discussed “green corridors” for grain.",
            [],
            id="a term in marks after a speech verb is still a term",
        ),
        pytest.param(
            "The Head of State announced that he had signed the decree “On urgent measures to support the "
            "families of the defenders of Ukraine in the regions”. It establishes the award of the President "
            "of Ukraine “For the defence of the cities and villages of Ukraine”.",
            [],
            id="a long name after decree or award makes no quote",
        ),
        pytest.param(
            "“The programme will go on until every family has a home again,” said the Head of State.",
            [(Z, "The programme will go on until every family has a home again")],
            id="a naming word inside a quote does not unmake it",
        ),
    ],
)
def test_quotes(body: str, expected: list[tuple[str | None, str]]) -> None:
    assert said(LEAD + body) == expected


def test_nested_term_stays_inside_its_quote() -> None:
    body = '"Companies will join the "Large Construction" program and more," Volodymyr Zelenskyy added.'
    assert said(LEAD + body) == [(Z, 'Companies will join the "Large Construction" program and more')]


def test_a_stray_mark_does_not_shift_later_quotes() -> None:
    body = (
        '"Will this win or will our humanity prevail?" Will autocracy dominate? That is at stake," '
        'Mark Carney said. The talks went on. "We will win," the President said. '
        '"Canada will help," the Prime Minister said.'
    )
    assert said(LEAD + body) == [
        (C, 'Will this win or will our humanity prevail?" Will autocracy dominate? That is at stake'),
        (Z, "We will win"),
        (C, "Canada will help"),
    ]


def test_a_quote_left_open_ends_where_the_next_one_opens() -> None:
    body = (
        'The President noted the crimes. "Russia is committing genocide. Commits war crimes. '
        '"Europe has not seen such crimes," he said. "We will win," said Mark Carney.'
    )
    assert said(LEAD + body) == [
        (Z, "Russia is committing genocide. Commits war crimes."),
        (Z, "Europe has not seen such crimes"),
        (C, "We will win"),
    ]


def test_a_quote_that_ends_its_sentence_is_not_attributed_by_the_next_one() -> None:
    body = "“Canada is a friend of Ukraine.” The President noted his satisfaction with relations."
    assert said(LEAD + body) == [(None, "Canada is a friend of Ukraine.")]
    body = "“Canada is a friend of Ukraine.” The President said at the press conference."
    assert said(LEAD + body) == [(Z, "Canada is a friend of Ukraine.")]


def test_speaker_cue_and_spans() -> None:
    text = LEAD + "“We must continue to exert pressure on Russia,” said the Head of State."
    found, roster = quotes(text)
    (q,) = found
    assert q.id == "q1" and q.kind == "direct"
    assert text[q.span[0] : q.span[1]] == q.text
    assert q.cue == "said" and q.cue_span is not None and text[q.cue_span[0] : q.cue_span[1]] == "said"
    assert roster.person(q.speaker) == roster.host


def test_a_gov_uk_prime_minister_who_is_never_named_speaks_as_the_prime_minister() -> None:
    text = (
        "The Prime Minister spoke to President Zelenskyy of Ukraine this morning.\n"
        "“We will not rest until Ukraine is free,” the Prime Minister said."
    )
    found, roster = quotes(text, "Prime Minister's Office, 10 Downing Street")
    (q,) = found
    speaker = roster.person(q.speaker)
    assert speaker is not None and speaker == roster.host and speaker.country == "United Kingdom"
