"""The second blind test set of table screenshots (``blind2``): LLM benchmark tables as people
screenshot and share them, drawn by rules of their own, nobody tunes on them.

    python benchmarks/blind2_tables.py OUT_DIR [--count 48] [--seed 13000]

Twelve styles, evenly spread (``style`` in ``truth.json``): a Hugging Face model card, a dark
GitHub README, a technical-report table (serif, booktabs rules, a group title over its
benchmarks, ``±`` spreads, bold best and underlined second), a leaderboard web app (rank and
type-mark columns, sort arrows, ``org/model`` links), a post on X with the table as its
picture, a WeChat article on a phone with Chinese labels, a spreadsheet (Google Sheets or
Excel chrome), Jupyter output of a pandas frame, a chat app's rendered Markdown, a slide with
a brand-coloured header band, a blog table with the models as columns, and a LaTeX-like table
drawn by matplotlib's mathtext. Chromium renders all but the last (``browser.py``).

The truth (``OUT_DIR/truth.json``, one entry per image) is the table as printed, models as
rows whatever the layout: ``columns`` (the model column first, then every column of numbers
or sizes in print order), ``rows`` (``model``, ``cells`` as printed, ``params_b``,
``tokens_t``, ``mmlu``) and ``style``. What is not table truth: a rank column, a type-mark
column, sort arrows, footnote marks, a spreadsheet's letters, row numbers and formula bar, a
post's or page's text around the table. A group title spanning benchmark columns
("Reasoning" over "GSM8K" and "MATH") is not part of their names: the truth benchmark is the
benchmark column's own name ("GSM8K"). A settings line under the names ("5-shot") is not
part of them either. A row's ``params_b`` comes from the size column where the table has
one, else from the size in the model's name (``None`` for a name without one); ``tokens_t``
from a training-data column; ``mmlu`` from a column named exactly MMLU.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import math
import random
from dataclasses import dataclass, field
from pathlib import Path

from browser import Browser
from PIL import Image

STYLES = (
    "hf_card",
    "github_dark",
    "report_booktabs",
    "leaderboard_app",
    "x_post",
    "wechat_cn",
    "spreadsheet",
    "jupyter_pandas",
    "chat_markdown",
    "slide_brand",
    "blog_transposed",
    "mpl_mathtext",
)

# Families: the versions they were released as and the sizes (billions) they come in.
FAMILIES = {
    "Llama": (["", "2", "3", "3.1"], ["1", "3", "8", "13", "70"]),
    "Qwen": (["", "1.5", "2", "2.5"], ["0.5", "1.8", "4", "7", "14", "32", "72"]),
    "Mistral": (["", "v0.2"], ["7"]),
    "Gemma": (["", "2"], ["2", "7", "9", "27"]),
    "Phi": (["", "2", "3"], ["1.3", "2.7", "3.8", "14"]),
    "DeepSeek": (["", "V2"], ["1.3", "6.7", "7", "33", "67"]),
    "InternLM": (["", "2", "2.5"], ["1.8", "7", "20"]),
    "Baichuan": (["", "2"], ["7", "13"]),
    "Yi": (["", "1.5"], ["6", "9", "34"]),
    "OLMo": (["", "2"], ["1", "7"]),
    "Falcon": (["", "2"], ["7", "11", "40", "180"]),
    "StableLM": (["", "2"], ["1.6", "3", "12"]),
    "MPT": ([""], ["7", "30"]),
    "Pythia": ([""], ["1.4", "2.8", "6.9", "12"]),
    "Zephyr": ([""], ["7"]),
    "Solar": ([""], ["10.7"]),
    "Aquila": (["", "2"], ["7", "34"]),
    "ChatGLM": (["2", "3"], ["6"]),
    "XVERSE": ([""], ["7", "13", "65"]),
    "Skywork": ([""], ["13"]),
    "MiniCPM": (["", "3"], ["1.2", "2.4", "4"]),
    "Granite": (["3.0", "3.1"], ["3", "8", "20"]),
    "SmolLM": (["", "2"], ["1.7"]),
    "Tulu": (["2", "3"], ["7", "13", "70"]),
    "Vicuna": (["v1.5"], ["7", "13", "33"]),
    "Nemotron": (["", "4"], ["4", "15", "70"]),
    "Marlin": (["", "2"], ["3", "9", "22"]),
    "Kestrel": (["", "1.1"], ["2", "6", "14"]),
    "Orbit": (["", "2"], ["1.5", "8", "40"]),
}
ORGS = {
    "Llama": "meta-llama", "Qwen": "Qwen", "Mistral": "mistralai", "Gemma": "google",
    "Phi": "microsoft", "DeepSeek": "deepseek-ai", "InternLM": "internlm",
    "Baichuan": "baichuan-inc", "Yi": "01-ai", "OLMo": "allenai", "Falcon": "tiiuae",
    "StableLM": "stabilityai", "MPT": "mosaicml", "Pythia": "EleutherAI", "Zephyr": "HuggingFaceH4",
    "Solar": "upstage", "ChatGLM": "THUDM", "MiniCPM": "openbmb", "Granite": "ibm-granite",
    "SmolLM": "HuggingFaceTB", "Tulu": "allenai", "Vicuna": "lmsys", "Nemotron": "nvidia",
    "Marlin": "marlin-ai", "Kestrel": "kestrel-labs", "Orbit": "orbit-research",
}
SIZELESS = [
    "GPT-4o", "GPT-4 Turbo", "GPT-3.5 Turbo", "Claude 3 Haiku", "Claude 3.5 Sonnet",
    "Gemini 1.5 Flash", "Gemini Pro", "Mistral Large", "Command R+", "Reka Core",
    "Phi-3-mini", "Grok-1.5",
]
CN_SIZELESS = ["文心一言4.0", "讯飞星火3.5", "通义千问-Max", "GPT-4", "Claude 2"]
CN_FAMILIES = ["Qwen", "Baichuan", "InternLM", "Yi", "ChatGLM", "XVERSE", "Skywork", "Aquila",
               "DeepSeek", "MiniCPM"]
VARIANTS = ["", "", "", "Chat", "Instruct", "Base", "it", "SFT", "DPO"]

# Benchmarks with the range their scores usually fall in.
BENCHMARKS = {
    "MMLU": (35, 86), "GSM8K": (10, 92), "MATH": (3, 55), "HumanEval": (8, 85),
    "MBPP": (15, 75), "ARC-C": (40, 93), "ARC-E": (60, 96), "HellaSwag": (55, 89),
    "WinoGrande": (58, 85), "TruthfulQA": (33, 65), "BBH": (28, 82), "DROP": (30, 80),
    "AGIEval": (25, 60), "PIQA": (70, 84), "SIQA": (44, 54), "BoolQ": (62, 89),
    "OBQA": (38, 60), "TriviaQA": (40, 82), "NQ": (10, 38), "GPQA": (22, 49),
    "IFEval": (30, 85), "MuSR": (33, 48), "LAMBADA": (55, 78), "RACE": (38, 60),
    "MGSM": (12, 80), "CSQA": (55, 80), "C-Eval": (30, 85), "CMMLU": (30, 85),
    "GAOKAO": (20, 70),
}
GROUPS = {
    "Knowledge": ["MMLU", "TriviaQA", "NQ", "GPQA"],
    "Reasoning": ["BBH", "ARC-C", "MuSR", "DROP"],
    "Math": ["GSM8K", "MATH", "MGSM"],
    "Code": ["HumanEval", "MBPP"],
    "Commonsense": ["HellaSwag", "WinoGrande", "PIQA", "SIQA"],
}
# The settings a benchmark is usually run with, for a settings line under the names.
SETTINGS = {
    "MMLU": ["5-shot", "0-shot", "5-shot"], "GSM8K": ["8-shot", "4-shot", "CoT"],
    "MATH": ["4-shot", "0-shot"], "HumanEval": ["pass@1", "0-shot"], "MBPP": ["pass@1", "3-shot"],
    "ARC-C": ["25-shot", "0-shot"], "ARC-E": ["0-shot"], "HellaSwag": ["10-shot", "0-shot"],
    "WinoGrande": ["5-shot", "0-shot"], "TruthfulQA": ["mc2", "0-shot"], "BBH": ["3-shot", "CoT"],
    "DROP": ["3-shot", "F1"], "TriviaQA": ["5-shot", "1-shot"], "NQ": ["5-shot", "EM"],
    "GPQA": ["0-shot", "CoT"], "AGIEval": ["0-shot", "3-5-shot"],
}
SANS = ["Roboto", "Open Sans", "Liberation Sans", "DejaVu Sans", "FreeSans"]
SERIF = ["Liberation Serif", "DejaVu Serif", "FreeSerif"]
MONO = ["DejaVu Sans Mono", "Liberation Mono"]
CJK = "'WenQuanYi Zen Hei'"


@dataclass
class Model:
    name: str
    size: float | None  # billions, None where the name carries no size
    tokens: float | None  # trillions


@dataclass
class Table:
    """One table's content, models as rows; ``head`` and ``cells`` are what is printed."""

    head: list[str]  # model column name, then the value columns
    kinds: list[str]  # "model", "params", "tokens" or "score" per column
    models: list[Model]
    cells: list[list[str]]  # per model: name, then one printed cell per value column
    values: list[list[float | None]]  # per model: the number behind each value column
    groups: list[tuple[str, int, int]] = field(default_factory=list)  # title, first, last col
    settings: list[str] = field(default_factory=list)  # per column, "" for none
    sections: dict[int, str] = field(default_factory=dict)  # row index -> label above it
    best: dict[int, tuple[int, int | None]] = field(default_factory=dict)  # col -> best, 2nd

    def truth(self, style: str) -> dict:
        rows = []
        mmlu_col = self.head.index("MMLU") if "MMLU" in self.head else None
        for model, cells, values in zip(self.models, self.cells, self.values, strict=True):
            rows.append({
                "model": model.name,
                "cells": list(cells),
                "params_b": model.size,
                "tokens_t": model.tokens if "tokens" in self.kinds else None,
                "mmlu": values[mmlu_col] if mmlu_col is not None else None,
            })
        return {"style": style, "columns": list(self.head), "rows": rows}


# ---------------------------------------------------------------- content


def draw_models(
    rng: random.Random, count: int, chinese: bool = False, sized_only: bool = False
) -> list[Model]:
    """Distinct models: sized names in one of several spellings, some without a size."""
    models: list[Model] = []
    seen: set[str] = set()
    spelling = rng.randrange(5)
    families = CN_FAMILIES if chinese else list(FAMILIES)
    sizeless = CN_SIZELESS if chinese else SIZELESS
    while len(models) < count:
        if not sized_only and rng.random() < 0.15:
            name, size = rng.choice(sizeless), None
        else:
            family = rng.choice(families)
            versions, sizes = FAMILIES[family]
            size_text = rng.choice(sizes)
            version = rng.choice(versions)
            variant = rng.choice(VARIANTS)
            size = float(size_text)
            # "Qwen2-7B", "Mistral-v0.2-7B": a version that starts with a letter is hyphenated
            joined = family + (version if version[:1].isdigit() else f"-{version}" * bool(version))
            if spelling in (0, 3):
                name = f"{joined}-{size_text}B" + (f"-{variant}" if variant else "")
            elif spelling == 1:
                name = (f"{family.lower()}{'-' + version.lower() if version else ''}-{size_text}b"
                        + (f"-{variant.lower()}" if variant else ""))
            elif spelling == 2:
                name = f"{family} {version + ' ' if version else ''}{size_text}B" + (
                    f" {variant}" if variant else "")
            else:
                name = f"{family}-{version + '-' if version else ''}{size_text}B"
        if name.lower() in seen:
            continue
        seen.add(name.lower())
        tokens = None
        if size is not None:
            tokens = rng.choice([0.3, 0.5, 1.0, 1.4, 1.5, 2.0, 2.6, 3.0, 6.0, 8.0, 15.0])
        models.append(Model(name, size, tokens))
    return models


def _size_text(rng_style: int, size: float) -> str:
    plain = f"{size:g}"
    if rng_style == 0:
        return f"{plain}B"
    if rng_style == 1:
        return f"{plain}b"
    if rng_style == 2:
        return f"{plain} B"
    if rng_style == 3:
        return f"{round(size * 1000):,}M"
    return plain  # bare, under "Params (B)"


def _tokens_text(rng_style: int, tokens: float) -> str:
    if rng_style == 0:
        return f"{tokens:g}T"
    if rng_style == 1:
        return f"{round(tokens * 1000):,}B"
    return f"{tokens:g}"  # bare, under "Tokens (T)"


def make_table(
    rng: random.Random,
    *,
    n_models: tuple[int, int] = (4, 9),
    n_bench: tuple[int, int] = (3, 7),
    chinese: bool = False,
    sizes: bool | None = None,
    tokens: bool | None = None,
    grouped: bool = False,
    percent: bool = False,
    spread: bool = False,
    average: bool | None = None,
) -> Table:
    if sizes is None:
        sizes = rng.random() < 0.45
    if tokens is None:
        tokens = sizes and rng.random() < 0.4
    # a size or data column needs every model to have a size
    models = draw_models(rng, rng.randint(*n_models), chinese, sized_only=sizes or tokens)
    if grouped:
        titles = rng.sample(list(GROUPS), rng.randint(2, 3))
        groups_cols = [(t, rng.sample(GROUPS[t], min(len(GROUPS[t]), rng.randint(2, 3))))
                       for t in titles]
        benches = [b for _, names in groups_cols for b in names]
    elif chinese:
        benches = ["C-Eval", "CMMLU", "MMLU", *rng.sample(["GSM8K", "HumanEval", "GAOKAO",
                                                           "BBH", "MATH"], rng.randint(0, 2))]
    else:
        pool = [b for b in BENCHMARKS if b not in ("C-Eval", "CMMLU", "GAOKAO")]
        benches = rng.sample(pool, rng.randint(*n_bench))
        if "MMLU" not in benches and rng.random() < 0.6:
            benches.insert(0, "MMLU")
    decimals = rng.choice([1, 1, 1, 2])
    skill = {m.name: rng.random() * 0.6 + (0.4 * min(1.0, (m.size or 60) / 70)) for m in models}
    head = ["模型" if chinese else rng.choice(["Model", "Model", "Models", "Name", "model"])]
    kinds = ["model"]
    size_style = rng.choice([0, 0, 1, 2, 3, 4]) if not chinese else rng.choice([0, 5])
    tokens_style = rng.choice([0, 1, 2]) if not chinese else rng.choice([0, 5])
    if sizes:
        if chinese:
            head.append("参数量")
        elif size_style == 4:
            head.append(rng.choice(["Params (B)", "Size (B)", "#Params (B)"]))
        else:
            head.append(rng.choice(["Params", "Size", "#Params", "Model Size"]))
        kinds.append("params")
    if tokens:
        if chinese:
            head.append("训练数据")
        elif tokens_style == 2:
            head.append(rng.choice(["Tokens (T)", "Training tokens (T)"]))
        else:
            head.append(rng.choice(["Tokens", "Training Tokens", "Train tokens"]))
        kinds.append("tokens")
    first_score = len(head)
    head += benches
    kinds += ["score"] * len(benches)
    if average is None:
        average = rng.random() < 0.5
    if average:
        head.append("平均" if chinese else rng.choice(["Avg", "Average", "Avg."]))
        kinds.append("score")
    cells: list[list[str]] = []
    values: list[list[float | None]] = []
    for model in models:
        row_cells = [model.name]
        row_values: list[float | None] = [None]
        numbers = []
        for kind, name in zip(kinds[1:], head[1:], strict=True):
            if kind == "params":
                assert model.size is not None
                if size_style == 5:
                    row_cells.append(f"{model.size * 10:g}亿")
                else:
                    row_cells.append(_size_text(size_style, model.size))
                row_values.append(model.size)
            elif kind == "tokens":
                assert model.tokens is not None
                if tokens_style == 5:
                    row_cells.append(f"{model.tokens:g}万亿" if model.tokens >= 1
                                     else f"{model.tokens * 10000:g}亿")
                else:
                    row_cells.append(_tokens_text(tokens_style, model.tokens))
                row_values.append(model.tokens)
            elif name in BENCHMARKS:
                low, high = BENCHMARKS[name]
                if rng.random() < 0.06:
                    row_cells.append(rng.choice(["-", "—", "n/a"]))
                    row_values.append(None)
                    continue
                # a logistic curve keeps the scores off the range's ends
                spot = 4 * (skill[model.name] - 0.5) + rng.gauss(0, 0.5)
                value = low + (high - low) / (1 + math.exp(-spot))
                value = round(value, decimals)
                numbers.append(value)
                text = f"{value:.{decimals}f}"
                if spread and rng.random() < 0.8:
                    text += f"±{rng.uniform(0.1, 2.4):.1f}"
                elif percent:
                    text += "%"
                row_cells.append(text)
                row_values.append(value)
            else:  # the average of the row's benchmarks
                value = round(sum(numbers) / len(numbers), decimals) if numbers else None
                text = "-" if value is None else f"{value:.{decimals}f}" + (
                    "%" if percent else "")
                row_cells.append(text)
                row_values.append(value)
        cells.append(row_cells)
        values.append(row_values)
    table = Table(head, kinds, models, cells, values)
    if grouped:
        col = first_score
        for title, names in groups_cols:
            table.groups.append((title, col, col + len(names) - 1))
            col += len(names)
    for col, kind in enumerate(kinds):
        if kind != "score":
            continue
        ranked = sorted((v[col], i) for i, v in enumerate(values) if v[col] is not None)
        if len(ranked) >= 2:
            table.best[col] = (ranked[-1][1], ranked[-2][1] if len(ranked) > 2 else None)
    return table


def add_sections(rng: random.Random, table: Table, labels: list[str]) -> None:
    """Split the rows under two or three section labels ("Open-weight models")."""
    if len(table.models) < 4:
        return
    cut = rng.randint(2, len(table.models) - 2)
    table.sections = {0: labels[0], cut: labels[1]}


def add_settings(rng: random.Random, table: Table) -> None:
    table.settings = [rng.choice(SETTINGS.get(name, ["0-shot"])) if kind == "score"
                      and name in BENCHMARKS else "" for name, kind in zip(table.head, table.kinds,
                                                                           strict=True)]


# ---------------------------------------------------------------- HTML pieces


def esc(text: str) -> str:
    return html.escape(text)


def cell_html(table: Table, row: int, col: int, bold: str = "b", under: bool = False) -> str:
    text = esc(table.cells[row][col])
    best = table.best.get(col)
    if best and best[0] == row and bold:
        return f"<{bold}>{text}</{bold}>"
    if best and under and best[1] == row:
        return f"<u>{text}</u>"
    return text


def html_table(
    table: Table,
    *,
    bold: str = "b",
    under: bool = False,
    name_cell=None,
    section_html=None,
    header_extra=None,
    row_prefix=None,
    head_prefix: str = "",
    row_class=None,
) -> str:
    """A plain <table> of the content; the callers style it with CSS."""
    parts = ["<table>", "<thead>"]
    if table.groups:
        group_row = []
        col = 0
        cols = len(table.head)
        spans = {first: (title, last) for title, first, last in table.groups}
        while col < cols:
            if col in spans:
                title, last = spans[col]
                group_row.append(f'<th colspan="{last - col + 1}" class="group">{esc(title)}</th>')
                col = last + 1
            else:
                group_row.append("<th></th>")
                col += 1
        parts.append("<tr class='groups'>" + "".join(group_row) + "</tr>")
    names = []
    for i, name in enumerate(table.head):
        extra = header_extra(i) if header_extra else ""
        names.append(f"<th>{esc(name)}{extra}</th>")
    parts.append("<tr>" + head_prefix + "".join(names) + "</tr>")
    if table.settings:
        parts.append("<tr class='settings'>" + ("<th></th>" if head_prefix else "") + "".join(
            f"<th>{esc(s)}</th>" for s in table.settings) + "</tr>")
    parts.append("</thead><tbody>")
    for row in range(len(table.models)):
        if row in table.sections:
            label = table.sections[row]
            span = len(table.head) + (1 if head_prefix else 0)
            parts.append(section_html(label, span) if section_html else
                         f"<tr class='section'><td colspan='{span}'>{esc(label)}</td></tr>")
        tds = [row_prefix(row) if row_prefix else ""]
        for col in range(len(table.head)):
            if col == 0:
                inner = name_cell(row) if name_cell else esc(table.cells[row][0])
                tds.append(f"<td class='name'>{inner}</td>")
            else:
                tds.append(f"<td class='num'>{cell_html(table, row, col, bold, under)}</td>")
        css_class = f" class='{row_class(row)}'" if row_class else ""
        parts.append(f"<tr{css_class}>" + "".join(tds) + "</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def page(body: str, css: str, background: str = "#ffffff") -> str:
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>"
            f"html,body{{margin:0;padding:0;background:{background};}}"
            f"#shot{{display:inline-block;}}{css}</style></head>"
            f"<body><div id='shot'>{body}</div></body></html>")


# ---------------------------------------------------------------- styles


def hf_card(rng: random.Random) -> tuple[Table, str, float]:
    table = make_table(rng, n_bench=(3, 8))
    if rng.random() < 0.3:
        add_settings(rng, table)
    if rng.random() < 0.35:  # Markdown has no spanning cells: a bold label, empty cells after
        add_sections(rng, table, rng.choice([["Base models", "Instruction-tuned"],
                                             ["Public checkpoints", "Ours"]]))
    font = rng.choice(SANS)
    width = rng.randint(640, 1000)
    ours = rng.randrange(len(table.models))
    css = f"""
    #shot {{ min-width:{width}px; padding:24px 28px; font-family:'{font}'; color:#374151;
             font-size:{rng.choice([14, 15, 16])}px; }}
    h2 {{ font-size:1.5em; color:#111827; border-bottom:1px solid #e5e7eb; padding-bottom:6px; }}
    table {{ border-collapse:collapse; margin-top:8px; }}
    th {{ text-align:left; font-weight:600; padding:7px 12px; border-bottom:1px solid #d1d5db; }}
    td {{ padding:7px 12px; border-bottom:1px solid #f3f4f6; }}
    td.num {{ text-align:{rng.choice(['left', 'center', 'right'])}; }}
    tr.settings th {{ font-weight:400; color:#6b7280; font-size:0.85em; padding-top:0; }}
    """
    intro = rng.choice([
        "We evaluate the model on standard academic benchmarks with the lm-evaluation-harness.",
        "Results of the base model compared with open models of similar size.",
        "All numbers are reproduced by us with the same prompts.",
    ])
    body = (f"<h2>{rng.choice(['Evaluation', 'Benchmarks', 'Evaluation Results'])}</h2>"
            f"<p>{intro}</p>" + html_table(
                table, bold="b" if rng.random() < 0.5 else "",
                section_html=lambda label, span: (f"<tr><td><b>{esc(label)}</b></td>"
                                                  + "<td></td>" * (span - 1) + "</tr>"),
                name_cell=lambda r: (f"<b>{esc(table.cells[r][0])}</b>" if r == ours
                                     else esc(table.cells[r][0]))))
    return table, page(body, css), rng.choice([1, 1.5, 2])


def github_dark(rng: random.Random) -> tuple[Table, str, float]:
    wide = rng.random() < 0.4
    table = make_table(rng, n_bench=(9, 12) if wide else (3, 7))
    font = rng.choice(["Liberation Sans", "DejaVu Sans", "Open Sans"])
    css = f"""
    #shot {{ padding:20px 24px; font-family:'{font}'; color:#e6edf3; background:#0d1117;
             font-size:{14 if wide else rng.choice([14, 16])}px; }}
    h3 {{ border-bottom:1px solid #30363d; padding-bottom:6px; }}
    table {{ border-collapse:collapse; }}
    th, td {{ border:1px solid #30363d; padding:6px 13px; }}
    th {{ font-weight:600; }}
    tbody tr:nth-child(2n) {{ background:#161b22; }}
    a {{ color:#4493f8; text-decoration:none; }}
    td.num {{ text-align:{rng.choice(['left', 'center', 'right'])}; }}
    """
    link = rng.random() < 0.6
    body = ("<h3>Results</h3>" + html_table(
        table, name_cell=lambda r: (f"<a href='#'>{esc(table.cells[r][0])}</a>" if link
                                    else esc(table.cells[r][0]))))
    return table, page(body, css, "#0d1117"), rng.choice([1, 2])


def report_booktabs(rng: random.Random) -> tuple[Table, str, float]:
    table = make_table(rng, grouped=rng.random() < 0.6, spread=rng.random() < 0.4,
                       sizes=rng.random() < 0.5, tokens=False)
    if rng.random() < 0.5:
        add_sections(rng, table, rng.choice([["Open-source models", "Ours"],
                                             ["Base models", "Chat models"],
                                             ["Proprietary", "Open weights"]]))
    if not table.groups and rng.random() < 0.4:
        add_settings(rng, table)
    dagger = rng.random() < 0.4
    font = rng.choice(SERIF)
    css = f"""
    #shot {{ padding:18px 22px; font-family:'{font}'; color:#000; background:#fff;
             font-size:{rng.choice([13, 14, 15])}px; }}
    .caption {{ margin-bottom:8px; max-width:760px; }}
    table {{ border-collapse:collapse; border-top:2px solid #000; border-bottom:2px solid #000; }}
    th, td {{ padding:3px 11px; text-align:center; }}
    td.name {{ text-align:left; }}
    thead tr:last-child th {{ border-bottom:1px solid #000; }}
    th.group {{ border-bottom:1px solid #000; font-weight:normal; font-style:italic; }}
    th {{ font-weight:normal; }}
    tr.settings th {{ font-size:0.85em; }}
    tr.section td {{ font-style:italic; text-align:left; border-top:1px solid #000;
                     padding-top:4px; }}
    sup {{ font-size:0.7em; }}
    """
    marked = {r for r in range(len(table.models)) if dagger and rng.random() < 0.3}

    def name(r: int) -> str:
        return esc(table.cells[r][0]) + ("<sup>†</sup>" if r in marked else "")

    words = rng.choice(["Comparison with open models.", "Results on standard benchmarks.",
                        "Main results. Best in bold, second underlined."])
    caption = f"<div class='caption'><b>Table {rng.randint(1, 9)}:</b> {words}</div>"
    foot = ("<div style='font-size:0.8em;margin-top:6px'>† results reported by the authors.</div>"
            if marked else "")
    body = caption + html_table(table, under=True, name_cell=name) + foot
    return table, page(body, css), rng.choice([2, 2.5, 3])


def leaderboard_app(rng: random.Random) -> tuple[Table, str, float]:
    table = make_table(rng, n_models=(6, 12), n_bench=(4, 7), average=False, sizes=False)
    for model, cells in zip(table.models, table.cells, strict=True):  # Hub ids: org/name
        org = next((o for f, o in ORGS.items() if model.name.lower().startswith(f.lower())), None)
        model.name = model.name.replace(" ", "-")
        if org:
            model.name = f"{org}/{model.name}"
        cells[0] = model.name
    # the average first, two decimals, rows sorted by it
    averages = []
    for row in table.values:
        nums = [v for v in row[1:] if v is not None]
        averages.append(round(sum(nums) / len(nums), 2))
    for cells, values, avg in zip(table.cells, table.values, averages, strict=True):
        cells.insert(1, f"{avg:.2f}")
        values.insert(1, avg)
    table.head.insert(1, rng.choice(["Average", "Avg", "Average"]))
    table.kinds.insert(1, "score")
    order = sorted(range(len(table.models)), key=lambda i: -averages[i])
    table.models = [table.models[i] for i in order]
    table.cells = [table.cells[i] for i in order]
    table.values = [table.values[i] for i in order]
    table.best = {}
    dark = rng.random() < 0.35
    font = rng.choice(["Roboto", "Open Sans", "Liberation Sans"])
    bg, fg, line, stripe = (("#0b0f19", "#e5e7eb", "#374151", "#111827") if dark
                            else ("#ffffff", "#1f2937", "#e5e7eb", "#f9fafb"))
    colours = ["#22c55e", "#3b82f6", "#f97316", "#a855f7"]
    css = f"""
    #shot {{ padding:16px; font-family:'{font}'; color:{fg}; background:{bg};
             font-size:{rng.choice([12, 13, 14])}px; }}
    .tabs span {{ display:inline-block; padding:6px 14px; margin-right:4px; border-radius:6px;
                  border:1px solid {line}; }}
    .tabs span.on {{ background:#f97316; color:#fff; border-color:#f97316; }}
    .search {{ margin:12px 0; padding:8px 10px; border:1px solid {line}; border-radius:8px;
               color:#9ca3af; width:360px; }}
    table {{ border-collapse:collapse; }}
    th {{ text-align:left; padding:8px 10px; border-bottom:2px solid {line}; font-weight:600;
          white-space:nowrap; }}
    td {{ padding:7px 10px; border-bottom:1px solid {line}; white-space:nowrap; }}
    tbody tr:nth-child(2n) {{ background:{stripe}; }}
    a {{ color:{'#60a5fa' if dark else '#2563eb'}; text-decoration:underline dotted; }}
    .icon {{ display:inline-block; width:11px; height:11px; border-radius:50%; }}
    .arrow {{ color:#9ca3af; font-size:0.8em; margin-left:4px; }}
    """
    arrows = rng.choice(["▲▼", "↕", "⇅"])

    def prefix(r: int) -> str:
        shape = "border-radius:50%" if r % 3 else "border-radius:2px;transform:rotate(45deg)"
        return (f"<td>{r + 1}</td><td><span class='icon' style='background:"
                f"{rng.choice(colours)};{shape}'></span></td>")

    body = ("<div class='tabs'><span class='on'>LLM Benchmark</span><span>About</span>"
            "<span>Submit</span></div>"
            "<div class='search'>Search for your model…</div>"
            + html_table(table, bold="", head_prefix="<th>#</th><th>T</th>", row_prefix=prefix,
                         name_cell=lambda r: f"<a href='#'>{esc(table.cells[r][0])}</a>",
                         header_extra=lambda i: f"<span class='arrow'>{arrows}</span>"
                         if i else ""))
    return table, page(body, css, bg), rng.choice([1, 1.25, 2])


def simple_table_css(dark: bool, font: str, size: int) -> str:
    fg, line, head = ("#e5e7eb", "#3f3f46", "#27272a") if dark else ("#111", "#d4d4d8", "#f4f4f5")
    return f"""
    .tbl {{ font-family:'{font}'; font-size:{size}px; color:{fg};
            background:{'#18181b' if dark else '#fff'}; padding:14px; }}
    .tbl table {{ border-collapse:collapse; }}
    .tbl th {{ background:{head}; padding:6px 10px; border:1px solid {line}; }}
    .tbl td {{ padding:6px 10px; border:1px solid {line}; }}
    .tbl td.num {{ text-align:center; }}
    .tbl tr.section td {{ font-weight:bold; background:{head}; }}
    """


def x_post(rng: random.Random) -> tuple[Table, str, float]:
    table = make_table(rng, n_bench=(3, 6), percent=rng.random() < 0.3)
    dark = rng.random() < 0.5
    inner_dark = rng.random() < 0.3
    bg, fg, sub, line = (("#000", "#e7e9ea", "#71767b", "#2f3336") if dark
                         else ("#fff", "#0f1419", "#536471", "#eff3f4"))
    handle = rng.choice(["_akhaliq", "ai_evals", "LabTom", "mlbench", "scaling01", "open_llm"])
    text = rng.choice([
        "New open model just dropped. Benchmarks below",
        "How do the small models compare? We ran them all on the same harness:",
        "Our latest release beats much larger models on reasoning. Full results:",
    ])
    css = simple_table_css(inner_dark, rng.choice(SANS), rng.choice([14, 15, 16])) + f"""
    #shot {{ min-width:{rng.randint(560, 640)}px; padding:14px 16px; background:{bg}; color:{fg};
             font-family:'Roboto','DejaVu Sans'; font-size:15px; }}
    .who {{ display:flex; align-items:center; gap:10px; }}
    .avatar {{ width:40px; height:40px; border-radius:50%; background:#1d9bf0; }}
    .handle {{ color:{sub}; }}
    .text {{ margin:10px 0; line-height:1.35; }}
    .card {{ border:1px solid {line}; border-radius:16px; overflow:hidden; }}
    .card .tbl table {{ width:100%; }}
    .foot {{ color:{sub}; margin-top:10px; font-size:13px; display:flex; gap:40px; }}
    """
    body = (f"<div class='who'><div class='avatar'></div><div><b>{handle.strip('_').title()}"
            f"</b><br><span class='handle'>@{handle} · {rng.randint(2, 23)}h</span></div></div>"
            f"<div class='text'>{esc(text)}</div><div class='card'><div class='tbl'>"
            + html_table(table) + "</div></div>"
            f"<div class='foot'><span>↩ {rng.randint(3, 90)}</span><span>↻ {rng.randint(10, 400)}"
            f"</span><span>♡ {rng.randint(1, 9)}.{rng.randint(0, 9)}K</span></div>")
    return table, page(body, css, bg), rng.choice([1, 2])


def wechat_cn(rng: random.Random) -> tuple[Table, str, float]:
    table = make_table(rng, chinese=True, n_models=(4, 8), sizes=rng.random() < 0.7)
    css = f"""
    #shot {{ width:390px; font-family:{CJK}; background:#fff; color:#222; }}
    .status {{ display:flex; justify-content:space-between; padding:6px 18px; font-size:14px;
               font-weight:bold; font-family:'Roboto'; }}
    .bar {{ text-align:center; padding:8px; border-bottom:1px solid #eee; font-size:16px; }}
    .art {{ padding:12px 14px; font-size:15px; line-height:1.6; }}
    .art h1 {{ font-size:20px; line-height:1.4; margin:4px 0 8px; }}
    .meta {{ color:#576b95; font-size:13px; }}
    table {{ border-collapse:collapse; width:100%; font-size:{rng.choice([11, 12])}px;
             margin:10px 0; }}
    th {{ background:{rng.choice(['#07c160', '#3b6fd6', '#f2f2f2'])}; padding:5px 3px;
          border:1px solid #ddd; }}
    td {{ padding:5px 3px; border:1px solid #ddd; text-align:center; }}
    td.num {{ white-space:nowrap; }}
    td.name {{ text-align:left; }}
    """
    if "#f2f2f2" not in css:
        css += "th { color:#fff; }"
    title = rng.choice(["国产大模型最新评测：谁是最强开源模型？",
                        "开源大模型能力对比（附完整榜单）", "实测：十款中文大模型基准成绩一览"])
    date = f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
    body = (f"<div class='status'><span>{rng.randint(8, 22)}:{rng.randint(10, 59)}</span>"
            f"<span>5G ▮▮▮ {rng.randint(20, 99)}%</span></div>"
            "<div class='bar'>公众号文章</div><div class='art'>"
            f"<h1>{title}</h1><div class='meta'>AI前沿观察 {date}</div>"
            "<p>我们在多个中英文基准上测试了主流模型，结果如下表所示：</p>"
            + html_table(table, bold="b" if rng.random() < 0.5 else "")
            + "<p>注：分数越高越好，加粗为最佳。</p></div>")
    return table, page(body, css), 3


def spreadsheet(rng: random.Random) -> tuple[Table, str, float]:
    table = make_table(rng, n_models=(5, 12), percent=rng.random() < 0.25)
    excel = rng.random() < 0.5
    font = "Liberation Sans" if excel else rng.choice(["Roboto", "Liberation Sans"])
    cols = len(table.head)
    letters = [chr(ord("A") + i) for i in range(cols + 2)]
    head_fill = rng.choice(["#ffffff", "#d9ead3", "#cfe2f3", "#fff2cc"])
    css = f"""
    #shot {{ font-family:'{font}'; font-size:13px; background:#fff; color:#000; }}
    .menu {{ padding:6px 10px; background:{'#217346' if excel else '#f9fbfd'};
             color:{'#fff' if excel else '#444'}; font-size:13px; }}
    .menu span {{ margin-right:16px; }}
    .tools {{ padding:6px 10px; background:#edf2fa; border-bottom:1px solid #c7c7c7;
              color:#555; font-size:12px; }}
    .fx {{ padding:4px 8px; border-bottom:1px solid #c7c7c7; font-size:12px; }}
    .fx b {{ color:#777; margin-right:20px; font-style:italic; }}
    table.grid {{ border-collapse:collapse; }}
    table.grid td {{ border:1px solid #e2e2e3; padding:3px 6px; height:19px; min-width:60px;
                     white-space:nowrap; }}
    table.grid td.hdr {{ background:#f8f9fa; color:#666; text-align:center; font-size:11px; }}
    table.grid td.rn {{ min-width:32px; }}
    table.grid td.num {{ text-align:right; }}
    table.grid tr.h td.c {{ background:{head_fill}; font-weight:bold; }}
    table.grid td.sel {{ outline:2px solid #1a73e8; }}
    """
    sel = (rng.randint(1, len(table.models)), rng.randint(1, cols - 1))
    rows = ["<tr><td class='hdr rn'></td>" + "".join(f"<td class='hdr'>{c}</td>" for c in letters)
            + "</tr>"]
    rows.append("<tr class='h'><td class='hdr rn'>1</td>" + "".join(
        f"<td class='c'>{esc(h)}</td>" for h in table.head) + "<td></td><td></td></tr>")
    for r in range(len(table.models)):
        tds = [f"<td class='c'>{esc(table.cells[r][0])}</td>"]
        for c in range(1, cols):
            cls = "num sel" if (r + 1, c) == sel else "num"
            tds.append(f"<td class='{cls}'>{esc(table.cells[r][c])}</td>")
        rows.append(f"<tr><td class='hdr rn'>{r + 2}</td>" + "".join(tds)
                    + "<td></td><td></td></tr>")
    for extra in range(rng.randint(2, 5)):
        rows.append(f"<tr><td class='hdr rn'>{len(table.models) + 2 + extra}</td>"
                    + "<td></td>" * (cols + 2) + "</tr>")
    menu = "".join(f"<span>{m}</span>" for m in (
        ["File", "Home", "Insert", "Page Layout", "Formulas", "Data", "Review", "View"] if excel
        else ["File", "Edit", "View", "Insert", "Format", "Data", "Tools", "Extensions", "Help"]))
    formula = esc(table.cells[sel[0] - 1][sel[1]])
    body = (f"<div class='menu'>{menu}</div><div class='tools'>↶ ↷ 100% ▾ $ % .0 .00 123 ▾ "
            f"{font} ▾ 10 ▾ B I</div><div class='fx'><b>fx</b>{formula}"
            "</div><table class='grid'>" + "".join(rows) + "</table>")
    return table, page(body, css), rng.choice([1, 1.5, 2])


def jupyter_pandas(rng: random.Random) -> tuple[Table, str, float]:
    import pandas as pd

    table = make_table(rng, n_bench=(3, 7), average=rng.random() < 0.4)
    frame = pd.DataFrame(
        [row[1:] for row in table.cells],
        index=pd.Index([m.name for m in table.models], name=table.head[0]),
        columns=table.head[1:],
    )
    frame_html = frame.to_html(border=0)
    font = rng.choice(["DejaVu Sans", "Roboto", "Liberation Sans"])
    dark = rng.random() < 0.3
    bg, fg, stripe = (("#1e1e1e", "#d4d4d4", "#252526") if dark
                      else ("#ffffff", "#000000", "#f5f5f5"))
    css = f"""
    #shot {{ padding:12px; font-family:'{font}'; font-size:{rng.choice([12, 13])}px;
             background:{bg}; color:{fg}; min-width:{rng.randint(760, 1100)}px; }}
    .cell {{ display:flex; gap:10px; margin-bottom:6px; }}
    .prompt {{ font-family:'DejaVu Sans Mono'; color:{'#569cd6' if dark else '#303f9f'};
               min-width:70px; text-align:right; font-size:12px; }}
    .out .prompt {{ color:{'#ce9178' if dark else '#d84315'}; }}
    .code {{ flex:1; font-family:'DejaVu Sans Mono'; background:{stripe};
             border:1px solid {'#3c3c3c' if dark else '#cfcfcf'}; padding:6px; font-size:12px; }}
    table.dataframe {{ border-collapse:collapse; border:none; }}
    table.dataframe th, table.dataframe td {{ padding:4px 8px; text-align:right;
             border:none; }}
    table.dataframe thead th {{ border-bottom:1px solid {'#555' if dark else '#000'};
             vertical-align:bottom; }}
    table.dataframe tbody tr:nth-child(odd) {{ background:{stripe}; }}
    table.dataframe tbody th {{ font-weight:bold; text-align:left; }}
    """
    n = rng.randint(3, 40)
    code = rng.choice(["df.sort_values('MMLU', ascending=False)" if "MMLU" in table.head
                       else "df.head(10)", "results.round(2)", "scores.set_index('model')"])
    body = (f"<div class='cell'><div class='prompt'>In [{n}]:</div><div class='code'>{esc(code)}"
            f"</div></div><div class='cell out'><div class='prompt'>Out[{n}]:</div><div>"
            + frame_html + "</div></div>")
    return table, page(body, css, bg), rng.choice([1, 1.5, 2])


def chat_markdown(rng: random.Random) -> tuple[Table, str, float]:
    wide = rng.random() < 0.3
    table = make_table(rng, n_bench=(7, 10) if wide else (3, 6), percent=rng.random() < 0.4)
    dark = rng.random() < 0.5
    bg, fg, bubble, line, head = (("#212121", "#ececec", "#303030", "#4a4a4a", "#2f2f2f")
                                  if dark else ("#ffffff", "#0d0d0d", "#f4f4f4", "#e3e3e3",
                                                "#f7f7f8"))
    css = f"""
    #shot {{ min-width:{rng.randint(700, 900)}px; padding:20px 28px; background:{bg}; color:{fg};
             font-family:'{rng.choice(SANS)}'; font-size:{rng.choice([14, 15, 16])}px;
             line-height:1.55; }}
    .user {{ margin-left:auto; width:fit-content; max-width:70%; background:{bubble};
             padding:10px 16px; border-radius:18px; margin-bottom:18px; }}
    .wrap {{ border:1px solid {line}; border-radius:8px; overflow:hidden; width:fit-content; }}
    table {{ border-collapse:collapse; }}
    th {{ background:{head}; text-align:left; padding:7px 12px; border-bottom:1px solid {line};
          white-space:nowrap; }}
    td {{ padding:7px 12px; border-bottom:1px solid {line}; }}
    tbody tr:last-child td {{ border-bottom:none; }}
    """
    question = rng.choice(["Can you put the main benchmark numbers for these models in a table?",
                           "Compare these open models on the usual benchmarks.",
                           "make a table of the scores pls"])
    body = (f"<div class='user'>{esc(question)}</div><p>Here is a comparison based on the "
            "publicly reported results:</p><div class='wrap'>" + html_table(table) +
            "</div><p>A few notes: the scores come from different evaluation setups, so small "
            "differences may not be meaningful.</p>")
    return table, page(body, css, bg), rng.choice([1, 2])


def slide_brand(rng: random.Random) -> tuple[Table, str, float]:
    table = make_table(rng, n_models=(3, 6), n_bench=(3, 5), percent=rng.random() < 0.3)
    brand = rng.choice(["#5b21b6", "#0f766e", "#b91c1c", "#1d4ed8", "#c2410c", "#0e7490"])
    ours = rng.randrange(len(table.models))
    font = rng.choice(["Open Sans", "Roboto", "Liberation Sans"])
    css = f"""
    #shot {{ width:1280px; height:720px; background:#fff; font-family:'{font}'; color:#1f2937;
             position:relative; box-sizing:border-box; padding:40px 64px; }}
    h1 {{ font-size:40px; margin:0 0 6px; color:{brand}; }}
    .sub {{ font-size:20px; color:#6b7280; margin-bottom:28px; }}
    table {{ border-collapse:collapse;
             font-size:{rng.choice([20, 22, 24]) if len(table.head) <= 6 else 17}px; }}
    th {{ background:{brand}; color:#fff; padding:12px 22px; font-weight:600; }}
    td {{ padding:11px 22px; border-bottom:1px solid #e5e7eb; text-align:center; }}
    td.name {{ text-align:left; }}
    tr.ours td {{ background:{brand}22; font-weight:bold; }}
    .logo {{ position:absolute; right:48px; top:40px; width:54px; height:54px;
             border-radius:12px; background:{brand}; }}
    .foot {{ position:absolute; bottom:24px; left:64px; right:64px; font-size:14px;
             color:#9ca3af; display:flex; justify-content:space-between; }}
    """
    tbl = html_table(table, bold="", row_class=lambda r: "ours" if r == ours else "plain")
    title = rng.choice(["Benchmark results", "State of the art at its size", "Evaluation"])
    subtitle = rng.choice(["Higher is better", "Same harness for every model",
                           "Internal evaluation"])
    body = (f"<div class='logo'></div><h1>{title}</h1><div class='sub'>{subtitle}</div>" + tbl
            + f"<div class='foot'><span>Confidential</span><span>{rng.randint(3, 30)}</span></div>")
    return table, page(body, css), rng.choice([1, 1.5])


def blog_transposed(rng: random.Random) -> tuple[Table, str, float]:
    table = make_table(rng, n_models=(3, 5), n_bench=(4, 9), sizes=rng.random() < 0.5,
                       tokens=False, average=rng.random() < 0.4)
    font = rng.choice(SANS)
    css = f"""
    #shot {{ min-width:{rng.randint(620, 860)}px; padding:24px 30px; background:#fffdf8;
             color:#292524; font-family:'{rng.choice(SERIF)}'; font-size:17px; line-height:1.6; }}
    table {{ border-collapse:collapse; font-family:'{font}'; font-size:{rng.choice([13, 14, 15])}px;
             margin:12px 0; }}
    th {{ border-bottom:2px solid #292524; padding:6px 12px; text-align:center; }}
    td {{ border-bottom:1px solid #e7e5e4; padding:6px 12px; text-align:center; }}
    td.first {{ text-align:left; font-weight:600; }}
    """
    parts = ["<table><thead><tr><th>" + esc(rng.choice(["Benchmark", "", "Task"])) + "</th>"]
    parts += [f"<th>{esc(m.name)}</th>" for m in table.models]
    parts.append("</tr></thead><tbody>")
    for col in range(1, len(table.head)):
        best = table.best.get(col, (None, None))[0]
        tds = [f"<td class='first'>{esc(table.head[col])}</td>"]
        for r in range(len(table.models)):
            text = esc(table.cells[r][col])
            tds.append(f"<td><b>{text}</b></td>" if r == best else f"<td>{text}</td>")
        parts.append("<tr>" + "".join(tds) + "</tr>")
    parts.append("</tbody></table>")
    body = ("<p>We compare the models head to head on the benchmarks that matter most for "
            "everyday use.</p>" + "".join(parts) +
            "<p>Bold marks the best score in each row.</p>")
    return table, page(body, css, "#fffdf8"), rng.choice([1, 1.5, 2])


def draw_mathtext(rng: random.Random) -> tuple[Table, Image.Image]:
    """A paper table laid out by hand with matplotlib text: mathtext bold best, spreads as
    ``$\\pm$``, booktabs rules, an optional group title line."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    table = make_table(rng, n_models=(4, 8), n_bench=(3, 6), grouped=rng.random() < 0.5,
                       spread=rng.random() < 0.5, sizes=rng.random() < 0.4, tokens=False,
                       average=False)
    family = rng.choice(["serif", "serif", "sans-serif"])
    fontset = rng.choice(["cm", "stix", "dejavuserif"]) if family == "serif" else "dejavusans"
    # column widths in character units, measured for the widest font used (bold serif)
    name_width = max(len(c[0]) for c in table.cells) * 0.8 + 1.5
    widths = [name_width] + [max(len(table.head[c]), max(len(r[c]) for r in table.cells)) * 0.8
                             + 2 for c in range(1, len(table.head))]
    total = sum(widths)
    lines = len(table.models) + 2 + (1 if table.groups else 0)
    fig_w, fig_h = total * 0.11, lines * 0.26 + 0.2
    with plt.rc_context({"font.family": family, "mathtext.fontset": fontset,
                         "font.size": rng.choice([9, 10])}):
        fig = plt.figure(figsize=(fig_w, fig_h))
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(0, total)
        ax.set_ylim(lines + 0.3, -0.3)
        ax.axis("off")
        lefts = [sum(widths[:i]) for i in range(len(widths))]
        centres = [left + w / 2 for left, w in zip(lefts, widths, strict=True)]
        y = 0.5
        ax.hlines(0, 0.2, total - 0.2, color="black", linewidth=1.2)
        if table.groups:
            for title, first, last in table.groups:
                mid = (lefts[first] + lefts[last] + widths[last]) / 2
                ax.text(mid, y, title, ha="center", va="center", style="italic")
                ax.hlines(y + 0.45, lefts[first] + 0.4, lefts[last] + widths[last] - 0.4,
                          color="black", linewidth=0.6)
            y += 1
        for c, name in enumerate(table.head):
            ax.text(lefts[0] + 0.4 if c == 0 else centres[c], y, name,
                    ha="left" if c == 0 else "center", va="center")
        ax.hlines(y + 0.5, 0.2, total - 0.2, color="black", linewidth=0.7)
        y += 1
        for r in range(len(table.models)):
            for c in range(len(table.head)):
                text = table.cells[r][c]
                if c == 0:
                    ax.text(lefts[0] + 0.4, y, text, ha="left", va="center")
                    continue
                best = table.best.get(c, (None, None))
                mean, _, std = text.partition("±")
                shown = mean.replace("%", r"\%")
                if best[0] == r:
                    shown = r"\mathbf{" + shown + "}"
                math = f"${shown}" + (r"\pm" + std if std else "") + "$"
                if table.kinds[c] != "score" or not any(ch.isdigit() for ch in text):
                    math = text  # sizes and missing marks stay plain text
                ax.text(centres[c], y, math, ha="center", va="center")
            y += 1
        ax.hlines(y - 0.5, 0.2, total - 0.2, color="black", linewidth=1.2)
        buffer = io.BytesIO()
        fig.savefig(buffer, dpi=rng.choice([110, 150, 200, 250]), facecolor="white")
        plt.close(fig)
    buffer.seek(0)
    return table, Image.open(buffer).convert("RGB")


HTML_STYLES = {
    "hf_card": hf_card,
    "github_dark": github_dark,
    "report_booktabs": report_booktabs,
    "leaderboard_app": leaderboard_app,
    "x_post": x_post,
    "wechat_cn": wechat_cn,
    "spreadsheet": spreadsheet,
    "jupyter_pandas": jupyter_pandas,
    "chat_markdown": chat_markdown,
    "slide_brand": slide_brand,
    "blog_transposed": blog_transposed,
}


def finish(rng: random.Random, image: Image.Image, style: str, path_stem: Path) -> Path:
    """Resize to a width people share (300 to 1800 px) and save as PNG or JPEG."""
    width = image.width
    if style == "wechat_cn":
        target = rng.choice([750, 828, 1080, 1170])
    elif style == "slide_brand":
        target = rng.choice([960, 1280, 1600, 1800])
    elif style == "mpl_mathtext":
        target = width if rng.random() < 0.5 else int(width * rng.uniform(0.6, 0.9))
    else:
        target = int(width * rng.uniform(0.55, 1.0))
    target = max(300, min(1800, target))
    if target != width:
        image = image.resize((target, round(image.height * target / width)), Image.LANCZOS)
    jpeg = style in ("wechat_cn", "x_post") or rng.random() < 0.3
    if jpeg:
        path = path_stem.with_suffix(".jpg")
        image.save(path, quality=rng.randint(60, 92))
    else:
        path = path_stem.with_suffix(".png")
        image.save(path)
    return path


def generate(out: Path, count: int, seed: int) -> dict:
    """Write ``count`` images and ``truth.json`` into ``out``; the same seed gives the same
    images. Returns the truth: file name -> table truth."""
    out.mkdir(parents=True, exist_ok=True)
    browser = Browser((1600, 1200))
    truth: dict[str, dict] = {}
    try:
        for index in range(count):
            style = STYLES[index % len(STYLES)]
            rng = random.Random(f"blind2-tables:{seed}:{index}")
            stem = out / f"b2t_{seed}_{index:03d}_{style}"
            if style == "mpl_mathtext":
                table, image = draw_mathtext(rng)
            else:
                table, document, scale = HTML_STYLES[style](rng)
                image = browser.shoot(document, scale)
            path = finish(rng, image, style, stem)
            truth[path.name] = table.truth(style)
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False))
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=48)
    parser.add_argument("--seed", type=int, default=13000)
    args = parser.parse_args()
    truth = generate(args.out, args.count, args.seed)
    print(f"{len(truth)} images in {args.out}")


if __name__ == "__main__":
    main()
