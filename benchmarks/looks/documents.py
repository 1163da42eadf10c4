"""Tables in documents, drawn the way other people's tools draw them: a Gradio leaderboard
(type icons, org/model links, precision and licence columns, a wide table cut at the right
edge under a sticky header), GitHub and GitLab READMEs (light and dark, badges, bold best
values), Notion and Confluence pages, Chinese lab READMEs, Jupyter pandas ``Styler`` output
(gradients behind numbers, highlighted maxima, an index column, two-level headers), slides
(brand header fill, large type, rounded cells) and paper tables drawn with PIL (serif type,
booktabs rules, ± standard deviations, bold/underlined best, footnote marks, group titles
over the benchmarks).

Written from how those tools look, not from how imgread reads: the tuning material for the
document kinds of issue 10. Truth names a benchmark column by its own header (the group
title above it is not part of the name) and a model by its visible name without footnote
marks; only columns wholly inside the picture and only scores are truth."""

from __future__ import annotations

import html
import io
import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from browser import Browser
from PIL import Image, ImageDraw, ImageFont

SANS_FAMILIES = ["DejaVu Sans", "Liberation Sans", "Open Sans", "Roboto", "FreeSans",
                 "Liberation Sans Narrow", "Roboto Condensed"]
SERIF_FAMILIES = ["DejaVu Serif", "Liberation Serif", "FreeSerif"]
MONO_FAMILIES = ["DejaVu Sans Mono", "Liberation Mono", "FreeMono"]
CJK_FAMILY = "WenQuanYi Zen Hei"
FONT_DIR = Path("/usr/share/fonts/truetype")
SERIF_FILES = {
    "dejavu": ("dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf"),
    "liberation": ("liberation/LiberationSerif-Regular.ttf",
                   "liberation/LiberationSerif-Bold.ttf"),
    "free": ("freefont/FreeSerif.ttf", "freefont/FreeSerifBold.ttf"),
}
SCALES = [1.0, 1.25, 1.5, 2.0]

ORGS = ["meta-llama", "mistralai", "Qwen", "01-ai", "google", "microsoft", "tiiuae", "upstage",
        "NousResearch", "teknium", "openchat", "HuggingFaceH4", "allenai", "deepseek-ai",
        "internlm", "baichuan-inc", "THUDM", "stabilityai", "EleutherAI", "mosaicml", "lmsys",
        "Intel", "abacusai", "cognitivecomputations", "CohereForAI", "nvidia"]
FAMILIES = ["Llama-2", "Llama-3.1", "Mistral", "Mixtral", "Qwen1.5", "Qwen2.5", "Yi", "gemma",
            "phi", "falcon", "SOLAR", "Hermes", "OpenHermes", "openchat", "zephyr", "OLMo",
            "deepseek-llm", "internlm2", "Baichuan2", "chatglm3", "stablelm-2", "pythia",
            "mpt", "vicuna", "WizardLM", "neural-chat", "Smaug", "dolphin", "aya", "Nemotron"]
SIZES = ["1.8B", "2B", "7B", "8B", "9B", "13B", "14B", "20B", "34B", "70B", "72B", "8x7B",
         "0.5B", "3B", "6B", "10.7B", "32B", "110B", "7b", "13b", "70b", "40b"]
SUFFIXES = ["", "", "-Instruct", "-Chat", "-chat", "-hf", "-it", "-v0.2", "-Base", "-DPO",
            "-v1.5", "-instruct-v0.1", "-SFT", "-200K", "-GPTQ", "-AWQ"]
CN_MODELS = ["通义千问", "百川", "书生·浦语", "悟道", "盘古", "星火", "文心", "混元", "天工",
             "紫东太初", "智谱"]
BENCHMARKS = ["ARC", "HellaSwag", "MMLU", "TruthfulQA", "Winogrande", "GSM8K", "IFEval", "BBH",
              "MATH", "GPQA", "MuSR", "MMLU-Pro", "HumanEval", "MBPP", "DROP", "TriviaQA",
              "NQ", "BoolQ", "PIQA", "SIQA", "OBQA", "AGIEval", "C-Eval", "CMMLU", "GAOKAO",
              "AlpacaEval", "MT-Bench", "RACE", "LAMBADA", "CSQA", "ARC-c", "ARC-e", "MGSM",
              "LongBench", "XSum", "SQuAD"]
GROUPS = {
    "Reasoning": ["GSM8K", "MATH", "BBH", "MuSR", "ARC-c", "MGSM"],
    "Knowledge": ["MMLU", "TriviaQA", "NQ", "MMLU-Pro", "GPQA"],
    "Code": ["HumanEval", "MBPP"],
    "Commonsense": ["HellaSwag", "PIQA", "SIQA", "Winogrande", "CSQA", "OBQA"],
    "Reading": ["RACE", "DROP", "SQuAD", "BoolQ"],
}
CN_GROUPS = {"推理": ["GSM8K", "MATH", "BBH"], "知识": ["MMLU", "C-Eval", "CMMLU"],
             "代码": ["HumanEval", "MBPP"], "语言": ["CLUEWSC", "CHID", "AFQMC"]}
CN_BENCHMARKS = ["C-Eval", "CMMLU", "MMLU", "AGIEval", "GAOKAO", "GSM8K", "HumanEval", "MATH",
                 "BBH", "CLUEWSC", "CHID", "MBPP", "高考", "中文理解"]


@dataclass
class Grid:
    """One table: the column names and per row the model and its scores, both as the truth
    says them and as the picture prints them."""

    models: list[str]
    benchmarks: list[str]
    scores: list[list[float]]
    decimals: int
    groups: list[tuple[str, int]] = field(default_factory=list)  # (title, span) over benchmarks

    def cell(self, row: int, col: int) -> str:
        return f"{self.scores[row][col]:.{self.decimals}f}"

    def best(self, col: int) -> int:
        column = [row[col] for row in self.scores]
        return column.index(max(column))

    def second(self, col: int) -> int:
        column = sorted(((row[col], i) for i, row in enumerate(self.scores)), reverse=True)
        return column[1][1] if len(column) > 1 else -1


@dataclass
class Shot:
    """A picture and its truth: the columns wholly in the picture (scores, and a parameters
    column where the table has one) and per row the model and those cells' printed text."""

    image: Image.Image
    columns: list[str]
    models: list[str]
    cells: list[list[str]]
    style: str


def grid_shot(image: Image.Image, grid: Grid, columns: list[str], style: str) -> Shot:
    cells = [[grid.cell(r, c) for c in range(len(grid.benchmarks))]
             for r in range(len(grid.models))]
    return Shot(image, columns, grid.models, cells, style)


def model_name(rng: random.Random, with_org: bool, cjk: bool = True) -> str:
    if cjk and rng.random() < 0.08:
        name = f"{rng.choice(CN_MODELS)}-{rng.choice(SIZES[:12])}"
    else:
        name = f"{rng.choice(FAMILIES)}-{rng.choice(SIZES)}{rng.choice(SUFFIXES)}"
    return f"{rng.choice(ORGS)}/{name}" if with_org else name


def make_grid(rng: random.Random, rows: int, columns: int, *, with_org: bool = False,
              decimals: int | None = None, grouped: bool = False,
              pool: list[str] | None = None, groups: dict[str, list[str]] | None = None,
              scale: tuple[float, float] = (20.0, 92.0), cjk: bool = True) -> Grid:
    models: list[str] = []
    while len(models) < rows:
        name = model_name(rng, with_org, cjk)
        if name not in models:
            models.append(name)
    group_titles: list[tuple[str, int]] = []
    if grouped:
        benchmarks: list[str] = []
        chosen = rng.sample(list((groups or GROUPS).items()), k=min(3, len(groups or GROUPS)))
        for title, members in chosen:
            take = rng.sample(members, k=min(len(members), rng.randint(2, 3)))
            take = [name for name in take if name not in benchmarks]
            if take:
                benchmarks.extend(take)
                group_titles.append((title, len(take)))
    else:
        benchmarks = rng.sample(pool or BENCHMARKS, k=columns)
        if "MMLU" not in benchmarks and rng.random() < 0.6:  # the column most tables share
            benchmarks[rng.randrange(columns)] = "MMLU"
    places = decimals if decimals is not None else rng.choice([1, 1, 2])
    scores = [[round(rng.uniform(*scale), places) for _ in benchmarks] for _ in models]
    return Grid(models, benchmarks, scores, places, group_titles)


def jpeg(rng: random.Random, image: Image.Image, chance: float) -> Image.Image:
    if rng.random() >= chance:
        return image
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=rng.randint(55, 90))
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def page(body: str, css: str, width: int) -> str:
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>"
            f"html,body{{margin:0;padding:0}} #shot{{width:{width}px;display:inline-block}}"
            f"{css}</style></head><body>{body}</body></html>")


def esc(text: str) -> str:
    return html.escape(text)


# ---------------------------------------------------------------- Gradio / HF leaderboard

TYPE_ICONS = [("●", "#22a36b", "pretrained"), ("◆", "#f08c1a", "fine-tuned"),
              ("■", "#3b82f6", "chat models (RLHF, DPO, IFT, ...)"),
              ("▲", "#a855f7", "merges and moerges"), ("○", "#64748b", "continuously pretrained")]
PRECISIONS = ["bfloat16", "float16", "4bit", "8bit", "GPTQ"]
LICENCES = ["apache-2.0", "llama2", "mit", "other", "cc-by-nc-4.0", "llama3.1", "gemma"]


def hf_gradio(rng: random.Random, browser: Browser) -> Shot:
    grid = make_grid(rng, rng.randint(7, 14), rng.randint(6, 9), with_org=True,
                     decimals=rng.choice([2, 2, 1]))
    font = rng.choice(SANS_FAMILIES)
    size = rng.choice([11, 12, 12.5, 13, 14])
    dark = rng.random() < 0.3
    bg, fg, line, head_bg, link = (("#0b0f19", "#e5e7eb", "#374151", "#1f2937", "#60a5fa")
                                   if dark else
                                   ("#ffffff", "#1f2937", "#e5e7eb", "#f9fafb", "#2563eb"))
    stripe = "#111827" if dark else rng.choice(["#ffffff", "#f9fafb", "#f3f4f6"])
    averages = [round(sum(row) / len(row), grid.decimals) for row in grid.scores]
    order = sorted(range(len(grid.models)), key=lambda i: -averages[i])
    with_average = rng.random() < 0.7
    # columns: (header, kind, per-row text)
    columns: list[tuple[str, str, list[str]]] = []
    columns.append(("T", "icon", [""] * len(order)))
    columns.append(("Model", "model", [grid.models[i] for i in order]))
    if with_average:
        columns.append(("Average ⬆️" if rng.random() < 0.4 else "Average ▲", "average",
                        [f"{averages[i]:.{grid.decimals}f}" for i in order]))
    for col, name in enumerate(grid.benchmarks):
        columns.append((name, "score", [grid.cell(i, col) for i in order]))
    tail = [("Type", "text", [rng.choice(TYPE_ICONS)[2] for _ in order]),
            ("Precision", "text", [rng.choice(PRECISIONS) for _ in order]),
            ("#Params (B)", "text", [f"{rng.choice([1.8, 7.24, 8.03, 13.0, 34.39, 70.55]):.2f}"
                                     for _ in order]),
            ("Hub License", "text", [rng.choice(LICENCES) for _ in order])]
    if rng.random() < 0.5:  # the leaderboard lets people move the type columns to the front
        columns[2:2] = tail[:2]
        columns.extend(tail[2:])
    else:
        columns.extend(tail)
    head_cells = []
    for header, kind, _ in columns:
        sort = " <span class='sort'>⇅</span>" if kind != "icon" and rng.random() < 0.6 else ""
        head_cells.append(f"<th class='{kind}'>{esc(header)}{sort}</th>")
    body_rows = []
    for rank in range(len(order)):
        cells = []
        for _, kind, texts in columns:
            text = texts[rank]
            if kind == "icon":
                glyph, colour, _ = rng.choice(TYPE_ICONS)
                cells.append(f"<td class='icon' style='color:{colour}'>{glyph}</td>")
            elif kind == "model":
                extra = " <span class='copy'>⧉</span>" if rng.random() < 0.3 else ""
                cells.append(f"<td class='model'><a>{esc(text)}</a>{extra}</td>")
            else:
                cells.append(f"<td class='{kind}'>{esc(text)}</td>")
        body_rows.append(f"<tr>{''.join(cells)}</tr>")
    view_width = rng.randint(900, 1300)
    row_height = round(size * 2.3)
    shown_rows = len(order) if rng.random() < 0.5 else rng.randint(6, len(order))
    view_height = row_height * (shown_rows + 1) + (round(row_height * 0.2)
                                                    if shown_rows < len(order) else 4)
    css = f"""
    body{{background:{bg};color:{fg};font-family:'{font}';font-size:{size}px}}
    #shot{{padding:14px 18px}}
    h1{{font-size:{size * 2}px;margin:4px 0 6px;text-align:center}}
    .tabs span{{display:inline-block;padding:6px 14px;border:1px solid {line};
      border-bottom:none;border-radius:6px 6px 0 0;margin-right:4px;font-size:{size + 1}px}}
    .tabs span.on{{background:{head_bg};font-weight:600}}
    .controls{{display:flex;gap:14px;margin:10px 0;align-items:flex-start}}
    .search{{flex:1;border:1px solid {line};border-radius:8px;padding:8px;opacity:.75}}
    .checks{{flex:1;border:1px solid {line};border-radius:8px;padding:6px;font-size:{size - 1}px}}
    .checks label{{display:inline-block;margin:2px 8px 2px 0;padding:2px 6px;
      border:1px solid {line};border-radius:4px}}
    .wrap{{width:{view_width}px;height:{view_height}px;overflow:hidden;border:1px solid {line};
      border-radius:8px;position:relative}}
    table{{border-collapse:separate;border-spacing:0;white-space:nowrap}}
    th{{position:sticky;top:0;background:{head_bg};text-align:left;font-weight:600;
      padding:0 12px;height:{row_height - 1}px;border-bottom:1px solid {line}}}
    td{{padding:0 12px;height:{row_height - 1}px;border-bottom:1px solid {line}}}
    tr:nth-child(even) td{{background:{stripe}}}
    td.score,td.average{{text-align:{rng.choice(['left', 'right'])}}}
    td.model a{{color:{link};text-decoration:underline dotted}}
    .sort,.copy{{opacity:.5;font-size:{size - 2}px}}
    td.icon{{text-align:center;width:18px}}
    """
    scroll = ("<div class='scrollbar' style='height:8px;margin-top:3px;border-radius:4px;"
              f"background:{line};width:{rng.randint(30, 70)}%'></div>"
              if rng.random() < 0.5 else "")
    checks = "".join(f"<label>☑ {esc(name)}</label>" for name in
                     rng.sample([*grid.benchmarks, "Type", "Precision", "Hub License",
                                 "#Params (B)", "Available on the hub", "Model sha"], k=6))
    title = rng.choice(["🤗 Open LLM Leaderboard", "Open LLM Leaderboard",
                        "LLM Performance Leaderboard", "Chatbot Benchmark Board"])
    controls = (f"<div class='controls'><div class='search'>🔍 Search for your model (separate "
                f"multiple queries with `;`) and press ENTER...</div>"
                f"<div class='checks'>Select columns to show<br>{checks}</div></div>"
                if rng.random() < 0.7 else "")
    body = (f"<div id='shot'><h1>{esc(title)}</h1><div class='tabs'><span class='on'>🏅 LLM "
            f"Benchmark</span><span>📝 About</span><span>🚀 Submit here!</span></div>{controls}"
            f"<div class='wrap'><table><thead><tr>{''.join(head_cells)}</tr></thead>"
            f"<tbody>{''.join(body_rows)}</tbody></table></div>{scroll}</div>")
    if rng.random() < 0.4:  # scrolled down by whole rows: the sticky header hides the first
        skip = rng.randint(1, 3)
        body += ("<script>const w = document.querySelector('.wrap');"
                 f"w.scrollTop = document.querySelectorAll('tbody tr')[{skip}].offsetTop"
                 " - document.querySelector('thead').offsetHeight;</script>")
    html_page = page(body, css, view_width + 40)
    scale = rng.choice(SCALES)
    image = browser.shoot(html_page, scale)
    # the columns and rows wholly inside the scrolling box, measured in the page
    visible_cols, visible_rows = browser.evaluate(VISIBLE, scale)
    keep = [c for c in visible_cols if columns[c][1] in ("average", "score")
            or columns[c][0].startswith("#Params")]
    names = [TRUTH_NAMES.get(columns[c][1], columns[c][0]) for c in keep]
    models = [columns[1][2][r] for r in visible_rows]
    cells = [[columns[c][2][r] for c in keep] for r in visible_rows]
    return Shot(jpeg(rng, image, 0.3), names, models, cells, "hf_gradio")


TRUTH_NAMES = {"average": "Average"}  # the header's sort arrow is chrome, not the name
VISIBLE = """() => { const box = document.querySelector('.wrap').getBoundingClientRect();
  const head = document.querySelector('thead').getBoundingClientRect();
  const cols = [...document.querySelectorAll('th')]
    .map((th, i) => [i, th.getBoundingClientRect()])
    .filter(([i, r]) => r.right <= box.right - 1).map(([i]) => i);
  const rows = [...document.querySelectorAll('tbody tr')]
    .map((tr, i) => [i, tr.getBoundingClientRect()])
    .filter(([i, r]) => r.top >= head.bottom - 1 && r.bottom <= box.bottom + 1).map(([i]) => i);
  return [cols, rows]; }"""


# ---------------------------------------------------------------- GitHub / GitLab README

def badge(rng: random.Random, left: str, right: str) -> str:
    colour = rng.choice(["#4c1", "#007ec6", "#e05d44", "#fe7d37", "#9f9f9f", "#dfb317",
                         "#b31b1b"])
    return (f"<span class='badge'><span class='l'>{esc(left)}</span>"
            f"<span class='r' style='background:{colour}'>{esc(right)}</span></span>")


def readme_markdown(rng: random.Random, grid: Grid, headers: list[str], bold_best: bool,
                    first_header: str, sizes: list[str] | None = None) -> str:
    cells = [first_header, *(["参数量"] if sizes else []), *headers]
    lines = ["| " + " | ".join(cells) + " |",
             "|" + "|".join([":---" if i == 0 else rng.choice(["---", ":---:", "---:"])
                             for i in range(len(cells))]) + "|"]
    best = {col: grid.best(col) for col in range(len(grid.benchmarks))}
    for row, model in enumerate(grid.models):
        name = f"[{model}](#)" if rng.random() < 0.35 else model
        if row == len(grid.models) - 1 and bold_best and rng.random() < 0.5:
            name = f"**{name}**"  # the authors' own model, in bold, last
        values = []
        for col in range(len(grid.benchmarks)):
            text = grid.cell(row, col)
            values.append(f"**{text}**" if bold_best and best[col] == row else text)
        extra = [sizes[row]] if sizes else []
        lines.append("| " + " | ".join([name, *extra, *values]) + " |")
    return "\n".join(lines)


def github_css(dark: bool, gitlab: bool, font: str, size: float) -> str:
    if gitlab:
        colours = (("#28272d", "#ececef", "#434248", "#333238", "#7b9bff") if dark else
                   ("#ffffff", "#333238", "#dcdcde", "#fbfafd", "#1068bf"))
    else:
        colours = (("#0d1117", "#e6edf3", "#30363d", "#161b22", "#4493f8") if dark else
                   ("#ffffff", "#1f2328", "#d0d7de", "#f6f8fa", "#0969da"))
    bg, fg, line, stripe, link = colours
    return f"""
    body{{background:{bg};color:{fg};font-family:'{font}';font-size:{size}px;line-height:1.5}}
    #shot{{padding:20px 28px}}
    h1,h2{{border-bottom:1px solid {line};padding-bottom:.3em;font-weight:600}}
    h1{{font-size:2em}} h2{{font-size:1.5em}}
    a{{color:{link};text-decoration:none}}
    code{{background:{stripe};padding:.2em .4em;border-radius:6px;font-size:85%}}
    table{{border-collapse:collapse;margin:12px 0;display:block;overflow:auto}}
    th,td{{border:1px solid {line};padding:6px 13px}}
    th{{font-weight:600;{'background:' + stripe if gitlab else ''}}}
    tr:nth-child(2n) td{{background:{stripe if not gitlab else bg}}}
    .badge{{display:inline-flex;font:11px 'DejaVu Sans';margin-right:4px;border-radius:3px;
      overflow:hidden;color:#fff}}
    .badge .l{{background:#555;padding:2px 6px}} .badge .r{{padding:2px 6px}}
    """


def github_readme(rng: random.Random, browser: Browser) -> Shot:
    dark = rng.random() < 0.4
    gitlab = rng.random() < 0.3
    grid = make_grid(rng, rng.randint(4, 9), rng.randint(3, 7))
    shots = rng.random() < 0.35
    headers = [f"{name} ({rng.choice([0, 3, 5, 8, 25])}-shot)" if shots and rng.random() < 0.6
               else name for name in grid.benchmarks]
    markdown = readme_markdown(rng, grid, headers, rng.random() < 0.7,
                               rng.choice(["Model", "Models", "Name", "Method", ""]))
    import markdown as md

    table_html = md.markdown(markdown, extensions=["tables"])
    badges = "".join(badge(rng, *pair) for pair in rng.sample(
        [("license", "Apache 2.0"),
         ("arXiv", f"24{rng.randint(1, 12):02d}.{rng.randint(1000, 19999)}"),
         ("🤗", "Models"), ("stars", f"{rng.randint(1, 40)}k"), ("python", "3.10+"),
         ("release", f"v{rng.randint(0, 3)}.{rng.randint(0, 9)}")], k=rng.randint(0, 4)))
    intro = rng.choice([
        "<h2>📊 Evaluation</h2><p>We evaluate on standard benchmarks with "
        "<code>lm-evaluation-harness</code>. Best results are in <b>bold</b>.</p>",
        "<h2>Results</h2><p>All numbers are accuracy (%) unless noted otherwise.</p>",
        "<h3>Benchmark</h3>", ""])
    outro = rng.choice(["", "<p><sup>*</sup> Results reported by the original authors.</p>",
                        "<h2>Citation</h2><pre><code>@article{ours2024,</code></pre>"])
    title = rng.choice(["", f"<h1>{esc(grid.models[-1].split('-')[0])}</h1>"])
    font = rng.choice(SANS_FAMILIES)
    size = rng.choice([13, 14, 14, 15, 16])
    width = rng.randint(620, 1100)
    body = f"<div id='shot'>{title}<p>{badges}</p>{intro}{table_html}{outro}</div>"
    scale = rng.choice(SCALES)
    image = browser.shoot(page(body, github_css(dark, gitlab, font, size), width), scale)
    style = ("gitlab" if gitlab else "github") + ("_dark" if dark else "_light")
    return grid_shot(jpeg(rng, image, 0.35), grid, headers, style)


def cn_readme(rng: random.Random, browser: Browser) -> Shot:
    grid = make_grid(rng, rng.randint(4, 10), rng.randint(3, 7), pool=CN_BENCHMARKS)
    with_size = rng.random() < 0.6
    grid.models = [name.split("/")[-1] for name in grid.models]
    average = rng.random() < 0.5
    headers = list(grid.benchmarks)
    if average:  # an "average" column the lab computed: truth like any other score column
        averages = [round(sum(row) / len(row), grid.decimals) for row in grid.scores]
        grid.benchmarks.insert(0, "平均")
        for row, value in zip(grid.scores, averages, strict=True):
            row.insert(0, value)
        headers.insert(0, "平均")
    sizes = [f"{params_in_name(name):g}B" if params_in_name(name) else "-"
             for name in grid.models]
    markdown = readme_markdown(rng, grid, headers, rng.random() < 0.6,
                               rng.choice(["模型", "Model", "模型名称", "模型 Model"]),
                               sizes if with_size else None)
    import markdown as md

    table_html = md.markdown(markdown, extensions=["tables"])
    intro = rng.choice([
        "<h2>📈 评测结果</h2><p>我们在以下中英文基准上评测了模型的综合能力，结果如下表所示"
        "（<b>加粗</b>为最优）。</p>",
        "<h2>模型效果</h2><p>基座模型在权威中英文评测集上的表现：</p>",
        "<h3>Benchmark 结果 / Results</h3>", ""])
    dark = rng.random() < 0.25
    font = rng.choice([CJK_FAMILY, f"{rng.choice(SANS_FAMILIES)}', '{CJK_FAMILY}"])
    size = rng.choice([13, 14, 15, 16])
    width = rng.randint(600, 1000)
    outro = rng.choice(["", "<p>注：以上结果均为 5-shot 评测。</p>"])
    body = f"<div id='shot'>{intro}{table_html}{outro}</div>"
    scale = rng.choice(SCALES)
    image = browser.shoot(page(body, github_css(dark, False, font, size), width), scale)
    shot = grid_shot(jpeg(rng, image, 0.35), grid, headers, "cn_readme")
    if with_size:
        shot.columns.insert(0, "参数量")
        for row, size_text in zip(shot.cells, sizes, strict=True):
            row.insert(0, size_text)
    return shot


# ---------------------------------------------------------------- Notion / Confluence

def notion_page(rng: random.Random, browser: Browser) -> Shot:
    confluence = rng.random() < 0.4
    grid = make_grid(rng, rng.randint(4, 9), rng.randint(3, 6))
    font = rng.choice(SANS_FAMILIES)
    size = rng.choice([13, 14, 14, 15, 16])
    dark = not confluence and rng.random() < 0.3
    numbered = confluence and rng.random() < 0.5
    notes = rng.random() < 0.4
    fg, bg, line, soft = (("#d4d4d4", "#191919", "#2f2f2f", "#9b9b9b") if dark else
                          ("#37352f", "#ffffff", "#e9e9e7", "#9b9a97"))
    head = []
    if numbered:
        head.append("<th class='n'>#</th>")
    first = rng.choice(["Name", "Model", "Model name", "LLM"])
    if confluence:
        head.append(f"<th>{first}</th>")
        head.extend(f"<th>{esc(name)}</th>" for name in grid.benchmarks)
        if notes:
            head.append("<th>Notes</th>")
    else:
        head.append(f"<th><span class='ico'>Aa</span>{first}</th>")
        head.extend(f"<th><span class='ico'>#</span>{esc(name)}</th>" for name in grid.benchmarks)
        if notes:
            head.append("<th><span class='ico'>≡</span>Notes</th>")
    rows = []
    for r, model in enumerate(grid.models):
        cells = []
        if numbered:
            cells.append(f"<td class='n'>{r + 1}</td>")
        page_icon = "<span class='pg'>📄</span>" if not confluence and rng.random() < 0.4 else ""
        cells.append(f"<td class='name'>{page_icon}{esc(model)}</td>")
        for col in range(len(grid.benchmarks)):
            text = grid.cell(r, col)
            if confluence and rng.random() < 0.08:
                text = f"<b>{text}</b>"
            cells.append(f"<td class='num'>{text}</td>")
        if notes:
            note = rng.choice(["baseline", "ours", "open weights", "API", "", "reproduced",
                               "reported in paper"])
            if confluence and note:
                tone = rng.choice(["#dfe1e6;color:#42526e", "#e3fcef;color:#006644",
                                   "#deebff;color:#0747a6"])
                note = f"<span class='loz' style='background:{tone}'>{note.upper()}</span>"
            cells.append(f"<td>{note}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    if confluence:
        css = f"""
        body{{background:#fff;color:#172b4d;font-family:'{font}';font-size:{size}px}}
        #shot{{padding:22px 30px}} h1{{font-size:{size * 1.8}px;font-weight:500}}
        .meta{{color:#6b778c;font-size:{size - 2}px}}
        table{{border-collapse:collapse;margin-top:12px}}
        th,td{{border:1px solid #c1c7d0;padding:7px 10px;text-align:left}}
        th{{background:#f4f5f7;font-weight:700}}
        td.n,th.n{{background:#f4f5f7;color:#6b778c;text-align:center}}
        .loz{{font-size:{size - 3}px;font-weight:700;padding:1px 4px;border-radius:3px}}
        """
        heading = rng.choice(["LLM evaluation Q3", "Model benchmark results", "Eval sync notes"])
        title = (f"<h1>{esc(heading)}</h1>"
                 "<div class='meta'>Created by Jane Doe, last updated yesterday at 4:12 PM · "
                 "3 min read</div><p>Summary of the internal evaluation run.</p>")
    else:
        css = f"""
        body{{background:{bg};color:{fg};font-family:'{font}';font-size:{size}px}}
        #shot{{padding:26px 40px}} h1{{font-size:{size * 2.3}px;font-weight:700;margin:0 0 8px}}
        .callout{{background:{'#252525' if dark else '#f1f1ef'};padding:12px 14px;
          border-radius:4px;margin:10px 0}}
        .views{{color:{soft};font-size:{size - 1}px;border-bottom:1px solid {line};
          padding-bottom:6px;margin-top:14px}}
        table{{border-collapse:collapse;margin-top:2px}}
        th{{color:{soft};font-weight:400;text-align:left;padding:6px 10px;
          border-bottom:1px solid {line};border-right:1px solid {line}}}
        td{{padding:7px 10px;border-bottom:1px solid {line};border-right:1px solid {line}}}
        th:last-child,td:last-child{{border-right:none}}
        td.num{{text-align:right}} td.name{{font-weight:500}}
        .ico{{font-size:{size - 3}px;margin-right:6px;opacity:.8}}
        .pg{{margin-right:5px;font-size:{size - 2}px}}
        .new{{color:{soft};padding:7px 10px;border-bottom:1px solid {line}}}
        .calc{{color:{soft};font-size:{size - 3}px;text-align:right;padding:4px 10px}}
        """
        title = ("<h1>📊 " + esc(rng.choice(["Model evals", "LLM comparison",
                                             "Benchmarks tracker"])) + "</h1>"
                 + ("<div class='callout'>💡 Scores are accuracy on the public test splits."
                    "</div>" if rng.random() < 0.6 else "")
                 + "<div class='views'>▦ Table &nbsp; ☰ List &nbsp;&nbsp; + </div>")
    footer = ("" if confluence else "<div class='new'>+ New</div>"
              + ("<div class='calc'>Calculate ⌄</div>" if rng.random() < 0.5 else ""))
    body = (f"<div id='shot'>{title}<table><thead><tr>{''.join(head)}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>{footer}</div>")
    scale = rng.choice(SCALES)
    image = browser.shoot(page(body, css, rng.randint(640, 1040)), scale)
    style = "confluence" if confluence else "notion"
    return grid_shot(jpeg(rng, image, 0.3), grid, grid.benchmarks, style)


# ---------------------------------------------------------------- Jupyter pandas Styler

def pandas_styler(rng: random.Random, browser: Browser) -> Shot:
    import pandas as pd

    grouped = rng.random() < 0.35
    grid = make_grid(rng, rng.randint(4, 10), rng.randint(3, 6), grouped=grouped,
                     decimals=rng.choice([1, 2, 3]),
                     scale=rng.choice([(20.0, 92.0), (0.2, 0.95)]))
    if grouped:
        titles = [title for title, span in grid.groups for _ in range(span)]
        columns = pd.MultiIndex.from_tuples(list(zip(titles, grid.benchmarks, strict=True)))
    else:
        columns = pd.Index(grid.benchmarks)
    model_index = rng.random() < 0.5
    if model_index:
        frame = pd.DataFrame(grid.scores, index=pd.Index(grid.models, name=rng.choice(
            ["model", "Model", None])), columns=columns)
    else:
        frame = pd.DataFrame(grid.scores, columns=columns)
        frame.insert(0, ("", "model") if grouped else "model", grid.models)
    numeric = [c for c in frame.columns if c not in (("", "model"), "model")]
    styler = frame.style.format(precision=grid.decimals, subset=numeric)
    effect = rng.choice(["gradient", "gradient", "max", "bar", "both"])
    if effect in ("gradient", "both"):
        styler = styler.background_gradient(cmap=rng.choice(
            ["viridis", "RdYlGn", "Blues", "YlOrRd", "coolwarm", "Greens", "magma"]),
            subset=numeric, axis=rng.choice([0, None]))
    if effect in ("max", "both"):
        styler = styler.highlight_max(subset=numeric, color=rng.choice(
            ["yellow", "lightgreen", "#ffd54f"]), props=None if rng.random() < 0.5 else
            "font-weight:bold;background-color:#c8e6c9;color:black")
    if effect == "bar":
        styler = styler.bar(subset=numeric, color=rng.choice(["#d65f5f", "#5fba7d", "#8ab6f9"]))
    if rng.random() < 0.3:
        styler = styler.set_caption(rng.choice(["Zero-shot accuracy", "Table: results"]))
    table_html = styler.to_html()
    font = rng.choice(SANS_FAMILIES)
    size = rng.choice([12, 13, 13, 14])
    css = f"""
    body{{background:#fff;font-family:'{font}';font-size:{size}px;color:#000}}
    #shot{{padding:10px;display:flex;gap:10px}}
    .prompt{{color:#d84315;font-family:'{rng.choice(MONO_FAMILIES)}';font-size:{size}px;
      min-width:70px;text-align:right;padding-top:4px}}
    table{{border-collapse:collapse;border:none}}
    th,td{{padding:5px 8px;text-align:right;border:none}}
    thead th{{border-bottom:1px solid #000;font-weight:bold;vertical-align:bottom}}
    tbody tr:nth-child(odd){{background:#f5f5f5}}
    tbody th{{font-weight:bold}}
    caption{{color:#555;padding:4px}}
    """
    prompt = f"<div class='prompt'>Out[{rng.randint(3, 88)}]:</div>" if rng.random() < 0.7 else ""
    body = f"<div id='shot'>{prompt}<div>{table_html}</div></div>"
    scale = rng.choice(SCALES)
    image = browser.shoot(page(body, css, rng.randint(500, 900)), scale)
    return grid_shot(jpeg(rng, image, 0.3), grid, grid.benchmarks, "pandas")


# ---------------------------------------------------------------- slides

BRANDS = ["#4f46e5", "#0f766e", "#b91c1c", "#1d4ed8", "#7c3aed", "#ea580c", "#0e7490",
          "#111827", "#be185d", "#15803d"]


def slide(rng: random.Random, browser: Browser) -> Shot:
    grid = make_grid(rng, rng.randint(3, 7), rng.randint(3, 6), decimals=rng.choice([1, 1, 2]))
    brand = rng.choice(BRANDS)
    font = rng.choice(SANS_FAMILIES)
    size = rng.choice([18, 20, 22, 24, 26])
    dark = rng.random() < 0.3
    bg, fg, tint = (("#0f172a", "#f1f5f9", "#1e293b") if dark else
                    ("#ffffff", "#111827", rng.choice(["#eef2ff", "#f1f5f9", "#ecfeff",
                                                       "#f8fafc"])))
    ours = rng.randrange(len(grid.models))
    rounded = rng.random() < 0.6
    head = "".join(f"<th>{esc(name)}</th>" for name in
                   [rng.choice(["Model", "", "Models"]), *grid.benchmarks])
    rows = []
    best = {col: grid.best(col) for col in range(len(grid.benchmarks))}
    for r, model in enumerate(grid.models):
        mark = " class='ours'" if r == ours else ""
        cells = [f"<td class='name'>{esc(model)}</td>"]
        for col in range(len(grid.benchmarks)):
            text = grid.cell(r, col)
            cells.append(f"<td><b>{text}</b></td>" if best[col] == r and rng.random() < 0.7
                         else f"<td>{text}</td>")
        rows.append(f"<tr{mark}>{''.join(cells)}</tr>")
    radius = "10px" if rounded else "0"
    css = f"""
    body{{background:{bg};color:{fg};font-family:'{font}'}}
    #shot{{width:1280px;height:720px;position:relative;overflow:hidden;padding:0}}
    .band{{background:{brand};height:{rng.choice([10, 90])}px}}
    h1{{font-size:{size * 1.6}px;margin:26px 56px 10px;{'color:' + brand if not dark else ''}}}
    .sub{{margin:0 56px 18px;font-size:{size * 0.75}px;opacity:.7}}
    table{{margin:0 56px;border-collapse:separate;border-spacing:{4 if rounded else 0}px;
      font-size:{size}px}}
    th{{background:{brand};color:#fff;padding:12px 20px;border-radius:{radius};
      font-weight:{rng.choice([600, 700])}}}
    td{{background:{tint};padding:10px 20px;text-align:center;border-radius:{radius}}}
    td.name{{text-align:left;font-weight:600}}
    tr.ours td{{background:{brand}22;{'border-top:2px solid ' + brand if not rounded else ''}}}
    .foot{{position:absolute;bottom:14px;left:56px;right:56px;font-size:14px;opacity:.6;
      display:flex;justify-content:space-between}}
    .logo{{position:absolute;top:22px;right:40px;width:46px;height:46px;border-radius:50%;
      background:{brand}}}
    """
    subtitle = rng.choice(["Accuracy (%) on public benchmarks", "Higher is better",
                           "5-shot unless noted", ""])
    heading = rng.choice(["Benchmark results", "Model performance", "How we compare", "Evaluation"])
    body = (f"<div id='shot'><div class='band'></div><div class='logo'></div>"
            f"<h1>{esc(heading)}</h1>"
            f"<div class='sub'>{esc(subtitle)}</div><table><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table><div class='foot'><span>Company "
            f"confidential</span><span>{rng.randint(3, 40)}</span></div></div>")
    scale = rng.choice([1.0, 1.0, 1.25, 1.5])
    image = browser.shoot(page(body, css, 1280), scale)
    if rng.random() < 0.5:  # slides are shared as smaller pictures
        factor = rng.uniform(0.55, 0.85)
        image = image.resize((round(image.width * factor), round(image.height * factor)),
                             Image.Resampling.LANCZOS)
    return grid_shot(jpeg(rng, image, 0.4), grid, grid.benchmarks, "slide")


# ---------------------------------------------------------------- paper tables drawn with PIL

FOOTNOTES = ["*", "†", "‡", "§", "¶"]


def paper_pil(rng: random.Random, browser: Browser | None = None) -> Shot:
    grouped = rng.random() < 0.6
    grid = make_grid(rng, rng.randint(4, 9), rng.randint(3, 6), grouped=grouped,
                     decimals=rng.choice([1, 1, 2]), cjk=False)
    regular_file, bold_file = SERIF_FILES[rng.choice(list(SERIF_FILES))]
    size = rng.choice([13, 14, 15, 16, 18, 20])
    regular = ImageFont.truetype(str(FONT_DIR / regular_file), size)
    bold = ImageFont.truetype(str(FONT_DIR / bold_file), size)
    small = ImageFont.truetype(str(FONT_DIR / regular_file), max(9, round(size * 0.7)))
    with_std = rng.random() < 0.5
    std_style = rng.choice(["inline", "sub"])
    marks_on_models = rng.random() < 0.5
    marks_on_values = rng.random() < 0.3
    pad = round(size * 0.8)
    best = {col: grid.best(col) for col in range(len(grid.benchmarks))}
    second = {col: grid.second(col) for col in range(len(grid.benchmarks))}
    underline_second = rng.random() < 0.5
    # each cell: list of (text, font) runs
    Run = tuple[str, ImageFont.FreeTypeFont]
    header: list[list[Run]] = [[(rng.choice(["Model", "Method", "Models", ""]), regular)]]
    header += [[(name, regular)] for name in grid.benchmarks]
    body: list[list[list[Run]]] = []
    underlined: set[tuple[int, int]] = set()
    for r, model in enumerate(grid.models):
        name_runs: list[Run] = [(model, regular)]
        if marks_on_models and rng.random() < 0.4:
            name_runs.append((rng.choice(FOOTNOTES), small))
        row: list[list[Run]] = [name_runs]
        for col in range(len(grid.benchmarks)):
            face = bold if best[col] == r else regular
            runs: list[Run] = [(grid.cell(r, col), face)]
            if with_std:
                std = f"{rng.uniform(0.1, 2.5):.{grid.decimals}f}"
                runs.append((f" ± {std}", face) if std_style == "inline" else (f"±{std}", small))
            if marks_on_values and rng.random() < 0.15:
                runs.append((rng.choice(FOOTNOTES), small))
            if underline_second and second[col] == r:
                underlined.add((r, col + 1))
            row.append(runs)
        body.append(row)

    def width(runs: list[Run]) -> int:
        return sum(round(font.getlength(text)) for text, font in runs)

    columns = len(header)
    col_widths = [max(width(cell) for cell in [header[c], *(row[c] for row in body)]) + 2 * pad
                  for c in range(columns)]
    row_height = round(size * rng.uniform(1.55, 1.9))
    caption = f"Table {rng.randint(1, 9)}: " + rng.choice([
        "Results on standard benchmarks. Best in bold" + (", second underlined." if
                                                           underline_second else "."),
        "Comparison with open models (mean ± std over 3 seeds)." if with_std else
        "Comparison with open models.",
        "Zero-shot evaluation. † denotes results from the original paper."])
    margin = round(size * 1.5)
    table_width = sum(col_widths)
    caption_lines = wrap(caption, regular, table_width)
    group_rows = 1 if grid.groups else 0
    height = (margin * 2 + len(caption_lines) * row_height + row_height // 2
              + (group_rows + 1 + len(body)) * row_height + 12)
    if marks_on_models or marks_on_values:
        height += row_height
    image = Image.new("RGB", (table_width + 2 * margin, height), "white")
    draw = ImageDraw.Draw(image)
    ink = rng.choice([(0, 0, 0), (25, 25, 25), (40, 40, 60)])
    y = margin
    caption_top = rng.random() < 0.7
    if caption_top:
        for line in caption_lines:
            draw.text((margin, y), line, font=regular, fill=ink)
            y += row_height
        y += row_height // 3
    thick, thin = max(1, round(size / 12)), max(1, round(size / 24))
    draw.rectangle((margin, y, margin + table_width, y + thick - 1), fill=ink)
    y += thick + 2
    lefts = [margin + sum(col_widths[:c]) for c in range(columns)]
    if grid.groups:
        col = 1
        for title, span in grid.groups:
            left, right = lefts[col], lefts[col + span - 1] + col_widths[col + span - 1]
            text_width = regular.getlength(title)
            draw.text(((left + right - text_width) / 2, y + (row_height - size) / 2 - 2), title,
                      font=regular, fill=ink)
            draw.rectangle((left + pad // 2, y + row_height - 2, right - pad // 2,
                            y + row_height - 2 + thin - 1), fill=ink)
            col += span
        y += row_height
    align_numbers = rng.choice(["center", "right"])

    def draw_cell(runs: list[Run], c: int, top: int, is_underlined: bool) -> None:
        total = width(runs)
        if c == 0:
            x = lefts[c] + pad
        elif align_numbers == "center":
            x = lefts[c] + (col_widths[c] - total) / 2
        else:
            x = lefts[c] + col_widths[c] - pad - total
        baseline = top + (row_height - size) / 2 - 2
        start = x
        for index, (text, font) in enumerate(runs):
            offset = 0.0
            if font is small:
                offset = size * 0.45 if text.startswith("±") else -size * 0.15
            draw.text((x, baseline + offset), text, font=font, fill=ink)
            if index == 0 and is_underlined:
                draw.line((start, baseline + size + 2, x + font.getlength(text),
                           baseline + size + 2), fill=ink, width=1)
            x += round(font.getlength(text))

    for c, cell in enumerate(header):
        draw_cell(cell, c, y, False)
    y += row_height
    draw.rectangle((margin, y, margin + table_width, y + thin - 1), fill=ink)
    y += thin + 2
    for r, row in enumerate(body):
        for c, cell in enumerate(row):
            draw_cell(cell, c, y, (r, c) in underlined)
        y += row_height
        if r == len(body) - 2 and rng.random() < 0.3:  # "ours" set off by a midrule
            draw.rectangle((margin, y, margin + table_width, y + thin - 1), fill=ink)
            y += thin + 2
    draw.rectangle((margin, y + 2, margin + table_width, y + 1 + thick), fill=ink)
    y += thick + row_height // 2
    if not caption_top:
        for line in caption_lines:
            draw.text((margin, y), line, font=regular, fill=ink)
            y += row_height
    if marks_on_models or marks_on_values:
        draw.text((margin, y), "* reproduced by us.  † reported by the authors.", font=small,
                  fill=ink)
    image = image.crop((0, 0, image.width, min(image.height, y + row_height + margin // 2)))
    if rng.random() < 0.5:  # a page photographed or scaled down
        factor = rng.uniform(0.7, 1.0)
        image = image.resize((round(image.width * factor), round(image.height * factor)),
                             Image.Resampling.BILINEAR)
    return grid_shot(jpeg(rng, image, 0.4), grid, grid.benchmarks, "paper_pil")


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if font.getlength(trial) > width and current:
            lines.append(current)
            current = word
        else:
            current = trial
    return [*lines, current] if current else lines


STYLES: list[tuple[str, Callable[[random.Random, Browser], Shot]]] = [
    ("hf_gradio", hf_gradio), ("github", github_readme), ("cn_readme", cn_readme),
    ("notion", notion_page), ("pandas", pandas_styler), ("slide", slide),
    ("paper_pil", paper_pil),
]


def params_in_name(model: str) -> float | None:
    """The size a model's name states, in billions ("8x7B" counts 56)."""
    mixture = re.search(r"(\d+)x(\d+(?:\.\d+)?)[Bb]", model)
    if mixture:
        return float(mixture.group(1)) * float(mixture.group(2))
    match = re.search(r"(\d+(?:\.\d+)?)[Bb](?![a-z])", model)
    return float(match.group(1)) if match else None


def truth_of(shot: Shot) -> dict:
    """The look's truth in ``benchmarks/tables.py``'s format."""
    params_col = next((i for i, name in enumerate(shot.columns)
                       if name.startswith("#Params") or name == "参数量"), None)
    mmlu_col = next((i for i, name in enumerate(shot.columns)
                     if re.fullmatch(r"mmlu(\s*\(.*\))?", name.lower())), None)
    rows = []
    for model, cells in zip(shot.models, shot.cells, strict=True):
        params = params_in_name(model)
        if params_col is not None:
            params = float(cells[params_col].rstrip("B")) if cells[params_col] != "-" else None
        mmlu = float(cells[mmlu_col]) if mmlu_col is not None else None
        rows.append({"model": model, "params_b": params, "tokens_t": None, "mmlu": mmlu,
                     "cells": [model, *cells]})
    columns = ["Model", *shot.columns]
    return {"columns": columns, "settings": [None] * len(columns), "rows": rows,
            "style": f"doc_{shot.style}"}


def generate(out: Path, count: int, seed: int) -> dict:
    """``count`` pictures, the styles in turn from a seeded start."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    browser = Browser((1400, 1000))
    start = rng.randrange(len(STYLES))
    try:
        for i in range(count):
            style, draw = STYLES[(start + i) % len(STYLES)]
            shot = draw(rng, browser)
            name = f"doc_{i:03d}_{style}" + (".jpg" if rng.random() < 0.25 else ".png")
            if name.endswith(".jpg"):
                shot.image.save(out / name, quality=rng.randint(72, 92))
            else:
                shot.image.save(out / name)
            truth[name] = truth_of(shot)
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False))
    return truth
