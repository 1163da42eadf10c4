"""matplotlib ax.table screenshots."""

import json
import random
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from looks.common import BENCH, MODELS, size_of


def generate(out: Path, count: int, seed: int) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    for i in range(count):
        n_rows, n_bench = rng.randint(3, 7), rng.randint(2, 5)
        models = rng.sample(MODELS, n_rows)
        benches = rng.sample(BENCH, n_bench)
        with_params = rng.random() < 0.5
        columns = ["Model"] + (["Params (B)"] if with_params else []) + benches
        rows = []
        for m in models:
            p = size_of(m)
            cells = [m] + ([f"{p:g}" if p else "-"] if with_params else [])
            vals = [f"{rng.uniform(10, 90):.{rng.choice([1, 1, 2])}f}" for _ in benches]
            cells += vals
            mmlu = float(vals[benches.index("MMLU")]) if "MMLU" in benches else None
            rows.append({"model": m, "params_b": p, "tokens_t": None, "mmlu": mmlu, "cells": cells})
        fig, ax = plt.subplots(
            figsize=(rng.uniform(4, 8), 0.35 * (n_rows + 2)), dpi=rng.choice([80, 100, 120, 150])
        )
        ax.axis("off")
        table = ax.table(
            cellText=[r["cells"] for r in rows],
            colLabels=columns,
            loc="center",
            cellLoc=rng.choice(["center", "left", "right"]),
            colColours=[rng.choice(["#dddddd", "#4c72b0", "#ffffff", "#c6dbef"])] * len(columns),
        )
        table.auto_set_font_size(False)
        table.set_fontsize(rng.choice([8, 9, 10, 11]))
        table.auto_set_column_width(list(range(len(columns))))
        if rng.random() < 0.5:
            ax.set_title(rng.choice(["Benchmark results", "Open model comparison", "Evaluation"]))
        name = f"mpl_{i:03d}.png"
        fig.savefig(out / name, bbox_inches="tight")
        plt.close(fig)
        truth[name] = {
            "columns": columns,
            "settings": [None] * len(columns),
            "rows": rows,
            "style": "mpl_table",
        }
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
