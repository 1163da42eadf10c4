"""Columns an experiment tracker (Weights & Biases, MLflow, a notebook's dashboard) prints
beside its runs' metrics, known by what their cells hold, never by their names: durations
("2h 13m", "49m 35s"), times ("3 days ago", "yesterday", "Nov 8, 2026"), run ids ("e77e7326")
and step counts ("12.5k", "2.9M", "14,500"). Some read as numbers ("12.5k" is 12.5, an id
of digits a number), so they were scored as benchmarks; none is a benchmark, and none
names the runs."""

from __future__ import annotations

import re

from ..record import Table
from ..units import is_missing

# "2h 13m", "49m 35s", "1d 6h", "3.2s", "45 min": a number and a unit of time, one or more.
_DURATION_RE = re.compile(
    r"^(?:\d+(?:\.\d+)?\s*(?:d|h|hr|hrs|m|min|mins|s|sec|secs|ms)\s*){1,3}$", re.IGNORECASE
)
# "3 days ago", "yesterday", "Nov 8, 2026", "2026-11-08", "11/08/2026", "14:03".
_TIME_RE = re.compile(
    r"\bago$|^(?:yesterday|today|just now)$"
    r"|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|^\d{4}-\d{2}-\d{2}|^\d{1,2}/\d{1,2}/\d{2,4}$|^\d{1,2}:\d{2}(?::\d{2})?\b",
    re.IGNORECASE,
)
# A run's id: six hex characters or more, digits among them ("e77e7326", "4df5a9cb").
_ID_RE = re.compile(r"^(?=[0-9a-f]*\d)[0-9a-f]{6,}$", re.IGNORECASE)
# A step or sample count: a magnitude letter ("12.5k", "2.9M") or thousands ("14,500").
_COUNT_RE = re.compile(r"^\d+(?:\.\d+)?\s*[kKM]$|^\d{1,3}(?:,\d{3})+$")
# A count in thousands alone: a tracker's steps, or a board's votes ("12,345").
_THOUSANDS_RE = re.compile(r"^\d{1,3}(?:,\d{3})+$")
# Share of a column's filled cells that must be such chrome (OCR misreads the rest).
_MOSTLY = 0.8


def is_chrome(text: str) -> bool:
    """A tracker's cell of time, duration, id or count."""
    text = text.strip()
    return any(kind.search(text) for kind in (_DURATION_RE, _TIME_RE, _ID_RE, _COUNT_RE))


def is_chrome_column(table: Table, c: int) -> bool:
    """Most of the column's filled cells are a tracker's durations, times, ids or counts.
    A column of plain integers ("3", "12") is no id: ids have six characters or more, and
    digits alone only where every one has the same length (a counter's digits vary).

    Counts in thousands alone ("12,345") are a tracker's steps only on a tracker's page,
    where another column is chrome of another kind (a runtime, a time, an id, a "12.5k"):
    an arena board's votes print so too, and a board's votes are its values."""
    chrome = _chrome_cells(table, c)
    if chrome is None:
        return False
    if chrome and all(_THOUSANDS_RE.match(text) for text in chrome):
        return any(
            other != c and (kinds := _chrome_cells(table, other))
            and not all(_THOUSANDS_RE.match(text) for text in kinds)
            for other in range(table.n_cols)
        )
    return True


def _chrome_cells(table: Table, c: int) -> list[str] | None:
    """The column's chrome cells where they are most of it (``is_chrome_column``'s rules
    on ids), else None."""
    texts = [row[c].text.strip() for row in table.body]
    texts = [text for text in texts if text and not is_missing(text)]
    if len(texts) < 2:
        return None
    chrome = [text for text in texts if is_chrome(text)]
    if len(chrome) < _MOSTLY * len(texts):
        return None
    digits = [text for text in chrome if text.isdigit()]
    if len(digits) < len(chrome) or len({len(text) for text in digits}) == 1:
        return chrome
    return None
