"""Who is named where: countries, organisations and people as parties that give or receive.

A pledge's donor and recipient are parties: a country ("Canada", "the Slovak government"),
an organisation ("the European Union", "the World Bank") or a person standing for one
("Mark Carney" for Canada, "Ursula von der Leyen" for the European Commission).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property

from readout_browser.model import Person, Span
from readout_browser.parse.currency import lexicon, source_country
from readout_browser.parse.document import Document
from readout_browser.parse.places import places
from readout_browser.parse.pledge_words import pledge_words

_OUR = re.compile(r"(?i)(?<![\w-])(?:our (?:country|state|nation|people|army|defenders|economy)|us)(?![\w-])")


@dataclass(frozen=True)
class PartyMention:
    """A party named in the text: by name, by adjective + "government", or through a person."""

    span: Span
    party: str
    person: str | None = None  # the person's id when the mention names a person


def person_party(person: Person) -> str | None:
    """The country or organisation a person stands for, from their country or their title."""
    if person.country:
        return places().canonical(person.country) or person.country
    if person.title:
        found = places().find(person.title)
        if found:
            return found[-1].name
    return None


class Parties:
    """The parties of one readout, found on demand sentence by sentence and cached."""

    def __init__(self, doc: Document, people: tuple[Person, ...]) -> None:
        self.doc = doc
        self.people = {p.id: p for p in people}
        mentions = []
        for person in people:
            party = person_party(person)
            for span in person.mentions:
                if party:
                    mentions.append(PartyMention(span, party, person.id))
        mentions.sort(key=lambda m: m.span)
        self._person_mentions = mentions
        self._person_starts = [m.span[0] for m in mentions]
        self._cache: dict[Span, list[PartyMention]] = {}

    @cached_property
    def host(self) -> str | None:
        """The publisher's country (or organisation), else the first person's."""
        return source_country(self.doc.source) or next(
            (party for p in self.people.values() if (party := person_party(p))), None
        )

    def persons_between(self, start: int, end: int) -> list[PartyMention]:
        """Mentions of people that start between `start` and `end`."""
        lo = bisect_left(self._person_starts, start)
        hi = bisect_left(self._person_starts, end)
        return self._person_mentions[lo:hi]

    def last_person_before(self, pos: int, exclude: set[str]) -> PartyMention | None:
        """The latest mention of a person before `pos` whose party is not excluded."""
        hi = bisect_right(self._person_starts, pos) - 1
        for i in range(hi, -1, -1):
            m = self._person_mentions[i]
            if m.span[1] <= pos and m.party not in exclude:
                return m
        return None

    def in_span(self, start: int, end: int) -> list[PartyMention]:
        """Every party named between `start` and `end`, in order, people first where they overlap."""
        key = (start, end)
        if key in self._cache:
            return self._cache[key]
        text = self.doc.text
        found = list(self.persons_between(start, end))
        taken = [m.span for m in found]
        words = pledge_words()
        nouns = words.adjective_nouns
        for place in places().find(text, start, end):
            s, e = place.span
            if any(a < e and s < b for a, b in taken) or words.programme_words.match(text, e):
                continue
            written = lexicon().written_at(text, s)
            if written and len(written) > e - s:
                continue  # "US dollars" names a currency, not a party
            if place.adjective:
                noun = nouns.match(text, e, end)
                if not noun:
                    continue
                e = noun[1]
            found.append(PartyMention((s, e), place.name))
        for m in self._short_names + self._state_names:
            if (
                start <= m.span[0]
                and m.span[1] <= end
                and not any(a < m.span[1] and m.span[0] < b for a, b in taken)
            ):
                found.append(m)
        found.sort(key=lambda m: m.span)
        self._cache[key] = found
        return found

    @cached_property
    def _short_names(self) -> list[PartyMention]:
        """ "The Bank", "the Commission": an organisation named before by its full name, now by
        a later word of it ("The World Bank ... The Bank approved a $300 million credit")."""
        text = self.doc.text
        short = list(pledge_words().short_name.finditer(text))
        if not short:
            return []
        out = []
        last: dict[str, str] = {}  # a word of an organisation's name -> the organisation last named
        places_found = [p for p in places().find(text) if p.kind == "organisation" and not p.adjective]
        k = 0
        for m in short:
            while k < len(places_found) and places_found[k].span[1] <= m.start():
                for word in places_found[k].name.split()[1:]:
                    last[word] = places_found[k].name
                k += 1
            party = last.get(m.group(1))
            if party and (k >= len(places_found) or places_found[k].span[0] >= m.end()):
                out.append(PartyMention(m.span(), party))
        return out

    @cached_property
    def _state_names(self) -> list[PartyMention]:
        """ "The Kingdom", "the Sultanate": the country named last before it, named again by the
        kind of state it is."""
        text = self.doc.text
        states = list(pledge_words().state_name.finditer(text))
        if not states:
            return []
        countries = [p for p in places().find(text) if p.kind == "country" and not p.adjective]
        out = []
        for m in states:
            before = [p for p in countries if p.span[1] <= m.start()]
            if before:
                out.append(PartyMention(m.span(), before[-1].name))
        return out

    def our(self, start: int, end: int) -> list[Span]:
        """Where the text says "our country", "our state" or "us" between `start` and `end`."""
        return [m.span() for m in _OUR.finditer(self.doc.text, start, end)]
