"""`readout-browser import`, `search` and `parse --jsonl` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

from readout_browser.cli import main
from readout_browser.library import open_library
from readout_browser.library.importer import reparse_stale
from readout_browser.library.records import LibraryFilter
from readout_browser.library.version import parser_version

BODIES = (
    "Prime Minister Aroha Ngata of Aotearoa met President Jonas Lind of Norland in Wellington.",
    "Foreign Minister Maria Costa welcomed Minister Pieter de Vries to Lisbon for talks on fisheries.",
    "Chancellor Erik Holm spoke by telephone with President Aroha Ngata about Pacific trade.",
)


def _archive(path: Path, bodies=BODIES) -> Path:
    lines = [
        json.dumps(
            {
                "url": f"https://gov.example/{n}",
                "title": f"Readout {n}",
                "date": f"2023-05-0{n + 1}",
                "publisher": "Government of Aotearoa",
                "body": body,
            }
        )
        for n, body in enumerate(bodies)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_import_then_search_prints_hits_as_text_json_and_csv(tmp_path: Path, capsys) -> None:
    library = str(tmp_path / "lib.sqlite3")
    archive = _archive(tmp_path / "a.jsonl")

    assert main(["import", str(archive), "--library", library, "--quiet"]) == 0
    assert "3 imported, 0 already in the library" in capsys.readouterr().out

    assert main(["search", "ngata", "--library", library, "--format", "json"]) == 0
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert {h["title"] for h in hits} == {"Readout 0", "Readout 2"}
    assert main(["search", "lisbon", "--library", library, "--format", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("readout_id,kind,start,end,text") and "Lisbon" in out[1]
    assert main(["search", "lisbon", "--library", library]) == 0
    assert "Readout 1" in capsys.readouterr().out
    assert main(["search", "nowhere-to-be-found", "--library", library]) == 1


def test_search_names_a_malformed_query(tmp_path: Path, capsys) -> None:
    assert main(["search", "amount>lots", "--library", str(tmp_path / "lib.sqlite3")]) == 2
    assert "not an amount" in capsys.readouterr().err


def test_a_damaged_library_is_reported_on_the_command_line(tmp_path: Path, capsys) -> None:
    library = tmp_path / "lib.sqlite3"
    library.write_bytes(b"\x00garbage" * 100)

    assert main(["import", str(_archive(tmp_path / "a.jsonl")), "--library", str(library), "--quiet"]) == 0

    err = capsys.readouterr().err
    assert "was damaged" in err and ".damaged-" in err
    assert len(list(tmp_path.glob("lib.sqlite3.damaged-*"))) == 1


def test_parse_jsonl_streams_readout1_lines_in_order(tmp_path: Path, capsys) -> None:
    archive = _archive(tmp_path / "a.jsonl")
    out = tmp_path / "parsed.jsonl"

    assert main(["parse", "--jsonl", str(archive), str(out)]) == 0

    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["source"]["title"] for r in rows] == ["Readout 0", "Readout 1", "Readout 2"]
    assert all(r["schema"] == "readout/1" and r["parser_version"] == parser_version() for r in rows)
    library = str(tmp_path / "lib.sqlite3")
    assert main(["import", str(out), "--library", library, "--quiet"]) == 0
    store = open_library(library)
    assert store.count() == 3 and store.stale(parser_version(), 10) == []  # no need to parse them again
    store.close()


def test_readouts_of_another_parser_version_are_parsed_again_in_place(tmp_path: Path) -> None:
    store = open_library(tmp_path / "lib.sqlite3")
    out = tmp_path / "parsed.jsonl"
    main(["parse", "--jsonl", str(_archive(tmp_path / "a.jsonl")), str(out)])
    lines = [json.loads(x) | {"parser_version": "an-older-one"} for x in out.read_text().splitlines()]
    out.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    main(["import", str(out), "--library", store.location, "--quiet"])
    ids = [r.id for r in store.page(LibraryFilter(), "title", False, 0, 10)]
    assert len(store.stale(parser_version(), 10)) == 3

    assert reparse_stale(store) == 3

    assert store.stale(parser_version(), 10) == []
    assert [r.id for r in store.page(LibraryFilter(), "title", False, 0, 10)] == ids
    assert store.readout(ids[0]).text == BODIES[0]
    store.close()
