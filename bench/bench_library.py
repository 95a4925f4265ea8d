"""How the library scales: a library built from the bulk corpus replicated with fresh ids to N readouts.

    nice -n 19 .venv/bin/python bench/bench_library.py [--size 100000] [--workers 2] [--keep DIR]

Prints, against the targets of issue 9:
  - import throughput, readouts a second, over `--workers` worker processes;
  - the size of the database file (with its WAL);
  - search latency p50/p95 over ten representative find-bar queries, first 200 hits (target p95 <= 16 ms);
  - time to show the Library view over the whole library (target <= 1 s);
  - peak memory of a window that opens the library, scrolls the view and searches (target <= 300 MiB).
The corpus is copied only into a temporary archive (each copy gets a fresh url, so none is a duplicate).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "corpus" / "bulk"
QUERIES = (
    "zelensky",
    "sanctions",
    "air defence",
    "grain exports",
    "speaker:putin",
    "speaker:zelensky weapons",
    "donor:germany",
    "amount>100m",
    "topic:energy gas",
    "kind:direct ukraine",
)
SEARCH_P95_MS, VIEW_S, MEMORY_MIB = 16.0, 1.0, 300.0


def build_archive(size: int, target: Path) -> int:
    """The bulk corpus, copied over and over with fresh urls until it holds `size` readouts."""
    lines = [
        line for f in sorted(BULK.glob("*.jsonl")) for line in f.read_text(encoding="utf-8").splitlines()
    ]
    with target.open("w", encoding="utf-8") as out:
        for n in range(size):
            record = json.loads(lines[n % len(lines)])
            record["url"] = f"{record.get('url') or 'bulk'}#copy-{n // len(lines)}"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return size


def search_latency(library: Path, runs: int) -> dict[str, list[float]]:
    from readout_browser.library import open_library
    from readout_browser.search.query import parse_query

    store = open_library(library)
    times: dict[str, list[float]] = {}
    for text in QUERIES:
        query = parse_query(text)
        store.search(query, 200)  # warm the page cache
        samples = []
        for _ in range(runs):
            t = time.perf_counter()
            store.search(query, 200)
            samples.append((time.perf_counter() - t) * 1000)
        times[text] = samples
    store.close()
    return times


_WINDOW = """
import resource, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from readout_browser.ui.app import ReadoutApplication
app = ReadoutApplication(sys.argv[:1])
from readout_browser.ui.main_window import MainWindow
win = MainWindow()
win.resize(1280, 900)
win.show()
app.processEvents()
controller = win.library
controller.location = Path(sys.argv[1])
t = time.perf_counter()
controller.show_tab(controller.library_view)
view = controller.library_view
view.table.viewport().repaint()
app.processEvents()
shown = time.perf_counter() - t
for _ in range(20):  # scroll through twenty pages
    view.table.scrollToBottom()
    app.processEvents()
controller.show_tab(controller.search_view)
for text in ("zelensky", "speaker:putin", "donor:germany"):
    controller.search_view.query.setText(text)
    controller.search_view.run()
    app.processEvents()
controller.show_tracker()
app.processEvents()
print(shown, view.model.rowCount(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
controller.shutdown()
"""


def window_figures(library: Path) -> tuple[float, int, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as home:
        env.update(XDG_CONFIG_HOME=f"{home}/c", XDG_DATA_HOME=f"{home}/d", XDG_CACHE_HOME=f"{home}/k")
        out = subprocess.run(
            [sys.executable, "-c", _WINDOW, str(library)], capture_output=True, text=True, env=env, check=True
        ).stdout.split()
    return float(out[0]), int(out[1]), float(out[2])


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--size", type=int, default=100_000)
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    p.add_argument("--runs", type=int, default=20, help="timed runs of each query")
    p.add_argument("--keep", metavar="DIR", help="build in DIR and keep the archive and library")
    ns = p.parse_args()
    from readout_browser.library import open_library
    from readout_browser.library.importer import import_paths

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(ns.keep or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        archive, library = folder / "bench.jsonl", folder / "bench.sqlite3"
        if not library.exists():
            build_archive(ns.size, archive)
            store = open_library(library)
            t = time.perf_counter()
            report = import_paths(store, [archive], workers=ns.workers)
            elapsed = time.perf_counter() - t
            store.close()
            rate = report.added / elapsed
            print(
                f"import: {report.added:,} readouts in {elapsed:.0f} s = {rate:.1f} readouts/s "
                f"({ns.workers} workers; {len(report.problems)} unreadable)",
                flush=True,
            )
        size = sum(f.stat().st_size for f in folder.glob("bench.sqlite3*"))
        print(f"database: {size / 2**20:,.0f} MiB ({size / max(ns.size, 1) / 1024:.1f} KiB a readout)")
        times = search_latency(library, ns.runs)
        every = sorted(x for s in times.values() for x in s)
        for text, samples in times.items():
            print(f"  {text:28} p50 {statistics.median(samples):7.2f} ms   p95 {_p95(samples):7.2f} ms")
        p50, p95 = statistics.median(every), _p95(every)
        print(f"search: p50 {p50:.2f} ms, p95 {p95:.2f} ms (target p95 <= {SEARCH_P95_MS})", flush=True)
        shown, rows, peak = window_figures(library)
        print(
            f"library view: shown in {shown * 1000:.0f} ms (target <= {VIEW_S * 1000:.0f} ms); "
            f"{rows:,} rows loaded after scrolling"
        )
        print(f"window peak memory: {peak:.0f} MiB (target <= {MEMORY_MIB:.0f})")
    return 0


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


if __name__ == "__main__":
    sys.exit(main())
