"""A results page in a high-contrast desktop theme: a black ground, a window title
("results.html — Viewer"), a yellow link back to the index, and a table with thin white
rules round every cell; the column names bold in one saturated colour (cyan, magenta,
orange, light blue), the model names in another (green, yellow, light blue), scores white,
with a size column ("70B") and a training-tokens column ("6T")."""

from pathlib import Path

from looks.common import BENCH, MODELS, look_run, size_of

FONTS = ["Arial", "DejaVu Sans", "Liberation Sans", "Verdana", "Liberation Serif",
         "DejaVu Sans Mono"]
HEADER_INKS = ["#00ffff", "#ff00ff", "#ffa500", "#7fc7ff", "#00e5ff", "#ff66ff"]
NAME_INKS = ["#00ff00", "#3ff23f", "#ffff00", "#8fd3ff", "#7cfc00"]
TOKENS = ["1T", "1.4T", "2T", "2.6T", "3T", "6T", "7T", "15T", "300B"]


def _tokens_t(text: str) -> float:
    number = float(text[:-1])
    return number / 1000 if text.endswith("B") else number


def generate(out: Path, count: int, seed: int) -> dict:
    with look_run(out, seed, (1000, 800)) as (rng, browser, truth):
        for i in range(count):
            models = rng.sample([m for m in MODELS if size_of(m)], rng.randint(3, 7))
            benches = rng.sample(BENCH, rng.randint(2, 4))
            with_tokens = rng.random() < 0.7
            columns = ["Model", "Size"] + (["Tokens"] if with_tokens else []) + benches
            rows, printed = [], []
            for model in models:
                size = size_of(model)
                tokens = rng.choice(TOKENS)
                values = [f"{rng.uniform(20, 90):.1f}" for _ in benches]
                cells = ([model, f"{size:g}B"] + ([tokens] if with_tokens else []) + values)
                mmlu = float(values[benches.index("MMLU")]) if "MMLU" in benches else None
                rows.append({"model": model, "params_b": size,
                             "tokens_t": _tokens_t(tokens) if with_tokens else None,
                             "mmlu": mmlu, "cells": cells})
                printed.append(cells)
            font, size_px = rng.choice(FONTS), rng.randint(13, 17)
            head = "".join(f"<th>{c}</th>" for c in columns)
            body = "".join("<tr><td class='m'>" + "</td><td>".join(r) + "</td></tr>"
                           for r in printed)
            page = f"""<!doctype html><html><head><meta charset='utf-8'><style>
body{{margin:0;background:#000;color:#fff;font-family:'{font}';font-size:{size_px}px}}
#shot{{display:inline-block;padding:0 0 16px 0;background:#000}}
.title{{background:#000;color:#fff;border-bottom:1px solid #fff;padding:4px 10px;
 font-size:{size_px - 1}px}}
a{{color:#ffff00;text-decoration:underline;display:block;margin:10px 12px}}
table{{border-collapse:collapse;margin:4px 12px}}
th,td{{border:1px solid #fff;padding:{rng.randint(3, 6)}px {rng.randint(6, 10)}px}}
th{{color:{rng.choice(HEADER_INKS)};font-weight:bold;text-align:left}}
td.m{{color:{rng.choice(NAME_INKS)}}}
</style></head><body><div id='shot'><div class='title'>results.html — Viewer</div>
<a>Back to index</a><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>
</div></body></html>"""
            shot = browser.shoot(page, rng.choice([1.0, 1.0, 1.25]))
            name = f"contrast_{i:03d}.png"
            shot.save(out / name)
            truth[name] = {"columns": columns, "settings": [None] * len(columns),
                           "rows": rows, "style": "contrast_grid"}
    return truth
