"""What each column of a table holds: numbers, the model names, an index, or a named
quantity (parameters, training tokens, MMLU)."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..names import closest_benchmark, is_known_benchmark
from ..record import Cell, Table
from ..units import PARAMS_COLUMN_RE as PARAMS_RE  # the column names of the quantities
from ..units import TOKENS_COLUMN_RE as TOKENS_RE
from ..units import column_quantity, is_missing, parse_number, parse_params_b
from .chrome import is_icon_column
from .header import SETTING_RE, tidy_setting
from .lines import is_numeric_or_missing, is_numeric_text, is_split_number, tidy_label
from .tracker_columns import is_chrome_column


def numeric_columns(table: Table) -> list[int]:
    """Columns whose filled cells are mostly numbers, or numbers with a unit as small print
    leaves them (``is_unit_reading``)."""
    columns = []
    for c in range(table.n_cols):
        texts = [row[c].text for row in table.body if row[c].text]
        # A number read with its point as a space still counts: the re-reads and column
        # repairs are there to mend it.
        numbers = sum(1 for text in texts if is_numeric_or_missing(text) or is_split_number(text))
        if texts and numbers >= 0.5 * len(texts):
            columns.append(c)
            continue
        # Units misread ("OT" of "6.0T") count where the column shows it prints units: a
        # unit after a digit somewhere in it, or a name that says it holds a quantity.
        misread = [text for text in texts if is_unit_reading(text) and not is_numeric_text(text)]
        name = table.columns[c] if c < len(table.columns) else ""
        printed = any(is_unit_reading(text) and _has_digit(text) for text in texts)
        if misread and numbers + len(misread) >= 0.5 * len(texts) and (
            printed or column_quantity(name) is not None
        ):
            columns.append(c)
    return columns


# A number with its unit ("12.0T", "1.3B", "350M", "45%") as small or monospaced print is
# read: a zero as the letter O ("OT", "1O.5B"), the point as a space ("6 OT").
UNIT_READING_RE = re.compile(r"^[\dOo][\dOo.,]*(?: [\dOo][\dOo.,]*)?\s?(?:[KMBT]|%)$")


def is_unit_reading(text: str) -> bool:
    return bool(UNIT_READING_RE.match(text.strip()))


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


# A setting or metric printed after a benchmark's name ("5-shot", "acc", "EM").
_SETTING = (
    r"(?:acc(?:uracy|_norm)?|em|exact_match|score|f1|avg|cot|\d+[-\s]?shots?"
    r"|zero[-\s]?shot|few[-\s]?shot)"
)
# MMLU itself, by the structure of the name: "MMLU" alone, or followed by marks ("MMLU†",
# "MMLU ↑"), a bracketed setting ("MMLU (5-shot)") or a setting after any separator
# ("MMLU 5-shot", and, as trackers name metrics, "mmlu_acc", "mmlu_5shot"). A word after
# any separator (".", "_", "-", a space, a line break) names a variant: "MMLU.Pro",
# "MMLU_Pro", "MMLU Pro", "MMLU-Redux"; so does a name broken after its hyphen ("MMLU-"
# over a lost "Pro"). CMMLU, KMMLU and MMMLU are other benchmarks.
MMLU_RE = re.compile(
    r"(?<![a-z])mmlu(?![^\W_])"
    r"(?:(?=[-_.\s]+" + _SETTING + r"(?![a-z0-9]))|(?![-_.]|\s*[^\W_]))",
    re.IGNORECASE,
)
# A size stated in a model name: "Qwen-7B", "Llama 2 70B", "OPT-350M".
SIZE_TOKEN_RE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?[BM]\b", re.IGNORECASE)


def index_column(table: Table) -> int | None:
    """A leading column numbering the rows: pandas' index (0 or 1 up), a spreadsheet's row
    numbers (2 up, under the header's own "1"); its header empty or that number."""
    for c in range(min(2, table.n_cols)):
        values = [parse_number(row[c].text) for row in table.body]
        if not values or values[0] is None or values[0] != int(values[0]) or values[0] < 0:
            continue
        first = values[0]
        header = table.columns[c].strip() if c < len(table.columns) else ""
        counted = values == [first + i for i in range(len(values))]
        if len(values) >= 2 and counted and header in ("", f"{first - 1:g}"):
            return c
    return None


# A rank column's name: "#", "Rank", "No.", "Pos".
_RANK_NAME_RE = re.compile(r"^\s*(?:#|rank(?:ing)?|no\.?|pos\.?)\s*$", re.IGNORECASE)
# Three letters in a row: a word of a name, never a rank's movement ("▲2" read "A2", "vl").
_NAME_WORD_RE = re.compile(r"[^\W\d_]{3}")


def rank_column(table: Table) -> int | None:
    """A leading column named as ranked ("#", "Rank") whose cells open with the row's place
    (1, 2, 3 ... down the body), perhaps with the rank's movement after it ("1 ▲2", "4 –",
    "7 ▼1", which OCR reads "1 a2", "4-", or "13" where the arrow is lost): the rows' places,
    no score and no name. A few cells may be tied, misread or unread (a coloured arrow
    beside the rank can take the rank with it); none holds a name's word."""
    for c in range(min(2, table.n_cols)):
        name = table.columns[c] if c < len(table.columns) else ""
        texts = [(r, row[c].text.strip()) for r, row in enumerate(table.body) if row[c].text]
        if len(texts) < 2 or not _RANK_NAME_RE.match(name) or any(
            _NAME_WORD_RE.search(text) for _, text in texts
        ):
            continue
        placed = sum(1 for r, text in texts if text.startswith(str(r + 1)))
        if placed >= 0.6 * len(texts):
            return c
    return None


def model_column(table: Table) -> int | None:
    """The first column whose cells are mostly names, else the index column. A rank
    column is neither."""
    numeric = set(numeric_columns(table))
    ranks = rank_column(table)
    named = [
        c
        for c in range(table.n_cols)
        if c not in numeric and c != ranks and any(row[c].text for row in table.body)
        and not is_chrome_column(table, c)  # a tracker's times, durations and ids
    ]
    # A type column of icons before the names is no name column.
    worded = [c for c in named if not is_icon_column(table, c)]
    # Nor is a family's merged cell before them.
    worded = [c for c in worded if not any(is_group_column(table, c, d) for d in worded if d > c)]
    if worded or named:
        return (worded or named)[0]
    return index_column(table)


def is_group_column(table: Table, c: int, names: int) -> bool:
    """Column ``c`` is cells merged over blocks of rows (HTML ``rowspan``, LaTeX
    ``multirow``) left of the names in column ``names``: a family's name printed once per
    block, the block's other rows blank in it. Each of those rows is still its own model's:
    the names column fills every row the group leaves blank, no name twice (a licence or
    type column repeats its few values; a name column with a name lost by OCR has no
    distinct names beside it)."""
    groups = [row[c].text.strip() for row in table.body]
    names_read = [row[names].text.strip() for row in table.body]
    if all(groups) or not any(groups):
        return False
    if not all(name for group, name in zip(groups, names_read, strict=True) if not group):
        return False
    filled = [name for name in names_read if name]
    distinct = len(set(filled)) == len(filled)
    return distinct and len(filled) > sum(1 for group in groups if group)


def quantity_columns(table: Table) -> set[int]:
    """Columns of parameters or training tokens: row fields, not benchmark scores."""
    return {
        c
        for c, name in enumerate(table.columns)
        if PARAMS_RE.search(name) or TOKENS_RE.search(name)
    }


def benchmark_columns(table: Table) -> list[int]:
    skip = {model_column(table), index_column(table), rank_column(table)}
    skip |= quantity_columns(table)
    return [c for c in numeric_columns(table) if c not in skip and not is_chrome_column(table, c)]


def find_column(table: Table, pattern: re.Pattern[str]) -> int | None:
    """The first column of numbers whose name matches ``pattern`` ("MMLU (5-shot)")."""
    numeric = set(numeric_columns(table))
    for c, name in enumerate(table.columns):
        if c in numeric and pattern.search(name):
            return c
    return None


def quantity_column(
    table: Table, pattern: re.Pattern[str], parse: Callable[[str], float | None]
) -> int | None:
    """The first column named by ``pattern`` whose cells are numbers, or whose filled cells
    all ``parse`` as that quantity with words after the number ("2.6T tokens", "7B 参数"):
    such a column is no column of numbers, yet it states each row's quantity."""
    found = find_column(table, pattern)
    if found is not None:
        return found
    for c, name in enumerate(table.columns):
        texts = [row[c].text for row in table.body if row[c].text and not is_missing(row[c].text)]
        if pattern.search(name) and texts and all(parse(text) is not None for text in texts):
            return c
    return None


def models_across(table: Table) -> bool:
    """The table lists its models across the header and its benchmarks down the first
    column: a row of sizes under a parameters label ("# Param." 8B 9B ...), or column names
    that state sizes where the first column's labels do not."""
    if table.n_cols < 3 or model_column(table) != 0:
        return False
    for row in table.body:
        if not PARAMS_RE.search(row[0].text):
            continue
        sizes = [c.text for c in row[1:] if c.text and c.text[-1:].upper() in "BMT"]
        if len(sizes) >= 0.6 * (table.n_cols - 1) and all(parse_params_b(t) for t in sizes):
            return True
    if benchmarks_down(table):
        return True
    across = sum(1 for name in table.columns[1:] if SIZE_TOKEN_RE.search(name))
    down = sum(1 for row in table.body if SIZE_TOKEN_RE.search(row[0].text))
    return across >= 2 and down == 0


def _names_a_benchmark(text: str) -> bool:
    name, _ = split_setting(text)
    return is_known_benchmark(name) or closest_benchmark(name) is not None


def benchmarks_down(table: Table) -> bool:
    """The first column names benchmarks ("MMLU (5-shot)", "GSM8K") where the header names
    none: the benchmarks run down the table, so its models run across, whether or not the
    header's names were read well enough to show their sizes (rotated, wrapped, small)."""
    labels = [row[0].text for row in table.body if row[0].text]
    known = sum(1 for label in labels if _names_a_benchmark(label))
    named_across = sum(1 for name in table.columns[1:] if name and _names_a_benchmark(name))
    return known >= 2 and known >= 0.5 * len(labels) and named_across == 0


# A benchmark's name with its setting in brackets after it ("MMLU (5-shot)").
BRACKETED_SETTING_RE = re.compile(r"^(.*?\S)\s*[(\[（]([^()\[\]（）]+)[)\]）]$")


def split_setting(label: str) -> tuple[str, str | None]:
    """A row label of a table turned on its side, as (benchmark, setting): an upright header
    sets a setting apart from its name ("MMLU" over "5-shot", or "MMLU  (5-shot)" in a
    typed table), a first column puts it after the name in brackets. Brackets that state no
    setting ("Size (B)") stay in the name."""
    match = BRACKETED_SETTING_RE.match(label.strip())
    if match is None or not SETTING_RE.search(match.group(2)):
        return label, None
    return match.group(1), tidy_setting(match.group(2).strip())


def _names_in_body(table: Table) -> int:
    """How many rows at the top of a table turned on its side are the lower lines of its
    header: models' names wrapped over two lines whose second line, level with the corner's
    label ("Dataset"), was taken for a row. Such a row comes before every benchmark, states
    no quantity, and holds words among its cells ("Instruct", "Skywork-13B-Chat")."""
    lead = 0
    for row in table.body:
        label = row[0].text
        if _names_a_benchmark(label) or PARAMS_RE.search(label) or TOKENS_RE.search(label):
            break
        cells = [cell.text for cell in row[1:] if cell.text]
        if not any(sum(ch.isalpha() for ch in text) >= 3 for text in cells):
            break
        if any(parse_number(text) is not None and not any(ch.isalpha() for ch in text)
               for text in cells):
            break  # a plain number: a row of scores
        lead += 1
    return lead


def oriented(table: Table) -> Table:
    """The table with one model per row: turned when its models run across the header.
    Cells keep their row and column in the table as printed."""
    if not models_across(table):
        return table
    lead = _names_in_body(table)
    names = [
        tidy_label(" ".join([table.columns[c], *(row[c].text for row in table.body[:lead])]))
        for c in range(table.n_cols)
    ]
    kept = table.body[lead:]
    labels = [split_setting(row[0].text) for row in kept]
    columns = [table.columns[0], *(name for name, _ in labels)]
    body = [
        [Cell(row=0, col=c, text=names[c]), *(row[c] for row in kept)]
        for c in range(1, table.n_cols)
    ]
    return table.model_copy(
        update={
            "columns": columns,
            "settings": [None, *(setting for _, setting in labels)],
            "groups": [],  # the groups headed the models, printed across
            "body": body,
            "header_rows": [],
            "n_rows": len(body),
            "n_cols": len(columns),
        }
    )
