"""What the blind9 generators share: invented model families, a random benchmark table with
its truth, the loop that writes a set's images in turn, and their command line. Written
for blind9 without reading the reader or any other generator."""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from string import Template

from browser import Browser
from PIL import Image

FAMILIES = ["Quillon", "Marrowind", "Tesselate", "Orrin", "Vantor", "Kelpie", "Brindle",
            "Sorrelo", "Pimento", "Lark", "Halyard", "Cobbler", "Wren", "Ostrava"]
SIZES = [0.5, 1.5, 3, 7, 8, 13, 14, 22, 32, 34, 70, 72, 110]
BENCHES = ["GSM8K", "HumanEval", "MATH", "ARC-C", "HellaSwag", "BBH", "GPQA", "DROP",
           "TriviaQA", "MBPP", "WinoGrande", "CMMLU", "MMLU-Pro", "IFEval", "AGIEval"]
FONTS = "/usr/share/fonts/truetype"
_BROWSER: Browser | None = None


def shoot(body: str, style: str, scale: float) -> Image.Image:
    """The element #shot of a page made of ``body`` and its style sheet, at ``scale``."""
    global _BROWSER
    if _BROWSER is None:
        _BROWSER = Browser((1800, 1400))
    page = (f"<!DOCTYPE html><html><head><meta charset=utf-8><style>body{{margin:0}}{style}"
            f"</style></head><body>{body}</body></html>")
    return _BROWSER.shoot(page, scale)


def css(template: str, **values: object) -> str:
    """A style sheet with $names filled in (CSS braces make f-strings unreadable)."""
    return Template(template).substitute(values)


def size_text(size: float) -> str:
    return f"{size:g}B"


@dataclass
class Table:
    """A printed table: header cells, body cells (model first) and the truth's rows."""

    columns: list[str]
    cells: list[list[str]]
    rows: list[dict] = field(default_factory=list)

    def truth(self, title: str | None, style: str) -> dict:
        return {"columns": self.columns, "rows": self.rows, "title": title, "style": style}


def model_names(rng: random.Random, count: int, sized: bool) -> list[tuple[str, float | None]]:
    """Distinct names; with ``sized`` each carries its size ("Orrin-2-13B")."""
    names: dict[str, float | None] = {}
    while len(names) < count:
        family = rng.choice(FAMILIES)
        version = rng.choice(["", "-2", " 3", "-1.5", " v4", "-X"])
        if sized:
            size = rng.choice(SIZES)
            name = f"{family}{version}{rng.choice(['-', ' '])}{size_text(size)}"
            names.setdefault(name, size)
        else:
            name = f"{family}{version}{rng.choice(['', '-Mini', ' Pro', '-Chat', '-Base'])}"
            names.setdefault(name, None)
    return list(names.items())


def make_table(
    rng: random.Random,
    rows: int,
    benches: int,
    *,
    params: str | None = None,
    tokens: str | None = None,
    mmlu: str | None = "MMLU",
    decimals: int = 1,
    percent: bool = False,
    sized_names: bool | None = None,
) -> Table:
    """A table of ``rows`` models: optional parameters and tokens columns, MMLU (under the
    header ``mmlu``) and ``benches`` other benchmarks. A model named with its size has
    params_b from its name when there is no parameters column."""
    sized = rng.random() < 0.6 if sized_names is None else sized_names
    others = rng.sample(BENCHES, benches)
    columns = ["Model"]
    if params:
        columns.append(params)
    if tokens:
        columns.append(tokens)
    bench_columns = list(others)
    if mmlu:
        bench_columns.insert(rng.randrange(len(bench_columns) + 1), mmlu)
    columns += bench_columns
    table = Table(columns, [])
    for name, name_size in model_names(rng, rows, sized):
        cells = [name]
        size = (name_size or rng.choice(SIZES)) if params else name_size
        if params:
            cells.append(f"{size:g}" if "(B)" in params else size_text(float(size or 0)))
        token_count = None
        if tokens:
            token_count = rng.choice([0.3, 1, 1.4, 2, 2.5, 3, 6, 7, 12, 15, 18])
            cells.append(f"{token_count:g}" if "(T)" in tokens else f"{token_count:g}T")
        mmlu_value = None
        for bench in bench_columns:
            value = round(rng.uniform(18, 92), decimals)
            text = f"{value:.{decimals}f}" + ("%" if percent else "")
            if bench == mmlu:
                mmlu_value = float(f"{value:.{decimals}f}")
            cells.append(text)
        table.cells.append(cells)
        table.rows.append({"model": name, "cells": cells, "params_b": size,
                           "tokens_t": token_count, "mmlu": mmlu_value})
    return table


Look = Callable[[random.Random], tuple[Image.Image, dict]]


def generate_looks(out: Path, count: int, seed: int, looks: dict[str, Look], kind: str,
                   suffix: Callable[[str], str] = lambda style: ".png") -> dict:
    """Each look in turn: OUT/NNN_STYLE.png (or .jpg) and OUT/truth.json."""
    out.mkdir(parents=True, exist_ok=True)
    names = list(looks)
    truth = {}
    for index in range(count):
        style = names[index % len(names)]
        rng = random.Random(f"blind9-{kind}/{seed}/{index}")
        image, item = looks[style](rng)
        item["style"] = style
        extension = suffix(style)
        file = f"{index:03d}_{style}{extension}"
        if extension == ".jpg":
            image.convert("RGB").save(out / file, quality=rng.randint(55, 80))
        else:
            image.save(out / file)
        truth[file] = item
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False))
    return truth


def command_line(generate: Callable[[Path, int, int], dict], count: int, seed: int) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=count)
    parser.add_argument("--seed", type=int, default=seed)
    args = parser.parse_args()
    generate(args.out, args.count, args.seed)
