"""What the speaker tests look at in a parsed readout: who said what, as (name, words) pairs."""

from __future__ import annotations

from readout_browser.model import Readout, Source
from readout_browser.parse.pipeline import parse_text


def parsed(
    body: str, publisher: str | None = None, title: str | None = None, date: str | None = None
) -> Readout:
    """A readout of the tests' own, with what its metadata block would say."""
    return parse_text(body, Source(publisher=publisher, title=title, date=date))


def said(r: Readout, kind: str, width: int | None = None) -> list[tuple[str | None, str]]:
    """(speaker's name, the first `width` characters of the words) of every quote of a kind."""
    names = {p.id: p.name for p in r.people}
    return [(names.get(q.speaker), q.text[:width]) for q in r.quotes if q.kind == kind]
