"""Tables as READMEs and docs pages draw them, in Chromium: GitHub markdown (light and dark),
Notion, Confluence and Google Docs. Bold best values, model names as inline links, badge
images and emoji in the text around the table, numbers set right in some, Chinese column
names (模型, 参数量, 平均) beside C-Eval and CMMLU in a Chinese lab's README. Fonts, widths,
device pixel ratios 1, 1.25 and 2, PNG or JPEG. The truth is what the table prints."""

import json
import random
from pathlib import Path

from browser import Browser

from looks.common import MODELS, size_of

CN_MODELS = ["Qwen-7B", "Qwen-14B", "Baichuan2-13B", "ChatGLM3-6B", "InternLM-20B", "Yi-34B",
             "DeepSeek-67B", "Aquila2-34B", "XVERSE-13B", "Skywork-13B"]
EN_BENCH = ["MMLU", "GSM8K", "HumanEval", "ARC-C", "BBH", "HellaSwag", "MATH", "TriviaQA",
            "Winogrande", "AGIEval"]
CN_BENCH = ["C-Eval", "CMMLU", "MMLU", "GAOKAO", "AGIEval", "GSM8K", "HumanEval"]

STYLES = {
    "github_light": (
        "body{background:#fff;color:#1f2328;font-family:-apple-system,'Segoe UI','Noto Sans',"
        "Helvetica,Arial,sans-serif}"
        "table{border-collapse:collapse}th,td{border:1px solid #d1d9e0;padding:6px 13px}"
        "tr:nth-child(2n) td{background:#f6f8fa}th{font-weight:600}a{color:#0969da}"
    ),
    "github_dark": (
        "body{background:#0d1117;color:#e6edf3;font-family:-apple-system,'Segoe UI','Noto Sans',"
        "Helvetica,Arial,sans-serif}"
        "table{border-collapse:collapse}th,td{border:1px solid #3d444d;padding:6px 13px}"
        "tr:nth-child(2n) td{background:#151b23}th{font-weight:600}a{color:#4493f8}"
    ),
    "notion": (
        "body{background:#fff;color:#37352f;font-family:ui-sans-serif,'Segoe UI',Helvetica,"
        "'Apple Color Emoji',Arial,sans-serif}"
        "table{border-collapse:collapse}th,td{border:1px solid #e9e9e7;padding:7px 9px}"
        "th{background:#f7f6f3;color:#787774;font-weight:500;text-align:left}"
        "a{color:#37352f;text-decoration:underline;text-decoration-color:#c7c6c4}"
    ),
    "confluence": (
        "body{background:#fff;color:#172b4d;font-family:-apple-system,'Segoe UI',Roboto,"
        "'Noto Sans',Ubuntu,sans-serif}"
        "table{border-collapse:collapse}th,td{border:1px solid #c1c7d0;padding:7px 10px}"
        "th{background:#f4f5f7;font-weight:700;text-align:left}a{color:#0052cc}"
    ),
    "google_docs": (
        "body{background:#fff;color:#000;font-family:Arial,'Liberation Sans',sans-serif}"
        "table{border-collapse:collapse}th,td{border:1px solid #000;padding:5px 7px}"
        "th{font-weight:700;text-align:left}a{color:#1155cc;text-decoration:underline}"
    ),
}
FONTS = ["", "font-family:'Open Sans',sans-serif;", "font-family:'DejaVu Sans',sans-serif;",
         "font-family:Roboto,sans-serif;", "font-family:'Liberation Serif',serif;"]


def _badges(rng: random.Random) -> str:
    """Shields-style badges: a grey label and a coloured value, side by side."""
    out = []
    for label, value, colour in rng.sample(
        [("license", "Apache 2.0", "#4c1"), ("🤗", "Hugging Face", "#ff9d00"),
         ("arXiv", "2403.04652", "#b31b1b"), ("python", "3.10+", "#3776ab"),
         ("stars", "12k", "#dfb317"), ("docs", "passing", "#4c1")],
        rng.randint(2, 5),
    ):
        out.append(
            "<span style='display:inline-block;margin:0 4px 4px 0;font:11px Verdana,sans-serif;"
            "border-radius:3px;overflow:hidden'>"
            f"<span style='background:#555;color:#fff;padding:2px 5px'>{label}</span>"
            f"<span style='background:{colour};color:#fff;padding:2px 5px'>{value}</span></span>"
        )
    return "<p>" + "".join(out) + "</p>"


def generate(out: Path, count: int, seed: int) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    browser = Browser((1400, 1200))
    try:
        for i in range(count):
            style_name = rng.choice(list(STYLES))
            chinese = rng.random() < 0.35
            models = rng.sample(CN_MODELS if chinese else MODELS, rng.randint(4, 8))
            benches = rng.sample(CN_BENCH if chinese else EN_BENCH, rng.randint(3, 6))
            if "MMLU" not in benches and rng.random() < 0.6:
                benches[0] = "MMLU"
            with_params = rng.random() < 0.5
            with_average = rng.random() < 0.5
            model_name = "模型" if chinese else rng.choice(["Model", "Models", "Name"])
            params_name = "参数量" if chinese else rng.choice(["Params", "Size", "#Params"])
            average_name = "平均" if chinese else rng.choice(["Avg.", "Average", "Mean"])
            digits = rng.choice([1, 1, 2])
            right = rng.random() < 0.5
            values = [[round(rng.uniform(20, 90), digits) for _ in benches] for _ in models]
            best = [max(column) for column in zip(*values, strict=True)]
            columns = [model_name] + ([params_name] if with_params else []) + benches
            columns += [average_name] if with_average else []
            rows, body = [], []
            for model, line in zip(models, values, strict=True):
                size = size_of(model)
                printed = [f"{v:.{digits}f}" for v in line]
                cells = [model] + ([f"{size:g}B" if size else "-"] if with_params else [])
                cells += printed
                average = round(sum(line) / len(line), digits)
                if with_average:
                    cells.append(f"{average:.{digits}f}")
                shown = []
                for k, text in enumerate(cells):
                    if k == 0:
                        link = rng.random() < 0.6
                        mark = " 🔥" if rng.random() < 0.15 else ""
                        shown.append(f"<a>{text}</a>{mark}" if link else f"{text}{mark}")
                        continue
                    j = k - 1 - (1 if with_params else 0)
                    bold = 0 <= j < len(line) and line[j] == best[j]
                    shown.append(f"<b>{text}</b>" if bold else text)
                align = " style='text-align:right'" if right else ""
                body.append(
                    "<tr>"
                    + "".join(
                        f"<td{align if k else ''}>{text}</td>" for k, text in enumerate(shown)
                    )
                    + "</tr>"
                )
                mmlu = line[benches.index("MMLU")] if "MMLU" in benches else None
                rows.append({"model": model, "params_b": size, "tokens_t": None, "mmlu": mmlu,
                             "cells": cells})
            title = rng.choice(["## 📊 Evaluation", "## Benchmark results", "### 评测结果",
                                "## Performance"])
            level = "h2" if title.startswith("## ") else "h3"
            intro = rng.choice([
                "We evaluate on standard benchmarks; <b>bold</b> marks the best score. "
                "See <a>our paper</a> for details.",
                "✨ Results below use the official <a>evaluation harness</a> (5-shot).",
                "以下为各模型在主流评测集上的表现，<b>加粗</b>为最优结果。",
            ])
            chrome = (_badges(rng) if rng.random() < 0.6 else "") + (
                f"<{level}>{title.lstrip('# ')}</{level}><p>{intro}</p>"
                if rng.random() < 0.8 else ""
            )
            font_px = rng.choice([13, 14, 14, 15, 16])
            width = rng.choice([640, 760, 880, 1000])
            right_head = " style='text-align:right'" if right else ""
            footnote = "<p>† results from the original papers.</p>" if rng.random() < 0.3 else ""
            head = "".join(f"<th{right_head if k else ''}>{c}</th>" for k, c in enumerate(columns))
            page = (
                "<!doctype html><html><head><meta charset='utf-8'><style>"
                f"{STYLES[style_name]} body{{margin:0}}"
                f"#shot{{padding:16px 24px;min-width:{width}px;width:max-content;"
                f"font-size:{font_px}px;{rng.choice(FONTS)}}}"
                "</style></head><body><div id='shot'>"
                f"{chrome}<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody>"
                f"</table>{footnote}"
                "</div></body></html>"
            )
            img = browser.shoot(page, rng.choice([1.0, 1.0, 1.25, 2.0]))
            name = f"readme_{i:03d}.png"
            if rng.random() < 0.3:
                name = name.replace(".png", ".jpg")
                img.save(out / name, quality=rng.randint(70, 92))
            else:
                img.save(out / name)
            truth[name] = {
                "columns": columns,
                "settings": [None] * len(columns),
                "rows": rows,
                "style": f"readme_{style_name}",
            }
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth
