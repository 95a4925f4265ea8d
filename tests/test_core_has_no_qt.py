"""The parsing core, the JSON form and the command line's parse path run without Qt.

They are used from scripts, tests and worker processes with no display, and the parse
command must start quickly; so none of them may pull in PySide6, even indirectly.
Checked in a fresh interpreter, where nothing else has imported Qt first.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from readout_browser.paths import default_seed

PROBE = """
import contextlib, io, json, sys
import readout_browser.cli
import readout_browser.jsonform
import readout_browser.parse.pipeline
import readout_browser.summary
from readout_browser.parse.pipeline import parse_file

readout = parse_file(sys.argv[1])
out = io.StringIO()
with contextlib.redirect_stdout(out):
    status = readout_browser.cli.main(["parse", sys.argv[1], "--format", "json"])
with contextlib.redirect_stdout(io.StringIO()):
    readout_browser.cli.main(["parse", sys.argv[1], "--format", "text"])
print(json.dumps({
    "status": status,
    "people": len(readout.people),
    "parsed_schema": json.loads(out.getvalue())["schema"],
    "qt": sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6")),
    "ui": sorted(m for m in sys.modules if m.startswith("readout_browser.ui")),
    "trafilatura": "trafilatura" in sys.modules,
}))
"""


@pytest.fixture(scope="module")
def seen() -> dict[str, Any]:
    """What a fresh interpreter had imported after parsing the seed through the core and the CLI."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(default_seed())], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_parsing_the_seed_works_without_qt(seen: dict[str, Any]) -> None:
    assert seen["status"] == 0
    assert seen["parsed_schema"] == "readout/1"
    assert seen["people"] >= 2


def test_parsing_imports_no_qt(seen: dict[str, Any]) -> None:
    assert seen["qt"] == []
    assert seen["ui"] == []


def test_a_plain_text_readout_does_not_load_the_web_page_extractor(seen: dict[str, Any]) -> None:
    assert seen["trafilatura"] is False
