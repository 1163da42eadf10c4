"""Two table layouts the reader found hard:

- **row-spanning group cells**: a "Family" column left of the model column whose cell is
  merged over the rows of one family (HTML ``rowspan``, LaTeX ``\\multirow``), the family's
  name printed once, centred on its rows or at their top, the cells below it blank. Drawn
  in Chromium as a boxed HTML grid or a plain web table, and with PIL as a paper's booktabs
  table with a rule between families;
- **org-mode tables** in an Emacs buffer: monospaced, ``|`` between cells, ``|---+---|``
  under the header and sometimes between groups, in the org-table face of a light or dark
  theme, with a heading above, a mode line below and sometimes the cursor in a cell.

The family is no part of a row's truth: every row is its own model's, named by the model
column alone.
"""

from __future__ import annotations

import io
import itertools
import json
import random
from pathlib import Path

from browser import Browser
from PIL import Image, ImageDraw, ImageFont

from looks.common import BENCH, size_of

FAMILIES = {
    "Llama": ["Llama-2-7B", "Llama-2-13B", "Llama-2-70B", "Llama-3-8B"],
    "Qwen": ["Qwen-7B", "Qwen-14B", "Qwen-72B", "Qwen1.5-32B"],
    "Mistral": ["Mistral-7B", "Mixtral-8x7B", "Mistral-Nemo-12B"],
    "Gemma": ["Gemma-2B", "Gemma-7B", "Gemma-2-9B"],
    "Yi": ["Yi-6B", "Yi-9B", "Yi-34B"],
    "Falcon": ["Falcon-7B", "Falcon-40B", "Falcon-180B"],
    "DeepSeek": ["DeepSeek-7B", "DeepSeek-67B", "DeepSeek-Coder-33B"],
    "Pythia": ["Pythia-1.4B", "Pythia-6.9B", "Pythia-12B"],
}
FAMILY_HEADS = ["Family", "Series", "Model family", "Org"]
SERIF = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/freefont/FreeSerif.ttf",
]
MONO = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
    "/usr/share/fonts/truetype/freefont/FreeMono.ttf",
]
# Emacs themes: background, text, org-table face, mode line (background, text)
THEMES = {
    "default": ((255, 255, 255), (0, 0, 0), (0, 0, 255), ((191, 191, 191), (0, 0, 0))),
    "dark": ((0, 0, 0), (255, 255, 255), (135, 206, 250), ((77, 77, 77), (230, 230, 230))),
    "tango_dark": ((46, 52, 54), (238, 238, 236), (114, 159, 207), ((212, 212, 212), (46, 52, 54))),
    "leuven": ((255, 255, 255), (51, 51, 51), (0, 0, 128), ((51, 91, 169), (255, 255, 255))),
    "solarized": (
        (253, 246, 227),
        (101, 123, 131),
        (38, 139, 210),
        ((238, 232, 213), (88, 110, 117)),
    ),
}


def _groups(rng: random.Random) -> list[tuple[str, list[str]]]:
    """Two to four families with one to four models each, one of them at least two long
    (a merged cell over one row is no merge)."""
    names = rng.sample(list(FAMILIES), rng.randint(2, 4))
    groups = []
    for name in names:
        members = FAMILIES[name]
        k = rng.randint(1, len(members))
        groups.append((name, rng.sample(members, k)))
    if all(len(members) < 2 for _, members in groups):
        name = groups[0][0]
        groups[0] = (name, FAMILIES[name][:2])
    return groups


def _rows(
    rng: random.Random, models: list[str], benches: list[str], with_params: bool, decimals: int
) -> list[dict]:
    rows = []
    for m in models:
        p = size_of(m)
        cells = [m] + ([f"{p:g}B" if p else "-"] if with_params else [])
        vals = [f"{rng.uniform(8, 92):.{decimals}f}" for _ in benches]
        mmlu = float(vals[benches.index("MMLU")]) if "MMLU" in benches else None
        rows.append(
            {"model": m, "params_b": p, "tokens_t": None, "mmlu": mmlu, "cells": cells + vals}
        )
    return rows


def _rowspan_html(
    rng: random.Random, groups: list[tuple[str, list[str]]], columns: list[str], rows: list[dict]
) -> str:
    """A web table whose first column's cells span their family's rows."""
    boxed = rng.random() < 0.5
    valign = rng.choice(["middle", "middle", "top"])
    font = rng.choice(["Arial", "DejaVu Sans", "Liberation Serif", "Verdana", "Times New Roman"])
    edge = rng.choice(["#000", "#666", "#bbb"])
    cell_rule = f"border:1px solid {edge};" if boxed else f"border-bottom:1px solid {edge};"
    head_bg = rng.choice(
        ["", "background:#eee;", "background:#dbe5f1;", "background:#333;color:#fff;"]
    )
    size = rng.randint(13, 17)
    padding = f"{rng.randint(3, 7)}px {rng.randint(6, 12)}px"
    align = rng.choice(["left", "center"])
    family_face = rng.choice(["", "font-weight:bold;", "font-style:italic;"])
    rules = {
        "body": "margin:10px;background:white",
        "table": f"border-collapse:collapse;font-family:'{font}';font-size:{size}px",
        "td,th": f"{cell_rule}padding:{padding};text-align:{align}",
        "th": head_bg,
        "td.fam": f"vertical-align:{valign};{family_face}",
    }
    style = "".join(f"{selector}{{{body}}}" for selector, body in rules.items())
    head = "".join(f"<th>{c}</th>" for c in columns)
    body = []
    k = 0
    for family, members in groups:
        for j in range(len(members)):
            cells = "".join(f"<td>{c}</td>" for c in rows[k]["cells"])
            span = f"<td class='fam' rowspan='{len(members)}'>{family}</td>" if j == 0 else ""
            body.append(f"<tr>{span}{cells}</tr>")
            k += 1
    return (
        f"<html><head><style>{style}</style></head><body><table id='shot'>"
        f"<tr>{head}</tr>{''.join(body)}</table></body></html>"
    )


def _rowspan_paper(
    rng: random.Random, groups: list[tuple[str, list[str]]], columns: list[str], rows: list[dict]
) -> Image.Image:
    """A booktabs table as a PDF shows it: top, mid and bottom rules, a thin rule between
    families, the family's name once (``\\multirow``: centred on its rows, or at their top)."""
    size = rng.randint(15, 22)
    font = ImageFont.truetype(rng.choice(SERIF), size)
    pad = size * 0.8
    pitch = round(size * rng.uniform(1.35, 1.7))
    k = 0
    first_of: dict[int, tuple[str, int]] = {}
    for family, members in groups:
        first_of[k] = (family, len(members))
        k += len(members)
    grid = [columns] + [[""] + r["cells"] for r in rows]
    widths = [
        max(font.getlength(grid[r][c]) for r in range(len(grid))) + 2 * pad
        for c in range(len(columns))
    ]
    widths[0] = max(widths[0], max(font.getlength(f) for f, _ in groups) + 2 * pad)
    xs = [40.0]
    for w in widths:
        xs.append(xs[-1] + w)
    top = 40
    height = top + pitch * (len(rows) + 1) + 30 + 40
    img = Image.new("RGB", (int(xs[-1] + 40), height), "white")
    d = ImageDraw.Draw(img)
    centred = rng.random() < 0.6
    thick, thin = max(2, size // 10), 1

    def text(c: int, y: float, value: str) -> None:
        w = font.getlength(value)
        x = xs[c] + pad if c <= 1 else (xs[c] + xs[c + 1] - w) / 2
        d.text((x, y), value, fill="black", font=font)

    d.line((xs[0], top, xs[-1], top), fill="black", width=thick)
    for c, name in enumerate(columns):
        text(c, top + (pitch - size) / 2, name)
    y = top + pitch + 4
    d.line((xs[0], y, xs[-1], y), fill="black", width=thin + 1)
    y += 4
    for k, row in enumerate(rows):
        if k in first_of:
            family, span = first_of[k]
            if k and rng.random() < 0.8:
                d.line((xs[0], y, xs[-1], y), fill="black", width=thin)
            fy = y + (span * pitch - size) / 2 if centred else y + (pitch - size) / 2
            text(0, fy, family)
        for c, value in enumerate(row["cells"], start=1):
            text(c, y + (pitch - size) / 2, value)
        y += pitch
    d.line((xs[0], y + 4, xs[-1], y + 4), fill="black", width=thick)
    scale = rng.choice([1.0, 0.8, 0.7])
    if scale != 1.0:
        img = img.resize(
            (round(img.width * scale), round(img.height * scale)), Image.Resampling.LANCZOS
        )
    return img


def org_lines(rng: random.Random, columns: list[str], groups: list[list[list[str]]]) -> list[str]:
    """An org table as Emacs aligns it: text left, numbers right, one space either side,
    ``|---+---|`` under the header and, sometimes, between groups."""
    all_rows = [columns] + [r for g in groups for r in g]
    widths = [max(len(r[c]) for r in all_rows) for c in range(len(columns))]
    numeric = [
        c > 0 and all(r[c][:1].isdigit() for g in groups for r in g) for c in range(len(columns))
    ]

    def line(values: list[str]) -> str:
        cells = [
            v.rjust(w) if numeric[c] and v[:1].isdigit() else v.ljust(w)
            for c, (v, w) in enumerate(zip(values, widths, strict=True))
        ]
        return "| " + " | ".join(cells) + " |"

    rule = "|" + "+".join("-" * (w + 2) for w in widths) + "|"
    between = rng.random() < 0.5
    lines = [line(columns), rule]
    for k, group in enumerate(groups):
        if k and between:
            lines.append(rule)
        lines.extend(line(r) for r in group)
    if rng.random() < 0.3:
        lines.insert(0, rule)
        lines.append(rule)
    return lines


def _org_buffer(rng: random.Random, lines: list[str]) -> Image.Image:
    """An Emacs frame: a heading, the table in the org-table face, a mode line; the cursor
    a block in one cell."""
    theme = rng.choice(list(THEMES))
    page, text_colour, table_colour, (mode_bg, mode_fg) = THEMES[theme]
    size = rng.randint(12, 17)
    font = ImageFont.truetype(rng.choice(MONO), size)
    char_w = font.getlength("0")
    pitch = round(size * rng.uniform(1.2, 1.45))
    fringe = 8
    cols = max(len(t) for t in lines) + rng.randint(4, 20)
    width = int(fringe * 2 + char_w * cols)
    heading = rng.choice(["* Results", "** Evaluation", "* Benchmarks :eval:", "#+NAME: results"])
    above = [heading, ""]
    below = ["", rng.choice(["Numbers are 5-shot.", "", "TODO rerun GSM8K"])]
    height = pitch * (len(above) + len(lines) + len(below) + 2) + 8
    img = Image.new("RGB", (width, height), page)
    d = ImageDraw.Draw(img)
    y = 4
    for t in above:
        d.text((fringe, y), t, fill=text_colour, font=font)
        y += pitch
    cursor = rng.random() < 0.4
    cursor_line = rng.randrange(2, len(lines))
    for k, t in enumerate(lines):
        d.text((fringe, y), t, fill=table_colour, font=font)
        if cursor and k == cursor_line and not set(t) <= set("|+-"):
            x = fringe + char_w * 2
            d.rectangle((x, y, x + char_w, y + pitch - 2), fill=text_colour)
            d.text((x, y), t[2], fill=page, font=font)
        y += pitch
    for t in below:
        d.text((fringe, y), t, fill=text_colour, font=font)
        y += pitch
    d.rectangle((0, height - pitch - 4, width, height), fill=mode_bg)
    mode = f"-:---  notes.org   Top L{rng.randint(3, 40)}   (Org)"
    d.text((fringe, height - pitch - 2), mode, fill=mode_fg, font=font)
    scale = rng.choice([1.0, 1.0, 1.25, 0.85])
    if size * scale < 11:
        scale = 1.0
    if scale != 1.0:
        img = img.resize(
            (round(img.width * scale), round(img.height * scale)), Image.Resampling.LANCZOS
        )
    return img


def _jpeg(rng: random.Random, img: Image.Image) -> Image.Image:
    if rng.random() < 0.35:
        buffer = io.BytesIO()
        img.save(buffer, "JPEG", quality=rng.randint(60, 90))
        return Image.open(buffer).convert("RGB")
    return img


def generate(out: Path, count: int, seed: int) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    browser = Browser((1000, 800))
    kinds = ["rowspan_html", "rowspan_paper", "org_mode"]
    try:
        for i in range(count):
            kind = kinds[i % len(kinds)]
            groups = _groups(rng)
            benches = rng.sample(BENCH, rng.randint(2, 4))
            with_params = rng.random() < 0.35
            columns = ["Model"] + (["Params"] if with_params else []) + benches
            decimals = rng.choice([1, 1, 2])
            models = [m for _, members in groups for m in members]
            rows = _rows(rng, models, benches, with_params, decimals)
            if kind == "org_mode":
                cut = [0]
                for _, members in groups:
                    cut.append(cut[-1] + len(members))
                grouped = [[r["cells"] for r in rows[a:b]] for a, b in itertools.pairwise(cut)]
                img = _org_buffer(rng, org_lines(rng, columns, grouped))
            else:
                shown = [rng.choice(FAMILY_HEADS), *columns]
                if kind == "rowspan_html":
                    img = browser.shoot(_rowspan_html(rng, groups, shown, rows), 1.0)
                else:
                    img = _rowspan_paper(rng, groups, shown, rows)
            name = f"layout_{i:03d}.png"
            _jpeg(rng, img).save(out / name)
            truth[name] = {
                "columns": columns,
                "settings": [None] * len(columns),
                "rows": rows,
                "style": kind,
            }
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
