"""How the report is cut into pages and kept up to date: the bookkeeping, no HTML.

Cards go to ``pages/NNNN.html``, ``PAGE_SIZE`` images a page, in the order the images were
first seen, so a new image lands on the last page and earlier pages keep their content. Each
page has a data file ``data/NNNN.js`` (its images' names, filters and texts) that the index's
search loads only when someone searches. A manifest beside them (``.pages.json``) keeps each
page's digest (its records' stored JSON, the conflicts shown on them, the layout): a page
whose digest is unchanged, and whose files and images are all there, is not written again
(a page whose image went missing from the report folder is).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .atomic import write_text
from .record import Flag

PAGE_SIZE = 100  # images (cards) a page: a page of real records is a few MB
MANIFEST = ".pages.json"
PAGES_DIR, DATA_DIR = "pages", "data"


@dataclass
class PageEntry:
    """What the index shows about a page, and the digest it was written from."""

    digest: str
    count: int
    first: str
    last: str
    statuses: dict[str, int] = field(default_factory=dict)
    flags: dict[str, int] = field(default_factory=dict)
    # Images that could not be shown when it was written: looked for again only when the
    # page changes (or the report is written afresh), not on every report.
    missing: list[str] = field(default_factory=list)


def page_name(number: int) -> str:
    return f"{number:04d}"


def page_file(number: int) -> str:
    """The page's URL relative to the report folder."""
    return f"{PAGES_DIR}/{page_name(number)}.html"


def data_file(number: int) -> str:
    return f"{DATA_DIR}/{page_name(number)}.js"


def layout_fingerprint(page_size: int) -> str:
    """Changes whenever the pages would be drawn differently: the page size, or the code
    and assets that draw them (so an upgraded imgread rewrites every page once)."""
    digest = hashlib.sha256(str(page_size).encode())
    here = Path(__file__).parent
    for source in sorted([here / "report.py", here / "report_pages.py",
                          *(here / "report_assets").glob("*")]):
        digest.update(source.read_bytes())
    return digest.hexdigest()


def page_digest(layout: str, texts: Sequence[str], conflicts: Sequence[Sequence[Flag]],
                has_next: bool) -> str:
    """The digest a page is written from: its records as stored, the conflict flags shown
    on them (asked of the database, not stored in the records), and whether a next page
    exists (the page links to it)."""
    digest = hashlib.sha256(f"{layout} {has_next}".encode())
    for text, flags in zip(texts, conflicts, strict=True):
        digest.update(hashlib.sha256(text.encode()).digest())
        digest.update(json.dumps([flag.model_dump(mode="json") for flag in flags],
                                 sort_keys=True).encode())
    return digest.hexdigest()


def read_manifest(root: Path, layout: str) -> list[PageEntry]:
    """The pages as last written; none when the manifest is missing, unreadable or from
    another layout (then every page is written again)."""
    try:
        saved = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
        if saved.get("layout") != layout:
            return []
        return [PageEntry(**entry) for entry in saved["pages"]]
    except (OSError, ValueError, TypeError, KeyError):
        return []


def write_manifest(root: Path, layout: str, pages: Sequence[PageEntry]) -> None:
    write_text(root / MANIFEST, json.dumps(
        {"layout": layout, "pages": [asdict(page) for page in pages]}, ensure_ascii=False))


def data_script(number: int, items: list[dict[str, Any]]) -> str:
    """A page's data as a script the index loads on demand (a page opened from disk cannot
    fetch files, but it may load its own scripts). The data is a JSON literal handed to one
    function: text from images stays a string, never code."""
    data = json.dumps(items, ensure_ascii=False)
    return f"imgreadShard({number}, {data});\n"


def remove_pages_after(root: Path, count: int) -> None:
    """Pages (and their data) past the last one, left by a database that has fewer images
    now, so that no stale card stays reachable."""
    for folder, suffix in ((PAGES_DIR, ".html"), (DATA_DIR, ".js")):
        for path in (root / folder).glob(f"*{suffix}"):
            if path.stem.isdigit() and int(path.stem) > count:
                path.unlink(missing_ok=True)
