"""Reconcile: one set of rows from OCR and VLM text, repairs with evidence, disagreements flagged.

Runs last. OCR tables (or, when no grid was found, the flat OCR text) give the primary rows;
chart points and each VLM's ``extract`` JSON confirm or contradict them, and the better
evidenced value wins. Then every prose statement of every description is checked against
what the image shows (see ``checks``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..config import Config, ReconcileSettings
from ..record import Chart, Description, Flag, Row, Score, Table
from ..units import normalise_model_name
from . import agreement, checks, sources, structure
from .evidence import Evidence, benchmark_key, doubtful_words, read_confidence

# Entries of ``Cell.readings`` that describe a reading rather than hold one.
NOT_TEXT_READINGS = {"numeric_confidence", "unread_ink"}

if TYPE_CHECKING:
    from ..work import Work


@dataclass
class Reconciled:
    rows: list[Row] = field(default_factory=list)
    scores: list[Score] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)


def reconcile_texts(
    ocr_text: str,
    descriptions: Sequence[Description],
    tables: Sequence[Table] = (),
    charts: Sequence[Chart] = (),
    settings: ReconcileSettings | None = None,
    table_rows: Sequence[Row] = (),
    table_scores: Sequence[Score] = (),
    ocr_confidence: float | None = None,
    doubtful_words: Sequence[tuple[str, float]] = (),
) -> Reconciled:
    """The whole reconciliation from text alone: no image, no OCR engine needed.

    ``table_rows`` and ``table_scores`` are readings already taken from the image's tables;
    when given they stand in for what the tables stage's helpers would read from ``tables``.
    ``ocr_confidence`` (0..100, ``evidence.read_confidence``) says how well the text was
    read: below ``evidence.UNREADABLE_CONFIDENCE`` a number or name the text lacks is
    "unverified" rather than an invention; None (unknown) trusts the text.
    ``doubtful_words`` (``evidence.doubtful_words``): what the OCR read with too little
    confidence, with that confidence; a name or quote that looks like one of them is
    "unverified" even on an image read well as a whole.
    """
    settings = settings or ReconcileSettings()
    tolerance = settings.number_tolerance
    ocr = sources.from_tables(tables)
    if table_rows or table_scores:
        ocr.rows, ocr.scores = list(table_rows), list(table_scores)
    if not ocr.rows and not ocr.scores:
        failures = ocr.flags
        ocr = sources.from_flat_text(ocr_text)
        ocr.flags = failures + ocr.flags
    chart = sources.from_charts(charts)
    result = Reconciled(flags=ocr.flags + chart.flags)
    primary_rows, other_rows = (ocr.rows, chart.rows) if ocr.rows else (chart.rows, [])
    rows, flags = sources.merge_rows(primary_rows, other_rows, tolerance)
    scores, score_flags = sources.merge_scores(ocr.scores, chart.scores, tolerance)
    result.flags += flags + score_flags
    prose = [d for d in descriptions if d.kind != "extract" and d.text.strip() and not d.error]
    for description in descriptions:
        if description.kind != "extract" or description.error:
            continue
        extracted = sources.from_extract(description)
        rows, flags = sources.merge_rows(rows, extracted.rows, tolerance)
        scores, score_flags = sources.merge_scores(scores, extracted.scores, tolerance)
        result.flags += flags + score_flags + _unconfirmed(description, rows, scores)
    # Statements are checked against each table's rows named from its column of names.
    checked_rows, checked_scores = structure.renamed(tables, rows, scores)
    ocr_rows, ocr_scores = structure.renamed(tables, ocr.rows, ocr.scores)
    evidence = Evidence(
        text=_image_text(ocr_text, tables, charts), rows=checked_rows, scores=checked_scores,
        charts=list(charts), columns=ocr.columns, tolerance=tolerance,
        quote_threshold=settings.quote_match_threshold, read_confidence=ocr_confidence,
        row_texts=_row_texts(ocr_rows, tables), cell_readings=_cell_readings(ocr_scores, tables),
        doubtful=list(doubtful_words),
    )
    for description in prose:
        others = [d for d in prose if d is not description]
        result.flags += checks.check_description(description, evidence, others)
        _confirm_from_prose(description, rows, tolerance)
    result.flags += agreement.models_disagree(prose, evidence)
    result.rows, result.scores = rows, scores
    return result


def _unconfirmed(description: Description, rows: list[Row], scores: list[Score]) -> list[Flag]:
    """Values only a VLM's extract gives: kept, but marked as read by nothing else."""
    source = f"vlm:{description.model}"
    alone = sum(1 for row in rows if row.sources == [source])
    alone += sum(1 for score in scores if score.sources == [source])
    if not alone:
        return []
    return [Flag(kind="low_confidence", severity="info", source=description.model,
                 message=f"{alone} row(s) or score(s) come from {description.model}'s "
                         "extract alone: neither OCR nor a chart read them",
                 evidence={"count": alone})]


def _image_text(ocr_text: str, tables: Sequence[Table], charts: Sequence[Chart]) -> str:
    """All the text the image is known to show: OCR, table cells, chart labels."""
    parts = [ocr_text]
    for table in tables:
        parts += table.columns
        parts += [cell.text for row in table.header_rows + table.body for cell in row]
        # Every engine's and pass's reading of a cell is evidence of what it prints: a
        # statement that matches the reading that lost the vote is not an invention.
        parts += [text for row in table.header_rows + table.body for cell in row
                  for name, text in cell.readings.items() if name not in NOT_TEXT_READINGS]
    for chart in charts:
        parts += [chart.title, *chart.annotations]
        parts += [axis.title for axis in chart.axes]
        parts += [series.name for series in chart.series]
        parts += [line.label for line in chart.reference_lines]
    return " ".join(part for part in parts if part)


def _row_texts(rows: Sequence[Row], tables: Sequence[Table]) -> dict[str, str]:
    """Each table model's printed line: every cell of its row (of its column where the table
    has models as columns), all readings. A size or token count a description gives a
    model is its own when it is printed there, whichever column the reader gave it to."""
    texts: dict[str, str] = {}
    for row in rows:
        where = row.evidence
        table_index = where.get("table")
        if not row.model or not isinstance(table_index, int) or table_index >= len(tables):
            continue
        body = tables[table_index].body
        if isinstance(where.get("row"), int) and where["row"] < len(body):
            cells = body[where["row"]]
        elif isinstance(where.get("col"), int):
            cells = [line[where["col"]] for line in body if where["col"] < len(line)]
        else:
            continue
        parts = [cell.text for cell in cells] + [text for cell in cells for name, text in
                                                 cell.readings.items()
                                                 if name not in NOT_TEXT_READINGS]
        key = normalise_model_name(row.model)
        texts[key] = " ".join(filter(None, [texts.get(key, ""), *parts]))
    return texts


def _cell_readings(
    scores: Sequence[Score], tables: Sequence[Table]
) -> dict[tuple[str, str], list[str]]:
    """Every reading of each score's cell, by (model, benchmark) key: what the engines and
    passes that lost the vote read there."""
    found: dict[tuple[str, str], list[str]] = {}
    for score in scores:
        where = score.evidence
        table_index = where.get("table")
        if not isinstance(table_index, int) or table_index >= len(tables):
            continue
        for line in tables[table_index].body:
            for cell in line:
                if (cell.row, cell.col) == (where.get("row"), where.get("col")):
                    key = (normalise_model_name(score.model), benchmark_key(score.benchmark))
                    found.setdefault(key, []).extend(
                        text for name, text in cell.readings.items()
                        if name not in NOT_TEXT_READINGS)
    return found


def _confirm_from_prose(description: Description, rows: list[Row], tolerance: float) -> None:
    """A range a description states that matches the rows' ends counts as its support."""
    for claim in checks.description_claims(description):
        if claim.kind == "range" and claim.quantity and claim.high is not None:
            values = [v for v in (claim.value, claim.high) if v is not None]
            sources.confirm_rows(rows, claim.quantity, values, f"vlm:{description.model}",
                                 tolerance)


def run(work: Work, config: Config) -> None:
    record = work.record
    result = reconcile_texts(record.ocr.text, record.descriptions, record.ocr.tables,
                             record.charts, config.reconcile,
                             ocr_confidence=read_confidence(record.ocr),
                             doubtful_words=doubtful_words(record.ocr))
    record.rows = result.rows
    record.scores = result.scores
    record.flags += result.flags
