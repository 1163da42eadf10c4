"""a phone screenshot of a table with Chinese labels."""

import json
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

CJK = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
MODELS = [
    ("通义千问-7B", 7.0),
    ("百川2-13B", 13.0),
    ("书生·浦语-20B", 20.0),
    ("ChatGLM3-6B", 6.0),
    ("Yi-34B", 34.0),
    ("Qwen1.5-72B", 72.0),
    ("DeepSeek-67B", 67.0),
    ("Baichuan2-7B", 7.0),
    ("InternLM2-7B", 7.0),
    ("Llama-2-13B", 13.0),
    ("讯飞星火", None),
    ("文心一言", None),
]


def generate(out: Path, count: int, seed: int) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    for i in range(count):
        n = rng.randint(3, 6)
        models = rng.sample(MODELS, n)
        size_style = rng.choice(["B", "亿", "plain"])
        token_style = rng.choice(["T", "万亿", None])
        benches = rng.sample(["MMLU", "C-Eval", "CMMLU", "GSM8K", "HumanEval"], rng.randint(2, 3))
        columns = (
            ["模型", "参数量" + ("(B)" if size_style == "plain" else "")]
            + (["训练数据"] if token_style else [])
            + benches
            + ["平均"]
        )
        rows = []
        for name, size in models:
            if size is None:
                ptxt = "-"
            elif size_style == "B":
                ptxt = f"{size:g}B"
            elif size_style == "亿":
                ptxt = f"{size * 10:g}亿"
            else:
                ptxt = f"{size:g}"
            tok = round(rng.choice([1.4, 2.0, 2.6, 3.0, 1.0]), 1)
            cells = [name, ptxt] + (
                [f"{tok:g}T" if token_style == "T" else f"{tok:g}万亿"] if token_style else []
            )
            vals = [f"{rng.uniform(30, 85):.1f}" for _ in benches]
            cells += [*vals, f"{sum(map(float, vals)) / len(vals):.1f}"]
            mmlu = float(vals[benches.index("MMLU")]) if "MMLU" in benches else None
            rows.append(
                {
                    "model": name,
                    "params_b": size,
                    "tokens_t": tok if token_style else None,
                    "mmlu": mmlu,
                    "cells": cells,
                }
            )
        scale = rng.choice([2, 3])
        W = 390 * scale
        size = 13 * scale
        face = ImageFont.truetype(CJK, size)
        small = ImageFont.truetype(CJK, 12 * scale)
        widths = [
            max(int(face.getlength(r["cells"][c])) for r in [*rows, {"cells": columns}])
            + 12 * scale
            for c in range(len(columns))
        ]
        total = sum(widths)
        if total > W - 20 * scale:
            W = total + 20 * scale
        pitch = 30 * scale
        H = 160 * scale + pitch * (n + 1) + 80 * scale
        img = Image.new("RGB", (W, H), "white")
        d = ImageDraw.Draw(img)
        d.text(
            (16 * scale, 10 * scale),
            f"{rng.randint(9, 12)}:{rng.randint(10, 59)}",
            fill="black",
            font=small,
        )
        d.text((W - 70 * scale, 10 * scale), f"{rng.randint(40, 99)}%", fill="black", font=small)
        d.text(
            (16 * scale, 60 * scale),
            rng.choice(["主流大模型评测结果", "模型能力对比", "基准测试成绩"]),
            fill="black",
            font=ImageFont.truetype(CJK, 18 * scale),
        )
        top = 110 * scale
        x0 = 10 * scale
        xs = [x0]
        for w in widths:
            xs.append(xs[-1] + w)
        hdr = rng.choice([(240, 240, 240), (230, 240, 255), None])
        if hdr:
            d.rectangle((xs[0], top, xs[-1], top + pitch), fill=hdr)
        for r, cells in enumerate([columns] + [row["cells"] for row in rows]):
            y = top + r * pitch + 7 * scale
            for c, t in enumerate(cells):
                tw = face.getlength(t)
                xx = xs[c] + 6 * scale if c == 0 else (xs[c] + xs[c + 1] - tw) / 2
                d.text((xx, y), t, fill=(30, 30, 30), font=face)
            d.line(
                (xs[0], top + (r + 1) * pitch, xs[-1], top + (r + 1) * pitch),
                fill=(220, 220, 220),
                width=scale,
            )
        name = f"cjk_{i:03d}.png"
        img.save(out / name)
        truth[name] = {
            "columns": columns,
            "settings": [None] * len(columns),
            "rows": rows,
            "style": "phone_cjk",
        }
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1))
    return truth
