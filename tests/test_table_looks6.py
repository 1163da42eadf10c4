"""Table looks whose reading failed by kind: numbers on a heat map's coloured fills."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from imgread.config import load_config
from imgread.pipeline import read_image
from imgread.preprocess import Prepared
from imgread.preprocess.fills import flatten_fills
from imgread.record import Box, Cell, Table
from imgread.tables import scores_from_table
from imgread.tables.highlights import reread_highlighted_numbers

FONTS = Path("/usr/share/fonts/truetype")
SANS = FONTS / "dejavu/DejaVuSans.ttf"
needs_fonts = pytest.mark.skipif(not SANS.exists(), reason="DejaVu fonts absent")

RED, GREEN = (230, 124, 115), (87, 187, 138)


def _scale_colour(share: float) -> tuple[int, ...]:
    """A spreadsheet's red-to-green colour scale."""
    return tuple(round(r + (g - r) * share) for r, g in zip(RED, GREEN, strict=True))


def render_heat_map(path: Path, benches: list[str], rows: list[tuple[str, list[float]]]) -> Path:
    """A small spreadsheet-like grid whose score cells are filled by a colour scale, dark
    text on every fill, pale borders."""
    face = ImageFont.truetype(str(SANS), 12)
    bold = ImageFont.truetype(str(SANS.with_name("DejaVuSans-Bold.ttf")), 12)
    name_w, cell_w, pitch = 150, 64, 22
    width, height = 20 + name_w + cell_w * len(benches) + 20, 30 + pitch * (len(rows) + 1) + 20
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    values = [v for _, scores in rows for v in scores]
    low, high = min(values), max(values)
    top = 30
    draw.text((24, top + 4), "Model", fill=(34, 34, 34), font=bold)
    for c, bench in enumerate(benches):
        draw.text((20 + name_w + c * cell_w + 6, top + 4), bench, fill=(34, 34, 34), font=bold)
    for r, (name, scores) in enumerate(rows, 1):
        y = top + r * pitch
        draw.text((24, y + 4), name, fill=(34, 34, 34), font=face)
        for c, value in enumerate(scores):
            x = 20 + name_w + c * cell_w
            fill = _scale_colour((value - low) / (high - low))
            draw.rectangle((x, y, x + cell_w, y + pitch), fill=fill, outline=(226, 226, 226))
            text = f"{value:.1f}"
            draw.text((x + cell_w - 8 - face.getlength(text), y + 4), text, fill=(34, 34, 34),
                      font=face)
    image.save(path)
    return path


@needs_fonts
def test_numbers_on_a_colour_scale_are_read(tmp_path: Path) -> None:
    """Every score on a red/green colour scale is read: the fills are taken out before OCR
    (without that, the page's threshold puts mid-tone fills on the ink side and the
    numbers run together into one word)."""
    rng = random.Random(4)
    benches = ["MMLU", "GSM8K", "MATH", "GPQA", "DROP"]
    rows = [(f"Onyx-{size}B Chat", [round(rng.uniform(10, 70), 1) for _ in benches])
            for size in (1.1, 6.7, 9, 14, 34, 40, 70)]
    record = read_image(render_heat_map(tmp_path / "heat.png", benches, rows))
    read = {(s.model, s.benchmark): s.value for t in record.ocr.tables
            for s in scores_from_table(t)}
    expected = {(name, bench): value for name, scores in rows
                for bench, value in zip(benches, scores, strict=True)}
    right = sum(1 for key, value in expected.items() if read.get(key) == value)
    assert right >= len(expected) - 1, (right, len(expected), read)
    assert "flatten_fills" in record.preprocess.steps


def test_dark_text_on_a_fill_stays_and_white_type_is_left_alone() -> None:
    """The fill under dark text becomes white while the text stays dark; a fill carrying
    white type (a coloured button) is not flattened, or its type would vanish."""
    rng = np.random.default_rng(0)
    grey = np.full((200, 400), 255, dtype=np.uint8)
    grey[20:100, 20:380] = 150  # a mid-tone fill
    for x in range(40, 360, 30):  # dark glyph-like marks on it
        grey[40:60, x : x + 3] = 30 + rng.integers(0, 10)
        grey[40:43, x : x + 12] = 30
    flat = flatten_fills(grey)
    assert flat[30, 200] >= 240  # the fill is white now
    assert flat[50, 41] <= 80  # its marks are still ink
    button = np.full((200, 400), 255, dtype=np.uint8)
    button[20:100, 20:380] = 150
    for x in range(40, 360, 30):  # white type on the fill
        button[40:60, x : x + 3] = 255
        button[40:43, x : x + 12] = 255
    assert flatten_fills(button) is button


def test_a_bar_with_its_label_at_the_top_is_no_fill() -> None:
    """Bars of a chart are mid-tone shapes on a lighter face with dark text on them too: a
    value label at each bar's top. Text over a small part of a tall fill is no cell's: the
    bars stay as drawn (flattened, they vanished from the page the chart reader reads)."""
    grey = np.full((400, 600), 235, dtype=np.uint8)  # a plot's grey face
    for left in (60, 200, 340, 480):
        grey[80:360, left : left + 90] = 150  # a bar
        for x in range(left + 15, left + 75, 15):  # its value label, near the top
            grey[95:115, x : x + 3] = 30
            grey[95:98, x : x + 10] = 30
    assert flatten_fills(grey) is grey


def render_docs_page(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    """A documentation page: a navigation list down the left, a ruled, framed table to its
    right whose header and first row stand level with the list's last entries."""
    face = ImageFont.truetype(str(SANS), 13)
    bold = ImageFont.truetype(str(SANS.with_name("DejaVuSans-Bold.ttf")), 13)
    widths = [max(int(face.getlength(r[c])) for r in [header, *rows]) + 40
              for c in range(len(header))]
    left, top, pitch = 220, 120, 35
    width = left + sum(widths) + 60
    height = top + pitch * (len(rows) + 1) + 60
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    nav = ["Getting started", "Models", "Evaluation", "Fine-tuning", "FAQ"]
    for i, item in enumerate(nav):  # the list's last two entries meet the table's lines
        draw.text((20, top + 10 + pitch + (i - len(nav) + 1) * 28), item, fill=(136, 136, 136),
                  font=face)
    right = left + sum(widths)
    for r, cells in enumerate([header, *rows]):
        y = top + r * pitch
        draw.line((left, y, right, y), fill=(200, 200, 200))
        x = left
        for c, text in enumerate(cells):
            draw.text((x + 16, y + 10), text, fill=(51, 51, 51), font=bold if r == 0 else face)
            x += widths[c]
    bottom = top + pitch * (len(rows) + 1)
    draw.line((left, bottom, right, bottom), fill=(200, 200, 200))
    draw.line((left, top, left, bottom), fill=(200, 200, 200))
    draw.line((right, top, right, bottom), fill=(200, 200, 200))
    image.save(path)
    return path


@needs_fonts
def test_a_docs_sites_navigation_is_no_column(tmp_path: Path) -> None:
    """The navigation entries level with a framed table's rows stay out of it: the rules
    under the rows end where the table does (without that, "FAQ" is the first row's first
    cell and the model names become a second column)."""
    header = ["Model", "Parameters", "MMLU", "MBPP"]
    rows = [["Yarrow-2-6.7b-Base", "6.7b", "50.4", "32.9"],
            ["Aster-2-7B-Base", "7b", "59.1", "41.3"],
            ["Quill-2-0.5B-Base", "0.5b", "54.4", "45.5"],
            ["Pylon-7B-Base", "7b", "56.0", "45.6"],
            ["Aster-3-14B-Base", "14b", "54.6", "36.9"]]
    record = read_image(render_docs_page(tmp_path / "docs.png", header, rows))
    read = {(s.model, s.benchmark): s.value for t in record.ocr.tables
            for s in scores_from_table(t)}
    expected = {(row[0], bench): float(row[c]) for row in rows
                for c, bench in ((2, "MMLU"), (3, "MBPP"))}
    assert read == expected


LEADERBOARD_HEADER = ["Rank", "Model", "MMLU", "MATH", "GSM8K", "Paper"]
LEADERBOARD_ROWS = [
    ("Cobalt 34B", True, [70.9, 38.1, 62.4]),
    ("Rook 1.5 72B", False, [61.8, 32.5, 54.1]),
    ("Dune 40B", False, [56.4, 23.2, 46.3]),
    ("Dune 3 6.7B", True, [53.5, 17.2, 36.5]),
    ("Cobalt v2 1.8B", False, [49.0, 20.0, 35.2]),
]


def render_leaderboard(path: Path) -> Path:
    """A leaderboard page: rank, a linked model name with an "Extra data" tag on a grey pill
    after some names, scores, and a "Paper" column of link icons (shapes, no text)."""
    face = ImageFont.truetype(str(SANS), 15)
    bold = ImageFont.truetype(str(SANS.with_name("DejaVuSans-Bold.ttf")), 15)
    small = ImageFont.truetype(str(SANS), 10)
    xs = [20, 80, 360, 460, 560, 660]
    pitch, top = 40, 20
    image = Image.new("RGB", (760, top + pitch * (len(LEADERBOARD_ROWS) + 1) + 20), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((10, top, 750, top + pitch), fill=(247, 247, 247))
    for x, name in zip(xs, LEADERBOARD_HEADER, strict=True):
        draw.text((x, top + 11), name, fill=(85, 85, 85), font=bold)
    for r, (name, tagged, scores) in enumerate(LEADERBOARD_ROWS, 1):
        y = top + r * pitch
        draw.line((10, y, 750, y), fill=(221, 221, 221), width=1)
        draw.text((xs[0], y + 11), str(r), fill=(153, 153, 153), font=face)
        draw.text((xs[1], y + 11), name, fill=(31, 140, 235), font=face)
        if tagged:
            x = xs[1] + face.getlength(name) + 10
            draw.rounded_rectangle((x, y + 11, x + small.getlength("Extra data") + 10, y + 27),
                                   radius=3, fill=(238, 238, 238))
            draw.text((x + 5, y + 13), "Extra data", fill=(102, 102, 102), font=small)
        for x, value in zip(xs[2:5], scores, strict=True):
            draw.text((x, y + 11), f"{value:.1f}", fill=(51, 51, 51), font=face)
        draw.rectangle((xs[5], y + 6, xs[5] + 26, y + 34), fill=(228, 230, 232))
        draw.ellipse((xs[5] + 34, y + 7, xs[5] + 60, y + 33), fill=(214, 236, 218))
    image.save(path)
    return path


@pytest.fixture(scope="module")
def leaderboard_scores(tmp_path_factory: pytest.TempPathFactory) -> dict:
    path = render_leaderboard(tmp_path_factory.mktemp("board") / "board.png")
    record = read_image(path)
    return {(s.model, s.benchmark): s.value for t in record.ocr.tables
            for s in scores_from_table(t)}


@needs_fonts
def test_a_tag_on_its_own_pill_is_no_part_of_the_name(leaderboard_scores: dict) -> None:
    """"Extra data" on a grey pill after a name is cut from it: the pill's fill is another
    ground than the name's (without that the tagged rows are "Cobalt 34B Extra data")."""
    models = {model for model, _ in leaderboard_scores}
    assert models == {name for name, _, _ in LEADERBOARD_ROWS}


@needs_fonts
def test_a_column_name_over_icons_joins_no_other_name(leaderboard_scores: dict) -> None:
    """"Paper" over a column of link icons (no text under it) does not join the last
    column's name: every GSM8K score is found under "GSM8K"."""
    gsm8k = {model: value for (model, bench), value in leaderboard_scores.items()
             if bench == "GSM8K"}
    assert len(gsm8k) == len(LEADERBOARD_ROWS), sorted(leaderboard_scores)


SERIF = FONTS / "liberation/LiberationSerif-Regular.ttf"


@pytest.mark.skipif(not SERIF.exists(), reason="Liberation fonts absent")
def test_spreads_set_apart_in_small_type_join_their_means(tmp_path: Path) -> None:
    """Each mean with its spread after it in smaller type ("18.7 ±0.2") reads as one
    column: without joining the spreads' columns to the means', the body has twice the
    columns the header names and the names fall over the wrong columns."""
    face = ImageFont.truetype(str(SERIF), 22)
    small = ImageFont.truetype(str(SERIF), 14)
    benches = ["MATH", "GPQA", "PIQA", "MBPP"]
    rng = random.Random(7)
    rows = [(name, [(round(rng.uniform(20, 80), 1), round(rng.uniform(0.1, 1.9), 1))
                    for _ in benches])
            for name in ("Zephon-8B", "Onyx-1.8B", "Sable-2-65B", "Sable-9B", "Zephon-v2-9B")]
    xs = [30, 230, 370, 510, 650]
    image = Image.new("RGB", (800, 70 + 36 * len(rows)), "white")
    draw = ImageDraw.Draw(image)
    draw.line((20, 12, 780, 12), fill="black", width=2)
    for x, name in zip(xs, ["Model", *benches], strict=True):
        draw.text((x, 18), name, fill="black", font=face)
    draw.line((20, 50, 780, 50), fill="black", width=1)
    for r, (name, cells) in enumerate(rows):
        y = 58 + 36 * r
        draw.text((xs[0], y), name, fill="black", font=face)
        for x, (mean, spread) in zip(xs[1:], cells, strict=True):
            text = f"{mean:.1f}"
            draw.text((x, y), text, fill="black", font=face)
            draw.text((x + face.getlength(text) + 5, y + 8), f"±{spread:.1f}", fill="black",
                      font=small)
    draw.line((20, 58 + 36 * len(rows), 780, 58 + 36 * len(rows)), fill="black", width=2)
    path = tmp_path / "spreads.png"
    image.save(path)
    record = read_image(path)
    read = {(s.model, s.benchmark): s.value for t in record.ocr.tables
            for s in scores_from_table(t)}
    expected = {(name, bench): mean for name, cells in rows
                for bench, (mean, _) in zip(benches, cells, strict=True)}
    right = sum(1 for key, value in expected.items() if read.get(key) == value)
    assert right >= len(expected) - 1, (right, read)


@needs_fonts
def test_a_number_on_a_dark_pill_is_read_from_its_colours() -> None:
    """A cell the page read as "G48)" (the pill's dark ends read as a letter and a bracket
    beside the inverted digits of "34.8") is read again by distance from the pill's
    colour, which gives the digits alone; a number on the page itself is left alone."""
    face = ImageFont.truetype(str(SANS), 24)
    image = Image.new("RGB", (420, 70), (224, 242, 241))  # a slide's striped row
    draw = ImageDraw.Draw(image)
    draw.text((30, 20), "67.3", fill=(34, 34, 34), font=face)
    width = face.getlength("34.8")
    draw.rounded_rectangle((250, 12, 250 + width + 28, 56), radius=22, fill=(0, 121, 107))
    draw.text((264, 20), "34.8", fill="white", font=face)
    rgb = np.array(image)
    page = Cell(row=0, col=0, text="67.3", box=Box(x1=30, y1=24, x2=30 + 52, y2=44),
                confidence=96.0, readings={"page": "67.3"})
    pill = Cell(row=0, col=1, text="G48)", box=Box(x1=250, y1=12, x2=250 + int(width) + 28,
                y2=56), confidence=60.0, readings={"page": "G48)"})
    others = [Cell(row=1, col=c, text=text, confidence=96.0, readings={"page": text})
              for c, text in enumerate(["59.6", "29.6"])]  # the columns' other numbers
    table = Table(box=Box(x1=0, y1=0, x2=420, y2=70), n_rows=2, n_cols=2,
                  body=[[page, pill], others], columns=["MMLU", "NQ"])
    prepared = Prepared(grey=np.array(image.convert("L")), size=(420, 70), rgb=rgb)
    reread_highlighted_numbers(table, prepared, load_config().ocr)
    assert pill.readings.get("numeric") == "34.8"
    assert "numeric" not in page.readings
