"""Run-tracker tables: experiment runs as Weights & Biases, MLflow, Aim or a notebook's own
dashboard list them (`cell_kinds`'s fractions draw a plain tracker table with a colour dot
and a runtime column only).

Each row is a run: a checkbox, a status dot or icon, the run's name with an id or hash
("qwen2-7b-sft-a1c3f9"), chrome columns (state, the user with an avatar of initials, tags as
chips, a duration "2h 13m", a relative time "3 days ago", a step count "12.5k", an id), and
metric columns (fractions or percents, "eval/mmlu" or "mmlu_acc" or "MMLU"). Headers carry
sort icons; long tags and notes are cut with "…". Light and dark, several fonts and sizes,
device pixel ratios 1 to 2, some JPEG.

The truth is the run's name and its metrics as printed: the chrome columns (times, users,
states, ids, steps, tags) are no part of it."""

import random
import re
from pathlib import Path

from looks.common import look_run, save_shot
from looks.leaderboard import size_in_name

BASES = ["llama3-8b", "qwen2-7b", "mistral-7b", "gemma-2b", "phi3-mini", "olmo-1b",
         "llama-ft-3x7b", "tinyllama-1.1b", "yi-6b", "deepseek-7b"]
RECIPES = ["sft", "dpo", "lora-r16", "base", "ft", "orpo", "cpt", "sft-lr3e5"]
USERS = ["jsmith", "a.kumar", "mchen", "lucia", "p-olsen", "tnguyen"]
STATES = [("finished", "#22c55e"), ("running", "#3b82f6"), ("crashed", "#ef4444"),
          ("failed", "#ef4444"), ("killed", "#a3a3a3")]
TAGS = ["baseline", "sweep", "lr=3e-5", "bf16", "ablation", "long-context", "v2", "best"]
SORT_ICONS = ["⇅", "↕", "▾", "▲", "↓"]
FONTS = ["'Source Sans Pro', 'Open Sans', sans-serif", "Roboto, sans-serif",
         "'DejaVu Sans', sans-serif", "'Liberation Sans', sans-serif",
         "'Roboto Condensed', sans-serif", "'FreeSans', sans-serif"]
# metric columns, as each tracker names them
METRIC_NAMES = {
    "wandb": ["eval/mmlu", "eval/gsm8k", "eval/arc_c", "eval/hellaswag", "eval/bbh"],
    "mlflow": ["mmlu_acc", "gsm8k_em", "arc_c_acc", "hellaswag_acc", "truthfulqa_mc2"],
    "plain": ["MMLU", "GSM8K", "ARC-C", "HellaSwag", "BBH"],
}


def _hash(rng: random.Random, length: int) -> str:
    """A hex id in which no digit stands before a "b" (it would read as a size)."""
    while True:
        text = "".join(rng.choice("0123456789abcdef") for _ in range(length))
        if not re.search(r"\db", text):
            return text


def _run_name(rng: random.Random) -> str:
    name = f"{rng.choice(BASES)}-{rng.choice(RECIPES)}"
    return f"{name}-{_hash(rng, 6)}" if rng.random() < 0.7 else f"{name}-run{rng.randint(2, 40)}"


def _duration(rng: random.Random) -> str:
    return rng.choice([f"{rng.randint(1, 23)}h {rng.randint(1, 59)}m",
                       f"{rng.randint(1, 59)}m {rng.randint(1, 59)}s",
                       f"{rng.randint(1, 4)}d {rng.randint(1, 23)}h"])


def _ago(rng: random.Random) -> str:
    return rng.choice([f"{rng.randint(2, 23)} hours ago", f"{rng.randint(2, 12)} days ago",
                       "yesterday", f"{rng.randint(2, 55)} minutes ago",
                       f"Nov {rng.randint(1, 28)}, 2026"])


def _steps(rng: random.Random) -> str:
    return rng.choice([f"{rng.uniform(1, 99):.1f}k", f"{rng.randint(1, 9)}.{rng.randint(0, 9)}M",
                       f"{rng.randint(1, 60) * 500:,}"])


def _theme(rng: random.Random, dark: bool) -> dict[str, str]:
    if dark:
        return {"bg": rng.choice(["#1a1c1f", "#0d1117", "#181a1f"]), "fg": "#e6e6e6",
                "head": "#24272c", "line": "#33373d", "chip": "#2f3b52", "muted": "#9aa0a6"}
    return {"bg": "#ffffff", "fg": rng.choice(["#1a1a1a", "#222", "#2d3748"]),
            "head": rng.choice(["#f6f7f9", "#fafafa", "#ffffff"]), "line": "#e6e8eb",
            "chip": rng.choice(["#e8eefc", "#eef2f7", "#f1f5f9"]), "muted": "#6b7280"}


def _chip(text: str, theme: dict[str, str]) -> str:
    return (f"<span style='background:{theme['chip']};border-radius:10px;padding:1px 7px;"
            f"margin-right:4px;font-size:.85em'>{text}</span>")


def _avatar(user: str, colour: str) -> str:
    initials = "".join(part[0] for part in user.replace(".", "-").split("-")[:2]).upper()
    return (f"<span style='display:inline-block;width:18px;height:18px;border-radius:50%;"
            f"background:{colour};color:#fff;font-size:9px;line-height:18px;text-align:center;"
            f"margin-right:6px'>{initials[:2]}</span>{user}")


def _cut(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def _chrome(rng: random.Random) -> list[str]:
    """Which chrome columns this tracker shows, in its order."""
    picked = [c for c in ["State", "User", "Tags", "Runtime", "Created", "Step", "ID"]
              if rng.random() < 0.55]
    return picked or ["Runtime"]


def _chrome_cell(rng: random.Random, column: str, theme: dict[str, str], state: tuple[str, str],
                 run_id: str) -> str:
    if column == "State":
        return f"<span style='color:{state[1]}'>●</span> {state[0]}"
    if column == "User":
        return _avatar(rng.choice(USERS), rng.choice(["#6366f1", "#0ea5e9", "#f59e0b", "#10b981"]))
    if column == "Tags":
        tags = rng.sample(TAGS, rng.randint(1, 3))
        return "".join(_chip(_cut(t, 9), theme) for t in tags)
    if column == "Runtime":
        return _duration(rng)
    if column == "Created":
        return _ago(rng)
    if column == "Step":
        return _steps(rng)
    return run_id


def _metric(value: float, percent: bool, places: int) -> str:
    return f"{100 * value:.{places - 2}f}" if percent else f"{value:.{places}f}"


def _table(rng: random.Random, variant: int) -> tuple[str, dict]:
    tracker = ["wandb", "mlflow", "plain"][variant % 3]
    dark = variant % 2 == 1
    theme = _theme(rng, dark)
    metrics = rng.sample(METRIC_NAMES[tracker], rng.randint(2, 4))
    mmlu_name = METRIC_NAMES[tracker][0]
    if mmlu_name not in metrics and rng.random() < 0.7:
        metrics[0] = mmlu_name
    chrome = _chrome(rng)
    chrome_first = rng.random() < 0.6
    percent = tracker == "plain" and rng.random() < 0.6
    places = rng.choice([3, 4])
    name_header = rng.choice(["Name", "Run", "Run Name", "name"])
    sort_icon = rng.choice(SORT_ICONS) if rng.random() < 0.7 else ""
    columns = [name_header, *metrics]
    checkbox = ("<span style='display:inline-block;width:12px;height:12px;"
                f"border:1px solid {theme['muted']};border-radius:2px'></span>")
    header_cells = [checkbox, name_header, *(chrome if chrome_first else []), *metrics,
                    *([] if chrome_first else chrome)]
    icon = f" <span style='color:{theme['muted']}'>{sort_icon}</span>" if sort_icon else ""
    head = "".join(f"<th>{h}{icon if i else ''}</th>" for i, h in enumerate(header_cells))
    rows, body = [], []
    for _ in range(rng.randint(4, 9)):
        run = _run_name(rng)
        state = rng.choice(STATES)
        values = [rng.uniform(0.15, 0.9) for _ in metrics]
        printed = [_metric(v, percent, places) for v in values]
        mmlu = float(printed[metrics.index(mmlu_name)]) if mmlu_name in metrics else None
        rows.append({"model": run, "params_b": size_in_name(run), "tokens_t": None, "mmlu": mmlu,
                     "cells": [run, *printed]})
        dot = (f"<span style='display:inline-block;width:9px;height:9px;border-radius:50%;"
               f"margin-right:7px;background:{state[1]}'></span>")
        chrome_cells = [_chrome_cell(rng, c, theme, state, _hash(rng, 8)) for c in chrome]
        cells = [checkbox, dot + run,
                 *(chrome_cells if chrome_first else []), *printed,
                 *([] if chrome_first else chrome_cells)]
        body.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    align = rng.choice(["left", "right"])
    style = (
        f"body{{margin:0;background:{theme['bg']}}}#shot{{display:inline-block;padding:12px;"
        f"background:{theme['bg']};color:{theme['fg']};font-family:{rng.choice(FONTS)};"
        f"font-size:{rng.choice([12, 13, 14])}px}}table{{border-collapse:collapse}}"
        f"th{{background:{theme['head']};text-align:left;padding:7px 12px;"
        f"font-weight:{rng.choice(['500', '600'])};border-bottom:1px solid {theme['line']};"
        f"white-space:nowrap}}td{{padding:6px 12px;border-bottom:1px solid {theme['line']};"
        f"white-space:nowrap;text-align:{align}}}td:nth-child(2){{text-align:left}}"
    )
    html = (f"<!doctype html><html><head><meta charset='utf-8'><style>{style}</style></head>"
            f"<body><div id='shot'><table><thead><tr>{head}</tr></thead><tbody>"
            f"{''.join(body)}</tbody></table></div></body></html>")
    return html, {"columns": columns, "settings": [None] * len(columns), "rows": rows}


VARIANTS = 6


def generate(out: Path, count: int, seed: int) -> dict:
    """``count`` images, the six trackers' looks (three trackers, light and dark) in turn."""
    with look_run(out, seed, (1600, 1000)) as (rng, browser, truth):
        for i in range(count):
            variant = i % VARIANTS
            html, table = _table(rng, variant)
            image = browser.shoot(html, rng.choice([1.0, 1.25, 2.0]))
            name = save_shot(image, out, f"runs_{i:03d}", rng, 0.3)
            truth[name] = {**table, "style": f"runs_{variant}"}
    return truth
