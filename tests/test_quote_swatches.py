"""The quote cards' colour squares: the kind's hue, in the shade that suits the desktop's palette."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from readout_browser.model import Person, Quote, Readout, Source
from readout_browser.ui.highlight import SWATCHES, Mark
from readout_browser.ui.models.quote_model import KIND, SPEAKER
from readout_browser.ui.quote_view import QuoteView

TEXT = "The President said: “We will rebuild.” He noted that talks would go on."


def readout() -> Readout:
    direct = (TEXT.index("“") + 1, TEXT.index("”"))
    reported = (TEXT.index("talks"), len(TEXT) - 1)
    return Readout(
        source=Source(title="Talks", date="2025-01-10"),
        text=TEXT,
        people=(Person("p", name="Ana Lima", title="President"),),
        quotes=(
            Quote("q1", "direct", TEXT[direct[0] : direct[1]], direct, speaker="p", cue="said"),
            Quote("q2", "reported", TEXT[reported[0] : reported[1]], reported, speaker="p", cue="noted"),
        ),
        sentences=((0, TEXT.index(" He")), (TEXT.index("He"), len(TEXT))),
    )


def swatch(view: QuoteView, row: int) -> QColor:
    return view.model.index(row, KIND).data(Qt.ItemDataRole.DecorationRole)


def test_each_card_reads_in_full_to_a_screen_reader(qtbot: QtBot) -> None:
    view = QuoteView()
    qtbot.addWidget(view)
    view.set_readout(readout())
    card = view.model.index(0, SPEAKER).data(Qt.ItemDataRole.AccessibleTextRole)
    assert card == "Ana Lima, direct, said: We will rebuild."


def test_swatches_take_the_dark_shades_when_the_desktop_goes_dark(qtbot: QtBot) -> None:
    view = QuoteView()
    qtbot.addWidget(view)
    view.set_readout(readout())
    view.show()
    qtbot.waitExposed(view)
    light = QApplication.palette()
    assert swatch(view, 0) == QColor(SWATCHES[Mark.DIRECT].light)
    dark = QPalette(light)
    dark.setColor(QPalette.ColorRole.Base, QColor("#202020"))
    try:
        QApplication.setPalette(dark)
        qtbot.waitUntil(lambda: swatch(view, 0) == QColor(SWATCHES[Mark.DIRECT].dark))
        assert swatch(view, 1) == QColor(SWATCHES[Mark.REPORTED].dark)
    finally:
        QApplication.setPalette(light)
    qtbot.waitUntil(lambda: swatch(view, 0) == QColor(SWATCHES[Mark.DIRECT].light))
