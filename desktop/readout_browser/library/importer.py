"""Getting readouts into a library: files, folders and JSON Lines archives, parsed in worker processes.

Parsing is the slow part, so it runs in a pool of processes (one per core), while this
process reads the inputs, skips what the library holds already (by a hash of the
contents, before parsing), and writes what the workers return. Writes are committed
in small transactions, every half second or so: a killed import loses at most the
readouts of the last one, never leaves one half written, and a second run picks up
where it stopped (what is stored is skipped as a duplicate). A file or line that
cannot be read becomes a line of the report and the import goes on.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readout_browser.library.records import ImportProblem, ImportReport, LibraryStore, StoredReadout
from readout_browser.library.version import parser_version
from readout_browser.model import Readout, Source

READOUT_SCHEMA = "readout/1"
READOUT_SUFFIXES = frozenset({".txt", ".html", ".htm", ".json"})
ARCHIVE_SUFFIXES = frozenset({".jsonl", ".ndjson"})
ARCHIVE_FIELDS = ("url", "title", "date", "publisher")
_CHUNK = 8  # readouts per task: fewer round trips to the workers
_COMMIT_SECONDS = 0.5
_COMMIT_ROWS = 200


@dataclass(frozen=True)
class Job:
    """One readout to parse: a file, a line of an archive (its fields already read), a readout/1
    line (parsed already, by the parser `version` names), or a stored readout to parse again."""

    where: str
    content_hash: str
    path: str | None = None
    record: dict[str, str] | None = None
    document: dict[str, Any] | None = None
    version: str | None = None
    readout_id: int | None = None


@dataclass(frozen=True)
class Outcome:
    """What a worker made of a job: the readout, or why there is none."""

    job: Job
    readout: Readout | None
    error: str | None


@dataclass(frozen=True)
class Progress:
    """How far an import is: `done` of `total` inputs looked at, and what came of them."""

    done: int
    total: int
    added: int
    duplicates: int
    problems: int
    elapsed: float

    @property
    def rate(self) -> float:
        """Inputs a second so far."""
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def remaining(self) -> float | None:
        """Seconds left at the rate so far (None before there is a rate)."""
        return (self.total - self.done) / self.rate if self.rate > 0 else None


def content_hash(data: bytes) -> str:
    """The key that tells two copies of the same readout apart from two readouts."""
    return hashlib.sha256(data).hexdigest()


def record_hash(record: dict[str, str]) -> str:
    """The content hash of an archive line: its fields, in a fixed order."""
    fields = [record.get(k) for k in (*ARCHIVE_FIELDS, "body")]
    return content_hash(json.dumps(fields, ensure_ascii=False).encode())


def count_inputs(paths: Iterable[str | Path]) -> int:
    """How many readouts the paths hold, counted without parsing (for the progress bar)."""
    total = 0
    for p in _expand(paths):
        if p.suffix.lower() in ARCHIVE_SUFFIXES:
            try:
                with p.open("rb") as f:
                    total += sum(1 for line in f if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def _expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given, and the readouts and archives inside folders (recursively, in name order)."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.suffix.lower() in READOUT_SUFFIXES | ARCHIVE_SUFFIXES:
                    yield child
        else:
            yield p


def jobs(paths: Iterable[str | Path], problems: list[ImportProblem]) -> Iterator[Job]:
    """Every readout in the paths, as jobs; what cannot even be read goes to `problems`."""
    for p in _expand(paths):
        if p.suffix.lower() in ARCHIVE_SUFFIXES:
            yield from _archive_jobs(p, problems)
            continue
        try:
            data = p.read_bytes()
        except OSError as e:
            problems.append(ImportProblem(str(p), e.strerror or str(e)))
            continue
        yield Job(str(p), content_hash(data), path=str(p))


def _archive_jobs(p: Path, problems: list[ImportProblem]) -> Iterator[Job]:
    try:
        f = p.open("r", encoding="utf-8", errors="replace")
    except OSError as e:
        problems.append(ImportProblem(str(p), e.strerror or str(e)))
        return
    with f:
        for n, line in enumerate(f, start=1):
            if not line.strip():
                continue
            where = f"{p}:{n}"
            try:
                record = json.loads(line)
            except ValueError as e:
                problems.append(ImportProblem(where, f"not a JSON object ({e})"))
                continue
            if isinstance(record, dict) and record.get("schema") == READOUT_SCHEMA:
                yield _document_job(where, record)
                continue
            reason = record_problem(record)
            if reason:
                problems.append(ImportProblem(where, reason))
                continue
            kept = archive_fields(record)
            yield Job(where, record_hash(kept), record=kept)


def _document_job(where: str, document: dict[str, Any]) -> Job:
    """A readout/1 line (as `parse --jsonl` writes them): stored as it is, hashed like its archive line."""
    source = document.get("source") if isinstance(document.get("source"), dict) else {}
    fields = {k: source.get(k) for k in ARCHIVE_FIELDS}
    fields["body"] = document.get("text")
    version = document.get("parser_version")
    return Job(
        where, record_hash(fields), document=document, version=version if isinstance(version, str) else ""
    )


def record_problem(record: Any) -> str | None:
    """Why an archive line's JSON is no readout to parse (None when it is one)."""
    if not isinstance(record, dict):
        return "not a JSON object"
    body = record.get("body")
    if not isinstance(body, str) or not body.strip():
        return "no body text"
    return None


def archive_fields(record: dict[str, Any]) -> dict[str, str]:
    """The fields of an archive line that a parse reads; anything else on the line is ignored."""
    return {k: record[k] for k in (*ARCHIVE_FIELDS, "body") if isinstance(record.get(k), str)}


def parse_jobs(batch: list[Job]) -> list[Outcome]:
    """Parse a batch of jobs (in a worker process); a failure is an outcome, never an exception."""
    from readout_browser import jsonform
    from readout_browser.errors import ReadoutError
    from readout_browser.parse.pipeline import parse_file, parse_text

    outcomes = []
    for job in batch:
        try:
            if job.document is not None:
                readout = jsonform.from_dict(job.document, job.where)
            elif job.record is not None:
                r = job.record
                source = Source(
                    path=job.path or job.where,
                    url=r.get("url"),
                    title=r.get("title"),
                    date=r.get("date"),
                    publisher=r.get("publisher"),
                )
                readout = parse_text(r["body"], source)
            else:
                readout = parse_file(str(job.path))
            outcomes.append(Outcome(job, readout, None))
        except ReadoutError as e:
            outcomes.append(Outcome(job, None, e.reason))
        except Exception as e:  # a fault in the parser must not stop the import
            outcomes.append(Outcome(job, None, f"the parser failed ({type(e).__name__}: {e})"))
    return outcomes


def _warm_up() -> None:
    """Import the parser once per worker, before the first job arrives."""
    import readout_browser.parse.pipeline  # noqa: F401


class EuroConverter:
    """Pledge amounts in euros at the ECB rate of each pledge's day, as the window converts them
    (`summaries.convert_pledges`); the rates load on the first conversion."""

    def __init__(self) -> None:
        from readout_browser.rates import Rates

        self._rates = Rates()

    def __call__(self, readout: Readout) -> dict[str, tuple[float, str]]:
        from readout_browser.summaries import convert_pledges

        converted = convert_pledges(readout, self._rates, "EUR")
        return {pid: (c.value, c.rate_date.isoformat()) for pid, c in converted.items() if c is not None}


def import_paths(
    store: LibraryStore,
    paths: Iterable[str | Path],
    *,
    workers: int | None = None,
    progress: Callable[[Progress], None] | None = None,
    cancel: threading.Event | None = None,
    total: int | None = None,
) -> ImportReport:
    """Import readouts into `store` (see the module docstring); returns what happened."""
    paths = list(paths)
    started = time.monotonic()
    total = count_inputs(paths) if total is None else total
    problems: list[ImportProblem] = []
    known = store.known_hashes()
    euros = EuroConverter()
    version = parser_version()
    done = added = duplicates = 0
    buffer: list[StoredReadout] = []
    last_commit = time.monotonic()
    workers = workers or os.cpu_count() or 1
    pending: set[Future[list[Outcome]]] = set()

    def report() -> None:
        if progress is not None:
            elapsed = time.monotonic() - started
            progress(Progress(done + len(problems), total, added, duplicates, len(problems), elapsed))

    def flush() -> None:
        nonlocal added, buffer, last_commit
        if buffer:
            added += store.add(buffer)
            buffer = []
        last_commit = time.monotonic()

    def take(outcomes: list[Outcome]) -> None:
        nonlocal done
        for o in outcomes:
            if o.readout is None:
                problems.append(ImportProblem(o.job.where, o.error or "unknown"))
            else:
                done += 1
                kept_version = version if o.job.version is None else o.job.version
                buffer.append(StoredReadout(o.readout, o.job.content_hash, kept_version, euros(o.readout)))
        if len(buffer) >= _COMMIT_ROWS or time.monotonic() - last_commit >= _COMMIT_SECONDS:
            flush()
        report()

    context = multiprocessing.get_context("spawn")  # safe beside the window's threads
    cancelled = False
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_warm_up) as pool:
        batch: list[Job] = []
        for job in jobs(paths, problems):
            if cancel is not None and cancel.is_set():
                cancelled = True
                break
            if job.content_hash in known:
                duplicates += 1
                done += 1
                continue
            known.add(job.content_hash)
            batch.append(job)
            if len(batch) >= _CHUNK:
                pending.add(pool.submit(parse_jobs, batch))
                batch = []
            while len(pending) >= 3 * workers:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in finished:
                    take(f.result())
        if batch and not cancelled:
            pending.add(pool.submit(parse_jobs, batch))
        while pending:
            if cancel is not None and cancel.is_set():
                cancelled = True
                for f in pending:
                    f.cancel()
            finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for f in finished:
                if not f.cancelled():
                    take(f.result())
    flush()
    report()
    return ImportReport(added, duplicates, tuple(problems), cancelled)


def reparse_stale(
    store: LibraryStore, *, workers: int = 1, cancel: threading.Event | None = None, batch: int = 32
) -> int:
    """Parse again, from their stored text, the readouts another parser version made; how many.

    Each is replaced in place (same id) in a transaction of its own, so the window that reads
    the library meanwhile sees the old parse or the new one, never half of either.
    """
    version = parser_version()
    euros = EuroConverter()
    redone = 0
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_warm_up) as pool:
        while not (cancel is not None and cancel.is_set()):
            stale = store.stale(version, batch)
            if not stale:
                break
            work = []
            for readout_id, digest in stale:
                old = store.readout(readout_id)
                fields = {
                    "url": old.source.url,
                    "title": old.source.title,
                    "date": old.source.date,
                    "publisher": old.source.publisher,
                    "body": old.text,
                }
                record = {k: v for k, v in fields.items() if v is not None}
                work.append(
                    Job(
                        f"{store.location}#{readout_id}",
                        digest,
                        path=old.source.path,
                        record=record,
                        readout_id=readout_id,
                    )
                )
            for outcome in pool.submit(parse_jobs, work).result():
                rid = outcome.job.readout_id
                assert rid is not None
                # A failed parse keeps the old one, but marks it done with this version.
                readout = store.readout(rid) if outcome.readout is None else outcome.readout
                store.replace(rid, StoredReadout(readout, outcome.job.content_hash, version, euros(readout)))
                redone += 1
    return redone
