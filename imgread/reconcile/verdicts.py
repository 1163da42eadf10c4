"""What every check of a VLM statement shares: the flag a claim gets (an ``unverified`` one
where the image was read too poorly to say), what a claim measures, which printed names are
the model a claim names, and how a claimed number is matched with printed ones."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher

from ..claims import Claim
from ..record import Description, Flag
from ..units import normalise_model_name
from .evidence import (
    DOUBTFUL_LIKENESS,
    Evidence,
    benchmark_key,
    benchmark_named,
    compact,
    tolerance_for,
)


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


def looks_misread(surface: str, evidence: Evidence) -> float | None:
    """The confidence of a poorly read word a name or quote may be, when each of its parts
    is either in the image text or looks like such a word (one at least); else None."""
    worst: float | None = None
    for part in re.findall(r"[a-z0-9]+", surface.lower()):
        if part in evidence.compact:
            continue
        likes = [confidence for word, confidence in evidence.doubtful
                 if SequenceMatcher(None, part, word, autojunk=False).ratio()
                 >= DOUBTFUL_LIKENESS]
        if not likes:
            return None
        worst = min(likes) if worst is None else min(worst, *likes)
    return worst


def unverified(claim: Claim, description: Description, evidence: Evidence, what: str,
               would_be: str, confidence: float | None = None, **details: object) -> Flag:
    """The finding on a poorly read image or cell (``confidence``, 0..100, where one cell was
    read worse than the image): the image text cannot say the VLM invented it."""
    read = evidence.read_confidence if confidence is None else confidence
    region = "image" if confidence is None else "cell"
    return flag_claim("unverified", claim, description,
                      f"{description.model} {what}, which the OCR text does not show; the {region} "
                      f"could not be read well enough to verify it (OCR confidence "
                      f"{read or 0:.0f}, below {evidence.unreadable_below:.0f})",
                      severity="info", would_be=would_be, ocr_confidence=read, **details)


def in_unnamed_column(claim: Claim, description: Description, evidence: Evidence, what: str,
                      would_be: str, **details: object) -> Flag:
    """The finding on a benchmark name the text lacks where the table reader left score
    columns without their names: it may be one of them."""
    return flag_claim("unverified", claim, description,
                      f"{description.model} {what}, which the OCR text does not show; "
                      f"{evidence.unnamed_columns} score column(s) of the table were read "
                      f"without their name", severity="info", would_be=would_be,
                      unnamed_columns=evidence.unnamed_columns, **details)


def corroborated(
    surface: str, description: Description, others: Sequence[Description]
) -> list[str]:
    """Other models (not this one) whose text also says it."""
    wanted = compact(surface)
    return sorted({
        other.model for other in others
        if base_model(other.model) != base_model(description.model)
        and wanted and wanted in compact(other.text)
    })


def claim_tolerance(claim: Claim, evidence: Evidence) -> float:
    """How far a printed number may lie from the claimed one (``tolerance_for``)."""
    return tolerance_for(claim.text, evidence.tolerance)


def same_in_other_units(claim: Claim) -> list[float]:
    """The claimed value in the neighbouring units: "1,500B tokens" is 1.5T, "0.5B" is 500M."""
    if claim.value is None or claim.quantity not in ("B", "T", "M"):
        return []
    return [claim.value * 1000, claim.value / 1000]


def printed_exactly(value: float, numbers: Sequence[float]) -> bool:
    """A value converted to another unit is printed: within half a percent of it (the
    absolute tolerance would find 0.013 in any "0")."""
    return value > 0 and any(abs(known - value) <= 0.005 * value for known in numbers)
