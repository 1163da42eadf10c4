"""A conference paper under review: grey line numbers (212, 213, ...) in a narrow strip
at the page's left (and sometimes right) margin, one every text line down the whole page,
beside a booktabs table set between paragraphs. The name column is narrow, so some long
names wrap after a hyphen ("Orinth-3-" over "14B-Base"). Chromium, serif and sans faces at
11-14 px, device pixel ratio 1 to 2, some JPEG.

The line numbers are no column of the table: the truth has none.
"""

from __future__ import annotations

import random
from pathlib import Path

from looks.common import BENCH, MODELS, drawn_rows, look_run, save_shot

FAMILIES = ["Liberation Serif", "DejaVu Serif", "FreeSerif", "Liberation Sans", "Roboto"]
STEMS = ["Orinth", "Vexa", "Marrow", "Halden", "Kestrel", "Lumece"]
SENTENCES = [
    "We compare our models with open models of similar size under the same evaluation harness.",
    "All scores are accuracies in percent; the best result in each column is set in bold.",
    "Few-shot prompts follow the original papers unless stated otherwise.",
    "Instruction-tuned variants are evaluated with their chat templates applied.",
    "Results for baselines were reproduced by us and may differ from the reported figures.",
    "The gap between base and instruction-tuned models narrows on reasoning benchmarks.",
    "We observe that longer pre-training improves knowledge-heavy tasks the most.",
]


def _name(rng: random.Random) -> str:
    """Long made-up names that wrap in a narrow column, and known ones that fit."""
    if rng.random() < 0.4:
        return rng.choice(MODELS)
    return (f"{rng.choice(STEMS)}-{rng.choice(['2', '3', '3.5'])}-"
            f"{rng.choice([7, 8, 14, 32])}B-{rng.choice(['Base', 'Instruct', 'Chat'])}")


def _paragraph(rng: random.Random) -> str:
    return " ".join(rng.sample(SENTENCES, rng.randint(3, 5)))


def _page(rng: random.Random, columns: list[str], rows: list[list[str]]) -> str:
    family = rng.choice(FAMILIES)
    size = rng.randint(11, 14)
    line = round(size * rng.uniform(1.25, 1.45))
    first = rng.randint(100, 480)
    both = rng.random() < 0.4
    name_width = round(size * rng.uniform(5.5, 7.0))
    numbers = "".join(f"<div>{first + i}</div>" for i in range(120))
    ruler = ("position:absolute;top:{top}px;bottom:0;{side}:8px;width:{w}px;overflow:hidden;"
             f"color:#8a8a8a;font-size:{size - 2}px;line-height:{line}px;text-align:right")
    margins = f"<div style='{ruler.format(top=24, side='left', w=3 * size)}'>{numbers}</div>"
    if both:
        margins += f"<div style='{ruler.format(top=24, side='right', w=3 * size)}'>{numbers}</div>"
    header = "".join(f"<th>{c}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>" for cells in rows)
    style = (
        f"body{{margin:0;background:#fff}}#shot{{position:relative;overflow:hidden;"
        f"width:{rng.randint(620, 760)}px;padding:24px {4 * size}px 24px {4 * size + 10}px;"
        f"font-family:'{family}';font-size:{size}px;line-height:{line}px;color:#111}}"
        f"p{{margin:0 0 {line}px;text-align:justify}}"
        f"table{{border-collapse:collapse;margin:0 auto {line}px;border-top:1.5px solid #000;"
        "border-bottom:1.5px solid #000}thead th{border-bottom:1px solid #000;"
        "font-weight:normal;padding:3px 8px}td{padding:2px 8px;text-align:center;"
        "vertical-align:top}"
        f"td:first-child,th:first-child{{text-align:left;width:{name_width}px}}"
        ".cap{text-align:center;margin-bottom:6px}"
    )
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>{style}</style></head>"
            f"<body><div id='shot'>{margins}<p>{_paragraph(rng)}</p>"
            f"<div class='cap'>Table {rng.randint(1, 6)}: Results of open models on "
            f"standard benchmarks.</div><table><thead><tr>{header}</tr></thead>"
            f"<tbody>{body}</tbody></table><p>{_paragraph(rng)}</p></div></body></html>")


def generate(out: Path, count: int, seed: int) -> dict:
    with look_run(out, seed, (1000, 1200)) as (rng, browser, truth):
        for i in range(count):
            benches = rng.sample(BENCH, rng.randint(3, 5))
            if "MMLU" not in benches:
                benches[0] = "MMLU"
            rows, cells = drawn_rows(rng, _name, rng.randint(4, 7), benches)
            columns = ["Model", *benches]
            image = browser.shoot(_page(rng, columns, cells), rng.choice([1.0, 1.5, 2.0]))
            name = save_shot(image, out, f"margin_{i:03d}", rng, 0.3)
            truth[name] = {"columns": columns, "settings": [None] * len(columns),
                           "rows": rows, "style": "line_margin"}
    return truth
