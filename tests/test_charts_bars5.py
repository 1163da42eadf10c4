"""Bar charts of other renderers (issue 11, bars5): sorted lying bars with their values at
their ends and no axis (a Datawrapper-like chart), and bars in a post shrunk to a rough JPEG
(a Reddit-like post). Each test is one mechanism, on a render of ``blind5_charts.py`` at a
tuning seed (``fixtures/charts/SOURCES.md``), read through real Tesseract."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from conftest import first_bar_chart, names_alike
from PIL import Image, ImageDraw, ImageFont

from imgread.charts import binding
from imgread.charts.axes import Fit
from imgread.charts.bars import RawBar, find_bars
from imgread.charts.panels import plot_panel
from imgread.ocr.phrase import Phrase
from imgread.pipeline import read_image
from imgread.record import Box, Chart, Record, Word

FIXTURES = Path(__file__).parent / "fixtures" / "charts"


def _points(chart: Chart) -> list[tuple[str, float | None]]:
    return [(str(p.x), p.y) for s in chart.series for p in s.points]


def _hbar_points(record: Record) -> list[tuple[str, float | None]]:
    return [point for chart in record.charts if chart.kind == "hbar" for point in _points(chart)]


def _all_read(read: list[tuple[str, float | None]], truth: list[tuple[str, float]]) -> bool:
    """Every true bar read once, by a name alike and its value within 1."""
    return len(read) == len(truth) and all(
        any(names_alike(name, want) and value is not None and abs(value - y) <= 1.0
            for name, value in read) for want, y in truth)


def test_small_names_lost_under_bars_are_read_one_by_one() -> None:
    """Three bars in a post shrunk to 550 px and saved as a rough JPEG: the page reading and
    the strip under the bars read whole found no sure name (Tesseract on a long line of
    small blurred text); read alone, each name's own line enlarged, they read. Before: the
    bars came out as 1.0, 2.0, 3.0."""
    chart = first_bar_chart(read_image(FIXTURES / "reddit_jpeg_names_lost.jpg"))
    assert _all_read(_points(chart), [("Mistral-7B", 82.0), ("Cairn-32B", 70.7),
                                      ("Lindqvist-70B", 73.3)])


def test_a_name_centred_under_one_bar_does_not_name_its_neighbour() -> None:
    """Six bars, two names read unsure ("Umbra-34B8" at 43): the bars left unnamed took the
    name under the bar beside them ("a label in a gap between groups names both"), so that
    "Vireo-13B" and "Tarn-20B" named two bars each and Umbra's and Basalt's values were
    lost. A name centred under a bar is that bar's alone; the unsure ones are read again."""
    chart = first_bar_chart(read_image(FIXTURES / "reddit_jpeg_names_unsure.jpg"))
    read = _points(chart)
    assert len({name for name, _ in read}) == 6
    assert _all_read(read, [("Sorrel-65B", 52.6), ("Vireo-13B", 46.9), ("Umbra-34B", 47.9),
                            ("Basalt-14B", 59.9), ("Tarn-20B", 38.5), ("Gemma-7B", 48.6)])


def test_sorted_lying_bars_whose_values_the_page_lost_are_read() -> None:
    """Sorted lying bars, no axis, a value past each bar's end: the page reading read only
    the first three values (81.2, 80.8 as "30.8", 80.7), bars of one length that give no
    scale, and the tables stage took those rows for a table. Before: no chart at all. The
    numbers at the ends of bars make the page worth a chart reading, and the values past
    the other bars in their row are read alone."""
    read = _hbar_points(read_image(FIXTURES / "datawrapper_values_lost.jpg"))
    assert _all_read(read, [
        ("Mistral-7B", 81.2), ("Yi-34B", 80.8), ("Marrow-8B", 80.7), ("Cairn-32B", 77.7),
        ("Umbra-34B", 70.3), ("Vireo-13B", 68.6), ("Gemma-7B", 66.9), ("Basalt-14B", 58.9)])


def test_the_top_bar_boxed_as_a_word_is_still_read() -> None:
    """The top bar's end and its value were boxed by OCR as one unsure word ("1"): the box
    hid the bar, the chart read without it was no longer "stepped" (bars of four heights or
    more) and was dropped as the table the tables stage saw in its rows. Before: no chart."""
    read = _hbar_points(read_image(FIXTURES / "datawrapper_top_bar_boxed.png"))
    assert _all_read(read, [
        ("Yi-34B", 81.5), ("Quillfin-6.7B", 79.1), ("Sorrel-65B", 72.7), ("Vireo-13B", 71.9),
        ("Basalt-14B", 69.8), ("Mistral-7B", 69.5)])


def test_a_bar_read_as_a_letter_is_still_a_bar() -> None:
    """The last bar, red among blue ones, was boxed by OCR as a letter ("C") over its whole
    length: text boxes are no bar, so the bar was lost."""
    read = _hbar_points(read_image(FIXTURES / "datawrapper_last_bar_boxed.png"))
    assert ("Cairn-32B", 24.8) in [(name, value) for name, value in read]
    assert len(read) == 9


def _bars_image(text_inside: bool) -> np.ndarray:
    image = Image.new("RGB", (200, 160), "white")
    draw = ImageDraw.Draw(image)
    for x, top in ((20, 40), (80, 70), (140, 20)):
        draw.rectangle([x, top, x + 39, 149], fill="#3c78d8")
    if text_inside:
        font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 14)
        draw.text((84, 80), "42.5", font=font, fill="white")
    return np.array(image)


def test_a_box_of_bar_colour_hides_no_bar_but_a_label_inside_one_still_does() -> None:
    """A "word" box over a whole bar (OCR read the bar as a letter) leaves the bar standing;
    a label printed inside a bar, white on its colour, is text and still boxed out."""
    bg = np.array([255.0, 255.0, 255.0])
    area = Box(x1=0, y1=0, x2=200, y2=150)
    over_bar = Box(x1=80, y1=70, x2=120, y2=150)
    bars = find_bars(_bars_image(False), area, [over_bar], bg)
    assert len(bars) == 3
    label = Box(x1=83, y1=79, x2=118, y2=97)
    inside = find_bars(_bars_image(True), area, [label], bg)
    assert len(inside) == 3 and abs(inside[1].top - 70) <= 2


def _phrase(text: str, x1: int, x2: int) -> Phrase:
    return Phrase.of([Word(text=text, confidence=90.0, box=Box(x1=x1, y1=210, x2=x2, y2=222))])


def test_a_bar_whose_name_is_lost_keeps_its_place_not_its_neighbours_name() -> None:
    """Three bars, one series, the middle one's name unread: it stays unnamed (its index),
    for the names read one by one to fill, rather than taking the name centred under the
    bar beside it. A name in the gap between two groups (a bar missing from a group) still
    names both."""
    blue = np.array([60.0, 120.0, 216.0])
    bars = [RawBar(x1=x, x2=x + 50, top=100, bottom=200, colour=blue) for x in (20, 100, 180)]
    row = [_phrase("Sorrel-65B", 15, 75), _phrase("Gemma-7B", 180, 230)]
    named = binding._label_groups(bars, row, {id(p): p.text for p in row})
    assert named == ["Sorrel-65B", 2.0, "Gemma-7B"]
    grouped = [RawBar(x1=x, x2=x + 30, top=100, bottom=200, colour=c)
               for x, c in ((20, blue), (50, blue * 0.5), (110, blue), (140, blue * 0.5))]
    between = [_phrase("GSM8K", 85, 100)]
    assert binding._label_groups(grouped, between, {id(between[0]): "GSM8K"}) == ["GSM8K"] * 4


def _word(text: str, x1: int, y1: int, x2: int, y2: int, confidence: float = 90.0) -> Phrase:
    return Phrase.of([Word(text=text, confidence=confidence, box=Box(x1=x1, y1=y1, x2=x2, y2=y2))])


def test_a_y_tick_read_with_its_tick_mark_does_not_end_the_plot() -> None:
    """A JPEG'd seaborn chart whose y ticks 70, 60 and 30 were read, and "10" with its tick
    mark as "10>": taken for an x label, it ended the plot area above the bars' feet, so the
    names under the bars were looked for too high and none was found. A number in the tick
    labels' column is a tick misread, not an x label."""
    ticks = [_word("70", 204, 425, 230, 445), _word("60", 204, 484, 230, 503),
             _word("30", 204, 661, 230, 680)]
    fit = Fit("y", "linear", -10 / 59.0, 70 + 435 * 10 / 59.0, ticks, 0.5)
    misread = _word("10>", 205, 779, 256, 798, confidence=39.0)
    name = _word("BBH", 328, 870, 380, 891)
    page = np.full((1000, 1400, 3), 255, dtype=np.uint8)
    panel = plot_panel(fit, [fit], [*ticks, misread, name], set(), page)
    assert panel.area.y2 > 800  # down to the x labels, past the misread tick
    assert panel.area.y2 < name.box.y1


def test_an_unread_label_over_its_bar_is_no_stacked_segment() -> None:
    """Two of four value labels ("23.0%", "58.1%") were lost to the page reading and print
    a few pixels over their bars: a line of text, it passed for a dark segment stacked on
    those two bars (its colour "recurring" from bar to bar), and the chart was read as
    stacked, with extra points of 3.6 and 4.2. A segment is filled with its colour."""
    chart = first_bar_chart(read_image(FIXTURES / "reddit_jpeg_labels_touching.jpg"))
    assert _all_read(_points(chart), [("Ostrea-9B", 23.0), ("Mistral-7B", 69.9),
                                      ("Basalt-14B", 56.0), ("Yi-34B", 58.1)])


def test_a_bar_edge_read_as_a_letter_leaves_the_name_beside_it() -> None:
    """Two names beside lying bars were read with the bar's edge as a letter ("Kestrel-7B"
    and "r" into one phrase reaching onto the bar): no longer left of the bars, the name
    was not taken, and the bar came out as 2.0."""
    read = _hbar_points(read_image(FIXTURES / "datawrapper_bar_edge_read_as_letter.png"))
    assert _all_read(read, [
        ("Lindqvist-70B", 77.9), ("Cairn-32B", 72.6), ("Vireo-13B", 67.4), ("Mistral-7B", 58.0),
        ("Sorrel-65B", 57.4), ("Kestrel-7B", 56.2), ("Quillfin-6.7B", 52.9)])
    assert all(isinstance(name, str) and not name.endswith((" r", " I")) for name, _ in read)
