"""Tables whose column names have something in or around their header cells, drawn with
PIL (several faces and sizes, some JPEG), one kind a style:

- ``mono_tokens``: scores set right in a monospaced face beside names in a proportional
  one, a narrow "Tokens" column ("12.0T", "2.5T") among them;
- ``group_titles``: a line of group titles ("General", "Code & Math") centred over two or
  three columns, the page drawn at twice its size and shrunk by about 0.6, "—" for missing
  values;
- ``type_icons``: a no-code grid's field-type icons (a "#", an "A", a calendar, a "%",
  drawn grey and small) before each column name, in ruled cells;
- ``citations``: names ending in a bracket ("GSM8K (pass@1)") with a raised citation after
  them ("[3]", "³", "†");
- ``han_brackets``: a Chinese page whose Latin names carry full-width brackets
  ("BBH（0-shot）") beside Han ones ("参数量").

The truth names each column by its own header cell (a group title is no part of it, nor an
icon or a citation)."""

from __future__ import annotations

import json
import random
from itertools import cycle
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from looks.common import MODELS, save_shot, size_of

TRUETYPE = Path("/usr/share/fonts/truetype")
PROPORTIONAL = [
    TRUETYPE / "dejavu" / "DejaVuSans.ttf",
    TRUETYPE / "liberation" / "LiberationSans-Regular.ttf",
    TRUETYPE / "liberation" / "LiberationSerif-Regular.ttf",
    TRUETYPE / "freefont" / "FreeSans.ttf",
]
MONOSPACED = [
    TRUETYPE / "dejavu" / "DejaVuSansMono.ttf",
    TRUETYPE / "liberation" / "LiberationMono-Regular.ttf",
    TRUETYPE / "freefont" / "FreeMono.ttf",
]
HAN_FACE = TRUETYPE / "wqy" / "wqy-zenhei.ttc"
BENCHES = ["MMLU", "GSM8K", "BBH", "MATH", "HumanEval", "AGIEval", "ARC-C", "HellaSwag",
           "TriviaQA", "GPQA", "IFEval", "MBPP", "LiveBench", "Arena-Hard"]
GROUPS = ["General", "Knowledge", "Code & Math", "Reasoning", "Long Context", "Chat"]
STYLES = ["mono_tokens", "group_titles", "type_icons", "citations", "han_brackets"]
GREY = (115, 115, 125)


def _face(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path if path.is_file() else PROPORTIONAL[0]), size)


def _icon(draw: ImageDraw.ImageDraw, kind: str, x: float, y: float, size: int) -> None:
    """A field-type icon, about three quarters of the text's size, in grey."""
    side = round(size * 0.7)
    if kind == "calendar":
        draw.rectangle((x, y + 3, x + side, y + 3 + side), outline=GREY, width=1)
        draw.line((x, y + 3 + side // 3, x + side, y + 3 + side // 3), fill=GREY, width=1)
    elif kind == "number":
        draw.text((x, y + 1), "#", fill=GREY, font=_face(PROPORTIONAL[0], side))
    elif kind == "text":
        draw.text((x, y + 2), "A", fill=GREY, font=_face(PROPORTIONAL[0], side))
    else:
        draw.text((x, y + 1), "%", fill=GREY, font=_face(PROPORTIONAL[0], side))


def _columns(rng: random.Random, style: str) -> tuple[list[str], list[str]]:
    """The names as the truth gives them, and as printed (a setting in full-width brackets
    on the Chinese page, a setting in brackets before a citation)."""
    benches = rng.sample(BENCHES, rng.randint(3, 5))
    if style == "han_brackets":
        printed = [f"{b}（{rng.choice(['0-shot', '5-shot', '3-shot'])}）" for b in benches]
        return ["模型", "参数量", *printed], ["模型", "参数量", *printed]
    if style == "citations":
        printed = [f"{b} ({rng.choice(['pass@1', '5-shot', 'EM', 'acc'])})"
                   if rng.random() < 0.6 else b for b in benches]
        return ["Model", *printed], ["Model", *printed]
    if style == "mono_tokens":
        return ["Model", "Tokens", *benches], ["Model", "Tokens", *benches]
    return ["Model", *benches], ["Model", *benches]


def generate(out: Path, count: int, seed: int) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    rng, truth = random.Random(seed), {}
    for i, style in zip(range(count), cycle(STYLES), strict=False):
        truth_columns, printed = _columns(rng, style)
        models = rng.sample(MODELS, rng.randint(4, 7))
        zoom = 2 if style == "group_titles" else 1
        size = rng.randint(12, 16) * zoom
        names_face = _face(rng.choice(PROPORTIONAL), size)
        if style == "han_brackets":
            names_face = _face(HAN_FACE, size)
        header_face = _face(HAN_FACE, size) if style == "han_brackets" else names_face
        numbers_face = _face(rng.choice(MONOSPACED), size) if style == "mono_tokens" \
            else names_face
        small = _face(PROPORTIONAL[0], round(size * 0.6))
        rows, cells = [], []
        for model in models:
            texts = [model]
            tokens = None
            for name in truth_columns[1:]:
                if name == "Tokens":
                    tokens = rng.choice([1.0, 1.4, 2.0, 2.5, 3.0, 6.0, 12.0, 15.0])
                    texts.append(f"{tokens:.1f}T")
                elif name == "参数量":
                    texts.append(f"{size_of(model) or 7:g}B")
                elif style == "group_titles" and rng.random() < 0.12:
                    texts.append("—")
                else:
                    texts.append(f"{rng.uniform(15, 89):.1f}")
            mmlu = next((float(t) for n, t in zip(truth_columns, texts, strict=True)
                         if n.startswith("MMLU") and t != "—"), None)
            rows.append({"model": model, "params_b": size_of(model), "tokens_t": tokens,
                         "mmlu": mmlu, "cells": texts})
            cells.append(texts)
        icons = [rng.choice(["calendar", "number", "text", "percent"]) for _ in printed]
        citations = {c: rng.choice(["[3]", "³", "†", "[12]", "¹"])
                     for c in range(1, len(printed)) if style == "citations" and "(" in printed[c]}
        lead = round(size * 1.2) if style == "type_icons" else 0
        pad = round(size * rng.uniform(0.9, 1.6))
        widths = [
            max([lead + header_face.getlength(name) + small.getlength(citations.get(c, ""))]
                + [(names_face if c == 0 else numbers_face).getlength(row[c]) for row in cells])
            + pad
            for c, name in enumerate(printed)
        ]
        xs = [float(size)]
        for width in widths:
            xs.append(xs[-1] + width)
        pitch = round(size * rng.uniform(1.6, 2.0))
        top = size + (round(size * 1.3) if style == "group_titles" else 0)
        image = Image.new("RGB", (int(xs[-1] + size), top + pitch * (len(cells) + 2)), "white")
        draw = ImageDraw.Draw(image)
        if style == "group_titles":
            first = 1
            while first < len(printed) - 1:  # a group spans two columns or more
                last = min(len(printed) - 1, first + rng.choice([1, 2]))
                title = rng.choice(GROUPS)
                middle = (xs[first] + xs[last + 1] - pad) / 2
                draw.text((middle - header_face.getlength(title) / 2, size), title,
                          fill="black", font=header_face)
                first = last + 1
        for c, name in enumerate(printed):
            right = xs[c + 1] - pad / 2
            if style == "type_icons":
                draw.line((xs[c + 1] - pad / 4, top - 4, xs[c + 1] - pad / 4,
                           top + pitch * (len(cells) + 1)), fill=(215, 215, 220), width=1)
            if c == 0 or style == "type_icons":
                x = xs[c] + (lead if c else 0)
                if c:
                    _icon(draw, icons[c], xs[c], top, size)
            else:
                x = right - header_face.getlength(name) - small.getlength(citations.get(c, ""))
            draw.text((x, top), name, fill="black", font=header_face)
            if c in citations:
                draw.text((x + header_face.getlength(name) + 1, top - size * 0.3), citations[c],
                          fill="black", font=small)
        draw.line((xs[0], top + pitch - 5, xs[-1], top + pitch - 5), fill="black", width=zoom)
        for r, texts in enumerate(cells):
            y = top + pitch * (r + 1)
            for c, text in enumerate(texts):
                face = names_face if c == 0 else numbers_face
                x = xs[c] if c == 0 else xs[c + 1] - pad / 2 - face.getlength(text)
                draw.text((x, y), text, fill="black", font=face)
        shrink = rng.uniform(0.55, 0.65) if zoom > 1 else 1.0  # a page at twice the size
        shown = image.resize([round(side * shrink) for side in image.size], Image.LANCZOS)
        truth[save_shot(shown, out, f"heads_{i:03d}", rng, 0.3)] = dict(
            columns=truth_columns, settings=[None] * len(truth_columns), rows=rows, style=style
        )
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
