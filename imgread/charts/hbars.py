"""Horizontal bars: bars growing right from a common left edge, read on the x axis below.

The plot is turned a quarter so that its bars stand upright (right becomes up), measured by
the upright bar reader, and their ends turned back into image pixels. Names are the labels
left of the bars' common edge, value labels the numbers just past a bar's end.
"""

from __future__ import annotations

from typing import Literal

import numpy as np

from ..config import OcrSettings
from ..ocr.phrase import Phrase
from ..record import Box, Chart, ChartPoint, Flag, Series, Word
from .axes import Fit, lying_value_axis
from .bars import BAR_INK, PAGE_NEAR, Lying, RawBar, find_bars, outer_page
from .binding import conformed, gap_groups, on_scale, repair, repair_text
from .dot_rows import row_dots
from .legend import confirmed_names, legend_names, unsure_names
from .naming import sample_names
from .pixels import cluster_colours, distance, hex_colour, plot_background
from .series import MISMATCH_SHARE, confidence_of, mismatch_flag, repaired_flag
from .stacks import split_stacks
from .strips import name_strip_words
from .text import clean_words, lowest_line_above, parse_number, phrases, read_label, read_label_text
from .wrapped_names import name_lines


def turn(rgb: np.ndarray) -> np.ndarray:
    """The image turned so that right is up and down is left: (x, y) -> (H-1-y, W-1-x)."""
    return np.ascontiguousarray(rgb.transpose(1, 0, 2)[::-1, ::-1])


def turn_box(box: Box, shape: tuple[int, ...]) -> Box:
    height, width = shape[0], shape[1]
    return Box(x1=max(0, height - 1 - box.y2), y1=max(0, width - 1 - box.x2),
               x2=max(0, height - 1 - box.y1), y2=max(0, width - 1 - box.x1))


def _lying(bar: RawBar, shape: tuple[int, ...]) -> Lying:
    height, width = shape[0], shape[1]
    return Lying(y1=height - 1 - bar.x2, y2=height - 1 - bar.x1, base=width - 1 - bar.bottom,
                 end=width - 1 - bar.top, colour=bar.colour, stacked=bar.stacked)


def read_hbars(
    rgb: np.ndarray, words: list[Word], found: list[Phrase], numbers: list[Phrase],
    text_boxes: list[Box], settings: OcrSettings | None,
) -> tuple[list[Chart], list[Flag]]:
    """The horizontal bar chart over the lowest x axis, if bars stand on it."""
    fit = lying_value_axis(numbers)
    if fit is None:
        return [], []
    area = _area(fit, rgb.shape)
    if area is None:
        return [], []
    lying = lying_bars(rgb, fit, area, words, found, numbers, text_boxes, settings)
    if lying[0]:
        return lying
    # dots on named rows (a dot plot, a dumbbell chart): each dot a bar to its centre
    dots = row_dots(rgb, area, fit.span_px[0], words, found)
    if not dots:
        return [], []
    bg = plot_background(rgb[area.y1 : area.y2, area.x1 : area.x2])
    upright = [_upright(dot, rgb.shape) for dot in dots]
    chart, flags = _chart(rgb, fit, area, dots, upright, found, numbers, words, bg, settings)
    return [chart], flags


def lying_bars(
    rgb: np.ndarray, fit: Fit, area: Box, words: list[Word], found: list[Phrase],
    numbers: list[Phrase], text_boxes: list[Box], settings: OcrSettings | None,
) -> tuple[list[Chart], list[Flag]]:
    """The horizontal bar chart in ``area`` read on ``fit``, if bars lie there from one
    edge."""
    turned = turn(rgb)
    # the background where the bars end (turned up: the top), not where they all start
    lifted = turn_box(area, rgb.shape)
    bg = plot_background(turned[lifted.y1 : lifted.y2, lifted.x1 : lifted.x2])
    upright = find_bars(turned, lifted,
                        [turn_box(b, rgb.shape) for b in text_boxes], bg)
    if not _standing([_lying(bar, rgb.shape) for bar in upright], fit):
        return [], []
    # bars cut into segments of the legend's colours (a 100% bar of Win / Tie / Loss): each
    # segment is its series' bar, its value its own length
    upright = split_stacks(turned, upright, lifted, bg)
    bars = [_lying(bar, rgb.shape) for bar in upright]
    chart, flags = _chart(rgb, fit, area, bars, upright, found, numbers, words, bg, settings)
    return [chart], flags


def _upright(bar: Lying, shape: tuple[int, ...]) -> RawBar:
    """A lying bar as the upright bar it is in the turned image (``_lying`` undone)."""
    height, width = shape[0], shape[1]
    return RawBar(x1=height - 1 - bar.y2, x2=height - 1 - bar.y1, top=width - 1 - bar.end,
                  bottom=width - 1 - bar.base, colour=bar.colour)


def _area(fit: Fit, shape: tuple[int, ...]) -> Box | None:
    """Above the tick labels, from a step left of the first tick (a 0 OCR missed) to just
    past the last."""
    left, right = fit.span_px
    step = (right - left) / max(1, len(fit.ticks) - 1)
    bottom = min(p.box.y1 for p in fit.ticks) - 2
    x1, x2 = max(0, int(left - 1.3 * step)), min(shape[1], int(right + 0.6 * step))
    if bottom < 20 or x2 - x1 < 20:
        return None
    return Box(x1=x1, y1=0, x2=x2, y2=int(bottom))


def _standing(bars: list[Lying], fit: Fit) -> bool:
    """At least two bars, from one edge near the axis's low end, some of them long."""
    if len(bars) < 2:
        return False
    low, high = fit.span_px
    long = sum(bar.end - bar.base >= 0.08 * (high - low) for bar in bars)
    return long >= 2 and all(abs(bar.base - bars[0].base) <= 3 for bar in bars)


def _chart(
    rgb: np.ndarray, fit: Fit, area: Box, bars: list[Lying], upright: list[RawBar],
    found: list[Phrase], numbers: list[Phrase], words: list[Word], bg: np.ndarray,
    settings: OcrSettings | None,
) -> tuple[Chart, list[Flag]]:
    groups = gap_groups(upright)
    categories = _names(bars, groups, found)
    thickness = float(np.median([bar.thickness for bar in bars]))
    if settings is not None and sum(isinstance(c, str) for c in categories) < len(bars):
        # names beside the bars the page reading lost or took for part of a picture (grey
        # names on a page as grey as the ticks, a size read as a number: "70B" as "708"):
        # read alone
        beside = _names_beside(rgb, bars, bg, max(6, int(thickness)), settings)
        names_read = [p for p in phrases(clean_words(beside)) if p.value is None]
        again = _names(bars, groups, names_read)
        named = sum(isinstance(c, str) for c in categories)
        if named >= len(bars) / 2:  # the page's names stand; the strip names the others
            categories = [c if isinstance(c, str) else a
                          for c, a in zip(categories, again, strict=True)]
        elif sum(isinstance(c, str) for c in again) > named:
            categories = again
    series_of = cluster_colours([bar.colour for bar in bars], 20.0)
    colours = [
        np.median(np.array([b.colour for b, s in zip(bars, series_of, strict=True) if s == k]),
                  axis=0)
        for k in range(max(series_of) + 1)
    ]
    names, legend = legend_names(rgb, words, colours, bg, patches=True, area=area)
    tick_height = float(np.median([p.height for p in fit.ticks]))
    if len(colours) > 1:
        # grouped bars need each series named: a legend's light names on a dark page come
        # out as scraps or not at all, its patches as letters ("Ml"): read beside the patch
        unsure = unsure_names(names, legend)
        by_patch = sample_names(rgb, colours,
                                ["" if i in unsure else n for i, n in enumerate(names)],
                                bg, tick_height, settings, legend, area)
        names = confirmed_names(names, by_patch)
    series = [Series(name=name, colour=hex_colour(colour), style="bar")
              for name, colour in zip(names, colours, strict=True)]
    tolerance = MISMATCH_SHARE * fit.value_range
    flags: list[Flag] = []
    ticks = {id(p) for p in fit.ticks}
    labels = [p for p in numbers if id(p) not in ticks]
    found_labels = [(bar, label) for bar in bars if (label := _label(bar, labels)) is not None]
    place: str | None = None
    stacked = any(bar.stacked for bar in bars)
    # (a stacked segment's label sits in its middle, not at its end: unread ones stay measured)
    if stacked:
        pass
    elif settings is not None and len(found_labels) >= 0.5 * len(bars):
        inside_bar = sum(label.box.cx < bar.end for bar, label in found_labels)
        place = "inside" if inside_bar > 0.5 * len(found_labels) else "past"
    elif settings is not None:
        place = _label_place(rgb, bars, tick_height, settings, fit, bg)
    floor = min(bar.base for bar in bars)
    for bar, index, category in zip(bars, series_of, categories, strict=True):
        # a stacked segment starts where the one before it ends: its value is its own length
        # (the first starts at the axis' edge, as a bar does)
        foot = fit.value(bar.base) if bar.stacked and bar.base > floor + 2 else 0.0
        measured = round(fit.value(bar.end) - foot, 1)
        label = _label(bar, labels)
        if bar.stacked and label is not None and (
                label.value is None or abs(label.value - measured) > tolerance):
            label = None  # a segment's length is measured well: a scrap that disagrees is none
        value, confidence = measured, confidence_of(fit)
        provenance: Literal["label", "measured"] = "measured"
        if label is None and settings is not None and place is not None:
            # a chart whose bars carry labels has one at every bar's end: read it there
            at = _past_end(bar, tick_height) if place == "past" else _inside_end(bar, tick_height)
            text = read_label_text(rgb, at, settings, widen=False,
                                   page=bg if place == "inside" else None)
            printed = conformed(text, None, measured, tolerance)
            if printed is not None:
                value, confidence, provenance = printed, 0.85, "label"
            # a point lost ("717"): mended only where the bar agrees closely
            elif text and (fixed := repair_text(text, measured, tolerance / 3)) is not None:
                value, confidence, provenance = fixed, 0.7, "label"
                flags.append(repaired_flag("", text, fixed, measured))
        if label is not None and label.value is not None:
            printed = label.value
            agrees = abs(printed - measured) <= tolerance
            if not agrees and settings is not None:
                second = read_label(rgb, label.box, settings)
                if second is None or abs(second - measured) > tolerance:
                    # OCR kept a scrap of it ("7%" of "32.7%", a gridline through its
                    # digits): read from the bar's end, a label's width, inside the bar
                    # where the scrap is, else past it
                    inside = label.box.x1 < bar.end
                    at = _inside_end(bar, tick_height) if inside else _past_end(bar, tick_height)
                    second = parse_number(read_label_text(
                        rgb, at, settings, widen=False, page=bg if inside else None))
                if second is not None and abs(second - measured) <= tolerance:
                    printed, agrees = second, True
                    flags.append(repaired_flag("", label.text, second, measured))
            fixed = None if agrees else repair(label, measured, tolerance)
            if fixed is not None:
                value, confidence, provenance = fixed, 0.8, "label"
                flags.append(repaired_flag("", label.text, fixed, measured))
            elif agrees or (label.confidence >= 85 and on_scale(printed, fit)):
                value, confidence, provenance = printed, (0.95 if agrees else 0.6), "label"
            if not agrees and fixed is None:
                flags.append(mismatch_flag("", series[index].name, category, label, measured))
        series[index].points.append(ChartPoint(
            x=category, y=round(value, 4), px=round(bar.end, 1), py=round(bar.cy, 1),
            label=label.text if label is not None else None, confidence=confidence,
            provenance=provenance,
            uncertainty=round(fit.uncertainty(bar.end), 3) if provenance == "measured" else None,
        ))
    box = Box(x1=int(min(b.base for b in bars)), y1=int(min(b.y1 for b in bars)),
              x2=area.x2, y2=area.y2)
    title = _title(box, found, fit)
    return Chart(kind="hbar", box=box, title=title, axes=[fit.to_axis()], series=series), flags


def _names_beside(rgb: np.ndarray, bars: list[Lying], bg: np.ndarray, reach: int,
                  settings: OcrSettings) -> list[Word]:
    """The strip left of the bars, read on its own. Names set against their bar (or running
    onto it) keep their last letters: the strip reaches ``reach`` pixels into the bars, and
    the bars' colours, and their blends into the page, are painted in the page's colour."""
    edges = []
    for bar in bars:
        row = rgb[int(bar.cy), max(0, int(bar.base) - 2) : int(bar.end)]
        inked = np.flatnonzero(distance(row[None], bar.colour)[0] < 40)
        edges.append(int(bar.base) - 2 + int(inked[0]) if len(inked) else int(bar.base))
    top = max(0, int(min(b.y1 for b in bars)) - 4)
    bottom = min(rgb.shape[0], int(max(b.y2 for b in bars)) + 4)
    right = min(rgb.shape[1], min(edges) + reach)
    strip = rgb[top:bottom, :right].astype(np.float32)
    page = np.asarray(bg, dtype=np.float32)
    # names set on the page round a plot face of another colour (matplotlib's grey figure
    # round a white axes) are read on the face's colour: Tesseract lost them on the grey
    outer = outer_page(rgb).astype(np.float32)
    if float(np.linalg.norm(outer - page)) > BAR_INK:
        strip[distance(strip, outer) < PAGE_NEAR] = page
    blends = np.zeros(strip.shape[:2], dtype=bool)
    for colour in {tuple(int(c) for c in bar.colour) for bar in bars}:
        towards = np.asarray(colour, dtype=np.float32) - page
        offset = strip - page
        share = np.clip((offset @ towards) / max(float(towards @ towards), 1.0), 0.0, 1.0)
        blends |= np.linalg.norm(offset - share[..., None] * towards, axis=-1) < 30
    # left of the bars' edge the painting only takes the names' faint fringes, unless the
    # names are grey as the bars are (grey bars on a grey panel): then most of their ink lies
    # on the bars' blend into the panel, and is kept
    edge = max(0, min(edges) - 2)
    ink = distance(strip[:, :edge], page) > NAME_INK
    if (blends[:, :edge] & ink).sum() > 0.5 * ink.sum():
        blends[:, :edge] = False
    strip[blends] = page
    words = name_strip_words(np.ascontiguousarray(strip.astype(np.uint8)),
                             Box(x1=0, y1=0, x2=right, y2=bottom - top), settings)
    return [w.model_copy(update={"box": w.box.model_copy(update={
        "y1": w.box.y1 + top, "y2": w.box.y2 + top})}) for w in words]


NAME_INK = 60.0  # RGB distance from the page: a name's ink, not its faint fringe


def _past_end(bar: Lying, height: float) -> Box:
    """Where a value label is printed just past a lying bar's end, level with the bar."""
    return Box(x1=int(bar.end + 1), y1=int(bar.cy - 0.9 * height),
               x2=int(bar.end + 6 * height), y2=int(bar.cy + 0.9 * height))


def _inside_end(bar: Lying, height: float) -> Box:
    """Where a value label is printed inside a lying bar, against its end."""
    return Box(x1=int(max(bar.base, bar.end - 6 * height)), y1=int(bar.cy - 0.9 * height),
               x2=int(bar.end) - 1, y2=int(bar.cy + 0.9 * height))


def _label_place(rgb: np.ndarray, bars: list[Lying], height: float, settings: OcrSettings,
                 fit: Fit, bg: np.ndarray) -> str | None:
    """Where the bars' printed values are, "past" their ends or "inside" them, as the longest
    bar shows one its length confirms (where OCR found few labels: the page reading may
    have taken them for part of a picture, or lost white digits on a bar); None where it
    shows none."""
    longest = max(bars, key=lambda b: b.end - b.base)
    tolerance = MISMATCH_SHARE * fit.value_range
    for place, box, page in (("past", _past_end(longest, height), None),
                             ("inside", _inside_end(longest, height), bg)):
        text = read_label_text(rgb, box, settings, widen=False, page=page)
        if conformed(text, None, fit.value(longest.end), tolerance) is not None:
            return place
    return None


def _title(box: Box, found: list[Phrase], fit: Fit) -> str:
    """The lowest line of text above the top bar, within a few text heights."""
    height = float(np.median([p.height for p in fit.ticks]))
    return lowest_line_above(found, box.y1 - 8 * height, box.y1, box.x1 - 4 * height, box.x2)


def _names(bars: list[Lying], groups: list[str | float], found: list[Phrase]
           ) -> list[str | float]:
    """Each bar's name: the text level with it left of the bars' edge, where every bar has
    one; else each group's, the text nearest the group's middle."""
    base = min(bar.base for bar in bars)
    thickness = float(np.median([bar.thickness for bar in bars]))
    left = [p for p in (_left_of(phrase, base) for phrase in found)
            if p is not None and p.box.x2 <= base + 0.5 * thickness]
    texts = [p for p in left if p.value is None and sum(c.isalnum() for c in p.text) >= 2]
    numerals = [p for p in left if p.value is not None]
    per_bar = [name_lines(bar, bars, texts, numerals) for bar in bars]
    if sum(bool(found) for found in per_bar) >= 0.8 * len(bars):  # a name beside every bar
        return [_untick(" ".join(p.text for p in found)) or float(i + 1)
                for i, found in enumerate(per_bar)]
    named: dict[str | float, str | float] = {}
    for key in set(groups):
        members = [b for b, g in zip(bars, groups, strict=True) if g == key]
        top, bottom = min(b.y1 for b in members), max(b.y2 for b in members)
        middle = (top + bottom) / 2
        near = [p for p in texts if top - 0.5 * thickness <= p.box.cy <= bottom + 0.5 * thickness]
        if near:
            # the line nearest the middle, with the words beside it on its line
            first = min(near, key=lambda p: abs(p.box.cy - middle))
            line = sorted((p for p in near if abs(p.box.cy - first.box.cy) < 0.5 * first.height),
                          key=lambda p: p.box.x1)
            named[key] = _untick(" ".join(p.text for p in line))
    return [named.get(g, g) for g in groups]


def _left_of(phrase: Phrase, base: float) -> Phrase | None:
    """The phrase's words left of the bars' edge: a bar's end read as a glyph ("r", "I")
    joins the name beside it into one phrase that reaches onto the bar."""
    words = [w for w in phrase.words if w.box.cx < base]
    if len(words) == len(phrase.words):
        return phrase
    return Phrase.of(words) if words else None


def _untick(name: str) -> str:
    """A name without the tick mark beside it, which OCR reads as a sign ("DROP:", "SIQA-")."""
    return name.rstrip(" -—:;|.,")


def _label(bar: Lying, labels: list[Phrase]) -> Phrase | None:
    """The number printed just past the bar's end (or inside it, near the end), level
    with the bar; a stacked segment's, inside it (a total printed past a stack's end
    belongs to no segment)."""
    if bar.stacked:
        inside = [p for p in labels if bar.base <= p.box.cx <= bar.end
                  and bar.y1 <= p.box.cy <= bar.y2]
        return min(inside, key=lambda p: abs(p.box.cx - (bar.base + bar.end) / 2),
                   default=None)
    options = [
        p for p in labels
        if bar.y1 - 0.3 * bar.thickness <= p.box.cy <= bar.y2 + 0.3 * bar.thickness
        and bar.end - 4 * p.height <= p.box.x1 <= bar.end + 3 * p.height
    ]
    return min(options, key=lambda p: abs(p.box.x1 - bar.end)) if options else None
