"""Tables that lost rows or names by kind (tables15): a table beside another pane of an app
(an editor's LaTeX source beside its compiled page), a summary row under the model rows,
a raised mark whose reading OCR dropped, and a name whose middle the page's reading lost
beside a column of coloured status symbols. Each image is drawn here (PIL, several faces
and sizes) or by the ``panes`` look."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from conftest import REPO
from PIL import Image, ImageDraw, ImageFont

from imgread.pipeline import read_image
from imgread.record import Cell, Record, Table
from imgread.tables import rows_from_table
from imgread.tables.summary_rows import is_summary_label, move_summary_rows
from imgread.units import normalise_model_name

TRUETYPE = Path("/usr/share/fonts/truetype")
DEJAVU = TRUETYPE / "dejavu" / "DejaVuSans.ttf"
pytestmark = pytest.mark.skipif(not DEJAVU.is_file(), reason="no DejaVu fonts")


def _models(record: Record) -> list[str]:
    return [
        normalise_model_name(row.model) for t in record.ocr.tables for row in rows_from_table(t)
    ]


def _names(record: Record) -> list[str]:
    return [row[0].text for t in record.ocr.tables for row in t.body]


# -- a table beside another pane ---------------------------------------------------------


@pytest.mark.parametrize(("kind", "seed"), [("latex", 6), ("latex", 7), ("chat", 3)])
def test_a_pane_of_other_text_beside_the_table_gives_no_rows(
    kind: str, seed: int, tmp_path: Path
) -> None:
    """An editor's source pane (monospaced LaTeX, grey line numbers) or a chat app's list
    of conversations beside a viewer's page with a booktabs table: the pane's lines stand
    level with the table's rows. Read across the screenshot, the source's lines were the
    table's rows ("\\end{tabular}", "\\section{Results}") and no model was read."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from looks import panes, pdf_viewer

    rng = random.Random(seed)
    spec, truth = pdf_viewer._spec(rng)
    image = panes.render(rng, spec, "Table 2: Main results.", kind)
    path = tmp_path / f"{kind}.png"
    image.save(path)
    read = set(_models(read_image(path)))
    wanted = {normalise_model_name(row["model"]) for row in truth}
    assert read == wanted


# -- a summary row -----------------------------------------------------------------------

SUMMARY_MODELS = ["Orvik-2-7B", "Tarn-13B", "Qiro-1.5-14B", "Lumio-3-8B"]
SUMMARY_SCORES = [[61.2, 44.7, 30.1], [55.4, 38.9, 27.5], [68.0, 51.3, 35.8], [59.9, 47.2, 22.6]]


def _booktabs(path: Path, face: Path, size: int, rows: list[list[str]], last: list[str],
              bold: Path | None = None) -> Path:
    """A paper's booktabs table, ``last`` after a rule under the rows (bold where given)."""
    ss = 3
    u = size * ss
    font = ImageFont.truetype(str(face), u)
    strong = ImageFont.truetype(str(bold), u) if bold else font
    header = ["Model", "MMLU", "GSM8K", "BBH"]
    widths = [max(font.getlength(r[c]) for r in [header, *rows, last]) + 1.6 * u
              for c in range(4)]
    width = int(sum(widths) + 2 * u)
    image = Image.new("L", (width, int((len(rows) + 5) * 1.45 * u)), 255)
    draw = ImageDraw.Draw(image)

    def line(cells: list[str], y: float, with_font: ImageFont.FreeTypeFont) -> None:
        x = u
        for c, text in enumerate(cells):
            left = x + 0.4 * u if c == 0 else x + widths[c] - 0.4 * u - with_font.getlength(text)
            draw.text((left, y), text, fill=0, font=with_font)
            x += widths[c]

    y = u
    draw.line((u, y, width - u, y), fill=0, width=max(2, u // 11))
    line(header, y + 0.3 * u, font)
    y += 1.45 * u
    draw.line((u, y, width - u, y), fill=0, width=max(1, u // 20))
    for row in rows:
        line(row, y + 0.3 * u, font)
        y += 1.45 * u
    draw.line((u, y + 0.1 * u, width - u, y + 0.1 * u), fill=0, width=max(1, u // 20))
    line(last, y + 0.35 * u, strong)
    y += 1.65 * u
    draw.line((u, y, width - u, y), fill=0, width=max(2, u // 11))
    image = image.crop((0, 0, width, int(y + u)))
    image.resize((width // ss, image.height // ss), Image.LANCZOS).convert("RGB").save(path)
    return path


def _summary_rows() -> tuple[list[list[str]], list[str]]:
    rows = [[m, *(f"{v:.1f}" for v in s)] for m, s in zip(SUMMARY_MODELS, SUMMARY_SCORES,
                                                          strict=True)]
    means = [sum(s[c] for s in SUMMARY_SCORES) / len(SUMMARY_SCORES) for c in range(3)]
    return rows, [f"{v:.1f}" for v in means]


@pytest.mark.parametrize(
    ("label", "face", "bold", "size"),
    [
        ("Average", TRUETYPE / "liberation/LiberationSerif-Regular.ttf",
         TRUETYPE / "liberation/LiberationSerif-Bold.ttf", 13),
        ("Avg.", DEJAVU, TRUETYPE / "dejavu/DejaVuSans-Bold.ttf", 15),
        # a label in no lexicon: its values, the column means, tell it
        ("Pooled", TRUETYPE / "liberation/LiberationSans-Regular.ttf", None, 12),
    ],
)
def test_a_summary_row_is_kept_apart_from_the_model_rows(
    label: str, face: Path, bold: Path | None, size: int, tmp_path: Path
) -> None:
    rows, means = _summary_rows()
    record = read_image(_booktabs(tmp_path / "t.png", face, size, rows, [label, *means], bold))
    assert sorted(_models(record)) == sorted(normalise_model_name(m) for m in SUMMARY_MODELS)
    summaries = [row for t in record.ocr.tables for row in t.summary]
    assert [row[0].text.rstrip(".") for row in summaries] == [label.rstrip(".")]


def _table(names: list[str], values: list[list[float]]) -> Table:
    body = [
        [Cell(row=r, col=0, text=name)]
        + [Cell(row=r, col=c + 1, text=f"{v:.1f}", value=v) for c, v in enumerate(row)]
        for r, (name, row) in enumerate(zip(names, values, strict=True))
    ]
    return Table(box={"x1": 0, "y1": 0, "x2": 1, "y2": 1}, n_rows=len(body) + 1, n_cols=4,
                 body=body, columns=["Model", "MMLU", "GSM8K", "BBH"])


def test_a_model_row_that_sits_last_stays() -> None:
    """The last row is a model's: neither its name nor its values summarise the rows."""
    table = _table(SUMMARY_MODELS, SUMMARY_SCORES)
    move_summary_rows(table)
    assert [row[0].text for row in table.body] == SUMMARY_MODELS
    assert not table.summary
    assert not is_summary_label("Mean-Teacher-7B") and not is_summary_label("Totally")
    assert is_summary_label("平均") and is_summary_label("Average score")


def test_an_average_row_of_a_table_turned_on_its_side_is_a_benchmark() -> None:
    """Benchmarks down the first column, models across: "Average" is each model's average
    score, a row of scores like the others."""
    table = _table(["MMLU", "GSM8K", "BBH", "Average"],
                   [[61.2, 55.4, 68.0], [44.7, 38.9, 51.3], [30.1, 27.5, 35.8],
                    [45.3, 40.6, 51.7]])
    table.columns = ["Benchmark", "Orvik-2-7B", "Tarn-13B", "Qiro-1.5-14B"]
    move_summary_rows(table)
    assert not table.summary and len(table.body) == 4


def test_a_sum_row_under_its_rows_is_a_summary() -> None:
    totals = [round(sum(s[c] for s in SUMMARY_SCORES), 1) for c in range(3)]
    table = _table([*SUMMARY_MODELS, "Σ"], [*SUMMARY_SCORES, totals])
    move_summary_rows(table)
    assert [row[0].text for row in table.summary] == ["Σ"]
    assert len(table.body) == len(SUMMARY_MODELS)


# -- a raised mark whose reading was dropped ----------------------------------------------

def _stix() -> Path | None:
    import matplotlib

    path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "STIXGeneral.ttf"
    return path if path.is_file() else None


@pytest.mark.parametrize("size", [11, 16])
def test_a_mark_whose_reading_ocr_dropped_takes_no_letter(size: int, tmp_path: Path) -> None:
    """"Vexa-Large¹" in a serif PDF face: OCR read "Vexa-Large" and kept the mark's ink in
    the word's box, so the pixels showed a mark the text had not read, and the mark's
    removal cut the name's last letter ("Vexa-Larg")."""
    stix = _stix()
    if stix is None:
        pytest.skip("no STIX font")
    names = ["Lumio-3-Base", "Halden-2-Chat", "Orin-7B", "Vexa-Large", "Tarn-1.5-Base"]
    marks = ["†", "‡", "*", "¹", "†"]
    ss = 3
    u = size * ss
    face = ImageFont.truetype(str(stix), u)
    small = ImageFont.truetype(str(stix), round(u * 0.65))
    width = int(u * 28)
    image = Image.new("L", (width, int(u * (len(names) * 1.4 + 6))), 255)
    draw = ImageDraw.Draw(image)
    xs = [u * 1.5, u * 14, u * 19, u * 24]
    y = u
    draw.line((u, y, width - u, y), fill=0, width=max(2, u // 11))
    for x, text in zip(xs, ["Model", "MMLU", "GSM8K", "BBH"], strict=True):
        draw.text((x, y + 0.4 * u), text, font=face, fill=0)
    y += 1.8 * u
    draw.line((u, y, width - u, y), fill=0, width=max(1, u // 20))
    y += 0.4 * u
    rng = random.Random(1)
    for name, mark in zip(names, marks, strict=True):
        draw.text((xs[0], y), name, font=face, fill=0)
        draw.text((xs[0] + face.getlength(name) + 2, y - 0.22 * u), mark, font=small, fill=0)
        for x in xs[1:]:
            draw.text((x, y), f"{rng.uniform(20, 90):.1f}", font=face, fill=0)
        y += 1.4 * u
    draw.line((u, y, width - u, y), fill=0, width=max(2, u // 11))
    image = image.crop((0, 0, width, int(y + u)))
    path = tmp_path / "marks.png"
    image.resize((width // ss, image.height // ss), Image.LANCZOS).convert("RGB").save(path)
    assert _names(read_image(path)) == names


# -- a name beside a column of coloured status symbols ------------------------------------

STATUS = [("✕", "Deprecated", (217, 48, 37)), ("●", "Released", (24, 128, 56)),
          ("◐", "Preview", (227, 116, 0))]
STATUS_NAMES = ["Halden-3-9B-Instruct", "Halden-3-2B", "Orvik-2-27B-Chat", "Lumio-3-Base",
                "Tarn-7B-Instruct", "Qiro-1.5-14B"]


def _model_card(path: Path, face: Path, size: int) -> Path:
    """A model card's table: a light grid, a status column of coloured symbols and words
    beside the names."""
    font = ImageFont.truetype(str(face), size)
    bold = ImageFont.truetype(str(TRUETYPE / "dejavu/DejaVuSans-Bold.ttf"), size)
    header = ["Model", "Status", "Params", "MMLU", "GSM8K"]
    rows = [
        [name, STATUS[i % 3], f"{[9, 2, 27, 7, 7, 14][i]}B", f"{60 + i * 3.1:.1f}",
         f"{40 + i * 2.7:.1f}"]
        for i, name in enumerate(STATUS_NAMES)
    ]
    pad, pitch = 12, int(size * 2.2)
    widths = [int(max(bold.getlength(header[0]), *(font.getlength(r[0]) for r in rows))) + 2 * pad,
              int(font.getlength("✕ Deprecated")) + 2 * pad, 70, 70, 70]
    image = Image.new("RGB", (sum(widths) + 20, pitch * (len(rows) + 1) + 20), "white")
    draw = ImageDraw.Draw(image)
    grid = (225, 228, 232)
    draw.rectangle((10, 10, 10 + sum(widths), 10 + pitch), fill=(246, 247, 249))
    for r in range(len(rows) + 2):
        draw.line((10, 10 + r * pitch, 10 + sum(widths), 10 + r * pitch), fill=grid)
    x = 10
    for w in [*widths, 0]:
        draw.line((x, 10, x, 10 + pitch * (len(rows) + 1)), fill=grid)
        x += w
    for r, cells in enumerate([header, *rows]):
        x = 10
        top = 10 + r * pitch + (pitch - size) // 2 - 1
        for c, cell in enumerate(cells):
            if isinstance(cell, tuple):
                glyph, word, colour = cell
                draw.text((x + pad, top), glyph, fill=colour, font=font)
                draw.text((x + pad + font.getlength(glyph + " "), top), word, fill=(31, 35, 40),
                          font=font)
            else:
                draw.text((x + pad, top), cell, fill=(31, 35, 40), font=bold if r == 0 else font)
            x += widths[c]
    image.save(path)
    return path


@pytest.mark.parametrize(
    ("face", "size"),
    [(DEJAVU, 15), (TRUETYPE / "open-sans/OpenSans-Regular.ttf", 15)],
)
def test_a_name_beside_coloured_status_symbols_is_read_whole(
    face: Path, size: int, tmp_path: Path
) -> None:
    """The page's reading kept the two ends of "Halden-3-9B-Instruct", surely ("Halde
    struct"), and a larger re-read kept to it: the name's box holds far more ink than
    its text needs, so the second engine reads it whole."""
    if not face.is_file():
        pytest.skip(f"no {face.name}")
    assert _names(read_image(_model_card(tmp_path / "card.png", face, size))) == STATUS_NAMES
