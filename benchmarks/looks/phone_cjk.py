"""a phone screenshot of a table with Chinese labels: a status bar (time, signal, battery),
sometimes an app's bars and a note under the table; sizes and data in Chinese units (70亿,
2.6万亿) or declared by the column name (参数量（亿）); shared as a smaller JPEG now and then.
Half are drawn as other phones and apps would (``OTHER_*``): more names for the size and data
columns, units spaced or spelt out ("7 B", "1.4T tokens"), dark mode, Android's status bar,
numbers set left, and a shrink by 0.5-0.8 with JPEG 40-80."""

import json
import random
from pathlib import Path

import numpy as np
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
    ("通义千问-14B", 14.0),
    ("百川2-7B", 7.0),
    ("混元-13B", 13.0),
    ("智谱GLM-4", None),
]


# (column name, how its cells print a size): a unit in the cells, or one the name declares.
SIZE_COLUMNS = [
    ("参数量", "B"),
    ("参数量", "亿"),
    ("参数量(B)", "plain"),
    ("参数（B）", "plain"),
    ("参数量（亿）", "plain亿"),
    ("模型大小", "B"),
    ("参数规模", "亿"),
    ("模型尺寸", "B"),
]
TOKEN_COLUMNS = [
    ("训练数据", "T"),
    ("训练数据", "万亿"),
    ("训练Tokens", "T"),
    ("数据量（万亿）", "plain"),
    ("训练语料", "B"),
    ("数据规模", "万亿"),
]
# Other apps' names for the size and data columns, and how their cells print.
OTHER_SIZE_COLUMNS = [
    ("参数规模(B)", "plain"),
    ("模型参数", "B"),
    ("参数", "B "),
    ("Params", "B"),
    ("规模", "B"),
    ("参数量/B", "plain"),
    ("参数量", "亿 "),
]
OTHER_TOKEN_COLUMNS = [
    ("训练token数", "T"),
    ("预训练数据", "T tokens"),
    ("Tokens", "T "),
    ("训练数据(T)", "plain"),
    ("训练数据量", "B"),
    ("预训练Tokens", "万亿"),
]
# dark mode: page, ink, rule
DARK_MODES = [
    ((0, 0, 0), (235, 235, 235)),
    ((28, 28, 30), (228, 228, 230)),
    ((18, 18, 18), (220, 220, 220)),
]
APP_BARS = ["首页   发现   消息   我的", "写评论...      赞 128    分享", "阅读 2.3万    在看 56"]
NOTES = ["注：数据来自各模型官方报告", "数据来源：公开评测，仅供参考", ""]


def _size_text(size: float | None, style: str) -> str:
    if size is None:
        return "-"
    if style == "B":
        return f"{size:g}B"
    if style == "B ":
        return f"{size:g} B"
    if style == "亿 ":
        return f"{size * 10:g} 亿"
    if style == "亿":
        return f"{size * 10:g}亿"
    if style == "plain亿":
        return f"{size * 10:g}"
    return f"{size:g}"


def _tokens_text(tokens: float, style: str) -> str:
    if style == "万亿":
        return f"{tokens:g}万亿"
    if style == "B":
        return f"{tokens * 1000:,.0f}B"
    if style == "plain":
        return f"{tokens:g}"
    if style == "T tokens":
        return f"{tokens:g}T tokens"
    if style == "T ":
        return f"{tokens:g} T"
    return f"{tokens:g}T"


def _android_bar(d: ImageDraw.ImageDraw, rng: random.Random, width: int, scale: int) -> None:
    """Android's: the time and notification icons on the left; signal, Wi-Fi and an upright
    battery beside its percentage on the right."""
    small = ImageFont.truetype(CJK, 11 * scale)
    d.text(
        (12 * scale, 8 * scale),
        f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
        fill="black",
        font=small,
    )
    for k in range(rng.randint(0, 3)):
        d.ellipse(
            (52 * scale + k * 14 * scale, 10 * scale, 62 * scale + k * 14 * scale, 20 * scale),
            outline="black",
            width=scale,
        )
    x = width - 70 * scale
    d.polygon(
        [(x, 21 * scale), (x + 12 * scale, 21 * scale), (x + 12 * scale, 9 * scale)], fill="black"
    )
    d.text((x + 18 * scale, 8 * scale), f"{rng.randint(10, 99)}%", fill="black", font=small)
    d.rectangle((width - 18 * scale, 9 * scale, width - 12 * scale, 21 * scale), fill="black")


def _status_bar(d: ImageDraw.ImageDraw, rng: random.Random, width: int, scale: int) -> None:
    """Time on the left; signal bars, Wi-Fi, battery and its percentage on the right."""
    small = ImageFont.truetype(CJK, 12 * scale)
    d.text(
        (16 * scale, 10 * scale),
        f"{rng.randint(9, 23)}:{rng.randint(10, 59)}",
        fill="black",
        font=small,
    )
    x = width - 110 * scale
    for bar in range(4):
        h = (3 + 2 * bar) * scale
        d.rectangle(
            (x + bar * 4 * scale, 22 * scale - h, x + bar * 4 * scale + 2 * scale, 22 * scale),
            fill="black",
        )
    if rng.random() < 0.5:
        d.text(
            (x - 34 * scale, 10 * scale), rng.choice(["5G", "4G", "LTE"]), fill="black", font=small
        )
    d.rectangle(
        (width - 44 * scale, 11 * scale, width - 20 * scale, 22 * scale),
        outline="black",
        width=scale,
    )
    fill = rng.randint(4, 22)
    d.rectangle(
        (width - 42 * scale, 13 * scale, width - 42 * scale + fill * scale, 20 * scale),
        fill="black",
    )
    if rng.random() < 0.6:
        d.text(
            (width - 78 * scale, 10 * scale), f"{rng.randint(10, 99)}%", fill="black", font=small
        )


def generate(out: Path, count: int, seed: int) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    for i in range(count):
        n = rng.randint(3, 7)
        models = rng.sample(MODELS, n)
        size_name, size_style = rng.choice(SIZE_COLUMNS)
        token_name, token_style = rng.choice(TOKEN_COLUMNS) if rng.random() < 0.6 else (None, None)
        # other phones' and apps' choices, from a generator of their own (the draws of the
        # main one stay as they were)
        other = random.Random(seed * 7919 + i)
        another = other.random() < 0.5
        if another:
            size_name, size_style = other.choice(OTHER_SIZE_COLUMNS)
            if token_name:
                token_name, token_style = other.choice(OTHER_TOKEN_COLUMNS)
        mmlu_name = rng.choice(["MMLU", "MMLU", "MMLU(5-shot)", "MMLU（5-shot）"])
        benches = rng.sample(
            [mmlu_name, "C-Eval", "CMMLU", "GSM8K", "HumanEval", "AGIEval"], rng.randint(2, 4)
        )
        average = rng.choice(["平均", "平均分", None])
        printed = (
            ["模型" if rng.random() < 0.7 else "模型名称", size_name]
            + ([token_name] if token_name else [])
            + benches
            + ([average] if average else [])
        )
        columns = printed
        rows = []
        for name, size in models:
            tok = round(rng.choice([1.4, 2.0, 2.6, 3.0, 1.0, 0.3]), 1)
            cells = [name, _size_text(size, size_style)]
            if token_style:
                cells.append(_tokens_text(tok, token_style))
            vals = [f"{rng.uniform(30, 85):.1f}" for _ in benches]
            cells += vals
            if average:
                cells.append(f"{sum(map(float, vals)) / len(vals):.1f}")
            mmlu = float(vals[benches.index(mmlu_name)]) if mmlu_name in benches else None
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
        size = rng.choice([12, 13, 14]) * scale
        face = ImageFont.truetype(CJK, size, index=rng.choice([0, 0, 2]))
        head_bold = rng.random() < 0.5
        widths = [
            max(int(face.getlength(r["cells"][c])) for r in [*rows, {"cells": printed}])
            + rng.choice([10, 12, 16]) * scale
            for c in range(len(columns))
        ]
        total = sum(widths)
        if total > W - 20 * scale:
            W = total + 20 * scale
        pitch = rng.choice([26, 30, 34]) * scale
        nav = rng.random() < 0.6
        top = (140 if nav else 110) * scale
        H = top + pitch * (n + 1) + (130 if nav else 80) * scale
        img = Image.new("RGB", (W, H), "white")
        d = ImageDraw.Draw(img)
        android = another and other.random() < 0.5
        (_android_bar if android else _status_bar)(d, rng, W, scale)
        numbers_left = another and other.random() < 0.3
        title_y = 60 * scale
        if nav:  # the app's own bar: a back arrow, the account's name, a menu
            d.text(
                (14 * scale, 40 * scale),
                "<",
                fill="black",
                font=ImageFont.truetype(CJK, 18 * scale),
            )
            d.text(
                (W / 2 - 40 * scale, 42 * scale),
                rng.choice(["AI前线", "机器之心", "量子位"]),
                fill="black",
                font=ImageFont.truetype(CJK, 15 * scale),
            )
            d.text(
                (W - 40 * scale, 40 * scale),
                "···",
                fill="black",
                font=ImageFont.truetype(CJK, 16 * scale),
            )
            title_y = 90 * scale
        d.text(
            (16 * scale, title_y),
            rng.choice(["主流大模型评测结果", "模型能力对比", "基准测试成绩", "表1：开源模型对比"]),
            fill="black",
            font=ImageFont.truetype(CJK, 18 * scale),
        )
        x0 = 10 * scale
        xs = [x0]
        for w in widths:
            xs.append(xs[-1] + w)
        hdr = rng.choice([(240, 240, 240), (230, 240, 255), None])
        zebra = rng.random() < 0.3
        if hdr:
            d.rectangle((xs[0], top, xs[-1], top + pitch), fill=hdr)
        for r, cells in enumerate([printed] + [row["cells"] for row in rows]):
            y = top + r * pitch + (pitch - size) // 2
            if zebra and r and r % 2 == 0:
                d.rectangle(
                    (xs[0], top + r * pitch, xs[-1], top + (r + 1) * pitch), fill=(247, 247, 247)
                )
            for c, t in enumerate(cells):
                tw = face.getlength(t)
                xx = xs[c] + 6 * scale if c == 0 or numbers_left else (xs[c] + xs[c + 1] - tw) / 2
                stroke = 1 if r == 0 and head_bold else 0
                d.text(
                    (xx, y),
                    t,
                    fill=(30, 30, 30),
                    font=face,
                    stroke_width=stroke,
                    stroke_fill=(30, 30, 30),
                )
            d.line(
                (xs[0], top + (r + 1) * pitch, xs[-1], top + (r + 1) * pitch),
                fill=(220, 220, 220),
                width=scale,
            )
        note = rng.choice(NOTES)
        small = ImageFont.truetype(CJK, 11 * scale)
        bottom = top + pitch * (n + 1)
        if note:
            d.text((16 * scale, bottom + 12 * scale), note, fill=(120, 120, 120), font=small)
        if nav:
            d.line((0, H - 50 * scale, W, H - 50 * scale), fill=(230, 230, 230), width=scale)
            d.text(
                (20 * scale, H - 38 * scale),
                rng.choice(APP_BARS),
                fill=(90, 90, 90),
                font=ImageFont.truetype(CJK, 13 * scale),
            )
        name = f"cjk_{i:03d}.png"
        if another and other.random() < 0.35:
            page, ink = other.choice(DARK_MODES)
            grey = np.asarray(img.convert("L"), dtype=np.float32)[..., None] / 255.0
            mixed = grey * np.array(page) + (1 - grey) * np.array(ink)
            img = Image.fromarray(mixed.clip(0, 255).astype(np.uint8), "RGB")
        if another and other.random() < 0.5:  # another app's shrink and JPEG
            factor = other.uniform(0.5, 0.8)
            img = img.resize((int(W * factor), int(H * factor)), Image.BILINEAR)
            name = name.replace(".png", ".jpg")
            img.save(out / name, quality=other.randint(40, 80))
        elif rng.random() < 0.35:  # shared through a chat app: smaller, JPEG
            factor = rng.uniform(0.5, 0.8)
            img = img.resize((int(W * factor), int(H * factor)), Image.LANCZOS)
            name = name.replace(".png", ".jpg")
            img.save(out / name, quality=rng.randint(70, 88))
        else:
            img.save(out / name)
        truth[name] = {
            "columns": columns,
            "settings": [None] * len(columns),
            "rows": rows,
            "style": "phone_cjk",
        }
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1))
    return truth
