"""An import killed half way loses nothing it had committed, and a second import finishes the job."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from readout_browser.library import open_library
from readout_browser.library.records import LibraryFilter

TOTAL = 600


def _archive(path: Path) -> Path:
    """Readouts of an imaginary foreign ministry, each with a meeting, a quote and a pledge."""
    rows = []
    for n in range(TOTAL):
        body = (
            f"Foreign Minister Anna Lindqvist{n} met Ambassador Pavel Horak{n} in Valletta.\n"
            f"“We will keep our word,” said Foreign Minister Anna Lindqvist{n}.\n"
            f"Sweden will provide SEK {n + 1} million to Ukraine for field hospitals."
        )
        rows.append(
            json.dumps(
                {
                    "url": f"https://ministry.example/{n}",
                    "title": f"Talks in Valletta, number {n}",
                    "date": f"2022-{1 + n % 12:02d}-{1 + n % 28:02d}",
                    "publisher": "Government Offices of Sweden",
                    "body": body,
                }
            )
        )
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as con:
            return con.execute("SELECT count(*) FROM readouts").fetchone()[0]
    except sqlite3.Error:
        return 0


def _import(archive: Path, db: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "readout_browser", "import", str(archive), "--library", str(db)]
    return subprocess.Popen(
        [*command, "--workers", "1", "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def test_an_import_killed_half_way_keeps_every_committed_readout_whole(tmp_path: Path) -> None:
    archive = _archive(tmp_path / "archive.jsonl")
    db = tmp_path / "lib.sqlite3"
    process = _import(archive, db)
    deadline = time.monotonic() + 120
    while _count(db) < 30 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)  # the import and its workers, mid-write
    process.wait()
    kept = _count(db)
    assert 30 <= kept < TOTAL, "the import should have been stopped half way"

    store = open_library(db)
    assert store.recovered_from is None
    assert store.integrity() == "ok"
    for row in store.page(LibraryFilter(), "date", False, 0, TOTAL):
        readout = store.readout(row.id)  # each one whole: its text, people, quotes and pledges
        assert (row.quotes, row.pledges) == (len(readout.quotes), len(readout.pledges))
        assert readout.text.startswith("Foreign Minister Anna Lindqvist")
    before = store.count()
    store.close()

    finish = subprocess.run(
        [sys.executable, "-m", "readout_browser", "import", str(archive), "--library", str(db), "--quiet"],
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert finish.returncode == 0, finish.stderr
    assert f"{TOTAL - before} imported, {before} already in the library" in finish.stdout
    assert _count(db) == TOTAL
