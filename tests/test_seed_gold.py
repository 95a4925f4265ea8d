"""The seed readout parses to exactly what a careful reader finds in it.

The expectations are written out here, so this runs anywhere; where the shared corpus is
at hand, the seed's gold file is checked too, item for item, the way
`tools/score_readouts.py` matches them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

import pytest

from readout_browser.model import Pledge, Quote, Readout
from readout_browser.parse.pipeline import parse_file
from readout_browser.paths import default_seed
from shared_corpus import DEV

GOLD = DEV / "seed-zelenskyy-carney.gold.json"

ZELENSKYY, CARNEY = "Volodymyr Zelenskyy", "Mark Carney"
DIRECT = [
    (ZELENSKYY, "We must continue to exert pressure on Russia in order to end this war with dignity"),
    (ZELENSKYY, "We are counting on the presence of Canadian forces in Ukraine. This is important for us"),
    (CARNEY, "We emphasize that the approach to peace and security must follow the principle"),
    (CARNEY, "We will also allocate over 200 million dollars for the joint production of defense products"),
]
REPORTED = [  # (speaker, the start of the sentence that reports the speech act)
    (ZELENSKYY, "The Head of State thanked Mark Carney for his visit"),
    (ZELENSKYY, "In particular, the President briefed on cooperation"),
    (CARNEY, "Mark Carney noted that Canada is expanding sanctions"),
    (ZELENSKYY, "Volodymyr Zelenskyy stressed that it is important"),
    (CARNEY, "Mark Carney added that Canada supports the efforts"),
    (ZELENSKYY, "The President thanked Canada for its readiness"),
    (ZELENSKYY, "The President invited Canada to join energy projects"),
]


@pytest.fixture(scope="module")
def seed() -> Readout:
    return parse_file(default_seed())


def speaker_name(r: Readout, q: Quote | Pledge) -> str | None:
    person = r.person(q.speaker)
    return person.name if person else None


def sentence_of(r: Readout, start: str) -> tuple[int, int]:
    at = r.text.index(start)
    span = r.sentence_at(at)
    assert span is not None and span[0] == at, f"no sentence begins with {start!r}"
    return span


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", s).strip().strip("\"“”«»„").rstrip(" ,.;:").casefold()


def by_amount(r: Readout) -> dict[float | None, Pledge]:
    return {p.amount: p for p in r.pledges}


# --- written out --------------------------------------------------------------------------------


def test_two_people_with_their_titles_and_countries(seed: Readout) -> None:
    assert [(p.name, p.title, p.country) for p in seed.people] == [
        (ZELENSKYY, "President of Ukraine", "Ukraine"),
        (CARNEY, "Prime Minister of Canada", "Canada"),
    ]


def test_the_head_of_state_is_a_mention_of_zelenskyy(seed: Readout) -> None:
    (zelenskyy,) = [p for p in seed.people if p.name == ZELENSKYY]
    at = seed.text.index("The Head of State thanked")
    assert (at, at + len("The Head of State")) in zelenskyy.mentions


def test_four_direct_quotes_with_the_right_speakers(seed: Readout) -> None:
    direct = [q for q in seed.quotes if q.kind == "direct"]
    assert len(direct) == 4
    for (speaker, start), q in zip(DIRECT, direct, strict=True):
        assert q.text.startswith(start)
        assert speaker_name(seed, q) == speaker, q.text
        assert not q.text.endswith(","), "a quote's text drops the comma before its attribution"
    assert direct[0].text.endswith("The leaders’ dialogue format is the most effective path")


def test_seven_reported_statements_with_the_right_speakers(seed: Readout) -> None:
    reported = [q for q in seed.quotes if q.kind == "reported"]
    assert len(reported) == 7
    for (speaker, start), q in zip(REPORTED, reported, strict=True):
        sentence = sentence_of(seed, start)
        assert sentence[0] <= q.span[0] < sentence[1], f"{q.text!r} is not in {start!r}"
        assert speaker_name(seed, q) == speaker, start


def test_five_quantified_pledges_and_one_unquantified(seed: Readout) -> None:
    amounts = sorted((p.amount for p in seed.pledges if p.amount is not None), reverse=True)
    assert amounts == [2e9, 8e8, 5e8, 2e8, 1.65e8]
    (unquantified,) = [p for p in seed.pledges if p.amount is None]
    assert unquantified.category == "humanitarian"
    assert unquantified.donor == "Canada"
    assert all(p.donor == "Canada" and p.recipient == "Ukraine" for p in seed.pledges)


def test_the_800_million_is_part_of_the_2_billion_and_inherits_its_currency(seed: Readout) -> None:
    pledges = by_amount(seed)
    whole, part = pledges[2e9], pledges[8e8]
    assert (whole.currency, whole.currency_inferred, whole.status) == ("CAD", False, "delivered")
    assert part.parent == whole.id
    assert (part.currency, part.currency_inferred) == ("CAD", True)
    assert all(p.parent is None for p in seed.pledges if p is not part)


def test_bare_dollars_get_an_inferred_code_and_over_is_kept(seed: Readout) -> None:
    pledges = by_amount(seed)
    for amount in (5e8, 2e8, 1.65e8):
        assert pledges[amount].currency in ("CAD", "USD")
        assert pledges[amount].currency_inferred
        assert pledges[amount].status == "committed"
    assert pledges[2e8].qualifier == "over"
    assert pledges[1.65e8].qualifier == "exact"


def test_the_pledges_inside_a_quote_are_the_speakers(seed: Readout) -> None:
    pledges = by_amount(seed)
    for amount in (2e8, 1.65e8, None):
        assert speaker_name(seed, pledges[amount]) == CARNEY


def test_the_meeting_in_kyiv_in_two_formats(seed: Readout) -> None:
    assert seed.meeting.kind == "meeting"
    assert seed.meeting.place == "Kyiv"
    assert set(seed.meeting.formats) == {"one-on-one", "expanded"}


def test_the_closing_paragraphs_are_filed_under_their_themes(seed: Readout) -> None:
    top = [t for t in seed.topics if t.parent is None]

    def themes(n: int) -> set[str]:
        a, b = seed.paragraphs[n]
        return {t.label for t in top if any(a <= s < b for s, _ in t.spans)}

    assert "Energy" in themes(11)
    assert {"Recovery and reconstruction", "Veterans", "Deported children"} <= themes(12)


# --- against the gold file ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    if not GOLD.is_file():
        pytest.skip("the seed's gold file (../shared/corpus/dev) is absent")
    return json.loads(GOLD.read_text(encoding="utf-8"))


def as_list(x: Any) -> list[Any]:
    return x if isinstance(x, list) else [x]


def test_the_gold_people(seed: Readout, gold: dict[str, Any]) -> None:
    assert [(p.name, p.title, p.country) for p in seed.people] == [
        (g["name"], g["title"], g["country"]) for g in gold["people"]
    ]


def test_the_gold_direct_quotes(seed: Readout, gold: dict[str, Any]) -> None:
    direct = [q for q in seed.quotes if q.kind == "direct"]
    assert [(speaker_name(seed, q), norm(q.text)) for q in direct] == [
        (g["speaker"], norm(g["text"])) for g in gold["quotes"]
    ]


def test_the_gold_reported_statements(seed: Readout, gold: dict[str, Any]) -> None:
    reported = [q for q in seed.quotes if q.kind == "reported"]
    assert len(reported) == len(gold["reported"])
    for g, q in zip(gold["reported"], reported, strict=True):
        a, b = sentence_of(seed, g["sentence"])
        assert a <= q.span[0] < b and speaker_name(seed, q) in as_list(g["speaker"]), g["sentence"]


def test_the_gold_pledges(seed: Readout, gold: dict[str, Any]) -> None:
    assert len(seed.pledges) == len(gold["pledges"])
    matched: dict[str, Pledge] = {}
    for g in gold["pledges"]:
        candidates = [
            p
            for p in seed.pledges
            if (p.amount is None) == (g["amount"] is None)
            and (g["amount"] is None or abs(p.amount - g["amount"]) <= 0.005 * g["amount"])
            and p.donor in g["donor"]
            and (p.currency in g["currency"] if g["currency"] else True)
        ]
        assert len(candidates) == 1, f"gold pledge {g['id']}: {g.get('purpose')}"
        p = candidates[0]
        matched[g["id"]] = p
        assert (p.recipient, p.qualifier, p.status, p.category) == (
            g["recipient"], g["qualifier"], g["status"], g["category"]
        ), g["id"]  # fmt: skip
    for g in gold["pledges"]:
        expected_parent = matched[g["parent"]].id if g["parent"] else None
        assert matched[g["id"]].parent == expected_parent, g["id"]


def test_the_gold_meeting(seed: Readout, gold: dict[str, Any]) -> None:
    assert (seed.meeting.kind, seed.meeting.place) == (gold["meeting"]["kind"], gold["meeting"]["place"])
    assert set(seed.meeting.formats) == set(gold["meeting"]["formats"])
