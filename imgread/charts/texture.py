"""Textured fills flattened before bars are found: hatching (``//``, ``xx``, ``..``),
stripes, dots and plotly's patterns.

The bar reader takes a bar for a run of one colour; a hatched fill alternates between two
colours every few pixels, so its mask is opened away (a pale fill's hatch lines are thin)
or its columns split into narrow bars where the lines change their colour. A texture is
found by what it is, not by its colours: colour edges packed densely in two dimensions.
Where such a region is a rectangle (a bar's straight sides), its pixels take the local mean
colour of the region, a flat fill the bar reader measures like any other; its extent is
where the edges are packed, so the bar's top stays the texture's top.
"""

from __future__ import annotations

import cv2
import numpy as np

from ..record import Box, Word

EDGE = 32  # the most a channel may change between neighbours within a flat fill
WINDOW = 11  # px: the square over which edges are counted (a few hatch periods)
LEAST_DENSITY = 0.08  # of a window's pixels on an edge: a texture (a line's band is thinner)
RECTANGLE = 0.8  # of its bounding box a textured region fills: a bar, not a cloud of marks
APART = 70.0  # RGB distance: the least a flattened texture stands off the background
BLANK = 0.03  # of a core's windows without an edge: the most a texture shows
STATIONARY = 40.0  # RGB distance: the most a texture's local mean strays from its whole's
FLOOR = 4  # windows: the most a textured bar's foot may stand above the plot's bottom
WIDEST = 0.6  # of the plot's width: a textured region wider is a backdrop (a dense grid)
ABOVE = 3  # rows: how far above a bar's top the page is looked for
OPEN = 0.6  # of those pixels: the least that are the page's where a bar ends
BAND = 5  # rows: a row and those above it, over which a texture's edges span a bar
SPAN_PARTS = 5  # parts of a bar's width: a texture's row has edges in all of them but one


SURE_WORD = 50  # confidence: hatching read as words ("OQ ZS") is read below it, or as
# one glyph ("o" for a dot, "\\" for a stroke)


def texture_free(words: list[Word]) -> list[Box]:
    """The boxes of words surely read, of two letters or digits at least: text, whose
    dense edges are no texture."""
    return [w.box for w in words
            if w.confidence >= SURE_WORD and sum(c.isalnum() for c in w.text) >= 2]


def flatten_texture(rgb: np.ndarray, area: Box, text: list[Box], bg: np.ndarray
                    ) -> np.ndarray | None:
    """``rgb`` with each bar-shaped textured region of ``area`` painted in its local mean
    colour, moved off the plot's background where it is near it (sparse hatching on a
    white fill averages to nearly white, yet it is a mark); None where the plot has none
    (the image is then read as it is)."""
    crop = rgb[area.y1 : area.y2, area.x1 : area.x2]
    height, width = crop.shape[:2]
    if height < 4 * WINDOW or width < 4 * WINDOW:
        return None
    edges = _edges(crop)
    # where a bar's rows show: an edge (a word read in a hatch too), or a fill off the page
    marks = edges | (_largest_channel(cv2.absdiff(crop, np.full_like(crop, bg))) > EDGE)
    words = [box.model_copy(update={"x1": box.x1 - area.x1, "x2": box.x2 - area.x1,
                                    "y1": box.y1 - area.y1, "y2": box.y2 - area.y1})
             for box in text]
    for box in [box for box in words if not _within_texture(edges, box)]:
        # words are dense edges too: no texture
        edges[max(0, box.y1) : max(0, box.y2), max(0, box.x1) : max(0, box.x2)] = False
    regions = (_bar_regions(crop, edges, marks, bg, WINDOW)
               | _bar_regions(crop, edges, marks, bg, 2 * WINDOW + 1))
    if not regions.any():
        return None
    rows, columns = np.flatnonzero(regions.any(axis=1)), np.flatnonzero(regions.any(axis=0))
    margin = 2 * WINDOW  # (the fill reads the regions' pixels only, but near them)
    y1, y2 = max(0, rows[0] - margin), rows[-1] + 1 + margin
    x1, x2 = max(0, columns[0] - margin), columns[-1] + 1 + margin
    flat = rgb.copy()
    view = flat[area.y1 : area.y2, area.x1 : area.x2][y1:y2, x1:x2]
    view[regions[y1:y2, x1:x2]] = _fill(crop[y1:y2, x1:x2], regions[y1:y2, x1:x2], bg)
    return flat


def _fill(crop: np.ndarray, regions: np.ndarray, bg: np.ndarray) -> np.ndarray:
    """Each region pixel's flat colour: the mean of the region's inner pixels near it (the
    rim, an outline in another colour, would pass for a bar of its own), off the
    background by ``APART`` at least."""
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (WINDOW, WINDOW))
    inner = cv2.erode(regions.astype(np.uint8), kernel).astype(np.float32)
    inner = np.where(inner.any(), inner, regions.astype(np.float32))
    reach = (2 * WINDOW + 1, 2 * WINDOW + 1)
    weight = cv2.boxFilter(inner, -1, reach, normalize=False)
    mean = np.stack([cv2.boxFilter(crop[..., channel].astype(np.float32) * inner, -1, reach,
                                   normalize=False) / np.maximum(weight, 1.0)
                     for channel in range(3)], axis=-1)[regions]
    return _off_page(mean, bg)


def _off_page(mean: np.ndarray, bg: np.ndarray) -> np.ndarray:
    """Mean colours (n, 3) moved off the background to ``APART`` at least, towards the
    darker side where a mean is the background itself."""
    away = mean - bg.astype(np.float32)
    apart = np.linalg.norm(away, axis=1, keepdims=True)
    direction = np.where(apart > 1, away / np.maximum(apart, 1e-6),
                         -np.ones((1, 3), np.float32) / np.sqrt(3))
    return np.clip(bg + direction * np.maximum(apart, APART) + 0.5, 0, 255).astype(np.uint8)


TEXTURED_ROWS = 0.6  # of a rectangle's inner rows: the least its texture spans


def textured_colour(rgb: np.ndarray, x1: int, y1: int, x2: int, y2: int, bg: np.ndarray
                    ) -> np.ndarray | None:
    """The colour a textured rectangle (a bar, or a legend's swatch too small to be found
    as a texture) reads as: its inner pixels' mean, moved off the page as a flattened
    region's is; None where its inside is no texture (a flat fill, a label printed in it
    spans a few rows only). Both are measured so, flattened or not, and a series' bars and
    its swatch share one colour."""
    height, width = y2 - y1, x2 - x1
    rim = max(1, min(height, width) // 8)  # the outline, in another colour
    inner = rgb[max(0, y1 + rim) : max(0, y2 - rim), max(0, x1 + rim) : max(0, x2 - rim)]
    if inner.shape[0] < 2 * BAND or inner.shape[1] < 2 * SPAN_PARTS:
        return None
    edges = _colour_edges(inner)
    if _spanned_rows(edges)[BAND:].mean() < TEXTURED_ROWS:
        return None
    mean = inner.reshape(-1, 3).astype(np.float32).mean(axis=0, keepdims=True)
    return _off_page(mean, bg)[0].astype(np.float64)


def _within_texture(edges: np.ndarray, box: Box) -> bool:
    """A word with a texture's rows right above and below it, across its width: the
    texture read as glyphs (a hatch read surely as "MM"), not a word printed on the page
    (a name under the axis or a value over a bar has the page on one side)."""
    x1, x2 = max(0, box.x1), min(edges.shape[1], box.x2)
    above = edges[max(0, box.y1 - BAND) : max(0, box.y1), x1:x2]
    below = edges[max(0, box.y2) : max(0, box.y2 + BAND), x1:x2]
    return bool(len(above) and len(below) and _spanned_rows(above)[-1]
                and _spanned_rows(below)[-1])


def _edges(crop: np.ndarray) -> np.ndarray:
    """Pixels where the colour changes sharply to the next pixel right or below, rules
    across the plot left out (the axis line with the tick marks and names by it packs
    edges as densely as a texture, under every bar)."""
    edges = _colour_edges(crop)
    edges[edges.mean(axis=1) >= WIDEST] = False  # a rule across the plot
    edges[:, edges.mean(axis=0) >= WIDEST] = False  # and one up it
    return edges


def _colour_edges(crop: np.ndarray) -> np.ndarray:
    """Pixels where the colour changes sharply to the next pixel right or below."""
    edges = np.zeros(crop.shape[:2], dtype=bool)
    edges[:, :-1] = _largest_channel(cv2.absdiff(crop[:, 1:], crop[:, :-1])) > EDGE
    edges[:-1, :] |= _largest_channel(cv2.absdiff(crop[1:], crop[:-1])) > EDGE
    return edges


def _largest_channel(image: np.ndarray) -> np.ndarray:
    """``image.max(axis=2)``, found by OpenCV (numpy's reduction over the last axis costs
    twenty times as much here)."""
    return cv2.max(cv2.max(image[..., 0], image[..., 1]), image[..., 2])


def _bar_regions(crop: np.ndarray, edges: np.ndarray, marks: np.ndarray, bg: np.ndarray,
                 window: int) -> np.ndarray:
    """The textured regions shaped as bars: edges packed over a rectangle at least two
    windows wide and tall (its core; touching bars of other heights are split where the
    core's top steps), grown out to the last rows and columns either side whose edges are
    still half as packed as the core's (the texture's own extent)."""
    regions = np.zeros(edges.shape, dtype=bool)
    width = edges.shape[1]
    density = cv2.boxFilter(edges.astype(np.float32), -1, (window, window))
    # opened by a square two windows wide, as two box filters (their cost does not grow
    # with the square): where every pixel of a square is packed, then the squares' union
    square = (2 * window + 1, 2 * window + 1)
    whole = cv2.boxFilter((density > LEAST_DENSITY).astype(np.float32), -1, square) > 0.999
    if not whole.any():
        return regions
    packed = (cv2.boxFilter(whole.astype(np.float32), -1, square) > 0.001).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(packed, connectivity=4)
    for index in range(1, count):
        x, y, w, h, _ = stats[index]
        if w > WIDEST * width:
            continue
        own = labels[y : y + h, x : x + w] == index
        for start, end in _steps(own, window):
            core = own[:, start:end]
            rows = np.flatnonzero(core.any(axis=1))
            top, bottom = y + int(rows[0]), y + int(rows[-1]) + 1
            if core.sum() < RECTANGLE * (end - start) * (bottom - top):
                continue
            # a texture leaves no window of it without an edge; the page between a bar's
            # sides, gridlines and whiskers (edges as dense on the whole) shows blank ones
            if (density[top:bottom, x + start : x + end][core[top - y : bottom - y]] == 0
                    ).mean() > BLANK:
                continue
            # the foot where the packed rows end (as before), the top where the rows the
            # texture spans end: not up an error bar's whisker and caps (centred strokes
            # as dense as a sparse hatch's rows), and as far up as the texture goes (a core
            # may stop short where it thins)
            share = edges[:, x + start : x + end].mean(axis=1)
            y1, y2 = _grown(share >= _half_median(share, top, bottom), top, bottom,
                            (window // 2 + 2,) * 2)
            rows_spanned = _spanned_rows(edges[:, x + start : x + end])
            if rows_spanned[top:bottom].any():
                # (an edge is marked on its upper pixel: the fill starts a row below it)
                y1 = _grown(rows_spanned, top, bottom, (top, 0))[0] + 1
            # down to the floor through rows the bar's marks fill (a hatch read as a word
            # near the foot leaves no edges there)
            filled = _spanned_rows(marks[:, x + start : x + end], band=1)
            y2 = _grown(filled, y2 - 1, y2, (0, FLOOR * WINDOW))[1]
            if y2 - y1 < 3 * WINDOW:  # a row of words the page reading lost, not a bar
                continue
            if edges.shape[0] - y2 > FLOOR * WINDOW:  # a bar stands on the plot's floor
                continue
            # sideways by the rows near its top: a shorter bar beside it has none there
            upper = edges[y1 : y1 + max(window, (y2 - y1) // 4)]
            share = upper.mean(axis=0)
            x1, x2 = _grown(share >= _half_median(share, x + start, x + end), x + start,
                            x + end, (window // 2 + 2,) * 2)
            if not _stationary(crop[y1:y2, x1:x2], window) or not _open_above(
                    crop, bg, y1, x1, x2):
                continue
            regions[y1:y2, x1:x2] = True
    return regions


def _stationary(block: np.ndarray, window: int) -> bool:
    """One texture across the region: its columns' mean colours, each averaged over a
    window of columns, stay near the region's own (bars of several colours side by side,
    their edges and a dashed grid packed as densely as a hatch, do not)."""
    columns = block.astype(np.float32).mean(axis=0)
    if len(columns) < window:
        return True
    kernel = np.ones(window, np.float32) / window
    smooth = np.stack([np.convolve(columns[:, c], kernel, mode="valid") for c in range(3)],
                      axis=1)
    return bool(np.linalg.norm(smooth - columns.mean(axis=0), axis=1).max() <= STATIONARY)


def _open_above(crop: np.ndarray, bg: np.ndarray, top: int, x1: int, x2: int) -> bool:
    """The page shows just above a region (a bar's top), beside the middle where an error
    bar's whisker rises: a region ending inside a bar (its texture thinned out further up)
    would split the bar into two colours."""
    above = crop[max(0, top - ABOVE - 1) : max(0, top - 1), x1:x2]
    if not above.size:
        return True
    third = (x2 - x1) // 3
    sides = np.concatenate([above[:, : third], above[:, x2 - x1 - third :]], axis=1)
    if not sides.size:
        return True
    return bool((_largest_channel(cv2.absdiff(sides, np.full_like(sides, bg))) <= EDGE
                 ).mean() >= OPEN)


def _steps(own: np.ndarray, window: int) -> list[tuple[int, int]]:
    """Runs of columns of a region whose top stays level (within half a window)."""
    tops = np.argmax(own, axis=0)
    runs: list[tuple[int, int]] = []
    start = 0
    for column in range(1, len(tops) + 1):
        if column == len(tops) or abs(int(tops[column]) - int(tops[column - 1])) > window // 2:
            if column - start >= 2 * window:
                runs.append((start, column))
            start = column
    return runs


def _spanned_rows(edges: np.ndarray, band: int = BAND) -> np.ndarray:
    """The rows a texture spans: over a row and the ``band - 1`` above it (a diagonal
    hatch's edges move along), edges lie in four of five equal parts of the width inside the
    outline.
    An error bar's whisker lies in the middle part, its caps in the middle three unless
    they are nearly as wide as the bar; a texture's rows reach across it."""
    width = edges.shape[1]
    margin = max(2, width // 10)  # the outline, with its edges either side
    inner = edges[:, margin : width - margin]
    if inner.shape[1] < SPAN_PARTS:
        return np.zeros(edges.shape[0], dtype=bool)
    banded = inner.copy()  # (upward only: the top stays the texture's first row of edges)
    for step in range(1, band):
        banded[step:] |= inner[:-step]
    parts = np.array_split(banded, SPAN_PARTS, axis=1)
    covered = np.stack([part.any(axis=1) for part in parts], axis=1).sum(axis=1)
    return covered >= SPAN_PARTS - 1


def _half_median(share: np.ndarray, start: int, end: int) -> float:
    """Half the median share of edges over ``[start, end)``: the least a line of the
    texture shows."""
    return 0.5 * float(np.median(share[start:end]))


def _grown(textured: np.ndarray, start: int, end: int, reach: tuple[int, int]
           ) -> tuple[int, int]:
    """``[start, end)`` moved to the texture's own ends: the first and last ``textured``
    lines inside the core's ends (the core may reach past the texture), then outward
    through blank lines no longer than the texture's own gaps (a dotted texture's rows
    stand apart; a gridline above a bar is further off), ``reach`` lines at most before
    and after."""
    inside = np.flatnonzero(textured[start:end])
    if not len(inside):
        return start, end
    first, last = start + int(inside[0]), start + int(inside[-1])
    gap = longest_gap(textured[first : last + 1])
    for step, most in zip((-1, 1), reach, strict=True):
        blank = 0
        edge = first if step < 0 else last
        line = edge + step
        while 0 <= line < len(textured) and abs(line - edge) <= most and blank <= gap:
            if textured[line]:
                first, last = (line, last) if step < 0 else (first, line)
                blank = 0
            else:
                blank += 1
            line += step
    return first, last + 1


def longest_gap(textured: np.ndarray) -> int:
    """The longest run of lines without the texture inside it."""
    longest = run = 0
    for on in textured.tolist():
        run = 0 if on else run + 1
        longest = max(longest, run)
    return longest
