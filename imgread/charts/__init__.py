"""Charts: the data behind bar, line and scatter chart screenshots, read with OpenCV and OCR.

The tick labels found by OCR decide where the plot areas are: every column of evenly stepped
numbers whose values fall with height is a y-axis, and opens a panel to its right (so small
multiples come out as one chart each). Inside a panel, bars are measured from the baseline,
or lines and markers are segmented by colour; legend entries name series by the colour of
their swatch, printed value labels are preferred to geometry, and the two are cross-checked.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import cv2
import numpy as np

from .. import ocr
from ..config import Config, OcrSettings
from ..ocr.phrase import Phrase
from ..record import Box, Chart, ChartPoint, Flag, ReferenceLine, Row, Score, Series, Word
from . import lines as line_reader
from .axes import Fit, x_axes, y_axes
from .bars import RawBar, find_bars
from .legend import legend_names, swatch_colour
from .pixels import background, cluster_colours, hex_colour
from .text import clean_words, parse_number, phrases, split_merged_numbers

if TYPE_CHECKING:
    from ..work import Work

__all__ = ["merge_words", "read_charts", "reread", "rows_from_chart", "run", "scores_from_chart"]

MISMATCH_SHARE = 0.03  # of the axis range: a label further than this from its bar is flagged
REREAD_SIDE = 2400  # px: the longest side the chart reread works at
SMALL_SIDE = 1400  # px: a screenshot smaller than this is enlarged for the reread
FAINT_INK = 235  # grey level: anything darker is ink in the pale-text reread


def run(work: Work, config: Config) -> None:
    """Read the charts; when there is one, read its text once more from the plain colours."""
    if not config.charts.enabled or work.rgb is None:
        return
    settings = ocr.page_settings(config.ocr, work.record.ocr.lang)
    words = work.record.ocr.words
    charts, flags = read_charts(work.rgb, words)
    if charts or _looks_like_chart(work):
        words = merge_words(reread(work.rgb, settings), words)
        charts, flags = read_charts(work.rgb, words, settings)
        if not charts:  # tick labels in a pale grey: read them dark, and only them
            pale = [w for w in reread(work.rgb, settings, faint=True)
                    if parse_number(w.text) is not None]
            words = merge_words(pale, words)
            charts, flags = read_charts(work.rgb, words, settings)
    tables = [table.box for table in work.record.ocr.tables]
    kept = [chart for chart in charts if not _inside_a_table(chart.box, tables)]
    work.record.charts = kept
    if kept:  # a table taken for charts leaves no flags behind either
        work.record.flags.extend(flags)


def _inside_a_table(box: Box, tables: list[Box]) -> bool:
    """Most of a "chart" lies on a table that was read: its cells' text and rules are what
    looked like bars and ticks."""
    area = max(box.width * box.height, 1)
    for table in tables:
        width = min(box.x2, table.x2) - max(box.x1, table.x1)
        height = min(box.y2, table.y2) - max(box.y1, table.y1)
        if width > 0 and height > 0 and width * height > 0.5 * area:
            return True
    return False


def _looks_like_chart(work: Work) -> bool:
    """Axes seen by preprocessing, or a few numbers and no table: worth a second reading."""
    record = work.record
    if record.ocr.tables:
        return False
    numbers = sum(parse_number(word.text) is not None for word in record.ocr.words)
    return record.preprocess.chart_axes or numbers >= 3


def reread(rgb: np.ndarray, settings: OcrSettings, faint: bool = False) -> list[Word]:
    """Words from the plain colour image (dark themes inverted), in image pixels.

    The OCR stage reads an image prepared for tables (background flattened, binarised),
    where hatched or coloured bars turn into noise that swallows their value labels; the
    colour image, binarised by Tesseract itself, keeps labels and bars apart. ``faint``
    turns everything but the near-white page black, so that pale grey tick labels (which
    Tesseract's own threshold drops) are read.
    """
    image = rgb
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    if float(np.median(grey)) < 110:
        image, grey = 255 - rgb, 255 - grey
    if faint:
        image = np.where(grey < FAINT_INK, 0, 255).astype(np.uint8)
    # small screenshots are read at twice the size: their labels are a few pixels tall
    scale = min(2.0, REREAD_SIDE / max(image.shape[:2]))
    if scale < 1:
        image = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    elif scale > 1:
        scale = min(2.0, max(1.0, SMALL_SIDE / max(image.shape[:2])))
        image = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    try:
        found = ocr.read_words(np.ascontiguousarray(image), settings, psm=11)
    except RuntimeError:  # tesserocr's iterator can fail on a word without text
        return []
    if scale == 1:
        return found
    return [
        word.model_copy(update={"box": Box(
            x1=int(word.box.x1 / scale), y1=int(word.box.y1 / scale),
            x2=round(word.box.x2 / scale), y2=round(word.box.y2 / scale),
        )})
        for word in found
    ]


def merge_words(first: list[Word], second: list[Word]) -> list[Word]:
    """Two readings of one image as one: where words overlap, the more confident one."""
    def overlaps(a: Box, b: Box) -> bool:
        width = min(a.x2, b.x2) - max(a.x1, b.x1)
        height = min(a.y2, b.y2) - max(a.y1, b.y1)
        return width > 0 and height > 0 and width * height > 0.3 * min(
            a.width * a.height, b.width * b.height
        )

    def better(a: Word, b: Word) -> bool:
        """Two sure readings of a name: the longer one (OCR cut the other short); of a
        number, or unsure ones: the surer (a longer number took in a tick mark)."""
        names = parse_number(a.text) is None and parse_number(b.text) is None
        longer, shorter = (a.text, b.text) if len(a.text) > len(b.text) else (b.text, a.text)
        if not parse_number(longer) and shorter in longer and shorter != longer:
            return a.text == longer  # one reading is a piece of the other ("LLaMA" "2")
        same_size = abs(a.box.height - b.box.height) <= 0.4 * min(a.box.height, b.box.height)
        if names and same_size and min(a.confidence, b.confidence) >= 50:
            return a.box.width > b.box.width
        return same_size and a.confidence > b.confidence

    merged = list(first)
    for word in second:
        rivals = [f for f in merged if overlaps(word.box, f.box)]
        if all(better(word, rival) for rival in rivals):
            merged = [f for f in merged if f not in rivals] + [word]
    return merged


@dataclass
class Panel:
    y: Fit
    area: Box  # the plot area, image pixels
    tick_left: int  # left edge of the y tick labels
    tick_height: float
    top_tick: float  # pixel row of the highest tick
    x: Fit | None = None


def read_charts(
    rgb: np.ndarray, words: list[Word], ocr_settings: OcrSettings | None = None
) -> tuple[list[Chart], list[Flag]]:
    """Every chart panel in the image, and flags for labels that disagree with their bars.

    With ``ocr_settings``, slanted category labels under bars are read as well (one small
    OCR call per panel that needs it)."""
    text_boxes = _text_boxes(words)  # unsure words too: they still cover a bar's label
    sure_text = _text_boxes(words, 40)  # markers read as letters must stay
    legend_words = clean_words(_plausible(words), min_confidence=10)
    words = split_merged_numbers(clean_words(_plausible(words)))
    found = phrases(words)
    numbers = [p for p in found if p.value is not None]
    fits = y_axes(numbers)
    if not fits:
        return [], []
    ticks = {id(p) for fit in fits for p in fit.ticks}
    x_ticks = {id(p) for fit in x_axes(numbers) for p in fit.ticks}
    panels = sorted(
        (_panel(fit, fits, found, x_ticks, rgb.shape) for fit in fits), key=_reading_order
    )
    # unsure words just under a plot are slanted tick labels read level, never a legend
    areas = [panel.area for panel in panels]
    legend_words = [w for w in legend_words if w.confidence >= 80 or any(
        _inside(w.box, area) for area in areas
    ) or not any(
        area.x1 - 0.4 * area.width <= w.box.cx <= area.x2
        and area.y2 <= w.box.cy <= area.y2 + 0.45 * area.height
        for area in areas
    )]
    charts: list[Chart] = []
    flags: list[Flag] = []
    for panel in panels:
        labels = [p for p in numbers if id(p) not in ticks and _inside(p.box, panel.area)]
        area = panel.area
        bg = background(rgb[area.y1 : area.y2, area.x1 : area.x2])  # a plot may be shaded
        bars = find_bars(rgb, panel.area, text_boxes, bg)
        if not _bar_like(bars, area):
            bars = []
        chart: Chart | None
        if len(bars) >= 2:
            chart, new_flags = _bar_chart(
                rgb, panel, bars, labels, found, legend_words, bg, ocr_settings
            )
        else:
            chart, new_flags = _line_chart(
                rgb, panel, found, legend_words, sure_text, bg, numbers
            )
        if chart is not None:
            charts.append(chart)
            flags.extend(new_flags)
    return charts, flags


def _plausible(words: list[Word]) -> list[Word]:
    """Words of a text's height: not the tall boxes OCR draws around bars and hatching, nor
    the flat ones around dashed lines ("m-----")."""
    sure = [word.box.height for word in words if word.confidence >= 80] or [
        word.box.height for word in words
    ]
    if not sure:
        return []
    tallest = 1.6 * float(np.percentile(sure, 90))
    flattest = 0.5 * float(np.percentile(sure, 10))
    return [
        word for word in words
        if flattest <= word.box.height <= tallest
        and sum(c.isalnum() for c in word.text) >= 0.5 * len(word.text)
    ]


def _reading_order(panel: Panel) -> tuple[int, int]:
    """Rows of panels top to bottom, each left to right (rows told apart by half a panel)."""
    row_height = max(1, panel.area.height // 2)
    return panel.area.y1 // row_height, panel.area.x1


def _bar_like(bars: list[RawBar], area: Box) -> bool:
    """Bars stand on the plot's floor, and some of them are tall; the markers of a line
    chart also share a "bottom", but high up and short."""
    if len(bars) < 2:
        return False
    floor = max(bar.bottom for bar in bars)
    tall = sum(bar.bottom - bar.top >= 0.08 * area.height for bar in bars)
    return floor >= area.y2 - 0.15 * area.height and tall >= 2


def _text_boxes(words: list[Word], min_confidence: float = 0.0) -> list[Box]:
    return [word.box for word in _plausible(words) if word.confidence >= min_confidence]


def _inside(box: Box, area: Box, slack: int = 0) -> bool:
    return (
        area.x1 - slack <= box.cx <= area.x2 + slack
        and area.y1 - slack <= box.cy <= area.y2 + slack
    )


def _panel(
    fit: Fit, fits: list[Fit], found: list[Phrase], x_ticks: set[int], shape: tuple[int, ...]
) -> Panel:
    """The plot area right of a y-axis: up to the next axis, between title and x labels."""
    height, width = shape[0], shape[1]
    top_px, bottom_px = fit.span_px
    step = (bottom_px - top_px) / max(1, len(fit.ticks) - 1)
    tick_height = float(np.median([p.height for p in fit.ticks]))
    left = max(p.box.x2 for p in fit.ticks) + int(0.3 * tick_height) + 1
    tick_left = min(p.box.x1 for p in fit.ticks)
    right = width
    for other in fits:
        other_left = min(p.box.x1 for p in other.ticks)
        low, high = other.span_px
        if other_left > left and low < bottom_px and high > top_px:
            right = min(right, other_left - 1)
    top = max(0.0, top_px - 0.6 * step)
    bottom = min(float(height), bottom_px + 1.3 * step)
    for phrase in found:
        box = phrase.box
        if not (tick_left <= box.cx <= right):
            continue
        # x labels end the plot area; value labels (of short bars) do not
        axis_label = phrase.value is None or id(phrase) in x_ticks
        if axis_label and box.cy > bottom_px + 0.5 * tick_height and box.y1 < bottom:
            bottom = box.y1 - 1.0
        if phrase.value is None and top < box.y2 < top_px and box.cy < top_px - 0.4 * tick_height:
            top = box.y2 + 1.0
    area = Box(x1=left, y1=int(top), x2=int(right), y2=int(bottom))
    return Panel(y=fit, area=area, tick_left=tick_left, tick_height=tick_height, top_tick=top_px)


def _title(panel: Panel, found: list[Phrase], legend: list[Word]) -> str:
    """The nearest words above the plot area, within a few text lines, legend left out."""
    area, height = panel.area, panel.tick_height
    legend_rows = [w.box for w in legend]
    above = [
        p for p in found
        if p.value is None
        and p.confidence >= 50
        and not any(abs(row.cy - p.box.cy) < 0.5 * row.height for row in legend_rows)
        and panel.tick_left <= p.box.cx <= area.x2
        and area.y1 - 4 * height <= p.box.y2 < panel.top_tick
        and p.box.cy < panel.top_tick - 0.4 * height
    ]
    if not above:
        return ""
    lowest = max(p.box.y2 for p in above)
    line = sorted((p for p in above if p.box.y2 >= lowest - 0.5 * height), key=lambda p: p.box.x1)
    return " ".join(p.text for p in line)


# ---------------------------------------------------------------- bars


def _bar_chart(
    rgb: np.ndarray, panel: Panel, bars: list[RawBar], labels: list[Phrase],
    found: list[Phrase], words: list[Word], bg: np.ndarray, settings: OcrSettings | None,
) -> tuple[Chart, list[Flag]]:
    fit = panel.y
    categories = _categories(panel, bars, found)
    if settings is not None and not any(isinstance(c, str) for c in categories):
        categories = _slanted_categories(rgb, panel, bars, settings) or categories
    groups = _series_of(bars, categories)
    colours = [
        np.median(np.array([b.colour for b, g in zip(bars, groups, strict=True) if g == index]),
                  axis=0)
        for index in range(max(groups) + 1)
    ]
    names, legend = legend_names(rgb, words, colours, bg, patches=True, area=panel.area)
    title = _title(panel, found, legend)
    matched = _match_labels(bars, labels)
    decimals = _decimals([label.text for label in matched.values()], fit)
    tolerance = MISMATCH_SHARE * fit.value_range
    flags: list[Flag] = []
    series = [
        Series(name=name, colour=hex_colour(colour), style="bar")
        for name, colour in zip(names, colours, strict=True)
    ]
    for bar, group, category in zip(bars, groups, categories, strict=True):
        measured = round(fit.value(bar.top), decimals)
        label = matched.get(id(bar))
        value, confidence = measured, _confidence(fit)
        if label is not None and label.value is not None:
            agrees = abs(label.value - measured) <= tolerance
            repaired = None if agrees else _repair(label, measured, tolerance)
            if repaired is not None:
                value, confidence = repaired, 0.8
                flags.append(Flag(
                    kind="ocr_repaired", severity="info", source="charts", span=label.text,
                    message=f"chart '{title or 'untitled'}': value label '{label.text}' read "
                    f"as {repaired:g}, the reading its bar's height confirms",
                    evidence={"label": label.text, "value": repaired, "measured": measured},
                ))
            elif agrees or (label.confidence >= 85 and _on_scale(label.value, fit)):
                value, confidence = label.value, (0.95 if agrees else 0.6)
            if not agrees and repaired is None:
                flags.append(_mismatch(title, series[group].name, category, label, measured))
        series[group].points.append(
            ChartPoint(
                x=category, y=round(value, 4), px=round(bar.cx, 1), py=round(bar.top, 1),
                label=label.text if label is not None else None, confidence=confidence,
            )
        )
    chart = Chart(kind="bar", box=panel.area, title=title, axes=[fit.to_axis()], series=series)
    return chart, flags


def _on_scale(value: float, fit: Fit) -> bool:
    """Within half the axis range beyond its end ticks: a label could say that."""
    ticks = [float(p.value or 0.0) for p in fit.ticks]
    low, high = min(ticks), max(ticks)
    return low - 0.5 * (high - low) <= value <= high + 0.5 * (high - low)


def _decimals(labels: list[str], fit: Fit) -> int:
    """How precisely to report a measured bar: as its neighbours' labels are printed, else
    one digit finer than the ticks."""
    def places(text: str) -> int:
        text = text.strip().rstrip("%,")
        return len(text.partition(".")[2])

    if labels:
        counts = [places(text) for text in labels]
        return max(set(counts), key=counts.count)
    return 1 + max(places(tick.text) for tick in fit.ticks)


def _series_of(bars: list[RawBar], categories: list[str | float]) -> list[int]:
    """Series by bar colour; where one colour takes two bars of a category, the colours are
    told apart more finely (light greys and blues of one palette can be that close)."""
    colours = [bar.colour for bar in bars]
    for threshold in (28.0, 16.0, 9.0, 5.0):
        groups = cluster_colours(colours, threshold)
        pairs = list(zip(groups, categories, strict=True))
        if len(set(pairs)) == len(pairs):
            return groups
    return groups


def _repair(label: Phrase, measured: float, tolerance: float) -> float | None:
    """A label OCR misread by a lost point ("881" for 88.1) or one wrong digit ("93.4" for
    83.4): the one reading nearest the bar, if the bar confirms it."""
    text = label.text.strip().rstrip("%,").replace(",", ".")
    options: list[str] = []
    if text.isdigit() and len(text) >= 2:
        options += [f"{text[:cut]}.{text[cut:]}" for cut in range(1, len(text))]
    options += [
        text[:i] + digit + text[i + 1 :]
        for i, char in enumerate(text) if char.isdigit()
        for digit in "0123456789" if digit != char
    ]
    values = [v for v in (parse_number(o) for o in options) if v is not None]
    near = [v for v in values if abs(v - measured) <= tolerance]
    return min(near, key=lambda v: abs(v - measured)) if near else None


def _confidence(fit: Fit) -> float:
    """From the axis fit's worst tick residual: 0 px gives 0.9, 5 px or more gives 0.4."""
    return round(max(0.4, 0.9 - 0.1 * fit.residual_px), 3)


def _mismatch(title: str, name: str, category: str | float | None, label: Phrase,
              measured: float) -> Flag:
    where = f"{name or 'series'} / {category}" if category is not None else name
    return Flag(
        kind="label_geometry_mismatch",
        message=(
            f"chart '{title or 'untitled'}': the label '{label.text}' on bar {where} "
            f"disagrees with the bar's height, which reads {measured:.1f} on the axis"
        ),
        source="charts",
        span=label.text,
        evidence={"label": label.value, "measured": round(measured, 3), "category": category},
    )


def _categories(panel: Panel, bars: list[RawBar], found: list[Phrase]) -> list[str | float]:
    """Each bar's category: the level x label centred below its group (or below the bar
    itself), else its group's index."""
    baseline = float(np.median([bar.bottom for bar in bars]))
    height = float(np.median([p.height for p in panel.y.ticks]))
    below = [
        p for p in found
        if p.value is None and p.confidence >= 60 and _wordlike(p.text)
        and panel.area.x1 - height <= p.box.cx <= panel.area.x2
        and baseline - 0.3 * height <= p.box.y1 <= baseline + 3 * height
        and (any(b.x1 <= p.box.cx <= b.x2 for b in bars) or _between_bars(p, bars))
    ]
    row: list[Phrase] = []
    for start in sorted(below, key=lambda p: p.box.y1):
        candidate = [p for p in below if start.box.y1 <= p.box.y1 <= start.box.y1 + 0.6 * p.height]
        # slanted labels read level come out as short, unsure scraps
        if len(candidate) >= 2 and np.mean([p.confidence for p in candidate]) >= 80:
            row = candidate
            break
    if row:
        rest = [p for p in below if p not in row and p.text.startswith("(")]
        names = {id(p): p.text for p in row}
        for extra in rest:
            owner = _nearest(row, extra.box.cx)
            if abs(owner.box.cx - extra.box.cx) < max(owner.box.width, extra.box.width):
                names[id(owner)] += " " + extra.text
        return _label_groups(bars, row, names)
    return _gap_groups(bars)


def _label_groups(
    bars: list[RawBar], row: list[Phrase], names: dict[int, str]
) -> list[str | float]:
    """Each group of bars takes the x label under it; a label in a gap between two groups
    (a group split by a missing bar) names both. A group without one keeps its index."""
    groups = _gap_groups(bars)
    width = float(np.median([b.width for b in bars]))
    spans = {
        key: (min(b.x1 for b, g in zip(bars, groups, strict=True) if g == key),
              max(b.x2 for b, g in zip(bars, groups, strict=True) if g == key))
        for key in set(groups)
    }

    def gap(phrase: Phrase, key: str | float) -> float:
        left, right = spans[key]
        return max(0.0, left - phrase.box.cx, phrase.box.cx - right)

    def centre(key: str | float) -> float:
        return sum(spans[key]) / 2

    def between(phrase: Phrase, key: str | float) -> bool:
        side = centre(key) > phrase.box.cx
        return any(
            other != key and gap(phrase, other) <= 1.5 * width
            and (centre(other) > phrase.box.cx) != side
            for other in spans
        )

    label: dict[str | float, str] = {}
    for key in spans:
        under = [p for p in row if gap(p, key) == 0]
        beside = [p for p in row if 0 < gap(p, key) <= 1.5 * width and between(p, key)]
        chosen = under or beside
        if chosen:
            middle = centre(key)
            label[key] = names[id(min(chosen, key=lambda p: abs(p.box.cx - middle)))]
    return [label.get(g, g) for g in groups]


SLANTS = (15.0, 75.0)  # degrees: the range a slanted label's angle is looked for in
SLANT_ZOOM = 2.0


def _slanted_categories(
    rgb: np.ndarray, panel: Panel, bars: list[RawBar], settings: OcrSettings
) -> list[str | float] | None:
    """Tick labels set at a slant under the bars: the strip below the baseline is turned
    level and read. A label belongs to the group (or bar) under its centre or under its
    upper-right end, whichever way the labels are anchored."""
    baseline = int(max(bar.bottom for bar in bars))
    area = panel.area
    x1 = max(0, int(area.x1 - 0.4 * area.width))
    y2 = min(rgb.shape[0], int(baseline + 0.45 * area.height))
    strip = rgb[baseline + 2 : y2, x1 : area.x2]
    if strip.size == 0 or min(strip.shape[:2]) < 10:
        return None
    if float(np.median(strip)) < 110:
        strip = 255 - strip
    # slanted labels are small; Tesseract reads text best some 20-30 px tall
    strip = cv2.resize(strip, None, fx=SLANT_ZOOM, fy=SLANT_ZOOM, interpolation=cv2.INTER_CUBIC)
    groups = _gap_groups(bars)
    keys = sorted(set(groups))
    per_group = [float(np.mean([b.cx for b, g in zip(bars, groups, strict=True) if g == k]))
                 for k in keys]
    per_bar = [bar.cx for bar in bars]
    best: tuple[float, dict[int, str], bool] | None = None
    for slant in (_slant(strip),):
        level, back = _turned(strip, slant)
        try:
            read = ocr.read_words(level, settings, psm=11)
        except RuntimeError:  # tesserocr: "No text returned" on an empty strip
            continue
        words = [w for w in read if w.confidence >= 50 and _wordlike(w.text)]
        lines = _text_lines(words)
        for anchor, targets in itertools.product(("end", "centre"), (per_group, per_bar)):
            spacing = float(np.median(np.diff(targets))) if len(targets) > 1 else area.width / 2
            named: dict[int, tuple[float, str]] = {}
            for line in lines:
                left = min(w.box.x1 for w in line)
                right = max(w.box.x2 for w in line)
                cy = float(np.mean([w.box.cy for w in line]))
                px = right if anchor == "end" else (left + right) / 2
                x, _ = back @ np.array([px, cy, 1.0]) / SLANT_ZOOM
                target = min(range(len(targets)), key=lambda i: abs(targets[i] - (x1 + x)))
                if abs(targets[target] - (x1 + x)) > 0.4 * spacing:
                    continue
                text = " ".join(w.text for w in sorted(line, key=lambda w: w.box.x1))
                confidence = sum(w.confidence for w in line)
                if target not in named or confidence > named[target][0]:
                    named[target] = (confidence, text)
            score = sum(c for c, _ in named.values())
            if named and (best is None or score > best[0]):
                labels = {k: text for k, (_, text) in named.items()}
                best = (score, labels, targets is per_bar)
    if best is None:
        return None
    _, labels, by_bar = best
    if by_bar:
        return [labels.get(i, float(i + 1)) for i in range(len(bars))]
    return [labels.get(keys.index(g), float(g)) for g in groups]


def _slant(strip: np.ndarray) -> float:
    """The angle of the labels: words smeared into blobs, the median direction of the long
    ones (measured up from the horizontal, as the labels rise to the right)."""
    grey = cv2.cvtColor(strip, cv2.COLOR_RGB2GRAY)
    ink = (grey < 128).astype(np.uint8)
    size = max(3, int(0.15 * strip.shape[0] / 4) | 1)
    blobs = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size)))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(blobs, connectivity=8)
    angles: list[float] = []
    for index in range(1, count):
        if stats[index, cv2.CC_STAT_AREA] < 4 * size * size:
            continue
        ys, xs = np.nonzero(labels == index)
        spread = np.cov(np.vstack([xs, ys]).astype(np.float64))
        values, vectors = np.linalg.eigh(spread)
        if values[1] < 9 * max(values[0], 1e-6):  # not elongated: a lone glyph
            continue
        dx, dy = vectors[:, 1]
        angles.append(float(np.degrees(np.arctan2(-dy, dx))) % 180)
    rising = [a for a in angles if SLANTS[0] <= a <= SLANTS[-1]]
    return float(np.median(rising)) if rising else 30.0


def _text_lines(words: list[Word]) -> list[list[Word]]:
    """Words grouped by the text line they sit on."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.box.cy):
        for line in lines:
            if abs(line[-1].box.cy - word.box.cy) < 0.5 * max(line[-1].box.height, word.box.height):
                line.append(word)
                break
        else:
            lines.append([word])
    return lines


def _turned(image: np.ndarray, slant: float) -> tuple[np.ndarray, np.ndarray]:
    """``image`` turned clockwise by ``slant`` degrees on a larger canvas, and the affine map
    from the turned image back to ``image``'s pixels."""
    height, width = image.shape[:2]
    turn = cv2.getRotationMatrix2D((width / 2, height / 2), -slant, 1.0)
    cos, sin = abs(turn[0, 0]), abs(turn[0, 1])
    size = (int(width * cos + height * sin) + 1, int(width * sin + height * cos) + 1)
    turn[0, 2] += size[0] / 2 - width / 2
    turn[1, 2] += size[1] / 2 - height / 2
    border = tuple(int(v) for v in np.median(image.reshape(-1, 3), axis=0))
    level = cv2.warpAffine(image, turn, size, flags=cv2.INTER_LINEAR, borderValue=border)
    return np.ascontiguousarray(level), cv2.invertAffineTransform(turn)


def _wordlike(text: str) -> bool:
    """Mostly letters and digits: a label, not graphics read as text."""
    useful = sum(c.isalnum() for c in text)
    return useful >= 2 and useful >= 0.5 * len(text.replace(" ", ""))


def _between_bars(phrase: Phrase, bars: list[RawBar]) -> bool:
    """Centred in a gap inside a group (a missing bar): bars close on both sides."""
    x = phrase.box.cx
    left = [b for b in bars if b.x2 <= x]
    right = [b for b in bars if b.x1 >= x]
    if not left or not right:
        return False
    gap = min(b.x1 for b in right) - max(b.x2 for b in left)
    return gap <= 2 * float(np.median([b.width for b in bars]))


def _nearest(candidates: list[Phrase], x: float) -> Phrase:
    return min(candidates, key=lambda p: abs(p.box.cx - x))


def _gap_groups(bars: list[RawBar]) -> list[str | float]:
    """Group numbers 1, 2, ...: bars closer than half a bar's width belong together."""
    typical = float(np.median([bar.width for bar in bars]))
    index, out = 1, list[str | float]()
    for i, bar in enumerate(bars):
        if i and bar.x1 - bars[i - 1].x2 > 0.5 * typical:
            index += 1
        out.append(float(index))
    return out


def _match_labels(bars: list[RawBar], labels: list[Phrase]) -> dict[int, Phrase]:
    """Each value label to the bar it sits on or above, nearest the bar's top."""
    best: dict[int, tuple[float, Phrase]] = {}
    for label in labels:
        box = label.box
        options = [
            (abs(box.cy - bar.top), bar) for bar in bars
            if bar.x1 - 0.25 * bar.width <= box.cx <= bar.x2 + 0.25 * bar.width
            and bar.top - 3 * box.height <= box.cy <= bar.top + 3 * box.height
            and box.y2 <= bar.bottom
        ]
        if not options:
            continue
        gap, bar = min(options, key=lambda o: o[0])
        if id(bar) not in best or gap < best[id(bar)][0]:
            best[id(bar)] = (gap, label)
    return {key: label for key, (_, label) in best.items()}


# ---------------------------------------------------------------- lines and scatter


def _line_chart(
    rgb: np.ndarray, panel: Panel, found: list[Phrase], words: list[Word],
    text_boxes: list[Box], bg: np.ndarray, numbers: list[Phrase],
) -> tuple[Chart | None, list[Flag]]:
    below = [p for p in numbers if p.box.y1 >= panel.area.y2 - 2
             and panel.area.x1 - 20 <= p.box.cx <= panel.area.x2]
    xfits = x_axes(below)
    panel.x = min(xfits, key=lambda f: f.ticks[0].box.y1) if xfits else None
    swatches = [
        _swatch_box(w) for w in words
        if w.confidence >= 30 and _wordlike(w.text) and _inside(w.box, panel.area)
        and w.box.height >= 0.6 * panel.tick_height and swatch_colour(rgb, w, bg) is not None
    ]
    traced, dashes = line_reader.trace(rgb, panel.area, text_boxes + swatches, bg)
    if not traced:
        return None, []
    names, legend = legend_names(rgb, words, [t.colour for t in traced], bg, area=panel.area)
    title = _title(panel, found, legend)
    # legend samples are not data: left of the legend words, or of this panel's words that
    # repeat a series name (the panel's own legend, when OCR ran its sample into the text)
    stems = [name[:4].lower() for name in names if len(name) >= 4]
    samples = [_swatch_box(word).union(word.box) for word in legend] + [
        _swatch_box(word).union(word.box) for word in words
        if _inside(word.box, panel.area) and any(stem in word.text.lower() for stem in stems)
    ]
    series = []
    for trace, name in zip(traced, names, strict=True):
        points = [
            ChartPoint(
                x=_x_value(panel, px), y=round(panel.y.value(py), 2),
                px=round(px, 1), py=round(py, 1), confidence=_confidence(panel.y),
            )
            for px, py in trace.points
            if not any(b.x1 <= px <= b.x2 and b.y1 <= py <= b.y2 for b in samples)
        ]
        series.append(Series(name=name, colour=hex_colour(trace.colour), style=trace.style,
                             points=points))
    kind = "scatter" if all(t.style == "scatter" for t in traced) else "line"
    axes = [panel.y.to_axis()] + ([panel.x.to_axis(_x_title(panel, found))] if panel.x else [])
    keys = {_key(name) for name in names if name}
    blocks = [b for b in _annotations(panel, found, legend) if _key(b[0]) not in keys]
    references = _pair_labels([_reference(panel, dash, blocks) for dash in dashes], dashes)
    chart = Chart(
        kind=kind, box=panel.area, title=title, axes=axes, series=series,
        reference_lines=references, annotations=[text for text, _ in blocks],
    )
    return chart, []


def _pair_labels(
    references: list[ReferenceLine], dashes: list[line_reader.Dashed]
) -> list[ReferenceLine]:
    """A horizontal and a vertical dashed line that meet mark one reading ("this score is
    reached at that size"): one without a label takes its partner's."""
    for ref, dash in zip(references, dashes, strict=True):
        if ref.label:
            continue
        for other_ref, other in zip(references, dashes, strict=True):
            if other.orientation == dash.orientation or not other_ref.label:
                continue
            meets = (
                other.start - 4 <= dash.pixel <= other.end + 4
                and dash.start - 4 <= other.pixel <= dash.end + 4
            )
            if meets:
                ref.label = other_ref.label
                break
    return references


def _key(text: str) -> str:
    """Letters and digits only, lower case: "LLaMA 2" and "LLaMA2" are one name."""
    return "".join(c for c in text.lower() if c.isalnum())


def _swatch_box(word: Word) -> Box:
    height = max(4, word.box.height)
    return Box(x1=int(word.box.x1 - 3.6 * height), y1=int(word.box.cy - 0.8 * height),
               x2=word.box.x1, y2=int(word.box.cy + 0.8 * height))


def _x_value(panel: Panel, px: float) -> float:
    """The x value at a pixel; a point on a tick takes the tick's printed value."""
    if panel.x is None:
        return round(px, 1)
    for tick in panel.x.ticks:
        if abs(tick.box.cx - px) <= 0.35 * tick.height and tick.value is not None:
            return tick.value
    return _nice(panel.x, px)


def _nice(fit: Fit, pixel: float) -> float:
    """On a log axis a reading within half a percent of a whole number is that number (model
    sizes are whole billions; a pixel is worth about that much there)."""
    value = fit.value(pixel)
    whole = round(value)
    if fit.scale == "log" and whole and abs(value - whole) <= 0.005 * abs(value):
        return float(whole)
    return round(value, 2)


def _annotations(panel: Panel, found: list[Phrase], legend: list[Word]) -> list[tuple[str, Box]]:
    """Text inside the plot area that is neither a legend entry nor a value: blocks of lines."""
    taken = {(w.box.x1, w.box.y1) for w in legend}
    inside = sorted(
        (p for p in found
         if p.value is None and p.confidence >= 50 and _inside(p.box, panel.area)
         and not any((w.box.x1, w.box.y1) in taken for w in p.words)),
        key=lambda p: p.box.y1,
    )
    blocks: list[tuple[list[str], Box]] = []
    for phrase in inside:
        for index, (texts, box) in enumerate(blocks):
            near = 0 <= phrase.box.y1 - box.y2 <= 0.8 * phrase.height
            if near and min(box.x2, phrase.box.x2) > max(box.x1, phrase.box.x1):
                blocks[index] = ([*texts, phrase.text], box.union(phrase.box))
                break
        else:
            blocks.append(([phrase.text], phrase.box))
    return [(" ".join(texts), box) for texts, box in blocks]


def _reference(panel: Panel, dash: line_reader.Dashed, blocks: list[tuple[str, Box]]
               ) -> ReferenceLine:
    """A dashed line's value on its axis, and the annotation nearest to it."""
    if dash.orientation == "horizontal":
        value: float | None = round(panel.y.value(dash.pixel), 2)
    else:
        value = _nice(panel.x, dash.pixel) if panel.x else None
    label = ""
    if blocks:
        def gap(box: Box) -> float:
            if dash.orientation == "horizontal":
                dx = max(0.0, box.x1 - dash.end, dash.start - box.x2)
                dy = max(0.0, box.y1 - dash.pixel, dash.pixel - box.y2)
            else:
                dx = max(0.0, box.x1 - dash.pixel, dash.pixel - box.x2)
                dy = max(0.0, box.y1 - dash.end, dash.start - box.y2)
            return float(np.hypot(dx, dy))
        text, box = min(blocks, key=lambda b: gap(b[1]))
        if gap(box) <= 0.25 * max(panel.area.width, panel.area.height):
            label = text
    return ReferenceLine(orientation=dash.orientation, pixel=round(dash.pixel, 1), value=value,
                         label=label)


def _x_title(panel: Panel, found: list[Phrase]) -> str:
    if panel.x is None:
        return ""
    ticks_bottom = max(p.box.y2 for p in panel.x.ticks)
    height = float(np.median([p.height for p in panel.x.ticks]))
    under = [
        p for p in found
        if p.value is None and ticks_bottom <= p.box.y1 <= ticks_bottom + 3 * height
        and panel.area.x1 <= p.box.cx <= panel.area.x2
    ]
    return " ".join(p.text for p in sorted(under, key=lambda p: p.box.x1))


# ---------------------------------------------------------------- record views


def scores_from_chart(chart: Chart) -> list[Score]:
    """(model, benchmark, value) triples: series as model and category as benchmark when the
    series are named, else the category as model and the chart's title as benchmark."""
    named = any(series.name for series in chart.series)
    y_title = next((a.title for a in chart.axes if a.orientation == "y" and a.title), "")
    scores: list[Score] = []
    for series in chart.series:
        for point in series.points:
            if point.y is None:
                continue
            if chart.kind in ("bar", "hbar"):
                if named and series.name and isinstance(point.x, str):
                    model, benchmark = series.name, point.x
                elif isinstance(point.x, str) and (chart.title or y_title):
                    model, benchmark = point.x, chart.title or y_title
                else:
                    continue
                setting = None
            else:
                if not series.name or not (y_title or chart.title):
                    continue
                model, benchmark = series.name, y_title or chart.title
                setting = f"x={point.x:g}" if isinstance(point.x, float) else None
            scores.append(
                Score(
                    model=model, benchmark=benchmark, setting=setting, value=point.y,
                    source="chart", sources=[f"chart:{chart.kind}"],
                    confidence=point.confidence,
                    evidence={"label": point.label, "px": point.px, "py": point.py},
                )
            )
    return scores


_PARAMS = re.compile(r"param|size|\(B\)|billion", re.IGNORECASE)


def rows_from_chart(chart: Chart) -> list[Row]:
    """A row per point of a scaling curve: x is parameters (billions), y is MMLU."""
    x_axis = next((a for a in chart.axes if a.orientation == "x"), None)
    y_axis = next((a for a in chart.axes if a.orientation == "y"), None)
    if x_axis is None or y_axis is None or not _PARAMS.search(x_axis.title):
        return []
    if "mmlu" not in f"{y_axis.title} {chart.title}".lower():
        return []
    rows: list[Row] = []
    for series in chart.series:
        for point in series.points:
            if not isinstance(point.x, float) or point.y is None:
                continue
            rows.append(
                Row(
                    model=series.name, params_b=point.x, mmlu=point.y,
                    source="chart", sources=[f"chart:{chart.kind}"],
                    confidence=point.confidence, evidence={"px": point.px, "py": point.py},
                )
            )
    return rows


