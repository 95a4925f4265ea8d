"""The parsing core stays free of the database and of Qt: worker processes import only what parsing needs."""

from __future__ import annotations

import subprocess
import sys


def test_parsing_in_a_worker_loads_neither_qt_nor_sqlite() -> None:
    code = (
        "import sys\n"
        "from readout_browser.library.importer import Job, parse_jobs\n"
        "job = Job('x', 'h', record={'body': 'The Minister met the Ambassador of Freedonia.'})\n"
        "assert parse_jobs([job])[0].readout is not None\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlite3', '_sqlite3')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
