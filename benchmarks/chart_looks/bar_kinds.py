"""Bar charts as people outside this project draw their benchmark results.

Written before reading the chart reader or any other look: matplotlib under every built-in
style sheet with hand-set rcParams (fonts, spines, hatches, edges, alpha, error bars),
seaborn bar plots with hue, plotly figures shot in Chromium (templates, ``texttemplate``
labels inside or outside the bars, horizontal bars) and Vega-Lite through vl-convert (its
named themes). Each chart is single, grouped (2 to 5 series), stacked or horizontal (sorted
by score); its values print like 49.2, 49.2%, 0.492 or an Elo-like 1287, above, inside or
rotated on the bars, or not at all (then they are measured); long model names stand rotated
under the bars; legends sit inside, to the right or below; some charts have a title and a
caption, some sit in a slide or a social-media post, some are saved as JPEG or resized; the
images are 400 to 1600 pixels wide.

``generate(out, count, seed) -> truth`` in the format ``benchmarks/charts.py`` scores
({file: {kind, renderer, log_x, labelled, style, series: {name: [[category, value]]}}},
plus ``y_tolerance`` where values are fractions, and ``layout``, ``labels``, ``sheet``,
``frame`` to break the scores down). A stacked bar's truth is each segment's own value.
A tuning look: tune on one seed, only score another.
"""

from __future__ import annotations

import difflib
import io
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

MODELS = [
    "GPT-4o", "GPT-4o-mini", "Claude 3.5 Sonnet", "Claude 3 Haiku", "Gemini 1.5 Pro",
    "Gemini 1.5 Flash", "Llama-3.1-405B-Instruct", "Llama-3.1-8B", "Qwen2.5-72B-Instruct",
    "Qwen2-7B", "Mistral-Large-2", "Mixtral-8x22B", "DeepSeek-V3", "DeepSeek-Coder-V2-Lite",
    "Gemma-2-27B-it", "Phi-3-medium-128k", "Yi-1.5-34B-Chat", "Command R+", "InternLM2.5-20B",
    "Falcon-180B", "OLMo-2-13B", "Granite-3.0-8B", "Nemotron-4-340B", "Ours (7B)",
]
BENCHMARKS = [
    "MMLU", "GSM8K", "HumanEval", "MATH", "GPQA", "ARC-Challenge", "HellaSwag", "MBPP",
    "BBH", "DROP", "IFEval", "MMLU-Pro", "TruthfulQA", "WinoGrande", "AlpacaEval 2.0",
]
STACK_PARTS = [["Win", "Tie", "Loss"], ["Correct", "Partial", "Wrong"],
               ["Easy", "Medium", "Hard"], ["Solved", "Timeout", "Error", "Wrong answer"]]
TITLES = ["Benchmark results", "Accuracy by model", "Zero-shot evaluation",
          "Reasoning benchmarks", "Head-to-head against the baselines", "Pass@1 on coding tasks"]
CAPTIONS = ["Higher is better.", "Source: our evaluation, 5-shot.",
            "Scores averaged over three runs.", "Figure 2: results on held-out tasks."]
FONTS = ["DejaVu Sans", "DejaVu Serif", "Liberation Sans", "Liberation Serif", "Roboto",
         "Open Sans", "FreeSans", "Roboto Condensed", "DejaVu Sans Mono"]
HATCHES = ["//", "..", "xx", "\\\\", "--", "++", "oo"]
PLOTLY_TEMPLATES = ["plotly", "plotly_white", "plotly_dark", "ggplot2", "seaborn",
                    "simple_white", "presentation", "none"]
VEGA_THEMES = [None, "dark", "excel", "fivethirtyeight", "ggplot2", "googlecharts",
               "latimes", "quartz", "urbaninstitute", "vox", "powerbi", "carbong90"]
FONT_FILES = {
    "bold": "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "regular": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
}


@dataclass
class Spec:
    """One chart to draw: its data and how it is dressed."""

    renderer: str  # mpl, seaborn, plotly, vega
    layout: str  # single, grouped, stacked, hbar
    categories: list[str]
    series: dict[str, list[float]]
    scale: str  # percent (49.2), percent_sign (49.2%), fraction (0.492), elo (1287)
    labels: str  # above, inside, rotated, none
    rotate: int  # degrees of the category names
    legend: str  # inside, right, below
    title: str
    caption: str
    dark: bool
    width: int
    height: int
    extra: dict[str, Any] = field(default_factory=dict)

    def text(self, value: float) -> str:
        if self.scale == "fraction":
            return f"{value:.3f}" if self.extra.get("digits", 3) == 3 else f"{value:.2f}"
        if self.scale == "elo":
            return f"{value:.0f}"
        shown = f"{value:.{self.extra.get('digits', 1)}f}"
        return shown + "%" if self.scale == "percent_sign" else shown


def _distinct(names: list[str]) -> bool:
    """No two names so alike that a reader (or the scorer) could take one for the other."""
    keys = [re.sub(r"[^a-z0-9]", "", n.lower()) for n in names]
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if a in b or b in a or difflib.SequenceMatcher(None, a, b).ratio() >= 0.8:
                return False
    return True


def _pick(rng: random.Random, pool: list[str], count: int) -> list[str]:
    while True:
        names = rng.sample(pool, count)
        if _distinct(names):
            return names


def _spec(rng: random.Random, index: int) -> Spec:
    renderer = ["mpl", "seaborn", "plotly", "vega"][index % 4]
    layout = rng.choice(["single", "grouped", "grouped", "stacked", "hbar"])
    scale = rng.choice(["percent", "percent", "percent_sign", "fraction", "elo"])
    digits = rng.choice([1, 1, 1, 2, 0]) if scale in ("percent", "percent_sign") else 3
    if scale == "fraction":
        digits = rng.choice([3, 3, 2])
    if layout == "stacked":
        scale = rng.choice(["percent", "percent_sign"])
        digits = rng.choice([0, 1])
    labels = rng.choice(["above", "above", "inside", "rotated", "none"])
    if layout == "stacked":
        labels = rng.choice(["inside", "inside", "none"])
    if layout == "hbar" and labels == "rotated":
        labels = "above"
    series: dict[str, list[float]] = {}
    if layout == "single" or layout == "hbar":
        categories = _pick(rng, MODELS, rng.randint(3, 10 if layout == "single" else 12))
        names = [rng.choice(BENCHMARKS)]
        if layout == "hbar" and rng.random() < 0.25:
            names = _pick(rng, BENCHMARKS, 2)
    elif layout == "grouped":
        if rng.random() < 0.5:
            categories = _pick(rng, BENCHMARKS, rng.randint(2, 6))
            names = _pick(rng, MODELS, rng.randint(2, 5))
        else:
            categories = _pick(rng, MODELS, rng.randint(2, 5))
            names = _pick(rng, BENCHMARKS, rng.randint(2, 4))
    else:
        categories = _pick(rng, MODELS, rng.randint(3, 7))
        names = rng.choice(STACK_PARTS)
    places = 10 ** digits
    for name in names:
        if layout == "stacked":
            continue
        if scale == "elo":
            values = [float(rng.randint(1080, 1320)) for _ in categories]
        else:
            values = [round(rng.uniform(12, 94), 1) for _ in categories]
            if scale == "fraction":
                values = [round(v / 100, digits) for v in values]
            else:
                values = [round(v * places) / places for v in values]
        series[name] = values
    if layout == "stacked":
        for name in names:
            series[name] = []
        for _ in categories:
            cuts = sorted(rng.uniform(0, 100) for _ in names[1:])
            parts = [b - a for a, b in zip([0.0, *cuts], [*cuts, 100.0], strict=True)]
            parts = [max(p, 7.0) for p in parts]
            total = sum(parts)
            parts = [round(p * 100 / total * places) / places for p in parts]
            for name, part in zip(names, parts, strict=True):
                series[name].append(part)
    if layout == "hbar":  # sorted by score, best on top
        first = series[names[0]]
        order = sorted(range(len(categories)), key=lambda i: first[i], reverse=True)
        categories = [categories[i] for i in order]
        series = {k: [v[i] for i in order] for k, v in series.items()}
    longest = max(len(c) for c in categories)
    rotate = 0
    if layout != "hbar" and (longest > 12 or len(categories) > 6 or rng.random() < 0.2):
        rotate = rng.choice([30, 45, 45, 60, 90])
    width = rng.randint(400, 1600)
    height = int(width * rng.uniform(0.5, 0.85))
    if layout == "hbar":
        height = int(width * rng.uniform(0.55, 1.0))
    return Spec(
        renderer=renderer, layout=layout, categories=categories, series=series, scale=scale,
        labels=labels, rotate=rotate,
        legend=rng.choice(["inside", "right", "below"]),
        title=rng.choice(TITLES) if rng.random() < 0.6 else "",
        caption=rng.choice(CAPTIONS) if rng.random() < 0.3 else "",
        dark=rng.random() < 0.3, width=width, height=height,
        extra={"digits": digits, "font": rng.choice(FONTS),
               "errors": renderer in ("mpl", "seaborn") and layout in ("single", "grouped")
               and labels in ("none", "inside") and rng.random() < 0.4},
    )


def _axis_top(spec: Spec) -> tuple[float, float]:
    """The value axis' range: from zero (an Elo chart from below its smallest bar)."""
    values = [v for vals in spec.series.values() for v in vals]
    if spec.layout == "stacked":
        return 0.0, 100.0
    if spec.scale == "elo":
        return float(int(min(values) - 60) // 50 * 50), max(values) + 40
    top = max(values) * 1.15
    full = 1.0 if spec.scale == "fraction" else 100.0
    return 0.0, min(top, full) if top > 0.8 * full and max(values) < full else top


# ---------- matplotlib and seaborn ----------

def _mpl_figure(spec: Spec, rng: random.Random) -> Image.Image:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.ticker import PercentFormatter

    sheet = rng.choice(plt.style.available)
    if spec.dark:
        sheet = rng.choice(["dark_background", sheet])
    spec.extra["sheet"] = sheet
    rc: dict[str, Any] = {"font.family": spec.extra["font"]}
    if rng.random() < 0.5:
        rc["font.size"] = rng.choice([8, 9, 11, 13])
    dark_custom = spec.dark and sheet != "dark_background"
    if dark_custom:  # a house dark theme on top of the sheet
        bg = rng.choice(["#0d1117", "#1e1e1e", "#22272e", "#111827"])
        rc.update({"figure.facecolor": bg, "axes.facecolor": bg, "savefig.facecolor": bg,
                   "text.color": "#e6e6e6", "axes.labelcolor": "#e6e6e6",
                   "xtick.color": "#cfcfcf", "ytick.color": "#cfcfcf",
                   "axes.edgecolor": "#888888", "grid.color": "#444444"})
    dpi = rng.choice([72, 100, 110, 150])
    with plt.style.context(sheet), plt.rc_context(rc):
        if spec.renderer == "seaborn":
            fig, ax = _seaborn_axes(spec, rng, dpi)
        else:
            fig, ax = plt.subplots(figsize=(spec.width / dpi, spec.height / dpi), dpi=dpi)
            _mpl_bars(spec, rng, ax, np)
        lo, hi = _axis_top(spec)
        value_axis = ax.xaxis if spec.layout == "hbar" else ax.yaxis
        if spec.layout == "hbar":
            ax.set_xlim(lo, hi * (1.08 if spec.labels != "none" else 1.0))
        else:
            ax.set_ylim(lo, hi)
        if spec.scale == "percent_sign":
            value_axis.set_major_formatter(PercentFormatter(decimals=0))
        if spec.rotate and spec.layout != "hbar":
            for tick in ax.get_xticklabels():
                tick.set_rotation(spec.rotate)
                tick.set_ha("center" if spec.rotate == 90 else "right")
                if spec.rotate != 90:
                    tick.set_rotation_mode("anchor")
        if rng.random() < 0.5:  # a cleaner look: no box around the plot
            for side in ("top", "right"):
                ax.spines[side].set_visible(False)
            if rng.random() < 0.3:
                ax.spines["left" if spec.layout != "hbar" else "bottom"].set_visible(False)
        if rng.random() < 0.3:
            ax.set_axisbelow(True)
            (ax.xaxis if spec.layout == "hbar" else ax.yaxis).grid(
                True, linestyle=rng.choice(["-", "--", ":"]), alpha=0.6)
        label = {"percent": "Accuracy (%)", "percent_sign": "Accuracy", "fraction": "Score",
                 "elo": "Elo rating"}[spec.scale]
        if spec.layout == "hbar":
            ax.set_xlabel(label)
        else:
            ax.set_ylabel(label)
        _mpl_legend(spec, rng, ax)
        if spec.title:
            ax.set_title(spec.title, fontweight=rng.choice(["normal", "bold"]),
                         loc=rng.choice(["center", "left"]))
        if spec.caption:
            fig.text(0.01, 0.005, spec.caption, fontsize=8, style="italic", va="bottom")
        fig.tight_layout()
        buffer = io.BytesIO()
        tight = rng.random() < 0.5
        fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight" if tight else None,
                    facecolor=fig.get_facecolor())
        plt.close(fig)
    return Image.open(buffer).convert("RGB")


def _seaborn_axes(spec: Spec, rng: random.Random, dpi: int) -> tuple[Any, Any]:
    import matplotlib.pyplot as plt
    import pandas as pd
    import seaborn as sns

    sns.set_theme(style=rng.choice(["whitegrid", "darkgrid", "white", "ticks"]),
                  context=rng.choice(["paper", "notebook", "talk"]),
                  palette=rng.choice(["deep", "muted", "pastel", "Set2", "colorblind", "rocket",
                                      "viridis", "tab10"]),
                  font=spec.extra["font"], rc=_dark_rc() if spec.dark else None)
    spec.extra["sheet"] = "seaborn-theme"
    names = list(spec.series)
    rows = []
    for name, values in spec.series.items():
        for category, value in zip(spec.categories, values, strict=True):
            if spec.extra["errors"]:  # several runs whose mean is the value drawn
                noise = [rng.uniform(-3, 3) * (0.01 if spec.scale == "fraction" else 1)
                         for _ in range(4)]
                mean = sum(noise) / len(noise)
                rows += [{"category": category, "series": name, "value": value + n - mean}
                         for n in noise]
            else:
                rows.append({"category": category, "series": name, "value": value})
    frame = pd.DataFrame(rows)
    errorbar = ("sd" if spec.extra["errors"] else None)
    size = (spec.width / dpi, spec.height / dpi)
    if spec.layout == "stacked":
        fig, ax = plt.subplots(figsize=size, dpi=dpi)
        wide = frame.pivot(index="category", columns="series", values="value")
        wide = wide.loc[spec.categories, names]
        wide.plot(kind="bar", stacked=True, ax=ax, width=0.7, rot=0, legend=False,
                  edgecolor=rng.choice(["white", "none"]))
        _bar_labels(spec, ax, [ax.containers[i] for i in range(len(names))], names)
        ax.set_xlabel("")
        return fig, ax
    if spec.layout == "grouped" and rng.random() < 0.35:  # figure-level, legend outside
        grid = sns.catplot(frame, kind="bar", x="category", y="value", hue="series",
                           order=spec.categories, hue_order=names, errorbar=errorbar,
                           height=size[1], aspect=size[0] / size[1])
        grid.figure.set_dpi(dpi)
        ax = grid.ax
        grid.set_axis_labels("", "")
        spec.extra["legend_done"] = True
        _bar_labels(spec, ax, ax.containers, names)
        return grid.figure, ax
    fig, ax = plt.subplots(figsize=size, dpi=dpi)
    if spec.layout == "hbar":
        if len(names) == 1:
            sns.barplot(frame, y="category", x="value", hue="category", order=spec.categories,
                        legend=False, errorbar=errorbar, ax=ax, orient="h")
        else:
            sns.barplot(frame, y="category", x="value", hue="series", order=spec.categories,
                        hue_order=names, errorbar=errorbar, ax=ax, orient="h")
    elif len(names) == 1:
        sns.barplot(frame, x="category", y="value", hue="category", order=spec.categories,
                    legend=False, errorbar=errorbar, ax=ax)
    else:
        sns.barplot(frame, x="category", y="value", hue="series", order=spec.categories,
                    hue_order=names, errorbar=errorbar, ax=ax)
    ax.set_xlabel("")
    ax.set_ylabel("")
    containers = ax.containers
    if len(names) == 1 and len(containers) > 1:  # hue per category: one container a bar
        _single_labels(spec, ax, containers)
    else:
        _bar_labels(spec, ax, containers, names)
    return fig, ax


def _dark_rc() -> dict[str, str]:
    bg = "#181a1f"
    return {"figure.facecolor": bg, "axes.facecolor": bg, "savefig.facecolor": bg,
            "text.color": "#dddddd", "axes.labelcolor": "#dddddd", "xtick.color": "#bbbbbb",
            "ytick.color": "#bbbbbb", "axes.edgecolor": "#666666", "grid.color": "#3a3a3a"}


def _mpl_bars(spec: Spec, rng: random.Random, ax: Any, np: Any) -> None:
    names = list(spec.series)
    count = len(names)
    slots = np.arange(len(spec.categories))
    width = rng.uniform(0.6, 0.85)
    edge = rng.random() < 0.35
    hatch = rng.random() < 0.25 or spec.extra.get("sheet") == "grayscale"
    alpha = rng.choice([1.0, 1.0, 0.85, 0.7])
    bottoms = np.zeros(len(spec.categories))
    containers = []
    for i, name in enumerate(names):
        values = np.array(spec.series[name])
        style: dict[str, Any] = {"label": name, "alpha": alpha}
        if edge:
            style.update(edgecolor=rng.choice(["black", "white", "#333333"]),
                         linewidth=rng.choice([0.6, 1.0, 1.5]))
        if hatch and count > 1:
            style["hatch"] = HATCHES[i % len(HATCHES)]
            style.setdefault("edgecolor", "black")
        if spec.extra["errors"]:
            style.update(yerr=[rng.uniform(0.5, 3) * (0.01 if spec.scale == "fraction" else 1)
                               for _ in values], capsize=rng.choice([0, 3, 5]))
        if spec.layout == "stacked":
            bars = ax.bar(slots, values, width, bottom=bottoms, **style)
            bottoms = bottoms + values
        elif spec.layout == "hbar":
            style.pop("yerr", None)
            step = width / count
            bars = ax.barh(slots + (i - (count - 1) / 2) * step, values, step, **style)
        else:
            step = width / count
            bars = ax.bar(slots + (i - (count - 1) / 2) * step, values, step, **style)
        containers.append(bars)
    if spec.layout == "hbar":
        ax.set_yticks(slots, spec.categories)
        ax.invert_yaxis()
    else:
        ax.set_xticks(slots, spec.categories)
    _bar_labels(spec, ax, containers, names)


def _bar_labels(spec: Spec, ax: Any, containers: list[Any], names: list[str]) -> None:
    if spec.labels == "none":
        return
    for container, name in zip(containers, names, strict=False):
        texts = [spec.text(v) for v in spec.series[name]]
        _label(spec, ax, container, texts)


def _single_labels(spec: Spec, ax: Any, containers: list[Any]) -> None:
    if spec.labels == "none":
        return
    name = next(iter(spec.series))
    for container, value in zip(containers, spec.series[name], strict=False):
        _label(spec, ax, container, [spec.text(value)])


def _label(spec: Spec, ax: Any, container: Any, texts: list[str]) -> None:
    inside = spec.labels == "inside" or spec.layout == "stacked"
    rotation = 90 if spec.labels == "rotated" else 0
    colour = "white" if inside else None
    kwargs: dict[str, Any] = {"labels": texts, "label_type": "center" if inside else "edge",
                              "padding": 0 if inside else 3, "rotation": rotation,
                              "fontsize": "small" if len(spec.categories) > 6 else "medium"}
    if colour:
        kwargs["color"] = colour
    ax.bar_label(container, **kwargs)


def _mpl_legend(spec: Spec, rng: random.Random, ax: Any) -> None:
    if len(spec.series) < 2 or spec.extra.get("legend_done"):
        legend = ax.get_legend()
        if len(spec.series) < 2 and legend is not None:
            legend.remove()
        return
    frame = rng.random() < 0.6
    if spec.legend == "inside":
        ax.legend(loc=rng.choice(["upper left", "upper right", "best"]), frameon=frame,
                  fontsize="small")
    elif spec.legend == "right":
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=frame)
    else:
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.1 * bool(spec.rotate)),
                  ncol=len(spec.series), frameon=frame)


# ---------- plotly in Chromium ----------

_BROWSER: Any = None


def _plotly_figure(spec: Spec, rng: random.Random) -> Image.Image:
    global _BROWSER
    import plotly.graph_objects as go
    from browser import Browser

    template = rng.choice(PLOTLY_TEMPLATES)
    if spec.dark:
        template = "plotly_dark"
    spec.extra["sheet"] = template
    position = {"above": "outside", "inside": "inside", "rotated": "outside",
                "none": "none"}[spec.labels]
    if spec.layout == "stacked" and position != "none":
        position = "inside"
    figure = go.Figure()
    for name, values in spec.series.items():
        texts = [spec.text(v) for v in values]
        bar: dict[str, Any] = {"name": name, "text": texts, "textposition": position,
                               "texttemplate": "%{text}"}
        if spec.labels == "rotated":
            bar["textangle"] = -90
        if spec.layout == "hbar":
            bar.update(x=values, y=spec.categories, orientation="h")
        else:
            bar.update(x=spec.categories, y=values)
        if rng.random() < 0.3:
            bar["marker"] = {"line": {"width": 1.5, "color": "#222222"}}
        figure.add_bar(**bar)
    lo, hi = _axis_top(spec)
    value_axis: dict[str, Any] = {"range": [lo, hi * (1.1 if spec.labels == "above" else 1)]}
    if spec.scale == "percent_sign":
        value_axis["ticksuffix"] = "%"
    category_axis: dict[str, Any] = {}
    if spec.rotate:
        category_axis["tickangle"] = -spec.rotate
    if spec.layout == "hbar":
        category_axis["autorange"] = "reversed"
    legend: dict[str, Any] = {}
    if spec.legend == "below":
        legend = {"orientation": "h", "y": -0.25, "x": 0.5, "xanchor": "center"}
    elif spec.legend == "inside":
        legend = {"x": 0.01, "y": 0.99, "bgcolor": "rgba(255,255,255,0.6)"}
    scale = rng.choice([1.0, 2.0]) if spec.width >= 900 else 1.0
    figure.update_layout(
        template=template, barmode="stack" if spec.layout == "stacked" else "group",
        width=int(spec.width / scale), height=int(spec.height / scale),
        title={"text": spec.title} if spec.title else None,
        showlegend=len(spec.series) > 1, legend=legend,
        font={"family": spec.extra["font"], "size": rng.choice([11, 12, 14])},
        margin={"b": 40 + (90 if spec.rotate else 0) + (40 if spec.caption else 0)},
    )
    if spec.layout == "hbar":
        figure.update_layout(xaxis=value_axis, yaxis=category_axis)
    else:
        figure.update_layout(yaxis=value_axis, xaxis=category_axis)
    if spec.caption:
        figure.add_annotation(text=spec.caption, xref="paper", yref="paper", x=0, y=-0.3,
                              showarrow=False, font={"size": 10})
    html = figure.to_html(full_html=False, include_plotlyjs=True,
                          config={"staticPlot": True, "displayModeBar": False})
    page = ("<html><body style='margin:0'><div id='shot' style='display:inline-block'>"
            f"{html}</div></body></html>")
    if _BROWSER is None:
        _BROWSER = Browser((1800, 1400))
    return _BROWSER.shoot(page, scale)


# ---------- Vega-Lite through vl-convert ----------

def _vega_figure(spec: Spec, rng: random.Random) -> Image.Image:
    import vl_convert

    theme = rng.choice(VEGA_THEMES)
    if spec.dark:
        theme = rng.choice(["dark", "carbong90", "carbong100"])
    spec.extra["sheet"] = theme or "default"
    rows = [{"category": c, "series": name, "value": v, "label": spec.text(v)}
            for name, values in spec.series.items()
            for c, v in zip(spec.categories, values, strict=True)]
    several = len(spec.series) > 1
    lo, hi = _axis_top(spec)
    fmt = {"percent_sign": {"format": ".0f", "labelExpr": "datum.label + '%'"},
           "fraction": {"format": ".1f"}}.get(spec.scale, {})
    value = {"field": "value", "type": "quantitative", "title": "Score",
             "scale": {"domain": [lo, hi], "zero": spec.scale != "elo"}, "axis": fmt}
    category = {"field": "category", "type": "nominal", "title": None, "sort": None,
                "axis": {"labelAngle": -spec.rotate, "labelLimit": 220}}
    colour = {"field": "series", "type": "nominal", "title": None, "sort": list(spec.series),
              "legend": {"orient": {"inside": "top-right", "right": "right",
                                    "below": "bottom"}[spec.legend]} if several else None}
    text_colour = "white" if spec.labels == "inside" or spec.layout == "stacked" else None
    layers: list[dict[str, Any]] = []
    encoding: dict[str, Any]
    if spec.layout == "stacked":
        transform = [{"stack": "value", "groupby": ["category"], "as": ["v0", "v1"],
                      "sort": [{"field": "order"}]},
                     {"calculate": "(datum.v0 + datum.v1) / 2", "as": "mid"}]
        for i, row in enumerate(rows):
            row["order"] = list(spec.series).index(row["series"]) + i * 0
        encoding = {"x": category, "y": {**value, "field": "v0"}, "y2": {"field": "v1"},
                    "color": colour}
        layers.append({"mark": {"type": "bar"}, "encoding": encoding})
        if spec.labels != "none":
            layers.append({"mark": {"type": "text", "color": "white"},
                           "encoding": {"x": category, "y": {"field": "mid",
                                                             "type": "quantitative"},
                                        "text": {"field": "label"}}})
        body: dict[str, Any] = {"transform": transform, "layer": layers}
    else:
        horizontal = spec.layout == "hbar"
        place = {"x": value, "y": category} if horizontal else {"x": category, "y": value}
        encoding = {**place, "color": colour if several else {"value": rng.choice(
            ["#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2"])}}
        if several:
            encoding["yOffset" if horizontal else "xOffset"] = {"field": "series",
                                                               "sort": list(spec.series)}
        layers.append({"mark": {"type": "bar", "cornerRadiusEnd": rng.choice([0, 0, 3])},
                       "encoding": encoding})
        if spec.labels != "none":
            mark: dict[str, Any] = {"type": "text", "fontSize": rng.choice([10, 11, 13])}
            if horizontal:
                mark.update(align="left" if spec.labels != "inside" else "right",
                            dx=4 if spec.labels != "inside" else -4)
            elif spec.labels == "rotated":
                mark.update(angle=270, align="left", baseline="middle", dx=0, dy=0)
                mark["dx"] = 4
            else:
                mark.update(baseline="bottom" if spec.labels == "above" else "top",
                            dy=-3 if spec.labels == "above" else 4)
            if text_colour:
                mark["color"] = text_colour
            text_encoding = {k: v for k, v in encoding.items() if k != "color"}
            text_encoding["text"] = {"field": "label"}
            layers.append({"mark": mark, "encoding": text_encoding})
        body = {"layer": layers}
    chart = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "data": {"values": rows}, "width": int(spec.width * 0.7),
        "height": int(spec.height * 0.6), **body,
        "config": {"font": spec.extra["font"]},
    }
    if spec.title:
        chart["title"] = {"text": spec.title, "subtitle": spec.caption or None}
    png = vl_convert.vegalite_to_png(json.dumps(chart), scale=rng.choice([1.0, 1.0, 2.0]),
                                     theme=theme)
    image = Image.open(io.BytesIO(png))
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        ground = Image.new("RGBA", image.size, (24, 24, 28, 255) if spec.dark else "white")
        image = Image.alpha_composite(ground, image)
    return image.convert("RGB")


# ---------- slides, posts, files ----------

def _font(kind: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONT_FILES[kind], size)


def _slide(chart: Image.Image, rng: random.Random, dark: bool) -> Image.Image:
    width = int(chart.width * rng.uniform(1.15, 1.35))
    height = max(int(width * 9 / 16), chart.height + width // 8)
    ground = (20, 24, 36) if dark else rng.choice([(255, 255, 255), (246, 244, 238)])
    ink = (235, 235, 235) if dark else (30, 30, 40)
    slide = Image.new("RGB", (width, height), ground)
    draw = ImageDraw.Draw(slide)
    band = height // 9
    draw.rectangle([0, 0, width, band], fill=rng.choice([(18, 52, 110), (120, 20, 40),
                                                         (30, 90, 70)]))
    draw.text((band // 2, band // 4), rng.choice(["Results", "Evaluation", "How we compare"]),
              font=_font("bold", max(band // 2, 12)), fill="white")
    top = band + (height - band - chart.height) // 2
    slide.paste(chart, ((width - chart.width) // 2, max(top, band + 4)))
    draw.text((width - band, height - band // 2), str(rng.randint(3, 40)),
              font=_font("regular", max(band // 4, 9)), fill=ink)
    return slide


def _post(chart: Image.Image, rng: random.Random, dark: bool) -> Image.Image:
    pad = max(chart.width // 20, 10)
    head = max(chart.width // 6, 50)
    foot = max(chart.width // 14, 24)
    width, height = chart.width + 2 * pad, chart.height + head + foot + 2 * pad
    ground = (21, 32, 43) if dark else (255, 255, 255)
    ink = (231, 233, 234) if dark else (15, 20, 25)
    post = Image.new("RGB", (width, height), ground)
    draw = ImageDraw.Draw(post)
    radius = head // 4
    draw.ellipse([pad, pad, pad + 2 * radius, pad + 2 * radius],
                 fill=rng.choice([(29, 155, 240), (240, 120, 30), (120, 60, 200)]))
    size = max(head // 6, 10)
    draw.text((pad + 2 * radius + 8, pad), rng.choice(["AI Lab", "Open Models Team",
                                                        "ml_researcher"]),
              font=_font("bold", size), fill=ink)
    draw.text((pad, pad + 2 * radius + 6),
              rng.choice(["Our new model is out. Benchmarks below:",
                          "How the open models stack up this month",
                          "New results! Thread below"]), font=_font("regular", size), fill=ink)
    post.paste(chart, (pad, head + pad))
    draw.rectangle([pad - 1, head + pad - 1, pad + chart.width, head + pad + chart.height],
                   outline=(56, 68, 77) if dark else (207, 217, 222))
    draw.text((pad, head + pad + chart.height + foot // 3),
              f"{rng.randint(2, 90)}  {rng.randint(5, 400)}  "
              f"{rng.randint(1, 9)}.{rng.randint(0, 9)}K",
              font=_font("regular", max(size - 2, 9)), fill=(113, 118, 123))
    return post


def _finish(image: Image.Image, spec: Spec, rng: random.Random, path: Path) -> str:
    frame = "none"
    roll = rng.random()
    if roll < 0.15:
        image, frame = _slide(image, rng, spec.dark), "slide"
    elif roll < 0.3:
        image, frame = _post(image, rng, spec.dark), "post"
    if rng.random() < 0.3 or not 400 <= image.width <= 1600:
        target = min(max(int(image.width * rng.uniform(0.7, 1.3)), 400), 1600)
        image = image.resize((target, max(int(image.height * target / image.width), 1)),
                             Image.Resampling.LANCZOS)
    if rng.random() < 0.35:
        path = path.with_suffix(".jpg")
        image.save(path, quality=rng.randint(55, 92))
        frame += "+jpeg"
    else:
        image.save(path)
    return f"{frame}|{path.name}"


DRAW = {"mpl": _mpl_figure, "seaborn": _mpl_figure, "plotly": _plotly_figure,
        "vega": _vega_figure}


def generate(out: Path, count: int, seed: int) -> dict[str, dict[str, Any]]:
    """Draw ``count`` bar charts under ``out``; their truth, by file name."""
    global _BROWSER
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    truth: dict[str, dict[str, Any]] = {}
    try:
        for index in range(count):
            spec = _spec(rng, index + seed)
            image = DRAW[spec.renderer](spec, rng)
            frame, name = _finish(image, spec, rng, out / f"bars_{seed}_{index}.png").split("|")
            entry: dict[str, Any] = {
                "kind": "hbar" if spec.layout == "hbar" else "bar",
                "renderer": spec.renderer, "log_x": False,
                "labelled": spec.labels != "none",
                "style": f"bk-{spec.renderer}-{spec.layout}",
                "layout": spec.layout, "labels": spec.labels, "scale": spec.scale,
                "sheet": spec.extra.get("sheet", ""), "frame": frame, "dark": spec.dark,
                "series": {k: [[c, v] for c, v in zip(spec.categories, vals, strict=True)]
                           for k, vals in spec.series.items()},
            }
            if spec.scale == "fraction":
                entry["y_tolerance"] = 0.01
            truth[name] = entry
    finally:
        if _BROWSER is not None:
            _BROWSER.close()
            _BROWSER = None
    return truth
