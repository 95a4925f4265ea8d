"""The window at the two commonest desktop sizes: every pane shows something, nothing is cut off.

Each run saves screenshots under tests/artifacts/ (not kept in git) for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QHeaderView, QTreeView
from pytestqt.qtbot import QtBot

from readout_browser.paths import default_seed
from readout_browser.ui.main_window import MainWindow

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
SIZES = [(1280, 800), (1920, 1080)]


@pytest.fixture
def shown(qtbot: QtBot, message_boxes: list[tuple[str, str]], request: pytest.FixtureRequest) -> MainWindow:
    width, height = request.param
    window = MainWindow()  # as `open_window` builds it, but sized like a first run on that screen
    qtbot.addWidget(window)
    window.resize(width, height)
    window.open_paths([default_seed()], remember=False)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.views.pledges.model.conversions_ready, timeout=20_000)
    qtbot.wait(50)
    return window


def save(window: MainWindow, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    image = window.grab().toImage()
    assert (image.width(), image.height()) == (window.width(), window.height())
    assert image.save(str(ARTIFACTS / f"{name}-{window.width()}x{window.height()}.png"))


def cut_off_headers(view: QTreeView) -> list[str]:
    """Column titles narrower than their text (none when the titles are hidden)."""
    header: QHeaderView = view.header()
    if header.isHidden():
        return []
    model = view.model()
    return [
        model.headerData(i, header.orientation())
        for i in range(header.count())
        if not header.isSectionHidden(i) and header.sectionSize(i) < header.sectionSizeFromContents(i).width()
    ]


@pytest.mark.parametrize("shown", SIZES, indirect=True, ids=["1280x800", "1920x1080"])
def test_at_common_sizes_every_pane_shows_its_content_uncut(shown: MainWindow) -> None:
    window = shown
    save(window, "window")
    assert window.minimumSizeHint().width() <= window.width()
    for dock in (window.readouts_dock, window.topics_dock, window.quotes_dock, window.pledges_dock):
        assert dock.isVisible() and dock.width() >= 160 and dock.height() >= 100, dock.objectName()
    views = window.views
    assert cut_off_headers(views.topics.tree) == []
    assert cut_off_headers(views.pledges.tree) == []
    pledges = views.pledges.tree
    assert not pledges.horizontalScrollBar().isVisible(), "the pledge columns fit the pane"
    assert not pledges.verticalScrollBar().isVisible(), "the seed's pledges all show"
    quotes = views.quotes.list
    first_two = [quotes.visualRect(views.quotes.proxy.index(r, 0)) for r in range(2)]
    assert all(quotes.viewport().rect().contains(rect) for rect in first_two), "two whole quotes show"
    assert views.source.cursorForPosition(views.source.viewport().rect().center()).block().text()
    assert views.header.height() < window.height() // 4


@pytest.mark.parametrize("shown", SIZES[:1], indirect=True, ids=["1280x800"])
def test_a_topic_and_a_pledge_chosen_are_marked_in_every_pane(shown: MainWindow) -> None:
    window = shown
    readout = window.current_readout()
    assert readout is not None
    energy = next(t for t in readout.topics if t.label == "Energy")
    window.views.topics.select_topic(energy.id)
    military = next(t for t in readout.topics if t.label == "Military aid")
    window.views.topics.select_topic(military.id)
    part = next(p for p in readout.pledges if p.amount == 800_000_000)
    assert window.views.pledges.select_pledge(part.id)
    save(window, "window-chosen")
    assert window.views.source.current_span() == part.span
