"""A slide's table photographed on a projector screen, drawn with PIL and warped with OpenCV.

The slide (16:9, white or off-white): a title, a table with a filled header band (light
bold names on a slate, teal or plum fill, set in the band's middle or on its foot), thin
light rules and pale alternate row fills, a page number at the bottom right. Some header
names wrap onto two lines: at a hyphen that stays on the first line ("MMLU-" / "Pro"), at
a space ("Natural" / "Questions"), inside a setting ("BBH (3-" / "shot)"); some model
names wrap at their last space ("Marrowby-1.3B" / "Chat"), the row growing to hold them.

The photo: the slide with a light grey frame, keystoned (the top edge wider than the
bottom, or the reverse, each corner moved a little more) and turned up to 3 degrees,
on a dark brown-grey wall with light falling off towards the corners; washed-out
contrast, a slight blur, noise, a JPEG of quality 55-85.

A tuning look: its images are looked at while tuning.
"""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT_ROOT = Path("/usr/share/fonts/truetype")
FONTS = [  # (regular, bold)
    ("liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf"),
    ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),
    ("freefont/FreeSans.ttf", "freefont/FreeSansBold.ttf"),
    ("open-sans/OpenSans-Regular.ttf", "open-sans/OpenSans-Bold.ttf"),
]
# (name as the truth has it, its lines in the header)
HEADERS = [  # the first is the hyphen-wrapped one most slides show
    ("MMLU-Pro", ["MMLU-", "Pro"]),
    ("ARC-Challenge", ["ARC-", "Challenge"]),
    ("Natural Questions", ["Natural", "Questions"]),
    ("BBH (3-shot)", ["BBH (3-", "shot)"]),
    ("GSM8K (8-shot)", ["GSM8K", "(8-shot)"]),
    ("TruthfulQA", ["TruthfulQA"]),
    ("HellaSwag", ["HellaSwag"]),
    ("WinoGrande", ["WinoGrande"]),
    ("HumanEval", ["HumanEval"]),
    ("GPQA", ["GPQA"]),
    ("DROP (3-shot)", ["DROP (3-", "shot)"]),
    ("Big-Bench Hard", ["Big-Bench", "Hard"]),
]
FAMILIES = [
    "Marrowby",
    "Quillon",
    "Fernhollow",
    "Tassel",
    "Brindle",
    "Oakum",
    "Sorrel",
    "Wicket",
    "Larchmere",
    "Pebblin",
]
SIZES = ["1.3B", "2.7B", "6.9B", "7B", "12B", "13B", "34B", "70B"]
KINDS = ["Chat", "Instruct", "Base", "SFT"]
FILLS = [(68, 84, 116), (52, 96, 110), (92, 70, 110), (60, 74, 100)]
WALLS = [(74, 64, 56), (62, 58, 54), (84, 72, 62), (55, 50, 47)]
TITLES = ["Evaluation summary", "Results", "Benchmark comparison", "How the models compare"]


def _rows(rng: random.Random) -> tuple[list[str], list[list[str]], list[dict], list[list[str]]]:
    """The header names, the cells as printed, the truth rows, and each header's lines."""
    benches = [("MMLU", ["MMLU"]), *rng.sample(HEADERS[1:], rng.randint(2, 4))]
    if rng.random() < 0.7:
        benches.insert(rng.randint(1, len(benches)), HEADERS[0])
    names: list[str] = []
    while len(names) < rng.randint(4, 7):
        name = f"{rng.choice(FAMILIES)}-{rng.choice(SIZES)}"
        if rng.random() < 0.6:
            name += f" {rng.choice(KINDS)}"
        if name not in names:
            names.append(name)
    header = ["Model", "Params", *(b[0] for b in benches)]
    cells, rows = [], []
    for name in names:
        size = name.split("-", 1)[1].split()[0]
        values = [f"{rng.uniform(15, 90):.1f}" for _ in benches]
        cells.append([name, size, *values])
        rows.append(
            {
                "model": name,
                "params_b": float(size[:-1]),
                "tokens_t": None,
                "mmlu": float(values[0]),
                "cells": [name, size, *values],
            }
        )
    lines = [["Model"], ["Params"], *(b[1] for b in benches)]
    return header, cells, rows, lines


def _slide(
    rng: random.Random, header_lines: list[list[str]], cells: list[list[str]]
) -> Image.Image:
    width, height = 1280, 720
    paper = rng.choice([(255, 255, 255), (250, 250, 247), (247, 248, 250)])
    slide = Image.new("RGB", (width, height), paper)
    draw = ImageDraw.Draw(slide)
    regular, bold = rng.choice(FONTS)
    # The model column wraps a name at its last space when the name is long.
    model_lines = [
        r[0].rsplit(" ", 1) if " " in r[0] and rng.random() < 0.7 else [r[0]] for r in cells
    ]
    pad = rng.randint(12, 20)
    size = rng.randint(20, 25)
    while True:  # the table fits the slide with a margin: smaller type where it would not
        font = ImageFont.truetype(str(FONT_ROOT / regular), size)
        head_font = ImageFont.truetype(str(FONT_ROOT / bold), size)
        widths = []
        for c, lines in enumerate(header_lines):
            texts = [head_font.getlength(t) for t in lines]
            if c == 0:
                texts += [font.getlength(t) for m in model_lines for t in m]
            else:
                texts += [font.getlength(r[c]) for r in cells]
            widths.append(int(max(texts)) + 2 * pad)
        if sum(widths) <= width - 140 or size <= 14:
            break
        size -= 1
    title_font = ImageFont.truetype(str(FONT_ROOT / bold), size * 2)
    draw.text((60, 40), rng.choice(TITLES), fill=(30, 34, 44), font=title_font)
    line = int(size * 1.25)
    band = 2 * line + 2 * pad // 2 + 6
    left = (width - sum(widths)) // 2
    top = 40 + size * 2 + rng.randint(30, 50)
    fill = rng.choice(FILLS)
    draw.rectangle([left, top, left + sum(widths), top + band], fill=fill)
    middle = rng.random() < 0.6
    x = left
    for c, lines in enumerate(header_lines):
        block = line * len(lines)
        y0 = top + (band - block) // 2 if middle else top + band - block - 6
        for k, text in enumerate(lines):
            tx = x + pad if c == 0 else x + (widths[c] - head_font.getlength(text)) / 2
            draw.text((tx, y0 + k * line), text, fill=(250, 250, 250), font=head_font)
        x += widths[c]
    y = top + band
    rule = rng.choice([(205, 208, 214), (215, 215, 215), (190, 196, 204)])
    stripe = rng.choice([(238, 241, 246), (242, 242, 238), (236, 240, 244)])
    for r, row in enumerate(cells):
        tall = line * len(model_lines[r]) + pad
        if r % 2:
            draw.rectangle([left, y, left + sum(widths), y + tall], fill=stripe)
        x = left
        for c, text in enumerate(row):
            if c == 0:
                for k, part in enumerate(model_lines[r]):
                    draw.text(
                        (x + pad, y + pad // 2 + k * line), part, fill=(35, 35, 40), font=font
                    )
            else:
                tx = x + (widths[c] - font.getlength(text)) / 2
                ty = y + (tall - line) / 2
                draw.text((tx, ty), text, fill=(35, 35, 40), font=font)
            x += widths[c]
        y += tall
        draw.line([(left, y), (left + sum(widths), y)], fill=rule, width=1)
    small = ImageFont.truetype(str(FONT_ROOT / regular), max(12, size * 2 // 3))
    draw.text((width - 60, height - 40), str(rng.randint(3, 24)), fill=(120, 120, 120), font=small)
    return slide


def _photograph(rng: random.Random, slide: Image.Image) -> Image.Image:
    """The slide with a grey frame, keystoned and turned onto a dark wall, washed out."""
    frame = rng.randint(6, 14)
    framed = Image.new(
        "RGB",
        (slide.width + 2 * frame, slide.height + 2 * frame),
        rng.choice([(200, 200, 200), (185, 188, 190), (215, 213, 210)]),
    )
    framed.paste(slide, (frame, frame))
    src = np.float32([[0, 0], [framed.width, 0], [framed.width, framed.height], [0, framed.height]])
    out_w, out_h = rng.randint(1400, 1700), rng.randint(1000, 1200)
    slide_w = out_w * rng.uniform(0.72, 0.86)
    slide_h = slide_w * framed.height / framed.width
    narrow = slide_w * rng.uniform(0.06, 0.14)  # how much shorter the narrower edge is
    cx, cy = out_w / 2 + rng.uniform(-40, 40), out_h / 2 + rng.uniform(-30, 30)
    top_half = slide_w / 2 - (narrow / 2 if rng.random() < 0.5 else 0)
    bottom_half = slide_w / 2 - (narrow / 2 if top_half == slide_w / 2 else 0)
    corners = np.float32(
        [
            [cx - top_half, cy - slide_h / 2],
            [cx + top_half, cy - slide_h / 2],
            [cx + bottom_half, cy + slide_h / 2],
            [cx - bottom_half, cy + slide_h / 2],
        ]
    )
    corners += np.float32([[rng.uniform(-12, 12), rng.uniform(-12, 12)] for _ in range(4)])
    turn = math.radians(rng.uniform(-3, 3))
    rotation = np.float32([[math.cos(turn), -math.sin(turn)], [math.sin(turn), math.cos(turn)]])
    corners = (corners - [cx, cy]) @ rotation.T + [cx, cy]
    matrix = cv2.getPerspectiveTransform(src, corners.astype(np.float32))
    wall = np.array(rng.choice(WALLS), dtype=np.float32)
    yy, xx = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
    falloff = 1 - 0.35 * (((xx - cx) / out_w) ** 2 + ((yy - cy) / out_h) ** 2)
    ground = (falloff[..., None] * wall).astype(np.uint8)
    warped = cv2.warpPerspective(
        np.asarray(framed),
        matrix,
        (out_w, out_h),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_TRANSPARENT,
        dst=ground.copy(),
    )
    photo = warped.astype(np.float32)
    # A projector's washed-out light: black lifted, white dimmed, brighter in the middle.
    lift, gain = rng.uniform(35, 60), rng.uniform(0.68, 0.82)
    inside = np.zeros((out_h, out_w), np.uint8)
    cv2.fillConvexPoly(inside, corners.astype(np.int32), 1)
    lit = photo * gain + lift
    glow = 1 - 0.18 * (((xx - cx) / slide_w) ** 2 + ((yy - cy) / slide_h) ** 2)
    lit *= glow[..., None]
    photo = np.where(inside[..., None] > 0, lit, photo)
    photo += np.float32(rng.uniform(3, 6)) * np.random.default_rng(
        rng.randint(0, 9999)
    ).standard_normal(photo.shape).astype(np.float32)
    photo = cv2.GaussianBlur(np.clip(photo, 0, 255).astype(np.uint8), (0, 0), rng.uniform(0.6, 1.1))
    return Image.fromarray(photo)


def projected(rng: random.Random) -> tuple[Image.Image, dict]:
    """One photo and its truth."""
    header, cells, rows, lines = _rows(rng)
    image = _photograph(rng, _slide(rng, lines, cells))
    truth = {
        "columns": header,
        "settings": [None] * len(header),
        "style": "projector",
        "rows": rows,
    }
    return image, truth


def generate(out: Path, count: int, seed: int) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth: dict = {}
    for i in range(count):
        image, facts = projected(rng)
        name = f"projector_{i:03d}.jpg"
        image.save(out / name, quality=rng.randint(55, 85))
        truth[name] = facts
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
