"""matplotlib in its style sheets (ggplot, seaborn-v0_8-*, bmh, fivethirtyeight,
dark_background, Solarize_Light2, grayscale) and seaborn bar plots with value labels
(``ax.bar_label``): lines with markers (circle, diamond, square) over log x axes whose
ticks are sizes ("1B", "10B", "1T"), powers of ten or plain numbers; bars with rotated
category names, grouped through seaborn's ``hue``, lying bars."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path
from typing import Any

from chart_looks.common import Chart, bar_data, categories_of, line_data

STYLES = ("ggplot", "seaborn-v0_8-whitegrid", "seaborn-v0_8-darkgrid", "seaborn-v0_8-ticks",
          "seaborn-v0_8-paper", "bmh", "fivethirtyeight", "dark_background",
          "Solarize_Light2", "grayscale")
SEABORN_THEMES = ("whitegrid", "darkgrid", "white", "ticks")
MARKERS = ("o", "D", "s")


def _si(value: float, _position: int = 0) -> str:
    """A size in billions as a tick: 0.5 -> 500M, 7 -> 7B, 1400 -> 1.4T."""
    if value >= 1000:
        return f"{value / 1000:g}T"
    if value < 1:
        return f"{value * 1000:g}M"
    return f"{value:g}B"


def line_chart(chart: Chart, rng: random.Random, ax: Any) -> None:
    from matplotlib.ticker import FuncFormatter, NullFormatter

    markers = rng.random() < 0.75
    for index, (name, points) in enumerate(chart.series.items()):
        ax.plot([float(x) for x, _ in points], [y for _, y in points], label=name,
                marker=MARKERS[index % 3] if markers else None,
                markersize=rng.choice((5, 6, 8)), linewidth=rng.choice((1.5, 2.0, 2.5)))
    if chart.log_x:
        ax.set_xscale("log")
        ticks = rng.choice(("si", "si", "power"))
        if ticks == "si":  # the data's own sizes as ticks (one decade has one power)
            ax.set_xticks([float(x) for x, _ in next(iter(chart.series.values()))])
            ax.xaxis.set_major_formatter(FuncFormatter(_si))
            ax.xaxis.set_minor_formatter(NullFormatter())
    ax.set_xlabel(chart.x_title)
    ax.set_ylabel(chart.y_title)
    if len(chart.series) > 1 or rng.random() < 0.4:
        where = rng.choice(("best", "outside", "upper left", "lower right"))
        if where == "outside":
            ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5))
        else:
            ax.legend(loc=where)


def bar_chart(chart: Chart, rng: random.Random, ax: Any, seaborn: bool) -> None:
    horizontal = chart.kind == "hbar"
    categories = categories_of(chart)
    if seaborn:
        import pandas as pd
        import seaborn as sns

        frame = pd.DataFrame([{"series": name, "category": str(c), "value": y}
                              for name, points in chart.series.items() for c, y in points])
        hue = "series" if len(chart.series) > 1 else None
        axes = ({"x": "value", "y": "category"} if horizontal
                else {"x": "category", "y": "value"})
        sns.barplot(data=frame, hue=hue, ax=ax, errorbar=None, order=categories,
                    hue_order=list(chart.series) if hue else None,
                    palette=rng.choice(("deep", "muted", "pastel", "Set2", "viridis")) if hue
                    else None, color=None if hue else rng.choice(("#4c72b0", "#55a868",
                                                                  "#c44e52")), **axes)
        containers = list(ax.containers)
        ax.set_xlabel("" if not horizontal else chart.y_title)
        ax.set_ylabel(chart.y_title if not horizontal else "")
    else:
        thick = 0.8 / len(chart.series)
        containers = []
        for index, (name, points) in enumerate(chart.series.items()):
            offsets = [i + (index - (len(chart.series) - 1) / 2) * thick
                       for i in range(len(categories))]
            values = [y for _, y in points]
            draw = ax.barh if horizontal else ax.bar
            containers.append(draw(offsets, values, thick * rng.choice((1.0, 0.9)),
                                   label=name))
        if horizontal:
            ax.set_yticks(range(len(categories)), categories)
            ax.invert_yaxis()
        else:
            ax.set_xticks(range(len(categories)), categories)
        ax.set_ylabel(chart.y_title if not horizontal else "")
        if len(chart.series) > 1:
            ax.legend()
    if chart.labelled:
        for container in containers:
            ax.bar_label(container, fmt="%.1f", fontsize=rng.choice((8, 9, 10)), padding=2)
    if not horizontal and rng.random() < 0.4:
        angle = rng.choice((30, 45))
        ax.tick_params(axis="x", labelrotation=angle)
        for label in ax.get_xticklabels():
            label.set_horizontalalignment("right")


def generate(out: Path, count: int, seed: int = 100) -> dict[str, dict[str, Any]]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out.mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict[str, Any]] = {}
    for index in range(count):
        rng = random.Random(seed + index)
        kind = ("line", "bar", "line", "hbar")[index % 4]
        seaborn = kind != "line" and rng.random() < 0.5
        if seaborn:
            import seaborn as sns

            theme = rng.choice(SEABORN_THEMES)
            style_name = f"seaborn {theme}"
            context: Any = sns.axes_style(theme)
        else:
            style_name = rng.choice(STYLES)
            context = plt.style.context(style_name)
        chart = (line_data(rng, "matplotlib", style_name) if kind == "line"
                 else bar_data(rng, "matplotlib", style_name, kind))
        with context:
            fig, ax = plt.subplots(figsize=(rng.uniform(5.5, 8), rng.uniform(3.6, 5)),
                                   dpi=rng.choice((80, 100, 120)))
            if kind == "line":
                line_chart(chart, rng, ax)
            else:
                bar_chart(chart, rng, ax, seaborn)
            if rng.random() < 0.5:
                ax.set_title(rng.choice(("Scaling", "Benchmark results", "Evaluation")))
            fig.tight_layout()
            buffer = io.BytesIO()
            fig.savefig(buffer, format="png")
            plt.close(fig)
        name = f"mpl_{index:03d}.png"
        (out / name).write_bytes(buffer.getvalue())
        truth[name] = chart.truth()
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
