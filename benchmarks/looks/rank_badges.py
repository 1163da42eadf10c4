"""Leaderboards whose rows open with their rank drawn as a badge before the model's name: a
circled digit from the font (①), a disc filled with a medal's or the page's accent colour
with a white digit, or a thin ring round a grey digit, a few pixels before the name. Sans
faces at 11-16 px, some drawn at twice the size and shrunk, half saved as JPEG."""

from __future__ import annotations

import json
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from looks.common import BENCH, MODELS, save_shot, size_of

FONTS = Path("/usr/share/fonts/truetype")
FACES = [
    FONTS / "dejavu/DejaVuSans.ttf",
    FONTS / "liberation/LiberationSans-Regular.ttf",
    FONTS / "roboto/unhinted/RobotoTTF/Roboto-Regular.ttf",
    FONTS / "open-sans/OpenSans-Regular.ttf",
    FONTS / "freefont/FreeSans.ttf",
]
CIRCLED_FACE = FONTS / "dejavu/DejaVuSans.ttf"
DIGIT_FACE = FONTS / "dejavu/DejaVuSans-Bold.ttf"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
MEDALS = [(212, 175, 55), (160, 160, 170), (205, 127, 50)]
ACCENTS = [(70, 110, 200), (90, 90, 100), (40, 150, 120), (150, 80, 180)]
BADGES = ["glyph", "disc", "ring"]
# Names that open with a digit keep it: the badge is told by its shape, not by the text.
NAMES = [*MODELS, "01-ai/Yi-6B", "3B-Zephyr"]


def _badge(draw: ImageDraw.ImageDraw, kind: str, x: float, y: float, rank: int, size: int,
           accent: tuple[int, int, int]) -> float:
    """Draw the badge at (x, y), the top of the name's line; the x where the name starts."""
    gap = round(size * 0.45)
    if kind == "glyph":
        face = ImageFont.truetype(str(CIRCLED_FACE), size + 2)
        draw.text((x, y - 1), CIRCLED[rank - 1], font=face, fill=(40, 40, 40))
        return x + face.getlength(CIRCLED[0]) + gap
    radius, middle = round(0.65 * size), y + 0.55 * size
    digit = ImageFont.truetype(str(DIGIT_FACE), max(7, size - 4))
    box = (x, middle - radius, x + 2 * radius, middle + radius)
    text = str(rank)
    if kind == "disc":
        draw.ellipse(box, fill=MEDALS[rank - 1] if rank <= 3 else accent)
        ink: tuple[int, int, int] = (255, 255, 255)
    else:
        draw.ellipse(box, outline=(90, 90, 90), width=max(1, size // 12))
        ink = (70, 70, 70)
    draw.text((x + radius - digit.getlength(text) / 2, middle - 0.6 * digit.size), text,
              font=digit, fill=ink)
    return x + 2 * radius + gap


def generate(out: Path, count: int, seed: int) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    for i in range(count):
        kind = BADGES[i % len(BADGES)]
        scale = rng.choice([1, 1, 2])
        size = rng.randint(11, 16) * scale
        face = ImageFont.truetype(str(rng.choice(FACES)), size)
        bold = face if rng.random() < 0.5 else ImageFont.truetype(
            str(FONTS / "dejavu/DejaVuSans-Bold.ttf"), size)
        benches = rng.sample(BENCH, rng.randint(3, 5))
        models = rng.sample(NAMES, rng.randint(5, 8))
        accent = rng.choice(ACCENTS)
        rows, printed = [], []
        for model in models:
            values = [f"{rng.uniform(15, 92):.1f}" for _ in benches]
            rows.append({"model": model, "params_b": size_of(model), "tokens_t": None,
                         "mmlu": float(values[benches.index("MMLU")]) if "MMLU" in benches
                         else None, "cells": [model, *values]})
            printed.append(values)
        pitch = round(size * rng.uniform(1.9, 2.5))
        name_w = max(face.getlength(m) for m in models) + 3 * size
        cell_w = max(bold.getlength(b) for b in benches) + 2 * size
        width = round(2 * size + name_w + cell_w * len(benches) + size)
        height = round(pitch * (len(models) + 2) + size)
        image = Image.new("RGB", (width, height), "white")
        draw = ImageDraw.Draw(image)
        y = size
        draw.text((2 * size, y), "Model", font=bold, fill=(30, 30, 30))
        for c, bench in enumerate(benches):
            right = 2 * size + name_w + cell_w * (c + 1) - size
            draw.text((right - bold.getlength(bench), y), bench, font=bold, fill=(30, 30, 30))
        draw.line((size, y + pitch - size * 0.5, width - size, y + pitch - size * 0.5),
                  fill=(200, 200, 200), width=max(1, scale))
        for r, values in enumerate(printed):
            y = size + pitch * (r + 1)
            x = _badge(draw, kind, 2 * size, y, r + 1, size, accent)
            draw.text((x, y), models[r], font=face, fill=(20, 20, 20))
            for c, text in enumerate(values):
                right = 2 * size + name_w + cell_w * (c + 1) - size
                draw.text((right - face.getlength(text), y), text, font=face, fill=(20, 20, 20))
        if scale > 1:
            image = image.resize((round(width / scale), round(height / scale)), Image.LANCZOS)
        name = save_shot(image, out, f"badges_{i:03d}", rng, 0.5)
        truth[name] = {
            "columns": ["Model", *benches],
            "settings": [None] * (len(benches) + 1),
            "rows": rows,
            "style": f"rank_badges_{kind}",
        }
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
