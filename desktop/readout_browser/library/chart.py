"""The tracker's chart: euros pledged by each donor, year by year, stacked by category.

Drawn with matplotlib, which is imported only here, only when a chart is wanted (it is
too heavy for the window's start-up). The figure is built without a GUI backend, so the
same function serves the window (inside a Qt canvas) and the PDF (as a picture).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from readout_browser.library.records import SeriesPoint
from readout_browser.model import CATEGORIES

if TYPE_CHECKING:
    from matplotlib.figure import Figure

MAX_DONORS = 6


def top_donors(points: Sequence[SeriesPoint], n: int = MAX_DONORS) -> list[str]:
    """The donors with the most euros pledged, largest first."""
    sums: dict[str, float] = defaultdict(float)
    for p in points:
        sums[p.donor] += p.eur
    return sorted(sums, key=lambda d: (-sums[d], d))[:n]


def tracker_figure(points: Sequence[SeriesPoint], width: float = 9.0, height: float = 5.5) -> Figure:
    """A figure with one panel per leading donor: bars per year, one colour per category."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), layout="constrained")
    donors = top_donors(points)
    if not donors:
        ax = fig.subplots()
        ax.text(0.5, 0.5, "No converted pledges to chart", ha="center", va="center")
        ax.set_axis_off()
        return fig
    years = sorted({p.year for p in points})
    cells: dict[tuple[str, str, str], float] = defaultdict(float)
    for p in points:
        cells[(p.donor, p.year, p.category)] += p.eur / 1e6
    cols = min(3, len(donors))
    rows = (len(donors) + cols - 1) // cols
    axes = fig.subplots(rows, cols, squeeze=False, sharey=True)
    colours = {c: f"C{i}" for i, c in enumerate(CATEGORIES)}
    for ax, donor in zip(axes.flat, donors, strict=False):
        bottom = [0.0] * len(years)
        for category in CATEGORIES:
            heights = [cells.get((donor, y, category), 0.0) for y in years]
            if any(heights):
                ax.bar(years, heights, bottom=bottom, color=colours[category], label=category)
                bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
        ax.set_title(donor, fontsize=10)
        ax.tick_params(axis="x", labelrotation=45, labelsize=8)
    for ax in list(axes.flat)[len(donors) :]:
        ax.set_axis_off()
    axes[0][0].set_ylabel("€ million")
    handles = {}
    for ax in axes.flat:
        for h, label in zip(*ax.get_legend_handles_labels(), strict=True):
            handles.setdefault(label, h)
    fig.legend(
        handles.values(), handles.keys(), loc="outside lower center", ncols=len(handles) or 1, fontsize=8
    )
    fig.suptitle("Pledged by donor and year, by category (€, at the ECB rate of each pledge's day)")
    return fig


def png(points: Sequence[SeriesPoint], dpi: int = 120) -> bytes:
    """The chart as a PNG picture (for the PDF)."""
    import io

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = tracker_figure(points)
    FigureCanvasAgg(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
