"""Regenerate the sample screenshots in samples/ and their truth, samples/expected.json.

Every image is drawn from one data definition below, and expected.json is derived from the
same definition, so the drawing and the expectations cannot drift apart.

    python samples/make_samples.py            # writes into samples/
    python samples/make_samples.py --out DIR  # writes somewhere else (tests use this)

Fonts are Debian's fonts-dejavu and fonts-liberation. Output is deterministic for a given
Pillow/FreeType/matplotlib version (fixed seeds, no timestamps in the PNGs).
"""

from __future__ import annotations

import argparse
import json
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FixedLocator, MultipleLocator, NullLocator
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype")
DEJAVU = FONT_DIR / "dejavu" / "DejaVuSans.ttf"
DEJAVU_BOLD = FONT_DIR / "dejavu" / "DejaVuSans-Bold.ttf"
LIBERATION = FONT_DIR / "liberation" / "LiberationSans-Regular.ttf"
LIBERATION_BOLD = FONT_DIR / "liberation" / "LiberationSans-Bold.ttf"

Colour = tuple[int, int, int]
Json = dict[str, Any]

# ---------------------------------------------------------------------------------------
# Data: tables as printed (cell strings), each column with the quantity it carries.
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    header: str
    role: str  # "model" (row label), "params", "tokens", "mmlu" or "score"


@dataclass(frozen=True)
class TableData:
    columns: tuple[Column, ...]
    body: tuple[tuple[str, ...], ...]
    title: str = ""


SEED000_TABLE = TableData(
    title="LLaMA Models Hyperparameters and MMLU Scores",
    columns=(
        Column("", "model"),
        Column("parameters", "params"),
        Column("training tokens", "tokens"),
        Column("mmlu", "mmlu"),
    ),
    body=(
        ("1", "8", "15.0", "66.6"),
        ("2", "70", "15.0", "79.5"),
        ("3", "7", "2.0", "45.7"),
        ("4", "13", "2.0", "53.8"),
        ("5", "70", "2.0", "69.7"),
        ("6", "65", "1.4", "63.4"),
    ),
)

# Mistral 7B paper (Table 2) for Mistral 7B and Llama 2 13B; Llama 2 paper (Table 3) for 70B.
MEME_TABLE = TableData(
    columns=(
        Column("Model", "model"),
        Column("MMLU", "mmlu"),
        Column("HellaSwag", "score"),
        Column("GSM8K", "score"),
    ),
    body=(
        ("Mistral 7B", "60.1", "81.3", "52.2"),
        ("Llama 2 13B", "55.6", "80.7", "34.3"),
        ("Llama 2 70B", "68.9", "85.3", "56.8"),
    ),
)
MEME_TOP = "WHEN THE 7B MODEL BEATS THE 13B"
MEME_BOTTOM = "AND THE 70B COSTS 10X TO SERVE"

# Published figures: Llama 2 paper, Falcon 180B paper, LLaMA paper, Chinchilla and Gopher
# papers, Mistral 7B paper (which does not state its token count: printed as "-").
DARK_TABLE = TableData(
    title="Open base models: size, data and MMLU",
    columns=(
        Column("Model", "model"),
        Column("Params", "params"),
        Column("Tokens", "tokens"),
        Column("MMLU", "mmlu"),
    ),
    body=(
        ("Llama 2 70B", "70B", "2T", "68.9"),
        ("Falcon 180B", "180B", "3.5T", "70.6"),
        ("LLaMA 65B", "65B", "1.4T", "63.4"),
        ("Chinchilla 70B", "70B", "1.4T", "67.5"),
        ("Gopher 280B", "280B", "300B", "60.0"),
        ("Mistral 7B", "7B", "-", "60.1"),
    ),
)

# Llama 2 paper (Llama 2 13B, Falcon 40B), Qwen technical report, Gemma paper, Phi-2 post.
LOWRES_TABLE = TableData(
    columns=(Column("Model", "model"), Column("Params", "params"), Column("MMLU", "mmlu")),
    body=(
        ("Llama 2 13B", "13B", "54.8"),
        ("Qwen-7B", "7B", "58.2"),
        ("Gemma 7B", "8.5B", "64.3"),
        ("Phi-2", "2.7B", "56.7"),
        ("Falcon 40B", "40B", "55.4"),
    ),
)

# Grouped bars: models are the series, benchmarks the groups (Mistral 7B paper, Table 2).
BAR_BENCHMARKS = ("MMLU", "HellaSwag", "GSM8K")
BAR_SERIES: tuple[tuple[str, tuple[float, ...]], ...] = (
    ("Llama 2 7B", (44.4, 77.1, 16.0)),
    ("Llama 2 13B", (55.6, 80.7, 34.3)),
    ("Mistral 7B", (60.1, 81.3, 52.2)),
)


# ---------------------------------------------------------------------------------------
# Data: the seed-001 chart (Mistral 7B paper, Figure 5, recreated).
# ---------------------------------------------------------------------------------------

SIZES_B = (7.0, 13.0, 34.0, 70.0)


@dataclass(frozen=True)
class Panel:
    title: str
    llama2: tuple[float, float, float, float]  # at SIZES_B
    mistral: float  # at 7B
    effective_b: float
    ratio: str
    y_step: float

    @property
    def label(self) -> str:
        return f"Effective LLaMA size {self.effective_b:g}B ({self.ratio})"


# LLaMA 2: MMLU 7B/13B as re-evaluated in the Mistral paper, the rest from the Llama 2 paper's
# Table 3 (category averages). Mistral: MMLU from its paper; the other three are where the
# LLaMA 2 curve (linear in log size) crosses the paper's effective size, so each dashed line
# meets the curve.
SEED001_PANELS = (
    Panel("MMLU", (44.4, 55.6, 62.6, 68.9), 60.1, 23, "3.3x", 5),
    Panel("Reasoning", (63.9, 66.9, 69.9, 71.9), 70.2, 38, "5.4x", 2),
    Panel("Knowledge", (48.9, 55.4, 58.7, 63.6), 55.4, 13, "1.9x", 5),
    Panel("Comprehension", (61.3, 65.8, 68.0, 69.4), 66.9, 21, "3x", 2),
)
LLAMA_COLOUR = "#f08a24"
MISTRAL_COLOUR = "#e0218a"


# ---------------------------------------------------------------------------------------
# From printed cells to expected values (units: params in billions, tokens in trillions).
# ---------------------------------------------------------------------------------------

_QUANTITY = re.compile(r"^(\d+(?:\.\d+)?)\s*([MBT]?)$")
_SIZE_IN_NAME = re.compile(r"\b(\d+(?:\.\d+)?)B\b")
_TO_BILLIONS = {"M": 1e-3, "B": 1.0, "T": 1e3}


def parse_quantity(text: str) -> tuple[float, str] | None:
    """'1.4T' -> (1.4, 'T'); '66.6' -> (66.6, ''); '-' -> None."""
    match = _QUANTITY.match(text.strip())
    return (float(match.group(1)), match.group(2)) if match else None


def in_billions(text: str) -> float | None:
    """A bare number in a parameters column is already in billions (seed 000)."""
    quantity = parse_quantity(text)
    if quantity is None:
        return None
    value, unit = quantity
    return round(value * _TO_BILLIONS.get(unit, 1.0), 6)


def in_trillions(text: str) -> float | None:
    """A bare number in a tokens column is already in trillions (seed 000)."""
    quantity = parse_quantity(text)
    if quantity is None:
        return None
    value, unit = quantity
    return round(value * _TO_BILLIONS.get(unit, 1e3) / 1e3, 6)


def params_in_name(name: str) -> float | None:
    match = _SIZE_IN_NAME.search(name)
    return float(match.group(1)) if match else None


def row_record(
    model: str, params: float | None, tokens: float | None, mmlu: float | None, from_name: bool
) -> Json:
    return {
        "model": model,
        "params_b": params,
        "tokens_t": tokens,
        "mmlu": mmlu,
        "params_from_name": from_name,
    }


def table_rows(table: TableData) -> list[Json]:
    """The (model, params_b, tokens_t, mmlu) view a reader must produce from this table."""
    roles = [column.role for column in table.columns]
    rows = []
    for cells in table.body:
        by_role = dict(zip(roles, cells, strict=True))
        model = by_role["model"]
        params = in_billions(by_role["params"]) if "params" in by_role else None
        from_name = "params" not in by_role and params_in_name(model) is not None
        if from_name:
            params = params_in_name(model)
        tokens = in_trillions(by_role["tokens"]) if "tokens" in by_role else None
        mmlu_cell = parse_quantity(by_role.get("mmlu", ""))
        rows.append(row_record(model, params, tokens, mmlu_cell and mmlu_cell[0], from_name))
    return rows


def table_scores(table: TableData) -> list[Json]:
    """One score per numeric cell, value as printed without its unit; '-' cells give none."""
    model_at = [column.role for column in table.columns].index("model")
    scores = []
    for cells in table.body:
        for column, text in zip(table.columns, cells, strict=True):
            quantity = parse_quantity(text)
            if column.role == "model" or quantity is None:
                continue
            scores.append(
                {
                    "model": cells[model_at],
                    "benchmark": column.header,
                    "value": quantity[0],
                    "text": text,
                }
            )
    return scores


def expected_entry(kind: str, title: str = "", **lists: list[Json]) -> Json:
    entry: Json = {"kind": kind, "title": title}
    for key in ("rows", "scores", "series", "reference_lines"):
        entry[key] = lists.get(key, [])
    return entry


def table_expected(kind: str, table: TableData) -> Json:
    return expected_entry(kind, table.title, rows=table_rows(table), scores=table_scores(table))


def seed001_expected() -> Json:
    series: list[Json] = []
    lines: list[Json] = []
    for panel in SEED001_PANELS:
        series.append(
            {
                "panel": panel.title,
                "name": "LLaMA 2",
                "points": [[x, y] for x, y in zip(SIZES_B, panel.llama2, strict=True)],
            }
        )
        series.append({"panel": panel.title, "name": "Mistral", "points": [[7.0, panel.mistral]]})
        for orientation, value in (("horizontal", panel.mistral), ("vertical", panel.effective_b)):
            lines.append(
                {
                    "panel": panel.title,
                    "orientation": orientation,
                    "value": float(value),
                    "label": panel.label,
                }
            )
    mmlu = SEED001_PANELS[0]
    rows = [
        row_record("LLaMA 2", x, None, y, False) for x, y in zip(SIZES_B, mmlu.llama2, strict=True)
    ]
    rows.append(row_record("Mistral", 7.0, None, mmlu.mistral, False))
    return expected_entry("chart", rows=rows, series=series, reference_lines=lines)


def bar_expected() -> Json:
    scores = [
        {"model": model, "benchmark": benchmark, "value": value, "text": f"{value:.1f}"}
        for model, values in BAR_SERIES
        for benchmark, value in zip(BAR_BENCHMARKS, values, strict=True)
    ]
    mmlu_at = BAR_BENCHMARKS.index("MMLU")
    rows = [
        row_record(model, params_in_name(model), None, values[mmlu_at], True)
        for model, values in BAR_SERIES
    ]
    return expected_entry("chart", "Base model benchmarks", rows=rows, scores=scores)


# ---------------------------------------------------------------------------------------
# Drawing tables with Pillow.
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TableStyle:
    font: Path
    bold: Path
    size: int
    fg: Colour
    bg: Colour
    stripe: Colour | None
    rule: Colour
    header_bg: Colour
    pad_x: int
    pad_y: int
    full_grid: bool  # every cell boxed (markdown, spreadsheet) or header rule only (pandas)
    bold_index: bool = False


JUPYTER = TableStyle(
    font=LIBERATION, bold=LIBERATION_BOLD, size=16, fg=(0, 0, 0), bg=(255, 255, 255),
    stripe=(245, 245, 245), rule=(0, 0, 0), header_bg=(255, 255, 255), pad_x=18, pad_y=9,
    full_grid=False, bold_index=True,
)  # fmt: skip
GITHUB_DARK = TableStyle(
    font=DEJAVU, bold=DEJAVU_BOLD, size=17, fg=(230, 237, 243), bg=(13, 17, 23),
    stripe=(22, 27, 34), rule=(48, 54, 61), header_bg=(13, 17, 23), pad_x=16, pad_y=9,
    full_grid=True,
)  # fmt: skip
GITHUB_LIGHT_SMALL = TableStyle(
    font=DEJAVU, bold=DEJAVU_BOLD, size=13, fg=(31, 35, 40), bg=(255, 255, 255),
    stripe=(246, 248, 250), rule=(208, 215, 222), header_bg=(255, 255, 255), pad_x=12, pad_y=6,
    full_grid=True,
)  # fmt: skip
SPREADSHEET = TableStyle(
    font=LIBERATION, bold=LIBERATION_BOLD, size=24, fg=(20, 20, 20), bg=(255, 255, 255),
    stripe=None, rule=(150, 150, 150), header_bg=(221, 235, 247), pad_x=22, pad_y=12,
    full_grid=True,
)  # fmt: skip


def is_numeric_column(table: TableData, at: int) -> bool:
    return table.columns[at].role != "model"


def draw_table(table: TableData, style: TableStyle) -> Image.Image:
    """A table as a browser or notebook would render it: header, body, rules, stripes."""
    font = ImageFont.truetype(str(style.font), style.size)
    bold = ImageFont.truetype(str(style.bold), style.size)
    grid = [[c.header for c in table.columns], *[list(row) for row in table.body]]

    def cell_font(row: int, col: int) -> ImageFont.FreeTypeFont:
        header = row == 0
        index = col == 0 and style.bold_index
        return bold if header or index else font

    widths = [
        max(int(cell_font(r, c).getlength(grid[r][c])) for r in range(len(grid))) + 2 * style.pad_x
        for c in range(len(table.columns))
    ]
    ascent, descent = font.getmetrics()
    row_h = ascent + descent + 2 * style.pad_y
    width, height = sum(widths) + 1, row_h * len(grid) + 1
    image = Image.new("RGB", (width, height), style.bg)
    draw = ImageDraw.Draw(image)
    for r, cells in enumerate(grid):
        top = r * row_h
        fill = style.header_bg if r == 0 else style.bg
        if r > 0 and style.stripe is not None and r % 2 == 1:
            fill = style.stripe
        draw.rectangle((0, top, width - 1, top + row_h), fill=fill)
        left = 0
        for c, text in enumerate(cells):
            cell_w = widths[c]
            text_w = cell_font(r, c).getlength(text)
            right_aligned = is_numeric_column(table, c)
            x = left + cell_w - style.pad_x - text_w if right_aligned else left + style.pad_x
            draw.text((x, top + style.pad_y), text, font=cell_font(r, c), fill=style.fg)
            left += cell_w
    if style.full_grid:
        for r in range(len(grid) + 1):
            draw.line((0, r * row_h, width, r * row_h), fill=style.rule)
        left = 0
        for cell_w in [0, *widths]:
            left += cell_w
            draw.line((left, 0, left, height), fill=style.rule)
    else:
        draw.line((0, row_h, width, row_h), fill=style.rule)
    return image


def on_canvas(
    parts: Sequence[Image.Image], size: tuple[int, int], bg: Colour, gap: int, top: int
) -> Image.Image:
    """Stack parts vertically, centred horizontally, like a cropped screenshot."""
    canvas = Image.new("RGB", size, bg)
    y = top
    for part in parts:
        canvas.paste(part, ((size[0] - part.width) // 2, y))
        y += part.height + gap
    return canvas


def text_image(text: str, font_path: Path, size: int, fg: Colour, bg: Colour) -> Image.Image:
    font = ImageFont.truetype(str(font_path), size)
    left, top, right, bottom = font.getbbox(text)
    image = Image.new("RGB", (right - left + 4, bottom - top + 4), bg)
    ImageDraw.Draw(image).text((2 - left, 2 - top), text, font=font, fill=fg)
    return image


def make_seed000() -> Image.Image:
    title = text_image(SEED000_TABLE.title, LIBERATION_BOLD, 22, (0, 0, 0), (255, 255, 255))
    table = draw_table(SEED000_TABLE, JUPYTER)
    return on_canvas([title, table], (810, 354), (255, 255, 255), gap=22, top=24)


def make_meme() -> Image.Image:
    white, black = (255, 255, 255), (0, 0, 0)
    top = text_image(MEME_TOP, DEJAVU_BOLD, 40, black, white)
    table = draw_table(MEME_TABLE, SPREADSHEET)
    bottom = text_image(MEME_BOTTOM, DEJAVU_BOLD, 40, black, white)
    return on_canvas([top, table, bottom], (960, 470), white, gap=44, top=36)


def make_dark_table() -> Image.Image:
    style = GITHUB_DARK
    title = text_image(DARK_TABLE.title, style.bold, 24, style.fg, style.bg)
    table = draw_table(DARK_TABLE, style)
    return on_canvas([title, table], (880, table.height + 150), style.bg, gap=30, top=40)


def make_rotated_lowres() -> Image.Image:
    table = draw_table(LOWRES_TABLE, GITHUB_LIGHT_SMALL)
    page = on_canvas([table], (600, table.height + 60), (255, 255, 255), 0, 30)
    return page.rotate(1.0, resample=Image.Resampling.BICUBIC, fillcolor=(255, 255, 255))


def make_not_a_chart() -> Image.Image:
    """A synthetic mountain landscape at sunrise: a picture, not data."""
    width, height = 1024, 640
    rng = np.random.default_rng(1)
    sky_top, sky_bottom = np.array([40, 70, 140]), np.array([250, 190, 120])
    t = np.linspace(0, 1, height)[:, None, None]
    pixels = (sky_top * (1 - t) + sky_bottom * t).repeat(width, axis=1)
    image = Image.fromarray(pixels.astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(image)
    draw.ellipse((650, 170, 750, 270), fill=(255, 226, 150))
    ranges = ((330, (92, 86, 120)), (410, (60, 62, 92)), (500, (30, 42, 56)))
    for base, colour in ranges:
        xs = np.arange(0, width + 16, 16)
        ys = base - np.abs(np.cumsum(rng.normal(0, 14, xs.size)))
        outline = [(0, height), *zip(xs.tolist(), ys.tolist(), strict=True), (width, height)]
        draw.polygon(outline, fill=colour)
    return image.filter(ImageFilter.GaussianBlur(1.2))


# ---------------------------------------------------------------------------------------
# Drawing charts with matplotlib.
# ---------------------------------------------------------------------------------------


def figure_image(fig: plt.Figure) -> Image.Image:
    fig.canvas.draw()
    image = Image.fromarray(np.asarray(fig.canvas.buffer_rgba())).convert("RGB")
    plt.close(fig)
    return image


def draw_panel(ax: plt.Axes, panel: Panel) -> None:
    ax.plot(SIZES_B, panel.llama2, "-o", color=LLAMA_COLOUR, lw=2.2, ms=7, label="LLaMA 2")
    ax.plot([7.0], [panel.mistral], "s", color=MISTRAL_COLOUR, ms=9, label="Mistral", zorder=3)
    low = math.floor((min(*panel.llama2, panel.mistral) - panel.y_step / 2) / panel.y_step)
    high = math.ceil((max(*panel.llama2, panel.mistral) + panel.y_step / 4) / panel.y_step)
    y_min, y_max = low * panel.y_step, high * panel.y_step
    ax.set_ylim(y_min, y_max)
    ax.set_xscale("log")
    ax.set_xlim(6, 80)
    ax.xaxis.set_major_locator(FixedLocator(SIZES_B))
    ax.xaxis.set_minor_locator(NullLocator())
    ax.set_xticklabels([f"{x:g}" for x in SIZES_B])
    ax.yaxis.set_major_locator(MultipleLocator(panel.y_step))
    dashes = {"color": "#555555", "ls": "--", "lw": 1.4}
    ax.plot([7.0, panel.effective_b], [panel.mistral, panel.mistral], **dashes)
    ax.plot([panel.effective_b, panel.effective_b], [y_min, panel.mistral], **dashes)
    # Near the right edge the annotation goes left of its line so it stays inside the axes.
    on_left = panel.effective_b > 30
    ax.annotate(
        f"Effective LLaMA\nsize {panel.effective_b:g}B ({panel.ratio})",
        (panel.effective_b, y_min),
        xytext=(-6 if on_left else 6, 10),
        textcoords="offset points",
        ha="right" if on_left else "left",
        fontsize=12,
    )
    ax.set_title(panel.title, fontsize=15, fontweight="bold")
    ax.set_xlabel("Model size (billion parameters)", fontsize=12)
    ax.set_ylabel("Accuracy (%)", fontsize=12)
    ax.tick_params(labelsize=12)
    ax.grid(alpha=0.25)
    ax.legend(loc="upper left", fontsize=12)


def make_seed001() -> Image.Image:
    fig, axes = plt.subplots(2, 2, figsize=(12, 8.6), dpi=100)
    for ax, panel in zip(axes.flat, SEED001_PANELS, strict=True):
        draw_panel(ax, panel)
    fig.tight_layout(pad=1.2, h_pad=2.0, w_pad=2.5)
    return figure_image(fig)


def make_bar_chart() -> Image.Image:
    fig, ax = plt.subplots(figsize=(10, 6), dpi=100)
    width = 0.26
    colours = ("#4c78a8", "#72b7b2", "#f58518")
    for i, (model, values) in enumerate(BAR_SERIES):
        xs = [g + (i - 1) * width for g in range(len(BAR_BENCHMARKS))]
        bars = ax.bar(xs, values, width, label=model, color=colours[i])
        ax.bar_label(bars, fmt="%.1f", padding=3, fontsize=12)
    ax.set_xticks(range(len(BAR_BENCHMARKS)), BAR_BENCHMARKS, fontsize=13)
    ax.set_ylabel("Accuracy (%)", fontsize=13)
    ax.set_ylim(0, 100)
    ax.tick_params(axis="y", labelsize=12)
    ax.set_title("Base model benchmarks", fontsize=16, fontweight="bold")
    ax.legend(fontsize=12, loc="upper left")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return figure_image(fig)


# ---------------------------------------------------------------------------------------
# The sample set: file name -> (drawing, expectation).
# ---------------------------------------------------------------------------------------

SAMPLES: dict[str, tuple[Callable[[], Image.Image], Callable[[], Json]]] = {
    "seed000_llama_table.png": (make_seed000, lambda: table_expected("table", SEED000_TABLE)),
    "seed001_llama2_mistral_chart.png": (make_seed001, seed001_expected),
    "meme_table.png": (make_meme, lambda: table_expected("meme", MEME_TABLE)),
    "dark_table.png": (make_dark_table, lambda: table_expected("table", DARK_TABLE)),
    "rotated_lowres_table.jpg": (
        make_rotated_lowres,
        lambda: table_expected("table", LOWRES_TABLE),
    ),
    "not_a_chart.png": (make_not_a_chart, lambda: expected_entry("other")),
    "bar_chart.png": (make_bar_chart, bar_expected),
}
JPEG_QUALITY = 60


def write_samples(out: Path) -> dict[str, Json]:
    out.mkdir(parents=True, exist_ok=True)
    expected: dict[str, Json] = {}
    for name, (draw, expect) in SAMPLES.items():
        image = draw()
        if name.endswith(".jpg"):
            image.save(out / name, quality=JPEG_QUALITY)
        else:
            image.save(out / name, optimize=True)
        expected[name] = expect()
    text = json.dumps(expected, indent=2, ensure_ascii=False) + "\n"
    (out / "expected.json").write_text(text, encoding="utf-8")
    return expected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    args = parser.parse_args()
    expected = write_samples(args.out)
    print(f"wrote {len(expected)} images and expected.json to {args.out}")


if __name__ == "__main__":
    main()
