"""A line chart's categorical x axis: releases, versions, stages, months or checkpoints
printed evenly apart under the plot.

A row of labels set evenly apart whose texts do not make one numeric progression names
categories ("v1.0 v1.5 2.0", "Base SFT RLHF", "2024-03", "1.0 1.5 2.0 3.0"): each point
takes the name printed under it, as printed. Numbers among names are names there: a fit
through the row's plain numbers ("2.0 2.5 3.0" of "v1.0 v1.5 2.0 2.5 3.0") does not make
the axis numeric when a name beside them prints the number the fit puts at it ("v1.0" where
the fit reads 1.0), or when the fit leaves out a third of the row.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

import numpy as np

from ..ocr.phrase import Phrase
from ..record import Box, ChartPoint
from .axes import Fit
from .text import as_tick, unit_misread

ROW_SPAN = 7.0  # tick label heights under the plot's foot: how far down the category row may
# lie (the foot is placed at the lowest y label found, which may stand well above the axis)
MARK_SHARE = 0.6  # of the tick labels' height: a shorter "name" is a tick mark read as text
STEP_SLACK = 0.12  # of the step: how far a label may stand off its place on the even grid
FIT_SHARE = 2 / 3  # of the row: the least a numeric fit must take in to keep x numeric
MIN_ROW = 3
PROGRESSION_SLACK = 0.1  # of the step: how far a number may stand off an even progression
SIZES_SLACK = 0.05  # the same for sizes with their unit, which a plotting program sets
# where its scale puts them: off by OCR's jitter only


def category_row(found: list[Phrase], area: Box, tick_height: float, lowest_tick: float
                 ) -> list[Phrase]:
    """The row of labels under the plot, three or more level and set on an even grid (a
    label lost leaves a double step); [] where none is. The plot's foot may be placed off
    the axis line (a y axis reaching past its lowest label, or stopping at it): the row may
    lie anywhere below the lowest y label; a row under the plot area outranks one in it
    (values printed at a line's points), and the first row under it the rows further
    down (a legend below the plot, the axis title). Tick marks OCR read as
    letters ("T" under each name) are too short or too narrow to count."""
    top = min(area.y2 - 2, lowest_tick + tick_height)
    bottom = max(area.y2, lowest_tick) + ROW_SPAN * tick_height
    candidates = [
        p for p in found
        if p.confidence >= 40 and any(c.isalnum() for c in p.text)
        and p.height >= MARK_SHARE * tick_height
        and (len(p.text.strip()) > 1 or p.box.width >= 0.5 * p.height)
        and top <= p.box.y1 <= bottom and area.x1 - 20 <= p.box.cx <= area.x2 + 20
    ]
    best: list[Phrase] = []
    rank = (False, -np.inf)
    for seed in sorted(candidates, key=lambda p: p.box.cy):
        row = sorted((p for p in candidates if abs(p.box.cy - seed.box.cy) <= 0.5 * seed.height),
                     key=lambda p: p.box.cx)
        under = seed.box.y1 >= area.y2 - 2
        row_rank = (under, -seed.box.cy if under else seed.box.cy)
        if len(row) >= MIN_ROW and row_rank > rank and _on_even_grid(row):
            best, rank = row, row_rank
    return best


def _on_even_grid(row: list[Phrase]) -> bool:
    """Whether the labels' centres stand on whole multiples of one step (the smallest)."""
    return even_grid([p.box.cx for p in row], 1.2 * float(np.median([p.height for p in row])))


def even_grid(centres: list[float], least_step: float) -> bool:
    """Whether sorted centres stand on whole multiples of one step (the smallest), no
    shorter than ``least_step`` (words of one label are no labels)."""
    steps = np.diff(centres)
    step = float(steps.min())
    if step < least_step:
        return False
    multiples = np.round(steps / step)
    return bool(np.all(np.abs(steps - multiples * step) <= STEP_SLACK * step)
                and multiples.max() <= 3)


def is_categorical(row: list[Phrase], fit: Fit | None) -> bool:
    """Whether the row names categories though a numeric fit runs through some of it (a
    fit through none of it is another row's, and stays): it does where the fit leaves out
    a third of the row (a number it reads right where it stands counts as on it), or a
    name the fit left out prints the number the fit reads at it ("v1.0" where the fit
    says 1.0)."""
    row = sizes_restored(row)
    if len(row) < MIN_ROW or _progression(row):
        return False
    if fit is None:
        return True
    if fit.scale == "log":  # ticks on a log scale are a progression (by a factor); words
        # off it among them are misread powers ("10²¹"), not names; but sizes printed with
        # their unit that the fit misplaces are names set evenly apart ("1B 7B 13B 70B")
        return sizes_only(row) and not all(_agrees(p, fit, _step(row), SIZES_SLACK)
                                           for p in row)
    on_fit = [p for p in row if any(_same_box(p.box, t.box) for t in fit.ticks)]
    if not on_fit:  # another row than the numeric axis's (a legend under the plot)
        return False
    # (a number the fit reads where it stands is on the axis, though the fit left it out: a
    # log axis's "3e21" between its decades)
    on_fit += [p for p in row if p not in on_fit and _agrees(p, fit, _step(row))]
    if len(on_fit) < FIT_SHARE * len(row):
        return True
    for phrase in row:
        if phrase in on_fit or not any(c.isalpha() for c in phrase.text):
            continue
        number = _number_in(phrase.text)
        at = fit.value(phrase.box.cx)
        if number is not None and abs(number - at) <= 0.25 * abs(
                fit.value(phrase.box.cx + _step(row)) - at):
            return True
    return False


def _progression(row: list[Phrase]) -> bool:
    """Whether every label is a number and the numbers step evenly, or by an even factor
    ("1e21 1e22 1e23"), along the row: a numeric axis, though no fit was made of it.
    Sizes printed with their unit must stand where the scale sets them to OCR's jitter:
    three sizes set evenly apart ("8B 70B 405B") step by a factor of a tenth or so."""
    slack = SIZES_SLACK if sizes_only(row) else PROGRESSION_SLACK
    values = [as_tick(p, sizes=True).value for p in row]
    if any(v is None for v in values):
        return False
    numbers = np.array(values, dtype=float)
    centres = np.array([p.box.cx for p in row])
    spaces = [numbers] + ([np.log10(numbers)] if numbers.min() > 0 else [])
    for space in spaces:
        slope, offset = np.polyfit(centres, space, 1)
        if slope and np.abs(slope * centres + offset - space).max() <= slack * abs(
                slope) * _step(row):
            return True
    return False


def sizes_restored(row: list[Phrase]) -> list[Phrase]:
    """A row most of whose labels are sizes with their unit ("2B" "9B"), with a unit OCR
    read as a digit put back ("278" for 27B: a bare number among sizes is a size)."""
    sizes = sum(p.value is None and as_tick(p, sizes=True).value is not None for p in row)
    if sizes * 2 <= len(row):
        return row
    restored = [(unit_misread(p), p) for p in row]
    return [p if size is None else replace(p, text=size.text) for size, p in restored]


def sizes_only(row: list[Phrase]) -> bool:
    """Whether every label is a quantity printed with its unit ("200B", "7B", "1.4T"): a
    size axis set evenly apart, whose places keep their sizes as x (not names)."""
    return all(p.value is None and as_tick(p, sizes=True).value is not None for p in row)


def _agrees(phrase: Phrase, fit: Fit, step: float, slack: float = 0.25) -> bool:
    """Whether a label's number is what the fit reads at it, within ``slack`` (a quarter)
    of what the fit moves over one step (on a log axis, in decades)."""
    value = as_tick(phrase, sizes=True).value
    at, next_at = fit.value(phrase.box.cx), fit.value(phrase.box.cx + step)
    if value is None:
        return False
    if fit.scale == "log":
        if min(value, at, next_at) <= 0:
            return False
        value, at, next_at = math.log10(value), math.log10(at), math.log10(next_at)
    return abs(value - at) <= slack * abs(next_at - at)


def _same_box(a: Box, b: Box) -> bool:
    return min(a.x2, b.x2) > max(a.x1, b.x1) and min(a.y2, b.y2) > max(a.y1, b.y1)


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _number_in(text: str) -> float | None:
    match = _NUMBER.search(text)
    return float(match.group()) if match else None


def _step(row: list[Phrase]) -> float:
    return float(np.min(np.diff([p.box.cx for p in row])))


def places_of(row: list[Phrase]) -> list[tuple[float, str]]:
    row = sizes_restored(row)
    return list(zip([p.box.cx for p in row], digits_restored([p.text for p in row]),
                    strict=True))


# letters OCR reads for digits in small tick text: "Ql 2024" for "Q1 2024", "v2.O"
_DIGIT_OF = {"l": "1", "I": "1", "|": "1", "i": "1", "O": "0", "o": "0", "S": "5", "Z": "2"}


def _shape(text: str) -> str:
    return "".join("9" if c.isdigit() else "a" if c.isalpha() else c for c in text)


def digits_restored(names: list[str]) -> list[str]:
    """A row of names printed to one pattern ("Q1 2024" "Q2 2024" ...), with a digit OCR
    read as a look-alike letter put back: where a name differs from the shape most of the
    row shares only by such letters, standing where the others print digits."""
    shapes = [_shape(name) for name in names]
    if not shapes:
        return names
    common = max(set(shapes), key=shapes.count)
    if shapes.count(common) < 2 or shapes.count(common) * 2 <= len(names):
        return names
    restored = []
    for name, shape in zip(names, shapes, strict=True):
        if shape != common and len(shape) == len(common) and all(
                a == b or (b == "9" and c in _DIGIT_OF)
                for a, b, c in zip(shape, common, name, strict=True)):
            name = "".join(_DIGIT_OF[c] if a != b else c
                           for a, b, c in zip(shape, common, name, strict=True))
        restored.append(name)
    return restored


def category_at(places: list[tuple[float, str]], px: float) -> str | None:
    """The name printed under a point: the place nearest its x, within a third of a step
    (a point between two places is on neither)."""
    if len(places) < 2:
        return None
    step = float(np.min(np.diff([x for x, _ in places])))
    x, name = min(places, key=lambda place: abs(place[0] - px))
    return name if abs(x - px) <= step / 3 else None


def one_per_category(points: list[ChartPoint], places: list[tuple[float, str]]
                     ) -> list[ChartPoint]:
    """A line's points over categories: of those a trace gave at one category (its corners
    either side of a marker), the one nearest the place; points between places (a bend of
    the line, no data) dropped."""
    columns = dict((name, x) for x, name in places)
    nearest: dict[str, ChartPoint] = {}
    for point in points:
        if not isinstance(point.x, str) or point.x not in columns:
            continue
        held = nearest.get(point.x)
        if held is None or abs(point.px - columns[point.x]) < abs(held.px - columns[point.x]):
            nearest[point.x] = point
    return [point for point in points if nearest.get(str(point.x)) is point]
