"""Raised footnote marks after values, names and column names ("45.7‡", "68.4¹",
"Gemma-2B²", "95% CI†"), and capitals OCR read as look-alikes in column names ("95% Cl").
Tables are drawn here with PIL as papers print them; the ink test is checked on drawn text,
against what an eraser of small raised ink got wrong: points, minus signs, hyphens."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from imgread.config import load_config
from imgread.preprocess import Prepared, prepare
from imgread.record import Box
from imgread.tables import scores_from_table
from imgread.tables.capitals import restore_capitals
from imgread.tables.marks import ends_in_raised_mark

SERIF = Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf")
SANS = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
pytestmark = pytest.mark.skipif(not SERIF.is_file() or not SANS.is_file(), reason="no fonts")


def _drawn(text: str, mark: str, size: int, path: Path = SERIF) -> tuple[Prepared, Box]:
    """``text`` with ``mark`` raised after it, drawn at ``size`` px, and its ink's box."""
    face = ImageFont.truetype(str(path), size)
    small = ImageFont.truetype(str(path), round(size * 0.65))
    image = Image.new("L", (size * 20, size * 5), 255)
    draw = ImageDraw.Draw(image)
    draw.text((size, size), text, fill=0, font=face)
    draw.text((size + face.getlength(text) + 1, size - size * 0.28), mark, fill=0, font=small)
    return _prepared(image, size * 3)


def _prepared(image: Image.Image, below: int) -> tuple[Prepared, Box]:
    """The page as the reader prepares it (small type scaled up), and the box of its ink
    above ``below``; a line of running text under it, as under a table."""
    grey = np.array(image)
    ys, xs = np.nonzero(grey[:below] < 128)
    box = Box(x1=int(xs.min()), y1=int(ys.min()), x2=int(xs.max()) + 1, y2=int(ys.max()) + 1)
    size = below // 3
    ImageDraw.Draw(image).text((size, below), "Results on the standard benchmarks.", fill=0,
                               font=ImageFont.truetype(str(SERIF), size))
    prepared, _, _ = prepare(np.array(image.convert("RGB")), load_config().preprocess)
    return prepared, box


@pytest.mark.parametrize("mark", ["‡", "*", "§", "1", "a"])
@pytest.mark.parametrize("size", [12, 30])
def test_a_raised_mark_after_a_number_is_seen_in_its_ink(mark: str, size: int) -> None:
    prepared, box = _drawn("45.7", mark, size)
    assert ends_in_raised_mark(prepared, box)


@pytest.mark.parametrize(
    "text", ["45.7", "-3.2", "45.", "0.57", "Model-", "Qwen-7B", "+1.4"]
)
@pytest.mark.parametrize("size", [10, 13, 30])
@pytest.mark.parametrize("path", [SERIF, SANS])
def test_points_minus_signs_hyphens_and_digit_tops_are_no_mark(
    text: str, size: int, path: Path
) -> None:
    prepared, box = _drawn(text, "", size, path)
    assert not ends_in_raised_mark(prepared, box)


FREE_SERIF = Path("/usr/share/fonts/truetype/freefont/FreeSerif.ttf")
FREE_SERIF_BOLD = Path("/usr/share/fonts/truetype/freefont/FreeSerifBold.ttf")


@pytest.mark.skipif(not FREE_SERIF_BOLD.is_file(), reason="no FreeSerif")
@pytest.mark.parametrize("text", ["DROP", "MBPP", "MMLU", "ARC-C"])
@pytest.mark.parametrize("size", [8, 9, 11, 12])
@pytest.mark.parametrize("path", [FREE_SERIF, FREE_SERIF_BOLD])
def test_a_thin_stroke_of_small_serif_type_is_no_mark(text: str, size: int, path: Path) -> None:
    """Small serif capitals scaled up: the hairline of a "P"'s bowl or a "U"'s right stem
    is lighter than the ink threshold, so the last glyph's top stands apart as a raised
    piece. Fainter ink joins it to its stem; a mark is set apart by the ground."""
    prepared, box = _drawn(text, "", size, path)
    assert not ends_in_raised_mark(prepared, box)


@pytest.mark.skipif(not FREE_SERIF.is_file(), reason="no FreeSerif")
@pytest.mark.parametrize("mark", ["a", "§"])
@pytest.mark.parametrize("size", [9, 12, 14])
def test_a_raised_mark_after_small_serif_capitals_is_still_seen(mark: str, size: int) -> None:
    """Fainter ink joins a glyph's pieces, not a mark a pixel of ground away."""
    prepared, box = _drawn("MMLU", mark, size, FREE_SERIF)
    assert ends_in_raised_mark(prepared, box)


def test_a_wrapped_cell_of_two_lines_is_no_mark() -> None:
    """A name on two lines: the first line's end stands above the second's baseline."""
    face = ImageFont.truetype(str(SANS), 20)
    image = Image.new("L", (400, 120), 255)
    draw = ImageDraw.Draw(image)
    draw.text((10, 10), "InternLM2-Chat", fill=0, font=face)
    draw.text((10, 38), "20B", fill=0, font=face)
    assert not ends_in_raised_mark(*_prepared(image, 75))


def test_capitals_read_as_look_alikes_inside_upper_case_words() -> None:
    assert restore_capitals("95% Cl") == "95% CI"
    assert restore_capitals("PlQA") == "PIQA"
    assert restore_capitals("AGlEval") == "AGIEval"
    assert restore_capitals("lFEval") == "IFEval"
    assert restore_capitals("R0UGE-L") == "ROUGE-L"
    # Words with lower-case letters, and digits among digits, are as read.
    for name in ["Model", "Llama", "Class", "BoolQ", "GSM8K", "A100", "InternLM", "Top-1"]:
        assert restore_capitals(name) == name


ROWS = [
    ("Falcon-40B", "", ["75.4", "84.1", "19.1"], ["", "1", ""]),
    ("Gemma-2B", "2", ["43.4", "20.9", "31.1"], ["2", "", "2"]),
    ("Vicuna-13B", "", ["65.0", "81.1", "78.5"], ["", "", "2"]),
    ("InternLM-20B", "2", ["79.6", "57.1", "70.0"], ["2", "", ""]),
    ("Yi-34B", "", ["88.6", "82.3", "26.1"], ["", "", ""]),
    ("Pythia-12B", "‡", ["35.0", "80.8", "85.5"], ["", "‡", ""]),
    ("Qwen-14B", "", ["58.6", "81.3", "72.7"], ["", "", "‡"]),
]
COLUMNS = ["Model", "ARC-C", "GSM8K", "BBH", "95% CI"]


def _paper_table(path: Path, size: int) -> None:
    """A booktabs table at ``size`` px: raised marks after some values and names, a "95% CI"
    column, the notes under it; drawn at three times the size and shrunk, as a PDF shot."""
    scale = 3
    face = ImageFont.truetype(str(SERIF), size * scale)
    small = ImageFont.truetype(str(SERIF), round(size * scale * 0.68))
    unit = size * scale
    xs = [2 * unit, 10 * unit, 14 * unit, 18 * unit, 22 * unit, 26 * unit]
    pitch = round(unit * 1.6)
    image = Image.new("L", (xs[-1] + 2 * unit, pitch * (len(ROWS) + 6)), 255)
    draw = ImageDraw.Draw(image)

    def put(c: int, y: float, text: str, mark: str) -> None:
        width = face.getlength(text) + small.getlength(mark)
        x = xs[c] + unit if c == 0 else xs[c + 1] - unit - width
        draw.text((x, y), text, fill=0, font=face)
        if mark:
            draw.text((x + face.getlength(text) + 2, y - unit * 0.28), mark, fill=0, font=small)

    y = unit
    draw.line((xs[0], y, xs[-1], y), fill=0, width=4)
    y += unit * 0.4
    for c, name in enumerate(COLUMNS):
        put(c, y, name, "")
    y += pitch
    draw.line((xs[0], y - unit * 0.2, xs[-1], y - unit * 0.2), fill=0, width=2)
    for r, (name, name_mark, values, marks) in enumerate(ROWS):
        put(0, y, name, name_mark)
        for c, (value, mark) in enumerate(zip(values, marks, strict=True)):
            put(c + 1, y, value, mark)
        put(4, y, f"{1 + r * 0.4:.1f}", "")
        y += pitch
    draw.line((xs[0], y, xs[-1], y), fill=0, width=4)
    y += unit * 0.6
    for mark, note in [("1", "5-shot."), ("2", "0-shot."), ("‡", "Our re-evaluation.")]:
        put(0, y, "", mark)
        draw.text((xs[0] + 2 * unit, y), note, fill=0, font=small)
        y += pitch
    image = image.crop((0, 0, image.width, int(y + unit)))
    image.resize((image.width // scale, image.height // scale), Image.LANCZOS).save(path)


@pytest.mark.parametrize("size", [11, 13])
def test_marks_after_values_and_names_are_no_part_of_them(tmp_path: Path, size: int) -> None:
    from imgread.pipeline import Job, process_batch

    path = tmp_path / "marks.png"
    _paper_table(path, size)
    (table,) = process_batch([Job(path=path)], load_config())[0].ocr.tables
    assert [row[0].text for row in table.body] == [name for name, *_ in ROWS]
    assert table.columns == COLUMNS
    scores = {(s.model, s.benchmark): s.value for s in scores_from_table(table)}
    for name, _, values, _ in ROWS:
        for benchmark, value in zip(COLUMNS[1:], values, strict=False):
            assert scores[(name, benchmark)] == float(value), (name, benchmark)
