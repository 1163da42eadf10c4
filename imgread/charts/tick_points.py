"""Points of lines drawn without markers, read where the x ticks stand.

Such a line shows its data points only where it bends: a point on a straight stretch (the
data rising evenly through it) leaves no corner for the traced polyline to find. Most
charts set their ticks, or their category names, at the data's x positions; where the
corners found do stand at the ticks, a tick the line passes without a corner is a point
too, read from the line's path in the tick's column.
"""

from __future__ import annotations

import numpy as np

from .lines import Trace

AT_TICK = 0.06  # of the ticks' spacing: a corner this near a tick stands at it
DATA_AT_TICKS = 0.6  # share of the ticks the lines pass that have a corner: data at ticks
LEAST_TICKS = 3  # ticks the lines pass between their ends at least, for the share to tell
PATH_REACH = 2.0  # image pixels either side of a tick's column: the path's row there


def with_tick_points(traces: list[Trace], ticks: list[float]) -> None:
    """Adds to each line traced without markers a point at every tick (image x) it passes
    without a corner near, where most ticks the lines pass have one."""
    lines = [t for t in traces if t.path is not None and len(t.path)]
    ticks = sorted(ticks)
    if not lines or len(ticks) < 2:
        return
    reach = AT_TICK * float(np.median(np.diff(ticks)))
    passed = cornered = 0
    missing: list[tuple[Trace, float]] = []
    for trace in lines:
        assert trace.path is not None
        start, end = trace.path[0, 0], trace.path[-1, 0]
        corners = np.array([x for x, _ in trace.points])
        # (a line's ends are corners wherever they stand: only the ticks between tell)
        for tick in ticks:
            if not start + reach < tick < end - reach:
                continue
            passed += 1
            if len(corners) and np.abs(corners - tick).min() <= reach:
                cornered += 1
            else:
                missing.append((trace, tick))
    if passed < LEAST_TICKS or cornered < DATA_AT_TICKS * passed:
        return
    for trace, tick in missing:
        assert trace.path is not None
        near = np.abs(trace.path[:, 0] - tick) <= PATH_REACH
        if near.any():
            trace.points = sorted([*trace.points,
                                   (float(tick), float(np.median(trace.path[near, 1])))])
