"""Given an export killed half-way, the file it was replacing is still whole."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from readout_browser import atomic
from readout_browser.export import export_csv, export_json
from readout_browser.parse.pipeline import parse_text

BODY = (
    "President Sato of Japan met Prime Minister Okonkwo of Nigeria in Osaka on Thursday.\n"
    "Japan will provide 12 million dollars to Nigeria for vaccine cold chains.\n"
)

# Runs one export whose temporary file gets half a report written, then dies by kill -9
# before the rename: what a crash, a power cut or an impatient user does to an export.
KILLED_MID_EXPORT = textwrap.dedent(
    """
    import contextlib, os, signal, sys
    from readout_browser import atomic
    from readout_browser.export import cli_export, pdf
    kind, target, source = sys.argv[1:4]
    real_sibling = atomic.sibling

    @contextlib.contextmanager
    def sibling_then_die(path, permissions=None):
        with real_sibling(path, permissions) as partial:
            yield partial
            with open(partial, "ab") as f:
                f.write(b"half a report")
            os.kill(os.getpid(), signal.SIGKILL)

    atomic.sibling = pdf.sibling = sibling_then_die

    class Args:
        file = [source]
        pdf = target if kind == "pdf" else None
        json = target if kind == "json" else None
        csv = os.path.dirname(target) if kind == "csv" else None
        currency = None
        filter = None

    cli_export(Args())
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9")
@pytest.mark.parametrize(
    ("kind", "name"), [("json", "report.json"), ("csv", "pledges.csv"), ("pdf", "report.pdf")]
)
def test_an_export_killed_before_it_finished_leaves_the_old_file_whole(
    tmp_path: Path, kind: str, name: str
) -> None:
    source = tmp_path / "visit.txt"
    source.write_text(BODY, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    target = out / name
    target.write_bytes(b"the report of last week")
    done = subprocess.run(
        [sys.executable, "-c", KILLED_MID_EXPORT, kind, str(target), str(source)],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()
    assert target.read_bytes() == b"the report of last week"


def test_a_write_that_fails_half_way_leaves_the_old_file_and_no_litter(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("the old report", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic.replacing(target) as f:
        f.write("half of the new")
        raise RuntimeError("the disk is full")
    assert target.read_text(encoding="utf-8") == "the old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_a_replaced_export_keeps_its_permissions_and_a_new_one_follows_the_umask(tmp_path: Path) -> None:
    readout = parse_text(BODY)
    kept = tmp_path / "kept.json"
    kept.write_text("old", encoding="utf-8")
    kept.chmod(0o640)
    export_json(readout, kept)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    old = os.umask(0o027)
    try:
        fresh = export_json(readout, tmp_path / "fresh.json")
    finally:
        os.umask(old)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o640
    assert '"schema": "readout/1"' in fresh.read_text(encoding="utf-8")


def test_csv_tables_are_written_whole_and_leave_no_temporary_files(tmp_path: Path) -> None:
    export_csv([parse_text(BODY)], tmp_path)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names and not [n for n in names if n.endswith(".part")]
    assert all(p.stat().st_size > 0 for p in tmp_path.iterdir())


def test_the_settings_file_is_replaced_whole_never_rewritten_in_place(qtbot: object) -> None:
    from PySide6.QtCore import QSettings

    from readout_browser.ui.settings import APPLICATION, ORGANISATION, Settings

    settings = Settings()
    settings.set_currency("CHF")
    settings.sync()
    path = Path(QSettings(ORGANISATION, APPLICATION).fileName())
    before = path.stat().st_ino
    settings.set_currency("JPY")
    settings.sync()
    # A new file renamed over the old one (Qt's QSaveFile): a crash mid-write leaves the old one.
    assert path.stat().st_ino != before
    assert "JPY" in path.read_text(encoding="utf-8")
