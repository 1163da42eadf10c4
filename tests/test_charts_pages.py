"""No chart on pages that draw none (issue 11): table screenshots and text-only memes.
Each test one mechanism, on a tuning render kept in ``tests/fixtures/charts/`` (SOURCES.md
says which) or drawn here, read through real Tesseract."""

from __future__ import annotations

from pathlib import Path

import pytest

from imgread.pipeline import read_image

FIXTURES = Path(__file__).parent / "fixtures" / "charts"


@pytest.mark.parametrize("name", [
    "page_spreadsheet.jpg",  # a spreadsheet's column of scores
    "page_pdf_viewer_table.png",  # a paper's last column, beside the page's edge
    "page_pandas_styler_bars.jpg",  # bars drawn in the cells, no table read
    "page_photographed_table.jpg",  # a model-size column, 12, 6, 1.8 ... on a log scale
])
def test_a_table_column_is_no_y_axis(name: str) -> None:
    """A column of a table's numbers steps evenly down the page like y ticks, but each of
    its rows runs on into cells set in columns the other rows share (``text_grid``): the
    fills, rules and page edges beside it are no bars."""
    assert read_image(FIXTURES / name).charts == []


def test_panels_side_by_side_stay_charts(tmp_path: Path) -> None:
    """Small multiples set their y ticks on the same rows, panel after panel, as a table's
    columns do, but a plot's width apart: a row of a table runs on from cell to cell, no
    wider gap than a few text heights, so these ticks are axes still."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(1, 3, figsize=(12, 4), dpi=100)
    models = ["Llama-2-7B", "Mistral-7B", "Gemma-7B", "Qwen-7B"]
    for ax, bench, values in zip(axes, ["MMLU", "GSM8K", "HumanEval"],
                                 [[45.3, 62.5, 64.3, 58.2], [14.6, 35.4, 46.4, 51.7],
                                  [12.8, 26.2, 32.3, 29.9]], strict=True):
        bars = ax.bar(models, values, color="#4c72b0")
        ax.bar_label(bars, fmt="%.1f")
        ax.set_ylim(0, 80)
        ax.set_yticks([0, 20, 40, 60, 80])
        ax.set_title(bench)
        ax.tick_params(axis="x", labelsize=8)
    figure.tight_layout()
    figure.savefig(tmp_path / "panels.png")
    plt.close(figure)
    charts = read_image(tmp_path / "panels.png").charts
    assert len([chart for chart in charts if chart.kind == "bar"]) == 3


@pytest.mark.parametrize("name", [
    "page_post_with_table.jpg",  # a post's counts of replies and likes as an x axis
    "page_pandas_styler_gradient.png",  # a Styler's gradient fills beside a column
])
def test_bars_far_off_their_axis_are_no_chart(name: str) -> None:
    """Bars measured far past their value axis's last tick, or under zero where no tick is
    negative (``on_axis``), are no bars drawn on it: the numbers label something else, and
    the "bars" are a card, cell fills, a page's edge."""
    assert read_image(FIXTURES / name).charts == []
