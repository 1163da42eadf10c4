"""The fifteenth blind test set of charts, written without reading the reader or any other
generator. Eight looks, in turn:

- dumbbell_hbar: two dots per model joined by a grey line (base and tuned), kind hbar, a
  legend of the two dots, no value labels.
- excel_datatable: spreadsheet clustered columns with the chart's data table printed beneath
  (the legend keys sit in the table's first column); the truth is the columns.
- ggplot_facets: small multiples on a grey ground with white grid and a strip title over each
  panel, one line per panel; the truth holds each panel's line named by its strip title.
- right_axis_dark: a dark web chart (plotly in Chromium) whose y axis sits only at the right,
  in thousands with separators ("1,250"), log x of parameters, lines with markers.
- errorbar_jpeg: a notebook-rendered (Vega-Lite) column chart with error bars and no value
  labels, one series named by its axis title, saved as JPEG.
- solarize_logx: Matplotlib's Solarize_Light2 style, log-x lines without markers, a legend.
- rangeslider_lines: plotly lines with a range slider under the plot (a miniature of the
  lines), markers, a legend at the top.
- stacked100_hbar: 100 % stacked horizontal bars, each segment a series (its share printed
  inside where wide enough), a legend above.

Truth per image: ``kind`` (bar, hbar or line), ``log_x``, ``series`` (name -> [[x, y], ...]:
a bar's x its category as printed, a line's x its value in the axis's unit), ``style``.
Printed values are the truth as printed; unlabelled marks are the values drawn.

    python benchmarks/blind15_charts.py OUT_DIR [--count 24] [--seed 119000]
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from blind15_chart_looks import WEB_LOOKS
from blind15_io import run_cli, save_image, write_truth
from browser import Browser

FAMILIES = ["Quillon", "Marrowind", "Tesselate", "Orrinex", "Vantor", "Plumeau", "Halcyx",
            "Brindle", "Solvane", "Ferrox", "Nimbrae", "Corvath", "Lumora", "Dunlin"]
BENCHES = ["MMLU", "GSM8K", "HumanEval", "ARC-C", "MATH", "BBH", "DROP", "GPQA", "MBPP"]
PARAMS = [0.35, 0.7, 1.3, 3, 7, 13, 34, 70, 180]
Chart = dict
Drawn = tuple[Callable[[Path], None], Chart, str]


def models(rng: random.Random, count: int) -> list[str]:
    names: list[str] = []
    while len(names) < count:
        name = f"{rng.choice(FAMILIES)}-{rng.choice(['', '2-', '3 '])}{rng.choice(PARAMS):g}B"
        name = name.replace("--", "-").replace("-2-", "-2 ").replace("-3 ", " 3 ")
        if name not in names:
            names.append(name)
    return names


def save_figure(fig: plt.Figure, dpi: int) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        fig.savefig(path, dpi=dpi, facecolor=fig.get_facecolor())
        plt.close(fig)
    return write


def dumbbell_hbar(rng: random.Random) -> Drawn:
    names = models(rng, rng.randint(4, 7))
    bench = rng.choice(BENCHES)
    base = [round(rng.uniform(20, 70), 1) for _ in names]
    tuned = [round(b + rng.uniform(3, 20), 1) for b in base]
    fig, ax = plt.subplots(figsize=(rng.uniform(6, 8), 0.5 * len(names) + 1.6))
    ys = range(len(names))
    ax.hlines(ys, base, tuned, color="#bbbbbb", linewidth=3, zorder=1)
    ax.scatter(base, ys, s=70, color="#7f8c8d", label="Base", zorder=2)
    ax.scatter(tuned, ys, s=70, color="#e67e22", label="Tuned", zorder=2)
    ax.set_yticks(list(ys), names)
    ax.set_xlabel(f"{bench} accuracy (%)")
    ax.set_xlim(10, 100)
    ax.grid(axis="x", color="#eeeeee")
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.legend(loc="lower right", frameon=False)
    fig.tight_layout()
    series = {"Base": [[n, b] for n, b in zip(names, base, strict=True)],
              "Tuned": [[n, t] for n, t in zip(names, tuned, strict=True)]}
    return save_figure(fig, rng.choice([100, 120])), {"kind": "hbar", "log_x": False,
                                                      "series": series}, "png"


def excel_datatable(rng: random.Random) -> Drawn:
    names = models(rng, rng.randint(3, 5))
    benches = rng.sample(BENCHES, rng.randint(2, 3))
    values = {b: [round(rng.uniform(25, 90), 1) for _ in names] for b in benches}
    colours = ["#4472c4", "#ed7d31", "#a5a5a5"]
    fig = plt.figure(figsize=(rng.uniform(6.5, 8), 4.6))
    ax = fig.add_axes((0.14, 0.36, 0.82, 0.52))
    width = 0.8 / len(benches)
    for i, bench in enumerate(benches):
        xs = [j + (i - (len(benches) - 1) / 2) * width for j in range(len(names))]
        ax.bar(xs, values[bench], width, color=colours[i], label=bench)
    ax.set_xticks(range(len(names)), [""] * len(names))
    ax.set_ylim(0, 100)
    ax.grid(axis="y", color="#d9d9d9")
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    fig.suptitle("Benchmark comparison", fontsize=14, color="#595959")
    table = ax.table(cellText=[[f"{v:.1f}" for v in values[b]] for b in benches],
                     rowLabels=benches, colLabels=names, rowColours=colours[:len(benches)],
                     loc="bottom", cellLoc="center")
    table.auto_set_font_size(False)
    table.set_fontsize(8.5)
    table.scale(1, 1.4)
    series = {b: [[n, v] for n, v in zip(names, values[b], strict=True)] for b in benches}
    return save_figure(fig, 110), {"kind": "bar", "log_x": False, "series": series}, "png"


def ggplot_facets(rng: random.Random) -> Drawn:
    panels = rng.sample(BENCHES, rng.randint(2, 3))
    steps = sorted(rng.sample(range(10, 200, 10), rng.randint(5, 7)))
    with plt.style.context("ggplot"):
        fig, axes = plt.subplots(1, len(panels), figsize=(3.2 * len(panels), 3.4), sharey=True)
        series = {}
        for ax, panel in zip(axes, panels, strict=True):
            start = rng.uniform(15, 40)
            ys = [round(start + rng.uniform(25, 45) * (1 - 0.985 ** s), 1) for s in steps]
            ax.plot(steps, ys, color="#1f3b73", linewidth=1.6)
            ax.set_title(panel, fontsize=11, backgroundcolor="#d9d9d9", pad=6)
            ax.set_xlabel("training step (k)")
            series[panel] = [[s, y] for s, y in zip(steps, ys, strict=True)]
        axes[0].set_ylabel("accuracy (%)")
        fig.tight_layout()
    return save_figure(fig, 100), {"kind": "line", "log_x": False, "series": series}, "png"


def solarize_logx(rng: random.Random) -> Drawn:
    families = rng.sample(FAMILIES, rng.randint(2, 4))
    sizes = sorted(rng.sample(PARAMS, rng.randint(4, 6)))
    bench = rng.choice(BENCHES)
    with plt.style.context("Solarize_Light2"):
        fig, ax = plt.subplots(figsize=(rng.uniform(6, 7.5), 4.2))
        series = {}
        for family in families:
            offset = rng.uniform(-10, 6)
            ys = [round(min(95.0, 30 + offset + 9 * math.log2(s + 1)
                            + rng.uniform(-2, 2)), 1) for s in sizes]
            ax.plot(sizes, ys, linewidth=2, label=family)
            series[family] = [[s, y] for s, y in zip(sizes, ys, strict=True)]
        ax.set_xscale("log")
        ax.set_xlabel("parameters (B)")
        ax.set_ylabel(f"{bench} (%)")
        ax.legend(loc="upper left")
        fig.tight_layout()
    return save_figure(fig, rng.choice([100, 130])), {"kind": "line", "log_x": True,
                                                      "series": series}, "png"


def stacked100_hbar(rng: random.Random) -> Drawn:
    names = models(rng, rng.randint(3, 6))
    parts = rng.choice([["Correct", "Partial", "Wrong"], ["Win", "Tie", "Loss"]])
    shares = []
    for _ in names:
        a = rng.randint(25, 65)
        b = rng.randint(8, 100 - a - 8)
        shares.append([a, b, 100 - a - b])
    fig, ax = plt.subplots(figsize=(rng.uniform(6.5, 8), 0.55 * len(names) + 1.5))
    left = [0] * len(names)
    colours = ["#2e7d32", "#f9a825", "#c62828"]
    for i, part in enumerate(parts):
        widths = [s[i] for s in shares]
        ax.barh(names, widths, left=left, color=colours[i], label=part, height=0.6)
        for y, (w, x0) in enumerate(zip(widths, left, strict=True)):
            if w >= 8:
                ax.text(x0 + w / 2, y, f"{w}%", ha="center", va="center", color="white",
                        fontsize=9)
        left = [x0 + w for x0, w in zip(left, widths, strict=True)]
    ax.set_xlim(0, 100)
    ax.invert_yaxis()
    ax.legend(ncol=3, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False)
    ax.set_xlabel("share of answers (%)")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    series = {part: [[n, s[i]] for n, s in zip(names, shares, strict=True)]
              for i, part in enumerate(parts)}
    return save_figure(fig, 110), {"kind": "hbar", "log_x": False, "series": series}, "png"


MPL_LOOKS: dict[str, Callable[[random.Random], Drawn]] = {
    "dumbbell_hbar": dumbbell_hbar,
    "excel_datatable": excel_datatable,
    "ggplot_facets": ggplot_facets,
    "solarize_logx": solarize_logx,
    "stacked100_hbar": stacked100_hbar,
}
ORDER = ["dumbbell_hbar", "excel_datatable", "ggplot_facets", "right_axis_dark",
         "errorbar_jpeg", "solarize_logx", "rangeslider_lines", "stacked100_hbar"]


def generate(out: Path, count: int, seed: int) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    browser = Browser((1300, 900))
    truth: dict[str, dict] = {}
    try:
        for index in range(count):
            style = ORDER[index % len(ORDER)]
            rng = random.Random(f"blind15-charts/{seed}/{index}")
            if style in MPL_LOOKS:
                write, chart, extension = MPL_LOOKS[style](rng)
                file = f"{index:03d}_{style}.{extension}"
                write(out / file)
            else:
                image, chart, extension = WEB_LOOKS[style](rng, browser, models, BENCHES)
                file = f"{index:03d}_{style}.{extension}"
                save_image(image, out / file, rng.randint(55, 70))
            truth[file] = {**chart, "style": style}
    finally:
        browser.close()
    return write_truth(out, truth)


def main() -> None:
    run_cli(generate, __doc__ or "", 24, 119000)


if __name__ == "__main__":
    main()
