"""One grammar for the word lists of every data file (resources/PHRASES.md): what a phrase matches
is the same whether it files a topic, marks a pledge or lists a speech verb."""

from __future__ import annotations

import re

import pytest

from readout_browser.parse import phrases
from readout_browser.parse.pledge_words import PhraseSet
from readout_browser.parse.taxonomy import TopicDef, compile_taxonomy
from readout_browser.parse.wordlists import word_tree

# (phrase, text, whether the phrase stands in the text)
CASES = [
    ("tank", "Two tanks arrived.", True),
    ("tank", "The tanker sailed.", False),
    ("budget support", "Budget Support was agreed.", True),
    ("air defence", "new air-defence systems", True),
    ("co-production", "a coproduction deal", True),
    ("co-production", "a co production deal", True),
    ("allocat*", "funds were allocated", True),
    ("presence of * forces", "the presence of forces", True),
    ("presence of * forces", "the presence of Canadian forces", True),
    ("presence of * forces", "the presence of many armed foreign troops and forces", False),
    ("drone", "DRONES were sent", True),
    ("box", "two boxes", True),
    ("grant aid", "grant\naid", False),  # never across a line break
]


def regex_finds(phrase: str, text: str) -> bool:
    return re.search(r"(?<![\w-])" + phrases.regex(phrase), text, re.IGNORECASE) is not None


def phrase_set_finds(phrase: str, text: str) -> bool:
    return bool(PhraseSet.of([phrase], "x").finditer(text, 0, len(text)))


def taxonomy_finds(phrase: str, text: str) -> bool:
    tax = compile_taxonomy((TopicDef("t", "T", None, (phrase,)),))
    return any(True for _ in tax.find(text))


@pytest.mark.parametrize(("phrase", "text", "found"), CASES)
def test_a_phrase_matches_alike_in_the_taxonomy_the_pledge_words_and_the_grammar(
    phrase: str, text: str, found: bool
) -> None:
    assert regex_finds(phrase, text) is found
    assert phrase_set_finds(phrase, text) is found
    assert taxonomy_finds(phrase, text) is found


@pytest.mark.parametrize(("phrase", "text", "found"), [c for c in CASES if "*" not in c[0]])
def test_listed_spellings_find_what_the_grammar_finds(phrase: str, text: str, found: bool) -> None:
    """Speech verbs and participation phrases are looked up by their spellings, with `JOIN` between
    words, as the speech-verb and people readers do: the same phrases come out."""
    tree = word_tree(phrases.spellings(phrase), space=phrases.JOIN)
    assert (re.search(r"(?<![\w-])(?:" + tree + r")(?![\w-])", text) is not None) is found


def test_a_lone_star_may_only_stand_between_two_words() -> None:
    with pytest.raises(phrases.PhraseError, match="between two words"):
        phrases.steps("* provide")
    assert phrases.problem("to the * market") is None


def test_a_phrase_with_marks_keeps_them() -> None:
    assert regex_finds("contact:", "Press contact: Jane Roe")
    assert not regex_finds("contact:", "They stayed in contact with")
