"""Scores with a data bar behind each number, as spreadsheets and report tools draw them
(issue 11, databars): a coloured bar from the cell's left edge, its length in proportion
to the value, the number printed over it or right-aligned just past it.

- **Excel**, solid and gradient fills (the gradient fading to white, a border in the bar's
  hue), gridlines, Calibri's metric twin, the number right-aligned over the bar;
- **Power BI** report tables: no rules, a light header, a title over the visual, the
  number right-aligned (over the bar or past its longest end), light and dark themes;
- **Google Sheets**-like grids: Arial's twin, a grey header, bars inset in the cell;
- **PIL**-drawn sheets shrunk as a pasted screenshot is.

One hue per column or one for all, pale or saturated; about a third saved as JPEG. The
truth is each cell as printed: the bar is no part of a cell."""

import random
from pathlib import Path

from browser import Browser
from PIL import Image, ImageDraw, ImageFont

from looks.common import BENCH, MODELS, look_run, save_shot, size_of
from looks.leaderboard import size_in_name
from looks.spreadsheet import _value_text

SATURATED = ["#638ec6", "#63be7b", "#ff555a", "#ffb628", "#008aef", "#d6007b", "#5b9bd5",
             "#2e86c1"]
PALE = ["#c6dbef", "#c7e9c0", "#fcc5c0", "#fde0b2", "#d4c4ec", "#bde3f2", "#dbe8c5"]
SANS_CSS = ["'Open Sans'", "Roboto", "'DejaVu Sans'", "'Liberation Sans'", "'Carlito'"]
_DIR = "/usr/share/fonts/truetype"
TTF = [
    (f"{_DIR}/liberation/LiberationSans-Regular.ttf", f"{_DIR}/liberation/LiberationSans-Bold.ttf"),
    (f"{_DIR}/dejavu/DejaVuSans.ttf", f"{_DIR}/dejavu/DejaVuSans-Bold.ttf"),
    (f"{_DIR}/open-sans/OpenSans-Regular.ttf", f"{_DIR}/open-sans/OpenSans-Bold.ttf"),
]
TITLES = ["Model scores", "Benchmark overview", "LLM evaluation", "Results by benchmark"]


def _table(rng: random.Random) -> tuple[list[str], list[list[str]], list[list[float]], dict]:
    """Header, cells as printed, each score column's bar lengths (shares of the cell) and
    truth."""
    models = rng.sample(MODELS, rng.randint(4, 9))
    benches = rng.sample(BENCH, rng.randint(2, 5))
    if "MMLU" not in benches and rng.random() < 0.6:
        benches[0] = "MMLU"
    sized = rng.random() < 0.3
    columns = ["Model"] + (["Params (B)"] if sized else []) + benches
    form = rng.choice(["one", "one", "two", "percent"])
    values = [[round(rng.uniform(15, 92), 2) for _ in models] for _ in benches]
    scale = rng.choice(["largest", "largest", "hundred", "lowest"])
    cells, rows = [], []
    for r, model in enumerate(models):
        size = size_of(model)
        printed = [_value_text(values[b][r], form) for b in range(len(benches))]
        row = [model] + ([f"{size:g}" if size else ""] if sized else []) + printed
        mmlu = float(printed[benches.index("MMLU")].rstrip("%")) if "MMLU" in benches else None
        cells.append(row)
        # without a size column, the size is the one the name states ("8x7B" is 56)
        params = size if sized else size_in_name(model)
        rows.append({"model": model, "params_b": params, "tokens_t": None, "mmlu": mmlu,
                     "cells": row})
    truth = {"columns": columns, "settings": [None] * len(columns), "rows": rows}
    return columns, cells, [_shares(v, scale) for v in values], truth


def _hues(rng: random.Random, count: int, pale: bool) -> list[str]:
    palette = PALE if pale else SATURATED
    return rng.sample(palette, count) if rng.random() < 0.5 else [rng.choice(palette)] * count


def _shares(values: list[float], scale: str) -> list[float]:
    """Each bar's length as a share of the cell: in proportion to the value (against the
    column's largest, or against 100), or from the column's lowest value with a stub kept,
    as Excel's automatic minimum draws them."""
    low, high = min(values), max(values)
    if scale == "lowest":
        return [0.1 + 0.9 * (v - low) / (high - low or 1) for v in values]
    top = 100.0 if scale == "hundred" else high
    return [v / top for v in values]


def _bar_css(colour: str, gradient: bool, border: bool) -> str:
    fill = f"linear-gradient(90deg,{colour},{colour}22)" if gradient else colour
    return f"background:{fill};" + (f"border:1px solid {colour};" if border else "")


def _page(
    rng: random.Random, browser: Browser, variant: str, dark: bool
) -> tuple[Image.Image, dict]:
    columns, cells, values, truth = _table(rng)
    first_score = len(columns) - len(values)
    # light type on a pale bar is unreadable: a dark report's bars are saturated
    hues = _hues(rng, len(values), pale=not dark and rng.random() < 0.5)
    gradient = variant == "excel_gradient" or (variant == "powerbi" and rng.random() < 0.3)
    past = variant in ("powerbi", "sheets") and rng.random() < 0.5  # the number past the bar's end
    fg, bg, line, head_fg, head_bg = (
        ("#f3f4f6", "#1f1f1f", "#3a3a3a", "#c8c8c8", "#1f1f1f") if dark else
        ("#111111", "#ffffff", "#d4d4d4", "#555555", "#ffffff"))
    if variant == "sheets":
        head_bg, head_fg = "#f3f3f3", "#222222"
    ruled = variant in ("excel_solid", "excel_gradient", "sheets")
    inset = 2 if variant.startswith("excel") else rng.choice([1, 3])
    font = {"sheets": "'Liberation Sans'", "excel_solid": "'Carlito','Liberation Sans'",
            "excel_gradient": "'Carlito','Liberation Sans'"}.get(variant, rng.choice(SANS_CSS))
    font += ",sans-serif"
    # past the bar: the longest bar stops short of the widest number
    room = f"(100% - {2 * inset}px - 4.5em)" if past else f"(100% - {2 * inset}px)"
    size = rng.choice([13, 14, 15, 16])
    border = f"1px solid {line}" if ruled else "none"
    style = (
        f"body{{margin:0;background:{bg}}}#shot{{display:inline-block;padding:16px;"
        f"background:{bg};color:{fg};font-family:{font};font-size:{size}px}}"
        f"h3{{margin:0 0 10px;font-weight:600;font-size:{size + 3}px}}"
        f"table{{border-collapse:collapse}}"
        f"th{{padding:6px 10px;text-align:left;color:{head_fg};background:{head_bg};"
        f"font-weight:{600 if variant != 'powerbi' else 500};border:{border};"
        + (f"border-bottom:1px solid {line};" if not ruled else "") + "}"
        f"td{{padding:5px 10px;border:{border};position:relative;"
        f"min-width:{size * (8 if past else 5)}px;"
        f"white-space:nowrap}}"
        f".v{{text-align:right}}.v span{{position:relative}}"
        f".bar{{position:absolute;left:{inset}px;top:{inset}px;bottom:{inset}px}}"
    )
    body = []
    for r, row in enumerate(cells):
        tds = []
        for c, text in enumerate(row):
            if c < first_score:
                tds.append(f"<td>{text}</td>")
                continue
            share = values[c - first_score][r]
            bar = (f"<div class='bar' style='width:calc({room} * {share:.3f});"
                   f"{_bar_css(hues[c - first_score], gradient, variant == 'excel_gradient')}'>"
                   "</div>")
            tds.append(f"<td class='v'>{bar}<span>{text}</span></td>")
        body.append("<tr>" + "".join(tds) + "</tr>")
    head = "".join(f"<th>{h}</th>" for h in columns)
    title = f"<h3>{rng.choice(TITLES)}</h3>" if variant == "powerbi" and rng.random() < 0.6 else ""
    page = (f"<!doctype html><html><head><meta charset='utf-8'><style>{style}</style></head>"
            f"<body><div id='shot'>{title}<table><thead><tr>{head}</tr></thead><tbody>"
            f"{''.join(body)}</tbody></table></div></body></html>")
    return browser.shoot(page, rng.choice([1.0, 1.25, 1.5])), truth


def _gradient_bar(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int],
                  colour: tuple[int, int, int]) -> None:
    """Excel's gradient bar: the hue at the left fading towards white, a border in the
    hue."""
    left, top, right, bottom = box
    for x in range(left, right + 1):
        t = 0.85 * (x - left) / max(1, right - left)
        shade = tuple(round(c + (255 - c) * t) for c in colour)
        draw.line((x, top, x, bottom), fill=shade)
    draw.rectangle(box, outline=colour)


def _drawn(rng: random.Random) -> tuple[Image.Image, dict]:
    """A spreadsheet's cells drawn with PIL: gridlines, bars in each score cell, the
    number right-aligned over its bar, shrunk as a pasted screenshot."""
    columns, cells, values, truth = _table(rng)
    first_score = len(columns) - len(values)
    regular, bold = rng.choice(TTF)
    size = rng.choice([14, 15, 17, 19])
    face, head_face = ImageFont.truetype(regular, size), ImageFont.truetype(bold, size)
    hexes = _hues(rng, len(values), pale=rng.random() < 0.5)
    hues = [tuple(int(h[i:i + 2], 16) for i in (1, 3, 5)) for h in hexes]
    gradient = rng.random() < 0.5
    pad, pitch = 8, round(size * 1.7)
    grid = [columns, *cells]
    # a score column is wider than its numbers: room for the bars to differ
    widths = [round(max(face.getlength(r[c]) for r in grid) + 2 * pad
                    + (size * 3 if c >= first_score else 0)) for c in range(len(columns))]
    image = Image.new("RGB", (sum(widths) + 21, pitch * len(grid) + 21), "white")
    draw = ImageDraw.Draw(image)
    for r, row in enumerate(grid):
        x, top = 10, 10 + r * pitch
        for c, text in enumerate(row):
            font = head_face if r == 0 else face
            right = x + widths[c]
            if r and c >= first_score:
                share = values[c - first_score][r - 1]
                box = (x + 2, top + 2, x + 2 + round((widths[c] - 4) * share), top + pitch - 3)
                if gradient:
                    _gradient_bar(draw, box, hues[c - first_score])
                else:
                    draw.rectangle(box, fill=hues[c - first_score])
            at = right - pad - font.getlength(text) if r and c >= first_score else x + pad
            draw.text((at, top + (pitch - size) / 2 - 1), text, fill="#111", font=font)
            x = right
    grey = (212, 212, 212)
    for r in range(len(grid) + 1):
        draw.line((10, 10 + r * pitch, 10 + sum(widths), 10 + r * pitch), fill=grey)
    x = 10
    for w in [0, *widths]:
        x += w
        draw.line((x, 10, x, 10 + pitch * len(grid)), fill=grey)
    width = round(image.width * rng.uniform(0.8, 1.0))
    return image.resize((width, round(image.height * width / image.width)), Image.LANCZOS), truth


VARIANTS = ["excel_solid", "excel_gradient", "powerbi", "powerbi_dark", "sheets", "drawn"]


def generate(out: Path, count: int, seed: int) -> dict:
    """``count`` images, the variants in turn."""
    with look_run(out, seed, (1400, 1000)) as (rng, browser, truth):
        for i in range(count):
            variant = VARIANTS[i % len(VARIANTS)]
            if variant == "drawn":
                image, table = _drawn(rng)
            else:
                dark = variant == "powerbi_dark"
                image, table = _page(rng, browser, variant.removesuffix("_dark"), dark)
            name = save_shot(image, out, f"databars_{i:03d}", rng, 0.3)
            truth[name] = {**table, "style": f"databars_{variant}"}
    return truth
