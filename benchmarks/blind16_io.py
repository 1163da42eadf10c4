"""What the sixteenth blind sets share: one Chromium for a run, pages wrapped in a ``#shot``
element, saving an image as PNG or JPEG under its index and style, the loop over the looks
and the command line."""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable
from pathlib import Path

from browser import Browser
from PIL import Image

_BROWSER: Browser | None = None


def shoot(body: str, css: str = "", scale: float = 1.0) -> Image.Image:
    """``body`` is the ``#shot`` element's own HTML (it must carry ``id="shot"``)."""
    global _BROWSER
    if _BROWSER is None:
        _BROWSER = Browser((1700, 1300))
    page = (
        "<!doctype html><html><head><meta charset='utf-8'><style>"
        "html,body{margin:0;padding:0;background:#fff}" + css + "</style></head><body>"
        + body + "</body></html>"
    )
    return _BROWSER.shoot(page, scale)


def measure(script: str, scale: float = 1.0) -> object:
    """Run a JavaScript function in the page last shot (where a column ends, say)."""
    assert _BROWSER is not None
    return _BROWSER.evaluate(script, scale)


def close() -> None:
    global _BROWSER
    if _BROWSER is not None:
        _BROWSER.close()
        _BROWSER = None


def save(image: Image.Image, out: Path, index: int, style: str, jpeg_quality: int = 0) -> str:
    """The file's name: ``NNN_STYLE.png``, or ``.jpg`` at ``jpeg_quality`` when given."""
    suffix = "jpg" if jpeg_quality else "png"
    name = f"{index:03d}_{style}.{suffix}"
    options = {"quality": jpeg_quality} if jpeg_quality else {}
    image.convert("RGB").save(out / name, **options)
    return name


# A look draws one image from its seeded random source: (image, JPEG quality or 0, the
# image's truth without its style).
Draw = Callable[[str, random.Random], tuple[Image.Image, int, dict]]


def generate_looks(out: Path, count: int, seed: int, kind: str, styles: list[str],
                   draw: Draw) -> dict:
    """The sets' shared loop: styles in turn, one random source per image
    (``blind16-KIND/SEED/INDEX``), then ``truth.json`` beside the images."""
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    try:
        for index in range(count):
            style = styles[index % len(styles)]
            image, quality, item = draw(style, random.Random(f"blind16-{kind}/{seed}/{index}"))
            truth[save(image, out, index, style, quality)] = {**item, "style": style}
    finally:
        close()
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False))
    return truth


def command_line(doc: str, generate: Callable[[Path, int, int], dict], count: int,
                 seed: int) -> None:
    """``python blind16_X.py OUT_DIR [--count N] [--seed S]``."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=count)
    parser.add_argument("--seed", type=int, default=seed)
    args = parser.parse_args()
    generate(args.out, args.count, args.seed)
