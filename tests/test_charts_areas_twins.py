"""Twin y axes and stacked areas (the ``twins`` and ``areas`` chart looks): a line on a
``twinx`` axis measured on its own axis, stacked bands read as each series' own value.
Each test renders its chart and fails without its mechanism."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_charts_lines import _chart, _series

from imgread.pipeline import read_image
from imgread.record import Series

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

EPOCHS = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]
ACCURACY = [41.0, 46.5, 50.2, 53.8, 55.1, 58.9, 60.3, 63.0]
WIN_RATE = [12.0, 25.0, 31.0, 48.0, 55.0, 70.0, 74.0, 88.0]


def _twin_chart(path: Path, look: str) -> Path:
    """Accuracy on the left axis, win rate on a ``twinx`` axis at the right in red (its
    title in red). ``coloured``: the left line and title blue, both axes' tick labels in
    their lines' colours; ``titles``: only the titles coloured; ``dashed``: the left line
    and axis black, the right line dashed, saved as a JPEG."""
    import io

    import matplotlib.pyplot as plt
    from PIL import Image

    figure, ax = plt.subplots(figsize=(8.0, 5.0), dpi=100)
    left = "black" if look == "dashed" else "#1f77b4"
    handles = ax.plot(EPOCHS, ACCURACY, color=left, marker="o", label="Accuracy")
    other = ax.twinx()
    handles += other.plot(EPOCHS, WIN_RATE, color="#d62728", label="Win rate",
                          **({"linestyle": "--", "linewidth": 1.5} if look == "dashed"
                             else {"marker": "s"}))
    ax.set_xlabel("Epoch")
    ax.set_ylabel("Accuracy (%)", color=left)
    other.set_ylabel("Win rate (%)", color="#d62728", rotation=270, labelpad=14)
    if look == "coloured":
        ax.tick_params(axis="y", labelcolor=left)
        other.tick_params(axis="y", labelcolor="#d62728")
    ax.set_ylim(35, 70)
    other.set_ylim(0, 100)
    ax.legend(handles, ["Accuracy", "Win rate"], loc="upper left")
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    image = Image.open(buffer).convert("RGB")
    if look == "dashed":
        path = path.with_suffix(".jpg")
        image.save(path, "JPEG", quality=85)
    else:
        image.save(path)
    return path


def _read_right(series: Series, xs: list[float], ys: list[float], within: float) -> int:
    return sum(any(isinstance(p.x, float) and abs(p.x - x) <= 0.2 and p.y is not None
                   and abs(p.y - y) <= within for p in series.points)
               for x, y in zip(xs, ys, strict=True))


@pytest.mark.parametrize("look", ["coloured", "titles", "dashed"])
def test_a_line_on_a_twin_axis_is_measured_on_its_own_axis(tmp_path: Path, look: str) -> None:
    """The right axis (``twin_axes.with_right_axes``) calibrates the line drawn in its hue
    (tick labels or title, ``twin_axes.axis_colours``); the other stays on the left:
    without them, the win rate was read on the accuracy scale (30 to 70)."""
    record = read_image(_twin_chart(tmp_path / "twin.png", look))
    chart = _chart(record)
    assert [a.orientation for a in chart.axes].count("y") == 2
    assert _read_right(_series(chart, "Win rate"), EPOCHS, WIN_RATE, 2.0) >= 6
    assert _read_right(_series(chart, "Accuracy"), EPOCHS, ACCURACY, 1.0) >= 6


TOKENS = [1.0, 2.0, 3.5, 5.0, 8.0, 11.0, 13.0, 17.0, 20.0]
MIXTURE = {"Web": [22.0, 25.0, 21.0, 18.0, 24.0, 27.0, 23.0, 26.0, 30.0],
           "Code": [8.0, 12.0, 15.0, 11.0, 14.0, 10.0, 16.0, 19.0, 15.0],
           "Books": [12.0, 9.0, 14.0, 18.0, 13.0, 17.0, 12.0, 10.0, 16.0]}


def _stacked_chart(path: Path, how: str) -> Path:
    """Three pastel bands stacked from 0 (``stackplot``, or ``fill_between`` of cumulative
    sums with a line along each top), thin dark edges, a legend of patches upper left."""
    import matplotlib.pyplot as plt
    import numpy as np

    figure, ax = plt.subplots(figsize=(8.5, 5.2), dpi=100)
    colours = ["#aec7e8", "#ffbb78", "#98df8a"]
    if how == "stackplot":
        ax.stackplot(TOKENS, *MIXTURE.values(), labels=list(MIXTURE), colors=colours,
                     edgecolor="#333333", linewidth=0.8)
    else:
        lower = np.zeros(len(TOKENS))
        for colour, (name, values) in zip(colours, MIXTURE.items(), strict=True):
            upper = lower + np.array(values)
            ax.fill_between(TOKENS, lower, upper, color=colour, label=name, linewidth=0)
            ax.plot(TOKENS, upper, color="#333333", linewidth=1.0)
            lower = upper
    ax.set(xlim=(1, 20), ylim=(0, 80), xticks=[1, 5, 10, 15, 20],
           xlabel="Training tokens (B)", ylabel="Tokens (B)")
    ax.legend(loc="upper left")
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
    return path


@pytest.mark.parametrize("how", ["stackplot", "fill_between"])
def test_stacked_bands_give_each_series_its_own_value(tmp_path: Path, how: str) -> None:
    """Bands stacked from the baseline (``area_stacks.stacked_bands``) are each a series
    named by its legend patch, its value the band's thickness at the points where the
    boundaries bend (``area_stacks.bends``): before, the bands were read as bars (or the
    top edge as one line at the stack's height)."""
    record = read_image(_stacked_chart(tmp_path / "stack.png", how))
    chart = _chart(record)
    for name, values in MIXTURE.items():
        assert _read_right(_series(chart, name), TOKENS, values, 1.2) >= 7, name
    assert sum(len(s.points) for s in chart.series) <= 3 * (len(TOKENS) + 2)
