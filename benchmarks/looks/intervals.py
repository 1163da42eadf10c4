"""Cells that print more than one number: a score with its uncertainty or its counts, in the
notations `cell_kinds` lacks (it draws "71.3 ± 0.8" and "71.3±0.8" only):

- "45.2 (±1.3)", the spread in brackets;
- "45.2 ±1.3" with the spread in a smaller, grey font, or as a subscript or superscript;
- confidence intervals "45.2 [43.9, 46.5]" and "45.2 (43.9–46.5)";
- percents "45.2%" and "45.2 ± 1.3%";
- counts "17/20" and "85% (17/20)";
- fractions "0.452 ± 0.013" where other tables print 45.2.

HTML in Chromium (serif paper tables, sans web tables, light and dark) and PIL-drawn tables
(shrunk, some JPEG), several fonts and sizes. A size column ("7B", "13") and a tokens column
("2T") sometimes stand before the scores: their numbers keep their meaning.

The truth is the cell's main number as printed (the first): the spread, the interval and
the count are no column of their own."""

import random
import re
from pathlib import Path

from browser import Browser
from PIL import Image, ImageDraw, ImageFont

from looks.common import BENCH, MODELS, look_run, save_shot, size_of, table_page
from looks.leaderboard import size_in_name

SERIF_CSS = ["'DejaVu Serif'", "'Liberation Serif'", "'FreeSerif'"]
SANS_CSS = ["'Open Sans'", "Roboto", "'DejaVu Sans'", "'Liberation Sans'", "'FreeSans'"]
SANS_TTF = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
]
TOKENS = ["1T", "1.4T", "2T", "2.6T", "3T", "7T"]


def _spread(rng: random.Random, scale: float) -> float:
    return rng.uniform(0.1, 2.9) * scale


def _cell(rng: random.Random, notation: str, value: float, places: int) -> tuple[str, str]:
    """The cell's HTML and its main number as printed, in ``notation``."""
    main = f"{value:.{places}f}"
    scale = 1.0 if value > 1 else 0.01
    spread = f"{_spread(rng, scale):.{places}f}"
    low, high = (f"{value - _spread(rng, scale):.{places}f}",
                 f"{value + _spread(rng, scale):.{places}f}")
    forms = {
        "bracketed": f"{main} (±{spread})",
        "small": f"{main} <span style='font-size:.72em;color:#888'>±{spread}</span>",
        "sub": f"{main}<sub>±{spread}</sub>",
        "sup": f"{main}<sup style='font-size:.7em'>±{spread}</sup>",
        "ci_square": f"{main} [{low}, {high}]",
        "ci_round": f"{main} ({low}–{high})",
        "percent": f"{main}%",
        "percent_spread": f"{main} ± {spread}%",
    }
    return forms[notation], f"{main}%" if notation == "percent" else main


def _count_cell(rng: random.Random, with_percent: bool) -> tuple[str, str]:
    """A count "17/20", or its percent with the count after it: "85% (17/20)"."""
    total = rng.choice([20, 40, 50, 164, 500])
    right = rng.randint(total // 5, total)
    if not with_percent:
        return f"{right}/{total}", str(right)
    percent = f"{100 * right / total:.1f}%" if total not in (20, 50) else f"{100 * right // total}%"
    return f"{percent} ({right}/{total})", percent


def _truth_row(model: str, columns: list[str], cells: list[str], params: float | None,
               tokens: float | None) -> dict:
    mmlu = float(cells[columns.index("MMLU")].rstrip("%")) if "MMLU" in columns else None
    return {"model": model, "params_b": params, "tokens_t": tokens, "mmlu": mmlu, "cells": cells}


# variant -> (notations to draw from, decimals, drawn with PIL)
VARIANTS = [
    (["bracketed"], 1, False),
    (["small"], 1, False),
    (["sub", "sup"], 1, False),
    (["ci_square"], 1, True),
    (["ci_round"], 1, False),
    (["percent", "percent_spread"], 1, False),
    (["counts", "counts_percent"], 0, False),
    (["bracketed", "small"], 3, True),
]


def _table(rng: random.Random, variant: int) -> tuple[list[str], list[list[str]], dict]:
    """Header, HTML cells and truth of one table in ``variant``'s notation."""
    notations, places, _ = VARIANTS[variant]
    notation = rng.choice(notations)
    models = rng.sample(MODELS, rng.randint(4, 8))
    benches = rng.sample(BENCH, rng.randint(3, 5))
    if "MMLU" not in benches and rng.random() < 0.7:
        benches[0] = "MMLU"
    quantities = []
    if rng.random() < 0.4:
        quantities.append(rng.choice(["Params", "Size", "#Params (B)"]))
    if rng.random() < 0.25:
        quantities.append("Tokens")
    header = ["Model", *quantities, *benches]
    truth_columns = list(header)
    html_rows, truth_rows = [], []
    sized = any(name != "Tokens" for name in quantities)
    for model in models:
        # a size column prints the mixture's total; a name alone states 8 x 7
        params = size_of(model) if sized else size_in_name(model)
        cells = [model]
        shown = [model]
        tokens = None
        for name in quantities:
            if name == "Tokens":
                text = rng.choice(TOKENS)
                tokens = float(text.rstrip("T"))
            elif params is None:
                text = "–"
            else:
                text = f"{params:g}" if name.endswith("(B)") else f"{params:g}B"
            cells.append(text)
            shown.append(text)
        for _ in benches:
            if notation.startswith("counts"):
                html, main = _count_cell(rng, notation == "counts_percent")
            else:
                value = rng.uniform(18, 89) / (100 if places == 3 else 1)
                html, main = _cell(rng, notation, value, places)
            shown.append(html)
            cells.append(main)
        html_rows.append(shown)
        truth_rows.append(_truth_row(model, truth_columns, cells, params, tokens))
    truth = {"columns": truth_columns, "settings": [None] * len(truth_columns),
             "rows": truth_rows}
    return header, html_rows, truth


def _html_table(rng: random.Random, browser: Browser, header: list[str],
                rows: list[list[str]]) -> Image.Image:
    dark = rng.random() < 0.3
    paper = not dark and rng.random() < 0.5
    fg, bg = ("#d4d4d4", "#1e1e1e") if dark else ("#111", "#fff")
    font = rng.choice(SERIF_CSS) if paper else rng.choice(SANS_CSS)
    if paper:
        rules = (f"table{{border-collapse:collapse;border-top:2px solid {fg};"
                 f"border-bottom:2px solid {fg}}}th{{border-bottom:1px solid {fg}}}")
    else:
        line = "#444" if dark else "#ddd"
        rules = (f"table{{border-collapse:collapse}}th{{border-bottom:2px solid {line};"
                 f"text-align:left}}td{{border-bottom:1px solid {line}}}")
    align = rng.choice(["center", "right", "left"])
    style = (
        f"body{{margin:0;background:{bg}}}#shot{{display:inline-block;padding:16px;"
        f"background:{bg};color:{fg};font-family:{font};font-size:{rng.choice([13, 14, 16])}px}}"
        f"{rules}th{{padding:5px 12px;font-weight:{rng.choice(['normal', '600'])}}}"
        f"td{{padding:4px 12px;text-align:{align}}}td:first-child{{text-align:left}}"
    )
    return browser.shoot(table_page(style, header, rows), rng.choice([1.0, 1.25, 1.5]))


def _plain(html: str) -> str:
    """A cell's text without its markup (PIL draws the spread in the main font)."""
    return re.sub(r"<[^>]+>", "", html)


def _pil_table(rng: random.Random, header: list[str], rows: list[list[str]]) -> Image.Image:
    """A plain grid drawn with PIL: rules under the header and at the foot, numbers set
    right, then shrunk as a screenshot pasted into a chat would be."""
    font = ImageFont.truetype(rng.choice(SANS_TTF), rng.choice([15, 17, 19]))
    grid = [header] + [[_plain(c) for c in r] for r in rows]
    pad, line = 12, round(font.size * 1.8)
    widths = [max(font.getlength(r[c]) for r in grid) + 2 * pad for c in range(len(header))]
    image = Image.new("RGB", (round(sum(widths)) + 24, line * len(grid) + 24), "white")
    draw = ImageDraw.Draw(image)
    for r, cells in enumerate(grid):
        x, y = 12.0, 12 + r * line + (line - font.size) / 2
        for c, text in enumerate(cells):
            w = font.getlength(text)
            draw.text((x + pad if c == 0 else x + widths[c] - pad - w, y), text, fill="#111",
                      font=font)
            x += widths[c]
    for y in (12, 12 + line, 12 + line * len(grid)):
        draw.line((12, y, image.width - 12, y), fill="#111", width=1)
    width = round(image.width * rng.uniform(0.75, 0.95))
    return image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)


def generate(out: Path, count: int, seed: int) -> dict:
    """``count`` images, the variants in turn."""
    with look_run(out, seed, (1400, 1000)) as (rng, browser, truth):
        for i in range(count):
            variant = i % len(VARIANTS)
            header, rows, table = _table(rng, variant)
            if VARIANTS[variant][2]:
                image = _pil_table(rng, header, rows)
            else:
                image = _html_table(rng, browser, header, rows)
            name = save_shot(image, out, f"spread_cells_{i:03d}", rng, 0.3)
            truth[name] = {**table, "style": f"intervals_{variant}"}
    return truth
