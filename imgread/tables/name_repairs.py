"""Names repaired: model names (a size's B read as 8, look-alike letters, footnote marks
after them, sizes their row states elsewhere) and column names (a known benchmark's name
read with low confidence, a change's sign before a name)."""

from __future__ import annotations

import re

from ..names import closest_benchmark, known_name_words, model_words
from ..record import Flag, Table
from ..units import header_unit, is_missing, params_from_model_name, parse_params_b
from .columns import (
    PARAMS_RE,
    SIZE_TOKEN_RE,
    benchmark_columns,
    model_column,
    numeric_columns,
    split_setting,
)
from .lines import close_hyphen_spaces
from .repairs import repair_cell

# Below this confidence a column name may be matched to the closest known benchmark name.
NAME_CONFIDENCE = 85.0

# A size whose B was read as 8, at the end of the name or before a suffix ("-Chat").
SIZE_AS_DIGITS_RE = re.compile(r"(?<=[\s\-_x(])(\d+(?:\.\d+)?)B?8(?=$|[\s\-_()])")
# A version's zero read as the letter ("v0.8" as "vo.8").
VERSION_ZERO_RE = re.compile(r"(?<=\b[vV])[oO](?=\.\d)")
# A size's zero read as the letter ("Mistral-O.5B" for "0.5B", "Marrow-7OB" for "70B"): a
# word of digits, points and O's before a size's unit, with a digit among them, is a size.
SIZE_ZERO_RE = re.compile(r"(?<=[\s\-_(])(?=[\d.]*[oO])(?=[oO.]*\d)[\doO.]+(?=[BbMm](?![a-z]))")


def repair_model_names(table: Table) -> list[Flag]:
    """In a column of names that state sizes ("Qwen-14B"), a name ending in digits and an
    8 ("Qwen-148") had its "B" read as "8" (small, blurred text). The column states sizes
    when some names print one, or when too many end in an 8 for chance. A version's "v0."
    read as "vo." and a size's "0.5B" read as "O.5B" get their zeros back, and a known
    word of model names misread by look-alike characters its spelling ("Ilm" -> "llm",
    "GPTO" -> "GPTQ")."""
    column = model_column(table)
    if column is None or column in numeric_columns(table):
        return []
    cells = [row[column] for row in table.body if row[column].text]
    flags = []
    for cell in cells:
        respelled = known_name_words(cell.text)
        if respelled != cell.text:
            flags.append(repair_cell(table, cell, respelled, "look-alike letters of a known word"))
            cell.value = None
        if VERSION_ZERO_RE.search(cell.text):
            flags.append(repair_cell(table, cell, VERSION_ZERO_RE.sub("0", cell.text), "a version"))
            cell.value = None
        if SIZE_ZERO_RE.search(cell.text):
            zeros = SIZE_ZERO_RE.sub(lambda size: re.sub("[oO]", "0", size[0]), cell.text)
            flags.append(repair_cell(table, cell, zeros, "a size"))
            cell.value = None
        # A name read on one line was never tidied as a header or a rejoined name is.
        closed = close_hyphen_spaces(cell.text)
        if closed != cell.text:
            flags.append(repair_cell(table, cell, closed, "spaces beside a hyphen"))
            cell.value = None
    sized = sum(1 for cell in cells if SIZE_TOKEN_RE.search(cell.text))
    eights = sum(1 for cell in cells if SIZE_AS_DIGITS_RE.search(cell.text))
    if sized:
        why = f"{sized} of {len(cells)} names in the column end in a size like 7B"
    elif eights >= max(3, 0.6 * len(cells)):
        why = f"{eights} of {len(cells)} names end in an 8 after digits: a size's B read as 8"
    else:
        return flags
    for cell in cells:
        # A name that states its size already ends in a number of another kind ("-2408").
        if not SIZE_AS_DIGITS_RE.search(cell.text) or SIZE_TOKEN_RE.search(cell.text):
            continue
        after = SIZE_AS_DIGITS_RE.sub(r"\1B", cell.text)
        flags.append(repair_cell(table, cell, after, why))
        cell.value = None
    return flags


# How OCR reads a dagger (a footnote mark): as itself, a "t", a "T", an "f" or a "+".
DAGGER_READINGS = frozenset("†‡tTf+")
_ENDS_LIKE_A_NAME_RE = re.compile(r"(?:\d|\d[bBmM]|[)\]])$")
# Where no footnote is declared, a dagger itself or its readings right after a size ("14Bt",
# "7B+"): a size ends its word, so a letter after it is a mark.
_UNDECLARED_MARK_RE = re.compile(r"(?:\d[bBmM][tf+]|[†‡])$")


def declares_dagger(lines: list[list[str]]) -> bool:
    """The page has a dagger footnote: a line that opens with a lone dagger-like mark (as
    OCR reads one) and goes on in words ("† results reported by ...")."""
    return any(
        len(words) >= 3 and len(words[0]) <= 2 and words[1][:1].isalpha()
        and set(words[0]) <= DAGGER_READINGS
        for words in lines
    )


def strip_footnote_marks(table: Table, dagger: bool) -> list[Flag]:
    """Where the page declares a dagger footnote, a name ending in a dagger as OCR reads it
    ("GPT-4t", "Instructt", "AWQ+") carries the mark: it is cut when what stays ends a name
    (a digit, a size, a known word of model names) and the name with it does not. Where it
    declares none (a crop that left the footnote out), only a dagger or a reading of one
    right after a size ("Halcyon-14Bt") is cut."""
    column = model_column(table)
    if column is None or column in numeric_columns(table):
        return []
    flags = []
    known = set(model_words().values())
    for row in table.body:
        cell = row[column]
        text = cell.text.rstrip()
        if len(text) < 3 or text[-1] not in DAGGER_READINGS:
            continue
        if not dagger and not _UNDECLARED_MARK_RE.search(text):
            continue  # the footnote may be cropped away: only a mark no name can end in
        stem = text[:-1]
        last_word = re.split(r"[^A-Za-z0-9]", stem)[-1].lower()
        whole_word = re.split(r"[^A-Za-z0-9]", text)[-1].lower()
        if text[-1] in "†‡+" or (
            whole_word not in known
            and (_ENDS_LIKE_A_NAME_RE.search(stem) or last_word in known)
        ):
            why = "a footnote mark the page declares" if dagger else "a footnote mark after a size"
            flags.append(repair_cell(table, cell, stem, why))
            cell.value = None
    return flags


def repair_sizes_from_names(table: Table) -> list[Flag]:
    """A parameters cell read without its decimal point ("142" for 14.2) disagrees with the
    size its row's model name states ("Qwen-14B") by a power of ten; with the point put
    back it agrees (within 15%): the name is a second reading of the same size."""
    model = model_column(table)
    params = next((c for c in numeric_columns(table) if PARAMS_RE.search(table.columns[c])), None)
    if model is None or params is None:
        return []
    unit = header_unit(table.columns[params])
    flags = []
    for row in table.body:
        cell, named = row[params], params_from_model_name(row[model].text)
        value = parse_params_b(cell.text, unit)
        digits = re.match(r"\d+", cell.text)
        if not named or not value or not digits or digits.end() < len(cell.text.rstrip("BMbm")):
            continue  # only a plain run of digits can have lost its point
        for places in (1, 2):
            if len(digits.group()) > places and abs(value / 10**places - named) <= 0.15 * named:
                run = digits.group()
                after = f"{run[:-places]}.{run[-places:]}{cell.text[len(run) :]}"
                why = f"the model name {row[model].text!r} states about {named:g}B"
                flags.append(repair_cell(table, cell, after, why))
                break
    return flags


# A change's sign before a column's name: "Δ avg" is the change of the average, printed as
# signed numbers. RapidOCR reads the Greek letter as the increment sign "∆".
_CHANGE_SIGN_RE = re.compile(r"^[Δ∆]\s*(?=\S)")
# Over a column of signed numbers, the sign read as a Latin "A", alone ("A", a column
# named by the sign only), before a name or glued to a lower-case one ("A avg", "Aavg").
_CHANGE_SIGN_AS_A_RE = re.compile(r"^A(?:\s+(?=\S)|(?=[a-z])|$)")
# A number printed with its sign or its direction, as a change is ("+1.7", "-0.5",
# "−0.5", "(+3.1)", "▲1.2"; a minus read as two dashes, "—-0.6").
_SIGNED_RE = re.compile(r"^\(?(?:\+|[-−–—]{1,2}|[▲▼↑↓])\s?\d")


def _signed_column(table: Table, column: int) -> bool:
    """Every filled cell prints its sign, a rise among them: a column of changes (the base
    row's "–" aside)."""
    texts = [row[column].text.strip() for row in table.body]
    texts = [text for text in texts if text and not is_missing(text)]
    return (len(texts) >= 2 and all(_SIGNED_RE.match(text) for text in texts)
            and any(text.lstrip("(").startswith(("+", "▲", "↑")) for text in texts))


def split_change_sign(name: str, signed: bool = False) -> tuple[str, str]:
    """("Δ ", the rest) for a name opening with a change's sign, else ("", name); over a
    ``signed`` column, a lone or glued "A" before the name is that sign."""
    match = _CHANGE_SIGN_RE.match(name) or (_CHANGE_SIGN_AS_A_RE.match(name) if signed else None)
    return ("Δ ", name[match.end() :]) if match else ("", name)


def repair_column_names(table: Table, names: tuple[str, ...] | None = None) -> list[Flag]:
    """A benchmark column's name read with low confidence and one or two characters from a
    known benchmark's ("GsMek" for GSM8K, "HellaSweg") is that benchmark: every score in
    the column carries the name. Names OCR read surely are never changed. A change's sign
    before the name ("Δ avg") stays: that column is the benchmark's change, not the
    benchmark."""
    if not table.header_rows:
        return []
    flags = []
    for c in benchmark_columns(table):
        cell = table.header_rows[0][c]
        change, text = split_change_sign(cell.text.strip(), _signed_column(table, c))
        if change and cell.text != (change + text).strip():
            cell.text = table.columns[c] = (change + text).strip()
        if not cell.text or cell.confidence >= NAME_CONFIDENCE:
            continue
        # a name that carries its setting ("GSMBK (8-shot)") is matched by its name alone
        name, setting = split_setting(text)
        known = closest_benchmark(name, names)
        if known is None:
            continue
        why = f"read with confidence {cell.confidence:.0f}, closest to the known name {known!r}"
        before = cell.text
        cell.text = change + (known if setting is None else known + text[len(name) :])
        table.columns[c] = cell.text
        flags.append(
            Flag(
                kind="ocr_repaired",
                message=f"read {before!r}, repaired to {cell.text!r} (column {c + 1}): {why}",
                severity="info",
                source="ocr",
                span=before,
                evidence={
                    "before": before, "after": cell.text, "row": "header", "col": c, "why": why
                },
            )
        )
    return flags
