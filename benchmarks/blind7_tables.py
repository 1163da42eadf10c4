"""The seventh blind test set of benchmark tables, written without reading the reader or any
other generator. Twelve looks, in turn:

- ``wandb_runs``: a Weights & Biases-like runs table, scores as fractions (0.6731), a colour
  dot before each run name, small grey headers.
- ``obsidian_dark``: a Markdown table in a dark Obsidian-like note, under a heading.
- ``confluence_page``: a Confluence-like page, grey header cells, an info panel above.
- ``zhtw_blog``: a Traditional-Chinese (zh-TW) blog article, Chinese column names beside
  the benchmarks' own, full-width brackets.
- ``phone_cropped``: a wide table on a phone, its right columns cut off by the screen (only
  the columns shown whole are truth).
- ``org_emacs``: an org-mode table in an Emacs buffer (monospace, ``|---+---|`` rules,
  dark or light theme), drawn with PIL.
- ``beamer_slide``: a Beamer-like slide (coloured title bar, serif table with rules,
  footline), drawn with PIL.
- ``zoom_downscaled``: a docs page shot at 150% zoom, then shrunk to half and saved as JPEG.
- ``family_rowspan``: model families in merged cells spanning their rows, left of the
  model column (the family column is no part of the truth).
- ``pm_intervals``: a paper-like HTML table whose scores carry ± intervals.
- ``rank_delta``: a leaderboard with a rank column holding arrows (▲2, ▼1; no part of the
  truth) and a signed change column.
- ``angled_photo``: a table page photographed at an angle, with glare, noise and JPEG.

Truth per image: ``columns`` (the first names the model column), ``rows`` (``model`` without
footnote marks; ``cells`` aligned with ``columns``, as printed; ``params_b`` from a
parameters column, else the size in the model's name, else null; ``tokens_t`` in trillions
from a training-tokens column, else null; ``mmlu`` from the column named MMLU, else null),
``title`` (or null) and ``style``.

    python benchmarks/blind7_tables.py OUT_DIR [--count 48] [--seed 63000]
"""

from __future__ import annotations

import html
import random
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

# this checkout's imgread, ahead of an editable install of another checkout (a venv
# shared by several worktrees), and the benchmarks beside this script
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind7_data import (
    FAMILIES,
    SIZES,
    Table,
    command_line,
    font,
    is_params,
    make_table,
    write_set,
)
from browser import Browser

# Chinese column names printed beside the benchmark's own ("常識推理 HellaSwag").
ZH_TW = {"MMLU": "綜合知識", "GSM8K": "數學應用題", "HumanEval": "程式生成", "ARC-C": "科學問答",
         "HellaSwag": "常識推理", "BBH": "困難推理", "MATH": "競賽數學", "C-Eval": "中文考試",
         "CMMLU": "中文知識", "TriviaQA": "知識問答", "MBPP": "程式基礎"}



def html_table(table: Table, cell=None, lead: tuple[str, list[str]] | None = None) -> str:
    """The table as HTML; ``cell(r, c, text)`` may dress a cell. ``lead`` is a column printed
    left of the model column and no part of the truth: its header, and each row's whole
    ``<td>`` ("" where a cell above spans the row)."""
    lead_head, lead_cells = lead or ("", [""] * len(table.cells))
    head = (f"<th>{lead_head}</th>" if lead else "") + "".join(
        f"<th>{html.escape(t)}</th>" for t in table.columns)
    body = []
    for r, row in enumerate(table.cells):
        tds = [lead_cells[r]]
        for c, text in enumerate(row):
            shown = html.escape(text)
            if c == 0 and table.marks[r]:
                shown += f"<sup>{table.marks[r]}</sup>"
            tds.append(f"<td>{cell(r, c, shown) if cell else shown}</td>")
        body.append("<tr>" + "".join(tds) + "</tr>")
    return (f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}"
            "</tbody></table>")


def page(css: str, body: str) -> str:
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>body{{margin:0}}"
            f"{css}</style></head><body>{body}</body></html>")


def notes_html(table: Table) -> str:
    return "".join(f"<p class='note'>{html.escape(n)}</p>" for n in table.notes)


def wandb_runs(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict]:
    table = make_table(rng, rows=rng.randint(4, 9), benches=rng.randint(3, 6), params=False,
                       tokens=False, fraction=True, title=None)
    table.columns = ["Name", *[c.lower() for c in table.columns[1:]]]
    colours = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6"]

    def cell(r: int, c: int, text: str) -> str:
        if c == 0:
            return (f"<span class='dot' style='background:{colours[r % len(colours)]}'></span>"
                    f"{text}")
        return text

    project = rng.choice(["evals-sweep", "pretrain-ablations", "harness-nightly"])
    css = ("#shot{font-family:'Roboto',sans-serif;background:#fff;padding:14px;width:fit-content}"
           ".bar{font-size:13px;color:#555;margin-bottom:8px} .bar b{color:#111}"
           "table{border-collapse:collapse;font-size:12px}"
           "th{background:#f5f6f7;color:#676d75;font-weight:500;text-align:left;"
           "padding:6px 14px;border-bottom:1px solid #dfe1e4;border-right:1px solid #eceef0}"
           "td{padding:6px 14px;border-bottom:1px solid #eceef0;font-family:'Roboto Mono',"
           "'Liberation Mono',monospace;color:#1a1c1f}"
           "td:first-child{font-family:'Roboto',sans-serif}"
           ".dot{display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:7px}")
    body = (f"<div id='shot'><div class='bar'>Runs · <b>{project}</b> · "
            f"{len(table.models)} of {len(table.models) + rng.randint(0, 30)} visible</div>"
            f"{html_table(table, cell)}</div>")
    image = browser.shoot(page(css, body), rng.choice([1.0, 1.25, 1.5]))
    return image, table.truth("wandb_runs")


def obsidian_dark(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict]:
    title = rng.choice(["Eval notes — small models", "Weekly eval log", "Baselines to beat"])
    table = make_table(rng, rows=rng.randint(3, 7), benches=rng.randint(2, 5),
                       params=rng.random() < 0.5, tokens=False, settings=rng.random() < 0.4,
                       title=title)
    align = "right" if rng.random() < 0.5 else "left"
    css = ("#shot{background:#1e1e1e;color:#dadada;font-family:'Open Sans',sans-serif;"
           "padding:26px 40px;width:fit-content;min-width:480px}"
           "h1{font-size:26px;color:#e6e6e6;margin:0 0 6px} .tags{color:#a882ff;font-size:13px}"
           "p{font-size:15px;color:#bdbdbd}"
           "table{border-collapse:collapse;font-size:15px;margin-top:10px}"
           "th{border:1px solid #3f3f3f;padding:6px 12px;font-weight:600;text-align:left;"
           "background:#262626}"
           f"td{{border:1px solid #3f3f3f;padding:6px 12px;text-align:{align}}}"
           "td:first-child{text-align:left} sup{color:#a882ff}")
    text = rng.choice(["Copied from the harness output, numbers rounded.",
                       "All runs on the same prompt format."])
    body = (f"<div id='shot'><h1>{html.escape(title)}</h1><div class='tags'>#evals #llm</div>"
            f"<p>{text}</p>{html_table(table)}{notes_html(table)}</div>")
    image = browser.shoot(page(css, body), rng.choice([1.0, 1.5]))
    return image, table.truth("obsidian_dark")


def confluence_page(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict]:
    title = rng.choice(["Model evaluation summary", "Q3 model bake-off", "Candidate models"])
    table = make_table(rng, rows=rng.randint(4, 8), benches=rng.randint(3, 6), params=True,
                       tokens=rng.random() < 0.5, decimals=rng.choice([1, 2]),
                       marks=rng.random() < 0.4, title=title)
    css = ("#shot{background:#fff;font-family:'Liberation Sans',Arial,sans-serif;color:#172b4d;"
           "padding:24px 34px;width:fit-content}"
           ".crumbs{font-size:12px;color:#6b778c} h1{font-size:26px;font-weight:500;margin:8px 0}"
           ".info{background:#deebff;border-radius:3px;padding:10px 14px;font-size:14px;"
           "margin:10px 0 14px}"
           "table{border-collapse:collapse;font-size:14px}"
           "th{background:#f4f5f7;border:1px solid #c1c7d0;padding:7px 10px;text-align:left;"
           "font-weight:bold}"
           "td{border:1px solid #c1c7d0;padding:7px 10px} .note{font-size:12px;color:#6b778c}")
    body = (f"<div id='shot'><div class='crumbs'>Spaces / ML Platform / Evaluations</div>"
            f"<h1>{html.escape(title)}</h1><div class='info'>ℹ Scores are accuracy (%) unless "
            f"noted. Owner: eval team.</div>{html_table(table)}{notes_html(table)}</div>")
    image = browser.shoot(page(css, body), rng.choice([1.0, 1.25]))
    return image, table.truth("confluence_page")


def zhtw_blog(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict]:
    title = rng.choice(["開源模型評測整理", "小型語言模型實測比較", "本週模型評比"])
    table = make_table(rng, rows=rng.randint(3, 7), benches=rng.randint(3, 5),
                       params=rng.random() < 0.6, tokens=False, title=title)
    table.columns[0] = "模型"
    for c, name in enumerate(table.columns):
        if is_params(name):
            table.columns[c] = "參數量（B）"
            for row in table.cells:
                row[c] = row[c].rstrip("B")
        elif name in ZH_TW and rng.random() < 0.7:
            table.columns[c] = f"{name}（{ZH_TW[name]}）"
    css = ("#shot{background:#fffdf8;font-family:'WenQuanYi Zen Hei',sans-serif;color:#333;"
           "padding:22px 30px;width:fit-content;max-width:900px}"
           "h2{font-size:24px;margin:0 0 10px;border-left:5px solid #d9534f;padding-left:10px}"
           "p{font-size:15px;line-height:1.7}"
           "table{border-collapse:collapse;font-size:15px}"
           "th{background:#f2ede3;border:1px solid #d8cfbf;padding:7px 10px}"
           "td{border:1px solid #d8cfbf;padding:7px 10px;text-align:center}"
           "td:first-child{text-align:left}")
    intro = rng.choice(["以下數據皆為作者自行測試，僅供參考。", "分數越高越好，粗體為同級最佳。"])
    body = (f"<div id='shot'><h2>{title}</h2><p>{intro}</p>{html_table(table)}"
            f"<p>資料來源：各模型技術報告與社群評測。</p></div>")
    image = browser.shoot(page(css, body), rng.choice([1.0, 1.5]))
    return image, table.truth("zhtw_blog")


def phone_cropped(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict]:
    table = make_table(rng, rows=rng.randint(4, 8), benches=rng.randint(5, 8),
                       params=rng.random() < 0.5, tokens=False, title=None)
    css = ("#shot{width:390px;height:auto;background:#fff;font-family:'Roboto',sans-serif}"
           ".status{display:flex;justify-content:space-between;font-size:14px;padding:8px 18px;"
           "font-weight:500} .head{font-size:19px;font-weight:700;padding:6px 16px}"
           "p{font-size:14px;color:#444;padding:0 16px;margin:6px 0 10px}"
           ".scroll{overflow:hidden;width:374px;margin-left:16px}"
           "table{border-collapse:collapse;font-size:14px;white-space:nowrap}"
           "th{background:#eef2f7;padding:8px 10px;text-align:left;border-bottom:2px solid #ccd}"
           "td{padding:8px 10px;border-bottom:1px solid #e3e3e8}")
    clock = f"{rng.randint(8, 23)}:{rng.randint(0, 59):02d}"
    body = (f"<div id='shot'><div class='status'><span>{clock}</span><span>● ● ▮ 87%</span>"
            "</div><div class='head'>Benchmarks</div><p>Scroll sideways for every task →</p>"
            f"<div class='scroll' id='box'>{html_table(table)}</div><p>&nbsp;</p></div>")
    scale = rng.choice([2.0, 3.0])
    image = browser.shoot(page(css, body), scale)
    # the columns the screen shows whole (header and every cell's text): only those are
    # printed; a column cut at the edge is no part of the truth
    edges = browser.evaluate(
        "() => { const box = document.getElementById('box').getBoundingClientRect();"
        " const right = cell => { const range = document.createRange();"
        " range.selectNodeContents(cell); return range.getBoundingClientRect().right; };"
        " return [...document.querySelectorAll('th')].map((th, c) =>"
        " [th, ...document.querySelectorAll(`td:nth-child(${c + 1})`)]"
        ".every(cell => right(cell) <= box.right + 0.5)); }",
        scale)
    keep = [i for i, whole in enumerate(edges) if whole]
    return image, table.truth("phone_cropped", keep)


def org_emacs(rng: random.Random, _browser: Browser) -> tuple[Image.Image, dict]:
    table = make_table(rng, rows=rng.randint(3, 8), benches=rng.randint(2, 5),
                       params=rng.random() < 0.5, tokens=rng.random() < 0.4,
                       decimals=rng.choice([1, 2]), title=None)
    widths = [max(len(table.columns[c]), *(len(r[c]) for r in table.cells))
              for c in range(len(table.columns))]

    def line(values: list[str]) -> str:
        parts = [v.ljust(w) if c == 0 else v.rjust(w)
                 for c, (v, w) in enumerate(zip(values, widths, strict=True))]
        return "| " + " | ".join(parts) + " |"

    rule = "|" + "+".join("-" * (w + 2) for w in widths) + "|"
    heading = rng.choice(["* Eval results", "** Baselines", "* TODO compare checkpoints"])
    lines = [heading, "#+NAME: scores", line(table.columns), rule,
             *(line(r) for r in table.cells), ""]
    dark = rng.random() < 0.5
    background, ink = ("#3f3f3f", "#dcdccc") if dark else ("#ffffea", "#1a1a1a")
    table_ink = "#8cd0d3" if dark else "#0000aa"
    size = rng.choice([14, 16, 18])
    mono = font(rng.choice(["liberation/LiberationMono-Regular.ttf",
                            "freefont/FreeMono.ttf", "dejavu/DejaVuSansMono.ttf"]), size)
    step = int(size * 1.45)
    width = int(mono.getlength("m") * (max(len(s) for s in lines) + 6)) + 40
    height = step * (len(lines) + 3) + 20
    image = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(image)
    for i, text in enumerate(lines):
        colour = table_ink if text.startswith("|") else ("#f0dfaf" if dark else "#7a3e00")
        draw.text((20, 14 + i * step), text, font=mono, fill=colour if text else ink)
    mode_line = f" -:--  results.org   Top L{len(lines)}   (Org) "
    draw.rectangle((0, height - step - 6, width, height), fill="#2b2b2b" if dark else "#d0d0c0")
    draw.text((8, height - step - 2), mode_line, font=mono, fill=ink)
    return image, table.truth("org_emacs")


def beamer_slide(rng: random.Random, _browser: Browser) -> tuple[Image.Image, dict]:
    title = rng.choice(["Main results", "Comparison with open models", "Zero-shot evaluation"])
    settings = rng.random() < 0.3
    table = make_table(rng, rows=rng.randint(3, 6), benches=rng.randint(2, 3 if settings else 4),
                       params=rng.random() < 0.6, tokens=False, settings=settings, title=title)
    width = rng.choice([800, 1024, 1280])
    height = width * 3 // 4
    theme = rng.choice([("#33337f", "#ffffff"), ("#2e6b3a", "#ffffff"), ("#8a1538", "#ffffff")])
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    scale = width / 800
    bar = int(52 * scale)
    draw.rectangle((0, 0, width, bar), fill=theme[0])
    draw.text((int(20 * scale), int(12 * scale)), title, fill=theme[1],
              font=font("liberation/LiberationSans-Bold.ttf", int(24 * scale)))
    serif = font("liberation/LiberationSerif-Regular.ttf", int(17 * scale))
    bold = font("liberation/LiberationSerif-Bold.ttf", int(17 * scale))
    pad = int(14 * scale)
    widths = [max(serif.getlength(table.columns[c]), *(serif.getlength(r[c])
                                                      for r in table.cells)) + 2 * pad
              for c in range(len(table.columns))]
    left = (width - sum(widths)) / 2
    top = bar + int(60 * scale)
    row_h = int(30 * scale)
    right = left + sum(widths)
    draw.line((left, top, right, top), fill="black", width=max(2, int(2 * scale)))
    y = top + int(6 * scale)

    def draw_row(values: list[str], y: float, faces: list[ImageFont.FreeTypeFont]) -> None:
        x = left
        for c, (text, w, face) in enumerate(zip(values, widths, faces, strict=True)):
            tx = x + pad if c == 0 else x + (w - face.getlength(text)) / 2
            draw.text((tx, y), text, fill="black", font=face)
            x += w

    draw_row(table.columns, y, [bold] * len(widths))
    y += row_h
    draw.line((left, y, right, y), fill="black", width=1)
    y += int(6 * scale)
    # the best score of each benchmark in bold, as papers print it
    best = [max(range(len(table.cells)), key=lambda r, c=c: float(table.cells[r][c]))
            if c and not is_params(name) else -1 for c, name in enumerate(table.columns)]
    for r, row in enumerate(table.cells):
        draw_row(row, y, [bold if best[c] == r else serif for c in range(len(row))])
        y += row_h
    draw.line((left, y + 2, right, y + 2), fill="black", width=max(2, int(2 * scale)))
    small = font("liberation/LiberationSans-Regular.ttf", int(11 * scale))
    draw.rectangle((0, height - int(20 * scale), width, height), fill=theme[0])
    draw.text((int(10 * scale), height - int(17 * scale)),
              f"A. Author (Univ.)        Scaling small models        {rng.randint(5, 30)} / 32",
              fill="white", font=small)
    return image, table.truth("beamer_slide")


def zoom_downscaled(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict]:
    title = rng.choice(["Evaluation", "Results on standard benchmarks", "Benchmarks"])
    table = make_table(rng, rows=rng.randint(4, 9), benches=rng.randint(3, 6), params=True,
                       tokens=rng.random() < 0.5, settings=rng.random() < 0.5, title=title)
    css = ("#shot{background:#fff;font-family:'FreeSans','Liberation Sans',sans-serif;"
           "padding:20px 28px;width:fit-content;color:#222}"
           "h2{font-size:22px;margin:0 0 12px;color:#111}"
           "table{border-collapse:collapse;font-size:14px}"
           "th{border-bottom:2px solid #444;padding:6px 12px;text-align:right}"
           "th:first-child,td:first-child{text-align:left}"
           "td{padding:5px 12px;text-align:right;border-bottom:1px solid #eee}"
           "tr:nth-child(even) td{background:#fafafa}")
    body = f"<div id='shot'><h2>{html.escape(title)}</h2>{html_table(table)}</div>"
    shot = browser.shoot(page(css, body), 1.5)
    shrink = rng.uniform(0.45, 0.6)
    image = shot.resize((int(shot.width * shrink), int(shot.height * shrink)),
                        rng.choice([Image.Resampling.BILINEAR, Image.Resampling.BICUBIC]))
    return image, table.truth("zoom_downscaled")


def family_rowspan(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict]:
    families = rng.sample(FAMILIES, k=rng.randint(2, 4))
    names: list[str] = []
    sizes: list[float] = []
    spans: list[tuple[str, int]] = []
    for family in families:
        picked = sorted(rng.sample(SIZES, k=rng.randint(1, 3)))
        spans.append((family, len(picked)))
        names += [f"{family}-{size:g}B" + rng.choice(["", "-Chat"]) for size in picked]
        sizes += [float(size) for size in picked]
    table = make_table(rng, rows=len(names), benches=rng.randint(3, 5), params=True,
                       tokens=False, models=(names, sizes))
    family_cells = [f"<td rowspan='{count}' class='fam'>{family}</td>" if k == 0 else ""
                    for family, count in spans for k in range(count)]
    css = ("#shot{background:#fff;font-family:'Open Sans',sans-serif;padding:18px;"
           "width:fit-content}"
           "table{border-collapse:collapse;font-size:14px}"
           "th{background:#334;color:#fff;padding:7px 12px;border:1px solid #556}"
           "td{border:1px solid #bbc;padding:6px 12px;text-align:center}"
           "td.fam{background:#eef0f8;font-weight:600;vertical-align:middle}")
    body = f"<div id='shot'>{html_table(table, lead=('Family', family_cells))}</div>"
    image = browser.shoot(page(css, body), rng.choice([1.0, 1.25, 2.0]))
    return image, table.truth("family_rowspan")


def pm_intervals(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict]:
    table = make_table(rng, rows=rng.randint(3, 7), benches=rng.randint(2, 4),
                       params=rng.random() < 0.5, tokens=False, title=None)
    spaced = rng.random() < 0.5
    for row in table.cells:
        for c, column in enumerate(table.columns):
            if c and not is_params(column):
                spread = f"{rng.uniform(0.1, 2.4):.1f}"
                row[c] = f"{row[c]} ± {spread}" if spaced else f"{row[c]}±{spread}"
    caption = ("Table 3: Accuracy (%) averaged over three seeds; ± is one standard "
               "deviation.")
    css = ("#shot{background:#fff;font-family:'Liberation Serif',serif;padding:20px 26px;"
           "width:fit-content;color:#000}"
           ".cap{font-size:15px;margin-bottom:8px;max-width:640px}"
           "table{border-collapse:collapse;font-size:16px}"
           "thead tr{border-top:2px solid #000;border-bottom:1px solid #000}"
           "tbody tr:last-child{border-bottom:2px solid #000}"
           "th{padding:5px 14px;font-weight:normal} td{padding:4px 14px;text-align:center}"
           "td:first-child{text-align:left}")
    body = f"<div id='shot'><div class='cap'>{caption}</div>{html_table(table)}</div>"
    image = browser.shoot(page(css, body), rng.choice([1.0, 1.5, 2.0]))
    return image, table.truth("pm_intervals")


def rank_delta(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict]:
    title = rng.choice(["Open leaderboard — week 12", "Community board", "Ranked by average"])
    table = make_table(rng, rows=rng.randint(5, 10), benches=rng.randint(3, 5), params=True,
                       tokens=False, decimals=rng.choice([1, 2]), title=title)
    bench_columns = [c for c, name in enumerate(table.columns) if c and not is_params(name)]
    order = sorted(range(len(table.cells)), key=lambda r: -sum(
        float(table.cells[r][c]) for c in bench_columns))
    for field_name in ("cells", "models", "marks", "params", "tokens", "mmlu"):
        values = getattr(table, field_name)
        setattr(table, field_name, [values[r] for r in order])
    table.columns.append("Δ avg")
    for row in table.cells:
        change = rng.uniform(-3, 3)
        row.append(f"{change:+.1f}")
    ranks = []
    for position in range(1, len(table.cells) + 1):
        move = rng.choice([0, 0, 1, 2, -1, -3])
        arrow = ("<span class='up'>▲" + str(move) + "</span>" if move > 0 else
                 "<span class='down'>▼" + str(-move) + "</span>" if move < 0 else
                 "<span class='flat'>–</span>")
        ranks.append(f"<td class='rank'>{position} {arrow}</td>")
    shown = html_table(table, cell=lambda r, c, t: (
        f"<span class='{'up' if t.startswith('+') else 'down'}'>{t}</span>"
        if c == len(table.columns) - 1 else t), lead=("#", ranks))
    css = ("#shot{background:#0f1724;color:#e2e8f0;font-family:'Roboto',sans-serif;"
           "padding:18px 22px;width:fit-content}"
           "h3{margin:0 0 12px;font-size:20px} table{border-collapse:collapse;font-size:14px}"
           "th{color:#94a3b8;font-weight:500;text-align:right;padding:8px 12px;"
           "border-bottom:1px solid #334155} th:nth-child(2){text-align:left}"
           "td{padding:8px 12px;text-align:right;border-bottom:1px solid #1e293b}"
           "td:nth-child(2){text-align:left;color:#f8fafc;font-weight:500}"
           ".rank{text-align:left;color:#cbd5e1} .up{color:#22c55e} .down{color:#f87171}"
           ".flat{color:#64748b}")
    body = f"<div id='shot'><h3>{html.escape(title)}</h3>{shown}</div>"
    image = browser.shoot(page(css, body), rng.choice([1.0, 1.5]))
    return image, table.truth("rank_delta")


def perspective_coefficients(source: list[tuple[float, float]],
                             target: list[tuple[float, float]]) -> list[float]:
    """PIL's eight PERSPECTIVE coefficients mapping output points ``target`` to input
    points ``source``."""
    matrix, vector = [], []
    for (x, y), (u, v) in zip(target, source, strict=True):
        matrix.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        matrix.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        vector += [u, v]
    return list(np.linalg.solve(np.array(matrix, float), np.array(vector, float)))


def angled_photo(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict]:
    title = rng.choice(["Results", "Table 2. Benchmark scores", "Evaluation summary"])
    table = make_table(rng, rows=rng.randint(3, 6), benches=rng.randint(2, 4),
                       params=rng.random() < 0.5, tokens=False, title=title)
    css = ("#shot{background:#fff;font-family:'Liberation Sans',sans-serif;padding:26px;"
           "width:fit-content;color:#111} h3{margin:0 0 10px;font-size:22px}"
           "table{border-collapse:collapse;font-size:19px}"
           "th,td{border:1px solid #555;padding:7px 14px} td{text-align:center}"
           "td:first-child{text-align:left}")
    body = f"<div id='shot'><h3>{html.escape(title)}</h3>{html_table(table)}</div>"
    sheet = browser.shoot(page(css, body), 1.5)
    w, h = sheet.size
    margin = int(0.12 * max(w, h))
    out_w, out_h = w + 2 * margin, h + 2 * margin
    skew = [rng.uniform(-0.06, 0.06) * w for _ in range(8)]
    corners = [(margin + skew[0], margin + skew[1]), (margin + w + skew[2], margin + skew[3]),
               (margin + w + skew[4], margin + h + skew[5]),
               (margin + skew[6], margin + h + skew[7])]
    coefficients = perspective_coefficients([(0, 0), (w, 0), (w, h), (0, h)], corners)
    desk = Image.new("RGB", (out_w, out_h), tuple(rng.randint(70, 140) for _ in range(3)))
    warped = sheet.transform((out_w, out_h), Image.Transform.PERSPECTIVE, coefficients,
                             Image.Resampling.BICUBIC, fillcolor=None)
    mask = Image.new("L", (w, h), 255).transform((out_w, out_h), Image.Transform.PERSPECTIVE,
                                                 coefficients, Image.Resampling.BILINEAR)
    desk.paste(warped, (0, 0), mask)
    pixels = np.asarray(desk, dtype=np.float32)
    ys, xs = np.mgrid[0:out_h, 0:out_w]
    cx, cy = rng.uniform(0.2, 0.8) * out_w, rng.uniform(0.2, 0.8) * out_h
    radius = rng.uniform(0.15, 0.3) * max(out_w, out_h)
    glare = np.exp(-(((xs - cx) ** 2 + (ys - cy) ** 2) / (2 * radius**2)))[..., None]
    warmth = np.array([1.0, 0.97, 0.9], np.float32)
    pixels = pixels * warmth * rng.uniform(0.8, 0.92)
    pixels = pixels + glare * rng.uniform(60, 110)
    pixels += np.random.default_rng(rng.randrange(1 << 30)).normal(0, 5, pixels.shape)
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 1.0)))
    return image, table.truth("angled_photo")


LOOKS = [wandb_runs, obsidian_dark, confluence_page, zhtw_blog, phone_cropped, org_emacs,
         beamer_slide, zoom_downscaled, family_rowspan, pm_intervals, rank_delta, angled_photo]
JPEG_LOOKS = {"zoom_downscaled", "angled_photo"}


def fit_width(image: Image.Image, low: int = 300, high: int = 1600) -> Image.Image:
    if low <= image.width <= high:
        return image
    target = high if image.width > high else low
    return image.resize((target, round(image.height * target / image.width)),
                        Image.Resampling.LANCZOS)


def generate(out: Path, count: int, seed: int) -> dict:
    browser = Browser((1400, 1000))

    def draw(rng: random.Random, index: int) -> tuple[Image.Image, dict]:
        image, truth = LOOKS[index % len(LOOKS)](rng, browser)
        return fit_width(image), truth

    try:
        return write_set(out, count, seed, "blind7-tables", draw, JPEG_LOOKS)
    finally:
        browser.close()


if __name__ == "__main__":
    command_line(__doc__, generate, 48, 63000)
