"""A chat message with a monospaced table in a code block: Markdown pipes, ``+---+`` boxes,
Unicode box drawing, psql and tabulate layouts, in light and dark chat apps (Slack, Discord,
ChatGPT, GitHub, a terminal), some with syntax colours, some shrunk or saved as JPEG."""

import io
import json
import random
import re
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from looks.common import BENCH, MODELS, size_of

MONO = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
    "/usr/share/fonts/truetype/freefont/FreeMono.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf",
    "/usr/share/fonts/truetype/freefont/FreeMonoBold.ttf",
]
SANS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/open-sans/OpenSans-Regular.ttf",
]

# page, text, code block background, code text, code border (None: no border)
THEMES = {
    "discord": ((54, 57, 63), (220, 221, 222), (47, 49, 54), (220, 221, 222), (32, 34, 37)),
    "slack": ((255, 255, 255), (29, 28, 29), (248, 248, 248), (29, 28, 29), (221, 221, 221)),
    "chatgpt_dark": ((33, 33, 33), (236, 236, 236), (13, 13, 13), (230, 230, 230), None),
    "chatgpt_light": (
        (255, 255, 255),
        (13, 13, 13),
        (249, 249, 249),
        (36, 41, 47),
        (229, 229, 229),
    ),
    "github_dark": ((13, 17, 23), (201, 209, 217), (22, 27, 34), (201, 209, 217), (48, 54, 61)),
    "terminal": ((0, 0, 0), (200, 200, 200), (0, 0, 0), (170, 255, 170), None),
    "vscode": ((30, 30, 30), (212, 212, 212), (37, 37, 38), (212, 212, 212), (60, 60, 60)),
}
# syntax colours: rules, numbers (on dark, on light)
ACCENTS = {
    True: [((110, 118, 129), (181, 206, 168)), ((128, 128, 128), (209, 154, 102))],
    False: [((150, 150, 150), (9, 134, 88)), ((175, 184, 193), (5, 80, 174))],
}
STYLES = [
    "markdown",
    "markdown_colons",
    "ascii_box",
    "ascii_rows",
    "unicode",
    "unicode_double",
    "no_outer",
    "psql",
    "simple",
    "markdown_tight",
]
MESSAGES = [
    "here are the numbers:",
    "new eval results",
    "results below",
    "Sure! Here is the comparison as a table:",
    "ran the evals overnight, see below",
]


def _pad(text: str, width: int, align: str) -> str:
    if align == "left":
        return text.ljust(width)
    if align == "right":
        return text.rjust(width)
    return text.center(width)


def table_text(
    columns: list[str],
    rows: list[list[str]],
    style: str,
    rng: random.Random,
) -> list[str]:
    """The table as lines of monospaced text in one of the layouts chat users paste."""
    pad = 0 if style == "markdown_tight" else rng.choice([1, 1, 1, 2])
    widths = [max(len(r[c]) for r in [columns, *rows]) for c in range(len(columns))]
    number_align = rng.choice(["right", "right", "left", "center"])
    name_align = rng.choice(["left", "left", "left", "center"])
    head_align = rng.choice(["left", "center", "same"])

    def align(c: int, head: bool) -> str:
        if head and head_align != "same":
            return head_align
        return name_align if c == 0 else number_align

    def cells(values: list[str], head: bool) -> list[str]:
        space = " " * pad
        return [
            space + _pad(v, w, align(c, head)) + space
            for c, (v, w) in enumerate(zip(values, widths, strict=True))
        ]

    def joined(values: list[str], head: bool, bar: str, outer: bool = True) -> str:
        inner = bar.join(cells(values, head))
        return f"{bar}{inner}{bar}" if outer else inner

    spans = [w + 2 * pad for w in widths]
    body = rows
    if style in ("markdown", "markdown_tight", "markdown_colons"):
        if style == "markdown_colons":
            marks = ["-" * s for s in spans]
            marks = [
                ":" + m[1:] if align(c, False) == "left" else m[:-1] + ":"
                for c, m in enumerate(marks)
            ]
        else:
            marks = ["-" * s for s in spans]
        rule = "|" + "|".join(marks) + "|"
        return [joined(columns, True, "|"), rule, *(joined(r, False, "|") for r in body)]
    if style in ("ascii_box", "ascii_rows"):
        edge = "+" + "+".join("-" * s for s in spans) + "+"
        head_rule = edge if rng.random() < 0.6 else "+" + "+".join("=" * s for s in spans) + "+"
        lines = [edge, joined(columns, True, "|"), head_rule]
        for k, r in enumerate(body):
            lines.append(joined(r, False, "|"))
            if style == "ascii_rows" and k < len(body) - 1:
                lines.append(edge)
        return [*lines, edge]
    if style in ("unicode", "unicode_double"):
        h = "─"
        top = "┌" + "┬".join(h * s for s in spans) + "┐"
        if style == "unicode_double":
            mid = "╞" + "╪".join("═" * s for s in spans) + "╡"
        else:
            mid = "├" + "┼".join(h * s for s in spans) + "┤"
        bottom = "└" + "┴".join(h * s for s in spans) + "┘"
        return [
            top,
            joined(columns, True, "│"),
            mid,
            *(joined(r, False, "│") for r in body),
            bottom,
        ]
    if style == "no_outer":
        rule = "|".join("-" * s for s in spans)
        return [
            joined(columns, True, "|", outer=False),
            rule,
            *(joined(r, False, "|", outer=False) for r in body),
        ]
    if style == "psql":
        rule = "+".join("-" * s for s in spans)
        return [
            joined(columns, True, "|", outer=False),
            rule,
            *(joined(r, False, "|", outer=False) for r in body),
        ]
    # "simple" (tabulate): two spaces between columns, dashes under each header
    gap = " " * rng.choice([2, 2, 3])
    line = [
        gap.join(
            _pad(v, w, align(c, True)) for c, (v, w) in enumerate(zip(columns, widths, strict=True))
        )
    ]
    rule = gap.join("-" * w for w in widths)
    rows_text = [
        gap.join(
            _pad(v, w, align(c, False)) for c, (v, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in body
    ]
    return [*line, rule, *rows_text]


RULE_CHARS = set("|+-=:─│┌┐└┘├┤┬┴┼═╞╡╪")


def _draw_line(
    d: ImageDraw.ImageDraw,
    x: float,
    y: float,
    text: str,
    font: ImageFont.FreeTypeFont,
    colours: tuple,
    char_w: float,
) -> None:
    """One line of code, character by character so that rules and numbers take their own
    colour (a syntax highlighter's); on a monospaced grid the positions are exact."""
    code, rule, number = colours
    rule_line = set(text.strip()) <= RULE_CHARS | {" "}
    tokens = re.split(r"([|│])", text)
    k = 0
    for token in tokens:
        numeric = bool(re.fullmatch(r"\s*[\d.]+\s*", token))
        for ch in token:
            if rule_line or ch in "|│":
                colour = rule
            elif numeric and not ch.isspace():
                colour = number
            else:
                colour = code
            d.text((x + k * char_w, y), ch, fill=colour, font=font)
            k += 1


def generate(out: Path, count: int, seed: int) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    for i in range(count):
        n, nb = rng.randint(3, 7), rng.randint(2, 5)
        models = rng.sample(MODELS, n)
        benches = rng.sample(BENCH, nb)
        with_params = rng.random() < 0.5
        params_name = rng.choice(["Params", "Size", "#Params"])
        columns = ["Model"] + ([params_name] if with_params else []) + benches
        decimals = rng.choice([1, 1, 2])
        rows = []
        for m in models:
            p = size_of(m)
            cells = [m] + ([f"{p:g}B" if p else "-"] if with_params else [])
            vals = [f"{rng.uniform(5, 95):.{decimals}f}" for _ in benches]
            cells += vals
            mmlu = float(vals[benches.index("MMLU")]) if "MMLU" in benches else None
            rows.append({"model": m, "params_b": p, "tokens_t": None, "mmlu": mmlu, "cells": cells})
        style = rng.choice(STYLES)
        text = table_text(columns, [r["cells"] for r in rows], style, rng)
        theme_name = rng.choice(list(THEMES))
        page, prose, code_bg, code_fg, border = THEMES[theme_name]
        dark = sum(page) < 300
        size = rng.randint(11, 18)
        mono = ImageFont.truetype(rng.choice(MONO), size)
        sans = ImageFont.truetype(rng.choice(SANS), size)
        char_w = mono.getlength("0")
        pitch = round(size * rng.uniform(1.15, 1.6))
        colours = (code_fg, code_fg, code_fg)
        if rng.random() < 0.4 and theme_name != "terminal":
            rule_colour, number_colour = rng.choice(ACCENTS[sum(code_bg) < 300])
            colours = (code_fg, rule_colour, number_colour)
        tw = int(char_w * max(len(t) for t in text))
        chatgpt = theme_name.startswith("chatgpt")
        bar = pitch + 10 if chatgpt else 0  # the "plaintext  Copy code" bar
        title = rng.random() < 0.25
        after = rng.random() < 0.4
        lines = len(text) + (2 if title else 0)
        W = tw + 140
        top = 62 if not chatgpt else 44
        H = top + bar + pitch * lines + 24 + (40 if after else 16)
        img = Image.new("RGB", (W, H), page)
        d = ImageDraw.Draw(img)
        if chatgpt:
            d.text((24, 12), rng.choice(MESSAGES), fill=prose, font=sans)
            left = 24
        else:
            d.ellipse(
                (12, 12, 48, 48), fill=rng.choice([(88, 101, 242), (224, 30, 90), (46, 182, 125)])
            )
            d.text(
                (60, 12),
                f"benchbot  Today at {rng.randint(1, 12)}:{rng.randint(0, 59):02d}",
                fill=prose,
                font=sans,
            )
            d.text((60, 34), rng.choice(MESSAGES), fill=prose, font=sans)
            left = 56
        box = (left, top, left + tw + 28, top + bar + pitch * lines + 16)
        d.rounded_rectangle(box, radius=rng.choice([0, 4, 6]), fill=code_bg, outline=border)
        if chatgpt:
            band = (47, 47, 47) if dark else (236, 236, 236)
            d.rounded_rectangle((box[0], box[1], box[2], box[1] + bar), radius=4, fill=band)
            d.text((box[0] + 12, box[1] + 5), "plaintext", fill=prose, font=sans)
            d.text(
                (box[2] - 12 - sans.getlength("Copy code"), box[1] + 5),
                "Copy code",
                fill=prose,
                font=sans,
            )
        y = top + bar + 8
        if title:
            _draw_line(
                d,
                left + 14,
                y,
                rng.choice(["# eval results", "Results (5-shot)", "== benchmark =="]),
                mono,
                colours,
                char_w,
            )
            y += 2 * pitch
        for k, t in enumerate(text):
            _draw_line(d, left + 14, y + k * pitch, t, mono, colours, char_w)
        if after:
            d.text(
                (left, box[3] + 10), "Let me know if you want the raw logs.", fill=prose, font=sans
            )
        scale = rng.choice([1.0, 1.0, 0.8, 0.7, 1.5])
        if size * scale < 9.5:  # smaller than any chat app sets code
            scale = 1.0
        if scale != 1.0:
            img = img.resize((round(W * scale), round(H * scale)), Image.Resampling.LANCZOS)
        name = f"ascii_{i:03d}.png"
        if rng.random() < 0.3:  # a screenshot passed around as JPEG, kept under its name
            buffer = io.BytesIO()
            img.save(buffer, "JPEG", quality=rng.randint(60, 90))
            img = Image.open(buffer).convert("RGB")
        img.save(out / name)
        truth[name] = {
            "columns": columns,
            "settings": [None] * len(columns),
            "rows": rows,
            "style": "ascii_block",
        }
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
