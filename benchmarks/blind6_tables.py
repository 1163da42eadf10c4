"""The sixth blind test set of benchmark tables (``blind6``): twelve looks, drawn by rules of
their own, written without reading the reader or any other generator.

    python benchmarks/blind6_tables.py OUT_DIR [--count 48] [--seed 53000]

Writes ``OUT_DIR/NNN_STYLE.png`` (or ``.jpg``) and ``OUT_DIR/truth.json``: per image its
``columns`` (the first names the model column), ``rows`` (``model``, ``cells`` as printed,
``params_b``, ``tokens_t``, ``mmlu``), ``title`` (or null) and ``style``.

What the truth holds, by rule:

- Only what the image prints, as printed. A footnote mark after a model's name ("†", "*")
  is no part of the name; a mark after a number stays in its cell (the number still reads).
- A benchmark's name is its column's own header cell as printed, a setting printed in it
  included ("MMLU (5-shot)", "GSM8K 8-shot"). A group title spanning several benchmark
  columns ("Reasoning" over "GSM8K" and "MATH") is no part of their names; a section line
  between rows ("Open-weight models") is no row.
- ``params_b`` is the parameters column's value in billions (70亿 is 7, "6.7B" is 6.7); with
  no such column, the size printed in the model's name ("Wren-13B-Chat" is 13), else null.
  MoE names ("8x7B", "A14B") only appear beside a parameters column. ``tokens_t`` is the
  training-tokens column in trillions ("1,500B" is 1.5, 2.6万亿 is 2.6), else null. ``mmlu``
  is the column named MMLU (with or without its setting; never CMMLU or MMLU-Pro), else null.
- A table turned with its models across (``bootstrap_across``) has the same truth as the
  upright one: a row per model.

Looks: a chatbot-arena-like board (pills, bars in cells), a Jupyter ``Styler`` with a
background gradient, a reportlab PDF page with two-level headers through pdfium, a Discourse
forum post, a Yuque doc with Chinese headers and units, a table shrunk into a Telegram
bubble (JPEG), a Bootstrap page with the models across, a dark Medium article on a phone,
a Sphinx Read-the-Docs page, a ``tabulate`` grid in a terminal window, a rotated black and
white scan, a Google Docs page.
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

from PIL import Image, ImageDraw, ImageFilter, ImageFont

# this checkout's imgread, ahead of an editable install of another checkout (a venv
# shared by several worktrees), and the benchmarks beside this script
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import Browser

FONTS = Path("/usr/share/fonts/truetype")

# --- what a table says ------------------------------------------------------------------

FAMILIES = ["Pellucid", "Sabre", "Juniper", "Wren", "Basalt", "Cirrus", "Fennec", "Lyra",
            "Mako", "Tundra", "Obsidian", "Saffron", "Quill", "Argo", "Heron", "Ember",
            "Solace", "Vesper", "Kodiak", "Marram", "Tallis", "Orrery", "Brisk", "Nimbus"]
CJK_FAMILIES = ["天衡", "明川", "书航", "云帆", "星野", "青岚"]
SIZES = [1.3, 1.8, 2.7, 3, 7, 8, 9, 13, 14, 20, 32, 34, 40, 65, 70, 72, 110]
SUFFIXES = ["", "", "", "-Chat", "-Instruct", "-Base", "-it", " Chat"]
MOE = [("8x7B", 46.7), ("8x22B", 141), ("57B-A14B", 57), ("16x3B", 42)]

# name, difficulty (lower: lower scores), decimals it tends to print with
BENCHMARKS = ["MMLU", "GSM8K", "MATH", "HumanEval", "MBPP", "ARC-C", "HellaSwag",
              "WinoGrande", "TruthfulQA", "BBH", "DROP", "GPQA", "IFEval", "MMLU-Pro",
              "AGIEval", "TriviaQA", "PIQA", "NQ", "MGSM", "LiveCodeBench", "MedQA", "BoolQ"]
CJK_BENCHMARKS = ["C-Eval", "CMMLU", "GAOKAO", "AGIEval", "MMLU", "GSM8K", "HumanEval",
                  "CLUEWSC"]
DIFFICULTY = {"MATH": -25, "GPQA": -30, "MMLU-Pro": -20, "LiveCodeBench": -30,
              "HumanEval": -8, "MBPP": -6, "HellaSwag": 15, "PIQA": 14, "BoolQ": 12,
              "WinoGrande": 8, "ARC-C": 2, "TruthfulQA": -15, "NQ": -30, "DROP": -5,
              "GAOKAO": -10, "MGSM": -12, "CLUEWSC": 5}
SETTINGS = {"MMLU": ["5-shot", "0-shot"], "GSM8K": ["8-shot", "4-shot", "CoT"],
            "MATH": ["4-shot"], "HumanEval": ["pass@1", "0-shot"], "BBH": ["3-shot"],
            "ARC-C": ["25-shot"], "HellaSwag": ["10-shot"], "C-Eval": ["5-shot"],
            "CMMLU": ["5-shot"], "TriviaQA": ["1-shot"]}
GROUPS = {"Knowledge": ["MMLU", "TriviaQA", "NQ", "MMLU-Pro", "MedQA", "GPQA"],
          "Reasoning": ["ARC-C", "HellaSwag", "WinoGrande", "BBH", "PIQA", "DROP", "BoolQ"],
          "Math": ["GSM8K", "MATH", "MGSM"],
          "Code": ["HumanEval", "MBPP", "LiveCodeBench"],
          "Chat": ["IFEval", "TruthfulQA", "AGIEval"]}
CJK_GROUPS = {"中文": ["C-Eval", "CMMLU", "GAOKAO", "CLUEWSC"],
              "英文": ["MMLU", "GSM8K", "HumanEval", "AGIEval"]}
MISSING = ["–", "N/A", "-", "—"]


@dataclass
class Options:
    """How one table prints: which columns, units, decorations."""

    models: tuple[int, int] = (4, 8)
    benchmarks: tuple[int, int] = (3, 6)
    cjk: bool = False
    params: float = 0.5  # chance of a parameters column
    tokens: float = 0.3
    decimals: tuple[int, ...] = (1, 1, 2)
    percent: float = 0.0
    std: float = 0.0
    missing: float = 0.05
    settings: float = 0.3  # chance a benchmark header prints its setting
    arrows: float = 0.15
    average: float = 0.3
    groups: bool = False
    sections: float = 0.0
    marks: float = 0.2  # footnote marks after some names
    lowercase_b: float = 0.1


@dataclass
class Table:
    title: str | None
    columns: list[str]  # printed leaf headers; 0 is the model column
    groups: list[tuple[str, int]]  # a top header row over the leaves, empty when none
    body: list[tuple[str, list[str]]]  # ("row", printed cells) or ("section", [text])
    truth_rows: list[dict]
    best: set[tuple[int, int]] = field(default_factory=set)  # (body index, column) bold
    second: set[tuple[int, int]] = field(default_factory=set)  # underlined


def size_text(size: float, lower: bool) -> str:
    text = f"{size:g}B"
    return text.lower() if lower else text


def model_name(rng: random.Random, family: str, size: float, lower: bool) -> str:
    version = rng.choice(["", "", "-2", "-3", "-1.5", "-3.1", " 2", "-v2"])
    suffix = rng.choice(SUFFIXES)
    joiner = rng.choice(["-", "-", " "])
    name = f"{family}{version}{joiner}{size_text(size, lower)}{suffix}"
    return name.lower() if lower and rng.random() < 0.5 else name


def params_cell(rng: random.Random, size: float, header: str) -> str:
    if header == "参数量":
        return f"{size * 10:g}亿" if rng.random() < 0.8 else f"{size:g}B"
    if header == "Params (B)":
        return f"{size:g}"
    return f"{size:g}B"


def tokens_cell(tokens: float, header: str) -> str:
    if header == "训练数据":
        return f"{tokens:g}万亿" if tokens >= 1 else f"{tokens * 10000:g}亿"
    if header == "Train tokens (T)":
        return f"{tokens:g}"
    if header == "Training tokens":
        return f"{tokens * 1000:,.0f}B"
    return f"{tokens:g}T"


def make_table(rng: random.Random, opt: Options) -> Table:
    """Models, columns and values by this set's own rules; the truth beside what prints."""
    n_models = rng.randint(*opt.models)
    pool = CJK_BENCHMARKS if opt.cjk else BENCHMARKS
    n_bench = rng.randint(*opt.benchmarks)
    if opt.groups:
        groups_pool = CJK_GROUPS if opt.cjk else GROUPS
        chosen_groups = rng.sample(list(groups_pool), k=min(len(groups_pool), rng.randint(2, 3)))
        benches: list[str] = []
        groups: list[tuple[str, int]] = []
        for group in chosen_groups:
            members = [b for b in groups_pool[group] if b in pool and b not in benches]
            picked = rng.sample(members, k=min(len(members), rng.randint(2, 3)))
            benches += picked
            groups.append((group, len(picked)))
    else:
        benches = rng.sample(pool, k=min(n_bench, len(pool)))
        groups = []
    decimals = rng.choice(opt.decimals)
    percent = rng.random() < opt.percent
    std = rng.random() < opt.std and not percent
    headers = []
    for bench in benches:
        header = bench
        if bench in SETTINGS and rng.random() < opt.settings:
            setting = rng.choice(SETTINGS[bench])
            header = rng.choice([f"{bench} ({setting})", f"{bench} {setting}"])
        if rng.random() < opt.arrows:
            header += " ↑"
        headers.append(header)
    with_params = rng.random() < opt.params
    with_tokens = rng.random() < opt.tokens
    params_header = ("参数量" if opt.cjk else rng.choice(["Params", "#Params", "Size",
                                                       "Params (B)", "Model size"]))
    tokens_header = ("训练数据" if opt.cjk else rng.choice(["Tokens", "Training tokens",
                                                        "Train tokens (T)", "Data"]))
    average = rng.random() < opt.average and not groups
    avg_header = "平均" if opt.cjk else rng.choice(["Avg.", "Average", "Mean"])
    model_header = "模型" if opt.cjk else rng.choice(["Model", "Model", "Models", "Name"])
    columns = [model_header]
    groups_out: list[tuple[str, int]] = []
    if with_params:
        columns.append(params_header)
    if with_tokens:
        columns.append(tokens_header)
    if groups:
        groups_out = [("", len(columns)), *groups]
    columns += headers
    if average:
        columns.append(avg_header)
    lower = rng.random() < opt.lowercase_b
    families = rng.sample(CJK_FAMILIES if opt.cjk and rng.random() < 0.5 else FAMILIES,
                          k=min(n_models, 6))
    used: set[str] = set()
    rows: list[tuple[str, list[str]]] = []
    truth_rows: list[dict] = []
    numeric: dict[int, list[tuple[float, int]]] = {}
    marked = rng.random() < opt.marks
    section_at = (rng.randint(1, n_models - 1) if rng.random() < opt.sections and n_models > 3
                  else None)
    if section_at is not None:
        rows.append(("section", [rng.choice(["Proprietary models", "Base models",
                                             "闭源模型" if opt.cjk else "API models"])]))
    for m in range(n_models):
        if section_at is not None and m == section_at:
            rows.append(("section", [rng.choice(["Open-weight models", "Chat models",
                                                 "开源模型" if opt.cjk else "Open models"])]))
        family = families[m % len(families)]
        moe = with_params and rng.random() < 0.15
        if moe:
            moe_name, size = rng.choice(MOE)
            name = f"{family}-{moe_name}"
        else:
            size = float(rng.choice(SIZES))
            name = model_name(rng, family, size, lower)
        if name in used:
            name = f"{name}-v{m + 2}"
        used.add(name)
        skill = rng.uniform(30, 70) + math.log10(size) * 5
        tokens = rng.choice([0.3, 1, 1.4, 1.8, 2, 2.6, 3, 4.5, 7, 12, 15])
        printed_name = name + (rng.choice(["†", "*", "‡"]) if marked and rng.random() < 0.3
                               else "")
        cells = [printed_name]
        if with_params:
            cells.append(params_cell(rng, size, params_header))
        if with_tokens:
            cells.append(tokens_cell(tokens, tokens_header))
        values = []
        mmlu = None
        for bench in benches:
            column = len(cells)
            if rng.random() < opt.missing:
                cells.append(rng.choice(MISSING))
                continue
            value = skill + DIFFICULTY.get(bench, 0) + rng.uniform(-9, 9)
            value = round(min(97.5, max(3.0, value)), decimals)
            text = f"{value:.{decimals}f}"
            if percent:
                text += "%"
            if std:
                spread = f"{rng.uniform(0.1, 2.9):.1f}"
                text += rng.choice(["±", " ± "]) + spread
            if marked and rng.random() < 0.05:
                text += "*"
            cells.append(text)
            values.append(value)
            numeric.setdefault(column, []).append((value, len(rows)))
            if bench == "MMLU":
                mmlu = value
        if average:
            if values:
                mean = round(sum(values) / len(values), decimals)
                cells.append(f"{mean:.{decimals}f}")
                numeric.setdefault(len(cells) - 1, []).append((mean, len(rows)))
            else:
                cells.append(rng.choice(MISSING))
        params_b = size if with_params else name_size(name)
        truth_rows.append({"model": name, "cells": list(cells), "params_b": params_b,
                           "tokens_t": tokens if with_tokens else None, "mmlu": mmlu})
        rows.append(("row", cells))
    best, second = set(), set()
    for column, entries in numeric.items():
        ranked = sorted(entries, reverse=True)
        if len(ranked) >= 2 and ranked[0][0] != ranked[1][0]:
            best.add((ranked[0][1], column))
            if len(ranked) >= 3 and ranked[1][0] != ranked[2][0]:
                second.add((ranked[1][1], column))
    title = None
    if rng.random() < 0.5:
        title = rng.choice(["表 2：中文与英文基准上的结果", "主要评测结果"] if opt.cjk else
                           ["Table 3: Results on standard benchmarks",
                            "Evaluation results", "Comparison with open models",
                            "Table 2. Main results", "Benchmark overview"])
    return Table(title, columns, groups_out, rows, truth_rows, best, second)


def name_size(name: str) -> float | None:
    """The size a model's name prints ("Wren-13B-Chat" is 13), by this set's own rule."""
    found = re.search(r"(?<![\w.])(\d+(?:\.\d+)?)[bB](?![\w])", name.replace("-", " "))
    return float(found.group(1)) if found else None


# --- HTML looks ---------------------------------------------------------------------------


def html_table(table: Table, marks: bool = True, cls: str = "") -> str:
    """The table as HTML: a group row when it has one, section rows spanning, best bold,
    second underlined where ``marks``."""
    out = [f'<table class="{cls}">', "<thead>"]
    if table.groups:
        out.append("<tr>" + "".join(
            f'<th colspan="{span}" class="{"grp" if text else "blank"}">{html.escape(text)}</th>'
            for text, span in table.groups) + "</tr>")
    out.append("<tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in table.columns) + "</tr>")
    out.append("</thead><tbody>")
    for index, (kind, cells) in enumerate(table.body):
        if kind == "section":
            out.append(f'<tr class="section"><td colspan="{len(table.columns)}">'
                       f"{html.escape(cells[0])}</td></tr>")
            continue
        tds = []
        for column, cell in enumerate(cells):
            text = html.escape(cell)
            if marks and (index, column) in table.best:
                text = f"<b>{text}</b>"
            elif marks and (index, column) in table.second:
                text = f"<u>{text}</u>"
            tds.append(f"<td>{text}</td>")
        out.append("<tr>" + "".join(tds) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def page(body: str, css: str) -> str:
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>"
            f"html,body{{margin:0;padding:0;}}{css}</style></head><body>{body}</body></html>")


def arena_board(rng: random.Random, browser: Browser) -> tuple[Image.Image, Table]:
    """A chatbot-arena-like board: a rank badge before the model and an organisation pill
    after the scores (neither is a score: the truth leaves both out), bars in the cells."""
    table = make_table(rng, Options(params=0.0, tokens=0.0, average=0.0, arrows=0.0,
                                    settings=0.0, models=(6, 10), benchmarks=(2, 4)))
    orgs = ["Lumen Labs", "Northwind AI", "Open Meadow", "Kite Research", "Arbor"]
    accent = rng.choice(["#6d28d9", "#0f766e", "#c2410c", "#1d4ed8"])
    face = rng.choice(["Roboto", "Open Sans", "Liberation Sans"])
    dark = rng.random() < 0.35
    page_bg, card, ink, rule = (("#0b0f19", "#111827", "#e5e7eb", "#374151") if dark
                                else ("#f3f4f6", "#fff", "#111827", "#e5e7eb"))
    bars = rng.random() < 0.6

    def first_score(entry: tuple[int, tuple[str, list[str]]]) -> float:
        cell = entry[1][1][1]
        return float(cell.rstrip("%*")) if cell[:1].isdigit() else -1.0

    # A board is ranked by its first score; bold best moves with its row.
    order = sorted(enumerate(table.body), key=first_score, reverse=True)
    moved = {old: new for new, (old, _) in enumerate(order)}
    table.body = [entry for _, entry in order]
    table.best = {(moved[r], c) for r, c in table.best}
    rows_html = []
    for index, (_, cells) in enumerate(table.body):
        rank = index + 1
        badge = {1: "#f5c518", 2: "#c0c0c0", 3: "#cd7f32"}.get(rank, "#e5e7eb")
        tds = [f'<td><span class="rank" style="background:{badge}">{rank}</span></td>']
        for column, cell in enumerate(cells):
            text = html.escape(cell)
            if column >= 1 and bars and cell[:1].isdigit():
                width = max(4.0, min(100.0, float(cell.rstrip("%*"))))
                text = (f'<div class="cellbar"><div style="width:{width:.0f}%"></div></div>'
                        f"<span>{text}</span>")
            if (index, column) in table.best:
                text = f"<b>{text}</b>"
            tds.append(f"<td>{text}</td>")
        tds.append(f'<td><span class="pill">{rng.choice(orgs)}</span></td>')
        rows_html.append("<tr>" + "".join(tds) + "</tr>")
    head = "".join(f"<th>{html.escape(c)}</th>" for c in ["Rank", *table.columns,
                                                          "Organization"])
    table.title = rng.choice(["Leaderboard", "Model rankings", "Open Model Arena",
                              "Community leaderboard"])
    body_html = (f'<div id="shot"><div class="top"><h2>{html.escape(table.title)}</h2>'
                 f'<span class="upd">Last updated: 2024-{rng.randint(1, 12):02d}-'
                 f'{rng.randint(1, 28):02d}</span></div>'
                 f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows_html)}"
                 f"</tbody></table></div>")
    css = f"""
    body{{background:{page_bg};font-family:'{face}';}}
    #shot{{display:inline-block;margin:18px;background:{card};border-radius:12px;
      padding:16px 20px;box-shadow:0 1px 4px rgba(0,0,0,.15);}}
    .top{{display:flex;align-items:baseline;gap:20px;}}
    h2{{margin:4px 0 12px;font-size:20px;color:{ink};}}
    .upd{{color:#6b7280;font-size:12px;}}
    table{{border-collapse:collapse;font-size:{rng.choice([13, 14, 15])}px;}}
    th{{text-align:left;color:#fff;background:{accent};padding:8px 12px;}}
    td{{padding:7px 12px;border-bottom:1px solid {rule};color:{ink};}}
    .rank{{color:#111;display:inline-block;min-width:22px;text-align:center;border-radius:11px;
      padding:2px 4px;font-weight:bold;}}
    .pill{{background:#eef2ff;color:#3730a3;border-radius:9px;padding:2px 8px;font-size:12px;}}
    .cellbar{{display:inline-block;width:60px;height:8px;background:{rule};border-radius:4px;
      margin-right:8px;vertical-align:middle;}}
    .cellbar div{{height:8px;background:{accent};border-radius:4px;opacity:.75;}}
    """
    return browser.shoot(page(body_html, css), rng.choice([1, 1.25, 1.5])), table


def styler_gradient(rng: random.Random, browser: Browser) -> tuple[Image.Image, Table]:
    table = make_table(rng, Options(params=0.3, tokens=0.0, decimals=(1, 2, 2), marks=0.0,
                                    settings=0.2, average=0.4))
    cmap = rng.choice([((247, 251, 255), (8, 81, 156)), ((255, 245, 235), (166, 54, 3)),
                       ((247, 252, 245), (0, 109, 44)), ((68, 1, 84), (253, 231, 37))])
    rows_html = []
    numeric_cols = {c for _, c in table.best | table.second}
    spans: dict[int, tuple[float, float]] = {}
    for column in range(1, len(table.columns)):
        vals = [float(cells[column].rstrip("%*").split("±")[0]) for k, cells in table.body
                if k == "row" and cells[column][:1].isdigit() and "B" not in cells[column]]
        if vals and (column in numeric_cols or len(vals) > 1):
            spans[column] = (min(vals), max(vals))
    for index, (_, cells) in enumerate(table.body):
        tds = [f'<th class="idx">{index}</th>']
        for column, cell in enumerate(cells):
            style = ""
            if column in spans and cell[:1].isdigit():
                low, high = spans[column]
                share = (float(cell.rstrip("%*")) - low) / ((high - low) or 1)
                rgb = [round(a + (b - a) * share) for a, b in zip(*cmap, strict=True)]
                light = sum(rgb) / 3 > 140
                style = (f"background-color:rgb({rgb[0]},{rgb[1]},{rgb[2]});"
                         f"color:{'#000' if light else '#f1f1f1'};")
            tds.append(f'<td style="{style}">{html.escape(cell)}</td>')
        rows_html.append("<tr>" + "".join(tds) + "</tr>")
    head = '<th class="idx"></th>' + "".join(f"<th>{html.escape(c)}</th>"
                                             for c in table.columns)
    number = rng.randint(3, 41)
    table.title = None
    body_html = (f'<div id="shot"><div class="prompt">[{number}]:</div><div class="out">'
                 f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows_html)}"
                 f"</tbody></table></div></div>")
    css = f"""
    body{{background:#fff;font-family:'DejaVu Sans';}}
    #shot{{display:inline-flex;padding:10px 14px;background:#fff;}}
    .prompt{{color:#d84315;font-family:'DejaVu Sans Mono';font-size:13px;width:52px;
      padding-top:4px;}}
    table{{border-collapse:collapse;font-size:{rng.choice([12, 13])}px;}}
    th{{font-weight:bold;padding:4px 9px;text-align:right;border-bottom:1px solid #bdbdbd;}}
    td{{padding:4px 9px;text-align:right;}}
    th.idx{{color:#222;border-bottom:none;}}
    tbody tr:nth-child(odd) th.idx{{background:#f5f5f5;}}
    """
    return browser.shoot(page(body_html, css), rng.choice([1, 1.5, 2])), table


def discourse_post(rng: random.Random, browser: Browser) -> tuple[Image.Image, Table]:
    table = make_table(rng, Options(params=0.6, tokens=0.4, settings=0.4, arrows=0.2,
                                    percent=0.2))
    user = rng.choice(["mkoval", "ada_l", "tensorbird", "reg_ex", "pvk"])
    dark = rng.random() < 0.3
    fg, bg, line = ("#ddd", "#222", "#444") if dark else ("#222", "#fff", "#e9e9e9")
    intro = rng.choice(["Ran the usual harness on the new checkpoints, numbers below:",
                        "Here is what I got with lm-eval, default settings.",
                        "Sharing our internal eval, feedback welcome."])
    body_html = (f'<div id="shot"><div class="head"><div class="av">{user[0].upper()}</div>'
                 f'<b>{user}</b><span class="when">{rng.randint(2, 23)}h</span></div>'
                 f'<div class="post"><p>{intro}</p>'
                 + (f"<h3>{html.escape(table.title)}</h3>" if table.title else "")
                 + html_table(table, marks=rng.random() < 0.5)
                 + '<p class="foot">❤ 12 · Reply</p></div></div>')
    css = f"""
    body{{background:{bg};font-family:'Liberation Sans';color:{fg};}}
    #shot{{width:{rng.choice([640, 720, 800])}px;padding:18px 24px;background:{bg};}}
    .head{{display:flex;align-items:center;gap:10px;font-size:14px;}}
    .av{{width:36px;height:36px;border-radius:18px;background:#6a9fb5;color:#fff;
      display:flex;align-items:center;justify-content:center;font-weight:bold;}}
    .when{{margin-left:auto;color:#919191;}}
    .post{{margin-left:46px;font-size:15px;}}
    h3{{font-size:16px;margin:8px 0;}}
    table{{border-collapse:collapse;font-size:14px;}}
    th{{text-align:left;border-bottom:2px solid {line};padding:6px 10px;}}
    td{{padding:6px 10px;border-bottom:1px solid {line};}}
    th.grp{{text-align:center;border-bottom:1px solid {line};}}
    tr.section td{{font-style:italic;color:#888;}}
    .foot{{color:#919191;font-size:13px;}}
    """
    return browser.shoot(page(body_html, css), rng.choice([1, 1.25, 2])), table


def yuque_cn(rng: random.Random, browser: Browser) -> tuple[Image.Image, Table]:
    table = make_table(rng, Options(cjk=True, params=0.7, tokens=0.5, settings=0.0,
                                    arrows=0.0, average=0.5, marks=0.0, lowercase_b=0.0,
                                    groups=rng.random() < 0.3, benchmarks=(4, 6)))
    body_html = ('<div id="shot"><div class="crumb">知识库 / 模型评测 / 周报</div>'
                 f"<h1>{html.escape(table.title or '评测汇总')}</h1>"
                 '<p class="meta">最近更新：今天 14:32 · 阅读 128</p>'
                 + html_table(table, marks=rng.random() < 0.6) + "</div>")
    table.title = table.title or "评测汇总"
    css = f"""
    body{{background:#fff;font-family:'WenQuanYi Zen Hei';color:#262626;}}
    #shot{{width:{rng.choice([760, 860, 960])}px;padding:24px 36px;}}
    .crumb{{color:#8a8f8d;font-size:13px;}}
    h1{{font-size:24px;margin:10px 0 4px;}}
    .meta{{color:#8a8f8d;font-size:12px;margin-bottom:16px;}}
    table{{border-collapse:collapse;font-size:{rng.choice([13, 14])}px;}}
    th,td{{border:1px solid #d8dad9;padding:7px 12px;text-align:center;}}
    th{{background:{rng.choice(['#f4f5f5', '#e8f7ef', '#eaf1ff'])};font-weight:bold;}}
    tr.section td{{background:#fafafa;text-align:left;color:#595959;}}
    """
    return browser.shoot(page(body_html, css), rng.choice([1, 1.5, 2])), table


def bootstrap_across(rng: random.Random, browser: Browser) -> tuple[Image.Image, Table]:
    table = make_table(rng, Options(params=0.0, tokens=0.0, average=0.0, models=(3, 5),
                                    benchmarks=(5, 8), marks=0.0, settings=0.5,
                                    arrows=0.0))
    models = [cells for kind, cells in table.body if kind == "row"]
    corner = rng.choice(["Benchmark", "Task", "Dataset"])
    head = f"<th>{corner}</th>" + "".join(f"<th>{html.escape(m[0])}</th>" for m in models)
    rows_html = []
    for column in range(1, len(table.columns)):
        values = [m[column] for m in models]
        top = max((float(v.rstrip("%*")) for v in values if v[:1].isdigit()), default=None)
        tds = [f"<td class='b'>{html.escape(table.columns[column])}</td>"]
        for v in values:
            strong = top is not None and v[:1].isdigit() and float(v.rstrip("%*")) == top
            tds.append(f"<td>{'<b>' if strong else ''}{html.escape(v)}"
                       f"{'</b>' if strong else ''}</td>")
        rows_html.append("<tr>" + "".join(tds) + "</tr>")
    striped = rng.random() < 0.6
    body_html = ('<div id="shot">'
                 + (f"<h4>{html.escape(table.title)}</h4>" if table.title else "")
                 + f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows_html)}"
                   "</tbody></table></div>")
    css = f"""
    body{{background:#fff;font-family:'{rng.choice(["Open Sans", "Roboto", "FreeSans"])}';
      color:#212529;}}
    #shot{{display:inline-block;padding:20px;}}
    h4{{font-size:18px;margin:0 0 10px;font-weight:600;}}
    table{{border-collapse:collapse;font-size:{rng.choice([14, 15, 16])}px;}}
    th{{border-bottom:2px solid #dee2e6;padding:8px 14px;text-align:left;}}
    td{{border-top:1px solid #dee2e6;padding:8px 14px;}}
    td.b{{font-weight:600;}}
    {'tbody tr:nth-of-type(odd){background:rgba(0,0,0,.05);}' if striped else ''}
    """
    return browser.shoot(page(body_html, css), rng.choice([1, 1.5])), table


def medium_dark_phone(rng: random.Random, browser: Browser) -> tuple[Image.Image, Table]:
    table = make_table(rng, Options(params=0.5, tokens=0.0, models=(3, 6), benchmarks=(2, 3),
                                    average=0.0, settings=0.0, percent=0.3))
    clock = f"{rng.randint(7, 23)}:{rng.randint(0, 59):02d}"
    body_html = (f'<div id="shot"><div class="status"><span>{clock}</span>'
                 '<span>▂▄▆ 5G ▭</span></div>'
                 '<div class="bar">← &nbsp; medium.com</div><div class="art">'
                 "<p>We compared the new open models on the benchmarks that matter most "
                 "for everyday use.</p>"
                 + (f'<p class="cap">{html.escape(table.title)}</p>' if table.title else "")
                 + html_table(table, marks=rng.random() < 0.5)
                 + "<p>The gap is smaller than the headline numbers suggest.</p></div></div>")
    css = """
    body{background:#121212;}
    #shot{width:390px;background:#121212;color:#e6e6e6;font-family:'DejaVu Serif';}
    .status{display:flex;justify-content:space-between;padding:8px 20px;font:600 14px
      'DejaVu Sans';color:#fff;}
    .bar{padding:8px 16px;font:13px 'DejaVu Sans';color:#aaa;border-bottom:1px solid #2a2a2a;}
    .art{padding:8px 18px 16px;font-size:16px;line-height:1.5;}
    .cap{font:bold 14px 'DejaVu Sans';}
    table{border-collapse:collapse;font:13px 'DejaVu Sans';width:100%;}
    th{text-align:left;border-bottom:1px solid #555;padding:6px 4px;color:#fff;}
    td{padding:6px 4px;border-bottom:1px solid #2e2e2e;}
    tr.section td{color:#9a9a9a;font-style:italic;}
    """
    return browser.shoot(page(body_html, css), rng.choice([2, 3])), table


def sphinx_rtd(rng: random.Random, browser: Browser) -> tuple[Image.Image, Table]:
    table = make_table(rng, Options(params=0.5, tokens=0.5, sections=0.4, settings=0.3,
                                    std=0.25, marks=0.3))
    body_html = ('<div id="shot"><div class="crumbs">Docs » Evaluation » Results '
                 '<span>Edit on GitHub</span></div>'
                 f"<h1>{html.escape(table.title or 'Results')}</h1>"
                 "<p>All numbers are from our own harness; † marks models evaluated "
                 "through their API.</p>"
                 + html_table(table, marks=False, cls="docutils") + "</div>")
    table.title = table.title or "Results"
    css = f"""
    body{{background:#fcfcfc;}}
    #shot{{width:{rng.choice([820, 900, 1000])}px;padding:20px 36px;background:#fcfcfc;
      font-family:'Liberation Sans';color:#404040;}}
    .crumbs{{font-size:13px;border-bottom:1px solid #e1e4e5;padding-bottom:8px;}}
    .crumbs span{{float:right;color:#2980b9;}}
    h1{{font-family:'Roboto Condensed';font-weight:700;font-size:28px;margin:16px 0 8px;}}
    table{{border-collapse:collapse;border:1px solid #e1e4e5;font-size:{rng.choice([14, 15])}px;}}
    th{{border:1px solid #e1e4e5;padding:8px 16px;text-align:left;font-weight:bold;}}
    td{{border:1px solid #e1e4e5;padding:8px 16px;}}
    tbody tr:nth-child(odd) td{{background:#f3f6f6;}}
    tr.section td{{font-weight:bold;background:#e7f2fa !important;}}
    """
    return browser.shoot(page(body_html, css), rng.choice([1, 1.25])), table


def gdocs_page(rng: random.Random, browser: Browser) -> tuple[Image.Image, Table]:
    table = make_table(rng, Options(params=0.5, tokens=0.3, groups=rng.random() < 0.4,
                                    settings=0.3, arrows=0.2, percent=0.15))
    comment = rng.random() < 0.5
    body_html = ('<div id="shot"><div class="ruler"></div><div class="sheet">'
                 + (f"<p class='t'>{html.escape(table.title)}</p>" if table.title else "")
                 + html_table(table, marks=rng.random() < 0.5)
                 + "<p>Numbers to be double-checked before the review.</p></div>"
                 + ('<div class="cmt"><b>Priya N.</b><br>are these 5-shot everywhere?</div>'
                    if comment else "") + "</div>")
    css = f"""
    body{{background:#f8f9fa;}}
    #shot{{display:inline-flex;gap:16px;padding:16px 24px;background:#f8f9fa;
      align-items:flex-start;}}
    .sheet{{background:#fff;padding:48px 56px;box-shadow:0 1px 3px rgba(60,64,67,.3);
      font-family:'{rng.choice(["Liberation Sans", "Open Sans"])}';font-size:14px;color:#000;}}
    .t{{font-size:18px;font-weight:bold;}}
    table{{border-collapse:collapse;font-size:{rng.choice([13, 14])}px;}}
    th,td{{border:1px solid #000;padding:5px 9px;}}
    th{{background:{rng.choice(['#fff', '#cfe2f3', '#d9ead3', '#f4cccc'])};}}
    tr.section td{{font-style:italic;}}
    .cmt{{width:190px;background:#fff;border-radius:8px;padding:10px;font:13px 'Roboto';
      box-shadow:0 1px 3px rgba(60,64,67,.3);margin-top:80px;}}
    """
    return browser.shoot(page(body_html, css), rng.choice([1, 1.5])), table


# --- drawn looks (PIL, reportlab) ---------------------------------------------------------


def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / name), size)


def text_grid(table: Table) -> list[list[str]]:
    return [table.columns] + [cells if kind == "row" else [cells[0]] for kind, cells in
                              table.body]


def tabulate_grid(rng: random.Random, browser: Browser) -> tuple[Image.Image, Table]:
    del browser
    table = make_table(rng, Options(params=0.5, tokens=0.3, settings=0.3, marks=0.0,
                                    arrows=0.0, sections=0.0))
    table.title = None
    rows = [table.columns] + [cells for _, cells in table.body]
    widths = [max(len(r[c]) for r in rows) for c in range(len(table.columns))]
    numeric = [c > 0 for c in range(len(widths))]

    def line(ch: str) -> str:
        return "+" + "+".join(ch * (w + 2) for w in widths) + "+"

    def fmt(r: list[str]) -> str:
        return "|" + "|".join(f" {v.rjust(w) if numeric[c] and c else v.ljust(w)} "
                              for c, (v, w) in enumerate(zip(r, widths, strict=True))) + "|"

    lines = ["$ python eval_summary.py --format grid", line("-"), fmt(rows[0]), line("=")]
    for r in rows[1:]:
        lines += [fmt(r), line("-")]
    lines.append("$ ")
    size = rng.choice([14, 15, 16, 18])
    mono = font(rng.choice(["dejavu/DejaVuSansMono.ttf", "liberation/LiberationMono-Regular.ttf",
                            "freefont/FreeMono.ttf"]), size)
    bg, fg = rng.choice([((255, 255, 255), (30, 30, 30)), ((40, 42, 54), (248, 248, 242)),
                         ((0, 43, 54), (147, 161, 161))])
    char_w = mono.getlength("M")
    width = int(char_w * max(len(x) for x in lines)) + 40
    height = int(size * 1.35 * len(lines)) + 60
    image = Image.new("RGB", (width, height), bg)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, 28), fill=(225, 225, 225) if bg[0] > 200 else (60, 60, 70))
    for i, colour in enumerate([(255, 95, 86), (255, 189, 46), (39, 201, 63)]):
        draw.ellipse((10 + i * 20, 8, 22 + i * 20, 20), fill=colour)
    for i, text in enumerate(lines):
        draw.text((20, 40 + i * size * 1.35), text, font=mono, fill=fg)
    return image, table


def telegram_jpeg(rng: random.Random, browser: Browser) -> tuple[Image.Image, Table]:
    """A table screenshot forwarded in a chat: drawn, placed in a bubble, shrunk, JPEG."""
    table = make_table(rng, Options(params=0.4, tokens=0.0, models=(4, 7), benchmarks=(3, 5),
                                    settings=0.0))
    inner = browser.shoot(page('<div id="shot">' + html_table(table, marks=True) + "</div>",
                               """#shot{display:inline-block;background:#fff;padding:10px;
                               font-family:'Liberation Sans';}
                               table{border-collapse:collapse;font-size:15px;}
                               th{background:#e8eef7;padding:6px 10px;border:1px solid #c5d0e0;}
                               td{padding:6px 10px;border:1px solid #c5d0e0;}
                               tr.section td{background:#f6f6f6;}"""), 2)
    table.title = None
    bubble_w = inner.width + 24
    chat = Image.new("RGB", (bubble_w + 120, inner.height + 140), (14, 22, 33))
    draw = ImageDraw.Draw(chat)
    draw.rounded_rectangle((60, 40, 60 + bubble_w, 40 + inner.height + 60), 24,
                           fill=(24, 37, 51))
    chat.paste(inner, (72, 52))
    caption = font("dejavu/DejaVuSans.ttf", 26)
    draw.text((76, 52 + inner.height + 10), "new evals just dropped  12:41", font=caption,
              fill=(200, 210, 220))
    draw.ellipse((6, 40 + inner.height + 10, 50, 40 + inner.height + 54), fill=(80, 140, 200))
    target = rng.randint(400, 700)
    shrunk = chat.resize((target, round(chat.height * target / chat.width)), Image.LANCZOS)
    buffer = io.BytesIO()
    shrunk.save(buffer, "JPEG", quality=rng.randint(55, 80))
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"), table


def bw_scan_rotated(rng: random.Random, browser: Browser) -> tuple[Image.Image, Table]:
    """A printed table scanned in black and white: a few tenths of a degree off, speckled."""
    del browser
    table = make_table(rng, Options(params=0.5, tokens=0.4, models=(4, 7), settings=0.3,
                                    std=0.0, arrows=0.0, marks=0.0, sections=0.3))
    size = rng.choice([26, 30, 34])
    serif = font(rng.choice(["liberation/LiberationSerif-Regular.ttf",
                             "freefont/FreeSerif.ttf", "dejavu/DejaVuSerif.ttf"]), size)
    grid = text_grid(table)
    widths = [max(serif.getlength(r[c]) for r in grid if len(r) > c and len(r) > 1)
              for c in range(len(table.columns))]
    pad = size
    total = int(sum(widths) + pad * (len(widths) + 1))
    pitch = int(size * 1.7)
    height = pitch * (len(grid) + 3) + 120
    image = Image.new("L", (total + 160, height), 255)
    draw = ImageDraw.Draw(image)
    y = 80
    if table.title:
        draw.text((80, y - pitch), table.title, font=serif, fill=0)
        y += pitch // 2
    draw.line((80, y, 80 + total, y), fill=0, width=3)
    for index, row in enumerate(grid):
        x = 80 + pad
        if len(row) == 1 and index:
            draw.text((x, y + 8), row[0], font=serif, fill=0)
        else:
            for c, cell in enumerate(row):
                cx = x if c == 0 else x + widths[c] - serif.getlength(cell)
                draw.text((cx, y + 8), cell, font=serif, fill=0)
                x += widths[c] + pad
        y += pitch
        if index == 0:
            draw.line((80, y, 80 + total, y), fill=0, width=2)
    draw.line((80, y + 4, 80 + total, y + 4), fill=0, width=3)
    image = image.rotate(rng.uniform(-1.2, 1.2), resample=Image.BICUBIC, expand=True,
                         fillcolor=255)
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.1)))
    ink = image.point(lambda v: 255 if v < 200 else 0).getbbox() or (0, 0, *image.size)
    margin = rng.randint(20, 60)
    image = image.crop((max(0, ink[0] - margin), max(0, ink[1] - margin),
                        min(image.width, ink[2] + margin), min(image.height, ink[3] + margin)))
    import numpy as np

    speckle = np.random.default_rng(rng.randrange(2**32)).normal(0, rng.uniform(20, 40),
                                                                 (image.height, image.width))
    pixels = np.asarray(image, dtype=float) + speckle
    threshold = rng.choice([150, 165, 180])
    image = Image.fromarray(np.where(pixels > threshold, 255, 0).astype(np.uint8))
    scale = rng.uniform(0.55, 0.8)
    image = image.resize((int(image.width * scale), int(image.height * scale)))
    return image.convert("RGB"), table


def reportlab_twolevel(rng: random.Random, browser: Browser) -> tuple[Image.Image, Table]:
    """A paper's table typeset by reportlab and rasterised by pdfium: two-level headers
    (a group title over its benchmarks), rules above and below, a caption above."""
    del browser
    import pypdfium2 as pdfium
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Table as RLTable

    table = make_table(rng, Options(params=0.5, tokens=0.2, groups=rng.random() < 0.75,
                                    std=0.3, sections=0.3, settings=0.2, arrows=0.0,
                                    average=0.0, benchmarks=(4, 6), marks=0.3))
    table.title = table.title or "Table 4: Results on held-out benchmarks"
    data: list[list[str]] = []
    style = [("FONT", (0, 0), (-1, -1), "Times-Roman", 8.5),
             ("LINEABOVE", (0, 0), (-1, 0), 1.0, colors.black),
             ("ALIGN", (1, 0), (-1, -1), "CENTER"),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 2), ("TOPPADDING", (0, 0), (-1, -1), 2)]
    top = 0
    if table.groups:
        row: list[str] = []
        col = 0
        for text, span in table.groups:
            row += [text] + [""] * (span - 1)
            if span > 1:
                style.append(("SPAN", (col, 0), (col + span - 1, 0)))
            if text:
                style.append(("LINEBELOW", (col, 0), (col + span - 1, 0), 0.5, colors.black))
            col += span
        data.append(row)
        top = 1
    data.append(list(table.columns))
    style.append(("LINEBELOW", (0, top), (-1, top), 0.6, colors.black))
    for index, (kind, cells) in enumerate(table.body):
        r = len(data)
        if kind == "section":
            data.append([cells[0]] + [""] * (len(table.columns) - 1))
            style += [("SPAN", (0, r), (-1, r)), ("FONT", (0, r), (0, r), "Times-Italic", 8.5),
                      ("LINEABOVE", (0, r), (-1, r), 0.4, colors.black)]
            continue
        data.append(list(cells))
        for column in range(len(cells)):
            if (index, column) in table.best:
                style.append(("FONT", (column, r), (column, r), "Times-Bold", 8.5))
    style.append(("LINEBELOW", (0, -1), (-1, -1), 1.0, colors.black))
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=50, rightMargin=50, topMargin=50)
    sheet = getSampleStyleSheet()
    caption = Paragraph(f"<font name='Times-Roman' size='9'>{html.escape(table.title)}</font>",
                        sheet["Normal"])
    flow = [caption, Spacer(1, 4), RLTable(data, style=TableStyle(style))]
    doc.build(flow)
    pdf = pdfium.PdfDocument(buffer.getvalue())
    dpi = rng.choice([110, 130, 150, 200])
    bitmap = pdf[0].render(scale=dpi / 72).to_pil().convert("RGB")
    # crop to the ink, with a margin
    grey = bitmap.convert("L").point(lambda v: 255 if v < 250 else 0)
    box = grey.getbbox() or (0, 0, bitmap.width, bitmap.height)
    margin = int(dpi / 6)
    return bitmap.crop((max(0, box[0] - margin), max(0, box[1] - margin),
                        min(bitmap.width, box[2] + margin),
                        min(bitmap.height, box[3] + margin))), table


STYLES: dict[str, Callable[[random.Random, Browser], tuple[Image.Image, Table]]] = {
    "arena_board": arena_board,
    "styler_gradient": styler_gradient,
    "reportlab_twolevel": reportlab_twolevel,
    "discourse_post": discourse_post,
    "yuque_cn": yuque_cn,
    "telegram_jpeg": telegram_jpeg,
    "bootstrap_across": bootstrap_across,
    "medium_dark_phone": medium_dark_phone,
    "sphinx_rtd": sphinx_rtd,
    "tabulate_grid": tabulate_grid,
    "bw_scan_rotated": bw_scan_rotated,
    "gdocs_page": gdocs_page,
}


def generate(out: Path, count: int, seed: int) -> dict:
    """``count`` tables, the styles in turn, deterministic per seed; returns the truth."""
    out.mkdir(parents=True, exist_ok=True)
    browser = Browser((1400, 1000))
    truth: dict[str, dict] = {}
    names = list(STYLES)
    try:
        for index in range(count):
            style = names[index % len(names)]
            rng = random.Random(f"blind6-tables/{seed}/{index}")
            image, table = STYLES[style](rng, browser)
            jpeg = style in ("telegram_jpeg",) or rng.random() < 0.15
            name = f"{index:03d}_{style}.{'jpg' if jpeg else 'png'}"
            if jpeg:
                image.save(out / name, "JPEG", quality=rng.randint(70, 92))
            else:
                image.save(out / name)
            truth[name] = {"columns": table.columns, "rows": table.truth_rows,
                           "title": table.title, "style": style}
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1))
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=48)
    parser.add_argument("--seed", type=int, default=53000)
    args = parser.parse_args()
    truth = generate(args.out, args.count, args.seed)
    print(f"{len(truth)} tables in {args.out}")


if __name__ == "__main__":
    main()
