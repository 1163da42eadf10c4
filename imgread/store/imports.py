"""Descriptions produced elsewhere (``imgread import``), kept by the key they were given
for (a path or a sha256) until a run attaches them to their image."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..record import Description
from .base import Connected


class ImportedDescriptions(Connected):
    def add_imported_many(
        self, entries: Sequence[tuple[str, Description, str | None, str]]
    ) -> list[bool]:
        """Store imported descriptions in one transaction, all or none; one already stored
        under the same key is not stored again (importing a file twice changes nothing).
        Returns, per entry, whether it was new."""
        added: list[bool] = []
        with self._transaction():
            for key, description, first_seen, source_file in entries:
                text = description.model_dump_json()
                if self.db.execute(
                    "SELECT 1 FROM imported_descriptions WHERE key = ? AND description_json = ?",
                    (key, text),
                ).fetchone():
                    added.append(False)
                    continue
                self.db.execute(
                    "INSERT INTO imported_descriptions (key, first_seen, description_json,"
                    " source_file) VALUES (?, ?, ?, ?)",
                    (key, first_seen, text, source_file),
                )
                index_imported(self.db, key, description)
                added.append(True)
        return added

    def imported_for(self, keys: list[str]) -> tuple[list[Description], str | None]:
        """Descriptions imported for any of ``keys`` (paths, sha256); the earliest first-seen."""
        if not keys:
            return [], None
        marks = ",".join("?" * len(keys))
        rows = self.db.execute(
            f"SELECT description_json, first_seen FROM imported_descriptions "
            f"WHERE key IN ({marks}) ORDER BY id",
            keys,
        ).fetchall()
        descriptions = [Description.model_validate(json.loads(text)) for text, _ in rows]
        seen = sorted(first for _, first in rows if first)
        return descriptions, (seen[0] if seen else None)


def index_imported(db: Any, key: str, description: Description) -> None:
    """Imported text is searchable before any run attaches it to its image."""
    if description.text:
        db.execute("INSERT INTO search_text VALUES (?, ?, ?, ?)",
                   (key, f"imported {description.kind}", description.model, description.text))
