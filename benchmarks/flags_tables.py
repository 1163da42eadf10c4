"""Flags on VLM-like descriptions of generated tables: tuning sets and a test set apart.

    python benchmarks/flags_tables.py [--count 16] [--sets synth,unseen,heldout] [--verbose]
    python benchmarks/flags_tables.py --sets fresh     # the test set: score it, nothing else
    python benchmarks/flags_tables.py --sets blind     # the blind test set, the same way
    python benchmarks/flags_tables.py --sets blind2    # the second blind test set
    python benchmarks/flags_tables.py --sets blind3    # the third blind test set
    python benchmarks/flags_tables.py --sets blind4    # the fourth blind test set
    python benchmarks/flags_tables.py --sets blind5    # the fifth blind test set
    python benchmarks/flags_tables.py --sets blind6    # the sixth blind test set
    python benchmarks/flags_tables.py --sets blind7    # the seventh blind test set
    python benchmarks/flags_tables.py --sets blind8    # the eighth blind test set
    python benchmarks/flags_tables.py --sets blind9    # the ninth blind test set
    python benchmarks/flags_tables.py --sets blind10   # the tenth blind test set
    python benchmarks/flags_tables.py --sets blind11   # the eleventh blind test set
    python benchmarks/flags_tables.py --sets blind12   # the twelfth blind test set
    python benchmarks/flags_tables.py --sets blind13   # the thirteenth blind test set
    python benchmarks/flags_tables.py --sets blind14   # the fourteenth blind test set
    python benchmarks/flags_tables.py --sets blind15   # the fifteenth blind test set
    python benchmarks/flags_tables.py --sets blind16   # the sixteenth blind test set
    python benchmarks/flags_tables.py --sets blind17   # the seventeenth blind test set
    python benchmarks/flags_tables.py --sets blind18   # the eighteenth blind test set

For every image of a set (generated with the set's own CLI, ``benchmarks/<set>_tables.py``),
a "simple" and a "detailed" description are written from the image's truth the way VLMs
write them: scores ("X scores 66.6 on MMLU"), the best model, comparisons, sizes ("a 7B
model"), training tokens, the title, quoted column names, the number of models. Some
statements are true, some invented the way VLMs invent: a number a little off or with two
digits swapped, a model or benchmark the table does not have, a title or task not in the
image, a wrong winner, one model's score given to another, a wrong size or token count.
Phrasing comes from several templates per kind. Each statement is labelled true or invented
with the flag kind an invention should raise.

No VLM runs: each image goes through the real pipeline (OCR, tables, charts), and the two
descriptions are reconciled against its reading. A statement is *accused* when a flag of
``ACCUSATIONS`` has it as its span, *unverified* when only "unverified" does. Printed: per
set and per style, precision and recall of accusations over invented statements, how many
statements got "unverified" (true and invented) and the share of those that were invented,
and the recall of "accused or unverified". Columns: statements, invented ones, tp (invented
and accused), fp (true and accused), precision, recall, unv:T / unv:I (true / invented
statements only "unverified"), p:unv (the invented share of those), r+unv.

Sets: ``synth``, ``unseen`` and ``heldout`` are tuning sets (their statements and misses may
be looked at); ``fresh`` (``benchmarks/fresh_tables.py``, written by other rules) and
``blind`` (``benchmarks/blind_tables.py``, written later by others again) and ``blind2``
(``benchmarks/blind2_tables.py``, a round later, by others again) and ``blind3``
(``benchmarks/blind3_tables.py``, the round after) and ``blind4``
(``benchmarks/blind4_tables.py``, the round after that) and ``blind5``
(``benchmarks/blind5_tables.py``, the next round) and ``blind6``
(``benchmarks/blind6_tables.py``, the round after) and ``blind7``
(``benchmarks/blind7_tables.py``, the seventh round) and ``blind8``
(``benchmarks/blind8_tables.py``, the eighth round) and ``blind9``
(``benchmarks/blind9_tables.py``, the ninth round) and ``blind10``
(``benchmarks/blind10_tables.py``, the tenth round) and ``blind11``
(``benchmarks/blind11_tables.py``, the eleventh round) and ``blind12``
(``benchmarks/blind12_tables.py``, the twelfth round) and ``blind13``
(``benchmarks/blind13_tables.py``, the thirteenth round) and ``blind14``
(``benchmarks/blind14_tables.py``, the fourteenth round) and ``blind15``
(``benchmarks/blind15_tables.py``, the fifteenth round) and ``blind16``
(``benchmarks/blind16_tables.py``, the sixteenth round) and ``blind17``
(``benchmarks/blind17_tables.py``, the seventeenth round) and ``blind18``
(``benchmarks/blind18_tables.py``, the eighteenth round) are test sets:
run them at their own seeds only to score, never with ``--verbose``; at other seeds
(``--seed-offset``) they are tuning material like the rest. Pipeline readings are cached per
set, seed and count under ``--cache`` so that changes to the flags re-score in seconds.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from imgread.reconcile import reconcile_texts
from imgread.reconcile.evidence import doubtful_words, read_confidence
from imgread.record import Description, PromptRef, Record
from imgread.tables.columns import PARAMS_RE, TOKENS_RE

REPO = Path(__file__).resolve().parents[1]
SEEDS = {"synth": 11, "unseen": 1100, "heldout": 5100, "fresh": 9100, "blind": 13100,
         "blind2": 15100, "blind3": 25100, "blind4": 35100, "blind5": 45100,
         "blind6": 55100, "blind7": 65100, "blind8": 75100, "blind9": 85100,
         "blind10": 95100, "blind11": 105100, "blind12": 108100, "blind13": 112100,
         "blind14": 116100, "blind15": 120100, "blind16": 124100,
         "blind17": 128100, "blind18": 132100}
TEST_SETS = {"fresh", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7",
             "blind8", "blind9", "blind10", "blind11", "blind12", "blind13",
             "blind14", "blind15", "blind16", "blind17", "blind18"}
# Flags that say the VLM got something wrong; "unverified" says the image could not tell.
ACCUSATIONS = {"number_not_in_image", "entity_not_in_image", "quote_not_in_image",
               "claim_contradicts_data", "range_mismatch", "count_mismatch"}
VLM = "bench-vlm"  # both descriptions come from one model: one voice, no corroboration

# What VLMs name that a table may not show: real model and benchmark names, names made the
# way model names are made, titles and tasks.
OTHER_MODELS = ["GPT-4", "Claude 3 Opus", "Gemini Pro", "Mixtral 8x22B", "Phi-3-mini",
                "Falcon-180B", "Llama 2 70B", "Qwen1.5-72B", "DeepSeek-V2", "Grok-1",
                "Command R+", "DBRX Instruct", "Nova-13B", "Orion 34B", "Atlas-70B-Chat",
                "Zephyr-7B", "InternLM2-20B", "Vicuna-13B"]
OTHER_BENCHMARKS = ["HumanEval", "GSM8K", "MATH", "ARC-Challenge", "TruthfulQA", "HellaSwag",
                    "WinoGrande", "BBH", "DROP", "GPQA", "MBPP", "AGIEval", "LogicBench",
                    "ReasonQA", "MMLU-Pro", "CodeArena"]
OTHER_TITLES = ["Performance of open models on reasoning tasks",
                "Table 3: Zero-shot results on held-out benchmarks",
                "Scaling laws for instruction-tuned models", "Leaderboard as of March 2024",
                "Comparison of chat models on safety evaluations"]
OTHER_TASKS = ["machine translation", "sentiment analysis", "summarization",
               "named entity recognition", "image captioning", "dialogue generation"]


@dataclass
class Statement:
    text: str
    true: bool
    kind: str  # the template: score, best, compare, size, ... (invented: num_off, ...)
    expected: str = ""  # the flag kind an invention should raise


def describe(kind: str, text: str) -> Description:
    return Description(model=f"{VLM}:{kind}", kind=kind,  # type: ignore[arg-type]
                       prompt=PromptRef(name=kind, sha256=""), text=text)


# --- what the truth says the image prints ---------------------------------------------------


@dataclass
class Printed:
    models: list[str]
    benchmarks: list[str]  # columns holding scores
    scores: dict[tuple[str, str], str]  # (model, benchmark) -> value as printed
    sizes: dict[str, str]  # model -> "7B" where a column or the name prints it
    tokens: dict[str, str]  # model -> "1.4T" / "1,500B" as a column prints it
    title: str | None
    columns: list[str]


def _value_text(cell: str) -> str | None:
    """A score cell's number as printed, without its ± part or footnote marks."""
    match = re.match(r"\s*(\d+(?:\.\d+)?)", cell.split("±")[0])
    return match.group(1) if match else None


def _unit_of(header: str, default: str) -> str:
    found = re.search(r"\(\s*([BMT])\s*\)", header)
    return found.group(1) if found else default


def printed(truth: dict[str, Any]) -> Printed:
    columns = [str(c) for c in truth["columns"]]
    result = Printed([], [], {}, {}, {}, truth.get("title"), columns)
    for row in truth["rows"]:
        model = str(row["model"])
        result.models.append(model)
        cells = [str(c) for c in row["cells"]]
        for header, cell in zip(columns[1:], cells[1:], strict=False):
            text = cell.strip()
            if PARAMS_RE.search(header):
                if re.fullmatch(r"\d+(?:\.\d+)?\s*[BM]", text):
                    result.sizes[model] = text.replace(" ", "")
                elif re.fullmatch(r"\d+(?:\.\d+)?", text):
                    result.sizes[model] = text + _unit_of(header, "B")
            elif TOKENS_RE.search(header):
                if re.fullmatch(r"\d[\d,]*(?:\.\d+)?\s*[BT]", text):
                    result.tokens[model] = text.replace(" ", "")
                elif re.fullmatch(r"\d[\d,]*(?:\.\d+)?", text):
                    result.tokens[model] = text + _unit_of(header, "T")
            else:
                value = _value_text(text)
                if value is not None:
                    result.scores[(model, header)] = value
                    if header not in result.benchmarks:
                        result.benchmarks.append(header)
        size = re.search(r"(?<![\w.])(\d+(?:\.\d+)?)\s?B\b", model)
        if model not in result.sizes and size:
            result.sizes[model] = size.group(1) + "B"
    return result


def _bench_name(header: str) -> str:
    """A column header as a VLM would name the benchmark: without arrows and marks."""
    return re.sub(r"\s*[↑↓*†‡]+", "", header).strip()


def _numbers(p: Printed) -> set[float]:
    values = {float(v) for v in p.scores.values()}
    return values | {float(re.sub(r"[^\d.]", "", s)) for s in p.sizes.values()}


def _shift(value: str, rng: random.Random, known: set[float]) -> str | None:
    """A number a little off, printed like the original, that the table does not print."""
    decimals = len(value.split(".")[1]) if "." in value else 0
    for _ in range(20):
        step = rng.choice([0.3, 0.7, 1.2, 1.8, 2.4, 3.1]) * rng.choice([-1, 1])
        shifted = round(float(value) + (step if decimals else round(step) or 1), decimals)
        if shifted > 0 and all(abs(shifted - k) > 0.051 for k in known):
            return f"{shifted:.{decimals}f}"
    return None


def _swap(value: str, known: set[float]) -> str | None:
    """Two neighbouring digits swapped (57.3 -> 53.7 or 75.3)."""
    digits = [i for i, ch in enumerate(value) if ch.isdigit()]
    for a, b in ((digits[0], digits[-1]), *pairwise(digits)):
        chars = list(value)
        chars[a], chars[b] = chars[b], chars[a]
        swapped = "".join(chars)
        if swapped != value and not swapped.startswith("0") and all(
                abs(float(swapped) - k) > 0.051 for k in known):
            return swapped
    return None


# --- the statements -----------------------------------------------------------------------

SCORE_TEMPLATES = ["{m} scores {v} on {b}.", "On {b}, {m} achieves {v}.",
                   "{m} reaches {v} on {b}.", "{m} gets a {b} score of {v}.",
                   "{m} posts {v} on the {b} benchmark."]
BEST_TEMPLATES = ["{m} achieves the highest {b} score.", "The best model on {b} is {m}.",
                  "{m} performs best on {b}.", "On {b}, {m} has the highest score."]
COMPARE_TEMPLATES = ["{a} outperforms {c} on {b}.", "{a} scores higher than {c} on {b}.",
                     "On {b}, {a} beats {c}."]
SIZE_TEMPLATES = ["{m} is a {s} model.", "{m} has {s} parameters.",
                  "The table lists {m} with {s} parameters."]
TOKEN_TEMPLATES = ["{m} was trained on {t} tokens.", "{m} saw {t} training tokens."]
TITLE_TEMPLATES = ['The table is titled "{t}".', 'The caption reads "{t}".',
                   'Above the table is the title "{t}".']
COLUMN_TEMPLATES = ['The table has a column labelled "{c}".',
                    'One of the column headers reads "{c}".']
TASK_TEMPLATES = ["The benchmarks cover {t} and {u} tasks.",
                  "It evaluates the models on tasks such as {t} and {u}."]


def statements(truth: dict[str, Any], rng: random.Random) -> list[Statement]:
    """True and invented statements about one image, in the order a description has them."""
    p = printed(truth)
    if not p.models or not p.benchmarks:
        return []
    known = _numbers(p)
    shown = " ".join(p.models + p.columns + [p.title or ""]).lower()
    out: list[Statement] = []
    scored = list(p.scores.items())
    rng.shuffle(scored)

    def score(m: str, b: str, v: str, true: bool, kind: str, expected: str = "") -> None:
        text = rng.choice(SCORE_TEMPLATES).format(m=m, b=_bench_name(b), v=v)
        out.append(Statement(text, true, kind, expected))

    # True scores and their inventions.
    for (model, bench), value in scored[:3]:
        score(model, bench, value, True, "score")
    for (model, bench), value in scored[3:5]:
        off = _shift(value, rng, known)
        if off:
            score(model, bench, off, False, "num_off", "number_not_in_image")
    if len(scored) > 5:
        (model, bench), value = scored[5]
        swapped = _swap(value, known)
        if swapped:
            score(model, bench, swapped, False, "digits_swapped", "number_not_in_image")
    # Best, wrong winner, comparisons, a score moved to another model.
    for bench in rng.sample(p.benchmarks, min(2, len(p.benchmarks))):
        column = [(float(v), m) for (m, b), v in p.scores.items() if b == bench]
        if len(column) < 3:
            continue
        column.sort(reverse=True)
        if column[0][0] == column[1][0]:
            continue
        best = column[0][1]
        loser = rng.choice([m for v, m in column[1:] if v < column[0][0]])
        template = rng.choice(BEST_TEMPLATES)
        out.append(Statement(template.format(m=best, b=_bench_name(bench)), True, "best"))
        out.append(Statement(rng.choice(BEST_TEMPLATES).format(m=loser, b=_bench_name(bench)),
                             False, "wrong_winner", "claim_contradicts_data"))
        (high, a), (low, c) = rng.sample(column, 2)
        if high != low:
            (high, a), (low, c) = max((high, a), (low, c)), min((high, a), (low, c))
            out.append(Statement(rng.choice(COMPARE_TEMPLATES).format(
                a=a, c=c, b=_bench_name(bench)), True, "compare"))
            out.append(Statement(rng.choice(COMPARE_TEMPLATES).format(
                a=c, c=a, b=_bench_name(bench)), False, "wrong_compare",
                "claim_contradicts_data"))
            moved = f"{high:g}" if high == int(high) else p.scores[(a, bench)]
            score(c, bench, moved, False, "score_moved", "claim_contradicts_data")
    # A model and a benchmark the table does not have.
    others = [m for m in OTHER_MODELS if m.lower() not in shown
              and m.split()[0].split("-")[0].lower() not in shown]
    if others and scored:
        (model, bench), value = scored[0]
        score(rng.choice(others), bench, value, False, "model_not_in_table",
              "entity_not_in_image")
    fakes = [b for b in OTHER_BENCHMARKS if re.sub(r"\W", "", b.lower())
             not in re.sub(r"\W", "", shown)]
    if fakes and scored:
        (model, bench), value = scored[-1]
        off = _shift(value, rng, known) or value
        score(model, rng.choice(fakes), off, False, "benchmark_not_in_table",
              "entity_not_in_image")
    # Sizes and tokens, true and wrong.
    sized = [m for m in p.models if m in p.sizes]
    if sized:
        model = rng.choice(sized)
        out.append(Statement(rng.choice(SIZE_TEMPLATES).format(m=model, s=p.sizes[model]),
                             True, "size"))
        model = rng.choice(sized)
        number = float(re.sub(r"[^\d.]", "", p.sizes[model]))
        wrong = next((w for w in (13, 34, 72, 3, 180, 22) if w != number
                      and all(abs(w - k) > 0.051 for k in known)), None)
        if wrong is not None:
            out.append(Statement(rng.choice(SIZE_TEMPLATES).format(m=model, s=f"{wrong}B"),
                                 False, "wrong_size", "number_not_in_image"))
    with_tokens = [m for m in p.models if m in p.tokens]
    if with_tokens:
        model = rng.choice(with_tokens)
        out.append(Statement(rng.choice(TOKEN_TEMPLATES).format(m=model, t=p.tokens[model]),
                             True, "tokens"))
        out.append(Statement(rng.choice(TOKEN_TEMPLATES).format(
            m=rng.choice(with_tokens), t=rng.choice(["4.7T", "0.8T", "9T", "2.2T"])),
            False, "wrong_tokens", "number_not_in_image"))
    # The title, the columns, the tasks.
    if p.title and not re.search(r"[\u3000-\u9fff]", p.title):
        out.append(Statement(rng.choice(TITLE_TEMPLATES).format(t=p.title.rstrip(".")),
                             True, "title"))
    fake_titles = [t for t in OTHER_TITLES if t.lower() not in shown]
    out.append(Statement(rng.choice(TITLE_TEMPLATES).format(t=rng.choice(fake_titles)),
                         False, "title_not_in_image", "quote_not_in_image"))
    latin = [c for c in p.benchmarks if re.fullmatch(r"[\x20-\x7e]+", c)]
    if latin:
        out.append(Statement(rng.choice(COLUMN_TEMPLATES).format(c=rng.choice(latin)), True,
                             "column"))
    if fakes:
        out.append(Statement(rng.choice(COLUMN_TEMPLATES).format(c=rng.choice(fakes)), False,
                             "column_not_in_image", "quote_not_in_image"))
    tasks = [t for t in OTHER_TASKS if t not in shown]
    a, b = rng.sample(tasks, 2)
    out.append(Statement(rng.choice(TASK_TEMPLATES).format(t=a, u=b), False,
                         "task_not_in_image", "entity_not_in_image"))
    n = len(p.models)
    out.append(Statement(f"The table compares {n} models on {len(p.benchmarks)} benchmarks.",
                         True, "count"))
    return out


def descriptions(found: list[Statement], rng: random.Random) -> dict[str, list[Statement]]:
    """Two descriptions, as VLMs answer the simple and the detailed prompt: a short paragraph
    of a few statements, and a bulleted list of the rest."""
    order = list(found)
    rng.shuffle(order)
    cut = min(4, len(order) // 3)
    return {"simple": order[:cut], "detailed": order[cut:]}


def _text(kind: str, parts: list[Statement]) -> str:
    if kind == "simple":
        return "This image shows a table of benchmark results. " + " ".join(s.text for s in parts)
    return "The table shows the following:\n" + "\n".join(f"- {s.text}" for s in parts)


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


# --- running and scoring ------------------------------------------------------------------


def readings(
    name: str, count: int, seed: int, cache: Path
) -> tuple[dict[str, Any], dict[str, Record]]:
    """The set's truth and the pipeline's record of each image, cached on disk."""
    folder = cache / f"{name}-{seed}-{count}"
    truth_file = folder / "truth.json"
    if not truth_file.exists():
        generator = REPO / "benchmarks" / f"{name}_tables.py"
        if not generator.exists():
            raise SystemExit(f"no generator for set {name!r}: {generator} is missing")
        subprocess.run([sys.executable, str(generator), str(folder), "--count", str(count),
                        "--seed", str(seed)], check=True, stdout=subprocess.DEVNULL)
    truth: dict[str, Any] = json.loads(truth_file.read_text())
    records_file = folder / "records.json"
    if records_file.exists():
        stored = json.loads(records_file.read_text())
        return truth, {k: Record.model_validate(v) for k, v in stored.items()}
    from imgread.config import Config
    from imgread.pipeline import Job, process_batch

    names = sorted(truth)
    found = process_batch([Job(path=folder / image) for image in names], Config())
    records = dict(zip(names, found, strict=True))
    records_file.write_text(json.dumps({k: r.model_dump(mode="json") for k, r in records.items()}))
    return truth, records


def score_image(
    record: Record, truth: dict[str, Any], rng: random.Random
) -> list[tuple[Statement, set[str]]]:
    """Each statement with the flag kinds reconcile raised on it."""
    found = statements(truth, rng)
    texts = descriptions(found, rng)
    written = [describe(kind, _text(kind, parts)) for kind, parts in texts.items() if parts]
    result = reconcile_texts(record.ocr.text, written, record.ocr.tables, record.charts,
                             ocr_confidence=read_confidence(record.ocr),
                             doubtful_words=doubtful_words(record.ocr))
    raised: dict[int, set[str]] = {id(s): set() for s in found}
    for flag in result.flags:
        if not flag.source.startswith(VLM) or not flag.span:
            continue
        # A span may run over two statements (prose splits no sentence before a name written
        # in lower case): the flag belongs to the one holding the claim it is about.
        span, claim = _compact(flag.span), _compact(str(flag.evidence.get("claim", "")))
        inside = [s for s in found if span and (span in _compact(s.text)
                                                or _compact(s.text) in span)]
        holding = [s for s in inside if claim and claim in _compact(s.text)]
        for statement in holding or inside:
            raised[id(statement)].add(flag.kind)
    return [(s, raised[id(s)]) for s in found]


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def summary(label: str, results: list[tuple[Statement, set[str]]]) -> str:
    accused = [(s, k) for s, k in results if k & ACCUSATIONS]
    tp = sum(1 for s, _ in accused if not s.true)
    invented = [s for s, _ in results if not s.true]
    unverified = [(s, k) for s, k in results if "unverified" in k and not k & ACCUSATIONS]
    caught = tp + sum(1 for s, _ in unverified if not s.true)
    return (f"{label:28} {len(results):5} {len(invented):5} {tp:4} {len(accused) - tp:4} "
            f"{_ratio(tp, len(accused)):6.3f} {_ratio(tp, len(invented)):6.3f} "
            f"{sum(1 for s, _ in unverified if s.true):5} "
            f"{sum(1 for s, _ in unverified if not s.true):5} "
            f"{_ratio(sum(1 for s, _ in unverified if not s.true), len(unverified)):6.3f} "
            f"{_ratio(caught, len(invented)):6.3f}")


HEADER = (f"{'set':28} {'stmts':>5} {'inv':>5} {'tp':>4} {'fp':>4} {'prec':>6} {'recall':>6} "
          f"{'unv:T':>5} {'unv:I':>5} {'p:unv':>6} {'r+unv':>6}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="synth,unseen,heldout")
    parser.add_argument("--count", type=int, default=16, help="images per set")
    parser.add_argument("--seed-offset", type=int, default=0,
                        help="added to every set's seed: other images of the same sets")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/imgread-flags-tables"))
    parser.add_argument("--verbose", action="store_true",
                        help="every wrong call on a tuning set (never on the test set)")
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.sets.split(",") if n.strip()]
    unknown = [n for n in names if n not in SEEDS]
    if unknown:
        parser.error(f"unknown set(s) {', '.join(unknown)}; known: {', '.join(SEEDS)}")
    print(HEADER)
    everything: dict[str, list[tuple[Statement, set[str]]]] = {}
    for name in names:
        truth, records = readings(name, args.count, SEEDS[name] + args.seed_offset, args.cache)
        results: list[tuple[Statement, set[str]]] = []
        by_style: dict[str, list[tuple[Statement, set[str]]]] = {}
        by_kind: dict[str, list[tuple[Statement, set[str]]]] = {}
        misses: list[str] = []
        for image in sorted(truth):
            rng = random.Random(f"{name}/{image}")
            scored = score_image(records[image], truth[image], rng)
            results += scored
            by_style.setdefault(str(truth[image].get("style", "?")), []).extend(scored)
            for statement, kinds in scored:
                by_kind.setdefault(statement.kind, []).append((statement, kinds))
                wrong = bool(kinds & ACCUSATIONS) == statement.true
                if wrong:
                    conf = read_confidence(records[image].ocr)
                    misses.append(f"  {image} (conf {conf}) {'TRUE' if statement.true else 'INV '}"
                                  f" {statement.kind:22} {statement.text!r} -> {sorted(kinds)}")
        everything[name] = results
        role = "test" if name in TEST_SETS else "tuning"
        print(summary(f"{name} ({role})", results))
        for style, part in sorted(by_style.items()):
            print(summary(f"  {name}:{style}", part))
        # A test set's other seeds are tuning material: only its own seed stays unseen.
        if args.verbose and (name not in TEST_SETS or args.seed_offset):
            for kind, part in sorted(by_kind.items()):
                print(summary(f"    kind {kind}", part))
            print("\n".join(misses))
    tuning = [r for n, rs in everything.items() if n not in TEST_SETS for r in rs]
    if tuning and len(everything) > 1:
        print(summary("all tuning sets", tuning))
    return 0


if __name__ == "__main__":
    sys.exit(main())
