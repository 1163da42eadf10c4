"""A European table's sizes and token counts printed with a decimal comma and a unit
("4,5 T") beside scores with decimal commas ("61,2%"): the small comma is often read as
nothing ("45T"), and a size's range cannot tell 45 from 4.5. The comma's ink between the
digits does (tables/lost_commas.py). And a cell's readings vouch for its value as the one
reader of numbers takes them: "67,3" is 67.3, not 673 (reconcile/readings.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from imgread.pipeline import read_image
from imgread.reconcile.readings import vouched
from imgread.tables import rows_from_table
from imgread.units import normalise_model_name, prints_decimal_commas

SERIF = Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf")
needs_fonts = pytest.mark.skipif(not SERIF.exists(), reason="fonts absent")

HEADER = ["Modell", "Parameter", "Trainings-Token", "MMLU", "GSM8K"]
ROWS = [
    ["Atlas-7B", "7", "4,5 T", "61,2%", "40,5%"],
    ["Borealis-34B", "34", "1,4 T", "75,9%", "66,1%"],
    ["Corvid-13B", "13", "2 T", "55,4%", "30,7%"],
    ["Dune-70B", "70", "15 T", "79,3%", "71,8%"],
    ["Ember-3B", "3", "2,6 T", "45,0%", "21,3%"],
]


def _german_table() -> Image.Image:
    font = ImageFont.truetype(str(SERIF), 15)
    bold = ImageFont.truetype(str(SERIF).replace("Regular", "Bold"), 15)
    xs = [16, 130, 220, 350, 420]
    img = Image.new("RGB", (500, 30 + 28 * (len(ROWS) + 1)), "white")
    d = ImageDraw.Draw(img)
    for x, name in zip(xs, HEADER, strict=True):
        d.text((x, 12), name, fill="black", font=bold)
    d.line((10, 36, 490, 36), fill="black", width=2)
    for r, row in enumerate(ROWS):
        y = 44 + 28 * r
        for x, text in zip(xs, row, strict=True):
            d.text((x, y), text, fill=(20, 20, 20), font=font)
        d.line((10, y + 22, 490, y + 22), fill=(200, 200, 200), width=1)
    return img


@needs_fonts
def test_token_counts_with_a_decimal_comma_keep_it(tmp_path: Path) -> None:
    """Before: "4,5 T" read 45T (45 trillion tokens), "1,4 T" 14T, "2,6 T" 26T; "15 T",
    printed without a comma, stays 15."""
    path = tmp_path / "german.png"
    _german_table().save(path)
    [table] = read_image(path).ocr.tables
    tokens = {normalise_model_name(r.model): r.tokens_t for r in rows_from_table(table)}
    assert tokens == {
        normalise_model_name(row[0]): float(row[2].rstrip(" T").replace(",", ".")) for row in ROWS
    }


def test_a_table_prints_decimal_commas_only_without_points() -> None:
    assert prints_decimal_commas(["61,2%", "4,5T", "Atlas"])
    assert not prints_decimal_commas(["61,2", "40.5", "4,5T"])  # points: commas are lists
    assert not prints_decimal_commas(["1,000", "2,000", "1,400"])  # thousands


def test_readings_vouch_for_a_decimal_comma_as_its_value() -> None:
    """Before: "67,3" was read 673 by the vouching, and vouched for nothing."""
    assert vouched(67.3, ["67,3", "67,3%"])
    assert vouched(1500.0, ["1,500", "1,500"])
    assert not vouched(673.0, ["67,3", "67,3"])
