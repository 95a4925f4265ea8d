"""The topic taxonomy: read from a file the user can edit, compiled into a trie over words.

`resources/taxonomy.toml` (a user's copy in their configuration folder wins) is a tree of
topics, each with the words and phrases that signal it; the rules a user reads are at the
head of that file. The terms are compiled once into a trie whose steps are words, so
finding them in a readout is one pass over its words, a dictionary look-up each, however
many terms the tree holds. (One regular expression alternating every term costs a
quarter of a second to compile, half the time the whole `parse` command may take.) An
edited file is compiled again the next time a readout is parsed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readout_browser.parse import datafiles, phrases
from readout_browser.parse.datafiles import DataFileError
from readout_browser.paths import resource

TAXONOMY_FILE = "taxonomy.toml"

_WORD = re.compile(r"\w+")
# A step of a term: a word (plural allowed), a word beginning (from "word*"), or a gap ("*").
WORD, STEM, GAP = phrases.WORD, phrases.STEM, phrases.GAP
Step = phrases.Step


@dataclass(frozen=True)
class TopicDef:
    """One theme of the taxonomy: its id ("military-aid/drones"), label, parent and terms."""

    id: str
    label: str
    parent: str | None
    terms: tuple[str, ...]


class _Node:
    """A point in the trie of terms: what the words so far signal, and where the next word leads."""

    __slots__ = ("gap", "seen", "stems", "terms", "topics", "words")

    def __init__(self) -> None:
        self.topics: frozenset[int] = frozenset()  # topics of the terms that end here
        self.terms: dict[str, _Node] = {}  # next word as the terms write it -> node
        self.words: dict[str, list[_Node]] = {}  # next word as a text may write it (plurals too) -> nodes
        # next word's beginning -> node, by the beginning's first letter
        self.stems: dict[str, list[tuple[str, _Node]]] = {}
        self.gap: _Node | None = None  # after skipping up to three words
        self.seen: dict[str, tuple[_Node, ...]] = {}  # next word -> nodes, remembered across readouts

    def step(self, word: str) -> tuple[_Node, ...]:
        """Where a word leads from here: by the word itself and by every beginning it has."""
        found = self.seen.get(word)
        if found is None:
            stems = self.stems.get(word[:1], ())
            found = tuple(self.words.get(word, ())) + tuple(c for s, c in stems if word.startswith(s))
            self.seen[word] = found
        return found

    def add(self, steps: tuple[Step, ...], topics: tuple[int, ...]) -> None:
        node = self
        for n, (kind, text) in enumerate(steps, 1):
            if kind == GAP:
                node.gap = node.gap or _Node()
                node = node.gap
            elif kind == STEM:
                stems = node.stems.setdefault(text[0], [])
                child = next((c for s, c in stems if s == text), None)
                if child is None:
                    child = _Node()
                    stems.append((text, child))
                node = child
            else:
                child = node.terms.get(text)
                if child is None:
                    child = node.terms[text] = _Node()
                    node.words.setdefault(text, []).append(child)
                if n == len(steps):  # the last word also in the plural: "arm" and "arms" may both be terms
                    for form in (text + "s", text + "es"):
                        if child not in node.words.setdefault(form, []):
                            node.words[form].append(child)
                node = child
        node.topics |= frozenset(topics)


@dataclass(frozen=True)
class Taxonomy:
    """The topic tree in reading order, with its terms compiled into a trie over words."""

    topics: tuple[TopicDef, ...]
    root: _Node

    def find(self, text: str) -> Iterator[tuple[int, int, tuple[int, ...]]]:
        """Every term in `text` as (start, end, topic indices), left to right.

        Where terms overlap the longest wins, and the scan goes on after it; the topic
        indices hold each matched topic and every topic above it.
        """
        lowered = text.lower()
        if len(lowered) != len(text):  # a rare letter whose lower case is longer: keep offsets true
            spans = [m.span() for m in _WORD.finditer(text)]
            words = [text[a:b].lower() for a, b in spans]
        else:
            spans = [m.span() for m in _WORD.finditer(lowered)]
            words = _WORD.findall(lowered)
        scan = _Scan(text, spans, words)
        root = self.root
        for word in set(words).difference(root.seen):
            root.step(word)
        starts = root.seen
        after = 0
        for i in [i for i, word in enumerate(words) if starts[word]]:  # most words start no term
            if i < after:
                continue
            end, topics = -1, set()
            for node in starts[words[i]]:
                end, topics = _better((end, topics), scan.longest(node, i + 1, i))
            if end >= 0:
                yield spans[i][0], spans[end][1], tuple(sorted(topics))
                after = end + 1


def _better(a: tuple[int, set[int]], b: tuple[int, set[int]]) -> tuple[int, set[int]]:
    """The longer of two matches; topics of both when they end at the same word."""
    if b[0] > a[0]:
        return b
    if b[0] == a[0] >= 0:
        return a[0], a[1] | b[1]
    return a


@dataclass(frozen=True)
class _Scan:
    """The words of one text, followed through the trie."""

    text: str
    spans: list[tuple[int, int]]
    words: list[str]

    def joined(self, i: int) -> bool:
        """Whether word i follows word i - 1 within one phrase."""
        between = self.text[self.spans[i - 1][1] : self.spans[i][0]]
        return between == " " or all(c in phrases.JOINERS for c in between)

    def longest(self, node: _Node, i: int, last: int) -> tuple[int, set[int]]:
        """The longest match from `node` on, as (index of its last word, topics), or (-1, empty).

        `last` is the word matched just before; word `i` must follow it within a phrase.
        """
        best: tuple[int, set[int]] = (last, set(node.topics)) if node.topics else (-1, set())
        if not (node.words or node.stems or node.gap):
            return best  # the end of every term that comes here
        if i < len(self.words):
            children = node.step(self.words[i])
            if children and self.joined(i):
                for child in children:
                    best = _better(best, self.longest(child, i + 1, i))
        if node.gap is not None:
            best = _better(best, self.longest(node.gap, i, last))
            j = i
            while j < min(len(self.words), i + phrases.GAP_WORDS) and self.joined(j):
                best = _better(best, self.longest(node.gap, j + 1, j))
                j += 1
        return best


def taxonomy() -> Taxonomy:
    """The compiled taxonomy, compiled again only when its file has changed."""
    return datafiles.compiled(TAXONOMY_FILE, _compile_file)


def _compile_file(data: dict[str, Any]) -> Taxonomy:
    return compile_taxonomy(read_topics(data, resource(TAXONOMY_FILE)))


def read_topics(data: dict, path: Path | str | None = None) -> tuple[TopicDef, ...]:
    """The topics of a parsed taxonomy file, parents before their children."""
    out: list[TopicDef] = []

    def invalid(what: str) -> DataFileError:
        return DataFileError(path, f"the topic taxonomy is not valid: {what}")

    def walk(table: dict, parent: str | None) -> None:
        for key, value in table.items():
            topic_id = key if parent is None else f"{parent}/{key}"
            name = "[" + topic_id.replace("/", ".") + "]"
            if not isinstance(value, dict):
                raise invalid(f"{name} should be a table")
            label = value.get("label")
            terms = value.get("terms", [])
            if not isinstance(label, str) or not label.strip():
                raise invalid(f"{name} has no label")
            if not isinstance(terms, list):
                raise invalid(f"the terms of {name} must be a list of phrases")
            try:
                phrases.check(terms, f"the terms of {name}")
            except phrases.PhraseError as e:
                raise invalid(str(e)) from None
            out.append(TopicDef(topic_id, label.strip(), parent, tuple(terms)))
            walk({k: v for k, v in value.items() if k not in ("label", "terms")}, topic_id)

    walk(data, None)
    if not out:
        raise invalid("it holds no topics")
    return tuple(out)


def compile_taxonomy(topics: tuple[TopicDef, ...]) -> Taxonomy:
    """Every term of every topic in one trie over words, each ending at the topics it signals."""
    index = {t.id: n for n, t in enumerate(topics)}

    def lineage(n: int) -> tuple[int, ...]:
        chain = [n]
        while topics[chain[-1]].parent is not None:
            chain.append(index[topics[chain[-1]].parent])
        return tuple(chain)

    root = _Node()
    for n, topic in enumerate(topics):
        chain = lineage(n)
        for term in topic.terms:
            for steps in phrases.steps(term):
                root.add(steps, chain)
    return Taxonomy(topics=topics, root=root)
