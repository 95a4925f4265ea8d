"""Runs the extraction stages over one readout, in the order each needs the last."""

from __future__ import annotations

from pathlib import Path

from readout_browser.model import Readout, Source
from readout_browser.parse import datafiles
from readout_browser.parse.loading import load_document
from readout_browser.parse.meeting import describe_meeting
from readout_browser.parse.other_amounts import find_other_amounts
from readout_browser.parse.people import find_people
from readout_browser.parse.pledges import find_pledges
from readout_browser.parse.quotes import find_direct_quotes
from readout_browser.parse.reported import find_reported
from readout_browser.parse.segment import segment
from readout_browser.parse.topics import file_topics


def parse_text(text: str, source: Source | None = None) -> Readout:
    """Parse a readout body (no metadata block) into a `Readout`, with the data files as they are now."""
    datafiles.refresh()
    doc = segment(text, source or Source())
    roster = find_people(doc)
    direct = find_direct_quotes(doc, roster)
    reported = find_reported(doc, roster, direct)
    quotes = tuple(sorted(direct + reported, key=lambda q: (q.span[0], q.kind)))
    pledges = find_pledges(doc, roster.people(), quotes)
    return Readout(
        source=doc.source,
        text=doc.text,
        meeting=describe_meeting(doc),
        people=roster.people(),
        quotes=quotes,
        pledges=pledges,
        amounts=find_other_amounts(doc, pledges),
        topics=file_topics(doc),
        paragraphs=doc.paragraphs,
        sentences=doc.sentences,
        host=roster.host.id if roster.host else None,
    )


def parse_file(path: str | Path) -> Readout:
    """Read and parse one file (text, saved web page or readout/1 JSON).

    Raises `ReadoutError` naming the file and the reason when it cannot be read.
    """
    datafiles.refresh()  # a saved web page is read with the data files as they are now, too
    loaded = load_document(path)
    if isinstance(loaded, Readout):
        return loaded
    source, body = loaded
    return parse_text(body, source)
