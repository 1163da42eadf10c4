"""Bars with printed values and no value axis: the labels are the scale.

A chart on a slide or in a post often drops its value axis and prints each bar's value at
its end. Each number is looked at where such a label stands: over a bar (the bar runs down
from just under it) or past one (the bar runs left from just before it). Bars found so that
share a foot (a baseline, or a left edge), at least three, whose lengths are proportional
to their labels (bars grow from zero), calibrate the value axis the chart does not draw:
value = k * length. The plot area is then where those bars stand, however much of a slide
editor, a post or a dashboard lies around it, and the bars are read there as on an axis.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..config import OcrSettings
from ..ocr.phrase import Phrase
from ..record import Box, Chart, Flag, Word
from ..units import parse_number
from .axes import Fit
from .bars import bar_like, find_bars
from .hbars import lying_bars
from .panels import Panel, inside
from .pixels import distance, plot_background
from .series import bar_chart
from .text import clean_words, phrases, plausible, read_label_text

INK = 40.0  # RGB distance: a pixel this far from the page is drawn; this near a bar's, is it
REACH = 2.5  # label heights between a label and its bar's end
FOOT_SLACK = 3.0  # px: the feet of bars standing on one baseline
PROPORTION_SHARE = 0.015  # of the largest value: a label its bar's length confirms
PROPORTION_PX = 2.0  # px of length a label may be off its bar (anti-aliased ends)
MIN_BARS = 3  # labelled bars that must agree: two points fit any scale through zero
AGREEING_SHARE = 0.6  # of the labelled bars on one foot


@dataclass
class Probed:
    """A bar found from its printed label, in image pixels; ``end`` is where it ends
    (its top, or its right end), ``foot`` where it starts (its bottom, or its left edge)."""

    label: Phrase
    end: float
    foot: float
    low: float  # its sides across: left and right (upright), top and bottom (lying)
    high: float

    @property
    def length(self) -> float:
        return abs(self.foot - self.end)


def read_printed_bars(
    rgb: np.ndarray, words: list[Word], found: list[Phrase], numbers: list[Phrase],
    text_boxes: list[Box], settings: OcrSettings | None,
) -> tuple[list[Chart], list[Flag]]:
    """The bar chart (upright, else lying) whose printed labels are its only scale."""
    for upright in (True, False):
        scale = label_scale(rgb, numbers, upright)
        if scale is None and not upright and settings is not None:
            # a sorted chart's first values alike (no scale in them), the rest unread
            numbers = numbers + _lying_labels_read_alone(rgb, numbers, settings)
            scale = label_scale(rgb, numbers, upright)
        if scale is None:
            continue
        fit, probed = scale
        read = (_upright_chart(rgb, fit, probed, words, found, numbers, text_boxes, settings)
                if upright else
                lying_bars(rgb, fit, _lying_area(probed, rgb.shape), words, found, numbers,
                           text_boxes, settings))
        if read[0]:
            return read
    return [], []


def bars_at_numbers(rgb: np.ndarray, words: list[Word]) -> bool:
    """Two numbers or more printed at the ends of bars (over them or past them) that start
    from one foot and are long beside their text: a chart whose printed values are its
    scale, worth a chart reading whatever the tables stage made of its rows of names and
    values (a sorted bar chart's first rows pass for a table)."""
    numbers = [p for p in phrases(clean_words(plausible(words))) if (p.value or 0) > 0]
    for probe in (_under, _before):
        feet = [round(bar.foot) for label in numbers
                if (bar := probe(rgb, label)) is not None
                and bar.length >= LONG_BAR * label.height]
        if any(sum(abs(other - foot) <= FOOT_SLACK for other in feet) >= 2 for foot in feet):
            return True
    return False


LONG_BAR = 4.0  # label heights: a bar this long beside its label is no cell's padding


def _pitch(probed: list[Probed]) -> float:
    """The distance between neighbouring bars (a bar's width where there is one)."""
    middles = sorted((bar.low + bar.high) / 2 for bar in probed)
    steps = np.diff(middles)
    return float(np.median(steps)) if len(steps) else probed[0].high - probed[0].low


def _upright_chart(
    rgb: np.ndarray, fit: Fit, probed: list[Probed], words: list[Word], found: list[Phrase],
    numbers: list[Phrase], text_boxes: list[Box], settings: OcrSettings | None,
) -> tuple[list[Chart], list[Flag]]:
    """The bars standing where the labelled ones do (and a step either side: a bar whose
    label OCR lost), read on the labels' scale."""
    height = float(np.median([bar.label.height for bar in probed]))
    step = _pitch(probed)
    foot = round(float(np.median([bar.foot for bar in probed])))
    area = Box(x1=max(0, int(min(bar.low for bar in probed) - step)),
               y1=max(0, int(min(bar.label.box.y1 for bar in probed) - height)),
               x2=min(rgb.shape[1], int(max(bar.high for bar in probed) + step)), y2=foot)
    bg = plot_background(rgb[area.y1 : area.y2, area.x1 : area.x2])
    bars = find_bars(rgb, area, text_boxes, bg)
    if len(bars) < 2 or not bar_like(bars, area):
        return [], []
    panel = Panel(y=fit, area=area, tick_left=area.x1, tick_height=height,
                  top_tick=min(bar.end for bar in probed), floor=foot)
    labels = [p for p in numbers if inside(p.box, area)]
    chart, flags = bar_chart(rgb, panel, bars, labels, found, words, bg, settings)
    return [chart], flags


def _lying_area(probed: list[Probed], shape: tuple[int, ...]) -> Box:
    """From just right of the bars' common left edge to past their labels, a step above
    the top bar and below the lowest (a bar whose label OCR lost)."""
    step = _pitch(probed)
    foot = float(np.median([bar.foot for bar in probed]))
    return Box(x1=int(foot) + 1, y1=max(0, int(min(bar.low for bar in probed) - step)),
               x2=min(shape[1], int(max(bar.label.box.x2 for bar in probed)) + 2),
               y2=min(shape[0], int(max(bar.high for bar in probed) + step)))


def _bar_runs(line: np.ndarray, page: np.ndarray, thickness: float) -> list[tuple[float, float]]:
    """The runs of drawn pixels along ``line`` about ``thickness`` long: bars crossed."""
    drawn = distance(line[None], page)[0] > INK
    edges = np.flatnonzero(np.diff(np.concatenate([[0], drawn.astype(np.int8), [0]])))
    return [(float(a), float(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)
            if 0.6 * thickness <= b - a <= 1.6 * thickness]


def _lying_labels_read_alone(rgb: np.ndarray, numbers: list[Phrase], settings: OcrSettings
                             ) -> list[Phrase]:
    """The numbers past the ends of the bars lying in the row of two labelled ones or more
    (on their foot, about as thick), where the page reading lost them, read alone."""
    probed = [bar for label in numbers if (label.value or 0) > 0
              for bar in [_before(rgb, label)] if bar is not None]
    feet = [round(bar.foot) for bar in probed]
    foot = max(feet, key=lambda f: sum(abs(other - f) <= FOOT_SLACK for other in feet),
               default=None)
    members = [bar for bar in probed if foot is not None and abs(bar.foot - foot) <= FOOT_SLACK]
    if foot is None or len(members) < 2 or foot + 2 >= rgb.shape[1]:
        return []
    height = float(np.median([bar.label.height for bar in members]))
    thickness = float(np.median([bar.high - bar.low for bar in members]))
    read: list[Phrase] = []
    for low, high in _bar_runs(rgb[:, foot + 2], _page(rgb, members), thickness):
        if any(low < bar.high and high > bar.low for bar in members):
            continue  # its label was read
        middle = int((low + high) / 2)
        _, end = _extent(rgb[middle], foot + 2, rgb[middle, foot + 2].astype(np.float32))
        if end - foot < LONG_BAR * height:
            continue
        box = Box(x1=end + 1, y1=max(0, int(middle - 0.9 * height)),
                  x2=min(rgb.shape[1], int(end + 6 * height)),
                  y2=min(rgb.shape[0], int(middle + 0.9 * height) + 1))
        text = read_label_text(rgb, box, settings, widen=False)
        if parse_number(text, whole=True) is not None:
            # boxed a text's height on the bar's middle, as a label the page read: a box as
            # tall as the window it was read in probes a thin bar's rows and the page's
            # round it, and finds no bar
            level = box.model_copy(update={"y1": int(middle - height / 2),
                                           "y2": int(middle + height / 2) + 1})
            read.append(Phrase.of([Word(text=text, confidence=READ_ALONE, box=level)]))
    return read


READ_ALONE = 80.0  # the confidence given a number read alone past a bar's end


def label_scale(rgb: np.ndarray, numbers: list[Phrase], upright: bool
                ) -> tuple[Fit, list[Probed]] | None:
    """The value axis that labelled bars standing on one foot calibrate, and those bars;
    None where no three labels' bars are in proportion."""
    probed = [bar for label in numbers if (label.value or 0) > 0
              for bar in [(_under if upright else _before)(rgb, label)] if bar is not None]
    best: tuple[Fit, list[Probed]] | None = None
    for foot in sorted({round(bar.foot) for bar in probed}):
        members = [bar for bar in probed if abs(bar.foot - foot) <= FOOT_SLACK]
        found = proportional(members, upright)
        if found is not None and (best is None or len(found[1]) > len(best[1])):
            best = found
    return best


def proportional(members: list[Probed], upright: bool) -> tuple[Fit, list[Probed]] | None:
    """value = k * length through the labelled bars on one foot, outlying labels (misread)
    left out; None where too few agree or all bars are one length (a row of shaded cells)."""
    if len(members) < MIN_BARS:
        return None
    lengths = np.array([bar.length for bar in members])
    values = np.array([float(bar.label.value or 0.0) for bar in members])
    if lengths.min() < 2 or lengths.max() < 1.1 * lengths.min():
        return None
    k = float(np.median(values / lengths))
    tolerance = max(PROPORTION_SHARE * float(values.max()), PROPORTION_PX * k)
    agree = np.abs(values - k * lengths) <= tolerance
    if agree.sum() < MIN_BARS or agree.sum() < AGREEING_SHARE * len(members):
        return None
    k = float((values[agree] @ lengths[agree]) / (lengths[agree] @ lengths[agree]))
    kept = [bar for bar, ok in zip(members, agree, strict=True) if ok]
    foot = float(np.median([bar.foot for bar in kept]))
    residual = float(np.max(np.abs(values[agree] / k - lengths[agree])))
    # the label's own text as the tick, moved to where its value lies: the bar's end
    ticks = [_moved(bar, upright) for bar in kept]
    if upright:  # value grows upward from the baseline: value = k * (foot - y)
        fit = Fit("y", "linear", -k, k * foot, ticks, residual)
    else:
        fit = Fit("x", "linear", k, -k * foot, ticks, residual)
    return fit, kept


def _moved(bar: Probed, upright: bool) -> Phrase:
    box = bar.label.box
    if upright:
        shift = round(bar.end - box.cy)
        moved = box.model_copy(update={"y1": box.y1 + shift, "y2": box.y2 + shift})
    else:
        shift = round(bar.end - box.cx)
        moved = box.model_copy(update={"x1": box.x1 + shift, "x2": box.x2 + shift})
    return replace(bar.label, box=moved)


def _page(rgb: np.ndarray, probed: list[Probed]) -> np.ndarray:
    """The page the labels are printed on (what lies between bars)."""
    rings = [ring for bar in probed if (ring := _page_around(rgb, bar.label.box)) is not None]
    return np.median(np.array(rings), axis=0)


def _page_around(rgb: np.ndarray, box: Box) -> np.ndarray | None:
    """The colour a label is printed on: the median of a ring just outside its box."""
    height, width = rgb.shape[:2]
    x1, y1 = max(0, box.x1 - 3), max(0, box.y1 - 3)
    x2, y2 = min(width, box.x2 + 3), min(height, box.y2 + 3)
    if x2 - x1 < 4 or y2 - y1 < 4:
        return None
    ring = np.concatenate([rgb[y1, x1:x2], rgb[y2 - 1, x1:x2], rgb[y1:y2, x1], rgb[y1:y2, x2 - 1]])
    return np.median(ring.astype(np.float32), axis=0)


def _under(rgb: np.ndarray, label: Phrase) -> Probed | None:
    """The bar standing under a label printed over it: a run of one colour from just under
    the label down to its foot, wider than a stroke, with the label's middle over it."""
    page = _page_around(rgb, label.box)
    if page is None:
        return None
    box, height = label.box, label.height
    quarter = max(1, box.width // 4)
    strip = rgb[:, max(0, int(box.cx) - quarter) : int(box.cx) + quarter + 1]
    start, stop = box.y2 + 1, min(rgb.shape[0], int(box.y2 + REACH * height))
    run = _run(strip[start:], page, stop - start)
    if run is None:
        return None
    top, bottom, colour = start + run[0], start + run[1], run[2]
    middle = rgb[(top + bottom) // 2]
    left, right = _extent(middle, int(box.cx), colour)
    if right - left < max(4, 0.3 * height):
        return None
    return Probed(label=label, end=float(top), foot=float(bottom), low=float(left),
                  high=float(right))


def _before(rgb: np.ndarray, label: Phrase) -> Probed | None:
    """The bar lying left of a label printed past its end: a run of one colour from just
    before the label back to its foot, thicker than a stroke, level with the label."""
    page = _page_around(rgb, label.box)
    if page is None:
        return None
    box, height = label.box, label.height
    quarter = max(1, box.height // 4)
    strip = rgb[max(0, int(box.cy) - quarter) : int(box.cy) + quarter + 1, : max(0, box.x1)]
    # turned so that the run goes "down" leftwards from the label
    turned = strip[:, ::-1].transpose(1, 0, 2)
    run = _run(turned, page, int(REACH * height))
    if run is None:
        return None
    end, foot = box.x1 - 1 - run[0], box.x1 - 1 - run[1]
    column = rgb[:, (end + foot) // 2 + 1]
    top, bottom = _extent(column, int(box.cy), run[2])
    if bottom - top < max(4, 0.5 * height):
        return None
    return Probed(label=label, end=float(end + 1), foot=float(foot + 1), low=float(top),
                  high=float(bottom))


def _run(strip: np.ndarray, page: np.ndarray, reach: int) -> tuple[int, int, np.ndarray] | None:
    """Along a strip's rows: the first row (within ``reach``) drawn across the strip, and
    where the run of that row's colour ends (gaps of a line's width bridged), with it."""
    if strip.shape[0] < 3 or strip.shape[1] == 0:
        return None
    drawn = (distance(strip[: reach + 1], page) > INK).mean(axis=1) >= 0.8
    rows = np.flatnonzero(drawn)
    if not len(rows):
        return None
    first = int(rows[0])
    sample = strip[first + 1 : first + 5]
    if not len(sample):
        return None
    colour = np.median(sample.reshape(-1, 3).astype(np.float32), axis=0)
    if float(np.linalg.norm(colour - page)) <= INK:
        return None
    own = (distance(strip[first:], colour) < INK).mean(axis=1) >= 0.6
    off = np.flatnonzero(~own)
    gaps = np.split(off, np.flatnonzero(np.diff(off) > 1) + 1) if len(off) else []
    last = len(own)
    for gap in gaps:  # a gap wider than a line ends the run
        if len(gap) > 2 or gap[-1] == len(own) - 1:
            last = int(gap[0])
            break
    if last < 2:
        return None
    return first, first + last, colour


def _extent(line: np.ndarray, at: int, colour: np.ndarray) -> tuple[int, int]:
    """The run of ``colour`` along one row (or column) of pixels through ``at``."""
    own = distance(line[None], colour)[0] < INK
    if not (0 <= at < len(own)) or not own[at]:
        return at, at
    off = np.flatnonzero(~own)
    before, after = off[off < at], off[off > at]
    return (int(before[-1]) + 1 if len(before) else 0), (int(after[0]) if len(after) else len(own))
