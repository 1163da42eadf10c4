"""Bars that are not one flat colour (issue 11, hatched): hatched fills, pale or of the
bar's own colour, series told apart by their hatch, and shaded fills. Each chart is drawn
here by matplotlib and read through the whole pipeline (real Tesseract); each test fails
without its mechanism."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from conftest import names_alike
from PIL import Image

from imgread.charts.text import plausible
from imgread.pipeline import read_image
from imgread.record import Box, Chart, Record, Word

MODELS = ["Qwen2.5-72B", "Mistral-Large", "Gemma-2-27B", "Falcon-180B", "Yi-34B"]
SCORES = [61.4, 47.2, 72.9, 38.6, 55.1]


def _save(figure: plt.Figure, path: Path, dpi: int = 100) -> Path:
    buffer = io.BytesIO()
    figure.tight_layout()
    figure.savefig(buffer, format="png", dpi=dpi)
    plt.close(figure)
    Image.open(io.BytesIO(buffer.getvalue())).convert("RGB").save(path)
    return path


def _bars(record: Record) -> list[Chart]:
    return [chart for chart in record.charts if chart.kind == "bar"]


def _series_read(chart: Chart, truth: list[tuple[str, float]]) -> bool:
    """Every bar of ``truth`` read once in one series: a name alike, its value within 1."""
    return any(
        len(series.points) == len(truth) and all(
            any(names_alike(str(p.x), name) and p.y is not None and abs(p.y - value) <= 1.0
                for p in series.points) for name, value in truth)
        for series in chart.series)


def _columns(ax: plt.Axes, values: list[float], **style: object) -> None:
    ax.bar(np.arange(len(values)), values, 0.6, **style)
    ax.set_xticks(np.arange(len(values)), MODELS[: len(values)])
    ax.set_ylim(0, 80)
    ax.set_ylabel("Accuracy (%)")


def test_pale_hatched_bars_are_bars(tmp_path: Path) -> None:
    """White columns hatched with thin black lines: the bars' mask (pixels off the page)
    held only the hatch lines and the outline, which the mask's opening took away, and the
    bars' columns changed colour at every line. The hatch is flattened to its mean colour,
    set off the page."""
    figure, ax = plt.subplots(figsize=(7, 4))
    _columns(ax, SCORES, color="white", edgecolor="black", hatch="//")
    chart = _bars(read_image(_save(figure, tmp_path / "pale_hatch.png")))[0]
    # (values only: the page reading loses the names under a page of hatching, read as
    # glyphs by Tesseract's layout)
    values = [point.y for series in chart.series for point in series.points]
    assert len(values) == len(SCORES)
    assert all(v is not None and abs(v - want) <= 1.0 for v, want in zip(values, SCORES,
                                                                           strict=True))


def test_bars_hatched_in_their_own_shade_are_one_bar_each(tmp_path: Path) -> None:
    """Orange columns cross-hatched in a darker orange: the hatch lines changed the
    columns' colour every few pixels, so columns were split into narrow bars or lost (six
    of seven read, one value off). Flattened, each is one bar of one colour."""
    values = [*SCORES, 66.3, 29.8]
    names = [*MODELS, "Phi-3-mini", "OLMo-7B"]
    with plt.rc_context({"hatch.linewidth": 1.0}):
        figure, ax = plt.subplots(figsize=(8, 4.5))
        ax.bar(np.arange(7), values, 0.6, color="#dd8452", edgecolor="#794829", hatch="xx")
    ax.set_xticks(np.arange(7), names, rotation=30, ha="right", rotation_mode="anchor")
    ax.set_ylim(0, 80)
    chart = _bars(read_image(_save(figure, tmp_path / "own_shade.png", dpi=150)))[0]
    assert _series_read(chart, list(zip(names, values, strict=True)))


def test_series_of_one_colour_told_apart_by_their_hatch(tmp_path: Path) -> None:
    """Grouped columns of one fill, the second series hatched: the hatched columns were
    read as the first series' too (one colour), each group's pair as two categories.
    Flattened, the hatched fill has a colour of its own, matched to its legend entry."""
    benchmarks, first, second = ["MMLU", "GSM8K", "HumanEval"], [26.2, 78.1, 58.9], [
        15.9, 44.5, 66.0]
    figure, ax = plt.subplots(figsize=(6.5, 4))
    slots = np.arange(3)
    ax.bar(slots - 0.2, first, 0.4, color="#dd8452", edgecolor="black", label="Model-A")
    ax.bar(slots + 0.2, second, 0.4, color="#dd8452", edgecolor="black", hatch="\\\\",
           label="Model-B")
    ax.set_xticks(slots, benchmarks)
    ax.set_ylim(0, 90)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.01), ncol=2)
    chart = _bars(read_image(_save(figure, tmp_path / "by_hatch.png")))[0]
    assert len(chart.series) == 2
    assert _series_read(chart, list(zip(benchmarks, first, strict=True)))
    assert _series_read(chart, list(zip(benchmarks, second, strict=True)))


ERRORS = [4.2, 6.5, 3.1, 5.4, 7.0]


def _error_barred(tmp_path: Path, name: str, **fill: object) -> Chart:
    """The five columns of ``SCORES`` with error bars and caps over them, read."""
    figure, ax = plt.subplots(figsize=(7, 4))
    _columns(ax, SCORES, edgecolor="black", yerr=ERRORS, capsize=4,
             error_kw={"elinewidth": 1.0, "ecolor": "black"}, **fill)
    ax.set_ylim(0, 90)
    return _bars(read_image(_save(figure, tmp_path / name)))[0]


def test_a_hatched_bar_ends_at_its_fill_not_at_its_error_bar(tmp_path: Path) -> None:
    """White columns hatched ``//`` under error bars: a whisker's rows (a stroke down the
    bar's middle) held as many edges as the sparse hatch's rows, so the flattened region
    grew up the whisker to the cap and the bar was read at its cap (72.9 as 76.8). The
    region grows only through rows whose edges reach across the bar."""
    chart = _error_barred(tmp_path, "hatched_errors.png", color="white", hatch="//")
    assert _series_read(chart, list(zip(MODELS, SCORES, strict=True)))


def test_a_plain_bar_ends_at_its_fill_not_at_its_error_bar(tmp_path: Path) -> None:
    """Flat columns under the same error bars: no texture is found in a whisker and its
    caps (they are thin strokes, not a pattern across a bar), so each bar keeps its own
    top."""
    chart = _error_barred(tmp_path, "plain_errors.png", color="#4c72b0")
    assert _series_read(chart, list(zip(MODELS, SCORES, strict=True)))


def test_shaded_bars_are_measured_to_their_top(tmp_path: Path) -> None:
    """Columns shaded from a pale foot to a full-coloured top: up each bar's middle the
    colour drifted past the stacked-segment threshold, so each bar was split into two or
    three "stacked" segments, and its top, found against the colour of its lower half,
    came out at half its height. A shaded fill is one run (it changes a little a row), and
    the top is found against the colour of the bar's upper part."""
    figure, ax = plt.subplots(figsize=(7, 4))
    bars = ax.bar(np.arange(5), SCORES, 0.6, color="none")
    shade = np.linspace(0, 1, 128)[:, None, None] * np.array([-0.55, -0.35, -0.1]) + np.array(
        [0.75, 0.85, 0.95])  # pale blue at the foot to a strong blue at the top
    for bar, value in zip(bars, SCORES, strict=True):
        image = ax.imshow(shade, extent=(bar.get_x(), bar.get_x() + 0.6, 0, value),
                          origin="lower", aspect="auto", zorder=2)
        image.set_clip_path(bar)
    ax.set_xlim(-0.6, 4.6)
    ax.set_xticks(np.arange(5), MODELS)
    ax.set_ylim(0, 80)
    charts = _bars(read_image(_save(figure, tmp_path / "shaded.png")))
    assert len(charts) == 1 and len(charts[0].series) == 1
    assert _series_read(charts[0], list(zip(MODELS, SCORES, strict=True)))


def test_hatch_strokes_read_surely_do_not_set_the_text_height() -> None:
    """OCR reads a hatched bar's strokes as "\\" at confidence 90 and more, in boxes as tall
    as the bar's hatch tile (64 px); with as many of them as real words, they set the
    page's text height and every glyph read from the hatch ("Z", "Y" at 60 px) passed for
    text (and ended the plot area). The text's height is taken from words with a letter or
    digit."""
    def word(text: str, height: int, confidence: float, x: int) -> Word:
        return Word(text=text, confidence=confidence,
                    box=Box(x1=x, y1=100, x2=x + 40, y2=100 + height))

    strokes = [word("\\", 64, 93, 10 * i) for i in range(8)]
    glyphs = [word("Z", 63, 60, 500), word("Y", 64, 57, 600)]
    text = [word(t, 17, 95, 700 + 50 * i) for i, t in enumerate(["MBPP", "BBH", "80", "60",
                                                                  "40", "20"])]
    kept = {w.text for w in plausible(strokes + glyphs + text)}
    assert kept == {"MBPP", "BBH", "80", "60", "40", "20"}


def test_a_flattened_series_is_named_by_its_hatched_legend_patch(tmp_path: Path) -> None:
    """Grouped columns, one series a pale fill under a dense black hatch: its bars are
    flattened to the hatch's mean colour, far from the pale fill, while the legend's patch
    (too small to be found as a texture) keeps its hatch, and its dominant colour is the
    fill: the series went unnamed. A textured patch names a series by its mean too."""
    benchmarks = ["MMLU", "GSM8K", "HumanEval", "MATH"]
    plain, hatched = [64.2, 71.5, 48.3, 36.9], [58.7, 80.4, 55.1, 42.6]
    with plt.rc_context({"hatch.linewidth": 1.0, "font.size": 11}):
        figure, ax = plt.subplots(figsize=(7, 4))
        slots = np.arange(len(benchmarks))
        ax.bar(slots - 0.2, plain, 0.4, color="#4c72b0", edgecolor="black", label="Qwen2.5-72B")
        ax.bar(slots + 0.2, hatched, 0.4, color="#fdd49e", edgecolor="black", hatch="xx",
               label="Mistral-Large")
        ax.set_xticks(slots, benchmarks)
        ax.set_ylim(0, 90)
        ax.set_ylabel("Accuracy (%)")
        ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), frameon=True,
                  edgecolor="black", fancybox=False)
    chart = _bars(read_image(_save(figure, tmp_path / "named_by_hatch.png", dpi=120)))[0]
    named = [series for series in chart.series if names_alike(series.name, "Mistral-Large")]
    assert named, [series.name for series in chart.series]
    assert _series_read(chart, list(zip(benchmarks, hatched, strict=True)))
