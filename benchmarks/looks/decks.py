"""Presentation slides and chat code blocks, drawn in Chromium as a different person would.

- ``deck_slide``: a Keynote / PowerPoint / Google Slides page (16:9) with a slide title, a
  logo, a table whose header cells are filled with a brand colour and set in white, large
  fonts, rounded or borderless cells, zebra or separator rows, the best model's row
  highlighted, bold best values, footnotes and a slide number; light and dark decks;
  exported at 960-1920 px wide, then shrunk and saved as JPEG.
- ``deck_chat``: a message in Discord, Slack or Telegram (dark and light) holding a table
  typed in monospace: Markdown pipes, a space-aligned ``print(df)`` frame with its index,
  or box-drawing characters; long model names, some code blocks narrow enough to wrap.

Written while tuning: a tuning look, never a test set.
"""

import io
import json
import random
from pathlib import Path

from browser import Browser
from PIL import Image

from looks.common import MODELS, size_of

BENCHES = ["MMLU", "GSM8K", "HumanEval", "ARC-C", "BBH", "HellaSwag", "MATH", "C-Eval", "MBPP",
           "AGIEval", "TriviaQA", "WinoGrande"]
SETTINGS = {"MMLU": "5-shot", "GSM8K": "8-shot", "HumanEval": "0-shot", "ARC-C": "25-shot",
            "BBH": "3-shot", "HellaSwag": "10-shot", "MATH": "4-shot", "C-Eval": "5-shot",
            "MBPP": "3-shot", "AGIEval": "0-shot", "TriviaQA": "1-shot", "WinoGrande": "5-shot"}
LONG_MODELS = ["Qwen1.5-72B-Chat-GPTQ-Int4", "Mistral-7B-Instruct-v0.2", "Llama-2-70B-Chat-AWQ",
               "DeepSeek-Coder-33B-Instruct", "InternLM2-20B-Chat-SFT", "Yi-34B-Chat-4bits"]
BRANDS = ["#0f62fe", "#6929c4", "#d0021b", "#00857c", "#ff6f00", "#1a73e8", "#7b1fa2", "#0b5394",
          "#e31c79", "#2e7d32", "#5b21b6", "#c2410c"]
FONTS = ["Helvetica Neue", "Arial", "Liberation Sans", "DejaVu Sans", "Open Sans", "Roboto",
         "Lato", "Montserrat"]
MONO_FONTS = ["DejaVu Sans Mono", "Liberation Mono", "Consolas", "Menlo", "FreeMono",
              "Courier New"]
TITLES = ["Benchmark results", "How we compare", "Evaluation", "Results on standard benchmarks",
          "Base model comparison", "Performance vs. open models", "Key results"]
NOTES = ["* Numbers from our internal evaluation harness.", "Higher is better. Best in bold.",
         "† Reported by the model authors.", "Source: public leaderboards, accessed in May.",
         "All results are few-shot unless noted."]


def _table(rng: random.Random, long_names: bool) -> tuple[list[str], list[str], list[dict]]:
    """Columns as printed, the benchmarks, and truth rows with their printed cells."""
    n_rows, n_bench = rng.randint(3, 7), rng.randint(2, 5)
    pool = MODELS + (LONG_MODELS if long_names else [])
    models = rng.sample(pool, n_rows)
    benches = rng.sample(BENCHES, n_bench)
    with_size = rng.random() < 0.35
    columns = ["Model"] + (["Params"] if with_size else []) + benches
    percent = rng.random() < 0.2
    rows = []
    for model in models:
        size = size_of(model)
        values = [round(rng.uniform(12, 92), 1) for _ in benches]
        cells = [model] + ([f"{size:g}B" if size else "-"] if with_size else [])
        cells += [f"{v:.1f}%" if percent else f"{v:.1f}" for v in values]
        mmlu = values[benches.index("MMLU")] if "MMLU" in benches else None
        rows.append({"model": model, "params_b": size, "tokens_t": None,
                     "mmlu": mmlu, "cells": cells})
    return columns, benches, rows


def _jpeg(image: Image.Image, rng: random.Random) -> Image.Image:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=rng.randint(60, 90))
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def _slide(rng: random.Random, browser: Browser) -> tuple[Image.Image, list[str], list[dict]]:
    columns, benches, rows = _table(rng, long_names=rng.random() < 0.3)
    brand = rng.choice(BRANDS)
    dark = rng.random() < 0.35
    page, ink, zebra, line = (
        (rng.choice(["#111827", "#0b1f3a", "#1e1e2e", "#202124"]), "#f3f4f6",
         "rgba(255,255,255,.06)", "rgba(255,255,255,.18)")
        if dark
        else (rng.choice(["#ffffff", "#f7f7f9", "#fbfaf7"]), "#1f2937", "rgba(0,0,0,.04)",
              "rgba(0,0,0,.12)")
    )
    font = rng.choice(FONTS)
    size = rng.randint(20, 30)
    radius = rng.choice([0, 0, 8, 14])
    rules = rng.choice(["zebra", "lines", "none", "cells"])
    # a setting printed in the header: beside the name, on a line of its own, or not at all
    setting_form = rng.choice(["none", "none", "bracket", "below"])
    head = []
    for name in columns:
        if name in benches and setting_form == "bracket":
            head.append(f"{name} ({SETTINGS[name]})")
        elif name in benches and setting_form == "below":
            head.append(f"{name}<br><span style='font-weight:400;font-size:.7em'>"
                        f"{SETTINGS[name]}</span>")
        else:
            head.append(name)
    printed = [h.split("<br>")[0] for h in head]
    best = max(range(len(rows)), key=lambda r: sum(float(c.rstrip("%")) for c in
                                                  rows[r]["cells"][len(columns) - len(benches):]))
    highlight = rng.choice(["tint", "bold", "outline", "none"])
    body = []
    for r, row in enumerate(rows):
        style = ""
        if r == best and highlight == "tint":
            style = f"background:{brand}33;font-weight:700"
        elif r == best and highlight == "bold":
            style = "font-weight:700"
        elif r == best and highlight == "outline":
            style = f"outline:3px solid {brand};outline-offset:-3px"
        elif rules == "zebra" and r % 2:
            style = f"background:{zebra}"
        cells = "".join(f"<td>{c}</td>" for c in row["cells"])
        body.append(f"<tr style='{style}'>{cells}</tr>")
    border = {
        "lines": f"border-bottom:1px solid {line}",
        "cells": f"border:1px solid {line}",
    }.get(rules, "")
    logo = rng.choice([
        f"<div style='width:{size * 2}px;height:{size * 2}px;border-radius:50%;background:{brand}'>"
        "</div>",
        f"<b style='color:{brand};font-size:{size}px;letter-spacing:1px'>"
        f"{rng.choice(['NOVA', 'acme.ai', 'Lumen', 'Orbit Labs'])}</b>",
    ])
    width = rng.choice([960, 1280, 1600, 1920])
    height = width * 9 // 16
    scale = width / 1280
    notes = "<br>".join(rng.sample(NOTES, rng.randint(0, 2)))
    align = rng.choice(["left", "center"])
    css = (
        f"body{{margin:0;background:{page}}}"
        f"#shot{{width:1280px;height:720px;background:{page};color:{ink};font-family:'{font}';"
        f"position:relative;overflow:hidden;box-sizing:border-box;padding:48px 64px}}"
        f"h1{{font-size:{rng.randint(36, 48)}px;margin:0 0 28px;font-weight:700}}"
        f".logo{{position:absolute;top:40px;right:56px}}"
        f"table{{border-collapse:{'separate' if radius else 'collapse'};border-spacing:0;"
        f"font-size:{size}px;border-radius:{radius}px;overflow:hidden;"
        f"margin:{'0 auto' if align == 'center' else '0'}}}"
        f"th{{background:{brand};color:#fff;font-weight:700;padding:{size // 2}px {size}px;"
        f"text-align:center}}"
        f"td{{padding:{size // 2 - 2}px {size}px;text-align:center;{border}}}"
        f"td:first-child,th:first-child{{text-align:left}}"
        f".notes{{position:absolute;bottom:36px;left:64px;font-size:{rng.randint(13, 16)}px;"
        f"opacity:.7}}"
        f".num{{position:absolute;bottom:36px;right:56px;font-size:14px;opacity:.6}}"
    )
    html = (
        f"<!DOCTYPE html><html><head><style>{css}</style></head><body><div id='shot'>"
        f"<div class='logo'>{logo}</div><h1>{rng.choice(TITLES)}</h1>"
        f"<table><tr>{''.join(f'<th>{h}</th>' for h in head)}</tr>{''.join(body)}</table>"
        f"<div class='notes'>{notes}</div><div class='num'>{rng.randint(3, 40)}</div>"
        f"</div></body></html>"
    )
    image = browser.shoot(html, scale)
    shrink = rng.uniform(0.55, 1.0) if width > 960 else 1.0
    image = image.resize((round(image.width * shrink), round(image.height * shrink)),
                         Image.Resampling.LANCZOS)
    del height
    return _jpeg(image, rng), printed, rows


CHATS = {
    # page, text, code ground, code text, border
    "discord_dark": ("#313338", "#dbdee1", "#2b2d31", "#dbdee1", "#1e1f22"),
    "discord_light": ("#ffffff", "#313338", "#f2f3f5", "#313338", "#e3e5e8"),
    "slack_light": ("#ffffff", "#1d1c1d", "#f8f8f8", "#1d1c1d", "#dddddd"),
    "slack_dark": ("#1a1d21", "#d1d2d3", "#222529", "#e8912d", "#35373b"),
    "telegram_light": ("#dfe9d6", "#000000", "#effdde", "#2f5e1f", "#effdde"),
    "telegram_dark": ("#0e1621", "#f5f5f5", "#182533", "#7ab8f5", "#182533"),
}


def _markdown(columns: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[c]) for r in [columns, *rows]) for c in range(len(columns))]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(
            t.ljust(w) if c == 0 else t.rjust(w)
            for c, (t, w) in enumerate(zip(cells, widths, strict=True))
        ) + " |"

    return [line(columns), "|" + "|".join("-" * (w + 2) for w in widths) + "|",
            *(line(r) for r in rows)]


def _frame(columns: list[str], rows: list[list[str]]) -> list[str]:
    """pandas' ``print(df)``: the index down the left, every column set right."""
    table = [["", *columns]] + [[str(i), *r] for i, r in enumerate(rows)]
    widths = [max(len(r[c]) for r in table) for c in range(len(table[0]))]
    return ["  ".join(t.rjust(w) for t, w in zip(r, widths, strict=True)).rstrip() for r in table]


def _boxes(columns: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[c]) for r in [columns, *rows]) for c in range(len(columns))]

    def rule(left: str, mid: str, right: str) -> str:
        return left + mid.join("─" * (w + 2) for w in widths) + right

    def line(cells: list[str]) -> str:
        return "│ " + " │ ".join(
            t.ljust(w) if c == 0 else t.rjust(w)
            for c, (t, w) in enumerate(zip(cells, widths, strict=True))
        ) + " │"

    return [rule("┌", "┬", "┐"), line(columns), rule("├", "┼", "┤"), *(line(r) for r in rows),
            rule("└", "┴", "┘")]


def _chat(rng: random.Random, browser: Browser) -> tuple[Image.Image, list[str], list[dict]]:
    columns, _, rows = _table(rng, long_names=rng.random() < 0.5)
    form = rng.choice(["markdown", "frame", "boxes"])
    cells = [r["cells"] for r in rows]
    if form == "frame":
        columns = [c.lower() if c == "Model" else c for c in columns]
    lines = {"markdown": _markdown, "frame": _frame, "boxes": _boxes}[form](columns, cells)
    theme = rng.choice(list(CHATS))
    page, text, ground, code, border = CHATS[theme]
    size = rng.randint(13, 16)
    wrap = rng.random() < 0.15
    width = max(len(line) for line in lines)
    block_width = f"max-width:{int(width * 0.62 * size * 0.8)}px;" if wrap else ""
    escaped = "\n".join(lines).replace("&", "&amp;").replace("<", "&lt;")
    css = (
        f"body{{margin:0;background:{page}}}"
        f"#shot{{display:inline-block;padding:16px 24px 20px 16px;background:{page};color:{text};"
        f"font-family:'Open Sans','Noto Sans',sans-serif;font-size:15px}}"
        f".av{{width:40px;height:40px;border-radius:50%;float:left;margin-right:14px;"
        f"background:{rng.choice(BRANDS)}}}"
        f".who{{font-weight:700}} .when{{opacity:.6;font-size:12px;margin-left:6px}}"
        f"pre{{background:{ground};color:{code};border:1px solid {border};border-radius:4px;"
        f"padding:8px 10px;margin:6px 0 0 54px;font-family:'{rng.choice(MONO_FONTS)}',monospace;"
        f"font-size:{size}px;line-height:1.375;{block_width}"
        f"white-space:{'pre-wrap' if wrap else 'pre'}}}"
    )
    who = rng.choice(["kai.w", "mira", "evalbot", "jt", "priya_s"])
    say = rng.choice(["numbers from the new run:", "results so far", "fwiw, our eval:",
                      "table from the report 👇", ""])
    html = (
        f"<!DOCTYPE html><html><head><style>{css}</style></head><body><div id='shot'>"
        f"<div class='av'></div>"
        f"<span class='who'>{who}</span><span class='when'>Today at {rng.randint(1, 12)}:"
        f"{rng.randint(10, 59)} PM</span><div style='margin-left:54px'>{say}</div>"
        f"<pre>{escaped}</pre></div></body></html>"
    )
    image = browser.shoot(html, rng.choice([1.0, 1.0, 1.25, 1.5, 2.0]))
    if rng.random() < 0.5:
        image = _jpeg(image, rng)
    return image, columns, rows


def generate(out: Path, count: int, seed: int) -> dict:
    """``count`` images (slides and chat code blocks in turn) and their truth in ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    browser = Browser((1400, 1000))
    try:
        for i in range(count):
            rng = random.Random(f"decks:{seed}:{i}")
            style = ("deck_slide", "deck_chat")[i % 2]
            draw = _slide if style == "deck_slide" else _chat
            image, columns, rows = draw(rng, browser)
            name = f"decks_{seed}_{i:03d}_{style}.jpg"
            image.save(out / name, quality=95)
            truth[name] = {"columns": columns, "settings": [None] * len(columns), "rows": rows,
                           "style": style}
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
