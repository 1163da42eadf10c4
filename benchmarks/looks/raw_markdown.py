"""A Markdown table as its raw source, written by hand and open in a code editor: a tab
with the file's name, a gutter of line numbers, a heading, then pipe rows whose cells are
each only as wide as their text, so the pipes do not line up from row to row, a delimiter
line of any dash counts (``|---|:--:|---:|``), and a line of prose after.

Names can hold spaces ("Qwen-14B Chat"), headers a setting ("MMLU (5-shot)"); some tables
leave out the outer pipes, some put no spaces inside them. Editor themes dark and light
(One Dark, Dracula, Nord, GitHub light, Solarized light) and a terminal's ``cat``, drawn
line by line in a monospaced face with the pipes and numbers in syntax colours, 12-20 px,
some shrunk or saved as JPEG. The truth is the table as written.
"""

from __future__ import annotations

import io
import json
import random
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from looks.common import BENCH, MODELS, size_of

FACES = [
    "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "/usr/share/fonts/truetype/freefont/FreeMonoBold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf",
]
# Mixtral-8x7B is left out, as in ``text_drawn``: its truth's size is no printed one.
NAMES = [m for m in MODELS if "8x7B" not in m]
SUFFIXES = ["", "", " Base", " Chat", " Instruct"]
SETTINGS = ["", "", "", " (5-shot)", " (3-shot)", " (0-shot)"]


@dataclass(frozen=True)
class Palette:
    page: tuple
    text: tuple
    pipe: tuple
    number: tuple
    heading: tuple
    gutter: tuple
    tab: tuple


PALETTES = {
    "one_dark": Palette(
        (40, 44, 52),
        (171, 178, 191),
        (86, 182, 194),
        (209, 154, 102),
        (224, 108, 117),
        (76, 82, 99),
        (33, 37, 43),
    ),
    "dracula": Palette(
        (40, 42, 54),
        (248, 248, 242),
        (255, 121, 198),
        (189, 147, 249),
        (139, 233, 253),
        (98, 114, 164),
        (33, 34, 44),
    ),
    "nord": Palette(
        (46, 52, 64),
        (216, 222, 233),
        (129, 161, 193),
        (180, 142, 173),
        (136, 192, 208),
        (76, 86, 106),
        (59, 66, 82),
    ),
    "github_light": Palette(
        (255, 255, 255),
        (36, 41, 47),
        (207, 34, 46),
        (5, 80, 174),
        (5, 80, 174),
        (140, 149, 159),
        (246, 248, 250),
    ),
    "solarized_light": Palette(
        (253, 246, 227),
        (101, 123, 131),
        (203, 75, 22),
        (42, 161, 152),
        (38, 139, 210),
        (147, 161, 161),
        (238, 232, 213),
    ),
    "terminal": Palette(
        (12, 12, 12),
        (204, 204, 204),
        (204, 204, 204),
        (204, 204, 204),
        (204, 204, 204),
        (12, 12, 12),
        (12, 12, 12),
    ),
}


def markdown_lines(columns: list[str], rows: list[list[str]], rng: random.Random) -> list[str]:
    """A hand-written pipe table: each cell as wide as its text, a delimiter line of any
    dash counts, with or without the outer pipes and the spaces inside them."""
    outer = rng.random() < 0.8
    pad = " " if rng.random() < 0.85 else ""

    def line(cells: list[str]) -> str:
        inner = f"{pad}|{pad}".join(cells)
        return f"|{pad}{inner}{pad}|" if outer else inner

    marks = []
    for c in range(len(columns)):
        dashes = "-" * rng.randint(3, 6)
        right = c > 0 and rng.random() < 0.4
        centre = c > 0 and not right and rng.random() < 0.2
        marks.append(f":{dashes}:" if centre else f"{dashes}:" if right else dashes)
    delimiter = "|".join(marks)
    delimiter = f"|{delimiter}|" if outer else delimiter
    return [line(columns), delimiter, *(line(r) for r in rows)]


def _is_number(text: str) -> bool:
    return text.replace(".", "", 1).isdigit()


def draw(
    lines: list[str], table: range, palette: Palette, rng: random.Random, title: str
) -> Image.Image:
    face = rng.choice(FACES)
    size = rng.randint(12, 20)
    font = ImageFont.truetype(face, size)
    advance = font.getlength("0")
    pitch = round(size * rng.uniform(1.2, 1.7))
    editor = palette != PALETTES["terminal"]
    gutter = 5 if editor else 0
    tab = pitch + 12 if editor else 6
    longest = max(len(t) for t in lines)
    width = int(advance * (gutter + 2 + longest + rng.randint(3, 20))) + 20
    height = tab + pitch * (len(lines) + rng.randint(1, 3)) + 10
    img = Image.new("RGB", (width, height), palette.page)
    d = ImageDraw.Draw(img)
    if editor:
        d.rectangle((0, 0, width, tab - 4), fill=palette.tab)
        d.rectangle((0, 0, int(advance * (len(title) + 6)), tab - 4), fill=palette.page)
        d.text((12, 6), f"{title}  ×", fill=palette.text, font=font)
    start = rng.randint(1, 60)
    left = 10 + advance * (gutter + 1)
    for k, text in enumerate(lines):
        y = tab + k * pitch
        if editor:
            d.text((10, y), f"{start + k:>4}", fill=palette.gutter, font=font)
        if k not in table:
            colour = palette.heading if text.startswith("#") else palette.text
            d.text((left, y), text, fill=colour, font=font)
            continue
        delimiter = not any(ch.isalnum() for ch in text)
        x = left
        pieces = text.split("|")
        for j, piece in enumerate(pieces):
            stripped = piece.strip()
            colour = (
                palette.pipe
                if delimiter
                else (palette.number if _is_number(stripped) else palette.text)
            )
            d.text((x, y), piece, fill=colour, font=font)
            x += advance * len(piece)
            if j < len(pieces) - 1:
                d.text((x, y), "|", fill=palette.pipe, font=font)
                x += advance
    return img


def _finish(rng: random.Random, img: Image.Image) -> Image.Image:
    scale = rng.choice([1.0, 1.0, 1.0, 0.85, 1.25])
    if scale != 1.0:
        img = img.resize(
            (round(img.width * scale), round(img.height * scale)), Image.Resampling.LANCZOS
        )
    if rng.random() < 0.3:
        buffer = io.BytesIO()
        img.save(buffer, "JPEG", quality=rng.randint(65, 90))
        img = Image.open(buffer).convert("RGB")
    return img


def generate(out: Path, count: int, seed: int) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    for i in range(count):
        names = [n + rng.choice(SUFFIXES) for n in rng.sample(NAMES, rng.randint(3, 7))]
        benches = rng.sample(BENCH, rng.randint(2, 5))
        printed = [b + rng.choice(SETTINGS) for b in benches]
        with_params = rng.random() < 0.5
        columns = ["Model"] + (["Params"] if with_params else []) + printed
        decimals = rng.choice([1, 1, 2])
        rows = []
        for name in names:
            p = size_of(name)
            values = [f"{rng.uniform(5, 95):.{decimals}f}" for _ in benches]
            cells = [name] + ([f"{p:g}B" if p else "-"] if with_params else []) + values
            mmlu = float(values[benches.index("MMLU")]) if "MMLU" in benches else None
            rows.append(
                {"model": name, "params_b": p, "tokens_t": None, "mmlu": mmlu, "cells": cells}
            )
        table = markdown_lines(columns, [r["cells"] for r in rows], rng)
        heading = rng.choice(["## Results", "### Evaluation", "## Benchmarks"])
        prose = rng.choice(
            [
                "All scores are accuracy (%), higher is better.",
                "Numbers from our own runs; see the paper for details.",
            ]
        )
        lines = [heading, "", *table, "", prose]
        palette = PALETTES[list(PALETTES)[i % len(PALETTES)]]
        img = draw(lines, range(2, 2 + len(table)), palette, rng, "README.md")
        name = f"raw_markdown_{i:03d}.png"
        _finish(rng, img).save(out / name)
        truth[name] = {
            "columns": columns,
            "settings": [None] * len(columns),
            "rows": rows,
            "style": "raw_markdown_" + ("terminal" if i % len(PALETTES) == 5 else "editor"),
        }
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
