"""Columns of intervals, changes and signed numbers (issue 11, signed): an arena board's
interval in a column of its own ("+5/-4") and its votes ("12,345"), a change column that
prints arrows ("▲1.2", "▼0.4") or brackets ("(+3.1)") under a "Δ", and a thin arrow that
Tesseract reads as a "1" ("↑2.3" as "12.3"). Each test fails without its mechanism."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from imgread.ocr.vote import lost_mark, vote
from imgread.pipeline import read_image
from imgread.record import Box, Cell, Table
from imgread.tables import scores_from_table
from imgread.tables.change_columns import mark_change_columns
from imgread.tables.second import arrows_read_as_ones
from imgread.tables.tracker_columns import is_chrome_column
from imgread.units import is_interval

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
SANS = DEJAVU / "DejaVuSans.ttf"
needs_font = pytest.mark.skipif(not SANS.exists(), reason="DejaVu Sans absent")

MODELS = ["Gemma-2B", "Mistral-7B", "Falcon-40B", "DeepSeek-67B", "Pythia-12B", "Yi-34B"]
GREEN, RED = "#16a34a", "#dc2626"


def _draw(path: Path, grid: list[list[str]], left: int = 1, size: int = 17,
          colours: dict[tuple[int, int], str] | None = None) -> None:
    """A plain grid drawn with PIL: the first ``left`` columns set left, the rest right, a
    rule under the header. A cell's arrow ("▲3.6") is set smaller, as a page's span of
    ``font-size:.7em`` sets it."""
    font = ImageFont.truetype(str(SANS), size)
    small = ImageFont.truetype(str(SANS), round(0.7 * size))
    pad, line = 14, round(1.9 * size)

    def length(text: str) -> float:
        if text[:1] in "▲▼":
            return small.getlength(text[0]) + font.getlength(text[1:])
        return font.getlength(text)

    widths = [max(length(r[c]) for r in grid) + 2 * pad for c in range(len(grid[0]))]
    image = Image.new("RGB", (round(sum(widths)) + 20, line * len(grid) + 20), "white")
    draw = ImageDraw.Draw(image)
    for r, cells in enumerate(grid):
        x = 10.0
        for c, text in enumerate(cells):
            at = x + pad if c < left else x + widths[c] - pad - length(text)
            fill = (colours or {}).get((r, c), "#111")
            y = 10 + r * line + 7
            if text[:1] in "▲▼":
                draw.text((at, y + 0.2 * size), text[0], fill=fill, font=small)
                at, text = at + small.getlength(text[0]), text[1:]
            draw.text((at, y), text, fill=fill, font=font)
            x += widths[c]
    draw.line((10, 10 + line, image.width - 10, 10 + line), fill="#111")
    image.save(path)


def _scores(path: Path) -> dict[tuple[str, str], float | None]:
    record = read_image(path)
    return {
        (s.model, s.benchmark): s.value
        for i, t in enumerate(record.ocr.tables)
        for s in scores_from_table(t, i)
    }


def _board(votes: bool) -> tuple[list[list[str]], list[int], list[int]]:
    elos = [1281, 1254, 1230, 1198, 1163, 1120]
    counts = [48211, 9650, 23874, 15002, 7318, 31467]
    grid = [["Rank", "Model", "Elo", "95% CI"] + (["Votes"] if votes else [])]
    intervals = ["+5/-4", "+7/-6", "+4/-5", "+9/-8", "+6/-7", "+11/-9"]
    for k, (model, elo, ci, count) in enumerate(
        zip(MODELS, elos, intervals, counts, strict=True)
    ):
        grid.append([str(k + 1), model, str(elo), ci] + ([f"{count:,}"] if votes else []))
    return grid, elos, counts


def test_an_interval_is_a_value_cell() -> None:
    for text in ("+5/-4", "+12 / -9", "(-3, +5)", "(\u22123, +5)", "[-3, +5]", "±6",
                 "(-2, #2)"):
        assert is_interval(text), text
    for text in ("17/20", "1299", "12,345", "(45.2)", "MMLU", "5/4"):
        assert not is_interval(text), text


@needs_font
def test_a_board_of_names_ratings_and_intervals_is_a_table(tmp_path: Path) -> None:
    """A line of a name, a rating and an interval held one number among three cells: no
    row, so no table at all. The interval is a value of its row."""
    grid, elos, _ = _board(votes=False)
    _draw(tmp_path / "board.png", grid, left=2)
    read = _scores(tmp_path / "board.png")
    assert sum(read.get((m, "Elo")) == e for m, e in zip(MODELS, elos, strict=True)) >= 5
    assert not any(value is not None for (_, bench), value in read.items() if "CI" in bench)


@needs_font
def test_a_board_keeps_its_votes(tmp_path: Path) -> None:
    """Counts in thousands ("12,345") were a run tracker's steps wherever they stood; on a
    board with no tracker's chrome beside them they are its votes."""
    grid, _, counts = _board(votes=True)
    _draw(tmp_path / "votes.png", grid, left=2)
    read = _scores(tmp_path / "votes.png")
    assert sum(read.get((m, "Votes")) == v for m, v in zip(MODELS, counts, strict=True)) >= 5


def _table(header: list[str], rows: list[list[str]]) -> Table:
    head = [Cell(row=0, col=c, text=text) for c, text in enumerate(header)]
    body = [[Cell(row=r + 1, col=c, text=t) for c, t in enumerate(row)]
            for r, row in enumerate(rows)]
    return Table(box=Box(x1=0, y1=0, x2=10, y2=10), n_rows=len(rows), n_cols=len(header),
                 header_rows=[head], body=body, columns=list(header))


def test_thousands_beside_a_trackers_chrome_are_still_its_steps() -> None:
    steps = _table(["Name", "Runtime", "Step", "mmlu"],
                   [[m, f"{k + 1}h 13m", f"{(k + 2) * 500:,}", "0.61"]
                    for k, m in enumerate(MODELS)])
    assert is_chrome_column(steps, 2)
    board = _table(["Model", "Votes", "Elo"],
                   [[m, f"{(k + 2) * 1500:,}", "1200"] for k, m in enumerate(MODELS)])
    assert not is_chrome_column(board, 1)


def test_arrows_read_as_letters_are_arrows_in_a_column_of_changes() -> None:
    table = _table(["Model", "change"], [[m, t] for m, t in zip(
        MODELS, ["–", "A3.6", "v3.8", "a2.4", "V0.7", "▲1.1"], strict=True)])
    for row in table.body:
        row[1].readings["page"] = row[1].text
    mark_change_columns(table)
    assert [row[1].text for row in table.body] == ["–", "▲3.6", "▼3.8", "▲2.4", "▼0.7", "▲1.1"]
    versions = _table(["Model", "version"], [[m, f"v{k}.5"] for k, m in enumerate(MODELS)])
    mark_change_columns(versions)
    assert versions.body[1][1].text == "v1.5"


@needs_font
def test_a_change_column_of_coloured_arrows_is_scored(tmp_path: Path) -> None:
    """"▲3.6" read "A3.6" and "▼0.8" read "v0.8" are no numbers: the column went unscored."""
    changes = ["–", "▲3.6", "▼0.8", "▲2.4", "▼1.7", "▲0.9"]
    grid = [["Model", "MMLU", "GSM8K", "change"]]
    colours = {}
    for r, (model, change) in enumerate(zip(MODELS, changes, strict=True), start=1):
        grid.append([model, f"{70.1 - 4 * r:.1f}", f"{55.3 + 3 * r:.1f}", change])
        colours[(r, 3)] = GREEN if change.startswith("▲") else RED
    _draw(tmp_path / "arrows.png", grid, size=20, colours=colours)
    read = _scores(tmp_path / "arrows.png")
    wanted = {m: float(c[1:]) for m, c in zip(MODELS, changes, strict=True) if c != "–"}
    assert sum(read.get((m, "change")) == v for m, v in wanted.items()) >= 4


@needs_font
def test_bracketed_changes_under_a_delta_are_its_scores(tmp_path: Path) -> None:
    """A change column "(+1.5)", "(−3.3)" under "Δ" (read "A"): the bracketed signed numbers
    made no column of numbers, and the sign alone named it "A"."""
    changes = ["–", "(+1.5)", "(\u22123.3)", "(\u22121.7)", "(+0.6)", "(+2.2)"]
    grid = [["Model", "MMLU", "MATH", "Δ"]]
    for r, (model, change) in enumerate(zip(MODELS, changes, strict=True), start=1):
        grid.append([model, f"{70.1 - 4 * r:.1f}", f"{35.3 + 3 * r:.1f}", change])
    _draw(tmp_path / "delta.png", grid)
    read = _scores(tmp_path / "delta.png")
    wanted = {m: float(c.strip("()").replace("\u2212", "-"))
              for m, c in zip(MODELS, changes, strict=True) if c != "–"}
    assert sum(read.get((m, "Δ")) == v for m, v in wanted.items()) >= 4


def test_a_mark_read_as_a_digit_loses_the_vote() -> None:
    """Tesseract reads a thin "↓" as "1" with confidence; the neural reader reads the mark."""
    assert lost_mark("12.3", "↓2.3")
    assert not lost_mark("12.3", "12.3") and not lost_mark("72.3", "12.3")
    assert vote("12.3", 92.0, "↓2.3", 88.0, numeric=True).text == "↓2.3"


def test_a_column_of_ones_before_the_point_is_asked_again() -> None:
    ones = _table(["Model", "diff"], [[m, t] for m, t in zip(
        MODELS, ["—", "10.9", "11.8", "13.3", "12.6", "13.0"], strict=True)])
    assert arrows_read_as_ones(ones, 1)
    scores = _table(["Model", "MMLU"], [[m, t] for m, t in zip(
        MODELS, ["61.2", "10.9", "11.8", "13.3", "12.6", "13.0"], strict=True)])
    assert not arrows_read_as_ones(scores, 1)
