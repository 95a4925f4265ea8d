"""The pledge tracker printed to PDF: the filters, the totals, the chart and every pledge with its source."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QByteArray, QMarginsF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from readout_browser.atomic import sibling
from readout_browser.library.chart import png
from readout_browser.library.records import LibraryStore, PledgeFilter
from readout_browser.ui.library.tracker_view import euros, totals_html


def write_pdf(store: LibraryStore, where: PledgeFilter, path: str | Path) -> None:
    """Lay the tracker out as a document and print it to `path`."""
    doc = QTextDocument()
    image = QImage.fromData(QByteArray(png(store.series(where))))
    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart.png"), image)
    kept = ", ".join(f"{k}: {v}" for k, v in vars(where).items() if v) or "all pledges"
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td>{html.escape(c)}</td>"
            for c in (
                p.readout_date or "",
                p.donor or "",
                p.recipient or "",
                "" if p.amount is None else f"{p.amount:,.0f} {p.currency or ''}",
                euros(p.eur) if p.eur else "",
                p.category,
                p.row_type,
                f"{p.readout_title} ({p.publisher or ''}) {p.url or ''}",
            )
        )
        + "</tr>"
        for p in store.pledges(where)
    )
    doc.setHtml(
        "<h1>Pledge tracker</h1>"
        f"<p>{html.escape(kept)}. Euros at the ECB reference rate of each pledge's day (else its readout's); "
        "sub-allocations are listed but not added to the totals.</p>"
        f"<img src='chart.png' width='640'>{totals_html(store, where)}"
        "<h3>Pledges</h3><table border='1' cellspacing='0' cellpadding='2' style='font-size:8pt'>"
        "<tr><th>Date</th><th>Donor</th><th>Recipient</th><th>Amount</th><th>€</th><th>Category</th>"
        f"<th>Row</th><th>Source</th></tr>{rows}</table>"
    )
    with sibling(path) as partial:  # the old PDF stays whole until the new one is
        _print(doc, partial)


def _print(doc: QTextDocument, path: Path) -> None:
    """Print `doc` to `path`; the writer dies (closing its file) when this returns, before any rename."""
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(12, 12, 12, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle("Pledge tracker")
    doc.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size().toSizeF())
    doc.print_(writer)
