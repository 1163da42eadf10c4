"""Charts inside an application's frame: bars with printed values and no axis (a slide, a
post), a legend looked for only on the chart's own page, and no swatch in an avatar."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from conftest import font
from PIL import Image, ImageDraw

from imgread.charts.frames import chart_frame
from imgread.charts.legend import legend_names, swatch_colour
from imgread.pipeline import read_image
from imgread.record import Box, Word

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

NAMES = ["Orca-70B", "Tern-7B", "Mako-8B", "Skua-13B", "Gull-34B"]
SCORES = [81.4, 47.2, 52.9, 63.0, 74.6]
BAR = "#2f6fd0"


def _figure_image(fig: Any) -> Image.Image:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    buffer.seek(0)
    return Image.open(buffer).convert("RGB")


def _no_axis_bars(lying: bool) -> Image.Image:
    """Bars with their values printed at their ends and no value axis drawn."""
    with plt.rc_context({"axes.spines.top": False, "axes.spines.right": False,
                         "font.size": 12}):
        fig, ax = plt.subplots(figsize=(6.2, 3.6), dpi=100)
        if lying:
            bars = ax.barh(NAMES, SCORES, color=BAR, height=0.6)
            ax.spines["bottom"].set_visible(False)
            ax.set_xticks([])
            ax.set_xlim(0, 1.15 * max(SCORES))
        else:
            bars = ax.bar(NAMES, SCORES, color=BAR, width=0.6)
            ax.spines["left"].set_visible(False)
            ax.set_yticks([])
            ax.set_ylim(0, 1.15 * max(SCORES))
        ax.bar_label(bars, fmt="%.1f", padding=3)
        ax.set_title("HellaSwag", loc="left", fontweight="bold")
        fig.tight_layout()
        return _figure_image(fig)


def _slide_editor(chart: Image.Image, menu_swatch: str | None = None) -> Image.Image:
    """The chart on a white slide in a grey stage, a menu bar and a strip of thumbnails
    around it; ``menu_swatch`` draws a square of that colour before a menu word (a theme's
    colour picker)."""
    width, height = chart.width + 260, chart.height + 150
    page = Image.new("RGB", (width, height), (249, 251, 253))
    draw = ImageDraw.Draw(page)
    small = font(14)
    draw.text((12, 10), "File Edit View Insert Format Slide Tools Help", font=small,
              fill=(60, 60, 60))
    if menu_swatch is not None:
        draw.rectangle((420, 12, 431, 23), fill=menu_swatch)
        draw.text((438, 10), "Accent", font=small, fill=(60, 60, 60))
    for row in range(3):
        draw.rectangle((14, 60 + 80 * row, 134, 128 + 80 * row), fill="white",
                       outline=(210, 210, 210))
    draw.rectangle((160, 44, width - 10, height - 10), fill=(232, 234, 237))
    draw.rectangle((190, 70, 190 + chart.width + 40, 70 + chart.height + 40), fill="white")
    page.paste(chart, (210, 90))
    return page


def _post(chart: Image.Image, avatar: str) -> Image.Image:
    """The chart in a social post: an author's name beside a round avatar above it, and
    a line of reactions under it."""
    width, height = chart.width + 32, chart.height + 150
    page = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(page)
    draw.ellipse((16, 12, 64, 60), fill=avatar)
    draw.text((74, 16), "Maya Lindqvist", font=font(15), fill=(25, 25, 25))
    draw.text((74, 38), "ML Engineer", font=font(12), fill=(100, 100, 100))
    draw.text((16, 76), "Our latest results on HellaSwag.", font=font(14), fill=(25, 25, 25))
    page.paste(chart, (16, 104))
    draw.text((16, 114 + chart.height), "412 reactions 38 comments", font=font(12),
              fill=(100, 100, 100))
    return page


def _points(record: Any) -> dict[str, float]:
    return {str(p.x).lower(): p.y for chart in record.charts for s in chart.series
            for p in s.points}


def test_upright_bars_with_printed_values_and_no_axis_on_a_slide(tmp_path: Path) -> None:
    """No y axis is drawn: the printed values, in proportion to the bars' heights, are the
    scale, and the chart is found in the slide editor around it."""
    _slide_editor(_no_axis_bars(lying=False)).save(tmp_path / "slide.png")
    record = read_image(tmp_path / "slide.png")
    assert [chart.kind for chart in record.charts] == ["bar"]
    assert _points(record) == {name.lower(): v for name, v in zip(NAMES, SCORES, strict=True)}
    assert record.charts[0].title == "HellaSwag"


def test_lying_bars_with_printed_values_and_no_axis_in_a_post(tmp_path: Path) -> None:
    """No x axis: the values printed past the bars' ends are the scale. The author's name
    beside an avatar of the bars' own colour is no legend entry (the avatar runs on above
    and below the name, as no swatch does)."""
    _post(_no_axis_bars(lying=True), avatar=BAR).save(tmp_path / "post.jpg", quality=80)
    record = read_image(tmp_path / "post.jpg")
    assert [chart.kind for chart in record.charts] == ["hbar"]
    assert _points(record) == {name.lower(): v for name, v in zip(NAMES, SCORES, strict=True)}
    assert [s.name for s in record.charts[0].series] == [""]


def test_a_menu_word_beside_a_patch_of_the_bars_colour_names_no_series(tmp_path: Path) -> None:
    """A colour picker in the editor's menu, a square of the bars' colour before a word, is
    not the chart's legend: the chart's legend is on its own page, the slide, whose frame
    the grey stage around it bounds."""
    with plt.rc_context({"font.size": 12}):
        fig, ax = plt.subplots(figsize=(6.2, 3.6), dpi=100)
        ax.bar(NAMES, SCORES, color=BAR, width=0.6)
        ax.set_ylim(0, 100)
        fig.tight_layout()
        chart = _figure_image(fig)
    editor = _slide_editor(chart, menu_swatch=BAR)
    rgb = np.asarray(editor)
    white = np.array([255.0, 255.0, 255.0])
    plot = Box(x1=300, y1=120, x2=700, y2=300)  # inside the chart pasted at (210, 90)
    frame = chart_frame(rgb, plot, white)
    slide = Box(x1=190, y1=70, x2=190 + chart.width + 40, y2=70 + chart.height + 40)
    assert max(abs(frame.x1 - slide.x1), abs(frame.y1 - slide.y1), abs(frame.x2 - slide.x2),
               abs(frame.y2 - slide.y2)) <= 4
    accent = Word(text="Accent", confidence=95, box=Box(x1=438, y1=12, x2=486, y2=23))
    colour = np.array([47.0, 111.0, 208.0])
    assert legend_names(rgb, [accent], [colour], white, patches=True)[0] == ["Accent"]
    assert legend_names(rgb, [accent], [colour], white, patches=True, area=plot)[0] == [""]
    # a chart on its own: its page runs to the image's edges, and so does its frame
    alone = np.asarray(chart)
    assert chart_frame(alone, Box(x1=100, y1=40, x2=500, y2=200), white) == Box(
        x1=0, y1=0, x2=alone.shape[1], y2=alone.shape[0])


def test_a_swatch_ends_above_and_below_its_name() -> None:
    """A small square left of a name is a swatch; a disc twice the text's height, or the
    edge of a panel, running on above and below it, is not."""
    rgb = np.full((120, 300, 3), 255, np.uint8)
    rgb[20:30, 20:30] = (200, 40, 40)  # a swatch beside the first word
    yy, xx = np.mgrid[0:120, 0:300]
    rgb[(yy - 85) ** 2 + (xx - 30) ** 2 <= 24**2] = (200, 40, 40)  # an avatar by the second
    word = Word(text="Series", confidence=95, box=Box(x1=36, y1=19, x2=90, y2=31))
    author = Word(text="Author", confidence=95, box=Box(x1=60, y1=68, x2=120, y2=80))
    page = np.array([255.0, 255.0, 255.0])
    assert swatch_colour(rgb, word, page, solid=True) is not None
    assert swatch_colour(rgb, author, page, solid=True) is None


def test_tick_labels_lost_in_a_column_are_read_down_its_strip() -> None:
    """A dashboard panel's small pale y tick labels beside no axis line: where the page
    reading kept two of a column (its top and bottom, say), the column is read again."""
    from imgread import ocr
    from imgread.charts.gaps import tick_gap_words
    from imgread.config import Config

    image = Image.new("RGB", (420, 300), "white")
    draw = ImageDraw.Draw(image)
    for row, value in enumerate((70, 60, 50, 40, 30)):
        y = 30 + 55 * row
        draw.line((50, y, 400, y), fill=(238, 238, 238))
        draw.text((44, y), str(value), font=font(11), fill=(110, 110, 110), anchor="rm")
    rgb = np.asarray(image)
    settings = ocr.page_settings(Config().ocr, "eng")
    kept = [Word(text=text, confidence=96, box=Box(x1=31, y1=y - 5, x2=44, y2=y + 5))
            for text, y in (("70", 30), ("30", 250))]
    read = {w.text for w in tick_gap_words(rgb, kept, settings)}
    assert {"60", "50", "40"} <= read
    # a column of labels with no step missing is not read again
    steady = [Word(text=str(v), confidence=96, box=Box(x1=31, y1=y - 5, x2=44, y2=y + 5))
              for v, y in ((70, 30), (60, 85), (50, 140), (40, 195), (30, 250))]
    assert tick_gap_words(rgb, steady, settings) == []


def test_values_printed_inside_lying_bars_ends_are_read(tmp_path: Path) -> None:
    """White values printed inside horizontal bars, against their ends (as plotly sets
    them), which the page reading loses: the longest bar shows where they are, and each is
    read there."""
    names = ["Pylon 8B-Instruct", "Pylon 1.5 13B-Instruct", "Pylon 1.5 70B-Instruct",
             "Kestrel Large", "Pylon 3 70B-Instruct"]
    values = [58.3, 58.6, 71.7, 72.4, 78.2]
    with plt.rc_context({"axes.facecolor": "#ebebeb", "axes.grid": True, "grid.color": "white",
                         "font.size": 13, "axes.axisbelow": True}):
        fig, ax = plt.subplots(figsize=(12, 4.6), dpi=100)
        bars = ax.barh(names, values, color="#636efa", height=0.78)
        ax.bar_label(bars, fmt="%.1f", padding=-42, color="white", fontsize=14)
        for spine in ax.spines.values():
            spine.set_visible(False)
        ax.set_xlim(0, 82)
        fig.tight_layout()
        fig.savefig(tmp_path / "inside.png")
        plt.close(fig)
    record = read_image(tmp_path / "inside.png")
    assert [chart.kind for chart in record.charts] == ["hbar"]
    points = [p for s in record.charts[0].series for p in s.points]
    assert {p.x: p.y for p in points} == dict(zip(names, values, strict=True))
    assert all(p.provenance == "label" for p in points)
