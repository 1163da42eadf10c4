"""The invented models and benchmarks the blind11 generators draw from, and the table
spec (header, printed rows, truth) that each blind11 table look renders its own way."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

FAMILIES = ["Quillon", "Vartex", "Nimbra", "Osprel", "Kestrane", "Tovaris", "Brellin",
            "Zephra", "Maruvi", "Celdor", "Hollin", "Pyxar", "Strell", "Ombria", "Taloq",
            "Feyra", "Gantry", "Lumix-Q", "Sorrel", "Wendigo"]
SUFFIXES = ["", "", "-Instruct", "-Chat", "-Base", " v2", "-Lite", "-Pro"]
SIZES = [0.5, 1.3, 2, 3, 7, 8, 13, 14, 22, 34, 40, 70, 110, 180]
# benchmark -> (low, high) of plausible scores
BENCHMARKS = {"MMLU": (35, 86), "GSM8K": (10, 92), "HumanEval": (8, 82), "ARC-C": (38, 93),
              "HellaSwag": (55, 92), "MATH": (3, 60), "BBH": (28, 82), "TriviaQA": (40, 85),
              "WinoGrande": (58, 86), "DROP": (30, 80), "MBPP": (15, 75), "CMMLU": (30, 85),
              "MMLU-Pro": (12, 60), "GPQA": (20, 48), "C-Eval": (30, 86), "AGIEval": (25, 65)}
SETTINGS = ["(5-shot)", "(0-shot)", "(8-shot)", "(3-shot)", "(pass@1)", "(25-shot)"]


def size_text(size: float) -> str:
    return f"{size:g}"


@dataclass
class Spec:
    """What a table holds: ``header`` as printed (first the model column), ``rows`` of
    printed cells, ``truth_rows`` (model, params_b, tokens_t, mmlu) beside them, and
    ``families``: each row's family, for the looks that print families as section rows."""

    header: list[str]
    rows: list[list[str]]
    truth_rows: list[dict] = field(default_factory=list)
    families: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)  # per column: model, params, tokens, bench

    def truth(self, title: str | None, style: str) -> dict:
        return {"columns": self.header,
                "rows": [{**t, "cells": r} for t, r in zip(self.truth_rows, self.rows,
                                                             strict=True)],
                "title": title, "style": style}


def _score(rng: random.Random, low: float, high: float, digits: int) -> float:
    return round(rng.uniform(low, high), digits)


def make_spec(rng: random.Random, *, rows: int | None = None, benches: int | None = None,
              params: str | None = "random", tokens: str | None = "random", digits: int = 1,
              score_text=None, shots: bool | None = None) -> Spec:
    """A random table. ``params``/``tokens``: the column's printed form ("B" as 7B, "plain"
    as 7 under "(B)"), None for no column, "random" to choose. ``score_text(value, rng)``
    prints a score (default: the value with ``digits`` decimals)."""
    rows = rows or rng.randint(4, 8)
    benches = benches or rng.randint(3, 6)
    if params == "random":
        params = rng.choice(["B", "plain", None])
    if tokens == "random":
        tokens = rng.choice(["T", "plain", None, None])
    if shots is None:
        shots = rng.random() < 0.3
    names = rng.sample([b for b in BENCHMARKS if b != "MMLU"], benches - 1)
    if rng.random() < 0.7:
        names.insert(rng.randint(0, len(names)), "MMLU")
    else:
        names.append(rng.choice([b for b in BENCHMARKS if b not in names and b != "MMLU"]))
    bench_headers = [f"{b} {rng.choice(SETTINGS)}" if shots and rng.random() < 0.6 else b
                     for b in names]
    header = [rng.choice(["Model", "Model", "Name", "Checkpoint"])]
    kinds = ["model"]
    if params:
        header.append("Params" if params == "B" else rng.choice(["Params (B)", "Size (B)"]))
        kinds.append("params")
    if tokens:
        header.append("Tokens" if tokens == "T" else "Tokens (T)")
        kinds.append("tokens")
    header += bench_headers
    kinds += ["bench"] * len(bench_headers)
    families = rng.sample(FAMILIES, rng.randint(2, 3))
    spec = Spec(header, [], kinds=kinds)
    seen = set()
    while len(spec.rows) < rows:
        family = rng.choice(families)
        size = rng.choice(SIZES)
        named_size = rng.random() < 0.8
        model = f"{family}-{size_text(size)}B" if named_size else family
        model += rng.choice(SUFFIXES)
        if model in seen:
            continue
        seen.add(model)
        token_count = round(rng.choice([0.3, 0.8, 1, 1.4, 2, 2.5, 3, 4.5, 7, 12, 15]), 1)
        printed = [model]
        mmlu = None
        for kind, name in zip(kinds[1:], header[1:], strict=True):
            if kind == "params":
                printed.append(f"{size_text(size)}B" if params == "B" else size_text(size))
            elif kind == "tokens":
                printed.append(f"{token_count:g}T" if tokens == "T" else f"{token_count:g}")
            else:
                base = name.split(" (")[0]
                value = _score(rng, *BENCHMARKS[base], digits)
                printed.append(score_text(value, rng) if score_text else f"{value:.{digits}f}")
                if base == "MMLU":
                    mmlu = value
        spec.rows.append(printed)
        spec.families.append(family)
        spec.truth_rows.append({
            "model": model,
            "params_b": float(size) if params or named_size else None,
            "tokens_t": float(token_count) if tokens else None,
            "mmlu": mmlu})
    return spec


def order_by_family(spec: Spec) -> Spec:
    """The rows grouped by family, for looks that print a family's title above its models."""
    order = sorted(range(len(spec.rows)), key=lambda i: spec.families.index(spec.families[i]))
    return Spec(spec.header, [spec.rows[i] for i in order],
                [spec.truth_rows[i] for i in order], [spec.families[i] for i in order],
                spec.kinds)
