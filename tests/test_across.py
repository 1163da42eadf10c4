"""Tables that list their models across the header and their benchmarks down the first
column, and tables typed in a monospaced font, drawn as someone else would draw them
(PIL, real fonts) and read end to end through OpenCV and Tesseract."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from imgread.config import load_config
from imgread.pipeline import read_image
from imgread.tables import rows_from_table, scores_from_table

SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SANS_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def draw_across(
    path: Path, header: list[list[str]], rows: list[list[str]], size: int = 18
) -> Path:
    """A table drawn cell by cell: ``header`` holds each column's name as its lines (a name
    wrapped over two lines has two), first column set left, the rest centred."""
    regular = ImageFont.truetype(SANS, size)
    bold = ImageFont.truetype(SANS_BOLD, size)
    pad, line = size, int(size * 1.6)
    widths = [
        int(max(max(bold.getlength(part) for part in header[c]),
                *(regular.getlength(r[c]) for r in rows))) + 2 * pad
        for c in range(len(header))
    ]
    head_lines = max(len(name) for name in header)
    image = Image.new("RGB", (sum(widths) + 2 * pad, line * (head_lines + len(rows)) + 3 * pad),
                      "white")
    draw = ImageDraw.Draw(image)
    x = pad
    for c, name in enumerate(header):
        for k, part in enumerate(name):
            y = pad + line * (head_lines - len(name) + k)
            left = x + pad if c == 0 else x + (widths[c] - bold.getlength(part)) / 2
            draw.text((left, y), part, fill="black", font=bold)
        x += widths[c]
    top = pad + line * head_lines + 4
    draw.line((pad, top, sum(widths) + pad, top), fill="black", width=2)
    for r, cells in enumerate(rows):
        x = pad
        for c, text in enumerate(cells):
            left = x + pad if c == 0 else x + (widths[c] - regular.getlength(text)) / 2
            draw.text((left, top + 8 + line * r), text, fill="black", font=regular)
            x += widths[c]
    image.save(path)
    return path


def read_tables(path: Path) -> tuple[dict[tuple[str, str], tuple[float, str | None]], list]:
    record = read_image(path, load_config())
    scores, rows = {}, []
    for i, table in enumerate(record.ocr.tables):
        for score in scores_from_table(table, i):
            scores[(score.model, score.benchmark)] = (score.value, score.setting)
        rows += [(r.model, r.params_b, r.tokens_t, r.mmlu) for r in rows_from_table(table, i)]
    return scores, rows


def test_benchmarks_down_the_first_column_turn_a_table_whose_names_state_no_size(
    tmp_path: Path,
) -> None:
    """Benchmarks down the first column ("MMLU (5-shot)") and names across the header that
    state no size and no parameters row: the table still runs across, so each column is a
    model, and a setting in brackets after a benchmark is its setting."""
    path = draw_across(
        tmp_path / "benchmarks_down.png",
        [["Benchmark"], ["Wren-Chat"], ["Heron"], ["Stork-Instruct"], ["Finch"]],
        [
            ["MMLU (5-shot)", "45.3", "55.1", "76.3", "69.8"],
            ["GSM8K (8-shot)", "14.6", "28.7", "67.2", "56.8"],
            ["HumanEval", "12.8", "18.3", "23.2", "29.9"],
            ["Average", "24.2", "34.0", "55.6", "52.2"],
        ],
    )
    scores, rows = read_tables(path)
    assert scores[("Heron", "MMLU")] == (55.1, "5-shot")
    assert scores[("Stork-Instruct", "GSM8K")] == (67.2, "8-shot")
    assert scores[("Finch", "HumanEval")] == (29.9, None)
    assert scores[("Wren-Chat", "Average")] == (24.2, None)
    assert sorted(rows) == [
        ("Finch", None, None, 69.8),
        ("Heron", None, None, 55.1),
        ("Stork-Instruct", None, None, 76.3),
        ("Wren-Chat", None, None, 45.3),
    ]


def test_a_wrapped_names_lower_line_level_with_the_corner_is_no_row(tmp_path: Path) -> None:
    """Names wrapped over two lines across the header, the corner's label ("Dataset") level
    with their second lines: that line is the end of the names, not a row of the table."""
    path = draw_across(
        tmp_path / "wrapped.png",
        [["Dataset"], ["Wren-7B-Chat"], ["Heron", "13B"], ["Stork-", "34B"],
         ["Finch", "70B"], ["Crane-9B-Base"]],
        [
            ["MMLU", "45.3", "55.1", "76.3", "69.8", "61.0"],
            ["GSM8K", "14.6", "28.7", "67.2", "56.8", "40.9"],
            ["HumanEval", "12.8", "18.3", "23.2", "29.9", "33.1"],
        ],
    )
    scores, rows = read_tables(path)
    assert sorted(rows) == [
        ("Crane-9B-Base", 9.0, None, 61.0),
        ("Finch 70B", 70.0, None, 69.8),
        ("Heron 13B", 13.0, None, 55.1),
        ("Stork-34B", 34.0, None, 76.3),
        ("Wren-7B-Chat", 7.0, None, 45.3),
    ]
    assert scores[("Stork-34B", "GSM8K")] == (67.2, None)


def draw_turned(path: Path, names: list[str], rows: list[list[str]], angle: int) -> Path:
    """Names over their columns turned ``angle`` degrees counterclockwise (reading upwards),
    each starting over the left of its column, the benchmarks down the first column."""
    font = ImageFont.truetype(SANS, 17)
    bold = ImageFont.truetype(SANS_BOLD, 17)
    first, column, head = 190, 80, 190
    width = first + column * len(names) + 150
    image = Image.new("RGB", (width, head + 34 * len(rows) + 30), "white")
    draw = ImageDraw.Draw(image)
    for c, name in enumerate(names):
        length = int(bold.getlength(name)) + 8
        label = Image.new("L", (length, 26), 255)
        ImageDraw.Draw(label).text((4, 2), name, fill=0, font=bold)
        turned = label.rotate(angle, expand=True, fillcolor=255, resample=Image.BICUBIC)
        x = first + column * c + 20
        image.paste(Image.merge("RGB", [turned] * 3), (x, head - turned.height - 6))
    draw.line((10, head, width - 10, head), fill="black", width=2)
    for r, cells in enumerate(rows):
        y = head + 8 + 34 * r
        draw.text((16, y), cells[0], fill="black", font=font)
        for c, text in enumerate(cells[1:]):
            draw.text((first + column * c + 20, y), text, fill="black", font=font)
    image.save(path)
    return path


def test_names_turned_over_their_columns_are_read_at_their_angle(tmp_path: Path) -> None:
    """Model names turned upright (reading upwards) over narrow columns read as single
    letters when read level; read at their angle, each names its column."""
    names = ["Wren-7B-Chat", "Heron-13B", "Stork-34B-Base", "Finch-70B"]
    rows = [
        ["MMLU (5-shot)", "45.3", "55.1", "76.3", "69.8"],
        ["GSM8K (8-shot)", "14.6", "28.7", "67.2", "56.8"],
        ["HumanEval", "12.8", "18.3", "23.2", "29.9"],
    ]
    scores, rows_read = read_tables(draw_turned(tmp_path / "turned.png", names, rows, 90))
    assert sorted(rows_read) == [
        ("Finch-70B", 70.0, None, 69.8),
        ("Heron-13B", 13.0, None, 55.1),
        ("Stork-34B-Base", 34.0, None, 76.3),
        ("Wren-7B-Chat", 7.0, None, 45.3),
    ]
    assert scores[("Stork-34B-Base", "GSM8K")] == (67.2, "8-shot")
