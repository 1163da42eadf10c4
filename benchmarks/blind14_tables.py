"""The fourteenth blind test set of tables: written without reading the reader or any
other generator, rendered in Chromium (``browser.py``). The looks, one a line:

- review_linenos: a conference paper in review mode, line numbers down the left margin beside
  a booktabs table, serif prose above and below;
- draft_watermark: a report page under a large diagonal "DRAFT" / "PREPRINT" watermark, JPEG;
- hf_ids: model ids of a hub ("org-name/model-7b-instruct") in code spans as the names;
- devtools_console: a browser console's ``console.table`` output, the names in "(index)";
- datasette_sort: a database web table with sort arrows in headers, link names, pagination;
- licence_millions: small models, parameters in millions and billions mixed ("350M",
  "1.3B"), a licence text column between score columns, a docs sidebar beside;
- rstudio_viewer: a data viewer pane with row numbers, R-style names ("ARC.C"), sort icons;
- teams_chat: a team chat message with a pasted bordered table, JPEG;
- selected_tooltip: a web grid with a selected row and a tooltip box hiding cells below it;
- longtable_continued: a table broken over two PDF pages, "Continued on next page", the
  header repeated on the second page;
- gmail_dark: a two-tone dark mail client showing a table in the message body;
- logo_initials: a leaderboard card with a coloured initials square before each name.

Truth per image: ``columns`` (the first names the model column), ``rows`` (``model``,
``cells`` aligned with ``columns``, ``params_b``, ``tokens_t``, ``mmlu``), ``title`` and
``style``; only what the image prints, as printed (a hidden cell is ""). A footnote mark
or an initials square beside a name is no part of it; a sort arrow is no part of a header.

    python benchmarks/blind14_tables.py OUT_DIR [--count 48] [--seed 114000]
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind14_render import cli, write_set
from browser import Browser

FAMILIES = ["Quillon", "Varda", "Myrtle", "Orinth", "Belluno", "Tamsin", "Corvane",
            "Lumora", "Pellan", "Zephra", "Norrow", "Halvard", "Saffra", "Ombrel", "Tirel",
            "Vexa", "Marrow", "Isolde", "Kettle", "Brisa"]
ORGS = ["lumora-labs", "northwind-ai", "pellan-research", "quill-collective", "tirel-org",
        "saffra-ml", "open-orinth", "halvard-nlp"]
SIZES = [0.125, 0.35, 1.3, 2.7, 3.0, 7.0, 8.0, 13.0, 14.0, 34.0, 70.0]
SMALL_SIZES = [0.06, 0.125, 0.35, 0.5, 0.77, 1.1, 1.3, 1.8, 2.7]
# benchmark headers and the settings some of them print
BENCHMARKS = [("MMLU", ["", " (5-shot)", " 5-shot"]), ("GSM8K", ["", " (8-shot)"]),
              ("HumanEval", ["", " (pass@1)"]), ("ARC-C", ["", " (25-shot)"]),
              ("HellaSwag", ["", " (10-shot)"]), ("MATH", ["", " (4-shot)"]),
              ("BBH", ["", " (3-shot CoT)"]), ("TriviaQA", [""]), ("WinoGrande", [""]),
              ("MBPP", [""]), ("GPQA", [""]), ("IFEval", [""]), ("DROP", [""]),
              ("CMMLU", [""]), ("MMLU-Pro", [""]), ("AGIEval", [""])]
MISSING = ["–", "-", "—", "n/a"]


@dataclass
class Spec:
    """A table as printed: the header cells, the rows (the name first), and the marks
    printed after some names (no part of them)."""

    columns: list[str]
    rows: list[list[str]]
    title: str | None = None
    marks: dict[int, str] = field(default_factory=dict)


def size_text(size: float, lower: bool = False) -> str:
    text = f"{round(size * 1000)}M" if size < 1 else f"{size:g}B"
    return text.lower() if lower else text


def model_names(rng: random.Random, count: int, hub_ids: bool = False,
                sizes: list[float] = SIZES) -> list[tuple[str, float]]:
    """(name, size in billions) of ``count`` distinct invented models."""
    names: list[tuple[str, float]] = []
    while len(names) < count:
        family, size = rng.choice(FAMILIES), rng.choice(sizes)
        version = rng.choice(["", "2", "3", "1.5"])
        if hub_ids:
            name = (f"{rng.choice(ORGS)}/{family.lower()}{version}-{size_text(size, True)}"
                    f"{rng.choice(['', '-instruct', '-chat', '-base'])}")
        else:
            stem = f"{family}-{version}" if version else family
            name = f"{stem}{rng.choice(['-', ' '])}{size_text(size)}"
            name += rng.choice(["", "", "-Chat", "-Instruct", " Base"])
        if all(name != other for other, _ in names):
            names.append((name, size))
    return names


def score_text(rng: random.Random, value: float, style: str) -> str:
    if style == "percent":
        return f"{value:.1f}%"
    if style == "two":
        return f"{value:.2f}"
    if style == "fraction":
        return f"{value / 100:.3f}"
    return f"{value:.1f}"


def make_spec(rng: random.Random, rows: tuple[int, int] = (4, 8),
              benchmarks: tuple[int, int] = (3, 6), params: str = "maybe",
              tokens: bool = False, hub_ids: bool = False, score_style: str = "one",
              missing: float = 0.05, model_header: str | None = None,
              sizes: list[float] = SIZES) -> Spec:
    """A random table: ``params`` is "none", "b" ("7B"), "mixed" (the unit in each cell),
    "number" (a bare number under "(B)") or "maybe" (one of those, or none)."""
    if params == "maybe":
        params = rng.choice(["none", "none", "b", "number"])
    picked = rng.sample(BENCHMARKS, rng.randint(*benchmarks))
    if rng.random() < 0.7 and all(name != "MMLU" for name, _ in picked):
        picked[0] = BENCHMARKS[0]
    setting = rng.random() < 0.4
    headers = [name + (rng.choice(settings) if setting else "") for name, settings in picked]
    columns = [model_header or rng.choice(["Model", "Model", "Name", "Checkpoint"])]
    if params != "none":
        columns.append({"b": rng.choice(["Params", "#Params"]), "mixed": "Params",
                        "number": rng.choice(["Params (B)", "#Params (B)"])}[params])
    if tokens:
        columns.append(rng.choice(["Tokens", "Train tokens"]))
    columns += headers
    table_rows = []
    for name, size in model_names(rng, rng.randint(*rows), hub_ids, sizes):
        cells = [name]
        if params != "none":
            cells.append(f"{size:g}" if params == "number" else size_text(size))
        if tokens:
            tokens_t = rng.choice([0.3, 0.8, 1.0, 1.4, 2.0, 3.0, 6.0, 15.0])
            cells.append(f"{round(tokens_t * 1000)}B" if tokens_t < 1 else f"{tokens_t:g}T")
        base = 25 + 10 * min(size, 70) ** 0.35 + rng.uniform(-6, 6)
        for _ in headers:
            if rng.random() < missing:
                cells.append(rng.choice(MISSING))
                continue
            value = min(97.0, max(3.0, base + rng.uniform(-22, 18)))
            cells.append(score_text(rng, value, score_style))
        table_rows.append(cells)
    return Spec(columns, table_rows)


def quantity(text: str, unit: str) -> float | None:
    """A printed size or token count in billions ("b") or trillions ("t")."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([MBT]?)\s*", text, re.IGNORECASE)
    if not match:
        return None
    value, suffix = float(match.group(1)), match.group(2).upper()
    scale = {"b": {"M": 0.001, "B": 1.0, "T": 1000.0}, "t": {"M": 1e-6, "B": 0.001, "T": 1.0}}
    return round(value * scale[unit].get(suffix, 1.0), 6)


def name_size(name: str) -> float | None:
    match = re.search(r"(?<![\d.])(\d+(?:\.\d+)?)\s*([MB])\b", name, re.IGNORECASE)
    if not match:
        return None
    return quantity(match.group(1) + match.group(2), "b")


def printed_number(text: str) -> float | None:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*%?\s*", text)
    return float(match.group(1)) if match else None


def truth(spec: Spec, style: str) -> dict:
    """The truth of a table as printed (see the module's docstring)."""
    columns = spec.columns
    params = next((i for i, c in enumerate(columns) if re.match(r"#?Param", c)), None)
    tokens = next((i for i, c in enumerate(columns) if "oken" in c), None)
    mmlu = next((i for i, c in enumerate(columns) if re.fullmatch(r"MMLU(\s.*)?", c)), None)
    rows = []
    for cells in spec.rows:
        # a parameters cell the image hides (under a tooltip) leaves the size in the name
        params_b = quantity(cells[params], "b") if params is not None else None
        if params_b is None:
            params_b = name_size(cells[0])
        rows.append({
            "model": cells[0],
            "cells": list(cells),
            "params_b": params_b,
            "tokens_t": quantity(cells[tokens], "t") if tokens is not None else None,
            "mmlu": printed_number(cells[mmlu]) if mmlu is not None else None,
        })
    return {"columns": list(columns), "rows": rows, "title": spec.title, "style": style}


def generate(out: Path, count: int, seed: int) -> dict:
    from blind14_table_looks import LOOKS

    def draw(style: str, rng: random.Random, browser: Browser) -> tuple:
        image, spec, scale, quality = LOOKS[style](rng, browser)
        return image, truth(spec, style), scale, quality

    return write_set(out, count, seed, "tables", list(LOOKS), draw, (1700, 1400))


if __name__ == "__main__":
    cli(generate, __doc__ or "", 48, 114000, "tables")
