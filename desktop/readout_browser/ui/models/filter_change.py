"""Telling a proxy model that its filter choices change, on every Qt 6 the app supports.

Qt 6.9 brought `beginFilterChange`/`endFilterChange` (which keep the view's state
better) and 6.12 deprecated the older `invalidateRowsFilter`; older Qt has only the latter.
The proxies use it only when a choice really changes: each use filters every row again
and makes the views lay them out anew.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QSortFilterProxyModel


@contextmanager
def rows_filter_change(proxy: QSortFilterProxyModel) -> Iterator[None]:
    """Wrap a change of the choices that decide which rows the proxy accepts."""
    if hasattr(proxy, "beginFilterChange"):
        proxy.beginFilterChange()
        yield
        proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    else:
        yield
        proxy.invalidateRowsFilter()
