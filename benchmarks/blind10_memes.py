"""The tenth blind set's text-only memes: pictures of text, numbers in sentences, and no
chart and no table, drawn with PIL and written without reading the reader or any other
generator.

Looks, in turn:
- quote_card: a big quotation mark over a centred quote and its author on a flat colour;
- two_panel_reaction: two coloured boxes one above the other, a caption in each;
- forum_quote: a forum reply quoting an earlier post in a grey indented box;
- paper_twocol_prose: a paragraph of a paper set in two justified columns of prose;
- code_comment_block: a dark editor showing a Python comment block with scores in sentences;
- news_headline: a news page, a headline, a grey photo placeholder and a standfirst.

Truth per image: ``{"style": ..., "charts": 0}``.

    python benchmarks/blind10_memes.py OUT_DIR [--count 16] [--seed 95000]
"""

from __future__ import annotations

import json
import random
import textwrap
from pathlib import Path

from blind10_tables import cli
from PIL import Image, ImageDraw, ImageFont

FONTS = "/usr/share/fonts/truetype"
SERIF = f"{FONTS}/liberation/LiberationSerif-Regular.ttf"
SERIF_BOLD = f"{FONTS}/liberation/LiberationSerif-Bold.ttf"
SANS = f"{FONTS}/open-sans/OpenSans-Regular.ttf"
SANS_BOLD = f"{FONTS}/open-sans/OpenSans-Bold.ttf"
CONDENSED_BOLD = f"{FONTS}/roboto/unhinted/RobotoCondensed-Bold.ttf"
MONO = f"{FONTS}/dejavu/DejaVuSansMono.ttf"
STYLES = ["quote_card", "two_panel_reaction", "forum_quote", "paper_twocol_prose",
          "code_comment_block", "news_headline"]
FAMILIES = ["Marram", "Corvid", "Thistle", "Ostrea", "Lanternfly", "Pelion", "Sorrel", "Vireo"]


def font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size)


def claim(rng: random.Random) -> str:
    """A sentence with a score or two in it, as people write them."""
    a, b = rng.sample(FAMILIES, 2)
    x, y = round(rng.uniform(40, 90), 1), round(rng.uniform(20, 80), 1)
    return rng.choice([
        f"{a}-7B gets {x} on MMLU and still cannot count the r's in strawberry.",
        f"We went from {y}% to {x}% on GSM8K by changing one line of the prompt.",
        f"{a} beat {b} by {abs(x - y):.1f} points and nobody checked the test split.",
        f"Trained on {rng.randint(2, 15)}T tokens, scores {x} on HumanEval, vibes: unclear.",
        f"A {rng.choice([3, 8, 13, 70])}B model at {x} on ARC-C is not the flex you think it is.",
        f"Every leaderboard is {rng.randint(2, 9)} weeks from being saturated.",
    ])


def paragraph(rng: random.Random, sentences: int) -> str:
    filler = [
        "We follow the protocol of earlier work and report the mean over three seeds.",
        "The gap narrows once contamination is controlled for.",
        "Larger batches did not change the picture.",
        "All numbers are few-shot unless stated otherwise.",
        "We leave a study of longer contexts to future work.",
    ]
    return " ".join(rng.choice([claim(rng), rng.choice(filler)]) for _ in range(sentences))


def draw_wrapped(draw, xy, text, face, fill, width_chars, spacing=6, align="left", centre=None):
    lines = textwrap.wrap(text, width_chars)
    x, y = xy
    for line in lines:
        if centre is not None:
            w = draw.textlength(line, font=face)
            draw.text((centre - w / 2, y), line, font=face, fill=fill)
        else:
            draw.text((x, y), line, font=face, fill=fill)
        y += face.size + spacing
    return y


def quote_card(rng):
    w, h = rng.choice([(1080, 1080), (1200, 675), (800, 800)])
    bg, fg = rng.choice([("#1d3557", "#f1faee"), ("#ffe8d6", "#3d405b"), ("#2a9d8f", "#ffffff")])
    image = Image.new("RGB", (w, h), bg)
    draw = ImageDraw.Draw(image)
    draw.text((w * 0.08, h * 0.02), "\u201c", font=font(SERIF_BOLD, int(h * 0.35)), fill=fg)
    y = draw_wrapped(draw, (0, h * 0.34), claim(rng), font(SERIF, int(w / 22)), fg,
                     rng.choice([26, 30]), 10, centre=w / 2)
    draw.text((w / 2 - 120, y + 30), f"\u2014 @{rng.choice(FAMILIES).lower()}_fan",
              font=font(SANS, int(w / 40)), fill=fg)
    return image


def two_panel(rng):
    w = rng.choice([600, 720])
    image = Image.new("RGB", (w, w), "white")
    draw = ImageDraw.Draw(image)
    colours = rng.sample(["#e63946", "#457b9d", "#f4a261", "#8ecae6", "#6a994e"], 2)
    captions = [f"Reading that {rng.choice(FAMILIES)} scores {rng.uniform(80, 95):.1f} on MMLU",
                rng.choice(["Reading how they measured it", "Trying it on my own questions",
                            "Finding the test set in the training data"])]
    face = font(CONDENSED_BOLD, rng.choice([34, 40]))
    for i, (colour, caption) in enumerate(zip(colours, captions, strict=True)):
        top = i * w // 2
        draw.rectangle((0, top, w, top + w // 2 - 4), fill=colour)
        draw_wrapped(draw, (0, top + w // 8), caption.upper(), face, "white", 24, 8,
                     centre=w / 2)
    return image


def forum_quote(rng):
    w = rng.choice([760, 900])
    image = Image.new("RGB", (w, 560), "#f7f7f7")
    draw = ImageDraw.Draw(image)
    user, other = rng.sample(["quietloss", "tokenwrangler", "gradnorm", "evalgoblin"], 2)
    draw.ellipse((20, 20, 64, 64), fill=rng.choice(["#7b2cbf", "#0077b6", "#d00000"]))
    draw.text((78, 22), user, font=font(SANS_BOLD, 16), fill="#222")
    draw.text((78, 44), f"Posted {rng.randint(2, 23)} hours ago", font=font(SANS, 13),
              fill="#888")
    draw.rectangle((78, 80, w - 30, 230), fill="#e9e9e9")
    draw.rectangle((78, 80, 82, 230), fill="#aaa")
    draw.text((96, 90), f"{other} wrote:", font=font(SANS_BOLD, 14), fill="#555")
    draw_wrapped(draw, (96, 116), paragraph(rng, 2), font(SANS, 15), "#444", 80, 6)
    draw_wrapped(draw, (78, 250), paragraph(rng, 3), font(SANS, 16), "#222", 78, 8)
    return image


def paper_twocol(rng):
    w, h = 1100, 760
    image = Image.new("RGB", (w, h), "white")
    draw = ImageDraw.Draw(image)
    face = font(SERIF, 17)
    draw.text((60, 30), f"{rng.randint(3, 6)}.{rng.randint(1, 4)}  Results",
              font=font(SERIF_BOLD, 19), fill="black")
    for column in range(2):
        x = 60 + column * 510
        lines = textwrap.wrap(paragraph(rng, 16), 54)[:28]
        y = 70
        for number, line in enumerate(lines):
            words = line.split()
            slack = 470 - draw.textlength(line, font=face)
            gap = slack / max(len(words) - 1, 1) if number < len(lines) - 1 else 0
            cursor = x
            for word in words:  # justified: the slack spread between the words
                draw.text((cursor, y), word, font=face, fill="black")
                cursor += draw.textlength(word + " ", font=face) + gap
            y += 22
    draw.text((w / 2 - 8, h - 36), str(rng.randint(3, 14)), font=face, fill="black")
    return image


def code_comments(rng):
    w, h = rng.choice([(900, 520), (1000, 600)])
    image = Image.new("RGB", (w, h), "#1e1e1e")
    draw = ImageDraw.Draw(image)
    face = font(MONO, 15)
    lines = ['"""Notes from the last eval run."""', ""]
    lines += ["# " + part for part in textwrap.wrap(paragraph(rng, 7), 70)]
    lines += ["#", "# TODO: rerun with the fixed tokenizer before quoting any of this.", "",
              "def load_checkpoint(path: str):", "    return torch.load(path)"]
    for i, line in enumerate(lines):
        y = 16 + i * 22
        draw.text((12, y), f"{i + 1:>3}", font=face, fill="#858585")
        colour = "#6a9955" if line.startswith("#") else (
            "#ce9178" if line.startswith('"""') else "#d4d4d4")
        draw.text((64, y), line, font=face, fill=colour)
    return image


def news_headline(rng):
    w = rng.choice([760, 860])
    image = Image.new("RGB", (w, 820), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, w, 54), fill=rng.choice(["#111", "#8b0000", "#003366"]))
    draw.text((24, 12), rng.choice(["THE DAILY WIRE-FRAME", "TECH LEDGER", "The Morning Byte"]),
              font=font(SERIF_BOLD, 26), fill="white")
    family = rng.choice(FAMILIES)
    headline = (f"{family} says its new model tops {rng.randint(3, 12)} benchmarks, "
                f"but experts urge caution")
    y = draw_wrapped(draw, (24, 76), headline, font(SERIF_BOLD, 34), "#111", 38, 6)
    draw.rectangle((24, y + 12, w - 24, y + 332), fill="#cfcfcf")
    draw.text((w / 2 - 40, y + 160), "PHOTO", font=font(SANS_BOLD, 22), fill="#9a9a9a")
    draw_wrapped(draw, (24, y + 350), claim(rng) + " " + claim(rng), font(SERIF, 19),
                 "#333", 70, 8)
    return image


LOOKS = {"quote_card": quote_card, "two_panel_reaction": two_panel,
         "forum_quote": forum_quote, "paper_twocol_prose": paper_twocol,
         "code_comment_block": code_comments, "news_headline": news_headline}


def generate(out: Path, count: int, seed: int) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    for index in range(count):
        style = STYLES[index % len(STYLES)]
        rng = random.Random(f"blind10-memes/{seed}/{index}")
        image = LOOKS[style](rng)
        jpeg = rng.random() < 0.3
        name = f"{index:03d}_{style}.{'jpg' if jpeg else 'png'}"
        if jpeg:
            image.save(out / name, "JPEG", quality=rng.randint(55, 85))
        else:
            image.save(out / name)
        truth[name] = {"style": style, "charts": 0}
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth


def main() -> None:
    cli(generate, __doc__ or "", 16, 95000)


if __name__ == "__main__":
    main()
