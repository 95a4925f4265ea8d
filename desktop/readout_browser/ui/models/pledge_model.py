"""The readout's pledges as a tree: each sub-allocation sits under the pledge it is part of.

The last column converts every amount into one currency the user picks. The rates load
after the window is shown, so the column starts out pending and fills in when
`set_conversions` hands it the results (see `summaries.convert_pledges`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from readout_browser.model import Pledge, Readout
from readout_browser.summaries import conversion_day
from readout_browser.ui.formatting import ALIGN_NUMBER, amount, capitalised, date, plain_tooltip, words
from readout_browser.ui.models.roles import TOP, Index, Role

if TYPE_CHECKING:
    from readout_browser.rates import Conversion

WRITTEN, AMOUNT, CURRENCY, CONVERTED, DONOR, RECIPIENT, QUALIFIER, STATUS, CATEGORY, PURPOSE = range(10)
NOT_CONVERTIBLE = "not convertible"
_ABSENT = float("-inf")


class _Node:
    """One pledge in the tree, with its place among its siblings cached."""

    __slots__ = ("children", "parent", "pledge", "row")

    def __init__(self, pledge: Pledge | None, parent: _Node | None, row: int) -> None:
        self.pledge = pledge
        self.parent = parent
        self.row = row
        self.children: list[_Node] = []

    def add(self, pledge: Pledge) -> _Node:
        node = _Node(pledge, self, len(self.children))
        self.children.append(node)
        return node


class PledgeModel(QAbstractItemModel):
    """Ten columns, from the amount as written to the amount converted."""

    HEADERS = (
        "As written",
        "Amount",
        "Currency",
        "Converted",
        "Donor",
        "Recipient",
        "Qualifier",
        "Status",
        "Category",
        "Purpose",
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._readout: Readout | None = None
        self._root = _Node(None, None, 0)
        self._target = "EUR"
        self._conversions: Mapping[str, Conversion | None] | None = None
        self._unavailable: str | None = None

    # -- content -----------------------------------------------------------------

    def set_readout(self, readout: Readout | None) -> None:
        """Show the pledges of another readout (or none); conversions start out pending."""
        self.beginResetModel()
        self._readout = readout
        self._root = _Node(None, None, 0)
        self._conversions = None
        if readout is not None:
            self._build(readout)
        self.endResetModel()

    def _build(self, readout: Readout) -> None:
        known = {p.id for p in readout.pledges}
        placed: set[str] = set()

        def attach(parent: _Node, pledge: Pledge) -> None:
            placed.add(pledge.id)
            node = parent.add(pledge)
            for child in readout.children(pledge.id):
                if child.id not in placed:
                    attach(node, child)

        for pledge in readout.pledges:
            if pledge.parent is None or pledge.parent not in known or pledge.parent == pledge.id:
                attach(self._root, pledge)
        for pledge in readout.pledges:  # left over only when parents form a cycle
            if pledge.id not in placed:
                attach(self._root, pledge)

    @property
    def target(self) -> str:
        """The currency of the converted column."""
        return self._target

    def set_target(self, currency: str) -> None:
        """Convert into another currency; the column is pending until the new conversions arrive."""
        self._target = currency
        self._conversions = None
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, CONVERTED, CONVERTED)
        self._converted_changed()

    def set_conversions(self, currency: str, conversions: Mapping[str, Conversion | None]) -> None:
        """Fill the converted column with amounts in `currency` (None: not convertible)."""
        self._target = currency
        self._conversions = dict(conversions)
        self._unavailable = None
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, CONVERTED, CONVERTED)
        self._converted_changed()

    def set_rates_unavailable(self, reason: str) -> None:
        """No rates to convert with: every amount is not convertible, and the tooltip says why."""
        self._unavailable = reason
        self._conversions = {}
        self._converted_changed()

    def conversion(self, pledge_id: str) -> Conversion | None:
        """The conversion shown for a pledge, if there is one."""
        return self._conversions.get(pledge_id) if self._conversions else None

    @property
    def conversions_ready(self) -> bool:
        """Whether the converted column holds results rather than waiting for the rates."""
        return self._conversions is not None

    def _converted_changed(self) -> None:
        stack = [self._root]
        while stack:
            node = stack.pop()
            if node.children:
                parent = QModelIndex() if node is self._root else self.createIndex(node.row, 0, node)
                top = self.index(0, CONVERTED, parent)
                bottom = self.index(len(node.children) - 1, CONVERTED, parent)
                self.dataChanged.emit(top, bottom)
                stack.extend(node.children)

    def pledges(self) -> tuple[Pledge, ...]:
        """Every pledge shown, parents before their parts."""
        found: list[Pledge] = []
        stack = list(reversed(self._root.children))
        while stack:
            node = stack.pop()
            if node.pledge is not None:
                found.append(node.pledge)
            stack.extend(reversed(node.children))
        return tuple(found)

    def index_of(self, pledge_id: str, column: int = 0) -> QModelIndex:
        """The index of a pledge's row, or an invalid index."""
        stack = list(self._root.children)
        while stack:
            node = stack.pop()
            if node.pledge is not None and node.pledge.id == pledge_id:
                return self.createIndex(node.row, column, node)
            stack.extend(node.children)
        return QModelIndex()

    # -- QAbstractItemModel ------------------------------------------------------

    def _node(self, index: Index) -> _Node:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row: int, column: int, parent: Index = TOP) -> QModelIndex:
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        children = self._node(parent).children
        if not (0 <= row < len(children) and 0 <= column < len(self.HEADERS)):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, index: Index = TOP) -> QModelIndex:
        if not index.isValid():
            return QModelIndex()
        parent = self._node(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: Index = TOP) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = TOP) -> int:
        return len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"In {self._target}" if section == CONVERTED else self.HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == CONVERTED:
            return f"Each amount in {self._target} at the ECB reference rate of the pledge's date"
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (AMOUNT, CONVERTED):
            return ALIGN_NUMBER
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        pledge = self._node(index).pledge
        if pledge is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(pledge, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(pledge, column))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (AMOUNT, CONVERTED):
            return ALIGN_NUMBER
        if role == Qt.ItemDataRole.FontRole and column == CURRENCY and pledge.currency_inferred:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and self._display(pledge, column) in (NOT_CONVERTIBLE, "—"):
            return QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Role.ITEM:
            return pledge
        if role == Role.SORT:
            return self._sort_key(pledge, column)
        return None

    def _display(self, pledge: Pledge, column: int) -> str:
        if column == WRITTEN:
            return self._readout.snippet(pledge.span) if self._readout else ""
        if column == AMOUNT:
            return "—" if pledge.amount is None else amount(pledge.amount)
        if column == CURRENCY:
            if not pledge.currency:
                return "—"
            return f"{pledge.currency} (inferred)" if pledge.currency_inferred else pledge.currency
        if column == CONVERTED:
            return self._converted_text(pledge)
        if column == QUALIFIER:
            return words(pledge.qualifier)
        if column in (STATUS, CATEGORY):
            return capitalised(pledge.status if column == STATUS else pledge.category)
        text = {DONOR: pledge.donor, RECIPIENT: pledge.recipient, PURPOSE: pledge.purpose}.get(column)
        return text or "—"

    def _converted_text(self, pledge: Pledge) -> str:
        if pledge.amount is None:
            return "—"
        if self._conversions is None:
            return "…"
        conversion = self._conversions.get(pledge.id)
        return NOT_CONVERTIBLE if conversion is None else amount(round(conversion.value))

    def _sort_key(self, pledge: Pledge, column: int) -> Any:
        if column == AMOUNT:
            return _ABSENT if pledge.amount is None else float(pledge.amount)
        if column == CONVERTED:
            conversion = self.conversion(pledge.id)
            return _ABSENT if conversion is None else float(conversion.value)
        if column == WRITTEN:
            return float(pledge.span[0])
        return self._display(pledge, column).casefold()

    def _tooltip(self, pledge: Pledge, column: int) -> str | None:
        if column == CURRENCY:
            if not pledge.currency:
                return "The readout does not say which currency."
            if pledge.currency_inferred:
                written = (
                    f"the text says “{pledge.currency_text}”"
                    if pledge.currency_text
                    else "no currency is written"
                )
                return f"{pledge.currency} is inferred: {written}."
            return f"Written as “{pledge.currency_text}”" if pledge.currency_text else pledge.currency
        if column == CONVERTED:
            return self._converted_tooltip(pledge)
        if column == AMOUNT and pledge.amount is None:
            return "The readout states no amount for this commitment."
        if column == WRITTEN and self._readout is not None:
            sentence = self._readout.sentence_at(pledge.span[0])
            return self._readout.snippet(sentence) if sentence else None
        text = self._display(pledge, column)
        return text if text != "—" else None

    def _converted_tooltip(self, pledge: Pledge) -> str | None:
        if pledge.amount is None:
            return "Nothing to convert: the readout states no amount."
        if self._conversions is None:
            return "Loading the ECB reference rates…"
        conversion = self._conversions.get(pledge.id)
        if self._unavailable is not None:
            return f"Not convertible: {self._unavailable}"
        if conversion is not None:
            return (
                f"1 {pledge.currency} = {conversion.rate:.4f} {conversion.currency}\n"
                f"ECB reference rate of {date(conversion.rate_date.isoformat())}"
            )
        if not pledge.currency:
            return "Not convertible: the readout does not say which currency."
        day = conversion_day(self._readout, pledge) if self._readout else None
        if day is None:
            return "Not convertible: neither the pledge nor the readout gives a date for the rate."
        return (
            f"Not convertible: the ECB publishes no reference rate between {pledge.currency} "
            f"and {self._target} for {date(day.isoformat())}."
        )
