"""How long the app takes to show the seed readout, and how much memory it needs, against a bare Qt window.

    .venv/bin/python bench/bench_startup.py [--repeats 15] [--platform offscreen]

Each run is a whole process, from launch to exit right after the first paint of the
window: `app_first_paint.py` (the app as `readout-browser` starts it, the seed opened and
shown) and `minimal_window.py` (a PySide6 window with the same kinds of widgets, empty).
The app runs twice per round: "app" as a user starts it again (the seed already in the
parsed-readout cache) and "app, cold" with an empty cache, so the seed is parsed. The
programs alternate within one session, after one warm-up each, so a busy spell on the
shared machine slows all alike. Prints the medians, their ratio (target <= 1.5x), how
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
PROGRAMS = {
    "minimal": HERE / "minimal_window.py",
    "app": HERE / "app_first_paint.py",
    "app, cold": HERE / "app_first_paint.py",
}
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
        env["XDG_CACHE_HOME"] = str(Path(home) / "cache")
        env["XDG_RUNTIME_DIR"] = home  # the single-instance socket: never a running app's
        # Byte-compiled modules, as an installed app has them, kept out of the source tree.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(home) / "pycache")
        runs = {name: Runs() for name in PROGRAMS}
        for program in PROGRAMS.values():
            run_once(program, env)  # warm-up: byte-compiles, fills the disk cache
        for i in range(repeats):
            order = list(PROGRAMS.items()) if i % 2 == 0 else list(reversed(PROGRAMS.items()))
            for name, program in order:
                run_env = env
                if name == "app, cold":
                    run_env = dict(env, XDG_CACHE_HOME=tempfile.mkdtemp(prefix="cold-", dir=home))
                wall, peak, report = run_once(program, run_env)
                runs[name].wall_s.append(wall)
                runs[name].peak_kib.append(peak)
                runs[name].first_paint_s.append(report["first_paint_s"])
                runs[name].parser_s.append(report.get("parser_s", 0.0))
                runs[name].slow_imports.update(report["slow_imports"])

    minimal = runs["minimal"]
    med = statistics.median
    print(f"Start-up to first paint, {repeats} runs each, interleaved (QT_QPA_PLATFORM={args.platform})")
    print(f"{'':34}{'minimal':>10}{'app':>10}{'ratio':>8}{'app, cold':>11}{'ratio':>8}{'target':>9}")

    def row(label: str, pick, target: str = "") -> None:
        base = med(pick(minimal))
        warm, cold = med(pick(runs["app"])), med(pick(runs["app, cold"]))
        ratios = f"{warm:>10.3f}{warm / base:>7.2f}x{cold:>11.3f}{cold / base:>7.2f}x"
        print(f"{label:34}{base:>10.3f}{ratios}{target:>9}")

    row("whole process, median (s)", lambda r: r.wall_s, f"<= {TIME_TARGET}x")
    row("to first paint, median (s)", lambda r: r.first_paint_s)
    row("whole process, fastest (s)", lambda r: [min(r.wall_s)])
    row("peak memory, median (MiB)", lambda r: [k / 1024 for k in r.peak_kib], f"<= {MEMORY_TARGET}x")
    for name in ("app", "app, cold"):
        slow = ", ".join(sorted(runs[name].slow_imports)) or "none"
        print(f"{name}: opening the seed took {med(runs[name].parser_s):.3f} s (median); "
              f"slow libraries imported before the first paint: {slow}")
    app = runs["app"]
    wall_ratio = med(app.wall_s) / med(minimal.wall_s)
    memory_ratio = med(app.peak_kib) / med(minimal.peak_kib)
    verdict = "met" if wall_ratio <= TIME_TARGET and memory_ratio <= MEMORY_TARGET else "NOT met"
    print(f"targets {verdict} (app as a user starts it again; the cold column is the first start)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
