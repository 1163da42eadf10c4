"""What a run has to do: the walked files hashed, copies folded into one item, images
already recorded under the same settings skipped (a rerun resumes), and each image that is
left handed on with its earlier record."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..config import Config
from ..engines.worker import imports_digest
from ..record import Record
from ..store import RecordedImage, SqliteStore
from .summary import RunSummary
from .walk import Item, hash_item

# How many hashed images are looked up in the database at once: enough to make the query
# cheap per image, few enough that the first image starts at once.
LOOKUP_BATCH = 32


class WorkQueue:
    """Hashes the walked files, drops the copies and the images already recorded, and hands
    on the rest one by one, each with its earlier record (fetched only now) for reuse.

    What it keeps for the whole run is one 16-byte key per distinct image seen (to know a
    copy found later) and the images queued or in the workers; nothing else grows."""

    def __init__(self, store: SqliteStore, config: Config, config_hash: str, force: bool,
                 vlm_redo: list[str], summary: RunSummary) -> None:
        self.store, self.config, self.config_hash = store, config, config_hash
        self.force, self.vlm_redo, self.summary = force, vlm_redo, summary
        self.seen: set[bytes] = set()
        self.queued: dict[str, Item] = {}  # handed on, not yet written
        self.rewrite = False  # a record already in the JSONL changed: rewrite it at the end
        self.servers_checked = False

    def todo(self, paths: Iterable[Path]) -> Iterator[Item]:
        batch: dict[str, Item] = {}
        for path in paths:
            self.summary.seen += 1
            item = hash_item(path)
            key = bytes.fromhex(item.sha256[:32]) if item.error is None else None
            if item.sha256 in batch:
                batch[item.sha256].paths.append(path)
                self.summary.duplicates += 1
                continue
            if key is not None and key in self.seen:
                self.summary.duplicates += 1
                self._seen_again(item.sha256, path)
                continue
            if key is not None:
                self.seen.add(key)
            self.summary.distinct += 1
            batch[item.sha256] = item
            if len(batch) >= LOOKUP_BATCH:
                yield from self._decide(batch)
                batch = {}
        yield from self._decide(batch)

    def written(self, item: Item) -> None:
        self.queued.pop(item.sha256, None)

    def _decide(self, batch: dict[str, Item]) -> Iterator[Item]:
        readable = [sha for sha, item in batch.items() if item.error is None]
        recorded = {} if self.force or self.vlm_redo else self.store.recorded(
            readable, self.config_hash)
        for sha, item in batch.items():
            if self._already_recorded(item, recorded.get(sha)):
                continue
            if item.error is None:
                previous = self.store.previous(sha)
                if previous is not None:
                    item.previous, item.first_seen, _ = previous
                if self.config.vlm.models and not self.servers_checked:
                    from ..vlm import check_servers

                    check_servers(self.config.vlm.models, self.config.vlm)  # stops here
                    self.servers_checked = True
            self.queued[sha] = item
            yield item

    def _already_recorded(self, item: Item, recorded: RecordedImage | None) -> bool:
        if recorded is None or item.error is not None:
            return False
        imported, _ = self.store.imported_for(item.import_keys())
        if recorded.imports_digest != imports_digest([d.model_dump_json() for d in imported]):
            return False
        if self.config.vlm.models:
            previous = self.store.get(item.sha256)
            if previous is None or _vlm_failed(previous):
                return False
        self.summary.already_recorded += 1
        for path in item.paths:
            if str(path) not in recorded.paths:
                self._add_path(item.sha256, path)
        return True

    def _seen_again(self, sha: str, path: Path) -> None:
        """A copy of bytes met earlier in this run: queued ones take the path with them;
        for written or already recorded ones, the stored record is given it."""
        if sha in self.queued:
            self.queued[sha].paths.append(path)
        else:
            self._add_path(sha, path)

    def _add_path(self, sha: str, path: Path) -> None:
        previous = self.store.previous(sha)
        if previous is None:
            return
        record = Record.from_json(previous[0])
        if str(path) in record.image.paths:
            return
        record.image.paths = sorted({*record.image.paths, str(path)})
        self.store.put(record, previous[2])
        self.rewrite = True


def _vlm_failed(record: Record) -> bool:
    """A model failed on this image last time (server down, missing dependency): retry it."""
    from ..vlm import needs_retry

    return needs_retry(record)
