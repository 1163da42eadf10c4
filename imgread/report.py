"""A static HTML report of the database: an overview, and one card per image on pages.

``index.html`` is the overview (leaderboard, search, status, throughput, the plot, the
conflicts and the list of pages): a few hundred KB whatever the number of images. The cards
are on ``pages/NNNN.html``, ``report_pages.PAGE_SIZE`` a page, and a page is written again
only when one of its images is new or changed (``report_pages``); each benchmark's whole
leaderboard table is a page of its own.

Everything is rendered here, server side, and every piece of text that came from an image or
a model goes through ``esc``; the pages also forbid inline scripts (Content-Security-Policy),
so text that reads like HTML shows as text and never runs. The folder works from disk with
no network: the CSS and JS are copied from ``report_assets/`` and the images are re-encoded
next to the pages.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .atomic import write_bytes, write_text
from .errors import ImgreadError
from .leaderboard import Line as LeaderboardLine
from .leaderboard import leaderboard
from .record import FLAG_KINDS, Flag, Record
from .report_card import (
    card_html,
    card_id,
    complete_png,
    filter_attrs,
    html_table,
    page_image,
)
from .report_leaderboard import (
    BOARD_DIR,
    benchmark_file,
    benchmark_groups,
    board_table,
    esc,
    leaderboard_html,
    search_html,
    search_index,
)
from .report_pages import (
    DATA_DIR,
    PAGE_SIZE,
    PAGES_DIR,
    PageEntry,
    data_file,
    data_script,
    layout_fingerprint,
    page_digest,
    page_file,
    page_name,
    read_manifest,
    remove_pages_after,
    write_manifest,
)
from .report_plot import PlotPoint, plot_points, plot_svg
from .store.conflict_queries import name_key
from .work import now_iso

if TYPE_CHECKING:
    from .store import SqliteStore

ASSETS = Path(__file__).with_name("report_assets")
ASSET_FILES = ("report.css", "report.js", "search.js")
MAX_CONFLICTS_SHOWN = 200  # on the overview; `imgread conflicts` lists them all
CSP = ("default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; "
       "base-uri 'none'; form-action 'none'")

# Where an image's card is, from the page that links to it.
CardLink = Callable[[str], str]


def anchor(sha256: str) -> str:
    """A link to a card on the same page."""
    return f"#{card_id(sha256)}"


# --- the overview --------------------------------------------------------------------


def chips(counts: dict[str, int], css: str) -> str:
    return " ".join(f'<span class="badge {css}-{esc(key)}">{esc(key)}: {n}</span>'
                    for key, n in counts.items()) or '<span class="note">none</span>'


def runs_html(runs: Sequence[dict[str, Any]]) -> str:
    if not runs:
        return '<p class="note">No runs recorded.</p>'
    rows = [[esc(run["started"]), esc(run["source"]), esc(run["todo"]), esc(run["processed"]),
             esc(run["ok"]), esc(run["partial"]), esc(run["failed"]),
             esc(f"{run['elapsed_s']:.1f}" if run["elapsed_s"] is not None else ""),
             esc(run["images_per_s"])] for run in runs[:10]]
    return html_table(["started", "folder", "to do", "processed", "ok", "partial", "failed",
                   "seconds", "images/s"], rows)


def conflicts_html(conflicts: Sequence[dict[str, Any]], link: CardLink = anchor) -> str:
    if not conflicts:
        return '<p class="note">No conflicts between images.</p>'

    def side(c: dict[str, Any], s: str) -> str:
        return (f'<a href="{esc(link(c[f"sha256_{s}"]))}">{esc(Path(c[f"path_{s}"]).name)}</a> '
                f'{c[f"value_{s}"]:g} <span class="note">({esc(", ".join(c[f"sources_{s}"]))})'
                "</span>")

    rows = [[esc(c["model"]), esc(c["benchmark"]), esc(c["setting"]), side(c, "a"),
             side(c, "b")] for c in conflicts[:MAX_CONFLICTS_SHOWN]]
    more = (f'<p class="note">{len(conflicts) - MAX_CONFLICTS_SHOWN} more: '
            "<code>imgread conflicts</code> lists them all.</p>"
            if len(conflicts) > MAX_CONFLICTS_SHOWN else "")
    return html_table(["model", "benchmark", "setting", "one image", "another image"], rows,
                  "conflicts") + more


def index_html(records: Sequence[Record]) -> str:
    rows = "".join(
        f"<tr {filter_attrs(r)}>"
        f'<td><a href="#{card_id(r.image.sha256)}">{esc(Path(r.image.path).name)}</a></td>'
        f'<td><span class="badge status-{esc(r.status)}">{esc(r.status)}</span></td>'
        f"<td>{len(r.rows)}</td><td>{len(r.scores)}</td><td>{len(r.descriptions)}</td>"
        f"<td>{len(r.flags)}</td></tr>"
        for r in records)
    return ('<div class="scroll index"><table id="index"><thead><tr><th>image</th>'
            "<th>status</th><th>rows</th><th>scores</th><th>descriptions</th><th>flags</th>"
            f"</tr></thead><tbody>{rows}</tbody></table></div>")


def options(values: Iterable[str], prefix: str = "") -> str:
    return "".join(f'<option value="{esc(prefix + v)}">{esc(v)}</option>' for v in values)


def filters_html(records: Sequence[Record]) -> str:
    statuses = sorted({r.status for r in records})
    kinds = sorted({f.kind for r in records for f in r.flags},
                   key=lambda k: (FLAG_KINDS.index(k) if k in FLAG_KINDS else 99, k))
    vlms = sorted({d.model for r in records for d in r.descriptions})
    read = sorted({m for r in records for m in [*(x.model for x in r.rows),
                                                 *(s.model for s in r.scores)] if m})
    return (
        '<form class="filters" id="filters" role="search">'
        '<label>file name <input type="search" id="f-name" placeholder="search"></label>'
        '<label>status <select id="f-status"><option value="">any</option>'
        f"{options(statuses)}</select></label>"
        '<label>flag <select id="f-flag"><option value="">any</option>'
        f"{options(kinds)}</select></label>"
        '<label>model <select id="f-model"><option value="">any</option>'
        f'<optgroup label="described by">{options(vlms, "vlm:")}</optgroup>'
        f'<optgroup label="reads model">{options(read, "read:")}</optgroup></select></label>'
        '<label>rows <select id="f-rows"><option value="">any</option>'
        '<option value="yes">has rows</option><option value="no">no rows</option></select>'
        '</label><output id="f-count" aria-live="polite"></output></form>'
    )


def head_html(title: str, base: str, scripts: Sequence[str]) -> str:
    """The page head: the CSP, the stylesheet and the report's own scripts (``base`` is the
    way from the page up to the report folder)."""
    tags = "".join(f'<script src="{base}assets/{name}" defer></script>' for name in scripts)
    return ('<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)}</title>"
            f'<link rel="stylesheet" href="{base}assets/report.css">{tags}</head><body>')


def pages_html(pages: Sequence[PageEntry]) -> str:
    """The overview's list of pages: which images each holds, by status, and their flags."""
    if not pages:
        return ""
    rows = [[f'<a href="{page_file(number)}">page {number}</a>',
             f"{esc(page.first)} … {esc(page.last)}", str(page.count),
             chips(page.statuses, "status"), str(sum(page.flags.values()))]
            for number, page in enumerate(pages, 1)]
    return html_table(["page", "images (first seen first)", "count", "status", "flags"], rows,
                  "pages")


def overview_html(pages: Sequence[PageEntry], board: str, points: Sequence[PlotPoint],
                  plotted_rows: int, runs: Sequence[dict[str, Any]],
                  conflicts: Sequence[dict[str, Any]], database: str, link: CardLink) -> str:
    """index.html: what a few MB can say about any number of images. The cards are on the
    pages; the search loads the pages' data files only when someone searches."""
    status_counts: Counter[str] = Counter()
    flag_counts: Counter[str] = Counter()
    for page in pages:
        status_counts.update(page.statuses)
        flag_counts.update(page.flags)
    images = sum(page.count for page in pages)
    plotted = (f"{len(points)} points from {plotted_rows} rows" if len(points) < plotted_rows
               else f"{plotted_rows} rows")
    return (
        head_html("imgread report", "", ["search.js"])
        + '<main><section class="overview" id="top"><h1>imgread report</h1>'
        f'<p class="meta">{images} images from {esc(database)} on {len(pages)} pages · '
        f"written {now_iso()}</p>"
        f'<h2 id="leaderboard">Leaderboard</h2>{board}'
        f"<h3>Search</h3>{search_html(len(pages))}"
        f'<div class="summary"><div><h3>Status</h3>'
        f'{chips(dict(status_counts.most_common()), "status")}</div>'
        f'<div><h3>Flags</h3>{chips(dict(flag_counts.most_common()), "kind")}</div></div>'
        f"<h3>Throughput</h3>{runs_html(runs)}"
        f"<h3>MMLU against parameters ({plotted})</h3>{plot_svg(points, link)}"
        f"<h3>Conflicts between images ({len(conflicts)})</h3>{conflicts_html(conflicts, link)}"
        f'<h3 id="pages">Images, page by page</h3>{pages_html(pages)}</section>'
        "</main></body></html>"
    )


def cards_page_html(number: int, records: Sequence[Record], cards: str, has_next: bool) -> str:
    """One page of cards, with the filters for its images and links to its neighbours."""
    links = ['<a href="../index.html">overview</a>']
    if number > 1:
        links.append(f'<a href="{page_name(number - 1)}.html" rel="prev">← page {number - 1}</a>')
    if has_next:
        links.append(f'<a href="{page_name(number + 1)}.html" rel="next">page {number + 1} →</a>')
    return (
        head_html(f"imgread report, page {number}", "../", ["report.js"])
        + f'<main><section class="overview" id="top"><nav class="pager">{" · ".join(links)}'
        f"</nav><h1>imgread report, page {number}</h1>"
        f'<p class="meta">{len(records)} images</p>'
        f"{filters_html(records)}{index_html(records)}</section>"
        f'<section class="cards">{cards}</section></main></body></html>'
    )


def copy_assets(target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name in ASSET_FILES:
        if not (ASSETS / name).is_file():
            raise ImgreadError(
                f"report: {ASSETS / name} is missing from the installed package",
                hint="reinstall imgread (pip install --force-reinstall imgread)",
            )
        write_bytes(target / name, (ASSETS / name).read_bytes())


def write_report(out_dir: Path, store: SqliteStore, page_size: int = PAGE_SIZE) -> Path:
    """Write ``out_dir/report``: ``index.html`` (the overview), the pages of cards that are
    new or changed since the last report, their data files, assets and images. Returns the
    index's path. Every file is replaced whole (``atomic``)."""
    root = out_dir / "report"
    for folder in ("images", PAGES_DIR, DATA_DIR, BOARD_DIR):
        (root / folder).mkdir(parents=True, exist_ok=True)
    copy_assets(root / "assets")
    # Images are looked for beside a database file too (a PostgreSQL store has none).
    search = [out_dir, *([store.path.parent] if isinstance(store.path, Path) else [])]
    layout = layout_fingerprint(page_size)
    before = read_manifest(root, layout)
    # Shown, not stored: conflicts come from the database's query, asked once.
    every_conflict = store.conflicts(include_ocr_errors=True)
    conflict_flags = store.all_conflict_flags(every_conflict)
    shas = store.shas_in_order_seen()
    where: dict[str, int] = {}
    pages: list[PageEntry] = []
    for start in range(0, len(shas), page_size):
        number = len(pages) + 1
        stored = store.record_texts_of(shas[start:start + page_size])
        chunk = [sha for sha in shas[start:start + page_size] if sha in stored]
        texts = [stored[sha] for sha in chunk]
        flags = [conflict_flags.get(sha, []) for sha in chunk]
        has_next = start + page_size < len(shas)
        digest = page_digest(layout, texts, flags, has_next)
        where.update(dict.fromkeys(chunk, number))
        kept = before[number - 1] if number <= len(before) else None
        if kept is not None and kept.digest == digest and _page_intact(root, number, chunk,
                                                                         kept.missing):
            pages.append(kept)
            continue
        pages.append(_write_page(root, number, texts, flags, has_next, search, digest))
    remove_pages_after(root, len(pages))
    write_manifest(root, layout, pages)

    def link(sha: str) -> str:
        return f"{page_file(where[sha])}#{card_id(sha)}" if sha in where else anchor(sha)

    conflicted = {(sha, name_key(flag.evidence.get("model"))) for sha, flags
                  in conflict_flags.items() for flag in flags
                  if name_key(flag.evidence.get("benchmark")) == "mmlu"}
    points, plotted_rows = plot_points(store.plot_rows(), conflicted)
    groups = benchmark_groups(leaderboard(store))
    _write_benchmark_pages(root, groups, link)
    index = root / "index.html"
    write_text(index, overview_html(
        pages, leaderboard_html(groups, link), points, plotted_rows, store.runs(),
        [c for c in every_conflict if c["likely_ocr_error"] is None], str(store.path), link))
    return index


def _write_benchmark_pages(root: Path, groups: Sequence[tuple[str, list[LeaderboardLine]]],
                           link: CardLink) -> None:
    """A page per benchmark with all its lines, written only when it reads differently;
    pages of benchmarks no longer read are removed."""
    written = set()
    for benchmark, lines in groups:
        target = root / benchmark_file(benchmark)
        written.add(target.name)
        page = (head_html(f"{benchmark}: imgread leaderboard", "../", [])
                + '<main><nav class="pager"><a href="../index.html#leaderboard">overview</a>'
                f"</nav><h1>{esc(benchmark)}</h1>"
                f'<p class="meta">{len(lines)} lines, each value with the images that read it'
                "</p>" + board_table(lines, lambda sha: f"../{link(sha)}")
                + "</main></body></html>")
        if not target.is_file() or target.read_text(encoding="utf-8") != page:
            write_text(target, page)
    for stale in (root / BOARD_DIR).glob("*.html"):
        if stale.name not in written:
            stale.unlink(missing_ok=True)


def _page_intact(root: Path, number: int, shas: Sequence[str], missing: Sequence[str]) -> bool:
    """A page's files are there, and so is every image it showed, whole."""
    return ((root / page_file(number)).is_file() and (root / data_file(number)).is_file()
            and all(complete_png(root / "images" / f"{sha[:16]}.png")
                    for sha in shas if sha not in missing))


def _write_page(root: Path, number: int, texts: Sequence[str],
                conflicts: Sequence[Sequence[Flag]], has_next: bool, search: Sequence[Path],
                digest: str) -> PageEntry:
    records = []
    cards = []
    missing = []
    for text, flags in zip(texts, conflicts, strict=True):
        record = Record.from_json(text)
        known = {flag.model_dump_json() for flag in record.flags}
        record.flags += [flag for flag in flags if flag.model_dump_json() not in known]
        url, why = page_image(record, root / "images", search)
        if url is None:
            missing.append(record.image.sha256)
        cards.append(card_html(record, None if url is None else f"../{url}", why))
        # The page's filters need no OCR words or tables: drop them before the next card.
        record.ocr.words, record.ocr.tables = [], []
        records.append(record)
    write_text(root / page_file(number),
               cards_page_html(number, records, "".join(cards), has_next))
    items = search_index(records)
    for item in items:
        item["href"] = f"{page_file(number)}#{item.pop('card')}"
    write_text(root / data_file(number), data_script(number, items))
    names = [Path(record.image.path).name for record in records]
    return PageEntry(
        digest=digest, count=len(records), first=names[0] if names else "",
        last=names[-1] if names else "",
        statuses=dict(Counter(str(r.status) for r in records).most_common()),
        flags=dict(Counter(f.kind for r in records for f in r.flags).most_common()),
        missing=missing)
