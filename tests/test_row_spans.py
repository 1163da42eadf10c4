"""A size merged over its family's rows (HTML ``rowspan``): printed once per family, centred
on the family's rows (on the boundary between two rows, or in the middle row), the other
rows blank in that column and no rule crossing the merged cell. Each row of the family
gets the size; a size missing from one row of a table ruled across every column stays
missing; an "Average" row closing each family is no model's row."""

from __future__ import annotations

from pathlib import Path

from conftest import font
from PIL import Image, ImageDraw

from imgread.config import load_config
from imgread.pipeline import read_image
from imgread.tables import rows_from_table

COLUMNS = ["Model", "Params", "MMLU", "GSM8K"]
FAMILIES = [
    ("70B", [["Heron-Chat", "55.3", "71.9"], ["Heron-Base", "61.8", "44.1"]]),
    (
        "13B",
        [
            ["Finch-Instruct", "41.7", "23.5"],
            ["Finch-Base", "66.4", "58.2"],
            ["Wren-Chat", "48.9", "36.0"],
        ],
    ),
    ("34B", [["Stork-Chat", "79.1", "85.3"]]),
    (
        "8B",
        [
            ["Osprey-Base", "62.5", "49.7"],
            ["Osprey-Chat", "64.0", "52.8"],
            ["Osprey-Code", "51.2", "60.4"],
            ["Osprey-Math", "57.6", "77.3"],
        ],
    ),
]
BARS = [(249, 115, 22), (34, 197, 94), (239, 68, 68), (59, 130, 246)]
RULE = (226, 230, 236)
AVERAGE = "Average"


def render(path: Path, merged: bool = True, averages: bool = False, label: str = AVERAGE) -> Path:
    """A light web table: thin pale rules between rows, a coloured bar down each family's
    rows, names left, scores right. ``merged``: the size once per family, centred on its
    rows, no rule across it; else the size in each family's first row only, every rule
    across the whole table. ``averages``: each family of two rows or more closed by an
    Average row of its means (the merged size over the model rows only), labelled
    ``label``."""
    size, pitch = 16, 36
    face = font(size)
    xs = [20, 200, 290, 380, 470]
    families = []
    for family, members in FAMILIES:
        rows = [list(cells) for cells in members]
        if averages and len(members) > 1:
            means = [sum(float(cells[c]) for cells in members) / len(members) for c in (1, 2)]
            rows.append([label, *(f"{v:.1f}" for v in means)])
        families.append((family, rows, len(members)))
    count = sum(len(rows) for _, rows, _ in families)
    image = Image.new("RGB", (xs[-1] + 20, 40 + pitch * (count + 1) + 20), "white")
    draw = ImageDraw.Draw(image)

    def right(c: int, y: float, text: str) -> None:
        draw.text((xs[c + 1] - 12 - draw.textlength(text, font=face), y), text, "black", face)

    y = 20
    draw.text((xs[0] + 12, y + 10), COLUMNS[0], "black", face)
    for c in range(1, len(COLUMNS)):
        right(c, y + 10, COLUMNS[c])
    y += pitch
    draw.line((xs[0], y, xs[-1], y), fill=(180, 185, 195), width=1)
    for k, (family, rows, spanned) in enumerate(families):
        top = y
        draw.rectangle((xs[0], top, xs[0] + 3, top + pitch * len(rows) - 1), fill=BARS[k])
        for j, (name, *scores) in enumerate(rows):
            draw.text((xs[0] + 12, y + 10), name, "black", face)
            for c, text in enumerate(scores, start=2):
                right(c, y + 10, text)
            y += pitch
            inside = merged and j < spanned - 1
            if inside:  # the rule stops at the merged cell
                draw.line((xs[0], y, xs[1], y), fill=RULE, width=1)
                draw.line((xs[2], y, xs[-1], y), fill=RULE, width=1)
            else:
                draw.line((xs[0], y, xs[-1], y), fill=RULE, width=1)
        width = draw.textlength(family, font=face)
        middle = top + pitch * spanned / 2 if merged else top + pitch / 2
        draw.text(((xs[1] + xs[2] - width) / 2, middle - size / 2 - 2), family, "black", face)
    image.save(path)
    return path


def _sizes(path: Path) -> dict[str, float | None]:
    record = read_image(path, load_config())
    assert record.ocr.tables
    return {row.model: row.params_b for row in rows_from_table(record.ocr.tables[0], 0)}


def test_a_size_merged_over_its_family_sizes_every_row(tmp_path: Path) -> None:
    sizes = _sizes(render(tmp_path / "merged.png"))
    expected = {cells[0]: float(family[:-1]) for family, members in FAMILIES for cells in members}
    assert sizes == expected


def test_a_size_missing_under_a_rule_across_its_column_stays_missing(tmp_path: Path) -> None:
    sizes = _sizes(render(tmp_path / "ruled.png", merged=False))
    expected = {
        cells[0]: float(family[:-1]) if j == 0 else None
        for family, members in FAMILIES
        for j, cells in enumerate(members)
    }
    assert sizes == expected


def test_each_familys_average_row_is_no_model_row(tmp_path: Path) -> None:
    path = render(tmp_path / "averages.png", averages=True)
    record = read_image(path, load_config())
    table = record.ocr.tables[0]
    sizes = {row.model: row.params_b for row in rows_from_table(table, 0)}
    assert AVERAGE not in sizes
    assert sizes == {
        cells[0]: float(family[:-1]) for family, members in FAMILIES for cells in members
    }
    averaged = sum(1 for _, members in FAMILIES if len(members) > 1)
    assert [row[0].text for row in table.summary] == [AVERAGE] * averaged


def test_an_unlabelled_average_row_closing_a_family_is_no_model_row(tmp_path: Path) -> None:
    path = render(tmp_path / "unlabelled.png", averages=True, label="")
    record = read_image(path, load_config())
    table = record.ocr.tables[0]
    sizes = {row.model: row.params_b for row in rows_from_table(table, 0)}
    assert sizes == {
        cells[0]: float(family[:-1]) for family, members in FAMILIES for cells in members
    }
    assert len(table.summary) == sum(1 for _, members in FAMILIES if len(members) > 1)
