"""Tables typed as plain text in a monospaced font, aligned with spaces only, among prose:

- **archive**: a mailing-list archive's page (pipermail's: a title and the sender in a
  proportional font, the message body in a ``<pre>`` block);
- **email**: a plain-text email in a mail client (header fields, the body in monospace);
- **terminal**: ``cat results.txt`` in a terminal, light or dark;
- **code**: a code block in a document, prose above and below in a proportional font.

The table: a header line, a line of dashes under each column's name, rows with the name
set left and the numbers right, two spaces between columns, "n/a" where a run is missing,
sometimes a second dash line and a "mean" row at the bottom (no model's row). Checkpoints
of made-up families, some starting with i, I or l (letters a monospaced font draws alike).
DejaVu Sans Mono, Liberation Mono and FreeMono (Courier-like), 12-16 px, some as JPEG.
"""

import json
import random
import re
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from looks.common import FONTS, save_shot

MONO = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
    "/usr/share/fonts/truetype/freefont/FreeMono.ttf",
    "/usr/share/fonts/truetype/freefont/FreeMonoBold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationMono-Bold.ttf",
]
KINDS = ["archive", "email", "terminal", "code"]
BENCHES = [
    "MMLU (5-shot)",
    "MMLU",
    "HumanEval",
    "GSM8K",
    "GSM8K (8-shot)",
    "ARC-C",
    "HellaSwag",
    "MATH",
    "BBH (3-shot)",
    "TriviaQA",
    "ARC",
    "BBH",
    "PIQA",
]
# family stems: some begin with letters a monospaced i, l and I are easily confused for
STEMS = ["ispira", "Ilvan", "lumen", "inkwell", "Ibex", "orca", "tessel", "lirio", "Isola"]
GREETINGS = ["Hi all,", "Hello everyone,", "Hi team,", "All,"]
LEADS = [
    "Numbers from this week's run:",
    "Here are the latest eval numbers (greedy, no CoT):",
    "Results for the new checkpoints below.",
    "Quick update on the ablations:",
]
AFTERS = [
    "n/a means the job did not finish in time.",
    "Will rerun the missing ones tomorrow.",
    "Let me know if anything looks off.",
]
SIGNATURES = [["Cheers,", "Dana"], ["Thanks,", "-- Alex"], ["Best,", "Sam K."]]


def size_in(name: str) -> float | None:
    match = re.search(r"-(\d+(?:\.\d+)?)[bB](?![a-z])", name)
    return float(match.group(1)) if match else None


def checkpoint_names(rng: random.Random, count: int) -> list[str]:
    """Checkpoints of one or two families: sizes, steps or variants of each stem."""
    stems = rng.sample(STEMS, rng.choice([1, 2, 2]))
    upper = rng.random() < 0.5
    names: list[str] = []
    while len(names) < count:
        stem = rng.choice(stems)
        size = rng.choice(["1.3", "3", "7", "13", "34", "70"])
        unit = "B" if upper else "b"
        shape = rng.choice(["step", "variant", "plain"])
        if shape == "step":
            name = f"{stem}-{size}{unit}-s{rng.choice([10, 20, 40, 80, 120])}k"
        elif shape == "variant":
            name = f"{stem}-{size}{unit}-{rng.choice(['base', 'chat', 'sft', 'dpo'])}"
        else:
            name = f"{stem}-{size}{unit}"
        if name not in names:
            names.append(name)
    return names


def table_lines(
    columns: list[str], rows: list[list[str]], mean: list[str] | None, rng: random.Random
) -> list[str]:
    """The table as text: names set left, numbers right, two spaces between columns."""
    everything = [columns, *rows, *([mean] if mean else [])]
    widths = [max(len(r[c]) for r in everything) for c in range(len(columns))]

    heads_left = rng.random() < 0.4

    def line(cells: list[str], head: bool = False) -> str:
        parts = [
            v.ljust(w) if c == 0 or (head and heads_left) else v.rjust(w)
            for c, (v, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    lines = [line(columns, True), rule, *(line(r) for r in rows)]
    if mean:
        if rng.random() < 0.6:
            lines.append(rule)
        lines.append(line(mean))
    return lines


def _body(rng: random.Random, table: list[str]) -> list[str]:
    lines = [rng.choice(GREETINGS), "", rng.choice(LEADS), ""]
    indent = " " * rng.choice([0, 0, 2, 4])
    lines += [indent + t for t in table]
    lines += ["", rng.choice(AFTERS)] if rng.random() < 0.7 else []
    return [*lines, "", *rng.choice(SIGNATURES)]


def draw(kind: str, rng: random.Random, table: list[str]) -> Image.Image:
    size = rng.randint(12, 16)
    mono = ImageFont.truetype(rng.choice(MONO), size)
    sans = ImageFont.truetype(rng.choice(FONTS), size + rng.choice([0, 1, 2]))
    char_w = mono.getlength("0")
    pitch = round(size * rng.uniform(1.15, 1.45))
    ink, page = (20, 20, 20), (255, 255, 255)
    if kind == "terminal" and rng.random() < 0.6:
        page, ink = rng.choice([((0, 0, 0), (204, 204, 204)), ((48, 10, 36), (238, 238, 236))])
    head: list[tuple[str, ImageFont.FreeTypeFont]] = []
    if kind == "archive":
        head = [
            (f"[eval-list] {rng.choice(['Weekly eval numbers', 'Re: checkpoint sweep'])}", sans),
            (f"{rng.choice(['Dana Ruiz', 'Alex Moreau'])} dana at example.org", sans),
            (f"Tue Mar {rng.randint(1, 28)} 10:{rng.randint(10, 59)}:07 UTC 2024", sans),
        ]
        body = _body(rng, table)
    elif kind == "email":
        head = [
            ("From: Dana Ruiz <dana@example.org>", sans),
            ("Subject: eval results", sans),
        ]
        body = _body(rng, table)
    elif kind == "terminal":
        body = [f"$ {rng.choice(['cat results.txt', 'python summarize.py'])}", *table, "$"]
    else:
        head = [(rng.choice(LEADS), sans)]
        body = table
    code = kind == "code"
    width = int(char_w * max(len(t) for t in body)) + rng.randint(60, 200)
    height = 20 + len(head) * (pitch + 6) + (14 if head else 0) + pitch * len(body) + 24
    height += 2 * pitch if code else 0
    img = Image.new("RGB", (width, height), page)
    d = ImageDraw.Draw(img)
    y = 12
    for k, (text, font) in enumerate(head):
        d.text(
            (16, y), text, fill=(60, 60, 140) if k == 0 and kind == "archive" else ink, font=font
        )
        y += pitch + 6
    if head:
        if kind != "code":
            d.line((12, y + 2, width - 12, y + 2), fill=(170, 170, 170))
        y += 14
    left = 16
    if code:
        d.rectangle(
            (12, y - 6, width - 12, y + pitch * len(body) + 6),
            fill=(246, 248, 250),
            outline=(220, 222, 226),
        )
        left = 24
    for text in body:
        d.text((left, y), text, fill=ink, font=mono)
        y += pitch
    if code:
        d.text((16, y + 14), rng.choice(AFTERS), fill=ink, font=sans)
    scale = rng.choice([1.0, 1.0, 1.0, 1.25, 0.9])
    if scale != 1.0:
        img = img.resize(
            (round(img.width * scale), round(img.height * scale)), Image.Resampling.LANCZOS
        )
    return img


def generate(out: Path, count: int, seed: int) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    for i in range(count):
        kind = KINDS[i % len(KINDS)]
        names = checkpoint_names(rng, rng.randint(4, 8))
        benches = rng.sample(BENCHES, rng.randint(3, 5))
        bases = [b.split(" (")[0] for b in benches]
        benches = [b for k, b in enumerate(benches) if bases.index(bases[k]) == k]
        with_tokens = rng.random() < 0.5
        # a column of bare sizes right before the scores: a digit two spaces from a digit
        size_name = rng.choice(["Params (B)", "Size (B)", "#Params", None, None])
        first = rng.choice(["Checkpoint", "Model", "Run"])
        columns = [first] + (["Tokens"] if with_tokens else []) + benches
        if size_name:
            columns.insert(1 + with_tokens, size_name)
        rows, cells = [], []
        totals: list[list[float]] = [[] for _ in benches]
        for name in names:
            tokens = rng.choice([0.5, 1.0, 1.5, 2.0, 3.0])
            values = []
            for b in range(len(benches)):
                if rng.random() < 0.1:
                    values.append("n/a")
                else:
                    v = round(rng.uniform(10, 90), 1)
                    totals[b].append(v)
                    values.append(f"{v:.1f}")
            row = [name] + ([f"{tokens:.1f}T"] if with_tokens else []) + values
            if size_name:
                row.insert(1 + with_tokens, f"{size_in(name):g}")
            cells.append(row)
            mmlu_at = next((k for k, b in enumerate(benches) if b.startswith("MMLU")), None)
            mmlu = None
            if mmlu_at is not None and values[mmlu_at] != "n/a":
                mmlu = float(values[mmlu_at])
            rows.append(
                {
                    "model": name,
                    "params_b": size_in(name),
                    "tokens_t": tokens if with_tokens else None,
                    "mmlu": mmlu,
                    "cells": row,
                }
            )
        mean = None
        if rng.random() < 0.4:
            means = [f"{sum(t) / len(t):.1f}" if t else "n/a" for t in totals]
            mean = ["mean"] + (["-"] if with_tokens else []) + means
            if size_name:
                mean.insert(1 + with_tokens, "")
        kind_image = draw(kind, rng, table_lines(columns, cells, mean, rng))
        name = save_shot(kind_image, out, f"fixed_width_{i:03d}", rng, 0.3)
        truth[name] = {
            "columns": columns,
            "settings": [None] * len(columns),
            "rows": rows,
            "style": kind,
        }
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
