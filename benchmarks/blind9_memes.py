"""The ninth blind set of text-only images (blind9 memes), written without reading the
reader or any other generator: pictures of text with numbers that hold no chart and no
table. Six looks, in turn:

- impact_caption: white outlined capitals above and below a blurred gradient "photo"
- noisy_caption: one caption over a grainy dark background with blotches
- post_text: a social post of plain sentences about scores
- chat_text: two people's chat bubbles trading benchmark numbers
- bullet_slide: a slide of bullets, each number inside a sentence
- numbered_list: a ranked list written as numbered lines of prose

Truth per image: ``{"style": ..., "charts": 0}``.
"""

from __future__ import annotations

import random
import sys
import textwrap
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind9_data import BENCHES, FAMILIES, FONTS, command_line, generate_looks

BOLD = f"{FONTS}/dejavu/DejaVuSans-Bold.ttf"
REGULAR = f"{FONTS}/liberation/LiberationSans-Regular.ttf"
ROBOTO = f"{FONTS}/roboto/unhinted/RobotoTTF/Roboto-Regular.ttf"


def font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size)


def claim(rng: random.Random) -> str:
    model, bench = rng.choice(FAMILIES), rng.choice(["MMLU", *BENCHES])
    score, other = round(rng.uniform(40, 92), 1), round(rng.uniform(30, 80), 1)
    return rng.choice([
        f"{model} hits {score} on {bench}, up from {other}",
        f"{bench}: {score}% for {model}, the old one had {other}%",
        f"we trained {model} on {rng.randint(2, 18)}T tokens and got {score} {bench}",
        f"{model}-{rng.choice([7, 13, 70])}B beats last year's best by {abs(score - other):.1f}",
    ])


def sentence(text: str) -> str:
    return text[0].upper() + text[1:] + "."


def gradient_photo(rng: random.Random, size: tuple[int, int], noise: float) -> Image.Image:
    width, height = size
    a, b = np.array(rng.sample(range(256), 3)), np.array(rng.sample(range(256), 3))
    t = np.linspace(0, 1, height)[:, None, None]
    pixels = np.broadcast_to(a * (1 - t) + b * t, (height, width, 3)).copy()
    generator = np.random.default_rng(rng.randint(0, 1 << 30))
    for _ in range(rng.randint(3, 8)):  # soft blobs, like things out of focus
        cx, cy = generator.uniform(0, width), generator.uniform(0, height)
        r = generator.uniform(40, 200)
        yy, xx = np.ogrid[:height, :width]
        blob = np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * r * r))[..., None]
        pixels += blob * generator.uniform(-90, 90, 3)
    pixels += generator.normal(0, noise, pixels.shape)
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    return image.filter(ImageFilter.GaussianBlur(1.2))


def outlined(draw: ImageDraw.ImageDraw, text: str, y: int, width: int, size: int) -> None:
    face = font(BOLD, size)
    chars = len(text)  # the most characters a line holds within the picture
    while chars > 8 and max(map(face.getlength, textwrap.wrap(text.upper(), chars))) > width - 24:
        chars -= 1
    for line in textwrap.wrap(text.upper(), chars):
        x = (width - face.getlength(line)) / 2
        draw.text((x, y), line, font=face, fill="white", stroke_width=max(2, size // 14),
                  stroke_fill="black")
        y += int(size * 1.15)


def impact_caption(rng: random.Random) -> tuple[Image.Image, dict]:
    width, height = rng.randint(450, 800), rng.randint(400, 700)
    image = gradient_photo(rng, (width, height), 6)
    draw = ImageDraw.Draw(image)
    size = width // 14
    outlined(draw, rng.choice(["when the model scores", "nobody:", "me reading the paper"]),
             12, width, size)
    outlined(draw, claim(rng), height - 3 * int(size * 1.15) - 14, width, size)
    return image, {"charts": 0}


def noisy_caption(rng: random.Random) -> tuple[Image.Image, dict]:
    width, height = rng.randint(500, 900), rng.randint(350, 600)
    image = gradient_photo(rng, (width, height), 28).point(lambda v: int(v * 0.55))
    outlined(ImageDraw.Draw(image), claim(rng), height // 3, width, width // 16)
    return image, {"charts": 0}


def wrapped(draw: ImageDraw.ImageDraw, text: str, xy: tuple[int, int], face, fill: str,
            chars: int) -> int:
    x, y = xy
    for line in textwrap.wrap(text, chars):
        draw.text((x, y), line, font=face, fill=fill)
        y += int(face.size * 1.4)
    return y


def post_text(rng: random.Random) -> tuple[Image.Image, dict]:
    dark = rng.random() < 0.4
    bg, fg, grey = ("#15202b", "#e7e9ea", "#8b98a5") if dark else ("#ffffff", "#0f1419", "#536471")
    width = rng.randint(520, 700)
    image = Image.new("RGB", (width, 420), bg)
    draw = ImageDraw.Draw(image)
    draw.ellipse((20, 20, 68, 68), fill=rng.choice(["#f4a261", "#2a9d8f", "#8e7dbe"]))
    draw.text((80, 22), f"{rng.choice(FAMILIES)} Lab", font=font(BOLD, 17), fill=fg)
    draw.text((80, 46), f"@{rng.choice(FAMILIES).lower()}_ai · {rng.randint(1, 23)}h",
              font=font(ROBOTO, 15), fill=grey)
    text = ". ".join(claim(rng) for _ in range(rng.randint(2, 3))) + ". More soon."
    y = wrapped(draw, text, (20, 90), font(ROBOTO, 19), fg, int(width / 10.5))
    draw.text((20, y + 16), f"♡ {rng.randint(20, 900)}   ↻ {rng.randint(3, 200)}",
              font=font(f"{FONTS}/dejavu/DejaVuSans.ttf", 15), fill=grey)
    return image.crop((0, 0, width, y + 50)), {"charts": 0}


def chat_text(rng: random.Random) -> tuple[Image.Image, dict]:
    width = rng.randint(380, 480)
    image = Image.new("RGB", (width, 900), "#e5ddd5")
    draw = ImageDraw.Draw(image)
    face, y = font(ROBOTO, 16), 16
    lines = [claim(rng), "wait really?", claim(rng), f"ok but {rng.randint(2, 9)} runs or one?",
             f"{rng.randint(3, 5)} runs, std {rng.uniform(0.2, 1.5):.1f}"]
    for i, message in enumerate(lines[:rng.randint(3, 5)]):
        mine = i % 2 == 1
        wrapped_lines = textwrap.wrap(message, 30)
        box_w = max(int(face.getlength(t)) for t in wrapped_lines) + 24
        box_h = len(wrapped_lines) * 22 + 14
        x = width - box_w - 12 if mine else 12
        draw.rounded_rectangle((x, y, x + box_w, y + box_h), 10,
                               fill="#dcf8c6" if mine else "#ffffff")
        wrapped(draw, message, (x + 12, y + 7), face, "#111", 30)
        y += box_h + 12
    return image.crop((0, 0, width, y + 6)), {"charts": 0}


def bullet_slide(rng: random.Random) -> tuple[Image.Image, dict]:
    width, height = 1280, 720
    image = Image.new("RGB", (width, height), rng.choice(["#ffffff", "#f3efe6", "#202833"]))
    fg = "#eeeeee" if image.getpixel((0, 0)) == (32, 40, 51) else "#222222"
    draw = ImageDraw.Draw(image)
    draw.text((80, 60), rng.choice(["What we learned", "Results at a glance", "Takeaways"]),
              font=font(BOLD, 48), fill=fg)
    y = 170
    for _ in range(rng.randint(3, 5)):
        draw.ellipse((90, y + 14, 102, y + 26), fill=fg)
        y = wrapped(draw, sentence(claim(rng)), (124, y), font(REGULAR, 32), fg, 58)
        y += 18
    scale = rng.uniform(0.45, 0.8)
    return image.resize((int(width * scale), int(height * scale))), {"charts": 0}


def numbered_list(rng: random.Random) -> tuple[Image.Image, dict]:
    width = rng.randint(500, 760)
    image = Image.new("RGB", (width, 900), "#fdfdfd")
    draw = ImageDraw.Draw(image)
    draw.text((24, 20), "My ranking this week", font=font(BOLD, 24), fill="#111")
    y = 70
    for rank in range(1, rng.randint(4, 7)):
        y = wrapped(draw, f"{rank}. {claim(rng)}", (24, y), font(REGULAR, 18), "#222",
                    int(width / 9.5)) + 8
    return image.crop((0, 0, width, y + 16)), {"charts": 0}


LOOKS = {look.__name__: look for look in (
    impact_caption, noisy_caption, post_text, chat_text, bullet_slide, numbered_list)}


def generate(out: Path, count: int = 16, seed: int = 85000) -> dict:
    return generate_looks(out, count, seed, LOOKS, "memes",
                          lambda style: ".jpg" if style == "noisy_caption" else ".png")


if __name__ == "__main__":
    command_line(generate, 16, 85000)
