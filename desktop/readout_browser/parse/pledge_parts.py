"""How pledges nest across sentences: the parts of a sum and the sums of parts.

Readouts break a sum down in many ways besides "of which": a later sentence that points back
("This aid will deliver food worth USD 2 million ..., and nutrition worth USD 0.5 million"), a
list after a heading ("the following assistance: (1) ...: 30 million USD (2) ..."), "Of the $50
billion, $20 billion ...", and a total named after its parts ("With this announcement, Canada
has committed $203.5 million", "30 million USD in total"). Money grammar bounds every reading:
the parts of a sum never add up to more than the sum. The words are data (`[parts]` of
`resources/pledges.toml`).
"""

from __future__ import annotations

import re

from readout_browser.parse.amount_context import CLAUSE_END, AmountContext, Candidate, last_deciding

# A paragraph that is an item of a list: "(1) ...", "2) ...", "a) ...", "- ...", "• ...".
_ITEM = re.compile(r"[ \t]*(?:\(\s*\d{1,2}\s*\)|\d{1,2}[.)](?=\s)|[a-z][.)](?=\s)|[-–—•·▪●*](?=\s))")
# A bracket right after an amount: its value in another currency, "(app. 3 billion JPY)".
_BRACKETED = re.compile(r"\s*[(\[][^()\[\]]{0,60}[)\]]")
# What may stand before a sentence's first word: marks and a paragraph number ("3. With this aid").
_ENUMERATOR = re.compile(r"[\s\"“]*(?:\(?\d{1,2}[.)]\s*)?")
# "Of the $50 billion, ..." opening a sentence: the amount named is the whole of what follows.
_OF_THE_OPENING = re.compile(
    r"(?i)[\s\"“]*(?:(?:and|but|so)\s+)?(?:of|out of|from)\s+(?:the|this|that|these|those|its)\s+$"
)
# The parts of a sum may be written rounded ("app. 0.6 million"): this much over the sum is still in it.
_TOLERANCE = 1.005
# How many sentences before a total its parts may stand.
_TOTAL_REACH = 6
# How many pledges back a whole is looked for (a long readout costs no more per pledge than a short one).
_LOOK_BACK = 60


class PartReader(AmountContext):
    """Finds the parts of pledges that their own sentence does not tie to a whole."""

    def list_heads(self) -> dict[int, int]:
        """For each paragraph that is an item of a list, the paragraph that opens the list (the
        one before its first item, ending with ":" or ";"); found once."""
        if self._heads is None:
            text, heads = self.text, {}
            head = None
            for k, (s, e) in enumerate(self.doc.paragraphs):
                if _ITEM.match(text, s, e):
                    if head is not None:
                        heads[k] = head
                    continue
                head = k if text[s:e].rstrip().endswith((":", ";")) else None
            self._heads = heads
        return self._heads

    def list_head_of(self, pos: int) -> int | None:
        """The paragraph that opens the list whose item holds `pos`, if it is in one."""
        k = self.doc.paragraph_index(pos)
        return None if k is None else self.list_heads().get(k)

    def head_gives(self, head: int, cands: list[Candidate]) -> bool:
        """Whether a list's opening paragraph gives money: it holds a pledge, or its last word
        that decides is a giving one ("the funds are to be used for the following ...:"), not a
        need or the like ("Ukraine needs the following:")."""
        s, e = self.doc.paragraphs[head]
        if any(s <= c.amount.span[0] < e for c in cands):
            return True
        deciding = last_deciding(self.words.find(self.text, s, e))
        return deciding is not None and deciding.kind != "block"

    def link_nested(self, cands: list[Candidate]) -> None:
        """Parents that the part's own sentence does not give: "Of the $50 billion, ...",
        a sentence that points back to the last pledge, the items of a list."""
        self._link_of_the(cands)
        self._link_back_references(cands)
        self._link_lists(cands)

    def _link_of_the(self, cands: list[Candidate]) -> None:
        text = self.text
        for k, c in enumerate(cands):
            if c.parent is not None:
                continue
            if self.words.after_whole.match(text, c.amount.span[1], self.sentence_span(c.sentence)[1]):
                # "$40 million of that total": the last larger pledge of this or the last two sentences
                larger = (
                    j
                    for j in range(k - 1, max(-1, k - _LOOK_BACK), -1)
                    if cands[j].amount.value > c.amount.value
                )
                whole = next(larger, None)
                if whole is not None and c.sentence - cands[whole].sentence <= 2:
                    c.parent = whole
                continue
            s, _ = self.sentence_span(c.sentence)
            whole = self.amount_after(s, c.sentence)  # the sentence's first amount
            if whole is None or whole is c.amount or not _OF_THE_OPENING.fullmatch(text, s, whole.start):
                continue
            if not CLAUSE_END.search(text, whole.span[1], c.amount.start):
                continue
            near = range(k - 1, max(-1, k - _LOOK_BACK), -1)
            named = next((j for j in near if cands[j].amount is whole), None)
            if named is None:  # "Of the $50 billion" names again a pledge read before
                same = (
                    j
                    for j in near
                    if (cands[j].amount.value, cands[j].amount.currency) == (whole.value, whole.currency)
                )
                named = next(same, None)
            c.parent = named

    def _link_back_references(self, cands: list[Candidate]) -> None:
        text = self.text
        by_sentence: dict[int, list[int]] = {}
        for k, c in enumerate(cands):
            by_sentence.setdefault(c.sentence, []).append(k)
        for i, members in by_sentence.items():
            parts = [k for k in members if cands[k].parent is None]
            if not parts:
                continue
            s, _ = self.sentence_span(i)
            ref = self.words.back_reference.match(text, s)
            if ref is None or ref.end() > cands[members[0]].amount.start:
                continue  # "This additional $10 million ..." names the amount itself, not a whole
            j = members[0] - 1  # the last pledge before, in one of the two sentences before
            if j >= 0 and i - 2 <= cands[j].sentence < i:
                self._give_parent(cands, j, parts)

    def _link_lists(self, cands: list[Candidate]) -> None:
        lists: dict[int, list[int]] = {}
        for k, c in enumerate(cands):
            head = self.list_head_of(c.amount.span[0])
            if head is not None and c.parent is None:
                lists.setdefault(head, []).append(k)
        for head, items in lists.items():
            hs, he = self.doc.paragraphs[head]
            inside = [
                j
                for j in range(items[0] - 1, max(-1, items[0] - _LOOK_BACK), -1)
                if hs <= cands[j].amount.span[0] < he
            ][::-1]
            if inside:
                self._give_parent(cands, inside[-1], items)
                continue
            total = sum(cands[k].amount.value for k in items)
            # The opening holds no pledge: the nearest of the last pledges before it that the items fit in.
            for j in range(items[0] - 1, max(-1, items[0] - 4), -1):
                fits = cands[j].amount.value * _TOLERANCE >= total
                if fits and self._same_money(cands[j], cands[items[0]]):
                    self._give_parent(cands, j, items)
                    break

    def _give_parent(self, cands: list[Candidate], whole: int, parts: list[int]) -> None:
        """Make `whole` the parent of `parts` when they fit in it: together no larger, and not
        one amount equal to it (that one names the whole again)."""
        values = [cands[k].amount.value for k in parts]
        w = cands[whole].amount.value
        if sum(values) > w * _TOLERANCE or (len(values) == 1 and values[0] * _TOLERANCE >= w):
            return
        for k in parts:
            if k != whole and self._same_money(cands[whole], cands[k]):
                cands[k].parent = whole

    @staticmethod
    def _same_money(a: Candidate, b: Candidate) -> bool:
        """Whether two amounts may be in one currency (a bare one may be in any)."""
        x, y = a.currency or a.amount.currency, b.currency or b.amount.currency
        return x is None or y is None or x == y

    def is_total(self, c: Candidate) -> bool:
        """Whether an amount is named as the sum of others: "30 million USD (3 billion JPY) in
        total", "a total of $6.5 million", "With this announcement, Canada has committed ..."."""
        text, a, i = self.text, c.amount, c.sentence
        pos = a.span[1]
        bracket = _BRACKETED.match(text, pos)
        if self.words.totals_after.match(text, bracket.end() if bracket else pos):
            return True
        if self.words.totals_before.search(text, self.before_start(a, i), a.start):
            return True
        s, _ = self.sentence_span(i)
        opening = self.words.total_openings.match(text, _ENUMERATOR.match(text, s).end())  # type: ignore[union-attr]
        if opening is None:
            return False
        comma = CLAUSE_END.search(text, opening[1], a.start)
        if comma is None:
            return False
        previous = self.amount_before(a.start, i)  # the total is the first amount after the opening
        return previous is None or previous.span[1] <= comma.start()

    def link_totals(self, cands: list[Candidate]) -> None:
        """Make each total the parent of the pledges just before it whose sum it holds: in
        the same currency, not yet part of anything, together no larger than it."""
        for k, t in enumerate(cands):
            if not self.is_total(t):
                continue
            parts, total = [], 0.0
            for j in range(k - 1, -1, -1):
                c = cands[j]
                if t.sentence - c.sentence > _TOTAL_REACH:
                    break
                if c.parent is not None:
                    continue
                if c.currency != t.currency or total + c.amount.value > t.amount.value * _TOLERANCE:
                    break
                parts.append(j)
                total += c.amount.value
            if parts:
                self._give_parent(cands, k, parts)
