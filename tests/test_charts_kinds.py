"""Kinds of chart the test sets read (almost) nothing of (the ``kinds`` chart look): pygal's
dotted guides at scale 1, x ticks whose small decimal point OCR lost ("4.5k" read "45k"),
grouped lying bars with rounded ends drawn a thin gap apart.
Each test renders its chart and fails without its mechanism."""

from __future__ import annotations

import difflib
import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont
from test_charts_lines import _chart, _has, _series

from imgread.charts.guides import without_dotted_guides
from imgread.pipeline import read_image

XS = [1.3, 2.7, 6.7, 13.0, 30.0, 70.0]  # billions of parameters, on a log axis
SERIES = {"Pythia": [31.0, 36.5, 42.0, 47.5, 51.0, 55.0],
          "OPT": [27.0, 30.5, 35.0, 41.0, 44.5, 47.0]}


def _pygal_xy(path: Path) -> Path:
    """pygal's XY chart on log axes, x guides shown, its SVG drawn at scale 1 (resvg, through
    vl-convert): every guide a dotted line across the plot, starting at its tick label."""
    styles = pytest.importorskip("pygal.style")
    vl_convert = pytest.importorskip("vl_convert")
    import pygal

    style = styles.DefaultStyle(label_font_size=10, major_label_font_size=10,
                                     font_family="DejaVu Sans")
    chart = pygal.XY(style=style, width=760, height=480, logarithmic=True, show_x_guides=True,
                     show_dots=False, x_title="Parameters (B)", y_title="Accuracy (%)", js=[],
                     disable_xml_declaration=True, explicit_size=True)
    for name, ys in SERIES.items():
        chart.add(name, list(zip(XS, ys, strict=True)))
    drawn = Image.open(io.BytesIO(vl_convert.svg_to_png(chart.render(is_unicode=True),
                                                        scale=1.0)))
    page = Image.new("RGB", drawn.size, "white")
    page.paste(drawn, mask=drawn.getchannel("A") if drawn.mode == "RGBA" else None)
    page.save(path)
    return path


def test_dotted_guides_are_no_series(tmp_path: Path) -> None:
    """The guides' dashes were traced as a series of hundreds of points (or hid the tick
    labels beside them from OCR): painted over first, the two lines are what is read."""
    record = read_image(_pygal_xy(tmp_path / "pygal.png"))
    chart = _chart(record)
    assert max(len(s.points) for s in chart.series) <= 2 * len(XS), [
        (s.name, len(s.points)) for s in chart.series]
    for name, ys in SERIES.items():
        series = _series(chart, name)
        assert sum(_has(series, x, y, log_x=True) for x, y in zip(XS, ys, strict=True)) >= 4


def test_dotted_guides_need_a_set_across_the_plot() -> None:
    """One dotted row (a dashed reference line) is no guide, nor a hatched fill's stripes
    (they step at a period, but fill and stripes alternate across them); three dotted rows
    over one stretch are, and go, while a coloured line crossing them stays."""
    page = np.full((200, 400, 3), 255, np.uint8)
    one = page.copy()
    one[100, 20:380:4] = one[100, 21:380:4] = 60
    assert without_dotted_guides(one) is None
    hatched = page.copy()
    for row in range(40, 160):  # a bar hatched with diagonal stripes
        hatched[row, 100:300] = (70, 90, 200)
        hatched[row, [c for c in range(100, 300) if (c + row) % 6 < 2]] = 255
    assert without_dotted_guides(hatched) is None
    guides = page.copy()
    for row in (40, 90, 140):
        guides[row, 20:380:4] = guides[row, 21:380:4] = 60
    guides[20:180, 200] = (220, 30, 30)  # a red series crossing them
    cleaned = without_dotted_guides(guides)
    assert cleaned is not None
    assert cleaned[[40, 90, 140], 20:190].min() > 200
    assert (cleaned[20:180, 200] == (220, 30, 30)).all()


def test_dotted_guides_leave_labels_and_solid_gridlines() -> None:
    """The columns across solid gridlines meet them at a period too (a pixel of ink a
    step), side by side: a band, no guide. A tick label set on a guide's row, just before
    its first dash (pygal centres its labels on the guides), is no part of the guide and
    stays as drawn."""
    if not FONT.exists():
        pytest.skip("DejaVu Sans is not installed")
    gridded = np.full((200, 400, 3), 255, np.uint8)
    gridded[10:190:12, 40:380] = 90
    assert without_dotted_guides(gridded) is None
    page = Image.new("RGB", (400, 200), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), 11)
    for row, label in ((40, "-45"), (90, "-40"), (140, "-35")):  # strokes on the row
        draw.text((34, row), label, font=font, fill=(60, 60, 60), anchor="rm")
        for x in range(38, 380, 4):
            draw.line([(x, row), (x + 1, row)], fill=(60, 60, 60))
    drawn = np.asarray(page)
    cleaned = without_dotted_guides(drawn)
    assert cleaned is not None
    assert (cleaned[:, :36] == drawn[:, :36]).all()
    assert cleaned[[40, 90, 140], 40:380].min() > 200


STEPS = [2500.0 * i for i in range(1, 6)]  # printed 2.5k, 5k, 7.5k, 10k, 12.5k
RUNS = {"Baseline": ((31, 119, 180), [34.0, 45.0, 52.0, 56.0, 61.0]),
        "Ours": ((214, 39, 40), [40.0, 51.0, 58.0, 64.0, 67.0])}
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _faint_points(path: Path) -> Path:
    """A line chart over training steps whose x labels print their decimal point faint
    and tight, as a small web font's point comes out at scale 1: OCR reads "2.5k" as
    "25k", leaving two labels (5k, 10k) read right."""
    if not FONT.exists():
        pytest.skip("DejaVu Sans is not installed")
    font = ImageFont.truetype(str(FONT), 13)
    left, top, right, bottom = 70, 30, 690, 380
    image = Image.new("RGB", (720, 440), "white")
    draw = ImageDraw.Draw(image)

    def at(x: float, y: float) -> tuple[float, float]:
        return (left + (x - 1250) / 12500 * (right - left), bottom - (y - 20) / 60 * (bottom - top))

    draw.line([(left, top), (left, bottom), (right, bottom)], fill=(60, 60, 60))
    for y in range(20, 81, 10):
        draw.line([(left - 5, at(0, y)[1]), (left, at(0, y)[1])], fill=(60, 60, 60))
        draw.text((left - 8, at(0, y)[1]), str(y), font=font, fill=(40, 40, 40), anchor="rm")
    for x in STEPS:
        text = f"{x / 1000:g}k"
        column = at(x, 0)[0] - draw.textlength(text, font=font) / 2
        for glyph in text:
            point = glyph == "."
            draw.text((column, bottom + 9), glyph, font=font,
                      fill=(238, 238, 238) if point else (40, 40, 40))
            column += 1 if point else draw.textlength(glyph, font=font)
    for row, (name, (colour, ys)) in enumerate(RUNS.items()):
        points = [at(x, y) for x, y in zip(STEPS, ys, strict=True)]
        draw.line(points, fill=colour, width=2)
        for x, y in points:
            draw.ellipse([x - 4, y - 4, x + 4, y + 4], fill=colour)
        draw.rectangle([left + 20, top + 10 + 20 * row, left + 32, top + 22 + 20 * row],
                       fill=colour)
        draw.text((left + 40, top + 16 + 20 * row), name, font=font, fill=(40, 40, 40),
                  anchor="lm")
    draw.text(((left + right) / 2, bottom + 40), "Training steps", font=font,
              fill=(40, 40, 40), anchor="mm")
    image.save(path)
    return path


def test_x_labels_that_lost_their_point_are_read_with_it(tmp_path: Path) -> None:
    """"25k" "5k" "75k" "10k" "125k" fit no one scale (two labels agree); with the point
    put back in some ("2.5k", "12.5k") the spacing fits one: the x axis is linear again
    and the points lie at their steps, not taken as categories."""
    record = read_image(_faint_points(tmp_path / "steps.png"))
    chart = _chart(record)
    x_axis = next(axis for axis in chart.axes if axis.orientation == "x")
    assert x_axis.scale == "linear", [t.label for t in x_axis.ticks]
    for name, (_, ys) in RUNS.items():
        series = _series(chart, name)
        assert sum(_has(series, x, y, x_span=10000.0) for x, y in zip(STEPS, ys, strict=True)) >= 4


BENCHMARKS = ["MMLU", "GSM8K", "HumanEval", "ARC-C"]
MODELS = {"Llama-2-13B": ((31, 119, 180), [54.8, 28.7, 18.3, 59.4]),
          "Mistral-7B": ((255, 127, 14), [62.5, 40.3, 30.5, 78.2]),
          "Gemma-7B": ((44, 160, 44), [64.3, 46.4, 32.3, 61.1])}


def _rounded_groups(path: Path) -> Path:
    """Lying bars with fully rounded ends, three models a group, each bar 12 pixels thick
    and 7 apart (over half a bar, as a thin gap between anti-aliased rounded bars is
    measured), the groups 26 apart; names at the left, a value axis of gridlines below,
    a legend of swatches."""
    if not FONT.exists():
        pytest.skip("DejaVu Sans is not installed")
    font = ImageFont.truetype(str(FONT), 13)
    left, right, top, thick, gap, between = 110, 610, 20, 12, 7, 26
    group = len(MODELS) * thick + (len(MODELS) - 1) * gap
    bottom = top + len(BENCHMARKS) * (group + between)
    image = Image.new("RGB", (660, bottom + 70), "white")
    draw = ImageDraw.Draw(image)
    for tick in range(0, 101, 20):
        x = left + (right - left) * tick / 100
        draw.line([(x, top - 4), (x, bottom)], fill=(225, 225, 225))
        draw.text((x, bottom + 14), str(tick), font=font, fill=(60, 60, 60), anchor="mm")
    for row, name in enumerate(BENCHMARKS):
        y0 = top + row * (group + between) + between / 2
        draw.text((left - 8, y0 + group / 2), name, font=font, fill=(60, 60, 60), anchor="rm")
        for n, (colour, values) in enumerate(MODELS.values()):
            y = y0 + n * (thick + gap)
            end = left + (right - left) * values[row] / 100
            draw.rounded_rectangle([left, y, end, y + thick - 1], radius=thick // 2,
                                   fill=colour)
    x = left
    for name, (colour, _) in MODELS.items():
        draw.rounded_rectangle([x, bottom + 40, x + 10, bottom + 50], radius=2, fill=colour)
        draw.text((x + 15, bottom + 45), name, font=font, fill=(60, 60, 60), anchor="lm")
        x += 30 + draw.textlength(name, font=font)
    image.save(path)
    return path


def test_rounded_bars_a_thin_gap_apart_make_one_group(tmp_path: Path) -> None:
    """Each group's name stands level with its middle bar only: the bars around it were
    split off as groups of their own (their gap, widened by their edges, passed half a
    bar) and went unnamed. The groups stand further apart than their bars: every bar
    takes its group's name."""
    record = read_image(_rounded_groups(tmp_path / "rounded.png"))
    chart = next(c for c in record.charts if c.kind == "hbar")
    points = {(s.name, p.x): p.y for s in chart.series for p in s.points}
    right = sum(
        any(similar(series, model) and isinstance(x, str) and similar(x, benchmark)
            and y is not None
            and abs(y - values[row]) <= 1.0 for (series, x), y in points.items())
        for model, (_, values) in MODELS.items() for row, benchmark in enumerate(BENCHMARKS))
    assert right >= 11, points


def similar(read: str, name: str) -> bool:
    """A name as read, a letter or two misread ("GsMak" for GSM8K)."""
    return difflib.SequenceMatcher(None, read.lower(), name.lower()).ratio() >= 0.6


def test_a_table_seen_in_dotted_guides_still_has_its_labels_read() -> None:
    """pygal at scale 1 (``kinds`` look, seed 100, file 003): the page reading saw a table
    in the grid of dotted guides and lost most small y labels (62, 52 and 50 read), and a
    page with a table read had no label read again: no chart. With the guides found, the
    table is the plot's and its labels are read again (along the axis lines)."""
    record = read_image(Path(__file__).parent / "fixtures" / "charts"
                        / "kinds_pygal_small_ticks.png")
    chart = _chart(record)
    truth = {"Transformer++": [(1400.0, 50.1), (3000.0, 53.1), (8000.0, 56.4), (15000.0, 61.0)],
             "Gemma 2": [(1400.0, 48.9), (3000.0, 53.9), (8000.0, 58.7), (15000.0, 65.8)]}
    right = sum(_has(series, x, y, log_x=True) for series in chart.series
                for points in truth.values() for x, y in points)
    assert right >= 6, [(s.name, [(p.x, p.y) for p in s.points]) for s in chart.series]
