"""Table looks whose reading failed by kind (blind5's weakest styles): monospaced tables
whose points the page lost, a column name's full stop, names wrapped in narrow cells."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from imgread.config import load_config
from imgread.ocr.phrase import Phrase
from imgread.pipeline import read_image
from imgread.preprocess import Prepared
from imgread.record import Box, Cell, Table, Word
from imgread.tables.arrow_marks import strip_arrow_marks
from imgread.tables.cells import reread_numbers, settle_cell
from imgread.tables.header import join_header
from imgread.tables.header_points import restore_header_points
from imgread.tables.lines import Layout, TextLine
from imgread.tables.points import join_point_splits

FONTS = Path("/usr/share/fonts/truetype")
SANS = FONTS / "dejavu/DejaVuSans.ttf"
MONO = FONTS / "dejavu/DejaVuSansMono.ttf"
needs_fonts = pytest.mark.skipif(not (SANS.exists() and MONO.exists()),
                                 reason="DejaVu fonts absent")


def _word(text: str, x1: int, y1: int, width: int, height: int = 10) -> Word:
    return Word(text=text, confidence=95.0, box=Box(x1=x1, y1=y1, x2=x1 + width, y2=y1 + height))


def _line(words: list[Word]) -> TextLine:
    chunks = [Phrase.of([word]) for word in words]
    box = chunks[0].box
    for chunk in chunks[1:]:
        box = box.union(chunk.box)
    return TextLine(chunks=chunks, box=box)


def test_a_column_split_at_lost_points_is_joined_despite_a_misread_run() -> None:
    """A monospaced column whose every point was lost reads as two columns of digit runs
    ("80" and "55" for "80.55"); one run misread beyond its look-alikes ("61.59" as "61"
    and "a9") and look-alike letters ("4B" for "48", "Z." for "2") no longer keep the two
    apart. Recorded from a Hacker News comment's table (12 px DejaVu Sans Mono)."""
    places = ["55", "15", "a9", "18", "29", "42"]
    body = [
        _line([_word("Name-7B", 10, 20 * r, 60), _word(w, 200, 20 * r, 14),
               _word(p, 222, 20 * r, 14), _word("64.13", 300, 20 * r, 34)])
        for r, (w, p) in enumerate(zip(["80", "76", "61", "67", "62", "81"], places,
                                       strict=True))
    ]
    ranges = [(10, 70), (200, 214), (222, 236), (300, 334)]
    joined, merged = join_point_splits(body, ranges)
    assert merged == [(10, 70), (200, 236), (300, 334)]
    assert [c.text for c in joined[2].chunks] == ["Name-7B", "61 a9", "64.13"]
    looks = [("49", "7"), ("4B", "2"), ("48", "8"), ("38", "Z.")]
    body = [_line([_word(w, 200, 20 * r, 14), _word(p, 222, 20 * r, 7)])
            for r, (w, p) in enumerate(looks)]
    assert join_point_splits(body, [(200, 214), (222, 229)])[1] == [(200, 229)]
    # Two real columns: runs after the gap of several lengths, most not digits.
    words = [("12", "MMLU"), ("34", "7"), ("56", "GSM8K"), ("78", "abc")]
    body = [_line([_word(w, 200, 20 * r, 14), _word(p, 222, 20 * r, 20)])
            for r, (w, p) in enumerate(words)]
    assert join_point_splits(body, [(200, 214), (222, 242)])[1] == [(200, 214), (222, 242)]


def _mono_rows(scale: int) -> tuple[np.ndarray, list[tuple[str, Box]]]:
    """A monospaced table's rows drawn ``scale`` times larger, and each number's box in
    unscaled pixels."""
    font = ImageFont.truetype(str(MONO), 12 * scale)
    rows = [("Quillfin-2.7B", "72.2", "49.8", "62.8"), ("InternLM2-20B", "80.8", "73.6", "60.2"),
            ("Lindqvist-13B", "79.7", "58.5", "56.2")]
    image = Image.new("L", (360 * scale, 80 * scale), 255)
    draw = ImageDraw.Draw(image)
    boxes = []
    for r, row in enumerate(rows):
        y = (12 + 20 * r) * scale
        x = 10 * scale
        for text in row:
            draw.text((x, y), text, fill=0, font=font)
            x1, y1, x2, y2 = draw.textbbox((x, y), text, font=font)
            boxes.append((text, Box(x1=x1 // scale, y1=y1 // scale, x2=x2 // scale,
                                    y2=y2 // scale)))
            x += font.getlength(text + "   ")
    return np.array(image), boxes


@needs_fonts
def test_the_decimals_a_column_lost_are_read_past_its_span() -> None:
    """Where the page lost every cell's ".8" of a monospaced column, the column's span ends
    at its whole digits; the lost decimals lie beyond it, before the next column's text.
    The ink there is still the cell's: its re-read takes it in ("49" becomes "49.8")."""
    scale = 3
    grey, boxes = _mono_rows(scale)
    prepared = Prepared(grey=grey, scale=float(scale), size=(360, 80), x_height=7.0)
    cells = []
    for r in range(3):
        row = []
        for c in range(4):
            text, box = boxes[4 * r + c]
            if c == 2:  # the page read the whole digits only: box and text stop at "49"
                box = box.model_copy(update={"x2": box.x1 + (box.x2 - box.x1) * 2 // 4})
                text = text.split(".")[0]
            row.append(Cell(row=r, col=c, text=text, box=box, confidence=97.0))
        cells.append(row)
    table = Table(box=Box(x1=0, y1=0, x2=360, y2=80), n_rows=3, n_cols=4, body=cells,
                  columns=["Name", "WinoGrande", "MMLU", "IFEval"])
    # Spans as the layout makes them for numbers set right: from halfway after the column
    # before to just past the column's own readings.
    lefts = [min(cells[r][c].box.x1 for r in range(3)) for c in range(4)]
    rights = [max(cells[r][c].box.x2 for r in range(3)) for c in range(4)]
    spans = [(0, rights[0] + 2),
             *(((rights[c - 1] + lefts[c]) // 2, rights[c] + 2) for c in (1, 2, 3))]
    reread_numbers(table, spans, prepared, load_config().ocr)
    settled = [settle_cell(cells[r][2])[0] for r in range(3)]
    assert settled == ["49.8", "73.6", "58.5"], [cells[r][2].readings for r in range(3)]


@needs_fonts
def test_a_column_names_full_stop_is_put_back() -> None:
    """"Avg." read "Avg" (Tesseract drops a lone full stop after a word it knows) names
    another column than the one printed: the point in the pixels, on the name's baseline
    just after it, is put back; a name without one is left as it is."""
    scale = 3
    font = ImageFont.truetype(str(SANS), 13 * scale)
    image = Image.new("L", (300 * scale, 60 * scale), 255)
    draw = ImageDraw.Draw(image)
    header, body = [], []
    for c, (name, value) in enumerate([("MMLU", "61.2"), ("Avg.", "55.0"), ("Avg", "55.1")]):
        x, y = (20 + 90 * c) * scale, 10 * scale
        draw.text((x, y), name, fill=0, font=font)
        read = name.rstrip(".")
        x1, y1, x2, y2 = draw.textbbox((x, y), read, font=font)
        header.append(Cell(row=0, col=c, text=read, confidence=95.0,
                           box=Box(x1=x1 // scale, y1=y1 // scale, x2=x2 // scale,
                                   y2=y2 // scale)))
        draw.text((x, y + 25 * scale), value, fill=0, font=font)
        x1, y1, x2, y2 = draw.textbbox((x, y + 25 * scale), value, font=font)
        body.append(Cell(row=0, col=c, text=value, confidence=95.0,
                         box=Box(x1=x1 // scale, y1=y1 // scale, x2=x2 // scale,
                                 y2=y2 // scale)))
    prepared = Prepared(grey=np.array(image), scale=float(scale), size=(300, 60), x_height=7.0)
    table = Table(box=Box(x1=0, y1=0, x2=300, y2=60), n_rows=1, n_cols=3, header_rows=[header],
                  body=[body], columns=[cell.text for cell in header])
    restore_header_points(table, prepared)
    assert table.columns == ["MMLU", "Avg.", "Avg"]
    assert header[1].readings["point"]


def render_wrapped_header(path: Path) -> Path:
    """A newsletter-like table: narrow columns whose names wrap onto two lines, set left
    in their cells over numbers set right; the first line of one ("ARC-C") is shorter than
    the gap before its column's numbers."""
    face = ImageFont.truetype(str(SANS), 14)
    bold = ImageFont.truetype(str(SANS.with_name("DejaVuSans-Bold.ttf")), 14)
    columns = [(160, ("Name",)), (110, ("Training", "tokens")), (150, ("HellaSwag", "(10-shot)")),
               (120, ("ARC-C", "(25-shot)")), (120, ("MMLU", "(5-shot)"))]
    rows = [("Marrow-8B", "2T", "77.4", "78.8", "51.7"), ("Kestrel-34B", "4.5T", "87.8", "72.0",
                                                         "71.7"),
            ("Falcon-7B", "1.5T", "72.8", "68.5", "55.0"), ("Sorrel-3B", "2T", "67.4", "62.6",
                                                           "53.6"),
            ("Halyard-40B", "2.4T", "82.6", "79.6", "70.1")]
    width = 40 + sum(w for w, _ in columns)
    image = Image.new("RGB", (width, 70 + 34 * len(rows) + 30), "white")
    draw = ImageDraw.Draw(image)
    x = 20
    for w, lines in columns:
        top = 20 if len(lines) == 2 else 29
        for k, text in enumerate(lines):
            draw.text((x + 8, top + 18 * k), text, fill=(17, 17, 17), font=bold)
        x += w
    draw.line((20, 62, width - 20, 62), fill=(34, 34, 34), width=2)
    for r, row in enumerate(rows):
        y = 66 + 34 * r
        if r % 2:
            draw.rectangle((20, y, width - 20, y + 34), fill=(246, 246, 246))
        x = 20
        for c, ((w, _), text) in enumerate(zip(columns, row, strict=True)):
            at = x + 8 if c == 0 else x + w - 8 - face.getlength(text)
            draw.text((at, y + 9), text, fill=(36, 36, 36), font=face)
            x += w
    image.save(path)
    return path


@needs_fonts
def test_names_wrapped_in_narrow_cells_keep_their_first_lines(tmp_path: Path) -> None:
    """A short first line of a wrapped name ("ARC-C" over "(25-shot)") lies in the gap
    before its column's numbers; it was taken for a group title over two columns, which
    ended the header there and lost every name's first line. It starts where the rest of
    its name starts, tight over it: it names that column."""
    record = read_image(render_wrapped_header(tmp_path / "wrapped.png"))
    assert record.ocr.tables
    table = record.ocr.tables[0]
    names = [name.replace(" ", "").lower() for name in table.columns]
    assert names[:2] == ["name", "trainingtokens"], table.columns
    assert names[3].startswith("arc-c"), table.columns
    assert names[2].startswith("hellaswag") and names[4].startswith("mmlu"), table.columns



def test_a_group_title_over_known_names_is_dropped_despite_a_rules_leftover() -> None:
    """A paper's group title ("Reasoning") over benchmarks named in full below it is no
    part of their names; the short rule under the title, read as a dash after one name
    ("BBH -"), no longer makes that name unknown and the title part of both names.
    Recorded from a two-column paper page (2000 px JPEG)."""
    def line(pieces: list[tuple[str, int, int, int, int]]) -> TextLine:
        return _line([Word(text=t, confidence=93.0, box=Box(x1=a, y1=b, x2=c, y2=d))
                      for t, a, b, c, d in pieces])

    header = [
        line([("Reasoning", 1007, 209, 1116, 232), ("Code", 1263, 209, 1316, 226)]),
        line([("Model", 602, 256, 668, 274), ("Params", 862, 257, 942, 274),
              ("GSM8K", 978, 257, 1061, 274), ("BBH -", 1096, 254, 1160, 279),
              ("HumanEval", 1181, 256, 1298, 274), ("MBPP", 1333, 257, 1398, 274)]),
    ]
    layout = Layout(
        spans=[(67, 853), (853, 960), (960, 1072), (1072, 1177), (1177, 1302), (1302, 1932)],
        header=header, body=[],
        ranges=[(601, 828), (878, 928), (992, 1046), (1099, 1142), (1212, 1266), (1339, 1392)],
    )
    assert [cell.text for cell in join_header(header, layout)] == [
        "Model", "Params", "GSM8K", "BBH", "HumanEval", "MBPP"]


def test_an_arrow_read_after_a_known_benchmark_is_no_part_of_its_name() -> None:
    """A newsletter's "HumanEval (pass@1) ↑" read "HumanEval (pass@1) 1" and "BBH (3-shot)
    ↑" read "BBH (3-shot) t" (the other arrows, on a line of their own, lost as specks):
    too few names carry a mark for the sort-mark rule, yet no benchmark's name ends in such
    a stroke. A name that is no benchmark keeps its last word ("Top 1")."""
    names = ["Model", "HumanEval (pass@1) 1", "BBH (3-shot) t", "MMLU", "Top 1"]
    header = [Cell(row=0, col=c, text=name) for c, name in enumerate(names)]
    table = Table(box=Box(x1=0, y1=0, x2=10, y2=10), n_rows=0, n_cols=len(names),
                  header_rows=[header], columns=list(names))
    strip_arrow_marks(table)
    assert table.columns == ["Model", "HumanEval (pass@1)", "BBH (3-shot)", "MMLU", "Top 1"]


def render_wrapped_names(path: Path) -> Path:
    """A zebra-striped table whose narrow first column wraps some names at the space
    before their size ("Lindqvist" over "70B"), the row's numbers set between the lines."""
    face = ImageFont.truetype(str(SANS), 14)
    bold = ImageFont.truetype(str(SANS.with_name("DejaVuSans-Bold.ttf")), 14)
    benches = ["MMLU", "GSM8K", "MATH"]
    rows = [(("Marrow-8B",), ("61.2", "44.0", "12.5")),
            (("Lindqvist", "70B"), ("78.4", "69.1", "30.2")),
            (("Kestrel-7B",), ("55.3", "31.8", "9.4")),
            (("Umbra", "34B"), ("70.6", "58.2", "22.7")),
            (("Falcon-7B",), ("52.1", "20.5", "6.3"))]
    image = Image.new("RGB", (470, 60 + 44 * len(rows) + 20), "white")
    draw = ImageDraw.Draw(image)
    draw.text((28, 22), "Model", fill=(17, 17, 17), font=bold)
    for c, bench in enumerate(benches):
        draw.text((200 + 90 * c + 80 - bold.getlength(bench), 22), bench, fill=(17, 17, 17),
                  font=bold)
    draw.line((20, 46, 450, 46), fill=(34, 34, 34), width=2)
    for r, (name, scores) in enumerate(rows):
        y = 50 + 44 * r
        if r % 2:
            draw.rectangle((20, y, 450, y + 44), fill=(243, 247, 251))
        top = y + 13 if len(name) == 1 else y + 4
        for k, text in enumerate(name):
            draw.text((28, top + 18 * k), text, fill=(36, 36, 36), font=face)
        for c, text in enumerate(scores):
            draw.text((200 + 90 * c + 80 - face.getlength(text), y + 13), text,
                      fill=(36, 36, 36), font=face)
    image.save(path)
    return path


@needs_fonts
def test_a_name_wrapped_before_its_size_is_one_name(tmp_path: Path) -> None:
    """A size alone under a row's name ("Lindqvist" over "70B") is the end of that name,
    as a size under a name broken after its hyphen is; it was dropped as a line of numbers
    and the row lost its model's size."""
    record = read_image(render_wrapped_names(tmp_path / "names.png"))
    assert record.ocr.tables
    names = [row[0].text for row in record.ocr.tables[0].body]
    assert "Lindqvist 70B" in names and "Umbra 34B" in names, names
    assert len(names) == 5, names
