"""Finding and filtering inside a readout, without Qt: the query language and its matching."""

from readout_browser.search.matching import Hit, ItemRef, SearchResult, Selection, find_hits, search, select
from readout_browser.search.query import FieldFilter, Query, QueryError, Term, parse_query

__all__ = [
    "FieldFilter",
    "Hit",
    "ItemRef",
    "Query",
    "QueryError",
    "SearchResult",
    "Selection",
    "Term",
    "find_hits",
    "parse_query",
    "search",
    "select",
]
