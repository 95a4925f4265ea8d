"""The custom data roles every model of the window answers, so views and tests ask alike,
and the index types the models share."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
TOP = QModelIndex()
"""The invisible root: the parent of top-level rows."""


class Role(IntEnum):
    """Roles beyond Qt's own: the domain object behind a row, and a value to sort by."""

    ITEM = Qt.ItemDataRole.UserRole + 1
    """The frozen dataclass a row shows (Readout, Topic, Quote or Pledge)."""
    SORT = Qt.ItemDataRole.UserRole + 2
    """A value that sorts the way a reader expects (numbers as numbers, absent values last)."""
    SENTENCES = Qt.ItemDataRole.UserRole + 3
    """The sentence spans a topic row stands for, its sub-themes' included."""
    SECONDARY = Qt.ItemDataRole.UserRole + 4
    """A second line of text under the display text (date and counterpart of a readout)."""
