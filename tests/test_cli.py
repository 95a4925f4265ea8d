"""The command line: `readout-browser parse` prints readout/1 JSON or a summary; bad files are named.

Run through `main([...])` as a script would, and once through the installed entry point
as a user's shell would.
"""

from __future__ import annotations

import json
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest

import readout_browser
from readout_browser.cli import main
from readout_browser.paths import default_seed
from shared_corpus import DEV, SCHEMA

Capture = pytest.CaptureFixture[str]

CALL = (
    "url: https://example.gov/news/call-with-norway\n"
    "title: President held a phone call with the Prime Minister of Norway\n"
    "date: 2025-03-02\n"
    "publisher: Office of the President of Ukraine\n"
    "---\n"
    "President of Ukraine Volodymyr Zelenskyy held a phone call with Prime Minister of Norway Jonas Støre.\n"
    "The Head of State thanked Norway for its support and briefed on the situation at the front.\n"
    "“Norway will allocate 1.5 billion kroner for air defence. Of this, 500 million kroner will go to "
    "ammunition,” said Jonas Støre.\n"
    "Jonas Støre noted that Norway is also preparing sanctions against Russian banks.\n"
)
VISIT = (
    "Prime Minister of Canada Mark Carney visited Kyiv and met with President Volodymyr Zelenskyy.\n"
    "“Canada stands with Ukraine,” said Mark Carney.\n"
    "The President thanked Canada for 2 billion Canadian dollars of military aid and invited Canada to "
    "join energy projects.\n"
)


@pytest.fixture
def call(tmp_path: Path) -> Path:
    path = tmp_path / "call.txt"
    path.write_text(CALL, encoding="utf-8")
    return path


@pytest.fixture
def visit(tmp_path: Path) -> Path:
    path = tmp_path / "visit.txt"
    path.write_text(VISIT, encoding="utf-8")
    return path


def spans_in(obj: dict[str, Any]) -> list[list[int]]:
    """Every span the readout holds, wherever it sits."""
    found = [m for p in obj["people"] for m in p["mentions"]]
    found += [q["span"] for q in obj["quotes"]] + [q["cue_span"] for q in obj["quotes"] if q["cue_span"]]
    found += [p["span"] for p in obj["pledges"]] + [p["evidence"] for p in obj["pledges"] if p["evidence"]]
    found += [s for t in obj["topics"] for s in t["spans"]]
    return found + obj.get("paragraphs", []) + obj.get("sentences", [])


def assert_readout(obj: dict[str, Any], body: str | None = None) -> None:
    """The readout/1 shape: the shared schema when it is at hand, and the invariants always."""
    if SCHEMA.is_file():
        import jsonschema

        jsonschema.validate(obj, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert obj["schema"] == "readout/1"
    if body is not None:
        assert obj["text"] == body
    for start, end in spans_in(obj):
        assert 0 <= start <= end <= len(obj["text"])
    people = {p["id"] for p in obj["people"]}
    pledges = {p["id"] for p in obj["pledges"]}
    topics = {t["id"] for t in obj["topics"]}
    assert len(people) == len(obj["people"]) and len(pledges) == len(obj["pledges"])
    assert len(topics) == len(obj["topics"])
    assert len({q["id"] for q in obj["quotes"]}) == len(obj["quotes"])
    assert all(q["speaker"] is None or q["speaker"] in people for q in obj["quotes"])
    assert all(p["parent"] is None or p["parent"] in pledges for p in obj["pledges"])
    assert all(p.get("speaker") is None or p["speaker"] in people for p in obj["pledges"])
    assert all(t["parent"] is None or t["parent"] in topics for t in obj["topics"])


def body_of(text: str) -> str:
    return text.split("---\n", 1)[1].rstrip("\n") if "---\n" in text else text.rstrip("\n")


# --- parse --format json ------------------------------------------------------------------------


def test_parse_prints_one_readout_object_valid_as_readout_1(call: Path, capsys: Capture) -> None:
    assert main(["parse", str(call), "--format", "json"]) == 0
    out = capsys.readouterr()
    obj = json.loads(out.out)
    assert_readout(obj, body_of(CALL))
    assert out.err == ""
    assert obj["source"] == {
        "path": str(call),
        "url": "https://example.gov/news/call-with-norway",
        "title": "President held a phone call with the Prime Minister of Norway",
        "date": "2025-03-02",
        "publisher": "Office of the President of Ukraine",
    }
    assert "military-aid/air-defence" in {t["id"] for t in obj["topics"]}


def test_json_is_the_default_format(call: Path, capsys: Capture) -> None:
    assert main(["parse", str(call)]) == 0
    assert json.loads(capsys.readouterr().out)["schema"] == "readout/1"


def test_the_seed_parses_to_valid_readout_1(capsys: Capture) -> None:
    assert main(["parse", str(default_seed()), "--format", "json"]) == 0
    obj = json.loads(capsys.readouterr().out)
    assert_readout(obj)
    assert obj["text"].startswith("In Kyiv, President of Ukraine Volodymyr Zelenskyy held a meeting")


@pytest.mark.corpus
@pytest.mark.skipif(not DEV.is_dir(), reason="the dev corpus (../shared/corpus/dev) is absent")
def test_every_dev_corpus_readout_parses_to_valid_readout_1(capsys: Capture) -> None:
    files = sorted(str(p) for p in DEV.glob("*.txt"))
    assert main(["parse", *files]) == 0
    objs = json.loads(capsys.readouterr().out)
    assert len(objs) == len(files)
    for obj in objs:
        assert_readout(obj)


def test_several_files_give_an_array_in_the_order_given(
    call: Path, visit: Path, capsys: Capture
) -> None:
    assert main(["parse", str(visit), str(call)]) == 0
    objs = json.loads(capsys.readouterr().out)
    assert isinstance(objs, list)
    assert [o["source"]["path"] for o in objs] == [str(visit), str(call)]
    for obj, text in zip(objs, (VISIT, CALL), strict=True):
        assert_readout(obj, body_of(text))


def test_a_readout_json_file_parses_to_itself(call: Path, tmp_path: Path, capsys: Capture) -> None:
    assert main(["parse", str(call)]) == 0
    first = capsys.readouterr().out
    saved = tmp_path / "call.json"
    saved.write_text(first, encoding="utf-8")
    assert main(["parse", str(saved)]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(first)


# --- bad files ----------------------------------------------------------------------------------


def test_a_bad_file_among_good_ones_is_named_and_the_others_still_printed(
    call: Path, visit: Path, tmp_path: Path, capsys: Capture
) -> None:
    missing = tmp_path / "missing.txt"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["parse", str(call), str(missing), str(empty), str(visit)]) == 2
    out = capsys.readouterr()
    assert f"readout-browser: {missing}: no such file" in out.err.splitlines()
    assert f"readout-browser: {empty}: the file is empty" in out.err.splitlines()
    objs = json.loads(out.out)
    assert [o["source"]["path"] for o in objs] == [str(call), str(visit)]


def test_a_single_bad_file_prints_nothing_and_exits_2(tmp_path: Path, capsys: Capture) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    assert main(["parse", str(folder)]) == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.startswith(f"readout-browser: {folder}: ")


def test_parse_without_files_is_a_usage_error(capsys: Capture) -> None:
    assert main(["parse"]) == 2
    assert "usage: readout-browser parse" in capsys.readouterr().err


# --- parse --format text ------------------------------------------------------------------------


def test_the_text_summary_shows_people_quotes_pledges_and_topics(
    call: Path, capsys: Capture
) -> None:
    assert main(["parse", str(call), "--format", "text"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("President held a phone call with the Prime Minister of Norway\n")
    assert "Participants (" in text
    assert "Volodymyr Zelenskyy" in text and "Jonas Støre" in text
    assert "“Norway will allocate 1.5 billion kroner for air defence." in text
    assert "Pledges (" in text and "1.5 billion NOK" in text
    assert "Topics\n" in text
    assert "  Military aid (" in text and "    Air defence (1 sentence)" in text


def test_the_text_summary_indents_sub_allocations_under_their_pledge(
    capsys: Capture,
) -> None:
    assert main(["parse", str(default_seed()), "--format", "text"]) == 0
    lines = capsys.readouterr().out.splitlines()
    parent = next(n for n, line in enumerate(lines) if "2 billion CAD" in line)
    child = next(n for n, line in enumerate(lines) if "800 million CAD" in line)
    assert child == parent + 1
    assert lines[child].lstrip().startswith("└ ")
    assert len(lines[child]) - len(lines[child].lstrip()) > len(lines[parent]) - len(lines[parent].lstrip())


# --- the other commands -------------------------------------------------------------------------


def test_version(capsys: Capture) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"readout-browser {readout_browser.__version__}"


def test_a_file_path_opens_the_window_not_a_command(
    monkeypatch: pytest.MonkeyPatch, call: Path
) -> None:
    opened: list[list[str]] = []
    fake = types.ModuleType("readout_browser.ui.app")
    fake.run = lambda paths: opened.append(list(paths)) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "readout_browser.ui.app", fake)
    assert main([str(call), "parse.txt"]) == 0
    assert opened == [[str(call), "parse.txt"]]


def test_without_a_usable_window_the_seed_summary_is_printed(
    monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    monkeypatch.setitem(sys.modules, "readout_browser.ui.app", None)  # as if Qt could not load
    assert main([]) == 0
    out = capsys.readouterr()
    assert "the window cannot open" in out.err
    assert "Participants (" in out.out and "Volodymyr Zelenskyy" in out.out


def test_export_writes_the_readout_json(call: Path, tmp_path: Path, capsys: Capture) -> None:
    out = tmp_path / "call.json"
    assert main(["export", str(call), "--json", str(out)]) == 0
    assert_readout(json.loads(out.read_text(encoding="utf-8")), body_of(CALL))


def test_export_of_an_unreadable_file_names_it(tmp_path: Path, capsys: Capture) -> None:
    missing = tmp_path / "missing.txt"
    assert main(["export", str(missing), "--json", str(tmp_path / "out.json")]) == 2
    assert f"readout-browser: {missing}: no such file" in capsys.readouterr().err
    assert not (tmp_path / "out.json").exists()


def test_export_says_so_when_it_is_not_installed(
    monkeypatch: pytest.MonkeyPatch, call: Path, capsys: Capture
) -> None:
    monkeypatch.setitem(sys.modules, "readout_browser.export", None)
    assert main(["export", str(call), "--json", "out.json"]) == 2
    assert "export is not available" in capsys.readouterr().err


def test_export_hands_its_options_to_the_exporter(
    monkeypatch: pytest.MonkeyPatch, call: Path, tmp_path: Path
) -> None:
    given: list[Any] = []
    fake = types.ModuleType("readout_browser.export")
    fake.cli_export = lambda args: given.append(args) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "readout_browser.export", fake)
    out = tmp_path / "out.pdf"
    assert main(["export", str(call), "--pdf", str(out), "--csv", str(tmp_path), "--currency", "USD"]) == 0
    (args,) = given
    assert (args.file, args.pdf, args.csv, args.json) == ([str(call)], str(out), str(tmp_path), None)
    assert (args.currency, args.filter) == ("USD", None)


def test_install_and_uninstall_the_desktop_launcher(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: Capture
) -> None:
    calls: list[str] = []
    fake = types.ModuleType("readout_browser.desktop_integration")
    fake.install = lambda: calls.append("install") or [tmp_path / "a.desktop"]  # type: ignore[attr-defined]
    fake.uninstall = lambda: calls.append("uninstall") or []  # type: ignore[attr-defined]
    monkeypatch.setattr(readout_browser, "desktop_integration", fake, raising=False)
    assert main(["--install-desktop"]) == 0
    assert str(tmp_path / "a.desktop") in capsys.readouterr().out
    assert main(["--uninstall-desktop"]) == 0
    assert "Nothing to remove" in capsys.readouterr().out
    assert calls == ["install", "uninstall"]


def test_a_failed_install_is_reported(monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    fake = types.ModuleType("readout_browser.desktop_integration")

    def refuse() -> list[Path]:
        raise PermissionError(13, "Permission denied", "/nowhere/applications")

    fake.install = refuse  # type: ignore[attr-defined]
    monkeypatch.setattr(readout_browser, "desktop_integration", fake, raising=False)
    assert main(["--install-desktop"]) == 1
    assert "Permission denied" in capsys.readouterr().err


# --- the installed entry point ------------------------------------------------------------------


def test_the_installed_command_parses_a_readout(call: Path) -> None:
    command = Path(sys.executable).with_name("readout-browser")
    if not command.exists():
        pytest.skip("the readout-browser entry point is not installed in this environment")
    done = subprocess.run(
        [str(command), "parse", str(call), "--format", "json"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert_readout(json.loads(done.stdout), body_of(CALL))


def test_python_m_readout_browser_runs_the_same_command(call: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "readout_browser", "parse", str(call), "/nonexistent/readout.txt"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "readout-browser: /nonexistent/readout.txt: no such file" in done.stderr
    assert len(json.loads(done.stdout)) == 1
