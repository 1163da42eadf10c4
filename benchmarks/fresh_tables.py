"""A test set of LLM benchmark-table screenshots, drawn by rules written without looking at
the table reader or at any other generator in this folder (issue 10's "evaluation that cannot
flatter"). Score it only: never tune on its images.

    python benchmarks/fresh_tables.py OUT_DIR [--count 40] [--seed 7000]

Ten looks, evenly spread: a matplotlib ``ax.table``, a pandas ``Styler`` page with colour
gradients, a spreadsheet (its A B C / 1 2 3 headers are not part of the table), a blog post
rendered from Markdown, a Hugging Face model card, a chat message with an ASCII code-block
table, a paper table with booktabs rules drawn with PIL, a small JPEG whose every cell is boxed,
a phone screenshot with Chinese labels and a presentation slide. The hard kinds of issue 10
appear throughout: names wrapped over two lines in one cell, coloured header rows, unit
suffixes (7B, 1.4T, 1,500B), a title or caption just above the header, settings rows
("5-shot"), "-" for missing values, bold or underlined best values and footnote marks.

Writes the images and ``OUT_DIR/truth.json``: per file ``columns`` (the header, first the
model column), ``rows`` (``model``, ``cells`` as printed without decoration, ``params_b``,
``tokens_t``, ``mmlu``) and ``style``.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import random
import subprocess
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

# this checkout's imgread, ahead of an editable install of another checkout (a venv
# shared by several worktrees), and the benchmarks beside this script
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import Browser

STYLES = (
    "mpl_table",
    "pandas_styler",
    "spreadsheet",
    "markdown_blog",
    "hf_card",
    "chat_codeblock",
    "paper_pil",
    "tiny_grid_jpeg",
    "phone_cjk",
    "slide",
)

# Families as leaderboards print them, some real and some invented, so that no lexicon of
# known names can stand in for reading.
FAMILIES = (
    "Llama-2",
    "Llama-3",
    "Qwen1.5",
    "Qwen2",
    "Mistral",
    "Yi",
    "Baichuan2",
    "InternLM2",
    "DeepSeek-LLM",
    "Falcon",
    "Gemma",
    "Phi-3",
    "ChatGLM3",
    "MPT",
    "OLMo",
    "StableLM",
    "Aquila2",
    "XVERSE",
    "Skywork",
    "Kestrel",
    "Vireo",
    "Halcyon",
    "Juniper",
    "Tern",
    "Marlin",
    "Osprey",
    "Nimbus",
    "Corvid",
)
CJK_FAMILIES = ("通义千问", "百川", "书生浦语", "天工", "悟道", "星火")
SUFFIXES = (
    "",
    "",
    "",
    "-Chat",
    "-Instruct",
    "-Base",
    "-v0.1",
    "-Chat-8bits(GPTQ)",
    "-Instruct-AWQ",
    "-Chat-Int4",
)
CLOSED = ("GPT-3.5-Turbo", "GPT-4", "Claude-2", "PaLM-2-L", "Gemini-Pro")
SIZES = (0.5, 1.3, 1.8, 2.7, 6.7, 7, 8, 13, 14, 20, 34, 46.7, 70, 72, 175)
TOKENS = (0.3, 1.0, 1.4, 1.5, 2.0, 2.6, 3.0, 7.0, 15.0)
# benchmark -> (low, high, settings it is printed with)
BENCHMARKS = {
    "GSM8K": (10, 85, ("8-shot", "4-shot")),
    "HumanEval": (8, 75, ("0-shot", "pass@1")),
    "MATH": (2, 50, ("4-shot",)),
    "BBH": (30, 80, ("3-shot",)),
    "ARC-C": (40, 92, ("25-shot", "0-shot")),
    "HellaSwag": (60, 90, ("10-shot",)),
    "TriviaQA": (40, 80, ("1-shot",)),
    "C-Eval": (30, 85, ("5-shot",)),
    "CMMLU": (30, 85, ("5-shot",)),
    "AGIEval": (20, 60, ("0-shot",)),
    "MBPP": (15, 70, ("3-shot",)),
    "WinoGrande": (60, 85, ("5-shot", "0-shot")),
}
CJK_BENCHMARKS = ("C-Eval", "CMMLU", "GSM8K", "HumanEval", "AGIEval")
TITLES = (
    "Table 2: Results on standard benchmarks",
    "Comparison with open-source base models",
    "Main results",
    "Performance of chat models",
    "Evaluation results (higher is better)",
    "Benchmark scores of our models and baselines",
)
CJK_TITLES = ("模型评测结果", "主要基准测试成绩", "与开源模型对比")


@dataclass
class Table:
    """One table as printed: the truth, and how each cell is decorated."""

    columns: list[str]
    settings: list[str]  # per column, "" where the header has no setting
    cells: list[list[str]]  # per row, the cells as printed without decoration
    name_lines: list[list[str]]  # per row, the model name's lines in its cell
    rows: list[dict]
    best: set[tuple[int, int]]  # (row, column) of each benchmark column's best value
    second: set[tuple[int, int]]
    marks: dict[tuple[int, int], str]  # footnote marks after a value or name
    title: str
    cjk: bool
    numeric: list[bool] = field(default_factory=list)  # per column
    decimals: int = 1


def fmt_size(size: float, rng: random.Random) -> str:
    if size < 1 and rng.random() < 0.5:
        return f"{round(size * 1000)}M"
    return f"{size:g}B"


def fmt_tokens(tokens: float, rng: random.Random, bare: bool) -> str:
    if bare:
        return f"{tokens:.1f}"
    if tokens < 1 or rng.random() < 0.35:
        billions = round(tokens * 1000)
        return f"{billions:,}B"
    return f"{tokens:g}T"


def make_name(rng: random.Random, size: float | None, cjk: bool, used: set[str]) -> str:
    for _ in range(50):
        if size is None:
            name = rng.choice(CLOSED)
        else:
            family = rng.choice(CJK_FAMILIES if cjk and rng.random() < 0.5 else FAMILIES)
            name = f"{family}-{size:g}B{rng.choice(SUFFIXES)}"
        if name not in used:
            used.add(name)
            return name
    raise RuntimeError("ran out of distinct model names")


def split_name(name: str) -> list[str]:
    """A long name wrapped in its cell after a hyphen, as narrow columns print it."""
    cut = name.rfind("-", 0, len(name) - 3)
    if cut < 6:
        return [name]
    return [name[: cut + 1], name[cut + 1 :]]


def make_table(rng: random.Random, style: str) -> Table:
    from imgread.units import header_unit, parse_params_b, parse_tokens_t

    cjk = style == "phone_cjk" or (style in ("spreadsheet", "markdown_blog") and rng.random() < 0.3)
    small = style in ("tiny_grid_jpeg", "phone_cjk", "chat_codeblock")
    pool = list(CJK_BENCHMARKS if cjk else BENCHMARKS)
    n_bench = (
        rng.randint(1, 2)
        if style == "tiny_grid_jpeg"
        else rng.randint(2, 3)
        if small
        else rng.randint(2, 6)
    )
    benches = ["MMLU", *rng.sample(pool, n_bench)]
    rng.shuffle(benches)
    if cjk and rng.random() < 0.5:
        benches.append("平均")
    params_header = tokens_header = None
    if rng.random() < 0.75:
        params_header = rng.choice(
            ["参数量", "参数量 Params"] if cjk else ["Params", "Size", "Size (B)", "#Params"]
        )
    if rng.random() < (0.3 if small else 0.5):
        tokens_header = rng.choice(
            ["训练数据", "Tokens"] if cjk else ["Tokens", "Training tokens", "Tokens (T)", "Data"]
        )
    columns = [rng.choice(["模型", "模型 Model"] if cjk else ["Model", "Models", "Model name"])]
    columns += [h for h in (params_header, tokens_header) if h]
    columns += benches
    decimals = 2 if rng.random() < 0.15 else 1
    use_settings = rng.random() < 0.35 and style != "chat_codeblock"
    settings = [""] * len(columns)
    if use_settings:
        for j, name in enumerate(columns):
            if name in BENCHMARKS:
                settings[j] = rng.choice(BENCHMARKS[name][2])
            elif name == "MMLU":
                settings[j] = "5-shot"
    n_rows = rng.randint(3, 5) if small else rng.randint(4, 9)
    used: set[str] = set()
    wrap = rng.random() < 0.5 and style not in ("chat_codeblock",)
    cells, name_lines, rows = [], [], []
    marks: dict[tuple[int, int], str] = {}
    for i in range(n_rows):
        closed = rng.random() < 0.1
        size = None if closed else rng.choice(SIZES)
        name = make_name(rng, size, cjk, used)
        lines = split_name(name) if wrap and len(name) > 14 else [name]
        row = [name]
        params_b = tokens_t = mmlu = None
        for header in columns[1:]:
            if header == params_header:
                text = (
                    "-"
                    if size is None
                    else fmt_size(size, rng)
                    if "(B)" not in header
                    else f"{size:g}"
                )
                params_b = parse_params_b(text, header_unit(header)) if text != "-" else None
                if size is not None:
                    assert params_b is not None and abs(params_b - size) < 1e-9, (text, params_b)
            elif header == tokens_header:
                tokens = rng.choice(TOKENS)
                text = fmt_tokens(tokens, rng, bare="(T)" in header)
                tokens_t = parse_tokens_t(text, header_unit(header))
                assert tokens_t is not None and abs(tokens_t - tokens) < 1e-9, (text, tokens_t)
            else:
                low, high = BENCHMARKS.get(header, (35, 85, ()))[:2]
                missing = rng.random() < 0.08
                text = "-" if missing else f"{rng.uniform(low, high):.{decimals}f}"
                if header == "MMLU" and text != "-":
                    mmlu = float(text)
            row.append(text)
        if rng.random() < 0.12:
            marks[(i, 0)] = rng.choice(["*", "†", "‡"])
        cells.append(row)
        name_lines.append(lines)
        rows.append(
            {"model": name, "cells": row, "params_b": params_b, "tokens_t": tokens_t, "mmlu": mmlu}
        )
    best, second = set(), set()
    numeric = [False] + [True] * (len(columns) - 1)
    for j, header in enumerate(columns):
        if header in (params_header, tokens_header) or j == 0:
            continue
        ranked = sorted(
            (i for i in range(n_rows) if cells[i][j] != "-"), key=lambda i: -float(cells[i][j])
        )
        if ranked:
            best.add((ranked[0], j))
        if len(ranked) > 1:
            second.add((ranked[1], j))
        if ranked and rng.random() < 0.1:
            marks[(rng.choice(ranked), j)] = "*"
    titles = CJK_TITLES if cjk else TITLES
    return Table(
        columns,
        settings,
        cells,
        name_lines,
        rows,
        best,
        second,
        marks,
        rng.choice(titles),
        cjk,
        numeric,
        decimals,
    )


def display(table: Table, i: int, j: int, sep: str = "\n") -> str:
    """The cell's text as printed: the wrapped name, a footnote mark."""
    text = sep.join(table.name_lines[i]) if j == 0 else table.cells[i][j]
    return text + table.marks.get((i, j), "")


# ---------------------------------------------------------------- fonts


@cache
def font_file(pattern: str) -> str:
    return subprocess.run(
        ["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True, check=True
    ).stdout


def font(pattern: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(font_file(pattern), size)


SANS = ("DejaVu Sans", "Liberation Sans", "Open Sans", "Roboto", "FreeSans")
SERIF = ("DejaVu Serif", "Liberation Serif", "FreeSerif")
CSS_SANS = ("'Open Sans'", "Roboto", "'Liberation Sans'", "'DejaVu Sans'", "FreeSans")
CSS_SERIF = ("'Liberation Serif'", "'DejaVu Serif'", "FreeSerif")
CSS_MONO = ("'DejaVu Sans Mono'", "'Liberation Mono'", "FreeMono")
CJK_CSS = "'WenQuanYi Zen Hei'"
CJK_FONT = "WenQuanYi Zen Hei"


# ---------------------------------------------------------------- HTML renderers


def html_table(table: Table, rng: random.Random, *, wrap_tag: str = "<br>") -> str:
    """A plain <table> with classes a page's CSS styles: best values bold, second underlined."""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in table.columns)
    out = [f"<thead><tr>{head}</tr>"]
    if any(table.settings):
        out.append(
            "<tr class='settings'>"
            + "".join(f"<th>{html.escape(s)}</th>" for s in table.settings)
            + "</tr>"
        )
    out.append("</thead><tbody>")
    for i in range(len(table.cells)):
        tds = []
        for j in range(len(table.columns)):
            text = wrap_tag.join(html.escape(x) for x in display(table, i, j).split("\n"))
            if (i, j) in table.best:
                text = f"<b>{text}</b>"
            elif (i, j) in table.second and rng.random() < 0.6:
                text = f"<u>{text}</u>"
            tds.append(f"<td class='{'num' if table.numeric[j] else 'name'}'>{text}</td>")
        out.append("<tr>" + "".join(tds) + "</tr>")
    out.append("</tbody>")
    return "<table>" + "".join(out) + "</table>"


def page(body: str, css: str) -> str:
    # Cells never wrap on their own: a name wraps only where the table breaks it, so that
    # the truth knows every line.
    return (
        "<!doctype html><html><head><meta charset='utf-8'><style>"
        "body{margin:0;background:#fff}th,td{white-space:nowrap}"
        + css
        + "</style></head><body>"
        + body
        + "</body></html>"
    )


def render_styler(table: Table, rng: random.Random, browser: Browser) -> Image.Image:
    import pandas as pd

    data: dict[str, list] = {}
    for j, name in enumerate(table.columns):
        column = [table.cells[i][j] for i in range(len(table.cells))]
        if j == 0:
            data[name] = [display(table, i, 0) for i in range(len(table.cells))]
        elif name == "MMLU" or name in BENCHMARKS or name == "平均":
            data[name] = [float(x) if x != "-" else float("nan") for x in column]
        else:
            data[name] = column
    frame = pd.DataFrame(data)
    if any(table.settings):
        frame.columns = pd.MultiIndex.from_tuples(
            list(zip(table.columns, table.settings, strict=True))
        )
    scores = [c for c in frame.columns if str(frame[c].dtype) == "float64"]
    styler = frame.style.hide(axis="index").format(
        f"{{:.{table.decimals}f}}", subset=scores, na_rep="-"
    )
    cmap = rng.choice(["Greens", "Blues", "YlGn", "RdYlGn", "PuBu", "Oranges"])
    styler = styler.background_gradient(cmap=cmap, subset=scores, axis=rng.choice([0, None]))
    styler = styler.highlight_max(subset=scores, props="font-weight:bold")
    if rng.random() < 0.7:
        styler = styler.set_caption(table.title)
    face = rng.choice(CSS_SANS)
    size = rng.choice([12, 13, 14, 15])
    css = (
        f"#shot{{display:inline-block;padding:12px;font-family:{face},{CJK_CSS};font-size:{size}px}}"
        "table{border-collapse:collapse}"
        "th,td{padding:4px 10px;text-align:right;border-bottom:1px solid #e0e0e0;"
        "white-space:pre}"
        "thead th{border-bottom:1px solid #000;font-weight:bold}"
        "caption{text-align:left;font-weight:bold;padding:4px 0 8px}"
        "tbody tr:nth-child(odd){background:#f5f5f5}"
    )
    return browser.shoot(
        page(f"<div id='shot'>{styler.to_html()}</div>", css), rng.choice([1, 1.5, 2])
    )


def render_spreadsheet(table: Table, rng: random.Random, browser: Browser) -> Image.Image:
    n_cols = len(table.columns) + rng.randint(1, 3)
    n_rows = len(table.cells) + 1 + (1 if any(table.settings) else 0) + rng.randint(2, 5)
    header_fill = rng.choice(["#d9ead3", "#cfe2f3", "#fce5cd", "#ffffff", "#4a86e8", "#f4cccc"])
    header_ink = "#fff" if header_fill == "#4a86e8" else "#000"
    excel = rng.random() < 0.5
    grid_rows = [[html.escape(c) for c in table.columns]]
    if any(table.settings):
        grid_rows.append([html.escape(s) for s in table.settings])
    for i in range(len(table.cells)):
        grid_rows.append([html.escape(display(table, i, j, "")) for j in range(len(table.columns))])
    pick_r, pick_c = rng.randint(1, len(grid_rows) - 1), rng.randint(1, len(table.columns) - 1)
    letters = "ABCDEFGHIJKLMNOP"
    trs = [
        "<tr><th class='corner'></th>"
        + "".join(f"<th class='col'>{letters[c]}</th>" for c in range(n_cols))
        + "</tr>"
    ]
    for r in range(n_rows):
        tds = [f"<th class='rown'>{r + 1}</th>"]
        for c in range(n_cols):
            text = grid_rows[r][c] if r < len(grid_rows) and c < len(table.columns) else ""
            classes = []
            if r < (2 if any(table.settings) else 1) and text:
                classes.append("head")
            if c > 0 and r >= 1:
                classes.append("num")
            if (r, c) == (pick_r, pick_c):
                classes.append("pick")
            if r >= 1 and r - (len(grid_rows) - len(table.cells)) >= 0 and c < len(table.columns):
                i = r - (len(grid_rows) - len(table.cells))
                if (i, c) in table.best and rng.random() < 0.5:
                    text = f"<b>{text}</b>"
            tds.append(f"<td class='{' '.join(classes)}'>{text}</td>")
        trs.append("<tr>" + "".join(tds) + "</tr>")
    picked = grid_rows[pick_r][pick_c]
    ref = f"{letters[pick_c]}{pick_r + 1}"
    face = "'Liberation Sans'" if not excel else rng.choice(["'Open Sans'", "Roboto"])
    css = (
        f"#shot{{display:inline-block;font-family:{face},{CJK_CSS};font-size:13px;background:#fff}}"
        ".bar{background:" + ("#217346" if excel else "#f9fbfd") + ";height:30px}"
        ".fx{display:flex;border-bottom:1px solid #c0c0c0;font-size:13px;padding:3px 6px;gap:14px;"
        "color:#333}.fx .ref{width:60px;border-right:1px solid #c0c0c0}"
        "table{border-collapse:collapse;table-layout:auto}"
        "td,th{border:1px solid #e2e2e3;padding:2px 6px;height:20px;white-space:nowrap;"
        "min-width:70px}"
        "th.col,th.rown,th.corner{background:#f8f9fa;color:#5f6368;font-weight:normal;"
        "text-align:center;font-size:11px;border-color:#c0c0c0;min-width:0}"
        "th.rown{width:34px}td.num{text-align:right}"
        f"td.head{{background:{header_fill};color:{header_ink};font-weight:bold;text-align:center}}"
        "td.pick{outline:2px solid #1a73e8;outline-offset:-2px}"
        ".tabs{background:#f1f3f4;font-size:12px;padding:5px 40px;color:#188038}"
    )
    body = (
        "<div id='shot'><div class='bar'></div>"
        f"<div class='fx'><span class='ref'>{ref}</span><span>fx</span><span>{picked}</span></div>"
        f"<table>{''.join(trs)}</table><div class='tabs'>Sheet1</div></div>"
    )
    return browser.shoot(page(body, css), rng.choice([1, 1.25, 2]))


def markdown_source(table: Table, rng: random.Random) -> str:
    """A GitHub-flavoured Markdown table; wrapped names with an inline <br>."""
    lines = ["| " + " | ".join(table.columns) + " |"]
    lines.append(
        "|" + "|".join(":---" if j == 0 else "---:" for j in range(len(table.columns))) + "|"
    )
    if any(table.settings):
        lines.append("| " + " | ".join(s or " " for s in table.settings) + " |")
    for i in range(len(table.cells)):
        out = []
        for j in range(len(table.columns)):
            text = display(table, i, j, "<br>").replace("*", "\\*")  # a mark, not emphasis
            if (i, j) in table.best:
                text = f"**{text}**"
            out.append(text)
        lines.append("| " + " | ".join(out) + " |")
    return "\n".join(lines)


def render_markdown(table: Table, rng: random.Random, browser: Browser, card: bool) -> Image.Image:
    import markdown

    caption = f"**{table.title}**\n\n" if rng.random() < 0.6 else ""
    source = caption + markdown_source(table, rng)
    if any(table.marks.values()):
        source += "\n\n<small>* reported by the authors; † our evaluation.</small>"
    body_html = markdown.markdown(source, extensions=["tables"])
    face = rng.choice(CSS_SERIF + CSS_SANS) if not card else rng.choice(CSS_SANS)
    size = rng.choice([14, 15, 16, 17])
    if card:
        chrome = (
            "<div class='top'><span class='org'>"
            + rng.choice(["acme-ai", "openlab", "nlp-group", "tiny-llm"])
            + " / </span><b>"
            + html.escape(table.rows[0]["model"])
            + "</b><div class='tags'><span>Text Generation</span><span>Transformers</span>"
            "<span>Safetensors</span><span>License: apache-2.0</span></div></div>"
            "<h2>Evaluation</h2>"
        )
        css = (
            f"#shot{{display:inline-block;padding:20px 28px;font-family:{face},{CJK_CSS};"
            f"font-size:{size}px;color:#1f2937;max-width:1100px}}"
            ".top{border-bottom:1px solid #e5e7eb;padding-bottom:10px;margin-bottom:8px;"
            "font-size:18px}.org{color:#6b7280}.tags span{display:inline-block;font-size:11px;"
            "border:1px solid #e5e7eb;border-radius:6px;padding:1px 6px;margin:6px 4px 0 0;"
            "color:#374151}h2{font-size:20px;margin:12px 0}"
            "table{border-collapse:collapse}th{border-bottom:1px solid #d1d5db;padding:6px 12px}"
            "td{border-bottom:1px solid #f3f4f6;padding:6px 12px;text-align:right}"
            "td:first-child{text-align:left}"
        )
        body = f"<div id='shot'>{chrome}{body_html}</div>"
    else:
        theme = rng.choice(["github", "minimal", "sepia", "dark"])
        colours = {
            "github": ("#fff", "#24292f", "#d0d7de", "#f6f8fa"),
            "minimal": ("#fff", "#222", "#ccc", "#fff"),
            "sepia": ("#fbf6ec", "#3b2f2a", "#c8b9a6", "#f3ead8"),
            "dark": ("#0d1117", "#c9d1d9", "#30363d", "#161b22"),
        }[theme]
        paper, ink, rule, zebra = colours
        css = (
            f"#shot{{display:inline-block;padding:24px 32px;background:{paper};color:{ink};"
            f"font-family:{face},{CJK_CSS};font-size:{size}px;line-height:1.5}}"
            "table{border-collapse:collapse;margin-top:6px}"
            f"th,td{{border:1px solid {rule};padding:5px 13px}}"
            f"tr:nth-child(2n){{background:{zebra}}}"
            "h1{font-size:26px;margin:0 0 10px}"
        )
        heading = rng.choice(["", "<h1>What the numbers say</h1>", "<h1>Benchmarks</h1>"])
        prose = "<p>We evaluate every model with the same harness and prompts.</p>"
        body = f"<div id='shot'>{heading}{prose if rng.random() < 0.5 else ''}{body_html}</div>"
    return browser.shoot(page(body, css), rng.choice([1, 1.5, 2]))


def ascii_table(table: Table) -> str:
    grid = [table.columns] + [
        [display(table, i, j, "") for j in range(len(table.columns))]
        for i in range(len(table.cells))
    ]
    widths = [max(len(r[j]) for r in grid) for j in range(len(table.columns))]

    def line(cells: list[str]) -> str:
        return (
            "| "
            + " | ".join(
                c.ljust(w) if j == 0 else c.rjust(w)
                for j, (c, w) in enumerate(zip(cells, widths, strict=True))
            )
            + " |"
        )

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(grid[0]), rule, *(line(r) for r in grid[1:])])


def render_chat(table: Table, rng: random.Random, browser: Browser) -> Image.Image:
    dark = rng.random() < 0.6
    name = rng.choice(["mlnerd", "quant_queen", "Tomasz", "evalbot", "kai.w"])
    intro = rng.choice(
        [
            "numbers from the new paper, fwiw:",
            "ran the evals last night",
            f"{table.title.lower()}:",
            "ok here's what I got",
        ]
    )
    mono = rng.choice(CSS_MONO)
    bg, ink, code_bg = ("#313338", "#dbdee1", "#2b2d31") if dark else ("#fff", "#1d1c1d", "#f8f8f8")
    css = (
        f"#shot{{display:inline-block;background:{bg};color:{ink};padding:16px 20px;"
        "font-family:'Open Sans',sans-serif;font-size:15px}"
        ".who{display:flex;gap:12px}.avatar{width:40px;height:40px;border-radius:50%;"
        f"background:{rng.choice(['#5865f2', '#e01e5a', '#2eb67d', '#ecb22e'])}}}"
        ".name{font-weight:bold}.time{color:#949ba4;font-size:12px;margin-left:8px}"
        f"pre{{background:{code_bg};border:1px solid {'#1e1f22' if dark else '#ddd'};"
        f"border-radius:4px;padding:8px 10px;font-family:{mono};"
        f"font-size:{rng.choice([12, 13, 14])}px;margin:6px 0 0}}"
    )
    hour = rng.randint(1, 12)
    body = (
        "<div id='shot'><div class='who'><div class='avatar'></div><div>"
        f"<span class='name'>{name}</span><span class='time'>Today at {hour}:{rng.randint(10, 59)} "
        f"{rng.choice(['AM', 'PM'])}</span><div>{html.escape(intro)}</div>"
        f"<pre>{html.escape(ascii_table(table))}</pre></div></div></div>"
    )
    return browser.shoot(page(body, css), rng.choice([1, 1.25, 2]))


def render_phone(table: Table, rng: random.Random, browser: Browser) -> Image.Image:
    width = rng.choice([360, 375, 390, 414])
    header_fill = rng.choice(["#1677ff", "#f5f5f5", "#e8f3ff", "#722ed1", "#fff7e6"])
    header_ink = "#fff" if header_fill in ("#1677ff", "#722ed1") else "#111"
    css = (
        f"#shot{{width:{width}px;min-width:max-content;background:#fff;"
        f"font-family:{CJK_CSS},'Open Sans';font-size:{rng.choice([11, 12, 13])}px}}"
        ".status{display:flex;justify-content:space-between;padding:6px 18px;font-weight:bold;"
        "font-size:14px}.app{padding:10px 14px;font-size:17px;font-weight:bold;"
        "border-bottom:1px solid #eee}.wrap{padding:10px 8px}"
        "table{border-collapse:collapse;width:100%}th,td{padding:6px 5px;"
        "border-bottom:1px solid #eee;text-align:center}"
        f"th{{background:{header_fill};color:{header_ink}}}td.name{{text-align:left}}"
        "p.t{font-weight:bold;margin:4px 0 8px}"
    )
    battery = f"{rng.randint(20, 99)}%"
    body = (
        f"<div id='shot'><div class='status'><span>{rng.randint(8, 23)}:{rng.randint(10, 59)}"
        f"</span><span>5G ▮▮▮ {battery}</span></div>"
        f"<div class='app'>‹ {rng.choice(['榜单', '评测', 'Leaderboard'])}</div>"
        f"<div class='wrap'><p class='t'>{html.escape(table.title)}</p>{html_table(table, rng)}"
        "</div></div>"
    )
    return browser.shoot(page(body, css), rng.choice([2, 3]))


def render_slide(table: Table, rng: random.Random, browser: Browser) -> Image.Image:
    bar = rng.choice(["#0b3d91", "#c8102e", "#00695c", "#37474f", "#6a1b9a"])
    face = rng.choice(CSS_SANS)
    head_fill = rng.choice([bar, "#e0e0e0", "#ffd54f"])
    head_ink = "#fff" if head_fill == bar else "#111"
    css = (
        f"#shot{{width:1280px;height:720px;background:#fff;font-family:{face},{CJK_CSS};"
        "position:relative}"
        f".bar{{background:{bar};color:#fff;font-size:34px;font-weight:bold;padding:22px 40px}}"
        f".body{{padding:30px 40px;font-size:{rng.choice([20, 22, 24])}px}}"
        "table{border-collapse:collapse;margin:0 auto}"
        f"th{{background:{head_fill};color:{head_ink};padding:8px 18px}}"
        "td{padding:7px 18px;text-align:center;border-bottom:1px solid #ccc}"
        "tr:nth-child(2n) td{background:#f2f2f2}"
        ".foot{position:absolute;bottom:14px;left:40px;right:40px;font-size:14px;color:#888;"
        "display:flex;justify-content:space-between}"
    )
    body = (
        f"<div id='shot'><div class='bar'>{html.escape(table.title)}</div>"
        f"<div class='body'>{html_table(table, rng)}</div>"
        f"<div class='foot'><span>Confidential</span><span>{rng.randint(3, 40)}</span></div></div>"
    )
    return browser.shoot(page(body, css), rng.choice([1, 1.25]))


# ---------------------------------------------------------------- matplotlib


def render_mpl(table: Table, rng: random.Random) -> Image.Image:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    family = rng.choice(
        ["DejaVu Sans", "Liberation Sans", "Liberation Serif", "FreeSans", "Roboto", "Open Sans"]
    )
    header = [
        c + (f"\n({s})" if s else "") for c, s in zip(table.columns, table.settings, strict=True)
    ]
    body = [
        [display(table, i, j) for j in range(len(table.columns))] for i in range(len(table.cells))
    ]
    with matplotlib.rc_context({"font.family": [family, CJK_FONT]}):
        fig, ax = plt.subplots(figsize=(1.3 * len(header) + 1.2, 0.45 * len(body) + 1.4))
        ax.axis("off")
        drawn = ax.table(
            cellText=body, colLabels=header, loc="center", cellLoc=rng.choice(["center", "right"])
        )
        drawn.auto_set_font_size(False)
        drawn.set_fontsize(rng.choice([9, 10, 11]))
        drawn.auto_set_column_width(list(range(len(header))))
        fill = rng.choice(["#40466e", "#dddddd", "#8fbc8f", "#f4a460", "#4682b4"])
        edge = rng.choice(["black", "#bbbbbb", "white"])
        base = 0.075
        two_line_head = any(table.settings)
        for (r, c), cell in drawn.get_celld().items():
            cell.set_edgecolor(edge)
            lines = (
                2
                if (r == 0 and two_line_head) or (r > 0 and len(table.name_lines[r - 1]) > 1)
                else 1
            )
            cell.set_height(base * lines)
            if r == 0:
                cell.set_facecolor(fill)
                cell.get_text().set_color("white" if fill in ("#40466e", "#4682b4") else "black")
                cell.get_text().set_fontweight("bold")
            elif (r - 1, c) in table.best:
                cell.get_text().set_fontweight("bold")
            elif r % 2 == 0 and edge == "white":
                cell.set_facecolor("#eeeeee")
            if c == 0 and r > 0:
                cell.get_text().set_horizontalalignment("left")
                cell.PAD = 0.04
        if rng.random() < 0.7:
            ax.set_title(table.title, fontsize=12, fontweight="bold")
        buffer = io.BytesIO()
        fig.savefig(buffer, dpi=rng.choice([100, 130, 160]), bbox_inches="tight", pad_inches=0.15)
        plt.close(fig)
    return Image.open(buffer).convert("RGB")


# ---------------------------------------------------------------- PIL


def text_width(draw: ImageDraw.ImageDraw, text: str, face: ImageFont.FreeTypeFont) -> float:
    return draw.textlength(text, font=face)


def render_paper(table: Table, rng: random.Random) -> Image.Image:
    """An arXiv-style table: caption above, booktabs rules, bold best, underlined second."""
    family = rng.choice(SERIF)
    size = rng.choice([14, 16, 18, 20])
    regular, bold = font(family, size), font(f"{family}:bold", size)
    small = font(family, max(10, size - 4))
    scratch = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    pad, line_h = size, int(size * 1.45)
    texts = [
        [display(table, i, j) for j in range(len(table.columns))] for i in range(len(table.cells))
    ]
    widths = []
    for j, name in enumerate(table.columns):
        items = [name, table.settings[j]] + [x for r in texts for x in r[j].split("\n")]
        widths.append(max(text_width(scratch, x, bold) for x in items) + 2 * pad)
    caption_lines = [f"{table.title}."] if rng.random() < 0.8 else []
    width = int(sum(widths)) + 40
    head_lines = 2 if any(table.settings) else 1
    body_lines = sum(len(r[0].split("\n")) for r in texts)
    height = 40 + len(caption_lines) * line_h + (head_lines + body_lines) * line_h + 30
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    y = 20
    for cap in caption_lines:
        draw.text((20, y), cap, font=regular, fill="black")
        y += line_h + 4
    draw.line([(20, y), (width - 20, y)], fill="black", width=2)
    y += 4

    def put(text: str, j: int, y: float, face: ImageFont.FreeTypeFont, underline: bool) -> None:
        left = 20 + sum(widths[:j])
        w = text_width(draw, text, face)
        x = left + pad if j == 0 else left + (widths[j] - w) / 2
        draw.text((x, y), text, font=face, fill="black")
        if underline:
            draw.line([(x, y + size * 1.12), (x + w, y + size * 1.12)], fill="black", width=1)

    for j, name in enumerate(table.columns):
        put(name, j, y, bold if rng.random() < 0.3 else regular, False)
    y += line_h
    if any(table.settings):
        for j, s in enumerate(table.settings):
            put(s, j, y, small, False)
        y += line_h
    draw.line([(20, y), (width - 20, y)], fill="black", width=1)
    y += 4
    for i, row in enumerate(texts):
        lines = 1
        for j, text in enumerate(row):
            parts = text.split("\n")
            lines = max(lines, len(parts))
            face = bold if (i, j) in table.best else regular
            for k, part in enumerate(parts):
                put(part, j, y + k * line_h, face, (i, j) in table.second)
        y += lines * line_h
    draw.line([(20, y + 2), (width - 20, y + 2)], fill="black", width=2)
    return image.crop((0, 0, width, y + 20))


def render_tiny_grid(table: Table, rng: random.Random) -> Image.Image:
    """Every cell boxed, a coloured header, small: the screenshot of a screenshot."""
    family = rng.choice(SANS)
    size = rng.choice([11, 12, 13])
    regular, bold = font(family, size), font(f"{family}:bold", size)
    scratch = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    texts = [
        [display(table, i, j) for j in range(len(table.columns))] for i in range(len(table.cells))
    ]
    head = [
        c + (f" ({s})" if s else "") for c, s in zip(table.columns, table.settings, strict=True)
    ]
    pad = 6
    widths = [
        max(
            text_width(scratch, x, bold)
            for x in [head[j]] + [p for r in texts for p in r[j].split("\n")]
        )
        + 2 * pad
        for j in range(len(head))
    ]
    line_h = int(size * 1.5)
    heights = [line_h] + [line_h * len(r[0].split("\n")) for r in texts]
    title_h = line_h + 4 if rng.random() < 0.5 else 0
    width, height = int(sum(widths)) + 11, sum(heights) + title_h + 11
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    if title_h:
        draw.text((5, 3), table.title, font=bold, fill="black")
    fill = rng.choice(["#4472c4", "#70ad47", "#ffc000", "#d9d9d9", "#c00000"])
    ink = "black" if fill in ("#ffc000", "#d9d9d9") else "white"
    rule = rng.choice(["black", "#808080", "#404040"])
    y: float = 5 + title_h
    for r, h in enumerate(heights):
        x: float = 5
        for j, w in enumerate(widths):
            box = [x, y, x + w, y + h]
            draw.rectangle(box, fill=fill if r == 0 else None, outline=rule, width=1)
            text = head[j] if r == 0 else texts[r - 1][j]
            face = bold if r == 0 or (r - 1, j) in table.best else regular
            for k, part in enumerate(text.split("\n")):
                tw = text_width(draw, part, face)
                tx = x + pad if j == 0 else x + (w - tw) / 2
                draw.text(
                    (tx, y + 3 + k * line_h), part, font=face, fill=ink if r == 0 else "black"
                )
            x += w
        y += h
    return image


# ---------------------------------------------------------------- the set


def degrade(image: Image.Image, rng: random.Random, style: str) -> tuple[Image.Image, bool, int]:
    """Resizing, a little blur and JPEG as images travel; returns (image, as JPEG, quality)."""
    if style == "tiny_grid_jpeg":
        # 250 to 400 px wide, but never shrunk past what a person could still read
        factor = max(rng.randint(250, 400) / image.width, 0.7)
        if factor < 1:
            image = image.resize(
                (round(image.width * factor), round(image.height * factor)),
                Image.Resampling.LANCZOS,
            )
        return image, True, rng.randint(50, 80)
    if image.width > 1600:
        image = image.resize(
            (1600, round(image.height * 1600 / image.width)), Image.Resampling.LANCZOS
        )
    if rng.random() < 0.35:
        factor = rng.uniform(0.7, 0.95)
        image = image.resize(
            (round(image.width * factor), round(image.height * factor)),
            rng.choice(
                [Image.Resampling.BILINEAR, Image.Resampling.BICUBIC, Image.Resampling.LANCZOS]
            ),
        )
    if rng.random() < 0.15:
        image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.7)))
    jpeg = style in ("phone_cjk", "chat_codeblock") or rng.random() < 0.35
    return image, jpeg, rng.randint(60, 92)


def generate(out: Path, count: int, seed: int) -> dict:
    """``count`` images in ``out`` and their truth, the same for the same seed."""
    out.mkdir(parents=True, exist_ok=True)
    browser = Browser((1600, 1200))
    truth = {}
    try:
        for n in range(count):
            style = STYLES[n % len(STYLES)]
            rng = random.Random(f"{seed}:{n}")
            table = make_table(rng, style)
            if style == "mpl_table":
                image = render_mpl(table, rng)
            elif style == "pandas_styler":
                image = render_styler(table, rng, browser)
            elif style == "spreadsheet":
                image = render_spreadsheet(table, rng, browser)
            elif style == "markdown_blog":
                image = render_markdown(table, rng, browser, card=False)
            elif style == "hf_card":
                image = render_markdown(table, rng, browser, card=True)
            elif style == "chat_codeblock":
                image = render_chat(table, rng, browser)
            elif style == "paper_pil":
                image = render_paper(table, rng)
            elif style == "tiny_grid_jpeg":
                image = render_tiny_grid(table, rng)
            elif style == "phone_cjk":
                image = render_phone(table, rng, browser)
            else:
                image = render_slide(table, rng, browser)
            image, jpeg, quality = degrade(image, rng, style)
            name = f"fresh_{n:03d}_{style}.{'jpg' if jpeg else 'png'}"
            if jpeg:
                image.save(out / name, quality=quality)
            else:
                image.save(out / name)
            truth[name] = {"columns": table.columns, "rows": table.rows, "style": style}
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False))
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7000)
    args = parser.parse_args()
    truth = generate(args.out, args.count, args.seed)
    print(f"{len(truth)} images and truth.json in {args.out}")


if __name__ == "__main__":
    main()
