"""A readout body cut into paragraphs and sentences: what every extraction stage reads."""

from __future__ import annotations

from dataclasses import dataclass

from readout_browser.model import Source, Span


@dataclass(frozen=True)
class Document:
    """The body text with its segmentation; spans are `[start, end)` into `text`."""

    text: str
    source: Source
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]

    def sentence_index(self, offset: int) -> int | None:
        """Index of the sentence that holds a character offset."""
        for i, (start, end) in enumerate(self.sentences):
            if start <= offset < end:
                return i
        return None

    def paragraph_index(self, offset: int) -> int | None:
        """Index of the paragraph that holds a character offset."""
        for i, (start, end) in enumerate(self.paragraphs):
            if start <= offset < end:
                return i
        return None
