"""The third blind test set of LLM benchmark tables (``blind3``), written from scratch by its
own rules, without opening the reader or any other generator of this repository.

    python benchmarks/blind3_tables.py OUT_DIR [--count 48] [--seed 23000]

Twelve styles, taken in turn (image ``i`` has style ``STYLES[i % 12]``), each a way people
really capture and share such tables:

- ``gradio_frame``: a Gradio data frame in a light app (a search box, an index column, sort
  marks drawn as triangles, two decimals);
- ``streamlit_dark``: a Streamlit data frame on its dark theme (an index column, floats printed
  with four decimals as pandas leaves them, ``None`` for what is missing);
- ``gitlab_readme``: a GitLab, Gitee or Bitbucket README (a heading and a paragraph above,
  linked model names, bold section rows such as "Base models");
- ``zhihu_cn``: a Zhihu or Bilibili article with Chinese headers (模型, 参数量 as ``70亿``
  or ``7B``, 训练数据 as ``1.4万亿`` or ``3000亿``, C-Eval, CMMLU, GAOKAO, 平均), on a desktop
  column or a phone at three device pixels per point, sometimes JPEG;
- ``word_doc``: a Word or Google Docs page (a caption above, a full grid, a banded header in
  the document's accent colour, serif or sans faces);
- ``keynote_slide``: a 16:9 slide in a brand's colours (a title band, a coloured header row,
  the best value on a tinted chip), resized and sometimes JPEG;
- ``ar5iv_html``: an arXiv paper as HTML (ar5iv): serif, a caption above, group titles
  spanning benchmark columns ("Reasoning" over GSM8K and MATH), a settings line ("5-shot"),
  ``±`` spreads, bold best and underlined second, a ``†`` after some names with its footnote;
- ``discord_code``: a Discord (dark) or Slack (light) message holding a code block with the
  table typed in monospace, as pipes or box-drawing characters;
- ``newsletter_email``: an email newsletter column (a brand band, zebra rows, percentages);
- ``vscode_preview``: a dark IDE's Markdown preview (a tab bar, a heading, a dark grid);
- ``scanned_print``: a reportlab PDF rasterised by pdfium, printed and photographed or scanned
  (paper tint, a small rotation and perspective, blur, uneven light, JPEG 40-70);
- ``models_across``: a blog post whose table lists the models across its header and the
  benchmarks down its rows (a size row and sometimes a tokens row at the top).

Sizes print as ``7B``, ``7b``, ``6.7 B``, bare under ``Params (B)``, ``70亿``, ``500M`` or
``7.0000``; a mixture of experts carries ``8x7B`` in its name and its total size in the size
column. Tokens print as ``1.4T``, ``1,400B``, bare under ``Tokens (T)``, ``1.4万亿`` or
``3000亿``.

The truth (``truth.json``) holds, per image, ``columns`` (the model column, then each column
as the benchmark or quantity it names), ``rows`` (``model``, ``cells`` in column order,
``params_b``, ``tokens_t``, ``mmlu``) and ``style``. Its rules:

- only what is printed, as printed: a cell's text is its value's text; a mean with its spread
  keeps the spread (``66.6±0.4``), a percentage its sign;
- a group title spanning benchmark columns is not part of their names: the truth benchmark is
  the benchmark column's own name ("GSM8K" under "Reasoning"), and a settings line ("5-shot")
  is no part of a name either;
- index and rank columns, sort marks, footnote marks (``†``, ``*``), bold, underline and
  chips are decoration, never truth; a section row names no model;
- a row's ``params_b`` (billions) comes from the size column where the table has one, else
  from a size in the model's name ("Corvid-7B" is 7; "Pollux Ultra" has none); ``tokens_t``
  (trillions) only from a tokens column; ``mmlu`` only from a column named MMLU (never
  MMLU-Pro or CMMLU). A missing value ("—", "None") is ``None``.
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
from PIL import Image, ImageFilter

# this checkout's imgread, ahead of an editable install of another checkout (a venv
# shared by several worktrees), and the benchmarks beside this script
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import Browser

STYLES = (
    "gradio_frame",
    "streamlit_dark",
    "gitlab_readme",
    "zhihu_cn",
    "word_doc",
    "keynote_slide",
    "ar5iv_html",
    "discord_code",
    "newsletter_email",
    "vscode_preview",
    "scanned_print",
    "models_across",
)

# ---------------------------------------------------------------- what the tables say

# Invented families (a few real ones among them), the sizes each comes in, and a quality
# offset added to the strength its size gives.
FAMILIES = [
    ("Corvid", [1.3, 7, 13, 34], 0.00),
    ("Halcyon", [2, 9, 27], 0.04),
    ("Tessera", [0.5, 3, 14, 72], 0.03),
    ("Nimbus", [1.8, 7, 20], -0.03),
    ("Quokka", [3, 8, 70], 0.02),
    ("Saffron", [6.7, 13, 33], -0.05),
    ("Meridian", [4, 12, 40], 0.01),
    ("Juniper", [1.1, 7, 22], -0.04),
    ("Obsidian", [8, 32, 110], 0.05),
    ("Lumen", [0.35, 1.5, 6], -0.02),
    ("Llama-3.1", [8, 70], 0.02),
    ("Qwen2.5", [0.5, 7, 14, 32, 72], 0.06),
    ("Falcon", [7, 40], -0.08),
]
VERSIONS = ["", "2", "-v2", "1.5", "-2.1", "3"]
SUFFIXES = ["", "", "-Instruct", "-Chat", "-Base", " Instruct"]
CLOSED = ["Pollux Ultra", "Meridian-Pro", "GPT-4o", "Claude 3.5 Sonnet", "Gemini 1.5 Pro",
          "Kite Max", "Orrery-Large", "Sable Turbo"]
MOE = [("Basalt-8x7B", 46.7), ("Zephyrine-8x22B", 141.0), ("Pika-MoE-16x3B", 42.0)]
CN_FAMILIES = [("天枢", [7, 13]), ("星河", [6, 14, 65]), ("玄鸟2", [2, 20]), ("青鸾", [1.8, 7]),
               ("墨子", [9, 34]), ("灵犀", [1.8, 12])]
CN_CLOSED = ["云雀-Pro", "文渊大模型", "GPT-4o"]

# name -> (lowest, highest) a model of that benchmark scores
BENCH_RANGES = {
    "MMLU": (26, 88), "GSM8K": (8, 94), "HumanEval": (6, 90), "MATH": (2, 72),
    "BBH": (24, 86), "ARC-C": (33, 96), "HellaSwag": (48, 93), "WinoGrande": (54, 87),
    "TriviaQA": (28, 86), "MBPP": (12, 82), "TruthfulQA": (34, 66), "DROP": (20, 82),
    "AGIEval": (20, 66), "NQ": (8, 44), "PIQA": (68, 86), "IFEval": (25, 88),
    "GPQA": (22, 52), "MMLU-Pro": (10, 72), "C-Eval": (24, 90), "CMMLU": (25, 90),
    "GAOKAO": (18, 82),
}
GROUPS = {
    "Knowledge": ["MMLU", "TriviaQA", "NQ", "MMLU-Pro", "GPQA"],
    "Reasoning": ["GSM8K", "MATH", "BBH", "ARC-C", "DROP"],
    "Commonsense": ["HellaSwag", "WinoGrande", "PIQA"],
    "Code": ["HumanEval", "MBPP"],
}
SHOTS = {"MMLU": "5-shot", "GSM8K": "8-shot", "MATH": "4-shot", "BBH": "3-shot",
         "ARC-C": "25-shot", "HellaSwag": "10-shot", "HumanEval": "0-shot", "MBPP": "3-shot",
         "TriviaQA": "5-shot", "NQ": "5-shot", "DROP": "3-shot", "WinoGrande": "5-shot",
         "PIQA": "0-shot", "MMLU-Pro": "5-shot", "GPQA": "0-shot", "TruthfulQA": "0-shot",
         "AGIEval": "3-shot", "IFEval": "0-shot"}
TOKENS = [0.3, 1.0, 1.4, 1.5, 2.0, 2.6, 3.0, 6.0, 7.0, 12.0, 15.0, 18.0]


@dataclass
class Model:
    name: str
    params_b: float | None  # the size the table prints (a mixture of experts: its total)
    tokens_t: float | None
    strength: float
    moe: bool = False


@dataclass
class Table:
    """One table's content: what is printed in which column, before any styling."""

    model_head: str
    models: list[Model]
    benches: list[str]  # benchmark columns in order (the average among them)
    values: dict[tuple[str, str], float | None]
    decimals: int
    size_head: str | None = None
    size_format: str = "B"
    tokens_head: str | None = None
    tokens_format: str = "T"
    percent: bool = False
    spreads: dict[tuple[str, str], float] = field(default_factory=dict)
    sections: dict[int, str] = field(default_factory=dict)  # row index -> label above it
    missing: str = "—"

    def value_text(self, model: Model, bench: str) -> str:
        value = self.values[(model.name, bench)]
        if value is None:
            return self.missing
        text = f"{value:.{self.decimals}f}"
        if (model.name, bench) in self.spreads:
            text += f"±{self.spreads[(model.name, bench)]:.1f}"
        return text + ("%" if self.percent else "")

    def size_text(self, model: Model) -> str:
        return size_text(model.params_b, self.size_format, self.missing)

    def tokens_text(self, model: Model) -> str:
        return tokens_text(model.tokens_t, self.tokens_format, self.missing)

    def columns(self) -> list[str]:
        heads = [self.model_head]
        heads += [self.size_head] if self.size_head else []
        heads += [self.tokens_head] if self.tokens_head else []
        return heads + self.benches

    def cells(self, model: Model) -> list[str]:
        cells = [model.name]
        cells += [self.size_text(model)] if self.size_head else []
        cells += [self.tokens_text(model)] if self.tokens_head else []
        return cells + [self.value_text(model, b) for b in self.benches]

    def rank(self, bench: str) -> list[str]:
        """Model names by their value in ``bench``, best first."""
        scored = [(v, m) for (m, b), v in self.values.items() if b == bench and v is not None]
        return [m for _, m in sorted(scored, reverse=True)]

    def truth(self, style: str) -> dict:
        rows = []
        mmlu = "MMLU" in self.benches
        for model in self.models:
            params = model.params_b if self.size_head else size_in_name(model.name)
            rows.append({
                "model": model.name,
                "cells": self.cells(model),
                "params_b": params,
                "tokens_t": model.tokens_t if self.tokens_head else None,
                "mmlu": round_value(self.values[(model.name, "MMLU")], self.decimals)
                if mmlu else None,
            })
        return {"columns": self.columns(), "rows": rows, "style": style}


def round_value(value: float | None, decimals: int) -> float | None:
    return None if value is None else round(value, decimals)


def number(value: float) -> str:
    """7.0 -> "7", 6.7 -> "6.7", 0.35 -> "0.35"."""
    return f"{value:g}"


def size_text(params: float | None, how: str, missing: str) -> str:
    if params is None:
        return missing
    if how == "B":
        return f"{number(params)}B"
    if how == "b":
        return f"{number(params)}b"
    if how == "spaced":
        return f"{number(params)} B"
    if how == "bare":
        return number(params)
    if how == "four":  # pandas' float as Streamlit prints it
        return f"{params:.4f}"
    if how == "yi":  # Chinese: 1亿 is 0.1B
        return f"{number(round(params * 10, 3))}亿"
    if how == "M":
        return f"{number(params)}B" if params >= 1 else f"{number(round(params * 1000))}M"
    raise ValueError(how)


def tokens_text(tokens: float | None, how: str, missing: str) -> str:
    if tokens is None:
        return missing
    if how == "T":
        return f"{number(tokens)}T"
    if how == "billions":
        return f"{round(tokens * 1000):,}B"
    if how == "bare":
        return number(tokens)
    if how == "four":
        return f"{tokens:.4f}"
    if how == "cn":  # 1万亿 is 1T, 1亿 is 0.1B
        if tokens >= 1:
            return f"{number(tokens)}万亿"
        return f"{number(round(tokens * 10000))}亿"
    raise ValueError(how)


SIZE_IN_NAME = re.compile(r"^(\d+(?:\.\d+)?)([BbMm])$")


def size_in_name(name: str) -> float | None:
    """The size a model's name prints ("Corvid-13B-Chat" -> 13, "Lumen-350M" -> 0.35)."""
    for part in re.split(r"[-\s]", name):
        match = SIZE_IN_NAME.match(part)
        if match:
            scale = 1.0 if match.group(2) in "Bb" else 0.001
            return round(float(match.group(1)) * scale, 6)
    return None


def model_key(name: str) -> str:
    return re.sub(r"[^0-9a-z\u4e00-\u9fff]", "", name.lower())


def pick_models(rng: random.Random, count: int, *, chinese: bool = False,
                closed: bool = True, moe: bool = False) -> list[Model]:
    models: list[Model] = []
    seen: set[str] = set()

    def add(model: Model) -> None:
        if model_key(model.name) not in seen:
            seen.add(model_key(model.name))
            models.append(model)

    if closed and rng.random() < 0.6:
        pool = CN_CLOSED if chinese else CLOSED
        for name in rng.sample(pool, rng.randint(1, 2)):
            add(Model(name, None, None, rng.uniform(0.82, 0.95)))
    if moe and rng.random() < 0.6:
        name, total = rng.choice(MOE)
        add(Model(name, total, rng.choice(TOKENS[4:]), rng.uniform(0.62, 0.8), moe=True))
    tries = 0
    while len(models) < count and tries < 200:
        tries += 1
        if chinese and rng.random() < 0.5:
            family, sizes = rng.choice(CN_FAMILIES)
            size = rng.choice(sizes)
            name = f"{family}-{number(size)}B" + rng.choice(["", "-Chat", "-Base"])
            offset = rng.uniform(-0.03, 0.06)
        else:
            family, sizes, offset = rng.choice(FAMILIES)
            size = rng.choice(sizes)
            version = "" if "." in family or "-" in family else rng.choice(VERSIONS)
            unit = (f"{number(round(size * 1000))}M" if size < 1 and rng.random() < 0.5
                    else f"{number(size)}B")
            joiner = " " if rng.random() < 0.15 else "-"
            suffix = rng.choice(SUFFIXES).replace("-", joiner)
            name = f"{family}{version}{joiner}{unit}{suffix}"
        strength = 0.15 + 0.6 * math.log10(size * 10) / math.log10(1100) + offset
        add(Model(name, float(size), rng.choice(TOKENS), strength + rng.uniform(-0.05, 0.05)))
    rng.shuffle(models)
    return models


def fill_values(rng: random.Random, models: list[Model], benches: list[str], decimals: int,
                average: str | None, missing_share: float = 0.0) -> dict:
    """Each model's score on each benchmark from its strength, and the printed average of its
    printed scores under ``average``."""
    values: dict[tuple[str, str], float | None] = {}
    for model in models:
        for bench in benches:
            low, high = BENCH_RANGES[bench]
            share = min(max(model.strength + rng.gauss(0, 0.06), 0.02), 0.98)
            value: float | None = round(low + (high - low) * share, decimals)
            if rng.random() < missing_share:
                value = None
            values[(model.name, bench)] = value
        if average:
            printed = [values[(model.name, b)] for b in benches]
            known = [v for v in printed if v is not None]
            values[(model.name, average)] = (
                round(sum(known) / len(known) + 1e-9, decimals) if len(known) == len(printed)
                else None)
    return values


def make_table(rng: random.Random, *, rows: tuple[int, int], benches: tuple[int, int],
               chinese: bool = False, pool: list[str] | None = None,
               size_heads: list[str] | None = None, size_formats: list[str] | None = None,
               tokens_heads: list[str] | None = None, tokens_formats: list[str] | None = None,
               averages: list[str] | None = None, decimals: list[int] | None = None,
               model_heads: list[str] | None = None, missing: str = "—",
               missing_share: float = 0.0, moe: bool = True) -> Table:
    pool = pool or ["MMLU", "GSM8K", "HumanEval", "MATH", "BBH", "ARC-C", "HellaSwag",
                    "WinoGrande", "TriviaQA", "MBPP", "TruthfulQA", "DROP", "AGIEval", "NQ",
                    "PIQA", "IFEval", "GPQA", "MMLU-Pro"]
    chosen = rng.sample(pool, min(rng.randint(*benches), len(pool)))
    if "MMLU" in pool and "MMLU" not in chosen and rng.random() < 0.7:
        chosen[0] = "MMLU"
    order = {name: i for i, name in enumerate(BENCH_RANGES)}
    chosen.sort(key=lambda b: order[b] + rng.random() * 3)
    size_head = rng.choice(size_heads) if size_heads and rng.random() < 0.75 else None
    tokens_head = rng.choice(tokens_heads) if tokens_heads and rng.random() < 0.45 else None
    models = pick_models(rng, rng.randint(*rows), chinese=chinese,
                         moe=moe and size_head is not None)
    if size_head is None:  # the name gives the size: no mixture of experts, whose name is 8x7B
        models = [m for m in models if not m.moe]
    average = rng.choice(averages) if averages and rng.random() < 0.6 else None
    places = rng.choice(decimals or [1, 1, 2])
    values = fill_values(rng, models, chosen, places, average, missing_share)
    table = Table(
        model_head=rng.choice(model_heads or ["Model"]),
        models=models,
        benches=chosen + ([average] if average else []),
        values=values,
        decimals=places,
        size_head=size_head,
        size_format=rng.choice(size_formats or ["B"]),
        tokens_head=tokens_head,
        tokens_format=rng.choice(tokens_formats or ["T"]),
        missing=missing,
    )
    return table


def best_two(table: Table, bench: str) -> tuple[str | None, str | None]:
    ranked = table.rank(bench)
    return (ranked[0] if ranked else None), (ranked[1] if len(ranked) > 1 else None)


def esc(text: str) -> str:
    return html.escape(text)


# ---------------------------------------------------------------- rendering helpers


def page(css: str, body: str, background: str = "#ffffff") -> str:
    return (
        "<!doctype html><html><head><meta charset='utf-8'><style>"
        f"html,body{{margin:0;padding:0;background:{background};}}"
        "#shot{display:inline-block;}"
        f"{css}</style></head><body>{body}</body></html>"
    )


def resize_width(image: Image.Image, width: int) -> Image.Image:
    height = round(image.height * width / image.width)
    return image.resize((width, height), Image.LANCZOS)


def clamp_width(image: Image.Image, low: int = 300, high: int = 2000) -> Image.Image:
    if image.width > high:
        return resize_width(image, high)
    if image.width < low:
        return resize_width(image, low)
    return image


SANS = ["Roboto", "Open Sans", "Liberation Sans", "DejaVu Sans", "FreeSans"]
SERIF = ["Liberation Serif", "DejaVu Serif", "FreeSerif"]
MONO = ["DejaVu Sans Mono", "Liberation Mono", "FreeMono"]
CJK = "'WenQuanYi Zen Hei'"


@dataclass
class Shot:
    html: str
    scale: float
    jpeg_quality: int | None = None
    width: int | None = None  # resized to this many pixels wide after the screenshot
    shrink: float | None = None  # or to this share of its width (a screenshot sent on)


# ---------------------------------------------------------------- the styles


def gradio_frame(rng: random.Random) -> tuple[Table, Shot]:
    table = make_table(rng, rows=(4, 9), benches=(3, 6), size_heads=["Params (B)", "#Params"],
                       size_formats=["bare"], averages=["Average", "Avg"], decimals=[2])
    if table.size_head == "#Params":
        table.size_format = rng.choice(["B", "b"])
    font = rng.choice(SANS)
    index = rng.random() < 0.5
    accent = rng.choice(["#f97316", "#2563eb", "#16a34a"])
    heads = "".join(f"<th>{esc(h)}<span class='sort'></span></th>" for h in table.columns())
    rows = ""
    for i, model in enumerate(table.models):
        cells = "".join(f"<td>{esc(c)}</td>" for c in table.cells(model))
        rows += f"<tr>{f'<td class=ix>{i}</td>' if index else ''}{cells}</tr>"
    css = f"""
    #shot{{padding:16px;font-family:'{font}';background:#fff;}}
    .block{{border:1px solid #e5e7eb;border-radius:8px;padding:10px;box-shadow:0 1px 2px #0001;}}
    .label{{display:inline-block;font-size:12px;color:#6b7280;border:1px solid #e5e7eb;
      border-radius:4px;padding:1px 6px;margin-bottom:8px;}}
    .search{{width:260px;border:1px solid #d1d5db;border-radius:6px;padding:6px 8px;
      color:#9ca3af;font-size:13px;margin-bottom:10px;}}
    .wrap{{border:1px solid #e5e7eb;border-radius:6px;overflow:hidden;}}
    table{{border-collapse:collapse;font-size:{rng.choice([13, 14, 15])}px;color:#1f2937;}}
    th{{background:#f9fafb;text-align:left;font-weight:600;padding:8px 14px;
      border-bottom:1px solid #e5e7eb;border-right:1px solid #e5e7eb;white-space:nowrap;}}
    td{{padding:7px 14px;border-bottom:1px solid #f0f0f0;border-right:1px solid #f0f0f0;
      white-space:nowrap;}}
    td.ix{{color:#9ca3af;}}
    tr:nth-child(even) td{{background:#fafafa;}}
    .sort{{display:inline-block;margin-left:6px;width:0;height:0;border-left:4px solid transparent;
      border-right:4px solid transparent;border-top:5px solid {accent};vertical-align:middle;}}
    """
    body = (f"<div id=shot><div class=block><div class=label>Leaderboard</div>"
            f"<div class=search>Search models…</div><div class=wrap><table><tr>"
            f"{'<th></th>' if index else ''}{heads}</tr>{rows}</table></div></div></div>")
    shot = Shot(page(css, body), rng.choice([1.0, 1.25, 1.5, 2.0]))
    if rng.random() < 0.3:
        shot.shrink = rng.uniform(0.6, 0.85)
    return table, shot


def streamlit_dark(rng: random.Random) -> tuple[Table, Shot]:
    table = make_table(rng, rows=(4, 10), benches=(3, 6), size_heads=["params_b", "Params (B)"],
                       size_formats=["four"], tokens_heads=["tokens_t", "Tokens (T)"],
                       tokens_formats=["bare"], averages=["avg", "mean"], decimals=[1, 2],
                       missing="None", missing_share=0.05)
    font = rng.choice(["Roboto", "Open Sans", "DejaVu Sans"])
    # pandas floats: four decimals everywhere, as the data frame shows them
    table.decimals = 4 if rng.random() < 0.6 else table.decimals
    table.tokens_format = "four" if table.decimals == 4 else "bare"
    heads = "".join(f"<th>{esc(h)}</th>" for h in table.columns())
    rows = ""
    for i, model in enumerate(table.models):
        cells = [f"<td class=text>{esc(model.name)}</td>"]
        for text in table.cells(model)[1:]:
            klass = "none" if text == "None" else "num"
            cells.append(f"<td class={klass}>{esc(text)}</td>")
        rows += f"<tr><td class=ix>{i}</td>{''.join(cells)}</tr>"
    css = f"""
    #shot{{padding:{rng.choice([12, 24])}px;background:#0e1117;font-family:'{font}';}}
    h3{{color:#fafafa;font-weight:600;font-size:22px;margin:0 0 12px 0;}}
    table{{border-collapse:collapse;font-size:14px;color:#fafafa;
      border:1px solid rgba(250,250,250,0.2);}}
    th{{color:rgba(250,250,250,0.6);font-weight:400;padding:6px 10px;text-align:left;
      border:1px solid rgba(250,250,250,0.1);background:#1a1c24;white-space:nowrap;}}
    td{{padding:6px 10px;border:1px solid rgba(250,250,250,0.1);white-space:nowrap;}}
    td.num{{text-align:right;}} td.ix{{color:rgba(250,250,250,0.6);}}
    td.none{{color:rgba(250,250,250,0.4);font-style:italic;text-align:right;}}
    """
    title = rng.choice(["Eval results", "Benchmark sweep", "Model comparison"])
    body = (f"<div id=shot><h3>{title}</h3><table><tr><th></th>{heads}</tr>{rows}</table>"
            "</div>")
    return table, Shot(page(css, body, "#0e1117"), rng.choice([1.0, 1.5, 2.0]))


def gitlab_readme(rng: random.Random) -> tuple[Table, Shot]:
    table = make_table(rng, rows=(5, 10), benches=(4, 8), size_heads=["Size", "Params"],
                       size_formats=["B", "b", "spaced"], tokens_heads=["Tokens"],
                       tokens_formats=["T", "billions"], averages=["Average"])
    closed = [m for m in table.models if m.params_b is None]
    opened = [m for m in table.models if m.params_b is not None]
    if closed and opened and rng.random() < 0.8:  # bold section rows above each group
        table.models = closed + opened
        table.sections = {0: "Proprietary models", len(closed): "Open-weight models"}
    theme = rng.choice([
        {"link": "#1068bf", "head": "#fbfafd", "line": "#dcdcde", "text": "#333238"},  # GitLab
        {"link": "#c71d23", "head": "#f6f8fa", "line": "#d0d7de", "text": "#40485b"},  # Gitee
        {"link": "#0052cc", "head": "#f4f5f7", "line": "#c1c7d0", "text": "#172b4d"},  # Bitbucket
    ])
    font = rng.choice(SANS)
    width = len(table.columns())
    rows = ""
    for i, model in enumerate(table.models):
        if i in table.sections:
            rows += (f"<tr><td><strong>{table.sections[i]}</strong></td>"
                     + "<td></td>" * (width - 1) + "</tr>")
        cells = table.cells(model)
        name = (f"<a>{esc(cells[0])}</a>" if rng.random() < 0.7 else esc(cells[0]))
        rows += f"<tr><td>{name}</td>" + "".join(f"<td>{esc(c)}</td>" for c in cells[1:])
        rows += "</tr>"
    align = rng.choice(["left", "center"])
    css = f"""
    #shot{{padding:24px 32px;min-width:{rng.choice([760, 880, 1000])}px;font-family:'{font}';
      color:{theme['text']};background:#fff;}}
    h2{{font-size:24px;border-bottom:1px solid {theme['line']};padding-bottom:6px;}}
    p{{font-size:15px;line-height:1.5;}}
    table{{border-collapse:collapse;font-size:{rng.choice([14, 15, 16])}px;}}
    th{{background:{theme['head']};font-weight:600;border:1px solid {theme['line']};
      padding:6px 13px;text-align:{align};white-space:nowrap;}}
    td{{border:1px solid {theme['line']};padding:6px 13px;text-align:{align};
      white-space:nowrap;}}
    a{{color:{theme['link']};text-decoration:{rng.choice(['none', 'underline'])};}}
    """
    heads = "".join(f"<th>{esc(h)}</th>" for h in table.columns())
    intro = rng.choice([
        "We evaluate every checkpoint with the same harness and prompts.",
        "All numbers below were produced by our evaluation scripts in <code>eval/</code>.",
        "Scores of the released models on standard benchmarks.",
    ])
    body = (f"<div id=shot><h2>{rng.choice(['Evaluation', 'Benchmarks', 'Results'])}</h2>"
            f"<p>{intro}</p><table><tr>{heads}</tr>{rows}</table></div>")
    return table, Shot(page(css, body), rng.choice([1.0, 1.0, 1.5, 2.0]))


def zhihu_cn(rng: random.Random) -> tuple[Table, Shot]:
    pool = ["C-Eval", "CMMLU", "GAOKAO", "MMLU", "GSM8K", "HumanEval", "AGIEval", "MATH"]
    phone = rng.random() < 0.4
    table = make_table(rng, rows=(4, 8), benches=(2, 3) if phone else (3, 6), chinese=True,
                       pool=pool,
                       size_heads=["参数量", "参数规模", "模型大小"],
                       size_formats=["yi", "yi", "B"], tokens_heads=["训练数据", "训练Token数"],
                       tokens_formats=["cn", "T"], averages=["平均", "平均分"],
                       model_heads=["模型", "模型名称"], moe=False)
    bilibili = rng.random() < 0.4
    accent = "#fb7299" if bilibili else "#056de8"
    heads = "".join(f"<th>{esc(h)}</th>" for h in table.columns())
    rows = ""
    for model in table.models:
        cells = table.cells(model)
        row = f"<td>{esc(cells[0])}</td>"
        for bench, text in zip(table.columns()[1:], cells[1:], strict=True):
            best = bench in table.benches and table.rank(bench)[:1] == [model.name]
            row += f"<td>{'<b>' if best else ''}{esc(text)}{'</b>' if best else ''}</td>"
        rows += f"<tr>{row}</tr>"
    title = rng.choice(["国产开源大模型横评：谁才是真正的六边形战士？",
                        "实测几款开源模型，结果有点意外", "C-Eval 与 CMMLU 成绩汇总（持续更新）"])
    para = rng.choice(["下表汇总了各模型在中文与英文基准上的成绩，数据来自官方报告与我们的复现。",
                       "为了公平起见，所有模型均使用相同的提示模板进行评测。"])
    width = 360 if phone else rng.choice([690, 760])
    css = f"""
    #shot{{min-width:{width}px;padding:{16 if phone else 28}px;background:#fff;
      font-family:{CJK},'Open Sans';color:#121212;}}
    h1,p{{max-width:{width}px;}}
    h1{{font-size:{20 if phone else 24}px;line-height:1.4;margin:0 0 10px 0;}}
    .author{{color:#8590a6;font-size:13px;margin-bottom:12px;}}
    .author b{{color:{accent};}}
    p{{font-size:15px;line-height:1.7;}}
    table{{border-collapse:collapse;font-size:{12 if phone else 15}px;min-width:100%;}}
    th{{background:#f6f6f6;font-weight:600;border:1px solid #ebebeb;padding:6px 6px;
      text-align:center;}}
    td{{border:1px solid #ebebeb;padding:6px 6px;text-align:center;white-space:nowrap;}}
    td b{{color:{accent};}}
    """
    author = rng.choice(["AI小站", "炼丹笔记", "模型观察"])
    body = (f"<div id=shot><h1>{title}</h1><div class=author><b>{author}"
            f"</b> · {rng.randint(2, 40)} 分钟前</div><p>{para}</p>"
            f"<table><tr>{heads}</tr>{rows}</table></div>")
    shot = Shot(page(css, body), 3.0 if phone else rng.choice([1.0, 1.5]))
    if phone or rng.random() < 0.4:
        shot.jpeg_quality = rng.randint(60, 85)
    return table, shot


def word_doc(rng: random.Random) -> tuple[Table, Shot]:
    table = make_table(rng, rows=(4, 9), benches=(3, 6), size_heads=["Size", "Parameters"],
                       size_formats=["B", "spaced", "M"], tokens_heads=["Training tokens"],
                       tokens_formats=["T", "billions"], averages=["Average"])
    google = rng.random() < 0.5
    font = rng.choice([*SERIF, "Liberation Sans", "Open Sans"])
    accent = rng.choice(["#4472c4", "#70ad47", "#ed7d31", "#7f7f7f"])
    banded = rng.random() < 0.5
    heads = "".join(f"<th>{esc(h)}</th>" for h in table.columns())
    rows = ""
    for i, model in enumerate(table.models):
        cells = table.cells(model)
        row = f"<td class=name>{esc(cells[0])}</td>"
        for bench, text in zip(table.columns()[1:], cells[1:], strict=True):
            best = bench in table.benches and table.rank(bench)[:1] == [model.name]
            row += f"<td>{'<b>' if best else ''}{esc(text)}{'</b>' if best else ''}</td>"
        shade = " class=band" if banded and i % 2 == 0 else ""
        rows += f"<tr{shade}>{row}</tr>"
    number = rng.randint(1, 6)
    caption = rng.choice([f"Table {number}. Benchmark results of the models we compared.",
                          f"Table {number}: Scores on public benchmarks (higher is better)."])
    css = f"""
    #shot{{background:{'#f8f9fa' if google else '#e6e6e6'};padding:28px 40px;}}
    .page{{background:#fff;min-width:{rng.choice([680, 760, 820])}px;padding:60px 64px;
      box-shadow:0 0 4px #0003;font-family:'{font}';color:#000;}}
    .cap{{font-size:{rng.choice([13, 14])}px;font-style:italic;color:{accent};
      margin:0 0 6px 0;}}
    p{{font-size:14px;line-height:1.5;}}
    table{{border-collapse:collapse;font-size:{rng.choice([13, 14, 15])}px;}}
    th{{background:{accent};color:#fff;font-weight:bold;border:1px solid {accent};
      padding:4px 9px;}}
    td{{border:1px solid {'#8eaadb' if accent == '#4472c4' else '#999'};padding:4px 9px;
      text-align:center;}}
    td.name{{text-align:left;}}
    tr.band td{{background:#e9eef7;}}
    """
    body = (f"<div id=shot><div class=page><p>{rng.choice(['As shown below, ', 'In summary, '])}"
            "the larger checkpoints lead on most benchmarks.</p>"
            f"<div class=cap>{caption}</div><table><tr>{heads}</tr>{rows}</table>"
            "<p>Scores are accuracy in percent unless noted otherwise.</p></div></div>")
    return table, Shot(page(css, body), rng.choice([1.0, 1.25, 1.5]))


def keynote_slide(rng: random.Random) -> tuple[Table, Shot]:
    table = make_table(rng, rows=(3, 6), benches=(3, 4), size_heads=["Params"],
                       size_formats=["B"], averages=["Avg."], decimals=[1])
    brand = rng.choice([("#5b2c83", "#f1e9f7"), ("#00796b", "#e0f2f1"), ("#c2410c", "#fff1e6"),
                        ("#1e3a8a", "#e6ecfb"), ("#111827", "#f3f4f6")])
    font = rng.choice(["Open Sans", "Roboto", "Liberation Sans"])
    heads = "".join(f"<th>{esc(h)}</th>" for h in table.columns())
    rows = ""
    for model in table.models:
        cells = table.cells(model)
        row = f"<td class=name>{esc(cells[0])}</td>"
        for bench, text in zip(table.columns()[1:], cells[1:], strict=True):
            best = bench in table.benches and table.rank(bench)[:1] == [model.name]
            row += f"<td>{f'<span class=chip>{esc(text)}</span>' if best else esc(text)}</td>"
        rows += f"<tr>{row}</tr>"
    title = rng.choice(["Our model leads its size class", "Benchmark results", "How we compare"])
    css = f"""
    #shot{{min-width:1280px;min-height:720px;position:relative;background:#fff;font-family:'{font}';
      overflow:hidden;}}
    .band{{background:{brand[0]};color:#fff;padding:34px 56px;font-size:40px;font-weight:700;}}
    .body{{padding:36px 56px;}}
    table{{border-collapse:separate;border-spacing:0;font-size:{rng.choice([20, 22, 24])}px;
      color:#222;}}
    th{{background:{brand[0]};color:#fff;padding:12px 22px;font-weight:600;}}
    th:first-child{{border-top-left-radius:10px;}} th:last-child{{border-top-right-radius:10px;}}
    td{{padding:11px 22px;text-align:center;border-bottom:1px solid #ddd;}}
    tr:nth-child(odd) td{{background:{brand[1]};}}
    td.name{{text-align:left;font-weight:600;}}
    .chip{{background:{brand[0]};color:#fff;border-radius:14px;padding:2px 10px;}}
    .foot{{position:absolute;bottom:18px;left:56px;color:#888;font-size:14px;}}
    .logo{{position:absolute;bottom:14px;right:40px;width:36px;height:36px;border-radius:50%;
      background:{brand[0]};}}
    """
    body = (f"<div id=shot><div class=band>{title}</div><div class=body><table><tr>{heads}</tr>"
            f"{rows}</table></div><div class=foot>Internal evaluation · "
            f"{rng.choice(['Q3', 'Q4', 'H1'])} review</div><div class=logo></div></div>")
    shot = Shot(page(css, body), rng.choice([1.0, 1.5]), width=rng.choice([960, 1280, 1600]))
    if rng.random() < 0.5:
        shot.jpeg_quality = rng.randint(55, 85)
    return table, shot


def ar5iv_html(rng: random.Random) -> tuple[Table, Shot]:
    groups = rng.sample(list(GROUPS), rng.randint(2, 3))
    chosen: list[str] = []
    for group in groups:
        chosen += rng.sample(GROUPS[group], rng.randint(1, min(3, len(GROUPS[group]))))
    table = make_table(rng, rows=(5, 9), benches=(len(chosen), len(chosen)), pool=chosen,
                       size_heads=["#Params", "Size"], size_formats=["B"], decimals=[1])
    # keep the groups' order: the pool was sampled, so lay the columns out group by group
    table.benches = [b for g in groups for b in GROUPS[g] if b in table.benches]
    for key in list(table.values):
        if rng.random() < 0.3 and table.values[key] is not None:
            table.spreads[key] = rng.choice([0.2, 0.4, 0.5, 0.8, 1.1, 1.6])
    settings = rng.random() < 0.5
    marked = {m.name for m in table.models if rng.random() < 0.25}
    closed = [m for m in table.models if m.params_b is None]
    opened = [m for m in table.models if m.params_b is not None]
    if closed and opened and rng.random() < 0.7:  # italic section lines across the table
        table.models = closed + opened
        table.sections = {0: "Proprietary", len(closed): "Open weights"}
    font = rng.choice(SERIF)
    lead = [table.model_head] + ([table.size_head] if table.size_head else [])
    top = "".join(f"<th rowspan={3 if settings else 2} class=lead>{esc(h)}</th>" for h in lead)
    spans = ""
    for group in groups:
        members = [b for b in table.benches if b in GROUPS[group]]
        if members:
            spans += f"<th colspan={len(members)} class=group>{group}</th>"
    leaves = "".join(f"<th>{esc(b)}</th>" for b in table.benches)
    shots = "".join(f"<th class=set>{SHOTS[b]}</th>" for b in table.benches)
    rows = ""
    for i, model in enumerate(table.models):
        if i in table.sections:
            rows += (f"<tr class=section><td colspan={len(table.columns())}>"
                     f"<i>{table.sections[i]}</i></td></tr>")
        cells = table.cells(model)
        mark = "<sup>†</sup>" if model.name in marked else ""
        row = f"<td class=name>{esc(cells[0])}{mark}</td>"
        if table.size_head:
            row += f"<td>{esc(cells[1])}</td>"
        for bench in table.benches:
            first, second = best_two(table, bench)
            text = table.value_text(model, bench)
            if "±" in text:
                mean, spread = text.split("±")
                text = f"{esc(mean)}<span class=pm>±{esc(spread)}</span>"
            else:
                text = esc(text)
            if model.name == first:
                text = f"<b>{text}</b>"
            elif model.name == second:
                text = f"<u>{text}</u>"
            row += f"<td>{text}</td>"
        rows += f"<tr>{row}</tr>"
    number = rng.randint(1, 9)
    css = f"""
    #shot{{padding:24px 36px;background:#fff;font-family:'{font}';color:#000;
      min-width:{rng.choice([820, 960, 1100])}px;}}
    .cap{{font-size:15px;margin-bottom:10px;text-align:center;}}
    table{{border-collapse:collapse;margin:0 auto;font-size:{rng.choice([14, 15, 16])}px;}}
    table{{border-top:2px solid #000;border-bottom:2px solid #000;}}
    th{{font-weight:normal;padding:3px 8px;}}
    th.group{{border-bottom:1px solid #000;}}
    th.set{{font-size:12px;color:#333;font-style:italic;}}
    tr.last th{{border-bottom:1px solid #000;}}
    th.lead{{border-bottom:1px solid #000;text-align:left;}}
    td{{padding:3px 8px;text-align:center;white-space:nowrap;}}
    td.name{{text-align:left;}}
    tr.section td{{text-align:left;border-top:1px solid #000;padding-top:5px;}}
    .pm{{font-size:0.75em;}}
    .note{{font-size:13px;margin-top:8px;}}
    a{{color:#1a0dab;}}
    """
    header = f"<tr>{top}{spans}</tr>"
    header += f"<tr{' ' if settings else ' class=last'}>{leaves}</tr>"
    if settings:
        header += f"<tr class=last>{shots}</tr>"
    note = ("<div class=note><sup>†</sup> Numbers reported by the model's authors.</div>"
            if marked else "")
    body = (f"<div id=shot><div class=cap><b>Table {number}:</b> Results on knowledge, "
            f"reasoning and code benchmarks. Best in <b>bold</b>, second "
            f"<u>underlined</u>; see <a>§4.2</a>.</div><table>{header}{rows}</table>{note}</div>")
    return table, Shot(page(css, body), rng.choice([1.0, 1.5, 2.0]))


def box_table(columns: list[str], rows: list[list[str]], numeric: list[bool],
              boxed: bool) -> str:
    """A table typed in monospace: Markdown pipes, or box-drawing lines."""
    widths = [max(len(r[i]) for r in [columns, *rows]) for i in range(len(columns))]

    def line(cells: list[str]) -> str:
        parts = [c.rjust(w) if n else c.ljust(w)
                 for c, w, n in zip(cells, widths, numeric, strict=True)]
        bar = "│" if boxed else "|"
        return f"{bar} " + f" {bar} ".join(parts) + f" {bar}"

    if boxed:
        top = "┌" + "┬".join("─" * (w + 2) for w in widths) + "┐"
        mid = "├" + "┼".join("─" * (w + 2) for w in widths) + "┤"
        end = "└" + "┴".join("─" * (w + 2) for w in widths) + "┘"
        return "\n".join([top, line(columns), mid, *map(line, rows), end])
    rule = "|" + "|".join(("-" * (w + 1) + ":") if n else (":" + "-" * (w + 1))
                          for w, n in zip(widths, numeric, strict=True)) + "|"
    return "\n".join([line(columns), rule, *map(line, rows)])


def discord_code(rng: random.Random) -> tuple[Table, Shot]:
    table = make_table(rng, rows=(3, 7), benches=(2, 5), size_heads=["size", "params"],
                       size_formats=["B", "b"], averages=["avg"], decimals=[1, 2],
                       model_heads=["model"], missing="-")
    slack = rng.random() < 0.4
    columns = table.columns()
    grid = [table.cells(m) for m in table.models]
    numeric = [False] + [True] * (len(columns) - 1)
    text = box_table(columns, grid, numeric, boxed=rng.random() < 0.5)
    mono = rng.choice(MONO)
    if slack:
        colours = {"bg": "#ffffff", "text": "#1d1c1d", "code": "#f8f8f8", "line": "#dddddd",
                   "name": "#1d1c1d", "time": "#616061"}
    else:
        colours = {"bg": "#313338", "text": "#dbdee1", "code": "#2b2d31", "line": "#1e1f22",
                   "name": rng.choice(["#f47fff", "#3ba55c", "#faa61a"]), "time": "#949ba4"}
    user = rng.choice(["tensor_tamer", "evalgoblin", "mika.l", "kernel_panic"])
    said = rng.choice(["ran the evals overnight, here's where things landed:",
                       "updated numbers (same harness as last week)",
                       "ok new checkpoints are in, numbers below"])
    css = f"""
    #shot{{background:{colours['bg']};padding:16px 20px;font-family:'Open Sans';
      color:{colours['text']};min-width:{rng.choice([620, 720, 860])}px;}}
    .avatar{{float:left;width:40px;height:40px;border-radius:{'6px' if slack else '50%'};
      background:{rng.choice(['#5865f2', '#e67e22', '#2ecc71'])};margin-right:14px;}}
    .msg{{overflow:hidden;}}
    .who{{font-weight:700;color:{colours['name']};font-size:15px;}}
    .when{{color:{colours['time']};font-size:12px;margin-left:6px;}}
    .said{{font-size:15px;margin:4px 0 6px 0;}}
    pre{{background:{colours['code']};border:1px solid {colours['line']};border-radius:4px;
      padding:8px 10px;margin:0;font-family:'{mono}';font-size:{rng.choice([13, 14])}px;
      line-height:1.35;display:inline-block;}}
    """
    body = (f"<div id=shot><div class=avatar></div><div class=msg><span class=who>{user}</span>"
            f"<span class=when>Today at {rng.randint(8, 23)}:{rng.randint(10, 59)}</span>"
            f"<div class=said>{esc(said)}</div><pre>{esc(text)}</pre></div></div>")
    shot = Shot(page(css, body, colours["bg"]), rng.choice([1.0, 1.25, 2.0]))
    if rng.random() < 0.35:
        shot.shrink = rng.uniform(0.55, 0.8)
    if rng.random() < 0.3:
        shot.jpeg_quality = rng.randint(70, 90)
    return table, shot


def newsletter_email(rng: random.Random) -> tuple[Table, Shot]:
    table = make_table(rng, rows=(4, 8), benches=(3, 4), size_heads=["Size"],
                       size_formats=["B", "M"], averages=["Average"], decimals=[1])
    table.percent = True
    brand = rng.choice(["#0f766e", "#7c3aed", "#be123c", "#0369a1"])
    font = rng.choice(["Open Sans", "Liberation Sans", "Roboto"])
    heads = "".join(f"<th>{esc(h)}</th>" for h in table.columns())
    rows = ""
    for model in table.models:
        cells = table.cells(model)
        row = f"<td class=name>{esc(cells[0])}</td>"
        for bench, text in zip(table.columns()[1:], cells[1:], strict=True):
            best = bench in table.benches and table.rank(bench)[:1] == [model.name]
            row += f"<td{' class=best' if best else ''}>{esc(text)}</td>"
        rows += f"<tr>{row}</tr>"
    issue = rng.randint(12, 140)
    css = f"""
    #shot{{background:#f4f4f5;padding:24px;font-family:'{font}';}}
    .card{{min-width:600px;background:#fff;border-radius:6px;overflow:hidden;color:#27272a;}}
    .brand{{background:{brand};color:#fff;padding:18px 24px;font-size:20px;font-weight:700;}}
    .brand span{{font-weight:400;font-size:13px;opacity:0.85;display:block;}}
    .inner{{padding:18px 24px;}}
    h2{{font-size:19px;margin:0 0 8px 0;}} p{{font-size:14px;line-height:1.55;}}
    table{{border-collapse:collapse;width:100%;font-size:{rng.choice([13, 14])}px;}}
    th{{text-align:right;padding:7px 8px;border-bottom:2px solid {brand};color:{brand};}}
    th:first-child{{text-align:left;}}
    td{{text-align:right;padding:7px 8px;}} td.name{{text-align:left;}}
    tr:nth-child(even) td{{background:#f4f4f5;}}
    td.best{{font-weight:700;color:{brand};}}
    .small{{font-size:12px;color:#71717a;}}
    """
    body = (f"<div id=shot><div class=card><div class=brand>The Token Digest"
            f"<span>Issue #{issue} · your weekly model roundup</span></div><div class=inner>"
            f"<h2>This week's open-model scoreboard</h2><p>We re-ran the usual suite on the "
            f"week's releases. Accuracy, higher is better.</p><table><tr>{heads}</tr>{rows}"
            "</table><p class=small>You are receiving this because you subscribed. "
            "Unsubscribe</p></div></div></div>")
    shot = Shot(page(css, body, "#f4f4f5"), rng.choice([1.0, 1.5, 2.0]))
    if rng.random() < 0.3:
        shot.jpeg_quality = rng.randint(65, 90)
    return table, shot


def vscode_preview(rng: random.Random) -> tuple[Table, Shot]:
    table = make_table(rng, rows=(4, 9), benches=(3, 7), size_heads=["Params", "Size"],
                       size_formats=["B", "b"], tokens_heads=["Tokens", "Train tokens"],
                       tokens_formats=["T", "billions"], averages=["Avg", "Average"])
    font = rng.choice(["Open Sans", "Roboto", "DejaVu Sans"])
    heads = "".join(f"<th>{esc(h)}</th>" for h in table.columns())
    rows = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in table.cells(m)) + "</tr>"
                   for m in table.models)
    css = f"""
    #shot{{background:#1e1e1e;font-family:'{font}';color:#d4d4d4;
      min-width:{rng.choice([900, 1040])}px;}}
    .tabs{{background:#252526;height:35px;display:flex;}}
    .tab{{background:#1e1e1e;color:#fff;font-size:13px;padding:9px 16px;
      border-top:1px solid #0078d4;}}
    .tab.off{{background:#2d2d2d;color:#969696;border-top:none;}}
    .body{{padding:20px 28px;}}
    h2{{color:#e0e0e0;font-size:22px;border-bottom:1px solid #3c3c3c;padding-bottom:6px;
      margin-top:0;}}
    p{{font-size:14px;}}
    table{{border-collapse:collapse;font-size:{rng.choice([13, 14])}px;}}
    th{{border:1px solid #454545;padding:5px 10px;font-weight:600;text-align:left;
      white-space:nowrap;}}
    td{{border:1px solid #454545;padding:5px 10px;white-space:nowrap;}}
    tr:nth-child(even) td{{background:#252526;}}
    """
    body = ("<div id=shot><div class=tabs><div class='tab off'>eval.py</div>"
            "<div class=tab>Preview README.md</div></div><div class=body><h2>Results</h2>"
            "<p>Zero-shot unless noted; see <code>configs/</code>.</p>"
            f"<table><tr>{heads}</tr>{rows}</table></div></div>")
    shot = Shot(page(css, body, "#1e1e1e"), rng.choice([1.0, 1.5, 2.0]))
    if rng.random() < 0.3:
        shot.shrink = rng.uniform(0.6, 0.85)
        shot.jpeg_quality = rng.randint(60, 85)
    return table, shot


def models_across(rng: random.Random) -> tuple[Table, Shot]:
    table = make_table(rng, rows=(3, 5), benches=(4, 8), size_heads=["Params", "Size"],
                       size_formats=["B"], tokens_heads=["Tokens"],
                       tokens_formats=["T", "billions"], averages=["Average"])
    font_body = rng.choice(SERIF)
    font_table = rng.choice(SANS)
    models = table.models
    head = "".join(f"<th>{esc(m.name)}</th>" for m in models)
    rows = ""
    if table.size_head:
        rows += (f"<tr class=meta><td>{esc(table.size_head)}</td>"
                 + "".join(f"<td>{esc(table.size_text(m))}</td>" for m in models) + "</tr>")
    if table.tokens_head:
        rows += (f"<tr class=meta><td>{esc(table.tokens_head)}</td>"
                 + "".join(f"<td>{esc(table.tokens_text(m))}</td>" for m in models) + "</tr>")
    for bench in table.benches:
        first = table.rank(bench)[:1]
        cells = ""
        for m in models:
            text = esc(table.value_text(m, bench))
            cells += f"<td>{f'<b>{text}</b>' if [m.name] == first else text}</td>"
        rows += f"<tr><td>{esc(bench)}</td>{cells}</tr>"
    corner = rng.choice(["Benchmark", "", "Task"])
    css = f"""
    #shot{{background:#fff;padding:28px 40px;min-width:{rng.choice([700, 820, 960])}px;
      font-family:'{font_body}';color:#242424;}}
    h1{{font-size:30px;margin:0 0 8px 0;}} .by{{font-family:'{font_table}';color:#6b6b6b;
      font-size:14px;margin-bottom:16px;}}
    p{{font-size:18px;line-height:1.6;}}
    table{{border-collapse:collapse;font-family:'{font_table}';
      font-size:{rng.choice([14, 15, 16])}px;}}
    th{{padding:8px 12px;border-bottom:2px solid #242424;text-align:center;}}
    th:first-child{{text-align:left;}}
    td{{padding:7px 12px;border-bottom:1px solid #e6e6e6;text-align:center;}}
    td:first-child{{text-align:left;font-weight:600;}}
    tr.meta td{{color:#6b6b6b;font-style:italic;}}
    """
    headline = rng.choice(["Small models got good", "Which base model should you fine-tune?"])
    body = (f"<div id=shot><h1>{headline}</h1>"
            f"<div class=by>{rng.choice(['Dana Okafor', 'Lee Wen', 'R. Iyer'])} · "
            f"{rng.randint(4, 12)} min read</div><p>Here is how the contenders stack up on "
            f"the benchmarks we care about.</p><table><tr><th>{corner}</th>{head}</tr>{rows}"
            "</table></div>")
    return table, Shot(page(css, body), rng.choice([1.0, 1.5, 2.0]))


# ---------------------------------------------------------------- the scanned print


def scanned_print(rng: random.Random) -> tuple[Table, Image.Image]:
    import pypdfium2
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Table as PdfTable

    table = make_table(rng, rows=(4, 9), benches=(3, 6), size_heads=["Params", "Size"],
                       size_formats=["B", "spaced"], tokens_heads=["Tokens"],
                       tokens_formats=["T", "billions"], averages=["Avg."], decimals=[1])
    font, bold = rng.choice([("Times-Roman", "Times-Bold"), ("Helvetica", "Helvetica-Bold")])
    data = [table.columns()] + [table.cells(m) for m in table.models]
    grid = rng.random() < 0.5
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTNAME", (0, 0), (-1, 0), bold),
        ("FONTSIZE", (0, 0), (-1, -1), rng.choice([9, 10, 11])),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
    ]
    if grid:
        commands.append(("GRID", (0, 0), (-1, -1), 0.6, colors.black))
    else:
        commands += [("LINEABOVE", (0, 0), (-1, 0), 1.2, colors.black),
                     ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
                     ("LINEBELOW", (0, -1), (-1, -1), 1.2, colors.black)]
    pdf_table = PdfTable(data)
    pdf_table.setStyle(TableStyle(commands))
    styles = getSampleStyleSheet()
    caption = Paragraph(f"Table {rng.randint(1, 8)}: Evaluation of base models.",
                        styles["Normal"])
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build([caption, Spacer(1, 6), pdf_table])
    document = pypdfium2.PdfDocument(buffer.getvalue())
    scale = rng.choice([2.0, 2.5, 3.0])
    bitmap = document[0].render(scale=scale).to_pil().convert("RGB")
    document.close()
    # the ink's box, with a margin of paper
    gray = np.asarray(bitmap.convert("L"))
    ys, xs = np.nonzero(gray < 200)
    margin = int(30 * scale)
    crop = bitmap.crop((max(xs.min() - margin, 0), max(ys.min() - margin, 0),
                        min(xs.max() + margin, bitmap.width),
                        min(ys.max() + margin, bitmap.height)))
    return table, photograph(crop, rng)


def photograph(image: Image.Image, rng: random.Random) -> Image.Image:
    """Paper under a phone or on a scanner: tint, tilt, a little perspective, blur, uneven
    light and sensor noise (the hard JPEG comes when it is saved)."""
    import cv2

    pixels = np.asarray(image).astype(np.float32)
    tint = np.array(rng.choice([(244, 238, 226), (236, 236, 232), (250, 246, 236)]), np.float32)
    pixels = pixels / 255.0 * tint
    height, width = pixels.shape[:2]
    pad = int(0.06 * max(width, height))
    canvas = np.full((height + 2 * pad, width + 2 * pad, 3), tint, np.float32)
    canvas[pad:pad + height, pad:pad + width] = pixels
    h2, w2 = canvas.shape[:2]
    jitter = 0.015 * w2
    source = np.float32([[0, 0], [w2, 0], [w2, h2], [0, h2]])
    target = source + np.float32([[rng.uniform(-jitter, jitter), rng.uniform(-jitter, jitter)]
                                  for _ in range(4)])
    matrix = cv2.getPerspectiveTransform(source, target)
    background = tuple(float(c) for c in rng.choice([(90, 84, 78), (60, 62, 70), (150, 140, 125)]))
    canvas = cv2.warpPerspective(canvas, matrix, (w2, h2), flags=cv2.INTER_LINEAR,
                                 borderMode=cv2.BORDER_CONSTANT, borderValue=background)
    angle = rng.uniform(-2.5, 2.5)
    rotation = cv2.getRotationMatrix2D((w2 / 2, h2 / 2), angle, 1.0)
    canvas = cv2.warpAffine(canvas, rotation, (w2, h2), flags=cv2.INTER_LINEAR,
                            borderMode=cv2.BORDER_CONSTANT, borderValue=background)
    # light falling off across the page
    ys, xs = np.mgrid[0:h2, 0:w2].astype(np.float32)
    cx, cy = rng.uniform(0.2, 0.8) * w2, rng.uniform(0.2, 0.8) * h2
    distance = np.sqrt((xs - cx) ** 2 + (ys - cy) ** 2) / max(w2, h2)
    light = 1.0 - rng.uniform(0.15, 0.35) * distance
    canvas = canvas * light[..., None]
    canvas += np.random.default_rng(rng.randint(0, 2**31)).normal(0, rng.uniform(2, 6),
                                                                   canvas.shape)
    photo = Image.fromarray(np.clip(canvas, 0, 255).astype(np.uint8))
    photo = photo.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 1.3)))
    return resize_width(photo, min(photo.width, rng.randint(800, 1500)))


# ---------------------------------------------------------------- the set

HTML_STYLES = {
    "gradio_frame": gradio_frame,
    "streamlit_dark": streamlit_dark,
    "gitlab_readme": gitlab_readme,
    "zhihu_cn": zhihu_cn,
    "word_doc": word_doc,
    "keynote_slide": keynote_slide,
    "ar5iv_html": ar5iv_html,
    "discord_code": discord_code,
    "newsletter_email": newsletter_email,
    "vscode_preview": vscode_preview,
    "models_across": models_across,
}


def generate(out: Path, count: int, seed: int) -> dict:
    """``count`` tables into ``out`` (PNG or JPEG) and ``out/truth.json``; returns the truth by
    file name. The same seed draws the same tables."""
    out.mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict] = {}
    browser = Browser((1600, 1400))
    try:
        for i in range(count):
            style = STYLES[i % len(STYLES)]
            rng = random.Random(seed * 1009 + i)
            if style == "scanned_print":
                table, image = scanned_print(rng)
                quality: int | None = rng.randint(40, 70)
                name = f"b3t_{i:03d}.jpg"
            else:
                table, shot = HTML_STYLES[style](rng)
                image = browser.shoot(shot.html, shot.scale)
                if shot.width:
                    image = resize_width(image, shot.width)
                elif shot.shrink:  # never below three quarters of a CSS pixel per pixel
                    share = max(shot.shrink, 0.75 / shot.scale)
                    image = resize_width(image, round(image.width * share))
                quality = shot.jpeg_quality
                name = f"b3t_{i:03d}.{'jpg' if quality else 'png'}"
            image = clamp_width(image)
            if name.endswith(".jpg"):
                image.save(out / name, "JPEG", quality=quality)
            else:
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
    parser.add_argument("--seed", type=int, default=23000)
    args = parser.parse_args()
    truth = generate(args.out, args.count, args.seed)
    print(f"{len(truth)} tables in {args.out}")


if __name__ == "__main__":
    main()
