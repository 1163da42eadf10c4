"""Import descriptions produced elsewhere, so that nobody has to run the models again.

Two forms are read:

* the text form of the seed records: a ``First Seen`` line and an ISO time, then blocks,
  each headed by a line naming the tool or model (``tesseract-ocr``, ``llama3.2-vision``,
  ``simple-description (llama3.2-vision_11b)``, ``detailed-analysis (gemma3-27b-vision)``);
* imgread's own JSON: a whole record, one description, or a list of descriptions.

A bare model header's kind is decided from its text: lens headings make it a detailed
analysis, anything else a simple description. OCR blocks are kept for reference only: a run
on the image reads the text afresh.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from .errors import ImgreadError
from .record import Description, DescriptionKind, PromptRef, Record

# A header line: one token of a model or tool name, optionally "kind (model)".
_HEADER_RE = re.compile(
    r"^(?:(?P<kind>simple-description|detailed-analysis|extract|description|analysis)"
    r"\s*\((?P<model>[\w.:/@+-]+)\)|(?P<bare>[a-z][\w.:/@+-]*))\s*$",
    re.IGNORECASE,
)
_OCR_TOOLS = {"tesseract-ocr", "tesseract", "ocr", "rapidocr", "easyocr", "paddleocr"}
_KINDS: dict[str, DescriptionKind] = {
    "simple-description": "simple", "description": "simple",
    "detailed-analysis": "detailed", "analysis": "detailed", "extract": "extract",
}
_LENS_RE = re.compile(
    r"visual description|foucauldian|critical theory|marxist|postmodern|queer feminist", re.I
)
_HASH_IN_NAME_RE = re.compile(r"(?<![0-9a-f])([0-9a-f]{12,64})(?![0-9a-f])")


# An import file holds a few descriptions of a few KB each; these bounds keep one hostile or
# mistaken file from costing a run minutes (every description is searched and highlighted).
MAX_IMPORT_BYTES = 8 * 1024 * 1024
MAX_DESCRIPTION_CHARS = 256 * 1024


class ImportStore(Protocol):
    def add_imported_many(
        self, entries: Sequence[tuple[str, Description, str | None, str]]
    ) -> list[bool]: ...


@dataclass
class ImportedRecord:
    source_file: str
    first_seen: str | None = None
    descriptions: list[Description] = field(default_factory=list)
    ocr_text: str = ""  # the producer's OCR, for reference
    key: str | None = None  # the image path or hash named by the file
    stored: int = 0  # descriptions new to the database (the others were imported before)


def _kind_from_text(text: str) -> DescriptionKind:
    if len({m.group(0).lower()[:6] for m in _LENS_RE.finditer(text)}) >= 3:
        return "detailed"
    stripped = text.strip()
    return "extract" if stripped[:1] in "[{" or stripped.startswith("```json") else "simple"


def _is_header(line: str, known: set[str]) -> re.Match[str] | None:
    """A block header is a line of one name; prose never is."""
    match = _HEADER_RE.match(line.strip())
    if not match:
        return None
    bare = match.group("bare")
    if bare and not (bare.lower() in known or re.search(r"[\d_.-]", bare)):
        return None
    return match


def _describe(model: str, kind: DescriptionKind, text: str, source: str) -> Description:
    prompt = PromptRef(name=f"imported:{kind}", sha256="")
    description = Description(model=model, kind=kind, prompt=prompt, text=text.strip(),
                              backend="import", imported_from=source)
    if kind == "detailed":
        lenses, missing = _split_lenses(description.text)
        description.lenses, description.missing_lenses = lenses, missing
    return description


def _split_lenses(text: str) -> tuple[dict[str, str | None], list[str]]:
    try:
        from .vlm.lenses import split_lenses
    except ImportError:
        return {}, []
    lenses, missing = split_lenses(text)
    return dict(lenses), list(missing)


def parse_text(text: str, source: str) -> ImportedRecord:
    """The seeds' text form (see the module docstring)."""
    record = ImportedRecord(source_file=source)
    lines = text.splitlines()
    position = 0
    if lines and lines[0].strip().lower() == "first seen":
        record.first_seen = lines[1].strip() if len(lines) > 1 else None
        position = 2
    blocks: list[tuple[re.Match[str], list[str]]] = []
    for line in lines[position:]:
        header = _is_header(line, _OCR_TOOLS)
        if header is not None:
            blocks.append((header, []))
        elif blocks:
            blocks[-1][1].append(line)
        elif line.strip():
            raise ImgreadError(
                f"{source}: import: text before the first model header: {line[:60]!r}",
                hint="each block must start with a line naming the tool or model, "
                     "e.g. 'simple-description (llama3.2-vision)'",
            )
    for header, body in blocks:
        content = "\n".join(body).strip()
        model = header.group("model") or header.group("bare")
        if model.lower() in _OCR_TOOLS:
            record.ocr_text = content
            continue
        kind = _KINDS.get((header.group("kind") or "").lower()) or _kind_from_text(content)
        if content:
            record.descriptions.append(_describe(model, kind, content, source))
    return record


def parse_json(data: Any, source: str) -> ImportedRecord:
    """imgread's JSON: a record, a description, or a list of descriptions."""
    if isinstance(data, dict) and "descriptions" in data:
        record = Record.from_dict(data)
        imported = ImportedRecord(source_file=source, first_seen=record.image.first_seen or None,
                                  ocr_text=record.ocr.text,
                                  key=record.image.sha256 or record.image.path or None)
        items: list[Any] = [d.model_dump() for d in record.descriptions]
    else:
        imported = ImportedRecord(source_file=source)
        items = data if isinstance(data, list) else [data]
    for item in items:
        description = Description.model_validate(item)
        description.imported_from = source
        imported.descriptions.append(description)
    return imported


def _read_at_most(path: Path, limit: int) -> bytes:
    """A regular file's bytes, refused past ``limit``. Counted as read, not from the size the
    file claims: /dev/zero claims none and never ends, and a FIFO (opened without waiting
    for a writer) is refused before it is read."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(errno.EINVAL, "not a regular file (a pipe, socket or device)",
                          str(path))
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ImgreadError(
            f"{path}: import: the file is over the {limit:,}-byte limit for one import file",
            hint="split it into smaller files, one image's descriptions each")
    return data


def parse_seed_file(path: Path) -> ImportedRecord:
    """One file in either form, chosen by its content."""
    try:
        text = _read_at_most(path, MAX_IMPORT_BYTES).decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ImgreadError(f"{path}: import: cannot read the file ({error})",
                           hint="pass a UTF-8 text or JSON file") from error
    stripped = text.lstrip()
    if not stripped:
        raise ImgreadError(f"{path}: import: the file is empty",
                           hint="pass a file of descriptions (the text form with model "
                                "headers, or imgread JSON)")
    if stripped[0] in "[{":
        try:
            record = parse_json(json.loads(stripped), str(path))
        except RecursionError as error:
            raise ImgreadError(f"{path}: import: the JSON is nested too deeply to be a record",
                               hint="export records with `imgread export`") from error
        except (json.JSONDecodeError, ValueError) as error:
            raise ImgreadError(f"{path}: import: not valid imgread JSON ({error})",
                               hint="export records with `imgread export`, or use the "
                                    "text form with model headers") from error
    else:
        record = parse_text(text, str(path))
    if not record.descriptions:
        raise ImgreadError(f"{path}: import: no descriptions found",
                           hint="blocks must be headed by a model name line")
    for description in record.descriptions:
        if len(description.text) > MAX_DESCRIPTION_CHARS:
            raise ImgreadError(
                f"{path}: import: a description by {description.model} is "
                f"{len(description.text):,} characters, over the {MAX_DESCRIPTION_CHARS:,} "
                "limit", hint="a description is a few thousand characters; check the file")
    return record


def key_for(path: Path, record: ImportedRecord, image: str | None) -> str:
    """What the descriptions attach to: the image given, else the hash in the file name."""
    if image:
        return image
    if record.key:
        return record.key
    found = _HASH_IN_NAME_RE.search(path.stem.lower())
    if found:
        return found.group(1)
    return hashlib.sha256(path.read_bytes()).hexdigest()


def import_files(
    paths: Sequence[Path], store: ImportStore, image: str | None = None
) -> list[ImportedRecord]:
    """Parse every file, then store all their descriptions under their image keys in one
    transaction: a bad file stores nothing (the message lists every bad file), and a
    description already stored is not stored again."""
    imported: list[ImportedRecord] = []
    problems: list[ImgreadError] = []
    for path in paths:
        try:
            record = parse_seed_file(path)
            record.key = key_for(path, record, image)
        except ImgreadError as error:
            problems.append(error)
            continue
        imported.append(record)
    if problems:
        first = problems[0]
        raise ImgreadError(
            "; ".join(str(problem) for problem in problems)
            + f". Nothing was imported ({len(problems)} of {len(paths)} file(s) refused)",
            hint=first.hint + "; then import the files again" if first.hint else "",
        )
    entries = [(record.key or "", description, record.first_seen, record.source_file)
               for record in imported for description in record.descriptions]
    new = iter(store.add_imported_many(entries))
    for record in imported:
        record.stored = sum(next(new) for _ in record.descriptions)
    return imported
