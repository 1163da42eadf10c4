"""Attribution: a number the image prints, stated of a model the image shows with another
value (``claim_contradicts_data``): a score moved from its model, a size or token count of
another model. What the image shows for that model is read from its table's cells, or from
its line of the OCR text where the table reader lost the cell."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .. import claims as claims_module
from ..claims import Claim
from ..record import Description, Flag
from ..units import normalise_model_name, params_from_model_name
from .evidence import Evidence, benchmark_key, benchmark_named, compact, numbers_in
from .readings import misread_as, vouched
from .verdicts import (
    claim_tolerance,
    flag_claim,
    owner,
    owner_among,
    printed_exactly,
    same_in_other_units,
    unverified,
)

APPROXIMATE_SHARE_OF_VALUE = 0.05  # "about 70" may be off by this share of the value
# A value given to one model ("X scores 66.6", "X gets an MMLU score of 66.6", "X is a 7B
# model", "X was trained on 2T tokens"): the number follows a verb of scoring or sits in a
# size or token phrase. Other numbers of such a sentence (a margin, a rank) are not the value.
_SCORED_BEFORE_RE = re.compile(
    r"(?:\b(?:scor(?:es|ed|ing)|reach(?:es|ed)?|achiev(?:es|ed)|gets?|got|posts?|posted|"
    r"obtain(?:s|ed)?|attain(?:s|ed)?|records?|recorded|score of|at|of)\s+(?:an?\s+|only\s+|"
    r"about\s+|approximately\s+|around\s+)?)$",
    re.I,
)
_SIZE_AFTER_RE = re.compile(r"^\s*(?:-?\s*(?:param\w*|model)\b|\s+(?:total\s+)?param)", re.I)
SIZE_MEASURE, TOKENS_MEASURE = "parameters (B)", "training tokens (T)"
LINE_MEASURE = "a score (its line of the OCR text)"
ANY_MEASURE = "any value of its row"
_TOKENS_AROUND_RE = re.compile(r"\btokens?\b", re.I)


@dataclass
class Attribution:
    """What the image shows for the one model and measure a number is stated for."""

    model: str
    measure: str
    values: list[float]
    confidence: float | None = None  # lowest confidence of the cells read (0..100)
    readings: list[str] = field(default_factory=list)  # every reading of those cells


def attributed(claim: Claim, evidence: Evidence) -> Attribution | None:
    """What the image shows for the model a number is stated of, as its score (on the
    benchmark the sentence names, else any), size or token count; None when the sentence
    does not tie the number to one model the image's table has."""
    assert claim.value is not None
    sentence = claim.sentence
    position = sentence.find(claim.text)
    if position < 0:
        return None
    models = {m.key for m in claims_module.mentions(sentence, evidence.models)
              if m.kind == "model"}
    if len(models) != 1:
        return None
    model = models.pop()
    before, after = sentence[:position], sentence[position + len(claim.text):]
    # A table's cells only: a chart's values are measured from its marks, not printed.
    rows = [r for r in evidence.rows if r.source != "chart" and r.model]
    scores = [s for s in evidence.scores if s.source != "chart"]
    owns = owner_among([r.model for r in rows] + [s.model for s in scores], model)
    owned_rows = [r for r in rows if owns(r.model)]
    if claim.quantity in ("B", "M") and _SIZE_AFTER_RE.match(after):
        values = [r.params_b for r in owned_rows if r.params_b is not None]
        values += [size for size in (params_from_model_name(r.model) for r in owned_rows)
                   if size is not None]
        return Attribution(model, SIZE_MEASURE, values)
    if claim.quantity in ("B", "T") and _TOKENS_AROUND_RE.search(after[:30]):
        values = [r.tokens_t for r in owned_rows if r.tokens_t is not None]
        return Attribution(model, TOKENS_MEASURE, values)
    if claim.quantity not in (None, "%") or not _SCORED_BEFORE_RE.search(before):
        return None
    if not scores:
        return None
    named = {benchmark_key(s.benchmark) for s in scores
             if benchmark_named(s.benchmark, compact(sentence))}
    # One measure only: the longest name where one contains another ("cmmlu", "mmlu").
    named = {n for n in named if not any(n != other and n in other for other in named)}
    # No one benchmark named: any of the model's cells may be the one meant.
    measure = named.pop() if len(named) == 1 else ANY_MEASURE
    owned = [s for s in scores if owns(s.model)
             and (measure == ANY_MEASURE or benchmark_key(s.benchmark) == measure)]
    values = [s.value for s in owned if s.value is not None]
    # What the losing readings of those cells say counts too: the vote may have gone wrong.
    read = {id(s): evidence.cell_readings.get(
        (normalise_model_name(s.model), benchmark_key(s.benchmark)), []) for s in owned}
    values += numbers_in(" ".join(text for texts in read.values() for text in texts), [], [], [])
    # A cell whose readings agree on its score is read well enough, whatever its vote said.
    confidence = min((s.confidence * 100 for s in owned if s.sources and s.source == "ocr"
                      and not vouched(s.value, read[id(s)])), default=None)
    if not owned:  # the table reader lost the cell, or the column's name
        return _from_line(model, [s.model for s in scores], evidence)
    cells = [f"{s.value:g}" for s in owned if s.value is not None]
    return Attribution(model, measure, values, confidence,
                       cells + [text for texts in read.values() for text in texts])


def _from_line(model: str, table_models: Sequence[str], evidence: Evidence) -> Attribution | None:
    """The numbers of the one text line that names the model and no other: its table row as
    the OCR text prints it, for when the table reader lost the cell or its column. Only for
    a model of the image's table (``table_models``: a legend's line is no row). None unless
    that line holds as many numbers as the other models' lines (a row the OCR split over
    two lines holds fewer)."""
    owns = owner_among(table_models, model)
    names = [name for name in table_models if owns(name)]
    others = [name for name in evidence.models if not owns(name)]
    if not names:
        return None
    patterns = [p for p in map(claims_module.printed_name_re, names) if p is not None]
    other_patterns = [p for p in map(claims_module.printed_name_re, others) if p is not None]

    def numbers_after_name(line: str, found: re.Pattern[str]) -> list[float]:
        rest = found.sub(" ", line)
        # OCR loses decimal points ("613" for 61.3): the repairs a reader would consider.
        lost = [int(n) / 10**d for n in re.findall(r"(?<![\d.,])\d{3,4}(?![\d.,])", rest)
                for d in (1, 2)]
        return numbers_in(rest, [], [], []) + lost

    mine: list[list[float]] = []
    theirs: list[int] = []
    doubtful = {word for word, _ in evidence.doubtful}
    for line in evidence.text.splitlines():
        if doubtful & {compact(word) for word in line.split()}:
            continue  # a line read poorly is no evidence either way
        hits = [p for p in patterns if p.search(line)]
        other_hits = [p for p in other_patterns if p.search(line)]
        if hits and not other_hits:
            mine.append(numbers_after_name(line, hits[0]))
        elif other_hits and not hits:
            theirs.append(len(numbers_after_name(line, other_hits[0])))
    if len(mine) != 1 or not theirs:
        return None
    values = mine[0]
    typical = sorted(theirs)[len(theirs) // 2]
    if len(values) < max(2, typical):
        return None
    return Attribution(model, LINE_MEASURE, values)


def cell_poorly_read(found: Attribution | None, evidence: Evidence,
                     claim: Claim | None = None) -> float | None:
    """The confidence of the cell a claim is about, where that cell was read too poorly to
    vouch for what it lacks (the image as a whole may have read well); else None. With
    ``claim``: None also where no reading of the cell could be the claimed number misread
    (the cell was read poorly, but not that poorly)."""
    if found is None or found.confidence is None:
        return None
    if found.confidence >= evidence.unreadable_below:
        return None
    if claim is not None and found.readings and not misread_as(claim.text, found.readings):
        return None
    return found.confidence


def refuted_by_cells(found: Attribution | None, claim: Claim) -> bool:
    """On an image read poorly as a whole: the cells a number is stated for were read, and
    none of their readings could be that number misread. The table's structure says what
    the image's overall confidence cannot."""
    return found is not None and bool(found.readings) and not misread_as(claim.text,
                                                                         found.readings)


def _in_own_row(claim: Claim, model: str, evidence: Evidence) -> bool:
    """The claimed value is printed in the model's own table row: a column the reader
    misnamed or the one a sentence did not name, not a value of another model."""
    assert claim.value is not None
    printed = [number for key, text in evidence.row_texts.items() if owner(key, model)
               for number in numbers_in(text, [], [], [])]
    return any(abs(claim.value - n) <= evidence.tolerance for n in printed) or any(
        printed_exactly(same, printed) for same in same_in_other_units(claim))


def check_attribution(claim: Claim, description: Description,
                      evidence: Evidence) -> Flag | None:
    """A number the image prints, given to a model the image shows with another value: a
    score moved from its model, a size or token count of another model."""
    found = attributed(claim, evidence)
    if found is None or not found.values or claim.value is None:
        return None
    model, what, values = found.model, found.measure, found.values
    claimed = claim.value
    if (what, claim.quantity) in ((SIZE_MEASURE, "M"), (TOKENS_MEASURE, "B")):
        claimed /= 1000  # millions of parameters, billions of tokens
    slack = max(claim_tolerance(claim, evidence), abs(claimed) * APPROXIMATE_SHARE_OF_VALUE
                if claim.approximate else 0.0)
    if any(abs(claimed - value) <= slack for value in values):
        return None
    if what in (SIZE_MEASURE, TOKENS_MEASURE, ANY_MEASURE) and _in_own_row(claim, model,
                                                                          evidence):
        return None
    shown = ", ".join(f"{v:g}" for v in sorted(set(values)))
    cell = cell_poorly_read(found, evidence, claim)
    if (evidence.poorly_read and not refuted_by_cells(found, claim)) or cell is not None:
        return unverified(claim, description, evidence,
                          f"gives {model} {claim.text} for {what}", "claim_contradicts_data",
                          confidence=cell, model=model, measure=what, shown=sorted(set(values)))
    return flag_claim("claim_contradicts_data", claim, description,
                      f"{description.model} gives {model} {claim.text} for {what}; the image shows "
                      f"{model} at {shown}", model=model, measure=what, claimed=claimed,
                      shown=sorted(set(values)))
