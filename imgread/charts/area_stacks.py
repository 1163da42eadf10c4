"""Stacked area charts: filled bands one above the other from the baseline (matplotlib's
``stackplot``, ``fill_between`` of cumulative sums, plotly's ``stackgroup``), each series'
value the thickness of its band.

A stack is two fill colours or more, each a band that runs across the plot without a gap
(bars leave the page showing down to their baseline between them), the bands met in the
same order up every column. Each band's top is traced along the columns (through the thin
edge drawn between two bands, and through gridlines over the fills); the series' points
are where those boundaries bend (every band of a stack bends at the same x, its data's),
and the plot's ends. A series' value there is its band's thickness: the top of its band
less the top of the band under it (the lowest band's, its top as it stands). The bands are
named by the legend patches of their fill colour.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable

import cv2
import numpy as np

from ..record import ChartPoint, Series
from .panels import Panel
from .pixels import cluster_colours, distance, hex_colour
from .shaded_areas import faded

FILL_SHARE = 0.04  # of the plot's pixels: the least a band's fill colour covers
FILL_GAP = 28.0  # colour distance: a pixel this near a fill colour is of it (JPEG, gridlines)
PAGE_GAP = 30.0  # colour distance from the page: a pixel of a mark, not of the page
BAND_COLUMNS = 0.85  # of the stack's columns: a band shows in at least this many
STACKED_COLUMNS = 0.6  # of the stack's columns: its bands met in order up this many at least
EMPTY_COLUMNS = 0.02  # of the stack's columns: at most this many show no fill (bars' gaps)
EDGE_GAP = 0.5  # tick heights: the most between one band's top and the next band's foot
BEND_PX = 1.2  # px off the straight line between two points: a bend, another point
SAME_BEND = 4  # px: bends of several boundaries this near are one column
STRAIGHT_PX = 3.0  # px: a point every boundary passes this near a straight line through
SMOOTH = 5  # columns: the running median's window along a boundary
LINE_CHROMA = 60  # max - min channel: a line along a band's top with a hue (edges are dark)
LEAST_RUN = 2  # px: a fill's run in a column shorter than this is anti-aliasing


def stacked_bands(rgb: np.ndarray, panel: Panel, bg: np.ndarray
                  ) -> tuple[list[np.ndarray], np.ndarray, np.ndarray] | None:
    """The fill colours of a stack, lowest first; the columns read (image x); and each
    band's top (image y) in each of them, NaN where that column was hidden (a legend
    over the bands). None where the plot holds no stack."""
    area = panel.area
    crop = rgb[area.y1:area.y2, area.x1:area.x2]
    if crop.shape[0] < 20 or crop.shape[1] < 40:
        return None
    colours = _fill_colours(crop, bg)
    if len(colours) < 2:
        return None
    masks = [_fill_mask(crop, colour, panel.tick_height) for colour in colours]
    # (told cheaply first: each fill shows in most columns where any shows; bars of
    # several colours fail here)
    seen = np.array([mask.sum(axis=0) >= LEAST_RUN for mask in masks])
    if (seen[:, seen.any(axis=0)].mean(axis=1) < BAND_COLUMNS).any():
        return None
    runs = [_longest_runs(mask) for mask in masks]  # (top, foot) per column, -1 where none
    shown = np.array([r[:, 1] >= 0 for r in runs])
    if not _bands_across(list(shown)):
        return None
    columns = np.flatnonzero(shown.any(axis=0))
    span = np.arange(columns[0], columns[-1] + 1)
    # the bands' order: by where each band's middle lies, lowest (largest y) first
    middles = [float(np.median((r[span][shown[k, span], 0] + r[span][shown[k, span], 1]) / 2))
               for k, r in enumerate(runs)]
    order = sorted(range(len(colours)), key=lambda k: -middles[k])
    colours = [colours[k] for k in order]
    runs = [runs[k] for k in order]
    gap = EDGE_GAP * panel.tick_height + 2
    tops = np.full((len(colours), len(span)), np.nan)
    for index, column in enumerate(span):
        ends = [(int(r[column, 0]), int(r[column, 1])) for r in runs]
        if any(foot < 0 for _, foot in ends):
            continue
        met = all(0 <= ends[k][0] - ends[k + 1][1] <= gap for k in range(len(ends) - 1))
        if not met:
            continue
        for k in range(len(ends) - 1):  # the edge between two bands: its middle
            tops[k, index] = (ends[k][0] + ends[k + 1][1]) / 2
        edge = np.nanmedian([ends[k][0] - ends[k + 1][1] for k in range(len(ends) - 1)])
        tops[-1, index] = ends[-1][0] - edge / 2
    if (~np.isnan(tops[0])).mean() < STACKED_COLUMNS:
        return None
    if _under_its_line(crop, colours[-1], tops[-1], span, bg):
        return None
    return colours, span + area.x1, _smoothed(tops) + area.y1


def _under_its_line(crop: np.ndarray, fill: np.ndarray, top: np.ndarray, span: np.ndarray,
                    bg: np.ndarray) -> bool:
    """The top band is a faded copy of the line drawn along its top, a line with a hue:
    areas under lines laid over each other (each reaching down to the baseline, the lower
    ones the overlap of several), not a stack (whose bands are edged in a dark line)."""
    rows = np.round(top).astype(np.int64)
    traced = ~np.isnan(top)
    line = crop[np.clip(rows[traced], 0, crop.shape[0] - 1), span[traced]]
    if not len(line):
        return False
    colour = np.median(line, axis=0)
    return float(np.ptp(colour)) >= LINE_CHROMA and faded(fill, colour, bg)


def _smoothed(tops: np.ndarray) -> np.ndarray:
    """Each boundary through a running median over a few columns: a JPEG's blocks and an
    edge's anti-aliasing move single columns a pixel or two off the line."""
    half = SMOOTH // 2
    padded = np.pad(tops, ((0, 0), (half, half)), constant_values=np.nan)
    windows = np.lib.stride_tricks.sliding_window_view(padded, SMOOTH, axis=1)
    with warnings.catch_warnings():  # (a window of hidden columns only stays hidden)
        warnings.simplefilter("ignore", RuntimeWarning)
        smooth = np.nanmedian(windows, axis=2)
    smooth[np.isnan(tops)] = np.nan  # hidden columns stay hidden
    return smooth


def _bands_across(shown: list[np.ndarray]) -> bool:
    """Every fill shows in most columns of the stretch the fills span, and hardly a column
    shows none (the page down to the baseline between bars)."""
    seen = np.array(shown)
    columns = np.flatnonzero(seen.any(axis=0))
    if not len(columns):
        return False
    span = seen[:, columns[0]:columns[-1] + 1]
    return bool((~span.any(axis=0)).mean() <= EMPTY_COLUMNS
                and (span.mean(axis=1) >= BAND_COLUMNS).all())


def _fill_colours(crop: np.ndarray, bg: np.ndarray) -> list[np.ndarray]:
    """The colours covering a large share of the plot, off the page's colour."""
    step = max(1, int(np.sqrt(crop.shape[0] * crop.shape[1] / 40000)))
    sample = crop[::step, ::step].reshape(-1, 3)
    marks = sample[distance(sample[None], bg)[0] > PAGE_GAP]
    if not len(marks):
        return []
    keys = (marks // 16).astype(np.int32) @ np.array([256, 16, 1])
    values, counts = np.unique(keys, return_counts=True)
    common = values[counts >= FILL_SHARE * len(sample) / 4]
    centres = [marks[keys == key].mean(axis=0) for key in common]
    labels = cluster_colours(centres, FILL_GAP)
    fills = []
    for label in sorted(set(labels)):
        centre = np.mean([c for c, lab in zip(centres, labels, strict=True) if lab == label],
                         axis=0)
        if (distance(sample[None], centre)[0] < FILL_GAP).mean() >= FILL_SHARE:
            fills.append(centre)
    return fills


def _fill_mask(crop: np.ndarray, colour: np.ndarray, tick_height: float) -> np.ndarray:
    """A fill's pixels, closed up the columns over thin gridlines drawn across it."""
    mask = (distance(crop, colour) < FILL_GAP).astype(np.uint8)
    reach = max(3, int(0.3 * tick_height))
    return cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((reach, 1), np.uint8))


def _longest_runs(mask: np.ndarray) -> np.ndarray:
    """Per column, the (top, foot) rows of its longest run of set pixels; (-1, -1) where
    the longest is shorter than ``LEAST_RUN``."""
    height, width = mask.shape
    padded = np.zeros((height + 2, width), np.int8)
    padded[1:-1] = mask
    change = np.diff(padded, axis=0)
    result = np.full((width, 2), -1, np.int64)
    starts_y, starts_x = np.nonzero(change == 1)
    ends_y, ends_x = np.nonzero(change == -1)
    order_s = np.lexsort((starts_y, starts_x))
    order_e = np.lexsort((ends_y, ends_x))
    starts_y, starts_x = starts_y[order_s], starts_x[order_s]
    ends_y = ends_y[order_e]
    lengths = ends_y - starts_y
    best = np.zeros(width, np.int64)
    for y, x, length in zip(starts_y, starts_x, lengths, strict=True):
        if length >= LEAST_RUN and length > best[x]:
            best[x] = length
            result[x] = (y, y + length - 1)
    return result


def bends(columns: np.ndarray, tops: np.ndarray) -> tuple[list[int], np.ndarray]:
    """Indexes into ``columns`` of the stack's points: the ends of the traced stretch and
    the columns where some boundary bends (bends of several boundaries merged, and a bend
    no boundary shows once its neighbours are known dropped: a pixel staircase); and the
    boundaries carried straight across the columns a legend hid."""
    traced = np.flatnonzero(~np.isnan(tops[0]))
    if len(traced) < 2:
        return [], tops
    found: list[int] = [int(traced[0]), int(traced[-1])]
    filled = tops.copy()
    for k, boundary in enumerate(tops):
        seen = np.flatnonzero(~np.isnan(boundary))
        if len(seen) < 2:
            return [], tops
        filled[k] = np.interp(np.arange(len(boundary)), seen, boundary[seen])
        # each stretch the legend left unhidden is simplified alone; its ends are where
        # the legend starts, no bends
        for stretch in np.split(seen, np.flatnonzero(np.diff(seen) > 1) + 1):
            if len(stretch) < 3:
                continue
            curve = np.stack([columns[stretch], boundary[stretch]], axis=1).astype(np.float32)
            corners = cv2.approxPolyDP(curve[:, None, :], BEND_PX, False)[1:-1, 0, 0]
            found += [int(stretch[0] + np.searchsorted(columns[stretch], c)) for c in corners]
    found = sorted(i for i in found if traced[0] <= i <= traced[-1])
    merged: list[list[int]] = []
    for index in found:
        if merged and columns[index] - columns[merged[-1][-1]] <= SAME_BEND:
            merged[-1].append(index)
        else:
            merged.append([index])
    points = [group[len(group) // 2] for group in merged]
    # (the ends stay ends)
    points[0], points[-1] = int(traced[0]), int(traced[-1])
    return _without_straight(points, columns, filled), filled


def _without_straight(points: list[int], columns: np.ndarray, tops: np.ndarray) -> list[int]:
    """``points`` less those every boundary passes straight through, between the points
    kept beside them (the most nearly straight dropped first)."""
    points = list(points)
    while len(points) > 2:
        worst, least = -1, np.inf
        for i in range(1, len(points) - 1):
            before, here, after = points[i - 1], points[i], points[i + 1]
            share = (columns[here] - columns[before]) / max(1, columns[after] - columns[before])
            line = tops[:, before] + share * (tops[:, after] - tops[:, before])
            off = float(np.max(np.abs(tops[:, here] - line)))
            if off < least:
                worst, least = i, off
        if least >= STRAIGHT_PX:
            break
        points.pop(worst)
    return points


def stack_series(panel: Panel, colours: list[np.ndarray], columns: np.ndarray,
                 tops: np.ndarray, names: list[str],
                 x_at: Callable[[float], float | str]) -> list[Series]:
    """Each band's series: at each point, its top's value less the top's of the band under
    it (the lowest band's own top)."""
    fit = panel.y
    series = []
    indexes, tops = bends(columns, tops)
    for k, colour in enumerate(colours):
        points = []
        for index in indexes:
            top = float(tops[k, index])
            value = fit.value(top) - (fit.value(float(tops[k - 1, index])) if k else 0.0)
            px = float(columns[index])
            points.append(ChartPoint(x=x_at(px), y=round(value, 2), px=round(px, 1),
                                     py=round(top, 1), confidence=0.7,
                                     uncertainty=round(2 * fit.uncertainty(top), 3)))
        series.append(Series(name=names[k], colour=hex_colour(colour), style="area",
                             points=points))
    return series
