"""Box plots: a box (the quartiles) with a line across it (the median) and a whisker out of
each end, one per category, upright or lying.

Read in stages: the boxes by their shape (``box_shapes``), their category names
(``box_names``), and the medians printed beside them (``box_medians``). A printed median (a
number beside the box, read by OCR, within its quartiles) is the point's value, where it
agrees with the median line measured on the axis; else the measured median, with its
uncertainty.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

import numpy as np

from ..config import OcrSettings
from ..ocr.phrase import Phrase
from ..record import Box, Chart, ChartPoint, Flag, Quartiles, Series, Word
from .axes import Fit, lying_value_axis
from .bars import RawBar
from .binding import slanted_categories
from .box_medians import printed_medians, printed_value, read_at
from .box_names import names_below, names_beside
from .box_shapes import Placed, RawBox, alike, boxes_plausible, find_boxes
from .legend import legend_names
from .panels import Panel, title_above
from .pixels import cluster_colours, hex_colour, plot_background
from .series import MISMATCH_SHARE, confidence_of, mismatch_flag, repaired_flag
from .strips import name_strip_words
from .text import clean_words, phrases, read_label


def read_upright_boxes(
    rgb: np.ndarray, panel: Panel, found: list[Phrase], labels: list[Phrase],
    legend_words: list[Word], ocr_settings: OcrSettings | None,
    patterned: list[Box] | None = None,
) -> tuple[Chart, list[Flag]] | None:
    """The box plot in a panel whose y axis is the value axis, or None. ``patterned``: the
    cells of hatched or dotted bars, whose patterns' pieces are no boxes."""
    area = panel.area
    view = rgb[area.y1 : area.y2, area.x1 : area.x2]
    bg = plot_background(view)
    raw = alike([b for b in find_boxes(view, bg) if not _in_text(b, area, found)
                 and not _in_text(b, area, patterned or [])])
    if not boxes_plausible(raw):
        return None
    placed = [Placed(b, lying=False, origin=(area.x1, area.y1)) for b in raw]
    names = names_below(placed, found, area)
    if ocr_settings is not None and not all(isinstance(n, str) for n in names):
        # names set at a slant under the plot, read level as under bars (standing on the
        # plot's floor for the purpose)
        columns = [RawBar(x1=p.rect.x1, x2=p.rect.x2, top=p.rect.y1, bottom=area.y2,
                          colour=p.raw.colour) for p in placed]
        slanted = slanted_categories(rgb, panel, columns, ocr_settings)
        if slanted and sum(isinstance(n, str) for n in slanted) > sum(
                isinstance(n, str) for n in names):
            names = slanted
    title = title_above(panel, found, legend_words)
    return _chart(rgb, placed, names, panel.y, labels, legend_words, bg, area, title,
                  ocr_settings)


def _in_text(box: RawBox, area: Box, found: list[Phrase] | list[Box]) -> bool:
    """A "box" with its whiskers inside a word read on the page: a glyph of a value label
    printed over a bar ("%", "0"), its bowl taken for a box and its stem for a whisker (or
    inside a patterned bar: a piece of its hatch)."""
    x1, x2 = area.x1 + box.c1, area.x1 + box.c2
    y1, y2 = area.y1 + box.w_lo, area.y1 + box.w_hi
    boxes = [p if isinstance(p, Box) else p.box for p in found]
    return any(b.x1 - 2 <= x1 and x2 <= b.x2 + 2 and b.y1 - 2 <= y1
               and y2 <= b.y2 + 2 for b in boxes)


def read_lying_boxes(
    rgb: np.ndarray, found: list[Phrase], numbers: list[Phrase], legend_words: list[Word],
    ocr_settings: OcrSettings | None,
) -> tuple[list[Chart], list[Flag]]:
    """The box plot over the lowest x axis, its boxes lying along it, if any."""
    fit = lying_value_axis(numbers)
    if fit is None:
        return [], []
    left, right = fit.span_px
    step = (right - left) / max(1, len(fit.ticks) - 1)
    # the plot spans the whole row of tick labels, where the fit keeps only some of them
    level = fit.ticks[0].box.cy
    row = [p for p in numbers if abs(p.box.cy - level) <= 0.5 * p.height]
    left = min(left, *(p.box.cx for p in row))
    right = max(right, *(p.box.cx for p in row))
    fit = _whole_row(fit, row, step)
    bottom = int(min(p.box.y1 for p in fit.ticks)) - 2
    x1, x2 = max(0, int(left - 1.3 * step)), min(rgb.shape[1], int(right + 1.3 * step))
    if bottom < 20 or x2 - x1 < 20:
        return [], []
    area = Box(x1=x1, y1=0, x2=x2, y2=bottom)
    crop = rgb[area.y1 : area.y2, area.x1 : area.x2]
    bg = plot_background(crop)
    raw = alike(find_boxes(np.ascontiguousarray(crop.transpose(1, 0, 2)), bg))
    if not boxes_plausible(raw):
        return [], []
    placed = [Placed(b, lying=True, origin=(area.x1, area.y1)) for b in raw]
    names = names_beside(placed, found)
    if ocr_settings is not None and not all(isinstance(n, str) for n in names):
        # names the page reading lost (beside logos, in a JPEG): their strip read alone
        start = int(min(b.along(b.raw.w_lo) for b in placed)) - 2
        top = max(0, int(min(b.rect.y1 for b in placed)) - 10)
        bottom = min(rgb.shape[0], int(max(b.rect.y2 for b in placed)) + 10)
        strip = name_strip_words(rgb, Box(x1=0, y1=top, x2=max(1, start), y2=bottom),
                                 ocr_settings)
        again = names_beside(placed, phrases(clean_words(strip)))
        # the strip's reading where it has a name and the page's has none, or a shorter one
        # (cut at a hyphen: "Llama" for "Llama-2-7B")
        names = [a if isinstance(a, str) and (not isinstance(n, str) or len(a) > len(n))
                 else n for n, a in zip(names, again, strict=True)]
    ticks = {id(p) for p in fit.ticks}
    labels = [p for p in numbers if id(p) not in ticks]
    chart, flags = _chart(rgb, placed, names, fit, labels, legend_words, bg, area, "",
                          ocr_settings)
    return [chart], flags


ROW_RESIDUAL = 0.25  # of a tick step: the most a tick may lie off a fit through its row


def _whole_row(fit: Fit, row: list[Phrase], step: float) -> Fit:
    """A fit through every tick of the axis's row, where the best fit kept only some (a row
    of labels set unevenly, by hand) and none lies off it by more than a quarter step: the
    boxes are measured along the whole row, not past the end of a part of it."""
    if len(row) <= len(fit.ticks):
        return fit
    pixels = np.array([p.box.cx for p in row])
    values = np.array([float(p.value or 0.0) for p in row])
    a, b = np.polyfit(pixels, values, 1)
    off = np.abs(pixels - (values - b) / a) if a > 0 else np.array([np.inf])
    if a <= 0 or float(off.max()) > ROW_RESIDUAL * step:
        return fit
    return replace(fit, a=float(a), b=float(b), ticks=row, residual_px=float(off.max()),
                   shift_px=0.0)


def _chart(
    rgb: np.ndarray, boxes: list[Placed], names: list[str | float], fit: Fit,
    labels: list[Phrase], legend_words: list[Word], bg: np.ndarray, area: Box, title: str,
    ocr_settings: OcrSettings | None,
) -> tuple[Chart, list[Flag]]:
    series_of = cluster_colours([b.raw.colour for b in boxes], 20.0)
    colours = [np.median(np.array([b.raw.colour for b, s in zip(boxes, series_of, strict=True)
                                   if s == k]), axis=0) for k in range(max(series_of) + 1)]
    # a printed median beside its box ("0.95s") is no legend entry though a patch is near
    names_only = [w for w in legend_words if printed_value(w.text) is None]
    legend, _ = legend_names(rgb, names_only, colours, bg, patches=True, area=area)
    if not any(legend):  # a colour per box is decoration: one series
        series_of, legend, colours = [0] * len(boxes), [""], [np.median(colours, axis=0)]
    series = [Series(name=name, colour=hex_colour(colour), style="box")
              for name, colour in zip(legend, colours, strict=True)]
    tolerance = MISMATCH_SHARE * fit.value_range
    flags: list[Flag] = []
    bound, places = printed_medians(rgb, boxes, labels, ocr_settings)
    for box, index, name in zip(boxes, series_of, names, strict=True):
        raw = box.raw
        # a row's value at its middle
        ends = sorted(fit.value(box.along(row + 0.5)) for row in (raw.w_lo, raw.w_hi))
        quartile = sorted(fit.value(box.along(row + 0.5)) for row in (raw.q_lo, raw.q_hi))
        measured = None if raw.median is None else fit.value(box.along(raw.median))
        label = bound[id(box)]
        if label is None and places and ocr_settings is not None and raw.median is not None:
            # the other boxes carry their medians printed: this one's, OCR lost, is read
            # alone where theirs are
            label = read_at(rgb, box, places, ocr_settings)
        printed = None if label is None else label.value
        if printed is not None and not (
                quartile[0] - tolerance <= printed <= quartile[1] + tolerance):
            printed = None  # a number beside the box that is not within it names no median
        value: float | None = measured
        confidence = confidence_of(fit)
        provenance: Literal["label", "measured"] = "measured"
        if label is not None and printed is not None:
            agrees = measured is None or abs(printed - measured) <= tolerance
            if not agrees and ocr_settings is not None and measured is not None:
                second = read_label(rgb, label.box, ocr_settings)
                if second is not None and abs(second - measured) <= tolerance:
                    flags.append(repaired_flag(title, label.text, second, measured))
                    printed, agrees = second, True
            # a printed number bound to the box and within its quartiles is its median,
            # though the line may be drawn elsewhere (flagged below)
            if agrees or quartile[0] <= printed <= quartile[1]:
                value, confidence = printed, (0.95 if agrees else 0.6)
                provenance = "label"
            if not agrees and measured is not None:
                flags.append(mismatch_flag(title, series[index].name, name, label, measured))
        if value is None:
            continue
        centre_along = box.along(raw.median if raw.median is not None else
                                 (raw.q_lo + raw.q_hi) / 2)
        centre_across = box.across(raw.centre)
        px, py = (centre_along, centre_across) if box.lying else (centre_across, centre_along)
        series[index].points.append(ChartPoint(
            x=name, y=round(value, 4), px=round(px, 1), py=round(py, 1),
            label=label.text if label is not None and provenance == "label" else None,
            confidence=confidence, provenance=provenance,
            uncertainty=(round(fit.uncertainty(box.along(raw.median)), 4)
                         if provenance == "measured" and raw.median is not None else None),
            quartiles=Quartiles(low=round(ends[0], 4), q1=round(quartile[0], 4),
                                q3=round(quartile[1], 4), high=round(ends[1], 4)),
        ))
    rects = [b.rect for b in boxes]
    chart_box = Box(x1=min(r.x1 for r in rects), y1=min(r.y1 for r in rects),
                    x2=max(r.x2 for r in rects), y2=max(r.y2 for r in rects))
    return Chart(kind="box", box=chart_box, title=title,
                 axes=[fit.to_axis()], series=[s for s in series if s.points]), flags
