"""Filing a readout's sentences under the themes of the topic taxonomy.

A sentence is filed under every topic whose terms it holds, and a sentence under a finer
theme also counts for every topic above it, so a reader who opens "Military aid" sees the
drones, the air defence and the ammunition together. A theme no sentence touches is left
out of the readout's tree.
"""

from __future__ import annotations

from bisect import bisect_right

from readout_browser.model import Topic
from readout_browser.parse.document import Document
from readout_browser.parse.taxonomy import taxonomy


def file_topics(doc: Document) -> tuple[Topic, ...]:
    """The topics this readout touches, in taxonomy order, each with the sentences filed under it."""
    tax = taxonomy()
    starts = [s[0] for s in doc.sentences]
    filed: dict[int, set[int]] = {}
    for start, _end, topics in tax.find(doc.text):
        i = bisect_right(starts, start) - 1
        if i < 0 or start >= doc.sentences[i][1]:
            continue  # a term outside every sentence (between paragraphs) files nothing
        for t in topics:
            filed.setdefault(t, set()).add(i)
    return tuple(
        Topic(t.id, t.label, t.parent, spans=tuple(doc.sentences[i] for i in sorted(filed[n])))
        for n, t in enumerate(tax.topics)
        if n in filed
    )
