"""Bars in neutral colours (issue 11, greybars): grey and black bars that gridlines, axes,
frames and text share their colour with. Each test renders a chart of the
``benchmarks/chart_looks/grey_bars.py`` tuning look at its tuning seed (matplotlib style
sheets), reads it through real Tesseract, and fails without the mechanism it names."""

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


def _render(style: str, index: int, folder: Path) -> tuple[Record, dict[str, Any]]:
    """The look's chart ``index`` at seed 100 (drawn with ``style``), read; and its truth."""
    pytest.importorskip("matplotlib")
    sys.path.insert(0, str(REPO / "benchmarks"))
    import matplotlib
    from chart_looks import grey_bars

    matplotlib.use("Agg")
    entry: dict[str, Any] = {"kind": "bar", "labelled": True, "series": {}}
    image = grey_bars.DRAW[style](random.Random(100 * 1000 + index), entry)
    path = folder / f"{style}.png"
    image.save(path)
    return read_image(path), entry


def _points(record: Record) -> list[tuple[str | float, float | None]]:
    return [(p.x, p.y) for chart in record.charts for s in chart.series for p in s.points]


def _right(record: Record, entry: dict[str, Any]) -> int:
    """Points true to the chart: the category's name alike, the value within 1.0."""
    truth = next(iter(entry["series"].values()))
    return sum(any(isinstance(x, str) and names_alike(x, name) and y is not None
                   and abs(y - value) <= 1.0 for x, y in _points(record))
               for name, value in truth)


@pytest.fixture(scope="module")
def classic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Record, dict[str, Any]]:
    """matplotlib's ``classic`` sheet: a grey figure round a white, framed axes; six grey
    columns (slanted names), no values printed."""
    return _render("gb-classic-columns", 1, tmp_path_factory.mktemp("classic"))


@pytest.fixture(scope="module")
def grayscale(tmp_path_factory: pytest.TempPathFactory) -> tuple[Record, dict[str, Any]]:
    """The ``grayscale`` sheet: lying grey bars in a white framed axes on a grey figure,
    the names left of the frame on the grey, each value printed past its bar's end."""
    return _render("gb-grayscale-hbar", 8, tmp_path_factory.mktemp("grayscale"))


@pytest.fixture(scope="module")
def bmh(tmp_path_factory: pytest.TempPathFactory) -> tuple[Record, dict[str, Any]]:
    """``bmh``: eight lying dark-grey bars on a grey panel, dashed gridlines drawn over
    the bars' middles and through the values printed past their ends."""
    return _render("gb-bmh-hbar", 10, tmp_path_factory.mktemp("bmh"))


def test_the_page_round_a_plot_face_is_no_bar(classic: tuple[Record, dict[str, Any]]
                                              ) -> None:
    """The plot area reaches past the frame onto the grey figure; that margin, cut up by
    the names in it, stood as a row of bars under the columns (a second series, each
    0.5). Pixels of the page's colour joined to the crop's edge are page."""
    record, entry = classic
    points = _points(record)
    assert len(points) == 6, points
    assert _right(record, entry) == 6, (points, entry["series"])


def test_a_frame_edge_across_the_plot_is_no_baseline(
        classic: tuple[Record, dict[str, Any]]) -> None:
    """Once the margin is page, the frame's top edge (two pixel rows, kept by the
    opening at the crop's edge) was the lowest ink of every column between the columns,
    and so the baseline: no bar was found. Thin runs spanning the plot are rules."""
    record, _ = classic
    assert [c.kind for c in record.charts] == ["bar"]


def test_names_on_the_grey_page_read_beside_the_bars(
        grayscale: tuple[Record, dict[str, Any]]) -> None:
    """The page reading lost the names printed on the grey figure; read again from the
    strip left of the bars, with the grey page painted in the face's colour, they are
    read (before, Tesseract read nothing in the grey strip)."""
    record, entry = grayscale
    points = _points(record)
    assert len(points) == 5, points
    assert _right(record, entry) == 5, (points, entry["series"])


def test_a_name_glyph_under_the_baseline_is_no_foot(bmh: tuple[Record, dict[str, Any]]
                                                    ) -> None:
    """The last letter of a name and the tick mark beside the axis lie just past the
    bars' common edge, apart from them: taken for the feet of the bars' middle rows, they
    cut every bar in two (sixteen points for eight bars)."""
    record, _ = bmh
    assert len(_points(record)) == 8, _points(record)


def test_a_label_scrap_is_read_again_from_the_bar_end(
        bmh: tuple[Record, dict[str, Any]]) -> None:
    """A dashed gridline through a value printed past a bar's end leaves OCR a scrap of
    it ("7%" of "32.7%"); the label is read again from the bar's end, where the bar
    confirms it (before, the scrap stood as the value)."""
    record, entry = bmh
    assert _right(record, entry) == 8, (_points(record), entry["series"])
