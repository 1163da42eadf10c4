"""The loop the blind11 generators share: their looks in turn, a seeded random per image,
one Chromium for the whole run, the images and ``truth.json`` written; and their command
line."""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable
from pathlib import Path

from browser import Browser
from PIL import Image

# a look's drawing: (style, random, browser) -> (image, truth without style, extension)
Draw = Callable[[str, random.Random, Browser], tuple[Image.Image, dict, str]]


def draw_set(out: Path, count: int, seed: int, set_name: str, styles: list[str], draw: Draw,
             jpeg_quality: tuple[int, int] = (70, 88)) -> dict:
    """``count`` images of ``styles`` in turn, ``OUT/NNN_STYLE.png|jpg``; the truth per
    file name, also written to ``OUT/truth.json``."""
    out.mkdir(parents=True, exist_ok=True)
    browser = Browser((1400, 1000))
    truths = {}
    try:
        for index in range(count):
            style = styles[index % len(styles)]
            rng = random.Random(f"blind11-{set_name}/{seed}/{index}")
            image, truth, extension = draw(style, rng, browser)
            name = f"{index:03d}_{style}.{extension}"
            if extension == "jpg":
                image.save(out / name, "JPEG", quality=rng.randint(*jpeg_quality))
            else:
                image.save(out / name)
            truths[name] = {**truth, "style": style}
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truths, indent=1, ensure_ascii=False))
    return truths


def main(doc: str, generate: Callable[[Path, int, int], dict], count: int, seed: int) -> None:
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=count)
    parser.add_argument("--seed", type=int, default=seed)
    args = parser.parse_args()
    generate(args.out, args.count, args.seed)
