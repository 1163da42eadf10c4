"""What the twelfth blind sets print, apart from how they look: invented model families,
benchmark columns, rows of scores, and the truth each table image carries; and the loop and
command line that every blind12 generator shares (a look per image in turn, one browser)."""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from browser import Browser
from PIL import Image

# Families of my own invention; none is a real lab's model.
FAMILIES = ["Quillon", "Marrowind", "Tessel", "Brevik", "Ondara", "Calyxa", "Veridan",
            "Pomelo", "Stratolux", "Nimbra", "Harrow", "Juniperly", "Auklet", "Corvane",
            "Selkie", "Tamarind", "Lumeno", "Vesper-Ox"]
SIZES_B = [0.5, 1.2, 1.8, 3, 4, 7, 8, 9, 13, 14, 22, 32, 34, 56, 70, 72]
VERSIONS = ["", "2", "2.5", "3", "v1.1", "1.5", "4"]
SUFFIXES = ["", "", "", "-Chat", "-Instruct", "-Base", "-it"]

# Benchmarks with the settings a paper may print beside them.
BENCHMARKS = ["MMLU", "GSM8K", "HumanEval", "MATH", "ARC-C", "HellaSwag", "Winogrande",
              "TruthfulQA", "BBH", "DROP", "MBPP", "GPQA", "IFEval", "C-Eval", "CMMLU",
              "MMLU-Pro", "AGIEval", "TriviaQA", "PIQA", "LiveBench", "SciQ", "OpenBookQA"]
SETTINGS = {"HumanEval": ["(pass@1)", "(0-shot)"], "MBPP": ["(pass@1)", "(3-shot)"],
            "GSM8K": ["(8-shot)", "(5-shot)", "(8-shot CoT)"], "MATH": ["(4-shot)", "(0-shot CoT)"],
            "BBH": ["(3-shot CoT)", "(3-shot)"], "HellaSwag": ["(10-shot)", "(0-shot)"],
            "ARC-C": ["(25-shot)", "(0-shot)"]}
GENERAL_SETTINGS = ["(5-shot)", "(0-shot)", "(3-shot)"]
# Benchmarks whose names are long enough to be broken with a hyphen in a narrow header.
LONG_NAMES = ["HellaSwag", "Winogrande", "TruthfulQA", "OpenBookQA", "TriviaQA", "LiveBench",
              "HumanEval", "AGIEval"]


@dataclass
class Model:
    name: str
    size_b: float | None  # the size printed in the name, if any
    params_b: float  # the real size, printed in a parameters column when there is one
    tokens_t: float


@dataclass
class Table:
    """One table's content: the model header, benchmark headers, models, score texts."""

    model_header: str
    benchmarks: list[str]
    models: list[Model]
    scores: list[list[str]]  # per model, per benchmark, as printed
    title: str | None = None
    extra: dict = field(default_factory=dict)


def size_text(size_b: float) -> str:
    return f"{size_b:g}B"


def setting_for(rng: random.Random, benchmark: str) -> str:
    """A setting that fits the benchmark: pass@1 for code, k-shot otherwise."""
    return rng.choice(SETTINGS.get(benchmark, GENERAL_SETTINGS))


def make_models(rng: random.Random, count: int, sized_names: bool = True) -> list[Model]:
    """Models of two to four families; names unique, sizes rising within a family."""
    families = rng.sample(FAMILIES, rng.randint(2, 4))
    models: list[Model] = []
    seen: set[str] = set()
    while len(models) < count:
        family = rng.choice(families)
        version = rng.choice(VERSIONS)
        size = rng.choice(SIZES_B)
        suffix = rng.choice(SUFFIXES)
        joiner = rng.choice(["-", " "])
        parts = [family] + ([version] if version else [])
        if sized_names:
            name = joiner.join([*parts, size_text(size)]) + suffix
        else:
            name = joiner.join([*parts, rng.choice(["Mini", "Pro", "Lite", "Max", "Air"])])
            name += suffix
        # "Quillon 2 7B" and "Quillon-2-7B" are one model to a reader: keep one of them
        plain = name.lower().replace("-", "").replace(" ", "")
        if plain in seen:
            continue
        seen.add(plain)
        tokens = rng.choice([0.3, 0.6, 1, 1.4, 2, 2.5, 3, 4.5, 6, 8, 12, 15])
        models.append(Model(name, size if sized_names else None, size, tokens))
    return models


def score_text(rng: random.Random, low: float, high: float, decimals: int) -> str:
    return f"{rng.uniform(low, high):.{decimals}f}"


def make_table(rng: random.Random, rows: int, columns: int, *, settings: float = 0.3,
               sized_names: bool = True, with_mmlu: float = 0.7, decimals: int = 1,
               missing: float = 0.0, missing_text: str = "—") -> Table:
    """A table of ``rows`` models by ``columns`` benchmarks; a share of benchmark names
    carry a setting, and ``missing`` of the cells print ``missing_text`` for no score."""
    pool = [b for b in BENCHMARKS if b != "MMLU"]
    names = rng.sample(pool, columns)
    if rng.random() < with_mmlu:
        names[rng.randrange(columns)] = "MMLU"
    benchmarks = [f"{n} {setting_for(rng, n)}" if rng.random() < settings else n for n in names]
    models = make_models(rng, rows, sized_names)
    scores = []
    for _ in models:
        line = []
        for _ in benchmarks:
            if rng.random() < missing:
                line.append(missing_text)
            else:
                line.append(score_text(rng, 18, 92, decimals))
        scores.append(line)
    return Table(rng.choice(["Model", "Model", "Models", "Name", "Checkpoint"]), benchmarks,
                 models, scores)


def is_mmlu(header: str) -> bool:
    """The column named MMLU, with or without a setting (never CMMLU or MMLU-Pro)."""
    base = header.split("(")[0].split("（")[0].strip()
    return base == "MMLU"


def number(text: str) -> float | None:
    try:
        return float(text.replace("%", ""))
    except ValueError:
        return None


def truth_of(table: Table, style: str, *, params_header: str | None = None,
             params_texts: list[str] | None = None, tokens_header: str | None = None,
             tokens_texts: list[str] | None = None, benchmarks: list[str] | None = None,
             keep: list[int] | None = None, model_header: str | None = None) -> dict:
    """The truth of an image: its columns as printed (model column first, then parameters
    and tokens columns where printed, then benchmarks), rows with every cell as printed.

    ``benchmarks`` overrides the printed benchmark names (a header printed otherwise than
    its name); ``keep`` lists the benchmark indexes the image shows (a scrolled grid)."""
    shown = list(range(len(table.benchmarks))) if keep is None else keep
    printed = benchmarks or table.benchmarks
    columns = [model_header or table.model_header]
    if params_header:
        columns.append(params_header)
    if tokens_header:
        columns.append(tokens_header)
    columns += [printed[i] for i in shown]
    mmlu_index = next((i for i in shown if is_mmlu(printed[i])), None)
    rows = []
    for r, model in enumerate(table.models):
        cells = [model.name]
        if params_header and params_texts:
            cells.append(params_texts[r])
        if tokens_header and tokens_texts:
            cells.append(tokens_texts[r])
        cells += [table.scores[r][i] for i in shown]
        params = model.params_b if params_header else model.size_b
        rows.append({
            "model": model.name,
            "cells": cells,
            "params_b": params,
            "tokens_t": model.tokens_t if tokens_header else None,
            "mmlu": number(table.scores[r][mmlu_index]) if mmlu_index is not None else None,
        })
    return {"columns": columns, "rows": rows, "title": table.title, "style": style}


def save(image: Image.Image, out: Path, stem: str, rng: random.Random, *,
         jpeg: bool = False, scale: float = 1.0) -> str:
    """Write the image, resized by ``scale`` and as JPEG when asked; returns its name."""
    if scale != 1.0:
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image = image.resize(size, Image.Resampling.LANCZOS)
    if jpeg:
        name = f"{stem}.jpg"
        image.convert("RGB").save(out / name, quality=rng.randint(62, 85))
    else:
        name = f"{stem}.png"
        image.save(out / name)
    return name


# A look draws one image: the image, its truth, and how to save it ({"jpeg", "scale"}).
Look = Callable[[random.Random, Browser], tuple[Image.Image, dict, dict]]


def generate_set(out: Path, count: int, seed: int, kind: str,
                 looks: list[tuple[str, Look]]) -> dict:
    """Image ``index`` is drawn by look ``index % len(looks)`` with a random stream of its
    own (``blind12-KIND/SEED/INDEX``); writes the images and truth.json, returns the truth."""
    out.mkdir(parents=True, exist_ok=True)
    browser = Browser((1600, 1200))
    truth = {}
    try:
        for index in range(count):
            style, look = looks[index % len(looks)]
            rng = random.Random(f"blind12-{kind}/{seed}/{index}")
            image, item, how = look(rng, browser)
            name = save(image, out, f"{index:03d}_{style}", rng, jpeg=how["jpeg"],
                        scale=how["scale"])
            truth[name] = {**item, "style": style}
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False))
    return truth


def command_line(doc: str, generate: Callable[[Path, int, int], dict], count: int,
                 seed: int) -> None:
    """``OUT_DIR [--count N] [--seed S]``: a generator's own command."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=count)
    parser.add_argument("--seed", type=int, default=seed)
    args = parser.parse_args()
    truth = generate(args.out, args.count, args.seed)
    print(f"{len(truth)} images in {args.out}")


def page(body: str, css: str, background: str = "#ffffff") -> str:
    """A whole HTML page whose ``#shot`` element is what the screenshot keeps."""
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>"
            f"html,body{{margin:0;padding:0;background:{background}}}"
            f"#shot{{display:inline-block}}{css}</style></head><body>{body}</body></html>")
