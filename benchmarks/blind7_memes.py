"""Text-only images for the seventh blind round: no chart and no table in any of them, so a
chart read on one is a false chart. Four looks, in turn:

- ``impact_caption``: white Impact-like capitals with a black outline over a noisy gradient
  "photo" (top and bottom captions about benchmarks).
- ``tweet_text``: a post of plain text about benchmark scores (numbers in sentences), light
  or dark.
- ``bullet_slide``: a slide of bullet points with numbers in sentences.
- ``numbered_list``: a numbered list of takeaways in a notes app, numbers in sentences.

Truth per image: ``{"style": ..., "charts": 0}``.

    python benchmarks/blind7_memes.py OUT_DIR [--count 16] [--seed 65000]
"""

from __future__ import annotations

import random
import sys
import textwrap
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

# this checkout's imgread, ahead of an editable install of another checkout (a venv
# shared by several worktrees), and the benchmarks beside this script
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind7_data import BENCHMARKS, FAMILIES, command_line, font, write_set


def claims(rng: random.Random, count: int) -> list[str]:
    """Sentences about benchmarks with numbers in them, never laid out as a table."""
    out = []
    for _ in range(count):
        model, other = rng.sample(FAMILIES, k=2)
        bench = rng.choice(BENCHMARKS)
        a, b = round(rng.uniform(40, 92), 1), round(rng.uniform(30, 88), 1)
        out.append(rng.choice([
            f"{model}-{rng.choice([7, 8, 13, 70])}B scores {a} on {bench}, up from {b} last "
            "quarter.",
            f"{model} beats {other} on {bench} by {abs(a - b):.1f} points.",
            f"Training took {rng.randint(2, 18)}T tokens and {rng.randint(300, 4000)} GPUs.",
            f"On {bench} the gap to {other} is now under {rng.randint(1, 5)} points.",
            f"{bench} contamination check: {rng.randint(1, 9)}% of test items overlap.",
        ]))
    return out


def noisy_photo(rng: random.Random, width: int, height: int) -> Image.Image:
    generator = np.random.default_rng(rng.randrange(1 << 30))
    top = np.array([rng.randint(0, 255) for _ in range(3)], np.float32)
    bottom = np.array([rng.randint(0, 255) for _ in range(3)], np.float32)
    ramp = np.linspace(0, 1, height, dtype=np.float32)[:, None, None]
    pixels = top * (1 - ramp) + bottom * ramp + np.zeros((height, width, 3), np.float32)
    # soft blotches (a coarse noise grid smoothed up to full size, no visible cells) and grain
    coarse = generator.uniform(0, 255, (height // 40 + 2, width // 40 + 2, 3)).astype(np.uint8)
    blotches = Image.fromarray(coarse).resize((width, height), Image.Resampling.BICUBIC)
    pixels += (np.asarray(blotches, np.float32) - 128) * 0.35
    pixels += generator.normal(0, 10, pixels.shape)
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def outlined(draw: ImageDraw.ImageDraw, width: int, y: int, text: str,
             face: ImageFont.FreeTypeFont) -> None:
    x = (width - draw.textlength(text, font=face)) / 2
    draw.text((x, y), text, font=face, fill="white", stroke_width=max(2, face.size // 14),
              stroke_fill="black")


def impact_caption(rng: random.Random) -> Image.Image:
    width, height = rng.choice([(600, 600), (800, 600), (500, 700)])
    image = noisy_photo(rng, width, height)
    draw = ImageDraw.Draw(image)
    bench = rng.choice(BENCHMARKS)
    pairs = [(f"WHEN YOUR 7B MODEL HITS {rng.randint(70, 95)} ON {bench}",
              "BUT IT WAS IN THE TRAINING DATA"),
             ("ONE DOES NOT SIMPLY", f"TRUST A {bench} SCORE OF {rng.randint(90, 99)}.9"),
             (f"{rng.choice(FAMILIES).upper()} RELEASES NEW BENCHMARK",
              "IS STATE OF THE ART ON IT"),
             ("NOBODY:", f"EVERY LAB: +{rng.randint(1, 4)}.{rng.randint(0, 9)} ON {bench}")]
    top, bottom = rng.choice(pairs)
    face = font(rng.choice(["liberation/LiberationSans-Bold.ttf",
                            "open-sans/OpenSans-ExtraBold.ttf"]), width // 13)
    for k, line in enumerate(textwrap.wrap(top, 22)):
        outlined(draw, width, 16 + k * int(face.size * 1.15), line, face)
    lines = textwrap.wrap(bottom, 22)
    for k, line in enumerate(lines):
        y = height - 24 - (len(lines) - k) * int(face.size * 1.15)
        outlined(draw, width, y, line, face)
    return image


def tweet_text(rng: random.Random) -> Image.Image:
    dark = rng.random() < 0.5
    background, ink, grey = ("#000000", "#e7e9ea", "#71767b") if dark else (
        "#ffffff", "#0f1419", "#536471")
    width = rng.choice([560, 600, 680])
    body = font("roboto/unhinted/RobotoTTF/Roboto-Regular.ttf", 19)
    bold = font("roboto/unhinted/RobotoTTF/Roboto-Bold.ttf", 17)
    small = font("roboto/unhinted/RobotoTTF/Roboto-Regular.ttf", 15)
    text = " ".join(claims(rng, rng.randint(2, 4)))
    lines = []
    for paragraph in [text, rng.choice(["Benchmarks are saturating faster than ever.",
                                        "Take these numbers with a grain of salt.",
                                        "Full eval details in the thread below."])]:
        lines += [*textwrap.wrap(paragraph, width // 10), ""]
    height = 110 + 26 * len(lines) + 60
    image = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(image)
    draw.ellipse((20, 20, 68, 68), fill=rng.choice(["#1d9bf0", "#f91880", "#00ba7c"]))
    handle = rng.choice(["evalwatcher", "tokenbudget", "ml_gossip", "gradnorm"])
    draw.text((80, 22), handle.replace("_", " ").title(), font=bold, fill=ink)
    draw.text((80, 44), f"@{handle}", font=small, fill=grey)
    for k, line in enumerate(lines):
        draw.text((20, 86 + 26 * k), line, font=body, fill=ink)
    draw.text((20, height - 44),
              f"{rng.randint(1, 11)}:{rng.randint(10, 59)} PM · {rng.randint(2, 90)}K Views",
              font=small, fill=grey)
    return image


def bullet_slide(rng: random.Random) -> Image.Image:
    width, height = rng.choice([(960, 540), (1280, 720), (800, 600)])
    accent = rng.choice(["#1f4e79", "#7b2d26", "#2f5233", "#4b2e83"])
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    scale = width / 960
    title = font("open-sans/OpenSans-Bold.ttf", int(38 * scale))
    body = font("open-sans/OpenSans-Regular.ttf", int(23 * scale))
    draw.rectangle((0, 0, int(14 * scale), height), fill=accent)
    draw.text((int(50 * scale), int(36 * scale)),
              rng.choice(["Key results", "What changed", "Takeaways"]), font=title, fill=accent)
    y = int(120 * scale)
    for claim in claims(rng, rng.randint(3, 5)):
        for k, line in enumerate(textwrap.wrap(claim, int(62 * 960 / width * scale))):
            if k == 0:
                draw.ellipse((int(56 * scale), y + int(11 * scale), int(66 * scale),
                              y + int(21 * scale)), fill=accent)
            draw.text((int(82 * scale), y), line, font=body, fill="#222")
            y += int(34 * scale)
        y += int(12 * scale)
    return image


def numbered_list(rng: random.Random) -> Image.Image:
    width = rng.choice([420, 480, 720])
    face = font(rng.choice(["liberation/LiberationSans-Regular.ttf", "freefont/FreeSans.ttf"]),
                20)
    heading = font("liberation/LiberationSans-Bold.ttf", 26)
    items = claims(rng, rng.randint(4, 6))
    lines: list[tuple[str, int]] = []
    for number, item in enumerate(items, 1):
        for k, line in enumerate(textwrap.wrap(item, width // 11)):
            lines.append((f"{number}. {line}" if k == 0 else line, 0 if k == 0 else 24))
    height = 90 + 30 * len(lines) + 30
    paper = rng.choice(["#fffbe6", "#ffffff", "#f6f6f6"])
    image = Image.new("RGB", (width, height), paper)
    draw = ImageDraw.Draw(image)
    draw.text((22, 24), rng.choice(["Notes: eval day", "Things I learned", "Benchmark digest"]),
              font=heading, fill="#111")
    for k, (line, indent) in enumerate(lines):
        draw.text((22 + indent, 80 + 30 * k), line, font=face, fill="#222")
    return image


LOOKS = [impact_caption, tweet_text, bullet_slide, numbered_list]


def generate(out: Path, count: int, seed: int) -> dict:
    def draw(rng: random.Random, index: int) -> tuple[Image.Image, dict]:
        look = LOOKS[index % len(LOOKS)]
        return look(rng), {"style": look.__name__, "charts": 0}

    # memes travel as JPEGs
    return write_set(out, count, seed, "blind7-memes", draw, {"impact_caption"})


if __name__ == "__main__":
    command_line(__doc__, generate, 16, 65000)
