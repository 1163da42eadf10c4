"""Lying bars bound to their category and their series (issue 11, bars6): each test one
mechanism of the reader, on a render of ``benchmarks/chart_looks/bound_bars.py``
(``fixtures/charts/SOURCES.md`` says which) read through real Tesseract."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from pathlib import Path

from imgread.pipeline import read_image
from imgread.record import Chart

FIXTURES = Path(__file__).parent / "fixtures" / "charts"


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _values(chart: Chart, series: str) -> dict[str, float]:
    """A series' points by their category's letters and digits."""
    found = next(s for s in chart.series if _norm(s.name) == _norm(series))
    return {_norm(p.x): p.y for p in found.points if isinstance(p.x, str) and p.y is not None}


def _named(read: dict[str, float], name: str, value: float) -> bool:
    """``name`` read (or its first words, or a size's "B" read as an "8") at ``value``."""
    whole = _norm(name)
    return any(len(key) >= 4 and (whole.startswith(key) or SequenceMatcher(
        None, key, whole).ratio() >= 0.85) and abs(y - value) <= 1.0 for key, y in read.items())


def test_names_the_page_reading_lost_beside_lying_bars_are_read_from_the_strip() -> None:
    """ggplot's grey names beside grey bars on a grey panel: the page reading kept two of
    six names; the strip left of the bars, read alone (and no longer painted over left of
    the bars' edge, where a grey name lies on the grey bars' blend into the panel), names the
    others."""
    record = read_image(FIXTURES / "bound_ggplot_hbar_names_lost.png")
    chart = next(c for c in record.charts if c.kind == "hbar")
    read = {_norm(str(p.x)): p.y or 0.0 for s in chart.series for p in s.points}
    truth = {"Llama 3.1 70B": 82.8, "Grok-2": 44.2, "Phi-3.5 MoE": 67.3, "Command R+": 27.4,
             "Qwen2.5 72B": 63.6, "Gemini 1.5 Pro": 38.0}
    missed = [name for name, value in truth.items() if not _named(read, name, value)]
    assert not missed, (missed, read)


def test_a_dark_legends_names_are_read_beside_their_patches() -> None:
    """Grouped lying bars on a dark page, the legend below the plot: the page reading took
    its patches for letters ("Mmm") and lost one name; each series is named by the text
    beside its patch, read alone, and its bars keep their categories and values."""
    record = read_image(FIXTURES / "bound_dark_grouped_hbar_legend.png")
    chart = next(c for c in record.charts if c.kind == "hbar")
    assert {_norm(s.name) for s in chart.series} == {"gsm8k", "mmlupro"}
    assert _named(_values(chart, "GSM8K"), "Phi-3.5 MoE", 89.5)
    assert _named(_values(chart, "MMLU-Pro"), "Mistral Large", 55.3)
