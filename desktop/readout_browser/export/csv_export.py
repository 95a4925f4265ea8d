"""Pledges and quotes as CSV, laid out the way aid trackers keep their data.

`pledges.csv` has one row per pledge; a sub-allocation names its parent in
`parent_id` (the activity / sub-activity rows of trackers such as the Kiel
Institute's) and says so in `level`, and only a pledge's own row fills
`counted_amount`: `SUM(counted_amount)` gives the total the app shows, never counting
money twice (`amount` still holds every row's figure). Each
row carries the amount as the readout wrote it and the sentence it stands in, so
the number can be checked, and the amount converted at the ECB rate with the day
of the rate. `quotes.csv` has one row per quote; `people.csv` and `topics.csv` list the
participants and the topic tree. Several readouts go into the same files, told apart by
the `readout` column, with the readout's date, title, publisher and URL beside it. Every
row is one line: line breaks inside a cell become spaces (a topic's sentences are parted
by " | "), so a spreadsheet or `grep` sees one record per line.

Files are UTF-8 with a byte-order mark, so spreadsheet programs read the names
(Šefčovič, Zelenskyy’s) right. A text cell that begins like a formula (=, +, -, @)
gets a leading apostrophe, so a spreadsheet shows the text instead of running it.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path

from readout_browser.atomic import replacing
from readout_browser.export.pledge_table import DEFAULT_CURRENCY, pledge_table
from readout_browser.export.wording import person_name
from readout_browser.model import Readout
from readout_browser.rates import Rates
from readout_browser.search.matching import Selection
from readout_browser.summaries import readout_date

READOUT_COLUMNS = ("readout", "readout_date", "readout_title", "publisher", "url")
"""The columns every file opens with: which readout a row comes from."""
PLEDGE_COLUMNS = (
    *READOUT_COLUMNS,
    "id",
    "parent_id",
    "level",
    "counted_amount",
    "donor",
    "recipient",
    "amount",
    "currency",
    "currency_inferred",
    "qualifier",
    "status",
    "category",
    "purpose",
    "when",
    "speaker",
    "amount_as_written",
    "evidence",
    "converted_amount",
    "converted_currency",
    "rate",
    "rate_date",
    "start",
    "end",
)
QUOTE_COLUMNS = (
    *READOUT_COLUMNS,
    "id",
    "kind",
    "speaker",
    "speaker_id",
    "text",
    "cue",
    "sentence",
    "start",
    "end",
)
PEOPLE_COLUMNS = (*READOUT_COLUMNS, "id", "name", "title", "country", "mentions")
TOPIC_COLUMNS = (*READOUT_COLUMNS, "id", "label", "parent_id", "sentences", "evidence")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ONE_LINE = re.compile(r"\s*[\r\n\u2028\u2029]+\s*")
SENTENCE_SEPARATOR = " | "
"""Parts the sentences filed under a topic within one cell."""
LEVELS = ("pledge", "sub-allocation")


def _cell(value: object) -> str | int | float:
    """A value as a CSV cell: numbers as numbers, booleans as true/false, text kept as text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return int(value) if value.is_integer() else round(value, 6)
    if isinstance(value, int):
        return value
    text = _ONE_LINE.sub(" ", str(value))
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def readout_name(readout: Readout) -> str:
    """How a row names its readout: the file name, else the title."""
    if readout.source.path:
        return Path(readout.source.path).name
    return readout.source.url or readout.display_title


def readout_values(readout: Readout) -> dict[str, object]:
    """The cells that say which readout a row comes from."""
    source = readout.source
    return {
        "readout": readout_name(readout),
        "readout_date": readout_date(readout),
        "readout_title": readout.display_title,
        "publisher": source.publisher,
        "url": source.url,
    }


def _sentence(readout: Readout, start: int) -> str:
    span = readout.sentence_at(start)
    return readout.snippet(span) if span else ""


def pledge_rows(
    readout: Readout,
    currency: str = DEFAULT_CURRENCY,
    pledge_ids: Collection[str] | None = None,
    rates: Rates | None = None,
) -> list[dict[str, str | int | float]]:
    """The rows of `pledges.csv` for one readout, parents before their sub-allocations."""
    table = pledge_table(readout, currency, pledge_ids, rates)
    where = readout_values(readout)
    rows = []
    for row in table.rows:
        p, c = row.pledge, row.conversion
        evidence = readout.snippet(p.evidence) if p.evidence else _sentence(readout, p.span[0])
        values: dict[str, object] = {
            **where,
            "id": p.id,
            "parent_id": p.parent,
            "level": LEVELS[1] if p.parent else LEVELS[0],
            "counted_amount": None if p.parent else p.amount,
            "donor": p.donor,
            "recipient": p.recipient,
            "amount": p.amount,
            "currency": p.currency,
            "currency_inferred": p.currency_inferred,
            "qualifier": p.qualifier,
            "status": p.status,
            "category": p.category,
            "purpose": p.purpose,
            "when": p.when,
            "speaker": person_name(readout, p.speaker),
            "amount_as_written": readout.snippet(p.span),
            "evidence": evidence.strip(),
            "converted_amount": None if c is None else round(c.value, 2),
            "converted_currency": None if c is None else c.currency,
            "rate": None if c is None else c.rate,
            "rate_date": None if c is None else c.rate_date.isoformat(),
            "start": p.span[0],
            "end": p.span[1],
        }
        rows.append({k: _cell(v) for k, v in values.items()})
    return rows


def quote_rows(
    readout: Readout, quote_ids: Collection[str] | None = None
) -> list[dict[str, str | int | float]]:
    """The rows of `quotes.csv` for one readout, in reading order."""
    where = readout_values(readout)
    rows = []
    for q in readout.quotes:
        if quote_ids is not None and q.id not in quote_ids:
            continue
        values: dict[str, object] = {
            **where,
            "id": q.id,
            "kind": q.kind,
            "speaker": person_name(readout, q.speaker),
            "speaker_id": q.speaker,
            "text": q.text,
            "cue": q.cue,
            "sentence": _sentence(readout, q.span[0]).strip(),
            "start": q.span[0],
            "end": q.span[1],
        }
        rows.append({k: _cell(v) for k, v in values.items()})
    return rows


def people_rows(
    readout: Readout, person_ids: Collection[str] | None = None
) -> list[dict[str, str | int | float]]:
    """The rows of `people.csv` for one readout: who took part, and how often the text names them."""
    where = readout_values(readout)
    return [
        {
            k: _cell(v)
            for k, v in (
                *where.items(),
                ("id", p.id),
                ("name", p.name),
                ("title", p.title),
                ("country", p.country),
                ("mentions", len(p.mentions)),
            )
        }
        for p in readout.people
        if person_ids is None or p.id in person_ids
    ]


def topic_rows(
    readout: Readout, topic_ids: Collection[str] | None = None
) -> list[dict[str, str | int | float]]:
    """The rows of `topics.csv` for one readout: each topic with the sentences filed under it."""
    where = readout_values(readout)
    return [
        {
            k: _cell(v)
            for k, v in (
                *where.items(),
                ("id", t.id),
                ("label", t.label),
                ("parent_id", t.parent),
                ("sentences", len(t.spans)),
                ("evidence", SENTENCE_SEPARATOR.join(readout.snippet(s).strip() for s in t.spans)),
            )
        }
        for t in readout.topics
        if topic_ids is None or t.id in topic_ids
    ]


def _write(path: Path, columns: Sequence[str], rows: Iterable[dict[str, str | int | float]]) -> None:
    with replacing(path, encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def export_csv(
    readouts: Sequence[Readout],
    directory: str | Path,
    currency: str = DEFAULT_CURRENCY,
    selections: Sequence[Selection | None] | None = None,
    rates: Rates | None = None,
) -> tuple[Path, Path, Path, Path]:
    """Write `pledges.csv`, `quotes.csv`, `people.csv` and `topics.csv` into `directory` (made if
    missing); their paths.

    `selections`, one per readout, limits each readout to what a filter keeps.
    """
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    chosen = list(selections) if selections is not None else [None] * len(readouts)
    pledges, quotes, people, topics = [], [], [], []
    for readout, sel in zip(readouts, chosen, strict=True):
        pledges += pledge_rows(readout, currency, sel.pledges if sel else None, rates)
        quotes += quote_rows(readout, sel.quotes if sel else None)
        people += people_rows(readout, sel.people if sel else None)
        topics += topic_rows(readout, sel.topics if sel else None)
    paths = (out / "pledges.csv", out / "quotes.csv", out / "people.csv", out / "topics.csv")
    for path, columns, rows in zip(
        paths,
        (PLEDGE_COLUMNS, QUOTE_COLUMNS, PEOPLE_COLUMNS, TOPIC_COLUMNS),
        (pledges, quotes, people, topics),
        strict=True,
    ):
        _write(path, columns, rows)
    return paths
