"""How long the app takes to show the seed readout, and how much memory it needs, against a bare Qt window.

    .venv/bin/python bench/bench_startup.py [--repeats 15] [--platform offscreen]

Each run is a whole process, from launch to exit right after the first paint of the
window: `app_first_paint.py` (the app as `readout-browser` starts it, the seed parsed and
shown) and `minimal_window.py` (a PySide6 window with the same kinds of widgets, empty).
The two alternate within one session, after one warm-up each, so a busy spell on the
shared machine slows both alike. Prints the medians, their ratio (target <= 1.5x), how
much of the app's time went to importing the parser and parsing the seed, the peak
resident memory of each child (ru_maxrss; target within 1.5x), and which slow libraries
the app had imported before its first paint (there should be none).
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
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROGRAMS = {"minimal": HERE / "minimal_window.py", "app": HERE / "app_first_paint.py"}
TIME_TARGET = 1.5
MEMORY_TARGET = 1.5


@dataclass
class Runs:
    """What the runs of one program measured."""

    wall_s: list[float] = field(default_factory=list)
    first_paint_s: list[float] = field(default_factory=list)
    parser_s: list[float] = field(default_factory=list)
    peak_kib: list[int] = field(default_factory=list)
    slow_imports: set[str] = field(default_factory=set)


def run_once(program: Path, env: dict[str, str]) -> tuple[float, int, dict]:
    """Wall seconds, peak resident KiB, and the program's own report of one whole run."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, str(program)], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    assert child.stdout is not None
    output = child.stdout.read()
    _pid, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{program.name} failed with status {child.returncode}")
    report = json.loads(output.decode().strip().splitlines()[-1])
    return wall, usage.ru_maxrss, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeats", type=int, default=15, help="runs of each program (at least 10)")
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM for the children")
    args = parser.parse_args(argv)
    repeats = max(10, args.repeats)

    with tempfile.TemporaryDirectory(prefix="rb-bench-") as home:
        env = dict(os.environ, QT_QPA_PLATFORM=args.platform, XDG_CONFIG_HOME=home)  # no saved layout
        runs = {name: Runs() for name in PROGRAMS}
        for program in PROGRAMS.values():
            run_once(program, env)  # warm-up: byte-compiles, fills the disk cache
        for i in range(repeats):
            order = list(PROGRAMS.items()) if i % 2 == 0 else list(reversed(PROGRAMS.items()))
            for name, program in order:
                wall, peak, report = run_once(program, env)
                runs[name].wall_s.append(wall)
                runs[name].peak_kib.append(peak)
                runs[name].first_paint_s.append(report["first_paint_s"])
                runs[name].parser_s.append(report.get("parser_s", 0.0))
                runs[name].slow_imports.update(report["slow_imports"])

    app, minimal = runs["app"], runs["minimal"]
    wall_ratio = statistics.median(app.wall_s) / statistics.median(minimal.wall_s)
    memory_ratio = statistics.median(app.peak_kib) / statistics.median(minimal.peak_kib)
    print(f"Start-up to first paint, {repeats} runs each, interleaved (QT_QPA_PLATFORM={args.platform})")
    print(f"{'':32}{'minimal':>12}{'app':>12}{'ratio':>9}{'target':>9}")
    rows = (
        ("whole process, median (s)", minimal.wall_s, app.wall_s, TIME_TARGET),
        ("to first paint, median (s)", minimal.first_paint_s, app.first_paint_s, None),
        ("whole process, fastest (s)", [min(minimal.wall_s)], [min(app.wall_s)], None),
    )
    for label, base, ours, target in rows:
        b, o = statistics.median(base), statistics.median(ours)
        goal = f"<= {target}x" if target else ""
        print(f"{label:32}{b:>12.3f}{o:>12.3f}{o / b:>8.2f}x{goal:>9}")
    parser = statistics.median(app.parser_s)
    window_only = statistics.median(f - p for f, p in zip(app.first_paint_s, app.parser_s, strict=True))
    print(f"{'  of which the parser (s)':32}{'':>12}{parser:>12.3f}")
    print(
        f"{'  to first paint without it (s)':32}{statistics.median(minimal.first_paint_s):>12.3f}"
        f"{window_only:>12.3f}{window_only / statistics.median(minimal.first_paint_s):>8.2f}x"
    )
    b_mem, o_mem = statistics.median(minimal.peak_kib) / 1024, statistics.median(app.peak_kib) / 1024
    print(f"{'peak memory, median (MiB)':32}{b_mem:>12.1f}{o_mem:>12.1f}{memory_ratio:>8.2f}x{'<= 1.5x':>9}")
    print(f"slow libraries imported before the first paint: {', '.join(sorted(app.slow_imports)) or 'none'}")
    verdict = "met" if wall_ratio <= TIME_TARGET and memory_ratio <= MEMORY_TARGET else "NOT met"
    print(f"targets {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
