"""A paper's table as a PDF viewer shows it: a page on the viewer's grey, its toolbar above,
paragraphs of body text above and below the table (or beside it, in the other column of a
two-column page), at a zoom between 67 and 150 %, antialiased in grey or in subpixel
colour fringes, sometimes saved as JPEG.

The table is LaTeX-like: booktabs rules, a caption above or below ("Table 3: ..."),
serif faces (Computer Modern, STIX, FreeSerif and Liberation Serif, Times-like), two-level
headers of both kinds (a group title over benchmark names, "Reasoning" over "BBH GSM8K";
a benchmark over its settings or metrics, "MMLU" over "0-shot 5-shot" or "HumanEval" over
"pass@1"), the first column's name set between the two header lines, column names on two
lines ("Hella" over "Swag", "#Params" over "(B)"), a column of sizes, "±" spreads, the best
value bold and the second underlined, superscript footnote marks ("†", "*") on names and
values, "–" for a missing value and italic section lines ("Open-source models"), set left
or centred across the table.

Truth names a benchmark column by its benchmark (a group title over benchmark names is no
part of them, as imgread reads it); a benchmark over two settings gives two columns of one
name, scored (as the reader's scores are) by the last.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import matplotlib
import numpy as np
from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from looks.common import MODELS, size_of

TTF = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
LIBERATION = Path("/usr/share/fonts/truetype/liberation")
FREE = Path("/usr/share/fonts/truetype/freefont")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
# (regular, bold, italic): TeX's Computer Modern and Times-like faces, as papers print.
FACES = [
    (TTF / "cmr10.ttf", TTF / "cmb10.ttf", TTF / "cmti10.ttf"),
    (TTF / "STIXGeneral.ttf", TTF / "STIXGeneralBol.ttf", TTF / "STIXGeneralItalic.ttf"),
    (FREE / "FreeSerif.ttf", FREE / "FreeSerifBold.ttf", FREE / "FreeSerifItalic.ttf"),
    (
        LIBERATION / "LiberationSerif-Regular.ttf",
        LIBERATION / "LiberationSerif-Bold.ttf",
        LIBERATION / "LiberationSerif-Italic.ttf",
    ),
    (
        DEJAVU / "DejaVuSerif.ttf",
        DEJAVU / "DejaVuSerif-Bold.ttf",
        DEJAVU / "DejaVuSerif-Italic.ttf",
    ),
]
SYMBOLS = TTF / "STIXGeneral.ttf"  # what a face lacks ("†", "–") is set from a math font
UI_FONT = DEJAVU / "DejaVuSans.ttf"

GROUPS = {
    "Knowledge": ["MMLU", "TriviaQA"],
    "Reasoning": ["BBH", "ARC-C", "HellaSwag"],
    "Math": ["GSM8K", "MATH"],
    "Code": ["HumanEval", "MBPP"],
    "Commonsense": ["PIQA", "Winogrande"],
}
# A benchmark over its settings or its metric.
SETTINGS = {
    "MMLU": [["0-shot", "5-shot"], ["5-shot"], ["Acc."]],
    "GSM8K": [["EM"], ["8-shot"], ["0-shot", "8-shot"]],
    "HumanEval": [["pass@1"], ["pass@1", "pass@10"]],
    "MBPP": [["pass@1"]],
    "TriviaQA": [["EM"], ["EM", "F1"]],
    "ARC-C": [["Acc."], ["25-shot"]],
    "BBH": [["3-shot"], ["EM"]],
    "MATH": [["4-shot"], ["EM"]],
}
FLAT = ["MMLU", "GSM8K", "HumanEval", "ARC-C", "BBH", "HellaSwag", "MATH", "TriviaQA", "PIQA"]
# Where a two-line header breaks a name (bench() compares names without spaces).
BREAKS = {"HellaSwag": ("Hella", "Swag"), "HumanEval": ("Human", "Eval"),
          "TriviaQA": ("Trivia", "QA"), "Winogrande": ("Wino", "grande")}
SECTIONS = [
    ("Open-source models", "Proprietary models"),
    ("Base models", "Instruction-tuned models"),
    ("Pretrained", "Fine-tuned"),
    ("Baselines", "Ours"),
]
CAPTIONS = [
    "Table {n}: Results on standard benchmarks. The best result is in bold and the second "
    "best is underlined.",
    "Table {n}. Comparison with open models of similar size. All results are our own "
    "evaluation unless marked with †.",
    "Table {n}: Few-shot evaluation results of base models on knowledge, reasoning, "
    "math and code benchmarks.",
    "Table {n}: Main results.",
]
PROSE = (
    "we evaluate the model on a broad set of benchmarks covering knowledge reasoning "
    "mathematics and code generation following the standard protocol of prior work the "
    "results show that our approach outperforms baselines of comparable size while using "
    "fewer training tokens in particular the gains are largest on tasks that require "
    "multi-step reasoning we report accuracy averaged over three runs with different seeds "
    "and note that scores of proprietary systems are taken from their technical reports "
    "where available as shown in the table instruction tuning improves performance across "
    "all settings data contamination is discussed in the appendix"
)
WORDS = PROSE.split()


@cache
def _cmap(path: Path) -> set[int]:
    return set(TTFont(str(path)).getBestCmap())


@cache
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size)


@dataclass
class Face:
    regular: Path
    bold: Path
    italic: Path
    size: int  # px, supersampled

    def font(self, kind: str = "regular", scale: float = 1.0) -> ImageFont.FreeTypeFont:
        return _font(getattr(self, kind), max(4, round(self.size * scale)))

    def runs(self, text: str, kind: str, scale: float) -> list[tuple[str, ImageFont.FreeTypeFont]]:
        """The text in runs of one font: a glyph the face lacks comes from the symbol font."""
        path = getattr(self, kind)
        out: list[tuple[str, ImageFont.FreeTypeFont]] = []
        for char in text:
            font = (
                self.font(kind, scale)
                if ord(char) in _cmap(path) or char == " "
                else _font(SYMBOLS, max(4, round(self.size * scale)))
            )
            if out and out[-1][1] is font:
                out[-1] = (out[-1][0] + char, font)
            else:
                out.append((char, font))
        return out

    def width(self, text: str, kind: str = "regular", scale: float = 1.0) -> float:
        return sum(font.getlength(part) for part, font in self.runs(text, kind, scale))

    def draw(
        self, draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str,
        kind: str = "regular", scale: float = 1.0, fill: tuple[int, int, int] = (0, 0, 0),
    ) -> float:
        x, y = xy
        ascent = self.font(kind, scale).getmetrics()[0]  # runs of other fonts share its baseline
        for part, font in self.runs(text, kind, scale):
            draw.text((x, y + ascent - font.getmetrics()[0]), part, fill=fill, font=font)
            x += font.getlength(part)
        return x


@dataclass
class Text:
    """A cell: its text, a superscript mark after it, bold or underlined."""

    text: str
    mark: str = ""
    kind: str = "regular"
    underline: bool = False

    def width(self, face: Face) -> float:
        return face.width(self.text, self.kind) + (
            face.width(self.mark, "regular", 0.65) if self.mark else 0.0
        )


@dataclass
class Spec:
    columns: list[str]  # truth names
    settings: list[str | None]
    header_top: list[tuple[str, int, int]]  # (text, first column, last column) on the top line
    header_low: list[list[str]]  # per column: its lines on the lower header level
    model_middle: bool  # the first column's name set between the two header lines
    rows: list[list[Text]]
    sections: dict[int, str] = field(default_factory=dict)  # row index -> label above it
    centred_sections: bool = False


def _value_text(rng: random.Random, value: float, spread: bool, mark: bool) -> Text:
    text = f"{value:.1f}"
    if spread:
        text += f"±{rng.uniform(0.1, 2.4):.1f}"
    return Text(text, mark=rng.choice(["*", "†"]) if mark else "")


def _spec(rng: random.Random) -> tuple[Spec, list[dict]]:
    kind = rng.choice(["flat", "groups", "settings"])
    size_col = rng.choice([None, "Size", "#Params (B)", "Params"])
    benches: list[str] = []
    settings: list[str | None] = []
    top: list[tuple[str, int, int]] = []
    first = 2 if size_col else 1
    if kind == "flat":
        benches = rng.sample(FLAT, rng.randint(3, 6))
        settings = [None] * len(benches)
    elif kind == "groups":
        for name in rng.sample(list(GROUPS), rng.randint(2, 3)):
            members = rng.sample(GROUPS[name], rng.randint(1, len(GROUPS[name])))
            if len(members) > 1 or rng.random() < 0.5:
                top.append((name, first + len(benches), first + len(benches) + len(members) - 1))
            benches += members
            settings += [None] * len(members)
    else:
        for name in rng.sample(list(SETTINGS), rng.randint(2, 4)):
            states = rng.choice(SETTINGS[name])
            top.append((name, first + len(benches), first + len(benches) + len(states) - 1))
            benches += [name] * len(states)
            settings += states
    two_line_names = rng.random() < 0.4
    low: list[list[str]] = [["Model"]]
    if size_col == "#Params (B)":
        low.append(["#Params", "(B)"] if two_line_names else ["#Params (B)"])
    elif size_col:
        low.append([size_col])
    if kind == "settings":
        low += [[s] for s in settings if s]
    else:
        low += [list(BREAKS[b]) if two_line_names and b in BREAKS else [b] for b in benches]
    columns = ["Model"] + ([size_col] if size_col else []) + benches
    settings = [None] * first + settings

    models = rng.sample(MODELS, rng.randint(4, 9))
    spread = rng.random() < 0.25
    marks = rng.random() < 0.35
    values = [
        [None if rng.random() < 0.08 else round(rng.uniform(12, 89), 1) for _ in benches]
        for _ in models
    ]
    ranked = {
        c: sorted((v[c], r) for r, v in enumerate(values) if v[c] is not None)[::-1]
        for c in range(len(benches))
    }
    rows: list[list[Text]] = []
    truths = []
    for r, model in enumerate(models):
        cells = [Text(model, mark=rng.choice(["†", "*", "‡"]) if marks and rng.random() < 0.3
                      else "")]
        size = size_of(model)
        if size_col:
            shown = "–" if size is None else (f"{size:g}B" if size_col == "Size" else f"{size:g}")
            cells.append(Text(shown))
        for c, value in enumerate(values[r]):
            if value is None:
                cells.append(Text(rng.choice(["–", "-", "—"])))
                continue
            cell = _value_text(rng, value, spread, marks and rng.random() < 0.15)
            order = [row for _, row in ranked[c]]
            if order[:1] == [r]:
                cell.kind = "bold"
            elif len(order) > 1 and order[1] == r and rng.random() < 0.8:
                cell.underline = True
            cells.append(cell)
        rows.append(cells)
        mmlu = next((v for b, v in zip(benches, values[r], strict=True) if b == "MMLU"), None)
        truth_cells = [model] + ([cells[1].text.replace("–", "-")] if size_col else [])
        truth_cells += ["-" if v is None else f"{v:.1f}" for v in values[r]]
        truths.append(
            {"model": model, "params_b": size, "tokens_t": None, "mmlu": mmlu,
             "cells": truth_cells}
        )
    sections: dict[int, str] = {}
    if rng.random() < 0.45:
        pair = rng.choice(SECTIONS)
        split = rng.randint(1, len(models) - 1)
        sections = {0: pair[0], split: pair[1]} if rng.random() < 0.6 else {split: pair[1]}
    spec = Spec(
        columns=columns, settings=settings, header_top=top, header_low=low,
        model_middle=bool(top) and rng.random() < 0.5, rows=rows, sections=sections,
        centred_sections=rng.random() < 0.5,
    )
    return spec, truths


def _paragraph(rng: random.Random, face: Face, width: float) -> list[str]:
    """Lines of body text filling ``width``; now and then a number ("45.2%")."""
    lines, line = [], ""
    for _ in range(rng.randint(25, 70)):
        word = rng.choice(WORDS)
        if rng.random() < 0.04:
            word = f"{rng.uniform(10, 90):.1f}%"
        trial = f"{line} {word}".strip()
        if face.width(trial) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    lines.append(line)
    lines[0] = lines[0][:1].upper() + lines[0][1:]
    return lines


def _draw_table(
    draw: ImageDraw.ImageDraw, face: Face, spec: Spec, x0: float, y0: float,
) -> tuple[float, float]:
    """The table at (x0, y0), its booktabs rules included; returns its width and bottom."""
    u = face.size
    pad = 0.55 * u
    n = len(spec.columns)
    widths = []
    for c in range(n):
        texts = [face.width(line) for line in spec.header_low[c]]
        texts += [row[c].width(face) for row in spec.rows]
        widths.append(max(texts) + 2 * pad)
    for text, a, b in spec.header_top:
        span = sum(widths[a : b + 1])
        need = face.width(text) + 2 * pad
        if need > span:
            widths[b] += need - span
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    right = xs[-1]
    pitch = 1.3 * u
    thick, thin = max(2, round(u / 11)), max(1, round(u / 20))
    y = y0
    draw.line((x0, y, right, y), fill="black", width=thick)
    y += 0.35 * u

    def centre(c: int, text: str, yy: float, kind: str = "regular") -> None:
        if c == 0:
            face.draw(draw, (xs[0] + pad, yy), text, kind)
        else:
            face.draw(draw, ((xs[c] + xs[c + 1] - face.width(text, kind)) / 2, yy), text, kind)

    low_lines = max(len(lines) for lines in spec.header_low)
    if spec.header_top:
        for text, a, b in spec.header_top:
            face.draw(draw, ((xs[a] + xs[b + 1] - face.width(text)) / 2, y), text)
            rule_y = y + 1.15 * u
            draw.line((xs[a] + pad / 2, rule_y, xs[b + 1] - pad / 2, rule_y), fill="black",
                      width=thin)
        top_y = y
        y += pitch + 0.15 * u
    else:
        top_y = y
    for c, lines in enumerate(spec.header_low):
        if c == 0 and spec.model_middle:
            centre(0, lines[0], (top_y + y) / 2)
            continue
        start = y + (low_lines - len(lines)) * 0.5 * 1.1 * u
        for k, line in enumerate(lines):
            centre(c, line, start + k * 1.1 * u)
    y += (low_lines - 1) * 1.1 * u + pitch
    draw.line((x0, y, right, y), fill="black", width=thin)
    y += 0.3 * u
    for r, row in enumerate(spec.rows):
        if r in spec.sections:
            label = spec.sections[r]
            if r:
                draw.line((x0, y, right, y), fill="black", width=thin)
                y += 0.3 * u
            if spec.centred_sections:
                face.draw(draw, ((x0 + right - face.width(label, "italic")) / 2, y), label,
                          "italic")
            else:
                face.draw(draw, (xs[0] + pad, y), label, "italic")
            y += pitch
        for c, cell in enumerate(row):
            w = cell.width(face)
            x = xs[0] + pad if c == 0 else (xs[c] + xs[c + 1] - w) / 2
            end = face.draw(draw, (x, y), cell.text, cell.kind)
            if cell.mark:
                face.draw(draw, (end, y - 0.25 * u), cell.mark, "regular", 0.65)
            if cell.underline:
                base = y + 1.08 * u
                draw.line((x, base, end, base), fill="black", width=thin)
        y += pitch
    y += 0.05 * u
    draw.line((x0, y, right, y), fill="black", width=thick)
    return right - x0, y + thick


def _subpixel(image: Image.Image, width: int, height: int) -> Image.Image:
    """LCD antialiasing: three subpixels a pixel, each sampled at its own third."""
    grey = np.asarray(image.convert("L").resize((3 * width, height), Image.LANCZOS), float)
    kernel = np.array([1, 2, 3, 2, 1], float) / 9  # the FIR filter that tames the fringes
    smooth = np.apply_along_axis(lambda row: np.convolve(row, kernel, "same"), 1, grey)
    rgb = np.stack([smooth[:, k::3] for k in range(3)], axis=2)
    return Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8), "RGB")


def _viewer(rng: random.Random, page: Image.Image, zoom: float) -> Image.Image:
    """The page on the viewer's grey, a toolbar above, a shadow at the page's edge; the
    screenshot may cut the page at its sides."""
    dark = rng.random() < 0.6
    ground = (82, 86, 89) if dark else (rng.randint(200, 232),) * 3
    bar = (50, 54, 57) if dark else (246, 246, 246)
    ink = (235, 235, 235) if dark else (40, 40, 40)
    margin = rng.randint(0, 60)
    toolbar = 40
    canvas = Image.new("RGB", (page.width + 2 * margin, page.height + toolbar + 20), ground)
    draw = ImageDraw.Draw(canvas)
    shadow = (0, 0, 0) if dark else (150, 150, 150)
    draw.rectangle((margin + 3, toolbar + 13, margin + page.width + 3, canvas.height), fill=shadow)
    canvas.paste(page, (margin, toolbar + 10))
    draw.rectangle((0, 0, canvas.width, toolbar), fill=bar)
    ui = _font(UI_FONT, 14)
    pages = rng.randint(8, 40)
    if canvas.width > 560:  # a narrow window shows no file name
        draw.text((12, 12), f"paper_{rng.randint(1000, 9999)}.pdf", fill=ink, font=ui)
    middle = canvas.width // 2 - 90
    draw.text((middle, 12), f"{rng.randint(2, pages)} / {pages}", fill=ink, font=ui)
    draw.text((middle + 80, 12), f"—   {round(zoom * 100)}%   +", fill=ink, font=ui)
    draw.text((canvas.width - 60, 12), "⤓  ⎙", fill=ink, font=ui)
    return canvas


def render(rng: random.Random, spec: Spec, caption: str, dagger_note: bool) -> Image.Image:
    faces = rng.choice(FACES)
    zoom = rng.uniform(0.67, 1.5)
    px = rng.uniform(11.5, 14.0) * zoom  # a 9-10 pt table font at 96 dpi, zoomed
    ss = 3  # drawn three times larger, then antialiased down
    face = Face(*faces, size=round(px * ss))
    body = Face(*faces, size=round(px * 1.08 * ss))
    u = face.size
    scratch = ImageDraw.Draw(Image.new("RGB", (8, 8)))
    table_w, _ = _draw_table(scratch, face, spec, 0, 0)
    two_column = rng.random() < 0.35
    col_gap = 2.2 * u
    column_w = max(table_w, 24 * u)
    page_w = 2 * 5 * u + (2 * column_w + col_gap if two_column else column_w)
    page_h = int(90 * u)
    page = Image.new("RGB", (int(page_w), page_h), "white")
    draw = ImageDraw.Draw(page)
    left = 5 * u
    line_h = 1.25 * body.size
    y = 3 * u
    for line in _paragraph(rng, body, column_w)[: rng.randint(2, 8)]:
        body.draw(draw, (left, y), line)
        y += line_h
    y += 1.2 * u
    table_x = left + (column_w - table_w) / 2
    small = Face(*faces, size=round(px * 0.95 * ss))
    caption_lines = _paragraph_of(caption, small, column_w)
    above = rng.random() < 0.6
    if above:
        for line in caption_lines:
            small.draw(draw, (left, y), line)
            y += 1.2 * small.size
        y += 0.5 * u
    _, y = _draw_table(draw, face, spec, table_x, y)
    y += 0.8 * u
    if dagger_note:
        small.draw(draw, (table_x, y), "† Results reported by the model's authors.")
        y += 1.3 * small.size
    if not above:
        y += 0.2 * u
        for line in caption_lines:
            small.draw(draw, (left, y), line)
            y += 1.2 * small.size
    y += 1.2 * u
    for line in _paragraph(rng, body, column_w)[: rng.randint(2, 8)]:
        body.draw(draw, (left, y), line)
        y += line_h
    if two_column:  # the other column runs its text beside the table
        x = left + column_w + col_gap
        yy = 3 * u
        while yy < y:
            for line in _paragraph(rng, body, column_w):
                if yy >= y:
                    break
                body.draw(draw, (x, yy), line)
                yy += line_h
            yy += 0.6 * u
    page = page.crop((0, 0, page.width, int(y + 2 * u)))
    width, height = round(page.width / ss), round(page.height / ss)
    if rng.random() < 0.4:
        page = _subpixel(page, width, height)
    else:
        page = page.resize((width, height), Image.LANCZOS)
    shot = _viewer(rng, page, zoom)
    if rng.random() < 0.2:  # a window's scaling blurs it a little
        shot = shot.filter(ImageFilter.GaussianBlur(0.4))
    return shot


def _paragraph_of(text: str, face: Face, width: float) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if face.width(trial) > width and line:
            lines.append(line)
            line = word
        else:
            line = trial
    return [*lines, line]


def generate(out: Path, count: int, seed: int) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    for i in range(count):
        spec, rows = _spec(rng)
        caption = rng.choice(CAPTIONS).format(n=rng.randint(1, 12))
        dagger = any(cell.mark == "†" for row in spec.rows for cell in row[:1])
        image = render(rng, spec, caption, dagger)
        jpeg = rng.random() < 0.35
        name = f"pdf_{i:03d}." + ("jpg" if jpeg else "png")
        if jpeg:
            image.save(out / name, quality=rng.randint(65, 92))
        else:
            image.save(out / name)
        truth[name] = {
            "columns": spec.columns,
            "settings": spec.settings,
            "rows": rows,
            "style": "pdf_viewer",
        }
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
