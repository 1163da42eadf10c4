"""Axes from tick labels: numbers in a column (y) or a row (x), fitted to their pixels.

A fit maps a pixel to a value, linearly or on a log scale; which one is decided by the
tick values themselves (whichever places more ticks within a few pixels). Tick readings
that do not fit (an OCR slip, a value label that happens to line up) are rejected.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from itertools import combinations
from typing import Literal

import numpy as np

from ..ocr.phrase import Phrase
from ..record import Axis, AxisTick, Box
from .pixels import distance
from .text import Tick, power_value
from .tick_readings import other_readings

Scale = Literal["linear", "log"]


@dataclass
class Fit:
    """value = f(a * pixel + b), f the identity (linear) or 10**x (log)."""

    orientation: Literal["x", "y"]
    scale: Scale
    a: float
    b: float
    ticks: list[Phrase]
    residual_px: float
    shift_px: float = 0.0  # from a tick label's centre to the rule it labels

    def value(self, pixel: float) -> float:
        raw = self.a * pixel + self.b
        return 10**raw if self.scale == "log" else raw

    def pixel(self, value: float) -> float | None:
        if self.scale == "log":
            if value <= 0:
                return None
            value = math.log10(value)
        return (value - self.b) / self.a if self.a else None

    def uncertainty(self, pixel: float) -> float:
        """How far a value measured at ``pixel`` may be off, in data units there: the fit's
        worst tick residual and a pixel for the mark's anti-aliased edge."""
        reach = self.residual_px + 1.0
        return abs(self.value(pixel + reach) - self.value(pixel - reach)) / 2

    @property
    def pixels(self) -> list[float]:
        return [_centre(p, self.orientation) + self.shift_px for p in self.ticks]

    @property
    def span_px(self) -> tuple[float, float]:
        return min(self.pixels), max(self.pixels)

    @property
    def value_range(self) -> float:
        low, high = (self.value(p) for p in self.span_px)
        return abs(high - low) or 1.0

    def to_axis(self, title: str = "") -> Axis:
        ticks = [
            AxisTick(label=p.text, value=float(p.value or 0.0),
                     pixel=_centre(p, self.orientation) + self.shift_px)
            for p in sorted(self.ticks, key=lambda t: _centre(t, self.orientation))
        ]
        return Axis(orientation=self.orientation, title=title, scale=self.scale, ticks=ticks)


def zero_row(fit: Fit) -> float | None:
    """The pixel of the value 0 on a linear axis that runs below it (a tick read negative:
    gains and losses), else None."""
    if fit.scale != "linear" or not any((tick.value or 0.0) < 0 for tick in fit.ticks):
        return None
    return fit.pixel(0.0)


def _centre(phrase: Phrase, orientation: str) -> float:
    return phrase.box.cy if orientation == "y" else phrase.box.cx


def fit_ticks(candidates: list[Phrase], orientation: Literal["x", "y"]) -> Fit | None:
    """Best linear or log fit through at least three ticks, outliers rejected (RANSAC on pairs)."""
    ticks = [p for p in candidates if p.value is not None]
    if len(ticks) < 3:
        return None
    height = float(np.median([p.height for p in ticks]))
    tolerance = max(3.0, 0.35 * height)
    best: Fit | None = None
    for scale in ("linear", "log"):
        usable = [p for p in ticks if scale == "linear" or (p.value or 0) > 0]
        if len(usable) < 3:
            continue
        pixels = np.array([_centre(p, orientation) for p in usable])
        values = np.array([float(p.value or 0.0) for p in usable])
        if scale == "log":
            values = np.log10(values)
        fit = _ransac(pixels, values, tolerance)
        if fit is None:
            continue
        a, b, inliers = fit
        residual = _pixel_residual(a, b, pixels[inliers], values[inliers])
        candidate = Fit(orientation, scale, a, b, [usable[i] for i in np.flatnonzero(inliers)],
                        residual)
        if best is None or _better(candidate, best):
            best = candidate
    return best


INK_CONTRAST = 60  # grey levels from a label crop's median: ink


def ink_centred(fit: Fit, grey: np.ndarray) -> Fit:
    """The fit again, on tick labels re-centred on their ink at full resolution. OCR boxes
    come from a reading at another scale and carry padding: a pixel or two off, which on a
    large chart is a tenth of a unit on every bar measured against the axis."""
    along = 0 if fit.orientation == "y" else 1
    moved: list[Phrase] = []
    for tick in fit.ticks:
        box = tick.box
        y1, x1 = max(0, box.y1 - 2), max(0, box.x1 - 2)
        crop = grey[y1 : box.y2 + 2, x1 : box.x2 + 2].astype(np.int16)
        ink = np.abs(crop - np.median(crop)) > INK_CONTRAST if crop.size else crop > 0
        lines = np.flatnonzero(ink.any(axis=1 - along))
        if len(lines) < 0.4 * (box.height if along == 0 else box.width):
            return fit  # a label without clear ink: keep the readings as they are
        start, end = (y1, x1)[along] + int(lines[0]), (y1, x1)[along] + int(lines[-1]) + 1
        moved.append(replace(tick, box=box.model_copy(
            update={"y1": start, "y2": end} if along == 0 else {"x1": start, "x2": end})))
    pixels = np.array([_centre(p, fit.orientation) for p in moved])
    values = np.array([float(p.value or 0.0) for p in moved])
    if fit.scale == "log":
        values = np.log10(values)
    a, b = (float(v) for v in np.polyfit(pixels, values, 1))
    residual = _pixel_residual(a, b, pixels, values)
    if residual > max(fit.residual_px, 1.0):  # the ink disagrees with itself: keep the boxes
        return fit
    return Fit(fit.orientation, fit.scale, a, b, moved, residual)


RULE_SHARE = 0.25  # of the plot's width: how much more a rule's rows are inked than nearby
RULE_CONTRAST = 40.0  # RGB distance from the plot's background that inks a row


def on_rules(fit: Fit, rgb: np.ndarray, area: Box, bg: np.ndarray) -> Fit:
    """A y fit moved onto the rules its ticks label (gridlines, the axis line the bars stand
    on). A tick label's centre sits a font's fraction of a pixel or more off its rule, the
    same for every label; where a rule is found beside one or more ticks, their offset
    moves the whole axis (on a large chart a pixel is a tenth of a unit)."""
    if fit.orientation != "y":
        return fit
    x1, x2 = max(0, area.x1), min(rgb.shape[1], area.x2)
    reach = max(3, int(0.5 * float(np.median([p.height for p in fit.ticks]))))
    offsets = []
    for tick in fit.ticks:
        centre = tick.box.cy
        y1, y2 = max(0, int(centre) - 2 * reach), min(rgb.shape[0], int(centre) + 2 * reach + 1)
        if x2 - x1 < 10 or y2 - y1 < 4 * reach:
            continue
        inked = (distance(rgb[y1:y2, x1:x2], bg) > RULE_CONTRAST).mean(axis=1)
        # a rule's rows stand out from the rows a little above and below it (the top of a
        # row of bars stands out from those above only)
        near = max(4, int(0.3 * reach))
        lifted = inked - np.maximum(np.roll(inked, near), np.roll(inked, -near))
        lifted[:near], lifted[-near:] = 0, 0
        rows = np.flatnonzero(lifted > RULE_SHARE)
        if not len(rows):
            continue
        nearest = rows[np.argmin(np.abs(y1 + rows + 0.5 - centre))]
        band = rows[np.abs(rows - nearest) <= 3]
        weights = lifted[band]
        middle = y1 + float((band + 0.5) @ weights / weights.sum())
        if abs(middle - centre) <= max(2.0, 0.7 * reach):  # a label is centred on its rule
            offsets.append(middle - centre)
    if not offsets:
        return fit
    # one font's offset: rules elsewhere near a tick (a legend's frame) disagree with it
    # (two offsets far apart have their mean for a median, near neither: the one nearer it)
    usual = float(np.median(offsets))
    agreeing = [o for o in offsets if abs(o - usual) <= 1.5] or [
        min(offsets, key=lambda o: abs(o - usual))]
    shift = float(np.median(agreeing))
    return replace(fit, b=fit.b - fit.a * shift, shift_px=shift)


def _better(new: Fit, old: Fit) -> bool:
    if len(new.ticks) != len(old.ticks):
        return len(new.ticks) > len(old.ticks)
    return new.residual_px < old.residual_px * 0.5  # linear wins near-ties


# Pairs of ticks tried together (as rows of one array) in ``_ransac``: cells of the array.
RANSAC_BLOCK = 1 << 20


def _ransac(
    pixels: np.ndarray, values: np.ndarray, tolerance: float
) -> tuple[float, float, np.ndarray] | None:
    """The line through the pair of ticks that most ticks lie near (then the least summed
    error; the first such pair in pair order), refitted on those ticks. Pairs are tried
    many at once, as rows of one array: a table page offers the axis finder columns of
    tens of numbers, and a Python loop over their pairs was the chart stage's cost there."""
    first, second = np.triu_indices(len(pixels), k=1)  # the pairs in combinations() order
    skip = (np.abs(pixels[first] - pixels[second]) < 2 * tolerance) | (
        values[first] == values[second]
    )
    first, second = first[~skip], second[~skip]

    def errors_of(rows: slice | np.ndarray) -> np.ndarray:
        i, j = first[rows], second[rows]
        a = (values[j] - values[i]) / (pixels[j] - pixels[i])
        b = values[i] - a * pixels[i]
        return np.abs((values[None, :] - b[:, None]) / a[:, None] - pixels[None, :])

    step = max(1, RANSAC_BLOCK // max(len(pixels), 1))
    blocks = [slice(start, start + step) for start in range(0, len(first), step)]
    counts = np.concatenate(
        [(errors_of(rows) < tolerance).sum(axis=1) for rows in blocks] or [np.zeros(0, int)]
    )
    if not len(counts) or counts.max() < 3:
        return None
    tied = np.flatnonzero(counts == counts.max())
    # A tie is settled by the least summed error, each pair's inliers summed alone (as a
    # row of zeros and errors would round differently): only pairs within rounding of the
    # least row sum are summed so.
    rough = np.concatenate([
        np.where((errors := errors_of(tied[start : start + step])) < tolerance, errors, 0.0)
        .sum(axis=1)
        for start in range(0, len(tied), step)
    ])
    near = tied[rough <= rough.min() * (1 + 1e-9) + 1e-9]
    exact = [float(row[row < tolerance].sum()) for row in errors_of(near)]
    inliers = errors_of(near[[int(np.argmin(exact))]])[0] < tolerance
    a, b = np.polyfit(pixels[inliers], values[inliers], 1)
    return float(a), float(b), inliers


def _pixel_residual(a: float, b: float, pixels: np.ndarray, values: np.ndarray) -> float:
    return float(np.abs((values - b) / a - pixels).max()) if a else math.inf


def _regular(fit: Fit) -> bool:
    """Axis ticks step evenly (in value, or in log value), a missed tick making a step of
    two or three; value labels rarely do. Log axes printed as 7, 13, 34, 70 step roughly."""
    values = sorted(float(p.value or 0) for p in fit.ticks)
    if fit.scale == "log":
        values = [math.log10(v) for v in values]
    steps = np.diff(values)
    if not len(steps) or steps.min() <= 0:
        return False
    if fit.scale == "log":  # ticks at the data's own sizes (3B, 13B, 30B) step unevenly,
        exact = len(fit.ticks) >= 4 and fit.residual_px <= 2.0  # but lie on the log curve
        return bool(steps.max() <= 2.01 * steps.min()) or _log_ticks(fit) or exact
    ratios = steps / steps.min()
    return bool(np.all(np.abs(ratios - np.round(ratios)) <= 0.05) and ratios.max() <= 4
                and _on_whole_steps(values, float(steps.min())))


ON_STEP_SHARE = 0.75  # of the ticks: the least that lie on whole steps


def _on_whole_steps(values: list[float], step: float) -> bool:
    """Most ticks lie on whole multiples of a step that divides the smallest step read
    (ticks OCR lost make it two or three steps; an axis from 5 by 10 lies on fives): value
    labels that happen to line up in a column (44.5, 36.8, 32.9) do not."""
    for parts in (1, 2, 3):
        unit = step / parts
        on = [abs(v / unit - round(v / unit)) <= 0.05 for v in values]
        if sum(on) >= ON_STEP_SHARE * len(values):
            return True
    return False


def _log_ticks(fit: Fit) -> bool:
    """Every tick a whole 1 to 9 times a power of ten, a power of ten among them: the ticks
    of a log axis (10⁰, 2×10⁰, ..., 10¹, 2×10¹), which step unevenly in log value."""
    values = [float(p.value or 0) for p in fit.ticks]
    mantissas = [v / 10 ** math.floor(math.log10(v)) for v in values if v > 0]
    return len(mantissas) == len(values) and 1.0 in {round(m, 6) for m in mantissas} and all(
        abs(m - round(m)) < 1e-6 for m in mantissas
    )


def y_axes(numbers: list[Phrase]) -> list[Fit]:
    """Columns of right-aligned numbers whose values fall evenly with height."""
    fits: list[Fit] = []
    pool = sorted(numbers, key=lambda p: p.box.x2)
    used: set[int] = set()
    # Seeds of one column gather the same labels: each column is fitted once (a table's
    # column of tens of numbers is otherwise fitted once per number in it).
    fitted: dict[tuple[int, ...], Fit | None] = {}
    for seed in pool:
        if id(seed) in used:
            continue
        slack = max(4.0, 0.6 * seed.height)
        column = [
            p for p in pool
            if id(p) not in used and abs(p.box.x2 - seed.box.x2) <= slack
            and abs(p.height - seed.height) <= 0.5 * seed.height
        ]
        key = tuple(map(id, column))
        if key not in fitted:
            fitted[key] = _column_fit(column, pool)
        fit = fitted[key]
        if fit is None:
            continue
        if _overlaps_existing(fit, fits):
            continue
        fits.append(fit)
        # the whole column is this axis: its outliers must not make a second one
        used.update(id(p) for p in column if min(fit.span_px) - 2 * seed.height
                    <= p.box.cy <= max(fit.span_px) + 2 * seed.height)
    return _one_per_column(fits)


def _column_fit(column: list[Phrase], pool: list[Phrase]) -> Fit | None:
    """A column's y axis, if its labels make one: the labels as read, or without what may
    be a tick mark, whichever lines up more; with the labels it predicts from ``pool``."""
    fits_here = [f for f in (fit_ticks(column, "y"), _fit_other_readings(column))
                 if f is not None and f.a < 0 and _regular(f)]
    if not fits_here and (whole := fit_ticks(column, "y")) is not None and whole.a < 0:
        ended = whole if _ticks_lost_between(whole) else _without_far_end(whole)
        fits_here = [ended] if ended is not None else []
    fit = max(fits_here, key=lambda f: len(f.ticks), default=None)
    return None if fit is None else _with_predicted(fit, pool)


def _ticks_lost_between(fit: Fit) -> bool:
    """Five ticks or more, three steps at least alike and the rest whole multiples of them
    (however many): an axis whose middle labels OCR lost ("-8" ... "-2", "8" "10": those
    beside a zero line and gridlines), which value labels in a column do not make."""
    if fit.scale != "linear" or len(fit.ticks) < 5:
        return False
    values = sorted(float(p.value or 0.0) for p in fit.ticks)
    steps = np.diff(values)
    if steps.min() <= 0:
        return False
    ratios = steps / steps.min()
    return bool(np.all(np.abs(ratios - np.round(ratios)) <= 0.05)
                and np.sum(np.abs(ratios - 1) <= 0.05) >= 3
                and _on_whole_steps(values, float(steps.min())))


def _without_far_end(fit: Fit) -> Fit | None:
    """A column whose ticks step evenly but for one at an end, the ticks between lost to
    OCR ("-8" "-6" "-4" "-2" ... "8", the labels beside a zero line and gridlines gone):
    the fit on the even ones (the end one lies on it and is taken back as predicted)."""
    if len(fit.ticks) < 4:
        return None
    ordered = sorted(fit.ticks, key=lambda p: float(p.value or 0.0))
    steps = np.diff([float(p.value or 0.0) for p in ordered])
    end = ordered[0] if steps[0] > steps[-1] else ordered[-1]
    rest = fit_ticks([p for p in fit.ticks if p is not end], "y")
    return rest if rest is not None and rest.a < 0 and _regular(rest) else None


def _with_predicted(fit: Fit, pool: list[Phrase]) -> Fit:
    """``fit`` with the labels in its column that it predicts: a number whose value the fit
    places on the label's own row. A tick mark read into some labels' boxes and not
    others', or a label boxed short (a part of its glyphs), sets right edges apart, which
    splits one column of labels in two; the labels of the other half still lie where the
    axis puts their values. An axis that misses its lowest labels ends its plot too high."""
    left = min(p.box.x1 for p in fit.ticks)
    right = max(p.box.x2 for p in fit.ticks)
    height = float(np.median([p.height for p in fit.ticks]))
    tolerance = max(3.0, 0.35 * height)
    have = {round(float(p.value or 0.0), 6) for p in fit.ticks}
    added: dict[float, Phrase] = {}
    nearby = [p for p in pool if p.box.x1 >= left - height and p.box.x2 <= right + height
              and abs(p.height - height) <= 0.5 * height]
    # (the fit stands on three labels or more: a one-digit label read with its tick mark,
    # "8—" as "87", is taken where the fit puts its 8)
    for phrase in nearby + other_readings(nearby, shortest=2):
        value = phrase.value
        if value is None or round(value, 6) in have or any(phrase is t for t in fit.ticks):
            continue
        pixel = fit.pixel(value)
        if pixel is None or abs(pixel - phrase.box.cy) > tolerance:
            continue
        if value not in added or abs(pixel - phrase.box.cy) < abs(
                (fit.pixel(value) or 0.0) - added[value].box.cy):
            added[value] = phrase
    if not added:
        return fit
    refit = fit_ticks(fit.ticks + list(added.values()), "y")
    if refit is None or refit.scale != fit.scale or len(refit.ticks) <= len(fit.ticks):
        return fit
    return refit


def _fit_other_readings(column: list[Phrase]) -> Fit | None:
    """The column's fit with the other readings of its labels, one reading per label: the
    one nearest the fitted line."""
    fit = fit_ticks(column + other_readings(column), "y")
    if fit is None:
        return None
    nearest: dict[int, Phrase] = {}
    for tick in fit.ticks:
        key = id(tick.words[0])
        if key not in nearest or _off_line(fit, tick) < _off_line(fit, nearest[key]):
            nearest[key] = tick
    return fit_ticks(list(nearest.values()), "y")


def _off_line(fit: Fit, tick: Phrase) -> float:
    pixel = fit.pixel(float(tick.value or 0.0))
    return math.inf if pixel is None else abs(pixel - _centre(tick, fit.orientation))


def _one_per_column(fits: list[Fit]) -> list[Fit]:
    """Two fits over the same stretch of the same column are one axis read twice (two OCR
    readings box a label a few pixels apart): keep the one with more ticks."""
    kept: list[Fit] = []
    for fit in sorted(fits, key=lambda f: -len(f.ticks)):
        left = min(p.box.x1 for p in fit.ticks)
        right = max(p.box.x2 for p in fit.ticks)
        low, high = fit.span_px
        if any(
            min(right, max(p.box.x2 for p in other.ticks))
            > max(left, min(p.box.x1 for p in other.ticks))
            and min(high, other.span_px[1]) > max(low, other.span_px[0])
            for other in kept
        ):
            continue
        kept.append(fit)
    return kept


def x_axes(numbers: list[Phrase]) -> list[Fit]:
    """Rows of numbers whose values rise left to right with the pixel."""
    fits: list[Fit] = []
    used: set[int] = set()
    fitted: dict[tuple[int, ...], Fit | None] = {}  # each row fitted once, as in y_axes
    for seed in sorted(numbers, key=lambda p: p.box.cy):
        if id(seed) in used:
            continue
        row = [
            p for p in numbers
            if id(p) not in used and abs(p.box.cy - seed.box.cy) <= 0.5 * seed.height
        ]
        key = tuple(map(id, row))
        if key not in fitted:
            fitted[key] = fit_ticks(row, "x")
        fit = fitted[key]
        if fit is None or fit.a <= 0 or not _regular(fit) or _overlaps_existing(fit, fits):
            continue
        fits.append(fit)
        used.update(id(p) for p in fit.ticks)
    return fits


def lying_value_axis(numbers: list[Phrase]) -> Fit | None:
    """The linear x axis that bars or boxes lying along it are measured on: of the rows of
    three ticks or more, the one with the most, the lowest of equals."""
    fits = [fit for fit in x_axes(numbers) if len(fit.ticks) >= 3 and fit.scale == "linear"]
    return max(fits, key=lambda f: (len(f.ticks), f.ticks[0].box.cy), default=None)


def x_axes_read_either_way(numbers: list[Phrase], others: list[Phrase]) -> list[Fit]:
    """x axes fitted on the labels as read, or with other readings of some of them (a unit
    read as a digit), one reading per label: the other readings only where they line up
    more ticks."""
    plain = x_axes(numbers)
    if not others:
        return plain
    either = x_axes(numbers + others)
    kept: list[Fit] = []
    labels: set[int] = set()  # a label's other reading makes no second axis
    for fit in sorted(either, key=lambda f: -len(f.ticks)):
        nearest: dict[int, Phrase] = {}
        for tick in fit.ticks:
            key = id(tick.words[0])
            if key not in nearest or _off_line(fit, tick) < _off_line(fit, nearest[key]):
                nearest[key] = tick
        refit = fit_ticks(list(nearest.values()), "x")
        if refit is not None and refit.a > 0 and _regular(refit) and not labels & set(nearest):
            kept.append(refit)
            labels.update(nearest)
    most = max((len(f.ticks) for f in plain), default=0)
    return kept if max((len(f.ticks) for f in kept), default=0) > most else plain


def decade_axis(numbers: list[Phrase], plain: bool = False) -> Fit | None:
    """A log x axis labelled at two powers of ten only (10⁰ and 10¹, matplotlib's labels
    over a decade or two), or at two ticks printed as powers (10⁰ and 2×10⁰, where OCR ran
    the crowded others together): printed as powers, two place it exactly. The two furthest
    apart are used. With ``plain``, two decades printed as plain numbers ("1,000" and
    "10,000", Vega's log ticks over a decade or two) place it too, where no other number
    stands between them: a linear axis from 1,000 to 10,000 prints the steps between. Decades
    below one count too ("0.1" and "10", Vega's parameters in billions, the "1" between
    them lost to OCR: a linear axis through 0.1 and 10 would print more between)."""
    powers = [p for p in numbers if p.value and p.value > 0 and (
        (isinstance(p, Tick) and (power_value(p.text) is not None or _is_decade(p.value)))
        or (plain and _is_decade(p.value)))]
    best: Fit | None = None
    for first, second in combinations(sorted(powers, key=lambda p: p.box.cx), 2):
        same_row = abs(first.box.cy - second.box.cy) <= 0.5 * first.height
        if not same_row or second.box.cx - first.box.cx < 3 * first.height:
            continue
        if not (isinstance(first, Tick) and isinstance(second, Tick)) and any(
                p.value is not None and first.box.x2 < p.box.cx < second.box.x1
                and abs(p.box.cy - first.box.cy) <= 0.5 * first.height for p in numbers):
            continue
        low, high = math.log10(first.value or 1.0), math.log10(second.value or 1.0)
        if high <= low:
            continue
        a = (high - low) / (second.box.cx - first.box.cx)
        fit = Fit("x", "log", a, low - a * first.box.cx, [first, second], 0.0)
        if best is None or second.box.cx - first.box.cx > best.span_px[1] - best.span_px[0]:
            best = fit
    return best


def _is_decade(value: float) -> bool:
    """1, 10, 100, 1,000 ...: a power of ten."""
    return abs(math.log10(value) - round(math.log10(value))) < 1e-9


def with_mantissas(decades: Fit, numbers: list[Phrase]) -> Fit:
    """A log axis placed by its decade labels, refitted with the bare digits between them
    (plotly prints 2, 3 ... 9 between "100B" and "1T"): each digit d near where the decade
    fit puts d times its decade is that tick."""
    ticks = list(decades.ticks)
    for phrase in numbers:
        text = phrase.text.strip()
        if phrase in ticks or len(text) != 1 or not text.isdigit() or text in "01":
            continue
        near = decades.value(phrase.box.cx)
        decade = 10 ** math.floor(math.log10(near) + 1e-9)
        value = int(text) * decade
        if abs(math.log10(value / near)) <= MANTISSA_SLACK:
            ticks.append(Tick(words=phrase.words, box=phrase.box, text=text,
                              confidence=phrase.confidence, number=float(value)))
    if len(ticks) == len(decades.ticks):
        return decades
    refit = fit_ticks(ticks, "x")
    return refit if refit is not None and refit.scale == "log" and len(refit.ticks) >= len(
        ticks) - 1 else decades


def around_one_decade(numbers: list[Phrase], plain: bool = False) -> Fit | None:
    """A log axis with one decade printed ("1e9", "10B") and bare digits on both sides
    (plotly's 3 ... 9, 1e9, 2 ... 9): a digit d left of the decade D is d times D/10, right
    of it d times D. None unless the digits so placed fit a log scale. With ``plain``, a
    decade printed as a plain number ("100") counts too (plotly's other decade misread)."""
    decades = [p for p in numbers if (isinstance(p, Tick) or (
        plain and len(p.text.strip()) >= 2)) and p.value and abs(
        math.log10(p.value) - round(math.log10(p.value))) < 1e-9]
    if len(decades) != 1:
        return None
    decade = decades[0]
    ticks: list[Phrase] = [decade]
    for phrase in numbers:
        text = phrase.text.strip()
        # (the decade may stand a little lower, printed larger)
        if phrase is decade or len(text) != 1 or not text.isdigit() or text in "01" or abs(
                phrase.box.cy - decade.box.cy) > max(phrase.height, decade.height):
            continue
        scale = float(decade.value or 1.0) / (10 if phrase.box.cx < decade.box.cx else 1)
        ticks.append(Tick(words=phrase.words, box=phrase.box, text=text,
                          confidence=phrase.confidence, number=int(text) * scale))
    fit = fit_ticks(ticks, "x")
    if fit is None or fit.scale != "log" or len(fit.ticks) < 4:
        return None
    # (the decade, printed larger, may stand a few pixels off the digits' fit)
    at = fit.pixel(float(decade.value or 1.0))
    return fit if at is not None and abs(at - decade.box.cx) <= decade.height else None


MANTISSA_SLACK = 0.03  # log10: a digit this near where the decades put it is that tick


def _overlaps_existing(fit: Fit, fits: list[Fit]) -> bool:
    mine = {id(p) for p in fit.ticks}
    return any(mine & {id(p) for p in other.ticks} for other in fits)
