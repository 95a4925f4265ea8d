"""Help > About: what the app is, which version, whose data it uses and under which licences.

The lists come from resources/credits.toml; the versions from the installed packages, so the
dialog never claims a version that is not the one running.
"""

from __future__ import annotations

import html
import tomllib
from importlib import metadata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from readout_browser import APP_NAME, __version__
from readout_browser.paths import resource
from readout_browser.ui.app_icon import app_icon

ICON_SIZE = 64


def load_credits() -> dict:
    """resources/credits.toml, read as it is."""
    with resource("credits.toml").open("rb") as handle:
        return tomllib.load(handle)


def installed_version(package: str) -> str:
    """The version of an installed distribution, or "not installed"."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _link(url: str, text: str) -> str:
    return f'<a href="{html.escape(url)}">{html.escape(text)}</a>'


def sources_html(credits: dict) -> str:
    """The data sources as rich text: what each is, who publishes it, what the app uses it for."""
    items = []
    for source in credits.get("source", []):
        terms = f"<br><i>Terms:</i> {html.escape(source['terms'])}" if source.get("terms") else ""
        items.append(
            f"<p><b>{_link(source['url'], source['name'])}</b><br>{html.escape(source['by'])}"
            f"<br>{html.escape(source['use'])}{terms}</p>"
        )
    return "".join(items)


def licences_html(credits: dict) -> str:
    """The app's licence, then one row per component: name, installed version, licence."""
    app = credits["app"]
    rows = "".join(
        f"<tr><td>{_link(part['url'], part['name'])}</td>"
        f"<td>{html.escape(installed_version(part['package']))}</td>"
        f"<td>{html.escape(part['licence'])}</td></tr>"
        for part in credits.get("component", [])
    )
    return (
        f"<p>{html.escape(APP_NAME)} is free software under the {html.escape(app['licence'])} licence.</p>"
        "<p>It is built with:</p>"
        '<table cellpadding="3"><tr><th align="left">Component</th><th align="left">Version</th>'
        f'<th align="left">Licence</th></tr>{rows}</table>'
    )


class AboutDialog(QDialog):
    """Name, version and purpose at the top; data sources and licences in tabs below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        credits = load_credits()
        self.setWindowTitle(f"About {APP_NAME}")
        self.setAccessibleName(f"About {APP_NAME}")
        self.setWindowIcon(app_icon())

        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(ICON_SIZE, ICON_SIZE))
        icon.setAccessibleName(f"{APP_NAME} icon")
        self.name_label = QLabel(f"<h2>{html.escape(APP_NAME)}</h2>")
        self.name_label.setAccessibleName("Application name")
        self.version_label = QLabel(f"Version {html.escape(__version__)}")
        self.version_label.setAccessibleName("Version")
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description_label = QLabel(html.escape(credits["app"]["description"]))
        self.description_label.setWordWrap(True)
        self.description_label.setAccessibleName("Description")

        heading = QVBoxLayout()
        for label in (self.name_label, self.version_label, self.description_label):
            heading.addWidget(label)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Data sources and licences")
        self.sources = self._browser("Data sources", sources_html(credits))
        self.licences = self._browser("Licences", licences_html(credits))
        self.tabs.addTab(self.sources, "&Data sources")
        self.tabs.addTab(self.licences, "&Licences")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName("Close")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(560, 460)

    def _browser(self, name: str, text: str) -> QTextBrowser:
        browser = QTextBrowser()
        browser.setAccessibleName(name)
        browser.setOpenExternalLinks(True)
        browser.setHtml(text)
        return browser
