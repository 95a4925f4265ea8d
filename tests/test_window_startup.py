"""Launching the app: the readout's text is on screen first, the rest of the window follows (issue 12).

What a person waits for at launch is the text. So the window goes on screen as a shell
(the header and the text of the readout it will show, the docks, the menu titles) and
builds the other panes, the menus' items, the rates and the library once that has
painted. Speed itself is measured in `bench/bench_visible.py`, not here: these tests
check the order of the work, which is what keeps the launch quick.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QTextEdit
from pytestqt.qtbot import QtBot

from readout_browser.parsed_cache import open_readout
from readout_browser.paths import default_seed
from readout_browser.ui.app import open_window
from readout_browser.ui.main_window import MainWindow

PANE_MODULES = (
    "readout_browser.ui.quote_view",
    "readout_browser.ui.pledge_view",
    "readout_browser.ui.topic_view",
    "readout_browser.ui.find_bar",
    "readout_browser.ui.search_controller",
    "readout_browser.ui.pane_linker",
    "readout_browser.ui.print_actions",
    "readout_browser.ui.library.controller",
    "readout_browser.library.sqlite_store",
    "PySide6.QtNetwork",
)
"""What the first paint does not show, and so should not wait for."""


def test_the_launch_shows_the_readouts_text_first_and_builds_the_panes_after_the_first_paint(
    qtbot: QtBot, message_boxes: list[tuple[str, str]]
) -> None:
    seed = open_readout(default_seed())
    window = open_window([])
    qtbot.addWidget(window)
    text = window.findChild(QTextEdit, "sourceView")
    assert not window.is_complete(), "the panes wait for the first paint"
    assert text is not None and text.toPlainText() == seed.text
    assert seed.display_title in window.windowTitle()
    assert [m.title() for m in (window.file_menu, window.edit_menu, window.view_menu, window.help_menu)] == [
        "&File",
        "&Edit",
        "&View",
        "&Help",
    ]
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.is_complete)
    assert window.open_readouts() == (seed,) and window.current_readout() == seed
    assert window.views.quotes.visible_quotes() and window.views.topics.tree.model().rowCount() > 0
    assert window.quotes_dock.widget() is window.views.quotes
    assert not message_boxes
    window.close()


def test_a_window_asked_for_its_panes_before_the_first_paint_builds_them_then(
    qtbot: QtBot, message_boxes: list[tuple[str, str]]
) -> None:
    window = MainWindow(deferred=True)
    qtbot.addWidget(window)
    assert not window.is_complete()
    assert window.views.pledges is window.pledges_dock.widget()  # built on the spot
    assert window.is_complete() and window.search is not None
    window.open_paths([default_seed()], remember=False)
    assert len(window.open_readouts()) == 1


def test_files_named_at_launch_open_once_the_window_is_built(
    qtbot: QtBot, message_boxes: list[tuple[str, str]], tmp_path: Path
) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("The Chancellor received the Prime Minister of Ruritania in Berlin.\n", encoding="utf-8")
    second.write_text(
        "The President spoke by phone with the King of Elbonia about trade.\n", encoding="utf-8"
    )
    missing = tmp_path / "gone.txt"
    window = open_window([str(first), str(missing), str(second)])
    qtbot.addWidget(window)
    assert "King of Elbonia" in window.findChild(QTextEdit, "sourceView").toPlainText(), "the last one shows"
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.is_complete)
    assert [Path(r.source.path or "").name for r in window.open_readouts()] == ["first.txt", "second.txt"]
    current = window.current_readout()
    assert current is not None and "King of Elbonia" in current.text
    assert len(message_boxes) == 1 and "gone.txt" in message_boxes[0][1]
    window.close()


def test_the_shell_loads_none_of_the_other_panes_code(tmp_path: Path) -> None:
    """Before its event loop turns, a launch has imported nothing the first paint does not show."""
    script = (
        "import json, sys\n"
        "from readout_browser.ui.app import create_application, open_window\n"
        "app = create_application(['readout-browser'])\n"
        "window = open_window([])\n"
        f"print(json.dumps([m for m in {list(PANE_MODULES)!r} if m in sys.modules]))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.update(XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_DATA_HOME=str(tmp_path / "data"))
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
