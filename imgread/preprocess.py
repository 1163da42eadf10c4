"""OpenCV preprocessing: the grey image OCR reads, and the lines tables and charts need.

Each step is a small pure function image -> image (or image -> facts). ``run`` chains them,
records which ran in ``record.preprocess`` and leaves a ``Prepared`` on the work item.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import cv2
import numpy as np

from .config import Config, PreprocessSettings
from .record import Box
from .typed_rules import erase_typed_rules

if TYPE_CHECKING:
    from .work import Work

# Digits and capitals are about 1.4 times the x-height in the fonts tables use.
CAP_TO_X_HEIGHT = 1.4

# Thickest line (px, loaded image) erased as a rule; thicker runs are bars or blocks.
MAX_RULE_WIDTH = 5


@dataclass(frozen=True)
class Rule:
    """A straight ruling line, in loaded-image pixels: y (or x) and its extent."""

    position: int
    start: int
    end: int


@dataclass(frozen=True)
class RuleMasks:
    """Where the ruling lines are, as masks (255 on 0) in the grey image they came from."""

    horizontal: np.ndarray  # ink on horizontal runs at least h_len long
    vertical: np.ndarray
    h_len: int
    v_len: int
    background: np.ndarray  # the local background brightness


@dataclass
class Prepared:
    """What OCR reads: a grey image, dark text on light: the loaded image turned upright by
    ``angle`` degrees (about its centre), then ``scale`` times larger.

    "Upright" pixels are loaded-image pixels after the deskew turn and before the scale:
    table layout works there, where rows are level.
    """

    grey: np.ndarray
    scale: float = 1.0
    angle: float = 0.0  # degrees the loaded image was rotated by to deskew it
    size: tuple[int, int] = (0, 0)  # loaded image (width, height)
    x_height: float = 0.0  # estimated, in loaded-image pixels
    horizontal: list[Rule] = field(default_factory=list)  # in upright pixels
    vertical: list[Rule] = field(default_factory=list)
    # The loaded image itself (not a copy), for readers that do better on the original
    # pixels than on the binarised, upscaled grey (a neural OCR keeps small points).
    rgb: np.ndarray | None = None
    # Row rules typed as dashes (``typed_rules``): kept apart from ``horizontal``, whose
    # rules also tell chart axes, which typed characters never draw.
    typed_rows: list[Rule] = field(default_factory=list)

    def _turn(self, box: Box, degrees: float) -> Box:
        if degrees == 0.0:
            return box
        centre = (self.size[0] / 2, self.size[1] / 2)
        matrix = cv2.getRotationMatrix2D(centre, degrees, 1.0)
        corners = np.array(
            [[box.x1, box.y1, 1], [box.x2, box.y1, 1], [box.x1, box.y2, 1], [box.x2, box.y2, 1]],
            dtype=np.float64,
        )
        moved = corners @ matrix.T
        xs, ys = moved[:, 0], moved[:, 1]
        return Box(x1=int(xs.min()), y1=int(ys.min()), x2=round(xs.max()), y2=round(ys.max()))

    def to_upright(self, box: Box) -> Box:
        """Loaded-image pixels -> upright pixels."""
        return self._turn(box, self.angle)

    def from_upright(self, box: Box) -> Box:
        """Upright pixels -> loaded-image pixels."""
        return self._turn(box, -self.angle)

    def to_image_box(self, x1: float, y1: float, x2: float, y2: float) -> Box:
        """A box in prepared pixels -> loaded-image pixels."""
        s = self.scale
        upright = Box(x1=int(x1 / s), y1=int(y1 / s), x2=round(x2 / s), y2=round(y2 / s))
        return self.from_upright(upright)


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


def stretch_contrast(grey: np.ndarray) -> np.ndarray:
    """Darkest ink to black and the usual (median) background to white: an inverted dark
    theme's grey page, or pale text, otherwise reads worse than black on white."""
    low = float(np.percentile(grey, 1))
    high = float(np.median(grey))
    if high - low < 40 or (low <= 5 and high >= 250):
        return grey
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


def _runs(mask: np.ndarray, axis: int, min_length: int) -> list[Rule]:
    """Straight runs of ink along ``axis`` (1: horizontal) at least ``min_length`` long."""
    lines = mask if axis == 1 else mask.T
    count, _labels, stats, _ = cv2.connectedComponentsWithStats(lines, connectivity=8)
    rules = []
    for i in range(1, count):
        x, y, w, h = (int(v) for v in stats[i, :4])
        if w < min_length:
            continue
        if h > 6:
            # Letters that touch a rule (a tight grid) add short runs beside it: the rule
            # is the few rows that run the whole length; a bar is thick all along.
            rows = np.flatnonzero((_labels[y : y + h, x : x + w] == i).sum(axis=1) >= 0.8 * w)
            if not rows.size or rows[-1] - rows[0] > 5:
                continue
            y, h = y + int(rows[0]), int(rows[-1] - rows[0]) + 1
        rules.append(Rule(position=y + h // 2, start=x, end=x + w))
    return sorted(rules, key=lambda rule: rule.position)


def rule_masks(grey: np.ndarray, min_share: float = 0.12) -> RuleMasks:
    """Ink that lies on long straight runs, horizontal and vertical (morphological opening
    of the ink with long thin kernels), and the ink and background they were found against.

    Ink is thresholded against the local background so that pale zebra stripes and faint
    dotted column separators are found when they are lines and ignored when they are fills.
    """
    light = background(grey)
    contrast = cv2.absdiff(grey, light)
    _, ink = cv2.threshold(contrast, 25, 255, cv2.THRESH_BINARY)
    height, width = grey.shape
    h_len = max(30, int(width * min_share))
    v_len = max(20, int(height * min_share))
    horizontal = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (h_len, 1))
    )
    vertical = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, v_len))
    )
    vertical = without_glyph_chains(vertical, horizontal, ink, h_len)
    return RuleMasks(horizontal, vertical, h_len, v_len, light)


def without_glyph_chains(
    vertical: np.ndarray, horizontal: np.ndarray, ink: np.ndarray, h_len: int
) -> np.ndarray:
    """``vertical`` less the runs that are glyph strokes joined through row rules.

    In a tightly ruled grid, letters touch the rules above and below them, so the upright
    strokes of a few rows join into one long straight run. A real column rule crosses the
    grid: it meets at least three quarters of the row rules that span it, and between
    them it stands clear of other ink. A chain of strokes meets a few of them and has the
    rest of its letters beside it. (Stacked chart panels fail the first test alone.)
    """
    rows = _runs(horizontal, 1, h_len)
    longest = max((row.end - row.start for row in rows), default=0)
    rows = [row for row in rows if row.end - row.start >= 0.5 * longest]  # not text runs
    if len(rows) < 4:
        return vertical
    count, labels, stats, _ = cv2.connectedComponentsWithStats(vertical, connectivity=8)
    out = vertical
    width = vertical.shape[1]
    for i in range(1, count):
        x, y, w, h = (int(v) for v in stats[i, :4])
        centre = x + w / 2
        spanning = [row for row in rows if row.start - 3 <= centre <= row.end + 3]
        if len(spanning) < 4:
            continue
        met = [row.position for row in spanning if y - 4 <= row.position <= y + h + 4]
        if len(met) >= 0.75 * len(spanning):
            continue
        beside = np.zeros(h, dtype=bool)
        for x1, x2 in ((max(0, x - 4), max(0, x - 1)), (min(width, x + w + 1), x + w + 4)):
            if x2 > x1:
                beside |= ink[y : y + h, x1:x2].any(axis=1)
        clear_of_rules = np.ones(h, dtype=bool)
        for position in met:
            clear_of_rules[max(0, position - y - 3) : max(0, position - y + 4)] = False
        if clear_of_rules.any() and beside[clear_of_rules].mean() > 0.25:
            if out is vertical:
                out = vertical.copy()
            out[labels == i] = 0
    return out


def find_rules(grey: np.ndarray, min_share: float = 0.12) -> tuple[list[Rule], list[Rule]]:
    """Horizontal and vertical ruling lines: table borders, row separators, chart axes."""
    return rules_from_masks(rule_masks(grey, min_share))


def rules_from_masks(masks: RuleMasks) -> tuple[list[Rule], list[Rule]]:
    return _runs(masks.horizontal, 1, masks.h_len), _runs(masks.vertical, 0, masks.v_len)


def _thin(lines: np.ndarray, axis: int) -> np.ndarray:
    """``lines`` less its thick parts (bars, filled blocks): thicker than ``MAX_RULE_WIDTH``
    across ``axis`` (1: the lines run horizontally, so thickness is vertical)."""
    across = MAX_RULE_WIDTH + 1
    kernel = np.ones((across, 1) if axis == 1 else (1, across), np.uint8)
    thick = cv2.morphologyEx(lines, cv2.MORPH_OPEN, kernel)
    if not thick.any():
        return lines
    thick = cv2.dilate(thick, np.ones((3, 3), np.uint8))
    return cv2.bitwise_and(lines, cv2.bitwise_not(thick))


def _erasable(
    band: np.ndarray,
    line: np.ndarray,
    stubs: np.ndarray,
    grey: np.ndarray,
    axis: int,
    min_ticks: int = 3,
    margin: int = 80,
) -> np.ndarray:
    """The pixels of ``band`` (lines along ``axis``, 1: horizontal, with their edges) to erase.

    Left out: a line that carries tick marks (at least ``min_ticks`` thin ``stubs`` sticking
    out across it from its edge): a chart axis, whose tick labels read worse once the axis is
    gone and the ticks stay (``75 -`` for ``75``). And the pixels much darker than their
    line's darker quarter (``margin`` grey levels): text written over a pale grid line, kept
    whatever its strokes' direction (a dark line protects nothing).
    """
    count, labels = cv2.connectedComponents(band, connectivity=8)
    inside = labels > 0
    if count <= 1:
        return inside
    # tick marks: thin strokes of ink touching a line, across it (looked at near the lines)
    zone = cv2.dilate(band, cv2.getStructuringElement(cv2.MORPH_RECT, (25, 25)))
    n_stubs, stub_labels, stats, _ = cv2.connectedComponentsWithStats(
        cv2.bitwise_and(stubs, zone), connectivity=8
    )
    near = cv2.dilate(band, np.ones((3, 3), np.uint8)) > 0
    touching = np.bincount(stub_labels[near], minlength=n_stubs) > 0
    ticks = np.zeros(count, dtype=np.int32)
    height, width = band.shape
    for i in np.flatnonzero(touching[1:]) + 1:
        x, y, w, h = (int(v) for v in stats[i, :4])
        thickness, length = (w, h) if axis == 1 else (h, w)
        if thickness > 3 or length < 2 * thickness:
            continue
        window = labels[
            max(0, y - 1) : min(height, y + h + 1), max(0, x - 1) : min(width, x + w + 1)
        ]
        for owner in np.unique(window[window > 0]):
            ticks[owner] += 1
    keep = ticks >= min_ticks
    # the line's own grey: its darker quarter
    core = (line > 0) & inside
    values, owners = grey[core], labels[core]
    order = np.lexsort((values, owners))
    values, owners = values[order], owners[order]
    starts = np.searchsorted(owners, np.arange(count))
    ends = np.searchsorted(owners, np.arange(count), side="right")
    level = np.full(count, -1, dtype=np.int32)  # no core pixels: nothing is darker
    has = ends > starts
    level[has] = values[starts[has] + (ends[has] - starts[has] - 1) // 4]
    ys, xs = np.nonzero(inside)
    owner = labels[ys, xs]
    erase = ~keep[owner] & (grey[ys, xs].astype(np.int32) >= level[owner] - margin)
    out = np.zeros(band.shape, dtype=bool)
    out[ys[erase], xs[erase]] = True
    return out


def remove_rules(grey: np.ndarray, masks: RuleMasks) -> tuple[np.ndarray, bool]:
    """The grey image (dark on light) with its ruling lines painted over with the page
    around them, so that OCR neither reads them as ``|``, ``[`` or ``~`` nor loses the glyphs
    that touch them.

    The lines are the long thin runs of the ink (Otsu's, and whatever is clearly darker than
    the local background), widened by a pixel across for their blurred edges; bars and
    filled blocks are thicker and stay. Each line pixel takes the value of a grey closing
    across the line: a short max-then-min that is lighter than a thin line yet keeps a
    glyph stroke that crosses it dark, so digits written over a rule keep their strokes.
    Left as they are: lines with tick marks (chart axes), and the text written over a pale
    grid line. ``masks.horizontal`` / ``masks.vertical`` (the rules tables and charts use) are
    not changed. Returns the image and whether anything was erased.
    """
    darker = cv2.subtract(masks.background, grey)  # 0 where lighter than the background
    ink = cv2.bitwise_or(binarise(grey), cv2.threshold(darker, 25, 255, cv2.THRESH_BINARY)[1])
    long_h = cv2.getStructuringElement(cv2.MORPH_RECT, (masks.h_len, 1))
    long_v = cv2.getStructuringElement(cv2.MORPH_RECT, (1, masks.v_len))
    rows = cv2.morphologyEx(ink, cv2.MORPH_OPEN, long_h)
    horizontal = _thin(rows, 1)
    columns = cv2.morphologyEx(ink, cv2.MORPH_OPEN, long_v)
    vertical = _thin(without_glyph_chains(columns, rows, ink, masks.h_len), 0)
    if not horizontal.any() and not vertical.any():
        return grey, False
    band_h = cv2.dilate(horizontal, np.ones((3, 1), np.uint8))
    band_v = cv2.dilate(vertical, np.ones((1, 3), np.uint8))
    stubs = cv2.bitwise_and(ink, cv2.bitwise_not(cv2.bitwise_or(band_h, band_v)))
    erase_h = _erasable(band_h, horizontal, stubs, grey, 1)
    erase_v = _erasable(band_v, vertical, stubs, grey, 0)
    if not erase_h.any() and not erase_v.any():
        return grey, False
    across = MAX_RULE_WIDTH + 4  # more than a line and its two edge pixels
    out = grey.copy()
    for erase, kernel in ((erase_h, (across, 1)), (erase_v, (1, across))):
        if erase.any():
            closed = cv2.morphologyEx(grey, cv2.MORPH_CLOSE, np.ones(kernel, np.uint8))
            out[erase] = closed[erase]
    crossings = erase_h & erase_v  # where lines cross, a closing across both
    if crossings.any():
        closed = cv2.morphologyEx(grey, cv2.MORPH_CLOSE, np.ones((across, across), np.uint8))
        out[crossings] = closed[crossings]
    return out, True


def _even(lengths: np.ndarray, gaps: np.ndarray, share: float = 0.85) -> bool:
    """Drawn dots: nearly all of one length and one spacing to the pixel. The bottoms of
    letters in a row vary by a pixel here and there."""
    def usual(values: np.ndarray) -> float:
        return float(np.bincount(values).max() / len(values)) if len(values) else 1.0

    return usual(lengths) >= share and usual(gaps) >= share


def _dotted_spans(row: np.ndarray, x_height: float, least: int = 8) -> list[tuple[int, int]]:
    """Where a row of ink (bool) is a dotted or dashed line: at least ``least`` marks in a
    row, alike in length and evenly spaced, small and close for the text size. A row across
    letters has marks too, but their lengths and gaps vary."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], row.view(np.int8), [0]))))
    starts, ends = edges[0::2], edges[1::2]
    if len(starts) < least:
        return []
    lengths, gaps = ends - starts, starts[1:] - ends[:-1]
    small = max(3.0, 0.4 * x_height)
    spans, first = [], 0
    for i in range(1, len(starts) + 1):
        # every mark as long as the chain's first, every gap as wide as its first gap
        alike = (
            i < len(starts)
            and lengths[i] <= small
            and gaps[i - 1] <= small
            and abs(int(lengths[i]) - int(lengths[first])) <= 1
            and (i - first < 2 or abs(int(gaps[i - 1]) - int(gaps[first])) <= 1)
        )
        if alike:
            continue
        if i - first >= least and lengths[first] <= small and _even(
            lengths[first:i], gaps[first : i - 1]
        ):
            spans.append((int(starts[first]), int(ends[i - 1])))
        first = i
    return spans


def _share_under_ink(ink: np.ndarray, y: int, x1: int, x2: int) -> float:
    """The share of row ``y``'s ink between ``x1`` and ``x2`` with ink right above it: all
    of it on the bottom row of letters (strokes come down to it), less under an underline
    whose dots fall under letters and between them alike."""
    if y == 0:
        return 0.0
    row = ink[y, x1:x2]
    return float((row & ink[y - 1, x1:x2]).sum() / max(int(row.sum()), 1))


def erase_underlines(grey: np.ndarray, x_height: float) -> tuple[np.ndarray, bool]:
    """The grey image with dotted or dashed underlines painted over (links in leaderboards):
    OCR reads the dots under a space as "." or ":" ("Claude.3.Opus"). The marks of text
    stay: a row across letters is never that regular. Solid underlines are left: OCR reads
    past them, and a solid stroke is as often a table's rule, which ``remove_rules`` decides."""
    if x_height <= 0:
        return grey, False
    ink = binarise(grey) > 0
    erase = np.zeros(ink.shape, dtype=bool)
    small = max(3.0, 0.4 * x_height)
    for y in np.flatnonzero(ink.sum(axis=1) >= 6).tolist():
        # An underline is the lowest ink there (a row through letters has ink below it),
        # and hangs below the letters (their bottom row stands on ink above every mark).
        below = ink[y + 2 : y + 4]
        spans = [
            (x1, x2)
            for x1, x2 in _dotted_spans(ink[y], x_height)
            if x2 - x1 >= 4 * x_height
            and (below.size == 0 or below[:, x1:x2].mean() <= 0.1)
            and _share_under_ink(ink, y, x1, x2) <= 0.66
        ]
        if not spans:
            continue
        # One underline, broken where a dot touches a letter: its pieces joined, and in
        # between only the marks as small as its dots.
        start, end = spans[0]
        for x1, x2 in [*spans[1:], (10**9, 10**9)]:
            if x1 - end <= 2 * x_height:
                end = x2
                continue
            piece = ink[y, start:end]
            edges = np.flatnonzero(np.diff(np.concatenate(([0], piece.view(np.int8), [0]))))
            for a, b in zip(edges[0::2], edges[1::2], strict=True):
                if b - a <= small:  # the mark, and the row of it below (dots 2 px tall)
                    erase[y : y + 2, start + a : start + b] = ink[y : y + 2, start + a : start + b]
            start, end = x1, x2
    if not erase.any():
        return grey, False
    # and the blurred edges of what goes: paler than ink, next to it across the line
    erase |= (cv2.dilate(erase.astype(np.uint8), np.ones((3, 1), np.uint8)) > 0) & ~ink
    out = grey.copy()
    out[erase] = background(grey)[erase]
    return out, True


def boxed_cells(grey: np.ndarray, x_height: float) -> list[tuple[int, int, int, int]]:
    """Cells boxed one by one (an HTML table with ``border=1``): the holes of the ink that
    are rectangles, taller than a line of text and wider than a few letters. Their borders
    are too short for the column rules ``rule_masks`` finds. (x, y, w, h) each."""
    if x_height <= 0:
        return []
    ink = binarise(grey)
    contours, hierarchy = cv2.findContours(ink, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    if hierarchy is None:
        return []
    cells = []
    for contour, (_, _, _, parent) in zip(contours, hierarchy[0], strict=True):
        if parent < 0:
            continue  # an outer edge of ink, not a hole in it
        x, y, w, h = cv2.boundingRect(contour)
        if h < 1.8 * x_height or w < 3 * x_height or h > 12 * x_height:
            continue
        if cv2.contourArea(contour) >= 0.9 * w * h:
            cells.append((x, y, w, h))
    # A grid: each cell shares its row (top and height) with another cell, and its left
    # side with a cell of another row. Buttons and panels of a page's frame do not.
    gridded = [
        (x, y, w, h)
        for x, y, w, h in cells
        if any(abs(y - b) <= 3 and abs(h - d) <= 3 and abs(x - a) > 3 for a, b, _, d in cells)
        and any(abs(x - a) <= 3 and abs(y - b) > 3 for a, b, _, _ in cells)
    ]
    return gridded if len(gridded) >= 6 else []


def unruled(
    cells: list[tuple[int, int, int, int]], vertical: list[Rule]
) -> list[tuple[int, int, int, int]]:
    """``cells``, unless the column rules found already run along most of their sides (a
    ruled grid: its rules are erased as rules)."""
    def ruled(x: int, y: int, h: int) -> bool:
        return any(
            abs(rule.position - x) <= 3 and rule.start <= y + 2 and rule.end >= y + h - 2
            for rule in vertical
        )

    sides = [(side, y, h) for x, y, w, h in cells for side in (x - 1, x + w)]
    if not sides or sum(ruled(*side) for side in sides) >= 0.5 * len(sides):
        return []
    return cells


def cell_sides(cells: list[tuple[int, int, int, int]], reach: int = 10) -> list[Rule]:
    """The cells' left and right sides as column rules: sides at one x in rows one under
    the other joined into one rule down the column."""
    sides = sorted(
        ((side, y, y + h) for x, y, w, h in cells for side in (x - 1, x + w)),
        key=lambda side: (side[0], side[1]),
    )
    rules: list[Rule] = []
    for x, top, bottom in sides:
        last = rules[-1] if rules else None
        if last is not None and abs(last.position - x) <= 2 and top - last.end <= reach:
            rules[-1] = Rule(position=last.position, start=last.start, end=max(last.end, bottom))
        else:
            rules.append(Rule(position=x, start=top, end=bottom))
    return rules


def erase_cell_borders(
    grey: np.ndarray, cells: list[tuple[int, int, int, int]], width: int = 3
) -> np.ndarray:
    """The borders around boxed cells painted over with the page around them."""
    ink = binarise(grey) > 0
    ring = np.zeros(grey.shape, dtype=bool)
    height, breadth = grey.shape
    for x, y, w, h in cells:
        x1, y1 = max(0, x - width), max(0, y - width)
        x2, y2 = min(breadth, x + w + width), min(height, y + h + width)
        ring[y1:y2, x1:x2] = True
        ring[y + 1 : y + h - 1, x + 1 : x + w - 1] = False  # the cell's inside stays
    erase = ring & ink
    out = grey.copy()
    out[erase] = background(grey)[erase]
    return out


def has_chart_axes(horizontal: list[Rule], vertical: list[Rule], tolerance: int = 8) -> bool:
    """An L: a vertical rule whose bottom meets a horizontal rule's left end, in a picture
    that is not ruled like a table (many rules as wide as that axis)."""
    for v in vertical:
        for h in horizontal:
            if abs(h.position - v.end) <= tolerance and abs(h.start - v.position) <= tolerance:
                alike = sum(
                    1
                    for other in horizontal
                    if abs(other.start - h.start) <= tolerance
                    and abs(other.end - h.end) <= tolerance
                )
                return alike <= 3
    return False


def prepare(rgb: np.ndarray, settings: PreprocessSettings) -> tuple[Prepared, list[str], float]:
    """All steps in order. Returns the prepared image, the steps that ran, and the share of
    the image that was inverted."""
    steps = ["grey"]
    grey = to_grey(rgb)
    inverted_share = 0.0
    if settings.invert_dark:
        grey, inverted_share = invert_dark_regions(grey)
        if inverted_share:
            steps.append("invert_dark_regions")
            grey = flatten_background(grey)
            steps.append("flatten_background")
    stretched = stretch_contrast(grey)
    if stretched is not grey:
        grey = stretched
        steps.append("stretch_contrast")
    binary = binarise(grey)
    angle = 0.0
    if settings.deskew:
        angle = skew_angle(binary, min(settings.max_skew_degrees, 3.0))
        if abs(angle) >= 0.2:
            grey = rotate(grey, angle)
            binary = binarise(grey)
            steps.append("deskew")
        else:
            angle = 0.0
    x_height = glyph_height(binary) / CAP_TO_X_HEIGHT
    factor = upscale_factor(x_height, settings, grey.shape)
    masks = rule_masks(grey)
    horizontal, vertical = rules_from_masks(masks)
    steps.append("find_rules")
    # Cells boxed one by one whose sides are too short to be found as column rules.
    cells = unruled(boxed_cells(grey, x_height), vertical) if settings.remove_rules else []
    # A flattened dark page has filled shapes (bars, bands) left as outlines that look like
    # rules: there nothing is erased. A light page with a dark band (a coloured header row)
    # is still a light page, its grid still read as "|" unless erased.
    if settings.remove_rules and ("flatten_background" not in steps or inverted_share < 0.3):
        grey, removed = remove_rules(grey, masks)
        if removed:
            steps.append("remove_rules")
    typed_rows: list[Rule] = []
    if settings.remove_rules:
        # Rules typed as characters (a code block's pipes and dashes), dark page or light.
        without_typed, columns, rows = erase_typed_rules(grey, background(grey), x_height)
        if without_typed is not grey:
            grey = without_typed
            steps.append("erase_typed_rules")
        typed = [Rule(position=r.position, start=r.start, end=r.end) for r in columns]
        vertical = sorted([*vertical, *typed], key=lambda rule: rule.position)
        typed_rows = [Rule(position=r.position, start=r.start, end=r.end) for r in rows]
    if cells:
        grey = erase_cell_borders(grey, cells)
        steps.append("erase_cell_borders")
        vertical = sorted([*vertical, *cell_sides(cells)], key=lambda rule: rule.position)
    if settings.remove_rules:
        grey, erased = erase_underlines(grey, x_height)
        if erased:
            steps.append("erase_underlines")
    if factor != 1.0:
        grey = resize(grey, factor)
        steps.append("upscale")
    prepared = Prepared(
        grey=grey,
        scale=factor,
        angle=angle,
        size=(rgb.shape[1], rgb.shape[0]),
        x_height=x_height,
        horizontal=horizontal,
        vertical=vertical,
        rgb=rgb,
        typed_rows=typed_rows,
    )
    return prepared, steps, inverted_share


def run(work: Work, config: Config) -> None:
    assert work.rgb is not None, "the load stage leaves the RGB array"
    prepared, steps, inverted_share = prepare(work.rgb, config.preprocess)
    work.prepared = prepared
    info = work.record.preprocess
    info.steps = steps
    info.scale = prepared.scale
    info.dark_theme = inverted_share > 0.5
    info.skew_degrees = round(prepared.angle, 2)
    info.table_rules = {"horizontal": len(prepared.horizontal), "vertical": len(prepared.vertical)}
    info.chart_axes = has_chart_axes(prepared.horizontal, prepared.vertical)
