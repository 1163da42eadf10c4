"""Counts: "five models", "six columns" against what the table reader found
(``count_mismatch``), only where its count can be trusted."""

from __future__ import annotations

from collections.abc import Sequence

from .. import claims as claims_module
from ..claims import Claim
from ..record import Description, Flag
from ..units import normalise_model_name
from .evidence import Evidence
from .verdicts import flag_claim


def _model_names(evidence: Evidence) -> set[str] | None:
    """Distinct models of the image's table, or None when a name is not a recognisable model
    (a misread cell would make any count wrong)."""
    names = {r.model for r in evidence.rows if r.model and r.source != "chart"}
    names |= {s.model for s in evidence.scores if s.model and s.source != "chart"}
    if not names or not all(claims_module.FAMILY_RE.search(name)
                            or claims_module.SIZED_NAME_RE.search(name) for name in names):
        return None
    return {normalise_model_name(name) for name in names}


def _names_in_text(evidence: Evidence) -> int:
    """Distinct model names in the image's text, line by line: how many models the image
    shows when its table was read with rows missing."""
    keys = {mention.key for line in evidence.text.splitlines()
            for mention in claims_module.mentions(line, evidence.models)
            if mention.kind == "model"}
    return len(keys)


def _rows_joined(evidence: Evidence) -> bool:
    """The table reader took a row for the header (a model's name among the column names)
    or read two rows as one (two model names in one row's name)."""
    def names(text: str) -> int:
        return sum(1 for m in claims_module.mentions(text) if m.kind == "model")

    return any(names(column) for column in evidence.columns) or any(
        names(row.model) > 1 for row in evidence.rows if row.source != "chart")


def check_count(claim: Claim, description: Description, evidence: Evidence,
                others: Sequence[Description]) -> Flag | None:
    actual: list[int] = []
    if claim.quantity == "row" and evidence.rows:
        actual = [len(evidence.rows)]
    elif claim.quantity == "column" and evidence.columns:
        actual = [len(evidence.columns), len(evidence.columns) + 1]  # with a model column
    elif claim.quantity == "model":
        names = _model_names(evidence)
        actual = [len(names)] if names else []
        table_rows = [r for r in evidence.rows if r.source != "chart"]
        if actual and any(not r.model.strip() for r in table_rows):
            actual.append(len(table_rows))  # a row whose name was not read is a model too
    if not actual or claim.value in actual:
        return None
    if claim.quantity in ("model", "row") and claim.value == _names_in_text(evidence):
        return None  # the text shows as many models: the table reader lost some rows
    if evidence.poorly_read:
        return None  # counting what was read badly counts misreadings
    if claim.quantity in ("model", "row") and _rows_joined(evidence):
        return None  # the reader joined rows: its count is not the image's
    return flag_claim("count_mismatch", claim, description,
                      f"{description.model} counts {claim.value:g} {claim.quantity}s; the image "
                      f"has {actual[0]}", claimed=claim.value, actual=actual[0])
