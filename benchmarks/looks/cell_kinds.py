"""Cells of kinds the reader found hard, each in a few styles of its own (issue 10):

- **intervals**: every score printed with its interval, "71.3 ± 0.8" or "71.3±0.8" (the
  score is the number before "±"); a paper-like HTML table in a serif font, a PIL-drawn
  table in a sans font shrunk to a JPEG, a dark notebook-like page;
- **fractions**: experiment-tracker run tables (a "Name" column with a colour dot before
  each run, lower-case column names such as ``mmlu``, ``gsm8k``, ``arc_c``, scores as
  fractions 0.6731 / 0.572, read as printed); light and dark, sometimes a runtime column;
- **ranks**: leaderboards with a "#" column of a rank and its movement ("1 ▲2", "4 –",
  "7 ▼1") left of the model, and a signed change column ("Δ avg": "+1.7", "-0.5") among
  the scores; HTML light and dark, and PIL-drawn.

The truth is what the table prints: the rank column, the dots and the runtimes are no part
of it; a change column is a column of signed scores."""

import json
import random
from pathlib import Path

from browser import Browser
from PIL import Image, ImageDraw, ImageFont

from looks.common import BENCH, MODELS, save_shot
from looks.leaderboard import size_in_name

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
LIBERATION = Path("/usr/share/fonts/truetype/liberation")
SANS_TTF = [DEJAVU / "DejaVuSans.ttf", LIBERATION / "LiberationSans-Regular.ttf"]
SERIF_CSS = ["'DejaVu Serif'", "'Liberation Serif'", "'FreeSerif'"]
SANS_CSS = ["'Open Sans'", "Roboto", "'DejaVu Sans'", "'Liberation Sans'", "'Roboto Condensed'"]
TRACKER_BENCH = ["mmlu", "gsm8k", "arc_c", "hellaswag", "truthfulqa_mc2", "winogrande", "bbh"]
DOTS = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6"]


def _row(model: str, columns: list[str], cells: list[str], mmlu: float | None) -> dict:
    assert len(cells) == len(columns)
    return {"model": model, "params_b": size_in_name(model), "tokens_t": None, "mmlu": mmlu,
            "cells": cells}


def _mmlu(columns: list[str], values: list[float]) -> float | None:
    """The MMLU score of a row whose scores follow the name column."""
    names = [c.lower() for c in columns[1:]]
    return values[names.index("mmlu")] if "mmlu" in names else None


def _html(style: str, body: str) -> str:
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>{style}</style></head>"
            f"<body><div id='shot'>{body}</div></body></html>")


def _web_page(
    rng: random.Random, palette: tuple[str, str, str, str], padding: int, sizes: list[int]
) -> tuple[str, tuple[str, str]]:
    """The page's and the table's style (ink and ground the palette's first two colours, a
    sans font, a size picked from ``sizes``), and the palette's other two colours."""
    fg, bg, *rest = palette
    css = (
        f"body{{margin:0;background:{bg}}}#shot{{display:inline-block;padding:{padding}px;"
        f"background:{bg};color:{fg};font-family:{rng.choice(SANS_CSS)};"
        f"font-size:{rng.choice(sizes)}px}}table{{border-collapse:collapse}}"
    )
    return css, (rest[0], rest[1])


def _table_html(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{h}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _draw_table(rng: random.Random, grid: list[list[str]], dark: bool) -> Image.Image:
    """A plain grid drawn with PIL: a header rule, the first column left-aligned, the
    others right-aligned, rows a little apart."""
    font = ImageFont.truetype(str(rng.choice(SANS_TTF)), rng.choice([15, 17, 20]))
    pad, line = 14, round(font.size * 1.9)
    widths = [max(font.getlength(r[c]) for r in grid) + 2 * pad for c in range(len(grid[0]))]
    fg, bg = ("#e5e7eb", "#111827") if dark else ("#111111", "#ffffff")
    image = Image.new("RGB", (round(sum(widths)) + 20, line * len(grid) + 20), bg)
    draw = ImageDraw.Draw(image)
    for r, cells in enumerate(grid):
        x, y = 10.0, 10 + r * line + (line - font.size) / 2
        for c, text in enumerate(cells):
            w = font.getlength(text)
            at = x + pad if c == 0 else x + widths[c] - pad - w
            draw.text((at, y), text, fill=fg, font=font)
            x += widths[c]
        if r == 0:
            draw.line((10, 10 + line, image.width - 10, 10 + line), fill=fg, width=1)
    return image


def _intervals(rng: random.Random, browser: Browser, variant: int) -> tuple[Image.Image, dict]:
    models = rng.sample(MODELS, rng.randint(4, 8))
    benches = rng.sample(BENCH, rng.randint(3, 5))
    if "MMLU" not in benches and rng.random() < 0.7:
        benches[0] = "MMLU"
    columns = ["Model", *benches]
    spaced = " ± " if variant != 1 else "±"
    rows, grid = [], [columns]
    for model in models:
        values = [round(rng.uniform(18, 89), 1) for _ in benches]
        cells = [model] + [f"{v:.1f}{spaced}{rng.uniform(0.1, 2.9):.1f}" for v in values]
        rows.append(_row(model, columns, cells, _mmlu(columns, values)))
        grid.append(cells)
    if variant == 1:
        image = _draw_table(rng, grid, dark=False)
        width = round(image.width * rng.uniform(0.7, 0.9))
        return image.resize((width, round(image.height * width / image.width))), rows_truth(
            columns, rows)
    dark = variant == 2
    fg, bg = ("#d4d4d4", "#1e1e1e") if dark else ("#000", "#fff")
    font = rng.choice(SERIF_CSS) if not dark else rng.choice(SANS_CSS)
    style = (
        f"body{{margin:0;background:{bg}}}#shot{{display:inline-block;padding:16px;"
        f"background:{bg};color:{fg};font-family:{font};font-size:{rng.choice([14, 15, 17])}px}}"
        f"table{{border-collapse:collapse;border-top:2px solid {fg};border-bottom:2px solid {fg}}}"
        f"th{{border-bottom:1px solid {fg};padding:5px 12px;font-weight:normal}}"
        f"td{{padding:3px 12px;text-align:center}}td:first-child{{text-align:left}}"
    )
    caption = "" if dark else (
        f"<p style='max-width:520px'>Table {rng.randint(1, 9)}: Mean ± standard deviation over "
        f"{rng.choice([3, 5])} seeds.</p>")
    html = _html(style, caption + _table_html(columns, grid[1:]))
    return browser.shoot(html, rng.choice([1.0, 1.5])), rows_truth(columns, rows)


def _fractions(rng: random.Random, browser: Browser, variant: int) -> tuple[Image.Image, dict]:
    models = rng.sample(MODELS, rng.randint(4, 9))
    benches = rng.sample(TRACKER_BENCH, rng.randint(3, 5))
    if "mmlu" not in benches and rng.random() < 0.7:
        benches[0] = "mmlu"
    places = rng.choice([3, 4])
    columns = ["Name", *benches]
    with_runtime = rng.random() < 0.5
    dark = variant == 1
    rows, html_rows = [], []
    for model in models:
        run = model.lower() if rng.random() < 0.5 else model
        values = [round(rng.uniform(0.12, 0.91), places) for _ in benches]
        cells = [run] + [f"{v:.{places}f}" for v in values]
        rows.append(_row(run, columns, cells, _mmlu(columns, values)))
        dot = (f"<span style='display:inline-block;width:9px;height:9px;border-radius:50%;"
               f"margin-right:7px;background:{rng.choice(DOTS)}'></span>")
        runtime = [f"{rng.randint(0, 9)}h {rng.randint(1, 59)}m {rng.randint(1, 59)}s"]
        html_rows.append([dot + run] + (runtime if with_runtime else []) + cells[1:])
    header = ["Name"] + (["Runtime"] if with_runtime else []) + benches
    palette = ("#e8e8e8", "#1a1c1f", "#25282d", "#33373d") if dark else (
        "#1a1a1a", "#fff", "#f6f7f9", "#e6e8eb")
    page, (head, line) = _web_page(rng, palette, 10, [12, 13, 14])
    style = (
        page + f"th{{background:{head};text-align:left;padding:7px 14px;font-weight:600;"
        f"border-bottom:1px solid {line}}}td{{padding:6px 14px;border-bottom:1px solid {line};"
        f"text-align:{rng.choice(['left', 'right'])}}}td:first-child{{text-align:left}}"
    )
    html = _html(style, _table_html(header, html_rows))
    image = browser.shoot(html, rng.choice([1.0, 1.25, 2.0]))
    return image, rows_truth(columns, rows)


def _movement(rng: random.Random) -> tuple[str, str]:
    """A rank's movement as printed, and its colour."""
    step = rng.choice([-3, -2, -1, 0, 0, 1, 2, 4])
    if step > 0:
        return f"▲{step}", "#16a34a"
    if step < 0:
        return f"▼{-step}", "#dc2626"
    return "–", "#9ca3af"


def _ranks(rng: random.Random, browser: Browser, variant: int) -> tuple[Image.Image, dict]:
    models = rng.sample(MODELS, rng.randint(5, 9))
    benches = rng.sample(BENCH, rng.randint(3, 5))
    if "MMLU" not in benches and rng.random() < 0.7:
        benches[0] = "MMLU"
    delta_name = rng.choice(["Δ avg", "Δ Avg", "Δ avg"])
    at = rng.choice([len(benches), 0])  # after the average, or after the last score
    scores = [round(rng.uniform(25, 88), 2) for _ in models]
    scores.sort(reverse=True)
    minus = rng.choice(["-", "−"])
    columns = ["Model", "Average", *benches]
    columns.insert(2 + at, delta_name)
    rows, grid, html_rows = [], [["#", *columns]], []
    for k, (model, average) in enumerate(zip(models, scores, strict=True)):
        values = [round(min(99.0, max(5.0, average + rng.uniform(-12, 12))), 1) for _ in benches]
        change = round(rng.uniform(-3, 3), 1) or 0.4
        signed = f"+{change:.1f}" if change > 0 else f"{minus}{-change:.1f}"
        cells = [model, f"{average:.2f}"] + [f"{v:.1f}" for v in values]
        cells.insert(2 + at, signed)
        rows.append(_row(model, columns, cells, _mmlu(["Model", *benches], values)))
        arrow, colour = _movement(rng)
        grid.append([f"{k + 1} {arrow}", *cells])
        rank = f"{k + 1} <span style='color:{colour};font-size:.85em'>{arrow}</span>"
        cells_html = list(cells)
        change_colour = "#16a34a" if change > 0 else "#dc2626"
        cells_html[2 + at] = f"<span style='color:{change_colour}'>{signed}</span>"
        html_rows.append([rank, *cells_html])
    if variant == 2:
        image = _draw_table(rng, grid, dark=rng.random() < 0.5)
        return image, rows_truth(columns, rows)
    dark = variant == 1
    palette = ("#e5e7eb", "#0f172a", "#1e293b", "#334155") if dark else (
        "#111827", "#fff", "#f8fafc", "#e5e7eb")
    page, (stripe, line) = _web_page(rng, palette, 12, [13, 14, 15])
    style = (
        page + f"th{{text-align:left;padding:7px 10px;border-bottom:2px solid {line}}}"
        f"td{{padding:6px 10px;border-bottom:1px solid {line}}}"
        f"tr:nth-child(even) td{{background:{stripe}}}"
    )
    html = _html(style, _table_html(grid[0], html_rows))
    return browser.shoot(html, rng.choice([1.0, 1.25])), rows_truth(columns, rows)


def rows_truth(columns: list[str], rows: list[dict]) -> dict:
    return {"columns": columns, "settings": [None] * len(columns), "rows": rows}


KINDS = {"intervals": _intervals, "fractions": _fractions, "ranks": _ranks}


def generate(out: Path, count: int, seed: int) -> dict:
    """``count`` images of each kind, the styles of a kind in turn."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    browser = Browser((1400, 1000))
    try:
        for i in range(count):
            for kind, draw in KINDS.items():
                image, table = draw(rng, browser, i % 3)
                name = save_shot(image, out, f"{kind}_{i:03d}", rng, 0.35)
                truth[name] = {**table, "style": f"cell_kinds_{kind}"}
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
