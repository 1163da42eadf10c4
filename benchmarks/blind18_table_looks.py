"""The twelve table looks of blind18 and the invented models they show (see blind18_tables)."""

from __future__ import annotations

import io
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageFilter

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind18_io import Ctx, Shot, esc, page

# Invented model families: (family, how its names are written)
FAMILIES = [
    "Quillon", "Marrowind", "Tesselate", "Vireo", "Halcyne", "Bramblet", "Ostrel", "Kestrane",
    "Lumora", "Pyxis", "Corvale", "Sablefin", "Orrery", "Tundrel", "Wisterly", "Nimbari",
]
SIZES = [0.5, 1.1, 1.8, 2.7, 3, 4, 7, 8, 9, 13, 14, 22, 32, 34, 40, 70, 72, 110]
# canonical benchmark -> (typical low, typical high)
BENCHES = {
    "GSM8K": (20, 92), "HumanEval": (12, 85), "ARC-C": (40, 94), "HellaSwag": (60, 92),
    "TruthfulQA": (35, 68), "WinoGrande": (60, 86), "BBH": (30, 83), "MATH": (5, 70),
    "DROP": (40, 85), "PIQA": (70, 86), "MBPP": (25, 80), "AGIEval": (25, 62),
    "GPQA": (22, 50), "IFEval": (40, 88),
}
DASHES = ["–", "-", "—", "n/a", "N/A", ""]


def num(value: float, digits: int = 1) -> str:
    return f"{value:.{digits}f}"


def size_text(size: float) -> str:
    return f"{size:g}"


@dataclass
class Model:
    name: str
    size: float | None  # the size the name states
    params: float  # the real size (a parameters column may print it)
    tokens: float  # training tokens, trillions
    scores: dict[str, float | None] = field(default_factory=dict)


def model_name(rng: random.Random, family: str, size: float, style: int) -> str:
    s = size_text(size)
    version = rng.choice(["", "2", "3", "v2", "1.5", "3.1", "4"])
    suffix = rng.choice(["", "", "Instruct", "Chat", "Base", "it"])
    if style == 0:
        parts = [family + (f"-{version}" if version else ""), f"{s}B"]
        return "-".join(parts) + (f"-{suffix}" if suffix else "")
    if style == 1:
        return " ".join(p for p in [family, version, f"{s}B", suffix] if p)
    if style == 2:
        name = "-".join(p for p in [family.lower(), version, f"{s}b", suffix.lower()] if p)
        return name
    return f"{family}{version and ' ' + version} ({s}B)"


def make_models(rng: random.Random, n: int, benches: list[str], missing: float = 0.08
                ) -> list[Model]:
    families = rng.sample(FAMILIES, rng.randint(2, 4))
    style = rng.randrange(4)
    models: list[Model] = []
    used: set[str] = set()
    while len(models) < n:
        family = rng.choice(families)
        size = rng.choice(SIZES)
        name = model_name(rng, family, size, style)
        if name in used:
            continue
        used.add(name)
        params = size if rng.random() < 0.7 else round(size * rng.uniform(0.9, 1.08), 1)
        tokens = rng.choice([0.3, 0.6, 1, 1.2, 1.4, 2, 2.5, 3, 4.5, 6, 8, 12, 15, 18])
        quality = min(0.95, 0.18 + 0.1 * np.log2(size + 1) + rng.uniform(-0.1, 0.1))
        scores: dict[str, float | None] = {}
        for bench in ["MMLU", *benches]:
            low, high = BENCHES.get(bench, (28, 86))
            value = low + (high - low) * max(0.02, min(0.99, quality + rng.uniform(-0.1, 0.1)))
            scores[bench] = None if rng.random() < missing else round(value, 2)
        models.append(Model(name, float(size), float(params), float(tokens), scores))
    return models


def pick_benches(rng: random.Random, low: int = 2, high: int = 6) -> list[str]:
    return rng.sample(list(BENCHES), rng.randint(low, high))


# A column: (header as printed, what it holds: "model", "params", "tokens", "bench:NAME" or
# "extra:NAME", how to print it)
@dataclass
class Col:
    header: str
    kind: str
    fmt: Any = None


def params_fmt(rng: random.Random):
    choice = rng.randrange(4)
    return [lambda v: f"{v:g}B", lambda v: f"{v:g}", lambda v: f"{v:.1f}",
            lambda v: f"{v:g} B"][choice]


def tokens_fmt(rng: random.Random):
    choice = rng.randrange(4)
    return [lambda v: f"{v:g}T", lambda v: f"{v * 1000:,.0f}B", lambda v: f"{v:.1f}T",
            lambda v: f"{v:g} T"][choice]


def score_fmt(rng: random.Random, digits: int | None = None, pct: bool | None = None):
    d = rng.choice([1, 1, 1, 2]) if digits is None else digits
    p = rng.random() < 0.15 if pct is None else pct
    return lambda v: f"{v:.{d}f}" + ("%" if p else "")


def standard_cols(rng: random.Random, benches: list[str], params: bool | None = None,
                  tokens: bool | None = None, model_header: str | None = None,
                  mmlu_header: str | None = None) -> list[Col]:
    cols = [Col(model_header or rng.choice(["Model", "Model", "Name", "Checkpoint"]), "model")]
    if params if params is not None else rng.random() < 0.6:
        cols.append(Col(rng.choice(["Params", "Size", "#Params (B)", "Parameters"]), "params",
                        params_fmt(rng)))
    if tokens if tokens is not None else rng.random() < 0.4:
        cols.append(Col(rng.choice(["Tokens", "Train tokens", "Data", "Training tokens"]),
                        "tokens", tokens_fmt(rng)))
    fmt = score_fmt(rng)
    names = ["MMLU", *benches]
    rng.shuffle(names)
    for bench in names:
        header = bench
        if bench == "MMLU":
            header = mmlu_header or rng.choice(["MMLU", "MMLU", "MMLU (5-shot)", "MMLU 5-shot"])
        cols.append(Col(header, f"bench:{bench}", fmt))
    return cols


def cell(model: Model, col: Col, dash: str) -> str:
    if col.kind == "model":
        return model.name
    if col.kind == "params":
        return col.fmt(model.params)
    if col.kind == "tokens":
        return col.fmt(model.tokens)
    if col.kind.startswith("bench:"):
        value = model.scores[col.kind[6:]]
        return dash if value is None else col.fmt(value)
    raise ValueError(col.kind)


def grid(models: list[Model], cols: list[Col], dash: str) -> list[list[str]]:
    return [[cell(m, c, dash) for c in cols] for m in models]


def truth_rows(models: list[Model], cols: list[Col], cells: list[list[str]]) -> list[dict]:
    kinds = [c.kind for c in cols]
    rows = []
    for model, row in zip(models, cells, strict=True):
        mmlu = model.scores["MMLU"] if "bench:MMLU" in kinds else None
        rows.append({
            "model": model.name,
            "cells": row,
            "params_b": model.params if "params" in kinds else model.size,
            "tokens_t": model.tokens if "tokens" in kinds else None,
            "mmlu": None if mmlu is None else round(float(mmlu), 2),
        })
    return rows


def truth(cols: list[Col], models: list[Model], cells: list[list[str]], title: str) -> dict:
    # mmlu as printed: round the stored value the way the cell shows it
    rows = truth_rows(models, cols, cells)
    kinds = [c.kind for c in cols]
    if "bench:MMLU" in kinds:
        k = kinds.index("bench:MMLU")
        for row in rows:
            text = row["cells"][k].rstrip("%").strip()
            row["mmlu"] = float(text) if re.fullmatch(r"-?\d+(\.\d+)?", text) else None
    return {"columns": [c.header for c in cols], "rows": rows, "title": title}


def table_html(cols: list[Col], cells: list[list[str]], cls: str = "",
               head_extra: str = "") -> str:
    head = "".join(f"<th>{esc(c.header)}</th>" for c in cols)
    body = "".join("<tr>" + "".join(f"<td>{esc(v)}</td>" for v in row) + "</tr>"
                   for row in cells)
    return (f"<table class='{cls}'><thead>{head_extra}<tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>")


def to_jpeg(image: Image.Image, quality: int) -> Image.Image:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def resize(image: Image.Image, factor: float) -> Image.Image:
    w, h = image.size
    return image.resize((max(1, int(w * factor)), max(1, int(h * factor))), Image.LANCZOS)


_PROSE = ("we ran every checkpoint through the same harness with fixed prompts and greedy "
         "decoding so the numbers below should be comparable across families though a few "
         "runs were repeated after a tokenizer fix and the older values are kept for "
         "reference only")
WORDS = _PROSE.split(" ")


def lorem(rng: random.Random, n: int) -> str:
    words = WORDS
    start = rng.randrange(len(words) - n) if n < len(words) else 0
    text = " ".join(words[start:start + n])
    return text[0].upper() + text[1:] + "."


# ---------------------------------------------------------------------------------------
# 1. confluence_lozenges
def confluence_lozenges(rng: random.Random, ctx: Ctx) -> Shot:
    benches = pick_benches(rng, 2, 5)
    models = make_models(rng, rng.randint(4, 10), benches)
    cols = standard_cols(rng, benches)
    cols.append(Col("Status", "extra:status"))
    statuses = ["VERIFIED", "IN REVIEW", "RERUN", "DRAFT"]
    colours = {"VERIFIED": ("#e3fcef", "#006644"), "IN REVIEW": ("#deebff", "#0747a6"),
               "RERUN": ("#ffebe6", "#bf2600"), "DRAFT": ("#dfe1e6", "#42526e")}
    dash = rng.choice(DASHES[:4])
    cells = []
    for m in models:
        row = [cell(m, c, dash) for c in cols[:-1]]
        row.append(rng.choice(statuses))
        cells.append(row)
    title = rng.choice(["Model evaluation - weekly sync", "Eval results: candidate checkpoints",
                        "Benchmark tracker (internal)"])
    body_rows = ""
    for row in cells:
        tds = "".join(f"<td>{esc(v)}</td>" for v in row[:-1])
        bg, fg = colours[row[-1]]
        tds += f"<td><span class='loz' style='background:{bg};color:{fg}'>{row[-1]}</span></td>"
        body_rows += f"<tr>{tds}</tr>"
    head = "".join(f"<th>{esc(c.header)}</th>" for c in cols)
    css = """
    #shot{width:1180px;font-family:'Open Sans',sans-serif;color:#172b4d;background:#fff}
    .top{height:48px;background:#0747a6;color:#fff;display:flex;align-items:center;
         padding:0 18px;font-weight:600;gap:22px;font-size:14px}
    .crumb{color:#6b778c;font-size:13px;margin:18px 40px 0}
    h1{font-size:28px;font-weight:600;margin:8px 40px 4px}
    .meta{color:#6b778c;font-size:12px;margin:0 40px 16px}
    p{margin:0 40px 14px;font-size:14px;line-height:1.5}
    table{border-collapse:collapse;margin:0 40px 40px;font-size:14px}
    th{background:#f4f5f7;text-align:left;font-weight:600;padding:8px 12px;
       border:1px solid #c1c7d0}
    td{padding:7px 12px;border:1px solid #c1c7d0}
    .loz{font-size:11px;font-weight:700;padding:2px 5px;border-radius:3px}
    """
    html = (
        "<div id='shot'><div class='top'><span>Confluence</span><span>Spaces</span>"
        "<span>People</span><span>Create</span></div>"
        f"<div class='crumb'>ML Platform / Evaluations / {rng.choice(['2024', 'Q3', 'Archive'])}"
        f"</div><h1>{esc(title)}</h1><div class='meta'>Created by "
        f"{rng.choice(['Ines M.', 'Tomasz K.', 'Ade O.'])}"
        f", last updated {rng.randint(2, 28)} min ago</div><p>{esc(lorem(rng, 20))}</p>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{body_rows}</tbody></table></div>"
    )
    image = ctx.shoot(page(html, css), rng.choice([1.0, 1.25]))
    return Shot(image, truth(cols, models, cells, title))


# 2. gdocs_comments
def gdocs_comments(rng: random.Random, ctx: Ctx) -> Shot:
    benches = pick_benches(rng, 2, 4)
    models = make_models(rng, rng.randint(4, 8), benches)
    cols = standard_cols(rng, benches)
    dash = rng.choice(["—", "-", "n/a"])
    cells = grid(models, cols, dash)
    title = rng.choice(["Results overview", "Evaluation summary", "Appendix B. Scores"])
    comments = "".join(
        f"<div class='cm'><b>{esc(who)}</b><span>{rng.randint(1, 11)}:{rng.randint(10, 59)} PM"
        f"</span><div>{esc(text)}</div></div>"
        for who, text in rng.sample([
            ("Priya S.", "Can we double-check this row? Looks high compared to last run."),
            ("Jon B.", "Used the 5-shot prompt here, right?"),
            ("Mei L.", "Resolved: the harness version was bumped."),
            ("Ravi P.", "Please add a footnote about the decoding setup."),
            ("Ola N.", "+1, let's keep the old numbers in the appendix."),
        ], rng.randint(2, 3))
    )
    css = """
    #shot{width:1280px;background:#f8f9fa;font-family:'Liberation Sans',Arial,sans-serif}
    .bar{height:64px;background:#fff;border-bottom:1px solid #dadce0;display:flex;
         align-items:center;padding:0 16px;gap:14px;font-size:18px;color:#202124}
    .doc-ic{width:26px;height:34px;background:#4285f4;border-radius:3px}
    .menu{font-size:13px;color:#444;display:flex;gap:14px}
    .tool{height:38px;background:#edf2fa;margin:8px 12px;border-radius:18px}
    .wrap{display:flex;gap:18px;padding:18px 40px 40px}
    .paper{background:#fff;width:816px;padding:70px 72px;box-shadow:0 1px 3px #c8c8c8}
    h2{font-family:'Liberation Sans';font-weight:400;font-size:22px;margin:0 0 12px}
    p{font-size:14.5px;line-height:1.6;color:#222}
    table{border-collapse:collapse;font-size:13.5px;width:100%}
    td,th{border:1px solid #000;padding:5px 7px;text-align:left}
    th{font-weight:700}
    td.hl{background:#fde293}
    .side{width:300px;padding-top:200px}
    .cm{background:#fff;border-radius:8px;box-shadow:0 1px 3px #bbb;padding:12px;
        margin-bottom:14px;font-size:13px;color:#3c4043}
    .cm span{color:#70757a;margin-left:8px;font-size:12px}
    .cm div{margin-top:6px}
    """
    hl_row = rng.randrange(len(cells))
    body = ""
    for i, row in enumerate(cells):
        tds = "".join(f"<td class='{'hl' if i == hl_row and j == 0 else ''}'>{esc(v)}</td>"
                      for j, v in enumerate(row))
        body += f"<tr>{tds}</tr>"
    head = "".join(f"<th>{esc(c.header)}</th>" for c in cols)
    html = (
        "<div id='shot'><div class='bar'><div class='doc-ic'></div><div>"
        f"{esc(rng.choice(['Eval notes v3', 'LLM comparison draft', 'Model card - scores']))}"
        "<div class='menu'><span>File</span><span>Edit</span><span>View</span><span>Insert"
        "</span><span>Format</span><span>Tools</span></div></div></div><div class='tool'></div>"
        f"<div class='wrap'><div class='paper'><h2>{esc(title)}</h2><p>{esc(lorem(rng, 24))}</p>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        f"<p>{esc(lorem(rng, 14))}</p></div><div class='side'>{comments}</div></div></div>"
    )
    image = ctx.shoot(page(html, css, "#f8f9fa"), rng.choice([0.8, 1.0]))
    return Shot(image, truth(cols, models, cells, title))


# 3. discord_box_drawing
def box_table(cols: list[Col], cells: list[list[str]], heavy: bool) -> str:
    widths = [max(len(c.header), *(len(r[i]) for r in cells)) for i, c in enumerate(cols)]
    h, v = ("━", "┃") if heavy else ("─", "│")
    tl, tm, tr, ml, mm, mr, bl, bm, br = (
        "┏┳┓┣╋┫┗┻┛" if heavy else "┌┬┐├┼┤└┴┘")

    def line(a: str, b: str, c: str) -> str:
        return a + b.join(h * (w + 2) for w in widths) + c

    def row(values: list[str]) -> str:
        parts = []
        for i, value in enumerate(values):
            parts.append(f" {value.ljust(widths[i]) if i == 0 else value.rjust(widths[i])} ")
        return v + v.join(parts) + v

    out = [line(tl, tm, tr), row([c.header for c in cols]), line(ml, mm, mr)]
    out += [row(r) for r in cells]
    out.append(line(bl, bm, br))
    return "\n".join(out)


def discord_box_drawing(rng: random.Random, ctx: Ctx) -> Shot:
    benches = pick_benches(rng, 2, 4)
    models = make_models(rng, rng.randint(4, 9), benches)
    cols = standard_cols(rng, benches, model_header="model")
    for c in cols[1:]:
        c.header = c.header.lower() if rng.random() < 0.5 else c.header
    dash = rng.choice(["-", "n/a", "—"])
    cells = grid(models, cols, dash)
    title = rng.choice(["Nightly eval report", "Leaderboard refresh", "Eval bot: results"])
    text = box_table(cols, cells, rng.random() < 0.3)
    css = """
    #shot{width:1100px;background:#313338;font-family:'Open Sans',sans-serif;color:#dbdee1;
          padding:18px 0}
    .msg{display:flex;gap:14px;padding:4px 18px}
    .av{width:40px;height:40px;border-radius:50%;background:#5865f2;flex:none}
    .name{color:#fff;font-weight:600;font-size:15px}
    .tag{background:#5865f2;color:#fff;font-size:10px;border-radius:3px;padding:1px 4px;
         margin-left:4px}
    .time{color:#949ba4;font-size:12px;margin-left:6px}
    .embed{margin-top:6px;background:#2b2d31;border-left:4px solid #57f287;border-radius:4px;
           padding:10px 14px;max-width:1000px}
    .et{color:#fff;font-weight:700;font-size:15px;margin-bottom:6px}
    .ed{font-size:14px;margin-bottom:8px}
    pre{background:#1e1f22;border:1px solid #1a1b1e;border-radius:4px;padding:8px;margin:0;
        font-family:'DejaVu Sans Mono',monospace;font-size:13px;line-height:1.3;color:#dbdee1}
    .foot{color:#949ba4;font-size:12px;margin-top:8px}
    """
    html = (
        "<div id='shot'><div class='msg'><div class='av'></div><div><span class='name'>"
        f"evalbot</span><span class='tag'>APP</span><span class='time'>Today at "
        f"{rng.randint(1, 12)}:{rng.randint(10, 59)} AM</span><div class='embed'>"
        f"<div class='et'>{esc(title)}</div><div class='ed'>{esc(lorem(rng, 12))}</div>"
        f"<pre>{esc(text)}</pre><div class='foot'>run #{rng.randint(100, 999)} • "
        f"{rng.randint(2, 40)} GPUs</div></div></div></div></div>"
    )
    image = ctx.shoot(page(html, css, "#313338"), rng.choice([1.0, 1.0, 1.5]))
    return Shot(image, truth(cols, models, cells, title))


# 4. notion_db_view
def notion_db_view(rng: random.Random, ctx: Ctx) -> Shot:
    benches = pick_benches(rng, 2, 5)
    models = make_models(rng, rng.randint(5, 11), benches)
    cols = standard_cols(rng, benches, model_header="Name")
    dash = ""
    cells = grid(models, cols, dash)
    dark = rng.random() < 0.5
    title = rng.choice(["LLM evals", "Model zoo", "Benchmarks tracker", "Open models"])
    icons = {"model": "Aa", "params": "#", "tokens": "#"}
    head = "".join(f"<th><span class='ic'>{icons.get(c.kind, '#')}</span>{esc(c.header)}</th>"
                   for c in cols)
    body = "".join("<tr>" + "".join(
        f"<td class='{'nm' if j == 0 else 'n'}'>{esc(v)}</td>" for j, v in enumerate(row))
        + "</tr>" for row in cells)
    bg, fg, line, muted = (("#191919", "#d4d4d4", "#2f2f2f", "#7f7f7f") if dark
                           else ("#ffffff", "#37352f", "#e9e9e7", "#9b9a97"))
    css = f"""
    #shot{{width:1240px;background:{bg};color:{fg};font-family:'Roboto',sans-serif;
           padding:30px 60px 40px;box-sizing:border-box}}
    h1{{font-size:32px;margin:0 0 14px;font-weight:700}}
    .tabs{{display:flex;gap:18px;font-size:14px;color:{muted};border-bottom:1px solid {line};
           padding-bottom:8px;margin-bottom:2px}}
    .tabs b{{color:{fg};border-bottom:2px solid {fg};padding-bottom:7px}}
    table{{border-collapse:collapse;font-size:14px}}
    th{{font-weight:400;color:{muted};text-align:left;padding:8px 10px;
        border:1px solid {line};border-top:none;min-width:90px}}
    th:first-child,td:first-child{{border-left:none;min-width:230px}}
    .ic{{font-size:12px;margin-right:6px;opacity:.8}}
    td{{padding:8px 10px;border:1px solid {line}}}
    td.n{{text-align:right}}
    td.nm{{font-weight:500}}
    .new{{color:{muted};font-size:14px;padding:8px 10px;border-bottom:1px solid {line}}}
    """
    html = (
        f"<div id='shot'><h1>{esc(title)}</h1><div class='tabs'><b>Table</b><span>Board</span>"
        "<span>By family</span><span style='margin-left:auto'>Filter&nbsp;&nbsp;Sort&nbsp;&nbsp;"
        f"New</span></div><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        f"<div class='new'>+ New</div></div>"
    )
    image = ctx.shoot(page(html, css, bg), rng.choice([1.0, 1.25]))
    return Shot(image, truth(cols, models, cells, title))


# 5. latex_multicolumn_groups
GROUPS = {"Knowledge": ["MMLU", "TruthfulQA", "ARC-C"],
          "Reasoning": ["GSM8K", "MATH", "BBH", "DROP"],
          "Commonsense": ["HellaSwag", "WinoGrande", "PIQA"],
          "Code": ["HumanEval", "MBPP"]}


def latex_multicolumn_groups(rng: random.Random, ctx: Ctx) -> Shot:
    groups = [g for g in GROUPS if g == "Knowledge" or rng.random() < 0.6]
    if len(groups) < 2:
        groups.append("Code")
    chosen: dict[str, list[str]] = {}
    for g in groups:
        options = GROUPS[g]
        k = rng.randint(2, min(3, len(options)))
        picked = [b for b in options if b == "MMLU"] + rng.sample(
            [b for b in options if b != "MMLU"], k - (1 if g == "Knowledge" else 0))
        chosen[g] = picked
    benches = [b for g in groups for b in chosen[g] if b != "MMLU"]
    models = make_models(rng, rng.randint(5, 10), benches)
    fmt = score_fmt(rng, 1, False)
    cols = [Col("Model", "model")]
    with_params = rng.random() < 0.5
    if with_params:
        cols.append(Col(rng.choice(["Size", "#P"]), "params", params_fmt(rng)))
    for g in groups:
        for b in chosen[g]:
            cols.append(Col(b, f"bench:{b}", fmt))
    cells = grid(models, cols, "–")
    n_lead = 2 if with_params else 1
    group_row = "<tr><th rowspan='2' class='l'>Model</th>" + (
        f"<th rowspan='2'>{esc(cols[1].header)}</th>" if with_params else "")
    group_row += "".join(f"<th colspan='{len(chosen[g])}' class='grp'>{g}</th>" for g in groups)
    group_row += "</tr>"
    sub = "".join(f"<th class='sub'>{esc(c.header)}</th>" for c in cols[n_lead:])
    best = {}
    for j in range(n_lead, len(cols)):
        vals = [float(r[j]) for r in cells if r[j] != "–"]
        best[j] = max(vals) if vals else None
    body = ""
    for i, row in enumerate(cells):
        tds = ""
        for j, v in enumerate(row):
            bold = j >= n_lead and v != "–" and float(v) == best[j]
            cls = "l" if j == 0 else ""
            tds += f"<td class='{cls}'>{'<b>' if bold else ''}{esc(v)}{'</b>' if bold else ''}</td>"
        rule = " class='mid'" if i == len(cells) // 2 and rng.random() < 0.4 else ""
        body += f"<tr{rule}>{tds}</tr>"
    number = rng.randint(1, 9)
    caption = rng.choice([
        "Results grouped by capability. Best score per column in bold.",
        "Zero- and few-shot accuracy across benchmark groups.",
        "Comparison with open models of similar size.",
    ])
    title = f"Table {number}: {caption}"
    font = rng.choice(["'DejaVu Serif'", "'FreeSerif'", "'Liberation Serif'"])
    css = f"""
    #shot{{background:#fff;padding:30px 36px;font-family:{font},serif;color:#000}}
    .cap{{font-size:15px;margin-bottom:10px;max-width:900px}}
    table{{border-collapse:collapse;font-size:15px}}
    thead tr:first-child th{{border-top:2px solid #000}}
    th{{font-weight:400;padding:3px 10px;text-align:center}}
    th.grp{{border-bottom:1px solid #000}}
    th.sub{{border-bottom:1px solid #000}}
    th.l,td.l{{text-align:left}}
    td{{padding:3px 10px;text-align:center}}
    tbody tr:last-child td{{border-bottom:2px solid #000}}
    tr.mid td{{border-top:1px solid #000}}
    """
    html = (f"<div id='shot'><div class='cap'>{esc(title)}</div><table><thead>{group_row}"
            f"<tr>{sub}</tr></thead><tbody>{body}</tbody></table></div>")
    image = ctx.shoot(page(html, css), rng.choice([1.0, 1.5, 2.0]))
    if rng.random() < 0.5:
        image = resize(image, rng.uniform(0.6, 0.8))
    return Shot(image, truth(cols, models, cells, title))


# 6. phone_pinned_scroll
def phone_pinned_scroll(rng: random.Random, ctx: Ctx) -> Shot:
    benches = pick_benches(rng, 4, 6)
    models = make_models(rng, rng.randint(6, 12), benches)
    cols = standard_cols(rng, benches, params=True)
    dash = rng.choice(["-", "—"])
    cells = grid(models, cols, dash)
    # scrolled right: some columns after the model column are off the left edge
    hidden = rng.randint(1, 2)
    shown_idx = [0, *range(1 + hidden, min(len(cols), 1 + hidden + 3))]
    # keep MMLU visible half the time by swapping it into the window
    kinds = [c.kind for c in cols]
    if "bench:MMLU" in kinds and kinds.index("bench:MMLU") not in shown_idx and rng.random() < 0.6:
        shown_idx[-1] = kinds.index("bench:MMLU")
    vis_cols = [cols[i] for i in shown_idx]
    vis_cells = [[row[i] for i in shown_idx] for row in cells]
    title = rng.choice(["Leaderboard", "Open LLMs", "Rankings"])
    dark = rng.random() < 0.4
    bg, fg, line, head_bg = (("#121212", "#e8e8e8", "#333", "#1e1e1e") if dark
                             else ("#ffffff", "#1b1b1b", "#e3e3e3", "#f6f7f9"))
    head = "".join(f"<th class='{'pin' if j == 0 else ''}'>{esc(c.header)}</th>"
                   for j, c in enumerate(vis_cols))
    body = "".join("<tr>" + "".join(
        f"<td class='{'pin' if j == 0 else ''}'>{esc(v)}</td>" for j, v in enumerate(row))
        + "</tr>" for row in vis_cells)
    css = f"""
    #shot{{width:390px;background:{bg};color:{fg};font-family:'Roboto',sans-serif;
           overflow:hidden}}
    .status{{height:44px;display:flex;justify-content:space-between;align-items:center;
             padding:0 22px;font-weight:600;font-size:15px}}
    .app{{height:52px;display:flex;align-items:center;padding:0 16px;font-size:20px;
          font-weight:500;border-bottom:1px solid {line}}}
    .chips{{display:flex;gap:8px;padding:10px 16px}}
    .chips span{{border:1px solid {line};border-radius:14px;padding:4px 10px;font-size:12px}}
    .scroller{{overflow:hidden;position:relative}}
    table{{border-collapse:collapse;font-size:13px;table-layout:fixed}}
    th{{background:{head_bg};font-weight:500;text-align:right;padding:10px 8px;
        border-bottom:1px solid {line};width:62px;font-size:12px}}
    td{{padding:10px 8px;text-align:right;border-bottom:1px solid {line}}}
    th.pin,td.pin{{text-align:left;width:150px;background:{bg};
                  box-shadow:4px 0 6px -3px rgba(0,0,0,.35);word-break:break-word}}
    th.pin{{background:{head_bg}}}
    .sb{{height:4px;margin:6px 16px 0;background:{line};border-radius:2px;position:relative}}
    .sb i{{position:absolute;left:{rng.randint(25, 55)}%;width:35%;height:4px;
           background:#888;border-radius:2px}}
    .home{{height:34px}}
    """
    html = (
        f"<div id='shot'><div class='status'><span>{rng.randint(8, 11)}:{rng.randint(10, 59)}"
        f"</span><span>5G ▮▮▮</span></div><div class='app'>← &nbsp;{esc(title)}</div>"
        "<div class='chips'><span>All sizes</span><span>Open weights</span><span>Chat</span>"
        f"</div><div class='scroller'><table><thead><tr>{head}</tr></thead><tbody>{body}"
        "</tbody></table></div><div class='sb'><i></i></div><div class='home'></div></div>"
    )
    image = ctx.shoot(page(html, css, bg), rng.choice([2.0, 3.0]))
    jpeg = rng.random() < 0.5
    quality = rng.randint(70, 88) if jpeg else None
    return Shot(image, truth(vis_cols, models, vis_cells, title), quality)


# 7. rank_arrows_sparklines
def sparkline(rng: random.Random, colour: str) -> str:
    ys = [rng.uniform(2, 16) for _ in range(8)]
    pts = " ".join(f"{i * 10},{y:.1f}" for i, y in enumerate(ys))
    return (f"<svg width='72' height='18'><polyline points='{pts}' fill='none' "
            f"stroke='{colour}' stroke-width='1.5'/></svg>")


def rank_arrows_sparklines(rng: random.Random, ctx: Ctx) -> Shot:
    benches = pick_benches(rng, 2, 4)
    models = make_models(rng, rng.randint(5, 10), benches, missing=0.03)
    models.sort(key=lambda m: -(m.scores["MMLU"] or 0))
    cols = standard_cols(rng, benches, tokens=rng.random() < 0.3)
    dash = "—"
    cells = grid(models, cols, dash)
    dark = rng.random() < 0.5
    bg, fg, card, line = (("#0f172a", "#e2e8f0", "#111c33", "#24324d") if dark
                          else ("#f1f5f9", "#0f172a", "#ffffff", "#e2e8f0"))
    title = rng.choice(["Arena-style board · this week", "Open model rankings",
                        "Weekly leaderboard"])
    head = "<th>Rank</th>" + "".join(f"<th>{esc(c.header)}</th>" for c in cols) + "<th>Trend</th>"
    body = ""
    for i, row in enumerate(cells):
        move = rng.choice([0, 0, 1, 2, 3, -1, -2])
        arrow = ("<span class='up'>▲" + str(move) + "</span>" if move > 0 else
                 "<span class='dn'>▼" + str(-move) + "</span>" if move < 0 else
                 "<span class='eq'>•</span>")
        colour = "#22c55e" if move >= 0 else "#ef4444"
        body += (f"<tr><td class='rk'>{i + 1} {arrow}</td>"
                 + "".join(f"<td>{esc(v)}</td>" for v in row)
                 + f"<td>{sparkline(rng, colour)}</td></tr>")
    css = f"""
    #shot{{background:{bg};padding:26px;font-family:'Open Sans',sans-serif;color:{fg}}}
    .card{{background:{card};border-radius:14px;padding:20px 22px;border:1px solid {line}}}
    h3{{margin:0 0 4px;font-size:20px}}
    .sub{{font-size:13px;opacity:.65;margin-bottom:14px}}
    table{{border-collapse:collapse;font-size:14px}}
    th{{text-align:left;font-size:12px;letter-spacing:.02em;
        opacity:.7;padding:8px 12px;border-bottom:1px solid {line}}}
    td{{padding:9px 12px;border-bottom:1px solid {line}}}
    td.rk{{font-weight:700;white-space:nowrap}}
    .up{{color:#22c55e;font-size:11px;margin-left:4px}}
    .dn{{color:#ef4444;font-size:11px;margin-left:4px}}
    .eq{{color:#94a3b8;font-size:11px;margin-left:4px}}
    """
    html = (f"<div id='shot'><div class='card'><h3>{esc(title)}</h3><div class='sub'>Updated "
            f"{rng.randint(1, 23)} h ago · {len(cells)} models</div><table><thead><tr>{head}"
            f"</tr></thead><tbody>{body}</tbody></table></div></div>")
    image = ctx.shoot(page(html, css, bg), rng.choice([1.0, 1.0, 1.5]))
    return Shot(image, truth(cols, models, cells, title))


# 8. transposed_benchmarks
def transposed_benchmarks(rng: random.Random, ctx: Ctx) -> Shot:
    benches = pick_benches(rng, 3, 6)
    models = make_models(rng, rng.randint(4, 7), benches)
    cols = standard_cols(rng, benches, model_header=rng.choice(["Benchmark", "Task", "Metric"]))
    dash = rng.choice(["-", "–", "n/a"])
    cells = grid(models, cols, dash)
    title = rng.choice(["Head-to-head comparison", "Scores by task",
                        "Base models compared on standard tasks"])
    head = f"<th class='corner'>{esc(cols[0].header)}</th>" + "".join(
        f"<th>{esc(m.name)}</th>" for m in models)
    body = ""
    for j in range(1, len(cols)):
        vals = [row[j] for row in cells]
        body += f"<tr><th class='rl'>{esc(cols[j].header)}</th>" + "".join(
            f"<td>{esc(v)}</td>" for v in vals) + "</tr>"
    accent = rng.choice(["#7c3aed", "#0e7490", "#b45309", "#be123c"])
    css = f"""
    #shot{{background:#fff;padding:28px;font-family:'Roboto Condensed','Roboto',sans-serif}}
    h2{{font-size:21px;margin:0 0 12px;color:{accent}}}
    table{{border-collapse:separate;border-spacing:0;font-size:15px}}
    th{{padding:9px 14px;font-weight:700;background:{accent};color:#fff;text-align:center;
        max-width:140px}}
    th.corner{{text-align:left}}
    th.rl{{background:#f3f4f6;color:#111;text-align:left;border-bottom:1px solid #e5e7eb}}
    td{{padding:9px 14px;text-align:center;border-bottom:1px solid #e5e7eb}}
    tr:nth-child(even) td{{background:#fafafa}}
    """
    html = (f"<div id='shot'><h2>{esc(title)}</h2><table><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table></div>")
    image = ctx.shoot(page(html, css), rng.choice([1.0, 1.25, 1.5]))
    return Shot(image, truth(cols, models, cells, title))


# 9. tweet_quote_frame
def tweet_quote_frame(rng: random.Random, ctx: Ctx) -> Shot:
    benches = pick_benches(rng, 2, 4)
    models = make_models(rng, rng.randint(4, 7), benches)
    cols = standard_cols(rng, benches)
    dash = rng.choice(["-", "—"])
    cells = grid(models, cols, dash)
    dark = rng.random() < 0.5
    bg, fg, muted, line = (("#000000", "#e7e9ea", "#71767b", "#2f3336") if dark
                           else ("#ffffff", "#0f1419", "#536471", "#cfd9de"))
    title = rng.choice(["Small models, big numbers", "New release: eval results",
                        "How our checkpoints compare"])
    card_bg = rng.choice(["#fff7ed", "#ecfeff", "#f5f3ff", "#f0fdf4"])
    css = f"""
    #shot{{width:600px;background:{bg};color:{fg};font-family:'Liberation Sans',sans-serif;
           padding:14px 16px}}
    .hd{{display:flex;gap:10px;align-items:center}}
    .av{{width:40px;height:40px;border-radius:50%;background:#888}}
    .nm{{font-weight:700;font-size:15px}}
    .hn{{color:{muted};font-size:15px}}
    .tx{{font-size:15px;line-height:1.35;margin:8px 0 10px}}
    .q{{border:1px solid {line};border-radius:16px;padding:12px}}
    .q .tx{{margin:4px 0 10px;font-size:14px}}
    .img{{border-radius:14px;overflow:hidden;border:1px solid {line};background:{card_bg};
          padding:14px;color:#111}}
    .img h4{{margin:0 0 8px;font-size:16px;font-family:'Open Sans',sans-serif}}
    table{{border-collapse:collapse;font-size:11.5px;font-family:'Open Sans',sans-serif}}
    th{{text-align:left;border-bottom:1.5px solid #111;padding:4px 6px}}
    td{{padding:4px 6px;border-bottom:1px solid rgba(0,0,0,.12)}}
    .ft{{color:{muted};font-size:14px;margin-top:12px}}
    """
    html = (
        "<div id='shot'><div class='hd'><div class='av'></div><div><span class='nm'>"
        f"{esc(rng.choice(['Dana Ruiz', 'lab notes', 'Kofi A.']))}</span> <span class='hn'>"
        f"@{esc(rng.choice(['danaruiz', 'labnotes_ml', 'kofi_evals']))} · {rng.randint(2, 20)}h"
        "</span></div></div><div class='tx'>"
        f"{esc(rng.choice(['This is wild.', 'Numbers hold up on our side too.', 'Worth a read.']))}"
        "</div><div class='q'><div class='hd'><div class='av' style='width:22px;height:22px'>"
        f"</div><span class='nm'>{esc(rng.choice(FAMILIES))} AI</span></div><div class='tx'>"
        f"{esc(lorem(rng, 14))}</div><div class='img'><h4>{esc(title)}</h4>"
        f"{table_html(cols, cells)}</div></div><div class='ft'>"
        f"{rng.randint(1, 99)}.{rng.randint(1, 9)}K Views"
        "</div></div>"
    )
    image = ctx.shoot(page(html, css, bg), 2.0)
    image = resize(image, rng.uniform(0.6, 0.9))
    return Shot(image, truth(cols, models, cells, title), rng.randint(72, 90))


# 10. mkdocs_sortable
def mkdocs_sortable(rng: random.Random, ctx: Ctx) -> Shot:
    benches = pick_benches(rng, 2, 5)
    models = make_models(rng, rng.randint(4, 10), benches)
    cols = standard_cols(rng, benches)
    dash = rng.choice(["-", "n/a", "—"])
    cells = grid(models, cols, dash)
    title = rng.choice(["Evaluation", "Benchmark results", "Scores"])
    sorted_col = rng.randrange(1, len(cols))
    head = ""
    for j, c in enumerate(cols):
        icon = "▼" if j == sorted_col else "⇅"
        head += f"<th>{esc(c.header)}<span class='si'>{icon}</span></th>"
    body = "".join("<tr>" + "".join(f"<td>{esc(v)}</td>" for v in row) + "</tr>"
                   for row in cells)
    primary = rng.choice(["#4051b5", "#009485", "#e92063", "#546d78"])
    css = f"""
    #shot{{width:1200px;background:#fff;font-family:'Roboto',sans-serif;color:rgba(0,0,0,.87)}}
    .hdr{{background:{primary};color:#fff;height:48px;display:flex;align-items:center;
          padding:0 20px;font-size:17px;gap:30px}}
    .tabs{{background:{primary};color:#fff;height:40px;padding:0 20px;display:flex;
           gap:26px;align-items:center;font-size:14px;opacity:.95}}
    .main{{display:flex}}
    nav{{width:230px;padding:24px 20px;font-size:13.5px;line-height:2;color:#555}}
    article{{padding:10px 30px 40px;flex:1}}
    h1{{font-weight:300;font-size:32px;margin:18px 0 10px}}
    h2{{font-weight:400;font-size:22px;margin:20px 0 10px}}
    .adm{{border-left:4px solid #448aff;background:#448aff1a;padding:8px 12px;
          font-size:13px;margin-bottom:16px}}
    table{{border-collapse:collapse;font-size:13px;box-shadow:0 0 .1rem rgba(0,0,0,.2);
           border-radius:2px}}
    th{{font-weight:700;text-align:left;padding:10px 14px;border-bottom:1px solid #ddd}}
    .si{{color:#999;font-size:10px;margin-left:6px}}
    td{{padding:9px 14px;border-top:1px solid #eee}}
    tr:hover td{{background:#fafafa}}
    """
    html = (
        f"<div id='shot'><div class='hdr'><b>{esc(rng.choice(FAMILIES))} docs</b></div>"
        "<div class='tabs'><span>Home</span><span>Models</span><span>Evaluation</span>"
        "<span>API</span></div><div class='main'><nav>Overview<br>Installation<br>"
        "<b>Evaluation</b><br>Fine-tuning<br>FAQ</nav><article>"
        f"<h1>{esc(rng.choice(['Model card', 'Evaluation', 'Release notes']))}</h1>"
        f"<div class='adm'>Note: {esc(lorem(rng, 10))}</div><h2>{esc(title)}</h2>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></article></div></div>"
    )
    image = ctx.shoot(page(html, css), rng.choice([1.0, 1.25]))
    return Shot(image, truth(cols, models, cells, title))


# 11. email_quoted_gt
def email_quoted_gt(rng: random.Random, ctx: Ctx) -> Shot:
    benches = pick_benches(rng, 2, 4)
    models = make_models(rng, rng.randint(4, 8), benches)
    cols = standard_cols(rng, benches)
    dash = rng.choice(["-", "n/a"])
    cells = grid(models, cols, dash)
    widths = [max(len(c.header), *(len(r[i]) for r in cells)) for i, c in enumerate(cols)]

    def line(values: list[str]) -> str:
        return "| " + " | ".join(v.ljust(widths[i]) for i, v in enumerate(values)) + " |"

    table = [line([c.header for c in cols]),
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    table += [line(r) for r in cells]
    depth = rng.choice([1, 1, 2])
    mark = "> " * depth
    quoted = [f"{mark}{lorem(rng, 9)}", mark.rstrip(), *(mark + t for t in table), mark.rstrip(),
              f"{mark}Let me know if any row looks off.", f"{mark}-- ", f"{mark}M."]
    text = "\n".join([
        "Thanks, these look reasonable. One question inline below.", "",
        f"On {rng.choice(['Mon', 'Tue', 'Thu'])}, {rng.randint(2, 28)} "
        f"{rng.choice(['Mar', 'Jun', 'Oct'])} 2024 at {rng.randint(9, 18)}:{rng.randint(10, 59)}, "
        f"{rng.choice(['Marta Lind', 'J. Okafor', 'Wen Hao'])} wrote:",
        *quoted])
    css = """
    #shot{width:1100px;background:#fff;font-family:'Liberation Sans',sans-serif;color:#222}
    .hd{padding:16px 24px;border-bottom:1px solid #ddd;font-size:14px;line-height:1.6}
    .hd b{display:inline-block;width:70px;color:#666;font-weight:400}
    pre{margin:0;padding:18px 24px 30px;font-family:'Liberation Mono',monospace;font-size:13.5px;
        line-height:1.35;color:#1a1a1a}
    """
    html = (
        "<div id='shot'><div class='hd'><div><b>From:</b>Sam Ortega</div><div><b>To:</b>"
        "evals@lists.example</div><div><b>Subject:</b>Re: numbers for the "
        f"{esc(rng.choice(FAMILIES))} comparison</div></div><pre>{esc(text)}</pre></div>"
    )
    image = ctx.shoot(page(html, css), rng.choice([1.0, 1.0, 1.5]))
    return Shot(image, truth(cols, models, cells, ""))


# 12. scanned_book_rotated
def scanned_book_rotated(rng: random.Random, ctx: Ctx) -> Shot:
    benches = pick_benches(rng, 2, 4)
    models = make_models(rng, rng.randint(5, 9), benches)
    cols = standard_cols(rng, benches, mmlu_header="MMLU")
    dash = "—"
    cells = grid(models, cols, dash)
    chapter = rng.randint(2, 9)
    title = f"Table {chapter}.{rng.randint(1, 6)} " + rng.choice([
        "Accuracy of selected language models", "Benchmark results for open models",
        "Scores reported in the literature"])
    css = """
    #shot{width:820px;background:#fbfaf6;padding:50px 70px 60px;box-sizing:border-box;
          font-family:'FreeSerif','DejaVu Serif',serif;color:#161616}
    .run{display:flex;justify-content:space-between;font-size:13px;font-style:italic;
         margin-bottom:26px}
    p{font-size:15.5px;line-height:1.55;text-align:justify;margin:0 0 14px}
    .cap{font-size:14.5px;margin:18px 0 6px}
    .cap b{font-weight:700}
    table{border-collapse:collapse;font-size:14px;margin:0 auto 18px}
    thead th{border-top:1.5px solid #111;border-bottom:1px solid #111;padding:4px 10px;
             font-weight:400;font-style:italic}
    td{padding:3px 10px;text-align:right}
    td:first-child,th:first-child{text-align:left}
    tbody tr:last-child td{border-bottom:1.5px solid #111}
    """
    cap_label, cap_rest = title.split(" ", 2)[:2], title.split(" ", 2)[2]
    html = (
        f"<div id='shot'><div class='run'><span>{rng.randint(100, 400)}</span><span>"
        f"{chapter} · Evaluating language models</span></div><p>{esc(lorem(rng, 30))}</p>"
        f"<div class='cap'><b>{esc(' '.join(cap_label))}</b> {esc(cap_rest)}</div>"
        f"{table_html(cols, cells)}<p>{esc(lorem(rng, 26))}</p></div>"
    )
    image = ctx.shoot(page(html, css), 1.5)
    grey = np.asarray(image.convert("L"), dtype=np.float32)
    grey = 255 - (255 - grey) * rng.uniform(0.8, 0.95)
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0, 7, grey.shape)
    grey = np.clip(grey + noise, 0, 255).astype(np.uint8)
    scan = Image.fromarray(grey).filter(ImageFilter.GaussianBlur(0.6))
    scan = scan.rotate(rng.uniform(-2.2, 2.2), resample=Image.BICUBIC, expand=True,
                       fillcolor=rng.randint(200, 235))
    scan = resize(scan, rng.uniform(0.7, 0.95))
    return Shot(scan.convert("RGB"), truth(cols, models, cells, title), rng.randint(60, 80))


LOOKS = [
    ("confluence_lozenges", confluence_lozenges),
    ("gdocs_comments", gdocs_comments),
    ("discord_box_drawing", discord_box_drawing),
    ("notion_db_view", notion_db_view),
    ("latex_multicolumn_groups", latex_multicolumn_groups),
    ("phone_pinned_scroll", phone_pinned_scroll),
    ("rank_arrows_sparklines", rank_arrows_sparklines),
    ("transposed_benchmarks", transposed_benchmarks),
    ("tweet_quote_frame", tweet_quote_frame),
    ("mkdocs_sortable", mkdocs_sortable),
    ("email_quoted_gt", email_quoted_gt),
    ("scanned_book_rotated", scanned_book_rotated),
]
