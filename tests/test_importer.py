"""Import of descriptions produced elsewhere: the seeds' text form and imgread's JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from imgread.errors import ImgreadError
from imgread.importer import import_files, parse_seed_file
from imgread.record import Description, PromptRef, Record
from imgread.store import SqliteStore

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"

# The text form, written for these tests.
OWN_TEXT = """First Seen
2025-01-02T03:04:05+00:00
tesseract-ocr
Small Table params mmlu 7 45.3 13 54.8
qwen2-vl-2b
A small table with two models and their MMLU scores.
detailed-analysis (smolvlm-256m)
**Visual Description**
Two rows of numbers.
**Foucauldian Genealogical Discourse Analysis**
Not applicable.
**Critical Theory**
Not applicable.
**Marxist Conflict Theory**
Not applicable.
"""


def seed_path(prefix: str) -> Path:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip("shared/seeds is not beside the repository")
    return found[0]


def test_own_text_form(tmp_path: Path) -> None:
    path = tmp_path / "0123456789abcdef.txt"
    path.write_text(OWN_TEXT)
    record = parse_seed_file(path)
    assert record.first_seen == "2025-01-02T03:04:05+00:00"
    assert record.ocr_text.startswith("Small Table")
    assert [(d.model, d.kind) for d in record.descriptions] == [
        ("qwen2-vl-2b", "simple"), ("smolvlm-256m", "detailed")]
    assert all(d.imported_from == str(path) and d.backend == "import" for d in record.descriptions)


def test_seed_000_blocks() -> None:
    path = seed_path("000")
    record = parse_seed_file(path)
    text = path.read_text()
    assert record.first_seen and record.first_seen in text.splitlines()[1]
    # A bare model header: lens headings make it detailed, plain prose simple.
    assert [(d.model, d.kind) for d in record.descriptions] == [
        ("gemma3-27b-vision", "detailed"), ("llama3.2-vision", "simple")]
    assert record.ocr_text and record.ocr_text in text
    assert all(d.text in text for d in record.descriptions)


def test_seed_001_blocks() -> None:
    record = parse_seed_file(seed_path("001"))
    assert [(d.model, d.kind) for d in record.descriptions] == [
        ("llama3.2-vision_11b", "simple"), ("gemma3-27b-vision", "detailed"),
        ("llama3.2-vision", "simple")]
    assert "Mistral" in record.ocr_text


@pytest.mark.parametrize("prefix", ["002", "003"])
def test_junk_pages_are_refused_with_the_file_name(prefix: str) -> None:
    path = seed_path(prefix)
    with pytest.raises(ImgreadError, match=re.escape(path.name)) as error:
        parse_seed_file(path)
    assert error.value.hint


def test_json_forms(tmp_path: Path) -> None:
    description = Description(model="m", kind="simple",
                              prompt=PromptRef(name="simple", sha256="ab"), text="A table.")
    single = tmp_path / "one.json"
    single.write_text(description.model_dump_json())
    assert parse_seed_file(single).descriptions[0].text == "A table."
    record = Record(descriptions=[description])
    record.image.sha256 = "f" * 64
    record.image.first_seen = "2024-01-01T00:00:00+00:00"
    whole = tmp_path / "record.json"
    whole.write_text(record.to_json())
    parsed = parse_seed_file(whole)
    assert parsed.key == "f" * 64 and parsed.first_seen == "2024-01-01T00:00:00+00:00"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"model": "m"}))
    with pytest.raises(ImgreadError, match=re.escape("broken.json")):
        parse_seed_file(broken)


def test_import_files_stores_under_the_hash_in_the_name_or_the_image(tmp_path: Path) -> None:
    path = tmp_path / "000_0123456789abcdef.txt"
    path.write_text(OWN_TEXT)
    with SqliteStore(tmp_path / "db.sqlite") as store:
        imported = import_files([path], store)
        assert imported[0].key == "0123456789abcdef"
        found, first_seen = store.imported_for(["0123456789abcdef"])
        assert [d.model for d in found] == ["qwen2-vl-2b", "smolvlm-256m"]
        assert first_seen == "2025-01-02T03:04:05+00:00"
        import_files([path], store, image="samples/table.png")
        found, _ = store.imported_for(["samples/table.png"])
        assert len(found) == 2 and found[0].imported_from == str(path)
