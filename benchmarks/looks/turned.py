"""Paper tables whose benchmark headers are printed turned: models down the first column,
narrow numeric columns, and over each column a long benchmark name ("HellaSwag (10-shot)")
slanting up to the right at 45 or 60 degrees, or standing upright at 90 degrees (reading
bottom to top), its foot on the top of its column. The model column's header ("Model")
stays level, on the line where the turned names stand.

Variants: HTML shot in Chromium (CSS ``transform: rotate(-60deg)``, ``rotate(-45deg)``,
``writing-mode: vertical-rl`` turned half a turn), drawn with PIL (each name drawn level,
turned and pasted by its foot) and with matplotlib (``rotation=`` with
``rotation_mode="anchor"``); serif and sans fonts; booktabs rules or none; some JPEG; some
with few columns under long names, so that the header band is taller than the columns of
numbers are wide.

A tuning set: its images are looked at while tuning."""

from __future__ import annotations

import io
import math
import random
from pathlib import Path

from browser import Browser
from PIL import Image, ImageDraw, ImageFont

from looks.common import MODELS, look_run, save_shot, table_page
from looks.leaderboard import size_in_name

BENCHMARKS = [
    ("MMLU", "5-shot"), ("HellaSwag", "10-shot"), ("ARC-Challenge", "25-shot"),
    ("TruthfulQA", "0-shot"), ("WinoGrande", "5-shot"), ("GSM8K", "8-shot"),
    ("HumanEval", "pass@1"), ("MBPP", "3-shot"), ("BoolQ", "0-shot"), ("PIQA", "0-shot"),
    ("TriviaQA", "1-shot"), ("NaturalQuestions", "5-shot"), ("MATH", "4-shot"),
    ("BBH", "3-shot"), ("SIQA", "0-shot"), ("OpenBookQA", "0-shot"), ("AGIEval", "0-shot"),
]
SERIF_CSS = ["'DejaVu Serif'", "'Liberation Serif'", "'FreeSerif'"]
SANS_CSS = ["'DejaVu Sans'", "'Liberation Sans'", "'FreeSans'", "'Open Sans'"]
SERIF_TTF = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/freefont/FreeSerif.ttf",
]
SANS_TTF = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/freefont/FreeSans.ttf",
]

# variant -> (drawn by, angle in degrees, serif, booktabs rules, few columns under long names)
VARIANTS = [
    ("html", 60, True, True, False),
    ("html", 45, False, False, False),
    ("html", 90, True, True, False),
    ("pil", 60, True, True, False),
    ("pil", 90, False, False, False),
    ("mpl", 45, True, True, False),
    ("html", 90, False, True, True),
    ("pil", 60, True, False, True),
    ("mpl", 90, False, False, False),
    ("pil", 60, False, True, False),
]


def _table(rng: random.Random, tall: bool) -> tuple[list[str], list[list[str]], dict]:
    """The header as printed, the body, and the truth of one table."""
    if tall:  # the longest names over two or three columns
        longest = sorted(BENCHMARKS, key=lambda b: -len(b[0]))[:8]
        benches = rng.sample(longest, rng.randint(2, 3))
    else:
        benches = rng.sample(BENCHMARKS, rng.randint(4, 8))
        if rng.random() < 0.6 and ("MMLU", "5-shot") not in benches:
            benches[rng.randrange(len(benches))] = ("MMLU", "5-shot")
    with_settings = tall or rng.random() < 0.7
    shown = [f"{name} ({setting})" if with_settings else name for name, setting in benches]
    models = rng.sample(MODELS, rng.randint(4, 8))
    places = rng.choice([1, 1, 2])
    body, rows = [], []
    for model in models:
        cells = [f"{rng.uniform(15, 90):.{places}f}" for _ in benches]
        body.append([model, *cells])
        mmlu = next((float(c) for (n, _), c in zip(benches, cells, strict=True) if n == "MMLU"),
                    None)
        rows.append({"model": model, "params_b": size_in_name(model), "tokens_t": None,
                     "mmlu": mmlu, "cells": [model, *cells]})
    corner = rng.choice(["Model", "Model", "Models", "Method"])
    truth = {"columns": [corner, *(name for name, _ in benches)],
             "settings": [None, *(s if with_settings else None for _, s in benches)],
             "rows": rows}
    return [corner, *shown], body, truth


def _longest(header: list[str]) -> int:
    return max(len(name) for name in header[1:])


def _html(rng: random.Random, browser: Browser, header: list[str], body: list[list[str]],
          angle: int, serif: bool, booktabs: bool) -> Image.Image:
    size = rng.choice([13, 14, 16])
    font = rng.choice(SERIF_CSS if serif else SANS_CSS)
    rise = math.sin(math.radians(angle))
    band = round(0.62 * size * _longest(header) * rise) + 12
    reach = round(0.62 * size * _longest(header) * math.cos(math.radians(angle))) + 30
    if angle == 90:  # upright, reading bottom to top
        turn = "writing-mode:vertical-rl;transform:rotate(180deg);margin:0 auto"
    else:  # slanting up to the right from the column's middle
        turn = (f"position:absolute;left:50%;bottom:4px;transform-origin:left bottom;"
                f"transform:rotate(-{angle}deg)")
    rules = ("table{border-collapse:collapse;border-top:2px solid #000;"
             "border-bottom:2px solid #000}thead th{border-bottom:1px solid #000}"
             if booktabs else "table{border-collapse:collapse}")
    style = (
        f"body{{margin:0;background:#fff}}#shot{{display:inline-block;padding:16px "
        f"{reach}px 16px 16px;background:#fff;color:#111;font-family:{font};"
        f"font-size:{size}px}}{rules}th{{font-weight:normal;vertical-align:bottom;"
        f"padding:2px 6px}}th.t{{height:{band}px;position:relative;white-space:nowrap;"
        f"min-width:2.6em}}th.t div{{{turn};white-space:nowrap}}"
        f"th:first-child{{text-align:left}}td{{padding:3px 8px;text-align:center}}"
        f"td:first-child{{text-align:left}}"
    )
    page = table_page(style, header, body)
    for name in header[1:]:
        page = page.replace(f"<th>{name}</th>", f"<th class='t'><div>{name}</div></th>", 1)
    return browser.shoot(page, rng.choice([1.0, 1.25, 1.5]))


def _turned_text(text: str, font: ImageFont.FreeTypeFont, angle: int) -> tuple[Image.Image, int]:
    """``text`` drawn level in black on a clear ground, turned ``angle`` degrees
    counterclockwise; and how far right of the turned image's left edge its foot stands."""
    right = font.getbbox(text)[2]
    height = font.size + font.size // 3
    level = Image.new("L", (right + 4, height), 0)
    ImageDraw.Draw(level).text((2, 0), text, fill=255, font=font)
    turned = level.rotate(angle, expand=True, resample=Image.BICUBIC)
    return turned, round(height * math.sin(math.radians(angle)))


def _pil(rng: random.Random, header: list[str], body: list[list[str]], angle: int,
         serif: bool, booktabs: bool) -> Image.Image:
    size = rng.choice([15, 17, 19, 22])
    font = ImageFont.truetype(rng.choice(SERIF_TTF if serif else SANS_TTF), size)
    pad = size // 2
    widths = [max(font.getlength(row[0]) for row in [header, *body]) + 2 * pad]
    widths += [max(font.getlength(row[c]) for row in body) + 2 * pad + size // 2
               for c in range(1, len(header))]
    turned = [_turned_text(name, font, angle) for name in header[1:]]
    band = max(image.height for image, _ in turned) + pad
    reach = max(0.0, max(image.width - foot for image, foot in turned) - widths[-1] / 2)
    pitch = round(size * 1.6)
    margin = size
    width = round(margin * 2 + sum(widths) + reach)
    height = margin * 2 + band + pitch * (len(body) + 1)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    foot_y = margin + band
    right = margin + sum(widths)
    if booktabs:
        draw.line((margin, margin, right, margin), fill="black", width=2)
    draw.text((margin + pad, foot_y - pitch * 0.8), header[0], fill="black", font=font)
    x = margin + widths[0]
    for c, (name_image, foot) in enumerate(turned, start=1):
        middle = x + widths[c] / 2
        # an upright name stands centred on its column, a slanted one rises from its middle
        left = middle - name_image.width / 2 if angle == 90 else middle - foot
        image.paste((17, 17, 17), (round(left), round(foot_y - name_image.height - 3)),
                    name_image)
        x += widths[c]
    y = foot_y + pitch // 4
    if booktabs:
        draw.line((margin, foot_y + 2, right, foot_y + 2), fill="black", width=1)
    for row in body:
        x = margin
        for c, text in enumerate(row):
            w = font.getlength(text)
            draw.text((x + pad if c == 0 else x + (widths[c] - w) / 2, y), text, fill="black",
                      font=font)
            x += widths[c]
        y += pitch
    if booktabs:
        draw.line((margin, y + 4, right, y + 4), fill="black", width=2)
    image = image.crop((0, 0, width, y + margin))
    if rng.random() < 0.5:  # shrunk, as a screenshot pasted into a chat is
        scale = rng.uniform(0.75, 0.95)
        image = image.resize((round(image.width * scale), round(image.height * scale)),
                             Image.LANCZOS)
    return image


def _mpl(rng: random.Random, header: list[str], body: list[list[str]], angle: int,
         serif: bool, booktabs: bool) -> Image.Image:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    size = rng.choice([9, 10, 11])
    family = "serif" if serif else "sans-serif"
    first = 1.3
    col = 0.55
    band = 0.012 * size * _longest(header) * math.sin(math.radians(angle)) + 0.2
    reach = 0.012 * size * _longest(header) * math.cos(math.radians(angle)) + 0.3
    pitch = 0.026 * size
    width = 0.2 + first + col * (len(header) - 1) + reach
    height = 0.2 + band + pitch * (len(body) + 1.4)
    fig = plt.figure(figsize=(width, height), dpi=rng.choice([110, 130, 150]))

    def at(x: float, y: float) -> tuple[float, float]:
        return x / width, 1 - y / height

    top = 0.1
    foot = top + band
    if booktabs:
        fig.add_artist(plt.Line2D(*zip(at(0.1, top), at(0.1 + first + col * (len(header) - 1),
                                                             top), strict=True),
                                  color="black", lw=1.2))
    fig.text(*at(0.15, foot - 0.05), header[0], family=family, size=size, va="bottom")
    for c, name in enumerate(header[1:]):
        middle = 0.1 + first + col * (c + 0.5)
        fig.text(*at(middle, foot - 0.05), name, family=family, size=size, rotation=angle,
                 rotation_mode="anchor", ha="left", va="center" if angle == 90 else "bottom")
    right = 0.1 + first + col * (len(header) - 1)
    if booktabs:
        fig.add_artist(plt.Line2D(*zip(at(0.1, foot), at(right, foot), strict=True),
                                  color="black", lw=0.7))
    for r, row in enumerate(body):
        y = foot + pitch * (r + 0.8)
        fig.text(*at(0.15, y), row[0], family=family, size=size, va="center")
        for c, text in enumerate(row[1:]):
            fig.text(*at(0.1 + first + col * (c + 0.5), y), text, family=family, size=size,
                     va="center", ha="center")
    if booktabs:
        end = foot + pitch * (len(body) + 0.4)
        fig.add_artist(plt.Line2D(*zip(at(0.1, end), at(right, end), strict=True),
                                  color="black", lw=1.2))
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", facecolor="white")
    plt.close(fig)
    return Image.open(buffer).convert("RGB")


def generate(out: Path, count: int, seed: int) -> dict:
    """``count`` images, the variants in turn."""
    with look_run(out, seed, (1600, 1200)) as (rng, browser, truth):
        for i in range(count):
            variant = i % len(VARIANTS)
            drawn, angle, serif, booktabs, tall = VARIANTS[variant]
            header, body, table = _table(rng, tall)
            if drawn == "html":
                image = _html(rng, browser, header, body, angle, serif, booktabs)
            elif drawn == "pil":
                image = _pil(rng, header, body, angle, serif, booktabs)
            else:
                image = _mpl(rng, header, body, angle, serif, booktabs)
            name = save_shot(image, out, f"turned_{i:03d}", rng, 0.3)
            truth[name] = {**table, "style": f"turned_{variant}_{drawn}{angle}"}
    return truth
