"""HTML tables with border=1 (each cell boxed, double borders) or a
collapsed grid, in Chromium, shrunk to 250-420 px JPEGs; some names wrapped in their cell."""

import json
import random
from pathlib import Path

from browser import Browser

from looks.common import BENCH, MODELS, size_of

LONG = [
    "Qwen1.5-72B-Chat-GPTQ-Int4",
    "Llama-2-70B-Chat-AWQ",
    "Mistral-7B-Instruct-v0.2",
    "Baichuan2-13B-Chat-4bits",
    "InternLM2-20B-Chat-GPTQ",
]


def generate(out: Path, count: int, seed: int) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    browser = Browser((900, 700))
    try:
        for i in range(count):
            n_rows, n_bench = rng.randint(3, 6), rng.randint(2, 4)
            models = rng.sample(MODELS + LONG, n_rows)
            benches = rng.sample(BENCH, n_bench)
            with_params = rng.random() < 0.4
            columns = ["Model"] + (["Size"] if with_params else []) + benches
            rows = []
            for m in models:
                p = size_of(m)
                cells = [m] + ([f"{p:g}B" if p else "-"] if with_params else [])
                vals = [f"{rng.uniform(10, 90):.1f}" for _ in benches]
                cells += vals
                mmlu = float(vals[benches.index("MMLU")]) if "MMLU" in benches else None
                rows.append(
                    {"model": m, "params_b": p, "tokens_t": None, "mmlu": mmlu, "cells": cells}
                )
            collapse = rng.random() < 0.5
            font = rng.choice(
                ["Arial", "Times New Roman", "DejaVu Sans", "Liberation Serif", "Verdana"]
            )
            name_width = rng.choice(["", "max-width:120px;"])
            head = rng.choice(
                ["", "background:#ddd;", "background:#4472c4;color:white;", "background:#f2f2f2;"]
            )
            style = (
                f"table{{border-collapse:{'collapse' if collapse else 'separate'};"
                f"font-family:'{font}';font-size:{rng.randint(13, 16)}px}}"
                f"td,th{{border:1px solid {rng.choice(['#000', '#444', '#999'])};"
                f"padding:{rng.randint(2, 6)}px {rng.randint(4, 8)}px}}"
                f"th{{{head}}} td:first-child{{{name_width}}}"
            )
            body = "".join(
                "<tr>" + "".join(f"<td>{c}</td>" for c in r["cells"]) + "</tr>" for r in rows
            )
            html = (
                f"<html><head><style>body{{margin:8px;background:white}}{style}</style></head><body>"
                f"<table id='shot' border='1'><tr>{''.join(f'<th>{c}</th>' for c in columns)}</tr>"
                f"{body}</table></body></html>"
            )
            img = browser.shoot(html, 1.0)
            width = rng.randint(250, 420)
            if img.width > width:
                img = img.resize((width, round(img.height * width / img.width)))
            name = f"html_{i:03d}.jpg"
            img.save(out / name, quality=rng.randint(55, 85))
            truth[name] = {
                "columns": columns,
                "settings": [None] * len(columns),
                "rows": rows,
                "style": "html_grid",
            }
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
