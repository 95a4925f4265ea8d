"""Readouts opened before open again from the cache, identical to a fresh parse."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from readout_browser.errors import ReadoutError
from readout_browser.parse.pipeline import parse_file
from readout_browser.parsed_cache import cache_dir, open_readout
from readout_browser.paths import default_seed


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    return Path(shutil.copy(default_seed(), tmp_path / "seed.txt"))


def test_a_readout_opened_twice_is_the_same_as_a_fresh_parse(seed_copy: Path) -> None:
    first = open_readout(seed_copy)
    assert len(list(cache_dir().glob("*.json"))) == 1
    again = open_readout(seed_copy)
    assert again == first == parse_file(seed_copy)


def test_the_same_text_under_another_name_keeps_its_own_path(seed_copy: Path, tmp_path: Path) -> None:
    open_readout(seed_copy)
    other = Path(shutil.copy(seed_copy, tmp_path / "renamed.txt"))
    assert open_readout(other).source.path == str(other)


def test_a_changed_file_is_parsed_afresh(seed_copy: Path) -> None:
    open_readout(seed_copy)
    seed_copy.write_text(seed_copy.read_text(encoding="utf-8") + "\nThe leaders agreed to meet again.\n",
                         encoding="utf-8")
    assert open_readout(seed_copy).text.endswith("The leaders agreed to meet again.")


def test_an_edited_taxonomy_gives_a_fresh_parse(seed_copy: Path) -> None:
    open_readout(seed_copy)
    override = Path(os.environ["XDG_CONFIG_HOME"]) / "readout-browser" / "taxonomy.toml"
    override.parent.mkdir(parents=True)
    override.write_text('[canada]\nlabel = "Canada"\nterms = ["Canada"]\n', encoding="utf-8")
    assert [t.label for t in open_readout(seed_copy).topics] == ["Canada"]
    assert len(list(cache_dir().glob("*.json"))) == 2


def test_a_damaged_cache_entry_is_replaced_by_a_fresh_parse(seed_copy: Path) -> None:
    expected = open_readout(seed_copy)
    for entry in cache_dir().glob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    assert open_readout(seed_copy) == expected


def test_a_cache_that_cannot_be_written_is_no_error(seed_copy: Path, monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert open_readout(seed_copy).people


def test_files_that_cannot_be_read_are_refused_as_the_parser_refuses_them(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(ReadoutError, match=r"empty\.txt"):
        open_readout(empty)
    with pytest.raises(ReadoutError, match=r"missing\.txt"):
        open_readout(tmp_path / "missing.txt")
    assert not list(cache_dir().glob("*.json"))
