"""The invented models and scores of the thirteenth blind round, the truth rows built from
what a table prints, and the files of a set (images, truth.json, the command line). Shared
by ``blind13_tables.py``, ``blind13_charts.py`` and ``blind13_memes.py``."""

from __future__ import annotations

import argparse
import io
import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from browser import Browser
from PIL import Image, ImageFilter

# Families of our own invention (no real lab's names).
FAMILIES = ["Quillon", "Tessel", "Marrowby", "Oriel", "Kestrin", "Vantor", "Lumio", "Brindle",
            "Saffra", "Corvale", "Nimbra", "Halden", "Pellucid", "Ostra", "Wrenfield", "Azurite"]
SIZES = [0.5, 1.3, 2, 3, 7, 8, 9, 13, 14, 22, 32, 34, 40, 65, 70, 110]
SUFFIXES = ["", "", "-Instruct", "-Chat", "-Base", " v2", "-Pro", "-Lite"]
TOKENS = [0.3, 0.8, 1, 1.4, 2, 2.5, 3, 4.5, 6, 8, 12, 15]

# Benchmarks: (header as printed, low, high). "MMLU" is the only one that feeds ``mmlu``.
BENCHMARKS = [("MMLU", 35, 82), ("GSM8K", 12, 88), ("HumanEval", 8, 75), ("ARC-C", 40, 90),
              ("HellaSwag", 60, 92), ("MATH", 3, 55), ("BBH", 28, 78), ("TriviaQA", 40, 80),
              ("WinoGrande", 60, 85), ("DROP", 30, 75), ("MBPP", 15, 70), ("CMMLU", 30, 80),
              ("MMLU-Pro", 15, 60), ("AGIEval", 25, 60), ("PIQA", 70, 86), ("IFEval", 30, 85)]
SETTINGS = ["(5-shot)", "(0-shot)", "(8-shot)", "(3-shot)", "(pass@1)", "(25-shot)"]


def size_text(size: float) -> str:
    """A size as a model name prints it: 0.5 -> "0.5B", 7 -> "7B"."""
    return f"{size:g}B"


def model_name(rng: random.Random, family: str, size: float, with_size: bool = True) -> str:
    version = rng.choice(["", "-2", "-3", " 1.5", "-X", "2"])
    suffix = rng.choice(SUFFIXES)
    if not with_size:
        return f"{family}{version}{suffix}"
    joiner = rng.choice(["-", " ", "-"])
    return f"{family}{version}{joiner}{size_text(size)}{suffix}"


def benchmark_headers(rng: random.Random, count: int, with_mmlu: bool = True,
                      settings: bool = False) -> list[tuple[str, int, int]]:
    """``count`` distinct benchmarks; MMLU first among them when ``with_mmlu``."""
    pool = [b for b in BENCHMARKS if b[0] != "MMLU"]
    picked = rng.sample(pool, count - 1 if with_mmlu else count)
    if with_mmlu:
        picked.insert(rng.randrange(len(picked) + 1), BENCHMARKS[0])
    if settings:
        picked = [(f"{name} {rng.choice(SETTINGS)}", lo, hi) for name, lo, hi in picked]
    return picked


@dataclass
class Model:
    """One printed model row: its name as printed (without a footnote mark), its size and
    training tokens, and its scores (None where the table prints a dash)."""

    name: str
    size: float
    tokens: float
    scores: list[float | None] = field(default_factory=list)


def pick_models(rng: random.Random, count: int, with_size: bool = True) -> list[Model]:
    """``count`` models of distinct families, so that no two names are the same."""
    families = rng.sample(FAMILIES, count)
    models = []
    for i in range(count):
        family = families[i]
        size = rng.choice(SIZES)
        models.append(Model(model_name(rng, family, size, with_size), size, rng.choice(TOKENS)))
    return models


def fill_scores(rng: random.Random, models: list[Model], benches: list[tuple[str, int, int]],
                digits: int = 1, missing: float = 0.0) -> None:
    for m in models:
        lift = min(m.size, 70) / 70 * 0.5
        m.scores = []
        for _, lo, hi in benches:
            if rng.random() < missing:
                m.scores.append(None)
                continue
            share = min(1.0, max(0.0, lift + rng.uniform(0.0, 0.5)))
            m.scores.append(round(lo + (hi - lo) * share, digits))


def score_text(value: float | None, digits: int = 1, dash: str = "–") -> str:
    return dash if value is None else f"{value:.{digits}f}"


PARAMS_HEADER = re.compile(r"param", re.I)
TOKENS_HEADER = re.compile(r"token", re.I)
# A quantity's unit letter in billions.
IN_BILLIONS = {"m": 1e-3, "b": 1.0, "t": 1e3}


def quantity_b(text: str, header: str) -> float | None:
    """A printed quantity in billions: "7B" / "7 B" -> 7, "560M" -> 0.56, "2T" -> 2000; a
    bare number takes the unit its header names in brackets ("Params (B)"), else billions
    for parameters and trillions for tokens."""
    match = re.search(r"(\d+(?:\.\d+)?)\s*([mMbBtT]?)\b", text)
    if not match:
        return None
    unit = match.group(2).lower()
    if not unit:
        in_header = re.search(r"\((\w)\)", header)
        default = "t" if TOKENS_HEADER.search(header) else "b"
        unit = in_header.group(1).lower() if in_header else default
    return round(float(match.group(1)) * IN_BILLIONS[unit], 6)


def truth_row(columns: list[str], cells: list[str], model: str, name_size: float | None) -> dict:
    """The truth of one printed row: ``params_b`` from a parameters column (else the size in
    the model's name), ``tokens_t`` from a tokens column (in trillions), ``mmlu`` from the
    column named MMLU (a setting after it allowed; never CMMLU or MMLU-Pro)."""
    params = tokens = mmlu = None
    for header, text in zip(columns[1:], cells[1:], strict=True):
        if PARAMS_HEADER.search(header):
            params = quantity_b(text, header)
        elif TOKENS_HEADER.search(header):
            billions = quantity_b(text, header)
            tokens = None if billions is None else round(billions / 1e3, 6)
        elif re.fullmatch(r"MMLU(\s*\(.*\))?", header.strip()):
            number = re.search(r"\d+(?:\.\d+)?", text)
            mmlu = float(number.group()) if number else None
    if params is None:
        params = name_size
    return {"model": model, "cells": cells, "params_b": params, "tokens_t": tokens,
            "mmlu": mmlu}


def name_size(name: str) -> float | None:
    """The size a model's name prints ("Oriel-2 13B-Chat" -> 13.0), or None."""
    found = re.search(r"(?<![\w.])(\d+(?:\.\d+)?)\s*B\b", name)
    return float(found.group(1)) if found else None


def encode(image: Image.Image, *, width: int | None = None, blur: float = 0.0,
           jpeg: int | None = None) -> tuple[bytes, str]:
    """Scale to ``width`` (at most 1600 px, the widest screenshot of the round), blur, and
    encode as PNG or, with a quality, JPEG: (bytes, extension)."""
    width = min(width or image.width, 1600)
    if width != image.width:
        height = round(image.height * width / image.width)
        image = image.resize((width, height), Image.Resampling.LANCZOS)
    if blur:
        image = image.filter(ImageFilter.GaussianBlur(blur))
    buffer = io.BytesIO()
    if jpeg:
        image.save(buffer, "JPEG", quality=jpeg)
        return buffer.getvalue(), "jpg"
    image.save(buffer, "PNG")
    return buffer.getvalue(), "png"


Drawn = tuple[bytes, str, dict]  # image bytes, extension, truth item


def write_set(out: Path, count: int, seed: int, kind: str, styles: list[str],
              draw: Callable[[str, random.Random], Drawn]) -> dict:
    """``count`` images, the styles in turn, each drawn from its own seeded generator, as
    ``OUT/NNN_STYLE.EXT`` beside ``OUT/truth.json``; returns the truth by file name."""
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    for index in range(count):
        style = styles[index % len(styles)]
        data, ext, item = draw(style, random.Random(f"blind13-{kind}/{seed}/{index}"))
        name = f"{index:03d}_{style}.{ext}"
        (out / name).write_bytes(data)
        truth[name] = {**item, "style": style}
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False))
    return truth


def write_shot_set(out: Path, count: int, seed: int, kind: str, viewport: tuple[int, int],
                   looks: dict[str, Callable[[random.Random, Browser], Drawn]]) -> dict:
    """``write_set`` for looks that shoot pages in one headless browser."""
    browser = Browser(viewport)
    try:
        return write_set(out, count, seed, kind, list(looks),
                         lambda style, rng: looks[style](rng, browser))
    finally:
        browser.close()


def cli(generate: Callable[[Path, int, int], dict], doc: str, count: int, seed: int) -> None:
    """``python GENERATOR OUT_DIR [--count N] [--seed S]``."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=count)
    parser.add_argument("--seed", type=int, default=seed)
    args = parser.parse_args()
    generate(args.out, args.count, args.seed)
