"""Scores (model, benchmark, value) and rows (model, params, tokens, MMLU) from a read
table: pure functions the reconciler calls."""

from __future__ import annotations

from ..record import Row, Score, Table
from ..units import (
    header_unit,
    normalise_model_name,
    params_from_model_name,
    parse_params_b,
    parse_tokens_t,
)
from .columns import (
    MMLU_RE,
    PARAMS_RE,
    TOKENS_RE,
    benchmark_columns,
    find_column,
    model_column,
    oriented,
    quantity_column,
    split_setting,
)


def scores_from_table(table: Table, table_index: int = 0) -> list[Score]:
    """One score per numeric cell that holds a number. Missing cells ("-") are omitted:
    they are kept, empty, in the table's body. Parameters and tokens are row fields, not
    scores."""
    table = oriented(table)
    model_col = model_column(table)
    scores = []
    for row in table.body:
        model = row[model_col].text if model_col is not None else ""
        for c in benchmark_columns(table):
            cell = row[c]
            if cell.value is None:
                continue
            benchmark, setting = benchmark_and_setting(table, c)
            scores.append(
                Score(
                    model=model,
                    model_normalised=normalise_model_name(model),
                    benchmark=benchmark,
                    setting=setting,
                    value=cell.value,
                    unit="%",
                    source="ocr",
                    sources=[f"ocr:table{table_index}"],
                    confidence=round(cell.confidence / 100, 3),
                    evidence={
                        "table": table_index,
                        "row": cell.row,
                        "col": cell.col,
                        "text": cell.text,
                    },
                )
            )
    return scores


def benchmark_and_setting(table: Table, c: int) -> tuple[str, str | None]:
    """Column ``c``'s benchmark and its setting, one rule wherever the setting is printed:
    on a line of its own under the name, in brackets in the name's cell ("MMLU (5-shot)"),
    or in a turned table's first column. Brackets that state no setting ("Size (B)") stay
    in the name."""
    name = table.columns[c] or f"column {c + 1}"
    setting = table.settings[c] if c < len(table.settings) else None
    if setting is None:
        name, setting = split_setting(name)
    return name, setting


def rows_from_table(table: Table, table_index: int = 0) -> list[Row]:
    """(model, params_b, tokens_t, mmlu) per model. A table without those columns still
    lists its models (sizes from their names), when it scores them on some benchmark."""
    printed = table
    table = oriented(table)
    params_col = quantity_column(table, PARAMS_RE, parse_params_b)
    tokens_col = quantity_column(table, TOKENS_RE, parse_tokens_t)
    mmlu_col = find_column(table, MMLU_RE)
    model_col = model_column(table)
    if params_col is None and tokens_col is None and mmlu_col is None and (
        model_col is None or not benchmark_columns(table)
    ):
        return []
    rows = []
    for r, cells in enumerate(table.body):
        model = cells[model_col].text if model_col is not None else ""
        params = tokens = mmlu = None
        from_name = False
        if params_col is not None:
            params = parse_params_b(cells[params_col].text, header_unit(table.columns[params_col]))
        elif model:
            params = params_from_model_name(model)
            from_name = params is not None
        if tokens_col is not None:
            tokens = parse_tokens_t(cells[tokens_col].text, header_unit(table.columns[tokens_col]))
        if mmlu_col is not None:
            mmlu = cells[mmlu_col].value
        used = [c for c in (params_col, tokens_col, mmlu_col) if c is not None]
        if not used and model_col is not None:
            used = [model_col]
        confidence = min((cells[c].confidence for c in used), default=0.0) / 100
        rows.append(
            Row(
                model=model,
                params_b=params,
                tokens_t=tokens,
                mmlu=mmlu,
                params_from_name=from_name,
                index=r + 1,
                source="ocr",
                sources=[f"ocr:table{table_index}"],
                confidence=round(confidence, 3),
                evidence={"table": table_index, "row": r}
                if table is printed
                else {"table": table_index, "col": r + 1},
            )
        )
    return rows
