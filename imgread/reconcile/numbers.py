"""Numbers: a value a VLM states must be printed in the image (``number_not_in_image``), and
given to the model the image gives it to (``attribution.py``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import claims as claims_module
from ..claims import Claim
from ..record import Description, Flag
from .attribution import attributed, cell_poorly_read, check_attribution, refuted_by_cells
from .evidence import Evidence
from .verdicts import claim_tolerance, flag_claim, printed_exactly, same_in_other_units, unverified

SMALL_INTEGER = 10  # bare integers below this are usually counts or ordinals in prose


def check_number(claim: Claim, description: Description, evidence: Evidence,
                 others: Sequence[Description]) -> Flag | None:
    value = claim.value
    if value is None or not evidence.numbers:
        return None
    if value == int(value) and value < SMALL_INTEGER and not claim.quantity:
        return None
    if evidence.has_number(value, claim.approximate, claim_tolerance(claim, evidence)) or any(
        printed_exactly(same, evidence.numbers) for same in same_in_other_units(claim)
    ):
        return check_attribution(claim, description, evidence)
    if claim.quantity == "%" and evidence.has_number(value / 100):
        return None
    nearest = sorted(evidence.numbers, key=lambda known: abs(known - value))[:3]
    found = attributed(claim, evidence)
    cell = cell_poorly_read(found, evidence, claim)
    if (evidence.poorly_read and not refuted_by_cells(found, claim)) or cell is not None:
        return unverified(claim, description, evidence, f"states {claim.text}",
                          "number_not_in_image", confidence=cell, value=value, nearest=nearest)
    # Where a reader's cells hold the model's values, they speak; where it read none, or
    # read several cells as one number, the line's runs of digits are all there is.
    if (found is None or _run_together(found.readings)) and _digits_on_own_line(claim, evidence):
        return flag_claim("unverified", claim, description,
                          f"{description.model} states {claim.text}, which the OCR text does not "
                          f"show as a number; its digits are on the model's line, run together "
                          f"with others", severity="info",
                          would_be="number_not_in_image", value=value)
    return flag_claim("number_not_in_image", claim, description,
                      f"{description.model} states {claim.text}, a number the image does not show "
                      f"(nearest read: {', '.join(f'{n:g}' for n in nearest)})",
                      value=value, nearest=nearest)


RUN_TOGETHER_DIGITS = 6  # a digit run this long is several cells read as one


def _run_together(readings: Sequence[str]) -> bool:
    return any(len(re.sub(r"\D", "", reading)) >= RUN_TOGETHER_DIGITS for reading in readings)


def _digits_on_own_line(claim: Claim, evidence: Evidence) -> bool:
    """The claimed number's digits run together with others on the one text line of the
    model the sentence names ("427360156": 42.7, 36.0 and 15.6 with their points and gaps
    lost): no reader could say which cell holds what."""
    wanted = re.sub(r"\D", "", claim.text)
    models = [m for m in claims_module.mentions(claim.sentence, evidence.models)
              if m.kind == "model"]
    if len(wanted) < 2 or len({m.key for m in models}) != 1:
        return False
    pattern = claims_module.printed_name_re(models[0].surface)
    lines = [line for line in evidence.text.splitlines() if pattern and pattern.search(line)]
    if not lines or pattern is None:
        return False  # the OCR's own line comes first: table cells are appended after
    rest = pattern.sub(" ", lines[0])
    runs = (re.sub(r"\D", "", run) for run in re.findall(r"\d[\d.,]*\d", rest))
    return any(wanted in run for run in runs if len(run) >= RUN_TOGETHER_DIGITS)
