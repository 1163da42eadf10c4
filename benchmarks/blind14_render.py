"""What blind14's three generators share: a page around a shot element, and saving an
image the way a user's screenshot arrives (rescaled, sometimes as JPEG)."""

from __future__ import annotations

import html
from pathlib import Path

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
