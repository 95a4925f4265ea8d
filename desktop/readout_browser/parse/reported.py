"""Reported statements: a person's speech act told in the narrator's words.

"Mark Carney noted that Canada is expanding sanctions", "The President thanked Canada
for ...", "According to the President, ...", "“...,” he said, adding that ...",
"... . This was stated by the President", "For the President it is essential that ...",
"The aid was announced by Minister X", "X spoke with Y to thank him for ...",
"Commenting on this, X stated:" (the statement is the paragraph after it), "X, Minister
of Y, today announced ...". One statement is reported per sentence: the
first speech act the sentence tells, by a single person resolved through the roster.
Joint acts ("the leaders agreed", "X and Y praised") and passives with no speaker ("it
was emphasized") are nobody's statement. A speech verb that introduces a direct quote
is the quote's, not a second, reported statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from readout_browser.model import Person, Quote, Span
from readout_browser.parse.document import Document
from readout_browser.parse.people import Roster
from readout_browser.parse.roles import roles
from readout_browser.parse.speech import Cue, lexicon

_CLAUSE_LEAD = re.compile(r"\s*(?:that\s+|about\s+|on\s+|of\s+)?")
_END_PUNCT = " \t.!?;:,"
_JOINED_BEFORE = re.compile(r"\b(?:and|&|with|both|as well as)\s+\Z", re.IGNORECASE)
_JOINED_AFTER = re.compile(r"\s*(?:,\s*)?(?:and|together with|as well as)\s")
_VERB_NEXT = re.compile(r"\s+[a-z]")
# "... and informed", "..., then noted": a verb that shares the subject of the one before.
_SHARED_SUBJECT = re.compile(r"(?:\band|,)\s+(?:(?:also|then|later|further)\s+)?\Z")
_AFTER_COMMA = re.compile(r",\s*\Z")
_BY_AGENT = re.compile(r"\s+by\s+")
_FOR_WHOM = re.compile(r"\s*For\s+")
# "X, Minister of Foreign Affairs, today announced": a title set off by commas after the name.
_APPOSITIVE = re.compile(r",\s*(?:the\s+|The\s+)?[A-Z][^,.;:!?\"“”]{2,100},\s*\Z")
_SET_OFF_BEFORE = re.compile(r",\s*\Z")
_WORDS = re.compile(r"[A-Z][\w-]*")
_PLAIN_TITLE = re.compile(r"(?:[A-Za-z][a-z-]*\s+){1,4}")
# A relative clause between a subject and its verb: "President X, who chairs the Y, briefed ...".
# "stated that his government will respect investors who "...": a clause of its own before the marks.
_EMBEDDING = re.compile(r"\s+that\s+[^\"“”«»]*?\w+\s+\w+\s+\w+")
# What may stand before a sentence's subject: a dateline ("RIYADH – ") and the capitalised words of
# a title ("World Food Programme (WFP) Executive Director ").
_LEAD_TITLE = re.compile(r"(?:[A-Z][A-Z .,-]+\s[–—-]\s+)?(?:(?:[A-Z][\w.’'-]*|\([A-Z]{2,}\)|of|the|for)\s+)*")
_WHO_BEFORE = re.compile(r",\s*who\s+(?:also\s+|then\s+|later\s+)?\Z")
_RELATIVE = re.compile(r",\s*(?:who|whose)\s+[^,.;:!?\"“”]{2,120},\s*\Z")


@dataclass(frozen=True)
class _Act:
    sentence: int
    speaker: Person
    cue: Cue | None
    clause: Span


class _Reader:
    """Reads the speech acts of one document, sentence by sentence."""

    def __init__(self, doc: Document, roster: Roster, direct: tuple[Quote, ...]) -> None:
        self.doc = doc
        self.text = doc.text
        self.roster = roster
        self.lex = lexicon()
        self.offices = roles().offices
        self.cues = doc.cues
        self.quote_of_cue = {q.cue_span: q for q in direct if q.cue_span is not None}
        self.direct = sorted(direct, key=lambda q: q.span[0])
        self.marks = doc.marks

    # ---- helpers

    def quoted(self, pos: int) -> bool:
        """Whether `pos` lies inside a quotation (its marks closed on both sides)."""
        s = self.marks.holding(pos)
        return s is not None and s.open_mark is not None and s.close_mark is not None

    def clause(self, start: int, end: int, lead: bool = False) -> Span:
        """The span of a reported clause, without final punctuation (and "that", with `lead`)."""
        if lead:
            m = _CLAUSE_LEAD.match(self.text, start, end)
            start = m.end() if m else start
        while end > start and self.text[end - 1] in _END_PUNCT + '"”»':
            end -= 1
        while start < end and (self.text[start].isspace() or self.text[start] in ",;:)"):
            start += 1
        return start, end

    def subject_before(self, pos: int, floor: int) -> tuple[Span, Person] | None:
        """The mention that stands just before `pos`, across the words a verb allows."""
        end = self.lex.gap_before(self.text, pos, floor)
        hit = None if end is None else self.roster.mention_ending_at(end)
        if hit is not None:
            return hit
        closing = self.lex.appositive_before(self.text, pos, floor)
        hit = self.roster.set_off_ending_at(self.text, closing)
        if hit is None and closing is not None:
            # A name set off after a long title it holds: "the Adviser at the X and Supervisor of
            # the Y, Dr. Jane Doe, stated" (the title itself names no one the roster knows).
            named = self.roster.mention_ending_at(closing)
            if named is not None and _SET_OFF_BEFORE.search(
                self.text, max(floor, named[0][0] - 3), named[0][0]
            ):
                title = self.text[floor : named[0][0]].rstrip().rstrip(",").rsplit(",", 1)[-1]
                if any(w in self.offices for w in _WORDS.findall(title)):
                    return named
        return hit

    def joint(self, mention: Span, floor: int) -> bool:
        """Whether a subject shares its verb with another person: "X and Y praised"."""
        m = _JOINED_BEFORE.search(self.text, max(floor, mention[0] - 20), mention[0])
        if m is not None:
            # "..., and the Prime Minister stated": a new clause, unless a list of people ends there.
            comma = self.text[max(floor, m.start() - 2) : m.start()].rstrip()
            if not (m.group().startswith("and") and comma.endswith(",")):
                return True
            return self.roster.mention_ending_at(self.text.rindex(",", 0, m.start())) is not None
        return bool(_JOINED_AFTER.match(self.text, mention[1]))

    def clause_subject(self, start: int, end: int) -> Person | None:
        """The person who is the subject of the sentence's main clause."""
        for span, person in self.roster.mentions_in(start, end):
            if self.quoted(span[0]):
                continue
            head = self.text[start : span[0]]
            if head.strip() and not head.rstrip().endswith(",") and not _LEAD_TITLE.fullmatch(head):
                continue
            if self.lex.joint.search(head.rsplit(",", 1)[-1]) or self.joint(span, start):
                return None
            return person if _VERB_NEXT.match(self.text, span[1]) else None
        return None

    def embeds_quote(self, cue: Cue) -> bool:
        """Whether the cue's quote is only a fragment inside a reported clause: "X stated that his
        government will respect those who "bet on the country"" tells both."""
        quote = self.quote_of_cue[cue.span]
        return quote.span[0] > cue.span[1] and bool(_EMBEDDING.match(self.text, cue.span[1], quote.span[0]))

    def passive(self, cue: Cue) -> bool:
        if cue.text.split()[0] in ("is", "was"):
            return False
        before = self.text[max(0, cue.span[0] - 12) : cue.span[0]].split()
        return bool(before) and before[-1].lower() in self.lex.passive

    # ---- speech acts

    def acts(self) -> list[_Act]:
        out: list[_Act] = []
        sentences = self.doc.sentences
        for i, (start, end) in enumerate(sentences):
            back = self.handed_back(i, start, end)
            if back is not None:
                # "He said this at a briefing": the statement is the sentence before, not this one.
                out.append(back)
                continue
            act = self.according(i, start, end) or self.for_whom(i, start, end) or self.by_verb(i, start, end)
            if act is not None:
                out.append(act)
        return out

    def handed_back(self, i: int, start: int, end: int) -> _Act | None:
        """ "This was stated by X" / "X made this statement": X's is the sentence before."""
        if i == 0:
            return None
        text = self.text
        m = self.lex.statement_by.match(text, start, end)
        speaker = None
        if m is not None:
            hit = self.roster.mention_starting_at(m.end())
            speaker = hit[1] if hit else None
        else:
            hit = self.roster.mention_starting_at(start) or self.after_plain_title(start, end)
            if hit is not None:
                gap = self.lex.gap.match(text, hit[0][1], end)
                if self.lex.made_statement.match(text, gap.end() if gap else hit[0][1], end):
                    speaker = hit[1]
        if speaker is None:
            return None
        prev = self.doc.sentences[i - 1]
        return _Act(i - 1, speaker, None, self.clause(prev[0], prev[1]))

    def after_plain_title(self, start: int, end: int) -> tuple[Span, Person] | None:
        """The first person of a sentence when only a few plain words stand before the name:
        "Deputy government spokesman Jane Doe announced this"."""
        for span, person in self.roster.mentions_in(start, end):
            return (span, person) if _PLAIN_TITLE.fullmatch(self.text, start, span[0]) else None
        return None

    def according(self, i: int, start: int, end: int) -> _Act | None:
        """ "According to X, ..." anywhere in the sentence."""
        for m in self.lex.according.finditer(self.text, start, end):
            if self.quoted(m.start()):
                continue
            hit = self.roster.mention_starting_at(m.end())
            if hit is None:
                continue
            comma = self.text.find(",", hit[0][1], end)
            clause_start = comma + 1 if comma >= 0 else hit[0][1]
            if (
                comma >= 0
                and m.start() > start + 2
                and not self.text[start : m.start()].rstrip().endswith(",")
            ):
                # "..., according to X." closes the sentence: the clause is what came before.
                return _Act(i, hit[1], None, self.clause(start, m.start()))
            return _Act(i, hit[1], None, self.clause(clause_start, end))
        return None

    def for_whom(self, i: int, start: int, end: int) -> _Act | None:
        """ "For the President it is essential that ...": the President's view."""
        m = _FOR_WHOM.match(self.text, start, end)
        hit = self.roster.mention_starting_at(m.end()) if m else None
        if hit is None or not self.lex.for_whom.match(self.text, hit[0][1], end):
            return None
        return _Act(i, hit[1], None, self.clause(hit[0][1], end))

    def by_verb(self, i: int, start: int, end: int) -> _Act | None:
        for cue in self.cues.within(start, end):
            if (cue.span in self.quote_of_cue and not self.embeds_quote(cue)) or self.quoted(cue.span[0]):
                continue
            if self.passive(cue):
                act = self.by_agent(i, start, end, cue)
            elif cue.participle:
                act = self.participle(i, start, end, cue)
            elif cue.infinitive:
                act = self.infinitive(i, start, end, cue)
            else:
                act = self.finite(i, start, end, cue)
            if act is not None:
                return act
        return None

    def by_agent(self, i: int, start: int, end: int, cue: Cue) -> _Act | None:
        """ "The aid was announced by Minister X": a passive that names its speaker."""
        if cue.lemma not in self.lex.agent_passive:
            return None
        m = _BY_AGENT.match(self.text, cue.span[1], end)
        hit = self.roster.mention_starting_at(m.end()) if m else None
        if hit is None or self.joint(hit[0], start):
            return None
        return _Act(i, hit[1], cue, self.clause(start, end))

    def infinitive(self, i: int, start: int, end: int, cue: Cue) -> _Act | None:
        """ "X spoke with Y to thank him for ...": the purpose is the subject's statement."""
        if self.lex.not_purpose.search(self.text, start, cue.span[0]):
            return None
        speaker = self.clause_subject(start, cue.span[0])
        if speaker is None:
            return None
        return _Act(i, speaker, cue, self.clause(cue.span[1], end, lead=True))

    def finite(self, i: int, start: int, end: int, cue: Cue) -> _Act | None:
        text = self.text
        hit = (
            self.subject_before(cue.span[0], start)
            or self.appositive_subject(cue.span[0], start)
            or self.relative_subject(cue.span[0], start)
        )
        speaker: Person | None = None
        if hit is not None:
            if self.quoted(hit[0][0]) or self.joint(hit[0], start):
                return None
            speaker = hit[1]
            subject_start = hit[0][0]
        else:
            if not _SHARED_SUBJECT.search(text, max(start, cue.span[0] - 24), cue.span[0]):
                return None
            # "The President met with X and informed him ...": the verb shares the sentence's subject.
            speaker = self.clause_subject(start, cue.span[0])
            subject_start = cue.span[0]
        if speaker is None:
            return None
        if cue.lemma in self.lex.not_with_person and self.roster.mention_starting_at(cue.span[1] + 1):
            return None  # "welcomed Chancellor Scholz to Downing Street"
        head = text[start:subject_start]
        tail = text[cue.span[1] : end].strip(_END_PUNCT + '"”»')
        ends_attribution = not tail or self.lex.audience_tail.match(tail) is not None
        if head.rstrip().endswith(",") and ends_attribution and len(head.strip()) > 20:
            # "..., she said.", "..., X told reporters after the meeting.": the statement is what
            # the sentence said before the comma.
            return _Act(i, speaker, cue, self.clause(start, subject_start))
        clause = self.clause(cue.span[1], end, lead=True)
        colon = text[start:end].rstrip().endswith(":")
        if clause[0] >= clause[1] and colon and i + 1 < len(self.doc.sentences):
            # "Commenting on this, the Minister stated:" - what he stated is the next paragraph.
            nxt = self.doc.sentences[i + 1]
            clause = self.clause(nxt[0], nxt[1])
        return _Act(i, speaker, cue, clause)

    def appositive_subject(self, pos: int, floor: int) -> tuple[Span, Person] | None:
        """The person named before a title or a relative clause in commas: "X, Minister of Y,
        (today) announced", "X, who chairs the Y, briefed"."""
        gap = self.lex.gap_before(self.text, pos, floor)
        head_end = gap if gap is not None else pos
        m = _APPOSITIVE.search(self.text, max(floor, head_end - 110), head_end) or _RELATIVE.search(
            self.text, max(floor, head_end - 130), head_end
        )
        if m is None or self.cues.within(m.start(), head_end):
            return None
        return self.roster.mention_ending_at(m.start())

    def relative_subject(self, pos: int, floor: int) -> tuple[Span, Person] | None:
        """The person a relative clause's speech verb is about: "received X, who briefed him on ..."."""
        m = _WHO_BEFORE.search(self.text, max(floor, pos - 24), pos)
        return None if m is None else self.roster.mention_ending_at(m.start())

    def participle(self, i: int, start: int, end: int, cue: Cue) -> _Act | None:
        """ "..., adding that ...": the clause goes on with the speaker before it."""
        if not _AFTER_COMMA.search(self.text, max(start, cue.span[0] - 4), cue.span[0]):
            return None
        quoted = [q for q in self.direct if start <= q.span[0] < cue.span[0] and q.speaker]
        if quoted:
            speaker = self.roster.person(quoted[-1].speaker)
        else:
            speaker = self.subject_before_clause(start, cue.span[0])
        if speaker is None:
            return None
        return _Act(i, speaker, cue, self.clause(cue.span[1], end, lead=True))

    def subject_before_clause(self, start: int, pos: int) -> Person | None:
        """The speaker of the clause a participle hangs on: the sentence's subject."""
        for cue in reversed(self.cues.within(start, pos)):
            hit = self.subject_before(cue.span[0], start)
            if hit is not None:
                return hit[1]
        return self.clause_subject(start, pos)


def find_reported(doc: Document, roster: Roster, direct: tuple[Quote, ...]) -> tuple[Quote, ...]:
    """The reported statements of a readout: one per sentence that tells a person's speech act."""
    reader = _Reader(doc, roster, direct)
    seen: set[int] = set()
    acts: list[_Act] = []
    for act in reader.acts():
        if act.sentence in seen or act.clause[1] <= act.clause[0]:
            continue
        seen.add(act.sentence)
        acts.append(act)
    acts.sort(key=lambda a: a.clause[0])
    out = []
    for n, act in enumerate(acts, 1):
        out.append(
            Quote(
                id=f"r{n}",
                kind="reported",
                text=doc.text[act.clause[0] : act.clause[1]],
                span=act.clause,
                speaker=act.speaker.id,
                cue=act.cue.text if act.cue else None,
                cue_span=act.cue.span if act.cue else None,
            )
        )
    return tuple(out)
