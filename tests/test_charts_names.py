"""Category names under bars: two neighbours' long names read as one phrase are split."""

from __future__ import annotations

from pathlib import Path

import pytest

from imgread.pipeline import read_image

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

NAMES = ["Orca-3 70B", "Nimbus-2 34B", "Falcon-X 13B", "Tern-7B", "Mako 8B"]
SCORES = [81.4, 76.2, 68.9, 61.3, 55.0]


def test_neighbouring_names_read_as_one_phrase_name_their_own_bars(tmp_path: Path) -> None:
    """Long names under narrow bars leave about a word space between two of them, so OCR
    groups "Nimbus-2 34B Falcon-X 13B" as one phrase; before the split both bars took the
    joined name."""
    fig, ax = plt.subplots(figsize=(6, 3.6), dpi=100)
    bars = ax.bar(NAMES, SCORES, color="#3b7dd8")
    ax.bar_label(bars, fmt="%.1f", padding=3)
    ax.set_ylabel("MMLU (%)")
    fig.tight_layout()
    path = tmp_path / "bars.png"
    fig.savefig(path)
    plt.close(fig)

    record = read_image(path)
    bar_charts = [chart for chart in record.charts if chart.kind == "bar"]
    assert len(bar_charts) == 1
    read = {point.x: point.y for series in bar_charts[0].series for point in series.points}
    assert {str(name).lower(): value for name, value in read.items()} == {
        name.lower(): score for name, score in zip(NAMES, SCORES, strict=True)
    }
