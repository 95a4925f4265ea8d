"""The plain-text summary of a readout that `readout-browser parse --format text` prints.

Written for a person at a terminal: who took part, what kind of meeting it was, what each
speaker said (direct quotes, then reported statements), the money pledged with its
sub-allocations indented beneath it, and the topic tree with how many sentences each
topic holds. Plain Python, no Qt, so it works wherever the parser does.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator

from readout_browser.model import Pledge, Quote, Readout, Topic

WIDTH = 100
PURPOSE_WIDTH = 60
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def render(readout: Readout) -> str:
    """The whole summary, ending in a newline."""
    sections = [
        _heading(readout),
        _participants(readout),
        _quotes(readout),
        _pledges(readout),
        _topics(readout),
    ]
    return "\n\n".join(s for s in sections if s) + "\n"


def _heading(r: Readout) -> str:
    lines = [r.display_title]
    src = [x for x in (r.source.date, r.source.publisher, r.source.url, r.source.path) if x]
    if src:
        lines.append("  " + " · ".join(src))
    m = r.meeting
    where = f" in {m.place}" if m.place else ""
    when = f" on {m.date}" if m.date else ""
    formats = f" ({', '.join(m.formats)})" if m.formats else ""
    lines.append(f"Meeting: {m.kind}{where}{when}{formats}")
    return "\n".join(lines)


def _participants(r: Readout) -> str:
    lines = [f"Participants ({len(r.people)})"]
    for p in r.people:
        about = p.title or ""
        if p.country and p.country not in about:
            about = f"{about} ({p.country})" if about else p.country
        mentions = f"{len(p.mentions)} mention{'s' if len(p.mentions) != 1 else ''}"
        name = p.name or p.title or p.id
        if p.from_roster:
            name += " (name from the dated roster of office holders)"
        lines.append(f"  {name}" + (f" — {about}" if about and about != name else "") + f", {mentions}")
    if not r.people:
        lines.append("  none found")
    return "\n".join(lines)


def _quotes(r: Readout) -> str:
    direct = sum(q.kind == "direct" for q in r.quotes)
    lines = [f"Quotes ({direct} direct, {len(r.quotes) - direct} reported)"]
    speakers: dict[str | None, list[Quote]] = {}
    for q in r.quotes:
        speakers.setdefault(q.speaker, []).append(q)
    order = [p.id for p in r.people if p.id in speakers] + [s for s in speakers if r.person(s) is None]
    for speaker in order:
        person = r.person(speaker)
        lines.append(f"  {person.name or person.title or person.id}" if person else "  Speaker not stated")
        for q in sorted(speakers[speaker], key=lambda q: (q.kind != "direct", q.span[0])):
            lines.append(_wrap(_quote_line(q), "    ", "      "))
    if not r.quotes:
        lines.append("  none found")
    return "\n".join(lines)


def _quote_line(q: Quote) -> str:
    if q.kind == "direct":
        return f"“{q.text}”" + (f" ({q.cue})" if q.cue else "")
    return f"[{q.cue or 'reported'}] {q.text}"


def _wrap(text: str, first: str, rest: str) -> str:
    return textwrap.fill(text, WIDTH, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False)


def _pledges(r: Readout) -> str:
    lines = [f"Pledges ({len(r.pledges)})"]
    if not r.pledges:
        return lines[0] + "\n  none found"
    header = ("Donor", "Recipient", "Amount", "Status", "Category", "Purpose")
    rows = [(depth, _pledge_row(p)) for depth, p in _pledge_tree(r)]
    cells = [header, *[(("  " * depth + ("└ " if depth else "")) + row[0], *row[1:]) for depth, row in rows]]
    widths = [max(len(c[i]) for c in cells) for i in range(len(header) - 1)]
    for c in cells:
        lines.append("  " + "  ".join(x.ljust(w) for x, w in zip(c, widths, strict=False)) + "  " + c[-1])
    if any(p.currency_inferred for p in r.pledges):
        lines.append("  * currency not stated in the text: inferred")
    return "\n".join(line.rstrip() for line in lines)


def _pledge_tree(r: Readout) -> Iterator[tuple[int, Pledge]]:
    """Pledges in reading order, each followed by its sub-allocations, with their depth."""
    ids = {p.id for p in r.pledges}
    shown: set[str] = set()  # a readout loaded from JSON could hold a loop of parents

    def under(p: Pledge, depth: int) -> Iterator[tuple[int, Pledge]]:
        shown.add(p.id)
        yield depth, p
        for child in r.children(p.id):
            if child.id not in shown:
                yield from under(child, depth + 1)

    for p in r.pledges:
        if p.parent is None or p.parent not in ids:
            yield from under(p, 0)
    for p in r.pledges:
        if p.id not in shown:  # in a loop of parents, so under no root: shown from where it is met
            yield from under(p, 0)


def _pledge_row(p: Pledge) -> tuple[str, ...]:
    purpose = p.purpose or ""
    if len(purpose) > PURPOSE_WIDTH:
        purpose = purpose[: PURPOSE_WIDTH - 1].rstrip() + "…"
    return (p.donor or "?", p.recipient or "?", format_amount(p), p.status, p.category, purpose)


def format_amount(p: Pledge) -> str:
    """'over 200 million USD*': qualifier, amount in words for large sums, code (* when inferred)."""
    currency = (p.currency or "?") + ("*" if p.currency_inferred else "")
    if p.amount is None:
        return "not stated" + (f" {currency}" if p.currency else "")
    qualifier = "" if p.qualifier == "exact" else p.qualifier.replace("_", " ") + " "  # "up_to" -> "up to "
    return f"{qualifier}{format_number(p.amount)} {currency}"


def format_number(x: float) -> str:
    """2e9 -> '2 billion', 1.5e9 -> '1.5 billion', 165e6 -> '165 million', 250000 -> '250,000'."""
    for scale, word in _SCALES:
        if abs(x) >= scale:
            return f"{x / scale:,.6g} {word}"
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"


def _topics(r: Readout) -> str:
    lines = ["Topics"]
    children: dict[str | None, list[Topic]] = {}
    ids = {t.id for t in r.topics}
    for t in r.topics:
        children.setdefault(t.parent if t.parent in ids else None, []).append(t)

    shown: set[str] = set()

    def walk(parent: str | None, depth: int) -> None:
        for t in children.get(parent, []):
            if t.id in shown:
                continue
            shown.add(t.id)
            n = len(t.spans)
            lines.append(f"{'  ' * (depth + 1)}{t.label} ({n} sentence{'s' if n != 1 else ''})")
            walk(t.id, depth + 1)

    walk(None, 0)
    if not r.topics:
        lines.append("  none found")
    return "\n".join(lines)
