"""Names: a model or benchmark a VLM names must be printed in the image
(``entity_not_in_image``), in any script, with OCR's look-alike letters forgiven."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..claims import Claim
from ..record import Description, Flag
from ..units import normalise_model_name
from .evidence import Evidence, compact, fold
from .verdicts import corroborated, flag_claim, in_unnamed_column, looks_misread, unverified


def _wide_compact(text: str) -> str:
    """``compact`` that keeps letters of every script."""
    return re.sub(r"[\W_]", "", text.lower())


def _entity_known(key: str, surface: str, kind: str | None, evidence: Evidence) -> bool:
    if evidence.has_text(surface) or evidence.has_text(key):
        return True
    names = [r.model for r in evidence.rows] + [s.model for s in evidence.scores]
    names += [s.benchmark for s in evidence.scores] + evidence.columns
    names += [series.name for chart in evidence.charts for series in chart.series]
    # Letters OCR confuses ("TruthfuIQA" for TruthfulQA) are one letter here.
    wanted = fold(compact(key))
    if wanted and (wanted in evidence.folded or any(wanted in fold(compact(name))
                                                    for name in names)):
        return True
    # A name in CJK script has no Latin letters to compare: its characters are compared.
    wide = _wide_compact(surface)
    if wide != compact(surface) and any(wide in _wide_compact(text)
                                        for text in [evidence.text, *names]):
        return True
    # A printed name as normalised, which undoes misreads of a family ("Liama" is Llama).
    if kind == "model" and any(compact(key) and compact(key) in compact(
            normalise_model_name(name)) for name in names):
        return True
    if kind == "model":
        size = re.search(r"-(\d+(?:\.\d+)?)([bm])$", key)
        if size and evidence.has_text(key[: size.start()]):
            return evidence.has_number(float(size.group(1)))
    return False


def check_entity(claim: Claim, description: Description, evidence: Evidence,
                 others: Sequence[Description]) -> Flag | None:
    key = claim.subject or claim.text
    if not evidence.text.strip() or _entity_known(key, claim.text, claim.entity_kind, evidence):
        return None
    if corroborated(claim.text, description, others):
        return None
    # One unconfirmed name in a list of names that are all confirmed is more likely a label
    # the OCR missed than an invention.
    supported = [s for s in claim.siblings
                 if _entity_known(s, s, claim.entity_kind, evidence)
                 or corroborated(s, description, others)]
    if len(claim.siblings) >= 2 and len(supported) == len(claim.siblings):
        return None
    misread = looks_misread(claim.text, evidence)
    if evidence.poorly_read or misread is not None:
        return unverified(claim, description, evidence,
                          f"names the {claim.entity_kind} {claim.text!r}", "entity_not_in_image",
                          confidence=misread, entity=key, entity_kind=claim.entity_kind)
    if claim.entity_kind == "benchmark" and evidence.unnamed_columns:
        return in_unnamed_column(claim, description, evidence,
                                 f"names the benchmark {claim.text!r}", "entity_not_in_image",
                                 entity=key, entity_kind=claim.entity_kind)
    return flag_claim("entity_not_in_image", claim, description,
                      f"{description.model} names the {claim.entity_kind} {claim.text!r}, which is "
                      f"nowhere in the image text", entity=key, entity_kind=claim.entity_kind,
                      ocr_text=evidence.text[:300])
