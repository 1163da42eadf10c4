"""Held-out TEST tables: benchmark-table screenshots drawn by other renderers and rules.

This is the held-out test set of ``benchmarks/tables.py``. ``synth_tables.py`` is the
tuning set (PIL drawing, published figures); this module shares no code, names, numbers
or drawing with it. Tables are HTML/CSS pages screenshotted by headless Chromium
(through Playwright, Debian's /usr/bin/chromium) and matplotlib tables. Score readers on
it; never tune a reader on its images.

Styles (``truth[file]["style"]``): ``jupyter`` (a pandas frame as Jupyter shows it:
right-aligned, striped, a 0-based index or the model as index), ``github`` (a rendered
markdown table), ``sheet`` (a spreadsheet grid, every cell boxed, sometimes with row
numbers and column letters, shrunk to 250-400 px wide and saved as JPEG), ``dark``,
``band`` (coloured header band), ``meme`` (Impact-like or caption-bar text above and/or
below a table), ``cjk`` (Chinese labels: needs a CJK font, e.g. Debian fonts-wqy-zenhei),
``booktabs`` (matplotlib, three horizontal rules) and ``mplgrid`` (matplotlib's default
boxed table, sometimes with the models as row labels).

Difficulties, each in a share of the images: a title line just above the header, model
names wrapped onto two lines in a narrow first column, unit suffixes inside value cells
("7.6B", "1,500B", "0.3T"), a settings row ("5-shot"), missing values, bold best values,
a coloured header band, several fonts and sizes, device scale factors, rescaling and
JPEG quality. Model names and figures are invented (generated per seed).

    python benchmarks/unseen_tables.py OUT_DIR [--count N] [--seed S]

writes OUT_DIR/NNN.png|jpg and OUT_DIR/truth.json: {file: {columns, settings, rows,
style}}; each row is {model, params_b (B), tokens_t (T), mmlu, cells (printed text per
column)}. ``params_b`` is the size the name states when the table has no size column.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import math
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from browser import Browser
from PIL import Image

STYLES = ["jupyter", "github", "sheet", "dark", "band", "meme", "cjk", "booktabs", "mplgrid"]
MPL_STYLES = {"booktabs", "mplgrid"}

# --- content -------------------------------------------------------------------------------

FAMILIES = [
    "Kestrel", "Corvid", "Nimbus", "Heron", "Quokka", "Lumen", "Tessera", "Marlin", "Orison",
    "Vantage", "Sable", "Juniper", "Halcyon", "Pika", "Auklet", "Basalt", "Cinder", "Dorado",
    "Ember", "Fjord", "Granite", "Ibis", "Kairo", "Meridian", "Nautilus", "Osprey", "Petrel",
]  # fmt: skip
ORGS = ["northwind", "lumen-ai", "kestrel-labs", "openhaven", "bluepeak", "tidepool-ml", "zeno"]
SIZES = [0.35, 0.5, 1.1, 1.8, 2.7, 3, 6, 7, 7.6, 8, 9, 12, 13, 14, 20, 22, 30, 34, 40, 52, 65,
         70, 72, 104, 120, 175, 236, 314]  # fmt: skip
TOKENS = [0.3, 0.5, 1.0, 1.2, 1.5, 2.0, 2.6, 3.2, 4.8, 6.0, 7.0, 9.0, 12.0, 18.0]
EXTRA_BENCHES = {  # name: (setting, low, high)
    "ARC-C": ("25-shot", 35, 92),
    "TruthfulQA": ("0-shot", 30, 65),
    "Winogrande": ("5-shot", 55, 88),
    "HumanEval": ("pass@1", 5, 80),
    "MATH": ("4-shot", 2, 55),
    "BBH": ("3-shot", 25, 80),
    "DROP": ("3-shot", 20, 80),
    "PIQA": ("0-shot", 65, 85),
    "AGIEval": ("0-shot", 20, 60),
    "BoolQ": ("0-shot", 60, 90),
}
CJK_BENCHES = {
    "C-Eval": ("5-shot", 30, 85),
    "CMMLU": ("5-shot", 30, 85),
    "GAOKAO": ("0-shot", 25, 75),
}
MMLU_HEADERS = ["MMLU", "MMLU", "MMLU", "MMLU ↑", "mmlu", "MMLU (acc)"]
PARAMS_SUFFIX_HEADERS = ["Params", "Parameters", "Size", "Model size", "#Params", "# Params"]
PARAMS_UNIT_HEADERS = ["Size (B)", "Params (B)", "#Params (B)", "Parameters (B)"]
TOKENS_SUFFIX_HEADERS = ["Tokens", "Train tokens", "Training data", "Pretraining tokens"]
TOKENS_T_HEADERS = ["Tokens (T)", "Training tokens (T)", "Data (T)"]
TOKENS_B_HEADERS = ["Tokens (B)", "Training tokens (B)"]
CJK_MODEL = ["模型", "模型名称", "Model 模型"]
CJK_PARAMS = ["参数量", "参数量 (B)", "Params 参数", "模型大小"]
CJK_TOKENS = ["训练数据", "训练 Tokens", "Tokens (T)"]
CJK_TITLES = ["表 2：基座模型评测结果", "各模型在 MMLU 上的表现", "开源模型对比（5-shot）"]
MODEL_HEADERS = ["Model", "Model", "Models", "Name", "model", "LLM", "Checkpoint"]
TITLES = [
    "MMLU vs. model scale",
    "Table 3: Base model comparison",
    "Results on standard benchmarks",
    "Open models, 5-shot MMLU",
    "Benchmark summary (higher is better)",
    "Table 1. Evaluation of pretrained checkpoints",
]
MEME_LINES = [
    ("POV: YOU TRUSTED THE LEADERBOARD", "AND NOT THE EVALS"),
    ("NEW SOTA JUST DROPPED", "(ON ONE BENCHMARK)"),
    ("THEY HAD US IN THE FIRST HALF", "NOT GONNA LIE"),
    ("BENCHMARKS BE LIKE", None),
    (None, "ME EXPLAINING WHY OURS IS BETTER"),
    ("SCALING LAWS?", "NEVER HEARD OF THEM"),
]
# Heavy condensed white capitals with a dark outline, as meme generators draw Impact.
IMPACT = "text-transform: uppercase; -webkit-text-stroke: 2px #fff; text-shadow: 2px 2px 0 #444;"
MISSING_MARKS = ["-", "—", "n/a", "–"]

# CSS font stacks; all resolve through fontconfig to installed fonts.
SANS = ["Liberation Sans", "DejaVu Sans", "Open Sans", "Roboto", "FreeSans"]
SERIF = ["Liberation Serif", "DejaVu Serif", "FreeSerif"]
MONO = ["DejaVu Sans Mono", "Liberation Mono", "FreeMono"]
CONDENSED = ["Roboto Condensed", "Liberation Sans Narrow", "Open Sans Condensed", "DejaVu Sans"]


@dataclass
class Column:
    header: str
    kind: str  # model, params, tokens, mmlu, bench
    setting: str | None = None
    fmt: str = ""  # how params/tokens cells print their unit
    low: float = 0.0
    high: float = 100.0


@dataclass
class Table:
    """One image's content (the truth) and the presentation choices made for it."""

    style: str
    columns: list[Column]
    rows: list[dict[str, Any]]
    shown_names: list[str]  # model names as drawn: "\n" where a long name wraps
    bold: list[list[bool]]
    title: str | None = None
    settings_row: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def truth(self) -> dict[str, Any]:
        return {
            "columns": [c.header for c in self.columns],
            "settings": [c.setting for c in self.columns] if self.settings_row else None,
            "rows": self.rows,
            "style": self.style,
            "title": self.title,
        }


def _num(value: float) -> str:
    return f"{value:g}"


def _size_text(size: float) -> str:
    return f"{size * 1000:.0f}M" if size < 1 else f"{_num(size)}B"


def _model_name(rng: random.Random, size: float, with_size: bool, long: bool) -> str:
    family = rng.choice(FAMILIES)
    tag = _size_text(size)
    if not with_size:
        return f"{family}-{rng.choice(['Pro', 'Large', 'Turbo', 'Ultra', 'Base'])}"
    if long:
        pattern = rng.randrange(4)
        if pattern == 0:
            quant = rng.choice(["8bits(GPTQ)", "4bits(AWQ)", "int4-GGUF"])
            return f"{family}-{tag}-Chat-{quant}"
        if pattern == 1:
            month = rng.randint(2301, 2412)
            return f"{rng.choice(ORGS)}/{family.lower()}-{tag.lower()}-instruct-{month}"
        if pattern == 2:
            return f"{family}-{tag}-Instruct-v0.{rng.randint(1, 9)}-preview"
        return f"{family}{rng.randint(2, 4)}-{tag}-Longcontext-Chat"
    pattern = rng.randrange(6)
    if pattern == 0:
        return f"{rng.choice(ORGS)}/{family.lower()}-{tag.lower()}"
    if pattern == 1:
        return f"{family} v{rng.randint(2, 5)} ({tag})"
    if pattern == 2:
        return f"{family}-Instruct-{tag}"
    if pattern == 3:
        return f"{family}{rng.randint(2, 4)}-{tag}"
    if pattern == 4:
        return f"{family} {tag} Base"
    return f"{family}-{tag}-v0.{rng.randint(1, 9)}"


def _wrap(name: str) -> str:
    """The name on two lines, broken after the hyphen or slash nearest its middle."""
    cuts = [i + 1 for i, ch in enumerate(name[:-1]) if ch in "-/"]
    if not cuts:
        return name
    cut = min(cuts, key=lambda i: abs(i - len(name) / 2))
    return name[:cut] + "\n" + name[cut:]


def _score(rng: random.Random, size: float, low: float, high: float) -> float:
    """Plausible: grows with log size, with noise, within [low, high]."""
    reach = min(1.0, math.log10(size * 10 + 1) / 3.6)
    value = low + (high - low) * reach + rng.gauss(0, (high - low) * 0.06)
    return round(min(high - 0.3, max(low + 0.3, value)), 1)


def _params_cell(size: float, fmt: str) -> str:
    if fmt == "suffix":
        return _size_text(size)
    if fmt == "bare":
        return _num(size)
    return f"{size * 1000:,.0f}"  # "M": header says millions


def _tokens_cell(tokens: float, fmt: str, rng: random.Random) -> str:
    if fmt == "T":
        return f"{_num(tokens)}T"
    if fmt == "mixed":
        return rng.choice([f"{_num(tokens)}T", f"{tokens * 1000:,.0f}B"])
    if fmt == "bareT":
        return f"{tokens:.1f}"
    return f"{tokens * 1000:,.0f}"  # "bareB"


def _key(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


def make_table(rng: random.Random, style: str) -> Table:
    cjk = style == "cjk"
    small = style == "sheet"
    n_rows = rng.randint(3, 6) if small else rng.randint(3, 8)
    wrap = style not in ("sheet",) and rng.random() < 0.3
    has_params = rng.random() < 0.55
    has_tokens = rng.random() < (0.6 if has_params else 0.25)
    columns = [Column(rng.choice(CJK_MODEL if cjk else MODEL_HEADERS), "model")]
    if has_params:
        fmt = rng.choice(["suffix", "suffix", "unit-suffix", "bare", "M"])
        if cjk:
            header = rng.choice(CJK_PARAMS)
            fmt = "bare" if "(B)" in header else "suffix"
        elif fmt == "suffix":
            header = rng.choice(PARAMS_SUFFIX_HEADERS)
        elif fmt == "M":
            header = rng.choice(["Params (M)", "#Params (M)"])
        else:
            header = rng.choice(PARAMS_UNIT_HEADERS)
        columns.append(Column(header, "params", fmt="suffix" if fmt == "unit-suffix" else fmt))
    if has_tokens:
        fmt = rng.choice(["T", "mixed", "mixed", "bareT", "bareB"])
        if cjk:
            header = rng.choice(CJK_TOKENS)
            fmt = "bareT" if "(T)" in header else "mixed"
        else:
            header = rng.choice(
                {
                    "T": TOKENS_SUFFIX_HEADERS,
                    "mixed": TOKENS_SUFFIX_HEADERS,
                    "bareT": TOKENS_T_HEADERS,
                    "bareB": TOKENS_B_HEADERS,
                }[fmt]
            )
        columns.append(Column(header, "tokens", fmt=fmt))
    pool = dict(CJK_BENCHES) if cjk else dict(EXTRA_BENCHES)
    room = 3 - len(columns) + 1 if small else 5 - len(columns) + 1
    n_extra = rng.randint(0, max(0, min(3, room)))
    benches = [Column(rng.choice(MMLU_HEADERS), "mmlu", "5-shot", low=24, high=86)]
    for name in rng.sample(sorted(pool), n_extra):
        setting, low, high = pool[name]
        shown = f"{name} (中文)" if cjk and rng.random() < 0.4 else name
        benches.append(Column(shown, "bench", setting, low=low, high=high))
    if len(benches) > 1 and rng.random() < 0.35:
        rng.shuffle(benches)
    columns += benches

    rows: list[dict[str, Any]] = []
    shown_names: list[str] = []
    seen: set[str] = set()
    n_long = rng.randint(2, min(4, n_rows)) if wrap else 0
    while len(rows) < n_rows:
        size = rng.choice(SIZES)
        long = len(rows) < n_long
        with_size = has_params or long or rng.random() < 0.85
        name = _model_name(rng, size, with_size, long and not small)
        if _key(name) in seen or (small and len(name) > 16):
            continue
        seen.add(_key(name))
        tokens = rng.choice(TOKENS)
        cells = [name]
        values: dict[str, float | None] = {"params": size, "tokens": tokens}
        for column in columns[1:]:
            if column.kind == "params":
                cells.append(_params_cell(size, column.fmt))
            elif column.kind == "tokens":
                cells.append(_tokens_cell(tokens, column.fmt, rng))
            else:
                value = _score(rng, size, column.low, column.high)
                values.setdefault(column.kind, value)
                cells.append(f"{value:.1f}")
        rows.append(
            {
                "model": name,
                "params_b": size if (has_params or with_size) else None,
                "tokens_t": tokens if has_tokens else None,
                "mmlu": values["mmlu"],
                "cells": cells,
            }
        )
        shown_names.append(_wrap(name) if long else name)
    order = list(range(n_rows))
    rng.shuffle(order)  # long names not always on top
    rows = [rows[i] for i in order]
    shown_names = [shown_names[i] for i in order]

    # Two decimals or a percent sign in the MMLU column of some tables.
    mmlu_col = next(c for c, col in enumerate(columns) if col.kind == "mmlu")
    decoration = rng.choices(["", "2dp", "%"], weights=[7, 2, 1])[0]
    for row in rows:
        if decoration == "2dp":
            value = round(row["mmlu"] + rng.choice([-0.04, -0.02, 0.01, 0.03]), 2)
            row["mmlu"] = value
            row["cells"][mmlu_col] = f"{value:.2f}"
        elif decoration == "%":
            row["cells"][mmlu_col] += "%"

    # Missing values.
    if rng.random() < 0.4:
        mark = rng.choice(MISSING_MARKS)
        for _ in range(rng.randint(1, 3)):
            r, c = rng.randrange(n_rows), rng.randrange(1, len(columns))
            rows[r]["cells"][c] = mark
            kind = columns[c].kind
            if kind == "params":
                rows[r]["params_b"] = None
            elif kind == "tokens":
                rows[r]["tokens_t"] = None
            elif kind == "mmlu":
                rows[r]["mmlu"] = None

    bold = [[False] * len(columns) for _ in rows]
    if rng.random() < 0.4:
        for c, column in enumerate(columns):
            if column.kind not in ("mmlu", "bench"):
                continue
            numbers = {r: _value(row["cells"][c]) for r, row in enumerate(rows)}
            best = max((v for v in numbers.values() if v is not None), default=None)
            for r, v in numbers.items():
                bold[r][c] = v is not None and v == best
    title = None
    if rng.random() < 0.3:
        title = rng.choice(CJK_TITLES if cjk else TITLES)
    settings_row = rng.random() < 0.35
    if not settings_row:
        for column in columns:
            column.setting = None
    else:
        for column in columns:
            if column.kind in ("model", "params", "tokens"):
                column.setting = None
    return Table(style, columns, rows, shown_names, bold, title, settings_row)


def _value(text: str) -> float | None:
    try:
        return float(text.rstrip("%").replace(",", ""))
    except ValueError:
        return None


# --- HTML ----------------------------------------------------------------------------------


def _esc(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _cell(tag: str, text: str, bold: bool = False, cls: str = "") -> str:
    body = _esc(text)
    if bold:
        body = f"<b>{body}</b>"
    attr = f' class="{cls}"' if cls else ""
    return f"<{tag}{attr}>{body}</{tag}>"


def _body_rows(t: Table, lead: list[str] | None = None, name_tag: str = "td") -> list[str]:
    out = []
    for r, row in enumerate(t.rows):
        cells = [lead[r]] if lead is not None else []
        cells.append(_cell(name_tag, t.shown_names[r], cls="name"))
        for c in range(1, len(t.columns)):
            text = row["cells"][c]
            cells.append(_cell("td", text, t.bold[r][c], "num"))
        out.append("<tr>" + "".join(cells) + "</tr>")
    return out


def _settings_cells(t: Table, tag: str) -> list[str]:
    return [_cell(tag, c.setting or "", cls="num set") for c in t.columns[1:]]


def html_table(t: Table, rng: random.Random) -> tuple[str, str]:
    """The page's <table> and the style's CSS."""
    style = t.style
    headers = [c.header for c in t.columns]
    if style == "jupyter":
        as_index = rng.random() < 0.5
        css = """
        table { border: none; border-collapse: collapse; border-spacing: 0; }
        thead { border-bottom: 1px solid black; vertical-align: bottom; }
        td, th { text-align: right; vertical-align: middle; padding: 0.5em 0.5em;
                 line-height: normal; white-space: nowrap; border: none; }
        th { font-weight: bold; }
        tbody tr:nth-child(odd) { background: #f5f5f5; }
        """
        head = [
            "<tr><th></th>" + "".join(_cell("th", h) for h in headers[0 if not as_index else 1 :])
        ]
        head[0] += "</tr>"
        if t.settings_row:
            blank = "" if as_index else "<th></th>"
            head.append("<tr><th></th>" + blank + "".join(_settings_cells(t, "th")) + "</tr>")
        if as_index:
            head.append(
                f"<tr><th>{_esc(headers[0])}</th>" + "<th></th>" * (len(headers) - 1) + "</tr>"
            )
            body = _body_rows(t, name_tag="th")
        else:
            body = _body_rows(t, lead=[f"<th>{i}</th>" for i in range(len(t.rows))])
        return _table(head, body, 'class="dataframe"'), css
    if style in ("github", "cjk", "dark", "band", "meme"):
        two_line = t.settings_row and style == "github" and rng.random() < 0.5
        if two_line:
            heads = [
                h if not c.setting else f"{h}\n{c.setting}"
                for h, c in zip(headers, t.columns, strict=True)
            ]
        else:
            heads = headers
        align = rng.choice(["left", "center", "right"])
        head = ["<tr>" + "".join(_cell("th", h) for h in heads) + "</tr>"]
        body = _body_rows(t)
        if t.settings_row and not two_line:
            row = "<tr>" + _cell("td", "", cls="name") + "".join(_settings_cells(t, "td")) + "</tr>"
            if rng.random() < 0.5 or style != "github":
                head.append(row.replace("<td", "<th").replace("</td>", "</th>"))
            else:
                body.insert(0, row)
        css = f"""
        table {{ border-spacing: 0; border-collapse: collapse; }}
        th, td {{ padding: 6px 13px; border: 1px solid #d0d7de; white-space: nowrap; }}
        th {{ font-weight: 600; text-align: {rng.choice(["left", "center"])}; }}
        td.num {{ text-align: {align}; }}
        td.name, th.name {{ text-align: left; }}
        tbody tr:nth-child(2n) {{ background-color: #f6f8fa; }}
        th.set {{ font-weight: normal; font-style: {rng.choice(["normal", "italic"])}; }}
        """
        if style == "dark":
            edge = rng.choice(["#30363d", "#3c3c3c", "#444c56"])
            css += f"""
            th, td {{ border: 1px solid {edge}; }}
            thead {{ background: {rng.choice(["#161b22", "#252526", "#21262d"])}; }}
            tbody tr:nth-child(2n) {{ background-color: {rng.choice(["#161b22", "#1c2128"])}; }}
            """
            if rng.random() < 0.4:
                css += "th, td { border-left: none; border-right: none; }"
        if style == "band" or t.extra.get("band"):
            colour = rng.choice(["#4472c4", "#2e7d32", "#6a1b9a", "#c62828", "#ef6c00", "#00695c"])
            ink = rng.choice(["#ffffff", "#ffffff", "#fff59d"])
            tint = rng.choice(["#eef3fb", "#f1f8e9", "#f3e5f5", "#fff8e1", "#ffffff"])
            css += f"""
            thead tr:first-child th {{ background: {colour}; color: {ink};
                                       border-color: {colour}; }}
            tbody tr:nth-child(2n) {{ background-color: {tint}; }}
            """
            if rng.random() < 0.5:
                css += "th, td { border-left: none; border-right: none; }"
        return _table(head, body), css
    if style == "sheet":
        gutters = rng.random() < 0.35
        fill = rng.choice(["#ffffff", "#f2f2f2", "#d9e1f2", "#e2efda"])
        css = f"""
        table {{ border-collapse: collapse; }}
        td, th {{ border: 1px solid #c8c8c8; padding: 1px 5px; white-space: nowrap;
                  font-weight: normal; text-align: left; min-width: 48px; }}
        td.num {{ text-align: right; }}
        th.hdr {{ background: {fill}; font-weight: {rng.choice(["bold", "normal"])}; }}
        th.gut {{ background: #ececec; color: #555; text-align: center; min-width: 22px; }}
        """
        letters = "ABCDEFGHIJ"
        head = []
        if gutters:
            head.append(
                "<tr><th class='gut'></th>"
                + "".join(f"<th class='gut'>{letters[i]}</th>" for i in range(len(headers)))
                + "</tr>"
            )
        first = "<th class='gut'>1</th>" if gutters else ""
        head.append("<tr>" + first + "".join(_cell("th", h, cls="hdr") for h in headers) + "</tr>")
        n = 2
        if t.settings_row:
            lead = f"<th class='gut'>{n}</th>" if gutters else ""
            head.append("<tr>" + lead + "<td></td>" + "".join(_settings_cells(t, "td")) + "</tr>")
            n += 1
        lead_cells = [f"<th class='gut'>{n + i}</th>" for i in range(len(t.rows))]
        body = _body_rows(t, lead=lead_cells if gutters else None)
        return _table(head, body), css
    raise ValueError(style)


def _table(head: list[str], body: list[str], attr: str = "") -> str:
    return f"<table {attr}><thead>{''.join(head)}</thead><tbody>{''.join(body)}</tbody></table>"


def html_page(t: Table, rng: random.Random) -> tuple[str, float]:
    """A whole page, and the device scale factor to shoot it at."""
    style = t.style
    if style == "jupyter":
        font, size = rng.choice([*SANS, "Helvetica"]), rng.choice([12, 12, 13, 14])
    elif style == "sheet":
        font, size = rng.choice(["Liberation Sans", "Open Sans", "Roboto", "DejaVu Sans"]), 15
    elif style == "dark":
        font, size = rng.choice(SANS + MONO), rng.choice([12, 13, 14, 15, 16])
    elif style == "cjk":
        font, size = rng.choice(["WenQuanYi Zen Hei", "Liberation Sans", "DejaVu Sans"]), 15
    else:
        font, size = rng.choice(SANS + SERIF), rng.choice([11, 12, 13, 14, 15, 16, 18, 20])
    if style in ("github", "meme", "cjk") and rng.random() < 0.25:
        t.extra["band"] = True
    table, css = html_table(t, rng)
    bg, ink = "#ffffff", rng.choice(["#1f2328", "#000000", "#333333"])
    if style == "dark":
        bg = rng.choice(["#0d1117", "#1e1e1e", "#22272e", "#282c34"])
        ink = rng.choice(["#c9d1d9", "#d4d4d4", "#e6edf3", "#adbac7"])
    pad = rng.randint(6, 36)
    parts = []
    title_css = ""
    if t.title:
        weight = rng.choice(["bold", "600", "normal"])
        scale = rng.choice([1.0, 1.15, 1.3])
        title_css = (
            f".title {{ font-weight: {weight}; font-size: {size * scale:.0f}px; "
            f"margin: 0 0 {rng.randint(3, 10)}px 0; "
            f"text-align: {rng.choice(['left', 'center'])}; }}"
        )
        parts.append(f"<div class='title'>{_esc(t.title)}</div>")
    parts.append(table)
    meme_css = ""
    if style == "meme":
        top, bottom = rng.choice(MEME_LINES)
        impact = rng.random() < 0.6
        face = rng.choice(CONDENSED)
        if impact:
            bg, cap_bg, cap_ink = "#000000", "#000000", "#ffffff"
        else:
            cap_bg, cap_ink = "#ffffff", "#000000"
        meme_css = f"""
        .cap {{ font-family: '{face if impact else rng.choice(SANS)}'; font-weight: 900;
                font-size: {rng.randint(30, 46)}px; color: {cap_ink}; background: {cap_bg};
                text-align: center; padding: 10px 6px; letter-spacing: 0.5px;
                {IMPACT if impact else ""} }}
        .sheet {{ background: #ffffff; padding: {rng.randint(6, 20)}px; color: #1f2328;
                  display: inline-block; }}
        """
        inner = "".join(parts)
        parts = []
        if top:
            parts.append(f"<div class='cap'>{_esc(top)}</div>")
        parts.append(f"<div style='text-align:center'><div class='sheet'>{inner}</div></div>")
        if bottom:
            parts.append(f"<div class='cap'>{_esc(bottom)}</div>")
    page = f"""<!doctype html><html><head><meta charset="utf-8"><style>
    html, body {{ margin: 0; padding: 0; background: {bg}; }}
    #shot {{ display: inline-block; padding: {pad}px; background: {bg}; color: {ink};
             font-family: '{font}', 'WenQuanYi Zen Hei', sans-serif; font-size: {size}px;
             line-height: 1.45; }}
    {css}
    {title_css}
    {meme_css}
    </style></head><body><div id="shot">{"".join(parts)}</div></body></html>"""
    scale = 1.0 if style == "sheet" else rng.choice([1.0, 1.0, 1.25, 1.5, 2.0])
    return page, scale


# --- matplotlib ----------------------------------------------------------------------------


def mpl_image(t: Table, rng: random.Random) -> Image.Image:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    family = rng.choice(
        ["DejaVu Serif", "Liberation Serif", "STIXGeneral", "FreeSerif"]
        if t.style == "booktabs"
        else ["DejaVu Sans", "Liberation Sans", "Roboto", "Open Sans"]
    )
    fontsize = rng.choice([9, 10, 11, 12])
    dpi = rng.choice([100, 120, 150, 200])
    headers = [c.header for c in t.columns]
    row_labels = t.style == "mplgrid" and rng.random() < 0.4
    grid: list[list[str]] = [headers]
    weights: list[list[bool]] = [[True] * len(headers)]
    if t.settings_row:
        grid.append([""] + [c.setting or "" for c in t.columns[1:]])
        weights.append([False] * len(headers))
    for r, row in enumerate(t.rows):
        grid.append([t.shown_names[r], *row["cells"][1:]])
        weights.append(list(t.bold[r]))
    if row_labels:
        labels = [""] * (1 + t.settings_row) + t.shown_names
        grid = [line[1:] for line in grid]
        weights = [line[1:] for line in weights]
    with plt.rc_context({"font.family": family, "axes.unicode_minus": False}):
        fig = plt.figure(figsize=(2, 1), dpi=dpi)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.axis("off")
        table = ax.table(
            cellText=grid,
            rowLabels=labels if row_labels else None,
            loc="center",
            cellLoc=rng.choice(["center", "right"]),
            rowLoc="left",
            edges="open" if t.style == "booktabs" else "closed",
        )
        table.auto_set_font_size(False)
        table.set_fontsize(fontsize)
        n_cols = len(grid[0])
        table.auto_set_column_width(list(range(-1 if row_labels else 0, n_cols)))
        cells = table.get_celld()
        head_colour = rng.choice(["#dddddd", "#c6dbef", "#fdd0a2", "#ffffff"])
        height = rng.uniform(0.16, 0.22)
        last = len(grid) - 1
        head_rows = 1 + t.settings_row
        wrapped_rows = {r for r, line in enumerate(grid) if any("\n" in x for x in line)}
        if row_labels:
            wrapped_rows |= {r for r, label in enumerate(labels) if "\n" in label}
        for (r, c), cell in cells.items():
            cell.set_height(height * (1.8 if r in wrapped_rows else 1.0))
            text = cell.get_text()
            if c >= 0 and weights[r][c]:
                text.set_fontweight("bold")
            if (c == 0 and not row_labels) or c == -1:
                text.set_horizontalalignment("left")
            if t.style == "booktabs":
                cell.set_linewidth(1.3 if r in (0, last) else 0.8)
                if r == 0:
                    cell.visible_edges = "T" if head_rows > 1 else "TB"
                elif r == head_rows - 1 or r == last:
                    cell.visible_edges = "B"
                else:
                    cell.visible_edges = "open"
            elif r == 0 and c >= 0:
                cell.set_facecolor(head_colour)
        if t.title:
            ax.annotate(
                t.title,
                xy=(0.5, 1.0),
                xycoords=table,
                xytext=(0, 4),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=fontsize + rng.choice([0, 1, 2]),
                fontweight=rng.choice(["bold", "normal"]),
            )
        buffer = io.BytesIO()
        fig.savefig(
            buffer,
            dpi=dpi,
            bbox_inches="tight",
            pad_inches=rng.uniform(0.05, 0.3),
            facecolor="white",
        )
        plt.close(fig)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


# --- driver --------------------------------------------------------------------------------


def finish(image: Image.Image, t: Table, rng: random.Random) -> tuple[bytes, str]:
    """Rescale and encode as screenshots get passed around: bytes and file suffix."""
    if t.style == "sheet":
        width = rng.randint(250, 400)
        if image.width > width:
            height = round(image.height * width / image.width)
            image = image.resize((width, height), Image.Resampling.BILINEAR)
        jpeg: int | None = rng.randint(45, 85)
    else:
        if rng.random() < 0.25:
            factor = rng.uniform(0.7, 0.95)
            size = (round(image.width * factor), round(image.height * factor))
            image = image.resize(size, Image.Resampling.LANCZOS)
        jpeg = rng.randint(50, 92) if rng.random() < 0.35 else None
    buffer = io.BytesIO()
    if jpeg is None:
        image.save(buffer, "PNG")
        return buffer.getvalue(), ".png"
    image.save(buffer, "JPEG", quality=jpeg)
    return buffer.getvalue(), ".jpg"


def generate(out: Path, count: int, seed: int = 1000) -> dict[str, dict[str, Any]]:
    """``count`` images in ``out`` and their truth (also written to out/truth.json). Styles
    take turns in a per-seed order, so every style gets a fair share."""
    rng = random.Random(f"unseen-tables:{seed}")
    order = list(STYLES)
    rng.shuffle(order)
    out.mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict[str, Any]] = {}
    browser = Browser((1800, 1400), ["--disable-sync", "--font-render-hinting=none"])
    try:
        for i in range(count):
            style = order[i % len(order)]
            local = random.Random(f"{seed}:{i}")  # one image's choices do not shift the next
            table = make_table(local, style)
            if style in MPL_STYLES:
                image = mpl_image(table, local)
            else:
                page, scale = html_page(table, local)
                image = browser.shoot(page, scale)
            data, suffix = finish(image, table, local)
            name = f"u{i:03d}{suffix}"
            (out / name).write_bytes(data)
            truth[name] = table.truth()
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False))
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=36)
    parser.add_argument("--seed", type=int, default=1000)
    args = parser.parse_args()
    if not shutil.which("fc-list") or "zh" not in _font_langs():
        print(
            "warning: no CJK font (apt-get install fonts-wqy-zenhei): cjk tables show boxes",
            file=sys.stderr,
        )
    generate(args.out, args.count, args.seed)
    print(f"wrote {args.count} images and truth.json to {args.out}")


def _font_langs() -> str:
    import subprocess

    found = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True)
    return "zh" if found.stdout.strip() else ""


if __name__ == "__main__":
    main()
