"""Clustered columns with the chart's data table printed beneath (the ``datatable`` look):
each series named by its row of the table (a colour key, then the name) and valued by its
printed cells. Each test renders a chart of ``benchmarks/chart_looks/table_charts.py``,
reads it through real Tesseract, and fails without the mechanism it names."""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import names_alike

from imgread.pipeline import read_image
from imgread.record import Record

REPO = Path(__file__).resolve().parents[1]


def _look(header: bool, index: int, folder: Path, seed: int = 300, misprint: float = 0.0
          ) -> tuple[Record, dict[str, Any]]:
    """The look's chart ``index`` at ``seed``, read; and its truth."""
    pytest.importorskip("matplotlib")
    sys.path.insert(0, str(REPO / "benchmarks"))
    import matplotlib
    from chart_looks import table_charts

    matplotlib.use("Agg")
    entry: dict[str, Any] = {"series": {}}
    image = table_charts._draw(random.Random(seed * 1000 + index), entry, header, misprint)
    path = folder / "datatable.png"
    image.save(path)
    return read_image(path), entry


def _exact(record: Record, truth: dict[str, list[list[Any]]]) -> int:
    """Cells read as printed: the series and category named alike, the value to 0.05."""
    points = [(s.name, p.x, p.y) for chart in record.charts for s in chart.series
              for p in s.points]
    return sum(any(names_alike(name, series) and isinstance(x, str)
                   and names_alike(x, category) and y is not None and abs(y - value) <= 0.05
                   for name, x, y in points)
               for series, pairs in truth.items() for category, value in pairs)


@pytest.mark.parametrize(("header", "index"), [(True, 6), (True, 8), (False, 1)])
def test_table_rows_name_the_series_and_give_their_values(header: bool, index: int,
                                                          tmp_path: Path) -> None:
    """Each row of the table is bound to the series of its key's colour, named by its text
    and valued by its cells, read alone where the page reading lost them (before: series
    named "" or "ande", values measured 0.1-0.3 off). A cell read with a digit lost ("5.0"
    of "45.5"), far off its bar, leaves the bar's value (the category names under the
    axis, the table under them)."""
    record, entry = _look(header, index, tmp_path)
    true = sum(len(pairs) for pairs in entry["series"].values())
    assert _exact(record, entry["series"]) >= 0.9 * true
    names = [s.name for chart in record.charts for s in chart.series]
    assert all(any(names_alike(n, name) for n in names) for name in entry["series"])


def test_a_cell_its_bar_disagrees_with_is_flagged(tmp_path: Path) -> None:
    """A cell printed 2 points off its bar (more than the axis' resolution, within a
    label's tolerance) is taken as printed and flagged."""
    record, entry = _look(True, 6, tmp_path, misprint=2.0)
    flagged = [f for f in record.flags if f.kind == "label_geometry_mismatch"
               and "data table" in f.message]
    first = next(iter(entry["series"].values()))[0][1]
    assert any(abs(float(f.evidence["label"]) - (first + 2.0)) <= 0.05 for f in flagged)


@pytest.mark.parametrize(("font", "palette"), [
    ("DejaVu Sans", ["#4472c4", "#ed7d31", "#a5a5a5"]),
    ("Liberation Sans", ["#5b9bd5", "#70ad47", "#ffc000"]),
])
def test_name_cells_filled_with_the_series_colour_name_the_rows(
        font: str, palette: list[str], tmp_path: Path) -> None:
    """A spreadsheet's data table with no key beside the names: each row's name cell is
    filled with its series' colour and the name printed on it, which the page's reading
    loses on that ground, the small numbers of the row too (before: series named "" or
    noise, values measured). The filled cell is read alone, its letters told from the
    fill by their distance to it."""
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rng = random.Random(font)
    models = ["Quorra-7B", "Velin 2 13B", "Oster-1.3B", "Marl 3 70B"]
    benches = ["ARC-C", "DROP", "GPQA"]
    values = {b: [round(rng.uniform(20, 90), 1) for _ in models] for b in benches}
    plt.rcParams["font.family"] = font
    figure, ax = plt.subplots(figsize=(8.5, 5), dpi=100)
    width = 0.8 / len(benches)
    for i, (bench, colour) in enumerate(zip(benches, palette, strict=True)):
        ax.bar([j + (i - 1) * width for j in range(len(models))], values[bench], width,
               color=colour)
    ax.set_xticks([])
    ax.set_ylim(0, 100)
    ax.grid(axis="y", color="#d9d9d9")
    ax.set_axisbelow(True)
    table = ax.table(cellText=[[f"{v:.1f}" for v in values[b]] for b in benches],
                     rowLabels=benches, rowColours=palette, colLabels=models,
                     cellLoc="center", loc="bottom")
    table.set_fontsize(10)
    table.scale(1, 1.6)
    figure.subplots_adjust(left=0.16, bottom=0.3)
    path = tmp_path / "filled_names.png"
    figure.savefig(path)
    plt.close(figure)
    plt.rcParams["font.family"] = "sans-serif"
    # (the models' names in the table's ruled header row are another matter: each series'
    # values are compared as printed, by series name)
    read = {(s.name, round(p.y, 1)) for chart in read_image(path).charts
            for s in chart.series for p in s.points if p.y is not None}
    right = sum((bench, value) in read for bench in benches for value in values[bench])
    assert right >= 0.9 * len(benches) * len(models)
