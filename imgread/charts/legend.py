"""Legends: a text entry named by the swatch (patch, line or marker) just left of it."""

from __future__ import annotations

import re
from collections.abc import Callable
from difflib import SequenceMatcher

import cv2
import numpy as np

from ..record import Box, Word
from .frames import chart_frame, within
from .pixels import background, distance
from .text import parse_number, power_value
from .texture import textured_colour


def _swatch_window(rgb: np.ndarray, word: Word, bg: np.ndarray
                   ) -> tuple[np.ndarray, np.ndarray, tuple[int, int, int]]:
    """The box the size of a swatch left of ``word``, the legend's own background (a legend
    box may differ from the plot: its commonest colour, a tight box being much text), and
    the box's left and right ends and the text's height."""
    box = word.box
    height = max(4, box.height)
    x1, x2 = max(0, int(box.x1 - 2.4 * height)), max(0, int(box.x1 - 0.15 * height))
    y1, y2 = max(0, int(box.cy - 0.6 * height)), int(box.cy + 0.6 * height) + 1
    around = rgb[box.y1 : box.y2, box.x1 : box.x2]
    return rgb[y1:y2, x1:x2], background(around) if around.size else bg, (x1, x2, height)


def swatch_mean(rgb: np.ndarray, word: Word, bg: np.ndarray) -> np.ndarray | None:
    """A hatched or dotted patch left of ``word`` (a legend of textured bars): the colour
    its bars read as when flattened, from the patch inside the ink's bounding box (its
    outline); None where the patch is no texture."""
    window, bg, _ = _swatch_window(rgb, word, bg)
    if window.size < 12:
        return None
    ink = distance(window, bg) > 30
    rows, columns = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if len(rows) < 3 or len(columns) < 3:
        return None
    return textured_colour(window, int(columns[0]), int(rows[0]), int(columns[-1]) + 1,
                           int(rows[-1]) + 1, bg)


def swatch_colour(
    rgb: np.ndarray, word: Word, bg: np.ndarray, solid: bool = False
) -> np.ndarray | None:
    """The dominant non-background colour in a box the size of a swatch left of ``word``;
    ``solid`` asks for one even colour (a patch), not the mixed pixels of text or graphics."""
    window, bg, (x1, x2, height) = _swatch_window(rgb, word, bg)
    box = word.box
    patch = window.reshape(-1, 3)
    if len(patch) < 4:
        return None
    strength = distance(patch[None], bg)[0]
    ink = patch[strength > 30]
    if len(ink) < max(3, 0.04 * len(patch)):
        return None
    # a thin legend line is mostly anti-aliased edge: its strongest pixels carry its colour
    core = patch[strength >= np.percentile(strength[strength > 30], 60)]
    colour = np.median(core, axis=0)
    if not _bounded(rgb, x1, x2, box.cy, height, colour):
        return None
    if solid and (
        not (len(ink) >= 0.25 * len(patch) or _filled(strength.reshape(window.shape[:2]) > 30))
        or float(np.median(distance(ink[None], colour))) > 20
    ):
        return _edged_patch(window, strength.reshape(window.shape[:2]) > 30)
    return colour


SWATCH_REACH = 1.5  # text heights above and below a name within which its swatch ends
SWATCH_COLOUR = 40.0  # RGB distance: a pixel this near the swatch's colour is of it


def _bounded(rgb: np.ndarray, x1: int, x2: int, cy: float, height: int,
             colour: np.ndarray) -> bool:
    """The swatch's colour left of a name ends, above and below, within a text height or
    so: a legend's swatch does (other series' marks crowded around an end label are other
    colours). A shape that runs on past it is something the name merely stands beside: an
    avatar by an author's name, the edge of a slide or a panel by a title."""
    y1, y2 = max(0, int(cy - SWATCH_REACH * height)), int(cy + SWATCH_REACH * height) + 1
    window = rgb[y1:y2, x1:x2]
    if window.shape[0] < 3 or window.shape[1] < 1:
        return True
    inked = (distance(window, colour) < SWATCH_COLOUR).mean(axis=1) >= 0.2
    middle = int(cy) - y1
    near = np.flatnonzero(inked[max(0, middle - height // 2) : middle + height // 2 + 1])
    if not len(near):
        return True
    row = max(0, middle - height // 2) + int(near[0])
    gaps = np.flatnonzero(~inked)
    above, below = gaps[gaps < row], gaps[gaps > row]
    # the page shows above and below the run, short of the window's edges
    return bool(len(above) and len(below))


def _edged_patch(window: np.ndarray, ink: np.ndarray) -> np.ndarray | None:
    """The fill of a patch drawn with an edge of another colour (bars with edges have such
    legend patches): the ink inside its rim, where the ink is one filled shape (a logo is
    not) and its inside one even colour."""
    if not _filled(ink):
        return None
    rim = max(2, round(EDGE_SHARE * min(window.shape[:2])))
    inner = cv2.erode(ink.astype(np.uint8), np.ones((2 * rim + 1, 2 * rim + 1), np.uint8))
    fill = window[inner.astype(bool)]
    if len(fill) < 4:
        return None
    colour = np.median(fill, axis=0)
    return colour if float(np.median(distance(fill[None], colour))) <= 20 else None


EDGE_SHARE = 0.12  # of the swatch window's side: how wide a patch's edge may be


def _bar_beside(rgb: np.ndarray, word: Word, colour: np.ndarray) -> bool:
    """The colour left of ``word`` runs on well above and below it: the side of a bar (a
    value label printed beside or across one), not a legend's patch, which ends within
    about the text's height."""
    box = word.box
    height = max(4, box.height)
    x1, x2 = max(0, int(box.x1 - 2.4 * height)), max(0, int(box.x1 - 0.15 * height))
    reach = round(BAR_REACH * height)
    bands = [rgb[max(0, box.y1 - 2 * reach) : max(0, box.y1 - reach), x1:x2],
             rgb[box.y2 + reach : box.y2 + 2 * reach, x1:x2]]
    return all(
        band.size and float((distance(band, colour) < 30).mean()) >= 0.3 for band in bands)


BAR_REACH = 1.0  # text heights above and below a word where a legend patch has ended


def _filled(ink: np.ndarray) -> bool:
    """The ink is one filled shape: a small legend symbol (a square a little smaller than
    the text) fills its own bounding box, where letters leave most of theirs empty."""
    rows, columns = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if len(rows) < 3 or len(columns) < 3:
        return False
    box = ink[rows[0] : rows[-1] + 1, columns[0] : columns[-1] + 1]
    return float(box.mean()) >= FILLED_SHARE


def legend_names(
    rgb: np.ndarray, words: list[Word], colours: list[np.ndarray], bg: np.ndarray,
    threshold: float = 45.0, patches: bool = False, area: Box | None = None,
) -> tuple[list[str], list[Word]]:
    """One name per series colour ("" when none is found), each legend entry used once;
    and the words the names were made of. ``patches``: the swatches are filled patches (bar
    charts), so a mixed-colour neighbour (slanted text) is no swatch. Entries inside
    ``area`` (the panel's own legend, among small multiples) come first."""
    candidates: list[tuple[bool, bool, float, int, int]] = []
    if area is not None:  # the chart's legend is on its own page, not in a menu around it
        frame = chart_frame(rgb, area, bg)
        words = [word for word in words if within(word.box, frame)]
    split = [symbol_split(word) for word in words]
    # a name its symbol was read with is surely a legend entry: two characters will do
    with_symbol = {id(new) for new, old in zip(split, words, strict=True) if new is not old}
    lines = _lines(split)
    # a "word" far flatter than the page's text is a dashed rule read as letters ("bd")
    flat = FLAT_SHARE * float(np.median([w.box.height for w in words])) if words else 0.0
    on_colour: dict[int, bool] = {}  # each word's test, once (the line's neighbours ask too)

    def drawn_on_colour(word: Word) -> bool:
        if id(word) not in on_colour:
            on_colour[id(word)] = _on_colour(rgb, word, colours)
        return on_colour[id(word)]

    for line_index, line in enumerate(lines):
        for position, word in enumerate(line):
            if _numeric(word.text) or word.box.height < flat or drawn_on_colour(word):
                continue
            solid = patches or word.confidence < 50
            if _after_text(word, line, drawn_on_colour):
                continue
            colour = swatch_colour(rgb, word, bg, solid)
            if colour is not None and patches and _bar_beside(rgb, word, colour):
                continue
            # a textured patch names a series by its fill or by its mean: the colour its
            # bars take where they are flattened (a short bar may not be); a mean is no
            # faded line, and is measured as it is
            mean = swatch_mean(rgb, word, bg) if patches else None
            if colour is None and mean is None:
                continue
            # a swatch that matches a series as it is names no other as its faded blend
            # (greys all lie on the way from a white page to black: a light grey patch
            # would be any darker grey's blend)
            as_is = [min([float(np.linalg.norm(c - wanted)) for c in (mean, colour)
                          if c is not None]) for wanted in colours]
            plain = any(gap < threshold for gap in as_is)
            for series, wanted in enumerate(colours):
                gaps = [as_is[series]]
                if colour is not None and not plain:
                    gaps.append(_colour_gap(colour, wanted, bg))
                gap = min(gaps)
                if gap < threshold:
                    outside = area is not None and not (
                        area.x1 <= word.box.cx <= area.x2 and area.y1 <= word.box.cy <= area.y2
                    )
                    # an unsure word (dashes of a dashed gridline read as "eee") comes after
                    # every sure one, wherever it stands
                    unsure = word.confidence < UNSURE and id(word) not in with_symbol
                    candidates.append(
                        (unsure, outside, gap, series, line_index * 1000 + position))
    names = [""] * len(colours)
    used: list[Word] = []
    taken: set[int] = set()
    for _, _, _, series, key in sorted(candidates):
        if names[series] or key in taken:
            continue
        line, position = lines[key // 1000], key % 1000
        entry = _entry(line, position)
        name = " ".join(word.text for word in entry)
        sure = entry[0].confidence >= 70 or id(entry[0]) in with_symbol
        # a name is mostly letters and digits: dashes of a dashed line read as text ("e-
        # 7-7", a dash left of them for a swatch) are not
        if sum(c.isalnum() for c in name) < (2 if sure else 3) or not mostly_alnum(name):
            continue
        names[series] = name
        used.extend(entry)
        taken.add(key)
    return names, used


FLAT_SHARE = 0.4  # of the words' median height: flatter is no text
UNSURE = 50  # OCR confidence: a legend word read below it is a last resort
SYMBOL_GLYPHS = "@©®•●◆■oe°*"  # how OCR reads a legend's symbol run into its name


def unsure_names(names: list[str], used: list[Word]) -> set[int]:
    """The series whose legend name was read unsure (a word of it under ``SURE_NAME``):
    light text on a dark legend often comes out as scraps ("vat" for MATH)."""
    confidence = {word.text: word.confidence for word in used}
    return {index for index, name in enumerate(names)
            if name and min(confidence.get(part, 100.0) for part in name.split()) < SURE_NAME}


SURE_NAME = 70  # OCR confidence: a legend word read at least this surely stands


def confirmed_names(read: list[str], again: list[str]) -> list[str]:
    """Each series' name, of its page reading and its reading again alone: the second
    where it says something else (a scrap read whole), the longer where the two agree (a
    crop can end a long name early), the first where the second names another series (a
    sample of a near colour beside another entry)."""
    out = []
    for index, (first, second) in enumerate(zip(read, again, strict=True)):
        others = [name for other, name in enumerate(read) if other != index and name]
        if not second or any(_alike(second, name, within=False) for name in others):
            out.append(first)
        elif first and _alike(second, first):
            out.append(max(first, second, key=len))
        else:
            out.append(second)
    return out


def _alike(a: str, b: str, within: bool = True) -> bool:
    """Two readings of one name: most characters shared, or (``within``) one inside the
    other. Names of two series may hold one another ("MMLU", "MMLU-Pro")."""
    a, b = (re.sub(r"[^a-z0-9]", "", text.lower()) for text in (a, b))
    if not (a and b):
        return False
    if within and (a in b or b in a):
        return True
    return SequenceMatcher(None, a, b).ratio() >= (0.8 if within else SAME_NAME)


SAME_NAME = 0.85  # characters shared: a reading of another series' name, not a name of its own


def symbol_split(word: Word) -> Word:
    """A legend entry whose symbol OCR read as a first letter ("@OLMo" for a filled circle
    and "OLMo"): the name without it, its box starting after it, so that the symbol is the
    swatch left of the name. Only where the glyph is set apart from the name's capital."""
    text = word.text.strip()
    if len(text) < 3 or text[0] not in SYMBOL_GLYPHS or not text[1].isupper():
        return word
    cut = word.box.x1 + round(word.box.width / len(text))
    return word.model_copy(update={"text": text[1:],
                                   "box": word.box.model_copy(update={"x1": cut})})


FILLED_SHARE = 0.8  # of a symbol's bounding box its ink covers: a filled square or circle

NAME_SHARE = 0.7  # of a name's characters (brackets and spaces aside): letters and digits


def mostly_alnum(text: str) -> bool:
    """Mostly letters and digits, as names are ("GPT-4o (11-20)"), not dashes ("e- 7-7")."""
    counted = [c for c in text if not c.isspace() and c not in "()[]"]
    return sum(c.isalnum() for c in counted) >= NAME_SHARE * max(1, len(counted))
FADED = 10.0  # added to a faded swatch's colour gap: an exact match is surer
FADED_OFF = 0.25  # of a faded swatch's distance from the page: how far off the blend it lies


def _colour_gap(swatch: np.ndarray, series: np.ndarray, bg: np.ndarray) -> float:
    """How far a swatch's colour is from a series colour; a swatch drawn so thin that only
    its blend into the page shows (a one-pixel legend line, scaled down) is measured from
    the series colour's blends instead, and a series drawn faded (at a low opacity, under
    one picked out) from the swatch colour's blends."""
    return _faded_gap(swatch, series, bg)


def _faded_gap(swatch: np.ndarray, series: np.ndarray, bg: np.ndarray) -> float:
    """How far ``swatch`` is from ``series`` or from its blends into the page."""
    gap = float(np.linalg.norm(swatch - series))
    towards = (series - bg).astype(float)
    norm = float(towards @ towards)
    if norm < 1:
        return gap
    share = float((swatch - bg) @ towards) / norm
    if not 0.15 <= share <= 1.0:
        return gap
    off = float(np.linalg.norm(swatch - (bg + share * towards)))
    # a faded swatch keeps its colour's hue: it lies near the blend, not merely as near as
    # it lies to the page (a grey frame's edge is as near a faded blue as to the page)
    if off > FADED_OFF * share * np.sqrt(norm):
        return gap
    return min(gap, off + FADED)


HUE_CHROMA = 60  # max - min channel: a swatch colour this strong has a hue (no grey rule)


def unmatched_swatches(
    rgb: np.ndarray, words: list[Word], colours: list[np.ndarray], bg: np.ndarray, area: Box,
    threshold: float = 45.0,
) -> list[np.ndarray]:
    """The colours of the chart's legend swatches (with a hue) that no series colour in
    ``colours`` matches: series the plot draws otherwise than its legend shows them (faded
    under one picked out), one colour each."""
    frame = chart_frame(rgb, area, bg)
    found: list[np.ndarray] = []
    for word in words:
        if (not within(word.box, frame) or _numeric(word.text)
                or sum(c.isalpha() for c in word.text) < 2):
            continue
        colour = swatch_colour(rgb, word, bg)
        if colour is None or float(colour.max() - colour.min()) < HUE_CHROMA:
            continue
        if any(_colour_gap(colour, wanted, bg) < threshold for wanted in colours + found):
            continue
        found.append(colour)
    return found


def _numeric(text: str) -> bool:
    """A number, or numbers run together ("57.66.4"): a value label, never a name."""
    return parse_number(text) is not None or power_value(text) is not None or bool(
        re.fullmatch(r"[\d.,%]+", text.strip()))


def _after_text(word: Word, line: list[Word], on_colour: Callable[[Word], bool]) -> bool:
    """A confidently read word just left of ``word``: it continues a text, it names nothing.
    A "word" drawn on a series colour (``on_colour``) is the swatch itself, read as letters
    ("Mem")."""
    reach = 2.4 * max(4, word.box.height)
    return any(
        other is not word and other.confidence >= 60 and sum(c.isalnum() for c in other.text) >= 2
        and word.box.x1 - reach <= other.box.x2 <= word.box.x1
        and not on_colour(other)
        for other in line
    )


def _on_colour(rgb: np.ndarray, word: Word, colours: list[np.ndarray]) -> bool:
    """A "word" drawn over a series colour is a swatch or a bar read as text."""
    box = word.box
    patch = rgb[box.y1 : box.y2, box.x1 : box.x2]
    if patch.size == 0:
        return True
    if not colours:
        return False
    # every colour at once: (height, width, colours) squared distances, summed channel by
    # channel (as ``distance`` does: the same sums, without numpy's slow sum over three)
    pixels = patch.astype(np.float32)
    targets = np.asarray(colours, dtype=np.float32)
    squared = np.zeros((*patch.shape[:2], len(colours)), dtype=np.float32)
    for channel in range(3):
        diff = pixels[..., channel, None] - targets[:, channel]
        squared += diff * diff
    near = squared < 45 * 45
    # (a patch with an edge, read as letters, has the colour inside its rim)
    height, width = near.shape[:2]
    inner = near[height // 4 : height - height // 4, width // 4 : width - width // 4]
    return bool((near.mean(axis=(0, 1)) > 0.6).any()) or bool(
        inner.size and (inner.mean(axis=(0, 1)) > 0.8).any())


def _entry(line: list[Word], start: int) -> list[Word]:
    """Words from ``start`` rightwards until a wide gap (the space before the next entry)."""
    picked = [line[start]]
    for word in line[start + 1 :]:
        last = picked[-1]
        if word.box.x1 - last.box.x2 > 0.9 * max(last.box.height, word.box.height):
            break
        picked.append(word)
    return picked


def _lines(words: list[Word]) -> list[list[Word]]:
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.box.cy):
        for line in lines:
            ref = line[0].box
            if abs(ref.cy - word.box.cy) < 0.4 * max(ref.height, word.box.height):
                line.append(word)
                break
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.box.x1) for line in lines]
