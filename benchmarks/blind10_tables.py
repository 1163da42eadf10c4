"""The tenth blind test set of tables: twelve looks written without reading the reader or
any other generator, each screenshotted from HTML in headless Chromium (benchmarks/browser.py).

Looks, in turn:
- aggrid_checkbox: a web data grid with a checkbox column, sort arrows and a pagination footer;
- powerbi_databars: a BI dashboard visual, navy header, a data bar drawn behind each score;
- rotated_headers: a paper table whose benchmark headers are turned 60 degrees;
- checkmark_features: open-weights ticks and crosses and a licence word beside the scores;
- two_line_names: each model's name over a grey line naming its maker, no rules, big numbers;
- dotted_leaders: a book-like serif list, dotted leaders from each name to its scores;
- habr_ru: a Russian blog post (Cyrillic title and model header), saved as JPEG;
- column_banded: narrow condensed type, every other column shaded instead of rows;
- newspaper_serif: a newspaper graphic, kicker and headline over a thick rule, source below;
- sql_result_dark: a dark SQL client, the query above and a row-number gutter at the left;
- upscaled_blurry: a small table enlarged 2-3x with a soft filter (a zoomed screenshot);
- mac_window_shadow: a table in a macOS-like window with a shadow on a gradient desktop.

Truth per image: ``columns`` (the first names the model column) and ``rows`` (``model``,
``cells`` aligned with the columns, the model cell included, ``params_b``, ``tokens_t``,
``mmlu``), ``title`` (or null) and ``style``. Only what the image prints, as printed.

    python benchmarks/blind10_tables.py OUT_DIR [--count 48] [--seed 93000]
"""

from __future__ import annotations

import argparse
import html
import io
import json
import random
import re
from pathlib import Path

from browser import Browser
from PIL import Image, ImageFilter

FAMILIES = ["Marram", "Corvid", "Thistle", "Ostrea", "Lanternfly", "Pelion", "Sorrel",
            "Vireo", "Tamarack", "Nimbra", "Quillet", "Brackish"]
MAKERS = ["Saltmarsh AI", "Heronfield", "Cobble Labs", "North Weir", "Kiln Research",
          "Umber Systems", "Fennick", "Lowtide"]
SIZES = [0.35, 1.3, 2, 3, 7, 8, 9, 13, 14, 22, 34, 40, 70, 72, 110]
SUFFIXES = ["", "", "-Instruct", "-Chat", "-Base", " v2", "-2", " Pro"]
BENCHMARKS = ["GSM8K", "HumanEval", "ARC-C", "HellaSwag", "BBH", "MATH", "TriviaQA", "DROP",
              "WinoGrande", "AGIEval", "MBPP", "TruthfulQA", "MMLU-Pro", "GPQA", "CMMLU"]
SETTINGS = ["", "", "", " (5-shot)", " (0-shot)", " (8-shot)", " (pass@1)", " (25-shot)"]
STYLES = ["aggrid_checkbox", "powerbi_databars", "rotated_headers", "checkmark_features",
          "two_line_names", "dotted_leaders", "habr_ru", "column_banded", "newspaper_serif",
          "sql_result_dark", "upscaled_blurry", "mac_window_shadow"]
TITLES = ["Evaluation results", "Benchmark comparison", "Base model results",
          "Instruction-tuned models", "Open models at a glance", "Scores on public benchmarks"]


def size_text(size: float) -> str:
    return f"{int(size * 1000)}M" if size < 1 else f"{size:g}B"


def model_name(rng: random.Random, family: str, size: float, with_size: bool) -> str:
    sep = rng.choice(["-", "-", " "])
    suffix = rng.choice(SUFFIXES)
    if not with_size:
        return family + rng.choice([" Pro", " Mini", " Large", "-Flash", " Ultra"])
    return f"{family}{sep}{size_text(size)}{suffix}"


def name_size(name: str) -> float | None:
    """A size printed in the model's name, in billions."""
    match = re.search(r"(\d+(?:\.\d+)?)([BM])\b", name)
    if not match:
        return None
    value = float(match.group(1))
    return value / 1000 if match.group(2) == "M" else value


def make_table(rng: random.Random, style: str) -> dict:
    """What the table says: headers, printed cells, the quantities each row carries."""
    n_rows = rng.randint(4, 8)
    n_bench = rng.randint(3, 6)
    with_params = rng.random() < 0.5 and style not in ("habr_ru", "dotted_leaders")
    with_tokens = rng.random() < 0.35 and style not in ("habr_ru",)
    with_mmlu = rng.random() < 0.75
    benches = rng.sample(BENCHMARKS, n_bench - (1 if with_mmlu else 0))
    if with_mmlu:
        benches.insert(rng.randint(0, len(benches)), "MMLU")
    headers = [b + setting_for(rng, b) for b in benches]
    decimals = rng.choice([1, 1, 1, 2, 0])
    families = rng.sample(FAMILIES, min(n_rows, len(FAMILIES)))
    rows = []
    used: set[str] = set()
    for i in range(n_rows):
        size = rng.choice(SIZES)
        with_size = not with_params or rng.random() < 0.6
        name = model_name(rng, families[i % len(families)], size, with_size)
        if name in used:
            name += f" r{i}"
        used.add(name)
        tokens = rng.choice([0.3, 1, 1.4, 2, 2.5, 3, 6, 8, 12, 15])
        scores = []
        for _ in headers:
            value = rng.uniform(18, 92)
            scores.append(f"{value:.{decimals}f}")
        rows.append({"name": name, "size": size, "tokens": tokens, "scores": scores})
    return {"headers": headers, "rows": rows, "with_params": with_params,
            "with_tokens": with_tokens, "decimals": decimals}


def setting_for(rng: random.Random, bench: str) -> str:
    """A few-shot setting, or pass@1 for the code benchmarks (CMMLU prints none)."""
    if bench == "CMMLU":
        return ""
    if bench in ("HumanEval", "MBPP"):
        return rng.choice(["", " (pass@1)", " (0-shot)"])
    return rng.choice([s for s in SETTINGS if "pass" not in s])


def params_cell(size: float, form: str) -> str:
    return size_text(size) if form == "suffix" else f"{size:g}"


def tokens_cell(tokens: float, form: str) -> str:
    return f"{tokens:g}T" if form == "suffix" else f"{tokens:g}"


def printed(
    table: dict, rng: random.Random, model_header: str
) -> tuple[list[str], list[list[str]]]:
    """The header row and the body rows as the image prints them."""
    form = rng.choice(["plain", "suffix"])
    columns = [model_header]
    if table["with_params"]:
        columns.append("Params" if form == "suffix" else rng.choice(["Params (B)", "Size (B)"]))
    if table["with_tokens"]:
        columns.append("Tokens" if form == "suffix" else "Tokens (T)")
    columns += table["headers"]
    body = []
    for row in table["rows"]:
        cells = [row["name"]]
        if table["with_params"]:
            cells.append(params_cell(row["size"], form))
        if table["with_tokens"]:
            cells.append(tokens_cell(row["tokens"], form))
        body.append(cells + row["scores"])
    return columns, body


def truth_rows(table: dict, columns: list[str], body: list[list[str]]) -> list[dict]:
    mmlu_at = next((i for i, c in enumerate(columns) if c.split(" (")[0] == "MMLU"), None)
    rows = []
    for row, cells in zip(table["rows"], body, strict=True):
        params = row["size"] if table["with_params"] else name_size(row["name"])
        rows.append({
            "model": row["name"],
            "cells": cells,
            "params_b": params,
            "tokens_t": row["tokens"] if table["with_tokens"] else None,
            "mmlu": float(cells[mmlu_at]) if mmlu_at is not None else None,
        })
    return rows


def esc(text: str) -> str:
    return html.escape(text)


def cells_html(cells: list[str], tag: str = "td", attrs: str = "") -> str:
    return "".join(f"<{tag}{attrs}>{esc(c)}</{tag}>" for c in cells)


def page(css: str, body: str, background: str = "#fff") -> str:
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><style>"
            f"body{{margin:0;background:{background}}}{css}</style></head><body>{body}</body></html>")


def simple_table(columns: list[str], body: list[list[str]], cls: str = "") -> str:
    head = "<tr>" + cells_html(columns, "th") + "</tr>"
    rows = "".join("<tr>" + cells_html(r) + "</tr>" for r in body)
    return f"<table class='{cls}'>{head}{rows}</table>"


def look_aggrid(rng, columns, body, title):
    arrow = rng.randrange(1, len(columns))
    heads = "<th class='cb'><span class='box'></span></th>" + "".join(
        f"<th>{esc(c)}{' <span class=ar>&#9660;</span>' if i == arrow else ''}"
        "<span class='menu'>&#8942;</span></th>" for i, c in enumerate(columns))
    rows = "".join(f"<tr><td class='cb'><span class='box{' on' if rng.random() < .25 else ''}'>"
                   f"</span></td>{cells_html(r)}</tr>" for r in body)
    n = len(body)
    size = rng.choice([12, 13, 14])
    css = (f"#shot{{display:inline-block;font:{size}px Roboto;border:1px solid #babfc7;"
           "margin:10px}table{border-collapse:collapse}th{background:#f8f8f8;color:#181d1f;"
           "font-weight:600;text-align:left;padding:9px 14px;border-bottom:1px solid #babfc7;"
           "border-right:1px solid #e2e2e2}td{padding:8px 14px;border-bottom:1px solid #dde2eb}"
           ".menu{color:#aaa;margin-left:8px}.ar{color:#2196f3;font-size:9px}"
           ".box{display:inline-block;width:12px;height:12px;border:1px solid #999;"
           "border-radius:2px}"
           ".on{background:#2196f3;border-color:#2196f3}tr:hover td{background:#eef}"
           ".foot{padding:8px 14px;color:#555;text-align:right;border-top:1px solid #babfc7}")
    foot = (f"<div class='foot'>1 to {n} of {n + rng.randint(5, 40)} &nbsp; &lsaquo; "
            "Page 1 of 3 &rsaquo;</div>")
    return page(css, f"<div id='shot'><table><tr>{heads}</tr>{rows}</table>{foot}</div>"), None


def look_powerbi(rng, columns, body, title):
    numeric_from = 1

    rows = ""
    for r in body:
        tds = f"<td>{esc(r[0])}</td>"
        for c in r[numeric_from:]:
            try:
                value = float(c.rstrip("BMT"))
            except ValueError:
                value = 0
            pct = max(3, min(100, value)) if value <= 100 else 60

            tds += (f"<td class='n'><div class='bar' style='width:{pct:.0f}%'></div>"
                    f"<span>{esc(c)}</span></td>")
        rows += f"<tr>{tds}</tr>"
    bar = rng.choice(["#8fb8e8", "#f2c38b", "#9ad0b0"])
    css = ("#shot{display:inline-block;padding:18px;background:#fff;font:13px 'Open Sans'}"
           "h3{margin:0 0 10px;font:600 15px 'Open Sans';color:#252423}"
           "table{border-collapse:collapse}th{background:#1f3864;color:#fff;padding:7px 12px;"
           "text-align:right;font-weight:600}th:first-child{text-align:left}"
           "td{padding:6px 12px;border-bottom:1px solid #eee;min-width:60px}"
           f"td.n{{position:relative;text-align:right}}.bar{{position:absolute;left:0;top:4px;"
           f"bottom:4px;background:{bar}}}td.n span{{position:relative}}"
           "tr:nth-child(odd) td{background:#f7f9fc}")
    head = "<tr>" + cells_html(columns, "th") + "</tr>"
    heading = f"<h3>{esc(title)}</h3>" if title else ""
    return page(css, f"<div id='shot'>{heading}<table>{head}{rows}</table></div>",
                "#eaeaea"), title


def look_rotated(rng, columns, body, title):
    heads = f"<th class='m'>{esc(columns[0])}</th>" + "".join(
        f"<th class='r'><div><span>{esc(c)}</span></div></th>" for c in columns[1:])
    rows = "".join("<tr>" + cells_html(r) + "</tr>" for r in body)
    number = rng.randint(1, 9)
    caption = f"<div class='cap'><b>Table {number}:</b> {esc(title)}</div>" if title else ""
    css = ("#shot{display:inline-block;padding:20px 30px 16px;background:#fff;"
           "font:14px 'Liberation Serif'}table{border-collapse:collapse;"
           "border-bottom:1.5px solid #000}th.m{vertical-align:bottom;text-align:left;"
           "padding:4px 8px;border-bottom:1px solid #000}"
           "th.r{height:110px;white-space:nowrap;vertical-align:bottom;padding:0;width:44px;"
           "border-bottom:1px solid #000}th.r div{transform:translate(14px,-6px) rotate(-60deg);"
           "width:36px}th.r span{padding:2px 4px;font-weight:normal}td{padding:3px 8px;"
           "text-align:center}td:first-child{text-align:left}.cap{margin-top:10px;width:420px}")
    shown = f"Table {number}: {title}" if title else None  # the caption, as printed
    return page(css, f"<div id='shot'><table>{heads}{rows}</table>{caption}</div>"), shown


def look_checkmark(rng, columns, body, title):
    extra_head = ["Open weights", "Licence"]
    licences = ["open", "research only", "proprietary", "community"]
    rows = ""
    cells_out = []
    for r in body:
        tick = rng.random() < 0.6
        licence = rng.choice(licences)
        sign = "<span class='y'>&#10004;</span>" if tick else "<span class='n'>&#10008;</span>"
        rows += (f"<tr><td>{esc(r[0])}</td><td class='c'>{sign}</td><td>{esc(licence)}</td>"
                 + cells_html(r[1:]) + "</tr>")
        cells_out.append([r[0], "✔" if tick else "✘", licence, *r[1:]])
    cols = [columns[0], *extra_head, *columns[1:]]
    css = ("#shot{display:inline-block;padding:14px;background:#fff;font:14px 'Liberation Sans'}"
           "table{border-collapse:collapse}th,td{border:1px solid #c8c8c8;padding:5px 10px}"
           "th{background:#f0f0f0}td{text-align:right}td:first-child,td:nth-child(3){text-align:left}"
           "td.c{text-align:center}.y{color:#1a8f3a}.n{color:#c62828}")
    heading = f"<div style='font-weight:bold;margin-bottom:8px'>{esc(title)}</div>" if title else ""
    return page(css, f"<div id='shot'>{heading}<table><tr>{cells_html(cols, 'th')}</tr>"
                f"{rows}</table></div>"), (title, cols, cells_out)


def look_two_line(rng, columns, body, title):
    rows = ""
    for r in body:
        maker = rng.choice(MAKERS)
        rows += (f"<tr><td><div class='nm'>{esc(r[0])}</div><div class='mk'>{esc(maker)}</div>"
                 f"</td>{cells_html(r[1:])}</tr>")
    accent = rng.choice(["#5b4cdb", "#0f766e", "#b45309"])
    css = ("#shot{display:inline-block;padding:26px 30px;background:#fbfbfd;font:17px Roboto}"
           f"h2{{font:500 22px Roboto;margin:0 0 14px;color:{accent}}}"
           "table{border-collapse:collapse}"
           "th{font:500 12px Roboto;color:#777;text-transform:uppercase;letter-spacing:.06em;"
           "text-align:right;padding:6px 16px}th:first-child{text-align:left}"
           "td{padding:9px 16px;text-align:right;font-size:20px;font-weight:500}"
           "td:first-child{text-align:left}.nm{font-size:15px;font-weight:700}"
           ".mk{font-size:12px;color:#8a8a8a;font-weight:400}")
    heading = f"<h2>{esc(title)}</h2>" if title else ""
    return page(css, f"<div id='shot'>{heading}<table><tr>{cells_html(columns, 'th')}</tr>"
                f"{rows}</table></div>", "#fbfbfd"), title


def look_dotted(rng, columns, body, title):
    head = (f"<tr><th class='l'>{esc(columns[0])}</th>"
            + "".join(f"<th>{esc(c)}</th>" for c in columns[1:]) + "</tr>")
    rows = "".join(f"<tr><td class='l'><span>{esc(r[0])}</span></td>{cells_html(r[1:])}</tr>"
                   for r in body)
    css = ("#shot{display:inline-block;padding:24px 36px;background:#fffdf6;font:15px FreeSerif;"
           "color:#222}h4{font:italic 17px FreeSerif;margin:0 0 12px;text-align:center}"
           "table{border-collapse:collapse}th{font-variant:small-caps;font-weight:normal;"
           "padding:2px 10px;text-align:right}th.l{text-align:left}td{padding:3px 10px;"
           "text-align:right}td.l{width:230px;overflow:hidden;white-space:nowrap;text-align:left;"
           "padding-right:0}td.l:after{content:'" + " ." * 25 + "';"
           "color:#777}td.l span{background:#fffdf6}")
    heading = f"<h4>{esc(title)}</h4>" if title else ""
    return page(css, f"<div id='shot'>{heading}<table>{head}{rows}</table></div>",
                "#fffdf6"), title


def look_habr(rng, columns, body, title):
    cols = ["Модель", *columns[1:]]
    title_ru = rng.choice(["Сравнение моделей на бенчмарках", "Результаты открытых моделей",
                           "Что показали тесты"])
    intro = ("Ниже приведены результаты, которые мы получили на собственном стенде. "
             "Все замеры проводились с одинаковыми настройками.")
    width = rng.choice([640, 760, 880])
    css = (f"#shot{{display:inline-block;width:{width}px;padding:22px 28px;background:#fff;"
           "font:16px 'Open Sans';color:#333}h1{font:700 24px 'Open Sans';margin:0 0 10px}"
           "p{line-height:1.5;margin:0 0 14px}table{border-collapse:collapse;width:100%}"
           "th,td{border:1px solid #dedede;padding:6px 9px;text-align:left}"
           "th{background:#f2f5f7;font-weight:600}")
    return page(css, f"<div id='shot'><h1>{esc(title_ru)}</h1><p>{intro}</p>"
                f"{simple_table(cols, body)}</div>"), (title_ru, cols, body)


def look_banded(rng, columns, body, title):
    size, rule = rng.choice([12, 13]), rng.choice(["#d9480f", "#1864ab", "#2b8a3e"])
    css = (f"#shot{{display:inline-block;padding:8px;background:#fff;"
           f"font:{size}px 'Open Sans Condensed'}}table{{border-collapse:collapse}}"
           f"th{{border-bottom:3px solid {rule};padding:4px 7px;text-align:center}}"
           "td{padding:3px 7px;text-align:center}td:first-child{text-align:left}"
           "td:nth-child(even),th:nth-child(even){background:#eef1f6}")
    return page(css, f"<div id='shot'>{simple_table(columns, body)}</div>"), None


def look_newspaper(rng, columns, body, title):
    headline = title or "How the new models compare"
    kicker = rng.choice(["ANALYSIS", "BY THE NUMBERS", "TECHNOLOGY"])
    css = ("#shot{display:inline-block;padding:20px 24px;background:#fff;font:15px "
           "'Liberation Serif';color:#121212}.k{font:700 11px 'Liberation Sans';"
           "letter-spacing:.12em;color:#a00}h2{font:700 26px 'Liberation Serif';margin:4px 0 12px}"
           "table{border-collapse:collapse;border-top:4px solid #121212}th{font:700 12px "
           "'Liberation Sans';text-align:right;padding:8px 10px;border-bottom:1px solid #121212}"
           "th:first-child,td:first-child{text-align:left}td{padding:6px 10px;text-align:right;"
           "border-bottom:1px solid #ddd}.src{font:italic 12px 'Liberation Serif';color:#666;"
           "margin-top:8px}")
    return page(css, f"<div id='shot'><div class='k'>{kicker}</div><h2>{esc(headline)}</h2>"
                f"{simple_table(columns, body)}<div class='src'>Source: company reports; "
                "evaluations by the labs themselves.</div></div>"), headline


def look_sql(rng, columns, body, title):
    table_name = rng.choice(["eval_results", "bench_scores", "leaderboard_v3"])
    query = f"SELECT * FROM {table_name} LIMIT {len(body)};"
    heads = "<th class='g'></th>" + cells_html(columns, "th")
    rows = "".join(f"<tr><td class='g'>{i + 1}</td>{cells_html(r)}</tr>"
                   for i, r in enumerate(body))
    css = ("#shot{display:inline-block;background:#2b2b2b;font:13px 'DejaVu Sans Mono';"
           "color:#d4d4d4;padding:0 0 6px}.q{padding:10px 12px;color:#cc7832;border-bottom:"
           "1px solid #444}table{border-collapse:collapse;margin:6px 0 0}th{background:#3c3f41;"
           "color:#bbb;font-weight:normal;padding:5px 12px;border:1px solid #555;text-align:left}"
           "td{padding:4px 12px;border:1px solid #444}td.g,th.g{color:#888;text-align:right;"
           "background:#313335}.st{color:#888;padding:6px 12px;font-size:12px}")
    return page(css, f"<div id='shot'><div class='q'>{esc(query)}</div><table><tr>{heads}"
                f"</tr>{rows}</table><div class='st'>{len(body)} rows fetched in "
                f"{rng.randint(12, 240)} ms</div></div>", "#2b2b2b"), None


def look_upscaled(rng, columns, body, title):
    css = ("#shot{display:inline-block;padding:6px;background:#fff;font:11px 'DejaVu Sans'}"
           "table{border-collapse:collapse}th,td{border:1px solid #aaa;padding:2px 5px}"
           "th{background:#e8e8e8}")
    heading = f"<div style='font-weight:bold;margin:0 0 4px'>{esc(title)}</div>" if title else ""
    return page(css, f"<div id='shot'>{heading}{simple_table(columns, body)}</div>"), title


def look_mac(rng, columns, body, title):
    bg = rng.choice(["linear-gradient(135deg,#6a5acd,#ff7f7f)",
                     "linear-gradient(160deg,#1e3c72,#2a5298)",
                     "linear-gradient(120deg,#f6d365,#fda085)"])
    win_title = rng.choice(["results.csv", "scores.numbers", "eval.xlsx"])
    css = (f".desk{{display:inline-block;padding:40px;background:{bg}}}#shot{{display:inline-block;"
           "padding:36px}.win{background:#fff;border-radius:10px;box-shadow:0 20px 40px "
           "rgba(0,0,0,.45);overflow:hidden;font:13px 'Liberation Sans'}.bar{height:28px;"
           "background:#e7e7e7;border-bottom:1px solid #cfcfcf;position:relative;text-align:center;"
           "line-height:28px;color:#444}.dot{position:absolute;top:9px;width:11px;height:11px;"
           "border-radius:50%}table{border-collapse:collapse;margin:10px}th,td{padding:5px 11px;"
           "border-bottom:1px solid #e6e6e6;text-align:right}th:first-child,td:first-child"
           "{text-align:left}th{color:#333}")
    dots = "".join(f"<span class='dot' style='left:{10 + 18 * i}px;background:{c}'></span>"
                   for i, c in enumerate(["#ff5f57", "#febc2e", "#28c840"]))
    return page(css, f"<div id='shot' style='background:{bg}'><div class='win'><div class='bar'>"
                f"{dots}{win_title}</div>{simple_table(columns, body)}</div></div>"), None


LOOKS = {
    "aggrid_checkbox": look_aggrid, "powerbi_databars": look_powerbi,
    "rotated_headers": look_rotated, "checkmark_features": look_checkmark,
    "two_line_names": look_two_line, "dotted_leaders": look_dotted, "habr_ru": look_habr,
    "column_banded": look_banded, "newspaper_serif": look_newspaper,
    "sql_result_dark": look_sql, "upscaled_blurry": look_upscaled,
    "mac_window_shadow": look_mac,
}
MODEL_HEADERS = ["Model", "Model", "Model name", "Checkpoint", "System"]


def finish(image: Image.Image, style: str, rng: random.Random) -> tuple[Image.Image, str]:
    """Scaling and file format: what sharing the screenshot did to it."""
    if style == "upscaled_blurry":
        factor = rng.uniform(2.0, 3.0)
        image = image.resize((int(image.width * factor), int(image.height * factor)),
                             Image.BILINEAR).filter(ImageFilter.GaussianBlur(1.2))
    elif image.width > 1600:
        ratio = 1600 / image.width
        image = image.resize((1600, int(image.height * ratio)), Image.LANCZOS)
    elif image.width < 300:
        image = image.resize((300, int(image.height * 300 / image.width)), Image.LANCZOS)
    jpeg = style in ("habr_ru", "upscaled_blurry") or rng.random() < 0.15
    return image, "jpg" if jpeg else "png"


def generate(out: Path, count: int, seed: int) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    browser = Browser((1800, 1400))
    truth = {}
    try:
        for index in range(count):
            style = STYLES[index % len(STYLES)]
            rng = random.Random(f"blind10-tables/{seed}/{index}")
            table = make_table(rng, style)
            columns, body = printed(table, rng, rng.choice(MODEL_HEADERS))
            title = rng.choice(TITLES) if rng.random() < 0.6 else None
            markup, shown = LOOKS[style](rng, columns, body, title)
            if isinstance(shown, tuple):  # the look prints headers or cells of its own
                title, columns, body = shown
            else:
                title = shown
            scale = rng.choice([1, 1, 1.5, 2]) if style != "upscaled_blurry" else 1
            image, ext = finish(browser.shoot(markup, scale), style, rng)
            name = f"{index:03d}_{style}.{ext}"
            if ext == "jpg":
                buffer = io.BytesIO()
                image.save(buffer, "JPEG", quality=rng.randint(62, 85))
                (out / name).write_bytes(buffer.getvalue())
            else:
                image.save(out / name)
            truth[name] = {"columns": columns, "rows": truth_rows(table, columns, body),
                           "title": title, "style": style}
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False))
    return truth


def cli(generate_set, description: str, count: int, seed: int) -> None:
    """The command line every blind10 generator shares: OUT_DIR [--count N] [--seed S]."""
    parser = argparse.ArgumentParser(description=description.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=count)
    parser.add_argument("--seed", type=int, default=seed)
    args = parser.parse_args()
    generate_set(args.out, args.count, args.seed)


def main() -> None:
    cli(generate, __doc__ or "", 48, 93000)


if __name__ == "__main__":
    main()
