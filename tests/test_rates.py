"""Converting amounts at ECB reference rates: which day's rate, and what is not convertible."""

from __future__ import annotations

import datetime as dt

import pytest

from readout_browser.rates import Rates, parse_date


@pytest.fixture(scope="module")
def rates() -> Rates:
    return Rates()


def test_a_weekday_uses_that_days_reference_rate(rates: Rates) -> None:
    c = rates.convert(100.0, "USD", "EUR", dt.date(2025, 8, 22))
    assert c is not None
    assert c.rate_date == dt.date(2025, 8, 22)
    assert c.value == pytest.approx(100.0 * c.rate)
    assert 0.7 < c.rate < 1.0


def test_a_sunday_uses_the_friday_before(rates: Rates) -> None:
    c = rates.convert(2e9, "CAD", "EUR", dt.date(2025, 8, 24))
    assert c is not None and c.rate_date == dt.date(2025, 8, 22)


def test_currencies_the_ecb_does_not_quote_are_not_converted(rates: Rates) -> None:
    assert rates.convert(1e6, "UAH", "EUR", dt.date(2025, 8, 22)) is None
    assert rates.convert(1e6, None, "EUR", dt.date(2025, 8, 22)) is None


def test_a_currency_the_ecb_stopped_quoting_is_not_converted_after_it_stopped(rates: Rates) -> None:
    assert rates.convert(1e6, "RUB", "EUR", dt.date(2024, 1, 10)) is None
    assert rates.convert(1e6, "RUB", "EUR", dt.date(2022, 2, 24)) is not None


def test_euro_to_euro_is_one_to_one(rates: Rates) -> None:
    c = rates.convert(5.0, "EUR", "EUR", dt.date(2025, 1, 1))
    assert c is not None and c.value == 5.0 and c.rate == 1.0


@pytest.mark.parametrize(
    ("text", "date"),
    [("2025-08-24", dt.date(2025, 8, 24)), ("2025-06", dt.date(2025, 6, 1)), ("2022", dt.date(2022, 1, 1)),
     (None, None), ("June", None), ("2025-13-01", None)],
)
def test_dates_are_read_from_iso_text(text, date) -> None:
    assert parse_date(text) == date
