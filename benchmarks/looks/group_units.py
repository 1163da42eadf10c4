"""Two kinds of header and column the reader cannot lean on its lexicon for, each drawn with
PIL and in Chromium:

- ``groups_pil`` / ``groups_html``: a row of group titles above the column names, each
  centred over a run of one to three columns, some columns in no group; benchmark names
  and group titles invented (no word of the benchmark lexicon), "—" for missing values;
  a thin line under each group, one under the whole row, or none; drawn at 1x or at a
  hi-DPI page's 2x (PIL) or device pixel ratio 2 (Chromium) and shrunk by 0.55-0.7.
- ``units_pil`` / ``units_html``: scores set right in a small monospaced face beside names
  in a proportional one, light row rules; a tokens column ("12.0T", "1.4T") and sometimes
  a parameters column ("7B", "1.3B", "350M") among them, headed as sites head them.

The truth names a column by its own name (a group title is no part of it); sizes and
tokens are the values the columns print."""

from __future__ import annotations

import random
import re
from itertools import cycle
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from looks import header_kinds
from looks.common import look_run, save_shot

PROPORTIONAL = [
    *header_kinds.PROPORTIONAL,
    header_kinds.TRUETYPE / "roboto" / "unhinted" / "RobotoTTF" / "Roboto-Regular.ttf",
    header_kinds.TRUETYPE / "open-sans" / "OpenSans-Regular.ttf",
]
MONOSPACED = header_kinds.MONOSPACED
HTML_FACES = ["'DejaVu Sans'", "'Liberation Sans', Arial", "Roboto", "'Open Sans'",
              "'Liberation Serif', serif", "FreeSans"]
HTML_MONO = ["'DejaVu Sans Mono'", "'Liberation Mono'", "FreeMono", "monospace"]
# No word of these is a benchmark the reader knows, nor one misreading from one.
INVENTED = ["QuillBench", "MarrowQA", "Tessel-Eval", "BriskSet", "LumenArena", "VesperQA",
            "Cobalt-X", "SaffronBench", "EmberEval", "JuniperQA", "Halcyon", "NimbusBench",
            "Orchard-QA", "PebbleSet", "Wrenlogic", "Tangram-X", "KiteQA", "Lattice-Eval"]
GROUPS = ["Everyday", "Tool Use", "Long Inputs", "Safety & Honesty", "Agents", "Planning",
          "Dialogue", "Science & Law", "Puzzles", "Open Questions", "Field Work"]
SETTINGS = ["3-shot", "5-shot", "8-shot", "0-shot"]
# (name, parameters as a size column prints them, in billions)
SIZED = [("Llama-2-7B", "7B", 7.0), ("Llama-2-70B", "70B", 70.0), ("OPT-350M", "350M", 0.35),
         ("Pythia-1.4B", "1.4B", 1.4), ("Qwen1.5-0.5B", "0.5B", 0.5),
         ("DeepSeek-Coder-1.3B", "1.3B", 1.3), ("Mistral-7B", "7B", 7.0),
         ("Yi-34B", "34B", 34.0), ("Falcon-180B", "180B", 180.0), ("Gemma-2B", "2B", 2.0),
         ("TinyLlama-1.1B", "1.1B", 1.1), ("Qwen-14B", "14B", 14.0),
         ("GPT-Neo-125M", "125M", 0.125), ("MPT-30B", "30B", 30.0), ("Phi-1.5", "1.3B", 1.3),
         ("OLMo-7B", "7B", 7.0), ("BLOOM-560M", "560M", 0.56), ("InternLM-20B", "20B", 20.0)]
TOKENS = [1.0, 1.4, 2.0, 2.5, 3.0, 6.0, 8.0, 12.0, 15.0, 0.3]
TOKENS_NAMES = ["Tokens", "Training tokens", "# Tokens", "Data"]
PARAMS_NAMES = ["Params", "Size", "#Params", "Parameters"]
STYLES = ["groups_pil", "units_pil", "groups_html", "units_html"]
PAGE_WIDTH = 1400


def _face(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path if path.is_file() else PROPORTIONAL[0]), size)


def _grouping(rng: random.Random, columns: int) -> list[tuple[int, int, str | None]]:
    """Runs of benchmark columns (first, last, title): one to three columns a group, a lone
    column now and then in none (title None); one group at least spans two columns."""
    lengths: list[int] = []
    while sum(lengths) < columns:
        lengths.append(min(rng.choice([1, 2, 2, 3]), columns - sum(lengths)))
    if max(lengths) < 2 <= columns:
        lengths = [2] + [1] * (columns - 2)
    titles = rng.sample(GROUPS, len(GROUPS))
    runs, first = [], 0
    for length in lengths:
        alone = length == 1 and rng.random() < 0.3
        runs.append((first, first + length - 1, None if alone else titles.pop()))
        first += length
    return runs


def _body(rng: random.Random, style: str, names: list[str],
          models: list[tuple[str, str, float]]) -> tuple[list[list[str]], list[dict]]:
    """The cells as printed and the truth's rows."""
    cells, rows = [], []
    for model, size_text, size in models:
        texts, tokens = [model], None
        for name in names[1:]:
            if name in TOKENS_NAMES:
                tokens = rng.choice(TOKENS)
                texts.append(f"{tokens:.1f}T")
            elif name in PARAMS_NAMES:
                texts.append(size_text)
            elif style.startswith("groups") and rng.random() < 0.12:
                texts.append("—")
            else:
                texts.append(f"{rng.uniform(15, 89):.1f}")
        params = size if any(n in PARAMS_NAMES for n in names) else _named_size(model)
        cells.append(texts)
        rows.append({"model": model, "params_b": params, "tokens_t": tokens, "mmlu": None,
                     "cells": texts})
    return cells, rows


def _named_size(model: str) -> float | None:
    """The size a name states ("GPT-Neo-125M": 0.125), as read where no column prints one."""
    found = re.search(r"-(\d+(?:\.\d+)?)([BM])$", model)
    if not found:
        return None
    return round(float(found.group(1)) * (1.0 if found.group(2) == "B" else 0.001), 6)


def _columns(rng: random.Random, style: str) -> tuple[list[str], list[str]]:
    """The column names as the truth gives them, and as printed (a setting in brackets)."""
    benches = rng.sample(INVENTED, rng.randint(3, 6) if style.startswith("groups") else
                         rng.randint(3, 5))
    printed = [f"{b} ({rng.choice(SETTINGS)})" if rng.random() < 0.2 else b for b in benches]
    if style.startswith("units"):
        quantities = [rng.choice(TOKENS_NAMES)]
        if rng.random() < 0.6:
            quantities.insert(0, rng.choice(PARAMS_NAMES))
        return ["Model", *quantities, *printed], ["Model", *quantities, *printed]
    return ["Model", *printed], ["Model", *printed]


def _draw_groups_pil(rng: random.Random, printed: list[str], cells: list[list[str]]) -> Image.Image:
    zoom = rng.choice([1, 2, 2])
    size = rng.randint(12, 16) * zoom
    face = _face(rng.choice(PROPORTIONAL), size)
    pad = round(size * rng.uniform(1.0, 1.8))
    widths = [max(face.getlength(t) for t in [printed[c], *(row[c] for row in cells)]) + pad
              for c in range(len(printed))]
    xs = [float(size)]
    for width in widths:
        xs.append(xs[-1] + width)
    runs = _grouping(rng, len(printed) - 1)
    # a group's title may be wider than its columns: they widen to hold it
    for first, last, title in runs:
        room = xs[last + 2] - xs[first + 1] - pad
        need = face.getlength(title or "") - room
        if need > 0:
            for c in range(last + 2, len(xs)):
                xs[c] += need
    pitch = round(size * rng.uniform(1.6, 2.0))
    top = size
    names_y = top + round(size * rng.uniform(1.4, 1.9))
    image = Image.new("RGB", (int(xs[-1] + size), names_y + pitch * (len(cells) + 1) + size),
                      "white")
    draw = ImageDraw.Draw(image)
    rule = rng.choice(["each", "row", "none"])
    line_y = (top + size * 1.1 + names_y) / 2 + size * 0.1
    for first, last, title in runs:
        if title is None:
            continue
        left, right = xs[first + 1], xs[last + 2] - pad
        draw.text(((left + right) / 2 - face.getlength(title) / 2, top), title, fill="black",
                  font=face)
        if rule == "each":
            draw.line((left, line_y, right, line_y), fill=(60, 60, 60), width=zoom)
    if rule == "row":
        draw.line((xs[1], line_y, xs[-1] - pad, line_y), fill=(60, 60, 60), width=zoom)
    centred = rng.random() < 0.5
    for c, name in enumerate(printed):
        if c == 0:
            x = xs[0]
        elif centred:
            x = (xs[c] + xs[c + 1] - pad - face.getlength(name)) / 2 + pad / 2
        else:
            x = xs[c + 1] - pad / 2 - face.getlength(name)
        draw.text((x, names_y), name, fill="black", font=face)
    draw.line((xs[0], names_y + pitch - 4 * zoom, xs[-1], names_y + pitch - 4 * zoom),
              fill="black", width=zoom)
    for r, texts in enumerate(cells):
        y = names_y + pitch * (r + 1)
        for c, text in enumerate(texts):
            x = xs[c] if c == 0 else (xs[c] + xs[c + 1] - face.getlength(text)) / 2
            draw.text((x, y), text, fill="black", font=face)
    shrink = rng.uniform(0.55, 0.7) if zoom > 1 else 1.0
    return image.resize([round(side * shrink) for side in image.size], Image.LANCZOS)


def _draw_units_pil(rng: random.Random, printed: list[str], cells: list[list[str]]) -> Image.Image:
    size = rng.randint(12, 16)
    names_face = _face(rng.choice(PROPORTIONAL), size)
    numbers_face = _face(rng.choice(MONOSPACED), round(size * rng.uniform(0.8, 0.95)))
    pad = round(size * rng.uniform(1.0, 1.8))
    widths = [max([names_face.getlength(printed[c])]
                  + [(names_face if c == 0 else numbers_face).getlength(row[c]) for row in cells])
              + pad for c in range(len(printed))]
    xs = [float(size)]
    for width in widths:
        xs.append(xs[-1] + width)
    pitch = round(size * rng.uniform(1.7, 2.2))
    top = size
    image = Image.new("RGB", (int(xs[-1] + size), top + pitch * (len(cells) + 1) + size), "white")
    draw = ImageDraw.Draw(image)
    pale = rng.randint(205, 235)
    for c, name in enumerate(printed):
        x = xs[c] if c == 0 else xs[c + 1] - pad / 2 - names_face.getlength(name)
        draw.text((x, top), name, fill="black", font=names_face)
    draw.line((xs[0], top + pitch - 5, xs[-1], top + pitch - 5), fill=(90, 90, 90), width=1)
    for r, texts in enumerate(cells):
        y = top + pitch * (r + 1)
        if r:
            draw.line((xs[0], y - 5, xs[-1], y - 5), fill=(pale, pale, pale), width=1)
        for c, text in enumerate(texts):
            face = names_face if c == 0 else numbers_face
            x = xs[c] if c == 0 else xs[c + 1] - pad / 2 - face.getlength(text)
            draw.text((x, y + (size - face.size) * 0.7), text, fill="black", font=face)
    return image


def _html(rng: random.Random, style: str, printed: list[str], cells: list[list[str]]) -> str:
    face, size = rng.choice(HTML_FACES), rng.randint(13, 16)
    pale = rng.choice(["#e5e7eb", "#eeeeee", "#dcdcdc"])
    css = (f"body{{margin:0;background:#fff}} #shot{{display:inline-block;padding:14px}}"
           f"table{{border-collapse:collapse;font-family:{face},sans-serif;font-size:{size}px;"
           f"color:#222}} th,td{{padding:5px {rng.randint(9, 16)}px}}"
           f"td{{border-bottom:1px solid {pale}}} td.n{{text-align:right}}")
    head = ""
    if style == "groups_html":
        runs = _grouping(rng, len(printed) - 1)
        under = rng.choice(["1px solid #999", "1px solid #333", "none"])
        tops = "".join(
            f"<th colspan='{last - first + 1}' style='text-align:center;"
            f"border-bottom:{under if title else 'none'}'>{title or ''}</th>"
            for first, last, title in runs
        )
        corner = rng.choice(["rowspan='2' style='vertical-align:bottom;text-align:left'",
                             "rowspan='2' style='vertical-align:middle;text-align:left'"])
        head = f"<tr><th {corner}>{printed[0]}</th>{tops}</tr>"
        head += "<tr>" + "".join(f"<th style='text-align:center'>{n}</th>"
                                 for n in printed[1:]) + "</tr>"
        css += "thead tr:last-child th{border-bottom:2px solid #444}"
    else:
        mono, share = rng.choice(HTML_MONO), rng.uniform(0.8, 0.92)
        css += f"td.n{{font-family:{mono},monospace;font-size:{share:.2f}em}}"
        head = "<tr>" + "".join(
            f"<th style='text-align:{'left' if c == 0 else 'right'}'>{n}</th>"
            for c, n in enumerate(printed)
        ) + "</tr>"
        css += "thead th{border-bottom:1px solid #888}"
    body = "".join(
        "<tr>" + "".join(f"<td{'' if c == 0 else ' class=n'}>{t}</td>" for c, t in enumerate(row))
        + "</tr>" for row in cells
    )
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>{css}</style></head>"
            f"<body><div id='shot'><table><thead>{head}</thead><tbody>{body}</tbody></table>"
            f"</div></body></html>")


def generate(out: Path, count: int, seed: int) -> dict:
    with look_run(out, seed, (PAGE_WIDTH, 900)) as (rng, browser, truth):
        for i, style in zip(range(count), cycle(STYLES), strict=False):
            names, printed = _columns(rng, style)
            models = rng.sample(SIZED, rng.randint(4, 7))
            cells, rows = _body(rng, style, names, models)
            if style == "groups_pil":
                image = _draw_groups_pil(rng, printed, cells)
            elif style == "units_pil":
                image = _draw_units_pil(rng, printed, cells)
            else:
                ratio = 2.0 if style == "groups_html" else rng.choice([1.0, 1.25, 2.0])
                shot = browser.shoot(_html(rng, style, printed, cells), ratio)
                shrink = rng.uniform(0.55, 0.7) if ratio == 2.0 else 1.0
                image = shot.resize([round(side * shrink) for side in shot.size], Image.LANCZOS)
            truth[save_shot(image, out, f"gu_{i:03d}", rng, 0.3)] = dict(
                columns=names, settings=[None] * len(names), rows=rows, style=style
            )
    return truth
