"""The pledge tracker as a spreadsheet: one row per pledge, Kiel-style, whose sums come out right.

Every row carries its readout (date, title, publisher, URL) and its sentence, so each
figure can be checked at its source. A sub-allocation is a row of its own, marked as
such in `row_type`, and `counted` is 1 only on the rows a total must add: summing
`amount_eur` over `counted = 1` gives the tracker's totals, never a sub-allocation twice.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from readout_browser.atomic import replacing
from readout_browser.library.records import PledgeRow

COLUMNS = (
    "readout_date",
    "readout_title",
    "publisher",
    "url",
    "donor",
    "recipient",
    "amount",
    "currency",
    "qualifier",
    "category",
    "status",
    "purpose",
    "amount_eur",
    "eur_rate_date",
    "row_type",
    "parent_id",
    "pledge_id",
    "counted",
    "sentence",
)


def csv_row(p: PledgeRow) -> list[str]:
    """A pledge as the cells of its CSV row."""

    def num(x: float | None) -> str:
        return "" if x is None else f"{x:.2f}".rstrip("0").rstrip(".")

    return [
        p.readout_date or "",
        p.readout_title,
        p.publisher or "",
        p.url or "",
        p.donor or "",
        p.recipient or "",
        num(p.amount),
        p.currency or "",
        p.qualifier,
        p.category,
        p.status,
        p.purpose or "",
        num(p.eur),
        p.eur_rate_date or "",
        p.row_type,
        p.parent_id or "",
        p.pledge_id,
        "1" if p.counted else "0",
        " ".join(p.sentence.split()),
    ]


def write_csv(rows: Iterable[PledgeRow], path: str | Path) -> int:
    """Write the rows (UTF-8 with a byte-order mark, so spreadsheets read the accents); how many.

    The file is replaced in one step, as every export is: a failed one leaves the old file whole."""
    n = 0
    with replacing(path, encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow(csv_row(row))
            n += 1
    return n
