"""The fifteenth blind test set of table screenshots, written without reading the reader or
any other generator. Twelve looks, in turn:

- wiki_mobile: an encyclopedia page on a phone, a sortable serif-headed table, scaled 2-3x.
- details_open: a code host's opened ``<details>`` block ("▼ Evaluation") holding a table.
- whatsapp_jpeg: a forwarded chat picture of a table, downscaled to 300-420 px, JPEG q 30-45.
- column_numbers: a paper table with "(1) (2) (3)" under its header (no row of the truth).
- delta_scores: scores printed "62.3 (+1.2)" with green and red deltas beside a baseline row.
- datatable_paged: a web data table with a search box, a rank column before the model
  column, "Showing 1 to N of 42 entries" and page buttons under it.
- eink_grey: an e-reader screen, grey on light grey, low contrast, grain, greyscale.
- high_contrast: a high-contrast desktop theme: black ground, yellow text, cyan header.
- highlighter_pen: a table photographed after a yellow highlighter stroke over one row and a
  red pen ring round one cell.
- sticky_shadow: a scrolled page whose sticky header casts a shadow over the first row.
- rtl_chrome: an Arabic or Hebrew page (right to left) around a table with Latin names; the
  table runs right to left too, so the model column is at the right.
- two_up_pdf: a PDF viewer showing two pages side by side, the table on the left page (the
  truth), prose only on the right; training tokens printed "1,400B".

Truth per image: ``columns`` (the first is the model column; a rank column is no column of
the truth), ``rows`` (``model`` as printed without footnote marks, ``cells`` aligned with
``columns``, ``params_b``, ``tokens_t``, ``mmlu``), ``title`` (a caption printed over the
table, else null) and ``style``.

    python benchmarks/blind15_tables.py OUT_DIR [--count 48] [--seed 118000]
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from blind15_io import run_cli, save_image, write_truth
from blind15_table_looks import LOOKS
from browser import Browser
from PIL import Image

FAMILIES = ["Quillon", "Marrowind", "Tesselate", "Orrinex", "Vantor", "Kestrel-LM", "Plumeau",
            "Halcyx", "Brindle", "Solvane", "Ferrox", "Nimbrae", "Corvath", "Lumora", "Dunlin",
            "Sabrecat", "Ostrava-AI", "Wickham", "Pelion", "Ysolde"]
SUFFIXES = ["", " Chat", " Instruct", "-Base", " Pro", "-Coder", " Lite"]
SIZES = [0.5, 1.3, 2, 3, 7, 8, 9, 13, 14, 22, 34, 40, 70, 72, 110, 180]
BENCHMARKS = ["GSM8K", "HumanEval", "ARC-C", "HellaSwag", "MATH", "BBH", "TriviaQA", "DROP",
              "WinoGrande", "CMMLU", "MMLU-Pro", "AGIEval", "MBPP", "PIQA", "GPQA"]
SETTINGS = ["", "", "", " (5-shot)", " (0-shot)", " (8-shot)", " (3-shot)"]


@dataclass
class Table:
    """One printed table: header, body rows of printed cells (the model cell first), and the
    truth rows."""

    columns: list[str]
    cells: list[list[str]]
    truth_rows: list[dict]
    title: str | None = None
    notes: list[str] = field(default_factory=list)


def size_text(size: float, rng: random.Random) -> str:
    if size < 1 and rng.random() < 0.6:
        return f"{round(size * 1000)}M"
    return f"{size:g}B"


def make_table(rng: random.Random, look: str) -> Table:
    count = rng.randint(4, 8)
    families = rng.sample(FAMILIES, rng.randint(2, 4))
    names: list[tuple[str, float]] = []
    while len(names) < count:
        family = rng.choice(families)
        size = rng.choice(SIZES)
        version = rng.choice(["", "-2", "-3", " 1.5", " v2", "-4"])
        name = f"{family}{version}"
        sized = rng.random() < 0.7
        if sized:
            name += f"-{size_text(size, rng)}" if rng.random() < 0.5 else f" {size_text(size, rng)}"
        name += rng.choice(SUFFIXES)
        if name not in [n for n, _ in names]:
            names.append((name, size if sized else -1.0))
    with_params = rng.random() < 0.55
    with_tokens = look == "two_up_pdf" or rng.random() < 0.3
    with_mmlu = rng.random() < 0.8
    benches = [b + rng.choice(SETTINGS) for b in rng.sample(BENCHMARKS, rng.randint(2, 5))]
    if with_mmlu:
        benches.insert(rng.randint(0, len(benches)), "MMLU")
    model_header = rng.choice(["Model", "Model", "Name", "Checkpoint", "System"])
    columns = [model_header]
    params_header = rng.choice(["Params", "Size", "#Params", "Params (B)"])
    tokens_header = rng.choice(["Tokens", "Training tokens", "Train tokens"])
    if with_params:
        columns.append(params_header)
    if with_tokens:
        columns.append(tokens_header)
    columns += benches
    cells, truth_rows = [], []
    for name, name_size in names:
        params = name_size if name_size > 0 else rng.choice(SIZES)
        tokens = rng.choice([0.3, 0.8, 1, 1.4, 2, 2.5, 3, 4.5, 6, 8, 12, 15])
        row = [name]
        mmlu = None
        if with_params:
            row.append(params_text(params, params_header, rng))
        if with_tokens:
            row.append(tokens_text(tokens, look))
        for bench in benches:
            value = round(rng.uniform(18, 92), 1)
            if bench == "MMLU":
                mmlu = value
            row.append(f"{value:.1f}")
        cells.append(row)
        truth_rows.append({
            "model": name,
            "cells": row,
            "params_b": params if with_params else (name_size if name_size > 0 else None),
            "tokens_t": tokens if with_tokens else None,
            "mmlu": mmlu,
        })
    return Table(columns, cells, truth_rows)


def params_text(params: float, header: str, rng: random.Random) -> str:
    if header == "Params (B)":
        return f"{params:g}"
    return size_text(params, rng)


def tokens_text(tokens: float, look: str) -> str:
    if look == "two_up_pdf":
        return f"{round(tokens * 1000):,}B"
    return f"{tokens:g}T"


def generate(out: Path, count: int, seed: int) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    names = list(LOOKS)
    browser = Browser((1400, 1000))
    truth: dict[str, dict] = {}
    try:
        for index in range(count):
            look = names[index % len(names)]
            rng = random.Random(f"blind15-tables/{seed}/{index}")
            table = make_table(rng, look)
            image, table, extension, quality = LOOKS[look](table, rng, browser)
            if image.width > 1600:  # a page widened to fit its table, shown as sent: scaled
                image = image.resize((1600, round(image.height * 1600 / image.width)),
                                     Image.LANCZOS)
            file = f"{index:03d}_{look}.{extension}"
            save_image(image, out / file, quality)
            truth[file] = {
                "columns": table.columns,
                "rows": table.truth_rows,
                "title": table.title,
                "style": look,
            }
    finally:
        browser.close()
    return write_truth(out, truth)


def main() -> None:
    run_cli(generate, __doc__ or "", 48, 118000)


if __name__ == "__main__":
    main()
