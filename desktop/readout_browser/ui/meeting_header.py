"""The header above the text: who published it, what kind of meeting, where, when, in which
formats, and who took part.

The source text is what people read, so the header stays small: the title and the facts
take one line each (cut to the width, whole in a tooltip), and the participants one line
of names; "Details" opens their titles and countries in full, in a box of a few lines
that scrolls (made when first asked for: a window's first paint does not wait for it). A
name that came from the roster of office holders, not from the text, carries a mark and
says so in its tooltip. Every label is plain text, so whatever a
readout says shows as written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from readout_browser.model import Person, Readout
from readout_browser.ui.elided_label import ElidedLabel
from readout_browser.ui.formatting import ROSTER_TIP, capitalised, date, person_label

if TYPE_CHECKING:  # the details box is made when first opened
    from PySide6.QtWidgets import QGridLayout, QScrollArea

_DETAIL_LINES = 6
"""The open participant details show this many lines at most, and scroll for the rest."""


def _style(label: QLabel, *, bold: bool = False, scale: float = 1.0, muted: bool = False) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = QFont(label.font())
    if bold:
        font.setWeight(QFont.Weight.DemiBold)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    if muted:
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class MeetingHeader(QFrame):
    """Publisher, title, meeting facts and participants of the current readout, in a few lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingHeader")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.title_label = _style(ElidedLabel(), bold=True, scale=1.15)
        self.facts_label = _style(ElidedLabel(), muted=True)
        self.names_label = _style(ElidedLabel())
        self.names_label.setObjectName("participantNames")
        self.details_button = QToolButton()
        self.details_button.setObjectName("participantDetails")
        self.details_button.setText("Details")
        self.details_button.setCheckable(True)
        self.details_button.setAutoRaise(True)
        self.details_button.setToolTip("Show each participant's title and country")
        self.details_button.setArrowType(Qt.ArrowType.RightArrow)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._readout: Readout | None = None
        self._details: QScrollArea | None = None
        self._participants: QGridLayout | None = None

        names = QHBoxLayout()
        names.setSpacing(6)
        names.addWidget(self.names_label, 1)
        names.addWidget(self.details_button)
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(2)
        layout.addWidget(self.title_label)
        layout.addWidget(self.facts_label)
        layout.addLayout(names)
        self.details_button.toggled.connect(self._toggle_details)
        self.set_readout(None)

    @property
    def details(self) -> QScrollArea:
        """The box of participant details under the names (hidden until "Details" is pressed)."""
        self._grid()
        assert self._details is not None
        return self._details

    def _grid(self) -> QGridLayout:
        """The participants' grid in the details box, both made (and filled) when first needed."""
        if self._participants is None:
            from PySide6.QtWidgets import QGridLayout, QScrollArea

            grid_widget = QWidget()
            self._participants = QGridLayout(grid_widget)
            self._participants.setContentsMargins(0, 0, 0, 0)
            self._participants.setHorizontalSpacing(10)
            self._participants.setVerticalSpacing(2)
            box = QScrollArea()
            box.setObjectName("participantDetailsBox")
            box.setWidgetResizable(True)
            box.setFrameShape(QFrame.Shape.NoFrame)
            box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            box.setWidget(grid_widget)
            box.setMaximumHeight(self.fontMetrics().lineSpacing() * _DETAIL_LINES + 8)
            box.hide()
            self._layout.addWidget(box)
            self._details = box
            self._fill_participants()
        return self._participants

    def set_readout(self, readout: Readout | None) -> None:
        """Describe another readout's meeting (or say that none is open)."""
        self._readout = readout
        if self._details is not None:
            self._fill_participants()
        if readout is None:
            self.title_label.setText("No readout open")
            self.facts_label.setText("Open a readout with File ▸ Open, or drop one on the window.")
            self.names_label.setText("")
            self.details_button.hide()
            return
        self.title_label.setText(readout.display_title)
        self.facts_label.setText(self._facts(readout))
        people = readout.people
        self.names_label.setText(("With " if people else "") + ", ".join(person_label(p) for p in people))
        if any(p.from_roster for p in people):
            self.names_label.setToolTip(f"* {ROSTER_TIP}")
        self.details_button.setVisible(bool(people))

    def _fill_participants(self) -> None:
        self._clear_participants()
        for i, person in enumerate(self._readout.people if self._readout is not None else ()):
            self._add_participant(i, person)

    def _toggle_details(self, shown: bool) -> None:
        self.details_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.details.setVisible(shown)

    @staticmethod
    def _facts(readout: Readout) -> str:
        from readout_browser.summaries import readout_date  # not needed before the first readout shows

        meeting = readout.meeting
        parts = [readout.source.publisher] if readout.source.publisher else []
        if meeting.kind != "other":
            parts.append(capitalised(meeting.kind))
        if meeting.place:
            parts.append(meeting.place)
        when = date(readout_date(readout))
        if when:
            parts.append(when)
        if meeting.formats:
            noun = "Format" if len(meeting.formats) == 1 else "Formats"
            parts.append(f"{noun}: {', '.join(meeting.formats)}")
        return " · ".join(parts)

    def _add_participant(self, row: int, person: Person) -> None:
        grid = self._grid()
        name = _style(QLabel(person_label(person)), bold=True)
        name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if person.from_roster:
            name.setToolTip(ROSTER_TIP)
        grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
        details = [x for x in (person.title if person.name else None, person.country) if x]
        line = _style(QLabel(" · ".join(details)), muted=True)
        line.setWordWrap(True)  # a title is read whole, never cut mid-phrase
        line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(line, row, 1)
        grid.setColumnStretch(1, 1)

    def _clear_participants(self) -> None:
        while self._participants is not None and self._participants.count():
            item = self._participants.takeAt(0)
            widget = item.widget() if item else None
            if widget is not None:
                widget.hide()  # at once: the deletion waits for the event loop, the next readout does not
                widget.deleteLater()

    def participant_labels(self) -> list[QLabel]:
        """The labels of the participant details, name and title by turns."""
        found = []
        grid = self._grid()
        for i in range(grid.count()):
            item = grid.itemAt(i)
            widget = item.widget() if item else None
            if isinstance(widget, QLabel):
                found.append(widget)
        return found

    def texts(self) -> list[str]:
        """Every line the header holds, participant details included, top to bottom."""
        labels: list[QLabel] = [self.title_label, self.facts_label, self.names_label]
        texts = [label.full_text() if isinstance(label, ElidedLabel) else label.text() for label in labels]
        return [t for t in texts + [label.text() for label in self.participant_labels()] if t]
