"""Charts: the data behind bar, line and scatter chart screenshots, read with OpenCV and OCR.

The files follow the reading order, and :func:`read_charts` runs them in turn:

1. ``text``     OCR words (re-read from the plain colours), grouped into phrases and numbers;
2. ``axes``     columns and rows of evenly stepped numbers fitted as y and x axes;
   ``anchors``  an x label set beside its tick (flush) placed at its tick mark;
3. ``panels``   the plot area each y axis opens to its right (small multiples: one each);
4. ``legend``   entries named by the colour of their swatch;
5. ``bars``, ``hbars``, ``lines``  the marks: bars standing on a baseline (or lying along an
   x axis, when no y axis is found), or traces and markers segmented by colour;
6. ``binding``  value labels to the bars they sit on, bars to the category labels under them;
   ``labels``   a bar's label read alone from the glyphs bound to it, by two engines;
7. ``series``   the marks, bound and named, assembled into charts, labels cross-checked;
   ``line_axis`` a line chart's x axis; ``end_labels`` lines named by a column of names
   at their ends;
8. ``views``    the charts as (model, benchmark, value) scores and scaling-curve rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import cv2
import numpy as np

from .. import ocr
from ..config import Config, OcrSettings
from ..ocr.phrase import Phrase
from ..record import Box, Chart, Flag, Word
from .anchors import cut_to_text, off_the_axis_line
from .area_stacks import stacked_bands
from .axes import decade_axis, ink_centred, on_rules, x_axes, y_axes, zero_row
from .bar_lists import bar_rows, read_bar_list
from .bars import bar_like, find_bars, run_on_below, tile_the_plot
from .boxes import read_lying_boxes, read_upright_boxes
from .broken_axis import band_above, through_the_break
from .data_table import bind_data_table
from .gaps import tick_gap_words
from .guides import without_dotted_guides
from .hatches import off_patterns, patterned_page
from .hbars import read_hbars
from .label_row import evenly_set_row, power_row
from .legend import swatch_colour, symbol_split
from .lines import marker_on_line
from .log_y import power_column_axis
from .marks_ink import may_hold_marks
from .on_axis import marks_off_their_axis
from .panels import facets, inside, plot_panel, reading_order
from .pixels import plot_background
from .printed import bars_at_numbers, read_printed_bars
from .raised_powers import raised_powers
from .series import area_chart, bar_chart, line_chart
from .stacks import split_stacks
from .strips import axis_strip_words
from .table_rows import bars_on_table_rows
from .text import (
    as_tick,
    clean_words,
    marked_ticks,
    measure_value,
    merge_words,
    parse_number,
    phrases,
    plausible,
    reread,
    size_value,
    split_merged_numbers,
    word_boxes,
)
from .text_grid import table_column
from .texture import flatten_texture, texture_free
from .twin_axes import with_right_axes
from .views import rows_from_chart, scores_from_chart

if TYPE_CHECKING:
    from ..work import Work


__all__ = ["merge_words", "read_charts", "reread", "rows_from_chart", "run", "scores_from_chart"]


def run(work: Work, config: Config) -> None:
    """Read the charts; when there is one, read its text once more from the plain colours."""
    if not config.charts.enabled or work.rgb is None:
        return
    settings = ocr.page_settings(config.ocr, work.record.ocr.lang)
    words = work.record.ocr.words
    # dotted guides across the plot (OCR reads them as words that swallow the tick labels
    # beside them; traced, they are dashed series) are painted over for the chart's reading
    unguided = without_dotted_guides(work.rgb)
    rgb = work.rgb if unguided is None else unguided
    # patterned bars (hatched insides of one fill, told apart by their texture) painted in
    # a flat colour per texture, their legend swatches too, for the colour readers
    flat, patterned = patterned_page(rgb, texture_free(words))
    rgb = rgb if flat is None else flat
    # (a hatch or dot pattern read as words is none: numbers that skew the axes, a legend
    # swatch read as a name)
    words = off_patterns(words, patterned)
    charts: list[Chart] = []
    flags: list[Flag] = []
    # a first reading on the page's words only decides whether to read again; where the
    # page looks like a chart anyway, it is not needed (half the chart stage's time). A
    # read table on a page with no ink for marks is no reason to read the page again: its
    # "ticks" (a PDF's running numbers, a terminal's frame taken for axes) label nothing;
    # the first reading still runs (a hollow box plot is drawn in rules alone).
    likely = _looks_like_chart(work) and not _plainly_a_table(work)
    if not likely:
        charts, flags = read_charts(rgb, words, None, patterned)
    if charts or likely:
        words = off_patterns(merge_words(reread(rgb, settings), words), patterned)
        charts, flags = read_charts(rgb, words, settings, patterned)
        # The readings below look for labels the page reading lost; a page whose tables
        # were read had its text read, and there they cost a page reading each for nothing.
        # (a "table" drawn by dotted guides is the plot's: its labels are read again too,
        # and a chart found on it must still trace on both axes to stay)
        no_table_read = not work.record.ocr.tables or unguided is not None
        if not charts and no_table_read:
            # tick labels in a pale grey: read them dark, and only them
            pale = [w for w in reread(rgb, settings, faint=True)
                    if parse_number(w.text) is not None]
            words = off_patterns(merge_words(pale, words), patterned)
            charts, flags = read_charts(rgb, words, settings, patterned)
        if not charts and no_table_read:
            # or lone digits the page reading lost: along the axis lines
            strip = axis_strip_words(rgb, settings)
            words = off_patterns(merge_words(strip, words), patterned)
            charts, flags = read_charts(rgb, words, settings, patterned)
        if not charts and no_table_read and (gaps := tick_gap_words(rgb, words, settings)):
            # or a column's middle ticks, small and pale by no axis line: read between
            words = off_patterns(merge_words(gaps, words), patterned)
            charts, flags = read_charts(rgb, words, settings, patterned)
        if not charts and no_table_read:
            # or text among coloured bars on a dark page: its grey ink alone, whose charts
            # must show marks read on their axes (a meme's white text on a coloured page is
            # grey ink too)
            grey = reread(rgb, settings, grey_only=True)
            words = off_patterns(merge_words(grey, words), patterned)
            charts, flags = read_charts(rgb, words, settings, patterned)
            if not all(chart.kind in ("bar", "hbar") or _plotted(chart) for chart in charts):
                charts, flags = [], []
    tables = [table.box for table in work.record.ocr.tables]
    # (boxes with whiskers and median lines are shapes no table's text or rules make)
    # (bars measured far off their own axis: its "ticks" label something else)
    # (bars on rows of a table read, each row a name and several numbers: data bars)
    kept = [chart for chart in charts
            if (not _inside_a_table(chart.box, tables) or _plotted(chart) or _stepped(chart)
                or _labels_confirmed(chart) or chart.kind == "box")
            and not marks_off_their_axis(chart)
            and not bars_on_table_rows(chart, work.record.ocr.tables)]
    # a data table printed beneath bars names their series and prints their values: its
    # keys and cells read on the image as it is (a table's cells, their digits unread, pass
    # for hatched bars and are painted over for the marks' reading)
    found = phrases(clean_words(plausible(words)))
    for chart in kept:
        if chart.kind == "bar":
            flags += bind_data_table(work.rgb, chart, found, chart.box, settings)
    work.record.charts = kept
    if kept:  # a table taken for charts leaves no flags behind either
        work.record.flags.extend(flags)


def _plainly_a_table(work: Work) -> bool:
    """Tables were read, and no ink of the page is left for a chart's marks once its words
    and ruling lines are accounted for (``marks_ink``)."""
    return (
        bool(work.record.ocr.tables)
        and work.rgb is not None
        and not may_hold_marks(work.rgb, work.record.ocr.words)
    )


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


def _plotted(chart: Chart) -> bool:
    """A line or scatter chart on two calibrated axes with traced series: gridlines made
    the tables stage see a table there, but a table's text gives no such thing."""
    return (
        chart.kind in ("line", "scatter")
        and {axis.orientation for axis in chart.axes} == {"x", "y"}
        and any(len(series.points) >= 2 for series in chart.series)
    )


DARK_FEW_WORDS = 80  # words the page reading found: fewer on a dark page is worth a look


def _stepped(chart: Chart) -> bool:
    """Bars of many heights on a calibrated axis: value labels and ticks in rows and
    columns made the tables stage see a table there, but a table's shaded cells stand
    in rows of one height, not at four heights or more."""
    if chart.kind not in ("bar", "hbar"):
        return False
    axis = next((a for a in chart.axes if a.orientation == "y" or chart.kind == "hbar"), None)
    values = [p.y for s in chart.series for p in s.points if p.y is not None]
    if axis is None or len(axis.ticks) < 3 or len(values) < 4:
        return False
    span = max(t.value for t in axis.ticks) - min(t.value for t in axis.ticks)
    return span > 0 and len({round(v / (0.05 * span)) for v in values}) >= STEPPED_HEIGHTS


STEPPED_HEIGHTS = 4


def _labels_confirmed(chart: Chart) -> bool:
    """Bars whose heights on the axis say what their printed labels say (most of them, two
    at least): a table's numbers stand over no such shapes, however few the bars."""
    axis = next((a for a in chart.axes if a.orientation == "y"), None)
    if chart.kind != "bar" or axis is None or len(axis.ticks) < 2 or axis.scale != "linear":
        return False
    pixels = [t.pixel for t in axis.ticks]
    values = [t.value for t in axis.ticks]
    if max(pixels) - min(pixels) < 1:
        return False
    slope, offset = np.polyfit(pixels, values, 1)
    span = max(values) - min(values)
    points = [p for s in chart.series for p in s.points if p.y is not None]
    agree = sum(p.provenance == "label" and abs(slope * p.py + offset - (p.y or 0.0))
                <= CONFIRMED_SHARE * span for p in points)
    return agree >= 2 and agree >= 0.5 * len(points)


CONFIRMED_SHARE = 0.03  # of the axis range: a label its bar's height confirms


def _looks_like_chart(work: Work) -> bool:
    """Axes seen by preprocessing, or a few numbers (or sizes, "7B", or times, "0.9s")
    outside the tables read, and no table over most of the image (a title band or a legend
    can pass for a small table): worth a second reading. A table's own numbers (a meme
    around a table) are no reason to."""
    record = work.record
    image_area = work.rgb.shape[0] * work.rgb.shape[1] if work.rgb is not None else 1
    tables = [t.box for t in record.ocr.tables]
    if sum(box.width * box.height for box in tables) > 0.5 * image_area:
        return False
    outside = [w for w in record.ocr.words if not any(
        box.x1 <= w.box.cx <= box.x2 and box.y1 <= w.box.cy <= box.y2 for box in tables)]
    numbers = sum(
        parse_number(word.text) is not None or size_value(word.text) is not None
        or measure_value(word.text) is not None
        for word in outside
    )
    # a dark page whose reading found little may be a chart whose text the bars hid
    axes = record.preprocess.chart_axes and not _table_frame(work)
    dark = record.preprocess.dark_theme or (work.rgb is not None and _dark_margin(work.rgb))
    return (
        axes or numbers >= 3 or (dark and len(record.ocr.words) < DARK_FEW_WORDS)
        # a row of releases along x ("v1.0" "v1.5" ...) whose number ticks were lost
        or evenly_set_row(outside)
        # ticks printed as powers of ten ("3e21" "3e22"): a log axis whose other labels
        # (small, pale numbers) the page reading lost
        or power_row(outside)
        # numbers at the ends of bars: a sorted bar chart the table reader took for rows
        or (work.rgb is not None and bars_at_numbers(work.rgb, record.ocr.words))
        # rows of long bars from one edge: a bar list whose values inside its bars were lost
        or (work.rgb is not None and bar_rows(work.rgb, record.ocr.words))
    )


def _dark_margin(rgb: np.ndarray) -> bool:
    """The page's margin is dark: a dark chart whose large light bars keep most of the
    image from counting as a dark page (preprocessing's share of inverted regions), and
    whose pale small text the page reading mostly lost."""
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    edge = max(2, min(grey.shape[:2]) // 50)
    margin = np.concatenate([grey[:edge].ravel(), grey[-edge:].ravel(),
                             grey[:, :edge].ravel(), grey[:, -edge:].ravel()])
    return float(np.median(margin)) < DARK_MARGIN


DARK_MARGIN = 80  # grey level: a margin darker than this is a dark page's


def _table_frame(work: Work) -> bool:
    """The L preprocessing took for a chart's axes (``has_chart_axes``: the first upright
    rule whose foot meets a level rule's left end) is a read table's frame: the upright
    rule runs down the table's left edge, from its top, and the level one under its last
    row, past its right end. A chart's y axis has its tick labels left of it, so a table
    read there would reach past the axis. Such a page is read as the table it is, with no
    whole-page readings for a chart (three Tesseract passes over the page)."""
    prepared = work.prepared
    if prepared is None or not work.record.ocr.tables:
        return False
    tolerance = 8  # as has_chart_axes meets the two rules
    for v in prepared.vertical:
        for h in prepared.horizontal:
            if abs(h.position - v.end) <= tolerance and abs(h.start - v.position) <= tolerance:
                return any(
                    table.x1 - (reach := max(16.0, 0.15 * table.height))
                    <= v.position <= table.x1 + tolerance
                    and table.y2 - tolerance <= h.position <= table.y2 + reach
                    and v.start <= table.y1 + 0.2 * table.height
                    and h.end >= table.x2 - tolerance
                    for table in (t.box for t in work.record.ocr.tables)
                )
    return False


def read_charts(
    rgb: np.ndarray, words: list[Word], ocr_settings: OcrSettings | None = None,
    patterned: list[Box] | None = None,
) -> tuple[list[Chart], list[Flag]]:
    """Every chart panel in the image, and flags for labels that disagree with their bars.

    With ``ocr_settings``, slanted category labels under bars are read as well (one small
    OCR call per panel that needs it). ``patterned``: the cells of hatched or dotted bars
    (``hatches.patterned_page``)."""
    # tick labels boxed with the marks above them, or with the axis line beside them
    words = off_the_axis_line(rgb, cut_to_text(rgb, words))
    text_boxes = word_boxes(words)  # unsure words too: they still cover a bar's label
    # markers read as letters must stay (and a marker read with its line, "c—")
    sure_text = word_boxes([w for w in words if not marker_on_line(w.text)], 40)
    legend_words = clean_words(plausible(words), min_confidence=10)
    words = raised_powers(rgb, split_merged_numbers(clean_words(plausible(words))), ocr_settings)
    found = [as_tick(p) for p in phrases(words)]  # "10¹", "2×10¹" are numbers here
    numbers = [p for p in found if p.value is not None]
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    # (a table's column of numbers steps evenly too: its rows run on into other columns)
    marked = marked_ticks(found)
    fits = [ink_centred(fit, grey) for fit in y_axes(numbers + marked)
            if not table_column(fit, found)]
    if not fits and (powers := power_column_axis(numbers + marked, rgb, ocr_settings)):
        fits = [ink_centred(powers, grey)]  # a log axis's two minor labels ("2×10⁰" "4×10⁰")
    if not fits:  # no y axis: boxes or bars lying on an x axis, if any
        return _lying(rgb, legend_words, found, numbers, text_boxes, ocr_settings)
    ticks = {id(p) for fit in fits for p in fit.ticks}
    # x tick labels end a plot area: a log axis printed at two powers of ten (10¹, 10²) too
    x_fits = x_axes(numbers) + [
        fit for fit in [decade_axis(numbers, plain=True)] if fit is not None]
    x_ticks = {id(p) for fit in x_fits for p in fit.ticks}
    # (a second y axis right of a plot is that plot's: no panel of its own)
    # (shaded facets side by side on one axis: a panel each)
    panels = sorted(
        (part for panel in with_right_axes(
            [plot_panel(fit, fits, found, x_ticks, rgb) for fit in fits])
         for part in facets(panel, rgb)),
        key=reading_order,
    )
    # unsure words just under a plot are slanted tick labels read level, never a legend,
    # unless a filled patch stands left of them (a legend's swatch; letters are no patch),
    # or OCR read one into the word (short scraps read from the icons beside category names
    # are no names)
    areas = [panel.area for panel in panels]
    page = np.median(rgb.reshape(-1, 3), axis=0)
    legend_words = [w for w in legend_words if w.confidence >= 80 or any(
        inside(w.box, area) for area in areas
    ) or (_swatched_name(w) and swatch_colour(rgb, symbol_split(w), page, solid=True) is not None
          ) or not any(
        area.x1 - 0.4 * area.width <= w.box.cx <= area.x2
        and area.y2 <= w.box.cy <= area.y2 + 0.45 * area.height
        for area in areas
    )]
    charts: list[Chart] = []
    flags: list[Flag] = []
    for panel in panels:
        labels = [p for p in numbers if id(p) not in ticks and inside(p.box, panel.area)]
        boxed = read_upright_boxes(rgb, panel, found, labels, legend_words, ocr_settings,
                                   patterned)
        if boxed is not None:  # a box plot: boxes, whiskers and medians, not bars
            charts.append(boxed[0])
            flags.extend(boxed[1])
            continue
        area = panel.area
        bg = plot_background(rgb[area.y1 : area.y2, area.x1 : area.x2])  # a plot may be shaded
        panel.y = on_rules(panel.y, rgb, area, bg)
        if (bands := stacked_bands(rgb, panel, bg)) is not None:
            # filled bands stacked from the baseline: each series' value its band's thickness
            charts.append(area_chart(rgb, panel, bands, found, legend_words, bg, ocr_settings))
            continue
        # hatched, dotted or patterned fills flattened: the bars are found and split on
        # this view, every text read on the page as it is
        marks = flatten_texture(rgb, area, texture_free(words), bg)
        marks = rgb if marks is None else marks
        zero = zero_row(panel.y)
        bars = find_bars(marks, panel.area, text_boxes, bg, zero)
        if bars and panel.floor > area.y2 and run_on_below(marks, bars, area):
            # the bars run on below the area: their floor is lower than the ticks showed
            panel.area = area = area.model_copy(update={"y2": panel.floor})
            bars = find_bars(marks, area, text_boxes, bg, zero)
        if bars and any(bar.top <= area.y1 + 2 for bar in bars) and area.y1 > 0:
            # bars run on above the area: the top ticks went unread; up to where they end
            rows = panel.y.pixels
            step = (max(rows) - min(rows)) / max(1, len(rows) - 1)
            higher = area.model_copy(update={"y1": max(0, int(panel.top_tick - 3 * step))})
            taller = find_bars(marks, higher, text_boxes, bg, zero)
            if bar_like(taller, higher) and len(taller) >= len(bars):
                panel.area = area = higher
                bars = taller
        if (band := band_above(marks, bars, panel.y)) is not None:
            if band[0] < panel.top_tick:  # the lower panel of a broken axis: its bars are
                continue  # measured in the panel above
            # stubs under a break: the plot is the panel above it, its bars run through
            panel.area = area = area.model_copy(update={"y2": band[0] - 1})
            panel.floor = area.y2
            bars = find_bars(marks, area, text_boxes, bg, zero)
        bars = through_the_break(marks, bars, panel.y)
        if not bar_like(bars, area):
            bars = []
        bars = split_stacks(marks, bars, area, bg)
        chart: Chart | None = None
        if len(bars) >= 2 and tile_the_plot(bars, area):
            # shaded areas under lines (a step line's fill is a row of flat-topped "bars"
            # that touch): the lines over them, where they trace on both axes
            chart, new_flags = line_chart(
                rgb, panel, found, legend_words, sure_text, bg, ocr_settings
            )
            if chart is not None and not _plotted(chart):
                chart = None
        if chart is None and len(bars) >= 2:
            chart, new_flags = bar_chart(
                rgb, panel, bars, labels, found, legend_words, bg, ocr_settings
            )
        elif chart is None:
            chart, new_flags = line_chart(
                rgb, panel, found, legend_words, sure_text, bg, ocr_settings
            )
        if chart is not None:
            charts.append(_named_by_title(chart, found) if len(panels) > 1 else chart)
            flags.extend(new_flags)
    if not charts:  # the "y axis" was digits in names: bars may lie on an x axis
        return _lying(rgb, legend_words, found, numbers, text_boxes, ocr_settings)
    if all(_uncalibrated_line(chart) for chart in charts):  # traces against digits in
        lying = read_hbars(rgb, legend_words, found, numbers, text_boxes, ocr_settings)
        if lying[0]:  # names may be bars lying on an x axis: those, where there are some
            return lying
    return charts, flags


def _lying(
    rgb: np.ndarray, legend_words: list[Word], found: list[Phrase], numbers: list[Phrase],
    text_boxes: list[Box], ocr_settings: OcrSettings | None,
) -> tuple[list[Chart], list[Flag]]:
    """Marks lying along an x axis: boxes with whiskers (told by their shape), else bars;
    with no axis, bars scaled by their printed values."""
    boxes = read_lying_boxes(rgb, found, numbers, legend_words, ocr_settings)
    if boxes[0]:
        return boxes
    lying = read_hbars(rgb, legend_words, found, numbers, text_boxes, ocr_settings)
    if lying[0]:
        return lying
    # no axis drawn at all: bars whose printed values are their scale
    printed = read_printed_bars(rgb, legend_words, found, numbers, text_boxes, ocr_settings)
    if printed[0]:
        return printed
    # or rows of a name, a bar and its value (a ranking's bars over tracks, names above)
    return read_bar_list(rgb, found, numbers, ocr_settings), []


def _named_by_title(chart: Chart, found: list[Phrase]) -> Chart:
    """One panel of small multiples with one line and no legend: the line is what the
    panel's title (its strip) names. A name whose words the page's reading did not give
    (a legend's entry) was read again beside a "sample" of the line's colour, which every
    panel draws: a piece of another panel's line, and text beside it."""
    printed = {word for phrase in found for word in phrase.text.split()}
    if chart.kind in ("line", "scatter") and len(chart.series) == 1 and chart.title \
            and not (chart.series[0].name.split() and all(
                word in printed for word in chart.series[0].name.split())):
        chart.series[0].name = chart.title
    return chart


def _swatched_name(word: Word) -> bool:
    """Long enough to be a name (four letters or digits), or read with its legend symbol."""
    return sum(c.isalnum() for c in word.text) >= 4 or symbol_split(word) is not word


def _uncalibrated_line(chart: Chart) -> bool:
    """A line chart with no x axis read and no series named: weak evidence of a chart."""
    return chart.kind in ("line", "scatter") and len(chart.axes) < 2 and not any(
        series.name for series in chart.series)
