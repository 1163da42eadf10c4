"""Bar charts on a broken y axis (``imgread/charts/broken_axis.py``), rendered here with
matplotlib as ``benchmarks/chart_looks/broken_bars.py`` draws them, read through real
Tesseract."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image

from imgread.pipeline import read_image

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

NAMES = ["Mistral Large", "Phi-3.5 MoE", "Llama 3.1 70B", "Nemotron 70B", "Qwen2.5 72B"]


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _broken_columns(path: Path, values: list[float], printed: bool, jpeg: bool) -> Path:
    """Columns through two stacked panels sharing x: 0 to 10 below, 55 to 95 above, the
    panels a thin band apart with break marks on the spine; names slanted under them."""
    import matplotlib.pyplot as plt

    fig, (upper, lower) = plt.subplots(2, 1, sharex=True, figsize=(7, 4.4),
                                       gridspec_kw={"height_ratios": [3, 1], "hspace": 0.05})
    slots = list(range(len(values)))
    for ax in (upper, lower):
        ax.bar(slots, values, 0.7, color="#55a868", edgecolor="black", linewidth=0.6)
    upper.set_ylim(55, 95)
    lower.set_ylim(0, 10)
    lower.set_yticks([0, 5, 10])
    upper.spines["bottom"].set_visible(False)
    lower.spines["top"].set_visible(False)
    upper.tick_params(axis="x", bottom=False, labelbottom=False)
    marks = {"color": "k", "clip_on": False, "linewidth": 0.9}
    upper.plot((-0.012, 0.012), (-0.036, 0.036), transform=upper.transAxes, **marks)
    lower.plot((-0.012, 0.012), (0.964, 1.036), transform=lower.transAxes, **marks)
    if printed:
        for slot, value in zip(slots, values, strict=True):
            upper.text(slot, value + 0.6, f"{value:.1f}", ha="center", va="bottom", fontsize=9)
    lower.set_xticks(slots, NAMES[: len(values)], rotation=20, ha="right")
    fig.supylabel("MMLU (%)")
    fig.subplots_adjust(bottom=0.25, left=0.13)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=130)
    plt.close(fig)
    image = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    image.save(path, **({"quality": 85} if jpeg else {}))
    return path


def _read(path: Path) -> dict[str, float]:
    record = read_image(path)
    return {_norm(str(p.x)): p.y for chart in record.charts for s in chart.series
            for p in s.points if p.y is not None}


def _right(read: dict[str, float], values: list[float], tolerance: float) -> list[str]:
    """The names (as read: a slanted name may lose a word) whose value was read right."""
    return [name for name, value in zip(NAMES, values, strict=False)
            if any(key and (key in _norm(name) or _norm(name) in key)
                   and abs(y - value) <= tolerance for key, y in read.items())]


def test_printed_columns_through_a_broken_axis_keep_their_labels(tmp_path: Path) -> None:
    """The upper panel's area reached into the lower one: the bars found were the lower
    panel's stubs (every column read as the same value, its label far above it unbound).
    The band of page cutting every stub from more of its colour, past the lowest tick,
    ends the plot at the break: the columns are the upper panel's, each with its label."""
    values = [80.3, 71.9, 64.0, 87.1, 70.7]
    read = _read(_broken_columns(tmp_path / "printed.jpg", values, printed=True, jpeg=True))
    assert len(_right(read, values, 0.05)) >= 4, read


def test_unlabelled_columns_are_measured_in_the_panel_of_their_top(tmp_path: Path) -> None:
    """Without printed values, each column is measured on the upper panel's scale (not the
    lower one's, where every column reaches the top), and its name is found under the
    lower panel, where the column stands."""
    values = [77.5, 62.0, 84.5, 70.0]
    read = _read(_broken_columns(tmp_path / "measured.png", values, printed=False, jpeg=False))
    assert len(_right(read, values, 1.0)) >= 3, read


def test_a_gridline_drawn_over_columns_is_no_break(tmp_path: Path) -> None:
    """White gridlines over the bars cut every bar at one row too, but on a tick's rule:
    the bars stay whole and are measured on the one axis."""
    import matplotlib.pyplot as plt

    values = [42.0, 67.5, 55.0, 81.0]
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.bar(range(len(values)), values, 0.6, color="#4c72b0")
    ax.set_ylim(0, 100)
    ax.set_axisbelow(False)
    ax.yaxis.grid(True, color="white", linewidth=1.0)
    ax.set_xticks(range(len(values)), NAMES[: len(values)])
    path = tmp_path / "grid.png"
    fig.savefig(path, dpi=110)
    plt.close(fig)
    assert len(_right(_read(path), values, 1.5)) == len(values)


WRAPPED = ["GPT-4o mini 2024", "Llama 3.1 405B Instruct", "Claude 3.5 Sonnet (new)",
           "Mistral Large 2407", "Gemma 2 27B Instruct"]


def test_a_name_wrapped_over_two_lines_names_the_bar_it_is_centred_on(tmp_path: Path) -> None:
    """Long names left of thin lying bars, each wrapped over two lines set right: the lines
    stand above and below the bar's middle, outside its rows, and the shorter first line
    starts right of the second. Both lines are the bar's name, the top one first."""
    import matplotlib.pyplot as plt

    values = [66.8, 74.8, 25.4, 52.0, 81.5]
    lines = [" ".join(n.split()[:2]) + "\n" + " ".join(n.split()[2:]) for n in WRAPPED]
    fig, ax = plt.subplots(figsize=(6.5, 4.2))
    ax.barh(range(len(values)), values, 0.5, color="#4c72b0")
    ax.set_yticks(range(len(values)), lines)
    ax.set_xlim(0, 100)
    ax.set_xlabel("MMLU (%)")
    fig.tight_layout()
    path = tmp_path / "wrapped.png"
    fig.savefig(path, dpi=110)
    plt.close(fig)
    read = {str(p.x): p.y for chart in read_image(path).charts for s in chart.series
            for p in s.points if p.y is not None}
    right = [name for name, value in zip(WRAPPED, values, strict=True)
             if any(_norm(key).startswith(_norm(name.split()[0])) and len(key.split()) >= 3
                    and abs(y - value) <= 1.0 for key, y in read.items())]
    assert len(right) >= 4, read



FIXTURES = Path(__file__).parent / "fixtures" / "charts"


def test_values_read_alone_past_thin_bars_find_their_bars() -> None:
    """Grouped lying bars thinner than their printed values, no value axis (an SVG shot in
    Chromium): the page's second reading lost most labels; those read alone past the
    bars' ends were boxed as tall as the window they were read in, so the bar left of them
    filled too little of it to be found, and no chart was left. Boxed a text's height on
    the bar's middle, each finds its bar, and every value is read."""
    record = read_image(FIXTURES / "breaks_svg_thin_grouped.png")
    truth = {"BBH": [92.9, 28.9, 73.8, 44.4, 55.2], "HumanEval": [64.1, 63.4, 60.0, 86.0, 23.8]}
    read = {(_norm(s.name)[:5], p.y) for chart in record.charts for s in chart.series
            for p in s.points if p.y is not None}
    right = [(name, value) for name, values in truth.items() for value in values
             if any(series == _norm(name)[:5] and abs(y - value) <= 0.2 for series, y in read)]
    assert len(right) >= 9, read
