"""A web table forwarded through a chat app: a light green bubble with a grey "Forwarded
many times" line over it and a time with read ticks under it; the table inside has a dark
header band with white bold names and light (sometimes zebra) rows. The whole screenshot is
shrunk to 300-420 px wide and saved as a JPEG of quality 30-45, so its text is 6-8 px tall,
blurred and blocky."""

import random
from pathlib import Path

from PIL import Image

from looks.common import BENCH, MODELS, look_run, size_of

FONTS = ["Arial", "DejaVu Sans", "Liberation Sans", "Roboto", "Open Sans", "Verdana",
         "Liberation Serif"]
# header band colours: navy and its neighbours
BANDS = ["#1f2d4d", "#14213d", "#2c3e50", "#1b3a6b", "#263859", "#0b3d91"]
# chat grounds (behind the bubble) and bubbles
GROUNDS = ["#efeae2", "#e5ddd5", "#dcd4cc", "#f0f2f5"]
BUBBLES = ["#d9fdd3", "#dcf8c6", "#e1ffc7", "#d2f4c5"]


def _rows(rng: random.Random, models: list[str], benches: list[str],
          with_size: bool) -> tuple[list[dict], list[list[str]]]:
    rows, printed = [], []
    for model in models:
        size = size_of(model)
        values = [f"{rng.uniform(20, 90):.1f}" for _ in benches]
        cells = [model] + ([f"{size:g}B" if size else "-"] if with_size else []) + values
        mmlu = float(values[benches.index("MMLU")]) if "MMLU" in benches else None
        rows.append({"model": model, "params_b": size, "tokens_t": None, "mmlu": mmlu,
                     "cells": cells})
        printed.append(cells)
    return rows, printed


def _page(rng: random.Random, size: int, columns: list[str], printed: list[list[str]]) -> str:
    font = rng.choice(FONTS)
    zebra = rng.random() < 0.5
    ruled = rng.random() < 0.5
    band = rng.choice(BANDS)
    stamp = f"{rng.randint(7, 23)}:{rng.randint(0, 59):02d}"
    head = "".join(f"<th>{c}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in printed)
    rule = "border-bottom:1px solid #d0d7de;" if ruled else ""
    return f"""<!doctype html><html><head><meta charset='utf-8'><style>
body{{margin:0;background:{rng.choice(GROUNDS)};font-family:'{font}'}}
#shot{{display:inline-block;padding:14px 40px 14px 14px;background:inherit}}
.bubble{{background:{rng.choice(BUBBLES)};border-radius:8px;padding:6px 8px 4px 8px;
 box-shadow:0 1px 0.5px rgba(0,0,0,.13)}}
.fwd{{color:#667781;font-style:italic;font-size:{size - 1}px;margin:0 0 5px 2px}}
.time{{color:#667781;font-size:{size - 3}px;text-align:right;margin-top:3px}}
.ticks{{color:#53bdeb}}
table{{border-collapse:collapse;background:white;font-size:{size}px}}
th{{background:{band};color:white;font-weight:bold;padding:6px 10px;text-align:left}}
td{{padding:5px 10px;color:#1f2328;{rule}}}
{'tbody tr:nth-child(even) td{background:#f3f5f8}' if zebra else ''}
</style></head><body><div id='shot'><div class='bubble'>
<div class='fwd'>&#x21AA;&#xFE0E; Forwarded many times</div>
<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>
<div class='time'>{stamp} <span class='ticks'>&#x2713;&#x2713;</span></div>
</div></div></body></html>"""


def generate(out: Path, count: int, seed: int) -> dict:
    with look_run(out, seed, (1000, 900)) as (rng, browser, truth):
        for i in range(count):
            models = rng.sample(MODELS, rng.randint(3, 7))
            benches = rng.sample(BENCH, rng.randint(3, 5))
            with_size = rng.random() < 0.4
            columns = ["Model"] + (["Size"] if with_size else []) + benches
            rows, printed = _rows(rng, models, benches, with_size)
            font_px = rng.randint(13, 16)
            scale = rng.choice([1.0, 1.0, 2.0])
            shot = browser.shoot(_page(rng, font_px, columns, printed), scale)
            # shrunk until its text is 7-10 px (letters 5-7 px tall), the chat's ground
            # filling the screenshot out to 300-420 px
            shrink = min(rng.randint(300, 420) / shot.width,
                         rng.uniform(7.0, 10.0) / (font_px * scale))
            shot = shot.resize((round(shot.width * shrink), round(shot.height * shrink)),
                               rng.choice([1, 2, 3]))  # Lanczos, bilinear, bicubic
            if shot.width < 300:
                screen = Image.new("RGB", (rng.randint(300, 340), shot.height),
                                   shot.getpixel((shot.width - 1, shot.height - 1)))
                screen.paste(shot, (0, 0))
                shot = screen
            name = f"forwarded_{i:03d}.jpg"
            shot.save(out / name, quality=rng.randint(30, 45))
            truth[name] = {"columns": columns, "settings": [None] * len(columns),
                           "rows": rows, "style": "forwarded_chat"}
    return truth
