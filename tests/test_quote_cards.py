"""Quote cards never overlap: each row is as tall as the words its card wraps at the width it paints.

The readout is written here: a call with several long quotes, direct and reported, so the words
wrap over more lines as the Quotes pane narrows and the scroll bar comes and goes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from readout_browser import jsonform
from readout_browser.model import Person, Quote, Readout, Source, Span
from readout_browser.ui.main_window import MainWindow
from readout_browser.ui.models.quote_model import WORDS
from readout_browser.ui.quote_card_delegate import _GAP, _PAD

SAID = (
    "The Chancellor received the Prime Minister of Portugal at the federal chancellery.",
    "“Our two countries will keep building the power lines, the ports and the rail links that join "
    "the west of the continent to its centre, whatever the cost and however long it takes,” "
    "the Chancellor said.",
    "The Prime Minister stressed that the single market must be finished for services, for energy "
    "and for capital before the end of the decade, and that the budget should reflect that aim.",
    "“We are ready to share what our engineers have learnt about wind at sea with every partner "
    "who asks, and to train the people who will build and run the new farms,” the Prime Minister said.",
    "The Chancellor noted that the talks on migration had moved forward and that the ministers of the "
    "interior would meet again in the spring to settle the remaining questions of the agreement.",
    "“Nobody in this room believes the work is done,” the Chancellor added.",
)


def long_quotes() -> Readout:
    said = SAID * 3  # the meeting went over the same ground three times: enough cards to scroll
    text = "\n".join(said)
    lines, at = [], 0
    for line in said:
        lines.append((at, at + len(line)))
        at += len(line) + 1

    def quote(n: int, kind: str, speaker: str, copy: int) -> Quote:
        line = SAID[n]
        words = line[1 : line.index("”")] if kind == "direct" else line.split(" that ", 1)[1].rstrip(".")
        start = lines[copy * len(SAID) + n][0]
        at = text.index(words, start)
        return Quote(f"q{copy}-{n}", kind, words, (at, at + len(words)), speaker, cue="said")

    return Readout(
        source=Source(
            title="Talks with the Prime Minister of Portugal", date="2025-04-02", publisher="Bundesregierung"
        ),
        text=text,
        people=(
            Person("ch", "Greta Vogel", "Chancellor", "Germany", (span_of(text, "The Chancellor"),)),
            Person(
                "pm",
                "Rui Antunes",
                "Prime Minister of Portugal",
                "Portugal",
                (span_of(text, "the Prime Minister"),),
            ),
        ),
        quotes=tuple(
            quote(n, kind, speaker, copy)
            for copy in range(3)
            for n, kind, speaker in (
                (1, "direct", "ch"),
                (2, "reported", "pm"),
                (3, "direct", "pm"),
                (4, "reported", "ch"),
                (5, "direct", "ch"),
            )
        ),
        sentences=tuple(lines),
        paragraphs=tuple(lines),
    )


def span_of(text: str, fragment: str) -> Span:
    at = text.index(fragment)
    return (at, at + len(fragment))


@pytest.fixture
def window(qtbot: QtBot, seed_window_at, tmp_path: Path) -> MainWindow:
    win = seed_window_at(1920, 720)
    path = tmp_path / "lisbon.json"
    path.write_text(jsonform.dumps(long_quotes()), encoding="utf-8")
    win.open_paths([path], remember=False)
    qtbot.waitUntil(lambda: win.views.quotes.proxy.rowCount() == 15)
    return win


def overlaps(window: MainWindow) -> list[str]:
    """Cards whose wrapped words need more height than their row has, or rows that run into the next."""
    view = window.views.quotes.list
    proxy = view.model()
    metrics = QFontMetrics(view.font())
    heading = QFontMetrics(view.font()).height()
    rects = [view.visualRect(proxy.index(r, 0)) for r in range(proxy.rowCount())]
    found = []
    for row, rect in enumerate(rects):
        words = proxy.index(row, WORDS).data()
        wrapped = metrics.boundingRect(
            QRect(0, 0, rect.width() - 2 * _PAD, 100_000), int(Qt.TextFlag.TextWordWrap), words
        )
        needed = _PAD + heading + _GAP + wrapped.height() + _PAD
        if needed > rect.height():
            found.append(f"row {row} at {rect.width()} px: {rect.height()} tall, words need {needed}")
        if row + 1 < len(rects) and rect.bottom() >= rects[row + 1].top():
            found.append(f"row {row} runs into row {row + 1}")
    return found


def test_at_every_width_and_zoom_each_quote_card_is_as_tall_as_its_wrapped_words(
    qtbot: QtBot, window: MainWindow
) -> None:
    dock, view, kinds = window.quotes_dock, window.views.quotes.list, window.views.quotes.kind_box
    seen_bar = set()
    for zoom, kind in ((0, "All kinds"), (3, "All kinds"), (-2, "Reported"), (0, "Reported")):
        window.set_zoom(zoom)
        kinds.setCurrentText(kind)  # the reported ones alone fit a wide pane: no scroll bar
        for width in (300, 420, 560, 700, 900, 1300, 1900, 1500, 380):
            window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
            QApplication.processEvents()
            qtbot.wait(10)
            seen_bar.add(view.verticalScrollBar().isVisible())
            assert not overlaps(window), (zoom, kind, width, view.viewport().width(), overlaps(window))
    assert seen_bar == {True, False}, "some widths show the scroll bar and some do not"
