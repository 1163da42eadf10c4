"""Kinds of cells a test set read badly (issue 10): a leaderboard's rank column with each
rank's movement ("1 ▲2", "4 –"), a signed change column ("Δ avg": "+1.7", "-0.5"), and an
experiment tracker's run names each after a colour dot, its scores fractions."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from imgread.pipeline import read_image
from imgread.record import Box, Cell, Table
from imgread.tables import scores_from_table
from imgread.tables.chrome import strip_leading_marks
from imgread.tables.columns import benchmark_columns, model_column, rank_column
from imgread.tables.name_repairs import repair_column_names

SANS = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_font = pytest.mark.skipif(not SANS.exists(), reason="DejaVu Sans absent")

MODELS = ["Gemma-2B", "Mistral-7B", "Falcon-40B", "DeepSeek-67B", "Pythia-12B", "Yi-34B"]


def _table(header: list[str], rows: list[list[str]]) -> Table:
    head = [Cell(row=0, col=c, text=text, confidence=60.0) for c, text in enumerate(header)]
    body = [
        [Cell(row=r + 1, col=c, text=text) for c, text in enumerate(row)]
        for r, row in enumerate(rows)
    ]
    return Table(box=Box(x1=0, y1=0, x2=10, y2=10), n_rows=len(rows), n_cols=len(header),
                 header_rows=[head], body=body, columns=list(header))


def test_a_rank_column_with_movements_is_no_name_and_no_score() -> None:
    """A "#" column whose cells open with each row's place, its movement after it read as
    OCR reads the arrows ("1 a2", "2-", "13" with the arrow lost), or not read at all."""
    ranks = ["1 a2", "2-", "3▲4", "", "52", "6 W3"]
    table = _table(["#", "Model", "MMLU"], [[rank, m, "61.5"] for rank, m in zip(
        ranks, MODELS, strict=True)])
    assert rank_column(table) == 0
    assert model_column(table) == 1
    assert benchmark_columns(table) == [2]


def test_a_column_of_names_or_scores_is_no_rank_column() -> None:
    """Ranks glued to names ("1 Gemma-2B") are names; a "#" column of counts that are not
    the rows' places (a size column headed "#") is no rank column."""
    glued = _table(["#", "MMLU"], [[f"{r + 1} {m}", "61.5"] for r, m in enumerate(MODELS)])
    assert rank_column(glued) is None
    counts = _table(["#", "Model", "MMLU"], [["70", m, "61.5"] for m in MODELS])
    assert rank_column(counts) is None


def test_a_round_mark_before_a_run_name_is_no_part_of_it() -> None:
    table = _table(["Name", "mmlu"], [["@ mpt-30b", "0.770"], ["©Qwen-14B", "0.292"],
                                      ["yi-34b", "0.650"], ["01-ai/Yi-34B", "0.6"]])
    strip_leading_marks(table, 0)
    assert [row[0].text for row in table.body] == ["mpt-30b", "Qwen-14B", "yi-34b",
                                                    "01-ai/Yi-34B"]


def test_a_change_sign_stays_before_a_repaired_name() -> None:
    """A name read unsurely is repaired to the known benchmark it is closest to; a change's
    sign before it (RapidOCR's "∆") says the column is that benchmark's change."""
    table = _table(["Model", "Average", "∆ avg"], [[m, "61.50", "+1.7"] for m in MODELS])
    repair_column_names(table)
    assert table.columns[2].startswith("Δ ")
    assert table.columns[1] == "Average"


def test_over_signed_numbers_a_change_sign_read_as_a_is_the_sign() -> None:
    """Tesseract reads "Δ" as "A"; over a column of signed numbers, "A avg" and "Aavg" are
    the change of the average. Over unsigned numbers, an "A" is a letter of the name."""
    changes = ["+1.7", "-0.5", "−2.2", "+0.3", "-1.0", "+2.6"]
    for read in ("A avg", "Aavg"):
        table = _table(["Model", "Average", read], [[m, "61.50", c] for m, c in zip(
            MODELS, changes, strict=True)])
        repair_column_names(table)
        assert table.columns[2].startswith("Δ "), read
    plain = _table(["Model", "Average", "A avg"], [[m, "61.50", "1.7"] for m in MODELS])
    repair_column_names(plain)
    assert not plain.columns[2].startswith("Δ")


def _leaderboard(path: Path) -> tuple[list[str], list[float]]:
    """A PIL-drawn leaderboard: rank and movement, name, average, scores, signed change."""
    font = ImageFont.truetype(str(SANS), 17)
    changes = [-2.3, 2.2, -1.1, -1.8, 0.3, -2.6]
    moves = ["▲2", "–", "▲4", "▼1", "–", "▼3"]
    grid = [["#", "Model", "Average", "MMLU", "GSM8K", "Δ avg"]]
    for k, (model, change, move) in enumerate(zip(MODELS, changes, moves, strict=True)):
        signed = f"+{change:.1f}" if change > 0 else f"-{-change:.1f}"
        grid.append([f"{k + 1} {move}", model, f"{80 - 7 * k:.2f}", f"{78.5 - 6 * k:.1f}",
                     f"{70.1 - 5 * k:.1f}", signed])
    pad, line = 14, 32
    widths = [max(font.getlength(r[c]) for r in grid) + 2 * pad for c in range(len(grid[0]))]
    image = Image.new("RGB", (round(sum(widths)) + 20, line * len(grid) + 20), "white")
    draw = ImageDraw.Draw(image)
    for r, cells in enumerate(grid):
        x = 10.0
        for c, text in enumerate(cells):
            at = x + pad if c < 2 else x + widths[c] - pad - font.getlength(text)
            draw.text((at, 10 + r * line + 7), text, fill="#111", font=font)
            x += widths[c]
        if r == 0:
            draw.line((10, 10 + line, image.width - 10, 10 + line), fill="#111")
    image.save(path)
    return MODELS, changes


@needs_font
def test_a_leaderboard_with_ranks_and_a_change_column_reads_its_names_and_changes(
    tmp_path: Path,
) -> None:
    models, changes = _leaderboard(tmp_path / "board.png")
    record = read_image(tmp_path / "board.png")
    scores = [s for i, t in enumerate(record.ocr.tables) for s in scores_from_table(t, i)]
    assert {s.model for s in scores} == set(models)
    assert not any(s.benchmark.strip() == "#" for s in scores)
    read = {s.model: s.value for s in scores if s.benchmark.lower().startswith("δ")}
    assert sum(read.get(m) == c for m, c in zip(models, changes, strict=True)) >= 5


def test_a_spread_sign_read_as_two_glyphs_leaves_the_columns_mean() -> None:
    """Page readings of a PIL-drawn table of "mean±spread" cells shrunk to a JPEG (the
    tuning look cell_kinds, seed 300): "74.6±1.2" read "74.6241.2", which alone is the mean
    74.62 and the spread 1.2; the column's other means have one decimal."""
    from imgread.tables.repairs import finish_numbers
    from imgread.units import parse_number

    texts = ["87.8+0.9", "28.241.9", "74.6241.2", "84.941.4", "67.3+0.4"]
    table = _table(["Model", "MATH"], [[m, t] for m, t in zip(MODELS, texts, strict=False)])
    for row in table.body:
        row[1].value = parse_number(row[1].text)
    finish_numbers(table)
    assert [row[1].value for row in table.body] == [87.8, 28.2, 74.6, 84.9, 67.3]
