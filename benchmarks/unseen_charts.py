"""Held-out TEST charts: bar and line charts drawn by other renderers and rules.

This is the held-out test set of ``benchmarks/charts.py``; ``synth_charts.py`` (matplotlib,
its styles default/ggplot/seaborn/dark_background/bmh) and the real charts in
../shared/data/real are the tuning set. Nothing here is shared with them: charts are
hand-written SVG pages screenshotted by headless Chromium (through Playwright, Debian's
/usr/bin/chromium), and matplotlib charts in the styles synth_charts leaves out
(fivethirtyeight, Solarize_Light2, seaborn whitegrid, tableau-colorblind10, classic), with
log x axes in matplotlib's own tick text (10¹, 2×10¹). Score readers on it; never tune a
reader on its images.

Kinds: ``bar`` (one series, or grouped with a legend; printed value labels in a share),
``hbar`` (horizontal bars, names left of the bars) and ``line`` (markers or plain lines, a
legend; linear or log x). Difficulties in a share of the images: gridlines, dark page,
fonts, device scale factors, rescaling and JPEG quality. Names and values are invented
per seed.

    python benchmarks/unseen_charts.py OUT_DIR [--count N] [--seed S]

writes OUT_DIR/NNN.png|jpg and OUT_DIR/truth.json: {file: {kind, renderer, log_x,
series: {name: [[x, y], ...]}}}; a bar's x is its category name.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import math
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from browser import Browser
from PIL import Image

FAMILIES = ("Kestrel", "Corvid", "Nimbus", "Heron", "Quokka", "Lumen", "Tessera", "Marlin",
            "Orison", "Sable", "Juniper", "Halcyon", "Basalt", "Cinder", "Osprey", "Petrel")
TASKS = ("ARC-C", "TruthfulQA", "Winogrande", "DROP", "PIQA", "MBPP", "LAMBADA", "SIQA",
         "NaturalQ", "TriviaQA", "OBQA", "RACE")
PALETTES = (
    ("#1b9e77", "#d95f02", "#7570b3", "#e7298a"),
    ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2"),
    ("#2f4b7c", "#ffa600", "#a05195", "#f95d6a"),
    ("#3b7d23", "#c0392b", "#8e44ad", "#2c82c9"),
)
FONTS = ("Arial, Helvetica, sans-serif", "DejaVu Sans, sans-serif", "Georgia, serif",
         "Liberation Sans, sans-serif", "Verdana, sans-serif")
MPL_STYLES = ("fivethirtyeight", "Solarize_Light2", "seaborn-v0_8-whitegrid",
              "tableau-colorblind10", "classic")


@dataclass
class Chart:
    kind: str  # bar, hbar, line
    renderer: str  # svg, matplotlib
    series: dict[str, list[tuple[float | str, float]]] = field(default_factory=dict)
    log_x: bool = False
    labelled: bool = False

    def truth(self) -> dict[str, Any]:
        return {"kind": self.kind, "renderer": self.renderer, "log_x": self.log_x,
                "labelled": self.labelled,
                "series": {k: [list(p) for p in v] for k, v in self.series.items()}}


def make_data(rng: random.Random, kind: str) -> Chart:
    """Series names and values: bars take categories, lines take x values (log or not)."""
    chart = Chart(kind=kind, renderer="")
    if kind in ("bar", "hbar"):
        n_series = 1 if kind == "hbar" or rng.random() < 0.5 else rng.randint(2, 3)
        categories = rng.sample(TASKS, rng.randint(3, 6) if n_series > 1 else rng.randint(3, 7))
        names = [f"{f}-{rng.choice((3, 7, 8, 14, 32, 70))}B"
                 for f in rng.sample(FAMILIES, n_series)]
        for name in names:
            chart.series[name] = [(c, round(rng.uniform(12, 92), 1)) for c in categories]
        chart.labelled = rng.random() < 0.7
        return chart
    chart.log_x = rng.random() < 0.5
    xs: list[float] = (
        sorted(rng.sample([1, 2, 3, 5, 8, 13, 20, 30, 50, 70, 100], 4)) if chart.log_x
        else [float(v) for v in range(0, rng.choice((5, 6)) * 20, 20)]
    )
    for family in rng.sample(FAMILIES, rng.randint(1, 3)):
        start, slope = rng.uniform(15, 50), rng.uniform(2, 9)
        chart.series[family] = [(float(x), round(start + slope * i + rng.uniform(-1.5, 1.5), 1))
                                for i, x in enumerate(xs)]
    return chart


# --- SVG in Chromium -----------------------------------------------------------------------


def svg_page(chart: Chart, rng: random.Random) -> str:
    """The chart as an inline SVG page, every mark placed by hand."""
    dark = rng.random() < 0.25
    ink, page, grid = ("#e6e6e6", "#1e1f24", "#3a3b42") if dark else ("#222", "#fff", "#ddd")
    font = rng.choice(FONTS)
    size = rng.choice((12, 13, 14, 16))
    colours = rng.choice(PALETTES)
    width, height = rng.choice((560, 640, 720)), rng.choice((360, 400, 440))
    left, right, top, bottom = (150 if chart.kind == "hbar" else 60), 30, 40, 60
    names = list(chart.series)
    legend = len(names) > 1 or (chart.kind == "line" and rng.random() < 0.5)
    if legend:
        right = 150
    plot_w, plot_h = width - left - right, height - top - bottom
    parts: list[str] = []
    text = f'fill="{ink}" font-size="{size}"'
    values = [y for points in chart.series.values() for _, y in points]
    top_value = 20 * math.ceil(max(values) * 1.1 / 20) if chart.kind != "line" else 0.0
    gridlines = rng.random() < 0.6

    if chart.kind == "line":
        xs = [float(x) for x, _ in next(iter(chart.series.values()))]
        low_y = 10 * math.floor(min(values) / 10 - 0.5)
        high_y = 10 * math.ceil(max(values) / 10 + 0.5)

        def fx(x: float) -> float:
            if chart.log_x:
                lo, hi = math.log10(xs[0]) - 0.1, math.log10(xs[-1]) + 0.1
                return left + (math.log10(x) - lo) / (hi - lo) * plot_w
            span = xs[-1] - xs[0]
            return left + (x - xs[0] + 0.05 * span) / (1.1 * span) * plot_w

        def fy(y: float) -> float:
            return top + plot_h - (y - low_y) / (high_y - low_y) * plot_h

        for tick in range(int(low_y), int(high_y) + 1, 10):
            if gridlines:
                parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{fy(tick):.1f}" '
                             f'y2="{fy(tick):.1f}" stroke="{grid}"/>')
            parts.append(f'<text x="{left - 8}" y="{fy(tick) + size / 3:.1f}" '
                         f'text-anchor="end" {text}>{tick}</text>')
        for x in xs:
            label = f"{x:g}B" if chart.log_x else f"{x:g}"
            parts.append(f'<text x="{fx(x):.1f}" y="{top + plot_h + size + 8}" '
                         f'text-anchor="middle" {text}>{label}</text>')
        markers = rng.random() < 0.7
        for index, points in enumerate(chart.series.values()):
            colour = colours[index]
            path = " ".join(f"{fx(float(x)):.1f},{fy(y):.1f}" for x, y in points)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" '
                         f'stroke-width="2.5"/>')
            if markers:
                for x, y in points:
                    cx, cy = fx(float(x)), fy(y)
                    if index % 2:
                        parts.append(f'<rect x="{cx - 5:.1f}" y="{cy - 5:.1f}" width="10" '
                                     f'height="10" fill="{colour}"/>')
                    else:
                        parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5.5" '
                                     f'fill="{colour}"/>')
        x_title = "Parameters (B)" if chart.log_x else "Training steps (k)"
        parts.append(f'<text x="{left + plot_w / 2}" y="{height - 12}" text-anchor="middle" '
                     f'{text}>{x_title}</text>')
    else:
        categories = [str(c) for c, _ in next(iter(chart.series.values()))]
        slots = len(categories)
        per = len(names)
        step = 10 * math.ceil(top_value / 50) or 10
        horizontal = chart.kind == "hbar"
        length = plot_w if horizontal else plot_h

        def scale(v: float) -> float:
            return v / top_value * length

        for tick in range(0, int(top_value) + 1, step):
            if horizontal:
                x = left + scale(tick)
                if gridlines:
                    parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" '
                                 f'y2="{top + plot_h}" stroke="{grid}"/>')
                parts.append(f'<text x="{x:.1f}" y="{top + plot_h + size + 6}" '
                             f'text-anchor="middle" {text}>{tick}</text>')
            else:
                y = top + plot_h - scale(tick)
                if gridlines:
                    parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" '
                                 f'y2="{y:.1f}" stroke="{grid}"/>')
                parts.append(f'<text x="{left - 8}" y="{y + size / 3:.1f}" text-anchor="end" '
                             f'{text}>{tick}</text>')
        band = (plot_h if horizontal else plot_w) / slots
        thick = band * 0.7 / per
        for s_index, points in enumerate(chart.series.values()):
            colour = colours[s_index] if per > 1 else rng.choice(colours)
            for c_index, (_, value) in enumerate(points):
                start = c_index * band + band * 0.15 + s_index * thick
                bar = scale(value)
                if horizontal:
                    y = top + start
                    parts.append(f'<rect x="{left}" y="{y:.1f}" width="{bar:.1f}" '
                                 f'height="{thick - 2:.1f}" fill="{colour}"/>')
                    if chart.labelled:
                        parts.append(f'<text x="{left + bar + 5:.1f}" '
                                     f'y="{y + thick / 2 + size / 3:.1f}" {text}>{value:.1f}'
                                     '</text>')
                else:
                    x = left + start
                    y = top + plot_h - bar
                    parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{thick - 2:.1f}" '
                                 f'height="{bar:.1f}" fill="{colour}"/>')
                    if chart.labelled:
                        label_size = max(10, size - 2 * (per > 1))
                        parts.append(f'<text x="{x + thick / 2 - 1:.1f}" y="{y - 5:.1f}" '
                                     f'text-anchor="middle" fill="{ink}" '
                                     f'font-size="{label_size}">{value:.1f}</text>')
        for c_index, category in enumerate(categories):
            middle = c_index * band + band / 2
            if horizontal:
                parts.append(f'<text x="{left - 8}" y="{top + middle + size / 3:.1f}" '
                             f'text-anchor="end" {text}>{html.escape(category)}</text>')
            else:
                parts.append(f'<text x="{left + middle:.1f}" y="{top + plot_h + size + 8}" '
                             f'text-anchor="middle" {text}>{html.escape(category)}</text>')
    axis = (f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" '
            f'stroke="{ink}"/><line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" '
            f'stroke="{ink}"/>')
    parts.append(axis)
    if legend:
        for index, name in enumerate(names):
            y = top + 10 + index * (size + 10)
            x = left + plot_w + 20
            if chart.kind == "line":
                parts.append(f'<line x1="{x}" x2="{x + 24}" y1="{y}" y2="{y}" '
                             f'stroke="{colours[index]}" stroke-width="2.5"/>')
            else:
                parts.append(f'<rect x="{x}" y="{y - 6}" width="14" height="12" '
                             f'fill="{colours[index]}"/>')
            parts.append(f'<text x="{x + 30}" y="{y + size / 3:.1f}" {text}>'
                         f'{html.escape(name)}</text>')
    title = rng.choice(("Benchmark results", "Evaluation", "Scores by task", "Accuracy"))
    parts.append(f'<text x="{width / 2}" y="{top - 16}" text-anchor="middle" {text} '
                 f'font-weight="bold">{title}</text>')
    svg = (f'<svg id="shot" xmlns="http://www.w3.org/2000/svg" width="{width}" '
           f'height="{height}" style="background:{page};font-family:{font}">'
           + "".join(parts) + "</svg>")
    return f'<!doctype html><html><body style="margin:0;background:{page}">{svg}</body></html>'


# --- matplotlib ----------------------------------------------------------------------------


def mpl_image(chart: Chart, rng: random.Random) -> Image.Image:
    """The chart in one of the matplotlib styles synth_charts does not use; log x axes keep
    matplotlib's own tick text."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with plt.style.context(rng.choice(MPL_STYLES)):
        fig, ax = plt.subplots(figsize=(rng.uniform(5.5, 7.5), rng.uniform(3.6, 4.8)),
                               dpi=rng.choice((90, 110, 120)))
        names = list(chart.series)
        if chart.kind == "line":
            markers = rng.random() < 0.7
            for index, (name, points) in enumerate(chart.series.items()):
                xs = [float(x) for x, _ in points]
                ys = [y for _, y in points]
                ax.plot(xs, ys, label=name, marker=("o", "s", "^")[index] if markers else None)
            if chart.log_x:
                ax.set_xscale("log")
            ax.set_xlabel("Parameters (B)" if chart.log_x else "Training steps (k)")
            ax.set_ylabel("Score")
            if len(names) > 1 or rng.random() < 0.5:
                ax.legend()
        else:
            categories = [str(c) for c, _ in next(iter(chart.series.values()))]
            thick = 0.8 / len(names)
            for index, (name, points) in enumerate(chart.series.items()):
                offsets = [i + (index - (len(names) - 1) / 2) * thick
                           for i in range(len(categories))]
                values = [y for _, y in points]
                if chart.kind == "hbar":
                    bars = ax.barh(offsets, values, thick, label=name)
                else:
                    bars = ax.bar(offsets, values, thick, label=name)
                if chart.labelled:
                    ax.bar_label(bars, fmt="%.1f", fontsize=9, padding=2)
            if chart.kind == "hbar":
                ax.set_yticks(range(len(categories)), categories)
                ax.invert_yaxis()
            else:
                ax.set_xticks(range(len(categories)), categories)
            if len(names) > 1:
                ax.legend()
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        plt.close(fig)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def finish(image: Image.Image, rng: random.Random) -> tuple[bytes, str]:
    """Rescaled in a share of the images, saved as JPEG in another."""
    if rng.random() < 0.3:
        factor = rng.uniform(0.75, 1.3)
        image = image.resize((int(image.width * factor), int(image.height * factor)),
                             Image.Resampling.BICUBIC)
    buffer = io.BytesIO()
    if rng.random() < 0.3:
        image.save(buffer, format="JPEG", quality=rng.choice((75, 85, 92)))
        return buffer.getvalue(), "jpg"
    image.save(buffer, format="PNG")
    return buffer.getvalue(), "png"


def generate(out: Path, count: int, seed: int = 5000) -> dict[str, dict[str, Any]]:
    """``count`` charts into ``out``, alternating renderers and kinds; returns the truth."""
    out.mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict[str, Any]] = {}
    browser = Browser((1200, 900), None)
    try:
        for index in range(count):
            rng = random.Random(seed + index)
            kind = ("bar", "line", "hbar", "line")[(index // 2) % 4]
            chart = make_data(rng, kind)
            if index % 2:
                chart.renderer = "matplotlib"
                image = mpl_image(chart, rng)
            else:
                chart.renderer = "svg"
                image = browser.shoot(svg_page(chart, rng), rng.choice((1.0, 1.5, 2.0)))
            data, ext = finish(image, rng)
            name = f"{index:03d}.{ext}"
            (out / name).write_bytes(data)
            truth[name] = chart.truth()
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=16)
    parser.add_argument("--seed", type=int, default=5000)
    args = parser.parse_args()
    generate(args.out, args.count, args.seed)


if __name__ == "__main__":
    main()
