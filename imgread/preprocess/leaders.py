"""Leaders: the rows of dots (or middle dots, or dashes) a table set like a book's contents
runs from a name to its first value, or between every column ("Mistral-7B ...... 71.2").
OCR reads them as "....", ":", "-", or joins them to the name or the number beside them
("Mistral-7B.....", "..71.2"), which then is no number. A leader is found by its shape, not
as text: small marks alike in size, standing alone, on one line at one pitch, with
nothing between them; it is painted over before OCR. A decimal point or a full stop stands
beside a glyph; a row of decimal points across columns has digits between them; an
ellipsis has three dots."""

from __future__ import annotations

import cv2
import numpy as np

from .steps import binarise, paint_over

# A mark of a leader: its box and its component's label.
Mark = tuple[int, int, int, int, int]

# Fewest marks in a leader (an ellipsis has three), and the widest pitch, in x-heights: a
# contents page spaces its dots by up to an em; a row of dashes for missing values is a
# column apart.
LEAST_MARKS = 4
MOST_PITCH = 2.6


def _marks(labels: np.ndarray, stats: np.ndarray, ink: np.ndarray,
           x_height: float) -> list[Mark]:
    """Components the size of a dot or a dash, with no other ink near them above or below
    (an "i" has its stem, a colon its other dot, within the margin): (x, y, w, h, label)."""
    dot = max(2.0, 0.6 * x_height)
    dash = max(3.0, 1.6 * x_height)
    margin = max(2, round(0.5 * x_height))
    wide, tall, area = (stats[:, k].astype(float) for k in
                        (cv2.CC_STAT_WIDTH, cv2.CC_STAT_HEIGHT, cv2.CC_STAT_AREA))
    flat = (tall <= max(2.0, 0.4 * x_height)) & (wide <= dash) & (wide >= 1.5 * tall)
    round_mark = ((wide <= dot) & (tall <= dot) & (wide >= 0.4 * tall) & (wide <= 2.5 * tall)
                  & (area >= 0.4 * wide * tall))
    found = []
    for label in np.flatnonzero(flat | round_mark).tolist():
        if label == 0:
            continue
        x, y, w, h, _ = stats[label].tolist()
        y1, y2 = max(0, y - margin), min(ink.shape[0], y + h + margin)
        x1, x2 = max(0, x - 1), min(ink.shape[1], x + w + 1)
        around = ink[y1:y2, x1:x2] & (labels[y1:y2, x1:x2] != label)
        if not around.any():
            found.append((x, y, w, h, label))
    return found


def _alike(a: Mark, b: Mark) -> bool:
    """Two marks of one leader: one size (a pixel's give, or a fifth), on one line."""
    _, ay, aw, ah, _ = a
    _, by, bw, bh, _ = b
    return (abs(aw - bw) <= max(1, 0.25 * aw) and abs(ah - bh) <= max(1, 0.25 * ah)
            and abs((ay + ah / 2) - (by + bh / 2)) <= max(1.0, 0.15 * max(ah, 4)))


def _nothing_between(ink: np.ndarray, a: Mark, b: Mark,
                     x_height: float) -> bool:
    """No ink in the band of a line's letters between two marks (digits stand between
    the decimal points of a row of numbers)."""
    ax, ay, aw, ah, _ = a
    bx = b[0]
    middle = ay + ah / 2
    top, bottom = max(0, round(middle - x_height)), round(middle + 0.6 * x_height) + 1
    return not ink[top:bottom, ax + aw + 1 : bx - 1].any()


def _clipped_end(chain: list[Mark],
                 marks: list[Mark], used: set[int],
                 ink: np.ndarray, x_height: float) -> list[Mark]:
    """The piece of a mark a cell's edge clipped at the leader's end (a browser cuts the
    leader's text at the cell's edge): as tall, narrower, within a pitch. Left there, it
    reads as a minus before the value ("-71.5")."""
    last, pitch = chain[-1], chain[-1][0] - chain[-2][0]
    for mark in marks:
        if (mark[4] not in used and mark not in chain and 0 < mark[0] - last[0] <= 1.3 * pitch
                and mark[2] <= last[2] and abs(mark[3] - last[3]) <= 1
                and abs((mark[1] + mark[3] / 2) - (last[1] + last[3] / 2)) <= 1.0
                and _nothing_between(ink, last, mark, x_height)):
            return [mark]
    return []


def _chains(marks: list[Mark], ink: np.ndarray,
            x_height: float) -> list[list[Mark]]:
    """Runs of marks, each the next one's left neighbour on its line, at one pitch: four
    marks or more, or two or more on a line that holds such a run."""
    most_pitch = MOST_PITCH * x_height
    marks = sorted(marks, key=lambda m: m[0])
    used: set[int] = set()
    chains = []
    for start, first in enumerate(marks):
        if first[4] in used:
            continue
        chain = [first]
        for mark in marks[start + 1 :]:
            last = chain[-1]
            pitch = mark[0] - last[0]
            if pitch > most_pitch:
                break
            if mark[4] in used or pitch <= last[2] or not _alike(first, mark):
                continue
            if len(chain) >= 2 and abs(pitch - (chain[1][0] - chain[0][0])) > max(
                2, 0.2 * pitch
            ):
                continue
            if _nothing_between(ink, last, mark, x_height):
                chain.append(mark)
        if len(chain) >= 2:
            chain += _clipped_end(chain, marks, used, ink, x_height)
            chains.append(chain)
            used.update(m[4] for m in chain)
    # A short leader (two or three marks, between close columns) counts on a line that
    # holds a long one: the line is a contents line.
    lines = [c[0][1] + c[0][3] / 2 for c in chains if len(c) >= LEAST_MARKS]
    return [c for c in chains if len(c) >= LEAST_MARKS or any(
        abs(c[0][1] + c[0][3] / 2 - line) <= max(2.0, 0.3 * x_height) for line in lines)]


def _is_crossing(mask: np.ndarray, row: int) -> bool:
    """A typed rule's crossing: a bar ("|", narrow and upright) or a "+" (an upright at its
    middle and an arm either side on the rule's row). A letter or digit has its upright
    at a side ("B", "4") or no arms ("1")."""
    h, w = mask.shape
    if w <= max(2, 0.25 * h):
        return True
    upright = int(np.argmax(mask.sum(axis=0)))
    # the rule may run through either stroke of an "=" beside the "+": near its arm
    near = mask[max(0, row - h // 3) : max(0, row + h // 3 + 1)]
    quarter = max(1, w // 4)
    arms = (near[:, :quarter].any(axis=1) & near[:, -quarter:].any(axis=1)).any()
    return bool(arms) and abs(upright - (w - 1) / 2) <= max(1.0, w / 6)


def _is_dash(mark: Mark, x_height: float) -> bool:
    """A flat stroke, not a dot (a JPEG's dot is often a pixel wider than tall)."""
    return mark[2] >= max(2 * mark[3], 0.45 * x_height)


# How far a leader's end may stand from the text it leads from or to, in x-heights: a name
# ends a margin before its leader; a value set right in a wide column may stand its
# padding and the column's slack after it.
NAME_REACH = 3.0
VALUE_REACH = 24.0


def _row(chain: list[Mark]) -> float:
    return float(np.median([m[1] + m[3] / 2 for m in chain]))


def _text_at_end(chain: list[Mark], side: int, stats: np.ndarray,
                 x_height: float) -> int | None:
    """The component a run of marks meets first beyond its ``side`` end (-1 left, 1 right),
    in the band of its line's letters and within reach, past any speck no bigger than its
    marks (the run's other pieces, a dot the run left out: clipped, merged or faint). A
    speck standing apart with nothing beyond it is what the run meets (a dash for a value
    missing); None where nothing is."""
    row = _row(chain)
    x, y, w, h = (stats[:, k] for k in range(4))
    in_band = (y < row + 0.5 * x_height) & (y + h > row - x_height)
    in_band[0] = False
    pitch = chain[1][0] - chain[0][0]
    speck = (w <= 2 * max(m[2] for m in chain) + 1) & (h <= max(m[3] for m in chain) + 1)
    end = chain[0][0] if side < 0 else chain[-1][0] + chain[-1][2]
    reach = max((NAME_REACH if side < 0 else VALUE_REACH) * x_height, 3 * pitch)
    passed = np.zeros(len(stats), dtype=bool)
    passed[[m[4] for m in chain]] = True
    apart = None
    while True:
        gap = end - (x + w) if side < 0 else x - end
        beyond = x < end if side < 0 else x + w > end
        near = np.flatnonzero(in_band & beyond & (gap <= reach) & ~passed)
        if not len(near):
            return apart
        label = int(near[np.argmin(np.maximum(gap[near], 0))])
        if gap[label] < -max(1.0, 0.2 * x_height):
            return None  # the run passes under or over ink: a dotted underline, no leader
        if not speck[label]:
            return label
        apart = label if gap[label] > 3 * pitch else None
        passed[label] = True
        end = x[label] if side < 0 else x[label] + w[label]


def _word_box(label: int, side: int, stats: np.ndarray, row: float,
              x_height: float) -> tuple[int, int, int]:
    """Top and baseline of the glyphs within an x-height or so of ``label`` on its line,
    away from the run: their feet's upper quartile (a descender goes below the baseline, a
    glyph binarised in pieces may stop above it), and how many they are."""
    x, y, w, h = (stats[:, k] for k in range(4))
    lx, _, lw, _, _ = stats[label].tolist()
    near = ((x + w >= lx - 1.5 * x_height) & (x <= lx + lw) if side < 0 else
            (x <= lx + lw + 1.5 * x_height) & (x + w >= lx))
    near &= (y < row + 0.5 * x_height) & (y + h > row - 1.5 * x_height) & (h >= 0.5 * x_height)
    near[0] = False
    near[label] = True
    return int(y[near].min()), int(np.percentile((y + h)[near], 75)), int(near.sum())


def _is_text(label: int, side: int, chain: list[Mark], stats: np.ndarray,
             x_height: float) -> bool:
    """The text of the run's own line: a letter or digit several times its marks' size (no
    bar or plot line: too tall or too long; no colour patch: a solid block; no dot of a
    dotted line: as small as the marks), whose word stands over the marks, on its
    baseline or above it; or a lone dash standing for a missing value."""
    _, _, w, h, area = stats[label].tolist()
    mark_h = max(m[3] for m in chain)
    mark_w = max(m[2] for m in chain)
    if h <= max(2.0, 0.4 * x_height) and w >= max(2 * h, 0.45 * x_height):
        return True  # "–", a value missing, after the leader or before the next one
    dots = not _is_dash(chain[0], x_height)
    if (h > 3 * x_height or w > 4 * x_height or (dots and max(h, w) <= 1.5 * mark_w)
            or (area >= 0.85 * w * h and w >= 0.5 * h)):
        return False
    top, baseline, glyphs = _word_box(label, side, stats, _row(chain), x_height)
    if w <= 0.3 * h and glyphs == 1:
        return False  # an upright stroke alone: an axis's tick, not a word's "l" or "1"
    # on the baseline or above it, never under it as a dotted underline runs
    return (max(0.6 * x_height, 2 * mark_h) <= baseline - top
            and top <= _row(chain) <= baseline + max(1.0, 0.15 * x_height))


def _ends_in_text(chain: list[Mark], labels: np.ndarray, stats: np.ndarray,
                  x_height: float) -> bool:
    """Both ends of a run meet text of its line: the end of a name, the start of a value or
    of the next column's text. A chart's gridline runs out into its plot or into a bar, a
    dotted plot line into its own next dots: neither ends in text at both ends. A row of
    dashes between two crossings ("+", "|") is a typed rule, not a leader."""
    ends = []
    for side in (-1, 1):
        label = _text_at_end(chain, side, stats, x_height)
        if label is None or not _is_text(label, side, chain, stats, x_height):
            return False
        ends.append(label)
    if not _is_dash(chain[0], x_height):
        return True
    row, crossings = round(_row(chain)), 0
    for label in ends:
        lx, ly, lw, lh, _ = stats[label].tolist()
        crossings += _is_crossing(labels[ly : ly + lh, lx : lx + lw] == label, row - ly)
    return crossings < 2


def _in_plot(chain: list[Mark], plot: tuple[int, int, int, int] | None) -> bool:
    """The run lies inside the box a chart's axes enclose."""
    if plot is None:
        return False
    x1, y1, x2, y2 = plot
    return (x1 <= chain[0][0] and chain[-1][0] + chain[-1][2] <= x2
            and y1 <= chain[0][1] <= y2)


def erase_leaders(grey: np.ndarray, x_height: float,
                  plot: tuple[int, int, int, int] | None = None) -> tuple[np.ndarray, bool]:
    """The grey image with leaders painted in the ground's colour, with the pale rim a
    JPEG leaves round each mark. ``plot``: the box a chart's axes enclose, where no run of
    dots or dashes is a leader."""
    if x_height <= 0:
        return grey, False
    ink = binarise(grey) > 0
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8), connectivity=8)
    marks = _marks(labels, stats, ink, x_height)
    if len(marks) < LEAST_MARKS:
        return grey, False
    leader_labels = [
        m[4]
        for chain in _chains(marks, ink, x_height)
        if not _in_plot(chain, plot) and _ends_in_text(chain, labels, stats, x_height)
        for m in chain
    ]
    if not leader_labels:
        return grey, False
    leaders = np.isin(labels, leader_labels)
    rim = cv2.dilate(leaders.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
    return paint_over(grey, ink, leaders | (rim & ~ink))
