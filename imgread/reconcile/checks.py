"""Each VLM statement checked against what the image shows: OCR text, rows, scores, charts.

A statement is flagged only when the evidence refutes it or cannot find it. Statements the
evidence cannot speak to (a trend on a chart whose points were not read) are left alone:
a flag must mean something is wrong, so a user can trust an unflagged description.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import pairwise

from .. import claims as claims_module
from ..claims import Claim
from ..record import Description, Flag
from ..units import normalise_model_name, params_from_model_name
from .evidence import (
    DOUBTFUL_LIKENESS,
    Evidence,
    benchmark_key,
    benchmark_named,
    compact,
    fold,
    numbers_in,
    tolerance_for,
    words,
)
from .readings import misread_as, vouched
from .relations import check_comparison, check_superlative, check_trend
from .verdicts import base_model, flag_claim, measure_of, owner, owner_among

APPROXIMATE_SHARE = 0.1  # an "approximately" may be off by this share of the range
SMALL_INTEGER = 10  # bare integers below this are usually counts or ordinals in prose
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
VISUAL_LENS = "Visual Description"


def _looks_misread(surface: str, evidence: Evidence) -> float | None:
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


def _unverified(claim: Claim, description: Description, evidence: Evidence, what: str,
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


# How closely a quote of one name (up to ``NAME_WORDS`` words) must match the image text.
# Measured on the tuning seeds of flags_tables (blind4, blind3, synth, unseen, heldout at
# --seed-offset 36100): invented column names reach 0.82 ("MMLU-Pro" in "mmlu drop"),
# printed names misread by OCR 0.93 ("lm-eval summary" read "im eval summary").
NAME_QUOTE_LIKENESS = 0.9
NAME_WORDS = 2
_COLUMN_CUE_RE = re.compile(r"\b(?:columns?|headers?|headings?)\b", re.I)


def _in_unnamed_column(claim: Claim, description: Description, evidence: Evidence, what: str,
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


def _check_quote(claim: Claim, description: Description, evidence: Evidence,
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
    misread = _looks_misread(claim.text, evidence)
    if misread is not None:
        return _unverified(claim, description, evidence, f"quotes {claim.text!r}",
                           "quote_not_in_image", confidence=misread)
    if _COLUMN_CUE_RE.search(claim.sentence) and evidence.unnamed_columns:
        return _in_unnamed_column(claim, description, evidence, f"quotes {claim.text!r}",
                                  "quote_not_in_image")
    return flag_claim("quote_not_in_image", claim, description,
                      f"{description.model} quotes {claim.text!r}, which the OCR text does not "
                      f"contain (best match {span!r}, similarity {score:.2f})",
                      best_match=span, similarity=round(score, 3), ocr_text=evidence.text[:300])


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


def _check_entity(claim: Claim, description: Description, evidence: Evidence,
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
    misread = _looks_misread(claim.text, evidence)
    if evidence.poorly_read or misread is not None:
        return _unverified(claim, description, evidence,
                           f"names the {claim.entity_kind} {claim.text!r}", "entity_not_in_image",
                           confidence=misread, entity=key, entity_kind=claim.entity_kind)
    if claim.entity_kind == "benchmark" and evidence.unnamed_columns:
        return _in_unnamed_column(claim, description, evidence,
                                  f"names the benchmark {claim.text!r}", "entity_not_in_image",
                                  entity=key, entity_kind=claim.entity_kind)
    return flag_claim("entity_not_in_image", claim, description,
                      f"{description.model} names the {claim.entity_kind} {claim.text!r}, which is "
                      f"nowhere in the image text", entity=key, entity_kind=claim.entity_kind,
                      ocr_text=evidence.text[:300])


def _check_number(claim: Claim, description: Description, evidence: Evidence,
                  others: Sequence[Description]) -> Flag | None:
    value = claim.value
    if value is None or not evidence.numbers:
        return None
    if value == int(value) and value < SMALL_INTEGER and not claim.quantity:
        return None
    if evidence.has_number(value, claim.approximate, _tolerance(claim, evidence)) or any(
        _printed_exactly(same, evidence.numbers) for same in _same_in_other_units(claim)
    ):
        return _check_attribution(claim, description, evidence)
    if claim.quantity == "%" and evidence.has_number(value / 100):
        return None
    nearest = sorted(evidence.numbers, key=lambda known: abs(known - value))[:3]
    found = _attributed(claim, evidence)
    cell = _cell_poorly_read(found, evidence, claim)
    if (evidence.poorly_read and not _refuted_by_cells(found, claim)) or cell is not None:
        return _unverified(claim, description, evidence, f"states {claim.text}",
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


def _tolerance(claim: Claim, evidence: Evidence) -> float:
    return tolerance_for(claim.text, evidence.tolerance)


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


def _same_in_other_units(claim: Claim) -> list[float]:
    """The claimed value in the neighbouring units: "1,500B tokens" is 1.5T, "0.5B" is 500M."""
    if claim.value is None or claim.quantity not in ("B", "T", "M"):
        return []
    return [claim.value * 1000, claim.value / 1000]


def _printed_exactly(value: float, numbers: Sequence[float]) -> bool:
    """A value converted to another unit is printed: within half a percent of it (the
    absolute tolerance would find 0.013 in any "0")."""
    return value > 0 and any(abs(known - value) <= 0.005 * value for known in numbers)


@dataclass
class Attribution:
    """What the image shows for the one model and measure a number is stated for."""

    model: str
    measure: str
    values: list[float]
    confidence: float | None = None  # lowest confidence of the cells read (0..100)
    readings: list[str] = field(default_factory=list)  # every reading of those cells


def _attributed(claim: Claim, evidence: Evidence) -> Attribution | None:
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


def _cell_poorly_read(found: Attribution | None, evidence: Evidence,
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


def _refuted_by_cells(found: Attribution | None, claim: Claim) -> bool:
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
        _printed_exactly(same, printed) for same in _same_in_other_units(claim))


def _check_attribution(claim: Claim, description: Description,
                       evidence: Evidence) -> Flag | None:
    """A number the image prints, given to a model the image shows with another value: a
    score moved from its model, a size or token count of another model."""
    found = _attributed(claim, evidence)
    if found is None or not found.values or claim.value is None:
        return None
    model, what, values = found.model, found.measure, found.values
    claimed = claim.value
    if (what, claim.quantity) in ((SIZE_MEASURE, "M"), (TOKENS_MEASURE, "B")):
        claimed /= 1000  # millions of parameters, billions of tokens
    slack = max(_tolerance(claim, evidence), abs(claimed) * APPROXIMATE_SHARE_OF_VALUE
                if claim.approximate else 0.0)
    if any(abs(claimed - value) <= slack for value in values):
        return None
    if what in (SIZE_MEASURE, TOKENS_MEASURE, ANY_MEASURE) and _in_own_row(claim, model,
                                                                          evidence):
        return None
    shown = ", ".join(f"{v:g}" for v in sorted(set(values)))
    cell = _cell_poorly_read(found, evidence, claim)
    if (evidence.poorly_read and not _refuted_by_cells(found, claim)) or cell is not None:
        return _unverified(claim, description, evidence,
                           f"gives {model} {claim.text} for {what}", "claim_contradicts_data",
                           confidence=cell, model=model, measure=what, shown=sorted(set(values)))
    return flag_claim("claim_contradicts_data", claim, description,
                      f"{description.model} gives {model} {claim.text} for {what}; the image shows "
                      f"{model} at {shown}", model=model, measure=what, claimed=claimed,
                      shown=sorted(set(values)))


def _check_range(claim: Claim, description: Description, evidence: Evidence,
                 others: Sequence[Description]) -> Flag | None:
    assert claim.value is not None and claim.high is not None
    values = evidence.values(measure_of(claim, evidence))
    if len(values) < 2:
        for end in (claim.value, claim.high):
            single = Claim("number", f"{end:g}", claim.sentence, value=end,
                           quantity="range", approximate=claim.approximate)
            flag = _check_number(single, description, evidence, others)
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


def _check_count(claim: Claim, description: Description, evidence: Evidence,
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


CHECKERS = {
    "quote": _check_quote, "entity": _check_entity, "number": _check_number,
    "range": _check_range, "count": _check_count, "superlative": check_superlative,
    "trend": check_trend, "comparison": check_comparison,
}
