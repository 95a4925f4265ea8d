"""A readout body cut into paragraphs and sentences: what every extraction stage reads.

The stages ask the same questions of one text (where the speech verbs are, which stretches are
quoted, what its words are), so the document answers each once, the first time a stage asks,
and every later stage reads the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from readout_browser.model import Source, Span, span_index

if TYPE_CHECKING:
    from readout_browser.parse.marks import QuoteIndex, Stretch
    from readout_browser.parse.money import Amount
    from readout_browser.parse.speech import CueIndex
    from readout_browser.parse.tokens import Tokens


@dataclass(frozen=True)
class Document:
    """The body text with its segmentation; spans are `[start, end)` into `text`."""

    text: str
    source: Source
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    # The quoted stretches, as segmentation found them (it needs them to keep a quote's full stops
    # inside its sentence); found afresh when a document is made without them.
    quoted: tuple[Stretch, ...] | None = field(default=None, compare=False, repr=False)

    def paragraph_index(self, offset: int) -> int | None:
        """Index of the paragraph that holds a character offset."""
        return span_index(self.paragraphs, offset)

    @cached_property
    def cues(self) -> CueIndex:
        """Every speech verb of the text."""
        from readout_browser.parse.speech import lexicon

        return lexicon().cues(self.text)

    @cached_property
    def marks(self) -> QuoteIndex:
        """The quoted stretches of the text."""
        from readout_browser.parse.marks import QuoteIndex, stretches

        found = self.quoted if self.quoted is not None else stretches(self.text, self.paragraphs)
        return QuoteIndex(found)

    @cached_property
    def amounts(self) -> tuple[Amount, ...]:
        """Every amount of money in the text (the pledge and the other-amount stages both read them)."""
        from readout_browser.parse.money import find_amounts

        return tuple(find_amounts(self.text))

    @cached_property
    def tokens(self) -> Tokens:
        """The words of the text with their offsets."""
        from readout_browser.parse.tokens import Tokens

        return Tokens.of(self.text)
