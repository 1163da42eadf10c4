"""Columns of intervals, changes and signed numbers (issue 11, signed):

- **arena boards**: a rank column (ties share a rank), the model, an "Elo" column and its
  interval in a column of its own ("+5/-4", "+12 / -9", "(-3, +5)", "±6"), sometimes a
  "Votes" column of counts with thousands separators ("12,345") and an organisation;
- **model cards with a change column** ("Δ vs base", "Δ", "change", "diff"): "+1.2",
  "−0.8" (a real minus sign, U+2212) or "-0.8", "▲1.2" / "▼0.4", "(+3.1)", "↑1.2", often
  green or red, the base row's change "–";
- **a score and its change in one cell**: "71.2 (+2.1)", the change small and coloured.

Chromium (light and dark, several sans and serif fonts, device pixel ratios 1 to 1.5),
PIL (thin and regular fonts, shrunk, some JPEG) and matplotlib tables.

The truth is each cell as printed: a rank column is no part of it (as in ``cell_kinds``);
an interval "+5/-4" holds two numbers and scores nothing, "±6" scores 6; a change scores
its number with the sign printed ("−0.8" is -0.8, "▼0.4" is 0.4); "71.2 (+2.1)" scores
71.2."""

import io
import random
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from browser import Browser
from PIL import Image, ImageDraw, ImageFont

from looks.common import BENCH, MODELS, look_run, save_shot, table_page
from looks.leaderboard import size_in_name

SANS_CSS = ["'Open Sans'", "Roboto", "'DejaVu Sans'", "'Liberation Sans'", "'FreeSans'"]
SERIF_CSS = ["'DejaVu Serif'", "'Liberation Serif'", "'FreeSerif'"]
THIN_CSS = ["'Open Sans'", "Roboto", "'Roboto Condensed'"]
TTF = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-ExtraLight.ttf",
]
ORGS = ["Meta", "Mistral", "Alibaba", "Zhipu", "TII", "Google", "Microsoft", "Allen AI", "DeepSeek"]
MINUS = "\u2212"
GREEN, RED, GREY = "#16a34a", "#dc2626", "#9ca3af"


def _row(model: str, columns: list[str], cells: list[str]) -> dict:
    mmlu = cells[columns.index("MMLU")] if "MMLU" in columns else None
    return {"model": model, "params_b": size_in_name(model), "tokens_t": None,
            "mmlu": float(mmlu.split()[0]) if mmlu else None, "cells": cells}


def _interval(rng: random.Random, form: str) -> str:
    up, down = rng.randint(2, 15), rng.randint(2, 15)
    return {
        "slash": f"+{up}/-{down}",
        "spaced": f"+{up} / -{down}",
        "pair": f"(-{down}, +{up})",
        "pm": f"±{up}",
    }[form]


def _arena(rng: random.Random, form: str) -> tuple[list[str], list[list[str]], dict]:
    """Header (with the rank), cells (with the rank) and truth (without it) of a board."""
    models = rng.sample(MODELS, rng.randint(5, 9))
    elo_name = rng.choice(["Elo", "Arena Elo", "Arena Score", "Rating"])
    ci_name = rng.choice(["95% CI", "CI", "95% CI (±)"])
    votes = rng.random() < 0.7
    org = rng.random() < 0.4
    columns = ["Model", elo_name, ci_name] + (["Votes"] if votes else []) + (
        ["Organization"] if org else [])
    elos = sorted((rng.randint(1000, 1300) for _ in models), reverse=True)
    cells, rows, rank = [], [], 0
    for k, (model, elo) in enumerate(zip(models, elos, strict=True)):
        # a tie shares the rank above it
        rank = rank if k and rng.random() < 0.2 else k + 1
        row = [model, str(elo), _interval(rng, form)]
        if votes:
            row.append(f"{rng.randint(1200, 98000):,}")
        if org:
            row.append(rng.choice(ORGS))
        cells.append([str(rank), *row])
        rows.append(_row(model, columns, row))
    header = [rng.choice(["Rank", "#", "Rank (UB)"]), *columns]
    return header, cells, _truth(columns, rows)


def _change(rng: random.Random, form: str, minus: str) -> tuple[str, str, str]:
    """A change as printed, the text a page shows (the arrow in its own span) and its
    colour."""
    value = round(rng.uniform(-4, 4), 1) or 0.3
    size = f"{abs(value):.1f}"
    colour = GREEN if value > 0 else RED
    if form == "arrow":
        mark = "▲" if value > 0 else "▼"
        return f"{mark}{size}", f"<span style='font-size:.8em'>{mark}</span>{size}", colour
    if form == "updown":
        mark = "↑" if value > 0 else "↓"
        return f"{mark}{size}", f"{mark}{size}", colour
    signed = f"+{size}" if value > 0 else f"{minus}{size}"
    text = f"({signed})" if form == "bracket" else signed
    return text, text, colour


def _card(
    rng: random.Random, form: str, inline: bool
) -> tuple[list[str], list[list[str]], list[list[str]], dict]:
    """A model card's comparison: header, cells as printed, cells as HTML, truth. The
    first row is the base; ``inline`` prints each score's change after it instead of a
    change column."""
    models = rng.sample(MODELS, rng.randint(4, 7))
    benches = rng.sample(BENCH, rng.randint(2, 4))
    if "MMLU" not in benches and rng.random() < 0.7:
        benches[0] = "MMLU"
    minus = rng.choice([MINUS, MINUS, "-"])
    delta_name = rng.choice(["Δ vs base", "Δ", "change", "diff", "Δ avg"])
    columns = ["Model", *benches] + ([] if inline else [delta_name])
    shown, html, rows = [], [], []
    coloured = rng.random() < 0.7
    for k, model in enumerate(models):
        values = [f"{rng.uniform(20, 89):.1f}" for _ in benches]
        printed, marked = list(values), list(values)
        if inline and k:
            for i, value in enumerate(values):
                text, page, colour = _change(rng, "bracket", minus)
                printed[i] = f"{value} {text}"
                style = f"font-size:.8em;color:{colour if coloured else 'inherit'}"
                marked[i] = f"{value} <span style='{style}'>{page}</span>"
        elif not inline:
            text, page, colour = _change(rng, form, minus) if k else ("–", "–", GREY)
            printed.append(text)
            marked.append(f"<span style='color:{colour}'>{page}</span>" if coloured else page)
        shown.append([model, *printed])
        html.append([model, *marked])
        rows.append(_row(model, columns, [model, *printed]))
    return columns, shown, html, _truth(columns, rows)


def _truth(columns: list[str], rows: list[dict]) -> dict:
    return {"columns": columns, "settings": [None] * len(columns), "rows": rows}


def _page(rng: random.Random, header: list[str], rows: list[list[str]], dark: bool,
          browser: Browser, fonts: list[str], weight: int = 400) -> Image.Image:
    fg, bg, line, stripe = ("#e5e7eb", "#0f172a", "#334155", "#1e293b") if dark else (
        "#111827", "#ffffff", "#e5e7eb", "#f8fafc")
    style = (
        f"body{{margin:0;background:{bg}}}#shot{{display:inline-block;padding:14px;"
        f"background:{bg};color:{fg};font-family:{rng.choice(fonts)};font-weight:{weight};"
        f"font-size:{rng.choice([13, 14, 15, 16])}px}}table{{border-collapse:collapse}}"
        f"th{{text-align:left;padding:7px 12px;border-bottom:2px solid {line};font-weight:600}}"
        f"td{{padding:6px 12px;border-bottom:1px solid {line};"
        f"text-align:{rng.choice(['left', 'right', 'center'])}}}"
        f"td:nth-child({1 + (header[0] in ('Rank', '#', 'Rank (UB)'))}){{text-align:left}}"
        + (f"tr:nth-child(even) td{{background:{stripe}}}" if rng.random() < 0.4 else "")
    )
    return browser.shoot(table_page(style, header, rows), rng.choice([1.0, 1.25, 1.5]))


def _drawn(rng: random.Random, grid: list[list[str]], font_path: str,
           colours: dict[tuple[int, int], str] | None = None) -> Image.Image:
    """A plain grid drawn with PIL, numbers set right, a rule under the header, shrunk as a
    pasted screenshot is."""
    font = ImageFont.truetype(font_path, rng.choice([15, 17, 19]))
    pad, line = 13, round(font.size * 1.8)
    widths = [max(font.getlength(r[c]) for r in grid) + 2 * pad for c in range(len(grid[0]))]
    image = Image.new("RGB", (round(sum(widths)) + 24, line * len(grid) + 24), "white")
    draw = ImageDraw.Draw(image)
    named = 1 if grid[0][0] in ("Rank", "#", "Rank (UB)") else 0
    for r, cells in enumerate(grid):
        x, y = 12.0, 12 + r * line + (line - font.size) / 2
        for c, text in enumerate(cells):
            w = font.getlength(text)
            at = x + pad if c == named else x + widths[c] - pad - w
            draw.text((at, y), text, fill=(colours or {}).get((r, c), "#111"), font=font)
            x += widths[c]
    draw.line((12, 12 + line, image.width - 12, 12 + line), fill="#111", width=1)
    width = round(image.width * rng.uniform(0.75, 0.95))
    return image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)


def _matplotlib(rng: random.Random, grid: list[list[str]]) -> Image.Image:
    font_size = rng.choice([9, 10, 11, 12])
    height = len(grid) * font_size / 72 * 2.2 + 0.5
    with plt.rc_context({"font.family": rng.choice(["DejaVu Sans", "DejaVu Serif"])}):
        fig, ax = plt.subplots(figsize=(rng.uniform(5, 8), height), dpi=rng.choice([100, 120, 150]))
        ax.axis("off")
        table = ax.table(cellText=grid[1:], colLabels=grid[0], loc="center",
                         cellLoc=rng.choice(["center", "right"]),
                         edges=rng.choice(["closed", "horizontal"]))
        table.auto_set_font_size(False)
        table.set_fontsize(font_size)
        table.auto_set_column_width(list(range(len(grid[0]))))
        table.scale(1.1, 1.5)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", bbox_inches="tight", pad_inches=0.1)
        plt.close(fig)
    return Image.open(buffer).convert("RGB")


def _change_colours(grid: list[list[str]], column: int) -> dict[tuple[int, int], str]:
    """Green for a rise, red for a fall, in a PIL-drawn change column."""
    colours = {}
    for r, row in enumerate(grid[1:], start=1):
        text = row[column]
        rise = text.lstrip("(").startswith(("+", "▲", "↑"))
        colours[(r, column)] = GREEN if rise else RED if text != "–" else GREY
    return colours


def _variant(rng: random.Random, browser: Browser, variant: int) -> tuple[Image.Image, dict]:
    name = VARIANTS[variant]
    if name.startswith("arena"):
        form = {"arena_light": "slash", "arena_dark": "spaced", "arena_drawn": "pair",
                "arena_pm": "pm"}[name]
        header, cells, truth = _arena(rng, form)
        if name == "arena_drawn":
            return _drawn(rng, [header, *cells], rng.choice(TTF)), truth
        return _page(rng, header, cells, name == "arena_dark", browser, SANS_CSS), truth
    form = {"delta_card": "signed", "delta_coloured": "arrow", "delta_matplotlib": "bracket",
            "value_change": "signed", "delta_drawn": "signed", "delta_thin": "updown"}[name]
    columns, shown, html, truth = _card(rng, form, inline=name == "value_change")
    if name == "delta_matplotlib":
        return _matplotlib(rng, [columns, *shown]), truth
    if name == "delta_drawn":
        grid = [columns, *shown]
        return _drawn(rng, grid, rng.choice(TTF), _change_colours(grid, len(columns) - 1)), truth
    dark = name == "delta_coloured" and rng.random() < 0.5
    fonts = THIN_CSS if name == "delta_thin" else rng.choice([SANS_CSS, SERIF_CSS])
    weight = 300 if name == "delta_thin" else 400
    return _page(rng, columns, html, dark, browser, fonts, weight), truth


VARIANTS = [
    "arena_light",
    "arena_dark",
    "arena_drawn",
    "arena_pm",
    "delta_card",
    "delta_coloured",
    "delta_matplotlib",
    "value_change",
    "delta_drawn",
    "delta_thin",
]


def generate(out: Path, count: int, seed: int) -> dict:
    """``count`` images, the variants in turn."""
    with look_run(out, seed, (1400, 1000)) as (rng, browser, truth):
        for i in range(count):
            variant = i % len(VARIANTS)
            image, table = _variant(rng, browser, variant)
            name = save_shot(image, out, f"signed_{i:03d}", rng, 0.3)
            truth[name] = {**table, "style": f"signed_{VARIANTS[variant]}"}
    return truth
