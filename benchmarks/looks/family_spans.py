"""Web tables grouped by model family, the size cell merged over the family's rows.

A light page, a sans face, thin light rules between rows (or zebra stripes), a coloured
bar (its colour the family's) down the left edge of each family's rows. The size column
("Params", "Size") holds ONE cell per family, HTML ``rowspan`` over all its rows, the
value printed once and centred on them (so on the boundary between two rows, or in the
middle row); no rule crosses it. Model names are left-aligned and state no size, scores
right-aligned.

Style ``family_spans``: the families' model rows only. Style ``family_averages``: each
family closed by an "Average" ("Mean", "Avg.") row, the family's column means, its name
cell holding no model (the label, or nothing); the merged size cell spans the model
rows or the average too.

Truth lists the model rows only, each sized by its family's merged cell.
"""

from __future__ import annotations

import random
from pathlib import Path

from looks.common import BENCH, look_run, save_shot

# (family size printed, models that state no size)
FAMILIES = [
    ("7B", ["Llama-2-Chat", "Vicuna-v1.5", "Orca-2", "Zephyr-beta", "OpenHermes-2.5"]),
    ("13B", ["Llama-2-Base", "WizardLM-v1.2", "Tulu-2-DPO", "Nous-Hermes", "Xwin-LM"]),
    ("34B", ["Yi-Chat", "CodeLlama-Instruct", "Phind-CodeLlama", "Nous-Capybara"]),
    ("70B", ["Llama-2-Instruct", "Tulu-2", "Euryale", "StellarBright", "Platypus-2"]),
    ("8B", ["Llama-3-Instruct", "Hermes-2-Pro", "Dolphin-2.9", "Aura-Uncensored"]),
    ("1.8B", ["Qwen-Chat-Mini", "InternLM2-Chat", "Danube-Chat", "Stable-LM-Zephyr"]),
    ("14B", ["Qwen-Base", "Baichuan2-Chat", "Orion-Chat", "Ziya-LLaMA"]),
    ("2.7B", ["Phi-Base", "Dolly-v2", "GPT-Neo", "Pythia-Deduped"]),
]
BARS = ["#f97316", "#22c55e", "#ef4444", "#3b82f6", "#a855f7", "#eab308", "#14b8a6"]
FACES = ["Roboto", "Open Sans", "Liberation Sans", "DejaVu Sans", "FreeSans", "Arial"]
SIZE_HEADS = ["Params", "Size", "#Params", "Parameters"]
AVERAGES = ["Average", "Mean", "Avg."]


def _groups(rng: random.Random) -> list[tuple[str, list[str]]]:
    """Two to four families of one to four models, two of them at least two long."""
    picked = rng.sample(FAMILIES, rng.randint(2, 4))
    groups = [(size, rng.sample(models, rng.randint(1, 4))) for size, models in picked]
    for j in range(min(2, len(groups))):
        size, models = groups[j]
        if len(models) < 2:
            groups[j] = (size, [*models, *[m for m in dict(picked)[size] if m not in models][:1]])
    rng.shuffle(groups)
    return groups


def _page(rng: random.Random, averaged: bool) -> tuple[str, list[dict], list[str]]:
    """The page's HTML, the truth's rows and the columns (as the truth names them)."""
    groups = _groups(rng)
    benches = rng.sample(BENCH, rng.randint(2, 4))
    size_first = rng.random() < 0.7  # the size column right after the names, or last
    size_head = rng.choice(SIZE_HEADS)
    columns = [
        "Model",
        *([size_head] if size_first else []),
        *benches,
        *([] if size_first else [size_head]),
    ]
    places = rng.choice([1, 1, 2])
    face = rng.choice(FACES)
    font_px = rng.randint(13, 16)
    pad = f"{rng.randint(3, 9)}px {rng.randint(10, 16)}px"
    rule = rng.choice(["#e5e7eb", "#e2e8f0", "#eeeeee", "#dddddd", "#f1f5f9", "#f3f4f6"])
    # Some tables tell rows by zebra stripes alone, no rules (the merged cell keeps the
    # ground of its first row).
    striped = rng.random() < 0.25
    row_rule = "none" if striped else f"1px solid {rule}"
    stripes = "tbody tr:nth-child(even) td{background:#f6f7f9}" if striped else ""
    text = rng.choice(["#111827", "#1f2937", "#333333"])
    bar_width = rng.randint(3, 5)
    bar_cell = rng.random() < 0.5  # a narrow cell of its own, or the name cell's left border
    span_average = rng.random() < 0.5  # the merged size cell covers the average row too
    css = (
        f"body{{margin:14px;background:#fff;color:{text};font-family:'{face}';"
        f"font-size:{font_px}px}}table{{border-collapse:collapse}}"
        f"th{{font-weight:600;padding:{pad};border-bottom:1px solid #cbd5e1;text-align:right}}"
        f"td{{padding:{pad};border-bottom:{row_rule};text-align:right}}{stripes}"
        f"th.name,td.name{{text-align:left}}td.size{{vertical-align:middle;text-align:center}}"
        f"td.bar{{padding:0;width:{bar_width}px;border-bottom:none}}th.bar{{padding:0}}"
        f"tr.avg td{{font-style:italic;background:#f8fafc}}"
    )
    head = (["<th class='bar'></th>"] if bar_cell else []) + [
        f"<th class='name'>{c}</th>" if c == "Model" else f"<th>{c}</th>" for c in columns
    ]
    body: list[str] = []
    truth: list[dict] = []
    for g, (size, models) in enumerate(groups):
        colour = BARS[g % len(BARS)] if g < len(BARS) else rng.choice(BARS)
        scores = [[round(rng.uniform(20, 88), places) for _ in benches] for _ in models]
        has_average = averaged and len(models) >= 2
        span = len(models) + (1 if has_average and span_average else 0)
        lines = [(m, [f"{v:.{places}f}" for v in s]) for m, s in zip(models, scores, strict=True)]
        if has_average:
            means = [sum(s[b] for s in scores) / len(scores) for b in range(len(benches))]
            label = rng.choice(AVERAGES) if rng.random() < 0.8 else ""  # or no label at all
            lines.append((label, [f"{v:.{places}f}" for v in means]))
        for j, (name, values) in enumerate(lines):
            is_average = has_average and j == len(lines) - 1
            cells = []
            if bar_cell and j == 0:
                cells.append(
                    f"<td class='bar' rowspan='{len(lines)}' style='background:{colour}'></td>"
                )
            left = "" if bar_cell else f" style='border-left:{bar_width}px solid {colour}'"
            cells.append(f"<td class='name'{left}>{name}</td>")
            size_cell = ""
            if j == 0:
                size_cell = f"<td class='size' rowspan='{span}'>{size}</td>"
            elif j >= span:
                size_cell = "<td class='size'></td>"
            value_cells = [f"<td>{v}</td>" for v in values]
            if size_first:
                cells += [size_cell, *value_cells]
            else:
                cells += [*value_cells, size_cell]
            row_class = " class='avg'" if is_average else ""
            body.append(f"<tr{row_class}>{''.join(cells)}</tr>")
            if not is_average:
                mmlu = float(values[benches.index("MMLU")]) if "MMLU" in benches else None
                printed = [
                    name,
                    *([size] if size_first else []),
                    *values,
                    *([] if size_first else [size]),
                ]
                truth.append(
                    {
                        "model": name,
                        "params_b": float(size[:-1]),
                        "tokens_t": None,
                        "mmlu": mmlu,
                        "cells": printed,
                    }
                )
    html = (
        f"<!doctype html><html><head><meta charset='utf-8'><style>{css}</style></head>"
        f"<body><div id='shot'><table><thead><tr>{''.join(head)}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table></div></body></html>"
    )
    return html, truth, columns


def generate(out: Path, count: int, seed: int) -> dict:
    with look_run(out, seed, (1100, 900)) as (rng, browser, truth):
        for i in range(count):
            averaged = i % 2 == 1
            html, rows, columns = _page(rng, averaged)
            image = browser.shoot(html, rng.choice([1.0, 1.0, 1.25]))
            name = save_shot(image, out, f"family_{i:03d}", rng, 0.2)
            truth[name] = {
                "columns": columns,
                "settings": [None] * len(columns),
                "rows": rows,
                "style": "family_averages" if averaged else "family_spans",
            }
    return truth
