"""Tables drawn with characters in a terminal or an editor buffer: a shell prompt under the
table, Markdown's alignment rule typed in a bold monospaced face and blurred, a name whose
first word the page's reading lost. Each test renders its picture and fails without the
mechanism it names."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from imgread.config import load_config
from imgread.pipeline import read_image
from imgread.tables import rows_from_table, scores_from_table

FONTS = Path("/usr/share/fonts/truetype/dejavu")
MONO, MONO_BOLD = FONTS / "DejaVuSansMono.ttf", FONTS / "DejaVuSansMono-Bold.ttf"
COLUMNS = ["Model", "ARC-C", "TriviaQA", "MMLU"]
ROWS = [
    ["Llama-2-7B", "10.48", "59.43", "32.20"],
    ["Phi-2", "86.19", "34.13", "74.90"],
    ["InternLM-20B", "29.15", "15.42", "27.15"],
    ["ChatGLM3-6B", "10.19", "21.54", "75.59"],
]

pytestmark = pytest.mark.skipif(not MONO_BOLD.exists(), reason="DejaVu Sans Mono is not installed")


def _widths() -> list[int]:
    return [max(len(row[c]) for row in [COLUMNS, *ROWS]) for c in range(len(COLUMNS))]


def _cells(row: list[str]) -> list[str]:
    return [
        text.ljust(w) if c == 0 else text.rjust(w)
        for c, (text, w) in enumerate(zip(row, _widths(), strict=True))
    ]


def pipe_lines() -> list[str]:
    """A Markdown pipe table, each column centred by its colons (``|:----:|``)."""
    marks = [":" + "-" * w + ":" for w in _widths()]
    return [
        "| " + " | ".join(n.ljust(w) for n, w in zip(COLUMNS, _widths(), strict=True)) + " |",
        "|" + "|".join(marks) + "|",
        *("| " + " | ".join(_cells(row)) + " |" for row in ROWS),
    ]


def render(
    lines: list[str],
    path: Path,
    font: Path = MONO,
    size: int = 15,
    page: tuple = (255, 255, 255),
    ink: tuple = (0, 0, 0),
    jpeg: int | None = None,
    line_height: float = 1.25,
    rule_ink: tuple | None = None,
    scale: float = 1.0,
) -> Path:
    """The lines in a monospaced face; a line of rule characters only in ``rule_ink`` (a
    syntax colour), the whole enlarged by ``scale`` (a screenshot at 125 %)."""
    face = ImageFont.truetype(str(font), size)
    pitch = round(size * line_height)
    width = int(10 + face.getlength("0") * (max(map(len, lines)) + 6))
    image = Image.new("RGB", (width, pitch * (len(lines) + 2)), page)
    draw = ImageDraw.Draw(image)
    for k, text in enumerate(lines):
        ruled = not any(ch.isalnum() for ch in text)
        colour = rule_ink if ruled and rule_ink else ink
        draw.text((10, 8 + k * pitch), text, fill=colour, font=face)
    if scale != 1.0:
        image = image.resize(
            (round(image.width * scale), round(image.height * scale)), Image.Resampling.LANCZOS
        )
    if jpeg is not None:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=jpeg)
        image = Image.open(buffer).convert("RGB")
    image.save(path)
    return path


def read(path: Path) -> tuple[set[str], dict[tuple[str, str], float]]:
    record = read_image(path, load_config())
    assert record.ocr.tables, "no table read"
    table = record.ocr.tables[0]
    names = {row.model for row in rows_from_table(table, 0)}
    scores = {(s.model, s.benchmark): s.value for s in scores_from_table(table, 0)}
    return names, scores


def expected_scores() -> dict[tuple[str, str], float]:
    return {
        (row[0], name): float(value)
        for row in ROWS
        for name, value in zip(COLUMNS[1:], row[1:], strict=True)
    }


def test_the_prompt_under_a_typed_table_is_no_name(tmp_path: Path) -> None:
    """The table's pipes end at its last row: the shell prompt under it, a line's pitch
    below in a tight terminal, is the terminal's, not the second line of the last model's
    name (layout.wrapped_lines with frame.column_rules_extent; the capitals of the names
    and the prompt's "m" one under the other make short rules that run on past the table,
    which end elsewhere than the table's pipes)."""
    lines = ["me@box:~/evals$ python report.py --fmt pipe", *pipe_lines(), "me@box:~/evals$"]
    path = render(lines, tmp_path / "pipe.png", MONO, 15, (48, 10, 36), (238, 238, 236),
                  line_height=1.05)
    names, scores = read(path)
    assert names == {row[0] for row in ROWS}
    # each model keeps its scores (the header's names, a line's pitch under the command,
    # are another matter)
    by_model = {(model, value) for (model, _), value in scores.items()}
    assert by_model == {(model, value) for (model, _), value in expected_scores().items()}


def test_bold_dashes_blurred_by_a_resize_are_a_typed_rule(tmp_path: Path) -> None:
    """A bold monospaced dash in a syntax colour, enlarged to 125 % and saved as JPEG, is
    about 6 px by 4, under twice as wide as tall: the alignment rule is still typed dashes,
    erased, and the header above it keeps its names (typed_rules.DASH_ASPECT)."""
    path = render(pipe_lines(), tmp_path / "bold.png", MONO_BOLD, 12, (39, 40, 34),
                  (248, 248, 242), jpeg=85, rule_ink=(249, 38, 114), scale=1.25)
    names, scores = read(path)
    assert names == {row[0] for row in ROWS}
    assert scores == expected_scores()



def test_a_name_read_again_from_the_column_edge_is_read_whole(tmp_path: Path) -> None:
    """The page's reading lost "ChatGLM3" of "ChatGLM3-6B" (unsure, small type on a dark
    terminal); read again from the names' left edge it is whole, and the cell's box grows
    to what was read, so that the second engine reads the whole name rather than "-6B"
    (cells.reread_text)."""
    lines = ["me@box:~/evals$ python report.py --fmt pipe", *pipe_lines(), "me@box:~/evals$"]
    path = render(lines, tmp_path / "name.png", MONO, 13, (48, 10, 36), (238, 238, 236), 70)
    names, _ = read(path)
    assert "ChatGLM3-6B" in names
