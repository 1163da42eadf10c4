"""A second OCR opinion on table cells: Tesseract, RapidOCR and their vote, on rendered crops.

    python benchmarks/second_engine.py [--per-kind 60] [--seed 1] [--detect-limit 20]
                                       [--calibration] [--save DIR]

Renders its own single-cell crops with PIL (not the team's tuning or held-out table sets):
numbers ("66.6", "7B", "1.4T", "1,400B"), model names ("Llama-2-70B") and header words
("GSM8K", "Params (B)"), in the fonts under /usr/share/fonts, 7-14 px digit height, some with
table rules at the cell's edges, zebra backgrounds, soft (downscaled or blurred) rendering,
and JPEG quality 40-80.

Readers, each on the same crop:

- ``tess``: ``imgread.ocr.tesseract.words(crop, OcrSettings(lang="eng"), psm=7)`` on the raw
  crop (``numeric=True`` for numbers), text = words joined, confidence = the lowest word's.
- ``tess-up``: the same on the crop in grey, upscaled as ``imgread.preprocess`` upscales
  pages (digit height to ``target_x_height`` = 20 px, at most 4x): what the pipeline's page
  reading sees.
- ``rapid``: ``imgread.ocr.rapid`` recognition only (the whole crop is one line).
- ``rapid-det``: ``imgread.ocr.rapid`` with detection first (first ``--detect-limit`` crops
  of each kind only: it is slow).
- ``vote``: ``imgread.ocr.vote.vote`` of ``tess-up`` and ``rapid``; ``vote-raw`` of ``tess``
  and ``rapid``.

Prints exact-match accuracy per kind and ms per crop for each, the vote's agreement split,
and with ``--calibration`` accuracy per confidence bucket per engine (what each engine's
confidence means: the tables in ``imgread/ocr/vote.py`` come from ``--seed 0``; score on
another seed).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from imgread.config import OcrSettings
from imgread.ocr import rapid, tesseract
from imgread.ocr.vote import calibrated, vote

FONT_DIRS = [Path("/usr/share/fonts/truetype"), Path("/usr/share/fonts/opentype")]
FONT_NAMES = [
    "DejaVuSans.ttf",
    "DejaVuSansCondensed.ttf",
    "DejaVuSerif.ttf",
    "LiberationSans-Regular.ttf",
    "LiberationSans-Bold.ttf",
    "LiberationSerif-Regular.ttf",
    "LiberationSansNarrow-Regular.ttf",
    "FreeSans.ttf",
    "FreeSerif.ttf",
    "OpenSans-Regular.ttf",
    "OpenSans-Semibold.ttf",
    "Roboto-Regular.ttf",
    "Roboto-Light.ttf",
    "Roboto-Medium.ttf",
]
KINDS = ("number", "name", "header")
NAMES = [
    "Llama-2-{}B",
    "Llama-3-{}B",
    "Mistral-{}B",
    "Falcon-{}B",
    "Qwen1.5-{}B",
    "Yi-{}B",
    "DeepSeek-{}B",
    "Gemma-{}B",
    "OPT-{}B",
    "Pythia-{}B",
    "MPT-{}B",
    "Vicuna-{}B",
    "Mixtral-8x{}B",
    "Baichuan2-{}B",
    "InternLM-{}B",
    "StableLM-{}B",
]
SIZES = ["1.3", "2.7", "6.7", "7", "8", "13", "14", "30", "34", "40", "65", "70", "72", "180"]
FIXED_NAMES = ["GPT-4", "GPT-3.5", "Claude 2", "PaLM 2-L", "Phi-2", "Chinchilla", "Gopher"]
HEADERS = [
    "MMLU",
    "GSM8K",
    "HumanEval",
    "MATH",
    "HellaSwag",
    "ARC-c",
    "ARC-e",
    "WinoGrande",
    "TriviaQA",
    "BBH",
    "MBPP",
    "Params (B)",
    "Tokens (T)",
    "5-shot",
    "0-shot",
    "Model",
    "Average",
    "PIQA",
    "NQ",
    "AGIEval",
]


@dataclass
class Crop:
    kind: str
    truth: str
    image: np.ndarray  # RGB
    height: int  # digit height in px
    font: str


@dataclass
class Reading:
    text: str
    confidence: float  # 0..100 as the engine reports it
    ms: float


@dataclass
class Tally:
    right: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    ms: list[float] = field(default_factory=list)


def fonts() -> list[Path]:
    found: dict[str, Path] = {}
    for root in FONT_DIRS:
        if root.is_dir():
            for path in root.rglob("*.ttf"):
                found.setdefault(path.name, path)
    chosen = [found[name] for name in FONT_NAMES if name in found]
    if not chosen:
        raise SystemExit("no fonts under /usr/share/fonts: run scripts/setup")
    return chosen


def number(rng: random.Random) -> str:
    form = rng.choice(
        ["dd.d", "dd.d", "d.d", "dd.dd", "dB", "ddB", "d.dT", "d,dddB", "ddd", "d.dB"]
    )
    if form == "dd.d":
        return f"{rng.uniform(10, 99.9):.1f}"
    if form == "d.d":
        return f"{rng.uniform(0.1, 9.9):.1f}"
    if form == "dd.dd":
        return f"{rng.uniform(10, 99.99):.2f}"
    if form == "dB":
        return f"{rng.randint(1, 9)}B"
    if form == "ddB":
        return f"{rng.randint(10, 99)}B"
    if form == "d.dT":
        return f"{rng.uniform(0.1, 9.9):.1f}T"
    if form == "d,dddB":
        return f"{rng.randint(1, 9)},{rng.randint(0, 999):03d}B"
    if form == "d.dB":
        return f"{rng.uniform(1.1, 9.9):.1f}B"
    return str(rng.randint(100, 999))


def truth(kind: str, rng: random.Random) -> str:
    if kind == "number":
        return number(rng)
    if kind == "name":
        if rng.random() < 0.2:
            return rng.choice(FIXED_NAMES)
        return rng.choice(NAMES).format(rng.choice(SIZES))
    return rng.choice(HEADERS)


def _font_for_height(path: Path, height: int) -> ImageFont.FreeTypeFont:
    """The font size whose digits are ``height`` px tall."""
    size = height
    for _ in range(40):
        font = ImageFont.truetype(str(path), size)
        box = font.getbbox("0123456789")
        if box[3] - box[1] >= height:
            return font
        size += 1
    return font


def render(kind: str, text: str, path: Path, height: int, rng: random.Random) -> np.ndarray:
    soft = rng.random() < 0.4  # drawn at 2x and shrunk: a screenshot scaled down
    scale = 2 if soft else 1
    font = _font_for_height(path, height * scale)
    left, top, right, bottom = font.getbbox(text)
    pad_x = rng.randint(3, 10) * scale
    pad_y = rng.randint(2, 6) * scale
    width = right - left + 2 * pad_x + rng.randint(0, 20) * scale
    tall = bottom - top + 2 * pad_y
    shade = rng.choice([255, 255, 255, 248, 242, 236])
    background = (shade, shade, shade) if rng.random() < 0.85 else (235, 242, 255)
    ink = rng.choice([0, 20, 40, 60, 80])
    image = Image.new("RGB", (width, tall), background)
    draw = ImageDraw.Draw(image)
    x = pad_x - left
    if kind == "number" and rng.random() < 0.5:  # right-aligned, as number columns often are
        x = width - pad_x - right
    draw.text((x, pad_y - top), text, font=font, fill=(ink, ink, ink))
    rule = (rng.randint(120, 200),) * 3
    if rng.random() < 0.3:  # a column rule at one edge of the cell
        edge = rng.choice([0, width - scale])
        draw.rectangle([edge, 0, edge + scale - 1, tall], fill=rule)
    if rng.random() < 0.3:  # a row rule under the cell
        draw.rectangle([0, tall - scale, width, tall], fill=rule)
    if soft:
        image = image.resize((width // 2, tall // 2), Image.Resampling.BILINEAR)
    elif rng.random() < 0.3:
        image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.7)))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=rng.randint(40, 80))
    buffer.seek(0)
    return np.array(Image.open(buffer).convert("RGB"))


def make_crops(per_kind: int, seed: int) -> list[Crop]:
    rng = random.Random(seed)
    paths = fonts()
    crops = []
    for kind in KINDS:
        for _ in range(per_kind):
            text = truth(kind, rng)
            path = rng.choice(paths)
            height = rng.randint(7, 14)
            crops.append(Crop(kind, text, render(kind, text, path, height, rng), height, path.stem))
    return crops


def clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def upscaled(image: np.ndarray, height: int) -> np.ndarray:
    """Grey, and upscaled as imgread.preprocess upscales a page of this text height."""
    grey = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    factor = min(20 / height, 4.0)
    if factor <= 1.0:
        return grey
    return cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)


def read_tesseract(image: np.ndarray, numeric: bool) -> Reading:
    started = time.perf_counter()
    found = tesseract.words(image, OcrSettings(lang="eng"), psm=7, numeric=numeric)
    ms = 1000 * (time.perf_counter() - started)
    if not found:
        return Reading("", 0.0, ms)
    return Reading(clean(" ".join(w.text for w in found)), min(w.confidence for w in found), ms)


def read_rapid(image: np.ndarray, detect: bool) -> Reading:
    started = time.perf_counter()
    text, confidence = rapid.text(image, detect=detect)
    return Reading(clean(text), confidence, 1000 * (time.perf_counter() - started))


BUCKETS = [(0, 50), (50, 70), (70, 80), (80, 90), (90, 95), (95, 98), (98, 101)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-kind", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--detect-limit", type=int, default=20, help="crops per kind (0: none)")
    parser.add_argument("--calibration", action="store_true")
    parser.add_argument("--save", type=Path, help="write the crops and a truth list here")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()

    if not rapid.available():
        raise SystemExit('RapidOCR is not installed: run scripts/setup (pip install -e ".[ocr2]")')
    crops = make_crops(args.per_kind, args.seed)
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
        with open(args.save / "truth.tsv", "w") as out:
            for i, crop in enumerate(crops):
                Image.fromarray(crop.image).save(args.save / f"{i:04d}.png")
                out.write(f"{i:04d}.png\t{crop.kind}\t{crop.truth}\t{crop.height}\t{crop.font}\n")

    # Load every model before timing.
    warm = crops[0].image
    read_tesseract(warm, False), read_tesseract(warm, True), read_rapid(warm, False)
    if args.detect_limit:
        read_rapid(warm, True)

    tallies: dict[str, Tally] = defaultdict(Tally)
    by_confidence: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    split: dict[str, int] = defaultdict(int)
    counts: dict[str, int] = defaultdict(int)
    errors: list[str] = []

    def score(name: str, kind: str, text: str, truth_text: str, ms: float | None = None) -> bool:
        ok = text == truth_text
        tally = tallies[name]
        tally.total[kind] += 1
        tally.right[kind] += ok
        if ms is not None:
            tally.ms.append(ms)
        return ok

    for crop in crops:
        numeric = crop.kind == "number"
        counts[crop.kind] += 1
        readings = {
            "tess": read_tesseract(crop.image, numeric),
            "tess-up": read_tesseract(upscaled(crop.image, crop.height), numeric),
            "rapid": read_rapid(crop.image, detect=False),
        }
        if counts[crop.kind] <= args.detect_limit:
            readings["rapid-det"] = read_rapid(crop.image, detect=True)
        for name, reading in readings.items():
            ok = score(name, crop.kind, reading.text, crop.truth, reading.ms)
            by_confidence[name].append((reading.confidence, ok))
        for name, first in (("vote", "tess-up"), ("vote-raw", "tess")):
            a, b = readings[first], readings["rapid"]
            result = vote(a.text, a.confidence, b.text, b.confidence, numeric=numeric)
            ok = score(name, crop.kind, result.text, crop.truth)
            if name == "vote":
                key = "agreed" if result.agreed else "disagreed"
                split[f"{key}"] += 1
                split[f"{key}_right"] += ok
                if not result.agreed:
                    split["disagreed_one_right"] += crop.truth in (a.text, b.text)
                by_confidence["vote"].append((result.confidence, ok))
                if not ok and args.show_errors:
                    errors.append(
                        f"{crop.kind:7} h={crop.height:2} {crop.font:26} truth={crop.truth!r:16} "
                        f"tess-up={a.text!r}({a.confidence:.0f}) rapid={b.text!r}"
                        f"({b.confidence:.0f}) -> {result.text!r}"
                    )

    print(f"{len(crops)} crops ({args.per_kind} per kind, seed {args.seed}); exact match")
    header = f"{'reader':10} " + " ".join(f"{k:>8}" for k in KINDS) + f" {'all':>8} {'ms/crop':>8}"
    print(header)
    print("-" * len(header))
    for name in ("tess", "tess-up", "rapid", "rapid-det", "vote-raw", "vote"):
        tally = tallies.get(name)
        if tally is None:
            continue
        cells = [
            f"{tally.right[k] / tally.total[k]:8.1%}" if tally.total[k] else f"{'-':>8}"
            for k in KINDS
        ]
        total = sum(tally.total.values())
        overall = sum(tally.right.values()) / total
        ms = f"{np.mean(tally.ms):8.1f}" if tally.ms else f"{'':>8}"
        print(f"{name:10} " + " ".join(cells) + f" {overall:8.1%} {ms}")
    vote_ms = np.mean(tallies["tess-up"].ms) + np.mean(tallies["rapid"].ms)
    print(f"(vote ms/crop = tess-up + rapid = {vote_ms:.1f})")
    agreed, disagreed = split["agreed"], split["disagreed"]
    print(
        f"vote: agreed on {agreed} crops ({split['agreed_right'] / max(agreed, 1):.1%} right), "
        f"disagreed on {disagreed} ({split['disagreed_right'] / max(disagreed, 1):.1%} right; "
        f"one of the two right in {split['disagreed_one_right'] / max(disagreed, 1):.1%})"
    )
    if args.calibration:
        print("\naccuracy by reported confidence (n right/total; calibrated = vote.calibrated)")
        for name in ("tess", "tess-up", "rapid", "vote"):
            pairs = by_confidence[name]
            parts = []
            for low, high in BUCKETS:
                inside = [ok for conf, ok in pairs if low <= conf < high]
                if inside:
                    parts.append(f"[{low},{min(high, 100)}): {sum(inside)}/{len(inside)}")
            print(f"  {name:8} " + "  ".join(parts))
        for engine in ("tesseract", "rapidocr"):
            points = ", ".join(f"{c}->{calibrated(engine, c):.0f}" for c in (50, 80, 90, 95, 99))
            print(f"  calibrated {engine}: {points}")
    for line in errors:
        print(line)


if __name__ == "__main__":
    main()
