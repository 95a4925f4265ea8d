"""The pledge table's cells: what each shows, how missing values look, and how they follow the desktop."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from readout_browser.model import Pledge, Readout, Source
from readout_browser.ui.models.pledge_model import AMOUNT, CONVERTED, CURRENCY, DONOR, PURPOSE
from readout_browser.ui.models.roles import Role
from readout_browser.ui.pledge_view import PledgeView

TEXT = "Canada will provide 2 billion dollars, of which 800 million for air defence, and further support."


def readout() -> Readout:
    package = (TEXT.index("2 billion"), TEXT.index(", of which"))
    share = (TEXT.index("800 million"), TEXT.index(", and"))
    further = (TEXT.index("further support"), len(TEXT) - 1)
    return Readout(
        source=Source(title="Support", date="2025-08-24"),
        text=TEXT,
        pledges=(
            Pledge("p1", package, donor="Canada", amount=2e9, currency="CAD", currency_text="dollars"),
            Pledge(
                "p2", share, donor="Canada", amount=8e8, currency="CAD", purpose="air defence", parent="p1"
            ),
            Pledge("p3", further, donor="Canada"),
        ),
        sentences=((0, len(TEXT)),),
    )


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[PledgeView]:
    widget = PledgeView()
    qtbot.addWidget(widget)
    widget.set_readout(readout())
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def test_each_pledge_shows_its_cells_with_its_parts_beneath_it(view: PledgeView) -> None:
    model = view.model
    assert [p.id for p in model.pledges()] == ["p1", "p2", "p3"]
    assert model.rowCount() == 2
    package = model.index_of("p1")
    assert model.rowCount(package) == 1
    assert model.index(0, PURPOSE, package).data() == "air defence"
    assert model.index_of("p1", AMOUNT).data() == "2,000,000,000"
    assert model.index_of("p1", DONOR).data(Role.ITEM).id == "p1"
    assert model.index_of("p1", CONVERTED).data() == "…"
    assert model.index_of("nothing").isValid() is False


def test_cells_are_read_only(view: PledgeView) -> None:
    flags = view.model.index_of("p1", AMOUNT).flags()
    assert flags & Qt.ItemFlag.ItemIsSelectable and flags & Qt.ItemFlag.ItemIsEnabled
    assert not flags & Qt.ItemFlag.ItemIsEditable
    assert not flags & Qt.ItemFlag.ItemIsDragEnabled


def test_missing_values_are_muted_and_follow_a_new_palette(qtbot: QtBot, view: PledgeView) -> None:
    model = view.model
    missing = model.index_of("p3", AMOUNT)
    assert missing.data() == "—"
    assert model.index_of("p1", AMOUNT).data(Qt.ItemDataRole.ForegroundRole) is None
    before = QApplication.palette()
    muted = before.color(QPalette.ColorRole.PlaceholderText)
    assert missing.data(Qt.ItemDataRole.ForegroundRole).color() == muted
    palette = QPalette(before)
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#123456"))
    try:
        QApplication.setPalette(palette)
        qtbot.waitUntil(lambda: missing.data(Qt.ItemDataRole.ForegroundRole).color() == QColor("#123456"))
        currency = model.index_of("p3", CURRENCY)
        assert currency.data(Qt.ItemDataRole.ForegroundRole).color() == QColor("#123456")
    finally:
        QApplication.setPalette(before)


def test_converted_amounts_fill_in_and_a_missing_rate_says_so(view: PledgeView) -> None:
    model = view.model
    model.set_rates_unavailable("the file is damaged")
    cell = model.index_of("p1", CONVERTED)
    assert cell.data() == "not convertible"
    assert "file is damaged" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert cell.data(Qt.ItemDataRole.ForegroundRole) is not None
    model.set_target("USD")
    assert model.headerData(CONVERTED, Qt.Orientation.Horizontal) == "In USD"
    assert model.index_of("p1", CONVERTED).data() == "…"
    assert model.index_of("p1", CONVERTED).data(Qt.ItemDataRole.ForegroundRole) is None
