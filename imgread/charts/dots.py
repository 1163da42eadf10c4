"""Dots on a thin line: markers in the line's pure colour, the line itself mostly its
faded blend (pygal's dots on a one-pixel line, small markers through JPEG).

The two colours are traced apart: the line, too thin to open markers out of, bends around
every dot and gives two or three corners at each, and the dots alone read as a scatter.
A point is a marker, a blob larger than the line's width: where every dot of such a
scatter lies on a line's path, the dots are that line's points, and the scatter no series.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .lines import Trace

ON_PATH = 4.0  # image pixels (and line widths): how far a dot's centre may lie off the path
LEAST_DOTS = 2


def dots_on_lines(traces: list[Trace], reach: float) -> list[Trace]:
    """``traces`` with every scatter whose dots all lie on one line's
    path given to that line as its points and dropped."""
    taken: set[int] = set()
    for line in traces:
        if line.style != "line" or line.path is None or len(line.path) < 2:
            continue
        for index, dots in enumerate(traces):
            if (index in taken or dots.style != "scatter" or len(dots.points) < LEAST_DOTS
                    or len(dots.points) > len(line.points)):
                continue
            if all(_on_path(point, line.path, max(ON_PATH, reach)) for point in dots.points):
                line.points = list(dots.points)
                taken.add(index)
                break
    return [trace for index, trace in enumerate(traces) if index not in taken]


def _on_path(point: tuple[float, float], path: np.ndarray, reach: float) -> bool:
    """``point`` lies within ``reach`` of the path's row at its column (the path a line's
    row per column, image pixels)."""
    x, y = point
    if not path[0, 0] - reach <= x <= path[-1, 0] + reach:
        return False
    near = np.abs(path[:, 0] - x) <= reach
    return bool(near.any() and np.abs(path[near, 1] - y).min() <= reach)
