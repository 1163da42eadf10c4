"""A parameters cell misread where its model's name states the same size: small text turns
"20B" into "2.0" (the B's bowls read as a point), "175B" into "175.8" and "14B" into "1.4".
The name ("Osprey-20B") is a second reading of the same digits; where the cell's digits are
the name's, less a stray point or with the B read as an 8, the name's size is the cell's."""

from __future__ import annotations

import re

from ..record import Flag, Table
from ..units import header_unit, is_missing, params_from_model_name, parse_params_b
from .columns import PARAMS_RE, model_column, numeric_columns
from .repairs import repair_cell

# A size as a name prints it ("20B", "6.7B"): its digits and its unit letter.
_NAMED_SIZE_RE = re.compile(r"(\d+(?:\.\d+)?)\s*([BbMm])\b")


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _same_digits(cell: str, named_digits: str) -> bool:
    """The cell's digits are the name's size's, or those and an 8 that was the B."""
    digits = _digits(cell)
    return digits == named_digits or digits == named_digits + "8"


def repair_sizes_misread(table: Table) -> list[Flag]:
    """Each parameters cell whose value disagrees with its row's model name, though its
    digits are the name's, takes the size the name states, printed as the column prints
    sizes (a unit letter after it unless the header states the unit)."""
    model = model_column(table)
    params = next((c for c in numeric_columns(table) if PARAMS_RE.search(table.columns[c])), None)
    if model is None or params is None:
        return []
    unit = header_unit(table.columns[params])
    printed = [
        row[params].text
        for row in table.body
        if row[params].text and not is_missing(row[params].text)
    ]
    lettered = sum(1 for text in printed if text[-1:].isalpha()) > 0.5 * len(printed)
    flags = []
    for row in table.body:
        cell = row[params]
        sizes = list(_NAMED_SIZE_RE.finditer(row[model].text))
        named = params_from_model_name(row[model].text)
        if not cell.text or is_missing(cell.text) or not sizes or named is None:
            continue
        value = parse_params_b(cell.text, unit)
        if value is not None and abs(value - named) <= 1e-6 * named:
            continue
        number, letter = sizes[-1].group(1), sizes[-1].group(2).upper()
        if not _same_digits(cell.text, _digits(number)):
            continue
        after = number + (letter if lettered and unit is None else "")
        if parse_params_b(after, unit) != named:
            continue  # the column prints another unit ("500M" where the name says 0.5B)
        why = f"its digits are those of the size the model name {row[model].text!r} states"
        flags.append(repair_cell(table, cell, after, why))
    return flags
