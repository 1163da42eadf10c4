"""Looks of ``blind13_tables.py`` that set a table on a page: a paper with bold and
underlined leaders, a notebook cell cut at the right, an open serif table, a notes app, a
docs page with an average row, a Hindi blog post with row numbers."""

from __future__ import annotations

import random

from blind13_data import encode
from blind13_table_parts import Printed, esc, page, printed_table, shoot, table_html
from browser import Browser


def best_underline(rng: random.Random, browser: Browser):
    t = printed_table(rng, (5, 8), (4, 6), params=rng.choice([None, "#Params"]),
                      settings=rng.random() < 0.5)
    first_bench = len(t.columns) - len(t.benches)
    leaders = {c: (t.best(c, 0), t.best(c, 1)) for c in range(first_bench, len(t.columns))}

    def cell(r: int, c: int, text: str) -> str:
        best, second = leaders.get(c, (None, None))
        if r == best:
            return f"<b>{esc(text)}</b>"
        return f"<u>{esc(text)}</u>" if r == second else esc(text)

    number = rng.randint(1, 6)
    caption = (f"Table {number}: Comparison with open models. Best in bold, second best "
               "underlined.")
    width = rng.randint(560, 900)
    font = rng.choice(["'Liberation Serif'", "'FreeSerif'", "'DejaVu Serif'"])
    body = f"""<div class=p><p>models of comparable size, evaluated with the same prompts
    and decoding settings.</p>{table_html(t, cell=cell)}<div class=cap>{esc(caption)}</div>
    <p>As the table shows, the gap narrows with scale.</p></div>"""
    css = f"""body{{font-family:{font},serif;background:#fff}}.p{{padding:16px 24px}}
    p{{font-size:15px;text-align:justify}}table{{border-collapse:collapse;font-size:14px;
    margin:0 auto;border-top:2px solid #000;border-bottom:2px solid #000}}thead tr{{
    border-bottom:1px solid #000}}th,td{{padding:3px 8px}}.cap{{font-size:13px;
    text-align:center;margin-top:6px}}"""
    image = shoot(browser, css, body, width, 2.0)
    return (*encode(image, width=round(width * rng.uniform(1.1, 1.6))), t, caption)


COLUMN_EDGES = """() => [...document.querySelectorAll('thead tr:last-child th')].map(th => {
  const r = th.getBoundingClientRect(); return [r.left, r.right]; })"""
BOX_RIGHT = "() => document.querySelector('.scroll').getBoundingClientRect().right"


def jupyter_cut(rng: random.Random, browser: Browser):
    t = printed_table(rng, (5, 9), (6, 8), params=rng.choice([None, "params"]),
                      tokens=rng.choice([None, "tokens"]), model_header="model", digits=2)

    t.cells.sort(key=lambda row: -float(row[-len(t.benches)]))
    run = rng.randint(3, 40)

    def html_at(box: int | None) -> str:
        limit = f"width:{box}px;" if box else ""
        body = f"""<div class=nb><div class=cellin><span>In&nbsp;[{run}]:</span>
        <code>df.sort_values("{t.benches[0]}", ascending=False)</code></div>
        <div class=cellout><span class=o>Out[{run}]:</span>
        <div class=scroll style='{limit}'>{table_html(t)}</div></div></div>"""
        css = """body{font-family:'DejaVu Sans',sans-serif;background:#fff}.nb{padding:12px}
        .cellin{display:flex;gap:10px;font:13px 'DejaVu Sans Mono',monospace}
        .cellin code{background:#f5f5f5;border:1px solid #e0e0e0;padding:6px;flex:1}
        .cellin span,.o{color:#303f9f;width:70px;font:13px 'DejaVu Sans Mono',monospace}
        .o{color:#d84315}.cellout{display:flex;gap:10px;margin-top:8px}
        .scroll{overflow-x:scroll;overflow-y:hidden}table{border-collapse:collapse;
        font-size:12px}th,td{padding:5px 9px;white-space:nowrap}thead{border-bottom:1px
        solid #000}tbody tr:nth-child(odd){background:#f5f5f5}th{font-weight:bold}"""
        return page(css, body, 2200 if box is None else box + 110)

    browser.shoot(html_at(None), 1.0)
    edges = browser.evaluate(COLUMN_EDGES, 1.0)
    cut_at = rng.randint(max(3, len(edges) - 4), len(edges) - 1)
    left, right = edges[cut_at]
    box = round(left - edges[0][0] + (right - left) * rng.uniform(0.3, 0.65))
    image = browser.shoot(html_at(box), 1.0)
    box_right = browser.evaluate(BOX_RIGHT, 1.0)
    whole = [r <= box_right + 0.5 for _, r in browser.evaluate(COLUMN_EDGES, 1.0)]
    keep = whole.index(False) if False in whole else len(whole)
    cut = Printed(t.columns[:keep], [row[:keep] for row in t.cells], t.models,
                  [b for b in t.benches if b in t.columns[:keep]])
    return (*encode(image), cut, None)


def tufte_blur(rng: random.Random, browser: Browser):
    t = printed_table(rng, (4, 7), (3, 5), params=rng.choice(["Parameters", None]),
                      missing=0.12)
    title = rng.choice(["Scores at a glance", "Benchmark accuracy, by model",
                        "What each model scores"])
    width = rng.randint(600, 1000)
    font = rng.choice(["'Liberation Serif'", "'FreeSerif'"])
    body = f"""<div class=p><div class=t>{title}</div>{table_html(t)}
    <div class=n>Accuracy in percent; a dash marks a score not reported.</div></div>"""
    css = f"""body{{font-family:{font},serif;background:#fffff8;color:#111}}.p{{padding:26px}}
    .t{{font-style:italic;font-size:20px;margin-bottom:14px}}table{{border-collapse:collapse;
    font-size:15px}}th{{font-weight:normal;font-style:italic;padding:4px 26px 12px 0}}
    td{{padding:7px 26px 7px 0}}.n{{font-size:12px;margin-top:16px;color:#555}}"""
    image = shoot(browser, css, body, width, rng.choice([1.0, 1.25]))
    return (*encode(image, blur=0.6), t, title)


def notes_app(rng: random.Random, browser: Browser):
    t = printed_table(rng, (5, 8), (3, 4), params=rng.choice(["Params", None]))
    split = rng.randint(2, len(t.cells) - 2)
    span = len(t.columns)
    before = {0: f"<tr class=sec><td colspan={span}>Open weights</td></tr>",
              split: f"<tr class=sec><td colspan={span}>API only</td></tr>"}
    title = rng.choice(["Eval notes", "Model shortlist", "Bench results (draft)"])
    folders = "".join(f"<div>{f}</div>" for f in ["iCloud", "Notes", "Work", "Reading",
                                                   "Recently Deleted"])
    notes = "".join(f"<div class=ni><b>{n}</b><br><span>{d}</span></div>" for n, d in [
        (title, "09:41"), ("Groceries", "Yesterday"), ("Offsite agenda", "Monday"),
        ("Book list", "12/03")])
    width = rng.randint(1000, 1350)
    body = f"""<div class=app><div class=side>{folders}</div><div class=list>{notes}</div>
    <div class=note><div class=date>{rng.randint(1, 28)} March at 09:41</div><h1>{title}</h1>
    <p>Scores from the shared sheet, copied here for the review.</p>
    {table_html(t, before_row=before, align_numbers='left')}</div></div>"""
    css = """body{font-family:'Roboto','Open Sans',sans-serif;background:#fff}.app{display:flex;
    min-height:560px}.side{width:170px;background:#e9e7e4;padding:14px;font-size:13px}
    .side div{padding:5px 8px}.list{width:230px;border-right:1px solid #ddd;font-size:13px}
    .ni{padding:10px 14px;border-bottom:1px solid #eee}.ni:first-child{background:#fbe69a}
    .ni span{color:#888}.note{flex:1;padding:18px 30px}.date{text-align:center;color:#999;
    font-size:12px}h1{font-size:24px}p{font-size:14px}table{border-collapse:collapse;
    font-size:14px}th,td{border:1px solid #ccc;padding:5px 10px}.sec td{font-weight:bold;
    background:#f7f7f7;color:#555}"""
    image = shoot(browser, css, body, width, rng.choice([1.0, 2.0]))
    return (*encode(image, width=width, jpeg=rng.randint(70, 88)), t, title)


def average_footer(rng: random.Random, browser: Browser):
    t = printed_table(rng, (4, 7), (3, 5), params="Params", tokens=rng.choice(["Tokens", None]),
                      unit_space=True)
    first_bench = len(t.columns) - len(t.benches)
    means = []
    for c in range(first_bench, len(t.columns)):
        values = [float(row[c]) for row in t.cells if row[c] != "–"]
        means.append(f"{sum(values) / len(values):.1f}")
    blanks = "<td></td>" * (first_bench - 1)
    after = ("<tr class=avg><td>Average</td>" + blanks +
             "".join(f"<td style='text-align:right'>{m}</td>" for m in means) + "</tr>")
    title = rng.choice(["Evaluation summary", "Results", "Base model comparison"])
    width = rng.randint(340, 900)
    body = f"""<div class=doc><div class=nav>Docs &rsaquo; Evaluation</div><h2>{title}</h2>
    <p>All runs use the same harness and prompt format.</p>{table_html(t, after=after)}
    <p class=s>The last row averages each column over the models above.</p></div>"""
    css = """body{font-family:'Liberation Sans',sans-serif;background:#fff;color:#222}
    .doc{padding:16px 22px}.nav{font-size:12px;color:#888}h2{font-size:21px}p{font-size:14px}
    table{border-collapse:collapse;font-size:14px}th{border-bottom:2px solid #444;
    padding:5px 10px}td{padding:4px 10px;border-bottom:1px solid #e3e3e3}
    .avg td{border-top:2px solid #444;font-weight:bold}.s{font-size:12px;color:#777}"""
    image = shoot(browser, css, body, width, rng.choice([1.0, 1.5]))
    return (*encode(image), t, title)


def hindi_numbered(rng: random.Random, browser: Browser):
    t = printed_table(rng, (4, 8), (3, 5), params=rng.choice(["Params", None]),
                      model_header="मॉडल")
    title = rng.choice(["ओपन मॉडल की तुलना", "बेंचमार्क परिणाम", "छोटे भाषा मॉडल: परिणाम"])
    width = rng.randint(620, 1000)
    body = f"""<div class=post><div class=site>तकनीक ब्लॉग</div><h1>{title}</h1>
    <p>इस लेख में हम कुछ नए भाषा मॉडलों की तुलना करते हैं। सभी अंक प्रतिशत में हैं।</p>
    {table_html(t, numbered='#')}<p>अधिक जानकारी के लिए नीचे टिप्पणी करें।</p></div>"""
    css = """body{font-family:'FreeSans',sans-serif;background:#fdfcf9;color:#222}
    .post{padding:18px 26px}.site{color:#c2410c;font-weight:bold}h1{font-size:26px}
    p{font-size:16px}table{border-collapse:collapse;font-size:15px}th{background:#c2410c;
    color:#fff;padding:6px 10px}td{padding:5px 10px;border-bottom:1px solid #e7e1d6}
    .num{width:22px;color:#999;text-align:center}th.num{color:#fff}"""
    image = shoot(browser, css, body, width, rng.choice([1.0, 1.5]))
    return (*encode(image), t, title)
