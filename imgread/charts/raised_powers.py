"""Powers of ten whose exponent OCR read level or lost: "10¹" read as "101", "10?" or a bare
"10". Where the last glyphs stand raised above the "10" in the pixels, the word becomes
"10^1", its exponent read once more alone where OCR settings are given."""

from __future__ import annotations

import re

import cv2
import numpy as np

from .. import ocr
from ..config import OcrSettings
from ..record import Box, Word
from .text import E_NOTATION, LABEL_TEXT_HEIGHT

# "101", "2x101", "10-1": "10" and a digit or two that may be a raised exponent (10¹ read
# level, 10⁻¹ with its minus, or as a sign: "10+"; of two raised digits, either may read as
# a sign: "10'8" for 10¹⁸, "10”" for 10¹⁹); "6x10": a mantissa's power whose exponent OCR
# dropped
_TEN_AND_DIGITS = re.compile(
    r"^(?P<head>(?:\d+(?:\.\d+)?[×xX*·])?10)"
    r"(?P<tail>-?\d{1,2}|[°%oO?'!lI|}\]+\-”“’‘\"]\d?|\d[°%oO?'!lI|}\]”“’‘\"])?$")
RAISED_SHARE = 0.25  # of the text height: a glyph whose foot is this far up is raised


def raised_powers(
    rgb: np.ndarray, words: list[Word], settings: OcrSettings | None = None
) -> list[Word]:
    """Powers of ten whose exponent OCR read level ("10¹" as "101", even "102") or as a sign
    ("10?" for 10²): where the last glyphs stand raised above the "10" in the pixels, the
    word becomes "10^1", its exponent read once more alone (enlarged, digits only) where
    ``settings`` are given."""
    out: list[Word] = []
    taken: set[int] = set()  # raised exponents OCR read as words of their own
    for word in words:
        match = _TEN_AND_DIGITS.match(word.text.strip().replace(" ", ""))
        if match is None and (cut := _without_raised_mark(rgb, word)) is not None:
            word, match = cut, _TEN_AND_DIGITS.match(cut.text.strip().replace(" ", ""))
        if match and match["tail"] is None and match["head"] == "10":
            # a plain "10" whose small exponent OCR lost or read apart (bokeh's 10⁹): the
            # box widened over where the exponent stands, read only where it is a number
            wider = _with_exponent_room(word.box)
            exponent = _raised_tail(rgb, wider, settings)
            if exponent:
                taken.update(id(w) for w in words if w is not word and _raised_in(w.box, wider))
                word = word.model_copy(update={"text": f"10^{exponent}", "box": wider})
            out.append(word)
            continue
        exponent = _raised_tail(rgb, word.box, settings) if match else None
        if match and exponent is not None:
            tail = match["tail"] or ""
            if exponent and tail.startswith("-") and not exponent.startswith("-"):
                exponent = "-" + exponent  # the raised minus, read level, is in the word
            if tail in UPRIGHT_ONES and len(exponent) == 1 and exponent != "1":
                exponent = "1"  # an upright stroke is a 1 (alone, a serif 1 reads as a 7)
            if exponent or tail.lstrip("-").isdigit():
                word = word.model_copy(update={"text": f"{match['head']}^{exponent or tail}"})
        out.append(word)
    return [w for w in out if id(w) not in taken]


STRAY_MARKS = "\"'`\u201c\u201d\u2018\u2019,."  # what OCR reads a minor tick mark as


def _without_raised_mark(rgb: np.ndarray, word: Word) -> Word | None:
    """A power of ten read with a mark before it ("\u201c10!": a minor tick's stroke above and
    left of matplotlib's 10\u00b9; "\u201c1e10"), the mark cut off, text and box: the box's
    centre must be the label's, on a log axis a few pixels are a few per cent. None where
    the word is no such power."""
    text = word.text.strip()
    rest = text.lstrip(STRAY_MARKS)
    if rest == text or not (_TEN_AND_DIGITS.match(rest.replace(" ", ""))
                            or E_NOTATION.match(rest)):
        return None
    box = word.box
    crop = rgb[box.y1 : box.y2, box.x1 : box.x2]
    if crop.size == 0 or crop.shape[0] < 6:
        return None
    grey = cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY).astype(np.int16)
    ink = np.abs(grey - np.median(grey)) > 60
    columns = np.flatnonzero(ink.any(axis=0))
    if not len(columns):
        return None
    runs = np.split(columns, np.flatnonzero(np.diff(columns) > 1) + 1)
    # (the mark's own ink may be left out of the box already, cut down to the text's rows)
    first = np.flatnonzero(ink[:, runs[0][0] : runs[0][-1] + 1].any(axis=1))
    if first[-1] < 0.6 * crop.shape[0]:  # raised, not reaching the digits' foot: the mark
        runs = runs[1:]
    if not runs:
        return None
    return word.model_copy(update={"text": rest, "box": box.model_copy(
        update={"x1": box.x1 + int(runs[0][0])})})


UPRIGHT_ONES = "!lI|]}"  # a raised 1 as the page reading reads it: never another digit
EXPONENT_ROOM = 1.1  # of a label's height: how far right of "10" a raised exponent reaches


def _with_exponent_room(box: Box) -> Box:
    """The box of a "10" widened right and up over where its exponent stands."""
    return box.model_copy(update={"x2": round(box.x2 + EXPONENT_ROOM * box.height),
                                  "y1": max(0, round(box.y1 - RAISED_ROOM * box.height))})


RAISED_ROOM = 0.5  # of a label's height: how far above "10" a raised exponent reaches


def _raised_in(box: Box, wider: Box) -> bool:
    """A word right of the "10" inside its widened box, its foot above the "10"'s middle."""
    base_height = wider.height / (1 + RAISED_ROOM)
    middle = wider.y2 - base_height / 2
    return wider.x2 - EXPONENT_ROOM * base_height - 2 <= box.cx <= wider.x2 + 2 and (
        wider.y1 - 2 <= box.y1 and box.y2 < middle)


def _raised_tail(rgb: np.ndarray, box: Box, settings: OcrSettings | None) -> str | None:
    """None where the word's last glyph stands level with the ones before; else the raised
    glyph's digit read alone ("" where it cannot be read again)."""
    crop = rgb[max(0, box.y1 - 2) : box.y2 + 2, max(0, box.x1 - 1) : box.x2 + 1]
    if crop.size == 0 or crop.shape[0] < 6:
        return None
    grey = cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY)
    if float(np.median(grey)) < 128:
        grey = 255 - grey
    _, ink = cv2.threshold(grey, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    # the box may take in the axis line and a tick mark above the label: the text is the
    # lowest band of inked rows, rules across the box left out
    ink[ink.mean(axis=1) > 0.8] = 0
    rows = np.flatnonzero(ink.any(axis=1))
    if not len(rows):
        return None
    band = np.split(rows, np.flatnonzero(np.diff(rows) > 1) + 1)[-1]
    ink[: band[0]] = 0
    columns = np.flatnonzero(ink.any(axis=0))
    if len(columns) < 4:
        return None
    # each column's lowest ink: the exponent's columns end well above the baseline (small
    # text runs the glyphs together, so columns are looked at, not glyphs)
    feet = np.array([np.flatnonzero(ink[:, x])[-1] for x in columns])
    tops = np.array([np.flatnonzero(ink[:, x])[0] for x in columns])
    baseline = int(feet.max())
    height = baseline - int(tops.min()) + 1
    raised = feet < baseline - RAISED_SHARE * height
    if not raised[-1]:
        return None
    level = np.flatnonzero(~raised)
    if not len(level):
        return None
    first = int(level[-1]) + 1
    if len(columns) - first < 2 or first < 2:
        return None
    # and stand above the "10" too (a round glyph's last columns also end above the foot;
    # mathtext sets a small exponent only a tenth of the text's height above the digits),
    # or be a superscript glyph (¹⁹: a font's small digits hang from the digits' top)
    if int(tops[first:].min()) > int(tops[:first].min()) - max(1.0, 0.1 * height) and (
            not _superscript_glyphs(tops[first:], feet[first:], int(tops[:first].min()),
                                    height)):
        return None
    x1, x2 = int(columns[first]), int(columns[-1]) + 1
    top, bottom = int(tops[first:].min()), int(feet[first:].max()) + 1
    if settings is None:
        return ""
    glyph = grey[top:bottom, x1:x2]
    scale = LABEL_TEXT_HEIGHT / max(1, glyph.shape[0])
    glyph = cv2.resize(glyph, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    glyph = cv2.copyMakeBorder(glyph, 12, 12, 12, 12, cv2.BORDER_CONSTANT, value=255)
    # read as a word, not a character: two raised digits (10¹¹, matplotlib's labels of
    # token counts) read as one glyph come back as one digit; where the word reading finds
    # no exponent, or one digit in ink two digits wide (plotly's 10²² five pixels tall),
    # the exponent is read again as a line of text
    digits = _exponent_read(glyph, settings, psm=8)
    if len(digits.lstrip("-")) < (2 if x2 - x1 >= TWO_DIGITS_WIDE * (bottom - top) else 1):
        digits = _exponent_read(glyph, settings, psm=7) or digits
    if digits in ("", "7") and x2 - x1 < TWO_DIGITS_WIDE * (bottom - top):
        # one small glyph: matplotlib's 10⁰ and 10¹ above all, whose exponent read alone
        # comes back as nothing or, a 1 with its flag, as a 7
        digits = _zero_or_one(ink[top:bottom, x1:x2]) or digits
    return digits


def _zero_or_one(glyph: np.ndarray) -> str:
    """A lone raised glyph told by its shape (ink true): a ring (a hole in it, or two
    strokes across its middle rows, the hole closed by blur) is 0; one stroke across its
    middle whose foot is as wide as its head (a 1's base; a 7's head is its bar) is 1; ""
    otherwise."""
    if glyph.shape[0] < 4 or glyph.shape[1] < 2:
        return ""
    padded = np.pad(glyph.astype(np.uint8), 1)
    count, _ = cv2.connectedComponents(1 - padded, connectivity=4)
    third = max(1, glyph.shape[0] // 3)
    middle = glyph[third : glyph.shape[0] - third]
    strokes = [len(np.split(run, np.flatnonzero(np.diff(run) > 1) + 1))
               for run in (np.flatnonzero(row) for row in middle) if len(run)]
    if count > 2 or (strokes and min(strokes) >= 2):  # page pixels enclosed: a hole
        return "0"
    widths = [int(np.ptp(np.flatnonzero(row))) + 1 if row.any() else 0 for row in glyph]
    quarter = max(1, len(widths) // 4)
    head, foot = max(widths[:quarter]), max(widths[-quarter:])
    return "1" if strokes and max(strokes) == 1 and foot >= head else ""


TWO_DIGITS_WIDE = 1.1  # of an exponent's height: the width two digits take at least


def _exponent_read(glyph: np.ndarray, settings: OcrSettings, psm: int) -> str:
    """The digits of an enlarged exponent, read by Tesseract in page mode ``psm``; "" where
    they are no exponent (one or two digits, a minus perhaps)."""
    try:
        found = ocr.read_words(np.ascontiguousarray(cv2.cvtColor(glyph, cv2.COLOR_GRAY2RGB)),
                               settings, psm=psm, numeric=True)
    except RuntimeError:  # tesserocr: no text in the crop
        return ""
    digits = "".join(w.text for w in found).replace("−", "-").replace("—", "-")
    return digits if re.fullmatch(r"-?\d{1,2}", digits) else ""


SUPERSCRIPT_HEIGHT = 0.8  # of the text's height: a superscript digit is this tall at most
DIGIT_WIDTH = 0.3  # of the text's height: the narrowest a digit (and a glyph's tail) runs


def _superscript_glyphs(tops: np.ndarray, feet: np.ndarray, text_top: int,
                        height: int) -> bool:
    """Columns ending a word that hold small glyphs hung from the text's top line: a
    font's superscript digits (plotly's ticks printed "10¹⁹"), level with the "10" above,
    raised at their foot. A round glyph's last columns also end above the foot, but they
    are a stroke or two wide and start below the text's top."""
    top, foot = int(tops.min()), int(feet.max())
    return (len(tops) >= DIGIT_WIDTH * height and top <= text_top + max(1.0, 0.1 * height)
            and foot - top + 1 <= SUPERSCRIPT_HEIGHT * height)
