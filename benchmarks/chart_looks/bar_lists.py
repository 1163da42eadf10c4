"""Bar lists: rankings drawn with HTML/CSS, no axis, no ticks, no gridlines (issue 11,
barlists).

Each row is a name, a horizontal bar (a filled div, often rounded, sometimes over a track
the full width) and the value printed: past the bar's end, right-aligned in a column of its
own, or inside the bar against its end. Leaderboard widgets, "progress bar" rankings and
slides; light and dark cards, several fonts and sizes; the name left of the bar or above
it (the value then on the name's line, right-aligned), a rank number or a round icon before
some names. Bars are in proportion to the values (from zero; a percentage against a 100%
track where there is one). Shot in Chromium through ``benchmarks/browser.py``.

``generate(out, count, seed) -> truth`` in ``benchmarks/charts.py``'s format: kind
``hbar``, one series named after what it measures, x the name as printed, y the printed
value; ``style`` (``bl-<layout>``), ``dark``, ``track``, ``value`` for breaking the score
down. A tuning look: tune on one seed, only score another.
"""

from __future__ import annotations

import html
import json
import random
from pathlib import Path
from typing import Any

from chart_looks.common import save_shot

MODELS = ["GPT-4o", "Claude 3.5 Sonnet", "Gemini 1.5 Pro", "Llama 3.1 405B", "Qwen2.5 72B",
          "Mistral Large 2", "DeepSeek-V3", "Gemma 2 27B", "Phi-4", "Yi-Lightning",
          "Command R+", "Grok-2", "Nemotron 70B", "Jamba 1.5 Large", "o1-mini", "Sonar Pro",
          "GLM-4-Plus", "Hunyuan Large", "MiniMax-01", "Granite 3.1 8B"]
MEASURES = [("MMLU-Pro", "%"), ("GPQA Diamond", "%"), ("HumanEval", "%"),
            ("Arena Elo", "elo"), ("Tokens per second", "rate"), ("SWE-bench Verified", "%"),
            ("MATH-500", "%"), ("LiveBench", "score")]
FONTS = ["Inter, Roboto, sans-serif", "'Open Sans', sans-serif", "'DejaVu Sans', sans-serif",
         "'Liberation Sans', Arial, sans-serif", "'DejaVu Serif', serif", "Roboto, sans-serif"]
ACCENTS = ["#6366f1", "#10b981", "#f59e0b", "#3b82f6", "#ec4899", "#8b5cf6", "#14b8a6",
           "#ef4444", "#0ea5e9"]
LAYOUTS = ["end", "column", "above", "inside", "ranked", "plain", "percent", "slide"]


def _values(rng: random.Random, kind: str, count: int) -> list[float]:
    """Printed values, sorted best first as a ranking shows them."""
    if kind == "elo":
        values = [float(rng.randint(1150, 1370)) for _ in range(count)]
    elif kind == "rate":
        values = [float(rng.randint(25, 320)) for _ in range(count)]
    else:
        values = [round(rng.uniform(22, 92), 1) for _ in range(count)]
    return sorted(values, reverse=True)


def _printed(value: float, kind: str) -> str:
    if kind == "%":
        return f"{value:.1f}%"
    if kind in ("elo", "rate"):
        return f"{value:.0f}"
    return f"{value:.1f}"


def _palette(rng: random.Random, dark: bool) -> dict[str, str]:
    if dark:
        return {"page": rng.choice(["#0f172a", "#111827", "#18181b", "#1e1e2e", "#0b0f19"]),
                "ink": rng.choice(["#f1f5f9", "#e5e7eb", "#fafafa"]), "muted": "#94a3b8",
                "track": rng.choice(["#1f2937", "#27272a", "#334155"])}
    return {"page": rng.choice(["#ffffff", "#f8fafc", "#fafaf9", "#f5f7fb"]),
            "ink": rng.choice(["#111827", "#1f2937", "#0f172a"]), "muted": "#64748b",
            "track": rng.choice(["#e5e7eb", "#eef2f7", "#f1f5f9"])}


def _row(layout: str, name: str, text: str, share: float, rank: int, colours: dict[str, str],
         bar: str, height: int, radius: int, track: bool, name_width: int) -> str:
    """One row of the list as HTML: the name, the bar (over its track) and the value."""
    track_style = f"background:{colours['track']};" if track else ""
    filled = (f"<div style='width:{share * 100:.2f}%;height:{height}px;background:{bar};"
              f"border-radius:{radius}px;position:relative;flex:none'>")
    if layout == "inside":
        filled += (f"<span style='position:absolute;right:8px;top:50%;transform:translateY(-50%);"
                   f"color:#ffffff;font-weight:600;font-size:{max(11, height - 10)}px'>"
                   f"{text}</span>")
    filled += "</div>"
    # the value past the bar's end stands in a margin the lane keeps free for it, so that
    # the bar's share is of the lane alone
    past = layout in ("end", "plain", "slide")
    lane = (f"<div style='flex:1;{track_style}border-radius:{radius}px;display:flex;"
            f"align-items:center;position:relative;margin-right:{'4.5em' if past else '0'}'>"
            f"{filled}")
    if past:
        lane += (f"<span style='position:absolute;left:calc({share * 100:.2f}% + 8px);"
                 f"white-space:nowrap'>{text}</span>")
    lane += "</div>"
    label = html.escape(name)
    if layout == "ranked":
        icon = (f"<span style='display:inline-block;width:18px;height:18px;border-radius:50%;"
                f"background:{colours['muted']};margin-right:8px;vertical-align:middle'></span>")
        label = (f"<span style='color:{colours['muted']};display:inline-block;width:26px'>"
                 f"{rank}</span>{icon}{label}")
    if layout == "above":
        return (f"<div style='margin:14px 0'><div style='display:flex;"
                f"justify-content:space-between;margin-bottom:6px'><span>{label}</span>"
                f"<span style='font-weight:600'>{text}</span></div>"
                f"<div style='display:flex'>{lane}</div></div>")
    value_column = ""
    if layout in ("column", "ranked", "percent"):  # right-aligned in a column of its own
        value_column = (f"<span style='width:72px;text-align:right;margin-left:12px;"
                        f"font-variant-numeric:tabular-nums'>{text}</span>")
    return (f"<div style='display:flex;align-items:center;margin:10px 0'>"
            f"<span style='width:{name_width}px;flex:none;white-space:nowrap'>{label}</span>"
            f"{lane}{value_column}</div>")


def _page(rng: random.Random, layout: str, entry: dict[str, Any]) -> str:
    dark = rng.random() < 0.5
    colours = _palette(rng, dark)
    measure, kind = rng.choice(MEASURES)
    if layout == "percent":
        measure, kind = rng.choice([m for m in MEASURES if m[1] == "%"])
    names = rng.sample(MODELS, rng.randint(4, 9))
    values = _values(rng, kind, len(names))
    texts = [_printed(v, kind) for v in values]
    # a percentage fills its share of a 100% track; other values the share of the top one
    # (or of a round number above it), as a widget scales its bars
    full = 100.0 if kind == "%" and (layout == "percent" or rng.random() < 0.5) else (
        values[0] * rng.choice([1.0, 1.0, 1.1, 1.25]))
    track = layout in ("percent", "above", "ranked") or rng.random() < 0.4
    accent = rng.choice(ACCENTS)
    many = rng.random() < 0.3  # a colour a row
    size = rng.choice([13, 14, 15, 16]) if layout != "slide" else rng.choice([22, 26])
    height = rng.choice([8, 10, 14, 18]) if layout not in ("inside", "slide") else (
        rng.choice([22, 26, 30]))
    radius = rng.choice([0, 2, 4, height // 2])
    name_width = int(max(len(n) for n in names) * size * 0.62) + (44 if layout == "ranked"
                                                                 else 0)
    rows = "".join(
        _row(layout, name, text, value / full, rank, colours,
             rng.choice(ACCENTS) if many else accent, height, radius, track, name_width)
        for rank, (name, text, value) in enumerate(zip(names, texts, values, strict=True), 1))
    title = rng.choice([measure, f"{measure} leaderboard", f"Top models by {measure}"])
    width = rng.choice([460, 560, 680, 820]) if layout != "slide" else 1100
    padding = rng.choice([16, 20, 28]) if layout != "slide" else 56
    card = (f"<div id='shot' style='display:inline-block;width:{width}px;padding:{padding}px;"
            f"background:{colours['page']};color:{colours['ink']};font-family:{rng.choice(FONTS)};"
            f"font-size:{size}px;border-radius:{rng.choice([0, 8, 14])}px'>"
            f"<div style='font-weight:700;font-size:{size + 4}px;margin-bottom:8px'>"
            f"{html.escape(title)}</div>{rows}</div>")
    entry.update(dark=dark, track=track, value=layout, measure=measure,
                 series={measure: [[n, v] for n, v in zip(names, values, strict=True)]})
    outside = rng.choice(["#ffffff", "#e5e7eb"]) if not dark else "#000000"
    return (f"<html><body style='margin:0;padding:{rng.choice([0, 12])}px;background:{outside}'>"
            f"{card}</body></html>")


def generate(out: Path, count: int, seed: int = 100) -> dict[str, dict[str, Any]]:
    """Draw ``count`` bar lists (the layouts in turn) under ``out``; their truth by file."""
    from browser import Browser

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict[str, Any]] = {}
    browser = Browser((1400, 1200))
    try:
        for index in range(count):
            rng = random.Random(seed * 1000 + index)
            layout = LAYOUTS[index % len(LAYOUTS)]
            entry: dict[str, Any] = {"kind": "hbar", "renderer": "html", "log_x": False,
                                     "labelled": True, "style": f"bl-{layout}"}
            page = _page(rng, layout, entry)
            image = browser.shoot(page, rng.choice([1.0, 1.0, 1.5, 2.0]))
            truth[save_shot(image, out, f"barlist_{seed}_{index:03d}.png", rng, 0.3)] = entry
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
