"""Bar charts from renderers the reader was not tuned on (Vega-Lite, pygal, a canvas
charting script like Chart.js): each test one mechanism of label and name binding, on a
render of a retired test generator (a tuning set now; ``fixtures/charts/SOURCES.md`` says
which), read through real Tesseract."""

from __future__ import annotations

from pathlib import Path

from conftest import first_bar_chart, names_alike, read_real

from imgread.charts import binding
from imgread.charts.legend import confirmed_names
from imgread.pipeline import read_image
from imgread.record import Chart

FIXTURES = Path(__file__).parent / "fixtures" / "charts"


def _points(chart: Chart) -> list[tuple[str, str, float | None]]:
    return [(s.name, str(p.x), p.y) for s in chart.series for p in s.points]


def test_bars_of_a_colour_each_standing_close_take_their_own_names() -> None:
    """Vega-Lite coloured by model: five bars, each its own colour, close together (one
    "group" by spacing), each with its name centred under it; a tick mark read into one
    name made its box taller than the rest of the row. Before: every bar took the name
    under the group's middle."""
    chart = first_bar_chart(read_image(FIXTURES / "vega_dark_colour_per_bar.png"))
    names = [x for _, x, _ in sorted(_points(chart), key=lambda p: p[2] or 0)]
    expected = ["Juniper-22B", "Kestrel-3B", "Heron-72B", "Vireo-2B", "Obsidian-32B"]
    assert len(names) == len(expected)
    assert all(names_alike(a, b) for a, b in zip(names, expected, strict=True))


def test_a_size_misread_in_a_name_is_read_as_the_other_names_print_theirs() -> None:
    """Where most names print a size, "Obsidian-328" (the B's bowls read as an 8) and
    "Larch-1.5-7 OB Base" (a zero read as a spaced O) print theirs as the others do."""
    chart = first_bar_chart(read_image(FIXTURES / "vega_dark_colour_per_bar.png"))
    assert "Obsidian-32B" in [x for _, x, _ in _points(chart)]
    assert binding.sizes_read_again(["Heron-72B", "Larch-1.5-7 OB Base", "Wren-1.8B", 4.0]) == [
        "Heron-72B", "Larch-1.5-70B Base", "Wren-1.8B", 4.0]
    # names that print no size, or a number that is none, are left as read
    assert binding.sizes_read_again(["GPT-4-0128", "Sable Turbo", "Heron-72B", "Wren-2B"]) == [
        "GPT-4-0128", "Sable Turbo", "Heron-72B", "Wren-2B"]


def test_grouped_bars_take_names_by_group_not_by_bar() -> None:
    """pygal, two series, names turned clockwise: each name hangs from its group's middle,
    which is also about where the group's second bar stands; bound bar by bar the first
    series' bars came out unnamed (1.0, 3.0 ...), one taking a scrap of the strip."""
    chart = first_bar_chart(read_image(FIXTURES / "pygal_grouped_falling_names.png"))
    names = ["Tern-34B", "Orrery Large", "Kestrel-3B", "Marlin-70B", "Corvid-7B"]
    for series in chart.series:
        read = [str(p.x) for p in series.points]
        assert len(read) == len(names)
        assert all(names_alike(a, b) for a, b in zip(read, names, strict=True)), series.name


def test_unsure_slanted_names_fill_places_no_sure_name_took() -> None:
    """Chart.js-like bars, names at 30 degrees: Tesseract reads two of the five turned
    names whole but below confidence 50 ("Corvid-2-1B-Instruct" at 47); they left their
    bars unnamed."""
    chart = first_bar_chart(read_image(FIXTURES / "canvas_unsure_slanted_names.png"))
    names = ["Corvid-2-1B-Instruct", "Corvid-1.5-34B-Instruct", "Yarrow-3-1.5B-Instruct",
             "Corvid-13B-Instruct", "Juniper-3-7B-Instruct"]
    read = [x for _, x, _ in _points(chart)]
    assert len(read) == len(names)
    assert all(names_alike(a, b) for a, b in zip(read, names, strict=True))


def test_a_scrap_printed_unlike_the_labels_does_not_outvote_its_bar() -> None:
    """Vega-Lite, dark, labels "48.0%": the page reading took a "1" over the first bar for
    its label; confident and on the axis's scale, it stood against the bar's 48."""
    chart = first_bar_chart(read_image(FIXTURES / "vega_dark_label_scrap.png"))
    values = sorted(y for _, _, y in _points(chart) if y is not None)
    assert len(values) == 5
    assert all(abs(a - b) <= 1.0 for a, b in zip(values, [41.0, 48.0, 49.6, 49.9, 64.3],
                                                   strict=True))


def _series_names(chart: Chart) -> list[str]:
    return [s.name for s in chart.series]


def test_a_label_beside_a_bar_of_a_series_colour_does_not_name_the_series() -> None:
    """pygal prints values across the bars' middles: "74.5" read as "S745" beside a bar of
    the third series' colour (inside the plot, so ranked before the legend under it) named
    that series. A legend patch ends within a text height; a bar's side runs on."""
    chart = first_bar_chart(read_image(FIXTURES / "pygal_labels_beside_bars.png"))
    assert _series_names(chart) == ["HellaSwag", "MATH", "MMLU", "C-Eval"]


def test_a_dashed_gridline_read_as_a_word_names_no_series() -> None:
    """pygal's dashed gridlines read as "bd" (confidence 84) and "ease", two pixels tall,
    with a bar of a series' colour left of them: they named two series ahead of the
    legend's words."""
    chart = first_bar_chart(read_image(FIXTURES / "pygal_dashes_read_as_words.png"))
    assert _series_names(chart) == ["HellaSwag", "MBPP", "BBH", "IFEval"]


def test_an_unsure_name_in_the_row_names_a_group_no_sure_name_named() -> None:
    """ECharts-like grouped bars, names level under the groups: "MBPP." read at confidence
    48 beside "C-Eval" and "ARC-C" read surely; its group kept its index (2.0)."""
    chart = first_bar_chart(read_image(FIXTURES / "canvas_unsure_level_name.png"))
    for series in chart.series:
        assert [str(p.x) for p in series.points] == ["C-Eval", "MBPP", "ARC-C"]


def test_a_dark_legend_read_unsure_is_read_again_beside_its_rounded_patches() -> None:
    """ECharts-like dark theme: pale names right of rounded icons about twice as wide as
    tall; the page reading gave "MMu-Pro" (19), "uuu" (25) and nothing for two series. Each
    is read again alone beside its patch."""
    chart = first_bar_chart(read_image(FIXTURES / "canvas_dark_rounded_legend.png"))
    assert _series_names(chart) == ["MMLU-Pro", "MMLU", "WinoGrande", "ARC-C", "BBH"]


def test_a_label_crossed_by_a_gridline_is_read_alone() -> None:
    """Vega-Lite, dark: the gridline at 60 runs through the last bar's "57.3"; joined by
    it, the glyphs made one shape too wide for a glyph and the label was left unread (the
    bar measured 57.5)."""
    chart = first_bar_chart(read_image(FIXTURES / "vega_dark_label_on_gridline.png"))
    last = max((p for s in chart.series for p in s.points), key=lambda p: p.px)
    assert (last.y, last.provenance) == (57.3, "label")


def test_a_legend_name_read_again_keeps_to_its_own_entry(shared_dir: Path) -> None:
    """DeepSeek-V3's benchmark figure: "Llama-3.1-405B-Inst" read at 66 is read again
    beside a patch of its colour, where a near colour's patch beside Qwen's entry gave
    "Qwen2.5-72B-Ins-", and the crop ended "Claude-3.5-Sonnet-1022" early. A reading
    again that names another series, or says less of the same name, is not taken."""
    record = read_real(shared_dir, "dsv3_bench_bar.png")
    names = _series_names(first_bar_chart(record))
    assert "Llama-3.1-405B-Inst" in names and "Claude-3.5-Sonnet-1022" in names
    assert confirmed_names(["vere", "C-Eval", "MMu-Pro", "Claude-3.5-Sonnet-1022"],
                           ["MBPP", "", "MMLU-Pro", "Claude-3.5-Sonne"]) == [
        "MBPP", "C-Eval", "MMLU-Pro", "Claude-3.5-Sonnet-1022"]
    # two series' names may hold one another: "MMLU" read again beside "MMLU-Pro" stands
    assert confirmed_names(["MMu-Pro", "uuu"], ["MMLU-Pro", "MMLU"]) == ["MMLU-Pro", "MMLU"]
