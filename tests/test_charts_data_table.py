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
