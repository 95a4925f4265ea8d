"""Amounts, dates and labels written the way a briefing document writes them."""

from __future__ import annotations

import datetime as dt

from readout_browser.model import Pledge, Readout
from readout_browser.rates import parse_date

_QUALIFIER_WORDS = {
    "exact": "",
    "over": "over ",
    "at_least": "at least ",
    "up_to": "up to ",
    "about": "about ",
    "under": "under ",
}
_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))
# Spelled out here, not with strftime, so a report reads the same whatever the user's locale.
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def short_number(value: float) -> str:
    """A large number in the short form of financial writing: 2 bn, 1.25 bn, 800 m, 250,000."""
    for size, word in _SCALES:
        if abs(value) >= size:
            scaled = f"{value / size:,.2f}".rstrip("0").rstrip(".")
            return f"{scaled} {word}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def money(amount: float | None, currency: str | None) -> str:
    """`CAD 2 bn`; `2 bn` with no currency; empty for no amount."""
    if amount is None:
        return ""
    return f"{currency} {short_number(amount)}" if currency else short_number(amount)


def pledge_amount(p: Pledge) -> str:
    """The pledge's amount with its qualifier ("over USD 200 m"), or "unquantified"."""
    if p.amount is None:
        return "unquantified"
    return _QUALIFIER_WORDS.get(p.qualifier, "") + money(p.amount, p.currency)


def label(value: str) -> str:
    """An enumerated value for people: under_consideration -> under consideration."""
    return value.replace("_", " ")


def long_date(text: str | None) -> str:
    """An ISO date as 24 August 2025 (a year-month as August 2025); other text as it is."""
    if not text:
        return ""
    day = parse_date(text)
    if day is None:
        return text
    parts = text.strip()[:10].split("-")
    if len(parts) == 1:
        return str(day.year)
    month = _MONTHS[day.month - 1]
    if len(parts) == 2:
        return f"{month} {day.year}"
    return f"{day.day} {month} {day.year}"


def short_date(day: dt.date) -> str:
    """A day as 22 Aug 2025, for narrow table columns."""
    return f"{day.day} {_MONTHS[day.month - 1][:3]} {day.year}"


def person_name(readout: Readout, person_id: str | None) -> str:
    """A person's name (their title when the readout never names them), or the id as written."""
    if not person_id:
        return ""
    person = readout.person(person_id)
    if person is None:
        return person_id
    return person.name or person.title or person.id


def report_title(readout: Readout) -> str:
    """The title of a report: the page's own title, else the encounter and who took part."""
    if readout.source.title:
        return readout.source.title
    names = [p.name or p.title or p.id for p in readout.people]
    if not names:
        return readout.display_title
    kind = readout.meeting.kind if readout.meeting.kind != "other" else "readout"
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"{kind[0].upper()}{kind[1:]}: {who}"
