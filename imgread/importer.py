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

import hashlib
import json
import re
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


class ImportStore(Protocol):
    def add_imported(
        self, key: str, description: Description, first_seen: str | None, source_file: str
    ) -> None: ...


@dataclass
class ImportedRecord:
    source_file: str
    first_seen: str | None = None
    descriptions: list[Description] = field(default_factory=list)
    ocr_text: str = ""  # the producer's OCR, for reference
    key: str | None = None  # the image path or hash named by the file


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


def parse_seed_file(path: Path) -> ImportedRecord:
    """One file in either form, chosen by its content."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ImgreadError(f"{path}: import: cannot read the file ({error})",
                           hint="pass a UTF-8 text or JSON file") from error
    stripped = text.lstrip()
    if stripped[:1] in "[{":
        try:
            return parse_json(json.loads(stripped), str(path))
        except (json.JSONDecodeError, ValueError) as error:
            raise ImgreadError(f"{path}: import: not valid imgread JSON ({error})",
                               hint="export records with `imgread export`, or use the "
                                    "text form with model headers") from error
    record = parse_text(text, str(path))
    if not record.descriptions:
        raise ImgreadError(f"{path}: import: no descriptions found",
                           hint="blocks must be headed by a model name line")
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
    """Parse every file and store its descriptions under its image key."""
    imported = []
    for path in paths:
        record = parse_seed_file(path)
        record.key = key_for(path, record, image)
        for description in record.descriptions:
            store.add_imported(record.key, description, record.first_seen, str(path))
        imported.append(record)
    return imported
