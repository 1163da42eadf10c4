"""Model names with a second, smaller line under them in their cell, as app and web
leaderboards set them: the maker, a licence, a release date or "7B · instruct" in grey at
70-85% of the name's size, or in the name's own colour but smaller, or a caption whose
name is bold and whose second line is regular at the same size. The truth's model name is
the first line only; the second line is no part of the table.

Some names are long and wrap over two lines of the same style in a narrow model column
("Yi-34B-Chat-" over "8bits(GPTQ)"): those lines are one name and must stay joined. Some
rows have no second line, so row heights vary. Styles: CSS in Chromium (light and dark,
device pixel ratios 1 and 1.25) and PIL drawings (light and dark), some saved as JPEG."""

import random
from pathlib import Path

from browser import Browser
from PIL import Image, ImageDraw, ImageFont

from looks.common import BENCH, MODELS, look_run, save_shot
from looks.leaderboard import size_in_name

FONTS_TTF = [
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
     "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
    ("/usr/share/fonts/truetype/freefont/FreeSans.ttf",
     "/usr/share/fonts/truetype/freefont/FreeSansBold.ttf"),
]
FONTS_CSS = ["'Open Sans'", "Roboto", "'DejaVu Sans'", "'Liberation Sans'", "'FreeSans'"]
MAKERS = ["Meta", "Mistral AI", "Alibaba Cloud", "01.AI", "TII", "Google", "Microsoft",
          "MosaicML", "Baichuan Inc.", "Shanghai AI Lab", "LMSYS", "Zhipu AI", "AllenAI",
          "EleutherAI", "BigScience", "DeepSeek"]
LICENCES = ["Apache 2.0", "MIT", "Llama 2 Community", "CC BY-NC 4.0", "Proprietary",
            "OpenRAIL-M", "Gemma Terms"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
KINDS = ["base", "instruct", "chat", "pretrained", "fine-tuned"]
# Names too long for a narrow column: they wrap after a hyphen, both lines alike.
LONG_MODELS = [
    "Yi-34B-Chat-8bits(GPTQ)",
    "Nous-Hermes-2-Mixtral-8x7B-DPO",
    "OpenHermes-2.5-Mistral-7B",
    "DeepSeek-Coder-33B-Instruct",
    "Llama-2-70B-Chat-AWQ",
    "Qwen1.5-72B-Chat-GPTQ-Int4",
]
# How each variant sets the second line: (colour: "grey" or "same", size share, weight of
# the name's line, of the second line).
VARIANTS = {
    "grey": ("grey", (0.70, 0.85), 400, 400),
    "smaller": ("same", (0.70, 0.82), 400, 400),
    "caption": ("same", (1.0, 1.0), 700, 400),
}


def _subline(rng: random.Random, model: str) -> str:
    """What an app prints under a name: its maker, licence, release date or size and kind."""
    size = size_in_name(model)
    kinds = ["maker", "licence", "date"] + (["size"] if size is not None else [])
    kind = rng.choice(kinds)
    if kind == "maker":
        return rng.choice(MAKERS)
    if kind == "licence":
        return rng.choice(LICENCES)
    if kind == "date":
        if rng.random() < 0.5:
            return f"{rng.choice(MONTHS)} {rng.randint(2022, 2024)}"
        return f"{rng.randint(2022, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return f"{size:g}B · {rng.choice(KINDS)}"


def _table(rng: random.Random, wrap: bool) -> tuple[list[str], list[tuple[str, str | None]],
                                                    list[list[str]], list[dict]]:
    """Columns, (name, second line or None) per row, the printed scores and the truth rows."""
    benches = rng.sample(BENCH, rng.randint(3, 6))
    with_average = rng.random() < 0.5
    columns = ["Model"] + (["Average"] if with_average else []) + benches
    names = rng.sample(MODELS, rng.randint(5, 9))
    if wrap:
        for k in rng.sample(range(len(names)), rng.randint(1, 2)):
            names[k] = rng.choice(LONG_MODELS)
    share = rng.choice([1.0, 1.0, 0.8, 0.6])
    names_lines = [(n, _subline(rng, n) if rng.random() < share else None) for n in names]
    if all(line is None for _, line in names_lines):
        names_lines[0] = (names[0], _subline(rng, names[0]))
    digits = rng.choice([1, 1, 2])
    printed, rows = [], []
    for name in names:
        values = [round(rng.uniform(20, 90), digits) for _ in benches]
        cells = [f"{v:.{digits}f}" for v in values]
        if with_average:
            cells.insert(0, f"{sum(values) / len(values):.{digits}f}")
        printed.append(cells)
        mmlu = values[benches.index("MMLU")] if "MMLU" in benches else None
        rows.append({"model": name, "params_b": size_in_name(name), "tokens_t": None,
                     "mmlu": mmlu, "cells": [name, *cells]})
    return columns, names_lines, printed, rows


def _theme(rng: random.Random, dark: bool) -> dict[str, str]:
    if dark:
        return {"bg": rng.choice(["#0d1117", "#111827", "#1e1e2e"]),
                "fg": rng.choice(["#e5e7eb", "#f0f6fc", "#cdd6f4"]),
                "grey": rng.choice(["#8b949e", "#9ca3af", "#7f849c"]),
                "line": rng.choice(["#30363d", "#374151"]),
                "stripe": rng.choice(["#161b22", "#1f2937", "#181825"])}
    return {"bg": "#ffffff", "fg": rng.choice(["#111827", "#1f2328", "#222222"]),
            "grey": rng.choice(["#6b7280", "#8c959f", "#9ca3af", "#777777"]),
            "line": rng.choice(["#e5e7eb", "#d0d7de", "#eeeeee"]),
            "stripe": rng.choice(["#f9fafb", "#f6f8fa", "#fafafa"])}


def _css_shot(rng: random.Random, browser: Browser, variant: str, dark: bool,
              wrap: bool) -> tuple[Image.Image, dict]:
    colour, share, name_weight, line_weight = VARIANTS[variant]
    t = _theme(rng, dark)
    columns, names_lines, printed, rows = _table(rng, wrap)
    font_px = rng.choice([13, 14, 15, 16])
    small = round(font_px * rng.uniform(*share), 1)
    second = t["grey"] if colour == "grey" else t["fg"]
    names_width = f"width:{rng.choice([120, 135, 150])}px;" if wrap else ""
    name_cells = [
        f"<div class='n'>{name}</div>" + (f"<div class='s'>{line}</div>" if line else "")
        for name, line in names_lines
    ]
    head = "".join(f"<th>{c}</th>" for c in columns)
    body = "".join(
        f"<tr><td class='m'>{cell}</td>" + "".join(f"<td>{v}</td>" for v in values) + "</tr>"
        for cell, values in zip(name_cells, printed, strict=True)
    )
    pad = rng.choice([5, 7, 9, 11])
    stripe = f"tr:nth-child(even) td{{background:{t['stripe']}}}" if rng.random() < 0.5 else ""
    style = (
        f"body{{margin:0;background:{t['bg']}}}#shot{{display:inline-block;padding:16px;"
        f"background:{t['bg']};color:{t['fg']};font-family:{rng.choice(FONTS_CSS)};"
        f"font-size:{font_px}px}}table{{border-collapse:collapse}}"
        f"th{{text-align:left;padding:8px 14px;border-bottom:2px solid {t['line']};"
        f"font-weight:600}}td{{padding:{pad}px 14px;border-bottom:1px solid {t['line']};"
        f"text-align:{rng.choice(['right', 'center', 'left'])};"
        f"vertical-align:{rng.choice(['middle', 'middle', 'top'])}}}"
        f"td.m{{text-align:left;{names_width}}}.n{{font-weight:{name_weight}}}"
        f".s{{font-size:{small}px;color:{second};font-weight:{line_weight};"
        f"margin-top:{rng.choice([0, 1, 2, 3])}px;white-space:nowrap}}{stripe}"
    )
    html = (f"<!doctype html><html><head><meta charset='utf-8'><style>{style}</style></head>"
            f"<body><div id='shot'><table><thead><tr>{head}</tr></thead><tbody>{body}"
            f"</tbody></table></div></body></html>")
    image = browser.shoot(html, rng.choice([1.0, 1.0, 1.25]))
    return image, {"columns": columns, "settings": [None] * len(columns), "rows": rows}


def _wrap(name: str, font: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """``name`` broken after hyphens into lines no wider than ``width`` where it can be."""
    parts = [p + "-" for p in name.split("-")[:-1]] + [name.split("-")[-1]]
    lines = [""]
    for part in parts:
        if lines[-1] and font.getlength(lines[-1] + part) > width:
            lines.append(part)
        else:
            lines[-1] += part
    return lines


def _pil_shot(rng: random.Random, variant: str, dark: bool,
              wrap: bool) -> tuple[Image.Image, dict]:
    colour, share, name_weight, line_weight = VARIANTS[variant]
    t = _theme(rng, dark)
    columns, names_lines, printed, rows = _table(rng, wrap)
    regular, bold = rng.choice(FONTS_TTF)
    size = rng.choice([15, 16, 18, 20])
    name_font = ImageFont.truetype(bold if name_weight > 400 else regular, size)
    line_font = ImageFont.truetype(bold if line_weight > 400 else regular,
                                   round(size * rng.uniform(*share)))
    head_font = ImageFont.truetype(bold, size)
    number_font = ImageFont.truetype(regular, size)
    second = t["grey"] if colour == "grey" else t["fg"]
    limit = size * rng.uniform(7.5, 9.0) if wrap else 10_000
    cells = [(_wrap(name, name_font, limit), line) for name, line in names_lines]
    pad, gap = rng.choice([8, 10, 13]), rng.choice([1, 2, 4])
    level = rng.choice(["middle", "middle", "top"])  # numbers at the row's middle or the name
    ascent = size * 1.2
    heights = [
        len(lines) * ascent + (gap + line_font.size * 1.2 if line else 0) + 2 * pad
        for lines, line in cells
    ]
    name_width = max(
        max(name_font.getlength(part) for part in lines) for lines, _ in cells
    )
    name_width = max(name_width, *(line_font.getlength(line or "") for _, line in cells))
    widths = [name_width + 28] + [
        max(number_font.getlength(c) for c in [column, *(v[k] for v in printed)]) + 32
        for k, column in enumerate(columns[1:])
    ]
    header_height = size * 1.2 + 2 * 10
    image = Image.new(
        "RGB", (round(sum(widths)) + 40, round(header_height + sum(heights)) + 40), t["bg"]
    )
    draw = ImageDraw.Draw(image)
    x0, y = 20, 20
    xs = [x0 + sum(widths[:k]) for k in range(len(widths))]
    for k, column in enumerate(columns):
        draw.text((xs[k] + 14, y + 10), column, font=head_font, fill=t["fg"])
    y += header_height
    draw.line([(x0, y), (x0 + sum(widths), y)], fill=t["line"], width=2)
    for (lines, line), values, height in zip(cells, printed, heights, strict=True):
        text_height = len(lines) * ascent + (gap + line_font.size * 1.2 if line else 0)
        top = y + (height - text_height) / 2
        for n, part in enumerate(lines):
            draw.text((xs[0] + 14, top + n * ascent), part, font=name_font, fill=t["fg"])
        if line:
            draw.text((xs[0] + 14, top + len(lines) * ascent + gap), line, font=line_font,
                      fill=second)
        middle = y + height / 2 - size * 0.6 if level == "middle" else top
        for k, value in enumerate(values, start=1):
            x = xs[k] + widths[k] - 16 - number_font.getlength(value)
            draw.text((x, middle), value, font=number_font, fill=t["fg"])
        y += height
        draw.line([(x0, y), (x0 + sum(widths), y)], fill=t["line"], width=1)
    return image, {"columns": columns, "settings": [None] * len(columns), "rows": rows}


def generate(out: Path, count: int, seed: int) -> dict:
    """``count`` images, each variant (grey maker line, smaller line in the name's colour,
    bold name over a regular caption) in turn, drawn in Chromium or PIL, light or dark."""
    with look_run(out, seed, (1400, 1200)) as (rng, browser, truth):
        for i in range(count):
            variant = list(VARIANTS)[i % len(VARIANTS)]
            dark = rng.random() < 0.4
            wrap = rng.random() < 0.35
            drawn = (i // len(VARIANTS)) % 2 == 1
            if drawn:
                image, table = _pil_shot(rng, variant, dark, wrap)
            else:
                image, table = _css_shot(rng, browser, variant, dark, wrap)
            stem = f"sublines_{variant}_{'pil' if drawn else 'css'}_{i:03d}"
            name = save_shot(image, out, stem, rng, 0.3)
            truth[name] = {**table, "style": f"sublines_{variant}"}
    return truth
