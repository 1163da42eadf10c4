"""Dark dashboard tables: a monitoring dashboard's table panel and an experiment tracker's
runs table, both on a dark page.

- **Table panels** (Grafana-like): a dark grey panel with a title, a header row in muted
  bold, each score cell coloured by a threshold (green / amber / red): the whole cell
  filled, a gradient fill, a rounded box inset in the cell, or the number's text coloured
  instead; numbers with or without "%", left- or right-aligned, tight or roomy padding.
- **Runs tables** (Weights & Biases-like): a dark page, a small coloured dot before each
  run's name (one per row, in a column), "eval/..." headers, some with an eye icon and a
  run count over the table, some with value cells tinted by a colour scale.

Several fonts and sizes, device pixel ratios 1 to 2, about a third saved as JPEG. The
truth is each cell as printed: a fill, a dot or an icon is no part of a cell. Written while
tuning, its images looked at: a tuning set, never a test set."""

import random
from pathlib import Path

from looks.common import BENCH, MODELS, look_run, save_shot, size_of
from looks.leaderboard import size_in_name
from looks.runs import _run_name

FONTS = [
    "Inter, 'Open Sans', sans-serif",
    "Roboto, sans-serif",
    "'DejaVu Sans', sans-serif",
    "'Liberation Sans', sans-serif",
    "'Roboto Condensed', sans-serif",
    "'Open Sans', sans-serif",
]
# (fill, text on the fill) for good / middling / poor, as dashboards colour thresholds
THRESHOLDS = [
    [("#73bf69", "#000000"), ("#ff9830", "#000000"), ("#f2495c", "#ffffff")],
    [("#37872d", "#ffffff"), ("#e0b400", "#000000"), ("#c4162a", "#ffffff")],
    [("#56a64b", "#ffffff"), ("#fade2a", "#000000"), ("#e02f44", "#ffffff")],
]
PANEL_TITLES = [
    "Eval accuracy",
    "Benchmark scores",
    "Nightly evals",
    "Model quality",
    "Leaderboard (last 24h)",
    "Regression suite",
]
RUN_DOTS = [
    "#e6a23c",
    "#5387dd",
    "#da4c4c",
    "#479a5f",
    "#a12864",
    "#229487",
    "#7d54b2",
    "#e87b35",
    "#5bc5db",
    "#c565c7",
]
RUN_METRICS = ["eval/mmlu", "eval/gsm8k", "eval/arc_c", "eval/hellaswag", "eval/bbh", "eval/loss"]


def _panel(rng: random.Random, variant: int) -> tuple[str, dict]:
    """A table panel: model rows, benchmark columns, cells coloured by threshold."""
    mode = ["fill", "gradient", "box", "text"][variant % 4]
    colours = rng.choice(THRESHOLDS)
    percent = rng.random() < 0.5
    benches = rng.sample(BENCH, rng.randint(3, 5))
    if "MMLU" not in benches and rng.random() < 0.7:
        benches[0] = "MMLU"
    models = rng.sample(MODELS, rng.randint(4, 8))
    pad = rng.choice([(4, 6), (6, 8), (8, 12)])
    align = rng.choice(["left", "right"])
    rows, body = [], []
    for model in models:
        values = [f"{rng.uniform(20, 95):.{rng.choice([1, 1, 2])}f}" for _ in benches]
        printed = [f"{v}%" if percent else v for v in values]
        mmlu = float(values[benches.index("MMLU")]) if "MMLU" in benches else None
        rows.append(
            {
                "model": model,
                "params_b": size_of(model),
                "tokens_t": None,
                "mmlu": mmlu,
                "cells": [model, *printed],
            }
        )
        cells = [f"<td class='name'>{model}</td>"]
        for value, text in zip(values, printed, strict=True):
            fill, ink = colours[0 if float(value) >= 70 else 1 if float(value) >= 45 else 2]
            if mode == "fill":
                cells.append(f"<td style='background:{fill};color:{ink}'>{text}</td>")
            elif mode == "gradient":
                cells.append(
                    f"<td style='background:linear-gradient(120deg,{fill}cc,{fill});"
                    f"color:{ink}'>{text}</td>"
                )
            elif mode == "box":
                cells.append(
                    f"<td><span class='box' style='background:{fill};color:{ink}'>"
                    f"{text}</span></td>"
                )
            else:
                cells.append(f"<td style='color:{fill}'>{text}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    columns = [rng.choice(["Model", "model", "Name"]), *benches]
    head = "".join(f"<th>{h}</th>" for h in columns)
    panel = rng.choice(["#181b1f", "#1f1f23", "#161719", "#212124"])
    line = rng.choice(["#2c3235", "#34373c", "#26292e"])
    style = (
        f"body{{margin:0;background:#111217}}#shot{{display:inline-block;padding:"
        f"{rng.choice([10, 16, 24])}px;background:#111217}}"
        f".panel{{background:{panel};border:1px solid {line};border-radius:3px;padding:8px;"
        f"font-family:{rng.choice(FONTS)};font-size:{rng.choice([12, 13, 14])}px;"
        f"color:#ccccdc}}.title{{font-weight:500;font-size:{rng.choice([13, 14, 15])}px;"
        f"margin:0 0 8px 2px}}table{{border-collapse:collapse;"
        f"min-width:{rng.choice([360, 480, 620])}px}}"
        f"th{{color:{rng.choice(['#6e9fff', '#ccccdc', '#9fa7b3'])};font-weight:500;"
        f"text-align:{align};padding:{pad[0]}px {pad[1]}px;border-bottom:1px solid {line}}}"
        f"td{{padding:{pad[0]}px {pad[1]}px;border-bottom:1px solid {line};"
        f"text-align:{align};white-space:nowrap}}th:first-child,td.name{{text-align:left}}"
        ".box{display:inline-block;border-radius:3px;padding:1px 6px}"
    )
    html = (
        f"<!doctype html><html><head><meta charset='utf-8'><style>{style}</style></head>"
        f"<body><div id='shot'><div class='panel'><div class='title'>"
        f"{rng.choice(PANEL_TITLES)}</div><table><thead><tr>{head}</tr></thead><tbody>"
        f"{''.join(body)}</tbody></table></div></div></body></html>"
    )
    return html, {"columns": columns, "settings": [None] * len(columns), "rows": rows}


def _tint(value: float) -> str:
    """A dark-theme colour scale from a dim red to a dim green."""
    share = max(0.0, min(1.0, (value - 0.2) / 0.7))
    red, green = int(120 - 80 * share), int(50 + 70 * share)
    return f"rgb({red},{green},60)"


def _runs(rng: random.Random, variant: int) -> tuple[str, dict]:
    """A runs table: a coloured dot and a run's name per row, then its metrics, some chrome
    columns (a runtime, a step count) that are no part of the truth."""
    metrics = rng.sample(RUN_METRICS[:5], rng.randint(2, 4))
    if "eval/mmlu" not in metrics and rng.random() < 0.7:
        metrics[0] = "eval/mmlu"
    if rng.random() < 0.3:
        metrics.append("eval/loss")
    tinted = variant % 3 == 2
    eye = rng.random() < 0.5
    ruled = variant % 3 != 1 or rng.random() < 0.3
    places = rng.choice([3, 4])
    dot_size = rng.choice([6, 7, 8, 10, 12, 14])
    chrome = [c for c in ["Runtime", "Step"] if rng.random() < 0.4]
    names: list[str] = []
    while len(names) < rng.randint(4, 10):
        name = _run_name(rng)
        if name not in names:
            names.append(name)
    drawn = [
        (
            run,
            [
                rng.uniform(0.15, 0.9) if m != "eval/loss" else rng.uniform(0.8, 2.5)
                for m in metrics
            ],
        )
        for run in names
    ]
    if rng.random() < 0.5:  # sorted by a metric, as a tracker's column sort leaves it
        column = rng.randrange(len(metrics))
        drawn.sort(key=lambda item: item[1][column], reverse=rng.random() < 0.7)
    rows, body = [], []
    for i, (run, values) in enumerate(drawn):
        printed = [f"{v:.{places}f}" for v in values]
        mmlu = float(printed[metrics.index("eval/mmlu")]) if "eval/mmlu" in metrics else None
        rows.append(
            {
                "model": run,
                "params_b": size_in_name(run),
                "tokens_t": None,
                "mmlu": mmlu,
                "cells": [run, *printed],
            }
        )
        colour = RUN_DOTS[i % len(RUN_DOTS)]
        dot = (
            f"<span style='display:inline-block;width:{dot_size}px;height:{dot_size}px;"
            f"border-radius:50%;background:{colour}'></span>"
        )
        icon = "<span class='muted'>&#x25C9;</span>" if eye else ""
        value_cells = "".join(
            f"<td style='background:{_tint(v)}'>{t}</td>"
            if tinted and m != "eval/loss"
            else f"<td>{t}</td>"
            for m, v, t in zip(metrics, values, printed, strict=True)
        )
        chrome_cells = "".join(
            f"<td class='muted'>{rng.randint(1, 23)}h {rng.randint(1, 59)}m</td>"
            if c == "Runtime"
            else f"<td>{rng.randint(1, 40) * 500}</td>"
            for c in chrome
        )
        body.append(
            f"<tr><td class='dot'>{icon}{dot}</td><td>{run}</td>{chrome_cells}{value_cells}</tr>"
        )
    name_header = rng.choice(["Name", "Run", "name"])
    columns = [name_header, *metrics]
    head = "<th></th>" + "".join(f"<th>{h}</th>" for h in [name_header, *chrome, *metrics])
    background = rng.choice(["#1a1c1f", "#0d1117", "#181a1f", "#202225"])
    line = rng.choice(["#2c2f33", "#33373d", "#26292e"]) if ruled else "transparent"
    count = (
        f"<div class='count'>Runs <span class='muted'>{len(names)}</span></div>"
        if rng.random() < 0.6
        else ""
    )
    style = (
        f"body{{margin:0;background:{background}}}#shot{{display:inline-block;"
        f"padding:{rng.choice([10, 14, 30])}px;"
        f"background:{background};color:#e6e6e6;font-family:{rng.choice(FONTS)};"
        f"font-size:{rng.choice([12, 13, 14])}px}}.muted{{color:#8a9099;margin-right:6px}}"
        ".count{font-weight:600;margin-bottom:8px}table{border-collapse:collapse}"
        f"th{{color:#a8aeb6;font-weight:500;text-align:left;padding:6px 12px;"
        f"border-bottom:1px solid {line};white-space:nowrap}}"
        f"td{{padding:{rng.choice([4, 6, 8])}px 12px;border-bottom:1px solid {line};"
        f"white-space:nowrap;text-align:{rng.choice(['left', 'right'])}}}"
        "td.dot{padding-right:2px;width:1px}"
    )
    html = (
        f"<!doctype html><html><head><meta charset='utf-8'><style>{style}</style></head>"
        f"<body><div id='shot'>{count}<table><thead><tr>{head}</tr></thead><tbody>"
        f"{''.join(body)}</tbody></table></div></body></html>"
    )
    return html, {"columns": columns, "settings": [None] * len(columns), "rows": rows}


VARIANTS = 6


def generate(out: Path, count: int, seed: int) -> dict:
    """``count`` images: table panels and runs tables in turn, each in its variants."""
    with look_run(out, seed, (1400, 1000)) as (rng, browser, truth):
        for i in range(count):
            variant = i // 2 % VARIANTS
            kind = "panel" if i % 2 == 0 else "runs"
            html, table = (_panel if kind == "panel" else _runs)(rng, variant)
            image = browser.shoot(html, rng.choice([1.0, 1.25, 1.5, 2.0]))
            name = save_shot(image, out, f"dark_dashboards_{i:03d}", rng, 0.3)
            style = variant % (4 if kind == "panel" else 3)
            truth[name] = {**table, "style": f"dashboard_{kind}_{style}"}
    return truth
