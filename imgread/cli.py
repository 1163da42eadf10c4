"""The `imgread` command: parses arguments, calls the API, prints progress and results."""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tomllib
from collections.abc import Iterator, Sequence
from contextlib import closing
from pathlib import Path

from . import __version__
from .config import Config, load_config
from .errors import ConfigError, ImgreadError
from .lifecycle import Terminated, stopping_on_sigterm
from .record import Record
from .store.readonly import DEFAULT_QUERY_TIMEOUT_S

DEFAULT_OUT = Path("imgread-out")


def _db_url(args: argparse.Namespace) -> str:
    if args.db is not None and not args.db.strip():
        raise ImgreadError("--db was given an empty path",
                           hint="pass a SQLite path, sqlite:///path or postgresql://..., or "
                                "leave --db out for OUT/results.sqlite")
    return args.db or str(Path(getattr(args, "out", None) or DEFAULT_OUT) / "results.sqlite")


def _open_existing_store(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The database, opened read-only: the reading commands never change it."""
    from .store import open_store, sqlite_path
    from .store.postgres import is_postgres

    url = _db_url(args)
    if not is_postgres(url) and not sqlite_path(url).exists():
        raise ImgreadError(
            f"{url}: no results database here", hint="run `imgread run FOLDER` first, or pass --db"
        )
    return open_store(url, read_only=True)


def _output_folder(out: Path) -> Path:
    if out.exists() and not out.is_dir():
        raise ImgreadError(f"{out}: exists and is not a folder, so output cannot go there",
                           hint="pass --out with a folder (a new one is created)")
    return out


def cmd_run(args: argparse.Namespace) -> int:
    from .batch import run

    overrides: dict = {}
    for flag, specs in (("--vlm", args.vlm), ("--force-vlm", args.force_vlm)):
        if specs and not all(spec.strip() for spec in specs):
            raise ImgreadError(f"{flag} was given an empty model name",
                               hint="pass a Hugging Face id, a model folder or openai:URL#MODEL")
    _db_url(args)  # refuses an empty --db
    if args.engine or args.ray_address:
        overrides["batch"] = {"engine": args.engine or "ray", "ray_address": args.ray_address}
    config = _load_settings(overrides, args.config)
    summary = run(
        args.folder,
        out_dir=args.out or DEFAULT_OUT,
        db=args.db,
        workers=args.workers,
        vlm=args.vlm or [],
        force=args.force,
        force_vlm=args.force_vlm or [],
        config=config,
        progress=not args.quiet,
        report=not args.no_report,
        log=lambda line: print(line, file=sys.stderr),
    )
    for line in summary.lines():
        print(f"imgread: {line}")
    return 0


def _load_settings(overrides: dict, config_file: Path | None) -> Config:
    """The settings, or a message naming each wrong one and where settings come from."""
    from pydantic import ValidationError

    hint = ("settings come from imgread.toml or [tool.imgread] in pyproject.toml (or --config), "
            "and IMGREAD_SECTION__NAME environment variables; README.md lists them")
    try:
        return load_config(overrides, config_file=config_file)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"a settings file is not valid TOML ({error})", hint=hint) from error
    except OSError as error:
        raise ConfigError(f"{config_file}: cannot read the settings file "
                          f"({error.strerror or error})", hint=hint) from error
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}"
            for problem in error.errors())
        raise ConfigError(f"wrong settings: {problems}", hint=hint) from error


def format_record(record: Record) -> str:
    """A record as a person reads it: what was found first, details after."""
    image = record.image
    out = [
        f"{image.path}  [{record.status}]",
        f"  sha256 {image.sha256}  {image.width}x{image.height} {image.format}  "
        f"first seen {image.first_seen}",
    ]
    if len(image.paths) > 1:
        out.append("  also at: " + ", ".join(image.paths[1:]))
    for error in record.errors:
        out.append(
            f"  error in {error.stage}: {error.message}"
            + (f" ({error.hint})" if error.hint else "")
        )
    if record.ocr.text:
        text = " ".join(record.ocr.text.split())
        out.append(
            f"  OCR ({record.ocr.engine} {record.ocr.version}, mean confidence "
            f"{record.ocr.mean_confidence:.0f}): {text[:300]}{'…' if len(text) > 300 else ''}"
        )
    for index, table in enumerate(record.ocr.tables):
        out.append(
            f"  table {index}: {table.n_rows} rows x {table.n_cols} columns: "
            + " | ".join(table.columns)
        )
    for chart in record.charts:
        out.append(f"  chart: {chart.kind} {chart.title!r}, {len(chart.series)} series")
    if record.rows:
        out.append("  rows (model, params B, tokens T, MMLU %):")
        for row in record.rows:
            out.append(
                f"    {row.model or '-':<28} {_num(row.params_b):>8} {_num(row.tokens_t):>8} "
                f"{_num(row.mmlu):>8}   [{row.source}, {row.confidence:.2f}]"
            )
    if record.scores:
        out.append(f"  scores: {len(record.scores)}")
        for score in record.scores[:40]:
            setting = f" ({score.setting})" if score.setting else ""
            out.append(
                f"    {score.model:<28} {score.benchmark + setting:<28} "
                f"{_num(score.value):>8}   [{score.source}, {score.confidence:.2f}]"
            )
    for flag in record.flags:
        out.append(f"  flag {flag.kind} [{flag.severity}] {flag.message}")
    out.append(
        f"  VLM: {record.vlm.status}" + (f" ({record.vlm.reason})" if record.vlm.reason else "")
    )
    for description in record.descriptions:
        text = " ".join(description.text.split())
        out.append(
            f"  {description.kind} by {description.model}: {text[:200]}"
            f"{'…' if len(text) > 200 else ''}"
        )
    timings = ", ".join(f"{stage} {ms:.0f} ms" for stage, ms in record.timings_ms.items())
    out.append(f"  timings: {timings}")
    return "\n".join(out)


def _is_file(name: str) -> bool:
    try:
        return Path(name).is_file()
    except OSError:  # a name too long to be a path, say: then it is not a file
        return False


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def cmd_show(args: argparse.Namespace) -> int:
    with _open_existing_store(args) as store:
        record = store.find(args.key) or store.find(str(Path(args.key)))
        if record is None and _is_file(args.key):
            from .images import sha256_file

            record = store.get(sha256_file(Path(args.key)))
        named = store.named(args.key) if record is None else {}
        if len(named) == 1:
            record = store.get(next(iter(named)))
    if len(named) > 1:
        raise ImgreadError(
            f"{args.key}: {len(named)} images have this name: " + ", ".join(named.values()),
            hint="give the path or the sha256 of the one you mean",
        )
    if record is None:
        raise ImgreadError(
            f"{args.key}: no record with this path, file name or sha256",
            hint='`imgread query "SELECT path, sha256 FROM images"` lists them',
        )
    print(json.dumps(record.to_dict(), indent=2) if args.json else format_record(record))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from .report import write_report

    out = _output_folder(Path(args.out or DEFAULT_OUT))
    with _open_existing_store(args) as store:
        path = write_report(out, store)
    print(f"imgread: report written to {path}")
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    with _open_existing_store(args) as store, \
            closing(store.stream_query(args.sql, args.timeout)) as batches:
        _print_table(batches)
    return 0


def _print_table(batches: Iterator[tuple[Sequence[str], list[tuple[object, ...]]]]) -> None:
    """Print rows as they come: the first batch sets the column widths, so a result of any
    size is printed in the memory of one batch."""
    total = 0
    widths: list[int] | None = None
    for columns, rows in batches:
        cells = [[("" if value is None else str(value)) for value in row] for row in rows]
        if widths is None:
            widths = [min(60, max([len(c)] + [len(r[i]) for r in cells]))
                      for i, c in enumerate(columns)]
            print("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)))
            print("  ".join("-" * w for w in widths))
        for row in cells:
            print("  ".join(v[:w].ljust(w) for v, w in zip(row, widths, strict=True)))
        total += len(rows)
    print(f"({total} rows)")


def cmd_export(args: argparse.Namespace) -> int:
    with _open_existing_store(args) as store:
        if args.output in (None, "-"):
            store.export(args.format, args.what, sys.stdout)
        else:
            try:
                store.export(args.format, args.what, Path(args.output))
            except OSError as error:  # the Parquet writer's errors do not name the file
                raise ImgreadError(f"{args.output}: cannot write the export ({error})",
                                   hint="pass --output a file in a folder you may write to, "
                                        "on a disk with space") from error
            print(f"imgread: {args.what} written to {args.output}", file=sys.stderr)
    return 0


def cmd_leaderboard(args: argparse.Namespace) -> int:
    from .leaderboard import leaderboard, write

    with _open_existing_store(args) as store:
        lines = leaderboard(store, args.benchmark)
    write(lines, args.format, sys.stdout)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from .search import search

    with _open_existing_store(args) as store:
        hits = search(store, args.text, limit=args.limit)
    for hit in hits:
        print(f"{hit.path}  [{hit.kind}{' by ' + hit.model if hit.model else ''}]")
        print(f"    {hit.snippet}")
    print(f"imgread: {len(hits)} match(es) for {args.text!r}", file=sys.stderr)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    with _open_existing_store(args) as store:
        print(json.dumps(store.stats(), indent=2))
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    with _open_existing_store(args) as store:
        conflicts = store.conflicts()
    if not conflicts:
        print("imgread: no conflicts between images")
        return 0
    for conflict in conflicts:
        print(json.dumps(conflict))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from .importer import import_files
    from .store import open_store

    _output_folder(Path(args.out or DEFAULT_OUT)).mkdir(parents=True, exist_ok=True)
    with open_store(_db_url(args), aliases=load_config().names.aliases) as store:
        imported = import_files([Path(f) for f in args.files], store, image=args.image)
    total = sum(len(record.descriptions) for record in imported)
    added = sum(record.stored for record in imported)
    print(
        f"imgread: imported {len(imported)} file(s): {added} new description(s), "
        f"{total - added} already stored; run `imgread run FOLDER` to reconcile them against "
        "fresh OCR"
    )
    return 0


def _at_least_one(text: str) -> int:
    """A count of processes: a whole number, 1 or more (argparse prints the message)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not 1 or more")
    return value


def _seconds(text: str) -> float:
    """A time limit: a finite number of seconds, 0 or more."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"{text} is not 0 or more seconds (0: no limit)")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="imgread", description="Read screenshots of LLM benchmark tables and charts."
    )
    parser.add_argument("--version", action="version", version=f"imgread {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def with_db(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--out", type=Path, help=f"output folder (default: {DEFAULT_OUT})")
        p.add_argument("--db", help="SQLite path, sqlite:///path or "
                            "postgresql://user:password@host/db (default: OUT/results.sqlite)")
        return p

    run = with_db(sub.add_parser("run", help="process every image in a folder"))
    run.add_argument("folder", type=Path)
    run.add_argument("--workers", type=_at_least_one, help="processes (default: number of "
                     "cores)")
    run.add_argument("--engine", choices=("local", "ray"),
                     help="where the stages run: this machine (default) or a Ray cluster")
    run.add_argument("--ray-address", metavar="ADDR",
                     help="the Ray cluster to run on (HOST:PORT, or auto); default: a local "
                          "one started for the run")
    run.add_argument(
        "--vlm",
        action="append",
        metavar="MODEL",
        help="a Hugging Face id, local model folder, or openai:URL#MODEL; repeatable",
    )
    run.add_argument("--force", action="store_true", help="redo images already recorded")
    run.add_argument("--force-vlm", action="append", metavar="MODEL",
                     help="describe every image with this model again (keeps the others)")
    run.add_argument("--config", type=Path, help="a TOML settings file")
    run.add_argument("--no-report", action="store_true", help="skip the HTML report")
    run.add_argument("--quiet", action="store_true", help="no progress output")
    run.set_defaults(func=cmd_run)

    show = with_db(sub.add_parser("show", help="print one record readably"))
    show.add_argument("key", help="an image path or sha256 (or a unique prefix)")
    show.add_argument("--json", action="store_true", help="the raw JSON record")
    show.set_defaults(func=cmd_show)

    with_db(sub.add_parser("report", help="write the HTML report")).set_defaults(func=cmd_report)

    query = with_db(sub.add_parser("query", help="run a read-only SQL query"))
    query.add_argument("sql")
    query.add_argument("--timeout", type=_seconds, default=DEFAULT_QUERY_TIMEOUT_S,
                       metavar="SECONDS", help="stop the query after this long (default: "
                       f"{DEFAULT_QUERY_TIMEOUT_S:g}; 0: no limit)")
    query.set_defaults(func=cmd_query)

    export = with_db(sub.add_parser("export", help="export rows, scores, flags or descriptions"))
    export.add_argument("--format", choices=["csv", "parquet", "jsonl"], default="csv")
    export.add_argument(
        "--what", choices=["rows", "scores", "flags", "descriptions"], default="rows"
    )
    export.add_argument("--output", "-o", help="file to write (default: standard output)")
    export.set_defaults(func=cmd_export)

    board = with_db(sub.add_parser(
        "leaderboard", help="one line per model, benchmark and setting, with its images"))
    board.add_argument("--benchmark", help="only this benchmark (any spelling: mmlu, MMLU 5-shot)")
    board.add_argument("--format", choices=["table", "csv", "json"], default="table")
    board.set_defaults(func=cmd_leaderboard)

    find = with_db(sub.add_parser("search", help="full-text search of OCR text and descriptions"))
    find.add_argument("text", help='words to find, e.g. "Meta AI" (FTS5 syntax also works)')
    find.add_argument("--limit", type=int, default=50, help="most matches to print")
    find.set_defaults(func=cmd_search)

    with_db(sub.add_parser("stats", help="summarise the database")).set_defaults(func=cmd_stats)
    with_db(sub.add_parser("conflicts", help="values that differ between images")).set_defaults(
        func=cmd_conflicts
    )

    imp = with_db(sub.add_parser("import", help="import descriptions produced elsewhere"))
    imp.add_argument("files", nargs="+")
    imp.add_argument("--image", help="the image path these records describe")
    imp.set_defaults(func=cmd_import)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    args = build_parser().parse_args(argv)
    try:
        with stopping_on_sigterm():
            return int(args.func(args))
    except Terminated:
        print("imgread: stopped by SIGTERM; run the same command again to resume",
              file=sys.stderr)
        # Everything is closed and the workers are ended; leave now, before the process
        # pool's helper thread, its pipes already shut, complains at interpreter exit.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(143)
    except ImgreadError as error:
        print(f"imgread: error: {error}", file=sys.stderr)
        if error.hint:
            print(f"imgread: {error.hint}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader stopped reading (`imgread export | head`): nothing is wrong. Point
        # stdout at nothing so that Python's own flush at exit does not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("imgread: interrupted; run the same command again to resume", file=sys.stderr)
        return 130
    except OSError as error:
        # The file system said no (full, read-only, not permitted) somewhere no stage turned
        # it into its own message: still a message, never a traceback.
        where = error.filename or "a file"
        print(f"imgread: error: {where}: {error.strerror or error}", file=sys.stderr)
        print("imgread: check that the path exists and may be written, and that the disk "
              "has space; then run the same command again", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
