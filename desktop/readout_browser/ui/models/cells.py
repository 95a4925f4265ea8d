"""What the models that keep their cells in Qt's own item model share.

The pledge, topic and quote models work their cells out once per readout and hand them
to a QStandardItemModel, so that laying out, filtering and painting never call back into
Python. They fill it with the model's signals held, then tell the views once.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, Qt

READ_ONLY = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
"""The flags of a cell that can be chosen but not edited or dragged."""


@contextmanager
def signals_held(model: QObject) -> Iterator[None]:
    """Change many cells without a signal for each; the caller then tells the views once."""
    model.blockSignals(True)
    try:
        yield
    finally:
        model.blockSignals(False)
