"""Leaderboard pages as a Gradio / Hugging Face space draws them, in Chromium: a search box
and filter chips above the table, sort arrows in the header cells (▲▼, ⇅, ↕), a rank column
and a type column of icons (emoji, coloured dots), model names as blue links with their
organisation ("org/model-name"), an Average column, striped rows, precision and size
columns, many columns in a narrow page so the text is small, pagination below. Light and
dark, device pixel ratios 1, 1.25 and 2. The truth is what the table prints: the rank and
the type icons are no part of it."""

import json
import random
import re
from pathlib import Path

from browser import Browser

# (name as the hub shows it, parameters in billions as the size column prints them)
HUB_MODELS = [
    ("meta-llama/Llama-2-7b-hf", 6.74),
    ("meta-llama/Llama-2-13b-chat-hf", 13.02),
    ("mistralai/Mistral-7B-v0.1", 7.24),
    ("mistralai/Mixtral-8x7B-Instruct-v0.1", 46.7),
    ("Qwen/Qwen1.5-14B", 14.17),
    ("Qwen/Qwen1.5-72B-Chat", 72.29),
    ("01-ai/Yi-34B", 34.39),
    ("tiiuae/falcon-40b", 40.0),
    ("google/gemma-7b", 8.54),
    ("microsoft/phi-2", 2.78),
    ("mosaicml/mpt-30b", 30.0),
    ("internlm/internlm2-20b", 19.86),
    ("lmsys/vicuna-13b-v1.5", 13.0),
    ("allenai/OLMo-7B", 6.89),
    ("EleutherAI/pythia-12b", 11.85),
    ("deepseek-ai/deepseek-llm-67b-base", 67.0),
    ("upstage/SOLAR-10.7B-Instruct-v1.0", 10.73),
    ("NousResearch/Nous-Hermes-2-Yi-34B", 34.39),
    ("teknium/OpenHermes-2.5-Mistral-7B", 7.24),
    ("HuggingFaceH4/zephyr-7b-beta", 7.24),
    ("abacusai/Smaug-72B-v0.1", 72.29),
    ("openchat/openchat-3.5-0106", 7.24),
    ("CohereForAI/aya-101", 12.92),
    ("stabilityai/stablelm-2-1_6b", 1.64),
]
LEADER_BENCH = ["ARC", "HellaSwag", "MMLU", "TruthfulQA", "Winogrande", "GSM8K", "IFEval", "BBH"]
TYPES = [
    ("🟢", "#2e7d32"), ("🔶", "#ef6c00"), ("💬", "#1565c0"), ("⭕", "#c62828"), ("🤝", "#6a1b9a")
]
ARROWS = ["▲▼", "⇅", "↕", "▼", "⬆", "⬍"]
FONTS = [
    "'Source Sans Pro', 'Open Sans', sans-serif",
    "Roboto, sans-serif",
    "'IBM Plex Sans', 'DejaVu Sans', sans-serif",
    "'Liberation Sans', Arial, sans-serif",
    "'Roboto Condensed', sans-serif",
    "'FreeSans', sans-serif",
]


def size_in_name(name: str) -> float | None:
    """Parameters the name states (an "8x7B" mixture states 56), as a reader would take them
    when no size column is printed."""
    found = list(re.finditer(r"(?:(\d+)x)?(\d+(?:\.\d+)?)[bB](?![a-z])", name))
    if not found:
        return None
    match = found[-1]
    value = float(match.group(2)) * (int(match.group(1)) if match.group(1) else 1)
    return round(value, 6)


def _theme(rng: random.Random, dark: bool) -> dict[str, str]:
    if dark:
        return {
            "bg": rng.choice(["#0b0f19", "#111827", "#1f2937"]),
            "fg": rng.choice(["#e5e7eb", "#f3f4f6", "#d1d5db"]),
            "stripe": rng.choice(["#1f2937", "#161e2e", "#273244"]),
            "head": rng.choice(["#374151", "#1f2937", "#2b3547"]),
            "line": "#4b5563",
            "link": rng.choice(["#60a5fa", "#93c5fd", "#7aa2ff"]),
            "chip": "#374151",
        }
    return {
        "bg": "#ffffff",
        "fg": rng.choice(["#111827", "#1f2937", "#374151"]),
        "stripe": rng.choice(["#f9fafb", "#f3f4f6", "#eef2ff", "#fafafa"]),
        "head": rng.choice(["#f3f4f6", "#ffffff", "#e5e7eb", "#fff7ed"]),
        "line": rng.choice(["#e5e7eb", "#d1d5db"]),
        "link": rng.choice(["#2563eb", "#1d4ed8", "#0969da", "#3b82f6"]),
        "chip": "#f3f4f6",
    }


def _chrome_above(rng: random.Random, t: dict[str, str]) -> str:
    search = (
        f"<input style='width:70%;padding:8px;border:1px solid {t['line']};border-radius:6px;"
        f"background:{t['bg']};color:{t['fg']}' placeholder='Search for your model (separate "
        "multiple queries with `;`) and press ENTER...'>"
    )
    chips = "".join(
        f"<span style='display:inline-block;margin:6px 6px 0 0;padding:3px 10px;"
        f"border-radius:12px;background:{t['chip']};font-size:13px'>"
        f"{'☑' if rng.random() < 0.6 else '☐'} {chip}</span>"
        for chip in rng.sample(
            ["pretrained", "fine-tuned", "chat models (RLHF, DPO, IFT, ...)", "merges",
             "base merges and moerges", "Show gated/private/deleted models", "float16",
             "bfloat16", "8bit", "4bit", "~1.5", "~3", "~7", "~13", "~35", "~60", "70+"],
            rng.randint(4, 9),
        )
    )
    tabs = "".join(
        f"<span style='margin-right:18px;{'border-bottom:2px solid #f97316;' if k == 0 else ''}"
        f"padding-bottom:4px'>{tab}</span>"
        for k, tab in enumerate(["🏅 LLM Benchmark", "📝 About", "🚀 Submit here! "])
    )
    parts = [f"<div style='margin-bottom:10px;font-size:14px'>{tabs}</div>"]
    if rng.random() < 0.85:
        parts.append(f"<div>{search}</div>")
    parts.append(f"<div style='margin:4px 0 10px 0'>{chips}</div>")
    return "".join(parts)


def _chrome_below(rng: random.Random, total: int) -> str:
    pages = "".join(
        f"<span style='margin:0 6px'>{p}</span>"
        for p in ["«", "‹", "1", "2", "3", "…", str(rng.randint(40, 400)), "›", "»"]
    )
    return (
        f"<div style='margin-top:8px;font-size:13px;display:flex;justify-content:space-between'>"
        f"<span>Showing 1 to {rng.randint(5, 12)} of {total:,} entries</span><span>{pages}</span>"
        "</div>"
    )


def generate(out: Path, count: int, seed: int) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    browser = Browser((1600, 1400))
    try:
        for i in range(count):
            dark = rng.random() < 0.35
            t = _theme(rng, dark)
            n_rows = rng.randint(5, 11)
            picked = rng.sample(HUB_MODELS, n_rows)
            benches = rng.sample(LEADER_BENCH, rng.randint(4, 7))
            if "MMLU" not in benches and rng.random() < 0.7:
                benches[rng.randrange(len(benches))] = "MMLU"
            with_rank = rng.random() < 0.6
            with_type = rng.random() < 0.85
            with_params = rng.random() < 0.8
            with_precision = rng.random() < 0.6
            icons = rng.choice(["emoji", "dots", "symbols"])
            arrows = rng.choice(ARROWS)
            arrow_side = rng.choice(["after", "after", "before"])
            font_px = rng.choice([11, 12, 12, 13, 14])
            width = rng.choice([820, 960, 1100, 1280, 1440])
            scale = rng.choice([1.0, 1.0, 1.25, 2.0])
            average_name = rng.choice(["Average", "Average", "Avg."])
            average_mark = rng.choice(["", " ⬆️", " ▼"])  # the sort order, not the name
            params_name = rng.choice(["#Params (B)", "Params (B)", "#Params(B)"])

            lines = []
            for name, params in picked:
                vals = [round(rng.uniform(25, 88), 2) for _ in benches]
                lines.append((name, params, vals, round(sum(vals) / len(vals), 2)))
            lines.sort(key=lambda line: -line[3])

            def head_cell(label: str, arrows: str = arrows, side: str = arrow_side) -> str:
                mark = f"<span style='opacity:.7;font-size:.85em'>{arrows}</span>"
                inner = f"{mark} {label}" if side == "before" else f"{label} {mark}"
                return f"<th>{inner}</th>"

            header = (["<th>#</th>"] if with_rank else []) + (["<th>T</th>"] if with_type else [])
            header += [head_cell("Model"), head_cell(average_name + average_mark)]
            header += [head_cell(b) for b in benches]
            if with_precision:
                header.append(head_cell("Precision"))
            if with_params:
                header.append(head_cell(params_name))
            rows_html = []
            rows = []
            columns = ["Model", average_name] + benches + ([params_name] if with_params else [])
            for k, (name, params, vals, avg) in enumerate(lines):
                kind, colour = rng.choice(TYPES)
                icon = {
                    "emoji": kind,
                    "dots": f"<span style='display:inline-block;width:.8em;height:.8em;"
                    f"border-radius:50%;background:{colour}'></span>",
                    "symbols": f"<span style='color:{colour}'>{rng.choice('●◆■▲')}</span>",
                }[icons]
                digits = rng.choice([2, 2, 1])
                cells = [f"{v:.{digits}f}" for v in vals]
                average = f"{avg:.{digits}f}"
                link = (
                    f"<a style='color:{t['link']};text-decoration:"
                    f"{rng.choice(['underline dotted', 'none', 'none', 'underline'])}'>{name}</a>"
                )
                if rng.random() < 0.3:
                    link += " <span style='font-size:.9em'>📑</span>"
                tds = ([f"<td>{k + 1}</td>"] if with_rank else [])
                tds += ([f"<td>{icon}</td>"] if with_type else [])
                tds += [f"<td>{link}</td>", f"<td>{average}</td>"]
                tds += [f"<td>{c}</td>" for c in cells]
                if with_precision:
                    tds.append(f"<td>{rng.choice(['bfloat16', 'float16', '8bit', '4bit'])}</td>")
                if with_params:
                    tds.append(f"<td>{params:g}</td>")
                rows_html.append("<tr>" + "".join(tds) + "</tr>")
                mmlu = vals[benches.index("MMLU")] if "MMLU" in benches else None
                rows.append({
                    "model": name,
                    "params_b": params if with_params else size_in_name(name),
                    "tokens_t": None,
                    "mmlu": float(f"{mmlu:.{digits}f}") if mmlu is not None else None,
                    "cells": [name, average] + cells + ([f"{params:g}"] if with_params else []),
                })
            striped = rng.random() < 0.8
            stripe = f"tr:nth-child(even) td{{background:{t['stripe']}}}" if striped else ""
            align = rng.choice(["left", "right", "center"])
            font = FONTS[i % len(FONTS)] if rng.random() < 0.5 else rng.choice(FONTS)
            style = (
                f"body{{margin:0;background:{t['bg']};color:{t['fg']};font-family:{font}}}"
                f"#shot{{min-width:{width}px;width:max-content;padding:14px;background:{t['bg']}}}"
                f"table{{border-collapse:collapse;width:100%;font-size:{font_px}px}}"
                f"th{{background:{t['head']};text-align:left;padding:6px 6px;"
                f"border-bottom:1px solid {t['line']};font-weight:{rng.choice([600, 700])}}}"
                f"td{{padding:{rng.choice([4, 5, 7])}px 6px;border-bottom:1px solid {t['line']};"
                f"text-align:{align}}} td:nth-child(-n+3){{text-align:left}}{stripe}"
            )
            chrome_above = _chrome_above(rng, t) if rng.random() < 0.85 else ""
            chrome_below = _chrome_below(rng, rng.randint(800, 9000)) if rng.random() < 0.7 else ""
            html = (
                f"<!doctype html><html><head><meta charset='utf-8'><style>{style}</style></head>"
                f"<body><div id='shot'>{chrome_above}<table><thead><tr>{''.join(header)}</tr>"
                f"</thead><tbody>{''.join(rows_html)}</tbody></table>{chrome_below}</div>"
                "</body></html>"
            )
            img = browser.shoot(html, scale)
            name = f"leader_{i:03d}.png"
            if rng.random() < 0.35:
                name = name.replace(".png", ".jpg")
                img.save(out / name, quality=rng.randint(70, 92))
            else:
                img.save(out / name)
            truth[name] = {
                "columns": columns,
                "settings": [None] * len(columns),
                "rows": rows,
                "style": "leaderboard",
            }
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
