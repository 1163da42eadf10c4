"""The pieces every look of ``blind13_tables.py`` shares: a printed table (headers, cells
and the truth they make), its HTML, and the finishing steps of a screenshot."""

from __future__ import annotations

import html
import random
from dataclasses import dataclass, field

from blind13_data import (
    Model,
    benchmark_headers,
    fill_scores,
    name_size,
    pick_models,
    score_text,
    truth_row,
)
from browser import Browser
from PIL import Image


@dataclass
class Printed:
    """A table as the image prints it: ``columns`` (the model column first) and one list of
    cell texts per model row, plus the models behind them."""

    columns: list[str]
    cells: list[list[str]]
    models: list[Model]
    benches: list[str] = field(default_factory=list)

    def truth_rows(self) -> list[dict]:
        return [truth_row(self.columns, row, row[0], name_size(row[0])) for row in self.cells]

    def best(self, column: int, rank: int) -> int | None:
        """The row holding the ``rank``-th highest number of a column (0 = best), or None."""
        values = []
        for i, row in enumerate(self.cells):
            try:
                values.append((float(row[column]), i))
            except ValueError:
                continue
        values.sort(reverse=True)
        return values[rank][1] if len(values) > rank else None


def printed_table(
    rng: random.Random,
    rows: tuple[int, int],
    benches: tuple[int, int],
    *,
    params: str | None = None,
    tokens: str | None = None,
    settings: bool = False,
    with_mmlu: bool = True,
    model_header: str = "Model",
    missing: float = 0.0,
    digits: int = 1,
    unit_space: bool = False,
) -> Printed:
    """A table of invented models. ``params`` / ``tokens`` name their columns' headers (None:
    no such column); the cells print sizes as "7B", "7 B" or a bare number by the header."""
    models = pick_models(rng, rng.randint(*rows), with_size=params is None or rng.random() < 0.5)
    picked = benchmark_headers(rng, rng.randint(*benches), with_mmlu, settings)
    fill_scores(rng, models, picked, digits, missing)
    columns = [model_header]
    if params:
        columns.append(params)
    if tokens:
        columns.append(tokens)
    columns += [name for name, _, _ in picked]
    space = " " if unit_space else ""
    cells = []
    for m in models:
        row = [m.name]
        if params:
            row.append(f"{m.size:g}" if "(B)" in params else f"{m.size:g}{space}B")
        if tokens:
            row.append(f"{m.tokens:g}" if "(T)" in tokens else f"{m.tokens:g}{space}T")
        row += [score_text(v, digits) for v in m.scores]
        cells.append(row)
    return Printed(columns, cells, models, [name for name, _, _ in picked])


def esc(text: str) -> str:
    return html.escape(text)


def table_html(
    printed: Printed,
    *,
    cell: object = None,
    header_extra: str = "",
    before_row: dict[int, str] | None = None,
    after: str = "",
    align_numbers: str = "right",
    numbered: str | None = None,
) -> str:
    """The table as HTML: ``cell(row, column, text) -> inner html`` dresses a cell (bold,
    underline), ``header_extra`` is a row printed above the headers (a group title),
    ``before_row`` a line printed before a body row (a section line), ``after`` rows after
    the body (an average row); ``numbered`` heads a first column of row numbers (no column
    of the truth)."""
    head = "".join(
        f"<th style='text-align:{'left' if i == 0 else align_numbers}'>{esc(c)}</th>"
        for i, c in enumerate(printed.columns)
    )
    if numbered is not None:
        head = f"<th class=num>{esc(numbered)}</th>" + head
    body = []
    for r, row in enumerate(printed.cells):
        if before_row and r in before_row:
            body.append(before_row[r])
        tds = []
        for c, text in enumerate(row):
            inner = cell(r, c, text) if callable(cell) else esc(text)
            align = "left" if c == 0 else align_numbers
            tds.append(f"<td style='text-align:{align}'>{inner}</td>")
        if numbered is not None:
            tds.insert(0, f"<td class=num>{r + 1}</td>")
        body.append("<tr>" + "".join(tds) + "</tr>")
    return (f"<table><thead>{header_extra}<tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}{after}</tbody></table>")


def page(css: str, body: str, width: int) -> str:
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>"
            f"html,body{{margin:0;padding:0}} th,td{{white-space:nowrap}}"
            f"#shot{{width:{width}px;display:inline-block}}"
            f"{css}</style></head><body><div id='shot'>{body}</div></body></html>")


SHOT_WIDTH = "() => document.querySelector('#shot').scrollWidth"


def shoot(browser: Browser, css: str, body: str, width: int, scale: float) -> Image.Image:
    """The page at ``width`` CSS pixels, widened where its content would spill out of the
    shot (a spilled table would lose columns the truth holds)."""
    image = browser.shoot(page(css, body, width), scale)
    needed = browser.evaluate(SHOT_WIDTH, scale)
    if needed > width:
        image = browser.shoot(page(css, body, needed + 12), scale)
    return image
