"""File ▸ Print, Print Preview and the exports (PDF, CSV, JSON) of the readout shown.

Paper, preview and PDF share one rendering (`export.pdf`), so what the preview shows
is what prints. When a search filter narrows the panes, "Only What the Filter Shows"
decides whether the report, the CSV files and the JSON hold what the panes show or the
whole readout; it is checked by default, so a report matches what is on the screen.
The converted column uses the currency chosen in the pledge pane. A file that cannot
be written gets a message naming it and the reason; nothing that was open is lost.
Printing, the exports and their dialogs are imported when first used, so opening the
window does not wait for them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextDocument
from PySide6.QtWidgets import QApplication, QWidget

from readout_browser.errors import ReadoutError
from readout_browser.model import Readout
from readout_browser.ui.dialogs import show_error
from readout_browser.ui.settings import Settings

if TYPE_CHECKING:  # printing and the exports load when first used, not at start-up
    from PySide6.QtPrintSupport import QPrinter

    from readout_browser.rates import Rates
    from readout_browser.search.matching import Selection

_CSV_FILES = ("pledges.csv", "quotes.csv", "people.csv", "topics.csv")


@dataclass(frozen=True)
class ReportContext:
    """What a report is made of: the readout shown and the window's current choices.

    `filtered` is what the active search filter keeps (None when no filter is active),
    `filter_text` the filter as typed; `currency` is the pledge pane's, and `rates` the
    rates the window has loaded (None: the exports load their own).
    """

    readout: Readout
    filtered: Selection | None
    filter_text: str | None
    currency: str
    rates: Rates | None


class PrintActions(QObject):
    """The print and export actions, and the dialogs they open."""

    message = Signal(str)
    """A line for the status bar: what was written where."""

    def __init__(
        self, parent: QWidget, context: Callable[[], ReportContext | None], settings: Settings
    ) -> None:
        super().__init__(parent)
        self._window = parent
        self._context = context
        self._settings = settings
        self._preview_document: QTextDocument | None = None

        self.print_action = self._action("&Print…", "Print the report of the readout shown")
        self.print_action.setShortcuts(QKeySequence.StandardKey.Print)
        self.preview_action = self._action("Print Pre&view…", "See the report's pages before printing")
        self.export_pdf_action = self._action("Export P&DF…", "Write the report as a PDF file")
        self.export_pdf_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_csv_action = self._action(
            "Export C&SV…", "Write the pledges, quotes, people and topics as CSV files into a folder"
        )
        self.export_json_action = self._action("Export &JSON…", "Write the readout as readout/1 JSON")
        self.filtered_action = self._action(
            "Only What the &Filter Shows",
            "Print and export only what the find bar's filter keeps, not the whole readout",
        )
        self.filtered_action.setCheckable(True)
        self.filtered_action.setChecked(True)
        self.filtered_action.setEnabled(False)

        self.print_action.triggered.connect(self.print_report)
        self.preview_action.triggered.connect(self.preview_report)
        self.export_pdf_action.triggered.connect(self.export_pdf)
        self.export_csv_action.triggered.connect(self.export_csv)
        self.export_json_action.triggered.connect(self.export_json)

    def _action(self, text: str, tip: str) -> QAction:
        action = QAction(text, self)
        action.setStatusTip(tip)
        return action

    def actions(self) -> tuple[QAction, ...]:
        """The actions in the order the File menu lists them (the filter option last)."""
        return (
            self.print_action,
            self.preview_action,
            self.export_pdf_action,
            self.export_csv_action,
            self.export_json_action,
            self.filtered_action,
        )

    def update_state(self, readout_open: bool, filter_active: bool) -> None:
        """Enable what makes sense: nothing to print without a readout, no choice without a filter."""
        for action in self.actions()[:-1]:
            action.setEnabled(readout_open)
        self.filtered_action.setEnabled(readout_open and filter_active)

    # -- what goes in ---------------------------------------------------------------------

    def _scope(self, context: ReportContext) -> tuple[Selection | None, str | None]:
        """The selection and filter text a report uses: the filter's, or none for the whole readout."""
        if context.filtered is not None and self.filtered_action.isChecked():
            return context.filtered, context.filter_text
        return None, None

    def _document(self, context: ReportContext) -> QTextDocument:
        from readout_browser.export.pdf import readout_document

        selection, filter_text = self._scope(context)
        return readout_document(context.readout, selection, context.currency, filter_text, context.rates)

    def _paint(self, context: ReportContext, document: QTextDocument, printer: QPrinter) -> bool:
        """Render the report onto a printer; False (after telling the user) when it fails."""
        from readout_browser.export.pdf import page_footer, render_to_printer

        title = _title(context.readout)
        try:
            with _busy():
                render_to_printer(document, printer, title, page_footer(context.readout))
        except ReadoutError as exc:
            target = printer.outputFileName() or printer.printerName() or "The printer"
            self._failed("Cannot Print", target, exc.reason)
            return False
        return True

    # -- the actions ----------------------------------------------------------------------

    def print_report(self) -> None:
        """The system print dialog, then the report on the printer chosen."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        from PySide6.QtWidgets import QDialog

        context = self._context()
        if context is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(_title(context.readout))
        dialog = QPrintDialog(printer, self._window)
        dialog.setWindowTitle("Print Report")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if self._paint(context, self._document(context), printer):
            self.message.emit(f"Sent “{_title(context.readout)}” to the printer")

    def preview_report(self) -> None:
        """The report's pages in Qt's print preview, from which it can be printed too."""
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        context = self._context()
        if context is None:
            return
        self._preview_document = self._document(context)  # kept for the dialog's lifetime
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(_title(context.readout))
        dialog = QPrintPreviewDialog(printer, self._window)
        dialog.setWindowTitle("Print Preview")
        document = self._preview_document
        dialog.paintRequested.connect(lambda target: self._paint(context, document, target))
        dialog.exec()
        self._preview_document = None

    def export_pdf(self) -> None:
        """Ask where, then write the report as a PDF."""
        from readout_browser.export.pdf import export_pdf

        context = self._context()
        path = self._save_path(context, "Export PDF", ".pdf", "PDF documents (*.pdf)")
        if context is None or path is None:
            return
        selection, filter_text = self._scope(context)
        try:
            with _busy():
                pages = export_pdf(
                    context.readout, path, selection, context.currency, filter_text, context.rates
                )
        except ReadoutError as exc:
            self._failed("Cannot Export PDF", exc.path or str(path), exc.reason)
            return
        except OSError as exc:
            self._failed("Cannot Export PDF", exc.filename or str(path), exc.strerror or str(exc))
            return
        self.message.emit(f"Wrote {path.name} ({pages} page{'s' if pages != 1 else ''})")

    def export_csv(self) -> None:
        """Ask for a folder, then write the pledges, quotes, people and topics as CSV files into it."""
        from PySide6.QtWidgets import QFileDialog

        from readout_browser.export import export_csv

        context = self._context()
        if context is None:
            return
        chosen = QFileDialog.getExistingDirectory(
            self._window, "Export CSV Into Folder", str(self._start_folder(context.readout))
        )
        if not chosen:
            return
        folder = Path(chosen)
        if not self._may_replace(folder):
            return
        selection, _ = self._scope(context)
        try:
            with _busy():
                export_csv([context.readout], folder, context.currency, [selection], context.rates)
        except ReadoutError as exc:
            self._failed("Cannot Export CSV", exc.path or str(folder), exc.reason)
            return
        except OSError as exc:
            self._failed("Cannot Export CSV", exc.filename or str(folder), exc.strerror or str(exc))
            return
        self._settings.set_export_folder(folder)
        self.message.emit(f"Wrote {', '.join(_CSV_FILES)} into {folder}")

    def export_json(self) -> None:
        """Ask where, then write the readout as readout/1 JSON."""
        from readout_browser.export import export_json

        context = self._context()
        path = self._save_path(context, "Export JSON", ".json", "Readout JSON (*.json)")
        if context is None or path is None:
            return
        selection, filter_text = self._scope(context)
        try:
            export_json(context.readout, path, selection, filter_text)
        except OSError as exc:
            self._failed("Cannot Export JSON", exc.filename or str(path), exc.strerror or str(exc))
            return
        self.message.emit(f"Wrote {path.name}")

    # -- dialogs --------------------------------------------------------------------------

    def _start_folder(self, readout: Readout) -> Path:
        remembered = self._settings.export_folder()
        if remembered and Path(remembered).is_dir():
            return Path(remembered)
        if readout.source.path and Path(readout.source.path).parent.is_dir():
            return Path(readout.source.path).parent
        return Path.home()

    def _save_path(self, context: ReportContext | None, title: str, suffix: str, filters: str) -> Path | None:
        """The file the user names in a save dialog (with `suffix` added if left off), or None."""
        from PySide6.QtWidgets import QFileDialog

        if context is None:
            return None
        stem = Path(context.readout.source.path).stem if context.readout.source.path else "readout"
        start = self._start_folder(context.readout) / f"{stem}{suffix}"
        chosen, _ = QFileDialog.getSaveFileName(self._window, title, str(start), filters)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        self._settings.set_export_folder(path.parent)
        return path

    def _may_replace(self, folder: Path) -> bool:
        """Whether the CSV files may be written: none is there yet, or the user agrees to replace them."""
        from PySide6.QtWidgets import QMessageBox

        existing = [name for name in _CSV_FILES if (folder / name).exists()]
        if not existing:
            return True
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Replace CSV Files?",
            f"{', '.join(existing)} already exist in {folder}. Replace them?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self._window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes.value

    def _failed(self, title: str, path: str, reason: str) -> None:
        """Tell the user which file could not be written and why."""
        name = Path(path).name or path
        said = reason if reason.startswith(("cannot", "could not")) else f"could not be written: {reason}"
        show_error(self._window, title, f"“{name}” {said.rstrip('.')}.\n\n{path}")


def _title(readout: Readout) -> str:
    from readout_browser.export.wording import report_title

    return report_title(readout)


@contextmanager
def _busy() -> Iterator[None]:
    """The wait cursor while a report is laid out and written."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
