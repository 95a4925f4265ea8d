"""Direct quotes: words inside quotation marks that a person is said to have spoken.

Every quoted stretch (see `marks`) is one candidate. It is a quote when the text
attributes it ("...," said the Head of State; The President said: "..."; According to
X, "..."), when it stands as a sentence or paragraph of its own, or when it is long
enough to be speech; a short term in marks with no attribution (the "Coalition of the
Willing", "green corridors") is not. The speaker is the person of the attributing
mention, resolved through the roster, or, for a quotation that goes on after its
attribution or in the next paragraph, the speaker of the quote it continues.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from readout_browser.model import Person, Quote, Span
from readout_browser.parse.document import Document
from readout_browser.parse.marks import QuoteIndex, Stretch
from readout_browser.parse.people import Roster
from readout_browser.parse.speech import Cue, CueIndex, lexicon

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

    def sentence_start(self, pos: int) -> int:
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        return self.sent_starts[i] if i >= 0 else 0

    def subject_of(self, cue: Cue) -> Person | None:
        """The person whose mention stands just before a speech verb."""
        end = self.lex.gap_before(self.text, cue.span[0])
        if end is None:
            return None
        hit = self.roster.mention_ending_at(end)
        return hit[1] if hit else None

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
                return None
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
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(content) and sum(w[0].isupper() for w in content) >= 0.8 * len(content)


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
    index = QuoteIndex(text, doc.paragraphs)
    cues = lexicon().cues(text)
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
                if text[prev[1] - 1] == ":":
                    got2 = att.before(prev[1], max(prev[0], att.sentence_start(prev[1] - 1)))
            if got2 is not None:
                f.speaker, f.cue, f.adjacent = got2
                f.attributed = f.speaker is not None or f.cue is not None
        if not _keep(doc, f, para):
            continue
        found.append(f)
    _continue_speakers(doc, found)
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


def _keep(doc: Document, f: _Found, para: Span) -> bool:
    """Whether a quoted stretch is a quote, not a term in marks."""
    text = doc.text
    s = f.stretch
    inner = text[f.span[0] : f.span[1]]
    if not _words(inner):
        return False
    if s.open_mark is None:
        return f.attributed  # a quotation never opened counts only with its attribution
    head = text[para[0] : s.open_mark]
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
        return f.cue.span[0] >= s.close_mark or at_start or not _is_term(inner)
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


def _only_attribution(between: str, prev: _Found) -> bool:
    """Whether the text between two quotes is nothing but the first one's attribution."""
    if prev.cue is None:
        return not between.strip()
    # "the President said." / ", said the President," and nothing more
    words = between.strip(" \n,—–-").rstrip(".,:;").split()
    return len(words) <= 8 and prev.cue.text.split()[0] in words
