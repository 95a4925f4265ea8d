"""The parser's data files: a user's edit is used by the next readout, a broken file is refused
with its name and line, and no parse made with old data is served from the cache."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from readout_browser.parse.datafiles import DataFileError
from readout_browser.parse.pipeline import parse_file, parse_text
from readout_browser.parsed_cache import open_readout
from readout_browser.paths import resource, user_config_dir

READOUT = (
    "Prime Minister Jane Holloway spoke with President Ana Ruiz today.\n"
    "Prime Minister Holloway opined that the partnership had never been stronger.\n"
)


def with_verb(verb: str, lemma: str) -> Path:
    """The user's own copy of the speech verbs, with one more verb."""
    path = user_config_dir() / "speech_verbs.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    shipped = resource("speech_verbs.toml").read_text(encoding="utf-8")
    path.write_text(shipped.replace("[cues]\n", f'[cues]\n{lemma} = ["{verb}"]\n', 1), encoding="utf-8")
    later = time.time() + 5  # the change is seen even on a coarse file clock
    os.utime(path, (later, later))
    return path


def reported_cues(text: str) -> list[str | None]:
    return [q.cue for q in parse_text(text).quotes if q.kind == "reported"]


def test_a_speech_verb_the_user_adds_is_used_by_the_next_readout_in_the_same_process() -> None:
    assert "opined" not in reported_cues(READOUT)
    with_verb("opined", "opine")
    assert "opined" in reported_cues(READOUT)


def test_removing_the_users_copy_brings_back_the_shipped_file() -> None:
    path = with_verb("opined", "opine")
    assert "opined" in reported_cues(READOUT)
    path.unlink()
    assert "opined" not in reported_cues(READOUT)


def test_a_broken_data_file_is_refused_with_its_name_and_line() -> None:
    path = user_config_dir() / "people.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[titles]\noffices = ["President"\nmodifiers = ]\n', encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        parse_text(READOUT)
    message = str(caught.value)
    assert str(path) in message
    assert "line 3" in message


def test_a_data_file_that_is_not_utf8_is_refused_with_its_name() -> None:
    path = user_config_dir() / "meeting.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"[kinds]\nmeeting = [\"r\xe9union\"]\n")
    with pytest.raises(DataFileError, match=r"meeting\.toml.*not UTF-8"):
        parse_text(READOUT)


def test_once_the_broken_file_is_mended_the_next_readout_parses() -> None:
    path = user_config_dir() / "people.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[titles\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        parse_text(READOUT)
    path.unlink()
    assert [p.name for p in parse_text(READOUT).people] == ["Jane Holloway", "Ana Ruiz"]


def test_a_cached_parse_made_with_old_data_is_not_served_after_an_edit(tmp_path: Path) -> None:
    readout = tmp_path / "call.txt"
    readout.write_text(READOUT, encoding="utf-8")
    before = open_readout(readout)
    assert "opined" not in [q.cue for q in before.quotes]
    path = with_verb("opined", "opine")
    after = open_readout(readout)
    assert "opined" in [q.cue for q in after.quotes]
    path.unlink()
    assert "opined" not in [q.cue for q in open_readout(readout).quotes]


def test_the_readout_names_its_host() -> None:
    readout = parse_text(READOUT)
    host = readout.person(readout.host)
    assert host is not None and host.name == "Jane Holloway"


def test_a_phrase_the_grammar_cannot_read_is_refused_with_the_file_and_the_phrase() -> None:
    path = user_config_dir() / "pledges.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    shipped = resource("pledges.toml").read_text(encoding="utf-8")
    path.write_text(shipped.replace("verbs = [\n", 'verbs = [\n    "* provide",\n', 1), encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        parse_text("Norway will provide NOK 2 billion to the fund.\n")
    assert "pledges.toml" in str(caught.value)
    assert "'* provide'" in str(caught.value)


def test_a_value_of_the_wrong_kind_is_refused_with_the_file() -> None:
    path = user_config_dir() / "meeting.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[kinds]\nmeeting = 5\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"meeting\.toml"):
        parse_text(READOUT)


def test_a_furniture_phrase_the_user_adds_is_dropped_from_the_next_saved_page(tmp_path: Path) -> None:
    page = tmp_path / "release.html"
    page.write_text(
        "<html><head><title>Minister meets envoy</title></head><body><article>"
        "<h1>Minister meets envoy</h1>"
        "<p>Minister Ola Berg met the envoy of Chile in Oslo today to discuss fisheries.</p>"
        "<p>The minister said the two countries would sign a fisheries accord next spring.</p>"
        "<p>Kindly forward this notice to colleagues</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    assert "Kindly forward" in parse_file(page).text
    path = user_config_dir() / "webpages.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    shipped = resource("webpages.toml").read_text(encoding="utf-8")
    edited = shipped.replace("starts = [\n", 'starts = [\n    "kindly forward",\n', 1)
    path.write_text(edited, encoding="utf-8")
    assert "Kindly forward" not in parse_file(page).text
