"""The colours that mark quotes, pledges, people and topics in the source text.

Each kind gets one hue, as a soft background under the text's own colour, so the text
stays readable; a dark window palette gets deep shades of the same hues. The quote
viewer and the legend use the same swatches, so a colour means one thing everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat


class Mark(Enum):
    """What a stretch of the source text is."""

    DIRECT = "Direct quote"
    REPORTED = "Reported speech"
    PLEDGE = "Pledge"
    PERSON = "Person"
    TOPIC = "Chosen topic"


@dataclass(frozen=True)
class Swatch:
    """The look of one kind of mark on light and on dark backgrounds."""

    light: str
    dark: str
    background: bool = True


SWATCHES: dict[Mark, Swatch] = {
    Mark.DIRECT: Swatch(light="#fbe7a1", dark="#5e4a0c"),
    Mark.REPORTED: Swatch(light="#d3e5fb", dark="#1f3f66"),
    Mark.PLEDGE: Swatch(light="#c8efcf", dark="#1d5630"),
    Mark.PERSON: Swatch(light="#7b2fb8", dark="#d4b0ff", background=False),
    Mark.TOPIC: Swatch(light="#fbd5c2", dark="#6a3420"),
}


def is_dark(palette: QPalette) -> bool:
    """Whether text is drawn on a dark base (a dark desktop theme)."""
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def colour(mark: Mark, palette: QPalette) -> QColor:
    """The colour of a mark under the given palette."""
    swatch = SWATCHES[mark]
    return QColor(swatch.dark if is_dark(palette) else swatch.light)


def char_format(mark: Mark, palette: QPalette) -> QTextCharFormat:
    """The text format that marks a stretch of text as `mark`.

    The colour is passed as it is (Qt makes the solid brush): building a QBrush here
    would load PySide's QGradient class, enums and all, before the first paint.
    """
    fmt = QTextCharFormat()
    if SWATCHES[mark].background:
        fmt.setBackground(colour(mark, palette))
    else:
        fmt.setForeground(colour(mark, palette))
        fmt.setFontWeight(QFont.Weight.DemiBold)
    return fmt


HIT = Swatch(light="#fff200", dark="#8a6d00")
"""Every match of the find bar: a strong yellow, underlined, so it stands out on a quote's pale yellow."""
CURRENT_HIT = Swatch(light="#ff8c1a", dark="#c25a00")
"""The match the user stepped to: orange, as browsers mark the current match."""
_HIT_UNDERLINE = QColor("#b34700")


def hit_format(palette: QPalette, current: bool = False) -> QTextCharFormat:
    """The format of a find-bar match (the current one in its own colour).

    The text colour is set too, so a match inside the chosen item (drawn in the
    selection colours) stays readable; an underline tells it from the marks beneath.
    """
    swatch = CURRENT_HIT if current else HIT
    dark = is_dark(palette)
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(swatch.dark if dark else swatch.light))
    fmt.setForeground(QColor("#ffffff" if dark else "#000000"))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(QColor("#ffb366") if dark else _HIT_UNDERLINE)
    return fmt


def current_format(palette: QPalette) -> QTextCharFormat:
    """The format of the item the user has chosen: the system's selection colours."""
    fmt = QTextCharFormat()
    fmt.setBackground(palette.brush(QPalette.ColorRole.Highlight))
    fmt.setForeground(palette.brush(QPalette.ColorRole.HighlightedText))
    return fmt


def dimmed_format(palette: QPalette) -> QTextCharFormat:
    """The format of text outside the chosen topic: faded, with its marks still in place."""
    fmt = QTextCharFormat()
    fmt.setForeground(palette.brush(QPalette.ColorRole.PlaceholderText))
    return fmt
