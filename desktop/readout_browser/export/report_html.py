"""The printed report of a readout, as HTML in the subset Qt's rich text understands.

The report is meant for paper: a title block (the encounter and who took part), the
topic outline, the quotes grouped by speaker, the pledge table with sub-allocations,
totals and a converted column, then the source text marked the way the window marks
it. Paragraphs are numbered (¶) so every item points back at its evidence.

Everything that comes from a readout is escaped: a readout that says `<b>` or
`<img src=...>` prints those characters, never bold type, an image or a link.

Indents use `-qt-block-indent`, which Qt scales to the printer's resolution; CSS
left and right margins it leaves in device pixels, so they are not used here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from pathlib import PurePath

from readout_browser.export.pledge_table import DEFAULT_CURRENCY, PledgeRow, PledgeTable, pledge_table
from readout_browser.export.source_marks import marked_spans, runs
from readout_browser.export.wording import (
    label,
    long_date,
    money,
    person_name,
    pledge_amount,
    report_title,
    short_date,
    short_number,
)
from readout_browser.model import Quote, Readout, Span, Topic
from readout_browser.rates import SOURCE as RATES_SOURCE
from readout_browser.search.matching import Selection
from readout_browser.summaries import Converter

ACCENT = "#1f3a5f"
RULE = "#b9c2cc"
MUTED = "#5f6b78"

_STYLE = f"""
body {{ font-family: 'DejaVu Serif'; font-size: 9.5pt; color: #1b1f24; }}
h1 {{ font-family: 'DejaVu Sans'; font-size: 17pt; font-weight: bold; color: {ACCENT};
      margin-top: 0; margin-bottom: 4px; }}
h2 {{ font-family: 'DejaVu Sans'; font-size: 12.5pt; font-weight: bold; color: {ACCENT};
      margin-top: 20px; margin-bottom: 6px; }}
h3 {{ font-family: 'DejaVu Sans'; font-size: 10pt; font-weight: bold; color: #1b1f24;
      margin-top: 12px; margin-bottom: 3px; }}
p {{ margin-top: 0; margin-bottom: 5px; line-height: 125%; }}
.kicker {{ font-family: 'DejaVu Sans'; font-size: 8pt; color: {MUTED}; margin-bottom: 2px;
           text-transform: uppercase; }}
.meta {{ font-family: 'DejaVu Sans'; font-size: 8.5pt; color: {MUTED}; }}
.note {{ font-family: 'DejaVu Sans'; font-size: 8pt; color: {MUTED}; margin-bottom: 2px; }}
.first {{ margin-top: 8px; }}
.filter {{ font-family: 'DejaVu Sans'; font-size: 8.5pt; background-color: #fff4d6; margin-top: 8px; }}
.said {{ -qt-block-indent: 1; margin-bottom: 6px; }}
.tag {{ font-family: 'DejaVu Sans'; font-size: 7.5pt; font-weight: normal; color: {MUTED}; }}
.para {{ font-family: 'DejaVu Sans'; font-size: 7.5pt; color: {MUTED}; }}
table.grid {{ border-collapse: collapse; font-family: 'DejaVu Sans Condensed'; font-size: 8pt; }}
table.grid th {{ background-color: {ACCENT}; color: white; font-weight: bold; text-align: left;
                 border-bottom: 1px solid {ACCENT}; }}
table.grid th.num {{ text-align: right; }}
table.grid td {{ border-bottom: 1px solid {RULE}; vertical-align: top; }}
table.grid td.num {{ text-align: right; }}
table.grid tr.sub td {{ background-color: #f4f6f8; }}
table.grid tr.total td {{ font-weight: bold; border-top: 1px solid {ACCENT}; border-bottom: 0px; }}
table.people td {{ font-family: 'DejaVu Sans'; font-size: 9pt; }}
ul {{ margin-top: 0; margin-bottom: 0; }}
li {{ margin-bottom: 1px; }}
"""


@dataclass(frozen=True)
class MarkColours:
    """The colours that mark the source text; the window passes its own, so paper matches screen."""

    direct: str = "#fbe7a1"
    reported: str = "#d3e5fb"
    pledge: str = "#c8efcf"
    person: str = "#7b2fb8"

    def style(self) -> str:
        """The style rules of the mark classes."""
        return (
            f".direct {{ background-color: {self.direct}; }}\n"
            f".reported {{ background-color: {self.reported}; }}\n"
            f".pledge {{ background-color: {self.pledge}; }}\n"
            f".person {{ color: {self.person}; font-weight: bold; }}\n"
        )


# The legend's names, as the window's legend words them; a pledge's colour wins inside a quote.
_MARK_NAMES = (
    ("direct", "Direct quote"),
    ("reported", "Reported speech"),
    ("pledge", "Pledge"),
    ("person", "Person"),
)
_KIND_WORDS = {
    "meeting": "Meeting",
    "phone call": "Phone call",
    "video call": "Video call",
    "talks": "Talks",
    "visit": "Visit",
    "other": "Readout",
}


def _e(text: str | None) -> str:
    """Readout text made safe: every character that could be markup is escaped."""
    return escape(text or "", quote=True)


def _paragraphs(readout: Readout) -> tuple[Span, ...]:
    """The readout's paragraphs, or its non-empty lines when it lists none."""
    if readout.paragraphs:
        return readout.paragraphs
    spans, at = [], 0
    for line in readout.text.split("\n"):
        if line.strip():
            spans.append((at, at + len(line)))
        at += len(line) + 1
    return tuple(spans)


class _Report:
    """Builds the sections of one report; `sel` says which items are printed."""

    def __init__(
        self,
        readout: Readout,
        sel: Selection,
        currency: str,
        filter_text: str | None,
        rates: Converter | None,
    ) -> None:
        self.r = readout
        self.sel = sel
        self.currency = currency
        self.filter_text = filter_text
        self.rates = rates
        self.paragraphs = _paragraphs(readout)

    def paragraph_no(self, offset: int) -> int | None:
        return next((i for i, (s, e) in enumerate(self.paragraphs, 1) if s <= offset < e), None)

    def where(self, span: Span) -> str:
        n = self.paragraph_no(span[0])
        return f"¶{n}" if n else ""

    # -- title block -----------------------------------------------------------------

    def title_block(self) -> str:
        r, m = self.r, self.r.meeting
        kicker = [_KIND_WORDS.get(m.kind, "Readout"), long_date(m.date or r.source.date), m.place or ""]
        if m.formats:
            kicker.append(" and ".join(m.formats) + " format" + ("s" if len(m.formats) > 1 else ""))
        out = [f'<p class="kicker">{_e(" · ".join(k for k in kicker if k))}</p>']
        out.append(f"<h1>{_e(report_title(r))}</h1>")
        # A report travels: name the file, never the folders of the machine it was made on.
        origin = [r.source.publisher, r.source.url or (r.source.path and PurePath(r.source.path).name)]
        out.append(f'<p class="meta">{_e(" · ".join(o for o in origin if o))}</p>')
        people = [p for p in r.people if p.id in self.sel.people] if self.sel.filtered else list(r.people)
        if people:
            out.append("<h2>Participants</h2>")
            out.append('<table class="people" cellspacing="0" cellpadding="2">')
            for p in people:
                role = p.title or ""
                if p.country and p.country not in role:
                    role = f"{role}, {p.country}" if role else p.country
                name = _e(p.name or p.title)
                out.append(
                    f'<tr><td><span class="person">{name}</span>&nbsp;&nbsp;</td><td>{_e(role)}</td></tr>'
                )
            out.append("</table>")
        if self.sel.filtered:
            out.append(self.filter_note())
        return "\n".join(out)

    def filter_note(self) -> str:
        r, sel = self.r, self.sel
        counts = (
            f"{len(sel.quotes)} of {len(r.quotes)} quotes, {len(sel.pledges)} of {len(r.pledges)} pledges "
            f"and {len(sel.topics)} of {len(r.topics)} topics"
        )
        what = f" by “{self.filter_text}”" if self.filter_text else ""
        return f'<p class="filter">&nbsp;{_e(f"Filtered{what}: this report shows {counts}.")}&nbsp;</p>'

    # -- topics -------------------------------------------------------------------------

    def topics(self) -> str:
        kept = [t for t in self.r.topics if t.id in self.sel.topics]
        if not kept:
            return ""
        ids = {t.id for t in kept}
        roots = [t for t in kept if t.parent not in ids]
        return "<h2>Topics</h2>\n" + self._topic_list(roots, kept, frozenset())

    def _topic_list(self, topics: Iterable[Topic], kept: list[Topic], above: frozenset[str]) -> str:
        items = []
        for t in topics:
            if t.id in above:
                continue
            refs = sorted({n for s in t.spans if (n := self.paragraph_no(s[0]))})
            where = f' <span class="para">{_e(", ".join(f"¶{n}" for n in refs))}</span>' if refs else ""
            children = [c for c in kept if c.parent == t.id]
            inner = self._topic_list(children, kept, above | {t.id}) if children else ""
            items.append(f"<li>{_e(t.label)}{where}{inner}</li>")
        return "<ul>" + "".join(items) + "</ul>"

    # -- quotes -------------------------------------------------------------------------

    def quotes(self) -> str:
        kept = [q for q in self.r.quotes if q.id in self.sel.quotes]
        if not kept:
            return ""
        order = [p.id for p in self.r.people]
        speakers: list[str | None] = []
        for q in kept:
            if q.speaker not in speakers:
                speakers.append(q.speaker)
        speakers.sort(key=lambda s: (s is None, order.index(s) if s in order else len(order)))
        out = ["<h2>Quotes</h2>"]
        for speaker in speakers:
            person = self.r.person(speaker)
            name = person_name(self.r, speaker) if speaker else "Speaker not identified"
            title = (
                f' <span class="tag">{_e(person.title)}</span>'
                if person and person.title and person.name
                else ""
            )
            out.append(f"<h3>{_e(name)}{title}</h3>")
            out += [self._quote(q) for q in kept if q.speaker == speaker]
        return "\n".join(out)

    def _quote(self, q: Quote) -> str:
        if q.kind == "direct":
            body, meta = f"“{_e(q.text)}”", [self.where(q.span), "direct", q.cue]
        else:
            # The narrator's verb leads, so "Mark Carney for his visit" reads "thanked Mark Carney ...".
            lead = f"<i>{_e(q.cue)}</i> " if q.cue and not q.text.lower().startswith(q.cue.lower()) else ""
            body, meta = lead + _e(q.text), [self.where(q.span), "reported"]
        meta = " · ".join(x for x in meta if x)
        return f'<p class="said">{body} <span class="tag">{_e(meta)}</span></p>'

    # -- pledges ------------------------------------------------------------------------

    def pledges(self) -> str:
        if not self.sel.pledges:
            return ""
        table = pledge_table(self.r, self.currency, self.sel.pledges, self.rates)
        head = (
            '<table class="grid" width="100%" cellspacing="0" cellpadding="4">'
            "<thead><tr>"
            '<th width="5%">#</th><th width="16%">Donor → recipient</th>'
            '<th class="num" width="19%">Amount</th><th width="43%">Purpose</th>'
            f'<th class="num" width="17%">In {_e(self.currency)}</th>'
            "</tr></thead><tbody>"
        )
        rows = [self._pledge_row(row) for row in table.rows]
        parts = [
            "<h2>Pledges</h2>",
            head,
            *rows,
            self._totals(table),
            "</tbody></table>",
            self._pledge_notes(table),
        ]
        return "\n".join(parts)

    def _pledge_row(self, row: PledgeRow) -> str:
        p = row.pledge
        parties = " → ".join(_e(x) for x in (p.donor or "—", p.recipient or "—"))
        amount = _e(pledge_amount(p)) + ("*" if p.currency_inferred else "")
        written = self.r.snippet(p.span).strip()
        details = [label(p.category), label(p.status), long_date(p.when), self.where(p.evidence or p.span)]
        if p.speaker:
            details.append("announced by " + person_name(self.r, p.speaker))
        purpose = ("↳ " if row.depth else "") + _e(p.purpose or "purpose not stated")
        if row.conversion is not None:
            c = row.conversion
            converted = (
                f'{_e(short_number(c.value))}<br/><span class="tag">rate {_e(short_date(c.rate_date))}</span>'
            )
        elif p.amount is not None:
            converted = '<span class="tag">no ECB rate</span>'
        else:
            converted = "—"
        cls = ' class="sub"' if row.depth else ""
        return (
            f"<tr{cls}><td>{_e(row.number)}</td><td>{parties}</td>"
            f'<td class="num">{amount}<br/><span class="tag">“{_e(written)}”</span></td>'
            f'<td>{purpose}<br/><span class="tag">{_e(" · ".join(d for d in details if d))}</span></td>'
            f'<td class="num">{converted}</td></tr>'
        )

    def _totals(self, table: PledgeTable) -> str:
        if not table.totals:
            return ""
        sums = "<br/>".join(
            _e(money(v, c) if c else f"{short_number(v)} (currency not stated)")
            for c, v in table.totals.items()
        )
        converted = _e(short_number(table.converted.value)) if table.converted.converted else "—"
        parts_inside = any(not r.counted and r.pledge.amount is not None for r in table.rows)
        note = "each sub-allocation is counted once, within its pledge" if parts_inside else ""
        return (
            f'<tr class="total"><td></td><td>Total</td><td class="num">{sums}</td>'
            f'<td><span class="tag">{note}</span></td><td class="num">{converted}</td></tr>'
        )

    def _pledge_notes(self, table: PledgeTable) -> str:
        notes = [
            f"Amounts in {self.currency} are converted at the {RATES_SOURCE} of the pledge’s date where the "
            "readout gives one, else of the readout’s date (or of the last working day before it)."
        ]
        if any(r.pledge.currency_inferred for r in table.rows):
            notes.append("* The readout does not name this currency; it is inferred from the context.")
        if table.converted.not_convertible:
            n = table.converted.not_convertible
            notes.append(
                f"{n} amount{'s' if n > 1 else ''} without an ECB rate {'are' if n > 1 else 'is'} "
                f"left out of the total in {self.currency}."
            )
        if table.unquantified:
            n = table.unquantified
            notes.append(f"{n} pledge{'s' if n > 1 else ''} name{'' if n > 1 else 's'} no amount.")
        cls = ["note first"] + ["note"] * (len(notes) - 1)
        return "".join(f'<p class="{c}">{_e(n)}</p>' for c, n in zip(cls, notes, strict=True))

    # -- source text ----------------------------------------------------------------------

    def source_text(self) -> str:
        marks = marked_spans(self.r, self.sel)
        legend = " &nbsp; ".join(f'<span class="{k}">&nbsp;{name}&nbsp;</span>' for k, name in _MARK_NAMES)
        out = ["<h2>Source text</h2>", f'<p class="note">{legend}</p>']
        for n, span in enumerate(self.paragraphs, 1):
            parts = []
            for run in runs(span, marks):
                text = _e(self.r.text[run.start : run.end])
                if "person" in run.kinds:
                    text = f'<span class="person">{text}</span>'
                fill = next((k for k in ("pledge", "direct", "reported") if k in run.kinds), None)
                parts.append(f'<span class="{fill}">{text}</span>' if fill else text)
            out.append(f'<p><span class="para">¶{n}&nbsp;</span> {"".join(parts)}</p>')
        return "\n".join(out)


def report_html(
    readout: Readout,
    selection: Selection | None = None,
    currency: str = DEFAULT_CURRENCY,
    filter_text: str | None = None,
    rates: Converter | None = None,
    colours: MarkColours | None = None,
) -> str:
    """The report as an HTML document: all of the readout, or only what `selection` keeps.

    `filter_text` is the query the selection came from, named in the title block;
    `rates` converts the amounts (the process's shared ECB rates by default).
    """
    sel = selection or Selection.everything(readout)
    rep = _Report(readout, sel, currency, filter_text, rates)
    sections = [rep.title_block(), rep.topics(), rep.quotes(), rep.pledges(), rep.source_text()]
    title = _e(report_title(readout))
    body = "\n".join(s for s in sections if s)
    style = _STYLE + (colours or MarkColours()).style()
    return f"<html><head><title>{title}</title><style>{style}</style></head><body>\n{body}\n</body></html>"
