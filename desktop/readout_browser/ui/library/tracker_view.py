"""The pledge tracker: every pledge across the library, filtered, totalled in euros, exported, charted.

Totals (by donor, recipient, category or year) come from the store over all pledges the
filters keep, at the ECB rate of each pledge's day (else its readout's), never counting a sub-allocation
twice; the table lists the pledges (the first `LIMIT` of them), parents before their
sub-allocations, and Enter on a row opens its readout at the sentence. CSV export
writes every kept pledge (Kiel-style, see `library.tracker_export`); PDF export prints
the totals, the chart and the pledges.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readout_browser.library.records import TOTALS_KEYS, LibraryStore, PledgeFilter, PledgeRow, SearchHit
from readout_browser.library.tracker_export import write_csv
from readout_browser.ui.library.search_view import HitList

LIMIT = 2000
FILTERS = ("donor", "recipient", "category", "status", "year", "currency")
_ALL = "All"


def euros(value: float | None) -> str:
    """Euros the way the tracker shows them: € 1,234.5m."""
    if value is None:
        return "—"
    return f"€{value / 1e6:,.1f}m" if abs(value) >= 1e5 else f"€{value:,.0f}"


class TrackerView(QWidget):
    """Filters, totals and pledges, with CSV, PDF and chart buttons."""

    hit_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pledgeTracker")
        self._store: LibraryStore | None = None
        self.filters: dict[str, QComboBox] = {}
        grid = QGridLayout()
        for n, name in enumerate(FILTERS):
            combo = QComboBox()
            combo.setAccessibleName(f"Filter by {name}")
            combo.currentIndexChanged.connect(self.refresh)
            self.filters[name] = combo
            label = QLabel(f"&{name.capitalize()}")
            label.setBuddy(combo)
            grid.addWidget(label, 0, 2 * n)
            grid.addWidget(combo, 0, 2 * n + 1)
        self.by = QComboBox()
        self.by.addItems([f"Totals by {k}" for k in TOTALS_KEYS])
        self.by.setAccessibleName("Totals by")
        self.by.currentIndexChanged.connect(self._show_totals)
        self.totals = QTreeWidget()
        self.totals.setObjectName("trackerTotals")
        self.totals.setHeaderLabels(["", "Pledged (€)", "Pledges", "Not converted"])
        self.totals.setRootIsDecorated(False)
        self.totals.setColumnWidth(0, 200)
        self.pledges = HitList(
            ("Date", "Donor", "Recipient", "Amount", "€", "Category", "Status", "Row", "Sentence")
        )
        self.pledges.setObjectName("trackerPledges")
        self.pledges.setColumnWidth(8, 400)
        self.pledges.hit_chosen.connect(self.hit_chosen)
        self.status = QLabel()
        self.csv_button = QPushButton("Export &CSV…")
        self.pdf_button = QPushButton("Export P&DF…")
        self.chart_button = QPushButton("C&hart…")
        self.csv_button.clicked.connect(self._export_csv)
        self.pdf_button.clicked.connect(self._export_pdf)
        self.chart_button.clicked.connect(self.show_chart)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.by)
        left_layout.addWidget(self.totals)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.pledges)
        split.setStretchFactor(1, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for b in (self.chart_button, self.csv_button, self.pdf_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(grid)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.pledges)

    def set_store(self, store: LibraryStore | None) -> None:
        self._store = store
        for name, combo in self.filters.items():
            current = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_ALL)
            if store is not None:
                combo.addItems([str(v) for v in store.choices(name)])
            combo.setCurrentIndex(max(0, combo.findText(current)))
            combo.blockSignals(False)
        self.refresh()

    def current_filter(self) -> PledgeFilter:
        """What the filter boxes say."""
        values = {n: (c.currentText() if c.currentIndex() > 0 else "") for n, c in self.filters.items()}
        return PledgeFilter(**values)

    def refresh(self) -> None:
        """Ask the store again: totals and pledges for the current filters."""
        self._show_totals()
        self.pledges.clear()
        if self._store is None:
            return
        rows = self._store.pledges(self.current_filter(), 0, LIMIT + 1)
        items = [self._item(r) for r in rows[:LIMIT]]
        self.pledges.addTopLevelItems(items)
        more = f" (the first {LIMIT} are listed; exports hold them all)" if len(rows) > LIMIT else ""
        self.status.setText(f"{len(items):,} pledges{more}")

    def _item(self, r: PledgeRow) -> QTreeWidgetItem:
        amount = "" if r.amount is None else f"{r.amount:,.0f} {r.currency or ''}".strip()
        item = QTreeWidgetItem(
            [
                r.readout_date or "",
                r.donor or "",
                r.recipient or "",
                amount,
                euros(r.eur) if r.eur is not None else "",
                r.category,
                r.status,
                r.row_type,
                " ".join(r.sentence.split()),
            ]
        )
        item.setData(
            0,
            Qt.ItemDataRole.UserRole,
            SearchHit(
                r.readout_id,
                "pledge",
                r.start,
                r.end,
                r.sentence,
                r.readout_title,
                r.readout_date,
                r.publisher,
            ),
        )
        item.setToolTip(8, r.sentence)
        return item

    def _show_totals(self) -> None:
        self.totals.clear()
        if self._store is None:
            return
        key = TOTALS_KEYS[self.by.currentIndex()]
        self.totals.headerItem().setText(0, key.capitalize())
        for t in self._store.totals(self.current_filter(), key):
            self.totals.addTopLevelItem(
                QTreeWidgetItem([t.key, euros(t.eur), str(t.pledges), str(t.unconverted)])
            )

    # -- export and chart --------------------------------------------------------------

    def export_csv(self, path: str | Path) -> int:
        """Every kept pledge to a CSV file; how many rows."""
        assert self._store is not None
        return write_csv(self._store.pledges(self.current_filter()), path)

    def export_pdf(self, path: str | Path) -> None:
        """Totals, chart and pledges to a PDF file."""
        from readout_browser.ui.library.tracker_pdf import write_pdf

        assert self._store is not None
        write_pdf(self._store, self.current_filter(), path)

    def _export_csv(self) -> None:
        if self._store is not None:
            path, _ = QFileDialog.getSaveFileName(self, "Export Pledges as CSV", "pledges.csv", "CSV (*.csv)")
            if path:
                self.status.setText(f"{self.export_csv(path):,} pledges written to {path}")

    def _export_pdf(self) -> None:
        if self._store is not None:
            path, _ = QFileDialog.getSaveFileName(
                self, "Export Pledge Tracker as PDF", "pledges.pdf", "PDF (*.pdf)"
            )
            if path:
                self.export_pdf(path)
                self.status.setText(f"Tracker written to {path}")

    def show_chart(self) -> QDialog | None:
        """The chart in a window of its own (matplotlib is loaded now, not at start-up)."""
        if self._store is None:
            return None
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        from readout_browser.library.chart import tracker_figure

        dialog = QDialog(self)
        dialog.setWindowTitle("Pledge Tracker Chart")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        canvas = FigureCanvasQTAgg(tracker_figure(self._store.series(self.current_filter())))
        canvas.setAccessibleName("Chart of pledges by donor and year")
        QVBoxLayout(dialog).addWidget(canvas)
        dialog.resize(900, 560)
        dialog.show()
        return dialog


def totals_html(store: LibraryStore, where: PledgeFilter) -> str:
    """The totals tables for the PDF."""
    parts = []
    for key in TOTALS_KEYS:
        rows = "".join(
            f"<tr><td>{html.escape(t.key)}</td><td align='right'>{euros(t.eur)}</td>"
            f"<td align='right'>{t.pledges}</td></tr>"
            for t in store.totals(where, key)
        )
        parts.append(
            f"<h3>By {key}</h3><table border='1' cellspacing='0' cellpadding='3'>"
            f"<tr><th>{key.capitalize()}</th><th>Pledged</th><th>Pledges</th></tr>{rows}</table>"
        )
    return "".join(parts)
