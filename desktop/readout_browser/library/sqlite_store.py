"""The library in a SQLite file: the one module that maps readouts to rows and back, and owns every SQL.

A readout is stored twice over, for two purposes: whole (its readout/1 JSON, compressed,
without the text, which has a column of its own) so it reopens exactly as parsed, and
taken apart into rows (people, quotes and reported statements, pledges with their
parents, topics) so the window's questions are SQL. Sentences, quotes and names go into
an FTS5 index in folded form (`search.fold`: no case, no diacritics, plain punctuation),
so "zelensky" finds "Zelenskyy" as the find bar does.

The file is in WAL mode: readers (the window) never wait for the writer (an import), and
a writer killed half way loses only its open transaction. The schema has a version
(`PRAGMA user_version`) and a migration from every earlier one. A file that is not a
SQLite database, or one SQLite finds damaged, is moved aside (never written over) and
a new library is started; `recovered_from` says where the old one went.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from readout_browser import jsonform
from readout_browser.library.records import (
    LibraryFilter,
    PersonRow,
    PledgeFilter,
    PledgeRow,
    ReadoutRow,
    SearchAnswer,
    SearchHit,
    SeriesPoint,
    SortKey,
    Statement,
    StoredReadout,
    Total,
    TotalsKey,
)
from readout_browser.model import Readout
from readout_browser.search.fold import fold
from readout_browser.search.forms import needles
from readout_browser.search.query import FieldFilter, Query
from readout_browser.summaries import readout_date

_V1 = """
CREATE TABLE readouts (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    path TEXT, url TEXT, title TEXT NOT NULL, date TEXT, publisher TEXT,
    parser_version TEXT NOT NULL,
    participants TEXT NOT NULL DEFAULT '',
    quote_count INTEGER NOT NULL DEFAULT 0,
    pledge_count INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL,
    document BLOB NOT NULL,
    imported_at REAL NOT NULL
);
CREATE INDEX readouts_date ON readouts(date, id);
CREATE INDEX readouts_publisher ON readouts(publisher, id);
CREATE INDEX readouts_title ON readouts(title, id);
CREATE INDEX readouts_parser ON readouts(parser_version);
CREATE INDEX readouts_participants ON readouts(participants, id);
CREATE INDEX readouts_quotes ON readouts(quote_count, id);
CREATE INDEX readouts_pledges ON readouts(pledge_count, id);
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    readout_id INTEGER NOT NULL REFERENCES readouts(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL, name TEXT NOT NULL, name_key TEXT NOT NULL,
    title TEXT, country TEXT, country_key TEXT NOT NULL DEFAULT '', from_roster INTEGER NOT NULL,
    first_start INTEGER, first_end INTEGER
);
CREATE INDEX people_readout ON people(readout_id);
CREATE INDEX people_name ON people(name_key);
CREATE INDEX people_country ON people(country_key);
CREATE TABLE speakers (id INTEGER PRIMARY KEY, match TEXT NOT NULL UNIQUE);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    readout_id INTEGER NOT NULL REFERENCES readouts(id) ON DELETE CASCADE,
    quote_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('direct', 'reported')),
    text TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    speaker_id TEXT, speaker_key TEXT NOT NULL DEFAULT '',
    speaker_ref INTEGER REFERENCES speakers(id)
);
CREATE INDEX quotes_speaker_ref ON quotes(speaker_ref);
CREATE INDEX quotes_readout ON quotes(readout_id);
CREATE INDEX quotes_speaker ON quotes(speaker_key);
CREATE TABLE pledges (
    id INTEGER PRIMARY KEY,
    readout_id INTEGER NOT NULL REFERENCES readouts(id) ON DELETE CASCADE,
    pledge_id TEXT NOT NULL, parent_id TEXT,
    donor TEXT, donor_match TEXT NOT NULL DEFAULT '',
    recipient TEXT, recipient_match TEXT NOT NULL DEFAULT '',
    amount REAL, currency TEXT, currency_match TEXT NOT NULL DEFAULT '',
    qualifier TEXT NOT NULL, purpose TEXT, category TEXT NOT NULL, status TEXT NOT NULL,
    speaker_match TEXT NOT NULL DEFAULT '',
    start INTEGER NOT NULL, end INTEGER NOT NULL, ev_start INTEGER NOT NULL, ev_end INTEGER NOT NULL,
    year TEXT, eur REAL, eur_rate_date TEXT, counted INTEGER NOT NULL
);
CREATE INDEX pledges_readout ON pledges(readout_id);
CREATE INDEX pledges_donor ON pledges(donor);
CREATE TABLE lineages (id INTEGER PRIMARY KEY, labels TEXT NOT NULL UNIQUE);
CREATE TABLE topics (
    id INTEGER PRIMARY KEY,
    readout_id INTEGER NOT NULL REFERENCES readouts(id) ON DELETE CASCADE,
    topic_id TEXT NOT NULL, label TEXT NOT NULL, parent_id TEXT,
    lineage INTEGER NOT NULL REFERENCES lineages(id)
);
CREATE INDEX topics_lineage ON topics(lineage);
CREATE INDEX topics_readout ON topics(readout_id);
CREATE TABLE topic_spans (
    topic INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
    readout_id INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL
);
CREATE INDEX topic_spans_topic ON topic_spans(topic);
CREATE INDEX topic_spans_readout ON topic_spans(readout_id, start);
CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    readout_id INTEGER NOT NULL REFERENCES readouts(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('sentence', 'quote', 'person')),
    start INTEGER NOT NULL, end INTEGER NOT NULL, label TEXT, quote_kind TEXT
);
CREATE INDEX entries_readout ON entries(readout_id);
CREATE VIRTUAL TABLE entry_text USING fts5(folded, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE quote_text USING fts5(folded, kind, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE entry_words USING fts5vocab(entry_text, 'row');
"""

MIGRATIONS: tuple[str, ...] = (_V1,)
"""The script that takes a library from version i to i + 1; a release only ever appends to it."""

SCHEMA_VERSION = len(MIGRATIONS)
_MAX_WORDS = 48


class LibraryError(Exception):
    """A library that cannot be used as it is (made by a newer release, or not writable)."""


class SqliteStore:
    """A library in one SQLite file (see the module docstring); one instance per thread."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).expanduser()
        self.location = str(self.path)
        self.recovered_from: Path | None = None  # where a damaged file was moved, if it was
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = self._connect()
        except sqlite3.DatabaseError as e:
            if isinstance(e, sqlite3.OperationalError) and "locked" in str(e):
                raise LibraryError(f"{self.path}: the library is busy ({e})") from e
            self.recovered_from = _move_aside(self.path)
            self._db = self._connect()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:  # checked before anything is written, even the journal mode
                raise LibraryError(
                    f"{self.path}: made by a newer Readout Browser (schema {version}; this one reads "
                    f"up to {SCHEMA_VERSION})"
                )
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            db.execute("PRAGMA busy_timeout=30000")
            if version < SCHEMA_VERSION:
                self._migrate(db, version)
            db.execute("SELECT count(*) FROM readouts").fetchone()
        except BaseException:
            db.close()
            raise
        return db

    def _migrate(self, db: sqlite3.Connection, version: int) -> None:
        db.execute("BEGIN IMMEDIATE")
        try:
            current = db.execute("PRAGMA user_version").fetchone()[0]  # another process may have won
            for script in MIGRATIONS[current:]:
                for statement in _statements(script):
                    db.execute(statement)
            db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def close(self) -> None:
        """Close the file (the WAL is folded back into it when this was the last connection)."""
        self._db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def integrity(self) -> str:
        """SQLite's own check of the file: "ok", or what is wrong."""
        return "\n".join(row[0] for row in self._db.execute("PRAGMA integrity_check"))

    # -- writing ------------------------------------------------------------------

    def has(self, content_hash: str) -> bool:
        """Whether a readout with these contents is in the library already."""
        sql = "SELECT 1 FROM readouts WHERE content_hash = ?"
        return self._db.execute(sql, (content_hash,)).fetchone() is not None

    def known_hashes(self) -> set[str]:
        """The content hashes of every stored readout (an import skips them before parsing)."""
        return {row[0] for row in self._db.execute("SELECT content_hash FROM readouts")}

    def add(self, items: Sequence[StoredReadout]) -> int:
        """Store readouts in one transaction (all or none), skipping those stored already; how many new."""
        added = 0
        with self._transaction() as db:
            for item in items:
                if db.execute(
                    "SELECT 1 FROM readouts WHERE content_hash = ?", (item.content_hash,)
                ).fetchone():
                    continue
                cur = db.execute(
                    "INSERT INTO readouts (content_hash, path, url, title, date, publisher, parser_version,"
                    " participants, quote_count, pledge_count, text, document, imported_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (item.content_hash, *_readout_columns(item), time.time()),
                )
                _insert_parts(db, int(cur.lastrowid or 0), item)
                added += 1
        return added

    def replace(self, readout_id: int, item: StoredReadout) -> None:
        """Put a new parse of a stored readout in place of the old one (same id, so links stay)."""
        with self._transaction() as db:
            _delete_parts(db, readout_id)
            db.execute(
                "UPDATE readouts SET path = ?, url = ?, title = ?, date = ?, publisher = ?,"
                " parser_version = ?,"
                " participants = ?, quote_count = ?, pledge_count = ?, text = ?, document = ? WHERE id = ?",
                (*_readout_columns(item), readout_id),
            )
            _insert_parts(db, readout_id, item)

    def stale(self, parser_version: str, limit: int) -> list[tuple[int, str]]:
        """Up to `limit` readouts parsed by another parser version: (id, content hash)."""
        sql = "SELECT id, content_hash FROM readouts WHERE parser_version != ? ORDER BY id LIMIT ?"
        return [(r[0], r[1]) for r in self._db.execute(sql, (parser_version, limit))]

    # -- reading ------------------------------------------------------------------

    def readout(self, readout_id: int) -> Readout:
        """A stored readout, whole, as it was parsed. KeyError when there is none with that id."""
        row = self._db.execute("SELECT text, document FROM readouts WHERE id = ?", (readout_id,)).fetchone()
        if row is None:
            raise KeyError(readout_id)
        data = json.loads(zlib.decompress(row[1]))
        data["text"] = row[0]
        return jsonform.from_dict(data, f"{self.location}#{readout_id}")

    def count(self, where: LibraryFilter = LibraryFilter()) -> int:  # noqa: B008 (frozen, so shared safely)
        """How many readouts the filter keeps."""
        clause, params = _library_where(where)
        return int(self._db.execute(f"SELECT count(*) FROM readouts r {clause}", params).fetchone()[0])

    def page(
        self, where: LibraryFilter, sort: SortKey, descending: bool, offset: int, limit: int
    ) -> list[ReadoutRow]:
        """One page of the Library view, sorted (ties by order of import)."""
        clause, params = _library_where(where)
        column = _SORT_COLUMNS[sort]
        order = "DESC" if descending else "ASC"
        sql = (
            "SELECT id, date, publisher, title, participants, quote_count, pledge_count, path, url"
            f" FROM readouts r {clause} ORDER BY {column} {order}, id {order} LIMIT ? OFFSET ?"
        )
        return [ReadoutRow(*row) for row in self._db.execute(sql, (*params, limit, offset))]

    def publishers(self) -> list[str]:
        """Every publisher in the library, for the Library view's filter."""
        sql = "SELECT DISTINCT publisher FROM readouts WHERE publisher IS NOT NULL ORDER BY publisher"
        return [r[0] for r in self._db.execute(sql)]

    def search(self, query: Query, limit: int = 200) -> SearchAnswer:
        """The library's answer to a find-bar query (see `_search_sql`), up to `limit` hits."""
        sql, params = _search_sql(query, self._words)
        if sql is None:
            return SearchAnswer((), False)
        rows = self._db.execute(sql + " LIMIT ?", (*params, limit + 1)).fetchall()
        hits = tuple(SearchHit(*row) for row in rows[:limit])
        return SearchAnswer(hits, len(rows) > limit)

    def _words(self, prefix: str) -> list[str] | None:
        """The indexed words that begin with `prefix`, or None when there are more than a few dozen."""
        sql = "SELECT term FROM entry_words WHERE term >= ? AND term < ? LIMIT ?"
        found = [r[0] for r in self._db.execute(sql, (prefix, prefix + "\U0010ffff", _MAX_WORDS + 1))]
        return found if len(found) <= _MAX_WORDS else None

    def people(self, name: str, offset: int, limit: int) -> list[PersonRow]:
        """Everyone whose folded name holds `name`, merged by name, most quoted first."""
        sql = (
            "SELECT p.name_key, min(p.name), count(DISTINCT p.readout_id),"
            " (SELECT count(*) FROM quotes q WHERE q.speaker_key = p.name_key)"
            " FROM people p WHERE p.name_key LIKE ? ESCAPE '\\' GROUP BY p.name_key"
            " ORDER BY 4 DESC, 3 DESC, 1 LIMIT ? OFFSET ?"
        )
        return [PersonRow(*row) for row in self._db.execute(sql, (_contains(fold(name)), limit, offset))]

    def statements(self, person_key: str) -> list[Statement]:
        """A person's quotes and reported statements across the library, in date order."""
        sql = (
            "SELECT q.readout_id, q.kind, q.text, q.start, q.end, r.date, r.title FROM quotes q"
            " JOIN readouts r ON r.id = q.readout_id WHERE q.speaker_key = ?"
            " ORDER BY r.date, r.id, q.start"
        )
        return [Statement(*row) for row in self._db.execute(sql, (person_key,))]

    def pledges(self, where: PledgeFilter, offset: int = 0, limit: int | None = None) -> list[PledgeRow]:
        """Pledges across the library, by readout date, each parent before its sub-allocations."""
        clause, params = _pledge_where(where)
        sql = (
            "SELECT p.readout_id, p.pledge_id, p.parent_id, p.donor, p.recipient, p.amount, p.currency,"
            " p.qualifier, p.category, p.status, p.purpose, p.eur, p.eur_rate_date, p.counted,"
            " p.start, p.end,"
            " substr(r.text, p.ev_start + 1, p.ev_end - p.ev_start), r.date, r.title, r.publisher, r.url"
            f" FROM pledges p JOIN readouts r ON r.id = p.readout_id {clause}"
            " ORDER BY r.date, r.id, p.id LIMIT ? OFFSET ?"
        )
        rows = self._db.execute(sql, (*params, -1 if limit is None else limit, offset))
        return [PledgeRow(*row[:13], bool(row[13]), *row[14:]) for row in rows]

    def totals(self, where: PledgeFilter, by: TotalsKey) -> list[Total]:
        """Euros pledged per donor, recipient, category or year, over the counted pledges, largest first."""
        clause, params = _pledge_where(where, "p.counted = 1 AND p.amount IS NOT NULL")
        column = {"donor": "p.donor", "recipient": "p.recipient", "category": "p.category", "year": "p.year"}[
            by
        ]
        sql = (
            f"SELECT coalesce({column}, '(unknown)'), coalesce(sum(p.eur), 0), count(*),"
            " sum(p.eur IS NULL)"
            f" FROM pledges p JOIN readouts r ON r.id = p.readout_id {clause} GROUP BY 1 ORDER BY 2 DESC, 1"
        )
        return [Total(*row) for row in self._db.execute(sql, params)]

    def series(self, where: PledgeFilter) -> list[SeriesPoint]:
        """Euros per donor, year and category over the counted pledges (for the tracker chart)."""
        clause, params = _pledge_where(where, "p.counted = 1 AND p.eur IS NOT NULL")
        sql = (
            "SELECT coalesce(p.donor, '(unknown)'), coalesce(p.year, '?'), p.category, sum(p.eur)"
            f" FROM pledges p JOIN readouts r ON r.id = p.readout_id {clause}"
            " GROUP BY 1, 2, 3 ORDER BY 2, 1, 3"
        )
        return [SeriesPoint(*row) for row in self._db.execute(sql, params)]

    def choices(self, field: str) -> list[str]:
        """The values a tracker filter can take: donor, recipient, category, status, year or currency."""
        column = {
            "donor": "donor",
            "recipient": "recipient",
            "category": "category",
            "status": "status",
            "year": "year",
            "currency": "currency",
        }[field]
        sql = f"SELECT DISTINCT {column} FROM pledges WHERE {column} IS NOT NULL ORDER BY 1"
        return [r[0] for r in self._db.execute(sql)]


# -- readouts to rows -------------------------------------------------------------------------------

_SORT_COLUMNS: dict[str, str] = {
    "date": "r.date",
    "publisher": "r.publisher",
    "title": "r.title",
    "participants": "r.participants",
    "quotes": "r.quote_count",
    "pledges": "r.pledge_count",
}


def _document(readout: Readout) -> bytes:
    data = jsonform.to_dict(readout)
    del data["text"]  # stored once, in its own column, where SQL can cut sentences from it
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), 6)


def _readout_columns(item: StoredReadout) -> tuple[Any, ...]:
    r = item.readout
    participants = ", ".join(p.name for p in r.people)
    return (
        r.source.path,
        r.source.url,
        r.display_title,
        readout_date(r),
        r.source.publisher,
        item.parser_version,
        participants,
        len(r.quotes),
        len(r.pledges),
        r.text,
        _document(r),
    )


def _person_match(readout: Readout, party: str | None) -> str:
    """What a speaker, donor or recipient filter matches: the party, or a person's name, title and country."""
    if not party:
        return ""
    person = readout.person(party)
    parts = [party] if person is None else [person.name, person.title or "", person.country or ""]
    return fold(" | ".join(parts))


def _counted(readout: Readout, pledge_id: str) -> bool:
    """Whether a sum adds this pledge: not when it is a part of a parent that has an amount itself."""
    pledge = readout.pledge(pledge_id)
    parent = readout.pledge(pledge.parent) if pledge and pledge.parent else None
    return parent is None or parent.amount is None


def _insert_parts(db: sqlite3.Connection, readout_id: int, item: StoredReadout) -> None:
    r = item.readout
    date = readout_date(r)
    names = {p.id: fold(p.name) for p in r.people}
    db.executemany(
        "INSERT INTO people (readout_id, person_id, name, name_key, title, country, country_key, from_roster,"
        " first_start, first_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                readout_id,
                p.id,
                p.name,
                names[p.id],
                p.title,
                p.country,
                fold(p.country or ""),
                int(p.from_roster),
                *(p.mentions[0] if p.mentions else (None, None)),
            )
            for p in r.people
        ],
    )
    db.executemany(
        "INSERT INTO quotes (readout_id, quote_id, kind, text, start, end, speaker_id, speaker_key,"
        " speaker_ref)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                readout_id,
                q.id,
                q.kind,
                q.text,
                *q.span,
                q.speaker,
                names.get(q.speaker or "", fold(q.speaker or "")),
                _ref(db, "speakers", "match", _person_match(r, q.speaker)) if q.speaker else None,
            )
            for q in r.quotes
        ],
    )
    db.executemany(
        "INSERT INTO pledges (readout_id, pledge_id, parent_id, donor, donor_match, recipient,"
        " recipient_match,"
        " amount, currency, currency_match, qualifier, purpose, category, status, speaker_match,"
        " start, end, ev_start, ev_end, year, eur, eur_rate_date, counted)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                readout_id,
                p.id,
                p.parent,
                _party_name(r, p.donor),
                _person_match(r, p.donor),
                _party_name(r, p.recipient),
                _person_match(r, p.recipient),
                p.amount,
                p.currency,
                fold(" | ".join(x for x in (p.currency, p.currency_text) if x)),
                p.qualifier,
                p.purpose,
                p.category,
                p.status,
                _person_match(r, p.speaker),
                *p.span,
                *_evidence(r, p.evidence or p.span),
                (date or "")[:4] or None,
                *item.eur.get(p.id, (None, None)),
                int(_counted(r, p.id)),
            )
            for p in r.pledges
        ],
    )
    lineage = {t.id: _lineage(r, t.id) for t in r.topics}
    for t in r.topics:
        cur = db.execute(
            "INSERT INTO topics (readout_id, topic_id, label, parent_id, lineage) VALUES (?, ?, ?, ?, ?)",
            (readout_id, t.id, t.label, t.parent, _ref(db, "lineages", "labels", lineage[t.id])),
        )
        db.executemany(
            "INSERT INTO topic_spans (topic, readout_id, start, end) VALUES (?, ?, ?, ?)",
            [(cur.lastrowid, readout_id, *s) for s in t.spans],
        )
    entries: list[tuple[str, int, int, str | None, str | None, str]] = [
        ("sentence", s, e, None, None, r.text[s:e]) for s, e in r.sentences
    ]
    entries += [("quote", *q.span, None, q.kind, q.text) for q in r.quotes]
    entries += [
        (
            "person",
            *(p.mentions[0] if p.mentions else (0, 0)),
            p.name,
            None,
            " ".join(x for x in (p.name, p.title, p.country) if x),
        )
        for p in r.people
    ]
    for kind, start, end, label, quote_kind, text in entries:
        cur = db.execute(
            "INSERT INTO entries (readout_id, kind, start, end, label, quote_kind) VALUES (?, ?, ?, ?, ?, ?)",
            (readout_id, kind, start, end, label, quote_kind),
        )
        if kind == "quote":  # an index of their own: `kind:` searches only them, and words only the rest
            db.execute(
                "INSERT INTO quote_text (rowid, folded, kind) VALUES (?, ?, ?)",
                (cur.lastrowid, fast_fold(text), quote_kind),
            )
        else:
            db.execute(
                "INSERT INTO entry_text (rowid, folded) VALUES (?, ?)", (cur.lastrowid, fast_fold(text))
            )


def _ref(db: sqlite3.Connection, table: str, column: str, value: str) -> int:
    """The id of a value in a table of distinct values (speakers, topic lineages), added if new.

    Filters run their LIKE over these few distinct values, not over every row that uses one.
    """
    row = db.execute(f"SELECT id FROM {table} WHERE {column} = ?", (value,)).fetchone()
    if row is not None:
        return int(row[0])
    return int(db.execute(f"INSERT INTO {table} ({column}) VALUES (?)", (value,)).lastrowid or 0)


def _party_name(readout: Readout, party: str | None) -> str | None:
    """A donor or recipient as a reader names it: a person's name for a person id, else the party itself."""
    person = readout.person(party)
    return person.name if person else party


def _evidence(readout: Readout, span: tuple[int, int]) -> tuple[int, int]:
    """The sentence a pledge stands in (its evidence, widened to whole sentences)."""
    first, last = readout.sentence_at(span[0]), readout.sentence_at(max(span[0], span[1] - 1))
    return (first or span)[0], (last or span)[1]


def _lineage(readout: Readout, topic_id: str) -> str:
    labels, seen = [], set()
    topic = readout.topic(topic_id)
    while topic is not None and topic.id not in seen:
        labels.append(topic.label)
        seen.add(topic.id)
        topic = readout.topic(topic.parent)
    return fold(" | ".join(labels))


def _delete_parts(db: sqlite3.Connection, readout_id: int) -> None:
    db.execute(
        "DELETE FROM entry_text WHERE rowid IN (SELECT id FROM entries WHERE readout_id = ?)", (readout_id,)
    )
    db.execute(
        "DELETE FROM quote_text WHERE rowid IN (SELECT id FROM entries WHERE readout_id = ?)", (readout_id,)
    )
    db.execute("DELETE FROM topic_spans WHERE readout_id = ?", (readout_id,))
    for table in ("entries", "topics", "pledges", "quotes", "people"):
        db.execute(f"DELETE FROM {table} WHERE readout_id = ?", (readout_id,))


# -- questions to SQL ---------------------------------------------------------------------------------


_SPACES = re.compile(r"\s+")
_FOLDED: dict[str, str] = {}


def fast_fold(text: str) -> str:
    """`search.fold.fold(text)`, the same string, sooner: an import folds every sentence it stores.

    ASCII folds by lower-casing alone; other characters are folded once each and remembered.
    """
    if text.isascii():
        return _SPACES.sub(" ", text.lower())
    parts = []
    for c in text:
        f = _FOLDED.get(c)
        if f is None:
            f = _FOLDED[c] = fold(c)
        parts.append(f)
    return _SPACES.sub(" ", "".join(parts))


def _contains(value: str) -> str:
    """A LIKE pattern for "holds `value`" (with the pattern characters escaped)."""
    return "%" + re.sub(r"([%_\\])", r"\\\1", value) + "%"


def _library_where(where: LibraryFilter) -> tuple[str, list[Any]]:
    conditions: list[str] = []
    params: list[Any] = []
    if where.publisher:
        conditions.append("r.publisher = ?")
        params.append(where.publisher)
    if where.date_from:
        conditions.append("r.date >= ?")
        params.append(where.date_from)
    if where.date_to:
        conditions.append("r.date <= ?")
        params.append(where.date_to + "\uffff")  # an inclusive day, month or year
    if where.country:
        conditions.append(
            "EXISTS (SELECT 1 FROM people p WHERE p.readout_id = r.id AND p.country_key LIKE ? ESCAPE '\\')"
        )
        params.append(_contains(fold(where.country)))
    if where.person:
        conditions.append(
            "EXISTS (SELECT 1 FROM people p WHERE p.readout_id = r.id AND p.name_key LIKE ? ESCAPE '\\')"
        )
        params.append(_contains(fold(where.person)))
    return ("WHERE " + " AND ".join(conditions) if conditions else ""), params


def _pledge_where(where: PledgeFilter, *fixed: str) -> tuple[str, list[Any]]:
    conditions, params = list(fixed), []
    for column, value in (
        ("p.donor", where.donor),
        ("p.recipient", where.recipient),
        ("p.category", where.category),
        ("p.status", where.status),
        ("p.year", where.year),
        ("p.currency", where.currency),
    ):
        if value:
            conditions.append(f"{column} = ?")
            params.append(value)
    return ("WHERE " + " AND ".join(conditions) if conditions else ""), params


_PLEDGE_TESTS: dict[str, Callable[[FieldFilter], tuple[str, list[Any]]]] = {
    "donor": lambda f: ("p.donor_match LIKE ? ESCAPE '\\'", [_contains(f.value)]),
    "recipient": lambda f: ("p.recipient_match LIKE ? ESCAPE '\\'", [_contains(f.value)]),
    "currency": lambda f: ("p.currency_match LIKE ? ESCAPE '\\'", [_contains(f.value)]),
    "category": lambda f: ("p.category = ?", [f.value]),
    "status": lambda f: ("p.status = ?", [f.value]),
    "speaker": lambda f: ("p.speaker_match LIKE ? ESCAPE '\\'", [_contains(f.value)]),
    "amount": lambda f: (
        f"p.amount {f.op} ?" if f.op != "=" else "abs(p.amount - ?) <= 1e-9 * max(abs(?), 1.0)",
        [f.amount] if f.op != "=" else [f.amount, f.amount],
    ),
}
_QUOTE_TESTS: dict[str, Callable[[FieldFilter], tuple[str, list[Any]]]] = {
    "kind": lambda f: ("q.kind = ?", [f.value]),
    "speaker": lambda f: (
        "q.speaker_ref IN (SELECT id FROM speakers WHERE match LIKE ? ESCAPE '\\')",
        [_contains(f.value)],
    ),
}
_PLEDGE_FIELDS = frozenset(_PLEDGE_TESTS) - {"speaker"}


def fts_expression(query: Query, words: Callable[[str], list[str] | None] | None = None) -> str | None:
    """The FTS5 MATCH expression for the query's text: every term, each as the find bar reads it.

    A term matches where its words begin words of the text (the last may go on: "zelensky"
    finds "Zelenskyy"), and a plural typed also finds the singular as a whole word (`forms`).
    `words` lists the words of the library that begin with a prefix (None when there are too
    many): FTS5 reads the postings of named words lazily, so a LIMIT stops it early, where a
    prefix query would gather every posting of every such word first. None when the query
    has no words to find.
    """
    groups = []
    for term in query.terms:
        forms = []
        for needle, word_end in needles(term.folded):
            tokens = re.findall(r"[^\W_]+", needle)
            if not tokens:
                continue
            known = None if word_end or words is None else words(tokens[-1])
            if known is not None:
                forms += ['"' + " ".join([*tokens[:-1], w]) + '"' for w in known]
            else:
                forms.append('"' + " ".join(tokens) + '"' + ("" if word_end else " *"))
        if forms:
            groups.append("(" + " OR ".join(forms) + ")")
    return " AND ".join(groups) if groups else None


def _conditions(
    tests: dict[str, Callable[[FieldFilter], tuple[str, list[Any]]]], filters: Sequence[FieldFilter]
):
    sql, params = [], []
    for f in filters:
        if f.field in tests:
            clause, values = tests[f.field](f)
            sql.append(clause)
            params += values
    return sql, params


def _search_sql(
    query: Query, words: Callable[[str], list[str] | None] | None = None
) -> tuple[str | None, list[Any]]:
    """A find-bar query as one SELECT over the library (hits in the order they were imported).

    Filters choose items as the find bar does: `donor:`, `recipient:`, `currency:`,
    `category:`, `status:` and `amount` keep pledges; `kind:` keeps quotes; `speaker:` keeps
    both; `topic:` keeps the sentences filed under a topic whose label (or an ancestor's)
    holds it. Words then find the sentences (and names) inside what the filters keep; with
    `kind:`, they find the quotes themselves. With filters and no words, the kept pledges
    and quotes are the hits.
    """
    fields = {f.field for f in query.filters}
    pledge_sql, pledge_params = _conditions(_PLEDGE_TESTS, query.filters)
    quote_sql, quote_params = _conditions(_QUOTE_TESTS, query.filters)
    quotes_apply = bool(fields & {"kind", "speaker"}) and not fields & _PLEDGE_FIELDS
    pledges_apply = bool(fields & (_PLEDGE_FIELDS | {"speaker"})) and "kind" not in fields
    topics = query.fields("topic")
    topic_sql = (
        [
            "t.lineage IN (SELECT id FROM lineages WHERE "
            + " AND ".join(["labels LIKE ? ESCAPE '\\'"] * len(topics))
            + ")"
        ]
        if topics
        else []
    )
    topic_params = [_contains(f.value) for f in topics]
    hit_columns = "r.title, r.date, r.publisher"
    expression = fts_expression(query, words)

    def within_topic(alias: str) -> list[str]:
        """A condition keeping rows `alias` that overlap a sentence filed under a matching topic."""
        if not topic_sql:
            return []
        return [
            "EXISTS (SELECT 1 FROM topic_spans s JOIN topics t ON t.id = s.topic"
            f" WHERE s.readout_id = {alias}.readout_id AND s.start < {alias}.end AND {alias}.start < s.end"
            f" AND {' AND '.join(topic_sql)})"
        ]

    def within_items(alias: str) -> tuple[list[str], list[Any]]:
        """A condition keeping entries `alias` that fall in a kept pledge or quote."""
        area, params = [], []
        for applies, table, t, start, end, sql, values in (
            (pledges_apply, "pledges", "p", "ev_start", "ev_end", pledge_sql, pledge_params),
            (quotes_apply, "quotes", "q", "start", "end", quote_sql, quote_params),
        ):
            if applies:
                area.append(
                    f"EXISTS (SELECT 1 FROM {table} {t} WHERE {t}.readout_id = {alias}.readout_id"
                    f" AND {t}.{start} < {alias}.end AND {alias}.start < {t}.{end}"
                    + "".join(f" AND {c}" for c in sql)
                    + ")"
                )
                params += values
        return (["(" + " OR ".join(area) + ")"] if area else []), params

    if expression is not None:
        index = "quote_text" if "kind" in fields else "entry_text"
        conditions = [f"{index} MATCH ?"]
        params: list[Any] = [expression]
        if "kind" in fields:
            kinds = " AND ".join(f"kind : {f.value.replace(' ', '_')}" for f in query.fields("kind"))
            params = [f"{kinds} AND folded : ({expression})"]
            speakers = [_QUOTE_TESTS["speaker"](f) for f in query.fields("speaker")]
            conditions += [
                "EXISTS (SELECT 1 FROM quotes q WHERE q.readout_id = e.readout_id AND q.start = e.start"
                f" AND q.end = e.end AND {c})"
                for c, _ in speakers
            ]
            params += [v for _, values in speakers for v in values]
            conditions += within_topic("e")
            params += topic_params
        else:
            if query.filters:
                conditions.append("e.kind = 'sentence'")
            items, item_params = within_items("e")
            conditions += within_topic("e") + items
            params += (topic_params if topic_sql else []) + item_params
        sql = (
            "SELECT e.readout_id, e.kind, e.start, e.end,"
            " coalesce(e.label, substr(r.text, e.start + 1, e.end - e.start)), "
            + hit_columns
            + f" FROM {index} JOIN entries e ON e.id = {index}.rowid"
            " JOIN readouts r ON r.id = e.readout_id"
            " WHERE " + " AND ".join(conditions)
        )
        return sql, params
    if not query.filters:
        return None, []
    parts: list[str] = []
    params = []
    if pledges_apply:
        parts.append(
            "SELECT p.readout_id, 'pledge', p.ev_start, p.ev_end,"
            " substr(r.text, p.ev_start + 1, p.ev_end - p.ev_start), "
            + hit_columns
            + " FROM pledges p JOIN readouts r ON r.id = p.readout_id WHERE "
            + " AND ".join([*pledge_sql, *within_topic("p")])
        )
        params += pledge_params + topic_params
    if quotes_apply:
        parts.append(
            "SELECT q.readout_id, 'quote', q.start, q.end, q.text, "
            + hit_columns
            + " FROM quotes q JOIN readouts r ON r.id = q.readout_id WHERE "
            + " AND ".join([*quote_sql, *within_topic("q")])
        )
        params += quote_params + topic_params
    if not parts:  # only topics: the sentences filed under them
        parts.append(
            "SELECT DISTINCT s.readout_id, 'sentence', s.start, s.end,"
            " substr(r.text, s.start + 1, s.end - s.start), "
            + hit_columns
            + " FROM topics t JOIN topic_spans s ON s.topic = t.id JOIN readouts r ON r.id = s.readout_id"
            " WHERE " + " AND ".join(topic_sql)
        )
        params += topic_params
    return " UNION ALL ".join(parts), params


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _move_aside(path: Path) -> Path:
    """Move a damaged library (and its WAL) out of the way under a name that says so; where it went."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    path.replace(target)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(target.with_name(target.name + suffix))
    return target
