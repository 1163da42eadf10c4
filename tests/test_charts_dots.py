"""Dot plots and dumbbell charts (issue 16, dots). Each test draws its chart with the
tuning look ``benchmarks/chart_looks/dot_dates.py`` (matplotlib), reads it through real
Tesseract, and fails without the mechanism it names."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from conftest import REPO, names_alike

from imgread.pipeline import read_image
from imgread.record import Record

MODELS = ["Llama-2-13B", "Phi-2", "InternLM2-20B", "Mistral-7B", "Qwen1.5-14B", "Gemma-7B"]
BASE = [58.3, 18.0, 17.5, 64.2, 21.1, 50.4]
INSTRUCT = [77.6, 28.4, 22.6, 69.0, 29.0, 57.6]
SEED = 2  # the look's choices: grey and orange dots, DejaVu Sans


def _dot_plot(path: Path, dumbbell: bool) -> Path:
    """A Cleveland dot plot drawn by the look ``benchmarks/chart_looks/dot_dates.py``: names
    as y tick labels, a light line per row across the plot, a dot per series on each, x
    0..100 with "Score" under it, a frameless legend of dots at the lower right;
    ``dumbbell``: each row's dots joined by a thick grey bar."""
    pytest.importorskip("matplotlib")
    sys.path.insert(0, str(REPO / "benchmarks"))
    from chart_looks.dot_dates import dots_mpl

    truth = {"series": {"Base": [[m, v] for m, v in zip(MODELS, BASE, strict=True)],
                        "Instruct": [[m, v] for m, v in zip(MODELS, INSTRUCT, strict=True)]}}
    dots_mpl(truth, random.Random(SEED), dumbbell).save(path)
    return path


def _right(record: Record, series: str, values: list[float]) -> int:
    """Points of ``series`` read true: the model's name alike, the value within 1.5."""
    points = [(p.x, p.y) for chart in record.charts for s in chart.series
              if names_alike(s.name, series) for p in s.points]
    return sum(any(isinstance(x, str) and names_alike(x, name) and y is not None
                   and abs(y - value) <= 1.5 for x, y in points)
               for name, value in zip(MODELS, values, strict=True))


@pytest.mark.parametrize("dumbbell", [False, True])
def test_dots_on_named_rows_are_a_lying_chart(tmp_path: Path, dumbbell: bool) -> None:
    """Dots on category rows over a numeric x axis are marks (``charts.dot_rows``): each
    dot's series told by its colour matched to the legend, its value by the axis. Before,
    no chart was found at all (nothing stands on a baseline); a dumbbell's bar thicker
    than a rule is opened away by a wider opening."""
    record = read_image(_dot_plot(tmp_path / "dots.png", dumbbell), None)
    assert [chart.kind for chart in record.charts] == ["hbar"]
    assert _right(record, "Base", BASE) >= 5
    assert _right(record, "Instruct", INSTRUCT) >= 5
    # the legend's sample dots are no marks
    assert sum(len(s.points) for chart in record.charts for s in chart.series) <= 12
