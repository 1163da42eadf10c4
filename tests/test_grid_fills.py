"""Boxed tables as matplotlib and small screenshots print them (issue 10): a header on a fill
whose own rules are paler than it, settings in brackets after a benchmark's name, names
wrapped tight inside their cells, a footnote mark or a misread size in small text."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from imgread.config import Config
from imgread.ocr import rapid
from imgread.pipeline import read_image
from imgread.record import Box, Cell, Table
from imgread.tables import rows_from_table, scores_from_table
from imgread.tables.grid import _is_settings_row, _stacked_number, find_lattice, text_lines
from imgread.tables.inline_settings import split_inline_settings
from imgread.tables.name_repairs import strip_footnote_marks
from imgread.tables.size_readings import repair_sizes_misread
from imgread.units import parse_number

FONT = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")
BOLD = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf")
needs_font = pytest.mark.skipif(not FONT.exists(), reason="Liberation fonts absent")
needs_rapidocr = pytest.mark.skipif(
    not rapid.available(), reason="RapidOCR is installed by scripts/setup"
)

HEADER = ["Models", "Params", "MMLU (5-shot)", "GSM8K (8-shot)"]
ROWS = [
    [["Kestrel-7B"], "7B", "54.1", "70.7"],
    [["DeepSeek-LLM-", "13B"], "13B", "31.2", "34.1"],
    [["Plover-34B"], "34B", "68.1", "73.6"],
    [["Merlin-70B-", "Instruct"], "70B", "60.8", "25.2"],
]


def render_filled(path: Path, fill: str, edge: str, width: int | None = None) -> Path:
    """A matplotlib-like table: every cell edged in ``edge``, the header on ``fill``, names
    wrapped in their cells with little leading; shrunk to ``width`` px and saved as JPEG."""
    size = 22
    regular, bold = ImageFont.truetype(str(FONT), size), ImageFont.truetype(str(BOLD), size)
    widths = [
        int(
            max(
                bold.getlength(HEADER[c]),
                *(regular.getlength(line) for row in ROWS for line in _lines(row[c])),
            )
        )
        + 24
        for c in range(len(HEADER))
    ]
    xs = [40]
    for w in widths:
        xs.append(xs[-1] + w)
    line = int(size * 1.05)  # tight leading: a descender all but touches the next line
    pitch = int(size * 1.8)
    heights = [pitch] + [pitch + (len(_lines(row[0])) - 1) * line for row in ROWS]
    ys = [30]
    for h in heights:
        ys.append(ys[-1] + h)
    image = Image.new("RGB", (xs[-1] + 40, ys[-1] + 30), "white")
    draw = ImageDraw.Draw(image)
    for r in range(len(heights)):
        for c in range(len(HEADER)):
            box = (xs[c], ys[r], xs[c + 1], ys[r + 1])
            draw.rectangle(box, fill=fill if r == 0 else "white", outline=edge, width=2)
            parts = [HEADER[c]] if r == 0 else _lines(ROWS[r - 1][c])
            face = bold if r == 0 else regular
            top = ys[r] + (heights[r] - len(parts) * line) // 2
            for k, part in enumerate(parts):
                x = xs[c] + 10 if c == 0 else (xs[c] + xs[c + 1] - face.getlength(part)) / 2
                draw.text((x, top + k * line), part, fill="black", font=face)
    if width is not None:
        image = image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)
    image.save(path, quality=85)
    return path


def _lines(cell: list[str] | str) -> list[str]:
    return cell if isinstance(cell, list) else [cell]


def _grey(path: Path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("L"))


@needs_font
def test_a_header_fill_with_paler_rules_is_a_row_of_the_lattice(tmp_path: Path) -> None:
    """Grey rules on a darker green header: the rules along the fill's edges do not stand
    out of it, but the fill's edges are the header row's."""
    path = render_filled(tmp_path / "mpl.jpg", fill="#8fbc8f", edge="#bbbbbb", width=420)
    lattice = find_lattice(_grey(path))
    assert lattice is not None
    assert len(lattice.rows) == len(ROWS) + 2
    assert len(lattice.columns) == len(HEADER) + 1
    top_of_fill = next(y for y in range(_grey(path).shape[0]) if _grey(path)[y, 100] < 200)
    assert abs(lattice.rows[0][0] - top_of_fill) <= 2


def test_two_lines_set_tight_in_a_cell_are_two_lines() -> None:
    """A descender that all but touches the line below (one bare pixel row between) does
    not make one line of two: each line is read on its own."""
    crop = np.full((32, 100), 255, np.uint8)
    crop[6:14, 5:90] = 0  # the first line
    crop[14:16, 30:32] = 0  # a descender ("p")
    crop[17:25, 5:40] = 0  # the second line, after one bare pixel row
    assert text_lines(crop, glyph=8.0) == [(6, 16), (17, 25)]
    crop[16, 30:32] = 0  # one line whose letters touch: still one
    crop[17:25] = 255
    crop[16:18, 5:90] = 0
    assert text_lines(crop, glyph=8.0) == [(6, 18)]


def test_a_size_under_a_wrapped_name_is_no_stacked_number() -> None:
    assert not _stacked_number([("DeepSeek-LLM-", 99.0), ("13B", 99.0)])
    assert _stacked_number([("Kestrel", 99.0), ("61.2", 99.0)])  # a missed row rule
    assert not _stacked_number([("61.2", 99.0)])


def _row(*texts: str) -> list[Cell]:
    return [Cell(row=0, col=c, text=text, value=parse_number(text)) for c, text in enumerate(texts)]


def test_a_header_of_names_with_bracketed_settings_is_no_settings_row() -> None:
    assert not _is_settings_row(_row("Model", "Params", "MMLU (5-shot)", "GSM8K(8-shot)"))
    assert _is_settings_row(_row("", "", "5-shot", "8-shot"))


def _table(columns: list[str], rows: list[list[str]]) -> Table:
    body = [
        [
            Cell(row=r, col=c, text=text, value=parse_number(text), confidence=90.0)
            for c, text in enumerate(row)
        ]
        for r, row in enumerate(rows)
    ]
    header = [[Cell(row=0, col=c, text=text, confidence=60.0) for c, text in enumerate(columns)]]
    return Table(
        box=Box(x1=0, y1=0, x2=100, y2=100),
        n_rows=len(rows),
        n_cols=len(columns),
        header_rows=header,
        body=body,
        columns=list(columns),
        settings=[None] * len(columns),
    )


def test_a_setting_in_brackets_after_a_name_is_the_column_setting() -> None:
    table = _table(
        ["Model", "Size (B)", "MMLU (5-shot)", "TriviaQA (1-sbot)", "BBH"],
        [["Kestrel-7B", "7", "54.1", "70.7", "48.6"]],
    )
    split_inline_settings(table)
    assert table.columns == ["Model", "Size (B)", "MMLU", "TriviaQA", "BBH"]
    assert table.settings == [None, None, "5-shot", "1-shot", None]
    assert [cell.text for cell in table.header_rows[0]] == table.columns
    scores = {(s.benchmark, s.setting) for s in scores_from_table(table)}
    assert ("MMLU", "5-shot") in scores


def test_a_size_misread_where_the_name_states_its_digits_is_the_name_size() -> None:
    table = _table(
        ["Model", "Params", "MMLU"],
        [
            ["Osprey-20B", "2.0", "54.1"],  # the B's bowls read as a point
            ["Gemma-175B-Instruct", "1758", "31.2"],  # the B read as an 8
            ["Nimbus-0.5B", "500M", "68.1"],  # another unit, the same size: kept
            ["Mixtral-8x7B", "46.7B", "60.8"],  # other digits: the cell's own reading
            ["Falcon-7B", "7B", "70.2"],
        ],
    )
    flags = repair_sizes_misread(table)
    assert [row[1].text for row in table.body] == ["20B", "175B", "500M", "46.7B", "7B"]
    assert len(flags) == 2 and all(flag.kind == "ocr_repaired" for flag in flags)
    assert [row.params_b for row in rows_from_table(table)] == [20.0, 175.0, 0.5, 46.7, 7.0]


def test_a_dagger_after_a_size_is_cut_where_no_footnote_is_declared() -> None:
    table = _table(
        ["Model", "MMLU"],
        [["Halcyon-14Bt", "54.1"], ["Qwen-7B-Chat", "31.2"], ["GPT-4t", "68.1"], ["Yi-6B†", "1"]],
    )
    strip_footnote_marks(table, dagger=False)
    # "GPT-4t" may be a name; only a page that declares a dagger has its "t" cut
    assert [row[0].text for row in table.body] == ["Halcyon-14B", "Qwen-7B-Chat", "GPT-4t", "Yi-6B"]


@pytest.mark.slow
@needs_font
@needs_rapidocr
@pytest.mark.parametrize(("width", "fill"), [(330, "#4682b4"), (420, "#8fbc8f")])
def test_a_small_filled_grid_with_bracketed_settings_reads_cell_by_cell(
    tmp_path: Path, width: int, fill: str
) -> None:
    """Shrunk until its text is a few pixels high (an x-height of 5 px and of 6.4): the
    filled header is the grid's first row, its bracketed settings are settings, and each
    wrapped name is one name."""
    path = render_filled(tmp_path / "small.jpg", fill=fill, edge="black", width=width)
    record = read_image(path, Config())
    table = next(table for table in record.ocr.tables if table.method == "grid")
    assert table.columns == ["Models", "Params", "MMLU", "GSM8K"]
    assert table.settings[2:] == ["5-shot", "8-shot"]
    assert [row[0].text for row in table.body] == ["".join(row[0]) for row in ROWS]
    scores = {(s.model, s.benchmark): s.value for s in scores_from_table(table)}
    assert scores == {
        ("".join(row[0]), name): float(value)
        for row in ROWS
        for name, value in zip(["MMLU", "GSM8K"], row[2:], strict=True)
    }


def test_a_narrow_last_column_is_no_double_border(tmp_path: Path) -> None:
    """A matplotlib table whose last column (BBH) is narrow beside wide ones: its two rules
    are closer than the double-border gap the median column suggests, but text stands
    between them, so they bound a column; before, the column was joined into one rule and
    its scores lost."""
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    columns = ["Model", "HellaSwag", "HumanEval", "ARC-Challenge", "BBH"]
    rows = [
        ["MPT-30B", "32.2", "34.7", "80.2", "22.8"],
        ["Gemma-2B", "22.3", "72.7", "60.0", "7.0"],
        ["Vicuna-13B-v1.5", "18.1", "40.2", "16.1", "14.4"],
        ["Pythia-12B", "24.0", "80.9", "32.8", "12.1"],
        ["Qwen-14B", "70.8", "85.0", "18.0", "22.8"],
    ]
    fig, ax = plt.subplots(figsize=(4.0, 2.2), dpi=100)
    ax.axis("off")
    table = ax.table(cellText=rows, colLabels=columns, loc="center", cellLoc="right")
    table.auto_set_font_size(False)
    table.set_fontsize(8)
    table.auto_set_column_width(list(range(len(columns))))
    table.scale(1.1, 1.4)
    for (r, _), cell in table.get_celld().items():
        cell.set_edgecolor("#cccccc")
        if r == 0:
            cell.set_facecolor("#f0a040")
    path = tmp_path / "narrow.png"
    fig.savefig(path)
    plt.close(fig)

    record = read_image(path)
    assert [t.columns for t in record.ocr.tables] == [columns]
    scores = {
        (s.model, s.benchmark): s.value
        for i, t in enumerate(record.ocr.tables)
        for s in scores_from_table(t, i)
    }
    assert [scores.get((row[0], "BBH")) for row in rows] == [float(row[4]) for row in rows]
