"""Topic filing measured against careful readers: paragraph-level agreement on top-level themes.

The gold files that carry "topics" say, for each paragraph of the body, the top-level
themes a reader would file it under, using the themes SPEC.md lists. Only those themes
are scored: the taxonomy's further top levels (NATO, war crimes, ...) were not open to
the readers, so filing a paragraph there is neither right nor wrong here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readout_browser.parse.loading import load_document
from readout_browser.parse.segment import segment
from readout_browser.parse.topics import file_topics
from shared_corpus import DEV

SCORED_THEMES = (
    "Diplomacy", "Peace process", "Security guarantees", "Military aid", "Defense industry", "Sanctions",
    "Energy", "Economy and trade", "Humanitarian aid", "Recovery and reconstruction", "Veterans",
    "Deported children",
)  # fmt: skip
MIN_PRECISION = 0.8
MIN_RECALL = 0.8
MIN_F1 = 0.85

pytestmark = pytest.mark.corpus


def same_theme(gold: str, label: str) -> bool:
    """A reader's "Recovery" is the taxonomy's "Recovery and reconstruction"."""
    g, t = gold.casefold(), label.casefold()
    return g == t or t.startswith(g + " ") or g.startswith(t + " ")


def scored(label: str) -> str | None:
    return next((theme for theme in SCORED_THEMES if same_theme(theme, label)), None)


def gold_files() -> list[Path]:
    if not DEV.is_dir():
        return []
    golds = sorted(DEV.glob("*.gold.json"))
    return [p for p in golds if json.loads(p.read_text(encoding="utf-8")).get("topics")]


def agreement(gold_path: Path) -> tuple[int, int, int]:
    """(paragraph-theme pairs both gave, pairs the parser gave, pairs the reader gave)."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    loaded = load_document(gold_path.with_name(gold["readout"]))
    assert isinstance(loaded, tuple)
    doc = segment(loaded[1], loaded[0])
    top = [t for t in file_topics(doc) if t.parent is None]
    predicted: set[tuple[int, str]] = set()
    for n, (start, end) in enumerate(doc.paragraphs):
        for t in top:
            theme = scored(t.label)
            if theme and any(start <= s < end for s, _ in t.spans):
                predicted.add((n, theme))
    expected = {
        (int(n), theme)
        for n, labels in gold["topics"].items()
        if n.isdigit()
        for label in labels
        if (theme := scored(label))
    }
    return len(predicted & expected), len(predicted), len(expected)


@pytest.mark.skipif(not gold_files(), reason="no gold files with topics (../shared/corpus/dev is absent)")
def test_paragraph_topics_agree_with_the_readers() -> None:
    both = predicted = expected = 0
    for path in gold_files():
        b, p, e = agreement(path)
        both, predicted, expected = both + b, predicted + p, expected + e
    precision = both / predicted if predicted else 0.0
    recall = both / expected if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    counts = f"{both} agreed, {predicted} filed, {expected} in gold"
    summary = f"P {precision:.2f} R {recall:.2f} F1 {f1:.2f} ({counts})"
    assert precision >= MIN_PRECISION, summary
    assert recall >= MIN_RECALL, summary
    assert f1 >= MIN_F1, summary
