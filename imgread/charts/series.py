"""Series: bars and traced lines, bound and named, assembled into charts."""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

import numpy as np

from ..config import OcrSettings
from ..ocr.phrase import Phrase
from ..record import Axis, AxisTick, Box, Chart, ChartPoint, Flag, ReferenceLine, Series, Word
from . import lines as line_reader
from .area_stacks import stack_series
from .axes import (
    Fit,
)
from .bar_names import names_read_alone
from .bars import RawBar
from .binding import (
    bar_categories,
    conformed,
    label_decimals,
    match_labels,
    on_scale,
    places,
    repair,
    repair_text,
    sizes_read_again,
    slanted_categories,
    values_over_points,
    wordlike,
)
from .categories import category_at, one_per_category, places_of
from .end_labels import column_names
from .labels import read_bar_label
from .leaders import split_leaders
from .legend import (
    confirmed_names,
    legend_names,
    swatch_colour,
    unmatched_swatches,
    unsure_names,
)
from .line_axis import read_x_axis
from .naming import end_label_names, line_end, sample_names
from .panels import Panel, inside, title_above, x_title
from .pixels import cluster_colours, hex_colour
from .text import (
    parse_number,
    read_label,
    read_label_text,
)
from .tick_points import with_tick_points
from .twin_axes import axis_colours, on_the_right

MISMATCH_SHARE = 0.03  # of the axis range: a label further than this from its bar is flagged


def bar_chart(
    rgb: np.ndarray, panel: Panel, bars: list[RawBar], labels: list[Phrase],
    found: list[Phrase], words: list[Word], bg: np.ndarray, settings: OcrSettings | None,
) -> tuple[Chart, list[Flag]]:
    fit = panel.y
    standing = _on_the_floor(bars, panel.area)
    categories = bar_categories(panel, standing, found)
    named = sum(isinstance(c, str) for c in categories)
    if settings is not None and named < len(categories):  # some labels slanted, read level
        slanted = slanted_categories(rgb, panel, standing, settings)
        if slanted and sum(isinstance(c, str) for c in slanted) > named:
            categories = slanted
    if settings is not None:  # small level names the page lost or doubted: one by one
        categories = names_read_alone(rgb, panel, standing, categories, found, settings)
    categories = sizes_read_again(categories)
    groups = _series_of(bars, categories)
    colours = [
        np.median(np.array([b.colour for b, g in zip(bars, groups, strict=True) if g == index]),
                  axis=0)
        for index in range(max(groups) + 1)
    ]
    names, legend = legend_names(rgb, words, colours, bg, patches=True, area=panel.area)
    groups, colours, names = _one_series_in_colours(groups, colours, names, categories)
    # series that need a name (colours that recur from group to group, not one colour a
    # bar, nor one bar a group picked out in another colour): the legend's small text
    # read again
    if len(colours) > 1 and max(groups.count(g) for g in set(groups)) > 1 \
            and len(set(categories)) < len(categories):
        # (names read unsure too: read alone, a dark legend's light text comes out whole)
        names = confirmed_names(names, _names_again(rgb, colours, names, legend, bg, panel,
                                                    settings)[1])
    title = title_above(panel, found, legend)
    matched = match_labels(bars, labels)
    decimals = label_decimals([label.text for label in matched.values()], fit)
    tolerance = MISMATCH_SHARE * fit.value_range
    flags: list[Flag] = []
    series = [
        Series(name=name, colour=hex_colour(colour), style="bar")
        for name, colour in zip(names, colours, strict=True)
    ]
    # a chart whose bars mostly carry labels has one on every bar: read the missing ones;
    # where OCR found few, the tallest bar shows whether labels sit above bars or inside
    height = float(np.median([float(p.height) for p in matched.values()]
                             or [panel.tick_height]))
    width = float(np.median([float(p.box.width) for p in matched.values()] or [2.5 * height]))
    place: str | None = None
    # (a stacked segment's label sits in its middle, not at a top: unread ones stay measured)
    if settings is not None and not any(bar.stacked for bar in bars):
        below_top = sum(matched[id(b)].box.cy > b.top for b in bars
                        if id(b) in matched and not b.hanging)
        printed_at = "inside" if below_top > 0.5 * len(matched) else "above"
        place = printed_at if len(matched) >= 0.5 * len(bars) else _label_place(
            rgb, max(bars, key=lambda b: b.bottom - b.top), fit, height, width, settings,
            MISMATCH_SHARE * fit.value_range)
    floor = max(bar.bottom for bar in bars)
    for bar, group, category in zip(bars, groups, categories, strict=True):
        # a stacked segment stands on the one below it: its value is its own length (the
        # lowest stands on the floor, as a bar does)
        foot, foot_off = (fit.value(bar.bottom), fit.uncertainty(bar.bottom)) if (
            bar.stacked and bar.bottom < floor - 2) else (0.0, 0.0)
        measured = round(fit.value(bar.end) - foot, decimals)
        uncertainty = round(fit.uncertainty(bar.end) + foot_off, 3)
        # (a hanging bar's label, under its foot, is read as the page read it)
        alone_too = settings is not None and not bar.hanging
        label = matched.get(id(bar))
        if bar.stacked and label is not None and (
                label.value is None or abs(label.value - measured) > tolerance):
            label = None  # a segment's length is measured well: a scrap that disagrees is none
        value, confidence = measured, confidence_of(fit)
        provenance: Literal["label", "measured"] = "measured"
        if label is None and place is not None and settings is not None and alone_too:
            alone = read_bar_label(rgb, bar, bars, height, bg, place, settings,
                                   decimals if matched else None, measured, tolerance)
            text = alone[1] if alone is not None else read_label_text(
                rgb, _label_box(bar, place, height, width), settings, widen=False,
                page=bg if place == "inside" else None)
            printed = alone[0] if alone is not None else conformed(
                text, decimals if matched else None, measured, tolerance)
            if printed is not None:
                value, confidence, provenance = printed, 0.85, "label"
            # a crop's stray glyph ("535.6"): dropped only where the bar agrees closely
            elif text and (fixed := repair_text(text, measured, tolerance / 3)) is not None:
                value, confidence, provenance = fixed, 0.7, "label"
                flags.append(repaired_flag(title, text, fixed, measured))
        if label is not None and label.value is not None:
            # a hanging bar's label read without its minus ("4.0" under a loss of 4): OCR
            # drops a thin minus (U+2212) far more often than it makes one up
            printed = -abs(label.value) if bar.hanging else label.value
            agrees = abs(printed - measured) <= tolerance
            whole = places(label.text) == 0
            if agrees and settings is not None and alone_too and (
                    places(label.text) != decimals or whole):
                # printed unlike its neighbours ("25.87", "44" among "25.8"s), or a whole
                # number (a point and a digit lost, as on all of a panel's labels): read alone
                inside_bar = label.box.cy > bar.top
                alone = read_bar_label(rgb, bar, bars, height, bg,
                                       "inside" if inside_bar else "above", settings,
                                       None if whole else decimals, measured, tolerance,
                                       unanimous=whole)
                second = alone[0] if alone is not None else conformed(
                    read_label_text(rgb, label.box, settings, page=bg if inside_bar else None),
                    decimals, measured, tolerance)
                if second is not None and second != printed:
                    flags.append(repaired_flag(title, label.text, second, measured))
                    printed = second
            if not agrees and settings is not None and alone_too:  # a digit lost: read alone
                # where a scrap was read, the label may be on the bar's other side of its top
                sides = ("inside", "above") if label.box.cy > bar.top else ("above", "inside")
                alone = next((read for side in sides if (read := read_bar_label(
                    rgb, bar, bars, height, bg, side, settings, decimals, measured,
                    tolerance)) is not None), None)
                second = alone[0] if alone is not None else read_label(rgb, label.box, settings)
                if second is not None and abs(second - measured) <= tolerance:
                    printed, agrees = second, True
                    flags.append(repaired_flag(title, label.text, second, measured))
            repaired = None if agrees else repair(label, measured, tolerance)
            if repaired is not None:
                value, confidence, provenance = repaired, 0.8, "label"
                flags.append(repaired_flag(title, label.text, repaired, measured))
            # a sure label its bar disagrees with stands, unless printed unlike the chart's
            # others ("1" among "48.0%"s: a scrap of one)
            elif agrees or (label.confidence >= 85 and on_scale(printed, fit)
                            and places(label.text) == decimals):
                value, confidence = printed, (0.95 if agrees else 0.6)
                provenance = "label"
            if not agrees and repaired is None:
                flags.append(mismatch_flag(title, series[group].name, category, label, measured))
        series[group].points.append(
            ChartPoint(
                x=category, y=round(value, 4), px=round(bar.cx, 1), py=round(bar.end, 1),
                label=label.text if label is not None else (
                    f"{value:g}" if provenance == "label" else None),
                confidence=confidence,
                provenance=provenance,
                uncertainty=uncertainty if provenance == "measured" else None,
            )
        )
    _print_alike([p for s in series for p in s.points], tolerance)
    chart = Chart(kind="bar", box=panel.area, title=title, axes=[fit.to_axis()], series=series)
    return chart, flags


def _one_series_in_colours(groups: list[int], colours: list[np.ndarray], names: list[str],
                           categories: list[str | float]
                           ) -> tuple[list[int], list[np.ndarray], list[str]]:
    """Bars one a category in several colours with no legend telling the colours apart
    (at most one entry, a category's own name being none) are one series drawn in several
    colours: gains green and losses red, one bar picked out in an accent among grey ones.
    A series is told by its legend, not by a colour alone. Its colour: the commonest."""
    entries = [name for name in names if name and name not in categories]
    # (one category holding two bars of a pair of names read as one is no group)
    shared = sum(categories.count(c) > 1 for c in set(categories))
    if len(colours) < 2 or shared > 1 or len(entries) > 1:
        return groups, colours, names
    commonest = max(set(groups), key=groups.count)
    return [0] * len(groups), [colours[commonest]], entries or [""]


def _on_the_floor(bars: list[RawBar], area: Box) -> list[RawBar]:
    """The bars as their names see them: where some hang from a zero line (gains and
    losses), every bar's name is under the plot, not under the line or a hanging bar's
    label."""
    if not any(bar.hanging for bar in bars):
        return bars
    return [replace(bar, bottom=float(area.y2)) for bar in bars]


def _print_alike(points: list[ChartPoint], tolerance: float) -> None:
    """A chart prints its labels alike: a label read with a digit more than most (a stray
    glyph at a crop's edge, "25.87" among "25.8"s) loses it, where its bar still agrees."""
    read = [p for p in points if p.provenance == "label" and p.label]
    counts = [places(p.label or "") for p in read]
    if len(read) < 3:
        return
    usual = max(set(counts), key=counts.count)
    if not usual or counts.count(usual) < 0.6 * len(read):
        return
    for point in read:
        trimmed = conformed(point.label or "", usual, point.y or 0.0, tolerance)
        if places(point.label or "") > usual and trimmed is not None:
            point.y, point.label = trimmed, f"{trimmed:.{usual}f}"


def _label_box(bar: RawBar, place: str, height: float, width: float) -> Box:
    """Where a bar's value label is printed: just above its top, or inside, at the top."""
    if place == "inside":
        return Box(x1=int(bar.x1 + 1), y1=int(bar.top + 1), x2=int(bar.x2 - 1),
                   y2=int(bar.top + 1.7 * height))
    return Box(x1=int(bar.cx - 0.55 * width), y1=int(bar.top - 1.5 * height),
               x2=int(bar.cx + 0.55 * width), y2=int(bar.top))


def _label_place(
    rgb: np.ndarray, bar: RawBar, fit: Fit, height: float, width: float,
    settings: OcrSettings, tolerance: float,
) -> str | None:
    """"above" or "inside" where the tallest bar shows a number its height confirms, else
    None (the bars are not labelled)."""
    for place in ("above", "inside"):
        text = read_label_text(rgb, _label_box(bar, place, height, width), settings,
                               widen=False)
        printed = parse_number(text)
        if printed is not None and abs(printed - fit.value(bar.top)) <= tolerance:
            return place
    return None


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


def confidence_of(fit: Fit) -> float:
    """From the axis fit's worst tick residual: 0 px gives 0.9, 5 px or more gives 0.4."""
    return round(max(0.4, 0.9 - 0.1 * fit.residual_px), 3)


def repaired_flag(title: str, text: str, value: float, measured: float) -> Flag:
    return Flag(
        kind="ocr_repaired", severity="info", source="charts", span=text,
        message=f"chart '{title or 'untitled'}': value label '{text}' read as {value:g}, "
        "the reading its bar's height confirms",
        evidence={"label": text, "value": value, "measured": measured},
    )


def mismatch_flag(title: str, name: str, category: str | float | None, label: Phrase,
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


def line_chart(
    rgb: np.ndarray, panel: Panel, found: list[Phrase], words: list[Word],
    text_boxes: list[Box], bg: np.ndarray, settings: OcrSettings | None = None,
) -> tuple[Chart | None, list[Flag]]:
    # the x axis: a scale through its ticks, or names set evenly apart at places
    places_named, categories = read_x_axis(rgb, panel, found, settings)
    # (a name at a line's end has the line's last stretch for a "swatch": that stays)
    swatches = [
        _swatch_box(w) for w in words
        if w.confidence >= 30 and wordlike(w.text) and inside(w.box, panel.area)
        and w.box.height >= 0.6 * panel.tick_height
        and (colour := swatch_colour(rgb, w, bg)) is not None
        and not line_end(rgb, _swatch_box(w), [colour], panel.tick_height)
    ]
    traced, dashes = line_reader.trace(rgb, panel.area, text_boxes + swatches, bg)
    # a note's arrow is no series, and its note names none
    traced, notes = split_leaders(traced, found, panel.area, panel.tick_height)
    if not traced:
        return None, []
    words = [w for w in words if not any(inside(w.box, note) for note in notes)]
    # series drawn faded under one picked out: the legend shows them in full colour, and
    # each is traced in its faded blend of that colour
    if missing := unmatched_swatches(rgb, words, [t.colour for t in traced], bg, panel.area):
        traced += line_reader.faded_traces(rgb, panel.area, text_boxes + swatches, bg,
                                           missing, traced)
    with_tick_points(traced, _tick_columns(panel, places_named))
    names, legend = legend_names(rgb, words, [t.colour for t in traced], bg, area=panel.area)
    title = title_above(panel, found, legend)
    # legend samples are not data: left of the legend words, or of this panel's words that
    # repeat a series name (the panel's own legend, when OCR ran its sample into the text)
    # (but a name printed at a line's end has the line itself left of it: only the name's
    # own pixels, traced where it is printed in the line's colour, are no data)
    stems = [name[:4].lower() for name in names if len(name) >= 4]
    colours = [t.colour for t in traced]
    named = legend + [word for word in words if inside(word.box, panel.area)
                      and any(stem in word.text.lower() for stem in stems)]
    ends = {id(w) for w in named if line_end(rgb, _swatch_box(w), colours, panel.tick_height)}
    samples = [word.box if id(word) in ends else _swatch_box(word).union(word.box)
               for word in named]
    # lines named by a column of names at their ends, bound in order and by colour
    names, column = column_names(rgb, words, [t.points for t in traced], colours, names, bg,
                                 panel.tick_height, {id(w) for w in legend if id(w) not in ends})
    # lines the legend left unnamed: named by the text at their end, or by their legend
    # sample's text read again
    names, labels = end_label_names(words, [t.points for t in traced], names,
                                    panel.tick_height, legend + column)
    samples += [word.box for word in labels + column]
    # (names read unsure too: read alone beside their sample, small legend text comes out
    # whole, "Tam" read again "Tarn")
    unsure, again = _names_again(rgb, colours, names, legend, bg, panel, settings)
    # (only those: a name found for an unnamed line stands, though it is like another's,
    # "Sorrel-13B" beside "Sorrel-3B")
    # (and a reading again that differs by look-alikes only, "TS" for "T5", tells nothing)
    confirmed = confirmed_names(names, again)
    names = [(names[i] if _look_alike(names[i], confirmed[i]) else confirmed[i])
             if i in unsure else name for i, name in enumerate(again)]
    places = places_of(categories)
    # on twin y axes, each line is measured on the axis drawn in its colour
    on_right = (on_the_right(colours, *axis_colours(rgb, panel, bg))
                if panel.right is not None else [False] * len(traced))
    series = []
    for trace, name, right in zip(traced, names, on_right, strict=True):
        fit = panel.right if right and panel.right is not None else panel.y
        points = [
            ChartPoint(
                x=category_at(places, px) or _x_value(panel, px, places_named),
                y=round(fit.value(py), 2),
                px=round(px, 1), py=round(py, 1), confidence=confidence_of(fit),
                uncertainty=round(fit.uncertainty(py), 3),
            )
            for px, py in trace.points
            if not any(b.x1 <= px <= b.x2 and b.y1 <= py <= b.y2 for b in samples)
        ]
        if places:  # a line over categories has a point on each, none between
            points = one_per_category(points, places)
        points = values_over_points(points, found, fit, panel.area)
        series.append(Series(name=name, colour=hex_colour(trace.colour), style=trace.style,
                             points=points))
    kind = "scatter" if all(t.style == "scatter" for t in traced) else "line"
    axes = [panel.y.to_axis()] + ([panel.x.to_axis(x_title(panel, found))] if panel.x else [])
    if panel.right is not None and any(on_right):
        axes.append(panel.right.to_axis())
    if places_named:
        axes.append(Axis(orientation="x", title=x_title(panel, found), scale="categorical",
                         ticks=[AxisTick(label=p.text, value=float(
                             p.value if p.value is not None else index), pixel=p.box.cx)
                                for index, p in enumerate(places_named)]))
    keys = {_key(name) for name in names if name}
    blocks = [b for b in _annotations(panel, found, legend) if _key(b[0]) not in keys]
    references = _pair_labels([_reference(panel, dash, blocks) for dash in dashes], dashes)
    chart = Chart(
        kind=kind, box=panel.area, title=title, axes=axes, series=series,
        reference_lines=references, annotations=[text for text, _ in blocks],
    )
    return chart, []


def area_chart(
    rgb: np.ndarray, panel: Panel, bands: tuple[list[np.ndarray], np.ndarray, np.ndarray],
    found: list[Phrase], words: list[Word], bg: np.ndarray, settings: OcrSettings | None,
) -> Chart:
    """A stack of filled bands (``area_stacks``): each band a series of its own values,
    named by the legend patch of its fill colour."""
    colours, columns, tops = bands
    places_named, _ = read_x_axis(rgb, panel, found, settings)
    names, legend = legend_names(rgb, words, colours, bg, patches=True, area=panel.area)
    # (names missed or read unsure: the legend's small text read again beside its patch)
    names = confirmed_names(names, _names_again(rgb, colours, names, legend, bg, panel,
                                                settings)[1])
    series = stack_series(panel, colours, columns, tops, names,
                          lambda px: _x_value(panel, px, places_named))
    axes = [panel.y.to_axis()] + ([panel.x.to_axis(x_title(panel, found))] if panel.x else [])
    return Chart(kind="line", box=panel.area, title=title_above(panel, found, legend), axes=axes,
                 series=series)


def _names_again(
    rgb: np.ndarray, colours: list[np.ndarray], names: list[str], legend: list[Word],
    bg: np.ndarray, panel: Panel, settings: OcrSettings | None,
) -> tuple[set[int], list[str]]:
    """The series whose legend name was read unsure, and each series' name read again
    beside its legend sample (the unsure ones as if unnamed)."""
    unsure = unsure_names(names, legend)
    again = sample_names(rgb, colours, ["" if i in unsure else n for i, n in enumerate(names)],
                         bg, panel.tick_height, settings, legend, panel.area)
    return unsure, again


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


_LOOK_ALIKES = str.maketrans("soilbzq", "5011820")


def _look_alike(first: str, second: str) -> bool:
    """Two readings of a name that differ only in glyphs OCR confuses (S/5, O/0, l/1)."""
    return _key(first).translate(_LOOK_ALIKES) == _key(second).translate(_LOOK_ALIKES)


def _x_value(panel: Panel, px: float, places_named: list[Phrase] | None = None
             ) -> float | str:
    """The x value at a pixel; a point on a tick takes the tick's printed value, and on an
    axis of named places, the name's value (or the name itself, a category) where it stands
    under one."""
    if panel.x is None:
        for tick in places_named or []:
            if abs(tick.box.cx - px) <= 0.25 * _spacing(places_named or []):
                return float(tick.value) if tick.value is not None else tick.text
        return round(px, 1)
    for tick in panel.x.ticks:
        if abs(tick.box.cx - px) <= 0.35 * tick.height and tick.value is not None:
            return tick.value
    return _nice(panel.x, px)


def _tick_columns(panel: Panel, places_named: list[Phrase]) -> list[float]:
    """Where the x axis's ticks stand (image x): its fit's, or its named places'."""
    if panel.x is None:
        return [p.box.cx for p in places_named]
    pixels = (panel.x.pixel(t.value) for t in panel.x.ticks if t.value is not None)
    return [p for p in pixels if p is not None]


def _spacing(row: list[Phrase]) -> float:
    return float(np.median(np.diff([p.box.cx for p in row]))) if len(row) >= 2 else 0.0


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
    loose = sorted(
        (p for p in found
         if p.value is None and p.confidence >= 50 and inside(p.box, panel.area)
         and not any((w.box.x1, w.box.y1) in taken for w in p.words)),
        key=lambda p: p.box.y1,
    )
    blocks: list[tuple[list[str], Box]] = []
    for phrase in loose:
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
