"""What the blind8 generators share: invented model families, a table of made-up scores
with its truth, and the camera and file effects (moiré, perspective, JPEG) applied to a
rendered picture. Written without reading the reader or any other generator."""

from __future__ import annotations

import argparse
import html
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from browser import Browser
from PIL import Image, ImageFilter

# Invented families: no real lab's name.
FAMILIES = ["Quillon", "Marrowit", "Tessaly", "Brinelo", "Oskra", "Vantory", "Pelluna",
            "Draxi", "Corvenna", "Lumisk", "Hadrel", "Nimbrel", "Sorrelin", "Kestra",
            "Ombrix", "Faylin", "Gorwen", "Zephra"]
SUFFIXES = ["", "", "", "-Instruct", "-Chat", " Base", "-it", "-Plus"]
TIERS = ["Nano", "Mini", "Pro", "Ultra", "Lite", "Max"]
# benchmark, its usual setting
BENCHES = [("MMLU", "5-shot"), ("GSM8K", "8-shot"), ("HumanEval", "0-shot"),
           ("ARC-C", "25-shot"), ("HellaSwag", "10-shot"), ("MATH", "4-shot"),
           ("BBH", "3-shot"), ("TriviaQA", "1-shot"), ("WinoGrande", "5-shot"),
           ("GPQA", "0-shot"), ("MBPP", "3-shot"), ("DROP", "3-shot"),
           ("CMMLU", "5-shot"), ("MMLU-Pro", "5-shot"), ("C-Eval", "5-shot"),
           ("AGIEval", "0-shot"), ("PIQA", "0-shot"), ("IFEval", "0-shot")]
SIZES = [0.5, 1.3, 1.8, 3.0, 7.0, 8.0, 13.0, 14.0, 22.0, 34.0, 70.0, 72.0]


@dataclass
class Table:
    """A table as printed, and the truth it holds. ``benches`` are the score columns'
    benchmark names (without setting), aligned with ``columns`` after the quantity ones."""

    columns: list[str]
    rows: list[dict]
    kinds: list[str]  # per column: model, params, tokens or score
    benches: list[str] = field(default_factory=list)

    def truth(self, style: str, title: str | None) -> dict:
        return {"columns": self.columns, "rows": self.rows, "title": title, "style": style}

    def best(self, column: int) -> int:
        """The row with the highest score in a score column."""
        values = [float(row["cells"][column]) for row in self.rows]
        return values.index(max(values))


def size_text(size: float) -> str:
    return f"{size:g}B" if size >= 1 else f"{round(size * 1000)}M"


def model_names(rng: random.Random, count: int, sizes: list[float], with_size: bool) -> list[str]:
    """Names of one or two families, the size in the name when ``with_size``."""
    families = rng.sample(FAMILIES, rng.choice((1, 2, 3)))
    sep = rng.choice(("-", " "))
    names: list[str] = []
    for i in range(count):
        family = families[i % len(families)]
        version = rng.choice(("", "2", "3", "1.5", "v2"))
        stem = f"{family}{sep}{version}" if version else family
        if with_size:
            name = f"{stem}{sep}{size_text(sizes[i])}{rng.choice(SUFFIXES)}"
        else:
            name = f"{stem}{sep}{rng.choice(TIERS)}{rng.choice(SUFFIXES)}"
        while name in names:
            name += rng.choice(("-v2", " (new)", "-r2"))
        names.append(name)
    return names


def make_table(
    rng: random.Random,
    *,
    rows: tuple[int, int] = (4, 8),
    benches: tuple[int, int] = (3, 6),
    params: str = "any",  # column, name, none or any
    tokens: float = 0.35,
    settings: float = 0.25,
    decimals: int | None = None,
    model_header: str | None = None,
    pool: list[tuple[str, str]] | None = None,
    params_header: str | None = None,
    tokens_header: str | None = None,
) -> Table:
    n = rng.randint(*rows)
    if params == "any":
        params = rng.choice(("column", "name", "none"))
    sizes = sorted(rng.sample(SIZES, min(n, len(SIZES))) + [rng.choice(SIZES)] * max(0, n - 12))
    if rng.random() < 0.5:
        sizes.reverse()
    names = model_names(rng, n, sizes, with_size=params == "name"
                        or (params == "column" and rng.random() < 0.5))
    chosen = rng.sample(pool or BENCHES, rng.randint(*benches))
    if pool is None and not any(b == "MMLU" for b, _ in chosen) and rng.random() < 0.7:
        chosen[rng.randrange(len(chosen))] = ("MMLU", "5-shot")
    with_settings = rng.random() < settings
    places = decimals if decimals is not None else rng.choice((1, 1, 1, 2))
    columns = [model_header or rng.choice(("Model", "Model", "Models", "Name", "Checkpoint"))]
    kinds = ["model"]
    if params == "column":
        columns.append(params_header or rng.choice(("Params", "#Params", "Size", "Params (B)")))
        kinds.append("params")
    with_tokens = rng.random() < tokens
    if with_tokens:
        columns.append(tokens_header or rng.choice(("Tokens", "Training tokens", "Tokens (T)")))
        kinds.append("tokens")
    for bench, setting in chosen:
        columns.append(f"{bench} ({setting})" if with_settings else bench)
        kinds.append("score")
    token_counts = [rng.choice((0.3, 1.0, 1.4, 2.0, 2.5, 3.0, 6.0, 15.0)) for _ in range(n)]
    table_rows = []
    for i, name in enumerate(names):
        strength = rng.uniform(-12, 12) + 6 * np.log2(sizes[i] + 1)
        cells = [name]
        params_b = sizes[i] if params in ("name", "column") else None
        for kind, header in zip(kinds[1:], columns[1:], strict=True):
            if kind == "params":
                cells.append(f"{sizes[i]:g}" if "(B)" in header else size_text(sizes[i]))
            elif kind == "tokens":
                t = token_counts[i]
                if "(T)" in header:
                    cells.append(f"{t:.1f}")
                elif t < 1 or rng.random() < 0.4:
                    cells.append(f"{round(t * 1000):,}B")
                else:
                    cells.append(f"{t:g}T")
        for _ in chosen:
            value = min(96.0, max(8.0, strength + rng.uniform(15, 45)))
            cells.append(f"{value:.{places}f}")
        mmlu = next((float(c) for c, h in zip(cells, columns, strict=True)
                     if h.split(" (")[0] == "MMLU"), None)
        table_rows.append({"model": name, "cells": cells, "params_b": params_b,
                           "tokens_t": token_counts[i] if with_tokens else None, "mmlu": mmlu})
    return Table(columns, table_rows, kinds, [b for b, _ in chosen])


def esc(text: str) -> str:
    return html.escape(text)


def page(body: str, css: str, font: str = "Liberation Sans") -> str:
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>body{{margin:0;"
            f"font-family:'{font}',sans-serif;}} {css}</style></head><body>{body}</body></html>")


# Whether anything in #shot is wider than its box (then the screenshot would cut it off).
OVERFLOW_JS = """() => [...document.querySelectorAll('#shot, #shot *')]
    .some(e => e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1)"""


def shoot_whole(browser: Browser, page_html: str, scale: float) -> Image.Image:
    """The page's #shot, widened to its content when its set width would cut columns off:
    the truth holds every column, so every column must be in the picture."""
    image = browser.shoot(page_html, scale)
    if browser.evaluate(OVERFLOW_JS, scale):
        widened = page_html.replace("</head>", "<style>#shot{width:max-content !important}"
                                    "</style></head>")
        image = browser.shoot(widened, scale)
    return image


def resize_width(image: Image.Image, width: int) -> Image.Image:
    height = round(image.height * width / image.width)
    return image.resize((width, height), Image.LANCZOS)


def moire(image: Image.Image, rng: random.Random, strength: float = 0.09) -> Image.Image:
    """Two gratings a little apart in pitch and angle: the beat a camera sees on a screen."""
    w, h = image.size
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    a1, a2 = rng.uniform(-0.2, 0.2), rng.uniform(-0.2, 0.2)
    p1, p2 = rng.uniform(2.6, 3.4), rng.uniform(2.6, 3.4)
    g1 = np.sin(2 * np.pi * (x * np.cos(a1) + y * np.sin(a1)) / p1)
    g2 = np.sin(2 * np.pi * (x * np.cos(a2) + y * np.sin(a2)) / p2)
    pattern = 1 - strength * (0.5 + 0.5 * g1 * g2)
    hue = np.stack([pattern, pattern ** 1.3, pattern ** 0.8], axis=-1)
    array = np.asarray(image, dtype=np.float32) * hue
    return Image.fromarray(np.clip(array, 0, 255).astype(np.uint8))


def perspective(image: Image.Image, rng: random.Random, amount: float, fill: tuple) -> Image.Image:
    """The picture seen a little from the side: corners moved by up to ``amount`` of its size."""
    w, h = image.size
    pad = int(max(w, h) * amount) + 4
    canvas = Image.new("RGB", (w + 2 * pad, h + 2 * pad), fill)
    canvas.paste(image, (pad, pad))
    W, H = canvas.size
    corners = [(pad, pad), (pad + w, pad), (pad + w, pad + h), (pad, pad + h)]
    moved = [(cx + rng.uniform(-1, 1) * amount * w, cy + rng.uniform(-1, 1) * amount * h)
             for cx, cy in corners]
    coeffs = _perspective_coeffs(moved, corners)
    return canvas.transform((W, H), Image.PERSPECTIVE, coeffs, Image.BICUBIC, fillcolor=fill)


def _perspective_coeffs(dst: list, src: list) -> list[float]:
    """Coefficients PIL wants: for each output point (dst) the input point (src)."""
    matrix = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        matrix.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        matrix.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    a = np.array(matrix, dtype=np.float64)
    b = np.array([c for point in src for c in point], dtype=np.float64)
    return list(np.linalg.solve(a, b))


def camera(image: Image.Image, rng: random.Random, noise: float = 6.0) -> Image.Image:
    """Soft focus, uneven light and sensor noise."""
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 1.0)))
    array = np.asarray(image, dtype=np.float32)
    h, w = array.shape[:2]
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = rng.uniform(0.3, 0.7) * w, rng.uniform(0.3, 0.7) * h
    light = 1.05 - 0.25 * (((x - cx) / w) ** 2 + ((y - cy) / h) ** 2)
    array = array * light[..., None] + np.random.default_rng(rng.randrange(1 << 30)).normal(
        0, noise, array.shape)
    return Image.fromarray(np.clip(array, 0, 255).astype(np.uint8))


def save(image: Image.Image, out: Path, index: int, style: str, jpeg_quality: int | None) -> str:
    name = f"{index:03d}_{style}.{'jpg' if jpeg_quality else 'png'}"
    if jpeg_quality:
        image.convert("RGB").save(out / name, quality=jpeg_quality)
    else:
        image.save(out / name)
    return name


def write_truth(out: Path, truth: dict) -> None:
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False))


# A look draws one picture from its random source (a browser at hand for HTML), and returns
# it with its truth and its JPEG quality (None: PNG).
Look = Callable[[random.Random, Browser], tuple[Image.Image, dict, int | None]]


def generate_looks(out: Path, count: int, seed: int, set_name: str,
                   looks: list[tuple[str, Look]], viewport: tuple[int, int]) -> dict:
    """``count`` pictures in ``out``, the looks in turn, each from its own random source
    (``set_name/seed/index``), and their truth in ``truth.json``, keyed by file name."""
    out.mkdir(parents=True, exist_ok=True)
    browser = Browser(viewport)  # started at its first page only
    found = {}
    try:
        for index in range(count):
            style, draw = looks[index % len(looks)]
            image, item, quality = draw(random.Random(f"{set_name}/{seed}/{index}"), browser)
            found[save(image, out, index, style, quality)] = item
    finally:
        browser.close()
    write_truth(out, found)
    return found


def command_line(generate: Callable[[Path, int, int], dict], doc: str, count: int,
                 seed: int) -> None:
    """``OUT_DIR [--count N] [--seed S]``: a generator's command line."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=count)
    parser.add_argument("--seed", type=int, default=seed)
    args = parser.parse_args()
    generate(args.out, args.count, args.seed)
