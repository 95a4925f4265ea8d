"""Help ▸ Keyboard Shortcuts: every key the window answers, read from its own actions.

The list is built from the window's QActions (its menus, then the actions it holds
outside them) each time the dialog opens, so it always tells the truth, including
keys added later. The keys the find box answers itself come from the find bar. Keys
that only some keyboards have (a dedicated Open or Copy key) are left out.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readout_browser.ui.find_bar import BOX_KEYS

FIND_BOX = "In the find box"
OUTSIDE_MENUS = "Anywhere in the window"


def plain(text: str) -> str:
    """A menu text as a reader says it: mnemonic ampersands and trailing ellipses dropped."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".")


_DEDICATED_KEYS_FROM = Qt.Key.Key_Back.value
"""Qt numbers the keys only some keyboards have (Back, Open, Copy, Cancel…) from here on."""


def _typable(sequence: QKeySequence) -> bool:
    return all(sequence[i].key().value < _DEDICATED_KEYS_FROM for i in range(sequence.count()))


def _keys(action: QAction) -> str:
    """An action's keys as the platform writes them, leaving out the dedicated keys of some keyboards."""
    typable = [k for k in action.shortcuts() if _typable(k)]
    return ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in typable)


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(where, what, keys) for every action of the window that has a key, in menu order."""
    rows: list[tuple[str, str, str]] = []
    seen: set[QAction] = set()

    def walk(menu: QMenu, where: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{where} ▸ {plain(sub.title())}")
                continue
            if action.isSeparator() or action in seen:
                continue
            seen.add(action)
            if _keys(action):
                rows.append((where, plain(action.text()), _keys(action)))

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, plain(menu.title()))
    for action in window.actions():
        if action not in seen and _keys(action):
            seen.add(action)
            rows.append((OUTSIDE_MENUS, plain(action.text()), _keys(action)))
    rows += [(FIND_BOX, what, keys) for what, keys in BOX_KEYS]
    return rows


class ShortcutsDialog(QDialog):
    """A two-column list of the window's keys, grouped by the menu that holds each action."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard Shortcuts")
        self._window = window
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcutList")
        self.tree.setAccessibleName("Keyboard shortcuts")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Action", "Keys"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(520, 560)

    def refresh(self) -> None:
        """Read the window's actions again."""
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for where, what, keys in shortcut_rows(self._window):
            group = groups.get(where)
            if group is None:
                group = QTreeWidgetItem(self.tree, [where])
                group.setFirstColumnSpanned(True)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[where] = group
            QTreeWidgetItem(group, [what, keys])
        self.tree.expandAll()

    def texts(self) -> list[tuple[str, str]]:
        """The (action, keys) rows shown, for reading back what the dialog lists."""
        found = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            found += [(group.child(c).text(0), group.child(c).text(1)) for c in range(group.childCount())]
        return found

    def open_list(self) -> None:
        """Show the dialog, up to date, with the keyboard in the list."""
        self.refresh()
        self.show()
        self.raise_()
        self.activateWindow()
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
