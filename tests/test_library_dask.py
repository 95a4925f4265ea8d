"""The Dask example of docs/scale.md: an archive parsed in partitions on a local cluster imports whole."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from readout_browser.library import open_library
from readout_browser.library.importer import import_paths
from readout_browser.library.version import parser_version

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("dask.distributed")

DOC = Path(__file__).resolve().parents[1] / "docs" / "scale.md"


def _example() -> dict:
    """The first Python block of the document, run as the reader would run it."""
    code = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)[0]
    namespace: dict = {}
    exec(compile(code, str(DOC), "exec"), namespace)
    return namespace


@pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::ResourceWarning", "ignore::UserWarning")
def test_the_dask_example_parses_an_archive_that_import_then_loads(tmp_path: Path) -> None:
    archive = tmp_path / "archive.jsonl"
    lines = [
        {
            "url": f"https://foreign.example/{n}",
            "title": f"Minister meets envoy {n}",
            "date": f"2021-0{1 + n % 9}-1{n % 10}",
            "publisher": "Ministry of Foreign Affairs of Atlantis",
            "body": f"The Minister of Foreign Affairs received Special Envoy Lena Moreau{n} in the capital.",
        }
        for n in range(12)
    ]
    archive.write_text("\n".join(json.dumps(x) for x in lines) + "\n{broken\n", encoding="utf-8")
    example = _example()

    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
        ) as c,
        distributed.Client(c),
    ):
        written = example["parse_archive"](str(archive), str(tmp_path / "parsed"), blocksize="1KiB")

    assert len(written) > 1  # more than one partition
    store = open_library(tmp_path / "lib.sqlite3")
    report = import_paths(store, [tmp_path / "parsed"], workers=1)
    assert (report.added, report.problems) == (12, ())
    assert (
        len(store.stale(parser_version(), 100)) == 12
    )  # no parser version came with them: parsed again later
    store.close()
