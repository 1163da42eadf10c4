"""The report's first page: the leaderboard, each value linking to the images behind it and
conflicts marked, and a search over every image's OCR text and descriptions that runs in the
page, loading each page's data file (``report_pages``) only when someone searches."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from itertools import groupby
from pathlib import Path

from .leaderboard import Evidence, Line
from .record import Record

OPEN_BENCHMARKS = 3  # the benchmarks with the most lines are shown open
MAX_INDEXED_CHARS = 4000  # per text: the index stays small; the database has it all
MAX_LINKS = 5  # images linked per value; the rest are counted (`imgread leaderboard` lists all)


def _esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _links(evidence: Sequence[Evidence], link: Callable[[str], str]) -> str:
    shown = ", ".join(
        f'<a href="{_esc(link(e.sha256))}" title="{_esc(e.path)} · '
        f'{_esc(", ".join(e.read_as))}">{_esc(Path(e.path).name)}</a>'
        for e in evidence[:MAX_LINKS])
    more = len(evidence) - MAX_LINKS
    return shown + (f' <span class="note">and {more} more</span>' if more > 0 else "")


def _line_html(line: Line, link: Callable[[str], str]) -> str:
    others = "; ".join(f"{value:g} in {_links(evidence, link)}"
                       for value, evidence in line.disagreeing.items())
    mark = (f'<span class="badge conflict" title="images disagree">'
            f'{len(line.disagreeing) + 1} values</span> ' if line.conflicted else "")
    return (f'<tr class="{"conflict" if line.conflicted else ""}">'
            f"<td>{_esc(line.model)}</td><td>{_esc(line.setting)}</td>"
            f'<td class="num">{line.value:g}</td><td>{len(line.supporting)}</td>'
            f"<td>{_links(line.supporting, link)}</td><td>{mark}{others}</td></tr>")


def leaderboard_html(lines: Sequence[Line], link: Callable[[str], str]) -> str:
    """One collapsible table per benchmark, the benchmarks with the most models first and
    open; ``link`` gives the URL of an image's card."""
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
        rows = "".join(_line_html(line, link) for line in group)
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


def search_html(pages: int) -> str:
    """The search box and its results list; the data comes from the pages' data files."""
    return ('<form class="filters" id="search" role="search">'
            '<label>search OCR text and descriptions <input type="search" id="s-text" '
            'placeholder="e.g. Meta AI"></label><output id="s-count" aria-live="polite">'
            f'</output></form><ol id="s-results" class="search-results" data-pages="{pages}">'
            "</ol>")
