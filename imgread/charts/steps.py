"""Step lines: a line drawn as flat runs joined by upright risers (Vega-Lite's ``step``,
``step-after`` and ``step-before``, matplotlib's ``drawstyle="steps-*"``).

Its corners are the risers' two ends, stacked in one column: two per value, neither at the
value's x. Each flat run holds one value. Where the value stands along its run the line's
ends tell: a line that ends on a riser steps after its points (each run starts at its
point, and the last point is the top of that riser), one that starts on a riser steps
before them (each run ends at its point), and one with a flat run at each end steps
midway (each run is centred on its point, the first and last halves of runs).
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np

RUN_SHARE = 0.025  # of the line's span: the shortest flat run of a step line
FLAT_ROWS = 1.0  # rows a flat run's path may wander (anti-aliasing, JPEG) either side
RUN_COVER = 0.8  # of the span: the least the flat runs cover together
RISE_SHARE = 0.8  # of the path's whole vertical travel: the least made on the risers
RISER_COLUMNS = 3  # the most columns from one flat run to the next


def step_points(own: np.ndarray, columns: np.ndarray, rows: list[float], thickness: float
                ) -> list[tuple[float, float]] | None:
    """A step line's points (work pixels), or None when the line is not drawn in steps."""
    span = int(columns[-1] - columns[0]) + 1
    runs = _flat_runs(columns, rows, max(4, round(RUN_SHARE * span)))
    if len(runs) < 2 or sum(end - start + 1 for start, end, _ in runs) < RUN_COVER * span:
        return None
    rise = min(3.0, 2.0 * thickness)  # a riser lifts the line more than its width
    risers = 0
    for (_, end, level), (start, _, next_level) in pairwise(runs):
        between = int(((columns > end) & (columns < start)).sum())
        if between > RISER_COLUMNS:
            return None  # a slope between two flat stretches: a line, not a step
        risers += abs(next_level - level) >= rise
    travel = float(np.abs(np.diff(rows)).sum())
    jumps = sum(abs(b[2] - a[2]) for a, b in pairwise(runs))
    if risers < 0.6 * (len(runs) - 1) or jumps < RISE_SHARE * travel:
        return None
    first, last = int(columns[0]), int(columns[-1])
    start_rise = _riser_end(own[:, first : first + 2], runs[0][2], thickness)
    end_rise = _riser_end(own[:, max(0, last - 1) : last + 1], runs[-1][2], thickness)
    if end_rise is not None:  # steps after its points
        return [(float(start), level) for start, _, level in runs] + [(float(last), end_rise)]
    if start_rise is not None:  # steps before them
        return [(float(first), start_rise)] + [(float(end), level) for _, end, level in runs]
    middle = [((start + end) / 2, level) for start, end, level in runs[1:-1]]
    return [(float(runs[0][0]), runs[0][2]), *middle, (float(runs[-1][1]), runs[-1][2])]


def _flat_runs(columns: np.ndarray, rows: list[float], shortest: int
               ) -> list[tuple[int, int, float]]:
    """Stretches of the path at one row (first column, last column, row), left to right,
    ``shortest`` columns long at least."""
    runs: list[tuple[int, int, float]] = []
    begin = 0
    for index in range(1, len(rows) + 1):
        # (a run hidden for a while behind another line goes on at its row after it)
        if index < len(rows) and abs(rows[index] - rows[begin]) <= FLAT_ROWS:
            continue
        if columns[index - 1] - columns[begin] + 1 >= shortest:
            level = float(np.median(rows[begin:index]))
            runs.append((int(columns[begin]), int(columns[index - 1]), level))
        begin = index
    return runs


def _riser_end(edge: np.ndarray, level: float, thickness: float) -> float | None:
    """The far end of an upright stroke in the line's ``edge`` columns leaving the row
    ``level`` (where the line ends or starts on a riser), or None when they hold no such
    stroke."""
    on = np.flatnonzero(edge.any(axis=1))
    if len(on) == 0:
        return None
    near = on[np.abs(on - level) <= max(2.0, thickness)]
    if len(near) == 0:
        return None
    # the stroke through the run's row: pixels joined to it without a gap
    low = high = int(near[0])
    members = set(on.tolist())
    while low - 1 in members:
        low -= 1
    while high + 1 in members:
        high += 1
    if high - low + 1 < 2.0 * thickness + 3:
        return None
    return float(low if abs(low - level) > abs(high - level) else high)
