"""Offices, honorifics, pronouns and host rules: resources/people.toml, compiled once.

Everything the roster knows about how readouts name people is in that file, so a user
can teach it a new office ("Taoiseach"), a new publisher's host, or a given name that
tells whom "she" stands for, without touching code.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from readout_browser.model import Source
from readout_browser.parse.tokens import words_of
from readout_browser.parse.wordlists import word_tree
from readout_browser.paths import resource


@dataclass(frozen=True)
class HostRule:
    """Whose readouts a publisher puts out, and what bare references mean that person."""

    match: tuple[str, ...]
    title: str
    office: str
    country: str
    aliases: frozenset[str]  # lower case, with "the": "the head of state"


class Roles:
    """resources/people.toml, compiled for lookups."""

    def __init__(self) -> None:
        data = tomllib.loads(resource("people.toml").read_text(encoding="utf-8"))
        titles = data.get("titles", {})
        # Offices by their first word, longest first; "the Head of State" and "the head of
        # the delegation" are both references, so each office is known in both spellings.
        self.offices: dict[str, list[tuple[str, ...]]] = {}
        for office in titles.get("offices", []):
            for variant in {office, office[0].upper() + office[1:], office.lower()}:
                words = words_of(variant)
                self.offices.setdefault(words[0], []).append(words)
        for options in self.offices.values():
            options.sort(key=len, reverse=True)
        self.modifiers = frozenset(titles.get("modifiers", []))
        self._neutral = tuple(w.lower() + " " for w in titles.get("neutral_modifiers", []))
        self.leader_words = frozenset(self.plain_office(w) for w in titles.get("leader_words", []))
        self.heads = frozenset(self.plain_office(w) for w in titles.get("heads", []))
        self.counterparts = frozenset(titles.get("counterpart_words", []))
        self.connectors = frozenset(titles.get("connectors", []))
        self.institution = frozenset(titles.get("institution_words", []))
        self.particles = frozenset(titles.get("name_particles", []))
        self.suffixes = frozenset(s.rstrip(".") for s in titles.get("name_suffixes", []))
        self.not_names = frozenset(titles.get("not_names", []))

        self.honorific_gender: dict[tuple[str, ...], str | None] = {}
        honorifics = data.get("honorifics", {})
        for gender, key in (("m", "male"), ("f", "female"), (None, "neutral")):
            for h in honorifics.get(key, []):
                self.honorific_gender[words_of(h.rstrip("."))] = gender
        # the word just before a name that may end an honorific: "Mr", "." of "Mr.", "Excellency"
        self.honorific_ends = frozenset({h[-1] for h in self.honorific_gender} | {"."})
        pronouns = data.get("pronouns", {})
        self.pronoun_gender = _genders(pronouns, "male", "female")
        self.possessive_gender = _genders(pronouns, "male_possessive", "female_possessive")
        self.given_gender = _genders(data.get("gender", {}), "male", "female")

        part = data.get("participation", {})
        self.meets_before = re.compile(
            r"(?<!\w)(?:" + word_tree(part.get("before", [])) + r")\s+(?:the\s+)?\Z"
        )
        self.meets_after = re.compile(r"\s+(?:also\s+)?(?:" + word_tree(part.get("after", [])) + r")\b")
        self.hosts = tuple(
            HostRule(
                tuple(h.get("match", [])),
                h["title"],
                h["office"],
                h["country"],
                frozenset(a.lower() for a in h.get("aliases", [])),
            )
            for h in data.get("hosts", [])
        )

    def plain_office(self, office: str) -> str:
        """An office for comparison: small letters, no hyphens, no modifier that leaves it the same."""
        o = office.lower().replace("-", " ")
        while o.startswith(self._neutral):
            o = o.split(" ", 1)[1]
        return o

    def office_fits(self, alias: str, held: str | None) -> bool:
        """Whether an office named alone ("the Chancellor") fits one a person holds ("Federal Chancellor").

        A leader word ("the Ukrainian leader") fits any head of state or government; other
        words change the office ("the Minister" is not the "Prime Minister").
        """
        if held is None:
            return False
        a, h = self.plain_office(alias), self.plain_office(held)
        return a == h or (a in self.leader_words and h in self.heads)

    def is_name_word(self, w: str) -> bool:
        """Whether a word can be part of a person's name: capitalised, no office, no institution."""
        if len(w) == 1:
            return w.isupper()
        return (
            w[0].isupper()
            and not w.isupper()
            and w not in self.not_names
            and w not in self.institution
            and w not in self.modifiers
            and w not in self.offices
        )

    def host_rule(self, source: Source) -> HostRule | None:
        """The host rule whose publisher words appear in the readout's publisher or address."""
        hay = " ".join(x for x in (source.publisher, source.url) if x).casefold()
        if not hay:
            return None
        return next((r for r in self.hosts if any(m.casefold() in hay for m in r.match)), None)


def _genders(section: dict, male: str, female: str) -> dict[str, str]:
    return {w: "m" for w in section.get(male, [])} | {w: "f" for w in section.get(female, [])}


@cache
def roles() -> Roles:
    """The people resource, loaded once per process."""
    return Roles()
