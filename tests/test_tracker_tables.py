"""Run-tracker tables (issue 10, intervals): a checkbox and a status dot before each run's
name, chrome columns (state, duration, time, step count, id) beside the metrics, metrics
named as trackers name them ("mmlu_acc"). Each test reads a table drawn with PIL end to
end, or a table's cells, and fails without its mechanism."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from imgread.pipeline import read_image
from imgread.record import Box, Cell, Table
from imgread.tables import rows_from_table, scores_from_table
from imgread.tables.columns import MMLU_RE, benchmark_columns, model_column
from imgread.tables.tracker_columns import is_chrome

SANS = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_font = pytest.mark.skipif(not SANS.exists(), reason="DejaVu Sans absent")

RUNS = ["qwen2-7b-sft-lr3e5-a7c3f9", "llama3-8b-dpo-e77e73", "gemma-2b-lora-r16-4df5a9",
        "mistral-7b-orpo-lr2e4-run12", "olmo-1b-cpt-d0a2c4"]


def _table(header: list[str], rows: list[list[str]]) -> Table:
    body = [[Cell(row=r + 1, col=c, text=text) for c, text in enumerate(row)]
            for r, row in enumerate(rows)]
    return Table(box=Box(x1=0, y1=0, x2=10, y2=10), n_rows=len(rows), n_cols=len(header),
                 header_rows=[], body=body, columns=list(header))


def test_a_trackers_times_durations_ids_and_counts_are_chrome() -> None:
    for text in ["2h 13m", "49m 35s", "1d 6h", "3 days ago", "yesterday", "Nov 8, 2026",
                 "e77e7326", "12.5k", "2.9M", "14,500"]:
        assert is_chrome(text), text
    for text in ["61.4", "0.6731", "Gemma-2B", "finished", "7B", "45.2 (±1.3)"]:
        assert not is_chrome(text), text


def test_chrome_columns_are_no_benchmarks() -> None:
    """A step count ("12.5k" reads as 12.5) and an id of digits read as numbers; neither is
    a benchmark's score. A column of small integers is no id."""
    steps = ["12.5k", "8.1k", "27.4k", "2.9M", "14,500"]
    ids = ["95985669", "27255194", "73787431", "83379514", "16694027"]
    table = _table(["Name", "Step", "ID", "mmlu_acc", "Count"],
                   [[run, step, id_, f"0.{600 + r}", str(r + 3)]
                    for r, (run, step, id_) in enumerate(zip(RUNS, steps, ids, strict=True))])
    assert benchmark_columns(table) == [3, 4]


def test_a_checkbox_read_alike_in_every_row_is_no_column_of_names() -> None:
    """Cells as the page read a dark tracker's checkbox column at device pixel ratio 2
    (the tuning look ``runs``, seed 310, its second image): a mark read alike in every
    row, a status dot glued on. The names stand in the next column."""
    marks = ["lj", "lj-@", "lj-e", "lj)-@", "lj"]
    table = _table(["lj", "Name", "mmlu_acc"],
                   [[mark, run, "0.612"] for mark, run in zip(marks, RUNS, strict=True)])
    assert model_column(table) == 1
    short = _table(["Model", "MMLU"], [["Yi-6B", "61.5"], ["Yi-9B", "63.0"], ["Phi-2", "56.1"]])
    assert model_column(short) == 0


def test_a_metric_named_after_an_underscore_is_its_benchmark() -> None:
    for name in ["mmlu_acc", "eval/mmlu", "mmlu_5shot", "MMLU (5-shot)"]:
        assert MMLU_RE.search(name), name
    for name in ["mmlu_pro", "mmlu_pro_acc", "CMMLU", "MMLU-Pro", "MMLU.Pro", "MMLU Pro"]:
        assert not MMLU_RE.search(name), name


CHROME = {
    "State": ["finished", "running", "crashed", "finished", "killed"],
    "User": ["jsmith", "a.kumar", "mchen", "lucia", "p-olsen"],
    "Runtime": ["2h 13m", "49m 35s", "1d 6h", "16m 10s", "3h 2m"],
    "Created": ["3 days ago", "yesterday", "5 hours ago", "Nov 8, 2026", "2 days ago"],
    "Step": ["12.5k", "8.1k", "27.4k", "2.9M", "14,500"],
    "ID": ["e77e7326", "4df5a9cb", "d0a2c4e8", "7956d907", "c583ccaa"],
}


def _tracker(
    path: Path, chrome: list[str], metrics: list[str], chrome_last: bool = False
) -> dict[str, float]:
    """A run table as a tracker draws it: an empty checkbox and a status dot before each
    run, the ``chrome`` columns, the ``metrics`` as fractions (the first MMLU's), or the
    metrics before the chrome."""
    font = ImageFont.truetype(str(SANS), 15)

    def ordered(chrome_cells: list[str], metric_cells: list[str]) -> list[str]:
        return [*metric_cells, *chrome_cells] if chrome_last else [*chrome_cells, *metric_cells]

    header = ["", "Name", *ordered(chrome, metrics)]
    mmlu = {run: round(0.41 + 0.07 * r, 3) for r, run in enumerate(RUNS)}
    grid = [header] + [
        ["", run, *ordered([CHROME[name][r] for name in chrome], [
            f"{mmlu[run]:.3f}",
            *(f"{0.25 + 0.11 * r + 0.02 * m:.3f}" for m in range(len(metrics) - 1))])]
        for r, run in enumerate(RUNS)]
    pad, line = 12, 32
    widths = [max(font.getlength(row[c]) for row in grid) + 2 * pad for c in range(len(header))]
    widths[0] = 36
    image = Image.new("RGB", (round(sum(widths)) + 20, line * len(grid) + 20), "white")
    draw = ImageDraw.Draw(image)
    colours = ["#22c55e", "#3b82f6", "#ef4444", "#22c55e", "#a3a3a3"]
    for r, row in enumerate(grid):
        top = 10 + r * line
        draw.rectangle((22, top + 10, 34, top + 22), outline="#6b7280")  # the checkbox
        x = 10.0 + widths[0]
        for c, text in enumerate(row[1:], start=1):
            if c == 1 and r:
                draw.ellipse((x + 2, top + 12, x + 11, top + 21), fill=colours[r - 1])
                text_x = x + pad + 8
            else:
                text_x = x + pad
            draw.text((text_x, top + 8), text, fill="#1a1a1a", font=font)
            x += widths[c] + (8 if c == 1 else 0)
        draw.line((10, top + line, image.width - 10, top + line), fill="#e6e8eb")
    image.save(path)
    return mmlu


@needs_font
def test_a_tracker_table_is_named_by_its_runs(tmp_path: Path) -> None:
    """The runs name the rows, their "lr" no "Ir" (a capital I in a lower-case name is the
    l a sans-serif font draws alike), their MMLU is the mmlu_acc column's, and no step count
    is a score."""
    mmlu = _tracker(tmp_path / "runs.png", ["State", "Runtime", "Created", "Step"],
                    ["mmlu_acc", "gsm8k_em"])
    record = read_image(tmp_path / "runs.png")
    rows = [row for i, t in enumerate(record.ocr.tables) for row in rows_from_table(t, i)]
    read = {row.model: row.mmlu for row in rows}
    assert sum(read.get(run) == value for run, value in mmlu.items()) >= 4, read
    scores = [s for i, t in enumerate(record.ocr.tables) for s in scores_from_table(t, i)]
    assert not [s for s in scores if s.benchmark.lower().startswith(("step", "runtime"))]


@needs_font
def test_a_run_with_more_chrome_than_metrics_is_a_row(tmp_path: Path) -> None:
    """State, user, runtime and id after two metrics: the row holds more words than numbers
    after its name, so it read as no row of a table, and the page gave none. A tracker's
    times and ids are a row's values, not its words."""
    mmlu = _tracker(tmp_path / "runs.png", ["State", "User", "Runtime", "ID"],
                    ["mmlu_acc", "gsm8k_em"], chrome_last=True)
    record = read_image(tmp_path / "runs.png")
    rows = [row for i, t in enumerate(record.ocr.tables) for row in rows_from_table(t, i)]
    read = {row.model: row.mmlu for row in rows}
    assert sum(read.get(run) == value for run, value in mmlu.items()) >= 4, read
