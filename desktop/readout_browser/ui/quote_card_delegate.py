"""Draws each quote as a small card: the speaker and their title, the kind and cue, then the words in full.

A narrow pane cannot give a quote's words a wide column, so the words get the whole
width under a one-line heading, wrapped over as many lines as they need. The card's
height follows the width of the list, which lays its items out again on resize.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import QListView, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from readout_browser.ui.models.quote_model import CUE, KIND, SPEAKER, WORDS
from readout_browser.ui.models.roles import Index

_PAD = 8
"""Room inside a card, around its text."""
_GAP = 3
"""Room between the heading and the words."""
_SWATCH = 10
"""Side of the colour square before the kind."""


class CardListView(QListView):
    """A list of cards that knows how wide its viewport is without asking for the viewport.

    The viewport's resize events reach `resizeEvent`, and the width they carry is kept.
    Asking for `viewport()` instead would make PySide wrap a widget that Qt made, and to
    find its Python type it loads every QtWidgets class: a cost the first layout of the
    cards, before the window is on screen, need not pay. A hidden list is not told of
    resizes, so it asks its viewport.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._viewport_width: int | None = None

    def viewport_width(self) -> int:
        """The width of the viewport, where the cards are laid out."""
        if self._viewport_width is None or not self.isVisible():
            return self.viewport().width()
        return self._viewport_width

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Cards are measured again at once when the width changes, before they are painted.

        A top-to-bottom QListView lays its items out again only when its height changes, and
        then 100 ms late: a narrower list (a dragged dock, the scroll bar showing) would paint
        words wrapped over more lines than their row was measured for, over the next card.
        """
        self._viewport_width = event.size().width()
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()
            self.executeDelayedItemsLayout()


class QuoteCardDelegate(QStyledItemDelegate):
    """Paints a row of the quote table (reading its other columns) as a card."""

    def __init__(self, view: CardListView) -> None:
        super().__init__(view)
        self._view = view

    # -- measuring ---------------------------------------------------------------------

    @staticmethod
    def _fonts(base: QFont) -> tuple[QFont, QFont]:
        heading = QFont(base)
        heading.setWeight(QFont.Weight.DemiBold)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.9)
        return heading, small

    @staticmethod
    def _words(index: Index) -> str:
        return index.siblingAtColumn(WORDS).data() or ""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        heading, _small = self._fonts(option.font)
        width = max(80, self._view.viewport_width() - 2 * _PAD)
        words = QFontMetrics(option.font).boundingRect(
            QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), self._words(index)
        )
        height = _PAD + QFontMetrics(heading).height() + _GAP + words.height() + _PAD
        return QSize(width + 2 * _PAD, height)

    # -- painting ----------------------------------------------------------------------

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        """The row as the style draws it (background, selection, focus), without text: the card adds it."""
        super().initStyleOption(option, index)
        option.text = ""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)

        # Selected and active as the list tells the style; reading them from the option's
        # state instead would load PySide's QStyle class before the first paint.
        selected = self._view.selectionModel().isSelected(index)
        active = self._view.isActiveWindow()
        group = QPalette.ColorGroup.Active if active else QPalette.ColorGroup.Inactive
        text = opt.palette.color(
            group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = text if selected else opt.palette.color(group, QPalette.ColorRole.PlaceholderText)
        heading_font, small_font = self._fonts(opt.font)
        heading_height = QFontMetrics(heading_font).height()
        rect = opt.rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)

        painter.save()
        # Right of the heading: colour square, kind and cue ("■ Direct · said").
        kind = index.siblingAtColumn(KIND).data() or ""
        cue = index.siblingAtColumn(CUE).data() or ""
        badge = f"{kind} · {cue}" if cue and cue != "—" else kind
        small_metrics = QFontMetrics(small_font)
        badge_width = small_metrics.horizontalAdvance(badge)
        badge_left = rect.right() - badge_width
        swatch: QColor | None = index.siblingAtColumn(KIND).data(Qt.ItemDataRole.DecorationRole)
        if isinstance(swatch, QColor):
            top = rect.top() + (heading_height - _SWATCH) / 2
            square = QRectF(badge_left - _SWATCH - 5, top, _SWATCH, _SWATCH)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(opt.palette.color(QPalette.ColorRole.Mid))
            painter.setBrush(swatch)
            painter.drawRoundedRect(square, 2, 2)
        painter.setFont(small_font)
        painter.setPen(muted)
        badge_rect = QRect(badge_left, rect.top(), badge_width + 1, heading_height)
        painter.drawText(badge_rect, int(Qt.AlignmentFlag.AlignVCenter), badge)

        # Left of the heading: the speaker's name, then their title, elided to fit.
        speaker = (index.siblingAtColumn(SPEAKER).data() or "").split("\n")
        name, title = speaker[0], speaker[1] if len(speaker) > 1 else ""
        room = max(0, badge_left - _SWATCH - 16 - rect.left())
        heading_metrics = QFontMetrics(heading_font)
        name = heading_metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
        name_width = heading_metrics.horizontalAdvance(name)
        painter.setFont(heading_font)
        painter.setPen(text)
        painter.drawText(
            QRect(rect.left(), rect.top(), name_width + 1, heading_height),
            int(Qt.AlignmentFlag.AlignVCenter),
            name,
        )
        if title and room - name_width > 40:
            painter.setFont(small_font)
            painter.setPen(muted)
            title = small_metrics.elidedText(title, Qt.TextElideMode.ElideRight, room - name_width - 8)
            title_rect = QRect(
                rect.left() + name_width + 8, rect.top(), room - name_width - 8, heading_height
            )
            painter.drawText(title_rect, int(Qt.AlignmentFlag.AlignVCenter), title)

        # Below: the words, wrapped over the full width.
        painter.setFont(opt.font)
        painter.setPen(text)
        words_rect = QRect(rect.left(), rect.top() + heading_height + _GAP, rect.width(), rect.height())
        painter.drawText(words_rect, int(Qt.TextFlag.TextWordWrap), self._words(index))
        painter.restore()
