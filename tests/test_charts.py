"""Chart reading: pure pieces (numbers, tick fits, record views) and real screenshots through
the real preprocessing and Tesseract OCR."""

from __future__ import annotations

import json
import math
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from conftest import SAMPLES, font, read_real, render_table
from PIL import Image, ImageDraw

from imgread.charts import rows_from_chart, scores_from_chart
from imgread.charts.axes import decade_axis, fit_ticks
from imgread.charts.lines import follow_line
from imgread.charts.text import (
    Phrase,
    as_tick,
    parse_number,
    power_value,
    size_value,
    split_merged_numbers,
)
from imgread.config import Config
from imgread.pipeline import read_image
from imgread.reconcile.evidence import Evidence
from imgread.reconcile.sources import merge_scores
from imgread.record import Axis, AxisTick, Box, Chart, ChartPoint, Score, Series, Word


def _tick(text: str, y: int, x: int = 40) -> Phrase:
    box = Box(x1=x, y1=y - 8, x2=x + 30, y2=y + 8)
    return Phrase(words=[Word(text=text, confidence=95, box=box)], box=box, text=text)


def test_parse_number_reads_labels_and_refuses_words() -> None:
    assert parse_number("45.3") == 45.3
    assert parse_number("66.2,") == 66.2
    assert parse_number("1,000") == 1000
    assert parse_number("−5") == -5
    assert parse_number("80%") == 80
    assert parse_number("GSM8K") is None


def test_merged_bar_labels_are_split() -> None:
    box = Box(x1=100, y1=10, x2=180, y2=30)
    words = split_merged_numbers([Word(text="24.825.3", confidence=70, box=box),
                                  Word(text="73.8746", confidence=30, box=box)])
    assert [w.text for w in words] == ["24.8", "25.3", "73.8", "74.6"]
    assert words[0].box.x2 == words[1].box.x1 == 140


def test_linear_fit_rejects_a_misread_tick() -> None:
    ticks = [_tick("60", 100), _tick("50", 200), _tick("40", 300), _tick("80", 400),
             _tick("20", 500)]
    fit = fit_ticks(ticks, "y")
    assert fit is not None and fit.scale == "linear"
    assert sorted(p.text for p in fit.ticks) == ["20", "40", "50", "60"]
    assert fit.value(350) == pytest.approx(35, abs=0.01)


def test_log_scale_is_detected_from_tick_values() -> None:
    ticks = [_tick(str(v), 0, x=int(100 + 200 * math.log10(v))) for v in
             (7, 13, 34, 70)]
    for phrase in ticks:
        phrase.box = Box(x1=phrase.box.x1 - 10, y1=500, x2=phrase.box.x1 + 10, y2=516)
    fit = fit_ticks(ticks, "x")
    assert fit is not None and fit.scale == "log"
    assert fit.value(100 + 200 * math.log10(20)) == pytest.approx(20, rel=0.01)


def _chart(kind: str, title: str, x_title: str = "") -> Chart:
    return Chart(
        kind=kind, box=Box(x1=0, y1=0, x2=10, y2=10), title=title,
        axes=[Axis(orientation="y", ticks=[AxisTick(label="0", value=0, pixel=9)]),
              Axis(orientation="x", title=x_title, scale="log")],
        series=[Series(name="LLaMA 2", points=[
            ChartPoint(x="MMLU" if kind == "bar" else 7.0, y=45.3, px=1, py=2, confidence=0.9),
            ChartPoint(x="GSM8K" if kind == "bar" else 70.0, y=68.9, px=5, py=1, confidence=0.9),
        ])],
    )


def test_scores_from_grouped_bars_use_series_as_model() -> None:
    scores = scores_from_chart(_chart("bar", ""))
    assert [(s.model, s.benchmark, s.value, s.source) for s in scores] == [
        ("LLaMA 2", "MMLU", 45.3, "chart"), ("LLaMA 2", "GSM8K", 68.9, "chart")]


def test_rows_from_a_scaling_curve() -> None:
    chart = _chart("line", "MMLU", "Model size (billion parameters)")
    rows = rows_from_chart(chart)
    assert [(r.model, r.params_b, r.mmlu) for r in rows] == [
        ("LLaMA 2", 7.0, 45.3), ("LLaMA 2", 70.0, 68.9)]
    assert scores_from_chart(chart)[0].benchmark == "MMLU"
    assert rows_from_chart(_chart("line", "GSM8K", "Model size (billion parameters)")) == []


def test_a_table_is_not_a_chart(tmp_path: Path) -> None:
    path = render_table(tmp_path / "table.png", ["Model", "MMLU", "GSM8K"],
                        [["LLaMA-7B", "35.1", "11.0"], ["Qwen-7B", "56.7", "51.6"],
                         ["Mistral-7B", "60.1", "52.2"], ["Yi-6B", "63.2", "32.6"]])
    record = read_image(path, Config())
    assert record.charts == []
    assert not any(error.stage == "charts" for error in record.errors)


def _truth(shared: Path, name: str) -> list[dict]:
    data = json.loads((shared / "data" / "real" / "truth.json").read_text())
    return [s for s in data[name]["scores"] if s["value"] is not None]


def _similar(a: str, b: str) -> bool:
    a, b = ("".join(c for c in t.lower() if c.isalnum()) for t in (a, b))
    return bool(a and b) and (a in b or b in a or SequenceMatcher(None, a, b).ratio() >= 0.8)


def test_real_grouped_bar_chart_values_come_from_its_labels(shared_dir: Path) -> None:
    record = read_real(shared_dir, "qwen7b_perf_bar.png")
    scores = [s for chart in record.charts for s in scores_from_chart(chart)]
    truth = _truth(shared_dir, "qwen7b_perf_bar.png")
    hits = sum(
        any(_similar(s.model, t["model"]) and _similar(s.benchmark, t["benchmark"])
            and s.value == t["value"] for s in scores)
        for t in truth
    )
    assert hits >= 0.85 * len(truth)
    assert len(scores) <= len(truth) + 2
    assert all(chart.kind == "bar" for chart in record.charts)


def test_dark_small_multiples_give_one_chart_per_panel(shared_dir: Path) -> None:
    record = read_real(shared_dir, "kimi_k2_banner_dark.png")
    titles = {chart.title for chart in record.charts}
    # one panel in eight may lose its axis to an OCR miss of its tick labels
    assert 7 <= len(record.charts) <= 8
    assert len(titles & {"SWE-bench Verified", "OJBench", "GPQA-Diamond", "AIME 2025"}) >= 3
    panel = next(chart for chart in record.charts if chart.title == "SWE-bench Verified")
    assert panel.kind == "bar"
    heights = sorted(p.y for s in panel.series for p in s.points if p.y is not None)
    # the five bars, measured from the axis (their labels are white on grey): within 2%
    assert heights == pytest.approx([34.4, 38.8, 54.6, 65.8, 72.5], abs=0.02 * 80)


def test_seed001_chart_yields_series_and_reference_lines() -> None:
    path = SAMPLES / "seed001_llama2_mistral_chart.png"
    expected_path = SAMPLES / "expected.json"
    if not path.exists() or not expected_path.exists():
        pytest.skip("samples/ has no seed001 chart (run samples/make_samples.py)")
    expected = json.loads(expected_path.read_text())[path.name]
    record = read_image(path)
    by_title = {chart.title: chart for chart in record.charts}
    assert set(by_title) == {"MMLU", "Reasoning", "Knowledge", "Comprehension"}
    for want in expected["reference_lines"]:
        chart = by_title[want["panel"]]
        got = [r for r in chart.reference_lines if r.orientation == want["orientation"]]
        assert len(got) == 1, (want, chart.reference_lines)
        assert got[0].value == pytest.approx(want["value"], abs=0.3)
        assert _similar(got[0].label, want["label"])
    for want in expected["series"]:
        chart = by_title[want["panel"]]
        series = next(s for s in chart.series if _similar(s.name, want["name"]))
        read = {p.x: p.y for p in series.points}
        for x, y in want["points"]:
            if x in read:  # a marker under a dashed line's end can be lost
                assert read[x] == pytest.approx(y, abs=0.3)
        assert len(read) >= len(want["points"]) - 1
    rows = [row for chart in record.charts for row in rows_from_chart(chart)]
    assert {(row.params_b, round(row.mmlu or 0)) for row in rows} >= {
        (row["params_b"], round(row["mmlu"])) for row in expected["rows"]
    }


def test_powers_of_ten_and_sizes_are_tick_values() -> None:
    assert power_value("10¹") == 10
    assert power_value("2×10¹") == 20
    assert power_value("1e1") == 10
    assert power_value("2x 10°") == 2  # OCR's reading of a raised 0
    assert power_value("3x10?") == 30  # and of a raised 1
    assert power_value("101") is None  # a plain number stays one
    assert power_value("GSM8K") is None
    assert size_value("10B") == 10
    assert size_value("500M") == 0.5
    assert size_value("7 shots") is None


def test_a_log_axis_is_fitted_on_power_of_ten_ticks() -> None:
    texts = {2: "2x 10°", 3: "3x10%", 10: "10?", 20: "2x10?", 30: "3x10?"}
    ticks = []
    for value, text in texts.items():
        x = int(100 + 300 * math.log10(value))
        box = Box(x1=x - 15, y1=500, x2=x + 15, y2=514)
        ticks.append(as_tick(Phrase(words=[Word(text=text, confidence=90, box=box)], box=box,
                                    text=text)))
    fit = fit_ticks(ticks, "x")
    assert fit is not None and fit.scale == "log" and len(fit.ticks) == 5
    assert fit.value(100 + 300 * math.log10(7)) == pytest.approx(7, rel=0.02)


def _score(value: float, source: str, provenance: str | None = None,
           uncertainty: float | None = None) -> Score:
    evidence = {} if provenance is None else {"provenance": provenance,
                                              "uncertainty": uncertainty}
    return Score(model="Heron-7B", benchmark="PIQA", value=value, source="chart",
                 sources=[source], confidence=0.7, evidence=evidence)


def test_a_measured_value_within_its_uncertainty_is_no_conflict() -> None:
    ocr = [_score(61.2, "ocr:table0")]
    merged, flags = merge_scores(ocr, [_score(62.0, "chart:bar", "measured", 1.0)], 0.05)
    assert flags == [] and merged[0].value == 61.2 and "chart:bar" in merged[0].sources
    # a printed label read as another number is a conflict, however close the bar
    _, flags = merge_scores(ocr, [_score(62.0, "chart:bar", "label")], 0.05)
    assert [f.kind for f in flags] == ["sources_disagree"]
    # and a measurement outside its uncertainty too
    _, flags = merge_scores(ocr, [_score(64.0, "chart:bar", "measured", 1.0)], 0.05)
    assert [f.kind for f in flags] == ["sources_disagree"]


def _matplotlib() -> object:
    matplotlib = pytest.importorskip("matplotlib", reason="matplotlib: pip install matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def test_close_single_series_bars_each_take_their_label_and_category(tmp_path: Path) -> None:
    plt: Any = _matplotlib()
    names, values = ["PIQA", "SIQA", "DROP", "OBQA"], [64.1, 75.3, 19.5, 48.8]
    with plt.style.context("bmh"):  # gridlines over the bars, a shaded plot face
        fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
        bars = ax.bar(names, values, width=0.85, color="#3b7d23")
        ax.bar_label(bars, fmt="%.1f")
        ax.set_ylim(0, 90)
        fig.savefig(tmp_path / "bars.png")
        plt.close(fig)
    record = read_image(tmp_path / "bars.png")
    points = [p for chart in record.charts for s in chart.series for p in s.points]
    assert sorted((p.x, p.y) for p in points) == sorted(zip(names, values, strict=True))
    assert all(p.provenance == "label" for p in points)


def test_a_log_axis_in_matplotlibs_tick_text_is_calibrated(tmp_path: Path) -> None:
    plt: Any = _matplotlib()
    xs, ys = [2, 3, 7, 13, 30], [20.0, 25.0, 31.0, 40.0, 52.0]
    fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
    ax.plot(xs, ys, marker="o")
    ax.set_xscale("log")  # tick text 2×10⁰ ... 10¹, 2×10¹, 3×10¹
    fig.savefig(tmp_path / "log.png")
    plt.close(fig)
    record = read_image(tmp_path / "log.png")
    chart = next(c for c in record.charts if c.kind in ("line", "scatter"))
    assert [a.scale for a in chart.axes if a.orientation == "x"] == ["log"]
    points = [p for s in chart.series for p in s.points]
    for x, y in zip(xs, ys, strict=True):
        assert any(isinstance(p.x, float) and abs(math.log10(p.x / x)) < 0.02
                   and abs((p.y or 0) - y) < 1.0 for p in points), (x, y)
    assert all(p.provenance == "measured" and p.uncertainty for p in points)


def test_horizontal_bars_are_read_on_the_x_axis(tmp_path: Path) -> None:
    plt: Any = _matplotlib()
    names, values = ["PIQA", "SIQA", "DROP", "OBQA"], [64.1, 75.3, 19.5, 48.8]
    fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
    bars = ax.barh(names, values, color="#d95f02")
    ax.bar_label(bars, fmt="%.1f", padding=3)
    ax.set_xlim(0, 90)
    fig.tight_layout()
    fig.savefig(tmp_path / "hbars.png")
    plt.close(fig)
    record = read_image(tmp_path / "hbars.png")
    assert [chart.kind for chart in record.charts] == ["hbar"]
    points = [p for s in record.charts[0].series for p in s.points]
    assert sorted((p.x, p.y) for p in points) == sorted(zip(names, values, strict=True))


def test_a_text_only_meme_has_no_chart(tmp_path: Path) -> None:
    """A countdown of benchmark scores in meme text: numbers in a column, no axis."""
    image = Image.new("RGB", (640, 640), (70, 110, 160))
    draw = ImageDraw.Draw(image)
    big = font(44)
    draw.text((320, 40), "TOP 5 BENCHMARKS", font=big, fill="white", anchor="mm",
              stroke_width=3, stroke_fill="black")
    lines = ("MMLU 86.4", "GSM8K 92", "HumanEval 67", "MATH 52.9", "vibes 100")
    for row, (rank, text) in enumerate(zip((5, 4, 3, 2, 1), lines, strict=True)):
        for x, words in ((60, str(rank)), (130, text)):
            draw.text((x, 130 + 95 * row), words, font=big, fill="white", stroke_width=3,
                      stroke_fill="black")
    image.save(tmp_path / "meme.png")
    assert read_image(tmp_path / "meme.png").charts == []


def test_a_vlm_number_within_a_measured_points_uncertainty_is_in_the_image() -> None:
    def evidence(provenance: str) -> Evidence:
        point = ChartPoint(x="PIQA", y=62.0, px=0, py=0, provenance=provenance,
                           uncertainty=0.8 if provenance == "measured" else None)
        chart = Chart(kind="bar", box=Box(x1=0, y1=0, x2=10, y2=10),
                      series=[Series(name="Heron-7B", points=[point])])
        return Evidence(text="PIQA", charts=[chart])

    assert evidence("measured").has_number(62.5)
    assert not evidence("measured").has_number(63.5)
    assert not evidence("label").has_number(62.5)  # a printed 62.0 shows 62.0 only


def test_a_line_is_followed_past_a_stray_piece_of_another() -> None:
    own = np.zeros((60, 40), dtype=bool)
    own[30:32, :] = True  # the line
    own[5:7, 10:20] = True  # a piece of another series in the same columns
    assert follow_line(own, np.arange(40)) == [30.5] * 40


def test_two_powers_of_ten_place_a_log_axis() -> None:
    ticks = []
    for value, x in ((1.0, 100), (10.0, 400)):
        box = Box(x1=x - 12, y1=500, x2=x + 12, y2=516)
        ticks.append(as_tick(Phrase(words=[Word(text=f"10{'⁰' if value == 1 else '¹'}",
                                                confidence=90, box=box)],
                                    box=box, text=f"10{'⁰' if value == 1 else '¹'}")))
    fit = decade_axis(ticks)
    assert fit is not None and fit.scale == "log"
    assert fit.value(100 + 300 * math.log10(3)) == pytest.approx(3, rel=0.01)
