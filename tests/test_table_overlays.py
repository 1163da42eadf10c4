"""Tables with something laid over or across them (issue 16, overlays): a tooltip over a
few cells of a web leaderboard, and a benchmark's variants named with another separator
("MMLU.Pro" beside "MMLU")."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from conftest import REPO

from imgread.pipeline import read_image
from imgread.record import Box, Cell, Record, Table
from imgread.tables import scores_from_table
from imgread.tables.continued import join_continued
from imgread.units import normalise_model_name

FACES = Path("/usr/share/fonts/truetype")
needs_fonts = pytest.mark.skipif(
    not (FACES / "dejavu/DejaVuSans.ttf").exists(), reason="fonts absent"
)

BENCHES = ["MMLU (5-shot)", "CMMLU", "GPQA", "TriviaQA", "DROP"]
MODELS = ["Falcon-40B", "ChatGLM3-6B", "Qwen-14B", "MPT-30B", "Mistral-7B", "Vicuna-13B",
          "BLOOM-176B", "Phi-2"]


def _scores(record: Record) -> dict[tuple[str, str], float]:
    return {(normalise_model_name(s.model), s.benchmark.lower()): s.value
            for t in record.ocr.tables for s in scores_from_table(t) if s.value is not None}


@needs_fonts
@pytest.mark.parametrize(("face", "size", "seed"), [(0, 15, 3), (1, 13, 7), (2, 14, 11)])
def test_a_tooltip_over_two_columns_costs_only_the_cells_it_covers(
    face: int, size: int, seed: int, tmp_path: Path
) -> None:
    """A dark rounded tooltip (three lines of white text) over the last two columns of the
    rows under the selected one. Its lines ran across the gutter between the two columns:
    the layout took them for one column and both were lost for every row, and its words
    ("vLLM 0.3, temperature 0") became cells. Found by its shape and taken out, it hides
    only the cells under it."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from looks.popovers import draw_board

    rng = random.Random(seed)
    values = [[f"{rng.uniform(25, 89):.1f}" for _ in BENCHES] for _ in MODELS]
    image, covered = draw_board(rng, BENCHES, MODELS, values, (3, 4), face, size)
    path = tmp_path / "board.png"
    image.save(path)
    read = _scores(read_image(path))
    shown = {(normalise_model_name(m), b.split(" (")[0].lower()): float(v)
             for r, (m, row) in enumerate(zip(MODELS, values, strict=True))
             for c, (b, v) in enumerate(zip(BENCHES, row, strict=True))
             if not covered[r][c + 1]}
    assert any(any(line) for line in covered)  # the box hides some cells
    right = sum(1 for k, v in shown.items() if read.get(k) == v)
    assert right >= len(shown) - 2  # every column is kept, beside and under the box
    hidden = {(normalise_model_name(m), b.split(" (")[0].lower())
              for r, m in enumerate(MODELS) for c, b in enumerate(BENCHES)
              if covered[r][c + 1]}
    assert not hidden & set(read)  # the tooltip's own text is no cell


def render_data_viewer(path: Path, header: list[str], rows: list[list[str]], size: int,
                       face: str) -> Path:
    """An R data viewer (RStudio's View()): row numbers down the left, a grey header with
    the data frame's column names, a pale grid."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FACES / face), size)
    widths = [max(int(font.getlength(r[c])) for r in [header, *rows]) + 36
              for c in range(len(header))]
    left, pitch = 44, int(size * 1.9)
    image = Image.new("RGB", (left + sum(widths) + 20, pitch * (len(rows) + 1) + 30), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 10, image.width, 10 + pitch), fill=(236, 236, 236))
    for r, cells in enumerate([header, *rows]):
        y = 10 + r * pitch
        draw.line((0, y + pitch, image.width, y + pitch), fill=(221, 221, 221))
        if r:
            draw.text((8, y + (pitch - size) // 2), str(r), font=font, fill=(140, 140, 140))
        x = left
        for c, text in enumerate(cells):
            draw.line((x, 10, x, 10 + pitch * (len(rows) + 1)), fill=(221, 221, 221))
            tx = x + 10 if c == 0 else x + widths[c] - 10 - font.getlength(text)
            draw.text((tx, y + (pitch - size) // 2), text, font=font, fill=(34, 34, 34))
            x += widths[c]
    image.save(path)
    return path


VIEWER_MODELS = ["Qwen-14B", "Llama-2-13B", "Mistral-7B", "Yi-34B", "Gemma-7B"]
VIEWER_MMLU = ["66.3", "54.8", "62.5", "76.3", "64.3"]
VIEWER_PRO = ["38.1", "27.4", "30.9", "43.2", "33.7"]


@needs_fonts
@pytest.mark.parametrize(("variant", "face", "size"), [
    ("MMLU.Pro", "dejavu/DejaVuSans.ttf", 14),
    ("MMLU_Pro", "liberation/LiberationSans-Regular.ttf", 15),
    ("MMLU Pro", "dejavu/DejaVuSans.ttf", 13),
])
def test_the_mmlu_column_is_the_one_named_mmlu_not_a_variant(
    variant: str, face: str, size: int, tmp_path: Path
) -> None:
    """A data frame shown by R's viewer names its columns "MMLU.Pro" (R's separator) beside
    "MMLU". The cells were keyed right, but the row's MMLU was taken from the variant,
    which comes first: MMLU is the column named MMLU, with a setting at most, never one
    with a word after a separator."""
    header = ["model", variant, "MMLU", "GSM8K"]
    rows = [[m, pro, mmlu, f"{40 + 3 * i:.1f}"] for i, (m, mmlu, pro) in
            enumerate(zip(VIEWER_MODELS, VIEWER_MMLU, VIEWER_PRO, strict=True))]
    record = read_image(render_data_viewer(tmp_path / "viewer.png", header, rows, size, face))
    read = {normalise_model_name(row.model): row.mmlu for row in record.rows}
    assert read == {normalise_model_name(m): float(v)
                    for m, v in zip(VIEWER_MODELS, VIEWER_MMLU, strict=True)}


def test_mmlu_is_named_by_the_structure_of_the_name() -> None:
    from imgread.tables.columns import MMLU_RE

    for name in ["MMLU", "MMLU (5-shot)", "MMLU 5-shot", "MMLU\n(5-shot)", "mmlu_acc",
                 "MMLU†", "MMLU ↑", "MMLU Acc."]:
        assert MMLU_RE.search(name), name
    for name in ["MMLU.Pro", "MMLU_Pro", "MMLU Pro", "MMLU\nPro", "MMLU-Pro", "MMLU-",
                 "MMLU-Redux", "CMMLU", "MMMLU"]:
        assert not MMLU_RE.search(name), name


needs_chromium = pytest.mark.skipif(not Path("/usr/bin/chromium").exists(),
                                    reason="Chromium absent")


@needs_chromium
def test_a_longtable_over_two_pages_keeps_its_wrapped_header_names(tmp_path: Path) -> None:
    """A paper's longtable continued on a second page (the tuning look ``continued``): narrow
    columns wrap their names over two or three lines whose words nearly touch their
    neighbours' ("(10- MMLU- C (25- Truth-" read as one piece), and page 2 opens with "Table
    3 – continued from previous page" over the header. The pieces were joined across
    columns ("MMLU-C (25-Truth-Pro)") and the caption read into the names ("continued from
    previous page BBH"). Each wrapped name is joined by column geometry (its lines stacked
    over its own column), and a caption ends the header."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from looks import continued

    truth = continued.generate(tmp_path, 6, 300)
    for name in ("continued_003.png", "continued_005.png"):
        wanted = [n.replace(" ", "").lower() for n in truth[name]["columns"][1:]]
        record = read_image(tmp_path / name)
        assert len(record.ocr.tables) >= 1
        for table in record.ocr.tables:
            read = [(c + (f"({s})" if s else "")).replace(" ", "").lower()
                    for c, s in zip(table.columns[1:], table.settings[1:], strict=True)]
            assert read == wanted, name


@needs_chromium
def test_a_longtable_over_two_pages_is_one_table(tmp_path: Path) -> None:
    """The two fragments of the ``continued`` look (the header printed again on page 2)
    were two tables. Over the same columns, with headers that agree column by column, they
    are one: every row of both pages under one header."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from looks import continued

    truth = continued.generate(tmp_path, 4, 300)
    for name in ("continued_000.png", "continued_003.png"):
        tables = read_image(tmp_path / name).ocr.tables
        assert len(tables) == 1, name
        models = {normalise_model_name(row[0].text) for row in tables[0].body}
        wanted = {normalise_model_name(row["model"]) for row in truth[name]["rows"]}
        assert len(models & wanted) >= len(wanted) - 1, name


def _fragment(names: list[str], confidence: float, top: int, model: str) -> Table:
    header = [Cell(row=0, col=c, text=n, confidence=confidence) for c, n in enumerate(names)]
    body = [[Cell(row=1, col=0, text=model),
             *(Cell(row=1, col=c, text="50.0", value=50.0) for c in range(1, len(names)))]]
    return Table(box=Box(x1=10, y1=top, x2=400, y2=top + 60), n_rows=2, n_cols=len(names),
                 header_rows=[header], body=body, columns=names,
                 settings=[None] * len(names))


def test_the_header_copies_of_a_longtable_vote_per_column() -> None:
    """A name misread in one copy ("MMLU-Pr0", "HeIlaSwag") is read right in the other:
    the known benchmark names the column; headers that differ in more than one column are
    two tables."""
    upper = _fragment(["Model", "MMLU-Pr0", "GSM8K", "BBH"], 90.0, 0, "Qwen-14B")
    lower = _fragment(["Model", "MMLU-Pro", "GSM8K", "BBH"], 60.0, 200, "Yi-34B")
    [joined] = join_continued([upper, lower])
    assert joined.columns == ["Model", "MMLU-Pro", "GSM8K", "BBH"]
    assert [row[0].text for row in joined.body] == ["Qwen-14B", "Yi-34B"]
    other = _fragment(["Model", "MATH", "HumanEval", "BBH"], 90.0, 400, "Phi-2")
    assert len(join_continued([upper, lower, other])) == 2
