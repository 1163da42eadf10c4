"""Lines named by a column of names at their ends (no legend): charts that label their
lines print each name just right of the line's last point, left-aligned in one column, and
nudge names apart where the lines end close together. A name is then seldom level with its
own line's end, often nearer another's, and may be grey; what it keeps is its place in the
column's order (a nudge never swaps two names) and, where it is printed in colour, its
line's colour. So the column is bound as a whole: names in their top-to-bottom order to the
lines' ends in theirs, a coloured name held to the line of its colour."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ..record import Word
from .naming import namelike, phrase_from
from .pixels import distance

ALIGNED = 0.8  # text heights: the names of a column start this near one another
REACH = 4.0  # text heights: a column starts this far right of the lines' ends at most
INK = 60.0  # RGB distance from the page: a name's ink
HELD = 1.6  # a coloured name's nearest line colour is this many times nearer than the next
OFF_COLOUR = 4.0  # text heights of cost: a coloured name bound to a line not of its colour
SKIP = 6.0  # text heights of cost: a name or a line left out of the binding


def column_names(
    rgb: np.ndarray, words: list[Word], lines: list[list[tuple[float, float]]],
    colours: list[np.ndarray], names: list[str], bg: np.ndarray, height: float,
    sampled: set[int],
) -> tuple[list[str], list[Word]]:
    """Names for the lines from a column of names right of their ends, replacing names the
    legend reading took from those words (a name's "swatch" is its line's end, which may
    be another line's); and the words that named one. Unchanged where no column of two
    names or more stands right of the lines' ends."""
    column = _column(words, lines, height)
    if column is None:
        return names, []
    x1 = min(w.box.x1 for w in column)
    # (a line that ends well left of the names, its last points lost, is not bound here)
    ends = [end if end is not None and x1 - end[0] <= REACH * height else None
            for end in (_end(points, x1 + 0.5 * height) for points in lines)]
    if sum(end is not None for end in ends) < 2:
        return names, []
    phrases = [phrase_from(words, w) for w in sorted(column, key=lambda w: w.box.cy)]
    texts = [" ".join(w.text for w in phrase) for phrase in phrases]
    lines_by_y = sorted((i for i, end in enumerate(ends) if end is not None),
                        key=lambda i: ends[i][1])  # type: ignore[index]
    held = [_held_to(rgb, phrase, colours, bg) for phrase in phrases]

    def cost(label: int, line: int) -> float:
        end = ends[line]
        assert end is not None
        gap = abs(phrases[label][0].box.cy - end[1]) / height
        off = held[label] is not None and held[label] != line
        return gap + (OFF_COLOUR if off else 0.0)

    pairs = _in_order(len(phrases), lines_by_y, cost)
    if len(pairs) < 2:
        return names, []
    bound = {texts[label] for label, _ in pairs}
    # (a line left out keeps a name the legend reading gave it, unless another line took it)
    named = ["" if name in bound else name for name in names]
    labels: list[Word] = []
    for label, line in pairs:
        named[line] = texts[label]
        labels.extend(phrases[label])
    return named, labels


def _column(words: list[Word], lines: list[list[tuple[float, float]]], height: float
            ) -> list[Word] | None:
    """Two or more names, starting within a text height of one another, with no line
    running on right of them (a line traced on into a name printed in its colour has
    points inside it too)."""
    candidates = [w for w in words if namelike(w.text) and w.confidence >= 20
                  and abs(w.box.height - height) <= 0.6 * height]
    best: list[Word] = []
    for first in candidates:
        group = [w for w in candidates if abs(w.box.x1 - first.box.x1) <= ALIGNED * height]
        # (only each phrase's first word: "Dense" of "Dense baseline")
        starts = [w for w in group if not any(
            o is not w and 0 <= w.box.x1 - o.box.x2 <= height
            and abs(o.box.cy - w.box.cy) <= 0.4 * height for o in words)]
        if len(starts) > len(best):
            best = starts
    if len(best) < 2:
        return None
    x1 = min(w.box.x1 for w in best)
    boxes = [w.box for first in best for w in phrase_from(words, first)]
    for points in lines:
        # (a line that runs on right of the names, beyond their own ink, is not ending
        # there: a legend inside the plot)
        if any(x > x1 + 0.5 * height and not any(
                b.x1 - height <= x <= b.x2 + height and b.y1 - height <= y <= b.y2 + height
                for b in boxes) for x, y in points):
            return None
    return best


def _end(points: list[tuple[float, float]], limit: float) -> tuple[float, float] | None:
    """A line's last point left of ``limit`` (the column's left edge)."""
    left = [p for p in points if p[0] <= limit]
    return max(left) if left else None


def _held_to(rgb: np.ndarray, phrase: list[Word], colours: list[np.ndarray],
             bg: np.ndarray) -> int | None:
    """The line a name is printed in the colour of: its ink's colour (the pixels farthest
    from the page, an antialiased glyph's edge blends into it) much nearer that line's
    colour than any other's; None for a grey name or one between colours."""
    if len(colours) < 2:
        return None
    box = phrase[0].box
    crop = rgb[max(0, box.y1):box.y2 + 1, max(0, box.x1):box.x2 + 1].reshape(-1, 3)
    if not len(crop):
        return None
    away = distance(crop[None], bg)[0]
    inked = crop[away >= max(INK, float(np.percentile(away, 90)) * 0.8)]
    if not len(inked):
        return None
    ink = np.median(inked.astype(np.float32), axis=0)
    gaps = [float(np.linalg.norm(ink - np.asarray(c, dtype=np.float32))) for c in colours]
    order = np.argsort(gaps)
    nearest, second = gaps[order[0]], gaps[order[1]]
    return int(order[0]) if second >= HELD * max(nearest, 1.0) else None


def _in_order(count: int, lines: list[int], cost: Callable[[int, int], float]
              ) -> list[tuple[int, int]]:
    """Labels 0..count-1 (top to bottom) bound to ``lines`` (their ends top to bottom),
    order kept on both sides, each at most once, at the least cost (a label or line left
    out costs SKIP): a small alignment by dynamic programming."""
    rows, cols = count, len(lines)
    best = np.full((rows + 1, cols + 1), np.inf)
    best[0, :] = np.arange(cols + 1) * SKIP
    best[:, 0] = np.arange(rows + 1) * SKIP
    for i in range(1, rows + 1):
        for j in range(1, cols + 1):
            best[i, j] = min(best[i - 1, j] + SKIP, best[i, j - 1] + SKIP,
                             best[i - 1, j - 1] + cost(i - 1, lines[j - 1]))
    pairs = []
    i, j = rows, cols
    while i and j:
        if best[i, j] == best[i - 1, j - 1] + cost(i - 1, lines[j - 1]):
            pairs.append((i - 1, lines[j - 1]))
            i, j = i - 1, j - 1
        elif best[i, j] == best[i - 1, j] + SKIP:
            i -= 1
        else:
            j -= 1
    return pairs[::-1]
