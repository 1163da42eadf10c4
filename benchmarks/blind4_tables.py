"""A fourth blind test set of LLM benchmark tables, written by its own rules.

    python benchmarks/blind4_tables.py OUT_DIR [--count 48] [--seed 33000]

Written without opening the reader or any other generator of this repository: twelve
looks of tables as people screenshot and share them, evenly spread (``STYLES``), each drawn
as a page in headless Chromium (``browser.py``) and some then photographed, resized or saved
as JPEG. Model names, benchmarks and values come from this file's own lists and rules.

Truth (``truth.json``: file -> {"style", "title", "columns", "rows"}), only what is printed,
as printed:

- ``columns`` are the header cells in printed order, the model column first. A benchmark
  keeps the name its header cell prints, with any setting printed in that cell
  ("MMLU (5-shot)", "HumanEval (pass@1)"). Under a group title spanning several columns
  ("Reasoning" over "GSM8K" and "MATH") the truth name is the column's own name ("GSM8K"):
  group titles, settings lines drawn apart from the cell, rank and index columns, sheet row
  numbers and column letters, sort arrows, footnote marks after a model's name, section
  rows and link icons are not truth.
- A table drawn with the models across (benchmarks down) is given in the same form, a row
  per model, so that a model's scores compare whichever way the table is turned.
- ``rows``: ``model`` (the name as printed, without its footnote mark), ``cells`` (the
  printed text of each column, "–" or "N/A" where the table prints that), ``params_b`` from
  the size column, else from a size in the model's name, else null; ``tokens_t`` (trillions)
  only from a training-tokens column; ``mmlu`` only from a column named MMLU (with or without
  a setting), never MMLU-Pro or CMMLU.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import math
import random
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

# this checkout's imgread, ahead of an editable install of another checkout (a venv
# shared by several worktrees), and the benchmarks beside this script
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import Browser

# --- what the tables say --------------------------------------------------------------------

FAMILIES = ["Corvid", "Tessel", "Halcyon", "Marlin", "Quill", "Sable", "Lumo", "Kestrel",
            "Aster", "Brio", "Cobalt", "Dune", "Ember", "Fable", "Gantry", "Heron", "Iris",
            "Juniper", "Kite", "Larch", "Mosaic", "Nimbus", "Onyx", "Pylon", "Rook", "Sorrel",
            "Tundra", "Umber", "Vesper", "Wren", "Yarrow", "Zephon", "Atlasia", "Borealis"]
CN_FAMILIES = ["Tianshu", "Wenhai", "Jiuzhang", "Qiming", "Hongmeng", "Zhuque", "Xihe",
               "Kunpeng", "Taiyi", "Yuheng", "Panlong", "Fuxi"]
CN_NAMED = ["天衡", "书澜", "问海", "启明"]
CLOSED = ["Orbit-Pro", "Sable Ultra", "Nimbus Max", "Vesper-Turbo", "Kestrel Large",
          "Aster Opus", "Cobalt-XL (API)", "Heron Prime"]
SIZES = [0.5, 1.1, 1.8, 2.7, 3, 6.7, 7, 8, 9, 13, 14, 20, 32, 34, 40, 65, 70, 72, 110]
SUFFIXES = ["", "", "-Chat", "-Instruct", "-Base", "-it", " Chat", "-SFT", "-DPO", "-v2"]

# name, (low, high) of plausible scores, a setting some tables print beside it
BENCHES: dict[str, tuple[float, float, str]] = {
    "MMLU": (38, 86, "5-shot"),
    "MMLU-Pro": (14, 62, "5-shot"),
    "GSM8K": (12, 92, "8-shot"),
    "MATH": (3, 58, "4-shot"),
    "HumanEval": (10, 84, "pass@1"),
    "MBPP": (18, 76, "3-shot"),
    "ARC-C": (40, 93, "25-shot"),
    "HellaSwag": (60, 89, "10-shot"),
    "WinoGrande": (60, 85, "5-shot"),
    "TruthfulQA": (33, 64, "0-shot"),
    "BBH": (28, 82, "3-shot"),
    "DROP": (30, 80, "3-shot"),
    "GPQA": (22, 48, "0-shot"),
    "IFEval": (30, 86, "strict"),
    "TriviaQA": (40, 82, "1-shot"),
    "NQ": (12, 38, "1-shot"),
    "PIQA": (70, 84, "0-shot"),
    "AGIEval": (22, 62, "0-shot"),
}
GROUPS = {
    "Knowledge": ["MMLU", "MMLU-Pro", "TriviaQA", "NQ"],
    "Reasoning": ["GSM8K", "MATH", "BBH", "DROP", "GPQA"],
    "Code": ["HumanEval", "MBPP"],
    "Commonsense": ["HellaSwag", "WinoGrande", "ARC-C", "PIQA"],
}
CN_BENCHES = {"C-Eval": (30, 88), "CMMLU": (30, 86), "GAOKAO": (20, 80), "AGIEval": (22, 62),
              "MMLU": (38, 84), "GSM8K": (12, 90), "HumanEval": (10, 80)}

MONO = ["DejaVu Sans Mono", "Liberation Mono", "FreeMono"]
SANS = ["Open Sans", "Roboto", "Liberation Sans", "DejaVu Sans", "FreeSans"]
SERIF = ["Liberation Serif", "FreeSerif", "DejaVu Serif"]
CJK = "'WenQuanYi Zen Hei'"


@dataclass
class Model:
    name: str
    params_b: float | None
    tokens_t: float | None
    scores: dict[str, float]
    mark: str = ""  # a footnote mark printed after the name
    moe: bool = False  # a mixture of experts: its size is only right in a size column


@dataclass
class Content:
    models: list[Model]
    benches: list[str]


def _size_in_name(size: float, rng: random.Random) -> str:
    text = f"{size:g}"
    return text + rng.choice(["B", "B", "B", "b"])


def make_models(rng: random.Random, count: int, *, cn: bool = False, closed: bool = True,
                moe: bool = False) -> list[Model]:
    """Models of one table: a few families in several sizes, perhaps a closed one or two."""
    families = rng.sample(CN_FAMILIES if cn else FAMILIES, k=min(4, count))
    joiner = rng.choice(["-", "-", " "])
    suffix = rng.choice(SUFFIXES)
    models: list[Model] = []
    names: set[str] = set()
    for attempt in range(count * 8):
        if len(models) >= count:
            break
        if closed and attempt % 5 == 4 and rng.random() < 0.5:
            name = rng.choice(CLOSED)
            size = None
        elif moe and not any(m.moe for m in models) and rng.random() < 0.5:
            family = rng.choice(families)
            if rng.random() < 0.5:
                experts, each = rng.choice([(8, 7), (8, 22), (4, 12), (16, 3)])
                name = f"{family}{joiner}{experts}x{each}B{suffix}"
                size = round(experts * each * rng.uniform(0.78, 0.86), 1)
            else:
                size = float(rng.choice([57, 42, 236, 30, 80]))
                active = rng.choice([14, 6.6, 21, 3, 12])
                name = f"{family}-MoE-{size:g}B-A{active:g}B"
            if name in names:
                continue
            names.add(name)
            models.append(Model(name, size, None, {}, moe=True))
            continue
        elif cn and rng.random() < 0.12:
            size = float(rng.choice([7, 13, 14, 20, 34]))
            name = f"{rng.choice(CN_NAMED)}-{size:g}B"
        else:
            family = rng.choice(families)
            version = rng.choice(["", "", "2", "1.5", "3", "v2"])
            base = family + (joiner + version if version else "")
            size = float(rng.choice(SIZES))
            name = f"{base}{joiner}{_size_in_name(size, rng)}{suffix}"
        if name in names:
            continue
        names.add(name)
        models.append(Model(name, size, None, {}))
    for model in models:  # closed models keep their data to themselves
        if model.params_b is not None:
            model.tokens_t = rng.choice([0.3, 1.0, 1.4, 1.5, 2.0, 2.6, 3.0, 6.0, 7.0, 12.0, 15.0])
    return models


def fill_scores(rng: random.Random, models: list[Model], benches: list[str],
                ranges: dict[str, tuple[float, float]] | None = None) -> None:
    """Scores that grow with size and vary by family, each within its benchmark's range."""
    for model in models:
        size = model.params_b or 200.0
        quality = min(1.0, max(0.0, 0.15 + 0.17 * math.log10(size * 3) + rng.gauss(0, 0.08)))
        for bench in benches:
            low, high = (ranges or {}).get(bench) or BENCHES[bench][:2]
            value = low + (high - low) * min(1.0, max(0.0, quality + rng.gauss(0, 0.07)))
            model.scores[bench] = round(value, 2)


def content(rng: random.Random, n_models: int, n_benches: int, **kw: bool) -> Content:
    models = make_models(rng, n_models, **kw)
    benches = rng.sample(list(BENCHES), k=n_benches)
    if "MMLU" not in benches and rng.random() < 0.6:
        benches[0] = "MMLU"
    fill_scores(rng, models, benches)
    return Content(models, benches)


def fmt(value: float, decimals: int, percent: bool = False) -> str:
    return f"{value:.{decimals}f}" + ("%" if percent else "")


def drop_some(rng: random.Random, models: list[Model], benches: list[str]) -> None:
    """Leave some cells unreported, closed models most often; never the first benchmark
    (tables sort by it)."""
    for model in models:
        chance = 0.25 if model.params_b is None else 0.06
        for bench in benches[1:]:
            if rng.random() < chance:
                del model.scores[bench]


def cell_text(model: Model, bench: str, decimals: int, percent: bool, missing: str) -> str:
    """A score cell as printed, or the table's mark for a score nobody reported."""
    if bench not in model.scores:
        return missing
    return fmt(model.scores[bench], decimals, percent)


def present(models: list[Model], bench: str, decimals: int) -> list[float]:
    return [round(m.scores[bench], decimals) for m in models if bench in m.scores]


def best_two(values: list[float]) -> tuple[float | None, float | None]:
    ordered = sorted(set(values), reverse=True)
    return (ordered[0] if ordered else None, ordered[1] if len(ordered) > 1 else None)


# --- sizes and tokens as tables print them ----------------------------------------------------


def size_text(params: float | None, how: str, rng: random.Random) -> str:
    if params is None:
        return rng.choice(["–", "N/A", "-", "?"]) if how != "bare" else "-"
    if how == "B":
        return f"{params:g}B"
    if how == "b":
        return f"{params:g}b"
    if how == "spaced":
        return f"{params:g} B"
    if how == "yi":  # 亿 = 1e8: 7B = 70亿
        return f"{params * 10:g}亿"
    return f"{params:g}"  # bare, the unit in the header


def tokens_text(tokens: float | None, how: str) -> str:
    if tokens is None:
        return "–"
    if how == "T":
        return f"{tokens:g}T"
    if how == "Bcomma":
        return f"{tokens * 1000:,.0f}B"
    if how == "wanyi":  # 万亿 = 1e12
        return f"{tokens:g}万亿" if tokens >= 1 else f"{tokens * 10000:g}亿"
    return f"{tokens:g}"


# --- truth ---------------------------------------------------------------------------------


@dataclass
class Grid:
    """The printed table as truth sees it: header cells and body rows, model column first,
    with the model behind each row (for params and tokens from their columns)."""

    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    models: list[Model] = field(default_factory=list)
    params_col: int | None = None
    tokens_col: int | None = None


def _number_or_none(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _lead_number(text: str) -> float | None:
    match = re.match(r"\s*[*_]*(\d+(?:\.\d+)?)", text.replace(",", ""))
    return float(match.group(1)) if match else None


def truth_of(grid: Grid, style: str, title: str | None) -> dict:
    mmlu = next((i for i, h in enumerate(grid.header)
                 if re.fullmatch(r"MMLU(\s*\(.*\))?", h.strip(), re.IGNORECASE)), None)
    rows = []
    for model, cells in zip(grid.models, grid.rows, strict=True):
        params = model.params_b
        if grid.params_col is None:
            found = re.search(r"(?<![\w.])(\d+(?:\.\d+)?)[Bb](?![\w])", model.name)
            params = float(found.group(1)) if found else None
        tokens = model.tokens_t if grid.tokens_col is not None else None
        rows.append({
            "model": model.name,
            "cells": cells,
            "params_b": params,
            "tokens_t": tokens,
            "mmlu": _lead_number(cells[mmlu]) if mmlu is not None else None,
        })
    return {"style": style, "title": title, "columns": grid.header, "rows": rows}


# --- pictures ------------------------------------------------------------------------------


def resize_width(image: Image.Image, width: int) -> Image.Image:
    height = round(image.height * width / image.width)
    return image.resize((width, height), Image.Resampling.LANCZOS)


def page(body: str, css: str, background: str = "#fff") -> str:
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>"
            f"html,body{{margin:0;background:{background}}} {css}</style></head>"
            f"<body>{body}</body></html>")


def esc(text: str) -> str:
    return html.escape(text)


@dataclass
class Shot:
    image: Image.Image
    truth: dict
    quality: int | None = None  # saved as a JPEG of this quality, else as a PNG


Style = Callable[[random.Random, Browser], Shot]


def _header_name(bench: str, setting: bool) -> str:
    """A benchmark's header cell, with its setting when the table prints one."""
    return f"{bench} ({BENCHES[bench][2]})" if setting else bench


# 1. A Hugging Face model card in dark mode: the card's Markdown table, bold best.
def hf_card_dark(rng: random.Random, browser: Browser) -> Shot:
    c = content(rng, rng.randint(3, 6), rng.randint(3, 6), moe=rng.random() < 0.3)
    setting = rng.random() < 0.5
    decimals = rng.choice([1, 1, 2])
    with_size = rng.random() < 0.5 or any(m.moe for m in c.models)
    header = ["Model"] + (["Params"] if with_size else []) + [
        _header_name(b, setting) for b in c.benches]
    grid = Grid(header, params_col=1 if with_size else None)
    drop_some(rng, c.models, c.benches)
    best = {b: best_two(present(c.models, b, decimals))[0] for b in c.benches}
    body = []
    for model in c.models:
        cells = [model.name] + ([size_text(model.params_b, "B", rng)] if with_size else [])
        shown = list(cells)
        for b in c.benches:
            text = cell_text(model, b, decimals, False, "–")
            cells.append(text)
            is_best = b in model.scores and _number_or_none(text) == best[b]
            shown.append(f"<b>{text}</b>" if is_best else text)
        grid.rows.append(cells)
        grid.models.append(model)
        body.append("<tr>" + "".join(f"<td>{s if '<b>' in s else esc(s)}</td>" for s in shown)
                    + "</tr>")
    org = rng.choice(["corvid-ai", "tessel-labs", "halcyon", "openmarlin", "quill-research"])
    repo = c.models[0].name.replace(" ", "-")
    font = rng.choice(["Open Sans", "Roboto", "DejaVu Sans"])
    thead = "".join(f"<th>{esc(h)}</th>" for h in header)
    note = rng.choice(["", "<p class=dim>Evaluated with lm-evaluation-harness; best in bold."
                          "</p>", "<p class=dim>* Results from the original reports.</p>"])
    body_html = f"""<div id=shot><div class=top><span class=org>{org} /</span>
      <b>{esc(repo)}</b> <span class=chip>like {rng.randint(12, 980)}</span></div>
      <div class=tabs><span class=on>Model card</span><span>Files and versions</span>
      <span>Community {rng.randint(1, 40)}</span></div>
      <div class=md><h2>Evaluation</h2><p>We compare {esc(repo)} with models of similar size.
      </p><table><thead><tr>{thead}</tr></thead><tbody>{''.join(body)}</tbody></table>{note}
      </div></div>"""
    css = f"""#shot{{width:{rng.randint(760, 1100)}px;background:#0b0f19;color:#e5e7eb;
      font-family:'{font}';padding:18px 26px;font-size:{rng.choice([14, 15, 16])}px}}
      .top{{font-size:18px}} .org{{color:#9ca3af}} .chip{{border:1px solid #374151;
      border-radius:6px;padding:1px 8px;font-size:12px;color:#9ca3af;margin-left:10px}}
      .tabs{{margin:14px 0;border-bottom:1px solid #1f2937;padding-bottom:8px;color:#9ca3af}}
      .tabs span{{margin-right:22px}} .tabs .on{{color:#fff;border-bottom:2px solid #fff;
      padding-bottom:8px}} h2{{font-size:22px}} table{{border-collapse:collapse}}
      th,td{{border:1px solid #374151;padding:6px 13px;text-align:left}}
      th{{font-weight:600}} tbody tr:nth-child(2n){{background:#111827}}
      .dim{{color:#9ca3af;font-size:13px}}"""
    image = browser.shoot(page(body_html, css, "#0b0f19"), rng.choice([1, 1.5, 2]))
    quality = rng.randint(70, 92) if rng.random() < 0.4 else None
    return Shot(image, truth_of(grid, "hf_card_dark", None), quality)


# 2. A Papers-with-Code leaderboard: rank column, paper icons, the sorted metric tinted.
def pwc_leaderboard(rng: random.Random, browser: Browser) -> Shot:
    c = content(rng, rng.randint(5, 9), rng.randint(2, 4))
    main = c.benches[0]
    c.models.sort(key=lambda m: -m.scores[main])
    percent = rng.random() < 0.4
    header = ["Model"] + [f"{b} (%)" if percent and i == 0 else b
                          for i, b in enumerate(c.benches)]
    grid = Grid(header)
    rows = []
    for rank, model in enumerate(c.models, 1):
        cells = [model.name] + [fmt(model.scores[b], 1) for b in c.benches]
        grid.rows.append(cells)
        grid.models.append(model)
        tds = "".join(f"<td class='{'sorted' if i == 1 else 'num'}'>{esc(x)}</td>"
                      for i, x in enumerate(cells) if i > 0)
        extra = "<span class=tag>Extra data</span>" if rng.random() < 0.2 else ""
        rows.append(f"<tr><td class=rank>{rank}</td><td class=model><a>{esc(model.name)}</a>"
                    f"{extra}</td>{tds}<td class=icons><span class=icon></span>"
                    f"<span class=icon2></span></td></tr>")
    ths = "".join(f"<th>{esc(h)}{' &#9660;' if i == 1 else ''}</th>"
                  for i, h in enumerate(header) if i > 0)
    task = rng.choice(["Multi-task Language Understanding", "Arithmetic Reasoning",
                       "Code Generation", "Question Answering"])
    font = rng.choice(SANS)
    body = f"""<div id=shot><h1>{task} on {esc(main)}</h1>
      <div class=sub>Leaderboard &nbsp; Dataset &nbsp; <span>View {esc(header[1])}</span></div>
      <table><thead><tr><th>Rank</th><th>Model</th>{ths}<th>Paper</th></tr></thead>
      <tbody>{''.join(rows)}</tbody></table></div>"""
    css = f"""#shot{{width:{rng.randint(700, 1000)}px;padding:20px;font-family:'{font}';
      color:#333;background:#fff;font-size:{rng.choice([13, 14, 15])}px}}
      h1{{font-size:22px;font-weight:400;color:#222}} .sub{{color:#1f8ceb;margin:-6px 0 14px}}
      .sub span{{float:right;border:1px solid #ccc;border-radius:3px;padding:2px 8px;
      color:#555}} table{{border-collapse:collapse;width:100%}}
      th{{text-align:left;background:#f7f7f7;border-bottom:2px solid #ddd;padding:8px;
      font-weight:600;color:#555}} td{{border-bottom:1px solid #eee;padding:9px 8px}}
      .rank{{color:#999;width:40px}} .model a{{color:#1f8ceb}} .sorted{{background:#eef6fd;
      font-weight:600}} .tag{{font-size:10px;background:#eee;border-radius:3px;padding:1px 5px;
      margin-left:6px;color:#666}} .icon,.icon2{{display:inline-block;width:14px;height:16px;
      background:#c8ccd1;margin-right:6px;border-radius:2px}} .icon2{{background:#9ad0a3;
      border-radius:8px;width:14px;height:14px}}"""
    image = browser.shoot(page(body, css), rng.choice([1, 1.25, 2]))
    return Shot(image, truth_of(grid, "pwc_leaderboard", None))


# 3. A Colab notebook in dark mode: a code cell and its DataFrame output with an index.
def colab_dark(rng: random.Random, browser: Browser) -> Shot:
    c = content(rng, rng.randint(4, 8), rng.randint(3, 5), closed=False)
    drop_some(rng, c.models, c.benches)
    size_name = rng.choice(["params_b", "n_params", "size"])
    tokens_name = rng.choice(["tokens_T", "train_tokens", None])
    names = [b.lower().replace("-", "_") if rng.random() < 0.3 else b for b in c.benches]
    header = ["model", size_name] + ([tokens_name] if tokens_name else []) + names
    grid = Grid(header, params_col=1, tokens_col=2 if tokens_name else None)
    decimals = rng.choice([1, 2, 3])
    sort = rng.random() < 0.5
    if sort:
        c.models.sort(key=lambda m: -m.scores[c.benches[0]])
    indices = rng.sample(range(len(c.models) + 6), k=len(c.models)) if sort else None
    rows = []
    for index, model in enumerate(c.models):
        params = f"{model.params_b:.1f}" if model.params_b else "NaN"
        cells = [model.name, params] + ([f"{model.tokens_t:.1f}"] if tokens_name else [])
        cells += [cell_text(model, b, decimals, False, "NaN") for b in c.benches]
        grid.rows.append(cells)
        grid.models.append(model)
        rows.append(f"<tr><th>{indices[index] if indices else index}</th>"
                    + "".join(f"<td>{esc(x)}</td>" for x in cells) + "</tr>")
    ths = "".join(f"<th>{esc(h)}</th>" for h in header)
    font = rng.choice(MONO)
    code = ("df = pd.read_csv('evals.csv')\n"
            + (f"df.sort_values('{names[0]}', ascending=False)" if sort else "df.head(10)"))
    body = f"""<div id=shot><div class=cell><div class=run>&#9654;</div><pre>{esc(code)}</pre>
      </div><div class=out><table><thead><tr><th></th>{ths}</tr></thead>
      <tbody>{''.join(rows)}</tbody></table><div class=icons>&#9638; &#9636;</div></div></div>"""
    css = f"""#shot{{width:{rng.randint(640, 980)}px;background:#1e1e1e;padding:14px;
      font-family:'Roboto';color:#d5d5d5}} .cell{{background:#2a2a2a;border-radius:4px;
      display:flex;padding:8px}} .run{{width:28px;height:28px;border-radius:14px;
      background:#444;color:#ddd;text-align:center;line-height:28px;margin-right:10px;
      font-size:12px}} pre{{margin:4px 0;font-family:'{font}';font-size:13px;color:#9cdcfe}}
      .out{{padding:10px 0 0 38px;position:relative}} table{{border-collapse:collapse;
      font-size:{rng.choice([12, 13])}px}} th{{font-weight:bold;text-align:right;
      padding:5px 9px;border-bottom:1px solid #555}} td{{text-align:right;padding:5px 9px}}
      tbody tr:nth-child(odd){{background:#2c2c2c}} tbody th{{border:none}}
      .icons{{position:absolute;right:0;top:12px;color:#8ab4f8}}"""
    scale = rng.choice([1, 1.5, 2])
    image = browser.shoot(page(body, css, "#1e1e1e"), scale)
    if scale > 1 and rng.random() < 0.5:
        image = resize_width(image, int(image.width * rng.uniform(0.6, 0.9)))
    return Shot(image, truth_of(grid, "colab_dark", None))


# 4. A docs page built with MkDocs Material: app bar, navigation, a table in the content.
def mkdocs_material(rng: random.Random, browser: Browser) -> Shot:
    c = content(rng, rng.randint(4, 7), rng.randint(3, 5), moe=rng.random() < 0.4)
    drop_some(rng, c.models, c.benches)
    size_how = rng.choice(["B", "b", "spaced"])
    token_how = rng.choice(["T", "Bcomma", None])
    header = ["Model", rng.choice(["Size", "Params", "Parameters"])]
    header += [rng.choice(["Tokens", "Training tokens"])] if token_how else []
    setting = rng.random() < 0.4
    header += [_header_name(b, setting) for b in c.benches]
    grid = Grid(header, params_col=1, tokens_col=2 if token_how else None)
    rows = []
    for model in c.models:
        cells = [model.name, size_text(model.params_b, size_how, rng)]
        if token_how:
            cells.append(tokens_text(model.tokens_t, token_how))
        cells += [cell_text(model, b, 1, False, "N/A") for b in c.benches]
        grid.rows.append(cells)
        grid.models.append(model)
        rows.append("<tr>" + "".join(f"<td>{esc(x)}</td>" for x in cells) + "</tr>")
    colour = rng.choice(["#3f51b5", "#009485", "#4051b5", "#e92063", "#2094f3", "#000"])
    dark = rng.random() < 0.35
    site = rng.choice(["Corvid Docs", "Tessel LM", "Halcyon Eval", "Marlin Handbook"])
    ths = "".join(f"<th>{esc(h)}</th>" for h in header)
    nav = "".join(f"<li>{n}</li>" for n in ["Getting started", "Models", "Evaluation",
                                            "Fine-tuning", "FAQ"])
    body = f"""<div id=shot><div class=bar>&#9776; &nbsp; {site}<span class=search>Search</span>
      </div><div class=main><ul class=nav>{nav}</ul><div class=content><h1>Evaluation</h1>
      <p>Scores below were measured with our open harness. Higher is better.</p>
      <table><thead><tr>{ths}</tr></thead><tbody>{''.join(rows)}</tbody></table>
      <div class=adm><b>Note</b><br>Numbers may differ slightly from the paper.</div></div>
      </div></div>"""
    bg, fg, line, head = (("#1e2129", "#e2e4e9", "#2e303e", "#2a2c37") if dark
                          else ("#fff", "#333", "#e5e5e5", "#fafafa"))
    css = f"""#shot{{width:{rng.randint(1000, 1400)}px;background:{bg};color:{fg};
      font-family:'Roboto';font-size:{rng.choice([13, 14])}px}}
      .bar{{background:{colour};color:#fff;padding:14px 20px;font-size:18px}}
      .search{{float:right;background:rgba(255,255,255,.15);padding:2px 80px 2px 10px;
      font-size:14px;border-radius:2px}} .main{{display:flex;padding:20px}}
      .nav{{width:200px;list-style:none;padding:0;color:#888;line-height:2}}
      .content{{flex:1}} h1{{font-weight:300;font-size:30px}}
      table{{border-collapse:collapse;border:1px solid {line};border-radius:2px;
      box-shadow:0 2px 2px rgba(0,0,0,.1)}} th{{background:{head};font-weight:700;
      text-align:left;padding:10px 16px;font-size:.95em}} td{{padding:9px 16px;
      border-top:1px solid {line}}} .adm{{margin-top:18px;border-left:4px solid #448aff;
      background:rgba(68,138,255,.1);padding:8px 12px;font-size:13px}}"""
    image = browser.shoot(page(body, css, bg), rng.choice([1, 1.5]))
    return Shot(image, truth_of(grid, "mkdocs_material", None))


# 5. A Google Sheets tab with a colour scale on the scores, row numbers and column letters.
def sheets_heatmap(rng: random.Random, browser: Browser) -> Shot:
    c = content(rng, rng.randint(5, 10), rng.randint(3, 6))
    percent = rng.random() < 0.3
    size_bare = rng.random() < 0.5
    header = ["Model", "Params (B)" if size_bare else "Size", *c.benches]
    with_avg = rng.random() < 0.5
    if with_avg:
        header.append(rng.choice(["Average", "Avg"]))
    grid = Grid(header, params_col=1)
    table_rows = [[f"<td class=b>{esc(h)}</td>" for h in header]]
    lows = {b: min(m.scores[b] for m in c.models) for b in c.benches}
    highs = {b: max(m.scores[b] for m in c.models) for b in c.benches}
    three_colours = rng.random() < 0.5  # red-white-green, else red-green
    for model in c.models:
        cells = [model.name, size_text(model.params_b, "bare" if size_bare else "B", rng)]
        tds = [f"<td>{esc(cells[0])}</td>", f"<td class=r>{esc(cells[1])}</td>"]
        for b in c.benches:
            text = fmt(model.scores[b], 1, percent)
            cells.append(text)
            share = (model.scores[b] - lows[b]) / max(highs[b] - lows[b], 1e-6)
            red, green = (230, 124, 115), (87, 187, 138)
            tint = tuple(round(r + (g - r) * share) for r, g in zip(red, green, strict=True))
            if three_colours:
                mid = (255, 255, 255)
                tint = tuple(round((r + (m - r) * share * 2) if share < 0.5 else
                                   (m + (g - m) * (share - 0.5) * 2))
                             for r, m, g in zip(red, mid, green, strict=True))
            tds.append(f"<td class=r style='background:rgb{tint}'>{esc(text)}</td>")
        if with_avg:
            mean = sum(round(model.scores[b], 1) for b in c.benches) / len(c.benches)
            cells.append(fmt(mean, 2, percent))
            tds.append(f"<td class=r>{esc(cells[-1])}</td>")
        grid.rows.append(cells)
        grid.models.append(model)
        table_rows.append(tds)
    letters = "ABCDEFGHIJKL"
    extra = 2
    head = "<tr><td class=corner></td>" + "".join(
        f"<td class=letter>{letters[i]}</td>" for i in range(len(header) + extra)) + "</tr>"
    body_rows = "".join(
        f"<tr><td class=num>{i + 1}</td>{''.join(r)}" + "<td></td>" * extra + "</tr>"
        for i, r in enumerate(table_rows))
    body_rows += "".join(f"<tr><td class=num>{i}</td>" + "<td></td>" * (len(header) + extra)
                         + "</tr>" for i in range(len(table_rows) + 1, len(table_rows) + 4))
    title = rng.choice(["LLM evals", "Model comparison", "eval_results_v3", "Benchmarks Q2"])
    font = rng.choice(["Liberation Sans", "Roboto", "Open Sans"])
    body = f"""<div id=shot><div class=title>{title} <span class=menu>File Edit View Insert
      Format Data Tools Extensions Help</span></div><div class=tools>100% &nbsp; $ % .0 .00 123
      &nbsp; {font} &nbsp; 10</div><div class=fx><span>fx</span> {esc(header[0])}</div>
      <table>{head}{body_rows}</table></div>"""
    css = f"""#shot{{width:{rng.randint(760, 1200)}px;background:#f9fbfd;font-family:'{font}';
      font-size:13px;color:#222}} .title{{padding:10px 14px;font-size:18px}}
      .menu{{font-size:13px;color:#444;margin-left:16px}} .tools{{background:#edf2fa;
      margin:0 8px;border-radius:20px;padding:6px 16px;color:#444}} .fx{{background:#fff;
      border-top:1px solid #c7c7c7;border-bottom:1px solid #c7c7c7;margin-top:6px;
      padding:4px 10px}} .fx span{{color:#999;margin-right:14px;font-style:italic}}
      table{{border-collapse:collapse;background:#fff}} td{{border:1px solid #e2e2e2;
      padding:3px 6px;height:17px;min-width:60px;white-space:nowrap}}
      .r{{text-align:right}} .b{{font-weight:bold}} .letter,.num,.corner{{background:#f8f9fa;
      color:#555;text-align:center;font-size:11px;border-color:#c0c0c0}}
      .num{{min-width:30px}}"""
    image = browser.shoot(page(body, css), rng.choice([1, 1.25, 2]))
    quality = rng.randint(75, 90) if rng.random() < 0.3 else None
    return Shot(image, truth_of(grid, "sheets_heatmap", title), quality)


# 6. A LaTeX table on a paper page: serif, booktabs rules, group titles with cmidrules,
#    a two-line "Model" (multirow), ± spreads, bold best, underlined second, daggers.
def latex_multirow(rng: random.Random, browser: Browser) -> Shot:
    groups = rng.sample(list(GROUPS), k=rng.choice([2, 3]))
    benches = [b for g in groups for b in rng.sample(GROUPS[g], k=min(2, len(GROUPS[g])))]
    models = make_models(rng, rng.randint(5, 8), closed=rng.random() < 0.5)
    fill_scores(rng, models, benches)
    for model in models:
        model.mark = "†" if rng.random() < 0.2 else ""
    with_std = rng.random() < 0.5
    with_size = rng.random() < 0.6
    header = ["Model"] + (["Size"] if with_size else []) + benches
    grid = Grid(header, params_col=1 if with_size else None)
    drop_some(rng, models, benches)
    tops = {b: best_two(present(models, b, 1)) for b in benches}
    split = rng.randint(2, len(models) - 2) if rng.random() < 0.5 else None
    lines = []
    for i, model in enumerate(models):
        if split is not None and i in (0, split):
            label = "Open-weight models" if i == 0 else "Our models"
            lines.append(f"<tr class=sec><td colspan={len(header)}><i>{label}</i></td></tr>")
        cells = [model.name] + ([size_text(model.params_b, "B", rng)] if with_size else [])
        shown = [f"{esc(model.name)}<sup>{model.mark}</sup>" if model.mark
                 else esc(model.name)] + [esc(x) for x in cells[1:]]
        for b in benches:
            value = cell_text(model, b, 1, False, "–")
            text = value
            spread = ""
            if with_std and b in model.scores:
                std = f"{rng.uniform(0.1, 1.9):.1f}"
                text = f"{value} ± {std}"
                spread = f"<span class=pm>±{std}</span>"
            cells.append(text)
            if b in model.scores and _number_or_none(value) == tops[b][0]:
                value = f"<b>{value}</b>"
            elif b in model.scores and _number_or_none(value) == tops[b][1]:
                value = f"<u>{value}</u>"
            shown.append(value + spread)
        grid.rows.append(cells)
        grid.models.append(model)
        lines.append("<tr>" + "".join(f"<td>{s}</td>" for s in shown) + "</tr>")
    spans = "".join(f"<th colspan=2 class=grp>{g}</th>" for g in groups)
    lead = "<th rowspan=2 class=lm>Model</th>" + (
        "<th rowspan=2>Size</th>" if with_size else "")
    sub = "".join(f"<th>{esc(b)}</th>" for b in benches)
    number = rng.randint(1, 9)
    caption = (f"Table {number}: Results on {len(benches)} benchmarks. Best results in bold, "
               f"second best underlined." + (" † denotes results we reproduced." if any(
                   m.mark for m in models) else ""))
    filler = ("We evaluate all models under the same prompts and decoding settings. "
              f"Table {number} shows that scaling the data mixture improves reasoning more "
              "than knowledge, while code benefits from both.")
    after = rng.choice([
        "Among models of similar size, instruction tuning narrows the gap on commonsense "
        "tasks but not on mathematics, where the larger base models keep a clear lead.",
        "We note that results marked with a dagger were obtained with our prompts and may "
        "differ from the numbers reported by the original authors."])
    font = rng.choice(SERIF)
    body = f"""<div id=shot><p>{filler}</p><div class=cap>{esc(caption)}</div>
      <table><thead><tr>{lead}{spans}</tr><tr>{sub}</tr></thead>
      <tbody>{''.join(lines)}</tbody></table><p>{after}</p></div>"""
    css = f"""#shot{{width:{rng.randint(620, 820)}px;background:#fff;padding:24px 30px;
      font-family:'{font}';color:#111;font-size:{rng.choice([14, 15, 16])}px}}
      p{{text-align:justify;line-height:1.35}} .cap{{margin:12px 0 6px;font-size:.92em}}
      table{{border-collapse:collapse;margin:0 auto;border-top:1.6px solid #000;
      border-bottom:1.6px solid #000}} th{{font-weight:normal;padding:3px 8px}}
      thead tr:last-child th{{border-bottom:1px solid #000}}
      .grp{{border-bottom:.8px solid #000}} .lm{{text-align:left}}
      td{{padding:2px 8px;text-align:center}} td:first-child{{text-align:left}}
      .pm{{font-size:.7em;margin-left:2px}} sup{{line-height:0}}
      .sec td{{text-align:left;padding-top:5px;border-top:.8px solid #000}}"""
    image = browser.shoot(page(body, css), rng.choice([1, 1.5, 2]))
    if rng.random() < 0.4:
        image = resize_width(image, int(image.width * rng.uniform(0.55, 0.85)))
    return Shot(image, truth_of(grid, "latex_multirow", None))


# 7. A post on X with a table image inside its frame (light or dim), counts under it.
def x_post(rng: random.Random, browser: Browser) -> Shot:
    c = content(rng, rng.randint(3, 6), rng.randint(3, 5))
    percent = rng.random() < 0.5
    header = ["Model", *c.benches]
    grid = Grid(header)
    accent = rng.choice(["#7c3aed", "#0ea5e9", "#f97316", "#16a34a", "#db2777"])
    ours = rng.randrange(len(c.models))
    rows = []
    for i, model in enumerate(c.models):
        cells = [model.name] + [fmt(model.scores[b], 1, percent) for b in c.benches]
        grid.rows.append(cells)
        grid.models.append(model)
        cls = " class=ours" if i == ours else ""
        rows.append(f"<tr{cls}>" + "".join(f"<td>{esc(x)}</td>" for x in cells) + "</tr>")
    dim = rng.random() < 0.5
    bg, fg, sub = ("#15202b", "#f7f9f9", "#8b98a5") if dim else ("#fff", "#0f1419", "#536471")
    name = rng.choice(["Ana Ruiz", "Kenji M.", "Tessel Labs", "Priya S", "ml_notes"])
    handle = "@" + re.sub(r"\W", "", name.lower())
    text = rng.choice([f"Our new {c.models[ours].name} is out. Numbers below:",
                       "Quick comparison of small open models on standard evals",
                       "Re-ran the evals myself. Interesting results"])
    ths = "".join(f"<th>{esc(h)}</th>" for h in header)
    font = rng.choice(["Roboto", "Open Sans", "DejaVu Sans"])
    body = f"""<div id=shot><div class=head><div class=av></div><div><b>{name}</b>
      <span class=sub> {handle} · {rng.randint(1, 23)}h</span><div class=text>{esc(text)}</div>
      </div></div><div class=card><table><thead><tr>{ths}</tr></thead>
      <tbody>{''.join(rows)}</tbody></table></div><div class='sub foot'>
      {rng.randint(1, 12)}:{rng.randint(10, 59)} PM · {rng.choice(['Mar', 'Jun', 'Oct'])}
      {rng.randint(1, 28)}, 2024 · <b>{rng.randint(2, 90)}.{rng.randint(1, 9)}K</b> Views</div>
      <div class='sub acts'>&#9711; {rng.randint(3, 99)} &nbsp;&nbsp; &#8634;
      {rng.randint(10, 400)} &nbsp;&nbsp; &#9825; {rng.randint(1, 9)}.{rng.randint(0, 9)}K</div>
      </div>"""
    css = f"""#shot{{width:{rng.randint(560, 640)}px;background:{bg};color:{fg};
      font-family:'{font}';padding:14px 16px;font-size:15px}} .head{{display:flex}}
      .av{{width:40px;height:40px;border-radius:20px;background:{accent};margin-right:10px;
      flex:none}} .sub{{color:{sub};font-weight:normal}} .text{{margin:4px 0 10px}}
      .card{{border:1px solid {'#38444d' if dim else '#cfd9de'};border-radius:16px;
      overflow:hidden;background:#fff;padding:14px;margin-left:50px}}
      table{{border-collapse:collapse;width:100%;color:#111;font-size:13px}}
      th{{background:{accent};color:#fff;padding:7px 6px}} td{{padding:6px;text-align:center;
      border-bottom:1px solid #eee}} td:first-child{{text-align:left}}
      .ours{{background:#fff4d6;font-weight:bold}} .foot,.acts{{margin:10px 0 0 50px}}"""
    image = browser.shoot(page(body, css, bg), rng.choice([1, 2]))
    return Shot(image, truth_of(grid, "x_post", None), rng.randint(60, 88))


# 8. A terminal with a ``rich`` table (rich's own SVG export: its window and box drawing).
def rich_terminal(rng: random.Random, browser: Browser) -> Shot:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    c = content(rng, rng.randint(4, 8), rng.randint(3, 5), closed=False)
    with_size = rng.random() < 0.6
    header = ["Model"] + (["Params"] if with_size else []) + c.benches
    grid = Grid(header, params_col=1 if with_size else None)
    title = rng.choice(["Eval results", "lm-eval summary", None, "Leaderboard"])
    table = Table(title=title, box=rng.choice([box.ROUNDED, box.HEAVY_HEAD, box.SIMPLE,
                                               box.SQUARE, box.MINIMAL_DOUBLE_HEAD]),
                  header_style=rng.choice(["bold magenta", "bold cyan", "bold"]))
    for i, name in enumerate(header):
        table.add_column(name, justify="left" if i == 0 else "right",
                         style="green" if i == 0 else None, no_wrap=True)
    decimals = rng.choice([1, 2, 4])
    for model in c.models:
        cells = [model.name] + ([size_text(model.params_b, "B", rng)] if with_size else [])
        cells += [fmt(model.scores[b] / (100 if decimals == 4 else 1), decimals)
                  for b in c.benches]
        grid.rows.append(cells)
        grid.models.append(model)
        table.add_row(*cells)
    # Wide enough that rich never cuts a cell short with an ellipsis.
    widths = [max(len(h), *(len(r[i]) for r in grid.rows)) for i, h in enumerate(header)]
    command = "$ python eval.py --tasks " + ",".join(b.lower() for b in c.benches)
    needed = max(sum(widths) + 3 * len(widths) + 2, len(command) + 2, len(title or "") + 4)
    columns = needed + rng.randint(2, 30)
    console = Console(record=True, width=columns, file=io.StringIO(), color_system="truecolor")
    console.print(command, highlight=False)
    console.print(table)
    svg = console.export_svg(title=rng.choice(["zsh", "eval", "bash — 120x40"]))
    svg = svg.replace("Fira Code, monospace", f"'{rng.choice(MONO)}', monospace")
    body = f"<div id=shot>{svg}</div>"
    css = f"#shot{{width:{round(columns * rng.uniform(8.5, 12.5))}px}} svg{{display:block}}"
    image = browser.shoot(page(body, css), rng.choice([1, 1.5]))
    return Shot(image, truth_of(grid, "rich_terminal", title))


# 9. A CSDN or Juejin article with a Chinese table: sizes in 亿, tokens in 万亿, an average.
def juejin_cn(rng: random.Random, browser: Browser) -> Shot:
    names = rng.sample(list(CN_BENCHES), k=rng.randint(3, 5))
    models = make_models(rng, rng.randint(4, 8), cn=True)
    fill_scores(rng, models, names, {k: v for k, v in CN_BENCHES.items()})
    size_how = rng.choice(["yi", "B"])
    token_how = rng.choice(["wanyi", "T", None])
    header = ["模型", "参数量"] + (["训练数据"] if token_how else []) + names
    with_avg = rng.random() < 0.6
    header += ["平均"] if with_avg else []
    grid = Grid(header, params_col=1, tokens_col=2 if token_how else None)
    rows = []
    for model in models:
        cells = [model.name, size_text(model.params_b, size_how, rng)]
        if token_how:
            cells.append(tokens_text(model.tokens_t, token_how))
        values = [round(model.scores[b], 1) for b in names]
        cells += [fmt(v, 1) for v in values]
        if with_avg:
            cells.append(fmt(sum(values) / len(values), 1))
        grid.rows.append(cells)
        grid.models.append(model)
        rows.append("<tr>" + "".join(f"<td>{esc(x)}</td>" for x in cells) + "</tr>")
    csdn = rng.random() < 0.5
    title = rng.choice(["国产开源大模型评测对比", "主流7B~70B模型能力横评",
                        "大模型中文能力测评结果"])
    author = rng.choice(["算法小王", "AI前沿观察", "码农阿杰"])
    ths = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = f"""<div id=shot><h1>{title}</h1><div class=meta>
      {author} &nbsp; 2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}
      &nbsp; 阅读 {rng.randint(1, 30)}.{rng.randint(0, 9)}k</div>
      <p>下表汇总了各模型在中文与通用基准上的成绩（数据来自各自的技术报告）：</p>
      <table><thead><tr>{ths}</tr></thead><tbody>{''.join(rows)}</tbody></table>
      <p>可以看到，参数量并不是决定成绩的唯一因素。</p></div>"""
    head_bg, stripe = ("#eff3f5", "#f8f8f8") if csdn else ("#f6f8fa", "#fff")
    css = f"""#shot{{width:{rng.randint(720, 960)}px;background:#fff;padding:20px 28px;
      font-family:{CJK},'{rng.choice(SANS)}';color:#333;font-size:{rng.choice([14, 15, 16])}px}}
      h1{{font-size:26px;color:#222}} .meta{{color:#999;font-size:13px;margin-bottom:12px}}
      p{{line-height:1.8}} table{{border-collapse:collapse}} th{{background:{head_bg};
      padding:8px 12px;border:1px solid #dfe2e5}} td{{padding:7px 12px;border:1px solid #dfe2e5;
      text-align:center}} tbody tr:nth-child(2n){{background:{stripe}}}
      h1{{border-left:{'4px solid #fc5531' if csdn else '0'};padding-left:8px}}"""
    scale = rng.choice([1, 2, 3])
    image = browser.shoot(page(body, css), scale)
    if scale == 3 or rng.random() < 0.3:
        image = resize_width(image, int(image.width * rng.uniform(0.4, 0.6)))
        return Shot(image, truth_of(grid, "juejin_cn", title), rng.randint(65, 85))
    return Shot(image, truth_of(grid, "juejin_cn", title))


# 10. A leaderboard page photographed off a monitor: perspective, moire, blur, glare, JPEG.
def screen_photo(rng: random.Random, browser: Browser) -> Shot:
    c = content(rng, rng.randint(4, 7), rng.randint(3, 5))
    with_size = rng.random() < 0.5
    header = ["Model"] + (["Size"] if with_size else []) + c.benches
    grid = Grid(header, params_col=1 if with_size else None)
    rows = []
    for model in c.models:
        cells = [model.name] + ([size_text(model.params_b, "B", rng)] if with_size else [])
        cells += [fmt(model.scores[b], 1) for b in c.benches]
        grid.rows.append(cells)
        grid.models.append(model)
        rows.append("<tr>" + "".join(f"<td>{esc(x)}</td>" for x in cells) + "</tr>")
    ths = "".join(f"<th>{esc(h)}</th>" for h in header)
    dark = rng.random() < 0.3
    bg, fg = ("#202124", "#e8eaed") if dark else ("#fff", "#202124")
    body = f"""<div id=shot><table><thead><tr>{ths}</tr></thead>
      <tbody>{''.join(rows)}</tbody></table></div>"""
    css = f"""#shot{{padding:30px;background:{bg};color:{fg};font-family:'{rng.choice(SANS)}';
      font-size:{rng.choice([17, 19, 21])}px;display:inline-block}}
      table{{border-collapse:collapse}}
      th{{border-bottom:2px solid #888;padding:8px 14px}} td{{padding:7px 14px;
      border-bottom:1px solid #8884}} td:not(:first-child){{text-align:right}}"""
    flat = np.asarray(browser.shoot(page(body, css, bg), 1), dtype=np.float32)
    photo = photograph(flat, rng)
    return Shot(photo, truth_of(grid, "screen_photo", None), rng.randint(55, 80))


def photograph(flat: np.ndarray, rng: random.Random) -> Image.Image:
    """A screen photographed by a phone: sub-pixel moire, a skewed frame, soft focus."""
    import cv2

    h, w = flat.shape[:2]
    scale = 1.6
    big = cv2.resize(flat, (int(w * scale), int(h * scale)), interpolation=cv2.INTER_CUBIC)
    bh, bw = big.shape[:2]
    yy, xx = np.mgrid[0:bh, 0:bw].astype(np.float32)
    angle = rng.uniform(0.2, 1.3)
    period = rng.uniform(3.2, 6.5)
    wave = np.sin((xx * math.cos(angle) + yy * math.sin(angle)) * 2 * math.pi / period)
    big = big * (1 + rng.uniform(0.04, 0.1) * wave[..., None])
    pad = int(0.12 * bw)
    canvas = np.full((bh + 2 * pad, bw + 2 * pad, 3), rng.uniform(15, 40), np.float32)
    canvas[pad:pad + bh, pad:pad + bw] = big
    ch, cw = canvas.shape[:2]
    jitter = 0.06
    source = np.float32([[0, 0], [cw, 0], [cw, ch], [0, ch]])
    target = np.float32([[x + rng.uniform(-jitter, jitter) * cw,
                          y + rng.uniform(-jitter, jitter) * ch] for x, y in source])
    matrix = cv2.getPerspectiveTransform(source, target)
    warped = cv2.warpPerspective(canvas, matrix, (cw, ch), borderMode=cv2.BORDER_REPLICATE)
    glare = np.linspace(rng.uniform(-25, 0), rng.uniform(0, 30), cw, dtype=np.float32)
    warped = warped * rng.uniform(0.85, 1.0) + glare[None, :, None]
    warped += np.random.default_rng(rng.randint(0, 10**6)).normal(0, 4, warped.shape)
    image = Image.fromarray(np.clip(warped, 0, 255).astype(np.uint8))
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.4)))
    return resize_width(image, rng.randint(1000, 1700))


# 11. A Quarto or Observable report with the models across and benchmarks down, grouped
#     under section lines.
def quarto_across(rng: random.Random, browser: Browser) -> Shot:
    groups = rng.sample(list(GROUPS), k=rng.choice([2, 3]))
    benches = [b for g in groups for b in rng.sample(GROUPS[g], k=min(rng.choice([2, 3]),
                                                                         len(GROUPS[g])))]
    models = make_models(rng, rng.randint(3, 5), closed=rng.random() < 0.4)
    fill_scores(rng, models, benches)
    drop_some(rng, models, benches)
    setting = rng.random() < 0.5
    names = {b: _header_name(b, setting) for b in benches}
    decimals = rng.choice([1, 1, 2])
    percent = rng.random() < 0.25
    grid = Grid(["Benchmark"] + [names[b] for b in benches])
    for model in models:
        grid.rows.append([model.name] + [cell_text(model, b, decimals, percent, "—")
                                         for b in benches])
        grid.models.append(model)
    lines = []
    for g in groups:
        lines.append(f"<tr class=grp><td colspan={len(models) + 1}>{g}</td></tr>")
        for b in benches:
            if b in GROUPS[g]:
                lines.append(f"<tr><td>{esc(names[b])}</td>" + "".join(
                    f"<td>{esc(cell_text(m, b, decimals, percent, '—'))}</td>" for m in models)
                    + "</tr>")
    ths = "".join(f"<th>{esc(m.name)}</th>" for m in models)
    caption = f"Table {rng.randint(1, 6)}: Benchmark results by model."
    font = rng.choice(SANS)
    observable = rng.random() < 0.5
    body = f"""<div id=shot><h2>Results</h2><table><thead><tr><th>Benchmark</th>{ths}</tr>
      </thead><tbody>{''.join(lines)}</tbody></table><div class=cap>{caption}</div></div>"""
    css = f"""#shot{{width:{rng.randint(620, 900)}px;background:#fff;padding:20px;
      font-family:'{font}';color:#212529;font-size:{rng.choice([13, 14, 15])}px}}
      h2{{font-weight:500;border-bottom:1px solid #dee2e6;padding-bottom:6px}}
      table{{border-collapse:collapse;width:100%}} th{{text-align:right;padding:6px 10px;
      border-bottom:{'1px solid #000' if observable else '2px solid #dee2e6'};
      font-weight:{'500' if observable else '700'}}} th:first-child{{text-align:left}}
      td{{text-align:right;padding:5px 10px;border-bottom:1px solid #eee;
      font-variant-numeric:tabular-nums}} td:first-child{{text-align:left}}
      .grp td{{text-align:left;font-weight:700;background:{'#fff' if observable else '#f8f9fa'};
      color:#555;font-size:.85em;text-transform:{'uppercase' if observable else 'none'};
      padding-top:10px}} .cap{{text-align:center;color:#6c757d;margin-top:8px;font-size:.9em}}"""
    image = browser.shoot(page(body, css), rng.choice([1, 1.5, 2]))
    return Shot(image, truth_of(grid, "quarto_across", None))


# 12. An Apple Numbers sheet: window and toolbar, a titled table with a tinted header row.
def numbers_app(rng: random.Random, browser: Browser) -> Shot:
    c = content(rng, rng.randint(4, 8), rng.randint(3, 5))
    drop_some(rng, c.models, c.benches)
    percent = rng.random() < 0.5
    token_how = rng.choice(["T", "Bcomma", None])
    header = ["Model"] + ([rng.choice(["Training tokens", "Tokens"])] if token_how else [])
    header += c.benches
    grid = Grid(header, tokens_col=1 if token_how else None)
    rows = []
    for model in c.models:
        cells = [model.name] + ([tokens_text(model.tokens_t, token_how)] if token_how else [])
        cells += [cell_text(model, b, 1, percent, "") for b in c.benches]
        grid.rows.append(cells)
        grid.models.append(model)
        rows.append("<tr>" + "".join(f"<td>{esc(x)}</td>" for x in cells) + "</tr>")
    theme = rng.choice([("#3b82c4", "#fff", "#eaf2fb"), ("#e8e8e8", "#222", "#f6f6f6"),
                        ("#5aa469", "#fff", "#eef7f0"), ("#f2a33a", "#222", "#fdf3e4")])
    title = rng.choice(["Model Evals", "Benchmark Summary", "Open Models", "Eval Table"])
    ths = "".join(f"<th>{esc(h)}</th>" for h in header)
    tools = "".join(f"<span><i></i>{t}</span>" for t in [
        "View", "Zoom", "Add Category", "Pivot Table", "Insert", "Table", "Chart", "Text",
        "Shape", "Media", "Comment"])
    body = f"""<div id=shot><div class=win><span class=dots><b></b><b></b><b></b></span>
      evals.numbers</div><div class=tools>{tools}</div><div class=tabs><span>Sheet 1</span>
      </div><div class=sheet><div class=ttl>{title}</div><table><thead><tr>{ths}</tr></thead>
      <tbody>{''.join(rows)}</tbody></table></div></div>"""
    head_bg, head_fg, stripe = theme
    css = f"""#shot{{width:{rng.randint(900, 1250)}px;background:#fff;
      font-family:'{rng.choice(['Open Sans', 'Roboto', 'Liberation Sans'])}';color:#222}}
      .win{{background:#e9e9e9;padding:8px 12px;text-align:center;font-size:13px;color:#444}}
      .dots{{float:left}} .dots b{{display:inline-block;width:12px;height:12px;border-radius:6px;
      background:#ff5f57;margin-right:7px}} .dots b+b{{background:#febc2e}}
      .dots b+b+b{{background:#28c840}} .tools{{background:#f4f4f4;padding:6px 12px;
      font-size:10px;color:#555;border-bottom:1px solid #ddd}} .tools span{{display:inline-block;
      text-align:center;margin-right:18px}} .tools i{{display:block;width:18px;height:14px;
      margin:0 auto 2px;border:1.5px solid #888;border-radius:3px}}
      .tabs{{padding:4px 12px;font-size:12px;border-bottom:1px solid #ddd}}
      .tabs span{{background:#fff;border:1px solid #ccc;padding:2px 12px;border-radius:4px}}
      .sheet{{padding:26px 40px 40px}} .ttl{{font-size:22px;font-weight:600;margin-bottom:8px}}
      table{{border-collapse:collapse}} th{{background:{head_bg};color:{head_fg};
      padding:6px 14px;border:1px solid #cfcfcf;font-weight:600}} td{{padding:5px 14px;
      border:1px solid #e1e1e1;text-align:right;font-size:14px}} td:first-child{{
      text-align:left;font-weight:600}} tbody tr:nth-child(2n){{background:{stripe}}}"""
    image = browser.shoot(page(body, css), rng.choice([1, 2]))
    if rng.random() < 0.3:
        image = resize_width(image, int(image.width * rng.uniform(0.6, 0.85)))
    return Shot(image, truth_of(grid, "numbers_app", title))


STYLES: dict[str, Style] = {
    "hf_card_dark": hf_card_dark,
    "pwc_leaderboard": pwc_leaderboard,
    "colab_dark": colab_dark,
    "mkdocs_material": mkdocs_material,
    "sheets_heatmap": sheets_heatmap,
    "latex_multirow": latex_multirow,
    "x_post": x_post,
    "rich_terminal": rich_terminal,
    "juejin_cn": juejin_cn,
    "screen_photo": screen_photo,
    "quarto_across": quarto_across,
    "numbers_app": numbers_app,
}


def generate(out: Path, count: int, seed: int) -> dict:
    """Write ``count`` images to ``out`` (styles in turn, each image drawn from its own seed)
    and ``out/truth.json``; return the truth."""
    out.mkdir(parents=True, exist_ok=True)
    names = list(STYLES)
    truth: dict[str, dict] = {}
    browser = Browser((1600, 1200))
    try:
        for index in range(count):
            style = names[index % len(names)]
            rng = random.Random(seed * 1000 + index)
            shot = STYLES[style](rng, browser)
            if shot.image.width > 2000:  # a screenshot shared at most this wide
                shot.image = resize_width(shot.image, rng.randint(1500, 2000))
            name = f"blind4_{index:03d}_{style}.{'png' if shot.quality is None else 'jpg'}"
            if shot.quality is not None:
                shot.image.save(out / name, "JPEG", quality=shot.quality)
            else:
                shot.image.save(out / name)
            truth[name] = shot.truth
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False))
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=48)
    parser.add_argument("--seed", type=int, default=33000)
    args = parser.parse_args()
    truth = generate(args.out, args.count, args.seed)
    print(f"{len(truth)} tables in {args.out}")


if __name__ == "__main__":
    main()
