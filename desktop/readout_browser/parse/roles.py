"""Offices, honorifics, pronouns and host rules: resources/people.toml, compiled once.

Everything the roster knows about how readouts name people is in that file, so a user
can teach it a new office ("Taoiseach"), a new publisher's host, or a given name that
tells whom "she" stands for, without touching code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from readout_browser.model import Source
from readout_browser.parse import datafiles, phrases
from readout_browser.parse.places import places
from readout_browser.parse.tokens import words_of
from readout_browser.parse.wordlists import word_tree


@dataclass(frozen=True)
class HostRule:
    """Whose readouts a publisher puts out, and what bare references mean that person."""

    match: tuple[str, ...]
    title: str
    office: str
    country: str | None  # None for a rule read from the text itself, of an office of no known place
    aliases: frozenset[str]  # lower case, with "the": "the head of state"
    # Only when the readout refers to the office: a ministry or an agency also publishes other
    # officials' releases, and one publisher may speak for several offices (Prime Minister or
    # Foreign Minister on a foreign ministry's site).
    if_mentioned: bool = False

    def says_office(self, office: str | None) -> bool:
        """Whether an office as a text writes it ("Secretary", "Minister") is one of the rule's aliases."""
        return office is not None and "the " + office.casefold() in self.aliases


class Roles:
    """resources/people.toml, compiled for lookups."""

    def __init__(self, data: dict[str, Any]) -> None:
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
        self.portfolios = frozenset(w.lower() for w in titles.get("portfolio_words", []))
        self.nicknames: dict[str, str] = dict(data.get("nicknames", {}))
        self.counterparts = frozenset(titles.get("counterpart_words", []))
        self.connectors = frozenset(titles.get("connectors", []))
        self.institution = frozenset(titles.get("institution_words", []))
        self.particles = frozenset(titles.get("name_particles", []))
        self.suffixes = frozenset(s.rstrip(".") for s in titles.get("name_suffixes", []))
        self.not_names = frozenset(titles.get("not_names", []))
        self.head_of: dict[str, str] = dict(titles.get("head_of", {}))
        # "the Foreign Minister" is the "Minister for Foreign Affairs": each office's other spellings.
        self.synonyms: dict[str, tuple[str, ...]] = {}
        for group in titles.get("office_synonyms", []):
            plain = tuple(self.plain_office(o) for o in group)
            for o in plain:
                self.synonyms[o] = tuple(x for x in plain if x != o)

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
        self.styled_gender = _genders(pronouns, "male_styles", "female_styles")
        # "His Highness affirmed": a style of address standing alone for the person who bears it.
        styles = sorted(self.styled_gender, key=len, reverse=True)
        self.styled = re.compile(
            r"(?<![\w-])(?:" + "|".join(map(re.escape, styles)) + r")(?![\w-])" if styles else r"(?!)"
        )
        self.given_gender = _genders(data.get("gender", {}), "male", "female")

        part = data.get("participation", {})
        before = word_tree(phrases.all_spellings(part.get("before", [])), space=phrases.JOIN)
        self.meets_before = re.compile(r"(?<!\w)(?:" + before + r")\s+(?:the\s+)?\Z")
        after = word_tree(phrases.all_spellings(part.get("after", [])), space=phrases.JOIN)
        self.meets_after = re.compile(r"\s+(?:also\s+)?(?:" + after + r")\b")
        passing = word_tree(phrases.all_spellings(data.get("passing", {}).get("before", [])))
        self.passing_before = re.compile(r"(?<!\w)(?:" + passing + r")\s+(?:the\s+)?\Z") if passing else None
        self.hosts = tuple(
            HostRule(
                tuple(h.get("match", [])),
                h["title"],
                h["office"],
                h["country"],
                frozenset(a.lower() for a in h.get("aliases", [])),
                bool(h.get("if_mentioned", False)),
            )
            for h in data.get("hosts", [])
        )
        # Each rule's `match` entries: a phrase as whole words, or phrases joined by " + " that
        # must all be there; compiled once, and the rules found for a publisher remembered.
        self._host_words = tuple(
            (rule, tuple(tuple(_words(part) for part in m.split(" + ")) for m in rule.match))
            for rule in self.hosts
        )
        self._rules_of: dict[tuple[str, str, str], tuple[HostRule, ...]] = {}
        # A publisher no rule knows, whose line names an office and a country, speaks for that
        # office's holder ("Office of the President of X", "Prime Minister's Office of Y").
        self._publisher_offices = tuple(
            (
                tuple(_words(w) for w in o.get("words", [])),
                o["office"],
                frozenset(a.lower() for a in o["aliases"]),
            )
            for o in data.get("publisher_offices", [])
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
        words change the office ("the Minister" is not the "Prime Minister"), but the office's
        own complement or portfolio may be left out ("the Secretary" is the "Secretary of State", "the
        Minister" the "Foreign Minister").
        """
        if held is None:
            return False
        a, h = self.plain_office(alias), self.plain_office(held)
        if a == h or (a in self.leader_words and h in self.heads) or h.startswith(a + " of "):
            return True
        portfolio, _, rest = h.partition(" ")
        return rest == a and portfolio in self.portfolios

    def title_fits(self, alias: str, title: str | None) -> bool:
        """Whether an office named alone is another spelling of the office a title begins with
        (after its country): "the Foreign Minister" and "Minister for Foreign Affairs of Japan"."""
        if not title:
            return False
        t = " " + self.plain_office(title) + " "
        return any(" " + s + " " in t for s in self.synonyms.get(self.plain_office(alias), ()))

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

    def host_rules(self, source: Source) -> tuple[HostRule, ...]:
        """The host rules of a readout's publisher, best first: those whose words are in the
        publisher line outside brackets, then inside them, then in the web address's host.

        Many texts are "as reproduced by" a newswire, so the publisher line says more than the
        address; the brackets often name the newswire, so they count less.
        """
        publisher = (source.publisher or "").replace("’", "'")
        outside = re.sub(r"\([^()]*\)", " ", publisher)
        inside = " ".join(re.findall(r"\(([^()]*)\)", publisher))
        key = (outside, inside, _host_of(source.url))
        found = self._rules_of.get(key)
        if found is None:
            rules: list[HostRule] = []
            for hay in key:
                if hay.strip():
                    rules += [
                        rule
                        for rule, entries in self._host_words
                        if rule not in rules and any(all(w.search(hay) for w in e) for e in entries)
                    ]
            if not rules:
                rules = self._rule_of_publisher_line(outside)
            if len(self._rules_of) > 4096:
                self._rules_of.clear()
            found = self._rules_of[key] = tuple(rules)
        return found

    def _rule_of_publisher_line(self, line: str) -> list[HostRule]:
        """The office and country a publisher line names, as a rule: the first office its words
        name and the first country in the line; none when either is missing."""
        country = next((m.name for m in places().find(line) if m.kind == "country"), None)
        if country is None:
            return []
        for words, office, aliases in self._publisher_offices:
            if any(w.search(line) for w in words):
                return [HostRule((), f"{office} of {country}", office, country, aliases)]
        return []


def _host_of(url: str | None) -> str:
    """The host of a web address ("www.gov.uk"), or "" for none or a malformed one."""
    try:
        return (urlsplit(url).hostname or "") if url else ""
    except ValueError:
        return ""


def _words(phrase: str) -> re.Pattern[str]:
    """A phrase as whole words, small and capital letters alike, any apostrophe."""
    return re.compile(r"(?<!\w)" + re.escape(phrase.replace("’", "'")) + r"(?!\w)", re.IGNORECASE)


def _genders(section: dict, male: str, female: str) -> dict[str, str]:
    return {w: "m" for w in section.get(male, [])} | {w: "f" for w in section.get(female, [])}


def roles() -> Roles:
    """The people resource, compiled once per version of the file."""
    return datafiles.compiled("people.toml", Roles)
