"""What a table cell's readings say about a number stated for it, when the cell was read
with too little confidence to vouch for it on its own.

A cell's confidence falls when the engines and passes that read it disagree, often only
on what follows its score ("70.2 ± 1.5" read as "70.2415", "0.3423" as "3423"). Two
readings that print the score itself as their leading number vouch for it whatever the
vote's confidence (``vouched``). And a poorly read cell still bounds what it can hold: a
stated number whose digits no reading of the cell comes near (one digit misread, a digit
or a decimal point lost, a tail read as more digits) is not one the OCR may have misread
there (``misread_as``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..units import parse_number

_LEADING_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
# Readings that agree on a score as their leading number, enough to vouch for it.
VOUCHING_READINGS = 2


def leading_number(text: str) -> str | None:
    """The first number a reading prints, as printed ("70.2" of "70.2 ±1.5")."""
    found = _LEADING_NUMBER_RE.search(text)
    return found.group(0) if found else None


def _as_float(printed: str) -> float | None:
    """The number as the one reader of printed numbers takes it: "67,3" is a decimal
    comma's 67.3, not 673; "1,500" fifteen hundred."""
    return parse_number(printed, whole=True)


def vouched(value: float | None, readings: Sequence[str]) -> bool:
    """Whether enough of a cell's readings print its value as their leading number."""
    if value is None:
        return False
    agreeing = 0
    for reading in readings:
        printed = leading_number(reading.split("±")[0])
        number = _as_float(printed) if printed else None
        agreeing += number is not None and abs(number - value) < 1e-9
    return agreeing >= VOUCHING_READINGS


def _digits(text: str) -> str:
    """A number's digits without its point and leading zeros: "0.3423" and "3423" agree."""
    return re.sub(r"\D", "", text).lstrip("0")


def _within_one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    shorter, longer = sorted((a, b), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def misread_as(stated: str, readings: Sequence[str]) -> bool:
    """Whether the OCR may have read the stated number as one of the cell's readings: one
    digit apart, or one a start of the other (a lost or an added tail). A cell no reading
    found digits in may hide any number; one that some reading found digits in is judged by
    those."""
    wanted = _digits(stated)
    read = [_digits(printed) for printed in map(leading_number, readings) if printed]
    read = [digits for digits in read if digits]
    if not wanted or not read:
        return True
    return any(
        digits.startswith(wanted) or wanted.startswith(digits) or _within_one_edit(wanted, digits)
        for digits in read
    )
