"""Tables set like a book's table of contents: no rules, each model's name followed by a
leader (a row of dots, middle dots or dashes) running to the first value, or leaders
between every column, and the column names in small capitals (capitals of two sizes,
letter-spaced: "HellaSwag" set as H, ELLA, S, WAG).

Six variants in turn:

- ``css_dots``: Chromium, a serif face, leaders of full stops (tight or spaced) to the first
  value, the header in CSS ``font-variant: small-caps`` with letter-spacing;
- ``css_middots``: as above with middle dots "·", leaders between every column;
- ``css_dashes``: dashes ("-", "–" or a dotted border) as leaders, first value or all;
- ``pil_twosize``: PIL, a serif face, small caps drawn as two sizes of capitals on one
  baseline, letter-spaced, dot leaders;
- ``pil_all``: PIL, leaders between every column, a sans or serif face, a cream page;
- ``css_jpeg``: any of the Chromium ones, shrunk and saved as a JPEG.

No real small-caps font is installed (``fc-list`` has none), so the small capitals are
Chromium's synthesised ones or drawn at two sizes. The truth is what the table prints: a
leader is no part of a name or a value, and a column's name is compared without case.
"""

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from looks.common import BENCH, MODELS, look_run, save_shot, size_of

VARIANTS = ["css_dots", "css_middots", "css_dashes", "pil_twosize", "pil_all", "css_jpeg"]
CSS_SERIFS = ["'DejaVu Serif'", "'Liberation Serif'", "'FreeSerif'", "'DejaVu Serif Condensed'"]
FONT_ROOT = Path("/usr/share/fonts/truetype")
PIL_SERIFS = ["dejavu/DejaVuSerif.ttf", "liberation/LiberationSerif-Regular.ttf",
              "freefont/FreeSerif.ttf"]
PIL_SANS = ["dejavu/DejaVuSans.ttf", "liberation/LiberationSans-Regular.ttf",
            "freefont/FreeSans.ttf"]
PAGES = ["#ffffff", "#fdfaf2", "#f7f3e8", "#ffffff"]


def _table(rng: random.Random) -> tuple[list[str], list[dict]]:
    """Columns and the truth's rows; column names in mixed case, so that small caps set two
    sizes inside a word."""
    benches = rng.sample(BENCH, rng.randint(3, 5))
    if "MMLU" not in benches and rng.random() < 0.7:
        benches[0] = "MMLU"
    with_average = rng.random() < 0.4
    with_params = rng.random() < 0.3
    model_head = rng.choice(["Model", "Model", "Models", "System"])
    columns = [model_head, *(["Params"] if with_params else []), *benches,
               *(["Average"] if with_average else [])]
    rows = []
    for model in rng.sample([m for m in MODELS if "8x7B" not in m], rng.randint(4, 9)):
        size = size_of(model)
        values = [round(rng.uniform(12, 92), 1) for _ in benches]
        cells = [model, *([f"{size:g}B" if size else "–"] if with_params else [])]
        cells += [f"{v:.1f}" for v in values]
        if with_average:
            cells.append(f"{sum(values) / len(values):.1f}")
        mmlu = values[benches.index("MMLU")] if "MMLU" in benches else None
        rows.append({"model": model, "params_b": size, "tokens_t": None, "mmlu": mmlu,
                     "cells": cells})
    return columns, rows


def _leader_text(kind: str, spaced: bool) -> str:
    """A leader longer than any cell; the cell's overflow cuts it."""
    glyph = {"dots": ".", "middots": "·", "dashes": "–" if spaced else "-"}[kind]
    return (glyph + ("\u2002" if spaced else "")) * 200


def _css_page(rng: random.Random, variant: str, columns: list[str], rows: list[dict]) -> str:
    kind = {"css_dots": "dots", "css_middots": "middots", "css_dashes": "dashes"}.get(
        variant, rng.choice(["dots", "middots", "dashes"]))
    spaced = rng.random() < 0.5
    everywhere = variant == "css_middots" or (variant != "css_dots" and rng.random() < 0.5)
    bordered = kind == "dashes" and rng.random() < 0.3  # a dotted border as the leader
    font = rng.choice(CSS_SERIFS)
    size = rng.choice([14, 15, 16, 17, 18])
    spacing = rng.choice([0.04, 0.08, 0.12, 0.16])
    page = rng.choice(PAGES)
    leader = _leader_text(kind, spaced)
    # Set apart from the flow (absolute), so a leader fills its cell without widening it.
    leader_css = ("border-bottom:1px dotted #333;margin:0 .3em .3em;" if bordered else
                  "position:relative;height:1em;margin:0 .25em;color:#444")
    style = (
        f"body{{margin:0;background:{page}}}"
        f"#shot{{display:inline-block;padding:22px 28px;background:{page};color:#1a1a1a;"
        f"font-family:{font},serif;font-size:{size}px}}"
        "table{border-collapse:collapse}"
        "td,th{padding:.15em 0;white-space:nowrap}"
        f"th{{font-variant:small-caps;font-weight:normal;letter-spacing:{spacing}em;"
        "text-align:right;padding-left:1.2em;padding-bottom:.5em}"
        "th.m{text-align:left;padding-left:0}"
        ".f{display:flex;align-items:baseline}"
        f".l{{flex:1;min-width:1.5em;{leader_css}}}"
        + ("" if bordered else f".l::before{{content:'{leader}';position:absolute;left:0;"
           "right:0;bottom:0;overflow:hidden;white-space:nowrap}")
        + ".v{text-align:right}"
        f"td.v{{padding-left:{'0' if everywhere else '1.2em'}}}"
        f"td.m{{min-width:{rng.choice([11, 13, 16])}em}}"
        f"td.v{{min-width:{rng.choice([3, 4, 5]) if everywhere else 2}em}}"
        "caption{font-variant:small-caps;letter-spacing:.1em;padding-bottom:.6em}"
    )
    head = "".join(f"<th class='{'m' if k == 0 else ''}'>{name}</th>"
                   for k, name in enumerate(columns))
    body = []
    for row in rows:
        cells = [f"<td class='m'><div class='f'><span>{row['cells'][0]}</span>"
                 "<span class='l'></span></div></td>"]
        for text in row["cells"][1:]:
            if everywhere:
                cells.append(f"<td class='v'><div class='f'><span class='l'></span>"
                             f"<span>{text}</span></div></td>")
            else:
                cells.append(f"<td class='v'>{text}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    caption = ""
    if rng.random() < 0.5:
        caption = f"<caption>{rng.choice(['Table 3. Results', 'Benchmark scores'])}</caption>"
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>{style}</style></head>"
            f"<body><div id='shot'><table>{caption}<thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table></div></body></html>")


def _small_caps_width(text: str, big: ImageFont.FreeTypeFont, small: ImageFont.FreeTypeFont,
                      track: int) -> int:
    return sum(int((big if c.isupper() or not c.isalpha() else small).getlength(c.upper()))
               + track for c in text) - track


def _draw_small_caps(draw: ImageDraw.ImageDraw, x: int, baseline: int, text: str,
                     big: ImageFont.FreeTypeFont, small: ImageFont.FreeTypeFont, track: int,
                     ink: tuple[int, int, int]) -> None:
    """Capitals where the name has them, smaller capitals for its lower case, one baseline."""
    for c in text:
        font = big if c.isupper() or not c.isalpha() else small
        draw.text((x, baseline), c.upper(), font=font, fill=ink, anchor="ls")
        x += int(font.getlength(c.upper())) + track


def _pil_image(rng: random.Random, variant: str, columns: list[str],
               rows: list[dict]) -> Image.Image:
    face = rng.choice(PIL_SERIFS if variant == "pil_twosize" or rng.random() < 0.6 else
                      PIL_SANS)
    size = rng.randint(14, 20)
    font = ImageFont.truetype(str(FONT_ROOT / face), size)
    big = ImageFont.truetype(str(FONT_ROOT / face), round(size * rng.uniform(0.95, 1.05)))
    small = ImageFont.truetype(str(FONT_ROOT / face), round(size * rng.uniform(0.7, 0.8)))
    track = rng.choice([0, 1, 2, 3])
    everywhere = variant == "pil_all"
    glyph = rng.choice([".", ".", "·", "-"]) if everywhere else rng.choice([".", "."])
    step = int(font.getlength(glyph)) + rng.choice([0, 0, 2, 4, 6])
    page = tuple(int(PAGES[rng.randrange(3)][k:k + 2], 16) for k in (1, 3, 5))
    ink = (20, 20, 20) if rng.random() < 0.7 else (45, 40, 35)
    gap = round(size * rng.uniform(1.2, 2.2))
    name_width = max(int(font.getlength(r["cells"][0])) for r in rows) + round(size * 3)
    widths = [max(max(int(font.getlength(r["cells"][k])) for r in rows),
                  _small_caps_width(columns[k], big, small, track)) for k in
              range(1, len(columns))]
    pitch = round(size * rng.uniform(1.5, 1.9))
    margin = round(size * 1.5)
    width = margin * 2 + name_width + sum(w + gap for w in widths)
    height = margin * 2 + pitch * (len(rows) + 1) + size // 2
    image = Image.new("RGB", (width, height), page)
    draw = ImageDraw.Draw(image)
    baseline = margin + size
    _draw_small_caps(draw, margin, baseline, columns[0], big, small, track, ink)
    rights, x = [], margin + name_width
    for k, w in enumerate(widths):
        x += gap + w
        rights.append(x)
        head_width = _small_caps_width(columns[k + 1], big, small, track)
        _draw_small_caps(draw, x - head_width, baseline, columns[k + 1], big, small, track, ink)
    for r, row in enumerate(rows):
        y = baseline + pitch * (r + 1) + size // 3
        draw.text((margin, y), row["cells"][0], font=font, fill=ink, anchor="ls")
        start = margin + int(font.getlength(row["cells"][0])) + size // 3
        for k, text in enumerate(row["cells"][1:]):
            left = rights[k] - int(font.getlength(text))
            if k == 0 or everywhere:
                _leader(draw, start, left - size // 3, y, glyph, step, font, ink)
            draw.text((left, y), text, font=font, fill=ink, anchor="ls")
            start = rights[k] + size // 3
    return image


def _leader(draw: ImageDraw.ImageDraw, start: int, end: int, baseline: int, glyph: str,
            step: int, font: ImageFont.FreeTypeFont, ink: tuple[int, int, int]) -> None:
    """Glyphs at one pitch, aligned to the page's grid of that pitch as TeX's leaders are."""
    x = (start // step + 1) * step
    while x + step <= end:
        draw.text((x, baseline), glyph, font=font, fill=ink, anchor="ls")
        x += step


def generate(out: Path, count: int, seed: int) -> dict:
    """``count`` images, the variants in turn."""
    with look_run(out, seed, (1400, 1000)) as (rng, browser, truth):
        for i in range(count):
            variant = VARIANTS[i % len(VARIANTS)]
            columns, rows = _table(rng)
            if variant.startswith("pil"):
                image = _pil_image(rng, variant, columns, rows)
                jpeg = 0.3
            else:
                scale = rng.choice([1.0, 1.25, 2.0]) if variant != "css_jpeg" else 1.0
                image = browser.shoot(_css_page(rng, variant, columns, rows), scale)
                jpeg = 1.0 if variant == "css_jpeg" else 0.2
                if variant == "css_jpeg":
                    factor = rng.uniform(0.7, 0.95)
                    image = image.resize((round(image.width * factor),
                                          round(image.height * factor)),
                                         Image.Resampling.BILINEAR)
            name = save_shot(image, out, f"leaders_{i:03d}", rng, jpeg)
            truth[name] = {"columns": columns, "settings": [None] * len(columns),
                           "rows": rows, "style": f"leaders_{variant}"}
    return truth
