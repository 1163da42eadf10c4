"""Rows from flat OCR text: when no table grid was found, the cells are still in reading order.

Tesseract in sparse mode often returns a table as one run of tokens and loses decimal points
(``666`` for 66.6) or the gap between two cells (``307`` for the cells 3 and 7). Given the
column names printed just before that run, a small dynamic programme assigns tokens to cells,
choosing the cheapest reading of every token under what is known about each column:

* the column's printed precision (a column printed with one decimal has one everywhere),
* plausible ranges (MMLU is a percentage; parameters 0.01-2000 B; tokens 0.01-100 T),
* an unnamed leading index column counts 1..n.

Every reading that is not the token as printed is returned as a repair with its reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..claims import BENCHMARK_RE

# Header synonyms, longest first so "training tokens" wins over "tokens".
HEADER_SYNONYMS: tuple[tuple[str, str], ...] = (
    ("# params", "params"),
    ("#params", "params"),
    ("training tokens", "tokens"),
    ("train tokens", "tokens"),
    ("parameters", "params"),
    ("params", "params"),
    ("size", "params"),
    ("tokens", "tokens"),
    ("data", "tokens"),
    ("mmlu", "mmlu"),
)

# Plain domain facts: where a reading of each quantity can lie.
PLAUSIBLE: dict[str, tuple[float, float]] = {
    "params": (0.01, 2000.0),  # billions of parameters
    "tokens": (0.01, 100.0),  # trillions of training tokens
    "mmlu": (0.0, 100.0),  # a percentage
    "score": (0.0, 100.0),
}
UNIT_SUFFIX = {"params": "bm", "tokens": "tb", "mmlu": "%", "score": "%"}
MISSING = {"-", "—", "–", "n/a", "na"}
# Marks Tesseract adds around digits (degree signs, quotes, bars); dropped with a repair.
STRAY = re.compile(r"[°º'\"`´|!*,;:()\[\]{}]")
NUMERIC_ISH = re.compile(r"^[^\w]*\d[\d.,]*[^\w]*[a-zA-Z%°]?[^\w]*$|^[-—–]$")

COST_STRAY = 0.5
COST_DECIMAL = 1.0
COST_SUFFIX = 1.5
COST_SPLIT = 2.0
COST_JOIN = 2.0
COST_PRECISION = 3.0
COST_DROP = 3.0


@dataclass(frozen=True)
class Column:
    name: str  # as printed ("" for the index column)
    quantity: str  # index, params, tokens, mmlu, score
    decimals: int | None = None  # printed precision, None while unknown
    suffix: bool = False  # values printed with a unit letter (7B): a trailing 8 may be a B


@dataclass(frozen=True)
class Repair:
    row: int
    column: str
    before: str
    after: str
    reason: str


@dataclass(frozen=True)
class Reading:
    value: float | None
    cost: float
    decimals: int | None  # as printed; None when repaired or missing
    reason: str = ""
    shown: str = ""  # the reading as text, for the repair record
    unit: bool = False  # printed with its unit letter (7B)


@dataclass
class FlatTable:
    columns: list[Column]
    rows: list[list[float | None]]
    printed: list[list[int | None]] = field(default_factory=list)  # decimals as printed
    units: list[list[bool]] = field(default_factory=list)  # unit letter printed
    repairs: list[Repair] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)
    cost: float = 0.0


def header_quantity(name: str) -> str | None:
    """The quantity a column header names, or None when it is not one we know."""
    text = name.strip().lower()
    for synonym, quantity in HEADER_SYNONYMS:
        if text == synonym or text.startswith(synonym + " "):
            return quantity
    return None


def _column_name(phrase: str) -> str | None:
    """The quantity of a phrase that is exactly a column name (a benchmark is a score)."""
    exact = dict(HEADER_SYNONYMS).get(phrase.lower())
    return exact or ("score" if BENCHMARK_RE.fullmatch(phrase) else None)


def _header_before(tokens: list[str], end: int) -> list[Column]:
    """Column names printed directly before ``end``, scanning back until a word is not one."""
    columns: list[Column] = []
    position = end
    while position > 0:
        for width in (2, 1):
            start = position - width
            phrase = " ".join(tokens[max(start, 0) : position])
            quantity = _column_name(phrase) if start >= 0 else None
            if quantity is not None:
                columns.insert(0, Column(name=phrase, quantity=quantity))
                position = start
                break
        else:
            break
    return columns


def _numeric_run(tokens: list[str]) -> tuple[int, int]:
    """The longest run of number-like tokens: where a flattened table's body sits."""
    best = (0, 0)
    start = None
    for i, token in enumerate([*tokens, "END"]):
        if i < len(tokens) and NUMERIC_ISH.match(token):
            start = i if start is None else start
            continue
        if start is not None and i - start > best[1] - best[0]:
            best = (start, i)
        start = None
    return best


def _format(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}"


def _readings(text: str, column: Column, row: int) -> Iterator[Reading]:
    """Every plausible reading of one cell's text in one column, with its cost."""
    if text.strip().lower() in MISSING:
        yield Reading(None, 0.0, None, shown="-")
        return
    cleaned = STRAY.sub("", text)
    stray_cost, stray_reason = 0.0, ""
    if cleaned != text:
        marks = "".join(STRAY.findall(text))
        stray_cost, stray_reason = COST_STRAY, f"stray mark {marks!r} dropped"
    unit = column.quantity != "index" and bool(cleaned[:-1]) and (
        cleaned[-1:].lower() in UNIT_SUFFIX.get(column.quantity, ""))
    if unit:
        cleaned = cleaned[:-1]
    if not re.fullmatch(r"\d+(\.\d+)?", cleaned):
        return
    # A column that prints its unit (7B) everywhere: a cell without it was misread somewhere.
    missing_unit = COST_PRECISION if column.suffix and not unit else 0.0
    for reading in _number_readings(cleaned, column, row, stray_cost, stray_reason):
        yield Reading(reading.value, reading.cost + missing_unit, reading.decimals,
                      reading.reason, reading.shown, unit)
    if column.suffix and len(cleaned) > 1 and cleaned.endswith("8") and "." not in cleaned:
        for reading in _number_readings(cleaned[:-1], column, row, stray_cost, stray_reason):
            yield Reading(reading.value, reading.cost + COST_SUFFIX, None,
                          _join(reading.reason, f"unit letter B read as the digit 8 in {text!r}"),
                          reading.shown)


def _join(*reasons: str) -> str:
    return "; ".join(reason for reason in reasons if reason)


def _number_readings(
    digits: str, column: Column, row: int, base_cost: float, base_reason: str
) -> Iterator[Reading]:
    printed_decimals = len(digits.split(".")[1]) if "." in digits else 0
    value = float(digits)
    if column.quantity == "index":
        if "." not in digits and int(digits) == row + 1:
            yield Reading(value, base_cost, 0, base_reason, digits.lstrip("0") or "0")
        return
    low, high = PLAUSIBLE.get(column.quantity, PLAUSIBLE["score"])
    wanted = column.decimals
    shown = _format(value, printed_decimals)
    if low <= value <= high:
        if wanted is None or wanted == printed_decimals:
            yield Reading(value, base_cost, printed_decimals, base_reason, shown)
        else:
            yield Reading(value, base_cost + COST_PRECISION, printed_decimals,
                          _join(base_reason, f"printed with {printed_decimals} decimals where "
                                f"the column has {wanted}"), shown)
    if "." in digits:
        return
    # A lost decimal point: the column's precision says where it was.
    for decimals in ([wanted] if wanted else [1, 2]) if wanted != 0 else []:
        if len(digits) <= decimals:
            continue
        repaired = int(digits) / 10**decimals
        if low <= repaired <= high:
            yield Reading(repaired, base_cost + COST_DECIMAL, None,
                          _join(base_reason, f"decimal point lost: column printed with "
                                f"{decimals} decimal{'s' if decimals > 1 else ''}"),
                          _format(repaired, decimals))


@dataclass(frozen=True)
class _Step:
    cost: float
    previous: tuple[int, int] | None
    cells: tuple[Reading, ...]
    token: str


def _solve(tokens: list[str], columns: list[Column]) -> FlatTable | None:
    """Cheapest assignment of tokens to cells, row by row, filling every row."""
    width = len(columns)
    # best[(i, k)]: cheapest way to read tokens[:i] as the first k cells.
    best: dict[tuple[int, int], _Step] = {(0, 0): _Step(0.0, None, (), "")}
    max_cells = 2 * len(tokens) + 2
    for i in range(len(tokens) + 1):
        for k in range(max_cells):
            state = best.get((i, k))
            if state is None or i == len(tokens):
                continue
            for advance, cells, extra in _moves(tokens, i, k, columns):
                key = (i + advance, k + len(cells))
                cost = state.cost + extra + sum(cell.cost for cell in cells)
                if key not in best or cost < best[key].cost:
                    best[key] = _Step(cost, (i, k), cells, " ".join(tokens[i : i + advance]))
    ends = [(step.cost, k) for (i, k), step in best.items()
            if i == len(tokens) and k >= width and k % width == 0]
    if not ends:
        return None
    cost, k = min(ends)
    return _trace(best, len(tokens), k, columns, cost, tokens)


def _moves(
    tokens: list[str], i: int, k: int, columns: list[Column]
) -> Iterator[tuple[int, tuple[Reading, ...], float]]:
    width = len(columns)
    token = tokens[i]
    column, row = columns[k % width], k // width
    for reading in _readings(token, column, row):
        yield 1, (reading,), 0.0
    yield 1, (), COST_DROP
    if i + 1 < len(tokens):
        for reading in _readings(token + tokens[i + 1], column, row):
            yield 2, (reading,), COST_JOIN
    # Two cells read as one token, perhaps with a mark between them read as a character.
    digits = STRAY.sub("", token)
    nxt_column, nxt_row = columns[(k + 1) % width], (k + 1) // width
    for cut in range(1, len(digits)):
        for skip in (0, 1):
            left, right = digits[:cut], digits[cut + skip :]
            if not right:
                continue
            for a in _readings(left, column, row):
                for b in _readings(right, nxt_column, nxt_row):
                    yield 1, (a, b), COST_SPLIT + skip * COST_STRAY


def _trace(
    best: dict[tuple[int, int], _Step], i: int, k: int, columns: list[Column], cost: float,
    tokens: list[str],
) -> FlatTable:
    steps: list[tuple[int, _Step]] = []
    key: tuple[int, int] | None = (i, k)
    while key is not None and best[key].previous is not None:
        steps.append((key[1], best[key]))
        key = best[key].previous
    steps.reverse()
    width = len(columns)
    cells: list[float | None] = []
    printed: list[int | None] = []
    units: list[bool] = []
    repairs: list[Repair] = []
    for end, step in steps:
        first = end - len(step.cells)
        for cell in step.cells:
            cells.append(cell.value)
            printed.append(cell.decimals)
            units.append(cell.unit)
        if len(step.cells) > 1:
            names = " / ".join(columns[(first + o) % width].name or "#" for o in range(2))
            shown = " / ".join(c.shown for c in step.cells)
            reason = _join(f"two cells read as one token ({step.token!r} -> {shown})",
                           *(c.reason for c in step.cells))
            repairs.append(Repair(first // width, names, step.token, shown, reason))
        elif step.cells and step.cells[0].reason:
            cell = step.cells[0]
            repairs.append(Repair(first // width, columns[first % width].name or "#",
                                  step.token, cell.shown, cell.reason))
        elif not step.cells:
            repairs.append(Repair(first // width, columns[first % width].name or "#",
                                  step.token, "", "token fits no cell: dropped as noise"))
    rows = [cells[r : r + width] for r in range(0, len(cells), width)]
    decimals = [printed[r : r + width] for r in range(0, len(printed), width)]
    unit_rows = [units[r : r + width] for r in range(0, len(units), width)]
    return FlatTable(columns, rows, decimals, unit_rows, repairs, tokens, cost)


def _settle_columns(table: FlatTable) -> list[Column]:
    """Each column's printed precision.

    OCR loses decimal points but never invents them, so one cell printed as ``15.0`` shows
    the column's format even when most of its cells were read without a point.
    """
    settled: list[Column] = []
    for c, column in enumerate(table.columns):
        if column.quantity == "index":
            settled.append(column)
            continue
        shown = [row[c] for row in table.printed if row[c] is not None]
        with_point = [d for d in shown if d]
        decimals = max(set(with_point), key=with_point.count) if with_point else 0
        with_unit = sum(row[c] for row in table.units)
        suffix = with_unit * 2 > len(table.units)
        settled.append(Column(column.name, column.quantity, decimals, suffix))
    return settled


def recover_rows(text: str, max_rounds: int = 3) -> FlatTable | None:
    """Rows of a table whose cells OCR returned as one flat run of tokens, or None."""
    tokens = text.split()
    start, end = _numeric_run(tokens)
    header = _header_before(tokens, start)
    body = tokens[start:end]
    # One named column is an axis or a caption as often as a table: ask for two, and rows.
    if len(header) < 2 or len(body) < 2 * len(header):
        return None
    best: FlatTable | None = None
    for columns in (header, [Column("", "index"), *header]):
        table = _solve(body, columns)
        for _ in range(max_rounds):
            if table is None:
                break
            settled = _settle_columns(table)
            if settled == table.columns:
                break
            table = _solve(body, settled)
        if table is not None and (best is None or table.cost < best.cost):
            best = table
    return best
