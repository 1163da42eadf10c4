"""A floating box over part of a web table: a wide Material-like leaderboard in Chromium
(a title with the count of models, a header of benchmarks with their settings, light row
rules, one row selected in a pale tint) with a tooltip, a menu or a small dialog drawn over
a few cells of the rows under the selected one. Dark rounded tooltips with white text on
three lines (the model's name in bold, when it was evaluated, how), light menus with a
shadow, the box over the last columns or over middle ones; several faces, sizes and device
pixel ratios, some saved as JPEG.

The box hides what is under it: a cell whose text it touches is "" in the truth, every other
cell (beside and under the box's columns) is as printed, and the box's own text is no cell.
"""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from looks.common import MODELS, look_run, save_shot, size_of

TTF = Path("/usr/share/fonts/truetype")
# (regular, bold) faces the drawn half sets its text in.
FACES = [
    (TTF / "roboto/unhinted/RobotoTTF/Roboto-Regular.ttf",
     TTF / "roboto/unhinted/RobotoTTF/Roboto-Bold.ttf"),
    (TTF / "dejavu/DejaVuSans.ttf", TTF / "dejavu/DejaVuSans-Bold.ttf"),
    (TTF / "liberation/LiberationSans-Regular.ttf", TTF / "liberation/LiberationSans-Bold.ttf"),
    (TTF / "open-sans/OpenSans-Regular.ttf", TTF / "open-sans/OpenSans-Bold.ttf"),
]

BENCHES = ["MMLU (5-shot)", "CMMLU", "GPQA", "TriviaQA", "DROP", "GSM8K", "ARC-C",
           "HellaSwag", "BBH", "MATH"]
FONTS = ["Roboto, sans-serif", "'DejaVu Sans', sans-serif", "'Liberation Sans', sans-serif",
         "'Roboto Condensed', sans-serif", "'FreeSans', sans-serif"]
THEMES = [  # (ink, rules, selected row, header ink)
    ("#202124", "#e0e0e0", "#e8f0fe", "#5f6368"),
    ("#1f1f1f", "#dadce0", "#e3f2fd", "#444746"),
    ("#212121", "#eeeeee", "#e1f5fe", "#616161"),
]
WHEN = ["evaluated 20 Mar", "evaluated 3 Feb", "run 11 Jan", "updated 2 days ago"]
HOW = ["harness v0.4, greedy decoding", "lm-eval 0.4.2, 5-shot", "greedy, max 512 tokens",
       "vLLM 0.3, temperature 0"]
MENU = ["Compare", "Pin to top", "Copy scores", "Open model card", "Hide row"]

# Which cells' text the box touches: rectangles of each body cell's text, in the page.
COVERED = """() => {
  const box = document.getElementById('pop').getBoundingClientRect();
  return [...document.querySelectorAll('tbody tr')].map(tr => [...tr.cells].map(td => {
    const range = document.createRange();
    range.selectNodeContents(td);
    return [...range.getClientRects()].some(r => r.right > box.left && r.left < box.right
      && r.bottom > box.top && r.top < box.bottom);
  }));
}"""


def _box(rng: random.Random, kind: str, model: str, ink: str) -> str:
    """The floating box's HTML: a dark tooltip, a light menu or a small dialog."""
    if kind == "tooltip":
        lines = [f"<b>{model}</b>", rng.choice(WHEN), rng.choice(HOW)]
        style = (f"background:{rng.choice(['#323232', '#3c4043', '#212121', '#424242'])};"
                 "color:#fff;border-radius:6px;padding:8px 12px;line-height:1.45")
    elif kind == "menu":
        lines = rng.sample(MENU, rng.randint(3, 4))
        style = ("background:#fff;color:" + ink + ";border-radius:4px;padding:6px 16px;"
                 "line-height:1.9;box-shadow:0 2px 8px rgba(0,0,0,.35)")
    else:
        lines = [f"<b>Compare {model}?</b>", "Pick a second model",
                 "<span style='color:#1a73e8'>CANCEL &nbsp; OK</span>"]
        style = ("background:#fff;color:" + ink + ";border-radius:8px;padding:10px 16px;"
                 "line-height:1.6;box-shadow:0 4px 14px rgba(0,0,0,.4)")
    return (f"<div id='pop' style='position:absolute;white-space:nowrap;font-size:.9em;"
            f"{style}'>{'<br>'.join(lines)}</div>")


def draw_board(rng: random.Random, benches: list[str], models: list[str],
               values: list[list[str]], over: tuple[int, int], face: int = 0,
               font_px: int = 15) -> tuple[Image.Image, list[list[bool]]]:
    """A leaderboard drawn with PIL, 1240 px wide: the title, the header, light row rules,
    the row before ``over``'s first row selected in pale blue, and a dark rounded tooltip of
    about 210 x 65 px (three lines of white text) whose right edge stands near the right
    edge of column ``over[1]`` (1 = the first benchmark), its top just under the selected
    row. Returns the image and, per body row and column, whether the box touches the text
    of that cell."""
    regular, bold = (ImageFont.truetype(str(f), font_px) for f in FACES[face])
    width, left, name_w = 1240, 24, 300
    pitch = int(font_px * rng.choice([2.6, 3.0, 3.3]))
    col_w = (width - 2 * left - name_w) // len(benches)
    top = 70 + font_px
    height = top + pitch * (len(models) + 1) + 30
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    ink, rule, selected, head_ink = rng.choice(THEMES)
    draw.text((left, 22), f"Leaderboard · {len(models)} models", font=regular.font_variant(
        size=int(font_px * 1.5)), fill=ink)
    chosen = over[0] - 1
    draw.rectangle((left, top + pitch * (chosen + 1), width - left, top + pitch * (chosen + 2)),
                   fill=selected)
    boxes: list[list[tuple[float, float, float, float]]] = []
    for r, cells in enumerate([["Name", *benches], *(
            [m, *row] for m, row in zip(models, values, strict=True))]):
        y = top + pitch * r + (pitch - font_px) // 2
        line = []
        for c, text in enumerate(cells):
            length = regular.getlength(text)
            x = left + 16 if c == 0 else left + name_w + col_w * c - 16 - length
            draw.text((x, y), text, font=regular, fill=head_ink if r == 0 else ink)
            line.append((x, y, x + length, y + font_px))
        boxes.append(line)
        draw.line((left, top + pitch * (r + 1), width - left, top + pitch * (r + 1)), fill=rule)
    lines = [models[chosen], rng.choice(WHEN), rng.choice(HOW)]
    box_w = max(210, int(max(regular.getlength(t) for t in lines[1:]) + 24))
    box_h = int(font_px * 1.4 * 3 + 16)
    x1 = min(width - 8, left + name_w + col_w * over[1] + rng.randint(-10, 10))
    y0 = top + pitch * (chosen + 2) + rng.randint(2, 8)
    box = (x1 - box_w, y0, x1, y0 + box_h)
    draw.rounded_rectangle(box, radius=6, fill=rng.choice(["#323232", "#3c4043", "#212121"]))
    for k, text in enumerate(lines):
        draw.text((box[0] + 12, y0 + 8 + k * int(font_px * 1.4)), text,
                  font=bold if k == 0 else regular, fill="white")
    covered = [[b[2] > box[0] and b[0] < box[2] and b[3] > box[1] and b[1] < box[3]
                for b in line] for line in boxes[1:]]
    return image, covered


def _truth_rows(models: list[str], values: list[list[str]], benches: list[str],
                covered: list[list[bool]]) -> list[dict]:
    rows = []
    for r, (model, row) in enumerate(zip(models, values, strict=True)):
        cells = [text if not covered[r][c + 1] else "" for c, text in enumerate(row)]
        mmlu = cells[benches.index("MMLU (5-shot)")]
        rows.append({"model": model, "params_b": size_of(model), "tokens_t": None,
                     "mmlu": float(mmlu) if mmlu else None, "cells": [model, *cells]})
    return rows


def generate(out: Path, count: int, seed: int) -> dict:
    with look_run(out, seed, (1400, 1000)) as (rng, browser, truth):
        for i in range(count):
            if i % 2:  # every other one drawn with PIL, a fixed-size tooltip
                benches = ["MMLU (5-shot)", "CMMLU", "GPQA", "TriviaQA", "DROP"]
                if rng.random() < 0.5:
                    benches = ["MMLU (5-shot)", *rng.sample(BENCHES[1:], rng.randint(3, 5))]
                models = rng.sample(MODELS, 8)
                values = [[f"{rng.uniform(25, 89):.1f}" for _ in benches] for _ in models]
                over = (rng.randint(1, 5), len(benches) - rng.choice([0, 0, 1]))
                image, covered = draw_board(rng, benches, models, values, over,
                                            rng.randrange(len(FACES)), rng.choice([13, 14, 15, 16]))
                name = save_shot(image, out, f"popover_{i:03d}", rng, 0.25)
                columns = ["Name", *benches]
                truth[name] = {"columns": columns, "settings": [None] * len(columns),
                               "rows": _truth_rows(models, values, benches, covered),
                               "style": "popovers:drawn"}
                continue
            ink, rule, selected, head_ink = rng.choice(THEMES)
            benches = ["MMLU (5-shot)", *rng.sample(BENCHES[1:], rng.randint(3, 5))]
            rng.shuffle(benches)
            models = rng.sample(MODELS, rng.randint(6, 9))
            values = [[f"{rng.uniform(25, 89):.1f}" for _ in benches] for _ in models]
            chosen = rng.randrange(len(models) - 2)
            kind = rng.choice(["tooltip", "tooltip", "menu", "dialog"])
            font_px = rng.choice([13, 14, 14, 15, 16])
            scale = rng.choice([1.0, 1.0, 1.25, 2.0])
            # Over the last columns mostly, else over middle ones; one or two rows under.
            last = len(benches) if rng.random() < 0.7 else rng.randint(2, len(benches) - 1)
            first = last - rng.choice([0, 1, 1])
            body = "".join(
                f"<tr{' class=sel' if r == chosen else ''}><td>{m}</td>"
                + "".join(f"<td>{v}</td>" for v in row) + "</tr>"
                for r, (m, row) in enumerate(zip(models, values, strict=True))
            )
            style = (
                f"body{{margin:0;background:#fff;color:{ink};font-family:{rng.choice(FONTS)}}}"
                f"#shot{{width:{rng.choice([1180, 1240, 1240, 1300])}px;padding:20px;"
                f"position:relative;font-size:{font_px}px}}"
                "h2{font-weight:400;font-size:1.45em;margin:0 0 14px 4px}"
                "table{border-collapse:collapse;width:100%}"
                f"th{{color:{head_ink};font-weight:500;text-align:right;padding:12px 16px;"
                f"border-bottom:1px solid {rule}}}"
                f"td{{text-align:right;padding:{rng.choice([10, 12, 14])}px 16px;"
                f"border-bottom:1px solid {rule}}}"
                "th:first-child,td:first-child{text-align:left}"
                f"tr.sel td{{background:{selected}}}"
            )
            html = (
                f"<!doctype html><html><head><meta charset='utf-8'><style>{style}</style>"
                f"</head><body><div id='shot'><h2>Leaderboard · {len(models)} models</h2>"
                "<table><thead><tr><th>Name</th>"
                + "".join(f"<th>{b}</th>" for b in benches)
                + f"</tr></thead><tbody>{body}</tbody></table>"
                + _box(rng, kind, models[chosen], ink) + "</div>"
                # Under the chosen row, over the whole text of columns ``first`` to
                # ``last`` (no digit of a covered cell peeps out beside it).
                + "<script>const pop=document.getElementById('pop');"
                "const shot=document.getElementById('shot').getBoundingClientRect();"
                f"const below=document.querySelectorAll('tbody tr')[{chosen + 1}];"
                "const text=c=>{const r=document.createRange();r.selectNodeContents("
                "below.cells[c]);return r.getBoundingClientRect();};"
                f"const right=text({last}).right+{rng.randint(4, 12)};"
                f"const left=Math.min(text({first}).left-{rng.randint(4, 14)},"
                "right-pop.offsetWidth);"
                "pop.style.minWidth=(right-left)+'px';pop.style.boxSizing='border-box';"
                f"pop.style.top=(below.getBoundingClientRect().top-shot.top-{rng.randint(0, 6)})"
                "+'px';pop.style.left=(left-shot.left)+'px';</script></body></html>"
            )
            image = browser.shoot(html, scale)
            rows = _truth_rows(models, values, benches, browser.evaluate(COVERED, scale))
            name = save_shot(image, out, f"popover_{i:03d}", rng, 0.25)
            columns = ["Name", *benches]
            truth[name] = {"columns": columns, "settings": [None] * len(columns), "rows": rows,
                           "style": f"popovers:{kind}"}
    return truth
