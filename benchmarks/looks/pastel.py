"""Low-contrast pastel themes and a highlighted row, drawn with PIL.

Pages in mint, lavender, peach, sky or plain white; text of the palette's hue (or grey)
whose contrast with the page is between about 2:1 and 4.5:1 (WCAG ratio); a pastel header
band, sometimes zebra rows and pale row rules; one row selected as a web table or a
spreadsheet shows it: a deeper band, a band with an accent bar at its left, a band with
bold text, an outline, or a band with a mouse pointer over it and a tooltip beside the
table. Five sans fonts at 11-16 px; some shrunk, some saved as JPEG.

The truth is what the table prints; the tooltip and the pointer are no part of it.
"""

import io
import json
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from looks.common import BENCH, MODELS, size_of

FONTS = [  # (regular, bold)
    ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),
    ("liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf"),
    ("roboto/unhinted/RobotoTTF/Roboto-Regular.ttf", "roboto/unhinted/RobotoTTF/Roboto-Bold.ttf"),
    ("open-sans/OpenSans-Regular.ttf", "open-sans/OpenSans-Bold.ttf"),
    ("freefont/FreeSans.ttf", "freefont/FreeSansBold.ttf"),
]
FONT_ROOT = Path("/usr/share/fonts/truetype")
RGB = tuple[int, int, int]
# page, header band, zebra stripe, ink hue, selected band, accent
PALETTES: dict[str, tuple[RGB, RGB, RGB, RGB, RGB, RGB]] = {
    "mint": ((245, 252, 248), (207, 238, 223), (233, 247, 240), (28, 92, 62), (184, 229, 207),
             (52, 168, 110)),
    "lavender": ((250, 248, 255), (226, 218, 247), (241, 237, 252), (72, 50, 122),
                 (210, 198, 242), (128, 98, 212)),
    "peach": ((255, 250, 245), (253, 226, 204), (255, 241, 230), (122, 70, 40), (250, 210, 180),
              (232, 130, 72)),
    "sky": ((246, 251, 255), (206, 229, 247), (235, 245, 252), (36, 80, 122), (188, 219, 244),
            (68, 140, 212)),
    "grey": ((255, 255, 255), (241, 241, 243), (248, 248, 249), (70, 70, 74), (226, 233, 242),
             (120, 142, 170)),
}
SELECTIONS = ["band", "accent", "bold", "outline", "pointer"]


def _luminance(colour: RGB) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def ink_for(hue: RGB, ground: RGB, ratio: float) -> RGB:
    """The colour between ``hue`` and ``ground`` whose contrast with ``ground`` is ``ratio``
    (``hue`` itself where even it has less)."""
    low, high = 0.0, 1.0  # share of the ground mixed in
    for _ in range(20):
        mid = (low + high) / 2
        mixed = tuple(round(h + (g - h) * mid) for h, g in zip(hue, ground, strict=True))
        if contrast(mixed, ground) > ratio:  # type: ignore[arg-type]
            low = mid
        else:
            high = mid
    return tuple(round(h + (g - h) * low) for h, g in zip(hue, ground, strict=True))  # type: ignore[return-value]


def _pointer(draw: ImageDraw.ImageDraw, x: int, y: int, size: int) -> None:
    """A mouse pointer with its tip at (x, y)."""
    s = size / 16
    arrow = [(0, 0), (0, 15), (4, 11), (7, 17), (9, 16), (6, 10), (11, 10)]
    draw.polygon([(x + px * s, y + py * s) for px, py in arrow], fill="white", outline="black")


def _table(rng: random.Random) -> tuple[list[str], list[dict]]:
    n_rows, n_bench = rng.randint(4, 9), rng.randint(3, 6)
    benches = rng.sample(BENCH, n_bench)
    with_params = rng.random() < 0.4
    columns = ["Model"] + (["Params (B)"] if with_params else []) + benches
    rows = []
    # Not Mixtral: its size printed as 46.7B is no matter of contrast (the reader sizes it
    # from its name, 8x7B).
    for model in rng.sample([m for m in MODELS if "8x7B" not in m], n_rows):
        size = size_of(model)
        values = [round(rng.uniform(10, 92), 1) for _ in benches]
        cells = [model] + ([f"{size:g}" if size else "-"] if with_params else [])
        cells += [f"{v:.1f}" for v in values]
        mmlu = values[benches.index("MMLU")] if "MMLU" in benches else None
        rows.append({"model": model, "params_b": size, "tokens_t": None, "mmlu": mmlu,
                     "cells": cells})
    return columns, rows


def draw_table(
    rng: random.Random, columns: list[str], rows: list[dict]
) -> tuple[Image.Image, list]:
    """One pastel table, and what was picked for it."""
    palette = rng.choice(list(PALETTES))
    page, header, zebra, hue, selected_band, accent = PALETTES[palette]
    ratio = round(rng.uniform(2.0, 4.5), 2)
    ink = ink_for(hue, page, ratio)
    header_ink = ink_for(hue, page, min(7.0, ratio + rng.uniform(0.5, 2.5)))
    regular, bold = rng.choice(FONTS)
    size = rng.randint(11, 16)
    font = ImageFont.truetype(str(FONT_ROOT / regular), size)
    bold_font = ImageFont.truetype(str(FONT_ROOT / bold), size)
    header_font = bold_font if rng.random() < 0.6 else font
    zebra_rows = rng.random() < 0.5
    row_rules = rng.random() < 0.4
    selection = rng.choice(SELECTIONS)
    selected = rng.randrange(len(rows))
    pad_x, row_height = rng.randint(10, 20), int(size * rng.uniform(2.0, 2.8))
    texts = [columns] + [r["cells"] for r in rows]
    widths = [
        max(int(bold_font.getlength(t[c])) for t in texts) + 2 * pad_x
        for c in range(len(columns))
    ]
    margin = rng.randint(16, 40)
    title = rng.random() < 0.4
    top = margin + (int(size * 2.2) if title else 0)
    table_width = sum(widths)
    tooltip = selection == "pointer" and rng.random() < 0.6
    width = margin * 2 + table_width + (170 if tooltip else 0)
    height = top + row_height * (len(rows) + 1) + margin
    image = Image.new("RGB", (width, height), page)
    draw = ImageDraw.Draw(image)
    if title:
        draw.text((margin, margin), rng.choice(["Model comparison", "Evaluation results"]),
                  fill=header_ink, font=bold_font)
    centred_numbers = rng.random() < 0.5
    for r, cells in enumerate(texts):
        y = top + r * row_height
        body_row = r - 1
        ground = page
        if r == 0:
            ground = header
        elif body_row == selected and selection != "outline":
            ground = selected_band
        elif zebra_rows and body_row % 2 == 1:
            ground = zebra
        if ground != page:
            draw.rectangle([margin, y, margin + table_width - 1, y + row_height - 1], fill=ground)
        if body_row == selected and selection == "accent":
            draw.rectangle([margin, y, margin + 3, y + row_height - 1], fill=accent)
        if body_row == selected and selection == "outline":
            draw.rectangle([margin, y, margin + table_width - 1, y + row_height - 1],
                           outline=accent, width=2)
        if row_rules and r > 0:
            draw.line([margin, y, margin + table_width - 1, y], fill=header, width=1)
        cell_font = header_font if r == 0 else font
        if body_row == selected and selection == "bold":
            cell_font = bold_font
        x = margin
        for c, text in enumerate(cells):
            length = cell_font.getlength(text)
            if c == 0:
                tx = x + pad_x
            elif centred_numbers:
                tx = x + (widths[c] - length) / 2
            else:
                tx = x + widths[c] - pad_x - length
            ty = y + (row_height - size) / 2 - 1
            draw.text((tx, ty), text, fill=header_ink if r == 0 else ink, font=cell_font)
            x += widths[c]
        if body_row == selected and selection == "pointer":
            px = margin + rng.randint(widths[0] // 2, table_width - 10)
            _pointer(draw, px, y + row_height // 2, max(14, size + 4))
            if tooltip:
                tip_x = margin + table_width + 14
                draw.rounded_rectangle([tip_x, y, tip_x + 150, y + row_height], radius=4,
                                       fill=(60, 60, 66))
                draw.text((tip_x + 8, y + (row_height - size) / 2 - 1), "Click to compare",
                          fill="white", font=font)
    picked = [palette, ratio, regular, size, selection, rows[selected]["model"], zebra_rows,
              row_rules]
    return image, picked


def degrade(rng: random.Random, image: Image.Image) -> tuple[Image.Image, list]:
    """Some shrunk, some saved as JPEG: a screenshot passed around."""
    done = []
    if rng.random() < 0.35:
        factor = rng.uniform(0.65, 0.9)
        image = image.resize(
            (round(image.width * factor), round(image.height * factor)), Image.Resampling.BILINEAR
        )
        done.append(f"shrink {factor:.2f}")
    if rng.random() < 0.4:
        quality = rng.randint(50, 85)
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=quality)
        image = Image.open(buffer).convert("RGB")
        done.append(f"jpeg {quality}")
    return image, done


def generate(out: Path, count: int, seed: int) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    for i in range(count):
        columns, rows = _table(rng)
        image, picked = draw_table(rng, columns, rows)
        image, done = degrade(rng, image)
        name = f"pastel_{i:03d}.png"
        image.save(out / name)
        truth[name] = {
            "columns": columns,
            "settings": [None] * len(columns),
            "rows": rows,
            "style": "pastel",
            "look": picked + done,
        }
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
