"""Value labels read alone and bars measured against their axis line: the mechanisms that
took the real labelled bar charts (../shared/data/real) to exact values."""

from __future__ import annotations

import json
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np
from conftest import font, read_real
from PIL import Image, ImageDraw

from imgread.charts import scores_from_chart
from imgread.charts.bars import RawBar
from imgread.charts.labels import label_crop, readings
from imgread.config import Config
from imgread.record import Record

WHITE = np.array([255.0, 255.0, 255.0])


def _real(shared: Path, name: str) -> tuple[Record, list[dict]]:
    data = json.loads((shared / "data" / "real" / "truth.json").read_text())
    truth = [s for s in data[name]["scores"] if s["value"] is not None]
    return read_real(shared, name), truth


def _similar(a: str, b: str) -> bool:
    a, b = ("".join(c for c in t.lower() if c.isalnum()) for t in (a, b))
    return bool(a and b) and (a in b or b in a or SequenceMatcher(None, a, b).ratio() >= 0.8)


def _exact(record: Record, truth: list[dict]) -> int:
    """How many truth triples the record reads exactly."""
    read = [s for chart in record.charts for s in scores_from_chart(chart)]
    return sum(any(_similar(s.model, t["model"]) and _similar(s.benchmark, t["benchmark"])
                   and s.value == t["value"] for s in read)
               for t in truth)


def _touching_labels() -> tuple[np.ndarray, list[RawBar]]:
    """Three narrow bars side by side, the labels of the two of equal height touching
    ("23.323.3"), the third's label lower down beside a taller neighbour."""
    image = Image.new("RGB", (220, 200), "white")
    draw = ImageDraw.Draw(image)
    bars = [RawBar(x1=40, x2=80, top=90, bottom=190, colour=np.array([180.0, 180.0, 180.0])),
            RawBar(x1=81, x2=121, top=90, bottom=190, colour=np.array([120.0, 160.0, 220.0])),
            RawBar(x1=122, x2=162, top=140, bottom=190, colour=np.array([230.0, 200.0, 140.0]))]
    for bar in bars:
        draw.rectangle((bar.x1, bar.top, bar.x2 - 1, bar.bottom),
                       fill=tuple(int(c) for c in bar.colour))
    small = font(15)
    for bar, text in zip(bars, ("23.3", "23.3", "9.3"), strict=True):
        width = draw.textlength(text, font=small)
        draw.text((bar.cx - width / 2, bar.top - 19), text, fill="black", font=small)
    return np.asarray(image), bars


def test_touching_labels_are_each_read_from_their_own_glyphs() -> None:
    rgb, bars = _touching_labels()
    settings = Config().ocr
    read = []
    for bar in bars:
        crop = label_crop(rgb, bar, bars, 13.0, WHITE, "above")
        assert crop is not None
        read.append(readings(crop, settings)[0])
    assert read == ["23.3", "23.3", "9.3"]


def test_narrow_bars_with_touching_labels_read_exactly(shared_dir: Path) -> None:
    record, truth = _real(shared_dir, "dsv3_bench_bar.png")
    assert _exact(record, truth) == len(truth)


def test_labels_inside_bars_keep_their_decimals_and_short_bars_keep_their_panel(
    shared_dir: Path,
) -> None:
    record, truth = _real(shared_dir, "kimi_k2_banner_dark.png")
    # the panel whose lowest ticks went unread and whose short bars carry a label read with
    # a stray mark ('"19.5')
    assert "OJBench" in {chart.title for chart in record.charts}
    assert _exact(record, truth) >= 0.95 * len(truth)


def test_unlabelled_bars_are_measured_from_the_axis_line(shared_dir: Path) -> None:
    """Most bars here carry no label: measured against the axis line the bars stand on,
    not the tick labels' centres (a font's pixel off), they come out exact to a tenth."""
    record, truth = _real(shared_dir, "minimax01_textbench_bar.png")
    measured = [s for chart in record.charts for s in scores_from_chart(chart)
                if s.evidence.get("provenance") == "measured"]
    assert len(measured) >= 35
    exact = sum(any(_similar(s.model, t["model"]) and _similar(s.benchmark, t["benchmark"])
                    and abs((s.value or 0.0) - t["value"]) <= 0.051 for t in truth)
                for s in measured)
    assert exact >= 0.95 * len(measured)


def test_a_short_bar_over_the_axis_line_keeps_its_series_colour(shared_dir: Path) -> None:
    """A bar a few pixels tall (8.7 on an axis from 8) sampled at the reduced size takes in
    its outline and the frame under it: measured again at full size it is its series' bar,
    not a stub, and takes its label."""
    record, truth = _real(shared_dir, "qwen7b_perf_bar.png")
    assert _exact(record, truth) == len(truth)
