"""Footnote marks a paper sets raised after a model's name ("Gemma-2B‡", "Yi-34B*"): small
glyphs OCR reads as "{", "°", a quote or an asterisk. No model name ends in one."""

from __future__ import annotations

import re

from ..record import Flag, Table
from .columns import model_column, numeric_columns
from .repairs import repair_cell

# What a raised "*", "†", "‡", "§" or a letter-less mark reads as at a name's end.
RAISED_MARKS = "{}°\"'`^*†‡§¶“”‘’"
# What stays must end as a name does: a letter, a digit or a closing bracket.
_NAME_END_RE = re.compile(r"[A-Za-z0-9)\]]$")


def strip_raised_marks(table: Table) -> list[Flag]:
    """Cut the raised marks off the end of each model name, each an ``ocr_repaired`` flag."""
    column = model_column(table)
    if column is None or column in numeric_columns(table):
        return []
    flags = []
    for row in table.body:
        cell = row[column]
        text = cell.text.rstrip()
        stem = text.rstrip(RAISED_MARKS).rstrip()
        if stem != text and len(stem) >= 2 and _NAME_END_RE.search(stem):
            flags.append(repair_cell(table, cell, stem, "a raised footnote mark after the name"))
            cell.value = None
    return flags
