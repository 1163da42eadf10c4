"""Wiki tables as MediaWiki renders ``class="wikitable sortable"``: grey header cells with a
sort icon at each header's right edge (the skin's up/down image, or ▲▼ glyphs a wiki's own
style prints), thin grey rules round every cell, model names as blue links (underlined where
the reader's preference says so, some visited-purple), footnote marks after names, values
and column names (``[1]``, ``[a]``, ``[note 2]``, raised ``†`` and ``*``), a caption above
the table, sometimes a family cell spanning its rows, "—" for a missing value, an Elo
column with thin spaces between thousands, scores with ``%``.

Eight variants in turn: Vector (legacy) and Vector 2022, Vector 2022's night mode, a
Fandom-like wiki (accent header, glyph icons, light or dark), Chinese Wikipedia, MonoBook's
small type shrunk, a serif wiki at 150 % zoom, and Vector shrunk to a JPEG.

The truth follows the project's rules: a footnote mark is no part of a name or a value, a
sort icon no part of a column name, a family cell no part of a row."""

import random
from pathlib import Path

from PIL import Image

from looks.common import look_run, save_shot
from looks.leaderboard import size_in_name

# (name as a wiki links it, developer, parameters in billions as a size column prints them)
MODELS = [
    ("Llama 2 7B", "Meta", "Llama 2", 7), ("Llama 2 13B", "Meta", "Llama 2", 13),
    ("Llama 2 70B", "Meta", "Llama 2", 70), ("Llama 3 8B", "Meta", "Llama 3", 8),
    ("Llama 3 70B", "Meta", "Llama 3", 70), ("Mistral 7B", "Mistral AI", "Mistral", 7.3),
    ("Mixtral 8x7B", "Mistral AI", "Mistral", 46.7), ("Falcon 40B", "TII", "Falcon", 40),
    ("Falcon 180B", "TII", "Falcon", 180), ("Gemma 2B", "Google", "Gemma", 2.5),
    ("Gemma 7B", "Google", "Gemma", 8.5), ("Qwen1.5-14B", "Alibaba", "Qwen", 14),
    ("Qwen1.5-72B", "Alibaba", "Qwen", 72), ("Yi-34B", "01.AI", "Yi", 34),
    ("DeepSeek LLM 67B", "DeepSeek", "DeepSeek", 67), ("OLMo 7B", "AI2", "OLMo", 6.9),
    ("Phi-2", "Microsoft", "Phi", 2.7), ("BLOOM 176B", "BigScience", "BLOOM", 176),
    ("MPT-30B", "MosaicML", "MPT", 30), ("InternLM2-20B", "Shanghai AI Lab", "InternLM", 20),
    ("Baichuan 2 13B", "Baichuan", "Baichuan", 13), ("ChatGLM3-6B", "Zhipu AI", "GLM", 6.2),
]
BENCH = ["MMLU", "GSM8K", "HumanEval", "HellaSwag", "ARC-C", "TruthfulQA", "MATH", "BBH"]
ZH_BENCH = ["MMLU", "C-Eval", "CMMLU", "GSM8K", "HumanEval", "GAOKAO"]
SKINS = ["vector", "vector2022", "night", "fandom", "zh", "monobook", "serif", "vector_jpeg"]
# colours: page, table, header cell, rule, text, link, visited link
LIGHT = ("#ffffff", "#f8f9fa", "#eaecf0", "#a2a9b1", "#202122", "#0645ad", "#0b0080")
NIGHT = ("#101418", "#202122", "#27292d", "#72777d", "#eaecf0", "#88a3e8", "#a799cd")


def _note(rng: random.Random, zh: bool) -> str:
    """A footnote or citation mark as MediaWiki sets it: raised, smaller, a link."""
    if zh:
        text = rng.choice([f"[注 {rng.randint(1, 9)}]", f"[{rng.randint(1, 60)}]"])
    else:
        text = rng.choice([f"[{rng.randint(1, 90)}]", f"[{rng.choice('abcdefg')}]",
                           f"[note {rng.randint(1, 9)}]", "†", "*", "‡", f"[{rng.randint(1, 9)}]"])
    return f"<sup class='ref'>{text}</sup>"


def _sort_icon(kind: str, sorted_by: bool, rng: random.Random) -> str:
    """The skin's sort image at the header cell's right edge (two triangles; one on the
    column the table is sorted by), or glyphs printed after the name."""
    if kind == "image":
        both, up, down = "M4 0L8 5H0z M4 13L0 8h8z", "M4 3L8 8H0z", "M4 10L0 5h8z"
        path = rng.choice([up, down]) if sorted_by else both
        return (f"<span class='si'><svg width='8' height='13'><path d='{path}' "
                "fill='currentColor'/></svg></span>")
    return f"<span class='sg'>{rng.choice(['▲', '▼']) if sorted_by else kind}</span>"


def _theme(skin: str, rng: random.Random) -> dict:
    page, table, head, rule, text, link, visited = NIGHT if skin == "night" else LIGHT
    theme = {"page": page, "table": table, "head": head, "rule": rule, "text": text,
             "link": link, "visited": visited, "head_text": text,
             "font": "'Liberation Sans', Arial, sans-serif", "size": 14, "scale": 1.0,
             "icon": "image", "shrink": 1.0, "jpeg": 0.15}
    if skin in ("vector2022", "night"):
        theme.update(font="sans-serif", size=rng.choice([14, 16]), link="#3366cc" if skin !=
                     "night" else link, visited="#6a60b0" if skin != "night" else visited,
                     scale=rng.choice([1.0, 1.25, 2.0]))
    if skin == "fandom":
        dark = rng.random() < 0.4
        accent = rng.choice(["#4a3d8f", "#006cb0", "#8b2232", "#2f6b3a"])
        theme.update(page="#1c1d21" if dark else "#ffffff", table="#26272c" if dark else
                     "#ffffff", head=accent, head_text="#ffffff", rule="#555" if dark else
                     "#cccccc", text="#e6e6e6" if dark else "#222", link=rng.choice(
                         ["#4fa3e0", "#7fb7ff"]) if dark else accent, visited="#b08fd8",
                     font=rng.choice(["Roboto, sans-serif", "'Open Sans', sans-serif"]),
                     size=rng.choice([14, 15, 16]), icon=rng.choice(["▲▼", "⇅", "▴▾", "↕"]))
    if skin == "zh":
        theme.update(font="'Liberation Sans', 'WenQuanYi Zen Hei', sans-serif",
                     size=rng.choice([14, 15]), scale=rng.choice([1.0, 1.25]))
    if skin == "monobook":
        theme.update(font="'FreeSans', sans-serif", size=13, shrink=rng.uniform(0.75, 0.9),
                     icon=rng.choice(["image", "▲▼"]))
    if skin == "serif":
        theme.update(font=rng.choice(["'DejaVu Serif', serif", "'Liberation Serif', serif"]),
                     size=15, scale=1.5, jpeg=0.5)
    if skin == "vector_jpeg":
        theme.update(shrink=rng.uniform(0.6, 0.85), jpeg=1.0, icon=rng.choice(["image", "▲▼"]))
    return theme


def _value(rng: random.Random, percent: bool) -> tuple[str, str]:
    """A score as printed and as the truth holds it; now and then missing ("—")."""
    if rng.random() < 0.07:
        return rng.choice(["—", "–"]), "—"
    value = f"{rng.uniform(20, 90):.1f}"
    return (value + "%" if percent else value), value


def _table(rng: random.Random, skin: str) -> tuple[str, dict, dict]:
    theme = _theme(skin, rng)
    zh = skin == "zh"
    picked = rng.sample(MODELS, rng.randint(4, 8))
    family_column = rng.random() < 0.3
    if family_column:
        picked.sort(key=lambda m: (m[2], m[0]))
    developer = not family_column and rng.random() < 0.4
    benches = rng.sample(ZH_BENCH if zh else BENCH, rng.randint(3, 5))
    if "MMLU" not in benches and rng.random() < 0.7:
        benches[0] = "MMLU"
    elo = not zh and rng.random() < 0.3
    params = rng.random() < 0.5
    percent = rng.random() < 0.3
    underline = rng.random() < 0.7
    params_head = "参数量" if zh else rng.choice(["Parameters (B)", "Params (billions)"])
    model_head = "模型" if zh else rng.choice(["Model", "Name", "Model name"])
    columns = [model_head, *(["开发者" if zh else "Developer"] if developer else []), *benches,
               *(["Arena Elo"] if elo else []), *([params_head] if params else [])]

    sorted_by = rng.randrange(len(columns)) if rng.random() < 0.3 else -1

    def header(name: str, k: int = -2) -> str:
        mark = _note(rng, zh) if rng.random() < 0.12 else ""
        return f"<th>{name}{mark}{_sort_icon(theme['icon'], k == sorted_by, rng)}</th>"

    head = ([header("系列" if zh else "Family")] if family_column else []) + [
        header(c, k) for k, c in enumerate(columns)]
    body, rows = [], []
    for k, (name, dev, family, size) in enumerate(picked):
        style = f"color:{theme['visited'] if rng.random() < 0.3 else theme['link']}"
        mark = _note(rng, zh) if rng.random() < 0.35 else ""
        cells = [f"<td><a style='{style}'>{name}</a>{mark}</td>"]
        printed = [name]
        if developer:
            cells.append(f"<td><a style='color:{theme['link']}'>{dev}</a></td>")
            printed.append(dev)
        for _ in benches:
            shown, value = _value(rng, percent)
            note = _note(rng, zh) if rng.random() < 0.06 and shown != "—" else ""
            cells.append(f"<td class='n'>{shown}{note}</td>")
            printed.append(value)
        if elo:
            score = rng.randint(1000, 1300)
            sep = rng.choice(["&thinsp;", ","]) if rng.random() < 0.7 else ""
            cells.append(f"<td class='n'>{score // 1000}{sep}{score % 1000:03d}</td>")
            printed.append(str(score))
        if params:
            shown_size = f"{round(size * 10):g}亿" if zh else f"{size:g}"
            cells.append(f"<td class='n'>{shown_size}</td>")
            printed.append(shown_size)
        if family_column and (k == 0 or picked[k - 1][2] != family):
            span = sum(1 for m in picked if m[2] == family)
            cells.insert(0, f"<td rowspan='{span}'>{family}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
        mmlu = printed[columns.index("MMLU")] if "MMLU" in columns else "—"
        rows.append({"model": name, "params_b": float(size) if params else size_in_name(name),
                     "tokens_t": None, "mmlu": None if mmlu == "—" else float(mmlu),
                     "cells": printed})
    captions = (["大型语言模型的基准测试成绩", "各模型在基准测试上的表现"] if zh else
                ["Benchmark results of selected large language models",
                 "Comparison of open-weight models", "Performance on common benchmarks"])
    caption = rng.choice(captions)
    caption += _note(rng, zh) if rng.random() < 0.5 else ""
    t = theme
    style = (
        f"body{{margin:0;background:{t['page']};color:{t['text']};font-family:{t['font']}}}"
        f"#shot{{display:inline-block;padding:16px 20px;background:{t['page']};"
        f"font-size:{t['size']}px;line-height:1.6}}"
        f"table{{border-collapse:collapse;background:{t['table']};color:{t['text']};"
        f"border:1px solid {t['rule']};margin-top:.5em}}"
        f"th,td{{border:1px solid {t['rule']};padding:.2em .4em}}"
        f"th{{background:{t['head']};color:{t['head_text']};text-align:center;"
        f"position:relative;padding-right:21px}}"
        f".si{{position:absolute;right:5px;top:50%;margin-top:-7px;opacity:.75}}"
        f".sg{{font-size:.7em;margin-left:4px;opacity:.8;font-weight:normal}}"
        f"caption{{font-weight:bold;padding:.2em}}"
        f"td.n{{text-align:{rng.choice(['right', 'center', 'left'])}}}"
        f"a{{text-decoration:{'underline' if underline else 'none'}}}"
        f"sup.ref{{font-size:.75em;line-height:1;vertical-align:super;font-weight:normal;"
        f"color:{t['link']}}}"
    )
    heading = ""
    if rng.random() < 0.3:
        edit = "编辑" if zh else "edit"
        title = "基准测试" if zh else rng.choice(["Performance", "Benchmarks", "Comparison"])
        heading = (f"<h2 style='font-family:serif;font-weight:normal;border-bottom:1px solid "
                   f"{t['rule']};margin:0 0 .3em'>{title} <span style='font-size:.5em;"
                   f"color:{t['link']}'>[{edit}]</span></h2>")
    html = (f"<!doctype html><html><head><meta charset='utf-8'><style>{style}</style></head>"
            f"<body><div id='shot'>{heading}<table class='wikitable sortable'>"
            f"<caption>{caption}</caption><tr>{''.join(head)}</tr>{''.join(body)}</table>"
            "</div></body></html>")
    return html, {"columns": columns, "settings": [None] * len(columns), "rows": rows}, theme


def generate(out: Path, count: int, seed: int) -> dict:
    """``count`` images, the eight skins in turn."""
    with look_run(out, seed, (1400, 1000)) as (rng, browser, truth):
        for i in range(count):
            skin = SKINS[i % len(SKINS)]
            html, table, theme = _table(rng, skin)
            image = browser.shoot(html, theme["scale"])
            if theme["shrink"] < 1:
                size = (round(image.width * theme["shrink"]), round(image.height * theme["shrink"]))
                image = image.resize(size, Image.Resampling.LANCZOS)
            name = save_shot(image, out, f"wiki_{i:03d}", rng, theme["jpeg"])
            truth[name] = {**table, "style": f"wiki_{skin}"}
    return truth
