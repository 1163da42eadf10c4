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
# Share of a column's filled cells that must be such chrome (OCR misreads the rest).
_MOSTLY = 0.8


def is_chrome(text: str) -> bool:
    """A tracker's cell of time, duration, id or count."""
    text = text.strip()
    return any(kind.search(text) for kind in (_DURATION_RE, _TIME_RE, _ID_RE, _COUNT_RE))


def is_chrome_column(table: Table, c: int) -> bool:
    """Most of the column's filled cells are a tracker's durations, times, ids or counts.
    A column of plain integers ("3", "12") is no id: ids have six characters or more, and
    digits alone only where every one has the same length (a counter's digits vary)."""
    texts = [row[c].text.strip() for row in table.body]
    texts = [text for text in texts if text and not is_missing(text)]
    if len(texts) < 2:
        return False
    chrome = [text for text in texts if is_chrome(text)]
    if len(chrome) < _MOSTLY * len(texts):
        return False
    digits = [text for text in chrome if text.isdigit()]
    return len(digits) < len(chrome) or len({len(text) for text in digits}) == 1
