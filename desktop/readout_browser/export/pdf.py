"""The report on paper or in a PDF: one rendering for printing, previewing and exporting.

`QTextDocument.print_` paginates well (tables keep their `<thead>` on every page) but
can only add a bare page number, so the pages are painted here: the document is laid
out at the printer's resolution into a body frame, and each page gets the body slice,
a running header (the report's title, from the second page on) and a footer with the
page number. The window's Print and Print Preview pass their own `QPrinter` to
`render_to_printer`; the export makes an A4 PDF printer with `pdf_printer`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter

from readout_browser.atomic import sibling
from readout_browser.errors import ReadoutError
from readout_browser.export.page_breaks import clear_breaks, keep_together
from readout_browser.export.pledge_table import DEFAULT_CURRENCY
from readout_browser.export.report_html import MarkColours, report_html
from readout_browser.export.wording import long_date, report_title
from readout_browser.model import Readout
from readout_browser.search.matching import Selection
from readout_browser.summaries import Converter
from readout_browser.ui.highlight import SWATCHES, Mark

PAGE_MARGINS_MM = QMarginsF(18, 14, 18, 14)
_HEADER_MM = 9.0
_FOOTER_MM = 8.0
_BLEED_MM = 0.8
_KEEP_WITH_HEADING_MM = 30.0  # a heading with less room than this below it starts the next page
_MM_PER_INCH = 25.4
_BAND_INK = QColor("#5f6b78")
_BAND_RULE = QColor("#b9c2cc")

_app: QGuiApplication | None = None


def ensure_gui_app() -> QGuiApplication:
    """The running Qt application, or a new one; offscreen when there is no display (a CLI export)."""
    global _app
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    no_display = not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")
    if no_display and sys.platform not in ("win32", "darwin"):
        if not os.environ.get("QT_QPA_PLATFORM"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _app = QGuiApplication(["readout-browser"])
    return _app


def _font(family: str, points: float, bold: bool = False) -> QFont:
    font = QFont(family)
    font.setPointSizeF(points)
    font.setBold(bold)
    # Unhinted glyphs keep the spacing that was laid out at printer resolution (kerning in PDFs).
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    # No ligatures: "ﬁrst" in a PDF copies and searches as one odd character, not "first".
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def report_document(html: str, title: str) -> QTextDocument:
    """A document holding the report HTML, titled for the PDF's metadata and the running header."""
    doc = QTextDocument()
    doc.setDefaultFont(_font("DejaVu Serif", 9.5))
    doc.setDocumentMargin(0)
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    doc.setHtml(html)
    return doc


def pdf_printer(path: str | Path, title: str) -> QPrinter:
    """A high-resolution A4 PDF printer writing to `path`."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            PAGE_MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    printer.setDocName(title)
    printer.setCreator("Readout Browser")
    printer.setOutputFileName(str(path))
    return printer


def _draw_bands(
    painter: QPainter,
    width: float,
    height: float,
    header_h: float,
    footer_h: float,
    texts: tuple[str, str, str],
) -> None:
    """The running header (if `texts[0]`) and the footer with the source and the page number."""
    header, footer_left, footer_right = texts
    device = painter.device()
    band = _font("DejaVu Sans", 7.5)
    metrics = QFontMetricsF(band, device)
    painter.setFont(band)
    painter.setPen(QPen(_BAND_INK))
    gap = header_h * 0.35
    if header:
        rect = QRectF(0, 0, width, header_h - gap)
        painter.drawText(
            rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            metrics.elidedText(header, Qt.TextElideMode.ElideRight, width),
        )
        painter.setPen(QPen(_BAND_RULE, max(1.0, device.logicalDpiY() / 300)))
        y = header_h - gap * 0.6
        painter.drawLine(QPointF(0, y), QPointF(width, y))
        painter.setPen(QPen(_BAND_INK))
    foot = QRectF(0, height - footer_h + gap, width, footer_h - gap)
    right_w = metrics.horizontalAdvance(footer_right) + metrics.averageCharWidth()
    painter.drawText(foot, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, footer_right)
    left = metrics.elidedText(footer_left, Qt.TextElideMode.ElideMiddle, max(0.0, width - right_w * 1.5))
    painter.drawText(foot, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, left)


def render_to_printer(
    doc_or_html: QTextDocument | str,
    printer: QPrinter,
    title: str | None = None,
    footer: str = "",
) -> int:
    """Paint the report onto `printer` page by page and return the number of pages painted.

    `doc_or_html` is a document from `report_document` or report HTML; `title` (default:
    the document's title) runs at the head of every page after the first, `footer` at the
    foot of every page beside "Page n of N". The printer's page range is honoured.
    """
    ensure_gui_app()
    doc = doc_or_html if isinstance(doc_or_html, QTextDocument) else report_document(doc_or_html, title or "")
    header = title if title is not None else doc.metaInformation(QTextDocument.MetaInformation.DocumentTitle)

    layout = doc.documentLayout()
    layout.setPaintDevice(printer)
    page = printer.pageRect(QPrinter.Unit.DevicePixel)
    dots_per_mm = printer.resolution() / _MM_PER_INCH
    # Bands in whole device pixels, so every page's slice of the body starts on a pixel.
    header_h, footer_h = round(_HEADER_MM * dots_per_mm), round(_FOOTER_MM * dots_per_mm)
    body_h = float(int(page.height()) - header_h - footer_h)
    # The next page's first line paints its fill a little above itself; keep that off this page.
    bleed = round(_BLEED_MM * dots_per_mm)
    doc.setPageSize(QSizeF(page.width(), body_h))
    clear_breaks(doc)
    keep_together(doc, body_h, _KEEP_WITH_HEADING_MM * dots_per_mm)
    total = doc.pageCount()

    first = max(1, printer.fromPage() or 1)
    last = min(total, printer.toPage() or total)
    painter = QPainter()
    if not painter.begin(printer):
        raise ReadoutError(
            printer.outputFileName() or None, "cannot be written (the printer refused to start)"
        )
    try:
        for number in range(first, last + 1):
            if number > first:
                printer.newPage()
            _draw_bands(
                painter,
                page.width(),
                page.height(),
                header_h,
                footer_h,
                (header if number > 1 else "", footer, f"Page {number} of {total}"),
            )
            painter.save()
            top = (number - 1) * body_h
            painter.translate(0, header_h - top)
            clip = QRectF(0, top, page.width(), body_h - bleed)
            painter.setClipRect(clip)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = clip
            layout.draw(painter, context)
            painter.restore()
    finally:
        painter.end()
    return last - first + 1 if last >= first else 0


def window_colours() -> MarkColours:
    """The window's marking colours (its light theme: paper is white)."""
    return MarkColours(
        direct=SWATCHES[Mark.DIRECT].light,
        reported=SWATCHES[Mark.REPORTED].light,
        pledge=SWATCHES[Mark.PLEDGE].light,
        person=SWATCHES[Mark.PERSON].light,
    )


def readout_document(
    readout: Readout,
    selection: Selection | None = None,
    currency: str = DEFAULT_CURRENCY,
    filter_text: str | None = None,
    rates: Converter | None = None,
) -> QTextDocument:
    """The report of a readout as a document ready for `render_to_printer`."""
    ensure_gui_app()
    html = report_html(readout, selection, currency, filter_text, rates, window_colours())
    return report_document(html, report_title(readout))


def page_footer(readout: Readout) -> str:
    """The footer text of a readout's report: who published it and when."""
    source = readout.source
    return " · ".join(x for x in (source.publisher, long_date(readout.meeting.date or source.date)) if x)


def export_pdf(
    readout: Readout,
    path: str | Path,
    selection: Selection | None = None,
    currency: str = DEFAULT_CURRENCY,
    filter_text: str | None = None,
    rates: Converter | None = None,
) -> int:
    """Write the report of `readout` (or of what `selection` keeps) as an A4 PDF; the page count."""
    if not Path(path).parent.is_dir():
        raise ReadoutError(path, f"cannot be written: the folder {Path(path).parent} does not exist")
    doc = readout_document(readout, selection, currency, filter_text, rates)
    title = report_title(readout)
    with sibling(path) as partial:  # the old report stays whole until the new one is
        pages = render_to_printer(doc, pdf_printer(partial, title), title, page_footer(readout))
        if not partial.stat().st_size:
            raise ReadoutError(path, "could not be written")
    return pages
