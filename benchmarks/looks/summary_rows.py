"""Tables that end in a summary row: "Average", "Mean", "Avg.", "Median" or "Total" in the
name column, often bold or after a rule, its values the column means (medians, sums) of
the rows above, rounded as the column prints. Papers' booktabs tables drawn with PIL
(serif and sans faces, 11-16 px, some JPEG) and web tables shot in Chromium (a plain grid,
a striped table, a GitHub-like README table), the summary row in ``<tfoot>`` or last in
the body.

Truth lists the model rows only: a summary row names no model.
"""

from __future__ import annotations

import random
from pathlib import Path
from statistics import mean, median

from PIL import Image, ImageDraw, ImageFont

from looks.common import BENCH, FONTS, MODELS, look_run, save_shot, size_of

BOLD = {
    FONTS[0]: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    FONTS[1]: "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    FONTS[2]: "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
    FONTS[3]: "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
}
# (label, how its values follow from the rows above)
SUMMARIES = [
    ("Average", mean), ("Mean", mean), ("Avg.", mean), ("Average score", mean),
    ("Median", median), ("Total", sum),
]
CSS = {
    "grid": "body{font-family:Arial;font-size:15px;background:#fff;margin:16px}"
            "table{border-collapse:collapse}td,th{border:1px solid #999;padding:5px 10px}"
            "td+td,th+th{text-align:right}tfoot td{font-weight:bold}",
    "striped": "body{font-family:Helvetica,Arial;font-size:14px;background:#fff;margin:16px}"
               "table{border-collapse:collapse}th{border-bottom:2px solid #333;padding:6px 12px}"
               "td{padding:6px 12px}tbody tr:nth-child(even){background:#f2f4f7}"
               "td+td,th+th{text-align:right}tfoot td{border-top:2px solid #333}",
    "github": "body{font-family:'DejaVu Sans';font-size:14px;background:#fff;margin:16px;"
              "color:#1f2328}table{border-collapse:collapse}td,th{border:1px solid #d0d7de;"
              "padding:6px 13px}tr:nth-child(2n){background:#f6f8fa}th{font-weight:600}",
}


def _table(rng: random.Random) -> tuple[list[str], list[list[str]], list[str], list[dict]]:
    """Columns, model rows (cells as printed), the summary row, and the truth's rows."""
    benches = rng.sample(BENCH, rng.randint(2, 5))
    with_size = rng.random() < 0.4
    label, summarise = rng.choice(SUMMARIES)
    models = rng.sample(MODELS, rng.randint(3, 8))
    places = 1 if summarise is not sum else rng.choice([0, 1])
    values = [[round(rng.uniform(15, 88), places) for _ in benches] for _ in models]
    columns = ["Model"] + (["Params"] if with_size else []) + benches
    rows, truths = [], []
    for model, scores in zip(models, values, strict=True):
        size = size_of(model)
        shown = [f"{v:.{places}f}" for v in scores]
        sizes = [f"{size:g}B" if size else "-"] if with_size else []
        rows.append([model, *sizes, *shown])
        mmlu = scores[benches.index("MMLU")] if "MMLU" in benches else None
        truths.append({"model": model, "params_b": size, "tokens_t": None, "mmlu": mmlu,
                       "cells": [model, *sizes, *shown]})
    summary = [label] + ([""] if with_size else []) + [
        f"{summarise([row[c] for row in values]):.{places}f}" for c in range(len(benches))
    ]
    return columns, rows, summary, truths


def _pil_image(rng: random.Random, columns: list[str], rows: list[list[str]],
               summary: list[str]) -> Image.Image:
    """A paper's booktabs table, the summary row after a rule, bold or not."""
    path = rng.choice(FONTS)
    size = rng.randint(11, 16)
    ss = 3
    face = ImageFont.truetype(path, size * ss)
    bold = ImageFont.truetype(BOLD[path], size * ss) if rng.random() < 0.6 else face
    u = size * ss
    widths = [max(face.getlength(r[c]) for r in [columns, *rows, summary]) + 1.6 * u
              for c in range(len(columns))]
    width = int(sum(widths) + 2 * u)
    pitch = 1.45 * u
    height = int((len(rows) + 4) * pitch + 2 * u)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    thick, thin = max(2, u // 11), max(1, u // 20)

    def line(cells: list[str], y: float, font: ImageFont.FreeTypeFont) -> None:
        x = u
        for c, (text, w) in enumerate(zip(cells, widths, strict=True)):
            left = x + 0.4 * u if c == 0 else x + w - 0.4 * u - font.getlength(text)
            draw.text((left, y), text, fill=0, font=font)
            x += w

    y = u
    draw.line((u, y, width - u, y), fill=0, width=thick)
    line(columns, y + 0.3 * u, face)
    y += pitch
    draw.line((u, y, width - u, y), fill=0, width=thin)
    for row in rows:
        line(row, y + 0.3 * u, face)
        y += pitch
    if rng.random() < 0.7:
        draw.line((u, y + 0.1 * u, width - u, y + 0.1 * u), fill=0, width=thin)
    line(summary, y + 0.35 * u, bold)
    y += pitch + 0.2 * u
    draw.line((u, y, width - u, y), fill=0, width=thick)
    image = image.crop((0, 0, width, int(y + u)))
    return image.resize((image.width // ss, image.height // ss), Image.LANCZOS).convert("RGB")


def _css_page(rng: random.Random, columns: list[str], rows: list[list[str]],
              summary: list[str]) -> str:
    head = "".join(f"<th>{c}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    style = rng.choice(list(CSS))
    if rng.random() < 0.5:
        foot = "<tfoot><tr>" + "".join(f"<td>{c}</td>" for c in summary) + "</tr></tfoot>"
    else:
        body += "<tr>" + "".join(f"<td><b>{c}</b></td>" for c in summary) + "</tr>"
        foot = ""
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>{CSS[style]}</style>"
            f"</head><body><div id='shot'><table><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody>{foot}</table></div></body></html>")


def generate(out: Path, count: int, seed: int) -> dict:
    with look_run(out, seed, (1200, 900)) as (rng, browser, truth):
        for i in range(count):
            columns, rows, summary, truths = _table(rng)
            if i % 2 == 0:
                image = _pil_image(rng, columns, rows, summary)
            else:
                image = browser.shoot(_css_page(rng, columns, rows, summary),
                                      rng.choice([1.0, 1.25]))
            name = save_shot(image, out, f"summary_{i:03d}", rng, 0.25)
            truth[name] = {"columns": columns, "settings": [None] * len(columns),
                           "rows": truths, "style": "summary_rows"}
    return truth
