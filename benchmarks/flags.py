"""Flag precision and recall on a labelled set of VLM statements.

Each statement in tests/fixtures/flags/statements.json is reconciled as one description
against its case's OCR text (plus rows, scores and chart series where the case gives them),
and the flag kinds raised are compared with the labelled ones.

    python benchmarks/flags.py            # the table
    python benchmarks/flags.py --verbose  # and every miss
    python benchmarks/flags.py --ocr      # the "unverified" threshold, measured on images

``--ocr`` reads the real images (../shared/data/real, with truth.json) and the samples
(samples/expected.json) with the pipeline's own OCR, tables and charts (no VLM), then states
for each image numbers and names it prints ("<model> is listed as well, at <value>.": true)
and ones it does not (a model it does not show, a value off by 7.3: invented). An accusation
(number_not_in_image, entity_not_in_image) on a true statement is a false one. The table
shows, per image, its OCR confidence (reconcile.evidence.read_confidence) and its accusations,
then precision and recall of accusations when images read below each threshold get
"unverified" instead. It needs Tesseract and takes about a minute.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from imgread.reconcile import reconcile_texts
from imgread.record import (
    Axis,
    AxisTick,
    Box,
    Chart,
    ChartPoint,
    Description,
    PromptRef,
    Row,
    Score,
    Series,
    Table,
)
from imgread.units import normalise_model_name

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "flags" / "statements.json"
# Flags about OCR or sources, not about what a VLM said.
UNDER_TEST = "vlm-under-test"
NOT_STATEMENT_FLAGS = {"ocr_repaired", "sources_disagree", "low_confidence"}


def describe(model: str, text: str) -> Description:
    return Description(model=model, kind="simple", prompt=PromptRef(name="simple", sha256=""),
                       text=text)


def chart_from(spec: dict[str, Any]) -> Chart:
    def ticks(values: list[float], orientation: str) -> Axis:
        return Axis(orientation=orientation,  # type: ignore[arg-type]
                    ticks=[AxisTick(label=f"{v:g}", value=v, pixel=0.0) for v in values])

    series = [Series(name=s["name"], points=[ChartPoint(x=x, y=y, px=0.0, py=0.0)
                                             for x, y in s["points"]]) for s in spec["series"]]
    return Chart(kind="line", box=Box(x1=0, y1=0, x2=1, y2=1), series=series,
                 axes=[ticks(spec.get("x_ticks", []), "x"), ticks(spec.get("y_ticks", []), "y")])


def flags_for(case: dict[str, Any], statement: dict[str, Any]) -> set[str]:
    """The flag kinds reconcile raises on one statement, as the description under test."""
    rows = [Row(source="ocr", sources=["ocr:table0"], confidence=0.9, **row)
            for row in case.get("rows", [])]
    scores = [Score(model_normalised=normalise_model_name(s["model"]), source="ocr",
                    sources=["ocr:table0"], confidence=0.9, **s) for s in case.get("scores", [])]
    tables = []
    if case.get("columns"):
        tables.append(Table(box=Box(x1=0, y1=0, x2=1, y2=1), n_rows=len(rows),
                            n_cols=len(case["columns"]), columns=case["columns"]))
    descriptions = [describe(UNDER_TEST, statement["text"])]
    descriptions += [describe(o["model"], o["text"]) for o in statement.get("others", [])]
    result = reconcile_texts(case["ocr_text"], descriptions, tables,
                             [chart_from(c) for c in case.get("charts", [])],
                             table_rows=rows, table_scores=scores)
    return {f.kind for f in result.flags
            if f.source == UNDER_TEST and f.kind not in NOT_STATEMENT_FLAGS}


def evaluate(
    path: Path = FIXTURE, batch: int | None = None
) -> tuple[dict[str, Counter[str]], list[str], int]:
    """Counts per flag kind; ``batch`` limits it to one batch of cases (0: written with the
    code, 1.. : written afterwards, before the code saw them)."""
    cases = [case for case in json.loads(path.read_text())["cases"]
             if batch is None or int(case.get("heldout", 0)) == batch]
    counts: dict[str, Counter[str]] = {}
    misses: list[str] = []
    paraphrase_flags = 0
    for case in cases:
        for statement in case["statements"]:
            expected, got = set(statement["expected"]), flags_for(case, statement)
            if not expected and got:
                paraphrase_flags += 1
            for kind in expected | got:
                tally = counts.setdefault(kind, Counter())
                tally["tp" if kind in expected and kind in got else
                      "fn" if kind in expected else "fp"] += 1
            if expected != got:
                misses.append(f"{case['id']}: {statement['text']!r} expected {sorted(expected)} "
                              f"got {sorted(got)}")
    return counts, misses, paraphrase_flags


REPO = Path(__file__).resolve().parents[1]
REAL = REPO.parent / "shared" / "data" / "real"
# Images whose truth also holds values the image does not print (bars without labels).
PRINTED_ONLY = {"minimax01_textbench_bar.png": "MiniMax-Text-01"}
INVENTED_MODELS = ["Grok-1", "Falcon-180B", "Command R+", "Phi-3 Mini", "Gemma 7B",
                   "Mixtral 8x22B", "Yi-34B", "Claude 3 Opus"]
ACCUSATIONS = {"number_not_in_image", "entity_not_in_image", "claim_contradicts_data"}


def _ocr_cases() -> list[tuple[Path, list[dict[str, Any]]]]:
    cases: list[tuple[Path, list[dict[str, Any]]]] = []
    sources = [(REAL / "truth.json", REAL / "images"), (REPO / "samples" / "expected.json",
                                                         REPO / "samples")]
    for truth_file, folder in sources:
        if not truth_file.exists():
            continue
        for name, truth in json.loads(truth_file.read_text()).items():
            printed = PRINTED_ONLY.get(name)
            scores = [s for s in truth.get("scores", []) if s.get("value") is not None
                      and (printed is None or s["model"] == printed)]
            if (folder / name).exists() and scores:
                cases.append((folder / name, scores))
    return cases


def ocr_measurement(thresholds: tuple[float, ...] = (0, 50, 60, 65, 70, 75, 80, 85)) -> None:
    from imgread.config import Config
    from imgread.pipeline import Job, process_batch
    from imgread.reconcile.evidence import UNREADABLE_CONFIDENCE, doubtful_words, read_confidence

    per_image: list[tuple[str, float, Counter[str]]] = []
    for path, scores in _ocr_cases():
        record = process_batch([Job(path=path)], Config())[0]
        confidence = read_confidence(record.ocr) or 0.0
        doubtful = doubtful_words(record.ocr)
        printed = {round(float(s["value"]), 3) for s in scores}
        shown = " ".join(str(s["model"]) for s in scores).lower()
        invented = [m for m in INVENTED_MODELS if m.split()[0].lower() not in shown]
        tally: Counter[str] = Counter()
        picks = scores[:: max(1, len(scores) // 8)][:8]
        for i, score in enumerate(picks):
            fake = round(float(score["value"]) + 7.3, 1)
            statements = [(f"{score['model']} is listed as well, at {score['value']:g}.", True)]
            if all(abs(fake - v) > 0.5 for v in printed):
                statements.append((f"{invented[i % len(invented)]} is listed as well, at "
                                   f"{fake:g}.", False))
            for text, true in statements:
                for gated, key in ((None, ""), (confidence, "gated_")):
                    # gated: as ``reconcile.run`` flags, with the poorly read words too
                    result = reconcile_texts(record.ocr.text, [describe(UNDER_TEST, text)],
                                             record.ocr.tables, record.charts,
                                             ocr_confidence=gated,
                                             doubtful_words=doubtful if gated else ())
                    kinds = [f.kind for f in result.flags if f.source == UNDER_TEST]
                    accused = min(2, sum(kind in ACCUSATIONS for kind in kinds))
                    tally[key + ("fp" if true else "tp")] += accused
                    if not true:  # an invention: one number and one name to catch
                        tally[key + "fn"] += 2 - accused
                    tally[key + "unverified"] += kinds.count("unverified")
        per_image.append((path.name, confidence, tally))
    print(f"{'image':34} {'conf':>5} {'tp':>4} {'fp':>4} {'fn':>4}   at {UNREADABLE_CONFIDENCE:g}: "
          f"{'tp':>3} {'fp':>3} {'unverified':>10}")
    for name, confidence, t in sorted(per_image, key=lambda item: item[1]):
        print(f"{name:34} {confidence:5.1f} {t['tp']:4} {t['fp']:4} {t['fn']:4}        "
              f"{t['gated_tp']:3} {t['gated_fp']:3} {t['gated_unverified']:10}")
    print(f"\n{'threshold':>9} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7}")
    for threshold in thresholds:
        kept = [t for _, c, t in per_image if c >= threshold]
        tp = sum(t["tp"] for t in kept)
        fp = sum(t["fp"] for t in kept)
        fn = sum(t["tp"] + t["fn"] for _, _, t in per_image) - tp
        print(f"{threshold:9g} {tp:4} {fp:4} {fn:4} {_ratio(tp, tp + fp):9.2f} "
              f"{_ratio(tp, tp + fn):7.2f}")
    tp = sum(t["gated_tp"] for _, _, t in per_image)
    fp = sum(t["gated_fp"] for _, _, t in per_image)
    fn = sum(t["tp"] + t["fn"] for _, _, t in per_image) - tp
    print(f"{'as run':>9} {tp:4} {fp:4} {fn:4} {_ratio(tp, tp + fp):9.2f} "
          f"{_ratio(tp, tp + fn):7.2f}   (threshold {UNREADABLE_CONFIDENCE:g}, and words and "
          "cells read below it)")


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--ocr", action="store_true",
                        help="measure the unverified threshold on real images (Tesseract)")
    args = parser.parse_args(argv)
    if args.ocr:
        ocr_measurement()
        return 0
    counts, misses, paraphrase_flags = evaluate()
    total: Counter[str] = Counter()
    print(f"{'kind':26} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7}")
    for kind in sorted(counts):
        c = counts[kind]
        total.update(c)
        precision = _ratio(c["tp"], c["tp"] + c["fp"])
        recall = _ratio(c["tp"], c["tp"] + c["fn"])
        print(f"{kind:26} {c['tp']:4} {c['fp']:4} {c['fn']:4} {precision:9.2f} {recall:7.2f}")
    print(f"{'overall':26} {total['tp']:4} {total['fp']:4} {total['fn']:4} "
          f"{_ratio(total['tp'], total['tp'] + total['fp']):9.2f} "
          f"{_ratio(total['tp'], total['tp'] + total['fn']):7.2f}")
    print(f"flags on true statements and paraphrases: {paraphrase_flags}")
    batches = sorted({int(c.get("heldout", 0)) for c in json.loads(FIXTURE.read_text())["cases"]})
    for batch in batches:
        part, _, flagged = evaluate(batch=batch)
        sums = Counter[str]()
        for tally in part.values():
            sums.update(tally)
        print(f"batch {batch}{' (written with the code)' if batch == 0 else ''}: precision "
              f"{_ratio(sums['tp'], sums['tp'] + sums['fp']):.2f}, recall "
              f"{_ratio(sums['tp'], sums['tp'] + sums['fn']):.2f}, "
              f"{sums['tp'] + sums['fn']} labelled flags, {flagged} on true statements")
    if args.verbose:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
