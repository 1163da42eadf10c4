"""The overview's plot: MMLU against parameters (log x), one point per distinct reading,
coloured by model family, each point a link to its image's card."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .report_leaderboard import esc
from .store.conflict_queries import name_key

MAX_PLOT_POINTS = 1000  # distinct (model, size, score) points on the overview's plot
# Tableau 10: distinguishable, and readable on white.
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
           "#ff9da7", "#9c755f", "#bab0ac")
OTHER_COLOUR = "#555555"
# Longer names first: "tinyllama" is not "llama", "codellama" is not "llama".
FAMILIES = ("tinyllama", "codellama", "llama", "mixtral", "mistral", "gemma", "qwen",
            "deepseek", "yi", "falcon", "pythia", "phi", "gpt", "claude", "chatglm", "glm",
            "baichuan", "minicpm", "internlm", "mpt", "opt", "bloom", "olmo", "kimi", "minimax",
            "mimo", "starcoder", "vicuna", "palm", "gemini")



def model_family(model: str) -> str:
    """The family a model name belongs to, for colouring: 'Llama-2-70B' -> 'llama'."""
    key = model.lower()
    for family in FAMILIES:
        if re.search(rf"(?<![a-z]){family}", key):
            return family
    word = re.match(r"[a-z]+", key.strip())
    return word.group(0) if word else "(unnamed)"




@dataclass(frozen=True)
class PlotPoint:
    sha256: str
    path: str
    model: str
    params_b: float
    mmlu: float
    family: str
    conflict: bool


def plot_points(rows: Iterable[tuple[str, str, str, float, float]],
                conflicted: set[tuple[str, str]]) -> tuple[list[PlotPoint], int]:
    """The plot's points from (sha256, path, model, params_b, mmlu) rows, and how many rows
    there were. The same model at the same size and score read in many images is one point
    (linked to its first image); at most MAX_PLOT_POINTS are drawn, so the page stays light
    however many images agree. ``conflicted`` holds (sha256, model key) pairs whose MMLU
    another image reads differently."""
    points: dict[tuple[str, float, float], PlotPoint] = {}
    total = 0
    for sha, path, model, params_b, mmlu in rows:
        total += 1
        key = (name_key(model), params_b, mmlu)
        conflict = (sha, name_key(model)) in conflicted
        if key in points:
            if conflict and not points[key].conflict:
                points[key] = PlotPoint(sha, path, points[key].model, params_b, mmlu,
                                        points[key].family, True)
            continue
        if len(points) < MAX_PLOT_POINTS:
            points[key] = PlotPoint(sha, path, model or "(unnamed row)", params_b, mmlu,
                                    model_family(model), conflict)
    return list(points.values()), total


def log_ticks(low: float, high: float) -> list[float]:
    ticks = [mantissa * 10.0**exponent
             for exponent in range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1)
             for mantissa in (1, 2, 5)]
    return [t for t in ticks if low <= t <= high]


def linear_ticks(low: float, high: float, count: int = 6) -> list[float]:
    raw = (high - low) / max(count - 1, 1)
    step = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    step = next(s * step for s in (1, 2, 5, 10) if s * step >= raw)
    first = math.ceil(low / step) * step
    return [round(first + i * step, 10) for i in range(int((high - first) / step) + 1)]


def plot_svg(points: Sequence[PlotPoint], link: Callable[[str], str]) -> str:
    """MMLU against parameters (log x), coloured by family, each point a link to its card."""
    if not points:
        return '<p class="note">No rows with both parameters and MMLU yet.</p>'
    width, height, left, right, top, bottom = 800, 420, 60, 210, 20, 50
    x_low = min(p.params_b for p in points) / 1.5
    x_high = max(p.params_b for p in points) * 1.5
    y_low = max(0.0, math.floor(min(p.mmlu for p in points) / 5) * 5 - 5)
    y_high = min(100.0, math.ceil(max(p.mmlu for p in points) / 5) * 5 + 5)
    span_x, span_y = math.log10(x_high / x_low), max(y_high - y_low, 1.0)

    def sx(value: float) -> float:
        return left + (width - left - right) * math.log10(value / x_low) / span_x

    def sy(value: float) -> float:
        return height - bottom - (height - top - bottom) * (value - y_low) / span_y

    families = [f for f, _ in Counter(p.family for p in points).most_common()]
    colours = {f: PALETTE[i] if i < len(PALETTE) else OTHER_COLOUR
               for i, f in enumerate(families)}
    parts = [f'<svg class="plot" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="MMLU against parameters, {len(points)} points">']
    for tick in log_ticks(x_low, x_high):
        x = sx(tick)
        parts.append(f'<line class="grid" x1="{x:.1f}" y1="{top}" x2="{x:.1f}" '
                     f'y2="{height - bottom}"/><text class="tick" x="{x:.1f}" '
                     f'y="{height - bottom + 16}" text-anchor="middle">{tick:g}</text>')
    for tick in linear_ticks(y_low, y_high):
        y = sy(tick)
        parts.append(f'<line class="grid" x1="{left}" y1="{y:.1f}" x2="{width - right}" '
                     f'y2="{y:.1f}"/><text class="tick" x="{left - 6}" y="{y + 4:.1f}" '
                     f'text-anchor="end">{tick:g}</text>')
    parts.append(
        f'<text class="axis" x="{(left + width - right) / 2}" y="{height - 10}" '
        'text-anchor="middle">parameters (billions, log scale)</text>'
        f'<text class="axis" transform="translate(16 {(top + height - bottom) / 2}) '
        'rotate(-90)" text-anchor="middle">MMLU (%)</text>')
    for p in points:
        x, y = sx(p.params_b), sy(p.mmlu)
        ring = (f'<circle class="conflict-ring" cx="{x:.1f}" cy="{y:.1f}" r="9"/>'
                if p.conflict else "")
        tip = (f"{p.model}: {p.params_b:g}B, MMLU {p.mmlu:g} — {Path(p.path).name}"
               + (" — conflicts with another image" if p.conflict else ""))
        parts.append(
            f'<a class="point" href="{esc(link(p.sha256))}" data-family="{esc(p.family)}">'
            f'{ring}<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colours[p.family]}"/>'
            f"<title>{esc(tip)}</title></a>")
    legend_x = width - right + 16
    for i, family in enumerate(families[: len(PALETTE)]):
        y = top + 10 + 18 * i
        parts.append(f'<circle cx="{legend_x}" cy="{y}" r="5" fill="{colours[family]}"/>'
                     f'<text class="legend" x="{legend_x + 10}" y="{y + 4}">{esc(family)}</text>')
    extra_y = top + 10 + 18 * min(len(families), len(PALETTE))
    if len(families) > len(PALETTE):
        parts.append(f'<circle cx="{legend_x}" cy="{extra_y}" r="5" fill="{OTHER_COLOUR}"/>'
                     f'<text class="legend" x="{legend_x + 10}" y="{extra_y + 4}">other</text>')
        extra_y += 18
    if any(p.conflict for p in points):
        parts.append(f'<circle class="conflict-ring" cx="{legend_x}" cy="{extra_y}" r="7"/>'
                     f'<text class="legend" x="{legend_x + 10}" y="{extra_y + 4}">'
                     "conflicts with another image</text>")
    parts.append("</svg>")
    return "".join(parts)
