"""The long fuzz run: as many hostile inputs as the time allows, through the parser and the loaders.

    nice -n 19 .venv/bin/python bench/bench_fuzz.py [--minutes 5] [--seed 1] [--failures OUT.jsonl]

Every input is made from a seeded random source (so a run can be repeated): readout-like
sentences of this script's own, mutated (pieces inserted, stretches deleted or repeated into
long runs, characters swapped for rare ones), or plain random characters and bytes. Most go
to `parse_text`; some are written to a file and opened with `load_document` as a text, a web
page or readout/1 JSON. A failure is any exception other than `ReadoutError`, a span outside
the text, a number that is not finite, or a readout whose JSON form does not read back. The
run prints how many inputs each target tried and how many failed, and writes each failing
input (with its exception) as one JSON line to `--failures`.

`tests/test_hostile_fuzz.py` runs a bounded, seeded search on every test run; this is the
long one, for a person to run now and then (the issue aims at over a million inputs).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from readout_browser import jsonform
from readout_browser.errors import ReadoutError
from readout_browser.model import Readout
from readout_browser.parse.loading import load_document
from readout_browser.parse.pipeline import parse_text

SEEDS = [
    "Prime Minister Aaltonen of Finland received President Ruiz of Uruguay in Helsinki on Tuesday.",
    '"We stand with you," said the Chancellor. The President thanked Germany for its support.',
    "Canada will provide $25 million to Ukraine, of which $5 million for demining.",
    "According to Mr. Osei, the U.S. and the EU's €1.2 billion package will arrive by May.",
    "The Minister stressed: “Our country will never give up.” He announced 300 m\u0131llion hryvnias.",
    "Japan pledged up to ¥10bn (approx. USD 70m) for power lines; more than 40 generators were sent.",
    "H.E. Dr. Lindqvist noted that «the talks» went well… They agreed to meet again in Oslo.",
]
PIECES = [
    ".",
    "...",
    "!?",
    "…",
    '"',
    "“",
    "”",
    "«",
    "»",
    "‘",
    "’",
    "(",
    ")",
    ",",
    ";",
    ":",
    "—",
    "\n",
    "  ",
    "\u00a0",
    "\u2028",
    "\x1b[2J",
    "\x00",
    "\ud800",
    "of which ",
    "$",
    "€",
    "£",
    "5",
    "1,000",
    "million",
    "B\u0130LLION",
    "m\u0131llion",
    "said",
    " Mr.",
    " U.S.",
    "President ",
    "Ukraine",
    "We will allocate ",
]
RARE = "\u0131\u0130\u017f\u212a\u00df\ufb00\u0301\u200d\u202e\ufeff\U0001f600\u05d0\u0627"
LOADERS = (".txt", ".html", ".json")


def mutate(rng: random.Random, text: str) -> str:
    """One random change: a piece put in, a stretch cut out or repeated, a character swapped."""
    if not text:
        return rng.choice(PIECES)
    i = rng.randrange(len(text) + 1)
    j = min(len(text), i + rng.randrange(1, 40))
    choice = rng.randrange(5)
    if choice == 0:
        return text[:i] + rng.choice(PIECES) + text[i:]
    if choice == 1:
        return text[:i] + text[j:]
    if choice == 2:
        return text[:i] + text[i:j] * rng.randrange(2, 60) + text[j:]
    if choice == 3:
        return text[:i] + rng.choice(RARE) + text[i + 1 :]
    return text.swapcase() if rng.random() < 0.5 else text.upper()


def make_text(rng: random.Random) -> str:
    """A readout-like text with a few mutations, or now and then plain random characters."""
    if rng.random() < 0.1:
        return "".join(chr(rng.randrange(0x20, 0x3000)) for _ in range(rng.randrange(200)))
    text = " ".join(rng.sample(SEEDS, rng.randrange(1, 4)))
    for _ in range(rng.randrange(1, 6)):
        text = mutate(rng, text)
    return text


def make_file(rng: random.Random, suffix: str) -> bytes:
    """Bytes for a file of the given kind, made from a readout-like text."""
    text = make_text(rng)
    if suffix == ".html":
        charset = rng.choice(["utf-8", "punycode", "utf-16", "latin-1", "x-unknown"])
        text = f'<html><head><meta charset="{charset}"></head><body><p>{text}</p></body></html>'
    elif suffix == ".json":
        document = jsonform.to_dict(parse_text(rng.choice(SEEDS)))
        document["text"] = text if rng.random() < 0.3 else document["text"]
        key = rng.choice(["pledges", "quotes", "people", "sentences", "source", "amounts"])
        document[key] = rng.choice([None, [], [[0, 10**6]], "x", [{"amount": 1e308 * 10}], {"a": [1]}])
        text = json.dumps(document)
    data = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.1:
        data = bytearray(data)
        for _ in range(rng.randrange(1, 8)):
            if data:
                data[rng.randrange(len(data))] = rng.randrange(256)
        data = bytes(data)
    return data


def check(r: Readout) -> None:
    """Fail unless every span is inside the text, every sum finite, and the JSON form reads back."""
    n = len(r.text)
    spans = [*r.paragraphs, *r.sentences, *(m for p in r.people for m in p.mentions)]
    spans += [s for q in r.quotes for s in (q.span, q.cue_span) if s is not None]
    spans += [s for p in r.pledges for s in (p.span, p.evidence) if s is not None]
    spans += [s for t in r.topics for s in t.spans]
    assert all(0 <= a <= b <= n for a, b in spans), "a span lies outside the text"
    assert all(p.amount is None or math.isfinite(p.amount) for p in r.pledges), "a sum is not finite"
    assert jsonform.from_dict(json.loads(jsonform.dumps(r))) == r, "the JSON form does not read back"


def run_text(text: str) -> None:
    check(parse_text(text))


def run_file(folder: Path, suffix: str, data: bytes) -> None:
    path = folder / f"fuzzed{suffix}"
    path.write_bytes(data)
    try:
        loaded = load_document(path)
    except ReadoutError:
        return
    check(loaded if isinstance(loaded, Readout) else parse_text(loaded[1], loaded[0]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=5.0, help="how long to run (default 5)")
    ap.add_argument("--seed", type=int, default=1, help="the random seed (default 1)")
    ap.add_argument("--failures", type=Path, help="write each failing input here, one JSON line each")
    ap.add_argument("--file-share", type=float, default=0.05, help="share of inputs opened as files")
    ns = ap.parse_args()
    rng = random.Random(ns.seed)
    tried: Counter[str] = Counter()
    failed: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    out = ns.failures.open("w", encoding="utf-8") if ns.failures else None
    deadline = time.monotonic() + ns.minutes * 60
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="readout-fuzz-") as tmp:
        folder = Path(tmp)
        while time.monotonic() < deadline:
            for _ in range(50):  # look at the clock only now and then
                if rng.random() < ns.file_share:
                    target = f"load {rng.choice(LOADERS)}"
                    data = make_file(rng, target[5:])
                    job: Callable[[], None] = lambda t=target, d=data: run_file(folder, t[5:], d)  # noqa: E731
                    sample: str = data.decode("utf-8", "backslashreplace")
                else:
                    target = "parse_text"
                    sample = make_text(rng)
                    job = lambda s=sample: run_text(s)  # noqa: E731
                tried[target] += 1
                try:
                    job()
                except Exception as e:  # the very thing this run looks for
                    failed[target] += 1
                    kinds[f"{type(e).__name__}: {str(e)[:80]}"] += 1
                    if out is not None:
                        trace = traceback.format_exc(limit=-3)
                        out.write(json.dumps({"target": target, "input": sample, "error": trace}) + "\n")
    elapsed = time.monotonic() - started
    total = sum(tried.values())
    print(f"fuzz run: seed {ns.seed}, {elapsed / 60:.1f} min, {total:,} inputs ({total / elapsed:,.0f}/s)")
    print(f"{'target':<14}{'inputs':>12}{'failures':>10}")
    for target in ["parse_text", *(f"load {s}" for s in LOADERS)]:
        print(f"{target:<14}{tried[target]:>12,}{failed[target]:>10,}")
    for kind, count in kinds.most_common(10):
        print(f"  {count:>6} x {kind}")
    if out is not None:
        out.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
