"""Quotes: a VLM's words in quotation marks must be the image's text (``quote_not_in_image``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..claims import Claim
from ..record import Description, Flag
from .evidence import Evidence, words
from .verdicts import corroborated, flag_claim, in_unnamed_column, looks_misread, unverified

# How closely a quote of one name (up to ``NAME_WORDS`` words) must match the image text.
# Measured on the tuning seeds of flags_tables (blind4, blind3, synth, unseen, heldout at
# --seed-offset 36100): invented column names reach 0.82 ("MMLU-Pro" in "mmlu drop"),
# printed names misread by OCR 0.93 ("lm-eval summary" read "im eval summary").
NAME_QUOTE_LIKENESS = 0.9
NAME_WORDS = 2
_COLUMN_CUE_RE = re.compile(r"\b(?:columns?|headers?|headings?)\b", re.I)


def check_quote(claim: Claim, description: Description, evidence: Evidence,
                others: Sequence[Description]) -> Flag | None:
    if not evidence.text.strip():
        return None
    score, span = evidence.quote_match(claim.text)
    # A quote of one name (a column's) must match closely: an invented name is often a
    # printed one with a letter or a word changed ("AGIEval" for "IFEval": 0.77).
    threshold = evidence.quote_threshold if len(words(claim.text)) > NAME_WORDS else max(
        evidence.quote_threshold, NAME_QUOTE_LIKENESS)
    if score >= threshold or corroborated(claim.text, description, others):
        return None
    misread = looks_misread(claim.text, evidence)
    if misread is not None:
        return unverified(claim, description, evidence, f"quotes {claim.text!r}",
                          "quote_not_in_image", confidence=misread)
    if _COLUMN_CUE_RE.search(claim.sentence) and evidence.unnamed_columns:
        return in_unnamed_column(claim, description, evidence, f"quotes {claim.text!r}",
                                 "quote_not_in_image")
    return flag_claim("quote_not_in_image", claim, description,
                      f"{description.model} quotes {claim.text!r}, which the OCR text does not "
                      f"contain (best match {span!r}, similarity {score:.2f})",
                      best_match=span, similarity=round(score, 3), ocr_text=evidence.text[:300])
