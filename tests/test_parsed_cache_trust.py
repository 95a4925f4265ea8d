"""Given a cache folder someone tampered with, a readout still opens as its own file says, and
the cache is the user's alone."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest

from readout_browser.errors import ReadoutError
from readout_browser.parse.pipeline import parse_file
from readout_browser.parsed_cache import cache_dir, open_readout

VISIT = (
    "Chancellor Brandt of Austria received Prime Minister Ortega of Peru in Vienna on Monday.\n"
    "The two leaders discussed trade in coffee and copper.\n"
)
CALL = (
    "President Mwangi of Kenya spoke by telephone with Prime Minister Lindqvist of Sweden.\n"
    "They agreed to hold a trade forum in Nairobi in the spring.\n"
)


def _entries() -> list[Path]:
    return sorted(cache_dir().glob("*.json"))


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_an_entry_holding_another_readout_is_not_shown_under_this_files_name(tmp_path: Path) -> None:
    visit, call = _write(tmp_path / "visit.txt", VISIT), _write(tmp_path / "call.txt", CALL)
    open_readout(visit)
    (visit_entry,) = _entries()
    open_readout(call)
    (call_entry,) = [e for e in _entries() if e != visit_entry]
    call_entry.write_bytes(visit_entry.read_bytes())  # a valid readout, but the other file's

    assert open_readout(call).text == parse_file(call).text
    assert open_readout(call).text == parse_file(call).text  # and the forged entry was replaced
    assert "Nairobi" in json.loads(call_entry.read_text(encoding="utf-8"))["text"]


def test_an_entry_nested_too_deeply_to_read_is_as_good_as_none(tmp_path: Path) -> None:
    visit = _write(tmp_path / "visit.txt", VISIT)
    expected = open_readout(visit)
    for entry in _entries():
        entry.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert open_readout(visit) == expected


def test_the_cache_folders_and_files_are_for_the_user_alone(tmp_path: Path) -> None:
    old = os.umask(0)  # even a umask that would let everyone read
    try:
        open_readout(_write(tmp_path / "visit.txt", VISIT))
    finally:
        os.umask(old)
    for folder in (cache_dir().parent, cache_dir(), cache_dir() / "by-file"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    files = [p for p in cache_dir().rglob("*") if p.is_file()]
    assert files
    assert {stat.S_IMODE(p.stat().st_mode) for p in files} == {0o600}


def test_a_cache_folder_left_open_by_an_older_version_is_closed(tmp_path: Path) -> None:
    cache_dir().mkdir(parents=True, mode=0o755)
    cache_dir().chmod(0o755)
    open_readout(_write(tmp_path / "visit.txt", VISIT))
    assert stat.S_IMODE(cache_dir().stat().st_mode) == 0o700


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_pipe_is_refused_through_the_cache_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []

    def read() -> None:
        try:
            open_readout(fifo)
        except BaseException as e:
            outcome.append(e)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(20)
    if reader.is_alive():  # let the stuck reader go before failing
        with open(fifo, "wb"):
            pass
        pytest.fail("opening a pipe waited for a writer")
    assert len(outcome) == 1 and isinstance(outcome[0], ReadoutError)
    assert "not a regular file" in outcome[0].reason
