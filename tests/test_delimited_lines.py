"""Tables typed by hand, their pipes out of line (typed_rules.delimited_moves): each cell
only as wide as its text, so the pipes stand at other x on every line and no column lines
up. The lines that agree on how many pipes they hold are split at them and lined up."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import REPO
from PIL import Image, ImageDraw, ImageFont

from imgread.pipeline import read_image
from imgread.record import Record
from imgread.tables import scores_from_table
from imgread.units import normalise_model_name

FACES = Path("/usr/share/fonts/truetype")
needs_fonts = pytest.mark.skipif(
    not (FACES / "dejavu/DejaVuSansMono.ttf").exists(), reason="fonts absent"
)

ROWS = [
    ["Atlas 7B Base", "61.2", "40.5", "30.1"],
    ["Borealis-34B", "75.9", "66.1", "48.2"],
    ["Corvid 13B Chat", "55.4", "30.7", "22.9"],
    ["Dune-70B", "79.3", "71.8", "55.0"],
]
HEADER = ["Model", "MMLU", "GSM8K", "HumanEval"]


def _page(
    lines: list[str], face: str, size: int, ground: tuple, ink: tuple, gutter: bool
) -> Image.Image:
    """``lines`` drawn one by one as typed, pipes where the text puts them; line numbers
    in a gutter when asked."""
    font = ImageFont.truetype(str(FACES / face), size)
    step = round(size * 1.4)
    width = int(max(font.getlength(t) for t in lines)) + 160
    img = Image.new("RGB", (width, step * (len(lines) + 2)), ground)
    d = ImageDraw.Draw(img)
    left = 70 if gutter else 16
    for k, text in enumerate(lines):
        if gutter:
            d.text((10, 10 + k * step), f"{k + 7:>3}", fill=(110, 110, 110), font=font)
        d.text((left, 10 + k * step), text, fill=ink, font=font)
    return img


def _scores(record: Record) -> dict[tuple[str, str], float]:
    return {
        (normalise_model_name(s.model), s.benchmark.lower()): s.value
        for t in record.ocr.tables
        for s in scores_from_table(t)
        if s.value is not None
    }


def _printed(header: list[str], rows: list[list[str]]) -> dict[tuple[str, str], float]:
    return {
        (normalise_model_name(row[0]), name.split(" (")[0].lower()): float(value)
        for row in rows
        for name, value in zip(header[1:], row[1:], strict=True)
        if not value.endswith("B")
    }


def _read(img: Image.Image, folder: Path) -> Record:
    path = folder / "typed.png"
    img.save(path)
    return read_image(path)


@needs_fonts
def test_a_markdown_table_typed_by_hand_in_a_dark_editor(tmp_path: Path) -> None:
    """Before: no column lined up, and the page gave no row and no score. The delimiter
    line is no row, the line numbers no column, the heading and the prose no part of it."""
    table = [
        "| " + " | ".join(HEADER) + " |",
        "|-----|---:|:---:|--|",
        *("| " + " | ".join(row) + " |" for row in ROWS),
    ]
    lines = ["## Results", "", *table, "", "Scores are accuracy (%)."]
    record = _read(
        _page(lines, "dejavu/DejaVuSansMono.ttf", 15, (40, 44, 52), (171, 178, 191), True), tmp_path
    )
    assert _scores(record) == _printed(HEADER, ROWS)
    [read] = record.ocr.tables
    assert [row[0].text for row in read.body] == [row[0] for row in ROWS]
    assert read.n_cols == len(HEADER)


@needs_fonts
def test_an_org_table_whose_pipes_are_out_of_line(tmp_path: Path) -> None:
    """Before: the size column ran into the names ("Model Size", "Dune-70B 70B") and the
    last column lost its header. Its ``|---+---|`` line, no pipes but its ends, stays
    where it is and is still a typed row rule."""
    header = ["Model", "Size", "MMLU", "GSM8K"]
    rows = [
        [r[0], size, r[1], r[2]] for r, size in zip(ROWS, ["7B", "34B", "13B", "70B"], strict=True)
    ]
    table = [
        "| " + " | ".join(header) + " |",
        "|---+---+---+---|",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]
    lines = ["* Results", "", *table, "", "#+TBLFM: $4=vmean($2..$3)"]
    record = _read(
        _page(lines, "dejavu/DejaVuSansMono.ttf", 15, (255, 255, 255), (0, 0, 0), True), tmp_path
    )
    [read] = record.ocr.tables
    assert read.columns == header
    assert [[cell.text for cell in row] for row in read.body] == rows


@needs_fonts
def test_a_pipe_table_pasted_in_a_chat_in_a_proportional_face(tmp_path: Path) -> None:
    """No outer pipes, a sans-serif face, a dark chat: the cells' text never lines up.
    Before: no table at all."""
    table = [" | ".join(HEADER), "--- | --- | --- | ---", *(" | ".join(row) for row in ROWS)]
    lines = ["Here are the numbers:", "", *table, "", "Let me know if you need more."]
    record = _read(
        _page(
            lines, "liberation/LiberationSans-Regular.ttf", 15, (54, 57, 63), (220, 221, 222), False
        ),
        tmp_path,
    )
    assert _scores(record) == _printed(HEADER, ROWS)


@needs_fonts
@pytest.mark.parametrize("seed", [3, 5])
def test_the_raw_markdown_look_reads_as_written(seed: int, tmp_path: Path) -> None:
    """The tuning look's editors and terminal (``benchmarks/looks/raw_markdown.py``).
    Before: 0/8 and 0/35 of the scores at these seeds."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from looks import raw_markdown

    truth = raw_markdown.generate(tmp_path, 1, seed)
    [(name, table)] = truth.items()
    read = _scores(read_image(tmp_path / name))
    printed = _printed(table["columns"], [row["cells"] for row in table["rows"]])
    right = sum(1 for k, v in printed.items() if read.get(k) == v)
    assert right >= len(printed) - 1


@needs_fonts
def test_a_typed_table_already_in_line_is_not_moved(tmp_path: Path) -> None:
    """Pipes that already stand one under the other are the typed table's column rules
    as before: nothing is moved."""
    widths = [max(len(r[c]) for r in [HEADER, *ROWS]) for c in range(len(HEADER))]
    table = [
        "| " + " | ".join(t.ljust(w) for t, w in zip(r, widths, strict=True)) + " |"
        for r in [HEADER, *ROWS]
    ]
    table.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    record = _read(
        _page(table, "dejavu/DejaVuSansMono.ttf", 15, (255, 255, 255), (0, 0, 0), False), tmp_path
    )
    assert "align_delimited_lines" not in record.preprocess.steps
    assert _scores(record) == _printed(HEADER, ROWS)
