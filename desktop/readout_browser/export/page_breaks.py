"""Page breaks a reader expects and Qt's layout does not make by itself.

Qt's rich-text CSS has no `page-break-inside: avoid` and no keep-with-next, so after
laying the document out at the printer's page size two things are fixed by hand:

- a heading left at the foot of a page, with less than a few lines of room below it,
  moves to the next page with its text;
- a table row that would be torn across two pages moves whole to the next one (the
  rows above it end their page; the repeated `<thead>` then sits above it).

Breaks set here are marked, so laying the same document out again for another
printer or page size (Print Preview does) starts from a clean document.
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat, QTextFrame, QTextTable

_MARK = QTextFormat.Property.UserProperty + 71  # "this break was set by the paginator"


def _relayout(doc: QTextDocument) -> None:
    """Lay the whole document out again now: after a format change Qt's incremental layout
    can leave a table's later content unplaced, and positions are read right after."""
    doc.markContentsDirty(0, doc.characterCount())
    doc.documentLayout().documentSize()


def _set_break(block: QTextBlock, policy: QTextFormat.PageBreakFlag) -> None:
    fmt = block.blockFormat()
    fmt.setPageBreakPolicy(policy)
    fmt.setProperty(_MARK, True)
    QTextCursor(block).setBlockFormat(fmt)


def clear_breaks(doc: QTextDocument) -> None:
    """Remove every break set by `keep_together`, leaving the document's own."""
    cleared = False
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if fmt.boolProperty(_MARK):
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
            fmt.clearProperty(_MARK)
            QTextCursor(block).setBlockFormat(fmt)
            cleared = True
        block = block.next()
    if cleared:
        _relayout(doc)


def _page(y: float, page_h: float) -> int:
    return int(y // page_h)


def _keep_headings_with_text(doc: QTextDocument, page_h: float, room: float) -> None:
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if fmt.headingLevel() > 0 and fmt.pageBreakPolicy() == QTextFormat.PageBreakFlag.PageBreak_Auto:
            rect = layout.blockBoundingRect(block)
            at = rect.top() % page_h
            if at > 0 and page_h - (at + rect.height()) < room:
                _set_break(block, QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                _relayout(doc)
        block = block.next()


def _tables(frame: QTextFrame) -> list[QTextTable]:
    out: list[QTextTable] = []
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            out.append(child)
        out += _tables(child)
    return out


def _row_extent(doc: QTextDocument, table: QTextTable, row: int) -> tuple[float, float]:
    layout = doc.documentLayout()
    tops, bottoms = [], []
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        tops.append(layout.blockBoundingRect(cell.firstCursorPosition().block()).top())
        bottoms.append(layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom())
    return min(tops), max(bottoms)


def _keep_rows_whole(doc: QTextDocument, page_h: float) -> None:
    for table in _tables(doc.rootFrame()):
        first_body_row = table.format().headerRowCount() + 1
        for row in range(first_body_row, table.rows()):
            top, bottom = _row_extent(doc, table, row)
            if _page(top, page_h) == _page(bottom - 1, page_h) or bottom - top >= page_h / 2:
                continue
            # End the page after the row above: every cell of it breaks after its last block.
            for column in range(table.columns()):
                _set_break(
                    table.cellAt(row - 1, column).lastCursorPosition().block(),
                    QTextFormat.PageBreakFlag.PageBreak_AlwaysAfter,
                )
            _relayout(doc)


def keep_together(doc: QTextDocument, page_h: float, heading_room: float) -> None:
    """Set the breaks described above on a document laid out with pages `page_h` high."""
    _relayout(doc)
    _keep_headings_with_text(doc, page_h, heading_room)
    _keep_rows_whole(doc, page_h)
    _keep_headings_with_text(doc, page_h, heading_room)
