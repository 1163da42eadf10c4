"""Lines and scatter series: plot pixels segmented by colour, traced column by column.

Gridlines and axes are removed as long straight runs and text is erased using the OCR boxes.
Dashed straight lines of one colour are reference lines, not series. A series whose pixels
form small separate blobs is a scatter; otherwise it is a line, and its points are its
markers when it has some, else the corners of the traced polyline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import cv2
import numpy as np

from ..record import Box
from .dots import dots_on_lines
from .error_bars import without_error_bars
from .pixels import distance, erase_boxes
from .shaded_areas import lines_over_fills
from .steps import step_points

WORK_SIDE = 1600
INK = 70.0  # colour distance from the background that counts as drawn
SAME = 48.0  # colour distance within one series
MAX_LINE_WIDTH = 16  # work pixels: a "line" thicker than this is a filled shape
SOLID = 6  # px across: a long run this thick is a bar or a band, whatever its colour
GREY_CHROMA = 60  # max - min channel: under this a pixel is grey (a rule, not a series)
MAX_SERIES = 8  # colours traced at most (the commonest): more are shading, not series
FRINGE = 20.0  # colour distance from a series' blends into the page, within its fringe


@dataclass
class Trace:
    colour: np.ndarray
    style: str  # line, scatter
    points: list[tuple[float, float]] = field(default_factory=list)  # image pixels
    pixels: int = 0  # how many work pixels it was traced from
    # a line without markers: its row in each column it crosses (image pixels, x and y),
    # from which points where it runs straight are read (``tick_points``)
    path: np.ndarray | None = None


# how a series was drawn: its style, its points (work pixels), and a line without
# markers' path (its row per column)
Found = tuple[str, list[tuple[float, float]], np.ndarray | None]


@dataclass
class Dashed:
    orientation: Literal["horizontal", "vertical"]
    pixel: float  # image pixels: y of a horizontal line, x of a vertical one
    start: float  # image pixels along the line
    end: float


STROKES = "-—–_~=+"  # what OCR reads a line's stretch as


def marker_on_line(text: str) -> bool:
    """A "word" that is one glyph joined to strokes ("c—", "-o-"): a hollow marker and the
    stretch of its line, read as text; erased as text, the point went with it."""
    glyphs = [c for c in text if c not in STROKES and not c.isspace()]
    return len(glyphs) <= 1 and len(glyphs) < len(text.replace(" ", ""))


def trace(
    rgb: np.ndarray, area: Box, text: list[Box], bg: np.ndarray
) -> tuple[list[Trace], list[Dashed]]:
    """The series and the dashed reference lines drawn in ``area``."""
    crop = rgb[area.y1 : area.y2, area.x1 : area.x2]
    if crop.size == 0 or min(crop.shape[:2]) < 20:
        return [], []
    scale = min(1.0, WORK_SIDE / max(crop.shape[:2]))
    if scale < 1:
        crop = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    width = crop.shape[1]
    ink = distance(crop, bg)
    drawn = ink > INK
    # gridlines, axes and frames are grey; a coloured series may run flat along one
    chroma = crop.max(axis=-1).astype(np.int16) - crop.min(axis=-1)
    grey_ink = drawn & (chroma < GREY_CHROMA)
    # (a gridline crossed by series often runs unbroken for less than a quarter of the
    # plot: its grey pixels on a long run of any ink are the rule's too)
    rules = _long_rules(grey_ink, 1) | (_long_rules(drawn, 1) & grey_ink)
    # bars and shaded bands go, but not a line drawn over the shading of its own hue
    thick = _long_rules(drawn, SOLID)
    thick &= ~lines_over_fills(crop, thick & drawn, bg)
    drawn &= ~rules & ~thick & ~_tick_stubs(grey_ink & ~rules, rules)
    mask = drawn.copy()  # dashes are found before text is erased: OCR reads them as "ee--"
    erase_boxes(mask, text, (area.x1, area.y1), scale, pad=2)
    traces: list[Trace] = []
    dashes: list[Dashed] = []
    colours, purer = _series_colours(crop, mask, ink, bg)
    gaps = [distance(crop, colour) for colour in colours]
    blends = [_off_blend(crop, colour, bg) for colour in colours]
    for index, (colour, pure) in enumerate(zip(colours, purer, strict=True)):
        gap = gaps[index]
        near = gap < SAME
        own = mask & near
        if pure is not None:  # the series' markers, in the colour its thin line blends from
            gap = np.minimum(gap, distance(crop, pure))
            own = mask & (gap < SAME)
        if _broken(own):  # a one-pixel line is mostly its blend into the page: those pixels
            fringe = blends[index]  # are its own too, unless they are another
            own |= mask & (fringe < FRINGE)  # series' colour (a paler one of the same hue)
            for i, other_gap in enumerate(gaps):
                if i != index:
                    own &= ~(other_gap < SAME)
            gap = np.minimum(gap, fringe)
        for i, blend in enumerate(blends):  # a thin line's fringe, between its colour and
            if i != index:  # the page's, can come near another series' colour
                own &= ~(blend < 0.5 * gap)
        lines = _dashed(drawn & near)
        for line, covered, across in lines:
            # markers the dashes run into stay (wider than the dashes are thick)
            side = max(5, across + 3 - across % 2)
            thick = cv2.dilate(cv2.morphologyEx(
                own.astype(np.uint8), cv2.MORPH_OPEN,
                cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (side, side)),
            ), np.ones((3, 3), np.uint8)).astype(bool)
            own &= ~(covered & ~thick)
            dashes.append(_to_image(line, area, scale))
        if own.sum() < 12 or _at_border(own):
            continue
        # a dashed or dotted series is a line once its gaps are bridged
        # (OCR reads dashes as words: their boxes, erased from ``own``, are no gaps)
        # (pieces of two colours mixed, where two lines overlap, are no dashed line; nor
        # the patches of another colour's blend, a thin line between its markers)
        others = [c for i, c in enumerate(colours) if i != index]
        derived = _mixed(colour, others) or any(_blend(colour, c, bg) for c in others)
        found = _scatter(own) or _line(own, width) or (None if derived else _line(
            own, width, DASH_GAP, own | (drawn & (gap < SAME))))
        if found is None:
            continue
        style, points, path = found
        if style == "line" and _stacked(points):
            continue
        if style == "scatter" and _grey(colour) and _framing(points):
            continue
        if lines and len(points) < 3:  # the ends of the dashes, not data
            continue
        traces.append(Trace(
            colour=colour if pure is None else pure, style=style,
            points=[(area.x1 + x / scale, area.y1 + y / scale) for x, y in points],
            pixels=int(own.sum()),
            path=None if path is None else np.column_stack(
                (area.x1 + path[:, 0] / scale, area.y1 + path[:, 1] / scale)),
        ))
    return _distinct(dots_on_lines(traces, MARKER_REACH / scale), MARKER_REACH / scale), dashes


MARKER_REACH = 6.0  # work pixels: points of two traces this close mark the same place


FADED_SHARE = (0.08, 0.6)  # of the way from the page to a legend colour: a faded line's pixels
FADED_OFF = 0.25  # of that way's length: how far off it a faded pixel may lie (a grey rule
# at the same lightness lies further off: it has no hue)


def faded_traces(
    rgb: np.ndarray, area: Box, text: list[Box], bg: np.ndarray, colours: list[np.ndarray],
    traced: list[Trace],
) -> list[Trace]:
    """Lines drawn in a legend's ``colours`` at a low opacity (the series not picked out,
    drawn faded under one in full colour): their pixels lie on the way from the page to
    the colour, a short way along it, with its hue. Each is traced as a series of that
    colour; pixels near a line already ``traced`` in another colour are its anti-aliased
    edge, not the faded line's."""
    crop = rgb[area.y1 : area.y2, area.x1 : area.x2]
    if crop.size == 0 or min(crop.shape[:2]) < 20 or not colours:
        return []
    scale = min(1.0, WORK_SIDE / max(crop.shape[:2]))
    if scale < 1:
        crop = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    width = crop.shape[1]
    pixels = crop.astype(np.float32) - bg.astype(np.float32)
    drawn_others = np.zeros(crop.shape[:2], dtype=np.uint8)
    for trace in traced:
        drawn_others |= (distance(crop, trace.colour) < SAME).astype(np.uint8)
    # their anti-aliased fringes lie beside them
    reach = 2 * EDGE_REACH + 1
    near_others = cv2.dilate(drawn_others, np.ones((reach, reach), np.uint8)).astype(bool)
    found: list[Trace] = []
    for colour in colours:
        towards = (colour - bg).astype(np.float32)
        norm = float(towards @ towards)
        if norm < INK * INK:
            continue
        share = (pixels @ towards) / norm
        off = pixels - share[..., None] * towards
        on_way = ((share > FADED_SHARE[0]) & (share < FADED_SHARE[1])
                  & (np.sqrt((off * off).sum(axis=-1)) < FADED_OFF * share * np.sqrt(norm)))
        own = on_way & ~near_others & ~_long_rules(on_way, 1)
        erase_boxes(own, text, (area.x1, area.y1), scale, pad=2)
        if own.sum() < 12 or _at_border(own):
            continue
        line = _line(own, width) or _line(own, width, DASH_GAP, own)
        if line is None or _stacked(line[1]):
            continue
        _, points, path = line
        found.append(Trace(
            colour=colour, style="line",
            points=[(area.x1 + x / scale, area.y1 + y / scale) for x, y in points],
            pixels=int(own.sum()),
            path=None if path is None else np.column_stack(
                (area.x1 + path[:, 0] / scale, area.y1 + path[:, 1] / scale)),
        ))
    return found


def _distinct(traces: list[Trace], reach: float) -> list[Trace]:
    """Traces that are another's edge (the dark rim of a marker, a darker blend of the
    line) mark no place of their own: each of their points lies on one of the points of a
    trace with as many points or more. They are dropped."""
    kept: list[Trace] = []
    for trace in sorted(traces, key=lambda t: (-len(t.points), -t.pixels)):
        echo = any(
            all(min(np.hypot(x - u, y - v) for u, v in other.points) <= reach
                for x, y in trace.points)
            for other in kept if other.points
        )
        if not echo:
            kept.append(trace)
    return [t for t in traces if any(t is k for k in kept)]


FRAMING_POINTS = 6  # grey marks at least, all on the edges of their own extent: ticks
FRAMING_SHARE = 0.03  # of the extent: how near an edge such a mark lies


def _framing(points: list[tuple[float, float]]) -> bool:
    """Grey marks all on the four edges of the rectangle they span: tick marks drawn
    inward from a frame's sides (where the plot area reaches past the frame, they are not
    at its border); data points fill their extent."""
    if len(points) < FRAMING_POINTS:
        return False
    xs, ys = np.array([p[0] for p in points]), np.array([p[1] for p in points])
    reach_x = max(3.0, FRAMING_SHARE * float(np.ptp(xs)))
    reach_y = max(3.0, FRAMING_SHARE * float(np.ptp(ys)))
    on_edge = ((np.abs(xs - xs.min()) <= reach_x) | (np.abs(xs - xs.max()) <= reach_x)
               | (np.abs(ys - ys.min()) <= reach_y) | (np.abs(ys - ys.max()) <= reach_y))
    return bool(on_edge.all())


def _stacked(points: list[tuple[float, float]]) -> bool:
    """Points of a "line" stacked in columns: a box's sides (a legend frame); a series has
    one value at each x."""
    xs = np.sort([x for x, _ in points])
    return len(points) >= 3 and int((np.diff(xs) < 4).sum()) >= 0.3 * len(points)


def _broken(own: np.ndarray) -> bool:
    """Drawn in a fifth or more of the columns it spans, but far from all: a thin line whose
    pure colour shows only where it runs straight along the pixel grid."""
    columns = np.flatnonzero(own.any(axis=0))
    if len(columns) < 5:
        return False
    share = len(columns) / (np.ptp(columns) + 1)
    return bool(0.2 <= share < 0.85)


def _to_image(line: Dashed, area: Box, scale: float) -> Dashed:
    if line.orientation == "horizontal":
        return Dashed("horizontal", area.y1 + line.pixel / scale, area.x1 + line.start / scale,
                      area.x1 + line.end / scale)
    return Dashed("vertical", area.x1 + line.pixel / scale, area.y1 + line.start / scale,
                  area.y1 + line.end / scale)


def _long_rules(mask: np.ndarray, thickness: int) -> np.ndarray:
    """Straight runs over a quarter of the plot area, at least ``thickness`` across:
    gridlines, axes and frames (1), or bars and shaded bands (:data:`SOLID`)."""
    height, width = mask.shape
    flat = mask.astype(np.uint8)
    horizontal = cv2.morphologyEx(flat, cv2.MORPH_OPEN,
                                  np.ones((thickness, max(3, width // 4)), np.uint8))
    vertical = cv2.morphologyEx(flat, cv2.MORPH_OPEN,
                                np.ones((max(3, height // 4), thickness), np.uint8))
    rules = np.maximum(horizontal, vertical).astype(np.uint8)
    return cv2.dilate(rules, np.ones((3, 3), np.uint8)).astype(bool)


TICK_LENGTH = 14  # work pixels: the longest tick mark drawn from an axis into the plot
TICK_WIDTH = 3  # work pixels: the widest


def _tick_stubs(grey: np.ndarray, rules: np.ndarray) -> np.ndarray:
    """Short thin grey strokes standing on the axes and frames, or on the area's edge
    (tick marks drawn inward, matplotlib's ``direction: in``): no data, though a black
    series has their colour."""
    touching = cv2.dilate(rules.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
    touching[[0, -1], :] = touching[:, [0, -1]] = True  # (an axis just outside the area)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(grey.astype(np.uint8),
                                                               connectivity=8)
    stubs = np.zeros(count, bool)
    for index in range(1, count):
        x, y, w, h = stats[index, :4]
        if min(w, h) <= TICK_WIDTH and max(w, h) <= TICK_LENGTH and touching[
                y : y + h, x : x + w][labels[y : y + h, x : x + w] == index].any():
            stubs[index] = True
    return stubs[labels]


def _dashed(own: np.ndarray) -> list[tuple[Dashed, np.ndarray, int]]:
    """Straight dashed runs: bridged over their gaps they are long; unbridged they are not.
    Each with the pixels it covers and how thick it is."""
    found: list[tuple[Dashed, np.ndarray, int]] = []
    height, width = own.shape
    flat = own.astype(np.uint8)
    for orientation, size in (("horizontal", width), ("vertical", height)):
        gap = max(5, size // 60)
        along = (1, gap) if orientation == "horizontal" else (gap, 1)
        bridged = cv2.morphologyEx(flat, cv2.MORPH_CLOSE, np.ones(along, np.uint8))
        run = max(10, size // 8)
        long_run = (1, run) if orientation == "horizontal" else (run, 1)
        lines = cv2.morphologyEx(bridged, cv2.MORPH_OPEN, np.ones(long_run, np.uint8))
        count, labels, stats, _ = cv2.connectedComponentsWithStats(lines, connectivity=8)
        for index in range(1, count):
            x, y, w, h = (int(v) for v in stats[index, :4])
            across = h if orientation == "horizontal" else w
            region = labels == index
            # (a thick dashed line, drawn wide at a high DPI, is one only where its dashes
            # come at a steady pitch: a row of small text bridged over its gaps does not)
            if across > DASH_THICK or (across > 4 and not _steady_dashes(
                    own[region.any(axis=1)][:, x : x + w] if orientation == "horizontal"
                    else own[y : y + h][:, region.any(axis=0)].T)):
                continue
            share = float(own[region].mean())
            if not 0.3 <= share <= 0.9:  # solid: a series segment; sparse: noise
                continue
            covered = cv2.dilate(region.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
            if orientation == "horizontal":
                line = Dashed("horizontal", y + h / 2, x, x + w)
            else:
                line = Dashed("vertical", x + w / 2, y, y + h)
            found.append((line, covered, across))
    return found


DASH_THICK = 9  # work pixels: the thickest dashed reference line
STEADY_DASHES = 4  # dashes at least, of one length at one pitch, on a thick dashed line
STEADY_SHARE = 0.6  # of the runs along it: the least that are such dashes (gridlines and
# markers crossing it cut some)


def _steady_dashes(band: np.ndarray) -> bool:
    """Most runs along a band (its columns drawn in any of its rows) are dashes of one
    length at one pitch."""
    drawn = np.concatenate(([False], band.any(axis=0), [False])).astype(np.int8)
    edges = np.flatnonzero(np.diff(drawn))
    starts, lengths = edges[::2], edges[1::2] - edges[::2]
    if len(starts) < STEADY_DASHES:
        return False
    pitches = np.diff(starts)
    dash, pitch = np.median(lengths), np.median(pitches)
    steady = (np.abs(lengths[:-1] - dash) <= max(2, 0.2 * dash)) & (
        np.abs(pitches - pitch) <= max(2, 0.1 * pitch))
    return bool(steady.sum() >= max(STEADY_DASHES, STEADY_SHARE * len(pitches)))


def _at_border(own: np.ndarray) -> bool:
    """Pixels only along the edges: tick marks and frame remnants, not data."""
    height, width = own.shape
    ys, xs = np.nonzero(own)
    margin_x, margin_y = max(3, width // 40), max(3, height // 40)
    inner = (xs > margin_x) & (xs < width - margin_x) & (ys > margin_y) & (ys < height - margin_y)
    return bool(inner.sum() < 0.2 * len(xs))


def _series_colours(
    crop: np.ndarray, mask: np.ndarray, ink: np.ndarray, bg: np.ndarray
) -> tuple[list[np.ndarray], list[np.ndarray | None]]:
    """Colour centres of the strongly drawn pixels; anti-aliased fringes are left out. A thin
    line drawn small (or through JPEG) is mostly its own blend into the page: its centre is
    that blend, and the purer colour of its markers is kept beside it (second list). The
    strongly drawn pixels are looked at first, then all drawn ones: a dark green on a dark
    page is drawn, but not strongly."""
    centres: list[np.ndarray] = []
    purer: list[np.ndarray | None] = []
    for selected in (mask & (ink > 1.6 * INK), mask):
        where = np.flatnonzero(selected)
        if len(where) >= 20:
            _add_centres(crop, mask, where, bg, centres, purer)
    return centres[:MAX_SERIES], purer[:MAX_SERIES]


def _add_centres(
    crop: np.ndarray, mask: np.ndarray, where: np.ndarray, bg: np.ndarray,
    centres: list[np.ndarray], purer: list[np.ndarray | None],
) -> None:
    """Colour centres of the crop's pixels at the flat indices ``where``, added to
    ``centres`` (and the purer colours of thin lines to ``purer``). A colour between a
    known one and the page is that colour's anti-aliased edge, unless its pixels lie apart
    from it."""
    drawn = crop.reshape(-1, 3)[where]
    keys = (drawn // 24).astype(np.int32) @ np.array([121, 11, 1])
    counts = np.bincount(keys)
    order = np.argsort(counts)[::-1]
    floor = max(12, int(0.005 * len(drawn)))
    for key in order[:16]:
        if counts[key] < floor:
            break
        own = keys == key
        centre = drawn[own].mean(axis=0)
        known = centres + [c for c in purer if c is not None]
        if any(np.linalg.norm(centre - c) < SAME for c in known):
            continue
        # a colour between a known one and the page is its anti-aliased edge, which
        # borders it; a paler series of the same hue (one palette's blues) runs apart
        # (greys aside: ticks and frames are grey; nor two known colours mixed, where
        # their lines run over each other)
        edges = [c for c in known if _blend(centre, c, bg)]
        if edges and (_grey(centre) or _mixed(centre, known) or not all(
                _apart(crop, mask, where[own], c, EDGE_REACH) for c in edges)):
            continue
        # a purer colour on a thin line's blend is its markers (or its straight runs)
        paler = [i for i, c in enumerate(centres) if purer[i] is None
                 and _blend(c, centre, bg, off_limit=40.0, least=0.6)
                 and not _apart(crop, mask, where[own], c, MARKER_SIDE)]
        if paler:
            purer[paler[0]] = centre
            continue
        centres.append(centre)
        purer.append(None)


EDGE_REACH = 2  # work pixels: a colour's anti-aliased edge borders the colour
MARKER_SIDE = 5  # work pixels: a marker's pure colour lies this near its line's blend
APART_SHARE = 0.5  # of a colour's pixels away from another's: a series of its own


def _grey(colour: np.ndarray) -> bool:
    return float(colour.max() - colour.min()) < GREY_CHROMA


def _mixed(colour: np.ndarray, known: list[np.ndarray]) -> bool:
    """``colour`` lies between two known colours: where two lines overlap, their
    anti-aliased pixels mix."""
    return any(_blend(colour, first, second) for i, first in enumerate(known)
               for second in known[i + 1 :])


def _apart(crop: np.ndarray, mask: np.ndarray, flat: np.ndarray, colour: np.ndarray,
           reach: int) -> bool:
    """Most of the pixels at the flat indices ``flat`` lie further than ``reach`` from the
    drawn pixels of ``colour``."""
    ours = np.zeros(mask.shape, dtype=np.uint8)
    ours.flat[flat] = 1
    theirs = (mask & (distance(crop, colour) < SAME / 2)).astype(np.uint8)
    if not theirs.any():
        return True
    near = cv2.dilate(theirs, np.ones((2 * reach + 1, 2 * reach + 1), np.uint8)).astype(bool)
    return bool((ours.astype(bool) & ~near).sum() > APART_SHARE * ours.sum())


def _off_blend(crop: np.ndarray, colour: np.ndarray, bg: np.ndarray) -> np.ndarray:
    """Every pixel's distance from the blends of ``colour`` into the background (the
    anti-aliased fringe of a mark in that colour)."""
    towards = (colour - bg).astype(np.float32)
    norm = float(towards @ towards)
    if norm < 1:
        return np.full(crop.shape[:2], np.inf, dtype=np.float32)
    pixels = crop.astype(np.float32) - bg.astype(np.float32)
    share = np.clip((pixels @ towards) / norm, 0.1, 1.0)
    off = pixels - share[..., None] * towards
    return np.sqrt((off * off).sum(axis=-1))


def _blend(colour: np.ndarray, series: np.ndarray, bg: np.ndarray, off_limit: float = 25.0,
           least: float = 0.15) -> bool:
    """``colour`` lies between a series colour and the background: an anti-aliased edge."""
    towards = series - bg
    norm = float(towards @ towards)
    if norm < 1:
        return False
    share = float((colour - bg) @ towards) / norm
    off = float(np.linalg.norm(colour - (bg + share * towards)))
    return least < share < 0.95 and off < off_limit


def _scatter(own: np.ndarray) -> Found | None:
    """Separate blobs of similar size, with no long strokes among them."""
    # a marker cut by a line drawn over it is still one marker
    joined = cv2.dilate(own.astype(np.uint8), np.ones((3, 3), np.uint8))
    count, _, stats, centroids = cv2.connectedComponentsWithStats(joined, connectivity=8)
    if count < 2:
        return None
    areas = np.array([
        own[y : y + h, x : x + w].sum() for x, y, w, h in stats[1:, :4]
    ])
    spans = np.maximum(stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT]) - 2
    big = areas >= max(6, 0.25 * np.median(areas))
    spans = np.maximum(spans, 1)
    if not big.any():
        return None
    typical = float(np.median(spans[big]))
    # filled markers of one size; a stray piece (a legend sample, text the erasing missed)
    # may be among them, but most blobs must be markers (a broken line's pieces are not)
    marker = big & (areas >= 0.35 * spans**2) & (spans <= 2.5 * typical) & (spans >= 0.4 * typical)
    if not marker.any() or marker.sum() < 0.6 * big.sum():
        return None
    points = sorted((float(x), float(y)) for (x, y), keep
                    in zip(centroids[1:], marker, strict=True) if keep)
    if _dotted(points, typical):
        return None
    return "scatter", points, None


DOTS = 8  # blobs at least: a dotted line's dots, when they chain this closely
DOT_STEP = 4.0  # blob sizes: the most from one dot of a dotted line to the next


def _dotted(points: list[tuple[float, float]], size: float) -> bool:
    """Blobs chained left to right each a few of their sizes from the next: the dots of a
    dotted line, not markers (a scatter's points lie apart, and jump up and down)."""
    if len(points) < DOTS:
        return False
    steps = np.hypot(*np.diff(np.array(points), axis=0).T)
    return bool((steps <= DOT_STEP * max(size, 1.0)).mean() >= 0.8)


DASH_GAP = 21  # work pixels: the widest gap between the dashes of a dashed line
DASHED_SHARE = 0.3  # of the columns it spans: the least a dashed line's dashes fill


def _line(own: np.ndarray, width: int, gaps: int = 0, unerased: np.ndarray | None = None
          ) -> Found | None:
    """A drawn line: it spans a tenth of the plot at least, and fills most columns it spans
    (the remnants of text and frames are short or sparse); with ``gaps``, a dashed or
    dotted line, which fills them (``unerased``: with its pixels under text boxes) once
    gaps that wide are bridged."""
    columns = np.flatnonzero(own.any(axis=0))
    if len(columns) < 5 or np.ptp(columns) < 0.1 * width:
        return None
    span = np.ptp(columns) + 1
    if gaps:
        drawn = (own if unerased is None else unerased)[:, columns[0] : columns[-1] + 1]
        inked = drawn.any(axis=0).astype(np.uint8).reshape(1, -1)
        bridged = cv2.dilate(inked, np.ones((1, gaps), np.uint8))
        if len(columns) < DASHED_SHARE * span or bridged.sum() < 0.9 * span:
            return None
    elif len(columns) < 0.6 * span:
        return None
    thickness = float(np.median(own[:, columns].sum(axis=0)))
    if thickness > MAX_LINE_WIDTH:  # filled shapes (bars, bands), not a line
        return None
    markers = _markers(_filled(own, thickness), thickness)
    if len(markers) >= 2:
        return "line", markers, None
    own = without_error_bars(own, thickness)
    columns = np.flatnonzero(own.any(axis=0))
    rows = follow_line(own, columns)
    steps = step_points(own, columns, rows, thickness)
    if steps is not None:  # (its points are all at its runs: no path to read more from)
        return "line", steps, None
    curve = np.array([[x, y] for x, y in zip(columns, rows, strict=True)], dtype=np.float32)
    corners = cv2.approxPolyDP(curve.reshape(-1, 1, 2), max(1.5, thickness), False).reshape(-1, 2)
    bends = [(float(x), float(y)) for x, y in corners]
    if not _stacked(bends):
        return "line", _bends_joined(bends, thickness), curve
    # corners stacked in columns are a marker's rim or a box's sides (left as they are),
    # or the path ran into text printed in the line's colour over markers the usual
    # opening lost: those markers, where a narrower opening finds them
    narrow = _narrow_markers(_filled(own, thickness), thickness)
    return ("line", narrow, None) if narrow else ("line", bends, curve)


BEND_GAP = 3.0  # line widths: corners this near the one before bend round one marker
BEND_SPAN = 6.0  # line widths: the widest such a group of corners reaches


def _bends_joined(corners: list[tuple[float, float]], thickness: float
                  ) -> list[tuple[float, float]]:
    """Corners of a traced line that follow each other within a few line widths, one
    place: the outline of a marker too small or too pointed to be opened out of the line
    (a triangle at matplotlib's default size) bends it several times around the point."""
    gap, span = BEND_GAP * max(1.0, thickness), BEND_SPAN * max(1.0, thickness)
    groups: list[list[tuple[float, float]]] = []
    for corner in corners:
        group = groups[-1] if groups else None
        if group and corner[0] - group[-1][0] <= gap and corner[0] - group[0][0] <= span:
            group.append(corner)
        else:
            groups.append([corner])
    return [(float(np.mean([c[0] for c in g])), float(np.mean([c[1] for c in g])))
            for g in groups]


def follow_line(own: np.ndarray, columns: np.ndarray) -> list[float]:
    """The line's row in each column. Where a column holds several separate runs (a stray
    piece of another series, a crossing), the run nearest the row before is the line."""
    rows: list[float] = []
    for x in columns:
        on = np.flatnonzero(own[:, x])
        breaks = np.flatnonzero(np.diff(on) > 2) + 1
        runs = [_sorted_median(run) for run in np.split(on, breaks)]
        if rows and len(runs) > 1:
            rows.append(min(runs, key=lambda r: abs(r - rows[-1])))
        else:
            rows.append(_sorted_median(on) if len(runs) == 1 or not rows else runs[0])
    return rows


def _sorted_median(rows: np.ndarray) -> float:
    """``np.median`` of rows already in order (as ``flatnonzero`` gives them), without its
    overhead: it is taken per pixel column."""
    half = len(rows) // 2
    if len(rows) % 2:
        return float(rows[half])
    return (float(rows[half - 1]) + float(rows[half])) / 2


def _markers(own: np.ndarray, thickness: float) -> list[tuple[float, float]]:
    """Blobs at least ~2.5 line widths across, left after opening away the line itself.
    JPEG noise leaves holes in a marker's colour, which the opening breaks into pieces:
    the holes are closed first, and pieces closer than a marker's size are one marker."""
    size = max(4, round(2.2 * max(1.0, thickness)) + 1)
    return _blobs(_closed(own), size) or []


def _narrow_markers(own: np.ndarray, thickness: float) -> list[tuple[float, float]]:
    """A thick line's markers barely twice its width (matplotlib's ``linewidth`` 2.5 with
    ``markersize`` 5), which the usual opening takes away with the line: a narrower one,
    whose blobs are markers only where three or more of a size are left."""
    if thickness < THICK_LINE:
        return []
    return _blobs(_closed(own), max(4, round(NARROW_MARKER * thickness) + 1), alike=True) or []


THICK_LINE = 3.0  # work pixels: a line this thick may have markers barely twice as wide
NARROW_MARKER = 1.8  # line widths: the narrower opening tried on such a line
ALIKE_MARKERS = 3  # blobs at least, of sizes within MARKER_AREAS of each other
MARKER_AREAS = 3.0


def _closed(own: np.ndarray) -> np.ndarray:
    return cv2.morphologyEx(own.astype(np.uint8), cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8))


def _blobs(closed: np.ndarray, size: int, alike: bool = False
           ) -> list[tuple[float, float]] | None:
    """The centres of what an opening by a disc ``size`` across leaves of ``closed`` (two
    blobs at least), pieces closer than 1.5 sizes joined; with ``alike``, three or more
    of a size."""
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size))
    blobs = cv2.morphologyEx(closed, cv2.MORPH_OPEN, kernel)
    count, _, stats, centroids = cv2.connectedComponentsWithStats(
        blobs.astype(np.uint8), connectivity=8
    )
    if count < 3:
        return None
    areas = stats[1:, cv2.CC_STAT_AREA]
    if alike and (count - 1 < ALIKE_MARKERS or areas.max() > MARKER_AREAS * areas.min()):
        return None
    return _joined(centroids[1:], areas, 1.5 * size)


def _filled(own: np.ndarray, thickness: float) -> np.ndarray:
    """Small enclosed holes filled: a hollow marker (drawn open, or a filled one whose inside
    JPEG moved off the line's colour) is a marker too."""
    limit = (8 * max(2.0, thickness)) ** 2
    _, labels, stats, _ = cv2.connectedComponentsWithStats(
        (~own).astype(np.uint8), connectivity=4)
    height, width = own.shape
    x, y, w, h, area = (stats[:, i] for i in range(5))
    enclosed = (x > 0) & (y > 0) & (x + w < width) & (y + h < height) & (area <= limit)
    enclosed[0] = False
    if not enclosed[1:].any():
        return own
    return own | enclosed[labels]


def _joined(
    centres: np.ndarray, weights: np.ndarray, reach: float
) -> list[tuple[float, float]]:
    """Centres closer than ``reach`` merged into one (their weighted mean), left to right."""
    groups: list[list[int]] = []
    for index in np.argsort(centres[:, 0]):
        for group in groups:
            if np.hypot(*(centres[group].mean(axis=0) - centres[index])) <= reach:
                group.append(int(index))
                break
        else:
            groups.append([int(index)])
    return sorted(
        (float(x), float(y))
        for x, y in (np.average(centres[g], axis=0, weights=weights[g]) for g in groups)
    )
