"""A web leaderboard card: a white rounded card on a light grey page, a bold title and a
grey subtitle, a header row in small grey capitals ("NAME", "MMLU", "MMLU-PRO"), light row
rules, and before each model's name a small rounded square or circle of a saturated colour
holding two white initials ("M1", "K7"). Chromium, several sans faces at 12-15 px, header
capitals at 10-11 px, device pixel ratio 1 to 2, some JPEG.

The badge is no part of the name: the truth's rows are keyed by the name alone.
"""

from __future__ import annotations

import random
from pathlib import Path

from looks.common import MODELS, drawn_rows, look_run, save_shot

FAMILIES = ["Roboto", "Open Sans", "Liberation Sans", "DejaVu Sans", "FreeSans"]
# Saturated badge colours, as avatar generators pick them.
COLOURS = ["#e5484d", "#3e63dd", "#30a46c", "#f76b15", "#8e4ec6", "#0d74ce", "#d6409f",
           "#12a594", "#e54666", "#6e56cf"]
STEMS = ["Marrow", "Vexa", "Orinth", "Lumece", "Omdres", "Kestrel", "Halden", "Corvid"]
VARIANTS = ["Base", "Instruct", "Chat"]
BENCHES = ["MMLU", "MMLU-PRO", "MBPP", "GPQA", "GSM8K", "BBH", "MATH", "ARC-C"]
TITLES = [("Community rankings", "Scores submitted by the community, updated weekly"),
          ("Open model results", "Higher is better. All numbers are accuracy in percent"),
          ("Leaderboard", "Evaluated with the same harness and prompts")]


def _name(rng: random.Random) -> str:
    """A model's name as these cards print it: made up, with spaces ("Marrow-1.5 14B Base"),
    or a known one."""
    if rng.random() < 0.35:
        return rng.choice(MODELS)
    version = rng.choice(["1", "1.5", "2", "2.5", "3"])
    return f"{rng.choice(STEMS)}-{version} {rng.choice([7, 8, 14, 32, 70])}B {rng.choice(VARIANTS)}"


def _page(rng: random.Random, columns: list[str], rows: list[list[str]]) -> str:
    family = rng.choice(FAMILIES)
    size = rng.randint(12, 15)
    head = rng.choice([10, 11])
    head_ink = rng.choice(["#6b7280", "#9ca3af", "#8b95a5", "#71717a"])
    badge = rng.randint(16, 20)
    round_ = "50%" if rng.random() < 0.4 else f"{rng.randint(3, 6)}px"
    title, subtitle = rng.choice(TITLES)
    style = (
        f"body{{margin:0;background:#f3f4f6;font-family:'{family}';font-size:{size}px;"
        "color:#111827}#shot{display:inline-block;padding:24px}"
        ".card{background:#fff;border-radius:12px;padding:20px 24px;"
        "box-shadow:0 1px 3px rgba(0,0,0,.12)}"
        f"h2{{margin:0 0 4px;font-size:{size + 5}px}}p{{margin:0 0 14px;color:#6b7280}}"
        "table{border-collapse:collapse}"
        f"th{{font-size:{head}px;color:{head_ink};font-weight:{rng.choice([500, 600])};"
        f"text-transform:uppercase;letter-spacing:.0{rng.randint(2, 8)}em;text-align:left;"
        f"padding:8px {rng.randint(14, 22)}px 8px 0}}"
        f"td{{padding:{rng.randint(7, 11)}px {rng.randint(14, 22)}px "
        f"{rng.randint(7, 11)}px 0;border-top:1px solid #e5e7eb}}"
        ".n{display:inline-flex;align-items:center}"
        f".b{{display:inline-flex;align-items:center;justify-content:center;width:{badge}px;"
        f"height:{badge}px;border-radius:{round_};color:#fff;font-size:{badge // 2}px;"
        f"font-weight:700;margin-right:{rng.randint(4, 10)}px;flex:none}}"
    )
    header = "".join(f"<th>{c}</th>" for c in columns)
    body = ""
    for cells in rows:
        initials = cells[0][0].upper() + str(rng.randint(1, 9))
        colour = rng.choice(COLOURS)
        name = (f"<td><span class='n'><span class='b' style='background:{colour}'>{initials}"
                f"</span>{cells[0]}</span></td>")
        body += "<tr>" + name + "".join(f"<td>{c}</td>" for c in cells[1:]) + "</tr>"
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>{style}</style></head>"
            f"<body><div id='shot'><div class='card'><h2>{title}</h2><p>{subtitle}</p>"
            f"<table><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table></div></div>"
            "</body></html>")


def generate(out: Path, count: int, seed: int) -> dict:
    with look_run(out, seed, (1200, 900)) as (rng, browser, truth):
        for i in range(count):
            benches = rng.sample(BENCHES, rng.randint(3, 5))
            if i % 2 == 0 and "MMLU" not in benches:
                benches[0] = "MMLU"
            rows, cells = drawn_rows(rng, _name, rng.randint(5, 8), benches)
            columns = ["Name", *benches]
            image = browser.shoot(_page(rng, columns, cells), rng.choice([1.0, 1.0, 1.25, 2.0]))
            name = save_shot(image, out, f"card_{i:03d}", rng, 0.3)
            truth[name] = {"columns": columns, "settings": [None] * len(columns),
                           "rows": rows, "style": "card_badges"}
    return truth
