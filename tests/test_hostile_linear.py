"""Given a hostile readout of any size under the cap, parsing it costs time in proportion to its length.

Each shape below once made one stage quadratic: a run of full stops (the sentence boundary),
one sentence chaining thousands of sums "of which" each part is given, or naming thousands of
donors (the donor scan), one sentence of thousands of short quotations (the quote scan), and
thousands of paragraphs each with a quote and a sum (which quote holds a sum). Each is parsed
from a file at 50 KB to 1 MB in one run; doubling the input must not more than triple the time.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest

from readout_browser.parse.pipeline import parse_file

SIZES = (50_000, 100_000, 200_000, 500_000, 1_000_000)
GROWTH = 1.5
"""Time may grow by at most this much more than the input: 3x for a doubling."""

_OPENING = "Chancellor Vries of Germany received Foreign Minister Okafor of Nigeria in Bremen on Tuesday. "


def _repeat(head: str, unit: str, tail: str, size: int) -> str:
    return head + unit * max(1, (size - len(head) - len(tail)) // len(unit)) + tail


def full_stops(size: int) -> str:
    """A readout that ends in a run of full stops."""
    return _repeat(_OPENING + "The talks went on", ".", "", size)


def of_which_chain(size: int) -> str:
    """One sentence where every sum is a part of the sum before it."""
    head = _OPENING + "Germany pledged EUR 4 billion to Nigeria"
    return _repeat(head, ", of which EUR 1 billion by Germany", ".", size)


def quote_pairs(size: int) -> str:
    """One sentence of thousands of short quotations, each with its attribution."""
    return _repeat(_OPENING + "Okafor said ", "“Yes,” said Okafor, ", "and left.", size)


def donor_mentions(size: int) -> str:
    """One sentence naming thousands of donors and recipients beside their sums."""
    return _repeat(_OPENING, "Germany provided $5 million to Nigeria; ", "and that was all.", size)


def long_readout(size: int) -> str:
    """Thousands of ordinary paragraphs, each with a quote and a sum: no stage may look at every
    quote or sum of the readout for each one it reads."""
    paragraph = (
        "Chancellor Vries received Foreign Minister Okafor of Nigeria in Bremen. “We will stand "
        "together,” the Chancellor said. Germany will provide 20 million euros to Nigeria, of which "
        "5 million for schools.\n"
    )
    return _repeat("", paragraph, "", size)


def _seconds(path: Path) -> float:
    """The processor time of one read and parse: other work on a shared machine does not count, and
    neither does Python's collector of cycles, whose passes over every live object would make any
    long run look worse than linear."""
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        parse_file(path)
        return time.process_time() - start
    finally:
        gc.enable()


def timings(shape: Callable[[int], str], folder: Path) -> list[float]:
    """Seconds to read and parse the shape at each size (the best of two runs below 500 KB)."""
    out = []
    for size in SIZES:
        path = folder / f"{shape.__name__}-{size}.txt"
        path.write_text(shape(size), encoding="utf-8")
        runs = 2 if size < 500_000 else 1
        out.append(min(_seconds(path) for _ in range(runs)))
    return out


@pytest.mark.parametrize("shape", [full_stops, of_which_chain, quote_pairs, donor_mentions, long_readout])
def test_given_a_pathological_readout_doubling_it_no_more_than_triples_the_parse_time(
    shape: Callable[[int], str], tmp_path: Path
) -> None:
    parse_file(_write(tmp_path / "warm.txt", shape(SIZES[0])))  # imports and word lists load once
    seconds = timings(shape, tmp_path)
    for (small, t_small), (large, t_large) in pairwise(zip(SIZES, seconds, strict=True)):
        allowed = GROWTH * large / small
        assert t_large / t_small <= allowed, (
            f"{shape.__name__}: {small} -> {large} bytes took {t_small:.2f} s -> {t_large:.2f} s "
            f"(x{t_large / t_small:.1f}, at most x{allowed:.1f} allowed); all: {seconds}"
        )


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
