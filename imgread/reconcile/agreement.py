"""Two VLMs that contradict each other: they name different partners in one comparison."""

from __future__ import annotations

from collections.abc import Sequence

from .. import claims as claims_module
from ..record import Description, Flag
from .evidence import Evidence, compact
from .verdicts import base_model


def models_disagree(descriptions: Sequence[Description], evidence: Evidence) -> list[Flag]:
    """Two models that name different partners in the same comparison.

    The side with less support (other models naming the same partner, and the OCR text)
    is flagged, with what the others say as evidence; on a tie both are.
    """
    groups = {d.model: claims_module.comparison_group(d.text) for d in descriptions}
    flags: list[Flag] = []
    for description in descriptions:
        for group in groups[description.model]:
            for other in descriptions:
                if base_model(other.model) == base_model(description.model):
                    continue
                for theirs in groups[other.model]:
                    flag = _disagreement(description, group, other, theirs, descriptions,
                                         groups, evidence)
                    if flag is not None and all(f.message != flag.message for f in flags):
                        flags.append(flag)
    return flags


def _same_model(a: str, b: str, group_a: list[str], group_b: list[str]) -> bool:
    """"llama" and "llama-2" are one model unless the same text names both as two."""
    if a == b:
        return True
    if b.startswith(a + "-"):
        return not any(other.startswith(a + "-") for other in group_a)
    if a.startswith(b + "-"):
        return not any(other.startswith(b + "-") for other in group_b)
    return False


def _disagreement(description: Description, mine: list[str], other: Description,
                  theirs: list[str], descriptions: Sequence[Description],
                  groups: dict[str, list[list[str]]], evidence: Evidence) -> Flag | None:
    shared = [a for a in mine if any(_same_model(a, b, mine, theirs) for b in theirs)]
    if not shared:
        return None
    my_rest = [a for a in mine if a not in shared]
    their_rest = [b for b in theirs if not any(_same_model(a, b, mine, theirs) for a in mine)]
    if not my_rest or not their_rest:
        return None

    def support(model: str, group_owner: str) -> int:
        voices = sum(1 for d in descriptions if d.model != group_owner and any(
            model in g for g in groups[d.model]))
        return voices + int(evidence.has_text(model))

    mine_support = sum(support(m, description.model) for m in my_rest)
    their_support = sum(support(m, other.model) for m in their_rest)
    if mine_support > their_support:
        return None
    span = next((s for s in claims_module.sentences(description.text)
                 if all(compact(m.split("-")[0]) in compact(s) for m in mine)), None)
    return Flag(
        kind="models_disagree", severity="warning", source=description.model, span=span,
        message=f"{description.model} compares {shared[0]} with {', '.join(my_rest)}; "
                f"{other.model} names {', '.join(their_rest)}"
                + (" (the image text agrees)" if any(evidence.has_text(m) for m in their_rest)
                   else ""),
        evidence={"this": mine, "other_model": other.model, "other": theirs,
                  "in_image": {m: evidence.has_text(m) for m in my_rest + their_rest}},
    )
