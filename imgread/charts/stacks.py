"""Stacked bars: a bar made of segments of several colours, one series each, is split into its
segments, each measured from its own foot (not from the axis' floor).

A column of bars found standing on the baseline is the whole stack (or its lowest segment,
where the segments are drawn apart by a thin stroke in the page's colour). Up the middle of
each bar, rows are taken by their median colour; runs of one colour taller than a stroke are
segments, and thin runs between them (strokes, edges, a gridline over the bar, a text line)
are their boundaries. A chart is stacked where most bars show two segments or more whose
colours recur from bar to bar, as a palette of series does.
"""

from __future__ import annotations

import numpy as np

from ..record import Box
from .bars import RawBar
from .pixels import cluster_colours, distance

PAGE_GAP = 4  # px: a stroke of the page's colour this thin between segments still joins them
SEGMENT_SHARE = 0.025  # of the plot's height: the least a segment stands (and 4 px)
SEGMENT_COLOURS = 40.0  # RGB distance: two runs this far apart are two segments
SHADE_STEP = 6.0  # RGB distance: the most a shaded fill changes from one row to the next
STACKED_SHARE = 0.5  # of the bars: how many must show two segments or more


def split_stacks(rgb: np.ndarray, bars: list[RawBar], area: Box, bg: np.ndarray
                 ) -> list[RawBar]:
    """The bars' segments where the chart is stacked, each marked ``stacked``; else the bars."""
    if len(bars) < 2 or any(bar.lollipop for bar in bars):  # (a stem is no segment)
        return bars
    least = max(4.0, SEGMENT_SHARE * area.height)
    whole = _pieces_joined(bars)
    stacks = [_segments(rgb, bar, area, bg, least) for bar in whole]
    several = [stack for stack in stacks if len(stack) >= 2]
    if len(several) < max(2, STACKED_SHARE * len(bars)):
        return bars
    # a palette of series: some colour stands above the floor in two bars or more
    upper = [segment.colour for stack in several for segment in stack[1:]]
    groups = cluster_colours(upper, SEGMENT_COLOURS / 2)
    if max(groups.count(g) for g in set(groups)) < 2:
        return bars
    split: list[RawBar] = []
    for bar, stack in zip(whole, stacks, strict=True):
        split.extend(stack if len(stack) >= 2 else [bar])
    return split


def _pieces_joined(bars: list[RawBar]) -> list[RawBar]:
    """Pieces of one stack side by side made whole: a label boxed over a segment near the
    stack's end ends the columns under it there, so a stack is found as pieces of one foot,
    touching, together no wider than a bar, their tops apart."""
    typical = float(np.percentile([bar.width for bar in bars], 75))
    joined: list[RawBar] = []
    for bar in sorted(bars, key=lambda b: b.x1):
        last = joined[-1] if joined else None
        if (last is not None and bar.x1 - last.x2 <= PIECE_GAP
                and bar.x2 - last.x1 <= 1.3 * typical
                and abs(bar.bottom - last.bottom) <= PIECE_GAP):
            taller = last if last.top <= bar.top else bar
            joined[-1] = RawBar(x1=last.x1, x2=bar.x2, top=min(last.top, bar.top),
                                bottom=max(last.bottom, bar.bottom), colour=taller.colour)
            continue
        joined.append(bar)
    return joined


PIECE_GAP = 2  # px: pieces of one stack this close side by side, feet this close, are one


def _segments(rgb: np.ndarray, bar: RawBar, area: Box, bg: np.ndarray, least: float
              ) -> list[RawBar]:
    """The bar's segments from its foot up (the lowest first), through thin strokes."""
    x1 = int(bar.x1 + 0.2 * bar.width)
    x2 = max(x1 + 1, int(np.ceil(bar.x2 - 0.2 * bar.width)))
    bottom = min(rgb.shape[0], round(bar.bottom))
    # from the image's top: bars that all reach 100% may run past the area (a last tick OCR
    # lost, cut at the image's edge, ends it short) and past the top found for them (the
    # runs end where the page shows, above the stack)
    start = 0
    column = rgb[:bottom, x1:x2].astype(np.float32)
    if column.size == 0:
        return [bar]
    rows = np.median(column, axis=1)  # each row's colour, text and thin marks aside
    page = distance(rows[None], bg)[0] < SEGMENT_COLOURS / 2
    # from the foot up: runs of one colour, ended by the page showing for more than a stroke
    runs: list[list[int]] = []  # [first row, last row] from the top, in crop rows
    colours: list[list[float]] = []
    blank = 0
    # plain floats, compared squared: the loop is per pixel row (medians of 8-bit values are
    # halves, so the sums are exact and the test is the same as on the norm); the cheap
    # test first, the channels written out (a generator per row cost a third of the loop)
    listed = rows.tolist()
    paged = page.tolist()
    for row in range(len(rows) - 1, -1, -1):
        if paged[row]:
            blank += 1
            if blank > PAGE_GAP and runs:
                break
            continue
        blank = 0
        if colours and runs[-1][0] - row <= PAGE_GAP + 1:
            (red, green, blue), (red0, green0, blue0) = listed[row], colours[-1]
            (red1, green1, blue1) = listed[row + 1]
            if (red - red0) ** 2 + (green - green0) ** 2 + (blue - blue0) ** 2 \
                    < SEGMENT_COLOURS ** 2 or (red - red1) ** 2 + (green - green1) ** 2 \
                    + (blue - blue1) ** 2 < SHADE_STEP ** 2:
                # (a shaded fill drifts from its first colour a little a row: one run)
                runs[-1][0] = row
                continue
        runs.append([row, row])
        colours.append(listed[row])
    kept = [(run, colour) for run in runs if run[1] - run[0] + 1 >= least
            and _filled(column, run, colour := _run_colour(rows, run))]
    # a thin run between two of one colour (a gridline, a text line) does not part them
    merged: list[tuple[list[int], np.ndarray]] = []
    for run, colour in kept:
        if merged and float(np.linalg.norm(colour - merged[-1][1])) < SEGMENT_COLOURS:
            merged[-1][0][0] = run[0]
            continue
        merged.append((run, colour))
    if len(merged) < 2:
        return [bar]
    segments = []
    for index, (run, colour) in enumerate(merged):
        # boundaries halfway through the strokes between segments; the foot is the bar's
        foot = bar.bottom if index == 0 else start + (merged[index - 1][0][0] + run[1] + 1) / 2
        top = start + (
            run[0] if index == len(merged) - 1 else (run[0] + merged[index + 1][0][1] + 1) / 2)
        segments.append(RawBar(x1=bar.x1, x2=bar.x2, top=float(top), bottom=float(foot),
                               colour=colour, stacked=True))
    return segments


def _filled(column: np.ndarray, run: list[int], colour: np.ndarray) -> bool:
    """Most of a run's pixels are its colour: a segment is filled, a line of text printed
    over the bar (its value label, unread, touching its top) is strokes and page."""
    pixels = column[run[0] : run[1] + 1]
    return float((distance(pixels, colour) < SEGMENT_COLOURS).mean()) >= FILLED_SHARE


FILLED_SHARE = 0.7  # of a run's pixels in its colour: a segment, not a line of text


def _run_colour(rows: np.ndarray, run: list[int]) -> np.ndarray:
    """A run's colour from its middle rows (its edges blend into its neighbours)."""
    first, last = run
    inner = rows[first + (last - first) // 4 : last - (last - first) // 4 + 1]
    return np.median(inner if len(inner) else rows[first : last + 1], axis=0)
