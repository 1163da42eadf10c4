"""A reader's marks on a printed table, taken out of the colour image before anything else:
a highlighter stroke along a row and a pen loop drawn round a cell.

A highlighter is translucent ink: the page under it is multiplied by a light saturated
colour, so its text stays dark while its ground turns a mid grey (a yellow marker is about
215 grey, a pink one 185), which Tesseract's one threshold and the pale-ground steps take
in patches along the stroke's wavy edges: the row's scores vanish or run together. In the
channel the marker's colour fills (its maximum), the page under it is as light as paper
round it; so on a light saturated band holding dark text each pixel is judged by that
channel, which leaves the band white and its text as dark as before.

A pen loop is a thin saturated stroke curving round a cell, wider than any glyph; where it
crosses the text beside it the layout took it for ink in the gutter and merged two
columns. The loop's own pixels (saturated, of a colour the text's dark ink is not) are
painted over from their surroundings; the text it crosses keeps its dark pixels, which are
no part of the stroke's colour. Coloured text is left alone: its glyphs are smaller than a
loop round a cell, and a band must be wider than a stroke of text is thick.
"""

from __future__ import annotations

import cv2
import numpy as np

from .steps import binarise, glyph_height, to_grey

# A colour is saturated when its channels spread this far (paper under warm light spreads
# about 35; a highlighter's yellow, green or pink 100 and more).
MARKER_CHROMA = 60
# A highlighter's ground is light: the page multiplied by a light colour keeps its grey
# above this (a pink marker under warm light is about 165); a dark band is another step's.
MARKER_LIGHTEST_GREY = 140
# White type on a light saturated ground (a button, a badge): the ground is no marker when
# more than this share of it is near-white, neutral pixels.
WHITE_TYPE_SHARE = 0.03
# A marker's colour along its band varies by this much at most (per channel, standard
# deviation: the light across a photo, JPEG); a heat map's cells differ by 30 and more.
MARKER_SPREAD = 22
# A reader marks a row or two; more bands of colour holding text are the page's own (a
# heat map's cells, a coloured theme's rows).
MAX_BANDS = 2
# A highlighter's stroke is this many times longer than it is tall, at least, and spans
# this share of the page's width.
BAND_ELONGATION = 3
BAND_PAGE_SHARE = 0.5
# Marks are made on paper: a page darker than this (its median grey) is a dark theme,
# whose coloured shapes are the page's.
LIGHT_PAGE = 160
# A pen loop is drawn round a cell: this many glyph heights wide at least, and thin (this
# share of its box at most is stroke).
LOOP_MIN_WIDTH_GLYPHS = 1.8
LOOP_MAX_FILL = 0.3
# A pen loop is drawn round a cell or a row, no higher than this many glyphs.
LOOP_MAX_HEIGHT = 6
# A pen's colour against its ground (``_colour_against_ground``): a stroke 2 px wide keeps
# 30 and more after blur and JPEG, the page's own ink about 10.
PEN_COLOUR = 25
# A rim's colour is within this of what it encloses (per channel, medians).
RIM_LIKENESS = 60
# It goes round: its pixels lie in this many of 16 directions from its box's centre.
LOOP_DIRECTIONS = 12
# Marks are sought on a copy whose glyphs are this tall at most: a highlighter band and a
# pen loop are several glyphs long, and a pen's stroke is as thick beside large type as
# beside small (a photo's scale), so they keep their shape there; a large screenshot with
# tall type costs a tenth of its full size.
DETECT_GLYPH = 20.0


def _channel_max(rgb: np.ndarray) -> np.ndarray:
    # (channel by channel: a reduction over the last three-wide axis is several times slower)
    return np.maximum(np.maximum(rgb[:, :, 0], rgb[:, :, 1]), rgb[:, :, 2])


def _channel_min(rgb: np.ndarray) -> np.ndarray:
    return np.minimum(np.minimum(rgb[:, :, 0], rgb[:, :, 1]), rgb[:, :, 2])


def _channel_sum(values: np.ndarray) -> np.ndarray:
    return values[:, :, 0] + values[:, :, 1] + values[:, :, 2]


def _chroma_and_grey(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    chroma = _channel_max(rgb).astype(np.int16) - _channel_min(rgb)
    return chroma, to_grey(rgb).astype(np.int16)


def _light_colour(chroma: np.ndarray, grey: np.ndarray) -> np.ndarray:
    return (chroma >= MARKER_CHROMA) & (grey >= MARKER_LIGHTEST_GREY)


def _highlighter_grounds(rgb: np.ndarray, glyph: float) -> np.ndarray:
    """The pixels of light saturated bands that hold dark text and no white type, the
    text's own pixels with them."""
    chroma, grey = _chroma_and_grey(rgb)
    light_colour = _light_colour(chroma, grey).astype(np.uint8)
    side = max(3, round(0.8 * glyph))
    # Blocks of a glyph's size fit in a band, never in a stroke of coloured text.
    cores = cv2.morphologyEx(light_colour, cv2.MORPH_OPEN, np.ones((side, side), np.uint8))
    if not cores.any():
        return np.zeros(grey.shape, dtype=bool)
    hulls = cv2.morphologyEx(cores, cv2.MORPH_CLOSE, np.ones((2 * side + 1,) * 2, np.uint8))
    # Text on a band breaks it into pieces between the words: pieces level with each other
    # and a long name apart are one band, which holds text when dark ink lies within a
    # glyph of it.
    along = np.ones((1, int(8 * glyph) | 1), np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(cv2.dilate(hulls, along),
                                                               connectivity=8)
    labels[hulls == 0] = 0
    reach = int(glyph) | 1
    near_text = cv2.dilate((grey < 100).astype(np.uint8), np.ones((reach, reach), np.uint8))
    white = (grey >= 235) & (chroma < 30)
    area = np.bincount(labels.ravel(), minlength=count)
    texts = np.bincount(labels.ravel(), weights=near_text.ravel(), minlength=count)
    whites = np.bincount(labels.ravel(), weights=white.ravel(), minlength=count)
    # A stroke along a row is long, and runs along most of the page's width (a reader
    # marks a whole row, past its ends); a badge, a button or a heat map's cell does not.
    widths = stats[:, cv2.CC_STAT_WIDTH]
    long = ((widths >= BAND_ELONGATION * stats[:, cv2.CC_STAT_HEIGHT])
            & (widths >= BAND_PAGE_SHARE * grey.shape[1]))
    kept = (texts > 0) & (whites <= WHITE_TYPE_SHARE * area) & long
    kept[0] = False
    # One marker, one colour along its length, over the whole row: every word level with
    # its middle lies on it (a heat map's coloured cells leave the row's name beside them).
    inks = light_colour.astype(bool) & (labels > 0)
    dark = grey < 100
    for label in np.flatnonzero(kept):
        colours = rgb[inks & (labels == label)]
        x, y, w, h = stats[label, :4]
        level = np.flatnonzero(dark[y + h // 3 : y + 2 * h // 3 + 1].any(axis=0))
        kept[label] = (len(colours) > 0 and float(colours.std(axis=0).max()) <= MARKER_SPREAD
                       and len(level) > 0 and level[0] >= x and level[-1] < x + w)
    if kept.sum() > MAX_BANDS:  # colour on every row: a heat map's or a theme's, no marks
        return np.zeros(grey.shape, dtype=bool)
    bands = kept[labels].astype(np.uint8)
    # The whole band: its pieces, and what is still coloured of it within a few glyphs (the
    # gaps between letters, its wavy and blurred edges); dark text there is left as it is.
    wide = int(4 * glyph) | 1
    rims = ((cv2.dilate(bands, np.ones((wide, wide), np.uint8)) > 0)
            & (chroma >= MARKER_CHROMA // 2) & (grey >= 120))
    return (cv2.dilate(bands, np.ones((5, 5), np.uint8)) > 0) | rims


def _colour_against_ground(rgb: np.ndarray) -> np.ndarray:
    """How far each pixel's colour (its channels less their mean) lies from its local
    ground's colour, in grey levels: black ink on warm paper or on a highlighter carries
    at most the ground's own tint (JPEG smears a ground's colour into the text on it), a
    pen's stroke a colour of its own (a blue pen 2 px wide keeps 50 and more)."""
    small = cv2.resize(rgb, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    ground = cv2.resize(cv2.medianBlur(small, 7), (rgb.shape[1], rgb.shape[0]),
                        interpolation=cv2.INTER_NEAREST).astype(np.float32)
    pixel = rgb.astype(np.float32)
    pixel -= (_channel_sum(pixel) / np.float32(3))[:, :, None]
    ground -= (_channel_sum(ground) / np.float32(3))[:, :, None]
    # The share of the ground's tint the pixel carries, 0 (neutral) to 1 (all of it).
    share = _channel_sum(pixel * ground) / np.maximum(_channel_sum(ground * ground), 1.0)
    residual = pixel - np.clip(share, 0.0, 1.0)[:, :, None] * ground
    return np.sqrt(_channel_sum(residual * residual))


def _pen_loops(rgb: np.ndarray, glyph: float) -> np.ndarray:
    """The pixels of thin strokes of a colour of their own that curve round something
    wider than a glyph."""
    colour = _colour_against_ground(rgb)
    chroma, grey = _chroma_and_grey(rgb)
    # A highlighter's light colour is no pen's (its edges stand out from a ground the
    # median blends of band and paper).
    stroke = ((colour >= PEN_COLOUR) & ~_light_colour(chroma, grey)).astype(np.uint8)
    if not stroke.any():
        return np.zeros(stroke.shape, dtype=bool)
    # JPEG and the rules it crosses break a stroke into arcs: arcs a few pixels apart are
    # one stroke.
    reach = max(3, int(glyph / 2)) | 1
    joined = cv2.dilate(stroke, np.ones((reach, reach), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    labels[stroke == 0] = 0
    area = np.bincount(labels.ravel(), minlength=count)
    loops = np.zeros(count, dtype=bool)
    for label in range(1, count):
        x, y, w, h, _ = stats[label]
        if (w < LOOP_MIN_WIDTH_GLYPHS * glyph or h < 0.8 * glyph or h > LOOP_MAX_HEIGHT * glyph
                or area[label] > LOOP_MAX_FILL * w * h):
            continue
        # The rim of a solid coloured shape (an avatar, a badge, a header band, whose edge
        # the ground's median blends) has its own colour inside; a pen's loop has paper or
        # a marker's other colour there.
        inside = rgb[y + h // 4 : y + 3 * h // 4, x + w // 4 : x + 3 * w // 4].reshape(-1, 3)
        own = rgb[y : y + h, x : x + w][labels[y : y + h, x : x + w] == label]
        if (np.median(chroma[y + h // 4 : y + 3 * h // 4, x + w // 4 : x + 3 * w // 4])
                >= MARKER_CHROMA
                and np.abs(np.median(inside, axis=0) - np.median(own, axis=0)).max()
                < RIM_LIKENESS):
            continue
        ys, xs = np.nonzero(labels[y : y + h, x : x + w] == label)
        across, down = (xs - w / 2) / w, (ys - h / 2) / h
        # Hollow: nothing of it in the middle of its box (a coloured word is ink there).
        if ((np.abs(across) < 0.25) & (np.abs(down) < 0.25)).mean() > 0.02:
            continue
        angles = np.arctan2(down, across)
        directions = np.unique(((angles + np.pi) / (2 * np.pi) * 16).astype(int) % 16)
        loops[label] = len(directions) >= LOOP_DIRECTIONS
    if not loops[1:].any():
        return np.zeros(stroke.shape, dtype=bool)
    around = cv2.dilate(loops[labels].astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
    # The stroke and its blurred rim, never the neutral ink of the text it crosses.
    return around & (colour >= PEN_COLOUR / 3)


def _detection_copy(rgb: np.ndarray, glyph: float) -> tuple[np.ndarray, float]:
    """The colour image marks are sought in and its factor (1.0: the image itself)."""
    factor = DETECT_GLYPH / glyph
    if factor >= 0.9:
        return rgb, 1.0
    return cv2.resize(rgb, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA), factor


def _full_size(mask: np.ndarray, shape: tuple[int, ...], factor: float) -> np.ndarray:
    """A mask found on the detection copy, at the image's size (grown by a pixel of the
    copy, which its nearest-pixel enlargement can lose along an edge)."""
    if factor == 1.0:
        return mask
    grown = cv2.dilate(mask.astype(np.uint8), np.ones((3, 3), np.uint8))
    return cv2.resize(grown, (shape[1], shape[0]), interpolation=cv2.INTER_NEAREST) > 0


def _pen_loops_at_size(colour: np.ndarray, glyph: float) -> np.ndarray:
    """``_pen_loops`` sought on the detection copy; where one is found the stroke's own
    pixels are judged again at full size inside the loops' boxes (never the neutral ink of
    the text they cross)."""
    small, factor = _detection_copy(colour, glyph)
    loops = _pen_loops(small, glyph * factor)
    if factor == 1.0 or not loops.any():
        return loops if factor == 1.0 else np.zeros(colour.shape[:2], dtype=bool)
    around = _full_size(loops, colour.shape, factor)
    mask = np.zeros(around.shape, dtype=bool)
    count, _, stats, _ = cv2.connectedComponentsWithStats(around.astype(np.uint8))
    for x, y, w, h, _ in stats[1:count]:
        box = (slice(y, y + h), slice(x, x + w))
        mask[box] = around[box] & (_colour_against_ground(colour[box]) >= PEN_COLOUR / 3)
    return mask


def erase_pen_marks(rgb: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """``rgb`` without highlighter grounds and pen loops, and the names of what was taken
    out; the same array where there is nothing to take out."""
    if rgb.ndim != 3 or rgb.shape[2] < 3:
        return rgb, []
    colour = rgb[:, :, :3]
    chroma = _channel_max(colour).astype(np.int16) - _channel_min(colour)
    if (chroma >= MARKER_CHROMA).mean() < 0.002:
        return rgb, []
    grey = to_grey(colour)
    if np.median(grey) < LIGHT_PAGE:
        return rgb, []
    glyph = glyph_height(binarise(grey)) or 12.0
    out, erased = rgb, []
    # The loops first, judged against their own ground (a red loop on a yellow band is
    # still red there), then filled from round them: a loop on a band fills with the band.
    loops = _pen_loops_at_size(colour, glyph)
    if loops.any():
        colour = cv2.inpaint(np.ascontiguousarray(colour), loops.astype(np.uint8), 3,
                             cv2.INPAINT_TELEA)
        out = colour
        erased.append("pen_loop")
    small, factor = _detection_copy(colour, glyph)
    grounds = _full_size(_highlighter_grounds(small, glyph * factor), colour.shape, factor)
    if grounds.any():
        out = colour.copy()
        out[grounds] = _channel_max(colour)[grounds][:, None]
        erased.append("highlighter")
    return out, erased
