"""A readout cut down to what a search filter keeps, still a whole readout/1 document.

The text stays whole, so every span still points at its evidence and the file opens
in the app again; the quotes, pledges, topics and people the filter drops are left
out. A sub-allocation whose parent is dropped stands on its own (no parent), as in
the CSV and the printed report, so no reference points at a missing item.
"""

from __future__ import annotations

from dataclasses import replace

from readout_browser.model import Readout
from readout_browser.search.matching import Selection


def readout_subset(readout: Readout, selection: Selection) -> Readout:
    """The readout with only the items `selection` keeps."""
    pledges = tuple(p for p in readout.pledges if p.id in selection.pledges)
    kept_pledges = {p.id for p in pledges}
    return replace(
        readout,
        people=tuple(p for p in readout.people if p.id in selection.people),
        quotes=tuple(q for q in readout.quotes if q.id in selection.quotes),
        pledges=tuple(p if p.parent in kept_pledges else replace(p, parent=None) for p in pledges),
        topics=tuple(t for t in readout.topics if t.id in selection.topics),
    )
