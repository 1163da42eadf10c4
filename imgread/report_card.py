"""One image's card in the report: its picture (re-encoded beside the pages), its texts with
the flagged spans marked, the tables, charts, rows and scores read, and its flags, repairs
and errors. Every piece of text from an image or a model goes through ``esc``."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

from .atomic import replacing
from .config import LoadSettings
from .conflicts import CONFLICT_KIND
from .errors import ImgreadError
from .images import open_image, sha256_file
from .record import Cell, Chart, Description, Flag, Record, Table
from .report_leaderboard import esc
from .store.conflict_queries import name_key

MAX_IMAGE_SIDE = 1600  # px; larger images are shrunk for the page, boxes scale with them
LOW_CONFIDENCE = 60.0  # OCR confidence (0..100) under which a word or cell is marked
MAX_CHART_POINTS = 300  # per chart in a card; the database has them all
MAX_EVIDENCE_CHARS = 160
# Stages whose flags point at OCR text rather than at a model's words ("chart:line" too).
OCR_SOURCES = {"", "ocr", "table", "tables", "chart", "charts", "reconcile", "store"}


def card_id(sha256: str) -> str:
    return f"card-{sha256[:16]}"


def number(value: float | None, digits: int = 3) -> str:
    return "" if value is None else f"{value:.{digits}g}" if abs(value) < 1 else f"{value:g}"


# --- images --------------------------------------------------------------------------


# A PNG ends with its IEND chunk: a file cut short by a kill does not.
PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"


def complete_png(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            handle.seek(-len(PNG_END), 2)
            return handle.read() == PNG_END
    except OSError:
        return False


def page_image(record: Record, images_dir: Path, search: Sequence[Path]) -> tuple[str | None, str]:
    """Write the normalised image next to the page (once per sha, atomically; a copy cut
    short is written again). Returns its relative URL, or None and why there is none: one
    image that cannot be read never stops the report."""
    name = f"{record.image.sha256[:16]}.png"
    target = images_dir / name
    if complete_png(target):
        return f"images/{name}", ""
    missing = (f"The image file was not found (or changed since it was read) at "
               f"{record.image.path}.")
    for candidate in _candidates(record, search):
        try:
            if not candidate.is_file() or sha256_file(candidate) != record.image.sha256:
                continue  # moved, or changed since it was read: its boxes would not fit
        except OSError as error:
            missing = f"The image file {candidate} could not be read ({error.strerror or error})."
            continue
        try:
            image, _ = open_image(candidate, LoadSettings())
        except ImgreadError as error:
            return None, f"The image file exists but could not be decoded: {error}"
        image.thumbnail((MAX_IMAGE_SIDE, MAX_IMAGE_SIDE))
        try:
            with replacing(target, binary=True) as handle:
                image.save(handle, format="PNG")
        except OSError as error:
            return None, (f"The image could not be written to the report folder "
                          f"({error.strerror or error}).")
        return f"images/{name}", ""
    return None, missing


def _candidates(record: Record, search: Sequence[Path]) -> Iterable[Path]:
    for path in dict.fromkeys([record.image.path, *record.image.paths]):
        if path:
            yield Path(path)
            yield from (base / path for base in search)


# --- flagged text --------------------------------------------------------------------


def span_positions(text: str, span: str | None) -> list[tuple[int, int]]:
    """Where ``span`` occurs in ``text``, ignoring case and runs of white space."""
    words = (span or "").split()
    if not words:
        return []
    pattern = r"\s+".join(re.escape(word) for word in words)
    return [(m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE)]


def flag_reason(flag: Flag) -> str:
    return f"{flag.kind} ({flag.severity}): {flag.message}"


def highlight(text: str, flags: Sequence[Flag]) -> str:
    """Escaped ``text`` with every flagged span marked, its reasons on hover and focus.

    Overlapping spans are split into segments, each carrying every reason that covers it.
    """
    spans = [(start, end, flag) for flag in flags
             for start, end in span_positions(text, flag.span)]
    bounds = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    # A sweep over the bounds: spans open and close as it passes, so a long text with many
    # matches costs the number of segments, not segments times spans.
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    for index, (s, e, _) in enumerate(spans):
        opening.setdefault(s, []).append(index)
        closing.setdefault(e, []).append(index)
    active: set[int] = set()
    parts = []
    for start, end in pairwise(bounds):
        active.difference_update(closing.get(start, ()))
        active.update(opening.get(start, ()))
        covering = [spans[index][2] for index in sorted(active)]
        segment = esc(text[start:end])
        if covering:
            reasons = esc("\n".join(dict.fromkeys(flag_reason(flag) for flag in covering)))
            worst = max(covering, key=lambda f: ("info", "warning", "error").index(f.severity))
            segment = (f'<mark class="flag sev-{esc(worst.severity)}" tabindex="0" '
                       f'title="{reasons}" data-tip="{reasons}">{segment}</mark>')
        parts.append(segment)
    return "".join(parts)


def from_ocr(flag: Flag) -> bool:
    return flag.source.lower().split(":", 1)[0] in OCR_SOURCES


def source_model(source: str) -> str:
    """The model a flag's source names: 'vlm:gemma3:simple' and 'gemma3' both give gemma3."""
    parts = source.lower().split(":")
    return parts[1] if parts[0] == "vlm" and len(parts) > 1 else parts[0]


def flags_for(description: Description, models: set[str], flags: Sequence[Flag]) -> list[Flag]:
    """The flags to mark in this description: those whose source is its model, and those
    from no known model that quote it. ``models`` are the record's description models."""
    model = description.model.lower()
    return [f for f in flags if not from_ocr(f) and (
        source_model(f.source) == model
        or (source_model(f.source) not in models and span_positions(description.text, f.span)))]


def repair_pair(flag: Flag) -> tuple[str, str]:
    """The before and after of an OCR repair, from whichever evidence keys it carries."""
    evidence = flag.evidence
    for before, after in (("before", "after"), ("raw", "repaired"), ("from", "to"),
                          ("ocr", "value"), ("original", "repaired")):
        if before in evidence and after in evidence:
            return str(evidence[before]), str(evidence[after])
    return flag.span or "", flag.message


# --- card sections -------------------------------------------------------------------


def html_table(head: Sequence[str], rows: Iterable[Sequence[str]], css: str = "") -> str:
    """An HTML table; ``head`` is plain text, ``rows`` hold already-escaped cells."""
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>"
                   for row in rows)
    header = "".join(f"<th>{esc(name)}</th>" for name in head)
    return (f'<div class="scroll {css}"><table class="{css}"><thead><tr>{header}</tr></thead>'
            f"<tbody>{body}</tbody></table></div>")


def figure(record: Record, image_url: str | None, missing: str = "") -> str:
    info = record.image
    if image_url is None:
        return f'<p class="missing">{esc(missing or "The image file was not found.")}</p>'
    boxes = "".join(
        f'<rect class="{"low" if word.confidence < LOW_CONFIDENCE else "word"}" '
        f'x="{word.box.x1}" y="{word.box.y1}" width="{word.box.width}" '
        f'height="{word.box.height}"><title>{esc(word.text)} ({word.confidence:.0f}%)'
        "</title></rect>"
        for word in record.ocr.words
    )
    return (
        '<div class="figure-tools">'
        f'<label><input type="checkbox" class="toggle-boxes" checked> OCR word boxes '
        f"({len(record.ocr.words)})</label> "
        '<button type="button" data-zoom="out" aria-label="zoom out">−</button>'
        '<button type="button" data-zoom="fit">fit</button>'
        '<button type="button" data-zoom="in" aria-label="zoom in">+</button></div>'
        '<div class="figure"><div class="canvas">'
        f'<img src="{esc(image_url)}" alt="{esc(Path(info.path).name)}" loading="lazy" '
        f'width="{info.width}" height="{info.height}">'
        f'<svg class="boxes" viewBox="0 0 {info.width} {info.height}" '
        f'preserveAspectRatio="none" aria-hidden="true">{boxes}</svg></div></div>'
    )


def cell_html(cell: Cell) -> str:
    """A cell's text as read; its confidence, value and every reading on hover."""
    tip = f"confidence {cell.confidence:.0f}%"
    if cell.value is not None:
        tip += f"; value {cell.value:g}"
    if cell.readings:
        tip += "; readings: " + ", ".join(f"{k}={v}" for k, v in cell.readings.items())
    css = ' class="low"' if cell.confidence < LOW_CONFIDENCE else ""
    return f'<span{css} title="{esc(tip)}">{esc(cell.text)}</span>'


def table_html(table: Table, position: int) -> str:
    """A table as read: its header rows as the head (the flattened columns if none)."""
    head = "".join(
        "<tr>" + "".join(f"<th>{cell_html(c)}</th>"
                         for c in row) + "</tr>"
        for row in table.header_rows
    ) or "<tr>" + "".join(f"<th>{esc(column)}</th>" for column in table.columns) + "</tr>"
    body = "".join(
        "<tr>" + "".join(f"<td>{cell_html(c)}</td>"
                         for c in row) + "</tr>"
        for row in table.body
    )
    settings = [s for s in table.settings if s]
    note = f" — settings: {esc(', '.join(settings))}" if settings else ""
    return (f"<h4>Table {position + 1}: {table.n_rows}×{table.n_cols}, "
            f"{esc(table.method or 'unknown method')}{note}</h4>"
            f'<div class="scroll"><table class="read"><thead>{head}</thead>'
            f"<tbody>{body}</tbody></table></div>")


def chart_html(chart: Chart, position: int) -> str:
    axes = "; ".join(f"{esc(a.orientation)}: {esc(a.title) or '(untitled)'} ({esc(a.scale)}, "
                     f"{len(a.ticks)} ticks)" for a in chart.axes)
    points = [(series, point) for series in chart.series for point in series.points]
    rows = [[esc(series.name), esc(point.x), number(point.y), esc(point.label),
             f"{point.confidence:.2f}"] for series, point in points[:MAX_CHART_POINTS]]
    more = (f'<p class="note">{len(points) - MAX_CHART_POINTS} more points are in the '
            "database.</p>") if len(points) > MAX_CHART_POINTS else ""
    refs = "; ".join(f"{esc(r.orientation)} {esc(r.label)} {number(r.value)}"
                     for r in chart.reference_lines)
    return (f"<h4>Chart {position + 1}: {esc(chart.kind)} {esc(chart.title)}</h4>"
            f'<p class="note">Axes: {axes or "none read"}'
            + (f"; reference lines: {refs}" if refs else "") + "</p>"
            + html_table(["series", "x", "y", "label", "confidence"], rows) + more)


def sources_html(sources: Sequence[str], source: str) -> str:
    return esc(", ".join(sources) or source)


def conflict_note(conflicts: dict[tuple[str, str], list[Flag]], model: str, benchmark: str) -> str:
    flags = conflicts.get((name_key(model), name_key(benchmark)), [])
    if not flags:
        return ""
    tip = esc("\n".join(flag.message for flag in flags))
    return f' <mark class="flag conflict" tabindex="0" title="{tip}" data-tip="{tip}">≠</mark>'


def conflict_index(record: Record) -> dict[tuple[str, str], list[Flag]]:
    index: dict[tuple[str, str], list[Flag]] = {}
    for flag in record.flags:
        if flag.kind == CONFLICT_KIND:
            key = (name_key(flag.evidence.get("model")), name_key(flag.evidence.get("benchmark")))
            index.setdefault(key, []).append(flag)
    return index


def rows_html(record: Record) -> str:
    if not record.rows:
        return ""
    conflicts = conflict_index(record)
    rows = [[esc(row.index), esc(row.model) + conflict_note(conflicts, row.model, "MMLU"),
             number(row.params_b) + (" (from name)" if row.params_from_name else ""),
             number(row.tokens_t), number(row.mmlu), esc(row.source),
             sources_html(row.sources, row.source), f"{row.confidence:.2f}"]
            for row in record.rows]
    return ("<h3>Rows</h3>" + html_table(
        ["#", "model", "params (B)", "tokens (T)", "MMLU", "source", "sources", "confidence"],
        rows))


def scores_html(record: Record) -> str:
    if not record.scores:
        return ""
    conflicts = conflict_index(record)
    rows = [[esc(s.model) + conflict_note(conflicts, s.model_normalised or s.model, s.benchmark),
             esc(s.benchmark), esc(s.setting), f"{number(s.value)}{esc(s.unit)}",
             esc(s.source), sources_html(s.sources, s.source), f"{s.confidence:.2f}"]
            for s in record.scores]
    return "<h3>Scores</h3>" + html_table(
        ["model", "benchmark", "setting", "value", "source", "sources", "confidence"], rows)


def texts_html(record: Record) -> str:
    """The OCR text beside each model's descriptions, flagged spans highlighted."""
    ocr_flags = [f for f in record.flags if from_ocr(f)]
    ocr_text = highlight(record.ocr.text, ocr_flags)
    columns = [f'<div class="text-col"><h4>OCR text ({esc(record.ocr.engine or "none")})</h4>'
               f'<pre class="text">{ocr_text or "<em>no text read</em>"}</pre></div>']
    models = {description.model.lower() for description in record.descriptions}
    by_model: dict[str, list[Description]] = {}
    for description in record.descriptions:
        by_model.setdefault(description.model, []).append(description)
    for model, descriptions in by_model.items():
        blocks = []
        for description in descriptions:
            text = highlight(description.text, flags_for(description, models, record.flags))
            origin = (f' <span class="origin">imported from '
                      f"{esc(Path(description.imported_from).name)}</span>"
                      if description.imported_from else "")
            error = (f'<p class="error">{esc(description.error)}</p>'
                     if description.error else "")
            blocks.append(f"<h5>{esc(description.kind)}{origin}</h5>{error}"
                          f'<div class="text">{text}</div>')
        columns.append(f'<div class="text-col"><h4>{esc(model)}</h4>{"".join(blocks)}</div>')
    if not record.descriptions:
        reason = record.vlm.reason or "no descriptions"
        columns.append(f'<div class="text-col"><h4>VLM</h4><p class="note">{esc(reason)}</p>'
                       "</div>")
    return '<h3>OCR and descriptions</h3><div class="texts">' + "".join(columns) + "</div>"


def flags_html(record: Record) -> str:
    if not record.flags:
        return ""
    rows = [[f'<span class="sev-{esc(f.severity)}">{esc(f.severity)}</span>', esc(f.kind),
             esc(f.source), esc(f.message), esc(f.span), evidence_html(f.evidence)]
            for f in record.flags]
    return "<h3>Flags</h3>" + html_table(
        ["severity", "kind", "source", "message", "span", "evidence"], rows, "flags")


def evidence_html(evidence: dict[str, Any]) -> str:
    """Evidence as short key: value lines; long values are cut, the database has them whole."""
    lines = []
    for key, value in evidence.items():
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        if len(text) > MAX_EVIDENCE_CHARS:
            text = text[:MAX_EVIDENCE_CHARS] + "…"
        lines.append(f"<b>{esc(key)}</b>: {esc(text)}")
    return '<span class="evidence">' + "<br>".join(lines) + "</span>"


def repairs_html(record: Record) -> str:
    repairs = [flag for flag in record.flags if flag.kind == "ocr_repaired"]
    if not repairs:
        return ""
    items = "".join(
        f'<li><code class="before">{esc(before)}</code> → <code class="after">{esc(after)}'
        f"</code> <span class=\"note\">{esc(flag.message)}</span></li>"
        for flag in repairs for before, after in [repair_pair(flag)])
    return f'<h3>OCR repairs</h3><ul class="repairs">{items}</ul>'


def errors_html(record: Record) -> str:
    if not record.errors:
        return ""
    items = "".join(f"<li><b>{esc(e.stage)}</b>: {esc(e.message)}"
                    + (f' <span class="note">— {esc(e.hint)}</span>' if e.hint else "") + "</li>"
                    for e in record.errors)
    return f'<h3>Errors</h3><ul class="errors">{items}</ul>'


def filter_attrs(record: Record) -> str:
    """The data-* attributes the page's filters read (report.js), shared by card and index."""
    vlms = sorted({d.model for d in record.descriptions})
    read = sorted({r.model for r in record.rows if r.model}
                  | {s.model for s in record.scores if s.model})
    kinds = " ".join(sorted({flag.kind for flag in record.flags}))
    return (f'data-status="{esc(record.status)}" data-flags="{esc(kinds)}" '
            f'data-vlms="{esc(json.dumps(vlms))}" data-read="{esc(json.dumps(read))}" '
            f'data-rows="{len(record.rows)}" '
            f'data-name="{esc(Path(record.image.path).name.lower())}"')


def card_html(record: Record, image_url: str | None, missing: str = "") -> str:
    info = record.image
    tables = "".join(table_html(t, i) for i, t in enumerate(record.ocr.tables))
    charts = "".join(chart_html(c, i) for i, c in enumerate(record.charts))
    timing = sum(record.timings_ms.values()) / 1000
    return (
        f'<article class="card status-{esc(record.status)}" id="{card_id(info.sha256)}" '
        f"{filter_attrs(record)}>"
        f'<header><h2><a href="#{card_id(info.sha256)}">{esc(Path(info.path).name)}</a></h2>'
        f'<span class="badge status-{esc(record.status)}">{esc(record.status)}</span>'
        f'<a class="top" href="#top">overview ↑</a></header>'
        f'<p class="meta">{esc(info.path)} · {info.width}×{info.height} {esc(info.format)} · '
        f"{info.bytes:,} bytes · sha256 <code>{esc(info.sha256[:16])}</code> · "
        f"read {esc(record.processed_at)} in {timing:.1f} s · {len(record.flags)} flags</p>"
        f'<div class="card-body"><div class="left">{figure(record, image_url, missing)}</div>'
        f'<div class="right">{rows_html(record)}{scores_html(record)}{repairs_html(record)}'
        f"{errors_html(record)}</div></div>"
        + (f"<h3>Tables and charts read</h3>{tables}{charts}" if tables or charts else "")
        + texts_html(record) + flags_html(record) + "</article>"
    )
