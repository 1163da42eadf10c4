"""Paper tables whose values and names carry raised footnote marks: "45.7‡", "71.2*",
"68.4¹", "Model-7B†", "52.0ᵃ", each mark set small above the baseline right after what it
points from (LaTeX's ``$^\\dagger$``), and a footnote under the table that explains them.
Column names include upper-case abbreviations whose "I" OCR reads as "l" ("95% CI", "PIQA",
"SIQA", "IFEval"). Booktabs rules, serif and sans faces, 10-14 px type (drawn at one to
three times that and shrunk, as a PDF page shot is), some JPEG.

The truth is what the table prints without its marks: a mark is no part of a value or a
name. The "95% CI" column holds the interval's half width, a number of its own."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

import matplotlib
from PIL import Image, ImageDraw, ImageFont

from looks.common import MODELS, save_shot, size_of

TTF = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
TRUETYPE = Path("/usr/share/fonts/truetype")
SERIF = [
    TTF / "STIXGeneral.ttf",
    TTF / "DejaVuSerif.ttf",
    TRUETYPE / "liberation" / "LiberationSerif-Regular.ttf",
    TRUETYPE / "freefont" / "FreeSerif.ttf",
]
SANS = [
    TRUETYPE / "dejavu" / "DejaVuSans.ttf",
    TRUETYPE / "liberation" / "LiberationSans-Regular.ttf",
    TRUETYPE / "open-sans" / "OpenSans-Regular.ttf",
    TRUETYPE / "roboto" / "unhinted" / "RobotoTTF" / "Roboto-Regular.ttf",
]
# Benchmarks, those with capitals OCR confuses ("I" and "l", "O" and "0") among them.
BENCHES = [
    "MMLU", "GSM8K", "PIQA", "SIQA", "IFEval", "AGIEval", "BoolQ", "ARC-C", "HellaSwag",
    "BBH", "MATH", "CMMLU", "TriviaQA", "OBQA",
]
# Marks as papers print them: symbols, superscript digits, superscript letters.
SYMBOLS = ["†", "‡", "*", "§"]
DIGITS = ["1", "2", "3"]
LETTERS = ["a", "b", "c"]
EXPLAINED = {
    "†": "reported by the model's authors",
    "‡": "our re-evaluation",
    "*": "uses chain-of-thought prompting",
    "§": "evaluated with a different template",
    "1": "5-shot",
    "2": "0-shot",
    "3": "results from the leaderboard",
    "a": "greedy decoding",
    "b": "majority vote over 8 samples",
    "c": "contaminated test set suspected",
}
CAPTIONS = [
    "Table {n}: Results on standard benchmarks.",
    "Table {n}. Comparison with open models; marks refer to the notes below.",
]


def _mark_kind(rng: random.Random) -> list[str]:
    """The marks one table uses: one kind, or symbols with digits."""
    kind = rng.choice(["symbols", "digits", "letters", "mixed"])
    if kind == "symbols":
        return rng.sample(SYMBOLS, rng.randint(1, 3))
    if kind == "digits":
        return rng.sample(DIGITS, rng.randint(1, 3))
    if kind == "letters":
        return rng.sample(LETTERS, rng.randint(1, 2))
    return [rng.choice(SYMBOLS), rng.choice(DIGITS)]


def _draw_marked(
    draw: ImageDraw.ImageDraw, x: float, y: float, text: str, mark: str,
    face: ImageFont.FreeTypeFont, small: ImageFont.FreeTypeFont, size: int,
) -> None:
    """``text`` at (x, y) and ``mark`` raised after it: its bottom about half the digits'
    height above their baseline, its size about two thirds of theirs."""
    draw.text((x, y), text, fill="black", font=face)
    if mark:
        draw.text((x + face.getlength(text) + size * 0.04, y - size * 0.28), mark,
                  fill="black", font=small)


@dataclass
class _Page:
    draw: ImageDraw.ImageDraw
    xs: list[float]  # column edges
    pad: float
    face: ImageFont.FreeTypeFont
    small: ImageFont.FreeTypeFont  # the marks'
    size: int

    def row(self, cells: list[tuple[str, str]], top: float) -> None:
        """A row's cells: the first set left, the numbers set right, marks after them."""
        for c, (text, mark) in enumerate(cells):
            w = self.face.getlength(text) + self.small.getlength(mark)
            x = self.xs[c] + self.pad if c == 0 else self.xs[c + 1] - self.pad - w
            _draw_marked(self.draw, x, top, text, mark, self.face, self.small, self.size)


def _table(rng: random.Random) -> tuple[list[str], list[dict], list[list[tuple[str, str]]]]:
    """Column names, truth rows, and each row's cells as (text, mark)."""
    benches = rng.sample(BENCHES, rng.randint(3, 5))
    ci = rng.random() < 0.6
    size_column = rng.random() < 0.4
    columns = ["Model", *(["Params"] if size_column else []), *benches,
               *(["95% CI"] if ci else [])]
    places = {b: rng.choice([1, 1, 1, 2]) for b in benches}
    marks = _mark_kind(rng)
    models = rng.sample(MODELS, rng.randint(4, 8))
    rows, printed = [], []
    for model in models:
        name_mark = rng.choice(marks) if rng.random() < 0.25 else ""
        cells: list[tuple[str, str]] = [(model, name_mark)]
        if size_column:
            size = size_of(model)
            cells.append((f"{size:g}B" if size else "-", ""))
        mmlu = None
        for bench in benches:
            value = round(rng.uniform(12, 89), places[bench])
            text = f"{value:.{places[bench]}f}"
            cells.append((text, rng.choice(marks) if rng.random() < 0.3 else ""))
            if bench == "MMLU":
                mmlu = float(text)
        if ci:
            cells.append((f"{rng.uniform(0.3, 3.9):.1f}", ""))
        rows.append({"model": model, "params_b": size_of(model), "tokens_t": None,
                     "mmlu": mmlu, "cells": [text for text, _ in cells]})
        printed.append(cells)
    return columns, rows, printed


def generate(out: Path, count: int, seed: int) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    for i in range(count):
        serif = i % 2 == 0
        path = rng.choice(SERIF if serif else SANS)
        type_px = rng.randint(10, 14)  # as it comes out
        scale = rng.choice([1, 2, 3])
        size = type_px * scale
        face = ImageFont.truetype(str(path), size)
        small = ImageFont.truetype(str(path), max(6, round(size * rng.uniform(0.6, 0.72))))
        note = ImageFont.truetype(str(path), max(6, round(size * 0.85)))
        columns, rows, printed = _table(rng)
        # A column name may carry a mark too ("MMLU†").
        header_marks = [""] * len(columns)
        used = sorted({mark for row in printed for _, mark in row if mark})
        if used and rng.random() < 0.3:
            header_marks[rng.randrange(1, len(columns))] = rng.choice(used)
        header = list(zip(columns, header_marks, strict=True))
        pad = size
        widths = [
            max(face.getlength(row[c][0]) + small.getlength(row[c][1])
                for row in [header, *printed]) + 2 * pad
            for c in range(len(columns))
        ]
        xs: list[float] = [2 * size]
        for w in widths:
            xs.append(xs[-1] + w)
        pitch = round(size * rng.uniform(1.45, 1.8))
        notes = [f"{m} {EXPLAINED[m]}" for m in used]
        height = pitch * (len(printed) + 6 + len(notes))
        image = Image.new("RGB", (int(xs[-1] + 2 * size), height), "white")
        draw = ImageDraw.Draw(image)
        y = float(size)
        caption = rng.choice(CAPTIONS).format(n=rng.randint(1, 9))
        draw.text((xs[0], y), caption, fill="black", font=note)
        y += pitch
        thick, thin = max(1, round(scale * 1.5)), max(1, scale // 2 + (scale % 2))
        page = _Page(draw, xs, pad, face, small, size)
        row_at = page.row

        draw.line((xs[0], y, xs[-1], y), fill="black", width=thick)
        y += size * 0.4
        row_at(header, y)
        y += pitch
        draw.line((xs[0], y - size * 0.2, xs[-1], y - size * 0.2), fill="black", width=thin)
        y += size * 0.2
        for cells in printed:
            row_at(cells, y)
            y += pitch
        draw.line((xs[0], y, xs[-1], y), fill="black", width=thick)
        y += size * 0.6
        for line in notes:
            mark, rest = line.split(" ", 1)
            _draw_marked(draw, xs[0], y, "", mark, face, small, size)
            draw.text((xs[0] + small.getlength(mark) + size * 0.3, y), rest[:1].upper() + rest[1:]
                      + ".", fill="black", font=note)
            y += pitch * 0.8
        image = image.crop((0, 0, image.width, int(y + size)))
        if scale > 1:
            image = image.resize((round(image.width / scale), round(image.height / scale)),
                                 Image.LANCZOS)
        name = save_shot(image, out, f"marks_{i:03d}", rng, 0.5)
        truth[name] = {
            "columns": columns,
            "settings": [None] * len(columns),
            "rows": rows,
            "style": "raised_marks_" + ("serif" if serif else "sans"),
        }
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
