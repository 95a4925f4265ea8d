"""The library's commands: `import`, `search` and `parse --jsonl`, for `cli` to dispatch to.

    readout-browser import PATH... [--library PATH] [--workers N]
    readout-browser search QUERY [--library PATH] [--format text|json|csv] [--limit N]
    readout-browser parse --jsonl IN [OUT]

`import` and `search` need no window (Qt is loaded only to find the user's data folder
when no --library is given); `parse --jsonl` needs neither Qt nor the database.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict
from typing import IO, Any

# One way to end and to complain for every command: `cli._error` escapes what a hostile name
# could do to the terminal, and `_use_utf8` writes what the locale cannot.
from readout_browser.cli import EXIT_FAILED, EXIT_OK, EXIT_UNREADABLE, PROG, _error, _use_utf8


def _library_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--library", metavar="PATH", help="the library file (default: the one in your data folder)"
    )


def _open(path: str | None) -> Any:
    from readout_browser.library import open_library

    store = open_library(path)
    if store.recovered_from is not None:
        _error(
            f"the library {store.location} was damaged and could not be read; it was moved to "
            f"{store.recovered_from} and a new, empty library was started"
        )
    return store


def import_command(args: Sequence[str]) -> int:
    """Import files, folders and JSON Lines archives into the library, with a progress bar."""
    p = argparse.ArgumentParser(
        prog=f"{PROG} import",
        description="Add readouts to the library: files, folders (recursively) and JSON Lines archives.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    _library_argument(p)
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: one per core)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    ns = p.parse_args(list(args))
    from tqdm import tqdm

    from readout_browser.library import LibraryError
    from readout_browser.library.importer import count_inputs, import_paths

    try:
        store = _open(ns.library)
    except LibraryError as e:
        _error(str(e))
        return EXIT_FAILED
    total = count_inputs(ns.paths)
    bar = tqdm(total=total, unit="readout", disable=ns.quiet, file=sys.stderr, dynamic_ncols=True)

    def show(progress: Any) -> None:
        bar.update(progress.done - bar.n)
        bar.set_postfix(
            added=progress.added, skipped=progress.duplicates, failed=progress.problems, refresh=False
        )

    try:
        report = import_paths(store, ns.paths, workers=ns.workers, progress=show, total=total)
    finally:
        bar.close()
        store.close()
    print(f"{report.summary()} — library {store.location}")
    for problem in report.problems:
        _error(f"{problem.where}: {problem.reason}")
    return EXIT_UNREADABLE if report.problems else EXIT_OK


def search_command(args: Sequence[str]) -> int:
    """Search the whole library with the find bar's language and print the hits."""
    p = argparse.ArgumentParser(
        prog=f"{PROG} search",
        description=(
            "Search the library as the find bar searches a readout: words, speaker:, donor:, recipient:, "
            "topic:, currency:, kind:, category:, status:, amount>100m."
        ),
    )
    p.add_argument("query", nargs="+", metavar="QUERY")
    _library_argument(p)
    p.add_argument("-f", "--format", choices=("text", "json", "csv"), default="text")
    p.add_argument("--limit", type=int, default=200, help="most hits to print (default 200)")
    ns = p.parse_args(list(args))
    from readout_browser.library import LibraryError
    from readout_browser.search.query import parse_query

    query = parse_query(" ".join(ns.query))
    for problem in query.errors:
        _error(problem.message)
    if query.errors:
        return EXIT_UNREADABLE
    try:
        store = _open(ns.library)
    except LibraryError as e:
        _error(str(e))
        return EXIT_FAILED
    try:
        answer = store.search(query, ns.limit)
    finally:
        store.close()
    _use_utf8(sys.stdout)
    rows = [asdict(h) for h in answer.hits]
    if ns.format == "json":
        json.dump({"hits": rows, "more": answer.more}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif ns.format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["readout_id"])
        writer.writeheader()
        writer.writerows(rows)
    else:
        for h in answer.hits:
            print(f"{h.date or '????-??-??'}  {h.title}\n    [{h.kind}] {' '.join(h.text.split())}")
        more = " (more: raise --limit)" if answer.more else ""
        print(f"{len(answer.hits)} hits{more}", file=sys.stderr)
    return EXIT_OK if answer.hits else EXIT_FAILED


def parse_jsonl(source: str, target: str | None, workers: int | None = None) -> int:
    """Stream JSON Lines of readouts (url, title, date, publisher, body) to JSON Lines of readout/1.

    Order is kept; lines are parsed in worker processes, a bounded number at a time, so an
    archive of any size streams through in constant memory. A line that cannot be parsed is
    named on stderr and left out.
    """
    from readout_browser import jsonform
    from readout_browser.library.importer import Job, archive_fields, parse_jobs, record_hash, record_problem
    from readout_browser.library.version import parser_version

    def lines(stream: IO[str]) -> Iterator[tuple[int, str]]:
        yield from ((n, line) for n, line in enumerate(stream, start=1) if line.strip())

    infile = sys.stdin if source == "-" else open(source, encoding="utf-8", errors="replace")  # noqa: SIM115
    outfile = sys.stdout if target in (None, "-") else open(target, "w", encoding="utf-8")  # noqa: SIM115
    version = parser_version()
    status = EXIT_OK

    def jobs_of(chunk: list[tuple[int, str]]) -> list[Job]:
        nonlocal status
        out = []
        for n, line in chunk:
            where = f"{source}:{n}"
            try:
                record = json.loads(line)
            except ValueError as e:
                _error(f"{where}: not a JSON object ({e})")
                status = EXIT_UNREADABLE
                continue
            reason = record_problem(record)
            if reason:
                _error(f"{where}: {reason}")
                status = EXIT_UNREADABLE
                continue
            kept = archive_fields(record)
            out.append(Job(where, record_hash(kept), record=kept))
        return out

    def write(outcomes: list[Any]) -> None:
        nonlocal status
        for o in outcomes:
            if o.readout is None:
                _error(f"{o.job.where}: {o.error}")
                status = EXIT_UNREADABLE
                continue
            data = jsonform.to_dict(o.readout)
            data["parser_version"] = version  # `import` then knows it need not parse it again
            outfile.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")

    import multiprocessing

    workers = workers or os.cpu_count() or 1
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            queue: deque[Future[list[Any]]] = deque()
            chunk: list[tuple[int, str]] = []
            for item in lines(infile):
                chunk.append(item)
                if len(chunk) == 16:
                    queue.append(pool.submit(parse_jobs, jobs_of(chunk)))
                    chunk = []
                while len(queue) > 2 * workers:
                    write(queue.popleft().result())
            if chunk:
                queue.append(pool.submit(parse_jobs, jobs_of(chunk)))
            while queue:
                write(queue.popleft().result())
    finally:
        if infile is not sys.stdin:
            infile.close()
        if outfile is not sys.stdout:
            outfile.close()
        else:
            outfile.flush()
    return status
