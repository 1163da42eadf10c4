"""Tables set like a book's contents: a leader (dots, middle dots or dashes) runs from each
model's name to its first value, or between every column, and the column names are small
capitals. The leader is found by shape and painted over before OCR; what OCR still joins
of it to a name or a value is cut by form. Each test reads a table drawn here and fails
without its mechanism."""

from __future__ import annotations

import io
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest
from conftest import font
from PIL import Image, ImageDraw, ImageFont

import imgread.preprocess as preprocess
from imgread.config import load_config
from imgread.pipeline import read_image
from imgread.preprocess.leaders import erase_leaders
from imgread.preprocess.steps import binarise, glyph_height
from imgread.tables import rows_from_table, scores_from_table

FIXTURES = Path(__file__).parent / "fixtures" / "leaders"
DOCUMENTS = Path(__file__).parent / "fixtures" / "documents"
SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
COLUMNS = ["Model", "MMLU", "GSM8K", "BBH"]
ROWS = [
    ["Llama-2-13B", "54.8", "28.7", "39.4"],
    ["Mistral-7B", "62.5", "40.3", "56.1"],
    ["Qwen-14B", "66.3", "61.3", "53.4"],
    ["Yi-34B", "76.3", "67.2", "54.3"],
    ["Phi-2", "56.7", "61.1", "43.4"],
]


def _face(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.truetype(str(SERIF), size) if SERIF.exists() else font(size)


def _small_caps(draw: ImageDraw.ImageDraw, right: int, baseline: int, text: str,
                size: int) -> None:
    """``text`` set right at ``right`` as small caps: capitals for its capitals, smaller
    capitals for its lower case, letter-spaced, on one baseline."""
    big, small = _face(size), _face(round(size * 0.75))
    faces = [big if c.isupper() or not c.isalpha() else small for c in text]
    width = sum(int(f.getlength(c.upper())) + 2 for f, c in zip(faces, text, strict=True))
    x = right - width
    for f, c in zip(faces, text, strict=True):
        draw.text((x, baseline), c.upper(), font=f, fill="black", anchor="ls")
        x += int(f.getlength(c.upper())) + 2


def render_contents_table(path: Path, glyph: str, pitch: int, everywhere: bool) -> Path:
    """A contents-page table: names set left, values set right, ``glyph`` repeated at
    ``pitch`` px from each name to its first value (or between every column)."""
    size = 16
    face = _face(size)
    image = Image.new("RGB", (620, 70 + 28 * len(ROWS)), "white")
    draw = ImageDraw.Draw(image)
    rights = [330, 430, 530]
    draw.text((20, 40), "Model", font=face, fill="black", anchor="ls")
    for right, name in zip(rights, COLUMNS[1:], strict=True):
        _small_caps(draw, right, 40, name, size)
    for r, cells in enumerate(ROWS):
        baseline = 76 + 28 * r
        draw.text((20, baseline), cells[0], font=face, fill="black", anchor="ls")
        start = 20 + int(face.getlength(cells[0])) + 6
        for k, (right, text) in enumerate(zip(rights, cells[1:], strict=True)):
            left = right - int(face.getlength(text))
            if k == 0 or everywhere:
                x = (start // pitch + 1) * pitch
                while x + pitch <= left - 4:
                    draw.text((x, baseline), glyph, font=face, fill="black", anchor="ls")
                    x += pitch
            draw.text((left, baseline), text, font=face, fill="black", anchor="ls")
            start = right + 6
    image.save(path)
    return path


def _read(path: Path) -> tuple[set[str], dict[tuple[str, str], float | None]]:
    record = read_image(path, load_config())
    assert record.ocr.tables, path.name
    table = record.ocr.tables[0]
    names = {row.model for row in rows_from_table(table, 0)}
    scores = {(s.model, s.benchmark): s.value for s in scores_from_table(table, 0)}
    return names, scores


EXPECTED = {(cells[0], name): float(cells[c + 1]) for cells in ROWS
            for c, name in enumerate(COLUMNS[1:])}


@pytest.mark.parametrize(
    ("glyph", "pitch", "everywhere"),
    [(".", 12, False), ("·", 10, True), ("-", 9, True)],
)
def test_a_contents_table_reads_without_its_leaders(
    tmp_path: Path, glyph: str, pitch: int, everywhere: bool
) -> None:
    path = render_contents_table(tmp_path / "contents.png", glyph, pitch, everywhere)
    names, scores = _read(path)
    assert names == {cells[0] for cells in ROWS}
    assert {(m, b.upper()): v for (m, b), v in scores.items()} == {
        (m, b.upper()): v for (m, b), v in EXPECTED.items()}


def test_leaders_are_painted_over_and_decimal_points_and_a_minus_stay(tmp_path: Path) -> None:
    path = render_contents_table(tmp_path / "dots.png", ".", 12, False)
    grey = np.asarray(Image.open(path).convert("L")).copy()
    draw = ImageDraw.Draw(image := Image.fromarray(grey))
    draw.text((20, 230), "-5.2   -3.1   -0.4   -7.7   x...y", font=_face(16), fill=0)
    grey = np.asarray(image).copy()
    out, erased = erase_leaders(grey, glyph_height(binarise(grey)) / 1.4)
    assert erased
    # every leader gone: nothing left between a name and its first value
    for r, cells in enumerate(ROWS):
        top = 76 + 28 * r - 6
        start = 20 + int(_face(16).getlength(cells[0])) + 8
        assert (out[top : top + 8, start : 330 - 40] < 128).sum() == 0, cells[0]
    # the values' points, the minus signs and an ellipsis of three dots stay
    assert (out[60:200, 280:540] < 128).sum() == (grey[60:200, 280:540] < 128).sum()
    assert (out[205:240] < 128).sum() == (grey[205:240] < 128).sum()


def test_what_ocr_joins_of_a_leader_is_cut_by_form(monkeypatch: pytest.MonkeyPatch) -> None:
    # A Chromium page of the tuning look ``benchmarks/looks/leaders.py`` (seed 310, image 0:
    # tight and spaced dots, small caps, JPEG), read as if the eraser had missed its
    # leaders: OCR and the second engine join them to the names ("Qwen-14B.......",
    # "Vicuna-13B . . . .").
    monkeypatch.setattr(preprocess, "erase_leaders", lambda grey, *_: (grey, False))
    names, _ = _read(FIXTURES / "contents_dots.jpg")
    assert {"BLOOM-176B", "Vicuna-13B", "DeepSeek-67B", "Qwen-14B", "Mistral-7B"} <= names


def _figure_pixels(fig: object) -> np.ndarray:
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")  # type: ignore[attr-defined]
    plt.close(fig)  # type: ignore[arg-type]
    return np.asarray(Image.open(buffer).convert("RGB"))


def _dotted_line_chart() -> np.ndarray:
    """A series drawn dotted between round markers, flat for a stretch, and a dotted
    reference line from the y axis's tick label "50" across the plot."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
    ax.plot(range(8), [42, 44, 47, 47, 47, 51, 55, 58], linestyle=":", linewidth=2.5,
            marker="o", label="Pythia")
    ax.axhline(50, linestyle=":", linewidth=2, color="#555555")
    ax.set_ylim(40, 60)
    ax.legend(loc="upper left")
    return _figure_pixels(fig)


def _dark_legend_chart() -> np.ndarray:
    """Grouped bars on a dark ground: pale legend names beside colour patches, dashed
    gridlines running from each tick label between the bars."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with plt.style.context("dark_background"):
        fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
        for k, (name, colour) in enumerate(
                [("MMLU", "#4c8dff"), ("ARC-C", "#ff6b6b"), ("BBH", "#5ad7f5")]):
            heights = [45 + 9 * k, 62 + 3 * k, 55 - 4 * k, 41 + 6 * k]
            ax.bar([g + 0.25 * k for g in range(4)], heights, 0.22, color=colour, label=name)
        ax.yaxis.grid(True, linestyle="--", linewidth=1, color="#666688")
        ax.set_axisbelow(True)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        ax.set_xticks([g + 0.25 for g in range(4)],
                      ["Sable-34B", "Sable Ultra", "Sable-72B", "Sable-1.5B"])
        ax.legend(loc="upper center", ncol=3, frameon=False, bbox_to_anchor=(0.5, 1.12))
        return _figure_pixels(fig)


@pytest.mark.parametrize("draw", [_dotted_line_chart, _dark_legend_chart])
def test_a_charts_dotted_line_and_dashed_gridlines_are_no_leaders(draw: Callable) -> None:
    """A leader runs from text to text on one line. A dotted plot line runs into its own
    next dots and its markers; a dashed gridline from its tick label into a bar or out of
    the plot; a dotted reference line from its tick label to the plot's edge. The unbounded
    eraser took them all (the chart reader then lost a dotted series, and Tesseract read
    the dark legend otherwise once its gridlines were gone)."""
    _, steps, _ = preprocess.prepare(draw(), load_config().preprocess)
    assert "erase_leaders" not in steps


def test_no_leader_inside_a_charts_axes(tmp_path: Path) -> None:
    path = render_contents_table(tmp_path / "dots.png", ".", 12, False)
    grey = np.asarray(Image.open(path).convert("L")).copy()
    x_height = glyph_height(binarise(grey)) / 1.4
    assert erase_leaders(grey, x_height)[1]
    height, width = grey.shape
    assert not erase_leaders(grey, x_height, (0, 0, width, height))[1]


def test_a_links_dotted_underline_is_no_leader() -> None:
    """A leaderboard's model names are links with dotted underlines (``looks/documents.py``):
    the dots run under the letters, below their baseline, not from one word to the next."""
    rgb = np.asarray(Image.open(DOCUMENTS / "doc_010_hf_gradio.png").convert("RGB"))
    _, steps, _ = preprocess.prepare(rgb, load_config().preprocess)
    assert "erase_leaders" not in steps


def test_dots_between_an_axis_ticks_are_no_leader() -> None:
    """A dotted row between the upright ticks under a chart's axis (a real Pythia plot; the
    axis itself is left out here): a tick is a lone upright stroke, no word's "l" or "1",
    which has letters beside it."""
    image = Image.new("L", (900, 120), 255)
    draw = ImageDraw.Draw(image)
    ticks = list(range(60, 860, 160))
    for x in ticks:
        draw.rectangle((x, 50, x + 1, 60), fill=0)
    for left, right in pairwise(ticks):
        for x in range(left + 12, right - 10, 8):
            draw.rectangle((x, 54, x + 1, 56), fill=0)
    grey = np.asarray(image).copy()
    assert not erase_leaders(grey, 10.0)[1]
