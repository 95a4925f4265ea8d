"""The source pane shows a saved page's subheadings as headings, and the rest as the paragraphs they are."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QTextCursor
from pytestqt.qtbot import QtBot

from readout_browser.model import Readout
from readout_browser.parse.loading import load_document
from readout_browser.ui.source_view import SourceView

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Minister visits Oslo</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article><h1>Minister visits Oslo</h1>
<p>The Minister of Defence travelled to Oslo on Friday for talks with her Norwegian counterpart.</p>
<h2>Support for air defence</h2>
<p>The two ministers agreed to order further air defence systems together before the end of the year.</p>
</article></main><footer>Privacy policy</footer></body></html>
"""


def block_at(view: SourceView, offset: int) -> QTextCursor:
    cursor = QTextCursor(view.document())
    cursor.setPosition(offset)
    return cursor


def test_a_subheading_of_a_saved_page_is_shown_as_a_heading(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "visit.html"
    path.write_text(PAGE, encoding="utf-8")
    source, body = load_document(path)
    view = SourceView()
    qtbot.addWidget(view)
    view.set_readout(Readout(source=source, text=body))
    heading = block_at(view, body.index("Support for air defence") + 1)
    paragraph = block_at(view, body.index("The two ministers") + 1)
    assert heading.blockFormat().headingLevel() > 0
    assert heading.charFormat().fontWeight() == QFont.Weight.Bold
    assert paragraph.blockFormat().headingLevel() == 0
    assert paragraph.charFormat().fontWeight() != QFont.Weight.Bold
