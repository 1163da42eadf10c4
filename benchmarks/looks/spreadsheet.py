"""a spreadsheet screenshot (ruler letters and row numbers, light grid,
formula bar, a selected cell)."""

import json
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from looks.common import BENCH, MODELS, size_of

FONTS = [
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
]
BOLD = {
    font: font.replace("-Regular", "-Bold").replace("Sans.ttf", "Sans-Bold.ttf") for font in FONTS
}


def generate(out: Path, count: int, seed: int) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    for i in range(count):
        n_rows, n_bench = rng.randint(3, 8), rng.randint(2, 5)
        models = rng.sample(MODELS, n_rows)
        benches = rng.sample(BENCH, n_bench)
        with_params = rng.random() < 0.5
        columns = ["Model"] + (["Params (B)"] if with_params else []) + benches
        rows = []
        for m in models:
            p = size_of(m)
            cells = [m] + ([f"{p:g}" if p else ""] if with_params else [])
            vals = [f"{rng.uniform(10, 90):.{rng.choice([1, 2])}f}" for _ in benches]
            cells += vals
            mmlu = float(vals[benches.index("MMLU")]) if "MMLU" in benches else None
            rows.append({"model": m, "params_b": p, "tokens_t": None, "mmlu": mmlu, "cells": cells})
        size = rng.randint(13, 16)
        path = rng.choice(FONTS)
        face, bold = ImageFont.truetype(path, size), ImageFont.truetype(BOLD[path], size)
        small = ImageFont.truetype(path, size - 2)
        pitch = size + 9
        ruler_w = 36
        widths = [
            max(int(face.getlength(m)) + 16 for m in [*models, "Model"]),
            *[max(80, int(bold.getlength(c)) + 16) for c in columns[1:]],
        ]
        extra_cols = rng.randint(1, 3)
        widths += [80] * extra_cols
        top = 34 + pitch  # formula bar, then the letters
        width = ruler_w + sum(widths) + 10
        height = top + pitch * (n_rows + 1 + rng.randint(2, 4))
        img = Image.new("RGB", (width, height), "white")
        d = ImageDraw.Draw(img)
        d.rectangle((0, 0, width, 30), fill=(248, 249, 250))
        d.text((8, 8), "fx", fill=(95, 99, 104), font=small)
        d.text(
            (40, 8),
            rng.choice(["Model", "=AVERAGE(B2:D2)", models[0], rows[0]["cells"][-1]]),
            fill=(32, 33, 36),
            font=small,
        )
        d.rectangle((0, 34, width, top), fill=(248, 249, 250))
        d.rectangle((0, top, ruler_w, height), fill=(248, 249, 250))
        x = ruler_w
        xs = [x]
        for c, w in enumerate(widths):
            letter = chr(65 + c)
            d.text((x + w / 2 - 4, 34 + 4), letter, fill=(95, 99, 104), font=small)
            x += w
            xs.append(x)
        n_lines = (height - top) // pitch
        for r in range(n_lines):
            y = top + r * pitch
            d.text(
                (ruler_w / 2 - 5 * len(str(r + 1)), y + 4),
                str(r + 1),
                fill=(95, 99, 104),
                font=small,
            )
        for x in xs:
            d.line((x, 34, x, height), fill=(226, 226, 226), width=1)
        for r in range(n_lines + 1):
            d.line((0, top + r * pitch, width, top + r * pitch), fill=(226, 226, 226), width=1)
        header_fill = rng.choice([None, (217, 234, 211), (201, 218, 248), (243, 243, 243)])
        if header_fill:
            d.rectangle(
                (xs[0] + 1, top + 1, xs[len(columns)] - 1, top + pitch - 1), fill=header_fill
            )
        for r, cells in enumerate([columns] + [row["cells"] for row in rows]):
            y = top + r * pitch + 4
            for c, t in enumerate(cells):
                f = bold if r == 0 else face
                tw = f.getlength(t)
                numeric = r > 0 and c > 0
                xx = xs[c + 1] - 5 - tw if numeric else xs[c] + 4
                d.text((xx, y), t, fill=(0, 0, 0), font=f)
        sr, sc = rng.randint(1, n_rows), rng.randint(1, len(columns) - 1)
        d.rectangle(
            (xs[sc], top + sr * pitch, xs[sc + 1], top + (sr + 1) * pitch),
            outline=(26, 115, 232),
            width=2,
        )
        name = f"sheet_{i:03d}.png"
        if rng.random() < 0.3:
            name = name.replace(".png", ".jpg")
            img.save(out / name, quality=rng.randint(70, 90))
        else:
            img.save(out / name)
        truth[name] = {
            "columns": columns,
            "settings": [None] * len(columns),
            "rows": rows,
            "style": "spreadsheet",
        }
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
