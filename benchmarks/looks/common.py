"""What the tuning looks share: model names, benchmarks, the size a name states, and how
a shot is saved."""

import json
import random
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from browser import Browser
from PIL import Image

FONTS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
]
MODELS = [
    "Llama-2-7B",
    "Llama-2-13B",
    "Mistral-7B",
    "Qwen-14B",
    "Yi-34B",
    "Falcon-40B",
    "Gemma-2B",
    "Phi-2",
    "MPT-30B",
    "Baichuan2-13B",
    "InternLM-20B",
    "Vicuna-13B",
    "ChatGLM3-6B",
    "OLMo-7B",
    "Pythia-12B",
    "BLOOM-176B",
    "DeepSeek-67B",
    "Mixtral-8x7B",
]
BENCH = ["MMLU", "GSM8K", "HumanEval", "ARC-C", "BBH", "HellaSwag", "MATH", "TriviaQA"]


def size_of(name: str) -> float | None:
    """Parameters in billions as the name states them (a mixture counts its total)."""
    if "8x7B" in name:
        return 46.7
    match = re.search(r"(\d+(?:\.\d+)?)B", name)
    return float(match.group(1)) if match else None


def drawn_rows(rng: random.Random, draw_name: Callable[[random.Random], str], wanted: int,
               benches: list[str]) -> tuple[list[dict], list[list[str]]]:
    """``wanted`` distinct names from ``draw_name``, a score of one decimal for each
    benchmark: the truth's rows and the cells as printed."""
    names: list[str] = []
    while len(names) < wanted:
        name = draw_name(rng)
        if name not in names:
            names.append(name)
    rows, cells = [], []
    for name in names:
        values = [f"{rng.uniform(20, 90):.1f}" for _ in benches]
        cells.append([name, *values])
        mmlu = float(values[benches.index("MMLU")]) if "MMLU" in benches else None
        rows.append({"model": name, "params_b": size_of(name), "tokens_t": None,
                     "mmlu": mmlu, "cells": [name, *values]})
    return rows, cells


def save_shot(image: Image.Image, out: Path, stem: str, rng: random.Random,
              jpeg_share: float) -> str:
    """Save ``image`` as ``stem``.png, or with chance ``jpeg_share`` as a JPEG of quality 70
    to 90; the file's name."""
    if rng.random() < jpeg_share:
        image.save(out / f"{stem}.jpg", quality=rng.randint(70, 90))
        return f"{stem}.jpg"
    image.save(out / f"{stem}.png")
    return f"{stem}.png"


@contextmanager
def look_run(
    out: Path, seed: int, viewport: tuple[int, int]
) -> Iterator[tuple[random.Random, Browser, dict]]:
    """A look's generator run: its random stream, one browser, and the truth it fills,
    written to ``out``/truth.json at the end."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth: dict = {}
    browser = Browser(viewport)
    try:
        yield rng, browser, truth
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1))


def table_page(style: str, header: list[str], rows: list[list[str]]) -> str:
    """A page of one HTML table in ``#shot``, styled by ``style``."""
    head = "".join(f"<th>{h}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>{style}</style></head>"
            f"<body><div id='shot'><table><thead><tr>{head}</tr></thead><tbody>{body}"
            f"</tbody></table></div></body></html>")
