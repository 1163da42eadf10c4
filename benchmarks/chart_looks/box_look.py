"""Box plots as LLM serving leaderboards print them: time to first token, inter-token
latency or throughput per provider or model, one box per category, upright or lying.
Drawn by matplotlib (``ax.bxp`` from given quartiles, in its style sheets), seaborn
(``boxplot`` over samples, some grouped by ``hue``) and plotly (``go.Box`` from given
quartiles, in Chromium); the median printed beside or above each box in about half of
them ("0.54 s", "45.2"), and some boxes with outliers.

The truth is the median per category (``series: {name: [[category, median], ...]}``, a
box's x its category, as a bar's); ``y_tolerance`` is 1.5% of the value range, how far a
median measured from the axis may be off and still count."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path
from typing import Any

PROVIDERS = ("Anyscale", "Bedrock", "Fireworks", "Groq", "Lepton", "Replicate", "Together",
             "Perplexity", "Deepinfra", "OctoAI", "Mistral API", "Azure")
MODELS = ("Llama-2-7B", "Llama-2-70B", "Mistral-7B", "Mixtral-8x7B", "Qwen1.5-14B",
          "Gemma-7B", "Yi-34B", "Phi-2", "DeepSeek-67B", "Falcon-40B")
METRICS = (  # (axis title, unit printed after a label, low, high, decimals)
    ("Time to first token (s)", " s", 0.1, 2.5, 2),
    ("TTFT (s)", "s", 0.15, 1.8, 2),
    ("Inter-token latency (ms)", " ms", 8.0, 90.0, 1),
    ("Output throughput (tokens/s)", "", 20.0, 160.0, 1),
    ("End-to-end latency (s)", " s", 1.0, 12.0, 2),
)
MPL_STYLES = ("default", "ggplot", "seaborn-v0_8-whitegrid", "bmh", "fivethirtyeight",
              "Solarize_Light2", "seaborn-v0_8-ticks")
SEABORN_THEMES = ("whitegrid", "darkgrid", "white", "ticks")
PLOTLY_TEMPLATES = ("plotly", "plotly_white", "ggplot2", "seaborn", "simple_white")


def _stats(rng: random.Random, low: float, high: float, decimals: int) -> dict[str, float]:
    """Quartiles and whisker ends of one category, inside [low, high]."""
    span = high - low
    median = round(rng.uniform(low + 0.15 * span, low + 0.7 * span), decimals)
    below, above = rng.uniform(0.03, 0.12) * span, rng.uniform(0.04, 0.18) * span
    q1, q3 = median - below, median + above
    return {"med": median, "q1": q1, "q3": q3,
            "whislo": max(low * 0.5, q1 - rng.uniform(0.5, 1.5) * below),
            "whishi": min(high, q3 + rng.uniform(0.5, 2.5) * above)}


def _samples(rng: random.Random, stats: dict[str, float], count: int = 61) -> list[float]:
    """Samples whose median is the given one (seaborn draws boxes from samples)."""
    half = count // 2
    lower = [rng.uniform(stats["whislo"], stats["med"]) for _ in range(half)]
    upper = [rng.uniform(stats["med"], stats["whishi"]) for _ in range(half)]
    return [*lower, stats["med"], *upper]


def _label(value: float, unit: str, decimals: int) -> str:
    return f"{value:.{decimals}f}{unit}"


def _mpl(chart: dict[str, Any], rng: random.Random, seaborn: bool) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    categories, stats = chart["categories"], chart["stats"]
    lying, labelled = chart["lying"], chart["labelled"]
    if seaborn:
        import seaborn as sns

        context: Any = sns.axes_style(chart["style"].split()[-1])
    else:
        context = plt.style.context(chart["style"])
    with context:
        fig, ax = plt.subplots(figsize=(rng.uniform(5.5, 8), rng.uniform(3.8, 5.2)),
                               dpi=rng.choice((80, 100, 120)))
        if seaborn:
            import pandas as pd
            import seaborn as sns

            rows = [{"category": c, "value": v, "series": s}
                    for (c, s), st in zip(chart["keys"], stats, strict=True)
                    for v in _samples(rng, st)]
            frame = pd.DataFrame(rows)
            axes = {"x": "value", "y": "category"} if lying else {"x": "category", "y": "value"}
            hue = "series" if len(chart["names"]) > 1 else None
            sns.boxplot(data=frame, ax=ax, hue=hue, order=categories, whis=(0, 100),
                        width=chart["width"],
                        palette=rng.choice(("deep", "muted", "pastel", "Set2")) if hue else None,
                        color=None if hue else rng.choice(("#4c72b0", "#55a868", "#dd8452")),
                        **axes)
            ax.set_xlabel(chart["title"] if lying else "")
            ax.set_ylabel("" if lying else chart["title"])
        else:
            boxes = [dict(st, fliers=[st["whishi"] * 1.08] if rng.random() < 0.3 else [])
                     for st in stats]
            filled = rng.random() < 0.5
            drawn = ax.bxp(boxes, orientation="horizontal" if lying else "vertical",
                           patch_artist=filled, widths=chart["width"])
            if filled:
                colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
                for index, patch in enumerate(drawn["boxes"]):
                    patch.set_facecolor(colours[index % len(colours)])
                    patch.set_alpha(0.6)
            places = range(1, len(categories) + 1)
            if lying:
                ax.set_yticks(list(places), categories)
                ax.set_xlabel(chart["title"])
            else:
                ax.set_xticks(list(places), categories)
                ax.set_ylabel(chart["title"])
        if labelled:
            _mpl_labels(ax, chart, rng)
        if not lying and rng.random() < 0.3:
            ax.tick_params(axis="x", labelrotation=30)
        if rng.random() < 0.5:
            ax.set_title(rng.choice(("Llama-2-70B", "70B models", "Serving benchmark")))
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        plt.close(fig)
    return buffer.getvalue()


def _mpl_labels(ax: Any, chart: dict[str, Any], rng: random.Random) -> None:
    """Each median printed beside its box: above a lying box, right of an upright one."""
    count = len(chart["names"])
    size = rng.choice((8, 9, 10))
    first = 0 if chart["renderer"] == "seaborn" else 1  # bxp puts its boxes at 1, 2, ...
    for (category, name), st in zip(chart["keys"], chart["stats"], strict=True):
        offset = (chart["names"].index(name) - (count - 1) / 2) * 0.8 / count
        centre = chart["categories"].index(category) + first + offset
        text = _label(st["med"], chart["unit"], chart["decimals"])
        half = chart["width"] / 2 / count
        if chart["lying"]:  # seaborn lists its categories downwards, bxp upwards
            up = -1 if first == 0 else 1
            ax.text(st["med"], centre + up * (half + 0.04), text, ha="center",
                    va="bottom", fontsize=size)
        else:
            ax.text(centre + half, st["med"], " " + text, ha="left", va="center",
                    fontsize=size)


def _plotly(chart: dict[str, Any], rng: random.Random, browser: Any) -> bytes:
    import plotly.graph_objects as go

    from chart_looks.plotly_look import FONTS, page

    fig = go.Figure()
    lying = chart["lying"]
    for (category, _), st in zip(chart["keys"], chart["stats"], strict=True):
        quartiles = {"q1": [st["q1"]], "median": [st["med"]], "q3": [st["q3"]],
                     "lowerfence": [st["whislo"]], "upperfence": [st["whishi"]]}
        where = {"y": [category]} if lying else {"x": [category]}
        fig.add_trace(go.Box(name=category, orientation="h" if lying else "v",
                             **where, **quartiles))
    if chart["labelled"]:
        for category, st in zip(chart["categories"], chart["stats"], strict=True):
            text = _label(st["med"], chart["unit"], chart["decimals"])
            if lying:
                fig.add_annotation(x=st["med"], y=category, text=text, showarrow=False,
                                   yshift=rng.choice((22, 26)))
            else:
                fig.add_annotation(x=category, y=st["med"], text=text, showarrow=False,
                                   xshift=rng.choice((44, 52)))
    value_axis = {"title": {"text": chart["title"]}}
    fig.update_layout(showlegend=False, **({"xaxis": value_axis} if lying
                                           else {"yaxis": value_axis}))
    width, height = rng.choice((700, 800, 900)), rng.choice((440, 500, 560))
    fig.update_layout(template=chart["style"].split()[-1], width=width, height=height,
                      font={"family": rng.choice(FONTS)},
                      title={"text": rng.choice(("", "Serving benchmark", "TTFT by provider"))})
    image = browser.shoot(page(fig, width, height), rng.choice((1.0, 1.5, 2.0)))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _chart(rng: random.Random, renderer: str) -> dict[str, Any]:
    title, unit, low, high, decimals = rng.choice(METRICS)
    categories = list(rng.sample(PROVIDERS if rng.random() < 0.6 else MODELS,
                                 rng.randint(3, 7)))
    grouped = renderer == "seaborn" and rng.random() < 0.3
    names = list(rng.sample(("vLLM", "TGI", "TensorRT-LLM"), 2)) if grouped else [title]
    if grouped:
        categories = categories[:4]
    keys = [(c, n) for c in categories for n in names]
    if renderer == "matplotlib":
        style = rng.choice(MPL_STYLES)
    elif renderer == "seaborn":
        style = f"seaborn {rng.choice(SEABORN_THEMES)}"
    else:
        style = f"plotly {rng.choice(PLOTLY_TEMPLATES)}"
    return {"title": title, "unit": unit if rng.random() < 0.7 else "", "decimals": decimals,
            "categories": categories, "names": names, "keys": keys,
            "stats": [_stats(rng, low, high, decimals) for _ in keys],
            "lying": rng.random() < 0.5, "width": rng.choice((0.4, 0.5, 0.6)),
            "labelled": not grouped and rng.random() < 0.5,
            "style": style, "renderer": renderer, "range": high - low}


def generate(out: Path, count: int, seed: int = 100) -> dict[str, dict[str, Any]]:
    out.mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict[str, Any]] = {}
    browser = None
    try:
        for index in range(count):
            rng = random.Random(seed + index)
            renderer = ("matplotlib", "seaborn", "plotly")[index % 3]
            chart = _chart(rng, renderer)
            if renderer == "plotly":
                if browser is None:
                    from browser import Browser

                    browser = Browser((1400, 1000), None)
                png = _plotly(chart, rng, browser)
            else:
                png = _mpl(chart, rng, seaborn=renderer == "seaborn")
            name = f"box_{index:03d}.png"
            (out / name).write_bytes(png)
            series: dict[str, list[list[Any]]] = {n: [] for n in chart["names"]}
            for (category, series_name), st in zip(chart["keys"], chart["stats"], strict=True):
                series[series_name].append([category, st["med"]])
            truth[name] = {"kind": "box", "renderer": renderer, "style": chart["style"],
                           "log_x": False, "labelled": chart["labelled"],
                           "lying": chart["lying"], "series": series,
                           "y_tolerance": round(0.015 * chart["range"], 4)}
    finally:
        if browser is not None:
            browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
