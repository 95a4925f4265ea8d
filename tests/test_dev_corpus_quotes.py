"""Over the hand-annotated dev readouts, quotes, speakers and reported statements reach their targets.

The readouts are parsed in-process and scored with the shared scorer's own matching
(`tools/score_readouts.py`, loaded from the shared folder), so these figures are the ones
the scorer prints. Skipped where the shared corpus or scorer is absent.
"""

from __future__ import annotations

from typing import Any

import pytest

from readout_browser.parse.pipeline import parse_file
from shared_corpus import DEV, dev_scores, needs_scorer, scorer

pytestmark = [pytest.mark.corpus, needs_scorer]


@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, Any]]:
    """The scorer's counts for every gold file, by readout name."""
    return dev_scores()


def totals(scores: dict[str, dict[str, Any]], key: str) -> tuple[int, ...]:
    return tuple(
        sum(s[key][i] for s in scores.values()) for i in range(len(next(iter(scores.values()))[key]))
    )


def test_every_gold_readout_parses(scores: dict[str, dict[str, Any]]) -> None:
    assert len(scores) == len(list(DEV.glob("*.gold.json"))) > 0


def test_direct_quotes_f1(scores: dict[str, dict[str, Any]]) -> None:
    _, _, f1 = scorer().f1(*totals(scores, "quotes"))
    assert f1 >= 0.97


def test_speakers_of_matched_quotes(scores: dict[str, dict[str, Any]]) -> None:
    right, matched = totals(scores, "speaker")
    assert matched > 0 and right / matched >= 0.95


def test_reported_statements_f1(scores: dict[str, dict[str, Any]]) -> None:
    _, _, f1 = scorer().f1(*totals(scores, "reported"))
    assert f1 >= 0.85


def test_the_seed_gives_exactly_its_gold(scores: dict[str, dict[str, Any]]) -> None:
    seed = scores["seed-zelenskyy-carney.txt"]
    assert seed["quotes"] == (4, 4, 4)
    assert seed["speaker"] == (4, 4)
    assert seed["reported"] == (7, 7, 7)
    readout = parse_file(DEV / "seed-zelenskyy-carney.txt")
    assert [(p.name, p.title, p.country) for p in readout.people] == [
        ("Volodymyr Zelenskyy", "President of Ukraine", "Ukraine"),
        ("Mark Carney", "Prime Minister of Canada", "Canada"),
    ]
