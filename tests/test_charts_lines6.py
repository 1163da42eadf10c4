"""Line charts against training compute as plotly and others print it (issue 11, lines6), on
renders of the tuning looks (``fixtures/charts/SOURCES.md`` says which): each test one
mechanism, read through real Tesseract."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from test_charts_curves import _near
from test_charts_lines import _chart, _series

from imgread.pipeline import read_image
from imgread.record import Axis, Record

FIXTURES = Path(__file__).parent / "fixtures" / "charts"


def _x_axis(record: Record) -> Axis:
    return next(a for a in _chart(record).axes if a.orientation == "x")


def _log_axis_reads(record: Record, exponents: set[float], name: str,
                    points: tuple[tuple[float, float], ...]) -> None:
    """The x axis is a log axis ticked at (at least) these powers of ten, and the series
    ``name`` has these points."""
    axis = _x_axis(record)
    assert axis.scale == "log"
    assert exponents <= {round(math.log10(t.value), 3) for t in axis.ticks}, axis.ticks
    series = _series(_chart(record), name)
    for x, y in points:
        assert _near(series, x, y), (x, y, [(p.x, p.y) for p in series.points])


@pytest.fixture(scope="module")
def superscript_powers() -> Record:
    """plotly (seaborn template): training compute on a log x axis ticked "3×10¹⁸",
    "10¹⁹" ... "10²²" in the font's superscript digits, which hang from the digits' top
    line rather than standing above it (OCR: "1019", "3x1018")."""
    return read_image(FIXTURES / "plotly_superscript_powers.png")


def test_superscript_digits_are_an_exponent(superscript_powers: Record) -> None:
    """A superscript glyph's top is level with the "10" and its foot well above the
    baseline: it is a raised exponent; before, the ticks read 1019, 1020, 1021, 1022 as a
    linear axis and every point stood at about 1020."""
    _log_axis_reads(superscript_powers, {19, 20, 21, 22}, "Mamba",
                    ((3e18, 52.9), (6e19, 63.4), (1e22, 85.0)))


def test_powers_of_ten_in_a_row_make_a_page_worth_reading() -> None:
    """plotly, JPEG: the page reading kept two x ticks ("1e21", "1e23") and none of the
    small y ticks; two powers of ten level and far apart are a log axis's ticks, and the
    page is read again as a chart. Before, no chart was read."""
    _log_axis_reads(read_image(FIXTURES / "plotly_e_ticks_pale_y.jpg"), {21, 22, 23}, "Phi",
                    ((5e22, 58.2),))


def test_crowded_e_ticks_stay_apart_and_their_e_may_read_as_a_sign() -> None:
    """plotly at 400 px, JPEG: ticks "1e19 3e19 ..." a word space apart, the small "e"
    read "€" or "¢". Two powers of ten never join as one phrase, and "1€19" is 1e19;
    before, "1€19 3e19" was one category name and the axis was categorical."""
    _log_axis_reads(read_image(FIXTURES / "plotly_e_ticks_crowded.jpg"),
                    {19, 20, 21, 21.477}, "Ours", ((3e21, 54.2),))


def test_ones_read_as_letters_in_e_notation() -> None:
    """matplotlib: parameters ticked "1e10" and "1e11", the second read "lell" (an l for
    each 1); a 1 read as l or I beside an e is a 1 (plotly's "le+21" too). Before, one
    decade made no x axis and every x stayed in pixels."""
    _log_axis_reads(read_image(FIXTURES / "mpl_e_ticks_letter_ones.png"), {10, 11}, "Gemma 2",
                    ((1.2e10, 34.8),))


def test_a_mark_before_e_notation_is_cut_off() -> None:
    """matplotlib: "1e10" read with the stroke of a minor tick before it ("“1e10"), as
    matplotlib's "10¹" was; the mark is cut off the word and its box. Before, no x axis."""
    _log_axis_reads(read_image(FIXTURES / "mpl_e_ticks_with_mark.png"), {10, 11}, "Mamba",
                    ((2e10, 42.9),))


def test_a_small_two_digit_exponent_is_read_again_as_a_line() -> None:
    """plotly's own power format at device scale 1: "10²²" and "10²³" with exponents five
    pixels tall, read alone as a word "2" each (two decades both 10², no axis); ink two
    digits wide read as one digit is read again as a line of text."""
    _log_axis_reads(read_image(FIXTURES / "plotly_small_two_digit_exponents.png"), {22, 23},
                    "OLMo", ((5e22, 37.4),))
