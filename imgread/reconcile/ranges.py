"""Ranges: "scores run from 40 to 70" against the image's values (``range_mismatch``); a
range the image has too few values to span is checked end by end as two numbers."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from ..claims import Claim
from ..record import Description, Flag
from .evidence import Evidence
from .numbers import check_number
from .verdicts import flag_claim, measure_of

APPROXIMATE_SHARE = 0.1  # an "approximately" may be off by this share of the range


def check_range(claim: Claim, description: Description, evidence: Evidence,
                others: Sequence[Description]) -> Flag | None:
    assert claim.value is not None and claim.high is not None
    values = evidence.values(measure_of(claim, evidence))
    if len(values) < 2:
        for end in (claim.value, claim.high):
            single = Claim("number", f"{end:g}", claim.sentence, value=end,
                           quantity="range", approximate=claim.approximate)
            flag = check_number(single, description, evidence, others)
            if flag is not None:
                return flag
        return None
    low, high = min(values), max(values)
    slack = (APPROXIMATE_SHARE * (high - low) if claim.approximate else 0) + evidence.tolerance
    if claim.quantity in ("x_axis", "y_axis"):
        # Ticks sample an axis: its ends may lie up to a tick step beyond the outer ticks.
        slack += _tick_step(evidence, claim.quantity)
    if abs(claim.value - low) <= slack and abs(claim.high - high) <= slack:
        return None
    return flag_claim("range_mismatch", claim, description,
                      f"{description.model} says {claim.quantity} range from {claim.value:g} to "
                      f"{claim.high:g}; the image's values run from {low:g} to {high:g}",
                      claimed=[claim.value, claim.high], actual=[low, high],
                      quantity=claim.quantity)


def _tick_step(evidence: Evidence, quantity: str) -> float:
    steps = []
    for chart in evidence.charts:
        for axis in chart.axes:
            if axis.orientation == quantity[0]:
                values = sorted({tick.value for tick in axis.ticks})
                steps += [b - a for a, b in pairwise(values)]
    return min(steps) if steps else 0.0
