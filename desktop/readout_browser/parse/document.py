"""A readout body cut into paragraphs and sentences: what every extraction stage reads."""

from __future__ import annotations

from dataclasses import dataclass

from readout_browser.model import Source, Span, span_index


@dataclass(frozen=True)
class Document:
    """The body text with its segmentation; spans are `[start, end)` into `text`."""

    text: str
    source: Source
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]

    def paragraph_index(self, offset: int) -> int | None:
        """Index of the paragraph that holds a character offset."""
        return span_index(self.paragraphs, offset)
