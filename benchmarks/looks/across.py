"""Tuning look: tables with the models across the header, and tables typed in monospace.

Written from a description of the two kinds, before reading the reader or the other looks,
the way someone else would draw them:

- *across*: 4-8 models as columns (sizes and versions in their names, some wrapped over two
  lines or rotated), benchmarks with their settings ("MMLU (5-shot)") down the first column,
  section rows ("Knowledge"), a "Params" / "Training tokens" row, an "Average" row, the best
  value of each row in bold. Drawn as an HTML page shot in Chromium, with matplotlib, or with
  PIL, light or dark, sent on as PNG or JPEG, 400-1800 px wide.
- *mono*: a table typed as text (raw Markdown pipes, a ``+----+`` grid, space-aligned columns
  as pandas prints them, box-drawing characters) shown in a chat code block or a terminal in
  DejaVu Sans Mono, Liberation Mono or FreeMono (Noto Sans Mono where installed).

A tuning set: its images are looked at while tuning.
"""

from __future__ import annotations

import html
import io
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FAMILIES = [
    ("Llama-2", ["7B", "13B", "70B"]), ("LLaMA", ["7B", "13B", "33B", "65B"]),
    ("Mistral", ["7B"]), ("Qwen1.5", ["4B", "7B", "14B", "72B"]),
    ("Falcon", ["7B", "40B", "180B"]), ("MPT", ["7B", "30B"]), ("Gemma", ["2B", "7B"]),
    ("Yi", ["6B", "9B", "34B"]), ("DeepSeek-LLM", ["7B", "67B"]), ("Baichuan2", ["7B", "13B"]),
    ("InternLM2", ["7B", "20B"]), ("OLMo", ["1B", "7B"]), ("Pythia", ["6.9B", "12B"]),
    ("StableLM-2", ["1.6B", "12B"]), ("Phi", ["1.5", "2"]), ("ChatGLM3", ["6B"]),
    ("Aquila2", ["7B", "34B"]), ("XVERSE", ["13B", "65B"]), ("Skywork", ["13B"]),
]
SUFFIXES = ["", "", "", "-Base", "-v0.1", "-Chat", "-Instruct", "-hf"]
BENCHMARKS = {
    "Knowledge": [("MMLU", "5-shot"), ("TriviaQA", "1-shot"), ("NaturalQuestions", "5-shot"),
                  ("C-Eval", "5-shot"), ("CMMLU", "5-shot"), ("AGIEval", "3-5 shot")],
    "Reasoning": [("HellaSwag", "10-shot"), ("ARC-Challenge", "25-shot"), ("ARC-e", "0-shot"),
                  ("WinoGrande", "5-shot"), ("PIQA", "0-shot"), ("BBH", "3-shot, CoT"),
                  ("BoolQ", "0-shot"), ("SIQA", "0-shot")],
    "Math": [("GSM8K", "8-shot"), ("MATH", "4-shot"), ("GSM8K", "maj@1")],
    "Code": [("HumanEval", "pass@1"), ("MBPP", "3-shot"), ("HumanEval", "0-shot")],
}
TOKENS = ["1T", "1.4T", "2T", "3T", "6T", "300B", "1.5T", "2.6T", "7T"]
SANS = ["DejaVu Sans", "Liberation Sans", "Roboto", "Open Sans", "FreeSans",
        "Liberation Serif", "Roboto Condensed"]
FONT_FILES = {
    "DejaVu Sans": "/usr/share/fonts/truetype/dejavu/DejaVuSans{b}.ttf",
    "Liberation Sans": "/usr/share/fonts/truetype/liberation/LiberationSans-{B}.ttf",
    "Roboto": "/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF/Roboto-{B}.ttf",
    "Open Sans": "/usr/share/fonts/truetype/open-sans/OpenSans-{B}.ttf",
    "FreeSans": "/usr/share/fonts/truetype/freefont/FreeSans{b2}.ttf",
    "Liberation Serif": "/usr/share/fonts/truetype/liberation/LiberationSerif-{B}.ttf",
    "Roboto Condensed": "/usr/share/fonts/truetype/roboto/unhinted/RobotoCondensed-{B}.ttf",
}
MONO_FILES = {
    "DejaVu Sans Mono": "/usr/share/fonts/truetype/dejavu/DejaVuSansMono{b}.ttf",
    "Liberation Mono": "/usr/share/fonts/truetype/liberation/LiberationMono-{B}.ttf",
    "FreeMono": "/usr/share/fonts/truetype/freefont/FreeMono{b2}.ttf",
    "Noto Sans Mono": "/usr/share/fonts/truetype/noto/NotoSansMono-{B}.ttf",
}


@dataclass
class Row:
    label: str  # the first-column text as drawn ("MMLU (5-shot)", "Params")
    cells: list[str]  # one per model, as drawn ("64.5", "7B", "-")
    kind: str = "score"  # score | params | tokens | average | section


@dataclass
class Table:
    corner: str
    models: list[str]  # as drawn; "\n" where the name wraps
    names: list[str]  # the same names unwrapped
    rows: list[Row] = field(default_factory=list)
    title: str = ""


def _font(path_pattern: str, bold: bool, size: int) -> ImageFont.FreeTypeFont:
    path = path_pattern.format(b="-Bold" if bold else "", B="Bold" if bold else "Regular",
                               b2="Bold" if bold else "")
    if not Path(path).exists():
        path = path_pattern.format(b="", B="Regular", b2="")
    return ImageFont.truetype(path, size)


def _mono_families() -> list[str]:
    return [name for name, pattern in MONO_FILES.items()
            if Path(pattern.format(b="", B="Regular", b2="")).exists()]


def _model_name(rng: random.Random, used: set[str]) -> tuple[str, str]:
    """A model name and its size label ("7B"), never twice in one table."""
    while True:
        family, sizes = rng.choice(FAMILIES)
        size = rng.choice(sizes)
        sep = rng.choice(["-", " "]) if family not in ("Phi",) else "-"
        name = f"{family}{sep}{size}{rng.choice(SUFFIXES)}"
        if name not in used:
            used.add(name)
            return name, size if size[-1] == "B" else ""


def make_table(rng: random.Random, across: bool) -> Table:
    n_models = rng.randint(4, 8) if across else rng.randint(3, 6)
    used: set[str] = set()
    names, sizes = zip(*(_model_name(rng, used) for _ in range(n_models)), strict=True)
    table = Table(corner=rng.choice(["Benchmark", "Dataset", "Task", "Model", ""]),
                  models=list(names), names=list(names))
    if across and rng.random() < 0.5:  # some names wrap over two lines
        table.models = [_wrap(name) if rng.random() < 0.6 else name for name in names]
    sectioned = across and rng.random() < 0.5
    groups = rng.sample(list(BENCHMARKS), rng.randint(2, 3))
    with_settings = rng.random() < 0.75
    if rng.random() < 0.5 and all(sizes):
        table.rows.append(Row(rng.choice(["Params", "Size", "# Params", "Parameters"]),
                              list(sizes), "params"))
    if rng.random() < 0.4:
        table.rows.append(Row(rng.choice(["Training tokens", "Tokens", "Pretrain tokens"]),
                              [rng.choice(TOKENS) for _ in names], "tokens"))
    decimals = rng.choice([1, 1, 2])
    seen: set[str] = set()
    score_rows: list[list[float]] = []
    for group in groups:
        picks = rng.sample(BENCHMARKS[group], min(len(BENCHMARKS[group]), rng.randint(2, 3)))
        if sectioned:
            table.rows.append(Row(group, ["" for _ in names], "section"))
        for bench, setting in picks:
            if bench in seen:
                continue
            seen.add(bench)
            label = f"{bench} ({setting})" if with_settings else bench
            values = [round(rng.uniform(8, 92), decimals) for _ in names]
            score_rows.append(values)
            cells = [f"{v:.{decimals}f}" for v in values]
            if rng.random() < 0.08:
                cells[rng.randrange(len(cells))] = rng.choice(["-", "—", "N/A"])
            table.rows.append(Row(label, cells, "score"))
    if rng.random() < 0.6:
        means = [sum(col) / len(col) for col in zip(*score_rows, strict=True)]
        table.rows.append(Row(rng.choice(["Average", "Avg.", "Average"]),
                              [f"{m:.{decimals}f}" for m in means], "average"))
    return table


def _wrap(name: str) -> str:
    for sep in ("-", " "):
        if sep in name:
            head, _, tail = name.rpartition(sep)
            if head and tail:
                return f"{head}{sep if sep == '-' else ''}\n{tail}"
    return name


def _best(row: Row) -> int | None:
    numbers = []
    for i, cell in enumerate(row.cells):
        try:
            numbers.append((float(cell), i))
        except ValueError:
            continue
    return max(numbers)[1] if row.kind in ("score", "average") and numbers else None


# -- the across kind: HTML, matplotlib, PIL ----------------------------------------------------

def _html_page(table: Table, rng: random.Random) -> str:
    dark = rng.random() < 0.35
    fg, bg, rule = ("#e6edf3", "#0d1117", "#30363d") if dark else ("#1f2328", "#ffffff", "#d0d7de")
    head_bg = rng.choice(["transparent", "#f6f8fa" if not dark else "#161b22",
                          "#dbeafe" if not dark else "#1e3a5f"])
    font = rng.choice(SANS)
    size = rng.choice([12, 13, 14, 15, 16])
    rotate = rng.random() < 0.3
    boxed = rng.random() < 0.4
    zebra = rng.random() < 0.4
    border = f"1px solid {rule}" if boxed else "none"
    head_cells = []
    for name in table.models:
        text = html.escape(name).replace("\n", "<br>")
        if rotate:
            text = f'<div class="rot">{html.escape(table.names[len(head_cells)])}</div>'
        head_cells.append(f"<th>{text}</th>")
    body = []
    for k, row in enumerate(table.rows):
        if row.kind == "section":
            body.append(f'<tr class="sec"><td colspan="{len(table.models) + 1}">'
                        f"{html.escape(row.label)}</td></tr>")
            continue
        best = _best(row)
        cells = "".join(f"<td>{'<b>' if i == best else ''}{html.escape(c)}"
                        f"{'</b>' if i == best else ''}</td>" for i, c in enumerate(row.cells))
        cls = ' class="avg"' if row.kind == "average" else (' class="z"' if zebra and k % 2 else "")
        body.append(f"<tr{cls}><td class='first'>{html.escape(row.label)}</td>{cells}</tr>")
    rot_css = (".rot{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;"
               "margin:0 auto;}" if rng.random() < 0.5 else
               ".rot{transform:rotate(-40deg);transform-origin:left bottom;white-space:nowrap;"
               "width:2.2em;margin-top:5em;}")
    title = f"<div class='title'>{html.escape(table.title)}</div>" if table.title else ""
    return f"""<!DOCTYPE html><html><head><style>
body{{margin:0;background:{bg};}}
#shot{{display:inline-block;padding:{rng.choice([8, 14, 24])}px;background:{bg};color:{fg};
 font-family:'{font}';font-size:{size}px;}}
table{{border-collapse:collapse;}}
th,td{{padding:{rng.choice([3, 5, 7])}px {rng.choice([6, 9, 12])}px;border:{border};
 text-align:{rng.choice(['center', 'right'])};}}
th{{background:{head_bg};font-weight:{rng.choice([600, 700])};vertical-align:bottom;
 max-width:{rng.choice([70, 90, 200])}px;border-bottom:2px solid {rule};}}
td.first{{text-align:left;white-space:nowrap;}}
tr.sec td{{text-align:left;font-style:italic;font-weight:600;
 border-top:1px solid {rule};color:{'#8b949e' if dark else '#57606a'};}}
tr.avg td{{border-top:1.5px solid {rule};font-weight:{rng.choice([400, 600])};}}
tr.z td{{background:{'#161b22' if dark else '#f6f8fa'};}}
{rot_css}
.title{{font-weight:700;margin-bottom:8px;font-size:{size + 2}px;}}
</style></head><body><div id="shot">{title}<table><tr><th style="text-align:left">
{html.escape(table.corner)}</th>{''.join(head_cells)}</tr>{''.join(body)}</table></div>
</body></html>"""


def _draw_matplotlib(table: Table, rng: random.Random) -> Image.Image:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    dark = rng.random() < 0.35
    fg, bg = ("#eeeeee", "#1e1e1e") if dark else ("#111111", "#ffffff")
    rotation = rng.choice([0, 0, 30, 45, 90])
    n_cols = len(table.models) + 1
    n_rows = len(table.rows) + 1
    fontsize = rng.choice([9, 10, 11, 12])
    first_w = 2.3
    # unrotated names are wrapped, and a column is as wide as its longest line
    shown = [name if rotation else _wrap(table.names[j]) for j, name in enumerate(table.models)]
    longest = max(len(part) for name in shown for part in name.split("\n"))
    col_w = 1.05 if rotation else max(1.0, 0.0105 * fontsize * longest)
    head_h = 0.75 if rotation == 0 else 1.4
    width = first_w + col_w * (n_cols - 1) + (1.4 if rotation and rotation < 90 else 0.0)
    height = head_h + 0.32 * n_rows
    fig = plt.figure(figsize=(width, height), dpi=rng.choice([100, 120, 150]))
    fig.patch.set_facecolor(bg)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    ax.axis("off")
    family = rng.choice(["DejaVu Sans", "Liberation Sans", "Liberation Serif", "Roboto"])
    y = head_h
    ax.text(0.1, y - 0.1, table.corner, fontsize=fontsize, fontweight="bold", color=fg,
            family=family, va="bottom")
    for j in range(len(table.models)):
        x = first_w + col_w * (j + 0.5)
        text = shown[j] if rotation == 0 else table.names[j]
        ax.text(x if rotation == 0 else x - 0.15, y - 0.08, text, fontsize=fontsize,
                fontweight="bold", color=fg, family=family,
                ha="center" if rotation == 0 else "left", va="bottom", rotation=rotation,
                rotation_mode="anchor", multialignment="center")
    ax.plot([0, width], [y, y], color=fg, linewidth=1.0)
    for row in table.rows:
        y += 0.32
        best = _best(row)
        weight = "bold" if row.kind == "section" else "normal"
        ax.text(0.1, y - 0.08, row.label, fontsize=fontsize, color=fg, family=family,
                fontweight=weight, style="italic" if row.kind == "section" else "normal")
        if row.kind == "average":
            ax.plot([0, width], [y - 0.32, y - 0.32], color=fg, linewidth=0.6)
        for j, cell in enumerate(row.cells):
            ax.text(first_w + col_w * (j + 0.5), y - 0.08, cell, fontsize=fontsize,
                    color=fg, family=family, ha="center",
                    fontweight="bold" if j == best else "normal")
    ax.plot([0, width], [y + 0.06, y + 0.06], color=fg, linewidth=1.0)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", facecolor=bg)
    plt.close(fig)
    return Image.open(buffer).convert("RGB")


def _draw_pil(table: Table, rng: random.Random) -> Image.Image:
    dark = rng.random() < 0.4
    fg, bg, rule = ((230, 230, 230), (24, 26, 31), (90, 90, 100)) if dark else \
        ((20, 20, 20), (255, 255, 255), (170, 170, 170))
    family = rng.choice(list(FONT_FILES))
    size = rng.choice([14, 16, 18, 20])
    regular = _font(FONT_FILES[family], False, size)
    bold = _font(FONT_FILES[family], True, size)
    pad = size // 2 + 2
    line = size + 6

    def width_of(text: str, font: ImageFont.FreeTypeFont) -> int:
        return int(max(font.getlength(part) for part in text.split("\n")))

    first_w = max(width_of(r.label, bold) for r in table.rows) + 2 * pad
    first_w = max(first_w, width_of(table.corner, bold) + 2 * pad)
    col_ws = [max(width_of(name, bold), *(width_of(r.cells[j], bold) for r in table.rows))
              + 2 * pad for j, name in enumerate(table.models)]
    head_lines = max(name.count("\n") + 1 for name in table.models)
    head_h = head_lines * line + pad
    total_w = first_w + sum(col_ws) + 2 * pad
    total_h = head_h + line * len(table.rows) + 3 * pad
    image = Image.new("RGB", (total_w, total_h), bg)
    draw = ImageDraw.Draw(image)
    ruled = rng.random() < 0.5
    x0, y0 = pad, pad
    draw.text((x0 + pad // 2, y0 + head_h - line), table.corner, fill=fg, font=bold)
    x = x0 + first_w
    for j, name in enumerate(table.models):
        lines = name.split("\n")
        for k, part in enumerate(lines):
            yy = y0 + head_h - line * (len(lines) - k)
            draw.text((x + (col_ws[j] - bold.getlength(part)) / 2, yy), part, fill=fg, font=bold)
        x += col_ws[j]
    y = y0 + head_h + 2
    draw.line((x0, y, total_w - pad, y), fill=fg, width=2)
    for row in table.rows:
        best = _best(row)
        font = bold if row.kind == "section" else regular
        draw.text((x0 + pad // 2, y + 3), row.label, fill=fg, font=font)
        x = x0 + first_w
        for j, cell in enumerate(row.cells):
            f = bold if j == best else regular
            draw.text((x + (col_ws[j] - f.getlength(cell)) / 2, y + 3), cell, fill=fg, font=f)
            x += col_ws[j]
        y += line
        if ruled:
            draw.line((x0, y, total_w - pad, y), fill=rule, width=1)
    draw.line((x0, y + 1, total_w - pad, y + 1), fill=fg, width=2)
    return image


# -- the mono kind ------------------------------------------------------------------------------

def _grid_text(header: list[str], rows: list[list[str]], style: str, right: bool) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def fit(cell: str, i: int) -> str:
        return cell.ljust(widths[i]) if i == 0 or not right else cell.rjust(widths[i])

    if style == "pipe":
        lines = ["| " + " | ".join(fit(c, i) for i, c in enumerate(header)) + " |",
                 "|" + "|".join(("-" * (w + 2) if i == 0 or not right else "-" * (w + 1) + ":")
                                for i, w in enumerate(widths)) + "|"]
        lines += ["| " + " | ".join(fit(c, i) for i, c in enumerate(r)) + " |" for r in rows]
        return "\n".join(lines)
    if style == "grid":
        rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
        head_rule = "+" + "+".join("=" * (w + 2) for w in widths) + "+"
        lines = [rule, "| " + " | ".join(fit(c, i) for i, c in enumerate(header)) + " |",
                 head_rule]
        for r in rows:
            lines += ["| " + " | ".join(fit(c, i) for i, c in enumerate(r)) + " |", rule]
        return "\n".join(lines)
    if style == "box":
        top = "┌" + "┬".join("─" * (w + 2) for w in widths) + "┐"
        mid = "├" + "┼".join("─" * (w + 2) for w in widths) + "┤"
        bottom = "└" + "┴".join("─" * (w + 2) for w in widths) + "┘"
        lines = [top, "│ " + " │ ".join(fit(c, i) for i, c in enumerate(header)) + " │", mid]
        lines += ["│ " + " │ ".join(fit(c, i) for i, c in enumerate(r)) + " │" for r in rows]
        return "\n".join([*lines, bottom])
    # "plain": space-aligned, as pandas prints a frame (an index column on the left)
    gap = "  "
    lines = [gap.join(fit(c, i) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(header))]
    lines += [gap.join(fit(c, i) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(r))
              for r in rows]
    return "\n".join(line.rstrip() for line in lines)


def mono_text(table: Table, rng: random.Random, style: str, across: bool) -> str:
    rows = [r for r in table.rows if r.kind != "section"]
    if across:
        header = [table.corner, *table.names]
        body = [[r.label, *r.cells] for r in rows]
    else:  # models down the first column
        header = [table.corner or "Model", *(r.label for r in rows)]
        body = [[m, *(r.cells[j] for r in rows)] for j, m in enumerate(table.names)]
    if style == "plain" and rng.random() < 0.5:  # pandas' print(df) with a numeric index
        header = ["", *header]
        body = [[str(i), *r] for i, r in enumerate(body)]
    return _grid_text(header, body, style, right=rng.random() < 0.6)


def _mono_html(text: str, rng: random.Random, family: str) -> str:
    theme = rng.choice(["discord", "slack", "github_dark", "terminal_light", "vscode"])
    bg, fg, box, pad = {
        "discord": ("#313338", "#dbdee1", "#2b2d31", 10),
        "slack": ("#ffffff", "#1d1c1d", "#f8f8f8", 8),
        "github_dark": ("#0d1117", "#e6edf3", "#161b22", 16),
        "terminal_light": ("#fdf6e3", "#073642", "#fdf6e3", 6),
        "vscode": ("#1e1e1e", "#d4d4d4", "#1e1e1e", 12),
    }[theme]
    size = rng.choice([12, 13, 14, 15])
    line_height = rng.choice([1.15, 1.3, 1.45])
    return f"""<!DOCTYPE html><html><head><style>
body{{margin:0;background:{bg};}}
#shot{{display:inline-block;padding:12px;background:{bg};}}
pre{{margin:0;background:{box};color:{fg};font-family:'{family}',monospace;font-size:{size}px;
 line-height:{line_height};padding:{pad}px;border:1px solid {'#e1e1e1' if bg == '#ffffff'
 else '#1e1f22'};border-radius:4px;}}
</style></head><body><div id="shot"><pre>{html.escape(text)}</pre></div></body></html>"""


def _mono_pil(text: str, rng: random.Random, family: str) -> Image.Image:
    bg, fg = rng.choice([((0, 0, 0), (204, 204, 204)), ((12, 12, 12), (80, 250, 123)),
                         ((40, 42, 54), (248, 248, 242)), ((255, 255, 255), (30, 30, 30))])
    font = _font(MONO_FILES[family], False, rng.choice([14, 15, 16, 18]))
    lines = text.split("\n")
    line_h = int(font.size * rng.choice([1.2, 1.35]))
    width = int(max(font.getlength(line) for line in lines)) + 40
    prompt = rng.random() < 0.5
    height = line_h * (len(lines) + (2 if prompt else 0)) + 30
    image = Image.new("RGB", (width, height), bg)
    draw = ImageDraw.Draw(image)
    y = 15
    if prompt:
        draw.text((20, y), "$ python eval_results.py", fill=fg, font=font)
        y += line_h * 2
    for line in lines:
        draw.text((20, y), line, fill=fg, font=font)
        y += line_h
    return image


# -- sizes, files, truth ------------------------------------------------------------------------

def _send_on(image: Image.Image, rng: random.Random, path: Path) -> Path:
    target = rng.randint(400, 1800)
    factor = min(max(target / image.width, 0.75), 1.6)
    if abs(factor - 1) > 0.03:
        image = image.resize((max(1, round(image.width * factor)),
                              max(1, round(image.height * factor))), Image.LANCZOS)
    if rng.random() < 0.5:
        path = path.with_suffix(".jpg")
        image.save(path, quality=rng.choice([60, 72, 85, 92]))
    else:
        path = path.with_suffix(".png")
        image.save(path)
    return path


def draw(rng: random.Random, browser: object | None) -> tuple[Image.Image, Table, str, bool]:
    """One image: (image, table, how it was drawn, whether models run across)."""
    if rng.random() < 0.55:
        table = make_table(rng, across=True)
        how = rng.choice(["html", "html", "matplotlib", "pil"])
        if how == "html" and browser is not None:
            image = browser.shoot(_html_page(table, rng), rng.choice([1.0, 1.5, 2.0]))  # type: ignore[attr-defined]
        elif how == "matplotlib":
            image = _draw_matplotlib(table, rng)
        else:
            how = "pil"
            image = _draw_pil(table, rng)
        return image, table, f"across_{how}", True
    across = rng.random() < 0.5
    table = make_table(rng, across=across)
    style = rng.choice(["pipe", "grid", "plain", "box"])
    text = mono_text(table, rng, style, across)
    family = rng.choice(_mono_families())
    if browser is not None and rng.random() < 0.6:
        image = browser.shoot(_mono_html(text, rng, family), rng.choice([1.0, 1.25, 2.0]))  # type: ignore[attr-defined]
    else:
        image = _mono_pil(text, rng, family)
    return image, table, f"mono_{style}", across


def truth_of(table: Table, style: str) -> dict:
    """The table as the benchmark scores it: one row per model, one column per benchmark
    with its setting apart ("MMLU" and "5-shot"), whichever way the image runs."""
    from imgread.units import parse_number, parse_tokens_t
    from looks.common import size_of

    scored = [r for r in table.rows if r.kind in ("score", "average")]
    plain = [r.label.split(" (")[0] for r in scored]
    settings = [r.label.split(" (")[1].rstrip(")") if " (" in r.label else None for r in scored]
    tokens = next((r for r in table.rows if r.kind == "tokens"), None)
    rows = []
    for j, model in enumerate(table.names):
        cells = [r.cells[j] for r in scored]
        mmlu = parse_number(cells[plain.index("MMLU")]) if "MMLU" in plain else None
        rows.append({
            "model": model,
            "params_b": size_of(model),
            "tokens_t": parse_tokens_t(tokens.cells[j]) if tokens else None,
            "mmlu": mmlu,
            "cells": [model, *cells],
        })
    return {"columns": ["Model", *plain], "settings": [None, *settings], "rows": rows,
            "style": style}


def generate(out: Path, count: int, seed: int) -> dict:
    from browser import Browser

    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    browser = Browser((1400, 1000))
    try:
        for i in range(count):
            image, table, style, _across = draw(rng, browser)
            path = _send_on(image, rng, out / f"across_{i:03d}")
            truth[path.name] = truth_of(table, style)
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
