"""A fifth blind test set of benchmark-table screenshots (``blind5``), written by its own rules.

    python benchmarks/blind5_tables.py OUT_DIR [--count 48] [--seed 43000]

Written without reading the reader or any other generator. Twelve styles, spread evenly
(image ``i`` has style ``i % 12``), most drawn as HTML in headless Chromium
(``browser.py``), then resized, recompressed or photographed in PIL:

- ``compass_board``: an OpenCompass-like leaderboard card, light or dark, rank badges in a
  rank column and a progress bar under each average;
- ``acl_twocol``: a two-column paper page cropped around a table*, group titles over the
  benchmarks with short rules under them, some scores with ± stds, text above and below;
- ``substack_zebra``: a newsletter post's zebra-striped table, arrows in some headers, some
  scores printed as percentages;
- ``excel_filter``: an Excel window, column letters, row numbers, filter buttons in the header
  cells, a frozen-pane line;
- ``hn_pre``: a Hacker News comment with a space-aligned monospace table;
- ``feishu_cn``: a Feishu/Lark doc with Chinese headers (模型, 参数量, 训练数据, 平均, ...),
  sizes as "70亿" or "7B" and tokens as "2万亿" or "2.6T";
- ``korean_blog``: a Naver-like blog post with Korean headers and Korean benchmarks;
- ``slack_thread``: a Slack message whose table was attached as a small JPEG (400–700 px);
- ``ruled_transposed``: a fully ruled old-style LaTeX table with the models across the
  header and the benchmarks down the rows;
- ``poster_photo``: a conference poster's table photographed at a slant, unevenly lit;
- ``tailwind_sections``: a docs-site table with rounded corners, rows grouped under section
  lines, best bold and second underlined, footnote marks and "—" for missing scores;
- ``japanese_note``: a note.com-like Japanese article with Japanese benchmarks.

Truth (``OUT_DIR/truth.json``, file -> truth, the format ``benchmarks/tables.py`` reads):
``columns`` (the model column's header, then the other columns), ``rows`` (``model``,
``cells`` as printed, ``params_b``, ``tokens_t``, ``mmlu``), ``style`` and ``title``.
Rules of this truth:

- A benchmark name is the name printed in the benchmark's own header cell, including a
  setting or metric printed in that cell ("MMLU (5-shot)", "HumanEval (pass@1)") and an
  arrow ("MMLU ↑"). A group title spanning several benchmark columns ("Reasoning" over
  "GSM8K" and "BBH") is no part of their names: the truth name is the column's own name.
- A rank column (badges, "#") is no benchmark: it is left out of ``columns``.
- In a table with the models across, the truth is still one row per model.
- ``params_b`` comes from the parameters column where the table prints one ("7B", "6.7b",
  "70亿", "46.7B"), otherwise from the size printed in the model's name ("Wren-13B");
  ``tokens_t`` from the tokens column ("1.8T", "1,500B", "2万亿"), in trillions; ``mmlu`` from
  the column whose benchmark is MMLU, whatever its setting. Missing cells print "–", "—",
  "N/A" or "-" and score nothing.
"""

from __future__ import annotations

import argparse
import base64
import html
import io
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageFilter

# this checkout's imgread, ahead of an editable install of another checkout (a venv
# shared by several worktrees), and the benchmarks beside this script
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import Browser

STYLES = [
    "compass_board", "acl_twocol", "substack_zebra", "excel_filter", "hn_pre", "feishu_cn",
    "korean_blog", "slack_thread", "ruled_transposed", "poster_photo", "tailwind_sections",
    "japanese_note",
]

# Invented model families (and a few real ones), each with the sizes it comes in.
FAMILIES: dict[str, list[float]] = {
    "Kestrel": [1.1, 7, 13, 34], "Marrow": [3, 8, 70], "Quillfin": [2.7, 6.7, 33],
    "Basalt": [7, 14, 72], "Tarn": [1.8, 7, 20], "Vireo": [0.5, 4, 13], "Halyard": [8, 40],
    "Sorrel": [3, 7, 65], "Umbra": [6, 14, 34], "Lindqvist": [7, 13, 70],
    "Ostrea": [1.3, 9, 27], "Pennant": [2, 7, 12], "Cairn": [3.8, 14, 32],
    "Llama-2": [7, 13, 70], "Qwen1.5": [1.8, 7, 14, 72], "Mistral": [7], "Yi": [6, 34],
    "Baichuan2": [7, 13], "InternLM2": [7, 20], "Falcon": [7, 40], "OLMo": [1, 7],
}
NAME_SHAPES = ["{f}-{s}B", "{f} {s}B", "{f}-{s}B-Chat", "{f}-{s}B-Instruct", "{f}-{s}b",
               "{f}-v2-{s}B", "{f}-{s}B-Base"]
MOE = [("Marrow-8x7B", 46.7), ("Kestrel-MoE-57B-A14B", 57.0), ("Tarn-16x3B", 41.0),
       ("Basalt-MoE-A2.7B", 14.3)]

# benchmark key -> (usual range of scores, decimals usual for it)
RANGES = {
    "MMLU": (35, 82), "GSM8K": (10, 88), "HumanEval": (8, 75), "MATH": (3, 50),
    "BBH": (30, 78), "ARC-C": (40, 92), "HellaSwag": (60, 90), "WinoGrande": (60, 85),
    "TriviaQA": (40, 80), "PIQA": (70, 84), "MBPP": (15, 70), "TruthfulQA": (30, 65),
    "GPQA": (20, 42), "IFEval": (30, 85), "DROP": (30, 80), "AGIEval": (25, 60),
    "C-Eval": (35, 85), "CMMLU": (35, 85), "GAOKAO": (20, 75), "KMMLU": (25, 55),
    "KoBEST": (50, 82), "HAE-RAE": (30, 75), "Ko-GSM8K": (10, 60), "JCommonsenseQA": (60, 93),
    "JNLI": (35, 75), "MARC-ja": (80, 97), "JSQuAD": (60, 92), "JEMHopQA": (25, 60),
    "MT-Bench": (5.0, 9.0),
}
SETTINGS = {"MMLU": ["5-shot"], "GSM8K": ["8-shot", "CoT"], "HumanEval": ["pass@1", "0-shot"],
            "BBH": ["3-shot"], "MATH": ["4-shot"], "ARC-C": ["25-shot"],
            "HellaSwag": ["10-shot"], "TriviaQA": ["1-shot"]}
GROUPS = {"Knowledge": ["MMLU", "TriviaQA", "ARC-C"], "Reasoning": ["GSM8K", "BBH", "MATH"],
          "Code": ["HumanEval", "MBPP"], "Commonsense": ["HellaSwag", "WinoGrande", "PIQA"]}
MISSING = ["–", "—", "N/A", "-"]


@dataclass
class Column:
    name: str  # as printed in its own header cell
    kind: str  # "params", "tokens" or "score"
    bench: str = ""  # the benchmark (scores)
    group: str = ""  # a title spanning it and its neighbours


@dataclass
class Row:
    model: str
    cells: list[str]  # one per column, as printed
    params_b: float | None
    tokens_t: float | None
    values: list[float | None] = field(default_factory=list)
    section: str = ""


@dataclass
class Table:
    model_header: str
    columns: list[Column]
    rows: list[Row]
    title: str
    missing: str  # how this table prints a missing score

    def score_columns(self) -> list[int]:
        return [i for i, c in enumerate(self.columns) if c.kind == "score"]

    def best(self, column: int) -> tuple[float | None, float | None]:
        values = sorted({v for r in self.rows if (v := r.values[column]) is not None},
                        reverse=True)
        return (values[0] if values else None, values[1] if len(values) > 1 else None)


# --- content -------------------------------------------------------------------------------


def _size_text(size: float) -> str:
    return f"{size:g}"


def same_name(name: str) -> str:
    """Names one table must not print twice ("Wren 13B" and "wren-13b" are one model)."""
    return re.sub(r"[\s_-]", "", name.lower())


def pick_models(rng: random.Random, count: int, moe: bool) -> list[tuple[str, float | None]]:
    """(name, size in B) pairs, distinct names; sizes from the names (MoE sizes are totals)."""
    chosen: list[tuple[str, float | None]] = []
    seen: set[str] = set()
    if moe:
        for name, size in rng.sample(MOE, rng.randint(1, 2)):
            chosen.append((name, size))
            seen.add(same_name(name))
    shape = rng.choice(NAME_SHAPES)  # one table names its models one way, mostly
    while len(chosen) < count:
        family = rng.choice(list(FAMILIES))
        size = rng.choice(FAMILIES[family])
        form = shape if rng.random() < 0.75 else rng.choice(NAME_SHAPES)
        name = form.format(f=family, s=_size_text(size))
        if same_name(name) not in seen:
            seen.add(same_name(name))
            chosen.append((name, float(size)))
    rng.shuffle(chosen)
    return chosen


def score_value(rng: random.Random, bench: str, size: float | None) -> float:
    low, high = RANGES.get(bench, (30, 80))
    strength = 0.5 if size is None else min(1.0, 0.15 + 0.2 * (1 + size) ** 0.35)
    # clipped short of the range's ends: no column of scores all at one ceiling
    share = min(0.97, max(0.03, strength + rng.uniform(-0.25, 0.2))) + rng.uniform(-0.02, 0.02)
    return low + (high - low) * share


def fmt(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}"


def params_text(rng: random.Random, size: float, style: str) -> str:
    if style == "feishu_cn" and rng.random() < 0.6 and size >= 1 and (size * 10) % 1 == 0:
        return f"{size * 10:g}亿"
    return rng.choice([f"{size:g}B", f"{size:g}B", f"{size:g}b", f"{size:g} B"])


def tokens_text(rng: random.Random, tokens: float, style: str) -> str:
    if style == "feishu_cn" and rng.random() < 0.5:
        return f"{tokens:g}万亿" if tokens >= 1 else f"{tokens * 10000:g}亿"
    if rng.random() < 0.35:
        return f"{tokens * 1000:,.0f}B"
    return f"{tokens:g}T"


def build_table(rng: random.Random, style: str) -> Table:
    """Columns, models and printed cells for one image of ``style``."""
    lang = {"feishu_cn": "zh", "korean_blog": "ko", "japanese_note": "ja"}.get(style, "en")
    if lang == "zh":
        benches = ["C-Eval", "CMMLU", "MMLU", "GAOKAO", "AGIEval"]
        benches = benches[: rng.randint(3, 5)]
    elif lang == "ko":
        benches = rng.sample(["KMMLU", "KoBEST", "HAE-RAE", "Ko-GSM8K"], rng.randint(3, 4))
        if rng.random() < 0.5:
            benches.append("MMLU")
    elif lang == "ja":
        benches = rng.sample(["JCommonsenseQA", "JNLI", "MARC-ja", "JSQuAD", "JEMHopQA"],
                             rng.randint(3, 5))
    elif style == "acl_twocol":
        groups = rng.sample(list(GROUPS), rng.randint(2, 3))
        benches = []
        grouped: list[tuple[str, str]] = []
        for g in groups:
            for b in GROUPS[g][: rng.randint(2, len(GROUPS[g]))]:
                grouped.append((g, b))
        benches = [b for _, b in grouped]
    else:
        pool = ["MMLU", "GSM8K", "HumanEval", "MATH", "BBH", "ARC-C", "HellaSwag", "WinoGrande",
                "TruthfulQA", "MBPP", "GPQA", "IFEval", "DROP", "AGIEval", "MT-Bench"]
        wide = {"hn_pre": 4, "slack_thread": 5, "poster_photo": 4}.get(style, 6)
        benches = rng.sample(pool, rng.randint(3, wide))
        if "MMLU" not in benches and rng.random() < 0.7:
            benches[0] = "MMLU"
    columns: list[Column] = []
    with_params = rng.random() < (0.85 if style in ("feishu_cn", "compass_board") else 0.55)
    with_tokens = style not in ("hn_pre", "poster_photo") and rng.random() < 0.4
    params_header = {"zh": "参数量", "ko": "Params", "ja": "Params"}.get(
        lang, rng.choice(["Params", "#Params", "Size", "Model Size"]))
    if with_params:
        columns.append(Column(params_header, "params"))
    if with_tokens:
        columns.append(Column({"zh": "训练数据"}.get(lang, rng.choice(["Tokens", "Training tokens",
                                                                   "Train Tokens"])), "tokens"))
    settings = style in ("substack_zebra", "tailwind_sections", "excel_filter") and (
        rng.random() < 0.5)
    arrows = style == "substack_zebra" and rng.random() < 0.5
    for i, bench in enumerate(benches):
        name = bench
        if settings and bench in SETTINGS and rng.random() < 0.7:
            name = f"{bench} ({rng.choice(SETTINGS[bench])})"
        if arrows:
            name += " ↑"
        group = grouped[i][0] if style == "acl_twocol" else ""
        columns.append(Column(name, "score", bench, group))
    with_avg = rng.random() < 0.6 or style == "compass_board"
    if with_avg:
        avg = {"zh": "平均", "ko": "평균", "ja": "平均"}.get(lang, rng.choice(["Avg", "Average",
                                                                           "Avg."]))
        # a leaderboard puts its average first, a paper or a post last
        where = len(columns) - len(benches) if style == "compass_board" else len(columns)
        columns.insert(where, Column(avg, "score", "AVG"))
    count = {"hn_pre": (4, 7), "slack_thread": (4, 8), "poster_photo": (4, 6),
             "ruled_transposed": (3, 5)}.get(style, (5, 11))
    models = pick_models(rng, rng.randint(*count), moe=with_params and rng.random() < 0.3)
    decimals = 2 if rng.random() < 0.25 else 1
    percent = style in ("substack_zebra", "slack_thread") and rng.random() < 0.4
    stds = style == "acl_twocol" and rng.random() < 0.4
    missing = rng.choice(MISSING)
    rows = []
    for name, size in models:
        tokens = rng.choice([0.3, 1.0, 1.4, 1.5, 2.0, 2.4, 2.6, 3.0, 4.5, 7.0])
        cells: list[str] = []
        values: list[float | None] = []
        scores = []
        for column in columns:
            if column.kind == "params":
                cells.append(params_text(rng, size, style) if size else missing)
                values.append(None)
            elif column.kind == "tokens":
                cells.append(tokens_text(rng, tokens, style))
                values.append(None)
            elif column.bench == "AVG":
                cells.append("")  # filled below from the row's scores
                values.append(None)
            else:
                if rng.random() < 0.07 and column.bench != "MMLU":
                    cells.append(missing)
                    values.append(None)
                    continue
                places = 2 if column.bench == "MT-Bench" else decimals
                value = round(score_value(rng, column.bench, size), places)
                if column.bench != "MT-Bench":  # a score out of 10 is no part of an average
                    scores.append(value)
                text = fmt(value, places)
                if percent and column.bench != "MT-Bench":
                    text += "%"
                if stds:
                    text += f"±{rng.uniform(0.1, 2.4):.1f}"
                if rng.random() < 0.05:
                    text += rng.choice(["*", "†"])
                cells.append(text)
                values.append(value)
        for i, column in enumerate(columns):
            if column.bench == "AVG":
                value = round(sum(scores) / max(len(scores), 1), decimals)
                cells[i], values[i] = fmt(value, decimals), value
        rows.append(Row(name, cells, size, tokens if with_tokens else None, values))
    titles = {
        "zh": ["中文基座模型评测结果", "主流开源模型能力对比", "各模型在中文基准上的表现"],
        "ko": ["한국어 LLM 벤치마크 결과", "오픈소스 모델 성능 비교"],
        "ja": ["日本語LLMベンチマーク比較", "主要モデルの評価結果"],
    }.get(lang, ["Results on standard benchmarks", "Base model comparison",
                 "Evaluation of open-weight models", "How the new checkpoints stack up"])
    header = {"zh": "模型", "ko": "모델", "ja": "モデル"}.get(
        lang, rng.choice(["Model", "Model", "Models", "Name"]))
    if style == "ruled_transposed":
        header = "Benchmark"  # the corner cell over the benchmarks' names
    return Table(header, columns, rows, rng.choice(titles), missing)


def truth_of(table: Table, style: str) -> dict:
    mmlu = next((i for i, c in enumerate(table.columns) if c.bench == "MMLU"), None)
    rows = []
    for row in table.rows:
        rows.append({
            "model": row.model,
            "cells": [row.model, *row.cells],
            "params_b": row.params_b,  # the column's, else the name's: the same size
            "tokens_t": row.tokens_t,
            "mmlu": row.values[mmlu] if mmlu is not None else None,
        })
    return {"columns": [table.model_header, *(c.name for c in table.columns)], "rows": rows,
            "style": style, "title": table.title}


# --- drawing -------------------------------------------------------------------------------


def esc(text: str) -> str:
    return html.escape(text)


def page(body: str, css: str, background: str = "#fff") -> str:
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>body{{margin:0;"
            f"background:{background}}} #shot{{display:inline-block}} {css}</style></head>"
            f"<body>{body}</body></html>")


def emphasis(table: Table, row: Row, i: int, text: str, second: bool = True) -> str:
    """A score cell's HTML: the column's best bold, its second underlined."""
    best, runner = table.best(i)
    value = row.values[i]
    if table.columns[i].kind != "score" or value is None:
        return esc(text)
    if value == best:
        return f"<b>{esc(text)}</b>"
    if second and value == runner:
        return f"<u>{esc(text)}</u>"
    return esc(text)

def header_cells(table: Table) -> str:
    return "".join(f"<th>{esc(c.name)}</th>" for c in table.columns)


def body_rows(table: Table, second: bool = True) -> str:
    """One <tr> a model: its name, then its cells with the best (and second) marked."""
    return "".join(
        f"<tr><td>{esc(r.model)}</td>"
        + "".join(f"<td>{emphasis(table, r, i, t, second=second)}</td>"
                  for i, t in enumerate(r.cells)) + "</tr>" for r in table.rows)



def compass_board(table: Table, rng: random.Random) -> str:
    dark = rng.random() < 0.4
    bg, card, ink, muted, line = (("#0f1115", "#171a21", "#e6e8ee", "#8b93a7", "#262b36")
                                  if dark else ("#f3f5f9", "#fff", "#1d2433", "#6b7489",
                                                "#e8ebf1"))
    accent = rng.choice(["#5b6cff", "#13a89e", "#e8743b"])
    font = rng.choice(["Roboto", "Open Sans", "Liberation Sans"])
    order = sorted(table.rows, key=lambda r: -(r.values[table.score_columns()[0]] or 0))
    avg_index = table.score_columns()[0]
    head = header_cells(table)
    body = []
    for rank, row in enumerate(order, 1):
        colour = {1: "#f5b301", 2: "#a8b2c1", 3: "#cd7f32"}.get(rank)
        badge = (f"<span class='badge' style='background:{colour}'>{rank}</span>" if colour
                 else f"<span class='plain'>{rank}</span>")
        cells = []
        for i, text in enumerate(row.cells):
            if i == avg_index and row.values[i] is not None:
                width = row.values[i] or 0
                cells.append(f"<td><div>{esc(text)}</div><div class='track'><div class='fill' "
                             f"style='width:{width:.0f}%'></div></div></td>")
            else:
                cells.append(f"<td>{esc(text)}</td>")
        body.append(f"<tr><td>{badge}</td><td class='m'>{esc(row.model)}</td>"
                    + "".join(cells) + "</tr>")
    css = f"""
    #shot {{padding:28px;background:{bg};font-family:'{font}';color:{ink}}}
    .card {{background:{card};border-radius:14px;padding:18px 22px;
            box-shadow:0 2px 10px rgba(0,0,0,.08)}}
    h2 {{margin:0 0 4px;font-size:20px}} .sub {{color:{muted};font-size:13px;margin-bottom:14px}}
    table {{border-collapse:collapse;font-size:{rng.choice([13, 14, 15])}px}}
    th {{text-align:left;color:{muted};font-weight:500;padding:9px 14px;
         border-bottom:1px solid {line};font-size:12px}}
    td {{padding:9px 14px;border-bottom:1px solid {line}}} td.m {{font-weight:600}}
    .badge {{display:inline-block;width:24px;height:24px;border-radius:12px;color:#fff;
             text-align:center;line-height:24px;font-size:12px;font-weight:700}}
    .plain {{display:inline-block;width:24px;text-align:center;color:{muted}}}
    .track {{height:4px;background:{line};border-radius:2px;width:70px;margin-top:4px}}
    .fill {{height:4px;background:{accent};border-radius:2px}}"""
    return page(f"<div id='shot'><div class='card'><h2>{esc(table.title)}</h2><div class='sub'>"
                f"Updated {rng.randint(1, 28)} {rng.choice(['Mar', 'Apr', 'May', 'Jun'])} 2024"
                f" · {len(table.rows)} models</div><table><tr><th>Rank</th>"
                f"<th>{esc(table.model_header)}</th>{head}</tr>{''.join(body)}</table></div></div>",
                css, bg)


def acl_twocol(table: Table, rng: random.Random) -> str:
    font = rng.choice(["DejaVu Serif", "Liberation Serif", "FreeSerif"])
    top_cells: list[str] = []
    previous = ""
    for column in table.columns:
        if not column.group:
            top_cells.append(f"<th rowspan=2 class='low'>{esc(column.name)}</th>")
        elif column.group != previous:
            span = sum(1 for c in table.columns if c.group == column.group)
            top_cells.append(f"<th colspan={span} class='grp'><span>{esc(column.group)}</span>"
                             "</th>")
        previous = column.group
    top = "".join(top_cells)
    lower = "".join(f"<th>{esc(c.name)}</th>" for c in table.columns if c.group)
    body = "".join(
        "<tr><td class='m'>" + esc(r.model) + "</td>"
        + "".join(f"<td>{emphasis(table, r, i, t, second=False)}</td>"
                  for i, t in enumerate(r.cells)) + "</tr>"
        for r in table.rows)
    filler = ("We compare against strong open baselines under identical prompting. All models "
              "are evaluated with the same harness and decoding settings; numbers for closed "
              "systems are taken from their reports where available.")
    css = f"""
    #shot {{width:{rng.choice([880, 980, 1080])}px;padding:30px 36px;font-family:'{font}';
            font-size:13px;color:#111;background:#fff}}
    p {{text-align:justify;line-height:1.35;margin:0 0 14px}}
    .cap {{text-align:center;margin:6px 0 8px}} table {{margin:0 auto;border-collapse:collapse}}
    th, td {{padding:3px 9px;text-align:center}} td.m {{text-align:left}}
    th.low {{vertical-align:bottom;border-bottom:1px solid #000}}
    tr.top th {{border-top:1.6px solid #000}}
    th.grp span {{display:block;border-bottom:1px solid #000;padding-bottom:2px}}
    tr.names th {{border-bottom:1px solid #000;font-weight:normal}}
    tbody tr:last-child td {{border-bottom:1.6px solid #000}}"""
    return page(
        f"<div id='shot'><p>{filler}</p><div class='cap'>Table {rng.randint(2, 6)}: "
        f"{esc(table.title)}. Best results in <b>bold</b>.</div><table><thead><tr class='top'>"
        f"<th rowspan=2 class='low' style='text-align:left'>{esc(table.model_header)}</th>{top}"
        f"</tr><tr class='names'>{lower}</tr></thead><tbody>{body}</tbody></table>"
        f"<p style='margin-top:14px'>{filler.split(';')[0]}.</p></div>", css)


def substack_zebra(table: Table, rng: random.Random) -> str:
    stripe = rng.choice(["#f6f6f6", "#f3f7fb", "#fbf6ef"])
    head_bg = rng.choice(["#222", "#ff6719", "#2f4f6f", "#fff"])
    head_ink = "#111" if head_bg == "#fff" else "#fff"
    serif = rng.choice(["Liberation Serif", "DejaVu Serif", "FreeSerif"])
    sans = rng.choice(["Liberation Sans", "Open Sans", "Roboto"])
    rows = "".join(
        f"<tr><td>{esc(r.model)}</td>"
        + "".join(f"<td class='n'>{emphasis(table, r, i, t, second=False)}</td>"
                  for i, t in enumerate(r.cells)) + "</tr>" for r in table.rows)
    css = f"""
    #shot {{width:{rng.choice([640, 700, 760])}px;padding:32px 40px;background:#fff;color:#242424}}
    h1 {{font-family:'{serif}';font-size:30px;margin:0 0 8px}}
    .by {{font-family:'{sans}';color:#757575;font-size:13px;margin-bottom:20px}}
    p {{font-family:'{serif}';font-size:18px;line-height:1.55}}
    table {{border-collapse:collapse;font-family:'{sans}';font-size:{rng.choice([13, 14, 15])}px;
            width:100%}}
    th {{background:{head_bg};color:{head_ink};padding:8px 10px;text-align:left;
         border-bottom:2px solid #222}}
    td {{padding:7px 10px}} td.n {{text-align:right}} tr:nth-child(even) td {{background:{stripe}}}
    """
    head = header_cells(table)
    return page(f"<div id='shot'><h1>{esc(table.title)}</h1><div class='by'>"
                f"{rng.choice(['Dana Okafor', 'Leo Brandt', 'Mina Sato'])} · "
                f"{rng.randint(4, 14)} min read</div><p>Here is how the models did on the "
                f"suite we ran last week:</p><table><tr><th>{esc(table.model_header)}</th>"
                f"{head}</tr>{rows}</table><p>More in the next issue.</p></div>", css)


def excel_filter(table: Table, rng: random.Random) -> str:
    letters = "ABCDEFGHIJKLMN"
    n = len(table.columns) + 1
    font_size = rng.choice([13, 14, 15])
    cols = "".join(f"<th class='l'>{letters[i]}</th>" for i in range(n + 1))
    header = "".join(f"<td class='h'>{esc(name)}<span class='f'>▾</span></td>"
                     for name in [table.model_header, *(c.name for c in table.columns)])
    rows = [f"<tr><td class='r'>1</td>{header}<td></td></tr>"]
    for k, row in enumerate(table.rows, 2):
        cells = "".join(
            f"<td class='{'n' if row.values[i] is not None or c.kind != 'score' else 't'}'>"
            f"{esc(t)}</td>" for i, (c, t) in enumerate(zip(table.columns, row.cells,
                                                               strict=True)))
        rows.append(f"<tr{' class=fz' if k == 2 else ''}><td class='r'>{k}</td>"
                    f"<td class='t'>{esc(row.model)}</td>{cells}<td></td></tr>")
    for k in range(len(table.rows) + 2, len(table.rows) + 2 + rng.randint(1, 4)):
        rows.append(f"<tr><td class='r'>{k}</td>" + "<td></td>" * (n + 1) + "</tr>")
    css = f"""
    #shot {{font-family:'Liberation Sans';background:#fff;font-size:{font_size}px}}
    .bar {{background:#217346;color:#fff;padding:6px 12px;font-size:13px}}
    .rib {{background:#f3f3f3;padding:6px 12px;font-size:12px;color:#333;
           border-bottom:1px solid #d6d6d6;word-spacing:14px}}
    .fx {{padding:4px 12px;font-size:12px;border-bottom:1px solid #d6d6d6;color:#444}}
    table {{border-collapse:collapse}}
    td, th {{border:1px solid #d9d9d9;padding:2px 6px;height:{font_size + 8}px;
             white-space:nowrap}}
    th.l {{background:#efefef;color:#555;font-weight:normal;font-size:12px;min-width:60px}}
    td.r {{background:#efefef;color:#555;font-size:12px;text-align:center;min-width:26px}}
    td.h {{font-weight:bold;background:#fff}}
    .f {{display:inline-block;border:1px solid #aaa;font-size:10px;margin-left:8px;
         padding:0 2px;color:#555;background:#fafafa}}
    td.n {{text-align:right}} td.t {{text-align:left}}
    tr.fz td {{border-top:2px solid #9a9a9a}}"""
    return page(f"<div id='shot'><div class='bar'>{esc(table.title)}.xlsx - Excel</div>"
                "<div class='rib'>File Home Insert Draw Page&nbsp;Layout Formulas Data Review "
                f"View</div><div class='fx'>A1 &nbsp;&nbsp; fx &nbsp; {esc(table.model_header)}"
                f"</div><table><tr><th class='l'></th>{cols}</tr>{''.join(rows)}</table></div>",
                css)


def monospace_lines(table: Table, rng: random.Random) -> list[str]:
    header = [table.model_header, *(c.name for c in table.columns)]
    grid = [header] + [[r.model, *r.cells] for r in table.rows]
    widths = [max(len(line[i]) for line in grid) for i in range(len(header))]
    gap = " " * rng.choice([2, 3])

    def line(cells: list[str]) -> str:
        return gap.join(c.ljust(w) if i == 0 else c.rjust(w)
                        for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()

    rule = gap.join("-" * w for w in widths)
    return [line(header), rule, *(line(cells) for cells in grid[1:])]


def hn_pre(table: Table, rng: random.Random) -> str:
    mono = rng.choice(["DejaVu Sans Mono", "Liberation Mono", "FreeMono"])
    text = "\n".join(esc(line) for line in monospace_lines(table, rng))
    css = f"""
    #shot {{width:{rng.choice([760, 860, 980])}px;background:#f6f6ef;font-family:'DejaVu Sans';
            font-size:13px;padding-bottom:16px}}
    .top {{background:#ff6600;padding:3px 6px;font-size:13px}} .top b {{margin-right:8px}}
    .meta {{color:#828282;font-size:11px;margin:14px 0 4px 40px}}
    .c {{margin-left:40px;margin-right:20px;line-height:1.4}}
    pre {{font-family:'{mono}';font-size:{rng.choice([12, 13, 14])}px;margin:8px 0 8px 40px}}"""
    return page(f"<div id='shot'><div class='top'><b>Hacker News</b>new | past | comments | ask "
                f"| show | jobs | submit</div><div class='meta'>"
                f"{rng.choice(['kvark', 'tensorgoblin', 'ml_throwaway'])} "
                f"{rng.randint(2, 9)} hours ago | parent | next [–]</div><div class='c'>I reran "
                "a few of these myself with the same harness. Numbers:</div>"
                f"<pre>{text}</pre><div class='c'>YMMV with other prompts.</div></div>",
                css, "#f6f6ef")


def feishu_cn(table: Table, rng: random.Random) -> str:
    head = header_cells(table)
    rows = body_rows(table)
    css = f"""
    #shot {{width:{rng.choice([820, 920, 1020])}px;padding:30px 48px;background:#fff;
            font-family:{cjk_fonts(rng)};color:#1f2329}}
    h1 {{font-size:26px;margin:0 0 6px}} .meta {{color:#8f959e;font-size:12px;margin-bottom:18px}}
    p {{font-size:15px;line-height:1.7}}
    table {{border-collapse:collapse;font-size:{rng.choice([13, 14])}px}}
    th {{background:#f5f6f7;font-weight:600;text-align:left}}
    th, td {{border:1px solid #dee0e3;padding:8px 12px}}"""
    return page(f"<div id='shot'><h1>{esc(table.title)}</h1><div class='meta'>"
                f"{rng.choice(['张伟', '李娜', '王磊'])} · 最近修改于 {rng.randint(1, 12)}月"
                f"{rng.randint(1, 28)}日</div><p>以下为各模型在主要中文与英文基准上的得分，"
                "粗体为最优，下划线为次优。</p><table><tr>"
                f"<th>{esc(table.model_header)}</th>{head}</tr>{rows}</table></div>", css)


def cjk_fonts(rng: random.Random) -> str:
    """A CJK page's fonts: its digits and Latin letters from a Latin font or from the CJK
    font itself, as the reader's system has them."""
    latin = rng.choice(["", "'Roboto', ", "'Open Sans', ", "'Liberation Sans', "])
    return f"{latin}'WenQuanYi Zen Hei'"


def korean_blog(table: Table, rng: random.Random) -> str:
    head = header_cells(table)
    rows = body_rows(table, second=False)
    css = f"""
    #shot {{width:{rng.choice([700, 780, 860])}px;padding:26px 34px;background:#fff;
            font-family:{cjk_fonts(rng)};color:#333}}
    .blog {{color:#03c75a;font-weight:bold;font-size:14px;margin-bottom:14px}}
    h2 {{font-size:22px;margin:0 0 16px}} p {{font-size:15px;line-height:1.8}}
    table {{border-collapse:collapse;font-size:{rng.choice([13, 14])}px;margin:0 auto}}
    th {{background:#03c75a;color:#fff;padding:8px 12px}}
    td {{border-bottom:1px solid #e5e5e5;padding:8px 12px;text-align:center}}"""
    return page(f"<div id='shot'><div class='blog'>NAVER 블로그</div><h2>{esc(table.title)}</h2>"
                "<p>직접 평가해 본 결과를 표로 정리했습니다.</p><table><tr>"
                f"<th>{esc(table.model_header)}</th>{head}</tr>{rows}</table>"
                "<p>※ 굵은 글씨는 최고 점수입니다.</p></div>", css)


def plain_doc_table(table: Table, rng: random.Random) -> str:
    """The table a Slack message attaches: a Google-Docs-like table, shot alone."""
    head = header_cells(table)
    rows = body_rows(table, second=False)
    css = f"""#shot {{padding:14px;background:#fff;font-family:'{rng.choice(['Liberation Sans',
                                                                            'Roboto'])}'}}
    table {{border-collapse:collapse;font-size:{rng.choice([15, 16, 18])}px}}
    th {{background:#eef3fb;text-align:left}}
    th, td {{border:1px solid #c7c7c7;padding:6px 12px}}"""
    return page(f"<div id='shot'><table><tr><th>{esc(table.model_header)}</th>{head}</tr>"
                f"{rows}</table></div>", css)


def slack_thread(attachment_uri: str, width: int, rng: random.Random) -> str:
    dark = rng.random() < 0.35
    bg, ink, muted = ("#1a1d21", "#d1d2d3", "#ababad") if dark else ("#fff", "#1d1c1d",
                                                                     "#616061")
    name = rng.choice(["Priya Natarajan", "Tom Ellis", "Jun Park", "Sofia Greco"])
    css = f"""
    #shot {{width:{width + 110}px;background:{bg};color:{ink};font-family:'Liberation Sans';
            padding:14px 20px}}
    .av {{width:36px;height:36px;border-radius:6px;background:#4a8;float:left;margin-right:10px}}
    .n {{font-weight:bold;font-size:15px}} .t {{color:{muted};font-size:12px;margin-left:6px}}
    .msg {{font-size:15px;margin:2px 0 8px}} .body {{margin-left:46px}}
    img {{border:1px solid {'#444' if dark else '#ddd'};border-radius:6px;display:block}}
    .re {{color:#1d9bd1;font-size:13px;margin-top:8px}}"""
    return page(f"<div id='shot'><div class='av'></div><div class='body'><span class='n'>"
                f"{name}</span><span class='t'>{rng.randint(9, 11)}:{rng.randint(10, 59)} AM"
                "</span><div class='msg'>new eval numbers for the candidates, see table</div>"
                f"<img src='{attachment_uri}' width={width}><div class='re'>"
                f"{rng.randint(2, 9)} replies</div></div></div>", css, bg)


def ruled_transposed(table: Table, rng: random.Random) -> str:
    font = rng.choice(["DejaVu Serif", "Liberation Serif", "FreeSerif"])
    head = "".join(f"<th>{esc(r.model)}</th>" for r in table.rows)
    body = []
    for i, column in enumerate(table.columns):
        cells = "".join(f"<td>{emphasis(table, r, i, r.cells[i], second=False)}</td>"
                        for r in table.rows)
        body.append(f"<tr><td class='b'>{esc(column.name)}</td>{cells}</tr>")
    css = f"""
    #shot {{padding:24px;background:#fff;font-family:'{font}';color:#000;
            font-size:{rng.choice([14, 15, 16])}px}}
    table {{border-collapse:collapse}} th, td {{border:1px solid #000;padding:4px 10px;
            text-align:center}} td.b {{text-align:left}}
    tr.h th {{border-bottom:3px double #000;font-weight:normal}}
    .cap {{text-align:center;margin-top:10px}}"""
    return page(f"<div id='shot'><table><tr class='h'><th>Benchmark</th>{head}</tr>"
                f"{''.join(body)}</table><div class='cap'>Table {rng.randint(1, 9)}: "
                f"{esc(table.title)}.</div></div>", css)


def poster_table(table: Table, rng: random.Random) -> str:
    band = rng.choice(["#1f3a68", "#7a1f2b", "#155e4b"])
    head = header_cells(table)
    rows = body_rows(table, second=False)
    css = f"""
    #shot {{padding:40px 50px;background:#fbfaf4;font-family:'{rng.choice(['Open Sans',
                                                                          'Roboto'])}'}}
    h2 {{color:{band};font-size:34px;margin:0 0 16px}}
    table {{border-collapse:collapse;font-size:26px}}
    th {{background:{band};color:#fff;padding:10px 18px}}
    td {{padding:9px 18px;border-bottom:2px solid #d9d4c3;text-align:center}}"""
    return page(f"<div id='shot'><h2>{esc(table.title)}</h2><table><tr>"
                f"<th>{esc(table.model_header)}</th>{head}</tr>{rows}</table></div>", css,
                "#fbfaf4")


def tailwind_sections(table: Table, rng: random.Random) -> str:
    sections = ["Proprietary", "Open weights"] if rng.random() < 0.5 else [
        "Base models", "Instruction-tuned", "Ours"]
    cut = sorted(rng.sample(range(1, len(table.rows)), len(sections) - 1))
    bounds = [0, *cut, len(table.rows)]
    marked = {r.model for r in rng.sample(table.rows, min(2, len(table.rows)))}
    head = header_cells(table)
    body = []
    for k, section in enumerate(sections):
        body.append(f"<tr class='s'><td colspan={len(table.columns) + 1}>{section}</td></tr>")
        for r in table.rows[bounds[k]:bounds[k + 1]]:
            mark = "<sup>†</sup>" if r.model in marked else ""
            body.append(f"<tr><td class='m'>{esc(r.model)}{mark}</td>"
                        + "".join(f"<td>{emphasis(table, r, i, t)}</td>"
                                  for i, t in enumerate(r.cells)) + "</tr>")
    dark = rng.random() < 0.3
    bg, ink, line, head_bg, sec = (("#0b1120", "#cbd5e1", "#1e293b", "#111827", "#1e293b")
                                   if dark else ("#fff", "#334155", "#e2e8f0", "#f8fafc",
                                                 "#f1f5f9"))
    css = f"""
    #shot {{padding:24px;background:{bg};font-family:'{rng.choice(['Roboto', 'Open Sans'])}';
            color:{ink}}}
    .wrap {{border:1px solid {line};border-radius:10px;overflow:hidden}}
    table {{border-collapse:collapse;font-size:{rng.choice([13, 14])}px}}
    th {{background:{head_bg};text-transform:uppercase;font-size:11px;letter-spacing:.05em;
         text-align:left;padding:10px 14px;border-bottom:1px solid {line}}}
    td {{padding:8px 14px;border-bottom:1px solid {line}}} td.m {{font-weight:500}}
    tr.s td {{background:{sec};font-size:12px;font-weight:600;padding:6px 14px}}
    .foot {{font-size:12px;margin-top:10px;opacity:.8}}"""
    return page(f"<div id='shot'><div class='wrap'><table><tr>"
                f"<th>{esc(table.model_header)}</th>{head}</tr>{''.join(body)}</table></div>"
                "<div class='foot'>† evaluated by us with the public checkpoint. "
                f"{esc(table.missing)} not reported.</div></div>", css, bg)


def japanese_note(table: Table, rng: random.Random) -> str:
    head = header_cells(table)
    rows = body_rows(table, second=False)
    css = f"""
    #shot {{width:{rng.choice([720, 820])}px;padding:30px 40px;background:#fff;
            font-family:{cjk_fonts(rng)};color:#08131a}}
    h1 {{font-size:26px;margin:0 0 18px}} p {{font-size:16px;line-height:1.9}}
    table {{border-collapse:collapse;font-size:{rng.choice([13, 14])}px}}
    th {{border-bottom:2px solid #08131a;padding:8px 10px;text-align:left}}
    td {{border-bottom:1px solid #e6e6e6;padding:8px 10px}}"""
    return page(f"<div id='shot'><h1>{esc(table.title)}</h1><p>今回は主要なモデルを同じ条件で"
                "評価しました。結果は以下の通りです。</p><table><tr>"
                f"<th>{esc(table.model_header)}</th>{head}</tr>{rows}</table></div>", css)


# --- after the browser ---------------------------------------------------------------------


def jpeg(image: Image.Image, quality: int) -> Image.Image:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def resize_to(image: Image.Image, width: int) -> Image.Image:
    height = round(image.height * width / image.width)
    return image.resize((width, height), Image.Resampling.LANCZOS)


def photograph(image: Image.Image, rng: random.Random) -> Image.Image:
    """A photo of a printed poster: a slanted quadrilateral, light falling off to one side,
    a little blur and noise, then a phone's JPEG."""
    w, h = image.size
    margin = int(0.06 * w)
    canvas = Image.new("RGB", (w + 2 * margin, h + 2 * margin), (92, 88, 80))
    canvas.paste(image, (margin, margin))
    cw, ch = canvas.size

    def d() -> float:  # how far a corner is pulled in, as a share of the side
        return rng.uniform(0.0, 0.045)

    quad = (cw * d(), ch * d(), cw * d(), ch * (1 - d()), cw * (1 - d()), ch * (1 - d()),
            cw * (1 - d()), ch * d())
    warped = canvas.transform((cw, ch), Image.Transform.QUAD, quad,
                              Image.Resampling.BICUBIC)
    shade = Image.linear_gradient("L").rotate(rng.choice([0, 90, 180, 270])).resize((cw, ch))
    dim = Image.new("RGB", (cw, ch), (20, 18, 30))
    lit = Image.composite(dim, warped, shade.point(lambda v: int(v * 0.35)))
    lit = lit.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 1.1)))
    noise = Image.effect_noise((cw, ch), rng.uniform(6, 12)).convert("RGB")
    lit = Image.blend(lit, noise, 0.06)
    return jpeg(resize_to(lit, rng.randint(1100, 1700)), rng.randint(68, 82))


def finish(image: Image.Image, style: str, rng: random.Random) -> tuple[Image.Image, str]:
    """Sizes and compression people's screenshots get: some resized, some JPEG."""
    if style == "poster_photo":
        return photograph(image, rng), "jpg"
    if style == "slack_thread":
        return jpeg(image, rng.randint(60, 80)), "jpg"
    if rng.random() < 0.3:
        width = max(300, min(2000, int(image.width * rng.uniform(0.6, 0.9))))
        image = resize_to(image, width)
    if image.width > 2000:
        image = resize_to(image, 2000)
    if rng.random() < 0.3:
        return jpeg(image, rng.randint(70, 90)), "jpg"
    return image, "png"


DRAW = {
    "compass_board": compass_board, "acl_twocol": acl_twocol, "substack_zebra": substack_zebra,
    "excel_filter": excel_filter, "hn_pre": hn_pre, "feishu_cn": feishu_cn,
    "korean_blog": korean_blog, "ruled_transposed": ruled_transposed,
    "poster_photo": poster_table, "tailwind_sections": tailwind_sections,
    "japanese_note": japanese_note,
}


def draw(browser: Browser, table: Table, style: str, rng: random.Random) -> Image.Image:
    if style == "slack_thread":
        attached = browser.shoot(plain_doc_table(table, rng), 1.0)
        width = rng.randint(400, 700)
        small = jpeg(resize_to(attached, width), rng.randint(55, 75))
        buffer = io.BytesIO()
        small.save(buffer, "JPEG", quality=92)
        uri = "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode()
        return browser.shoot(slack_thread(uri, width, rng), 1.0)
    scale = rng.choice([1.0, 1.25, 1.5, 2.0]) if style != "poster_photo" else 1.0
    return browser.shoot(DRAW[style](table, rng), scale)


def generate(out: Path, count: int, seed: int) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    browser = Browser((1400, 1000))
    truth: dict[str, dict] = {}
    try:
        for i in range(count):
            style = STYLES[i % len(STYLES)]
            rng = random.Random(seed * 1009 + i)
            table = build_table(rng, style)
            image, suffix = finish(draw(browser, table, style, rng), style, rng)
            name = f"blind5_{i:03d}_{style}.{suffix}"
            if suffix == "jpg":
                image.save(out / name, "JPEG", quality=95)  # already compressed as it shows
            else:
                image.save(out / name)
            truth[name] = truth_of(table, style)
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1))
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=48)
    parser.add_argument("--seed", type=int, default=43000)
    args = parser.parse_args()
    generate(args.out, args.count, args.seed)


if __name__ == "__main__":
    main()
