"""Pledges measured against careful readers on the development corpus.

Each gold readout is parsed in-process and scored by the shared scorer's own matching
(amount within 0.5%, currency among the accepted codes, donor among the accepted names;
parents compared through the matched pledges). Skipped where the shared corpus is absent.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from readout_browser.jsonform import to_dict
from readout_browser.parse.pipeline import parse_file

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV = SHARED / "corpus" / "dev"
SCORER = SHARED / "tools" / "score_readouts.py"
MIN_F1 = 0.90
MIN_PARENTS = 0.90

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not (DEV.is_dir() and SCORER.is_file()), reason="../shared/corpus/dev is absent"),
]


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_readouts", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, tuple[int, ...]]]:
    score = scorer()
    out = {}
    for gold_path in sorted(DEV.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        readout = parse_file(gold_path.with_name(gold["readout"]))
        out[gold_path.name] = score.score_one(gold, to_dict(readout), False)
    return out


def test_the_pledges_of_the_gold_readouts_are_found(scores: dict[str, dict[str, tuple[int, ...]]]) -> None:
    tp = sum(s["pledges"][0] for s in scores.values())
    predicted = sum(s["pledges"][1] for s in scores.values())
    gold = sum(s["pledges"][2] for s in scores.values())
    precision = tp / predicted if predicted else 1.0
    recall = tp / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    misses = {name: s["pledges"] for name, s in scores.items() if len(set(s["pledges"])) > 1}
    assert f1 >= MIN_F1, (
        f"pledge F1 {f1:.3f} (P {precision:.3f}, R {recall:.3f}); (tp, predicted, gold): {misses}"
    )


def test_sub_allocations_hang_under_the_right_pledge(scores: dict[str, dict[str, tuple[int, ...]]]) -> None:
    right = sum(s["parents"][0] for s in scores.values())
    total = sum(s["parents"][1] for s in scores.values())
    assert total > 0
    assert right / total >= MIN_PARENTS, {name: s["parents"] for name, s in scores.items() if s["parents"][1]}


def test_readouts_without_money_gain_no_pledges(scores: dict[str, dict[str, tuple[int, ...]]]) -> None:
    invented = {
        name: s["pledges"][1] for name, s in scores.items() if s["pledges"][2] == 0 and s["pledges"][1]
    }
    assert not invented
