"""Loads the ECB reference rates once per run, off the user interface thread.

Reading the rates takes about half a second, so the window shows the readout first
and asks for the rates afterwards; amounts convert when `ready` arrives. Every window
of the process shares the one loaded table. A load asked for once the application is
quitting is not started: nobody will see the amounts, and the loading thread would only
compete with the shutdown for the interpreter.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

if TYPE_CHECKING:
    from readout_browser.rates import Rates


class RatesService(QObject):
    """The process's single loader of `rates.Rates`."""

    ready = Signal(object)
    """The rates are loaded (a `rates.Rates`)."""
    failed = Signal(str)
    """The rates could not be loaded; the message says why."""

    _instance: RatesService | None = None

    def __init__(self) -> None:
        app = QCoreApplication.instance()
        super().__init__(app)
        self._rates: Rates | None = None
        self._error: str | None = None
        self._thread: threading.Thread | None = None
        self._quitting = False
        if app is not None:
            app.aboutToQuit.connect(self._quit)

    @classmethod
    def instance(cls) -> RatesService:
        """The shared service (created on first use, owned by the application)."""
        if cls._instance is None:
            cls._instance = RatesService()
        return cls._instance

    def rates(self) -> Rates | None:
        """The loaded rates, or None while they are still loading (or failed to)."""
        return self._rates

    def load(self) -> None:
        """Start loading unless already done; `ready` or `failed` follows either way.

        Once the application is quitting nothing starts, and nothing follows.
        """
        if self._rates is not None:
            QTimer.singleShot(0, lambda: self.ready.emit(self._rates))
        elif self._error is not None:
            QTimer.singleShot(0, lambda: self.failed.emit(self._error))
        elif self._thread is None and not self._quitting:
            self._thread = threading.Thread(target=self._load, name="ecb-rates", daemon=True)
            self._thread.start()

    def _quit(self) -> None:
        self._quitting = True

    def _load(self) -> None:
        try:
            from readout_browser.rates import Rates

            rates = Rates()
            rates.currencies()  # reads the ECB table now, in this thread
        except Exception as exc:  # any failure leaves amounts unconverted, never the app down
            self._error = f"The ECB reference rates could not be loaded: {exc}"
            self.failed.emit(self._error)
            return
        self._rates = rates
        self.ready.emit(rates)
