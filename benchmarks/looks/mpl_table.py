"""matplotlib ``ax.table`` screenshots: matplotlib styles and fonts, thin black or pale cell
edges or none, coloured (dark or pale) header cells, zebra rows, model names as row labels,
tight or roomy columns, a range of dpi, some saved as JPEG."""

import io
import json
import random
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from PIL import Image

from looks.common import BENCH, MODELS, size_of

STYLES = [
    "default",
    "default",
    "ggplot",
    "seaborn-v0_8-whitegrid",
    "dark_background",
    "classic",
    "bmh",
    "fivethirtyeight",
    "Solarize_Light2",
    "grayscale",
]
FAMILIES = [
    "DejaVu Sans",
    "Liberation Sans",
    "Liberation Serif",
    "DejaVu Serif",
    "DejaVu Sans Mono",
    "FreeSans",
    "Roboto",
    "Open Sans",
]
# header fill, header text
HEADERS = [
    ("#dddddd", "black"),
    ("#4c72b0", "white"),
    ("#ffffff", "black"),
    ("#c6dbef", "black"),
    ("#2c3e50", "white"),
    ("#40466e", "white"),
    ("#f1a340", "black"),
    ("#1f77b4", "white"),
]
ZEBRA = ["#f2f2f2", "#eef3fb", "#fafafa"]


def generate(out: Path, count: int, seed: int) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    for i in range(count):
        n_rows, n_bench = rng.randint(3, 8), rng.randint(2, 6)
        models = rng.sample(MODELS, n_rows)
        benches = rng.sample(BENCH, n_bench)
        with_params = rng.random() < 0.5
        params_name = rng.choice(["Params (B)", "Size (B)", "Params"])
        columns = ["Model"] + ([params_name] if with_params else []) + benches
        decimals = rng.choice([1, 1, 2])
        rows = []
        for m in models:
            p = size_of(m)
            cells = [m] + ([f"{p:g}" if p else "-"] if with_params else [])
            vals = [f"{rng.uniform(5, 95):.{decimals}f}" for _ in benches]
            cells += vals
            mmlu = float(vals[benches.index("MMLU")]) if "MMLU" in benches else None
            rows.append({"model": m, "params_b": p, "tokens_t": None, "mmlu": mmlu, "cells": cells})
        style = rng.choice(STYLES)
        family = rng.choice(FAMILIES)
        with plt.style.context(style), plt.rc_context({"font.family": family}):
            font_size = rng.choice([7, 8, 9, 10, 11, 12])
            stretch = (rng.uniform(1.0, 1.4), rng.uniform(1.0, 1.8))
            # tall enough for every row: a table taller than its axes is cut off
            height = (n_rows + 1) * font_size / 72 * 2.0 * stretch[1] + 0.6
            fig, ax = plt.subplots(
                figsize=(rng.uniform(4, 9), height), dpi=rng.choice([72, 80, 100, 120, 150, 200])
            )
            ax.axis("off")
            fill, ink = rng.choice(HEADERS)
            labels_as_rows = rng.random() < 0.25  # model names as the row labels
            edges = rng.choice(["closed", "closed", "closed", "horizontal", "open", "BT"])
            if edges != "closed":  # a cell open on a side is not filled: dark ink then
                ink = "white" if style == "dark_background" else "black"
            options: dict = {
                "loc": "center",
                "cellLoc": rng.choice(["center", "left", "right"]),
                "colLoc": rng.choice(["center", "center", "left"]),
                "edges": edges,
            }
            if labels_as_rows:
                table = ax.table(
                    cellText=[r["cells"][1:] for r in rows],
                    colLabels=columns[1:],
                    rowLabels=[r["cells"][0] for r in rows],
                    **options,
                )
            else:
                table = ax.table(cellText=[r["cells"] for r in rows], colLabels=columns, **options)
            table.auto_set_font_size(False)
            table.set_fontsize(font_size)
            # columns as wide as their text: matplotlib's fixed widths let it run into the next
            table.auto_set_column_width(list(range(-1, len(columns))))
            table.scale(*stretch)
            edge_colour = rng.choice(["black", "black", "#999999", "#cccccc", "white"])
            width = rng.choice([0.5, 0.8, 1.0, 1.5])
            zebra = rng.choice(ZEBRA) if rng.random() < 0.35 else None
            bold = rng.random() < 0.5
            for (r, _), cell in table.get_celld().items():
                cell.set_edgecolor(edge_colour)
                cell.set_linewidth(width)
                if r == 0:
                    cell.set_facecolor(fill)
                    cell.get_text().set_color(ink)
                    if bold:
                        cell.get_text().set_fontweight("bold")
                elif style == "dark_background":
                    cell.set_facecolor("#333333" if zebra and r % 2 == 0 else "black")
                    cell.get_text().set_color("white")
                elif zebra and r % 2 == 0:
                    cell.set_facecolor(zebra)
            if rng.random() < 0.5:
                ax.set_title(
                    rng.choice(["Benchmark results", "Open model comparison", "Evaluation"]),
                    fontsize=rng.choice([10, 12, 14]),
                )
            name = f"mpl_{i:03d}.png"
            buffer = io.BytesIO()
            fig.savefig(
                buffer, format="png", bbox_inches="tight", pad_inches=rng.choice([0.05, 0.1, 0.3])
            )
            plt.close(fig)
        img = Image.open(buffer).convert("RGB")
        if rng.random() < 0.25:
            jpeg = io.BytesIO()
            img.save(jpeg, "JPEG", quality=rng.randint(55, 90))
            img = Image.open(jpeg).convert("RGB")
        img.save(out / name)
        truth[name] = {
            "columns": columns,
            "settings": [None] * len(columns),
            "rows": rows,
            "style": "mpl_table",
            "look": [style, family, fill, ink, edges, edge_colour],
        }
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
