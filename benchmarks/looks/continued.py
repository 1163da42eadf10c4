"""A paper's longtable continued over two pages, as a PDF viewer shows it: two white pages
on the viewer's grey, in Chromium. Page 1 ends with prose, "Table 3: Results ...", a
booktabs table whose header wraps over two or three lines in narrow columns ("ARC-" /
"C (25-" / "shot)", "MMLU-" / "Pro", "HellaSwag" / "(10-" / "shot)"; neighbouring header
words nearly touch), some rows, "Continued on next page" at the right and the page
number; page 2 starts with a running head ("Preprint"), "Table 3 – continued from
previous page", the same header again, the other rows, the bottom rule, then prose.
Serif faces, several sizes and zooms, some saved as JPEG.

The two fragments are one table: the truth holds every row of both pages once, the header
once; the "continued" lines and the page furniture are no rows.
"""

from __future__ import annotations

from pathlib import Path

from looks.common import MODELS, look_run, save_shot, size_of

# (name as the header wraps it, the name in the truth): the line breaks as LaTeX's narrow
# p{} columns set them.
WRAPPED = [
    ("ARC-<br>C (25-<br>shot)", "ARC-C (25-shot)"),
    ("MMLU-<br>Pro", "MMLU-Pro"),
    ("HellaSwag<br>(10-<br>shot)", "HellaSwag (10-shot)"),
    ("CMMLU", "CMMLU"),
    ("Wino-<br>grande", "Winogrande"),
    ("GSM8K<br>(5-<br>shot)", "GSM8K (5-shot)"),
    ("Truth-<br>fulQA", "TruthfulQA"),
    ("BBH", "BBH"),
    ("MATH", "MATH"),
]
FACES = ["'Liberation Serif', serif", "'DejaVu Serif', serif", "'FreeSerif', serif",
         "'STIXGeneral', 'STIX', serif"]
PROSE = (
    "We compare the models under the same harness and prompts. Scores are accuracies in "
    "percent; the few-shot settings follow the original papers. Models marked as chat were "
    "evaluated with their own templates, and every number is the mean of three runs with "
    "different seeds, whose spread was under half a point in all cases."
)
AFTER = (
    "The gap between the base and the chat models narrows on the knowledge benchmarks, "
    "while the reasoning benchmarks still separate them by several points. We return to "
    "this in Section 5, where we study the effect of the instruction data."
)


def _table(head: str, rows: list[list[str]], shown: range, bottom: bool, thick: str) -> str:
    """The table with every row laid out (so both pages' columns are as wide, as a
    longtable's are) and only the ``shown`` ones drawn."""
    body = "".join(
        f"<tr{'' if r in shown else ' style=visibility:collapse'}>"
        + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for r, row in enumerate(rows)
    )
    last = f"style='border-bottom:{thick} solid #000'" if bottom else ""
    return (f"<table><thead><tr class=top>{head}</tr></thead><tbody {last}>{body}</tbody>"
            "</table>")


def _page(inner: str, width: int, number: str) -> str:
    return (f"<div class=page style='width:{width}px'>{inner}"
            f"<div class=num>{number}</div></div>")


def generate(out: Path, count: int, seed: int) -> dict:
    with look_run(out, seed, (1100, 1600)) as (rng, browser, truth):
        for i in range(count):
            wrapped = rng.sample(WRAPPED, rng.randint(4, 6))
            if rng.random() < 0.7:  # MMLU beside its variant
                wrapped.insert(rng.randint(0, len(wrapped)), ("MMLU", "MMLU"))
            models = rng.sample(MODELS, rng.randint(7, 11))
            values = [[f"{rng.uniform(22, 88):.1f}" for _ in wrapped] for _ in models]
            split = rng.randint(3, len(models) - 3)
            font_px = rng.choice([13, 14, 15, 16])
            width = rng.choice([620, 680, 740])
            thick = rng.choice(["1.5px", "2px"])
            head = "<th>Model</th>" + "".join(f"<th>{h}</th>" for h, _ in wrapped)
            rows = [[m, *v] for m, v in zip(models, values, strict=True)]
            caption = "Table 3: Results on the knowledge and reasoning benchmarks."
            first = (
                f"<p>{PROSE}</p><p class=cap>{caption}</p>"
                + _table(head, rows, range(split), False, thick)
                + "<p class=cont>Continued on next page</p>"
            )
            second = (
                "<div class=run>Preprint</div>"
                "<p class=cap>Table 3 – continued from previous page</p>"
                + _table(head, rows, range(split, len(rows)), True, thick) + f"<p>{AFTER}</p>"
            )
            number = rng.randint(5, 14)
            style = (
                "body{margin:0;background:#fff}"
                f"#shot{{background:{rng.choice(['#525659', '#808080', '#3b3b3b', '#e0e0e0'])};"
                "padding:18px;display:inline-block}"
                f".page{{background:#fff;margin:0 auto 14px auto;padding:28px 56px 20px 56px;"
                f"font-family:{rng.choice(FACES)};font-size:{font_px}px;color:#000;"
                "box-shadow:0 1px 4px rgba(0,0,0,.5)}"
                "p{text-align:justify;line-height:1.35;margin:0 0 10px 0}"
                ".cap{text-align:center}.cont{text-align:right;font-style:italic;"
                "font-size:.9em;margin-top:6px}.run{font-style:italic;font-size:.9em;"
                "margin-bottom:14px}.num{text-align:center;margin-top:24px;font-size:.9em}"
                "table{border-collapse:collapse;margin:0 auto 8px auto}"
                f"tr.top th{{border-top:{thick} solid #000;border-bottom:1px solid #000;"
                f"font-weight:normal;vertical-align:bottom;padding:3px {rng.choice([3, 4, 6])}px;"
                "line-height:1.15}"
                f"td{{padding:2px {rng.choice([4, 6, 8])}px;text-align:center}}"
                "td:first-child,th:first-child{text-align:left}"
            )
            html = (
                f"<!doctype html><html><head><meta charset='utf-8'><style>{style}</style>"
                f"</head><body><div id='shot'>{_page(first, width, str(number))}"
                f"{_page(second, width, str(number + 1))}</div></body></html>"
            )
            image = browser.shoot(html, rng.choice([1.0, 1.0, 1.25]))
            columns = ["Model", *(name for _, name in wrapped)]
            names = [name for _, name in wrapped]
            truth_rows = [{
                "model": m, "params_b": size_of(m), "tokens_t": None,
                "mmlu": float(v[names.index("MMLU")]) if "MMLU" in names else None,
                "cells": [m, *v]} for m, v in zip(models, values, strict=True)]
            name = save_shot(image, out, f"continued_{i:03d}", rng, 0.25)
            truth[name] = {"columns": columns, "settings": [None] * len(columns),
                           "rows": truth_rows, "style": "continued"}
    return truth
