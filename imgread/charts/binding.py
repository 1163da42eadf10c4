"""Binding: value labels to the bars they sit on, bars to the category labels under them."""

from __future__ import annotations

import itertools
import re

import cv2
import numpy as np

from .. import ocr
from ..config import OcrSettings
from ..ocr.phrase import Phrase
from ..record import Box, ChartPoint, Word
from .axes import Fit
from .bars import RawBar, one_a_category
from .panels import Panel, inside
from .text import parse_number


def match_labels(bars: list[RawBar], labels: list[Phrase]) -> dict[int, Phrase]:
    """Each value label to the bar it sits on or above (under, for a hanging bar), nearest
    the bar's end."""
    best: dict[int, tuple[float, Phrase]] = {}
    for label in labels:
        box = label.box
        # a stacked segment's label is printed inside it, anywhere up its length
        holding = [bar for bar in bars if bar.stacked and bar.x1 <= box.cx <= bar.x2
                   and bar.top <= box.cy <= bar.bottom]
        # (a hanging bar's label is printed under its foot, never above the zero line)
        options = [(0.0, bar) for bar in holding] or [
            (abs(box.cy - bar.end), bar) for bar in bars
            if bar.x1 - 0.25 * bar.width <= box.cx <= bar.x2 + 0.25 * bar.width
            and bar.end - 3 * box.height <= box.cy <= bar.end + 3 * box.height
            and (box.y1 >= bar.top if bar.hanging else box.y2 <= bar.bottom)
        ]
        if not options:
            continue
        gap, bar = min(options, key=lambda o: o[0])
        if id(bar) not in best or gap < best[id(bar)][0]:
            best[id(bar)] = (gap, label)
    return {key: label for key, (_, label) in best.items()}


def bar_categories(panel: Panel, bars: list[RawBar], found: list[Phrase]) -> list[str | float]:
    """Each bar's category: the level x label centred below its group (or below the bar
    itself), else its group's index."""
    baseline = float(np.median([bar.bottom for bar in bars]))
    height = float(np.median([p.height for p in panel.y.ticks]))
    below = [
        p for p in found
        if p.value is None and p.confidence >= 60 and wordlike(p.text)
        and panel.area.x1 - height <= p.box.cx <= panel.area.x2
        and baseline - 0.3 * height <= p.box.y1 <= baseline + 3 * height
        and (any(b.x1 <= p.box.cx <= b.x2 for b in bars) or _between_bars(p, bars))
    ]
    row: list[Phrase] = []
    for start in sorted(below, key=lambda p: p.box.y1):
        # one row shares its tops, or its feet (a tick mark read into a label raises its
        # top), or lies within the other's height (a tick mark above and a stroke below)
        candidate = [p for p in below if start.box.y1 <= p.box.y1 <= start.box.y1 + 0.6 * p.height
                     or abs(p.box.y2 - start.box.y2) <= 0.3 * p.height
                     or _level_with(p, start)]
        # slanted labels read level come out as short, unsure scraps; a level row of whole
        # names, one under most groups, is a row however unsure a few of its words
        if len(candidate) >= 2 and (
                np.mean([p.confidence for p in candidate]) >= 80 or _whole_names(candidate, bars)):
            row = candidate
            break
    if row:
        row = [part for phrase in row for part in split_across_groups(phrase, bars)]
        rest = [p for p in below if p not in row and p.text.startswith("(")]
        names = {id(p): p.text for p in row}
        for extra in rest:
            owner = _nearest(row, extra.box.cx)
            if abs(owner.box.cx - extra.box.cx) < max(owner.box.width, extra.box.width):
                names[id(owner)] += " " + extra.text
        named = _label_groups(bars, row, names)
        # an unsure name in the row ("MBPP." at 48) names a group no sure one named
        unsure = [p for p in found if p.value is None and p not in row
                  and UNSURE_NAME <= p.confidence < 60 and wordlike(p.text)
                  and sum(c.isalnum() for c in p.text) >= 3
                  and any(_level_with(p, other) for other in row)]
        return _unnamed_filled(named, bars, unsure) if unsure else named
    return gap_groups(bars)


def _unnamed_filled(
    categories: list[str | float], bars: list[RawBar], names: list[Phrase]
) -> list[str | float]:
    """Groups left unnamed (their index) take a name centred under them."""
    groups = gap_groups(bars)
    spans = group_spans(bars)
    out = list(categories)
    for key, (left, right) in spans.items():
        members = [i for i, g in enumerate(groups) if g == key]
        if not all(isinstance(out[i], float) for i in members):
            continue
        under = [p for p in names if left <= p.box.cx <= right]
        if under:
            middle = (left + right) / 2
            text = min(under, key=lambda p: abs(p.box.cx - middle)).text.strip(EDGE_MARKS)
            for i in members:
                out[i] = text
    return out


def _level_with(phrase: Phrase, other: Phrase) -> bool:
    """The shorter of two phrases lies within the taller one's height, most of it."""
    short, tall = sorted((phrase.box, other.box), key=lambda b: b.height)
    overlap = min(short.y2, tall.y2) - max(short.y1, tall.y1)
    return overlap >= 0.8 * short.height


def group_spans(bars: list[RawBar]) -> dict[str | float, tuple[float, float]]:
    """Each group of bars (``gap_groups``) with the left and right edges it spans."""
    groups = gap_groups(bars)
    return {
        key: (min(b.x1 for b, g in zip(bars, groups, strict=True) if g == key),
              max(b.x2 for b, g in zip(bars, groups, strict=True) if g == key))
        for key in set(groups)
    }


def split_across_groups(phrase: Phrase, bars: list[RawBar]) -> list[Phrase]:
    """Two neighbouring names read as one phrase ("Nimbus-2 34B Falcon-X 13B": long names
    under narrow bars leave a gap no wider than a word space) are split: a phrase that spans
    the middles of two or more groups of bars gives each middle the words nearest it."""
    middles = sorted((left + right) / 2 for left, right in group_spans(bars).values())
    spanned = [x for x in middles if phrase.box.x1 < x < phrase.box.x2]
    if len(spanned) < 2 or len(phrase.words) < 2:
        return [phrase]
    parts: dict[float, list[Word]] = {}
    for word in sorted(phrase.words, key=lambda w: w.box.cx):
        parts.setdefault(min(spanned, key=lambda x: abs(x - word.box.cx)), []).append(word)
    if len(parts) < 2:
        return [phrase]
    return [Phrase.of(words) for _, words in sorted(parts.items())]


def _whole_names(row: list[Phrase], bars: list[RawBar]) -> bool:
    """Names of four characters or more (the median), fairly sure, one under most groups of
    bars: a level row of category names, not slanted labels read as scraps."""
    groups = len(set(gap_groups(bars)))
    letters = float(np.median([sum(c.isalnum() for c in p.text) for p in row]))
    confidence = float(np.mean([p.confidence for p in row]))
    return letters >= 4 and confidence >= WHOLE_NAME_CONFIDENCE and len(row) >= 0.8 * groups


WHOLE_NAME_CONFIDENCE = 65.0


def _label_groups(
    bars: list[RawBar], row: list[Phrase], names: dict[int, str]
) -> list[str | float]:
    """Each group of bars takes the x label under it; a label in a gap between two groups
    (a group split by a missing bar) names both. A group without one keeps its index."""
    groups = gap_groups(bars)
    width = float(np.median([b.width for b in bars]))
    spans = group_spans(bars)

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
    own: dict[int, str] = {}  # bar index: a name of its own
    def owned(phrase: Phrase) -> bool:  # centred under a group: that group's name alone
        return any(gap(phrase, key) == 0 for key in spans)

    for key in spans:
        under = [p for p in row if gap(p, key) == 0]
        beside = [p for p in row if 0 < gap(p, key) <= 1.5 * width and between(p, key)
                  and not owned(p)]
        members = [i for i, g in enumerate(groups) if g == key]
        if len(under) >= 2 and (each := _one_name_a_bar(under, [bars[i] for i in members])):
            # a name centred under every bar: bars of one series drawn in a colour each,
            # standing close, are no group
            own.update({members[i]: names[id(p)] for i, p in each.items()})
            continue
        chosen = under or beside
        if chosen:
            middle = centre(key)
            label[key] = names[id(min(chosen, key=lambda p: abs(p.box.cx - middle)))]
    return [own.get(i, label.get(g, g)) for i, g in enumerate(groups)]


def _one_name_a_bar(names: list[Phrase], bars: list[RawBar]) -> dict[int, Phrase] | None:
    """Each bar with the one name centred under it, where every bar has one."""
    each: dict[int, Phrase] = {}
    for index, bar in enumerate(bars):
        mine = [p for p in names if bar.x1 <= p.box.cx <= bar.x2]
        if len(mine) != 1:
            return None
        each[index] = mine[0]
    return each if len({id(p) for p in each.values()}) == len(bars) else None
SLANTS = (15.0, 75.0)  # degrees: the range a slanted label's angle is looked for in
SLANT_ZOOM = 2.0
LEVEL_TEXT_PX = 30.0  # a level name's height enlarged (tick labels' height is the guide)
MAX_ZOOM = 4.0


def slanted_categories(
    rgb: np.ndarray, panel: Panel, bars: list[RawBar], settings: OcrSettings
) -> list[str | float] | None:
    """Tick labels set at a slant under the bars: the strip below the baseline is turned
    level and read. A label belongs to the group (or bar) under its centre or under its
    upper-right end, whichever way the labels are anchored; a label falling to the right
    (turned clockwise, as pygal does) hangs from its upper-left end instead."""
    baseline = int(max(bar.bottom for bar in bars))
    area = panel.area
    x1 = max(0, int(area.x1 - 0.4 * area.width))
    y2 = min(rgb.shape[0], int(baseline + 0.45 * area.height))
    strip = _name_strip(rgb, baseline, x1, area.x2, y2)
    if strip is None:
        return None
    slant = _slant(strip, NAME_LENGTH * panel.tick_height * SLANT_ZOOM)
    zoom = SLANT_ZOOM
    if slant == UPRIGHT:  # names set upright run down further than slanted ones
        y2 = min(rgb.shape[0], int(baseline + UPRIGHT_REACH * area.height))
        strip = _name_strip(rgb, baseline, x1, area.x2, y2)
    elif slant == 0.0:  # small level names the page reading lost: enlarged more
        zoom = min(MAX_ZOOM, max(SLANT_ZOOM, LEVEL_TEXT_PX / max(panel.tick_height, 1.0)))
        if zoom > SLANT_ZOOM:
            strip = _name_strip(rgb, baseline, x1, area.x2, y2, zoom)
    elif slant < 0:  # names falling to the right run on past the plot's right end
        x2 = min(rgb.shape[1], int(area.x2 + FALLING_REACH * area.width))
        strip = _name_strip(rgb, baseline, x1, x2, y2)
    if strip is None:
        return None
    groups = gap_groups(bars)
    keys = sorted(set(groups))
    per_group = [float(np.mean([b.cx for b, g in zip(bars, groups, strict=True) if g == k]))
                 for k in keys]
    per_bar = [bar.cx for bar in bars]
    best: tuple[tuple[int, float], dict[int, str], bool] | None = None
    for angle in (slant,):
        level, back = _turned(strip, angle)
        try:
            read = ocr.read_words(level, settings, psm=11)
        except RuntimeError:  # tesserocr: "No text returned" on an empty strip
            continue
        words = [w for w in read if w.confidence >= 50 and wordlike(w.text)]
        lines = _text_lines(words)
        # a whole name read unsure (a slanted line's first glyphs cut off by the page, a
        # stray stroke read into it) names a place no sure name took, never one it took
        unsure = [line for line in _text_lines(
            [w for w in read if UNSURE_NAME <= w.confidence < 50 and wordlike(w.text)
             and sum(c.isalnum() for c in w.text) >= UNSURE_LETTERS])
            if not any(_same_line(line, sure) for sure in lines)]
        if slant == 0.0:  # level names: the row under the axis, name by name, printed
            # about as tall as the tick labels (a post's footer under the chart is not)
            tall = panel.tick_height * zoom
            lines = [line for line in lines if NAME_SIZES[0] * tall <= float(
                np.median([w.box.height for w in line])) <= NAME_SIZES[1] * tall]
            lines = _split_at_gaps(min(lines, key=lambda line: line[0].box.cy)) if lines else []
            unsure = []
        anchors = ("start", "centre") if slant < 0 else ("end", "centre")
        for anchor, targets in itertools.product(anchors, (per_group, per_bar)):
            spacing = float(np.median(np.diff(targets))) if len(targets) > 1 else area.width / 2
            named: dict[int, tuple[float, str]] = {}
            for line, sure in [(line, True) for line in lines] + [(line, False) for line in unsure]:
                left = min(w.box.x1 for w in line)
                right = max(w.box.x2 for w in line)
                cy = float(np.mean([w.box.cy for w in line]))
                px = {"end": right, "start": left}.get(anchor, (left + right) / 2)
                x, _ = back @ np.array([px, cy, 1.0]) / zoom
                target = min(range(len(targets)), key=lambda i: abs(targets[i] - (x1 + x)))
                if abs(targets[target] - (x1 + x)) > 0.4 * spacing:
                    continue
                text = " ".join(w.text for w in sorted(line, key=lambda w: w.box.x1))
                confidence = sum(w.confidence for w in line)
                if target not in named or (sure and confidence > named[target][0]):
                    named[target] = (confidence, text.strip(EDGE_MARKS))
            # the binding that names the most bars wins (a grouped chart's names bound bar
            # by bar leave half its bars unnamed, whatever scrap takes one more), then the
            # surer one
            bars_named = sum(
                1 if targets is per_bar else sum(g == keys[k] for g in groups) for k in named)
            score = (bars_named, sum(c for c, _ in named.values()))
            if named and (best is None or score > best[0]):
                labels = {k: text for k, (_, text) in named.items()}
                best = (score, labels, targets is per_bar)
    if best is None:
        return None
    _, labels, by_bar = best
    if by_bar:
        return [labels.get(i, float(i + 1)) for i in range(len(bars))]
    return [labels.get(keys.index(g), float(g)) for g in groups]


def _name_strip(rgb: np.ndarray, baseline: int, x1: int, x2: int, y2: int,
                zoom: float = SLANT_ZOOM) -> np.ndarray | None:
    """The strip under the bars where their names stand, dark ink on a light page, tick
    marks painted over, enlarged for Tesseract (which reads text best 20-30 px tall)."""
    strip = rgb[baseline + 2 : y2, x1 : x2]
    if strip.size == 0 or min(strip.shape[:2]) < 10:
        return None
    if float(np.median(strip)) < 110:
        strip = 255 - strip
    strip = _without_tick_marks(strip)
    return cv2.resize(strip, None, fx=zoom, fy=zoom, interpolation=cv2.INTER_CUBIC)


FALLING_REACH = 0.3  # of the plot's width: how far right of it a falling name may run


def _without_tick_marks(strip: np.ndarray) -> np.ndarray:
    """The strip under the bars with the axis' tick marks painted over: a short, thin stroke
    hanging from its top edge beside a slanted name's end is read into the name (a "." or
    "_" after it) and costs the whole name its confidence."""
    grey = cv2.cvtColor(strip, cv2.COLOR_RGB2GRAY)
    page = float(np.median(grey))
    ink = (np.abs(grey.astype(np.int16) - page) > TICK_INK).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    marks = [index for index in range(1, count)
             if stats[index, cv2.CC_STAT_TOP] <= 1
             and stats[index, cv2.CC_STAT_WIDTH] <= TICK_WIDTH
             and stats[index, cv2.CC_STAT_HEIGHT] <= TICK_LENGTH]
    if not marks:
        return strip
    cleaned = strip.copy()
    cleaned[np.isin(labels, marks)] = np.median(strip.reshape(-1, 3), axis=0).astype(strip.dtype)
    return cleaned


TICK_INK = 40  # grey levels from the page: a tick mark's stroke
TICK_WIDTH = 4  # pixels: a tick mark is a stroke, one or two pixels (blurred to four)
TICK_LENGTH = 14  # pixels under the strip's top: a tick mark hangs a few pixels at most


def _slant(strip: np.ndarray, name_length: float = 0.0) -> float:
    """The angle of the labels: words smeared into blobs, the median direction of the long
    ones (measured up from the horizontal, as the labels rise to the right). Names falling to
    the right or set level are told only by blobs ``name_length`` long or longer (a few
    glyphs): a lone glyph's stroke ("/", "1") leans either way."""
    grey = cv2.cvtColor(strip, cv2.COLOR_RGB2GRAY)
    ink = (grey < 128).astype(np.uint8)
    size = max(3, int(0.15 * strip.shape[0] / 4) | 1)
    blobs = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size)))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(blobs, connectivity=8)
    angles: list[float] = []
    long: list[float] = []
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
        if np.hypot(stats[index, cv2.CC_STAT_WIDTH], stats[index, cv2.CC_STAT_HEIGHT]
                    ) >= name_length:
            long.append(angles[-1])
    rising = [a for a in angles if SLANTS[0] <= a <= SLANTS[-1]]
    falling = [a - 180 for a in long if 180 - SLANTS[-1] <= a <= 180 - SLANTS[0]]
    # names turned a quarter (matplotlib's rotation=90) read upwards: turned level the same way
    upright = [a for a in angles if abs(a - UPRIGHT) <= 8]
    # names set level that the page reading lost (small text, in a resized post): the strip
    # is read enlarged, as it stands
    level = [a for a in long if a <= LEVEL or a >= 180 - LEVEL]
    if len(level) > max(len(rising), len(falling), len(upright)):
        return 0.0
    if len(upright) > max(len(rising), len(falling)):
        return UPRIGHT
    if len(falling) > len(rising):  # turned clockwise: a negative slant
        return float(np.median(falling))
    return float(np.median(rising)) if rising else 30.0


UPRIGHT = 90.0  # degrees: a name set upright, read from the bottom up
LEVEL = 5.0  # degrees: a word's blob this near the horizontal is set level
NAME_LENGTH = 2.5  # tick labels' heights: a blob this long is a name, not a glyph
UPRIGHT_REACH = 0.9  # of the plot's height: how far under the bars upright names may run


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


def _same_line(line: list[Word], other: list[Word]) -> bool:
    """Two text lines of a turned strip on the same row, overlapping along it."""
    top, bottom = min(w.box.y1 for w in line), max(w.box.y2 for w in line)
    left, right = min(w.box.x1 for w in line), max(w.box.x2 for w in line)
    return any(w.box.y1 < bottom and w.box.y2 > top and w.box.x1 < right and w.box.x2 > left
               for w in other)


UNSURE_NAME = 20  # OCR confidence: a slanted name read below 50 fills only an unnamed place
UNSURE_LETTERS = 4  # letters and digits: an unsure word this long is a name, not a scrap
EDGE_MARKS = "|‘’“”'\"`_.,:; "  # a clipped glyph or a tick mark read at a name's ends


def _split_at_gaps(line: list[Word]) -> list[list[Word]]:
    """A row of level names split into names where a gap is wider than a word space."""
    ordered = sorted(line, key=lambda w: w.box.x1)
    height = float(np.median([w.box.height for w in ordered]))
    names = [[ordered[0]]]
    for word in ordered[1:]:
        if word.box.x1 - names[-1][-1].box.x2 > NAME_GAP * height:
            names.append([word])
        else:
            names[-1].append(word)
    return names


NAME_GAP = 1.2  # of the text's height: a gap this wide parts two names in a row
NAME_SIZES = (0.6, 1.6)  # of the tick labels' height: how tall level names may be


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


def wordlike(text: str) -> bool:
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


SAME_SERIES = 20.0  # colour distance: two bars this close are one series


def gap_groups(bars: list[RawBar]) -> list[str | float]:
    """Group numbers 1, 2, ...: bars closer than half a bar's width belong together, unless
    a bar repeats the colour of one already in the group (a group holds one bar per series:
    single-series bars stand close together too). Where a group's bars are drawn apart (a
    thin gap, which their anti-aliased edges widen: rounded lying bars), the groups stand
    further apart still: a gap splits only well past the narrowest."""
    if one_a_category(bars):
        return [float(index) for index in range(1, len(bars) + 1)]
    typical = float(np.median([bar.width for bar in bars]))
    narrowest = min((b.x1 - a.x2 for a, b in itertools.pairwise(bars)), default=0.0)
    apart = max(0.5 * typical, 2 * narrowest + 2)
    index, out = 1, list[str | float]()
    group: list[RawBar] = []
    for i, bar in enumerate(bars):
        repeats = any(
            float(np.linalg.norm(bar.colour - other.colour)) < SAME_SERIES for other in group
        )
        if i and (bar.x1 - bars[i - 1].x2 > apart or repeats):
            index += 1
            group = []
        group.append(bar)
        out.append(float(index))
    return out


def repair(label: Phrase, measured: float, tolerance: float) -> float | None:
    """:func:`repair_text` of a label's text."""
    return repair_text(label.text, measured, tolerance)


def repair_text(text: str, measured: float, tolerance: float) -> float | None:
    """A label OCR misread by a lost point ("881" for 88.1), one wrong digit ("93.4" for
    83.4), a lost digit ("9.2" for 49.2) or an extra one: the one reading nearest the bar,
    if the bar confirms it."""
    text = text.strip().rstrip("%,").replace(",", ".")
    options: list[str] = []
    if text.isdigit() and len(text) >= 2:
        options += [f"{text[:cut]}.{text[cut:]}" for cut in range(1, len(text))]
    options += [
        text[:i] + digit + text[i + 1 :]
        for i, char in enumerate(text) if char.isdigit()
        for digit in "0123456789" if digit != char
    ]
    # a digit lost ("9.2" for 49.2) or one too many (a tick mark read as "1")
    if sum(c.isdigit() for c in text) >= 2:  # never from a lone digit (a scrap of text)
        options += [text[:i] + digit + text[i:] for i in range(len(text) + 1)
                    for digit in "123456789"]
        options += [text[:i] + text[i + 1 :] for i, char in enumerate(text) if char.isdigit()]
    values = [v for v in (parse_number(o) for o in options) if v is not None]
    near = [v for v in values if abs(v - measured) <= tolerance]
    return min(near, key=lambda v: abs(v - measured)) if near else None


def places(text: str) -> int:
    """Digits after the point in a printed number."""
    text = text.strip().rstrip("%,")
    return len(text.partition(".")[2])


FRAGMENTS = "-—.,:;'|_~"  # a neighbour's glyph or a tick read at a label crop's edge


def conformed(
    text: str, decimals: int | None, measured: float, tolerance: float
) -> float | None:
    """A label read from a crop, as printed like its neighbours: edge fragments dropped
    ("73.3-"), a digit past the labels' decimals dropped ("25.87" where labels print one);
    None unless it then has their decimals (where they print some: a few integer misreads
    make no rule) and its bar's height agrees."""
    cleaned = text.strip().strip(FRAGMENTS if measured >= 0 else FRAGMENTS.replace("-", ""))
    extra = places(cleaned) - (decimals or 0)
    if decimals and extra > 0:
        cleaned = cleaned[: len(cleaned) - extra]
    value = parse_number(cleaned)
    if value is None or abs(value - measured) > tolerance:
        return None
    return value if not decimals or places(cleaned) == decimals else None


def label_decimals(labels: list[str], fit: Fit) -> int:
    """How precisely to report a measured bar: as its neighbours' labels are printed, else
    one digit finer than the ticks. OCR loses a point far more often than it makes one up:
    where a third of the labels show decimals, the whole numbers among them lost theirs."""
    if labels:
        counts = [places(text) for text in labels]
        decimal = [count for count in counts if count]
        if len(decimal) >= len(counts) / 3:
            counts = decimal
        return max(set(counts), key=counts.count)
    return 1 + max(places(tick.text) for tick in fit.ticks)


def on_scale(value: float, fit: Fit) -> bool:
    """Within half the axis range beyond its end ticks: a label could say that."""
    ticks = [float(p.value or 0.0) for p in fit.ticks]
    low, high = min(ticks), max(ticks)
    return low - 0.5 * (high - low) <= value <= high + 0.5 * (high - low)


_SIZE = re.compile(r"\d(?:\.\d+)?[BM]\b")  # a size as a model's name prints it: "32B", "1.5B"
# a size whose B was read as an 8 ("Obsidian-328"), or whose 0 as a spaced O ("Larch-7 OB")
_EIGHT_FOR_B = re.compile(r"(?<=[-\s])((?:[1-9]\d{0,2}|0)(?:\.\d)?)8\b")
_O_FOR_ZERO = re.compile(r"(?<=\d)\s?[Oo]\s?B\b")


def sizes_read_again(categories: list[str | float]) -> list[str | float]:
    """Category names misread where a model's size is printed: where a third of the names
    or more (two at least) print a size ("Heron-72B"), a name that prints none but ends
    its number in an 8 (the B's two bowls) or has a spaced O before its B (a zero) takes
    the size."""
    names = [c for c in categories if isinstance(c, str)]
    sized = sum(bool(_SIZE.search(n)) for n in names)
    if sized < max(2.0, len(names) / 3):
        return categories
    out: list[str | float] = []
    for name in categories:
        if isinstance(name, str) and not _SIZE.search(name):
            name = _O_FOR_ZERO.sub("0B", name)
            if not _SIZE.search(name):
                name = _EIGHT_FOR_B.sub(r"\1B", name)
        out.append(name)
    return out


def values_over_points(points: list[ChartPoint], found: list[Phrase], fit: Fit,
                       area: Box) -> list[ChartPoint]:
    """A line's points with the values printed at their markers (``54.2`` just over or
    under each, as report cards print them) taken for their y: the number nearest the
    marker's column, at most a few label heights off its row (or one starting just right
    of the marker, on its row), whose value the axis
    confirms (within a few of its pixels, ``POINT_LABEL_PX``); each
    label binds one point, the nearest in value first. The axis measures; the label
    prints the value exactly (the measured y stays where no label confirms it)."""
    ticks = {id(p) for p in fit.ticks}
    labels = [p for p in found if p.value is not None and id(p) not in ticks
              and inside(p.box, area) and p.box.height > 0]
    if not labels or not points:
        return points
    options: list[tuple[float, int, int]] = []
    for index, point in enumerate(points):
        if point.y is None:
            continue
        within = POINT_LABEL_PX * fit.uncertainty(point.py)
        for number, label in enumerate(labels):
            box = label.box
            # over or under its marker, or set just right of it on its row (an office
            # chart's labels placed "right")
            beside = 0 <= box.x1 - point.px <= POINT_LABEL_BESIDE * box.height and abs(
                box.cy - point.py) <= box.height
            if not beside and (abs(box.cx - point.px) > max(0.5 * box.width, box.height) or abs(
                    box.cy - point.py) > POINT_LABEL_REACH * box.height):
                continue
            off = abs(float(label.value or 0.0) - point.y)
            if off <= within:
                options.append((off, index, number))
    bound: dict[int, Phrase] = {}
    taken: set[int] = set()
    for _, index, number in sorted(options):
        if index not in bound and number not in taken:
            bound[index] = labels[number]
            taken.add(number)
    # a label printed with fewer decimals than the line's others lost its point or a
    # digit to OCR ("55" for "55.6", near enough the marker): the measured y stays
    kept = [places(label.text) for label in bound.values()]
    usual = max(set(kept), key=kept.count, default=0)
    bound = {i: label for i, label in bound.items() if places(label.text) == usual}
    return [point.model_copy(update={
        "y": float(bound[i].value or 0.0), "label": bound[i].text.strip(),
        "provenance": "label"}) if i in bound else point for i, point in enumerate(points)]


POINT_LABEL_PX = 3.0  # the axis's uncertainties (a pixel and its residual): a printed value
# this near the measured one confirms it
POINT_LABEL_REACH = 3.0  # label heights: the furthest a point's label stands off its row
POINT_LABEL_BESIDE = 1.5  # label heights: the furthest a label set right of its marker starts
