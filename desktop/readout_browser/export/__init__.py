"""Exports of a readout: the printed report as PDF, the pledges and quotes as CSV, readout/1 JSON.

`cli_export` runs them without a window (`readout-browser export FILE --pdf OUT.pdf
--csv DIR --json OUT.json`). The PDF part needs Qt and is imported only when a PDF
is asked for, so CSV and JSON exports never start Qt.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from readout_browser.atomic import write_text
from readout_browser.errors import ReadoutError, printable
from readout_browser.export.csv_export import export_csv
from readout_browser.export.pledge_table import DEFAULT_CURRENCY, shared_rates
from readout_browser.export.subset import readout_subset
from readout_browser.jsonform import dumps, to_dict
from readout_browser.model import Readout
from readout_browser.search.matching import Selection, select
from readout_browser.search.query import parse_query

__all__ = ["cli_export", "export_csv", "export_json"]

_PROG = "readout-browser"


def export_json(
    readout: Readout, path: str | Path, selection: Selection | None = None, filter_text: str | None = None
) -> Path:
    """Write the readout as readout/1 JSON: all of it, or only what `selection` keeps.

    A filtered file names its filter in an extra `filter` field.
    """
    out = Path(path)
    if selection is None or not selection.filtered:
        return write_text(out, dumps(readout) + "\n")
    document = to_dict(readout_subset(readout, selection))
    document["filter"] = filter_text or ""
    return write_text(out, json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n")


def _fail(where: str | Path, reason: str) -> int:
    print(f"{_PROG}: {printable(f'{where}: {reason}')}", file=sys.stderr)
    return 2


def _paths(value: Any) -> list[Path]:
    if value is None:
        return []
    if isinstance(value, str | Path):
        return [Path(value)]
    return [Path(v) for v in value]


def _read_all(paths: Sequence[Path]) -> list[Readout] | ReadoutError:
    from readout_browser.parse.pipeline import parse_file

    readouts = []
    for path in paths:
        try:
            readouts.append(parse_file(path))
        except ReadoutError as e:
            return e
        except OSError as e:
            return ReadoutError(path, e.strerror or str(e))
    return readouts


def cli_export(args: Any) -> int:
    """Export the readouts named by `args.file` as `args.pdf`, `args.csv` and/or `args.json`.

    `args.currency` (default EUR) is the currency of the converted column; `args.filter`,
    when present, limits the PDF and the CSV to what that query keeps (the JSON is always
    the whole readout). Returns 0, or 2 after
    writing "readout-browser: <path>: <reason>" to stderr.
    """
    paths = _paths(getattr(args, "file", None))
    pdf, csv_dir, json_out = (
        getattr(args, "pdf", None),
        getattr(args, "csv", None),
        getattr(args, "json", None),
    )
    currency = (getattr(args, "currency", None) or DEFAULT_CURRENCY).upper()
    if not paths:
        return _fail("export", "no readout file given")
    if not (pdf or csv_dir or json_out):
        return _fail("export", "nothing to write; give --pdf FILE, --csv DIR or --json FILE")
    for option, value in (("--pdf", pdf), ("--json", json_out)):
        if value and len(paths) > 1:
            return _fail(
                value, f"{option} writes one readout; {len(paths)} files were given (--csv takes many)"
            )
    if (pdf or csv_dir) and currency not in shared_rates().currencies():
        return _fail("--currency", f"{currency} is not a currency the ECB reference rates cover")

    query = parse_query(getattr(args, "filter", None) or "")
    if query.errors:
        return _fail("--filter", "; ".join(e.message for e in query.errors))

    loaded = _read_all(paths)
    if isinstance(loaded, ReadoutError):
        return _fail(loaded.path or "export", loaded.reason)
    selections: list[Selection | None] = [select(r, query) if query.filters else None for r in loaded]
    filter_text = query.text.strip() if query.filters else None

    try:
        if json_out:
            export_json(loaded[0], json_out)
        if csv_dir:
            export_csv(loaded, csv_dir, currency, selections)
        if pdf:
            from readout_browser.export.pdf import export_pdf

            export_pdf(loaded[0], pdf, selections[0], currency, filter_text)
    except ReadoutError as e:
        return _fail(e.path or "export", e.reason)
    except OSError as e:
        return _fail(e.filename or "export", e.strerror or str(e))
    return 0
