"""How fast readouts parse: in the process, over the bulk corpus, and as a whole command.

    .venv/bin/python bench/bench_parse.py [--repeats 200] [--runs 15] [--bulk-limit N] [--imports]

Prints one table against the targets:
  - median in-process parse time of the seed readout, after a warm-up (target <= 5 ms);
  - where that time goes, stage by stage;
  - readouts per second over the bulk corpus on one core (when ../shared/corpus/bulk exists);
  - median wall time of the whole `readout-browser parse SEED --format json` process over
    repeated runs, start-up and imports included, as installed (modules byte-compiled;
    target <= 0.5 s), and for comparison with every module compiled from source each run;
  - with --imports, the slowest imports of that command (from `python -X importtime`).
The machine is shared and noisy: medians over many runs, never a single timing.
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
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "corpus" / "bulk" / "press-releases-2021-2022.jsonl"
PARSE_TARGET_MS = 5.0
PROCESS_TARGET_S = 0.5


def command() -> list[str]:
    """The installed entry point, else the same command through `python -m`."""
    script = Path(sys.executable).with_name("readout-browser")
    return [str(script)] if script.exists() else [sys.executable, "-m", "readout_browser"]


def median_ms(fn: Callable[[], Any], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def stage_times(seed: Path, repeats: int) -> dict[str, float]:
    """Median milliseconds of each stage the pipeline calls, found by wrapping its names."""
    from readout_browser.parse import pipeline

    spent: dict[str, list[float]] = defaultdict(list)
    originals = {
        name: fn
        for name, fn in vars(pipeline).items()
        if callable(fn)
        and getattr(fn, "__module__", "").startswith("readout_browser.parse.")
        and getattr(fn, "__module__", "") != pipeline.__name__
    }

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name].append(time.perf_counter() - t)

        return run

    try:
        for name, fn in originals.items():
            setattr(pipeline, name, timed(name, fn))
        for _ in range(repeats):
            pipeline.parse_file(seed)
    finally:
        for name, fn in originals.items():
            setattr(pipeline, name, fn)
    return {name: statistics.median(ts) * 1000 for name, ts in spent.items()}


def bulk_rate(limit: int | None) -> tuple[int, float, float, float] | None:
    """(readouts, readouts per second, median ms, 95th percentile ms) over the bulk corpus."""
    if not BULK.is_file():
        return None
    from readout_browser.model import Source
    from readout_browser.parse.pipeline import parse_text

    items = [json.loads(line) for line in BULK.open(encoding="utf-8")][:limit]
    times = []
    for item in items:
        source = Source(None, item["url"], item["title"], item["date"], item["publisher"])
        t = time.perf_counter()
        parse_text(item["body"], source)
        times.append(time.perf_counter() - t)
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    return len(items), len(items) / sum(times), statistics.median(times) * 1000, p95 * 1000


def environment(bytecode: bool) -> dict[str, str]:
    """This environment with Python's compiled-module cache on (in a folder of its own) or off."""
    env = dict(os.environ)
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "readout-browser-bench-pycache")
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    return env


def process_times(seed: Path, runs: int, bytecode: bool) -> list[float]:
    """Wall times of the whole command; with `bytecode`, Python's compiled-module cache is on.

    An installed app always has its modules compiled; a shell with PYTHONDONTWRITEBYTECODE
    set compiles every module from source on every run, which is not what a user sees.
    """
    env = environment(bytecode)
    argv = [*command(), "parse", str(seed), "--format", "json"]
    subprocess.run(argv, capture_output=True, check=True, env=env)  # warm the file and bytecode caches
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True, env=env)
        times.append(time.perf_counter() - t)
    return times


def slowest_imports(seed: Path, top: int = 12) -> list[tuple[float, float, str]]:
    """(own ms, cumulative ms, module) of the slowest imports in one `parse` run, by own time."""
    code = f"from readout_browser.cli import main; main(['parse', {str(seed)!r}, '--format', 'json'])"
    argv = [sys.executable, "-X", "importtime", "-c", code]
    subprocess.run(argv, capture_output=True, check=True, env=environment(bytecode=True))
    done = subprocess.run(argv, capture_output=True, text=True, check=True, env=environment(bytecode=True))
    rows = []
    for line in done.stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) == 3 and parts[0].strip().isdigit():
            rows.append((int(parts[0]) / 1000, int(parts[1]) / 1000, parts[2].strip()))
    return sorted(rows, reverse=True)[:top]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeats", type=int, default=200, help="in-process parses of the seed (default 200)")
    ap.add_argument("--runs", type=int, default=15, help="runs of the whole command (default 15, >= 10)")
    ap.add_argument("--bulk-limit", type=int, default=None, help="parse only the first N bulk readouts")
    ap.add_argument("--imports", action="store_true", help="also list the slowest imports of the command")
    a = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from readout_browser.parse.pipeline import parse_file
    from readout_browser.paths import default_seed

    seed = default_seed()
    t = time.perf_counter()
    parse_file(seed)
    first_ms = (time.perf_counter() - t) * 1000
    seed_ms = median_ms(lambda: parse_file(seed), a.repeats)
    stages = stage_times(seed, max(20, a.repeats // 4))
    bulk = bulk_rate(a.bulk_limit)
    proc = process_times(seed, max(10, a.runs), bytecode=True)
    proc_source = process_times(seed, max(10, a.runs), bytecode=False)

    def verdict(ok: bool) -> str:
        return "ok" if ok else "OVER"

    print(f"{'measure':52} {'value':>14}  target")
    print(f"{'seed: first parse in a fresh process (ms)':52} {first_ms:14.1f}")
    print(f"{f'seed: median in-process parse, {a.repeats} runs (ms)':52} {seed_ms:14.2f}  "
          f"<= {PARSE_TARGET_MS:g} ms {verdict(seed_ms <= PARSE_TARGET_MS)}")
    for name, ms in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"{'  stage ' + name + ' (ms)':52} {ms:14.2f}")
    if bulk is None:
        print(f"{'bulk corpus':52} {'absent':>14}")
    else:
        n, rate, med, p95 = bulk
        print(f"{f'bulk: readouts per second, one core ({n} readouts)':52} {rate:14.1f}")
        print(f"{'bulk: median / 95th percentile parse (ms)':52} {f'{med:.1f} / {p95:.1f}':>14}  "
              f"<= {PARSE_TARGET_MS:g} ms median {verdict(med <= PARSE_TARGET_MS)}")
    med_s = statistics.median(proc)
    print(f"{f'process: readout-browser parse SEED, {len(proc)} runs (s)':52} {med_s:14.3f}  "
          f"<= {PROCESS_TARGET_S:g} s {verdict(med_s <= PROCESS_TARGET_S)}")
    print(f"{'process: fastest / slowest run (s)':52} {f'{min(proc):.3f} / {max(proc):.3f}':>14}")
    print(f"{'process: median with no bytecode cache (s)':52} {statistics.median(proc_source):14.3f}")
    if a.imports:
        print("\nslowest imports of `readout-browser parse`:  own ms  with what it imports")
        for own, total, name in slowest_imports(seed):
            print(f"  {name:42} {own:8.1f}  {total:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
