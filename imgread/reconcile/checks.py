"""Each VLM statement checked against what the image shows: OCR text, rows, scores, charts.

A statement is flagged only when the evidence refutes it or cannot find it. Statements the
evidence cannot speak to (a trend on a chart whose points were not read) are left alone:
a flag must mean something is wrong, so a user can trust an unflagged description.
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import claims as claims_module
from ..claims import Claim
from ..record import Description, Flag
from .counts import check_count
from .entities import check_entity
from .evidence import Evidence, compact
from .numbers import check_number
from .quotes import check_quote
from .ranges import check_range
from .relations import check_comparison, check_superlative, check_trend

VISUAL_LENS = "Visual Description"


def description_claims(
    description: Description, known_models: Sequence[str] = ()
) -> list[Claim]:
    """Claims of a description; in a multi-lens analysis the theory lenses are commentary.
    ``known_models``: names the image prints, recognised in the prose whatever their family."""
    visual = description.lenses.get(VISUAL_LENS)
    if not visual:
        return claims_module.extract(description.text, known_models=known_models)
    found = claims_module.extract(visual, known_models=known_models)
    for lens, text in description.lenses.items():
        if lens != VISUAL_LENS and text:
            found += claims_module.extract(text, scare_quotes=True, known_models=known_models)
    return found


# Findings whose claim text ("the best model", a number) means something only with its
# sentence: the same words in two sentences are two claims (one invented number given to
# two models is two inventions).
SENTENCE_BOUND = {"claim_contradicts_data", "range_mismatch", "count_mismatch", "unverified",
                  "number_not_in_image"}


def check_description(
    description: Description, evidence: Evidence, others: Sequence[Description]
) -> list[Flag]:
    flags: list[Flag] = []
    seen: set[tuple[str, str]] = set()
    for claim in description_claims(description, evidence.models):
        flag = _check(claim, description, evidence, others)
        if flag is None:
            continue
        key = (flag.kind, compact(str(flag.evidence.get("claim", ""))))
        if flag.kind in SENTENCE_BOUND:
            # "the best model" or "61.2" said of two things is two claims, not one repeated
            key = (flag.kind, key[1] + compact(claim.sentence))
        if key not in seen:
            seen.add(key)
            flags.append(flag)
    return flags


def _check(claim: Claim, description: Description, evidence: Evidence,
           others: Sequence[Description]) -> Flag | None:
    return CHECKERS[claim.kind](claim, description, evidence, others)


CHECKERS = {
    "quote": check_quote, "entity": check_entity, "number": check_number,
    "range": check_range, "count": check_count, "superlative": check_superlative,
    "trend": check_trend, "comparison": check_comparison,
}
