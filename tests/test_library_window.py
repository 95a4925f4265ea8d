"""The library in the window: the lazy table, the Library view and search from the keyboard, the tracker."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from readout_browser.library import default_library_path, open_library
from readout_browser.library.records import LibraryFilter, StoredReadout
from readout_browser.model import Person, Pledge, Quote, Readout, Source
from readout_browser.ui.library.table_model import PAGE, LibraryTableModel

PUBLISHERS = ("Government of Iceland", "Ministry for Foreign Affairs of Finland", "Office of the Taoiseach")


def _readout(n: int) -> Readout:
    """A small readout of a call between two ministers, with a quote and a pledge of its own."""
    host = f"Minister Sigrun Olafsdottir{n}"
    guest = f"Ambassador Tomas Virtanen{n}"
    lines = [
        f"{host} spoke with {guest} about Baltic shipping.",
        f"“Our coasts need watching,” said {host}.",
        f"Iceland will give Ukraine €{n + 1} million for mine clearance.",
    ]
    text = "\n".join(lines)
    starts = [0, len(lines[0]) + 1, len(lines[0]) + len(lines[1]) + 2]
    sentences = tuple((s, s + len(line)) for s, line in zip(starts, lines, strict=True))
    quote_at = text.index("Our coasts")
    pledge_at = text.index(f"€{n + 1} million")
    return Readout(
        Source(
            title=f"Call number {n} on Baltic shipping",
            date=f"20{20 + n % 5}-{1 + n % 12:02d}-{1 + n % 28:02d}",
            publisher=PUBLISHERS[n % 3],
            url=f"https://gov.example/{n}",
        ),
        text,
        people=(
            Person("p1", host, country="Iceland", mentions=((0, len(host)),)),
            Person(
                "p2",
                guest,
                country="Finland",
                mentions=((text.index(guest), text.index(guest) + len(guest)),),
            ),
        ),
        quotes=(Quote("q1", "direct", "Our coasts need watching", (quote_at, quote_at + 24), speaker="p1"),),
        pledges=(
            Pledge(
                "pl1",
                (pledge_at, pledge_at + 12),
                donor="Iceland",
                recipient="Ukraine",
                amount=(n + 1) * 1e6,
                currency="EUR",
                category="humanitarian",
                evidence=sentences[2],
            ),
        ),
        sentences=sentences,
        paragraphs=sentences,
    )


def _fill(path: Path, count: int) -> None:
    store = open_library(path)
    items = []
    for n in range(count):
        r = _readout(n)
        items.append(
            StoredReadout(r, f"hash{n}", "test", {p.id: (p.amount, r.source.date) for p in r.pledges})
        )
    store.add(items)
    store.close()


@pytest.fixture
def library(tmp_path: Path):
    path = tmp_path / "lib.sqlite3"
    _fill(path, PAGE * 2 + 50)
    store = open_library(path)
    yield store
    store.close()


def test_the_lazy_library_model_passes_qtmodeltester(qtmodeltester, library) -> None:
    model = LibraryTableModel(library)
    assert model.rowCount() == PAGE  # one page loaded, not the whole library
    assert model.canFetchMore(model.index(-1, -1))

    qtmodeltester.check(model, force_py=True)

    model.fetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == model.total == PAGE * 2 + 50
    assert not model.canFetchMore(model.index(-1, -1))
    model.set_filter(LibraryFilter(person="virtanen7"))  # Virtanen7, 70…79, 700…
    assert {model.row(r).title for r in range(model.rowCount())} >= {"Call number 7 on Baltic shipping"}
    assert all("7" in model.row(r).participants for r in range(model.rowCount()))


@pytest.fixture
def window(qtbot, message_boxes):
    """The window as it opens when the user has a library (in the test's own data folder)."""
    from readout_browser.ui.main_window import MainWindow

    assert str(default_library_path()).startswith(os.environ["XDG_DATA_HOME"])  # never the user's own
    _fill(default_library_path(), 30)
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1280, 900)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    qtbot.waitUntil(lambda: win.library.store is not None)
    yield win
    win.close()


def test_the_library_view_is_driven_from_the_keyboard(qtbot, window) -> None:
    qtbot.keyClick(
        window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    view = window.library.library_view
    qtbot.waitUntil(lambda: view.table.hasFocus())
    assert view.model.total == 30

    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)

    chosen = view.model.row(view.table.currentIndex().row())
    assert window.current_readout().display_title == chosen.title

    view.person.setFocus()
    qtbot.keyClicks(view.person, "virtanen12")
    qtbot.keyClick(view.person, Qt.Key.Key_Return)
    assert [view.model.row(r).title for r in range(view.model.rowCount())] == [
        "Call number 12 on Baltic shipping"
    ]


def test_search_across_the_library_opens_the_readout_at_the_sentence(qtbot, window) -> None:
    qtbot.keyClick(
        window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    search = window.library.search_view
    qtbot.waitUntil(lambda: search.query.hasFocus())

    qtbot.keyClicks(search.query, "olafsdottir17 speaker:olafsdottir17")
    qtbot.keyClick(search.query, Qt.Key.Key_Return)
    assert search.hits.hasFocus()
    assert search.hits.topLevelItemCount() == 1
    qtbot.keyClick(search.hits, Qt.Key.Key_Return)

    readout = window.current_readout()
    assert readout.display_title == "Call number 17 on Baltic shipping"
    assert window.views.source.current_span() == readout.sentences[1]


def test_the_window_reopens_the_library_readout_last_open(qtbot, message_boxes) -> None:
    from readout_browser.ui.main_window import MainWindow

    _fill(default_library_path(), 5)
    first = MainWindow()
    qtbot.addWidget(first)
    qtbot.waitUntil(lambda: first.library.store is not None)
    first.library.open_readout(3)
    first.close()

    second = MainWindow()
    qtbot.addWidget(second)
    qtbot.waitUntil(lambda: second.current_readout() is not None)
    assert (
        second.current_readout().display_title == "Call number 2 on Baltic shipping"
    )  # id 3: the third added
    second.close()


def test_the_tracker_totals_exports_and_chart(qtbot, window, tmp_path: Path) -> None:
    window.library.show_tracker()
    tracker = window.library.tracker
    totals = {
        tracker.totals.topLevelItem(i).text(0): tracker.totals.topLevelItem(i).text(1)
        for i in range(tracker.totals.topLevelItemCount())
    }
    assert totals == {"Iceland": f"€{sum(range(1, 31)):,.1f}m"}

    assert tracker.export_csv(tmp_path / "p.csv") == 30
    with open(tmp_path / "p.csv", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert sum(float(r["amount_eur"]) for r in rows if r["counted"] == "1") == sum(range(1, 31)) * 1e6
    assert {r["row_type"] for r in rows} == {"pledge"} and rows[0]["url"].startswith("https://gov.example/")

    tracker.export_pdf(tmp_path / "p.pdf")
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "p.pdf").pages)
    words = " ".join(text.split())
    assert "Pledge tracker" in words and "Call number 9 on Baltic shipping (Government of Iceland)" in words

    dialog = tracker.show_chart()
    assert dialog is not None and dialog.isVisible()
    dialog.close()


def test_importing_a_folder_from_the_window_reports_once_at_the_end(
    qtbot, window, message_boxes, tmp_path
) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "title: Minister receives a delegation\ndate: 2024-01-09\npublisher: Government of Malta\n---\n"
        "The Minister for Foreign Affairs received a delegation from Cyprus in Valletta.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_bytes(b"")
    (folder / "c.json").write_text("{", encoding="utf-8")

    thread = window.library.import_paths([str(folder)])
    assert thread is not None
    qtbot.waitUntil(lambda: window.library._import is None, timeout=60000)

    assert window.library.library_view.model.total == 31
    assert message_boxes == [
        ("Import Finished", "1 imported, 0 already in the library, 2 could not be read.")
    ]


def test_a_folder_dropped_on_the_window_is_imported(qtbot, window, message_boxes, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPoint, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    folder = tmp_path / "dropped"
    folder.mkdir()
    (folder / "talks.txt").write_text(
        "title: Ministers meet in Riga\ndate: 2024-04-04\npublisher: Foreign Ministry of Latvia\n---\n"
        "The Minister of Foreign Affairs met the Foreign Minister of Estonia in Riga.\n",
        encoding="utf-8",
    )
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    action, button, modifier = (
        Qt.DropAction.CopyAction,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    try:
        enter = QDragEnterEvent(QPointF(50, 50), action, mime, button, modifier)
    except TypeError:  # Qt before 6.12 takes a QPoint only
        enter = QDragEnterEvent(QPoint(50, 50), action, mime, button, modifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()

    QApplication.sendEvent(window, QDropEvent(QPointF(50, 50), action, mime, button, modifier))

    qtbot.waitUntil(lambda: bool(message_boxes), timeout=60000)
    assert message_boxes[-1][1].startswith("1 imported"), message_boxes
    assert window.library.library_view.model.total == 31


def test_the_people_tab_lists_everyone_with_their_statements(qtbot, window) -> None:
    window.library.people_action.trigger()
    people = window.library.people_view
    qtbot.keyClicks(people.name, "olafsdottir2")
    qtbot.waitUntil(lambda: people.people.topLevelItemCount() == 1 + 10)  # 2, and 20…29
    people.people.setCurrentItem(people.people.topLevelItem(0))

    assert people.statements.topLevelItemCount() == 1
    people.statements.setCurrentItem(people.statements.topLevelItem(0))
    people.statements.setFocus()
    qtbot.keyClick(people.statements, Qt.Key.Key_Return)
    assert window.current_readout().display_title.startswith("Call number 2")


def test_the_window_opens_the_library_the_command_line_names(
    qtbot, message_boxes, tmp_path, monkeypatch
) -> None:
    from readout_browser.ui.main_window import MainWindow

    elsewhere = tmp_path / "team.sqlite3"
    _fill(elsewhere, 4)
    monkeypatch.setenv("READOUT_BROWSER_LIBRARY", str(elsewhere))  # what `--library PATH` sets

    win = MainWindow()
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.library.store is not None)

    assert win.library.store.location == str(elsewhere)
    assert win.library.library_view.model.total == 4
    win.close()
