"""OCR words regrouped for chart reading: phrases on one text line, and numbers in them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import cv2
import numpy as np

from .. import ocr, units
from ..config import OcrSettings
from ..ocr.phrase import Phrase
from ..record import Box, Word
from .pixels import distance

_JUNK = re.compile(r"^[\W_]+$")


@lru_cache(maxsize=8192)  # asked of every word many times over (phrases, ticks, legends)
def parse_number(text: str) -> float | None:
    """A tick or value label as a number (``45.3``, ``1,000``, ``80,7``, ``−5``, ``80%``),
    else None: :func:`imgread.units.parse_number` reading the label as a whole, so that a
    word with a digit in it ("GSM8K") is not a number."""
    return units.parse_number(text, whole=True)


_LETTER_ONES = str.maketrans("lI", "11")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
# How OCR reads a small raised 0 or 1 after "10" (matplotlib's 10⁰, 10¹): "10°", "10?"
_RAISED = {"°": 0, "%": 0, "o": 0, "O": 0, "?": 1, "'": 1, "!": 1, "l": 1, "I": 1, "|": 1,
           "}": 1, "]": 1}
# "10¹", "2×10¹", "2x10^1", "1e1", "1E+02": powers of ten as matplotlib and others print them
# (a caret typed between ten and its exponent, "10^9", reads as "*" as often as "^")
_POWER = re.compile(
    r"^(?:(?P<mantissa>\d+(?:\.\d+)?)\s*[×xX*·]\s*)?10\s*(?P<caret>[\^*])?\s*"
    r"(?P<exponent>-?\d{1,2}|[°%oO?'!lI|}\]])$"
)
# (a small "e" in a JPEG reads as a currency sign: "1€19", "1¢21", and a 1 beside it as a
# letter: "le+21", "lell"; neither is a number otherwise)
E_NOTATION = re.compile(
    r"^(?P<mantissa>\d+(?:\.\d+)?|[lI])[eE€¢](?P<exponent>[+-]?[\dlI]{1,2})$")
# "10B", "500M", "1.5T": sizes and token counts, in billions
# (G: d3's and plotly's SI format print a billion as "1G")
_SIZE = re.compile(r"^(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>[KMBGT])$", re.IGNORECASE)
_TO_BILLIONS = {"k": 1e-6, "m": 1e-3, "b": 1.0, "g": 1.0, "t": 1e3}
_TO_COUNTS = {unit: scale * 1e9 for unit, scale in _TO_BILLIONS.items()}
_THOUSANDS = re.compile(r"^\d+(?:\.\d+)?\s*k$", re.IGNORECASE)


def power_value(text: str) -> float | None:
    """A tick printed as a power of ten ("10¹", "2×10¹", "1e1"), else None. A raised 0 or 1
    comes out of OCR as a sign ("10°", "10?"), which is read back; a lone "101" cannot be
    told from 101 and stays a plain number (the axis fit rejects it on a log axis)."""
    cleaned = text.strip().translate(_SUPERSCRIPTS).replace(" ", "")
    has_superscript = cleaned != text.strip().replace(" ", "")
    match = E_NOTATION.match(cleaned)
    if match is None:
        match = _POWER.match(cleaned)
        plain_digits = match is not None and match["exponent"].lstrip("-").isdigit()
        if match is None or (plain_digits and not (
                has_superscript or match["caret"] or match["mantissa"])):
            return None
    mantissa = float(match["mantissa"].translate(_LETTER_ONES)) if match["mantissa"] else 1.0
    if mantissa >= 10:  # "3 3x10⁰": a stray glyph run into the mantissa (1 to 9 as printed)
        return None
    exponent = match["exponent"].translate(_LETTER_ONES)
    return mantissa * 10.0 ** (_RAISED[exponent] if exponent in _RAISED else int(exponent))


# "0.54 s", "120ms", "45.2 tok/s": latency and throughput as serving leaderboards print
# their ticks and labels (the number in the unit printed)
_MEASURE = re.compile(r"^(?P<number>\d+(?:\.\d+)?)\s*(?:ms|s|sec|tok/s|tokens/s|t/s)$",
                      re.IGNORECASE)


def measure_value(text: str) -> float | None:
    """A tick or label printed with a time or rate unit ("0.2s", "1.08 s", "45 ms"), else
    None."""
    match = _MEASURE.match(text.strip())
    return float(match["number"]) if match is not None else None


def size_value(text: str, counts: bool = False) -> float | None:
    """A tick printed with a size unit ("10B", "500M"), in billions (or, with ``counts``,
    as the plain number it abbreviates: "2k" 2000), else None."""
    match = _SIZE.match(text.strip())
    if match is None:
        return None
    return float(match["number"]) * (_TO_COUNTS if counts else _TO_BILLIONS)[
        match["unit"].lower()]


def in_thousands(row: list[Phrase]) -> bool:
    """Whether a row of ticks counts in thousands ("2k", "4k": training steps as d3's and
    plotly's SI formats print them): no model has thousands of parameters, so such an axis
    counts things, and its "k", "M" and "B" are plain multiples, not sizes in billions."""
    return any(_THOUSANDS.match(p.text.strip()) for p in row)


@dataclass
class Tick(Phrase):
    """A phrase whose number is printed in a form :func:`parse_number` leaves alone (a power
    of ten, a size with its unit): the value is given, not read from the text."""

    number: float | None = None

    @property
    def value(self) -> float | None:
        return self.number


def as_tick(phrase: Phrase, sizes: bool = False, counts: bool = False) -> Phrase:
    """``phrase`` as a :class:`Tick` where it prints a power of ten, a time or rate ("0.2s",
    "45 ms") or, with ``sizes``, a number with a size unit (in billions, or with ``counts``
    the plain number); else unchanged."""
    if phrase.value is not None:
        return phrase
    number = power_value(phrase.text)
    if number is None and sizes:
        number = size_value(phrase.text, counts)
    if number is None:
        number = measure_value(phrase.text)
    if number is None:
        return phrase
    return Tick(words=phrase.words, box=phrase.box, text=phrase.text,
                confidence=phrase.confidence, number=number)


# "13B" read "138", "2.7B" read "2.78", "2T" read "27": a size unit in a thin font taken
# for the digit it looks like
_UNIT_AS_DIGIT = re.compile(r"^(?P<number>\d+(?:\.\d+)?)(?P<digit>[87])$")
_UNIT_OF_DIGIT = {"8": "B", "7": "T"}


def unit_misreadings(found: list[Phrase]) -> list[Phrase]:
    """Other readings of x tick labels: a number ending in 8 or 7 may be a size whose unit
    B or T was read as a digit ("138" for 13B). For fitting x axes only, beside the readings
    as read: the fit keeps whichever lines up with more ticks."""
    return [other for phrase in found if (other := unit_misread(phrase)) is not None]


def unit_misread(phrase: Phrase) -> Phrase | None:
    """The reading of a number ending in 8 or 7 as a size whose unit was read as that
    digit ("138" as 13B), or None where it is no such number."""
    match = _UNIT_AS_DIGIT.match(phrase.text.strip())
    if phrase.value is None or match is None:
        return None
    unit = _UNIT_OF_DIGIT[match["digit"]]
    return Tick(words=phrase.words, box=phrase.box, text=f"{match['number']}{unit}",
                confidence=phrase.confidence,
                number=float(match["number"]) * _TO_BILLIONS[unit.lower()])


# digits without a point, a unit or suffix after them ("45k", "25", "125M")
_POINTLESS = re.compile(r"^(?P<digits>\d{2,})(?P<rest>\s*[A-Za-z%]*)$")


def lost_point_readings(found: list[Phrase]) -> list[Phrase]:
    """Other readings of x tick labels whose small decimal point OCR lost ("4.5k" read
    "45k", "2.5" read "25"): the point put back before the last digit, or the last two,
    the value a tenth or a hundredth of what was read. For fitting x axes only, beside
    the readings as read: a reading is kept where it lines up more ticks, so the spacing
    of the other labels decides."""
    others: list[Phrase] = []
    for phrase in found:
        match = _POINTLESS.match(phrase.text.strip())
        if phrase.value is None or match is None or phrase.value == 0:
            continue
        digits = match["digits"]
        for cut in (1, 2)[: len(digits) - 1]:
            text = f"{digits[:-cut]}.{digits[-cut:]}{match['rest']}"
            others.append(Tick(words=phrase.words, box=phrase.box, text=text,
                               confidence=phrase.confidence,
                               number=float(phrase.value) / 10**cut))
    return others


TICK_MARKS = ".,}])|-—_~+="  # a tick mark beside its label, as OCR reads it ("50}", "60-",
# "20+"; a thick one drawn by hand, xkcd's, "80=")
_MARK_AND_GLYPH = re.compile(r"^(?P<number>\d+(?:\.\d+)?)[-—_~|]\S$")


def marked_ticks(found: list[Phrase]) -> list[Phrase]:
    """Other readings of phrases that are no number as read: a number (or a power of ten)
    with the tick mark beside it read as a sign ("50}", "60.", "3x 10°-"). For fitting y
    axes only: a value label or a name read so is no number."""
    marked: list[Phrase] = []
    for phrase in found:
        text = phrase.text.strip()
        digits = text.rstrip(TICK_MARKS)
        # (a power of ten too: matplotlib's "3×10⁰" read "3x 10°-")
        number = (parse_number(digits) or power_value(digits)) if phrase.value is None else None
        if number is None and phrase.value is None and (
                match := _MARK_AND_GLYPH.match(text)):  # the mark and a stray glyph: "70-5"
            digits, number = match["number"], float(match["number"])
        if number is not None and digits != text:
            # the label's box is cut to its digits, so that it lines up with the labels
            # read cleanly (right-aligned, the mark's width would set it apart)
            box = phrase.box
            right = box.x1 + round(box.width * len(digits) / len(text))
            marked.append(Tick(words=phrase.words, box=box.model_copy(update={"x2": right}),
                               text=digits, confidence=phrase.confidence, number=number))
    return marked


def lowest_line_above(found: list[Phrase], top: float, bottom: float, left: float,
                      right: float) -> str:
    """The lowest line of sure text (no number, three characters or more) whose foot lies
    between ``top`` and ``bottom`` and whose middle lies between ``left`` and ``right``: a
    chart's title over its plot."""
    above = [p for p in found if p.value is None and p.confidence >= 50
             and top <= p.box.y2 <= bottom and left <= p.box.cx <= right and len(p.text) >= 3]
    if not above:
        return ""
    lowest = max(p.box.y2 for p in above)
    line = [p for p in above if p.box.y2 >= lowest - 0.5 * p.height]
    return " ".join(p.text for p in sorted(line, key=lambda p: p.box.x1))


def clean_words(words: list[Word], min_confidence: float = 30.0) -> list[Word]:
    """Drop empty, punctuation-only and very unsure words (graphics read as text); a number
    or a power of ten stays however unsure ("2x10°": a log axis's small mathtext)."""
    return [
        word
        for word in words
        if word.text.strip()
        and not _JUNK.match(word.text.strip())
        and (word.confidence >= min_confidence or parse_number(word.text) is not None
             or power_value(word.text) is not None)
    ]


def same_line(a: Box, b: Box) -> bool:
    overlap = min(a.y2, b.y2) - max(a.y1, b.y1)
    return overlap > 0.5 * min(a.height, b.height)


def phrases(words: list[Word], gap: float = 0.9) -> list[Phrase]:
    """Group words left to right into phrases: same line, gap under ``gap`` x the text height.

    Two numbers never join, so that "42.3 45.3" above adjacent bars stay apart; nor do two
    sizes ("70B" "100B", ticks close together on a log axis), nor two powers of ten ("1e19"
    "3e19").
    """
    ordered = sorted(words, key=lambda w: (w.box.x1, w.box.y1))
    groups: list[list[Word]] = []
    for word in ordered:
        is_number = parse_number(word.text) is not None
        is_size = size_value(word.text) is not None
        is_power = power_value(word.text) is not None
        for group in groups:
            last = group[-1]
            height = max(1, min(last.box.height, word.box.height))
            # the gap first: it rules out nearly every group, and costs least to ask
            if (
                -0.3 * height <= word.box.x1 - last.box.x2 <= gap * height
                and same_line(last.box, word.box)
                and not (is_number and parse_number(last.text) is not None)
                and not (is_size and size_value(last.text) is not None)
                and not (is_power and power_value(last.text) is not None)
            ):
                group.append(word)
                break
        else:
            groups.append([word])
    return [Phrase.of(group, weakest=False) for group in groups]


# "24.825.3", or "73.8746" where OCR also lost the second point; but without that point
# the second number must show two digits before its own (0.494 is one label printed to three
# decimals, not 0.4 and 9.4)
_TWO_DECIMALS = re.compile(r"^(\d+\.\d)(?:(\d+)\.|(\d{2,}))(\d)$")
# "70B100B": two size ticks close together, read as one word
_TWO_SIZES = re.compile(r"^(\d+(?:\.\d+)?[KMBT])(\d+(?:\.\d+)?[KMBT])$", re.IGNORECASE)


def split_merged_numbers(words: list[Word]) -> list[Word]:
    """OCR joins the labels of two adjacent bars ("24.825.3") or two size ticks ("70B100B");
    split them: two labels at the middle, two ticks by their share of the characters."""
    out: list[Word] = []
    for word in words:
        text = word.text.strip().rstrip(",")
        box = word.box
        if match := _TWO_DECIMALS.match(text):
            pieces = (match[1], f"{match[2] or match[3]}.{match[4]}")
            middle = (box.x1 + box.x2) // 2
        elif match := _TWO_SIZES.match(text):
            pieces = (match[1], match[2])
            middle = box.x1 + round(box.width * len(match[1]) / len(text))
        else:
            out.append(word)
            continue
        for piece, x1, x2 in ((pieces[0], box.x1, middle), (pieces[1], middle, box.x2)):
            out.append(word.model_copy(update={
                "text": piece, "box": Box(x1=x1, y1=box.y1, x2=x2, y2=box.y2),
            }))
    return out


REREAD_SIDE = 2400  # px: the longest side the chart reread works at
SMALL_SIDE = 1400  # px: a screenshot smaller than this is enlarged for the reread
FAINT_INK = 235  # grey level: anything darker is ink in the pale-text reread
GREY_CHROMA = 40  # max - min channel: ink this grey is text or axes, not a coloured mark
GREY_CONTRAST = 90  # grey levels from the page's: ink, not a gridline


def grey_ink(rgb: np.ndarray) -> np.ndarray:
    """Black where the image has grey ink that stands out from its page (text, axes), white
    elsewhere, coloured marks included: a chart's text without its bars. Text laid over
    large coloured bars on a dark page (plotly_dark) is lost to Tesseract's threshold,
    which takes the bars for ink; without them it reads."""
    pixels = rgb.astype(np.int16)
    page = np.median(pixels.reshape(-1, 3), axis=0).mean()
    chroma = pixels.max(axis=2) - pixels.min(axis=2)
    ink = (chroma < GREY_CHROMA) & (np.abs(pixels.mean(axis=2) - page) > GREY_CONTRAST)
    return np.repeat(np.where(ink, 0, 255).astype(np.uint8)[..., None], 3, axis=2)


def reread(rgb: np.ndarray, settings: OcrSettings, faint: bool = False,
           grey_only: bool = False) -> list[Word]:
    """Words from the plain colour image (dark themes inverted), in image pixels.

    The OCR stage reads an image prepared for tables (background flattened, binarised),
    where hatched or coloured bars turn into noise that swallows their value labels; the
    colour image, binarised by Tesseract itself, keeps labels and bars apart. ``faint``
    turns everything but the near-white page black, so that pale grey tick labels (which
    Tesseract's own threshold drops) are read; ``grey_only`` reads :func:`grey_ink`.
    """
    image = rgb
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    if float(np.median(grey)) < 110:
        image, grey = 255 - rgb, 255 - grey
    if faint:
        image = np.where(grey < FAINT_INK, 0, 255).astype(np.uint8)
    if grey_only:
        image = grey_ink(rgb)
    # small screenshots are read at twice the size: their labels are a few pixels tall
    scale = min(2.0, REREAD_SIDE / max(image.shape[:2]))
    if scale < 1:
        image = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    elif scale > 1:
        scale = min(2.0, max(1.0, SMALL_SIDE / max(image.shape[:2])))
        image = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    try:
        found = ocr.read_words(np.ascontiguousarray(image), settings, psm=11)
    except RuntimeError:  # tesserocr's iterator can fail on a word without text
        return []
    if scale == 1:
        return found
    return [
        word.model_copy(update={"box": Box(
            x1=int(word.box.x1 / scale), y1=int(word.box.y1 / scale),
            x2=round(word.box.x2 / scale), y2=round(word.box.y2 / scale),
        )})
        for word in found
    ]


def merge_words(first: list[Word], second: list[Word]) -> list[Word]:
    """Two readings of one image as one: where words overlap, the more confident one."""
    def overlaps(a: Box, b: Box) -> bool:
        width = min(a.x2, b.x2) - max(a.x1, b.x1)
        height = min(a.y2, b.y2) - max(a.y1, b.y1)
        return width > 0 and height > 0 and width * height > 0.3 * min(
            a.width * a.height, b.width * b.height
        )

    def better(a: Word, b: Word) -> bool:
        """Two sure readings of a name: the longer one (OCR cut the other short); of a
        number, or unsure ones: the surer (a longer number took in a tick mark)."""
        names = parse_number(a.text) is None and parse_number(b.text) is None
        longer, shorter = (a.text, b.text) if len(a.text) > len(b.text) else (b.text, a.text)
        if not parse_number(longer) and shorter in longer and shorter != longer:
            return a.text == longer  # one reading is a piece of the other ("LLaMA" "2")
        same_size = abs(a.box.height - b.box.height) <= 0.4 * min(a.box.height, b.box.height)
        # one word: a sure reading over an unsure scrap whose box took in a tick mark
        sure, unsure = (a, b) if a.confidence > b.confidence else (b, a)
        across = min(a.box.x2, b.box.x2) - max(a.box.x1, b.box.x1)
        if names and across >= 0.7 * min(a.box.width, b.box.width) and \
                unsure.confidence < 50 and sure.confidence >= 80 and \
                unsure.box.height > 1.4 * sure.box.height and \
                re.fullmatch(r"[A-Za-z][\w.-]{2,}", sure.text.strip()) is not None:
            return a is sure
        if names and same_size and min(a.confidence, b.confidence) >= 50:
            return a.box.width > b.box.width
        return same_size and a.confidence > b.confidence

    merged = list(first)
    for word in second:
        box = word.box
        rivals = [f for f in merged  # (the comparisons first: a cheap test of most pairs)
                  if f.box.x1 < box.x2 and box.x1 < f.box.x2 and f.box.y1 < box.y2
                  and box.y1 < f.box.y2 and overlaps(box, f.box)]
        if all(better(word, rival) for rival in rivals):
            beaten = {id(rival) for rival in rivals}
            merged = [f for f in merged if id(f) not in beaten] + [word]
    return merged


def plausible(words: list[Word]) -> list[Word]:
    """Words of a text's height: not the tall boxes OCR draws around bars and hatching, nor
    the flat ones around dashed lines ("m-----")."""
    # (a word without a letter or digit far taller than the tallest sure word with one is
    # a hatch line read surely as "\\", at a bar's height: it sets no text height; a "|"
    # or a legend's line read as "—" near the text's height still does)
    lettered = [word.box.height for word in words
                if word.confidence >= 80 and any(c.isalnum() for c in word.text)]
    stroke = STROKE_SHARE * max(lettered) if lettered else float("inf")
    sure = [word.box.height for word in words if word.confidence >= 80 and (
        word.box.height <= stroke or any(c.isalnum() for c in word.text))] or [
        word.box.height for word in words
    ]
    if not sure:
        return []
    tallest = 1.6 * float(np.percentile(sure, 90))
    flattest = 0.5 * float(np.percentile(sure, 10))
    return [
        word for word in words
        if flattest <= word.box.height <= (
            # a sure word may take in the tick mark above it: its box is taller, not its text
            2 * tallest if word.confidence >= 90 and sum(c.isalpha() for c in word.text) >= 3
            else tallest)
        and sum(c.isalnum() for c in word.text) >= 0.5 * len(word.text)
    ]


STROKE_SHARE = 2.5  # of the tallest sure lettered word: a letterless word taller is a stroke


def word_boxes(words: list[Word], min_confidence: float = 0.0) -> list[Box]:
    return [word.box for word in plausible(words) if word.confidence >= min_confidence]


LABEL_TEXT_HEIGHT = 40  # px: the height a value label is enlarged to for its second reading


def read_label(
    rgb: np.ndarray, box: Box, settings: OcrSettings, widen: bool = True
) -> float | None:
    """A value label read once more, alone: its box (widened by a character each side, where
    a digit OCR dropped lies), enlarged, dark on light, as one line of digits."""
    return parse_number(read_label_text(rgb, box, settings, widen))


def read_label_text(
    rgb: np.ndarray, box: Box, settings: OcrSettings, widen: bool = True,
    page: np.ndarray | None = None, digits: bool = True,
) -> str:
    """The text :func:`read_label` reads ("" when none). ``page``: the crop lies inside a
    bar, and page-coloured pixels reaching its edge (the page beside the bar's rounded
    corners) are painted in the bar's colour, so that one threshold parts text from bar.
    ``digits=False`` reads letters too (a unit printed after the number, "0.20 s")."""
    pad = max(2, box.height) if widen else 2
    x1, x2 = max(0, box.x1 - pad), min(rgb.shape[1], box.x2 + pad)
    y1, y2 = max(0, box.y1 - pad // 3), min(rgb.shape[0], box.y2 + pad // 3)
    crop = rgb[y1:y2, x1:x2]
    if crop.size == 0:
        return ""
    if page is not None:
        crop = _page_painted_over(crop, page)
    grey = cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY)
    if float(np.median(grey)) < 128:
        grey = 255 - grey
    scale = max(1.0, LABEL_TEXT_HEIGHT / max(1, box.height))
    grey = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    grey = cv2.copyMakeBorder(grey, 10, 10, 10, 10, cv2.BORDER_REPLICATE)
    image = np.ascontiguousarray(cv2.cvtColor(grey, cv2.COLOR_GRAY2RGB))
    try:
        words = ocr.read_words(image, settings, psm=7, numeric=digits)
    except RuntimeError:  # tesserocr: no text in the crop
        return ""
    return ("" if digits else " ").join(word.text for word in words)


def _page_painted_over(crop: np.ndarray, page: np.ndarray) -> np.ndarray:
    """``crop`` with the page-coloured regions that touch its edge in the median colour of
    the rest (the bar's); page-coloured text inside stays."""
    on_page = (distance(crop, page) < 40).astype(np.uint8)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(on_page, connectivity=8)
    height, width = on_page.shape
    x, y, w, h = (stats[:, i] for i in range(4))
    edge = (x == 0) | (y == 0) | (x + w == width) | (y + h == height)
    edge[0] = False
    outside = edge[labels] & on_page.astype(bool)
    if not outside.any() or outside.all():
        return crop
    painted = crop.copy()
    painted[outside] = np.median(crop[~outside], axis=0)
    return painted
