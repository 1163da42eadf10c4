"""Tables as printed in papers: booktabs rules and no vertical ones, a caption, benchmark
groups spanning columns over a partial rule, section rows ("Open models"), the best value
bold and the second underlined, "±" spreads, footnote daggers, serif fonts (Computer
Modern, STIX, Liberation, DejaVu), rendered large and shrunk as a PDF page shot is."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

import matplotlib
from PIL import Image, ImageDraw, ImageFont

from looks.common import BENCH, MODELS, size_of

TTF = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
LIBERATION = Path("/usr/share/fonts/truetype/liberation")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
# (regular, bold)
FACES = [
    (TTF / "cmr10.ttf", TTF / "cmb10.ttf"),
    (TTF / "STIXGeneral.ttf", TTF / "STIXGeneralBol.ttf"),
    (LIBERATION / "LiberationSerif-Regular.ttf", LIBERATION / "LiberationSerif-Bold.ttf"),
    (DEJAVU / "DejaVuSerif.ttf", DEJAVU / "DejaVuSerif-Bold.ttf"),
]
GROUPS = {
    "Knowledge": ["MMLU", "TriviaQA"],
    "Reasoning": ["BBH", "ARC-C", "HellaSwag"],
    "Math": ["GSM8K", "MATH"],
    "Code": ["HumanEval"],
}
SECTIONS = ["Open-weight models", "Closed models", "Base models", "Ours"]
CAPTIONS = [
    "Table {n}: Results on standard benchmarks. Best in bold, second underlined.",
    "Table {n}. Comparison with open models of similar size.",
    "Table {n}: Few-shot evaluation results.",
]


def _cells(
    rng: random.Random, model: str, benches: list[str], params: str | None, spread: bool
) -> tuple[list[str], list[float | None]]:
    cells = [model]
    if params == "suffix":
        size = size_of(model)
        cells.append(f"{size:g}B" if size else "-")
    elif params == "number":
        size = size_of(model)
        cells.append(f"{size:g}" if size else "-")
    values: list[float | None] = []
    for _ in benches:
        if rng.random() < 0.07:
            cells.append("-")
            values.append(None)
            continue
        value = round(rng.uniform(15, 88), 1)
        values.append(value)
        cells.append(f"{value:.1f}±{rng.uniform(0.1, 1.9):.1f}" if spread else f"{value:.1f}")
    return cells, values


@dataclass
class _Page:
    draw: ImageDraw.ImageDraw
    xs: list[float]  # column edges
    pad: float
    size: int  # font px
    thin: int  # rule width


def _cell(
    page: _Page, c: int, y: float, text: str, font: ImageFont.FreeTypeFont, underline: bool = False
) -> None:
    """The first column left-aligned, the others centred; an underline under the text."""
    w = font.getlength(text)
    x = page.xs[c] + page.pad if c == 0 else (page.xs[c] + page.xs[c + 1] - w) / 2
    page.draw.text((x, y), text, fill="black", font=font)
    if underline:
        base = y + page.size * 1.05
        page.draw.line((x, base, x + w, base), fill="black", width=page.thin)


def generate(out: Path, count: int, seed: int) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    for i in range(count):
        grouped = rng.random() < 0.5
        if grouped:
            names = rng.sample(list(GROUPS), rng.randint(2, 3))
            groups = [(g, rng.sample(GROUPS[g], rng.randint(1, len(GROUPS[g])))) for g in names]
            benches = [b for _, members in groups for b in members]
        else:
            groups = []
            benches = rng.sample(BENCH, rng.randint(3, 6))
        params = rng.choice([None, "suffix", "number"])
        regular_path, bold_path = rng.choice(FACES)
        tex_encoded = regular_path.name.startswith("cm")  # no "±" or "†" glyphs in it
        spread = rng.random() < 0.2 and not tex_encoded
        models = rng.sample(MODELS, rng.randint(4, 8))
        dagger = rng.random() < 0.3 and not tex_encoded
        columns = ["Model"] + {None: [], "suffix": ["Size"], "number": ["Params (B)"]}[params]
        columns += benches
        rows, values_by_row = [], []
        for model in models:
            cells, values = _cells(rng, model, benches, params, spread)
            mmlu = values[benches.index("MMLU")] if "MMLU" in benches else None
            rows.append(
                {
                    "model": model,
                    "params_b": size_of(model),
                    "tokens_t": None,
                    "mmlu": mmlu,
                    "cells": cells,
                }
            )
            values_by_row.append(values)
        shown_names = [m + ("†" if dagger and rng.random() < 0.3 else "") for m in models]
        sections = rng.random() < 0.4
        split = rng.randint(1, len(models) - 1) if sections else None
        section_names = rng.sample(SECTIONS, 2)

        size = rng.randint(30, 40)  # drawn large, shrunk afterwards as a page shot
        face = ImageFont.truetype(str(regular_path), size)
        bold = ImageFont.truetype(str(bold_path), size)
        small = ImageFont.truetype(str(regular_path), int(size * 0.8))
        first = len(columns) - len(benches)
        best = {}
        for c in range(len(benches)):
            ranked = sorted((v[c], r) for r, v in enumerate(values_by_row) if v[c] is not None)[
                ::-1
            ]
            best[c] = [r for _, r in ranked[:2]]
        table_rows = [[shown_names[r], *rows[r]["cells"][1:]] for r in range(len(rows))]

        def width_of(text: str, font: ImageFont.FreeTypeFont = bold) -> float:
            return font.getlength(text)

        pad = size
        widths = [
            max(width_of(row[c]) for row in [columns, *table_rows]) + 2 * pad
            for c in range(len(columns))
        ]
        for name, members in groups:  # a group's title may be wider than its columns
            start = first + benches.index(members[0])
            span = sum(widths[start : start + len(members)])
            if width_of(name) + pad > span:
                widths[start + len(members) - 1] += width_of(name) + pad - span
        xs = [2 * size]
        for w in widths:
            xs.append(xs[-1] + w)
        pitch = int(size * 1.45)
        caption = rng.choice(CAPTIONS).format(n=rng.randint(1, 9))
        caption_above = rng.random() < 0.6
        header_lines = 2 if groups else 1
        body_lines = len(rows) + (2 if sections else 0)
        height = pitch * (header_lines + body_lines + 4)
        image = Image.new("RGB", (int(xs[-1] + 2 * size), height), "white")
        draw = ImageDraw.Draw(image)
        y = size
        if caption_above:
            draw.text((xs[0], y), caption, fill="black", font=small)
            y += pitch + size // 2
        thick, thin = max(2, size // 12), max(1, size // 24)
        draw.line((xs[0], y, xs[-1], y), fill="black", width=thick)
        y += size // 3

        page = _Page(draw, xs, pad, size, thin)

        if groups:
            for name, members in groups:
                start = first + benches.index(members[0])
                end = start + len(members)
                w = face.getlength(name)
                draw.text(((xs[start] + xs[end] - w) / 2, y), name, fill="black", font=face)
                draw.line(
                    (xs[start] + pad / 2, y + pitch - 4, xs[end] - pad / 2, y + pitch - 4),
                    fill="black",
                    width=thin,
                )
            y += pitch
        for c, name in enumerate(columns):
            _cell(page, c, y, name, face)
        y += pitch + size // 6
        draw.line((xs[0], y, xs[-1], y), fill="black", width=thin)
        y += size // 3
        for r in range(len(rows)):
            if sections and r in (0, split):
                label = section_names[0 if r == 0 else 1]
                italic = ImageFont.truetype(str(regular_path), size)
                draw.text((xs[0] + pad, y), label, fill=(60, 60, 60), font=italic)
                y += pitch
            for c, text in enumerate(table_rows[r]):
                b = c - first
                font = bold if b >= 0 and best[b][:1] == [r] else face
                under = b >= 0 and len(best[b]) > 1 and best[b][1] == r
                _cell(page, c, y, text, font, under)
            y += pitch
        y += size // 6
        draw.line((xs[0], y, xs[-1], y), fill="black", width=thick)
        y += size // 2
        if not caption_above:
            draw.text((xs[0], y), caption, fill="black", font=small)
            y += pitch
        if dagger:
            draw.text(
                (xs[0], y), "† Results reported by the model's authors.", fill="black", font=small
            )
            y += pitch
        image = image.crop((0, 0, image.width, int(y + size)))
        width = rng.randint(520, 1300)
        image = image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)
        if rng.random() < 0.3:  # a PDF viewer's grey margin around the page
            frame = Image.new("RGB", (image.width + 80, image.height + 60), (82, 86, 89))
            frame.paste(image, (40, 30))
            image = frame
        jpeg = rng.random() < 0.4
        name = f"paper_{i:03d}." + ("jpg" if jpeg else "png")
        if jpeg:
            image.save(out / name, quality=rng.randint(60, 90))
        else:
            image.save(out / name)
        truth[name] = {
            "columns": columns,
            "settings": [None] * len(columns),
            "rows": rows,
            "style": "paper_table",
        }
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
