"""What every check of a VLM statement shares: the flag a claim gets, what a claim measures,
and which printed names are the model a claim names."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..claims import Claim
from ..record import Description, Flag
from ..units import normalise_model_name
from .evidence import Evidence, benchmark_key, benchmark_named, compact


def base_model(name: str) -> str:
    """The model behind a description, without size tags: two runs of one model are one voice."""
    return re.split(r"[_:@]", name.lower())[0]


def flag_claim(kind: str, claim: Claim, description: Description, message: str,
               severity: str = "warning", **evidence: object) -> Flag:
    return Flag(kind=kind, message=message, severity=severity,  # type: ignore[arg-type]
                source=description.model, span=claim.sentence,
                evidence={"claim": claim.text, **evidence})


def measure_of(claim: Claim, evidence: Evidence) -> str | None:
    """What a claim measures: a row quantity or axis it names, else the longest benchmark
    name of the image found in its sentence, else what the sentence calls it."""
    if claim.quantity in ("params", "tokens", "x_axis", "y_axis"):
        return claim.quantity
    sentence = compact(claim.sentence)
    named = sorted({benchmark_key(s.benchmark) for s in evidence.scores
                    if benchmark_named(s.benchmark, sentence)}, key=len, reverse=True)
    return named[0] if named and named[0] else claim.quantity


FOOTNOTE_MISREADS = "t7"  # what Tesseract reads a dagger (†) as, once names are lower-cased


def owner(name: str, wanted: str) -> bool:
    """Whether a printed name is the model a claim names ("Mistral" for "Mistral 7B")."""
    key = normalise_model_name(name).rstrip(".")
    if not key:
        return False
    if key == wanted or key.startswith((wanted + "-", wanted + "(")):
        return True
    # A footnote dagger after a name is often read as a letter or digit ("GPT-4†" as
    # "GPT-47", "Mistral-7B-Chat†" as "...Chatt"): the claimed name plus that one mark.
    if len(key) == len(wanted) + 1 and key.startswith(wanted) and key[-1] in FOOTNOTE_MISREADS:
        return True
    # A legend may omit the size the claim gives ("Mistral" for "Mistral 7B"), not a version.
    return bool(re.fullmatch(rf"{re.escape(key)}-\d+(?:\.\d+)?[bm]", wanted))


def owner_among(names: Sequence[str], wanted: str) -> Callable[[str], bool]:
    """``owner`` for one claim: where the image prints the claimed name exactly, only that
    name is its model ("Aquila2-34b" is not also "Aquila2-34B-Chat" when both are printed)."""
    if any(normalise_model_name(name).rstrip(".") == wanted for name in names):
        return lambda name: normalise_model_name(name).rstrip(".") == wanted
    return lambda name: owner(name, wanted)
