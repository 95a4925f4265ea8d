"""The pledge table: every pledge with its sub-allocations beneath it, sortable, with totals.

The footer adds up the pledges shown (the chosen topic's, or all) per currency and in
the currency the user converts into, never counting a sub-allocation twice; the sums
come from `summaries`, the view only lays them out. Beneath the pledges, "Other
amounts" lists the sums of money that are not pledges (contracts, trade, needs,
budgets, damage), each with its kind, so every sum the text names is one click away.
A readout with neither shows a one-line note instead of an empty table.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readout_browser.model import Amount, Pledge, Readout, Span
from readout_browser.summaries import converted_total, totals_by_currency
from readout_browser.ui.formatting import amount, capitalised, money, plain_tooltip
from readout_browser.ui.models.pledge_filter import PledgeFilter
from readout_browser.ui.models.pledge_model import CONVERTED, PURPOSE, PledgeModel
from readout_browser.ui.models.roles import Role
from readout_browser.ui.wrapping_tree import WrappingTreeView

if TYPE_CHECKING:
    from readout_browser.rates import Conversion

_AMOUNT_COLUMNS = ("Kind", "Amount", "As written", "Sentence")
_MAX_COLUMN_WIDTH = 220
"""No column but the purpose grows wider than this when fitted to its contents."""


class PledgeView(QWidget):
    """The pledge tree above a line of totals, where the currency to convert into is chosen."""

    pledge_chosen = Signal(object)
    """The pledge the user picked (a `Pledge`), or None when the choice was cleared."""
    currency_changed = Signal(str)
    """The user picked another currency to convert into."""
    amount_chosen = Signal(object)
    """The user picked one of the other amounts (an `Amount`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pledgeView")
        self.model = PledgeModel(self)
        self.proxy = PledgeFilter(self)
        self.proxy.setSourceModel(self.model)
        self._readout: Readout | None = None

        self.currency_box = QComboBox()
        self.currency_box.setObjectName("currencyBox")
        self.currency_box.setAccessibleName("Converted to currency")
        self.currency_box.setToolTip("Convert every amount into this currency at the ECB reference rate")
        self.currency_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.currency_box.addItem(self.model.target)

        self.tree = WrappingTreeView()
        self.tree.setObjectName("pledgeTree")
        self.tree.setAccessibleName("Pledges")
        self.tree.setModel(self.proxy)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # Shift+Down
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.tree.setSortingEnabled(True)
        self.tree.header().setStretchLastSection(True)
        self.tree.header().setMinimumSectionSize(48)

        self.totals_label = QLabel()
        self.totals_label.setObjectName("pledgeTotals")
        self.totals_label.setTextFormat(Qt.TextFormat.PlainText)
        self.totals_label.setWordWrap(True)
        self.totals_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.converted_label = QLabel()
        self.converted_label.setObjectName("pledgeConvertedTotal")
        self.converted_label.setTextFormat(Qt.TextFormat.PlainText)
        self.converted_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.amounts_label = QLabel()
        self.amounts_label.setObjectName("otherAmountsTitle")
        self.amounts_label.setTextFormat(Qt.TextFormat.PlainText)
        self.amounts = QTreeWidget()
        self.amounts.setObjectName("otherAmounts")
        self.amounts.setAccessibleName("Other amounts")
        self.amounts.setColumnCount(len(_AMOUNT_COLUMNS))
        self.amounts.setHeaderLabels(list(_AMOUNT_COLUMNS))
        self.amounts.setRootIsDecorated(False)
        self.amounts.setAlternatingRowColors(True)
        self.amounts.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.amounts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.amounts.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        self.note = QLabel()
        self.note.setObjectName("pledgeNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        currency_label = QLabel("C&onverted to")
        currency_label.setBuddy(self.currency_box)
        footer = QHBoxLayout()
        footer.setContentsMargins(2, 0, 2, 0)
        footer.setSpacing(6)
        footer.addWidget(self.totals_label, 1)
        footer.addSpacing(12)
        footer.addWidget(currency_label)
        footer.addWidget(self.currency_box)
        footer.addWidget(self.converted_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.note)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.amounts_label)
        layout.addWidget(self.amounts)
        layout.addLayout(footer)
        self._footer = footer

        self.currency_box.currentTextChanged.connect(self._currency_picked)
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self.tree.clicked.connect(self._row_clicked)
        self.amounts.itemClicked.connect(self._amount_clicked)
        self.amounts.itemActivated.connect(self._amount_clicked)
        self.set_readout(None)

    # -- content ------------------------------------------------------------------

    def set_readout(self, readout: Readout | None) -> None:
        """Show another readout's pledges, all of them, parents expanded."""
        self._readout = readout
        self.model.set_readout(readout)
        self.proxy.set_sentences(None)
        self.proxy.set_kept(None)
        self.tree.expandAll()
        if readout is not None:
            self._fit_columns()
        self._fill_amounts(readout)
        self._update_summary()

    def is_empty(self) -> bool:
        """Whether the readout shown has no pledge and no other amount (the pane is then one line)."""
        readout = self._readout
        return readout is not None and not readout.pledges and not readout.amounts

    def other_amounts(self) -> tuple[Amount, ...]:
        """The other amounts listed, top to bottom."""
        items = (self.amounts.topLevelItem(i) for i in range(self.amounts.topLevelItemCount()))
        return tuple(item.data(0, Role.ITEM) for item in items if item is not None)

    def _fill_amounts(self, readout: Readout | None) -> None:
        self.amounts.clear()
        found = sorted(readout.amounts, key=lambda a: a.span) if readout else []
        for sum_ in found:
            self.amounts.addTopLevelItem(_amount_item(readout, sum_))
        for column in range(len(_AMOUNT_COLUMNS) - 1):
            self.amounts.resizeColumnToContents(column)
        noun = "amount" if len(found) == 1 else "amounts"
        self.amounts_label.setText(f"Other amounts — {len(found)} {noun} that are not pledges")
        self.amounts_label.setVisible(bool(found))
        self.amounts.setVisible(bool(found))
        empty = self.is_empty()
        self.note.setText("No pledges and no other sums of money in this readout." if empty else "")
        self.note.setVisible(empty)
        self.tree.setVisible(not empty)
        for i in range(self._footer.count()):
            widget = self._footer.itemAt(i).widget()
            if widget is not None:
                widget.setVisible(not empty)

    def _amount_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.amount_chosen.emit(item.data(0, Role.ITEM))

    def set_topic(self, sentences: Sequence[Span] | None) -> None:
        """Show only the pledges in a topic's sentences (None: every pledge)."""
        self.proxy.set_sentences(sentences)
        self.tree.expandAll()
        self._update_summary()

    def set_kept(self, kept: Collection[str] | None) -> None:
        """Show only the pledges a search filter keeps (None: no search filter)."""
        self.proxy.set_kept(kept)
        self.tree.expandAll()
        self._update_summary()

    def changeEvent(self, event: QEvent) -> None:
        """Missing values take the muted colour of a new palette (the desktop went dark, say)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.model.recolour()

    def _fit_columns(self) -> None:
        columns = [c for c in range(self.model.columnCount()) if c != PURPOSE]  # the purpose takes the rest
        self.tree.fit_columns(columns, _MAX_COLUMN_WIDTH)

    # -- currency -----------------------------------------------------------------

    def currency(self) -> str:
        """The currency amounts are converted into."""
        return self.model.target

    def set_currencies(self, currencies: Sequence[str]) -> None:
        """Offer these currencies to convert into (the current one stays chosen)."""
        current = self.model.target
        self.currency_box.blockSignals(True)
        self.currency_box.clear()
        self.currency_box.addItems(list(currencies))
        if current not in currencies:
            self.currency_box.addItem(current)
        self.currency_box.setCurrentText(current)
        self.currency_box.blockSignals(False)

    def set_currency(self, currency: str) -> None:
        """Convert into another currency; the column waits for `set_conversions`."""
        if self.currency_box.findText(currency) < 0:
            self.currency_box.addItem(currency)
        self.currency_box.blockSignals(True)
        self.currency_box.setCurrentText(currency)
        self.currency_box.blockSignals(False)
        self.model.set_target(currency)
        self._update_summary()

    def set_conversions(self, currency: str, conversions: Mapping[str, Conversion | None]) -> None:
        """Fill the converted column and the converted total."""
        self.model.set_conversions(currency, conversions)
        self.tree.resizeColumnToContents(CONVERTED)
        self._update_summary()

    def set_rates_unavailable(self, reason: str) -> None:
        """Say that nothing converts, and why, instead of waiting for rates that will not come."""
        self.model.set_rates_unavailable(reason)
        self._update_summary()

    def _currency_picked(self, currency: str) -> None:
        if currency and currency != self.model.target:
            self.model.set_target(currency)
            self._update_summary()
            self.currency_changed.emit(currency)

    # -- the user's choice --------------------------------------------------------

    def current_pledge(self) -> Pledge | None:
        """The pledge selected in the table."""
        current = self.tree.currentIndex().siblingAtColumn(0)
        if current.isValid() and self.tree.selectionModel().isRowSelected(current.row(), current.parent()):
            return current.data(Role.ITEM)
        rows = self.tree.selectionModel().selectedRows()
        return rows[0].data(Role.ITEM) if rows else None

    def visible_pledges(self) -> tuple[Pledge, ...]:
        """The pledges that match the topic and filter (parents shown only for context are left out)."""
        return tuple(p for p in self.model.pledges() if self.proxy.accepts(p))

    def select_pledge(self, pledge_id: str) -> bool:
        """Select a pledge; False when it is not in this readout or the topic or search filter hides it."""
        index = self.proxy.mapFromSource(self.model.index_of(pledge_id))
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def clear_selection(self) -> None:
        """Select no pledge."""
        self.tree.clearSelection()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.pledge_chosen.emit(self.current_pledge())

    def _row_clicked(self, index: QModelIndex) -> None:
        self.pledge_chosen.emit(index.data(Role.ITEM))

    # -- totals -------------------------------------------------------------------

    def _update_summary(self) -> None:
        readout = self._readout
        shown = self.visible_pledges()
        if readout is None:
            self.tree.set_placeholder("No readout open.")
        elif not readout.pledges:
            self.tree.set_placeholder("No pledges in this readout.")
        else:
            self.tree.set_placeholder("No pledge matches the chosen topic and filter.")
        if readout is None or not shown:
            self.totals_label.setText("No pledges to add up.")
            self.converted_label.setText("")
            return
        self.totals_label.setText(self._totals_text(readout, shown))
        self.converted_label.setText(self._converted_text(readout, shown))

    @staticmethod
    def _totals_text(readout: Readout, shown: Sequence[Pledge]) -> str:
        totals = totals_by_currency(readout, shown)
        unquantified = sum(1 for p in shown if p.amount is None)
        parts = [money(value, currency) for currency, value in totals.items()]
        text = "Total: " + (" + ".join(parts) if parts else "no amounts stated")
        if unquantified:
            text += f"; {unquantified} without an amount"
        return text

    def _converted_text(self, readout: Readout, shown: Sequence[Pledge]) -> str:
        target = self.model.target
        if not self.model.conversions_ready:
            return ": loading the ECB rates…"
        conversions = {p.id: self.model.conversion(p.id) for p in shown}
        result = converted_total(readout, shown, conversions, target)
        if not result.converted:
            return ": nothing convertible" if result.not_convertible else ""
        text = f": {amount(round(result.value))} {target}"
        if result.not_convertible:
            n = result.not_convertible
            text += f" ({n} amount{'s' if n != 1 else ''} not convertible)"
        return text


def _amount_item(readout: Readout, sum_: Amount) -> QTreeWidgetItem:
    """A row of "Other amounts": the kind, the sum, its words and the sentence it stands in."""
    sentence = readout.snippet(sum_.evidence or readout.sentence_at(sum_.span[0]) or sum_.span).strip()
    item = QTreeWidgetItem(
        [capitalised(sum_.kind), money(sum_.amount, sum_.currency), readout.snippet(sum_.span), sentence]
    )
    item.setData(0, Role.ITEM, sum_)
    item.setToolTip(3, plain_tooltip(sentence))
    return item
