"""Imports and reports under hostile or broken input: repeated, mixed, huge, deeply nested or
empty import files; images that cannot be read or decoded; report files cut short."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, render_table, report_html
from test_faults import without_root_privilege
from test_importer import OWN_TEXT

from imgread.batch import run
from imgread.cli import main
from imgread.importer import MAX_DESCRIPTION_CHARS, MAX_IMPORT_BYTES
from imgread.report import write_report
from imgread.report_card import PNG_END
from imgread.store import open_store


def imported_count(db: Path) -> int:
    with open_store(str(db), read_only=True) as store:
        return int(store.db.execute("SELECT count(*) FROM imported_descriptions").fetchone()[0])


def test_importing_one_file_three_times_stores_it_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = tmp_path / "000_0123456789abcdef.txt"
    seed.write_text(OWN_TEXT)
    db = tmp_path / "db.sqlite"
    for _ in range(3):
        assert main(["import", "--db", str(db), str(seed)]) == 0
    assert imported_count(db) == 2
    assert "0 new description(s), 2 already stored" in capsys.readouterr().out


def test_a_bad_file_among_good_ones_imports_nothing_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "000_0123456789abcdef.txt"
    good.write_text(OWN_TEXT)
    bad = tmp_path / "bad.json"
    bad.write_text('{"model": "m"')
    db = tmp_path / "db.sqlite"
    assert main(["import", "--db", str(db), str(good), str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.json: import: not valid imgread JSON" in err
    assert "Nothing was imported (1 of 2 file(s) refused)" in err
    assert imported_count(db) == 0


@pytest.mark.parametrize(("content", "message"), [
    ("", "the file is empty"),
    ("  \n\n", "the file is empty"),
    ("[" * 100_000, "the JSON is nested too deeply"),
    ('{"a": ' * 50_000 + "1" + "}" * 50_000, "the JSON is nested too deeply"),
])
def test_empty_and_deeply_nested_files_get_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    path = tmp_path / "odd.json"
    path.write_text(content)
    assert main(["import", "--db", str(tmp_path / "db.sqlite"), str(path)]) == 2
    err = capsys.readouterr().err
    assert f"odd.json: import: {message}" in err and "Traceback" not in err


def test_import_size_limits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("w") as handle:
        handle.write("qwen2-vl-2b\n")
        handle.write(("a table of numbers " * 1000 + "\n") * (MAX_IMPORT_BYTES // 19_000 + 1))
    assert main(["import", "--db", str(tmp_path / "db.sqlite"), str(huge)]) == 2
    assert f"over the {MAX_IMPORT_BYTES:,}-byte limit" in capsys.readouterr().err

    long = tmp_path / "long.json"
    long.write_text(json.dumps({"model": "m", "kind": "simple",
                                "prompt": {"name": "p", "sha256": ""},
                                "text": "x" * (MAX_DESCRIPTION_CHARS + 1)}))
    assert main(["import", "--db", str(tmp_path / "db.sqlite"), str(long)]) == 2
    assert f"over the {MAX_DESCRIPTION_CHARS:,} limit" in capsys.readouterr().err


# --- the report -------------------------------------------------------------------------


@pytest.fixture()
def reported(tmp_path: Path) -> Path:
    shots = tmp_path / "shots"
    shots.mkdir()
    render_table(shots / "a.png", ["model", "MMLU"], [["Mistral 7B", "60.1"]])
    render_table(shots / "b.png", ["model", "GSM8K"], [["Llama 2 13B", "28.7"]])
    out = tmp_path / "out"
    run(shots, out_dir=out, workers=1, progress=False, report=False)
    return out


def test_an_unreadable_image_never_stops_the_report(reported: Path, tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    (shots / "a.png").chmod(0o000)
    try:
        result = subprocess.run(
            [*without_root_privilege(), sys.executable, "-m", "imgread.cli", "report", "--out",
             str(reported)], env={**os.environ, "PYTHONPATH": str(REPO)},
            capture_output=True, text=True, timeout=120)
    finally:
        (shots / "a.png").chmod(0o644)
    assert result.returncode == 0, result.stderr
    page = report_html(reported)
    assert "a.png could not be read (Permission denied)" in page
    assert len(list((reported / "report" / "images").glob("*.png"))) == 1  # b.png's


def test_a_file_that_exists_but_does_not_decode_is_not_called_missing(tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    shots.mkdir()
    whole = render_table(tmp_path / "whole.png", ["model", "MMLU"], [["Mistral 7B", "60.1"]])
    (shots / "cut.png").write_bytes(whole.read_bytes()[:300])
    out = tmp_path / "out"
    run(shots, out_dir=out, workers=1, progress=False)
    page = report_html(out)
    assert "exists but could not be decoded" in page
    assert "was not found" not in page


def test_report_files_are_replaced_whole(reported: Path) -> None:
    with open_store(str(reported / "results.sqlite"), read_only=True) as store:
        index = write_report(reported, store)
        thumbnails = sorted((reported / "report" / "images").glob("*.png"))
        assert len(thumbnails) == 2
        # A thumbnail cut short by a kill is written again, not reused forever.
        thumbnails[0].write_bytes(thumbnails[0].read_bytes()[:200])
        # index.html is replaced, never written in place: a file linked to it keeps its text.
        other = reported / "kept.html"
        other.write_text("an earlier page")
        index.unlink()
        os.link(other, index)
        write_report(reported, store)
    assert thumbnails[0].read_bytes().endswith(PNG_END)
    assert other.read_text() == "an earlier page"
    assert "<html" in index.read_text()
    leftovers = [p for p in (reported / "report").rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []
