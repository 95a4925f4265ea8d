"""A one-line label that shortens its text to the room it is given, instead of asking for more.

A plain QLabel's minimum width is its whole text, so a long topic name or title would
push its pane, and with it the window, wider on every change. This label elides at the
width the layout gives it (the full text in a tooltip) and never grows the layout.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """Plain text on one line, cut with an ellipsis at the available width; the whole in its tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None, min_chars: int = 8) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._min_chars = min_chars
        self._full = ""
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        super().setText(text)
        self.setToolTip(text if self._elided() != text else "")
        self.update()

    def full_text(self) -> str:
        """The text as given, before any shortening."""
        return self._full

    def shown_text(self) -> str:
        """The text as drawn at the current width."""
        return self._elided()

    def _elided(self) -> str:
        width = self.contentsRect().width()
        return QFontMetrics(self.font()).elidedText(self._full, Qt.TextElideMode.ElideRight, max(width, 0))

    def minimumSizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        return QSize(metrics.averageCharWidth() * self._min_chars, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(self.minimumSizeHint().width(), super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.setToolTip(self._full if self._elided() != self._full else "")

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setFont(self.font())
        painter.setPen(self.palette().color(self.foregroundRole()))
        flags = int(self.alignment()) | Qt.TextFlag.TextSingleLine.value
        painter.drawText(self.contentsRect(), flags, self._elided())
