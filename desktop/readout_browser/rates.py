"""Converting pledge amounts at the European Central Bank reference rates, offline.

The rates ship inside the `CurrencyConverter` package (the ECB's published history), so
no network is needed. A conversion always says which day's rate it used: the reference
rate of the requested day, or of the last working day before it (the ECB publishes
none at weekends and holidays), or of the last day the data holds when the requested day
is newer. Currencies the ECB does not quote (the hryvnia, for one), and days after
the ECB stopped quoting a currency (the rouble after 1 March 2022), are not converted:
`convert` returns None rather than a guess.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from currency_converter import CurrencyConverter, RateNotFoundError

_LOOKBACK_DAYS = 10
SOURCE = "European Central Bank euro foreign exchange reference rates"


@dataclass(frozen=True)
class Conversion:
    """An amount converted, with the rate and the day of the rate that was used."""

    value: float
    currency: str
    rate: float
    rate_date: dt.date


def parse_date(text: str | None) -> dt.date | None:
    """A date from an ISO string (YYYY-MM-DD, YYYY-MM or YYYY), or None."""
    if not text:
        return None
    parts = text.strip()[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2]) if len(parts) > 2 else 1
        return dt.date(year, month, day)
    except (ValueError, IndexError):
        return None


class Rates:
    """The ECB reference rates, loaded on first use (loading takes about half a second)."""

    @cached_property
    def _converter(self) -> CurrencyConverter:
        return CurrencyConverter()

    def currencies(self) -> list[str]:
        """The ISO codes that can be converted, in alphabetical order."""
        return sorted(self._converter.currencies)

    def covers(self, currency: str | None) -> bool:
        """Whether amounts in this currency can be converted at all."""
        return bool(currency) and currency in self._converter.currencies

    def convert(self, amount: float, currency: str | None, to: str, on: dt.date) -> Conversion | None:
        """`amount` in `currency` expressed in `to` at the rate of `on`, or None if not covered."""
        if not currency or not self.covers(currency) or not self.covers(to):
            return None
        day = self._rate_day(currency, to, on)
        if day is None:
            return None
        value = self._converter.convert(amount, currency, to, date=day)
        rate = self._converter.convert(1.0, currency, to, date=day)
        return Conversion(value=value, currency=to, rate=rate, rate_date=day)

    def _rate_day(self, currency: str, to: str, on: dt.date) -> dt.date | None:
        """The day whose rates apply to `on`: that day, or the last one before it with rates."""
        bounds = [self._converter.bounds[c] for c in {currency, to} if c != "EUR"]
        if not bounds:
            return on
        first = max(b.first_date for b in bounds)
        last = min(b.last_date for b in bounds)
        if on < first:
            return None
        if on > last and last < self._converter.bounds["USD"].last_date:
            return None  # the ECB stopped quoting this currency before that day
        day = min(on, last)
        for _ in range(_LOOKBACK_DAYS):
            try:
                self._converter.convert(1.0, currency, to, date=day)
                return day
            except RateNotFoundError:
                day -= dt.timedelta(days=1)
        return None
