"""Hostile input, as a user would give it: what it costs, and whether anything breaks.

    OMP_THREAD_LIMIT=1 python benchmarks/hostile.py [--rows 300000] [--only cost|sweep]

Cost: seconds to highlight descriptions of growing size with flags whose spans match all
over them (linear: ten times the text, about ten times the time), seconds for a one-image
run (OCR, reconcile, report) with an imported description of growing size up to the import
limit, and the peak memory of `imgread query` printing ROWS rows of 200 characters
(streamed: flat in ROWS).

Sweep: every subcommand run as a real process with hostile arguments, files, settings
(environment and imgread.toml) and database URLs (PostgreSQL ones carry a password that
must never be printed); then Ctrl-C on an endless query, SIGTERM and kill -9 in the middle
of a run (with no worker left behind, and the same run again giving every image once), a
full disk (a file-size limit) and two runs at once on one output folder. One line per case
and a summary: cases, tracebacks, hangs, passwords shown, unexpected exits or outcomes.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))  # the table renderer the tests use

from imgread.importer import MAX_DESCRIPTION_CHARS  # noqa: E402
from imgread.record import Flag, Record  # noqa: E402
from imgread.report_card import highlight  # noqa: E402
from imgread.store import open_store  # noqa: E402
from imgread.store.postgres import redact_url  # noqa: E402

MEASURE = """import resource, subprocess, sys
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"""


def highlight_seconds(chars: int) -> tuple[float, int]:
    sentence = "Llama 2 70B scores 68.9 on MMLU and 56.8 on GSM8K. "
    text = (sentence * (chars // len(sentence) + 1))[:chars]
    flags = [Flag(kind="number_not_in_image", message="not in the image", span=span)
             for span in ("68.9", "MMLU", "Llama 2 70B scores")]
    started = time.perf_counter()
    page = highlight(text, flags)
    return time.perf_counter() - started, page.count("<mark")


def run_seconds(chars: int) -> float:
    """A one-image run with an imported description of ``chars`` characters."""
    from conftest import render_table

    from imgread.batch import run
    from imgread.importer import import_files

    sentence = "Llama 2 70B scores 68.9 on MMLU and 71.3 on GSM8K, Mistral 7B 60.1 and 52.2. "
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        (base / "shots").mkdir()
        render_table(base / "shots" / "a.png", ["model", "MMLU"],
                     [["Llama 2 70B", "68.9"], ["Mistral 7B", "60.1"]])
        seed = base / "seed.txt"
        seed.write_text("qwen2-vl-2b\n" + (sentence * (chars // len(sentence) + 1))[:chars])
        with open_store(str(base / "out" / "results.sqlite")) as store:
            import_files([seed], store, image="a.png")
        started = time.perf_counter()
        run(base / "shots", out_dir=base / "out", workers=1, progress=False)
        return time.perf_counter() - started


def query_peak_mib(rows: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "results.sqlite"
        with open_store(str(db)) as store:
            record = Record()
            record.image.sha256 = "0" * 64
            store.put(record)
        sql = (f"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT {rows}) "
               "SELECT x, printf('%.200c', 'a') FROM c")
        result = subprocess.run(
            [sys.executable, "-c", MEASURE, sys.executable, "-m", "imgread.cli", "query",
             "--db", str(db), "--timeout", "0", sql],
            env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True,
            check=True)
        code, peak_kib = map(int, result.stdout.split())
        assert code == 0, result.stderr
        return peak_kib / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=300_000)
    parser.add_argument("--images", type=int, default=6, help="images in the sweep's runs")
    parser.add_argument("--only", choices=("cost", "sweep"))
    args = parser.parse_args()
    if args.only != "cost":
        outcomes = sweep(args.images)
        print_sweep(outcomes)
        if args.only == "sweep":
            sys.exit(1 if any(outcome.bad for outcome in outcomes) else 0)
    print("highlight: characters  marks  seconds")
    for chars in (10_000, 100_000, 1_000_000):
        seconds, marks = highlight_seconds(chars)
        print(f"           {chars:>10,}  {marks:>5}  {seconds:7.3f}")
    print("run:       description  seconds (one image, OCR to report)")
    for chars in (2_500, 25_000, MAX_DESCRIPTION_CHARS):
        print(f"           {chars:>11,}  {run_seconds(chars):7.2f}")
    print("query:     rows        peak MiB")
    for rows in (args.rows // 10, args.rows):
        print(f"           {rows:>10,}  {query_peak_mib(rows):8.1f}")


# --- the sweep: every subcommand, hostile input, real processes ----------------------------

SECRET = "pw-s3cret-77"  # in every PostgreSQL URL of the sweep: it must never be printed
RECURSIVE = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"


@dataclass
class Case:
    """One command as a hostile user would type it, and the exit codes that are right."""

    name: str
    argv: list[str]
    codes: tuple[int, ...] = (2,)
    env: dict[str, str] = field(default_factory=dict)
    cwd: Path | None = None
    timeout_s: float = 120


@dataclass
class Outcome:
    name: str
    code: int | None  # None: it had to be killed (a hang)
    traceback: bool
    leaked: bool  # the password showed
    expected: bool
    said: str  # the first line of its message

    @property
    def bad(self) -> bool:
        return self.traceback or self.leaked or not self.expected or self.code is None


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "OMP_THREAD_LIMIT": "1", **extra}


def _imgread(*args: str) -> list[str]:
    return [sys.executable, "-m", "imgread.cli", *args]


def _outcome(name: str, code: int | None, out: str, err: str, codes: tuple[int, ...]) -> Outcome:
    lines = [line for line in err.splitlines() if line.strip()]
    return Outcome(name, code, "Traceback" in err or "Traceback" in out,
                   SECRET in err or SECRET in out, code in codes, lines[0][:110] if lines else "")


def run_case(case: Case) -> Outcome:
    try:
        done = subprocess.run(_imgread(*case.argv), cwd=case.cwd, env=_env(**case.env),
                              capture_output=True, text=True, timeout=case.timeout_s,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as hung:
        return _outcome(case.name, None, str(hung.stdout or ""), str(hung.stderr or ""),
                        case.codes)
    return _outcome(case.name, done.returncode, done.stdout, done.stderr, case.codes)


def _make_inputs(base: Path, images: int) -> dict[str, Path]:
    """A folder of real table screenshots, one of hostile files named like images, an
    output folder read once, and files that are not what their names say."""
    from conftest import render_table

    shots, bad = base / "shots", base / "bad"
    shots.mkdir()
    for index in range(images):
        render_table(shots / f"t{index}.png", ["model", "MMLU", "GSM8K"],
                     [[f"Model {index}", f"{40 + index}.5", f"{index}.5"]] * 3)
    bad.mkdir()
    (bad / "empty.png").write_bytes(b"")
    (bad / "text.png").write_text("not an image\n")
    (bad / "cut.png").write_bytes((shots / "t0.png").read_bytes()[:300])
    Image.new("RGB", (1, 1)).save(bad / "pixel.png")
    Image.new("RGB", (4, 20000)).save(bad / "thin.png")
    os.mkfifo(bad / "pipe.png")
    (bad / "zero.png").symlink_to("/dev/zero")
    (bad / "loop").symlink_to(bad)
    (bad / "dangling.png").symlink_to(base / "nowhere.png")
    (base / "binary.toml").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    (base / "nested.json").write_text("[" * 100_000 + "]" * 100_000)
    (base / "empty.txt").write_text("")
    (base / "dirty.txt").write_bytes(b"\xff\xfe\x00model\n")
    (base / "empty.sqlite").write_bytes(b"")
    for name, text in (("badtoml", "[ocr\npsm = 6\n"), ("badkey", "[ocr]\npsn = 6\n"),
                       ("badvalue", "[batch]\nworkers = -4\n"),
                       ("nantoml", "[ocr]\ntimeout_s = nan\n")):
        (base / name).mkdir()
        (base / name / "imgread.toml").write_text(text)
    (base / "tomldir" / "imgread.toml").mkdir(parents=True)
    out = base / "out"
    subprocess.run(_imgread("run", str(shots), "--out", str(out), "--workers", "1", "--quiet"),
                   env=_env(), check=True, capture_output=True)
    return {"shots": shots, "bad": bad, "out": out, "db": out / "results.sqlite"}


def command_cases(base: Path, where: dict[str, Path]) -> list[Case]:
    shots, out, db = (str(where[key]) for key in ("shots", "out", "db"))
    bad = where["bad"]
    pg = f"postgresql://imgread:{SECRET}@127.0.0.1:1/results"
    pg_urls = [pg, f"postgres://u:{SECRET}@[::1/db", f"postgresql://u:{SECRET}@host:port/db",
               f"postgresql://u@127.0.0.1:1/db?password={SECRET}", f"postgresql://u:{SECRET}@",
               f"postgresql://u:%ZZ{SECRET}@h/db", f"mysql://u:{SECRET}@h/db"]
    fresh = str(base / "fresh")
    cases = [
        # run
        Case("run: hostile images get failed records", ["run", str(bad), "--out", fresh,
                                                        "--workers", "1", "--quiet"], (0,)),
        Case("run: no such folder", ["run", str(base / "nowhere")]),
        Case("run: a file, not a folder", ["run", str(shots) + "/t0.png"]),
        Case("run: --out is a file", ["run", shots, "--out", "/dev/null"]),
        Case("run: --out read-only", ["run", shots, "--out", "/proc/imgread"]),
        Case("run: records.jsonl is a folder", ["run", shots, "--out", str(base / "jdir")]),
        Case("run: --workers 0", ["run", shots, "--workers", "0"]),
        Case("run: --workers -3", ["run", shots, "--workers", "-3"]),
        Case("run: --workers abc", ["run", shots, "--workers", "abc"]),
        Case("run: --vlm ''", ["run", shots, "--vlm", ""]),
        Case("run: --force-vlm ''", ["run", shots, "--force-vlm", ""]),
        Case("run: --vlm openai:", ["run", shots, "--out", fresh, "--vlm", "openai:"]),
        Case("run: --db ''", ["run", shots, "--db", ""]),
        Case("run: --db a folder", ["run", shots, "--out", fresh, "--db", str(base)]),
        Case("run: --db an image", ["run", shots, "--out", fresh, "--db", shots + "/t0.png"]),
        Case("run: --db /dev/null", ["run", shots, "--out", fresh, "--db", "/dev/null"]),
        Case("run: --db unwritable", ["run", shots, "--out", fresh, "--db", "/proc/x.sqlite"]),
        Case("run: --ray-address nothing", ["run", shots, "--out", fresh, "--engine", "ray",
                                            "--ray-address", "127.0.0.1:1"], timeout_s=60),
        Case("run: --config missing", ["run", shots, "--config", str(base / "none.toml")]),
        Case("run: --config a folder", ["run", shots, "--config", str(base)]),
        Case("run: --config binary", ["run", shots, "--config", str(base / "binary.toml")]),
        # settings
        Case("settings: imgread.toml not TOML", ["run", shots, "--out", fresh],
             cwd=base / "badtoml"),
        Case("settings: imgread.toml unknown key", ["run", shots, "--out", fresh],
             cwd=base / "badkey"),
        Case("settings: imgread.toml negative workers", ["run", shots, "--out", fresh],
             cwd=base / "badvalue"),
        Case("settings: imgread.toml nan", ["run", shots, "--out", fresh], cwd=base / "nantoml"),
        Case("settings: imgread.toml is a folder", ["run", shots, "--out", fresh,
                                                    "--no-report", "--quiet"], (0,),
             cwd=base / "tomldir"),
        *[Case(f"settings: {name}={value}", ["run", shots, "--out", fresh], env={name: value})
          for name, value in (("IMGREAD_OCR__PSN", "6"), ("IMGREAD_OCR__PSM", "six"),
                              ("IMGREAD_BATCH", "notjson"), ("IMGREAD_BATCH__EXTENSIONS", "png"),
                              ("IMGREAD_BATCH__DB_BUSY_TIMEOUT_S", "nan"),
                              ("IMGREAD_BATCH__DB_BUSY_TIMEOUT_S", "-1"),
                              ("IMGREAD_OCR__TIMEOUT_S", "inf"), ("IMGREAD_BATCH__WORKERS", "-2"),
                              ("IMGREAD_LOAD__MAX_PIXELS", "0"),
                              ("IMGREAD_NAMES__ALIASES", "/nonexistent"),
                              ("IMGREAD_NAMES__ALIASES", shots + "/t0.png"))],
        # every command, against a URL with a password it must not print
        *[Case(f"{command}: --db {redact_url(url)}",
               [command, *extra, "--db", url])
          for url in pg_urls
          for command, extra in (("run", [shots, "--out", fresh]), ("stats", []),
                                 ("query", ["SELECT 1"]), ("show", ["t0.png"]),
                                 ("export", []), ("import", [str(base / "empty.txt")]),
                                 ("report", ["--out", fresh]), ("conflicts", []),
                                 ("search", ["x"]), ("leaderboard", []))],
        # the reading commands
        *[Case(f"{command}: --db {label}", [command, *extra, "--db", path])
          for label, path in (("missing", str(base / "none.sqlite")), ("a folder", str(base)),
                              ("an image", shots + "/t0.png"),
                              ("empty", str(base / "empty.sqlite")),
                              ("/proc/self/status", "/proc/self/status"), ("''", ""))
          for command, extra in (("stats", []), ("query", ["SELECT 1"]), ("show", ["t0.png"]),
                                 ("export", []), ("conflicts", []), ("search", ["x"]),
                                 ("leaderboard", []))],
        Case("show: no such key", ["show", "nothing", "--db", db]),
        Case("show: empty key", ["show", "", "--db", db]),
        Case("show: a key too long for a path", ["show", "k" * 5000, "--db", db]),
        Case("show: a FIFO as the key", ["show", str(bad / "pipe.png"), "--db", db]),
        Case("query: a write", ["query", "DELETE FROM images", "--db", db]),
        Case("query: DROP", ["query", "DROP TABLE images", "--db", db]),
        Case("query: a setting pragma", ["query", "PRAGMA journal_mode=DELETE", "--db", db]),
        Case("query: ATTACH", ["query", f"ATTACH '{base}/x.db' AS x", "--db", db]),
        Case("query: VACUUM INTO", ["query", f"VACUUM INTO '{base}/v.db'", "--db", db]),
        Case("query: load_extension", ["query", "SELECT load_extension('x')", "--db", db]),
        Case("query: two statements", ["query", "SELECT 1; SELECT 2", "--db", db]),
        Case("query: empty", ["query", "", "--db", db]),
        Case("query: not SQL", ["query", "SELEKT", "--db", db]),
        Case("query: a huge blob", ["query", "SELECT zeroblob(2000000000)", "--db", db]),
        Case("query: endless, --timeout 1", ["query", RECURSIVE, "--timeout", "1", "--db", db],
             timeout_s=30),
        Case("query: --timeout -5", ["query", "SELECT 1", "--timeout", "-5", "--db", db]),
        Case("query: --timeout nan", ["query", "SELECT 1", "--timeout", "nan", "--db", db]),
        Case("search: empty", ["search", "", "--db", db]),
        Case("search: unbalanced quote", ["search", '"open', "--db", db]),
        Case("search: FTS syntax error", ["search", "NEAR(", "--db", db]),
        Case("export: to /dev/full", ["export", "--db", db, "-o", "/dev/full"]),
        Case("export: parquet to /dev/full", ["export", "--db", db, "--format", "parquet",
                                             "-o", "/dev/full"]),
        Case("export: into no folder", ["export", "--db", db, "--format", "parquet",
                                        "-o", str(base / "none" / "x.parquet")]),
        Case("export: onto a folder", ["export", "--db", db, "-o", str(base)]),
        Case("report: --out is a file", ["report", "--out", "/dev/null", "--db", db]),
        Case("report: --out unwritable", ["report", "--out", "/proc/imgread", "--db", db]),
        # import
        Case("import: missing file", ["import", "--out", out, str(base / "none.txt")]),
        Case("import: a folder", ["import", "--out", out, str(base)]),
        Case("import: empty", ["import", "--out", out, str(base / "empty.txt")]),
        Case("import: binary", ["import", "--out", out, shots + "/t0.png"]),
        Case("import: not UTF-8", ["import", "--out", out, str(base / "dirty.txt")]),
        Case("import: 100k nested brackets", ["import", "--out", out, str(base / "nested.json")]),
        Case("import: /dev/zero", ["import", "--out", out, "/dev/zero"], timeout_s=60),
        Case("import: a FIFO", ["import", "--out", out, str(bad / "pipe.png")], timeout_s=60),
        Case("import: --out is a file", ["import", "--out", "/dev/null", str(base / "empty.txt")]),
    ]
    (base / "jdir" / "records.jsonl").mkdir(parents=True)
    return cases


def signal_cases(base: Path, where: dict[str, Path]) -> list[Outcome]:
    """Ctrl-C, SIGTERM, kill -9, a full disk and two runs at once, on real processes."""
    outcomes = []
    db = str(where["db"])
    # Ctrl-C on an endless query: stops at once, says so.
    query = subprocess.Popen(_imgread("query", RECURSIVE, "--timeout", "0", "--db", db),
                             env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    time.sleep(2)
    query.send_signal(signal.SIGINT)
    try:
        out, err = query.communicate(timeout=10)
        outcomes.append(_outcome("signal: Ctrl-C on an endless query", query.returncode, out,
                                 err, (130,)))
    except subprocess.TimeoutExpired:
        query.kill()
        outcomes.append(Outcome("signal: Ctrl-C on an endless query", None, False, False,
                                False, "did not stop"))
    # SIGTERM and kill -9 in the middle of a run, then the same command again.
    for name, sig, code in (("SIGTERM", signal.SIGTERM, 143), ("kill -9", signal.SIGKILL, -9)):
        out_dir = base / f"killed-{name}"
        command = _imgread("run", str(where["shots"]), "--out", str(out_dir), "--workers", "2",
                           "--quiet", "--no-report")
        running = subprocess.Popen(command, env=_env(), stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        workers = _wait_for_records(out_dir, running)
        running.send_signal(sig)
        out, err = running.communicate(timeout=60)
        outcome = _outcome(f"signal: {name} mid-run", running.returncode, out, err, (code,))
        time.sleep(2)  # a worker notices its parent is gone within a second
        orphans = [pid for pid in workers if _alive(pid)]
        if orphans:
            outcome.expected, outcome.said = False, f"orphans left: {orphans}"
        outcomes.append(outcome)
        again = subprocess.run(command, env=_env(), capture_output=True, text=True, timeout=600)
        outcomes.append(_outcome(f"signal: the same run after {name}", again.returncode,
                                 again.stdout, again.stderr, (0,)))
        _check_one_each(outcomes[-1], out_dir, len(list(where["shots"].iterdir())))
    # A full disk (a file-size limit), then the same run with space.
    out_dir = base / "full"
    command = _imgread("run", str(where["shots"]), "--out", str(out_dir), "--workers", "1",
                       "--quiet", "--no-report")
    full = subprocess.run(command, env=_env(), capture_output=True, text=True, timeout=600,
                          preexec_fn=_file_size_limit(300_000))
    outcomes.append(_outcome("disk: full during a run (ulimit -f)", full.returncode, full.stdout,
                             full.stderr, (2,)))
    again = subprocess.run(command, env=_env(), capture_output=True, text=True, timeout=600)
    outcomes.append(_outcome("disk: the same run with space", again.returncode, again.stdout,
                             again.stderr, (0,)))
    _check_one_each(outcomes[-1], out_dir, len(list(where["shots"].iterdir())))
    # Two runs at once on one output folder.
    out_dir = base / "twice"
    command = _imgread("run", str(where["shots"]), "--out", str(out_dir), "--workers", "1",
                       "--quiet", "--no-report")
    both = [subprocess.Popen(command, env=_env(), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for index, process in enumerate(both):
        out, err = process.communicate(timeout=600)
        outcomes.append(_outcome(f"concurrent: run {index + 1} of 2 on one --out",
                                 process.returncode, out, err, (0,)))
    _check_one_each(outcomes[-1], out_dir, len(list(where["shots"].iterdir())))
    return outcomes


def _file_size_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG, as a full disk gives ENOSPC
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def _wait_for_records(out_dir: Path, running: subprocess.Popen[str]) -> list[int]:
    """Wait until the run has written a record; the pids of its worker processes."""
    jsonl = out_dir / "records.jsonl"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and running.poll() is None:
        if jsonl.exists() and jsonl.read_text().count("\n") >= 1:
            break
        time.sleep(0.05)
    children = Path(f"/proc/{running.pid}/task/{running.pid}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting to be reaped."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def _check_one_each(outcome: Outcome, out_dir: Path, images: int) -> None:
    """Every image once in the JSONL and once in the database, the two alike."""
    lines = (out_dir / "records.jsonl").read_text().splitlines()
    shas = [json.loads(line)["image"]["sha256"] for line in lines]
    with open_store(str(out_dir / "results.sqlite"), read_only=True) as store:
        stored = store.shas()
    if not (len(shas) == len(set(shas)) == images and set(shas) == stored):
        outcome.expected = False
        outcome.said = (f"records: {len(shas)} lines, {len(set(shas))} distinct, "
                        f"{len(stored)} stored")


def sweep(images: int) -> list[Outcome]:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        where = _make_inputs(base, images)
        cases = command_cases(base, where)
        for case in cases:
            case.cwd = case.cwd or base  # a default --out lands in the scratch folder
        outcomes = [run_case(case) for case in cases]
        outcomes += signal_cases(base, where)
    return outcomes


def print_sweep(outcomes: list[Outcome]) -> None:
    print("sweep:     case                                                  exit  what it said")
    for outcome in outcomes:
        mark = "FAIL" if outcome.bad else "ok  "
        code = "hang" if outcome.code is None else str(outcome.code)
        print(f"  {mark} {outcome.name[:56]:<56} {code:>5}  {outcome.said}")
    print(f"sweep summary: cases {len(outcomes)}, "
          f"tracebacks {sum(o.traceback for o in outcomes)}, "
          f"hangs {sum(o.code is None for o in outcomes)}, "
          f"passwords shown {sum(o.leaked for o in outcomes)}, "
          f"unexpected exits or outcomes {sum(not o.expected for o in outcomes)}")


if __name__ == "__main__":
    main()
