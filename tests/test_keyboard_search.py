"""The window without a mouse: find and filter from any pane, step through matches, reach every pane.

Every test drives the real window, shown and active, with the seed readout as the parser
reads it (a meeting in Kyiv between the president of Ukraine and the prime minister of
Canada), typing real keys.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from readout_browser.model import Readout
from readout_browser.search.fold import fold
from readout_browser.ui.main_window import MainWindow
from readout_browser.ui.shortcuts_dialog import shortcut_rows

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(active_seed_window: MainWindow) -> MainWindow:
    """The window with the seed open, shown at a common laptop size and active."""
    return active_seed_window


def seed(window: MainWindow) -> Readout:
    readout = window.current_readout()
    assert readout is not None
    return readout


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed wherever the keyboard is now, as a user presses it."""
    target = QApplication.focusWidget()
    assert target is not None, "something in the window has the keyboard"
    qtbot.keyClick(target, key, modifier)


def find(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Ctrl+F from the pane that has the keyboard, then type."""
    press(qtbot, Qt.Key.Key_F, CTRL)
    bar = window.views.find
    qtbot.waitUntil(lambda: bar.isVisible() and bar.edit.hasFocus())
    qtbot.keyClicks(bar.edit, text)


def visible_in_source(window: MainWindow, offset: int) -> bool:
    source = window.views.source
    cursor = QTextCursor(source.document())
    cursor.setPosition(offset)
    return source.viewport().rect().contains(source.cursorRect(cursor).center())


def test_ctrl_f_opens_the_find_bar_from_every_pane(qtbot: QtBot, window: MainWindow) -> None:
    views = window.views
    assert not views.find.isVisible()
    for pane in (views.topics.tree, views.source, views.quotes.list, views.pledges.tree, views.readouts):
        pane.setFocus()
        qtbot.waitUntil(pane.hasFocus)
        press(qtbot, Qt.Key.Key_F, CTRL)
        qtbot.waitUntil(lambda: views.find.isVisible() and views.find.edit.hasFocus())
        press(qtbot, Qt.Key.Key_Escape)
        assert not views.find.isVisible()
        assert pane.hasFocus(), "Escape gives the keyboard back to the pane that had it"


def test_typing_drones_marks_every_match_and_enter_walks_them_to_the_165_million_pledge(
    qtbot: QtBot, window: MainWindow
) -> None:
    views, readout = window.views, seed(window)
    views.topics.tree.setFocus()
    find(qtbot, window, "drones")

    hits = window.search.hits()
    in_text = [h.span for h in hits if h.span is not None]
    assert len(in_text) >= 3, "drones and drone appear in the text several times"
    assert all(fold(readout.snippet(s)) in ("drones", "drone") for s in in_text)
    assert views.source.hit_spans() == tuple(in_text), "every match is marked in the text"
    assert views.find.count_label.text() == f"{len(hits)} matches"

    seen: list[tuple[str, float | None]] = []
    for _ in range(len(hits)):
        press(qtbot, Qt.Key.Key_Return)
        count = views.find.count_label.text()
        assert re.fullmatch(rf"\d+ of {len(hits)}", count)
        current = views.source.current_hit()
        if current is not None:
            assert current in in_text and visible_in_source(window, current[0])
        pledge = views.pledges.current_pledge()
        seen.append((count, pledge.amount if pledge else None))
    assert [c for c, _ in seen] == [f"{n} of {len(hits)}" for n in range(1, len(hits) + 1)]
    assert 165_000_000 in [amount for _, amount in seen], "a match selects the 165 million pledge"

    press(qtbot, Qt.Key.Key_Return)
    assert views.find.count_label.text() == f"1 of {len(hits)}", "after the last match comes the first"
    press(qtbot, Qt.Key.Key_Return, SHIFT)
    assert views.find.count_label.text() == f"{len(hits)} of {len(hits)}"
    press(qtbot, Qt.Key.Key_F3, SHIFT)
    assert views.find.count_label.text() == f"{len(hits) - 1} of {len(hits)}"
    press(qtbot, Qt.Key.Key_F3)
    assert views.find.count_label.text() == f"{len(hits)} of {len(hits)}"


def test_the_selection_moves_to_the_pane_that_holds_the_match(qtbot: QtBot, window: MainWindow) -> None:
    views, readout = window.views, seed(window)
    views.source.setFocus()
    find(qtbot, window, "dignity")  # words of a direct quote that announces no money
    press(qtbot, Qt.Key.Key_F3)
    hit = views.source.current_hit()
    assert hit is not None
    quote = views.quotes.current_quote()
    assert quote is not None and quote.span[0] <= hit[0] < quote.span[1]
    assert views.pledges.current_pledge() is None
    assert views.source.current_span() == quote.span

    press(qtbot, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(views.find.edit, "800 million")
    press(qtbot, Qt.Key.Key_Return)
    pledge = views.pledges.current_pledge()
    assert pledge is not None and pledge.amount == 800_000_000
    assert views.quotes.current_quote() is None
    assert readout.pledge(pledge.id) == pledge


def test_a_speaker_filter_leaves_only_that_speakers_quotes(qtbot: QtBot, window: MainWindow) -> None:
    views, readout = window.views, seed(window)
    carney = next(p for p in readout.people if p.name == "Mark Carney")
    views.quotes.list.setFocus()
    find(qtbot, window, "speaker:carney")
    shown = views.quotes.visible_quotes()
    assert shown and {q.speaker for q in shown} == {carney.id}
    assert len(shown) == sum(1 for q in readout.quotes if q.speaker == carney.id)
    assert all(p.speaker == carney.id for p in views.pledges.visible_pledges())
    assert "speaker:carney" in window.count_label.text()
    assert views.find.count_label.text() == "", "a filter alone counts no matches"


def test_filters_and_text_combine(qtbot: QtBot, window: MainWindow) -> None:
    views = window.views
    views.pledges.tree.setFocus()
    find(qtbot, window, "amount>100m currency:cad drone")
    pledges = views.pledges.visible_pledges()
    assert pledges and all(p.amount is not None and p.amount > 100e6 and p.currency == "CAD" for p in pledges)
    assert window.search.hits() and all(h.span is None or h.items for h in window.search.hits())


def test_escape_clears_the_highlights_and_the_filter_and_hides_the_bar(
    qtbot: QtBot, window: MainWindow
) -> None:
    views, readout = window.views, seed(window)
    views.quotes.list.setFocus()
    find(qtbot, window, "speaker:carney drones")
    press(qtbot, Qt.Key.Key_Return)
    assert views.source.hit_spans() and len(views.quotes.visible_quotes()) < len(readout.quotes)
    press(qtbot, Qt.Key.Key_Escape)
    assert not views.find.isVisible()
    assert views.source.hit_spans() == () and views.source.current_hit() is None
    assert len(views.quotes.visible_quotes()) == len(readout.quotes)
    assert len(views.pledges.visible_pledges()) == len(readout.pledges)
    assert views.quotes.list.hasFocus()
    assert window.search.active_selection() is None

    press(qtbot, Qt.Key.Key_F, CTRL)  # the bar keeps its text, and applies it again
    assert views.find.edit.text() == "speaker:carney drones"
    assert len(views.quotes.visible_quotes()) < len(readout.quotes)


def test_escape_closes_the_bar_from_a_pane_too(qtbot: QtBot, window: MainWindow) -> None:
    views = window.views
    find(qtbot, window, "energy")
    views.pledges.tree.setFocus()
    qtbot.waitUntil(views.pledges.tree.hasFocus)
    press(qtbot, Qt.Key.Key_Escape)
    assert not views.find.isVisible() and views.source.hit_spans() == ()


def test_f3_with_the_bar_closed_finds_the_last_text_again_without_taking_the_keyboard(
    qtbot: QtBot, window: MainWindow
) -> None:
    views = window.views
    find(qtbot, window, "sanctions")
    press(qtbot, Qt.Key.Key_Escape)
    views.pledges.tree.setFocus()
    qtbot.waitUntil(views.pledges.tree.hasFocus)
    press(qtbot, Qt.Key.Key_F3)
    assert views.find.isVisible() and views.pledges.tree.hasFocus()
    assert views.find.count_label.text() == f"1 of {len(window.search.hits())}"
    first = window.search.hits()[0]
    assert first.span is None, "the first match is the Sanctions topic, whose sentence comes first"
    topic = views.topics.current_topic()
    assert topic is not None and topic.label == "Sanctions", "a match in a topic's name chooses the topic"
    press(qtbot, Qt.Key.Key_F3)
    press(qtbot, Qt.Key.Key_F3)
    assert views.source.current_hit() is not None
    assert views.topics.current_topic() is None, "the search lets go of the topic it chose"


def test_a_malformed_filter_is_shown_as_an_error_in_the_bar(qtbot: QtBot, window: MainWindow) -> None:
    views, readout = window.views, seed(window)
    find(qtbot, window, "amount>lots")
    assert views.find.problems_label.isVisible()
    assert "lots" in views.find.problems_label.text() and "not an amount" in views.find.problems_label.text()
    assert len(views.pledges.visible_pledges()) == len(readout.pledges), "nothing is filtered by it"
    qtbot.keyClicks(views.find.edit, " speaker:carney")
    assert views.find.problems_label.isVisible(), "the error stays in view while the rest applies"
    assert len(views.quotes.visible_quotes()) < len(readout.quotes)


def test_ctrl_and_a_digit_put_the_keyboard_in_each_pane(qtbot: QtBot, window: MainWindow) -> None:
    views = window.views
    window.topics_dock.hide()
    window.pledges_dock.hide()
    views.source.setFocus()
    for key, pane in (
        (Qt.Key.Key_1, views.topics.tree),
        (Qt.Key.Key_2, views.source),
        (Qt.Key.Key_3, views.quotes.list),
        (Qt.Key.Key_4, views.pledges.tree),
        (Qt.Key.Key_5, views.readouts),
    ):
        press(qtbot, key, CTRL)
        assert pane.hasFocus(), key
        assert pane.isVisible(), "a closed pane opens to take the keyboard"


def test_tab_walks_the_panes_in_reading_order(qtbot: QtBot, window: MainWindow) -> None:
    views = window.views
    find(qtbot, window, "energy")
    views.topics.tree.setFocus()
    order: list[QWidget | None] = []
    for _ in range(6):
        press(qtbot, Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [
        views.find.edit,
        views.source,
        views.quotes.speaker_box,
        views.quotes.kind_box,
        views.quotes.list,
        views.pledges.tree,
    ]


def test_help_lists_every_shortcut_from_the_window_s_own_actions(window: MainWindow) -> None:
    action = next(a for a in window.help_menu.actions() if "Keyboard Shortcuts" in a.text())
    action.trigger()
    dialog = window.show_shortcuts()
    assert dialog.isVisible()
    listed = dialog.texts()
    keys = {k for _, ks in listed for k in ks.split(", ")}
    for expected in ("Ctrl+F", "F3", "Shift+F3", "Ctrl+P", "Ctrl+Shift+E", "Ctrl+1", "Ctrl+4", "Esc"):
        assert expected in keys, expected
    by_action = {what: keys.split(", ") for what, keys in listed}
    assert "Ctrl+F" in by_action["Find"] and "F3" in by_action["Find Next"]
    assert "Ctrl+P" in by_action["Print"] and "Ctrl+Shift+E" in by_action["Export PDF"]
    typable = [k for a in window.findChildren(QAction) for k in a.shortcuts() if k[0].key() < Qt.Key.Key_Back]
    assert typable, "the window answers keys"
    listed_keys = {k for _, _, ks in shortcut_rows(window) for k in ks.split(", ")}
    assert {k.toString() for k in typable} <= listed_keys, "every key the window answers is listed"


def _menus(menu: QMenu) -> Iterator[QMenu]:
    yield menu
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from _menus(sub)


def test_every_menu_and_menu_item_has_its_own_mnemonic(window: MainWindow) -> None:
    tops = [a.text() for a in window.menuBar().actions()]
    assert all("&" in t for t in tops) and len({t[t.index("&") + 1].lower() for t in tops}) == len(tops)
    for top in (window.file_menu, window.edit_menu, window.view_menu, window.help_menu):
        for menu in _menus(top):
            texts = [a.text() for a in menu.actions() if not a.isSeparator() and a.isVisible()]
            if menu is window.recent_menu:
                continue  # numbered by the files it lists
            assert all("&" in t for t in texts), (menu.title(), texts)
            letters = [t[t.index("&") + 1].lower() for t in texts]
            assert len(set(letters)) == len(letters), (menu.title(), texts)


def test_every_control_has_a_name_for_screen_readers(window: MainWindow) -> None:
    views = window.views
    for widget in (
        views.readouts,
        views.topics.tree,
        views.source,
        views.quotes.list,
        views.quotes.speaker_box,
        views.quotes.kind_box,
        views.pledges.tree,
        views.pledges.currency_box,
        views.find.edit,
        views.find.count_label,
    ):
        assert widget.accessibleName(), widget.objectName()


def test_another_readout_shown_is_searched_again(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text(
        "President Volodymyr Zelenskyy spoke with Prime Minister Jonas Gahr Støre of Norway.\n"
        "The leaders discussed drones and air defence.\n",
        encoding="utf-8",
    )
    find(qtbot, window, "drones")
    before = len(window.search.hits())
    window.open_paths([other], remember=False)
    assert window.current_readout() is not None and window.current_readout().text.startswith("President")
    assert 0 < len(window.search.hits()) < before
    assert window.views.find.count_label.text() == f"{len(window.search.hits())} match" + (
        "es" if len(window.search.hits()) != 1 else ""
    )


def test_the_find_bar_at_a_laptop_size(qtbot: QtBot, window: MainWindow) -> None:
    """Saves tests/artifacts/find-bar-1280x800.png: the bar open, every match marked, one current."""
    qtbot.waitUntil(lambda: window.views.pledges.model.conversions_ready, timeout=20_000)
    window.views.topics.tree.setFocus()
    find(qtbot, window, "drones")
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Return)
    qtbot.wait(50)
    bar = window.views.find
    assert bar.geometry().width() >= 400, "the box has room to type in"
    assert bar.edit.width() >= 200
    current = window.views.source.current_hit()
    assert current is not None and visible_in_source(window, current[0])
    ARTIFACTS.mkdir(exist_ok=True)
    image = window.grab().toImage()
    assert image.save(str(ARTIFACTS / f"find-bar-{window.width()}x{window.height()}.png"))
