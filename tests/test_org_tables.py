"""Plain-text tables typed with ASCII rules, as an org-mode buffer shows them: ``|``
between cells, ``|---+---|`` under the header and between groups, one monospaced font. A
monospaced font leaves room around its narrow hyphen that OCR reads as spaces
("DeepSeek - 7B"); a name's hyphen takes no spaces."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from imgread.config import load_config
from imgread.pipeline import read_image
from imgread.tables import rows_from_table, scores_from_table

LIBERATION_MONO = Path("/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf")
COLUMNS = ["Model", "TriviaQA", "HellaSwag", "ARC-C"]
GROUPS = [
    [["Mistral-7B", "61.4", "27.4", "83.6"]],
    [
        ["DeepSeek-Coder-33B", "52.7", "25.8", "62.3"],
        ["DeepSeek-7B", "50.2", "91.7", "46.3"],
        ["DeepSeek-67B", "30.2", "20.9", "66.2"],
    ],
    [["Yi-6B", "76.9", "8.2", "51.9"]],
]


def org_table(columns: list[str], groups: list[list[list[str]]]) -> list[str]:
    """The table as org-mode aligns it: text left, numbers right, a rule between groups."""
    rows = [columns] + [row for group in groups for row in group]
    widths = [max(len(row[c]) for row in rows) for c in range(len(columns))]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(
            text.ljust(w) if c == 0 or not text[0].isdigit() else text.rjust(w)
            for c, (text, w) in enumerate(zip(cells, widths, strict=True))
        ) + " |"

    rule = "|" + "+".join("-" * (w + 2) for w in widths) + "|"
    lines = [line(columns)]
    for group in groups:
        lines.append(rule)
        lines.extend(line(row) for row in group)
    return lines


@pytest.mark.skipif(not LIBERATION_MONO.exists(), reason="Liberation Mono is not installed")
def test_an_org_table_reads_names_whole(tmp_path: Path) -> None:
    face = ImageFont.truetype(str(LIBERATION_MONO), 16)
    lines = ["* Results", "", *org_table(COLUMNS, GROUPS)]
    pitch = 20
    image = Image.new("RGB", (620, pitch * (len(lines) + 3)), "white")
    draw = ImageDraw.Draw(image)
    for k, text in enumerate(lines):
        colour = (0, 0, 0) if k < 2 else (0, 0, 255)  # the org-table face
        draw.text((8, 6 + k * pitch), text, fill=colour, font=face)
    path = tmp_path / "org.png"
    image.save(path)
    record = read_image(path, load_config())
    assert record.ocr.tables
    table = record.ocr.tables[0]
    names = {row[0] for group in GROUPS for row in group}
    assert {row.model for row in rows_from_table(table, 0)} == names
    scores = {(s.model, s.benchmark): s.value for s in scores_from_table(table, 0)}
    assert scores[("DeepSeek-7B", "HellaSwag")] == 91.7
