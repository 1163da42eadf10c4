"""The twelfth blind test set of tables, written without reading the reader or any other
generator. Twelve looks, each a page rendered in headless Chromium:

- airtable_icons: a no-code database grid, a typed-field icon before each header, row
  numbers in a gutter, a toolbar above;
- ppt_theme_footer: a 16:9 slide, theme-coloured header row, rows banded in two tints, a
  footer bar with the slide number;
- safari_reader: a reader-mode article in a serif face, a captioned table between paragraphs;
- pdf_hyphen_headers: a crop of a paper page, narrow headers broken with a hyphen over two
  lines ("Hella-" / "Swag"), the prose above cut through;
- circled_ranks: a leaderboard with the rank as a circled number before each name;
- cite_superscripts: a paper table with a citation in superscript after each benchmark and
  a dagger after some model names;
- mono_right_scores: names in a proportional face, scores right-aligned in a monospace one;
- frozen_scrollbar: a wide grid scrolled sideways under a frozen first column, only a window
  of the benchmarks showing, a scrollbar under it;
- dashboard_card: a table on a grey card with a drop shadow in an analytics dashboard
  (sidebar, figure tiles), tinted header row, italic first column;
- cn_forum_fullwidth: a Chinese forum post with a markdown table, simplified labels and
  fullwidth parentheses in the settings ("MMLU（5-shot）");
- vi_accented: a Vietnamese blog post as JPEG, accented labels;
- hidpi_dashes: a table shot at 150% on a hi-DPI screen then downscaled, group titles over
  the benchmarks, "—" and "–" where a score is missing.

    python benchmarks/blind12_tables.py OUT_DIR [--count 48] [--seed 106000]
"""

from __future__ import annotations

import html
import random
import sys
from collections.abc import Callable
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind12_data import (
    LONG_NAMES,
    Look,
    Table,
    command_line,
    generate_set,
    make_table,
    page,
    setting_for,
    size_text,
    truth_of,
)
from browser import Browser

E = html.escape
SANS = ["Roboto", "Open Sans", "Liberation Sans", "FreeSans", "DejaVu Sans"]
SERIF = ["Liberation Serif", "FreeSerif", "DejaVu Serif"]
MONO = ["DejaVu Sans Mono", "Liberation Mono", "FreeMono"]


def plain_name(_row: int, name: str) -> str:
    return f"<td>{name}</td>"


def rows_html(table: Table, name_cell: Callable[[int, str], str] = plain_name,
              extra: list[str] | None = None, score_class: str = "") -> str:
    """The body rows: the name's cell (``name_cell`` of the row and the escaped name),
    the ``extra`` column's text where there is one, then the scores."""
    attribute = f" class='{score_class}'" if score_class else ""
    return "".join(
        "<tr>" + name_cell(r, E(model.name))
        + "".join(f"<td{attribute}>{E(text)}</td>"
                  for text in [*([extra[r]] if extra else []), *scores]) + "</tr>"
        for r, (model, scores) in enumerate(zip(table.models, table.scores, strict=True)))


def icon(kind: str, colour: str) -> str:
    """A typed-field icon drawn as shapes, so that it prints no letters."""
    shapes = {
        "text": "<rect x='2' y='3' width='10' height='2'/><rect x='2' y='7' width='7' "
                "height='2'/><rect x='2' y='11' width='9' height='2'/>",
        "number": "<rect x='4' y='2' width='2' height='12'/><rect x='9' y='2' width='2' "
                  "height='12'/><rect x='2' y='5' width='11' height='2'/><rect x='2' y='9' "
                  "width='11' height='2'/>",
        "percent": "<circle cx='4' cy='4' r='2.2'/><circle cx='11' cy='12' r='2.2'/>"
                   "<polygon points='11,2 13,3 4,14 2,13'/>",
    }
    return (f"<svg width='14' height='16' viewBox='0 0 15 16' fill='{colour}' "
            f"style='vertical-align:-3px;margin-right:6px'>{shapes[kind]}</svg>")


def airtable_icons(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict, dict]:
    table = make_table(rng, rng.randint(5, 9), rng.randint(3, 5), settings=0.2)
    params = [f"{m.params_b:g}" for m in table.models]
    params_header = rng.choice(["Params (B)", "Parameters (B)"])
    font = rng.choice(SANS[:3])
    head = "".join(f"<th>{icon(kind, '#666')}{E(name)}</th>" for kind, name in
                   [("text", table.model_header), ("number", params_header),
                    *(("percent" if rng.random() < 0.5 else "number", b)
                      for b in table.benchmarks)])
    body = rows_html(table, lambda r, name: f"<td class='g'>{r + 1}</td><td class='m'>"
                     f"{name}</td>", params, "n")
    head = f"<tr><th class='g'></th>{head}</tr>"
    toolbar = "".join(f"<span>{t}</span>" for t in ["Grid view", "Hide fields", "Filter",
                                                     "Group", "Sort", "Color"])
    css = (f"#shot{{font:{rng.choice([12, 13, 14])}px '{font}';color:#1d1f25;"
           "background:#fff;padding:0 0 12px}.bar{background:#f4f5f7;padding:8px 12px;"
           "border-bottom:1px solid #dde1e6}.bar span{margin-right:18px;color:#444}"
           "table{border-collapse:collapse}th{background:#f5f5f5;font-weight:500;"
           "text-align:left;padding:6px 10px;border:1px solid #dedede;white-space:nowrap}"
           "td{padding:6px 10px;border:1px solid #e6e6e6;white-space:nowrap}"
           ".n{text-align:right}.g{color:#999;width:28px;text-align:center;"
           "background:#fafafa}.m{min-width:170px}")
    shot = page(f"<div id='shot'><div class='bar'>{toolbar}</div><table>{head}{body}"
                "</table></div>", css)
    truth = truth_of(table, "airtable_icons", params_header=params_header, params_texts=params)
    return browser.shoot(shot, 1.0), truth, {"jpeg": False, "scale": rng.choice([1.0, 0.9])}


def ppt_theme_footer(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict, dict]:
    table = make_table(rng, rng.randint(4, 7), rng.randint(3, 5), settings=0.4)
    table.title = rng.choice(["Evaluation results", "How our models compare",
                              "Benchmark summary", "Results on public benchmarks"])
    theme, tint1, tint2 = rng.choice([("#c0504d", "#f2dcdb", "#e6b9b8"),
                                      ("#4f81bd", "#dbe5f1", "#b8cce4"),
                                      ("#9bbb59", "#ebf1de", "#d7e4bd"),
                                      ("#8064a2", "#e5e0ec", "#ccc1da")])
    font = rng.choice(["Open Sans", "Liberation Sans", "Roboto"])
    head = "".join(f"<th>{E(h)}</th>" for h in [table.model_header, *table.benchmarks])
    body = rows_html(table, lambda _, name: f"<td class='l'>{name}</td>", score_class="n")
    company = rng.choice(["Northwind Labs", "Acme Research", "Bluefin AI"])
    css = (f"#shot{{width:1280px;height:720px;position:relative;font-family:'{font}';"
           "background:#fff}h1{margin:0;padding:40px 60px 20px;font-size:40px;"
           f"color:{theme};font-weight:600}}table{{margin:10px 60px;border-collapse:collapse;"
           "font-size:22px}th{background:" + theme + ";color:#fff;padding:10px 18px;"
           "text-align:center}td{padding:9px 18px}.n{text-align:center}"
           f"tr:nth-child(odd) td{{background:{tint1}}}tr:nth-child(even) td{{background:{tint2}}}"
           f".foot{{position:absolute;bottom:0;left:0;right:0;height:40px;background:{theme};"
           "color:#fff;font-size:16px;display:flex;justify-content:space-between;"
           "align-items:center;padding:0 30px}")
    foot = (f"<div class='foot'><span>{company} | Confidential</span>"
            f"<span>{rng.randint(3, 28)}</span></div>")
    shot = page(f"<div id='shot'><h1>{E(table.title)}</h1><table><tr>{head}</tr>{body}"
                f"</table>{foot}</div>", css)
    jpeg = rng.random() < 0.5
    return (browser.shoot(shot, 1.0), truth_of(table, "ppt_theme_footer"),
            {"jpeg": jpeg, "scale": rng.choice([0.75, 0.6, 1.0])})


def safari_reader(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict, dict]:
    table = make_table(rng, rng.randint(4, 8), rng.randint(3, 4), settings=0.3)
    table.title = f"Table {rng.randint(1, 4)}. " + rng.choice([
        "Results on standard benchmarks.", "Comparison with open models of similar size.",
        "Scores of the released checkpoints."])
    tokens = [f"{m.tokens_t:g}T" for m in table.models]
    tokens_header = rng.choice(["Tokens", "Training tokens"])
    font = rng.choice([*SERIF, "Open Sans"])
    head = "".join(f"<th>{E(h)}</th>" for h in
                   [table.model_header, tokens_header, *table.benchmarks])
    body = rows_html(table, extra=tokens)
    prose = ("We trained every model on the same mixture and evaluated each with the same "
             "harness. Numbers are averaged over three runs; the table below lists the "
             "final checkpoints.")
    after = ("The smaller models close much of the gap on knowledge tasks, while coding "
             "and math keep rewarding scale.")
    background = rng.choice(["#ffffff", "#f8f1e3", "#fbfbfb"])
    css = (f"#shot{{width:{rng.randint(700, 860)}px;padding:40px 60px;background:{background};"
           f"font-family:'{font}';color:#222;font-size:{rng.choice([17, 18, 19])}px;"
           "line-height:1.55}h1{font-size:30px;line-height:1.2;margin:0 0 8px}"
           ".by{color:#777;font-size:15px;margin-bottom:18px}table{border-collapse:collapse;"
           "width:100%;font-size:15px;margin:6px 0 18px}th,td{border-bottom:1px solid #ccc;"
           "padding:5px 6px;text-align:left}th{border-bottom:2px solid #555}"
           "figcaption{font-size:14px;color:#555;margin-top:14px}")
    title = rng.choice(["What we learned training small models", "Notes on a new release"])
    shot = page(f"<div id='shot'><h1>{title}</h1><div class='by'>blog.example.org</div>"
                f"<p>{prose}</p><figure style='margin:0'><figcaption>{E(table.title)}"
                f"</figcaption><table><tr>{head}</tr>{body}</table></figure><p>{after}</p>"
                "</div>", css, background)
    truth = truth_of(table, "safari_reader", tokens_header=tokens_header, tokens_texts=tokens)
    return browser.shoot(shot, 1.0), truth, {"jpeg": False, "scale": 1.0}


HYPHENATED = {"HellaSwag": ("Hella", "Swag"), "Winogrande": ("Wino", "grande"),
              "TruthfulQA": ("Truth", "fulQA"), "OpenBookQA": ("Open", "BookQA"),
              "TriviaQA": ("Trivia", "QA"), "LiveBench": ("Live", "Bench"),
              "HumanEval": ("Human", "Eval"), "AGIEval": ("AGI", "Eval")}


def pdf_hyphen_headers(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict, dict]:
    table = make_table(rng, rng.randint(5, 9), rng.randint(4, 6), settings=0.0)
    unused = [n for n in LONG_NAMES if n not in table.benchmarks]
    long_ones = rng.sample(unused, min(len(table.benchmarks) - 1, rng.randint(2, 4)))
    for i, name in enumerate(long_ones):
        if table.benchmarks[i] != "MMLU" and table.benchmarks[i] not in HYPHENATED:
            table.benchmarks[i] = name
    table.title = (f"Table {rng.randint(2, 7)}: " + rng.choice([
        "Zero-shot and few-shot accuracy of the base models.",
        "Main results on language understanding benchmarks."]))

    def header(name: str) -> str:
        if name in HYPHENATED:
            first, second = HYPHENATED[name]
            return f"{first}-<br>{second}"
        return E(name)

    head = "".join(f"<th>{header(h)}</th>" for h in [table.model_header, *table.benchmarks])
    body = rows_html(table)
    font = rng.choice(SERIF)
    cut = ("fine-tuning on the mixture described in Section 3. We report the accuracy of "
           "each checkpoint under the protocol of the original benchmark, with the prompts "
           "listed in the appendix.")
    css = (f"#shot{{width:{rng.randint(520, 640)}px;padding:0 24px 18px;background:#fff;"
           f"font-family:'{font}';font-size:13px;color:#111}}.cut{{height:24px;overflow:"
           "hidden;line-height:16px;margin-top:-8px;text-align:justify}table{"
           "border-collapse:collapse;margin:10px auto 6px}th{font-weight:normal;"
           "padding:2px 7px;border-top:1.5px solid #000;border-bottom:0.8px solid #000;"
           "line-height:1.15;vertical-align:bottom}td{padding:2px 7px;text-align:center}"
           "td:first-child,th:first-child{text-align:left}"
           "tr:last-child td{border-bottom:1.5px solid #000}.cap{text-align:center}")
    shot = page(f"<div id='shot'><div class='cut'>{cut}</div><table><tr>{head}</tr>{body}"
                f"</table><div class='cap'>{E(table.title)}</div></div>", css)
    truth = truth_of(table, "pdf_hyphen_headers")
    return browser.shoot(shot, 2.0), truth, {"jpeg": False, "scale": rng.choice([0.5, 0.65])}


CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def circled_ranks(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict, dict]:
    table = make_table(rng, rng.randint(5, 10), rng.randint(3, 5), settings=0.2)
    order = sorted(range(len(table.models)), key=lambda r: -float(table.scores[r][0]))
    table.models = [table.models[r] for r in order]
    table.scores = [table.scores[r] for r in order]
    glyph = rng.random() < 0.5
    accent = rng.choice(["#2563eb", "#059669", "#d97706", "#7c3aed"])

    def rank(r: int) -> str:
        if glyph:
            return f"<span class='rk'>{CIRCLED[r]}</span> "
        return f"<span class='disc'>{r + 1}</span>"

    head = "".join(f"<th>{E(h)}</th>" for h in [table.model_header, *table.benchmarks])
    body = rows_html(table, lambda r, name: f"<td>{rank(r)}{name}</td>", score_class="n")
    font = rng.choice(["DejaVu Sans", "Open Sans", "Roboto"])
    css = (f"#shot{{padding:22px;background:#fff;font-family:'{font}';font-size:"
           f"{rng.choice([13, 14, 15])}px}}table{{border-collapse:collapse}}"
           f"th{{text-align:left;padding:8px 14px;border-bottom:2px solid {accent}}}"
           "td{padding:7px 14px;border-bottom:1px solid #eee}.n{text-align:right}"
           f".rk{{color:{accent};font-size:1.25em}}.disc{{display:inline-block;width:20px;"
           f"height:20px;border-radius:50%;background:{accent};color:#fff;text-align:center;"
           "line-height:20px;font-size:12px;margin-right:8px}h2{margin:0 0 10px}")
    table.title = rng.choice([None, "Leaderboard", "Open model ranking"])
    title = f"<h2>{table.title}</h2>" if table.title else ""
    shot = page(f"<div id='shot'>{title}<table><tr>{head}</tr>{body}</table></div>", css)
    truth = truth_of(table, "circled_ranks")
    return browser.shoot(shot, 1.0), truth, {"jpeg": rng.random() < 0.3, "scale": 1.0}


def cite_superscripts(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict, dict]:
    table = make_table(rng, rng.randint(4, 8), rng.randint(3, 5), settings=0.25)
    table.title = f"Table {rng.randint(1, 5)}: Comparison with prior work."
    bracketed = rng.random() < 0.5
    cites = rng.sample(range(3, 60), len(table.benchmarks))
    marks = {r: rng.choice(["†", "*", "‡"]) for r in range(len(table.models))
             if rng.random() < 0.35}

    def cite(n: int) -> str:
        return f"<sup>[{n}]</sup>" if bracketed else f"<sup>{n}</sup>"

    head = "".join(f"<th>{E(b)}{cite(n)}</th>" for b, n in zip(table.benchmarks, cites,
                                                              strict=True))
    body = rows_html(table, lambda r, name: f"<td class='m'>{name}"
                     f"{'<sup>' + marks[r] + '</sup>' if r in marks else ''}</td>")
    font = rng.choice(SERIF)
    css = (f"#shot{{padding:16px 20px;background:#fff;font-family:'{font}';"
           f"font-size:{rng.choice([14, 15, 16])}px}}table{{border-collapse:collapse}}"
           "th,td{padding:3px 10px;text-align:center}.m{text-align:left}"
           "tr:first-child th{border-top:2px solid #000;border-bottom:1px solid #000}"
           "tr:last-child td{border-bottom:2px solid #000}sup{font-size:0.65em}"
           ".cap{margin-bottom:6px}.note{font-size:0.8em;margin-top:6px}")
    note = "<div class='note'>† our reproduction; * reported by the authors.</div>" if marks else ""
    shot = page(f"<div id='shot'><div class='cap'>{E(table.title)}</div><table><tr>"
                f"<th class='m'>{E(table.model_header)}</th>{head}</tr>{body}</table>{note}"
                "</div>", css)
    return (browser.shoot(shot, rng.choice([1.0, 1.5])), truth_of(table, "cite_superscripts"),
            {"jpeg": False, "scale": 1.0})


def mono_right_scores(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict, dict]:
    table = make_table(rng, rng.randint(5, 9), rng.randint(3, 5), settings=0.3, decimals=2)
    tokens = [f"{m.tokens_t:.1f}T" for m in table.models]
    tokens_header = rng.choice(["Tokens", "Train tokens"])
    name_font, mono = rng.choice(SANS[:3]), rng.choice(MONO)
    head = (f"<th class='l'>{E(table.model_header)}</th><th>{tokens_header}</th>"
            + "".join(f"<th>{E(b)}</th>" for b in table.benchmarks))
    body = rows_html(table, lambda _, name: f"<td class='l'>{name}</td>", tokens)
    css = (f"#shot{{padding:20px 26px;background:#f6f8fa;font-size:{rng.choice([13, 14])}px}}"
           f"table{{border-collapse:collapse;font-family:'{mono}'}}th,td{{padding:4px 16px;"
           "text-align:right;border-bottom:1px solid #e1e4e8}th{color:#57606a;"
           f"font-family:'{name_font}';font-weight:600}}.l{{text-align:left;"
           f"font-family:'{name_font}'}}")
    shot = page(f"<div id='shot'><table><tr>{head}</tr>{body}</table></div>", css)
    truth = truth_of(table, "mono_right_scores", tokens_header=tokens_header,
                     tokens_texts=tokens)
    return browser.shoot(shot, 1.0), truth, {"jpeg": False, "scale": rng.choice([1.0, 1.2])}


def frozen_scrollbar(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict, dict]:
    table = make_table(rng, rng.randint(5, 8), rng.randint(9, 12), settings=0.15)
    first = rng.randint(2, 4)  # the first benchmark left in view
    shown = rng.randint(3, 5)
    keep = list(range(first, min(first + shown, len(table.benchmarks))))
    head = "".join(f"<th>{E(h)}</th>" for h in [table.model_header, *table.benchmarks])
    body = rows_html(table)
    font = rng.choice(SANS)
    # After layout: the box is as wide as the frozen column and the kept columns, scrolled
    # so that the first kept column starts at the frozen column's right edge.
    # (a function of its own: the browser reuses one page, whose globals outlive a shot)
    script = (f"<script>(()=>{{const c=[...document.querySelectorAll('tr:first-child th')];"
              f"const w=c[0].offsetWidth+c.slice({first + 1},{keep[-1] + 2})"
              ".reduce((s,e)=>s+e.offsetWidth,0);const box=document.querySelector('.box');"
              f"box.style.width=w+'px';box.scrollLeft=c[{first + 1}].offsetLeft-c[0].offsetWidth;"
              "const t=document.querySelector('.thumb');const f=box.scrollLeft/box.scrollWidth;"
              "t.style.left=(f*w)+'px';t.style.width=(w*w/box.scrollWidth)+'px';})()</script>")
    css = (f"#shot{{padding:14px;background:#fff;font-family:'{font}';font-size:13px}}"
           ".box{overflow:hidden;border:1px solid #d0d7de}table{border-collapse:separate;"
           "border-spacing:0}th,td{padding:7px 14px;white-space:nowrap;text-align:right;"
           "border-bottom:1px solid #eaeef2;background:#fff}th{background:#f6f8fa}"
           "th:first-child,td:first-child{position:sticky;left:0;z-index:2;text-align:left;"
           "box-shadow:3px 0 4px -2px rgba(0,0,0,.25);border-right:1px solid #d0d7de}"
           ".track{position:relative;height:10px;background:#f1f1f1;margin-top:2px}"
           ".thumb{position:absolute;top:1px;height:8px;background:#b5b5b5;border-radius:4px}")
    shot = page(f"<div id='shot'><div class='box'><table><tr>{head}</tr>{body}</table></div>"
                f"<div class='track'><div class='thumb'></div></div></div>{script}", css)
    truth = truth_of(table, "frozen_scrollbar", keep=keep)
    return browser.shoot(shot, 1.0), truth, {"jpeg": False, "scale": 1.0}


def dashboard_card(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict, dict]:
    table = make_table(rng, rng.randint(4, 7), rng.randint(3, 4), settings=0.2)
    params = [size_text(m.params_b) for m in table.models]
    params_header = rng.choice(["Size", "Params"])
    table.title = rng.choice(["Leaderboard snapshot", "Latest evaluations", "Model scores"])
    tint = rng.choice(["#e8f0fe", "#fdf2e9", "#eaf7ee", "#efeafc"])
    font = rng.choice(SANS[:3])
    head = "".join(f"<th>{E(h)}</th>" for h in
                   [table.model_header, params_header, *table.benchmarks])
    body = rows_html(table, lambda _, name: f"<td class='m'>{name}</td>", params)
    nav = "".join(f"<div>{n}</div>" for n in ["Overview", "Runs", "Models", "Datasets",
                                             "Settings"])
    tiles = "".join(f"<div class='tile'><div class='k'>{k}</div><div class='v'>{v}</div></div>"
                    for k, v in [("Models tracked", str(len(table.models))),
                                 ("Eval suites", str(len(table.benchmarks))),
                                 ("Status", "Healthy")])
    css = (f"#shot{{display:flex;width:{rng.randint(1000, 1300)}px;font-family:'{font}';"
           "font-size:14px;background:#eef0f3}.nav{width:170px;background:#1f2937;"
           "color:#cbd5e1;padding:20px 16px;line-height:2.4}.main{flex:1;padding:22px}"
           ".tiles{display:flex;gap:16px;margin-bottom:18px}.tile{background:#fff;"
           "border-radius:8px;padding:12px 18px;flex:1}.k{color:#6b7280;font-size:12px}"
           ".v{font-size:22px;font-weight:600}.card{background:#f9fafb;border-radius:10px;"
           "box-shadow:0 6px 18px rgba(0,0,0,.18);padding:16px 18px}.card h3{margin:0 0 10px}"
           f"table{{border-collapse:collapse;width:100%}}th{{background:{tint};text-align:left;"
           "padding:8px 10px}td{padding:7px 10px;border-top:1px solid #e5e7eb}"
           ".m{font-style:italic}")
    shot = page(f"<div id='shot'><div class='nav'>{nav}</div><div class='main'>"
                f"<div class='tiles'>{tiles}</div><div class='card'><h3>{E(table.title)}</h3>"
                f"<table><tr>{head}</tr>{body}</table></div></div></div>", css)
    truth = truth_of(table, "dashboard_card", params_header=params_header, params_texts=params)
    return browser.shoot(shot, 1.0), truth, {"jpeg": rng.random() < 0.4,
                                             "scale": rng.choice([0.8, 1.0])}


def cn_forum_fullwidth(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict, dict]:
    table = make_table(rng, rng.randint(4, 7), rng.randint(3, 4), settings=0.0)
    # a Chinese page prints the setting in fullwidth parentheses, with no space before
    printed = [setting_for(rng, b).replace("(", "（").replace(")", "）")
               if rng.random() < 0.5 else "" for b in table.benchmarks]
    printed = [b + setting for b, setting in zip(table.benchmarks, printed, strict=True)]
    params = [size_text(m.params_b) for m in table.models]
    model_header, params_header = "模型", rng.choice(["参数量", "参数"])
    head = "".join(f"<th>{E(h)}</th>" for h in [model_header, params_header, *printed])
    body = rows_html(table, extra=params)
    user = rng.choice(["炼丹小能手", "模型观察员", "夜航船"])
    text = ("最近把几个开源模型都跑了一遍，结果如下（同一套评测脚本，温度为０）。"
            "欢迎大家补充数据，有问题请指出！")
    after = "结论：小模型进步很快，但数学和代码上差距依然明显。"
    css = (f"#shot{{min-width:{rng.randint(560, 760)}px;background:#fff;padding:16px 20px;"
           "font-family:'WenQuanYi Zen Hei';font-size:14px;color:#333}.u{display:flex;"
           "align-items:center;gap:10px;margin-bottom:10px;color:#778087}.av{width:36px;"
           "height:36px;border-radius:4px;background:#9db3c8}table{border-collapse:collapse;"
           "margin:10px 0}th,td{border:1px solid #ddd;padding:6px 12px;white-space:nowrap}"
           "th{background:#f5f5f5}"
           ".bar{color:#999;font-size:12px;border-top:1px solid #eee;padding-top:8px}")
    shot = page(f"<div id='shot'><div class='u'><div class='av'></div><b>{user}</b>"
                f"<span>{rng.randint(2, 23)} 小时前</span></div><p>{text}</p><table><tr>{head}"
                f"</tr>{body}</table><p>{after}</p><div class='bar'>回复 {rng.randint(3, 90)}"
                f" · 收藏 · 感谢</div></div>", css)
    truth = truth_of(table, "cn_forum_fullwidth", params_header=params_header,
                     params_texts=params, benchmarks=printed, model_header=model_header)
    return browser.shoot(shot, 1.0), truth, {"jpeg": rng.random() < 0.5, "scale": 1.0}


def vi_accented(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict, dict]:
    table = make_table(rng, rng.randint(4, 7), rng.randint(3, 4), settings=0.0)
    model_header = rng.choice(["Mô hình", "Tên mô hình"])
    average = rng.random() < 0.5
    benchmarks = list(table.benchmarks)
    if average:
        benchmarks.append("Điểm trung bình")
        for line in table.scores:
            line.append(f"{sum(float(s) for s in line) / len(line):.1f}")
        table.benchmarks = benchmarks
    head = "".join(f"<th>{E(h)}</th>" for h in [model_header, *benchmarks])
    body = rows_html(table)
    table.title = rng.choice(["Bảng 1: Kết quả đánh giá trên các bộ dữ liệu chuẩn",
                              "Bảng so sánh điểm số các mô hình"])
    font = rng.choice(["Roboto", "Open Sans", "Liberation Sans"])
    text = ("Chúng tôi đã đánh giá các mô hình mã nguồn mở mới nhất trên cùng một bộ công "
            "cụ. Kết quả được tổng hợp trong bảng dưới đây.")
    css = (f"#shot{{width:{rng.randint(640, 900)}px;background:#fff;padding:24px 30px;"
           f"font-family:'{font}';font-size:15px;color:#222;line-height:1.5}}"
           "h2{font-size:24px;margin:0 0 10px}table{border-collapse:collapse;margin:8px 0}"
           "th{background:#1e6bb8;color:#fff;padding:8px 12px}td{padding:7px 12px;"
           "border-bottom:1px solid #ddd;text-align:center}td:first-child{text-align:left}"
           ".cap{font-weight:bold;margin-top:12px}")
    shot = page(f"<div id='shot'><h2>Đánh giá nhanh các mô hình ngôn ngữ lớn</h2><p>{text}</p>"
                f"<div class='cap'>{E(table.title)}</div><table><tr>{head}</tr>{body}</table>"
                "<p>Lưu ý: điểm cao hơn là tốt hơn.</p></div>", css)
    truth = truth_of(table, "vi_accented", model_header=model_header)
    return browser.shoot(shot, 1.0), truth, {"jpeg": True, "scale": rng.choice([0.9, 1.0])}


def hidpi_dashes(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict, dict]:
    dash = rng.choice(["—", "–"])
    table = make_table(rng, rng.randint(5, 8), rng.randint(4, 6), settings=0.2, missing=0.15,
                       missing_text=dash)
    split = rng.randint(2, len(table.benchmarks) - 2)
    groups = rng.choice([("Knowledge", "Reasoning"), ("General", "Code & Math"),
                         ("English", "Multilingual")])
    font = rng.choice(SANS)
    top = (f"<tr><th rowspan='2' class='l'>{E(table.model_header)}</th>"
           f"<th colspan='{split}' class='g'>{groups[0]}</th>"
           f"<th colspan='{len(table.benchmarks) - split}' class='g'>{groups[1]}</th></tr>")
    head = "<tr>" + "".join(f"<th>{E(b)}</th>" for b in table.benchmarks) + "</tr>"
    body = rows_html(table, lambda _, name: f"<td class='l'>{name}</td>")
    css = (f"#shot{{padding:18px;background:#fff;font-family:'{font}';font-size:14px}}"
           "table{border-collapse:collapse}th,td{padding:5px 12px;text-align:center;"
           "border:1px solid #ccc}th{background:#fafafa}.g{background:#eef2f7}.l{"
           "text-align:left}")
    shot = page(f"<div id='shot'><table>{top}{head}{body}</table></div>", css)
    image = browser.shoot(shot, 1.5)
    return image, truth_of(table, "hidpi_dashes"), {"jpeg": rng.random() < 0.5,
                                                    "scale": rng.choice([0.5, 0.55, 0.6])}


# a look's style is its function's name
LOOKS: list[tuple[str, Look]] = [(look.__name__, look) for look in [
    airtable_icons, ppt_theme_footer, safari_reader, pdf_hyphen_headers, circled_ranks,
    cite_superscripts, mono_right_scores, frozen_scrollbar, dashboard_card,
    cn_forum_fullwidth, vi_accented, hidpi_dashes]]


def generate(out: Path, count: int, seed: int) -> dict:
    return generate_set(out, count, seed, "tables", LOOKS)


if __name__ == "__main__":
    command_line(__doc__, generate, 48, 106000)
