"""What an image is known to contain, gathered once per record for checking a VLM's
statements: its OCR text, rows, scores, charts and numbers, and how well its text was read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..record import Chart, OcrResult, Row, Score

ROW_FIELD = {"params": "params_b", "tokens": "tokens_t", "mmlu": "mmlu"}
# The benchmark of a score whose column's name the table reader did not read.
UNNAMED_COLUMN_RE = re.compile(r"column \d+")
INDEX_LIMIT = 1000  # an index column's numbers stay below this (Elo ratings do not)

# Below this OCR confidence (0..100, see ``read_confidence``) the image's text was not read
# well enough for a number or name missing from it to mean the VLM invented it: such a
# finding is "unverified" (info), not "number_not_in_image" / "entity_not_in_image".
# Measured with ``benchmarks/flags.py --ocr`` (14 real and sample images, true and
# invented statements; two runs while the OCR stages were changing): accusations on the
# images read at 43, 61 and 67 were 0.63-0.77 precise, on the eleven read at 73 and above
# 0.96. 65 takes precision from 0.88-0.92 to 0.96 and recall from 0.91 to 0.81; 70 gives
# the same precision but also silences the image at 67 (11 true accusations, 1 false):
# recall 0.74.
UNREADABLE_CONFIDENCE = 65.0


def compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


# Letters and digits OCR takes for one another in names ("TruthfuIQA", "GSM8K" as "GSMBK"
# is too far): compared as one.
_CONFUSABLE = str.maketrans({"i": "l", "1": "l", "0": "o"})


def fold(compacted: str) -> str:
    """A compacted name with its OCR-confusable letters made one: "truthfuiqa" is
    "truthfulqa"."""
    return compacted.translate(_CONFUSABLE)


def benchmark_key(name: str) -> str:
    """A benchmark's name without its metric or footnote: "AIME 2024 (Pass@1)" -> "alme2o24"
    (confusable letters folded, ``fold``)."""
    return fold(compact(re.sub(r"\(.*?\)", "", name)) or compact(name))


# Metric and setting words a column header may add after a benchmark's name ("TruthfulQA
# mc2", "MMLU acc", "GSM8K 8-shot", "HumanEval pass@1"): prose names the benchmark without.
_METRIC_WORDS_RE = re.compile(
    r"(?:\s+(?:mc\d|acc(?:uracy|_norm)?|norm|em|f1|pass@\d*|\d+-?shots?|avg|cot|[↑↓*†‡]+))+\s*$",
    re.I,
)


def benchmark_named(name: str, sentence_compact: str) -> bool:
    """Whether a sentence (compacted) names a benchmark column, with or without the metric
    words its header adds."""
    keys = {benchmark_key(name), benchmark_key(_METRIC_WORDS_RE.sub("", name))}
    return any(key and key in fold(sentence_compact) for key in keys)


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:\.[0-9]+)?", text.lower())


@dataclass
class Evidence:
    """What the image is known to contain, gathered once per record."""

    text: str
    rows: list[Row] = field(default_factory=list)
    scores: list[Score] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    numbers: list[float] = field(default_factory=list)
    tolerance: float = 0.051
    quote_threshold: float = 0.75
    read_confidence: float | None = None  # how well the text was read, 0..100; None: unknown
    unreadable_below: float = UNREADABLE_CONFIDENCE
    models: list[str] = field(default_factory=list)  # model names the image prints
    row_texts: dict[str, str] = field(default_factory=dict)  # model key -> its printed row
    # (model key, benchmark key) -> every engine's and pass's reading of that score's cell
    cell_readings: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    doubtful: list[tuple[str, float]] = field(default_factory=list)  # words read poorly
    # Score columns of the image's tables whose name was not read ("column 4"): a benchmark
    # the text lacks may be one of them.
    unnamed_columns: int = 0

    def __post_init__(self) -> None:
        self.compact = compact(self.text)
        self.folded = fold(self.compact)
        self.words = words(self.text)
        self.numbers = self.numbers or numbers_in(self.text, self.rows, self.scores, self.charts)
        self.unnamed_columns = self.unnamed_columns or unnamed_score_columns(self.scores)
        self.models = self.models or sorted(
            {r.model for r in self.rows if r.model.strip()}
            | {s.model for s in self.scores if s.model.strip()}
            | {series.name for chart in self.charts for series in chart.series
               if series.name.strip()})

    @property
    def poorly_read(self) -> bool:
        """The image's text was read with too little confidence to vouch for what it lacks."""
        return self.read_confidence is not None and self.read_confidence < self.unreadable_below

    def has_text(self, surface: str) -> bool:
        return bool(compact(surface)) and compact(surface) in self.compact

    def quote_match(self, quote: str) -> tuple[float, str]:
        """How well a quote matches the image text (0..1), and the best matching span."""
        if self.has_text(quote):
            return 1.0, quote
        wanted = words(quote)
        if not wanted or not self.words:
            return 0.0, ""
        target = " ".join(wanted)
        stems = {part for w in wanted for part in (w[:3], w[-3:])}
        best, span = 0.0, ""
        for size in {max(1, len(wanted) - 1), len(wanted), len(wanted) + 1}:
            for start in range(max(1, len(self.words) - size + 1)):
                if not any(w[:3] in stems or w[-3:] in stems
                           for w in self.words[start : start + size]):
                    continue  # nothing in common with the quote: cannot reach the threshold
                window = " ".join(self.words[start : start + size])
                ratio = SequenceMatcher(None, target, window, autojunk=False).ratio()
                if ratio > best:
                    best, span = ratio, window
        return best, span

    def has_number(self, value: float, approximate: bool = False,
                   tolerance: float | None = None) -> bool:
        """``tolerance``: how far a printed number may lie from the value (default: the
        evidence's own, ``tolerance_for`` gives one for a number as written)."""
        exact = self.tolerance if tolerance is None else tolerance
        tolerance = max(exact, abs(value) * 0.05) if approximate else exact
        if any(abs(value - known) <= tolerance for known in self.numbers):
            return True
        # a chart value measured from its marks shows any number within its uncertainty
        return any(
            p.provenance == "measured" and p.y is not None and p.uncertainty is not None
            and abs(value - p.y) <= p.uncertainty
            for chart in self.charts for series in chart.series for p in series.points
        )

    def values(self, quantity: str | None) -> list[float]:
        """Every value of one quantity: a row field, a benchmark's scores, or an axis' ticks."""
        if quantity is None:
            return []
        if quantity in ROW_FIELD:
            found = [getattr(r, ROW_FIELD[quantity]) for r in self.rows]
            values = [v for v in found if v is not None]
            if values or quantity != "mmlu":
                return values
        if quantity in ("x_axis", "y_axis"):
            orientation = quantity[0]
            return [tick.value for chart in self.charts for axis in chart.axes
                    if axis.orientation == orientation for tick in axis.ticks]
        wanted = benchmark_key(quantity)
        return [s.value for s in self.scores if s.value is not None
                and (wanted == "score" or benchmark_key(s.benchmark) == wanted)]


def unnamed_score_columns(scores: list[Score]) -> int:
    """How many columns of the image's tables hold scores under a name the reader did not
    read. An unnamed column of distinct small whole numbers (1..n, or a data frame's index
    of a sorted or sampled frame) is an index, not a benchmark."""
    columns: dict[str, list[float]] = {}
    for score in scores:
        if score.source != "chart" and UNNAMED_COLUMN_RE.fullmatch(score.benchmark):
            columns.setdefault(score.benchmark, []).extend(
                [] if score.value is None else [score.value])
    return sum(1 for values in columns.values()
               if len(set(values)) < len(values)
               or not all(v == int(v) and 0 <= v < INDEX_LIMIT for v in values))


def tolerance_for(written: str, default: float) -> float:
    """How far a printed number may lie from a number as written: half a unit of its last
    decimal where it gives more than one ("0.5930" is not the 0.5575 of another cell,
    though both are within the one-decimal default), else the default."""
    found = re.search(r"\d+\.(\d+)", written)
    decimals = len(found.group(1)) if found else 0
    return min(default, 0.5 * 10.0**-decimals + 1e-9) if decimals > 1 else default


def numbers_in(
    text: str, rows: list[Row], scores: list[Score], charts: list[Chart]
) -> list[float]:
    found = [float(n.replace(",", "")) for n in re.findall(r"\d+(?:\.\d+)?", text)]
    # "1,500" is also fifteen hundred (its pieces stay: "80,7" may be a decimal comma)
    found += [float(n.replace(",", "")) for n in re.findall(r"(?<![\d.,])\d{1,3}(?:,\d{3})+"
                                                           r"(?:\.\d+)?(?![\d,])", text)]
    for row in rows:
        found += [v for v in (row.params_b, row.tokens_t, row.mmlu) if v is not None]
    found += [s.value for s in scores if s.value is not None]
    for chart in charts:
        found += [tick.value for axis in chart.axes for tick in axis.ticks]
        found += [p.y for series in chart.series for p in series.points if p.y is not None]
        found += [p.x for series in chart.series for p in series.points
                  if isinstance(p.x, int | float)]
    return found


def read_confidence(ocr: OcrResult) -> float | None:
    """How well the image's text was read, 0..100: the OCR words' mean confidence, or the
    mean of its tables' body cells where that is lower (a table's numbers are in its cells,
    and a title read well does not vouch for them). None when there are no words: text
    that did not come from this OCR (an import, a test) has no confidence to judge by."""
    if not ocr.words:
        return None
    confidence = ocr.mean_confidence
    cells = [cell.confidence for table in ocr.tables for row in table.body for cell in row
             if cell.text.strip()]
    if cells:
        confidence = min(confidence, sum(cells) / len(cells))
    return round(confidence, 1)


# How much a missing name or quote must look like a word the OCR read poorly ("MMU" for
# MMLU, "GsMsK" for GSM8K: 0.8-0.86) to say the image may show it.
DOUBTFUL_LIKENESS = 0.75


def doubtful_words(ocr: OcrResult) -> list[tuple[str, float]]:
    """Words and table cells the OCR read with too little confidence to vouch for what the
    image lacks (compacted, with their confidence): where a name may hide misread."""
    found = [(compact(w.text), w.confidence) for w in ocr.words
             if w.confidence < UNREADABLE_CONFIDENCE]
    found += [(compact(text), cell.confidence) for table in ocr.tables
              for row in table.header_rows + table.body for cell in row
              if cell.confidence < UNREADABLE_CONFIDENCE
              for text in (cell.text, *cell.readings.values())]
    return [(text, confidence) for text, confidence in found if len(text) >= 2]
