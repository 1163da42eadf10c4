"""Held-out test tables: LLM benchmark tables as people screenshot them, by independent rules.

    python benchmarks/heldout_tables.py OUT_DIR [--count 40] [--seed 5000]

Written without looking at the reader or at the other generators, so that nothing here was
tuned against: score on it, never look at the reader's failures image by image. Eight styles,
spread evenly, from four renderers:

- ``paper_pdf``: a reportlab PDF table (booktabs rules, serif, small) rasterised by pdfium,
  like a crop of an arXiv paper: caption above, footnote below, bold best, ``±`` spreads.
- ``leaderboard``, ``github_dark``, ``notion``, ``tweet``, ``phone``: styled HTML pages shot by
  headless Chromium (a Gradio dataframe, a dark GitHub README, a Notion page, a tweet with the
  table as its picture, a narrow phone screen at device pixel ratio 2-3).
- ``pil_jpeg``: PIL drawing with system fonts, small and ruled, saved as a rough JPEG.
- ``photo_screen``: a PIL table photographed off a screen: turned 1-2°, uneven light, noise,
  blur, JPEG.

Each table may carry a title or caption, a "5-shot" settings row, footnote marks (†, *),
"-" for a missing score, Chinese headers, or list its models across the top (transposed).
``truth.json`` holds, per file, the table as printed (``columns``, ``settings``, the ``cells``
of each row, models down the side whatever the layout) and the (params, tokens, MMLU) row of
each model; ``params_b`` is the size the name states when the table has no size column, and
``tokens_t`` is null when it has no tokens column. ``style`` names the style, ``transposed``
says whether the image lists the models across the top.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import math
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFilter, ImageFont

STYLES = (
    "paper_pdf",
    "leaderboard",
    "github_dark",
    "notion",
    "tweet",
    "phone",
    "pil_jpeg",
    "photo_screen",
)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
FONT_DIR = Path("/usr/share/fonts/truetype")

# --- the models: (spellings of the family, sizes in billions, training tokens in billions)
FAMILIES: list[tuple[list[str], list[float], int | None]] = [
    (["LLaMA-2", "Llama-2", "Llama 2", "LLaMA2"], [7, 13, 70], 2000),
    (["Llama-3.1", "Llama 3.1", "LLaMA-3.1"], [8, 70, 405], 15000),
    (["Qwen1.5", "Qwen-1.5"], [0.5, 1.8, 4, 7, 14, 72], 3000),
    (["Qwen2.5"], [0.5, 1.5, 3, 7, 14, 32, 72], 18000),
    (["Yi", "Yi-1.5"], [6, 9, 34], 3100),
    (["Baichuan2", "Baichuan 2"], [7, 13], 2600),
    (["InternLM2", "internlm2"], [1.8, 7, 20], 2600),
    (["DeepSeek-LLM", "DeepSeek LLM", "deepseek-llm"], [7, 67], 2000),
    (["Mistral"], [7], None),
    (["Gemma", "gemma"], [2, 7], 6000),
    (["Falcon"], [7, 40, 180], 1500),
    (["MPT"], [7, 30], 1000),
    (["OLMo"], [1, 7], 2500),
    (["Pythia"], [1.4, 2.8, 6.9, 12], 300),
    (["StableLM-2", "StableLM 2"], [1.6, 12], 2000),
    (["Aquila2"], [7, 34], 2000),
    (["Skywork"], [13], 3200),
    (["XVERSE"], [7, 13, 65], 2600),
    (["ChatGLM3"], [6], 1400),
    (["BLOOM"], [7.1, 176], 366),
    (["OPT"], [6.7, 13, 30, 66], 180),
]
SUFFIXES = ["", "", "", "-Chat", "-Instruct", "-Base", "-Chat-GPTQ-Int4", "-AWQ", "-Int8", "-v0.1"]
# Mixture-of-experts names state no single size: only shown with a size column.
MOE = [
    ("Mixtral-8x7B", 46.7, None),
    ("Mixtral 8x22B", 141.0, None),
    ("Qwen1.5-MoE-A2.7B", 14.3, 4000),
]
# Closed models: no size in the name.
CLOSED = ["GPT-3.5-Turbo", "GPT-4", "GPT-4o", "Claude 3 Opus", "Claude-2", "Gemini Pro", "PaLM 2-L"]
HUB_ORGS = {
    "llama": "meta-llama",
    "qwen": "Qwen",
    "yi": "01-ai",
    "gemma": "google",
    "mistral": "mistralai",
}

# --- the columns: (header, settings it is run with, lowest and highest plausible score)
BENCHMARKS: list[tuple[str, list[str], float, float]] = [
    ("GSM8K", ["8-shot", "4-shot", "0-shot CoT"], 10, 90),
    ("HumanEval", ["0-shot", "pass@1"], 8, 80),
    ("ARC-C", ["25-shot", "0-shot"], 30, 92),
    ("HellaSwag", ["10-shot", "0-shot"], 50, 90),
    ("C-Eval", ["5-shot"], 25, 85),
    ("CMMLU", ["5-shot"], 25, 85),
    ("BBH", ["3-shot", "3-shot CoT"], 25, 80),
    ("MATH", ["4-shot", "0-shot CoT"], 2, 60),
    ("WinoGrande", ["5-shot", "0-shot"], 55, 85),
    ("TriviaQA", ["1-shot", "5-shot"], 30, 80),
    ("MBPP", ["3-shot", "pass@1"], 15, 70),
    ("AGIEval", ["0-shot", "3-5-shot"], 20, 60),
    ("TruthfulQA", ["0-shot", "mc2"], 30, 65),
]
CJK_BENCHMARKS = [
    ("常识推理", ["0-shot"], 40, 85),
    ("数学", ["4-shot"], 5, 70),
    ("代码", ["pass@1"], 5, 70),
]
MMLU = ("MMLU", ["5-shot"], 25, 85)
GROUPS = ["Knowledge", "Reasoning", "Math", "Code", "Chinese"]
GROUP_OF = {
    **dict.fromkeys(["MMLU", "TriviaQA", "TruthfulQA", "AGIEval"], "Knowledge"),
    **dict.fromkeys(["ARC-C", "HellaSwag", "WinoGrande", "BBH", "常识推理"], "Reasoning"),
    **dict.fromkeys(["GSM8K", "MATH", "数学"], "Math"),
    **dict.fromkeys(["HumanEval", "MBPP", "代码"], "Code"),
    **dict.fromkeys(["C-Eval", "CMMLU"], "Chinese"),
}


@dataclass
class Column:
    kind: str  # "model", "params", "tokens", "score" (MMLU, benchmarks, averages)
    header: str
    setting: str | None = None
    low: float = 0.0
    high: float = 100.0
    decimals: int = 1
    # how a params or tokens column prints: with its unit ("B": 7B, 1,400B; "T": 1.4T), or
    # bare under a header that names it ("num": 7 or 1.4 in the header's unit; "numB": 1,400)
    unit: str = ""
    group: str = ""  # a name printed over several columns ("Knowledge"), papers only


@dataclass
class Model:
    name: str  # as printed, without footnote marks
    params_b: float | None  # the size its name states, or its size when the table has a column
    tokens_t: float | None


@dataclass
class Cell:
    text: str
    bold: bool = False
    underline: bool = False


@dataclass
class Table:
    columns: list[Column]
    models: list[Model]
    cells: list[list[Cell]]  # one row per model, one cell per column
    title: str | None
    footnote: str | None
    transposed: bool
    settings_row: bool
    cjk: bool

    def grid(self) -> tuple[list[list[Cell]], list[list[Cell]]]:
        """The table as displayed: header lines and body lines of cells."""
        if not self.transposed:
            header = [[Cell(c.header) for c in self.columns]]
            if any(c.group for c in self.columns):
                starts = [c.group if c.group != p.group else "" for p, c in _pairs(self.columns)]
                header.insert(0, [Cell(text) for text in starts])
            if self.settings_row:
                header.append([Cell(c.setting or "") for c in self.columns])
            return header, self.cells
        corner = self.columns[0].header
        header = [[Cell(corner)] + [row[0] for row in self.cells]]
        body = [
            [Cell(column.header)] + [row[i] for row in self.cells]
            for i, column in enumerate(self.columns)
            if i > 0
        ]
        return header, body


def _pairs(columns: list[Column]) -> list[tuple[Column, Column]]:
    """Each column with the one before it (the first with a blank one)."""
    return list(zip([Column("", ""), *columns], columns, strict=False))


# --- building one table -------------------------------------------------------------------


def _size_text(size: float, rng: random.Random) -> str:
    text = f"{size:g}"
    return text + ("b" if rng.random() < 0.3 else "B")


def _pick_models(rng: random.Random, count: int, size_column: bool, hub: bool) -> list[Model]:
    models: list[Model] = []
    seen: set[str] = set()
    while len(models) < count:
        roll = rng.random()
        if size_column and roll < 0.08:
            name, params, tokens = rng.choice(MOE)
            model = Model(name, params, tokens / 1000 if tokens else None)
        elif roll < 0.14:
            model = Model(rng.choice(CLOSED), None, None)
        else:
            spellings, sizes, tokens = rng.choice(FAMILIES)
            family = rng.choice(spellings)
            size = rng.choice(sizes)
            sep = " " if " " in family or rng.random() < 0.2 else "-"
            suffix = rng.choice(SUFFIXES)
            if sep == " ":
                suffix = suffix.replace("-", " ", 1)
            name = f"{family}{sep}{_size_text(size, rng)}{suffix}"
            org = HUB_ORGS.get(family.lower().split("-")[0].split(" ")[0].rstrip("0123456789."))
            if hub and org and " " not in name:
                name = f"{org}/{name}"
            model = Model(name, float(size), tokens / 1000 if tokens else None)
        # "Qwen1.5-7B" and "qwen-1.5 7b" are one model: never two rows of it in one table
        plain = "".join(ch for ch in model.name.lower() if ch.isalnum())
        if plain not in seen:
            seen.add(plain)
            models.append(model)
    return models


def _score_text(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}"


def _params_text(params: float, unit: str) -> str:
    if unit in ("num", "numB"):
        return f"{params:g}"
    return f"{params:g}B"


def _tokens_text(tokens_t: float, unit: str, rng: random.Random) -> str:
    billions = round(tokens_t * 1000)
    if unit == "T":
        return (
            f"{tokens_t:.1f}T"
            if rng.random() < 0.3 and tokens_t * 10 == int(tokens_t * 10)
            else f"{tokens_t:g}T"
        )
    if unit == "B":
        return f"{billions:,}B"
    if unit == "numB":
        return f"{billions:,}"
    return f"{tokens_t:g}"


def make_table(rng: random.Random, style: str) -> Table:
    narrow = style in ("phone", "pil_jpeg")
    cjk = style in ("notion", "phone", "leaderboard", "pil_jpeg") and rng.random() < 0.35
    transposed = style in ("paper_pdf", "notion", "pil_jpeg", "github_dark") and rng.random() < 0.3
    model_count = rng.randint(3, 5) if transposed else rng.randint(3, 6 if narrow else 10)
    size_column = rng.random() < 0.5
    tokens_column = rng.random() < 0.35 and not narrow
    hub = style == "leaderboard" and rng.random() < 0.6
    models = _pick_models(rng, model_count, size_column, hub)
    pool = list(BENCHMARKS) + (CJK_BENCHMARKS if cjk else [])
    bench_count = rng.randint(2, 3) if narrow else rng.randint(3, 7)
    chosen = rng.sample(pool, bench_count)
    if rng.random() < 0.75:
        chosen.insert(rng.randint(0, len(chosen)), MMLU)
    decimals = 2 if rng.random() < 0.3 else 1
    columns = [Column("model", "模型" if cjk else rng.choice(["Model", "Model", "Models", "Name"]))]
    if size_column:
        unit = rng.choice(["B", "num", "numB"])
        header = {"B": rng.choice(["Params", "#Params", "Size", "Model size"]), "num": "Params (B)"}
        columns.append(Column("params", header.get(unit, "Size (B)"), unit=unit))
    if tokens_column:
        unit = rng.choice(["T", "T", "B", "numB", "num"])
        header = {"T": rng.choice(["Tokens", "Training tokens", "# Tokens"]), "B": "Tokens"}
        header |= {"numB": "Tokens (B)", "num": "Tokens (T)"}
        if cjk:
            header["T"] = "训练Token数"
        columns.append(Column("tokens", header[unit], unit=unit))
    grouped = style == "paper_pdf" and not transposed and rng.random() < 0.4
    if grouped:  # papers group their benchmarks under a spanning name
        chosen.sort(key=lambda b: GROUPS.index(GROUP_OF[b[0]]))
    for name, settings, low, high in chosen:
        group = GROUP_OF[name] if grouped else ""
        columns.append(Column("score", name, rng.choice(settings), low, high, decimals, "", group))
    if rng.random() < 0.3:
        columns.append(
            Column(
                "score", "平均" if cjk else rng.choice(["Avg.", "Average"]), "", decimals=decimals
            )
        )
    settings_row = rng.random() < 0.4 and not transposed
    if not settings_row:
        for column in columns:
            column.setting = None
    elif columns[-1].header in ("Avg.", "Average", "平均"):
        columns[-1].setting = None

    marked = rng.random() < 0.3 and style != "leaderboard"
    spread = style == "paper_pdf" and rng.random() < 0.3
    cells: list[list[Cell]] = []
    values: list[list[float | None]] = []
    for model in models:
        mark = "†" if marked and rng.random() < 0.3 else ""
        row = [Cell(model.name + mark)]
        row_values: list[float | None] = [None]
        scores: list[float] = []
        for column in columns[1:]:
            value: float | None = None
            if column.kind == "params":
                text = _params_text(model.params_b, column.unit) if model.params_b else "-"
                value = model.params_b
            elif column.kind == "tokens":
                text = _tokens_text(model.tokens_t, column.unit, rng) if model.tokens_t else "-"
            elif column.header in ("Avg.", "Average", "平均"):
                value = round(sum(scores) / len(scores), decimals) if scores else None
                text = _score_text(value, decimals) if value is not None else "-"
            elif rng.random() < 0.06:
                text = rng.choice(["-", "–", "N/A"]) if style != "leaderboard" else "-"
            else:
                value = round(rng.uniform(column.low, column.high), decimals)
                scores.append(value)
                text = _score_text(value, decimals)
                if spread and rng.random() < 0.7:
                    text += f"±{rng.uniform(0.1, 2.5):.1f}"
                elif marked and rng.random() < 0.08:
                    text += "*"
            row.append(Cell(text))
            row_values.append(value if column.kind == "score" else None)
        cells.append(row)
        values.append(row_values)

    best_marks = (
        style in ("paper_pdf", "github_dark", "notion", "tweet", "pil_jpeg") and rng.random() < 0.7
    )
    if best_marks:
        for j, column in enumerate(columns):
            if column.kind != "score":
                continue
            ranked = sorted({v for line in values if (v := line[j]) is not None}, reverse=True)
            for i, line in enumerate(values):
                if ranked and line[j] == ranked[0]:
                    cells[i][j].bold = True
                elif len(ranked) > 2 and line[j] == ranked[1] and style == "paper_pdf":
                    cells[i][j].underline = True

    title = None
    if rng.random() < 0.5 or style == "paper_pdf":
        number = rng.randint(1, 9)
        if cjk:
            title = rng.choice(
                [f"表{number}：基座模型评测结果", "中文与英文基准上的表现", "主要实验结果"]
            )
        elif style == "paper_pdf":
            title = rng.choice(
                [
                    f"Table {number}: Performance on standard benchmarks.",
                    f"Table {number}: Comparison with open-source base models. Best in bold.",
                    f"Table {number}: Results of chat models on reasoning and knowledge tasks.",
                ]
            )
        else:
            title = rng.choice(
                [
                    "Open LLM evaluation",
                    "Benchmark results",
                    "Base model comparison",
                    "Evaluation (ours)",
                ]
            )
    footnote = None
    if marked or rng.random() < 0.3:
        footnote = (
            "† 表示引用自原论文的结果。"
            if cjk
            else "† results reported by the original authors; * our re-run."
        )
    return Table(columns, models, cells, title, footnote, transposed, settings_row, cjk)


def truth_of(table: Table, style: str) -> dict[str, Any]:
    kinds = [c.kind for c in table.columns]
    rows = []
    for model, row in zip(table.models, table.cells, strict=True):
        mmlu = None
        for column, cell in zip(table.columns, row, strict=True):
            if column.header == "MMLU" and cell.text[:1].isdigit():
                mmlu = float(cell.text.split("±")[0].rstrip("*†"))
        rows.append(
            {
                "model": model.name,
                "params_b": model.params_b,
                "tokens_t": model.tokens_t if "tokens" in kinds else None,
                "mmlu": mmlu,
                "cells": [model.name] + [cell.text for cell in row[1:]],
            }
        )
    return {
        "columns": [c.header for c in table.columns],
        "settings": [c.setting for c in table.columns],
        "rows": rows,
        "style": style,
        "transposed": table.transposed,
        "title": table.title,
    }


# --- renderer 1: reportlab PDF, rasterised by pdfium ---------------------------------------


def render_paper(table: Table, rng: random.Random) -> Image.Image:
    import pypdfium2 as pdfium
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Paragraph
    from reportlab.platypus import Table as PdfTable

    family = rng.choice(["Times", "LiberationSerif", "DejaVuSerif", "FreeSerif"])
    regular, bold = "Times-Roman", "Times-Bold"
    if family != "Times":
        files = {
            "LiberationSerif": (
                "liberation/LiberationSerif-Regular.ttf",
                "liberation/LiberationSerif-Bold.ttf",
            ),
            "DejaVuSerif": ("dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf"),
            "FreeSerif": ("freefont/FreeSerif.ttf", "freefont/FreeSerifBold.ttf"),
        }[family]
        regular, bold = family, family + "-Bold"
        for name, file in zip((regular, bold), files, strict=True):
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
        pdfmetrics.registerFontFamily(
            family, normal=regular, bold=bold, italic=regular, boldItalic=bold
        )
    else:
        family = "Times-Roman"
    size = rng.choice([7.5, 8, 8.5, 9, 10])
    body = ParagraphStyle("body", fontName=regular, fontSize=size, leading=size * 1.2)
    centred = ParagraphStyle("centred", parent=body, alignment=1)

    def para(cell: Cell, first: bool) -> Paragraph:
        text = html.escape(cell.text)
        if cell.bold:
            text = f"<b>{text}</b>"
        if cell.underline:
            text = f"<u>{text}</u>"
        return Paragraph(text, body if first else centred)

    header, lines = table.grid()
    data = [[para(c, j == 0) for j, c in enumerate(r)] for r in header + lines]
    widths = [
        max(pdfmetrics.stringWidth(c.text, bold, size) for c in col) + 18
        for col in zip(*(header + lines), strict=True)
    ]
    pdf_table = PdfTable(data, colWidths=widths)
    style: list[tuple] = [
        ("TOPPADDING", (0, 0), (-1, -1), 1.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6),
        ("LINEABOVE", (0, 0), (-1, 0), 1.0, colors.black),
        ("LINEBELOW", (0, len(header) - 1), (-1, len(header) - 1), 0.5, colors.black),
        ("LINEBELOW", (0, -1), (-1, -1), 1.0, colors.black),
    ]
    if rng.random() < 0.4:
        style.append(("LINEAFTER", (0, 0), (0, -1), 0.5, colors.black))
    if any(c.group for c in table.columns):  # a spanning group name with a rule under it
        first = 0
        for j, (before, column) in enumerate(_pairs(table.columns)):
            if column.group != before.group:
                first = j
            ends = j + 1 == len(table.columns) or table.columns[j + 1].group != column.group
            if column.group and ends:
                style.append(("SPAN", (first, 0), (j, 0)))
                style.append(("LINEBELOW", (first, 0), (j, 0), 0.4, colors.black))
    if rng.random() < 0.25 and len(lines) > 4:  # a midrule splitting groups of models
        split = len(header) + len(lines) // 2 - 1
        style.append(("LINEBELOW", (0, split), (-1, split), 0.4, colors.black))
    pdf_table.setStyle(style)
    table_w, table_h = pdf_table.wrap(2000, 2000)
    page_w = max(table_w, 260) + 40
    caption = Paragraph(
        html.escape(table.title or ""), ParagraphStyle("cap", parent=body, fontSize=size + 0.5)
    )
    _, cap_h = caption.wrap(page_w - 40, 500)
    note_style = ParagraphStyle("note", parent=body, fontSize=size - 1.5, leading=size)
    note = Paragraph(html.escape(table.footnote or ""), note_style)
    _, note_h = note.wrap(page_w - 40, 500)
    page_h = table_h + cap_h + note_h + 60
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(page_w, page_h))
    y = page_h - 20 - cap_h
    caption.drawOn(pdf, 20, y)
    y -= 8 + table_h
    pdf_table.drawOn(pdf, 20 + (page_w - 40 - table_w) / 2, y)
    if table.footnote:
        note.drawOn(pdf, 20, y - 6 - note_h)
    pdf.showPage()
    pdf.save()
    document = pdfium.PdfDocument(buffer.getvalue())
    scale = rng.uniform(1.4, 2.6)
    if page_w * scale > 1600:
        scale = 1600 / page_w
    image = document[0].render(scale=scale).to_pil().convert("RGB")
    document.close()
    return _crop(image, margin=rng.randint(6, 20))


def _crop(image: Image.Image, margin: int) -> Image.Image:
    from PIL import ImageChops

    background = Image.new("RGB", image.size, image.getpixel((0, 0)))
    box = ImageChops.difference(image, background).getbbox()
    if not box:
        return image
    left, top, right, bottom = box
    return image.crop(
        (
            max(left - margin, 0),
            max(top - margin, 0),
            min(right + margin, image.width),
            min(bottom + margin, image.height),
        )
    )


# --- renderer 2: styled HTML pages shot by Chromium ---------------------------------------


def _html_table(table: Table, cell_class: str = "") -> str:
    header, lines = table.grid()

    def cell(c: Cell, tag: str, j: int) -> str:
        text = html.escape(c.text)
        if c.bold:
            text = f"<b>{text}</b>"
        if c.underline:
            text = f"<u>{text}</u>"
        cls = "name" if j == 0 else "num"
        return f'<{tag} class="{cls} {cell_class}">{text}</{tag}>'

    head = "".join(
        "<tr>" + "".join(cell(c, "th", j) for j, c in enumerate(row)) + "</tr>" for row in header
    )
    body = "".join(
        "<tr>" + "".join(cell(c, "td", j) for j, c in enumerate(row)) + "</tr>" for row in lines
    )
    return f"<table><thead>{head}</thead><tbody>{body}</tbody></table>"


def _title_html(table: Table, tag: str) -> str:
    return f"<{tag}>{html.escape(table.title)}</{tag}>" if table.title else ""


def _note_html(table: Table) -> str:
    return f'<p class="note">{html.escape(table.footnote)}</p>' if table.footnote else ""


CJK_FONT = "'WenQuanYi Zen Hei'"


def page_leaderboard(table: Table, rng: random.Random) -> tuple[str, int, float]:
    dark = rng.random() < 0.35
    bg, fg, line, head = (
        ("#0b0f19", "#e5e7eb", "#374151", "#1f2937")
        if dark
        else ("#ffffff", "#1f2937", "#e5e7eb", "#f9fafb")
    )
    link = "#60a5fa" if dark else "#2563eb"
    font = rng.choice(["'Open Sans'", "'Roboto'", "'DejaVu Sans'"])
    size = rng.choice([13, 14, 15])
    css = f"""
    body {{ background:{bg}; color:{fg}; font-family:{font},{CJK_FONT},sans-serif;
           font-size:{size}px; margin:0; }}
    #shot {{ padding:18px; display:inline-block; }}
    h2 {{ font-size:{size + 7}px; margin:0 0 12px; }}
    .frame {{ border:1px solid {line}; border-radius:8px; overflow:hidden; }}
    table {{ border-collapse:collapse; }}
    th {{ background:{head}; text-align:left; font-weight:600; padding:8px 12px;
         border-bottom:1px solid {line}; }}
    thead tr:first-child th:after {{ content:" \\2195"; opacity:.45; font-size:{size - 3}px; }}
    td {{ padding:7px 12px; border-bottom:1px solid {line}; }}
    td.name {{ color:{link}; text-decoration:underline dotted; }}
    td.num, th.num {{ text-align:right; }}
    .note {{ font-size:{size - 2}px; opacity:.7; }}
    """
    frame = f'<div class="frame">{_html_table(table)}</div>'
    body = f'<div id="shot">{_title_html(table, "h2")}{frame}{_note_html(table)}</div>'
    return f"<style>{css}</style>{body}", 1400, rng.choice([1, 1, 1.25])


def page_github_dark(table: Table, rng: random.Random) -> tuple[str, int, float]:
    align = rng.choice(["center", "right", "left"])
    zebra = "#161b22" if rng.random() < 0.7 else "#0d1117"
    css = f"""
    body {{ background:#0d1117; color:#e6edf3;
           font-family:'Liberation Sans','DejaVu Sans',{CJK_FONT},sans-serif;
           font-size:{rng.choice([14, 15, 16])}px; margin:0; }}
    #shot {{ padding:20px 24px; display:inline-block; }}
    h2 {{ border-bottom:1px solid #30363d; padding-bottom:6px; font-size:1.5em; margin:0 0 14px; }}
    table {{ border-collapse:collapse; }}
    th, td {{ border:1px solid #30363d; padding:6px 13px; }}
    th {{ font-weight:600; }}
    td.num, th.num {{ text-align:{align}; }}
    tbody tr:nth-child(2n) {{ background:{zebra}; }}
    .note {{ color:#8b949e; font-size:0.85em; }}
    """
    body = f'<div id="shot">{_title_html(table, "h2")}{_html_table(table)}{_note_html(table)}</div>'
    return f"<style>{css}</style>{body}", 1300, rng.choice([1, 1, 2])


def page_notion(table: Table, rng: random.Random) -> tuple[str, int, float]:
    css = f"""
    body {{ background:#ffffff; color:#37352f;
           font-family:'Roboto','Open Sans',{CJK_FONT},sans-serif;
           font-size:{rng.choice([14, 15, 16])}px; margin:0; }}
    #shot {{ padding:28px 40px; display:inline-block; }}
    h1 {{ font-size:30px; font-weight:700; margin:0 0 18px; }}
    table {{ border-collapse:collapse; }}
    th, td {{ border:1px solid #e9e9e7; padding:7px 10px; text-align:left; }}
    th {{ color:#787774; font-weight:500; background:#f7f6f3; }}
    .note {{ color:#9b9a97; font-size:13px; }}
    """
    body = f'<div id="shot">{_title_html(table, "h1")}{_html_table(table)}{_note_html(table)}</div>'
    return f"<style>{css}</style>{body}", 1200, rng.choice([1, 1.5, 2])


def page_tweet(table: Table, rng: random.Random) -> tuple[str, int, float]:
    dark = rng.random() < 0.4
    bg, fg, sub, line = (
        ("#000000", "#e7e9ea", "#71767b", "#2f3336")
        if dark
        else ("#ffffff", "#0f1419", "#536471", "#cfd9de")
    )
    names = [
        ("Ada Research", "@ada_lab"),
        ("Open Models Daily", "@openmodels"),
        ("Lin Wei 林伟", "@linwei_ml"),
    ]
    name, handle = rng.choice(names)
    first = table.models[0].name
    text = rng.choice(
        [
            f"Our new {first} is out! Beats every open model of its size on these benchmarks:",
            f"Evaluated {len(table.models)} models on the usual suite. Some surprises:",
            "Numbers are in. Full report in the thread.",
        ]
    )
    css = f"""
    body {{ background:{bg}; color:{fg}; margin:0;
           font-family:'Roboto','DejaVu Sans',{CJK_FONT},sans-serif; }}
    #shot {{ width:560px; padding:14px 16px; }}
    .top {{ display:flex; gap:10px; align-items:center; }}
    .avatar {{ width:44px; height:44px; border-radius:50%;
               background:linear-gradient(135deg,#1d9bf0,#7856ff); }}
    .who b {{ display:block; font-size:15px; }} .who span {{ color:{sub}; font-size:15px; }}
    .text {{ font-size:16px; line-height:1.35; margin:10px 0; }}
    .media {{ border:1px solid {line}; border-radius:16px; overflow:hidden;
              background:#ffffff; color:#111;
              padding:14px; font-family:'Liberation Serif','DejaVu Serif',{CJK_FONT},serif; }}
    .media h4 {{ margin:0 0 8px; font-size:13px; font-weight:normal; }}
    table {{ border-collapse:collapse; font-size:{rng.choice([11, 12, 13])}px; width:100%; }}
    thead tr:first-child th {{ border-top:2px solid #111; }}
    thead tr:last-child th {{ border-bottom:1px solid #111; }}
    tbody tr:last-child td {{ border-bottom:2px solid #111; }}
    th, td {{ padding:3px 6px; }} td.num, th.num {{ text-align:center; }}
    .note {{ font-size:10px; color:#444; margin:6px 0 0; }}
    .meta {{ color:{sub}; font-size:15px; margin-top:12px; }}
    """
    inner = _title_html(table, "h4") + _html_table(table) + _note_html(table)
    media = f'<div class="media">{inner}</div>'
    body = (
        '<div id="shot"><div class="top"><div class="avatar"></div>'
        f'<div class="who"><b>{html.escape(name)}</b>'
        f'<span>{handle}</span></div></div><div class="text">{html.escape(text)}</div>{media}'
        f'<div class="meta">10:42 AM · Mar {rng.randint(1, 28)}, 2024 · '
        f"{rng.randint(5, 900)}K Views</div></div>"
    )
    return f"<style>{css}</style>{body}", 600, rng.choice([1, 1.5, 2])


def page_phone(table: Table, rng: random.Random) -> tuple[str, int, float]:
    width = rng.choice([360, 390, 412])
    css = f"""
    body {{ background:#ffffff; color:#222; font-family:{CJK_FONT},'Roboto',sans-serif; margin:0; }}
    #shot {{ width:{width}px; }}
    .bar {{ display:flex; justify-content:space-between; padding:6px 18px;
            font-size:14px; font-weight:600; }}
    .nav {{ border-bottom:1px solid #eee; padding:8px 14px; font-size:15px; color:#576b95; }}
    .article {{ padding:10px 14px; }}
    .article h3 {{ font-size:19px; margin:4px 0 10px; }}
    .article p {{ font-size:15px; line-height:1.6; color:#333; }}
    table {{ border-collapse:collapse; font-size:{rng.choice([11, 12, 13])}px; width:100%; }}
    th {{ background:{rng.choice(["#eef3fb", "#f2f2f2", "#fff3e0"])}; }}
    th, td {{ border:1px solid #dcdcdc; padding:4px 3px; text-align:center; }}
    td.name {{ text-align:left; }}
    .note {{ font-size:12px; color:#888; }}
    """
    intro = (
        "下表为各模型在主要基准上的得分。"
        if table.cjk
        else "Here is how the models compare on the main benchmarks."
    )
    body = (
        f'<div id="shot"><div class="bar"><span>9:{rng.randint(10, 59)}</span>'
        "<span>5G ▮▮▮ 87%</span></div>"
        f'<div class="nav">‹ {"返回" if table.cjk else "Back"}</div>'
        f'<div class="article">{_title_html(table, "h3")}'
        f"<p>{intro}</p>{_html_table(table)}{_note_html(table)}</div></div>"
    )
    return f"<style>{css}</style>{body}", width, rng.choice([2, 2.625, 3])


PAGES = {
    "leaderboard": page_leaderboard,
    "github_dark": page_github_dark,
    "notion": page_notion,
    "tweet": page_tweet,
    "phone": page_phone,
}


# A table wider than its frame would be cut off in the shot (and the truth would list
# columns nobody can see): the page then grows to the table's width instead.
WIDEN_IF_CLIPPED = """() => {
  const shot = document.querySelector('#shot');
  const table = shot.querySelector('table');
  const frame = table.parentElement.getBoundingClientRect();
  if (table.getBoundingClientRect().right > frame.right + 0.5) {
    const width = shot.getBoundingClientRect().width;
    shot.style.width = 'max-content';
    shot.style.minWidth = width + 'px';
  }
}"""


class Browser:
    """One headless Chromium for the whole set (started on first use)."""

    def __init__(self) -> None:
        self._playwright: Any = None
        self._browser: Any = None

    def shoot(self, page_html: str, width: int, scale: float) -> Image.Image:
        if self._browser is None:
            from playwright.sync_api import sync_playwright

            self._playwright = sync_playwright().start()
            self._browser = self._playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_FLAGS[1:]
            )
        page = self._browser.new_page(
            viewport={"width": width, "height": 900}, device_scale_factor=scale
        )
        try:
            page.set_content(f"<!doctype html><meta charset='utf-8'>{page_html}")
            page.evaluate(WIDEN_IF_CLIPPED)
            png = page.locator("#shot").screenshot(type="png")
        finally:
            page.close()
        return Image.open(io.BytesIO(png)).convert("RGB")

    def close(self) -> None:
        if self._browser is not None:
            self._browser.close()
            self._playwright.stop()


# --- renderers 3 and 4: PIL drawing ----------------------------------------------------------

SANS = [
    ("liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf"),
    ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),
    ("freefont/FreeSans.ttf", "freefont/FreeSansBold.ttf"),
    ("liberation/LiberationSansNarrow-Regular.ttf", "liberation/LiberationSansNarrow-Bold.ttf"),
]
CJK_FILE = "wqy/wqy-zenhei.ttc"


def _has_cjk(text: str) -> bool:
    return any("\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" for ch in text)


def draw_table(table: Table, rng: random.Random, size: int, dark: bool) -> Image.Image:
    regular_file, bold_file = rng.choice(SANS)
    regular = ImageFont.truetype(str(FONT_DIR / regular_file), size)
    bold = ImageFont.truetype(str(FONT_DIR / bold_file), size)
    cjk = ImageFont.truetype(str(FONT_DIR / CJK_FILE), size)
    header, lines = table.grid()
    grid = header + lines

    def font(c: Cell, row: int) -> ImageFont.FreeTypeFont:
        if _has_cjk(c.text):
            return cjk
        return bold if c.bold or (row < len(header) and rng_header_bold) else regular

    rng_header_bold = rng.random() < 0.7
    pad_x, pad_y = max(size // 2, 4), max(size // 3, 3)
    col_w = [
        max(int(font(r[j], i).getlength(r[j].text)) for i, r in enumerate(grid)) + 2 * pad_x
        for j in range(len(grid[0]))
    ]
    row_h = size + 2 * pad_y + 2
    title_h = int(size * 1.8) if table.title else 0
    note_h = int(size * 1.6) if table.footnote else 0
    margin = rng.randint(4, 14)
    width = sum(col_w) + 2 * margin
    for line in (table.title, table.footnote):
        if line:
            width = max(width, int(cjk.getlength(line)) + 2 * margin)
    height = title_h + row_h * len(grid) + note_h + 2 * margin
    bg, fg, rule = (
        ((30, 30, 34), (225, 225, 225), (90, 90, 96))
        if dark
        else ((255, 255, 255), (20, 20, 20), (150, 150, 150))
    )
    header_fill = (
        (52, 56, 66) if dark else rng.choice([(230, 236, 245), (240, 240, 240), (255, 242, 204)])
    )
    zebra = (40, 40, 46) if dark else (246, 246, 246)
    ruled = rng.random() < 0.6
    image = Image.new("RGB", (width, height), bg)
    draw = ImageDraw.Draw(image)
    y = margin
    if table.title:
        draw.text((margin, y), table.title, font=cjk if _has_cjk(table.title) else bold, fill=fg)
        y += title_h
    top = y
    for i, row in enumerate(grid):
        if i < len(header):
            draw.rectangle((margin, y, margin + sum(col_w), y + row_h), fill=header_fill)
        elif (i - len(header)) % 2 == 1 and not ruled:
            draw.rectangle((margin, y, margin + sum(col_w), y + row_h), fill=zebra)
        x = margin
        for j, c in enumerate(row):
            f = font(c, i)
            w = f.getlength(c.text)
            tx = x + pad_x if j == 0 else x + (col_w[j] - w) / 2
            draw.text((tx, y + pad_y), c.text, font=f, fill=fg)
            if c.underline:
                draw.line((tx, y + pad_y + size + 1, tx + w, y + pad_y + size + 1), fill=fg)
            x += col_w[j]
        y += row_h
        if not ruled and i == len(header) - 1:
            draw.line((margin, y, margin + sum(col_w), y), fill=fg, width=1)
    if ruled:
        for k in range(len(grid) + 1):
            draw.line((margin, top + k * row_h, margin + sum(col_w), top + k * row_h), fill=rule)
        x = margin
        for w in [*col_w, 0]:
            draw.line((x, top, x, top + row_h * len(grid)), fill=rule)
            x += w
    if table.footnote:
        draw.text((margin, y + size // 3), table.footnote, font=cjk, fill=fg)
    return image


def render_pil_jpeg(table: Table, rng: random.Random) -> Image.Image:
    image = draw_table(table, rng, rng.randint(11, 15), dark=rng.random() < 0.2)
    if rng.random() < 0.4:
        factor = rng.uniform(0.8, 0.95)
        image = image.resize(
            (int(image.width * factor), int(image.height * factor)), Image.Resampling.BILINEAR
        )
    if rng.random() < 0.25:
        image = image.rotate(
            rng.uniform(-1.5, 1.5),
            resample=Image.Resampling.BICUBIC,
            expand=True,
            fillcolor=image.getpixel((0, 0)),
        )
    return image


def render_photo(table: Table, rng: random.Random) -> Image.Image:
    import numpy as np

    dark = rng.random() < 0.4
    image = draw_table(table, rng, rng.randint(18, 26), dark=dark)
    bezel = (12, 12, 14)
    framed = Image.new("RGB", (image.width + 60, image.height + 60), bezel)
    framed.paste(image, (30, 30))
    angle = rng.choice([-1, 1]) * rng.uniform(1.0, 2.0)
    framed = framed.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=bezel)
    pixels = np.asarray(framed).astype(np.float32)
    h, w = pixels.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w]
    light = 0.82 + 0.25 * np.exp(
        -(((xx - w * rng.uniform(0.2, 0.8)) / w) ** 2 + ((yy - h * 0.4) / h) ** 2) * 2.5
    )
    moire = 1 + 0.03 * np.sin(2 * math.pi * (xx * 0.9 + yy * 0.35) / rng.uniform(5, 9))
    tint = np.array(
        rng.choice([(1.0, 0.97, 0.9), (0.93, 0.97, 1.0), (1.0, 1.0, 1.0)]), dtype=np.float32
    )
    pixels = pixels * (light * moire)[..., None] * tint
    pixels += np.random.default_rng(rng.randint(0, 2**31)).normal(0, 6, pixels.shape)
    framed = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    framed = framed.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 0.9)))
    if framed.width > 1600:
        factor = 1600 / framed.width
        framed = framed.resize((1600, int(framed.height * factor)), Image.Resampling.LANCZOS)
    return framed


# --- the set ---------------------------------------------------------------------------------


def _fit_width(image: Image.Image) -> Image.Image:
    if image.width <= 1600:
        return image
    factor = 1600 / image.width
    return image.resize((1600, round(image.height * factor)), Image.Resampling.LANCZOS)


def generate(out: Path, count: int, seed: int) -> dict[str, dict[str, Any]]:
    """Writes ``count`` images and ``truth.json`` to ``out``; the same seed gives the same set."""
    out.mkdir(parents=True, exist_ok=True)
    browser = Browser()
    truth: dict[str, dict[str, Any]] = {}
    try:
        for index in range(count):
            style = STYLES[index % len(STYLES)]
            rng = random.Random(f"heldout-{seed}-{index}")
            table = make_table(rng, style)
            jpeg_quality: int | None = None
            if style == "paper_pdf":
                image = render_paper(table, rng)
            elif style in PAGES:
                page_html, width, scale = PAGES[style](table, rng)
                image = _fit_width(browser.shoot(page_html, width, scale))
                if style in ("phone", "tweet") and rng.random() < 0.6:
                    jpeg_quality = rng.randint(70, 90)
            elif style == "pil_jpeg":
                image = render_pil_jpeg(table, rng)
                jpeg_quality = rng.randint(35, 75)
            else:
                image = render_photo(table, rng)
                jpeg_quality = rng.randint(60, 82)
            name = f"heldout_{index:03d}_{style}.{'jpg' if jpeg_quality else 'png'}"
            if jpeg_quality:
                image.save(out / name, quality=jpeg_quality)
            else:
                image.save(out / name)
            truth[name] = truth_of(table, style)
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False))
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--seed", type=int, default=5000)
    args = parser.parse_args()
    truth = generate(args.out, args.count, args.seed)
    print(f"wrote {len(truth)} tables to {args.out}")


if __name__ == "__main__":
    main()
