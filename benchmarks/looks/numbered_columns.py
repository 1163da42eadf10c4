"""Paper tables with a row of column numbers under the header: booktabs rules, a serif
face, a caption "Table 4: ..." over the table, benchmark names with their settings
("WinoGrande (0-shot)"), then a row of small italic indices centred under the columns,
"(1) (2) ... (7)", "[1]", "C1" or bare digits; the name column empty there or holding
"(0)". The indices are no part of any column name and no row: the truth keeps neither."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from looks.common import MODELS, size_of
from looks.paper_table import DEJAVU, LIBERATION, TTF

# (regular, italic)
FACES = [
    (TTF / "cmr10.ttf", TTF / "cmti10.ttf"),
    (TTF / "STIXGeneral.ttf", TTF / "STIXGeneralItalic.ttf"),
    (LIBERATION / "LiberationSerif-Regular.ttf", LIBERATION / "LiberationSerif-Italic.ttf"),
    (DEJAVU / "DejaVuSerif.ttf", DEJAVU / "DejaVuSerif-Italic.ttf"),
    (LIBERATION / "LiberationSans-Regular.ttf", LIBERATION / "LiberationSans-Italic.ttf"),
]
BENCHES = [
    "MMLU", "MMLU (5-shot)", "WinoGrande (0-shot)", "WinoGrande", "HellaSwag", "MATH",
    "GSM8K (8-shot)", "ARC-C", "BBH (3-shot)", "HumanEval", "AGIEval (5-shot)", "TriviaQA",
    "PIQA", "CMMLU",
]
INDEX_FORMS = ["({})", "({})", "[{}]", "C{}", "{}"]


def _index_cells(rng: random.Random, columns: int) -> list[str]:
    """One index per column, consecutive; the name column left empty, or numbered from 0."""
    form = rng.choice(INDEX_FORMS)
    start = rng.choice(["empty", "empty", "zero", "one"])
    if start == "empty":
        return [""] + [form.format(k) for k in range(1, columns)]
    first = 0 if start == "zero" else 1
    return [form.format(first + k) for k in range(columns)]


@dataclass
class Page:
    """How a table is drawn: its faces, sizes, padding, caption, and the step from the
    names down to the indices (in line pitches)."""

    regular: Path
    italic: Path
    size: int
    italic_size: int
    pad: float
    caption: str
    index_step: float = 1.0


def draw_table(page: Page, columns: list[str], indices: list[str],
               printed: list[list[str]]) -> Image.Image:
    """A booktabs table, the caption over it, ``indices`` centred under the column names
    (an empty one left out), the name column set left."""
    size, pad = page.size, page.pad
    face = ImageFont.truetype(str(page.regular), size)
    italic = ImageFont.truetype(str(page.italic), page.italic_size)
    widths = [max(face.getlength(r[c]) for r in [columns, *printed]) + 2 * pad
              for c in range(len(columns))]
    xs = [2.0 * size]
    for w in widths:
        xs.append(xs[-1] + w)
    pitch = int(size * 1.45)
    image = Image.new("RGB", (int(xs[-1] + 2 * size), pitch * (len(printed) + 7)), "white")
    draw = ImageDraw.Draw(image)

    def centred(c: int, y: float, text: str, font: ImageFont.FreeTypeFont) -> None:
        x = xs[c] + pad if c == 0 else (xs[c] + xs[c + 1] - font.getlength(text)) / 2
        draw.text((x, y), text, fill="black", font=font)

    y = size
    draw.text((xs[0], y), page.caption, fill="black",
              font=ImageFont.truetype(str(page.regular), int(size * 0.85)))
    y += pitch + size // 3
    thick, thin = max(2, size // 12), max(1, size // 24)
    draw.line((xs[0], y, xs[-1], y), fill="black", width=thick)
    y += size // 3
    for c, name in enumerate(columns):
        centred(c, y, name, face)
    y += int(pitch * page.index_step)
    for c, index in enumerate(indices):
        if index:
            centred(c, y, index, italic)
    y += pitch
    draw.line((xs[0], y, xs[-1], y), fill="black", width=thin)
    y += size // 3
    for cells in printed:
        for c, text in enumerate(cells):
            centred(c, y, text, face)
        y += pitch
    draw.line((xs[0], y, xs[-1], y), fill="black", width=thick)
    return image.crop((0, 0, image.width, int(y + size)))


def generate(out: Path, count: int, seed: int) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    for i in range(count):
        # one name per benchmark: "MMLU" and "MMLU (5-shot)" never side by side
        by_benchmark = {name.split(" (")[0]: name for name in rng.sample(BENCHES, len(BENCHES))}
        benches = rng.sample(sorted(by_benchmark.values()), rng.randint(4, 7))
        with_params = rng.random() < 0.6
        columns = ["Model"] + (["Params (B)"] if with_params else []) + benches
        models = rng.sample(MODELS, rng.randint(4, 8))
        rows, printed = [], []
        for model in models:
            values = [f"{rng.uniform(15, 88):.1f}" for _ in benches]
            params = size_of(model)
            cells = [model] + ([f"{params:g}" if params else "-"] if with_params else []) + values
            mmlu = next((float(v) for b, v in zip(benches, values, strict=True)
                         if b.startswith("MMLU")), None)
            rows.append({"model": model, "params_b": params, "tokens_t": None,
                         "mmlu": mmlu, "cells": cells})
            printed.append(cells)
        indices = _index_cells(rng, len(columns))

        regular_path, italic_path = rng.choice(FACES)
        size = rng.randint(28, 40)  # drawn large, shrunk afterwards as a page shot
        italic_size = int(size * rng.uniform(0.8, 1.0))
        pad = size * rng.uniform(0.6, 1.0)
        caption = f"Table {rng.randint(1, 9)}: " + rng.choice(
            ["Results of open models on standard benchmarks.",
             "Comparison across tasks; the numbers under the header index the columns.",
             "Zero- and few-shot accuracy."])
        page = Page(regular_path, italic_path, size, italic_size, pad, caption,
                    rng.uniform(0.95, 1.15))
        image = draw_table(page, columns, indices, printed)
        width = rng.randint(700, 1400)
        image = image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)
        name = f"numbered_{i:03d}.png"
        image.save(out / name)
        truth[name] = {"columns": columns, "settings": [None] * len(columns), "rows": rows,
                       "style": "numbered_columns"}
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
