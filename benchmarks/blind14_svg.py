"""blind14's hand-written SVG chart: lines in the manner of Highcharts (a centred title and
subtitle, a credits line, round markers, a legend under the plot) with one annotation arrow
and its text inside the plot."""

from __future__ import annotations

import math
import random

from blind14_render import esc

COLOURS = ["#2caffe", "#544fc5", "#00e272", "#fe6a35"]


def highcharts_svg(rng: random.Random, series: dict[str, list[list[float]]],
                   measure: str) -> str:
    width, height = rng.choice([640, 720, 820]), rng.choice([400, 440])
    left, right, top, bottom = 62, width - 24, 78, height - 84
    values = [y for points in series.values() for _, y in points]
    low = 10 * math.floor(min(values) / 10 - 0.5)
    high = 10 * math.ceil(max(values) / 10 + 0.3)
    x_high = 10 * math.ceil(max(x for points in series.values() for x, _ in points) / 10)

    def px(x: float) -> float:
        return left + (right - left) * x / x_high

    def py(y: float) -> float:
        return bottom - (bottom - top) * (y - low) / (high - low)

    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
             "font-family='Liberation Sans'><rect width='100%' height='100%' fill='#fff'/>",
             f"<text x='{width / 2}' y='30' font-size='18' fill='#333' text-anchor='middle'>"
             f"{esc(rng.choice(['Scores grow with model size', 'Quality by size']))}</text>",
             f"<text x='{width / 2}' y='52' font-size='12' fill='#666' text-anchor='middle'>"
             "Source: internal evaluation, greedy decoding</text>"]
    for y in range(low, high + 1, 10):
        parts.append(f"<line x1='{left}' x2='{right}' y1='{py(y)}' y2='{py(y)}' "
                     "stroke='#e6e6e6'/>")
        parts.append(f"<text x='{left - 8}' y='{py(y) + 4}' font-size='11' fill='#666' "
                     f"text-anchor='end'>{y}</text>")
    parts.append(f"<line x1='{left}' x2='{right}' y1='{bottom}' y2='{bottom}' stroke='#ccd6eb'/>")
    for x in range(0, x_high + 1, 10):
        parts.append(f"<line x1='{px(x)}' x2='{px(x)}' y1='{bottom}' y2='{bottom + 6}' "
                     "stroke='#ccd6eb'/><text x='{0}' y='{1}' font-size='11' fill='#666' "
                     "text-anchor='middle'>{2}</text>".format(px(x), bottom + 20, x))
    parts.append(f"<text x='{(left + right) / 2}' y='{bottom + 40}' font-size='12' fill='#666' "
                 "text-anchor='middle'>Parameters (B)</text>")
    parts.append(f"<text transform='translate(16,{(top + bottom) / 2}) rotate(-90)' "
                 f"font-size='12' fill='#666' text-anchor='middle'>{esc(measure)}</text>")
    legend_x = width / 2 - 90 * len(series) / 2
    for k, (name, points) in enumerate(series.items()):
        colour = COLOURS[k]
        path = " ".join(f"{'M' if i == 0 else 'L'}{px(x):.1f},{py(y):.1f}"
                        for i, (x, y) in enumerate(points))
        parts.append(f"<path d='{path}' fill='none' stroke='{colour}' stroke-width='2'/>")
        parts += [f"<circle cx='{px(x):.1f}' cy='{py(y):.1f}' r='4' fill='{colour}'/>"
                  for x, y in points]
        lx = legend_x + 90 * k if len(series) > 1 else width / 2 - 70
        parts.append(f"<circle cx='{lx}' cy='{height - 22}' r='5' fill='{colour}'/>"
                     f"<text x='{lx + 10}' y='{height - 18}' font-size='12' font-weight='bold' "
                     f"fill='#333'>{esc(name)}</text>")
    first = next(iter(series.values()))
    x, y = first[rng.randrange(1, len(first))]
    tx, ty = px(x) - rng.choice([90, 130]), py(y) - 44 if py(y) - 44 > top + 10 else py(y) + 50
    parts.append(f"<line x1='{tx + 40}' y1='{ty + 6}' x2='{px(x) - 5}' y2='{py(y) - 3}' "
                 "stroke='#333' stroke-width='1' marker-end='url(#arrow)'/>")
    parts.append(f"<rect x='{tx - 6}' y='{ty - 14}' width='96' height='20' rx='3' "
                 "fill='#fffbe6' stroke='#c9b458'/><text x='{0}' y='{1}' font-size='11' "
                 "fill='#333'>{2}</text>".format(tx, ty, rng.choice(
                     ["tuned checkpoint", "new data mix", "longer training"])))
    parts.append("<defs><marker id='arrow' viewBox='0 0 10 10' refX='9' refY='5' "
                 "markerWidth='7' markerHeight='7' orient='auto'><path d='M0,0 L10,5 L0,10 z' "
                 "fill='#333'/></marker></defs>")
    parts.append(f"<text x='{width - 10}' y='{height - 4}' font-size='9' fill='#999' "
                 "text-anchor='end'>chartkit.example</text></svg>")
    return "".join(parts)
