"""Readout Browser as `readout-browser` starts it with no file (the seed), stopped at first paint.

    .venv/bin/python bench/app_first_paint.py

Runs the same steps as `readout_browser.ui.app.run`: the application, then the window
with the seed readout parsed and shown. Also reports how much of that time the parser
took (importing it, and parsing the seed), so the window's own share can be told
apart. Used by `bench_startup.py`.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

from pathlib import Path  # noqa: E402

import readout_browser.parse.pipeline as pipeline  # noqa: E402
from first_paint import quit_after_first_paint  # noqa: E402
from readout_browser.model import Readout  # noqa: E402

PARSER_IMPORT_S = time.perf_counter() - STARTED
PARSE_S: list[float] = []
_parse_file = pipeline.parse_file


def _timed_parse_file(path: str | Path) -> Readout:
    started = time.perf_counter()
    try:
        return _parse_file(path)
    finally:
        PARSE_S.append(time.perf_counter() - started)


def main() -> int:
    pipeline.parse_file = _timed_parse_file  # the window imports it when it opens a file
    from readout_browser.ui.app import create_application, open_window

    app = create_application()
    window = open_window([])
    quit_after_first_paint(app, window, STARTED, extra=lambda: {"parser_s": PARSER_IMPORT_S + sum(PARSE_S)})
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
