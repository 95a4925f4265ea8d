"""Draws an open readout in the side list as two lines: its title, then its date and counterpart."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QListView, QStyledItemDelegate, QStyleOptionViewItem

from readout_browser.ui.models.roles import Index, Role

_MARGIN = 6


class ReadoutDelegate(QStyledItemDelegate):
    """Title in bold, elided to the width; the second line smaller and muted."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setWeight(QFont.Weight.DemiBold)
        detail = QFont(option.font)
        detail.setPointSizeF(option.font.pointSizeF() * 0.9)
        return title, detail

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        title, detail = self._fonts(option)
        height = QFontMetrics(title).height() + QFontMetrics(detail).height() + 3 * _MARGIN
        return QSize(0, height)  # as wide as the list; long titles are elided

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        """The row as the style draws it (background, selection, focus), without text: paint adds it."""
        super().initStyleOption(option, index)
        option.text = ""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)

        # Selected and active as the list tells the style; reading them from the option's
        # state instead would load PySide's QStyle class before the first paint.
        selected = self._view.selectionModel().isSelected(index)
        group = QPalette.ColorGroup.Active if self._view.isActiveWindow() else QPalette.ColorGroup.Inactive
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        detail_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        title_font, detail_font = self._fonts(opt)
        rect = opt.rect.adjusted(_MARGIN + 2, _MARGIN, -_MARGIN, -_MARGIN)
        title_height = QFontMetrics(title_font).height()

        painter.save()
        painter.setFont(title_font)
        painter.setPen(opt.palette.color(group, text_role))
        title = QFontMetrics(title_font).elidedText(
            index.data() or "", Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), title_height), 0, title)
        painter.setFont(detail_font)
        painter.setPen(opt.palette.color(group, detail_role))
        detail_text = index.data(Role.SECONDARY) or ""
        detail = QFontMetrics(detail_font).elidedText(detail_text, Qt.TextElideMode.ElideRight, rect.width())
        top = rect.top() + title_height + _MARGIN // 2
        painter.drawText(QRect(rect.left(), top, rect.width(), rect.bottom() - top), 0, detail)
        painter.restore()
