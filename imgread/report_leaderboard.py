"""The report's first page: the leaderboard, each value linking to the images behind it and
conflicts marked, and a search over every image's OCR text and descriptions that runs in the
page, loading each page's data file (``report_pages``) only when someone searches."""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable, Sequence
from itertools import groupby
from pathlib import Path

from .leaderboard import Evidence, Line
from .record import Record

OPEN_BENCHMARKS = 3  # the benchmarks with the most lines are shown open on the overview
TOP_LINES = 25  # lines of an open benchmark on the overview; its own page has them all
BOARD_DIR = "leaderboard"
MAX_INDEXED_CHARS = 4000  # per text: the index stays small; the database has it all
MAX_LINKS = 5  # images linked per value; the rest are counted (`imgread leaderboard` lists all)


def esc(value: object) -> str:
    """Text from an image or a model, safe inside HTML text and attributes."""
    return html.escape("" if value is None else str(value), quote=True)


def _links(evidence: Sequence[Evidence], link: Callable[[str], str]) -> str:
    shown = ", ".join(
        f'<a href="{esc(link(e.sha256))}" title="{esc(e.path)} · '
        f'{esc(", ".join(e.read_as))}">{esc(Path(e.path).name)}</a>'
        for e in evidence[:MAX_LINKS])
    more = len(evidence) - MAX_LINKS
    return shown + (f' <span class="note">and {more} more</span>' if more > 0 else "")


def _line_html(line: Line, link: Callable[[str], str]) -> str:
    others = "; ".join(f"{value:g} in {_links(evidence, link)}"
                       for value, evidence in line.disagreeing.items())
    mark = (f'<span class="badge conflict" title="images disagree">'
            f'{len(line.disagreeing) + 1} values</span> ' if line.conflicted else "")
    return (f'<tr class="{"conflict" if line.conflicted else ""}">'
            f"<td>{esc(line.model)}</td><td>{esc(line.setting)}</td>"
            f'<td class="num">{line.value:g}</td><td>{len(line.supporting)}</td>'
            f"<td>{_links(line.supporting, link)}</td><td>{mark}{others}</td></tr>")


def benchmark_groups(lines: Sequence[Line]) -> list[tuple[str, list[Line]]]:
    """The lines by benchmark, the benchmarks with the most models first."""
    return sorted(((benchmark, list(group)) for benchmark, group
                   in groupby(lines, key=lambda line: line.benchmark)),
                  key=lambda group: (-len(group[1]), group[0].lower()))


def benchmark_file(benchmark: str) -> str:
    """The URL (from the report folder) of a benchmark's whole table: readable, and apart
    from every other benchmark's, whatever characters its name has."""
    slug = re.sub(r"[^a-z0-9]+", "-", benchmark.lower()).strip("-")[:40] or "benchmark"
    return f"{BOARD_DIR}/{slug}-{hashlib.sha256(benchmark.encode()).hexdigest()[:8]}.html"


def board_table(lines: Sequence[Line], link: Callable[[str], str]) -> str:
    """A benchmark's lines as a table; ``link`` gives the URL of an image's card."""
    rows = "".join(_line_html(line, link) for line in lines)
    return ('<div class="scroll"><table class="leaderboard"><thead><tr><th>model</th>'
            "<th>setting</th><th>value</th><th>images</th><th>read in</th>"
            f"<th>other values</th></tr></thead><tbody>{rows}</tbody></table></div>")


def _counts(group: Sequence[Line]) -> str:
    conflicted = sum(line.conflicted for line in group)
    return f"{len(group)} models" + (f", {conflicted} with disagreeing images"
                                     if conflicted else "")


def leaderboard_html(groups: Sequence[tuple[str, list[Line]]],
                     link: Callable[[str], str]) -> str:
    """The overview's leaderboard: the busiest benchmarks open, with their first lines, and
    every benchmark linking to its whole table (a page of its own), so the overview stays
    small however many models were read."""
    if not groups:
        return '<p class="note">No benchmark scores read yet.</p>'
    parts = []
    for benchmark, group in groups[:OPEN_BENCHMARKS]:
        more = (f'<p class="note"><a href="{esc(benchmark_file(benchmark))}">all '
                f"{len(group)} models →</a></p>")
        parts.append(
            f'<details class="board" open><summary>{esc(benchmark)} <span class="note">'
            f"({_counts(group)})</span></summary>{board_table(group[:TOP_LINES], link)}"
            f"{more}</details>")
    rest = [f'<tr><td><a href="{esc(benchmark_file(benchmark))}">{esc(benchmark)}</a></td>'
            f"<td>{_counts(group)}</td></tr>" for benchmark, group in groups[OPEN_BENCHMARKS:]]
    if rest:
        parts.append('<details class="board" open><summary>Every other benchmark '
                     f'<span class="note">({len(rest)})</span></summary><div class="scroll">'
                     '<table class="benchmarks"><thead><tr><th>benchmark</th><th>lines</th>'
                     f'</tr></thead><tbody>{"".join(rest)}</tbody></table></div></details>')
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
