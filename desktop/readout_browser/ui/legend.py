"""A one-line key to the colours of the source text, so no one has to guess what green means."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from readout_browser.ui.highlight import Mark, colour


class Legend(QWidget):
    """Swatch and name of each kind of mark."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        self._swatches: dict[Mark, QLabel] = {}
        for mark in Mark:
            item = QHBoxLayout()
            item.setSpacing(5)
            swatch = QLabel()
            name = QLabel(mark.value)
            name.setTextFormat(Qt.TextFormat.PlainText)
            item.addWidget(swatch)
            item.addWidget(name)
            layout.addLayout(item)
            self._swatches[mark] = swatch
        layout.addStretch(1)
        self._paint_swatches()

    def _paint_swatches(self) -> None:
        size = self.fontMetrics().height() - 2
        ratio = self.devicePixelRatioF()
        for mark, label in self._swatches.items():
            pixmap = QPixmap(round(size * ratio), round(size * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(self.palette().mid().color())
            painter.setBrush(colour(mark, self.palette()))
            painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 3, 3)
            painter.end()
            label.setPixmap(pixmap)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._paint_swatches()
