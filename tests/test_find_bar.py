"""The find bar on its own: typing, keys, the match count and how malformed filters show."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QTextEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from readout_browser.search.query import Query
from readout_browser.ui.find_bar import FindBar


@pytest.fixture
def bar(qtbot: QtBot) -> Iterator[FindBar]:
    """A find bar below some content, in a shown and active window."""
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.addWidget(QTextEdit("content"))
    widget = FindBar()
    layout.addWidget(widget)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    widget.open()
    qtbot.waitUntil(lambda: widget.edit.hasFocus())
    yield widget  # the window stays referenced until the test ends


def test_typing_emits_the_parsed_query_on_every_key(bar: FindBar, qtbot: QtBot) -> None:
    seen: list[Query] = []
    bar.query_changed.connect(seen.append)
    qtbot.keyClicks(bar.edit, "carney speaker:zel")
    assert len(seen) == len("carney speaker:zel")
    last = seen[-1]
    assert [t.folded for t in last.terms] == ["carney"]
    assert [(f.field, f.value) for f in last.filters] == [("speaker", "zel")]
    assert bar.query() is last


@pytest.mark.parametrize(
    ("key", "modifier", "signal"),
    [
        (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "next_requested"),
        (Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier, "next_requested"),
        (Qt.Key.Key_F3, Qt.KeyboardModifier.NoModifier, "next_requested"),
        (Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier, "previous_requested"),
        (Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier, "previous_requested"),
    ],
)
def test_enter_and_f3_step_through_matches(
    bar: FindBar, qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier, signal: str
) -> None:
    qtbot.keyClicks(bar.edit, "peace")
    other = "previous_requested" if signal == "next_requested" else "next_requested"
    wrong: list[bool] = []
    getattr(bar, other).connect(lambda: wrong.append(True))
    with qtbot.waitSignal(getattr(bar, signal), timeout=1000):
        qtbot.keyClick(bar.edit, key, modifier)
    assert wrong == []
    assert bar.edit.text() == "peace"


def test_escape_closes_the_bar_and_keeps_the_text(bar: FindBar, qtbot: QtBot) -> None:
    qtbot.keyClicks(bar.edit, "energy")
    with qtbot.waitSignal(bar.closed, timeout=1000):
        qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    bar.open()
    assert bar.isVisible()
    assert bar.edit.text() == "energy"
    assert bar.edit.selectedText() == "energy"


def test_the_buttons_do_what_the_keys_do(bar: FindBar, qtbot: QtBot) -> None:
    qtbot.keyClicks(bar.edit, "peace")
    bar.show_count(1, 3)
    with qtbot.waitSignal(bar.next_requested, timeout=1000):
        qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(bar.previous_requested, timeout=1000):
        qtbot.mouseClick(bar.previous_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(bar.closed, timeout=1000):
        qtbot.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize(
    ("typed", "current", "total", "shown", "can_step"),
    [
        ("peace", 3, 12, "3 of 12", True),
        ("peace", 0, 12, "12 matches", True),
        ("peace", 1, 1, "1 of 1", True),
        ("peace", 0, 0, "No matches", False),
        ("speaker:carney", 0, 0, "", False),
    ],
)
def test_the_count_says_where_the_user_is(
    bar: FindBar, qtbot: QtBot, typed: str, current: int, total: int, shown: str, can_step: bool
) -> None:
    qtbot.keyClicks(bar.edit, typed)
    bar.show_count(current, total)
    assert bar.count_label.text() == shown
    assert bar.next_button.isEnabled() is can_step
    assert bar.previous_button.isEnabled() is can_step


def test_a_new_query_clears_the_old_count(bar: FindBar, qtbot: QtBot) -> None:
    qtbot.keyClicks(bar.edit, "peace")
    bar.show_count(2, 5)
    qtbot.keyClicks(bar.edit, "s")
    assert bar.count_label.text() == ""
    assert not bar.next_button.isEnabled()


def test_a_malformed_filter_is_shown_in_the_bar(bar: FindBar, qtbot: QtBot) -> None:
    normal_ink = bar.edit.palette().color(QPalette.ColorRole.Text)
    qtbot.keyClicks(bar.edit, "peace amount>lots kind:quoted")
    assert bar.problems_label.isVisible()
    assert "not an amount" in bar.problems_label.text()
    assert "(and 1 more)" in bar.problems_label.text()
    assert "direct, reported" in bar.problems_label.toolTip()
    assert "not an amount" in bar.edit.toolTip()
    assert "not an amount" in bar.edit.accessibleDescription()
    assert bar.edit.palette().color(QPalette.ColorRole.Text) != normal_ink
    assert len(bar.query().errors) == 2

    for _ in range(len(" kind:quoted")):
        qtbot.keyClick(bar.edit, Qt.Key.Key_Backspace)
    for _ in range(len("lots")):
        qtbot.keyClick(bar.edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(bar.edit, "100m")
    assert bar.edit.text() == "peace amount>100m"
    assert not bar.problems_label.isVisible()
    assert bar.edit.accessibleDescription() == ""
    assert bar.edit.palette().color(QPalette.ColorRole.Text) == normal_ink


def test_open_replaces_the_text_and_focuses_the_box(bar: FindBar, qtbot: QtBot) -> None:
    bar.close_bar()
    bar.open("donor:canada")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is bar.edit)
    assert bar.query().filters[0].value == "canada"
    assert bar.edit.selectedText() == "donor:canada"


def test_every_control_has_a_name_for_screen_readers(bar: FindBar) -> None:
    for widget in (bar.edit, bar.count_label, bar.previous_button, bar.next_button, bar.close_button):
        assert widget.accessibleName()
    for button in (bar.previous_button, bar.next_button, bar.close_button):
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus
        assert "(" in button.toolTip()
