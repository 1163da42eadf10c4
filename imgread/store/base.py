"""What every part of a store shares: its error, how long a write waits for a lock, and the
attributes and transaction the parts of a store class (``sqlite.py``, ``postgres.py``) work
through."""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from ..errors import ImgreadError

# How long a write waits for another process's lock before it gives up with a message.
BUSY_TIMEOUT_S = 60.0


class StoreError(ImgreadError):
    """The database cannot be opened, upgraded or queried as asked."""


class Connected:
    """The state the store's parts (reads, runs, imports, summaries, conflict queries) act
    on; the engine's class sets it and brings the transaction."""

    db: Any  # a sqlite3 connection, or postgres_sql.PgConnection with the same few calls
    path: Path  # shown in messages and stats (a PostgreSQL URL without its password)
    aliases: str  # the benchmark alias text the normalised tables were derived with
    busy_timeout_s: float

    def _transaction(self) -> AbstractContextManager[Any]:
        """All the writes inside it, or none of them."""
        raise NotImplementedError
