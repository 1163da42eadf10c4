"""A family column left of the model names whose cell is merged over the family's rows
(HTML ``rowspan``, LaTeX ``multirow``): the family's name printed once, centred on its rows
or at their top, the rows below it blank in that column. Every row is its own model's,
named by the model column; the family names no row."""

from __future__ import annotations

from pathlib import Path

from conftest import font
from PIL import Image, ImageDraw

from imgread.config import load_config
from imgread.pipeline import read_image
from imgread.tables import rows_from_table, scores_from_table

COLUMNS = ["Family", "Model", "MMLU", "GSM8K"]
FAMILIES = [
    ("Heron", [["Heron-7B", "55.3", "71.9"], ["Heron-13B", "61.8", "44.1"],
               ["Heron-70B", "77.2", "80.6"]]),
    ("Finch", [["Finch-2B", "41.7", "23.5"], ["Finch-9B", "66.4", "58.2"]]),
    ("Stork", [["Stork-34B", "79.1", "85.3"]]),
]


def render_families(path: Path, centred: bool) -> Path:
    """A booktabs-like table, a thin rule between families, each family's name once."""
    size, pitch = 18, 34
    face = font(size)
    xs = [30, 150, 330, 440, 550]
    rows = sum(len(members) for _, members in FAMILIES)
    image = Image.new("RGB", (xs[-1] + 30, 60 + pitch * (rows + 1) + 40), "white")
    draw = ImageDraw.Draw(image)
    y = 30
    draw.line((xs[0], y, xs[-1], y), fill="black", width=2)
    for c, name in enumerate(COLUMNS):
        draw.text((xs[c] + 8, y + 8), name, fill="black", font=face)
    y += pitch + 4
    draw.line((xs[0], y, xs[-1], y), fill="black", width=1)
    for k, (family, members) in enumerate(FAMILIES):
        if k:
            draw.line((xs[0], y, xs[-1], y), fill="black", width=1)
        top = y + (len(members) * pitch - size) / 2 if centred else y + 8
        draw.text((xs[0] + 8, top), family, fill="black", font=face)
        for cells in members:
            for c, text in enumerate(cells, start=1):
                draw.text((xs[c] + 8, y + 8), text, fill="black", font=face)
            y += pitch
    draw.line((xs[0], y + 4, xs[-1], y + 4), fill="black", width=2)
    image.save(path)
    return path


def test_a_family_merged_over_its_rows_names_none_of_them(tmp_path: Path) -> None:
    models = {cells[0] for _, members in FAMILIES for cells in members}
    for centred in (True, False):
        record = read_image(render_families(tmp_path / f"f{centred}.png", centred), load_config())
        assert record.ocr.tables
        table = record.ocr.tables[0]
        rows = {row.model for row in rows_from_table(table, 0)}
        assert rows == models, centred
        scores = {(s.model, s.benchmark): s.value for s in scores_from_table(table, 0)}
        assert scores[("Heron-13B", "MMLU")] == 61.8
        assert scores[("Finch-9B", "GSM8K")] == 58.2
