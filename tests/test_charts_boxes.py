"""Box plots (issue 11): boxes told by their shape (a box with a median line across it and
a whisker out of an end), medians from a printed label bound within the box's quartiles or
measured on the axis, on charts drawn here by matplotlib and on the real llmperf chart."""

from __future__ import annotations

import io
import json
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np
import pytest

from imgread.charts import scores_from_chart
from imgread.charts.box_shapes import find_boxes
from imgread.charts.text import as_tick, measure_value
from imgread.ocr.phrase import Phrase
from imgread.pipeline import read_image
from imgread.record import Box, Record, Word

PROVIDERS = ["Anyscale", "Bedrock", "Fireworks", "Lepton", "Together"]
# (whisker low, q1, median, q3, whisker high), seconds
STATS = [(0.21, 0.32, 0.41, 0.52, 0.83), (0.35, 0.55, 0.66, 0.74, 1.02),
         (0.18, 0.25, 0.29, 0.38, 0.61), (0.62, 0.81, 0.95, 1.12, 1.41),
         (0.30, 0.44, 0.58, 0.69, 0.97)]


def _similar(a: str, b: str) -> bool:
    a, b = ("".join(c for c in t.lower() if c.isalnum()) for t in (a, b))
    return bool(a and b) and (a in b or b in a or SequenceMatcher(None, a, b).ratio() >= 0.8)


def _draw(path: Path, style: str, lying: bool, printed: bool, filled: bool) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    boxes = [{"whislo": lo, "q1": q1, "med": med, "q3": q3, "whishi": hi, "fliers": []}
             for lo, q1, med, q3, hi in STATS]
    with plt.style.context(style):
        fig, ax = plt.subplots(figsize=(7, 4.5), dpi=100)
        ax.bxp(boxes, orientation="horizontal" if lying else "vertical", widths=0.5,
               patch_artist=filled)
        places = list(range(1, len(PROVIDERS) + 1))
        if lying:
            ax.set_yticks(places, PROVIDERS)
            ax.set_xlabel("Time to first token (s)")
        else:
            ax.set_xticks(places, PROVIDERS)
            ax.set_ylabel("Time to first token (s)")
        for place, (_, _, med, _, _) in zip(places, STATS, strict=True):
            if printed and lying:
                ax.text(med, place + 0.3, f"{med:.2f} s", ha="center", va="bottom", fontsize=10)
            elif printed:
                ax.text(place + 0.27, med, f"{med:.2f} s", ha="left", va="center", fontsize=10)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        plt.close(fig)
    path.write_bytes(buffer.getvalue())


def _medians(record: Record) -> dict[str, float]:
    """Category -> median read, from the box plots in the record."""
    read: dict[str, float] = {}
    for chart in record.charts:
        assert chart.kind == "box"
        for series in chart.series:
            for point in series.points:
                if isinstance(point.x, str) and point.y is not None:
                    read[point.x] = point.y
    return read


def _right(read: dict[str, float], within: float) -> int:
    return sum(any(_similar(name, provider) and abs(value - med) <= within
                   for name, value in read.items())
               for provider, (_, _, med, _, _) in zip(PROVIDERS, STATS, strict=True))


def test_times_and_rates_print_numbers() -> None:
    assert measure_value("0.2s") == 0.2
    assert measure_value("1.08 s") == 1.08
    assert measure_value("45 ms") == 45.0
    assert measure_value("85.1 tok/s") == 85.1
    assert measure_value("GSM8K") is None and measure_value("7B") is None
    word = Word(text="0.54", confidence=90.0, box=Box(x1=0, y1=0, x2=30, y2=12))
    unit = Word(text="s", confidence=90.0, box=Box(x1=34, y1=0, x2=40, y2=12))
    assert as_tick(Phrase.of([word, unit])).value == 0.54


def test_a_box_is_told_from_a_bar_a_disc_and_a_patch_by_its_shape() -> None:
    """One box with whiskers and a median line among a bar (no whisker), a filled disc (a
    logo: its sides are not straight) and a legend patch: only the box is found."""
    view = np.full((200, 160, 3), 255, np.uint8)  # rows along the value axis
    blue = (70, 110, 190)
    view[60:120, 20:50] = blue  # the box
    view[89:91, 20:50] = (250, 140, 20)  # its median line
    view[30:60, 34:36] = (40, 40, 40)  # whiskers, with caps
    view[120:170, 34:36] = (40, 40, 40)
    view[30:32, 28:42] = view[168:170, 28:42] = (40, 40, 40)
    view[40:190, 70:100] = blue  # a bar
    yy, xx = np.mgrid[:200, :160]
    view[(yy - 60) ** 2 + (xx - 130) ** 2 <= 20**2] = (120, 40, 100)  # a disc
    view[150:165, 120:135] = blue  # a patch
    boxes = find_boxes(view, np.array([255.0, 255.0, 255.0]))
    assert len(boxes) == 1
    box = boxes[0]
    assert (box.c1, box.c2) == (20, 49)
    assert (box.q_lo, box.q_hi, box.w_lo, box.w_hi) == (60, 119, 30, 169)
    assert box.median is not None and abs(box.median - 90) <= 0.5


def test_a_gridline_through_a_hollow_box_is_no_median_line() -> None:
    view = np.full((200, 120, 3), 240, np.uint8)
    view[70, :] = (200, 200, 200)  # a gridline across the plot, seen through the box
    view[50:52, 20:60] = view[110:112, 20:60] = (30, 30, 30)  # the box's ends
    view[50:112, 20:22] = view[50:112, 58:60] = (30, 30, 30)  # and sides
    view[95:97, 22:58] = (240, 120, 20)  # the median line
    view[20:50, 39:41] = view[112:180, 39:41] = (30, 30, 30)  # whiskers
    boxes = find_boxes(view, np.array([240.0, 240.0, 240.0]))
    assert len(boxes) == 1 and boxes[0].median is not None
    assert abs(boxes[0].median - 96) <= 0.5


def test_lying_hollow_boxes_are_measured(tmp_path: Path) -> None:
    """Hollow boxes with gridlines, no printed values: each box's median is measured on
    the x axis, with its uncertainty and the quartiles."""
    path = tmp_path / "boxes.png"
    _draw(path, "fivethirtyeight", lying=True, printed=False, filled=False)
    record = read_image(path)
    read = _medians(record)
    assert _right(read, 0.02) >= 4, read
    point = next(p for c in record.charts for s in c.series for p in s.points)
    assert point.provenance == "measured" and point.uncertainty is not None
    assert point.quartiles is not None and point.quartiles.q1 < point.y < point.quartiles.q3


def test_printed_medians_beside_upright_boxes_are_their_values(tmp_path: Path) -> None:
    path = tmp_path / "boxes.png"
    _draw(path, "seaborn-v0_8-whitegrid", lying=False, printed=True, filled=True)
    record = read_image(path)
    read = _medians(record)
    assert _right(read, 0.001) >= 4, read  # the printed values, exactly
    scores = [s for c in record.charts for s in scores_from_chart(c)]
    assert scores and all("median" in s.benchmark.lower() for s in scores)


def test_real_box_plot_with_printed_medians(shared_dir: Path) -> None:
    """llmperf's time to first token: pale boxes with dashed medians, the medians printed
    above (OCR loses most of them on the page; each is read alone where the others are),
    one printed within its box but off its dashed line (the label is the value, flagged)."""
    name = "llmperf_ttft_13b.jpg"
    data = json.loads((shared_dir / "data" / "real" / "truth.json").read_text())
    truth = data[name]["scores"]
    record = read_image(shared_dir / "data" / "real" / "images" / name)
    read = [s for c in record.charts for s in scores_from_chart(c)]
    exact = sum(any(_similar(s.model, t["model"]) and _similar(s.benchmark, t["benchmark"])
                    and s.value is not None and abs(s.value - t["value"]) < 0.005 for s in read)
                for t in truth)
    assert exact >= 4, [(s.model, s.benchmark, s.value) for s in read]
    assert any(f.kind == "label_geometry_mismatch" for f in record.flags)


@pytest.mark.parametrize("name", ["dsv3_bench_bar.png", "qwen7b_perf_bar.png"])
def test_bar_charts_are_not_box_plots(shared_dir: Path, name: str) -> None:
    record = read_image(shared_dir / "data" / "real" / "images" / name)
    assert record.charts and all(c.kind == "bar" for c in record.charts)
