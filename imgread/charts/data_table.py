"""A chart's data table printed beneath it: a spreadsheet's chart draws, under the x axis, a
grid whose rows each start with a series' colour key (a small filled square) and name, and
whose cells hold that series' value under each category. There is no legend elsewhere: the
table names the series and prints their values.

A line of text under the plot, left of its first category, with a filled square of a
series' colour at its left is that series' row: the row's words past the key name the
series, and the number in the row under each category is its value there (read alone
where the page reading lost it: small digits between grid lines). Printed beats measured,
as with value labels; a cell its bar disagrees with by more than the axis resolution is
flagged.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from ..config import OcrSettings
from ..ocr.phrase import Phrase
from ..record import Box, Chart, ChartPoint, Flag, Series
from .pixels import distance
from .series import MISMATCH_SHARE
from .text import parse_number, read_label_text

KEY_COLOUR = 40.0  # RGB distance: a key's pixels this close to its series' colour
KEY_SHARE = 0.15  # of a text height squared: the least a key's pixels cover
LETTERS_SHARE = 0.04  # of a filled cell's pixels: the least its printed letters cover
INK_DISTANCE = 120.0  # RGB distance from a cell's fill at which a pixel is full ink
NAME_CELL_RATIO = 1.5  # a filled block under the plot this much wider than tall: a name cell
MIN_CELL_PX = 10  # px: the least height (and width) of a filled name cell
RESOLUTION_PX = 2.0  # px: a bar's end is found this close; a cell further off is flagged


def bind_data_table(rgb: np.ndarray, chart: Chart, found: list[Phrase], area: Box,
                    settings: OcrSettings | None) -> list[Flag]:
    """Name and value ``chart``'s series (in place) from the data table under ``area``,
    where one is printed there; the flags of cells that disagree with their bars."""
    columns = _category_columns(chart)
    if len(columns) < 2 or len(chart.series) < 2:
        return []
    first = min(x for x, _ in columns.values())
    rows = _key_rows(rgb, chart, found, area, first)
    spacing = next(iter(columns.values()))[1]
    filled = _filled_name_rows(rgb, chart, area, first - 0.5 * spacing,
                               [series for series, name, _ in rows if name], settings)
    rows = [row for row in rows if not any(row[0] is other[0] for other in filled)] + filled
    if len(rows) < 2:
        return []
    per_px, span = _resolution(chart)
    flags: list[Flag] = []
    for series, name, line in rows:
        if name:
            series.name = name
        for point in series.points:
            if point.x not in columns:
                continue
            centre, spacing = columns[point.x]
            cell = _cell(rgb, found, line, centre, spacing, settings)
            if cell is None:
                continue
            text, value = cell
            off = abs(value - point.y) if point.y is not None else 0.0
            if point.y is not None and off > max(point.uncertainty or 0.0,
                                                  RESOLUTION_PX * per_px):
                flags.append(_disagreement(chart, series, point, text, value))
            if point.y is not None and off > MISMATCH_SHARE * span:
                continue  # a digit lost from a cell ("5.0" of "45.0"): the bar stands
            point.y, point.label, point.provenance = value, text, "label"
            point.confidence, point.uncertainty = 0.9, None
    return flags


def _category_columns(chart: Chart) -> dict[str | float, tuple[float, float]]:
    """Each category's centre in pixels (its bars' middle) and the spacing of categories."""
    pixels: dict[str | float, list[float]] = defaultdict(list)
    for series in chart.series:
        for point in series.points:
            if isinstance(point.x, str):
                pixels[point.x].append(point.px)
    centres = {x: float(np.mean(px)) for x, px in pixels.items()}
    ordered = sorted(centres.values())
    if len(ordered) < 2:
        return {}
    spacing = float(np.median(np.diff(ordered)))
    return {x: (centre, spacing) for x, centre in centres.items()}


def _key_rows(rgb: np.ndarray, chart: Chart, found: list[Phrase], area: Box, first: float
              ) -> list[tuple[Series, str, Box]]:
    """The table's rows: a line of text under the plot, ending left of the first category,
    with a key of one series' colour at its left; each with its series, its name (the
    words past the key) and its line's box. One row a series, at most."""
    colours = _colours(chart)
    rows: dict[int, tuple[Series, str, Box]] = {}
    for phrase in found:
        box = phrase.box
        if box.cy <= area.y2 or box.x2 >= first or phrase.value is not None:
            continue
        height = box.height
        left = max(0, box.x1 - 3 * height)
        strip = rgb[box.y1 : box.y2 + 1, left : box.x2 + 1].astype(np.float32)
        if strip.size == 0:
            continue
        near = np.stack([distance(strip, colour) < KEY_COLOUR for colour in colours])
        counts = near.sum(axis=(1, 2))
        best = int(np.argmax(counts))
        if counts[best] < KEY_SHARE * height * height or (best in rows and rows[best][1]):
            continue
        # the key's right edge: words over it are the key read as letters ("ma", "=")
        key_end = left + _key_end(near[best])
        name = " ".join(w.text for w in phrase.words if w.box.x1 > key_end).strip()
        name = name if sum(c.isalnum() for c in name) >= 2 else ""
        if best in rows:  # the key read as a word of its own: its name is the next phrase
            box = box.union(rows[best][2])
        rows[best] = (chart.series[best], name, box)
    return list(rows.values())


def _filled_name_rows(rgb: np.ndarray, chart: Chart, area: Box, table_left: float,
                      named: list[Series], settings: OcrSettings | None
                      ) -> list[tuple[Series, str, Box]]:
    """Rows whose name cell is filled with the series' colour, the name printed inside it
    (a spreadsheet's data table without keys), which the page's reading lost on that
    ground, numbers and all: under the plot, left of the first category's cell, a block of
    one series' colour wider than tall is its row's name cell, read alone."""
    if settings is None or area.y2 + 1 >= rgb.shape[0] or table_left < 1:
        return []
    top = area.y2 + 1
    region = rgb[top:, : int(table_left)].astype(np.float32)
    rows: list[tuple[Series, str, Box]] = []
    for series, colour in zip(chart.series, _colours(chart), strict=True):
        if any(series is other for other in named):
            continue
        near = distance(region, colour) < KEY_COLOUR
        widths = near.sum(axis=1)
        if widths.max() < MIN_CELL_PX:
            continue
        full = widths >= 0.3 * widths.max()  # (its letters hide much of some rows)
        y1 = y2 = int(np.argmax(widths))
        while y1 > 0 and full[y1 - 1]:
            y1 -= 1
        while y2 + 1 < len(full) and full[y2 + 1]:
            y2 += 1
        x1, x2 = _filled_span(near[y1 : y2 + 1], y2 - y1 + 1)
        if y2 - y1 + 1 < MIN_CELL_PX or x2 - x1 < NAME_CELL_RATIO * (y2 - y1 + 1):
            continue
        cell = Box(x1=x1, y1=top + y1, x2=x2 + 1, y2=top + y2 + 1)
        name = _read_on_fill(rgb, cell, colour, settings)
        if sum(c.isalnum() for c in name) >= 2 and parse_number(name) is None:
            inner = Box(x1=cell.x1, y1=cell.y1 + 2, x2=cell.x2, y2=max(cell.y1 + 3, cell.y2 - 2))
            rows.append((series, name, inner))
    return rows


def _filled_span(near: np.ndarray, height: int) -> tuple[int, int]:
    """The first and last column of a filled cell: the columns its colour shows in at all
    (the letters printed on it hide most of some), gaps under a text height bridged, the
    run around its fullest column."""
    heights = near.sum(axis=0)
    shown = np.flatnonzero(heights >= 0.2 * heights.max())
    if not len(shown):
        return 0, -1
    fullest = int(np.argmax(heights))
    start = end = fullest
    for column in shown[shown > fullest]:
        if column - end > height:
            break
        end = int(column)
    for column in shown[shown < fullest][::-1]:
        if start - column > height:
            break
        start = int(column)
    return start, end


def _read_on_fill(rgb: np.ndarray, cell: Box, fill: np.ndarray, settings: OcrSettings
                  ) -> str:
    """The text printed on a cell filled with ``fill``, read from its distance to the fill:
    dark or white letters on a saturated ground both come out dark on white."""
    crop = rgb[cell.y1 : cell.y2, cell.x1 : cell.x2].astype(np.float32)
    ink = np.clip(distance(crop, fill) * (255.0 / INK_DISTANCE), 0, 255)[2:-2, 2:-2]
    if ink.size == 0 or float((ink >= 128).mean()) < LETTERS_SHARE:
        return ""  # a key: a solid block with nothing printed on it
    # the cell's own grid lines at its edges are no letters; a margin of paper round it
    grey = np.pad(255 - ink, 6, constant_values=255).astype(np.uint8)
    flat = np.repeat(grey[:, :, None], 3, axis=2)
    box = Box(x1=0, y1=0, x2=flat.shape[1], y2=flat.shape[0])
    return read_label_text(flat, box, settings, widen=False, digits=False).strip()


def _colours(chart: Chart) -> list[np.ndarray]:
    return [np.array([int(s.colour[i : i + 2], 16) for i in (1, 3, 5)], dtype=np.float32)
            for s in chart.series]


def _key_end(near: np.ndarray) -> int:
    """The last column of the key's block, the first run of columns that hold most of its
    height (a grey key's colour recurs in the anti-aliased text beside it)."""
    heights = near.sum(axis=0)
    solid = heights >= 0.5 * heights.max()
    start = int(np.argmax(solid))
    stops = np.flatnonzero(~solid[start:])
    return start + (int(stops[0]) - 1 if len(stops) else len(solid) - 1 - start)


def _cell(rgb: np.ndarray, found: list[Phrase], line: Box, centre: float, spacing: float,
          settings: OcrSettings | None) -> tuple[str, float] | None:
    """The number printed in a row's cell under one category: as the page read it, else
    read alone from the cell's middle (its grid lines left out)."""
    half = 0.45 * spacing
    for phrase in found:
        if (phrase.value is not None and abs(phrase.box.cx - centre) <= half
                and line.y1 - 0.5 * line.height <= phrase.box.cy <= line.y2 + 0.5 * line.height):
            return phrase.text, phrase.value
    if settings is None:
        return None
    box = Box(x1=max(0, int(centre - 0.4 * spacing)), y1=max(0, line.y1 - 2),
              x2=min(rgb.shape[1], int(centre + 0.4 * spacing)),
              y2=min(rgb.shape[0], line.y2 + 2))
    text = read_label_text(rgb, box, settings, widen=False)
    value = parse_number(text)
    return (text, value) if value is not None else None


def _resolution(chart: Chart) -> tuple[float, float]:
    """The y axis' data units per pixel (its resolution) and the range its ticks span; 0
    and infinity where it has no two ticks."""
    for axis in chart.axes:
        if axis.orientation == "y" and axis.scale == "linear" and len(axis.ticks) >= 2:
            low, high = axis.ticks[0], axis.ticks[-1]
            if high.pixel != low.pixel:
                span = abs(high.value - low.value)
                return span / abs(high.pixel - low.pixel), span
    return 0.0, float("inf")


def _disagreement(chart: Chart, series: Series, point: ChartPoint, text: str, value: float
                  ) -> Flag:
    return Flag(
        kind="label_geometry_mismatch", source="charts", span=text,
        message=(f"chart '{chart.title or 'untitled'}': the data table's cell '{text}' for "
                 f"{series.name or 'series'} / {point.x} disagrees with its bar, which reads "
                 f"{point.y:.1f} on the axis"),
        evidence={"label": value, "measured": point.y, "category": point.x},
    )
