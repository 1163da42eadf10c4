"""A note's arrow on a line chart (charts/leaders.py): a straight neutral stroke from the
note's text to a point of a line is no series, and the note names no line."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import drawn_look

from imgread.pipeline import read_image

pytest.importorskip("matplotlib")


def _series(path: Path) -> list:
    return [s for chart in read_image(path).charts for s in chart.series]


@pytest.mark.parametrize(("style", "index"), [("arrow_plain", 4), ("arrow_slide", 8),
                                              ("arrow_slide", 11)])
def test_a_notes_arrow_is_no_series(style: str, index: int, tmp_path: Path) -> None:
    """Traced by its grey colour, each arrow was a series of two or four points named by
    a word near it ("ma", "PT", "—e 75"): one series too many."""
    path, truth = drawn_look("annotated_lines", style, index, 100, tmp_path)
    read = _series(path)
    assert len(read) == len(truth["series"])
    for series in read:
        assert len(series.points) <= max(len(p) for p in truth["series"].values()) + 1


def test_a_grey_series_without_notes_stays(tmp_path: Path) -> None:
    """A black line of two points from one end of the plot to the other is a series, not
    an arrow: nothing of it lies at a note's text."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, ax = plt.subplots(figsize=(6, 4), dpi=100)
    ax.plot([0, 20, 40, 60], [31.0, 38.5, 44.0, 52.5], marker="o", label="Ours")
    ax.plot([0, 60], [25.0, 48.0], color="black", label="Baseline fit")
    ax.set_xlabel("Training steps (k)")
    ax.set_ylabel("Accuracy (%)")
    ax.legend(loc="upper left")
    figure.tight_layout()
    path = tmp_path / "grey.png"
    figure.savefig(path)
    plt.close(figure)
    read = _series(path)
    assert len(read) == 2
    grey = next(s for s in read if s.colour.lower() in ("#000000", "#010101") or
                s.name.lower().startswith("baseline"))
    assert grey.points
