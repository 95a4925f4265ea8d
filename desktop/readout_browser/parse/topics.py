"""Filing a readout's sentences under the themes of the topic taxonomy.

A sentence is filed under every topic whose terms it holds, and a sentence under a finer
theme also counts for every topic above it, so a reader who opens "Military aid" sees the
drones, the air defence and the ammunition together. A theme no sentence touches is left
out of the readout's tree.

A sentence that refers back to a scheme named just before it ("under this initiative" after
"NATO's PURL program") is filed under the topics of that name too, as if it had repeated it:
readouts name a programme once and then say "the programme". The words that make a
reference are in `resources/topic_references.toml`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from readout_browser.model import Topic
from readout_browser.parse import datafiles
from readout_browser.parse.document import Document
from readout_browser.parse.taxonomy import taxonomy
from readout_browser.parse.wordlists import word_tree

REFERENCES_FILE = "topic_references.toml"

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class _References:
    """How a sentence refers back to a named scheme, compiled from `topic_references.toml`."""

    reference: re.Pattern[str]  # a determiner and a noun: "this initiative"
    noun: re.Pattern[str]  # a noun that names a scheme, in a name or a reference
    look_back: int
    name_words: int


def _compile_references(data: dict[str, Any]) -> _References:
    table = data["references"]
    nouns = word_tree(table["nouns"])
    return _References(
        reference=re.compile(rf"\b(?:{word_tree(table['determiners'])})\s+(?:{nouns})(?:e?s)?\b", re.I),
        noun=re.compile(rf"\b(?:{nouns})(?:e?s)?\b", re.I),
        look_back=int(table["look_back"]),
        name_words=int(table["name_words"]),
    )


def _references() -> _References:
    return datafiles.compiled(REFERENCES_FILE, _compile_references)


def file_topics(doc: Document) -> tuple[Topic, ...]:
    """The topics this readout touches, in taxonomy order, each with the sentences filed under it."""
    tax = taxonomy()
    starts = [s[0] for s in doc.sentences]
    filed: dict[int, set[int]] = {}
    terms: dict[int, list[tuple[int, int, tuple[int, ...]]]] = {}  # sentence -> its terms
    for start, end, topics in tax.find(doc.text):
        i = bisect_right(starts, start) - 1
        if i < 0 or start >= doc.sentences[i][1]:
            continue  # a term outside every sentence (between paragraphs) files nothing
        terms.setdefault(i, []).append((start, end, topics))
        for t in topics:
            filed.setdefault(t, set()).add(i)
    for i, topics in _referred(doc, terms).items():
        for t in topics:
            filed.setdefault(t, set()).add(i)
    return tuple(
        Topic(t.id, t.label, t.parent, spans=tuple(doc.sentences[i] for i in sorted(filed[n])))
        for n, t in enumerate(tax.topics)
        if n in filed
    )


def _referred(doc: Document, terms: dict[int, list[tuple[int, int, tuple[int, ...]]]]) -> dict[int, set[int]]:
    """Sentence -> the topics of the scheme it refers back to, for each sentence that refers to one."""
    refs = _references()
    found: dict[int, set[int]] = {}
    for j, (start, end) in enumerate(doc.sentences):
        if j == 0 or not refs.reference.search(doc.text, start, end):
            continue
        for k in range(j - 1, max(-1, j - 1 - refs.look_back), -1):
            named = _named(doc.text, doc.sentences[k], terms.get(k, ()), refs)
            if named:
                found[j] = named
                break
    return found


def _named(
    text: str, sentence: tuple[int, int], terms: Sequence[tuple[int, int, tuple[int, ...]]], refs: _References
) -> set[int]:
    """The topics of the schemes a sentence names: terms just before a noun of the list ("PURL program")."""
    named: set[int] = set()
    if not terms:
        return named
    for noun in refs.noun.finditer(text, *sentence):
        for start, end, topics in terms:
            holds = start <= noun.start() < end  # a term that is itself the name ("Ramstein format")
            before = end <= noun.start() and len(_WORD.findall(text, end, noun.start())) < refs.name_words
            if holds or before:
                named.update(topics)
    return named
