"""Small boxed-grid JPEGs (every cell boxed), 250-400 px wide, three degrees of hardness;
some with a bold header, a dark header band with white names, zebra rows, pale or black
rules, condensed or monospaced fonts; some drawn at their small size rather than shrunk.
Half are then drawn as another renderer would (``_another_renderer``): Roboto or Open Sans,
grey or blue-black ink, two decimals, a dark page, a bilinear or box shrink, JPEG 40-80."""

import json
import random
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from looks.common import BENCH, FONTS, MODELS, size_of

MORE_FONTS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf",
    "/usr/share/fonts/truetype/freefont/FreeSans.ttf",
    "/usr/share/fonts/truetype/freefont/FreeSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
]
BOLD = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf": "DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf": "DejaVuSerif-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf": "LiberationSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf": "LiberationSerif-Bold.ttf",
}

OTHER_FONTS = [
    "/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF/Roboto-Regular.ttf",
    "/usr/share/fonts/truetype/open-sans/OpenSans-Regular.ttf",
    "/usr/share/fonts/truetype/roboto/unhinted/RobotoCondensed-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf",
]
# page and ink of a dark page (GitHub dark, VS Code, a plain black page)
DARK_PAGES = [
    ((13, 17, 23), (230, 237, 243)),
    ((30, 30, 30), (212, 212, 212)),
    ((0, 0, 0), (255, 255, 255)),
]


# (rows, benchmarks, font px, width px, JPEG quality), easy to hard
HARDNESS = [
    ((3, 6), (2, 4), (16, 22), (250, 400), (50, 85)),
    ((4, 8), (3, 5), (16, 22), (250, 330), (50, 85)),
    ((5, 9), (4, 6), (14, 18), (250, 300), (35, 60)),
]


def generate(out: Path, count: int, seed: int) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    for i in range(count):
        rows_range, bench_range, size_range, width_range, quality_range = rng.choice(HARDNESS)
        n_rows, n_bench = rng.randint(*rows_range), rng.randint(*bench_range)
        models = rng.sample(MODELS, n_rows)
        benches = rng.sample(BENCH, n_bench)
        with_params = rng.random() < 0.5
        columns = ["Model"] + (["Params"] if with_params else []) + benches
        rows = []
        for m in models:
            cells = [m] + ([f"{size_of(m):g}B" if size_of(m) else "-"] if with_params else [])
            vals = [f"{rng.uniform(10, 90):.1f}" for _ in benches]
            if rng.random() < 0.2:
                vals[rng.randrange(len(vals))] = "-"
            cells += vals
            mmlu = None
            if "MMLU" in benches:
                v = vals[benches.index("MMLU")]
                mmlu = None if v == "-" else float(v)
            rows.append(
                {"model": m, "params_b": size_of(m), "tokens_t": None, "mmlu": mmlu, "cells": cells}
            )
        # another renderer's choices, from a generator of their own (the draws above and
        # below stay as they were)
        other = random.Random(seed * 7919 + i)
        another = other.random() < 0.5
        if another and other.random() < 0.4:
            for row in rows:
                for c in range(1 + with_params, len(columns)):
                    if row["cells"][c] != "-":
                        row["cells"][c] = (
                            f"{float(row['cells'][c]) + other.randrange(10) / 100:.2f}"
                        )
                if row["mmlu"] is not None:
                    row["mmlu"] = float(row["cells"][columns.index("MMLU")])
        size = rng.randint(*size_range)
        font = rng.choice(FONTS)
        face = ImageFont.truetype(font, size)
        # the later looks: other fonts, a bold or white-on-dark header, zebra rows, rules
        # pale or black (chosen by a second generator so that the first draws as before)
        look = random.Random(seed * 1000 + i)
        font = look.choice([font, font, *MORE_FONTS])
        if another and other.random() < 0.6:
            font = other.choice(OTHER_FONTS)
        face = ImageFont.truetype(font, size)
        head_face = face
        if font in BOLD and look.random() < 0.5:
            head_face = ImageFont.truetype(str(Path(font).parent / BOLD[font]), size)
        rule = look.choice([(60, 60, 60), (60, 60, 60), (0, 0, 0), (160, 160, 160)])
        dark_head = look.random() < 0.2
        zebra = look.random() < 0.25
        # drawn at its small size (crisp one-pixel rules, hinted glyphs), never shrunk
        drawn_small = look.random() < 0.3
        if drawn_small:
            size = look.randint(9, 12)
            bold = head_face is not face
            face = ImageFont.truetype(font, size)
            head_face = (
                ImageFont.truetype(str(Path(font).parent / BOLD[font]), size) if bold else face
            )
        widths = [
            int(
                max(
                    max(face.getlength(r["cells"][c]) for r in rows),
                    head_face.getlength(columns[c]),
                )
            )
            + 2 * size // 2
            + 8
            for c in range(len(columns))
        ]
        xs = [6]
        for w in widths:
            xs.append(xs[-1] + w)
        pitch = int(size * 1.9)
        ys = [6 + r * pitch for r in range(n_rows + 2)]
        img = Image.new("RGB", (xs[-1] + 6, ys[-1] + 6), "white")
        d = ImageDraw.Draw(img)
        if rng.random() < 0.4:
            d.rectangle(
                (xs[0], ys[0], xs[-1], ys[1]),
                fill=rng.choice([(220, 230, 245), (235, 235, 235), (250, 240, 210)]),
            )
        if dark_head:
            d.rectangle((xs[0], ys[0], xs[-1], ys[1]), fill=(68, 84, 106))
        if zebra:
            for r in range(2, n_rows + 1, 2):
                d.rectangle((xs[0], ys[r], xs[-1], ys[r + 1]), fill=(242, 242, 242))
        aligns = [rng.choice(["left", "right", "centre"]) for _ in columns]
        for r, cells in enumerate([columns] + [row["cells"] for row in rows]):
            for c, t in enumerate(cells):
                left = c == 0
                # placed by the width of the face it is drawn in (a bold name set right
                # with the regular face's width ran over its cell's rule)
                tw = (head_face if r == 0 else face).getlength(t)
                a = "left" if left else aligns[c]
                x = (
                    xs[c] + 6
                    if a == "left"
                    else xs[c + 1] - 6 - tw
                    if a == "right"
                    else (xs[c] + xs[c + 1] - tw) / 2
                )
                ink = (250, 250, 250) if r == 0 and dark_head else (20, 20, 20)
                font_r = head_face if r == 0 else face
                d.text((x, ys[r] + (pitch - size) // 2 - 1), t, fill=ink, font=font_r)
        lw = rng.choice([1, 1, 2])
        if drawn_small:
            lw = 1
        for y in ys:
            d.line((xs[0], y, xs[-1], y), fill=rule, width=lw)
        for x in xs:
            d.line((x, ys[0], x, ys[-1]), fill=rule, width=lw)
        width = rng.randint(*width_range)
        quality = rng.randint(*quality_range)
        resample = Image.LANCZOS
        if another:
            img, resample = _another_renderer(img, other)
            quality = other.randint(40, 80)
        if not drawn_small:
            img = img.resize((width, round(img.height * width / img.width)), resample)
        name = f"tiny_{i:03d}.jpg"
        img.save(out / name, quality=quality)
        truth[name] = {
            "columns": columns,
            "settings": [None] * len(columns),
            "rows": rows,
            "style": "tiny_grid",
        }
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth


def _another_renderer(img: Image.Image, other: random.Random) -> tuple[Image.Image, int]:
    """Ink and page as another renderer draws them (grey or blue-black ink, sometimes a
    dark page), and the filter its shrink uses."""
    grey = np.asarray(img.convert("L"), dtype=np.float32) / 255.0  # 1 page, 0 ink
    if other.random() < 0.3:
        page, ink = other.choice(DARK_PAGES)
    else:
        page = (255, 255, 255)
        ink = other.choice([(20, 20, 20), (36, 41, 47), (51, 51, 51), (31, 35, 80)])
    mixed = grey[..., None] * np.array(page) + (1 - grey[..., None]) * np.array(ink)
    out = Image.fromarray(mixed.clip(0, 255).astype(np.uint8), "RGB")
    return out, other.choice([Image.BILINEAR, Image.BICUBIC, Image.BOX, Image.HAMMING])
