"""What the blind18 generators share: one Chromium, saving images, the loop, the command line.

Each generator calls ``run_cli(kind, looks, default_count, default_seed)`` where ``looks`` is a
list of ``(style, function)``; a look function takes ``(rng, ctx)`` and returns a ``Shot``
(image, truth without ``style``, and how to save it). Image ``index`` gets its own random
source ``random.Random(f"blind18-{kind}/{seed}/{index}")`` and the look
``looks[index % len(looks)]``; ``truth.json`` is written beside the images.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import Browser

VIEWPORT = (1700, 1300)


@dataclass
class Shot:
    image: Image.Image
    truth: dict[str, Any]
    jpeg_quality: int | None = None  # None: PNG
    extra: dict[str, Any] = field(default_factory=dict)


class Ctx:
    """The shared browser; ``shoot`` renders a page whose ``#shot`` element is the image."""

    def __init__(self) -> None:
        self.browser = Browser(VIEWPORT)

    def shoot(self, page: str, scale: float = 1.0) -> Image.Image:
        return self.browser.shoot(page, scale)

    def close(self) -> None:
        self.browser.close()


def esc(text: Any) -> str:
    return html.escape(str(text))


def page(body: str, css: str = "", bg: str = "#ffffff") -> str:
    """A whole HTML page; ``body`` must contain the element ``id="shot"``."""
    return (
        "<!doctype html><html><head><meta charset='utf-8'><style>"
        f"html,body{{margin:0;padding:0;background:{bg};}}"
        "#shot{display:inline-block;}"
        f"{css}</style></head><body>{body}</body></html>"
    )


Look = Callable[[random.Random, Ctx], Shot]


def generate(kind: str, looks: list[tuple[str, Look]], out: Path, count: int, seed: int) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    ctx = Ctx()
    truth: dict[str, Any] = {}
    try:
        for index in range(count):
            style, look = looks[index % len(looks)]
            rng = random.Random(f"blind18-{kind}/{seed}/{index}")
            shot = look(rng, ctx)
            image = shot.image.convert("RGB")
            if shot.jpeg_quality is not None:
                name = f"{index:03d}_{style}.jpg"
                image.save(out / name, quality=shot.jpeg_quality)
            else:
                name = f"{index:03d}_{style}.png"
                image.save(out / name)
            truth[name] = {**shot.truth, "style": style}
    finally:
        ctx.close()
    (out / "truth.json").write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n")
    return truth


def run_cli(
    kind: str, looks: list[tuple[str, Look]], default_count: int, default_seed: int
) -> None:
    parser = argparse.ArgumentParser(description=f"blind18 {kind} generator")
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=default_count)
    parser.add_argument("--seed", type=int, default=default_seed)
    args = parser.parse_args()
    truth = generate(kind, looks, args.out, args.count, args.seed)
    print(f"{len(truth)} images in {args.out}")
