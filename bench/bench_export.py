"""How fast the seed readout exports: to PDF in the process, and as the whole headless command.

    .venv/bin/python bench/bench_export.py [--repeats 20] [--runs 10] [--process]

Prints one table against the target:
  - the first PDF export in a fresh process (Qt start-up and the ECB rates included);
  - the median in-process time to export the seed to PDF over `--repeats` (at least 10)
    exports after that warm-up (target <= 1 s), and where it goes: building the report
    HTML, loading it into a QTextDocument, laying it out and painting the pages;
  - the median CSV and JSON export times;
  - with --process, the median wall time of `readout-browser export SEED --pdf ...` over
    `--runs` (at least 10) runs, start-up and imports included.
The machine is shared and noisy: medians over many runs, never a single timing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

PDF_TARGET_S = 1.0


def median_s(fn: Callable[[], Any], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def command() -> list[str]:
    """The installed entry point, else the same command through `python -m`."""
    script = Path(sys.executable).with_name("readout-browser")
    return [str(script)] if script.exists() else [sys.executable, "-m", "readout_browser"]


def process_times(seed: Path, out: Path, runs: int) -> list[float]:
    argv = [*command(), "export", str(seed), "--pdf", str(out / "process.pdf")]
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    subprocess.run(argv, capture_output=True, check=True, env=env)  # warm the file cache and .pyc files
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True, env=env)
        times.append(time.perf_counter() - t)
    return times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--repeats", type=int, default=20, help="in-process exports of the seed (default 20, >= 10)"
    )
    ap.add_argument("--runs", type=int, default=10, help="runs of the whole command with --process (>= 10)")
    ap.add_argument("--process", action="store_true", help="also time the whole `export` command")
    a = ap.parse_args()
    repeats = max(10, a.repeats)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from readout_browser.export import export_csv, export_json
    from readout_browser.export.pdf import (
        export_pdf,
        pdf_printer,
        render_to_printer,
        report_document,
        window_colours,
    )
    from readout_browser.export.report_html import report_html
    from readout_browser.export.wording import report_title
    from readout_browser.parse.pipeline import parse_file
    from readout_browser.paths import default_seed

    seed_path = default_seed()
    readout = parse_file(seed_path)
    title = report_title(readout)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        t = time.perf_counter()
        pages = export_pdf(readout, out / "first.pdf")
        first_s = time.perf_counter() - t

        pdf_s = median_s(lambda: export_pdf(readout, out / "seed.pdf"), repeats)
        html_s = median_s(lambda: report_html(readout, colours=window_colours()), repeats)
        html = report_html(readout, colours=window_colours())
        load_s = median_s(lambda: report_document(html, title), repeats)
        doc = report_document(html, title)  # printing the same document again lays it out afresh
        render_s = median_s(lambda: render_to_printer(doc, pdf_printer(out / "r.pdf", title)), repeats)
        csv_s = median_s(lambda: export_csv([readout], out / "csv"), repeats)
        json_s = median_s(lambda: export_json(readout, out / "seed.json"), repeats)
        proc = process_times(seed_path, out, max(10, a.runs)) if a.process else None

    ok = "ok" if pdf_s <= PDF_TARGET_S else "OVER"
    print(f"{'measure':56} {'value':>10}  target")
    print(f"{f'seed PDF ({pages} pages): first export in a fresh process (s)':56} {first_s:10.3f}")
    print(
        f"{f'seed PDF: median in-process export, {repeats} runs (s)':56} {pdf_s:10.3f}  "
        f"<= {PDF_TARGET_S:g} s {ok}"
    )
    print(f"{'  report HTML (s)':56} {html_s:10.3f}")
    print(f"{'  QTextDocument from the HTML (s)':56} {load_s:10.3f}")
    print(f"{'  layout, page breaks and painting (s)':56} {render_s:10.3f}")
    print(f"{'seed CSV: median export (s)':56} {csv_s:10.4f}")
    print(f"{'seed JSON: median export (s)':56} {json_s:10.4f}")
    if proc:
        print(
            f"{f'process: readout-browser export SEED --pdf, {len(proc)} runs (s)':56} "
            f"{statistics.median(proc):10.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
