"""Small text and phone tables: quantities printed with words after them, column names
that lost a bracket's stroke, and (see the tests below) tiny grids."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from imgread.config import load_config
from imgread.ocr.vote import vote
from imgread.pipeline import read_image
from imgread.tables import rows_from_table
from imgread.tables.lines import tidy_label

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def render_rows(path: Path, header: list[str], rows: list[list[str]], size: int = 20) -> Path:
    """A plain table, names set left and the rest centred, a rule under the header."""
    face = ImageFont.truetype(FONT, size)
    widths = [
        max(int(face.getlength(r[c])) for r in [header, *rows]) + 2 * size
        for c in range(len(header))
    ]
    xs = [20]
    for w in widths:
        xs.append(xs[-1] + w)
    pitch = int(size * 1.8)
    img = Image.new("RGB", (xs[-1] + 20, pitch * (len(rows) + 1) + 40), "white")
    d = ImageDraw.Draw(img)
    for r, cells in enumerate([header, *rows]):
        for c, text in enumerate(cells):
            tw = face.getlength(text)
            x = xs[c] + 4 if c == 0 else (xs[c] + xs[c + 1] - tw) / 2
            d.text((x, 20 + r * pitch + size // 3), text, fill="black", font=face)
    d.line((xs[0], 20 + pitch, xs[-1], 20 + pitch), fill="black", width=2)
    img.save(path)
    return path


def test_quantities_printed_with_words_after_them(tmp_path: Path) -> None:
    """A cell "2.6T tokens" is no number, so the column was no column of numbers and every row
    lost its training data; its cells all read as token counts, so it states them."""
    path = render_rows(
        tmp_path / "tokens.png",
        ["Model", "Params", "Pretraining data", "MMLU", "GSM8K"],
        [
            ["Llama-2-13B", "13B", "2T tokens", "54.8", "28.7"],
            ["Mistral-7B", "7B", "1.4T tokens", "62.5", "40.2"],
            ["Qwen-14B", "14B", "3T tokens", "66.3", "61.3"],
        ],
    )
    table = read_image(path, load_config()).ocr.tables[0]
    rows = {(r.model, r.params_b, r.tokens_t, r.mmlu) for r in rows_from_table(table)}
    assert rows == {
        ("Llama-2-13B", 13.0, 2.0, 54.8),
        ("Mistral-7B", 7.0, 1.4, 62.5),
        ("Qwen-14B", 14.0, 3.0, 66.3),
    }


def test_a_bracket_that_never_closes_lost_its_stroke() -> None:
    assert tidy_label("MMLU(5-shot") == "MMLU(5-shot)"
    assert tidy_label("C-Eval（5-shot") == "C-Eval（5-shot）"
    assert tidy_label("」平均分") == "平均分"
    # closed brackets, a bare opening and names without one stay as they are
    assert tidy_label("MMLU (5-shot)") == "MMLU (5-shot)"
    assert tidy_label("Params (B)") == "Params (B)"
    assert tidy_label("Model (") == "Model ("
    assert tidy_label("「平均」") == "「平均」"


# Tiny boxed grids drawn by benchmarks/looks/tiny_grid.py (seed 310, images 8 and 5).
FIXTURES = Path(__file__).parent / "fixtures" / "small"


def _grid_rows(path: Path) -> tuple[str, list[list[str]]]:
    table = read_image(path, load_config()).ocr.tables[0]
    return table.method, [[cell.text for cell in row] for row in table.body]


def test_a_tiny_grid_on_a_dark_page_is_read_cell_by_cell() -> None:
    """Light rules on a dark page are lighter, not darker, than what lies beside them, and
    light 5 px text measures thicker there: the page was laid out by alignment, split into
    two tables, and lost most of its cells."""
    method, rows = _grid_rows(FIXTURES / "tiny_grid_dark.jpg")
    assert method == "grid"
    assert len(rows) == 6
    scores = [cell for row in rows for cell in row[2:]]
    expected = "67.7 29.4 20.5 84.9 - 76.4 75.7 56.8 56.6 60.8 19.7 63.3 - 44.8 45.0 - 84.4 83.2"
    right = sum(a == b for a, b in zip(scores, expected.split(), strict=True))
    assert right >= 16


def test_a_number_and_nothing_else_outvotes_digits_among_marks() -> None:
    """Tesseract read the cell "73.8" as "m8" and RapidOCR as "73.8": both hold a number,
    and the more confident one won. A reading that is a number and nothing else wins."""
    assert vote("m8", 92, "73.8", 90, numeric=True).text == "73.8"
    assert vote("#2", 92, "892", 90, numeric=True).text == "892"
    assert vote("m8", 92, "73.8", 90, numeric=False).text == "m8"  # names: as before
    _, rows = _grid_rows(FIXTURES / "tiny_grid_junk_digits.jpg")
    last = next(row for row in rows if row[0].startswith("DeepSeek"))
    assert last[5] == "73.8"


def test_a_column_name_the_second_engine_reads_is_tidied_too() -> None:
    """A phone table (benchmarks/looks/phone_cjk.py, seed 310, image 3) whose last column
    name the page lost: RapidOCR read it with the table's corner as "」平均分"."""
    table = read_image(FIXTURES / "phone_corner_mark.png", load_config()).ocr.tables[0]
    assert table.columns[-1] == "平均分"


def test_a_mean_with_its_spread_is_a_whole_number_reading() -> None:
    """A cell "17.4±1.1" (RapidOCR) against "17.4411" (Tesseract read ± as 4): the spread is part
    of a number cell, not marks around it."""
    assert vote("17.4411", 40, "17.4±1.1", 90, numeric=True).text == "17.4±1.1"
    assert vote("17.4411", 40, "17.4+1.1", 90, numeric=True).text == "17.4+1.1"


def test_a_chinese_column_name_split_by_ocr_stays_one_name() -> None:
    """A phone table (benchmarks/looks/phone_cjk.py, seed 300, image 1) whose "训练数据(T)"
    OCR splits in two, the second part over no column and as close to "C-Eval" after it as
    to its first part: Chinese has no spaces, so the Han part goes with the Han part before
    it, and the training data column keeps its name and its values."""
    table = read_image(FIXTURES / "phone_han_name_split.jpg", load_config()).ocr.tables[0]
    assert "训练数据(T)" in table.columns and "C-Eval" in table.columns, table.columns
    tokens = sorted(row.tokens_t for row in rows_from_table(table, 0))
    assert tokens == [1.0, 1.0, 3.0], tokens
