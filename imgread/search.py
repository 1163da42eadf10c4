"""Full-text search over what images say (OCR text) and what models said about them
(descriptions, imported ones included), through the database's FTS5 index."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from .errors import ConfigError
from .store import SqliteStore


@dataclass(frozen=True)
class SearchHit:
    """One text that matches: the image (path and sha256, or the key an imported description
    waits under), what the text is ("ocr", a description kind, "imported simple"), the model
    or engine that wrote it, and the matching words in context, marked [like this]."""

    path: str
    sha256: str | None
    kind: str
    model: str
    snippet: str


def fts_query(text: str) -> str:
    """A query as people type it ("Meta AI") as FTS5 syntax: every word must occur, in any
    order. A query already written in FTS5 syntax (quotes, AND/OR/NOT, NEAR) is kept."""
    if re.search(r'"|\b(?:AND|OR|NOT|NEAR)\b|\*$', text):
        return text
    words = re.findall(r"\w+", text)
    return " ".join(f'"{word}"' for word in words)


def search(store: SqliteStore, text: str, limit: int = 50) -> list[SearchHit]:
    """The texts that match ``text``, best first. A description imported for an image and
    later attached to its record is listed once, under the image."""
    query = fts_query(text)
    if not query:
        raise ConfigError(f"search {text!r}: no words to search for",
                          hint='give one or more words, e.g. imgread search "Meta AI"')
    if hasattr(store, "search_texts"):  # PostgreSQL: its own full-text search
        found = store.search_texts(text, limit * 2)
    else:
        found = _search_fts5(store, text, query, limit * 2)
    attached = {(model, full) for _, _, kind, model, full, _ in found
                if not kind.startswith("imported")}
    hits = [SearchHit(path, sha, kind, model, " ".join(snippet.split()))
            for path, sha, kind, model, full, snippet in found
            if not (kind.startswith("imported") and (model, full) in attached)]
    return hits[:limit]


def _search_fts5(store: SqliteStore, text: str, query: str, limit: int) -> list[Any]:
    try:
        cursor = store.db.execute(
            "SELECT coalesce(i.path, p.path, s.key), i.sha256, s.kind, s.model, s.text,"
            " snippet(search_text, 3, '[', ']', '…', 16)"
            " FROM search_text s"
            " LEFT JOIN images i ON i.sha256 = s.key"
            " LEFT JOIN image_paths p ON p.path = s.key"
            " WHERE search_text MATCH ? ORDER BY rank, s.key, s.kind LIMIT ?",
            (query, limit))
        return cursor.fetchall()
    except sqlite3.OperationalError as error:
        raise ConfigError(f"search {text!r}: {error}",
                          hint="plain words need no quoting; FTS5 syntax: "
                               '"a phrase", word AND other, prefix*') from error
