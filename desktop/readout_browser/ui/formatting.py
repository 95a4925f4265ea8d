"""How values of the domain read on screen: amounts, dates, people and enum words.

Numbers and month names follow the user's locale (QLocale), so this belongs to the Qt
layer; the domain keeps ISO dates and plain floats.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import Qt as GuiQt

from readout_browser.model import Person

_WORDS = {
    "at_least": "at least",
    "up_to": "up to",
    "under_consideration": "under consideration",
}


def plain_tooltip(text: str | None) -> str | None:
    """A tooltip that shows `text` exactly as written.

    Qt renders a tooltip as HTML when it looks like HTML, so readout text holding
    "<b>" would turn bold; such text is escaped into rich text that shows it literally.
    """
    if text and GuiQt.mightBeRichText(text):
        return GuiQt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
    return text


def words(value: str | None) -> str:
    """An enum value as a reader would say it ("at_least" reads "at least")."""
    if not value:
        return ""
    return _WORDS.get(value, value.replace("_", " "))


def capitalised(value: str | None) -> str:
    """The enum value in words, with a capital first letter, as a table cell shows it."""
    text = words(value)
    return text[:1].upper() + text[1:]


def amount(value: float) -> str:
    """An amount with the locale's digit grouping; decimals only where the amount has them."""
    decimals = 0 if float(value).is_integer() else 2
    locale = QLocale()
    # The C locale omits digit grouping, and "2000000000" is hard to read at a glance.
    locale.setNumberOptions(locale.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
    return locale.toString(float(value), "f", decimals)


def money(value: float, currency: str | None) -> str:
    """An amount followed by its ISO code ("2,000,000,000 CAD"), or a note that it is unknown."""
    return f"{amount(value)} {currency or '(currency unknown)'}"


def date(iso: str | None) -> str:
    """An ISO date (full, year-month or year) in the locale's words: "24 August 2025"."""
    if not iso:
        return ""
    text = iso.strip()
    for fmt, shown in (("yyyy-MM-dd", "d MMMM yyyy"), ("yyyy-MM", "MMMM yyyy"), ("yyyy", "yyyy")):
        day = QDate.fromString(text[: len(fmt)], fmt)
        if day.isValid() and len(text) >= len(fmt):
            return QLocale().toString(day, shown)
    return text


def person_name(person: Person) -> str:
    """What to call a person: the name, or the title when the readout never names them."""
    return person.name or person.title or person.id


ROSTER_MARK = "*"
"""Follows a name that the text did not give: it was looked up in the roster of office holders."""
ROSTER_TIP = "name from the roster of office holders for this date"


def person_label(person: Person) -> str:
    """A person's name as the window shows it, marked when it came from the roster."""
    name = person_name(person)
    return f"{name}{ROSTER_MARK}" if person.from_roster and person.name else name


def person_line(person: Person) -> str:
    """A person with the title and country the readout gives them, on one line."""
    parts = [person_name(person)]
    if person.name and person.title:
        parts.append(person.title)
    line = ", ".join(parts)
    if person.country and person.country not in line:
        line += f" ({person.country})"
    return line


ALIGN_NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
"""Where numbers sit in a cell: right-aligned so their digits line up."""
