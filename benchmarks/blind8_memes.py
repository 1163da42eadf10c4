"""The eighth blind set of text-only images: pages that hold numbers about benchmarks in
words, but no chart and no table. Written without reading the reader or any other
generator. Eight looks, in turn:

- ``impact_plain``: white capitals with a black outline, top and bottom, over a flat colour.
- ``impact_noisy``: the same over a noisy gradient "photo" with blurred blobs.
- ``tweet_text``: a post of plain sentences with scores, name, handle and counts.
- ``chat_text``: a messenger thread, each bubble a sentence with a number or two.
- ``bullet_slide``: a slide, a title and four or five bullets with numbers in sentences.
- ``numbered_list``: a numbered list of sentences ("1. Kestra-8B reaches 71.3 on MMLU ...").
- ``sticky_note``: a yellow note in a slanted italic, a few lines with numbers.
- ``email_text``: a plain e-mail with a subject line and two paragraphs of results.

Truth per image: ``{"style": ..., "charts": 0}``.

    python benchmarks/blind8_memes.py OUT_DIR [--count 16] [--seed 75000]
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import numpy as np
from blind8_data import BENCHES, FAMILIES, Look, command_line, generate_looks
from browser import Browser
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONTS = Path("/usr/share/fonts/truetype")
SANS = FONTS / "liberation/LiberationSans-Regular.ttf"
SANS_BOLD = FONTS / "liberation/LiberationSans-Bold.ttf"
ITALIC = FONTS / "freefont/FreeSerifItalic.ttf"
ROBOTO = FONTS / "roboto/unhinted/RobotoTTF/Roboto-Regular.ttf"


def font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype(str(path), size)
    except OSError:  # a font moved: the Liberation one is always there
        return ImageFont.truetype(str(SANS), size)


def wrap(draw: ImageDraw.ImageDraw, text: str, face: ImageFont.FreeTypeFont,
         width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=face) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def claim(rng: random.Random) -> str:
    """A sentence with a model, a score and a benchmark."""
    model = f"{rng.choice(FAMILIES)}-{rng.choice(('7B', '8B', '13B', '70B', 'Mini'))}"
    bench = rng.choice(BENCHES)[0]
    score = rng.uniform(30, 90)
    return rng.choice((
        f"{model} gets {score:.1f} on {bench}, up {rng.uniform(1, 9):.1f} points.",
        f"{model} reaches {score:.1f} on {bench} after {rng.choice(('1.4', '2', '3'))}T tokens.",
        f"On {bench}, {model} scores {score:.1f} with only {rng.randint(2, 40)}% of the compute.",
        f"{model} beats last month's best by {rng.uniform(0.5, 6):.1f} on {bench}.",
    ))


def impact(rng: random.Random, background: Image.Image) -> Image.Image:
    draw = ImageDraw.Draw(background)
    w, h = background.size
    bench = rng.choice(BENCHES)[0]
    top, bottom = rng.choice((
        ("WHEN YOUR 7B MODEL", f"SCORES {rng.uniform(60, 90):.1f} ON {bench}"),
        ("NOBODY:", f"ME AT 3 AM RERUNNING {bench} FOR THE {rng.randint(4, 12)}TH TIME"),
        (f"{bench} WENT FROM {rng.randint(30, 50)} TO {rng.randint(60, 80)}",
         "AND I CHANGED ONE PROMPT"),
        ("ONE DOES NOT SIMPLY", f"TRAIN ON {rng.randint(2, 15)}T TOKENS"),
    ))
    face = font(SANS_BOLD, max(28, w // 14))
    for text, at_top in ((top, True), (bottom, False)):
        lines = wrap(draw, text, face, w - 40)
        line_h = face.size + 8
        y = 16 if at_top else h - 20 - line_h * len(lines)
        for line in lines:
            x = (w - draw.textlength(line, font=face)) / 2
            draw.text((x, y), line, font=face, fill="white", stroke_width=max(2, face.size // 14),
                      stroke_fill="black")
            y += line_h
    return background


def impact_plain(rng: random.Random) -> Image.Image:
    size = (rng.randint(480, 720), rng.randint(420, 600))
    colour = tuple(rng.randint(40, 200) for _ in range(3))
    return impact(rng, Image.new("RGB", size, colour))


def impact_noisy(rng: random.Random) -> Image.Image:
    w, h = rng.randint(500, 760), rng.randint(420, 600)
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    a, b = np.array([rng.randint(0, 255) for _ in range(3)]), np.array(
        [rng.randint(0, 255) for _ in range(3)])
    t = ((x / w + y / h) / 2)[..., None]
    array = a * (1 - t) + b * t
    array += np.random.default_rng(rng.randrange(1 << 30)).normal(0, 18, array.shape)
    photo = Image.fromarray(np.clip(array, 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(photo)
    for _ in range(rng.randint(3, 7)):  # out-of-focus shapes: a "photo" behind the words
        cx, cy, r = rng.randint(0, w), rng.randint(0, h), rng.randint(30, 120)
        draw.ellipse((cx - r, cy - r, cx + r, cy + r),
                     fill=tuple(rng.randint(0, 255) for _ in range(3)))
    return impact(rng, photo.filter(ImageFilter.GaussianBlur(rng.uniform(6, 14))))


def tweet_text(rng: random.Random) -> Image.Image:
    w = rng.randint(560, 760)
    dark = rng.random() < 0.4
    ink, grey, back = ((231, 233, 234), (113, 118, 123), (0, 0, 0)) if dark else (
        (15, 20, 25), (83, 100, 113), (255, 255, 255))
    image = Image.new("RGB", (w, 900), back)
    draw = ImageDraw.Draw(image)
    body = font(ROBOTO, 19)
    draw.ellipse((20, 20, 68, 68), fill=(29, 155, 240))
    draw.text((80, 22), rng.choice(("Ada Lindqvist", "Tomás R.", "evals guy")), font=font(
        SANS_BOLD, 18), fill=ink)
    draw.text((80, 46), f"@{rng.choice(('ada_evals', 'tomas_ml', 'benchbro'))}", font=body,
              fill=grey)
    text = " ".join(claim(rng) for _ in range(rng.randint(2, 3))) + " " + rng.choice((
        "Wild times.", "Numbers in the paper, link below.", "Still not sure about contamination."))
    y = 90
    for line in wrap(draw, text, body, w - 40):
        draw.text((20, y), line, font=body, fill=ink)
        y += 28
    y += 10
    draw.text((20, y), f"{rng.randint(1, 11)}:{rng.randint(10, 59)} PM · Mar {rng.randint(1, 28)},"
              f" 2025 · {rng.randint(2, 90)}.{rng.randint(1, 9)}K Views", font=font(ROBOTO, 15),
              fill=grey)
    y += 36
    draw.line((20, y, w - 20, y), fill=grey, width=1)
    draw.text((20, y + 12), f"{rng.randint(10, 400)} Reposts   {rng.randint(100, 3000)} Likes",
              font=font(ROBOTO, 15), fill=grey)
    return image.crop((0, 0, w, y + 50))


def chat_text(rng: random.Random) -> Image.Image:
    w = rng.randint(380, 460)
    image = Image.new("RGB", (w, 1000), (230, 221, 212))
    draw = ImageDraw.Draw(image)
    face = font(ROBOTO, 16)
    y = 16
    for i in range(rng.randint(3, 5)):
        mine = i % 2 == 1
        text = claim(rng) if not mine else rng.choice((
            "no way, what about the 13B?", f"is that {rng.randint(0, 5)}-shot?",
            "source?", f"we got {rng.uniform(40, 80):.1f} with the old prompt lol"))
        lines = wrap(draw, text, face, int(w * 0.65))
        box_w = max(draw.textlength(line, font=face) for line in lines) + 24
        box_h = 22 * len(lines) + 16
        x = w - box_w - 12 if mine else 12
        draw.rounded_rectangle((x, y, x + box_w, y + box_h), radius=12,
                               fill=(220, 248, 198) if mine else (255, 255, 255))
        for k, line in enumerate(lines):
            draw.text((x + 12, y + 8 + 22 * k), line, font=face, fill=(20, 20, 20))
        y += box_h + 12
    return image.crop((0, 0, w, y + 8))


def bullet_slide(rng: random.Random) -> Image.Image:
    w, h = rng.choice(((960, 540), (1280, 720), (800, 600)))
    back, ink, accent = rng.choice((((255, 255, 255), (30, 30, 30), (0, 90, 170)),
                                    ((24, 32, 48), (235, 235, 240), (255, 170, 60))))
    image = Image.new("RGB", (w, h), back)
    draw = ImageDraw.Draw(image)
    draw.text((w // 14, h // 12), rng.choice(("What we learned", "Key results", "Takeaways")),
              font=font(SANS_BOLD, h // 12), fill=accent)
    face = font(SANS, h // 26)
    y = h // 4
    for _ in range(rng.randint(4, 5)):
        lines = wrap(draw, claim(rng), face, w - w // 5)
        draw.ellipse((w // 14, y + face.size // 3, w // 14 + 10, y + face.size // 3 + 10),
                     fill=accent)
        for line in lines:
            draw.text((w // 14 + 24, y), line, font=face, fill=ink)
            y += int(face.size * 1.35)
        y += face.size // 2
    return image


def numbered_list(rng: random.Random) -> Image.Image:
    w = rng.randint(600, 820)
    image = Image.new("RGB", (w, 900), (252, 252, 250))
    draw = ImageDraw.Draw(image)
    draw.text((24, 20), rng.choice(("This week in open models", "5 things from the new paper")),
              font=font(SANS_BOLD, 24), fill=(20, 20, 20))
    face = font(FONTS / "dejavu/DejaVuSerif.ttf", 17)
    y = 70
    for n in range(1, rng.randint(4, 6) + 1):
        lines = wrap(draw, claim(rng), face, w - 90)
        draw.text((28, y), f"{n}.", font=face, fill=(20, 20, 20))
        for line in lines:
            draw.text((58, y), line, font=face, fill=(20, 20, 20))
            y += 26
        y += 8
    return image.crop((0, 0, w, y + 16))


def sticky_note(rng: random.Random) -> Image.Image:
    side = rng.randint(420, 560)
    note = Image.new("RGB", (side, side), (255, 236, 120))
    draw = ImageDraw.Draw(note)
    face = font(ITALIC, side // 16)
    y = side // 10
    for _ in range(3):
        for line in wrap(draw, claim(rng), face, side - side // 6):
            draw.text((side // 12, y), line, font=face, fill=(40, 40, 120))
            y += int(face.size * 1.3)
        y += face.size // 2
    desk = Image.new("RGB", (side + 120, side + 120), (150, 120, 90))
    desk.paste(note.rotate(rng.uniform(-5, 5), expand=False, fillcolor=(150, 120, 90)), (60, 60))
    return desk


def email_text(rng: random.Random) -> Image.Image:
    w = rng.randint(640, 900)
    image = Image.new("RGB", (w, 900), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.text((24, 18), f"Subject: eval results for run {rng.randint(100, 999)}",
              font=font(SANS_BOLD, 20), fill=(20, 20, 20))
    draw.text((24, 48), "From: eval-bot  To: team", font=font(SANS, 15), fill=(110, 110, 110))
    face = font(SANS, 16)
    y = 90
    for _ in range(2):
        paragraph = " ".join(claim(rng) for _ in range(rng.randint(2, 3)))
        for line in wrap(draw, paragraph, face, w - 48):
            draw.text((24, y), line, font=face, fill=(30, 30, 30))
            y += 23
        y += 14
    draw.text((24, y), "Thanks,", font=face, fill=(30, 30, 30))
    return image.crop((0, 0, w, y + 40))


LOOKS: list[tuple[str, Callable[[random.Random], Image.Image]]] = [
    ("impact_plain", impact_plain), ("impact_noisy", impact_noisy), ("tweet_text", tweet_text),
    ("chat_text", chat_text), ("bullet_slide", bullet_slide), ("numbered_list", numbered_list),
    ("sticky_note", sticky_note), ("email_text", email_text),
]


def as_look(style: str, draw: Callable[[random.Random], Image.Image]) -> Look:
    """A text-only drawing as a look: its truth says it holds no chart; captions are
    sometimes JPEG, as memes travel."""

    def look(rng: random.Random, browser: Browser) -> tuple[Image.Image, dict, int | None]:
        quality = rng.choice((None, 75)) if style.startswith("impact") else None
        return draw(rng), {"style": style, "charts": 0}, quality

    return look


def generate(out: Path, count: int, seed: int) -> dict:
    """``count`` text-only images in ``out`` (the looks in turn), keyed by file name."""
    looks = [(style, as_look(style, draw)) for style, draw in LOOKS]
    return generate_looks(out, count, seed, "blind8-memes", looks, (800, 600))


if __name__ == "__main__":
    command_line(generate, __doc__ or "", 16, 75000)
