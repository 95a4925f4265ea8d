"""The window as a reader lives in it: several readouts open, switched between, searched, copied,
zoomed and exported, at laptop and desktop sizes (issue 12).

Each test drives the real window into a state a person reported and checks what they would
see: the formats of the characters drawn, the lines of text in view, the clipboard, the
files written. The readouts are written here, in several publishers' styles.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from readout_browser import jsonform
from readout_browser.export.csv_export import export_csv
from readout_browser.model import Amount, Meeting, Person, Quote, Readout, Source, Span
from readout_browser.paths import default_seed
from readout_browser.summaries import totals_by_currency
from readout_browser.ui.highlight import SWATCHES, Mark
from readout_browser.ui.main_window import MainWindow
from readout_browser.ui.models.roles import Role

CTRL = Qt.KeyboardModifier.ControlModifier

LONDON_CALL = (
    "Prime Minister Keir Starmer spoke to President Volodymyr Zelenskyy this afternoon.\n"
    "The Prime Minister reiterated the United Kingdom's steadfast support for Ukraine.\n"
    "The leaders discussed long-range capabilities and the coming winter.\n"
    "They agreed to stay in close contact."
)

TOKYO_TALKS = (
    "TOKYO, 3 March - Prime Minister Aiko Tanaka held talks with President Jean Morel of France.\n"
    "The two leaders reaffirmed their commitment to the rules-based order.\n"
    "“Our partnership has never been stronger,” Prime Minister Tanaka said.\n"
    "President Morel noted that security in the Indo-Pacific matters to Europe."
)


def span_of(text: str, fragment: str, nth: int = 0) -> Span:
    at = -1
    for _ in range(nth + 1):
        at = text.index(fragment, at + 1)
    return (at, at + len(fragment))


def lines_of(text: str) -> tuple[Span, ...]:
    spans, at = [], 0
    for line in text.split("\n"):
        spans.append((at, at + len(line)))
        at += len(line) + 1
    return tuple(spans)


def write(folder: Path, name: str, text: str, **head: str) -> Path:
    """A readout file as the app reads them: a few `key: value` lines, `---`, then the body."""
    path = folder / name
    lines = [f"{k}: {v}" for k, v in head.items()]
    path.write_text(("\n".join(lines) + "\n---\n" if lines else "") + text + "\n", encoding="utf-8")
    return path


def write_json(folder: Path, name: str, readout: Readout) -> Path:
    path = folder / name
    path.write_text(jsonform.dumps(readout), encoding="utf-8")
    return path


def summit(participants: int = 10) -> Readout:
    """A summit with many participants, each with a long title, and one quote."""
    names = [f"Leader Number{n} Examplesson" for n in range(participants)]
    text = (
        "The Chancellor hosted a summit of the coalition in Berlin today with "
        + ", ".join(names)
        + ".\n"
        + "The leaders discussed air defence and the reconstruction of the energy grid.\n" * 30
    ).strip()
    people = tuple(
        Person(
            f"p{n}",
            name,
            f"Deputy Minister for Foreign Affairs and European Integration of Country Number {n}",
            f"Country{n}",
            mentions=(span_of(text, name),),
        )
        for n, name in enumerate(names)
    )
    return Readout(
        source=Source(
            title="Summit of the coalition of the willing on the future of European security "
            "architecture and the reconstruction of Ukraine",
            date="2025-05-10",
            publisher="Federal Government",
        ),
        text=text,
        meeting=Meeting(kind="talks", place="Berlin", date="2025-05-10"),
        people=people,
        sentences=lines_of(text),
        paragraphs=lines_of(text),
    )


@pytest.fixture
def window(active_seed_window: MainWindow) -> MainWindow:
    """The seed open in an active laptop-sized window: where each reader story starts."""
    return active_seed_window


def format_at(window: MainWindow, offset: int):
    cursor = QTextCursor(window.views.source.document())
    cursor.setPosition(offset + 1)  # the format of the character before the cursor
    return cursor.charFormat()


def plain(window: MainWindow, offset: int) -> bool:
    """Whether a character is drawn as plain text: no person's weight or colour, no background."""
    fmt = format_at(window, offset)
    person = QColor(SWATCHES[Mark.PERSON].light)
    return (
        fmt.fontWeight() <= QFont.Weight.Normal.value
        and fmt.foreground().color() != person
        and fmt.background().style() == Qt.BrushStyle.NoBrush
    )


def unmarked_offsets(readout: Readout) -> list[int]:
    """Offsets of letters that lie in no person, quote or pledge."""
    marked = [*(m for p in readout.people for m in p.mentions), *(q.span for q in readout.quotes)]
    marked += [p.span for p in readout.pledges]
    return [i for i, ch in enumerate(readout.text) if ch.isalpha() and not any(s <= i < e for s, e in marked)]


# -- marks never bleed from one readout into the next -----------------------------------------


def test_after_switching_readouts_only_the_marked_words_are_drawn_as_marks(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    seed = window.current_readout()
    assert seed is not None
    window.open_paths([write(tmp_path, "london.txt", LONDON_CALL, date="2025-09-01", publisher="GOV.UK")])
    qtbot.keyClick(window, Qt.Key.Key_PageUp, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_PageDown, CTRL)
    for _ in range(2):
        shown = window.current_readout()
        assert shown is not None
        free = unmarked_offsets(shown)
        assert free and all(plain(window, i) for i in free[:: max(1, len(free) // 200)]), shown.display_title
        person = shown.people[0].mentions[0]
        assert format_at(window, person[0]).fontWeight() > QFont.Weight.Normal.value, "a name keeps its mark"
        qtbot.keyClick(window, Qt.Key.Key_PageUp, CTRL)
    assert window.current_readout() is not None


# -- the text gets the room ----------------------------------------------------------------------


def visible_lines(window: MainWindow) -> int:
    source = window.views.source
    return source.viewport().height() // source.fontMetrics().lineSpacing()


def test_ten_participants_leave_the_text_most_of_the_middle_column(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.open_paths([write_json(tmp_path, "summit.json", summit(10))])
    qtbot.wait(20)
    header = window.views.header
    assert header.height() < window.height() // 6
    assert visible_lines(window) >= 18
    assert "Leader Number9 Examplesson" in header.names_label.full_text(), "one line names everyone"
    titles = [label.text() for label in header.participant_labels()]
    assert any(t.startswith("Deputy Minister for Foreign Affairs and European Integration") for t in titles)
    assert all(not t.endswith("…") for t in titles), "titles are shown whole in the details"
    header.details_button.click()
    qtbot.waitUntil(header.details.isVisible)
    shown = [label.text() for label in header.details.widget().findChildren(QLabel) if label.isVisible()]
    assert not any("Mark Carney" in t for t in shown), "the last readout's participants are gone"
    assert header.height() < window.height() // 3, "the details scroll in a box of a few lines"
    header.details_button.click()
    qtbot.waitUntil(lambda: header.height() < window.height() // 6)

    before = header.height()
    window.resize(1280, 1000)
    qtbot.waitUntil(lambda: window.height() == 1000)
    qtbot.wait(20)
    assert header.height() == before, "more room goes to the text, not the header"


def test_the_title_is_cut_to_the_width_not_at_a_fixed_count(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.open_paths([write_json(tmp_path, "summit.json", summit(3))])
    title = window.views.header.title_label
    narrow = title.shown_text()
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.width() == 1920)
    qtbot.wait(20)
    assert len(title.shown_text()) > len(narrow) or title.shown_text() == title.full_text()
    assert title.full_text().endswith("reconstruction of Ukraine")


def test_a_readout_with_no_pledges_and_no_quotes_gives_the_text_the_room(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    text = "\n".join(
        f"The Foreign Secretary met counterparts from the region on day {n} of the conference."
        for n in range(40)
    )
    window.open_paths([write(tmp_path, "gov-uk.txt", text, date="2025-06-02", publisher="GOV.UK")])
    readout = window.current_readout()
    assert readout is not None and not readout.quotes and not readout.pledges
    qtbot.wait(20)
    pledges = window.views.pledges
    assert pledges.note.isVisible() and "No pledges" in pledges.note.text()
    assert window.pledges_dock.height() < 5 * pledges.fontMetrics().lineSpacing(), "a title and a line"
    qtbot.waitUntil(lambda: window.views.source.height() > window.height() // 2)  # once the docks settle
    assert visible_lines(window) >= 20
    note = window.quotes_note
    assert note.isVisible() and "No quotes" in note.text(), "a note, no column of filters"
    assert note.height() < 2 * note.fontMetrics().lineSpacing() and not window.quotes_dock.isVisible()
    assert window.views.source.width() > window.width() // 2


def test_on_a_wide_screen_lines_keep_a_readable_measure(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.width() == 1920)
    qtbot.wait(20)
    source = window.views.source
    widest = 0.0
    block = source.document().begin()
    while block.isValid():
        layout = block.layout()
        for i in range(layout.lineCount()):
            widest = max(widest, layout.lineAt(i).naturalTextWidth())
        block = block.next()
    assert 0 < widest <= source.measure() + 1
    assert widest < source.viewport().width() * 0.95 or source.viewport().width() < source.measure()


# -- the window keeps the size it is given -----------------------------------------------------


def test_choosing_topics_and_filtering_never_resizes_the_window_or_its_columns(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1088, 700)
    qtbot.waitUntil(lambda: window.width() == 1088)
    qtbot.wait(20)
    sizes = (window.size(), window.readouts_dock.width(), window.quotes_dock.width())
    readout = window.current_readout()
    assert readout is not None
    for topic in readout.topics:
        window.views.topics.select_topic(topic.id)
        qtbot.wait(1)
        assert (window.size(), window.readouts_dock.width(), window.quotes_dock.width()) == sizes, topic.label
    window.search.open()
    qtbot.keyClicks(window.views.find.edit, "speaker:carney energy")
    qtbot.wait(5)
    assert (window.size(), window.readouts_dock.width(), window.quotes_dock.width()) == sizes
    window.save_settings()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.width() == 1088


# -- every menu opens by its own mnemonic --------------------------------------------------------


def test_alt_and_each_menu_letter_open_that_menu_and_no_letter_is_taken_twice(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtWidgets import QAbstractButton

    taken: list[str] = []
    for action in window.menuBar().actions():
        text = action.text()
        taken.append(text[text.index("&") + 1].lower())
    for label in window.findChildren(QLabel):
        if label.buddy() is not None and "&" in label.text():
            taken.append(label.text()[label.text().index("&") + 1].lower())
    for button in window.findChildren(QAbstractButton):
        if "&" in button.text():
            taken.append(button.text()[button.text().index("&") + 1].lower())
    assert len(taken) == len(set(taken)), taken

    for action in window.menuBar().actions():
        letter, menu = action.text()[action.text().index("&") + 1], action.menu()
        window.views.source.setFocus()
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda m=menu: QApplication.activePopupWidget() is m, timeout=2000)
        QApplication.activePopupWidget().close()
        assert QApplication.focusWidget() is not window.views.pledges.currency_box


# -- one query drives every pane -----------------------------------------------------------------


def test_plain_words_narrow_the_quotes_and_the_pledges(qtbot: QtBot, window: MainWindow) -> None:
    readout = window.current_readout()
    assert readout is not None
    window.search.open()
    qtbot.keyClicks(window.views.find.edit, "drones")
    quotes, pledges = window.views.quotes.visible_quotes(), window.views.pledges.visible_pledges()
    assert quotes and len(quotes) < len(readout.quotes)
    assert all("drone" in readout.snippet(q.span).lower() for q in quotes)
    assert pledges and len(pledges) < len(readout.pledges)
    assert all("drone" in readout.snippet(p.evidence or p.span).lower() for p in pledges)


def test_a_speaker_filter_with_a_word_narrows_the_quotes_and_shows_in_the_speaker_box(
    qtbot: QtBot, window: MainWindow
) -> None:
    readout = window.current_readout()
    assert readout is not None
    zelenskyy = next(p for p in readout.people if p.name == "Volodymyr Zelenskyy")
    window.search.open()
    qtbot.keyClicks(window.views.find.edit, "speaker:zelenskyy security")
    quotes = window.views.quotes.visible_quotes()
    assert quotes and all(q.speaker == zelenskyy.id for q in quotes)
    assert all("secur" in q.text.lower() or "secur" in readout.snippet(q.span).lower() for q in quotes)
    assert len(quotes) < sum(1 for q in readout.quotes if q.speaker == zelenskyy.id)
    assert window.views.quotes.speaker_box.currentText() == "Volodymyr Zelenskyy"

    box = window.views.quotes.speaker_box
    carney = box.findText("Mark Carney")
    box.setCurrentIndex(carney)
    box.activated.emit(carney)  # as a click in the box's list does
    assert "speaker:" in window.views.find.edit.text() and "Carney" in window.views.find.edit.text()
    assert all(q.speaker != zelenskyy.id for q in window.views.quotes.visible_quotes())
    window.search.close_action.trigger()
    assert window.views.quotes.speaker_box.currentText() == "Everyone"


# -- the list of open readouts ---------------------------------------------------------------------


def test_the_readout_list_names_counterparts_sorts_by_date_and_opens_a_copy_once(
    window: MainWindow, tmp_path: Path
) -> None:
    tokyo = write(tmp_path, "tokyo.txt", TOKYO_TALKS, date="2024-03-03", publisher="Prime Minister's Office")
    london = write(tmp_path, "london.txt", LONDON_CALL, date="2025-09-01", publisher="GOV.UK")
    copy = tmp_path / "elsewhere" / "london.txt"
    copy.parent.mkdir()
    copy.write_bytes(london.read_bytes())
    window.open_paths([london, tokyo, copy])
    model = window.views.readouts.model()
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    dates = [r.data(Role.ITEM).source.date or r.data(Role.ITEM).meeting.date for r in rows]
    assert len(rows) == 3, "the copy of london.txt is not listed again"
    assert dates == sorted(dates)
    titles = [r.data() for r in rows]
    assert len(set(titles)) == 3
    assert any("Jean Morel" in t for t in titles) and any("Volodymyr Zelenskyy" in t for t in titles)
    assert any("GOV.UK" in r.data(Role.SECONDARY) for r in rows)


def test_bad_files_on_the_command_line_give_one_message_naming_them_all(
    window: MainWindow, tmp_path: Path, message_boxes: list[tuple[str, str]]
) -> None:
    bad = []
    for n in range(4):
        path = tmp_path / f"broken-{n}.json"
        path.write_text("{ not json", encoding="utf-8")
        bad.append(path)
    window.open_paths(bad)
    assert len(message_boxes) == 1
    assert all(p.name in message_boxes[0][1] for p in bad)


def test_a_folder_opens_the_readouts_in_it(window: MainWindow, tmp_path: Path) -> None:
    write(tmp_path, "tokyo.txt", TOKYO_TALKS, date="2024-03-03")
    write(tmp_path, "london.txt", LONDON_CALL, date="2025-09-01")
    (tmp_path / "notes.png").write_bytes(b"\x89PNG")
    opened = window.open_paths([tmp_path])
    assert len(opened) == 2 and len(window.open_readouts()) == 3


def test_the_next_launch_reopens_what_was_open(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    from readout_browser.ui.app import open_window

    london = write(tmp_path, "london.txt", LONDON_CALL, date="2025-09-01")
    tokyo = write(tmp_path, "tokyo.txt", TOKYO_TALKS, date="2024-03-03")
    window.open_paths([london, tokyo])
    seed_row = next(
        r for r, x in enumerate(window.open_readouts()) if Path(x.source.path or "") == default_seed()
    )
    window.views.readouts.setCurrentIndex(window.views.readouts.model().index(seed_row, 0))
    window.close_current()  # the seed goes
    window.close()
    again = open_window([])
    qtbot.addWidget(again)
    files = {Path(r.source.path or "").name for r in again.open_readouts()}
    assert files == {"london.txt", "tokyo.txt"}
    again.close()


# -- copy ---------------------------------------------------------------------------------------------


def test_shift_down_extends_the_pledge_selection_and_copy_gives_a_header_and_the_rows(
    qtbot: QtBot, window: MainWindow
) -> None:
    tree = window.views.pledges.tree
    tree.setFocus()
    tree.setCurrentIndex(tree.model().index(0, 0))
    tree.selectionModel().select(
        tree.model().index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    qtbot.keyClick(tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(tree.selectionModel().selectedRows()) == 2
    qtbot.keyClick(tree, Qt.Key.Key_C, CTRL)
    lines = QGuiApplication.clipboard().text().splitlines()
    header = tree.model().headerData(0, Qt.Orientation.Horizontal)
    assert len(lines) == 3 and lines[0].split("\t")[0] == header
    assert all(len(line.split("\t")) == len(lines[0].split("\t")) for line in lines)


def test_a_copied_quote_is_a_citation(qtbot: QtBot, window: MainWindow) -> None:
    readout = window.current_readout()
    assert readout is not None
    quote = next(q for q in readout.quotes if q.kind == "direct")
    view = window.views.quotes
    view.list.setFocus()
    assert view.select_quote(quote.id)
    qtbot.keyClick(view.list, Qt.Key.Key_C, CTRL)
    text = QGuiApplication.clipboard().text()
    speaker = readout.person(quote.speaker)
    assert speaker is not None and text.startswith(speaker.name)
    assert f"“{quote.text}”" in text
    assert readout.source.publisher in text and "2025-08-24" in text
    if readout.source.url:
        assert readout.source.url in text


# -- zoom ---------------------------------------------------------------------------------------------


def test_view_zoom_grows_every_pane_and_is_kept(qtbot: QtBot, window: MainWindow) -> None:
    views = window.views
    panes = [views.source, views.quotes.list, views.pledges.tree, views.topics.tree, views.readouts]
    before = [p.font().pointSizeF() for p in panes]
    assert window.zoom_in_action in window.view_menu.actions()
    qtbot.keyClick(window, Qt.Key.Key_Plus, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_Plus, CTRL)
    assert all(p.font().pointSizeF() == b + 2 for p, b in zip(panes, before, strict=True))
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.views.source.font().pointSizeF() == before[0] + 2
    again.zoom_reset_action.trigger()
    assert again.views.pledges.tree.font().pointSizeF() == before[2]
    again.zoom_out_action.trigger()
    assert again.views.quotes.list.font().pointSizeF() == before[1] - 1


# -- CSV for spreadsheets -------------------------------------------------------------------------


def test_the_pledge_csv_sums_to_the_apps_total_and_names_the_readout_on_one_line_per_row(
    window: MainWindow, tmp_path: Path
) -> None:
    readout = window.current_readout()
    assert readout is not None
    pledges_csv, _, _, topics_csv = export_csv([readout], tmp_path)
    with pledges_csv.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    total = sum(float(r["counted_amount"]) for r in rows if r["counted_amount"] and r["currency"] == "CAD")
    assert total == totals_by_currency(readout, readout.pledges)["CAD"]
    assert {r["level"] for r in rows} == {"pledge", "sub-allocation"}
    assert all(r["readout_date"] == "2025-08-24" and r["publisher"] == readout.source.publisher for r in rows)
    assert all(r["readout_title"] == readout.display_title for r in rows)
    for path in (pledges_csv, topics_csv):
        with path.open(encoding="utf-8-sig", newline="") as f:
            records = len(list(csv.reader(f)))
        assert records == len(path.read_text(encoding="utf-8-sig").splitlines()), path.name


# -- what the parse gives a reader --------------------------------------------------------------------


def test_a_meeting_is_placed_where_it_was_held_not_at_a_participants_employer(tmp_path: Path) -> None:
    from readout_browser.parse.meeting import describe_meeting
    from readout_browser.parse.segment import segment

    text = (
        "Following the talks, Minister of Economy Olena Koval and Senior Vice President for Europe at "
        "Orbital Systems International Karl Weber signed a memorandum.\nThe sides discussed satellites."
    )
    assert (
        describe_meeting(segment(text, Source(title="Talks of the two presidents in Kyiv"))).place == "Kyiv"
    )
    assert describe_meeting(segment(text, Source())).place is None
    dateline = "WARSAW, 12 May - The Prime Minister received the Chancellor. They met in the Palace."
    assert describe_meeting(segment(dateline, Source())).place == "Warsaw"


def test_a_pledge_under_the_purl_initiative_is_filed_under_nato() -> None:
    from readout_browser.parse.pipeline import parse_text

    text = (
        "The Prime Minister of Denmark spoke with the President of Ukraine by phone.\n"
        "Denmark will fund American air defence systems worth 90 million dollars under the PURL initiative."
    )
    readout = parse_text(text, Source(date="2025-10-01"))
    nato = next((t for t in readout.topics if t.label == "NATO"), None)
    assert nato is not None and nato.spans == (readout.sentences[-1],)


def test_other_amounts_show_under_the_pledges_with_their_kind_one_click_from_the_text(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    text = (
        "The President met the head of the rail company.\n"
        "The company signed a contract for 130 locomotives worth 900 million euros.\n"
        "Trade between the two countries reached 4 billion dollars last year."
    )
    contract = span_of(text, "900 million euros")
    trade = span_of(text, "4 billion dollars")
    readout = Readout(
        source=Source(title="Rail talks", date="2025-02-02", publisher="Presidential Office"),
        text=text,
        sentences=lines_of(text),
        paragraphs=lines_of(text),
        amounts=(
            Amount("a1", contract, 9e8, "contract", "EUR", "euros", evidence=lines_of(text)[1]),
            Amount("a2", trade, 4e9, "trade", "USD", "dollars", evidence=lines_of(text)[2]),
        ),
    )
    window.open_paths([write_json(tmp_path, "rail.json", readout)])
    pledges = window.views.pledges
    assert pledges.amounts.isVisible() and "Other amounts" in pledges.amounts_label.text()
    rows = [pledges.amounts.topLevelItem(i) for i in range(pledges.amounts.topLevelItemCount())]
    assert [(r.text(0), r.text(2)) for r in rows] == [
        ("Contract", "900 million euros"),
        ("Trade", "4 billion dollars"),
    ]
    rect = pledges.amounts.visualItemRect(rows[1])
    qtbot.mouseClick(pledges.amounts.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.views.source.current_span() == trade


def test_a_name_from_the_roster_is_marked_in_the_header_and_on_quote_cards(
    window: MainWindow, tmp_path: Path
) -> None:
    from readout_browser.ui.formatting import ROSTER_TIP

    text = "The Prime Minister spoke with the Chancellor.\n“We stand together,” the Prime Minister said."
    words = span_of(text, "We stand together")
    readout = Readout(
        source=Source(title="Call with the Chancellor", date="2025-03-01", publisher="Cabinet Office"),
        text=text,
        people=(
            Person(
                "pm", "Anne Lind", "Prime Minister", "Sweden", (span_of(text, "The Prime Minister"),), True
            ),
            Person("ch", "Otto Berg", "Chancellor", "Germany", (span_of(text, "the Chancellor"),)),
        ),
        quotes=(Quote("q1", "direct", "We stand together", words, "pm"),),
        sentences=lines_of(text),
        paragraphs=lines_of(text),
    )
    window.open_paths([write_json(tmp_path, "roster.json", readout)])
    header = window.views.header
    assert (
        "Anne Lind*" in header.names_label.full_text() and "Otto Berg*" not in header.names_label.full_text()
    )
    assert ROSTER_TIP in header.names_label.toolTip()
    marked = [label for label in header.participant_labels() if label.text() == "Anne Lind*"]
    assert marked and marked[0].toolTip() == ROSTER_TIP
    speaker_cell = window.views.quotes.proxy.index(0, 0).data()  # the card's speaker line
    assert "Anne Lind*" in speaker_cell


def test_with_no_quotes_the_quote_pane_is_a_one_line_note_and_comes_back_for_a_readout_with_quotes(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dock = window.quotes_dock
    qtbot.wait(20)
    width = dock.width()
    text_width = window.views.source.width()
    window.open_paths([write(tmp_path, "elysee.txt", "Le Président a reçu le Premier ministre.\n" * 8)])
    qtbot.waitUntil(lambda: window.views.source.width() > text_width)
    note = window.quotes_note
    assert not dock.isVisible() and note.isVisible()
    assert note.height() < 2 * note.fontMetrics().lineSpacing(), "one line, not a column"
    window.views.readouts.setCurrentIndex(window.views.readouts.model().index(0, 0))  # the seed, with quotes
    qtbot.waitUntil(dock.isVisible)
    assert not note.isVisible() and window.views.quotes.visible_quotes()
    qtbot.waitUntil(lambda: abs(dock.width() - width) <= 8)


def test_a_quote_pane_put_away_is_saved_as_shown_and_one_the_user_shows_stays(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.open_paths([write(tmp_path, "state.txt", "The Secretary met the Foreign Minister.\n" * 5)])
    assert window.quotes_note.isVisible()
    window.quotes_dock.toggleViewAction().trigger()  # View ▸ Panes ▸ Quotes
    qtbot.waitUntil(window.quotes_dock.isVisible)
    assert not window.quotes_note.isVisible() and window.views.quotes.placeholder.isVisible()
    window.quotes_dock.hide()  # closed by the user this time: it stays closed
    window.open_paths([write(tmp_path, "state2.txt", "The Secretary met the Defence Minister.\n" * 5)])
    assert not window.quotes_note.isVisible() and window.quotes_dock.isHidden()
    window.quotes_dock.show()
    window.open_paths([write(tmp_path, "state3.txt", "The Secretary met the Trade Minister.\n" * 5)])
    assert window.quotes_dock.isHidden()
    window.save_settings()
    again = MainWindow(settings=window.settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.quotes_dock.isVisible(), "the pane was put away for one readout, not closed"
    again.close()


def test_picking_a_speaker_with_no_query_writes_the_speaker_filter_and_everyone_lifts_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    readout = window.current_readout()
    assert readout is not None and not window.search.is_open()
    box = window.views.quotes.speaker_box
    box.setFocus()
    carney = next(p for p in readout.people if p.name == "Mark Carney")
    row = box.findData(carney.id)
    box.setCurrentIndex(row)
    box.activated.emit(row)  # as a click in the box's list does
    edit = window.views.find.edit
    assert window.search.is_open() and edit.text() == 'speaker:"Mark Carney"'
    assert window.search.filter_text() == 'speaker:"Mark Carney"', "the query state holds the choice"
    quotes = window.views.quotes.visible_quotes()
    assert quotes and all(q.speaker == carney.id for q in quotes)
    assert box.hasFocus(), "the keyboard stays in the box"
    assert window.count_label.text().startswith('speaker:"Mark Carney"'), "the status line says so too"

    edit.setText(edit.text() + " trade")  # a word typed after: the box still shows the speaker
    assert box.currentText() == "Mark Carney"
    everyone = box.findData(None)
    box.setCurrentIndex(everyone)
    box.activated.emit(everyone)
    assert edit.text() == "trade" and window.search.filter_text() == "trade"
    assert box.currentText() == "Everyone"
    edit.clear()
    assert len(window.views.quotes.visible_quotes()) == len(readout.quotes)


def test_back_from_a_readout_with_no_pledges_the_pledge_pane_has_its_height_again(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    qtbot.wait(20)
    height = window.pledges_dock.height()
    window.open_paths([write(tmp_path, "no10.txt", "The Prime Minister spoke to the Chancellor.\n" * 6)])
    qtbot.waitUntil(lambda: window.pledges_dock.height() < height // 2)
    qtbot.keyClick(window, Qt.Key.Key_PageUp, CTRL)  # back to the seed, which has pledges
    qtbot.wait(10)
    assert abs(window.pledges_dock.height() - height) <= 4
    tree = window.views.pledges.tree
    assert tree.height() > window.pledges_dock.height() // 2, "the table fills the pane, no blank below"
