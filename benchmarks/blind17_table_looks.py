"""The twelve table looks of blind17_tables.py and the invented data they print."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import cv2
import numpy as np
from blind17_io import Ctx, Shot, esc, page
from PIL import Image, ImageFilter

FAMILIES = [
    "Quillon", "Marrowby", "Tessaly", "Orvane", "Brindle", "Caskwell", "Yarrowmind", "Pellucid",
    "Zephine", "Halcyra", "Nimbrel", "Korvath", "Auberon", "Lumisk", "Fennick", "Sorrelai",
    "Wexlo", "Ondrai", "Gableton", "Ispira",
]  # fmt: skip
SIZES = [0.5, 1.3, 1.8, 2.7, 3.0, 7.0, 8.0, 9.0, 13.0, 14.0, 22.0, 34.0, 40.0, 70.0, 72.0]
TOKENS = [0.3, 0.8, 1.0, 1.4, 2.0, 2.5, 3.0, 4.5, 6.0, 8.0, 12.0, 15.0]
BENCHES = [
    "GSM8K", "HumanEval", "ARC-C", "BBH", "MATH", "HellaSwag", "WinoGrande", "TruthfulQA",
    "DROP", "MBPP", "GPQA", "AGIEval", "PIQA", "TriviaQA", "IFEval", "NQ",
]  # fmt: skip
MMLU_HEADERS = ["MMLU", "MMLU (5-shot)", "MMLU 5-shot", "MMLU↑", "MMLU (acc)"]
PARAM_HEADERS = ["Params", "Size (B)", "#Params", "Parameters", "Params (B)"]
TOKEN_HEADERS = ["Tokens (T)", "Train tokens", "Data (T)", "Tokens"]
MONO = ["DejaVu Sans Mono", "Liberation Mono", "FreeMono"]
SANS = ["Roboto", "Open Sans", "Liberation Sans", "DejaVu Sans", "FreeSans"]
SERIF = ["Liberation Serif", "DejaVu Serif", "FreeSerif"]


def num(value: float) -> str:
    return f"{value:g}" if value != int(value) else str(int(value))


@dataclass
class Row:
    model: str
    params: float | None
    tokens: float | None
    scores: list[float | None]  # one per score column (MMLU among them)
    mark: str = ""
    cells: list[str] = field(default_factory=list)


@dataclass
class Table:
    columns: list[str]
    kinds: list[str]  # "model", "params", "tokens", "mmlu", "score" per column
    rows: list[Row]
    title: str = ""

    def truth(self) -> dict:
        rows = []
        for row in self.rows:
            mmlu_at = (
                self.kinds.index("mmlu")
                - self.kinds.count("params")
                - self.kinds.count("tokens")
                - 1
            )
            rows.append(
                {
                    "model": row.model,
                    "cells": list(row.cells),
                    # every name states its size ("-7B"): the rows imgread builds take
                    # a size from the name where no column prints one, as the earlier
                    # sets' truth does (aligned after the first score, images unchanged)
                    "params_b": row.params,
                    "tokens_t": row.tokens if "tokens" in self.kinds else None,
                    "mmlu": row.scores[mmlu_at],
                }
            )
        return {"columns": list(self.columns), "rows": rows, "title": self.title}

    def score_columns(self) -> list[int]:
        return [i for i, k in enumerate(self.kinds) if k in ("mmlu", "score")]


def model_name(rng: random.Random, family: str, size: float, pattern: int, version: str) -> str:
    s = num(size)
    return [
        f"{family}-{s}B",
        f"{family} {version} {s}B",
        f"{family}{version}-{s}b-chat",
        f"{family.lower()}-{s}b-instruct",
        f"{family}-{version}-{s}B-Base",
    ][pattern]


def make_table(
    rng: random.Random,
    *,
    n_rows: tuple[int, int] = (4, 9),
    params_p: float = 0.5,
    tokens_p: float = 0.35,
    dash_p: float = 0.12,
    decimals: int = 1,
    pattern: int | None = None,
    names: dict[str, str] | None = None,
    fmt_score=None,
    fmt_params=None,
    fmt_tokens=None,
    dash: str = "—",
) -> Table:
    n = rng.randint(*n_rows)
    pattern = rng.randrange(5) if pattern is None else pattern
    families = rng.sample(FAMILIES, rng.randint(2, 4))
    seen = set()
    rows: list[Row] = []
    n_bench = rng.randint(4, 6)  # MMLU and 3-5 other score columns
    benches = rng.sample(BENCHES, n_bench - 1)
    mmlu_pos = rng.randrange(n_bench) if rng.random() < 0.5 else 0
    while len(rows) < n:
        family = rng.choice(families)
        size = rng.choice(SIZES)
        version = rng.choice(["2", "3", "1.5", "v2", "X", "4"])
        name = model_name(rng, family, size, pattern, version)
        if name in seen:
            continue
        seen.add(name)
        base = 30 + 40 * min(1.0, (size**0.5) / 8.5) + rng.uniform(-6, 6)
        scores: list[float | None] = []
        for j in range(n_bench):
            spread = 22 if j != mmlu_pos else 10
            value = min(96.0, max(5.0, base + rng.uniform(-spread, spread / 2)))
            value = round(value, decimals)
            scores.append(value)
        for j in range(n_bench):
            if rng.random() < dash_p / n_bench:
                scores[j] = None
        rows.append(Row(name, size, rng.choice(TOKENS), scores))
    has_params = rng.random() < params_p
    has_tokens = rng.random() < tokens_p
    names = names or {}
    columns = [names.get("model", rng.choice(["Model", "Model", "Name", "Checkpoint"]))]
    kinds = ["model"]
    if has_params:
        columns.append(names.get("params", rng.choice(PARAM_HEADERS)))
        kinds.append("params")
    if has_tokens:
        columns.append(names.get("tokens", rng.choice(TOKEN_HEADERS)))
        kinds.append("tokens")
    mmlu_header = names.get("mmlu", rng.choice(MMLU_HEADERS))
    bi = iter(benches)
    for j in range(n_bench):
        if j == mmlu_pos:
            columns.append(mmlu_header)
            kinds.append("mmlu")
        else:
            columns.append(next(bi))
            kinds.append("score")
    fmt_score = fmt_score or (lambda v: f"{v:.{decimals}f}")
    params_style = rng.randrange(3)

    def default_params(v: float) -> str:
        return [num(v), f"{num(v)}B", f"{v:.1f}"][params_style]

    tokens_style = rng.randrange(2)

    def default_tokens(v: float) -> str:
        return [f"{v:.1f}", f"{num(v)}T"][tokens_style]

    fmt_params = fmt_params or default_params
    fmt_tokens = fmt_tokens or default_tokens
    for row in rows:
        cells = [row.model]
        if has_params:
            cells.append(fmt_params(row.params))
        if has_tokens:
            cells.append(fmt_tokens(row.tokens))
        for v in row.scores:
            cells.append(dash if v is None else fmt_score(v))
        row.cells = cells
    return Table(columns, kinds, rows)


def best_per_column(table: Table) -> dict[int, float]:
    best = {}
    offset = 1 + table.kinds.count("params") + table.kinds.count("tokens")
    for col in table.score_columns():
        values = [r.scores[col - offset] for r in table.rows if r.scores[col - offset] is not None]
        if values:
            best[col] = max(values)
    return best


def cell_value(table: Table, row: Row, col: int) -> float | None:
    offset = 1 + table.kinds.count("params") + table.kinds.count("tokens")
    return row.scores[col - offset] if col >= offset else None


def pick(rng: random.Random, options):
    return rng.choice(options)


def numeric(kind: str) -> bool:
    return kind != "model"


# ---------------------------------------------------------------- 1 streamlit_app
def streamlit_app(rng: random.Random, ctx: Ctx) -> Shot:
    t = make_table(rng, decimals=rng.choice([1, 1, 2]))
    t.title = rng.choice(["Model leaderboard", "Eval dashboard", "Nightly benchmark results"])
    font = pick(rng, ["Open Sans", "Roboto", "Liberation Sans"])
    dark = rng.random() < 0.35
    bg, fg, side, grid, head = (
        ("#0e1117", "#fafafa", "#262730", "#31333f", "#a3a8b8")
        if dark
        else ("#ffffff", "#31333f", "#f0f2f6", "#e6e9ef", "#808495")
    )
    rows = []
    for i, row in enumerate(t.rows):
        tds = "".join(
            f"<td class='{'n' if numeric(k) else ''}'>{esc(c)}</td>"
            for c, k in zip(row.cells, t.kinds, strict=True)
        )
        rows.append(f"<tr><td class='ix'>{i}</td>{tds}</tr>")
    ths = "".join(f"<th>{esc(c)}</th>" for c in t.columns)
    width = rng.randint(1000, 1400)
    css = f"""
    #shot{{width:{width}px;display:flex;font-family:'{font}';color:{fg};background:{bg};}}
    .side{{width:250px;background:{side};padding:28px 20px;font-size:14px;min-height:560px}}
    .side h3{{font-size:16px}} .slider{{height:4px;background:#ff4b4b;margin:14px 0 26px}}
    .main{{padding:40px 56px;flex:1}} h1{{font-size:34px;font-weight:700;margin:0 0 8px}}
    .cap{{color:{head};font-size:14px;margin-bottom:22px}}
    table{{border-collapse:collapse;font-size:14px;border:1px solid {grid}}}
    td,th{{border:1px solid {grid};padding:6px 10px;white-space:nowrap}}
    th{{color:{head};font-weight:400;text-align:left}} td.n{{text-align:right}}
    td.ix{{color:{head};}}
    """
    body = f"""<div id='shot'><div class='side'><h3>Filters</h3>Minimum size<div class='slider'>
    </div>Benchmarks<div class='slider' style='background:#ff4b4b80'></div>
    Show instruct models only</div><div class='main'><h1>{esc(t.title)}</h1>
    <div class='cap'>Scores in %, higher is better. Updated {rng.randint(2, 28)} May.</div>
    <table><tr><th></th>{ths}</tr>{"".join(rows)}</table></div></div>"""
    image = ctx.shoot(page(body, css, bg), rng.choice([1.0, 1.0, 1.25]))
    return Shot(image, t.truth())


# ---------------------------------------------------------------- 2 arxiv_html_caption
def arxiv_html_caption(rng: random.Random, ctx: Ctx) -> Shot:
    t = make_table(rng, n_rows=(5, 9), params_p=0.7)
    split = rng.randint(2, len(t.rows) - 2)
    groups = rng.random() < 0.7
    marked = set(rng.sample(range(len(t.rows)), rng.randint(1, 2)))
    for i in marked:
        t.rows[i].mark = "†"
        t.rows[i].cells[0] = t.rows[i].model + "†"
    best = best_per_column(t)
    n = rng.randint(1, 6)
    t.title = f"Table {n}: " + rng.choice(
        [
            "Results on standard benchmarks. Best results are in bold.",
            "Comparison with open models of similar size (bold: best).",
            "Downstream evaluation of all checkpoints.",
        ]
    )
    font = pick(rng, SERIF)
    trs = []
    for i, row in enumerate(t.rows):
        if groups and i in (0, split):
            label = "Pretrained models" if i == 0 else "Instruction-tuned models"
            trs.append(f"<tr><td colspan='{len(t.columns)}' class='grp'><i>{label}</i></td></tr>")
        tds = []
        for j, (c, k) in enumerate(zip(row.cells, t.kinds, strict=True)):
            v = cell_value(t, row, j)
            text = esc(c)
            if j == 0 and row.mark:
                text = f"{esc(row.model)}<sup>†</sup>"
            if v is not None and best.get(j) == v:
                text = f"<b>{text}</b>"
            tds.append(f"<td class='{'c' if numeric(k) else 'l'}'>{text}</td>")
        trs.append(f"<tr>{''.join(tds)}</tr>")
    ths = "".join(f"<th class='{'c' if j else 'l'}'>{esc(c)}</th>" for j, c in enumerate(t.columns))
    size = rng.choice([15, 16, 17])
    css = f"""
    #shot{{font-family:'{font}';font-size:{size}px;color:#000;padding:30px 60px;background:#fff;
      width:{rng.randint(760, 1050)}px}}
    .p{{line-height:1.5;text-align:justify;margin-bottom:18px}}
    figure{{margin:0;text-align:center}} figcaption{{margin:0 0 10px}}
    .tag{{font-weight:700}}
    table{{border-collapse:collapse;margin:0 auto}} td,th{{padding:3px 12px;white-space:nowrap}}
    th{{border-top:2px solid #000;border-bottom:1px solid #000;font-weight:400}}
    tr:last-child td{{border-bottom:2px solid #000}} .c{{text-align:center}} .l{{text-align:left}}
    td.grp{{text-align:left;border-top:1px solid #000;border-bottom:1px solid #000}}
    .note{{font-size:{size - 3}px;margin-top:8px;text-align:left}} .sec{{color:#777}}
    """
    tag, rest = t.title.split(":", 1)
    body = f"""<div id='shot'><div class='p'>We compare against recent open-weight models
    evaluated with the same harness and prompts. All numbers are accuracies in percent unless
    noted otherwise.</div><figure><figcaption><span class='tag'>{esc(tag)}:</span>{esc(rest)}
    </figcaption><table><tr>{ths}</tr>{"".join(trs)}</table>
    <div class='note'><sup>†</sup> Numbers taken from the original report.</div></figure>
    <div class='p' style='margin-top:18px'>Table {n} shows that the gap narrows with
    scale.</div></div>"""
    image = ctx.shoot(page(body, css), rng.choice([1.0, 1.25, 1.5]))
    return Shot(image, t.truth())


# ---------------------------------------------------------------- 3 slack_psql_ascii
def psql(t: Table) -> str:
    widths = [max(len(c), *(len(r.cells[j]) for r in t.rows)) for j, c in enumerate(t.columns)]
    head = "|".join(f" {c.center(widths[j])} " for j, c in enumerate(t.columns))
    rule = "+".join("-" * (w + 2) for w in widths)
    lines = [head.rstrip(), rule]
    for r in t.rows:
        parts = []
        for j, c in enumerate(r.cells):
            parts.append(f" {c.ljust(widths[j]) if j == 0 else c.rjust(widths[j])} ")
        lines.append("|".join(parts))
    lines.append(f"({len(t.rows)} rows)")
    return "\n".join(lines)


def slack_psql_ascii(rng: random.Random, ctx: Ctx) -> Shot:
    t = make_table(
        rng,
        pattern=3,
        names={"model": "model", "params": "params_b", "tokens": "tokens_t"},
        dash="",
        fmt_params=num,
        fmt_tokens=lambda v: f"{v:.1f}",
    )
    t.columns = [
        c if k == "model" or "_" in c else c.lower()
        for c, k in zip(t.columns, t.kinds, strict=True)
    ]
    t.columns = [c.upper() if "mmlu" in c.lower() else c for c in t.columns]
    dark = rng.random() < 0.5
    bg, fg, code_bg, code_bd, dim = (
        ("#1a1d21", "#d1d2d3", "#222529", "#3b3d42", "#9a9b9d")
        if dark
        else ("#ffffff", "#1d1c1d", "#f8f8f8", "#dddddd", "#616061")
    )
    mono = pick(rng, MONO)
    user = rng.choice(["Priya N.", "tomasz", "eval-bot", "Aiko Tan", "marco.b"])
    avatar = rng.choice(["#e8912d", "#2bac76", "#4a154b", "#1264a3"])
    code_px = rng.choice([12, 13, 13, 14])
    css = f"""
    #shot{{background:{bg};color:{fg};font-family:'Liberation Sans';font-size:15px;
      padding:18px 24px;width:{rng.randint(720, 1100)}px}}
    .msg{{display:flex;gap:10px;margin-bottom:14px}}
    .av{{width:36px;height:36px;border-radius:6px;background:{avatar}}}
    .name{{font-weight:700}} .time{{color:{dim};font-size:12px;margin-left:6px}}
    pre{{background:{code_bg};border:1px solid {code_bd};border-radius:4px;padding:8px;
      font-family:'{mono}';font-size:{code_px}px;line-height:1.45;
      margin:6px 0}}
    .re{{color:{dim};font-size:13px}}
    """
    hour = rng.randint(9, 11)
    body = f"""<div id='shot'><div class='msg'><div class='av'></div><div><span class='name'>
    {esc(user)}</span><span class='time'>{hour}:{rng.randint(10, 59)} AM</span>
    <div>{
        rng.choice(
            [
                "numbers from last night's eval run:",
                "ok here's the query output",
                "results after the tokenizer fix:",
            ]
        )
    }</div><pre>{esc(psql(t))}</pre>
    <div class='re'>{rng.randint(2, 9)} replies</div></div></div></div>"""
    image = ctx.shoot(page(body, css, bg), rng.choice([1.0, 1.5, 2.0]))
    return Shot(image, t.truth())


# ---------------------------------------------------------------- 4 wandb_runs_dark
def wandb_runs_dark(rng: random.Random, ctx: Ctx) -> Shot:
    t = make_table(
        rng,
        pattern=rng.choice([0, 3]),
        decimals=rng.choice([1, 2]),
        params_p=0.4,
        tokens_p=0.4,
        names={"model": "Name"},
    )
    t.columns = [
        c if k in ("model", "params", "tokens") else f"eval/{c.split(' ')[0]}"
        for c, k in zip(t.columns, t.kinds, strict=True)
    ]
    colors = ["#e87b9f", "#5387dd", "#da4c4c", "#7d54b2", "#229487", "#edb732", "#a0c75c"]
    font = pick(rng, ["Roboto", "Open Sans", "Liberation Sans"])
    trs = []
    for i, row in enumerate(t.rows):
        tds = [
            f"<td><span class='dot' style='background:{colors[i % len(colors)]}'></span>"
            f"<span class='eye'>◉</span>{esc(row.cells[0])}</td>"
        ]
        tds += [f"<td class='n'>{esc(c)}</td>" for c in row.cells[1:]]
        trs.append(f"<tr>{''.join(tds)}</tr>")
    ths = "".join(f"<th class='{'n' if j else ''}'>{esc(c)}</th>" for j, c in enumerate(t.columns))
    css = f"""
    #shot{{background:#1a1c1f;color:#d4d5d9;font-family:'{font}';font-size:13px;padding:14px;
      width:{rng.randint(820, 1200)}px}}
    .bar{{display:flex;justify-content:space-between;margin-bottom:10px;color:#8e949e}}
    .search{{border:1px solid #3a3d44;border-radius:4px;padding:5px 10px;width:240px}}
    table{{border-collapse:collapse;width:100%}}
    th{{color:#8e949e;font-weight:500;text-align:left;padding:8px;border-bottom:1px solid #34373d}}
    td{{padding:8px;border-bottom:1px solid #2a2d32;white-space:nowrap}} .n{{text-align:right}}
    .dot{{display:inline-block;width:10px;height:10px;border-radius:5px;margin-right:8px}}
    .eye{{color:#5a5f68;margin-right:8px;font-size:11px}}
    tr:nth-child(3) td{{background:#23262b}}
    """
    body = f"""<div id='shot'><div class='bar'><span><b style='color:#e6e7ea'>Runs</b>
    ({len(t.rows)})</span><span class='search'>Search runs</span><span>Group ▾ Sort ▾
    Columns ▾</span></div><table><tr>{ths}</tr>{"".join(trs)}</table></div>"""
    image = ctx.shoot(page(body, css, "#1a1c1f"), rng.choice([1.0, 1.25, 2.0]))
    q = rng.choice([None, 70, 85])
    return Shot(image, t.truth(), q)


# ---------------------------------------------------------------- 5 beamer_madrid
def beamer_madrid(rng: random.Random, ctx: Ctx) -> Shot:
    t = make_table(rng, n_rows=(4, 6), params_p=0.5, tokens_p=0.3)
    t.title = rng.choice(
        ["Main results", "Comparison with open models", "Benchmark results", "Results at 7B scale"]
    )
    best = best_per_column(t)
    blue = rng.choice(["#33339a", "#1f3a93", "#2b4c7e"])
    font = pick(rng, ["DejaVu Serif", "Liberation Sans", "DejaVu Sans"])
    trs = []
    for row in t.rows:
        tds = []
        for j, c in enumerate(row.cells):
            v = cell_value(t, row, j)
            text = esc(c)
            if v is not None and best.get(j) == v:
                text = f"<span style='color:{blue};font-weight:700'>{text}</span>"
            tds.append(f"<td class='{'c' if j else 'l'}'>{text}</td>")
        trs.append(f"<tr>{''.join(tds)}</tr>")
    ths = "".join(f"<th class='{'c' if j else 'l'}'>{esc(c)}</th>" for j, c in enumerate(t.columns))
    w = rng.choice([800, 960, 1024])
    h = w * 3 // 4 if rng.random() < 0.5 else w * 9 // 16
    fs = max(13, w // 60)
    author = rng.choice(["A. Moreau et al.", "K. Lindqvist", "J. Ortega, M. Sato"])
    css = f"""
    #shot{{width:{w}px;height:{h}px;position:relative;background:#fff;font-family:'{font}';
      font-size:{fs}px;overflow:hidden}}
    .head{{background:linear-gradient({blue},{blue}cc);color:#fff;font-size:{fs + 7}px;
      padding:10px 20px}}
    table{{border-collapse:collapse;margin:{h // 14}px auto 0}}
    td,th{{padding:4px 12px;white-space:nowrap}} th{{border-bottom:1px solid #000;
      font-weight:700}} table{{border-top:1px solid #000;border-bottom:1px solid #000}}
    .c{{text-align:center}} .l{{text-align:left}}
    .note{{text-align:center;margin-top:16px;font-size:{fs - 2}px}}
    .foot{{position:absolute;bottom:0;left:0;right:0;display:flex;font-size:{max(10, fs - 5)}px;
      color:#fff}} .foot div{{flex:1;padding:3px 10px;text-align:center}}
    """
    body = f"""<div id='shot'><div class='head'>{esc(t.title)}</div><table><tr>{ths}</tr>
    {"".join(trs)}</table><div class='note'>Best result per column highlighted.</div>
    <div class='foot'><div style='background:{blue}'>{esc(author)}</div>
    <div style='background:{blue}bb'>Scaling small models</div>
    <div style='background:{blue}88'>May {rng.randint(2, 28)}, 2025 &nbsp;
    {rng.randint(8, 30)} / 41</div></div></div>"""
    image = ctx.shoot(page(body, css), rng.choice([1.0, 1.0, 1.25]))
    return Shot(image, t.truth(), rng.choice([None, 80]))


# ---------------------------------------------------------------- 6 de_comma_blog
def de_comma_blog(rng: random.Random, ctx: Ctx) -> Shot:
    def de(v: float, d: int = 1) -> str:
        return f"{v:.{d}f}".replace(".", ",")

    t = make_table(
        rng,
        names={
            "model": rng.choice(["Modell", "Modell", "Name"]),
            "params": rng.choice(["Parameter (Mrd.)", "Größe (Mrd.)"]),
            "tokens": rng.choice(["Token (Bio.)", "Trainingsdaten (Bio. Token)"]),
        },
        fmt_score=de,
        fmt_params=lambda v: num(v).replace(".", ","),
        fmt_tokens=lambda v: de(v),
        dash="–",
        params_p=0.6,
        tokens_p=0.45,
    )
    t.title = f"Tabelle {rng.randint(1, 3)}: " + rng.choice(
        ["Ergebnisse im Überblick", "Benchmark-Ergebnisse (Angaben in Prozent)",
         "Vergleich der offenen Modelle"]
    )  # fmt: skip
    font = pick(rng, [*SERIF, "Open Sans"])
    zebra = rng.choice(["#f3f6f9", "#fbf7ee", "#f2f2f2"])
    accent = rng.choice(["#c0392b", "#00628b", "#2d6a4f"])
    trs = "".join(
        "<tr>"
        + "".join(f"<td class='{'r' if j else ''}'>{esc(c)}</td>" for j, c in enumerate(row.cells))
        + "</tr>"
        for row in t.rows
    )
    ths = "".join(f"<th class='{'r' if j else ''}'>{esc(c)}</th>" for j, c in enumerate(t.columns))
    css = f"""
    #shot{{width:{rng.randint(700, 980)}px;padding:28px 36px;font-family:'{font}';
      font-size:{rng.choice([15, 16, 17])}px;color:#222;background:#fff;line-height:1.55}}
    .kicker{{color:{accent};font-family:'Liberation Sans';font-size:13px;font-weight:700;
      text-transform:uppercase;letter-spacing:1px}}
    h2{{font-family:'Liberation Sans';font-size:26px;margin:4px 0 12px}}
    table{{border-collapse:collapse;width:100%;margin:8px 0;font-family:'Liberation Sans';
      font-size:14px}}
    th{{background:{accent};color:#fff;padding:7px 9px;text-align:left}}
    td{{padding:6px 9px;border-bottom:1px solid #ddd}} tr:nth-child(odd) td{{background:{zebra}}}
    .r{{text-align:right}} .cap{{font-size:13px;color:#555;font-family:'Liberation Sans'}}
    """
    body = f"""<div id='shot'><div class='kicker'>KI · Sprachmodelle</div>
    <h2>{
        rng.choice(
            [
                "Kleine Modelle holen auf",
                "Offene Modelle im Vergleich",
                "Neue Sprachmodelle im Test",
            ]
        )
    }</h2>
    <p>Wir haben die aktuellen Modelle mit demselben Prüfstand getestet. Die Werte geben die
    Genauigkeit in Prozent an; höhere Werte sind besser.</p>
    <div class='cap'>{esc(t.title)}</div><table><tr>{ths}</tr>{trs}</table>
    <p>Auffällig ist vor allem der Abstand bei den Mathematik-Aufgaben.</p></div>"""
    image = ctx.shoot(page(body, css), rng.choice([1.0, 1.25]))
    return Shot(image, t.truth(), rng.choice([None, None, 75]))


# ---------------------------------------------------------------- 7 ko_blog
def ko_blog(rng: random.Random, ctx: Ctx) -> Shot:
    t = make_table(
        rng,
        names={
            "model": rng.choice(["모델", "모델명"]),
            "params": rng.choice(["파라미터(B)", "크기(B)"]),
            "tokens": "학습 토큰(T)",
            "mmlu": rng.choice(["MMLU", "MMLU (5-shot)"]),
        },
        params_p=0.55,
        tokens_p=0.3,
        fmt_params=num,
        fmt_tokens=lambda v: f"{v:.1f}",
    )
    t.title = rng.choice(["표 1. 주요 모델 벤치마크 비교", "[표] 오픈 모델 성능 비교", ""])
    green = rng.choice(["#03c75a", "#19ce60"])
    trs = "".join(
        "<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row.cells) + "</tr>" for row in t.rows
    )
    ths = "".join(f"<th>{esc(c)}</th>" for c in t.columns)
    css = f"""
    #shot{{width:{rng.randint(640, 900)}px;background:#fff;font-family:'WenQuanYi Zen Hei';
      color:#333;font-size:15px}}
    .top{{background:{green};color:#fff;padding:10px 18px;font-weight:700}}
    .wrap{{padding:20px 28px}} h3{{font-size:22px;margin:0 0 6px}}
    .meta{{color:#999;font-size:13px;margin-bottom:16px}} p{{line-height:1.8}}
    .cap{{text-align:center;font-size:14px;color:#555;margin:6px 0}}
    table{{border-collapse:collapse;margin:0 auto;font-size:14px}}
    th{{background:#f4f4f4;border:1px solid #ccc;padding:7px 12px}}
    td{{border:1px solid #ccc;padding:7px 12px;text-align:center}}
    """
    body = f"""<div id='shot'><div class='top'>NAVER 블로그</div><div class='wrap'>
    <h3>{rng.choice(["요즘 오픈소스 LLM 성능 정리", "소형 언어모델 벤치마크 비교해봤습니다"])}</h3>
    <div class='meta'>ai_노트 · 2025. {rng.randint(1, 12)}. {rng.randint(1, 28)}.</div>
    <p>같은 평가 코드로 돌려 본 결과입니다. 점수는 정확도(%)이고 높을수록 좋습니다.</p>
    <div class='cap'>{esc(t.title)}</div><table><tr>{ths}</tr>{trs}</table>
    <p>수학 문제에서 차이가 가장 크게 났네요.</p></div></div>"""
    image = ctx.shoot(page(body, css), rng.choice([1.0, 1.5]))
    return Shot(image, t.truth(), rng.choice([None, 82]))


# ---------------------------------------------------------------- 8 printed_page_photo
def printed_page_photo(rng: random.Random, ctx: Ctx) -> Shot:
    t = make_table(rng, n_rows=(4, 7))
    t.title = f"Table {rng.randint(1, 9)}. " + rng.choice(
        ["Evaluation results.", "Accuracy (%) on held-out benchmarks.", "Main comparison."]
    )
    font = pick(rng, SERIF)
    trs = "".join(
        "<tr>"
        + "".join(f"<td class='{'r' if j else ''}'>{esc(c)}</td>" for j, c in enumerate(row.cells))
        + "</tr>"
        for row in t.rows
    )
    ths = "".join(f"<th class='{'r' if j else ''}'>{esc(c)}</th>" for j, c in enumerate(t.columns))
    css = f"""
    #shot{{background:#fff;padding:40px 50px;font-family:'{font}';font-size:17px;color:#111}}
    table{{border-collapse:collapse}} td,th{{padding:4px 14px;white-space:nowrap}}
    th{{border-top:2px solid #111;border-bottom:1px solid #111}}
    tr:last-child td{{border-bottom:2px solid #111}} .r{{text-align:right}}
    .cap{{margin-bottom:10px}} .p{{margin-top:16px;width:520px;line-height:1.5}}
    """
    body = f"""<div id='shot'><div class='cap'>{esc(t.title)}</div><table><tr>{ths}</tr>
    {trs}</table><div class='p'>All models evaluated zero-shot except where noted.</div></div>"""
    flat = ctx.shoot(page(body, css), 2.0)
    src = np.asarray(flat).astype(np.float32)
    h, w = src.shape[:2]
    # Paper on a desk: tinted, unevenly lit, photographed a little from the side.
    pad = int(0.12 * w)
    canvas_w, canvas_h = w + 2 * pad, h + 2 * pad
    dx, dy = w * 0.05, h * 0.06
    quad_src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    jit = [rng.uniform(-1, 1) for _ in range(8)]
    quad_dst = np.float32(
        [
            [pad + dx * jit[0], pad + dy * jit[1]],
            [pad + w - dx * abs(jit[2]), pad + dy * jit[3]],
            [pad + w + dx * jit[4] * 0.5, pad + h + dy * jit[5] * 0.5],
            [pad + dx * jit[6] * 0.5, pad + h - dy * abs(jit[7])],
        ]
    )
    m = cv2.getPerspectiveTransform(quad_src, quad_dst)
    tint = np.array([rng.uniform(238, 250), rng.uniform(232, 245), rng.uniform(215, 232)])
    paper = src / 255.0 * tint
    desk = np.array([rng.uniform(60, 120), rng.uniform(50, 90), rng.uniform(35, 70)])
    warped = cv2.warpPerspective(
        paper, m, (canvas_w, canvas_h), flags=cv2.INTER_LINEAR, borderValue=tuple(desk.tolist())
    )
    yy, xx = np.mgrid[0:canvas_h, 0:canvas_w].astype(np.float32)
    cx, cy = rng.uniform(0.2, 0.8) * canvas_w, rng.uniform(0.2, 0.8) * canvas_h
    light = 1.0 - 0.35 * (((xx - cx) ** 2 + (yy - cy) ** 2) ** 0.5) / max(canvas_w, canvas_h)
    photo = warped * light[..., None]
    nprng = np.random.default_rng(rng.randrange(2**32))
    photo += nprng.normal(0, 4.0, photo.shape)
    image = Image.fromarray(np.clip(photo, 0, 255).astype(np.uint8))
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.1)))
    target = rng.randint(1100, 1500)
    image = image.resize((target, int(image.height * target / image.width)), Image.LANCZOS)
    return Shot(image, t.truth(), rng.randint(60, 80))


# ---------------------------------------------------------------- 9 vscode_rainbow_csv
def vscode_rainbow_csv(rng: random.Random, ctx: Ctx) -> Shot:
    t = make_table(
        rng,
        pattern=rng.choice([0, 3, 4]),
        names={
            "model": rng.choice(["model", "model_name", "name"]),
            "params": rng.choice(["params_b", "n_params_b"]),
            "tokens": rng.choice(["tokens_t", "train_tokens_t"]),
            "mmlu": rng.choice(["MMLU", "MMLU_5shot"]),
        },
        dash="",
        fmt_params=num,
        fmt_tokens=lambda v: f"{v:g}",
    )
    t.columns = [c.replace(" ", "_") if k != "score" else c.lower().replace("-", "_")
                 for c, k in zip(t.columns, t.kinds, strict=True)]  # fmt: skip
    palette = ["#e6e6e6", "#6fc3df", "#c586c0", "#dcdcaa", "#4ec9b0", "#ce9178", "#9cdcfe",
               "#d7ba7d"]  # fmt: skip
    dark = rng.random() < 0.75
    if not dark:
        palette = ["#000000", "#0451a5", "#a31515", "#795e26", "#267f99", "#af00db", "#098658",
                   "#811f3f"]  # fmt: skip
    bg, gutter, fg_no, tab = (
        ("#1e1e1e", "#1e1e1e", "#858585", "#252526")
        if dark
        else ("#fff", "#fff", "#237893", "#f3f3f3")
    )
    mono = pick(rng, MONO)
    fs = rng.choice([13, 14, 15])
    lines = [t.columns] + [r.cells for r in t.rows]
    out = []
    for i, cells in enumerate(lines):
        parts = [
            f"<span style='color:{palette[j % len(palette)]}'>{esc(c)}</span>"
            for j, c in enumerate(cells)
        ]
        sep = f"<span style='color:{fg_no}'>,</span>"
        out.append(f"<div class='ln'><span class='no'>{i + 1}</span>{sep.join(parts)}</div>")
    for i in range(len(lines), len(lines) + rng.randint(1, 4)):
        out.append(f"<div class='ln'><span class='no'>{i + 1}</span></div>")
    fname = rng.choice(["results.csv", "eval_summary.csv", "leaderboard_0612.csv"])
    css = f"""
    #shot{{background:{bg};width:{rng.randint(800, 1200)}px;font-family:'{mono}';
      font-size:{fs}px}}
    .tabs{{background:{tab};display:flex;font-family:'Liberation Sans';font-size:13px}}
    .tab{{padding:8px 16px;color:{"#fff" if dark else "#333"};background:{bg};
      border-top:1px solid #0078d4}} .tab2{{padding:8px 16px;color:#888}}
    .crumb{{color:#999;font-family:'Liberation Sans';font-size:12px;padding:4px 16px}}
    .ln{{white-space:pre;line-height:1.6;background:{gutter}}}
    .no{{display:inline-block;width:48px;text-align:right;margin-right:22px;color:{fg_no}}}
    .status{{background:#007acc;color:#fff;font-family:'Liberation Sans';font-size:12px;
      padding:3px 12px;margin-top:10px;display:flex;justify-content:space-between}}
    """
    body = f"""<div id='shot'><div class='tabs'><div class='tab'>{fname} ×</div>
    <div class='tab2'>run_eval.py</div></div><div class='crumb'>evals › {fname}</div>
    {"".join(out)}<div class='status'><span>main ⟳</span><span>Ln 1, Col 1 &nbsp; UTF-8
    &nbsp; CSV &nbsp; Rainbow CSV</span></div></div>"""
    image = ctx.shoot(page(body, css, bg), rng.choice([1.0, 1.25, 1.5]))
    return Shot(image, t.truth())


# ---------------------------------------------------------------- 10 grafana_thresholds
def grafana_thresholds(rng: random.Random, ctx: Ctx) -> Shot:
    pct = rng.random() < 0.5
    t = make_table(
        rng,
        fmt_score=(lambda v: f"{v:.1f}%") if pct else None,
        params_p=0.4,
        tokens_p=0.2,
        dash="N/A",
    )
    t.title = rng.choice(["Benchmark scores (latest)", "Eval: latest checkpoints", "Model evals"])
    trs = []
    for row in t.rows:
        tds = []
        for j, c in enumerate(row.cells):
            v = cell_value(t, row, j)
            style = ""
            if v is not None:
                color = "#37872d" if v >= 65 else "#c4862a" if v >= 40 else "#c4162a"
                style = f" style='background:{color};color:#fff'"
            tds.append(f"<td{style}>{esc(c)}</td>")
        trs.append(f"<tr>{''.join(tds)}</tr>")
    ths = "".join(f"<th>{esc(c)}</th>" for c in t.columns)
    css = f"""
    #shot{{background:#111217;padding:10px;width:{rng.randint(800, 1250)}px;
      font-family:'{pick(rng, ["Roboto", "Open Sans"])}'}}
    .panel{{background:#181b1f;border:1px solid #2c3235;border-radius:2px}}
    .ptitle{{color:#ccccdc;font-size:14px;font-weight:500;padding:8px 12px}}
    table{{border-collapse:collapse;width:100%;font-size:14px;color:#ccccdc}}
    th{{color:#6e9fff;text-align:left;font-weight:500;padding:7px 10px;
      border-bottom:1px solid #2c3235;background:#181b1f}}
    td{{padding:7px 10px;border-bottom:1px solid #202226;white-space:nowrap}}
    """
    body = f"""<div id='shot'><div class='panel'><div class='ptitle'>{esc(t.title)}</div>
    <table><tr>{"".join(ths)}</tr>{"".join(trs)}</table></div></div>"""
    image = ctx.shoot(page(body, css, "#111217"), rng.choice([1.0, 1.25]))
    return Shot(image, t.truth(), rng.choice([None, 68, 88]))


# ---------------------------------------------------------------- 11 reddit_post_table
def reddit_post_table(rng: random.Random, ctx: Ctx) -> Shot:
    t = make_table(rng, n_rows=(4, 8))
    t.title = rng.choice(
        [
            "I benchmarked every small model I could run locally",
            "New eval numbers for the recent open releases",
            "Quick comparison after the latest quant updates",
        ]
    )
    dark = rng.random() < 0.5
    bg, card, fg, dim, line, zebra = (
        ("#030303", "#1a1a1b", "#d7dadc", "#818384", "#343536", "#272729")
        if dark
        else ("#dae0e6", "#ffffff", "#1c1c1c", "#787c7e", "#edeff1", "#f6f7f8")
    )
    best_col = rng.choice(t.score_columns())
    trs = "".join(
        "<tr>" + "".join(
            f"<td class='{'r' if j else ''}'>{esc(c)}</td>" for j, c in enumerate(row.cells)
        ) + "</tr>"
        for row in t.rows
    )  # fmt: skip
    ths = "".join(f"<th class='{'r' if j else ''}'>{esc(c)}</th>" for j, c in enumerate(t.columns))
    css = f"""
    #shot{{background:{bg};padding:16px;width:{rng.randint(700, 1000)}px;
      font-family:'{pick(rng, ["Liberation Sans", "Open Sans", "Roboto"])}'}}
    .card{{background:{card};border:1px solid {line};border-radius:4px;display:flex;color:{fg}}}
    .votes{{width:40px;text-align:center;color:{dim};padding-top:10px;font-size:12px;
      font-weight:700}} .content{{padding:8px 12px 12px;flex:1}}
    .meta{{font-size:12px;color:{dim}}} .meta b{{color:{fg}}}
    h2{{font-size:19px;margin:8px 0}} .flair{{background:#0079d3;color:#fff;font-size:12px;
      border-radius:10px;padding:1px 8px;margin-left:6px;font-weight:400}}
    p{{font-size:14px;line-height:1.5}}
    table{{border-collapse:collapse;font-size:14px;margin:8px 0}}
    th,td{{border:1px solid {line};padding:5px 9px}} tr:nth-child(even) td{{background:{zebra}}}
    .r{{text-align:right}} .act{{color:{dim};font-size:12px;font-weight:700;margin-top:10px}}
    """
    body = f"""<div id='shot'><div class='card'><div class='votes'>▲<br>{rng.randint(40, 900)}
    <br>▼</div><div class='content'><div class='meta'><b>r/LocalModels</b> · Posted by
    u/{rng.choice(["quant_goblin", "tensorwrangler", "fp16_or_bust"])} {rng.randint(2, 20)}h ago
    </div><h2>{esc(t.title)}<span class='flair'>Discussion</span></h2>
    <p>Same prompts, same harness, greedy decoding. {esc(t.columns[best_col])} is where it
    gets interesting.</p><table><tr>{ths}</tr>{trs}</table>
    <p>Happy to run more if people want.</p><div class='act'>{rng.randint(10, 300)}
    Comments &nbsp; Share &nbsp; Save</div></div></div></div>"""
    image = ctx.shoot(page(body, css, bg), rng.choice([1.0, 1.25, 2.0]))
    return Shot(image, t.truth(), rng.choice([None, 72]))


# ---------------------------------------------------------------- 12 mailing_list_pre
def mailing_list_pre(rng: random.Random, ctx: Ctx) -> Shot:
    t = make_table(
        rng,
        pattern=rng.choice([0, 2, 3]),
        dash="n/a",
        fmt_params=lambda v: f"{num(v)}B",
        fmt_tokens=lambda v: f"{v:.1f}T",
        dash_p=0.2,
    )
    t.title = rng.choice(
        [
            "[eval-wg] Results for the May checkpoint sweep",
            "[models-dev] Re: benchmark numbers for the release notes",
            "[eval-wg] weekly numbers",
        ]
    )
    widths = [max(len(c), *(len(r.cells[j]) for r in t.rows)) for j, c in enumerate(t.columns)]
    mean_row = rng.random() < 0.5
    lines = ["  ".join(c.ljust(widths[j]) if j == 0 else c.rjust(widths[j])
                       for j, c in enumerate(t.columns))]  # fmt: skip
    lines.append("  ".join("-" * w for w in widths))
    for r in t.rows:
        lines.append("  ".join(c.ljust(widths[j]) if j == 0 else c.rjust(widths[j])
                               for j, c in enumerate(r.cells)))  # fmt: skip
    if mean_row:
        offset = 1 + t.kinds.count("params") + t.kinds.count("tokens")
        cells = ["mean"] + [""] * (offset - 1)
        for j in range(offset, len(t.columns)):
            vals = [r.scores[j - offset] for r in t.rows if r.scores[j - offset] is not None]
            cells.append(f"{sum(vals) / len(vals):.1f}")
        lines.append("  ".join("-" * w for w in widths))
        lines.append("  ".join(c.ljust(widths[j]) if j == 0 else c.rjust(widths[j])
                               for j, c in enumerate(cells)))  # fmt: skip
    text = "\n".join(lines)
    name = rng.choice(["Dana Whitfield", "Kenji Mori", "Sasha Petrov", "Lena Okafor"])
    mono = pick(rng, MONO)
    css = f"""
    #shot{{background:#fff;padding:12px 20px;width:{rng.randint(760, 1100)}px;
      font-family:'Liberation Serif';color:#000}}
    h1{{font-size:22px;margin:6px 0}} .hd{{font-size:15px;line-height:1.4}}
    a{{color:#00e}} pre{{font-family:'{mono}';font-size:{rng.choice([13, 14, 15])}px;
      line-height:1.35}} hr{{border:0;border-top:1px solid #999}}
    """
    body = f"""<div id='shot'><h1>{esc(t.title)}</h1><div class='hd'><b>{esc(name)}</b>
    <a>{esc(name.split()[0].lower())} at example.org</a><br><i>Tue May {rng.randint(2, 28)}
    09:{rng.randint(10, 59)}:07 UTC 2025</i><ul><li>Previous message: <a>[eval-wg] harness
    v0.4</a></li><li>Messages sorted by: <a>[ date ]</a> <a>[ thread ]</a></li></ul></div>
    <hr><pre>Hi all,

Numbers from this week's run (same prompts as before, greedy):

{esc(text)}

n/a = not run yet. Full logs are on the shared drive.

-- {esc(name.split()[0])}</pre><hr></div>"""
    image = ctx.shoot(page(body, css), rng.choice([1.0, 1.25]))
    return Shot(image, t.truth())


LOOKS = [
    ("streamlit_app", streamlit_app),
    ("arxiv_html_caption", arxiv_html_caption),
    ("slack_psql_ascii", slack_psql_ascii),
    ("wandb_runs_dark", wandb_runs_dark),
    ("beamer_madrid", beamer_madrid),
    ("de_comma_blog", de_comma_blog),
    ("ko_blog", ko_blog),
    ("printed_page_photo", printed_page_photo),
    ("vscode_rainbow_csv", vscode_rainbow_csv),
    ("grafana_thresholds", grafana_thresholds),
    ("reddit_post_table", reddit_post_table),
    ("mailing_list_pre", mailing_list_pre),
]
