"""The sixteenth blind test set of tables, written without reading the reader or any other
generator: each look is a screenshot a user might take of a benchmark table.

    python benchmarks/blind16_tables.py OUT_DIR [--count 48] [--seed 122000]

Looks (``STYLE`` in each file's name), in turn:

- kanban_card: a table pasted into a task board's card, labels and avatars around it;
- jupyter_scroll: a notebook output with an index column and a horizontal scrollbar;
- percent_dated: every score with a trailing "%", names carrying a version date;
- half_cut: a page cropped so its last column is half cut off (truth: whole columns only);
- family_averages: an "Average" row closing each family (no model: not in the truth);
- best_second_dagger: best bold, second underlined, a dagger after some names;
- condensed_jpeg: a condensed face at 11 px, saved as JPEG;
- family_border_merged: a coloured left border per family, the size cell merged over rows;
- projector_photo: a slide table photographed on a projector (keystone, washed out);
- column_t_green: ``column -t`` output, green on black;
- raw_markdown: a Markdown table as raw text in an editor, pipes not aligned;
- access_dark: a wiki page's dark theme with an "Open / Closed" access column of icons.

Truth per image: ``columns`` (the first names the model column), ``rows`` (``model``,
``cells`` as printed, the model's first, ``params_b``, ``tokens_t``, ``mmlu``), ``title``
and ``style``. A footnote mark after a name is not part of it; an index column, a section
or average row and a half-shown column are not in it.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import blind16_io
from blind16_table_looks import LOOKS

FAMILIES = ["Quillon", "Marrowby", "Tesselite", "Brindl", "Vantor", "Kelpra", "Nimbra",
            "Corvane", "Lumisk", "Pyxa", "Orrinet", "Halcyo", "Zephra", "Duskin", "Ferrule"]
SUFFIXES = ["", "", " Chat", "-Instruct", " Base", "-it", "-v2", " Pro"]
SIZES = [0.5, 1.3, 2.7, 3, 7, 8, 9, 13, 14, 22, 34, 40, 70]
BENCHMARKS = ["GSM8K", "HumanEval", "ARC-C", "HellaSwag", "BBH", "MATH", "TruthfulQA",
              "WinoGrande", "DROP", "AGIEval", "CMMLU", "MMLU-Pro", "MBPP", "GPQA", "IFEval",
              "PIQA", "BoolQ", "OpenBookQA"]
SETTINGS = ["", "", "", " (5-shot)", " (0-shot)", " (3-shot)"]
MODEL_HEADERS = ["Model", "Model", "Checkpoint", "Name", "Model name"]


def size_text(size: float) -> str:
    return f"{size:g}B"


def make_table(rng: random.Random, *, rows: int = 0, benchmarks: int = 0,
               params: bool | None = None,
               tokens: bool | None = None, percent: bool = False, dated: bool = False,
               families: int = 0, repeat_size: bool = False) -> dict:
    """A table's truth: columns, rows with printed cells, and each row's family (for looks
    that group by family). Scores keep one decimal; MMLU is always a column."""
    params = rng.random() < 0.75 if params is None else params
    tokens = rng.random() < 0.4 if tokens is None else tokens
    names = rng.sample(BENCHMARKS, benchmarks or rng.randint(3, 5))
    mmlu = "MMLU" + rng.choice(SETTINGS)
    names.insert(rng.randint(0, len(names)), mmlu)
    columns = [rng.choice(MODEL_HEADERS)]
    if params:
        columns.append(rng.choice(["Params", "Params (B)", "#Params"]))
    if tokens:
        columns.append(rng.choice(["Tokens", "Train tokens", "Tokens (T)"]))
    columns += names
    picked = rng.sample(FAMILIES, families or rng.randint(2, 3))
    count = rows or rng.randint(5, 8)
    truth_rows = []
    seen: set[str] = set()
    while len(truth_rows) < count:
        family = picked[len(truth_rows) * len(picked) // count]
        size = rng.choice(SIZES)
        previous = truth_rows[-1] if truth_rows else None
        if repeat_size and previous and previous["family"] == family and rng.random() < 0.6:
            size = previous["size"]
        model = f"{family}-{size_text(size)}{rng.choice(SUFFIXES)}"
        if dated:
            model += f"-{rng.choice([2023, 2024, 2025])}-{rng.randint(1, 12):02d}"
        if model in seen:
            continue
        seen.add(model)
        strength = rng.uniform(22, 62) + 5 * (size ** 0.3)
        trained = round(rng.choice([0.3, 1, 1.4, 2, 3, 6, 15]) * 1.0, 1)
        cells = [model]
        if params:
            cells.append(size_text(size) if "(B)" not in columns[1] else f"{size:g}")
        if tokens:
            header = columns[2 if params else 1]
            cells.append(f"{trained:g}T" if "(T)" not in header else f"{trained:g}")
        mmlu_value = None
        for name in names:
            value = round(min(96.0, max(5.0, strength + rng.uniform(-18, 12))), 1)
            if name == mmlu:
                mmlu_value = value
            cells.append(f"{value:.1f}%" if percent else f"{value:.1f}")
        truth_rows.append({
            "model": model,
            "cells": cells,
            "params_b": float(size) if params or re.search(r"\d+(\.\d+)?B", model) else None,
            "tokens_t": float(trained) if tokens else None,
            "mmlu": mmlu_value,
            "family": family,
            "size": size,
        })
    return {"columns": columns, "rows": truth_rows, "title": None}


def public_truth(table: dict) -> dict:
    """What truth.json holds: only what the image prints, family and size keys dropped."""
    return {
        "columns": table["columns"],
        "rows": [{k: r[k] for k in ("model", "cells", "params_b", "tokens_t", "mmlu")}
                 for r in table["rows"]],
        "title": table.get("title"),
    }


def draw(style: str, rng: random.Random) -> tuple:
    image, table, quality = LOOKS[style](rng, make_table)
    return image, quality, public_truth(table)


def generate(out: Path, count: int, seed: int) -> dict:
    return blind16_io.generate_looks(out, count, seed, "tables", list(LOOKS), draw)


if __name__ == "__main__":
    blind16_io.command_line(__doc__, generate, 48, 122000)
