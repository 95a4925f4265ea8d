"""The readout's themes as a tree, each with the number of sentences filed under it.

Nodes are plain Python objects the model owns (Qt's index pointers do not keep them
alive). A theme counts its own sentences and those of the themes beneath it, each
sentence once; a theme whose parent is not in the readout stands at the top level.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt

from readout_browser.model import Readout, Span, Topic
from readout_browser.selection import topic_sentences
from readout_browser.ui.formatting import ALIGN_NUMBER, plain_tooltip
from readout_browser.ui.models.roles import TOP, Index, Role


class _Node:
    """One topic in the tree, with its place among its siblings cached."""

    __slots__ = ("children", "parent", "row", "sentences", "topic")

    def __init__(self, topic: Topic | None, parent: _Node | None, row: int, sentences: tuple[Span, ...]):
        self.topic = topic
        self.parent = parent
        self.row = row
        self.sentences = sentences
        self.children: list[_Node] = []


class TopicTreeModel(QAbstractItemModel):
    """Two columns: the theme and its sentence count."""

    HEADERS = ("Topic", "Sentences")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = _Node(None, None, 0, ())

    def set_readout(self, readout: Readout | None) -> None:
        """Show the themes of another readout (or none)."""
        self.beginResetModel()
        self._root = _Node(None, None, 0, ())
        if readout is not None:
            self._build(readout)
        self.endResetModel()

    def _build(self, readout: Readout) -> None:
        known = {t.id for t in readout.topics}
        nodes: dict[str, _Node] = {}
        pending = list(readout.topics)
        while pending:
            placed = []
            for topic in pending:
                parent_id = topic.parent if topic.parent in known and topic.parent != topic.id else None
                if parent_id is not None and parent_id not in nodes:
                    continue
                parent = self._root if parent_id is None else nodes[parent_id]
                node = _Node(topic, parent, len(parent.children), topic_sentences(readout, topic.id))
                parent.children.append(node)
                nodes[topic.id] = node
                placed.append(topic)
            if not placed:  # a cycle of parents: show the rest at the top level
                for topic in pending:
                    node = _Node(
                        topic, self._root, len(self._root.children), topic_sentences(readout, topic.id)
                    )
                    self._root.children.append(node)
                break
            pending = [t for t in pending if t not in placed]

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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        topic = node.topic
        if topic is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return topic.label if column == 0 else str(len(node.sentences))
        if role == Qt.ItemDataRole.ToolTipRole:
            count = len(node.sentences)
            return plain_tooltip(f"{topic.label}: {count} sentence{'s' if count != 1 else ''}")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return ALIGN_NUMBER
        if role == Role.ITEM:
            return topic
        if role == Role.SENTENCES:
            return node.sentences
        if role == Role.SORT:
            return topic.label.casefold() if column == 0 else len(node.sentences)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == 1:
            return ALIGN_NUMBER
        return None

    def index_of(self, topic_id: str) -> QModelIndex:
        """The index of a topic's first column, or an invalid index."""
        stack = list(self._root.children)
        while stack:
            node = stack.pop()
            if node.topic is not None and node.topic.id == topic_id:
                return self.createIndex(node.row, 0, node)
            stack.extend(node.children)
        return QModelIndex()
