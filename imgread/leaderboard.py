"""The leaderboard: one line per (model, benchmark, setting) with the value most images agree
on, the images behind it and the values other images read instead. The SQL
(``views.LEADERBOARD_SQL``, also the ``leaderboard`` view) computes it; this module reads and
prints it."""

from __future__ import annotations

import csv
import json
from dataclasses import asdict, dataclass, field
from typing import IO, Any

from .normalise import normalise_benchmark
from .store import SqliteStore
from .store.views import LEADERBOARD_SQL

FORMATS = ("table", "csv", "json")


@dataclass(frozen=True)
class Evidence:
    """One image behind a value: its path, sha256, the value as read there (within 0.051
    of the line's value for a supporting image), and how it was read ("OCR table", "chart
    label", "measured bar", "VLM")."""

    path: str
    sha256: str
    value: float
    read_as: list[str]


@dataclass(frozen=True)
class Line:
    model: str
    benchmark: str
    setting: str | None
    value: float
    supporting: list[Evidence]
    disagreeing: dict[float, list[Evidence]] = field(default_factory=dict)
    model_key: str = ""

    @property
    def conflicted(self) -> bool:
        return bool(self.disagreeing)


def _evidence(items: list[dict[str, Any]]) -> list[Evidence]:
    return sorted((Evidence(item["path"], item["sha256"], item["value"], list(item["read_as"]))
                   for item in items), key=lambda e: e.path)


def leaderboard(store: SqliteStore, benchmark: str | None = None) -> list[Line]:
    """Every line, or those of one benchmark (any spelling: "mmlu", "MMLU (5-shot)"), by
    benchmark, setting, then value from the highest."""
    sql = f"SELECT * FROM ({LEADERBOARD_SQL}) AS leaderboard"
    params: tuple[str, ...] = ()
    if benchmark:
        name = normalise_benchmark(benchmark, None, store.aliases)
        sql += " WHERE benchmark_key = ?" + (" AND setting_key = ?" if name.setting else "")
        params = (name.key, name.setting_key) if name.setting else (name.key,)
    cursor = store.db.execute(sql, params)
    names = [column[0] for column in cursor.description]
    lines = []
    for row in cursor:
        item = dict(zip(names, row, strict=True))
        disagreeing = {other["value"]: _evidence(other["images"])
                       for other in json.loads(item["disagreeing_json"] or "[]")}
        lines.append(Line(item["model"], item["benchmark"], item["setting"], item["value"],
                          _evidence(json.loads(item["supporting_json"])), disagreeing,
                          item["model_key"]))
    return sorted(lines, key=lambda line: (line.benchmark.lower(), line.setting or "",
                                           -line.value, line.model_key))


def _sources(evidence: list[Evidence]) -> str:
    return "; ".join(f"{e.path} ({', '.join(e.read_as)})" for e in evidence)


def _flat(line: Line) -> dict[str, Any]:
    return {
        "model": line.model, "benchmark": line.benchmark, "setting": line.setting or "",
        "value": line.value, "images": len(line.supporting),
        "supporting": _sources(line.supporting),
        "disagreeing": " | ".join(f"{value:g}: {_sources(evidence)}"
                                  for value, evidence in line.disagreeing.items()),
    }


def write(lines: list[Line], fmt: str, out: IO[str]) -> None:
    """Print the lines as an aligned table, CSV (one row a line, sources joined) or JSON
    (one object a line, every image with its sha256)."""
    if fmt == "json":
        for line in lines:
            item = asdict(line)
            item["disagreeing"] = [{"value": value, "images": [asdict(e) for e in evidence]}
                                   for value, evidence in line.disagreeing.items()]
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
        return
    flat = [_flat(line) for line in lines]
    columns = ["model", "benchmark", "setting", "value", "images", "supporting", "disagreeing"]
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=columns)
        writer.writeheader()
        writer.writerows(flat)
        return
    widths = {c: min(48, max([len(c)] + [len(f"{item[c]:g}" if c == "value" else str(item[c]))
                                         for item in flat])) for c in columns}
    out.write("  ".join(c.ljust(widths[c]) for c in columns).rstrip() + "\n")
    for item in flat:
        cells = [(f"{item[c]:g}" if c == "value" else str(item[c])) for c in columns]
        cells = [cell if len(cell) <= widths[c] else cell[: widths[c] - 1] + "…"
                 for cell, c in zip(cells, columns, strict=True)]
        out.write("  ".join(cell.ljust(widths[c]) for cell, c in zip(cells, columns,
                                                                     strict=True)).rstrip()
                  + "\n")
    out.write(f"({len(flat)} lines)\n")
