"""What the seventh blind set's generators share: invented model families and benchmarks,
fonts, and the tables before any look dresses them (model names and scores, what each
cell prints, and the truth each row holds; the rules are in blind7_tables)."""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageFont

FONTS = Path("/usr/share/fonts/truetype")

FAMILIES = ["Quillon", "Marrow", "Tessel", "Brindle", "Ostra", "Velkin", "Nimbrel", "Caddis",
            "Solvane", "Prael", "Ixora", "Lumet", "Garnock", "Orrin", "Halvard", "Pexa"]
SIZES = [0.5, 1.3, 2, 3, 7, 8, 9, 13, 14, 22, 32, 34, 70, 72]
BENCHMARKS = ["MMLU", "GSM8K", "HumanEval", "ARC-C", "HellaSwag", "BBH", "MATH", "TriviaQA",
              "WinoGrande", "DROP", "MBPP", "AGIEval", "GPQA", "IFEval", "MMLU-Pro", "CMMLU",
              "C-Eval", "PIQA"]
SETTINGS = {"MMLU": "5-shot", "GSM8K": "8-shot", "HumanEval": "pass@1", "ARC-C": "25-shot",
            "HellaSwag": "10-shot", "BBH": "3-shot", "MATH": "4-shot", "TriviaQA": "1-shot",
            "MBPP": "3-shot", "GPQA": "0-shot", "WinoGrande": "5-shot", "DROP": "3-shot"}
@dataclass
class Table:
    """One generated table: what is printed, cell by cell, and the truth of each row."""

    title: str | None
    columns: list[str]
    cells: list[list[str]]  # rows, each aligned with columns (the model name first)
    models: list[str]
    marks: list[str]  # a footnote mark printed after each model name ("" for none)
    params: list[float | None]
    tokens: list[float | None]
    mmlu: list[float | None]
    notes: list[str] = field(default_factory=list)

    def truth(self, style: str, keep: list[int] | None = None) -> dict:
        keep = list(range(len(self.columns))) if keep is None else keep
        mmlu_shown = any(names_mmlu(self.columns[i]) for i in keep)
        tokens_shown = any(i in keep for i, c in enumerate(self.columns) if is_tokens(c))
        params_shown = any(i in keep for i, c in enumerate(self.columns) if is_params(c))
        rows = []
        for r, model in enumerate(self.models):
            params = self.params[r] if params_shown else size_in_name(model)
            rows.append({
                "model": model,
                "cells": [self.cells[r][i] for i in keep],
                "params_b": params,
                "tokens_t": self.tokens[r] if tokens_shown else None,
                "mmlu": self.mmlu[r] if mmlu_shown else None,
            })
        return {"columns": [self.columns[i] for i in keep], "rows": rows, "title": self.title,
                "style": style}


def names_mmlu(column: str) -> bool:
    """"MMLU", "mmlu", "MMLU (5-shot)", "MMLU（綜合知識）"; never CMMLU or MMLU-Pro."""
    return column.split(" (")[0].split("（")[0].strip().upper() == "MMLU"


def is_params(column: str) -> bool:
    return "param" in column.lower() or "參數" in column


def is_tokens(column: str) -> bool:
    return "token" in column.lower() or "訓練量" in column


def size_in_name(model: str) -> float | None:
    for part in model.replace(" ", "-").split("-"):
        if part[-1:] in "Bb" and part[:-1].replace(".", "", 1).isdigit():
            return float(part[:-1])
    return None


def number_text(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}"


def model_names(rng: random.Random, count: int) -> tuple[list[str], list[float]]:
    """Invented model names, some with their size in the name, and each model's size."""
    families = rng.sample(FAMILIES, k=min(len(FAMILIES), max(2, count // 2 + 1)))
    pattern = rng.choice(["{f}-{s}B", "{f} {v} {s}B", "{f}{v}-{s}b-chat", "{f}-{v}-Instruct",
                          "{f}-{s}B-Base"])
    names, sizes, seen = [], [], set()
    while len(names) < count:
        family, size = rng.choice(families), rng.choice(SIZES)
        version = rng.choice(["1", "1.5", "2", "2.5", "3", "v2", "v3"])
        shown = f"{size:g}"
        name = pattern.format(f=family, s=shown, v=version)
        if name in seen:
            continue
        seen.add(name)
        names.append(name)
        sizes.append(float(size))
    return names, sizes


def make_table(rng: random.Random, *, rows: int, benches: int, params: bool, tokens: bool,
               decimals: int = 1, settings: bool = False, marks: bool = False,
               mmlu: bool = True, title: str | None = None, fraction: bool = False,
               models: tuple[list[str], list[float]] | None = None) -> Table:
    """A table of ``rows`` invented models (or the given names and sizes) and ``benches``
    benchmarks, MMLU among them unless ``mmlu`` is false."""
    names, sizes = models or model_names(rng, rows)
    chosen = rng.sample([b for b in BENCHMARKS if b != "MMLU"], k=benches - (1 if mmlu else 0))
    if mmlu:
        chosen.insert(rng.randrange(0, min(2, len(chosen) + 1)), "MMLU")
    columns = ["Model"]
    params_header = rng.choice(["Params", "Params (B)", "# Params"])
    tokens_header = rng.choice(["Tokens", "Training tokens", "Tokens (T)"])
    if params:
        columns.append(params_header)
    if tokens:
        columns.append(tokens_header)
    for bench in chosen:
        shown = f"{bench} ({SETTINGS[bench]})" if settings and bench in SETTINGS else bench
        columns.append(shown)
    cells, mmlus, token_values, marked = [], [], [], []
    for name, size in zip(names, sizes, strict=True):
        row = [name]
        if params:
            row.append(f"{size:g}" if "(B)" in params_header else f"{size:g}B")
        trained = rng.choice([0.3, 0.8, 1.0, 1.4, 2.0, 3.0, 6.0, 9.0, 12.0, 15.0, 18.0])
        if tokens:
            if "(T)" in tokens_header:
                row.append(f"{trained:g}")
            elif trained < 1:
                row.append(f"{trained * 1000:g}B")
            else:
                row.append(f"{trained:g}T")
        token_values.append(trained if tokens else None)
        # a bigger model scores higher, with a spread wide enough to reorder neighbours
        strength = 0.3 + 0.07 * np.log2(size + 1) + rng.uniform(-0.06, 0.06)
        mmlu_value = None
        for bench in chosen:
            score = max(2.0, min(97.0, 100 * strength + rng.uniform(-15, 12)))
            text = f"{score / 100:.4f}" if fraction else number_text(score, decimals)
            if bench == "MMLU":
                mmlu_value = float(text)
            row.append(text)
        cells.append(row)
        mmlus.append(mmlu_value)
        marked.append(rng.choice(["", "", "*", "†", "‡"]) if marks else "")
    notes = []
    if any(marked):
        notes.append("* results from our own runs; † reported by the authors; ‡ instruct model")
    return Table(title, columns, cells, names, marked, [float(s) for s in sizes],
                 token_values, mmlus, notes)


def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / name), size)


def write_set(out: Path, count: int, seed: int, label: str,
              draw: Callable[[random.Random, int], tuple[Image.Image, dict]],
              jpeg_styles: set[str]) -> dict:
    """Draw ``count`` images (``draw(rng, index)`` -> image and its truth, with its style),
    each from its own ``random.Random(f"{label}/{seed}/{index}")``; save them as
    OUT/NNN_STYLE.png (.jpg for ``jpeg_styles``) and the truth of all as OUT/truth.json."""
    out.mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict] = {}
    for index in range(count):
        rng = random.Random(f"{label}/{seed}/{index}")
        image, item = draw(rng, index)
        style = item["style"]
        if style in jpeg_styles:
            name = f"{index:03d}_{style}.jpg"
            image.save(out / name, "JPEG", quality=rng.randint(55, 80))
        else:
            name = f"{index:03d}_{style}.png"
            image.save(out / name)
        truth[name] = item
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False))
    return truth


def command_line(doc: str, generate: Callable[[Path, int, int], dict], count: int,
                 seed: int) -> None:
    """``python benchmarks/blind7_X.py OUT_DIR [--count N] [--seed S]``."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=count)
    parser.add_argument("--seed", type=int, default=seed)
    args = parser.parse_args()
    generate(args.out, args.count, args.seed)
