"""File ▸ Print, Print Preview and the exports, driven from the window with the dialogs answered.

The seed readout is read by the real parser. Save and folder dialogs are answered by
replacing their static functions; print dialogs by replacing `exec`. PDF text is read
back with pypdf and compared with its white space normalised (Qt writes tabs between
words and breaks lines where the page does).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from readout_browser import jsonform
from readout_browser.export.wording import pledge_amount
from readout_browser.model import Readout
from readout_browser.ui.main_window import MainWindow

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
RATES_TIMEOUT_MS = 20_000


@pytest.fixture
def window(active_seed_window: MainWindow, qtbot: QtBot) -> MainWindow:
    """The window with the seed open, shown and active, its amounts converted."""
    model = active_seed_window.views.pledges.model
    qtbot.waitUntil(lambda: model.conversions_ready, timeout=RATES_TIMEOUT_MS)
    return active_seed_window


def seed(window: MainWindow) -> Readout:
    readout = window.current_readout()
    assert readout is not None
    return readout


def normalised(text: str) -> str:
    return " ".join(text.split())


def pdf_text(path: Path) -> str:
    return normalised(" ".join(page.extract_text() for page in PdfReader(path).pages))


def report_part(text: str) -> str:
    """The report before its last section, the whole source text (which quotes every word)."""
    return text.rsplit("Source text", 1)[0]


def direct_quotes(readout: Readout, speaker: str | None = None) -> list[str]:
    return [
        normalised(q.text)
        for q in readout.quotes
        if q.kind == "direct" and (speaker is None or q.speaker == speaker)
    ]


def as_shown(tooltip: str) -> str:
    """What a tooltip shows: Qt renders text that looks like HTML as HTML."""
    if GuiQt.mightBeRichText(tooltip):
        return QTextDocumentFragment.fromHtml(tooltip).toPlainText()
    return tooltip


def answer_save_dialog(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """Make the next save dialogs return `path`; the titles they were opened with are recorded."""
    titles: list[str] = []

    def choose(_parent: object, title: str, *_args: object, **_kwargs: object) -> tuple[str, str]:
        titles.append(title)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    return titles


def filter_by(qtbot: QtBot, window: MainWindow, text: str) -> None:
    qtbot.keyClick(window.views.source, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.views.find.edit.hasFocus)
    qtbot.keyClicks(window.views.find.edit, text)


def test_ctrl_shift_e_exports_the_readout_as_a_pdf_with_everything_in_it(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    readout = seed(window)
    window.views.pledges.currency_box.setCurrentText("GBP")
    titles = answer_save_dialog(monkeypatch, tmp_path / "meeting")  # the suffix is added
    window.views.source.setFocus()
    qtbot.keyClick(window.views.source, Qt.Key.Key_E, CTRL_SHIFT)
    assert titles == ["Export PDF"]
    written = tmp_path / "meeting.pdf"
    text = pdf_text(written)
    for person in readout.people:
        assert person.name in text
    quotes = direct_quotes(readout)
    assert len(quotes) == 4
    for quote in quotes:
        assert quote in report_part(text)
    amounts = [pledge_amount(p) for p in readout.pledges if p.amount is not None]
    assert len(amounts) == 5
    squeezed = re.sub(r"\s+", "", report_part(text))
    for amount in amounts:
        assert re.sub(r"\s+", "", amount) in squeezed
    assert "In GBP" in text, "amounts are converted into the pledge pane's currency"
    assert written.name in window.statusBar().currentMessage()


def test_with_a_filter_the_pdf_holds_only_what_the_filter_shows_unless_asked_for_all(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    readout = seed(window)
    carney = next(p.id for p in readout.people if p.name == "Mark Carney")
    printing = window.printing
    assert not printing.filtered_action.isEnabled(), "nothing to choose without a filter"
    filter_by(qtbot, window, "speaker:carney")
    assert printing.filtered_action.isEnabled() and printing.filtered_action.isChecked()

    answer_save_dialog(monkeypatch, tmp_path / "carney.pdf")
    printing.export_pdf_action.trigger()
    report = report_part(pdf_text(tmp_path / "carney.pdf"))
    assert "speaker:carney" in report
    kept = direct_quotes(readout, carney)
    dropped = set(direct_quotes(readout)) - set(kept)
    assert kept and dropped
    assert all(q in report for q in kept)
    assert not any(q in report for q in dropped)

    printing.filtered_action.trigger()  # unchecked: the whole readout
    assert not printing.filtered_action.isChecked()
    answer_save_dialog(monkeypatch, tmp_path / "all.pdf")
    printing.export_pdf_action.trigger()
    everything = report_part(pdf_text(tmp_path / "all.pdf"))
    assert all(q in everything for q in direct_quotes(readout))
    assert "speaker:carney" not in everything


def test_print_preview_renders_the_report_pages(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shown: list[str] = []
    target = tmp_path / "preview.pdf"

    def preview(dialog: QPrintPreviewDialog) -> int:
        shown.append(dialog.windowTitle())
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        dialog.paintRequested.emit(printer)  # what the preview widget does to draw its pages
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", preview)
    window.printing.preview_action.trigger()
    assert shown == ["Print Preview"]
    reader = PdfReader(target)
    assert len(reader.pages) >= 2
    assert "Page 1 of" in normalised(reader.pages[0].extract_text())
    assert direct_quotes(seed(window))[0] in pdf_text(target)


def test_print_asks_the_system_dialog_then_prints_the_report(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "printed.pdf"

    def accept(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(target))
        return QPrintDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    qtbot.keyClick(window.views.source, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert "Mark Carney" in pdf_text(target)

    target.unlink()
    monkeypatch.setattr(QPrintDialog, "exec", lambda _dialog: QPrintDialog.DialogCode.Rejected.value)
    window.printing.print_action.trigger()
    assert not target.exists(), "a cancelled print dialog prints nothing"


def test_export_csv_writes_the_four_files_in_the_currency_of_the_pledge_pane(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window.views.pledges.currency_box.setCurrentText("GBP")
    assert window.views.pledges.currency() == "GBP"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(tmp_path))
    window.printing.export_csv_action.trigger()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["people.csv", "pledges.csv", "quotes.csv", "topics.csv"]
    with (tmp_path / "pledges.csv").open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(seed(window).pledges)
    assert {r["converted_currency"] for r in rows if r["amount"]} == {"GBP"}


def test_export_csv_with_a_filter_and_asks_before_replacing_files(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    message_boxes: list[tuple[str, str]],
) -> None:
    readout = seed(window)
    carney = next(p.id for p in readout.people if p.name == "Mark Carney")
    filter_by(qtbot, window, "speaker:carney")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(tmp_path))
    window.printing.export_csv_action.trigger()
    with (tmp_path / "quotes.csv").open(encoding="utf-8-sig") as f:
        quotes = list(csv.DictReader(f))
    assert quotes and {q["speaker_id"] for q in quotes} == {carney}

    before = (tmp_path / "quotes.csv").read_bytes()
    window.printing.filtered_action.trigger()  # now the whole readout, over the same files
    window.printing.export_csv_action.trigger()  # the question is answered with Cancel
    assert message_boxes and message_boxes[-1][0] == "Replace CSV Files?"
    assert (tmp_path / "quotes.csv").read_bytes() == before


def test_export_json_writes_readout_json_whole_or_filtered_and_it_opens_again(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    readout = seed(window)
    answer_save_dialog(monkeypatch, tmp_path / "whole.json")
    window.printing.export_json_action.trigger()
    assert jsonform.from_dict(json.loads((tmp_path / "whole.json").read_text(encoding="utf-8"))) == readout

    filter_by(qtbot, window, "amount>300m")
    answer_save_dialog(monkeypatch, tmp_path / "big.json")
    window.printing.export_json_action.trigger()
    document = json.loads((tmp_path / "big.json").read_text(encoding="utf-8"))
    assert document["filter"] == "amount>300m"
    assert {p["amount"] for p in document["pledges"]} == {2e9, 8e8, 5e8}
    assert document["text"] == readout.text
    opened = window.open_paths([tmp_path / "big.json"], remember=False)
    assert opened and len(opened[0].pledges) == 3


def test_a_file_that_cannot_be_written_gets_a_message_naming_it(
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    message_boxes: list[tuple[str, str]],
) -> None:
    answer_save_dialog(monkeypatch, tmp_path / "missing-folder" / "report.pdf")
    window.printing.export_pdf_action.trigger()
    title, text = message_boxes[-1]
    assert title == "Cannot Export PDF" and "report.pdf" in text and "does not exist" in text

    (tmp_path / "taken.json").mkdir()
    answer_save_dialog(monkeypatch, tmp_path / "taken.json")
    window.printing.export_json_action.trigger()
    title, text = message_boxes[-1]
    assert title == "Cannot Export JSON" and "taken.json" in text and "directory" in text.lower()

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(blocker / "csv"))
    window.printing.export_csv_action.trigger()
    title, text = message_boxes[-1]
    assert title == "Cannot Export CSV" and "a-file" in text
    assert window.current_readout() is not None, "what was open stays open"


def test_readout_text_is_printed_as_text_never_as_markup(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    source = tmp_path / "markup.txt"
    source.write_text(
        "President Volodymyr Zelenskyy met Prime Minister Mark Carney of Canada.\n"
        "“Send <b>bold</b> support &amp; more,” said Mark Carney.\n",
        encoding="utf-8",
    )
    window.open_paths([source], remember=False)
    answer_save_dialog(monkeypatch, tmp_path / "markup.pdf")
    window.printing.export_pdf_action.trigger()
    assert "<b>bold</b> support &amp; more" in pdf_text(tmp_path / "markup.pdf")

    model = window.views.quotes.model
    tips = [model.index(0, c).data(Qt.ItemDataRole.ToolTipRole) for c in range(model.columnCount())]
    assert any("<b>bold</b> support &amp; more" in as_shown(t) for t in tips if t), "tooltips show text too"
    assert "<b>bold</b> support &amp; more" in window.views.source.toPlainText()


def test_nothing_to_print_or_export_without_a_readout(window: MainWindow) -> None:
    window.close_action.trigger()
    assert window.current_readout() is None
    for action in window.printing.actions():
        assert not action.isEnabled(), action.text()
