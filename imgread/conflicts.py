"""Cross-image conflicts: what a record reads, keyed for comparison with other images, and
the flags that say where two images disagree.

The store finds the pairs (one SQL join over every image's readings); this module decides
what counts as the same reading (normalised names, quantities after their units) and words
the flags, so that the rules can be read and tested without a database.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .normalise import BenchmarkName, model_key, normalise_benchmark, sized_name
from .record import Flag, Record, Row, Score
from .units import QUANTITY_UNITS, column_quantity, normalised_quantity

CONFLICT_KIND = "conflicts_with_other_image"
# A benchmark named only by its position ("column 3": the header was not read) names
# nothing that two images could share.
PLACEHOLDER_BENCHMARK = re.compile(r"(col|column)?\d*")


Reading = tuple[tuple[str, str, str], float]


@dataclass
class ReadingFacts:
    """A reading's names as printed, their normalised forms, and who read it.
    ``read_as`` names the kinds of evidence for people: "OCR table", "chart label",
    "measured bar", "VLM"."""

    model: str
    benchmark: str
    setting: str | None
    sources: list[str]
    name: BenchmarkName
    read_as: list[str]
    model_name: str  # with the size read beside it, where the name states none


def readings(record: Record, aliases: str = "") -> dict[Reading, ReadingFacts]:
    """What a record reads, for comparing images: (model, benchmark, setting) keys and values,
    normalised by ``imgread.normalise`` (``aliases``: a user's alias text), each with the names
    as printed and the sources. A row's MMLU counts only where the record
    has no MMLU score for that model: the reconciler usually writes both, and the score
    also knows the setting. A row's size and training tokens count the same way.

    A column of sizes or training tokens ("Params (B)", "Tokens") is compared as its
    quantity, after its unit: the key is "params" or "tokens" whatever the header says, and
    the value is in billions or trillions (see ``compared_value``), so that "1,000B" in one
    image and "1.0" under "Tokens (T)" in another are one reading, not 1000 against 1."""
    found: dict[Reading, ReadingFacts] = {}

    def add(model: str, size: float | None, benchmark: str, setting: str | None,
            value: float | None, sources: list[str], read_as: str) -> None:
        name = normalise_benchmark(benchmark, setting, aliases)
        sized = sized_name(model, size)
        key = (model_key(sized), name.key, name.setting_key)
        if value is None or not key[0] or PLACEHOLDER_BENCHMARK.fullmatch(key[1]):
            return
        facts = found.setdefault((key, float(value)),
                                 ReadingFacts(model, benchmark, setting, [], name, [], sized))
        facts.sources += [source for source in sources if source not in facts.sources]
        if read_as not in facts.read_as:
            facts.read_as.append(read_as)

    # Sizes read beside a model (a size column, a chart's size axis), by where they were
    # read: a model named without its size is named with it (``sized_name``).
    sized = [row for row in record.rows if row.params_b and not row.params_from_name]
    sizes = {_position(row): row.params_b for row in sized if _position(row)}
    # Where positions do not match (a table read across), a row's own MMLU finds its score.
    by_value = Counter((model_key(row.model), row.mmlu) for row in sized)
    sizes |= {(model_key(row.model), row.mmlu): row.params_b for row in sized
              if by_value[(model_key(row.model), row.mmlu)] == 1}
    for score in record.scores:
        quantity = column_quantity(score.benchmark)
        size = sizes.get(_position(score)) or sizes.get((model_key(score.model), score.value))
        # On a scaling chart the x of a point is the size, now in the name, not a setting.
        setting = None if size and score.setting == f"x={size:g}" else score.setting
        add(score.model or score.model_normalised, size, score.benchmark, setting,
            compared_value(score, quantity), score.sources, _read_as(score))
    scored = {model for (model, benchmark, _), _ in found if benchmark == "mmlu"}
    quantities = {(model, benchmark) for (model, benchmark, _), _ in found}
    for row in record.rows:
        read_as = _read_as(row)
        size = None if row.params_from_name else row.params_b
        key = model_key(sized_name(row.model, size))
        if key not in scored:
            add(row.model, size, "MMLU", None, row.mmlu, row.sources, read_as)
        # Rows carry sizes and tokens already in billions and trillions; a size taken from
        # the model's name is the name, not a reading.
        if not row.params_from_name and (key, "params") not in quantities:
            add(row.model, size, "params", None, row.params_b, row.sources, read_as)
        if (key, "tokens") not in quantities:
            add(row.model, size, "tokens", None, row.tokens_t, row.sources, read_as)
    return found


def _position(item: Score | Row) -> tuple[Any, ...] | None:
    """Where a score or row was read: a table's body row, or a chart's point."""
    evidence = item.evidence
    if "table" in evidence and "row" in evidence:
        return ("table", evidence["table"], evidence["row"])
    if "px" in evidence and "py" in evidence:
        return ("point", evidence["px"], evidence["py"])
    return None


def _read_as(item: Score | Row) -> str:
    """The kind of evidence behind a score or row, as people name it."""
    if item.source == "chart":
        kind = next((s.split(":", 1)[1] for s in item.sources if s.startswith("chart:")), "")
        return "chart label" if item.evidence.get("label") else f"measured {kind or 'chart'}"
    return {"ocr": "OCR table", "vlm": "VLM", "both": "OCR table and VLM"}.get(item.source,
                                                                             item.source)


def compared_value(score: Score, quantity: str | None) -> float | None:
    """The value a score is compared with other images in: as read for a benchmark; for a
    size or tokens column, in billions or trillions read from the printed text and the
    header's unit. A size or token count whose unit is nowhere printed is compared only
    where it is plausible in billions or trillions (``units.PLAUSIBLE``); otherwise it is
    left out: a missed comparison costs less than a conflict that is only a unit."""
    if quantity is None:
        return score.value
    text = score.evidence.get("text")
    return normalised_quantity(quantity, score.value, text if isinstance(text, str) else None,
                               score.benchmark, score.unit)


def lost_decimal(read: float, other: float) -> bool:
    """Whether ``read`` is ``other`` with its decimal point lost, as OCR drops it: 675 for
    67.5, 666 for 66.6, 1234 for 12.34. ``other`` must print decimals and ``read`` none,
    so 70 against 7 (two sizes) is not one."""
    if read != int(read) or other == int(other) or read <= 0 or other <= 0:
        return False
    for places in (1, 2):
        if round(other, places) == other and round(other * 10**places) == read:
            return True
    return False


def _read_by_ocr(sources: list[str]) -> bool:
    """OCR read it (or nothing says who did): the reader that loses decimal points."""
    return not sources or any(source.startswith("ocr") for source in sources)


def conflict_pair(first: tuple[Any, ...], second: tuple[Any, ...]) -> dict[str, Any]:
    """One conflict: the names as printed in the first image, then each side's facts.

    ``quantity`` is "params" or "tokens" where the values are sizes in billions or token
    counts in trillions, else None. ``likely_ocr_error`` names the side whose OCR reading is
    the other's value with its decimal point lost ("a" or "b"), else None: such a pair is a
    misreading of one image, not two images that disagree."""
    pair = {"model": first[0], "benchmark": first[1], "setting": first[2]}
    for label, (_, _, _, sha, path, value, sources, _) in (("a", first), ("b", second)):
        pair |= {f"sha256_{label}": sha, f"path_{label}": path, f"value_{label}": value,
                 f"sources_{label}": json.loads(sources)}
    quantity = first[7]
    pair["quantity"] = quantity if quantity in QUANTITY_UNITS else None
    pair["likely_ocr_error"] = None
    for side, other in (("a", "b"), ("b", "a")):
        if lost_decimal(pair[f"value_{side}"], pair[f"value_{other}"]) and _read_by_ocr(
                pair[f"sources_{side}"]):
            pair["likely_ocr_error"] = side
    return pair


def _conflict_flag(conflict: dict[str, Any], side: str, other: str) -> Flag:
    setting = f" ({conflict['setting']})" if conflict["setting"] else ""
    what = f"{conflict['model']} {conflict['benchmark']}{setting}"
    unit = QUANTITY_UNITS.get(conflict["quantity"] or "", "")
    here, there = conflict[f"value_{side}"], conflict[f"value_{other}"]
    evidence = {
        "model": conflict["model"], "benchmark": conflict["benchmark"],
        "setting": conflict["setting"],
        "value": here, "sources": conflict[f"sources_{side}"],
        "other_sha256": conflict[f"sha256_{other}"], "other_path": conflict[f"path_{other}"],
        "other_value": there,
        "other_sources": conflict[f"sources_{other}"],
    }
    if unit:
        evidence["unit"] = unit
    if conflict["likely_ocr_error"] == side:
        evidence["likely_ocr_error"] = "lost_decimal"
        return Flag(
            kind=CONFLICT_KIND, severity="info", source="store", span=what,
            message=(f"{what} reads {here:g}{unit} here but {there:g}{unit} in "
                     f"{conflict[f'path_{other}']}: likely {there:g} with its decimal point "
                     "lost by OCR in this image, not a disagreement between the images"),
            evidence=evidence,
        )
    return Flag(
        kind=CONFLICT_KIND,
        severity="warning",
        source="store",
        message=f"{what} reads {here:g}{unit} here but {there:g}{unit} in "
                f"{conflict[f'path_{other}']}",
        span=what,
        evidence=evidence,
    )


def flags_by_image(conflicts: Iterable[dict[str, Any]]) -> dict[str, list[Flag]]:
    """The conflict flags each image gets from these pairs."""
    wanted: dict[str, list[Flag]] = {}
    for conflict in conflicts:
        misread = conflict["likely_ocr_error"]
        for side, other in (("a", "b"), ("b", "a")):
            # A lost decimal point is flagged (as info) on the image that lost it only.
            if misread in (None, side):
                wanted.setdefault(conflict[f"sha256_{side}"], []).append(
                    _conflict_flag(conflict, side, other))
    return wanted


def unique_flags(flags: list[Flag]) -> list[Flag]:
    """The flags without repeats, in order (compared by their JSON: an image with hundreds
    of conflicts costs hundreds of comparisons, not their square)."""
    unique: dict[str, Flag] = {}
    for flag in flags:
        unique.setdefault(flag.model_dump_json(), flag)
    return list(unique.values())
