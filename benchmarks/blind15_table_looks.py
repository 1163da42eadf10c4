"""The twelve looks of ``blind15_tables.py``: each takes a table, a random source and the
browser, and returns the image, the table as printed (a look may change its cells, title or
rows), the file extension and the JPEG quality."""

from __future__ import annotations

import html
import random
from collections.abc import Callable
from typing import TYPE_CHECKING

from browser import Browser
from PIL import Image, ImageDraw, ImageFilter, ImageOps

if TYPE_CHECKING:
    from blind15_tables import Table

Shot = tuple[Image.Image, "Table", str, int]

PROSE = ("The checkpoints were evaluated with the same harness and prompts. Scores are "
         "averaged over three seeds where the variance exceeded half a point; otherwise a "
         "single run is reported. Contamination checks removed overlapping items before "
         "scoring, and we release the raw generations alongside this note.")


def page(body: str, css: str, width: int, direction: str = "ltr") -> str:
    return (f'<html dir="{direction}"><head><meta charset="utf-8"><style>'
            f"body{{margin:0}} #shot{{width:{width}px}} th,td{{white-space:nowrap}} {css}"
            "</style></head>"
            f'<body><div id="shot">{body}</div></body></html>')


# How far the first table runs out of the box that holds it (either side: a right-to-left
# page overflows to the left), or the shot out of its own width.
OVERFLOW_JS = """() => {
  const shot = document.querySelector('#shot'), table = shot.querySelector('table');
  const box = table.parentElement, outer = box.getBoundingClientRect();
  const style = getComputedStyle(box), rect = table.getBoundingClientRect();
  return Math.max(rect.right - outer.right + parseFloat(style.paddingRight),
                  outer.left + parseFloat(style.paddingLeft) - rect.left,
                  shot.scrollWidth - shot.clientWidth, 0);
}"""


def shoot(browser: Browser, body: str, css: str, width: int, scale: float,
          direction: str = "ltr") -> Image.Image:
    """The page at ``width`` CSS pixels, widened and shot again when its table does not fit:
    every column of the truth must be on the image."""
    image = browser.shoot(page(body, css, width, direction), scale)
    overflow = browser.evaluate(OVERFLOW_JS, scale)
    if overflow > 0:
        width += int(overflow) + 30
        image = browser.shoot(page(body, css, width, direction), scale)
    return image


def table_html(table: Table, rank: bool = False, number_row: bool = False,
               cell: Callable[[int, int, str], str] | None = None, attrs: str = "") -> str:
    """The table's markup: header, an optional row of column numbers under it, the body;
    ``cell`` may dress a body cell (row, column, text) in markup of its own."""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in table.columns)
    if rank:
        head = "<th>#</th>" + head
    rows = [f"<thead><tr>{head}</tr>"]
    if number_row:
        numbers = "".join(f"<td>({i})</td>" for i in range(1, len(table.columns)))
        rows.append(f'<tr class="numbers"><td></td>{numbers}</tr>')
    rows.append("</thead><tbody>")
    for r, cells in enumerate(table.cells):
        tds = "".join(
            f"<td>{cell(r, c, text) if cell else html.escape(text)}</td>"
            for c, text in enumerate(cells)
        )
        if rank:
            tds = f"<td>{r + 1}</td>" + tds
        rows.append(f"<tr>{tds}</tr>")
    return f"<table {attrs}>{''.join(rows)}</tbody></table>"


def wiki_mobile(table: Table, rng: random.Random, browser: Browser) -> Shot:
    table.title = None
    css = ("body{font-family:'Liberation Sans',sans-serif;color:#202122;background:#fff}"
           ".bar{display:flex;justify-content:space-between;padding:10px 14px;"
           "border-bottom:1px solid #eaecf0;font-size:15px}"
           "h1{font-family:'Liberation Serif',serif;font-weight:normal;font-size:26px;"
           "margin:14px;border-bottom:1px solid #a2a9b1}"
           "h2{font-family:'Liberation Serif',serif;font-weight:normal;font-size:20px;"
           "margin:14px 14px 6px}"
           "p{font-size:14px;line-height:1.5;margin:0 14px 10px}"
           ".wrap{overflow-x:auto;margin:0 14px 14px}"
           "table{border-collapse:collapse;font-size:13px;background:#f8f9fa}"
           "th,td{border:1px solid #a2a9b1;padding:4px 6px;white-space:nowrap}"
           "th{background:#eaecf0;text-align:center}"
           "th:after{content:' \u21c5';color:#72777d;font-size:10px}"
           "td{text-align:right} td:first-child{text-align:left;color:#3366cc}")
    body = (f'<div class="bar"><span>\u2630 &nbsp;<b>WIKIPEDIA</b></span><span>Search</span>'
            f"</div><h1>{html.escape(table.cells[0][0].split()[0].split('-')[0])} (language "
            f"model)</h1><p>{PROSE[:180]}</p><h2>Benchmarks</h2>"
            f'<div class="wrap">{table_html(table)}</div><p>{PROSE[180:]}</p>')
    width = max(380, 90 * len(table.columns) + 60)
    return shoot(browser, body, css, width, rng.choice([2.0, 2.5])), table, "png", 0


def details_open(table: Table, rng: random.Random, browser: Browser) -> Shot:
    dark = rng.random() < 0.4
    fg, bg, line = ("#e6edf3", "#0d1117", "#30363d") if dark else ("#1f2328", "#fff", "#d1d9e0")
    stripe = "#161b22" if dark else "#f6f8fa"
    css = (f"body{{background:{bg};color:{fg};font-family:'Open Sans',sans-serif;font-size:14px}}"
           f".box{{margin:16px;border:1px solid {line};border-radius:6px;padding:16px}}"
           "summary{font-weight:600;cursor:pointer;margin-bottom:10px}"
           f"table{{border-collapse:collapse}} th,td{{border:1px solid {line};padding:6px 13px}}"
           f"tr:nth-child(2n) td{{background:{stripe}}} th{{font-weight:600}}")
    body = (f'<div class="box"><p>Results of the last evaluation run are below (click to '
            f"collapse).</p><details open><summary>Evaluation</summary>{table_html(table)}"
            f"</details><p>Full logs are attached to the release.</p></div>")
    return shoot(browser, body, css, 110 * len(table.columns) + 120, 1.0), table, "png", 0


def whatsapp_jpeg(table: Table, rng: random.Random, browser: Browser) -> Shot:
    css = ("body{background:#efeae2;font-family:Roboto,sans-serif}"
           ".fw{color:#667781;font-size:13px;font-style:italic;margin-bottom:4px}"
           ".bubble{background:#d9fdd3;margin:12px 12px 12px 60px;padding:6px;"
           "border-radius:8px;box-shadow:0 1px 1px #0002}"
           ".pic{background:#fff;padding:10px}"
           "table{border-collapse:collapse;font-size:15px;font-family:'Liberation Sans'}"
           "th{background:#34495e;color:#fff;padding:6px 10px}"
           "td{padding:5px 10px;border-bottom:1px solid #ccc}"
           ".time{text-align:right;font-size:11px;color:#667781}")
    body = (f'<div class="bubble"><div class="fw">\u21aa Forwarded many times</div>'
            f'<div class="pic">{table_html(table)}</div><div class="time">21:4{rng.randint(0, 9)}'
            f" \u2713\u2713</div></div>")
    image = shoot(browser, body, css, 100 * len(table.columns) + 140, 1.0)
    width = min(image.width, max(rng.randint(300, 420), 56 * len(table.columns)))
    image = image.resize((width, round(image.height * width / image.width)), Image.BILINEAR)
    return image, table, "jpg", rng.randint(30, 45)


def column_numbers(table: Table, rng: random.Random, browser: Browser) -> Shot:
    table.title = f"Table {rng.randint(2, 9)}: Results across the evaluation suite"
    css = ("body{background:#fff;font-family:'Liberation Serif',serif;font-size:15px}"
           ".cap{margin:10px 8px;text-align:center}"
           "table{border-collapse:collapse;margin:0 auto 14px}"
           "thead tr:first-child th{border-top:2px solid #000;padding:5px 10px}"
           "tr.numbers td{border-bottom:1px solid #000;text-align:center;font-style:italic;"
           "padding:2px 10px} td{padding:3px 10px;text-align:center}"
           "td:first-child{text-align:left} tbody tr:last-child td{border-bottom:2px solid #000}")
    body = (f'<div class="cap">{html.escape(table.title)}</div>'
            f"{table_html(table, number_row=True)}")
    return shoot(browser, body, css, 105 * len(table.columns) + 40,
                 rng.choice([1.0, 1.5])), table, "png", 0


def delta_scores(table: Table, rng: random.Random, browser: Browser) -> Shot:
    """The first row is the baseline; every later score prints its difference to it."""
    numeric = {c for c, name in enumerate(table.columns)
               if c and not any(w in name for w in ("Param", "Size", "oken"))}
    base = table.cells[0]
    for row, truth in zip(table.cells[1:], table.truth_rows[1:], strict=True):
        for c in numeric:
            delta = round(rng.uniform(-6, 9), 1) or 0.4
            value = round(float(base[c]) + delta, 1)
            row[c] = f"{value:.1f} ({delta:+.1f})"
            if table.columns[c] == "MMLU":
                truth["mmlu"] = value

    def dress(r: int, c: int, text: str) -> str:
        if " (" not in text:
            return html.escape(text)
        value, delta = text.split(" ", 1)
        colour = "#1a7f37" if "+" in delta else "#cf222e"
        return f'{value} <span style="color:{colour};font-size:0.85em">{delta}</span>'

    css = ("body{background:#fafafa;font-family:Roboto,sans-serif;font-size:14px}"
           "table{border-collapse:collapse;margin:14px;background:#fff;"
           "box-shadow:0 1px 3px #0003} th{background:#eef1f5;padding:8px 12px;"
           "text-align:left} td{padding:7px 12px;border-top:1px solid #e5e7eb}"
           "tbody tr:first-child td{background:#fff8e1}")
    body = f"{table_html(table, cell=dress)}<div style='margin:0 14px 12px;color:#666;" \
           f"font-size:12px'>Differences are to the first row.</div>"
    return shoot(browser, body, css, 150 * len(table.columns) + 60, 1.0), table, "png", 0


def datatable_paged(table: Table, rng: random.Random, browser: Browser) -> Shot:
    total = rng.randint(len(table.cells) + 8, 60)
    css = ("body{background:#fff;font-family:'DejaVu Sans',sans-serif;font-size:13px;"
           "color:#333} .top{display:flex;justify-content:space-between;margin:12px}"
           "input{border:1px solid #aaa;padding:3px} select{padding:2px}"
           "table{border-collapse:collapse;width:calc(100% - 24px);margin:0 12px}"
           "th{border-bottom:2px solid #111;padding:8px 10px;text-align:left}"
           "th:after{content:' \u25b4\u25be';color:#bbb;font-size:10px}"
           "td{padding:8px 10px;border-top:1px solid #ddd} tbody tr:nth-child(odd){"
           "background:#f9f9f9} .foot{display:flex;justify-content:space-between;margin:12px}"
           ".pg span{border:1px solid #ccc;padding:3px 8px;margin-left:2px;display:inline-block}"
           ".pg .on{background:#e6e6e6}")
    buttons = "".join(f"<span{' class=on' if i == 1 else ''}>{i}</span>" for i in range(1, 6))
    body = (f'<div class="top"><span>Show <select><option>{len(table.cells)}</option>'
            f'</select> entries</span><span>Search: <input value=""></span></div>'
            f"{table_html(table, rank=True)}"
            f'<div class="foot"><span>Showing 1 to {len(table.cells)} of {total} entries'
            f'</span><span class="pg"><span>Previous</span>{buttons}<span>Next</span>'
            f"</span></div>")
    return shoot(browser, body, css, 110 * len(table.columns) + 160, 1.0), table, "png", 0


def eink_grey(table: Table, rng: random.Random, browser: Browser) -> Shot:
    css = ("body{background:#fff;font-family:'DejaVu Serif',serif;font-size:16px;color:#000}"
           ".hd{font-size:12px;display:flex;justify-content:space-between;margin:8px 16px}"
           "p{margin:10px 16px;line-height:1.45;text-align:justify}"
           "table{border-collapse:collapse;margin:8px 16px;font-size:14px}"
           "th{border-bottom:1px solid #000;padding:4px 9px}td{padding:3px 9px}")
    body = (f'<div class="hd"><span>Chapter {rng.randint(3, 11)}</span><span>'
            f"{rng.randint(12, 88)}%</span></div><p>{PROSE}</p>{table_html(table)}"
            f'<div class="hd"><span>Page {rng.randint(40, 300)} of 412</span></div>')
    image = shoot(browser, body, css, 95 * len(table.columns) + 60, 1.0)
    grey = ImageOps.grayscale(image)
    low, high = rng.randint(55, 80), rng.randint(200, 225)
    grey = grey.point(lambda v: low + (high - low) * v // 255)
    noise = Image.effect_noise(grey.size, rng.randint(8, 14))
    grey = Image.blend(grey, noise, 0.08).filter(ImageFilter.GaussianBlur(0.4))
    return grey.convert("RGB"), table, "png", 0


def high_contrast(table: Table, rng: random.Random, browser: Browser) -> Shot:
    text = rng.choice(["#ffff00", "#ffffff"])
    css = ("body{background:#000;font-family:'Liberation Sans',sans-serif;font-size:15px;"
           f"color:{text}}} .tb{{background:#000;color:#fff;border-bottom:2px solid #fff;"
           "padding:6px 10px;font-weight:bold} a{color:#ffff00}"
           "table{border-collapse:collapse;margin:12px} th{color:#00ffff;"
           "border:1px solid #fff;padding:6px 10px} td{border:1px solid #fff;padding:5px 10px}"
           "td:first-child{color:#3ff23f}")
    body = (f'<div class="tb">results.html \u2014 Viewer</div><div style="margin:10px">'
            f"<a>Back to index</a></div>{table_html(table)}")
    scale = rng.choice([1.0, 1.25])
    return shoot(browser, body, css, 105 * len(table.columns) + 40, scale), table, "png", 0


def highlighter_pen(table: Table, rng: random.Random, browser: Browser) -> Shot:
    css = ("body{background:#fff;font-family:'FreeSans',sans-serif;font-size:15px}"
           "table{border-collapse:collapse;margin:16px} th{border-bottom:1.5px solid #000;"
           "padding:6px 11px} td{padding:5px 11px;border-bottom:1px solid #ddd}")
    image = shoot(browser, table_html(table, attrs='id="t"'), css,
                  100 * len(table.columns) + 50, 1.0)
    bounds = browser.evaluate(
        "() => { const r = [...document.querySelectorAll('#t tbody tr')]"
        ".map(e => e.getBoundingClientRect()); return r.map(b => [b.x, b.y, b.right, b.bottom]) }",
        1.0,
    )
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    x0, y0, x1, y1 = bounds[rng.randrange(len(bounds))]
    draw.rounded_rectangle((x0 + rng.randint(-6, 4), y0 + 3, x1 + rng.randint(-30, 6), y1 - 2),
                           6, fill=(255, 236, 0, 105))
    x0, y0, x1, y1 = bounds[rng.randrange(len(bounds))]
    column = rng.randrange(1, len(table.columns))
    cx = x0 + (x1 - x0) * (column + 0.5) / len(table.columns)
    cy = (y0 + y1) / 2
    draw.ellipse((cx - 42, cy - 17, cx + 44, cy + 16), outline=(220, 20, 20, 230), width=3)
    image = Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")
    image = image.rotate(rng.uniform(-1.2, 1.2), Image.BICUBIC, expand=True, fillcolor="#f2f0ea")
    return image, table, "jpg", rng.randint(70, 85)


def sticky_shadow(table: Table, rng: random.Random, browser: Browser) -> Shot:
    css = ("body{background:#fff;font-family:'Open Sans',sans-serif;font-size:14px}"
           ".app{padding:8px 14px;background:#253858;color:#fff}"
           "table{border-collapse:separate;border-spacing:0;margin:0 14px 14px}"
           "th{position:relative;background:#fff;padding:9px 12px;text-align:left;"
           "box-shadow:0 6px 8px -2px #0005;border-bottom:1px solid #ccc;z-index:2}"
           "td{padding:8px 12px;border-bottom:1px solid #eee}"
           ".scroll{position:absolute;right:2px;top:120px;width:6px;height:90px;"
           "background:#bbb;border-radius:3px}")
    body = (f'<div class="app">Model registry \u203a Evaluations</div>'
            f"<div style='height:10px'></div>{table_html(table)}<div class='scroll'></div>")
    width = 110 * len(table.columns) + 50
    scale = rng.choice([1.0, 1.25, min(2.0, 1500 / width)])
    return shoot(browser, body, css, width, scale), table, "png", 0


def rtl_chrome(table: Table, rng: random.Random, browser: Browser) -> Shot:
    arabic = rng.random() < 0.5
    heading, prose, nav = (
        ("نتائج التقييم", "تعرض هذه الصفحة نتائج النماذج على مجموعة من المعايير.",
         "الرئيسية | المدونة")
        if arabic else
        ("תוצאות ההערכה", "בעמוד זה מוצגות תוצאות המודלים במבחנים השונים.", "ראשי | בלוג")
    )
    css = ("body{background:#fdfdfb;font-family:'DejaVu Sans',sans-serif;font-size:14px}"
           ".nav{background:#0b6e4f;color:#fff;padding:8px 14px} h2{margin:12px 14px}"
           "p{margin:6px 14px} table{border-collapse:collapse;margin:12px 14px}"
           "th{background:#e3f1ea;padding:6px 10px;border:1px solid #9cc} "
           "td{padding:5px 10px;border:1px solid #9cc}")
    body = (f'<div class="nav">{nav}</div><h2>{heading}</h2><p>{prose}</p>'
            f"{table_html(table)}<p>{prose}</p>")
    return shoot(browser, body, css, 100 * len(table.columns) + 60, 1.0, "rtl"), table, "png", 0


def two_up_pdf(table: Table, rng: random.Random, browser: Browser) -> Shot:
    table.title = f"Table {rng.randint(1, 6)}. Pretraining data and downstream accuracy."
    css = ("body{background:#525659;font-family:'Liberation Serif',serif}"
           ".tool{background:#323639;color:#eee;font:13px 'DejaVu Sans';padding:8px 12px}"
           ".pages{display:flex;gap:14px;padding:14px;justify-content:center}"
           ".pg{flex:1 1 0;background:#fff;padding:26px 24px;"
           "font-size:10.5px;"
           "box-shadow:0 2px 6px #000a;line-height:1.35;text-align:justify}"
           ".cap{font-size:10px;margin:6px 0}"
           "table{border-collapse:collapse;font-size:9.5px;margin:0 auto}"
           "th{border-top:1px solid #000;border-bottom:0.6px solid #000;padding:2px 4px}"
           "td{padding:1.5px 4px;text-align:center} td:first-child{text-align:left}"
           "tbody tr:last-child td{border-bottom:1px solid #000}")
    left = (f"<p>{PROSE}</p><div class='cap'>{html.escape(table.title)}</div>"
            f"{table_html(table)}<p>{PROSE[:200]}</p>")
    right = "".join(f"<p>{PROSE}</p>" for _ in range(4))
    page_no = rng.randint(3, 14)
    body = (f'<div class="tool">paper.pdf &nbsp; {page_no} / 22 &nbsp; \u2212 &nbsp;'
            f' 110% &nbsp; + </div><div class="pages"><div class="pg">{left}</div>'
            f'<div class="pg">{right}</div></div>')
    width = 2 * max(430, 64 * len(table.columns)) + 140
    scale = min(rng.choice([1.5, 1.6]), 1600 / width)
    return shoot(browser, body, css, width, scale), table, "png", 0


LOOKS: dict[str, Callable[[Table, random.Random, Browser], Shot]] = {
    "wiki_mobile": wiki_mobile,
    "details_open": details_open,
    "whatsapp_jpeg": whatsapp_jpeg,
    "column_numbers": column_numbers,
    "delta_scores": delta_scores,
    "datatable_paged": datatable_paged,
    "eink_grey": eink_grey,
    "high_contrast": high_contrast,
    "highlighter_pen": highlighter_pen,
    "sticky_shadow": sticky_shadow,
    "rtl_chrome": rtl_chrome,
    "two_up_pdf": two_up_pdf,
}
