"""Pledges measured against careful readers on the development corpus.

Each gold readout is parsed in-process and scored by the shared scorer's own matching
(amount within 0.5%, currency among the accepted codes, donor among the accepted names;
parents compared through the matched pledges). Skipped where the shared corpus is absent.
"""

from __future__ import annotations

import pytest

from shared_corpus import dev_scores, needs_scorer

MIN_F1 = 0.90
MIN_PARENTS = 0.90

pytestmark = [pytest.mark.corpus, needs_scorer]


@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, tuple[int, ...]]]:
    return dev_scores()


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
