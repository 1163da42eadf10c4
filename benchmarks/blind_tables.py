"""The blind test set of tables: LLM benchmark tables as people screenshot and share them.

    python benchmarks/blind_tables.py OUT_DIR [--count 48] [--seed 11000]

Written by rules of its own, without reading the reader or any other generator, and never
tuned on: ``benchmarks/tables.py --sets blind`` scores it. Twelve styles, taken in turn:

- ``arxiv_booktabs``: a paper's table drawn with reportlab and rasterised by pdfium (serif
  fonts, booktabs rules, a group header over several benchmarks, bold best and underlined
  second best, ± spreads, footnote daggers, a caption);
- ``pdf_viewer``: such a page seen in a PDF viewer at an odd zoom (toolbar, grey margin);
- ``github_light`` / ``github_dark``: a README table in GitHub's two themes, links, some
  very wide tables shrunk;
- ``hf_leaderboard``: a leaderboard grid (type marks, sort arrows, org/model links,
  an average column, two decimals);
- ``notion_sections``: Notion, Confluence or Google Docs tables, rows grouped under section
  labels ("Open-source models"), percentages;
- ``tweet``: a post with the table as its picture;
- ``cn_readme``: a Chinese lab's README (模型, 参数量, 平均; sizes as 70亿, tokens as 万亿);
- ``slide``: a presentation slide with a coloured header band;
- ``phone_wechat``: a phone screenshot of a WeChat article, three device pixels per point,
  JPEG;
- ``monitor_photo``: a table photographed off a monitor (perspective, mild moiré, blur);
- ``transposed_wide``: models as columns, benchmarks as rows, shrunk.

Truth is built from the figures drawn, never read back: ``truth.json`` maps each file to
``columns`` (the model column, then every printed column but icon-only ones, group names
joined before their benchmarks: "Reasoning GSM8K"), ``rows`` (``model`` as printed, the
``cells`` as printed, ``params_b`` in billions from the size column or else the size in the
name, ``tokens_t`` in trillions, ``mmlu``) and ``style``.
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
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

# this checkout's imgread, ahead of an editable install of another checkout (a venv
# shared by several worktrees), and the benchmarks beside this script
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import Browser

STYLES = (
    "arxiv_booktabs",
    "pdf_viewer",
    "github_light",
    "github_dark",
    "hf_leaderboard",
    "notion_sections",
    "tweet",
    "cn_readme",
    "slide",
    "phone_wechat",
    "monitor_photo",
    "transposed_wide",
)

FONTS = Path("/usr/share/fonts/truetype")
SERIF_TTF = {
    "LiberationSerif": ("liberation/LiberationSerif-Regular.ttf",
                        "liberation/LiberationSerif-Bold.ttf"),
    "FreeSerif": ("freefont/FreeSerif.ttf", "freefont/FreeSerifBold.ttf"),
    "DejaVuSerif": ("dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf"),
}
SANS_FAMILIES = ["Liberation Sans", "DejaVu Sans", "Open Sans", "Roboto", "FreeSans"]

# (name as printed, parameters in billions, training tokens in trillions or None, strength):
# strength places a model's scores between the weakest and the strongest of its time.
MODELS: list[tuple[str, float | None, float | None, float]] = [
    ("Llama-2-7B", 7, 2.0, 0.28),
    ("Llama-2-13B", 13, 2.0, 0.36),
    ("Llama-2-70B", 70, 2.0, 0.55),
    ("Llama-3-8B", 8, 15.0, 0.52),
    ("Llama-3-70B", 70, 15.0, 0.80),
    ("Mistral-7B-v0.1", 7.3, None, 0.44),
    ("Mixtral-8x7B", 46.7, None, 0.62),
    ("Qwen1.5-7B", 7.7, 3.0, 0.47),
    ("Qwen1.5-14B", 14.2, 3.0, 0.55),
    ("Qwen1.5-72B", 72.3, 3.0, 0.70),
    ("Qwen2-7B", 7.6, 7.0, 0.60),
    ("Qwen2-72B", 72.7, 7.0, 0.84),
    ("Yi-6B", 6, 3.0, 0.42),
    ("Yi-34B", 34, 3.0, 0.66),
    ("Baichuan2-7B", 7, 2.6, 0.38),
    ("Baichuan2-13B", 13, 2.6, 0.45),
    ("InternLM2-7B", 7, 2.6, 0.53),
    ("InternLM2-20B", 20, 2.6, 0.61),
    ("DeepSeek-LLM-7B", 7, 2.0, 0.40),
    ("DeepSeek-LLM-67B", 67, 2.0, 0.65),
    ("Gemma-2B", 2.5, 3.0, 0.25),
    ("Gemma-7B", 8.5, 6.0, 0.51),
    ("Phi-2", 2.7, 1.4, 0.40),
    ("Phi-3-mini", 3.8, 3.3, 0.55),
    ("Falcon-40B", 40, 1.0, 0.35),
    ("Falcon-180B", 180, 3.5, 0.55),
    ("MPT-30B", 30, 1.0, 0.33),
    ("OLMo-7B", 7, 2.5, 0.26),
    ("ChatGLM3-6B", 6, None, 0.45),
    ("StableLM-2-1.6B", 1.6, 2.0, 0.18),
    ("TinyLlama-1.1B", 1.1, 3.0, 0.10),
    ("Pythia-12B", 12, 0.3, 0.12),
    ("Aquila2-34B", 34, 2.0, 0.50),
    ("XVERSE-13B", 13, 3.2, 0.46),
]
CLOSED: list[tuple[str, float]] = [
    ("GPT-3.5-Turbo", 0.60),
    ("GPT-4", 0.90),
    ("GPT-4o", 0.95),
    ("Claude-3-Opus", 0.92),
    ("Claude-3-Haiku", 0.68),
    ("Gemini-1.0-Pro", 0.70),
    ("Gemini-1.5-Pro", 0.88),
]
# Benchmark -> (weakest, strongest) score of the models above.
BENCHMARKS: dict[str, tuple[float, float]] = {
    "MMLU": (25.0, 88.0),
    "GSM8K": (2.0, 94.0),
    "MATH": (1.0, 60.0),
    "HumanEval": (5.0, 88.0),
    "MBPP": (10.0, 80.0),
    "ARC-C": (35.0, 96.0),
    "HellaSwag": (55.0, 95.0),
    "WinoGrande": (55.0, 87.0),
    "TruthfulQA": (30.0, 68.0),
    "BBH": (25.0, 86.0),
    "AGIEval": (20.0, 65.0),
    "PIQA": (70.0, 85.0),
    "BoolQ": (60.0, 90.0),
    "TriviaQA": (30.0, 87.0),
    "NQ": (8.0, 40.0),
    "DROP": (20.0, 83.0),
    "C-Eval": (25.0, 86.0),
    "CMMLU": (25.0, 86.0),
    "GAOKAO": (20.0, 75.0),
    "GPQA": (20.0, 50.0),
    "IFEval": (25.0, 85.0),
    "MMLU-PRO": (10.0, 52.0),
    "MUSR": (5.0, 25.0),
    "MATH Lvl 5": (1.0, 38.0),
}
HF_V2 = ["MMLU-PRO", "MUSR", "MATH Lvl 5"]  # the second Open LLM Leaderboard's own
GROUPS = {
    "Knowledge": ["MMLU", "TriviaQA", "NQ"],
    "Reasoning": ["ARC-C", "HellaSwag", "WinoGrande", "BBH"],
    "Math": ["GSM8K", "MATH"],
    "Code": ["HumanEval", "MBPP"],
    "Chinese": ["C-Eval", "CMMLU", "GAOKAO"],
}


@dataclass
class Row:
    model: str  # as printed
    cells: list[str]  # every printed cell after the model, as printed
    params_b: float | None
    tokens_t: float | None
    mmlu: float | None
    section: str = ""  # the section label printed above this row, when it starts one
    best: set[int] = field(default_factory=set)  # cells printed bold
    second: set[int] = field(default_factory=set)  # cells underlined


@dataclass
class Table:
    model_header: str
    headers: list[str]  # printed column names after the model column
    groups: list[str]  # per column: the group name printed over it, or ""
    rows: list[Row]
    numeric: list[bool]  # per column: holds numbers (right-aligned, best marked)
    caption: str = ""

    def truth(self, style: str) -> dict:
        columns = [self.model_header or "Model"] + [
            f"{g} {h}" if g else h for g, h in zip(self.groups, self.headers, strict=True)
        ]
        return {
            "columns": columns,
            "rows": [
                {
                    "model": r.model,
                    "cells": [r.model, *r.cells],
                    "params_b": r.params_b,
                    "tokens_t": r.tokens_t,
                    "mmlu": r.mmlu,
                }
                for r in self.rows
            ],
            "style": style,
        }


# --- what a table says -----------------------------------------------------------------


def size_from_name(name: str) -> float | None:
    """The size a model's name states ("Qwen2-72B" 72, "Mixtral-8x7B" 56, "Phi-2" none):
    what a table without a size column tells about its models."""
    found = re.findall(r"(?:^|[-\s_/(])(?:(\d+)x)?(\d+(?:\.\d+)?)([BbMm])(?![a-zA-Z])", name)
    if not found:
        return None
    experts, number, unit = found[-1]
    value = float(number) * (int(experts) if experts else 1)
    return round(value / 1000 if unit in "Mm" else value, 6)


def fmt(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}"


def params_text(value: float, form: str) -> str:
    """A size as the column prints it."""
    plain = f"{value:g}"
    if form == "B":
        return f"{plain}B"
    if form == "b":
        return f"{plain}b"
    if form == "space":
        return f"{plain} B"
    if form == "bare":  # under a "Params (B)" header
        return plain
    if form == "cn":
        return f"{value * 10:g}亿"
    if form == "M":
        return f"{value * 1000:,.0f}M"
    raise ValueError(form)


def tokens_text(value: float, form: str) -> str:
    if form == "T":
        return f"{value:g}T"
    if form == "T tokens":
        return f"{value:g}T tokens"
    if form == "B":
        return f"{value * 1000:,.0f}B"
    if form == "bare":  # under a "Tokens (T)" header
        return f"{value:.1f}"
    if form == "cn":
        return f"{value:g}万亿"
    raise ValueError(form)


def make_table(
    rng: random.Random,
    *,
    n_models: tuple[int, int] = (4, 8),
    n_bench: tuple[int, int] = (3, 6),
    pool: list[str] | None = None,
    decimals: int = 1,
    closed: bool = False,
    size_col: str | None = None,
    size_header: str = "Params",
    tokens_col: str | None = None,
    tokens_header: str = "Tokens",
    average: str = "",
    percent: bool = False,
    spread: float = 0.0,
    missing: float = 0.0,
    grouped: bool = False,
    sections: tuple[str, str] | None = None,
    model_header: str = "Model",
    first: list[str] | None = None,
) -> Table:
    """A table of real-looking figures: ``size_col`` / ``tokens_col`` name the print form
    of the size and token columns (None: no such column)."""
    open_models = rng.sample(MODELS, rng.randint(*n_models))
    if size_col or tokens_col:  # a size column lists models that publish one
        open_models = [m for m in open_models if tokens_col is None or m[2] is not None]
    closed_models = rng.sample(CLOSED, rng.randint(1, 3)) if closed else []
    if grouped:
        names = rng.sample([g for g in GROUPS if g != "Chinese"], rng.randint(2, 3))
        benches = []
        groups = []
        for group in names:
            members = rng.sample(GROUPS[group], min(len(GROUPS[group]), rng.randint(2, 3)))
            benches += members
            groups += [group] * len(members)
    else:
        candidates = pool or [b for b in BENCHMARKS if b not in GROUPS["Chinese"] + HF_V2]
        benches = list(first or [])
        benches += rng.sample([b for b in candidates if b not in benches],
                              max(0, rng.randint(*n_bench) - len(benches)))
        groups = [""] * len(benches)
    mmlu_header = "MMLU (5-shot)" if rng.random() < 0.25 and not grouped else "MMLU"
    headers = [mmlu_header if b == "MMLU" else b for b in benches]
    numeric = [True] * len(benches)
    lead: list[str] = []
    if size_col:
        lead.append(size_header)
    if tokens_col:
        lead.append(tokens_header)
    rows = []
    entries = [(m[0], m[1], m[2], m[3], False) for m in open_models]
    entries += [(name, None, None, strength, True) for name, strength in closed_models]
    if not sections:
        rng.shuffle(entries)
    for name, params, tokens, strength, _closed in entries:
        values = []
        for bench in benches:
            low, high = BENCHMARKS[bench]
            value = low + (high - low) * min(1.0, max(0.0, strength + rng.gauss(0, 0.06)))
            values.append(round(value, decimals))
        cells = []
        for value in values:
            if rng.random() < missing:
                cells.append(rng.choice(["–", "-", "—"]))
                continue
            text = fmt(value, decimals) + ("%" if percent else "")
            if spread:
                text += f"±{rng.uniform(0.1, spread):.1f}"
            cells.append(text)
        shown = [v for v, c in zip(values, cells, strict=True) if c[0].isdigit()]
        if average and shown:
            cells.append(fmt(round(sum(shown) / len(shown), decimals), decimals)
                         + ("%" if percent else ""))
        lead_cells = []
        if size_col:
            lead_cells.append("–" if params is None else params_text(params, size_col))
        if tokens_col:
            lead_cells.append("–" if tokens is None else tokens_text(tokens, tokens_col))
        mmlu = None
        if "MMLU" in benches:
            text = cells[benches.index("MMLU")]
            mmlu = values[benches.index("MMLU")] if text[0].isdigit() else None
        rows.append(
            Row(
                model=name,
                cells=lead_cells + cells,
                params_b=(params if size_col and params is not None else None)
                if size_col
                else size_from_name(name),
                tokens_t=tokens if tokens_col else None,
                mmlu=mmlu,
            )
        )
    if sections:
        first_closed = next((i for i, e in enumerate(entries) if e[4]), None)
        rows[0].section = sections[0]
        if first_closed is not None and first_closed > 0:
            rows[first_closed].section = sections[1]
    all_headers = lead + headers + ([average] if average else [])
    all_groups = [""] * len(lead) + groups + ([""] if average else [])
    all_numeric = [False] * len(lead) + numeric + ([True] if average else [])
    table = Table(model_header, all_headers, all_groups, rows, all_numeric)
    mark_best(table)
    return table


def mark_best(table: Table) -> None:
    for col, is_number in enumerate(table.numeric):
        if not is_number:
            continue
        values = [(float(re.match(r"[\d.]+", r.cells[col]).group()), i)  # type: ignore[union-attr]
                  for i, r in enumerate(table.rows) if r.cells[col][:1].isdigit()]
        ranked = sorted({v for v, _ in values}, reverse=True)
        for value, index in values:  # ties are all marked
            if value == ranked[0]:
                table.rows[index].best.add(col)
            elif len(ranked) > 1 and value == ranked[1]:
                table.rows[index].second.add(col)


# --- pages in Chromium ---------------------------------------------------------------------


def cell_html(row: Row, col: int, marks: bool) -> str:
    text = html.escape(row.cells[col])
    if marks and col in row.best:
        return f"<b>{text}</b>"
    if marks and col in row.second:
        return f"<u>{text}</u>"
    return text


def table_html(table: Table, *, marks: bool = True, link: str = "", section_cls: str = "sec",
               sort_arrows: bool = False, lead_icon: list[str] | None = None) -> str:
    """A plain <table>: group header row when the table has groups, section rows, links."""
    cols = len(table.headers) + 1 + (1 if lead_icon else 0)
    out = ["<table>", "<thead>"]
    if any(table.groups):
        out.append("<tr>" + ("<th></th>" if lead_icon else "") + "<th></th>")
        i = 0
        while i < len(table.groups):
            span = 1
            while i + span < len(table.groups) and table.groups[i + span] == table.groups[i]:
                span += 1
            out.append(f"<th colspan={span} class=grp>{html.escape(table.groups[i])}</th>")
            i += span
        out.append("</tr>")
    arrow = "<span class=arrow>⇅</span>" if sort_arrows else ""
    out.append("<tr>" + ("<th>T</th>" if lead_icon else "")
               + f"<th class=l>{html.escape(table.model_header)}{arrow}</th>")
    for header, number in zip(table.headers, table.numeric, strict=True):
        out.append(f"<th class={'n' if number else 'l'}>{html.escape(header)}{arrow}</th>")
    out.append("</tr></thead><tbody>")
    for index, row in enumerate(table.rows):
        if row.section:
            out.append(f"<tr class={section_cls}><td colspan={cols}>"
                       f"{html.escape(row.section)}</td></tr>")
        name = html.escape(row.model)
        if link:
            name = f"<a class={link}>{name}</a>"
        icon = f"<td class=icon>{lead_icon[index]}</td>" if lead_icon else ""
        out.append(f"<tr>{icon}<td class=l>{name}</td>")
        for col, number in enumerate(table.numeric):
            out.append(f"<td class={'n' if number else 'l'}>{cell_html(row, col, marks)}</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def page(css: str, body: str) -> str:
    return (f"<!doctype html><html><head><meta charset=utf-8><style>body{{margin:0}}{css}"
            f"</style></head><body>{body}</body></html>")


def github_page(rng: random.Random, table: Table, dark: bool, width: int) -> str:
    fg, bg, border, stripe, link = (
        ("#e6edf3", "#0d1117", "#30363d", "#161b22", "#4493f8")
        if dark
        else ("#1f2328", "#ffffff", "#d0d7de", "#f6f8fa", "#0969da")
    )
    font = rng.choice(["Liberation Sans", "DejaVu Sans", "Open Sans", "Roboto"])
    size = rng.choice([13, 14, 15, 16])
    css = (
        f"#shot{{background:{bg};color:{fg};font-family:'{font}';font-size:{size}px;"
        f"padding:24px 32px;width:{width}px;line-height:1.5}}"
        f"h2{{font-size:1.5em;border-bottom:1px solid {border};padding-bottom:.3em;"
        f"margin:0 0 16px}}"
        f"p{{margin:0 0 16px}} table{{border-collapse:collapse;display:block;overflow:auto}}"
        f"th,td{{border:1px solid {border};padding:6px 13px}} th{{font-weight:600}}"
        f"tbody tr:nth-child(odd){{background:{stripe}}} .n{{text-align:center}}"
        f".l{{text-align:left}} a{{color:{link};text-decoration:none}} .grp{{text-align:center}}"
    )
    heading = rng.choice(["Evaluation", "Benchmark Results", "Performance", "Results"])
    intro = rng.choice([
        "We compare against open base models of similar size.",
        "All results are evaluated with our internal harness under the same settings.",
        "Numbers in <b>bold</b> are the best among models listed.",
    ])
    return page(css, f"<div id=shot><h2>{heading}</h2><p>{intro}</p>"
                     f"{table_html(table, link='m' if rng.random() < 0.5 else '')}</div>")


# --- the styles -------------------------------------------------------------------------


def style_github(rng: random.Random, browser: Browser, dark: bool) -> tuple[Image.Image, Table]:
    wide = rng.random() < 0.35
    table = make_table(
        rng,
        n_bench=(9, 13) if wide else (3, 6),
        size_col=rng.choice([None, "B", "b", "space"]),
        size_header=rng.choice(["Params", "Size", "#Params"]),
        average=rng.choice(["", "Avg", "Average"]),
        closed=rng.random() < 0.4,
    )
    width = 1700 if wide else rng.choice([640, 760, 880, 980])
    image = browser.shoot(github_page(rng, table, dark, width), rng.choice([1.0, 1.0, 2.0]))
    if wide:
        target = rng.randint(900, 1300)
        image = image.resize((target, round(image.height * target / image.width)),
                             Image.Resampling.LANCZOS)
    return image, table


HF_MARKS = [("●", "#22a55b"), ("◆", "#f08c00"), ("■", "#3b82f6"), ("★", "#a855f7")]
ORGS = {"Llama": "meta-llama", "Mistral": "mistralai", "Mixtral": "mistralai", "Qwen": "Qwen",
        "Yi": "01-ai", "Baichuan": "baichuan-inc", "InternLM": "internlm",
        "DeepSeek": "deepseek-ai", "Gemma": "google", "Phi": "microsoft", "Falcon": "tiiuae",
        "MPT": "mosaicml", "OLMo": "allenai", "ChatGLM": "THUDM", "StableLM": "stabilityai",
        "TinyLlama": "TinyLlama", "Pythia": "EleutherAI", "Aquila": "BAAI", "XVERSE": "xverse"}


def style_hf(rng: random.Random, browser: Browser) -> tuple[Image.Image, Table]:
    v2 = rng.random() < 0.5
    pool = (["IFEval", "BBH", "MATH Lvl 5", "GPQA", "MUSR", "MMLU-PRO"] if v2
            else ["ARC-C", "HellaSwag", "MMLU", "TruthfulQA", "WinoGrande", "GSM8K"])
    table = make_table(rng, n_models=(6, 10), n_bench=(len(pool), len(pool)), pool=pool,
                       decimals=2, average="Average", size_col="bare" if v2 else None,
                       size_header="#Params (B)")
    # The leaderboard puts the average first and prints names with their organisation.
    order = [len(table.headers) - 1, *range(len(table.headers) - 1)]
    table.headers = [table.headers[i] for i in order]
    table.numeric = [table.numeric[i] for i in order]
    table.groups = [table.groups[i] for i in order]
    for row in table.rows:
        row.cells = [row.cells[i] for i in order]
        org = next((o for prefix, o in ORGS.items() if row.model.startswith(prefix)), "")
        if org:
            row.model = f"{org}/{row.model}"
    table.rows.sort(key=lambda r: -float(r.cells[0]))
    for row in table.rows:
        row.best.clear()
        row.second.clear()
    icons = []
    for _ in table.rows:
        mark, colour = rng.choice(HF_MARKS)
        icons.append(f"<span style='color:{colour}'>{mark}</span>")
    dark = rng.random() < 0.3
    fg, bg, head, border, link = (
        ("#e5e7eb", "#0b0f19", "#1f2937", "#374151", "#93c5fd")
        if dark else ("#374151", "#ffffff", "#f9fafb", "#e5e7eb", "#1d4ed8")
    )
    font = rng.choice(["Roboto", "Open Sans", "DejaVu Sans"])
    css = (
        f"#shot{{background:{bg};color:{fg};font-family:'{font}';"
        f"font-size:{rng.choice([12, 13, 14])}px;"
        f"padding:10px;width:{rng.choice([1000, 1150, 1300])}px}}"
        f"table{{border-collapse:separate;border-spacing:0;border:1px solid {border};"
        f"border-radius:8px;width:100%}} th{{background:{head};text-align:left;font-weight:600;"
        f"padding:8px 10px;border-bottom:1px solid {border}}} td{{padding:7px 10px;"
        f"border-bottom:1px solid {border}}} .arrow{{color:#9ca3af;font-size:.8em;margin-left:4px}}"
        f"a.m{{color:{link};text-decoration:underline dotted}} .n{{text-align:right}}"
        f".title{{font-size:1.6em;font-weight:700;margin:4px 0 10px}}"
        f".tabs span{{margin-right:18px;padding:4px 0}}"
        f".tabs .on{{border-bottom:2px solid #f97316}}"
    )
    title = "Open LLM Leaderboard" + (" v2" if v2 else "")
    tabs = ("<div class=tabs><span class=on>LLM Benchmark</span><span>About</span>"
            "<span>Submit here!</span></div><br>")
    body = (f"<div id=shot><div class=title>{title}</div>{tabs}"
            f"{table_html(table, marks=False, link='m', sort_arrows=True, lead_icon=icons)}</div>")
    image = browser.shoot(page(css, body), rng.choice([1.0, 1.25, 2.0]))
    if rng.random() < 0.5:
        image = jpeg(image, rng.randint(70, 90))
    return image, table


def style_notion(rng: random.Random, browser: Browser) -> tuple[Image.Image, Table]:
    look = rng.choice(["notion", "confluence", "gdocs"])
    table = make_table(rng, n_models=(4, 7), closed=True, percent=rng.random() < 0.5,
                       sections=rng.choice([("Open-source models", "Closed models"),
                                            ("Open-weight", "Proprietary"),
                                            ("Open models", "API models")]),
                       average=rng.choice(["", "Avg."]), missing=0.05)
    if look == "notion":
        css = ("#shot{background:#fff;color:#37352f;font-family:'Open Sans';font-size:14px;"
               "padding:30px 40px;display:inline-block} table{border-collapse:collapse}"
               "th,td{border:1px solid #e9e9e7;padding:7px 9px;text-align:left}"
               "th{color:#787774;font-weight:500;background:#f7f6f3} .sec td{font-weight:600;"
               "background:#fbfbfa} h1{font-size:30px;margin:0 0 14px}")
        head = "<h1>Eval summary</h1>"
    elif look == "confluence":
        css = ("#shot{background:#fff;color:#172b4d;font-family:'Liberation Sans';font-size:14px;"
               "padding:20px 30px;display:inline-block} table{border-collapse:collapse}"
               "th,td{border:1px solid #c1c7d0;padding:7px 10px} th{background:#f4f5f7;"
               "text-align:left} .n{text-align:right} .sec td{background:#deebff;font-weight:700}"
               "h2{font-size:20px;color:#172b4d;margin:0 0 12px}")
        head = "<h2>Model evaluation – Q3 results</h2>"
    else:
        css = ("#shot{background:#fff;color:#000;font-family:'Liberation Sans';font-size:15px;"
               "padding:48px 60px;display:inline-block} table{border-collapse:collapse}"
               "th,td{border:1px solid #000;padding:5px 8px} th{text-align:left;font-weight:700}"
               ".sec td{font-style:italic;font-weight:700} .n{text-align:right}"
               "p{font-family:'Liberation Serif';font-size:16px;margin:0 0 12px}")
        head = "<p>Table 2. Results on the evaluation suite (higher is better).</p>"
    image = browser.shoot(page(css, f"<div id=shot>{head}{table_html(table)}</div>"),
                          rng.choice([1.0, 1.5]))
    return image, table


def style_cn(rng: random.Random, browser: Browser) -> tuple[Image.Image, Table]:
    table = make_table(
        rng,
        n_models=(4, 7),
        pool=["C-Eval", "CMMLU", "MMLU", "GAOKAO", "AGIEval", "GSM8K", "HumanEval"],
        first=["C-Eval", "CMMLU"],
        n_bench=(3, 5),
        size_col=rng.choice(["cn", "B"]),
        size_header="参数量",
        tokens_col=rng.choice([None, "cn", "T"]),
        tokens_header="训练数据",
        average="平均",
        model_header="模型",
    )
    dark = rng.random() < 0.25
    fg, bg, border, stripe = (("#e6edf3", "#0d1117", "#30363d", "#161b22") if dark
                              else ("#1f2328", "#fff", "#d0d7de", "#f6f8fa"))
    css = (f"#shot{{background:{bg};color:{fg};font-family:'WenQuanYi Zen Hei';"
           f"font-size:{rng.choice([14, 15, 16])}px;padding:24px;width:{rng.choice([720, 860])}px;"
           f"line-height:1.5}} table{{border-collapse:collapse}} th,td{{border:1px solid {border};"
           f"padding:6px 13px}} tbody tr:nth-child(odd){{background:{stripe}}}"
           f".n{{text-align:center}}"
           f"h2{{border-bottom:1px solid {border};padding-bottom:6px}}")
    body = ("<div id=shot><h2>模型评测</h2><p>我们在以下中英文基准上评测了基座模型，"
            "结果如下（越高越好）：</p>" + table_html(table) + "</div>")
    image = browser.shoot(page(css, body), rng.choice([1.0, 2.0]))
    return image, table


def style_slide(rng: random.Random, browser: Browser) -> tuple[Image.Image, Table]:
    table = make_table(rng, n_models=(3, 6), n_bench=(3, 5), closed=rng.random() < 0.5,
                       percent=rng.random() < 0.3)
    band = rng.choice(["#1a73e8", "#6d28d9", "#0f766e", "#b91c1c", "#111827"])
    dark = rng.random() < 0.35
    fg, bg, stripe = (("#f3f4f6", "#111827", "#1f2937") if dark else ("#111", "#fff", "#eef2f7"))
    font = rng.choice(["Open Sans", "Roboto", "Liberation Sans"])
    ours = rng.randrange(len(table.rows))
    css = (f"#shot{{width:1280px;height:720px;background:{bg};color:{fg};font-family:'{font}';"
           f"position:relative;box-sizing:border-box;padding:56px 70px}}"
           f"h1{{font-size:40px;margin:0 0 30px}}"
           f"table{{border-collapse:collapse;font-size:{rng.choice([20, 22, 24])}px}}"
           f"th{{background:{band};color:#fff;padding:12px 22px}} td{{padding:10px 22px}}"
           f"tbody tr:nth-child(even){{background:{stripe}}} .n{{text-align:center}}"
           f"tbody tr:nth-child({ours + 1}) td{{background:{band}22;font-weight:700}}"
           f".foot{{position:absolute;bottom:24px;left:70px;right:70px;font-size:14px;color:#888;"
           f"display:flex;justify-content:space-between}}")
    title = rng.choice(["Benchmark results", "How we compare", "Evaluation: base models"])
    body = (f"<div id=shot><h1>{title}</h1>{table_html(table, marks=False)}"
            f"<div class=foot><span>Company confidential</span><span>{rng.randint(4, 30)}</span>"
            "</div></div>")
    image = browser.shoot(page(css, body), 1.0)
    target = rng.choice([960, 1280, 1600])
    image = image.resize((target, target * 9 // 16), Image.Resampling.LANCZOS)
    if rng.random() < 0.5:
        image = jpeg(image, rng.randint(75, 92))
    return image, table


def style_tweet(rng: random.Random, browser: Browser) -> tuple[Image.Image, Table]:
    table = make_table(rng, n_models=(3, 6), n_bench=(3, 5), closed=rng.random() < 0.5,
                       size_col=rng.choice([None, "B"]), size_header="Size")
    dark = rng.random() < 0.5
    fg, bg, muted, border = (("#e7e9ea", "#000", "#71767b", "#2f3336") if dark
                             else ("#0f1419", "#fff", "#536471", "#cfd9de"))
    inner_font = rng.choice(["Liberation Sans", "DejaVu Sans", "Roboto"])
    css = (f"#shot{{width:598px;background:{bg};color:{fg};font-family:'Roboto';font-size:15px;"
           f"padding:12px 16px}} .hd{{display:flex;gap:10px;align-items:center}}"
           f".av{{width:40px;height:40px;border-radius:50%;background:#8b5cf6}}"
           f".nm{{font-weight:700}} .h{{color:{muted}}} .tx{{margin:10px 0;line-height:1.35}}"
           f".pic{{border:1px solid {border};border-radius:16px;overflow:hidden;background:#fff;"
           f"padding:14px;color:#111;font-family:'{inner_font}';"
           f"font-size:{rng.choice([12, 13, 14])}px}}"
           f".pic table{{border-collapse:collapse;width:100%}}"
           f".pic th{{border-bottom:2px solid #333;padding:4px 6px}}"
           f".pic td{{padding:4px 6px;border-bottom:1px solid #ddd}} .n{{text-align:center}}"
           f".meta{{color:{muted};margin-top:12px}}"
           f".act{{display:flex;justify-content:space-between;"
           f"color:{muted};border-top:1px solid {border};margin-top:12px;padding-top:10px}}")
    handle = rng.choice(["ai_evals", "llm_watch", "benchbot", "openmodels"])
    text = rng.choice([
        "Our new base model is out! Strong results across the board.",
        "Fresh eval numbers, same harness for every model. Thoughts?",
        "Open weights are catching up fast. Full table below:",
    ])
    shown_name = handle.replace("_", " ").title()
    body = (f"<div id=shot><div class=hd><div class=av></div><div><div class=nm>{shown_name}"
            f"</div><div class=h>@{handle}</div></div></div><div class=tx>{text}</div>"
            f"<div class=pic>{table_html(table)}</div><div class=meta>10:24 AM · Mar 5, 2024 · "
            f"<b>{rng.randint(10, 99)}.{rng.randint(0, 9)}K</b> Views</div>"
            f"<div class=act><span>↩ {rng.randint(20, 300)}</span>"
            f"<span>⇄ {rng.randint(50, 900)}</span>"
            f"<span>♡ {rng.randint(1, 9)}.{rng.randint(0, 9)}K</span><span>⇪</span></div></div>")
    image = browser.shoot(page(css, body), rng.choice([1.0, 2.0]))
    if rng.random() < 0.6:
        image = jpeg(image, rng.randint(65, 85))
    return image, table


def style_phone(rng: random.Random, browser: Browser) -> tuple[Image.Image, Table]:
    chinese = rng.random() < 0.6
    table = make_table(
        rng, n_models=(3, 6), n_bench=(2, 4),
        pool=["C-Eval", "CMMLU", "MMLU", "GSM8K", "HumanEval"] if chinese else None,
        model_header="模型" if chinese else "Model",
        average="平均" if chinese and rng.random() < 0.5 else "",
        size_col=rng.choice([None, "cn" if chinese else "B"]),
        size_header="参数量" if chinese else "Size",
    )
    width = rng.choice([375, 390, 414])
    css = (f"#shot{{width:{width}px;background:#fff;color:#222;font-family:'WenQuanYi Zen Hei';"
           f"font-size:15px}} .sb{{display:flex;justify-content:space-between;padding:6px 18px;"
           f"font-weight:600;font-size:14px}} .nav{{display:flex;justify-content:space-between;"
           f"padding:8px 14px;background:#ededed;font-size:16px}} .art{{padding:16px}}"
           f"h1{{font-size:21px;line-height:1.4;margin:0 0 8px}} .by{{color:#576b95;font-size:14px;"
           f"margin-bottom:14px}} table{{border-collapse:collapse;width:100%;"
           f"font-size:{rng.choice([11, 12, 13])}px}} th{{background:#f2f2f2}}"
           f"th,td{{border:1px solid #ddd;padding:4px 3px;text-align:center}}"
           f"p{{line-height:1.7;color:#333}}")
    title = "国产大模型最新评测：谁是最强基座？" if chinese else "Which open model is best?"
    body = (f"<div id=shot><div class=sb><span>{rng.randint(8, 23)}:{rng.randint(10, 59)}</span>"
            f"<span>5G ▮ {rng.randint(20, 99)}%</span></div><div class=nav><span>‹</span>"
            f"<span>AI前线</span><span>···</span></div><div class=art><h1>{title}</h1>"
            f"<div class=by>AI前线 {rng.randint(2023, 2024)}-0{rng.randint(1, 9)}-"
            f"1{rng.randint(0, 9)}</div>"
            f"<p>以下是各模型在主流基准上的成绩：</p>{table_html(table)}<p>数据来源：各模型官方报告。</p>"
            f"</div></div>")
    image = browser.shoot(page(css, body), 3.0)
    if rng.random() < 0.5:
        target = rng.choice([720, 828])
        image = image.resize((target, round(image.height * target / image.width)),
                             Image.Resampling.BICUBIC)
    return jpeg(image, rng.randint(60, 85)), table


def style_transposed(rng: random.Random, browser: Browser) -> tuple[Image.Image, Table]:
    table = make_table(rng, n_models=(4, 8), n_bench=(6, 12), closed=rng.random() < 0.4,
                       decimals=rng.choice([1, 1, 2]))
    font = rng.choice(SANS_FAMILIES)
    lines = ["<table><thead><tr><th class=l>Benchmark</th>"]
    lines += [f"<th>{html.escape(r.model)}</th>" for r in table.rows]
    lines.append("</tr></thead><tbody>")
    for col, header in enumerate(table.headers):
        lines.append(f"<tr><td class=l>{html.escape(header)}</td>")
        lines += [f"<td>{cell_html(r, col, True)}</td>" for r in table.rows]
        lines.append("</tr>")
    lines.append("</tbody></table>")
    css = (f"#shot{{background:#fff;color:#111;font-family:'{font}';font-size:15px;"
           "padding:20px;display:inline-block} table{border-collapse:collapse}"
           "th{border-top:2px solid #222;border-bottom:1px solid #222;"
           "padding:6px 12px;white-space:nowrap} td{padding:5px 12px;text-align:center}"
           "tbody tr:last-child td{border-bottom:2px solid #222} .l{text-align:left}")
    image = browser.shoot(page(css, "<div id=shot>" + "".join(lines) + "</div>"), 2.0)
    target = rng.randint(700, 1200)
    if image.width > target:
        image = image.resize((target, round(image.height * target / image.width)),
                             Image.Resampling.LANCZOS)
    return image, table


def style_monitor(rng: random.Random, browser: Browser) -> tuple[Image.Image, Table]:
    table = make_table(rng, n_models=(4, 7), n_bench=(3, 5),
                       size_col=rng.choice([None, "B", "M"]), size_header="Params")
    font = rng.choice(["DejaVu Sans", "Liberation Sans", "Roboto"])
    css = (f"#shot{{background:#fff;color:#111;font-family:'{font}';font-size:18px;padding:30px;"
           "display:inline-block} table{border-collapse:collapse} th,td{border:1px solid #bbb;"
           "padding:7px 14px} th{background:#eef} .n{text-align:right}")
    flat = browser.shoot(page(css, f"<div id=shot>{table_html(table)}</div>"), 1.0)
    return photograph(rng, flat), table


# --- PDF pages (reportlab, rasterised by pdfium) -----------------------------------------


def register_serif(name: str) -> tuple[str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if name == "Times":
        return "Times-Roman", "Times-Bold"
    regular, bold = SERIF_TTF[name]
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(FONTS / regular)))
        pdfmetrics.registerFont(TTFont(name + "-Bold", str(FONTS / bold)))
    return name, name + "-Bold"


def paper_pdf(rng: random.Random, table: Table, font_size: float) -> tuple[bytes, float, float]:
    """A booktabs table with its caption on a page just large enough; returns the PDF and
    the page's size in points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    regular, bold = register_serif(rng.choice(["Times", *SERIF_TTF]))
    pad, row_h = 6.0, font_size * 1.45
    widths = [max(stringWidth(r.model, regular, font_size) for r in table.rows)]
    widths[0] = max(widths[0], stringWidth(table.model_header, bold, font_size))
    for col, header in enumerate(table.headers):
        widths.append(max([stringWidth(header, regular, font_size)]
                          + [stringWidth(r.cells[col], bold, font_size) for r in table.rows]))
    widths = [w + 2 * pad for w in widths]
    total_w = sum(widths)
    grouped = any(table.groups)
    header_rows = 2 if grouped else 1
    margin = 18.0
    caption_lines = 2
    height = (margin * 2 + font_size * 1.3 * caption_lines + 6
              + row_h * (header_rows + len(table.rows)) + 12 + font_size * 1.4)
    width = total_w + 2 * margin
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    y = height - margin - font_size
    caption = table.caption or (
        f"Table {rng.randint(1, 9)}: Comparison with open-source base models. "
        "Best results are in bold, second best underlined."
    )
    words, line = caption.split(), ""
    lines = []
    for word in words:
        if stringWidth(line + " " + word, regular, font_size) > total_w and line:
            lines.append(line)
            line = word
        else:
            line = (line + " " + word).strip()
    lines.append(line)
    for text in lines[:caption_lines]:
        pdf.setFont(regular, font_size)
        pdf.drawString(margin, y, text)
        y -= font_size * 1.3
    y -= 4
    x0, x1 = margin, margin + total_w
    pdf.setLineWidth(1.0)
    pdf.line(x0, y, x1, y)  # toprule
    y -= row_h
    lefts = [x0 + sum(widths[:i]) for i in range(len(widths))]
    if grouped:
        i = 0
        while i < len(table.groups):
            span = 1
            while i + span < len(table.groups) and table.groups[i + span] == table.groups[i]:
                span += 1
            if table.groups[i]:
                left, right = lefts[i + 1], lefts[i + span] + widths[i + span]
                pdf.setFont(regular, font_size)
                pdf.drawCentredString((left + right) / 2, y + row_h * 0.3, table.groups[i])
                pdf.setLineWidth(0.4)
                pdf.line(left + 3, y + 2, right - 3, y + 2)  # cmidrule
            i += span
        y -= row_h
    pdf.setFont(regular, font_size)
    pdf.drawString(lefts[0] + pad, y + row_h * 0.3, table.model_header)
    for col, header in enumerate(table.headers):
        pdf.drawCentredString(lefts[col + 1] + widths[col + 1] / 2, y + row_h * 0.3, header)
    pdf.setLineWidth(0.5)
    pdf.line(x0, y, x1, y)  # midrule
    for row in table.rows:
        y -= row_h
        pdf.setFont(regular, font_size)
        pdf.drawString(lefts[0] + pad, y + row_h * 0.3, row.model)
        for col, text in enumerate(row.cells):
            font = bold if col in row.best else regular
            pdf.setFont(font, font_size)
            centre = lefts[col + 1] + widths[col + 1] / 2
            pdf.drawCentredString(centre, y + row_h * 0.3, text)
            if col in row.second:
                half = stringWidth(text, font, font_size) / 2
                pdf.setLineWidth(0.5)
                pdf.line(centre - half, y + row_h * 0.3 - 1.5, centre + half, y + row_h * 0.3 - 1.5)
    pdf.setLineWidth(1.0)
    pdf.line(x0, y - 2, x1, y - 2)  # bottomrule
    if any("†" in r.model for r in table.rows):
        pdf.setFont(regular, font_size * 0.8)
        note = "† Results reproduced with our evaluation harness."
        pdf.drawString(margin, y - 2 - font_size * 1.4, note)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue(), width, height


def rasterise(pdf: bytes, scale: float) -> Image.Image:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return document[0].render(scale=scale).to_pil().convert("RGB")
    finally:
        document.close()


def paper_table(rng: random.Random) -> Table:
    table = make_table(rng, n_models=(4, 8), grouped=rng.random() < 0.6,
                       n_bench=(4, 7), spread=rng.choice([0.0, 0.0, 1.5]),
                       size_col=rng.choice([None, "B"]), size_header="Size")
    for row in rng.sample(table.rows, rng.randint(0, 2)):
        row.model += "†"
    return table


def style_arxiv(rng: random.Random) -> tuple[Image.Image, Table]:
    table = paper_table(rng)
    pdf, _, _ = paper_pdf(rng, table, rng.choice([8.0, 9.0, 10.0]))
    image = rasterise(pdf, rng.choice([1.6, 2.0, 2.4, 3.0]))
    if rng.random() < 0.3:
        image = jpeg(image, rng.randint(80, 92))
    return image, table


def style_pdf_viewer(rng: random.Random) -> tuple[Image.Image, Table]:
    table = paper_table(rng)
    pdf, _, _ = paper_pdf(rng, table, 9.0)
    zoom = rng.choice([1.17, 1.33, 1.5, 1.83])  # 88%, 100%, 113%, 138% of a 96-dpi screen
    sheet = rasterise(pdf, zoom)
    dark_ui = rng.random() < 0.5
    canvas_colour = (82, 86, 89) if dark_ui else (230, 230, 230)
    bar_colour = (50, 54, 57) if dark_ui else (249, 249, 250)
    bar_h, margin = 40, rng.randint(30, 80)
    width = sheet.width + 2 * margin
    image = Image.new("RGB", (width, sheet.height + bar_h + 2 * 24), canvas_colour)
    image.paste(sheet, (margin, bar_h + 24))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, bar_h), fill=bar_colour)
    font = ImageFont.truetype(str(FONTS / "dejavu/DejaVuSans.ttf"), 13)
    text_colour = (230, 230, 230) if dark_ui else (40, 40, 40)
    draw.text((14, 12), f"paper.pdf    {rng.randint(3, 9)} / {rng.randint(12, 30)}",
              fill=text_colour, font=font)
    draw.text((width - 110, 12), f"−  {round(zoom / 1.333 * 100)}%  +", fill=text_colour,
              font=font)
    if rng.random() < 0.5:
        image = jpeg(image, rng.randint(75, 90))
    return image, table


# --- image finishing -----------------------------------------------------------------------


def jpeg(image: Image.Image, quality: int) -> Image.Image:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def photograph(rng: random.Random, flat: Image.Image) -> Image.Image:
    """A mild photo of a screen: perspective, a little rotation, moiré, vignetting, blur,
    sensor noise and a JPEG."""
    import cv2

    src = np.asarray(flat).astype(np.float32)
    h, w = src.shape[:2]
    border = int(0.06 * max(w, h))
    canvas = np.full((h + 2 * border, w + 2 * border, 3), 30, np.float32)
    canvas[border:border + h, border:border + w] = src
    H, W = canvas.shape[:2]
    corners = np.float32([[0, 0], [W, 0], [W, H], [0, H]])
    jitter = 0.035
    moved = corners + np.float32(
        [[rng.uniform(-jitter, jitter) * W, rng.uniform(-jitter, jitter) * H] for _ in range(4)]
    )
    matrix = cv2.getPerspectiveTransform(corners, moved)
    warped = cv2.warpPerspective(canvas, matrix, (W, H), borderValue=(30, 30, 30))
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    angle = rng.uniform(0, math.pi)
    period = rng.uniform(5.0, 9.0)
    moire = 1 + 0.025 * np.sin((xx * math.cos(angle) + yy * math.sin(angle)) * 2 * math.pi / period)
    centre = ((xx - W / 2) ** 2 + (yy - H / 2) ** 2) / ((W / 2) ** 2 + (H / 2) ** 2)
    shade = 1 - 0.18 * centre
    tint = np.float32([rng.uniform(0.92, 1.0), rng.uniform(0.95, 1.0), rng.uniform(0.95, 1.05)])
    photo = warped * (moire * shade)[..., None] * tint
    photo = cv2.GaussianBlur(photo, (0, 0), rng.uniform(0.5, 0.9))
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0, 4.0, photo.shape)
    photo = np.clip(photo + noise, 0, 255).astype(np.uint8)
    image = Image.fromarray(photo)
    if rng.random() < 0.5:
        image = image.filter(ImageFilter.SMOOTH)
    return jpeg(image, rng.randint(70, 85))


# --- the set -------------------------------------------------------------------------------


def render(style: str, rng: random.Random, browser: Browser) -> tuple[Image.Image, Table]:
    if style == "arxiv_booktabs":
        return style_arxiv(rng)
    if style == "pdf_viewer":
        return style_pdf_viewer(rng)
    if style in ("github_light", "github_dark"):
        return style_github(rng, browser, style == "github_dark")
    handlers = {
        "hf_leaderboard": style_hf,
        "notion_sections": style_notion,
        "tweet": style_tweet,
        "cn_readme": style_cn,
        "slide": style_slide,
        "phone_wechat": style_phone,
        "monitor_photo": style_monitor,
        "transposed_wide": style_transposed,
    }
    return handlers[style](rng, browser)


def generate(out: Path, count: int, seed: int) -> dict:
    """``count`` images (the styles in turn) and their truth in ``out``; the same seed gives
    the same images."""
    out.mkdir(parents=True, exist_ok=True)
    browser = Browser((2000, 1400))
    truth = {}
    try:
        for index in range(count):
            style = STYLES[index % len(STYLES)]
            rng = random.Random(seed * 1000 + index)
            image, table = render(style, rng, browser)
            name = f"blind_{seed}_{index:03d}_{style}.png"
            image.save(out / name)
            truth[name] = table.truth(style)
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False))
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=48)
    parser.add_argument("--seed", type=int, default=11000)
    args = parser.parse_args()
    truth = generate(args.out, args.count, args.seed)
    print(f"{len(truth)} images in {args.out}")


if __name__ == "__main__":
    main()
