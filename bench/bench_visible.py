"""From launch to a window on screen, as a person sees it: `readout-browser` against a bare PySide6 window.

    .venv/bin/python bench/bench_visible.py [--repeats 15]

Both run under an Xvfb server of their own, side by side: each round launches the real
`readout-browser` command (no file named, so it shows the seed, whose parse the cache
already holds after a warm-up) and `bare_window.py` (a window with the same kinds of
widgets, empty), in turns, and polls the X server every 10 ms with `xdotool` until a
window of that name is mapped. Prints each program's median and the ratio of the medians
(target <= 1.3x). The figures are wall-clock, so a busy machine slows both alike; run it
twice and trust the lower. Both run byte-compiled, as an installed app does (a shell's
PYTHONDONTWRITEBYTECODE would have every launch compile the app's modules from source),
and the X server does not reset between clients (a launch that connects while it resets
fails).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = 1.3
POLL_S = 0.010
TIMEOUT_S = 20.0


def _visible(display: str, name: str) -> bool:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", name],
        env=dict(os.environ, DISPLAY=display),
        capture_output=True,
        check=False,
    )
    return found.returncode == 0 and bool(found.stdout.strip())


def _wait_for_server(display: str) -> None:
    """Until the X server answers (a loaded machine starts it slowly)."""
    deadline = time.perf_counter() + TIMEOUT_S
    while time.perf_counter() < deadline:
        answer = subprocess.run(
            ["xdotool", "getdisplaygeometry"], env=dict(os.environ, DISPLAY=display), capture_output=True
        )
        if answer.returncode == 0:
            return
        time.sleep(0.1)
    raise SystemExit(f"no X server on {display}")


def time_to_window(command: list[str], name: str, env: dict[str, str]) -> float:
    """Seconds from launching `command` to a mapped window whose title holds `name`."""
    with tempfile.TemporaryFile() as errors:  # a pipe left unread could fill and stall the child
        started = time.perf_counter()
        child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        try:
            while not _visible(env["DISPLAY"], name):
                if child.poll() is not None:
                    errors.seek(0)
                    said = errors.read().decode(errors="replace")[-2000:]
                    raise SystemExit(f"{command[-1]} ended before its window showed:\n{said}")
                if time.perf_counter() - started > TIMEOUT_S:
                    raise SystemExit(f"no window {name!r} after {TIMEOUT_S:.0f} s")
                time.sleep(POLL_S)
            return time.perf_counter() - started
        finally:
            child.terminate()
            child.wait(10)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--display", default=":97")
    args = parser.parse_args(argv)
    app = shutil.which("readout-browser", path=str(Path(sys.executable).parent)) or "readout-browser"
    programs = {
        "bare window": ([sys.executable, str(HERE / "bare_window.py")], "Bare window"),
        "readout-browser": ([app], "Readout Browser"),
    }
    server = subprocess.Popen(
        ["Xvfb", args.display, "-screen", "0", "1920x1080x24", "-nolisten", "tcp", "-noreset"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for_server(args.display)
        with tempfile.TemporaryDirectory(prefix="rb-visible-") as home:
            env = dict(os.environ, DISPLAY=args.display, QT_QPA_PLATFORM="xcb", XDG_CONFIG_HOME=home)
            env.update(XDG_CACHE_HOME=str(Path(home) / "cache"), XDG_RUNTIME_DIR=home)
            env.pop("WAYLAND_DISPLAY", None)
            # Byte-compiled, as an installed app is (a shell's PYTHONDONTWRITEBYTECODE would make every
            # launch compile each module from source, which the bare window, with one module, hardly does).
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(home) / "pycache")
            times: dict[str, list[float]] = {name: [] for name in programs}
            for command, title in programs.values():
                time_to_window(command, title, env)  # warm-up: byte code, font cache, the seed's parse
            for _ in range(args.repeats):
                for name, (command, title) in programs.items():
                    times[name].append(time_to_window(command, title, env))
    finally:
        server.terminate()
        server.wait(10)
    medians = {name: statistics.median(t) for name, t in times.items()}
    for name, t in times.items():
        print(f"{name:16} median {medians[name]:.3f} s   (min {min(t):.3f}, max {max(t):.3f}, n={len(t)})")
    ratio = medians["readout-browser"] / medians["bare window"]
    print(f"ratio            {ratio:.2f}x   (target <= {TARGET}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
