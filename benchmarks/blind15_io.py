"""What the three blind15 generators share at their edges: saving an image, writing the
truth beside the images, and the command line ``OUT_DIR [--count N] [--seed S]``."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from PIL import Image


def save_image(image: Image.Image, path: Path, quality: int) -> None:
    """PNG as is; a JPEG at ``quality``, as the look chose."""
    if path.suffix == ".jpg":
        image.save(path, quality=quality)
    else:
        image.save(path)


def write_truth(out: Path, truth: dict) -> dict:
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False))
    return truth


def run_cli(generate: Callable[[Path, int, int], dict], doc: str, count: int,
            seed: int) -> None:
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=count)
    parser.add_argument("--seed", type=int, default=seed)
    args = parser.parse_args()
    generate(args.out, args.count, args.seed)
