"""Names as tables and charts print them: the benchmark lexicon, and the closest known name
to a column name OCR was unsure of ("GsMek" -> "GSM8K", "Mmtu" -> "MMLU")."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

# Characters OCR confuses, compared as one: a misread of either costs nothing.
_LOOKALIKES = str.maketrans({"8": "b", "0": "o", "1": "l", "i": "l", "|": "l", "5": "s", "$": "s"})


@cache
def known_benchmarks(extra: Path | None = None) -> tuple[str, ...]:
    """The benchmark names in ``imgread/data/benchmarks.txt``, plus those in ``extra``."""
    text = resources.files("imgread").joinpath("data/benchmarks.txt").read_text()
    if extra is not None:
        text += "\n" + extra.read_text()
    names = (line.strip() for line in text.splitlines())
    return tuple(dict.fromkeys(name for name in names if name and not name.startswith("#")))


def _folded(text: str) -> str:
    return "".join(text.lower().split()).translate(_LOOKALIKES)


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def is_known_benchmark(text: str, names: tuple[str, ...] | None = None) -> bool:
    """``text`` is a known benchmark name (case and spaces aside)."""
    plain = "".join(text.lower().split())
    return bool(plain) and any(
        "".join(name.lower().split()) == plain for name in names or known_benchmarks()
    )


def closest_benchmark(text: str, names: tuple[str, ...] | None = None) -> str | None:
    """The one known benchmark name within OCR's reach of ``text`` (one edit for short
    names, two for longer ones, look-alike characters free), or None: when ``text`` is a
    known name itself, when nothing is that close, or when two names are equally close."""
    names = names if names is not None else known_benchmarks()
    folded = _folded(text)
    plain = "".join(text.lower().split())
    if not folded or any("".join(name.lower().split()) == plain for name in names):
        return None
    ranked = sorted((edit_distance(folded, _folded(name)), name) for name in names)
    best, name = ranked[0]
    allowed = 1 if len(_folded(name)) <= 6 else 2
    if best > allowed or (len(ranked) > 1 and ranked[1][0] == best):
        return None
    return name
