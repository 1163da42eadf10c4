"""Web data tables as a DataTables-like plugin draws them, in Chromium: "Show [6] entries"
with a select box and a "Search: [ ]" box above, a first column "#" of ranks 1, 2, 3, ...,
light grey sort arrows in every header cell (stacked at the cell's right end, or "▲▼" /
"⇅" set after the name, as an encyclopedia's sortable table does), zebra rows, and under
the table "Showing 1 to 6 of 55 entries" at the left and page buttons "Previous 1 2 3 4 5
Next" at the right; the chrome in English, Spanish, German or Chinese. The truth is what
the table prints: no rank, arrow or chrome."""

from __future__ import annotations

from pathlib import Path

from looks.common import MODELS, look_run, save_shot, size_of

BENCHES = ["MMLU", "CMMLU (8-shot)", "cmmlu(8-shot)", "C-Eval", "GSM8K", "HumanEval",
           "ARC-C", "BBH (3-shot)", "HellaSwag", "MATH", "agieval (5-shot)", "TriviaQA"]
# (show, entries, search, showing a to b of n, previous, next)
LANGUAGES = [
    ("Show", "entries", "Search:", "Showing {a} to {b} of {n} entries", "Previous", "Next"),
    ("Mostrar", "registros", "Buscar:", "Mostrando {a} a {b} de {n} registros", "Anterior",
     "Siguiente"),
    ("Zeige", "Einträge", "Suchen:", "{a} bis {b} von {n} Einträgen", "Zurück", "Nächste"),
    ("显示", "项结果", "搜索:", "显示第 {a} 至 {b} 项结果，共 {n} 项", "上页", "下页"),
]
FONTS = ["'DejaVu Sans', sans-serif", "'Liberation Sans', Arial, sans-serif",
         "'Open Sans', sans-serif", "'Liberation Serif', serif", "'FreeSans', sans-serif"]
RANK_NAMES = ["#", "#", "Rank", "No."]


def _arrows_css(kind: str, grey: str) -> str:
    if kind != "stacked":
        return ""
    return (f"th{{position:relative;padding-right:26px!important}}"
            f"th:before,th:after{{position:absolute;right:9px;font-size:.7em;color:{grey}}}"
            "th:before{content:'▲';top:18%} th:after{content:'▼';bottom:18%}")


def _header_cell(name: str, kind: str, grey: str) -> str:
    if kind == "stacked":
        return f"<th>{name}</th>"
    glyph = "▲▼" if kind == "pair" else "⇅"
    return (f"<th>{name}<span style='color:{grey};font-size:.7em;margin-left:6px'>"
            f"{glyph}</span></th>")


def _controls(words: tuple[str, ...], shown: int, line: str) -> str:
    show, entries, search = words[:3]
    select = (f"<span style='border:1px solid {line};border-radius:3px;padding:2px 4px;"
              f"margin:0 4px'>{shown} ▾</span>")
    box = (f"<span style='display:inline-block;width:150px;height:1.3em;border:1px solid {line};"
           "border-radius:3px;vertical-align:middle;margin-left:6px'></span>")
    return ("<div style='display:flex;justify-content:space-between;margin-bottom:10px'>"
            f"<span>{show}{select}{entries}</span><span>{search}{box}</span></div>")


def _pager(words: tuple[str, ...], shown: int, total: int, line: str, accent: str) -> str:
    showing = words[3].format(a=1, b=shown, n=total)
    current = f"background:{accent};color:white;"
    buttons = "".join(
        f"<span style='display:inline-block;padding:4px 10px;margin-left:3px;border:1px solid "
        f"{line if k else accent};border-radius:3px;{current if k == 1 else ''}'>{label}</span>"
        for k, label in enumerate([words[4], "1", "2", "3", "4", "5", words[5]]))
    return ("<div style='display:flex;justify-content:space-between;align-items:center;"
            f"margin-top:10px'><span>{showing}</span><span>{buttons}</span></div>")


def generate(out: Path, count: int, seed: int) -> dict:
    with look_run(out, seed, (1400, 1000)) as (rng, browser, truth):
        for i in range(count):
            words = rng.choice(LANGUAGES)
            benches = rng.sample(BENCHES, rng.randint(3, 6))
            shown = rng.randint(4, 8)
            models = rng.sample(MODELS, shown)
            rank_name = rng.choice(RANK_NAMES) if rng.random() < 0.8 else None
            arrows = rng.choice(["stacked", "stacked", "pair", "updown"])
            grey = rng.choice(["#bbb", "#ccc", "#aaa", "#999"])
            line = rng.choice(["#ddd", "#ccc", "#e5e5e5"])
            accent = rng.choice(["#337ab7", "#0d6efd", "#555", "#2e7d32"])
            stripe = rng.choice(["#f9f9f9", "#f2f2f2", "#eef3fb"])
            rows, printed = [], []
            for rank, model in enumerate(models, 1):
                values = [f"{rng.uniform(20, 90):.{rng.choice([1, 2])}f}" for _ in benches]
                mmlu = next((float(v) for b, v in zip(benches, values, strict=True)
                             if b == "MMLU"), None)
                rows.append({"model": model, "params_b": size_of(model), "tokens_t": None,
                             "mmlu": mmlu, "cells": [model, *values]})
                printed.append(([str(rank)] if rank_name else []) + [model, *values])
            header = ([rank_name] if rank_name else []) + ["Model", *benches]
            head = "".join(_header_cell(h, arrows, grey) for h in header)
            body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>"
                           for r in printed)
            font_px = rng.choice([12, 13, 14, 15, 16])
            style = (
                f"body{{margin:0;background:white;color:#222;font-family:{rng.choice(FONTS)};"
                f"font-size:{font_px}px}}"
                f"#shot{{width:max-content;min-width:{rng.choice([560, 700, 880])}px;"
                "padding:16px;background:white}"
                "table{border-collapse:collapse;width:100%}"
                f"th{{text-align:left;padding:8px 10px;border-bottom:2px solid #333;"
                f"font-weight:bold}} td{{padding:{rng.choice([6, 8])}px 10px;"
                f"border-top:1px solid {line}}}"
                f"tbody tr:nth-child(odd) td{{background:{stripe}}}"
                + _arrows_css(arrows, grey)
            )
            chrome_above = _controls(words, shown, line) if rng.random() < 0.85 else ""
            total = rng.randint(shown + 10, 120)
            chrome_below = _pager(words, shown, total, line, accent) if rng.random() < 0.9 else ""
            html = ("<!doctype html><html><head><meta charset='utf-8'>"
                    f"<style>{style}</style></head><body><div id='shot'>{chrome_above}"
                    f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
                    f"{chrome_below}</div></body></html>")
            image = browser.shoot(html, rng.choice([1.0, 1.0, 1.25, 2.0]))
            name = save_shot(image, out, f"datatable_{i:03d}", rng, 0.3)
            columns = ["Model", *benches]
            truth[name] = {"columns": columns, "settings": [None] * len(columns),
                           "rows": rows, "style": "data_tables"}
    return truth
