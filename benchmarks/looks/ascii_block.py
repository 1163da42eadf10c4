"""a chat message with an ASCII (Markdown pipe) table in a code block."""

import json
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from looks.common import BENCH, MODELS, size_of

MONO = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
]
SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def generate(out: Path, count: int, seed: int) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    for i in range(count):
        n, nb = rng.randint(3, 6), rng.randint(2, 4)
        models = rng.sample(MODELS, n)
        benches = rng.sample(BENCH, nb)
        with_params = rng.random() < 0.5
        columns = ["Model"] + (["Params"] if with_params else []) + benches
        rows = []
        for m in models:
            p = size_of(m)
            cells = [m] + ([f"{p:g}B" if p else "-"] if with_params else [])
            vals = [f"{rng.uniform(10, 90):.1f}" for _ in benches]
            cells += vals
            mmlu = float(vals[benches.index("MMLU")]) if "MMLU" in benches else None
            rows.append({"model": m, "params_b": p, "tokens_t": None, "mmlu": mmlu, "cells": cells})
        widths = [
            max(len(r["cells"][c]) for r in [*rows, {"cells": columns}])
            for c in range(len(columns))
        ]

        def line(cells, widths=widths):
            return (
                "| "
                + " | ".join(
                    t.ljust(w) if c == 0 else t.rjust(w)
                    for c, (t, w) in enumerate(zip(cells, widths, strict=False))
                )
                + " |"
            )

        border = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
        if rng.random() < 0.5:
            text = [border, line(columns), border] + [line(r["cells"]) for r in rows] + [border]
        else:
            text = [line(columns), "|" + "|".join("-" * (w + 2) for w in widths) + "|"] + [
                line(r["cells"]) for r in rows
            ]
        size = rng.randint(13, 16)
        mono = ImageFont.truetype(rng.choice(MONO), size)
        sans = ImageFont.truetype(SANS, size)
        dark = rng.random() < 0.5
        bg, fg, code_bg = (
            ((54, 57, 63), (220, 221, 222), (47, 49, 54))
            if dark
            else ((255, 255, 255), (29, 28, 29), (248, 248, 248))
        )
        tw = int(max(mono.getlength(t) for t in text))
        W, H = tw + 120, 90 + (size + 6) * len(text) + 40
        img = Image.new("RGB", (W, H), bg)
        d = ImageDraw.Draw(img)
        d.ellipse((12, 12, 48, 48), fill=(88, 101, 242))
        d.text((60, 12), "benchbot  Today at 10:42", fill=fg, font=sans)
        d.text(
            (60, 36),
            rng.choice(["here are the numbers:", "new eval results", "results below"]),
            fill=fg,
            font=sans,
        )
        d.rectangle(
            (56, 62, 56 + tw + 24, 62 + (size + 6) * len(text) + 16),
            fill=code_bg,
            outline=(200, 200, 200) if not dark else (32, 34, 37),
        )
        for k, t in enumerate(text):
            d.text((68, 70 + k * (size + 6)), t, fill=fg, font=mono)
        name = f"ascii_{i:03d}.png"
        img.save(out / name)
        truth[name] = {
            "columns": columns,
            "settings": [None] * len(columns),
            "rows": rows,
            "style": "ascii_block",
        }
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
