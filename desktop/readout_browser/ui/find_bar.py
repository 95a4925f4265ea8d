"""The find bar: one box to find text and filter the panes, with a match count and its problems.

It parses what the user types (`search.query`) and says so: `query_changed` carries
the parsed `Query` on every edit; malformed filters are listed in red on a line below
the box (and in its tooltip and accessible description), never dropped in silence. The window
does the searching and tells the bar where the user is with `show_count`. Keys in the
box: Enter / F3 next match, Shift+Enter / Shift+F3 previous, Escape closes the bar.
The bar is hidden when the window opens, so the query language loads when it is first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPalette, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from readout_browser.search.query import Query

_PROBLEM_INK = QColor("#c0261c")


def _help() -> str:
    """The box's tooltip: what it finds and which filters it knows."""
    from readout_browser.search.query import FIELDS

    return (
        "Type to find text in the readout, its quotes, pledges and topics.\n"
        "Filters narrow the panes: " + ", ".join(f"{f}:" for f in FIELDS if f != "amount") + "\n"
        "and amount>100m, amount<=2bn (k, m, bn). Terms combine: speaker:carney amount>100m"
    )


BOX_KEYS: tuple[tuple[str, str], ...] = (
    ("Next match", "Enter"),
    ("Previous match", "Shift+Enter"),
    ("Close the find bar", "Escape"),
)
"""The keys the find box answers itself (besides the window's Find actions), for Help ▸ Keyboard Shortcuts."""


def _binding(key: QKeySequence.StandardKey) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


class FindBar(QWidget):
    """A line edit with "3 of 12", previous/next/close buttons and a line of problems."""

    query_changed = Signal(object)
    """The user changed the text: the parsed `Query` (possibly empty, possibly with errors)."""
    next_requested = Signal()
    """Go to the next match (Enter, F3 or the Next button)."""
    previous_requested = Signal()
    """Go to the previous match (Shift+Enter, Shift+F3 or the Previous button)."""
    closed = Signal()
    """The bar was closed (Escape or the Close button); focus belongs to the content again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._query: Query | None = None  # parsed when first asked for

        label = QLabel("F&ind:")
        self.edit = QLineEdit()
        self.edit.setObjectName("findEdit")
        self.edit.setClearButtonEnabled(True)
        self.edit.setPlaceholderText("Find text, or filter: speaker:carney amount>100m")
        self.edit.setAccessibleName("Find and filter")
        label.setBuddy(self.edit)

        self.count_label = QLabel()
        self.count_label.setObjectName("findCount")
        self.count_label.setAccessibleName("Matches")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)

        next_keys, previous_keys = (
            _binding(QKeySequence.StandardKey.FindNext),
            _binding(QKeySequence.StandardKey.FindPrevious),
        )
        self.previous_button = self._button(
            "previous", "◀", "Previous match", f"Shift+Enter, {previous_keys}"
        )
        self.next_button = self._button("next", "▶", "Next match", f"Enter, {next_keys}")
        self.close_button = self._button("close", "✕", "Close the find bar", "Escape")

        self.problems_label = QLabel()
        self.problems_label.setObjectName("findProblems")
        self.problems_label.setAccessibleName("Problems in the filter")
        self.problems_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problems_label.setWordWrap(True)
        palette = self.problems_label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, _PROBLEM_INK)
        self.problems_label.setPalette(palette)
        self.problems_label.hide()

        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.edit, 1)
        row.addWidget(self.count_label)
        row.addWidget(self.previous_button)
        row.addWidget(self.next_button)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)  # problems on a line of their own, so they show in full
        layout.setContentsMargins(6, 3, 6, 3)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.problems_label)
        self.setFocusProxy(self.edit)

        self.edit.textChanged.connect(self._text_changed)
        self.edit.installEventFilter(self)
        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.close_button.clicked.connect(self.close_bar)
        self._set_navigation(0)

    def _button(self, name: str, glyph: str, what: str, keys: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(f"find{name.capitalize()}")
        button.setText(glyph)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab stays in the box and the panes
        button.setAccessibleName(what)
        button.setToolTip(f"{what} ({keys})")
        return button

    # -- what the window calls ------------------------------------------------------------

    def query(self) -> Query:
        """The query as last parsed."""
        if self._query is None:
            from readout_browser.search.query import parse_query

            self._query = parse_query(self.edit.text())
        return self._query

    def open(self, text: str | None = None) -> None:
        """Show the bar with the focus in the box and its text selected (replacing it if `text`)."""
        if text is not None:
            self.edit.setText(text)
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def close_bar(self) -> None:
        """Hide the bar and say so; its text stays for the next time it opens."""
        self.hide()
        self.closed.emit()

    def show_count(self, current: int, total: int) -> None:
        """Show where the user is among the hits: current is 1-based, 0 when none is current yet."""
        if not self.query().terms:
            text = ""
        elif total == 0:
            text = "No matches"
        elif current > 0:
            text = f"{current} of {total}"
        else:
            text = f"{total} match{'es' if total != 1 else ''}"
        self.count_label.setText(text)
        self._set_navigation(total)

    # -- inside ---------------------------------------------------------------------------

    def _set_navigation(self, total: int) -> None:
        self.previous_button.setEnabled(total > 0)
        self.next_button.setEnabled(total > 0)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.edit.toolTip():
            self.edit.setToolTip(_help())

    def _text_changed(self, text: str) -> None:
        from readout_browser.search.query import parse_query

        self._query = parse_query(text)
        self._show_problems()
        self.count_label.clear()  # until the window counts the hits of the new query
        self._set_navigation(0)
        self.query_changed.emit(self._query)

    def _show_problems(self) -> None:
        messages = [e.message for e in self.query().errors]
        more = f" (and {len(messages) - 1} more)" if len(messages) > 1 else ""
        self.problems_label.setText(messages[0] + more if messages else "")
        self.problems_label.setVisible(bool(messages))
        self.problems_label.setToolTip("\n".join(messages))
        self.edit.setToolTip("\n".join(messages) if messages else _help())
        self.edit.setAccessibleDescription("; ".join(messages))
        palette = self.edit.palette()
        ink = _PROBLEM_INK if messages else self.palette().color(QPalette.ColorRole.Text)
        palette.setColor(QPalette.ColorRole.Text, ink)
        self.edit.setPalette(palette)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            signal = self._key_signal(event)
            if signal is not None:
                signal.emit()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)

    def _key_signal(self, event: QKeyEvent) -> Signal | None:
        """The signal a key in the box asks for: next or previous match, or None."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            return self.previous_requested if shift else self.next_requested
        if event.matches(QKeySequence.StandardKey.FindPrevious):
            return self.previous_requested
        if event.matches(QKeySequence.StandardKey.FindNext):
            return self.next_requested
        return None
