"""A readout opened again while its file is unchanged comes straight from the cache, without rereading it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from readout_browser.parsed_cache import cache_dir, open_readout
from readout_browser.paths import default_seed

REOPEN = """
import json, sys
from readout_browser.parsed_cache import open_readout
readout = open_readout(sys.argv[1])
print(json.dumps({
    "title": readout.display_title,
    "path": readout.source.path,
    "hashlib": "hashlib" in sys.modules,
    "parser": "readout_browser.parse.pipeline" in sys.modules,
}))
"""


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    return Path(shutil.copy(default_seed(), tmp_path / "seed.txt"))


def reopen(path: Path) -> dict:
    """Open a file in a fresh process, as the app does on a repeat start."""
    command = [sys.executable, "-c", REOPEN, str(path)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_an_unchanged_file_opens_again_without_hashing_or_parsing_it(seed_copy: Path) -> None:
    first = open_readout(seed_copy)
    again = reopen(seed_copy)
    assert again == {"title": first.display_title, "path": str(seed_copy), "hashlib": False, "parser": False}


def test_a_file_changed_to_text_of_the_same_length_is_parsed_afresh(seed_copy: Path) -> None:
    open_readout(seed_copy)
    text = seed_copy.read_text(encoding="utf-8")
    seed_copy.write_text(text.replace("Kyiv", "Lviv", 1), encoding="utf-8")
    later = seed_copy.stat().st_mtime_ns + 1_000_000_000
    os.utime(seed_copy, ns=(later, later))
    assert "Lviv" in open_readout(seed_copy).text


def test_a_damaged_note_is_no_error(seed_copy: Path) -> None:
    expected = open_readout(seed_copy)
    notes = [p for p in cache_dir().rglob("*.json") if p.parent != cache_dir()]
    assert notes
    for note in notes:
        note.write_text('{"file": 1, "entry": "../../elsewhere.json"}', encoding="utf-8")
    assert open_readout(seed_copy) == expected
