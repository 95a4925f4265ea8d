"""The window at the two commonest desktop sizes: every pane shows something, nothing is cut off.

Each run saves screenshots under tests/artifacts/ (not kept in git) for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTreeView
from pytestqt.qtbot import QtBot

from readout_browser.paths import default_seed
from readout_browser.ui.main_window import MainWindow

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
SIZES = [(1280, 800), (1920, 1080)]


@pytest.fixture
def shown(qtbot: QtBot, seed_window_at, request: pytest.FixtureRequest) -> MainWindow:
    window = seed_window_at(*request.param)  # as `open_window` builds it, sized as a first run
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


# -- several readouts open, as a reader works (issue 12) ---------------------------------------------

OTHER_READOUTS = (
    (
        "gov-uk-call.txt",
        "publisher: Prime Minister's Office\ndate: 2025-09-14\n"
        "title: PM call with President Halvorsen: 14 September",
        "The Prime Minister spoke to President Erik Halvorsen of Norway this morning.\n"
        "The leaders discussed the security of the North Sea and the coming winter.\n"
        "They agreed to stay in close contact.",
    ),
    (
        "kremlin-call.txt",
        "publisher: President of Russia\ndate: 2025-07-02\n"
        "title: Telephone conversation with President Ortega",
        "Vladimir Putin had a telephone conversation with President of Chile Martin Ortega.\n"
        "The presidents discussed trade, which reached 2 billion dollars last year.\n"
        "It was agreed to continue contacts at various levels.",
    ),
    (
        "elysee-talks.txt",
        "publisher: Élysée\ndate: 2025-03-20\ntitle: Entretien du Président avec le Premier ministre Rossi",
        "In Paris, President Claire Martin received Prime Minister of Italy Luca Rossi for talks.\n"
        "“Europe must stand together,” President Martin said.\n"
        "France will provide 150 million euros for air defence, the President announced.",
    ),
)


def _many(folder: Path, count: int) -> list[Path]:
    """The seed and `count - 1` readouts of other publishers, some written here more than once."""
    paths = [default_seed()]
    for n in range(count - 1):
        name, head, body = OTHER_READOUTS[n % len(OTHER_READOUTS)]
        path = folder / f"{n:02d}-{name}"
        path.write_text(f"{head}\n---\n{body}\n{'The talks lasted an hour.' * (n // 3)}\n", encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize("count", [1, 2, 10])
@pytest.mark.parametrize("shown", SIZES, indirect=True, ids=["1280x800", "1920x1080"])
def test_with_several_readouts_open_the_text_has_the_room_after_a_switch(
    qtbot: QtBot, shown: MainWindow, tmp_path: Path, count: int
) -> None:
    window = shown
    window.open_paths(_many(tmp_path, count)[1:])
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)  # a switch, as users do
    qtbot.wait(50)
    save(window, f"window-{count}-open")
    assert len(window.open_readouts()) == count
    source = window.views.source
    lines = source.viewport().height() // source.fontMetrics().lineSpacing()
    assert lines >= 15, "the source text gets most of the middle column"
    assert window.views.header.height() < window.height() // 6
    rows = window.views.readouts.model().rowCount()
    titles = {window.views.readouts.model().index(r, 0).data() for r in range(rows)}
    assert len(titles) >= min(count, 4), "rows tell apart at a glance"
