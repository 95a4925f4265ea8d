"""Office phrases and the names that follow them.

"President of Ukraine Volodymyr Zelenskyy", "US Secretary of State Antony Blinken",
"EU Commissioner for Neighbourhood and Enlargement Olivér Várhelyi", "Head of the Office
of the President of Ukraine Andriy Yermak", "the President of Ukraine, Volodymyr
Zelenskyy": an office word, the words that may stand before it (modifiers, a country or
its adjective), its complements ("of Canada", "for Foreign Affairs", "to Ukraine") and,
where the phrase introduces someone, the name after it. Without a name the phrase is a
reference back to someone ("the Prime Minister of Canada", "the Ukrainian leader").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from readout_browser.model import Span
from readout_browser.parse.places import PlaceKind, PlaceMention, Places, places
from readout_browser.parse.roles import roles
from readout_browser.parse.tokens import Tokens

_DETERMINERS = frozenset({"the", "The", "his", "His", "her", "Her", "its", "Its", "their", "Their"})
_THE = frozenset({"the", "The"})
_PLACE_INNER = frozenset({"of", "and", "&", "the", "d’", "d'"})
_DASHES = frozenset({"-", "–", "—"})
_OPEN_MARKS = frozenset({'"', "“", "«"})
_CLOSE_MARKS = frozenset({'"', "”", "»"})
_APOSTROPHES = frozenset({"’", "'"})
_AFTER_APPOSITIVE = frozenset({"", ",", ".", ";", ":", ")"})
_MAX_NAME_WORDS = 4


@dataclass
class TitleHit:
    """An office phrase, with the name after it if it introduces someone."""

    start: int  # index of its first word (the determiner, if any)
    end: int  # index after its last word (the name's, if any)
    det: str | None  # "the", "his" ...
    office: str  # "Prime Minister", "Chairman and CEO"
    title: Span  # the title as text: no determiner, no name
    place: str | None  # the first country or organisation of the title
    places: frozenset[str]
    name: Span | None
    counterpart: bool = False  # "his Azerbaijani counterpart"
    loose: bool = False  # words in the title that are neither office nor place ("of Alstom")
    post_title: Span | None = None  # "of Ukraine" after the name: "President Zelenskyy of Ukraine"


@dataclass
class _Draft:
    """A title while it is being read."""

    first: int  # first word, determiner included
    start: int  # first word of the title itself
    det: str | None
    office_end: int
    end: int = 0  # after the complements
    last: str = "office"  # what the complements ended with: office, place or words
    words: tuple[int, int] | None = None  # the run of capitalised words the title ended with
    places: list[str] = field(default_factory=list)
    place_ends: list[int] = field(default_factory=list)
    loose: bool = False


def _particle_name(word: str, particles: frozenset[str]) -> bool:
    """A name word that opens with a particle: "el-Sisi", "al-Thani"."""
    head, _, rest = word.partition("-")
    return bool(rest) and head in particles and rest[0].isupper()


def _place_named(name: str) -> tuple[str, PlaceKind] | None:
    """The canonical name and kind of a country or organisation, asked once per spelling."""
    return _named_in(places(), name)


@lru_cache(maxsize=4096)
def _named_in(gazetteer: Places, name: str) -> tuple[str, PlaceKind] | None:
    """(Keyed on the gazetteer too, so an edited countries file is asked afresh.)"""
    canon = gazetteer.canonical(name)
    return (canon, gazetteer.kind(canon) or "country") if canon else None


class TitleReader:
    """Finds office phrases in a token list, using the office words of resources/people.toml."""

    def __init__(self, tokens: Tokens) -> None:
        self.t = tokens
        self.r = roles()
        self._places: dict[int, tuple[PlaceMention, int] | None] = {}

    def hits(self) -> list[TitleHit]:
        """Every office phrase of the text, in order, none inside another."""
        out: list[TitleHit] = []
        after = 0
        words, offices = self.t.words, self.r.offices
        for i in [i for i, w in enumerate(words) if w in offices]:
            if i < after:
                continue
            w = words[i]
            if w[0].islower() and not self._after_determiner(i):
                continue  # an office in small letters counts only after "the": "the Russian leader"
            if self.t.word(i - 1)[:1].isdigit():
                continue  # "at 3 PM Beijing time" is an hour
            end = self.office(i)
            if end is None:
                continue
            hit = self._read(i, end)
            out.extend([hit] if hit else [])
            after = hit.end if hit else end
        return out

    # ---- words

    def _after_determiner(self, i: int) -> bool:
        """Whether a determiner stands before word i, across capitalised words: "his Azerbaijani"."""
        j = i - 1
        while j > i - 4 and self.t.cap(j) and self.t.words[j] not in _DETERMINERS:
            j -= 1
        return self.t.word(j) in _DETERMINERS

    def office(self, i: int) -> int | None:
        """The index after the longest office phrase that starts at word i."""
        for words in self.r.offices.get(self.t.word(i), ()):
            if tuple(self.t.words[i : i + len(words)]) == words:
                return i + len(words)
        return None

    def place(self, i: int) -> tuple[PlaceMention, int] | None:
        """The country or organisation whose name starts at word i, and the index after it."""
        if i in self._places:
            return self._places[i]
        t = self.t
        found = None
        if 0 <= i < len(t.words) and (t.words[i][0].isupper() or t.words[i] in _THE):
            last = i
            while last + 1 < min(len(t.words), i + 6) and (
                t.cap(last + 1) or t.words[last + 1] in _PLACE_INNER
            ):
                last += 1
            for j in range(last, i - 1, -1):
                if t.words[j][0].isupper():
                    known = _place_named(t.text[t.starts[i] : t.ends[j]])
                    if known:
                        found = (PlaceMention((t.starts[i], t.ends[j]), known[0], known[1], False), j + 1)
                        break
        self._places[i] = found
        return found

    def place_ending_at(self, j: int) -> tuple[PlaceMention, int] | None:
        """A place whose last word is j, and the index of its first word ("the" left out)."""
        t = self.t
        if not t.cap(j):
            return None
        for k in range(j, max(-1, j - 5), -1):
            if k < j and not (t.cap(k) or t.words[k] in _PLACE_INNER):
                break
            p = self.place(k)
            if p is not None and p[1] == j + 1:
                return p[0], k + (t.words[k] in _THE)  # "the IMF Managing Director"
        return None

    def cap_run(self, i: int, particle_first: bool = False) -> int:
        """The index after a run of capitalised words, with name particles and initials inside
        (and in front, with `particle_first`: "President von der Leyen")."""
        t, particles = self.t, self.r.particles
        k = i
        while k < len(t.words):
            w = t.words[k]
            if k > i and "\n" in t.text[t.ends[k - 1] : t.starts[k]]:
                break  # a name never runs across a line break: "Michelle Obama\nYou ..."
            if k > i and w.rstrip(".") in self.r.suffixes:
                break  # a postnominal ("MP", "T.D.") ends the name: `_suffix` takes it along
            if (w[0].isupper() and w[0].isalpha()) or _particle_name(w, particles):
                k += 1
            elif w in particles and (k > i or particle_first):
                j = k
                while t.word(j) in particles:
                    j += 1
                if not t.cap(j):
                    break
                k = j
            elif w == "." and len(t.words[k - 1]) == 1 and t.starts[k] == t.ends[k - 1]:
                k += 1  # an initial: "Joseph R. Biden"
            else:
                break
        return k

    def name_in(self, i: int, r: int, glued: bool) -> tuple[int, int] | None:
        """The (first, after-last) word indexes of the name in the run [i, r), if there is one.

        `glued`: the run also holds words of the title ("for Enlargement Olivér Várhelyi"),
        so the name is its last two name words; otherwise the run is the name, once the
        words of an institution or a place in front are dropped.
        """
        t, r_ = self.t, self.r
        if glued:
            words: list[int] = []
            k = r - 1
            while k >= i:
                w = t.words[k]
                if w != "." and w not in r_.particles:
                    if not r_.is_name_word(w) or self.place(k) is not None:
                        break
                    words.insert(0, k)
                k -= 1
            if len(words) < 2 or (len(words) == 2 and k < i):
                return None
            return words[-2], r
        while i < r and (
            (not r_.is_name_word(t.words[i]) and t.words[i] not in r_.particles) or self.place(i) is not None
        ):
            p = self.place(i)
            i = p[1] if p is not None else i + 1
        words = [k for k in range(i, r) if t.words[k][0].isupper()]
        if not words or len(words) > _MAX_NAME_WORDS:
            return None
        if any(not r_.is_name_word(t.words[k]) or self.place(k) is not None for k in words):
            return None
        return i, r

    # ---- one phrase

    def _read(self, i: int, end: int) -> TitleHit | None:
        t = self.t
        back = i - 2 if t.word(i - 1) == "." else i - 1
        if (t.word(back),) in self.r.honorific_gender and t.word(back - 1) not in _THE:
            return None  # "Mr. President" addresses someone; "the Hon. Minister" is someone
        d = self._prefix(i, end)
        if d is None:
            return None
        self._complements(d, i)
        possessed = self._possessive(d, i)
        if possessed is not None:
            return possessed or None
        return self._finish(d, i)

    def _prefix(self, i: int, end: int) -> _Draft | None:
        """Modifiers, places and a determiner before the office: "the US Secretary of State"."""
        t, r = self.t, self.r
        start = i
        places_found: list[str] = []
        while start > 0:
            w = t.words[start - 1]
            # A place first, so that its own words stay whole: "World Bank Group President".
            p = self.place_ending_at(start - 1)
            if p is not None and t.cap(p[1]):
                places_found.insert(0, p[0].name)
                start = p[1]
                continue
            if (w in r.modifiers or w in r.institution) and t.cap(start - 1):
                start -= 1
                continue
            break
        honorific = start - 2 if t.word(start - 1) == "." else start - 1
        if (t.word(honorific),) in r.honorific_gender and t.word(honorific - 1) in _THE:
            start = honorific  # "the Hon. Minister"
        det = t.words[start - 1] if t.word(start - 1) in _DETERMINERS else None
        first = start - 1 if det else start
        if t.word(first - 1) == "of" and t.word(first - 2) in r.institution:
            return None  # "the Office of the President" is an institution
        return _Draft(first, start, det, end, end=end, places=places_found)

    def _complements(self, d: _Draft, i: int) -> None:
        """ "of Canada", "of the European Commission", "for Neighbourhood and Enlargement", "to Ukraine"."""
        t, r = self.t, self.r
        k = d.end
        while k < len(t.words):
            w = t.words[k]
            if (w in r.connectors and w != "and") or (w == "in" and t.word(k + 1) == "the"):
                m = k + 1
                p = self.place(m)
                if p is None and t.word(m) in _THE:
                    m += 1
                    p = self.place(m)
                if p is not None:
                    d.places.append(p[0].name)
                    k, d.last, d.words = p[1], "place", None
                    d.place_ends.append(k)
                    continue
                j = self._plain_words_to_place(m)
                if j is not None:
                    k, d.last, d.words = j, "words", None  # "head of the interim government of Kyrgyzstan"
                    continue
                if t.word(m) in _OPEN_MARKS and t.cap(m + 1) and t.word(m + 2) in _CLOSE_MARKS:
                    k, d.last, d.words, d.loose = m + 3, "words", None, True  # CEO at "Ukroboronprom"
                    continue
                if t.cap(m) and t.words[m] not in r.not_names - r.institution:
                    run = self.cap_run(m)
                    k, d.last, d.words, d.loose = run, "words", (m, run), True
                    continue
                break
            if w in _DASHES and self.office(k + 1) is not None:
                # "Deputy Prime Minister - Minister for Reintegration"
                k = self.office(k + 1) or k
                d.last, d.words = "office", None
                continue
            if d.last == "place" and t.cap(k) and (w in r.institution or self._body_word_ends(k)):
                # A body named after a place: "of the United Nations Relief and Works Agency",
                # "of the Asian Infrastructure Investment Bank".
                run = self.cap_run(k)
                k, d.last, d.words, d.loose = run, "words", (k, run), True
                continue
            if w == "(" and d.last in ("words", "place") and t.cap(k + 1) and t.word(k + 2) == ")":
                k += 3  # an acronym after the body's name: "of the ... Near East (UNRWA) Jane Doe"
                continue
            if w == "and":
                nxt_office = self.office(k + 1)
                second = " ".join(t.words[k + 1 : nxt_office]) if nxt_office else ""
                if d.last == "office" and nxt_office is not None and r.plain_office(second) not in r.heads:
                    # "Chairman and CEO"; but "the Secretary General and President X" are two people.
                    d.office_end = k = nxt_office
                    continue
                if (
                    d.last == "words"
                    and t.cap(k + 1)
                    and nxt_office is None
                    and t.words[k + 1] not in r.modifiers
                    and self.place(k + 1) is None
                ):
                    run = self.cap_run(k + 1)
                    k, d.words = run, (d.words[0] if d.words else k + 1, run)
                    continue
            break
        d.end = k

    def _plain_words_to_place(self, m: int) -> int | None:
        """After "the" of a complement, up to three small words and then "of" a place: the
        index of that "of" ("the interim government of X", "the presidential administration of X")."""
        t = self.t
        if t.word(m - 1) not in _THE:
            return None
        j = m
        while (
            j < m + 3 and t.word(j).isalpha() and t.word(j).islower() and t.word(j) not in self.r.connectors
        ):
            j += 1
        if j == m or t.word(j) != "of":
            return None
        n = j + 1 + (t.word(j + 1) in _THE)
        return j if self.place(n) is not None else None

    def _possessive(self, d: _Draft, i: int) -> TitleHit | bool | None:
        """ "the President's Press Secretary" is the secretary, "the President's leadership" the President.

        Returns the hit of the office after the possessive, False for no person at all, or
        None when the phrase stands for the possessor (or the possessive is inside the title).
        """
        t = self.t
        k = d.end
        if t.word(k) not in _APOSTROPHES or t.word(k + 1) not in ("s", "S"):
            return None
        j = k + 2
        second = self.office(j)
        while second is None and t.word(j) in self.r.modifiers:
            j += 1
            second = self.office(j)
        if second is None:
            if d.last == "words" and t.cap(k + 2):
                # "Head of the President's Office Andriy Yermak": the possessive is in the title.
                d.end = self.cap_run(k + 2)
                d.words = (d.words[0] if d.words else k, d.end)
            return None
        hit = self._read(j, second)
        if hit is None:
            return False
        hit.start, hit.det = d.first, d.det
        hit.title = (t.starts[d.start], hit.title[1])
        if d.places and not hit.place:
            hit.place = d.places[0]
            hit.places = hit.places | frozenset(d.places)
        return hit

    def _finish(self, d: _Draft, i: int) -> TitleHit:
        t = self.t
        title_end = k = d.end
        name: tuple[int, int] | None = None
        set_off = False
        if d.words is not None and d.words[1] == k:
            name = self.name_in(d.words[0], d.words[1], glued=True)
            if name is not None and t.word(k) == "," and self._appositive(k) is not None:
                # "Commissioner for Budget and Human Resources, Jane Doe": the words are the
                # portfolio's, the name is set off after them.
                name = None
        elif t.cap(k):
            name = self.name_in(k, self.cap_run(k), glued=False)
        elif t.word(k) in self.r.particles:
            name = self.name_in(k, self.cap_run(k, particle_first=True), glued=False)  # "von der Leyen"
        if name is None and t.word(k) == "," and (d.last != "place" or t.word(k - 1) == ")"):
            # A long title set off before the name: "the President of the European Bank for
            # Reconstruction and Development, Jane Doe", "of the X Bank (XB), Jane Doe".
            name = self._appositive(k)
            set_off = name is not None
        if name is not None:
            title_end = k if set_off else name[0]
        elif d.place_ends:
            title_end = d.place_ends[0]  # "the President of Azerbaijan" in "... visit of ... to Ukraine"
        if name is None and t.word(title_end) == ",":
            name = self._appositive(title_end)
        place = d.places[0] if d.places else None
        post_title = None
        end = title_end
        if name is not None:
            end = self._suffix(name[1])
            if t.word(end) == "of":
                m = end + 1 + (t.word(end + 1) in _THE)
                p = self.place(m)
                if p is not None and place is None:
                    place = p[0].name
                    d.places.append(place)
                    post_title = (t.starts[end], t.ends[p[1] - 1])
        return TitleHit(
            start=d.first,
            end=end,
            det=d.det,
            office=" ".join(t.words[i : d.office_end]),
            title=(t.starts[d.start], t.ends[title_end - 1]),
            place=place,
            places=frozenset(d.places),
            name=(t.starts[name[0]], t.ends[end - 1]) if name else None,
            counterpart=t.words[i] in self.r.counterparts,
            loose=d.loose,
            post_title=post_title,
        )

    def _body_word_ends(self, k: int) -> bool:
        """Whether the capitalised words from `k` end in a word that names a body ("Bank")."""
        run = self.cap_run(k)
        return run > k and self.t.words[run - 1] in self.r.institution

    def _appositive(self, comma: int) -> tuple[int, int] | None:
        """A name set off after a title: "the President of Ukraine, Volodymyr Zelenskyy." - but
        not "Handing the questionnaire to the President of Ukraine, Ursula von der Leyen noted"."""
        t = self.t
        run = self.cap_run(comma + 1)
        found = self.name_in(comma + 1, run, glued=False)
        # Honorifics in front are not counted: "the Minister of X, Mr Bruno Rodríguez Parrilla,".
        lead = found[0] if found is not None else comma + 1
        capitals = sum(1 for x in range(lead, run) if t.words[x][0].isupper())
        if (
            found is not None
            and 2 <= capitals <= _MAX_NAME_WORDS
            and t.word(self._suffix(run)) in _AFTER_APPOSITIVE
        ):
            return found
        return None

    def _suffix(self, k: int) -> int:
        """The index after a name, taking ", Jr." and the like along."""
        t = self.t
        j = k + 1 if t.word(k) == "," else k
        if t.word(j).rstrip(".") not in self.r.suffixes:
            return k
        j += 1
        if t.word(j) == "." and t.starts[j] == t.ends[j - 1]:
            j += 1
        return j
