"""One normalisation of model names, benchmark names, settings and units.

Tables print one benchmark many ways ("MMLU", "mmlu", "MMLU (5-shot)", "MMLU 5-shot") and one
model many ways ("Llama-2-70B", "Llama 2 70B", "LLaMA2 70b"). Everything that compares or
groups readings across images (the store's readings and conflicts, the leaderboard, stats)
asks this module, so there is one answer to "are these the same?". The text as printed is
always kept beside the normalised form; nothing here changes a record.

Benchmark names resolve through the lexicon (``data/benchmarks.txt``) and the aliases
(``data/benchmark_aliases.txt``, extended by the file the ``names.aliases`` setting names).
Columns of sizes and training tokens ("Params", "Training tokens") are quantities, in billions
and trillions, never benchmarks.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from .errors import ConfigError
from .units import QUANTITY_UNITS, column_quantity, normalise_model_name, params_from_model_name

# A setting as tables print it beside a benchmark's name: shots, chain of thought, the metric.
_SHOTS_RE = re.compile(r"\b(\d+|zero|one|two|three|four|five|few)\s*[-‐]?\s*shots?\b", re.I)
_SETTING_PART_RE = re.compile(
    r"(?:\d+|zero|one|two|three|four|five|few)\s*[-‐]?\s*shots?|\bcot\b|chain[- ]of[- ]thought|"
    r"pass\s*@\s*\d+|maj\s*@\s*\d+|\bacc(?:uracy|_norm)?\b|\bem\b|\bf1\b|\bexact match\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = {"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5"}
# A setting at the end of a name: in brackets ("MMLU (5-shot)", "GSM8K [maj@8]") or after a
# space, dash or comma ("MMLU 5-shot", "MMLU-5shot", "HumanEval, pass@1").
_BRACKETED_RE = re.compile(r"\s*[(\[（]([^()\[\]（）]*)[)\]）]\s*$")
_TRAILING_RE = re.compile(rf"(?:^|[\s,;:_\-])((?:{_SETTING_PART_RE.pattern})(?:[\s,+/]*"
                          rf"(?:{_SETTING_PART_RE.pattern}))*)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class BenchmarkName:
    """A benchmark column's name as printed, and what it means.

    ``name`` is the canonical name ("MMLU") or, for a quantity, "params" or "tokens";
    ``setting`` the canonical setting ("5-shot") or None; ``key`` and ``setting_key`` compare
    them; ``quantity`` is "params" or "tokens" for a column of sizes or training tokens, whose
    ``unit`` is then "B" or "T" (a score's unit, "%", otherwise)."""

    raw: str
    name: str
    setting: str | None
    key: str
    setting_key: str
    quantity: str | None
    unit: str


@dataclass(frozen=True)
class ModelName:
    """A model's name as printed, its comparison key ("llama-2-70b") and the size its name
    states in billions (70.0), if any."""

    raw: str
    key: str
    size_b: float | None


def fold(text: str | None) -> str:
    """The letters and digits of a name, lower case: what two spellings must share to be one
    name. "+" and "@" stay ("HumanEval+" is not HumanEval; "pass@1")."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    return re.sub(r"[^\w+@]|_", "", text)


@dataclass(frozen=True)
class Lexicon:
    """Folded name -> canonical benchmark name, and a fingerprint of the files it came from
    (stored with the database, so a changed alias file re-derives the readings)."""

    canonical: dict[str, str]
    fingerprint: str


def _alias_lines(text: str, source: str) -> list[tuple[str, list[str]]]:
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, aliases = line.partition("=")
        if not name.strip() or (sep and not aliases.strip()):
            raise ConfigError(f"{source}:{number}: cannot read the alias line {line!r}",
                              hint="write: Canonical Name = alias one, alias two")
        entries.append((name.strip(), [a.strip() for a in aliases.split(",") if a.strip()]))
    return entries


def read_aliases(path: Path) -> str:
    """The text of a user's alias file, checked line by line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"names.aliases: cannot read {path} ({error})",
                          hint="point names.aliases at a UTF-8 text file of alias lines"
                          ) from error
    _alias_lines(text, str(path))
    return text


@cache
def lexicon(extra: str = "") -> Lexicon:
    """The benchmark lexicon plus aliases: the built-in files, then ``extra``, the text of a
    user's alias file, whose lines win."""
    package = resources.files("imgread").joinpath("data")
    texts = [("benchmarks.txt", package.joinpath("benchmarks.txt").read_text()),
             ("benchmark_aliases.txt", package.joinpath("benchmark_aliases.txt").read_text()),
             ("names.aliases", extra)]
    canonical: dict[str, str] = {}
    for source, text in texts:
        for name, aliases in _alias_lines(text, source):
            for spelling in (name, *aliases):
                canonical[fold(spelling)] = name
    digest = hashlib.sha256("\n".join(text for _, text in texts).encode()).hexdigest()[:16]
    return Lexicon(canonical, digest)


def normalise_setting(text: str | None) -> str | None:
    """A canonical setting: "5 shot", "(5-shot)", "five-shot" -> "5-shot"; "CoT" for chain of
    thought; "pass@1"; parts joined by ", ". None for no setting."""
    if text is None:
        return None
    cleaned = unicodedata.normalize("NFKC", text).strip().strip("()[]（） ").strip()
    if not cleaned:
        return None

    def shots(match: re.Match[str]) -> str:
        count = match.group(1).lower()
        return f"{_NUMBER_WORDS.get(count, count)}-shot"

    cleaned = _SHOTS_RE.sub(shots, cleaned)
    cleaned = re.sub(r"\bchain[- ]of[- ]thought\b|\bcot\b", "CoT", cleaned, flags=re.I)
    cleaned = re.sub(r"\s*@\s*", "@", cleaned)
    parts = [part.strip() for part in re.split(r"\s*[,;+/]\s*|\s+(?=\d+-shot|CoT)", cleaned)]
    return ", ".join(part for part in parts if part) or None


def _split_setting(text: str) -> tuple[str, str | None]:
    """A name and the setting printed with it: "MMLU (5-shot)" -> ("MMLU", "5-shot")."""
    bracketed = _BRACKETED_RE.search(text)
    if bracketed and _SETTING_PART_RE.search(bracketed.group(1)):
        return text[: bracketed.start()].strip(), bracketed.group(1)
    if bracketed and not re.search(r"[A-Za-z0-9]", bracketed.group(1)):
        # A gloss in another script ("MMLU (英文)": "English") names no other benchmark.
        return _split_setting(text[: bracketed.start()])
    trailing = _TRAILING_RE.search(text)
    if trailing and trailing.start(1) > 0:
        return text[: trailing.start(1)].strip(" ,;:_-"), trailing.group(1)
    return text.strip(), None


def normalise_benchmark(raw: str, setting: str | None = None,
                        aliases: str = "") -> BenchmarkName:
    """What a printed benchmark name (and the setting printed above it, if any) means.

    A setting printed in the name is used when ``setting`` is None. A known name or alias
    becomes its canonical name; an unknown one keeps its printed form (spaces tidied), and
    compares by its folded letters. ``aliases`` is the text of a user's alias file."""
    printed = " ".join(unicodedata.normalize("NFKC", raw or "").split())
    quantity = column_quantity(printed)
    if quantity is not None:
        return BenchmarkName(raw, quantity, None, quantity, "", quantity,
                             QUANTITY_UNITS[quantity])
    name, in_name = _split_setting(printed)
    canonical = lexicon(aliases).canonical.get(fold(name), name or printed)
    setting_name = normalise_setting(setting if setting else in_name)
    return BenchmarkName(raw, canonical, setting_name, fold(canonical), fold(setting_name),
                         None, "%")


def normalise_model(raw: str) -> ModelName:
    """A model name's comparison key and the size it states: "Llama-2-70B", "Llama 2 70B"
    and "LLaMA2 70b" all key "llama-2-70b", size 70."""
    return ModelName(raw, model_key(raw), params_from_model_name(raw or ""))


def sized_name(model: str, params_b: float | None) -> str:
    """A model named without its size, read beside one (a size column, a chart's size axis),
    is that size's model: "LLaMA 2" at 13 is "LLaMA 2 13B". A name that states a size keeps
    it."""
    if not params_b or not re.search(r"[^\W\d_]", model) or params_from_model_name(model):
        return model
    return f"{model.strip()} {params_b:g}B"


def model_key(raw: str | None) -> str:
    """The key two spellings of one model share (see ``units.normalise_model_name``); empty
    for a name with no letter in it (a row number read as the model column names nothing)."""
    key = normalise_model_name(raw or "").rstrip(".")
    return key if re.search(r"[^\W\d_]", key) else ""
