"""The thirteenth blind set's text-only images: pages of words (numbers in prose among
them) that hold no chart and no table. Six looks, in turn:

- calendar_day: a calendar's day view, hours down the side, event blocks with titles;
- recipe_card: a recipe card, an ingredient list with quantities and numbered steps;
- slack_announce: a chat announcement with a bulleted list of numbers in prose;
- newsletter_hero: an email newsletter header over a grey hero-image placeholder;
- ticket_fields: an issue ticket with its fields as "key: value" lines and a description;
- prose_diff: a diff of prose, removed lines red and added lines green.

Truth per image: ``{"style": ..., "charts": 0}``.

    python benchmarks/blind13_memes.py OUT_DIR [--count 16] [--seed 112000]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind13_data import Drawn, cli, encode, write_set
from PIL import Image, ImageDraw, ImageFont

FONTS = {
    "sans": "/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF/Roboto-Regular.ttf",
    "sans_bold": "/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF/Roboto-Bold.ttf",
    "open": "/usr/share/fonts/truetype/open-sans/OpenSans-Regular.ttf",
    "open_bold": "/usr/share/fonts/truetype/open-sans/OpenSans-Bold.ttf",
    "serif": "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "serif_bold": "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
    "mono": "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
}
Colour = tuple[int, int, int]


def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONTS[name], size)


def wrapped(draw: ImageDraw.ImageDraw, text: str, face: ImageFont.FreeTypeFont,
            width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and draw.textlength(trial, font=face) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    return [*lines, line] if line else lines


def paragraph(draw: ImageDraw.ImageDraw, xy: tuple[int, int], text: str,
              face: ImageFont.FreeTypeFont, width: int, fill: Colour, gap: float = 1.4) -> int:
    """Draw ``text`` wrapped to ``width``; returns the y below it."""
    x, y = xy
    for line in wrapped(draw, text, face, width):
        draw.text((x, y), line, font=face, fill=fill)
        y += round(face.size * gap)
    return y


def calendar_day(rng: random.Random) -> Image.Image:
    width, hour = rng.randint(520, 760), rng.randint(52, 64)
    start = rng.choice([8, 9])
    image = Image.new("RGB", (width, 90 + hour * 9), "white")
    draw = ImageDraw.Draw(image)
    draw.text((20, 18), f"Thursday {rng.randint(1, 28)}", font=font("sans_bold", 24),
              fill=(32, 33, 36))
    small = font("sans", 12)
    for i in range(9):
        y = 80 + i * hour
        draw.text((14, y - 7), f"{(start + i - 1) % 12 + 1} {'AM' if start + i < 12 else 'PM'}",
                  font=small, fill=(112, 117, 122))
        draw.line((70, y, width - 10, y), fill=(218, 220, 224))
    events = rng.sample([
        "Eval sync: 7B results", "Lunch with the data team", "Review: 2T token run",
        "1:1 with Marta", "Reading group: scaling laws", "Ship v0.3 checkpoints",
        "Interview (onsite)", "Dry run of the 15 min talk"], 4)
    slots = sorted(rng.sample(range(8), 4))
    colours = [(3, 155, 229), (51, 182, 121), (246, 191, 38), (230, 124, 115)]
    for (slot, title), colour in zip(zip(slots, events, strict=True), colours, strict=True):
        top = 80 + slot * hour + 2
        length = hour * rng.choice([1, 1, 0.5]) - 4
        draw.rounded_rectangle((76, top, width - 16, top + length), radius=5, fill=colour)
        draw.text((84, top + 4), title, font=font("sans_bold", 13), fill="white")
        if length > 30:
            draw.text((84, top + 22), f"{start + slot}:00 – {start + slot + 1}:00",
                      font=small, fill="white")
    return image


def recipe_card(rng: random.Random) -> Image.Image:
    width = rng.randint(560, 760)
    image = Image.new("RGB", (width, 760), (253, 248, 238))
    draw = ImageDraw.Draw(image)
    dish = rng.choice(["Lemon olive oil cake", "Weeknight dal", "Brown butter cookies"])
    draw.rectangle((0, 0, width, 8), fill=(214, 96, 60))
    draw.text((30, 28), dish, font=font("serif_bold", 30), fill=(60, 40, 30))
    draw.text((30, 74), f"Serves {rng.randint(2, 8)} · {rng.choice([25, 40, 55])} min · "
              f"{rng.choice([220, 340, 410])} kcal a serving", font=font("serif", 16),
              fill=(120, 90, 70))
    y = 118
    draw.text((30, y), "Ingredients", font=font("open_bold", 18), fill=(214, 96, 60))
    y += 32
    for item in rng.sample(["200 g flour", "3 eggs", "120 ml olive oil", "2 lemons, zested",
                            "150 g sugar", "1 tsp baking powder", "a pinch of salt",
                            "250 g red lentils", "400 ml coconut milk"], 6):
        draw.text((40, y), f"•  {item}", font=font("open", 15), fill=(60, 40, 30))
        y += 25
    y += 12
    draw.text((30, y), "Method", font=font("open_bold", 18), fill=(214, 96, 60))
    y += 32
    steps = ["Heat the oven to 180 °C and line a 20 cm tin.",
             "Whisk the eggs and sugar for 3 minutes until pale.",
             "Fold in the rest, pour into the tin and bake for 35 to 40 minutes.",
             "Cool for 10 minutes before turning out."]
    for n, step in enumerate(steps, 1):
        draw.text((30, y), f"{n}.", font=font("open_bold", 15), fill=(60, 40, 30))
        y = paragraph(draw, (56, y), step, font("open", 15), width - 90, (60, 40, 30)) + 6
    return image.crop((0, 0, width, y + 24))


def slack_announce(rng: random.Random) -> Image.Image:
    width = rng.randint(620, 900)
    image = Image.new("RGB", (width, 700), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, 44), fill=(63, 14, 64))
    draw.text((16, 12), "# announcements", font=font("sans_bold", 16), fill="white")
    draw.rounded_rectangle((16, 62, 52, 98), radius=6, fill=(46, 182, 125))
    draw.text((64, 60), rng.choice(["Dana Whitfield", "Kofi Mensah", "Ines Aubert"]),
              font=font("sans_bold", 15), fill=(29, 28, 29))
    draw.text((64 + 130, 62), f"{rng.randint(9, 11)}:{rng.randint(10, 59)} AM",
              font=font("sans", 12), fill=(97, 96, 97))
    body = font("sans", 15)
    y = paragraph(draw, (64, 86), ":tada: The new base model is out! A few numbers from "
                  "the run:", body, width - 90, (29, 28, 29))
    bullets = [f"we trained on {rng.choice([2, 3, 4.5])}T tokens over {rng.randint(18, 40)} "
               "days",
               f"the {rng.choice([7, 13, 34])}B model beats last quarter's by "
               f"{rng.randint(3, 9)} points on MMLU",
               f"inference is {rng.choice([1.4, 1.8, 2.3])}x faster at batch 32",
               f"{rng.randint(60, 95)}% of the eval suite now runs nightly"]
    for bullet in bullets:
        draw.text((74, y + 8), "•", font=body, fill=(29, 28, 29))
        y = paragraph(draw, (92, y + 4), bullet, body, width - 120, (29, 28, 29))
    y = paragraph(draw, (64, y + 8), "Thanks to everyone who babysat the cluster. Questions "
                  "in the thread please.", body, width - 90, (29, 28, 29))
    draw.rounded_rectangle((64, y + 10, 96, y + 34), radius=4, fill=(54, 197, 240))
    draw.text((106, y + 13), f"{rng.randint(5, 40)} replies   Last reply today",
              font=font("sans_bold", 13), fill=(18, 100, 163))
    return image.crop((0, 0, width, y + 52))


def newsletter_hero(rng: random.Random) -> Image.Image:
    width = rng.randint(600, 720)
    image = Image.new("RGB", (width, 820), (240, 240, 240))
    draw = ImageDraw.Draw(image)
    left, right = 30, width - 30
    draw.rectangle((left, 20, right, 800), fill="white")
    name = rng.choice(["The Gradient Digest", "Weights & Notes", "Token Weekly"])
    draw.text((left + 24, 40), name, font=font("serif_bold", 28), fill=(20, 20, 20))
    draw.text((left + 24, 80), f"Issue #{rng.randint(40, 180)} · {rng.randint(4, 9)} min read",
              font=font("open", 13), fill=(120, 120, 120))
    top = 112
    draw.rectangle((left + 24, top, right - 24, top + 220), fill=(205, 210, 216))
    draw.line((left + 24, top, right - 24, top + 220), fill=(185, 190, 196), width=2)
    draw.line((left + 24, top + 220, right - 24, top), fill=(185, 190, 196), width=2)
    draw.text(((left + right) // 2 - 40, top + 100), "hero image", font=font("open", 14),
              fill=(110, 115, 120))
    y = top + 244
    draw.text((left + 24, y), rng.choice(["Small models, big week", "What 15T tokens buys"]),
              font=font("open_bold", 22), fill=(20, 20, 20))
    y = paragraph(draw, (left + 24, y + 40), "This week three labs shipped models under 10B "
                  f"parameters, one of them trained on {rng.choice([6, 9, 12])} trillion tokens. "
                  "We read the reports so you do not have to, and found the usual caveats about "
                  "contamination.", font("open", 15), right - left - 48, (50, 50, 50))
    draw.rounded_rectangle((left + 24, y + 14, left + 200, y + 52), radius=6,
                           fill=(232, 93, 4))
    draw.text((left + 44, y + 23), "Read the issue", font=font("open_bold", 15), fill="white")
    return image.crop((0, 0, width, y + 90))


def ticket_fields(rng: random.Random) -> Image.Image:
    width = rng.randint(620, 860)
    image = Image.new("RGB", (width, 700), (250, 251, 252))
    draw = ImageDraw.Draw(image)
    key = f"ML-{rng.randint(1000, 4999)}"
    draw.text((24, 18), key, font=font("sans", 13), fill=(94, 108, 132))
    draw.text((24, 40), rng.choice(["Eval job OOMs on the 34B checkpoint",
                                    "Tokenizer drops the last 512 tokens"]),
              font=font("sans_bold", 21), fill=(23, 43, 77))
    fields = [("Type", "Bug"), ("Priority", rng.choice(["High", "Medium"])),
              ("Status", rng.choice(["In Progress", "To Do"])),
              ("Assignee", rng.choice(["S. Varga", "T. Obi"])),
              ("Affects version", f"{rng.randint(1, 3)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}"),
              ("Story points", str(rng.choice([2, 3, 5, 8]))),
              ("Due", f"{rng.randint(1, 28)} Jun")]
    y = 84
    for name, value in fields:
        draw.text((24, y), f"{name}: {value}", font=font("sans", 14), fill=(23, 43, 77))
        y += 24
    y += 12
    draw.text((24, y), "Description", font=font("sans_bold", 15), fill=(23, 43, 77))
    y = paragraph(draw, (24, y + 26), f"Running the harness with batch size "
                  f"{rng.choice([16, 32])} on 8 GPUs fails after about {rng.randint(20, 90)} "
                  "minutes. Memory climbs by roughly 2 GB per thousand prompts, so something "
                  "keeps the KV cache alive between batches.", font("sans", 14), width - 48,
                  (23, 43, 77))
    y = paragraph(draw, (24, y + 10), "Steps: 1) start the job, 2) wait, 3) watch it die.",
                  font("sans", 14), width - 48, (23, 43, 77))
    return image.crop((0, 0, width, y + 24))


def prose_diff(rng: random.Random) -> Image.Image:
    width = rng.randint(700, 980)
    face = font("mono", rng.choice([13, 14]))
    lines = [
        (" ", "## Results"),
        (" ", ""),
        ("-", "Our model reaches 61 percent on the reasoning suite,"),
        ("-", "about 4 points above the previous release."),
        ("+", f"Our model reaches {rng.randint(62, 70)} percent on the reasoning suite,"),
        ("+", f"about {rng.randint(5, 9)} points above the previous release, with"),
        ("+", "the same 7B parameters and half the training compute."),
        (" ", ""),
        (" ", "We thank the reviewers for their comments."),
        ("-", "Training took 3 weeks on 256 GPUs."),
        ("+", f"Training took {rng.randint(2, 5)} weeks on {rng.choice([128, 512])} GPUs."),
    ]
    height = 60 + len(lines) * round(face.size * 1.6)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, 36), fill=(246, 248, 250))
    draw.text((12, 10), "docs/paper/results.md", font=font("sans_bold", 14), fill=(36, 41, 47))
    y, step = 44, round(face.size * 1.6)
    shades = {"-": (255, 235, 233), "+": (230, 255, 236), " ": (255, 255, 255)}
    for n, (mark, text) in enumerate(lines, 1):
        draw.rectangle((0, y, width, y + step), fill=shades[mark])
        draw.text((8, y + 3), f"{n:>3}", font=face, fill=(140, 149, 159))
        draw.text((50, y + 3), f"{mark} {text}", font=face, fill=(36, 41, 47))
        y += step
    return image


LOOKS = {
    "calendar_day": calendar_day,
    "recipe_card": recipe_card,
    "slack_announce": slack_announce,
    "newsletter_hero": newsletter_hero,
    "ticket_fields": ticket_fields,
    "prose_diff": prose_diff,
}


def generate(out: Path, count: int, seed: int) -> dict:
    def draw(style: str, rng: random.Random) -> Drawn:
        image = LOOKS[style](rng)
        jpeg = rng.randint(65, 85) if rng.random() < 0.3 else None
        return (*encode(image, jpeg=jpeg), {"charts": 0})

    return write_set(out, count, seed, "memes", list(LOOKS), draw)


if __name__ == "__main__":
    cli(generate, __doc__, 16, 112000)
