"""Bar charts whose values are printed on them, as three other hands draw them (issue 11):

- ``vega``: Vega-Lite (vl-convert) vertical bars, one series, the value printed over each
  bar (``49.2`` or ``49.2%``), light or dark configs written by hand, long names slanted
  (-30, -45, -90) or level, the value axis shown with its gridlines, shown without them, or
  left out (the printed values are then the only numbers);
- ``pygal``: pygal's SVG bar charts drawn in Chromium, two to four series grouped by
  benchmark with a legend above or below, the values printed inside the bars (pygal's
  ``center``) or over them (``top``), under pygal's own styles (light, dark, colourised,
  neon, ...), names sometimes slanted;
- ``post``: a grouped bar chart (pygal or Vega-Lite) pasted into a social-media post drawn
  with Pillow: an avatar, a name and handle, a line of text with numbers of its own, a time
  stamp and counters under the picture, light or dark.

``generate(out, count, seed) -> truth`` in ``benchmarks/charts.py``'s format, with
``style`` (``pb-vega``, ``pb-pygal``, ``pb-post``) and ``dark``, ``slant``, ``position``
for breaking the score down. A tuning look: tune on one seed, only score another.
"""

from __future__ import annotations

import io
import random
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from chart_looks.common import draw_look

MODELS = ["GPT-4o", "Claude 3.5 Sonnet", "Gemini 1.5 Pro", "Llama 3.1 70B", "Qwen2.5 72B",
          "Mistral Large", "DeepSeek V2.5", "Gemma 2 27B", "Phi-3.5 MoE", "Yi-Large",
          "Command R+", "Grok-2", "Nemotron 70B", "Jamba 1.5", "OLMo 2 13B", "Ours-8B"]
BENCHMARKS = ["MMLU", "GSM8K", "HumanEval", "MATH", "GPQA", "ARC-C", "HellaSwag", "MBPP",
              "BBH", "IFEval", "MMLU-Pro", "TruthfulQA", "WinoGrande", "DROP"]
FONTS = ["DejaVu Sans", "Liberation Sans", "Roboto", "Open Sans", "DejaVu Serif"]
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
REGULAR = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
VEGA_COLOURS = ["#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2", "#9d755d"]
PYGAL_STYLES = ["DefaultStyle", "DarkStyle", "LightStyle", "CleanStyle", "LightColorizedStyle",
                "DarkColorizedStyle", "BlueStyle", "NeonStyle", "DarkSolarizedStyle",
                "TurquoiseStyle", "LightGreenStyle", "RedBlueStyle"]
DARK_PYGAL = {"DarkStyle", "DarkColorizedStyle", "NeonStyle", "DarkSolarizedStyle",
              "TurquoiseStyle"}


def _values(rng: random.Random, count: int) -> list[float]:
    return [round(rng.uniform(18, 93), 1) for _ in range(count)]


def _text(value: float, percent: bool) -> str:
    return f"{value:.1f}%" if percent else f"{value:.1f}"


# ---------- Vega-Lite, one series, values over the bars ----------

def _vega(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import vl_convert

    dark = rng.random() < 0.4
    percent = rng.random() < 0.5
    names = rng.sample(MODELS, rng.randint(4, 8))
    values = _values(rng, len(names))
    slant = rng.choice([0, -30, -45, -45, -90])
    axis_kind = rng.choice(["grid", "plain", "none"])
    ink, page = ("#d8d8d8", rng.choice(["#1e1e1e", "#111827", "#222831"])) if dark else (
        "#333333", rng.choice(["#ffffff", "#fafafa", "#f7f7f2"]))
    rows = [{"model": n, "score": v, "label": _text(v, percent)}
            for n, v in zip(names, values, strict=True)]
    value_axis: Any = None if axis_kind == "none" else {
        "grid": axis_kind == "grid", "title": rng.choice(["Accuracy (%)", "Score", None])}
    if value_axis is not None and percent:
        value_axis["labelExpr"] = "datum.value + '%'"
    x = {"field": "model", "type": "nominal", "sort": names, "title": None,
         "axis": {"labelAngle": slant, "labelLimit": 0}}
    y = {"field": "score", "type": "quantitative", "axis": value_axis,
         "scale": {"domain": [0, 100]} if rng.random() < 0.4 else {}}
    colour = rng.choice(VEGA_COLOURS)
    bar: dict[str, Any] = {"type": "bar", "color": colour}
    if rng.random() < 0.4:
        bar["cornerRadiusTopLeft"] = bar["cornerRadiusTopRight"] = rng.choice([2, 4])
    if rng.random() < 0.3:
        bar["width"] = {"band": rng.choice([0.5, 0.6])}
    text = {"type": "text", "baseline": "bottom", "dy": -rng.choice([2, 3, 5]),
            "fontSize": rng.choice([10, 11, 12, 13]), "color": ink,
            "fontWeight": rng.choice(["normal", "bold"])}
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": rng.choice(["", "MMLU (5-shot)", "Accuracy on GSM8K", "HumanEval pass@1"]),
        "width": rng.choice([300, 380, 460, 560]), "height": rng.choice([220, 260, 320]),
        "data": {"values": rows},
        "encoding": {"x": x, "y": y},
        "layer": [{"mark": bar}, {"mark": text, "encoding": {"text": {"field": "label"}}}],
        "config": {"background": page, "font": rng.choice(FONTS),
                   "view": {"stroke": None},
                   "axis": {"labelColor": ink, "titleColor": ink,
                            "gridColor": "#3a3a3a" if dark else "#e4e4e4",
                            "domainColor": "#777777", "tickColor": "#777777",
                            "labelFontSize": rng.choice([10, 11, 12, 13])},
                   "title": {"color": ink}},
    }
    entry.update(dark=dark, slant=slant, position="above", axis=axis_kind)
    entry["series"] = {rng.choice(BENCHMARKS): [[n, v] for n, v in zip(names, values,
                                                                        strict=True)]}
    png = vl_convert.vegalite_to_png(vl_spec=spec, scale=rng.choice([1.0, 1.5, 2.0]))
    return Image.open(io.BytesIO(png)).convert("RGB")


def _vega_grouped(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    import vl_convert

    dark = bool(entry.get("dark"))
    models = rng.sample(MODELS, rng.randint(2, 3))
    benches = rng.sample(BENCHMARKS, rng.randint(3, 5))
    series = {m: _values(rng, len(benches)) for m in models}
    ink = "#d8d8d8" if dark else "#333333"
    rows = [{"bench": b, "model": m, "score": v}
            for m, vals in series.items() for b, v in zip(benches, vals, strict=True)]
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": rng.choice([420, 520]), "height": rng.choice([240, 300]),
        "data": {"values": rows},
        "encoding": {"x": {"field": "bench", "type": "nominal", "sort": benches, "title": None,
                           "axis": {"labelAngle": 0}},
                     "xOffset": {"field": "model", "sort": models},
                     "y": {"field": "score", "type": "quantitative", "title": "Score"}},
        "layer": [{"mark": "bar", "encoding": {"color": {
            "field": "model", "type": "nominal", "sort": models, "title": None,
            "legend": {"orient": rng.choice(["top", "bottom", "right"])}}}},
            {"mark": {"type": "text", "baseline": "bottom", "dy": -2, "fontSize": 10,
                      "color": ink}, "encoding": {"text": {"field": "score",
                                                           "format": ".1f"}}}],
        "config": {"background": "#15202b" if dark else "#ffffff",
                   "axis": {"labelColor": ink, "titleColor": ink,
                            "gridColor": "#38444d" if dark else "#e6e6e6"},
                   "legend": {"labelColor": ink}, "view": {"stroke": None}},
    }
    entry["series"] = {m: [[b, v] for b, v in zip(benches, vals, strict=True)]
                       for m, vals in series.items()}
    png = vl_convert.vegalite_to_png(vl_spec=spec, scale=rng.choice([1.0, 1.5]))
    return Image.open(io.BytesIO(png)).convert("RGB")


# ---------- pygal, grouped, values printed inside or over the bars ----------

_BROWSER: Any = None


def _pygal(rng: random.Random, entry: dict[str, Any], dark: bool | None = None
           ) -> Image.Image:
    global _BROWSER
    import pygal
    import pygal.style
    from browser import Browser

    choices = [s for s in PYGAL_STYLES if dark is None or (s in DARK_PYGAL) == dark]
    style_name = rng.choice(choices)
    style = getattr(pygal.style, style_name)(
        value_font_size=rng.choice([10, 12, 14]), label_font_size=rng.choice([11, 12, 14]),
        legend_font_size=rng.choice([12, 14]), font_family=rng.choice(FONTS))
    models = rng.sample(MODELS, rng.randint(2, 4))
    benches = rng.sample(BENCHMARKS, rng.randint(3, 6))
    percent = rng.random() < 0.3
    position = rng.choice(["center", "top", "center"])
    slant = rng.choice([0, 0, 30, 45])
    chart = pygal.Bar(
        style=style, width=rng.choice([640, 760, 900]), height=rng.choice([400, 460, 520]),
        print_values=True, print_values_position=position, x_label_rotation=slant,
        legend_at_bottom=rng.random() < 0.5, show_y_guides=True,
        title=rng.choice([None, "Benchmark results", "Open models compared"]),
        value_formatter=(lambda v: f"{v:.1f}%") if percent else (lambda v: f"{v:.1f}"),
        js=[], disable_xml_declaration=True, explicit_size=True,
        range=(0, 100) if rng.random() < 0.4 else None)
    chart.x_labels = benches
    series = {}
    for model in models:
        values = _values(rng, len(benches))
        chart.add(model, values)
        series[model] = [[b, v] for b, v in zip(benches, values, strict=True)]
    svg = chart.render(is_unicode=True)
    page = ("<html><body style='margin:0'><div id='shot' style='display:inline-block'>"
            f"{svg}</div></body></html>")
    if _BROWSER is None:
        _BROWSER = Browser((1400, 1000))
    entry.update(dark=style_name in DARK_PYGAL, slant=slant, position=position,
                 sheet=style_name, series=series)
    return _BROWSER.shoot(page, rng.choice([1.0, 1.0, 1.5]))


# ---------- a grouped chart inside a social-media post ----------

def _post(rng: random.Random, entry: dict[str, Any]) -> Image.Image:
    dark = rng.random() < 0.5
    entry["dark"] = dark
    chart = _pygal(rng, entry, dark) if rng.random() < 0.5 else _vega_grouped(rng, entry)
    entry["dark"] = dark
    width = rng.choice([560, 600, 680])
    inner = width - 2 * 16
    chart = chart.resize((inner, int(chart.height * inner / chart.width)),
                         Image.Resampling.LANCZOS)
    ground, ink, muted = ((0, 0, 0), (231, 233, 234), (113, 118, 123)) if dark else (
        (255, 255, 255), (15, 20, 25), (83, 100, 113))
    size = rng.choice([14, 15, 16])
    bold, regular = ImageFont.truetype(BOLD, size), ImageFont.truetype(REGULAR, size)
    small = ImageFont.truetype(REGULAR, size - 2)
    lines = rng.choice([
        ["New eval results are in: our 8B model scores 71.3 on MMLU", "and beats two 70B models."],
        ["How the open models compare on 5 benchmarks (higher is better)"],
        ["We re-ran every model 3 times; averages below.", "Details in the paper, v2."],
    ])
    head = 16 + 48 + 10 + len(lines) * (size + 8) + 6
    foot = 16 + 2 * (size + 10)
    post = Image.new("RGB", (width, head + chart.height + foot), ground)
    draw = ImageDraw.Draw(post)
    draw.ellipse([16, 16, 64, 64], fill=rng.choice([(29, 155, 240), (249, 24, 128),
                                                    (0, 186, 124), (120, 86, 255)]))
    handle = rng.choice(["evals_daily", "openlab_ai", "ml_bench", "tinymodels"])
    draw.text((76, 18), handle.replace("_", " ").title(), font=bold, fill=ink)
    draw.text((76, 20 + size + 4), f"@{handle} · {rng.randint(2, 23)}h", font=small,
              fill=muted)
    y = 16 + 48 + 10
    for line in lines:
        draw.text((16, y), line, font=regular, fill=ink)
        y += size + 8
    top = head
    post.paste(chart, (16, top))
    draw.rounded_rectangle([15, top - 1, 16 + chart.width, top + chart.height], radius=12,
                           outline=(47, 51, 54) if dark else (207, 217, 222), width=1)
    y = top + chart.height + 10
    draw.text((16, y), f"{rng.randint(1, 12)}:{rng.randint(10, 59)} PM · Nov "
              f"{rng.randint(1, 28)}, 2024 · {rng.randint(2, 98)}.{rng.randint(1, 9)}K Views",
              font=small, fill=muted)
    y += size + 10
    draw.text((16, y), f"{rng.randint(3, 90)}   {rng.randint(10, 400)}   "
              f"{rng.randint(1, 9)}.{rng.randint(0, 9)}K   {rng.randint(20, 300)}",
              font=small, fill=muted)
    entry["position"] = entry.get("position", "above")
    return post


DRAW = {"pb-vega": _vega, "pb-pygal": _pygal, "pb-post": _post}


def _close() -> None:
    global _BROWSER
    if _BROWSER is not None:
        _BROWSER.close()
        _BROWSER = None


def generate(out: Path, count: int, seed: int = 100) -> dict[str, dict[str, Any]]:
    """Draw ``count`` charts (the three kinds in turn) under ``out``; their truth by file."""
    return draw_look(
        out, count, seed, "printed", lambda style, rng, entry: DRAW[style](rng, entry),
        list(DRAW), lambda style: {"kind": "bar", "renderer": style.split("-")[1],
                                   "log_x": False, "labelled": True, "style": style},
        (0.25, 70), _close)
