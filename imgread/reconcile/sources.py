"""Rows and scores from every reader, and one merged set where the best-evidenced value wins.

Readers: OCR tables (the tables stage), flat OCR text when no grid was found, chart points
(the charts stage), and a VLM's ``extract`` JSON. The table and chart helpers are looked up
by name so that this stage keeps working while those stages are missing or failing.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..record import Chart, Description, Flag, Row, Score, Table
from ..units import (
    normalise_model_name,
    params_from_model_name,
    parse_number,
    parse_params_b,
    parse_tokens_t,
)
from .flat import FlatTable, header_quantity, recover_rows

ROW_FIELDS = ("params_b", "tokens_t", "mmlu")
CONFIDENCE_OCR = 0.9
CONFIDENCE_REPAIRED = 0.7
CONFIDENCE_VLM = 0.4
AGREEMENT_BONUS = 0.1


@dataclass
class Readings:
    rows: list[Row] = field(default_factory=list)
    scores: list[Score] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)  # named columns of the table read


def _helper(module: str, name: str) -> Callable[..., list[Any]] | None:
    """A stage's public helper, or None while that stage does not provide it."""
    try:
        found = getattr(importlib.import_module(f"imgread.{module}"), name, None)
    except ImportError:
        return None
    return found if callable(found) else None


def _call(readings: Readings, module: str, name: str, *args: Any) -> list[Any]:
    """A helper's answer; a failing helper loses its source, not the record, and says so."""
    helper = _helper(module, name)
    if helper is None:
        return []
    try:
        return list(helper(*args) or [])
    except Exception as error:  # any failure becomes a flag, never a crash
        readings.flags.append(Flag(
            kind="low_confidence", severity="warning", source="reconcile",
            message=f"imgread.{module}.{name} failed ({type(error).__name__}: {error}); "
                    "its rows and scores are missing from this record",
            evidence={"helper": f"imgread.{module}.{name}"},
        ))
        return []


def from_tables(tables: Sequence[Table]) -> Readings:
    readings = Readings()
    for index, table in enumerate(tables):
        readings.rows += _call(readings, "tables", "rows_from_table", table, index)
        readings.scores += _call(readings, "tables", "scores_from_table", table, index)
        readings.columns = readings.columns or [c for c in table.columns if c.strip()]
    return readings


def from_charts(charts: Sequence[Chart]) -> Readings:
    readings = Readings()
    for chart in charts:
        readings.rows += _call(readings, "charts", "rows_from_chart", chart)
        readings.scores += _call(readings, "charts", "scores_from_chart", chart)
    return readings


def from_flat_text(text: str) -> Readings:
    """Rows of a table that OCR returned as a flat run of tokens, with each repair flagged."""
    table = recover_rows(text)
    if table is None:
        return Readings()
    return Readings(rows=_flat_rows(table), flags=_repair_flags(table),
                    columns=[c.name for c in table.columns if c.quantity != "index"])


def _flat_rows(table: FlatTable) -> list[Row]:
    field_of = {"params": "params_b", "tokens": "tokens_t", "mmlu": "mmlu"}
    repaired = {repair.row for repair in table.repairs}
    rows = []
    for r, values in enumerate(table.rows):
        row = Row(source="ocr", sources=["ocr:flat_text"],
                  confidence=CONFIDENCE_REPAIRED if r in repaired else CONFIDENCE_OCR)
        for column, value in zip(table.columns, values, strict=True):
            if column.quantity == "index":
                row.index = int(value) if value is not None else None
            elif column.quantity in field_of:
                setattr(row, field_of[column.quantity], value)
        row.evidence = {"repairs": [vars(repair) for repair in table.repairs if repair.row == r]}
        rows.append(row)
    return rows


def _repair_flags(table: FlatTable) -> list[Flag]:
    return [
        Flag(kind="ocr_repaired", severity="info", source="ocr",
             message=f"row {repair.row + 1}, {repair.column}: {repair.before!r} read as "
                     f"{repair.after} ({repair.reason})",
             span=repair.before,
             evidence={"row": repair.row + 1, "column": repair.column, "before": repair.before,
                       "after": repair.after, "reason": repair.reason})
        for repair in table.repairs
    ]


def from_extract(description: Description) -> Readings:
    """Rows and scores from a VLM's ``extract`` answer: JSON rows, however it was wrapped."""
    data = _first_json(description.text)
    source = f"vlm:{description.model}"
    readings = Readings()
    for item in _records(data):
        row, scores = _record_to_row(item, source)
        if row is not None:
            readings.rows.append(row)
        readings.scores += scores
    return readings


def _first_json(text: str) -> Any:
    decoder = json.JSONDecoder()
    for match in re.finditer(r"[\[{]", text):
        try:
            value, _ = decoder.raw_decode(text[match.start() :])
        except json.JSONDecodeError:
            continue
        return value
    return None


def _records(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, dict):
        columns = data.get("columns")
        body = data.get("rows") or data.get("data") or data.get("scores") or []
        if isinstance(columns, list) and body and isinstance(body[0], list):
            return [dict(zip([str(c) for c in columns], row, strict=False)) for row in body]
        data = body
    if isinstance(data, list):
        return [item for item in data if isinstance(item, dict)]
    return []


def _record_to_row(item: dict[str, Any], source: str) -> tuple[Row | None, list[Score]]:
    row = Row(source="vlm", sources=[source], confidence=CONFIDENCE_VLM)
    scores: list[Score] = []
    lowered = {str(key).strip().lower(): value for key, value in item.items()}
    model = str(lowered.get("model") or lowered.get("name") or "")
    row.model = model
    if {"benchmark", "value"} <= lowered.keys():
        value = _as_number(lowered["value"])
        scores.append(Score(model=model, model_normalised=normalise_model_name(model),
                            benchmark=str(lowered["benchmark"]), value=value, source="vlm",
                            sources=[source], confidence=CONFIDENCE_VLM))
        return None, scores
    for key, value in lowered.items():
        quantity = header_quantity(key)
        text = "" if value is None else str(value)
        if quantity == "params":
            row.params_b = parse_params_b(text)
        elif quantity == "tokens":
            row.tokens_t = parse_tokens_t(text)
        elif key in {"index", "#", "rank"}:
            number = _as_number(value)
            row.index = int(number) if number is not None else None
        elif key not in {"model", "name"} and _as_number(value) is not None:
            if quantity == "mmlu":
                row.mmlu = _as_number(value)
            if model:
                scores.append(Score(model=model, model_normalised=normalise_model_name(model),
                                    benchmark=str(key).upper() if quantity == "mmlu" else key,
                                    value=_as_number(value), source="vlm", sources=[source],
                                    confidence=CONFIDENCE_VLM))
    if row.params_b is None and model:
        row.params_b = params_from_model_name(model)
        row.params_from_name = row.params_b is not None
    filled = any(getattr(row, name) is not None for name in ROW_FIELDS)
    return (row if filled else None), scores


def _as_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    return parse_number(str(value)) if value is not None else None


def _within_measurement(a: Score, b: Score) -> bool:
    """One of two readings was measured from a chart's geometry, and the other lies within
    its uncertainty (data units): the two agree as well as the measurement can tell."""
    if a.value is None or b.value is None:
        return False
    reach = max(
        (float(s.evidence.get("uncertainty") or 0.0) for s in (a, b)
         if s.evidence.get("provenance") == "measured"),
        default=0.0,
    )
    return abs(a.value - b.value) <= reach


def _close(a: float | None, b: float | None, tolerance: float) -> bool:
    return a is not None and b is not None and abs(a - b) <= tolerance


def _row_key(row: Row, position: int) -> str:
    if row.model:
        return "m:" + normalise_model_name(row.model)
    if row.index is not None:
        return f"i:{row.index}"
    return f"p:{position}"


def merge_rows(
    primary: list[Row], others: list[Row], tolerance: float
) -> tuple[list[Row], list[Flag]]:
    """Rows from the best reader, confirmed or contradicted field by field by the others."""
    merged = [row.model_copy(deep=True) for row in primary]
    # Only rows of the primary reader are matched: two rows of one reader are two rows.
    by_key: dict[str, list[Row]] = {}
    for i, row in enumerate(merged):
        by_key.setdefault(_row_key(row, i), []).append(row)
    candidates = list(merged)
    flags: list[Flag] = []
    for position, other in enumerate(others):
        same = [row for row in by_key.get(_row_key(other, position), [])
                if _compatible_size(row, other, tolerance)]
        target = same[0] if len(same) == 1 else _match_by_values(candidates, other, tolerance)
        if target is None:
            merged.append(other.model_copy(deep=True))
            continue
        flags += _merge_row(target, other, tolerance)
    return merged, flags


def _compatible_size(row: Row, other: Row, tolerance: float) -> bool:
    """Points of one chart series share a name: their sizes tell them apart."""
    return row.params_b is None or other.params_b is None or _close(
        row.params_b, other.params_b, tolerance)


def _match_by_values(rows: list[Row], other: Row, tolerance: float) -> Row | None:
    """A row without a name or index matches the one row that shares all its values."""
    candidates = [
        row for row in rows
        if all(
            getattr(other, name) is None or getattr(row, name) is None
            or _close(getattr(row, name), getattr(other, name), tolerance)
            for name in ROW_FIELDS
        ) and any(_close(getattr(row, n), getattr(other, n), tolerance) for n in ROW_FIELDS)
    ]
    return candidates[0] if len(candidates) == 1 else None


def _merge_row(target: Row, other: Row, tolerance: float) -> list[Flag]:
    flags: list[Flag] = []
    agreed = False
    for name in ROW_FIELDS:
        mine, theirs = getattr(target, name), getattr(other, name)
        if theirs is None:
            continue
        if mine is None:
            setattr(target, name, theirs)
            continue
        if _close(mine, theirs, tolerance):
            agreed = True
            continue
        keep_theirs = other.confidence > target.confidence
        flags.append(_disagreement(f"{name} of row {target.index or target.model or '?'}",
                                   target, other, mine, theirs, {"field": name}))
        if keep_theirs:
            setattr(target, name, theirs)
    if agreed:
        _confirm(target, other.sources)
    return flags


def _disagreement(what: str, target: Row | Score, other: Row | Score, mine: float,
                  theirs: float, evidence: dict[str, Any]) -> Flag:
    """Two sources read one value differently; the more confident one is kept."""
    kept = theirs if other.confidence > target.confidence else mine
    return Flag(
        kind="sources_disagree", severity="warning", source=",".join(other.sources),
        message=f"{what}: {', '.join(target.sources)} read {mine:g}, "
                f"{', '.join(other.sources)} read {theirs:g}; kept {kept:g}",
        evidence={**evidence, "values": {",".join(target.sources): mine,
                                         ",".join(other.sources): theirs}},
    )


def _confirm(target: Row | Score, sources: list[str]) -> None:
    new = [source for source in sources if source not in target.sources]
    if not new:
        return
    target.sources += new
    kinds = {source.split(":")[0] for source in target.sources}
    target.source = "both" if "vlm" in kinds and kinds & {"ocr", "chart"} else target.source
    target.confidence = round(min(1.0, target.confidence + AGREEMENT_BONUS), 3)


def merge_scores(
    primary: list[Score], others: list[Score], tolerance: float
) -> tuple[list[Score], list[Flag]]:
    merged = [score.model_copy(deep=True) for score in primary]
    def key(score: Score) -> tuple[str, str, str]:
        return (score.model_normalised or normalise_model_name(score.model),
                re.sub(r"[^a-z0-9]", "", score.benchmark.lower()), score.setting or "")
    by_key = {key(score): score for score in merged}
    flags: list[Flag] = []
    for other in others:
        target = by_key.get(key(other))
        if target is None:
            merged.append(other.model_copy(deep=True))
            continue
        if other.value is None:
            continue
        if target.value is None or _close(target.value, other.value, tolerance):
            target.value = other.value if target.value is None else target.value
            _confirm(target, other.sources)
            continue
        if _within_measurement(target, other):  # a chart's measured bar, not a conflict
            if target.evidence.get("provenance") == "measured":
                target.value, target.source = other.value, other.source
            _confirm(target, other.sources)
            continue
        keep_theirs = other.confidence > target.confidence
        flags.append(_disagreement(f"{target.model} {target.benchmark}", target, other,
                                   target.value, other.value,
                                   {"model": target.model, "benchmark": target.benchmark}))
        if keep_theirs:
            target.value, target.source = other.value, other.source
    return merged, flags


def confirm_rows(rows: list[Row], quantity: str, values: Sequence[float], source: str,
                 tolerance: float) -> None:
    """A VLM statement (a range's ends) that matches a row's value adds it as a source."""
    name = {"params": "params_b", "tokens": "tokens_t", "mmlu": "mmlu"}.get(quantity)
    if name is None:
        return
    for row in rows:
        if any(_close(getattr(row, name), value, tolerance) for value in values):
            _confirm(row, [source])
