"""What the sixteenth blind sets share: one Chromium for a run, pages wrapped in a ``#shot``
element, and saving an image as PNG or JPEG under its index and style."""

from __future__ import annotations

import json
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
    name = f"{index:03d}_{style}.{'jpg' if jpeg_quality else 'png'}"
    if jpeg_quality:
        image.convert("RGB").save(out / name, quality=jpeg_quality)
    else:
        image.save(out / name)
    return name


def write_truth(out: Path, truth: dict) -> None:
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False))
