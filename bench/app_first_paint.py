"""Readout Browser as `readout-browser` starts it with no file (the seed), stopped at first paint.

    .venv/bin/python bench/app_first_paint.py

Runs the same steps as `readout_browser.ui.app.run`: the single-instance check, the
application, then the window with the seed readout opened (from the parsed-readout cache
when it holds the seed, else parsed) and shown. Also reports how long opening the seed
took and whether the parser had to run, so the window's own share can be told apart.
Used by `bench_startup.py`.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import readout_browser.parsed_cache as parsed_cache  # noqa: E402
from first_paint import quit_after_first_paint  # noqa: E402
from readout_browser.model import Readout  # noqa: E402

OPEN_S: list[float] = []
_open_readout = parsed_cache.open_readout


def _timed_open_readout(path: str | Path) -> Readout:
    started = time.perf_counter()
    try:
        return _open_readout(path)
    finally:
        OPEN_S.append(time.perf_counter() - started)


def main() -> int:
    from readout_browser.ui import main_window
    from readout_browser.ui.app import create_application, open_window
    from readout_browser.ui.single_instance import SingleInstance

    main_window.open_readout = _timed_open_readout
    instance = SingleInstance()  # as run() does: is the app running already? then listen
    if instance.try_forward([]):
        raise SystemExit("Readout Browser is already running for this user; close it first")
    app = create_application()
    window = open_window([])
    window.when_complete(lambda: instance.listen(window.receive_files))  # as run() does, once painted
    app.aboutToQuit.connect(instance.close)
    quit_after_first_paint(
        app,
        window,
        STARTED,
        extra=lambda: {"parser_s": sum(OPEN_S), "parsed": "readout_browser.parse.pipeline" in sys.modules},
    )
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
