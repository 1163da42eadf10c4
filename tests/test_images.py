"""Loading and normalising: every odd file a user may have becomes RGB or a clear error."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from imgread.config import LoadSettings
from imgread.errors import ImageError
from imgread.images import open_image, sha256_file


def _save(image: Image.Image, path: Path, **kwargs: object) -> Path:
    image.save(path, **kwargs)
    return path


def png_header_only(path: Path, width: int, height: int) -> Path:
    """A PNG whose header claims a huge size: what a decompression bomb looks like up front."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    body = zlib.compress(b"\x00" * 64)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")
    )
    return path


def test_exif_orientation_is_applied(tmp_path: Path) -> None:
    image = Image.new("RGB", (40, 20), "white")
    image.paste((255, 0, 0), (0, 0, 10, 20))  # red strip on the left
    exif = Image.Exif()
    exif[0x0112] = 6  # stored rotated: viewers turn it 90 degrees clockwise
    path = _save(image, tmp_path / "rotated.jpg", exif=exif, quality=95)
    rgb, _ = open_image(path, LoadSettings())
    assert rgb.size == (20, 40)
    top = np.asarray(rgb)[2, 10]
    assert top[0] > 200 and top[1] < 80  # the red strip is now on top


def test_transparency_goes_onto_white(tmp_path: Path) -> None:
    image = Image.new("RGBA", (10, 10), (0, 0, 0, 0))
    image.putpixel((5, 5), (0, 0, 255, 255))
    rgb, facts = open_image(_save(image, tmp_path / "alpha.png"), LoadSettings())
    array = np.asarray(rgb)
    assert facts["mode"] == "RGBA"
    assert tuple(array[0, 0]) == (255, 255, 255)
    assert tuple(array[5, 5]) == (0, 0, 255)


@pytest.mark.parametrize("mode", ["P", "CMYK", "L", "1", "I;16"])
def test_other_modes_become_rgb(tmp_path: Path, mode: str) -> None:
    base = Image.linear_gradient("L").resize((32, 32))
    if mode == "I;16":
        image = Image.fromarray(np.asarray(base, dtype=np.uint16) * 257)
        assert image.mode == "I;16"
        suffix = ".png"
    else:
        image = base.convert(mode)
        suffix = ".tif" if mode == "CMYK" else ".png"
    rgb, _ = open_image(_save(image, tmp_path / f"img{suffix}"), LoadSettings())
    assert rgb.mode == "RGB"
    array = np.asarray(rgb).astype(int)
    # The gradient survives: dark at the top, light at the bottom.
    assert array[-1].mean() - array[0].mean() > 150


def test_animation_keeps_its_first_frame(tmp_path: Path) -> None:
    frames = [Image.new("RGB", (8, 8), colour) for colour in ("red", "blue", "green")]
    path = tmp_path / "anim.gif"
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=50)
    rgb, facts = open_image(path, LoadSettings())
    assert facts["frames"] == 3
    red, _, blue = np.asarray(rgb)[4, 4]
    assert red > 200 and blue < 60


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes(b""), "empty"),
        (lambda p: p.write_text("this is a note, not a picture\n"), "not an image"),
        (lambda p: png_header_only(p, 30000, 30000), "pixel limit"),
    ],
)
def test_bad_files_raise_clear_errors(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.png"
    make(path)
    with pytest.raises(ImageError) as caught:
        open_image(path, LoadSettings())
    assert message in str(caught.value)
    assert str(path) in str(caught.value)
    assert caught.value.hint


def test_truncated_png_is_reported_as_damaged(tmp_path: Path) -> None:
    image = Image.fromarray(np.random.default_rng(0).integers(0, 255, (200, 200, 3), np.uint8))
    whole = _save(image, tmp_path / "whole.png")
    cut = tmp_path / "cut.png"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(ImageError, match="damaged or truncated"):
        open_image(cut, LoadSettings())


def test_hash_is_of_the_bytes(tmp_path: Path) -> None:
    path = tmp_path / "x.bin"
    path.write_bytes(b"abc")
    assert sha256_file(path) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
