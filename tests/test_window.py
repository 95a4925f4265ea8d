"""The browsing window, driven as a user would: the seed readout, its panes, and how they link.

Every test works on the real parse of the shipped seed (a meeting in Kyiv between the
presidents of Ukraine and the prime minister of Canada), or on small files written here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QFileDialog, QTextEdit
from pytestqt.qtbot import QtBot

from readout_browser import APP_NAME, jsonform
from readout_browser.model import Pledge, Quote, Readout, Source, Span
from readout_browser.paths import default_seed
from readout_browser.selection import topic_sentences, touches
from readout_browser.ui.highlight import SWATCHES, Mark, colour, is_dark
from readout_browser.ui.main_window import MainWindow
from readout_browser.ui.models.pledge_model import CONVERTED, NOT_CONVERTIBLE
from readout_browser.ui.models.roles import Role
from readout_browser.ui.rates_service import RatesService

RATES_TIMEOUT_MS = 20_000


@pytest.fixture
def window(app_window: MainWindow) -> MainWindow:
    """The window as the app opens it, showing the seed."""
    return app_window


def seed(window: MainWindow) -> Readout:
    readout = window.current_readout()
    assert readout is not None
    return readout


def wait_for_rates(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.views.pledges.model.conversions_ready, timeout=RATES_TIMEOUT_MS)


def covered(window: MainWindow, span: Span) -> bool:
    """Whether some extra selection of the source view covers exactly this span."""
    for selection in window.views.source.extraSelections():
        cursor = selection.cursor
        if (cursor.selectionStart(), cursor.selectionEnd()) == span:
            return True
    return False


def click_source_at(qtbot: QtBot, window: MainWindow, offset: int) -> None:
    """Scroll the source so a character shows, then click on it."""
    source = window.views.source
    cursor = QTextCursor(source.document())
    cursor.setPosition(offset)
    source.setTextCursor(cursor)
    source.ensureCursorVisible()
    rect = source.cursorRect(cursor)
    qtbot.mouseClick(
        source.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.right() + 2, rect.center().y())
    )


def pledge_with_amount(readout: Readout, amount: float) -> Pledge:
    return next(p for p in readout.pledges if p.amount == amount)


def write_readout_json(path: Path, readout: Readout) -> Path:
    path.write_text(jsonform.dumps(readout), encoding="utf-8")
    return path


# -- opening ----------------------------------------------------------------------------------


def test_with_no_file_named_the_window_shows_the_seed_readout(window: MainWindow) -> None:
    readout = seed(window)
    assert Path(readout.source.path or "").resolve() == default_seed().resolve()
    assert window.windowTitle() == f"{APP_NAME} — {readout.display_title}"
    assert window.views.readouts.model().rowCount() == 1
    assert window.views.source.toPlainText() == readout.text
    assert "quotes" in window.count_label.text() and "pledges" in window.count_label.text()


def test_the_header_gives_kind_place_date_formats_and_participants(window: MainWindow) -> None:
    text = "\n".join(window.views.header.texts())
    assert "Meeting" in text and "Kyiv" in text and "2025" in text
    assert "one-on-one" in text and "expanded" in text
    assert "Volodymyr Zelenskyy" in text and "President of Ukraine" in text
    assert "Mark Carney" in text and "Prime Minister of Canada" in text and "Canada" in text


def test_the_side_list_shows_title_date_and_counterpart(window: MainWindow) -> None:
    index = window.views.readouts.model().index(0, 0)
    assert "Mark Carney" in index.data()  # the counterpart names the row; the full title is its tooltip
    assert seed(window).display_title in index.data(Qt.ItemDataRole.ToolTipRole)
    secondary = index.data(Role.SECONDARY)
    assert "2025" in secondary and (seed(window).source.publisher or "") in secondary


# -- topics -----------------------------------------------------------------------------------


def test_each_topic_shows_how_many_sentences_are_filed_under_it(window: MainWindow) -> None:
    readout = seed(window)
    model = window.views.topics.model
    labels = []
    pending = [model.index(r, 0) for r in range(model.rowCount())]
    assert pending, "the seed readout has themes"
    while pending:
        index = pending.pop()
        topic = index.data(Role.ITEM)
        labels.append(topic.label)
        count = index.siblingAtColumn(1).data()
        assert count == str(len(topic_sentences(readout, topic.id)))
        pending += [model.index(r, 0, index) for r in range(model.rowCount(index))]
    assert "Energy" in labels


def test_choosing_energy_narrows_quotes_and_pledges_to_its_sentences_and_highlights_them(
    window: MainWindow,
) -> None:
    readout = seed(window)
    energy = next(t for t in readout.topics if t.label == "Energy")
    sentences = topic_sentences(readout, energy.id)
    assert window.views.topics.select_topic(energy.id)

    quotes = window.views.quotes.visible_quotes()
    assert quotes == tuple(
        q for q in sorted(readout.quotes, key=lambda q: q.span) if touches(q.span, sentences)
    )
    assert quotes, "the President invites Canada to join energy projects"
    assert len(quotes) < len(readout.quotes)
    pledges = window.views.pledges.visible_pledges()
    assert set(pledges) == {p for p in readout.pledges if touches(p.span, sentences)}
    assert all(covered(window, s) for s in sentences)
    assert window.views.source.topic_sentences() == sentences
    assert "Energy" in window.count_label.text()

    window.views.topics.show_all_button.click()
    assert len(window.views.quotes.visible_quotes()) == len(readout.quotes)
    assert not window.views.source.topic_sentences()


def test_quotes_filter_by_speaker_and_by_kind(window: MainWindow) -> None:
    readout = seed(window)
    quotes = window.views.quotes
    carney = next(p for p in readout.people if p.name == "Mark Carney")
    quotes.speaker_box.setCurrentIndex(quotes.speaker_box.findData(carney.id))
    assert quotes.visible_quotes()
    assert all(q.speaker == carney.id for q in quotes.visible_quotes())
    quotes.kind_box.setCurrentIndex(quotes.kind_box.findData("direct"))
    assert all(q.speaker == carney.id and q.kind == "direct" for q in quotes.visible_quotes())
    assert "of" in quotes.count_label.text()


# -- linking ----------------------------------------------------------------------------------


def test_choosing_the_800_million_pledge_shows_it_under_its_parent_and_in_the_source(
    qtbot: QtBot, window: MainWindow
) -> None:
    readout = seed(window)
    part = pledge_with_amount(readout, 800_000_000)
    view = window.views.pledges
    index = view.proxy.mapFromSource(view.model.index_of(part.id))
    view.tree.scrollTo(index)
    qtbot.mouseClick(
        view.tree.viewport(), Qt.MouseButton.LeftButton, pos=view.tree.visualRect(index).center()
    )

    assert view.current_pledge() == part
    parent = index.parent().data(Role.ITEM)
    assert isinstance(parent, Pledge) and parent.amount == 2_000_000_000
    assert covered(window, part.span)
    source = window.views.source
    cursor = QTextCursor(source.document())
    cursor.setPosition(part.span[0])
    assert source.viewport().rect().contains(source.cursorRect(cursor).center())
    assert readout.snippet(part.span).startswith("800 million")


def test_choosing_a_quote_scrolls_the_source_to_it_and_highlights_it(window: MainWindow) -> None:
    readout = seed(window)
    last = max(readout.quotes, key=lambda q: q.span)
    assert window.views.quotes.select_quote(last.id)
    assert window.views.source.current_span() == last.span
    assert covered(window, last.span)


def test_clicking_inside_a_quote_in_the_source_selects_it_in_the_quote_viewer(
    qtbot: QtBot, window: MainWindow
) -> None:
    readout = seed(window)
    quote = next(q for q in readout.quotes if q.kind == "direct" and "Canadian forces" in q.text)
    click_source_at(qtbot, window, quote.span[0] + 4)
    assert window.views.quotes.current_quote() == quote
    assert window.views.source.current_span() == quote.span


def test_clicking_an_amount_in_the_source_selects_its_pledge(qtbot: QtBot, window: MainWindow) -> None:
    readout = seed(window)
    pledge = pledge_with_amount(readout, 500_000_000)
    click_source_at(qtbot, window, pledge.span[0] + 2)
    assert window.views.pledges.current_pledge() == pledge
    assert window.views.quotes.current_quote() is None


def test_clicking_an_item_the_chosen_topic_hides_shows_the_whole_readout_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    readout = seed(window)
    energy = next(t for t in readout.topics if t.label == "Energy")
    window.views.topics.select_topic(energy.id)
    outside = next(q for q in readout.quotes if not touches(q.span, topic_sentences(readout, energy.id)))
    click_source_at(qtbot, window, outside.span[0] + 2)
    assert window.views.topics.current_topic() is None
    assert window.views.quotes.current_quote() == outside


# -- the converted column ------------------------------------------------------------------------


def test_amounts_convert_to_euros_by_default_with_the_rate_and_its_date_in_a_tooltip(
    qtbot: QtBot, window: MainWindow
) -> None:
    wait_for_rates(qtbot, window)
    readout = seed(window)
    view = window.views.pledges
    assert view.currency() == "EUR"
    assert view.currency_box.count() > 10 and view.currency_box.findText("USD") >= 0
    package = pledge_with_amount(readout, 2_000_000_000)
    cell = view.model.index_of(package.id, CONVERTED)
    assert view.model.headerData(CONVERTED, Qt.Orientation.Horizontal) == "In EUR"
    assert cell.data() not in ("", "…", NOT_CONVERTIBLE)
    tooltip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert f"1 {package.currency} = " in tooltip and "EUR" in tooltip and "ECB reference rate of" in tooltip
    assert "2025" in tooltip
    assert "EUR" in view.converted_label.text()


def test_choosing_another_currency_converts_again(qtbot: QtBot, window: MainWindow) -> None:
    wait_for_rates(qtbot, window)
    view = window.views.pledges
    view.currency_box.setCurrentText("USD")
    assert view.model.headerData(CONVERTED, Qt.Orientation.Horizontal) == "In USD"
    assert view.model.conversions_ready
    assert "USD" in view.converted_label.text()


def test_an_amount_in_a_currency_without_a_reference_rate_is_not_convertible(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    text = "Ukraine will allocate 100 million hryvnias and 5 million euros to demining."
    hryvnias = (text.index("100 million"), text.index(" and"))
    euros = (text.index("5 million"), text.index(" to demining"))
    readout = Readout(
        source=Source(title="Demining", date="2024-05-02"),
        text=text,
        pledges=(
            Pledge("h", hryvnias, donor="Ukraine", amount=1e8, currency="UAH", currency_text="hryvnias"),
            Pledge("e", euros, donor="Ukraine", amount=5e6, currency="EUR", currency_text="euros"),
        ),
        sentences=((0, len(text)),),
    )
    window.open_paths([write_readout_json(tmp_path / "demining.json", readout)])
    wait_for_rates(qtbot, window)
    model = window.views.pledges.model
    qtbot.waitUntil(lambda: model.index_of("h", CONVERTED).data() == NOT_CONVERTIBLE)
    assert "UAH" in model.index_of("h", CONVERTED).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index_of("e", CONVERTED).data() == "5,000,000"
    assert "1 amount not convertible" in window.views.pledges.converted_label.text()
    assert "5,000,000 EUR" in window.views.pledges.totals_label.text()
    assert "100,000,000 UAH" in window.views.pledges.totals_label.text()


# -- files ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [("empty.txt", b""), ("binary.txt", bytes(range(256)) * 8), ("broken.json", b'{"schema": "readout/1", ')],
)
def test_a_file_that_cannot_be_read_gets_a_message_and_the_open_readout_stays(
    window: MainWindow, message_boxes: list[tuple[str, str]], tmp_path: Path, name: str, content: bytes
) -> None:
    before = seed(window)
    bad = tmp_path / name
    bad.write_bytes(content)
    assert window.open_paths([bad]) == []
    assert len(message_boxes) == 1
    title, text = message_boxes[0]
    assert "Cannot Open" in title and name in text and str(bad) in text
    assert window.current_readout() == before
    assert window.views.readouts.model().rowCount() == 1
    assert window.views.source.toPlainText() == before.text


def test_readout_text_shows_as_written_even_when_it_looks_like_markup(
    window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "markup.txt"
    body = "The Prime Minister said the <b>talks</b> on trade &amp; energy went well & would go on."
    path.write_text(body + "\n", encoding="utf-8")
    window.open_paths([path])
    assert window.views.source.toPlainText().strip() == body
    title = window.views.header.title_label
    assert "<b>talks</b>" in title.text() and title.textFormat() == Qt.TextFormat.PlainText
    assert window.views.readouts.model().rowCount() == 2


def test_a_file_already_open_is_shown_not_read_again(window: MainWindow, tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes(default_seed().read_bytes())  # the same bytes: the same readout, listed once
    assert window.open_paths([copy]) == []
    assert window.views.readouts.model().rowCount() == 1
    other = tmp_path / "other.txt"
    other.write_text("The Prime Minister spoke with the President about trade.\n", encoding="utf-8")
    window.open_paths([other])
    assert len(window.open_readouts()) == 2
    window.open_paths([default_seed()])
    assert len(window.open_readouts()) == 2
    assert window.current_readout() == window.open_readouts()[0]


def test_a_readout_json_file_is_its_own_file_though_it_names_the_text_it_came_from(
    window: MainWindow, tmp_path: Path
) -> None:
    saved = write_readout_json(tmp_path / "seed.json", seed(window))  # its source.path is the seed's
    assert window.open_paths([saved]) and window.views.readouts.model().rowCount() == 2
    assert window.open_paths([saved]) == [] and window.views.readouts.model().rowCount() == 2
    assert window.current_readout() == seed(window) and window.views.readouts.currentIndex().row() == 1


def test_keyboard_shortcuts_put_the_focus_in_each_pane(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.quotes_dock.hide()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.quotes_dock.isVisible()
    assert window.views.quotes.list.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.views.source.hasFocus()


def test_closing_a_readout_shows_the_next_and_closing_the_last_empties_the_window(
    window: MainWindow, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes(default_seed().read_bytes() + b"\n")  # another file, not a copy
    window.open_paths([copy])
    window.close_action.trigger()
    assert window.views.readouts.model().rowCount() == 1
    assert window.current_readout() is not None
    window.close_action.trigger()
    assert window.current_readout() is None
    assert window.windowTitle() == APP_NAME
    assert not window.close_action.isEnabled()
    assert window.views.quotes.visible_quotes() == ()


def test_files_dropped_on_the_window_are_opened(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    copy = tmp_path / "dropped.txt"
    copy.write_bytes(default_seed().read_bytes() + b"\n")  # another file, not a copy
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(copy))])
    actions = Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    try:
        enter = QDragEnterEvent(QPointF(50, 50), actions, mime, buttons, modifiers)
    except TypeError:  # Qt before 6.12 takes a QPoint only (and 6.12 deprecates that form)
        enter = QDragEnterEvent(QPoint(50, 50), actions, mime, buttons, modifiers)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(QPointF(50, 50), actions, mime, buttons, modifiers))
    qtbot.waitUntil(lambda: window.views.readouts.model().rowCount() == 2)
    assert Path(seed(window).source.path or "").name == "dropped.txt"


def test_recent_files_list_what_was_opened_and_open_it_again(window: MainWindow, tmp_path: Path) -> None:
    copy = tmp_path / "recent.txt"
    copy.write_bytes(default_seed().read_bytes() + b"\n")  # another file, not a copy
    window.open_paths([copy])
    window.close_action.trigger()
    assert window.views.readouts.model().rowCount() == 1
    window.recent_menu.rebuild()
    entries = [a for a in window.recent_menu.actions() if a.data()]
    assert [Path(a.data()).name for a in entries] == ["recent.txt"]  # the seed opened by itself is not listed
    entries[0].trigger()
    assert window.views.readouts.model().rowCount() == 2


# -- menus and settings ------------------------------------------------------------------------


def test_the_menus_have_mnemonics_and_help_opens_the_about_box(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from readout_browser.ui import about

    opened: list[object] = []
    monkeypatch.setattr(about.AboutDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    titles = [m.title() for m in (window.file_menu, window.edit_menu, window.view_menu, window.help_menu)]
    assert titles == ["&File", "&Edit", "&View", "&Help"]
    window.about_action.trigger()
    assert len(opened) == 1


def test_currency_geometry_layout_and_recent_files_survive_a_restart(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    wait_for_rates(qtbot, window)
    window.views.pledges.currency_box.setCurrentText("GBP")
    window.resize(1111, 733)
    window.quotes_dock.hide()
    copy = tmp_path / "again.txt"
    copy.write_bytes(default_seed().read_bytes() + b"\n")  # another file, not a copy
    window.open_paths([copy])
    window.close()

    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.views.pledges.currency() == "GBP"
    assert (again.width(), again.height()) == (1111, 733)
    assert not again.quotes_dock.isVisible()
    assert again.settings.recent_files() == [str(copy.resolve())]
    again.close()


def test_every_pane_has_a_name_for_saving_the_layout_and_for_screen_readers(window: MainWindow) -> None:
    docks = [window.readouts_dock, window.topics_dock, window.quotes_dock, window.pledges_dock]
    assert all(d.objectName() for d in docks)
    views = window.views
    for widget in (views.readouts, views.topics.tree, views.source, views.quotes.list, views.pledges.tree):
        assert widget.accessibleName()
    assert isinstance(views.source, QTextEdit) and views.source.isReadOnly()


def test_a_quote_or_pledge_chosen_in_one_pane_clears_the_other(window: MainWindow) -> None:
    readout = seed(window)
    quote: Quote = readout.quotes[0]
    pledge = readout.pledges[0]
    window.views.pledges.select_pledge(pledge.id)
    window.views.quotes.select_quote(quote.id)
    assert window.views.pledges.current_pledge() is None
    assert window.views.source.current_span() == quote.span


def test_the_marks_in_the_text_take_darker_shades_on_a_dark_desktop(window: MainWindow) -> None:
    source = window.views.source
    quote = next(q for q in seed(window).quotes if q.kind == "direct")

    def shade() -> QColor:
        cursor = QTextCursor(source.document())
        cursor.setPosition(quote.span[0] + 1)
        return cursor.charFormat().background().color()

    assert shade() == colour(Mark.DIRECT, source.palette())
    assert not is_dark(source.palette())
    dark = QPalette(source.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    source.setPalette(dark)
    assert shade() == QColor(SWATCHES[Mark.DIRECT].dark)


def test_copy_puts_the_chosen_quote_on_the_clipboard(qtbot: QtBot, window: MainWindow) -> None:
    quote = next(q for q in seed(window).quotes if q.kind == "direct")
    window.views.quotes.select_quote(quote.id)
    window.views.quotes.list.setFocus()
    qtbot.waitUntil(lambda: window.views.quotes.list.hasFocus())
    window.copy_action.trigger()
    assert quote.text in QApplication.clipboard().text()


def test_file_open_offers_text_web_pages_and_readout_json_and_opens_the_choice(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    page = tmp_path / "call.html"
    page.write_text(
        "<html><head><title>Call with the Chancellor</title></head><body><article>"
        "<p>The Prime Minister spoke to the Chancellor of Germany today about support for Ukraine.</p>"
        "<p>They agreed to stay in close contact in the coming weeks.</p></article></body></html>",
        encoding="utf-8",
    )
    asked: list[str] = []

    def choose(_parent: object, _caption: str, _folder: str, filters: str) -> tuple[list[str], str]:
        asked.append(filters)
        return [str(page)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose)
    window.open_action.trigger()
    assert all(pattern in asked[0] for pattern in ("*.txt", "*.html", "*.htm", "*.json"))
    assert window.views.readouts.model().rowCount() == 2
    assert "Chancellor of Germany" in window.views.source.toPlainText()


def test_when_the_rates_cannot_load_amounts_say_so_instead_of_waiting(
    qtbot: QtBot, window: MainWindow
) -> None:
    wait_for_rates(qtbot, window)
    RatesService.instance().failed.emit("The ECB reference rates could not be loaded: the file is damaged")
    model = window.views.pledges.model
    package = pledge_with_amount(seed(window), 2_000_000_000)
    cell = model.index_of(package.id, CONVERTED)
    assert cell.data() == NOT_CONVERTIBLE
    assert "file is damaged" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert "nothing convertible" in window.views.pledges.converted_label.text()
    assert "file is damaged" in window.statusBar().currentMessage()
