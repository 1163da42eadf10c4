"""Two readings of one cell or line, one answer: agreement raises confidence, disagreement is
decided and marked so that the caller can flag it with both readings as evidence.

Pure functions on strings; no engine is loaded here. The engines' confidences do not mean
the same thing (Tesseract reports 90 for readings that are wrong a third of the time on
small text; RapidOCR's 0.9 is rarer and surer), so each is first mapped to an estimated
chance, in percent, that the reading is exact (``calibrated``), measured with
``benchmarks/second_engine.py --calibration --seed 0`` on rendered cell crops.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field

from ..units import parse_number

FIRST = "tesseract"
SECOND = "rapidocr"
AGREED_CONFIDENCE = 95.0  # at least this when two engines read the same text
AGREED_VALUE_CONFIDENCE = 90.0  # at least this when they read the same number printed two ways
DISAGREED_CAP = 60.0  # at most this when they do not: one of them is wrong

# Reported confidence (0..100) -> percent of exact readings at that confidence, as points to
# interpolate between. Measured with benchmarks/second_engine.py --calibration --seed 0 (450
# rendered cell crops, 7-14 px text): Tesseract as the pipeline runs it (grey, upscaled), where
# 90 and above is right 99% of the time and 60-70 about 40%; RapidOCR reports 99-100 on most
# crops (98% right) and anything under 90 is right about half the time or less.
CALIBRATION: dict[str, list[tuple[float, float]]] = {
    FIRST: [(0.0, 25.0), (50.0, 35.0), (75.0, 65.0), (85.0, 83.0), (90.0, 97.0), (100.0, 99.0)],
    SECOND: [
        (0.0, 0.0),
        (80.0, 20.0),
        (90.0, 55.0),
        (97.0, 68.0),
        (99.0, 97.0),
        (100.0, 98.0),
    ],
}

_SPACE = re.compile(r"\s+")
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"})
_INNER_SEPARATOR = re.compile(r"\d[.,]\d")
# Table rules read as glyphs: a stand-alone token of these at either end of a reading.
_RULE_TOKEN = re.compile(r"^[|\[\]{}!/\\_\"'‘’“”]+$")
# A reading that is a number and nothing else: sign, digits and separators, a unit, a
# spread ("17.4±1.1", "17.4+1.1"), a footnote mark.
# Arrows a change prints before its number ("▲1.2", "↓0.4"), and signs.
_LEADING_MARKS = "▲▼△▽↑↓⬆⬇+\u2212-"
_WHOLE_NUMBER = re.compile(
    r"(?:[-+\u2212]|[▲▼△▽↑↓⬆⬇]\s?)?\d[\d.,]*\s*(?:%|bn|[kmbt]|万亿|千亿|亿|万|億|兆|억|조)?"
    r"(?:\s*(?:±|\+/?-?)\s*\d[\d.,]*%?)?[*†‡]?",
    re.IGNORECASE,
)
_UNIT = re.compile(r"\d\s*(?P<unit>%|bn|[kmbgt](?![a-z]))", re.IGNORECASE)


@dataclass(frozen=True)
class Vote:
    text: str
    confidence: float  # 0..100, on the calibrated scale
    agreed: bool
    winner: str  # FIRST, SECOND (or the names given), or "both"
    readings: dict[str, str] = field(default_factory=dict)  # engine -> raw text
    confidences: dict[str, float] = field(default_factory=dict)  # engine -> reported 0..100


def calibrated(engine: str, confidence: float) -> float:
    """An engine's reported confidence (0..100) as the estimated percent of exact readings.
    Unknown engines keep their scale."""
    points = CALIBRATION.get(engine)
    if not points:
        return max(0.0, min(100.0, confidence))
    confidence = max(0.0, min(100.0, confidence))
    xs = [x for x, _ in points]
    i = bisect_right(xs, confidence)
    if i >= len(points):
        return points[-1][1]
    (x1, y1), (x2, y2) = points[i - 1], points[i]
    return y1 + (y2 - y1) * (confidence - x1) / (x2 - x1)


def normalise(text: str) -> str:
    """For comparing readings: NFKC, one kind of dash, no spaces, case folded (the engines
    differ most in spacing and case, which matter least downstream)."""
    text = unicodedata.normalize("NFKC", text).translate(_DASHES)
    return _SPACE.sub("", text).casefold()


def unit(text: str) -> str:
    """The unit printed right after the number: "7B" -> "b", "63.4%" -> "%", "45.3" -> ""."""
    match = _UNIT.search(text)
    return match.group("unit").lower() if match else ""


def number(text: str) -> tuple[float, str] | None:
    """A number cell's value and unit, else None."""
    value = parse_number(text)
    return None if value is None else (value, unit(text))


def tidy(text: str) -> str:
    """A reading without what table rules leave in it: "|" at either end and stand-alone
    rule-like tokens ("[", "!", "“") first or last; spaces collapsed."""
    tokens = _SPACE.sub(" ", text).strip().strip("|").split()
    while tokens and _RULE_TOKEN.match(tokens[0]):
        tokens.pop(0)
    while tokens and _RULE_TOKEN.match(tokens[-1]):
        tokens.pop()
    return " ".join(tokens)


def lost_unit(text: str, other: str) -> bool:
    """Whether ``text`` looks like ``other`` with a "B" after a digit read as "8" ("708" /
    "70B", "Falcon-408" / "Falcon-40B"): small "B" reads as "8" in both engines, the
    reverse is rare."""
    return (
        len(text) == len(other)
        and text != other
        and re.search(r"\dB", other) is not None
        and other.replace("B", "8") == text.replace("B", "8")
        and all(a == b or (a == "8" and b == "B") for a, b in zip(text, other, strict=True))
    )


def lost_mark(text: str, other: str) -> bool:
    """Whether ``text`` looks like ``other`` with the arrow or sign before its number read
    as a digit ("12.3" / "↓2.3", "10.9" / "+0.9"): Tesseract reads a thin arrow as a "1"
    with confidence, the neural reader reads it as a mark; no reader invents the mark."""
    other = other.strip()
    return (
        len(text) == len(other) >= 2
        and other[0] in _LEADING_MARKS
        and text[0].isdigit()
        and text[1:] == other[1:]
        and other[1:2].isdigit()
    )


def stray_edge(text: str, other: str) -> bool:
    """Whether ``text`` looks like the number ``other`` with an upright edge before it read
    as a "1" ("142.0" / "42.0"): the side of a coloured box or a rule next to the digits.
    Both engines read such an edge so at times, but seldom on the same crop; no reader
    drops a leading digit it sees whole."""
    return (
        len(text) >= 2
        and text[0] in _STRAY_EDGES
        and text[1:] == other.strip()
        and other.strip()[:1].isdigit()
        and number(other) is not None
    )


_STRAY_EDGES = "1lI!"


# A number with a CJK magnitude after it ("70亿", "1.4万亿", "70억").
_WITH_MAGNITUDE = re.compile(r"(?P<digits>\d[\d.,]*)\s*(?:万亿|千亿|亿|万|億|兆|억|조)")


def lost_magnitude(text: str, other: str) -> bool:
    """Whether ``text`` looks like ``other`` with its CJK magnitude read as digits and marks
    ("7042," / "70亿", "1.4712" / "1.4万亿"): Latin models read 亿 as "42," or "{Z" with high
    confidence; no engine invents a magnitude."""
    match = _WITH_MAGNITUDE.fullmatch(other.strip())
    return (
        match is not None
        and _WITH_MAGNITUDE.search(text) is None
        and text.startswith(match.group("digits"))
        and len(text) > len(match.group("digits"))
    )


def lost_separator(text: str, other: str) -> bool:
    """Whether ``text`` looks like ``other`` with its decimal point or thousands comma lost:
    the same digits, and a separator between digits only in ``other`` ("269" / "26.9").
    Tesseract drops small points with high confidence; engines rarely invent one."""
    digits = re.sub(r"\D", "", text)
    return (
        bool(digits)
        and digits == re.sub(r"\D", "", other)
        and not _INNER_SEPARATOR.search(text)
        and bool(_INNER_SEPARATOR.search(other))
    )


def same(first: str, second: str, numeric: bool = False) -> bool:
    """Whether two readings say the same: the same text up to spaces, case and dashes; for a
    number cell also the same value and unit however printed ("1,400B" and "1400 B")."""
    if normalise(first) == normalise(second):
        return bool(normalise(first))
    if numeric:
        a, b = number(first), number(second)
        return a is not None and a == b
    return False


def vote(
    first: str,
    first_conf: float,
    second: str,
    second_conf: float,
    numeric: bool = False,
    names: tuple[str, str] = (FIRST, SECOND),
    edged: bool = False,
) -> Vote:
    """One answer from two readings of a cell or line.

    Confidences are the engines' own (0..100); each is calibrated by engine name
    (``names``); both readings are first ``tidy``-ed (rule glyphs at the ends dropped).
    Agreement (``same``): the text of the reading with the higher calibrated confidence (they
    may differ in spacing or case; a number printed two ways: the shorter), confidence at
    least ``AGREED_CONFIDENCE`` (``AGREED_VALUE_CONFIDENCE`` for a number printed two ways).
    Disagreement: an empty reading loses; for a number cell, a
    reading that parses as a number beats one that does not, and one that is a number and
    nothing else beats one with other marks around its digits ("73.8" / "m8"); a reading
    with "B" beats the same with "8" there (``lost_unit``), and for a number cell one with
    a decimal point or comma between the same digits beats one that lost it
    (``lost_separator``), and, where an edge stands beside the number (``edged``: the
    side of a coloured box), one without a stray "1" before the same number beats one with
    it (``stray_edge``; elsewhere a "1" one reader lost is as likely); then the
    higher calibrated confidence wins (ties: the first). The confidence is capped at
    ``DISAGREED_CAP`` and ``agreed`` is False: the caller should flag the cell with
    ``readings`` as evidence.
    """
    first_name, second_name = names
    readings = {first_name: first, second_name: second}
    confidences = {first_name: first_conf, second_name: second_conf}
    a = calibrated(first_name, first_conf)
    b = calibrated(second_name, second_conf)
    first_text, second_text = tidy(first), tidy(second)
    first_wins = a >= b
    if same(first_text, second_text, numeric):
        floor = AGREED_CONFIDENCE
        if normalise(first_text) != normalise(second_text):  # same value, printed differently
            first_wins = (-len(normalise(first_text)), a) >= (-len(normalise(second_text)), b)
            floor = AGREED_VALUE_CONFIDENCE
        return Vote(
            first_text if first_wins else second_text,
            round(max(a, b, floor), 2),
            True,
            "both",
            readings,
            confidences,
        )

    def support(text: str, other: str, confidence: float) -> tuple[bool, bool, bool, bool, float]:
        is_number = (not numeric) or number(text) is not None
        # a number and nothing else ("73.8") beats one found among other marks ("m8",
        # "$41": small digits read as letters and symbols still hold a digit)
        whole = (not numeric) or bool(_WHOLE_NUMBER.fullmatch(text))
        kept = not (
            lost_unit(text, other)
            or lost_magnitude(text, other)
            or (numeric and lost_separator(text, other))
            or (numeric and lost_mark(text, other))
            or (numeric and edged and stray_edge(text, other))
        )
        return bool(text), is_number, whole, kept, confidence

    first_wins = support(first_text, second_text, a) >= support(second_text, first_text, b)
    text, confidence, winner = (
        (first_text, a, first_name) if first_wins else (second_text, b, second_name)
    )
    if not text:  # both empty
        return Vote("", 0.0, False, "both", readings, confidences)
    return Vote(
        text, round(min(confidence, DISAGREED_CAP), 2), False, winner, readings, confidences
    )
