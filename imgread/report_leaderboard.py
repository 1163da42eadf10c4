"""The report's first page: the leaderboard, each value linking to the images behind it and
conflicts marked, and a search over every image's OCR text and descriptions that runs in the
page (a small JSON index; the page allows no inline script, and JSON is data, not script)."""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from itertools import groupby
from pathlib import Path

from .leaderboard import Evidence, Line
from .record import Record

OPEN_BENCHMARKS = 3  # the benchmarks with the most lines are shown open
MAX_INDEXED_CHARS = 4000  # per text: the index stays small; the database has it all


def _esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _links(evidence: Sequence[Evidence]) -> str:
    return ", ".join(
        f'<a href="#card-{_esc(e.sha256[:16])}" title="{_esc(e.path)} · '
        f'{_esc(", ".join(e.read_as))}">{_esc(Path(e.path).name)}</a>' for e in evidence)


def _line_html(line: Line) -> str:
    others = "; ".join(f"{value:g} in {_links(evidence)}"
                       for value, evidence in line.disagreeing.items())
    mark = (f'<span class="badge conflict" title="images disagree">'
            f'{len(line.disagreeing) + 1} values</span> ' if line.conflicted else "")
    return (f'<tr class="{"conflict" if line.conflicted else ""}">'
            f"<td>{_esc(line.model)}</td><td>{_esc(line.setting)}</td>"
            f'<td class="num">{line.value:g}</td><td>{len(line.supporting)}</td>'
            f"<td>{_links(line.supporting)}</td><td>{mark}{others}</td></tr>")


def leaderboard_html(lines: Sequence[Line]) -> str:
    """One collapsible table per benchmark, the benchmarks with the most models first and
    open."""
    if not lines:
        return '<p class="note">No benchmark scores read yet.</p>'
    groups = sorted(((benchmark, list(group)) for benchmark, group
                     in groupby(lines, key=lambda line: line.benchmark)),
                    key=lambda group: (-len(group[1]), group[0].lower()))
    busiest = {benchmark for benchmark, _ in groups[:OPEN_BENCHMARKS]}
    parts = []
    for benchmark, group in groups:
        conflicted = sum(line.conflicted for line in group)
        note = f", {conflicted} with disagreeing images" if conflicted else ""
        rows = "".join(_line_html(line) for line in group)
        parts.append(
            f'<details class="board"{" open" if benchmark in busiest else ""}>'
            f"<summary>{_esc(benchmark)} <span class=\"note\">({len(group)} models{note})"
            "</span></summary>"
            '<div class="scroll"><table class="leaderboard"><thead><tr><th>model</th>'
            "<th>setting</th><th>value</th><th>images</th><th>read in</th>"
            f"<th>other values</th></tr></thead><tbody>{rows}</tbody></table></div></details>")
    return "".join(parts)


def search_index(records: Sequence[Record]) -> list[dict[str, str]]:
    """Every OCR text and description, cut to MAX_INDEXED_CHARS, with the card it is on."""
    index = []
    for record in records:
        card = f"card-{record.image.sha256[:16]}"
        name = Path(record.image.path).name
        texts = [("OCR", record.ocr.text)] + [(f"{d.kind} by {d.model}", d.text)
                                              for d in record.descriptions]
        index += [{"card": card, "name": name, "what": what,
                   "text": " ".join(text.split())[:MAX_INDEXED_CHARS]}
                  for what, text in texts if text.strip()]
    return index


def search_html(records: Sequence[Record]) -> str:
    """The search box, its results list, and the index as a JSON data block."""
    data = json.dumps(search_index(records), ensure_ascii=False)
    # "<" as an escape, so no text can close the data block early.
    data = data.replace("<", "\\u003c")
    return ('<form class="filters" id="search" role="search">'
            '<label>search OCR text and descriptions <input type="search" id="s-text" '
            'placeholder="e.g. Meta AI"></label><output id="s-count" aria-live="polite">'
            '</output></form><ol id="s-results" class="search-results"></ol>'
            f'<script type="application/json" id="search-index">{data}</script>')
