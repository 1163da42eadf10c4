"""What blind14's three generators share: a page around a shot element, and saving an
image the way a user's screenshot arrives (rescaled, sometimes as JPEG)."""

from __future__ import annotations

import argparse
import html
import json
import random
from collections.abc import Callable
from pathlib import Path

from browser import Browser
from PIL import Image


def page(body: str, css: str, background: str = "#ffffff") -> str:
    """A whole HTML page whose element ``#shot`` (written by the caller) is screenshot."""
    return (
        "<!doctype html><html><head><meta charset='utf-8'><style>"
        f"html,body{{margin:0;padding:0;background:{background};}}"
        "#shot{display:inline-block;position:relative;}"
        f"{css}</style></head><body>{body}</body></html>"
    )


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def save(image: Image.Image, path: Path, scale: float = 1.0, quality: int | None = None) -> None:
    """``image`` rescaled by ``scale`` (a screenshot shared at another size), as JPEG at
    ``quality`` when given (the path then ends in .jpg), else PNG."""
    if scale != 1.0:
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image = image.resize(size, Image.Resampling.LANCZOS)
    if quality is None:
        image.save(path)
    else:
        image.convert("RGB").save(path, quality=quality)


# a look draws one image: (style, seeded random, browser) -> (image, truth, rescale, JPEG
# quality or None)
Draw = Callable[[str, random.Random, Browser], tuple[Image.Image, dict, float, int | None]]


def write_set(out: Path, count: int, seed: int, kind: str, styles: list[str], draw: Draw,
              viewport: tuple[int, int]) -> dict:
    """``count`` images of ``styles`` in turn as ``OUT/NNN_STYLE.png|jpg`` with their truth
    in ``OUT/truth.json``; image ``index`` depends only on the seed and the index."""
    out.mkdir(parents=True, exist_ok=True)
    browser = Browser(viewport)
    truths = {}
    try:
        for index in range(count):
            style = styles[index % len(styles)]
            rng = random.Random(f"blind14-{kind}/{seed}/{index}")
            image, truth, scale, quality = draw(style, rng, browser)
            name = f"{index:03d}_{style}.{'jpg' if quality else 'png'}"
            save(image, out / name, scale, quality)
            truths[name] = truth
    finally:
        browser.close()
    (out / "truth.json").write_text(json.dumps(truths, indent=1, ensure_ascii=False))
    return truths


def cli(generate: Callable[[Path, int, int], dict], doc: str, count: int, seed: int,
        kind: str) -> None:
    """``python benchmarks/blind14_KIND.py OUT_DIR [--count N] [--seed S]``."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=count)
    parser.add_argument("--seed", type=int, default=seed)
    args = parser.parse_args()
    made = generate(args.out, args.count, args.seed)
    print(f"{len(made)} {kind} in {args.out}")
