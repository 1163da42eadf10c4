"""pygal XY line charts and Vega-Lite lines over a shaded area, two kinds of line chart
whose marks are easily read as more points than they hold.

- ``pygal_xy_log``: ``pygal.XY(logarithmic=True)`` (pygal puts both axes on a log scale:
  x in billions of parameters or tokens, its labels pygal's own ``2 3 ... 10 20`` minor and
  major ticks or the data's sizes ``7 13 70``), 2 to 5 series, a dot at every point or
  none (``show_dots``), dashed or dotted guides at every tick, the legend's coloured
  squares on the left or at the bottom, pygal's styles (default, DarkStyle, LightStyle,
  CleanStyle, NeonStyle, ...);
- ``pygal_xy_linear``: the same on linear axes (training steps in thousands), with the x
  guides shown in some;
- ``vega_area_step``: Vega-Lite area marks (the region under each line filled with the
  line's colour at low opacity) with the line on top, interpolated ``step`` or
  ``step-after``, overlapping areas, over training steps or on a log axis of tokens;
- ``vega_area_smooth``: the same interpolated ``monotone`` or ``linear``, the areas
  overlapping or stacked (stacked lines are drawn at their stacked heights, which is
  what the truth gives);
- ``vega_area_dark``: either of the above in vl-convert's dark theme.

pygal's SVG is shot in Chromium (cairosvg is not installed); Vega-Lite goes through
vl-convert. Some charts are resized or saved as JPEG (``curves.finish``). A tuning look: its
images were looked at.
"""

from __future__ import annotations

import io
import random
from pathlib import Path
from typing import Any

from PIL import Image

from chart_looks.curves import Curves, drawn_in_turn, scaling_content, y_range
from chart_looks.plain_lines import steps_content

STYLES = ("pygal_xy_log", "vega_area_step", "pygal_xy_linear", "vega_area_smooth",
          "pygal_xy_log", "vega_area_dark")
PYGAL_STYLES = ("DefaultStyle", "DarkStyle", "LightStyle", "CleanStyle", "NeonStyle",
                "LightSolarizedStyle", "DarkSolarizedStyle", "LightColorizedStyle",
                "TurquoiseStyle", "BlueStyle", "RedBlueStyle")


# ---------------------------------------------------------------- pygal XY (in Chromium)

def pygal_page(curves: Curves, rng: random.Random, forced: dict[str, Any] | None = None) -> str:
    """An XY chart of ``curves`` in one of pygal's styles, as an HTML page of its SVG;
    ``forced`` sets style and chart options (those a style takes go to the style)."""
    import pygal
    import pygal.style

    forced = dict(forced or {})
    style_name = rng.choice(PYGAL_STYLES)
    style_options = {"label_font_size": rng.choice((10, 11, 12, 14)),
                     "major_label_font_size": rng.choice((10, 12, 14)),
                     "legend_font_size": rng.choice((12, 14, 16)),
                     "font_family": rng.choice(("DejaVu Sans", "Liberation Sans", "monospace"))}
    if "font_size" in forced:  # small tick text
        size = forced.pop("font_size")
        style_options.update(label_font_size=size, major_label_font_size=size)
    for key in [k for k in forced if k.endswith("dasharray")]:
        style_options[key] = forced.pop(key)
    style = getattr(pygal.style, style_name)(**style_options)
    options: dict[str, Any] = {
        "style": style, "width": rng.choice((640, 760, 880)),
        "height": rng.choice((420, 480, 560)), "js": [], "disable_xml_declaration": True,
        "explicit_size": True, "logarithmic": curves.log_x,
        "show_dots": rng.random() < 0.75, "dots_size": rng.choice((2.5, 3, 4)),
        "stroke_style": {"width": rng.choice((1, 1.5, 2))},
        "legend_at_bottom": rng.random() < 0.4, "show_x_guides": rng.random() < 0.5,
        "x_title": curves.x_title, "y_title": curves.y_title,
        "title": rng.choice((None, "Scaling", "Accuracy vs. size", None))}
    if curves.log_x and rng.random() < 0.4:
        options["x_labels"] = curves.xs  # ticks at the data's own sizes
    options.update(forced)
    if not curves.log_x:
        options["x_value_formatter"] = lambda v: f"{v / 1000:g}k"
    chart = pygal.XY(**options)
    for name, ys in curves.series.items():
        chart.add(name, list(zip(curves.xs, ys, strict=True)))
    svg = chart.render(is_unicode=True)
    return ("<html><body style='margin:0'><div id='shot' style='display:inline-block'>"
            f"{svg}</div></body></html>")


# ---------------------------------------------------------------- Vega-Lite area + line

def stacked_heights(curves: Curves) -> None:
    """Each series at its stacked height (the sum of the series below it and its own),
    where a stacked chart draws its line."""
    below = [0.0] * len(curves.xs)
    for name, ys in curves.series.items():
        below = [round(b + y, 1) for b, y in zip(below, ys, strict=True)]
        curves.series[name] = list(below)


def area_png(curves: Curves, rng: random.Random, interpolations: tuple[str, ...],
             theme: str | None, x_format: str | None = None) -> Image.Image:
    """Area under each line at low opacity, the line on top, in Vega-Lite."""
    import vl_convert

    interpolate = rng.choice(interpolations)
    stacked = interpolate in ("monotone", "linear") and rng.random() < 0.4
    # d3's "~s" prints a billion as "1G": the truth stays in billions, the data in units
    rows = [{"x": x * curves.tick_scale, "y": y, "series": name}
            for name, ys in curves.series.items() for x, y in zip(curves.xs, ys, strict=True)]
    if stacked:
        stacked_heights(curves)
    x_field: dict[str, Any] = {"field": "x", "type": "quantitative",
                               "title": curves.x_title or None}
    if curves.log_x:
        x_field["scale"] = {"type": "log"}
        x_field["axis"] = {"format": "~s"} if curves.tick_scale == 1e9 else {}
    else:
        x_field["axis"] = {"format": x_format or rng.choice(("~s", ","))}
    y_scale: dict[str, Any] = {"zero": stacked}
    if not stacked:
        y_scale["domain"] = list(y_range(curves, rng))
    y_field = {"field": "y", "type": "quantitative", "title": curves.y_title,
               "scale": y_scale, "stack": "zero" if stacked else None}
    colour: dict[str, Any] = {"field": "series", "type": "nominal", "sort": None,
                              "legend": {"orient": "right", "title": None}}
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json",
            "width": rng.choice((380, 460, 540)), "height": rng.choice((240, 300)),
            "data": {"values": rows},
            "encoding": {"x": x_field, "y": y_field, "color": colour},
            "layer": [
                {"mark": {"type": "area", "interpolate": interpolate,
                          "opacity": rng.choice((0.15, 0.2, 0.3, 0.4))}},
                {"mark": {"type": "line", "interpolate": interpolate,
                          "strokeWidth": rng.choice((1.5, 2, 2.5))}}],
            "title": rng.choice(("", "Training curves", "Eval score during training"))}
    png = vl_convert.vegalite_to_png(spec, scale=rng.choice((1.0, 1.5, 2.0)), theme=theme)
    image = Image.open(io.BytesIO(png))
    if image.mode in ("RGBA", "LA"):  # vl-convert leaves the background transparent
        page = Image.new("RGB", image.size, "#333" if theme == "dark" else "white")
        page.paste(image, mask=image.getchannel("A"))
        return page
    return image.convert("RGB")


# ---------------------------------------------------------------- one chart per style

def draw(style: str, rng: random.Random, browser: Any) -> tuple[Image.Image, Curves]:
    if style.startswith("pygal"):
        if style == "pygal_xy_log":
            curves = scaling_content(rng, style, "pygal", ("suffix",))
            while curves.tick_scale != 1e9:  # pygal cuts FLOPs' labels short ("2e...")
                curves = scaling_content(rng, style, "pygal", ("suffix",))
            curves.x_title += " (B)"
        else:
            curves = steps_content(rng, style, "pygal")
        curves.series = dict(list(curves.series.items())[:rng.randint(2, 5)])
        return browser.shoot(pygal_page(curves, rng), rng.choice((1.0, 1.0, 1.5))), curves
    if rng.random() < 0.3:
        curves = scaling_content(rng, style, "vega-lite", ("suffix",))
    else:
        curves = steps_content(rng, style, "vega-lite")
    curves.series = dict(list(curves.series.items())[:rng.randint(2, 4)])
    smooth = ("monotone", "monotone", "linear")
    steps = ("step", "step-after")
    if style == "vega_area_dark":
        return area_png(curves, rng, steps + smooth, "dark"), curves
    return area_png(curves, rng, steps if style == "vega_area_step" else smooth, None), curves


def generate(out: Path, count: int, seed: int = 300) -> dict[str, dict[str, Any]]:
    """``count`` charts into ``out``, cycling through the styles; returns the truth."""
    return drawn_in_turn(out, count, seed, STYLES, draw)
