"""The eleventh blind test set of table screenshots, written without reading the reader or
any other generator. Twelve looks, in turn:

- calc_window: a LibreOffice-Calc-like sheet with column letters and row numbers around it;
- kaggle_medals: a leaderboard whose first three models carry gold/silver/bronze discs;
- pr_diff: a markdown table added in a pull-request diff, each line starting with "+";
- android_cut: a phone app table whose right edge cuts off the columns that do not fit;
- shadow_photo: a printed table photographed at a slant under a shadow, as JPEG;
- std_cells: every score printed with "± std";
- percent_params: scores as "71.2%" and a Params column in "7B" form;
- heat_white: cells filled green to red by value, in white text;
- zhtw_slide: a slide in traditional Chinese with a dark title bar;
- family_bold_rows: each family's name on a bold row of its own above its models;
- resizebox_tiny: a LaTeX table shrunk to tiny serif type inside a paper's prose;
- zoom67: a browser window zoomed to 67%, its zoom badge in the address bar.

    python benchmarks/blind11_tables.py OUT_DIR [--count 48] [--seed 103000]
"""

from __future__ import annotations

import html
import random
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind11_data import Spec, make_spec, order_by_family
from blind11_draw import draw_set, main
from browser import Browser

FONTS = ["Liberation Sans", "Roboto", "Open Sans", "DejaVu Sans", "FreeSans",
         "Roboto Condensed", "Liberation Serif"]


def esc(text: str) -> str:
    return html.escape(text)


def page(body: str, css: str, background: str = "#fff") -> str:
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'>"
            f"<style>body{{margin:0;background:{background}}}{css}</style>"
            f"</head><body>{body}</body></html>")


def table_html(spec: Spec, cell: Callable[[int, int, str], str] | None = None,
               sections: bool = False, section_cols: int | None = None) -> str:
    """The spec as an HTML table; ``cell(row, col, text)`` gives a cell's attributes."""
    head = "".join(f"<th>{esc(h)}</th>" for h in spec.header)
    body = []
    last_family = None
    for i, row in enumerate(spec.rows):
        if sections and spec.families[i] != last_family:
            last_family = spec.families[i]
            body.append(f"<tr class='section'><td colspan='{section_cols or len(row)}'>"
                        f"{esc(last_family)}</td></tr>")
        cells = "".join(f"<td {cell(i, j, text) if cell else ''}>{esc(text)}</td>"
                        for j, text in enumerate(row))
        body.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def to_jpeg_like(image: Image.Image, quality: int) -> Image.Image:
    import io

    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


# ---- the looks: each returns (image, title or None, extension)

def calc_window(rng, browser):
    spec = make_spec(rng)
    letters = "ABCDEFGHIJKL"
    start_row = rng.randint(1, 4)
    font = rng.choice(["Liberation Sans", "DejaVu Sans"])
    cols = "".join(f"<th class='letter'>{letters[j]}</th>" for j in range(len(spec.header)))
    lines = [f"<tr><th class='corner'></th>{cols}</tr>"]
    all_rows = [spec.header, *spec.rows]
    for i, row in enumerate(all_rows):
        cells = "".join(
            f"<td class='{'hd' if i == 0 else ('num' if j else '')}'>{esc(t)}</td>"
            for j, t in enumerate(row))
        lines.append(f"<tr><th class='rownum'>{start_row + i}</th>{cells}</tr>")
    for k in range(rng.randint(1, 3)):
        empty = "<td></td>" * len(spec.header)
        lines.append(f"<tr><th class='rownum'>{start_row + len(all_rows) + k}</th>{empty}</tr>")
    css = (f"#shot{{display:inline-block;font-family:'{font}';font-size:{rng.choice([12, 13])}px;"
           "background:#fff;border:1px solid #999}"
           ".bar{background:#ececec;padding:4px 6px;border-bottom:1px solid #bbb;"
           "font-size:12px;color:#333}.bar span{border:1px solid #aaa;background:#fff;"
           "padding:1px 30px 1px 4px;margin-right:8px}"
           "table{border-collapse:collapse}td,th{border:1px solid #d0d0d0;padding:2px 6px;"
           "min-width:54px;height:17px;white-space:nowrap}th.letter,th.rownum,th.corner"
           "{background:#f0f0f0;color:#555;font-weight:normal;text-align:center}"
           "th.rownum{min-width:26px}td.num{text-align:right}"
           f"td.hd{{font-weight:{rng.choice(['bold', 'normal'])}}}")
    cell_name = f"{letters[0]}{start_row}"
    body = (f"<div id='shot'><div class='bar'><span>{cell_name}</span>fx&nbsp; "
            f"{esc(spec.header[0])}</div><table>{''.join(lines)}</table></div>")
    image = browser.shoot(page(body, css), rng.choice([1.0, 1.25]))
    return image, spec, None, "png"


def kaggle_medals(rng, browser):
    spec = make_spec(rng, params=rng.choice(["B", None]), tokens=None)
    bench_cols = [j for j, k in enumerate(spec.kinds) if k == "bench"]
    order = sorted(range(len(spec.rows)),
                   key=lambda i: -float(spec.rows[i][bench_cols[0]].rstrip("%")))
    spec = Spec(spec.header, [spec.rows[i] for i in order],
                [spec.truth_rows[i] for i in order], [spec.families[i] for i in order],
                spec.kinds)
    medals = ["#d4af37", "#a8a9ad", "#cd7f32"]

    def cell(i, j, _text):
        return "class='first'" if j == 0 else "class='num'"

    table = table_html(spec, cell)
    for i, colour in enumerate(medals[:len(spec.rows)]):
        row_start = table.split("<tbody>")[1].split("<tr>")[i + 1]
        table = table.replace(
            row_start, row_start.replace(
                "<td class='first'>",
                f"<td class='first'><span class='medal' style='background:{colour}'></span>", 1),
            1)
    title = rng.choice(["Private Leaderboard", "Public Leaderboard", "Final standings"])
    css = ("#shot{display:inline-block;padding:18px 22px;background:#fff;"
           f"font-family:'{rng.choice(['Roboto', 'Open Sans'])}';font-size:14px;color:#202124}}"
           "h2{font-size:19px;font-weight:500;margin:0 0 10px}"
           "table{border-collapse:collapse}th{text-align:left;color:#5f6368;font-weight:500;"
           "border-bottom:1px solid #dadce0;padding:8px 14px}td{padding:9px 14px;"
           "border-bottom:1px solid #f1f3f4}td.num{text-align:right}"
           ".medal{display:inline-block;width:12px;height:12px;border-radius:6px;"
           "margin-right:8px;vertical-align:-1px}tbody tr:hover{background:#f8f9fa}")
    body = f"<div id='shot'><h2>{title}</h2>{table}</div>"
    return browser.shoot(page(body, css), 1.0), spec, title, "png"


def pr_diff(rng, browser):
    spec = make_spec(rng, rows=rng.randint(3, 6))
    widths = [max(len(r[j]) for r in [spec.header, *spec.rows]) for j in range(len(spec.header))]

    def line(cells):
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    md = [line(spec.header), "|" + "|".join("-" * (w + 2) for w in widths) + "|",
          *(line(r) for r in spec.rows)]
    context = ["## Results", "", "We compare against the baselines below."]
    start = rng.randint(20, 140)
    rows = []
    for k, text in enumerate(context):
        rows.append(f"<tr><td class='n'>{start + k}</td><td class='n'>{start + k}</td>"
                    f"<td class='c'>&nbsp; {esc(text)}</td></tr>")
    for k, text in enumerate(md):
        rows.append(f"<tr class='add'><td class='n'></td><td class='n'>{start + 3 + k}</td>"
                    f"<td class='c'>+ {esc(text)}</td></tr>")
    font = rng.choice(["DejaVu Sans Mono", "Liberation Mono", "FreeMono"])
    dark = rng.random() < 0.35
    colours = (("#0d1117", "#c9d1d9", "#12261e", "#8b949e", "#161b22") if dark else
               ("#fff", "#24292f", "#e6ffec", "#6e7781", "#f6f8fa"))
    css = (f"#shot{{display:inline-block;background:{colours[0]};color:{colours[1]};"
           f"border:1px solid #d0d7de;font-family:'{font}';font-size:12px}}"
           f".file{{background:{colours[4]};padding:8px 10px;font-family:'Liberation Sans';"
           "font-size:13px;border-bottom:1px solid #d0d7de}"
           "table{border-collapse:collapse}td{white-space:pre;padding:0 8px;line-height:20px}"
           f"td.n{{color:{colours[3]};text-align:right;min-width:28px}}"
           f"tr.add td{{background:{colours[2]}}}")
    body = (f"<div id='shot'><div class='file'>docs/{rng.choice(['results', 'eval', 'README'])}"
            f".md</div><table>{''.join(rows)}</table></div>")
    return browser.shoot(page(body, css), rng.choice([1.0, 1.5])), spec, None, "png"


def android_cut(rng, browser):
    spec = make_spec(rng, benches=rng.randint(5, 6), params=rng.choice(["B", "plain"]))
    font = rng.choice(["Roboto", "Open Sans"])
    dark = rng.random() < 0.4
    fg, bg, line = ("#e8eaed", "#202124", "#3c4043") if dark else ("#202124", "#fff", "#e0e0e0")
    phone = rng.choice([360, 393, 412])
    css = (f"#shot{{width:{phone}px;background:{bg};color:{fg};font-family:'{font}';"
           "font-size:13px;overflow:hidden}.status{height:24px;font-size:12px;padding:2px 12px}"
           ".app{height:44px;font-size:18px;padding:0 16px;line-height:44px;"
           f"border-bottom:1px solid {line}}}.wrap{{overflow:hidden;position:relative}}"
           f"table{{border-collapse:collapse}}th,td{{padding:9px 8px;white-space:nowrap;"
           f"border-bottom:1px solid {line};text-align:right}}th:first-child,td:first-child{{"
           f"position:sticky;left:0;background:{bg};text-align:left;"
           "box-shadow:2px 0 3px rgba(0,0,0,.15)}th{font-weight:500;font-size:13px}")
    title = rng.choice(["Benchmarks", "Model scores", "Eval results"])
    body = (f"<div id='shot'><div class='status'>9:{rng.randint(10, 59)}</div>"
            f"<div class='app'>{title}</div><div class='wrap'>{table_html(spec)}</div></div>")
    browser.shoot(page(body, css), 2.0)
    rights = browser.evaluate(
        "() => Array.from(document.querySelectorAll('thead th')).map("
        "e => e.getBoundingClientRect().right)", 2.0)
    shown = [j for j, right in enumerate(rights) if right <= phone]
    # the first column hidden in part shows less than its padding: no digit of it is seen
    cut = len(shown)
    width = rights[cut - 1] + 5 if cut < len(rights) else phone
    body = body.replace("<div id='shot'>", f"<div id='shot' style='width:{width:.0f}px'>")
    image = browser.shoot(page(body, css), 2.0)
    visible = Spec(spec.header[:cut], [r[:cut] for r in spec.rows], spec.truth_rows,
                   spec.families, spec.kinds[:cut])
    for truth in visible.truth_rows:
        if "MMLU" not in visible.header:
            truth["mmlu"] = None
        if "tokens" not in visible.kinds:
            truth["tokens_t"] = None
    return image, visible, title, "png"


def _shadow_and_slant(image: Image.Image, rng: random.Random) -> Image.Image:
    width, height = image.size
    margin = int(0.08 * width)
    paper = Image.new("RGB", (width + 2 * margin, height + 2 * margin), (255, 255, 255))
    paper.paste(image, (margin, margin))
    table = np.asarray(paper).astype(np.float32)
    h, w = table.shape[:2]
    ys, xs = np.mgrid[0:h, 0:w]
    angle = rng.uniform(0, np.pi)
    ramp = (np.cos(angle) * xs / w + np.sin(angle) * ys / h)
    ramp = (ramp - ramp.min()) / (np.ptp(ramp) or 1)
    shade = 1 - rng.uniform(0.4, 0.6) * np.clip((ramp - 0.4) * 2.5, 0, 1)
    table = table * shade[..., None] * np.array([1.0, 0.97, 0.9])
    table += np.random.default_rng(rng.randint(0, 10**6)).normal(0, 5, table.shape)
    photo = Image.fromarray(np.clip(table, 0, 255).astype(np.uint8))
    dx = rng.uniform(0.01, 0.04) * w
    coeffs = (1, rng.uniform(-0.03, 0.03), -dx / 2, rng.uniform(-0.02, 0.02), 1, 0,
              rng.uniform(-4e-5, 4e-5), 0)
    photo = photo.transform(photo.size, Image.Transform.PERSPECTIVE, coeffs,
                            Image.Resampling.BICUBIC, fillcolor=(70, 62, 55))
    return photo.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 0.9)))


def shadow_photo(rng, browser):
    spec = make_spec(rng)
    font = rng.choice(["Liberation Serif", "FreeSerif", "DejaVu Serif"])
    css = (f"#shot{{display:inline-block;padding:24px;background:#fff;font-family:'{font}';"
           "font-size:15px}table{border-collapse:collapse;border-top:2px solid #000;"
           "border-bottom:2px solid #000}th{border-bottom:1px solid #000;padding:4px 10px}"
           "td{padding:3px 10px;text-align:center}td:first-child{text-align:left}"
           ".cap{margin-bottom:8px}")
    number = rng.randint(1, 9)
    title = f"Table {number}: Results on standard benchmarks."
    body = f"<div id='shot'><div class='cap'>{esc(title)}</div>{table_html(spec)}</div>"
    image = _shadow_and_slant(browser.shoot(page(body, css), 1.5), rng)
    return to_jpeg_like(image, rng.randint(60, 80)), spec, title, "jpg"


def std_cells(rng, browser):
    def plus_minus(value, r):
        return f"{value:.1f} ± {r.uniform(0.1, 2.4):.1f}"

    spec = make_spec(rng, rows=rng.randint(4, 6), benches=rng.randint(3, 4), tokens=None,
                     score_text=plus_minus)
    font = rng.choice(FONTS)
    css = (f"#shot{{display:inline-block;padding:14px;background:#fff;font-family:'{font}';"
           f"font-size:{rng.choice([13, 14, 15])}px}}table{{border-collapse:collapse}}"
           "th,td{padding:6px 12px;border:1px solid #c8c8c8}th{background:#eef2f7}"
           "td{text-align:center}td:first-child{text-align:left}"
           ".note{font-size:12px;color:#555;margin-top:6px}")
    note = f"Mean ± std over {rng.choice([3, 5])} seeds."
    body = f"<div id='shot'>{table_html(spec)}<div class='note'>{note}</div></div>"
    return browser.shoot(page(body, css), rng.choice([1.0, 1.25])), spec, None, "png"


def percent_params(rng, browser):
    spec = make_spec(rng, params="B", tokens=rng.choice([None, "T"]),
                     score_text=lambda v, _r: f"{v:.1f}%")
    spec.header = [h.upper() for h in spec.header]  # printed in capitals, so named so
    font = rng.choice(FONTS)
    css = (f"#shot{{display:inline-block;padding:16px;background:#fafafa;font-family:'{font}';"
           "font-size:14px}table{border-collapse:separate;border-spacing:0;background:#fff;"
           "border:1px solid #ddd;border-radius:8px}th{background:#f3f4f6;text-align:left;"
           "padding:8px 14px;font-size:12px;color:#4b5563}"
           "td{padding:8px 14px;border-top:1px solid #eee}")
    body = f"<div id='shot'>{table_html(spec)}</div>"
    return browser.shoot(page(body, css), 1.0), spec, None, "png"


def heat_white(rng, browser):
    spec = make_spec(rng, tokens=None)
    bench_cols = [j for j, k in enumerate(spec.kinds) if k == "bench"]
    columns = {j: [float(r[j]) for r in spec.rows] for j in bench_cols}

    def cell(_i, j, text):
        if j not in columns:
            return ""
        low, high = min(columns[j]), max(columns[j])
        share = (float(text) - low) / ((high - low) or 1)
        red, green = int(200 - 160 * share), int(50 + 120 * share)
        return f"style='background:rgb({red},{green},60);color:#fff;font-weight:600'"

    font = rng.choice(FONTS)
    css = (f"#shot{{display:inline-block;padding:10px;background:#fff;font-family:'{font}';"
           "font-size:14px}table{border-collapse:collapse}th{padding:6px 10px;"
           "border-bottom:2px solid #333}td{padding:6px 12px;text-align:center;"
           "border:1px solid #fff}td:first-child{text-align:left}")
    body = f"<div id='shot'>{table_html(spec, cell)}</div>"
    return browser.shoot(page(body, css), rng.choice([1.0, 1.5])), spec, None, "png"


ZH_TW = {"Model": "模型", "Name": "模型名稱", "Checkpoint": "模型", "Params": "參數量",
         "Params (B)": "參數量 (B)", "Size (B)": "規模 (B)", "Tokens": "訓練資料",
         "Tokens (T)": "訓練 Token (T)"}


def zhtw_slide(rng, browser):
    spec = make_spec(rng, rows=rng.randint(4, 6), benches=rng.randint(3, 5))
    spec.header = [ZH_TW.get(h, h) for h in spec.header]
    title = rng.choice(["主要評測結果", "各模型基準測試比較", "評測成績總覽"])
    accent = rng.choice(["#1f4e79", "#7b2d26", "#2e5e3e", "#4a3b7a"])
    css = ("#shot{width:960px;height:540px;background:#fff;font-family:'WenQuanYi Zen Hei';"
           f"position:relative}}.t{{background:{accent};color:#fff;font-size:30px;"
           "padding:18px 36px}.b{padding:26px 36px}table{border-collapse:collapse;"
           f"font-size:17px}}th{{background:{accent}22;padding:8px 14px;border-bottom:2px solid "
           f"{accent}}}td{{padding:7px 14px;text-align:center;border-bottom:1px solid #ddd}}"
           "td:first-child{text-align:left}.f{position:absolute;bottom:12px;right:24px;"
           "font-size:13px;color:#888}")
    body = (f"<div id='shot'><div class='t'>{title}</div><div class='b'>{table_html(spec)}"
            f"</div><div class='f'>{rng.randint(3, 24)}</div></div>")
    image = browser.shoot(page(body, css), 1.0)
    if rng.random() < 0.5:
        image = image.resize((int(image.width * 0.8), int(image.height * 0.8)),
                             Image.Resampling.LANCZOS)
    return image, spec, title, "png"


def family_bold_rows(rng, browser):
    spec = order_by_family(make_spec(rng, rows=rng.randint(5, 8)))
    font = rng.choice(FONTS)
    css = (f"#shot{{display:inline-block;padding:14px;background:#fff;font-family:'{font}';"
           "font-size:14px}table{border-collapse:collapse}th{padding:6px 12px;"
           "border-top:2px solid #222;border-bottom:1px solid #222}td{padding:4px 12px;"
           "text-align:center}td:first-child{text-align:left;padding-left:24px}"
           "tr.section td{font-weight:bold;text-align:left;padding-left:8px;padding-top:8px;"
           f"background:{rng.choice(['#fff', '#f2f2f2'])}}}"
           "tbody tr:last-child td{border-bottom:2px solid #222}")
    body = f"<div id='shot'>{table_html(spec, sections=True)}</div>"
    return browser.shoot(page(body, css), rng.choice([1.0, 1.25])), spec, None, "png"


PROSE = ("We evaluate all models under the same harness and report accuracy on each task. "
         "Scores are taken from our own runs unless marked otherwise; the strongest entry "
         "in each column is shown in bold. Larger models trained on more tokens tend to "
         "lead, but the gap narrows on reasoning tasks.")


def resizebox_tiny(rng, browser):
    spec = make_spec(rng, benches=rng.randint(5, 6))
    bench_cols = [j for j, k in enumerate(spec.kinds) if k == "bench"]
    best = {j: max(range(len(spec.rows)), key=lambda i, j=j: float(spec.rows[i][j]))
            for j in bench_cols}

    def cell(i, j, _text):
        return "style='font-weight:bold'" if best.get(j) == i else ""

    size = rng.choice([8, 9, 10])
    css = ("#shot{width:520px;padding:20px;background:#fff;font-family:'Liberation Serif';"
           "font-size:13px;text-align:justify}table{border-collapse:collapse;margin:8px auto;"
           f"font-size:{size}px;border-top:1px solid #000;border-bottom:1px solid #000}}"
           "th{border-bottom:0.5px solid #000;padding:1px 4px;font-weight:normal}"
           "td{padding:0 4px;text-align:center}td:first-child{text-align:left}"
           ".cap{font-size:11px;text-align:center}")
    number = rng.randint(1, 7)
    title = f"Table {number}: Comparison with open models."
    body = (f"<div id='shot'><p>{PROSE}</p><div class='cap'>{esc(title)}</div>"
            f"{table_html(spec, cell)}<p>{PROSE[:170]}</p></div>")
    return browser.shoot(page(body, css), rng.choice([1.0, 1.25])), spec, title, "png"


def zoom67(rng, browser):
    spec = make_spec(rng)
    font = rng.choice(FONTS)
    host = rng.choice(["evals.example.org", "bench.local:8080", "wiki.internal/llm"])
    css = (f"#shot{{width:{rng.choice([900, 1100, 1280])}px;background:#fff;"
           "font-family:'Liberation Sans'}.chrome{background:#dee1e6;padding:6px 10px;"
           "font-size:13px}.url{background:#fff;border-radius:14px;padding:5px 14px;"
           "display:flex;justify-content:space-between}.zoom{border:1px solid #999;"
           "border-radius:8px;padding:0 6px;font-size:11px}"
           f".content{{zoom:0.67;padding:24px;font-family:'{font}';font-size:16px}}"
           "h1{font-size:28px}table{border-collapse:collapse}th,td{padding:8px 16px;"
           "border-bottom:1px solid #ccc;text-align:left}")
    title = rng.choice(["Evaluation summary", "Model comparison", "Benchmark results"])
    body = (f"<div id='shot'><div class='chrome'><div class='url'><span>{host}</span>"
            f"<span class='zoom'>67%</span></div></div><div class='content'><h1>{title}</h1>"
            f"<p>Numbers below are from the latest run.</p>{table_html(spec)}</div></div>")
    return browser.shoot(page(body, css), 1.0), spec, title, "png"


LOOKS = {"calc_window": calc_window, "kaggle_medals": kaggle_medals, "pr_diff": pr_diff,
         "android_cut": android_cut, "shadow_photo": shadow_photo, "std_cells": std_cells,
         "percent_params": percent_params, "heat_white": heat_white, "zhtw_slide": zhtw_slide,
         "family_bold_rows": family_bold_rows, "resizebox_tiny": resizebox_tiny,
         "zoom67": zoom67}


def draw(style: str, rng: random.Random, browser: Browser) -> tuple[Image.Image, dict, str]:
    image, spec, title, extension = LOOKS[style](rng, browser)
    if image.width > 1600:  # the widest screenshot the set holds
        image = image.resize((1600, round(image.height * 1600 / image.width)),
                             Image.Resampling.LANCZOS)
    return image, spec.truth(title, style), extension


def generate(out: Path, count: int, seed: int) -> dict:
    return draw_set(out, count, seed, "tables", list(LOOKS), draw)


if __name__ == "__main__":
    main(__doc__, generate, 48, 103000)
