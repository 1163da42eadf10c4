"""The ninth blind test set of tables (blind9), written without reading the reader or any
other generator. Twelve looks, in turn:

- elo_ci_column: an arena-like board, Elo with its 95% interval in a column of its own
- delta_card: a model card's eval table with a "Δ vs base" column
- qiita_jp: a Japanese tech-blog article (green header rule), shot narrow like a phone
- dark_output_scroll: a notebook's dark output cell with a scroll bar beside the table
- shots_under_names: a paper table, each benchmark's shot count on a second header line
- review_comment_marks: a code-review comment holding a table with ✓/✗ status marks (JPEG)
- gradient_slide_table: a presentation slide on a diagonal colour gradient (JPEG)
- wikitable_links: a wiki table, model names as blue underlined links with [a] notes
- average_first_board: a leaderboard whose Average column comes first, params beside it
- typed_fax_scan: a monospace printout, scanned grey, noisy and slightly turned (JPEG)
- powershell_table: ``Format-Table`` output on PowerShell's blue console
- pill_badges_card: a rounded card with access pills, params and training tokens

Truth rules: ``columns`` are the header cells as printed (the first names the model
column; a shot count printed under a name joins it as "MMLU (5-shot)"); ``rows`` hold each
model as printed (without a footnote mark), ``cells`` the printed row (model first),
``params_b`` from a parameters column (else the size in the name, else null), ``tokens_t``
in trillions from a training-tokens column, ``mmlu`` from the column named MMLU. A sort
arrow beside a header is no part of its name.
"""

from __future__ import annotations

import html
import random
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind9_data import (
    FAMILIES,
    FONTS,
    SIZES,
    Table,
    command_line,
    generate_looks,
    make_table,
    shoot,
)
from blind9_data import css as fill


def html_table(table: Table, header: list[str] | None = None,
               model_cell=html.escape, attrs: str = "") -> str:
    head = "".join(f"<th>{h}</th>" for h in (header or map(html.escape, table.columns)))
    body = "".join(
        "<tr><td>" + model_cell(cells[0]) + "</td>"
        + "".join(f"<td>{html.escape(c)}</td>" for c in cells[1:]) + "</tr>"
        for cells in table.cells)
    return f"<table {attrs}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def add_column(table: Table, position: int, header: str, values: list[str]) -> None:
    table.columns.insert(position, header)
    for cells, value in zip(table.cells, values, strict=True):
        cells.insert(position, value)


def elo_ci_column(rng: random.Random) -> tuple[Image.Image, dict]:
    table = make_table(rng, rng.randint(6, 11), rng.randint(0, 2),
                       mmlu="MMLU" if rng.random() < 0.7 else None)
    elos = sorted((rng.randint(1050, 1320) for _ in table.cells), reverse=True)
    add_column(table, 1, "Arena Elo", [str(e) for e in elos])
    add_column(table, 2, "95% CI", [f"+{rng.randint(3, 12)}/-{rng.randint(3, 12)}"
                                     for _ in elos])
    add_column(table, 3, "Votes", [f"{rng.randint(800, 60000):,}" for _ in elos])
    dark = rng.random() < 0.5
    bg, fg, line = ("#16181d", "#e6e6e6", "#2c3038") if dark else ("#ffffff", "#1d1d1f", "#e4e4e7")
    css = (f"#shot{{display:inline-block;padding:22px;background:{bg};color:{fg};"
           f"font-family:'Open Sans';font-size:{rng.randint(13, 16)}px}}"
           f"table{{border-collapse:collapse}}th{{text-align:left;color:#8a8f98;font-weight:600;"
           f"padding:8px 16px;border-bottom:2px solid {line}}}"
           f"td{{padding:7px 16px;border-bottom:1px solid {line}}}"
           "td:nth-child(3){color:#8a8f98;font-size:0.85em}")
    title = "Chatbot Arena (community votes)" if rng.random() < 0.5 else None
    head = f"<h3 style='margin:0 0 12px'>{title}</h3>" if title else ""
    image = shoot(f"<div id=shot>{head}{html_table(table)}</div>", css, rng.choice([1, 1.25]))
    return image, table.truth(title, "")


def delta_card(rng: random.Random) -> tuple[Image.Image, dict]:
    table = make_table(rng, rng.randint(3, 6), rng.randint(2, 4), sized_names=False)
    family, size = rng.choice(FAMILIES), rng.choice(SIZES)
    stages = ["Base", *rng.sample(["SFT", "DPO", "Instruct", "Chat", "RL", "Distill"], 5)]
    for cells, row, stage in zip(table.cells, table.rows, stages, strict=False):
        cells[0] = row["model"] = f"{family}-{size:g}B-{stage}"
        row["params_b"] = size
    mmlu = table.columns.index("MMLU")
    base = float(table.cells[0][mmlu])
    deltas = ["—"] + [f"{float(c[mmlu]) - base:+.1f}" for c in table.cells[1:]]
    add_column(table, len(table.columns), "Δ vs base (MMLU)", deltas)
    css = ("#shot{display:inline-block;padding:28px 34px;background:#fbfbfa;"
           "font-family:'Liberation Sans';font-size:15px;color:#333;width:max-content}"
           "h2{font-size:20px;margin:0 0 6px}p{margin:0 0 14px;color:#666}"
           "table{border-collapse:collapse;border:1px solid #ddd}th{background:#f0efe9;"
           "padding:7px 12px;border:1px solid #ddd}td{padding:6px 12px;border:1px solid #ddd;"
           "text-align:right}td:first-child{text-align:left;font-family:'DejaVu Sans Mono';"
           "font-size:13px}td:last-child{color:#1a7f37}")
    title = "Evaluation results"
    body = (f"<div id=shot><h2>{title}</h2><p>All numbers from our own harness; the first "
            f"row is the base checkpoint.</p>{html_table(table)}</div>")
    return shoot(body, css, rng.choice([1, 1.5])), table.truth(title, "")


def qiita_jp(rng: random.Random) -> tuple[Image.Image, dict]:
    table = make_table(rng, rng.randint(4, 7), rng.randint(1, 3),
                       params="Params" if rng.random() < 0.5 else None)
    table.columns[0] = "モデル"
    css = fill("#shot{display:inline-block;width:${w}px;padding:16px;background:#fff;"
           "font-family:'WenQuanYi Zen Hei';font-size:14px;color:#333;border-top:6px solid "
           "#55c500}h1{font-size:19px}table{border-collapse:collapse;width:100%}"
           "th{background:#f6f6f6;border:1px solid #ccc;padding:5px}td{border:1px solid #ccc;"
           "padding:5px}", w=rng.randint(380, 520))
    title = "ローカルLLMのベンチマークを比べてみた"
    body = (f"<div id=shot><h1>{title}</h1><p>手元で評価した結果は以下の通りです。"
            f"数値は高いほど良い。</p>{html_table(table)}<p>※ 評価は同じ条件で実施。</p></div>")
    return shoot(body, css, rng.choice([1, 2])), table.truth(title, "")


def dark_output_scroll(rng: random.Random) -> tuple[Image.Image, dict]:
    table = make_table(rng, rng.randint(7, 12), rng.randint(2, 4), decimals=rng.choice([1, 2]),
                       params="Params (B)" if rng.random() < 0.6 else None,
                       tokens="Tokens (T)" if rng.random() < 0.4 else None)
    table.columns[0] = "model"
    css = ("#shot{display:inline-block;background:#1e1e1e;padding:10px 0 10px 60px;"
           "font-family:'DejaVu Sans';font-size:12px;color:#d4d4d4;position:relative}"
           ".out{border-left:3px solid #3794ff;padding:6px 30px 6px 12px}"
           ".prompt{position:absolute;left:6px;top:14px;color:#6a9955;"
           "font-family:'DejaVu Sans Mono'}"
           "table{border-collapse:collapse}th{font-weight:bold;padding:4px 10px;text-align:right;"
           "border-bottom:1px solid #555}td{padding:4px 10px;text-align:right}"
           "td:first-child,th:first-child{text-align:left;font-weight:bold}"
           "tr:nth-child(even) td{background:#2a2a2a}"
           ".bar{position:absolute;right:4px;top:14px;width:8px;height:45%;background:#5a5a5a;"
           "border-radius:4px}")
    body = (f"<div id=shot><span class=prompt>[{rng.randint(3, 40)}]:</span><div class=out>"
            f"{html_table(table)}</div><div class=bar></div></div>")
    return shoot(body, css, rng.choice([1, 1.5])), table.truth(None, "")


def shots_under_names(rng: random.Random) -> tuple[Image.Image, dict]:
    table = make_table(rng, rng.randint(5, 9), rng.randint(2, 4))
    shots = {c: rng.choice(["0-shot", "5-shot", "3-shot", "8-shot", "25-shot"])
             for c in table.columns[1:]}
    header = ["Model"] + [f"{html.escape(c)}<br><i>({shots[c]})</i>" for c in table.columns[1:]]
    table.columns[1:] = [f"{c} ({shots[c]})" for c in table.columns[1:]]
    css = fill("#shot{display:inline-block;padding:20px;background:#fff;"
               "font-family:'Liberation Serif';font-size:${size}px}"
               "table{border-collapse:collapse;border-top:2px solid #000;"
               "border-bottom:2px solid #000}th{font-weight:normal;padding:4px 12px;"
               "border-bottom:1px solid #000}td{padding:3px 12px;text-align:center}"
               "td:first-child{text-align:left}.cap{margin-top:8px;font-size:0.9em}",
               size=rng.randint(14, 18))
    caption = ("<div class=cap>Table 3: Results on standard benchmarks; the number of "
               "in-context examples is given under each name.</div>")
    body = f"<div id=shot>{html_table(table, header)}{caption}</div>"
    return shoot(body, css, rng.choice([1, 1.5])), table.truth(None, "")


def review_comment_marks(rng: random.Random) -> tuple[Image.Image, dict]:
    table = make_table(rng, rng.randint(4, 7), rng.randint(1, 3))
    add_column(table, len(table.columns), "Status",
               [rng.choice(["✓ merged", "✗ regressed", "✓ ok"]) for _ in table.cells])
    css = ("#shot{display:inline-block;background:#f6f8fa;padding:18px;font-family:'Roboto';"
           "font-size:14px}.box{background:#fff;border:1px solid #d0d7de;border-radius:6px}"
           ".hd{background:#ddf4ff;padding:8px 14px;border-bottom:1px solid #d0d7de;color:#333}"
           ".bd{padding:14px}table{border-collapse:collapse}th,td{border:1px solid #d0d7de;"
           "padding:5px 12px}th{background:#f6f8fa}tr:nth-child(2n) td{background:#f9fafb}")
    body = (f"<div id=shot><div class=box><div class=hd><b>reviewer-{rng.randint(2, 99)}</b> "
            f"commented on the eval config</div><div class=bd><p>Re-ran the suite after the "
            f"tokenizer fix:</p>{html_table(table)}<p>LGTM once the regression is "
            f"explained.</p></div></div></div>")
    return shoot(body, css, 1), table.truth(None, "")


def gradient_slide_table(rng: random.Random) -> tuple[Image.Image, dict]:
    table = make_table(rng, rng.randint(3, 6), rng.randint(1, 3),
                       params="Params" if rng.random() < 0.5 else None)
    a, b = rng.choice([("#1f4e79", "#7fb3d5"), ("#4a1942", "#c06c84"), ("#0b3d2e", "#6fb98f")])
    css = (f"#shot{{display:block;width:{rng.randint(1100, 1500)}px;height:auto;padding:50px 70px;"
           f"box-sizing:border-box;background:linear-gradient(135deg,{a},{b});color:#fff;"
           "font-family:'Open Sans'}h1{font-size:40px;margin:0 0 30px}"
           "table{border-collapse:collapse;font-size:24px;background:rgba(255,255,255,0.12)}"
           "th{padding:12px 26px;border-bottom:3px solid #fff;text-align:left}"
           "td{padding:10px 26px;border-bottom:1px solid rgba(255,255,255,0.4)}")
    title = rng.choice(["How our models compare", "Q3 model review", "Benchmark summary"])
    body = f"<div id=shot><h1>{title}</h1>{html_table(table)}</div>"
    return shoot(body, css, 1), table.truth(title, "")


def wikitable_links(rng: random.Random) -> tuple[Image.Image, dict]:
    table = make_table(rng, rng.randint(5, 9), rng.randint(2, 4),
                       params="Parameters" if rng.random() < 0.5 else None,
                       tokens="Training tokens" if rng.random() < 0.5 else None)

    def linked(name: str) -> str:
        note = f"<sup>[{rng.choice('abc')}]</sup>" if rng.random() < 0.3 else ""
        return f"<a href='#'>{html.escape(name)}</a>{note}"

    header = [f"{html.escape(c)} <span style='color:#999'>⇅</span>" for c in table.columns]
    css = ("#shot{display:inline-block;padding:14px;background:#fff;font-family:'DejaVu Sans';"
           "font-size:13px}table{border-collapse:collapse;background:#f8f9fa;"
           "border:1px solid #a2a9b1}th{background:#eaecf0;border:1px solid #a2a9b1;"
           "padding:5px 8px}"
           "td{border:1px solid #a2a9b1;padding:4px 8px}a{color:#0645ad;text-decoration:underline}"
           "sup{color:#0645ad;font-size:9px}")
    body = f"<div id=shot>{html_table(table, header, linked)}</div>"
    return shoot(body, css, rng.choice([1, 1.25])), table.truth(None, "")


def average_first_board(rng: random.Random) -> tuple[Image.Image, dict]:
    table = make_table(rng, rng.randint(8, 14), rng.randint(3, 5), params="#Params (B)")
    averages = [f"{sum(float(c) for c in cells[2:]) / (len(cells) - 2):.2f}"
                for cells in table.cells]
    add_column(table, 1, "Average", averages)
    order = sorted(range(len(table.cells)), key=lambda i: -float(table.cells[i][1]))
    table.cells = [table.cells[i] for i in order]
    table.rows = [table.rows[i] for i in order]
    header = [html.escape(c) + (" ⬆" if c == "Average" else "") for c in table.columns]
    css = ("#shot{display:inline-block;padding:12px;background:#fff;font-family:'Roboto';"
           "font-size:13px}table{border-collapse:collapse}th{padding:6px 10px;background:#fafafa;"
           "border-bottom:1px solid #ccc;font-weight:500}td{padding:5px 10px;"
           "border-bottom:1px solid #eee}td:nth-child(2){font-weight:bold;background:#fff7e0}")
    return shoot(f"<div id=shot>{html_table(table, header)}</div>", css, 1), table.truth(None, "")


def text_grid(table: Table) -> list[str]:
    widths = [max(len(r[i]) for r in [table.columns, *table.cells])
              for i in range(len(table.columns))]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True))  # noqa: E731
    return [line(table.columns), "  ".join("-" * w for w in widths),
            *(line(c) for c in table.cells)]


def draw_lines(lines: list[str], font: ImageFont.FreeTypeFont, fg: str, bg: str,
               margin: int) -> Image.Image:
    step = int(font.size * 1.45)
    width = max(int(font.getlength(t)) for t in lines) + 2 * margin
    image = Image.new("RGB", (width, step * len(lines) + 2 * margin), bg)
    draw = ImageDraw.Draw(image)
    for i, text in enumerate(lines):
        draw.text((margin, margin + i * step), text, font=font, fill=fg)
    return image


def typed_fax_scan(rng: random.Random) -> tuple[Image.Image, dict]:
    table = make_table(rng, rng.randint(5, 9), rng.randint(2, 3),
                       params="Params" if rng.random() < 0.5 else None)
    font = ImageFont.truetype(f"{FONTS}/freefont/FreeMono.ttf", rng.randint(20, 26))
    title = "EVALUATION SUMMARY"
    image = draw_lines([title, "", *text_grid(table)], font, "#222", "#f2f1ec", 50)
    pixels = np.asarray(image.convert("L"), dtype=np.float32)
    pixels += np.random.default_rng(rng.randint(0, 1 << 30)).normal(0, 14, pixels.shape)
    grey = Image.fromarray(np.clip(pixels * 0.9 + 10, 0, 255).astype(np.uint8))
    grey = grey.filter(ImageFilter.GaussianBlur(0.6))
    grey = grey.rotate(rng.uniform(-1.8, 1.8), expand=True, fillcolor=235, resample=Image.BICUBIC)
    scale = rng.uniform(0.7, 1.0)
    grey = grey.resize((int(grey.width * scale), int(grey.height * scale)))
    return grey, table.truth(title, "")


def powershell_table(rng: random.Random) -> tuple[Image.Image, dict]:
    table = make_table(rng, rng.randint(4, 8), rng.randint(2, 3), decimals=2)
    font = ImageFont.truetype(f"{FONTS}/dejavu/DejaVuSansMono.ttf", rng.randint(14, 17))
    lines = ["PS C:\\evals> Import-Csv .\\scores.csv | Format-Table", "",
             *text_grid(table), "", "PS C:\\evals> "]
    image = draw_lines(lines, font, "#eeedf0", "#012456", 14)
    if rng.random() < 0.4:  # a window shot on a large screen, shrunk for a post
        image = image.resize((int(image.width * 0.72), int(image.height * 0.72)), Image.LANCZOS)
    return image, table.truth(None, "")


def pill_badges_card(rng: random.Random) -> tuple[Image.Image, dict]:
    table = make_table(rng, rng.randint(4, 7), rng.randint(1, 3), params="Params",
                       tokens="Tokens")
    access = [rng.choice(["open", "API"]) for _ in table.cells]
    add_column(table, 1, "Access", access)
    header = list(map(html.escape, table.columns))
    rows = "".join(
        "<tr><td>" + html.escape(c[0]) + "</td><td><span class=pill>" + c[1] + "</span></td>"
        + "".join(f"<td>{html.escape(x)}</td>" for x in c[2:]) + "</tr>" for c in table.cells)
    css = ("#shot{display:inline-block;padding:26px;background:#eef1f5;font-family:'Roboto'}"
           ".card{background:#fff;border-radius:16px;padding:18px 22px;box-shadow:0 2px 10px "
           "rgba(0,0,0,.12)}h3{margin:0 0 10px;font-weight:500}table{border-collapse:collapse;"
           "font-size:14px}th{color:#667;font-weight:500;text-align:left;padding:6px 14px;"
           "font-size:12px}td{padding:8px 14px;border-top:1px solid #eee}"
           ".pill{background:#e3f2e8;color:#1b6b3a;border-radius:999px;padding:2px 10px;"
           "font-size:12px}")
    title = "Model catalogue"
    body = (f"<div id=shot><div class=card><h3>{title}</h3><table><tr>"
            + "".join(f"<th>{h}</th>" for h in header) + f"</tr>{rows}</table></div></div>")
    return shoot(body, css, rng.choice([1, 1.5])), table.truth(title, "")


LOOKS = {look.__name__: look for look in (
    elo_ci_column, delta_card, qiita_jp, dark_output_scroll, shots_under_names,
    review_comment_marks, gradient_slide_table, wikitable_links, average_first_board,
    typed_fax_scan, powershell_table, pill_badges_card)}
JPEG = {"review_comment_marks", "gradient_slide_table", "typed_fax_scan"}


def generate(out: Path, count: int = 48, seed: int = 83000) -> dict:
    return generate_looks(out, count, seed, LOOKS, "tables",
                          lambda style: ".jpg" if style in JPEG else ".png")


if __name__ == "__main__":
    command_line(generate, 48, 83000)
