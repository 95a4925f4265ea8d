"""Every one of 1,796 real press releases parses, and every item points inside its text.

The bulk corpus (addresses, decrees and event notes as well as readouts, from two
governments) is the variety no hand-written test has: nothing may raise, and every span
the parser gives (mentions, quotes and their cues, pledges and their evidence, topics,
sentences, paragraphs) must lie inside the body it was found in.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from readout_browser.model import Readout, Source, Span
from readout_browser.parse.pipeline import parse_text
from shared_corpus import BULK, needs_bulk

pytestmark = [pytest.mark.corpus, needs_bulk]


def every_span(r: Readout) -> Iterator[tuple[str, Span]]:
    for p in r.people:
        for m in p.mentions:
            yield f"mention of {p.id}", m
    for q in r.quotes:
        yield f"{q.kind} quote {q.id}", q.span
        if q.cue_span is not None:
            yield f"cue of {q.id}", q.cue_span
    for g in r.pledges:
        yield f"pledge {g.id}", g.span
        if g.evidence is not None:
            yield f"evidence of {g.id}", g.evidence
    for t in r.topics:
        for s in t.spans:
            yield f"topic {t.id}", s
    for s in r.sentences:
        yield "sentence", s
    for s in r.paragraphs:
        yield "paragraph", s


def broken_references(r: Readout) -> Iterator[str]:
    people = {p.id for p in r.people}
    pledges = {g.id for g in r.pledges}
    topics = {t.id for t in r.topics}
    for q in r.quotes:
        if q.speaker is not None and q.speaker not in people:
            yield f"quote {q.id} names unknown speaker {q.speaker}"
    for g in r.pledges:
        if g.parent is not None and g.parent not in pledges:
            yield f"pledge {g.id} names unknown parent {g.parent}"
    for t in r.topics:
        if t.parent is not None and t.parent not in topics:
            yield f"topic {t.id} names a parent not in the tree: {t.parent}"


def test_every_press_release_parses_with_every_span_inside_its_text() -> None:
    problems: list[str] = []
    count = 0
    with BULK.open(encoding="utf-8") as lines:
        for line in lines:
            item = json.loads(line)
            count += 1
            where = item["url"]
            source = Source(None, item["url"], item["title"], item["date"], item["publisher"])
            try:
                readout = parse_text(item["body"], source)
            except Exception as e:  # collect them all: one report beats one failure at a time
                problems.append(f"{where}: {type(e).__name__}: {e}")
                continue
            assert readout.text == item["body"]
            for what, (start, end) in every_span(readout):
                if not 0 <= start <= end <= len(readout.text):
                    problems.append(f"{where}: {what} {(start, end)} lies outside the text")
            problems.extend(f"{where}: {p}" for p in broken_references(readout))
    assert count == 1796
    assert not problems, f"{len(problems)} problems, first ones:\n" + "\n".join(problems[:20])
