"""A table as delimited text, no grid drawn: a CSV file open in a code editor (a gutter of
line numbers, each column's text in its own colour as "rainbow CSV" extensions paint it,
dark or light theme), ``cat results.csv`` in a terminal, a code block in a chat. The first
line holds the header's names ("model,n_params_b,mmlu,gsm8k"), each further line a model's
values, so the fields stand at other x on every line.

Comma-, semicolon- and tab-separated (a tab expanded to the next stop of eight, so a long
name pushes its line's later fields a stop on); some names quoted
("\\"Qwen-14B Chat\\",14,67.3"), some fields empty or "n/a". A European file is
semicolon-separated with decimal commas ("67,3") and token counts printed with a unit
("4,5T", "1,4 Bio."); the same European table also drawn as a web page's, German names over
its columns. 12-20 px monospaced faces, some shrunk or saved as JPEG. The truth is the
table as written.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from browser import Browser
from PIL import Image, ImageDraw, ImageFont

from looks.common import BENCH, MODELS, size_of, table_page
from looks.raw_markdown import FACES, PALETTES, Palette, _finish

NAMES = [m for m in MODELS if "8x7B" not in m]
SUFFIXES = ["", "", "-Instruct", "-Chat", " Chat", " Base"]
# "rainbow CSV": a colour per column, for dark themes and for light ones
RAINBOW_DARK = [
    (224, 108, 117),
    (152, 195, 121),
    (229, 192, 123),
    (97, 175, 239),
    (198, 120, 221),
    (86, 182, 194),
    (209, 154, 102),
]
RAINBOW_LIGHT = [
    (175, 0, 219),
    (0, 92, 197),
    (3, 102, 50),
    (180, 80, 0),
    (207, 34, 46),
    (0, 110, 120),
    (110, 90, 0),
]
KINDS = ["editor", "terminal", "chat", "european", "tsv", "german_page"]


def _field(text: str, delimiter: str, quote: bool) -> str:
    """A field as a CSV writer prints it: quoted where it holds the delimiter or a space
    (and where the writer quotes every name)."""
    return (
        f'"{text}"' if quote or delimiter in text or (" " in text and delimiter != "\t") else text
    )


def _table(rng: random.Random, kind: str) -> tuple[list[str], list[list[str]], list[dict], str]:
    """The header, the printed fields, the truth's rows and the delimiter."""
    european = kind in ("european", "german_page")
    delimiter = {"european": ";", "tsv": "\t"}.get(kind, rng.choice([",", ",", ";"]))
    names = []
    while len(names) < rng.randint(4, 8):
        name = rng.choice(NAMES) + rng.choice(SUFFIXES)
        if name not in names:
            names.append(name)
    benches = rng.sample(BENCH, rng.randint(2, 5))
    lower = rng.random() < 0.5
    with_params = rng.random() < 0.6
    with_tokens = european or rng.random() < 0.3
    head = ["model" if lower else "Model"]
    if with_params:
        head.append("n_params_b" if lower else "Params")
    if with_tokens:
        head.append("tokens" if lower else "Tokens")
    head += [b.lower() if lower else b for b in benches]
    quote = rng.random() < 0.3
    decimals = rng.choice([1, 1, 2])
    unit = rng.choice(["T", " Bio.", " T"]) if european else "T"
    rows, printed = [], []
    for name in names:
        params = size_of(name)
        tokens = round(rng.choice([0.3, 1.0, 1.4, 2.0, 2.6, 3.5, 4.5, 7.0, 15.0]), 1)
        values = [round(rng.uniform(10, 92), decimals) for _ in benches]
        texts = [f"{v:.{decimals}f}" for v in values]
        missing = rng.random() < 0.15
        if missing:
            texts[rng.randrange(len(texts))] = rng.choice(["", "n/a"])
        if european:
            texts = [t.replace(".", ",") for t in texts]
        fields = [name if kind == "german_page" else _field(name, delimiter, quote)]
        if with_params:
            fields.append(f"{params:g}" if params else "")
        if with_tokens:
            shown = f"{tokens:g}".replace(".", ",") if european else f"{tokens:g}"
            fields.append(shown + unit if european else shown)
        fields += texts
        printed.append(fields)
        mmlu_at = benches.index("MMLU") if "MMLU" in benches else None
        mmlu = None
        if mmlu_at is not None and texts[mmlu_at] not in ("", "n/a"):
            mmlu = values[mmlu_at]
        cells = [name]
        if with_params:
            cells.append(f"{params:g}" if params else "-")
        if with_tokens:
            cells.append(f"{tokens:g}T")
        cells += [t.replace(",", ".") if t not in ("", "n/a") else "-" for t in texts]
        rows.append(
            {
                "model": name,
                "params_b": params,
                "tokens_t": tokens if with_tokens else None,
                "mmlu": mmlu,
                "cells": cells,
            }
        )
    return head, printed, rows, delimiter


def _text_of(fields: list[str], delimiter: str) -> list[tuple[str, int | None]]:
    """A line's pieces and each one's column (None for a delimiter), tabs expanded to
    stops eight characters apart."""
    pieces: list[tuple[str, int | None]] = []
    at = 0
    for k, field in enumerate(fields):
        pieces.append((field, k))
        at += len(field)
        if k < len(fields) - 1:
            if delimiter == "\t":
                gap = 8 - at % 8
                pieces.append((" " * gap, None))
                at += gap
            else:
                pieces.append((delimiter, None))
                at += 1
    return pieces


def _draw(kind: str, lines: list[list[str]], delimiter: str, rng: random.Random) -> Image.Image:
    face = rng.choice(FACES)
    size = rng.randint(12, 20)
    font = ImageFont.truetype(face, size)
    advance = font.getlength("0")
    pitch = round(size * rng.uniform(1.25, 1.7))
    dark = rng.random() < 0.5
    if kind == "terminal":
        palette = PALETTES["terminal"]
    elif kind == "chat":
        palette = Palette(
            (246, 248, 250),
            (36, 41, 47),
            (36, 41, 47),
            (5, 80, 174),
            (36, 41, 47),
            (246, 248, 250),
            (255, 255, 255),
        )
    else:
        names = ["one_dark", "dracula", "nord"] if dark else ["github_light", "solarized_light"]
        palette = PALETTES[rng.choice(names)]
    rainbow = kind in ("editor", "european", "tsv") and rng.random() < 0.8
    colours = RAINBOW_DARK if sum(palette.page) < 300 else RAINBOW_LIGHT
    gutter = kind in ("editor", "european", "tsv")
    texts = [_text_of(fields, delimiter) for fields in lines]
    longest = max(sum(len(p) for p, _ in t) for t in texts)
    prompt = "$ cat results.csv" if kind == "terminal" else ""
    top = pitch + 12 if gutter else (pitch + 8 if prompt else 14)
    left = 10 + advance * (6 if gutter else 1)
    chat_pad = 30 if kind == "chat" else 0
    width = int(left + advance * (longest + rng.randint(3, 16))) + 20 + 2 * chat_pad
    height = top + pitch * (len(lines) + rng.randint(1, 2)) + 12 + chat_pad
    page = (255, 255, 255) if kind == "chat" else palette.page
    img = Image.new("RGB", (width, height), page)
    d = ImageDraw.Draw(img)
    if kind == "chat":
        d.rounded_rectangle(
            (chat_pad - 10, chat_pad - 8, width - chat_pad + 10, height - 8),
            radius=8,
            fill=palette.page,
            outline=(208, 215, 222),
        )
    if gutter:
        d.rectangle((0, 0, width, top - 4), fill=palette.tab)
        title = "results.tsv" if kind == "tsv" else "results.csv"
        d.rectangle((0, 0, int(advance * (len(title) + 6)), top - 4), fill=palette.page)
        d.text((12, 6), f"{title}  ×", fill=palette.text, font=font)
    if prompt:
        d.text((12, 6), prompt, fill=palette.text, font=font)
    start = 1
    for k, pieces in enumerate(texts):
        y = top + k * pitch + (chat_pad if kind == "chat" else 0)
        if gutter:
            d.text((10, y), f"{start + k:>4}", fill=palette.gutter, font=font)
        x = left + chat_pad
        for piece, column in pieces:
            if column is None:
                colour = palette.pipe if not rainbow else palette.text
            elif rainbow:
                colour = colours[column % len(colours)]
            else:
                colour = palette.text
            d.text((x, y), piece, fill=colour, font=font)
            x += advance * len(piece)
    return img


def _german_page(
    browser: Browser, head: list[str], printed: list[list[str]], rng: random.Random
) -> tuple[Image.Image, list[str]]:
    """The European table drawn as a web page's: German names over its columns, its
    scores with decimal commas, its token counts with a unit ("4,5T", "1,4 Bio."); the
    picture and the header as printed."""
    names = {
        "model": "Modell",
        "n_params_b": "Parameter (Mrd.)",
        "params": "Parameter",
        "tokens": "Trainings-Token",
    }
    header = [names.get(h.lower(), h) for h in head]
    font = rng.choice(["DejaVu Sans", "Liberation Sans", "Liberation Serif"])
    style = (
        f"body{{margin:0;background:#fff;font-family:'{font}'}}"
        "#shot{display:inline-block;padding:16px}"
        f"table{{border-collapse:collapse;font-size:{rng.randint(13, 17)}px}}"
        "th{border-bottom:2px solid #333;padding:5px 12px;text-align:left}"
        "td{border-bottom:1px solid #ccc;padding:4px 12px}"
    )
    shot = browser.shoot(table_page(style, header, printed), rng.choice([1.0, 1.0, 2.0]))
    return shot, header


def generate(out: Path, count: int, seed: int) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    browser = Browser((1100, 800))
    for i in range(count):
        kind = KINDS[i % len(KINDS)]
        head, printed, rows, delimiter = _table(rng, kind)
        if kind == "german_page":
            img, head = _german_page(browser, head, printed, rng)
        else:
            img = _draw(kind, [head, *printed], delimiter, rng)
        name = f"delimited_text_{i:03d}.png"
        _finish(rng, img).save(out / name)
        columns = [head[0].capitalize(), *head[1:]]  # "Modell" stays
        truth[name] = {
            "columns": columns,
            "settings": [None] * len(columns),
            "rows": rows,
            "style": f"delimited_text_{kind}",
        }
    browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
