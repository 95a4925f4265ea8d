"""The speech-verb lexicon (resources/speech_verbs.toml) and where its cues stand in a text.

People, quotes and reported speech all ask the same questions of a sentence: is there a
speech verb here, what stands between it and its speaker, is it a passive with no
speaker, does "according to" or "This was stated by" hand a statement to someone. The
words for all of these are data; this module compiles them once and finds them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from readout_browser.model import Span
from readout_browser.parse import datafiles, phrases
from readout_browser.parse.wordlists import word_tree


@dataclass(frozen=True)
class Cue:
    """A speech verb as written in the text."""

    span: Span
    text: str
    lemma: str

    @property
    def participle(self) -> bool:
        """ "adding", "noting": a clause that goes on with the speaker of what came before."""
        return self.text.split()[0].endswith("ing")

    @property
    def infinitive(self) -> bool:
        """ "to thank", "to congratulate": a purpose clause that speaks for the sentence's subject."""
        return self.text.startswith("to ")


# Between the words of a cue: the grammar's joins (never a line break), or an aside in commas.
_ASIDE = r"(?:[ \t\u00a0]*,[ \t\u00a0]*[^,.;\"“”\n]{1,30},[ \t\u00a0]*|" + phrases.JOIN + ")"
# A word where a cue may begin, as far as a cue's first word can run: letters, digits, hyphens.
_CUE_WORD = re.compile(r"(?<![\w-])[A-Za-z][^\W_]*(?:-[^\W_]+)*")
_RUNS_ON = re.compile(r"[\w-]")


def _first_word(form: str) -> str:
    """A cue's first word as a text's words are cut: "reads" of "reads, in part"."""
    return form.split(" ", 1)[0].rstrip(",;:")


class Lexicon:
    """Compiled patterns for speech verbs and the words around them."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.lemma: dict[str, str] = {}
        for lemma, written in data.get("cues", {}).items():
            for form in phrases.check(written, f"[cues] {lemma}"):
                for spelled in sorted(phrases.spellings(form)):
                    self.lemma.setdefault(spelled, lemma)
        words = data.get("words", {})

        def tree(key: str) -> str:
            """The phrases of `[words] key`, every spelling, as one regex alternation."""
            return word_tree(phrases.forms(words.get(key, [])))

        # Cues by their first word, looked up word by word of the text: one regex of every cue
        # takes longer to compile than a readout takes to parse. The words of a multi-word cue
        # may be split by an aside ("spoke, in particular, about"); those are read by a regex of
        # the cues that begin with that word, compiled the first time the word turns up.
        self._by_first: dict[str, list[str]] = {}
        for form in self.lemma:
            self._by_first.setdefault(_first_word(form), []).append(form)
        self._after_first: dict[str, re.Pattern[str]] = {}
        # Where a word opens with a cue's first three letters: the words worth looking up. A cue
        # whose first word is not such a word (an apostrophe, a leading space) can only be found
        # by one regex of them all.
        by_word = all(_CUE_WORD.fullmatch(_first_word(f)) and f.strip() == f for f in self.lemma)
        openings = word_tree({f[:3] for f in self._by_first})
        self._openings = re.compile(r"(?<![\w-])(?:" + openings + ")") if by_word else None
        self._every_cue = (
            None
            if by_word
            else re.compile(r"(?<![\w-])(?=[A-Za-z])(?:" + word_tree(self.lemma, _ASIDE) + r")(?![\w-])")
        )
        between = tree("between")
        # What may stand between a speaker and the verb: "also", ", for his part,".
        self.gap = re.compile(rf"(?:\s*,\s*(?:{between})\s*,)?(?:\s+(?:{between}))*\s+", re.IGNORECASE)
        self._gap_end = re.compile(self.gap.pattern + r"\Z", re.IGNORECASE)
        # The comma that closes a name set off after its title: "the Commissioner for X, Jane Doe, said".
        self.appositive_gap = re.compile(rf"\s*,(?:\s+(?:{between}))*\s+", re.IGNORECASE)
        self._appositive_end = re.compile(self.appositive_gap.pattern + r"\Z", re.IGNORECASE)
        self.according = re.compile(r"\b(?:" + tree("according") + r")\s+", re.IGNORECASE)
        self.statement_by = re.compile(r"\s*(?:" + tree("statement_by") + r")\s+", re.IGNORECASE)
        # A readout titled as one person's statement: "Statement by the Managing Director on ...".
        self.statement_title = re.compile(r"\b(?:" + tree("statement_title") + r")\s+", re.IGNORECASE)
        self.made_statement = re.compile(r"\s*(?:" + tree("made_statement") + r")\b", re.IGNORECASE)
        self.passive = frozenset(w.lower() for w in words.get("passive", []))
        self.agent_passive = frozenset(words.get("agent_passive", []))
        self.for_whom = re.compile(r"\s*,?\s*(?:" + tree("for_whom") + r")\b", re.IGNORECASE)
        # "the decree", "an award of the President of Ukraine", "a format called": a naming word,
        # then at most a name of capitalised words (capitals even though the rest ignores case)
        # and "of"/"the", then the opening mark.
        self.naming = re.compile(
            r"(?<![\w-])(?:" + tree("naming") + r")"
            r"(?:\s+(?:of|the|for|on|(?-i:[A-Z])[\w’'.-]*)){0,8}\s*[:,]?\s*$",
            re.IGNORECASE,
        )
        self.not_with_person = frozenset(words.get("not_with_person", []))
        self.audience_tail = re.compile(
            r"(?:" + tree("audience_tail") + r")"
            r"(?:\s+(?:after|at|in|during|on|following|before|while|when)\b[^.;:!?]*)?\Z",
            re.IGNORECASE,
        )
        self.speech_scene = re.compile(r"\b(?:" + tree("speech_scene") + r")\b", re.IGNORECASE)
        # "is on a visit to Y to express ...": an infinitive that tells a journey's purpose.
        self.not_purpose = re.compile(r"\b(?:" + tree("not_purpose") + r")\b", re.IGNORECASE)
        self.joint = re.compile(
            r"(?:^|(?<=\W))(?:" + tree("joint_subjects") + r")(?!\w)",
            re.IGNORECASE,
        )

    def gap_before(self, text: str, pos: int, floor: int = 0) -> int | None:
        """Where the words between a speaker and the verb at `pos` begin (the speaker's end)."""
        window = max(floor, pos - 80)
        m = self._gap_end.search(text[window:pos])
        return None if m is None else window + m.start()

    def appositive_before(self, text: str, pos: int, floor: int = 0) -> int | None:
        """Where a name set off by commas ends before the verb at `pos` (the closing comma)."""
        window = max(floor, pos - 60)
        m = self._appositive_end.search(text, window, pos)
        return None if m is None else m.start()

    def cues(self, text: str) -> CueIndex:
        """Every speech verb in `text`, indexed by position (a document keeps its own: `Document.cues`)."""
        return CueIndex(self.find_cues(text))

    def find_cues(self, text: str) -> list[Cue]:
        out = []
        for start, end in self._cue_spans(text):
            written = text[start:end]
            words = written.split()
            # As written ("issued the following statement"), else without an aside ("spoke, in
            # particular, about" is "spoke about").
            form = words[0] if len(words) == 1 else " ".join((words[0].rstrip(","), words[-1]))
            lemma = self.lemma.get(" ".join(words)) or self.lemma.get(form, form)
            out.append(Cue((start, end), written, lemma))
        return out

    def _cue_spans(self, text: str) -> list[Span]:
        """Where each cue stands, left to right; the longest where several begin at one word."""
        if self._openings is None:
            return [m.span() for m in self._every_cue.finditer(text)]  # type: ignore[union-attr]
        out: list[Span] = []
        last = 0
        for opening in self._openings.finditer(text):
            start = opening.start()
            if start < last:
                continue
            word = _CUE_WORD.match(text, start)
            forms = self._by_first.get(word.group()) if word else None
            if word is None or forms is None:
                continue
            if forms == [word.group()]:  # a one-word cue, and no longer cue opens with it
                end = word.end()
                if _RUNS_ON.match(text, end):
                    continue
            else:
                m = self._after(word.group()).match(text, start)
                if m is None:
                    continue
                end = m.end()
            out.append((start, end))
            last = end
        return out

    def _after(self, first: str) -> re.Pattern[str]:
        found = self._after_first.get(first)
        if found is None:
            found = self._after_first[first] = re.compile(
                "(?:" + word_tree(self._by_first[first], _ASIDE) + r")(?![\w-])"
            )
        return found


class CueIndex:
    """The speech verbs of one text, for lookups by offset."""

    def __init__(self, cues: list[Cue]) -> None:
        self.all = cues
        self._starts = [c.span[0] for c in cues]
        self._by_start = {c.span[0]: c for c in cues}

    def starting_at(self, pos: int) -> Cue | None:
        """The cue that begins exactly at `pos`."""
        return self._by_start.get(pos)

    def within(self, start: int, end: int) -> list[Cue]:
        """The cues that begin inside `[start, end)`, in order."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return self.all[lo:hi]


def lexicon() -> Lexicon:
    """The speech-verb lexicon, compiled once per version of its file."""
    return datafiles.compiled("speech_verbs.toml", Lexicon)
