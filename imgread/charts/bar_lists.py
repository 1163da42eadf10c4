"""Bar lists: rankings drawn as rows of a name, a lying bar and its printed value, with no
axis, ticks or gridlines (leaderboard widgets, "progress bar" rankings, slides).

A bar is a thick, long run of one colour off the page (text strokes are thinner or shorter:
an opening of the drawn pixels takes them out). A filled bar over a track the full width
is told from its track by colour: the bar runs from the shared left edge to where its own
colour stops, a label printed inside it (in another colour) bridged. Each bar is bound to
one number: level with it (past its end, right-aligned in a column of its own, or inside
it), else on the line just above it (the value beside a name printed over its bar). The
rows are a chart only where the bars start from one edge and their lengths are in
proportion to their numbers (``printed.proportional``): a table's shaded or barred cells
stand in rows holding other numbers too, and are short beside their text. Each point is
the number printed; a row whose number was not read reports nothing, there being no axis
to measure its bar against.
"""

from __future__ import annotations

import cv2
import numpy as np

from ..config import OcrSettings
from ..ocr.phrase import Phrase
from ..record import Box, Chart, ChartPoint, Series, Word
from .bars import Lying
from .binding import repair_text
from .pixels import background, distance, hex_colour
from .printed import FOOT_SLACK, PROPORTION_SHARE, READ_ALONE, Probed, proportional
from .text import lowest_line_above, parse_number, read_label_text

INK = 40.0  # RGB distance: a pixel this far from the page is drawn; this near a bar's, is it
MIN_THICKNESS = 3  # px: thinner runs are strokes or rules
MIN_ROWS = 3  # bars in proportion to their numbers: two points fit any scale through zero
LONG_LIST_BAR = 8.0  # text heights: the longest bar of a list (a table cell's bar is short)
OWN_SHARE = 0.3  # of a column across a bar in the bar's colour: the bar goes on there
ABOVE_REACH = 2.5  # text heights above a bar where its name and value may stand


def read_bar_list(rgb: np.ndarray, found: list[Phrase], numbers: list[Phrase],
                  settings: OcrSettings | None = None) -> list[Chart]:
    """The bar list on the page, if rows of bars from one edge are in proportion to the
    numbers printed with them (with ``settings``, numbers the page reading lost are read
    alone where the other rows print theirs)."""
    if not found:
        return []
    labels = [p for p in numbers if (p.value or 0) > 0]
    height = float(np.median([p.height for p in (labels if len(labels) >= MIN_ROWS
                                                 else found)]))
    best: list[tuple[Lying, Phrase]] = []
    for column in bar_columns(list_bars(rgb, height), height):
        rows = _bound(column, labels, height)
        if rows is None:
            continue
        if settings is not None and len(rows) < len(column):
            rows = sorted(rows + _read_alone(rgb, column, rows, height, settings),
                          key=lambda row: row[0].y1)
        if len(rows) > len(best):
            best = rows
    if len(best) < MIN_ROWS:
        return []
    scale = proportional([Probed(label=label, end=float(bar.end), foot=bar.base,
                                 low=float(bar.y1), high=float(bar.y2)) for bar, label in best],
                         upright=False)
    if scale is None:
        return []
    fit, kept = scale
    agreeing = {id(probed.label) for probed in kept}
    tolerance = PROPORTION_SHARE * max(float(p.label.value or 0.0) for p in kept)
    rows, values = [], []
    for bar, label in best:
        # a number its bar disagrees with: misread (a point lost, "512%" for 51.2%) where
        # one reading of it the bar confirms, else left out
        value = label.value if id(label) in agreeing else repair_text(
            label.text, fit.value(bar.end), tolerance)
        if value is not None:
            rows.append((bar, label))
            values.append(float(value))
    names = [_name(bar, label, found, height) for bar, label in rows]
    points = [ChartPoint(x=name, y=value, px=float(bar.end), py=round(bar.cy, 1),
                         label=label.text,
                         confidence=round(min(label.confidence, 95.0) / 100, 2),
                         provenance="label")
              for (bar, label), name, value in zip(rows, names, values, strict=True) if name]
    if len(points) < MIN_ROWS:
        return []
    box = Box(x1=int(min(bar.base for bar, _ in rows)), y1=int(min(bar.y1 for bar, _ in rows)),
              x2=int(max(max(bar.end, label.box.x2) for bar, label in rows)),
              y2=int(max(bar.y2 for bar, _ in rows)))
    named_above = [p for p in found if any(p.text == n for n in names)]
    top = min([box.y1, *(p.box.y1 for p in named_above)])
    colour = np.median(np.array([bar.colour for bar, _ in rows]), axis=0)
    series = Series(name="", colour=hex_colour(colour), style="bar", points=points)
    return [Chart(kind="hbar", box=box, title=_title(box, top, found, height),
                  axes=[fit.to_axis()], series=[series])]


def bar_rows(rgb: np.ndarray, words: list[Word]) -> bool:
    """Rows of bars (``bar_columns``) on the page: a bar list whose values the page reading
    may have lost (white digits inside coloured bars), worth a chart reading."""
    heights = [w.box.height for w in words if w.confidence >= 80]
    if len(heights) < MIN_ROWS:
        return False
    height = float(np.median(heights))
    # looked for at most TRIGGER_SIDE px a side: every page not otherwise worth a chart
    # reading comes here, and a bar list's bars are thick and long enough to survive it
    scale = min(1.0, TRIGGER_SIDE / max(rgb.shape[:2]))
    if scale < 1.0:
        rgb = cv2.resize(rgb, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    return bool(bar_columns(list_bars(rgb, height * scale), height * scale))


TRIGGER_SIDE = 1000


def bar_columns(bars: list[Lying], height: float) -> list[list[Lying]]:
    """The bars grouped by their left edge: three or more from one edge, about as thick
    as each other and at most a few text lines, long beside the text and not all one
    length (a table's striped rows are)."""
    columns: list[list[Lying]] = []
    for base in sorted({bar.base for bar in bars}):
        column = [bar for bar in bars if abs(bar.base - base) <= FOOT_SLACK
                  and bar.thickness <= 2.5 * max(height, 1)]
        if len(column) < MIN_ROWS or any(column == other for other in columns):
            continue
        usual = float(np.median([bar.thickness for bar in column]))
        column = [bar for bar in column if 0.5 * usual <= bar.thickness <= 2 * usual]
        lengths = [bar.end - bar.base for bar in column]
        if (len(column) >= MIN_ROWS and max(lengths) >= LONG_LIST_BAR * height
                and max(lengths) >= 1.1 * min(lengths)):
            columns.append(column)
    return columns


def _read_alone(rgb: np.ndarray, column: list[Lying], rows: list[tuple[Lying, Phrase]],
                height: float, settings: OcrSettings) -> list[tuple[Lying, Phrase]]:
    """The numbers of the rows whose number the page reading lost, each read alone where
    the bound rows print theirs: inside the bar against its end, or past it (to where the
    rows' values end: a column of right-aligned values); both where no row shows which."""
    inside = [label.box.cx < bar.end for bar, label in rows]
    places = (["inside"] if inside and sum(inside) > len(inside) / 2 else
              ["past"] if inside else ["inside", "past"])
    right = max((label.box.x2 for _, label in rows), default=0)
    page = background(rgb)
    read = []
    for bar in column:
        if any(b is bar for b, _ in rows):
            continue
        y1 = max(0, int(bar.cy - 0.9 * height))
        y2 = min(rgb.shape[0], int(bar.cy + 0.9 * height) + 1)
        for place in places:
            if place == "inside" and bar.thickness < height:
                continue  # no text fits in a thin bar
            end = int(bar.end)
            box = (Box(x1=int(max(bar.base, end - 6 * height)), y1=y1, x2=end - 1,
                       y2=y2) if place == "inside" else
                   Box(x1=end + 1, y1=y1, x2=min(rgb.shape[1], max(
                       right + int(height), end + int(6 * height))), y2=y2))
            if box.x2 - box.x1 < height:
                continue
            text = read_label_text(*_ink(rgb, box, bar, page) if place == "inside"
                                   else (rgb, box), settings, widen=False)
            value = parse_number(text)
            if value is not None and value > 0:
                read.append((bar, Phrase.of([Word(text=text, confidence=READ_ALONE, box=box)])))
                break
    return read


def list_bars(rgb: np.ndarray, height: float) -> list[Lying]:
    """The page's thick, long runs of one colour, each cut to its own colour from its left
    edge (a track beyond its end is not the bar)."""
    page = background(rgb)
    drawn = (distance(rgb, page) > INK).astype(np.uint8)
    long = max(8, int(2 * height))
    opened = cv2.morphologyEx(drawn, cv2.MORPH_OPEN,
                              cv2.getStructuringElement(cv2.MORPH_RECT, (long, MIN_THICKNESS)))
    count, _, stats, _ = cv2.connectedComponentsWithStats(opened, connectivity=4)
    bars = []
    for x, y, width, tall, _ in stats[1:count]:
        if tall < MIN_THICKNESS or tall > 3 * height or width < 3 * tall:
            continue
        bar = _own_run(rgb, int(x), int(y), int(width), int(tall))
        if bar is not None:
            bars.append(bar)
    return bars


def _own_run(rgb: np.ndarray, x: int, y: int, width: int, tall: int) -> Lying | None:
    """The bar inside a drawn run: its colour at the run's left end, and where that colour
    stops for good along it (a label inside it, in another colour, is bridged)."""
    band = rgb[y : y + tall, x : x + width]
    start = band[tall // 4 : max(tall // 4 + 1, 3 * tall // 4), 1 : 1 + max(2, tall // 2)]
    colour = np.median(start.reshape(-1, 3).astype(np.float32), axis=0)
    own = (distance(band, colour) < INK).mean(axis=0) >= OWN_SHARE
    off = np.flatnonzero(~own)
    gaps = np.split(off, np.flatnonzero(np.diff(off) > 1) + 1) if len(off) else []
    end = width
    for gap in gaps:  # a run of other columns as long as the bar is thick ends it: a track
        if len(gap) and gap[0] > 0 and (len(gap) >= tall or gap[-1] == width - 1):
            end = int(gap[0])
            break
    if end < 2:
        return None
    return Lying(y1=y, y2=y + tall, base=x, end=x + end, colour=colour)


def _ink(rgb: np.ndarray, box: Box, bar: Lying, page: np.ndarray) -> tuple[np.ndarray, Box]:
    """The crop of a label inside a bar drawn black on white: what is neither the bar's
    colour nor the page's (beside a rounded end) is the label's ink, whether the label is
    lighter than its bar or darker (white digits on a mid-grey bar pass neither way)."""
    crop = rgb[box.y1 : box.y2, box.x1 : box.x2]
    ink = (distance(crop, bar.colour) > INK) & (distance(crop, page) > INK)
    clean = np.where(ink[..., None], 0, 255).astype(np.uint8).repeat(3, axis=2)
    return clean, Box(x1=0, y1=0, x2=clean.shape[1], y2=clean.shape[0])


def _bound(column: list[Lying], labels: list[Phrase], height: float
           ) -> list[tuple[Lying, Phrase]] | None:
    """Each bar of one column with its number: the one level with it, else the one on the
    line just above it; None where a row holds other numbers as well (a table's row)."""
    taken: set[int] = set()
    rows: list[tuple[Lying, Phrase]] = []
    for bar in column:
        level = [p for p in labels if _level(p, bar, height) and p.box.cx > bar.base]
        if len(level) > 1:
            return None  # a row of several numbers: a table's
        if level:
            rows.append((bar, level[0]))
            taken.add(id(level[0]))
    for bar in column:
        if any(b is bar for b, _ in rows):
            continue
        above = [p for p in labels if id(p) not in taken and p.box.cx > bar.base
                 and bar.y1 - ABOVE_REACH * height <= p.box.y2 <= bar.y1 + 1
                 and not any(_level(p, other, height) for other in column)]
        if above:
            label = max(above, key=lambda p: p.box.y2)
            rows.append((bar, label))
            taken.add(id(label))
    return sorted(rows, key=lambda row: row[0].y1)


def _level(label: Phrase, bar: Lying, height: float) -> bool:
    return abs(label.box.cy - bar.cy) <= max(bar.thickness, height) / 2


def _name(bar: Lying, label: Phrase, found: list[Phrase], height: float) -> str:
    """The row's name: the text level with the bar left of its edge, else the text on the
    line just above the bar, from about its edge (a rank number before it left out)."""
    texts = [p for p in found if p is not label and p.value is None
             and sum(c.isalpha() for c in p.text) >= 1]
    left = [p for p in texts if _level(p, bar, height) and p.box.x2 <= bar.base + 0.5 * height]
    if not left:
        above = [p for p in texts if bar.y1 - ABOVE_REACH * height <= p.box.y2 <= bar.y1 + 1
                 and bar.base - 3 * height <= p.box.x1 < (bar.base + bar.end) / 2]
        lowest = max((p.box.y2 for p in above), default=None)
        left = [p for p in above if lowest is not None and p.box.y2 >= lowest - 0.5 * height]
    words = [w for p in sorted(left, key=lambda p: p.box.x1) for w in p.words]
    while len(words) > 1 and (words[0].text.isdigit()
                              or sum(c.isalnum() for c in words[0].text) <= 1):
        words = words[1:]  # a rank number, or an icon read as a glyph
    return " ".join(w.text for w in words).strip(" -—:;|.,")


def _title(box: Box, top: int, found: list[Phrase], height: float) -> str:
    """The lowest line of text above the first row, within a few text heights."""
    return lowest_line_above(found, top - 6 * height, top, box.x1 - 12 * height, box.x2)
