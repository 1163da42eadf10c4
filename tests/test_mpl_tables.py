"""Tables whose columns are sized to their text (matplotlib's ``ax.table`` with
``auto_set_column_width``), read end to end through OpenCV and Tesseract: a number set
right in its column ends a word space before the next column's number, with no rule
between them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from imgread.pipeline import read_image
from imgread.tables import scores_from_table

COLUMNS = ["Model", "Params", "BBH", "MATH"]
ROWS = [
    ["Falcon-40B", "40", "39.22", "13.30"],
    ["Llama-2-7B", "7", "23.86", "72.89"],
    ["BLOOM-176B", "176", "45.31", "80.04"],
    ["ChatGLM3-6B", "6", "49.38", "78.40"],
    ["Llama-2-13B", "13", "67.46", "86.38"],
]


def render(path: Path) -> Path:
    matplotlib = pytest.importorskip("matplotlib", reason="matplotlib: pip install matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with plt.rc_context({"font.family": "DejaVu Serif"}):
        fig, ax = plt.subplots(figsize=(5, 2.2), dpi=100)
        ax.axis("off")
        table = ax.table(
            cellText=ROWS, colLabels=COLUMNS, loc="center", cellLoc="right", edges="BT"
        )
        table.auto_set_font_size(False)
        table.set_fontsize(10)
        table.auto_set_column_width(list(range(len(COLUMNS))))
        table.scale(1.0, 1.3)
        fig.savefig(path, bbox_inches="tight")
        plt.close(fig)
    return path


SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")


def render_tight(path: Path) -> Path:
    """Every column set right, the widest cell of each a word space after the column before
    it, and a thin rule under each row, as a table sized to its text prints them."""
    font = ImageFont.truetype(str(SERIF), 14)
    space = font.getlength(" ")
    widths = [max(font.getlength(r[c]) for r in [COLUMNS, *ROWS]) for c in range(len(COLUMNS))]
    rights, x = [], 30.0
    for width in widths:
        x += width
        rights.append(x)
        x += space
    pitch = 26
    image = Image.new("RGB", (int(x) + 30, 40 + pitch * (len(ROWS) + 1)), "white")
    draw = ImageDraw.Draw(image)
    for r, cells in enumerate([COLUMNS, *ROWS]):
        y = 20 + r * pitch
        for text, right in zip(cells, rights, strict=True):
            draw.text((right - font.getlength(text), y), text, fill="black", font=font)
        draw.line((26, y + pitch - 6, int(x) + 4, y + pitch - 6), fill="black", width=1)
    image.save(path)
    return path


@pytest.mark.slow
@pytest.mark.skipif(not SERIF.exists(), reason="DejaVu fonts absent")
def test_numbers_a_word_space_apart_are_two_cells(tmp_path: Path) -> None:
    """ "40" and "39.22" a word space apart are two cells, not one chunk that fits no
    column: the sizes and the BBH scores keep their own columns, and so do their names."""
    record = read_image(render_tight(tmp_path / "tight.png"))
    tables = record.ocr.tables
    assert [table.columns for table in tables] == [COLUMNS]
    scores = {(s.model, s.benchmark): s.value for s in scores_from_table(tables[0], 0)}
    expected = {
        (row[0], name): float(value)
        for row in ROWS
        for name, value in zip(COLUMNS[2:], row[2:], strict=True)
    }
    assert scores == expected


@pytest.mark.slow
def test_matplotlib_table_reads_end_to_end(tmp_path: Path) -> None:
    """A matplotlib table with rules above and below its rows only, every cell set right:
    every column's name and every score."""
    record = read_image(render(tmp_path / "tight.png"))
    tables = record.ocr.tables
    assert [table.columns for table in tables] == [COLUMNS]
    scores = {(s.model, s.benchmark): s.value for s in scores_from_table(tables[0], 0)}
    expected = {
        (row[0], name): float(value)
        for row in ROWS
        for name, value in zip(COLUMNS[2:], row[2:], strict=True)
    }
    assert scores == expected


@pytest.mark.slow
def test_a_title_in_a_code_font_names_no_column(tmp_path: Path) -> None:
    """A title set in a monospaced font ("Open model comparison") splits at its wide word
    spaces into pieces that each sit over a column; set apart above the header, it is
    still one title, and the columns keep their own names."""
    matplotlib = pytest.importorskip("matplotlib", reason="matplotlib: pip install matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = [
        ["Mistral-7B", "7", "60.2", "46.2"],
        ["ChatGLM3-6B", "6", "42.4", "35.9"],
        ["MPT-30B", "30", "75.8", "37.1"],
        ["Baichuan2-13B", "13", "21.9", "23.4"],
        ["Llama-2-13B", "13", "76.0", "33.5"],
    ]
    columns = ["Params", "MMLU", "MATH"]
    with plt.rc_context({"font.family": "DejaVu Sans Mono"}):
        fig, ax = plt.subplots(figsize=(5.6, 2.9), dpi=200)
        ax.axis("off")
        table = ax.table(
            cellText=[r[1:] for r in rows],
            colLabels=columns,
            rowLabels=[r[0] for r in rows],
            loc="center",
            cellLoc="left",
            edges="closed",
        )
        table.auto_set_font_size(False)
        table.set_fontsize(7)
        table.auto_set_column_width(list(range(-1, len(columns))))
        table.scale(1.4, 1.7)
        for cell in table.get_celld().values():
            cell.set_edgecolor("#cccccc")
        ax.set_title("Open model comparison", fontsize=10)
        path = tmp_path / "titled.png"
        fig.savefig(path, bbox_inches="tight")
        plt.close(fig)
    record = read_image(path)
    assert [table.columns[1:] for table in record.ocr.tables] == [columns]
