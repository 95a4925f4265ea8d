"""File ▸ Open Recent: a file that has gone since it was opened says so once and leaves the list."""

from __future__ import annotations

from pathlib import Path

import pytest

from readout_browser.ui.main_window import MainWindow
from readout_browser.ui.settings import Settings

CALL = (
    "The Chancellor spoke with the Prime Minister of Canada today about energy security.\n\n"
    "They agreed to meet again at the summit in June.\n"
)


@pytest.fixture
def window(app_window: MainWindow) -> MainWindow:
    """The window as the app opens it, showing the seed."""
    return app_window


def listed(window: MainWindow) -> list[str]:
    """The names File ▸ Open Recent shows, as the user sees them when the menu opens."""
    window.recent_menu.rebuild()
    return [Path(a.data()).name for a in window.recent_menu.actions() if a.data()]


def choose(window: MainWindow, name: str) -> None:
    window.recent_menu.rebuild()
    next(a for a in window.recent_menu.actions() if a.data() and Path(a.data()).name == name).trigger()


def opened_then_closed(window: MainWindow, folder: Path, *names: str) -> list[Path]:
    """Files opened (so they are listed) and closed again (so choosing one reads it anew)."""
    paths = []
    for name in names:
        path = folder / name
        path.write_text(CALL + "\n" * len(paths), encoding="utf-8")  # files apart, not copies of one
        paths.append(path)
    window.open_paths(paths)
    for _ in paths:
        window.close_current()
    return paths


def test_a_recent_file_that_is_gone_gets_a_message_and_leaves_the_list_and_the_settings(
    window: MainWindow, message_boxes: list[tuple[str, str]], tmp_path: Path
) -> None:
    _kept, gone = opened_then_closed(window, tmp_path, "kept.txt", "gone.txt")
    assert listed(window) == ["gone.txt", "kept.txt"]
    gone.unlink()
    choose(window, "gone.txt")
    assert len(message_boxes) == 1
    assert "gone.txt" in message_boxes[0][1]
    assert listed(window) == ["kept.txt"]
    assert [Path(f).name for f in Settings().recent_files()] == ["kept.txt"]
    assert window.views.readouts.model().rowCount() == 1  # the seed is still open


def test_a_recent_file_whose_folder_is_gone_leaves_the_list_too(
    window: MainWindow, message_boxes: list[tuple[str, str]], tmp_path: Path
) -> None:
    folder = tmp_path / "calls"
    folder.mkdir()
    (path,) = opened_then_closed(window, folder, "call.txt")
    path.unlink()
    folder.rmdir()
    choose(window, "call.txt")
    assert len(message_boxes) == 1
    assert listed(window) == []


def test_a_recent_file_that_is_there_but_cannot_be_read_stays_listed(
    window: MainWindow, message_boxes: list[tuple[str, str]], tmp_path: Path
) -> None:
    (path,) = opened_then_closed(window, tmp_path, "call.txt")
    path.write_bytes(b"")
    choose(window, "call.txt")
    assert len(message_boxes) == 1
    assert listed(window) == ["call.txt"]


def test_a_recent_file_that_is_there_opens_again_and_stays_at_the_top(
    window: MainWindow, message_boxes: list[tuple[str, str]], tmp_path: Path
) -> None:
    opened_then_closed(window, tmp_path, "first.txt", "second.txt")
    choose(window, "first.txt")
    assert message_boxes == []
    assert window.views.readouts.model().rowCount() == 2
    assert listed(window) == ["first.txt", "second.txt"]
