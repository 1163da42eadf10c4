"""What the speed work cut, checked on real images: a table's frame is no chart's axes (the
chart stage reads no whole page again for it), and the axis finder's pair search picks
the pair a loop over the pairs picks; the closest benchmark name and the dotted-underline
finder give what their slower forms gave."""

from __future__ import annotations

import math
import random
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest
from conftest import read_up_to_charts
from PIL import Image, ImageDraw, ImageFont

from imgread import charts
from imgread.charts.axes import _ransac
from imgread.config import load_config
from imgread.names import _folded, closest_benchmark, edit_distance, known_benchmarks
from imgread.pipeline import start
from imgread.preprocess import Prepared, Rule
from imgread.preprocess.rules import _dotted_spans, _even
from imgread.record import Box, Table
from imgread.work import Job

REGULAR = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
ROWS = [
    ("Model", "MMLU", "GSM8K", "HumanEval"),
    ("Llama-2-7B", "45.3", "14.6", "12.8"),
    ("Mistral-7B", "64.1", "52.2", "30.5"),
    ("Qwen-7B", "58.2", "51.7", "29.9"),
    ("Yi-6B", "64.1", "32.6", "15.9"),
    ("Gemma-7B", "64.3", "46.4", "32.3"),
]


def framed_table(path: Path) -> Path:
    """A table ruled booktabs-like (top, under the header, bottom) with a rule down its
    left side: the left and bottom rules meet in an L, as a chart's axes do."""
    face = ImageFont.truetype(str(REGULAR), 20)
    image = Image.new("RGB", (1100, 640), "white")  # the table under half of it
    draw = ImageDraw.Draw(image)
    left, top, right, pitch = 40, 40, 680, 40
    xs = [60, 300, 430, 560]
    for r, row in enumerate(ROWS):
        y = top + 12 + r * pitch + (10 if r else 0)
        for x, text in zip(xs, row, strict=True):
            draw.text((x, y), text, fill="black", font=face)
    bottom = top + 12 + len(ROWS) * pitch + 20
    for y in (top, top + pitch + 6, bottom):
        draw.line([(left, y), (right, y)], fill="black", width=2)
    draw.line([(left, top), (left, bottom)], fill="black", width=2)
    image.save(path)
    return path


@pytest.mark.skipif(not REGULAR.is_file(), reason="DejaVu fonts not installed")
def test_a_tables_frame_is_no_reason_to_read_the_page_for_a_chart(tmp_path: Path) -> None:
    work = read_up_to_charts(framed_table(tmp_path / "framed.png"))
    # preprocessing sees an L (a chart's axes, by its shape alone) and the table is read
    assert work.record.preprocess.chart_axes
    assert len(work.record.ocr.tables) == 1
    assert work.record.ocr.tables[0].columns[:2] == ["Model", "MMLU"]
    # but the L is the table's frame: the chart stage does not read the page again for it
    assert charts._table_frame(work)
    assert not charts._looks_like_chart(work)
    charts.run(work, load_config())
    assert work.record.charts == []


def test_an_axis_with_its_labels_left_of_it_is_no_table_frame() -> None:
    """A chart's y axis has its tick labels left of its line: a "table" read over the
    chart's text reaches past the line, so the L stays a chart's axes."""
    rgb = np.full((400, 600, 3), 255, dtype=np.uint8)
    axis = Rule(position=80, start=40, end=340)  # the y axis, x = 80
    floor = Rule(position=340, start=80, end=560)  # the x axis, y = 340
    work = start(Job(path=Path("chart.png")), load_config())
    work.prepared = Prepared(grey=rgb[..., 0], size=(600, 400), horizontal=[floor],
                             vertical=[axis], rgb=rgb)
    # tick labels at x 30..70 and value labels over the bars: one "table" of numbers
    work.record.ocr.tables = [Table(box=Box(x1=30, y1=50, x2=540, y2=335), n_rows=6, n_cols=4)]
    assert not charts._table_frame(work)
    # the same rules framing a table whose text starts right of the upright rule
    work.record.ocr.tables = [Table(box=Box(x1=95, y1=50, x2=540, y2=330), n_rows=6, n_cols=4)]
    assert charts._table_frame(work)


def _ransac_by_loop(
    pixels: np.ndarray, values: np.ndarray, tolerance: float
) -> tuple[float, float, np.ndarray] | None:
    """The pair search as a loop over the pairs, one at a time: what ``_ransac`` must pick."""
    best, best_count, best_error = None, 0, math.inf
    for i, j in combinations(range(len(pixels)), 2):
        if abs(pixels[i] - pixels[j]) < 2 * tolerance or values[i] == values[j]:
            continue
        a = (values[j] - values[i]) / (pixels[j] - pixels[i])
        b = values[i] - a * pixels[i]
        errors = np.abs((values - b) / a - pixels)
        inliers = errors < tolerance
        count, error = int(inliers.sum()), float(errors[inliers].sum())
        if count > best_count or (count == best_count and error < best_error):
            best, best_count, best_error = inliers, count, error
    if best is None or best_count < 3:
        return None
    a, b = np.polyfit(pixels[best], values[best], 1)
    return float(a), float(b), best


@pytest.mark.parametrize("block", [1 << 20, 7])
def test_the_pair_search_picks_what_a_loop_over_pairs_picks(
    block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Axes with outliers, tied pairs (whole-pixel ticks on whole values) and columns of
    table scores; in one block of pairs and in many small ones."""
    monkeypatch.setattr("imgread.charts.axes.RANSAC_BLOCK", block)
    rng = random.Random(7)
    for _ in range(300):
        n = rng.randint(0, 24)
        if rng.random() < 0.4:  # an axis: evenly stepped ticks, some misread
            step = rng.choice([10.0, 20.0, 25.5])
            pixels = np.array([100 + k * step for k in range(n)])
            values = np.array([50.0 - 5 * k if rng.random() > 0.2 else rng.randint(0, 99)
                               for k in range(n)])
        else:  # a table's column of scores
            pixels = np.array([float(rng.randint(0, 400)) for _ in range(n)])
            values = np.array([float(rng.randint(0, 9)) for _ in range(n)])
        tolerance = rng.choice([3.0, 4.2, 7.0])
        expected, found = _ransac_by_loop(pixels, values, tolerance), _ransac(
            pixels, values, tolerance)
        if expected is None:
            assert found is None
            continue
        assert found is not None
        assert found[:2] == expected[:2]
        assert np.array_equal(found[2], expected[2])


def _closest_by_ranking_all(text: str) -> str | None:
    """``closest_benchmark`` as it ranked every known name, near or far in length."""
    names = known_benchmarks()
    folded, plain = _folded(text), "".join(text.lower().split())
    if not folded or any("".join(name.lower().split()) == plain for name in names):
        return None
    ranked = sorted((edit_distance(folded, _folded(name)), name) for name in names)
    best, name = ranked[0]
    allowed = 1 if len(_folded(name)) <= 6 else 2
    if best > allowed or (len(ranked) > 1 and ranked[1][0] == best):
        return None
    return name


def test_the_closest_benchmark_skips_only_names_out_of_reach() -> None:
    """Names more than two letters longer or shorter are not ranked: the same answer as
    ranking them all, on every known name misread by up to three edits and on words."""
    rng = random.Random(11)
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-"
    texts = ["", "Model", "Average", "GsMek", "Mmtu", "HumanEva1", "MMLU", "Params (B)"]
    for name in known_benchmarks():
        for _ in range(4):
            chars = list(name)
            for _ in range(rng.randint(1, 3)):
                at = rng.randrange(len(chars) + 1)
                edit = rng.choice(("drop", "add", "swap"))
                if edit == "drop" and at < len(chars):
                    del chars[at]
                elif edit == "add":
                    chars.insert(at, rng.choice(alphabet))
                elif at < len(chars):
                    chars[at] = rng.choice(alphabet)
            texts.append("".join(chars))
    for text in texts:
        assert closest_benchmark(text) == _closest_by_ranking_all(text), text


def _dotted_spans_walking_every_row(row: np.ndarray, x_height: float) -> list[tuple[int, int]]:
    """``_dotted_spans`` as it walked the marks of every row, chain or none."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], row.view(np.int8), [0]))))
    starts, ends = edges[0::2], edges[1::2]
    if len(starts) < 8:
        return []
    lengths, gaps = ends - starts, starts[1:] - ends[:-1]
    small = max(3.0, 0.4 * x_height)
    spans, first = [], 0
    for i in range(1, len(starts) + 1):
        alike = (
            i < len(starts) and lengths[i] <= small and gaps[i - 1] <= small
            and abs(int(lengths[i]) - int(lengths[first])) <= 1
            and (i - first < 2 or abs(int(gaps[i - 1]) - int(gaps[first])) <= 1)
        )
        if alike:
            continue
        if i - first >= 8 and lengths[first] <= small and _even(
            lengths[first:i], gaps[first : i - 1]
        ):
            spans.append((int(starts[first]), int(ends[i - 1])))
        first = i
    return spans


def test_rows_without_a_chain_of_small_marks_are_not_walked() -> None:
    """Rows of random ink (text) and of dots with a few irregular marks and breaks: the
    quick test for a chain of small marks finds every underline the walk finds."""
    rng = np.random.default_rng(3)
    found = 0
    for trial in range(3000):
        width = int(rng.integers(5, 400))
        if trial % 3 == 0:
            row = rng.random(width) < rng.uniform(0.1, 0.9)
        else:
            row = np.zeros(width, dtype=bool)
            x, length, gap = int(rng.integers(0, 10)), int(rng.integers(1, 4)), int(
                rng.integers(1, 5))
            while x < width:
                mark = max(1, length + (int(rng.integers(-1, 2)) if rng.random() < 0.2 else 0))
                space = max(1, gap + (int(rng.integers(-2, 3)) if rng.random() < 0.2 else 0))
                row[x : x + mark] = True
                x += mark + space + (int(rng.integers(3, 20)) if rng.random() < 0.05 else 0)
        x_height = float(rng.uniform(3, 20))
        expected = _dotted_spans_walking_every_row(row, x_height)
        assert _dotted_spans(row, x_height) == expected
        found += bool(expected)
    assert found > 500  # underlines among them, not only rows of text
