"""Given any text or bytes at all, the parser and the loaders give a well-formed readout or a
`ReadoutError`, never another exception.

A bounded, seeded number of examples runs here on every test run, with the inputs of past
crashes as explicit examples; `bench/bench_fuzz.py` runs the long search.
"""

from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from readout_browser import jsonform
from readout_browser.errors import ReadoutError
from readout_browser.model import Readout
from readout_browser.parse.loading import load_document
from readout_browser.parse.pipeline import parse_text

# The pieces readouts are made of, and the ones that broke the parser before: runs of marks,
# quotes of every kind, sums and scale words (with dotless and dotted i), "of which" chains.
PIECES = [
    "President",
    "Prime Minister",
    "Mr.",
    "Dr.",
    "U.S.",
    "H.E.",
    "Sánchez",
    "Kowalski",
    "Canada",
    "Ukraine",
    "the EU",
    "Japan's",
    "said",
    "stressed:",
    "noted that",
    "According to",
    "thanked",
    "will provide",
    "pledged",
    "allocate",
    "of which",
    "including",
    "to",
    "for",
    "We",
    "He",
    "our country",
    "$",
    "€",
    "£",
    "EUR",
    "USD",
    "5",
    "12.5",
    "1,000",
    "10" * 20,
    "million",
    "bn",
    "m\u0131llion",
    "B\u0130LLION",
    "approx\u0131mately",
    "up to",
    "more than",
    ".",
    "...",
    "!",
    "?",
    "…",
    ",",
    ";",
    ":",
    "—",
    "-",
    '"',
    "“",
    "”",
    "«",
    "»",
    "„",
    "‘",
    "’",
    "'",
    "(",
    ")",
    "[",
    "]",
    " ",
    " ",
    " ",
    "\n",
    "\t",
    "\u00a0",
    "\u2028",
    "\x1b",
    "\x00",
    "\ud800",
]
FAST = settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
SLOW = settings(FAST, max_examples=25)

readout_text = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=120).map("".join),
    st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join),
)


def assert_well_formed(r: Readout) -> None:
    """Every span lies inside the text, every number is finite, and the JSON form reads back."""
    n = len(r.text)
    spans = [*r.paragraphs, *r.sentences]
    spans += [m for p in r.people for m in p.mentions]
    spans += [s for q in r.quotes for s in (q.span, q.cue_span) if s is not None]
    spans += [s for p in r.pledges for s in (p.span, p.evidence) if s is not None]
    spans += [s for t in r.topics for s in t.spans]
    assert all(0 <= a <= b <= n for a, b in spans)
    assert all(p.amount is None or math.isfinite(p.amount) for p in r.pledges)
    assert jsonform.from_dict(json.loads(jsonform.dumps(r))) == r


def load_bytes(data: bytes, suffix: str) -> Readout | None:
    """What the loader makes of a file holding `data`: a checked readout, or None when refused."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzzed{suffix}"
        path.write_bytes(data)
        try:
            loaded = load_document(path)
        except ReadoutError:
            return None
    readout = loaded if isinstance(loaded, Readout) else parse_text(loaded[1], loaded[0])
    assert_well_formed(readout)
    return readout


@FAST
@given(readout_text)
@example("The talks ended" + "." * 3000)
@example("Canada will provide $5 m\u0131llion and 3 M\u0130LLION euros to Ukraine.")
@example("Canada will provide $1" + "0" * 400 + " to Ukraine.")
@example("Norway pledged EUR 4 billion to Chile" + ", of which EUR 1 billion by Norway" * 50 + ".")
@example("The Minister said " + "“yes” " * 300 + "and left.")
def test_the_parser_gives_a_well_formed_readout_for_any_text(text: str) -> None:
    assert_well_formed(parse_text(text))


@FAST
@given(st.one_of(readout_text.map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary(max_size=400)))
@example(b"url: http://[x\n---\nCanada will provide \xc2\xa3500 million to Ukraine.\n")
@example(b"\xff\xfe" + "Canada will provide $5 million to Ukraine.".encode("utf-16-le"))
@example("title: Visit\n---\nThe President met Mr. Ch\u0131na.\n".encode())
def test_the_text_loader_reads_or_refuses_any_bytes(data: bytes) -> None:
    load_bytes(data, ".txt")


@SLOW
@given(
    st.one_of(
        readout_text.map(lambda t: f"<html><body><p>{t}</p></body></html>".encode("utf-8", "surrogatepass")),
        st.binary(max_size=400).map(lambda b: b"<html><head><meta charset='utf-8'></head><body>" + b),
    )
)
@example(b'<html><head><meta charset="punycode"></head><body><p>The Minister met the King.</p>caf\xe9</body>')
@example(
    b"<html><body>" + b"<div>" * 400 + b"<p>The President met the Prime Minister today.</p>" + b"</body>"
)
def test_the_web_page_loader_reads_or_refuses_any_page(data: bytes) -> None:
    load_bytes(data, ".html")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@FAST
@given(
    st.fixed_dictionaries(
        {"schema": st.just("readout/1"), "text": st.text(max_size=40)},
        optional={
            key: json_values
            for key in ("source", "meeting", "people", "quotes", "pledges", "topics", "paragraphs", "amounts")
        },
    )
)
@example(
    {"schema": "readout/1", "text": "abc", "pledges": [{"id": "p1", "span": [0, 1], "amount": math.inf}]}
)
@example(
    {"schema": "readout/1", "text": "abc", "pledges": [{"id": "p1", "span": [0, 1], "amount": math.nan}]}
)
@example({"schema": "readout/1", "text": "abc", "pledges": [{"id": "p1", "span": [0, 1], "amount": 10**400}]})
@example({"schema": "readout/1", "text": "abc", "x": [[[[[[[[[[[[]]]]]]]]]]]]})
def test_the_json_loader_reads_or_refuses_any_readout_like_object(document: dict) -> None:
    load_bytes(json.dumps(document).encode(), ".json")


def test_json_nested_past_the_recursion_limit_is_refused() -> None:
    assert (
        load_bytes(
            b'{"schema": "readout/1", "text": "a", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", ".json"
        )
        is None
    )
