"""A tree view whose rows grow to show long text wrapped over several lines, and which says so when empty.

Qt's views size a row before they know how wide its columns are, and keep that height
when a column is resized; a quote then shows as one clipped line. Here the delegate
measures each cell at its column's real width, and the rows are laid out again
whenever a column changes width. An empty view shows a short note ("No quotes in
this readout") instead of a blank pane.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeView, QWidget

from readout_browser.ui.models.roles import Index

_PADDING = 6
"""Vertical room around wrapped text, so lines do not touch the row's edges."""


class _WrapDelegate(QStyledItemDelegate):
    """Measures a cell's text at the width its column has now."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """The width the text wants on one line, and the height it needs at the column's width."""
        unwrapped = super().sizeHint(option, index)
        width = self._view.columnWidth(index.column())
        if width <= 0 or unwrapped.width() <= width:
            return QSize(unwrapped.width(), unwrapped.height() + _PADDING)
        fitted = QStyleOptionViewItem(option)
        fitted.rect = QRect(0, 0, width, max(1, option.rect.height()))
        wrapped = super().sizeHint(fitted, index)
        return QSize(unwrapped.width(), wrapped.height() + _PADDING)


class WrappingTreeView(QTreeView):
    """A QTreeView with word-wrapped cells whose row heights follow the column widths."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setItemDelegate(_WrapDelegate(self))
        self.header().sectionResized.connect(self._relayout)
        self._placeholder = ""
        self._fitting = False

    def set_placeholder(self, text: str) -> None:
        """The note shown when the view has no rows."""
        if text == self._placeholder:
            return
        self._placeholder = text
        if self.isVisible():  # a hidden view paints afresh when it is shown
            self.viewport().update()

    def fit_columns(self, columns: Iterable[int], limit: int) -> None:
        """Size columns to their contents, none wider than `limit` pixels.

        The rows are laid out again once at the end, not after every column: each layout
        measures every cell, and start-up waits for this.
        """
        self._fitting = True
        try:
            for column in columns:
                self.resizeColumnToContents(column)
                self.setColumnWidth(column, min(self.columnWidth(column), limit))
        finally:
            self._fitting = False
        self.scheduleDelayedItemsLayout()

    def _relayout(self) -> None:
        if not self._fitting:
            self.scheduleDelayedItemsLayout()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if self._placeholder and (model is None or model.rowCount(self.rootIndex()) == 0):
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            rect = self.viewport().rect().adjusted(12, 12, -12, -12)
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            painter.drawText(rect, int(flags), self._placeholder)
            painter.end()
