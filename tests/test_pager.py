"""A web data table's pager under its rows ("Showing 1 to 4 of 15 entries", page buttons
"Previous 1 2 3 4 5 Next") is no row (``imgread/tables/pager.py``): DataTables-like pages
drawn in Chromium, in English and Spanish, read end to end through real Tesseract; the
rule's guard on lines placed by hand."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from imgread.ocr.phrase import Phrase
from imgread.pipeline import read_image
from imgread.record import Box, Word
from imgread.tables.lines import TextLine
from imgread.tables.pager import is_pager_line

MODELS = ["Llama-2-7B", "Phi-2", "MPT-30B", "Mistral-7B", "Qwen-14B"]
SCORES = [["76.1", "86.9", "62.39", "81.3"], ["34.8", "32.5", "40.46", "36.95"],
          ["70.1", "32.14", "41.9", "59.80"], ["56.25", "25.5", "57.0", "52.17"],
          ["61.2", "44.0", "58.3", "70.4"]]
WORDS = {
    "en": ("Show", "entries", "Search:", "Showing 1 to {b} of 15 entries", "Previous", "Next"),
    "es": ("Mostrar", "registros", "Buscar:", "Mostrando 1 a {b} de 72 registros", "Anterior",
           "Siguiente"),
}


def _page(language: str, rows: int, rank: bool) -> str:
    show, entries, search, showing, previous, following = WORDS[language]
    head = ("<th>Rank</th>" if rank else "") + "".join(
        f"<th>{name}</th>" for name in ["Model", "MMLU", "HumanEval", "BBH (3-shot)", "MATH"])
    body = "".join(
        "<tr>" + (f"<td>{r + 1}</td>" if rank else "") + f"<td>{MODELS[r]}</td>"
        + "".join(f"<td>{value}</td>" for value in SCORES[r]) + "</tr>" for r in range(rows))
    buttons = "".join(f"<span class='b'>{label}</span>"
                      for label in [previous, "1", "2", "3", "4", "5", following])
    style = ("body{margin:0;font-family:'DejaVu Sans';font-size:15px}"
             "#shot{width:900px;padding:16px;background:white}"
             "table{border-collapse:collapse;width:100%} th{text-align:left;padding:8px 10px;"
             "border-bottom:2px solid #333} td{padding:8px 10px;border-top:1px solid #ddd}"
             "tbody tr:nth-child(odd) td{background:#f2f2f2} .row{display:flex;"
             "justify-content:space-between;margin:10px 0}"
             ".b{display:inline-block;padding:4px 10px;margin-left:3px;border:1px solid #ccc}")
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>{style}</style></head>"
            f"<body><div id='shot'><div class='row'><span>{show} <span class='b'>{rows} ▾"
            f"</span> {entries}</span><span>{search} <span class='b' style='width:140px'>"
            f"&nbsp;</span></span></div><table><thead><tr>{head}</tr></thead><tbody>{body}"
            f"</tbody></table><div class='row'><span>{showing.format(b=rows)}</span>"
            f"<span>{buttons}</span></div></div></body></html>")


@pytest.mark.parametrize(("language", "rows", "rank"), [("en", 4, False), ("es", 5, True)])
def test_a_pager_under_a_data_table_is_no_row(
    tmp_path: Path, language: str, rows: int, rank: bool
) -> None:
    """Its sentence and buttons stood where the columns are: the pager was taken for a row
    and its buttons for columns, and every row then held too few values (no table)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from browser import CHROMIUM, Browser

    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed")
    browser = Browser((1000, 700))
    try:
        image = browser.shoot(_page(language, rows, rank), 1.0)
    finally:
        browser.close()
    path = tmp_path / "datatable.png"
    image.save(path)
    tables = read_image(path).ocr.tables
    assert tables, "no table read"
    table = max(tables, key=lambda found: found.n_rows)
    names = [cell.text for row in table.body for cell in row if cell.text in MODELS]
    assert names == MODELS[:rows]
    assert table.n_rows == rows


def _line(pieces: list[tuple[str, int]]) -> TextLine:
    chunks = []
    for text, x in pieces:
        box = Box(x1=x, y1=0, x2=x + 9 * len(text), y2=16)
        words = [Word(text=t, confidence=90, box=box) for t in text.split()]
        chunks.append(Phrase(words=words, box=box, text=text))
    return TextLine(chunks=chunks, box=chunks[0].box.union(chunks[-1].box))


def test_a_row_of_ranks_one_a_column_is_no_pager() -> None:
    """"1 2 3" one a column is a row of ranks, packed far closer page buttons; a sentence
    of words and counts across the columns is a pager, scores set close are not."""
    rows = [_line([("Yi-34B", 10), ("3", 300), ("1", 500), ("2", 700)]),
            _line([("Qwen-14B", 10), ("2", 300), ("3", 500), ("1", 700)])]
    ranks = _line([("Phi-2", 10), ("1", 300), ("2", 500), ("3", 700)])
    buttons = _line([("Previous", 430), ("1", 530), ("2", 570), ("3", 610), ("Next", 650)])
    # a row of scores set close (a photo's tight columns) is no counting sentence
    packed = _line([("Skywork-13B 55", 10), ("73.82 72.48 54.39", 300), ("60.34", 700)])
    sentence = _line([("Showing 1 to 4 of 15 entries", 50)])
    specks = _line([("Vicuna-13B", 10), ("83", 300), ("17", 500), ("c (0)", 690), ("2 c", 730)])
    assert not is_pager_line(ranks, rows)
    assert not is_pager_line(packed, rows)
    assert not is_pager_line(specks, rows)
    assert is_pager_line(buttons, rows)
    assert is_pager_line(sentence, rows)
