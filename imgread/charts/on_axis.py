"""Bars measured on their axis end within its reach: else the "axis" is numbers that label
something else (a post's counts of replies and likes, a table's column) and the "bars"
are a page's cards, fills and edges.

A chart's value axis spans its bars: its ticks run from zero (or from a little under the
shortest bar) to about the longest, a step further at most (a few where OCR lost the top
ticks). A bar measured far past the last tick read, or short of zero where no tick is
negative (as far under the lowest as over the highest where one is), is no bar drawn on
that axis (on a log axis, where bars start at the plot's
foot: as many steps either way).
"""

from __future__ import annotations

from ..record import Axis, Chart

REACH_STEPS = 3.0  # tick steps past the last tick read (the top ones may be lost to OCR)
UNDER_STEPS = 0.25  # tick steps under zero (or the first tick): a short bar's blur


def marks_off_their_axis(chart: Chart) -> bool:
    """Most of a bar chart's measured bars (two at least) end beyond their value axis's
    reach: past the last tick read by more than three steps (OCR may lose the top ticks, not
    a whole axis), or under zero and the first tick."""
    if chart.kind not in ("bar", "hbar"):
        return False
    orientation = "x" if chart.kind == "hbar" else "y"
    axis = next((a for a in chart.axes if a.orientation == orientation), None)
    values = [p.y for s in chart.series for p in s.points
              if p.provenance == "measured" and p.y is not None]
    if axis is None or len(values) < 2:
        return False
    off = sum(not _within_reach(axis, value) for value in values)
    return off > 0.5 * len(values)


def _within_reach(axis: Axis, value: float) -> bool:
    ticks = sorted({t.value for t in axis.ticks})
    if len(ticks) < 2:
        return True
    low, high = ticks[0], ticks[-1]
    if axis.scale == "log":
        if low <= 0 or value <= 0:
            return value > 0
        ratio = (high / low) ** (1 / (len(ticks) - 1))
        return low / ratio**REACH_STEPS <= value <= high * ratio**REACH_STEPS
    step = (high - low) / (len(ticks) - 1)
    # an axis read below zero (gains and losses) reaches as far below its lowest tick as
    # above its highest: a loss may run past the plot's foot, its lowest ticks lost to OCR
    under = REACH_STEPS if low < 0 else UNDER_STEPS
    return min(low, 0.0) - under * step <= value <= high + REACH_STEPS * step
