"""Currency names, symbols and codes as readouts write them, resolved to ISO 4217.

The lexicon is built at first use from CLDR (through Babel): every currency's English name,
its plural ("Canadian dollars") and its symbol ("CA$", "€"). `resources/currencies.toml` adds
what CLDR lacks, and the forms several currencies share ("$", "dollars", "¥", "kr"), which
are resolved from who publishes the readout and who gives the money.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from babel import Locale
from babel.numbers import get_currency_name, get_territory_currencies

from readout_browser.model import Source
from readout_browser.parse import datafiles
from readout_browser.parse.places import places
from readout_browser.parse.wordlists import small_letters

# CLDR codes that are not money a government gives: precious metals, test and accounting units.
_NOT_MONEY = frozenset(
    {"XAG", "XAU", "XPD", "XPT", "XTS", "XXX", "XBA", "XBB", "XBC", "XBD", "XSU", "XUA", "XRE", "XFO", "XFU"}
)


@dataclass(frozen=True)
class CurrencyForm:
    """What a written currency ("Canadian dollars", "$", "EUR") says about the code.

    `code` is the ISO code when the form names one currency; for a shared form it is None
    and `units` lists the words a currency's name must contain to be the one meant.
    """

    code: str | None
    units: tuple[str, ...] = ()
    default: str | None = None

    @property
    def ambiguous(self) -> bool:
        """Whether the form leaves the currency to be inferred."""
        return self.code is None


# What a currency name may not run on into: "euros" is a name in "10 euros", not in "10 eurosceptics".
_RUNS_ON = re.compile(r"[\w$]")


@dataclass(frozen=True)
class Lexicon:
    """Every known written form of a currency, by kind."""

    names: dict[str, CurrencyForm]  # lower-case names written after a number
    symbols: dict[str, CurrencyForm]  # exact symbols and prefixes ("$", "€", "CA$")
    codes: frozenset[str]  # ISO codes in use today
    data: dict[str, Any]  # the rest of currencies.toml (scales, qualifiers, ...)
    english: dict[str, str]  # each code's English name ("Canadian Dollar")
    # Every written form by its first letter in small letters, then by its length, longest
    # first: (length, exact forms, names in small letters).
    _by_first: dict[str, tuple[tuple[int, frozenset[str], frozenset[str]], ...]]
    # Letter signs read only right before a number ("R300 million"): after one, "5 Kenyans" is no money.
    signs: dict[str, CurrencyForm]

    def form(self, written: str) -> CurrencyForm | None:
        """The currency a written form names: a symbol, an ISO code or a name."""
        if written in self.symbols:
            return self.symbols[written]
        if written in self.codes:
            return CurrencyForm(written)
        return self.names.get(_fold(written))

    def written_at(self, text: str, pos: int) -> str | None:
        """The longest currency name or symbol written at `pos`, as the text writes it.

        A symbol must stand exactly as listed; a name in any mix of capitals, as a whole word.
        """
        forms = self._by_first.get(small_letters(text[pos : pos + 1]))
        if not forms:
            return None
        window = text[pos : pos + forms[0][0]]
        # Small letters once for the whole window, letter for letter (a capital sigma is
        # lowered by what follows it, so a window that has one is lowered form by form).
        small = small_letters(window) if "Σ" not in window else None
        for n, exact, lowered in forms:
            if len(window) < n:
                continue
            written = window[:n]
            if written in exact:
                return written
            folded = small[:n] if small is not None else small_letters(written)
            if folded in lowered and not _RUNS_ON.match(text, pos + n):
                return written
        return None


def _fold(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip()).casefold()


@cache
def _english() -> Locale:
    """CLDR's English data, loaded once."""
    return Locale("en")


def _current_codes() -> frozenset[str]:
    codes: set[str] = set()
    for territory in _english().territories:
        if territory.isalpha() and len(territory) == 2:
            codes.update(get_territory_currencies(territory, tender=True))
    return frozenset(codes)


def _by_first(
    names: dict[str, CurrencyForm], symbols: dict[str, CurrencyForm]
) -> dict[str, tuple[tuple[int, frozenset[str], frozenset[str]], ...]]:
    """The written forms grouped by first letter and length: symbols (and names that are also
    symbols) stand exactly as written; the other names are compared in small letters."""
    exact: dict[str, dict[int, set[str]]] = {}
    lowered: dict[str, dict[int, set[str]]] = {}
    for w in filter(None, symbols):
        exact.setdefault(small_letters(w[0]), {}).setdefault(len(w), set()).add(w)
    for w in filter(None, names):
        if w not in symbols:
            small = small_letters(w)
            lowered.setdefault(small[0], {}).setdefault(len(w), set()).add(small)
    grouped = {}
    for first in exact.keys() | lowered.keys():
        by_exact, by_lowered = exact.get(first, {}), lowered.get(first, {})
        grouped[first] = tuple(
            (n, frozenset(by_exact.get(n, ())), frozenset(by_lowered.get(n, ())))
            for n in sorted(by_exact.keys() | by_lowered.keys(), reverse=True)
        )
    return grouped


def lexicon() -> Lexicon:
    """The currency lexicon: CLDR's English names and symbols plus currencies.toml, compiled once
    per version of that file."""
    return datafiles.compiled("currencies.toml", _compile_lexicon)


def _compile_lexicon(data: dict[str, Any]) -> Lexicon:
    en = _english()
    current = _current_codes()
    names: dict[str, CurrencyForm] = {}
    symbols: dict[str, CurrencyForm] = {}
    signs: dict[str, CurrencyForm] = {}
    # Historical currencies first, so that a name shared with a current one goes to the current one.
    for code in sorted(set(en.currencies) - _NOT_MONEY, key=lambda c: c in current):
        for name in (en.currencies[code], get_currency_name(code, 1, en), get_currency_name(code, 2, en)):
            if "(" not in name:
                names[_fold(name)] = CurrencyForm(code)
        symbol = en.currency_symbols.get(code)
        if symbol and symbol != code and not symbol.isalpha() and symbol != "¤":
            symbols[symbol] = CurrencyForm(code)
    for code, alts in data.get("names", {}).items():
        for alt in alts:
            names[_fold(alt)] = CurrencyForm(code)
    for symbol, code in data.get("symbols", {}).items():
        symbols[symbol] = CurrencyForm(code)
    for shared in data.get("ambiguous", {}).values():
        form = CurrencyForm(None, tuple(shared.get("units", ())), shared.get("default"))
        for written in shared["forms"]:
            if written.isalpha() or written.rstrip(".").isalpha():
                names[_fold(written)] = form
            else:
                symbols[written] = form
        for written in shared.get("signs", ()):
            signs[written] = form
    return Lexicon(names, symbols, current, data, dict(en.currencies), _by_first(names, symbols), signs)


def own_currency(party: str | None, units: tuple[str, ...]) -> str | None:
    """The currency of a country whose English name contains one of `units`, if any.

    Canada with ("dollar",) gives CAD; Japan with ("dollar",) gives None.
    """
    if not party or not units:
        return None
    code = places().currency(party)
    if not code:
        return None
    name = lexicon().english.get(code, "").casefold()
    return code if any(unit in name for unit in units) else None


def infer(form: CurrencyForm, donor: str | None, publisher: str | None) -> tuple[str | None, bool]:
    """The ISO code meant by a written form, and whether it had to be inferred.

    A shared form ("$", "dollars") is read in the publisher's own currency when it has one of
    that kind, else in the donor's own, else in the form's default.
    """
    if form.code:
        return form.code, False
    for party in (publisher, donor):
        code = own_currency(party, form.units)
        if code:
            return code, True
    return form.default, True


def _publisher_tables() -> tuple[dict[str, str], dict[str, str]]:
    return datafiles.compiled("currencies.toml", _compile_publisher_tables)


def _compile_publisher_tables(data: dict[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    publishers = data.get("publishers", {})
    return dict(publishers.get("hosts", {})), dict(publishers.get("names", {}))


def source_country(source: Source) -> str | None:
    """The country (or organisation) that publishes a readout, from its address or publisher."""
    hosts, names = _publisher_tables()
    try:
        host = (urlsplit(source.url).hostname or "") if source.url else ""
    except ValueError:  # "http://[x": written in a header, but no address
        host = ""
    host = host.lower().removeprefix("www.")
    if host:
        labels = host.split(".")
        for n in range(len(labels), 0, -1):
            suffix = ".".join(labels[-n:])
            if suffix in hosts:
                return hosts[suffix]
        tld = labels[-1].upper()
        if len(tld) == 2:
            name = _english().territories.get(tld)
            if name:
                return places().canonical(name) or name
    publisher = source.publisher or ""
    for words, country in names.items():
        if words.casefold() in publisher.casefold():
            return country
    found = places().find(publisher)
    return found[0].name if found else None
