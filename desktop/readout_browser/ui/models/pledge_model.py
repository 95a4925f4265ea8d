"""The readout's pledges as a tree: each sub-allocation sits under the pledge it is part of.

The last column converts every amount into one currency the user picks. The rates load
after the window is shown, so the column starts out pending and fills in when
`set_conversions` hands it the results (see `summaries.convert_pledges`).

The cells are worked out once per readout (the converted column again when the rates or
the currency change) and kept in Qt's own item model. The tree's rows wrap, so Qt asks
every cell for its text, font and colours many times over while it lays the rows out
and paints them; kept this way, none of those questions calls back into Python.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QFont, QGuiApplication, QPalette, QStandardItem, QStandardItemModel

from readout_browser.model import Pledge, Readout
from readout_browser.summaries import conversion_day
from readout_browser.ui.formatting import ALIGN_NUMBER, amount, capitalised, date, plain_tooltip, words
from readout_browser.ui.models.cells import READ_ONLY, signals_held
from readout_browser.ui.models.roles import Role

if TYPE_CHECKING:
    from readout_browser.rates import Conversion

WRITTEN, AMOUNT, CURRENCY, CONVERTED, DONOR, RECIPIENT, QUALIFIER, STATUS, CATEGORY, PURPOSE = range(10)
NOT_CONVERTIBLE = "not convertible"
_ABSENT = float("-inf")
_MUTED = (NOT_CONVERTIBLE, "—")
"""Cell texts that stand for a missing value, drawn in the muted placeholder colour."""
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FOREGROUND, _ALIGNMENT = Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole


class PledgeModel(QStandardItemModel):
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
        super().__init__(0, len(self.HEADERS), parent)
        self._readout: Readout | None = None
        self._target = "EUR"
        self._conversions: Mapping[str, Conversion | None] | None = None
        self._unavailable: str | None = None
        self._rows: list[list[QStandardItem]] = []
        """The cells of every row, parents before their parts (the order of `pledges`)."""
        self._by_id: dict[str, list[QStandardItem]] = {}
        self.invisibleRootItem().setFlags(Qt.ItemFlag.NoItemFlags)
        for section, title in enumerate(self.HEADERS):
            self.setHeaderData(section, Qt.Orientation.Horizontal, title)
            if section in (AMOUNT, CONVERTED):
                self.setHeaderData(section, Qt.Orientation.Horizontal, ALIGN_NUMBER, _ALIGNMENT)
        self._set_converted_header()

    # -- content -----------------------------------------------------------------

    def set_readout(self, readout: Readout | None) -> None:
        """Show the pledges of another readout (or none); conversions start out pending."""
        self.beginResetModel()
        with signals_held(self):  # one reset for the views, not a signal per row
            self._readout = readout
            self._conversions = None
            self._rows, self._by_id = [], {}
            root = self.invisibleRootItem()
            root.removeRows(0, root.rowCount())
            if readout is not None:
                self._build(readout)
        self.endResetModel()

    def _build(self, readout: Readout) -> None:
        known = {p.id for p in readout.pledges}
        placed: set[str] = set()
        muted = QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)

        def attach(parent: QStandardItem, pledge: Pledge) -> None:
            placed.add(pledge.id)
            cells = [self._cell(pledge, column, muted) for column in range(len(self.HEADERS))]
            self._rows.append(cells)
            self._by_id.setdefault(pledge.id, cells)
            parent.appendRow(cells)
            for child in readout.children(pledge.id):
                if child.id not in placed:
                    attach(cells[0], child)

        for pledge in readout.pledges:
            if pledge.parent is None or pledge.parent not in known or pledge.parent == pledge.id:
                attach(self.invisibleRootItem(), pledge)
        for pledge in readout.pledges:  # left over only when parents form a cycle
            if pledge.id not in placed:
                attach(self.invisibleRootItem(), pledge)

    def _cell(self, pledge: Pledge, column: int, muted: QBrush) -> QStandardItem:
        text = self._display(pledge, column)
        item = QStandardItem(text)
        item.setFlags(READ_ONLY)
        item.setData(pledge, Role.ITEM)
        item.setData(plain_tooltip(self._tooltip(pledge, column)), _TOOLTIP)
        item.setData(self._sort_key(pledge, column), Role.SORT)
        if column in (AMOUNT, CONVERTED):
            item.setData(ALIGN_NUMBER, _ALIGNMENT)
        if column == CURRENCY and pledge.currency_inferred:
            font = QFont()
            font.setItalic(True)
            item.setData(font, Qt.ItemDataRole.FontRole)
        if text in _MUTED:
            item.setData(muted, _FOREGROUND)
        return item

    @property
    def target(self) -> str:
        """The currency of the converted column."""
        return self._target

    def set_target(self, currency: str) -> None:
        """Convert into another currency; the column is pending until the new conversions arrive."""
        self._target = currency
        self._conversions = None
        self._set_converted_header()
        self._converted_changed()

    def set_conversions(self, currency: str, conversions: Mapping[str, Conversion | None]) -> None:
        """Fill the converted column with amounts in `currency` (None: not convertible)."""
        self._target = currency
        self._conversions = dict(conversions)
        self._unavailable = None
        self._set_converted_header()
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

    def recolour(self) -> None:
        """Take the muted colour of missing values from the application's palette again."""
        muted = QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        stale = [item for cells in self._rows for item in cells if item.text() in _MUTED]
        if not stale or stale[0].data(_FOREGROUND) == muted:
            return  # the same colour: nothing to draw again
        with signals_held(self):
            for item in stale:
                item.setData(muted, _FOREGROUND)
        self._changed(0, len(self.HEADERS) - 1)

    def _set_converted_header(self) -> None:
        horizontal = Qt.Orientation.Horizontal
        self.setHeaderData(CONVERTED, horizontal, f"In {self._target}")
        tip = f"Each amount in {self._target} at the ECB reference rate of the pledge's date"
        self.setHeaderData(CONVERTED, horizontal, tip, _TOOLTIP)

    def _converted_changed(self) -> None:
        muted = QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        with signals_held(self):
            for cells in self._rows:
                item, pledge = cells[CONVERTED], cells[CONVERTED].data(Role.ITEM)
                text = self._display(pledge, CONVERTED)
                item.setText(text)
                item.setData(plain_tooltip(self._tooltip(pledge, CONVERTED)), _TOOLTIP)
                item.setData(self._sort_key(pledge, CONVERTED), Role.SORT)
                item.setData(muted if text in _MUTED else None, _FOREGROUND)
        self._changed(CONVERTED, CONVERTED)

    def _changed(self, first: int, last: int) -> None:
        """Say that columns `first`..`last` of every row changed, one signal per group of siblings."""
        for parent in self._parents():
            rows = self.rowCount(parent)
            if rows:
                self.dataChanged.emit(self.index(0, first, parent), self.index(rows - 1, last, parent))

    def _parents(self) -> Iterator[QModelIndex]:
        yield QModelIndex()
        for cells in self._rows:
            if cells[0].hasChildren():
                yield cells[0].index()

    def pledges(self) -> tuple[Pledge, ...]:
        """Every pledge shown, parents before their parts."""
        return tuple(cells[0].data(Role.ITEM) for cells in self._rows)

    def index_of(self, pledge_id: str, column: int = 0) -> QModelIndex:
        """The index of a pledge's row, or an invalid index."""
        cells = self._by_id.get(pledge_id)
        return cells[column].index() if cells is not None and 0 <= column < len(cells) else QModelIndex()

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
