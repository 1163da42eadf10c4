"""What the chart looks share: realistic LLM benchmark content, drawn per seed.

Line charts plot a score against model size or training tokens (log x, in billions as a
size tick such as "7B" or "1T" states it) or against training steps (linear x); bar charts
plot benchmark scores per model, one series or grouped."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

MODELS = ("Llama-2-7B", "Llama-2-13B", "Mistral-7B", "Qwen1.5-14B", "Gemma-7B", "Yi-34B",
          "Falcon-40B", "Phi-2", "OLMo-7B", "DeepSeek-67B", "Mixtral-8x7B", "InternLM2-20B",
          "Baichuan2-13B", "MPT-30B", "GPT-3.5", "Claude 2")
FAMILIES = ("Llama 2", "Pythia", "OPT", "Ours", "Chinchilla", "Gopher", "OLMo", "Qwen",
            "Gemma", "BLOOM", "Cerebras-GPT", "T5")
BENCHMARKS = ("MMLU", "GSM8K", "HumanEval", "ARC-C", "HellaSwag", "TruthfulQA", "BBH",
              "MATH", "Winogrande", "DROP", "MBPP", "PIQA")
SIZES_B = (0.125, 0.35, 0.76, 1.3, 2.7, 6.7, 13.0, 30.0, 70.0, 175.0)
TOKENS_B = (50.0, 100.0, 200.0, 300.0, 500.0, 1000.0, 1400.0, 2000.0)
STEPS_K = (0, 20, 40, 60, 80, 100, 120)
Y_TITLES = ("Accuracy (%)", "MMLU (5-shot)", "Average score", "Pass@1", "Win rate (%)")


@dataclass
class Chart:
    kind: str  # bar, hbar, line
    renderer: str
    style: str
    series: dict[str, list[tuple[float | str, float]]] = field(default_factory=dict)
    log_x: bool = False
    labelled: bool = False
    x_title: str = ""
    y_title: str = ""
    x_unit: str = ""  # size, tokens or steps for lines

    def truth(self) -> dict[str, Any]:
        return {"kind": self.kind, "renderer": self.renderer, "style": self.style,
                "log_x": self.log_x, "labelled": self.labelled,
                "series": {k: [list(p) for p in v] for k, v in self.series.items()}}


def line_data(rng: random.Random, renderer: str, style: str) -> Chart:
    """A few families' scores rising with size or tokens (log x) or steps (linear x)."""
    chart = Chart(kind="line", renderer=renderer, style=style, y_title=rng.choice(Y_TITLES))
    chart.x_unit = rng.choice(("size", "tokens", "steps"))
    if chart.x_unit == "size":
        start = rng.randint(0, 4)
        xs: list[float] = list(SIZES_B[start : start + rng.randint(4, 6)])
        chart.log_x, chart.x_title = True, "Model size (parameters)"
    elif chart.x_unit == "tokens":
        xs = sorted(rng.sample(TOKENS_B, rng.randint(4, 6)))
        chart.log_x, chart.x_title = True, "Training tokens"
    else:
        xs = [float(v) for v in STEPS_K[: rng.randint(5, 7)]]
        chart.x_title = "Training steps (k)"
    for family in rng.sample(FAMILIES, rng.randint(1, 4)):
        start, slope = rng.uniform(22, 45), rng.uniform(3, 9)
        chart.series[family] = [
            (x, round(min(95.0, start + slope * i + rng.uniform(-2, 2)), 1))
            for i, x in enumerate(xs)]
    return chart


def bar_data(rng: random.Random, renderer: str, style: str, kind: str = "bar") -> Chart:
    """Benchmark scores: one model over benchmarks, several models grouped by benchmark, or
    one benchmark over models."""
    chart = Chart(kind=kind, renderer=renderer, style=style, y_title=rng.choice(Y_TITLES))
    grouped = kind == "bar" and rng.random() < 0.5
    if grouped:
        categories = list(rng.sample(BENCHMARKS, rng.randint(3, 5)))
        names = list(rng.sample(MODELS, rng.randint(2, 3)))
    elif rng.random() < 0.5:
        categories = list(rng.sample(MODELS, rng.randint(3, 7)))
        names = [rng.choice(BENCHMARKS)]
    else:
        categories = list(rng.sample(BENCHMARKS, rng.randint(3, 7)))
        names = [rng.choice(MODELS)]
    for name in names:
        chart.series[name] = [(c, round(rng.uniform(15, 92), 1)) for c in categories]
    chart.labelled = rng.random() < 0.7
    return chart


def categories_of(chart: Chart) -> list[str]:
    return [str(c) for c, _ in next(iter(chart.series.values()))]


def save_shot(image: Any, folder: Any, name: str, rng: random.Random, jpeg_share: float,
              lowest_quality: int = 70) -> str:
    """Save a drawn chart as ``name`` (a .png), or as a JPEG of middling quality for a
    share of them (charts are passed around as JPEG); the file name it was saved under."""
    if rng.random() < jpeg_share:
        name = name.replace(".png", ".jpg")
        image.save(folder / name, quality=rng.randint(lowest_quality, 92))
    else:
        image.save(folder / name)
    return name


def draw_look(out: Path, count: int, seed: int, prefix: str,
              draw: Callable[[str, random.Random, dict[str, Any]], Image.Image],
              styles: list[str], entry_for: Callable[[str], dict[str, Any]],
              jpeg: tuple[float | Callable[[str], float], int], close: Callable[[], None]
              ) -> dict[str, dict[str, Any]]:
    """Draw ``count`` charts of a look, its ``styles`` in turn (chart ``i`` from rng seed
    ``seed * 1000 + i``), under ``out``; their truth by file, also in ``truth.json``.
    ``jpeg``: the share saved as JPEG (or a style's share) and the lowest quality.
    ``close`` ends what the drawing opened (a browser)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict[str, Any]] = {}
    try:
        for index in range(count):
            rng = random.Random(seed * 1000 + index)
            style = styles[index % len(styles)]
            entry = entry_for(style)
            image = draw(style, rng, entry)
            share = jpeg[0](style) if callable(jpeg[0]) else jpeg[0]
            truth[save_shot(image, out, f"{prefix}_{seed}_{index:03d}.png", rng, share,
                            jpeg[1])] = entry
    finally:
        close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth


def draw_bar_look(out: Path, count: int, seed: int, prefix: str,
                  draw: Callable[[str, random.Random, dict[str, Any]], Image.Image],
                  styles: list[str], kind_of: Callable[[str], str]) -> dict[str, dict[str, Any]]:
    """:func:`draw_look` for a look of matplotlib bar charts, ``kind_of`` a style's kind
    (bar or hbar), a fifth of them saved as JPEG."""
    return draw_look(
        out, count, seed, prefix, draw, styles,
        lambda style: {"kind": kind_of(style), "renderer": "mpl", "log_x": False,
                       "labelled": False, "style": style, "series": {}},
        (0.2, 75), lambda: None)
