"""Render varied benchmark-table screenshots with known content.

Styles people post: pandas/Jupyter frames, GitHub markdown, LaTeX booktabs, spreadsheet
grids, dark mode, a coloured header band, zebra stripes, bold best values, two-line
headers, a settings row ("5-shot"), "-" for missing values, an index column, meme captions;
several fonts, sizes down to 12 px, rescaling, JPEG down to quality 50, rotation up to
1.5 degrees, noise. Figures are published ones (model papers and cards).

    python benchmarks/synth_tables.py OUT_DIR [--count N] [--seed S]

writes OUT_DIR/NNN.png|jpg and OUT_DIR/truth.json ({file: {columns, settings, rows}}).
"""

from __future__ import annotations

import argparse
import io
import json
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from imgread.units import params_from_model_name

# (model, params B, tokens T, MMLU 5-shot, HellaSwag, GSM8K) as published; None: not reported.
MODELS: list[tuple[str, float, float | None, float | None, float | None, float | None]] = [
    ("LLaMA 7B", 7, 1.0, 35.1, 76.1, 11.0),
    ("LLaMA 13B", 13, 1.0, 46.9, 79.2, 17.8),
    ("LLaMA 33B", 33, 1.4, 57.8, 82.8, 35.6),
    ("LLaMA 65B", 65, 1.4, 63.4, 84.2, 50.9),
    ("Llama 2 7B", 7, 2.0, 45.3, 77.2, 14.6),
    ("Llama 2 13B", 13, 2.0, 54.8, 80.7, 28.7),
    ("Llama 2 70B", 70, 2.0, 68.9, 85.3, 56.8),
    ("Llama 3 8B", 8, 15.0, 66.6, 82.0, 79.6),
    ("Llama 3 70B", 70, 15.0, 79.5, 88.0, 93.0),
    ("Mistral 7B", 7.3, None, 60.1, 81.3, 52.2),
    ("Falcon 180B", 180, 3.5, 70.6, 88.9, None),
    ("Falcon 40B", 40, 1.0, 55.4, 85.3, 19.6),
    ("Chinchilla 70B", 70, 1.4, 67.5, 80.8, None),
    ("Gopher 280B", 280, 0.3, 60.0, 79.2, None),
    ("Gemma 7B", 8.5, 6.0, 64.3, 81.2, 46.4),
    ("Gemma 2B", 2.5, 3.0, 42.3, 71.4, 17.7),
    ("Qwen-7B", 7.7, 2.4, 58.2, 75.4, 51.7),
    ("Qwen-14B", 14.2, 3.0, 66.3, 80.2, 61.3),
    ("Phi-2", 2.7, 1.4, 56.7, 75.1, 61.1),
    ("Yi-34B", 34, 3.0, 76.3, 85.7, 67.2),
    ("Baichuan2-13B", 13, 2.6, 59.2, None, 52.8),
    ("Mixtral 8x7B", 46.7, None, 70.6, 84.4, 74.4),
]

FONT_DIR = Path("/usr/share/fonts/truetype")
FONTS = [
    ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),
    ("liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf"),
    ("liberation/LiberationSerif-Regular.ttf", "liberation/LiberationSerif-Bold.ttf"),
    ("freefont/FreeSans.ttf", "freefont/FreeSansBold.ttf"),
    ("roboto/unhinted/RobotoTTF/Roboto-Regular.ttf", "roboto/unhinted/RobotoTTF/Roboto-Bold.ttf"),
    ("open-sans/OpenSans-Regular.ttf", "open-sans/OpenSans-Bold.ttf"),
]
STYLES = ["pandas", "markdown", "booktabs", "grid", "dark", "band", "zebra"]
TITLES = ["MMLU vs scale", "Results on standard benchmarks", "Table 2: base models compared"]
# Suffixes that make a model name wrap inside a narrow name column.
LONG_SUFFIXES = ["-Chat-8bits(GPTQ)", "-Instruct-v0.2", " (4-bit AWQ)", "-Base-200K"]
CAPTIONS = [
    ("WHEN THE 7B MODEL", "BEATS THE 70B ONE"),
    ("NOBODY:", "ME READING BENCHMARK TABLES AT 3AM"),
]


@dataclass
class Spec:
    """What one image shows: the truth the benchmark compares against."""

    columns: list[str]
    settings: list[str | None]
    rows: list[dict[str, object]]  # model, params_b, tokens_t, mmlu, cells (printed text)
    index: bool
    wrap: bool = False  # long names wrap onto two lines inside their cell


def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    candidate = FONT_DIR / path
    if not candidate.exists():
        found = list(FONT_DIR.rglob(Path(path).name))
        candidate = found[0] if found else FONT_DIR / FONTS[0][0]
    return ImageFont.truetype(str(candidate), size)


def _fmt(value: float | None, kind: str, rng: random.Random, unit_style: str) -> str:
    if value is None:
        return "-"
    if kind == "params":
        number = f"{value:g}"
        return {"B": f"{number}B", "bare": number, "M": f"{value * 1000:,.0f}M"}[unit_style]
    if kind == "tokens":
        return {"B": f"{value:.1f}T", "bare": f"{value:.1f}", "M": f"{value * 1000:,.0f}B"}[
            unit_style
        ]
    return f"{value:.1f}"


def make_spec(rng: random.Random) -> Spec:
    models = rng.sample(MODELS, rng.randint(4, 9))
    layout = rng.choice(["hyper", "bench", "mixed"])
    unit_style = rng.choice(["B", "bare", "M"])
    columns = ["Model"]
    kinds = ["model"]
    if layout in ("hyper", "mixed"):
        params_name = {
            "B": rng.choice(["Params", "Size (B)"]),
            "bare": "Params (B)",
            "M": "# Params",
        }[unit_style]
        tokens_name = {"B": "Training tokens", "bare": "Tokens (T)", "M": "Tokens"}[unit_style]
        columns += [params_name, tokens_name]
        kinds += ["params", "tokens"]
    columns.append("MMLU")
    kinds.append("mmlu")
    if layout in ("bench", "mixed"):
        columns += ["HellaSwag", "GSM8K"]
        kinds += ["hellaswag", "gsm8k"]
    settings: list[str | None] = [None] * len(columns)
    if layout != "hyper" and rng.random() < 0.5:
        shots = {"mmlu": "5-shot", "hellaswag": "10-shot", "gsm8k": "8-shot"}
        settings = [shots.get(kind) for kind in kinds]
    rows = []
    wrap = rng.random() < 0.25
    for name, params, tokens, mmlu, hellaswag, gsm8k in models:
        if wrap and rng.random() < 0.6:
            name += rng.choice(LONG_SUFFIXES)
        values = {
            "params": params,
            "tokens": tokens,
            "mmlu": mmlu,
            "hellaswag": hellaswag,
            "gsm8k": gsm8k,
        }
        cells = [name] + [_fmt(values[k], k, rng, unit_style) for k in kinds[1:]]
        rows.append(
            {
                "model": name,
                # Without a parameter column a reader takes the size the name states.
                "params_b": float(params) if "params" in kinds else params_from_model_name(name),
                "tokens_t": tokens if "tokens" in kinds else None,
                "mmlu": mmlu,
                "cells": cells,
            }
        )
    return Spec(
        columns=columns, settings=settings, rows=rows, index=rng.random() < 0.3, wrap=wrap
    )


def wrapped(name: str) -> str:
    """A long name broken onto two lines after its base name, as a narrow cell wraps it."""
    for suffix in LONG_SUFFIXES:
        if name.endswith(suffix):
            head = name[: -len(suffix)]
            tail = suffix.strip()
            if suffix.startswith("-"):
                return f"{head}-\n{tail[1:]}"
            return f"{head}\n{tail}"
    return name


def render(spec: Spec, rng: random.Random) -> tuple[Image.Image, str]:
    style = rng.choice(STYLES)
    regular, bold = rng.choice(FONTS)
    size = rng.choice([12, 13, 14, 16, 18, 20, 24])
    face, face_bold = _font(regular, size), _font(bold, size)
    header = list(spec.columns)
    two_line = rng.random() < 0.3
    if two_line:
        header = [h.replace("Training tokens", "Training\ntokens") for h in header]
    rows = [list(row["cells"]) for row in spec.rows]  # type: ignore[call-overload]
    if spec.wrap:
        rows = [[wrapped(row[0]), *row[1:]] for row in rows]
    # A spreadsheet: a ruler of column letters above, row numbers down the left (the
    # header is row 1).
    ruler = style == "grid" and not spec.index and rng.random() < 0.4
    indexed = spec.index or ruler
    if spec.index:
        header = ["", *header]
        rows = [[str(i + 1), *row] for i, row in enumerate(rows)]
    elif ruler:
        header = ["1", *header]
        rows = [[str(i + 2), *row] for i, row in enumerate(rows)]
    settings = ([""] if indexed else []) + [s or "" for s in spec.settings]
    has_settings = any(settings)
    pad_x, pad_y = int(size * 0.9), int(size * 0.55)
    measure = ImageDraw.Draw(Image.new("RGB", (1, 1)))

    def width(text: str, f: ImageFont.FreeTypeFont) -> int:
        return max(int(measure.textlength(line, font=f)) for line in text.split("\n"))

    col_w = [
        max(
            [width(header[c], face_bold)]
            + [width(r[c], face_bold) for r in rows]
            + [width(settings[c], face)]
        )
        + 2 * pad_x
        for c in range(len(header))
    ]
    line_h = int(size * 1.25)
    head_h = line_h * (2 if two_line else 1) + 2 * pad_y
    set_h = line_h + 2 * pad_y if has_settings else 0
    row_h = line_h * (2 if spec.wrap else 1) + 2 * pad_y
    title = rng.choice(TITLES) if rng.random() < 0.2 else None
    caption = rng.choice(CAPTIONS) if rng.random() < 0.2 else None
    cap_face = _font(FONTS[0][1], size * 2)
    margin = size * 2
    top = (
        margin
        + (size * 3 if caption else 0)
        + (line_h * 2 if title else 0)
        + (line_h + pad_y if ruler else 0)
    )
    table_w, table_h = sum(col_w), head_h + set_h + row_h * len(rows)
    total_w = max(table_w + 2 * margin, 400)
    if caption:
        total_w = max(total_w, max(width(t, cap_face) for t in caption) + 2 * margin)
    total_h = top + table_h + margin + (size * 4 if caption else 0)
    dark = style == "dark"
    bg, ink = ((13, 17, 23), (230, 237, 243)) if dark else ((255, 255, 255), (30, 30, 30))
    rule = (70, 80, 90) if dark else (160, 160, 160)
    image = Image.new("RGB", (total_w, total_h), bg)
    draw = ImageDraw.Draw(image)
    left = (total_w - table_w) // 2
    if caption:
        # Plain text; white on black bars across the picture; or white letters outlined in
        # black, the classic meme caption.
        look = rng.choice(["plain", "bar", "outline"])
        bands = ((0, top - margin // 2), (top + table_h + margin // 4, total_h))
        for text, (y1, y2) in zip(caption, bands, strict=True):
            x = (total_w - width(text, cap_face)) // 2
            y = y1 + (y2 - y1 - size * 2) // 2
            if look == "bar":
                draw.rectangle((0, y1, total_w, y2), fill=(0, 0, 0))
                draw.text((x, y), text, font=cap_face, fill=(255, 255, 255))
            elif look == "outline":
                draw.text((x, y), text, font=cap_face, fill=(255, 255, 255), stroke_width=2,
                          stroke_fill=(0, 0, 0))
            else:
                draw.text((x, y), text, font=cap_face, fill=ink)
    if title:
        draw.text((left, top - int(line_h * 1.6)), title, font=face_bold, fill=ink)
    head_ink = ink
    if style == "band":
        band = rng.choice([(0, 50, 0), (30, 60, 120), (90, 20, 60)])
        draw.rectangle((left, top, left + table_w, top + head_h), fill=band)
        head_ink = rng.choice([(255, 255, 255), (120, 240, 120)])
    best = {
        c: max((v for r in rows if (v := parse(r[c])) is not None), default=None)
        for c in range(1, len(header))
    }
    right_align = style in ("pandas", "grid", "dark", "zebra")

    def cell(
        c: int, x: int, y: int, h: int, text: str, f: ImageFont.FreeTypeFont, fill: tuple
    ) -> None:
        lines = text.split("\n")
        for k, line in enumerate(lines):
            w = width(line, f)
            if (c == 0 and not indexed) or (indexed and c == 1):
                tx = x + pad_x
            elif right_align:
                tx = x + col_w[c] - pad_x - w
            else:
                tx = x + (col_w[c] - w) // 2
            ty = y + (h - line_h * len(lines)) // 2 + k * line_h
            draw.text((tx, ty), line, font=f, fill=fill)

    if ruler:
        x = left
        ruler_h = line_h + pad_y
        draw.rectangle((left, top - ruler_h, left + table_w, top), fill=(236, 236, 236))
        for c in range(len(header)):
            letter = "" if c == 0 else chr(ord("A") + c - 1)
            lx = x + (col_w[c] - width(letter, face)) // 2
            draw.text((lx, top - ruler_h + pad_y // 2), letter, font=face, fill=(90, 90, 90))
            draw.line((x, top - ruler_h, x, top), fill=rule, width=1)
            x += col_w[c]
    y = top
    x = left
    for c, text in enumerate(header):
        cell(c, x, y, head_h, text, face_bold, head_ink)
        x += col_w[c]
    y += head_h
    if has_settings:
        x = left
        for c, text in enumerate(settings):
            cell(c, x, y, set_h, text, face, ink)
            x += col_w[c]
        y += set_h
    body_top = y
    for r, row in enumerate(rows):
        if style in ("zebra", "pandas") and r % 2 == 0:
            draw.rectangle((left, y, left + table_w, y + row_h), fill=(245, 245, 245))
        x = left
        for c, text in enumerate(row):
            value = parse(text)
            is_best = (
                style in ("booktabs", "band", "markdown")
                and value is not None
                and (value == best.get(c))
            )
            f = face_bold if (is_best or (spec.index and c == 0)) else face
            cell(c, x, y, row_h, text, f, ink)
            x += col_w[c]
        y += row_h
        if style in ("grid", "dark", "band", "markdown"):
            draw.line((left, y, left + table_w, y), fill=rule, width=1)
    if style in ("grid", "dark", "band", "markdown"):
        x = left
        for c in range(len(header) + 1):
            draw.line((x, top, x, y), fill=rule, width=1)
            x += col_w[c] if c < len(header) else 0
        draw.line((left, top, left + table_w, top), fill=rule, width=1)
    if style in ("booktabs", "pandas"):
        thick = 2 if style == "booktabs" else 1
        draw.line((left, body_top, left + table_w, body_top), fill=ink, width=1)
        if style == "booktabs":
            draw.line((left, top, left + table_w, top), fill=ink, width=thick)
            draw.line((left, y, left + table_w, y), fill=ink, width=thick)
    if style == "grid" and rng.random() < 0.5:
        # A small ruled screenshot: every cell boxed, 250-400 px wide.
        factor = rng.randint(250, 400) / image.width
        if factor < 1:
            size_after = (int(image.width * factor), int(image.height * factor))
            image = image.resize(size_after, Image.LANCZOS)
    return degrade(image, rng), ("meme" if caption else style)


def parse(text: str) -> float | None:
    try:
        return float(text.rstrip("BTM").replace(",", ""))
    except ValueError:
        return None


def degrade(image: Image.Image, rng: random.Random) -> Image.Image:
    if rng.random() < 0.3:
        factor = rng.uniform(0.75, 1.3)
        image = image.resize((int(image.width * factor), int(image.height * factor)), Image.BICUBIC)
    if rng.random() < 0.25:
        angle = rng.uniform(-1.5, 1.5)
        image = image.rotate(
            angle, resample=Image.BICUBIC, expand=True, fillcolor=image.getpixel((0, 0))
        )
    if rng.random() < 0.2:
        array = np.asarray(image).astype(np.int16)
        noise = np.random.default_rng(rng.randint(0, 1 << 30)).normal(0, 6, array.shape)
        image = Image.fromarray(np.clip(array + noise, 0, 255).astype(np.uint8))
    return image


def generate(out: Path, count: int, seed: int = 0) -> dict[str, dict[str, object]]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict[str, object]] = {}
    for i in range(count):
        spec = make_spec(rng)
        image, style = render(spec, rng)
        if rng.random() < 0.3:
            name = f"{i:03d}.jpg"
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=rng.randint(50, 90))
            (out / name).write_bytes(buffer.getvalue())
        else:
            name = f"{i:03d}.png"
            image.save(out / name)
        truth[name] = {
            "columns": spec.columns,
            "settings": spec.settings,
            "rows": spec.rows,
            "style": style,
        }
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    generate(args.out, args.count, args.seed)
    print(f"wrote {args.count} images and truth.json to {args.out}")


if __name__ == "__main__":
    main()
