"""The results database's tests, run on both engines: SQLite and a real PostgreSQL server
that the tests start (tests/pg_server.py). Also: two runs at once into one database, and
passwords that never show.

The store tests of test_store.py that need no SQLite-only SQL are imported here, so they run
once more for each engine with this module's ``store`` fixture.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from conftest import render_table
from pg_server import PASSWORD, Server, postgres_server  # noqa: F401  (a fixture)
from test_readonly import ENDLESS
from test_store import (  # noqa: F401  (collected again, here on both engines)
    make_record,
    test_a_bare_size_or_token_count_is_compared_only_where_plausible,
    test_a_lost_decimal_needs_an_ocr_reading_and_decimals_on_the_other_side,
    test_a_lost_decimal_point_is_an_ocr_error_not_a_conflict,
    test_a_pipeline_record_of_a_real_image_round_trips,
    test_conflicts_between_images_are_flagged_on_both_once,
    test_export_csv_jsonl_and_parquet,
    test_parquet_without_pyarrow_names_the_install,
    test_round_trip_rebuilds_the_record_exactly_and_fills_the_tables,
    test_runs_and_stats,
    test_sizes_and_tokens_are_compared_after_their_units,
)

from imgread.errors import ImgreadError
from imgread.images import sha256_file
from imgread.store import StoreError, open_store
from imgread.store.postgres import redact_url

ENGINES = ("sqlite", "postgres")


@pytest.fixture(params=ENGINES)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL of a new, empty database on each engine."""
    if request.param == "sqlite":
        return str(tmp_path / "results.sqlite")
    server: Server = request.getfixturevalue("postgres_server")
    return server.new_database()


@pytest.fixture
def store(db_url: str):  # type: ignore[no-untyped-def]
    with open_store(db_url) as opened:
        yield opened


def test_put_replaces_every_old_row_and_a_failing_put_keeps_the_old_record(store) -> None:  # type: ignore[no-untyped-def]
    record = make_record()
    store.put(record)
    store.put(make_record(rows=[("Gemma", 7, 64.3)]))
    assert store.db.execute("SELECT model FROM rows").fetchall() == [("Gemma",)]
    assert store.db.execute("SELECT count(*) FROM cells").fetchone()[0] == 3 + 3
    broken = make_record(rows=[("Yi", 34, 76.3)])
    broken.status = "exploded"  # type: ignore[assignment]  # the CHECK constraint refuses it
    with pytest.raises(Exception, match=r"(?i)check"):
        store.put(broken)
    assert store.db.execute("SELECT model FROM rows").fetchall() == [("Gemma",)]
    assert store.get(record.image.sha256).rows[0].model == "Gemma"


def test_both_engines_answer_the_reading_calls_alike(db_url: str) -> None:
    first = make_record(name="a.png", sha="a1" * 32)
    second = make_record(name="b.png", sha="b2" * 32, rows=[("Llama 2", 70, 69.8)])
    with open_store(db_url) as store:
        run = store.start_run({"source": "shots", "todo": 2})
        for record in (first, second):
            store.put(record, run_id=run)
        store.finish_run(run, {"processed": 2, "ok": 0, "partial": 2, "failed": 0})
    with open_store(db_url, read_only=True) as reader:
        assert reader.shas() == {first.image.sha256, second.image.sha256}
        assert [r.image.path for r in reader.records()] == ["samples/a.png", "samples/b.png"]
        assert reader.named("b.png") == {second.image.sha256: "copy/b.png"}
        assert reader.find("copy/a.png") == reader.get(first.image.sha256)
        [conflict] = reader.conflicts()
        assert {conflict["value_a"], conflict["value_b"]} == {68.9, 69.8}
        [flag] = reader.conflict_flags(first.image.sha256)
        assert flag.evidence["other_sha256"] == second.image.sha256
        from imgread.leaderboard import leaderboard

        board = {(line.model, line.value) for line in leaderboard(reader)}
        assert ("Mistral 7B", 60.1) in board and ("Falcon 40B", 55.4) in board
        from imgread.search import search

        hits = search(reader, "Falcon")
        assert {hit.path for hit in hits} == {"samples/a.png"}
        assert reader.runs()[0]["processed"] == 2
        with pytest.raises(StoreError):
            reader.put(make_record(name="c.png", sha="c3" * 32))  # opened to read only


def test_a_query_streams_read_only_and_stops_at_its_time_limit(store) -> None:  # type: ignore[no-untyped-def]
    """``stream_query`` is one call on both engines (``imgread query`` has one path)."""
    store.put(make_record())
    [(names, rows), (_, last)] = list(store.stream_query("SELECT model FROM rows ORDER BY model"))
    assert (list(names), rows, last) == (["model"], [("Falcon",), ("Llama 2",), ("Mistral",)], [])
    with pytest.raises(StoreError, match=r"read-only|readonly"):
        list(store.stream_query("DELETE FROM rows"))
    # The query counts for ever: only the limit can end it, however loaded the machine.
    with pytest.raises(StoreError, match=r"ran for over 0\.2 s and was stopped"):
        list(store.stream_query(ENDLESS, 0.2))
    assert store.db.execute("SELECT count(*) FROM rows").fetchone()[0] == 3


def test_a_postgres_password_never_shows(postgres_server: Server) -> None:  # noqa: F811
    url = postgres_server.new_database()
    with open_store(url) as store:
        assert PASSWORD not in str(store.stats())
    wrong = url.replace(f":{postgres_server.port}/", ":1/")
    with pytest.raises(StoreError) as error:
        open_store(wrong)
    assert PASSWORD not in str(error.value) + error.value.hint
    assert "***" in str(error.value)
    for malformed in (f"postgresql://u:{PASSWORD}@[::1/db", f"postgresql://u:{PASSWORD}@h:x/db"):
        with pytest.raises(StoreError) as error:
            open_store(malformed)  # the driver quotes the first one in its error
        assert PASSWORD not in str(error.value)
    assert redact_url("postgresql://u@h/db?password=x&sslmode=require") == \
        "postgresql://u@h/db?password=***&sslmode=require"


def test_an_unknown_engine_is_refused_without_its_password() -> None:
    with pytest.raises(ImgreadError) as error:
        open_store(f"mysql://root:{PASSWORD}@db/results")
    assert "'mysql' engine is not supported" in str(error.value)
    assert PASSWORD not in str(error.value)


def _folder(root: Path, name: str, models: list[str]) -> Path:
    folder = root / name
    folder.mkdir()
    for number, model in enumerate(models):
        render_table(folder / f"{name}_{number}.png", ["Model", "MMLU"],
                     [[model, f"{60 + number}.{len(name)}"]], title=f"{name} table {number}")
    return folder


@pytest.mark.slow
def test_two_runs_at_once_into_one_database_lose_and_duplicate_nothing(
        db_url: str, tmp_path: Path) -> None:
    """Two folders, two runs in two threads at the same moment, two output folders, one
    database. One image is in both folders: it must be one record, not two."""
    from imgread.batch import run

    left = _folder(tmp_path, "left", ["Llama 2", "Mistral", "Falcon"])
    right = _folder(tmp_path, "right", ["Gemma", "Qwen", "Yi"])
    (right / "shared.png").write_bytes((left / "left_0.png").read_bytes())
    summaries: dict[str, object] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def one(folder: Path) -> None:
        try:
            start.wait()
            summaries[folder.name] = run(folder, out_dir=tmp_path / f"out-{folder.name}",
                                         db=db_url, workers=1, progress=False, report=False)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=one, args=(folder,)) for folder in (left, right)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with open_store(db_url, read_only=True) as store:
        records = list(store.records())
        assert len(records) == 6  # 7 files, 6 distinct images
        assert len({r.image.sha256 for r in records}) == 6
        assert all(r.status in ("ok", "partial") for r in records)
        # The image in both folders is one record, written by whichever run came last.
        [shared] = [r for r in records if r.image.sha256 == sha256_file(right / "shared.png")]
        assert shared.image.path in (str(left / "left_0.png"), str(right / "shared.png"))
        runs = store.runs()
        assert len(runs) == 2 and {run_["source"] for run_ in runs} == {str(left), str(right)}
        _, rows = store.query("SELECT count(*), count(DISTINCT sha256) FROM images")
        assert rows == [(6, 6)]


@pytest.mark.slow
def test_the_commands_work_on_postgres_and_never_print_the_password(
        postgres_server: Server, tmp_path: Path,  # noqa: F811
        capsys: pytest.CaptureFixture[str]) -> None:
    from imgread.cli import main

    url = postgres_server.new_database()
    folder = _folder(tmp_path, "shots", ["Llama 2", "Mistral"])
    out = ["--out", str(tmp_path / "out"), "--db", url]
    assert main(["run", str(folder), "--workers", "1", *out]) == 0
    assert main(["query", "SELECT model FROM rows_view ORDER BY model", *out]) == 0
    assert main(["query", "DELETE FROM rows", *out]) == 2
    assert main(["stats", *out]) == 0
    assert main(["conflicts", *out]) == 0
    assert main(["search", "Mistral", *out]) == 0
    assert main(["leaderboard", *out]) == 0
    assert main(["show", str(folder / "shots_1.png"), *out]) == 0
    assert main(["report", *out]) == 0
    printed = capsys.readouterr()
    assert PASSWORD not in printed.out + printed.err
    assert "Mistral" in printed.out
    assert "read-only" in printed.err
    assert (tmp_path / "out" / "report" / "index.html").is_file()
