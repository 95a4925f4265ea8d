"""The readout's themes as a tree, each with the number of sentences filed under it.

A theme counts its own sentences and those of the themes beneath it, each sentence
once; a theme whose parent is not in the readout stands at the top level. The cells are
worked out once per readout and kept in Qt's own item model, so laying out, filtering
and painting the tree never call back into Python.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from readout_browser.model import Readout, Span, Topic
from readout_browser.selection import topic_sentences
from readout_browser.ui.formatting import ALIGN_NUMBER, plain_tooltip
from readout_browser.ui.models.cells import READ_ONLY, signals_held
from readout_browser.ui.models.roles import Role


class TopicTreeModel(QStandardItemModel):
    """Two columns: the theme and its sentence count."""

    HEADERS = ("Topic", "Sentences")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, len(self.HEADERS), parent)
        self._by_id: dict[str, QStandardItem] = {}
        self.invisibleRootItem().setFlags(Qt.ItemFlag.NoItemFlags)
        for section, title in enumerate(self.HEADERS):
            self.setHeaderData(section, Qt.Orientation.Horizontal, title)
        self.setHeaderData(1, Qt.Orientation.Horizontal, ALIGN_NUMBER, Qt.ItemDataRole.TextAlignmentRole)

    def set_readout(self, readout: Readout | None) -> None:
        """Show the themes of another readout (or none)."""
        self.beginResetModel()
        with signals_held(self):  # one reset for the views, not a signal per row
            self._by_id = {}
            root = self.invisibleRootItem()
            root.removeRows(0, root.rowCount())
            if readout is not None:
                self._build(readout)
        self.endResetModel()

    def _build(self, readout: Readout) -> None:
        known = {t.id for t in readout.topics}
        root = self.invisibleRootItem()
        pending = list(readout.topics)
        while pending:
            placed = []
            for topic in pending:
                parent_id = topic.parent if topic.parent in known and topic.parent != topic.id else None
                if parent_id is not None and parent_id not in self._by_id:
                    continue
                parent = root if parent_id is None else self._by_id[parent_id]
                self._add(parent, topic, topic_sentences(readout, topic.id))
                placed.append(topic)
            if not placed:  # a cycle of parents: show the rest at the top level
                for topic in pending:
                    self._add(root, topic, topic_sentences(readout, topic.id))
                break
            pending = [t for t in pending if t not in placed]

    def _add(self, parent: QStandardItem, topic: Topic, sentences: tuple[Span, ...]) -> None:
        count = len(sentences)
        tooltip = plain_tooltip(f"{topic.label}: {count} sentence{'s' if count != 1 else ''}")
        label, number = QStandardItem(topic.label), QStandardItem(str(count))
        for item, sort_key in ((label, topic.label.casefold()), (number, count)):
            item.setFlags(READ_ONLY)
            item.setData(topic, Role.ITEM)
            item.setData(sentences, Role.SENTENCES)
            item.setData(tooltip, Qt.ItemDataRole.ToolTipRole)
            item.setData(sort_key, Role.SORT)
        number.setData(ALIGN_NUMBER, Qt.ItemDataRole.TextAlignmentRole)
        parent.appendRow([label, number])
        self._by_id.setdefault(topic.id, label)

    def index_of(self, topic_id: str) -> QModelIndex:
        """The index of a topic's first column, or an invalid index."""
        item = self._by_id.get(topic_id)
        return item.index() if item is not None else QModelIndex()
