"""Table looks whose reading failed by kind (issue 10, tables8): documentation pages whose
side navigation stands beside the table."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import read_up_to_charts, render_table
from PIL import Image, ImageDraw, ImageFont

from imgread.config import load_config
from imgread.pipeline import read_image
from imgread.preprocess.steps import background
from imgread.record import Box, Cell, Table, Word
from imgread.tables import scores_from_table
from imgread.tables.arrow_marks import strip_arrow_marks
from imgread.tables.layout import find_layouts
from imgread.tables.name_rereads import reread_names
from imgread.typed_rules import find_typed_rules

FONTS = Path("/usr/share/fonts/truetype")
SANS = FONTS / "dejavu/DejaVuSans.ttf"
needs_fonts = pytest.mark.skipif(not SANS.exists(), reason="DejaVu fonts absent")

HEADER = ["Model", "Params", "DROP", "PIQA", "MMLU"]
ROWS = [["Sable 3 40B-v2", "40 B", "51.8", "74.2", "59.5"],
        ["Juniper 3b-v2", "3 B", "39.0", "74.0", "52.0"],
        ["Sable 34B-v2", "34 B", "57.1", "75.8", "52.8"],
        ["Marlin-MoE-57B-A3B", "57 B", "62.0", "80.1", "74.3"],
        ["Aster Opus", "70 B", "60.9", "79.5", "71.0"]]


def render_dark_docs_page(path: Path) -> Path:
    """A dark documentation page without rules: a navigation list down the left edge, a
    heading and a sentence, then the table, whose header and first row stand level with
    the list's last entries (at another pitch than the table's rows)."""
    face = ImageFont.truetype(str(SANS), 14)
    big = ImageFont.truetype(str(SANS), 28)
    widths = [max(int(face.getlength(r[c])) for r in [HEADER, *ROWS]) + 40
              for c in range(len(HEADER))]
    left, pitch = 220, 35
    image = Image.new("RGB", (left + sum(widths) + 60, 200 + pitch * (len(ROWS) + 1) + 40),
                      (30, 33, 41))
    draw = ImageDraw.Draw(image)
    for i, item in enumerate(["Getting started", "Models", "Evaluation", "Fine-tuning",
                              "FAQ"]):
        draw.text((20, 90 + 28 * i), item, fill=(150, 154, 166), font=face)
    draw.text((left, 90), "Evaluation", fill=(230, 230, 230), font=big)
    draw.text((left, 145), "Scores below were measured with our open harness, and higher is "
              "better.", fill=(220, 220, 220), font=face)
    for r, cells in enumerate([HEADER, *ROWS]):
        x = left
        for c, text in enumerate(cells):
            draw.text((x + 16, 185 + r * pitch), text, fill=(220, 222, 228), font=face)
            x += widths[c]
    image.save(path)
    return path


@needs_fonts
def test_a_docs_sites_navigation_without_rules_is_no_column(tmp_path: Path) -> None:
    """With no rules to bound the table, the navigation is known by its own shape: short
    lines down the page's left edge, a gutter nothing crosses, the article's sentence
    beside it, most items level with no number. Without that, "FAQ" was the first row's
    first cell, "Fine-tuning" a column name, and every model name was lost."""
    record = read_image(render_dark_docs_page(tmp_path / "docs.png"))
    read = {(s.model, s.benchmark): s.value for t in record.ocr.tables
            for s in scores_from_table(t)}
    expected = {(row[0], bench): float(row[c]) for row in ROWS
                for c, bench in ((2, "DROP"), (3, "PIQA"), (4, "MMLU"))}
    assert read == expected


SERIF = FONTS / "liberation/LiberationSerif-Regular.ttf"


@pytest.mark.skipif(not SERIF.exists(), reason="Liberation Serif absent")
def test_a_small_serif_word_run_together_is_no_typed_rule() -> None:
    """Times-like names at 11 px run their letters together at the serifs ("essera" is one
    piece of ink), whose top and bottom rows carry most of its ink: the two strokes of an
    "=" to the typed-rule finder, which erased the word ("Tessera1.5-500M-Instruct" read
    ".5-500M-Instruct"). Letters' uprights stand between those rows; nothing does in "="."""
    image = Image.new("L", (400, 120), 255)
    draw = ImageDraw.Draw(image)
    face = ImageFont.truetype(str(SERIF), 11)
    for i, name in enumerate(["Tessera1.5-500M-Instruct", "Tessera-v2-14B",
                              "Meridian2-12B-Base", "Saffron-33B"]):
        draw.text((10, 10 + 25 * i), name, fill=0, font=face)
    grey = np.array(image)
    erase, _columns, rows = find_typed_rules(grey, background(grey), 0.45 * 11)
    assert rows == [] and not erase.any()


def test_a_doubtful_name_is_read_again_from_the_columns_left_edge(tmp_path: Path) -> None:
    """A name the page read without its first word ("1.8B Chat" of "Nimbus-1.8B Chat": its
    box starts a glyph or more right of where every other name starts) is
    read again from the column's left edge, so the lost word is read too."""
    rows = [["Nimbus-1.8B Chat", "60.4", "48.6"], ["Zephyrine-8x22B", "74.6", "62.4"],
            ["Obsidian3-110B", "85.8", "78.5"], ["Kestrel-13B", "55.1", "41.0"]]
    path = render_table(tmp_path / "names.png", ["Model", "ARC", "BBH"], rows, size=14)
    work = read_up_to_charts(path)
    assert work.prepared is not None
    table = work.record.ocr.tables[0]
    cell = table.body[0][0]
    assert cell.text == "Nimbus-1.8B Chat" and cell.box is not None
    # as the page reads it when it loses the first word
    cell.text, cell.confidence = "1.8B Chat", 40.0
    cell.box = cell.box.model_copy(update={"x1": cell.box.x2 - 0.55 * cell.box.width})
    reread_names(table, work.prepared, load_config().ocr)
    assert cell.text == "Nimbus-1.8B Chat"



def _recorded(line: list[tuple[str, float, int, int, int, int]]) -> list[Word]:
    """A line of words as the page read them: text, confidence and box."""
    return [Word(text=text, confidence=confidence, box=Box(x1=x1, y1=y1, x2=x2, y2=y2))
            for text, confidence, x1, y1, x2, y2 in line]


def test_a_header_of_names_with_sort_marks_is_no_row() -> None:
    """A leaderboard app's header, each name followed by its sort arrows (▲▼), as the page
    read it (recorded from blind2's leaderboard_app at tuning seed 13100): the marks read
    "ay", "4 y", "4 v", some unsure, so the header looked like a row of numbers, was taken
    into the body, and the table was dropped for want of a header. Names each followed by
    a mark, with no other number on the line, are a header."""
    header = [("T", 93, 70, 129, 80, 140), ("Model", 92, 106, 128, 148, 140),
              ("Average", 96, 326, 129, 382, 144), ("ay", 67, 389, 132, 408, 140),
              ("TriviaQA", 91, 434, 128, 493, 142), ("4", 86, 500, 134, 507, 140),
              ("y", 42, 512, 132, 518, 139), ("NQ", 93, 544, 128, 565, 142),
              ("ay", 93, 572, 132, 591, 140), ("BBH", 93, 617, 129, 646, 140),
              ("4", 66, 654, 134, 658, 140), ("v", 42, 666, 132, 672, 140),
              ("MATH", 96, 698, 129, 741, 140), ("a", 57, 743, 127, 751, 146)]
    rows = [("orbit-research/orbit-1.5b-sft", "56.17", "66.47", "30.12", "67.11", "34.94"),
            ("microsoft/Phi-3-mini", "45.28", "66.11", "21.69", "61.56", "31.76"),
            ("mosaicml/mpt-30b", "43.24", "58.02", "22.17", "69.02", "38.54"),
            ("lmsys/vicuna-v1.5-13b", "39.43", "52.02", "22.63", "55.30", "27.79")]
    words = _recorded(header)
    for r, row in enumerate(rows, 1):
        xs = (106, 327, 434, 544, 617, 699)
        words += _recorded([(text, 95, x, 130 + 35 * r, x + 7 * len(text), 142 + 35 * r)
                            for text, x in zip(row, xs, strict=True)])
    layouts = find_layouts(words, 3, 2)
    assert len(layouts) == 1 and len(layouts[0].body) == len(rows)
    names = " ".join(c.text for line in layouts[0].header for c in line.chunks)
    assert names.startswith("T Model Average")


def test_a_sort_arrows_pair_read_ti_after_a_known_benchmark_is_no_part_of_it() -> None:
    """An HF leaderboard's pale sort arrows (⇅) after two names read "BBH ti" and "MATH Lvl
    5 1" (recorded from blind's hf_leaderboard at tuning seed 11100): too few for the
    sort-mark rule, so both columns were lost. "ti" is an arrow's two strokes, and "MATH
    Lvl 5" (the Open LLM Leaderboard's column) is a known benchmark."""
    names = ["Model", "Average", "GPQA", "BBH ti", "MATH Lvl 5 1", "MUSR", "Top ti"]
    header = [Cell(row=0, col=c, text=name) for c, name in enumerate(names)]
    table = Table(box=Box(x1=0, y1=0, x2=10, y2=10), n_rows=0, n_cols=len(names),
                  header_rows=[header], columns=list(names))
    strip_arrow_marks(table)
    assert table.columns == ["Model", "Average", "GPQA", "BBH", "MATH Lvl 5", "MUSR", "Top ti"]
