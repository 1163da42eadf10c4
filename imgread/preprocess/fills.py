"""Coloured cell fills taken out before OCR: a spreadsheet's colour scale, a highlighted
row, a tinted column. Tesseract binarises the page once, and a mid-tone fill (a red or
green of a heat map is about 150 grey) falls on the ink side of that threshold: the
numbers on it run together or vanish. Dividing each pixel by its own ground leaves every
fill white and its dark text dark, the usual background normalisation of document images.

The ground is the grey image closed (a maximum, then a minimum) by a window wider than a
text stroke: dark strokes vanish from it while a fill keeps its exact edges, which the
coarse median ``background`` blurs by a few pixels (a halo read as a stray digit). Only
fills whose text is darker than they are are flattened: white type on a fill would vanish
with its ground (a dark fill is ``invert_dark_regions``' work).
"""

from __future__ import annotations

import cv2
import numpy as np

from .steps import background, binarise, glyph_height, stretch_range

# Grounds between these levels are fills: darker is a dark band (inverted elsewhere), paler
# is the page, a zebra stripe or a pale header that Tesseract reads as it is.
FILL_DARKEST, FILL_PALEST = 100, 225
# Less of the image than this under fills: nothing to take out.
MIN_FILL_SHARE = 0.01
# Ink on a fill is this much darker than the fill's level.
INK_CONTRAST = 50
# A fill is flat: this share of it lies within ``FLAT`` grey levels of the coarse map
# there (a heat map's cells each of their own colour). Where a dark shape meets the page
# the coarse map blends the two into a thin mid-tone rim, which is no fill.
FLAT_SHARE, FLAT = 0.5, 12
# A fill holds a few characters at least: its area in squared glyph heights.
MIN_FILL_GLYPHS = 9
# Text on a fill leaves no more than this many heights of its text bare, top to bottom
# (cells of a colour scale, one above the other); a chart's bar has a label at one end.
TEXT_GAP = 4
# A fill lies on a lighter page: the ground round it is this much lighter than the fill.
# A whole page photographed dim (mid-tone paper on a dark desk) is the page, no fill.
PAGE_LIGHTER = 15


def _glyphs(marks: np.ndarray, glyph: float) -> tuple[int, np.ndarray, float]:
    """How many pieces of ``marks`` are the size of a character (a border line or the page
    beyond a fill is far longer), which rows those pieces cover, and their usual height."""
    count, _, stats, _ = cv2.connectedComponentsWithStats(marks.astype(np.uint8))
    w, h = stats[1:count, cv2.CC_STAT_WIDTH], stats[1:count, cv2.CC_STAT_HEIGHT]
    sized = (h >= 0.4 * glyph) & (h <= 2 * glyph) & (w <= 2 * glyph)
    rows = np.zeros(marks.shape[0], dtype=bool)
    for top, height in zip(stats[1:count, cv2.CC_STAT_TOP][sized], h[sized], strict=True):
        rows[top:top + height] = True
    usual = float(np.median(h[sized])) if sized.any() else glyph
    return int(sized.sum()), rows, usual


def _longest_gap(covered: np.ndarray) -> int:
    """The longest run of rows without text."""
    longest = run = 0
    for row in covered:
        run = 0 if row else run + 1
        longest = max(longest, run)
    return longest


def _dark_text(grey: np.ndarray, coarse: np.ndarray, region: np.ndarray, glyph: float) -> bool:
    """``region`` is a fill (flat, room for a few characters) whose characters are darker
    than it (black digits on a heat map's green), not lighter (white type on a button)."""
    inside = grey[region]
    level = float(np.median(inside))
    near = np.abs(inside.astype(np.int16) - coarse[region].astype(np.int16)) <= FLAT
    if inside.size < MIN_FILL_GLYPHS * glyph**2 or near.mean() < FLAT_SHARE:
        return False
    darker, text_rows, text_height = _glyphs(region & (grey < level - INK_CONTRAST), glyph)
    lighter, _, _ = _glyphs(region & (grey > level + INK_CONTRAST), glyph)
    # Text runs down a column of cells, or fills a highlighted row; a bar of a chart holds
    # one label with many lines' height of bare fill beside it: a bar is no cell, and its
    # ink and the plot's text must stay as they are for the chart reader.
    spanned = region.any(axis=1)
    if _longest_gap(text_rows[spanned]) > TEXT_GAP * text_height:
        return False
    return darker >= 3 and darker > 2 * lighter


def _on_lighter_page(coarse: np.ndarray, region: np.ndarray, reach: int) -> bool:
    """The ground just round ``region`` is lighter than the region: a fill on a page."""
    ring = cv2.dilate(region.astype(np.uint8), np.ones((2 * reach + 1,) * 2, np.uint8)) > 0
    ring &= ~region
    if not ring.any():
        return False
    return float(np.median(coarse[ring])) >= float(np.median(coarse[region])) + PAGE_LIGHTER


def stroke_free_ground(grey: np.ndarray, glyph: float) -> tuple[np.ndarray, int]:
    """The grey image closed by a window wider than a text stroke: the fill or band under
    each pixel, with the fill's exact edges; and the window's side."""
    side = max(5, int(glyph * 0.6) | 1)
    element = cv2.getStructuringElement(cv2.MORPH_RECT, (side, side))
    return cv2.morphologyEx(grey, cv2.MORPH_CLOSE, element), side


# A ground at least this light is pale: a zebra stripe, a pastel header band, a selected
# row's band, an off-white page. Text on it is dark or pale ink, never white type.
PALE_GROUND = 185
# Grounds this light are white already: Tesseract reads them as they are, and a docs
# page's off-white header band keeps its pale rules whole for the rule finder.
WHITE = 245
# A pale ground that the page's contrast stretch leaves at least this light is read as it
# is. Pale text is what makes a band a problem: the stretch takes the pale ink to black and
# the page to white, and a band a shade darker than the page falls to a mid grey, which
# Tesseract takes for ink. Under dark text the stretch hardly moves a band (a light grey
# header over near-black type stays about 237), and making it white only costs the pale
# rules at its edges (divided by the band's level, a table's border fades into the page).
KEEP_LIGHT = 215


def _darkened_by_stretch(grey: np.ndarray, ground: np.ndarray) -> np.ndarray:
    """Where the ground is one that ``stretch_contrast`` would turn darker than
    ``KEEP_LIGHT``: the bands that pale text's stretch makes mid grey."""
    levels = stretch_range(grey)
    if levels is None:  # the page is not stretched: every ground keeps its level, as read
        return np.zeros(ground.shape, dtype=bool)
    low, high = levels
    return (ground.astype(np.float32) - low) * (255.0 / (high - low)) < KEEP_LIGHT


def whiten_pale_grounds(grey: np.ndarray) -> np.ndarray:
    """``grey`` with every pale ground made white and its text kept in proportion, where
    the page's contrast stretch would turn a band of it mid grey; the same array where not.

    A pastel theme's bands (a header, zebra rows, a selected row a shade deeper) differ
    from the page by less than their text does; stretching the page's contrast for its pale
    text then turns a band into a mid grey under black text, and Tesseract drops the whole
    row (or takes a band for ink). Dividing by the ground under each pixel leaves every
    band as white as the page, as ``flatten_fills`` does for mid-tone fills. Only where the
    wide median ground is pale too: light type on a dark band keeps its own ground.

    The page decides as a whole: where no band would fall below ``KEEP_LIGHT`` (dark text,
    which the stretch hardly moves a band under) nothing changes; where one would, every
    pale ground is whitened, so that no band is left a shade apart from the others (a band
    whitened in patches where its level crosses the threshold is read worse than either)."""
    coarse = background(grey)
    pale = coarse >= PALE_GROUND
    if not (pale & (coarse < WHITE)).any():
        return grey
    ground, side = stroke_free_ground(grey, glyph_height(binarise(grey)) or 12.0)
    region = pale & (ground >= PALE_GROUND) & (ground < WHITE)
    darkened = (region & _darkened_by_stretch(grey, ground)).astype(np.uint8)
    # A band is whole blocks of it: opened by a block wider than the ground's window, a thin
    # rim (a dark band's anti-aliased edge, a rule beside a text) never counts as one.
    block = np.ones((2 * side + 1,) * 2, np.uint8)
    if not cv2.morphologyEx(darkened, cv2.MORPH_OPEN, block).any():
        return grey
    flat = grey.astype(np.float32) * (255.0 / np.maximum(ground.astype(np.float32), 1.0))
    out = grey.copy()
    out[region] = np.clip(flat[region], 0, 255).astype(np.uint8)
    return out


def flatten_fills(grey: np.ndarray) -> np.ndarray:
    """``grey`` with its mid-tone fills under dark text made white; the same array where
    there are none."""
    coarse = background(grey)
    fills = (coarse >= FILL_DARKEST) & (coarse <= FILL_PALEST)
    if fills.mean() < MIN_FILL_SHARE:
        return grey
    glyph = glyph_height(binarise(grey)) or 12.0
    ground, side = stroke_free_ground(grey, glyph)
    keep = np.zeros(grey.shape, dtype=bool)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(fills.astype(np.uint8))
    reach = max(3, int(glyph))
    height, width = grey.shape
    for i in range(1, count):
        x, y, w, h = stats[i, :4]
        x1, y1 = max(0, x - reach), max(0, y - reach)
        x2, y2 = min(width, x + w + reach), min(height, y + h + reach)
        window = (slice(y1, y2), slice(x1, x2))
        region = labels[window] == i
        if _dark_text(grey[window], coarse[window], region, glyph) and _on_lighter_page(
            coarse[window], region, reach
        ):
            keep[window] |= region
    if not keep.any():
        return grey
    # A little wider than the coarse map's regions, so the fill's own edge is included.
    keep = cv2.dilate(keep.astype(np.uint8), np.ones((side, side), np.uint8)) > 0
    flat = grey.astype(np.float32) * (255.0 / np.maximum(ground.astype(np.float32), 1.0))
    out = grey.copy()
    out[keep] = np.clip(flat[keep], 0, 255).astype(np.uint8)
    return out
