"""The header above the text: who published it, what kind of meeting, where, when, in which
formats, and who took part.

Every label is plain text, so whatever a readout says shows as written.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from readout_browser.model import Person, Readout
from readout_browser.summaries import readout_date
from readout_browser.ui.formatting import capitalised, date, person_name

_ONE_COLUMN_UP_TO = 3
"""Up to this many participants stand one per line; more share lines two by two."""


def _label(text: str = "", *, bold: bool = False, scale: float = 1.0, muted: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
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
    """Publisher, title, meeting facts and participants of the current readout."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingHeader")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.publisher_label = _label(muted=True, scale=0.9)
        self.publisher_label.setWordWrap(True)
        self.title_label = _label(bold=True, scale=1.25)
        self.title_label.setWordWrap(True)
        self.facts_label = _label()
        self.facts_label.setWordWrap(True)
        self._participants = QGridLayout()
        self._participants.setHorizontalSpacing(10)
        self._participants.setVerticalSpacing(2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(4)
        layout.addWidget(self.publisher_label)
        layout.addWidget(self.title_label)
        layout.addWidget(self.facts_label)
        layout.addSpacing(4)
        layout.addLayout(self._participants)
        self.set_readout(None)

    def set_readout(self, readout: Readout | None) -> None:
        """Describe another readout's meeting (or say that none is open)."""
        self._clear_participants()
        if readout is None:
            self.publisher_label.setText("")
            self.title_label.setText("No readout open")
            self.facts_label.setText("Open a readout with File ▸ Open, or drop one on the window.")
            return
        self.publisher_label.setText(readout.source.publisher or "")
        self.publisher_label.setVisible(bool(readout.source.publisher))
        self.title_label.setText(readout.display_title)
        self.facts_label.setText(self._facts(readout))
        per_row = 1 if len(readout.people) <= _ONE_COLUMN_UP_TO else 2
        for i, person in enumerate(readout.people):
            self._add_participant(i, person, per_row)

    @staticmethod
    def _facts(readout: Readout) -> str:
        meeting = readout.meeting
        parts = [capitalised(meeting.kind)] if meeting.kind != "other" else []
        if meeting.place:
            parts.append(meeting.place)
        when = date(readout_date(readout))
        if when:
            parts.append(when)
        if meeting.formats:
            noun = "Format" if len(meeting.formats) == 1 else "Formats"
            parts.append(f"{noun}: {', '.join(meeting.formats)}")
        return " · ".join(parts)

    def _add_participant(self, i: int, person: Person, per_row: int) -> None:
        row, slot = divmod(i, per_row)
        column = 3 * slot  # name, details, and a gap before the next participant
        self._participants.addWidget(_label(person_name(person), bold=True), row, column)
        details = [x for x in (person.title if person.name else None, person.country) if x]
        line = _label(" · ".join(details), muted=True)
        line.setWordWrap(True)
        self._participants.addWidget(line, row, column + 1)
        self._participants.setColumnMinimumWidth(column + 2, 24 if slot + 1 < per_row else 0)
        self._participants.setColumnStretch(column + 1, 1)

    def _clear_participants(self) -> None:
        while self._participants.count():
            item = self._participants.takeAt(0)
            widget = item.widget() if item else None
            if widget is not None:
                widget.deleteLater()

    def texts(self) -> list[str]:
        """Every line the header shows, participants included, top to bottom."""
        labels = [self.publisher_label, self.title_label, self.facts_label]
        for i in range(self._participants.count()):
            item = self._participants.itemAt(i)
            widget = item.widget() if item else None
            if isinstance(widget, QLabel):
                labels.append(widget)
        return [label.text() for label in labels if label.text()]
