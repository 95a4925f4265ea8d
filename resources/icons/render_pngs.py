"""Render the hicolor PNGs of the application icon from its SVG.

Run after editing readout-browser.svg or readout-browser-24.svg (the PNGs are committed, so
neither the app nor its installer needs an SVG renderer at run time):

    QT_QPA_PLATFORM=offscreen python resources/icons/render_pngs.py
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "readout-browser.svg"
SMALL_SOURCE = HERE / "readout-browser-24.svg"
ICON_NAME = "org.readoutbrowser.ReadoutBrowser"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# The main drawing sits on a 4-unit grid of 64, crisp at multiples of 16; 22 and 24 pixels get
# their own drawing, and 22 is the 24 one without its 1-pixel margin.
SMALL_SIZES = {24: 0, 22: 1}


def render(renderer: QSvgRenderer, size: int, art_size: int, margin: int) -> QImage:
    """A square, transparent, antialiased image of `size` pixels; the drawing is `art_size`
    pixels and loses `margin` pixels on each side."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(-margin, -margin, art_size, art_size))
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    renderers = {source: QSvgRenderer(str(source)) for source in (SOURCE, SMALL_SOURCE)}
    for source, renderer in renderers.items():
        if not renderer.isValid():
            print(f"{source}: not a valid SVG", file=sys.stderr)
            return 1
    for size in SIZES:
        target = HERE / "hicolor" / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if size in SMALL_SIZES:
            margin = SMALL_SIZES[size]
            image = render(renderers[SMALL_SOURCE], size, size + 2 * margin, margin)
        else:
            image = render(renderers[SOURCE], size, size, 0)
        if not image.save(str(target), "PNG"):
            print(f"{target}: could not be written", file=sys.stderr)
            return 1
        print(target.relative_to(HERE))
    scalable = HERE / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    print(scalable.relative_to(HERE))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
