"""The readout as published, with what was found in it coloured in place.

The text is always set as plain text: a readout that contains "<b>" or "&amp;" shows
exactly those characters. People, quotes and pledges are coloured with character
formats in the document itself (so printing keeps them); the chosen topic's sentences
and the chosen item are drawn over them as extra selections, which come and go
without touching the document, and so are the find bar's matches, over everything
else (the current match in a colour of its own). With a topic chosen, the text
outside its sentences fades. A click in the text reports the character offset clicked, and the window
decides what lies there.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextOption,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from readout_browser.model import Readout, Span
from readout_browser.ui.highlight import Mark, char_format, current_format, dimmed_format, hit_format

if TYPE_CHECKING:  # the classes of events load when the first such event comes
    from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent

_MEASURE = 80
"""At most this many characters to a line: past that, the eye loses its place on a wide screen."""
_CONTEXT_LINES = 3
"""How many lines of text stay visible above an item the view scrolls to."""


class SourceView(QTextEdit):
    """A read-only, selectable view of the readout text with highlights."""

    offset_chosen = Signal(int)
    """The user clicked (or pressed Enter) at this character offset of the text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceView")
        self.setAccessibleName("Source text")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDocumentMargin(12)
        self._readout: Readout | None = None
        self._topic: tuple[Span, ...] = ()
        self._current: Span | None = None
        self._hits: tuple[Span, ...] = ()
        self._current_hit: Span | None = None

    def readout(self) -> Readout | None:
        """The readout shown."""
        return self._readout

    def set_readout(self, readout: Readout | None) -> None:
        """Show another readout's text (or none), with its people, quotes and pledges marked."""
        self._readout = readout
        self._topic = ()
        self._current = None
        self._hits = ()
        self._current_hit = None
        # setPlainText gives the new text the format of the character at the caret, which may be the
        # last readout's person mark: start from a blank format, so marks never bleed between readouts.
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.setCurrentCharFormat(QTextCharFormat())
        self.setPlainText(readout.text if readout else "")
        blank = QTextCursor(self.document())
        blank.select(QTextCursor.SelectionType.Document)
        blank.setCharFormat(QTextCharFormat())
        self._space_paragraphs()
        if readout is not None:
            self._mark_items(readout)
        self._refresh_selections()
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._fit_measure()

    def measure(self) -> int:
        """The width in pixels the text's lines are kept to."""
        return self.fontMetrics().averageCharWidth() * _MEASURE

    def _fit_measure(self) -> None:
        """Centre the text in a column of readable width when the pane is wider than that."""
        margin = int(self.document().documentMargin())  # the root frame's margin: set here, it is replaced
        spare = max(0, self.viewport().width() - 2 * margin - self.measure())
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        if fmt.leftMargin() != margin + spare // 2:
            fmt.setLeftMargin(margin + spare // 2)
            fmt.setRightMargin(margin + spare - spare // 2)
            frame.setFrameFormat(fmt)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_measure()

    def _space_paragraphs(self) -> None:
        """A little air between paragraphs and lines: readouts are dense prose."""
        block = QTextBlockFormat()
        block.setBottomMargin(self.fontMetrics().height() * 0.6)
        block.setLineHeight(115, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(block)

    def _mark_items(self, readout: Readout) -> None:
        palette = self.palette()
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        # The saved page's own subheadings, shown as the page showed them (and read out as headings).
        heading, level = QTextCharFormat(), QTextBlockFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        heading.setProperty(QTextFormat.Property.FontSizeAdjustment, 1)
        level.setHeadingLevel(3)
        for span in readout.source.headings:
            if self._select(cursor, span):
                cursor.mergeBlockFormat(level)
                cursor.mergeCharFormat(heading)
        for quote in readout.quotes:
            mark = Mark.DIRECT if quote.kind == "direct" else Mark.REPORTED
            self._merge(cursor, quote.span, char_format(mark, palette))
        for pledge in readout.pledges:
            self._merge(cursor, pledge.span, char_format(Mark.PLEDGE, palette))
        for person in readout.people:
            for mention in person.mentions:
                self._merge(cursor, mention, char_format(Mark.PERSON, palette))
        cursor.endEditBlock()

    def _merge(self, cursor: QTextCursor, span: Span, fmt: QTextCharFormat) -> None:
        if self._select(cursor, span):
            cursor.mergeCharFormat(fmt)

    def _select(self, cursor: QTextCursor, span: Span) -> bool:
        """Select a span with the cursor; False when the span lies outside the text."""
        length = self.document().characterCount() - 1
        start, end = max(0, span[0]), min(span[1], length)
        if start >= end:
            return False
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return True

    # -- what the user chose ------------------------------------------------------

    def topic_sentences(self) -> tuple[Span, ...]:
        """The sentences highlighted as the chosen topic's."""
        return self._topic

    def current_span(self) -> Span | None:
        """The span of the chosen quote or pledge."""
        return self._current

    def show_topic(self, sentences: Sequence[Span] | None) -> None:
        """Highlight a topic's sentences (None or empty: no topic) and bring the first into view."""
        self._topic = tuple(sorted(sentences or ()))
        self._refresh_selections()
        if self._topic:
            self._scroll_to(self._topic[0])

    def show_item(self, span: Span | None) -> None:
        """Highlight a quote's or pledge's span (None: nothing chosen) and scroll to it."""
        self._current = span
        self._refresh_selections()
        if span is not None:
            self._scroll_to(span)

    def hit_spans(self) -> tuple[Span, ...]:
        """The find bar's matches highlighted in the text."""
        return self._hits

    def current_hit(self) -> Span | None:
        """The match the user stepped to, if any."""
        return self._current_hit

    def show_hits(self, spans: Sequence[Span], current: Span | None = None) -> None:
        """Highlight every match (none: clear them) and the current one, and scroll to the current."""
        self._hits = tuple(spans)
        self._current_hit = current
        self._refresh_selections()
        if current is not None:
            self._scroll_to(current)

    def scroll_to_offset(self, offset: int) -> None:
        """Bring a place in the text into view (the first match as the user types)."""
        self._scroll_to((offset, offset + 1))

    def _refresh_selections(self) -> None:
        palette = self.palette()
        selections: list[QTextEdit.ExtraSelection] = []
        readout = self._readout
        for gap in self._outside_topic():
            selections += self._extra(gap, dimmed_format(palette))
        for sentence in self._topic:
            selections += self._extra(sentence, char_format(Mark.TOPIC, palette))
        if readout is not None and self._topic:
            # The topic's tint must not hide the colours of the items inside its sentences.
            for quote in readout.quotes:
                mark = Mark.DIRECT if quote.kind == "direct" else Mark.REPORTED
                selections += self._extra(quote.span, char_format(mark, palette), within=self._topic)
            for pledge in readout.pledges:
                selections += self._extra(pledge.span, char_format(Mark.PLEDGE, palette), within=self._topic)
        if self._current is not None:
            selections += self._extra(self._current, current_format(palette))
        for hit in self._hits:
            selections += self._extra(hit, hit_format(palette, current=hit == self._current_hit))
        self.setExtraSelections(selections)

    def _outside_topic(self) -> list[Span]:
        """The stretches of text between the chosen topic's sentences (none without a topic)."""
        if not self._topic:
            return []
        gaps, at = [], 0
        for start, end in self._topic:
            if start > at:
                gaps.append((at, start))
            at = max(at, end)
        length = self.document().characterCount() - 1
        if at < length:
            gaps.append((at, length))
        return gaps

    def _extra(
        self, span: Span, fmt: QTextCharFormat, within: Sequence[Span] | None = None
    ) -> list[QTextEdit.ExtraSelection]:
        """Extra selections painting `fmt` over a span (clipped to the sentences `within`)."""
        pieces = [span] if within is None else [(max(span[0], s), min(span[1], e)) for s, e in within]
        found = []
        for piece in pieces:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            if self._select(cursor, piece):
                selection.cursor = cursor
                selection.format = fmt
                found.append(selection)
        return found

    def _scroll_to(self, span: Span) -> None:
        """Bring a span into view with a few lines of context above it; the caret stays put."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(max(0, span[0]), self.document().characterCount() - 1))
        top = self.cursorRect(cursor).top() + self.verticalScrollBar().value()
        bar = self.verticalScrollBar()
        line = self.fontMetrics().lineSpacing()
        visible = self.viewport().height()
        end_cursor = QTextCursor(self.document())
        end_cursor.setPosition(min(span[1], self.document().characterCount() - 1))
        bottom = self.cursorRect(end_cursor).bottom() + bar.value()
        if top >= bar.value() and bottom <= bar.value() + visible:
            return  # already in full view: do not jump
        bar.setValue(max(0, top - _CONTEXT_LINES * line))

    # -- clicks -------------------------------------------------------------------

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.offset_chosen.emit(self.cursorForPosition(event.position().toPoint()).position())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.offset_chosen.emit(self.textCursor().position())
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        """Re-colour when the desktop switches between light and dark; keep the measure on a new font."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_measure()
        if event.type() == QEvent.Type.PaletteChange and self._readout is not None:
            self._recolour()

    def _recolour(self) -> None:
        """Apply the palette's colours to the marks again, keeping what is chosen."""
        if self._readout is None:
            return
        topic, current, hits, current_hit = self._topic, self._current, self._hits, self._current_hit
        scroll = self.verticalScrollBar().value()
        self.set_readout(self._readout)
        self._topic, self._current, self._hits, self._current_hit = topic, current, hits, current_hit
        self._refresh_selections()
        self.verticalScrollBar().setValue(scroll)
