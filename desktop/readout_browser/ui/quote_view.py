"""The quote viewer: who said what, with the words wrapped in full, filtered by speaker and kind.

The view owns its model and proxy; the main window feeds it readouts and topics and
listens for the quote the user chooses.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from readout_browser.model import Quote, Readout, Span
from readout_browser.selection import speakers
from readout_browser.ui.elided_label import ElidedLabel
from readout_browser.ui.formatting import person_name
from readout_browser.ui.models.quote_filter import QuoteFilter
from readout_browser.ui.models.quote_model import QuoteModel
from readout_browser.ui.models.roles import Role
from readout_browser.ui.quote_card_delegate import CardListView, QuoteCardDelegate

_QUERY = "\x00search"
"""The Speaker box's entry for a search's `speaker:` filter that names no one person."""
_KINDS = (("All kinds", None), ("Direct", "direct"), ("Reported", "reported"))


class QuoteView(QWidget):
    """Filter choices above a word-wrapped list of quotes."""

    quote_chosen = Signal(object)
    """The quote the user picked (a `Quote`), or None when the choice was cleared."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quoteView")
        self.model = QuoteModel(self)
        self.proxy = QuoteFilter(self)
        self.proxy.setSourceModel(self.model)
        self._readout_open = False
        self._showing_search = False  # the Speaker box shows a search's speaker filter

        self.speaker_box = QComboBox()
        self.speaker_box.setObjectName("speakerFilter")
        self.speaker_box.setAccessibleName("Speaker")
        # As wide as a usual name, whatever the readout's speakers: a long one must not widen the pane.
        self.speaker_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.speaker_box.setMinimumContentsLength(16)
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("kindFilter")
        self.kind_box.setAccessibleName("Kind of quote")
        for text, kind in _KINDS:
            self.kind_box.addItem(text, kind)
        self.count_label = ElidedLabel(min_chars=16)  # "3 of 12 quotes" must not widen the pane

        self.list = CardListView()
        self.list.setObjectName("quoteList")
        self.list.setAccessibleName("Quotes")
        self.list.setModel(self.proxy)
        self.list.setItemDelegate(QuoteCardDelegate(self.list))
        self.list.setAlternatingRowColors(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # Shift+Down
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        speaker_label = QLabel("&Speaker:")
        speaker_label.setBuddy(self.speaker_box)
        kind_label = QLabel("&Kind:")
        kind_label.setBuddy(self.kind_box)
        self._filters = (speaker_label, self.speaker_box, kind_label, self.kind_box, self.count_label)
        bar = QHBoxLayout()
        bar.setSpacing(6)
        bar.addWidget(speaker_label)
        bar.addWidget(self.speaker_box)
        bar.addSpacing(12)
        bar.addWidget(kind_label)
        bar.addWidget(self.kind_box)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(bar)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.placeholder, 1)

        self.speaker_box.currentIndexChanged.connect(self._speaker_changed)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.list.selectionModel().selectionChanged.connect(self._selection_changed)
        self.list.clicked.connect(self._row_clicked)
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._update_count)
        self.set_readout(None)

    # -- content ------------------------------------------------------------------

    def set_readout(self, readout: Readout | None) -> None:
        """Show another readout's quotes, with every filter cleared."""
        self.model.set_readout(readout)
        self.speaker_box.blockSignals(True)
        self.speaker_box.clear()
        self.speaker_box.addItem("Everyone", None)
        for person in speakers(readout) if readout else ():
            self.speaker_box.addItem(person_name(person), person.id)
        self.speaker_box.blockSignals(False)
        self.kind_box.blockSignals(True)
        self.kind_box.setCurrentIndex(0)
        self.kind_box.blockSignals(False)
        self.proxy.set_speaker(None)
        self.proxy.set_kind(None)
        self.proxy.set_sentences(None)
        self.proxy.set_kept(None)
        self._readout_open = readout is not None
        self._update_count()

    def show_speakers(self, person_ids: Sequence[str] | None, query: str) -> None:
        """Show in the Speaker box whom a search's `speaker:` filter keeps (None: no such filter).

        One person is chosen in the box by name; several (or none) show as the filter typed.
        The search filter does the narrowing, so the box's own filter is let go.
        """
        box = self.speaker_box
        box.blockSignals(True)
        at = box.findData(_QUERY)
        if at >= 0:
            box.removeItem(at)
        if person_ids is None:
            if self._showing_search or box.currentIndex() < 0:
                box.setCurrentIndex(0)  # the filter it showed is gone: Everyone again
            self._showing_search = False
        else:
            self._showing_search = True
            row = box.findData(person_ids[0]) if len(person_ids) == 1 else -1
            if row < 0:
                box.insertItem(1, f"Search: {query}", _QUERY)
                row = 1
            box.setCurrentIndex(row)
            self.proxy.set_speaker(None)
        box.blockSignals(False)
        self._update_count()

    def set_topic(self, sentences: Sequence[Span] | None) -> None:
        """Show only the quotes in a topic's sentences (None: the whole readout)."""
        self.proxy.set_sentences(sentences)
        self._update_count()

    def set_kept(self, kept: Collection[str] | None) -> None:
        """Show only the quotes a search filter keeps (None: no search filter)."""
        self.proxy.set_kept(kept)
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        """The kinds' swatches take the shades of a new palette (the desktop went dark, say)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.model.recolour()

    # -- the user's choice --------------------------------------------------------

    def current_quote(self) -> Quote | None:
        """The quote selected in the list."""
        current = self.list.currentIndex()
        if current.isValid() and self.list.selectionModel().isSelected(current):
            return current.data(Role.ITEM)
        chosen = self.list.selectionModel().selectedIndexes()  # the list selects column 0 only
        return chosen[0].data(Role.ITEM) if chosen else None

    def selected_quotes(self) -> tuple[Quote, ...]:
        """Every quote selected, top to bottom."""
        rows = sorted(self.list.selectionModel().selectedIndexes(), key=lambda i: i.row())
        return tuple(i.data(Role.ITEM) for i in rows)

    def visible_quotes(self) -> tuple[Quote, ...]:
        """The quotes the list shows now, top to bottom."""
        return tuple(self.proxy.index(r, 0).data(Role.ITEM) for r in range(self.proxy.rowCount()))

    def select_quote(self, quote_id: str) -> bool:
        """Select a quote, clearing the speaker and kind filters if they hide it.

        Returns False when the quote is not in this readout or the topic or search filter hides it.
        """
        row = self.model.row_of(quote_id)
        if row is None:
            return False
        quote = self.model.quote(row)
        if not self.proxy.accepts(quote):
            self.speaker_box.setCurrentIndex(0)
            self.kind_box.setCurrentIndex(0)
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)
        return True

    def clear_selection(self) -> None:
        """Select no quote."""
        self.list.clearSelection()

    def _speaker_changed(self) -> None:
        chosen = self.speaker_box.currentData()
        self.proxy.set_speaker(None if chosen == _QUERY else chosen)
        self._update_count()

    def _kind_changed(self) -> None:
        self.proxy.set_kind(self.kind_box.currentData())
        self._update_count()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.quote_chosen.emit(self.current_quote())

    def _row_clicked(self, index: QModelIndex) -> None:
        self.quote_chosen.emit(index.data(Role.ITEM))

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        for widget in self._filters:  # nothing to filter: the pane is its one-line note
            widget.setVisible(total > 0)
        self.list.setVisible(shown > 0)
        self.placeholder.setVisible(shown == 0)
        if not self._readout_open:
            self.placeholder.setText("No readout open.")
        elif total == 0:
            self.placeholder.setText("No quotes in this readout.")
        else:
            self.placeholder.setText("No quote matches the chosen topic and filters.")
        noun = "quote" if total == 1 else "quotes"
        self.count_label.setText(f"{total} {noun}" if shown == total else f"{shown} of {total} {noun}")
