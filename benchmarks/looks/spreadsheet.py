"""a spreadsheet screenshot: Google Sheets, Excel or LibreOffice Calc chrome (menu bar,
toolbar, name box and formula bar), ruler letters and row numbers, a light grid, a bold
header (sometimes under a title row, sometimes frozen), a selected cell, sheet tabs; zoom,
fonts, number formats (71.2, 71.20, 0.712, 71.2%) and column widths vary. Half are drawn
as other sheets are (a second generator): Excel's "Format as Table" (a blue header band
with white names, banded rows), gridlines turned off, a shrink by 0.6-0.85 with JPEG 40-80."""

import json
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from looks.common import BENCH, MODELS, size_of

_DIR = "/usr/share/fonts/truetype"
# (regular, bold) faces spreadsheets show: Arial's and Calibri's metric twins, and others.
FACES = [
    (f"{_DIR}/liberation/LiberationSans-Regular.ttf", f"{_DIR}/liberation/LiberationSans-Bold.ttf"),
    (f"{_DIR}/dejavu/DejaVuSans.ttf", f"{_DIR}/dejavu/DejaVuSans-Bold.ttf"),
    (f"{_DIR}/open-sans/OpenSans-Regular.ttf", f"{_DIR}/open-sans/OpenSans-Bold.ttf"),
    (f"{_DIR}/freefont/FreeSans.ttf", f"{_DIR}/freefont/FreeSansBold.ttf"),
    (
        f"{_DIR}/liberation/LiberationSansNarrow-Regular.ttf",
        f"{_DIR}/liberation/LiberationSansNarrow-Bold.ttf",
    ),
    (
        f"{_DIR}/liberation/LiberationSerif-Regular.ttf",
        f"{_DIR}/liberation/LiberationSerif-Bold.ttf",
    ),
]
CHROME_FONT = f"{_DIR}/dejavu/DejaVuSans.ttf"

# What each application draws around the cells: menus, the grid's colour, the ruler's
# colour, the selection's colour, the frozen-pane line.
APPS = {
    "sheets": {
        "menu": "File  Edit  View  Insert  Format  Data  Tools  Extensions  Help",
        "tools": "100%  ▾   $  %  .0  .00  123   Default ▾   10  +   B  I  S  A",
        "grid": (226, 226, 226),
        "ruler": (248, 249, 250),
        "ruler_text": (95, 99, 104),
        "select": (26, 115, 232),
        "frozen": (196, 199, 197),
        "tabs": ["+", "≡", "Sheet1", "Sheet2"],
    },
    "excel": {
        "menu": "File   Home   Insert   Page Layout   Formulas   Data   Review   View   Help",
        "tools": "Paste   Calibri   11   A A   B  I  U   General   %  ,   Conditional Formatting",
        "grid": (212, 212, 212),
        "ruler": (240, 240, 240),
        "ruler_text": (68, 68, 68),
        "select": (33, 115, 70),
        "frozen": (120, 120, 120),
        "tabs": ["◀", "▶", "Sheet1", "+"],
    },
    "calc": {
        "menu": "File  Edit  View  Insert  Format  Styles  Sheet  Data  Tools  Window  Help",
        "tools": "Liberation Sans  10pt   a  a  a   ≡  ≡  ≡   $  %  0.0",
        "grid": (204, 204, 204),
        "ruler": (233, 233, 233),
        "ruler_text": (40, 40, 40),
        "select": (0, 0, 0),
        "frozen": (0, 0, 0),
        "tabs": ["Sheet1", "Sheet2", "Sheet3"],
    },
}
TITLES = ["Benchmark results", "Model comparison", "LLM eval (internal)", "Scores v2"]


def _value_text(value: float, number_format: str) -> str:
    if number_format == "fraction":
        return f"{value / 100:.3f}"
    if number_format == "percent":
        return f"{value:.1f}%"
    if number_format == "two":
        return f"{value:.2f}"
    return f"{value:.1f}"


def generate(out: Path, count: int, seed: int) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    for i in range(count):
        app = APPS[rng.choice(list(APPS))]
        n_rows, n_bench = rng.randint(3, 9), rng.randint(2, 6)
        models = rng.sample(MODELS, n_rows)
        benches = rng.sample(BENCH, n_bench)
        params_text = rng.choice([None, "Params (B)", "Size", "#Params", "Params"])
        sized = params_text is not None and rng.random() < 0.4  # "7B" rather than "7"
        number_format = rng.choice(["one", "one", "two", "fraction", "percent"])
        columns = ["Model"] + ([params_text] if params_text else []) + benches
        rows = []
        for m in models:
            p = size_of(m)
            cells = [m] + ([(f"{p:g}B" if sized else f"{p:g}") if p else ""] if params_text else [])
            vals = [_value_text(rng.uniform(10, 90), number_format) for _ in benches]
            cells += vals
            mmlu = None
            if "MMLU" in benches:
                mmlu = float(vals[benches.index("MMLU")].rstrip("%"))
            rows.append({"model": m, "params_b": p, "tokens_t": None, "mmlu": mmlu, "cells": cells})

        # other sheets' choices, from a generator of their own (the main one's draws stay)
        other = random.Random(seed * 7919 + i)
        another = other.random() < 0.5
        as_table = another and other.random() < 0.5  # Excel's "Format as Table"
        gridlines = not (another and other.random() < 0.35)
        shrink = other.uniform(0.6, 0.85) if another and other.random() < 0.5 else None
        zoom = rng.choice([0.8, 0.9, 1.0, 1.0, 1.25, 1.5])
        size = round(rng.randint(12, 15) * zoom)
        regular, bold_path = rng.choice(FACES)
        face, bold = ImageFont.truetype(regular, size), ImageFont.truetype(bold_path, size)
        header_bold = rng.random() < 0.8
        head_face = bold if header_bold else face
        chrome = ImageFont.truetype(CHROME_FONT, max(10, round(12 * zoom)))
        pitch = round(size * rng.uniform(1.45, 1.8))
        ruler_w = round(rng.randint(32, 46) * zoom)
        pad = round(rng.randint(3, 6) * zoom)
        default_w = round(rng.choice([64, 80, 100]) * zoom)
        # Columns as wide as the default, or just wide enough for their text (a column
        # fitted by double-clicking its border leaves a few pixels either side).
        fitted = rng.random() < 0.5
        texts = [[columns[c]] + [r["cells"][c] for r in rows] for c in range(len(columns))]
        widths = []
        for col in texts:
            need = (
                max(int((head_face if t is col[0] else face).getlength(t)) for t in col) + 2 * pad
            )
            widths.append(need if fitted or need > default_w else default_w)
        lead = rng.random() < 0.25  # the table starts in column B, column A left empty
        if lead:
            widths.insert(0, round(rng.randint(20, 40) * zoom))
        widths += [default_w] * rng.randint(1, 3)
        first_col = 1 if lead else 0
        title_rows = rng.choice([0, 0, 1, 2])  # a title above, then maybe an empty row

        # The chrome: menu bar, toolbar, formula bar; their heights vary with the app.
        bars = []
        if rng.random() < 0.7:
            bars.append(("menu", app["menu"]))
        if rng.random() < 0.7:
            bars.append(("tools", app["tools"]))
        bar_h = round(28 * zoom)
        formula_top = len(bars) * bar_h
        top_ruler = formula_top + bar_h + 4
        top = top_ruler + round(22 * zoom)
        width = ruler_w + sum(widths) + round(10 * zoom)
        n_lines = title_rows + 1 + n_rows + rng.randint(2, 5)
        tabs_h = round(30 * zoom) if rng.random() < 0.6 else 0
        height = top + pitch * n_lines + tabs_h
        img = Image.new("RGB", (width, height), "white")
        d = ImageDraw.Draw(img)
        for b, (_kind, text) in enumerate(bars):
            d.rectangle((0, b * bar_h, width, (b + 1) * bar_h - 1), fill=(249, 251, 253))
            d.text((8, b * bar_h + round(7 * zoom)), text, fill=(60, 64, 67), font=chrome)
        d.rectangle((0, formula_top, width, formula_top + bar_h), fill=(255, 255, 255))
        d.line((0, formula_top + bar_h, width, formula_top + bar_h), fill=(218, 220, 224))
        sr = rng.randint(0, n_rows)
        sc = rng.randint(0, len(columns) - 1)
        cell_name = f"{chr(65 + sc + first_col)}{title_rows + 1 + sr + 1}"
        d.text((8, formula_top + round(7 * zoom)), cell_name, fill=(32, 33, 36), font=chrome)
        d.text(
            (round(70 * zoom), formula_top + round(7 * zoom)), "fx", fill=(95, 99, 104), font=chrome
        )
        content = ([columns] + [r["cells"] for r in rows])[sr][sc]
        d.text(
            (round(100 * zoom), formula_top + round(7 * zoom)),
            content,
            fill=(32, 33, 36),
            font=chrome,
        )

        d.rectangle((0, top_ruler, width, top), fill=app["ruler"])
        d.rectangle((0, top, ruler_w, height - tabs_h), fill=app["ruler"])
        x = ruler_w
        xs = [x]
        for c, w in enumerate(widths):
            letter = chr(65 + c)
            lw = chrome.getlength(letter)
            d.text(
                (x + (w - lw) / 2, top_ruler + round(4 * zoom)),
                letter,
                fill=app["ruler_text"],
                font=chrome,
            )
            x += w
            xs.append(x)
        for r in range(n_lines):
            y = top + r * pitch
            label = str(r + 1)
            d.text(
                ((ruler_w - chrome.getlength(label)) / 2, y + (pitch - size) / 2),
                label,
                fill=app["ruler_text"],
                font=chrome,
            )
        for x in xs:
            d.line((x, top_ruler, x, top if not gridlines else height - tabs_h), fill=app["grid"])
        for r in range(n_lines + 1) if gridlines else ():
            d.line((0, top + r * pitch, width, top + r * pitch), fill=app["grid"], width=1)
        d.line((0, top, width, top), fill=(190, 190, 190))
        d.line((ruler_w, top_ruler, ruler_w, height - tabs_h), fill=(190, 190, 190))

        header_top = top + title_rows * pitch
        if title_rows:
            d.text(
                (xs[first_col] + pad, top + (pitch - size) / 2),
                rng.choice(TITLES),
                fill="black",
                font=bold,
            )
        header_fill = rng.choice(
            [None, None, (217, 234, 211), (201, 218, 248), (243, 243, 243), (255, 242, 204)]
        )
        table_x = xs[first_col : first_col + len(columns) + 1]
        if header_fill:
            d.rectangle(
                (table_x[0] + 1, header_top + 1, table_x[-1] - 1, header_top + pitch - 1),
                fill=header_fill,
            )
        if as_table:  # a blue band with white names, body rows banded
            d.rectangle(
                (table_x[0], header_top, table_x[-1], header_top + pitch), fill=(68, 114, 196)
            )
            for r in range(1, n_rows + 1, 2):
                y = header_top + r * pitch
                d.rectangle((table_x[0], y, table_x[-1], y + pitch), fill=(217, 225, 242))
        header_align = rng.choice(["left", "center", "right"])
        for r, cells in enumerate([columns] + [row["cells"] for row in rows]):
            y = header_top + r * pitch + (pitch - size) / 2 - 1
            for c, t in enumerate(cells):
                f = head_face if r == 0 else face
                tw = f.getlength(t)
                left, right = table_x[c] + pad, table_x[c + 1] - pad - tw
                align = header_align if r == 0 else ("right" if c > 0 else "left")
                xx = {"left": left, "right": right, "center": (left + right) / 2}[align]
                ink = (255, 255, 255) if as_table and r == 0 else (0, 0, 0)
                d.text((xx, y), t, fill=ink, font=f)
        if rng.random() < 0.4:  # the header row frozen: a thick line under it
            y = header_top + pitch
            d.line((0, y, width, y), fill=app["frozen"], width=max(2, round(3 * zoom)))
        # The selected cell: its outline and the fill handle at its corner.
        x0, x1 = table_x[sc], table_x[sc + 1]
        y0 = header_top + sr * pitch
        d.rectangle((x0, y0, x1, y0 + pitch), outline=app["select"], width=2)
        d.rectangle((x1 - 3, y0 + pitch - 3, x1 + 3, y0 + pitch + 3), fill=app["select"])
        if tabs_h:
            y = height - tabs_h
            d.rectangle((0, y, width, height), fill=app["ruler"])
            x = 10
            for tab in app["tabs"]:
                d.text((x, y + round(7 * zoom)), tab, fill=(60, 64, 67), font=chrome)
                x += chrome.getlength(tab) + round(24 * zoom)
        name = f"sheet_{i:03d}.png"
        jpeg = rng.random() < 0.35
        if shrink:
            img = img.resize((round(width * shrink), round(height * shrink)), Image.BILINEAR)
            name = name.replace(".png", ".jpg")
            img.save(out / name, quality=other.randint(40, 80))
        elif jpeg:
            name = name.replace(".png", ".jpg")
            img.save(out / name, quality=rng.randint(65, 90))
        else:
            img.save(out / name)
        truth[name] = {
            "columns": columns,
            "settings": [None] * len(columns),
            "rows": rows,
            "style": "spreadsheet",
        }
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
