"""A table pasted into a task-board card, UI all round: a saturated or dark board
background (blues, greens, purples, oranges, near-black), three or four list columns (light
grey rounded panels with a bold list title and white cards of short texts, "+ Add a card"),
and in one list a card that holds coloured label pills, a title line, a ruled table (thin
grey rules round every cell: a name, a size column, three to five scores) and under it a
footer of UI counters: a checkbox glyph with "2/6", a speech bubble with "4 comments", a
clock with a date, and two or three avatar circles with initials. Chromium, several sans
faces at 12-15 px, device pixel ratio 1 to 2, some JPEG.

The truth is the table alone: no list, card, label or counter is a row.
"""

from __future__ import annotations

import random
from pathlib import Path

from browser import Browser
from PIL import Image

from looks.common import drawn_rows, look_run, save_shot

FONTS = [
    "'Liberation Sans', Arial, sans-serif",
    "'DejaVu Sans', sans-serif",
    "Roboto, sans-serif",
    "'Open Sans', sans-serif",
    "'FreeSans', sans-serif",
]
# (board background, list panel): saturated boards and dark ones, as board themes pick.
BOARDS = [
    ("#0079bf", "#ebecf0"),
    ("#1565c0", "#f1f2f4"),
    ("#2f7ec7", "#e9ebee"),
    ("#519839", "#ebecf0"),
    ("#89609e", "#ebecf0"),
    ("#d29034", "#ebecf0"),
    ("#00838f", "#eef0f2"),
    ("#b04632", "#ebecf0"),
    ("#1d2125", "#101204"),
    ("#22272b", "#161a1d"),
    ("#3949ab", "#f4f5f7"),
]
LABELS = [
    "#61bd4f",
    "#f2d600",
    "#ff9f1a",
    "#eb5a46",
    "#c377e0",
    "#0079bf",
    "#00c2e0",
    "#51e898",
    "#ff78cb",
]
LABEL_WORDS = ["eval", "urgent", "infra", "", "", "paper", "v2"]
AVATARS = ["#5e35b1", "#00897b", "#e53935", "#3949ab", "#f4511e", "#6d4c41", "#039be5"]
STEMS = [
    "Tesselite",
    "Quorra",
    "Brindle",
    "Sablefin",
    "Marlow",
    "Ostrava",
    "Pellucid",
    "Vantor",
    "Cindral",
    "Hollis",
]
SIZES = ["1.3", "2.7", "3", "7", "8", "13", "22", "34", "70"]
TAILS = ["Pro", "Mini", "Base", "Instruct", "Chat", "Lite", ""]
BENCHES = [
    "GSM8K",
    "HumanEval",
    "AGIEval",
    "MMLU",
    "ARC-C",
    "BBH",
    "MBPP",
    "DROP",
    "HellaSwag",
    "MATH",
]
SIZE_HEADS = ["#Params", "Params", "Size"]
NAME_HEADS = ["Model name", "Model", "Name", "Checkpoint"]
TASKS = [
    "Task {n}: tidy configs",
    "Rebase the eval harness",
    "Task {n}: fix tokenizer test",
    "Write the release notes",
    "Check licence of data",
    "Task {n}: shard uploads",
    "Refresh the dashboard",
    "Ping infra about quotas",
    "Retry the failed runs",
    "Review data filters",
    "Task {n}: bump deps",
]
LISTS = [
    ["To do", "Backlog", "Ideas"],
    ["In review", "Doing", "In progress"],
    ["Done", "Shipped", "Finished"],
    ["Blocked", "Later"],
]


VIEWPORT = (1800, 1200)


def _name(rng: random.Random) -> str:
    tail = rng.choice(TAILS)
    return f"{rng.choice(STEMS)}-{rng.choice(SIZES)}B" + (f" {tail}" if tail else "")


def _card(rng: random.Random, text: str, dark: bool) -> str:
    ink = "#b6c2cf" if dark else "#172b4d"
    back = "#22272b" if dark else "#fff"
    label = ""
    if rng.random() < 0.35:
        label = (
            f"<div style='width:40px;height:8px;border-radius:4px;margin-bottom:4px;"
            f"background:{rng.choice(LABELS)}'></div>"
        )
    return f"<div class='c' style='background:{back};color:{ink}'>{label}{text}</div>"


def _footer(rng: random.Random) -> str:
    done = rng.randint(1, 6)
    total = rng.randint(done, 8)
    parts = [f"<span class='f'><span class='box'>&#10003;</span>{done}/{total}</span>"]
    if rng.random() < 0.8:
        parts.append(
            f"<span class='f'><span class='bub'></span>{rng.randint(1, 12)} "
            f"comment{'s' if rng.random() < 0.9 else ''}</span>"
        )
    if rng.random() < 0.4:
        parts.append(
            f"<span class='f'>&#9201; {rng.choice(['Mar', 'Apr', 'Jun'])} "
            f"{rng.randint(1, 28)}</span>"
        )
    if rng.random() < 0.3:
        parts.append(
            f"<span class='f'><span class='box' style='border-radius:50%'></span>"
            f"{rng.randint(1, 4)}</span>"
        )
    faces = "".join(
        f"<span class='av' style='background:{rng.choice(AVATARS)}'>"
        f"{rng.choice('ABCDEJKLMPRST')}{rng.choice('ABCDEHKLMNRSW')}</span>"
        for _ in range(rng.randint(2, 3))
    )
    return f"<div class='foot'><span>{''.join(parts)}</span><span>{faces}</span></div>"


def _page(rng: random.Random, columns: list[str], rows: list[list[str]]) -> str:
    board, panel = rng.choice(BOARDS)
    dark = panel.startswith("#1")
    title_ink = "#b6c2cf" if dark else "#172b4d"
    font_px = rng.randint(12, 15)
    rule = rng.choice(["#c1c7d0", "#dfe1e6", "#bbb", "#d0d4da"])
    list_width = rng.randint(230, 280)
    table_card_width = rng.choice(["max-content", "max-content", f"{list_width + 200}px"])
    style = (
        f"body{{margin:0;background:{board};font-family:{rng.choice(FONTS)};"
        f"font-size:{font_px}px}}"
        f"#shot{{display:inline-flex;align-items:flex-start;gap:{rng.randint(8, 14)}px;"
        f"padding:{rng.randint(10, 24)}px;background:{board}}}"
        f".l{{background:{panel};border-radius:{rng.randint(3, 12)}px;padding:8px;"
        f"width:{list_width}px;flex:none}}"
        f".l.wide{{width:auto;min-width:{list_width}px}}"
        f".l h3{{margin:2px 4px 8px;font-size:{font_px}px;color:{title_ink}}}"
        ".c{border-radius:8px;padding:8px 10px;margin-bottom:8px;"
        "box-shadow:0 1px 1px rgba(9,30,66,.25)}"
        f".add{{color:{'#9fadbc' if dark else '#5e6c84'};padding:4px 6px}}"
        ".pill{display:inline-block;min-width:36px;height:16px;border-radius:4px;"
        "margin-right:4px;color:#fff;font-size:11px;padding:0 6px;line-height:16px}"
        f"table{{border-collapse:collapse;margin:8px 0;font-size:{font_px - rng.choice([0, 1])}px}}"
        f"th,td{{border:1px solid {rule};padding:{rng.randint(3, 6)}px {rng.randint(5, 9)}px;"
        "text-align:left;white-space:nowrap}"
        f"th{{background:{rng.choice(['#f4f5f7', '#fff', '#fafbfc'])};font-weight:bold}}"
        ".foot{display:flex;justify-content:space-between;align-items:center;"
        "color:#5e6c84;font-size:12px;margin-top:4px}"
        ".f{margin-right:10px;display:inline-flex;align-items:center}"
        ".box{display:inline-block;width:11px;height:11px;border:1.5px solid #5e6c84;"
        "border-radius:2px;font-size:9px;line-height:11px;text-align:center;margin-right:3px}"
        ".bub{display:inline-block;width:11px;height:9px;border:1.5px solid #5e6c84;"
        "border-radius:3px;margin-right:4px}"
        ".av{display:inline-flex;width:26px;height:26px;border-radius:50%;color:#fff;"
        "font-size:10px;font-weight:bold;align-items:center;justify-content:center;"
        "margin-left:3px}"
    )
    header = "".join(f"<th>{c}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    pills = "".join(
        f"<span class='pill' style='background:{rng.choice(LABELS)}'>{rng.choice(LABEL_WORDS)}"
        "</span>"
        for _ in range(2)
    )
    title = rng.choice(
        [
            "Eval sweep results ({n} runs)",
            "Nightly evals, week {n}",
            "Ablation results ({n} seeds)",
            "Baselines to beat ({n})",
        ]
    )
    table_card = (
        f"<div class='c' style='background:#fff;color:#172b4d;width:{table_card_width}'>"
        f"<div>{pills}</div><div style='margin:6px 0 2px;font-weight:500'>"
        f"{title.format(n=rng.randint(3, 60))}</div>"
        f"<table><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>"
        f"{_footer(rng)}</div>"
    )
    count = rng.choice([3, 3, 4])
    holder = rng.randint(1, count - 1) if rng.random() < 0.7 else 0
    lists = ""
    for k in range(count):
        cards = [
            _card(rng, rng.choice(TASKS).format(n=rng.randint(10, 199)), dark)
            for _ in range(rng.randint(1, 3))
        ]
        if k == holder:
            cards.insert(rng.randint(0, len(cards)), table_card)
        lists += (
            f"<div class='l{' wide' if k == holder else ''}'><h3>"
            f"{rng.choice(LISTS[k])}</h3>{''.join(cards)}"
            "<div class='add'>+ Add a card</div></div>"
        )
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><style>{style}</style></head>"
        f"<body><div id='shot'>{lists}</div></body></html>"
    )


def board_shot(rng: random.Random, browser: Browser) -> tuple[Image.Image, list[str], list[dict]]:
    """One board drawn from ``rng``: its screenshot, the table's column names and the
    truth's rows."""
    benches = rng.sample(BENCHES, rng.randint(3, 5))
    if "MMLU" not in benches and rng.random() < 0.7:
        benches[-1] = "MMLU"
    rows, cells = drawn_rows(rng, _name, rng.randint(3, 7), benches)
    size_head = rng.choice(SIZE_HEADS)
    printed = [[c[0], f"{r['params_b']:g}B", *c[1:]] for c, r in zip(cells, rows, strict=True)]
    for row, shown in zip(rows, printed, strict=True):
        row["cells"] = shown
    columns = [rng.choice(NAME_HEADS), size_head, *benches]
    image = browser.shoot(_page(rng, columns, printed), rng.choice([1.0, 1.0, 1.25, 2.0]))
    return image, columns, rows


def generate(out: Path, count: int, seed: int) -> dict:
    with look_run(out, seed, VIEWPORT) as (rng, browser, truth):
        for i in range(count):
            image, columns, rows = board_shot(rng, browser)
            name = save_shot(image, out, f"board_{i:03d}", rng, 0.3)
            truth[name] = {
                "columns": columns,
                "settings": [None] * len(columns),
                "rows": rows,
                "style": "task_board",
            }
    return truth
