"""Series the legend left unnamed, named otherwise: by the text printed at a line's end
(charts that label their lines instead of keeping a legend), or by reading again the text
beside a legend sample drawn in the series' colour (short names such as "T5" in a small
legend font are often lost to the page reading)."""

from __future__ import annotations

import cv2
import numpy as np

from .. import ocr
from ..config import OcrSettings
from ..ocr import rapid
from ..record import Box, Word
from .frames import chart_frame, within
from .labels import second_engine
from .legend import mostly_alnum
from .pixels import distance, near
from .text import parse_number

END_REACH = 3.0  # text heights: a line's end label starts this near its last point
END_ROWS = 0.9  # text heights: and is centred this near its height


def end_label_names(
    words: list[Word], lines: list[list[tuple[float, float]]], names: list[str],
    height: float, taken: list[Word],
) -> tuple[list[str], list[Word]]:
    """Names for the unnamed lines from the word printed just right of each line's last
    point, level with it (the point may lie on the word: a name printed in the line's
    colour is traced with it); a word names one line, the one whose end is nearest. And the
    words that named one."""
    names = list(names)
    used = {id(w) for w in taken}
    offers: list[tuple[float, int, Word]] = []
    for index, points in enumerate(lines):
        if names[index] or not points:
            continue
        x, y = max(points)
        for word in words:
            gap = word.box.x1 - x
            if (id(word) in used or not namelike(word.text) or word.confidence < 40
                    or not -word.box.width <= gap <= END_REACH * height
                    or abs(word.box.cy - y) > END_ROWS * height):
                continue
            offers.append((float(np.hypot(max(gap, 0.0), word.box.cy - y)), index, word))
    labels: list[Word] = []
    for _, index, word in sorted(offers, key=lambda o: o[0]):
        if names[index] or id(word) in used:
            continue
        phrase = phrase_from(words, word)
        names[index] = " ".join(w.text for w in phrase)
        labels.extend(phrase)
        used.add(id(word))
    return names, labels


LINE_RUN = 0.5  # of the columns left of a swatch: a line that runs on through this many


def line_end(rgb: np.ndarray, swatch: Box, colours: list[np.ndarray], height: float) -> bool:
    """Whether a name's "swatch" is the end of a line that runs on to the left (a name
    printed at a line's end), not a legend sample (with the legend's page left of it)."""
    x2 = max(0, swatch.x1)
    x1 = max(0, int(x2 - 2 * height))
    y1, y2 = max(0, int(swatch.cy - 1.5 * height)), int(swatch.cy + 1.5 * height) + 1
    strip = rgb[y1:y2, x1:x2]
    if strip.size == 0 or not colours:
        return False
    return any(float((distance(strip, colour) < SAMPLE_COLOUR).any(axis=0).mean()) >= LINE_RUN
               for colour in colours)


def namelike(text: str) -> bool:
    """A name: a letter or more, mostly letters and digits ("T5", "Llama-2"), no number."""
    return any(c.isalpha() for c in text) and sum(c.isalnum() for c in text) >= 2 \
        and mostly_alnum(text) and parse_number(text) is None



def phrase_from(words: list[Word], first: Word) -> list[Word]:
    """``first`` and the words that follow it closely on its line ("Llama" "2")."""
    picked = [first]
    for word in sorted(words, key=lambda w: w.box.x1):
        last = picked[-1]
        if word is last or word.box.x1 < last.box.x2:
            continue
        level = abs(word.box.cy - last.box.cy) <= 0.4 * max(last.box.height, word.box.height)
        if level and word.box.x1 - last.box.x2 <= 0.9 * max(last.box.height, word.box.height):
            picked.append(word)
    return picked


SAMPLE_COLOUR = 40.0  # RGB distance: a legend sample's pixels are the series' colour
COLOURED = 80  # max - min channel: a symbol's colour, not grey text
SAMPLE_TRIES = 4  # samples read per unnamed series at most (each one small OCR call)


def sample_names(
    rgb: np.ndarray, colours: list[np.ndarray], names: list[str], bg: np.ndarray,
    height: float, settings: OcrSettings | None, taken: list[Word], area: Box | None = None,
) -> list[str]:
    """Names for the unnamed series read again beside their legend sample: a short stroke
    (or a marker on one), or a filled symbol, of the series' colour with text right of it.
    Samples in line with the legend entries that were read (their symbols stand in a column
    or a row) are read first."""
    if settings is None:
        return names
    names = list(names)
    symbols = [(w.box.x1, w.box.cy, w.box.height) for w in taken]
    # the legend's own text height, where some of it was read (often smaller than the ticks')
    height = float(np.median([w.box.height for w in taken])) if taken else height
    # samples on the chart's own page (``area`` the plot's), not in the application around
    frame = chart_frame(rgb, area, bg) if area is not None else None
    for index, colour in enumerate(colours):
        if names[index]:
            continue
        candidates = [box for box in _samples(rgb, colour, height)
                      if frame is None or within(box, frame)]
        candidates.sort(key=lambda box: -_in_line(box, symbols))
        for box in candidates[:SAMPLE_TRIES]:
            text = _read_right_of(rgb, box, height, bg, settings)
            if text and text not in names:
                names[index] = text
                break
    return names


def _samples(rgb: np.ndarray, colour: np.ndarray, height: float) -> list[Box]:
    """Shapes of ``colour`` a legend sample could be: a stroke one to six text heights
    long and at most a text height and a half tall, a filled symbol about as tall as the
    text, or a filled patch up to twice as tall and four times as wide."""
    # (a page-wide mask: the colour's own pixels measured alone)
    inked = near(rgb, colour, SAMPLE_COLOUR).astype(np.uint8)
    # a dashed sample's dashes, and a marker on its stroke, make one shape
    joined = cv2.dilate(inked, np.ones((1, 3), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    found = []
    for x, y, w, h, area in stats[1:count]:
        stroke = 1.0 * height <= w <= 6 * height and h <= 1.5 * height and w >= 1.5 * h
        symbol = 0.4 * height <= min(w, h) and max(w, h) <= 1.5 * height \
            and area >= 0.6 * w * h  # a filled square or circle
        # a filled patch, wider than tall (ECharts' rounded legend icons), drawn a little
        # taller than the legend's small letters
        patch = 0.5 * height <= h <= 2 * height and h <= w <= 4 * height \
            and area >= 0.75 * w * h
        if (stroke and area >= 0.5 * height) or symbol or patch:
            found.append(Box(x1=int(x), y1=int(y), x2=int(x + w), y2=int(y + h)))
    return found


def _in_line(box: Box, symbols: list[tuple[int, float, int]]) -> int:
    """How many read legend entries start where this sample's text would (a column of
    entries) or sit level with it (a row)."""
    return sum(abs(box.x2 - x) <= 3 * h or abs(box.cy - cy) <= 0.5 * h
               for x, cy, h in symbols)


def _read_right_of(
    rgb: np.ndarray, box: Box, height: float, bg: np.ndarray, settings: OcrSettings
) -> str:
    """The name printed right of a legend sample, read alone (enlarged, one line); "" when
    what stands there is no name (a line's next dash, a value)."""
    x1 = box.x2 + 1
    x2 = min(rgb.shape[1], int(box.x2 + 12 * height))
    y1 = max(0, int(box.cy - 0.8 * height))
    y2 = min(rgb.shape[0], int(box.cy + 0.8 * height) + 1)
    crop = rgb[y1:y2, x1:x2]
    if crop.size == 0 or crop.shape[1] < height:
        return ""
    ink = distance(crop, bg) > 60
    columns = np.flatnonzero(ink.any(axis=0))
    # the text begins within a text height or two of the sample, and ends at a wide gap
    if not len(columns) or columns[0] > 2.5 * height:
        return ""
    gaps = np.flatnonzero(np.diff(columns) > 1.2 * height)
    end = columns[gaps[0]] if len(gaps) else columns[-1]
    # or at the next entry's symbol (a row of entries): coloured where text is grey
    pixels = crop.astype(np.int16)
    coloured = np.flatnonzero((pixels.max(axis=-1) - pixels.min(axis=-1) > COLOURED).any(axis=0))
    coloured = coloured[coloured > columns[0] + height]
    if len(coloured):
        end = min(end, int(coloured[0]) - 2)
    crop = np.ascontiguousarray(crop[:, max(0, columns[0] - 3) : end + 4])
    grey = cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY)
    if float(np.median(grey)) < 128:
        grey = 255 - grey
    scale = max(1.0, 40 / max(1, crop.shape[0]))
    grey = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    grey = cv2.copyMakeBorder(grey, 10, 10, 10, 10, cv2.BORDER_REPLICATE)
    try:
        words = ocr.read_words(np.ascontiguousarray(cv2.cvtColor(grey, cv2.COLOR_GRAY2RGB)),
                               settings, psm=7)
    except RuntimeError:  # tesserocr: no text in the crop
        return ""
    sure = [w for w in words if w.confidence >= 60]
    text = " ".join(w.text for w in sure).strip()
    if not namelike(text.replace(" ", "")) and second_engine(settings):
        # small legend text blurred by enlarging and JPEG (a low-DPI chart) defeats
        # Tesseract however it is scaled; the second engine reads the crop as it is
        text, confidence = rapid.texts([crop])[0]
        text = text if confidence >= SECOND_SURE else ""
    return text if namelike(text.replace(" ", "")) else ""


SECOND_SURE = 90  # RapidOCR's confidence (0..100): a name it reads at least this surely
