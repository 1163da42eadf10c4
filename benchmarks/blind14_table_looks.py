"""The twelve looks of blind14's tables (listed in ``blind14_tables.py``): each takes a
seeded random source and the browser, and returns (image, spec as printed, rescale, JPEG
quality or None)."""

from __future__ import annotations

import random
from collections.abc import Callable

from blind14_render import esc, page
from blind14_tables import SMALL_SIZES, Spec, make_spec, printed_number
from PIL import Image

Look = Callable[[random.Random, object], tuple[Image.Image, Spec, float, int | None]]


def table(spec: Spec, header: Callable[[int, str], str] | None = None,
          cell: Callable[[int, int, str], str] | None = None, attrs: str = "") -> str:
    """``spec`` as an HTML table; ``header`` and ``cell`` give the inner HTML of a header
    cell (by column) and of a body cell (by row and column) where a look adds to them."""
    head = "".join(f"<th>{header(i, c) if header else esc(c)}</th>"
                   for i, c in enumerate(spec.columns))
    body = "".join(
        "<tr>" + "".join(f"<td>{cell(r, i, c) if cell else esc(c)}</td>"
                         for i, c in enumerate(row)) + "</tr>"
        for r, row in enumerate(spec.rows))
    return f"<table {attrs}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def marked(spec: Spec, rng: random.Random, share: float = 0.3) -> Callable[[int, int, str], str]:
    """Footnote marks after some names (recorded in ``spec.marks``, no part of the name)."""
    for r in range(len(spec.rows)):
        if rng.random() < share:
            spec.marks[r] = rng.choice(["*", "†", "‡", "¹", "²"])

    def cell(r: int, i: int, text: str) -> str:
        mark = spec.marks.get(r) if i == 0 else None
        return esc(text) + (f"<sup>{mark}</sup>" if mark and mark in "¹²" else mark or "")
    return cell


def review_linenos(rng: random.Random, browser) -> tuple:
    spec = make_spec(rng, params=rng.choice(["b", "none"]), missing=0.03)
    number = rng.randint(2, 6)
    spec.title = f"Table {number}: Accuracy of the compared models on held-out benchmarks."
    width = rng.choice([620, 700, 780])
    first = rng.randint(40, 300)
    lines = "".join(f"<div>{first + i:03d}</div>" for i in range(60))
    prose = ("We compare against open checkpoints of similar size under the same prompts. "
             "All numbers are accuracy in percent unless stated otherwise, averaged over "
             "three seeds. ") * 2
    body = (f"<div id='shot'><div class='nums'>{lines}</div><div class='col'>"
            "<div class='head'>Anonymous submission. Do not distribute.</div>"
            f"<p>{prose}</p><div class='cap'>{esc(spec.title)}</div>{table(spec)}"
            f"<p>{prose}</p></div></div>")
    css = (f"#shot{{width:{width + 90}px;overflow:hidden;padding-bottom:{rng.randint(4, 40)}px;"
           "font-family:'Liberation Serif';font-size:14px;color:#111;background:#fff}"
           ".nums{position:absolute;left:8px;top:18px;bottom:0;overflow:hidden;width:34px;"
           "color:#6a7fb0;font-size:10px;line-height:16.2px;text-align:right}"
           f".col{{margin:12px 0 0 70px;width:{width}px}}"
           ".head{font-size:11px;text-align:center;font-style:italic;margin-bottom:6px}"
           "p{text-align:justify;line-height:16.2px;margin:6px 0}"
           ".cap{font-size:13px;margin:10px 0 4px;text-align:center}"
           "table{border-collapse:collapse;margin:0 auto;font-size:13px}"
           "thead tr{border-top:1.5px solid #000;border-bottom:0.8px solid #000}"
           "tbody tr:last-child{border-bottom:1.5px solid #000}"
           "th{font-weight:normal;padding:3px 9px}td{padding:2px 9px;text-align:center}"
           "td:first-child,th:first-child{text-align:left}")
    image = browser.shoot(page(body, css), rng.choice([1.0, 1.5]))
    return image, spec, rng.choice([1.0, 0.8]), None


def draft_watermark(rng: random.Random, browser) -> tuple:
    spec = make_spec(rng, tokens=rng.random() < 0.5, params="b")
    spec.title = rng.choice(["Evaluation summary", "Internal results, round 3",
                             "Benchmark overview"])
    word = rng.choice(["DRAFT", "PREPRINT", "CONFIDENTIAL DRAFT"])
    colour = rng.choice(["rgba(210,30,30,0.16)", "rgba(120,120,120,0.18)",
                         "rgba(30,60,200,0.13)"])
    cell = marked(spec, rng, 0.2)
    body = (f"<div id='shot'><h2>{esc(spec.title)}</h2>"
            "<p>Scores below are preliminary and will change before release.</p>"
            f"{table(spec, cell=cell)}<p class='foot'>* evaluated with a longer context; "
            "† weights not yet public</p>"
            f"<div class='wm'>{word}</div></div>")
    css = (f"#shot{{width:{rng.choice([760, 900, 1040])}px;padding:26px 34px;"
           "font-family:'Open Sans';color:#222;background:#fdfdfb;overflow:hidden}"
           "h2{font-weight:600;font-size:22px;margin:0 0 6px}p{font-size:13px}"
           ".foot{font-size:11px;color:#555}"
           "table{border-collapse:collapse;width:100%;font-size:14px}"
           "th{background:#eef1f4;text-align:left;padding:7px 8px;border-bottom:2px solid #c8ced6}"
           "td{padding:6px 8px;border-bottom:1px solid #dde2e8}"
           f".wm{{position:absolute;left:-10%;top:38%;width:120%;text-align:center;"
           f"font:700 {rng.randint(96, 130)}px 'Liberation Sans';color:{colour};"
           f"transform:rotate({rng.choice([-28, -33, -22])}deg);pointer-events:none}}")
    image = browser.shoot(page(body, css), 1.0)
    return image, spec, rng.choice([1.0, 0.9]), rng.choice([70, 82])


def hf_ids(rng: random.Random, browser) -> tuple:
    spec = make_spec(rng, hub_ids=True, params="none", model_header="Model ID")
    spec.title = None
    body = ("<div id='shot'><p>The checkpoints are on the hub under these ids; we ran each "
            "with the default generation config.</p>"
            f"{table(spec, cell=lambda r, i, t: f'<code>{esc(t)}</code>' if i == 0 else esc(t))}"
            "</div>")
    css = (f"#shot{{width:{rng.choice([880, 1000, 1180])}px;padding:18px 24px;"
           "font-family:Roboto;font-size:15px;color:#1f2328;background:#fff}"
           "code{font-family:'DejaVu Sans Mono';font-size:12.5px;background:#f3f4f6;"
           "padding:2px 5px;border-radius:4px;color:#7a2e0e}"
           "table{border-collapse:collapse}th{text-align:left;border-bottom:1px solid #d0d7de;"
           "padding:8px 14px;font-weight:500}td{padding:7px 14px;border-bottom:1px solid #eee}"
           "td:not(:first-child){text-align:right}")
    image = browser.shoot(page(body, css), rng.choice([1.0, 2.0]))
    return image, spec, rng.choice([1.0, 0.6]), None


def devtools_console(rng: random.Random, browser) -> tuple:
    spec = make_spec(rng, params="none", benchmarks=(2, 5), missing=0.0,
                     model_header="(index)", score_style=rng.choice(["one", "two"]))
    dark = rng.random() < 0.5
    colours = (("#202124", "#e8eaed", "#9aa0a6", "#3c4043", "#9980ff", "#28292c")
               if dark else ("#ffffff", "#202124", "#5f6368", "#cacdd1", "#1a1aa6", "#f1f3f4"))
    back, ink, dim, line, number, head = colours
    body = ("<div id='shot'><div class='bar'>Elements&nbsp;&nbsp; <b>Console</b>&nbsp;&nbsp; "
            "Sources&nbsp;&nbsp; Network&nbsp;&nbsp; Performance</div>"
            "<div class='row'><span class='p'>&gt;</span> console.table(results)</div>"
            f"<div class='row'>{table(spec)}</div>"
            "<div class='row dim'>▶ Object</div><div class='row dim'>"
            "<span class='p'>&lt;·</span> undefined</div><div class='row'>"
            "<span class='p'>&gt;</span> <span class='caret'>|</span></div>"
            f"<div class='src'>VM{rng.randint(100, 999)}:1</div></div>")
    css = (f"#shot{{width:{rng.choice([560, 680, 820])}px;background:{back};color:{ink};"
           "font-family:'DejaVu Sans Mono';font-size:11px}"
           f".bar{{background:{head};color:{dim};padding:5px 8px;font-family:Roboto;"
           f"font-size:12px;border-bottom:1px solid {line}}}"
           f".row{{padding:4px 8px;border-bottom:1px solid {line}}}.dim{{color:{dim}}}"
           f".p{{color:{dim}}}.caret{{color:#4285f4}}"
           f".src{{position:absolute;right:8px;top:32px;color:{dim};text-decoration:underline}}"
           f"table{{border-collapse:collapse;margin-top:4px}}th{{background:{head};"
           f"font-weight:normal;text-align:left;padding:2px 6px;border:1px solid {line}}}"
           f"td{{padding:2px 6px;border:1px solid {line};color:{number}}}"
           f"td:first-child{{color:{ink}}}")
    image = browser.shoot(page(body, css, back), rng.choice([1.0, 2.0]))
    return image, spec, rng.choice([1.0, 0.75]), None


def datasette_sort(rng: random.Random, browser) -> tuple:
    spec = make_spec(rng, params=rng.choice(["b", "number"]), rows=(5, 9),
                     model_header="model")
    sort = rng.randrange(1, len(spec.columns))
    arrow = rng.choice(["▼", "▲"])
    rows = len(spec.rows)

    def sort_key(row: list[str]) -> float:
        value = printed_number(row[sort])
        if value is None:  # a missing score sorts last either way
            return float("inf")
        return -value if arrow == "▼" else value

    spec.rows.sort(key=sort_key)

    def header(i: int, text: str) -> str:
        return f"<a>{esc(text)}</a>" + (f" <span class='ar'>{arrow}</span>" if i == sort else "")

    def cell(r: int, i: int, text: str) -> str:
        return f"<a>{esc(text)}</a>" if i == 0 else esc(text)

    body = ("<div id='shot'><div class='crumb'>home / evals / <b>scores</b></div>"
            "<h1>scores</h1><p class='meta'>"
            f"{rows} rows sorted by {esc(spec.columns[sort])} "
            f"{'descending' if arrow == '▼' else 'ascending'}</p>"
            "<div class='form'><span class='sel'>- column -</span> <span class='sel'>"
            "contains</span> <span class='box'></span> <span class='btn'>Apply</span></div>"
            f"{table(spec, header=header, cell=cell)}"
            "<p class='pages'>‹ Prev &nbsp; 1 &nbsp; Next page ›</p>"
            "<p class='meta'>Download: CSV · JSON &nbsp; · &nbsp; View and edit SQL</p></div>")
    css = (f"#shot{{width:{rng.choice([820, 960, 1100])}px;padding:16px 22px;"
           "font-family:FreeSans;font-size:14px;color:#111;background:#fff}"
           ".crumb{font-size:12px;color:#666}h1{font-size:26px;margin:6px 0}"
           ".meta{color:#444;font-size:13px}a{color:#1a55b5;text-decoration:underline}"
           ".ar{font-size:10px;color:#333}.sel,.box,.btn{display:inline-block;border:1px solid "
           "#bbb;padding:3px 8px;border-radius:3px;font-size:12px}.box{width:160px;height:14px}"
           ".btn{background:#1a55b5;color:#fff}"
           "table{border-collapse:collapse;margin-top:12px}"
           "th{text-align:left;padding:5px 10px;border-bottom:2px solid #999;font-weight:bold}"
           "td{padding:4px 10px;border-bottom:1px solid #e2e2e2;vertical-align:top}"
           "tbody tr:nth-child(odd){background:#f7f9fc}.pages{color:#1a55b5}")
    image = browser.shoot(page(body, css), 1.0)
    return image, spec, rng.choice([1.0, 1.25]), None


def licence_millions(rng: random.Random, browser) -> tuple:
    spec = make_spec(rng, params="mixed", benchmarks=(3, 5), rows=(4, 7), sizes=SMALL_SIZES)
    where = rng.randint(3, len(spec.columns) - 1)
    spec.columns.insert(where, rng.choice(["Licence", "License", "Type"]))
    for row in spec.rows:
        row.insert(where, rng.choice(["Apache-2.0", "MIT", "Research only", "Open weights",
                                      "Custom", "CC-BY-NC"]))
    spec.title = "Small checkpoints"
    nav = "".join(f"<li{' class=on' if n == 2 else ''}>{t}</li>" for n, t in enumerate(
        ["Getting started", "Installation", "Model zoo", "Fine-tuning", "Serving", "FAQ"]))
    body = (f"<div id='shot'><ul class='nav'>{nav}</ul><div class='main'><h2>Model zoo</h2>"
            f"<h3>{spec.title}</h3><p>Every checkpoint below fits on a single consumer GPU. "
            f"Sizes count all parameters, embeddings included.</p>{table(spec)}</div></div>")
    css = (f"#shot{{width:{rng.choice([980, 1120, 1260])}px;display:flex;"
           "font-family:'Liberation Sans';color:#24292f;background:#fff}"
           ".nav{width:190px;margin:0;padding:18px 12px;background:#f6f8fa;list-style:none;"
           "font-size:13px;line-height:28px;color:#57606a}.on{color:#0969da;font-weight:bold}"
           ".main{padding:14px 26px;flex:1}h2{margin:4px 0}h3{margin:12px 0 4px;font-size:16px}"
           "p{font-size:14px}table{border-collapse:collapse;font-size:14px}"
           "th,td{border:1px solid #d0d7de;padding:6px 11px;white-space:nowrap}"
           "th{background:#f6f8fa}"
           "td{text-align:center}td:first-child{text-align:left}")
    image = browser.shoot(page(body, css), rng.choice([1.0, 1.25]))
    return image, spec, 1.0, None


def rstudio_viewer(rng: random.Random, browser) -> tuple:
    spec = make_spec(rng, params="none", model_header="model", missing=0.08)
    spec.columns = [c if i == 0 else c.split(" (")[0].split(" ")[0].replace("-", ".")
                    for i, c in enumerate(spec.columns)]
    spec.rows = [[("NA" if c in ("–", "-", "—", "n/a") else c) for c in row]
                 for row in spec.rows]
    rows = len(spec.rows)

    def header(i: int, text: str) -> str:
        return f"{esc(text)}<span class='srt'>⇅</span>"

    numbers = "".join(f"<tr><td>{n + 1}</td></tr>" for n in range(rows))
    body = ("<div id='shot'><div class='tabs'><span class='tab'>results ×</span>"
            "<span class='tab dim'>fit.R ×</span></div><div class='tools'>⟲ &nbsp; ▽ Filter"
            "<span class='search'>Search</span></div><div class='grid'>"
            f"<table class='nums'><thead><tr><th>&nbsp;</th></tr></thead>{numbers}</table>"
            f"{table(spec, header=header)}</div><div class='status'>Showing 1 to {rows} of "
            f"{rows} entries, {len(spec.columns)} total columns</div></div>")
    css = (f"#shot{{width:{rng.choice([640, 760, 900])}px;background:#fff;"
           "font-family:'Liberation Sans';font-size:12px;color:#333;border:1px solid #c9c9c9}"
           ".tabs{background:#e6e9ee;padding:4px 6px 0}.tab{display:inline-block;padding:4px "
           "10px;background:#fff;border:1px solid #c9c9c9;border-bottom:none;margin-right:3px}"
           ".dim{background:#dde1e6;color:#777}.tools{padding:5px 8px;border-bottom:1px solid "
           "#ddd;color:#555}.search{float:right}.grid{display:flex}"
           "table{border-collapse:collapse}th{background:#f4f4f4;font-weight:bold;"
           "border:1px solid #ddd;padding:4px 8px;text-align:left;white-space:nowrap}"
           "td{border:1px solid #e8e8e8;padding:3px 8px;text-align:right;white-space:nowrap}"
           "td:first-child{text-align:left}.nums td{color:#999;background:#fafafa;"
           "text-align:right}.srt{color:#bbb;font-size:9px;margin-left:4px}"
           "tbody tr:nth-child(even) td{background:#f9f9f9}"
           ".status{padding:5px 8px;color:#666;border-top:1px solid #ddd}")
    image = browser.shoot(page(body, css), rng.choice([1.0, 1.25]))
    return image, spec, rng.choice([1.0, 0.8]), None


def teams_chat(rng: random.Random, browser) -> tuple:
    spec = make_spec(rng, params=rng.choice(["none", "b"]), rows=(3, 6), benchmarks=(2, 5))
    who = rng.choice(["Ines Marlow", "Tobias Renn", "Priya Achterberg", "Oskar Veil"])
    initials = "".join(part[0] for part in who.split())
    rail = "".join("<div class='ic'></div>" for _ in range(6))
    body = (f"<div id='shot'><div class='rail'>{rail}</div><div class='pane'>"
            "<div class='top'><b>Eval squad</b> &nbsp; Posts &nbsp; Files &nbsp; +</div>"
            f"<div class='msg'><div class='av'>{initials}</div><div class='bub'>"
            f"<div class='who'><b>{who}</b> <span>{rng.randint(8, 17)}:{rng.randint(10, 59)}"
            "</span></div><p>Numbers from last night's run are in, pasting here so nobody "
            f"has to open the sheet:</p>{table(spec)}<p>Will rerun the gaps tomorrow.</p>"
            "</div></div><div class='reply'>↩ Reply</div></div></div>")
    css = (f"#shot{{width:{rng.choice([860, 980, 1100])}px;display:flex;background:#f5f5f5;"
           "font-family:'Open Sans';font-size:14px;color:#242424}"
           ".rail{width:64px;background:#ebebeb;padding-top:10px}.ic{width:26px;height:26px;"
           "margin:12px auto;border-radius:6px;background:#c5c6d8}.pane{flex:1;padding:0 0 14px}"
           ".top{background:#fff;padding:12px 20px;border-bottom:1px solid #e0e0e0;color:#616161}"
           ".top b{color:#242424}.msg{display:flex;padding:18px 20px 4px}"
           ".av{width:34px;height:34px;border-radius:50%;background:#6264a7;color:#fff;"
           "font-size:13px;text-align:center;line-height:34px;margin-right:12px}"
           ".bub{background:#fff;border-radius:6px;padding:10px 16px;box-shadow:0 1px 2px #ccc}"
           ".who span{color:#616161;font-size:12px;margin-left:8px}"
           "table{border-collapse:collapse;margin:6px 0}th,td{border:1px solid #d1d1d1;"
           "padding:5px 10px}th{font-weight:600;text-align:left}"
           ".reply{margin-left:66px;color:#6264a7;font-size:13px}")
    image = browser.shoot(page(body, css), 1.0)
    return image, spec, rng.choice([1.0, 0.85]), rng.choice([75, 88])


TOOLTIP_JS = """() => {
  const tip = document.querySelector('.tip').getBoundingClientRect();
  const shot = document.querySelector('#shot').getBoundingClientRect();
  let box = {l: tip.left, t: tip.top, r: tip.right, b: tip.bottom};
  const hidden = [];
  document.querySelectorAll('tbody tr').forEach((tr, r) => {
    tr.querySelectorAll('td').forEach((td, c) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      const t = range.getBoundingClientRect();
      if (t.width && t.left < tip.right && t.right > tip.left && t.top < tip.bottom
          && t.bottom > tip.top) {
        hidden.push([r, c]);
        box = {l: Math.min(box.l, t.left - 2), t: Math.min(box.t, t.top - 2),
               r: Math.max(box.r, t.right + 2), b: Math.max(box.b, t.bottom + 2)};
      }
    });
  });
  return {hidden, left: box.l - shot.left, top: box.t - shot.top,
          width: box.r - box.l, height: box.b - box.t};
}"""


def selected_tooltip(rng: random.Random, browser) -> tuple:
    """The tooltip is drawn once, measured, then grown to cover whole cell texts: a cell
    it touches is hidden (""), none half shown."""
    spec = make_spec(rng, params=rng.choice(["b", "none"]), rows=(5, 8), benchmarks=(4, 6))
    spec.title = f"Leaderboard · {len(spec.rows)} models"
    selected = rng.randrange(0, len(spec.rows) - 2)
    column = rng.randrange(1, len(spec.columns) - 1)

    tip_text = (f"<b>{esc(spec.rows[selected][0])}</b><br>evaluated {rng.randint(2, 28)} Mar"
                "<br>harness v0.4, greedy decoding")
    width = rng.choice([900, 1040, 1200])

    def html(place: str) -> str:
        head, *body_rows = table(spec).split("<tr>")
        body_rows[selected + 1] = "<tr class='sel'>" + body_rows[selected + 1]
        rows = "<tr>".join([head, *body_rows]).replace("<tr><tr class='sel'>", "<tr class='sel'>")
        body = (f"<div id='shot'><div class='hd'>{esc(spec.title or '')}</div>"
                f"{rows}<div class='tip' style='{place}'>{tip_text}</div></div>")
        css = (f"#shot{{width:{width}px;padding:14px 18px 60px;font-family:Roboto;"
               "font-size:14px;color:#212121;background:#fff}.hd{font-size:18px;"
               "font-weight:500;margin-bottom:10px}table{border-collapse:collapse;width:100%}"
               "th{text-align:left;font-weight:500;color:#616161;padding:9px 10px;"
               "border-bottom:1px solid #e0e0e0}td{padding:9px 10px;border-bottom:1px solid "
               "#eee}tr.sel td{background:#d6e6fb}"
               ".tip{position:absolute;background:#37393d;color:#fff;font-size:12px;"
               "padding:8px 10px;border-radius:4px;box-shadow:0 2px 6px rgba(0,0,0,.35);"
               "line-height:17px}")
        return page(body, css)

    # first the tooltip just under the selected row, at the picked column
    scale = 1.0
    browser.shoot(html("left:0;top:0;visibility:hidden"), scale)
    anchor = browser.evaluate(
        f"""() => {{ const shot = document.querySelector('#shot').getBoundingClientRect();
        const td = document.querySelectorAll('tbody tr')[{selected}]
                   .querySelectorAll('td')[{column}].getBoundingClientRect();
        return [td.left - shot.left + 12, td.bottom - shot.top + 4]; }}""", scale)
    browser.shoot(html(f"left:{anchor[0]}px;top:{anchor[1]}px;width:190px"), scale)
    found = browser.evaluate(TOOLTIP_JS, scale)
    place = (f"left:{found['left']}px;top:{found['top']}px;width:{found['width'] - 20}px;"
             f"min-height:{found['height'] - 16}px")
    image = browser.shoot(html(place), scale)
    for r, c in found["hidden"]:
        spec.rows[r][c] = ""
    return image, spec, rng.choice([1.0, 0.8]), None


def longtable_continued(rng: random.Random, browser) -> tuple:
    spec = make_spec(rng, rows=(8, 12), params=rng.choice(["b", "number"]),
                     tokens=rng.random() < 0.4)
    number = rng.randint(3, 9)
    spec.title = f"Table {number}: Results of all evaluated checkpoints."
    cut = rng.randint(3, len(spec.rows) - 3)
    first = Spec(spec.columns, spec.rows[:cut])
    second = Spec(spec.columns, spec.rows[cut:])
    width = rng.choice([640, 720, 820])
    body = ("<div id='shot'><div class='pg one'><p>checkpoints of each family were "
            "evaluated with identical prompts; the full list follows.</p>"
            f"<div class='cap'>{esc(spec.title)}</div>{table(first)}"
            f"<div class='cont'>Continued on next page</div><div class='no'>{rng.randint(11, 30)}"
            "</div></div><div class='pg two'><div class='run'>Preprint</div>"
            f"<div class='cap'>Table {number} – continued from previous page</div>"
            f"{table(second)}<p>Larger models help most on arithmetic.</p></div></div>")
    css = (f"#shot{{background:#6b6f75;padding:14px 40px}}.pg{{width:{width}px;background:#fff;"
           "padding:20px 50px;font-family:FreeSerif;font-size:14px;color:#000}"
           ".one{padding-bottom:14px}.two{margin-top:14px;padding-top:16px}"
           ".cap{text-align:center;margin:8px 0 4px}.cont{text-align:right;font-style:italic;"
           "font-size:12px;margin-top:4px}.no{text-align:center;margin-top:26px;font-size:12px}"
           ".run{font-size:11px;font-style:italic;border-bottom:0.6px solid #000;"
           "margin-bottom:10px}table{border-collapse:collapse;margin:0 auto;width:100%;"
           "table-layout:fixed}th:first-child{width:32%}"
           "thead tr{border-top:1.4px solid #000;border-bottom:0.7px solid #000}"
           ".two tbody tr:last-child{border-bottom:1.4px solid #000}th{font-weight:normal;"
           "padding:3px 10px}td{padding:2px 10px;text-align:center}td:first-child,"
           "th:first-child{text-align:left}")
    image = browser.shoot(page(body, css, "#6b6f75"), rng.choice([1.0, 1.5]))
    return image, spec, rng.choice([1.0, 0.75]), None


def gmail_dark(rng: random.Random, browser) -> tuple:
    spec = make_spec(rng, params=rng.choice(["b", "none"]), benchmarks=(3, 5), rows=(3, 7))
    sender = rng.choice(["Rafaela Ost", "Jun Halloway", "Mireille Quast"])
    body = ("<div id='shot'><div class='side'><div class='compose'>✎ Compose</div>"
            "<div class='it on'>Inbox <span>12</span></div><div class='it'>Starred</div>"
            "<div class='it'>Sent</div><div class='it'>Drafts <span>3</span></div></div>"
            "<div class='mail'><h2>Re: eval numbers for the sync</h2>"
            f"<div class='from'><b>{sender}</b> &lt;{sender.split()[0].lower()}@example.org&gt;"
            f"<span>{rng.randint(1, 12)}:{rng.randint(10, 59)} PM</span></div>"
            "<p>Hi all,</p><p>here is the summary we discussed. Rows are sorted by size.</p>"
            f"{table(spec)}<p>Best,<br>{sender.split()[0]}</p></div></div>")
    css = (f"#shot{{width:{rng.choice([1000, 1200, 1400])}px;display:flex;background:#111;"
           "font-family:Roboto;color:#e3e3e3;font-size:14px}.side{width:210px;padding:14px}"
           ".compose{background:#3c4a5e;color:#d3e3fd;border-radius:14px;padding:14px 18px;"
           "margin-bottom:14px;width:110px}.it{padding:7px 14px;border-radius:14px;"
           "color:#c4c7c5}.it span{float:right}.on{background:#004a77;color:#fff}"
           ".mail{flex:1;background:#1f1f1f;margin:10px;border-radius:14px;padding:18px 26px}"
           "h2{font-weight:400;font-size:21px;margin:4px 0 14px}.from span{float:right;"
           "color:#9aa0a6;font-size:12px}table{border-collapse:collapse;margin:10px 0}"
           "th,td{border:1px solid #5f6368;padding:6px 12px}th{background:#2d2e30;"
           "text-align:left}td{text-align:right}td:first-child{text-align:left}")
    image = browser.shoot(page(body, css, "#111"), 1.0)
    return image, spec, rng.choice([1.0, 0.8]), rng.choice([None, 85])


def logo_initials(rng: random.Random, browser) -> tuple:
    spec = make_spec(rng, params="none", rows=(5, 9), benchmarks=(3, 5))
    spec.title = rng.choice(["Open model leaderboard", "Community rankings"])
    spec.columns = [c.upper() for c in spec.columns]  # the card prints its headers so
    palette = ["#e4572e", "#17bebb", "#ffc914", "#2e282a", "#76b041", "#6a4c93", "#1982c4"]

    def cell(r: int, i: int, text: str) -> str:
        if i:
            return esc(text)
        letters = "".join(w[0] for w in text.replace("-", " ").split()[:2]).upper()
        return (f"<span class='logo' style='background:{rng.choice(palette)}'>{letters}</span>"
                f"{esc(text)}")

    body = (f"<div id='shot'><div class='card'><h3>{esc(spec.title)}</h3>"
            f"<div class='sub'>Updated weekly · higher is better</div>{table(spec, cell=cell)}"
            "</div></div>")
    css = (f"#shot{{padding:22px;background:#eef0f3}}.card{{width:{rng.choice([560, 700, 860])}px;"
           "background:#fff;border-radius:12px;padding:16px 20px;box-shadow:0 2px 8px #c9ced6;"
           "font-family:'Roboto Condensed';font-size:15px;color:#1d2433}h3{margin:0;"
           "font-size:20px}.sub{color:#7b8494;font-size:12px;margin:2px 0 12px}"
           "table{border-collapse:collapse;width:100%}th{text-align:left;color:#7b8494;"
           "font-weight:normal;font-size:12px;padding:6px 8px}"
           "td{padding:8px;border-top:1px solid #edf0f4}td:not(:first-child){text-align:right}"
           ".logo{display:inline-block;width:22px;height:22px;border-radius:5px;color:#fff;"
           "font-size:10px;line-height:22px;text-align:center;margin-right:9px;"
           "font-family:Roboto;font-weight:bold;vertical-align:middle}")
    image = browser.shoot(page(body, css, "#eef0f3"), rng.choice([1.0, 2.0]))
    return image, spec, rng.choice([1.0, 0.5]), None


LOOKS: dict[str, Look] = {
    "review_linenos": review_linenos,
    "draft_watermark": draft_watermark,
    "hf_ids": hf_ids,
    "devtools_console": devtools_console,
    "datasette_sort": datasette_sort,
    "licence_millions": licence_millions,
    "rstudio_viewer": rstudio_viewer,
    "teams_chat": teams_chat,
    "selected_tooltip": selected_tooltip,
    "longtable_continued": longtable_continued,
    "gmail_dark": gmail_dark,
    "logo_initials": logo_initials,
}
