"""The topic tree: the readout's themes with their sentence counts, one of which may be chosen.

Choosing a theme narrows the rest of the window to its sentences; "Show All" (or the
View menu's action) widens it again. A search filter hides the themes it does not keep.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QItemSelection, QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from readout_browser.model import Readout, Span, Topic
from readout_browser.ui.elided_label import ElidedLabel
from readout_browser.ui.models.roles import Role
from readout_browser.ui.models.topic_filter import TopicFilter
from readout_browser.ui.models.topic_tree_model import TopicTreeModel


class TopicView(QWidget):
    """A tree of themes under a line saying which one is chosen; a choice comes with its sentences."""

    topic_chosen = Signal(object, object)
    """The chosen `Topic` and its sentence spans (sub-themes included), or (None, None) for all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topicView")
        self.model = TopicTreeModel(self)
        self.proxy = TopicFilter(self)
        self.proxy.setSourceModel(self.model)
        self._readout_open = False
        self.tree = QTreeView()
        self.tree.setObjectName("topicTree")
        self.tree.setAccessibleName("Topics")
        self.tree.setModel(self.proxy)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setIndentation(14)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setHeaderHidden(True)  # the line above says what the numbers count
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance("0000") + 12)

        self.status_label = ElidedLabel()  # a long topic name must not widen the column
        self.show_all_button = QToolButton()
        self.show_all_button.setText("Show All")
        self.show_all_button.setToolTip("Show every sentence, quote and pledge again")
        self.show_all_button.setAutoRaise(True)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.status_label, 1)
        bar.addWidget(self.show_all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)

        self.show_all_button.clicked.connect(self.clear)
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self.set_readout(None)

    def set_readout(self, readout: Readout | None) -> None:
        """Show another readout's themes, none chosen."""
        self._readout_open = readout is not None
        self.model.set_readout(readout)
        self.proxy.set_kept(None)
        self.tree.expandAll()
        self._show_choice(None)

    def set_kept(self, kept: Collection[str] | None) -> None:
        """Show only the themes a search filter keeps, with their ancestors (None: every theme)."""
        self.proxy.set_kept(kept)
        self.tree.expandAll()

    def current_topic(self) -> Topic | None:
        """The chosen theme, if any."""
        rows = self.tree.selectionModel().selectedRows()
        return rows[0].data(Role.ITEM) if rows else None

    def select_topic(self, topic_id: str) -> bool:
        """Choose a theme by id; False when this readout has no such theme or a filter hides it."""
        index = self.proxy.mapFromSource(self.model.index_of(topic_id))
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def clear(self) -> None:
        """Choose no theme: the whole readout shows again."""
        self.tree.clearSelection()
        self.tree.setCurrentIndex(QModelIndex())

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.tree.selectionModel().selectedRows()
        topic: Topic | None = rows[0].data(Role.ITEM) if rows else None
        sentences: tuple[Span, ...] | None = rows[0].data(Role.SENTENCES) if rows else None
        self._show_choice(topic)
        self.topic_chosen.emit(topic, sentences)

    def _show_choice(self, topic: Topic | None) -> None:
        themes = self.model.rowCount()
        if topic is not None:
            self.status_label.setText(f"Chosen: {topic.label}")
        elif themes:
            self.status_label.setText("Sentences per topic")
        elif self._readout_open:
            self.status_label.setText("No themes found")
        else:
            self.status_label.setText("No readout open")
        self.show_all_button.setEnabled(topic is not None)
