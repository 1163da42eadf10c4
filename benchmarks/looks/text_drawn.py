"""Tables drawn with characters in an editor or a terminal, as their screenshots come:

- **editors**: an org table in Emacs (``|---+---|``, a ``#+TBLFM`` line, the mode line and
  the echo area), a Markdown pipe table's source in Vim (``~`` past the buffer's end, a
  status line) and in VS Code (a tab bar, a status bar), a Markdown table added in a
  GitHub diff (two gutters of line numbers, ``+`` before each line, green rows); line
  numbers in a gutter (absolute or Vim's relative), the cursor's line highlighted, the
  cursor a block on a cell, syntax colours for the rules and the numbers;
- **terminals**: ``psql`` (`` a | b `` over ``---+---``, ``(6 rows)``) and ``mysql``
  (``+---+`` boxes, ``6 rows in set``) after their prompts, Python ``tabulate``'s grid,
  psql, orgtbl, rst, simple, pipe and fancy_grid formats, ``rich`` tables (rendered by rich
  itself: heavy head, rounded, simple heavy) and ``column -t``'s plain alignment, with the
  command's prompt above and a prompt below.

DejaVu Sans Mono, Liberation Mono and FreeMono (a glyph the font lacks falls back to
DejaVu, as terminals do), 11-17 px, light and dark themes, some shrunk or saved as JPEG.
The truth is the table as printed: the gutter, prompts and status lines are no part of it.
"""

from __future__ import annotations

import io
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont

from looks.ascii_block import table_text
from looks.common import BENCH, MODELS, size_of

MONO = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
    "/usr/share/fonts/truetype/freefont/FreeMono.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationMono-Bold.ttf",
]
FALLBACK = MONO[0]
# Mixtral-8x7B is left out: the looks' truth sizes it 46.7B where no column prints a size,
# the reader 56B from its name, which says nothing about text-drawn tables.
NAMES = [m for m in MODELS if "8x7B" not in m]


@dataclass(frozen=True)
class Theme:
    """An editor's or terminal's colours: text, rules, numbers, gutter, the cursor's line,
    the status line."""

    page: tuple
    text: tuple
    rule: tuple
    number: tuple
    gutter: tuple
    cursor_line: tuple
    status: tuple
    status_text: tuple


EDITOR_THEMES = {
    "emacs_light": Theme(
        (255, 255, 255), (0, 0, 0), (0, 0, 255), (0, 0, 255), (160, 160, 160),
        (240, 240, 210), (191, 191, 191), (0, 0, 0),
    ),
    "monokai": Theme(
        (39, 40, 34), (248, 248, 242), (249, 38, 114), (174, 129, 255), (144, 144, 138),
        (62, 61, 50), (65, 67, 57), (248, 248, 242),
    ),
    "solarized_dark": Theme(
        (0, 43, 54), (147, 161, 161), (88, 110, 117), (42, 161, 152), (88, 110, 117),
        (7, 54, 66), (7, 54, 66), (147, 161, 161),
    ),
    "solarized_light": Theme(
        (253, 246, 227), (88, 110, 117), (147, 161, 161), (42, 161, 152), (147, 161, 161),
        (238, 232, 213), (238, 232, 213), (88, 110, 117),
    ),
    "gruvbox": Theme(
        (40, 40, 40), (235, 219, 178), (146, 131, 116), (211, 134, 155), (124, 111, 100),
        (60, 56, 54), (80, 73, 69), (235, 219, 178),
    ),
    "vscode_dark": Theme(
        (30, 30, 30), (212, 212, 212), (128, 128, 128), (181, 206, 168), (133, 133, 133),
        (40, 40, 40), (0, 122, 204), (255, 255, 255),
    ),
    "vscode_light": Theme(
        (255, 255, 255), (0, 0, 0), (128, 128, 128), (9, 134, 88), (35, 120, 147),
        (245, 245, 245), (0, 122, 204), (255, 255, 255),
    ),
}


def _terminal_theme(page: tuple, text: tuple, prompt: tuple) -> Theme:
    """A terminal's colours: one ink for text, rules and numbers, no gutter or status line
    (the prompt's colour stands in the status's place)."""
    return Theme(page, text, text, text, (0, 0, 0), page, page, prompt)


TERMINAL_THEMES = {
    "xterm": _terminal_theme((0, 0, 0), (204, 204, 204), (0, 205, 0)),
    "ubuntu": _terminal_theme((48, 10, 36), (238, 238, 236), (138, 226, 52)),
    "iterm_light": _terminal_theme((255, 255, 255), (0, 0, 0), (0, 135, 0)),
    "solarized_term": _terminal_theme((0, 43, 54), (131, 148, 150), (133, 153, 0)),
    "powershell": _terminal_theme((1, 36, 86), (238, 237, 240), (255, 255, 0)),
}

KINDS = [
    "emacs_org",
    "vim_markdown",
    "vscode_markdown",
    "github_diff",
    "psql_client",
    "mysql_client",
    "tabulate_terminal",
    "rich_terminal",
    "column_t",
]
TABULATE_FORMATS = ["grid", "psql", "orgtbl", "rst", "simple", "pipe", "fancy_grid"]


@dataclass
class Line:
    """A line of the buffer: its text, whether it is part of the table (rules and numbers in
    their syntax colours), and a ground of its own (a diff's green, a status line)."""

    text: str
    table: bool = False
    ground: tuple | None = None
    colour: tuple | None = None
    number: str = ""
    marks: str = ""


@dataclass
class Buffer:
    lines: list[Line]
    theme: Theme
    gutter: bool = False
    cursor_line: int | None = None
    cursor_column: int | None = None
    top_bar: str = ""
    bottom_bars: list[Line] = field(default_factory=list)


def _align(values: list[str], widths: list[int], numeric: list[bool]) -> list[str]:
    return [
        v.rjust(w) if numeric[c] else v.ljust(w)
        for c, (v, w) in enumerate(zip(values, widths, strict=True))
    ]


def tabulate_text(columns: list[str], rows: list[list[str]], fmt: str) -> list[str]:
    """``tabulate``'s layouts: numbers set right, text left, a header rule by format."""
    widths = [max(len(r[c]) for r in [columns, *rows]) for c in range(len(columns))]
    numeric = [c > 0 and all(r[c][:1].isdigit() for r in rows) for c in range(len(columns))]
    head, body = _align(columns, widths, numeric), [_align(r, widths, numeric) for r in rows]

    def boxed(cells: list[str], bar: str = "|") -> str:
        return f"{bar} " + f" {bar} ".join(cells) + f" {bar}"

    def rule(left: str, fill: str, cross: str, right: str) -> str:
        return left + cross.join(fill * (w + 2) for w in widths) + right

    if fmt == "grid":
        edge = rule("+", "-", "+", "+")
        lines = [edge, boxed(head), rule("+", "=", "+", "+")]
        for k, r in enumerate(body):
            lines += [boxed(r), edge] if k < len(body) - 1 else [boxed(r)]
        return [*lines, edge]
    if fmt == "fancy_grid":
        lines = [rule("╒", "═", "╤", "╕"), boxed(head, "│"), rule("╞", "═", "╪", "╡")]
        for k, r in enumerate(body):
            lines.append(boxed(r, "│"))
            if k < len(body) - 1:
                lines.append(rule("├", "─", "┼", "┤"))
        return [*lines, rule("╘", "═", "╧", "╛")]
    if fmt in ("psql", "mysql"):
        edge = rule("+", "-", "+", "+")
        under = edge if fmt == "mysql" else rule("|", "-", "+", "|")
        return [edge, boxed(head), under, *map(boxed, body), edge]
    if fmt == "orgtbl":
        return [boxed(head), rule("|", "-", "+", "|"), *map(boxed, body)]
    if fmt == "pipe":
        marks = [
            ("-" * (w + 1) + ":") if numeric[c] else (":" + "-" * (w + 1))
            for c, w in enumerate(widths)
        ]
        return [boxed(head), "|" + "|".join(marks) + "|", *map(boxed, body)]
    if fmt == "rst":
        edge = "  ".join("=" * w for w in widths)
        return [edge, "  ".join(head), edge, *("  ".join(r) for r in body), edge]
    # simple
    return ["  ".join(head), "  ".join("-" * w for w in widths), *("  ".join(r) for r in body)]


def rich_text(columns: list[str], rows: list[list[str]], rng: random.Random) -> list[str]:
    """A ``rich`` table as rich itself renders it, with its title."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    style = rng.choice([box.HEAVY_HEAD, box.ROUNDED, box.SIMPLE_HEAVY, box.SQUARE])
    table = Table(title=rng.choice(["Eval results", "Benchmarks", None]), box=style)
    for c, name in enumerate(columns):
        table.add_column(name, justify="left" if c == 0 else rng.choice(["right", "right", "left"]))
    for r in rows:
        table.add_row(*r)
    console = Console(record=True, width=200, color_system=None, file=io.StringIO())
    console.print(table)
    return [t.rstrip() for t in console.export_text().splitlines()]


def psql_text(columns: list[str], rows: list[list[str]]) -> list[str]:
    """psql's aligned output: names centred, `` | `` between cells, ``-+-`` under the
    header, ``(n rows)`` after."""
    widths = [max(len(r[c]) for r in [columns, *rows]) for c in range(len(columns))]
    numeric = [c > 0 and all(r[c][:1].isdigit() for r in rows) for c in range(len(columns))]
    head = " " + " | ".join(n.center(w) for n, w in zip(columns, widths, strict=True))
    rule = "-+-".join("-" * w for w in widths)
    body = [" " + " | ".join(_align(r, widths, numeric)) for r in rows]
    return [head.rstrip(), "-" + rule + "-", *body, f"({len(rows)} rows)"]


def column_t_text(columns: list[str], rows: list[list[str]]) -> list[str]:
    """``column -t``: every column set left, two spaces after the widest cell."""
    widths = [max(len(r[c]) for r in [columns, *rows]) for c in range(len(columns))]
    return ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip()
            for r in [columns, *rows]]


def _table_lines(texts: list[str]) -> list[Line]:
    return [Line(t, table=True) for t in texts]


def _editor(kind: str, rng: random.Random, columns: list[str], rows: list[list[str]]) -> Buffer:
    theme = EDITOR_THEMES[rng.choice(list(EDITOR_THEMES))]
    if kind == "emacs_org":
        table = tabulate_text(columns, rows, "orgtbl")
        if rng.random() < 0.4:
            edge = table[1]
            table = [edge, *table, edge]
        lines = [Line(rng.choice(["* Results", "** Evaluation :eval:", "#+NAME: evals"])),
                 Line(""), *_table_lines(table)]
        if rng.random() < 0.5:
            lines.append(Line(f"#+TBLFM: ${len(columns)}=vmean($2..${len(columns) - 1});%.1f"))
        lines += [Line(""), Line(rng.choice(["Numbers are 5-shot.", "TODO rerun GSM8K", ""]))]
        mode = f"-:**-  evals.org   {rng.randint(10, 90)}% L{rng.randint(3, 40)}   (Org)"
        bars = [Line(mode, ground=theme.status, colour=theme.status_text),
                Line(rng.choice(["", "Mark set", "Saving file /home/me/evals.org..."]))]
        return Buffer(lines, theme, rng.random() < 0.6, top_bar="", bottom_bars=bars)
    table = table_text(columns, rows, rng.choice(["markdown", "markdown_colons"]), rng)
    heading = [Line(rng.choice(["## Results", "### Benchmarks", "## Evaluation"])), Line("")]
    after = [Line(""), Line(rng.choice(["Scores are accuracy (%).", "See the paper."]))]
    if kind == "github_diff":
        lines = heading[:1]
        added = [*heading[1:], *_table_lines(table), *after[:1]]
        for line in added:
            line.marks = "+"
        lines += added
        return Buffer(lines, theme, True, top_bar="docs/results.md")
    lines = [*heading, *_table_lines(table), *after]
    if kind == "vim_markdown":
        lines += [Line("~") for _ in range(rng.randint(1, 4))]
        status = rng.choice(['"results.md" 24L, 812B', "-- INSERT --", ":w"])
        bars = [Line(f"results.md [+]{' ' * 30}{rng.randint(3, 20)},5  All",
                     ground=theme.status, colour=theme.status_text), Line(status)]
        return Buffer(lines, theme, True, bottom_bars=bars)
    bar = f"  Ln {rng.randint(3, 30)}, Col {rng.randint(1, 40)}   Spaces: 2   UTF-8   Markdown"
    bars = [Line(bar, ground=theme.status, colour=theme.status_text)]
    return Buffer(lines, theme, True, top_bar="results.md  x", bottom_bars=bars)


def _terminal(kind: str, rng: random.Random, columns: list[str], rows: list[list[str]]) -> Buffer:
    theme = TERMINAL_THEMES[rng.choice(list(TERMINAL_THEMES))]
    user = rng.choice(["me@box:~/evals$ ", "(venv) ~/evals % ", "$ "])
    names = ", ".join(c.lower() for c in columns)
    if kind == "psql_client":
        prompt = "evals=# "
        command = f"{prompt}SELECT {names} FROM results ORDER BY 2 DESC;"
        table = psql_text(columns, rows)
    elif kind == "mysql_client":
        prompt = "mysql> "
        command = f"{prompt}SELECT {names} FROM results;"
        table = tabulate_text(columns, rows, "mysql")
        table.append(f"{len(rows)} rows in set (0.0{rng.randint(0, 9)} sec)")
    elif kind == "tabulate_terminal":
        prompt = user
        fmt = rng.choice(TABULATE_FORMATS)
        command = f"{user}python report.py --fmt {fmt}"
        table = tabulate_text(columns, rows, fmt)
    elif kind == "rich_terminal":
        prompt = user
        command = f"{user}python -m evals.show"
        table = rich_text(columns, rows, rng)
    else:
        prompt = user
        command = f"{user}column -t -s, results.csv"
        table = column_t_text(columns, rows)
    lines = [Line(command), *_table_lines(table), Line(prompt)]
    cursor = (len(lines) - 1, len(prompt))
    return Buffer(lines, theme, False, cursor_line=cursor[0], cursor_column=cursor[1])


def _has_glyph(path: str) -> set[int]:
    return set(TTFont(path).getBestCmap())


def draw(buffer: Buffer, rng: random.Random) -> Image.Image:
    """The buffer in a monospaced font, character by character: rules and numbers of the
    table in their syntax colours, a gutter of line numbers, the cursor's line tinted."""
    path = rng.choice(MONO)
    size = rng.randint(11, 17)
    font, fallback = ImageFont.truetype(path, size), ImageFont.truetype(FALLBACK, size)
    known = _has_glyph(path)
    char_w = font.getlength("0")
    pitch = round(size * rng.uniform(1.05, 1.5))
    theme = buffer.theme
    start = rng.randint(1, 180)
    relative = rng.random() < 0.3
    diff = any(ln.marks for ln in buffer.lines)
    gutter_chars = (10 if diff else 5) if buffer.gutter else 0
    if buffer.cursor_line is None and buffer.gutter and not diff:
        buffer.cursor_line = rng.randrange(2, len(buffer.lines) - 2)
        buffer.cursor_column = rng.choice([None, 2, 3])
    top = pitch + 8 if buffer.top_bar else 4
    longest = max(len(ln.text) for ln in [*buffer.lines, *buffer.bottom_bars])
    cols = gutter_chars + 2 + longest + rng.randint(2, 16)
    width = int(char_w * cols) + 16
    height = top + pitch * (len(buffer.lines) + len(buffer.bottom_bars) + 1) + 8
    img = Image.new("RGB", (width, height), theme.page)
    d = ImageDraw.Draw(img)
    if buffer.top_bar:
        d.rectangle((0, 0, width, pitch + 4), fill=theme.cursor_line)
        d.text((10, 3), buffer.top_bar, fill=theme.text, font=font)
    left = 8 + char_w * (gutter_chars + 1)
    add_ground = (230, 255, 236) if sum(theme.page) > 380 else (18, 48, 34)
    n = -1
    for k, line in enumerate(buffer.lines):
        y = top + k * pitch
        n += not line.text.startswith("~")
        if line.marks:
            d.rectangle((0, y, width, y + pitch - 1), fill=add_ground)
        elif k == buffer.cursor_line and buffer.gutter:
            d.rectangle((0, y, width, y + pitch - 1), fill=theme.cursor_line)
        if buffer.gutter and not line.text.startswith("~"):
            if diff:
                old = "" if line.marks else str(start + n)
                number = f"{old:>4} {start + n:>4}"
            elif relative and buffer.cursor_line is not None and k != buffer.cursor_line:
                number = f"{abs(k - buffer.cursor_line):>4}"
            else:
                number = f"{start + n:>4}"
            d.text((8, y), number, fill=theme.gutter, font=font)
        x = left
        if line.marks:
            d.text((x - char_w, y), line.marks, fill=theme.text, font=font)
        rule_line = line.table and not any(ch.isalnum() for ch in line.text)
        for j, ch in enumerate(line.text):
            colour = line.colour or theme.text
            if line.table and (rule_line or ch in "|│┃+"):
                colour = theme.rule
            elif line.table and (ch.isdigit() or ch == ".") and _in_number(line.text, j):
                colour = theme.number
            glyph_font = font if ord(ch) in known else fallback
            if k == buffer.cursor_line and j == buffer.cursor_column:
                d.rectangle((x, y, x + char_w, y + pitch - 2), fill=theme.text)
                colour = theme.page
            d.text((x, y), ch, fill=colour, font=glyph_font)
            x += char_w
        if k == buffer.cursor_line and buffer.cursor_column == len(line.text):
            d.rectangle((x, y, x + char_w, y + pitch - 2), fill=theme.text)
    for k, bar in enumerate(buffer.bottom_bars):
        y = top + (len(buffer.lines) + k) * pitch + 4
        if bar.ground:
            d.rectangle((0, y - 2, width, y + pitch), fill=bar.ground)
        d.text((8, y), bar.text, fill=bar.colour or theme.text, font=font)
    return img


def _in_number(text: str, j: int) -> bool:
    """Whether character ``j`` is part of a cell that is a bare number."""
    a = j
    while a > 0 and (text[a - 1].isdigit() or text[a - 1] == "."):
        a -= 1
    b = j
    while b < len(text) and (text[b].isdigit() or text[b] == "."):
        b += 1
    return (a == 0 or (not text[a - 1].isalnum() and text[a - 1] != "-")) and (
        b == len(text) or not text[b].isalpha()
    )


def _finish(rng: random.Random, img: Image.Image) -> Image.Image:
    """Shrunk or enlarged as a screenshot passed around, some saved as JPEG."""
    scale = rng.choice([1.0, 1.0, 1.0, 0.8, 1.25, 1.5])
    if scale != 1.0:
        img = img.resize((round(img.width * scale), round(img.height * scale)),
                         Image.Resampling.LANCZOS)
    if rng.random() < 0.35:
        buffer = io.BytesIO()
        img.save(buffer, "JPEG", quality=rng.randint(60, 90))
        img = Image.open(buffer).convert("RGB")
    return img


def generate(out: Path, count: int, seed: int) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    for i in range(count):
        kind = KINDS[i % len(KINDS)]
        models = rng.sample(NAMES, rng.randint(3, 7))
        benches = rng.sample(BENCH, rng.randint(2, 4))
        with_params = rng.random() < 0.4
        columns = ["Model"] + ([rng.choice(["Params", "Size"])] if with_params else []) + benches
        decimals = rng.choice([1, 1, 2])
        rows = []
        for m in models:
            p = size_of(m)
            vals = [f"{rng.uniform(5, 95):.{decimals}f}" for _ in benches]
            cells = [m] + ([f"{p:g}B" if p else "-"] if with_params else []) + vals
            mmlu = float(vals[benches.index("MMLU")]) if "MMLU" in benches else None
            rows.append({"model": m, "params_b": p, "tokens_t": None, "mmlu": mmlu, "cells": cells})
        cells = [r["cells"] for r in rows]
        editor = kind in ("emacs_org", "vim_markdown", "vscode_markdown", "github_diff")
        buffer = (_editor if editor else _terminal)(kind, rng, columns, cells)
        name = f"text_drawn_{i:03d}.png"
        _finish(rng, draw(buffer, rng)).save(out / name)
        truth[name] = {
            "columns": columns,
            "settings": [None] * len(columns),
            "rows": rows,
            "style": kind,
        }
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
