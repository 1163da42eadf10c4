"""Numbers settled and repaired from what their column prints.

The column's print format (decimals, a unit letter) repairs a cell that lost its decimal
point or unit letter, with an ``ocr_repaired`` flag (before, after, why); a number that
cannot be trusted gets a ``low_confidence`` flag, never a guess.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from statistics import median
from typing import TYPE_CHECKING

from ..record import Cell, Flag, Table
from ..units import (
    is_missing,
    main_of_compound,
    parse_number,
)

if TYPE_CHECKING:
    pass

from .cells import settle_cell
from .columns import (
    PARAMS_RE,
    TOKENS_RE,
    numeric_columns,
    oriented,
)
from .lines import CHANGE_ARROWS, LOW_CONFIDENCE, SPLIT_NUMBER_RE
from .spreads import repair_spread_column


def _decimals(text: str) -> int | None:
    """The decimals a cell's number prints: its score's, where the cell prints a spread,
    an interval or a count after it ("45.2 [43.9, 46.5]")."""
    text = main_of_compound(text) or text
    match = re.search(r"\d(?:\.(\d+))?", text)
    if not match or parse_number(text) is None:
        return None
    found = re.search(r"\.(\d+)", text)
    return len(found.group(1)) if found else 0


UNIT_LOOKALIKES = {"B": "8", "T": "7"}

def repair_cell(table: Table, cell: Cell, after: str, why: str) -> Flag:
    """Give ``cell`` its repaired text, less confidence, and the ``ocr_repaired`` flag that
    says what it read before and why."""
    before = cell.text
    cell.text = after
    cell.value = parse_number(after)
    cell.confidence = min(cell.confidence, 70.0)
    column = table.columns[cell.col] or str(cell.col + 1)
    return Flag(
        kind="ocr_repaired",
        message=f"read {before!r}, repaired to {after!r} (column {column}): {why}",
        severity="info",
        source="ocr",
        span=before,
        evidence={"before": before, "after": after, "row": cell.row, "col": cell.col, "why": why},
    )


def _bad_grouping(text: str) -> bool:
    """Thousands groups of four digits ("3,0008"): one character too many after a comma."""
    return bool(re.fullmatch(r"\d{1,3}(?:,\d{3})*,\d{4}", text))


def _lost_unit(text: str, digit: str) -> bool:
    """``text`` ends in ``digit`` right after another digit, and without it is a number as
    printed ("1758" -> "175", "7.68" -> "7.6", "3,0008" -> "3,000"; not "57.8")."""
    head = text[:-1]
    return (
        len(text) > 1
        and text[-1] == digit
        and head[-1:].isdigit()
        and bool(re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?", head))
    )


def unit_of_column(table: Table, column: int, cells: list[Cell]) -> tuple[str, str] | None:
    """The unit letter a column's numbers carry, and why, when some cells lost it to its
    look-alike digit ("7B" read "78", "1.4T" read "1.47").

    Either some cells print the letter, or the look-alike digit ends too many cells to be
    chance (a digit ends a tenth of numbers), or a thousands group has a digit too many."""
    letters = Counter(cell.text[-1] for cell in cells if cell.text[-1:] in UNIT_LOOKALIKES)
    if letters:
        unit, count = letters.most_common(1)[0]
        if count >= max(2, 0.4 * len(cells)):
            return unit, f"{count} of {len(cells)} cells in the column end in the unit {unit!r}"
    header = table.columns[column] if column < len(table.columns) else ""
    quantity = bool(PARAMS_RE.search(header) or TOKENS_RE.search(header))
    for unit, digit in UNIT_LOOKALIKES.items():
        ending = [cell for cell in cells if _lost_unit(cell.text, digit)]
        if any(_bad_grouping(cell.text) for cell in ending):
            return unit, f"a thousands group with a fourth digit {digit!r} is a unit {unit!r}"
        # Outside a size or token column (whose cells mix "300B" and "1.4T"), cut the digit
        # off and the number must be printed like the column's other cells ("65.58" beside
        # "54.11" is no "65.5B").
        others = {_decimals(cell.text) for cell in cells if cell not in ending}
        if (
            not quantity
            and others
            and any(_decimals(cell.text[:-1]) not in others for cell in ending)
        ):
            continue
        share = 0.5 if quantity else 0.6
        # A score column whose every cell ends in the digit has nothing to compare the cut
        # numbers with: three of three ending in 7 is chance once in a thousand columns.
        least = 2 if quantity else (3 if others else 5)
        if len(ending) >= max(least, share * len(cells)):
            return unit, (
                f"{len(ending)} of {len(cells)} cells end in {digit!r}, too many for chance: "
                f"the unit {unit!r} read as a digit"
            )
    return None


def repair_unit_suffix(table: Table, column: int) -> list[Flag]:
    """A column whose numbers carry a unit ("70B", "1.4T"): a cell ending in the digit that
    looks like that unit letter ("708", "1.47") lost the letter to a digit."""
    cells = [row[column] for row in table.body if row[column].text]
    found = unit_of_column(table, column, cells)
    if found is None:
        return []
    unit, why = found
    return [
        repair_cell(table, cell, cell.text[:-1] + unit, why)
        for cell in cells
        if _lost_unit(cell.text, UNIT_LOOKALIKES[unit])
    ]


# Width of a decimal point in digit widths (the fonts tables use print digits equally wide).
POINT_WIDTH = 0.4


def _ink_units(text: str) -> float:
    return sum(1 for ch in text if ch.isdigit()) + POINT_WIDTH * text.count(".")


def digit_width(cells: list[Cell]) -> float | None:
    """Median printed width of one digit in these cells, from their boxes."""
    widths = [
        cell.box.width / _ink_units(cell.text)
        for cell in cells
        if cell.box is not None and _ink_units(cell.text) >= 2
    ]
    return float(median(widths)) if len(widths) >= 2 else None


def repair_column(table: Table, column: int) -> list[Flag]:
    """A cell read without the decimal point its column prints (``d`` places) lost it when
    its number is ``10**d`` times too large for the column, or when its box is as wide as
    its digits plus a point. A box wide enough for a whole missing digit cannot be mended:
    the cell's confidence drops so that it is flagged."""
    flags = repair_unit_suffix(table, column)
    cells = [row[column] for row in table.body if row[column].value is not None]
    decimals = Counter(d for cell in cells if (d := _decimals(cell.text)))
    if not decimals:
        # Every point of the column read as a space: the runs after the spaces, all of one
        # length in two cells or more, are its decimals.
        runs = Counter(
            len(split.group(2))
            for row in table.body
            if row[column].value is None
            and (split := SPLIT_NUMBER_RE.match(row[column].text.strip()))
        )
        if len(runs) == 1 and sum(runs.values()) >= 2:
            places, count = runs.most_common(1)[0]
            flags.extend(join_split_numbers(table, column, places, count))
        return flags
    places, count = decimals.most_common(1)[0]
    if count < 2:
        return flags
    flags.extend(join_split_numbers(table, column, places, count))
    cells = [row[column] for row in table.body if row[column].value is not None]
    if len(cells) < 3:
        return flags
    typical_cells = [cell for cell in cells if _decimals(cell.text) == places]
    typical = [cell.value for cell in typical_cells if cell.value is not None]
    low, high = min(typical), max(typical)
    header = table.columns[column] if column < len(table.columns) else ""
    # Sizes span orders of magnitude (2.7 to 280): their range says nothing.
    sizes = bool(PARAMS_RE.search(header) or TOKENS_RE.search(header))
    percent_like = (
        low >= 0
        and high <= 100
        and not sizes
        and not any(cell.text[-1:].isalpha() for cell in cells)
    )
    dominant = count >= 0.6 * len(cells)
    unit = digit_width(typical_cells)
    for cell in cells:
        assert cell.value is not None
        digits = re.sub(r"\D", "", main_of_compound(cell.text) or cell.text)
        if _decimals(cell.text) != 0 or len(digits) <= places:
            continue
        candidate = cell.value / 10**places
        reason = ""
        if percent_like and cell.value > 100 >= candidate:
            # Scores in percent: any value over 100 is impossible, any one under it possible.
            reason = "over 100 in a percentage column"
        elif dominant and not sizes and cell.value > 1.5 * high and low / 1.5 <= candidate:
            reason = "outside that range"
        # A unit letter ("57B") fills the room a point would: the box says nothing then.
        # A spread or count after the score widens the box past its digits: no evidence.
        lettered = any(ch.isalpha() for ch in cell.text) or main_of_compound(cell.text)
        printed = cell.box.width / unit if unit and cell.box is not None and not lettered else 0.0
        if not reason and printed >= len(digits) + 1 + POINT_WIDTH / 2:
            cell.confidence = min(cell.confidence, 40.0)  # a digit is missing, not a point
            continue
        # Bold best values are wider too (about a tenth): the box decides when the room is
        # nearly a whole point.
        if not reason and printed >= len(digits) + (0.8 if dominant else 0.9) * POINT_WIDTH:
            reason = f"its box is {printed:.1f} digits wide, room for the point"
        if not reason:
            continue
        after = f"{digits[:-places]}.{digits[-places:]}"
        why = (
            f"{count} of {len(cells)} cells in the column print {places} decimal(s) within "
            f"{low}..{high}; {cell.text} is {reason}, {after} fits"
        )
        flags.append(repair_cell(table, cell, after, why))
    return flags


def repair_pointless_column(table: Table, column: int, places: int, unit: float) -> list[Flag]:
    """A column where at most one number was read with a point, in a table whose other columns
    print ``places`` decimals: when most of its boxes are as wide as their digits plus a
    point (``unit``: the table's digit width), every point was lost (small, blurred figures),
    and those cells get theirs back. Integers printed as such leave no room for a point."""
    header = table.columns[column] if column < len(table.columns) else ""
    if places == 0 or PARAMS_RE.search(header) or TOKENS_RE.search(header):
        return []
    cells = [row[column] for row in table.body if row[column].value is not None]
    pointed = sum(1 for cell in cells if _decimals(cell.text))
    if len(cells) < 3 or pointed >= 2:  # two points read: ``repair_column`` decides
        return []
    cells = [cell for cell in cells if not _decimals(cell.text)]
    roomy = []
    for cell in cells:
        digits = re.sub(r"\D", "", cell.text)
        if cell.box is None or len(digits) <= places or not cell.text.strip().isdigit():
            continue
        printed = cell.box.width / unit
        if len(digits) + 0.8 * POINT_WIDTH <= printed < len(digits) + 1 - POINT_WIDTH / 2:
            roomy.append((cell, digits, printed))
    if len(roomy) < 0.6 * len(cells):
        return []
    flags = []
    for cell, digits, printed in roomy:
        after = f"{digits[:-places]}.{digits[-places:]}"
        why = (
            f"at most one number in the column was read with a point, the table's others print "
            f"{places} decimal(s), and {len(roomy)} of {len(cells)} boxes have room for one "
            f"({cell.text} is {printed:.1f} digits wide)"
        )
        flags.append(repair_cell(table, cell, after, why))
    return flags


def join_split_numbers(table: Table, column: int, places: int, count: int) -> list[Flag]:
    """Cells read as two digit runs ("78 31") in a column that prints ``places`` decimals:
    when the second run has exactly that many digits, the space is the lost point."""
    flags = []
    for row in table.body:
        cell = row[column]
        split = SPLIT_NUMBER_RE.match(cell.text.strip())
        if cell.value is not None or not split or len(split.group(2)) != places or places == 0:
            continue
        after = f"{split.group(1)}.{split.group(2)}"
        why = f"{count} cells in the column print {places} decimal(s); the space is its point"
        flags.append(repair_cell(table, cell, after, why))
    return flags


def shape(text: str) -> tuple[int | None, str]:
    """How a number is printed: its decimal places and its unit letter ("1.4T" -> (1, "T"))."""
    return _decimals(text), text[-1:] if text[-1:].isalpha() else ""


def _supported(cell: Cell) -> bool:
    """Both passes read the same number."""
    page = parse_number(cell.readings.get("page", ""))
    return page is not None and page == parse_number(cell.readings.get("numeric", ""))


def prefer_column_shape(cells: list[Cell]) -> None:
    """Where the two passes read different numbers, keep the one printed like the column's
    agreed cells (same decimals and unit): a dropped "." or a "B" read as "8" breaks it."""
    agreed = Counter(shape(cell.text) for cell in cells if _supported(cell))
    if not agreed:
        return
    usual, count = agreed.most_common(1)[0]
    if count < 2:
        return
    for cell in cells:
        page, numeric = cell.readings.get("page", ""), cell.readings.get("numeric", "")
        first, second = parse_number(page), parse_number(numeric)
        if first is None or second is None or first == second:
            continue
        if "unread_ink" in cell.readings and cell.text == numeric:
            continue  # ink beside the page's reading is stronger evidence than the shape
        if cell.text[:1] in CHANGE_ARROWS:
            continue  # the second reader's arrow, which both passes read as a digit
        matches = [text for text in (page, numeric) if shape(text) == usual]
        if len(matches) == 1:
            cell.text = matches[0]
            cell.value = parse_number(matches[0])
            cell.confidence = max(cell.confidence, 75.0)


def dashes_for_missing(table: Table, columns: list[int]) -> None:
    """A cell whose ink is a flat stroke (much lower than the figures around it, wider than
    tall) is the dash of a missing value, whatever OCR made of it ("1", "5", "~")."""
    heights = [
        box.height for c in columns for row in table.body
        if (box := row[c].box) is not None and row[c].value is not None
    ]
    if len(heights) < 3:
        return
    tall = float(median(heights))
    for c in columns:
        for row in table.body:
            cell = row[c]
            box = cell.box
            if box is None or is_missing(cell.text) or not cell.text:
                continue
            if box.height <= 0.3 * tall and box.width >= 1.5 * box.height:
                cell.readings.setdefault("page", cell.text)
                cell.text, cell.value = "-", None


def finish_numbers(
    table: Table, second_opinion: Callable[[Table], list[Flag]] | None = None
) -> list[Flag]:
    """Settle each numeric cell, let a second reader vote on doubtful cells, repair
    columns, flag what stays doubtful."""
    flags: list[Flag] = []
    columns = numeric_columns(table)
    for c in columns:
        for row in table.body:
            cell = row[c]
            text, confidence = settle_cell(cell)
            cell.text = text
            cell.confidence = round(confidence, 1)
            cell.value = None if is_missing(text) else parse_number(text)
    dashes_for_missing(table, columns)
    if second_opinion is not None:
        flags.extend(second_opinion(table))
        columns = numeric_columns(table)  # a column re-read into numbers is one now
        for c in columns:
            for row in table.body:
                if row[c].value is None and not is_missing(row[c].text):
                    row[c].value = parse_number(row[c].text)
    # Numbers are alike along a quantity or a benchmark: down the columns as printed, or
    # along the rows when the models run across the header (the turned view shares cells).
    view = oriented(table)
    along = columns if view is table else numeric_columns(view)
    for c in along:
        prefer_column_shape([row[c] for row in view.body])
        flags.extend(repair_spread_column(view, c))
        flags.extend(repair_column(view, c))
    pointed = [row[c] for c in along for row in view.body if _decimals(row[c].text)]
    unit = digit_width(pointed)
    if unit and len(pointed) >= 4:
        places = Counter(_decimals(cell.text) for cell in pointed).most_common(1)[0][0] or 0
        for c in along:
            flags.extend(repair_pointless_column(view, c, places, unit))
    for c in columns:
        for row in table.body:
            cell = row[c]
            if cell.text and cell.confidence < LOW_CONFIDENCE:
                flags.append(
                    Flag(
                        kind="low_confidence",
                        message=f"cell {cell.text!r} (row {cell.row + 1}, column "
                        f"{table.columns[c] or c}) has OCR confidence {cell.confidence:.0f}",
                        severity="warning",
                        source="ocr",
                        span=cell.text,
                        evidence={"row": cell.row, "col": c, "readings": dict(cell.readings)},
                    )
                )
    return flags
