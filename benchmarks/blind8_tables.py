"""The eighth blind test set of benchmark tables, written without reading the reader or any
other generator. Twelve looks, in turn:

- ``space_chips``: a Hugging Face Space-like leaderboard, a search box and filter chips
  above the table, rounded card, Open Sans.
- ``issue_dark``: a Linear-like dark issue page, the table attached in a comment under the
  author's avatar and a line of text.
- ``preview_pdf``: a real PDF page (reportlab, rendered by pdfium at 2x) in a macOS
  Preview-like window, a caption above the table.
- ``excel_dark``: a Windows dark-mode spreadsheet, column letters and row numbers around
  the cells (neither is part of the truth), the header in sheet row 1.
- ``cmidrule_bold``: a LaTeX-like serif table, group titles over partial rules
  (\\cmidrule), the best value of each column in bold.
- ``value_colours``: scores printed in green or red by whether they beat the column's
  median, light tinted cells.
- ``cn_yi``: a Simplified-Chinese page, Chinese column names, parameters in 亿 (70亿 = 7B)
  and training data in 万亿 or B.
- ``footnote_sections``: section lines between rows ("Open weights", ...), footnote marks
  after some model names (no part of the name), footnotes under the table.
- ``pastel_selected``: a low-contrast pastel theme, one row selected (saturated
  background, white text), grey hairlines.
- ``metric_subheader``: narrow columns, each header two lines: benchmark over its metric
  (the benchmark alone names the column, as a setting on its own line).
- ``chat_bubble``: a table inside a chat bubble on a phone (2x or 3x), sometimes JPEG.
- ``laptop_moire``: a web table photographed on a laptop screen: moiré, a slight angle, the
  bezel, soft focus, noise, JPEG.

What each image's truth holds: its ``style``; its ``title`` when a caption or heading names
the table (a leaderboard's name does; an issue's title, a chat's name do not; else null);
``columns``, the header cells as printed, the model's first (a group title over several
columns, a metric line under a benchmark and sheet letters are no part of them); ``rows``,
one per model row (section lines are none), each with its ``model`` as printed less any
footnote mark, its ``cells`` (one per column, the model's first), ``params_b`` (billions: a
parameters column's, else the size in the name, else null), ``tokens_t`` (trillions, a
training-tokens column's, else null) and ``mmlu`` (the column MMLU's, never CMMLU's or
MMLU-Pro's, else null).

    python benchmarks/blind8_tables.py OUT_DIR [--count 48] [--seed 73000]
"""

from __future__ import annotations

import io
import random
import statistics
from collections.abc import Callable
from pathlib import Path

from blind8_data import (
    BENCHES,
    Look,
    Table,
    camera,
    command_line,
    esc,
    generate_looks,
    make_table,
    moire,
    page,
    perspective,
    resize_width,
    shoot_whole,
)
from browser import Browser
from PIL import Image, ImageDraw, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype")
Shot = tuple[Image.Image, dict, int | None]  # picture, truth, JPEG quality (None: PNG)


def rows_html(table: Table, cell: Callable[[int, int, str], str] | None = None) -> str:
    """The body rows; ``cell(row, column, text)`` may wrap a cell's text."""
    out = []
    for r, row in enumerate(table.rows):
        tds = "".join(f"<td>{cell(r, c, esc(t)) if cell else esc(t)}</td>"
                      for c, t in enumerate(row["cells"]))
        out.append(f"<tr>{tds}</tr>")
    return "".join(out)


def head_html(table: Table) -> str:
    return "<tr>" + "".join(f"<th>{esc(c)}</th>" for c in table.columns) + "</tr>"


def space_chips(rng: random.Random, browser: Browser) -> Shot:
    table = make_table(rng, rows=(5, 9), benches=(4, 6), tokens=0.2)
    title = rng.choice(("Open Reasoning Leaderboard", "Community Eval Board", "Small Model Arena"))
    chips = "".join(f"<span class='chip{' on' if i < 2 else ''}'>{c}</span>" for i, c in
                    enumerate(rng.sample(["pretrained", "chat", "≤ 15B", "merged", "base",
                                          "instruction-tuned", "official"], 5)))
    css = """#shot{width:%dpx;padding:22px;background:#fafafa}
    h1{font-size:24px;margin:0 0 12px} .search{border:1px solid #ccc;border-radius:8px;
    padding:8px 12px;color:#999;font-size:14px;margin-bottom:10px;background:#fff}
    .chip{display:inline-block;border:1px solid #d0d0e0;border-radius:14px;padding:3px 11px;
    margin:0 6px 12px 0;font-size:13px;color:#444;background:#fff}
    .chip.on{background:#eef0ff;border-color:#7b83eb;color:#3a42c4}
    .card{background:#fff;border:1px solid #e5e5e5;border-radius:10px;overflow:hidden}
    table{border-collapse:collapse;width:100%%;font-size:%dpx}
    th{background:#f3f4f6;text-align:left;padding:9px 10px;color:#374151;font-weight:600}
    td{padding:8px 10px;border-top:1px solid #eee} td:not(:first-child){text-align:right}
    td:first-child{color:#2563eb}"""
    width = rng.randint(640, 980)
    body = (f"<div id='shot'><h1>{title}</h1><div class='search'>Search for a model…</div>"
            f"{chips}<div class='card'><table>{head_html(table)}{rows_html(table)}</table>"
            "</div></div>")
    styled = page(body, css % (width, rng.choice((13, 14, 15))), "Open Sans")
    image = shoot_whole(browser, styled, rng.choice((1.0, 1.25)))
    return image, table.truth("space_chips", title), None


def issue_dark(rng: random.Random, browser: Browser) -> Shot:
    table = make_table(rng, rows=(3, 6), benches=(3, 5))
    css = """#shot{width:%dpx;background:#1b1c22;color:#d6d7dc;padding:20px 26px}
    .bar{color:#8a8d98;font-size:13px;margin-bottom:14px} .bar b{color:#e8e9ee}
    h2{font-size:19px;margin:0 0 16px;color:#f1f2f5} .comment{display:flex;gap:12px}
    .avatar{width:28px;height:28px;border-radius:50%%;background:#6e56cf;flex:none}
    .who{font-size:13px;color:#9ea1ad;margin-bottom:6px} .who b{color:#e8e9ee}
    p{font-size:14px;margin:0 0 10px}
    table{border-collapse:collapse;font-size:13px}
    th,td{border:1px solid #34363f;padding:6px 11px} th{background:#24252d;text-align:left}
    td:not(:first-child){text-align:right;font-family:'Liberation Mono',monospace}"""
    key = f"{rng.choice(('EVAL', 'ML', 'RES'))}-{rng.randint(100, 999)}"
    body = (f"<div id='shot'><div class='bar'>Research › <b>{key}</b></div>"
            f"<h2>Eval sweep for the {rng.choice(('spring', 'v3', 'distilled'))} checkpoints</h2>"
            "<div class='comment'><div class='avatar'></div><div><div class='who'><b>"
            f"{rng.choice(('mira', 'tobias.k', 'jun'))}</b> commented · 2h ago</div>"
            "<p>Numbers from the harness, same prompts for every run:</p>"
            f"<table>{head_html(table)}{rows_html(table)}</table></div></div></div>")
    image = shoot_whole(browser, page(body, css % rng.randint(620, 900), "Roboto"), 1.0)
    return image, table.truth("issue_dark", None), None


def preview_pdf(rng: random.Random, browser: Browser) -> Shot:
    import pypdfium2
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as PdfTable

    table = make_table(rng, rows=(4, 7), benches=(3, 5), settings=0.0)
    title = f"Table {rng.randint(1, 6)}: Results of the {rng.choice(('base', 'chat'))} models."
    styles = getSampleStyleSheet()
    grid = [table.columns] + [row["cells"] for row in table.rows]
    pdf_table = PdfTable(grid)
    pdf_table.setStyle([
        ("FONT", (0, 0), (-1, -1), "Times-Roman", 9),
        ("FONT", (0, 0), (-1, 0), "Times-Bold", 9),
        ("LINEABOVE", (0, 0), (-1, 0), 1, colors.black),
        ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),
        ("LINEBELOW", (0, -1), (-1, -1), 1, colors.black),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
    ])
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, topMargin=60)
    text = ("We compare the models on the benchmarks below with the same prompts and "
            "decoding settings. Higher is better for every column.")
    doc.build([Paragraph(text, styles["BodyText"]), Spacer(1, 14),
               Paragraph(title, styles["BodyText"]), Spacer(1, 6), pdf_table,
               Spacer(1, 14), Paragraph(text, styles["BodyText"])])
    pdf = pypdfium2.PdfDocument(buffer.getvalue())
    sheet = pdf[0].render(scale=2).to_pil().convert("RGB")
    sheet = sheet.crop((0, 0, sheet.width, min(sheet.height, 640)))
    window = Image.new("RGB", (sheet.width + 80, sheet.height + 90), (236, 236, 236))
    draw = ImageDraw.Draw(window)
    draw.rectangle((0, 0, window.width, 52), fill=(246, 246, 246))
    for i, colour in enumerate(((255, 95, 87), (254, 188, 46), (40, 200, 64))):
        draw.ellipse((18 + 26 * i, 18, 34 + 26 * i, 34), fill=colour)
    font = ImageFont.truetype(str(FONT_DIR / "liberation/LiberationSans-Bold.ttf"), 20)
    draw.text((120, 16), "results_draft.pdf — Page 4 of 11", fill=(70, 70, 70), font=font)
    window.paste(sheet, (40, 70))
    width = rng.randint(1100, 1400)
    return resize_width(window, width), table.truth("preview_pdf", title), None


def excel_dark(rng: random.Random, browser: Browser) -> Shot:
    table = make_table(rng, rows=(5, 9), benches=(3, 5), tokens=0.5)
    letters = "ABCDEFGHIJK"
    css = """#shot{background:#1f1f1f;color:#e6e6e6;padding:0;display:inline-block}
    .ribbon{background:#2b2b2b;padding:6px 10px;font-size:12px;color:#bbb}
    .fx{background:#262626;padding:4px 10px;font-size:12px;border-bottom:1px solid #3a3a3a}
    table{border-collapse:collapse;font-size:%dpx}
    td{border:1px solid #3b3b3b;padding:2px 8px;min-width:64px;height:20px}
    td.num{text-align:right} td.hdr{background:#2d2d2d;color:#a8a8a8;text-align:center;
    min-width:28px} tr.first td:not(.hdr){font-weight:bold}"""
    n_cols = len(table.columns) + 2
    out = ["<tr><td class='hdr'></td>" + "".join(f"<td class='hdr'>{letters[i]}</td>"
                                                 for i in range(n_cols)) + "</tr>"]
    grid = [table.columns] + [row["cells"] for row in table.rows]
    for r, cells in enumerate(grid):
        tds = "".join(f"<td class='{'num' if r and c else ''}'>{esc(t)}</td>"
                      for c, t in enumerate(cells))
        out.append(f"<tr class='{'first' if r == 0 else ''}'><td class='hdr'>{r + 1}</td>{tds}"
                   "<td></td><td></td></tr>")
    for r in range(len(grid), len(grid) + 3):
        out.append(f"<tr><td class='hdr'>{r + 1}</td>" + "<td></td>" * n_cols + "</tr>")
    body = (f"<div id='shot'><div class='ribbon'>File  Home  Insert  Formulas  Data  View</div>"
            f"<div class='fx'>A1 &nbsp; fx &nbsp; {esc(table.columns[0])}</div>"
            f"<table>{''.join(out)}</table></div>")
    image = shoot_whole(browser, page(body, css % rng.choice((12, 13, 14))), rng.choice((1.0, 1.5)))
    return image, table.truth("excel_dark", None), None


def cmidrule_bold(rng: random.Random, browser: Browser) -> Shot:
    knowledge = [b for b in BENCHES if b[0] in ("MMLU", "ARC-C", "TriviaQA", "GPQA", "PIQA")]
    reasoning = [b for b in BENCHES if b[0] in ("GSM8K", "MATH", "BBH", "DROP")]
    code = [b for b in BENCHES if b[0] in ("HumanEval", "MBPP")]
    groups = [("Knowledge", rng.sample(knowledge, 2)), ("Reasoning", rng.sample(reasoning, 2))]
    if rng.random() < 0.6:
        groups.append(("Code", code))
    pool = [b for _, members in groups for b in members]
    table = make_table(rng, rows=(4, 7), benches=(len(pool), len(pool)), pool=pool,
                       params="column", tokens=0.0, settings=0.0)
    # keep the grouped order: make_table sampled the pool in random order
    order = [b for b, _ in pool]
    scores = {b: i for i, b in enumerate(table.benches)}
    first = len(table.columns) - len(table.benches)
    perm = list(range(first)) + [first + scores[b] for b in order]
    table.columns = [table.columns[i] for i in perm]
    for row in table.rows:
        row["cells"] = [row["cells"][i] for i in perm]
    table.benches = order
    best = {c: table.best(c) for c in range(first, len(table.columns))}
    group_row = "<tr><th></th>" + "<th></th>" * (first - 1) + "".join(
        f"<th colspan='{len(m)}' class='grp'><span>{g}</span></th>" for g, m in groups) + "</tr>"
    css = """#shot{width:%dpx;padding:18px;background:#fff;font-family:'Liberation Serif',serif}
    table{border-collapse:separate;border-spacing:0;font-size:%dpx;margin:auto}
    th,td{padding:3px 11px;text-align:center} td:first-child,th:first-child{text-align:left}
    thead tr:first-child th{border-top:2px solid #000;padding-top:6px}
    th.grp span{display:block;border-bottom:1px solid #000;margin:0 3px;padding-bottom:2px}
    thead tr:last-child th{border-bottom:1px solid #000;font-weight:normal}
    tbody tr:last-child td{border-bottom:2px solid #000}
    .cap{text-align:center;font-size:%dpx;margin-bottom:10px}"""
    size = rng.choice((15, 16, 17))
    title = f"Table {rng.randint(2, 5)}: Comparison with open models of similar size."

    def bold(r: int, c: int, text: str) -> str:
        return f"<b>{text}</b>" if best.get(c) == r else text

    body = (f"<div id='shot'><div class='cap'>{title}</div><table><thead>{group_row}"
            f"{head_html(table)}</thead><tbody>{rows_html(table, bold)}</tbody></table></div>")
    image = shoot_whole(browser, page(body, css % (rng.randint(640, 860), size, size)), 1.5)
    return image, table.truth("cmidrule_bold", title), None


def value_colours(rng: random.Random, browser: Browser) -> Shot:
    table = make_table(rng, rows=(5, 8), benches=(4, 6), params="name")
    first = len(table.columns) - len(table.benches)
    medians = {c: statistics.median(float(r["cells"][c]) for r in table.rows)
               for c in range(first, len(table.columns))}

    def tint(r: int, c: int, text: str) -> str:
        if c not in medians:
            return text
        good = float(text) >= medians[c]
        return f"<span class='{'up' if good else 'down'}'>{text}</span>"

    css = """#shot{width:%dpx;padding:16px;background:#fff}
    table{border-collapse:collapse;font-size:14px;width:100%%}
    th{border-bottom:2px solid #333;padding:6px 8px;text-align:center;white-space:nowrap}
    td{padding:5px 8px;border-bottom:1px solid #e2e2e2;text-align:center}
    td:first-child{text-align:left;font-weight:600}
    .up{color:#0a7d32;background:#e3f6e8;padding:1px 5px;border-radius:3px}
    .down{color:#b3261e;background:#fde7e5;padding:1px 5px;border-radius:3px}
    h3{margin:0 0 10px;font-size:17px}"""
    title = rng.choice((None, "Scores vs. the median of each column"))
    heading = f"<h3>{title}</h3>" if title else ""
    body = (f"<div id='shot'>{heading}<table>{head_html(table)}{rows_html(table, tint)}"
            "</table></div>")
    image = shoot_whole(browser, page(body, css % rng.randint(560, 900), "Roboto"), 1.0)
    return image, table.truth("value_colours", title), None


def cn_yi(rng: random.Random, browser: Browser) -> Shot:
    pool = [b for b in BENCHES if b[0] in ("MMLU", "CMMLU", "C-Eval", "GSM8K", "HumanEval",
                                           "MATH", "AGIEval")]
    table = make_table(rng, rows=(4, 7), benches=(3, 5), params="column", tokens=0.6,
                       pool=pool, model_header="模型", params_header="参数量",
                       tokens_header="训练数据", settings=0.0)
    for row in table.rows:  # the Chinese units, as a Chinese README prints them
        for c, kind in enumerate(table.kinds):
            if kind == "params":
                row["cells"][c] = f"{row['params_b'] * 10:g}亿"
            elif kind == "tokens":
                t = row["tokens_t"]
                row["cells"][c] = f"{t:g}万亿" if t >= 1 else f"{round(t * 1000)}B"
    title = rng.choice(("表 2：基座模型评测结果", "主要评测结果", None))
    css = """#shot{width:%dpx;padding:20px;background:#fff;color:#222}
    h3{font-size:18px;margin:0 0 6px} p{font-size:14px;color:#555;margin:0 0 12px}
    table{border-collapse:collapse;font-size:14px}
    th{background:#f0f4fa;border:1px solid #d5dbe5;padding:7px 12px}
    td{border:1px solid #d5dbe5;padding:6px 12px;text-align:center}"""
    heading = f"<h3>{title}</h3>" if title else ""
    body = (f"<div id='shot'>{heading}<p>下表给出各模型在中英文基准上的得分（越高越好）。</p>"
            f"<table>{head_html(table)}{rows_html(table)}</table></div>")
    image = shoot_whole(browser, page(body, css % rng.randint(600, 820), "WenQuanYi Zen Hei"),
                        rng.choice((1.0, 1.5)))
    return image, table.truth("cn_yi", title), None


def footnote_sections(rng: random.Random, browser: Browser) -> Shot:
    table = make_table(rng, rows=(5, 8), benches=(3, 5))
    split = rng.randint(2, len(table.rows) - 2)
    sections = {0: rng.choice(("Open weights", "Open-source models")),
                split: rng.choice(("Proprietary", "API models", "Closed models"))}
    marks = {r: rng.choice(("*", "†", "‡", "¹")) for r in rng.sample(range(len(table.rows)), 2)}
    cols = len(table.columns)
    body_rows = []
    for r, row in enumerate(table.rows):
        if r in sections:
            body_rows.append(f"<tr class='sec'><td colspan='{cols}'>{sections[r]}</td></tr>")
        name = esc(row["cells"][0]) + (f"<sup>{marks[r]}</sup>" if r in marks else "")
        rest = "".join(f"<td>{esc(t)}</td>" for t in row["cells"][1:])
        body_rows.append(f"<tr><td>{name}</td>{rest}</tr>")
    reasons = ("Reported by the authors.", "Our re-run.", "Evaluated with a different prompt.")
    notes = "".join(f"<div>{m} {rng.choice(reasons)}</div>" for m in sorted(set(marks.values())))
    css = """#shot{width:%dpx;padding:18px;background:#fff}
    table{border-collapse:collapse;font-size:14px;width:100%%}
    th{border-top:2px solid #222;border-bottom:1px solid #222;padding:6px 8px}
    td{padding:4px 8px;text-align:center} td:first-child{text-align:left}
    tr.sec td{font-style:italic;color:#555;text-align:left;border-bottom:1px solid #bbb;
    padding-top:8px} tbody tr:last-child td{border-bottom:2px solid #222}
    .notes{font-size:11.5px;color:#444;margin-top:8px}"""
    body = (f"<div id='shot'><table><thead>{head_html(table)}</thead><tbody>"
            f"{''.join(body_rows)}</tbody></table><div class='notes'>{notes}</div></div>")
    font = rng.choice(("Liberation Sans", "FreeSans", "Open Sans"))
    image = shoot_whole(browser, page(body, css % rng.randint(560, 820), font), 1.0)
    return image, table.truth("footnote_sections", None), None


def pastel_selected(rng: random.Random, browser: Browser) -> Shot:
    table = make_table(rng, rows=(5, 9), benches=(3, 5), tokens=0.3)
    chosen = rng.randrange(len(table.rows))
    background, ink, line, pick = rng.choice((
        ("#fdf6ec", "#8a7f72", "#efe3d2", "#e8a87c"),
        ("#f2f7f5", "#7d8c86", "#dce8e3", "#6fb7a0"),
        ("#f6f3fb", "#8b84a0", "#e4dff0", "#9d8cd6"),
    ))
    css = f"""#shot{{width:{rng.randint(520, 820)}px;padding:18px;background:{background};
    color:{ink}}} table{{border-collapse:collapse;width:100%;font-size:14px}}
    th{{text-align:left;font-weight:600;padding:8px;border-bottom:1px solid {line}}}
    td{{padding:7px 8px;border-bottom:1px solid {line}}}
    tr.pick td{{background:{pick};color:#fff}}"""
    body_rows = "".join(
        f"<tr class='{'pick' if r == chosen else ''}'>"
        + "".join(f"<td>{esc(t)}</td>" for t in row["cells"]) + "</tr>"
        for r, row in enumerate(table.rows))
    body = f"<div id='shot'><table>{head_html(table)}{body_rows}</table></div>"
    image = shoot_whole(browser, page(body, css, "Roboto"), rng.choice((1.0, 1.25)))
    return image, table.truth("pastel_selected", None), None


def metric_subheader(rng: random.Random, browser: Browser) -> Shot:
    table = make_table(rng, rows=(4, 8), benches=(4, 7), params="name", tokens=0.0,
                       settings=0.0, decimals=1)
    metric = {"HumanEval": "pass@1", "MBPP": "pass@1", "GSM8K": "acc", "MATH": "acc",
              "TriviaQA": "EM", "DROP": "F1"}
    heads = "".join(f"<th>{esc(c)}<div class='m'>{metric.get(c, 'acc')}</div></th>"
                    for c in table.columns[1:])
    css = """#shot{display:inline-block;padding:14px;background:#fff}
    table{border-collapse:collapse;font-size:12px} th{padding:4px 5px;vertical-align:bottom;
    border-bottom:1px solid #666;max-width:64px} .m{font-weight:normal;color:#777;font-size:11px}
    td{padding:3px 5px;text-align:center;border-bottom:1px solid #eee}
    td:first-child{text-align:left;white-space:nowrap}"""
    body = (f"<div id='shot'><table><tr><th style='text-align:left'>{esc(table.columns[0])}"
            f"</th>{heads}</tr>{rows_html(table)}</table></div>")
    image = shoot_whole(browser, page(body, css, "Liberation Sans Narrow"), rng.choice((1.0, 1.5)))
    return image, table.truth("metric_subheader", None), None


def chat_bubble(rng: random.Random, browser: Browser) -> Shot:
    table = make_table(rng, rows=(3, 5), benches=(2, 3), params="none", tokens=0.0,
                       settings=0.0)
    css = """#shot{width:360px;background:#e9edf2;padding:0 0 18px}
    .top{background:#2f6fde;color:#fff;padding:12px 14px;font-size:16px;font-weight:600}
    .msg{margin:10px 12px;font-size:13px} .them{background:#fff;border-radius:14px 14px 14px 4px;
    padding:9px 11px;max-width:300px} .me{background:#d7f0c5;border-radius:14px 14px 4px 14px;
    padding:9px 11px;margin-left:auto;max-width:240px}
    table{border-collapse:collapse;font-size:11.5px;margin-top:6px}
    th,td{border:1px solid #c9ced6;padding:3px 5px} td:not(:first-child){text-align:right}
    th{background:#f2f4f7}"""
    body = (f"<div id='shot'><div class='top'>{rng.choice(('Eval squad', 'Lab chat', 'Nora'))}"
            "</div><div class='msg me'>how did the small ones do?</div><div class='msg them'>"
            f"Here you go:<table>{head_html(table)}{rows_html(table)}</table>"
            "<div style='margin-top:6px'>not bad for their size</div></div></div>")
    scale = rng.choice((2.0, 3.0))
    image = shoot_whole(browser, page(body, css, "Roboto"), scale)
    quality = rng.choice((None, 72))
    return image, table.truth("chat_bubble", None), quality


def laptop_moire(rng: random.Random, browser: Browser) -> Shot:
    table = make_table(rng, rows=(4, 6), benches=(3, 4), tokens=0.0)
    css = """#shot{width:620px;padding:22px;background:#fff}
    table{border-collapse:collapse;font-size:17px;width:100%}
    th{background:#eef2f7;padding:8px;border:1px solid #ccd4de}
    td{padding:7px 8px;border:1px solid #ccd4de;text-align:center}"""
    title = rng.choice(("Benchmark results", None))
    heading = f"<h2 style='margin:0 0 10px'>{title}</h2>" if title else ""
    body = f"<div id='shot'>{heading}<table>{head_html(table)}{rows_html(table)}</table></div>"
    screen = shoot_whole(browser, page(body, css, "Liberation Sans"), 1.5)
    screen = moire(screen, rng)
    bezel = Image.new("RGB", (screen.width + 60, screen.height + 60), (24, 24, 26))
    bezel.paste(screen, (30, 30))
    shot = perspective(bezel, rng, 0.04, (60, 58, 55))
    shot = camera(shot, rng)
    return resize_width(shot, rng.randint(900, 1200)), table.truth("laptop_moire", title), 78


LOOKS: list[tuple[str, Look]] = [
    ("space_chips", space_chips), ("issue_dark", issue_dark), ("preview_pdf", preview_pdf),
    ("excel_dark", excel_dark), ("cmidrule_bold", cmidrule_bold),
    ("value_colours", value_colours), ("cn_yi", cn_yi),
    ("footnote_sections", footnote_sections), ("pastel_selected", pastel_selected),
    ("metric_subheader", metric_subheader), ("chat_bubble", chat_bubble),
    ("laptop_moire", laptop_moire),
]


def generate(out: Path, count: int, seed: int) -> dict:
    """``count`` tables in ``out`` (the looks in turn) and their truth, keyed by file name."""
    return generate_looks(out, count, seed, "blind8-tables", LOOKS, (1600, 1200))


if __name__ == "__main__":
    command_line(generate, __doc__ or "", 48, 73000)
