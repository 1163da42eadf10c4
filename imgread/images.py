"""Load, validate, normalise and hash an image file.

Everything a user can hand us by mistake (an empty file, a truncated download, a text file
named .png, a decompression bomb) becomes an ``ImageError`` that names the file and the
problem; the batch turns it into a ``failed`` record.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from .config import Config, LoadSettings
from .errors import ImageError
from .memory import available_bytes, needed_bytes

if TYPE_CHECKING:
    from .work import Work

# Our own limit (LoadSettings.max_pixels) is checked from the header before decoding;
# Pillow's global guard is disabled so that it cannot fire with a less helpful message.
Image.MAX_IMAGE_PIXELS = None
# The smallest side a line of text fits in; the preprocess steps need a few pixels too.
MIN_SIDE_PX = 8


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    """The hash of a regular file's bytes. Anything else named like an image (a FIFO, which
    would wait for a writer forever; a link to /dev/zero, which never ends) is an OSError
    that says what it is. O_NONBLOCK lets a FIFO be opened, and looked at, at all."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(descriptor, "rb") as handle:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else
                    "a socket" if stat.S_ISSOCK(mode) else "a device")
            raise OSError(errno.EINVAL, f"not a regular file but {kind}", str(path))
        digest = hashlib.sha256()
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def _flatten_alpha(image: Image.Image) -> Image.Image:
    """Composite transparency onto white: screenshots with alpha are meant on a page."""
    rgba = image.convert("RGBA")
    background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    return Image.alpha_composite(background, rgba).convert("RGB")


def _sixteen_bit_to_rgb(image: Image.Image) -> Image.Image:
    array = np.asarray(image, dtype=np.float64)
    low, high = float(array.min()), float(array.max())
    scaled = (array - low) * (255.0 / (high - low)) if high > low else np.zeros_like(array)
    return Image.fromarray(scaled.astype(np.uint8)).convert("RGB")


def to_rgb(image: Image.Image) -> Image.Image:
    """Any Pillow mode to 8-bit RGB, transparency composited onto white."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        return _flatten_alpha(image)
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        return _sixteen_bit_to_rgb(image)
    return image.convert("RGB")


def _check_memory(path: Path, width: int, height: int) -> None:
    """Refuse, from the header, an image whose reading would need more memory than is left:
    a small file can decode to gigabytes."""
    needed, available = needed_bytes(width, height), available_bytes()
    if available is not None and needed > available:
        raise ImageError(
            f"{path}: reading {width}x{height} pixels needs about {needed / 2**20:,.0f} MiB "
            f"of memory, and {available / 2**20:,.0f} MiB is available",
            hint="downscale the image, or free memory (fewer --workers) and run again",
        )


def open_image(path: Path, settings: LoadSettings) -> tuple[Image.Image, dict[str, object]]:
    """Open, check and normalise one image. Returns the RGB image and facts about the file."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ImageError(
            f"{path}: cannot read the file ({error.strerror})",
            hint="check that the file exists and that you may read it",
        ) from error
    if size == 0:
        raise ImageError(f"{path}: the file is empty (0 bytes)", hint="re-download or re-export it")
    if size > settings.max_bytes:
        raise ImageError(
            f"{path}: {size} bytes is over the {settings.max_bytes}-byte limit",
            hint="raise load.max_bytes if this file is genuine",
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as opened:
                width, height = opened.size
                if min(width, height) < MIN_SIDE_PX:
                    raise ImageError(
                        f"{path}: {width}x{height} pixels is too small to hold readable text "
                        f"(each side must be at least {MIN_SIDE_PX} px)",
                        hint="pass the full-size screenshot, not a thumbnail or an icon",
                    )
                if width * height > settings.max_pixels:
                    raise ImageError(
                        f"{path}: {width}x{height} is {width * height:,} pixels, over the "
                        f"{settings.max_pixels:,}-pixel limit (a decompression-bomb guard)",
                        hint="downscale the image, or raise load.max_pixels if it is genuine",
                    )
                # after the configured limit: its verdict must not depend on the moment's
                # free memory
                _check_memory(path, width, height)
                facts: dict[str, object] = {
                    "format": (opened.format or "").lower(),
                    "mode": opened.mode,
                    "frames": int(getattr(opened, "n_frames", 1) or 1),
                }
                opened.seek(0)  # animations: the first frame
                opened.load()
                rgb = to_rgb(ImageOps.exif_transpose(opened) or opened)
    except ImageError:
        raise
    except UnidentifiedImageError as error:
        raise ImageError(
            f"{path}: not an image Pillow can identify (is it really {path.suffix or 'an image'}?)",
            hint="check the file's contents",
        ) from error
    except (OSError, SyntaxError, ValueError) as error:
        raise ImageError(
            f"{path}: the image is damaged or truncated ({error})",
            hint="re-download or re-export it",
        ) from error
    return rgb, facts


def load_into(work: Work, config: Config) -> None:
    """The load stage: fill ``record.image`` and put the RGB pixels on ``work``."""
    info = work.record.image
    info.bytes = work.path.stat().st_size if work.path.exists() else 0
    if not info.sha256:
        try:
            info.sha256 = sha256_file(work.path)
        except OSError as error:
            raise ImageError(
                f"{work.path}: cannot read the file ({error.strerror})",
                hint="check that the file exists and that you may read it",
            ) from error
    rgb, facts = open_image(work.path, config.load)
    info.format = str(facts["format"])
    info.mode = str(facts["mode"])
    info.frames = int(facts["frames"])  # type: ignore[call-overload]
    info.width, info.height = rgb.size
    work.image = rgb
    work.rgb = np.asarray(rgb)
