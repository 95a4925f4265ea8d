"""Direct quotes: words inside quotation marks that a person is said to have spoken.

Every quoted stretch (see `marks`) is one candidate. It is a quote when the text
attributes it ("...," said the Head of State; The President said: "..."; According to
X, "..."), when it stands as a sentence or paragraph of its own, or when it is long
enough to be speech; a short term in marks with no attribution (the "Coalition of the
Willing", "green corridors") is not. The speaker is the person of the attributing
mention, resolved through the roster, or, for a quotation that goes on after its
attribution or in the next paragraph, the speaker of the quote it continues.

Quotations with no attribution of their own take it from around them, as other
publishers write: a transcript's label ("Jane Doe: “...”"), the sentence before when it
tells a speech act ("X told reporters ..."), a label line above a block of quote
paragraphs ("Minister for X, the Hon Jane Doe:") or a signature below it ("- Jane Doe,
Minister of X"), a paragraph such as "X issued the following statement.", and, for quote
paragraphs of a release that is one official's statement, its title's author or its host.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from readout_browser.model import Person, Quote, Span
from readout_browser.parse.document import Document
from readout_browser.parse.marks import Stretch, label_line, opens_with_mark
from readout_browser.parse.people import Roster
from readout_browser.parse.roles import roles
from readout_browser.parse.speech import Cue, CueIndex, lexicon
from readout_browser.parse.tokens import words_of

_LEAD_IN = re.compile(r"\s*,?\s*(?:[—–-]\s*)?")
# What may follow an attribution that stands as a sentence of its own: its end, or where and when.
_ATTRIBUTION_END = re.compile(
    r"\s*(?:[.,;:]|\Z|(?:at|in|during|on|after|before|while|when|following|addressing|speaking|with|to)\b)"
)
# Between a speech verb and the opening mark: `said: "`, `said that "`, `stressed, "`.
_RIGHT_BEFORE = re.compile(r"(?:\s+that)?\s*[:,]?\s*")
# ... or more words of the same sentence: `said it was "a dark day"`.
_SAME_CLAUSE = re.compile(r"[^.!?\"“”]*")
_GOES_ON = re.compile(r"\s{0,2}[a-z(]")
_ACCORDING_TAIL = re.compile(r"[^,.!?]*,\s*")
_SENTENCE_END = re.compile(r"[.!?…][\"”»’)]*\s*$")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_SMALL_WORDS = frozenset(
    ["a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with", "from"]
)
# A quotation this short, in mid-sentence and attributed to nobody, is a term in marks.
_TERM_WORDS = 7
# ... unless a speech verb attributes it and it ends the sentence with words of speech.
_FRAGMENT_WORDS = 3
_FRAGMENT_END = re.compile(r"[.!?]|\s*\Z|\s*\n")
# "X met with Y and issued ...", "X met Y, noting ...": a verb that shares the sentence's subject.
_SHARED_SUBJECT = re.compile(r"(?:\band|,)\s+(?:(?:also|then|later)\s+)?\Z")
_SELF_INTRODUCED = re.compile(r"(?:^|(?<=[.,!?;:]\s)|(?<=[“\"‘]))(?:[Tt]his is|I am|I’m|I'm|My name is)\s+")
_DASH = re.compile(r"[—–-]")
_SIGNED_END = re.compile(r"\s*(?:[,.;)]|\n|\Z)")
_LABEL_END = re.compile(r"\s*:\s*\Z")
# A signature line after quote paragraphs: "- Jane Doe, Minister of X".
_SIGNATURE = re.compile(r"\s*[-–—]\s*")


@dataclass
class _Found:
    stretch: Stretch
    span: Span
    speaker: Person | None = None
    cue: Cue | None = None
    attributed: bool = False
    adjacent: bool = False  # the attribution stands right before the opening mark


class _Attributor:
    """Finds who a quoted stretch is attributed to, from the words around its marks."""

    def __init__(self, doc: Document, roster: Roster, cues: CueIndex) -> None:
        self.text = doc.text
        self.roster = roster
        self.cues = cues
        self.lex = lexicon()
        self.sent_starts = [s[0] for s in doc.sentences]
        self.para_starts = [p[0] for p in doc.paragraphs]
        self.marks = doc.marks

    def quoted(self, pos: int) -> bool:
        s = self.marks.holding(pos)
        return s is not None and s.open_mark is not None and s.close_mark is not None

    def sentence_start(self, pos: int) -> int:
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        return self.sent_starts[i] if i >= 0 else 0

    def sender(self, pos: int) -> Person | None:
        """Who wrote the message that "reads" so: the subject of the sentence before (the one
        who sent it), else the host."""
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        if i >= 1:
            start = self.sent_starts[i - 1]
            for span, person in self.roster.mentions_in(start, self.sent_starts[i]):
                if not self.text[start : span[0]].strip():
                    return person
                break
        return self.roster.host

    def labelled_line(self, start: int, open_mark: int) -> Person | None:
        """A transcript's speaker label before the marks: `Jane Doe: “Good afternoon ...”`
        (`start`: where the paragraph begins)."""
        m = _LABEL_END.search(self.text, max(start, open_mark - 8), open_mark)
        if m is None:
            return None
        hit = self.roster.mention_ending_at(m.start())
        return hit[1] if hit is not None and hit[0][0] == start else None

    def introduced(self, span: Span) -> Person | None:
        """The speaker who names himself in his words: “Good evening, this is Jane Doe ...”."""
        m = _SELF_INTRODUCED.search(self.text, span[0], min(span[1], span[0] + 120))
        hit = self.roster.mention_starting_at(m.end()) if m else None
        return hit[1] if hit else None

    def speaker_before(self, pos: int) -> Person | None:
        """The speaker of the sentence before the one at `pos`, when that sentence tells a
        person's speech act ("X told reporters." / "X said the talks were useful.")."""
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        if i < 1 or self.text[self.sent_starts[i] : pos].strip():
            return None
        start, end = self.sent_starts[i - 1], self.sent_starts[i]
        for cue in self.cues.within(start, end):
            if not self.quoted(cue.span[0]):
                person = self.subject_of(cue)
                if person is not None:
                    return person
        if self.para_starts[bisect.bisect_right(self.para_starts, pos) - 1] > start:
            return None
        if not self.lex.speech_scene.search(self.text, start, end):
            return None
        # In the same paragraph, a sentence that sets the scene for the speaker's words ("Speaking
        # to the media afterwards, the Minister was clear about the limits. “...”"): its subject.
        for span, person in self.roster.mentions_in(start, end):
            head = self.text[start : span[0]].strip()
            if self.quoted(span[0]) or (head and not head.endswith(",")):
                return None
            return None if self.lex.joint.search(head) else person
        return None

    def subject_of(self, cue: Cue) -> Person | None:
        """The person whose mention stands just before a speech verb."""
        end = self.lex.gap_before(self.text, cue.span[0])
        if end is None:
            return None
        hit = self.roster.mention_ending_at(end) or self.roster.set_off_ending_at(
            self.text, self.lex.appositive_before(self.text, cue.span[0])
        )
        if hit is not None:
            return hit[1]
        start = self.sentence_start(cue.span[0])
        if not _SHARED_SUBJECT.search(self.text, max(start, cue.span[0] - 16), cue.span[0]):
            return None
        for span, person in self.roster.mentions_in(start, cue.span[0]):
            head = self.text[start : span[0]].strip()
            return person if not head or head.endswith(",") else None
        return None

    def after(self, close: int, limit: int) -> tuple[Person | None, Cue | None] | None:
        """`...," said X` / `...," X said`: the speaker and verb after a closing mark.

        After a quote that ends its own sentence (`...issues." The President noted his
        satisfaction ...`) a new sentence only attributes it when it says no more than who
        spoke, and where or when.
        """
        text = self.text
        pos = _LEAD_IN.match(text, close + 1, limit).end()  # type: ignore[union-attr]
        speaker: Person | None = None
        cue = self.cues.starting_at(pos)
        if cue is not None:
            nxt = pos + len(cue.text)
            while nxt < limit and text[nxt] == " ":
                nxt += 1
            hit = self.roster.mention_starting_at(nxt)
            speaker, end = (hit[1], hit[0][1]) if hit else (None, cue.span[1])
        else:
            hit = self.roster.mention_starting_at(pos)
            if hit is None:
                return None
            m = self.lex.gap.match(text, hit[0][1], limit)
            cue = self.cues.starting_at(m.end()) if m else None
            if cue is None:
                # `“...” — Jane Doe, Minister of X`: a dash signs the quotation.
                signed = _DASH.search(text, close + 1, pos) and _SIGNED_END.match(text, hit[0][1])
                return (hit[1], None) if signed else None
            speaker, end = hit[1], cue.span[1]
        ended = text[close - 1] in ".!?…" and text[pos : pos + 1].isupper()
        if ended and not _ATTRIBUTION_END.match(text, end):
            return None
        return speaker, cue

    def before(self, open_mark: int, floor: int) -> tuple[Person | None, Cue | None, bool] | None:
        """`X said: "...`, `According to X, "...`, `X stressed that "...`."""
        text = self.text
        head_start = max(floor, open_mark - 200)
        head = text[head_start:open_mark]
        acc = next(reversed(list(self.lex.according.finditer(head))), None)
        if acc is not None and _ACCORDING_TAIL.fullmatch(head, acc.end()):
            hit = self.roster.mention_starting_at(head_start + acc.end())
            if hit is not None:
                return hit[1], None, True
        cues = self.cues.within(head_start, open_mark)
        if not cues:
            return None
        cue = cues[-1]
        if _RIGHT_BEFORE.fullmatch(text, cue.span[1], open_mark):
            if cue.lemma == "read_out":
                return self.sender(cue.span[0]), cue, True
            return self.subject_of(cue), cue, True
        subject = self.subject_of(cue)
        if subject is not None and _SAME_CLAUSE.fullmatch(text, cue.span[1], open_mark):
            return subject, cue, False  # "X said that Ukraine "will never give up""
        return None


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _is_term(text: str) -> bool:
    """A name or term in marks rather than speech: short, or in Title Case."""
    words = _words(text)
    if len(words) <= _TERM_WORDS and not re.search(r"[.!?]", text.rstrip(".!?,")):
        return True
    return _title_case(words)


def _title_case(words: list[str]) -> bool:
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(content) and sum(w[0].isupper() for w in content) >= 0.8 * len(content)


def _closing_fragment(text: str, inner: str, close: int) -> bool:
    """Words of speech that end the attributing sentence (`described the ties as “close and
    rooted in history”.`): a term in marks is a name in Title Case or a phrase the sentence
    goes on after."""
    words = _words(inner)
    return (
        len(words) >= _FRAGMENT_WORDS
        and not _title_case(words)
        and bool(_FRAGMENT_END.match(text, close + 1))
    )


def _strip(text: str, span: Span) -> Span:
    start, end = span
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def find_direct_quotes(doc: Document, roster: Roster) -> tuple[Quote, ...]:
    """The direct quotes of a readout, with speakers, in reading order."""
    text = doc.text
    index = doc.marks
    cues = doc.cues
    att = _Attributor(doc, roster, cues)
    found: list[_Found] = []
    for s in index.stretches:
        span = _strip(text, s.inner)
        if span[1] <= span[0]:
            continue
        para = doc.paragraphs[s.paragraph]
        f = _Found(s, span)
        limit = min(para[1], s.close_mark + 160) if s.close_mark is not None else para[1]
        if s.close_mark is not None:
            got = att.after(s.close_mark, limit)
            if got is not None:
                f.speaker, f.cue = got
                f.attributed = True
        if not f.attributed and s.open_mark is not None:
            got2 = att.before(s.open_mark, max(para[0], att.sentence_start(s.open_mark)))
            if got2 is None and s.open_mark == para[0] and s.paragraph > 0:
                # A quote paragraph after a paragraph that ends "Mark Carney stressed:".
                prev = doc.paragraphs[s.paragraph - 1]
                if text[prev[1] - 1] in ":.":
                    got2 = att.before(prev[1], max(prev[0], att.sentence_start(prev[1] - 1)))
                    if got2 is not None and text[prev[1] - 1] == "." and got2[1] is not None:
                        # "X issued the following statement." hands the paragraphs after it to X.
                        got2 = got2 if got2[1].lemma == "issue_statement" else None
            if got2 is not None:
                f.speaker, f.cue, f.adjacent = got2
                f.attributed = f.speaker is not None or f.cue is not None
        if s.open_mark is None and not f.attributed and found:
            _goes_on_after_attribution(text, f, found[-1])
        if not _keep(doc, f, para):
            continue
        found.append(f)
    _continue_speakers(doc, found)
    _after_speech(doc, att, found)
    _block_speakers(doc, roster, found)
    out = []
    for i, f in enumerate(found, 1):
        out.append(
            Quote(
                id=f"q{i}",
                kind="direct",
                text=text[f.span[0] : f.span[1]],
                span=f.span,
                speaker=f.speaker.id if f.speaker else None,
                cue=f.cue.text if f.cue else None,
                cue_span=f.cue.span if f.cue else None,
            )
        )
    return tuple(out)


def _goes_on_after_attribution(text: str, f: _Found, prev: _Found) -> None:
    """A quotation whose opening mark was left out after the attribution of the one before:
    `“...,” said X. We discussed ... all.”` goes on with X's words."""
    close = prev.stretch.close_mark
    if close is None or prev.speaker is None or prev.cue is None or prev.cue.span[0] < close:
        return
    if prev.stretch.paragraph == f.stretch.paragraph and _only_attribution(text[close + 1 : f.span[0]], prev):
        f.speaker, f.attributed = prev.speaker, True


def _keep(doc: Document, f: _Found, para: Span) -> bool:
    """Whether a quoted stretch is a quote, not a term in marks."""
    text = doc.text
    s = f.stretch
    inner = text[f.span[0] : f.span[1]]
    if not _words(inner):
        return False
    if s.open_mark is None:
        return f.attributed  # a quotation never opened counts only with its attribution
    # Only the last words before the mark matter; the whole paragraph before it made every quote
    # of a long paragraph cost that paragraph's length.
    head = text[max(para[0], s.open_mark - 200) : s.open_mark]
    attributed_after = f.cue is not None and s.close_mark is not None and f.cue.span[0] >= s.close_mark
    if not attributed_after and lexicon().naming.search(head[-120:]):
        return False  # the decree "On ...", the award "For Courage": a name in marks
    at_start = not head.strip() or bool(_SENTENCE_END.search(head[-12:])) or head.rstrip().endswith(":")
    if s.close_mark is None:
        return (at_start or f.attributed) and len(_words(inner)) >= 3
    if f.adjacent and f.speaker is not None:
        return True  # `he said, “go on.”`, `The President said: “...”`
    if f.attributed and f.cue is not None and f.speaker is not None:
        # An attribution after the marks makes a quote of anything; one before only of speech.
        return (
            f.cue.span[0] >= s.close_mark
            or at_start
            or not _is_term(inner)
            or _closing_fragment(text, inner, s.close_mark)
        )
    if at_start:
        return len(_words(inner)) >= 2 and not (_is_term(inner) and _continues_sentence(text, s.close_mark))
    return not _is_term(inner)


def _continues_sentence(text: str, close: int) -> bool:
    """Whether the sentence goes on after the closing mark with more narration."""
    return bool(_GOES_ON.match(text, close + 1))


def _continue_speakers(doc: Document, found: list[_Found]) -> None:
    """Speakers for quotes that carry no attribution of their own.

    A quotation split by its attribution ("“We must,” he said, “go on.”"), one that goes on
    in the next paragraph, one that follows the sentence of the last quote's attribution,
    and one left open just before the next quote all share that quote's speaker.
    """
    text = doc.text
    for i, f in enumerate(found):
        if f.speaker is not None or i == 0:
            continue
        prev = found[i - 1]
        if prev.speaker is None or (prev.stretch.close_mark is None and prev.stretch.open_mark is None):
            continue
        s = f.stretch
        gap_start = prev.stretch.close_mark + 1 if prev.stretch.close_mark is not None else prev.span[1]
        gap_end = s.open_mark if s.open_mark is not None else f.span[0]
        between = text[gap_start:gap_end]
        same_para = prev.stretch.paragraph == s.paragraph
        next_para = s.paragraph == prev.stretch.paragraph + 1 and not between.strip(" \n")
        if (
            next_para
            or _only_attribution(between, prev)
            or (
                same_para
                and len(between) < 200
                and not re.search(r"[.!?]\s", between)
                and prev.cue is not None
            )
        ):
            f.speaker = prev.speaker
    for i in range(len(found) - 2, -1, -1):
        f, nxt = found[i], found[i + 1]
        if f.speaker is None and nxt.speaker is not None and f.stretch.close_mark is None:
            end = nxt.stretch.open_mark if nxt.stretch.open_mark is not None else nxt.span[0]
            if not text[f.span[1] : end].strip():
                f.speaker = nxt.speaker


def _after_speech(doc: Document, att: _Attributor, found: list[_Found]) -> None:
    """Speakers named next to a quotation that has no attribution of its own: a transcript's
    label ("Jane Doe: “...”"), the speaker's own words ("this is Jane Doe"), or the sentence
    before, when it tells X's speech act ("The Minister said the talks went well. “...”")."""
    for f in found:
        if f.speaker is None and f.stretch.open_mark is not None:
            f.speaker = att.labelled_line(doc.paragraphs[f.stretch.paragraph][0], f.stretch.open_mark)
        if f.speaker is None:
            f.speaker = att.introduced(f.span)
        if f.speaker is None and f.stretch.open_mark is not None:
            f.speaker = att.speaker_before(f.stretch.open_mark)


def _block_speakers(doc: Document, roster: Roster, found: list[_Found]) -> None:
    """Speakers for quote paragraphs under a label line or above a signature line.

    Joint releases put each minister's words under a line that names them ("Minister for
    Foreign Affairs, the Hon Jane Doe:"), perhaps with topic lines ("On trade:") between;
    others sign a block of quotes below it ("- Jane Doe, Minister of X"). What is still
    unattributed after that and stands as a paragraph of its own is the host's: a
    statement by the official who publishes it.
    """
    text, paras = doc.text, doc.paragraphs
    waiting = [
        f for f in found if f.speaker is None and f.stretch.open_mark in (paras[f.stretch.paragraph][0], None)
    ]
    if not waiting:
        return
    blocks = _Blocks(text, paras, roster)
    author = _title_author(doc, roster) or roster.host
    for f in waiting:
        p = f.stretch.paragraph
        labelled, f.speaker = blocks.above[p] if blocks.above[p][0] else blocks.below[p]
        close = f.stretch.close_mark
        if not labelled and (close is None or not text[close + 1 : paras[p][1]].strip()):
            f.speaker = author


def _title_author(doc: Document, roster: Roster) -> Person | None:
    """The one person a title such as "Statement by Managing Director Jane Doe on ..." names."""
    title = doc.source.title or ""
    m = lexicon().statement_title.search(title)
    if m is None:
        return None
    named = set(words_of(title[m.end() :]))
    found = [p for p in roster.people() if named.intersection(words_of(p.name)[-1:])]  # by surname
    return found[0] if len(found) == 1 else None


class _Blocks:
    """For each paragraph, the label line above its block of quote paragraphs and the
    signature line below it: (whether there is one, the person it names if known). Two
    passes over the paragraphs, however long the blocks."""

    def __init__(self, text: str, paras: tuple[Span, ...], roster: Roster) -> None:
        self.text, self.paras, self.roster = text, paras, roster
        self.offices = roles().offices
        n = len(paras)
        inside = [self.quote_para(j) or self.topic(j) for j in range(n)]
        nobody: tuple[bool, Person | None] = (False, None)
        self.above: list[tuple[bool, Person | None]] = [nobody] * n
        for j in range(1, n):
            if inside[j - 1]:
                self.above[j] = self.above[j - 1]
            elif self.label(j - 1):
                mentions = roster.mentions_in(*paras[j - 1])
                self.above[j] = (True, mentions[-1][1] if mentions else self.office_holder(j - 1))
        self.below: list[tuple[bool, Person | None]] = [nobody] * n
        for j in range(n - 2, -1, -1):
            self.below[j] = self.below[j + 1] if inside[j + 1] else self.signature(j + 1)

    def quote_para(self, j: int) -> bool:
        return opens_with_mark(self.text, self.paras[j])

    def label(self, j: int) -> bool:
        """A line that hands the quote paragraphs after it to someone: "Minister for X, the Hon Y MP:"."""
        return label_line(self.text, self.paras[j]) and not self.quote_para(j)

    def topic(self, j: int) -> bool:
        """A label of a topic ("On trade:"), not of a person ("Minister for X, the Hon Y MP:")."""
        a, b = self.paras[j]
        if not self.label(j) or self.roster.mentions_in(a, b):
            return False
        return not any(w in self.offices for w in words_of(self.text[a:b]))

    def office_holder(self, j: int) -> Person | None:
        """The one person whose title begins with the office a label line names without a name
        ("Prime Minister's remarks:"), the host first."""
        words = words_of(self.text[slice(*self.paras[j])])
        office = next(
            (
                " ".join(words[i : i + len(o)])
                for i, w in enumerate(words)
                for o in self.offices.get(w, ())
                if tuple(words[i : i + len(o)]) == o
            ),
            None,
        )
        if office is None:
            return None
        r = roles()
        fits = [
            p for p in self.roster.people() if p.title and r.office_fits(office, p.title.split(" of ")[0])
        ]
        host = self.roster.host
        if host is not None and host in fits:
            return host
        return fits[0] if len(fits) == 1 else None

    def signature(self, j: int) -> tuple[bool, Person | None]:
        """ "- Jane Doe, Minister of X" after a block of quotes."""
        a, b = self.paras[j]
        m = _SIGNATURE.match(self.text, a, b)
        hit = self.roster.mention_starting_at(m.end()) if m and m.end() > a else None
        return (True, hit[1]) if hit is not None else (False, None)


def _only_attribution(between: str, prev: _Found) -> bool:
    """Whether the text between two quotes is nothing but the first one's attribution."""
    if prev.cue is None:
        return not between.strip()
    # "the President said." / ", said the President," and nothing more
    words = between.strip(" \n,—–-").rstrip(".,:;").split()
    return len(words) <= 8 and prev.cue.text.split()[0] in words
