"""Text-only memes: pages that print numbers but draw no chart (issue 11: no chart may be
found in them). Each is drawn with PIL in one of a handful of styles:

- ``caption``: meme caption text (white with a dark outline, or dark) over a plain, a
  gradient or a noisy background, top and bottom;
- ``tweet``: a post of plain text with numbers, an avatar, and a row of counts under it
  (replies, reposts, likes, views: evenly set numbers);
- ``chat``: chat bubbles of varying widths, stacked left and right, in two colours;
- ``slide``: a slide with a title and bullets that each end in a number, light or dark;
- ``ranked``: a numbered list of models and scores (or latencies, "1.4s"), set in one or
  two columns, or with the values right-aligned in a column of their own;
- ``stats``: a launch card of big numbers set evenly in a row, a caption under each.

``generate(out, count, seed) -> {file: {"style": ...}}``; there is nothing to read, so the
truth is the style alone. Written while tuning: a tuning set.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from chart_looks.common import BENCHMARKS, MODELS

FONTS = Path("/usr/share/fonts/truetype")
SANS = ("dejavu/DejaVuSans.ttf", "liberation/LiberationSans-Regular.ttf",
        "roboto/Roboto-Regular.ttf", "open-sans/OpenSans-Regular.ttf")
BOLD = ("dejavu/DejaVuSans-Bold.ttf", "liberation/LiberationSans-Bold.ttf")
STYLES = ("caption", "tweet", "chat", "slide", "ranked", "stats")


def _font(rng: random.Random, size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    names = [n for n in (BOLD if bold else SANS) if (FONTS / n).is_file()]
    if not names:  # no such fonts here: DejaVu is always installed with matplotlib
        names = ["dejavu/DejaVuSans.ttf"]
    return ImageFont.truetype(str(FONTS / rng.choice(names)), size)


def _claim(rng: random.Random) -> str:
    """A sentence with a number in it, as posts about benchmarks write them."""
    model, bench = rng.choice(MODELS), rng.choice(BENCHMARKS)
    score = round(rng.uniform(20, 95), 1)
    return rng.choice((
        f"{model} scores {score}% on {bench}",
        f"{bench}: {score} for {model}",
        f"{model} beats GPT-4 by {round(rng.uniform(0.5, 9), 1)} points",
        f"trained on {rng.choice((2, 3, 8, 15))}T tokens, {rng.choice((7, 13, 34, 70))}B params",
        f"only ${rng.randint(2, 600)}K of compute, {score} on {bench}",
        f"{rng.randint(2, 40)}x cheaper than {model}",
    ))


def _background(rng: random.Random, width: int, height: int) -> Image.Image:
    """A plain colour, a vertical gradient between two colours, or noise over a colour."""
    base = np.array([rng.randint(0, 255) for _ in range(3)], dtype=np.float32)
    kind = rng.choice(("plain", "gradient", "noise"))
    if kind == "plain":
        pixels = np.broadcast_to(base, (height, width, 3)).copy()
    elif kind == "gradient":
        other = np.array([rng.randint(0, 255) for _ in range(3)], dtype=np.float32)
        t = np.linspace(0, 1, height, dtype=np.float32)[:, None, None]
        pixels = np.broadcast_to(base * (1 - t) + other * t, (height, width, 3)).copy()
    else:
        noise = np.random.default_rng(rng.randint(0, 2**31)).normal(0, 40, (height, width, 3))
        pixels = base + noise.astype(np.float32)
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    return image.filter(ImageFilter.GaussianBlur(1)) if kind == "noise" else image


def _caption(rng: random.Random) -> Image.Image:
    width, height = rng.choice(((600, 600), (720, 540), (800, 450)))
    image = _background(rng, width, height)
    draw = ImageDraw.Draw(image)
    font = _font(rng, rng.randint(30, 44), bold=True)
    outlined = rng.random() < 0.7
    fill, stroke = ((255, 255, 255), (0, 0, 0)) if outlined else ((20, 20, 20), (20, 20, 20))
    for text, top in ((_claim(rng).upper(), True), (_claim(rng).upper(), False)):
        lines = _wrap(draw, text, font, width - 40)
        line_height = font.size + 8
        y = 16 if top else height - 16 - line_height * len(lines)
        for line in lines:
            w = draw.textlength(line, font=font)
            draw.text(((width - w) / 2, y), line, font=font, fill=fill,
                      stroke_width=3 if outlined else 0, stroke_fill=stroke)
            y += line_height
    return image


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont,
          width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _tweet(rng: random.Random) -> Image.Image:
    dark = rng.random() < 0.4
    page, ink, grey = ((21, 32, 43), (231, 233, 234), (113, 118, 123)) if dark else (
        (255, 255, 255), (15, 20, 25), (83, 100, 113))
    width = rng.choice((560, 600, 680))
    font, small = _font(rng, rng.randint(17, 20)), _font(rng, 15)
    probe = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    text = [line for _ in range(rng.randint(2, 4))
            for line in _wrap(probe, _claim(rng) + rng.choice((".", "!", "")),
                              font, width - 100)]
    height = 110 + len(text) * (font.size + 8) + 60
    image = Image.new("RGB", (width, height), page)
    draw = ImageDraw.Draw(image)
    avatar = tuple(rng.randint(40, 220) for _ in range(3))
    draw.ellipse((16, 16, 64, 64), fill=avatar)
    draw.text((76, 18), rng.choice(("AI Digest", "Tom Ramen", "eval_guy", "Lisa M.")),
              font=_font(rng, 17, bold=True), fill=ink)
    draw.text((76, 42), f"@{rng.choice(('aidigest', 'tramen', 'evals', 'lm_news'))} · "
              f"{rng.randint(1, 23)}h", font=small, fill=grey)
    y = 84
    for line in text:
        draw.text((76, y), line, font=font, fill=ink)
        y += font.size + 8
    # the counts under a post: evenly set numbers, each after a small icon
    y += 16
    step = (width - 100) // 4
    for i in range(4):
        x = 76 + i * step
        draw.rounded_rectangle((x, y + 2, x + 14, y + 16), radius=3, outline=grey, width=2)
        count = rng.choice((str(rng.randint(3, 999)), f"{round(rng.uniform(1, 99), 1)}K"))
        draw.text((x + 22, y), count, font=small, fill=grey)
    return image


def _chat(rng: random.Random) -> Image.Image:
    width = rng.choice((420, 480, 540))
    font = _font(rng, rng.randint(16, 19))
    mine, theirs = rng.choice((((0, 132, 255), (228, 230, 235)), ((37, 211, 102), (240, 240, 240)),
                                ((88, 86, 214), (58, 58, 60))))
    page = (255, 255, 255) if sum(theirs) > 400 else (0, 0, 0)
    probe = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    bubbles = []
    for _ in range(rng.randint(4, 7)):
        text = rng.choice((_claim(rng), f"{rng.randint(1, 99)}?", "no way", "source?",
                           f"it's {round(rng.uniform(50, 95), 1)} now"))
        bubbles.append((rng.random() < 0.5, _wrap(probe, text, font, int(width * 0.6))))
    line_height = font.size + 6
    height = 20 + sum(len(lines) * line_height + 30 for _, lines in bubbles)
    image = Image.new("RGB", (width, height), page)
    draw = ImageDraw.Draw(image)
    y = 12
    for right, lines in bubbles:
        w = max(draw.textlength(line, font=font) for line in lines) + 28
        h = len(lines) * line_height + 16
        x = width - 12 - w if right else 12
        fill = mine if right else theirs
        draw.rounded_rectangle((x, y, x + w, y + h), radius=14, fill=fill)
        colour = (255, 255, 255) if sum(fill) < 450 else (20, 20, 20)
        for i, line in enumerate(lines):
            draw.text((x + 14, y + 8 + i * line_height), line, font=font, fill=colour)
        y += h + 14
    return image


def _slide(rng: random.Random) -> Image.Image:
    width, height = 960, 540
    dark = rng.random() < 0.5
    page = (30, 34, 48) if dark else (250, 250, 247)
    ink = (240, 240, 240) if dark else (30, 30, 30)
    accent = tuple(rng.randint(60, 230) for _ in range(3))
    image = Image.new("RGB", (width, height), page)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, 10), fill=accent)
    draw.text((60, 40), rng.choice(("Results", "Key numbers", "What changed", "Evaluation")),
              font=_font(rng, 40, bold=True), fill=ink)
    font = _font(rng, rng.randint(24, 30))
    y = 130
    for _ in range(rng.randint(3, 6)):
        draw.ellipse((64, y + 10, 76, y + 22), fill=accent)
        draw.text((96, y), rng.choice((
            f"{rng.choice(BENCHMARKS)}: {round(rng.uniform(30, 95), 1)}%",
            f"{rng.choice(MODELS)} at {round(rng.uniform(30, 95), 1)}",
            _claim(rng))), font=font, fill=ink)
        y += font.size + 26
    draw.text((width - 60, height - 40), str(rng.randint(2, 40)), font=_font(rng, 16), fill=ink)
    return image


def _ranked(rng: random.Random) -> Image.Image:
    count = rng.randint(5, 10)
    columns = 2 if count > 7 and rng.random() < 0.5 else 1
    width = 420 * columns + 40
    font = _font(rng, rng.randint(18, 24))
    line = font.size + 14
    rows = -(-count // columns)
    height = 90 + rows * line + 30
    dark = rng.random() < 0.4
    page, ink = ((18, 18, 18), (235, 235, 235)) if dark else ((255, 255, 255), (20, 20, 20))
    image = Image.new("RGB", (width, height), page)
    draw = ImageDraw.Draw(image)
    if rng.random() < 0.3:  # a serving board: latencies, fastest first
        title = f"Fastest {count} APIs, p{rng.choice((50, 90, 99))}"
        scores = [f"{t}s" for t in sorted(round(rng.uniform(0.2, 4.0), 1) for _ in range(count))]
    else:
        title = f"Top {count} on {rng.choice(BENCHMARKS)}"
        scores = [str(v) for v in sorted((round(rng.uniform(40, 95), 1) for _ in range(count)),
                                         reverse=True)]
    draw.text((20, 24), title, font=_font(rng, 30, bold=True), fill=ink)
    aligned = columns == 1 and rng.random() < 0.5  # the scores in a column of their own
    for i, (model, score) in enumerate(zip(rng.sample(MODELS, count), scores, strict=True)):
        x = 20 + (i // rows) * 420
        y = 90 + (i % rows) * line
        if aligned:
            draw.text((x, y), f"{i + 1}. {model}", font=font, fill=ink)
            draw.text((width - 20 - draw.textlength(score, font=font), y), score,
                      font=font, fill=ink)
        else:
            draw.text((x, y), f"{i + 1}. {model} — {score}", font=font, fill=ink)
    return image


def _stats(rng: random.Random) -> Image.Image:
    count = rng.randint(3, 4)
    width, height = 240 * count + 40, 300
    dark = rng.random() < 0.5
    page, ink = ((12, 14, 30), (245, 245, 245)) if dark else ((246, 244, 240), (25, 25, 25))
    accent = tuple(rng.randint(60, 230) for _ in range(3))
    image = Image.new("RGB", (width, height), page)
    draw = ImageDraw.Draw(image)
    draw.text((20, 20), f"Introducing {rng.choice(MODELS)}", font=_font(rng, 30, bold=True),
              fill=ink)
    big, small = _font(rng, rng.randint(44, 60), bold=True), _font(rng, 18)
    for i in range(count):
        centre = 20 + 240 * i + 120
        number = rng.choice((f"{round(rng.uniform(50, 95), 1)}", f"{rng.randint(2, 40)}x",
                             f"{rng.choice((32, 128, 200))}K", f"{round(rng.uniform(50, 95))}%"))
        caption = rng.choice((*BENCHMARKS, "context", "faster", "cheaper"))
        draw.text((centre - draw.textlength(number, font=big) / 2, 110), number, font=big,
                  fill=accent)
        draw.text((centre - draw.textlength(caption, font=small) / 2, 190), caption,
                  font=small, fill=ink)
    return image


DRAW = {"caption": _caption, "tweet": _tweet, "chat": _chat, "slide": _slide,
        "ranked": _ranked, "stats": _stats}


def generate(out: Path, count: int, seed: int) -> dict[str, dict]:
    """``count`` memes, the styles in turn; a JPEG now and then, as memes are shared."""
    out.mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict] = {}
    for i in range(count):
        rng = random.Random(seed * 1000 + i)
        style = STYLES[i % len(STYLES)]
        image = DRAW[style](rng)
        jpeg = rng.random() < 0.3
        name = f"meme_{i:03d}_{style}.{'jpg' if jpeg else 'png'}"
        if jpeg:
            image.save(out / name, quality=rng.randint(60, 85))
        else:
            image.save(out / name)
        truth[name] = {"style": style}
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
