"""Dotted guide lines: rows or columns of short dashes at a fixed period running across the
whole plot at every tick (pygal's guides at scale 1). OCR reads them as words ("eee",
"<-----") that swallow the tick labels they start beside, and the line tracer takes
them for dashed series; a gridline drawn solid is taken out as a rule, these are not.

A guide is told by its regularity, not its colour: a thin row (or column) of ink whose
runs are short and start at one period along most of it, the ground showing between
them; guides come in sets, several parallel ones over one stretch (one dashed reference
line is no guide). They are painted over with what lies beside them, except where
another colour crosses them (a series' line).
"""

from __future__ import annotations

import cv2
import numpy as np

from .pixels import distance

INK = 20  # grey levels from the pixels beside: ink
REACH = 2  # pixels: where "beside" a guide (a guide two pixels thick stays thin)
MIN_DASHES = 12  # runs along a guide
LONGEST_DASH = 8  # pixels: a dash longer is a drawn line's stretch, not a dot or dash
SAME_PERIOD = 1.5  # pixels: starts one period apart within this
REGULAR_SHARE = 0.6  # of the steps between dashes: at the period (crossings break a few)
SETTLED = 3  # regular steps in a row: a guide's dashes have begun
MIN_GUIDES = 3  # parallel guides over one stretch: a set of guides
SPAN_SLACK = 0.05  # of the stretch: guides of a set start and end together within this
THICKEST = 3  # rows: a guide is thinner (two, blurred to three in a JPEG)
PLAIN_SHARE = 0.8  # of the pixels between a guide's dashes: like the rows beside
CROSSING = 80  # colour distance from the guide's colour: a line crossing it, kept


def _guide_rows(ink: np.ndarray, grey: np.ndarray, min_span: int
                ) -> list[tuple[int, int, int, float]]:
    """Rows of ``ink`` (thin strokes of ``grey``) that are dotted guides: (row, first
    pixel, last pixel, period)."""
    found: list[tuple[int, int, int, float]] = []
    for row in map(int, _regular_rows(ink)):
        line = ink[row].astype(np.int8)
        edges = np.diff(np.concatenate(([0], line, [0])))
        starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
        lengths = ends - starts
        short = lengths <= LONGEST_DASH
        if short.sum() < MIN_DASHES or short.mean() < REGULAR_SHARE:
            continue
        steps = np.diff(starts[short])
        period = float(np.median(steps))
        if period < 2 or period > 2.5 * LONGEST_DASH:
            continue
        regular = np.abs(steps - period) <= SAME_PERIOD
        stretch = _regular_stretch(regular)
        if stretch is None:
            continue
        # (the guide's ends are where its dashes step regularly: a tick label set on the
        # guide's row, beside its first dash, is no part of it and is left as it is)
        first, last = int(starts[short][stretch[0]]), int(ends[short][stretch[1] + 1])
        # (words in a row step at their strokes' period too, but only across each word:
        # a guide's regular steps cover most of its length)
        covered = float(steps[regular].sum()) / max(last - first, 1)
        if regular.mean() >= REGULAR_SHARE and covered >= REGULAR_SHARE \
                and last - first >= min_span and _on_plain_ground(grey, ink, row, first, last):
            found.append((row, first, last, period))
    return found


def _regular_rows(ink: np.ndarray) -> np.ndarray:
    """The rows whose short runs of ink step at one period over most of them, found for all
    rows at once by the tests :func:`_guide_rows` makes of each row first (a text line's
    strokes pass few of them; a page holds hundreds of such rows, each a dozen numpy calls
    when looked at alone). Only these can hold a guide: the others fail the same tests."""
    transitions = np.count_nonzero(np.diff(ink.astype(np.int8), axis=1), axis=1)
    padded = np.zeros((ink.shape[0], ink.shape[1] + 2), np.int8)
    padded[:, 1:-1] = ink
    edges = np.diff(padded, axis=1)
    rows, starts = np.nonzero(edges == 1)  # (row by row, left to right: each run's start
    ends = np.nonzero(edges == -1)[1]  # and its end pair up)
    short = ends - starts <= LONGEST_DASH
    runs = np.bincount(rows, minlength=ink.shape[0])
    dashes = np.bincount(rows[short], minlength=ink.shape[0])
    wanted = ((transitions >= 2 * MIN_DASHES) & (dashes >= MIN_DASHES)
              & (dashes / np.maximum(runs, 1) >= REGULAR_SHARE))
    # the steps between the starts of a row's short runs, and their median: the period
    dash_rows, dash_starts = rows[short], starts[short]
    keep = wanted[dash_rows]
    dash_rows, dash_starts = dash_rows[keep], dash_starts[keep]
    same_row = dash_rows[1:] == dash_rows[:-1]
    step_rows, steps = dash_rows[1:][same_row], np.diff(dash_starts)[same_row]
    order = np.lexsort((steps, step_rows))
    step_rows, steps = step_rows[order], steps[order]
    counts = np.bincount(step_rows, minlength=ink.shape[0])
    firsts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    period = np.zeros(ink.shape[0])
    where = np.flatnonzero(wanted & (counts > 0))
    low = firsts[where] + (counts[where] - 1) // 2
    high = firsts[where] + counts[where] // 2
    period[where] = (steps[low] + steps[high]) / 2
    wanted &= (period >= 2) & (period <= 2.5 * LONGEST_DASH)
    regular = np.abs(steps - period[step_rows]) <= SAME_PERIOD
    steady = np.bincount(step_rows[regular], minlength=ink.shape[0])
    return np.flatnonzero(wanted & (steady / np.maximum(counts, 1) >= REGULAR_SHARE))


def _regular_stretch(regular: np.ndarray) -> tuple[int, int] | None:
    """The first and last steps of ``regular`` that open or close :data:`SETTLED` regular
    steps in a row: the stretch a guide's dashes run over (a crossing line breaks a step
    inside it)."""
    runs = np.convolve(regular.astype(np.int8), np.ones(SETTLED, np.int8), "valid") == SETTLED
    settled = np.flatnonzero(runs)
    if not len(settled):
        return None
    return int(settled[0]), int(settled[-1]) + SETTLED - 1


def _on_plain_ground(grey: np.ndarray, ink: np.ndarray, row: int, first: int, last: int
                     ) -> bool:
    """Between its dashes a guide shows the ground it is drawn on, as the rows beside do
    (the stripes of a hatched fill step at a period too, but across them the fill and the
    stripes alternate)."""
    gaps = ~ink[row, first:last]
    line = grey[row, first:last]
    plain = (np.abs(line - grey[row - REACH, first:last]) <= INK) & (
        np.abs(line - grey[row + REACH, first:last]) <= INK)
    return bool(plain[gaps].mean() >= PLAIN_SHARE) if gaps.any() else False


def _sets_of_guides(rows: list[tuple[int, int, int, float]]) -> list[tuple[int, int, int]]:
    """The rows (row, first, last) that belong to a set: at least :data:`MIN_GUIDES` rows
    apart from each other (a guide a pixel or two thick is one) starting and ending
    together (major and minor guides may be dashed at different periods)."""
    kept: list[tuple[int, int, int]] = []
    found = {row for row, *_ in rows}
    for row, first, last, period in rows:
        if all(row + k in found for k in range(-THICKEST, 1)) or all(
                row + k in found for k in range(THICKEST + 1)):
            continue  # a band of such rows is a hatched or textured fill (or the columns
            # across a set of solid gridlines, which meet them at a period), not a guide
        slack = SPAN_SLACK * (last - first) + period
        mates = {r for r, f, la, _ in rows if abs(f - first) <= slack and abs(la - last) <= slack}
        guides = sum(1 for r in mates if not any(0 < r - q <= 2 for q in mates))
        if guides >= MIN_GUIDES:
            kept.append((row, first, last))
    return kept


def _thin_ink(grey: np.ndarray) -> np.ndarray:
    """Pixels unlike both pixels :data:`REACH` rows above and below: thin horizontal strokes,
    on any page or plot background (a shaded plot, a dark theme)."""
    above = np.abs(grey[REACH:-REACH] - grey[: -2 * REACH])
    below = np.abs(grey[REACH:-REACH] - grey[2 * REACH :])
    thin = np.zeros(grey.shape, bool)
    thin[REACH:-REACH] = np.minimum(above, below) > INK
    return thin


def without_dotted_guides(rgb: np.ndarray) -> np.ndarray | None:
    """``rgb`` with its dotted guides painted over by what lies beside them, or None where
    it has none. Pixels far from a guide's own colour (a series crossing it) stay."""
    out: np.ndarray | None = None
    for along_rows in (True, False):
        source = rgb if out is None else out  # (columns over the rows already painted)
        grey = cv2.cvtColor(source, cv2.COLOR_RGB2GRAY).astype(np.int16)
        grey = grey if along_rows else np.ascontiguousarray(grey.T)
        mask = _thin_ink(grey)
        rows = _guide_rows(mask, grey, int(0.3 * mask.shape[1]))
        for index, first, last in _sets_of_guides(rows):
            if out is None:
                out = rgb.copy()
            target = out if along_rows else out.transpose(1, 0, 2)
            band = target[index, first:last]
            on = mask[index, first:last]
            colour = np.median(band[on], axis=0)
            erase = on & (distance(band, colour) < CROSSING)
            beside = (target[index - REACH, first:last].astype(np.float32)
                      + target[index + REACH, first:last]) / 2
            band[erase] = beside[erase].astype(rgb.dtype)
    return out
