"""A printed table photographed after someone marked it, drawn with PIL.

A plain light table (a bold header of benchmark names, some with their setting, "PIQA
(0-shot)"; model names of three or four words, "Dunlin v2 8B Instruct"; thin grey rules)
in one of five sans or serif faces at 13-19 px, scores set left, centred or right in
columns padded 5-16 px (a name's column can end close to the first score). Then the
marks a reader makes on paper: a translucent highlighter stroke (yellow, green, pink or
orange, multiplied onto the page) along one whole row, slightly wavy, taller than the row
and running past the table's edges; a hand-drawn pen ellipse (red, blue or green, 2-3 px,
not closed exactly) round one score, whose stroke crosses the neighbouring cells' text.
The photo: a warm, uneven light, a turn of 1 to 2 degrees either way, a slight blur, a
JPEG of quality 55-85.

The truth is what the table prints; the marks are no part of it.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

from looks.common import look_run, size_of

FONT_ROOT = Path("/usr/share/fonts/truetype")
FONTS = [  # (regular, bold)
    ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),
    ("liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf"),
    ("freefont/FreeSans.ttf", "freefont/FreeSansBold.ttf"),
    ("liberation/LiberationSerif-Regular.ttf", "liberation/LiberationSerif-Bold.ttf"),
    ("dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf"),
]
# Names a reader has not seen: families of birds, versions, sizes, kinds.
FAMILIES = ["Dunlin", "Plover", "Godwit", "Curlew", "Avocet", "Sanderling", "Whimbrel",
            "Turnstone", "Knot", "Redshank", "Stint", "Ruff"]
VERSIONS = ["v2", "v3", "2.5", "3.1", "1.5", "v4", ""]
SIZES = ["1.8B", "3B", "7B", "8B", "13B", "14B", "32B", "70B", "0.5B"]
KINDS = ["Instruct", "Chat", "Base", "", "It"]
BENCHES = ["GPQA", "MMLU", "BBH", "HumanEval", "PIQA (0-shot)", "DROP (8-shot)", "ARC-C",
           "GSM8K (5-shot)", "MATH", "WinoGrande", "HellaSwag (10-shot)", "MBPP"]
HIGHLIGHTERS = [(255, 240, 60), (150, 245, 120), (255, 150, 200), (255, 190, 90)]
PENS = [(205, 30, 35), (30, 60, 190), (20, 130, 60)]


def _name(rng: random.Random) -> str:
    parts = [rng.choice(FAMILIES), rng.choice(VERSIONS), rng.choice(SIZES), rng.choice(KINDS)]
    return " ".join(p for p in parts if p)


def _draw_table(rng: random.Random, header: list[str], rows: list[list[str]]
                ) -> tuple[Image.Image, list[tuple[int, int]], list[tuple[int, int]]]:
    """The printed table: the image, each row's (top, bottom) and each column's (left,
    right) in pixels (the header is row 0)."""
    regular, bold = rng.choice(FONTS)
    size = rng.randint(13, 19)
    font = ImageFont.truetype(str(FONT_ROOT / regular), size)
    head_font = ImageFont.truetype(str(FONT_ROOT / bold), size)
    pad_x, pad_y = rng.randint(5, 16), rng.randint(4, 9)
    align = rng.choice(["left", "centre", "right"])
    widths = []
    for c, name in enumerate(header):
        cells = [head_font.getlength(name)] + [font.getlength(r[c]) for r in rows]
        widths.append(int(max(cells)) + 2 * pad_x)
    line = int(size * 1.25)
    pitch = line + 2 * pad_y
    margin = rng.randint(40, 70)
    width = sum(widths) + 2 * margin
    height = pitch * (len(rows) + 1) + 2 * margin
    image = Image.new("RGB", (width, height), (252, 252, 250))
    draw = ImageDraw.Draw(image)
    lefts = [margin + sum(widths[:c]) for c in range(len(widths))]
    columns = [(x, x + w) for x, w in zip(lefts, widths, strict=True)]
    bands = [(margin + r * pitch, margin + (r + 1) * pitch) for r in range(len(rows) + 1)]
    rule = rng.choice([(150, 150, 150), (190, 190, 190), (90, 90, 90)])
    ruled_rows = rng.random() < 0.5
    for r, (top, _) in enumerate(bands):
        if r <= 1 or ruled_rows:  # above the header and under it; under every row or not
            draw.line([(margin, top), (width - margin, top)], fill=rule, width=1)
    draw.line([(margin, bands[-1][1]), (width - margin, bands[-1][1])], fill=rule, width=1)
    for r, cells in enumerate([header, *rows]):
        top = bands[r][0] + pad_y
        for c, text in enumerate(cells):
            face = head_font if r == 0 else font
            left, right = columns[c]
            spare = right - left - 2 * pad_x - face.getlength(text)
            if c == 0 or align == "left":
                x = left + pad_x
            elif align == "centre":
                x = left + pad_x + spare / 2
            else:
                x = left + pad_x + spare
            draw.text((x, top), text, fill=(25, 25, 25), font=face)
    return image, bands, columns


def _highlight(rng: random.Random, image: Image.Image, band: tuple[int, int]) -> Image.Image:
    """A highlighter stroke along ``band``: taller than the row, wavy, past both edges,
    multiplied onto the page as ink of a translucent marker is."""
    layer = Image.new("RGB", image.size, (255, 255, 255))
    draw = ImageDraw.Draw(layer)
    colour = rng.choice(HIGHLIGHTERS)
    top, bottom = band
    centre = (top + bottom) / 2 + rng.uniform(-2, 2)
    half = (bottom - top) * rng.uniform(0.55, 0.75)
    start, end = rng.randint(5, 30), image.width - rng.randint(5, 30)
    phase, wave = rng.uniform(0, 6.3), rng.uniform(1.0, 3.0)
    tilt = rng.uniform(-0.01, 0.01)
    for x in range(start, end):
        y = centre + wave * math.sin(x / rng.uniform(60, 61) + phase) + tilt * (x - start)
        draw.line([(x, y - half), (x, y + half)], fill=colour, width=2)
    return ImageChops.multiply(image, layer)


def _ellipse(rng: random.Random, image: Image.Image, box: tuple[int, int, int, int]) -> None:
    """A pen ellipse drawn by hand round ``box``: wider than the cell so its stroke crosses
    the text beside it, its ends overlapping rather than meeting."""
    draw = ImageDraw.Draw(image)
    left, top, right, bottom = box
    cx, cy = (left + right) / 2, (top + bottom) / 2
    rx = (right - left) / 2 * rng.uniform(1.05, 1.3)
    ry = (bottom - top) / 2 * rng.uniform(1.0, 1.35)
    colour = rng.choice(PENS)
    width = rng.choice([2, 2, 3])
    start = rng.uniform(0, 2 * math.pi)
    sweep = 2 * math.pi * rng.uniform(1.03, 1.12)
    wobble = [rng.uniform(-0.06, 0.06) for _ in range(4)]
    points = []
    for k in range(120):
        a = start + sweep * k / 119
        r = 1 + wobble[0] * math.sin(2 * a) + wobble[1] * math.cos(3 * a) + wobble[2] * k / 119
        points.append((cx + rx * r * math.cos(a), cy + ry * r * math.sin(a + wobble[3])))
    draw.line(points, fill=colour, width=width, joint="curve")


def _photograph(rng: random.Random, image: Image.Image) -> Image.Image:
    """Uneven warm light, a turn of 1-2 degrees, a slight blur."""
    light = Image.linear_gradient("L").resize(image.size)
    if rng.random() < 0.5:
        light = light.transpose(Image.Transpose.ROTATE_90).resize(image.size)
    tint = Image.new("RGB", image.size, (rng.randint(225, 245), rng.randint(215, 235),
                                         rng.randint(190, 215)))
    strength = rng.uniform(0.5, 0.9)
    image = Image.composite(ImageChops.multiply(image, tint), image,
                            light.point(lambda v: int(v * strength)))
    angle = rng.choice([-1, 1]) * rng.uniform(1.0, 2.0)
    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True,
                         fillcolor=(235, 232, 222))
    return image.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 0.8)))


def marked_table(rng: random.Random) -> tuple[Image.Image, list[str], list[list[str]], int]:
    """A table drawn, marked and photographed: the image, the header, the rows as printed,
    and the index of the row under the highlighter."""
    benches = rng.sample(BENCHES, rng.randint(4, 6))
    names: list[str] = []
    wanted = rng.randint(5, 9)
    while len(names) < wanted:
        name = _name(rng)
        if name not in names:
            names.append(name)
    values = [[f"{rng.uniform(15, 92):.1f}" for _ in benches] for _ in names]
    header = [rng.choice(["Name", "Model"]), *benches]
    rows = [[n, *v] for n, v in zip(names, values, strict=True)]
    image, bands, columns = _draw_table(rng, header, rows)
    marked = rng.randint(1, len(rows))
    image = _highlight(rng, image, bands[marked])
    r, c = rng.randint(1, len(rows)), rng.randint(1, len(benches))
    _ellipse(rng, image, (columns[c][0], bands[r][0], columns[c][1], bands[r][1]))
    return _photograph(rng, image), header, rows, marked - 1


def generate(out: Path, count: int, seed: int) -> dict:
    with look_run(out, seed, (800, 600)) as (rng, _browser, truth):
        for i in range(count):
            image, header, rows, _ = marked_table(rng)
            name = f"pen_marks_{i:03d}.jpg"
            image.save(out / name, quality=rng.randint(55, 85))
            mmlu = header.index("MMLU") if "MMLU" in header else None
            truth[name] = {
                "columns": header, "settings": [None] * len(header), "style": "pen_marks",
                "rows": [{"model": row[0], "params_b": size_of(row[0]), "tokens_t": None,
                          "mmlu": float(row[mmlu]) if mmlu else None, "cells": row}
                         for row in rows],
            }
    return truth
