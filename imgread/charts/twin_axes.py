"""Twin y axes: a second scale printed right of the plot (matplotlib's ``twinx``, plotly's
``yaxis2``), and which series is measured on it.

A column of evenly stepped numbers just right of a plot area, with nothing plotted right
of it, is that plot's right axis, not a panel of its own. Each series is bound to the axis
drawn in its colour: the ink of an axis' tick labels and title (left of the left ticks,
right of the right ones) is the colour of the line measured on it, where it has a hue.
"""

from __future__ import annotations

import cv2
import numpy as np

from .axes import Fit
from .panels import Panel
from .pixels import distance

RIGHT_REACH = 3.0  # tick heights: how far right of a plot's edge its right axis' labels start
SLIVER = 0.25  # of the plot's width: the most a right axis' own "plot area" spans
OVERLAP = 0.5  # of the shorter axis' span: how much of it the two axes share in height
TITLE_REACH = 3.0  # tick heights beyond the tick labels where an axis' title stands
INK_GAP = 60.0  # colour distance from the page: a pixel of text, not its blend into the page
HUE = 60  # max - min channel: ink with a hue (grey or black ink names no series)
HUED_SHARE = 0.4  # of an axis' ink: hued pixels this common give the axis a colour
SAME_HUE = 25.0  # degrees: a line this near an axis' hue is drawn in it
LEAST_CHROMA = 25  # max - min channel: a line's colour with less is grey, no hue to bind by


def with_right_axes(panels: list[Panel]) -> list[Panel]:
    """The panels, each right axis given to the plot it stands beside (its sliver of a
    panel dropped)."""
    taken: set[int] = set()
    for panel in panels:
        if id(panel) in taken:
            continue
        for other in panels:
            if other is panel or id(other) in taken or not _right_of(other, panel):
                continue
            if panel.right is None or _ticks_left(other.y) < _ticks_left(panel.right):
                panel.right = other.y
            taken.add(id(other))
    # (a right axis read twice, one fit with a tick more, leaves two slivers: both go)
    return [p for p in panels if id(p) not in taken]


def _ticks_left(fit: Fit) -> int:
    return min(p.box.x1 for p in fit.ticks)


def _right_of(axis: Panel, plot: Panel) -> bool:
    """``axis``'s ticks start just right of ``plot``'s area, beside its height, and its own
    area is a sliver: nothing is plotted right of it."""
    left = _ticks_left(axis.y)
    area = plot.area
    if not area.x2 - plot.tick_height <= left <= area.x2 + RIGHT_REACH * plot.tick_height:
        return False
    if axis.area.width > SLIVER * area.width:
        return False
    low, high = axis.y.span_px
    plot_low, plot_high = plot.y.span_px
    shared = min(high, plot_high) - max(low, plot_low)
    return shared >= OVERLAP * min(high - low, plot_high - plot_low)


def axis_colours(rgb: np.ndarray, panel: Panel, bg: np.ndarray
                 ) -> tuple[np.ndarray | None, np.ndarray | None]:
    """The hue of the left and of the right axis' text (tick labels and title), each None
    where it is grey or black."""
    assert panel.right is not None
    reach = int(TITLE_REACH * panel.tick_height)
    left_x1, left_x2 = panel.tick_left, max(p.box.x2 for p in panel.y.ticks)
    right_x1 = _ticks_left(panel.right)
    right_x2 = max(p.box.x2 for p in panel.right.ticks)
    # (tick labels may be black under a title in the line's colour, or the other way round)
    left = _hue(rgb, panel.y, left_x1, left_x2, bg)
    if left is None:
        left = _hue(rgb, panel.y, left_x1 - reach, left_x1, bg)
    right = _hue(rgb, panel.right, right_x1, right_x2, bg)
    if right is None:
        right = _hue(rgb, panel.right, right_x2, right_x2 + reach, bg)
    return left, right


def _hue(rgb: np.ndarray, fit: Fit, x1: int, x2: int, bg: np.ndarray) -> np.ndarray | None:
    """The median colour of the hued ink between columns x1 and x2 over the axis' span,
    where most of the ink there has a hue."""
    low, high = fit.span_px
    y1, y2 = max(0, int(low - fit.ticks[0].height)), int(high + fit.ticks[0].height)
    crop = rgb[y1:y2, max(0, x1):max(0, x2)].reshape(-1, 3)
    if not len(crop):
        return None
    ink = crop[distance(crop[:, None, :], bg)[:, 0] > INK_GAP]
    if len(ink) < 10:
        return None
    hued = ink[(ink.max(axis=1).astype(np.int16) - ink.min(axis=1)) >= HUE]
    if len(hued) < HUED_SHARE * len(ink):
        return None
    return np.median(hued, axis=0)


def on_the_right(colours: list[np.ndarray], left: np.ndarray | None,
                 right: np.ndarray | None) -> list[bool]:
    """For each series colour, whether it is measured on the right axis: the one nearest
    the right axis' hue (where it is near), else every series but the one drawn in the
    left axis' hue. Hues, not colours, are compared: a thin dashed line is traced as its
    blend into the page."""
    def nearest(axis: np.ndarray) -> int | None:
        gaps = [_hue_gap(colour, axis) for colour in colours]
        best = int(np.argmin(gaps))
        return best if gaps[best] <= SAME_HUE else None

    index = nearest(right) if right is not None else None
    if right is not None and index is not None and (left is None or nearest(left) != index):
        # (a second line in the right axis' hue is measured on it too)
        return [i == index or _hue_gap(c, right) <= min(SAME_HUE, _hue_gap(c, left))
                for i, c in enumerate(colours)]
    index = nearest(left) if left is not None else None
    if index is not None and len(colours) >= 2:
        return [i != index for i in range(len(colours))]
    return [False] * len(colours)


def _hue_gap(first: np.ndarray, second: np.ndarray | None) -> float:
    """Degrees between two colours' hues; infinite where either is grey (or black)."""
    if second is None:
        return np.inf
    pair = np.clip(np.array([[first, second]], dtype=np.float32) / 255.0, 0, 1)
    hsv = cv2.cvtColor(pair, cv2.COLOR_RGB2HSV)[0]
    chroma = [float(np.ptp(c)) for c in (first, second)]
    if min(chroma) < LEAST_CHROMA:
        return np.inf
    gap = abs(float(hsv[0, 0]) - float(hsv[1, 0])) % 360.0
    return min(gap, 360.0 - gap)
