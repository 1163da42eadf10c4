"""Frames: the part of a screenshot a chart is drawn on, apart from the application
around it.

A chart on a slide in an editor, in a post, or in a dashboard's panel sits on a page of its
own (the slide, the card, the panel), set apart from the menus, toolbars and side strips
around it by a band of another colour. The chart's own text (its legend, its title) lies on
that page; words beyond it (a menu, a toolbar) are the application's. The frame is the
region of the plot's background colour, and of the colour around the plot, connected to
the plot area, thin lines (axes, gridlines, borders) bridged, and its bounding box.
"""

from __future__ import annotations

import threading

import cv2
import numpy as np

from ..record import Box
from .pixels import distance

WORK_SIDE = 640  # px: the longer side the screenshot is reduced to (lines blend in)
PAGE_DISTANCE = 14.0  # RGB distance: a pixel this near the plot's background is its page
BRIDGE = 2  # dilations (3x3, at the reduced size): thin lines and letters bridged


def chart_frame(rgb: np.ndarray, area: Box, bg: np.ndarray) -> Box:
    """The bounding box of the page the plot area is drawn on: the region of the plot's
    background and of the colour just around the plot (a shaded plot face stands on the
    figure's page, which holds its legend); the whole image where that page runs on to
    its edges (a chart on its own)."""
    # the legend and sample readers ask for the same frame several times a chart (and a
    # large screenshot's reduction costs tens of ms): kept per thread for the image last
    # asked about, which the cache holds, so that no other array can take its identity
    key = (area.x1, area.y1, area.x2, area.y2, np.asarray(bg, dtype=np.float64).tobytes())
    if getattr(_FRAMES, "rgb", None) is not rgb:  # (one reduction an image, whatever the area)
        _FRAMES.rgb, _FRAMES.small, _FRAMES.boxes = rgb, reduced(rgb), {}
    boxes: dict[tuple[object, ...], Box] = _FRAMES.boxes
    if key not in boxes:
        boxes[key] = frame_of(rgb.shape[:2], _FRAMES.small, area, bg)
    return boxes[key].model_copy()


_FRAMES = threading.local()


def reduced(rgb: np.ndarray) -> np.ndarray:
    """The screenshot at ``WORK_SIDE`` px on its longer side at most."""
    scale = min(1.0, WORK_SIDE / max(rgb.shape[:2]))
    return cv2.resize(rgb, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) \
        if scale < 1 else rgb


def frame_of(shape: tuple[int, ...], small: np.ndarray, area: Box, bg: np.ndarray) -> Box:
    """:func:`chart_frame` of an image of ``shape`` from its reduction ``small``."""
    height, width = shape[:2]
    whole = Box(x1=0, y1=0, x2=width, y2=height)
    scale = min(1.0, WORK_SIDE / max(height, width))
    x1, y1 = int(area.x1 * scale), int(area.y1 * scale)
    x2, y2 = max(x1 + 1, int(area.x2 * scale)), max(y1 + 1, int(area.y2 * scale))
    # the ring just outside the plot area: the colour the plot stands on
    reach_x, reach_y = max(2, int(RING * (x2 - x1))), max(2, int(RING * (y2 - y1)))
    ring_box = (max(0, x1 - reach_x), max(0, y1 - reach_y),
                min(small.shape[1], x2 + reach_x), min(small.shape[0], y2 + reach_y))
    outer = small[ring_box[1] : ring_box[3], ring_box[0] : ring_box[2]]
    ring = np.concatenate([outer[0], outer[-1], outer[:, 0], outer[:, -1]])
    around = np.median(ring.astype(np.float32), axis=0)
    page = ((distance(small, bg) < PAGE_DISTANCE)
            | (distance(small, around) < PAGE_DISTANCE)).astype(np.uint8)
    bridged = cv2.dilate(page, np.ones((3, 3), np.uint8), iterations=BRIDGE)
    _, labels = cv2.connectedComponents(bridged, connectivity=4)
    # the page's regions in the plot area and in the ring around it
    inner = labels[ring_box[1] : ring_box[3], ring_box[0] : ring_box[2]]
    found = inner[inner > 0]
    if not len(found):
        return whole
    kept = np.isin(labels, np.unique(found))
    ys, xs = np.nonzero(kept)
    return Box(x1=max(0, int(xs.min() / scale)), y1=max(0, int(ys.min() / scale)),
               x2=min(width, int((xs.max() + 1) / scale)),
               y2=min(height, int((ys.max() + 1) / scale)))


RING = 0.1  # of the plot area's width and height: the ring around it the plot stands on


def within(box: Box, frame: Box) -> bool:
    """A word or a shape whose middle lies in the frame."""
    return frame.x1 <= box.cx <= frame.x2 and frame.y1 <= box.cy <= frame.y2
