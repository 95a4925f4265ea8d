"""The bare PySide6 window of `minimal_window.py`, left open: the floor `bench_visible.py` measures against.

.venv/bin/python bench/bare_window.py
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from minimal_window import build


def main() -> int:
    app = QApplication([])
    window = build()
    window.setWindowTitle("Bare window")
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
