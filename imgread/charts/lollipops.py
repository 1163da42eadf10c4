"""Lollipops: marks made of a thin stem standing on the baseline and a round head at its
end. A lollipop's value is its head's centre along the value axis, its category the stem's
column (or row, lying).

The bar reader cannot see them: the opening that drops rules and text drops a stem one or
two pixels wide, and what is left (the heads) stands on no baseline. Here the plot's ink is
split into connected shapes once rules (long level runs: axis lines, gridlines) are taken
out, and a shape is a lollipop where its top rows, roughly as tall as wide, are wider than
the narrow run under them down to its foot. A stem is no gridline: it ends at a head, and
the shapes that share a foot are the chart's stems.
"""

from __future__ import annotations

import cv2
import numpy as np

from .pixels import open_mask


def find_lollipops(mask: np.ndarray, small: np.ndarray
                   ) -> list[tuple[int, int, float, float, np.ndarray]]:
    """Lollipops on the working-size ``mask`` of the plot's ink (upright: the value axis
    runs up), ``small`` its pixels: each as (x1, x2, head centre row, foot row, head
    colour), in working pixels; none unless two or more share a foot and most of the
    shapes standing there are lollipops. (Words read on the plot do not count: OCR reads a
    long stem as a word of dashes.)"""
    height, width = mask.shape
    rules = open_mask(mask, max(RULE_RUN, int(RULE_SHARE * width)), 1)
    shapes_mask = mask & ~rules
    # a stem crossing a gridline runs on through it: the rule's rows are bridged where ink
    # goes on above and below
    bridge = cv2.getStructuringElement(cv2.MORPH_RECT, (1, RULE_GAP))
    bridged = cv2.morphologyEx(shapes_mask.astype(np.uint8), cv2.MORPH_CLOSE, bridge)
    shapes_mask |= rules & bridged.astype(bool)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(
        shapes_mask.astype(np.uint8), connectivity=8)
    shapes = []
    for index in range(1, count):
        x, y, w, h = (int(v) for v in stats[index][:4])
        if h < MIN_HEIGHT:
            continue
        own = labels[y : y + h, x : x + w] == index
        found = _stem_and_head(own)
        shapes.append((x, y, w, h, found, own))
    heads = [s for s in shapes if s[4] is not None]
    if len(heads) < 2:
        return []
    foot = float(np.median([y + h for _, y, _, h, _, _ in heads]))
    slack = 3 + height / 100
    standing = [s for s in shapes if abs(s[1] + s[3] - foot) <= slack]
    lollipops = [s for s in standing if s[4] is not None]
    tall = [s for s in lollipops if s[3] >= TALL_SHARE * height]
    if len(lollipops) < 2 or len(tall) < 2 or len(lollipops) < 0.6 * len(standing):
        return []
    marks = []
    for x, y, _, _, head_box, own in lollipops:
        assert head_box is not None  # kept above: only shapes with a head
        head_x1, head_x2, head_y1, head_y2 = head_box
        head = small[y + head_y1 : y + head_y2 + 1, x + head_x1 : x + head_x2 + 1]
        inked = own[head_y1 : head_y2 + 1, head_x1 : head_x2 + 1]
        colour = np.median(head[inked].reshape(-1, 3).astype(np.float64), axis=0)
        marks.append((x + head_x1, x + head_x2, y + (head_y1 + head_y2) / 2, foot - 1, colour))
    return sorted(marks, key=lambda lollipop: lollipop[0])


RULE_RUN = 30  # px at the working size: a level run this long is a rule, never a head
RULE_SHARE = 0.1  # of the plot's width: a level run this long is a rule
RULE_GAP = 7  # px: rules up to a few pixels thick are bridged
MIN_HEIGHT = 6  # px: a shape shorter than this is a mark's crumb or a glyph's
TALL_SHARE = 0.08  # of the plot's height: lollipops this tall, two at least (as bars)


def _stem_and_head(own: np.ndarray) -> tuple[int, int, int, int] | None:
    """The head's box (x1, x2, y1, y2 within the shape) where the shape is a head on top of
    a stem: its top rows wider than the stem below, about as tall as wide, the stem under
    the head's middle and no wider anywhere down to the foot; else None."""
    widths = own.sum(axis=1)
    stem = float(np.median(widths[len(widths) // 2 :]))
    wide = widths >= max(HEAD_WIDER * stem, stem + 3)
    if not wide.any():
        return None
    head_y1 = int(np.argmax(wide))
    after = np.flatnonzero(~wide[head_y1:])
    if not len(after):
        return None
    head_y2 = head_y1 + int(after[0]) - 1
    # the head is the shape's top: a few thin rows over it are a label's fringe touching it
    if head_y1 > HEAD_START + (head_y2 - head_y1 + 1) // 2:
        return None
    # the head's full height: its rounded top and bottom rows are narrower than ``wide``
    while head_y1 > 0 and widths[head_y1 - 1] > stem:
        head_y1 -= 1
    while head_y2 + 1 < len(widths) and widths[head_y2 + 1] > stem + 1:
        head_y2 += 1
    columns = np.flatnonzero(own[head_y1 : head_y2 + 1].any(axis=0))
    head_x1, head_x2 = int(columns[0]), int(columns[-1])
    head_w, head_h = head_x2 - head_x1 + 1, head_y2 - head_y1 + 1
    below = own[head_y2 + 1 :]
    if len(below) < 2 or head_w < 4 or not ROUND[0] <= head_h / head_w <= ROUND[1]:
        return None
    if (below.sum(axis=1) > stem + 2).mean() > 0.1:
        return None  # a stem keeps its width down to its foot
    stem_x = float(np.mean(np.nonzero(below)[1]))
    if abs(stem_x - (head_x1 + head_x2) / 2) > head_w / 3:
        return None
    return head_x1, head_x2, head_y1, head_y2


HEAD_WIDER = 1.6  # a head is this many times the stem's width, at least
HEAD_START = 2  # rows: the head starts at the shape's top, give or take a fringe
ROUND = (0.55, 1.8)  # a head's height over its width: round (or a square, a diamond)
