"""What a library answers with, and the interface every kind of library store offers.

The window and the command line talk to a `LibraryStore` only; the SQLite store on the
user's machine is one implementation, and a shared server database for a team
(PostgreSQL, say) can be another without the window changing. Rows come back as small
frozen records, never as database cursors, so no SQL dialect leaks out of the store.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from readout_browser.model import Readout
from readout_browser.search.query import Query

SortKey = Literal["date", "publisher", "title", "participants", "quotes", "pledges"]
SORT_KEYS: tuple[SortKey, ...] = ("date", "publisher", "title", "participants", "quotes", "pledges")
TotalsKey = Literal["donor", "recipient", "category", "year"]
TOTALS_KEYS: tuple[TotalsKey, ...] = ("donor", "recipient", "category", "year")
HitKind = Literal["sentence", "quote", "person", "pledge"]


@dataclass(frozen=True)
class ReadoutRow:
    """One line of the Library view."""

    id: int
    date: str | None
    publisher: str | None
    title: str
    participants: str
    quotes: int
    pledges: int
    path: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class LibraryFilter:
    """What the Library view narrows to; empty fields keep everything. Dates are ISO, inclusive."""

    publisher: str = ""
    country: str = ""
    person: str = ""
    date_from: str = ""
    date_to: str = ""


@dataclass(frozen=True)
class SearchHit:
    """One answer of a library search: where it stands (a readout and a span of its text) and what it says."""

    readout_id: int
    kind: HitKind
    start: int
    end: int
    text: str
    title: str
    date: str | None
    publisher: str | None


@dataclass(frozen=True)
class SearchAnswer:
    """The hits of a query, best first up to a limit; `more` says the limit cut the list short."""

    hits: tuple[SearchHit, ...]
    more: bool


@dataclass(frozen=True)
class PledgeFilter:
    """What the pledge tracker narrows to; empty fields keep everything."""

    donor: str = ""
    recipient: str = ""
    category: str = ""
    status: str = ""
    year: str = ""
    currency: str = ""


@dataclass(frozen=True)
class PledgeRow:
    """A pledge across the library, with its readout and its value in euros.

    `counted` is True for the rows a sum must add: a pledge that is not a sub-allocation
    of a pledge with an amount of its own (the parent already holds the child's money).
    """

    readout_id: int
    pledge_id: str
    parent_id: str | None
    donor: str | None
    recipient: str | None
    amount: float | None
    currency: str | None
    qualifier: str
    category: str
    status: str
    purpose: str | None
    eur: float | None
    eur_rate_date: str | None
    counted: bool
    start: int
    end: int
    sentence: str
    readout_date: str | None
    readout_title: str
    publisher: str | None
    url: str | None

    @property
    def is_sub_allocation(self) -> bool:
        """Whether the row is part of another pledge of the same readout."""
        return self.parent_id is not None

    @property
    def row_type(self) -> str:
        """The row as the tracker's table, PDF and CSV name it: "pledge" or "sub-allocation"."""
        return "sub-allocation" if self.is_sub_allocation else "pledge"


@dataclass(frozen=True)
class Total:
    """Pledged euros for one donor, recipient, category or year, over the counted pledges."""

    key: str
    eur: float
    pledges: int
    unconverted: int  # pledges with an amount that could not be converted to euros


@dataclass(frozen=True)
class SeriesPoint:
    """Euros one donor pledged in one year for one category (the tracker chart's bars)."""

    donor: str
    year: str
    category: str
    eur: float


@dataclass(frozen=True)
class PersonRow:
    """Someone across the library, merged by name."""

    key: str  # the folded name that merges them
    name: str
    readouts: int
    quotes: int


@dataclass(frozen=True)
class Statement:
    """One quote or reported statement of a person, with its readout, for the People view."""

    readout_id: int
    kind: str
    text: str
    start: int
    end: int
    date: str | None
    title: str


@dataclass(frozen=True)
class StoredReadout:
    """A readout to store: the parse, where it came from, and what converting its pledges gave.

    `eur` maps a pledge id to its value in euros and the day of the rate used.
    """

    readout: Readout
    content_hash: str
    parser_version: str
    eur: Mapping[str, tuple[float, str]]


class LibraryStore(Protocol):
    """The questions the window and the command line ask of a library, whatever holds it."""

    location: str

    def close(self) -> None: ...
    def has(self, content_hash: str) -> bool: ...
    def known_hashes(self) -> set[str]: ...
    def add(self, items: Sequence[StoredReadout]) -> int: ...
    def replace(self, readout_id: int, item: StoredReadout) -> None: ...
    def readout(self, readout_id: int) -> Readout: ...
    def stale(self, parser_version: str, limit: int) -> list[tuple[int, str]]: ...
    def count(self, where: LibraryFilter = ...) -> int: ...
    def page(
        self, where: LibraryFilter, sort: SortKey, descending: bool, offset: int, limit: int
    ) -> list[ReadoutRow]: ...
    def publishers(self) -> list[str]: ...
    def search(self, query: Query, limit: int = ...) -> SearchAnswer: ...
    def people(self, name: str, offset: int, limit: int) -> list[PersonRow]: ...
    def statements(self, person_key: str) -> list[Statement]: ...
    def pledges(self, where: PledgeFilter, offset: int = ..., limit: int | None = ...) -> list[PledgeRow]: ...
    def totals(self, where: PledgeFilter, by: TotalsKey) -> list[Total]: ...
    def series(self, where: PledgeFilter) -> list[SeriesPoint]: ...
    def choices(self, field: str) -> list[str]: ...
    def integrity(self) -> str: ...


@dataclass(frozen=True)
class ImportProblem:
    """A file or archive line that could not be imported, and why (for the report at the end)."""

    where: str
    reason: str


@dataclass(frozen=True)
class ImportReport:
    """What an import did."""

    added: int
    duplicates: int
    problems: tuple[ImportProblem, ...]
    cancelled: bool = False

    def summary(self) -> str:
        """One line for a status bar or a terminal."""
        parts = [f"{self.added} imported", f"{self.duplicates} already in the library"]
        if self.problems:
            parts.append(f"{len(self.problems)} could not be read")
        return ", ".join(parts) + (" (cancelled)" if self.cancelled else "")
