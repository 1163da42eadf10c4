"""The image steps OpenCV preprocessing chains: grey, dark regions inverted, background
flattened, contrast stretched, binarised, deskewed, resized."""

from __future__ import annotations

import cv2
import numpy as np

from ..config import PreprocessSettings

# Digits and capitals are about 1.4 times the x-height in the fonts tables use.
CAP_TO_X_HEIGHT = 1.4


def to_grey(rgb: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)


def background(grey: np.ndarray) -> np.ndarray:
    """Local background brightness: a median much wider than a text stroke, so that text
    disappears and only cell, band and page colours remain."""
    small_side = 4
    small = cv2.resize(
        grey, None, fx=1 / small_side, fy=1 / small_side, interpolation=cv2.INTER_AREA
    )
    blurred = cv2.medianBlur(small, 7)
    return cv2.resize(blurred, (grey.shape[1], grey.shape[0]), interpolation=cv2.INTER_NEAREST)


def paint_over(
    grey: np.ndarray, ink: np.ndarray, erase: np.ndarray, across_only: bool = False
) -> tuple[np.ndarray, bool]:
    """``grey`` with the ``erase`` pixels painted in the local background's colour, and the
    blurred edges of what goes (paler than ``ink``, next to it: above and below only where
    ``across_only``, as for a line); whether anything was painted."""
    if not erase.any():
        return grey, False
    kernel = np.ones((3, 1) if across_only else (3, 3), np.uint8)
    erase = erase | ((cv2.dilate(erase.astype(np.uint8), kernel) > 0) & ~ink)
    out = grey.copy()
    out[erase] = background(grey)[erase]
    return out, True


def _mostly_inside(mask: np.ndarray, region: np.ndarray) -> np.ndarray:
    """Pixels of ``mask`` whose connected component lies mostly inside ``region``."""
    count, labels = cv2.connectedComponents(mask.astype(np.uint8), connectivity=8)
    area = np.bincount(labels.ravel(), minlength=count)
    inside = np.bincount(labels.ravel(), weights=region.ravel(), minlength=count)
    keep = inside > 0.5 * np.maximum(area, 1)
    keep[0] = False
    return keep[labels]


def _invert_local(grey: np.ndarray, coarse: np.ndarray) -> np.ndarray:
    """Inversion mask for the dark regions ``coarse`` roughly marks, with exact edges."""
    dark_pixels = grey < 160
    return _mostly_inside(dark_pixels, coarse) | _mostly_inside(~dark_pixels, coarse)


# Less of the image than this inverted is no dark region (a header band is far more).
MIN_DARK_SHARE = 0.002


def solid_dark_blocks(grey: np.ndarray) -> np.ndarray:
    """Solid mid-to-dark blocks (a coloured header band one row tall) that the coarse
    background map blurs into the white page around them: large pieces of dark pixels
    that fill most of their box, which letters never do, with text cut out of them."""
    dark = (grey < 160).astype(np.uint8)
    _, _, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=4)
    x, y, w, h, area = (stats[:, i] for i in range(5))
    big = (w >= 60) & (h >= 12) & (w * h >= MIN_DARK_SHARE * grey.size)
    # Letters leave holes in a band; a plain bar of a chart has none and stays.
    solid = big & (area >= 0.6 * w * h) & (area <= 0.97 * w * h)
    solid[0] = False
    if not solid.any():
        return np.zeros(grey.shape, dtype=bool)
    blocks = np.zeros(grey.shape, dtype=bool)
    for i in np.flatnonzero(solid):
        blocks[y[i] : y[i] + h[i], x[i] : x[i] + w[i]] = True
    return blocks


def _dark_text_on(grey: np.ndarray, region: np.ndarray, contrast: int = 60) -> bool:
    """The text on a mid-dark band is darker than the band (black on a medium blue):
    more of its marks lie well below the band's level than well above it."""
    inside = grey[region]
    if inside.size == 0:
        return False
    level = float(np.median(inside))
    if level < 70:  # a truly dark band: its text can only be lighter
        return False
    darker = int((inside < level - contrast).sum())
    lighter = int((inside > level + contrast).sum())
    return darker > 2 * lighter and darker > 0.01 * inside.size


def invert_dark_regions(grey: np.ndarray, margin: int = 8) -> tuple[np.ndarray, float]:
    """Light text on a dark background (a dark theme, a header band) becomes dark on light.

    The coarse background map says roughly where dark regions are. Exact edges come from
    connected pieces: a dark piece (a band) or a light piece (a letter on it) is inverted
    when most of it lies in a dark region; black words on the white page around a band
    are pieces that lie mostly outside, and stay. A mostly dark image is inverted whole
    first, so that its light panels are then the regions. Returns the image and the share
    of it inverted.
    """
    coarse = background(grey) < 110
    flipped = bool(coarse.mean() > 0.5)
    if flipped:
        grey = 255 - grey
        coarse = background(grey) < 110
    if not flipped:  # on a dark page, its panels' grey shapes are marks, not bands
        coarse |= solid_dark_blocks(grey)
    mask = np.zeros(grey.shape, dtype=bool)
    lift = np.zeros(grey.shape, dtype=bool)
    count, _, stats, _ = cv2.connectedComponentsWithStats(coarse.astype(np.uint8))
    height, width = grey.shape
    for i in range(1, count):
        x, y, w, h = stats[i, :4]
        x1, y1 = max(0, x - margin), max(0, y - margin)
        x2, y2 = min(width, x + w + margin), min(height, y + h + margin)
        window = (slice(y1, y2), slice(x1, x2))
        if not flipped and _dark_text_on(grey[window], coarse[window]):
            lift[window] |= coarse[window]  # black text on a mid-blue band: lighten it
            continue
        mask[window] |= _invert_local(grey[window], coarse[window])
    share = float((mask | lift).mean())
    if not flipped and share < MIN_DARK_SHARE:
        # Specks of dense bold text the coarse map took for dark ground: inverting them
        # mends nothing and would stop the ruling lines from being erased.
        return grey, 0.0
    out = np.where(mask, 255 - grey, grey).astype(np.uint8)
    if lift.any():
        level = float(np.median(grey[lift]))
        lifted = np.clip(grey.astype(np.float32) * (255.0 / max(level, 1.0)), 0, 255)
        out[lift] = lifted[lift].astype(np.uint8)
    return out, (1.0 - share if flipped else share)


def flatten_background(grey: np.ndarray) -> np.ndarray:
    """Divide by the local background so every cell, band and stripe becomes white and the
    text keeps its contrast (Tesseract loses text on a mid-grey band)."""
    light = background(grey).astype(np.float32)
    flat = grey.astype(np.float32) * (255.0 / np.maximum(light, 1.0))
    return np.clip(flat, 0, 255).astype(np.uint8)


# Marks of a glyph's size (px tall) are text; their contrast with the local ground is at
# least this (grey levels): pale rules and specks of JPEG noise are not counted.
GLYPH_HEIGHTS = (5, 60)
GLYPH_CONTRAST = 60
# Fewer glyph-sized marks than this say nothing about where the text stands.
FEW_GLYPHS = 20


def text_ground(grey: np.ndarray) -> float | None:
    """The level of the ground the page's text stands on: the local background under its
    glyph-sized marks, or None where too few are found. A page's median is the ground of
    whatever covers most of it: on a task board or a dashboard that is the saturated or
    dark surround, while the text (a table among them) stands on the light panels and
    cards. Light text on a dark theme stands on the dark ground, and says so here."""
    light = background(grey)
    ink = (cv2.absdiff(grey, light) > GLYPH_CONTRAST).astype(np.uint8)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    heights, widths = stats[:, cv2.CC_STAT_HEIGHT], stats[:, cv2.CC_STAT_WIDTH]
    low, high = GLYPH_HEIGHTS
    glyph = (heights >= low) & (heights <= high) & (widths <= 3 * heights)
    glyph[0] = False
    if int(glyph.sum()) < FEW_GLYPHS:
        return None
    return float(np.median(light[glyph[labels]]))


def stretch_range(grey: np.ndarray, ground: float | None = None) -> tuple[float, float] | None:
    """The levels ``stretch_contrast`` takes to black and to white (the darkest ink and
    the usual background, or ``ground``, the text's own ground, where that is lighter: a
    mid-tone surround that covers most of the page would otherwise take the light panels
    its text stands on, their pale rules and grey text, to white); None where it leaves
    the image as it is (black on white already, or too little contrast to stretch)."""
    low = float(np.percentile(grey, 1))
    high = float(np.median(grey))
    if ground is not None:
        high = max(high, ground)
    if high - low < 40 or (low <= 5 and high >= 250):
        return None
    return low, high


def stretch_contrast(grey: np.ndarray, ground: float | None = None) -> np.ndarray:
    """Darkest ink to black and the usual (median) background, or the text's ``ground``
    where lighter, to white: an inverted dark theme's grey page, or pale text, otherwise
    reads worse than black on white."""
    levels = stretch_range(grey, ground)
    if levels is None:
        return grey
    low, high = levels
    scaled = (grey.astype(np.float32) - low) * (255.0 / (high - low))
    return np.clip(scaled, 0, 255).astype(np.uint8)


def binarise(grey: np.ndarray) -> np.ndarray:
    """Ink as 255 on 0: Otsu over the (already dark-on-light) grey image."""
    _, binary = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return binary


def glyph_height(binary: np.ndarray) -> float:
    """Median height of character-sized blobs: about the cap/digit height of body text."""
    count, _, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=8)
    heights = stats[1:count, cv2.CC_STAT_HEIGHT]
    widths = stats[1:count, cv2.CC_STAT_WIDTH]
    keep = (heights >= 5) & (heights <= 120) & (widths <= heights * 2) & (widths >= 2)
    if keep.sum() < 5:
        return 0.0
    return float(np.median(heights[keep]))


def upscale_factor(x_height: float, settings: PreprocessSettings, shape: tuple[int, ...]) -> float:
    if x_height <= 0 or x_height >= settings.target_x_height:
        return 1.0
    factor = min(settings.target_x_height / x_height, settings.max_upscale)
    factor = min(factor, settings.max_side_after_upscale / max(shape[:2]))
    return max(1.0, round(factor, 2))


def read_factor(x_height: float, settings: PreprocessSettings) -> float:
    """The factor the page read scales an image whose text is ``x_height`` px by: below 1
    where the text is taller than ``max_read_x_height`` (never upscaled here: small text
    was enlarged by preprocessing already)."""
    if x_height <= settings.max_read_x_height:
        return 1.0
    return round(settings.target_x_height / x_height, 2)


def resize(grey: np.ndarray, factor: float) -> np.ndarray:
    if factor == 1.0:
        return grey
    return cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)


def _row_sharpness(small: np.ndarray, angle: float) -> float:
    centre = (small.shape[1] / 2, small.shape[0] / 2)
    matrix = cv2.getRotationMatrix2D(centre, angle, 1.0)
    rotated = cv2.warpAffine(small, matrix, (small.shape[1], small.shape[0]))
    return float(np.var(rotated.sum(axis=1, dtype=np.float64)))


def skew_angle(binary: np.ndarray, max_degrees: float, step: float = 0.25) -> float:
    """The small rotation that makes text rows sharpest (row-projection variance): a coarse
    search at twice ``step``, then its neighbours at ``step``."""
    width = binary.shape[1]
    factor = min(1.0, 600 / max(width, 1))
    small = cv2.resize(binary, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    coarse = np.arange(-max_degrees, max_degrees + step, 2 * step)
    scores = {float(a): _row_sharpness(small, float(a)) for a in coarse}
    best = max(scores, key=lambda a: (scores[a], -abs(a)))
    for angle in (best - step, best + step):
        scores[angle] = _row_sharpness(small, angle)
    return max(scores, key=lambda a: (scores[a], -abs(a)))


def rotate(grey: np.ndarray, angle: float) -> np.ndarray:
    if angle == 0.0:
        return grey
    centre = (grey.shape[1] / 2, grey.shape[0] / 2)
    matrix = cv2.getRotationMatrix2D(centre, angle, 1.0)
    return cv2.warpAffine(
        grey,
        matrix,
        (grey.shape[1], grey.shape[0]),
        flags=cv2.INTER_CUBIC,
        borderMode=cv2.BORDER_REPLICATE,
    )
