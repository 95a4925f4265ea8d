"""The library store and its importer: readouts in, questions across them answered, none lost or doubled."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from readout_browser import jsonform
from readout_browser.library import LibraryError, open_library
from readout_browser.library.importer import import_paths
from readout_browser.library.records import LibraryFilter, PledgeFilter
from readout_browser.model import Pledge, Readout, Source
from readout_browser.parse.pipeline import parse_text
from readout_browser.search import find_hits, parse_query

# Readouts written for these tests, in the manner of several publishers.
OTTAWA = """title: Prime Minister meets with President of Finland
date: 2024-03-12
publisher: Prime Minister of Canada
---
Today, Prime Minister Justin Trudeau met with the President of Finland, Alexander Stubb, in Ottawa.
The leaders talked about Arctic security and the supply of drones to Ukraine.
“Finland and Canada share a northern outlook,” said Prime Minister Trudeau.
"""
BERLIN = """title: Chancellor receives Prime Minister of Poland
date: 2024-05-02
publisher: The Federal Chancellor
---
Federal Chancellor Olaf Scholz received the Prime Minister of Poland, Donald Tusk, in Berlin.
The two heads of government discussed energy security and modern drone capabilities.
Chancellor Scholz said that Germany and Poland would keep working side by side.
"""
PARIS = """title: Entretien du Président avec le Président Zelenskyy
date: 2024-06-20
publisher: Élysée
---
The President of the Republic, Emmanuel Macron, spoke by phone with President Volodymyr Zelenskyy.
They reviewed the needs of the Ukrainian energy grid ahead of the winter.
President Macron reaffirmed France’s support for Ukraine’s sovereignty.
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def archive_line(n: int, body: str, publisher: str = "Ministry of Foreign Affairs of Ruritania") -> str:
    return json.dumps(
        {
            "url": f"https://mfa.example/readouts/{n}",
            "title": f"Minister meets counterpart, round {n}",
            "date": f"2023-{1 + n % 12:02d}-{1 + n % 27:02d}",
            "publisher": publisher,
            "body": body,
        }
    )


@pytest.fixture
def store(tmp_path: Path):
    s = open_library(tmp_path / "lib.sqlite3")
    yield s
    s.close()


def test_given_a_folder_of_readouts_import_stores_each_one_whole(store, tmp_path: Path) -> None:
    folder = tmp_path / "readouts"
    write(folder, "ottawa.txt", OTTAWA)
    write(folder / "2024" / "may", "berlin.txt", BERLIN)  # folders are walked recursively
    write(folder, "notes.md", "not a readout")  # not a readout file: left alone

    report = import_paths(store, [folder], workers=1)

    assert (report.added, report.duplicates, report.problems) == (2, 0, ())
    rows = store.page(LibraryFilter(), "date", False, 0, 10)
    assert [r.title for r in rows] == [
        "Prime Minister meets with President of Finland",
        "Chancellor receives Prime Minister of Poland",
    ]
    assert rows[0].publisher == "Prime Minister of Canada"
    stored = store.readout(rows[1].id)
    assert stored.text.startswith("Federal Chancellor Olaf Scholz received")
    assert stored.source.date == "2024-05-02"


def test_given_an_archive_import_stores_every_line_with_its_metadata(store, tmp_path: Path) -> None:
    lines = [
        archive_line(1, "The Minister of Foreign Affairs held talks with the Ambassador of Freedonia."),
        archive_line(2, "The Minister welcomed a delegation of the Freedonian parliament in the capital."),
    ]
    archive = write(tmp_path, "archive.jsonl", "\n".join(lines) + "\n")

    report = import_paths(store, [archive], workers=1)

    assert report.added == 2
    rows = store.page(LibraryFilter(), "title", False, 0, 10)
    assert [r.title for r in rows] == [
        "Minister meets counterpart, round 1",
        "Minister meets counterpart, round 2",
    ]
    assert rows[0].url == "https://mfa.example/readouts/1"
    assert store.readout(rows[1].id).source.publisher == "Ministry of Foreign Affairs of Ruritania"


def test_a_readout_already_in_the_library_is_not_added_twice(store, tmp_path: Path) -> None:
    first = write(tmp_path / "a", "ottawa.txt", OTTAWA)
    copy = write(tmp_path / "b", "same-readout-elsewhere.txt", OTTAWA)
    assert import_paths(store, [first], workers=1).added == 1

    again = import_paths(store, [first, copy], workers=1)

    assert (again.added, again.duplicates) == (0, 2)
    assert store.count() == 1


def test_bad_files_and_lines_are_reported_and_the_rest_imported(store, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    write(folder, "ottawa.txt", OTTAWA)
    write(folder, "empty.txt", "   \n\n")
    write(folder, "broken.json", '{"schema": "readout/1", "text": ')
    lines = [
        archive_line(1, "The Minister met the Ambassador of Freedonia."),
        "{not json",
        json.dumps({"title": "x"}),
    ]
    write(folder, "archive.jsonl", "\n".join(lines))

    report = import_paths(store, [folder, tmp_path / "missing.txt"], workers=1)

    assert report.added == 2
    wheres = sorted(Path(p.where.split(":")[0]).name for p in report.problems)
    assert wheres == ["archive.jsonl", "archive.jsonl", "broken.json", "empty.txt", "missing.txt"]
    assert all(p.reason for p in report.problems)


@pytest.mark.parametrize("typed", ["zelensky", "drones", "energy", "president of"])
def test_library_search_finds_the_sentences_the_find_bar_finds_in_one_readout(store, typed: str) -> None:
    readouts = [
        parse_text(t.split("---\n", 1)[1], Source(title=f"r{i}"))
        for i, t in enumerate((OTTAWA, BERLIN, PARIS))
    ]
    from readout_browser.library.records import StoredReadout

    store.add([StoredReadout(r, f"hash-{i}", "test", {}) for i, r in enumerate(readouts)])
    ids = {row.title: row.id for row in store.page(LibraryFilter(), "title", False, 0, 10)}
    query = parse_query(typed)

    answer = store.search(query, 100)

    for i, r in enumerate(readouts):
        bar = {r.sentence_at(h.span[0]) for h in find_hits(r, query) if h.span is not None}
        library = {
            (h.start, h.end) for h in answer.hits if h.readout_id == ids[f"r{i}"] and h.kind == "sentence"
        }
        assert library == bar, (typed, i)
    assert answer.hits, typed


def _pledge(
    text: str, fragment: str, pid: str, donor: str, amount: float, parent: str | None = None
) -> Pledge:
    start = text.index(fragment)
    return Pledge(
        id=pid,
        span=(start, start + len(fragment)),
        donor=donor,
        recipient="Ukraine",
        amount=amount,
        currency="EUR",
        category="military",
        parent=parent,
        evidence=(start, start + len(fragment)),
    )


def _tracker_library(store) -> None:
    from readout_browser.library.records import StoredReadout

    t1 = "Norway will give Ukraine €300 million for air defence, of which €100 million is for radars."
    t2 = "The Netherlands will send €40 million for demining. Norway adds €20 million for fuel."
    r1 = Readout(
        Source(title="Oslo call", date="2024-02-01", publisher="Government of Norway"),
        t1,
        sentences=((0, len(t1)),),
        pledges=(
            _pledge(t1, "€300 million for air defence", "p1", "Norway", 300e6),
            _pledge(t1, "€100 million is for radars", "p2", "Norway", 100e6, parent="p1"),
        ),
    )
    r2 = Readout(
        Source(title="The Hague talks", date="2025-03-04", publisher="Government of the Netherlands"),
        t2,
        sentences=((0, 51), (52, len(t2))),
        pledges=(
            _pledge(t2, "€40 million for demining", "p1", "Netherlands", 40e6),
            _pledge(t2, "€20 million for fuel", "p2", "Norway", 20e6),
        ),
    )
    for n, r in enumerate((r1, r2)):
        store.add([StoredReadout(r, f"h{n}", "test", {p.id: (p.amount, r.source.date) for p in r.pledges})])


def test_tracker_totals_by_donor_count_a_sub_allocation_once(store) -> None:
    _tracker_library(store)

    totals = {t.key: (t.eur, t.pledges) for t in store.totals(PledgeFilter(), "donor")}

    assert totals == {"Norway": (320e6, 2), "Netherlands": (40e6, 1)}
    by_year = {t.key: t.eur for t in store.totals(PledgeFilter(), "year")}
    assert by_year == {"2024": 300e6, "2025": 60e6}
    rows = store.pledges(PledgeFilter(donor="Norway"))
    assert [(r.amount, r.is_sub_allocation, r.counted) for r in rows] == [
        (300e6, False, True),
        (100e6, True, False),
        (20e6, False, True),
    ]
    assert rows[1].sentence.startswith("Norway will give Ukraine")


def test_search_filters_pledges_across_the_library(store) -> None:
    _tracker_library(store)

    hits = store.search(parse_query("donor:norway amount>50m"), 10).hits

    assert [(h.title, h.kind) for h in hits] == [("Oslo call", "pledge"), ("Oslo call", "pledge")]
    assert {h.text for h in store.search(parse_query("donor:netherlands demining"), 10).hits} == {
        "The Netherlands will send €40 million for demining."
    }


def test_a_damaged_library_file_is_moved_aside_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    garbage = b"this is no database at all\n" * 200
    path.write_bytes(garbage)

    store = open_library(path)

    assert store.recovered_from is not None and store.recovered_from != path
    assert store.recovered_from.read_bytes() == garbage  # kept as it was, for the user to rescue
    assert store.count() == 0 and store.integrity() == "ok"
    store.close()


def test_a_library_from_a_newer_release_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version=99")
    before = path.read_bytes()

    with pytest.raises(LibraryError, match="newer"):
        open_library(path)

    assert path.read_bytes() == before


def test_a_readout1_archive_from_parse_jsonl_imports_without_parsing_again(store, tmp_path: Path) -> None:
    readout = parse_text(
        BERLIN.split("---\n", 1)[1], Source(title="Berlin", publisher="The Federal Chancellor")
    )
    line = jsonform.to_dict(readout) | {"parser_version": "elsewhere"}
    archive = write(tmp_path, "parsed.jsonl", json.dumps(line) + "\n")

    assert import_paths(store, [archive], workers=1).added == 1

    (row,) = store.page(LibraryFilter(), "date", False, 0, 10)
    assert store.readout(row.id).quotes == readout.quotes
    assert store.stale("this-version", 10) == [(row.id, store.known_hashes().pop())]


def test_people_are_merged_by_name_with_their_statements_in_date_order(store) -> None:
    from readout_browser.library.records import StoredReadout
    from readout_browser.model import Person, Quote

    def said(date: str, name: str, words: str) -> Readout:
        text = f"{name} said: “{words}”"
        at = text.index(words)
        person = Person("p1", name, mentions=((0, len(name)),))
        quote = Quote("q1", "direct", words, (at, at + len(words)), speaker="p1")
        return Readout(Source(title=f"On {date}", date=date), text, people=(person,), quotes=(quote,))

    later = said("2024-09-01", "Kaja Kallas", "Europe must do more")
    earlier = said("2023-02-01", "KAJA KALLAS", "We will not tire")
    other = said("2023-06-01", "Ursula von der Leyen", "The Union stands firm")
    store.add([StoredReadout(r, f"h{n}", "test", {}) for n, r in enumerate((later, earlier, other))])

    (kallas,) = store.people("kallas", 0, 10)

    assert (kallas.readouts, kallas.quotes) == (2, 2)
    assert [s.text for s in store.statements(kallas.key)] == ["We will not tire", "Europe must do more"]


def test_speaker_and_topic_filters_keep_what_the_find_bar_keeps(store) -> None:
    from readout_browser.library.records import StoredReadout
    from readout_browser.model import Person, Quote, Topic

    text = "\n".join(
        (
            "Minister Ilse Berg spoke of grid repairs.",
            "“Power lines come first,” said Ilse Berg.",
            "The weather was mild.",
        )
    )
    s1, s2, s3 = (0, 41), (42, 83), (84, len(text))
    at = text.index("Power lines")
    readout = Readout(
        Source(title="Grid talks", date="2024-01-01"),
        text,
        people=(Person("p1", "Ilse Berg", title="Minister", mentions=((9, 18),)),),
        quotes=(Quote("q1", "direct", "Power lines come first", (at, at + 22), speaker="p1"),),
        topics=(Topic("t1", "Energy"), Topic("t2", "Power grid", parent="t1", spans=(s1, s2))),
        sentences=(s1, s2, s3),
    )
    store.add([StoredReadout(readout, "h", "test", {})])

    def sentences(typed: str) -> set[tuple[int, int]]:
        return {(h.start, h.end) for h in store.search(parse_query(typed), 50).hits}

    assert sentences("speaker:berg") == {(at, at + 22)}  # her quote
    assert sentences("speaker:berg power") == {s2}
    assert sentences("kind:direct power lines") == {(at, at + 22)}  # the quote itself
    assert sentences("kind:reported power lines") == set()
    assert sentences("topic:energy") == {s1, s2}  # filed under a sub-theme of Energy
    assert sentences("topic:energy weather") == set()
    assert sentences("topic:grid repairs") == {s1}
