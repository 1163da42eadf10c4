"""The sixteenth blind set's table looks: each takes a seeded ``random.Random`` and the
set's table maker, and returns (image, the table's truth, JPEG quality or 0 for PNG)."""

from __future__ import annotations

import html
import random
from collections.abc import Callable

import blind16_io
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageFont

MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
FACES = ["'Liberation Sans'", "'Open Sans'", "Roboto", "'DejaVu Sans'", "FreeSans"]
FAMILY_COLOURS = ["#e5484d", "#3e63dd", "#30a46c", "#f76b15", "#8e4ec6"]


def esc(text: str) -> str:
    return html.escape(text)


def resized(image: Image.Image, width: int) -> Image.Image:
    height = round(image.height * width / image.width)
    return image.resize((width, height), Image.LANCZOS)


def plain_rows(table: dict, cell: Callable[[dict, int, str], str] | None = None) -> str:
    """<tr>s of every row; ``cell(row, column index, text)`` may dress a cell's HTML."""
    out = []
    for row in table["rows"]:
        tds = "".join(
            f"<td>{cell(row, i, text) if cell else esc(text)}</td>"
            for i, text in enumerate(row["cells"])
        )
        out.append(f"<tr>{tds}</tr>")
    return "".join(out)


def header_row(columns: list[str], extra: str = "") -> str:
    return "<tr>" + extra + "".join(f"<th>{esc(c)}</th>" for c in columns) + "</tr>"


def kanban_card(rng: random.Random, make: Callable) -> tuple:
    table = make(rng, rows=rng.randint(4, 6), benchmarks=rng.randint(2, 3))
    face = rng.choice(FACES)
    lists = ["To do", "In review", "Done"]
    card = (
        "<div class='card'><div class='labels'><span style='background:#61bd4f'></span>"
        "<span style='background:#f2d600'></span></div>"
        f"<div class='ctitle'>Eval sweep results ({rng.randint(2, 40)} runs)</div>"
        f"<table>{header_row(table['columns'])}{plain_rows(table)}</table>"
        "<div class='meta'><span>&#9745; 3/5</span><span>4 comments</span>"
        "<span class='av'>JT</span><span class='av' style='background:#c377e0'>MK</span></div>"
        "</div>"
    )
    columns = "".join(
        f"<div class='list'><div class='lname'>{name}</div>"
        + (card if name == "In review" else
           "".join(f"<div class='card small'>Task {rng.randint(10, 99)}: tidy configs</div>"
                   for _ in range(rng.randint(1, 3))))
        + "<div class='add'>+ Add a card</div></div>"
        for name in lists
    )
    css = (
        f"#shot{{display:flex;gap:12px;padding:16px;background:#0079bf;font-family:{face};"
        "align-items:flex-start;width:max-content}"
        ".list{background:#ebecf0;border-radius:6px;padding:8px;width:max-content;min-width:200px}"
        ".lname{font-weight:600;font-size:14px;padding:4px 6px 8px}"
        ".card{background:#fff;border-radius:4px;box-shadow:0 1px 0 #091e4240;padding:8px;"
        "margin-bottom:8px;font-size:13px}.labels span{display:inline-block;width:40px;"
        "height:8px;border-radius:4px;margin-right:4px}.ctitle{margin:6px 0;font-size:14px}"
        "table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #dfe1e6;"
        "padding:3px 6px;text-align:left}th{background:#f4f5f7}"
        ".meta{margin-top:6px;color:#5e6c84;font-size:12px;display:flex;gap:10px}"
        ".av{background:#00875a;color:#fff;border-radius:50%;padding:3px 4px;font-size:10px}"
        ".add{color:#5e6c84;font-size:13px;padding:4px}"
    )
    image = blind16_io.shoot(f"<div id='shot'>{columns}</div>", css, rng.choice([1.0, 1.5]))
    return resized(image, min(image.width, rng.randint(1000, 1500))), table, 0


def jupyter_scroll(rng: random.Random, make: Callable) -> tuple:
    table = make(rng, benchmarks=rng.randint(4, 6))
    rows = "".join(
        f"<tr><th>{i}</th>" + "".join(f"<td>{esc(t)}</td>" for t in row["cells"]) + "</tr>"
        for i, row in enumerate(table["rows"])
    )
    body = (
        "<div id='shot'><div class='cell'><span class='prompt'>In&nbsp;[7]:</span>"
        "<pre>df = pd.read_csv(\"evals.csv\")\ndf</pre></div>"
        "<div class='out'><span class='prompt out'>Out[7]:</span><div class='scroll'>"
        f"<table><thead>{header_row(table['columns'], '<th></th>')}</thead>"
        f"<tbody>{rows}</tbody></table><div class='bar'><div class='thumb'></div></div>"
        "</div></div></div>"
    )
    css = (
        "#shot{width:max-content;padding:14px 20px;font-family:'DejaVu Sans',sans-serif}"
        ".cell{display:flex;gap:10px}.cell pre{background:#f7f7f7;border:1px solid #cfcfcf;"
        "padding:6px 10px;margin:0;min-width:600px;font-size:13px}"
        ".prompt{color:#303f9f;font-family:monospace;font-size:13px;width:60px}"
        ".prompt.out{color:#d84315}.out{display:flex;gap:10px;margin-top:8px}"
        "table{border-collapse:collapse;font-size:12px}th,td{padding:5px 10px;text-align:right}"
        "thead th{border-bottom:1px solid #000;font-weight:bold}"
        "tbody tr:nth-child(odd){background:#f5f5f5}tbody th{font-weight:bold}"
        ".bar{height:10px;background:#f0f0f0;border:1px solid #ddd;margin-top:4px}"
        f".thumb{{height:10px;width:{rng.randint(55, 80)}%;background:#c1c1c1;border-radius:5px}}"
    )
    return blind16_io.shoot(body, css, rng.choice([1.0, 1.25])), table, 0


def percent_dated(rng: random.Random, make: Callable) -> tuple:
    table = make(rng, percent=True, dated=True, tokens=False)
    table["title"] = f"Release notes: accuracy by checkpoint ({rng.choice(['v3', 'Q2', 'spring'])})"
    face = rng.choice(FACES)
    body = (
        f"<div id='shot'><h2>{esc(table['title'])}</h2>"
        f"<table>{header_row(table['columns'])}{plain_rows(table)}</table>"
        "<p>All scores are accuracy in percent; higher is better.</p></div>"
    )
    css = (
        f"#shot{{width:max-content;padding:24px 32px;font-family:{face};color:#1f2328}}"
        "h2{font-size:20px;margin:0 0 12px}table{border-collapse:collapse;font-size:14px}"
        "th{background:#eef2f7;text-align:left}th,td{padding:7px 12px;"
        "border-bottom:1px solid #d0d7de}tr:nth-child(even) td{background:#fafbfc}"
        "td+td{text-align:right}p{color:#57606a;font-size:13px}"
    )
    image = blind16_io.shoot(body, css, 1.0)
    return resized(image, min(image.width, rng.randint(700, 1300))), table, 0


def half_cut(rng: random.Random, make: Callable) -> tuple:
    table = make(rng, benchmarks=rng.randint(4, 5))
    face = rng.choice(FACES)
    body = (f"<div id='shot'><table>{header_row(table['columns'])}{plain_rows(table)}"
            "</table></div>")
    css = (
        f"#shot{{width:max-content;padding:18px;font-family:{face}}}"
        "table{border-collapse:collapse;font-size:15px}th,td{padding:6px 14px;"
        "border:1px solid #bbb}th{background:#e8e8e8}td+td{text-align:center}"
    )
    image = blind16_io.shoot(body, css, 1.0)
    left, width = blind16_io.measure(
        "() => { const s = document.querySelector('#shot').getBoundingClientRect();"
        " const c = [...document.querySelectorAll('th')].pop().getBoundingClientRect();"
        " return [c.left - s.left, c.width]; }"
    )
    cut = round(left + width * rng.uniform(0.3, 0.55))
    image = image.crop((0, 0, cut, image.height))
    dropped = table["columns"].pop()
    for row in table["rows"]:
        row["cells"].pop()
        if dropped.startswith("MMLU") and not dropped.startswith("MMLU-"):
            row["mmlu"] = None  # the MMLU column is the one cut in half
    return image, table, 0


def family_averages(rng: random.Random, make: Callable) -> tuple:
    table = make(rng, families=rng.randint(2, 3), params=True, tokens=False)
    width = len(table["columns"])
    out, group = [], []
    for position, row in enumerate(table["rows"]):
        out.append("<tr>" + "".join(f"<td>{esc(t)}</td>" for t in row["cells"]) + "</tr>")
        group.append(row)
        following = table["rows"][position + 1] if position + 1 < len(table["rows"]) else None
        if following is None or following["family"] != row["family"]:
            means = []
            for column in range(2, width):
                values = [float(r["cells"][column].rstrip("%")) for r in group]
                means.append(f"{sum(values) / len(values):.1f}")
            out.append("<tr class='avg'><td>Average</td><td></td>"
                       + "".join(f"<td>{m}</td>" for m in means) + "</tr>")
            group = []
    face = rng.choice(FACES)
    body = f"<div id='shot'><table>{header_row(table['columns'])}{''.join(out)}</table></div>"
    css = (
        f"#shot{{width:max-content;padding:20px;font-family:{face}}}"
        "table{border-collapse:collapse;font-size:14px}th{border-top:2px solid #333;"
        "border-bottom:1px solid #333}th,td{padding:5px 12px}td+td{text-align:right}"
        ".avg td{font-style:italic;color:#555;background:#f3f3f3;border-bottom:1px solid #999}"
    )
    image = blind16_io.shoot(body, css, rng.choice([1.0, 1.5]))
    return resized(image, min(image.width, rng.randint(800, 1400))), table, 0


def best_second_dagger(rng: random.Random, make: Callable) -> tuple:
    table = make(rng, params=True, tokens=False)
    columns = table["columns"]
    ranks: dict[tuple[int, int], str] = {}
    for column in range(2, len(columns)):
        order = sorted(range(len(table["rows"])),
                       key=lambda r: -float(table["rows"][r]["cells"][column]))
        ranks[(order[0], column)] = "b"
        ranks[(order[1], column)] = "u"
    marked = set(rng.sample(range(len(table["rows"])), 2))
    rows = []
    for r, row in enumerate(table["rows"]):
        cells = []
        for c, text in enumerate(row["cells"]):
            if c == 0 and r in marked:
                cells.append(f"{esc(text)}<sup>&dagger;</sup>")
            elif (r, c) in ranks:
                tag = ranks[(r, c)]
                cells.append(f"<{tag}>{esc(text)}</{tag}>")
            else:
                cells.append(esc(text))
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    table["title"] = f"Table {rng.randint(2, 6)}: Comparison with open models."
    body = (
        f"<div id='shot'><div class='cap'>{esc(table['title'])}</div>"
        f"<table>{header_row(columns)}{''.join(rows)}</table>"
        "<div class='foot'>&dagger; reproduced with our harness. Best in bold, second "
        "underlined.</div></div>"
    )
    css = (
        "#shot{width:max-content;padding:22px;font-family:'Liberation Serif',serif}"
        ".cap{font-size:15px;margin-bottom:6px}table{border-collapse:collapse;font-size:15px}"
        "tr:first-child th{border-top:2px solid #000;border-bottom:1px solid #000}"
        "tr:last-child td{border-bottom:2px solid #000}th,td{padding:4px 12px}"
        "td+td{text-align:center}.foot{font-size:12px;margin-top:6px}"
    )
    image = blind16_io.shoot(body, css, 2.0)
    return resized(image, rng.randint(700, 1200)), table, 0


def condensed_jpeg(rng: random.Random, make: Callable) -> tuple:
    table = make(rng, benchmarks=rng.randint(5, 7), rows=rng.randint(7, 10))
    body = f"<div id='shot'><table>{header_row(table['columns'])}{plain_rows(table)}</table></div>"
    css = (
        "#shot{width:max-content;padding:8px;font-family:'Roboto Condensed','Liberation Sans "
        "Narrow';font-size:11px}table{border-collapse:collapse}th,td{padding:2px 6px;"
        "border-bottom:1px solid #e2e2e2}th{color:#444;text-align:left;border-bottom:"
        "1px solid #888}td+td{text-align:right}"
    )
    image = blind16_io.shoot(body, css, rng.choice([1.0, 1.25]))
    return image, table, rng.randint(55, 75)


def family_border_merged(rng: random.Random, make: Callable) -> tuple:
    table = make(rng, families=rng.randint(2, 3), repeat_size=True, params=True,
                 tokens=False)
    colours = dict(zip(dict.fromkeys(r["family"] for r in table["rows"]),
                       rng.sample(FAMILY_COLOURS, 3), strict=False))
    rows_html = []
    index = 0
    rows = table["rows"]
    while index < len(rows):
        span = 1
        while (index + span < len(rows) and rows[index + span]["family"] == rows[index]["family"]
               and rows[index + span]["size"] == rows[index]["size"]):
            span += 1
        for offset in range(span):
            row = rows[index + offset]
            cells = [f"<td class='name' style='border-left:5px solid {colours[row['family']]}'>"
                     f"{esc(row['cells'][0])}</td>"]
            if offset == 0:
                cells.append(f"<td rowspan='{span}' class='size'>{esc(row['cells'][1])}</td>")
            cells += [f"<td>{esc(t)}</td>" for t in row["cells"][2:]]
            rows_html.append("<tr>" + "".join(cells) + "</tr>")
        index += span
    face = rng.choice(FACES)
    body = (f"<div id='shot'><table>{header_row(table['columns'])}{''.join(rows_html)}"
            "</table></div>")
    css = (
        f"#shot{{width:max-content;padding:16px;font-family:{face};background:#fcfcfd}}"
        "table{border-collapse:collapse;font-size:14px}th{background:#f0f0f3;text-align:left}"
        "th,td{padding:6px 12px;border-bottom:1px solid #e4e4e9}td.size{vertical-align:middle;"
        "text-align:center;border-left:1px solid #e4e4e9;border-right:1px solid #e4e4e9}"
        "td{text-align:right}td.name{text-align:left}"
    )
    image = blind16_io.shoot(body, css, 1.0)
    return resized(image, min(image.width, rng.randint(700, 1200))), table, 0


def projector_photo(rng: random.Random, make: Callable) -> tuple:
    table = make(rng, rows=rng.randint(4, 6), benchmarks=rng.randint(2, 4), tokens=False)
    table["title"] = rng.choice(["How the new models compare", "Results at a glance",
                                 "Evaluation summary"])
    body = (
        f"<div id='shot'><h1>{esc(table['title'])}</h1>"
        f"<table>{header_row(table['columns'])}{plain_rows(table)}</table>"
        f"<div class='num'>{rng.randint(4, 30)}</div></div>"
    )
    css = (
        "#shot{width:1280px;height:720px;background:#fff;font-family:'Open Sans';"
        "position:relative;padding:40px 60px;box-sizing:border-box}"
        "h1{color:#1b365d;font-size:38px;margin:0 0 30px}table{border-collapse:collapse;"
        "font-size:24px}th{background:#1b365d;color:#fff}th,td{padding:10px 22px;"
        "border:1px solid #9fb3c8}tr:nth-child(odd) td{background:#e8eef5}"
        ".num{position:absolute;right:30px;bottom:20px;color:#888;font-size:16px}"
    )
    slide = blind16_io.shoot(body, css, 1.0)
    width, height = 1500, 1000
    room = Image.new("RGB", (width, height), (58, 52, 48))
    washed = ImageEnhance.Contrast(slide).enhance(rng.uniform(0.55, 0.7))
    washed = ImageEnhance.Brightness(washed).enhance(rng.uniform(1.05, 1.2))
    screen = Image.new("RGB", (washed.width + 40, washed.height + 40), (236, 236, 232))
    screen.paste(washed, (20, 20))
    skew = rng.uniform(0.04, 0.09) * screen.width
    # a keystone: the bottom edge narrower than the top, as a projector tilted up draws it
    coeffs = _perspective(
        [(0, 0), (screen.width, 0), (screen.width - skew, screen.height), (skew, screen.height)],
        [(0, 0), (screen.width, 0), (screen.width, screen.height), (0, screen.height)],
    )
    tilted = screen.transform(screen.size, Image.PERSPECTIVE, coeffs, Image.BICUBIC,
                              fillcolor=(58, 52, 48))
    tilted = tilted.resize((1300, round(1300 * tilted.height / tilted.width)))
    room.paste(tilted, (100, 80))
    room = room.filter(ImageFilter.GaussianBlur(rng.uniform(0.8, 1.4)))
    return resized(room, rng.randint(1000, 1500)), table, rng.randint(60, 80)


def _perspective(target: list, source: list) -> list[float]:
    import numpy as np

    matrix = []
    for (x, y), (u, v) in zip(target, source, strict=True):
        matrix.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        matrix.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    a = np.array(matrix, dtype=float)
    b = np.array([c for point in source for c in point], dtype=float)
    return list(np.linalg.solve(a, b))


def monospace_lines(table: dict) -> list[str]:
    widths = [max(len(table["columns"][i]), *(len(r["cells"][i]) for r in table["rows"]))
              for i in range(len(table["columns"]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(table["columns"], widths, strict=True))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r["cells"], widths, strict=True))
              for r in table["rows"]]
    return [line.rstrip() for line in lines]


def column_t_green(rng: random.Random, make: Callable) -> tuple:
    table = make(rng)
    size = rng.choice([13, 14, 16])
    font = ImageFont.truetype(MONO, size)
    lines = ["$ column -t -s, evals/summary.csv", *monospace_lines(table), "$ "]
    step = size + 5
    width = max(round(font.getlength(line)) for line in lines) + 40
    image = Image.new("RGB", (width, step * len(lines) + 30), (8, 12, 8))
    draw = ImageDraw.Draw(image)
    green = rng.choice([(51, 255, 102), (90, 230, 90), (0, 220, 120)])
    for i, line in enumerate(lines):
        draw.text((20, 15 + i * step), line, font=font, fill=green)
    draw.rectangle((20 + font.getlength("$ "), 15 + (len(lines) - 1) * step,
                    28 + font.getlength("$ "), 15 + (len(lines) - 1) * step + size), fill=green)
    return image, table, 0


def raw_markdown(rng: random.Random, make: Callable) -> tuple:
    table = make(rng, rows=rng.randint(4, 7))
    lines = ["## Results", "", "| " + " | ".join(table["columns"]) + " |",
             "|" + "|".join(rng.choice(["---", ":---", "---:", "-----"])
                            for _ in table["columns"]) + "|"]
    lines += ["| " + " | ".join(r["cells"]) + " |" for r in table["rows"]]
    lines += ["", "Numbers from our own harness, see `eval/README.md`."]
    gutter = "".join(f"<div>{i + 1}</div>" for i in range(len(lines)))
    text = "".join(f"<div>{esc(line) or '&nbsp;'}</div>" for line in lines)
    body = (
        "<div id='shot'><div class='tab'>RESULTS.md</div><div class='ed'>"
        f"<div class='gut'>{gutter}</div><div class='txt'>{text}</div></div></div>"
    )
    dark = rng.random() < 0.5
    bg, fg, gut = ("#1e1e1e", "#d4d4d4", "#6e7681") if dark else ("#ffffff", "#24292f", "#8c959f")
    css = (
        f"#shot{{width:max-content;background:{bg};color:{fg};font-family:'Liberation Mono',"
        "monospace;font-size:14px;padding-bottom:12px}"
        f".tab{{background:{'#2d2d2d' if dark else '#f3f3f3'};padding:6px 14px;font-family:"
        "'DejaVu Sans';font-size:12px}.ed{display:flex;gap:16px;padding:8px 24px 0 0}"
        f".gut{{color:{gut};text-align:right;width:36px}}.ed div{{line-height:21px}}"
    )
    return blind16_io.shoot(body, css, rng.choice([1.0, 1.25])), table, 0


LOCK = ("<svg width='12' height='13' viewBox='0 0 12 13'><rect x='1' y='6' width='10' "
        "height='7' rx='1' fill='currentColor'/><path d='M3 6V4a3 3 0 0 1 6 0{}' "
        "stroke='currentColor' stroke-width='1.6' fill='none'/></svg>")


def access_dark(rng: random.Random, make: Callable) -> tuple:
    table = make(rng, tokens=rng.random() < 0.5)
    table["columns"].insert(1, "Access")
    for row in table["rows"]:
        row["cells"].insert(1, rng.choice(["Open", "Open", "Closed"]))

    def dressed(row: dict, index: int, text: str) -> str:
        if index != 1:
            return esc(text)
        shut = text == "Closed"
        icon = LOCK.format("v2" if shut else "V3")
        return f"<span class='{'shut' if shut else 'open'}'>{icon} {text}</span>"

    table["title"] = "Model evaluation, " + rng.choice(["March", "sprint 12", "round 4"])
    body = (
        "<div id='shot'><div class='crumbs'>Spaces / Research / Evals</div>"
        f"<h1>{esc(table['title'])}</h1><div class='by'>Owned by R. Ilves · "
        f"{rng.randint(2, 9)} min read</div>"
        f"<table>{header_row(table['columns'])}{plain_rows(table, dressed)}</table></div>"
    )
    css = (
        "#shot{width:max-content;padding:24px 40px;background:#1d2125;color:#b6c2cf;"
        "font-family:'Liberation Sans'}.crumbs{font-size:12px;color:#8c9bab}"
        "h1{color:#dee4ea;font-size:26px;margin:10px 0 4px}.by{font-size:12px;color:#8c9bab;"
        "margin-bottom:18px}table{border-collapse:collapse;font-size:14px}"
        "th{background:#2c333a;text-align:left;color:#dee4ea}th,td{border:1px solid #454f59;"
        "padding:7px 12px}.open{color:#4bce97}.shut{color:#f87168}"
    )
    image = blind16_io.shoot(body, css, 1.0)
    return resized(image, min(image.width, rng.randint(800, 1400))), table, 0


LOOKS = {
    "kanban_card": kanban_card,
    "jupyter_scroll": jupyter_scroll,
    "percent_dated": percent_dated,
    "half_cut": half_cut,
    "family_averages": family_averages,
    "best_second_dagger": best_second_dagger,
    "condensed_jpeg": condensed_jpeg,
    "family_border_merged": family_border_merged,
    "projector_photo": projector_photo,
    "column_t_green": column_t_green,
    "raw_markdown": raw_markdown,
    "access_dark": access_dark,
}
