"""Who takes part in a readout or speaks, and every place the text refers to them.

A readout introduces its people with their office before the name ("President of
Ukraine Volodymyr Zelenskyy", "NATO Secretary General Jens Stoltenberg") and then refers
back to them by surname, by a title alias ("the Head of State", "the Canadian Prime
Minister", "the Federal Chancellor") or by a pronoun as the subject of a speech verb ("he
said"). The roster is built in four steps:

1. names: from introductions, from the readout's metadata title, from names that stand
   where a speaker or a participant stands, and their surnames and other spellings;
2. the host: the person on whose behalf the readout is published (a rule per publisher,
   else the lead sentence's subject); a host never named is listed by the office's title;
3. one pass in reading order that resolves every alias and pronoun against what has been
   read so far (the most recent fitting person wins);
4. merges of what turned out to be one person (a title seen before its holder was named),
   and the choice of who is listed: participants and speakers, not people mentioned in
   passing.

The office words, host rules, pronouns and given names are data (resources/people.toml,
read by `roles`); this module holds only the reading rules.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass, field

from readout_browser.model import Person, Span
from readout_browser.parse.document import Document
from readout_browser.parse.marks import label_line, opens_with_mark
from readout_browser.parse.names import name_words, same_name, similar_given, similar_surname
from readout_browser.parse.places import places
from readout_browser.parse.roles import HostRule, roles
from readout_browser.parse.roster import as_day, holder_on
from readout_browser.parse.speech import lexicon
from readout_browser.parse.titles import TitleHit, TitleReader
from readout_browser.parse.tokens import Tokens

# he, He, she or She as a word; the first letter is read before the check that no word runs into
# it, which lets the regex engine skip from one h or s to the next.
_PRONOUN = re.compile(r"([hHsS](?<![\w-][hHsS])(?:(?<=[hH])e|(?<=[sS])he))(?![\w-])")
_OBJECT_PRONOUN = re.compile(r"(him|her)\b")
_FOR_HIS_PART = re.compile(r"\b[Ff]or (his|her) part,\s*\Z")
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?\Z")
_COORDINATED = re.compile(r"\s+and\s+")
_JOINED_AFTER = re.compile(r"\s+(?:and|or)\b|\s*,")
# What stands before a speech verb whose subject follows it: `...,” said X`, `..., added X`.
# A hyphen counts as a dash only with a space before it: "Akufo-Addo told X" is no inversion.
_INVERSION_BEFORE = re.compile(r"(?:[,;:\"”’»—–]|\s-)\s*[A-Za-z]+(?:\s+[a-z]+)?\s*\Z")
_SET_OFF_TITLE = re.compile(r",\s*(?:the\s+|The\s+)?[A-Z][^,.;:!?\"“”\n]{2,100}(?=,)")
_RELATIVE_AFTER = re.compile(r",\s*who\s+[^,.;:!?\"“”\n]{2,120}(?=,)")
_SPEAKER_LABEL = re.compile(r"\s*:\s*[\"“„«‘]")
_CLOSING_MARKS = "\"”»’'"
_DASH_START = re.compile(r"\s*[-–—]\s*\Z")
_OF_THE = re.compile(r"\b(?:of|the)\b", re.IGNORECASE)
# "I" as the subject of a verb: a release in one official's own words.
_FIRST_PERSON = re.compile(r"(?<![\w’'-])I(?![\w’'-])")
# After a speaker's name, a transcript's turn: "Vladimir Putin: Mr Chancellor, ..." (not a label
# over quotation paragraphs: "Quotes from Minister X:" and a line break).
_TURN = re.compile(r":[ \t]+(?=[^\s\"“„«‘])")
# A closing signature line: "Jane Doe, President of the X" (or "- Jane Doe, ...").
_SIGNATURE_LINE = re.compile(r"[-–—]?\s*([A-Z][^\s,]+(?:\s+[^\s,]+){1,4}),\s+([^\n.;:!?\"“”]{3,120})\s*\Z")
_PRONOUN_REACH = 2000  # characters back that "he" or "she" may look for its person


@dataclass(eq=False)
class _P:
    """A person while the roster is being built."""

    name: str | None
    title: str | None = None
    country: str | None = None
    office: str | None = None
    places: frozenset[str] = frozenset()
    offices: frozenset[str] = frozenset()  # more offices held: "The OSCE Chairperson-in-Office, Minister X"
    gender: str | None = None
    host: bool = False
    placeholder: bool = False  # known by a title only, so far
    counterpart: bool = False  # known only as someone's counterpart
    participant: bool = False
    speaks: bool = False
    subject: bool = False  # the subject of some clause
    met: bool = False  # the object of a meeting: "met with X", "a call with X"
    from_title: bool = False
    from_roster: bool = False  # the name is the dated roster's, not the text's
    merged_into: _P | None = field(default=None, repr=False)

    def root(self) -> _P:
        p = self
        while p.merged_into is not None:
            p = p.merged_into
        return p

    @property
    def words(self) -> list[str]:
        return name_words(self.name, roles().suffixes) if self.name else []

    @property
    def surname(self) -> str | None:
        words = [w for w in self.words if len(w) > 1]
        return words[-1] if words else None


class Roster:
    """The people of one readout, and lookups from text offsets to them."""

    def __init__(self, people: tuple[Person, ...], host: Person | None) -> None:
        self._people = people
        self.host = host
        pairs = sorted((span, p) for p in people for span in p.mentions)
        self._spans = [s for s, _ in pairs]
        self._starts = [s[0] for s, _ in pairs]
        self._owner = [p for _, p in pairs]
        self._by_end = {s[1]: (s, p) for s, p in pairs}
        self._by_start = {s[0]: (s, p) for s, p in pairs}
        self._by_id = {p.id: p for p in people}

    def people(self) -> tuple[Person, ...]:
        """Everyone who takes part or speaks, in order of first mention."""
        return self._people

    def person(self, person_id: str | None) -> Person | None:
        """The person with this id."""
        return self._by_id.get(person_id) if person_id else None

    def mention_at(self, offset: int) -> tuple[Span, Person] | None:
        """The mention that covers `offset`, with its person."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self._spans[i][0] <= offset < self._spans[i][1]:
            return self._spans[i], self._owner[i]
        return None

    def person_at(self, offset: int) -> Person | None:
        """The person whose mention covers `offset`."""
        hit = self.mention_at(offset)
        return hit[1] if hit else None

    def mention_ending_at(self, offset: int) -> tuple[Span, Person] | None:
        """The mention that ends exactly at `offset`."""
        return self._by_end.get(offset)

    def set_off_ending_at(self, text: str, offset: int | None) -> tuple[Span, Person] | None:
        """A title-and-name mention with the name set off by a comma ("the Commissioner for X,
        Jane Doe") that ends at `offset`: the subject of a verb after the closing comma."""
        hit = self._by_end.get(offset) if offset is not None else None
        return hit if hit is not None and "," in text[hit[0][0] : hit[0][1]] else None

    def mention_starting_at(self, offset: int) -> tuple[Span, Person] | None:
        """The mention that begins exactly at `offset`."""
        return self._by_start.get(offset)

    def mentions_in(self, start: int, end: int) -> list[tuple[Span, Person]]:
        """Mentions that begin inside `[start, end)`, in reading order."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [(self._spans[i], self._owner[i]) for i in range(lo, hi)]

    def resolve(self, span: Span) -> Person | None:
        """The person a stretch of text refers to: the first mention that overlaps it."""
        i = max(bisect.bisect_right(self._starts, span[0]) - 1, 0)
        while i < len(self._spans) and self._spans[i][0] < span[1]:
            if self._spans[i][1] > span[0]:
                return self._owner[i]
            i += 1
        return None


class _Builder:
    """Builds the roster of one document."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.r = roles()
        self.lex = lexicon()
        self.cues = doc.cues
        self.cue_ends = {c.span[1] for c in self.cues.all}
        self.quotes = doc.marks
        self.tokens = doc.tokens
        self.reader = TitleReader(self.tokens)
        self.persons: list[_P] = []
        self.mentions: list[tuple[Span, _P]] = []
        self.rule: HostRule | None = None
        self.lead = doc.sentences[0] if doc.sentences else (0, 0)
        self._sentence_starts = [s[0] for s in doc.sentences]
        self._paragraph_starts = [p[0] for p in doc.paragraphs]
        self._subject: dict[Span, bool] = {}
        self.signed: _P | None = None  # the author named in a closing signature
        self.signature: Span | None = None

    # ---- what stands around a mention

    def quoted(self, pos: int) -> bool:
        """Whether `pos` lies inside a quotation closed on both sides."""
        s = self.quotes.holding(pos)
        return s is not None and s.open_mark is not None and s.close_mark is not None

    def cue_after(self, end: int) -> bool:
        """A speech verb right after a mention: "X noted", "X has also stressed"."""
        m = self.lex.gap.match(self.text, end)
        return m is not None and self.cues.starting_at(m.end()) is not None

    def cue_before(self, start: int) -> bool:
        """A speech verb just before a mention: "said the Head of State", "stated by X"."""
        j = start
        while j > 0 and self.text[j - 1] in " \t":
            j -= 1
        if j < start and j in self.cue_ends:
            # Inverted only after a quotation or a clause ("...," said X); else X is the object.
            return _INVERSION_BEFORE.search(self.text, max(0, j - 40), j) is not None
        return self.text[j - 2 : j] == "by" and (j - 3) in self.cue_ends

    def according_before(self, start: int) -> bool:
        """ "According to X": X's is what follows."""
        head = self.text[max(0, start - 30) : start]
        return any(m.end() == len(head) for m in self.lex.according.finditer(head))

    def speaks_at(self, span: Span) -> bool:
        if "," in self.text[span[0] : span[1]] or self.text[max(0, span[0] - 2) : span[0]].strip() == ",":
            # "the Commissioner for X, Jane Doe, said" (the title may be one the reader left out)
            m = self.lex.appositive_gap.match(self.text, span[1])
            if m is not None and self.cues.starting_at(m.end()) is not None:
                return True
        title = _SET_OFF_TITLE.match(self.text, span[1])
        if title is not None and self.cue_after(title.end() + 1):
            return True  # "Jane Doe, Minister of X, today announced"
        relative = _RELATIVE_AFTER.match(self.text, span[1])
        if relative is not None and self.cue_after(relative.end() + 1):
            return True  # "Jane Doe, who also attended the meeting, said"
        return self.cue_after(span[1]) or self.cue_before(span[0]) or self.according_before(span[0])

    def is_subject(self, span: Span) -> bool:
        """Whether a mention is the subject of a speech verb or stands first in its clause."""
        known = self._subject.get(span)
        if known is None:
            known = self._subject[span] = self._is_subject(span)
        return known

    def _is_subject(self, span: Span) -> bool:
        s, e = span
        if self.speaks_at(span):
            return True
        i = bisect.bisect_right(self._sentence_starts, s) - 1
        head = self.text[self._sentence_starts[i] if i >= 0 else 0 : s].rstrip()
        return (not head or head.endswith(",")) and not _JOINED_AFTER.match(self.text, e)

    def honorific_before(self, i: int) -> tuple[int, str | None] | None:
        """An honorific ("Mr", "Mrs.", "His Excellency") just before word i: its index and gender."""
        t = self.tokens
        j = i - 2 if i > 1 and t.words[i - 1] == "." and t.starts[i - 1] == t.ends[i - 2] else i - 1
        for length in (2, 1):
            if j - length + 1 >= 0:
                key = tuple(t.words[j - length + 1 : j + 1])
                if key in self.r.honorific_gender:
                    return j - length + 1, self.r.honorific_gender[key]
        return None

    def person_context(self, start: int, end: int) -> bool:
        """Whether a name-like run stands where a person stands: speaking or meeting."""
        if self.speaks_at((start, end)) or self.r.meets_after.match(self.text, end):
            return True
        return bool(self.r.meets_before.search(self.text[max(0, start - 40) : start]))

    # ---- step 1: names

    def person_named(self, name: str, hit: TitleHit | None = None, title: str | None = None) -> _P:
        """The person with this name, one already known when the names agree."""
        words = name_words(name, self.r.suffixes)
        for p in self.persons:
            if p.name and same_name(p.words, words):
                if len(words) > len(p.words):
                    p.name = name
                if hit is not None and (not p.title or (hit.places and not p.places)):
                    p.title, p.office = title, hit.office
                    p.country = p.country or hit.place
                if hit is not None:
                    p.places |= hit.places
                    p.office = p.office or hit.office
                    p.country = p.country or hit.place
                return p
        if hit is not None and len(words) == 1:
            # "Foreign Minister Wang" after "Foreign Minister Wang Yi": a surname written first.
            for p in self.persons:
                if len(p.words) == 2 and p.words[0] == words[0] and p.office == hit.office:
                    return p
        p = _P(name=name, gender=self.r.given_gender.get(words[0]) if words else None)
        if hit is not None:
            p.title, p.country, p.office, p.places = title, hit.place, hit.office, hit.places
        self.persons.append(p)
        return p

    def read_names(self) -> list[TitleHit]:
        """People introduced by office, by the metadata title, or standing as speakers; the
        office phrases that name nobody are returned for step 3."""
        hits = self.reader.hits()
        ahead = {h.start: h for h in hits if h.name is not None}
        aliases = []
        for h in hits:
            if h.name is None:
                named = self.named_after(h, ahead)
                if named is None:
                    aliases.append(h)
                continue
            title = self.text[h.title[0] : h.title[1]]
            if h.post_title:
                title += " " + self.text[h.post_title[0] : h.post_title[1]]
            p = self.person_named(self.text[h.name[0] : h.name[1]], h, title)
            end = h.post_title[1] if h.post_title else h.name[1]
            self.mentions.append(((self.tokens.starts[h.start], end), p))
        self.read_metadata_title()
        self.read_signature()
        if self.signature is not None:
            a, b = self.signature
            aliases = [h for h in aliases if not a <= self.tokens.starts[h.start] < b]
        taken = {k for h in hits for k in range(h.start, h.end)}
        self.read_bare_names(taken)
        self.read_other_spellings(taken)
        self.read_titles_after(aliases)
        return aliases

    def named_after(self, h: TitleHit, ahead: dict[int, TitleHit]) -> TitleHit | None:
        """An office set off before an office with a name, the holder's too: "The OSCE
        Chairperson-in-Office, Kazakhstan's Foreign Minister Jane Doe, met ..."."""
        t = self.tokens
        if t.word(h.end) != ",":
            return None
        k = h.end + 1
        place = self.reader.place(k)
        if place is not None and t.word(place[1]) in ("’", "'") and t.word(place[1] + 1) == "s":
            k = place[1] + 2
        n = ahead.get(k)
        if n is None or n.det is not None:
            return None
        p = self.person_named(self.text[n.name[0] : n.name[1]], n, self.text[n.title[0] : n.title[1]])
        p.offices |= {h.office}
        p.places |= h.places
        self.mentions.append(((self.tokens.starts[h.start], self.tokens.ends[h.end - 1]), p))
        return n

    def read_signature(self) -> None:
        """The author of a release signed at its foot ("Jane Doe, President of the X"): the
        person its first-person sentences ("I assured the Minister that ...") are of."""
        if len(self.doc.paragraphs) < 2:
            return
        a, b = self.doc.paragraphs[-1]
        m = _SIGNATURE_LINE.fullmatch(self.text, a, b)
        if m is None:
            return
        name, title = m.group(1), m.group(2).strip()
        words = name.split()
        if (
            not all(self.r.is_name_word(w) or w in self.r.particles for w in words)
            or words[-1] in self.r.particles
        ):
            return
        t = self.tokens
        k = bisect.bisect_left(t.starts, m.start(2))
        k += t.word(k) in ("the", "The")
        while t.word(k) in self.r.modifiers and self.reader.office(k) is None:
            k += 1
        if self.reader.office(k) is None:
            return
        p = self.person_named(name)
        p.title = p.title or title
        p.participant = p.speaks = True
        self.mentions.append((m.span(1), p))
        self.signed, self.signature = p, (a, b)

    def read_titles_after(self, aliases: list[TitleHit]) -> None:
        """Offices set off after a name: "Mr. Yang Jiechi, Minister for Foreign Affairs of China"."""
        t = self.tokens
        by_start = {h.start: h for h in aliases if h.det in (None, "the") and not h.counterpart}
        for (_, end), p in list(self.mentions):
            if p.office is not None:
                continue
            k = bisect.bisect_left(t.starts, end)
            h = by_start.get(k + 1) if t.word(k) == "," else None
            if h is not None:
                p.title, p.office = self.text[h.title[0] : h.title[1]], h.office
                p.country, p.places = p.country or h.place, p.places | h.places

    def read_metadata_title(self) -> None:
        """People the readout's own title introduces: "Telephone conversation with President of ..."."""
        title = self.doc.source.title
        if not title:
            return
        for h in TitleReader(Tokens.of(title)).hits():
            if h.name is not None:
                p = self.person_named(title[h.name[0] : h.name[1]], h, title[h.title[0] : h.title[1]])
                p.from_title = p.participant = True

    def read_bare_names(self, taken: set[int]) -> None:
        """Names with no office before them, where the text shows them to be people."""
        t, reader = self.tokens, self.reader
        after = 0
        for i in t.capitals:
            if i < after or i in taken or not self.r.is_name_word(t.words[i]):
                continue
            run = after = reader.cap_run(i)
            while run - 1 > i and t.words[run - 1].rstrip(".") in self.r.suffixes:
                run -= 1  # "the Hon Jane Doe MP"
            words = [k for k in range(i, run) if t.words[k][0].isupper()]
            if len(words) == 1 and t.word(i - 1) not in self.r.honorific_ends:
                continue
            if any(k in taken for k in range(i, run)):
                continue
            honorific = self.honorific_before(i)
            if not (2 <= len(words) <= 4 or (honorific is not None and len(words) <= 4)):
                continue
            last = t.words[words[-1]]
            capital_surname = honorific is not None and len(words) >= 2 and len(last) >= 3 and last.isupper()
            if capital_surname:
                words = words[:-1]  # "H.E. Mr. Mevlut CAVUSOGLU": the surname in capitals
            if not all(self.r.is_name_word(t.words[k]) for k in words):
                continue
            start, end = t.starts[i], t.ends[run - 1]
            if honorific is None and not self.person_context(start, end):
                continue
            if any(reader.place(k) is not None for k in words):
                continue
            name = self.text[start:end]
            if capital_surname:
                name = name[: t.starts[run - 1] - start] + t.words[run - 1].capitalize()
            p = self.person_named(name)
            if honorific is not None:
                p.gender = p.gender or honorific[1]
                start = t.starts[honorific[0]]
            self.mentions.append(((start, end), p))
            taken.update(range(i, run))

    def read_other_spellings(self, taken: set[int]) -> None:
        """Surnames, and names spelled another way, of the people already known."""
        t = self.tokens
        by_prefix: dict[str, list[_P]] = {}
        middles: dict[str, list[_P]] = {}
        firsts: dict[str, list[_P]] = {}
        for p in self.persons:
            s = p.surname
            if s:
                by_prefix.setdefault(s[:3].casefold(), []).append(p)
            for w in p.words[1:-1] if len(p.words) >= 3 else ():
                middles.setdefault(w.casefold(), []).append(p)  # "Lula" of "Luiz Inácio Lula da Silva"
            if len(p.words) == 2 and not p.placeholder:
                # "Xi" of "Xi Jinping": a name written family name first.
                firsts.setdefault(p.words[0].casefold(), []).append(p)
        if not by_prefix:
            return
        for i in t.capitals:
            w = t.words[i]
            if i in taken or len(w) < 3:
                continue
            found = [p for p in by_prefix.get(w[:3].casefold(), ()) if similar_surname(w, p.surname or "")]
            found = found or middles.get(w.casefold(), [])
            if not found and w.casefold() in firsts and self.cue_after(t.ends[i]):
                found = firsts[w.casefold()]  # only as a speaker: "Jin informed ..."
            nick = self.r.nicknames.get(w)
            if not found and nick:
                # "PBBM" of "Ferdinand R. Marcos Jr.": a nickname the press uses for a known person.
                found = [p for p in self.persons if p.name and nick.casefold() in p.name.casefold()]
            if len(found) != 1:
                continue
            p = found[0]
            # Take the given names and particles before it along: "Volodymyr Zelensky", "von der Leyen".
            j = i
            while j > 0 and t.cap(j - 1) and any(similar_given(t.words[j - 1], g) for g in p.words[:-1]):
                j -= 1
            while j > 0 and t.words[j - 1] in self.r.particles:
                j -= 1
            honorific = self.honorific_before(j)
            start = t.starts[honorific[0]] if honorific else t.starts[j]
            self.mentions.append(((start, t.ends[i]), p))
            taken.update(range(j, i + 1))

    # ---- step 2: the host

    def find_host(self, aliases: list[TitleHit]) -> _P | None:
        """The person on whose behalf the readout is published."""
        ordered = sorted(self.mentions, key=lambda m: m[0])
        in_lead = [p for span, p in ordered if span[0] < self.lead[1]]
        # The lead's subject, else the first person it names: someone the lead only quotes or
        # mentions in passing ("welcomed the remarks of the German Chancellor") is no host.
        subject = next((p for span, p in ordered if span[0] < self.lead[1] and self.is_subject(span)), None)
        lead_person = subject or (in_lead[0] if in_lead else None)
        rule = self.publisher_rule(ordered, aliases)
        if rule is None and lead_person is not None:
            # No publisher rule: the rule whose office and country fit the lead's person, if any.
            rule = next(
                (
                    r
                    for r in self.r.hosts
                    if lead_person.country == r.country and self.r.office_fits(r.office, lead_person.office)
                ),
                None,
            )
        self.rule = rule
        lead_alias = next((h for h in aliases if self.tokens.starts[h.start] == self.lead[0]), None)
        if rule is None:
            if subject is None and lead_alias is not None and lead_alias.det in ("the", "The"):
                # The lead's subject is an office no rule knows ("The Secretary-General met ..."):
                # its holder is the host, not the person met, and the phrase means the host after.
                title = self.text[lead_alias.title[0] : lead_alias.title[1]]
                office, place = lead_alias.office, lead_alias.place
                phrase = frozenset({self.alias_phrase(lead_alias)})
                self.rule = HostRule((), title, office, place, phrase)
                host = _P(None, title, place, office, lead_alias.places, placeholder=True, host=True)
                self.persons.append(host)
                return host
            if lead_person is not None:
                lead_person.host = True
            return lead_person
        fits = [p for _, p in ordered if self.holds(rule, p.office)]
        for p in fits:
            if p.country == rule.country:
                return self._make_host(p, rule)
        # A lead in the first person ("Today I welcomed Prime Minister X") names the guest, not the host.
        if (
            lead_alias is None or self.alias_phrase(lead_alias) not in rule.aliases
        ) and not self.lead_in_first_person():
            for p in fits:
                # ... but not someone whose title names another body ("President of the X Bank").
                if p.country is None and self.office_of_no_other_body(p, rule):
                    return self._make_host(p, rule)
            # The lead's subject named with no office (kremlin.ru: "Vladimir Putin had a ...").
            for span, p in ordered:
                if span[0] == self.lead[0] and p.office is None:
                    return self._make_host(p, rule)
        host = _P(
            name=None, title=rule.title, country=rule.country, office=rule.office, placeholder=True, host=True
        )
        self.persons.append(host)
        return host

    @staticmethod
    def office_of_no_other_body(p: _P, rule: HostRule) -> bool:
        """Whether a title is the bare office or names only the rule's country: the "President
        of the X Bank" is not the country's President."""
        if p.places:
            return p.places <= {rule.country}
        return p.title is None or p.office is None or p.title.casefold() == p.office.casefold()

    def holds(self, rule: HostRule, office: str | None) -> bool:
        """Whether someone with this office (as the text writes it) can be the rule's host."""
        return self.r.office_fits(rule.office, office) or rule.says_office(office)

    def publisher_rule(self, ordered: list[tuple[Span, _P]], aliases: list[TitleHit]) -> HostRule | None:
        """The publisher's host rule: its first unconditional one, else of those that hold only
        when their office is mentioned, the one whose office the text names first."""
        rules = self.r.host_rules(self.doc.source)
        always = next((r for r in rules if not r.if_mentioned), None)
        if always is not None or not rules:
            return always
        best: tuple[int, int] | None = None
        for i, rule in enumerate(rules):
            named = (
                span[0]
                for span, p in ordered
                if self.holds(rule, p.office) and p.country in (None, rule.country)
            )
            titled = (
                self.tokens.starts[h.start]
                for h in aliases
                if self.alias_phrase(h) in rule.aliases
                or (self.holds(rule, h.office) and h.place in (None, rule.country) and h.det is not None)
            )
            first = min((*named, *titled), default=None)
            if first is not None and (best is None or first < best[0]):
                best = (first, i)
        return rules[best[1]] if best is not None else None

    @staticmethod
    def _make_host(p: _P, rule: HostRule) -> _P:
        p.host = True
        p.country = rule.country
        if not p.title or not p.places:
            p.title = rule.title
        p.office = p.office or rule.office
        return p

    # ---- step 3: aliases and pronouns, in reading order

    def resolve_all(self, aliases: list[TitleHit], host: _P | None) -> None:
        """Every name, alias and pronoun in reading order, each resolved against what came before."""
        events: list[tuple[int, int, object]] = [(span[0], 0, (span, p)) for span, p in self.mentions]
        events += [(self.tokens.starts[h.start], 1, h) for h in aliases]
        events += [(span[0], 2, (span, gender)) for span, gender in self.pronouns()]
        # A release in one official's own words: signed at its foot, or told in the first person
        # from its first sentence ("Today I met ..."); an "I" elsewhere may be a quotation's.
        author = self.signed or (host if self.lead_in_first_person() else None)
        if author is not None:
            events += [(span[0], 0, (span, author)) for span in self.first_person()]
        events.sort(key=lambda e: (e[0], e[1]))
        last_seen: dict[int, int] = {}
        subjects: list[tuple[int, _P]] = []
        seen: list[tuple[int, _P]] = []
        resolved: list[tuple[Span, _P]] = []
        for _, kind, item in events:
            person: _P | None
            if kind == 0:
                span, person = item  # type: ignore[misc]
            elif kind == 1:
                h: TitleHit = self.head_of(item)  # type: ignore[arg-type]
                span = (self.tokens.starts[h.start], self.tokens.ends[h.end - 1])
                person = self.resolve_alias(h, host, last_seen)
            else:
                span, gender = item  # type: ignore[misc]
                person = self.resolve_style(span, seen) or self.resolve_pronoun(span, gender, subjects, seen)
            if person is None:
                continue
            person = person.root()
            last_seen[id(person)] = span[0]
            resolved.append((span, person))
            if self.quoted(span[0]):
                continue
            said_for = _FOR_HIS_PART.search(self.text, max(0, span[0] - 16), span[0])
            if said_for and not person.gender:
                person.gender = self.r.possessive_gender.get(said_for.group(1))
            if self.is_subject(span):
                subjects.append((span[0], person))
            seen.append((span[0], person))
        self.mentions = resolved

    def pronouns(self) -> list[tuple[Span, str]]:
        """He/she (or a style alone, "His Highness") where it stands as the subject of a speech verb,
        him/her after "according to"."""
        out = []
        text = self.text
        for w in _PRONOUN.finditer(text):
            if self.cue_after(w.end()) and not self.quoted(w.start()):
                out.append((w.span(1), self.r.pronoun_gender[w.group(1)]))
        for w in self.r.styled.finditer(text):
            if self.cue_after(w.end()) and not self.quoted(w.start()):
                out.append((w.span(), self.r.styled_gender[w.group()]))
        for m in self.lex.according.finditer(text):
            w = _OBJECT_PRONOUN.match(text, m.end())
            if w is not None and not self.quoted(m.end()):
                out.append((w.span(1), self.r.pronoun_gender[w.group(1)]))
        return out

    def lead_in_first_person(self) -> bool:
        """Whether the first sentence has an "I" outside quotation marks, in a text that is no
        transcript (a transcript's "Name: ..." turns each have their own "I")."""
        lead = _FIRST_PERSON.finditer(self.text, self.lead[0], self.lead[1])
        if not any(not self.quoted(w.start()) for w in lead):
            return False
        return not any(_TURN.match(self.text, span[1]) for span, _ in self.mentions)

    def first_person(self) -> list[Span]:
        """ "I" outside quotation marks as the subject of a speech verb: the author's own
        account ("I told the Prime Minister that ...", "As I told the Minister: “...”")."""
        return [
            w.span()
            for w in _FIRST_PERSON.finditer(self.text)
            if self.cue_after(w.end()) and not self.quoted(w.start())
        ]

    def resolve_style(self, span: Span, seen: list[tuple[int, _P]]) -> _P | None:
        """The latest person introduced with the style that now stands alone: "His Highness
        Sheikh X held talks ... His Highness affirmed"."""
        style = self.text[span[0] : span[1]]
        if style not in self.r.styled_gender:
            return None
        for pos, p in reversed(seen):
            if self.text.startswith(style, pos):
                return p.root()
        return None

    def resolve_pronoun(
        self, span: Span, gender: str, subjects: list[tuple[int, _P]], seen: list[tuple[int, _P]]
    ) -> _P | None:
        """The latest subject a he/she can stand for, else the latest person of that gender named."""
        para = bisect.bisect_right(self._paragraph_starts, span[0]) - 1
        floor = max(self._paragraph_starts[para - 1] if para >= 1 else 0, span[0] - _PRONOUN_REACH)
        for pos, p in reversed(subjects):
            if pos < floor:
                break
            if p.root().gender in (None, gender):
                return p.root()
        for pos, p in reversed(seen):
            if pos < floor:
                break
            if p.root().gender == gender:
                return p.root()
        return None

    def alias_phrase(self, h: TitleHit) -> str:
        """An alias as a host rule lists it: "the head of state"."""
        return "the " + " ".join(self.tokens.words[h.start + (1 if h.det else 0) : h.end]).lower()

    def head_of(self, h: TitleHit) -> TitleHit:
        """ "The head of Polish diplomacy" as the office it stands for, the last word taken along."""
        office = (
            self.r.head_of.get(self.tokens.word(h.end)) if h.office.lower() == "head" and h.place else None
        )
        return h if office is None else dataclasses.replace(h, office=office, end=h.end + 1)

    def resolve_alias(self, h: TitleHit, host: _P | None, last_seen: dict[int, int]) -> _P | None:
        """The person an office phrase stands for: the host for its bare aliases, else the
        one person whose office and country fit (the latest seen if several); a phrase that
        names a country and fits nobody yet stands for someone not named so far."""
        rule = self.rule
        if (
            host is not None
            and rule is not None
            and h.det in ("the", "The")
            and self.alias_phrase(h) in rule.aliases
        ):
            return host
        if h.det is None and (h.place is None or h.loose):
            return None
        if h.det is not None and h.det not in ("the", "The") and not h.counterpart:
            return None
        live = list(dict.fromkeys(p.root() for p in self.persons))
        if h.counterpart:
            found = [p for p in live if not p.host and (not p.placeholder or p.counterpart)]
        else:
            found = [
                p
                for p in live
                if self.r.office_fits(h.office, p.office)
                or self.r.title_fits(h.office, p.title)
                or any(self.r.office_fits(h.office, o) for o in p.offices)
            ]
        if h.place:
            of_place = [p for p in found if h.place in (p.country, *p.places)]
            if not of_place and host is not None and host.root() in found and host.root().country is None:
                return host.root()  # the host's country is the publisher's, left unsaid
            found = of_place
        if len(found) > 1 and host is not None and h.place is None and h.det in ("the", "The"):
            # A bare office several people hold ("The Minister further said") is the host's: a
            # readout calls its guest by name or country ("the Cuban Minister").
            root = host.root()
            if root in found:
                return root
        if len(found) > 1:
            recent = [p for p in found if id(p) in last_seen]
            return max(recent, key=lambda p: last_seen[id(p)]) if recent else None
        if found:
            return found[0]
        if h.place is None:
            return None
        fits_host = rule is not None and h.place == rule.country and self.r.office_fits(h.office, rule.office)
        if host is not None and fits_host and not h.counterpart:
            return host
        p = _P(
            name=None,
            title=self.text[h.title[0] : h.title[1]],
            country=h.place,
            office=None if h.counterpart else h.office,
            places=h.places,
            placeholder=True,
            counterpart=h.counterpart,
        )
        self.persons.append(p)
        return p

    # ---- step 4: roles, merges and the list

    def mark_roles(self) -> None:
        """Who speaks, who is a clause's subject, who takes part (named in the lead unless only
        in passing, met with, signed, visited, or joined by "and" to someone who did)."""
        previous: tuple[Span, _P] | None = None
        for span, p in sorted(self.mentions, key=lambda m: m[0]):
            s, e = span
            if self.quoted(s):
                continue
            head = self.text[max(0, s - 40) : s]
            passing = self.r.passing_before is not None and self.r.passing_before.search(head)
            if s < self.lead[1] and not passing:
                p.participant = True
            if self.speaks_at(span) or self.signs_quotes(span):
                p.speaks = p.subject = True
            elif self.is_subject(span):
                p.subject = True
            if self.r.meets_before.search(head):
                p.participant = True
                p.met = p.met or not _BETWEEN.search(head)
            if self.r.meets_after.match(self.text, e):
                p.participant = True
            if (
                previous is not None
                and _COORDINATED.fullmatch(self.text, previous[0][1], s)
                and (previous[1].participant or p.participant)
            ):
                previous[1].participant = p.participant = True
            previous = (span, p)

    def signs_quotes(self, span: Span) -> bool:
        """Whether a mention labels the quote paragraphs after it ("Minister X:") or its own
        ("X: “...”"), or signs those before it ("- Jane Doe, Minister of Y")."""
        paras, text = self.doc.paragraphs, self.text
        i = bisect.bisect_right(self._paragraph_starts, span[0]) - 1
        if i < 0:
            return False
        a, b = paras[i]
        if span[0] == a and _SPEAKER_LABEL.match(text, span[1], b):
            return True  # a transcript's `Jane Doe: “...”`
        if label_line(text, paras[i]) and i + 1 < len(paras):
            return opens_with_mark(text, paras[i + 1])
        if i > 0 and _DASH_START.match(text, a, span[0]):
            before = paras[i - 1]
            return before[0] < before[1] and text[before[1] - 1] in _CLOSING_MARKS  # the block's last mark
        return False

    def merge(self, keep: _P, gone: _P) -> None:
        """Make two builder persons one."""
        if keep is gone:
            return
        gone.merged_into = keep
        if not keep.title or (keep.office is None and gone.office):
            keep.title = gone.title or keep.title
        keep.name = keep.name or gone.name
        keep.office = keep.office or gone.office
        keep.country = keep.country or gone.country
        keep.places |= gone.places
        keep.offices |= gone.offices
        keep.gender = keep.gender or gone.gender
        for flag in ("host", "from_title", "participant", "speaks", "subject", "met"):
            setattr(keep, flag, getattr(keep, flag) or getattr(gone, flag))

    def merge_placeholders(self, host: _P | None) -> None:
        """Titles seen before their holder was named, made one with the named person."""
        live = [p for p in self.persons if p.merged_into is None]
        by_country: dict[str | None, _P] = {}
        for p in (p for p in live if p.placeholder and not p.host):
            first = by_country.get(p.country)
            if first is None:
                by_country[p.country] = p
            elif first.counterpart and not p.counterpart:
                self.merge(p, first)
                by_country[p.country] = p
            else:
                self.merge(first, p)
        holders = list(by_country.values())
        named = [p for p in live if p.name and not p.host]
        for holder in list(holders):
            fits = [
                p
                for p in named
                if p.office is not None
                and (holder.office is None or self.r.office_fits(holder.office, p.office))
                and p.country in (None, holder.country)
            ]
            if len(fits) == 1:
                self.merge(fits[0], holder)
                holders.remove(holder)
        untitled = [p for p in named if p.office is None and p.merged_into is None]
        if len(holders) == 1 and len(untitled) == 1:
            self.merge(untitled[0], holders[0])
            untitled = []
        if host is not None and host.name is None:
            # A host known only by office, and one person named with that office and country who
            # is nobody's guest: the host by name ("The Minister met ... Minister Jan Novak said").
            same = [
                p
                for p in named
                if p.merged_into is None
                and not p.met
                and self.r.office_fits(host.office or "", p.office)
                and p.country in (None, host.country)
            ]
            if len(same) == 1:
                self.merge(host, same[0])
        if host is not None and host.name is None:
            # A host known only by office, and one person named who speaks as a subject and is
            # nobody's guest: the host by name ("The President of Russia ... Vladimir Putin noted").
            speakers = [p for p in untitled if p.subject and not p.met]
            if len(speakers) == 1:
                self.merge(host, speakers[0])

    def build(self) -> Roster:
        aliases = self.read_names()
        host = self.find_host(aliases)
        self.resolve_all(aliases, host)
        self.mark_roles()
        self.merge_placeholders(host)
        self.name_from_roster()
        return self.finish(host.root() if host else None)

    def name_from_roster(self) -> None:
        """Names for the host and the publisher's own office holders whom the text never names:
        whoever held the office on the readout's date (resources/roster.toml). When the holder
        is named in the text after all, the office and the name are one person."""
        rule, day = self.rule, as_day(self.doc.source.date)
        if rule is None or day is None:
            return
        live = [p for p in self.persons if p.merged_into is None]
        for p in live:
            if p.name is not None or not p.placeholder:
                continue
            if not p.host and (p.country != rule.country or not self.plainly_of(p)):
                continue
            # The word before each mention too: the reader leaves "former" and "late" out of a title.
            starts = [a for (a, _), q in self.mentions if q.root() is p]
            before = [self.text[max(0, a - 16) : a].split()[-1:] for a in starts]
            said = " ".join([p.title or "", *(w for words in before for w in words)])
            term = holder_on(p.country, p.office, day, said)
            if term is None:
                continue
            words = name_words(term.holder, self.r.suffixes)
            named = [q for q in live if q.name and q.merged_into is None and same_name(q.words, words)]
            if len(named) == 1:
                self.merge(named[0], p)
            else:
                p.name, p.from_roster = term.holder, True

    @staticmethod
    def plainly_of(p: _P) -> bool:
        """Whether a placeholder's title is its office and its country and nothing more ("the British
        Foreign Secretary", "Foreign Secretary of the United Kingdom"): a title with more in it
        ("Prime Minister of the Hellenic Republic to Russia") may not be of that country at all."""
        if not p.title or not p.office or p.office.casefold() not in p.title.casefold():
            return False
        at = p.title.casefold().index(p.office.casefold())
        rest = " ".join(_OF_THE.sub(" ", p.title[:at] + " " + p.title[at + len(p.office) :]).split())
        return places().canonical(rest) == p.country

    def finish(self, host: _P | None) -> Roster:
        spans: dict[int, list[Span]] = {}
        roots: dict[int, _P] = {}
        for span, p in self.mentions:
            r = p.root()
            roots[id(r)] = r
            spans.setdefault(id(r), []).append(span)
        for p in self.persons:
            if p.root().from_title:
                roots.setdefault(id(p.root()), p.root())
        if host is not None:
            roots.setdefault(id(host), host)
        chosen = [r for r in roots.values() if r.participant or r.speaks or r is host]
        chosen.sort(key=lambda r: min((s[0] for s in spans.get(id(r), [])), default=len(self.text)))
        people: list[Person] = []
        host_person = None
        for i, r in enumerate(chosen, 1):
            mentions = _outermost(sorted(set(spans.get(id(r), []))))
            person = Person(
                id=f"p{i}",
                name=r.name or r.title or "",
                title=r.title,
                country=r.country,
                mentions=mentions,
                from_roster=r.from_roster,
            )
            people.append(person)
            if r is host:
                host_person = person
        return Roster(tuple(people), host_person)


def _outermost(spans: list[Span]) -> tuple[Span, ...]:
    """A person's mentions with none inside another."""
    out: list[Span] = []
    for s in spans:
        if out and s[0] < out[-1][1]:
            out[-1] = (out[-1][0], max(s[1], out[-1][1]))
        else:
            out.append(s)
    return tuple(out)


def find_people(doc: Document) -> Roster:
    """The roster of a readout: its people, their mentions and its host."""
    return _Builder(doc).build()
